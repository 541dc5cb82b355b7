/* markup.c — a quote as a reader should see it: the Markdown and table
 * marks a resume was written with are not part of what it says.
 *
 * Two passes over the quote. The first decides what each byte is: text,
 * a mark to drop (a line's block marks, code backticks, a link's brackets
 * and target, an emphasis run and the run that closes it, a table's
 * separator cell) or a table pipe. The second writes the text, pipes as
 * " · ", blanks collapsed and trimmed, and says where a marked range of
 * the quote (the matched words) ended up. Emphasis is dropped only in
 * pairs, so a star or underscore that closes nothing is text ("F*",
 * "Pro*C", "2 * 3", "snake_case", "window.__x"). The pairing looks ahead
 * over the rest of the quote: callers pass a line's window, not a file. */
#include "render/render_internal.h"

#include <stdlib.h>

enum { S_TEXT = 0, S_DROP, S_PIPE };

#define S_RUN_MAX 3   /* "***" at most opens or closes emphasis */

static bool S_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool S_wordish(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

/* Where a line's block marks end: "## ", "> ", "- ", "* ", "+ ", "1. "
 * and the blanks around them. */
static size_t S_block_marks(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && S_blank(s[i]))
            i++;
        size_t k = i;
        while (k < n && (s[k] == '#' || s[k] == '>'))
            k++;
        if (k == i && k < n && (s[k] == '-' || s[k] == '*' || s[k] == '+'))
            k++;
        if (k == i) {   /* "1. ", "12. " */
            while (k < n && k - i < 3 && s[k] >= '0' && s[k] <= '9')
                k++;
            k = k > i && k < n && s[k] == '.' ? k + 1 : i;
        }
        if (k == i || (k < n && !S_blank(s[k])))
            return i;
        i = k;
    }
}

static void S_drop(char *kind, size_t a, size_t z)
{
    for (size_t i = a; i < z; i++)
        kind[i] = S_DROP;
}

/* "[text](target)" at i: drops its brackets and target; returns where it
 * ends, or i when none starts there. */
static size_t S_link(const char *s, size_t n, size_t i, char *kind)
{
    size_t k = i + 1;
    while (k < n && s[k] != ']' && s[k] != '[')
        k++;
    if (k + 1 >= n || s[k] != ']' || s[k + 1] != '(')
        return i;
    size_t z = k + 2;
    while (z < n && s[z] != ')' && !S_blank(s[z]))
        z++;
    if (z >= n || s[z] != ')')
        return i;
    kind[i] = S_DROP;
    S_drop(kind, k, z + 1);
    return z + 1;
}

/* The run of c at i: its length. */
static size_t S_run(const char *s, size_t n, size_t i, char c)
{
    size_t k = i;
    while (k < n && s[k] == c)
        k++;
    return k - i;
}

/* An emphasis run at i opens before a word and closes after one: the
 * same run closing it later (before any link's edge) drops both. In a
 * quote cut from a longer line, a double run ("**") whose partner was cut
 * off is dropped alone. */
static size_t S_emphasis(const char *s, size_t n, size_t i, unsigned flags, char *kind)
{
    size_t len = S_run(s, n, i, s[i]);
    bool after_word = i > 0 && S_wordish((unsigned char)s[i - 1]);
    bool before_word = i + len < n && S_wordish((unsigned char)s[i + len]);
    bool orphan = len >= 2 && len <= S_RUN_MAX &&
                  (((flags & RS__MARKUP_CUT_LEFT) && after_word && !before_word) ||
                   ((flags & RS__MARKUP_CUT_RIGHT) && before_word && !after_word));
    bool opens = len <= S_RUN_MAX && before_word && !after_word && (i == 0 || s[i - 1] != '.');
    for (size_t z = i + len; opens && z < n; z++) {
        if (kind[z] == S_DROP && (s[z] == '[' || s[z] == ']'))
            break;   /* emphasis never spans a link's edge */
        if (kind[z] != S_TEXT || s[z] != s[i])
            continue;
        size_t m = S_run(s, n, z, s[i]);
        if (m == len && S_wordish((unsigned char)s[z - 1]) &&
            (z + m == n || !S_wordish((unsigned char)s[z + m]))) {
            S_drop(kind, i, i + len);
            S_drop(kind, z, z + m);
            return i + len;
        }
        z += m - 1;
    }
    if (orphan)
        S_drop(kind, i, i + len);
    return i + len;
}

