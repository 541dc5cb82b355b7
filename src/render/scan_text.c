/* scan_text.c — the readable report of `rolescan scan`: skills grouped by
 * category, each with its count and first evidence shown in its line. */
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <string.h>

#define S_BOLD "\033[1m"
#define S_DIM "\033[2m"
#define S_HI "\033[1;33m"
#define S_RESET "\033[0m"
#define S_CONTEXT_BEFORE 28
#define S_CONTEXT_MAX 76

typedef struct S_style {
    const char *bold, *dim, *hi, *reset, *open, *close;
} S_style;

static S_style S_style_for(unsigned flags)
{
    if (flags & RS_RENDER_COLOR)
        return (S_style){S_BOLD, S_DIM, S_HI, S_RESET, S_HI, S_RESET};
    return (S_style){"", "", "", "", "[", "]"};
}

/* The evidence's line, cut around the match, with the match marked. */
static void S_context(rs_buf *b, const rs_document *doc, const rs_evidence *ev,
                      const S_style *st)
{
    const char *s = rs_text_data(rs_document_text(doc));
    rs_window w;
    rs__evidence_window(doc, ev, S_CONTEXT_BEFORE, S_CONTEXT_MAX, &w);
    if (w.cut_left)
        rs__buf_puts(b, "…");
    rs__escape_terminal(b, s + w.start, ev->orig_start - w.start);
    rs__buf_puts(b, st->open);
    rs__escape_terminal(b, s + ev->orig_start, ev->orig_end - ev->orig_start);
    rs__buf_puts(b, st->close);
    rs__escape_terminal(b, s + ev->orig_end, w.end - ev->orig_end);
    if (w.cut_right)
        rs__buf_puts(b, "…");
}

/* Left-aligned in `width` columns, counting characters, not bytes. */
static void S_padded(rs_buf *b, const char *s, size_t width)
{
    size_t chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    rs__buf_puts(b, "  ");
    rs__escape_terminal(b, s, strlen(s));
    for (; chars < width; chars++)
        rs__buf_putc(b, ' ');
}

static void S_hit(rs_buf *b, const rs_lexicon *lex, const rs_document *doc,
                  const rs_skill_hit *h, unsigned flags, const S_style *st)
{
    rs_skill_info info = rs_lexicon_skill(lex, h->skill);
    S_padded(b, info.name, 28);
    if (h->implied_by != (size_t)-1) {
        rs_skill_info by = rs_lexicon_skill(lex, h->implied_by);
        rs__buf_printf(b, "%s  implied by ", st->dim);
        rs__escape_terminal(b, by.name, strlen(by.name));
        rs__buf_printf(b, "%s\n", st->reset);
        return;
    }
    bool all = flags & RS_RENDER_ALL_EVIDENCE;
    size_t first = 0;   /* one mention shown: the first that claims the skill, if any */
    while (!all && first < h->evidence_count &&
           rs_evidence_claim(doc, &h->evidence[first]) != RS_CLAIM_STATED)
        first++;
    if (first == h->evidence_count)
        first = 0;
    size_t shown = all ? h->evidence_count : first + 1;
    for (size_t i = first; i < shown; i++) {
        const rs_evidence *ev = &h->evidence[i];
        if (i == first)
            rs__buf_printf(b, "%3zu  ", h->count);
        else
            rs__buf_printf(b, "  %-28s     ", "");
        if (ev->page)   /* a PDF: where a person finds it, page and line */
            rs__buf_printf(b, "%sp%u %3u:%-3u%s ", st->dim, ev->page, ev->page_line, ev->column,
                           st->reset);
        else
            rs__buf_printf(b, "%s%5u:%-3u%s ", st->dim, ev->line, ev->column, st->reset);
        S_context(b, doc, ev, st);
        rs_claim claim = rs_evidence_claim(doc, ev);
        if (claim != RS_CLAIM_STATED)   /* not claimed: said so, or known in passing */
            rs__buf_printf(b, "  %s(%s)%s", st->dim,
                           claim == RS_CLAIM_NEGATED ? "negated" : "familiar only", st->reset);
        rs__buf_putc(b, '\n');
    }
}

static void S_warning(rs_buf *b, const char *msg)
{
    rs__buf_puts(b, "  warning: ");
    rs__escape_terminal(b, msg, strlen(msg));
    rs__buf_putc(b, '\n');
}

static void S_document(rs_buf *b, const rs_lexicon *lex, const rs__doc_view *r,
                       unsigned flags, const S_style *st)
{
    if (!r->doc || !r->scan) {
        if (flags & RS_RENDER_NO_ERRORS)
            return;
        const char *msg = r->error ? r->error->message : "not scanned";
        rs__buf_puts(b, st->bold);
        rs__escape_terminal(b, r->name, strlen(r->name));
        rs__buf_printf(b, "%s: error: ", st->reset);
        rs__escape_terminal(b, msg, strlen(msg));
        rs__buf_puts(b, "\n\n");
        return;
    }
    const rs_text *text = rs_document_text(r->doc);
    size_t found = rs_scan_hit_count(r->scan) - r->implied;
    rs__buf_puts(b, st->bold);
    rs__escape_terminal(b, r->name, strlen(r->name));
    rs__buf_printf(b, "%s: %zu skill%s found", st->reset, found, found == 1 ? "" : "s");
    if (r->implied)
        rs__buf_printf(b, ", %zu implied", r->implied);
    if (r->unclaimed)
        rs__buf_printf(b, "; %zu only negated or familiar", r->unclaimed);
    rs__buf_printf(b, " %s(%s)%s\n", st->dim, rs_encoding_name(rs_text_encoding(text)),
                   st->reset);
    if (rs_text_warning(text) && !(flags & RS_RENDER_NO_ERRORS))
        S_warning(b, rs_text_warning(text));
    for (size_t i = 0; i < rs_scan_warning_count(r->scan) && !(flags & RS_RENDER_NO_ERRORS); i++)
        S_warning(b, rs_scan_warning(r->scan, i));
    for (size_t g = 0; g < r->group_count; g++) {
        const rs__skill_group *group = &r->groups[g];
        rs__buf_printf(b, "\n%s%s (%zu)%s\n", st->bold, rs_category_label(group->category),
                       group->count, st->reset);   /* labels are ours, not input */
        for (size_t i = group->first; i < group->first + group->count; i++)
            S_hit(b, lex, r->doc, rs_scan_hit(r->scan, i), flags, st);
    }
    rs__buf_putc(b, '\n');
}

rs_status rs__render_scan_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                               rs_error *err)
{
    S_style st = S_style_for(flags);
    rs_buf b;
    rs__buf_init(&b, 0);
    bool scanned = false;   /* the lexicon is named only under a scan */
    for (size_t i = 0; i < r->count; i++) {
        S_document(&b, r->lex, &r->docs[i], flags, &st);
        scanned |= r->docs[i].doc && r->docs[i].scan;
    }
    if (scanned)
        rs__buf_printf(&b, "%slexicon %s, %s%s\n", st.dim, rs_lexicon_version(r->lex),
                       rs_lexicon_hash(r->lex), st.reset);
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
