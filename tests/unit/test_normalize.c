/* test_normalize.c — stage 2: rs_document_new, its normalized text, the
 * offset map back to the original and line/column positions; the ASCII fast
 * path held byte-identical to rs__normalize_reference(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text/text_internal.h"

static rs_document *doc_of(const char *s)
{
    rs_text *t = NULL;
    rs_document *d = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("n.txt", (const unsigned char *)s, strlen(s), 0,
                                    &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &d, &err), RS_OK);
    assert_non_null(d);
    return d;
}

/* The map is monotonic, lands on character starts inside the original, and
 * every ASCII letter or digit maps to itself (lowercased). */
static void check_map(const rs_document *d)
{
    size_t nlen;
    const char *norm = rs_document_normalized(d, &nlen);
    const char *orig = rs_text_data(rs_document_text(d));
    size_t olen = rs_text_length(rs_document_text(d));
    assert_int_equal(rs_document_original_offset(d, nlen), olen);
    size_t prev = 0;
    for (size_t i = 0; i < nlen; i++) {
        size_t o = rs_document_original_offset(d, i);
        assert_true(o < olen);
        assert_true(o >= prev);
        assert_true(((unsigned char)orig[o] & 0xC0) != 0x80);
        unsigned char c = (unsigned char)orig[o];
        bool first = i == 0 || o != prev;   /* first byte from this origin */
        if (first && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')))
            assert_int_equal((unsigned char)norm[i], c);
        else if (first && c >= 'A' && c <= 'Z')
            assert_int_equal((unsigned char)norm[i], c + 32);
        prev = o;
    }
}

static void assert_norm(const char *in, const char *want)
{
    rs_document *d = doc_of(in);
    size_t len;
    char got[256];
    snprintf(got, sizeof got, "%s", rs_document_normalized(d, &len));
    check_map(d);
    rs_document_free(d);   /* before a failure can leave it behind */
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
}

/* The document's normalized text equals the one-call reference. */
static void assert_matches_reference(const char *in)
{
    rs_document *d = doc_of(in);
    size_t len, ref_len = 0;
    const char *n = rs_document_normalized(d, &len);
    char *ref = rs__normalize_reference(in, strlen(in), &ref_len);
    assert_non_null(ref);
    if (len != ref_len || memcmp(n, ref, len) != 0)
        fail_msg("fast path and reference differ for \"%s\":\n  got \"%s\"\n  ref \"%s\"",
                 in, n, ref);
    check_map(d);
    rs__free(ref);
    rs_document_free(d);
}

static void test_case_folding(void **state)
{
    (void)state;
    assert_norm("Hello WORLD, C++ and SQL 2019", "hello world, c++ and sql 2019");
    assert_norm("STRASSE Stra\xC3\x9F" "e", "strasse strasse");
}

static void test_accents_stripped(void **state)
{
    (void)state;
    assert_norm("R\xC3\xA9sum\xC3\xA9", "resume");
    assert_norm("R\xC3\x89SUM\xC3\x89 na\xC3\xAFve", "resume naive");
    assert_norm("Re\xCC\x81sume\xCC\x81", "resume");   /* combining acute */
}

static void test_ligatures_and_width(void **state)
{
    (void)state;
    assert_norm("\xEF\xAC\x81nance \xEF\xAC\x82ow", "finance flow");
    assert_norm("\xEF\xBC\xB0\xEF\xBD\x99\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x8F\xEF\xBD\x8E",
                "python");
}

static void test_punctuation_lumped(void **state)
{
    (void)state;
    /* single curly quotes, em and en dash, no-break and thin space */
    assert_norm("\xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99 a\xE2\x80\x94" "b\xE2\x80\x93" "c x\xC2\xA0y\xE2\x80\x89z",
                "'it's' a-b-c x y z");
}

static void test_double_curly_quotes_lumped(void **state)
{
    (void)state;
    assert_norm("\xE2\x80\x9CGo\xE2\x80\x9D", "\"go\"");
}

static void test_offset_map(void **state)
{
    (void)state;
    const char *in = "R\xC3\xA9sum\xC3\xA9 C++";
    rs_document *d = doc_of(in);
    size_t len;
    const char *n = rs_document_normalized(d, &len);
    assert_string_equal(n, "resume c++");
    const char *c = strchr(n, 'c');
    size_t o = rs_document_original_offset(d, (size_t)(c - n));
    assert_int_equal(in[o], 'C');
    assert_int_equal(o, 9);
    assert_int_equal(rs_document_original_offset(d, 1), 1);   /* é */
    assert_int_equal(rs_document_original_offset(d, 5), 6);   /* second é */
    assert_int_equal(rs_document_original_offset(d, 9), 11);  /* last + */
    assert_int_equal(rs_document_original_offset(d, len), strlen(in));
    check_map(d);
    rs_document_free(d);
}

static void test_offset_map_expanding(void **state)
{
    (void)state;
    /* one original character becomes several normalized bytes */
    const char *in = "x \xEF\xAC\x83 \xC3\x9F y";   /* x ﬃ ß y */
    rs_document *d = doc_of(in);
    size_t len;
    assert_string_equal(rs_document_normalized(d, &len), "x ffi ss y");
    for (size_t i = 2; i < 5; i++)
        assert_int_equal(rs_document_original_offset(d, i), 2);
    assert_int_equal(rs_document_original_offset(d, 6), 6);
    assert_int_equal(rs_document_original_offset(d, 7), 6);
    assert_int_equal(rs_document_original_offset(d, 9), 9);
    rs_document_free(d);
}

static void assert_pos(const rs_document *d, const char *needle, unsigned line,
                       unsigned col)
{
    const char *s = rs_text_data(rs_document_text(d));
    const char *p = strstr(s, needle);
    assert_non_null(p);
    rs_position pos = rs_document_position(d, (size_t)(p - s));
    if (pos.line != line || pos.column != col)
        fail_msg("\"%s\": got %u:%u, want %u:%u", needle, pos.line, pos.column, line, col);
}

static void test_positions(void **state)
{
    (void)state;
    rs_document *d = doc_of("first\ns\xC3\xA9" "c C\r\nthird\rfourth \xC3\xB1 \xE6\x9D\xB1 Z\n");
    assert_pos(d, "first", 1, 1);
    assert_pos(d, "C\r", 2, 5);      /* after a two-byte é */
    assert_pos(d, "\r\n", 2, 6);
    assert_pos(d, "third", 3, 1);    /* CRLF ended line 2 once */
    assert_pos(d, "fourth", 4, 1);   /* lone CR ended line 3 */
    assert_pos(d, "Z", 4, 12);       /* after ñ and a CJK character */
    rs_position end = rs_document_position(d, rs_text_length(rs_document_text(d)));
    assert_int_equal(end.line, 5);
    assert_int_equal(end.column, 1);
    rs_document_free(d);
}

static void test_hyphenated_line_break(void **state)
{
    (void)state;
    const char *in = "Kuber-\n  netes";
    rs_document *d = doc_of(in);
    size_t len;
    assert_string_equal(rs_document_normalized(d, &len), "kubernetes");
    assert_int_equal(rs_document_original_offset(d, 0), 0);
    assert_int_equal(rs_document_original_offset(d, 4), 4);   /* 'r' */
    assert_int_equal(rs_document_original_offset(d, 5), 9);   /* 'n' */
    rs_position p = rs_document_position(d, rs_document_original_offset(d, 5));
    assert_int_equal(p.line, 2);
    assert_int_equal(p.column, 3);
    check_map(d);
    rs_document_free(d);
    assert_norm("Kuber-\r\nnetes and Ku-\rbe", "kubernetes and kube");
    /* not breaks: a hyphen inside a line, or before a capital or digit */
    assert_norm("e-mail go-to", "e-mail go-to");
    assert_norm("Java-\nScript 2-\n3", "java-\nscript 2-\n3");
}

static const char S_mixed[] =
    "Senior Engineer \xE2\x80\x94 R\xC3\xA9sum\xC3\xA9 (Caf\xC3\xA9, na\xC3\xAFve)\n"
    "Combining: Re\xCC\x81sume\xCC\x81 A\xCC\x8A" "ngstr\xC3\xB6m o\xCC\x88 n\xCC\x83\r\n"
    "Ligatures: \xEF\xAC\x81nance \xEF\xAC\x82ow \xEF\xAC\x80 \xEF\xAC\x83\r"
    "Full width: \xEF\xBC\xB0\xEF\xBD\x99\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x8F\xEF\xBD\x8E \xEF\xBC\x91\xEF\xBC\x92\n"
    "Greek: \xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1 \xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1\xCF\x82\n"
    "Cyrillic: \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0\n"
    "CJK: \xE6\x9D\xB1\xE4\xBA\xAC \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xE3\x82\xAB\xE3\x82\x99 \xEF\xBD\xB6\xEF\xBE\x9E\n"
    "Emoji: \xF0\x9F\x98\x80 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xE2\x9D\xA4\xEF\xB8\x8F "
    "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB\n"
    "Quotes: \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99 a\xE2\x80\x93" "b\n"
    "Spaces: x\xC2\xA0y z\xE2\x80\x8Bw thin\xE2\x80\x89space\tTab\n"
    "Misc: \xC3\x9F \xC4\xB0stanbul \xE2\x84\xAA \xC2\xBD \xE2\x91\xA0 \xE2\x84\xA2 \xC7\x84 \xE2\x84\xAB";

static void test_mixed_text_equals_reference(void **state)
{
    (void)state;
    assert_matches_reference(S_mixed);
    assert_matches_reference("e\xCC\x81");                /* mark right after ASCII */
    assert_matches_reference("\xCC\x81" "abc");           /* a mark first */
    assert_matches_reference("x\xCC\x81\xCC\xA3\xCC\x88y"); /* reordered marks */
    assert_matches_reference("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"); /* jamo L V T */
}

/* ---- generated strings ------------------------------------------------- */

static const char *const S_pieces[] = {
    "a", "Z", "e", "Go", "C++", "Python", " ", "  ", "\n", "\r\n", "\r", "\t",
    ".", ",", "/", "#", "(", ")", "1", "2019",
    "\xC3\xA9", "\xC3\x89", "\xC3\x9F", "\xC3\xB1", "\xC3\xB6",     /* é É ß ñ ö */
    "\xCC\x81", "\xCC\x88", "\xCC\xA3", "\xCD\x85",                 /* marks */
    "\xEF\xAC\x81", "\xEF\xAC\x83",                                 /* ﬁ ﬃ */
    "\xEF\xBC\xA7\xEF\xBD\x8F", "\xEF\xBC\x91",                     /* Ｇｏ １ */
    "\xCE\xA3", "\xCF\x82", "\xCE\xAC", "\xD0\x81", "\xD0\xB9",     /* Σ ς ά Ё й */
    "\xE6\x9D\xB1", "\xED\x95\x9C", "\xE3\x82\xAB", "\xE3\x82\x99", /* 東 한 カ ゙ */
    "\xEF\xBD\xB6", "\xEF\xBE\x9E",                                 /* ｶ ﾞ */
    "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",                 /* jamo */
    "\xF0\x9F\x98\x80", "\xF0\x9F\x8F\xBD", "\xE2\x80\x8D", "\xEF\xB8\x8F",
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
    "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\x89",
    "\xC4\xB0", "\xE2\x84\xAA", "\xC2\xBD", "\xE2\x91\xA0", "\xE2\x84\xA2",
    "\xC7\x84", "\xE2\x84\xAB", "\xC2\xAD",                         /* soft hyphen */
};

static uint64_t S_rng = 0x2545F4914F6CDD1Dull;

static uint32_t rng_next(void)
{
    S_rng ^= S_rng << 13;
    S_rng ^= S_rng >> 7;
    S_rng ^= S_rng << 17;
    return (uint32_t)(S_rng >> 11);
}

static void test_random_strings_equal_reference(void **state)
{
    (void)state;
    const size_t npieces = sizeof S_pieces / sizeof S_pieces[0];
    char buf[1024];
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        size_t count = 1 + rng_next() % 24;
        for (size_t k = 0; k < count; k++) {
            const char *p = S_pieces[rng_next() % npieces];
            size_t n = strlen(p);
            memcpy(buf + len, p, n);
            len += n;
        }
        buf[len] = '\0';
        assert_matches_reference(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_folding),
        cmocka_unit_test(test_accents_stripped),
        cmocka_unit_test(test_ligatures_and_width),
        cmocka_unit_test(test_punctuation_lumped),
        cmocka_unit_test(test_double_curly_quotes_lumped),
        cmocka_unit_test(test_offset_map),
        cmocka_unit_test(test_offset_map_expanding),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_hyphenated_line_break),
        cmocka_unit_test(test_mixed_text_equals_reference),
        cmocka_unit_test(test_random_strings_equal_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
