/* cmd_score.c — `rolescan score FILE...`: closest roles, rung, gaps and
 * next-level advice, with the evidence behind each. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan score [options] FILE...   (FILE may be - for stdin)\n"
          "\n"
          "Places a resume (or a posting) on the engineering ladder: the rung and\n"
          "why, the closest roles with their score parts, the skills missing for\n"
          "the closest role and for the next rung, next steps and lateral moves.\n"
          "\n"
          "options:\n"
          "  --format FMT         text (default), json, or jsonl (a line per input)\n"
          "  --target ROLE        score against this role id or title first\n"
          "  --top N              closest roles to show (default 5)\n"
          "  --as-of DATE         what \"present\" means: 2026-11, 2026-11-22 or\n"
          "                       \"Nov 2026\" (default: today)\n"
          CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 1 an input failed, 2 usage, 3 lexicon, 4 output, 5 internal\n",
          f);
}

typedef struct S_opts {
    cli_common c;
    bool json, jsonl;
    rs_run_options run;          /* as_of, target, top */
    const char **files;
    size_t nfiles;
} S_opts;

static const cli_opt S_own[] = {
    {"format", 0, true}, {"target", 0, true}, {"top", 0, true}, {"as-of", 0, true},
    {NULL, 0, false}};

static int S_option(void *opts, const char *name, const char *v)
{
    S_opts *o = opts;
    if (strcmp(name, "format") == 0) {
        if (strcmp(v, "json") && strcmp(v, "text") && strcmp(v, "jsonl")) {
            fprintf(stderr, "rolescan score: --format takes text, json or jsonl, not '%s'\n",
                    v);
            return -1;
        }
        o->json = strcmp(v, "json") == 0;
        o->jsonl = strcmp(v, "jsonl") == 0;
    } else if (strcmp(name, "target") == 0) {
        o->run.target = v;
    } else if (strcmp(name, "top") == 0) {
        char *end;
        long n = strtol(v, &end, 10);
        if (end == v || *end || n < 1 || n > 100) {
            fprintf(stderr, "rolescan score: --top takes a number from 1 to 100\n");
            return -1;
        }
        o->run.top = (size_t)n;
    } else {
        return cli_as_of("score", v, &o->run.as_of);
    }
    return 0;
}

/* Returns -1 to go on, else an exit code. */
static int S_parse(int argc, char **argv, S_opts *o)
{
    static const cli_command cmd = {"score", S_usage, S_own, S_option, "no input files", true};
    return cli_parse(&cmd, &o->c, argc, argv, o, o->files, &o->nfiles);
}

static int S_render(const rs_roles *roles, const rs_lexicon *lex, const rs_score_result *res,
                    const S_opts *o)
{
    rs_report_options ro = RS_REPORT_OPTIONS_INIT;
    ro.as_of = o->run.as_of;
    rs_report *report = NULL;
    rs_error err = {0};
    rs_status st = rs_report_score(roles, lex, res, o->nfiles, &ro, &report, &err);
    rs_output format = o->json ? RS_OUTPUT_JSON : o->jsonl ? RS_OUTPUT_JSONL : RS_OUTPUT_TEXT;
    return cli_emit_report(&o->c, st, report, &err, format,
                           format == RS_OUTPUT_TEXT ? cli_text_flags(&o->c) : 0);
}

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    S_opts *o = opts;
    cli_input *in = calloc(o->nfiles, sizeof *in);
    rs_score_result *res = calloc(o->nfiles, sizeof *res);
    int rc = RS_EXIT_OK;
    if (!in || !res) {
        rc = cli_nomem();
        goto done;
    }
    for (size_t i = 0; i < o->nfiles; i++) {
        res[i].name = strcmp(o->files[i], "-") == 0 ? "<stdin>" : o->files[i];
        rs_status st = cli_run_input(lex, roles, o->files[i], &o->c, &o->run, &in[i]);
        if (st == RS_ERR_ARG) {   /* --target unreadable: the same for every file */
            cli_report_error(&in[i].err);
            rc = RS_EXIT_USAGE;
            goto done;
        }
        if (st) {
            cli_report_error(&in[i].err);
            int code = cli_exit_for(st);
            rc = rc > code ? rc : code;
            res[i].error = &in[i].err;
            continue;
        }
        const rs_result *r = in[i].result;
        res[i] = (rs_score_result){res[i].name, rs_result_document(r), rs_result_scan(r),
                                   rs_result_analysis(r), NULL};
    }
    int out_rc = S_render(roles, lex, res, o);
    rc = out_rc > rc ? out_rc : rc;
done:
    for (size_t i = 0; i < o->nfiles && in; i++)
        cli_input_clear(&in[i]);
    free(in);
    free(res);
    return rc;
}

int cmd_score(int argc, char **argv)
{
    S_opts o = {.run = RS_RUN_OPTIONS_INIT};
    cli_common_init(&o.c);
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return cli_nomem();
    int rc = S_parse(argc, argv, &o);
    if (rc >= 0) {
        free(o.files);
        return rc;
    }
    if (!o.run.as_of.year)
        o.run.as_of = rs_date_today();
    rc = cli_with_roles(&o.c, S_run, &o);
    free(o.files);
    return rc;
}
