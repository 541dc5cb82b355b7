/* test_cache.c — the compiled lexicon cache (src/lexicon/cache.c): a
 * lexicon and roles read from the cache are the ones compiled from the XML
 * (every accessor, and whole runs rendered byte for byte over the
 * samples); a cache file truncated or with a byte flipped anywhere is
 * detected and rebuilt; a changed lexicon file is a new key; an
 * unwritable folder still loads; options of another ABI are refused. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "render_support.h"
#include "rolescan.h"

#define SAMPLES RS_LEXICONS "/../samples"

static char S_dir[64];        /* a fresh cache folder per test */

static int S_setup(void **state)
{
    (void)state;
    snprintf(S_dir, sizeof S_dir, "/tmp/rs-cache-test.XXXXXX");
    return mkdtemp(S_dir) ? 0 : -1;
}

static int S_teardown(void **state)
{
    (void)state;
    DIR *d = opendir(S_dir);
    char path[512];
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.' && snprintf(path, sizeof path, "%s/%s", S_dir, e->d_name) > 0)
            unlink(path);
    if (d)
        closedir(d);
    return rmdir(S_dir);
}

/* The cache file of a kind ("skills", "roles") in S_dir, into path. */
static bool S_find(const char *kind, char *path, size_t size)
{
    DIR *d = opendir(S_dir);
    bool found = false;
    for (struct dirent *e; d && !found && (e = readdir(d));)
        if (strncmp(e->d_name, kind, strlen(kind)) == 0 && !strstr(e->d_name, ".tmp."))
            found = snprintf(path, size, "%s/%s", S_dir, e->d_name) > 0;
    if (d)
        closedir(d);
    return found;
}

static size_t S_count_files(void)
{
    DIR *d = opendir(S_dir);
    size_t n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

typedef struct loaded {
    rs_lexicon *lex;
    rs_roles *roles;
} loaded;

static loaded S_load(const char *lexicons, const char *cache)
{
    rs_load_options o = {.abi_version = RS_ABI_VERSION, .cache_dir = cache};
    loaded l = {0};
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load_with(lexicons, &o, &l.lex, &err), RS_OK);
    assert_int_equal(rs_roles_load_with(lexicons, l.lex, &o, &l.roles, &err), RS_OK);
    return l;
}

static void S_free(loaded *l)
{
    rs_roles_free(l->roles);
    rs_lexicon_free(l->lex);
}

static void S_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

/* Everything the public accessors show of the two lexicons is equal. */
static void S_same_knowledge(const loaded *a, const loaded *b)
{
    assert_string_equal(rs_lexicon_version(a->lex), rs_lexicon_version(b->lex));
    assert_string_equal(rs_lexicon_hash(a->lex), rs_lexicon_hash(b->lex));
    rs_lexicon_stats sa = rs_lexicon_get_stats(a->lex), sb = rs_lexicon_get_stats(b->lex);
    assert_memory_equal(&sa, &sb, sizeof sa);
    for (size_t i = 0; i < rs_lexicon_skill_count(a->lex); i++) {
        rs_skill_info x = rs_lexicon_skill(a->lex, i), y = rs_lexicon_skill(b->lex, i);
        assert_string_equal(x.id, y.id);
        assert_string_equal(x.name, y.name);
        assert_string_equal(x.category, y.category);
        S_same_str(x.family, y.family);
        assert_string_equal(x.file, y.file);
        assert_int_equal(x.alias_count, y.alias_count);
        for (size_t k = 0; k < x.alias_count; k++)
            assert_string_equal(rs_lexicon_alias(a->lex, i, k).term,
                                rs_lexicon_alias(b->lex, i, k).term);
        for (size_t k = 0; k < x.implies_count; k++)
            assert_string_equal(rs_lexicon_implied(a->lex, i, k),
                                rs_lexicon_implied(b->lex, i, k));
        assert_int_equal(rs_lexicon_find(b->lex, x.id), i);
    }
    assert_string_equal(rs_roles_version(a->roles), rs_roles_version(b->roles));
    assert_int_equal(rs_roles_count(a->roles), rs_roles_count(b->roles));
    for (size_t r = 0; r < rs_roles_count(a->roles); r++) {
        rs_role_info x = rs_roles_role(a->roles, r), y = rs_roles_role(b->roles, r);
        assert_string_equal(x.id, y.id);
        assert_string_equal(x.title, y.title);
        assert_int_equal(x.rung, y.rung);
        assert_int_equal(rs_roles_next(a->roles, r), rs_roles_next(b->roles, r));
        for (size_t t = 0; rs_roles_title(a->roles, r, t); t++)
            assert_string_equal(rs_roles_title(a->roles, r, t), rs_roles_title(b->roles, r, t));
    }
}

