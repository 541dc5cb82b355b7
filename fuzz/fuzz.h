/* fuzz.h — what every harness in fuzz/ shares: the libFuzzer entry points'
 * prototypes, the shipped lexicons loaded once, a file reader, and (when
 * RS_FUZZ_REPLAY is defined, i.e. built without -fsanitize=fuzzer) a main()
 * that replays files and folders through LLVMFuzzerTestOneInput.
 *
 * Include it once, from the harness's one source file. */
#ifndef RS_FUZZ_H
#define RS_FUZZ_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* mkdtemp, stat, opendir: include fuzz.h first */
#endif

#include "rolescan.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RS_LEXICONS
#error "compile with -DRS_LEXICONS=\"/path/to/lexicons\""
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The library never prints (rolescan.h). libxml2 prints what reaches its
 * generic error channel unless a caller silences it: route that channel to
 * a recorder, and make a finding of anything recorded. Per thread in
 * libxml2; call after rs_global_init(). */
#include <libxml/xmlerror.h>

static char rs_fuzz_printed[256];

static __attribute__((format(printf, 2, 3))) void rs_fuzz_on_generic_error(void *ctx,
                                                                          const char *msg, ...)
{
    (void)ctx;
    if (rs_fuzz_printed[0] || !msg)
        return;
    va_list ap;
    va_start(ap, msg);
    vsnprintf(rs_fuzz_printed, sizeof rs_fuzz_printed, msg, ap);
    va_end(ap);
    if (!rs_fuzz_printed[0])
        rs_fuzz_printed[0] = '?';
}

static __attribute__((unused)) void rs_fuzz_trap_libxml_output(void)
{
    xmlSetGenericErrorFunc(NULL, rs_fuzz_on_generic_error);
}

/* Aborts when libxml2 tried to print since the last check. */
static __attribute__((unused)) void rs_fuzz_check_quiet(const char *what)
{
    if (rs_fuzz_printed[0]) {
        fprintf(stderr, "%s: libxml2 printed (the library must not): %s\n", what,
                rs_fuzz_printed);
        abort();
    }
}

/* The shipped lexicons, loaded once by rs_fuzz_lexicons() and freed at exit
 * (they stay reachable in between, so LeakSanitizer does not count them). */
static rs_lexicon *rs_fuzz_lex;
static rs_roles *rs_fuzz_roles;

static __attribute__((unused)) void rs_fuzz_free_lexicons(void)
{
    rs_roles_free(rs_fuzz_roles);
    rs_lexicon_free(rs_fuzz_lex);
    rs_fuzz_roles = NULL;
    rs_fuzz_lex = NULL;
}

/* Loads skills (and roles when want_roles) from RS_LEXICONS; aborts on
 * failure: a harness without its lexicon would fuzz nothing. */
static __attribute__((unused)) void rs_fuzz_lexicons(int want_roles)
{
    rs_error err = {0};
    rs_global_init();
    if (!rs_fuzz_lex && rs_lexicon_load(RS_LEXICONS, &rs_fuzz_lex, &err) != RS_OK) {
        fprintf(stderr, "fuzz: skills: %s:%u: %s\n", err.file, err.line, err.message);
        abort();
    }
    if (want_roles && !rs_fuzz_roles &&
        rs_roles_load(RS_LEXICONS, rs_fuzz_lex, &rs_fuzz_roles, &err) != RS_OK) {
        fprintf(stderr, "fuzz: roles: %s:%u: %s\n", err.file, err.line, err.message);
        abort();
    }
    rs_fuzz_trap_libxml_output();
    static int registered;
    if (!registered) {
        registered = 1;
        atexit(rs_fuzz_free_lexicons);
    }
}

/* A NUL-terminated copy of the input (for string APIs); NULL when out of
 * memory. The caller frees it. */
static __attribute__((unused)) char *rs_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s) {
        if (size)
            memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

/* The whole of a file, malloc'd (NUL-terminated); NULL on failure. */
static __attribute__((unused)) unsigned char *rs_fuzz_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 65536 * 2;
            unsigned char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got < 65536)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

#ifdef RS_FUZZ_REPLAY
/* ---- replay: main() over files and folders ------------------------------ */
#include <dirent.h>
#include <sys/stat.h>

static int rs_fuzz_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs one file, or every file under a folder (recursively, in name order,
 * dot files skipped). Returns the number of failures to read. */
static int rs_fuzz_replay(const char *path, unsigned long *ran)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: cannot stat %s\n", path);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) {
            fprintf(stderr, "replay: cannot open %s\n", path);
            return 1;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        int bad = 0;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;   /* ., .., .keep */
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **nn = realloc(names, cap * sizeof *names);
                if (!nn) {
                    bad = 1;
                    break;
                }
                names = nn;
            }
            size_t len = strlen(path) + strlen(e->d_name) + 2;
            if (!(names[n] = malloc(len))) {
                bad = 1;
                break;
            }
            snprintf(names[n++], len, "%s/%s", path, e->d_name);
        }
        closedir(d);
        if (n)
            qsort(names, n, sizeof *names, rs_fuzz_cmp);
        for (size_t i = 0; i < n; i++) {
            if (!bad)
                bad += rs_fuzz_replay(names[i], ran);
            free(names[i]);
        }
        free(names);
        return bad;
    }
    size_t len = 0;
    unsigned char *data = rs_fuzz_read_file(path, &len);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    /* An exact-size copy, so ASan sees a read past the input's end. */
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy) {
        free(data);
        return 1;
    }
    memcpy(copy, data, len);
    free(data);
    LLVMFuzzerTestOneInput(copy, len);
    free(copy);
    (*ran)++;
    return 0;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    unsigned long ran = 0;
    int bad = 0;
    for (int i = 1; i < argc; i++)
        bad += rs_fuzz_replay(argv[i], &ran);
    printf("%s: ran %lu inputs\n", argc ? argv[0] : "replay", ran);
    return bad ? 1 : 0;
}
#endif /* RS_FUZZ_REPLAY */

#endif /* RS_FUZZ_H */
