/* test_dates.c — years of experience, read through rs_analyze on small
 * documents with the real lexicons (RS_LEXICONS) and "present" = Nov 2026:
 * the date range forms resumes use, overlaps merged, ranges that cannot be
 * experience refused, stated years, and rs_date_parse.
 *
 * Month convention asserted here (the library's, see dates.c): a range
 * counts its start month AND its end month (inclusive), so Jan 2018 – Mar
 * 2021 is 39 months, not 38. A year written without a month starts in
 * January; a year-only END means January of that year ("to the start of
 * the final year"), or July when start and end are the same year. So
 * "2016 - 2019" is Jan 2016 .. Jan 2019 = 37 months, and an open end
 * ("present") is the as_of month itself, counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "internal.h"


static const rs_date S_as_of = {2026, 11};

typedef struct analysed {
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a;
} analysed;

static analysed analyse(const char *text)
{
    analysed x = {0};
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("cv.txt", (const unsigned char *)text, strlen(text), 0,
                                    &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &x.doc, &err), RS_OK);
    if (rs_scan_run(S_lex, x.doc, &x.scan, &err) != RS_OK)
        fail_msg("scan failed: %s", err.message);
    rs_analysis_options opts = {.as_of = S_as_of};
    if (rs_analyze(S_roles, S_lex, x.doc, x.scan, &opts, &x.a, &err) != RS_OK)
        fail_msg("analysis failed: %s", err.message);
    return x;
}

static void analysed_free(analysed *x)
{
    rs_analysis_free(x->a);
    rs_scan_free(x->scan);
    rs_document_free(x->doc);
}

/* The original text of range i. */
static void range_text(const analysed *x, size_t i, char *buf, size_t size)
{
    const rs_range *r = rs_analysis_range(x->a, i);
    const char *data = rs_text_data(rs_document_text(x->doc));
    size_t n = r->orig_end - r->orig_start;
    if (n >= size)
        n = size - 1;
    memcpy(buf, data + r->orig_start, n);
    buf[n] = '\0';
}

static void assert_range(const analysed *x, size_t i, int y0, int m0, int y1, int m1,
                         int open_ended, unsigned line, const char *text)
{
    const rs_range *r = rs_analysis_range(x->a, i);
    assert_non_null(r);
    char got[128];
    range_text(x, i, got, sizeof got);
    if (r->start.year != y0 || r->start.month != m0 || r->end.year != y1 ||
        r->end.month != m1 || r->open_ended != open_ended || r->line != line ||
        strcmp(got, text) != 0)
        fail_msg("range %zu: %04d-%02d..%04d-%02d open %d line %u \"%s\"; want "
                 "%04d-%02d..%04d-%02d open %d line %u \"%s\"",
                 i, r->start.year, r->start.month, r->end.year, r->end.month,
                 r->open_ended, r->line, got, y0, m0, y1, m1, open_ended, line, text);
}


/* ---- range forms ------------------------------------------------------- */

