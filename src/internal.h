/* internal.h — shared by librolescan's source files; not installed. */
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
void rs__free(void *ptr);
char *rs__strdup(const char *s);
char *rs__strndup(const char *s, size_t n);

/* ---- errors (error.c) -------------------------------------------------- */
/* Fills err (if not NULL) and returns status. */
rs_status rs__fail(rs_error *err, rs_status status, const char *file,
                   unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
rs_status rs__nomem(rs_error *err, const char *file);

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

/* ---- text internals shared by stages ----------------------------------- */
struct rs_text {
    char *name;
    char *data;          /* UTF-8, NUL-terminated */
    size_t len;
    rs_encoding encoding;
    char *warning;
};

struct rs_document {
    rs_text *text;
    char *norm;          /* normalized text, NUL-terminated */
    size_t norm_len;
    uint32_t *map;       /* norm byte -> original byte; norm_len + 1 items */
    size_t *line_starts; /* original offsets where lines begin */
    size_t line_count;
    unsigned *page_lines; /* first line of each page (text with form feeds) */
    size_t page_count;    /* 0 when the text has no form feed */
    rs_token *tokens;
    size_t token_count;
    bool tokenized;
};

/* Reads a whole file ("-" = stdin) into b, at most max_len bytes (0: no
 * limit) (decode.c). */
rs_status rs__read_bytes(const char *path, size_t max_len, rs_buf *b, rs_error *err);

/* The page of a 1-based line and the line counted from that page's top;
 * both 0 when the text has no pages (normalize.c). */
void rs__page_of(const rs_document *d, unsigned line, unsigned *page, unsigned *page_line);

/* Tokenizes `s` (normalized text) into a new array (tokenize.c). */
/* A whole UTF-8 string normalized by utf8proc in one call, without the
 * ASCII fast path: the reference the fast path is tested against (tests,
 * fuzzing, benchmarks). The caller frees it with rs__free; NULL when
 * utf8proc refuses the input or memory runs out. */
char *rs__normalize_reference(const char *utf8, size_t len, size_t *out_len);

/* The 1-based line of an original offset: a binary search over the line
 * starts, without the column walk of rs_document_position, so asking
 * for many offsets on one long line stays cheap. The one line lookup. */
unsigned rs__line_of(const rs_document *d, size_t orig_offset);

rs_status rs__tokenize(const char *s, size_t len, rs_token **out,
                       size_t *count, rs_error *err);
/* Hash of a token's bytes, the one the matcher keys on. */
uint64_t rs__token_hash(const char *s, size_t len);

/* Normalizes a short UTF-8 string (a lexicon term) with the document
 * rules; returns a new string or NULL on allocation failure. */
char *rs__normalize_term(const char *term, size_t *out_len);

/* ---- skill categories (lexicon/load.c) --------------------------------- */
int rs__category_index(const char *name);
/* Technical categories give tech context; soft skills, leadership,
 * business and methodology do not. */
bool rs__category_technical(int index);

/* ---- evidence windows (render/render_text.c), shared by renderers ------ */
typedef struct rs_window {
    size_t start, end;       /* original bytes shown, the match inside */
    bool cut_left, cut_right;   /* the line goes on beyond them */
} rs_window;
/* The part of the evidence's line shown around the match: at most
 * `before` bytes ahead of it and `max` from its start, on character
 * boundaries, blanks trimmed. */
void rs__evidence_window(const rs_document *doc, const rs_evidence *ev, size_t before,
                         size_t max, rs_window *w);

/* ---- escaping (render/escape.c), shared by every renderer -------------- */
/* Appends s[0..n) with control characters made visible (U+FFFD for C0/C1
 * controls and DEL; tab and line ends as a space) so input cannot drive a terminal. */
bool rs__escape_terminal(rs_buf *b, const char *s, size_t n);
/* Appends s as one RFC 4180 field: quoted (quotes doubled) when it holds a
 * comma, quote, CR or LF, or starts with a character a spreadsheet would
 * run as a formula (= + - @), which is then prefixed with an apostrophe. */
bool rs__escape_csv(rs_buf *b, const char *s);
/* Appends s as a JSON string, quotes included: '"' and '\\' escaped, C0
 * controls as \n \r \t \b \f or \u00XX; other UTF-8 as it is (what
 * jansson writes, for one-line records built without a tree). */
bool rs__escape_json(rs_buf *b, const char *s);
/* Appends a JSON number as jansson writes a real of precision 6: "%.6g",
 * with ".0" added when that reads as an integer. */
bool rs__json_real(rs_buf *b, double v);
/* Appends s[0..n) with C0 controls other than tab and line ends, DEL and
 * C1 controls replaced by U+FFFD: text fit for an HTML or XML text node. */
bool rs__clean_text(rs_buf *b, const char *s, size_t n);
/* Writes a role's salary band as a reader expects it: currency, the
 * figures with thousands separators and where they hold ("USD
 * 100,000–180,000 a year, US figures"); "" when the role has none.
 * Truncates to cap (always terminated). */
void rs__salary_band(char *out, size_t cap, const rs_role_info *info);

#endif
