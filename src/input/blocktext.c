/* blocktext.c — the block-text writer of html.c, office_text.c and pdf.c.
 * The rule it keeps is in blocktext.h. */
#include "blocktext.h"

#include <string.h>

void rs__bt_init(rs_bt *w, rs_buf *b, size_t max, unsigned flags)
{
    *w = (rs_bt){.b = b, .start = b->len, .max = max, .line = b->len, .flags = flags};
}

static bool S_on(const rs_bt *w, unsigned flag) { return (w->flags & flag) != 0; }

/* Appends s unless a write failed before: past the writer's or the
 * buffer's limit is RS_ERR_TOO_LARGE, no memory RS_ERR_NOMEM. */
static void S_put(rs_bt *w, const char *s, size_t n)
{
    rs_buf *b = w->b;
    if (w->st)
        return;
    size_t used = b->len - w->start;
    if ((w->max && (n > w->max || used > w->max - n)) ||
        (b->max && (n > b->max || b->len > b->max - n)))
        w->st = RS_ERR_TOO_LARGE;
    else if (!rs__buf_append(b, s, n))
        w->st = RS_ERR_NOMEM;
}

/* Ends a line that holds text, trimming the blanks at its end. */
static void S_end_line(rs_bt *w)
{
    rs_buf *b = w->b;
    if (!w->has)
        return;
    while (b->len > w->line && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
    w->has = false;
}

/* Before a line's first text: the owed line ends (one blank instead with
 * RS_BT_ONE_LINE; none before the first text), then an owed "- ". */
static void S_flush(rs_bt *w)
{
    bool one_line = S_on(w, RS_BT_ONE_LINE);
    if (w->has)
        return;
    if (w->written && w->breaks)
        S_put(w, one_line ? " " : "\n\n\n", one_line ? 1 : w->breaks);
    w->breaks = 0;
    w->line = w->b->len;
    w->has = w->written = true;
    if (w->item && !one_line) {
        S_put(w, "        ", 2 * w->indent);
        S_put(w, "- ", 2);
    }
    w->item = false;
}

static unsigned S_cap(const rs_bt *w) { return S_on(w, RS_BT_TWO_BLANKS) ? 3 : 2; }

void rs__bt_lines(rs_bt *w, unsigned n)
{
    S_end_line(w);
    n = n < S_cap(w) ? n : S_cap(w);
    if (w->breaks < n)
        w->breaks = n;
}

void rs__bt_break(rs_bt *w)
{
    if (S_on(w, RS_BT_VERBATIM)) {
        S_put(w, "\n", 1);
        return;
    }
    S_end_line(w);
    if (w->breaks < S_cap(w))
        w->breaks++;
}

void rs__bt_item(rs_bt *w, unsigned indent)
{
    rs__bt_lines(w, 1);
    w->item = true;
    w->indent = indent < 4 ? indent : 4;
}

void rs__bt_item_end(rs_bt *w)
{
    w->item = false;
    rs__bt_lines(w, 1);
}

size_t rs__bt_html_blank(const char *s, size_t n)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        return 1;
    return n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Length of the blank at s, or 0. */
static size_t S_blank_len(const rs_bt *w, const char *s, size_t n)
{
    if (S_on(w, RS_BT_HTML_BLANKS))
        return rs__bt_html_blank(s, n);
    return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
}

/* Whether the byte at s is text: not a blank nor (without
 * RS_BT_HTML_BLANKS) a control. */
static bool S_is_text(const rs_bt *w, const char *s, size_t n)
{
    if (S_on(w, RS_BT_HTML_BLANKS))
        return rs__bt_html_blank(s, n) == 0;
    return (unsigned char)*s > ' ';
}

/* One blank of inline text starting with byte c. */
static void S_blank(rs_bt *w, char c, bool keep_lines)
{
    rs_buf *b = w->b;
    if (keep_lines && c == '\n')
        rs__bt_break(w);
    else if (!w->has || w->st)
        return;
    else if (!S_on(w, RS_BT_COLLAPSE))
        S_put(w, c == '\t' ? "\t" : " ", 1);
    else if (b->len > w->line && b->data[b->len - 1] != ' ')
        S_put(w, " ", 1);
}

void rs__bt_text(rs_bt *w, const char *s, size_t n, bool keep_lines)
{
    if (S_on(w, RS_BT_VERBATIM)) {
        S_put(w, s, n);
        return;
    }
    for (size_t i = 0; i < n && !w->st;) {
        size_t k = S_blank_len(w, s + i, n - i);
        if (k || !S_is_text(w, s + i, n - i)) {   /* a blank, or a control dropped */
            if (k)
                S_blank(w, s[i], keep_lines);
            i += k ? k : 1;
            continue;
        }
        size_t j = i + 1;
        while (j < n && S_is_text(w, s + j, n - j))
            j++;
        S_flush(w);
        S_put(w, s + i, j - i);
        i = j;
    }
}

void rs__bt_blanks(rs_bt *w, char c, size_t n)
{
    char run[32];
    memset(run, c, sizeof run);
    while (w->has && n && !w->st) {
        size_t k = n < sizeof run ? n : sizeof run;
        S_put(w, run, k);
        n -= k;
    }
}

void rs__bt_page(rs_bt *w)
{
    S_end_line(w);
    w->breaks = 0;
    w->item = false;
    S_put(w, "\n\f\n", 3);
    w->written = true;
}

rs_status rs__bt_end(rs_bt *w)
{
    S_end_line(w);
    w->breaks = 0;
    if (w->written && S_on(w, RS_BT_FINAL_NEWLINE))
        S_put(w, "\n", 1);
    return w->st;
}
