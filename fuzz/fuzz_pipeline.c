/* fuzz_pipeline.c — the whole pipeline through every renderer, as the CLI
 * runs it: decode -> document -> scan -> analyze, then
 *   scan text (plain, and colour with all evidence) and JSON,
 *   score text and JSON,
 *   the HTML report (alone, and with the match view),
 *   classification rows (table, CSV, JSON Lines with spans and timing),
 *   a batch summary (text and HTML) of that row,
 *   rs_match_run of the input as a resume against a fixed posting
 *   (samples/postings/03-senior-go.txt) and, the other way round, of a fixed
 *   resume (samples/resumes/03-senior-backend.txt) against the input as a
 *   posting, each rendered as match text, JSON and CSV (with an error
 *   result beside it).
 * An input that fails to decode goes through the renderers as an error
 * result. Lexicons and the fixed documents are read once; "present" is
 * November 2026. */
#include "fuzz.h"
#include "render_support.h"

#ifndef RS_FUZZ_POSTING
#error "compile with -DRS_FUZZ_POSTING=\"/path/to/samples/postings/03-senior-go.txt\""
#endif
#ifndef RS_FUZZ_RESUME
#error "compile with -DRS_FUZZ_RESUME=\"/path/to/samples/resumes/03-senior-backend.txt\""
#endif

static const rs_date S_as_of = {2026, 11};

/* One document read through the pipeline. */
typedef struct S_doc {
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a;
    rs_requirements *asked;
} S_doc;

static S_doc S_posting, S_resume;

static void S_doc_free(S_doc *d)
{
    rs_requirements_free(d->asked);
    rs_analysis_free(d->a);
    rs_scan_free(d->scan);
    rs_document_free(d->doc);
    memset(d, 0, sizeof *d);
}

static void S_free_fixed(void)
{
    S_doc_free(&S_posting);
    S_doc_free(&S_resume);
}

/* Reads bytes as a document, scans and analyses it; RS_OK or why not. */
static rs_status S_doc_read(const char *name, const uint8_t *data, size_t size, S_doc *d,
                            rs_error *err)
{
    rs_text *text = NULL;
    rs_status st = rs_text_decode(name, data, size, RS_DEFAULT_MAX_INPUT, &text, err);
    if (!st)
        st = rs_document_new(text, &d->doc, err);
    if (!st)
        st = rs_scan_run(rs_fuzz_lex, d->doc, &d->scan, err);
    rs_analysis_options o = {.as_of = S_as_of};
    if (!st)
        st = rs_analyze(rs_fuzz_roles, rs_fuzz_lex, d->doc, d->scan, &o, &d->a, err);
    if (!st)
        st = rs_requirements_read(rs_fuzz_lex, d->doc, d->scan, &d->asked, err);
    return st;
}

static void S_load_fixed(const char *path, S_doc *d)
{
    size_t len = 0;
    unsigned char *bytes = rs_fuzz_read_file(path, &len);
    rs_error err = {0};
    if (!bytes || S_doc_read(path, bytes, len, d, &err) != RS_OK) {
        fprintf(stderr, "fuzz_pipeline: cannot read %s: %s\n", path, err.message);
        abort();
    }
    free(bytes);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_fuzz_lexicons(1);
    S_load_fixed(RS_FUZZ_POSTING, &S_posting);
    S_load_fixed(RS_FUZZ_RESUME, &S_resume);
    atexit(S_free_fixed);   /* runs before the lexicons are freed */
    return 0;
}

/* Every renderer's output is the caller's: check it is a string, free it.
 * RENDER(call, out, len, what) runs the call first, then S_done (the
 * arguments of one call are evaluated in no set order). */
#define RENDER(call, out, len, what)                                         \
    do {                                                                     \
        rs_status render_st_ = (call);                                       \
        S_done(render_st_, (out), (len), (what));                            \
        (out) = NULL;                                                        \
    } while (0)

