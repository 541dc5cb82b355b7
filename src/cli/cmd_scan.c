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

int cmd_scan(int argc, char **argv)
{
    cli_common c;
    cli_common_init(&c);
    bool json = false;
    unsigned flags = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return cli_nomem();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_common_option(&c, argc, argv, &i);
        if (taken < 0) {
            free(files);
            return RS_EXIT_USAGE;
        }
        if (taken)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            S_usage(stdout);
            free(files);
            return RS_EXIT_OK;
        } else if ((taken = cli_option_value("scan", argc, argv, &i, "--format", &a)) != 0) {
            if (taken < 0 || (strcmp(a, "json") != 0 && strcmp(a, "text") != 0)) {
                if (taken > 0)
                    fprintf(stderr, "rolescan scan: --format takes text or json, not '%s'\n", a);
                free(files);
                return RS_EXIT_USAGE;
            }
            json = strcmp(a, "json") == 0;
        } else if (strcmp(a, "--all-evidence") == 0) {
            flags |= RS_RENDER_ALL_EVIDENCE;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "rolescan scan: unknown option '%s'\n", a);
            S_usage(stderr);
            free(files);
            return RS_EXIT_USAGE;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "rolescan scan: no input files\n");
        S_usage(stderr);
        free(files);
        return RS_EXIT_USAGE;
    }
    if (cli_use_color(&c) && !json)
        flags |= RS_RENDER_COLOR;
    rs_lexicon *lex = NULL;
    int rc = cli_load_lexicon(&c, &lex);
    if (rc) {
        free(files);
        return rc;
    }
    cli_input *inputs = calloc(nfiles, sizeof *inputs);
    rs_scan_result *results = calloc(nfiles, sizeof *results);
    if (!inputs || !results) {
        rc = cli_nomem();
        goto done;
    }
    for (size_t i = 0; i < nfiles; i++) {
        cli_input *in = &inputs[i];
        rs_status st = cli_run_input(lex, NULL, files[i], &c, NULL, in);
        results[i].name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
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
    int out_rc = S_render(lex, results, nfiles, json, flags, &c);
    rc = out_rc > rc ? out_rc : rc;
done:
    for (size_t i = 0; inputs && i < nfiles; i++)
        cli_input_clear(&inputs[i]);
    free(inputs);
    free(results);
    free(files);
    rs_lexicon_free(lex);
    return rc;
}
