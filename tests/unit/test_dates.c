/* test_dates.c — years of experience, read through rs_analyze on small
 * documents with the real lexicons (RS_LEXICONS) and "present" = Nov 2026:
 * the date range forms resumes use, overlaps merged, ranges that cannot be
 * experience refused (school, courses, volunteering, clubs), durations
 * beside positions ("(3.5 years)", "2 yrs 3 mos"), stated years, and
 * rs_date_parse.
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

#include "failing_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "analyse_support.h"
#include "internal.h"
#include "analyze/analyze_internal.h"



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

/* ---- what a recruiter does not count (dates.c, "what is no work
 * experience") ---------------------------------------------------------- */

/* Each text holds one job of Jan 2017 .. Dec 2019 (36 months) and one range
 * that is not work, refused by the rule the comment names. The same entry
 * under an experience heading counts, so each case can fail. */
static void test_not_work_refused(void **state)
{
    (void)state;
    static const char job[] = "Experience\nBackend Engineer, Acme\nJan 2017 - Dec 2019\n\n";
    static const struct {
        const char *heading, *entry;
    } cases[] = {
        /* the section alone: no degree or student word in the entry */
        {"Education", "Computer Science, Foo Institute of Technology\n2012 \xE2\x80\x93 2016\n"},
        /* "Activities" is a weak heading (sections.c): capitals make it one */
        {"ACTIVITIES", "President, Chess Circle\nJan 2020 \xE2\x80\x93 Present\n"},
        {"## Extracurricular Activities", "Captain, Debate Team\n2019 - 2021\n"},
        {"Volunteer Experience", "Mentor, Code Clinic\nMar 2018 - Jun 2021\n"},
        {"Leadership & Activities", "Captain, Rowing Crew\n2015 - 2016\n"},
        {"Clubs and Societies", "Treasurer, Film Circle\n2014 - 2016\n"},
        {"Courses", "Advanced Go, Foo Labs\nJan 2021 - Mar 2021\n"},
        {"Awards", "Hackathon winner, Foo Labs\nJan 2021 - Mar 2021\n"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[512];
        snprintf(text, sizeof text, "%s%s\n%s", job, cases[k].heading, cases[k].entry);
        analysed x = analyse(text);
        if (rs_analysis_months(x.a) != 36 || rs_analysis_range_count(x.a) != 1)
            fail_msg("under \"%s\": %ld months in %zu ranges, want 36 in 1", cases[k].heading,
                     rs_analysis_months(x.a), rs_analysis_range_count(x.a));
        analysed_free(&x);
        /* the control: the same entry as a job */
        snprintf(text, sizeof text, "%s%s", job, cases[k].entry);
        x = analyse(text);
        if (rs_analysis_months(x.a) <= 36 || rs_analysis_range_count(x.a) != 2)
            fail_msg("\"%s\" as a job: %ld months in %zu ranges, want more than 36 in 2",
                     cases[k].heading, rs_analysis_months(x.a), rs_analysis_range_count(x.a));
        analysed_free(&x);
    }
}

/* Degree and student words outside any section: on the range's line, or on
 * the header line above a date line that holds nothing else. */
static void test_not_work_words(void **state)
{
    (void)state;
    static const char *const refused[] = {
        "B.Sc. Computer Science, 2012 \xE2\x80\x93 2016\n",
        "MBA, Foo Business Institute, 2014 - 2016\n",
        "M.Eng. Software Systems, Foo Institute, 2016 - 2017\n",
        "President, Student Chess Club\nJan 2020 \xE2\x80\x93 Present\n",
        "Chess Club, president, 2019 - 2021\n",
        "Teaching Assistant (part-time), Introduction to Programming\n"
        "Wroclaw Institute of Technology\nOct 2023 \xE2\x80\x93 Feb 2024\n",
        "Volunteer, Food Bank\n2018 - 2020\n",
        "Master of Science, Computer Science\nFoo Institute\n2012 - 2016\n",
        /* a range run onto the next line: both lines read */
        "Backend Engineer\nJan 2012 -\nDec 2016, Foo University\n",
    };
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        analysed x = analyse(refused[k]);
        if (rs_analysis_months(x.a) != 0 || rs_analysis_range_count(x.a) != 0)
            fail_msg("\"%s\": %ld months, want 0", refused[k], rs_analysis_months(x.a));
        analysed_free(&x);
    }

    static const struct {
        const char *text;
        long months;
    } counted[] = {
        /* an internship is work: Jun .. Sep 2024 */
        {"Backend Development Intern, Brightlane\nJun 2024 - Sep 2024\n", 4},
        /* "B.V." is a company, not a degree: Jan 2019 .. Jan 2022 */
        {"Backend Engineer, Harbourline B.V., Rotterdam, 2019 - 2022\n", 37},
        {"Backend Engineer, Harbourline B.V.\nJan 2019 - Dec 2019\n", 12},
        /* under an experience heading, a society is an employer */
        {"Experience\nBackend Engineer, Royal Society of Chemistry\nJan 2020 - Dec 2020\n", 12},
        /* the line above a date line with more on it is not read */
        {"Teaching Assistant, Foo University\nBackend Engineer, Acme Corp, Berlin, "
         "Jan 2020 - Dec 2020\n",
         12},
        /* nor the line above a blank line, nor one below */
        {"Master of Science, Foo Institute\n\nJan 2020 - Dec 2020\nBackend Engineer, Acme\n",
         12},
        /* a school above a date line may be the employer; a sentence above
         * it ends the entry before; a Scrum Master has no degree */
        {"Research Engineer\nFoo University\nJan 2020 - Dec 2020\n", 12},
        {"Backend Engineer, Acme\nRan code clubs for students and volunteers at the school.\n"
         "Jan 2020 - Dec 2020\n",
         12},
        {"Backend Engineer, Acme\nMentored a student intern in 2019.\nJan 2020 - Dec 2020\n", 12},
        {"Backend Engineer, Acme\nMentored a student intern and reviewed all their pull "
         "requests\nJan 2020 - Dec 2020\n",
         12},
        {"Scrum Master\nAcme\nJan 2020 - Dec 2020\n", 12},
        /* the header read above a date line stops at its section's start */
        {"Summary\nBackend engineer, B.Sc. in Computer Science\nExperience\n"
         "Jan 2020 - Dec 2020\nBackend Engineer, Acme\n",
         12},
        /* a label inside a job's entry opens no section: the jobs after
         * it stay experience */
        {"Experience\nForeman, Acme\nJan 2010 - Dec 2010\nCertifications: crane, forklift\n"
         "Technician, Beta\nJan 2008 - Dec 2008\nQualifications: PMP\nClerk, Gamma\n"
         "Jan 2006 - Dec 2006\nCoursework and Project: Case Studies in Advertising\n"
         "Producer, Delta\nJan 2004 - Dec 2004\n",
         48},
        /* a heading of experience ends the education section */
        {"Education\nFoo Institute of Technology, 2012 - 2016\n\nResearch Experience\n"
         "Research Engineer, Foo Labs\nJan 2017 - Dec 2017\n\nInternships\n"
         "Backend Intern, Acme\nJun 2016 - Aug 2016\n",
         15},
    };
    for (size_t k = 0; k < sizeof counted / sizeof counted[0]; k++) {
        analysed x = analyse(counted[k].text);
        if (rs_analysis_months(x.a) != counted[k].months)
            fail_msg("\"%s\": %ld months, want %ld", counted[k].text, rs_analysis_months(x.a),
                     counted[k].months);
        analysed_free(&x);
    }
}

