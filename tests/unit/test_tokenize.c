/* test_tokenize.c — stage 3: words, punctuation, glue and barriers. Each
 * case is normalized like a lexicon term, tokenized and printed as
 * "text:K" per token (K = W word, P punctuation, B barrier), with a leading
 * '^' when the token is glued to the one before. */
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

typedef struct tok_case {
    const char *input;
    const char *tokens;
} tok_case;

/* Tokens of `input`, described as above; caller frees. */
static char *describe(const char *input)
{
    size_t nlen;
    char *norm = rs__normalize_term(input, &nlen);
    assert_non_null(norm);
    rs_token *toks = NULL;
    size_t count = 0;
    rs_error err = {0};
    assert_int_equal(rs__tokenize(norm, nlen, &toks, &count, &err), RS_OK);
    rs_buf b;
    rs__buf_init(&b, 0);
    for (size_t i = 0; i < count; i++) {
        const rs_token *t = &toks[i];
        assert_true(t->start + t->len <= nlen);
        assert_int_equal(t->hash, rs__token_hash(norm + t->start, t->len));
        if (i)
            rs__buf_putc(&b, ' ');
        if (t->glued)
            rs__buf_putc(&b, '^');
        rs__buf_append(&b, norm + t->start, t->len);
        rs__buf_putc(&b, ':');
        rs__buf_putc(&b, "WPB"[t->kind]);
    }
    char *out = rs__buf_detach(&b, NULL);
    assert_non_null(out);
    rs__free(toks);
    rs__free(norm);
    return out;
}

static void run_table(const tok_case *cases, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        char *got = describe(cases[i].input);
        if (strcmp(got, cases[i].tokens) != 0) {
            print_error("\"%s\"\n   got:  %s\n   want: %s\n", cases[i].input, got,
                        cases[i].tokens);
            failed++;
        }
        rs__free(got);
    }
    assert_int_equal(failed, 0);
}

#define RUN(table) run_table(table, sizeof table / sizeof table[0])

static void test_glued_punctuation(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"C++,", "c:W ^+:P ^+:P ^,:P"},
        {"C#", "c:W ^#:P"},
        {"F#", "f:W ^#:P"},
        {".NET", ".:P ^net:W"},
        {"ASP.NET Core", "asp:W ^.:P ^net:W core:W"},
        {"Node.js", "node:W ^.:P ^js:W"},
        {"Vue.js", "vue:W ^.:P ^js:W"},
        {"Next.js", "next:W ^.:P ^js:W"},
        {"Objective-C", "objective:W c:W"},
        {"R&D", "r:W ^&:P ^d:W"},
        {"C ++", "c:W +:P ^+:P"},
    };
    RUN(cases);
}

static void test_slashes(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"CI/CD", "ci:W ^/:P ^cd:W"},
        {"TCP/IP", "tcp:W ^/:P ^ip:W"},
        {"PL/SQL", "pl:W ^/:P ^sql:W"},
        {"UI/UX", "ui:W ^/:P ^ux:W"},
        {"A/B testing", "a:W ^/:P ^b:W testing:W"},
    };
    RUN(cases);
}

static void test_words_stay_whole(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"k8s", "k8s:W"},
        {"JavaScript", "javascript:W"},
        {"Google", "google:W"},
        {"ES2019", "es2019:W"},
        {"R\xC3\xA9sum\xC3\xA9 \xD0\x9F\xD1\x80\xD0\xB8 \xE6\x9D\xB1\xE4\xBA\xAC",
         "resume:W \xD0\xBF\xD1\x80\xD0\xB8:W \xE6\x9D\xB1\xE4\xBA\xAC:W"},
    };
    RUN(cases);
}

static void test_bullets_and_dashes(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"\xE2\x80\xA2 Go \xE2\x96\xAA Rust \xE2\x97\x8F Swift",
         "\xE2\x80\xA2:P go:W \xE2\x96\xAA:P rust:W \xE2\x97\x8F:P swift:W"},
        {"\xE2\x80\xA2Go\xE2\x96\xAARust", "\xE2\x80\xA2:P ^go:W ^\xE2\x96\xAA:P ^rust:W"},
        {"Java\xE2\x80\x94Spring", "java:W spring:W"},
        {"Java \xE2\x80\x93 Spring", "java:W -:P spring:W"},
    };
    RUN(cases);
}

/* A hyphen between letters joins words as a space does; next to a digit
 * it stays a token (date ranges, versions). */
static void test_hyphens(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"front-end", "front:W end:W"},
        {"amazon-web-services", "amazon:W web:W services:W"},
        {"on-call", "on:W call:W"},
        {"2016-2019", "2016:W ^-:P ^2019:W"},
        {"Jan-2020", "jan:W ^-:P ^2020:W"},
        {"2019-present", "2019:W ^-:P ^present:W"},
        {"-flag", "-:P ^flag:W"},
        {"well- known", "well:W ^-:P known:W"},
        {"x86-64", "x86:W ^-:P ^64:W"},
    };
    RUN(cases);
}

