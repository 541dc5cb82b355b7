/* test_pathological.c — hostile shapes of input that once were, or could
 * be, quadratic: each must finish (CTest's timeout guards against a hang)
 * and give the right answer. Runs on the mini lexicon. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rolescan.h"

static rs_lexicon *S_lex;

static int S_setup(void **state)
{
    (void)state;
    rs_error err = {0};
    return rs_lexicon_load(RS_TEST_DATA "/mini", &S_lex, &err) == RS_OK ? 0 : -1;
}

static int S_teardown(void **state)
{
    (void)state;
    rs_lexicon_free(S_lex);
    return 0;
}

/* `piece` repeated `times`, with `sep` between. */
static char *S_repeat(const char *piece, const char *sep, size_t times, size_t *len)
{
    size_t p = strlen(piece), s = strlen(sep);
    char *buf = malloc(times * (p + s) + 1);
    assert_non_null(buf);
    size_t o = 0;
    for (size_t i = 0; i < times; i++) {
        memcpy(buf + o, piece, p);
        o += p;
        memcpy(buf + o, sep, s);
        o += s;
    }
    buf[o] = '\0';
    *len = o;
    return buf;
}

typedef struct S_result {
    size_t hits;
    size_t first_count;
    unsigned last_column;
} S_result;

static S_result S_scan(const char *text, size_t len, const char *id)
{
    rs_error err = {0};
    rs_text *t = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    assert_int_equal(rs_text_decode("p", (const unsigned char *)text, len, 0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    S_result r = {rs_scan_hit_count(scan), 0, 0};
    for (size_t i = 0; i < r.hits; i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (strcmp(rs_lexicon_skill(S_lex, h->skill).id, id) == 0) {
            r.first_count = h->count;
            r.last_column = h->evidence[h->evidence_count - 1].column;
            char ctx[128];
            rs_evidence_context(doc, &h->evidence[h->evidence_count - 1], ctx, sizeof ctx);
            assert_true(strlen(ctx) < sizeof ctx);
        }
    }
    rs_scan_free(scan);
    rs_document_free(doc);
    return r;
}

/* 1,000,000 matches on one 7 MB line: positions and contexts stay linear. */
static void test_many_matches_on_one_line(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("Python", " ", 1000000, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.first_count, 1000000);
    assert_int_equal(r.last_column, 7 * 999999 + 1);
    free(text);
}

/* 100,000 pattern triggers: each window is run once, each match kept once. */
static void test_many_pattern_triggers(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("ISO 27001", " and ", 100000, &len);
    S_result r = S_scan(text, len, "iso-27001");
    assert_int_equal(r.first_count, 100000);
    free(text);
}

/* 100,000 ambiguous words needing context, with one anchor at the end. */
static void test_many_context_checks(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("Go", " ", 100000, &len);
    S_result r = S_scan(text, len, "go");
    assert_int_equal(r.first_count, 0);   /* no tech context anywhere */
    free(text);
    text = S_repeat("Go Python", "\n", 100000, &len);
    r = S_scan(text, len, "go");
    assert_int_equal(r.first_count, 100000);
    free(text);
}

/* One 8 MB token, and 200,000 combining marks on one letter. */
static void test_huge_token_and_marks(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("x", "", 8u << 20, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
    text = S_repeat("\xCC\x81", "", 200000, &len);   /* U+0301 */
    char *doc = malloc(len + 16);
    assert_non_null(doc);
    memcpy(doc, "Python e", 8);
    memcpy(doc + 8, text, len);
    r = S_scan(doc, len + 8, "python");
    assert_int_equal(r.first_count, 1);
    free(text);
    free(doc);
}

/* Hyphens before long runs of blanks, and a line of only hyphens. */
static void test_hyphen_runs(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("a-", "                ", 200000, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
    text = S_repeat("-", "", 4u << 20, &len);
    r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
}

/* Empty input, only white space, only U+FFFD. */
static void test_empty_shapes(void **state)
{
    (void)state;
    assert_int_equal(S_scan("", 0, "python").hits, 0);
    size_t len;
    char *text = S_repeat(" \t\n", "\r\n", 100000, &len);
    assert_int_equal(S_scan(text, len, "python").hits, 0);
    free(text);
    text = S_repeat("\xEF\xBF\xBD", "", 100000, &len);
    assert_int_equal(S_scan(text, len, "python").hits, 0);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_matches_on_one_line),
        cmocka_unit_test(test_many_pattern_triggers),
        cmocka_unit_test(test_many_context_checks),
        cmocka_unit_test(test_huge_token_and_marks),
        cmocka_unit_test(test_hyphen_runs),
        cmocka_unit_test(test_empty_shapes),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