/* ---- durations written beside a position ---------------------------------- */

static void test_durations(void **state)
{
    (void)state;
    /* 3.5 years = 42 months, kept as an undated range {0,1} .. {3,6} */
    analysed x = analyse("Backend Developer, Acme (3.5 years)\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_range(&x, 0, 0, 1, 3, 6, 0, 1, "3.5 years");
    assert_true(rs__range_undated(rs_analysis_range(x.a, 0)));
    assert_int_equal(rs_analysis_months(x.a), 42);
    analysed_free(&x);

    static const struct {
        const char *text;
        long months;
    } cases[] = {
        {"Backend Developer\nAcme\n2 yrs 3 mos\n", 27},
        {"Backend Developer, Acme | 2 years 3 months\n", 27},
        {"Backend Developer, Acme \xE2\x80\x93 8 months\n", 8},
        {"Backend Developer (1 yr), Acme\n", 12},
        {"Backend Developer, Acme \xC2\xB7 1 year, 6 months\n", 18},
        /* under an experience heading, beside a dated position: a list
         * item ends the entry */
        {"Experience\nBackend Developer, Acme (2 years)\n- Built the billing service.\n"
         "Junior Developer, Beta, Jan 2019 - Dec 2019\n",
         36},
        /* two undated positions add up, never merge: 24 + 12 */
        {"Backend Developer, Acme (2 years)\n- Built the billing service.\n\n"
         "Junior Developer, Beta (1 yr)\n",
         36},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        x = analyse(cases[k].text);
        if (rs_analysis_months(x.a) != cases[k].months)
            fail_msg("\"%s\": %ld months, want %ld", cases[k].text, rs_analysis_months(x.a),
                     cases[k].months);
        analysed_free(&x);
    }

    /* ranges keep the order of the text, undated or not */
    x = analyse("Backend Developer, Acme (2 years)\n\n"
                "Backend Engineer, Beta\nJan 2020 - Dec 2020\n");
    assert_int_equal(rs_analysis_range_count(x.a), 2);
    assert_range(&x, 0, 0, 1, 1, 12, 0, 1, "2 years");
    assert_range(&x, 1, 2020, 1, 2020, 12, 0, 4, "Jan 2020 - Dec 2020");
    assert_int_equal(rs_analysis_months(x.a), 36);
    analysed_free(&x);
}

/* When a position has dates and a duration, the dates win: nothing is
 * counted twice. */
static void test_duration_range_wins(void **state)
{
    (void)state;
    /* Jan 2019 .. Dec 2020 = 24, not 24 + 42 */
    analysed x = analyse("Backend Developer, Acme (3.5 years)\nJan 2019 - Dec 2020\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_int_equal(rs_analysis_months(x.a), 24);
    analysed_free(&x);

    /* on the range's line: Jan 2024 .. Nov 2026 = 35 */
    x = analyse("Backend Developer, Acme\nJan 2024 - Present \xC2\xB7 2 yrs 11 mos\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_int_equal(rs_analysis_months(x.a), 35);
    analysed_free(&x);

    /* a company's total above its dated roles (LinkedIn): Jan 2021 .. Nov 2026 = 71 */
    x = analyse("Acme\n5 yrs 11 mos\nSenior Engineer\nJan 2021 - Present\n");
    assert_int_equal(rs_analysis_range_count(x.a), 1);
    assert_int_equal(rs_analysis_months(x.a), 71);
    analysed_free(&x);
}

/* Durations in prose, claims, skill lists and school are not positions. */
static void test_durations_not_counted(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Helping companies through 40+ years of change\n",
        "40+ years of change\n",
        "40 years of change\n",
        "Backend engineer with 5+ years of experience in Go\n",
        "Total experience | 8 years\n",
        "Backend Developer, Acme (5 years+)\n",
        "Ran the payments team for 2 years\n",
        "Go (3 years), Java (2 years)\n",
        "Mechanical Design: AutoCAD (6 yrs), Solidworks (5+ yrs)\n",
        "Experienced in mechanical CAD software (6 yrs).\n",
        "Cut the costs of the clinic by a third, saving the company 140K in the first\n"
        "24 months\n",
        "- Grew the revenue of the clinic threefold over\n18 months\n",
        "Led eight engineers building the payment platform for our stores across three "
        "countries (2 years)\n",
        "B.Sc. Computer Science, Foo University (4 years)\n",
        "Teaching Assistant (1 year)\n",
        "Skills\nGo (3 years)\n",
        "Summary\nBackend developer | 6 years\n",
        /* with an experience heading, a headline before it is no position */
        "Backend Developer | 6 years\n\nExperience\nBackend Engineer, Acme\n"
        "Jan 2020 - Dec 2020\n",
        "Experience\nBackend Engineer, Acme\nJan 2020 - Dec 2020\n\nEducation\n"
        "Computer Science, Foo Institute (4 years)\n",
        "Experience\nBackend Engineer, Acme\nJan 2020 - Dec 2020\n\nInterests\n"
        "Chess (10 years)\n",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        analysed x = analyse(texts[k]);
        long months = rs_analysis_months(x.a);
        bool dated = strstr(texts[k], "Jan 2020") != NULL;
        if (months != (dated ? 12 : 0))
            fail_msg("\"%s\": %ld months, want %d", texts[k], months, dated ? 12 : 0);
        analysed_free(&x);
    }
    /* the claim is stated years, not months */
    analysed x = analyse("Backend engineer with 5+ years of experience in Go\n");
    assert_int_equal(rs_analysis_stated_years(x.a), 5);
    analysed_free(&x);
}

/* Overlapping ranges still merge, and undated spans are added whole:
 * 2016 - 2019 and 2018 - 2020 cover Jan 2016 .. Jan 2020 = 49, + 12. */
static void test_merged_with_durations(void **state)
{
    (void)state;
    analysed x = analyse("Backend Engineer, Acme\n2016 - 2019\nBackend Engineer, Beta\n"
                         "2018 - 2020\n\nBackend Developer, Gamma (1 yr)\n");
    assert_int_equal(rs_analysis_range_count(x.a), 3);
    assert_int_equal(rs_analysis_months(x.a), 61);
    analysed_free(&x);

    const rs_range r[] = {
        {.start = {2016, 1}, .end = {2019, 1}},
        {.undated = 1, .start = {0, 1}, .end = {1, 12}},     /* 24 months, undated */
        {.start = {2018, 1}, .end = {2020, 1}},
        {.undated = 1, .start = {0, 1}, .end = {0, 6}},      /* 6 months, undated */
    };
    assert_int_equal(rs__merged_months(r, 4), 49 + 24 + 6);
    assert_int_equal(rs__merged_months(r + 1, 1), 24);
    assert_int_equal(rs__merged_months(r, 0), 0);

    /* undated spans add up to 50 years at most, whatever the input */
    rs_range many[30];
    for (size_t i = 0; i < 30; i++)
        many[i] = (rs_range){.undated = 1, .start = {0, 1}, .end = {1, 12}};   /* 24 months */
    assert_int_equal(rs__merged_months(many, 30), 600);
    assert_int_equal(rs__merged_months(many, 25), 600);
    assert_int_equal(rs__merged_months(many, 24), 576);
}


/* Failing each allocation of the analysis in turn gives RS_ERR_NOMEM and
 * no analysis (the sanitizers see any leak), up to the one that succeeds. */
static void test_allocation_failures(void **state)
{
    (void)state;
    analysed x = analyse("Experience\nBackend Developer, Acme (2 years)\n\n"
                         "Backend Engineer, Beta\nJan 2020 - Dec 2020\n\n"
                         "Education\nB.Sc., Foo University, 2012 - 2016\n");
    rs_status st = RS_ERR_NOMEM;
    size_t n = 0;
    for (; st == RS_ERR_NOMEM; n++) {
        assert_true(n < 100000);
        S_allocs_left = n;
        rs_analysis *a = (rs_analysis *)1;
        rs_error err = {0};
        rs_analysis_options opts = {.as_of = S_as_of};
        rs_set_allocator(failing_malloc, failing_realloc, free);
        st = rs_analyze(S_roles, S_lex, x.doc, x.scan, &opts, &a, &err);
        rs_set_allocator(NULL, NULL, NULL);
        if (st == RS_ERR_NOMEM) {
            assert_null(a);
        } else {
            assert_int_equal(st, RS_OK);
            assert_int_equal(rs_analysis_months(a), 36);
            rs_analysis_free(a);
        }
    }
    assert_true(n > 2);   /* the sections and the line marks were failed too */
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
        cmocka_unit_test(test_not_work_refused),
        cmocka_unit_test(test_not_work_words),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_duration_range_wins),
        cmocka_unit_test(test_durations_not_counted),
        cmocka_unit_test(test_merged_with_durations),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_stated_years),
        cmocka_unit_test(test_date_parse),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
