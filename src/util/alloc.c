/* alloc.c — the allocator every part of librolescan goes through, so that a
 * test can fail the Nth allocation and an embedder can bring its own. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static void *(*S_malloc)(size_t) = malloc;
static void *(*S_realloc)(void *, size_t) = realloc;
static void (*S_free)(void *) = free;

void rs_set_allocator(void *(*malloc_fn)(size_t),
                      void *(*realloc_fn)(void *, size_t),
                      void (*free_fn)(void *))
{
    S_malloc = malloc_fn ? malloc_fn : malloc;
    S_realloc = realloc_fn ? realloc_fn : realloc;
    S_free = free_fn ? free_fn : free;
}

void *rs__malloc(size_t size) { return S_malloc(size ? size : 1); }

void *rs__calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    void *p = rs__malloc(bytes);
    if (p)
        memset(p, 0, bytes > 0 ? bytes : 1);
    return p;
}

void *rs__realloc(void *ptr, size_t size)
{
    return S_realloc(ptr, size ? size : 1);
}

void rs__free(void *ptr)
{
    if (ptr)
        S_free(ptr);
}

bool rs__grow(void **ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return false;
        ncap *= 2;
    }
    void *p = rs__realloc(*ptr, ncap * size);
    if (!p)
        return false;
    *ptr = p;
    *cap = ncap;
    return true;
}

bool rs__grow_zeroed(void **ptr, size_t *cap, size_t need, size_t size)
{
    size_t old = *cap;
    if (!rs__grow(ptr, cap, need, size))
        return false;
    memset((char *)*ptr + old * size, 0, (*cap - old) * size);
    return true;
}

char *rs__strndup(const char *s, size_t n)
{
    char *d = rs__malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rs__strdup(const char *s) { return rs__strndup(s, strlen(s)); }

void rs_free(void *ptr) { rs__free(ptr); }
