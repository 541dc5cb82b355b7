/* fuzz_jsonl.c — the CLI's JSON Lines posting record parser,
 * cli_record_parse (src/cli/record.c, yajl's event parser): keys met twice,
 * nested values, integer ids, U+0000, invalid JSON and its error message.
 * The input is parsed whole and then line by line, as classify reads a
 * .jsonl file. */
#include "fuzz.h"

#include "cli/cli.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void S_parse_one(const char *line, size_t len)
{
    cli_record rec;
    char msg[256];
    msg[0] = '\0';
    rs_status st = cli_record_parse(line, len, &rec, msg, sizeof msg);
    if (st == RS_OK) {
        for (int k = 0; k < 3; k++)
            if (rec.field[k] && strlen(rec.field[k]) != rec.len[k]) {
                fprintf(stderr, "fuzz_jsonl: field %d length disagrees\n", k);
                abort();
            }
        if (rec.id)
            (void)strlen(rec.id);
    } else {
        if (rec.id || rec.field[0] || rec.field[1] || rec.field[2]) {
            fprintf(stderr, "fuzz_jsonl: record not left empty on failure\n");
            abort();
        }
        if (!memchr(msg, '\0', sizeof msg) || !msg[0]) {
            fprintf(stderr, "fuzz_jsonl: failure without a message\n");
            abort();
        }
    }
    cli_record_clear(&rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size heap copy: yajl must not read past len. */
    char *copy = calloc(1, size ? size : 1);
    if (!copy)
        return 0;
    if (size)
        memcpy(copy, data, size);
    S_parse_one(copy, size);
    const char *p = copy, *end = copy + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (nl != NULL || p != copy)   /* the whole input was parsed above */
            S_parse_one(p, n);
        p += n + (nl != NULL);
    }
    free(copy);
    return 0;
}
