/* yajl_arena.c — the allocator yajl is given; see yajl_arena.h. */
#include "util/yajl_arena.h"

#include <stdalign.h>
#include <string.h>

#define S_HDR sizeof(max_align_t)   /* a block's size, kept before it */

static void *S_malloc(void *ctx, size_t n)
{
    rs_yarena *a = ctx;
    size_t at = (a->used + S_HDR - 1) / S_HDR * S_HDR;
    size_t reserve = a->used ? 0 : a->reserve;
    if (at > a->cap || a->cap - at < S_HDR || n > a->cap - at - S_HDR ||
        reserve > a->cap - at - S_HDR - n)
        return NULL;   /* beyond what the caller sized the region for */
    memcpy(a->base + at, &n, sizeof n);
    a->last = a->base + at + S_HDR;
    a->used = at + S_HDR + n;
    return a->last;
}

static void *S_realloc(void *ctx, void *p, size_t n)
{
    rs_yarena *a = ctx;
    if (!p)
        return S_malloc(ctx, n);
    size_t old;
    memcpy(&old, (unsigned char *)p - S_HDR, sizeof old);
    if (p == a->last && n <= a->cap - (size_t)(a->last - a->base)) {
        memcpy((unsigned char *)p - S_HDR, &n, sizeof n);
        a->used = (size_t)(a->last - a->base) + n;
        return p;
    }
    void *q = S_malloc(ctx, n);
    if (q)
        memcpy(q, p, old < n ? old : n);
    return q;
}

static void S_free(void *ctx, void *p)
{
    (void)ctx;
    (void)p;
}

yajl_alloc_funcs rs__yarena(rs_yarena *a, void *base, size_t cap, size_t reserve)
{
    *a = (rs_yarena){.base = base, .cap = cap, .reserve = reserve};
    return (yajl_alloc_funcs){S_malloc, S_realloc, S_free, a};
}
