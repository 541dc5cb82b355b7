/* cmd_report.c — `rolescan report RESUME -o report.html`: one
 * self-contained HTML page with the ladder, the evidence, the closest
 * roles, the skills found, the gaps and the advice. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan report [options] FILE    (FILE may be - for stdin)\n"
          "\n"
          "Writes an HTML gap report for a resume: where it stands on the ladder\n"
          "and why, the closest roles, every skill found with its evidence, the\n"
          "gaps for the closest role and the next rung, next steps, lateral\n"
          "moves and salary bands. One file: inline CSS and SVG, no script, no\n"
          "request; readable on a phone, a laptop and paper, light or dark.\n"
          "\n"
          "options:\n"
          "  --job POSTING        add the match view against this job posting\n"
          "                       (.txt, .md or .html): score, missing must-haves,\n"
          "                       suggestions (see rolescan match)\n"
          "  --target ROLE        put this role id or title first\n"
          "  --as-of DATE         what \"present\" means (default: today)\n"
          CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 1 the input could not be read, 2 usage, 3 lexicon,\n"
          "4 output, 5 internal\n",
          f);
}

typedef struct S_opts {
    cli_common c;
    rs_run_options run;          /* as_of, target, top */
    const char *file;
    const char *job;
} S_opts;

static const cli_opt S_own[] = {
    {"job", 0, true}, {"target", 0, true}, {"as-of", 0, true}, {NULL, 0, false}};

static int S_option(void *opts, const char *name, const char *v)
{
    S_opts *o = opts;
    if (strcmp(name, "job") == 0)
        o->job = v;
    else if (strcmp(name, "target") == 0)
        o->run.target = v;
    else
        return cli_as_of("report", v, &o->run.as_of);
    return 0;
}

/* Returns -1 to go on, else an exit code. */
static int S_parse(int argc, char **argv, S_opts *o)
{
    static const cli_command cmd = {"report", S_usage, S_own, S_option, "no input file", true};
    const char **files = malloc((size_t)argc * sizeof *files);
    size_t n = 0;
    if (!files)
        return cli_nomem();
    int rc = cli_parse(&cmd, &o->c, argc, argv, o, files, &n);
    if (rc < 0 && n > 1) {
        fprintf(stderr, "rolescan report: one input file only ('%s' and '%s')\n", files[0],
                files[1]);
        rc = RS_EXIT_USAGE;
    }
    o->file = n ? files[0] : NULL;
    free(files);
    return rc;
}

/* The match against --job, or NULL (and *rc set) when it cannot be read. */
static rs_match *S_job_match(const rs_roles *roles, const rs_lexicon *lex, const S_opts *o,
                             const rs_result *resume, int *rc)
{
    cli_input in = {0};
    rs_match *m = NULL;
    rs_run_options run = o->run;
    run.kind = RS_DOC_POSTING;
    rs_status st = cli_run_input(lex, roles, o->job, &o->c, &run, &in);
    if (!st) {
        rs_match_input r = rs_result_match_input(resume), p = rs_result_match_input(in.result);
        st = rs_match_run(roles, lex, &r, &p, &m, &in.err);
    }
    if (st) {
        cli_report_error(&in.err);
        *rc = cli_exit_for(st);
    }
    cli_input_clear(&in);
    return m;
}

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    const S_opts *o = opts;
    cli_input in = {0};
    rs_match *m = NULL;
    const char *name = strcmp(o->file, "-") == 0 ? "<stdin>" : o->file;
    rs_status st = cli_run_input(lex, roles, o->file, &o->c, &o->run, &in);
    int rc = RS_EXIT_OK;
    if (st) {
        cli_report_error(&in.err);
        rc = st == RS_ERR_ARG ? RS_EXIT_USAGE : cli_exit_for(st);
    } else if (o->job) {
        m = S_job_match(roles, lex, o, in.result, &rc);
    }
    if (!rc) {
        const rs_result *r = in.result;
        rs_score_result res = {name, rs_result_document(r), rs_result_scan(r),
                               rs_result_analysis(r), NULL};
        rs_report_options ro = RS_REPORT_OPTIONS_INIT;
        ro.as_of = o->run.as_of;
        ro.match = m;
        ro.job_name = o->job;
        rs_report *report = NULL;
        rs_error err = {0};
        rs_status built = rs_report_score(roles, lex, &res, 1, &ro, &report, &err);
        rc = cli_emit_report(&o->c, built, report, &err, RS_OUTPUT_HTML, 0);
    }
    rs_match_free(m);
    cli_input_clear(&in);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    S_opts o = {.run = RS_RUN_OPTIONS_INIT};
    cli_common_init(&o.c);
    int rc = S_parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (!o.run.as_of.year)
        o.run.as_of = rs_date_today();
    return cli_with_roles(&o.c, S_run, &o);
}
