/* test_scan.c — stage 4: the matcher with the mini lexicon
 * (tests/data/mini): token boundaries, glued punctuation, context and case
 * rules, stop phrases, barriers, patterns, implications and evidence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static rs_lexicon *S_lex;

typedef struct scanned {
    rs_document *doc;
    rs_scan *scan;
} scanned;

static scanned scan_text(const char *text)
{
    scanned s = {0};
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("s.txt", (const unsigned char *)text, strlen(text),
                                    0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &s.doc, &err), RS_OK);
    rs_status st = rs_scan_run(S_lex, s.doc, &s.scan, &err);
    if (st != RS_OK)
        fail_msg("scan failed: %s", err.message);
    return s;
}

static void scanned_free(scanned *s)
{
    rs_scan_free(s->scan);
    rs_document_free(s->doc);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted, comma-joined ids of the skills found in text; implied ones
 * as "id(implied)". Caller frees. */
static char *ids_found(const char *text)
{
    scanned s = scan_text(text);
    size_t n = rs_scan_hit_count(s.scan);
    char **ids = calloc(n + 1, sizeof *ids);
    size_t total = 1;
    for (size_t i = 0; i < n; i++) {
        const rs_skill_hit *h = rs_scan_hit(s.scan, i);
        const char *id = rs_lexicon_skill(S_lex, h->skill).id;
        ids[i] = malloc(strlen(id) + 10);
        sprintf(ids[i], "%s%s", id, h->implied_by == RS_NOT_FOUND ? "" : "(implied)");
        total += strlen(ids[i]) + 1;
    }
    qsort(ids, n, sizeof *ids, cmp_str);
    char *out = calloc(total, 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, ",");
        strcat(out, ids[i]);
        free(ids[i]);
    }
    free(ids);
    scanned_free(&s);
    return out;
}

typedef struct scan_case {
    const char *text;
    const char *ids;
} scan_case;

static void run_table(const scan_case *cases, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        char *got = ids_found(cases[i].text);
        if (strcmp(got, cases[i].ids) != 0) {
            print_error("\"%s\"\n   got:  %s\n   want: %s\n", cases[i].text, got,
                        cases[i].ids);
            failed++;
        }
        free(got);
    }
    assert_int_equal(failed, 0);
}

#define RUN(table) run_table(table, sizeof table / sizeof table[0])

