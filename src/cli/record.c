/* record.c — one JSON Lines posting record: {"id": ..., "title": ...,
 * "text": ..., "html": ...}. Read with yajl's event parser, which copies
 * only the four fields wanted and builds no tree: on posting-sized records
 * it parses at about 300 MB/s where a tree-building parser (jansson) ran at
 * 60 MB/s and was a quarter of `classify`'s time. yajl keeps no global
 * state, so worker threads parse side by side. */
#include "cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

typedef struct S_parse {
    cli_record *rec;
    int depth;              /* 1 inside the record object */
    int field;              /* the field the next value is for, or -1 */
    bool root_is_object;
    unsigned seen;          /* the wanted keys met so far: a bit each */
    const char *error;      /* why a callback stopped the parse */
} S_parse;

static const char *const S_fields[] = {"title", "text", "html"};

static int S_value_seen(S_parse *p)
{
    p->field = -1;
    return 1;
}

static int S_null(void *ctx) { return S_value_seen(ctx); }
static int S_boolean(void *ctx, int v)
{
    (void)v;
    return S_value_seen(ctx);
}

static char *S_copy(const unsigned char *s, size_t len)
{
    char *c = malloc(len + 1);
    if (c) {
        memcpy(c, s, len);
        c[len] = '\0';
    }
    return c;
}

/* An integer id is kept as its text ("id": 42 -> "42"). */
static int S_number(void *ctx, const char *s, size_t len)
{
    S_parse *p = ctx;
    if (p->depth == 1 && p->field == 'i' && !memchr(s, '.', len) && !memchr(s, 'e', len) &&
        !memchr(s, 'E', len)) {
        free(p->rec->id);
        if (!(p->rec->id = S_copy((const unsigned char *)s, len))) {
            p->error = "out of memory";
            return 0;
        }
    }
    return S_value_seen(p);
}

static int S_string(void *ctx, const unsigned char *s, size_t len)
{
    S_parse *p = ctx;
    if (memchr(s, '\0', len)) {
        p->error = "a string holds the character U+0000";
        return 0;
    }
    if (p->depth == 1 && p->field >= 0) {
        char **slot = p->field == 'i' ? &p->rec->id : &p->rec->field[p->field];
        free(*slot);
        if (!(*slot = S_copy(s, len))) {
            p->error = "out of memory";
            return 0;
        }
        if (p->field != 'i')
            p->rec->len[p->field] = len;
    }
    return S_value_seen(p);
}

static int S_start_map(void *ctx)
{
    S_parse *p = ctx;
    if (p->depth == 0)
        p->root_is_object = true;
    p->depth++;
    p->field = -1;
    return 1;
}

static int S_end_map(void *ctx)
{
    S_parse *p = ctx;
    p->depth--;
    return 1;
}

static int S_start_array(void *ctx)
{
    S_parse *p = ctx;
    if (p->depth == 0) {
        p->error = "a record must be a JSON object";
        return 0;
    }
    p->depth++;
    p->field = -1;
    return 1;
}

static int S_end_array(void *ctx) { return S_end_map(ctx); }

/* Keys of the record itself: the four wanted, each at most once. */
static int S_map_key(void *ctx, const unsigned char *key, size_t len)
{
    S_parse *p = ctx;
    p->field = -1;
    if (p->depth != 1)
        return 1;
    int field = len == 2 && memcmp(key, "id", 2) == 0 ? 'i' : -1;
    for (int k = 0; k < 3 && field < 0; k++)
        if (len == strlen(S_fields[k]) && memcmp(key, S_fields[k], len) == 0)
            field = k;
    if (field < 0)
        return 1;
    unsigned bit = field == 'i' ? 8u : 1u << field;
    if (p->seen & bit) {
        p->error = "a key appears twice in the record";
        return 0;
    }
    p->seen |= bit;
    p->field = field;
    return 1;
}

static const yajl_callbacks S_callbacks = {
    S_null, S_boolean, NULL, NULL, S_number, S_string,
    S_start_map, S_map_key, S_end_map, S_start_array, S_end_array,
};

/* yajl's own words for a syntax error, on one line, and where it is. */
static void S_syntax_error(yajl_handle h, const char *line, size_t len, size_t at,
                           char *msg, size_t msg_size)
{
    unsigned char *e = yajl_get_error(h, 0, (const unsigned char *)line, len);
    const char *text = e ? (const char *)e : "syntax error";
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' ' || text[n - 1] == '.'))
        n--;
    snprintf(msg, msg_size, "invalid JSON at byte %zu: %.*s", at, (int)n, text);
    if (e)
        yajl_free_error(h, e);
}

rs_status cli_record_parse(const char *line, size_t len, cli_record *rec, char *msg,
                           size_t msg_size)
{
    memset(rec, 0, sizeof *rec);
    size_t blank = 0;
    while (blank < len && (line[blank] == ' ' || line[blank] == '\t' || line[blank] == '\r'))
        blank++;
    if (blank == len) {   /* silence would lose a line of a stream */
        snprintf(msg, msg_size, "blank line: not a JSON record");
        return RS_ERR_ENCODING;
    }
    S_parse p = {.rec = rec, .field = -1};
    yajl_handle h = yajl_alloc(&S_callbacks, NULL, &p);
    if (!h) {
        snprintf(msg, msg_size, "out of memory");
        return RS_ERR_NOMEM;
    }
    yajl_status ys = yajl_parse(h, (const unsigned char *)line, len);
    size_t at = yajl_get_bytes_consumed(h) + 1;   /* 1-based, as columns are */
    if (ys == yajl_status_ok) {
        ys = yajl_complete_parse(h);
        at = len + 1;   /* the record ended too soon */
    }
    rs_status st = RS_OK;
    if (ys == yajl_status_client_canceled) {
        snprintf(msg, msg_size, "%s", p.error);
        st = strcmp(p.error, "out of memory") == 0 ? RS_ERR_NOMEM : RS_ERR_ENCODING;
    } else if (ys != yajl_status_ok) {
        S_syntax_error(h, line, len, at, msg, msg_size);
        st = RS_ERR_ENCODING;
    } else if (!p.root_is_object) {
        snprintf(msg, msg_size, "a record must be a JSON object");
        st = RS_ERR_ENCODING;
    }
    yajl_free(h);
    if (st)
        cli_record_clear(rec);
    return st;
}

void cli_content_id(const char *line, size_t len, char *out, size_t size)
{
    uint64_t h = 0xcbf29ce484222325u;   /* FNV-1a, 64 bits */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)line[i]) * 0x100000001b3u;
    snprintf(out, size, "fnv1a64:%016llx", (unsigned long long)h);
}

void cli_record_clear(cli_record *rec)
{
    free(rec->id);
    for (int k = 0; k < 3; k++)
        free(rec->field[k]);
    memset(rec, 0, sizeof *rec);
}
