/* blocktext.h — the block-text writer the document readers share (html.c,
 * office_text.c, pdf.c): they say where blocks start and end and hand it
 * inline text; it writes the lines into an rs_buf.
 *
 * The one rule for line ends: they are owed, not written, until the next
 * text. A block asks for at least n before that text (rs__bt_lines: the
 * largest request wins); a hard break adds one (rs__bt_break), up to a cap
 * of 2 in a row (one blank line) or 3 with RS_BT_TWO_BLANKS. None lead:
 * what is owed before the first text is dropped. None trail: a line's end
 * trims its blanks, and the text ends without a line end unless
 * RS_BT_FINAL_NEWLINE. Blanks are written only inside a line: never at a
 * line's start. */
#ifndef RS_BLOCKTEXT_H
#define RS_BLOCKTEXT_H

#include "internal.h"

/* The readers' differences, as options of rs__bt_init. */
enum {
    /* A run of blanks is one ' ' (HTML, ODT); without it each blank stays,
     * a tab as a tab, any other as ' ' (DOCX). */
    RS_BT_COLLAPSE = 1u << 0,
    /* Blanks are HTML's: ASCII white space and U+00A0, and every other byte
     * is text. Without it blanks are ' ', '\t', '\n' and '\r', and other C0
     * controls are dropped. */
    RS_BT_HTML_BLANKS = 1u << 1,
    /* Up to 3 line ends in a row (two blank lines) instead of 2. */
    RS_BT_TWO_BLANKS = 1u << 2,
    /* Owed line ends become one blank and list items show no "- " (a
     * title). */
    RS_BT_ONE_LINE = 1u << 3,
    /* rs__bt_end ends the text with "\n" when any was written. */
    RS_BT_FINAL_NEWLINE = 1u << 4,
    /* Text is written as it comes, blanks and line ends included, and each
     * rs__bt_break is one "\n" written at once: the reader has laid the
     * lines out (PDF). Blocks, items and trimming do not apply. */
    RS_BT_VERBATIM = 1u << 5,
};

typedef struct rs_bt {
    rs_buf *b;         /* the text is appended here */
    size_t start;      /* b->len when the writer began */
    size_t max;        /* bytes the writer may add (0 = no limit) */
    size_t line;       /* where the current line begins in b */
    unsigned flags;    /* RS_BT_* */
    unsigned breaks;   /* line ends owed before the next text */
    bool has;          /* the current line holds text and is not ended */
    bool written;      /* some text was written */
    bool item;         /* a list item's "- " is owed; a reader may set or clear it */
    unsigned indent;   /* that item's level: two blanks before "- " each */
    rs_status st;      /* RS_ERR_TOO_LARGE or RS_ERR_NOMEM once a write failed */
} rs_bt;

/* A writer appending to b (which it does not own) at most `max` bytes
 * (0 = no limit; b->max applies too). */
void rs__bt_init(rs_bt *w, rs_buf *b, size_t max, unsigned flags);

/* A block starts or ends: the next text comes after at least n line ends
 * (1: on a line of its own, 2: after a blank line). */
void rs__bt_lines(rs_bt *w, unsigned n);

/* A hard line end (<br>, an office paragraph's end): one more line end,
 * up to the cap, so on an empty line it makes a blank line. */
void rs__bt_break(rs_bt *w);

/* A list item starts: a line of its own whose first text comes after
 * 2 * indent blanks and "- ". */
void rs__bt_item(rs_bt *w, unsigned indent);

/* A list item ends: one that held no text shows no "- ". */
void rs__bt_item_end(rs_bt *w);

/* Inline text, its blanks as the options say; with `keep_lines` each '\n'
 * in it is a hard line end (<pre>). */
void rs__bt_text(rs_bt *w, const char *s, size_t n, bool keep_lines);

/* n blanks c (' ' or '\t') kept as they are (ODT's text:s, a tab), inside
 * a line only. */
void rs__bt_blanks(rs_bt *w, char c, size_t n);

/* A page's end: the line ended, "\n\f\n" written at once, whatever was
 * owed dropped. */
void rs__bt_page(rs_bt *w);

/* Ends the text (its last line trimmed, "\n" with RS_BT_FINAL_NEWLINE);
 * the status of every write: RS_OK, RS_ERR_TOO_LARGE or RS_ERR_NOMEM. */
rs_status rs__bt_end(rs_bt *w);

/* Length of the HTML blank at s (ASCII white space or U+00A0), or 0. */
size_t rs__bt_html_blank(const char *s, size_t n);

#endif
