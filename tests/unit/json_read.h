/* json_read.h — the few calls the unit tests make to read a JSON document
 * back (they were jansson's), on yajl's tree parser. A value belongs to
 * the tree its root heads: json_decref only a root. */
#ifndef RS_TEST_JSON_READ_H
#define RS_TEST_JSON_READ_H

#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <yajl/yajl_tree.h>

typedef struct yajl_val_s json_t;
typedef long long json_int_t;
typedef struct json_error_t {
    char text[256];
    int line;   /* yajl gives none: always 0 */
} json_error_t;
typedef enum json_type {
    JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_INTEGER, JSON_REAL, JSON_TRUE, JSON_FALSE,
    JSON_NULL
} json_type;

#define JSON_DECODE_ANY 0   /* yajl reads any value at the top */

static inline json_t *json_loads(const char *s, size_t flags, json_error_t *e)
{
    (void)flags;
    json_error_t ignored;
    if (!e)
        e = &ignored;
    e->line = 0;
    e->text[0] = '\0';
    return yajl_tree_parse(s, e->text, sizeof e->text);
}

static inline json_t *json_loadb(const char *b, size_t n, size_t flags, json_error_t *e)
{
    char *s = malloc(n + 1);
    if (!s)
        return NULL;
    memcpy(s, b, n);
    s[n] = '\0';
    json_t *v = json_loads(s, flags, e);
    free(s);
    return v;
}

static inline void json_decref(json_t *v) { yajl_tree_free(v); }

static inline json_type json_typeof(const json_t *v)
{
    switch (v->type) {
    case yajl_t_object: return JSON_OBJECT;
    case yajl_t_array: return JSON_ARRAY;
    case yajl_t_string: return JSON_STRING;
    case yajl_t_number:
        return (v->u.number.flags & YAJL_NUMBER_INT_VALID) ? JSON_INTEGER : JSON_REAL;
    case yajl_t_true: return JSON_TRUE;
    case yajl_t_false: return JSON_FALSE;
    default: return JSON_NULL;
    }
}

static inline bool json_is_type(const json_t *v, json_type t) { return v && json_typeof(v) == t; }
#define json_is_object(v) json_is_type((v), JSON_OBJECT)
#define json_is_array(v) json_is_type((v), JSON_ARRAY)
#define json_is_string(v) json_is_type((v), JSON_STRING)
#define json_is_integer(v) json_is_type((v), JSON_INTEGER)
#define json_is_real(v) json_is_type((v), JSON_REAL)
#define json_is_true(v) json_is_type((v), JSON_TRUE)
#define json_is_false(v) json_is_type((v), JSON_FALSE)
#define json_is_null(v) json_is_type((v), JSON_NULL)

/* The last member of that name (as jansson kept it). */
static inline json_t *json_object_get(const json_t *o, const char *key)
{
    json_t *found = NULL;
    if (json_is_object(o))
        for (size_t i = 0; i < o->u.object.len; i++)
            if (strcmp(o->u.object.keys[i], key) == 0)
                found = o->u.object.values[i];
    return found;
}

static inline size_t json_array_size(const json_t *a)
{
    return json_is_array(a) ? a->u.array.len : 0;
}

static inline json_t *json_array_get(const json_t *a, size_t i)
{
    return i < json_array_size(a) ? a->u.array.values[i] : NULL;
}

#define json_array_foreach(a, i, v) \
    for ((i) = 0; (i) < json_array_size(a) && ((v) = json_array_get((a), (i)), 1); (i)++)

static inline const char *json_string_value(const json_t *v)
{
    return json_is_string(v) ? v->u.string : NULL;
}

static inline json_int_t json_integer_value(const json_t *v)
{
    return json_is_integer(v) ? v->u.number.i : 0;
}

static inline double json_real_value(const json_t *v)
{
    return json_is_real(v) ? v->u.number.d : 0.0;
}

#endif
