/* json_tree.c — JSON into a small tree; see json_tree.h.
 *
 * The JSON jansson (which read these before) refused is still skipped as
 * invalid: nesting deeper than its 2048, integers or reals out of range,
 * strings that are not UTF-8 (overlong forms and surrogates included),
 * \u0000, and a lone surrogate escape (which yajl would turn into "?"). */
#include "json_tree.h"
#include "util/yajl_arena.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#define RS_JSON_MAX_DEPTH 2048

/* The tree's blocks, freed together. */
typedef struct S_chunk {
    struct S_chunk *next;
    size_t used, cap;
    max_align_t data[];
} S_chunk;

static void *S_jalloc(rs_jtree *t, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    S_chunk *c = t->chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 8192 ? n : 8192;
        c = rs__malloc(sizeof *c + cap);
        if (!c) {
            t->nomem = true;
            return NULL;
        }
        c->used = 0;
        c->cap = cap;
        c->next = t->chunks;
        t->chunks = c;
    }
    void *p = (unsigned char *)c->data + c->used;
    c->used += n;
    return p;
}

void rs__jtree_free(rs_jtree *t)
{
    for (S_chunk *c = t->chunks, *next; c; c = next) {
        next = c->next;
        rs__free(c);
    }
    t->chunks = NULL;
}

static const char *S_jcopy(rs_jtree *t, const unsigned char *s, size_t n)
{
    char *c = S_jalloc(t, n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

static rs_jv *S_jadd(rs_jtree *t, rs_jkind kind)
{
    rs_jv *v = S_jalloc(t, sizeof *v);
    if (!v)
        return NULL;
    memset(v, 0, sizeof *v);
    v->kind = kind;
    v->key = t->key;
    t->key = NULL;
    v->parent = t->open;
    if (!t->open)
        t->root = v;
    else if (t->open->last)
        t->open->last = t->open->last->next = v;
    else
        t->open->first = t->open->last = v;
    return v;
}

/* The callbacks: 0 stops the parse (out of memory, or JSON jansson
 * refused). */
static int S_jnull(void *ctx) { return S_jadd(ctx, RS_J_OTHER) != NULL; }

static int S_jbool(void *ctx, int b)
{
    (void)b;
    return S_jadd(ctx, RS_J_OTHER) != NULL;
}

static int S_jnumber(void *ctx, const char *s, size_t n)
{
    rs_jtree *t = ctx;
    char small[64];
    char *num = n < sizeof small ? small : (char *)S_jcopy(t, (const unsigned char *)s, n);
    if (!num)
        return 0;
    if (num == small) {
        memcpy(small, s, n);
        small[n] = '\0';
    }
    double v;
    errno = 0;
    if (strpbrk(num, ".eE")) {
        v = strtod(num, NULL);
        if ((v == HUGE_VAL || v == -HUGE_VAL) && errno == ERANGE)
            return 0;
    } else {
        long long i = strtoll(num, NULL, 10);
        if (errno == ERANGE)
            return 0;
        v = (double)i;
    }
    rs_jv *jv = S_jadd(t, RS_J_NUMBER);
    if (jv)
        jv->num = v;
    return jv != NULL;
}

static int S_jstring(void *ctx, const unsigned char *s, size_t n)
{
    rs_jtree *t = ctx;
    if (!rs__utf8_strict((const char *)s, n, false))
        return 0;
    const char *c = S_jcopy(t, s, n);
    rs_jv *v = c ? S_jadd(t, RS_J_STRING) : NULL;
    if (v)
        v->str = c;
    return v != NULL;
}

static int S_jkey(void *ctx, const unsigned char *s, size_t n)
{
    rs_jtree *t = ctx;
    if (!rs__utf8_strict((const char *)s, n, false))
        return 0;
    t->key = S_jcopy(t, s, n);
    return t->key != NULL;
}

static int S_jopen(rs_jtree *t, rs_jkind kind)
{
    if (++t->depth > RS_JSON_MAX_DEPTH)
        return 0;
    rs_jv *v = S_jadd(t, kind);
    if (v)
        t->open = v;
    return v != NULL;
}

static int S_jstart_map(void *ctx) { return S_jopen(ctx, RS_J_OBJECT); }
static int S_jstart_array(void *ctx) { return S_jopen(ctx, RS_J_ARRAY); }

static int S_jend(void *ctx)
{
    rs_jtree *t = ctx;
    t->depth--;
    t->open = t->open->parent;
    return 1;
}

static const yajl_callbacks S_jcallbacks = {
    .yajl_null = S_jnull,
    .yajl_boolean = S_jbool,
    .yajl_number = S_jnumber,
    .yajl_string = S_jstring,
    .yajl_start_map = S_jstart_map,
    .yajl_map_key = S_jkey,
    .yajl_end_map = S_jend,
    .yajl_start_array = S_jstart_array,
    .yajl_end_array = S_jend,
};

/* \u0000 or a lone surrogate escape anywhere in the text (a backslash
 * outside a string is invalid JSON anyway). */
static bool S_jescapes_ok(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        unsigned cp = 0, lo = 0;
        if (s[i + 1] != 'u' || n - i < 6 || sscanf(s + i + 2, "%4x", &cp) != 1) {
            i++;   /* \" \\ \n ...: the escaped character is skipped */
            continue;
        }
        if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (n - i < 12 || s[i + 6] != '\\' || s[i + 7] != 'u' ||
                sscanf(s + i + 8, "%4x", &lo) != 1 || lo < 0xDC00 || lo > 0xDFFF)
                return false;
            i += 6;
        }
        i += 5;
    }
    return true;
}

