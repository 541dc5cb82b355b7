/* batch_html.c — the HTML page of a batch of postings (`classify
 * --report`): charts of postings per track and per rung, the track × rung
 * heat map, the skills asked for most per rung, every posting by its title
 * (linked to its file), and the errors. Same page kit and safety as the resume report. */
#include "batch_internal.h"
#include "html.h"
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

/* A horizontal bar chart as a table: its caption above, one row per
 * label with a bar and the count written beside it, so the labels are
 * text at the page's size on any screen. */
static void S_bar_chart(rs_html *h, xmlNodePtr parent, const char *title,
                        const char *const *labels, const size_t *counts, size_t n)
{
    size_t max = 1, shown = 0;
    for (size_t i = 0; i < n; i++) {
        max = counts[i] > max ? counts[i] : max;
        shown += counts[i] > 0;
    }
    xmlNodePtr fig = rs__html_el(h, parent, "figure", "chart");
    rs__html_el_text(h, fig, "figcaption", NULL, title);
    if (!shown) {
        rs__html_el_text(h, fig, "p", "muted", "None.");
        return;
    }
    xmlNodePtr tbody = rs__html_el(h, rs__html_el(h, fig, "table", "chart"), "tbody", NULL);
    for (size_t i = 0; i < n; i++) {
        if (!counts[i])
            continue;
        xmlNodePtr tr = rs__html_el(h, tbody, "tr", NULL);
        rs__html_attr(h, rs__html_el_text(h, tr, "th", NULL, labels[i]), "scope", "row");
        xmlNodePtr td = rs__html_el(h, tr, "td", "score");
        char label[200];
        snprintf(label, sizeof label, "%s: %zu of %zu at most", labels[i], counts[i], max);
        rs__html_bar(h, td, (double)counts[i], (double)max, label);
        rs__html_textf(h, rs__html_el(h, td, "span", "value"), "%zu", counts[i]);
    }
}

/* The shade of a count in the heat map: 0 for none, else 1..5 by its
 * share of the largest (more never shades lighter). */
static int S_heat(size_t count, size_t max)
{
    if (!count || !max)
        return 0;
    size_t level = (5 * count + max - 1) / max;
    return level < 1 ? 1 : level > 5 ? 5 : (int)level;
}

static void S_th(rs_html *h, xmlNodePtr tr, const char *text, const char *scope,
                 const char *cls)
{
    rs__html_attr(h, rs__html_el_text(h, tr, "th", cls, text), "scope", scope);
}

static void S_distribution(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "tracks", "Postings per track and rung");
    const char *labels[64] = {0};
    size_t counts[64] = {0}, n = b->track_count < 64 ? b->track_count : 64;
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
    size_t most = 0;
    for (size_t t = 0; t < n; t++)
        for (int g = 1; g <= 8; g++)
            most = b->track_rung[t * 9 + (size_t)g] > most ? b->track_rung[t * 9 + (size_t)g]
                                                          : most;
    rs__html_el_text(h, s, "h3", NULL, "Track × rung");
    rs__html_el_text(h, s, "p", "muted",
                     "Tracks in rows, rungs in columns; the darker the cell, the more postings.");
    xmlNodePtr wrap = rs__html_el(h, s, "div", "scroll");
    xmlNodePtr table = rs__html_el(h, wrap, "table", "heat");
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
        for (int g = 1; g <= 8; g++) {
            size_t c = b->track_rung[t * 9 + (size_t)g];
            char cls[16];
            snprintf(cls, sizeof cls, "num heat%d", S_heat(c, most));
            rs__html_textf(h, rs__html_el(h, tr, "td", cls), "%zu", c);
        }
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

/* A posting by its title (else its file's name), linked to its file, with
 * the file's name or the record's id beneath: a file, or a record of one,
 * by the file's own name, not its folders; a record's own id as written. */
static void S_id_cell(rs_html *h, xmlNodePtr tr, const rs_batch_row *row)
{
    xmlNodePtr th = rs__html_el(h, tr, "th", NULL);
    rs__html_attr(h, th, "scope", "row");
    const char *id = row->id ? row->id : "";
    const char *name = row->is_file ? rs__base_name(id) : id;
    const char *title = row->title && *row->title ? row->title : name;
    if (row->is_file != RS_ROW_FILE) {
        rs__html_text(h, th, title);
    } else {
        char *url = rs__html_path_url(id);
        if (!url) {
            h->failed = true;
            return;
        }
        rs__html_attr(h, rs__html_el_text(h, th, "a", NULL, title), "href", url);
        rs__free(url);
    }
    if (title != name)
        rs__html_el_text(h, th, "span", "file", name);
}

/* A track's name, from its id. */
static const char *S_track_name(const rs_batch *b, const char *id)
{
    for (size_t t = 0; id && t < b->track_count; t++)
        if (strcmp(rs_roles_track(b->roles, t).id, id) == 0)
            return rs_roles_track(b->roles, t).name;
    return id ? id : "";
}

static void S_postings(rs_html *h, xmlNodePtr main, const rs_batch *b)
{
    xmlNodePtr s = rs__html_section(h, main, "postings", "Every posting");
    if (b->row_count < b->total)
        rs__html_textf(h, rs__html_el(h, s, "p", "muted"),
                       "The first %zu of %zu postings; the CSV or JSON Lines output lists all.",
                       b->row_count, b->total);
    xmlNodePtr table = rs__html_el(h, s, "table", "cards");
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
        rs__html_text(h, rs__html_cell(h, tr, ok ? "ok" : row->status == RS_ROW_ERROR ? "error" : "muted",
                                "Status"),
                      row->status == RS_ROW_OUT_OF_SCOPE ? "out of scope"
                                                         : rs_row_status_name(row->status));
        rs__html_text(h, rs__html_cell(h, tr, NULL, "Track"), S_track_name(b, row->track));
        xmlNodePtr td = rs__html_cell(h, tr, "num", "Rung");
        if (row->rung)
            rs__html_textf(h, td, "%d", row->rung);
        rs__html_text(h, rs__html_cell(h, tr, NULL, "Closest role"),
                      row->role_title ? row->role_title : "");
        td = rs__html_cell(h, tr, "num", "Score");
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
    xmlNodePtr table = rs__html_el(h, s, "table", "cards");
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    S_th(h, tr, "Posting", "col", NULL);
    S_th(h, tr, "What went wrong", "col", NULL);
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    for (size_t i = 0; i < b->error_count; i++) {
        tr = rs__html_el(h, tbody, "tr", NULL);
        S_id_cell(h, tr, &b->error_rows[i].row);
        rs__html_text(h, rs__html_cell(h, tr, "error", "What went wrong"),
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
