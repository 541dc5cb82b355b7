/* json_util.h — the one JSON writer every renderer uses: a yajl generator
 * writing straight into an rs_buf (json.c). A write that cannot be done (a
 * string that is not UTF-8, a real that is not finite, a full buffer) marks
 * the writer failed; the writer checks once at the end, as rs_buf does. */
#ifndef RS_JSON_UTIL_H
#define RS_JSON_UTIL_H

#include "internal.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <yajl/yajl_gen.h>

#include "util/yajl_arena.h"

/* Room for yajl's own blocks (its handle, about 600 bytes in 2.1, and a
 * buffer header it frees at once): a bump arena in the writer, so yajl,
 * which does not check every allocation, never sees NULL (json.c). */
#define RS_JG_ARENA 1024

enum {
    RS_JG_PRETTY = 1,      /* two-space indentation, as the JSON documents */
    RS_JG_LOWER_HEX = 4    /* \u001f, not \u001F (the JSON Lines records) */
};

typedef struct rs_jg {
    yajl_gen g;        /* NULL when it could not be opened */
    rs_buf *b;
    unsigned flags;
    bool failed;
    char pending;      /* '[' or '{' opened but not yet written, else 0 */
    rs_yarena arena;   /* yajl's blocks, drawn from region */
    alignas(max_align_t) unsigned char region[RS_JG_ARENA];
} rs_jg;

/* Opens a writer on b (which it does not own); j must stay where it is
 * until rs__jg_close. False (and j failed) when yajl cannot be set up. */
bool rs__jg_open(rs_jg *j, rs_buf *b, unsigned flags);
/* Releases the generator; false when any write failed (b is then marked
 * failed too). */
bool rs__jg_close(rs_jg *j);
/* Closes j and hands the text of b out as the document: RS_OK, or
 * RS_ERR_NOMEM (via rs__nomem(err, NULL)) when anything failed. */
rs_status rs__jg_finish(rs_jg *j, rs_buf *b, char **out, size_t *len, rs_error *err);

void rs__jg_map(rs_jg *j);
void rs__jg_map_end(rs_jg *j);
void rs__jg_array(rs_jg *j);
void rs__jg_array_end(rs_jg *j);
void rs__jg_key(rs_jg *j, const char *key);
/* s NULL fails the writer, as jansson's json_string(NULL) did. */
void rs__jg_str(rs_jg *j, const char *s);
/* s NULL writes null. */
void rs__jg_str_or_null(rs_jg *j, const char *s);
void rs__jg_strn(rs_jg *j, const char *s, size_t n);
void rs__jg_int(rs_jg *j, long long v);
/* As jansson wrote a real of precision 6: "%.6g", ".0" added when that
 * reads as an integer, the exponent without '+' or leading zeros (1e6,
 * 1e-5). A real that is not finite fails the writer (jansson refused it). */
void rs__jg_real(rs_jg *j, double v);
/* A number already formatted (written as it is). */
void rs__jg_number(rs_jg *j, const char *text);
void rs__jg_null(rs_jg *j);
void rs__jg_bool(rs_jg *j, bool v);
/* "2026-11" */
void rs__jg_date(rs_jg *j, rs_date d);

/* key and value in one call */
static inline void rs__jg_kstr(rs_jg *j, const char *k, const char *s)
{
    rs__jg_key(j, k);
    rs__jg_str(j, s);
}
static inline void rs__jg_kstrn(rs_jg *j, const char *k, const char *s, size_t n)
{
    rs__jg_key(j, k);
    rs__jg_strn(j, s, n);
}
static inline void rs__jg_kstr_or_null(rs_jg *j, const char *k, const char *s)
{
    rs__jg_key(j, k);
    rs__jg_str_or_null(j, s);
}
static inline void rs__jg_kint(rs_jg *j, const char *k, long long v)
{
    rs__jg_key(j, k);
    rs__jg_int(j, v);
}
static inline void rs__jg_kreal(rs_jg *j, const char *k, double v)
{
    rs__jg_key(j, k);
    rs__jg_real(j, v);
}
static inline void rs__jg_knull(rs_jg *j, const char *k)
{
    rs__jg_key(j, k);
    rs__jg_null(j);
}
static inline void rs__jg_kbool(rs_jg *j, const char *k, bool v)
{
    rs__jg_key(j, k);
    rs__jg_bool(j, v);
}
static inline void rs__jg_kdate(rs_jg *j, const char *k, rs_date d)
{
    rs__jg_key(j, k);
    rs__jg_date(j, d);
}
/* "key": [] */
static inline void rs__jg_kempty(rs_jg *j, const char *k)
{
    rs__jg_key(j, k);
    rs__jg_array(j);
    rs__jg_array_end(j);
}

/* Shared pieces of the JSON documents (json.c): each writes one value. */
void rs__json_lexicon(rs_jg *j, const rs_lexicon *lex);
/* Opens a pretty writer on b and the document's object, and writes what
 * every document starts with: its schema, the versions of rolescan, the
 * lexicon and (with roles) the roles, and the date it holds as of. */
void rs__json_document(rs_jg *j, rs_buf *b, const char *schema, const rs_lexicon *lex,
                       const rs_roles *roles, rs_date as_of);
/* The evidence's fields, written into the object the caller opened (and
 * closes: scan_json adds the claim). */
void rs__json_evidence_fields(rs_jg *j, const rs_document *doc, const rs_evidence *ev);
/* "warnings": the document's decoding warning and the scan's (hidden text,
 * text not read past the budget, patterns stopped), in that order. */
void rs__json_warnings(rs_jg *j, const rs_document *doc, const rs_scan *scan);
void rs__json_error(rs_jg *j, const rs_error *e);

/* JSON Lines: write_one(j, ctx, i) writes record i as one JSON value, for
 * i < count, each on its own line; the text is handed out as
 * rs__jg_finish does. */
typedef void (*rs_jg_record_fn)(rs_jg *j, const void *ctx, size_t i);
rs_status rs__jg_lines(size_t count, rs_jg_record_fn write_one, const void *ctx, char **out,
                       size_t *len, rs_error *err);

#endif
