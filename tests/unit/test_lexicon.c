/* test_lexicon.c — rs_lexicon_load: the mini lexicon's contents, every
 * error path (one fixture folder each under tests/data/bad-lexicons/) and
 * the real lexicon folder. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define BAD RS_TEST_DATA "/bad-lexicons/"

static rs_lexicon *load_ok(const char *dir)
{
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    rs_status st = rs_lexicon_load(dir, &lex, &err);
    if (st != RS_OK)
        fail_msg("%s: %s:%u: %s", dir, err.file, err.line, err.message);
    assert_non_null(lex);
    return lex;
}

static rs_error load_fail(const char *dir, rs_status want)
{
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    rs_status st = rs_lexicon_load(dir, &lex, &err);
    if (st != want)
        fail_msg("%s: status %d (%s:%u: %s), want %d", dir, st, err.file, err.line,
                 err.message, want);
    assert_int_equal(err.status, want);
    assert_null(lex);
    return err;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

/* err names the file (by its ending), the line and a word of the problem. */
static void assert_err(const rs_error *err, const char *file, unsigned line,
                       const char *word)
{
    if (!ends_with(err->file, file))
        fail_msg("error file \"%s\" does not end with \"%s\"", err->file, file);
    if (err->line != line)
        fail_msg("error line %u, want %u (%s)", err->line, line, err->message);
    if (!strstr(err->message, word))
        fail_msg("message \"%s\" lacks \"%s\"", err->message, word);
}

/* ---- the mini lexicon -------------------------------------------------- */