/* A table cell of '-', ':' and blanks only (a separator row's) from i to
 * the next pipe or the end: dropped. */
static void S_separator_cell(const char *s, size_t n, size_t i, char *kind)
{
    size_t k = i;
    bool dashes = false;
    while (k < n && s[k] != '|' && (s[k] == '-' || s[k] == ':' || S_blank(s[k])))
        dashes |= s[k++] == '-';
    if (dashes && (k == n || s[k] == '|'))
        S_drop(kind, i, k);
}

static void S_classify(const char *s, size_t n, unsigned flags, char *kind)
{
    size_t i = flags & RS__MARKUP_LINE_START ? S_block_marks(s, n) : 0;
    S_drop(kind, 0, i);
    for (size_t k = i; k < n; k++) {   /* links first: no emphasis pairs across a target */
        size_t z = s[k] == '[' ? S_link(s, n, k, kind) : k;
        k = z > k ? z - 1 : k;
    }
    while (i < n) {
        if (kind[i] != S_TEXT) {
            i++;
        } else if (s[i] == '`') {
            kind[i++] = S_DROP;
        } else if (s[i] == '*' || s[i] == '_') {
            i = S_emphasis(s, n, i, flags, kind);
        } else if (s[i] == '|') {
            kind[i++] = S_PIPE;
            S_separator_cell(s, n, i, kind);
        } else {
            i++;
        }
    }
}

/* Is there text to write after i? */
static bool S_text_after(const char *s, size_t n, size_t i, const char *kind)
{
    for (; i < n; i++)
        if (kind[i] == S_TEXT && !S_blank(s[i]))
            return true;
    return false;
}

/* Writes the text; mark (may be NULL) goes from quote offsets to offsets
 * in b: the mark starts at its first byte written, and ends before the
 * blank or pipe that follows it. */
static void S_write(rs_buf *b, const char *s, size_t n, const char *kind, size_t mark[2])
{
    size_t base = b->len, start = 0, end = 0;
    bool space = false, pipe = false, started = false, ended = false;
    for (size_t i = 0; i < n; i++) {
        if (mark && !ended && i >= mark[1]) {
            end = b->len;
            ended = true;
        }
        if (kind[i] == S_PIPE) {
            pipe = b->len > base;
            space = false;
        } else if (kind[i] == S_TEXT && S_blank(s[i])) {
            space = b->len > base;
        } else if (kind[i] == S_TEXT) {
            if (pipe && S_text_after(s, n, i, kind))
                rs__buf_puts(b, " \xC2\xB7 ");
            else if (space)
                rs__buf_putc(b, ' ');
            pipe = space = false;
            if (mark && !started && i >= mark[0]) {
                start = b->len;
                started = true;
            }
            rs__buf_putc(b, s[i]);
        }
    }
    if (mark) {
        mark[0] = started ? start : b->len;
        mark[1] = ended ? end : b->len;
        mark[1] = mark[1] < mark[0] ? mark[0] : mark[1];
    }
}

bool rs__strip_markup(rs_buf *b, const char *s, size_t n, unsigned flags, size_t mark[2])
{
    char *kind = rs__calloc(n ? n : 1, 1);
    if (!kind)
        return false;
    S_classify(s, n, flags, kind);
    S_write(b, s, n, kind, mark);
    rs__free(kind);
    return !b->failed;
}
