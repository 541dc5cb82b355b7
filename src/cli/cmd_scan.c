/* cmd_scan.c — `rolescan scan FILE...`: the skills each input names. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan scan [options] FILE...   (FILE may be - for stdin)\n"
          "Reads text, Markdown, HTML, DOCX, ODT and PDF.\n"
          "\n"
          "Lists the skills and tools each input names, grouped by category, with\n"
          "the line:column and original words of each finding.\n"
          "\n"
          "options:\n"
          "  --format text|json   output format (default text)\n"
          "  --all-evidence       text: show every place a skill was found\n"
          CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 1 an input failed, 2 usage, 3 lexicon, 4 output, 5 internal\n",
          f);
}

static int S_render(const rs_lexicon *lex, const rs_scan_result *results, size_t n,
                    bool json, unsigned flags, const cli_common *c)
{
    rs_report *report = NULL;
    rs_error err = {0};
    rs_status st = rs_report_scan(lex, results, n, NULL, &report, &err);
    return cli_emit_report(c, st, report, &err, json ? RS_OUTPUT_JSON : RS_OUTPUT_TEXT, flags);
}

typedef struct S_opts {
    cli_common c;
    bool json;
    unsigned flags;
    const char **files;
    size_t nfiles;
} S_opts;

static const cli_opt S_own[] = {
    {"format", 0, true}, {"all-evidence", 0, false}, {NULL, 0, false}};

static int S_option(void *opts, const char *name, const char *v)
{
    S_opts *o = opts;
    if (strcmp(name, "all-evidence") == 0) {
        o->flags |= RS_RENDER_ALL_EVIDENCE;
        return 0;
    }
    if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0) {
        fprintf(stderr, "rolescan scan: --format takes text or json, not '%s'\n", v);
        return -1;
    }
    o->json = strcmp(v, "json") == 0;
    return 0;
}

/* Returns -1 to go on, else an exit code. */
static int S_parse(int argc, char **argv, S_opts *o)
{
    static const cli_command cmd = {"scan", S_usage, S_own, S_option, "no input files", true};
    int rc = cli_parse(&cmd, &o->c, argc, argv, o, o->files, &o->nfiles);
    if (rc < 0 && !o->json)
        o->flags |= cli_text_flags(&o->c);
    return rc;
}

/* Scans every file and renders them together. */
static int S_run(const S_opts *o, const rs_lexicon *lex)
{
    cli_input *inputs = calloc(o->nfiles, sizeof *inputs);
    rs_scan_result *results = calloc(o->nfiles, sizeof *results);
    int rc = RS_EXIT_OK;
    if (!inputs || !results) {
        rc = cli_nomem();
        goto done;
    }
    for (size_t i = 0; i < o->nfiles; i++) {
        cli_input *in = &inputs[i];
        rs_status st = cli_run_input(lex, NULL, o->files[i], &o->c, NULL, in);
        results[i].name = strcmp(o->files[i], "-") == 0 ? "<stdin>" : o->files[i];
        if (st) {
            cli_report_error(&in->err);
            int code = cli_exit_for(st);
            rc = rc > code ? rc : code;
            results[i].error = &in->err;
        } else {
            results[i].doc = rs_result_document(in->result);
            results[i].scan = rs_result_scan(in->result);
        }
    }
    int out_rc = S_render(lex, results, o->nfiles, o->json, o->flags, &o->c);
    rc = out_rc > rc ? out_rc : rc;
done:
    for (size_t i = 0; inputs && i < o->nfiles; i++)
        cli_input_clear(&inputs[i]);
    free(inputs);
    free(results);
    return rc;
}

int cmd_scan(int argc, char **argv)
{
    S_opts o = {0};
    cli_common_init(&o.c);
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return cli_nomem();
    int rc = S_parse(argc, argv, &o);
    rs_lexicon *lex = NULL;
    if (rc < 0 && (rc = cli_load_lexicon(&o.c, &lex)) == RS_EXIT_OK)
        rc = S_run(&o, lex);
    rs_lexicon_free(lex);
    free(o.files);
    return rc < 0 ? RS_EXIT_OK : rc;
}
