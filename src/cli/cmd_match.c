/* cmd_match.c — `rolescan match RESUME POSTING...`: how well a resume fits
 * one posting or many (files and folders), best first, with the score's
 * parts, the missing must-haves and suggestions true to the resume. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *const S_globs[] = {"*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                      "*.pdf", "*.docx", "*.odt", NULL};

static void S_usage(FILE *f)
{
    fputs("usage: rolescan match [options] RESUME POSTING...\n"
          "\n"
          "Matches a resume against job postings (files, or folders searched\n"
          "recursively for .txt .md .html .pdf .docx .odt): a score 0-100 with its parts\n"
          "(must-haves covered, preferred covered, track and rung fit, years), the\n"
          "missing must-haves first, then the preferred, what you have that the\n"
          "posting asks for (with years of use from your positions), what it says\n"
          "it does not need (\"no Java required\"), and suggestions true to the\n"
          "resume. Several postings are ranked best first.\n"
          "\n"
          "options:\n"
          "  --format FMT         text (default), json, jsonl (a line per posting)\n"
          "                       or csv\n"
          "  --as-of DATE         what \"present\" means (default: today)\n"
          CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 1 a posting could not be read (the others are matched),\n"
          "2 usage, 3 lexicon, 4 output, 5 internal; the resume unreadable: 1\n",
          f);
}

typedef enum { S_TEXT, S_JSON, S_CSV, S_JSONL } S_format;

typedef struct S_opts {
    cli_common c;
    S_format format;
    rs_run_options run;          /* as_of, target, top */
    const char **operands;       /* the resume, then the postings */
    size_t operand_count;
    const char *resume;
    const char **postings;
    size_t posting_count;
} S_opts;

static const cli_opt S_own[] = {{"format", 0, true}, {"as-of", 0, true}, {NULL, 0, false}};

static int S_option(void *opts, const char *name, const char *v)
{
    S_opts *o = opts;
    if (strcmp(name, "as-of") == 0)
        return cli_as_of("match", v, &o->run.as_of);
    if (strcmp(v, "text") == 0)
        o->format = S_TEXT;
    else if (strcmp(v, "json") == 0)
        o->format = S_JSON;
    else if (strcmp(v, "csv") == 0)
        o->format = S_CSV;
    else if (strcmp(v, "jsonl") == 0)
        o->format = S_JSONL;
    else
        return fprintf(stderr, "rolescan match: --format takes text, json, jsonl or csv, not "
                               "'%s'\n", v), -1;
    return 0;
}

/* Returns -1 to go on, else an exit code. */
static int S_parse(int argc, char **argv, S_opts *o)
{
    static const cli_command cmd = {"match", S_usage, S_own, S_option,
                                    "needs a resume and at least one posting", true};
    int rc = cli_parse(&cmd, &o->c, argc, argv, o, o->operands, &o->operand_count);
    o->resume = o->operand_count ? o->operands[0] : NULL;
    o->postings = o->operands + (o->operand_count ? 1 : 0);
    o->posting_count = o->operand_count ? o->operand_count - 1 : 0;
    if (rc < 0 && !o->posting_count) {
        fprintf(stderr, "rolescan match: needs a resume and at least one posting\n");
        return S_usage(stderr), RS_EXIT_USAGE;
    }
    return rc;
}

/* One document read, scanned and analysed; st is its status. */
typedef struct S_doc {
    cli_input in;
    rs_status st;
} S_doc;

static void S_doc_read(S_doc *d, const rs_roles *roles, const rs_lexicon *lex, const char *path,
                       const S_opts *o, rs_doc_kind kind)
{
    rs_run_options run = o->run;
    run.kind = kind;
    d->st = cli_run_input(lex, roles, path, &o->c, &run, &d->in);
    if (d->st)
        cli_report_error(&d->in.err);
}

static void S_doc_clear(S_doc *d) { cli_input_clear(&d->in); }

