/* text_internal.h — what the text stage hands on: the decoded text and
 * the document (normalized text, offset map, lines, pages, tokens), with
 * the functions over them that later stages use: the stages' hand-off.
 * The struct layout is not here but in text/document_internal.h, which
 * only src/text/ and src/input/ include. */
#ifndef RS_TEXT_INTERNAL_H
#define RS_TEXT_INTERNAL_H

#include "internal.h"

/* A document's parts for the stages after it, read-only; the layout
 * itself is private (text/document_internal.h). The normalized text is
 * rs_document_normalized, the original rs_text_data(rs_document_text(d))
 * with rs_text_length and rs_text_name. Hot loops fetch an array once
 * and index it; they do not call an accessor per byte. */

/* The offset map: normalized byte -> original byte, norm_len + 1 items;
 * NULL when it is the identity (text normalization left as long as it
 * was, byte for byte in place: most ASCII text). Read it with rs__orig. */
const uint32_t *rs__document_map(const rs_document *d);
static inline size_t rs__orig(const uint32_t *map, size_t norm_offset)
{
    return map ? map[norm_offset] : norm_offset;
}
/* The original offsets where lines begin, *count of them (at least 1). */
const size_t *rs__document_line_starts(const rs_document *d, size_t *count);
/* The tokens rs_document_tokens made, or NULL (*count 0) before it ran. */
const rs_token *rs__document_tokenized(const rs_document *d, size_t *count);

/* Reads a whole file ("-" = stdin) into b, at most max_len bytes (0: no
 * limit) (decode.c). */
rs_status rs__read_bytes(const char *path, size_t max_len, rs_buf *b, rs_error *err);

/* The page of a 1-based line and the line counted from that page's top;
 * both 0 when the text has no pages (normalize.c). */
void rs__page_of(const rs_document *d, unsigned line, unsigned *page, unsigned *page_line);

/* A whole UTF-8 string normalized by utf8proc in one call, without the
 * ASCII fast path: the reference the fast path is tested against (tests,
 * fuzzing, benchmarks). The caller frees it with rs__free; NULL when
 * utf8proc refuses the input or memory runs out. */
char *rs__normalize_reference(const char *utf8, size_t len, size_t *out_len);

/* The 1-based line of an original offset: a binary search over the line
 * starts, without the column walk of rs_document_position, so asking
 * for many offsets on one long line stays cheap. The one line lookup. */
unsigned rs__line_of(const rs_document *d, size_t orig_offset);

/* Tokenizes `s` (normalized text) into a new array (tokenize.c). */
rs_status rs__tokenize(const char *s, size_t len, rs_token **out,
                       size_t *count, rs_error *err);
/* The same, making at most max tokens: *cut_at is the normalized offset
 * where the budget ran out, or SIZE_MAX when the whole text was read. */
rs_status rs__tokenize_upto(const char *s, size_t len, size_t max, rs_token **out,
                            size_t *count, size_t *cut_at, rs_error *err);
/* Where a document's tokens stop short of its end (a text denser than
 * the budget of rs_document_tokens), or RS_NOT_FOUND. */
size_t rs__document_tokens_cut(const rs_document *d);
/* Hash of a token's bytes, the one the matcher keys on. */
uint64_t rs__token_hash(const char *s, size_t len);

/* Normalizes a short UTF-8 string (a lexicon term) with the document
 * rules; returns a new string or NULL on allocation failure. */
char *rs__normalize_term(const char *term, size_t *out_len);

#endif
