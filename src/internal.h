/* internal.h — the utilities every source file of librolescan shares
 * (allocation, errors, buffers, hashes); not installed. What a stage hands
 * on is in its own header: text/text_internal.h (documents, read
 * through accessors; their layout, text/document_internal.h, is private
 * to src/text/ and src/input/),
 * lexicon/lexicon_internal.h (the term table, categories),
 * lexicon/roles_internal.h, analyze/analyze_internal.h,
 * render/render_internal.h. */
#ifndef RS_INTERNAL_H
#define RS_INTERNAL_H

#include "rolescan.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RS_NOT_FOUND ((size_t)-1)

/* ---- allocation (alloc.c): every allocation goes through these --------- */
void *rs__malloc(size_t size);
void *rs__calloc(size_t count, size_t size);
void *rs__realloc(void *ptr, size_t size);
/* Grows *ptr to hold at least `need` items of `size` bytes, doubling. */
bool rs__grow(void **ptr, size_t *cap, size_t need, size_t size);
/* rs__grow whose new room is zeroed, padding included: for what the
 * lexicon cache copies byte for byte (lexicon/cache.c). */
bool rs__grow_zeroed(void **ptr, size_t *cap, size_t need, size_t size);
void rs__free(void *ptr);
char *rs__strdup(const char *s);
char *rs__strndup(const char *s, size_t n);

/* ---- errors (error.c) -------------------------------------------------- */
/* Fills err (if not NULL) and returns status. */
rs_status rs__fail(rs_error *err, rs_status status, const char *file,
                   unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
rs_status rs__nomem(rs_error *err, const char *file);
/* A failed system call: RS_ERR_IO (RS_ERR_NOMEM for ENOMEM), the message
 * "what: strerror", err->os_error kept for rs_error_code. */
rs_status rs__fail_os(rs_error *err, int os_error, const char *file, const char *what);

/* ---- growable byte buffer with a cap (buf.c) --------------------------- */
typedef struct rs_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max;   /* 0 = no cap */
    bool failed;  /* an append failed: memory or cap */
} rs_buf;

void rs__buf_init(rs_buf *b, size_t max);
bool rs__buf_append(rs_buf *b, const char *s, size_t n);
bool rs__buf_puts(rs_buf *b, const char *s);
bool rs__buf_putc(rs_buf *b, char c);
bool rs__buf_printf(rs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the NUL-terminated data to the caller; the buffer is reset. */
char *rs__buf_detach(rs_buf *b, size_t *len);
void rs__buf_free(rs_buf *b);

/* ---- sorting (sort.c) -------------------------------------------------- */
/* qsort's contract and result, equal elements kept in order (as glibc's
 * merge sort does); one pass when already in order. */
void rs__sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */
/* Length of the valid UTF-8 sequence at p[0..n) (1..4; n > 0), or 0. */
size_t rs__utf8_seq(const unsigned char *p, size_t n);
/* True when s[0..n) is UTF-8 as JSON allows it: shortest forms, no
 * surrogates, nothing past U+10FFFF; NUL only when allow_nul. */
bool rs__utf8_strict(const char *s, size_t n, bool allow_nul);
/* At s[i] (i < n, s[i] >= 0x80): the length of a valid sequence, or 0
 * with the byte written as text "\xNN" into out. Names of files may be
 * any bytes; every output shows an invalid one so. */
size_t rs__utf8_bad_byte(const char *s, size_t n, size_t i, char out[5]);
/* Appends s[0..n) with each invalid byte as "\xNN"; false when b failed. */
bool rs__utf8_escape(rs_buf *b, const char *s, size_t n);

/* ---- hashing (hash.c) -------------------------------------------------- */
/* Tokens are short; a word-at-a-time multiply-mix is fast and spreads
 * well enough for an open-addressing table that verifies its keys. Inline:
 * it runs once per token. */
static inline uint64_t rs__hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x243f6a8885a308d3ull ^ (len * 0x9e3779b97f4a7c15ull);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < len; i++)   /* the tail, without a memcpy call */
        w |= (uint64_t)p[i] << (8 * i);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}
/* A hash of a long run of bytes (file contents) chained from h; not the
 * FNV-1a of the lexicon's published content hash. */
uint64_t rs__hash_chain(uint64_t h, const void *data, size_t len);
/* Combines a running sequence hash with the next token's hash and glue. */
static inline uint64_t rs__hash_step(uint64_t seq, uint64_t tok, bool glued)
{
    uint64_t h = (seq ^ (glued ? 0x9e3779b97f4a7c15ull : 0x85ebca6bc2b2ae35ull))
                 * 0xff51afd7ed558ccdull;
    h ^= tok + (h >> 29);
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 32);
}
uint64_t rs__fnv1a64(uint64_t h, const void *data, size_t len);
#define RS_FNV_OFFSET 0xcbf29ce484222325ull

#endif
