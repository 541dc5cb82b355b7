/* test_alias_corpus.c — the shipped lexicon, proved entry by entry: every
 * alias is found in a sentence with tech context, and the near-miss corpus
 * (tests/data/near-miss.tsv: a sentence, then the skill ids it must NOT
 * yield) finds none of its false friends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rolescan.h"

static rs_lexicon *S_lex;

static int S_setup(void **state)
{
    (void)state;
    rs_error err = {0};
    if (rs_lexicon_load(RS_LEXICONS, &S_lex, &err) != RS_OK) {
        fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    rs_lexicon_free(S_lex);
    return 0;
}

/* Scans text; returns the scan (and the document in *doc). */
static rs_scan *S_scan(const char *text, rs_document **doc)
{
    rs_error err = {0};
    rs_text *t = NULL;
    assert_int_equal(rs_text_decode("t", (const unsigned char *)text, strlen(text), 0,
                                    &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, doc, &err), RS_OK);
    rs_scan *scan = NULL;
    assert_int_equal(rs_scan_run(S_lex, *doc, &scan, &err), RS_OK);
    return scan;
}

static bool S_found(const rs_scan *scan, const char *id, bool direct_only)
{
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (strcmp(rs_lexicon_skill(S_lex, h->skill).id, id) == 0)
            return !direct_only || h->implied_by == (size_t)-1;
    }
    return false;
}

static void test_every_alias_matches(void **state)
{
    (void)state;
    size_t failures = 0, checked = 0;
    for (size_t s = 0; s < rs_lexicon_skill_count(S_lex); s++) {
        rs_skill_info info = rs_lexicon_skill(S_lex, s);
        for (size_t a = 0; a < info.alias_count; a++) {
            rs_alias_info alias = rs_lexicon_alias(S_lex, s, a);
            char text[512];
            snprintf(text, sizeof text,
                     "Tech stack: Python; %s; SQL, Docker.\n", alias.term);
            rs_document *doc = NULL;
            rs_scan *scan = S_scan(text, &doc);
            if (!S_found(scan, info.id, true)) {
                fprintf(stderr, "alias \"%s\" of '%s' not found in: %s", alias.term,
                        info.id, text);
                failures++;
            }
            checked++;
            rs_scan_free(scan);
            rs_document_free(doc);
        }
    }
    fprintf(stderr, "%zu aliases checked\n", checked);
    assert_true(checked >= 600);
    assert_int_equal(failures, 0);
}

/* "\n" written in a sentence is a line break. */
static void S_unescape_newlines(char *s)
{
    char *out = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *out++ = '\n';
            s++;
        } else {
            *out++ = *s;
        }
    }
    *out = '\0';
}

static void test_near_misses_find_nothing(void **state)
{
    (void)state;
    FILE *f = fopen(RS_TEST_DATA "/near-miss.tsv", "r");
    assert_non_null(f);
    char line[1024];
    size_t cases = 0, failures = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        char *ids = tab + 1;
        ids[strcspn(ids, "\r\n")] = '\0';
        S_unescape_newlines(line);
        rs_document *doc = NULL;
        rs_scan *scan = S_scan(line, &doc);
        for (char *id = strtok(ids, ","); id; id = strtok(NULL, ",")) {
            assert_true(rs_lexicon_find(S_lex, id) != (size_t)-1);
            if (S_found(scan, id, false)) {
                fprintf(stderr, "false friend '%s' found in: %s\n", id, line);
                failures++;
            }
        }
        cases++;
        rs_scan_free(scan);
        rs_document_free(doc);
    }
    fclose(f);
    assert_true(cases >= 40);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_alias_matches),
        cmocka_unit_test(test_near_misses_find_nothing),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