/* A whole score run of every sample, rendered as JSON, and a title read. */
static char *S_run_all(const loaded *l)
{
    const char *files[] = {SAMPLES "/resumes/01-junior-backend.txt",
                           SAMPLES "/resumes/04-team-lead.md",
                           SAMPLES "/resumes/07-cto.txt",
                           SAMPLES "/resumes/12-chef.txt",
                           SAMPLES "/postings/05-principal-architect.txt",
                           SAMPLES "/postings/09-ml-engineer.txt"};
    enum { N = sizeof files / sizeof *files };
    rs_result *res[N] = {0};
    rs_score_result rows[N];
    rs_run_options o = RS_RUN_OPTIONS_INIT;
    o.as_of = (rs_date){2026, 11};
    rs_error err = {0};
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(rs_run_file(l->lex, l->roles, files[i], &o, &res[i], &err), RS_OK);
        rows[i] = (rs_score_result){files[i], rs_result_document(res[i]),
                                    rs_result_scan(res[i]), rs_result_analysis(res[i]), NULL};
    }
    rs_report_options ro = {.as_of = o.as_of};
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(render_score(l->roles, l->lex, rows, N, &ro, RS_OUTPUT_JSON, 0, &out, &len,
                                  &err),
                     RS_OK);
    for (size_t i = 0; i < N; i++)
        rs_result_free(res[i]);
    return out;
}

static void S_same_runs(const loaded *a, const loaded *b)
{
    char *x = S_run_all(a), *y = S_run_all(b);
    assert_true(strlen(x) > 1000);
    assert_string_equal(x, y);
    free(x);
    free(y);
}

static void test_hit_equals_compiled(void **state)
{
    (void)state;
    loaded plain = S_load(RS_LEXICONS, NULL);
    assert_int_equal(rs_lexicon_cache_state(plain.lex), RS_CACHE_OFF);
    loaded built = S_load(RS_LEXICONS, S_dir);
    assert_int_equal(rs_lexicon_cache_state(built.lex), RS_CACHE_BUILT);
    assert_int_equal(rs_roles_cache_state(built.roles), RS_CACHE_BUILT);
    assert_int_equal(S_count_files(), 2);
    loaded hit = S_load(RS_LEXICONS, S_dir);
    assert_int_equal(rs_lexicon_cache_state(hit.lex), RS_CACHE_HIT);
    assert_int_equal(rs_roles_cache_state(hit.roles), RS_CACHE_HIT);
    S_same_knowledge(&plain, &hit);
    S_same_runs(&plain, &hit);
    S_free(&hit);
    S_free(&built);
    S_free(&plain);
}

static long S_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void S_flip(const char *path, long at)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, at, SEEK_SET), 0);
    int c = fgetc(f);
    assert_int_equal(fseek(f, at, SEEK_SET), 0);
    fputc(c ^ 0x20, f);
    fclose(f);
}

/* Damage the kind's cache file, load, and expect it rebuilt and the
 * knowledge the same as compiled; the next load is a hit again. */
static void S_damaged_then_rebuilt(const loaded *plain, const char *kind, long at,
                                   long truncate_to)
{
    char path[512];
    assert_true(S_find(kind, path, sizeof path));
    if (truncate_to >= 0)
        assert_int_equal(truncate(path, truncate_to), 0);
    else
        S_flip(path, at);
    loaded l = S_load(RS_LEXICONS, S_dir);
    bool skills = strcmp(kind, "skills") == 0;
    assert_int_equal(skills ? (int)rs_lexicon_cache_state(l.lex)
                            : (int)rs_roles_cache_state(l.roles),
                     RS_CACHE_REBUILT);
    S_same_knowledge(plain, &l);
    S_free(&l);
    l = S_load(RS_LEXICONS, S_dir);
    assert_int_equal(rs_lexicon_cache_state(l.lex), RS_CACHE_HIT);
    assert_int_equal(rs_roles_cache_state(l.roles), RS_CACHE_HIT);
    S_free(&l);
}

static void test_damage_is_rebuilt(void **state)
{
    (void)state;
    loaded plain = S_load(RS_LEXICONS, NULL);
    loaded first = S_load(RS_LEXICONS, S_dir);
    S_free(&first);
    char path[512];
    assert_true(S_find("skills", path, sizeof path));
    long size = S_size(path);
    assert_true(size > 4096);
    /* the header, the tree's start and middle, the patterns at the end */
    const long at[] = {0, 9, 70, 100, size / 3, size / 2, size - 40, size - 1};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++)
        S_damaged_then_rebuilt(&plain, "skills", at[i], -1);
    S_damaged_then_rebuilt(&plain, "skills", 0, size / 2);
    S_damaged_then_rebuilt(&plain, "skills", 0, 10);
    S_damaged_then_rebuilt(&plain, "skills", 0, 0);
    assert_true(S_find("roles", path, sizeof path));
    size = S_size(path);
    S_damaged_then_rebuilt(&plain, "roles", size / 2, -1);
    S_damaged_then_rebuilt(&plain, "roles", 0, size - 8);
    S_free(&plain);
}