static void S_done(rs_status st, char *out, size_t len, const char *what)
{
    if (st == RS_OK && (!out || strlen(out) != len)) {
        fprintf(stderr, "fuzz_pipeline: %s output length disagrees\n", what);
        abort();
    }
    rs_free(out);
}

static void S_render_match(const char *self, const rs_match *m, const rs_error *fail)
{
    rs_error err = {0};
    rs_match_result res[2] = {{"posting.txt", m, NULL}, {"broken.txt", NULL, fail}};
    char *out = NULL;
    size_t len = 0;
    rs_report_options ro = RS_REPORT_OPTIONS_INIT;
    ro.as_of = S_as_of;
    RENDER(render_match(rs_fuzz_roles, rs_fuzz_lex, self, res, 2, &ro, RS_OUTPUT_TEXT, &out, &len,
                        &err),
           out, len, "match text");
    RENDER(render_match(rs_fuzz_roles, rs_fuzz_lex, self, res, 1, &ro, RS_OUTPUT_TEXT, &out, &len,
                        &err),
           out, len, "match text (one)");
    RENDER(render_match(rs_fuzz_roles, rs_fuzz_lex, self, res, 2, &ro, RS_OUTPUT_JSON, &out, &len,
                        &err),
           out, len, "match json");
    RENDER(render_match(rs_fuzz_roles, rs_fuzz_lex, self, res, 2, &ro, RS_OUTPUT_CSV, &out, &len,
                        &err),
           out, len, "match csv");
}

