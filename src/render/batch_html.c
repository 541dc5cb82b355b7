/* batch_html.c — the HTML page of a batch of postings (`classify
 * --report`): charts of postings per track and per rung, the track × rung
 * table, the skills asked for most per rung, every posting (linked to its
 * file), and the errors. Same page kit and safety as the resume report. */
#include "batch_internal.h"
#include "html.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

static void S_num_attr(rs_html *h, xmlNodePtr n, const char *name, double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", v);
    rs__html_attr(h, n, name, buf);
}

/* A horizontal bar chart: one bar per label, its count written beside it. */
static void S_bar_chart(rs_html *h, xmlNodePtr parent, const char *title,
                        const char *const *labels, const size_t *counts, size_t n)
{
    size_t max = 1, shown = 0;
    for (size_t i = 0; i < n; i++) {
        max = counts[i] > max ? counts[i] : max;
        shown += counts[i] > 0;
    }
    if (!shown) {
        rs__html_el_text(h, parent, "p", "muted", "None.");
        return;
    }
    xmlNodePtr fig = rs__html_el(h, parent, "figure", NULL);
    xmlNodePtr svg = rs__html_el(h, fig, "svg", "chart");
    char vb[48];
    snprintf(vb, sizeof vb, "0 0 640 %zu", shown * 24 + 4);
    rs__html_attr(h, svg, "viewBox", vb);
    rs__html_attr(h, svg, "role", "img");
    rs__html_attr(h, svg, "aria-label", title);
    rs__html_el_text(h, svg, "title", NULL, title);
    size_t row = 0;
    for (size_t i = 0; i < n; i++) {
        if (!counts[i])
            continue;
        double y = (double)row++ * 24 + 2;
        xmlNodePtr t = rs__html_el_text(h, svg, "text", NULL, labels[i]);
        S_num_attr(h, t, "x", 0);
        S_num_attr(h, t, "y", y + 15);
        xmlNodePtr r = rs__html_el(h, svg, "rect", NULL);
        double w = 360.0 * (double)counts[i] / (double)max;
        S_num_attr(h, r, "x", 220);
        S_num_attr(h, r, "y", y + 3);
        S_num_attr(h, r, "width", w < 2 ? 2 : w);
        S_num_attr(h, r, "height", 16);
        t = rs__html_el(h, svg, "text", NULL);
        rs__html_textf(h, t, "%zu", counts[i]);
        S_num_attr(h, t, "x", 226 + (w < 2 ? 2 : w));
        S_num_attr(h, t, "y", y + 15);
    }
    rs__html_el_text(h, fig, "figcaption", NULL, title);
}

static void S_th(rs_html *h, xmlNodePtr tr, const char *text, const char *scope,
                 const char *cls)
{
    rs__html_attr(h, rs__html_el_text(h, tr, "th", cls, text), "scope", scope);
}

static void S_distribution(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "tracks", "Postings per track and rung");
    const char *labels[64];
    size_t counts[64], n = b->track_count < 64 ? b->track_count : 64;
    for (size_t t = 0; t < n; t++) {
        labels[t] = rs_roles_track(b->roles, t).name;
        counts[t] = 0;
        for (int g = 1; g <= 8; g++)
            counts[t] += b->track_rung[t * 9 + (size_t)g];
    }
    S_bar_chart(h, s, "Postings per track", labels, counts, n);
    static const char *const rung_labels[] = {"rung 1 (junior)", "rung 2", "rung 3 (senior)",
                                              "rung 4 (lead)", "rung 5 (architect)",
                                              "rung 6 (director)", "rung 7 (VP)",
                                              "rung 8 (CTO)"};
    size_t per_rung[8] = {0};
    for (size_t t = 0; t < b->track_count; t++)
        for (int g = 1; g <= 8; g++)
            per_rung[g - 1] += b->track_rung[t * 9 + (size_t)g];
    S_bar_chart(h, s, "Postings per rung", (const char *const *)rung_labels, per_rung, 8);
    xmlNodePtr wrap = rs__html_el(h, s, "div", "scroll");
    xmlNodePtr table = rs__html_el(h, wrap, "table", NULL);
    rs__html_el_text(h, table, "caption", NULL, "Postings per track (rows) and rung (columns)");
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    S_th(h, tr, "Track", "col", NULL);
    for (int g = 1; g <= 8; g++) {
        char c[8];
        snprintf(c, sizeof c, "%d", g);
        S_th(h, tr, c, "col", "num");
    }
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    for (size_t t = 0; t < n; t++) {
        if (!counts[t])
            continue;
        tr = rs__html_el(h, tbody, "tr", NULL);
        S_th(h, tr, labels[t], "row", NULL);
        for (int g = 1; g <= 8; g++)
            rs__html_textf(h, rs__html_el(h, tr, "td", "num"), "%zu",
                           b->track_rung[t * 9 + (size_t)g]);
    }
}

