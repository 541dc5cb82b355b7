/* gather.c — the inputs of a batch command (classify, match): files as
 * given, folders walked recursively in name order for the files matching
 * the globs, links not followed; and one file's text in any format. */
#define _GNU_SOURCE   /* FNM_CASEFOLD */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define S_MAX_DEPTH 64

const char *const cli_default_globs[] = {"*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                         "*.jsonl", "*.pdf", "*.docx", "*.odt", NULL};

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
    errno = 0;
    DIR *d = depth < S_MAX_DEPTH ? opendir(dir) : NULL;
    if (!d && errno == ENOMEM)   /* out of memory, not an unreadable folder */
        return false;
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

rs_status cli_read_text(const char *path, const cli_common *c, rs_text **out, rs_error *err)
{
    return rs_text_read_any(path, c->format, c->max_size, out, err);
}