/* Reads what a match offers, as the renderers do, then renders it. */
static void S_walk_match(const rs_match *m)
{
    (void)rs_match_get_score(m);
    for (size_t i = 0; i < rs_match_requirement_count(m); i++)
        (void)rs_match_requirement(m, i);
    for (size_t i = 0; i < rs_match_negated_count(m); i++)
        (void)rs_match_negated(m, i);
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++)
        (void)strlen(rs_match_suggestion(m, i));
    for (size_t i = 0; i < rs_match_job_count(m); i++)
        (void)rs_match_job(m, i);
    for (int p = 0; p < 2; p++)
        for (size_t i = 0; i < rs_match_section_count(m, p); i++)
            (void)rs_match_section(m, p, i);
    (void)strlen(rs_match_posting_title(m));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_error err = {0}, fail = {0};
    S_doc d = {0};
    rs_status st = S_doc_read("fuzz.txt", data, size, &d, &err);
    const rs_error *error = st ? &err : NULL;
    char *out = NULL;
    size_t len = 0;
    rs_error rerr = {0};

    /* scan renderers: the input (or its error) and an error beside it */
    snprintf(fail.message, sizeof fail.message, "%s", "cannot open: No such file");
    fail.status = RS_ERR_IO;
    rs_scan_result sr[2] = {{"fuzz.txt", NULL, NULL, &err}, {"other.txt", NULL, NULL, &fail}};
    if (d.scan)   /* scanned, even when the analysis then failed */
        sr[0] = (rs_scan_result){"fuzz.txt", d.doc, d.scan, NULL};
    RENDER(render_scan(rs_fuzz_lex, sr, 1, RS_OUTPUT_TEXT, 0, &out, &len, &rerr), out, len,
           "scan text");
    RENDER(render_scan(rs_fuzz_lex, sr, 2, RS_OUTPUT_TEXT, RS_RENDER_COLOR | RS_RENDER_ALL_EVIDENCE,
                       &out, &len, &rerr),
           out, len, "scan text (all)");
    RENDER(render_scan(rs_fuzz_lex, sr, 2, RS_OUTPUT_JSON, 0, &out, &len, &rerr), out, len,
           "scan json");

    /* score renderers */
    rs_score_result res = {"fuzz.txt", NULL, NULL, NULL, error};
    if (!st)
        res = (rs_score_result){"fuzz.txt", d.doc, d.scan, d.a, NULL};
    rs_report_options ro = RS_REPORT_OPTIONS_INIT;
    ro.as_of = S_as_of;
    RENDER(render_score(rs_fuzz_roles, rs_fuzz_lex, &res, 1, &ro, RS_OUTPUT_TEXT, RS_RENDER_COLOR,
                        &out, &len, &rerr),
           out, len, "score text");
    RENDER(render_score(rs_fuzz_roles, rs_fuzz_lex, &res, 1, &ro, RS_OUTPUT_JSON, 0, &out, &len,
                        &rerr),
           out, len, "score json");

    /* classification rows and a batch summary of them */
    const char *warning = st || !d.doc ? NULL : rs_text_warning(rs_document_text(d.doc));
    rs_classification c = {"fuzz-1", st ? NULL : d.scan, st ? NULL : d.a, error, warning,
                           1, 1, 1234, st ? NULL : d.asked};
    static const rs_output rows[] = {RS_OUTPUT_TEXT, RS_OUTPUT_CSV, RS_OUTPUT_JSONL};
    for (size_t f = 0; f < 3; f++) {
        (void)rs_classify_header(rows[f]);
        RENDER(render_row(rs_fuzz_roles, rs_fuzz_lex, &c, rows[f], &out, &len, &rerr), out, len,
               "classification");
    }
    rs_batch *batch = rs_batch_new(rs_fuzz_roles, rs_fuzz_lex, 4);
    if (batch) {
        rs_batch_row row = rs_classification_row(rs_fuzz_roles, &c);
        size_t skills[64], n = 0;
        for (size_t i = 0; !st && i < rs_scan_hit_count(d.scan) && n < 64; i++)
            if (rs_scan_hit(d.scan, i)->implied_by == (size_t)-1)
                skills[n++] = rs_scan_hit(d.scan, i)->skill;
        row.skills = skills;
        row.skill_count = n;
        (void)rs_batch_add(batch, &row, &rerr);
        RENDER(render_batch(batch, &ro, RS_OUTPUT_TEXT, &out, &len, &rerr), out, len,
               "batch text");
        RENDER(render_batch(batch, &ro, RS_OUTPUT_HTML, &out, &len, &rerr), out, len,
               "batch html");
        rs_batch_free(batch);
    }

    if (!st) {
        /* the input as a resume against the fixed posting */
        rs_match *m = NULL;
        rs_match_input in = {d.doc, d.scan, d.a, d.asked};
        rs_match_input posting = {S_posting.doc, S_posting.scan, S_posting.a, NULL};
        rs_match_input resume = {S_resume.doc, S_resume.scan, S_resume.a, NULL};
        if (rs_match_run(rs_fuzz_roles, rs_fuzz_lex, &in, &posting, &m, &rerr) == RS_OK) {
            S_walk_match(m);
            S_render_match("fuzz.txt", m, &fail);
        }
        /* the HTML report, alone and with the match view */
        RENDER(render_score(rs_fuzz_roles, rs_fuzz_lex, &res, 1, &ro, RS_OUTPUT_HTML, 0, &out,
                            &len, &rerr),
               out, len, "report");
        ro.match = m;
        ro.job_name = "03-senior-go.txt";
        RENDER(render_score(rs_fuzz_roles, rs_fuzz_lex, &res, 1, &ro, RS_OUTPUT_HTML, 0, &out,
                            &len, &rerr),
               out, len, "report with match");
        rs_match_free(m);
        m = NULL;

        /* the fixed resume against the input as a posting */
        if (rs_match_run(rs_fuzz_roles, rs_fuzz_lex, &resume, &in, &m, &rerr) == RS_OK) {
            S_walk_match(m);
            S_render_match("resume.txt", m, &fail);
            rs_score_result rres = {"resume.txt", S_resume.doc, S_resume.scan, S_resume.a, NULL};
            ro.match = m;
            ro.job_name = "fuzz.txt";
            RENDER(render_score(rs_fuzz_roles, rs_fuzz_lex, &rres, 1, &ro, RS_OUTPUT_HTML, 0,
                                &out, &len, &rerr),
                   out, len, "resume report with the input's match");
        }
        rs_match_free(m);
    }
    S_doc_free(&d);
    rs_fuzz_check_quiet("fuzz_pipeline");
    return 0;
}