/* A file whose checksum holds but whose first pointer (the lexicon's file
 * list, at the start of the tree) points past the end: the bounds check,
 * not the checksum, refuses it. The header: magic, kind, key, payload,
 * extra, patterns, checksum (64 bits each), then the tree. */
static void test_bounds_checked(void **state)
{
    (void)state;
    loaded plain = S_load(RS_LEXICONS, NULL);
    loaded first = S_load(RS_LEXICONS, S_dir);
    S_free(&first);
    char path[512];
    assert_true(S_find("skills", path, sizeof path));
    long size = S_size(path);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    char *img = malloc((size_t)size);
    assert_int_equal(fread(img, 1, (size_t)size, f), (size_t)size);
    uint64_t past = (uint64_t)size * 4 + 1, kind;
    memcpy(img + 64, &past, sizeof past);
    memcpy(&kind, img + 8, sizeof kind);
    uint64_t sum = rs__hash_chain(kind, img + 64, (size_t)size - 64);
    memcpy(img + 48, &sum, sizeof sum);
    rewind(f);
    assert_int_equal(fwrite(img, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    free(img);
    loaded l = S_load(RS_LEXICONS, S_dir);
    assert_int_equal(rs_lexicon_cache_state(l.lex), RS_CACHE_REBUILT);
    S_same_knowledge(&plain, &l);
    S_free(&l);
    S_free(&plain);
}

static void S_copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

/* A copy of the lexicon folder with one skill's name changed is another
 * key: compiled, never read from the other's file. */
static void test_changed_lexicon_is_new_key(void **state)
{
    (void)state;
    char lex[] = "/tmp/rs-cache-lex.XXXXXX";
    assert_non_null(mkdtemp(lex));
    DIR *d = opendir(RS_LEXICONS);
    assert_non_null(d);
    char from[512], to[512];
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0) {
            snprintf(from, sizeof from, "%s/%s", RS_LEXICONS, e->d_name);
            snprintf(to, sizeof to, "%s/%s", lex, e->d_name);
            S_copy_file(from, to);
        }
    }
    closedir(d);
    loaded a = S_load(lex, S_dir);
    assert_int_equal(rs_lexicon_cache_state(a.lex), RS_CACHE_BUILT);
    size_t python = rs_lexicon_find(a.lex, "python");
    assert_int_not_equal(python, (size_t)-1);
    S_free(&a);
    /* rename Python's display name in the copy */
    snprintf(to, sizeof to, "%s/skills-languages.xml", lex);
    FILE *f = fopen(to, "rb");
    assert_non_null(f);
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char *at = strstr(text, "name=\"Python\"");
    assert_non_null(at);
    memcpy(at, "name=\"Pythom\"", 13);
    f = fopen(to, "wb");
    fwrite(text, 1, n, f);
    fclose(f);
    loaded b = S_load(lex, S_dir);
    assert_int_equal(rs_lexicon_cache_state(b.lex), RS_CACHE_BUILT);
    assert_string_equal(rs_lexicon_skill(b.lex, rs_lexicon_find(b.lex, "python")).name, "Pythom");
    S_free(&b);
    assert_int_equal(S_count_files(), 4);   /* two keys, two kinds */
    d = opendir(lex);
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.' && snprintf(to, sizeof to, "%s/%s", lex, e->d_name) > 0)
            unlink(to);
    if (d)
        closedir(d);
    rmdir(lex);
}

static void test_unwritable_still_loads(void **state)
{
    (void)state;
    loaded l = S_load(RS_LEXICONS, "/dev/null/cache");
    assert_int_equal(rs_lexicon_cache_state(l.lex), RS_CACHE_UNWRITABLE);
    assert_int_equal(rs_roles_cache_state(l.roles), RS_CACHE_UNWRITABLE);
    assert_true(rs_lexicon_skill_count(l.lex) > 100);
    S_free(&l);
}

static void test_other_abi_refused(void **state)
{
    (void)state;
    rs_load_options o = {.abi_version = RS_ABI_VERSION + 1, .cache_dir = S_dir};
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load_with(RS_LEXICONS, &o, &lex, &err), RS_ERR_ARG);
    assert_null(lex);
    assert_non_null(strstr(err.message, "ABI"));
}

/* A folder that does not load is reported as the plain load reports it,
 * and nothing is cached for it. */
static void test_bad_folder_reported(void **state)
{
    (void)state;
    rs_load_options o = {.abi_version = RS_ABI_VERSION, .cache_dir = S_dir};
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load_with("/nonexistent/lexicons", &o, &lex, &err), RS_ERR_IO);
    assert_null(lex);
    assert_int_equal(S_count_files(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hit_equals_compiled, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_damage_is_rebuilt, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_bounds_checked, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_changed_lexicon_is_new_key, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_still_loads, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_other_abi_refused, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_bad_folder_reported, S_setup, S_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