static int setup_mini(void **state)
{
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    if (rs_lexicon_load(RS_TEST_DATA "/mini", &lex, &err) != RS_OK) {
        print_error("mini: %s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    *state = lex;
    return 0;
}

static int teardown_mini(void **state)
{
    rs_lexicon_free(*state);
    return 0;
}

static void test_mini_stats(void **state)
{
    const rs_lexicon *lex = *state;
    rs_lexicon_stats s = rs_lexicon_get_stats(lex);
    assert_int_equal(s.files, 1);
    assert_int_equal(s.skills, 18);
    assert_int_equal(s.aliases, 23);
    assert_int_equal(s.patterns, 1);
    assert_int_equal(s.stops, 2);
    assert_int_equal(s.cues, 1);
    assert_int_equal(rs_lexicon_skill_count(lex), 18);
    assert_string_equal(rs_lexicon_version(lex), "1.0.0");
    const char *h = rs_lexicon_hash(lex);
    assert_int_equal(strncmp(h, "fnv1a64:", 8), 0);
    assert_int_equal(strlen(h), 8 + 16);
    assert_int_equal(strspn(h + 8, "0123456789abcdef"), 16);
}

static void test_mini_hash_is_stable(void **state)
{
    rs_lexicon *again = load_ok(RS_TEST_DATA "/mini");
    assert_string_equal(rs_lexicon_hash(again), rs_lexicon_hash(*state));
    rs_lexicon_free(again);
    rs_lexicon *other = load_ok(BAD "other-root");
    assert_string_not_equal(rs_lexicon_hash(other), rs_lexicon_hash(*state));
    rs_lexicon_free(other);
}

static void test_mini_find_and_skill(void **state)
{
    const rs_lexicon *lex = *state;
    size_t i = rs_lexicon_find(lex, "python");
    assert_int_not_equal(i, RS_NOT_FOUND);
    rs_skill_info info = rs_lexicon_skill(lex, i);
    assert_string_equal(info.id, "python");
    assert_string_equal(info.name, "Python");
    assert_string_equal(info.category, "language");
    assert_true(ends_with(info.file, "mini.xml"));
    assert_int_equal(info.alias_count, 1);
    assert_int_equal(info.implies_count, 0);
    info = rs_lexicon_skill(lex, rs_lexicon_find(lex, "resume-writing"));
    assert_string_equal(info.name, "R\xC3\xA9sum\xC3\xA9 writing");
    assert_string_equal(info.category, "soft_skill");
    assert_int_equal(rs_lexicon_find(lex, "nope"), RS_NOT_FOUND);
    assert_int_equal(rs_lexicon_find(lex, "Python"), RS_NOT_FOUND);
    assert_null(rs_lexicon_skill(lex, 18).id);
    for (size_t k = 0; k < rs_lexicon_skill_count(lex); k++)
        assert_int_equal(rs_lexicon_find(lex, rs_lexicon_skill(lex, k).id), k);
}

static void test_mini_alias_flags(void **state)
{
    const rs_lexicon *lex = *state;
    size_t go = rs_lexicon_find(lex, "go");
    assert_int_equal(rs_lexicon_skill(lex, go).alias_count, 2);
    rs_alias_info a = rs_lexicon_alias(lex, go, 0);
    assert_string_equal(a.term, "Golang");
    assert_false(a.needs_context);
    assert_false(a.exact_case);
    a = rs_lexicon_alias(lex, go, 1);
    assert_string_equal(a.term, "Go");
    assert_true(a.needs_context);
    assert_true(a.exact_case);
    a = rs_lexicon_alias(lex, rs_lexicon_find(lex, "dotnet"), 0);
    assert_string_equal(a.term, ".NET");
    assert_null(rs_lexicon_alias(lex, go, 2).term);
    assert_int_equal(rs_lexicon_skill(lex, rs_lexicon_find(lex, "iso-27001")).alias_count, 0);
}

static void test_mini_implications(void **state)
{
    const rs_lexicon *lex = *state;
    size_t eks = rs_lexicon_find(lex, "aws-eks");
    rs_skill_info info = rs_lexicon_skill(lex, eks);
    assert_string_equal(info.name, "Amazon EKS");
    assert_string_equal(info.category, "cloud");
    assert_int_equal(info.implies_count, 2);
    assert_string_equal(rs_lexicon_implied(lex, eks, 0), "aws");
    assert_string_equal(rs_lexicon_implied(lex, eks, 1), "kubernetes");
    assert_null(rs_lexicon_implied(lex, eks, 2));
    assert_null(rs_lexicon_implied(lex, rs_lexicon_find(lex, "aws"), 0));
}

static void test_categories(void **state)
{
    (void)state;
    const char *const *cats = rs_categories();
    size_t n = 0;
    while (cats[n])
        n++;
    assert_int_equal(n, 22);
    assert_string_equal(cats[0], "language");
    assert_string_equal(rs_category_label("language"), "Languages");
    assert_string_equal(rs_category_label("ci_cd"), "CI/CD");
}

/* ---- error paths ------------------------------------------------------- */

static void test_missing_folder(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "does-not-exist", RS_ERR_IO);
    assert_err(&e, "does-not-exist", 0, "cannot open");
}

static void test_empty_folder(void **state)
{
    (void)state;
    char dir[] = "/tmp/rs_lexicon_empty_XXXXXX";
    assert_non_null(mkdtemp(dir));
    rs_error e = load_fail(dir, RS_ERR_LEXICON);
    rmdir(dir);
    assert_err(&e, dir, 0, "no lexicon files");
}

static void test_not_well_formed(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "not-well-formed", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 5, "mismatch");
}

static void test_doctype_refused(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "doctype", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 2, "DOCTYPE");
}

static void test_unknown_category(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "unknown-category", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 4, "attributes");   /* libxml2 names no attribute */
}

static void test_missing_id(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "missing-id", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 5, "attributes");
}

static void test_bad_id(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "bad-id", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 3, "skill id \"Bad Id!\" is not an id");
}

/* Values the schema leaves to code: version, lengths, refs. */
static void test_value_checks(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "bad-version", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 2, "version \"v1.x\" is not digits separated by dots");
    e = load_fail(BAD "long-alias", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 4, "alias is 121 characters; 1 to 120 allowed");
    e = load_fail(BAD "bad-ref", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 4, "implies ref \"Not An Id\" is not an id");
}