/* yajl's parser gets one region (util/yajl_arena.h) it cannot run out of:
 * its fixed blocks, two buffers each never past twice the text (doubling
 * from 2 KiB: every size it held summed, <= 4x the text plus 4 KiB each) and
 * a state stack of at most RS_JSON_MAX_DEPTH + 2 bytes grown 128 at a time
 * (<= 20 KiB summed). */
#define S_YA_FIXED (64 * 1024)

/* Parses text into t: RS_OK with t->root set, or not when the JSON is
 * invalid; RS_ERR_NOMEM. */
rs_status rs__jparse(const char *text, size_t n, rs_jtree *t)
{
    memset(t, 0, sizeof *t);
    if (!S_jescapes_ok(text, n))
        return RS_OK;
    if (n > (SIZE_MAX - S_YA_FIXED) / 10)
        return RS_ERR_NOMEM;
    size_t cap = S_YA_FIXED + 10 * n;
    void *region = rs__malloc(cap);
    if (!region)
        return RS_ERR_NOMEM;
    rs_yarena a;
    yajl_alloc_funcs af = rs__yarena(&a, region, cap, 0);
    yajl_handle h = yajl_alloc(&S_jcallbacks, &af, t);
    bool ok = h && yajl_parse(h, (const unsigned char *)text, n) == yajl_status_ok &&
              yajl_complete_parse(h) == yajl_status_ok;
    if (h)
        yajl_free(h);
    rs__free(region);
    if (!ok)
        t->root = NULL;
    if (t->nomem) {
        rs__jtree_free(t);
        return RS_ERR_NOMEM;
    }
    return RS_OK;
}

/* An object's member: the last of that name, as jansson kept it. */
const rs_jv *rs__jget(const rs_jv *obj, const char *key)
{
    const rs_jv *found = NULL;
    if (obj && obj->kind == RS_J_OBJECT)
        for (const rs_jv *m = obj->first; m; m = m->next)
            if (strcmp(m->key, key) == 0)
                found = m;
    return found;
}

const char *rs__jstr(const rs_jv *v)
{
    return v && v->kind == RS_J_STRING ? v->str : NULL;
}

bool rs__jis(const rs_jv *v, rs_jkind kind) { return v && v->kind == kind; }