static void test_month_names(void **state)
{
    (void)state;
    /* Jan 2018 .. Dec 2020 = 36, + Jan..Mar 2021 = 3: 39 months */
    analysed x = analyse("Backend Engineer, Acme\nJan 2018 \xE2\x80\x93 Mar 2021\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2018, 1, 2021, 3, 0, 2, "Jan 2018 \xE2\x80\x93 Mar 2021");
    assert_int_equal(rs_analysis_months(x.a), 39);
    assert_int_equal(rs_analysis_stated_years(x.a), 0);
    analysed_free(&x);
}

static void test_present(void **state)
{
    (void)state;
    /* Jan 2019 .. Oct 2026 = 7 * 12 + 10 = 94, + Nov 2026 itself: 95 */
    analysed x = analyse("Backend Engineer, Acme\n2019 - present\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2019, 1, 2026, 11, 1, 2, "2019 - present");
    assert_int_equal(rs_analysis_months(x.a), 95);
    analysed_free(&x);

    /* Mar 2020 .. Feb 2026 = 72, + Mar..Nov 2026 = 9: 81 */
    x = analyse("Backend Engineer, Acme\nMar 2020 until Present\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2020, 3, 2026, 11, 1, 2, "Mar 2020 until Present");
    assert_int_equal(rs_analysis_months(x.a), 81);
    analysed_free(&x);
}

static void test_overlaps_merged(void **state)
{
    (void)state;
    /* 2016 - 2019 = Jan 2016 .. Jan 2019 (37); 2018 - 2020 = Jan 2018 ..
     * Jan 2020 (25). Summed: 62; merged: Jan 2016 .. Jan 2020 = 4 * 12 + 1
     * = 49, the overlap Jan 2018 .. Jan 2019 counted once. */
    analysed x = analyse("Backend Engineer, Acme\n2016 - 2019\n"
                         "Backend Engineer, Beta\n2018 - 2020\n");
    assert_int_equal(rs_analysis_range_count(x.a), 2);
    assert_range(&x, 0, 2016, 1, 2019, 1, 0, 2, "2016 - 2019");
    assert_range(&x, 1, 2018, 1, 2020, 1, 0, 4, "2018 - 2020");
    assert_int_equal(rs_analysis_months(x.a), 49);
    analysed_free(&x);

    /* A range inside another adds nothing: Jan 2015 .. Dec 2020 = 72. */
    x = analyse("Backend Engineer, Acme\nJan 2015 - Dec 2020\n"
                "Backend Engineer, Beta\nMar 2017 - Apr 2018\n");
    assert_int_equal(rs_analysis_range_count(x.a), 2);
    assert_int_equal(rs_analysis_months(x.a), 72);
    analysed_free(&x);

    /* Back to back (Apr follows Mar) and disjoint: Jan 2018 .. Mar 2021 (39)
     * + Apr 2021 .. Jun 2021 (3) = 42; then Jan 2023 .. Dec 2023 (12): 54. */
    x = analyse("Backend Engineer, Acme\nJan 2018 - Mar 2021\n"
                "Backend Engineer, Beta\nApr 2021 - Jun 2021\n"
                "Backend Engineer, Gamma\nJan 2023 - Dec 2023\n");
    assert_int_equal(rs_analysis_range_count(x.a), 3);
    assert_int_equal(rs_analysis_months(x.a), 54);
    analysed_free(&x);
}

static void test_short_years(void **state)
{
    (void)state;
    /* '19 - '22: years only, so Jan 2019 .. Jan 2022 = 3 * 12 + 1 = 37 */
    analysed x = analyse("Backend Engineer, Acme\n'19 \xE2\x80\x93 '22\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2019, 1, 2022, 1, 0, 2, "'19 \xE2\x80\x93 '22");
    assert_int_equal(rs_analysis_months(x.a), 37);
    analysed_free(&x);
}

static void test_numeric_months(void **state)
{
    (void)state;
    /* Jun 2020 .. May 2022 = 24, + Jun..Aug 2022 = 3: 27 */
    analysed x = analyse("Backend Engineer, Acme\n06/2020 to 08/2022\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2020, 6, 2022, 8, 0, 2, "06/2020 to 08/2022");
    assert_int_equal(rs_analysis_months(x.a), 27);
    analysed_free(&x);
}

static void test_same_year(void **state)
{
    (void)state;
    /* "2020 - 2020": Jan .. Jul 2020 by the same-year rule = 7 */
    analysed x = analyse("Backend Engineer, Acme\n2020 - 2020\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2020, 1, 2020, 7, 0, 2, "2020 - 2020");
    assert_int_equal(rs_analysis_months(x.a), 7);
    analysed_free(&x);
}

/* ---- ranges that are not experience ------------------------------------ */

static void test_end_before_start_ignored(void **state)
{
    (void)state;
    analysed x = analyse("Backend Engineer, Acme\n2025 \xE2\x80\x93 2019\n");
    assert_int_equal(rs_analysis_range_count(x.a), 0);
    assert_int_equal(rs_analysis_months(x.a), 0);
    analysed_free(&x);

    x = analyse("Backend Engineer, Acme\nMar 2021 - Jan 2018\n"
                "Backend Engineer, Beta\nJan 2022 - Dec 2022\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2022, 1, 2022, 12, 0, 4, "Jan 2022 - Dec 2022");
    assert_int_equal(rs_analysis_months(x.a), 12);
    analysed_free(&x);
}

static void test_end_after_as_of_ignored(void **state)
{
    (void)state;
    /* Mar 2027 and (Jan) 2027 are after Nov 2026 */
    analysed x = analyse("Backend Engineer, Acme\nJan 2026 - Mar 2027\n"
                         "Backend Engineer, Beta\n2024 - 2027\n");
    assert_int_equal(rs_analysis_range_count(x.a), 0);
    assert_int_equal(rs_analysis_months(x.a), 0);
    analysed_free(&x);

    /* a range ending in the as_of month itself counts: Jan .. Nov 2026 = 11 */
    x = analyse("Backend Engineer, Acme\nJan 2026 - Nov 2026\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_int_equal(rs_analysis_months(x.a), 11);
    analysed_free(&x);

    /* A refused range is not read again from its year: a start after as_of,
     * an end before the start, with a month or a year only. */
    static const char *const refused[] = {
        "Backend Engineer, Acme\nDec 2026 - present\n",
        "Backend Engineer, Acme\nSep 2020 - May 2020\n",
        "Backend Engineer, Acme\nSep 2020 - 2020\n",
    };
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        x = analyse(refused[k]);
        assert_int_equal(rs_analysis_range_count(x.a), 0);
        assert_int_equal(rs_analysis_months(x.a), 0);
        analysed_free(&x);
    }
}

static void test_education_not_counted(void **state)
{
    (void)state;
    analysed x = analyse("B.Sc. Computer Science, University of X, 2012 \xE2\x80\x93 2016\n");
    assert_int_equal(rs_analysis_range_count(x.a), 0);
    assert_int_equal(rs_analysis_months(x.a), 0);
    analysed_free(&x);

    /* with a job after it, only the job counts: Jan 2017 .. Dec 2019 = 36 */
    x = analyse("Backend Engineer, Acme\nJan 2017 - Dec 2019\n\nEducation\n"
                "B.Sc. Computer Science, University of X, 2012 \xE2\x80\x93 2016\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 2017, 1, 2019, 12, 0, 2, "Jan 2017 - Dec 2019");
    assert_int_equal(rs_analysis_months(x.a), 36);
    analysed_free(&x);
}

/* ---- stated years ------------------------------------------------------ */

static void test_stated_years(void **state)
{
    (void)state;
    analysed x = analyse("Backend engineer with 7+ years of experience\n");
    assert_int_equal(rs_analysis_stated_years(x.a), 7);
    assert_int_equal(rs_analysis_range_count(x.a), 0);
    assert_int_equal(rs_analysis_months(x.a), 0);
    analysed_free(&x);

    /* years without "experience" nearby are not a claim */
    x = analyse("Backend engineer; the company is 7 years old\n");
    assert_int_equal(rs_analysis_stated_years(x.a), 0);
    analysed_free(&x);

    /* the largest claim wins */
    x = analyse("3 years of experience with Go\n10 years of professional Java\n");
    assert_int_equal(rs_analysis_stated_years(x.a), 10);
    analysed_free(&x);
}

/* ---- rs_date_parse ----------------------------------------------------- */

static void test_date_parse(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int year, month;
    } good[] = {
        {"2026-11", 2026, 11},
        {"2026-11-22", 2026, 11},
        {"Nov 2026", 2026, 11},
        {"nov 2026", 2026, 11},
        {"NOV 2026", 2026, 11},
        {"2026-01", 2026, 1},
        {"Jan 2018", 2018, 1},
        {"September 2019", 2019, 9},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        rs_date d = {0, 0};
        if (rs_date_parse(good[i].text, &d) != 1 || d.year != good[i].year ||
            d.month != good[i].month)
            fail_msg("\"%s\": got %04d-%02d, want %04d-%02d", good[i].text, d.year, d.month,
                     good[i].year, good[i].month);
    }
    static const char *const bad[] = {"2026-13",    "2026-00",    "soon",      "",
                                      "2026",       "Nov",        "Junk 2026", "Nova 2026",
                                      "2026-11junk", "2026-11-99", "Nov 20261", "Nov 2026 x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rs_date d = {-1, -1};
        if (rs_date_parse(bad[i], &d) != 0)
            fail_msg("\"%s\" accepted as %04d-%02d", bad[i], d.year, d.month);
        assert_int_equal(d.year, -1);   /* untouched on failure */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_month_names),
        cmocka_unit_test(test_present),
        cmocka_unit_test(test_overlaps_merged),
        cmocka_unit_test(test_short_years),
        cmocka_unit_test(test_numeric_months),
        cmocka_unit_test(test_same_year),
        cmocka_unit_test(test_end_before_start_ignored),
        cmocka_unit_test(test_end_after_as_of_ignored),
        cmocka_unit_test(test_education_not_counted),
        cmocka_unit_test(test_stated_years),
        cmocka_unit_test(test_date_parse),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
