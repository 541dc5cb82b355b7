/* evidence.c — what every renderer says about a piece of evidence the
 * same way: the window of its line shown around a match, and the names of a
 * requirement's kind and of where the resume shows it. */
#include "render/render_internal.h"

#include <string.h>

static size_t S_char_start(const char *s, size_t i, size_t floor)
{
    while (i > floor && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

void rs__evidence_window(const rs_document *doc, const rs_evidence *ev, size_t before,
                         size_t max, rs_window *w)
{
    const char *s = rs_text_data(rs_document_text(doc));
    size_t len = rs_text_length(rs_document_text(doc));
    size_t a = ev->orig_start, z = ev->orig_end;
    while (a > 0 && s[a - 1] != '\n' && s[a - 1] != '\r' && ev->orig_start - a < before)
        a--;
    while (z < len && s[z] != '\n' && s[z] != '\r' && z - a < max)
        z++;
    a = S_char_start(s, a, 0);
    z = S_char_start(s, z, ev->orig_end);
    size_t lead = a;   /* is anything but blanks left out before a? */
    while (lead > 0 && (s[lead - 1] == ' ' || s[lead - 1] == '\t'))
        lead--;
    w->cut_left = lead > 0 && s[lead - 1] != '\n' && s[lead - 1] != '\r';
    while (a < ev->orig_start && (s[a] == ' ' || s[a] == '\t'))
        a++;
    w->cut_right = z < len && s[z] != '\n' && s[z] != '\r';
    while (z > ev->orig_end && (s[z - 1] == ' ' || s[z - 1] == '\t'))
        z--;
    w->start = a;
    w->end = z;
}

/* ---- Markdown and table markup in a quote --------------------------------- */

static bool S_blank(char c) { return c == ' ' || c == '\t'; }
static bool S_alnum(unsigned char c)
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
        if (k == i && k < n && strchr("-*+", s[k]))
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

/* Is the '*' at i emphasis: a run touching a word ("**Python**"), or the
 * quote's text before or after this piece? Alone between blanks or beside
 * other symbols it is text ("2 * 3", "SELECT *"). */
static bool S_emphasis_star(const char *s, size_t n, size_t i, unsigned flags)
{
    size_t a = i, z = i;
    while (a > 0 && s[a - 1] == '*')
        a--;
    while (z < n && s[z] == '*')
        z++;
    if ((a == 0 && (flags & RS__MARKUP_TEXT_BEFORE)) || (z == n && (flags & RS__MARKUP_TEXT_AFTER)))
        return true;
    return (a > 0 && S_alnum((unsigned char)s[a - 1])) ||
           (z < n && S_alnum((unsigned char)s[z]));
}

/* "[text](url)": at i a '[' whose link closes within the quote? *text_end
 * is its ']', *skip_to the byte after its ')'. */
static bool S_link(const char *s, size_t n, size_t i, size_t *text_end, size_t *skip_to)
{
    size_t k = i + 1;
    while (k < n && s[k] != ']' && s[k] != '[')
        k++;
    if (k + 1 >= n || s[k] != ']' || s[k + 1] != '(')
        return false;
    size_t z = k + 2;
    while (z < n && s[z] != ')' && !S_blank(s[z]))
        z++;
    if (z >= n || s[z] != ')')
        return false;
    *text_end = k;
    *skip_to = z + 1;
    return true;
}

/* "_word_" or "__words__" from i: a run opening at a word's start that the
 * same run closes at a word's end. *close is where the closing run starts,
 * *len the run's length. snake_case and "window.__x" are no emphasis. */
static bool S_underscores(const char *s, size_t n, size_t i, size_t *close, size_t *len)
{
    size_t k = 0;
    while (i + k < n && s[i + k] == '_')
        k++;
    if (k > 2 || (i > 0 && (S_alnum((unsigned char)s[i - 1]) || s[i - 1] == '.')) ||
        i + k >= n || !S_alnum((unsigned char)s[i + k]))
        return false;
    for (size_t z = i + k + 1; z + k <= n; z++) {
        if (s[z] != '_')
            continue;
        size_t m = 0;
        while (z + m < n && s[z + m] == '_')
            m++;
        if (m == k && S_alnum((unsigned char)s[z - 1]) &&
            (z + m == n || !S_alnum((unsigned char)s[z + m]))) {
            *close = z;
            *len = k;
            return true;
        }
        z += m;
    }
    return false;
}

bool rs__strip_markup(rs_buf *b, const char *s, size_t n, unsigned flags)
{
    bool line_start = flags & RS__MARKUP_LINE_START;
    size_t i = line_start ? S_block_marks(s, n) : 0, link_end = (size_t)-1, skip_to = 0;
    size_t close_at = (size_t)-1, close_len = 0;
    size_t base = b->len;
    bool text = (flags & RS__MARKUP_TEXT_BEFORE) != 0;   /* visible text precedes */
    bool space = false;   /* a blank is owed before the next visible byte */
    for (; i < n; i++) {
        char c = s[i];
        if (i == link_end) {
            i = skip_to - 1;
            link_end = (size_t)-1;
            continue;
        }
        if (c == '[' && link_end == (size_t)-1 && S_link(s, n, i, &link_end, &skip_to))
            continue;
        if (c == '`' || (c == '*' && S_emphasis_star(s, n, i, flags)))
            continue;
        if (c == '_' && i == close_at) {
            i += close_len - 1;
            close_at = (size_t)-1;
            continue;
        }
        if (c == '_' && close_at == (size_t)-1 && S_underscores(s, n, i, &close_at, &close_len)) {
            i += close_len - 1;
            continue;
        }
        if (c == '|') {   /* a table's cells read as a list */
            size_t k = i + 1;
            while (k < n && (S_blank(s[k]) || s[k] == '|' || s[k] == '-' || s[k] == ':'))
                k++;
            bool more = k < n || (flags & RS__MARKUP_TEXT_AFTER);
            if ((text || b->len > base) && more)
                rs__buf_puts(b, " · ");
            space = false;
            text = false;
            base = b->len;
            i = k - 1;
            continue;
        }
        if (S_blank(c)) {
            space = text || b->len > base;
            continue;
        }
        if (space)
            rs__buf_putc(b, ' ');
        space = false;
        rs__buf_putc(b, c);
    }
    if (space && (flags & RS__MARKUP_TEXT_AFTER))
        rs__buf_putc(b, ' ');
    return !b->failed;
}

const char *rs__requirement_evidence_name(const rs_requirement *q)
{
    if (q->by_role)
        return "your role";
    if (q->related != (size_t)-1)
        return "related";
    if (q->familiar)
        return "familiar";
    if (!q->have)
        return "missing";
    if (q->in_experience)
        return "experience";
    return q->skills_only ? "skills_only" : "mentioned";
}

const char *rs__requirement_kind_name(rs_req_kind k)
{
    return k == RS_REQ_MUST ? "must" : "preferred";
}

const char *rs__weight_name(rs_weight w)
{
    return w == RS_WEIGHT_CORE ? "core" : w == RS_WEIGHT_IMPORTANT ? "important" : "nice";
}