static int S_cmp_result(const void *x, const void *y)
{
    const rs_match_result *a = x, *b = y;
    if (!a->match || !b->match)
        return !a->match - !b->match;   /* errors last */
    double sa = rs_match_get_score(a->match).score, sb = rs_match_get_score(b->match).score;
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int S_render(const rs_roles *roles, const rs_lexicon *lex, const S_opts *o,
                    const char *resume, const rs_match_result *res, size_t n)
{
    rs_report_options ro = RS_REPORT_OPTIONS_INIT;
    ro.as_of = o->run.as_of;
    rs_report *report = NULL;
    rs_error err = {0};
    rs_status st = rs_report_match(roles, lex, resume, res, n, &ro, &report, &err);
    rs_output format = o->format == S_JSON    ? RS_OUTPUT_JSON
                       : o->format == S_JSONL ? RS_OUTPUT_JSONL
                       : o->format == S_CSV   ? RS_OUTPUT_CSV
                                              : RS_OUTPUT_TEXT;
    return cli_emit_report(&o->c, st, report, &err, format,
                           format == RS_OUTPUT_TEXT ? cli_use_color(&o->c) ? RS_RENDER_COLOR : 0
                                                    : 0);
}

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    const S_opts *o = opts;
    S_doc resume = {0};
    S_doc_read(&resume, roles, lex, o->resume, o, RS_DOC_RESUME);
    if (resume.st) {
        S_doc_clear(&resume);
        return cli_exit_for(resume.st);
    }
    cli_list files = {0};
    if (!cli_gather(o->postings, o->posting_count, S_globs, &files)) {
        fprintf(stderr, "rolescan: error: out of memory\n");
        S_doc_clear(&resume);
        cli_list_free(&files);
        return RS_EXIT_INTERNAL;
    }
    rs_match_result *res = calloc(files.count + 1, sizeof *res);
    rs_error *errs = calloc(files.count + 1, sizeof *errs);
    int rc = res && errs ? RS_EXIT_OK : RS_EXIT_INTERNAL;
    for (size_t i = 0; !rc && i < files.count; i++) {
        S_doc p = {0};
        rs_match *m = NULL;
        S_doc_read(&p, roles, lex, files.items[i], o, RS_DOC_POSTING);
        rs_status st = p.st;
        rs_match_input rs_side = rs_result_match_input(resume.in.result);
        rs_match_input ps_side = rs_result_match_input(p.in.result);
        if (!st && (st = rs_match_run(roles, lex, &rs_side, &ps_side, &m, &p.in.err)) != RS_OK)
            cli_report_error(&p.in.err);
        errs[i] = p.in.err;
        res[i] = (rs_match_result){files.items[i], m, st ? &errs[i] : NULL};
        if (st)
            rc = st == RS_ERR_NOMEM ? RS_EXIT_INTERNAL : RS_EXIT_OK;
        S_doc_clear(&p);
    }
    bool failed = false;
    for (size_t i = 0; res && i < files.count; i++)
        failed |= res[i].match == NULL;
    if (!rc) {
        qsort(res, files.count, sizeof *res, S_cmp_result);
        const char *name = strcmp(o->resume, "-") == 0 ? "<stdin>" : o->resume;
        rc = S_render(roles, lex, o, name, res, files.count);
        if (!rc && failed)
            rc = RS_EXIT_INPUT;
    }
    for (size_t i = 0; res && i < files.count; i++)
        rs_match_free((rs_match *)res[i].match);
    free(res);
    free(errs);
    cli_list_free(&files);
    S_doc_clear(&resume);
    return rc;
}

int cmd_match(int argc, char **argv)
{
    S_opts o = {.run = RS_RUN_OPTIONS_INIT};
    cli_common_init(&o.c);
    o.operands = calloc((size_t)argc + 1, sizeof *o.operands);
    if (!o.operands)
        return cli_nomem();
    int rc = S_parse(argc, argv, &o);
    if (rc < 0) {
        if (!o.run.as_of.year)
            o.run.as_of = rs_date_today();
        rc = cli_with_roles(&o.c, S_run, &o);
    }
    free(o.operands);
    return rc;
}
