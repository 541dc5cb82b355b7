/* gather.c — the inputs of a batch command (classify, match): files as
 * given, folders walked recursively in name order for the files matching
 * the globs, links not followed; and one file's text, HTML read through
 * libxml2's parser. */
#define _GNU_SOURCE   /* FNM_CASEFOLD */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define S_MAX_DEPTH 64

const char *const cli_default_globs[] = {"*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                         "*.jsonl", NULL};

bool cli_list_add(cli_list *l, const char *s)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **n = realloc(l->items, cap * sizeof *n);
        if (!n)
            return false;
        l->items = n;
        l->cap = cap;
    }
    return (l->items[l->count] = strdup(s)) != NULL && ++l->count;
}

static bool S_matches(const char *const *globs, const char *name)
{
    for (size_t k = 0; globs[k]; k++)
        if (fnmatch(globs[k], name, FNM_CASEFOLD) == 0)
            return true;
    return false;
}

static int S_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The matching files below dir, in name order, not following links. */
static bool S_walk(const char *const *globs, const char *dir, int depth, cli_list *out)
{
    DIR *d = depth < S_MAX_DEPTH ? opendir(dir) : NULL;
    if (!d)
        return cli_list_add(out, dir);   /* its error row says why */
    cli_list names = {0};
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            ok = cli_list_add(&names, e->d_name);
    closedir(d);
    if (names.count)
        qsort(names.items, names.count, sizeof *names.items, S_cmp_name);
    for (size_t i = 0; ok && i < names.count; i++) {
        size_t n = strlen(dir) + strlen(names.items[i]) + 2;
        char *path = malloc(n);
        struct stat st;
        if (!path) {
            ok = false;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.items[i]);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            ok = S_walk(globs, path, depth + 1, out);
        else if ((lstat(path, &st) != 0 || S_ISREG(st.st_mode)) && S_matches(globs, names.items[i]))
            ok = cli_list_add(out, path);
        free(path);
    }
    for (size_t i = 0; i < names.count; i++)
        free(names.items[i]);
    free(names.items);
    return ok;
}

bool cli_gather(const char *const *paths, size_t count, const char *const *globs,
                cli_list *out)
{
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        const char *p = paths[i];
        bool ok = strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode)
                      ? S_walk(globs, p, 0, out)
                      : cli_list_add(out, p);
        if (!ok)
            return false;
    }
    return true;
}


void cli_list_free(cli_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

bool cli_is_html(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcasecmp(path + n - 5, ".html") == 0) ||
           (n > 4 && strcasecmp(path + n - 4, ".htm") == 0);
}

static rs_status S_fail(rs_error *err, rs_status st, const char *path, const char *what)
{
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", path);
    snprintf(err->message, sizeof err->message, "%s", what);
    return st;
}

rs_status cli_read_text(const char *path, size_t max_size, rs_text **out, rs_error *err)
{
    if (!cli_is_html(path))
        return rs_text_read_file(path, max_size, out, err);
    /* the bytes as they are: the HTML reader finds the encoding */
    FILE *f = fopen(path, "rb");
    if (!f)
        return S_fail(err, RS_ERR_IO, path, strerror(errno));
    size_t cap = 65536, len = 0, n;
    unsigned char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len > max_size)
            break;
        if (len == cap) {
            unsigned char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf)
        return S_fail(err, RS_ERR_NOMEM, path, "out of memory");
    rs_html_info info = {0};
    rs_status st = bad ? S_fail(err, RS_ERR_IO, path, "read error")
                       : rs_html_read(path, buf, len, max_size, out, &info, err);
    free(buf);
    rs_html_info_free(&info);
    return st;
}
