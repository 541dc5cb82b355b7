/* fuzz_dates.c — dates, titles and years: rs_date_parse on the input (and
 * on each of its first lines), rs_roles_parse_title on its first lines,
 * and rs_analyze of the input as a document with the shipped lexicons and
 * roles (date ranges and their merging, "present", stated years, titles,
 * scope, the rung estimate, role scores and gaps). "Present" is fixed at
 * November 2026 so runs repeat. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_fuzz_lexicons(1);
    return 0;
}

static void S_check_date(const rs_date *d)
{
    if (d->year < 1900 || d->year > 2200 || d->month < 0 || d->month > 12) {
        fprintf(stderr, "fuzz_dates: date %d-%d out of range\n", d->year, d->month);
        abort();
    }
}

static void S_lines(const char *s)
{
    char line[256];
    int n = 0;
    while (*s && n++ < 32) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t copy = len < sizeof line ? len : sizeof line - 1;
        memcpy(line, s, copy);
        line[copy] = '\0';
        rs_date d;
        if (rs_date_parse(line, &d) == 1 && (d.month < 1 || d.month > 12))
            abort();
        rs_title_match m;
        if (rs_roles_parse_title(rs_fuzz_roles, line, &m) == 1 && m.role != (size_t)-1 &&
            m.role >= rs_roles_count(rs_fuzz_roles)) {
            fprintf(stderr, "fuzz_dates: title role index out of range\n");
            abort();
        }
        s += len + (nl != NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = rs_fuzz_cstr(data, size);
    if (!s)
        return 0;
    rs_date d;
    if (rs_date_parse(s, &d) == 1)
        S_check_date(&d);
    S_lines(s);
    free(s);

    rs_error err = {0};
    rs_text *text = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    rs_analysis *a = NULL;
    if (rs_text_decode("fuzz.txt", data, size, RS_DEFAULT_MAX_INPUT, &text, &err) != RS_OK)
        return 0;
    if (rs_document_new(text, &doc, &err) != RS_OK)
        return 0;
    rs_analysis_options o = {.as_of = {2026, 11}};
    if (rs_scan_run(rs_fuzz_lex, doc, &scan, &err) == RS_OK &&
        rs_analyze(rs_fuzz_roles, rs_fuzz_lex, doc, scan, &o, &a, &err) == RS_OK) {
        const char *why = NULL;
        (void)rs_analysis_in_scope(a, &why);
        for (size_t i = 0; i < rs_analysis_title_count(a); i++)
            (void)rs_analysis_title(a, i);
        for (size_t i = 0; i < rs_analysis_range_count(a); i++) {
            const rs_range *r = rs_analysis_range(a, i);
            S_check_date(&r->start);
            if (!r->open_ended)
                S_check_date(&r->end);
        }
        long months = rs_analysis_months(a);
        if (months < 0) {
            fprintf(stderr, "fuzz_dates: negative months of experience (%ld)\n", months);
            abort();
        }
        (void)rs_analysis_stated_years(a);
        (void)rs_analysis_seniority(a);
        double conf = 0;
        (void)rs_analysis_rung(a, &conf);
        for (size_t i = 0; i < rs_analysis_evidence_count(a); i++)
            (void)rs_analysis_evidence(a, i);
        rs_role_skill missing[8];
        for (size_t i = 0; i < rs_analysis_role_count(a); i++) {
            const rs_role_score *rs = rs_analysis_role(a, i);
            (void)rs_analysis_missing(a, rs->role, missing, 8);
            (void)rs_roles_next(rs_fuzz_roles, rs->role);
        }
    }
    rs_analysis_free(a);
    rs_scan_free(scan);
    rs_document_free(doc);
    return 0;
}
