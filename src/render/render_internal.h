/* render_internal.h — what every renderer shares: the evidence window
 * shown around a match, escaping for terminals, CSV and HTML text,
 * and the salary band as a reader expects it. */
#ifndef RS_RENDER_INTERNAL_H
#define RS_RENDER_INTERNAL_H

#include "internal.h"

/* ---- evidence (render/evidence.c), shared by renderers ----------------- */
typedef struct rs_window {
    size_t start, end;       /* original bytes shown, the match inside */
    bool cut_left, cut_right;   /* the line goes on beyond them */
} rs_window;
/* The part of the evidence's line shown around the match: at most
 * `before` bytes ahead of it and `max` from its start, on character
 * boundaries, blanks trimmed. */
void rs__evidence_window(const rs_document *doc, const rs_evidence *ev, size_t before,
                         size_t max, rs_window *w);
/* Appends s[0..n), a quote, as a reader should see it (markup.c):
 * Markdown emphasis (in pairs), code marks and link targets dropped
 * ("**Python**", "[site](url)"), a table's pipes read as " · " and its
 * separator cells dropped, blanks collapsed and trimmed; with
 * RS__MARKUP_LINE_START, the line's block marks too ("## ", "- ", "> ");
 * with RS__MARKUP_CUT_*, a "**" whose partner was cut off.
 * mark (may be NULL): a byte range of s on entry, where it landed in b on
 * return. Looks ahead over the quote: for a line's window, not a file.
 * False when out of memory. */
#define RS__MARKUP_LINE_START 1u   /* s starts its line */
#define RS__MARKUP_CUT_LEFT 2u     /* s was cut from a longer line: text before it */
#define RS__MARKUP_CUT_RIGHT 4u    /* and text after it */
bool rs__strip_markup(rs_buf *b, const char *s, size_t n, unsigned flags, size_t mark[2]);
/* Where the resume shows a requirement ("experience", "missing", "related"…)
 * and whether it is a must or preferred: one word each, every format. */
const char *rs__requirement_evidence_name(const rs_requirement *q);
const char *rs__requirement_kind_name(rs_req_kind k);
/* The file's own name in a path ("a/b/cv.txt" -> "cv.txt"): what a page to
 * share shows of a path. */
const char *rs__base_name(const char *path);
/* A role skill's weight as every format names it: core, important, nice. */
const char *rs__weight_name(rs_weight w);

/* ---- escaping (render/escape.c), shared by every renderer -------------- */
/* Appends s[0..n) with control characters made visible (U+FFFD for C0/C1
 * controls and DEL; tab and line ends as a space) so input cannot drive a terminal. */
bool rs__escape_terminal(rs_buf *b, const char *s, size_t n);
/* Appends s as one RFC 4180 field: quoted (quotes doubled) when it holds a
 * comma, quote, CR or LF, or starts with a character a spreadsheet would
 * run as a formula (= + - @), which is then prefixed with an apostrophe. */
bool rs__escape_csv(rs_buf *b, const char *s);
/* Appends s[0..n) with C0 controls other than tab and line ends, DEL and
 * C1 controls replaced by U+FFFD: text fit for an HTML or XML text node. */
bool rs__clean_text(rs_buf *b, const char *s, size_t n);
/* Writes a role's salary band as a reader expects it: currency, the
 * figures with thousands separators and where they hold ("USD
 * 100,000–180,000 a year, US figures"); "" when the role has none.
 * Truncates to cap (always terminated). */
void rs__salary_band(char *out, size_t cap, const rs_role_info *info);

/* The ANSI styles of a text report: empty strings without RS_RENDER_COLOR. */
typedef struct rs__style {
    const char *bold, *dim, *good, *bad, *reset;
} rs__style;

static inline rs__style rs__style_for(unsigned flags)
{
    if (flags & RS_RENDER_COLOR)
        return (rs__style){"\033[1m", "\033[2m", "\033[32m", "\033[33m", "\033[0m"};
    return (rs__style){"", "", "", "", ""};
}

#endif