static void test_duplicate_id_across_files(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "duplicate-id", RS_ERR_LEXICON);
    assert_err(&e, "/b.xml", 4, "'python'");
    assert_non_null(strstr(e.message, "a.xml:3"));
}

static void test_alias_of_two_skills(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "shared-alias", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 6, "one skill");
    assert_non_null(strstr(e.message, "'alpha'"));
    assert_non_null(strstr(e.message, "x.xml:3"));
}

static void test_stop_phrase_is_alias(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "stop-is-alias", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 4, "stop phrase");
    assert_non_null(strstr(e.message, "'rnd'"));
}

static void test_implies_unknown(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "implies-unknown", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 5, "'kubernetes'");
}

static void test_implies_itself(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "implies-itself", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 7, "itself");
}

static void test_bad_regex(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "bad-regex", RS_ERR_REGEX);
    assert_err(&e, "/x.xml", 5, "iso-27001");
    assert_non_null(strstr(e.message, "parenthesis"));
}

static void test_url_term(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "url-term", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 4, "URL");
    assert_non_null(strstr(e.message, "monday.com"));
}

static void test_term_too_long(void **state)
{
    (void)state;
    rs_error e = load_fail(BAD "long-term", RS_ERR_LEXICON);
    assert_err(&e, "/x.xml", 5, "17 tokens");
}

static void test_other_root_ignored(void **state)
{
    (void)state;
    rs_lexicon *lex = load_ok(BAD "other-root");
    rs_lexicon_stats s = rs_lexicon_get_stats(lex);
    assert_int_equal(s.skills, 1);
    assert_int_not_equal(rs_lexicon_find(lex, "python"), RS_NOT_FOUND);
    rs_lexicon_free(lex);
    rs_error e = load_fail(BAD "only-other-root", RS_ERR_LEXICON);
    assert_err(&e, "/roles.xml", 0, "no skill lexicon");
}

/* ---- the real lexicons ------------------------------------------------- */

static void test_real_lexicons_load(void **state)
{
    (void)state;
    rs_lexicon *lex = load_ok(RS_LEXICONS);
    rs_lexicon_stats s = rs_lexicon_get_stats(lex);
    assert_true(s.skills > 0);
    assert_int_equal(strncmp(rs_lexicon_hash(lex), "fnv1a64:", 8), 0);
    rs_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest mini[] = {
        cmocka_unit_test(test_mini_stats),
        cmocka_unit_test(test_mini_hash_is_stable),
        cmocka_unit_test(test_mini_find_and_skill),
        cmocka_unit_test(test_mini_alias_flags),
        cmocka_unit_test(test_mini_implications),
    };
    const struct CMUnitTest errors[] = {
        cmocka_unit_test(test_categories),
        cmocka_unit_test(test_missing_folder),
        cmocka_unit_test(test_empty_folder),
        cmocka_unit_test(test_not_well_formed),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_unknown_category),
        cmocka_unit_test(test_missing_id),
        cmocka_unit_test(test_bad_id),
        cmocka_unit_test(test_value_checks),
        cmocka_unit_test(test_duplicate_id_across_files),
        cmocka_unit_test(test_alias_of_two_skills),
        cmocka_unit_test(test_stop_phrase_is_alias),
        cmocka_unit_test(test_implies_unknown),
        cmocka_unit_test(test_implies_itself),
        cmocka_unit_test(test_bad_regex),
        cmocka_unit_test(test_url_term),
        cmocka_unit_test(test_term_too_long),
        cmocka_unit_test(test_other_root_ignored),
        cmocka_unit_test(test_real_lexicons_load),
    };
    int failed = cmocka_run_group_tests_name("mini", mini, setup_mini, teardown_mini);
    failed += cmocka_run_group_tests_name("errors", errors, NULL, NULL);
    return failed;
}