static void test_barriers(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"me@example.com", "me@example.com:B"},
        {"(me@example.com)", "(:P ^me@example.com:B ^):P"},
        {"https://github.com/example/go-tools",
         "https://github.com/example/go-tools:B"},
        {"www.example.org/x", "www.example.org/x:B"},
        {"(see https://x.example.com/java).",
         "(:P ^see:W https://x.example.com/java:B ^):P ^.:P"},
        {"github.com/example", "github.com/example:B"},
        {"Java, github.com/example, Go",
         "java:W ^,:P github.com/example:B ^,:P go:W"},
    };
    RUN(cases);
}

static void test_not_barriers(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"example.net", "example:W ^.:P ^net:W"},
        {"ASP.NET", "asp:W ^.:P ^net:W"},
        {"Node.js@18", "node:W ^.:P ^js:W ^@:P ^18:W"},
        {"e.g. Python", "e:W ^.:P ^g:W ^.:P python:W"},
    };
    RUN(cases);
}

static void test_white_space_kinds(void **state)
{
    (void)state;
    static const tok_case cases[] = {
        {"a\tb\r\nc\xC2\xA0" "d\xE2\x80\x89" "e", "a:W b:W c:W d:W e:W"},
        {"  \n ", ""},
        {"", ""},
    };
    RUN(cases);
}

static void test_same_word_same_hash(void **state)
{
    (void)state;
    const char *s = "python and python, Python";
    size_t nlen;
    char *norm = rs__normalize_term(s, &nlen);
    rs_token *t = NULL;
    size_t n = 0;
    rs_error err = {0};
    assert_int_equal(rs__tokenize(norm, nlen, &t, &n, &err), RS_OK);
    assert_int_equal(n, 5);   /* python and python , python */
    assert_int_equal(t[0].hash, t[2].hash);
    assert_int_equal(t[0].hash, t[4].hash);
    assert_int_not_equal(t[0].hash, t[1].hash);
    assert_int_not_equal(t[0].hash, t[3].hash);
    assert_int_equal(t[0].hash, rs__token_hash("python", 6));
    rs__free(t);
    rs__free(norm);
}

/* The ASCII chunks split by table and the general path agree: random
 * ASCII text, and the same text with every space an ideographic space
 * (U+3000), which sends every chunk the general way, give the same
 * tokens (kind, length, glue, hash), starts shifted by the wider spaces. */
static void test_table_path_is_general_path(void **state)
{
    (void)state;
    static const char *const parts[] = {"java", "C", "++", ".", "@", "-", "go-lang", "a-1",
                                        "://", "www.", ".com", "x@y.io", "/", ",", "(", ")",
                                        "2019", "node.js", "e-mail", "'", "\"", "#", ":"};
    srand(16);
    for (int round = 0; round < 2000; round++) {
        char ascii[256], wide[512];
        size_t a = 0, w = 0;
        int n = 1 + rand() % 12;
        for (int p = 0; p < n; p++) {
            const char *part = parts[rand() % (sizeof parts / sizeof *parts)];
            size_t len = strlen(part);
            memcpy(ascii + a, part, len);
            memcpy(wide + w, part, len);
            a += len;
            w += len;
            if (rand() % 3 == 0) {
                ascii[a++] = ' ';
                memcpy(wide + w, "\xe3\x80\x80", 3);
                w += 3;
            }
        }
        rs_token *x = NULL, *y = NULL;
        size_t nx = 0, ny = 0;
        rs_error err = {0};
        assert_int_equal(rs__tokenize(ascii, a, &x, &nx, &err), RS_OK);
        assert_int_equal(rs__tokenize(wide, w, &y, &ny, &err), RS_OK);
        assert_int_equal(nx, ny);
        for (size_t i = 0; i < nx; i++) {
            assert_int_equal(x[i].kind, y[i].kind);
            assert_int_equal(x[i].len, y[i].len);
            assert_int_equal(x[i].glued, y[i].glued);
            assert_int_equal(x[i].hash, y[i].hash);
            assert_memory_equal(ascii + x[i].start, wide + y[i].start, x[i].len);
        }
        rs__free(x);
        rs__free(y);
    }
}

static void test_document_tokens_cached(void **state)
{
    (void)state;
    const char *s = "Kuber-\nnetes, C++";
    rs_text *text = NULL;
    rs_document *d = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("d", (const unsigned char *)s, strlen(s), 0, &text,
                                    &err), RS_OK);
    assert_int_equal(rs_document_new(text, &d, &err), RS_OK);
    const rs_token *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    assert_int_equal(rs_document_tokens(d, &a, &na, &err), RS_OK);
    assert_int_equal(rs_document_tokens(d, &b, &nb, &err), RS_OK);
    assert_ptr_equal(a, b);
    assert_int_equal(na, 5);   /* kubernetes , c + + */
    assert_int_equal(a[0].len, 10);
    assert_int_equal(a[0].kind, RS_TOKEN_WORD);
    assert_true(a[1].glued);
    assert_false(a[2].glued);
    rs_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glued_punctuation),
        cmocka_unit_test(test_slashes),
        cmocka_unit_test(test_words_stay_whole),
        cmocka_unit_test(test_bullets_and_dashes),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_barriers),
        cmocka_unit_test(test_not_barriers),
        cmocka_unit_test(test_white_space_kinds),
        cmocka_unit_test(test_same_word_same_hash),
        cmocka_unit_test(test_table_path_is_general_path),
        cmocka_unit_test(test_document_tokens_cached),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