static int setup(void **state)
{
    (void)state;
    rs_error err = {0};
    if (rs_lexicon_load(RS_TEST_DATA "/mini", &S_lex, &err) != RS_OK) {
        print_error("mini: %s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rs_lexicon_free(S_lex);
    return 0;
}

/* ---- what is found ----------------------------------------------------- */

static void test_token_boundaries(void **state)
{
    (void)state;
    static const scan_case cases[] = {
        {"JavaScript, Google, C++, C#, .NET, Node.js, k8s",
         "cpp,csharp,dotnet,javascript,kubernetes,nodejs"},
        {"JAVA", "java"},
        {"Java", "java"},
        {"\xEF\xBC\xAA\xEF\xBD\x81\xEF\xBD\x96\xEF\xBD\x81", "java"},   /* Ｊａｖａ */
        {"A/B testing and CI/CD", "ab-testing,ci-cd"},
        {"Kuber-\nnetes", "kubernetes"},
        {"NodeJS and dotnet", "dotnet,nodejs"},
    };
    RUN(cases);
}

static void test_context_and_case(void **state)
{
    (void)state;
    static const scan_case cases[] = {
        {"I go to work", ""},
        {"Languages: Go, Python", "go,python"},
        {"I go with Python every day", "python"},
        {"Python and R", "python,r"},
        {"Plan R was chosen", ""},
        {"Let it Go", ""},
        {"Golang", "go"},
        {"programming languages: Go and R", "go,r"},
        {"C and C++", "c,cpp"},
    };
    RUN(cases);
}

static void test_stops_and_barriers(void **state)
{
    (void)state;
    static const scan_case cases[] = {
        {"R&D budget", ""},
        {"Python, R&D budget", "python"},
        {"example.net", ""},
        {"me@golang.example.com", ""},
        {"see https://github.com/example/java-tools", ""},
        {"My Go-to language: Python", "python"},
    };
    RUN(cases);
}

static void test_patterns_and_implications(void **state)
{
    (void)state;
    static const scan_case cases[] = {
        {"Amazon EKS", "aws(implied),aws-eks,kubernetes(implied)"},
        {"EKS, AWS and k8s", "aws,aws-eks,kubernetes"},
        {"ISO 27001:2013 certified", "iso-27001"},
        {"iso27001", ""},   /* one token: "iso" never triggers inside it */
        {"ISO 27001", "iso-27001"},
        {"iso week", ""},
    };
    RUN(cases);
}

static void test_accents_and_case_insensitive(void **state)
{
    (void)state;
    static const scan_case cases[] = {
        {"R\xC3\xA9sum\xC3\xA9 writing", "resume-writing"},
        {"RESUME WRITING", "resume-writing"},
        {"Resume\n  writing and mentoring", "mentoring,resume-writing"},
    };
    RUN(cases);
}

/* ---- evidence ---------------------------------------------------------- */

static const rs_skill_hit *hit_of(const rs_scan *scan, const char *id)
{
    size_t skill = rs_lexicon_find(S_lex, id);
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++)
        if (rs_scan_hit(scan, i)->skill == skill)
            return rs_scan_hit(scan, i);
    fail_msg("skill %s not found", id);
    abort();   /* not reached: fail_msg jumps out; says so to the optimizer */
}

static void test_evidence_position(void **state)
{
    (void)state;
    scanned s = scan_text("Summary\r\nSkills overview\n\xC3\x89t\xC3\xA9: C++ daily\n");
    const rs_skill_hit *h = hit_of(s.scan, "cpp");
    assert_int_equal(h->count, 1);
    assert_int_equal(h->evidence_count, 1);
    assert_int_equal(h->implied_by, RS_NOT_FOUND);
    assert_int_equal(h->evidence[0].line, 3);
    assert_int_equal(h->evidence[0].column, 6);
    char buf[64];
    assert_int_equal(rs_evidence_text(s.doc, &h->evidence[0], buf, sizeof buf), 3);
    assert_string_equal(buf, "C++");
    const char *orig = rs_text_data(rs_document_text(s.doc));
    assert_string_equal(orig + h->evidence[0].orig_end, " daily\n");
    scanned_free(&s);
}

static void test_evidence_each_occurrence(void **state)
{
    (void)state;
    scanned s = scan_text("Python python PYTHON");
    const rs_skill_hit *h = hit_of(s.scan, "python");
    assert_int_equal(h->count, 3);
    assert_int_equal(h->evidence_count, 3);
    char buf[16];
    rs_evidence_text(s.doc, &h->evidence[2], buf, sizeof buf);
    assert_string_equal(buf, "PYTHON");
    assert_int_equal(h->evidence[1].column, 8);
    assert_int_equal(h->evidence[2].column, 15);
    scanned_free(&s);
}

static void test_evidence_text_and_context(void **state)
{
    (void)state;
    scanned s = scan_text("Intro\n   Built   tools in Amazon\tEKS daily.   \r\nEnd");
    const rs_skill_hit *h = hit_of(s.scan, "aws-eks");
    char buf[128];
    rs_evidence_text(s.doc, &h->evidence[0], buf, sizeof buf);
    assert_string_equal(buf, "Amazon EKS");
    rs_evidence_context(s.doc, &h->evidence[0], buf, sizeof buf);
    assert_string_equal(buf, "Built tools in Amazon EKS daily.");
    /* cut to the buffer, never inside a character */
    rs_evidence_context(s.doc, &h->evidence[0], buf, 12);
    assert_true(strlen(buf) <= 11);
    const rs_skill_hit *aws = hit_of(s.scan, "aws");
    assert_int_equal(aws->count, 0);
    assert_int_equal(aws->implied_by, rs_lexicon_find(S_lex, "aws-eks"));
    assert_int_equal(aws->evidence_count, 1);
    assert_int_equal(aws->evidence[0].line, 2);
    scanned_free(&s);
}

static void test_hyphenated_evidence(void **state)
{
    (void)state;
    scanned s = scan_text("Ran Kuber-\n  netes in prod");
    const rs_skill_hit *h = hit_of(s.scan, "kubernetes");
    assert_int_equal(h->evidence[0].line, 1);
    assert_int_equal(h->evidence[0].column, 5);
    char buf[64];
    rs_evidence_text(s.doc, &h->evidence[0], buf, sizeof buf);
    assert_string_equal(buf, "Kuber- netes");
    scanned_free(&s);
}

static void test_hits_sorted(void **state)
{
    (void)state;
    scanned s = scan_text("Mentoring. Java. AWS. Kubernetes k8s k8s. Python Python.");
    static const char *const want[] = {"python", "java", "aws", "kubernetes", "mentoring"};
    assert_int_equal(rs_scan_hit_count(s.scan), 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(rs_lexicon_skill(S_lex, rs_scan_hit(s.scan, i)->skill).id,
                            want[i]);
    assert_int_equal(rs_scan_hit(s.scan, 0)->count, 2);
    assert_int_equal(rs_scan_hit(s.scan, 3)->count, 3);
    assert_null(rs_scan_hit(s.scan, 5));
    assert_int_equal(rs_scan_warning_count(s.scan), 0);
    scanned_free(&s);
}

static void test_nothing_found(void **state)
{
    (void)state;
    scanned s = scan_text("");
    assert_int_equal(rs_scan_hit_count(s.scan), 0);
    scanned_free(&s);
}

static void test_many_repetitions(void **state)
{
    (void)state;
    const size_t n = 100000;
    char *text = malloc(n * 7 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * 7, "Python ", 7);
    text[n * 7] = '\0';
    scanned s = scan_text(text);
    free(text);
    assert_int_equal(rs_scan_hit_count(s.scan), 1);
    const rs_skill_hit *h = hit_of(s.scan, "python");
    /* every mention counted, the first RS_MAX_EVIDENCE_PER_SKILL listed */
    assert_int_equal(h->count, n);
    assert_int_equal(h->evidence_count, RS_MAX_EVIDENCE_PER_SKILL);
    assert_int_equal(h->evidence[RS_MAX_EVIDENCE_PER_SKILL - 1].column,
                     (RS_MAX_EVIDENCE_PER_SKILL - 1) * 7 + 1);
    scanned_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_boundaries),
        cmocka_unit_test(test_context_and_case),
        cmocka_unit_test(test_stops_and_barriers),
        cmocka_unit_test(test_patterns_and_implications),
        cmocka_unit_test(test_accents_and_case_insensitive),
        cmocka_unit_test(test_evidence_position),
        cmocka_unit_test(test_evidence_each_occurrence),
        cmocka_unit_test(test_evidence_text_and_context),
        cmocka_unit_test(test_hyphenated_evidence),
        cmocka_unit_test(test_hits_sorted),
        cmocka_unit_test(test_nothing_found),
        cmocka_unit_test(test_many_repetitions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
