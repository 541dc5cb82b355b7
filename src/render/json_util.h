/* json_util.h — building jansson trees where any failed step (allocation)
 * is noticed once at the end: every setter clears *ok on failure. */
#ifndef RS_JSON_UTIL_H
#define RS_JSON_UTIL_H

#include <jansson.h>
#include <stdbool.h>

/* jansson releases value when the set fails, obj NULL included. */
static inline void rs__json_set(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = false;
}

static inline void rs__json_push(json_t *arr, json_t *value, bool *ok)
{
    if (!value || json_array_append_new(arr, value) != 0)
        *ok = false;
}

static inline json_t *rs__json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

#include "internal.h"

#include <stdio.h>

/* "2026-11" */
static inline json_t *rs__json_date(rs_date d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    return json_string(buf);
}

/* Shared pieces of the JSON documents (json.c). */
json_t *rs__json_lexicon(const rs_lexicon *lex, bool *ok);
json_t *rs__json_evidence(const rs_document *doc, const rs_evidence *ev, bool *ok);
json_t *rs__json_error(const rs_error *e, bool *ok);
/* Serializes root (and releases it) into a new NUL-terminated string. */
rs_status rs__json_finish(json_t *root, bool ok, char **out, size_t *len, rs_error *err);

#endif
