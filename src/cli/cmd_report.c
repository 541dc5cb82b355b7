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
          "  -o, --output FILE    write to FILE (atomically; default stdout)\n"
          "  --job POSTING        add the match view against this job posting\n"
          "                       (.txt, .md or .html): score, missing must-haves,\n"
          "                       suggestions (see rolescan match)\n"
          "  --target ROLE        put this role id or title first\n"
          "  --as-of DATE         what \"present\" means (default: today)\n"
          "  --lexicons DIR, --max-size SIZE, --input-format, -q/--quiet as in scan\n"
          "\n"
          "exit: 0 ok, 1 the input could not be read, 2 usage, 3 lexicon,\n"
          "4 output, 5 internal\n",
          f);
}

typedef struct S_opts {
    cli_common c;
    rs_analysis_options analysis;
    const char *file;
    const char *job;
} S_opts;

/* Returns -1 to go on, else an exit code. */
static int S_parse(int argc, char **argv, S_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int taken = cli_common_option(&o->c, argc, argv, &i), r;
        if (taken < 0)
            return RS_EXIT_USAGE;
        if (taken)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            return S_usage(stdout), RS_EXIT_OK;
        if ((r = cli_option_value("report", argc, argv, &i, "--job", &v))) {
            if (r < 0)
                return RS_EXIT_USAGE;
            o->job = v;
        } else if ((r = cli_option_value("report", argc, argv, &i, "--target", &v))) {
            if (r < 0)
                return RS_EXIT_USAGE;
            o->analysis.target = v;
        } else if ((r = cli_option_value("report", argc, argv, &i, "--as-of", &v))) {
            if (r < 0 || !rs_date_parse(v, &o->analysis.as_of)) {
                fprintf(stderr, "rolescan report: --as-of takes a date like 2026-11\n");
                return RS_EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "rolescan report: unknown option '%s'\n", a);
            return S_usage(stderr), RS_EXIT_USAGE;
        } else if (o->file) {
            fprintf(stderr, "rolescan report: one input file only ('%s' and '%s')\n", o->file,
                    a);
            return RS_EXIT_USAGE;
        } else {
            o->file = a;
        }
    }
    if (!o->file) {
        fprintf(stderr, "rolescan report: no input file\n");
        return S_usage(stderr), RS_EXIT_USAGE;
    }
    return -1;
}

/* The match against --job, or NULL (and *rc set) when it cannot be read. */
static rs_match *S_job_match(const rs_roles *roles, const rs_lexicon *lex, const S_opts *o,
                             const cli_input *resume, const rs_analysis *ra, int *rc)
{
    cli_input in = {0};
    rs_analysis *pa = NULL;
    rs_match *m = NULL;
    rs_status st = cli_analyze_posting(roles, lex, o->job, &o->c, &o->analysis, &in, &pa);
    if (!st)
        st = rs_match_run(roles, lex, resume->doc, resume->scan, ra, in.doc, in.scan, pa, &m,
                          &in.err);
    if (st) {
        cli_report_error(&in.err);
        *rc = cli_exit_for(st);
    }
    rs_analysis_free(pa);
    cli_input_clear(&in);
    return m;
}

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    const S_opts *o = opts;
    cli_input in = {0};
    rs_analysis *an = NULL;
    rs_match *m = NULL;
    const char *name = strcmp(o->file, "-") == 0 ? "<stdin>" : o->file;
    rs_status st = cli_analyze_input(roles, lex, o->file, &o->c, &o->analysis, &in, &an);
    int rc = RS_EXIT_OK;
    if (st) {
        cli_report_error(&in.err);
        rc = st == RS_ERR_ARG ? RS_EXIT_USAGE : cli_exit_for(st);
    } else if (o->job) {
        m = S_job_match(roles, lex, o, &in, an, &rc);
    }
    if (!rc) {
        rs_score_result res = {name, in.doc, in.scan, an, NULL};
        rs_report_options ro = {.as_of = o->analysis.as_of, .match = m, .job_name = o->job};
        char *html = NULL;
        size_t len = 0;
        rs_error err = {0};
        if (rs_render_report_html(roles, lex, &res, &ro, &html, &len, &err)) {
            cli_report_error(&err);
            rc = RS_EXIT_INTERNAL;
        } else {
            rc = cli_write_output(&o->c, html, len);
        }
        rs_free(html);
    }
    rs_match_free(m);
    rs_analysis_free(an);
    cli_input_clear(&in);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    S_opts o = {0};
    cli_common_init(&o.c);
    int rc = S_parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (!o.analysis.as_of.year)
        o.analysis.as_of = rs_date_today();
    return cli_with_roles(&o.c, S_run, &o);
}