static void S_top_skills(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "top-skills", "Skills asked for most, per rung");
    xmlNodePtr table = rs__html_el(h, s, "table", NULL);
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    S_th(h, tr, "Rung", "col", NULL);
    S_th(h, tr, "Skills (postings asking)", "col", NULL);
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    bool any = false;
    for (int g = 1; g <= 8; g++) {
        size_t top[10];
        size_t k = rs__batch_top_skills(b, g, top, 10);
        if (!k)
            continue;
        any = true;
        tr = rs__html_el(h, tbody, "tr", NULL);
        char c[8];
        snprintf(c, sizeof c, "%d", g);
        S_th(h, tr, c, "row", NULL);
        xmlNodePtr td = rs__html_el(h, tr, "td", NULL);
        for (size_t q = 0; q < k; q++)
            rs__html_textf(h, td, "%s%s (%zu)", q ? ", " : "", rs_lexicon_skill(b->lex, top[q]).name,
                           b->skill_rung[top[q] * 9 + (size_t)g]);
    }
    if (!any)
        rs__html_el_text(h, s, "p", "muted", "No posting was classified.");
}

static void S_id_cell(rs_html *h, xmlNodePtr tr, const rs_batch_row *row)
{
    xmlNodePtr th = rs__html_el(h, tr, "th", NULL);
    rs__html_attr(h, th, "scope", "row");
    if (!row->is_file) {
        rs__html_text(h, th, row->id ? row->id : "");
        return;
    }
    char *url = rs__html_path_url(row->id);
    if (!url) {
        h->failed = true;
        return;
    }
    xmlNodePtr a = rs__html_el_text(h, th, "a", NULL, row->id);
    rs__html_attr(h, a, "href", url);
    rs__free(url);
}

static void S_postings(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "postings", "Every posting");
    if (b->row_count < b->total)
        rs__html_textf(h, rs__html_el(h, s, "p", "muted"),
                       "The first %zu of %zu postings; the CSV or JSON Lines output lists all.",
                       b->row_count, b->total);
    xmlNodePtr wrap = rs__html_el(h, s, "div", "scroll");
    xmlNodePtr table = rs__html_el(h, wrap, "table", NULL);
    rs__html_el_text(h, table, "caption", NULL, "In input order");
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    static const char *const heads[] = {"Posting", "Status", "Track", "Rung", "Closest role",
                                        "Score"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        S_th(h, tr, heads[i], "col", i == 3 || i == 5 ? "num" : NULL);
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    for (size_t i = 0; i < b->row_count && !h->failed; i++) {
        const rs_batch_row *row = &b->rows[i].row;
        tr = rs__html_el(h, tbody, "tr", NULL);
        S_id_cell(h, tr, row);
        bool ok = row->status == RS_ROW_OK;
        rs__html_el_text(h, tr, "td", ok ? "ok" : row->status == RS_ROW_ERROR ? "error" : "muted",
                         row->status == RS_ROW_OUT_OF_SCOPE ? "out of scope"
                                                            : rs_row_status_name(row->status));
        rs__html_el_text(h, tr, "td", NULL, row->track ? row->track : "");
        xmlNodePtr td = rs__html_el(h, tr, "td", "num");
        if (row->rung)
            rs__html_textf(h, td, "%d", row->rung);
        rs__html_el_text(h, tr, "td", NULL, row->role_title ? row->role_title : "");
        td = rs__html_el(h, tr, "td", "num");
        if (row->role_title)
            rs__html_textf(h, td, "%.1f", row->score);
    }
}

static void S_errors(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "errors", "Errors");
    if (!b->errors) {
        rs__html_el_text(h, s, "p", "ok", "No posting failed.");
        return;
    }
    rs__html_textf(h, rs__html_el(h, s, "p", NULL),
                   "%zu postings could not be read; each still has its row above.", b->errors);
    xmlNodePtr table = rs__html_el(h, rs__html_el(h, s, "div", "scroll"), "table", NULL);
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    S_th(h, tr, "Posting", "col", NULL);
    S_th(h, tr, "What went wrong", "col", NULL);
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    for (size_t i = 0; i < b->error_count; i++) {
        tr = rs__html_el(h, tbody, "tr", NULL);
        S_id_cell(h, tr, &b->error_rows[i].row);
        rs__html_el_text(h, tr, "td", "error",
                         b->error_rows[i].row.message ? b->error_rows[i].row.message : "");
    }
}

rs_status rs__render_batch_html(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    (void)flags;
    const rs_batch *b = r->batch;
    rs_date as_of = r->as_of;
    rs_html h;
    if (!rs__html_begin(&h, "Batch summary — rolescan")) {
        rs__html_discard(&h);
        return rs__nomem(err, NULL);
    }
    xmlNodePtr header = rs__html_el(&h, h.body, "header", NULL);
    rs__html_el_text(&h, header, "h1", NULL, "Batch summary");
    rs__html_textf(&h, rs__html_el(&h, header, "p", "lede"),
                   "%zu postings: %zu classified, %zu out of scope, %zu errors.", b->total,
                   b->total - b->errors - b->out_of_scope, b->out_of_scope, b->errors);
    xmlNodePtr main = rs__html_el(&h, h.body, "main", NULL);
    S_distribution(&h, main, b);
    S_top_skills(&h, main, b);
    S_postings(&h, main, b);
    S_errors(&h, main, b);
    xmlNodePtr f = rs__html_el(&h, h.body, "footer", NULL);
    rs__html_textf(&h, rs__html_el(&h, f, "p", NULL),
                   "rolescan %s · lexicon %s (%s) · roles %s · as of %04d-%02d", RS_VERSION,
                   rs_lexicon_version(b->lex), rs_lexicon_hash(b->lex), rs_roles_version(b->roles),
                   as_of.year, as_of.month);
    return rs__html_finish(&h, out, len, err);
}
