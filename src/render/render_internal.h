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
/* Appends s[0..n) as a reader should see it quoted: Markdown emphasis,
 * code marks and link targets dropped ("**Python**", "[site](url)"),
 * table pipes read as " · ", blanks collapsed; at a line's start, its
 * block marks too ("## ", "- ", "> "). snake_case keeps its
 * underscores. False when out of memory. */
#define RS__MARKUP_LINE_START 1u   /* s starts its line */
#define RS__MARKUP_TEXT_BEFORE 2u  /* s continues a quote: keep its leading blank */
#define RS__MARKUP_TEXT_AFTER 4u   /* more of the quote follows: keep a trailing one */
bool rs__strip_markup(rs_buf *b, const char *s, size_t n, unsigned flags);
/* Where the resume shows a requirement ("experience", "missing", "related"…)
 * and whether it is a must or preferred: one word each, every format. */
const char *rs__requirement_evidence_name(const rs_requirement *q);
const char *rs__requirement_kind_name(rs_req_kind k);
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
