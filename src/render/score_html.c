/* score_html.c — the HTML gap report of one resume (`rolescan report`):
 * the ladder with "you are here", the evidence for the rung, the closest
 * roles, the skills found with their evidence, the gaps, advice, lateral
 * moves and salary bands. One self-contained page; see html.h for how input
 * text is kept inert. */
#include "html.h"
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

#define S_GAPS_SHOWN 15
#define S_EVIDENCE_SHOWN 2

/* ---- the ladder -------------------------------------------------------- */

/* The ladder as a staircase of boxes, top rung first: an ordered list
 * styled as steps, so it scales with the text on a phone and prints. */
static void S_ladder_steps(rs_html *h, xmlNodePtr parent, const rs_roles *roles,
                           const rs__doc_view *v, int next)
{
    xmlNodePtr ol = rs__html_el(h, parent, "ol", "ladder");
    rs__html_attr(h, ol, "reversed", "reversed");
    rs__html_attr(h, ol, "aria-label", "The career ladder, top rung first");
    for (int rung = 8; rung >= 1; rung--) {
        size_t role = v->ladder[rung];
        if (role == RS__NO_ROLE)
            continue;
        char cls[32];
        snprintf(cls, sizeof cls, "r%d%s", rung,
                 rung == v->rung ? " here" : rung == next ? " next" : "");
        xmlNodePtr li = rs__html_el(h, ol, "li", cls);
        char value[8];
        snprintf(value, sizeof value, "%d", rung);
        rs__html_attr(h, li, "value", value);
        rs__html_textf(h, rs__html_el(h, li, "span", "step"), "%d", rung);
        rs__html_text(h, li, rs_roles_role(roles, role).title);
        if (rung == v->rung)
            rs__html_el_text(h, li, "strong", "tag", "you are here");
        else if (rung == next)
            rs__html_el_text(h, li, "strong", "tag", "next rung");
    }
}

static void S_ladder(rs_html *h, xmlNodePtr main, const rs_roles *roles, const rs__doc_view *v)
{
    const rs_analysis *a = v->analysis;
    double conf = v->confidence;
    int rung = v->rung;
    rs_role_info best = rs_roles_role(roles, v->best);
    size_t next = v->next;
    int next_rung = next != RS__NO_ROLE ? rs_roles_role(roles, next).rung : 0;
    xmlNodePtr s = rs__html_section(h, main, "ladder", "Where you stand on the ladder");
    xmlNodePtr fig = rs__html_el(h, s, "figure", NULL);
    S_ladder_steps(h, fig, roles, v, next_rung);
    xmlNodePtr cap = rs__html_el(h, fig, "figcaption", NULL);
    rs__html_textf(h, cap, "Rung %d of 8 on the %s track", rung, best.track_name);
    if (next != RS__NO_ROLE)
        rs__html_textf(h, cap, "; the next rung is %s (rung %d)",
                       rs_roles_role(roles, next).title, next_rung);
    rs__html_textf(h, cap, ". Confidence %.2f.", conf);
    rs__html_el_text(h, s, "h3", NULL, "Evidence for the rung");
    xmlNodePtr ul = rs__html_el(h, s, "ul", NULL);
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        xmlNodePtr li = rs__html_el(h, ul, "li", NULL);
        rs__html_el_text(h, li, "strong", NULL, rs_evidence_kind_name(e->kind));
        rs__html_text(h, li, ": ");
        rs__html_quote(h, li, e->text);
        if (e->line)
            rs__html_textf(h, li, " (line %u)", e->line);
        if (e->role_title) {
            rs__html_text(h, li, " as ");
            rs__html_text(h, li, e->role_title);
        }
        rs__html_textf(h, li, " → rung %d", e->rung);
    }
    long months = rs_analysis_months(a);
    int stated = rs_analysis_stated_years(a);
    if (months > 0 || stated) {
        xmlNodePtr p = rs__html_el(h, s, "p", "muted");
        size_t ranges = rs_analysis_range_count(a);
        if (months > 0)
            rs__html_textf(h, p, "Experience: %ld months in %zu date range%s (overlaps merged). ",
                           months, ranges, ranges == 1 ? "" : "s");
        if (stated)
            rs__html_textf(h, p, "%d years stated in the text.", stated);
    }
}

/* ---- roles, skills, gaps, advice ---------------------------------------- */

static void S_roles(rs_html *h, xmlNodePtr main, const rs_roles *roles, const rs__doc_view *v)
{
    const rs_analysis *a = v->analysis;
    xmlNodePtr s = rs__html_section(h, main, "roles", "Closest roles");
    rs__html_el_text(h, s, "p", "muted",
                     "Score = 50% skills + 30% title + 20% level; skills weigh the role's core "
                     "skills 3, important 2, nice to have 1.");
    if (v->leads_over_score)
        rs__html_el_text(h, s, "p", "muted", RS__LEADS_NOTE);
    xmlNodePtr table = rs__html_el(h, s, "table", "cards");
    rs__html_el_text(h, table, "caption", "visually-hidden", "Closest roles, closest first");
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    static const char *const heads[] = {"Role", "Track", "Rung", "Score", "Skills", "Title fit",
                                        "Level fit"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        xmlNodePtr th = rs__html_el_text(h, tr, "th", i >= 4 || i == 2 ? "num" : NULL, heads[i]);
        rs__html_attr(h, th, "scope", "col");
    }
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    for (size_t i = 0; i < rs_analysis_role_count(a); i++) {
        const rs_role_score *sc = rs_analysis_role(a, i);
        rs_role_info info = rs_roles_role(roles, sc->role);
        tr = rs__html_el(h, tbody, "tr", NULL);
        xmlNodePtr th = rs__html_el_text(h, tr, "th", NULL, info.title);
        rs__html_attr(h, th, "scope", "row");
        rs__html_text(h, rs__html_cell(h, tr, NULL, "Track"), info.track_name);
        rs__html_textf(h, rs__html_cell(h, tr, "num", "Rung"), "%d", info.rung);
        xmlNodePtr td = rs__html_cell(h, tr, "score", "Score");
        char label[64];
        snprintf(label, sizeof label, "score %.1f of 100", sc->score);
        rs__html_bar(h, td, sc->score, 100, label);
        rs__html_textf(h, rs__html_el(h, td, "span", "value"), "%.1f", sc->score);
        rs__html_textf(h, rs__html_cell(h, tr, "num", "Skills"), "%zu/%zu (%.0f%% weighted)",
                       sc->matched, sc->total, sc->coverage * 100);
        rs__html_textf(h, rs__html_cell(h, tr, "num", "Title fit"), "%.2f", sc->title_fit);
        rs__html_textf(h, rs__html_cell(h, tr, "num", "Level fit"), "%.2f", sc->level_fit);
    }
}

static void S_skill(rs_html *h, xmlNodePtr ul, const rs_lexicon *lex, const rs_document *doc,
                    const rs_skill_hit *hit, size_t shown)
{
    xmlNodePtr li = rs__html_el(h, ul, "li", NULL);
    rs__html_el_text(h, li, "strong", NULL, rs_lexicon_skill(lex, hit->skill).name);
    if (hit->implied_by != (size_t)-1) {
        rs__html_text(h, li, " — implied by ");
        rs__html_text(h, li, rs_lexicon_skill(lex, hit->implied_by).name);
        return;
    }
    if (hit->count > 1)
        rs__html_textf(h, li, " ×%zu", hit->count);
    for (size_t e = 0; e < hit->evidence_count && e < shown; e++) {
        const rs_evidence *ev = &hit->evidence[e];
        if (ev->page)
            rs__html_textf(h, li, "%s page %u, line %u: ", e ? ";" : " —", ev->page,
                           ev->page_line);
        else
            rs__html_textf(h, li, "%s line %u: ", e ? ";" : " —", ev->line);
        rs__html_evidence(h, li, doc, &hit->evidence[e]);
    }
}

/* The skills the text names most, each with its first evidence. */
static void S_top_skills(rs_html *h, xmlNodePtr s, const rs_lexicon *lex, const rs__doc_view *v)
{
    if (!v->top_count)
        return;
    rs__html_el_text(h, s, "h3", NULL, "Named most");
    xmlNodePtr ul = rs__html_el(h, s, "ul", "skills top-skills");
    for (size_t i = 0; i < v->top_count; i++)
        S_skill(h, ul, lex, v->doc, rs_scan_hit(v->scan, v->top[i]), 1);
}

/* One kind of skill, collapsed: its names in the summary, the evidence
 * inside. */
static void S_skill_group(rs_html *h, xmlNodePtr s, const rs_lexicon *lex,
                          const rs__doc_view *v, const rs__skill_group *group)
{
    xmlNodePtr details = rs__html_el(h, s, "details", NULL);
    xmlNodePtr summary = rs__html_el(h, details, "summary", NULL);
    rs__html_el_text(h, summary, "strong", NULL, rs_category_label(group->category));
    rs__html_textf(h, summary, " (%zu): ", group->count);
    for (size_t i = group->first; i < group->first + group->count; i++)
        rs__html_textf(h, summary, "%s%s", i > group->first ? ", " : "",
                       rs_lexicon_skill(lex, rs_scan_hit(v->scan, i)->skill).name);
    xmlNodePtr ul = rs__html_el(h, details, "ul", "skills");
    for (size_t i = group->first; i < group->first + group->count; i++)
        S_skill(h, ul, lex, v->doc, rs_scan_hit(v->scan, i), S_EVIDENCE_SHOWN);
}

static void S_skills(rs_html *h, xmlNodePtr main, const rs_lexicon *lex, const rs__doc_view *v)
{
    size_t n = rs_scan_hit_count(v->scan);
    xmlNodePtr s = rs__html_section(h, main, "skills", "Skills found");
    rs__html_textf(h, rs__html_el(h, s, "p", "muted"),
                   "%zu skill%s, in %zu group%s; open a group for where each was found, the "
                   "matched words marked.", n, n == 1 ? "" : "s", v->group_count,
                   v->group_count == 1 ? "" : "s");
    S_top_skills(h, s, lex, v);
    if (v->group_count)
        rs__html_el_text(h, s, "h3", NULL, "By kind");
    for (size_t g = 0; g < v->group_count; g++)
        S_skill_group(h, s, lex, v, &v->groups[g]);
}

static void S_gap_list(rs_html *h, xmlNodePtr s, const rs_roles *roles, const rs_lexicon *lex,
                       const rs__gap_view *g, const char *label)
{
    rs_role_info info = rs_roles_role(roles, g->role);
    rs_role_score sc = g->score;
    const rs_role_skill *miss = g->missing;
    size_t n = g->missing_count;
    xmlNodePtr h3 = rs__html_el(h, s, "h3", NULL);
    rs__html_textf(h, h3, "%s: %s (rung %d)", label, info.title, info.rung);
    rs__html_textf(h, rs__html_el(h, s, "p", "muted"), "You have %zu of its %zu skills.",
                   sc.matched, sc.total);
    if (n == 0) {
        rs__html_el_text(h, s, "p", "ok", "Nothing missing.");
        return;
    }
    xmlNodePtr ol = rs__html_el(h, s, "ol", NULL);
    for (size_t i = 0; i < n && i < S_GAPS_SHOWN; i++) {
        xmlNodePtr li = rs__html_el(h, ol, "li", NULL);
        const char *w = rs__weight_name(miss[i].weight);
        char cls[32];
        snprintf(cls, sizeof cls, "badge %s", w);
        rs__html_el_text(h, li, "span", cls, w);
        rs__html_el_text(h, li, "strong", NULL, rs_lexicon_skill(lex, miss[i].skill).name);
        if (miss[i].why) {
            rs__html_text(h, li, ": ");
            rs__html_text(h, li, miss[i].why);
        }
    }
    if (n > S_GAPS_SHOWN)
        rs__html_textf(h, rs__html_el(h, s, "p", "muted"),
                       "And %zu more (rolescan score --format json lists all).",
                       n - S_GAPS_SHOWN);
}

static void S_gaps(rs_html *h, xmlNodePtr main, const rs_roles *roles, const rs_lexicon *lex,
                   const rs__doc_view *v)
{
    xmlNodePtr s = rs__html_section(h, main, "gaps", "Gaps, most important first");
    S_gap_list(h, s, roles, lex, &v->gaps,
               v->target != RS__NO_ROLE ? "For the target role" : "For the closest role");
    if (v->next != RS__NO_ROLE)
        S_gap_list(h, s, roles, lex, &v->next_gaps, "For the next rung");
}

static void S_advice(rs_html *h, xmlNodePtr main, const rs_roles *roles, const rs__doc_view *v)
{
    size_t best = v->focus;
    rs_role_info info = rs_roles_role(roles, best);
    xmlNodePtr s = rs__html_section(h, main, "advice", "Next steps");
    xmlNodePtr ul = rs__html_el(h, s, "ul", NULL);
    for (size_t i = 0; i < info.advice_count; i++)
        rs__html_el_text(h, ul, "li", NULL, rs_roles_advice(roles, best, i));
    size_t n = v->reach_count;
    if (info.lateral_count)
        rs__html_el_text(h, s, "h3", NULL, "Lateral moves within reach");
    if (info.lateral_count && !n)
        rs__html_textf(h, rs__html_el(h, s, "p", "muted"),
                       "None yet: each needs %.0f%% of its skills.", RS_LATERAL_REACH * 100);
    ul = n ? rs__html_el(h, s, "ul", NULL) : NULL;
    for (size_t i = 0; i < n; i++) {
        size_t r = v->reach[i];
        rs_role_info li = rs_roles_role(roles, r);
        rs_role_score sc = rs_analysis_score_role(v->analysis, r);
        xmlNodePtr item = rs__html_el(h, ul, "li", NULL);
        rs__html_el_text(h, item, "strong", NULL, li.title);
        rs__html_textf(h, item, " (%s, rung %d): you have %.0f%% of its skills", li.track_name,
                       li.rung, sc.coverage * 100);
    }
}

static void S_salary_row(rs_html *h, xmlNodePtr tbody, rs_role_info info)
{
    xmlNodePtr tr = rs__html_el(h, tbody, "tr", NULL);
    xmlNodePtr th = rs__html_el_text(h, tr, "th", NULL, info.title);
    rs__html_attr(h, th, "scope", "row");
    if (!info.salary_currency) {
        rs__html_el_text(h, tr, "td", "muted", "no band in the sources");
        rs__html_el(h, tr, "td", NULL);
        return;
    }
    char band[160];
    rs__salary_band(band, sizeof band, &info);
    rs__html_el_text(h, tr, "td", "num", band);
    rs__html_el_text(h, tr, "td", NULL, info.salary_source);
}

static void S_salary(rs_html *h, xmlNodePtr main, const rs_roles *roles, const rs__doc_view *v)
{
    size_t best = v->focus, next = v->next;
    xmlNodePtr s = rs__html_section(h, main, "salary", "Salary bands");
    xmlNodePtr table = rs__html_el(h, s, "table", NULL);
    rs__html_el_text(h, table, "caption", NULL, "Where the source documents give one");
    xmlNodePtr tr = rs__html_el(h, rs__html_el(h, table, "thead", NULL), "tr", NULL);
    static const char *const heads[] = {"Role", "Band", "Source"};
    for (size_t i = 0; i < 3; i++)
        rs__html_attr(h, rs__html_el_text(h, tr, "th", NULL, heads[i]), "scope", "col");
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    S_salary_row(h, tbody, rs_roles_role(roles, best));
    if (next != RS__NO_ROLE)
        S_salary_row(h, tbody, rs_roles_role(roles, next));
}

/* ---- the match view (report --job) ---------------------------------------- */

static void S_match_reqs(rs_html *h, xmlNodePtr s, const rs_lexicon *lex, const rs_match *m,
                         int group, const char *title)
{
    xmlNodePtr ol = NULL;
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *q = rs_match_requirement(m, i);
        int g = rs_requirement_standing(q);
        if (g != group || !rs_match_requirement_leads(m, i))
            continue;
        if (!ol) {
            rs__html_el_text(h, s, "h3", NULL, title);
            ol = rs__html_el(h, s, "ol", NULL);
        }
        xmlNodePtr li = rs__html_el(h, ol, "li", NULL);
        rs__html_el_text(h, li, "span", q->kind == RS_REQ_MUST ? "badge core" : "badge nice",
                         rs__requirement_kind_name(q->kind));
        rs__html_el_text(h, li, "strong", NULL, rs_lexicon_skill(lex, q->skill).name);
        for (size_t j = 0, k = 0; q->group && j < rs_match_requirement_count(m); j++) {
            const rs_requirement *o = rs_match_requirement(m, j);
            if (o->group == q->group && o->skill != q->skill)
                rs__html_textf(h, li, "%s%s", k++ ? ", " : " or ",
                               rs_lexicon_skill(lex, o->skill).name);
        }
        rs__html_textf(h, li, " — %s, weight %.1f, line %u", rs_section_name(q->section),
                       q->weight, q->line);
        if (q->years_required)
            rs__html_textf(h, li, "; %d+ years asked", q->years_required);
        if (group == 2 && q->skills_only)
            rs__html_text(h, li, "; you list it only under Skills");
        else if (group == 2 && q->years_used > 0)
            rs__html_textf(h, li, "; %.1f years in your positions, last %04d-%02d",
                           q->years_used, q->last_used.year, q->last_used.month);
        else if (group == 2 && q->by_role)
            rs__html_text(h, li, "; the practice of your own role, credit 0.6");
        else if (group == 2 && q->related != (size_t)-1)
            rs__html_textf(h, li, "; related: you have %s, credit %.1f",
                           rs_lexicon_skill(lex, q->related).name, q->credit);
        else if (group == 2 && q->familiar)
            rs__html_textf(h, li, "; you name it only as familiar, credit %.1f", q->credit);
    }
}

static void S_match_view(rs_html *h, xmlNodePtr main, const rs_roles *roles,
                         const rs_lexicon *lex, const rs_match *m, const char *job)
{
    rs_match_score sc = rs_match_get_score(m);
    xmlNodePtr s = rs__html_section(h, main, "match", "Against the job posting");
    xmlNodePtr p = rs__html_el(h, s, "p", "lede");
    rs__html_text(h, p, rs_match_posting_title(m));
    if (job) {
        xmlNodePtr span = rs__html_el_text(h, p, "span", "muted", " · ");
        rs__html_text(h, span, rs__base_name(job));
    }
    xmlNodePtr table = rs__html_el(h, s, "table", NULL);
    char caption[200];
    snprintf(caption, sizeof caption,
             "Match = must-haves × %.0f + preferred × %.0f + fit × %.0f + years × %.0f",
             sc.w_must, sc.w_preferred, sc.w_fit, sc.w_years);
    rs__html_el_text(h, table, "caption", NULL, caption);
    if (sc.note)
        rs__html_el_text(h, s, "p", "muted", sc.note);
    xmlNodePtr tbody = rs__html_el(h, table, "tbody", NULL);
    const char *names[] = {"Match score", "Must-haves covered", "Preferred covered",
                           "Track and rung fit", "Years"};
    double values[] = {sc.score, sc.must * 100, sc.preferred * 100, sc.fit * 100, sc.years * 100};
    for (size_t i = 0; i < 5; i++) {
        xmlNodePtr tr = rs__html_el(h, tbody, "tr", NULL);
        rs__html_attr(h, rs__html_el_text(h, tr, "th", NULL, names[i]), "scope", "row");
        xmlNodePtr td = rs__html_el(h, tr, "td", "score");
        char label[64];
        snprintf(label, sizeof label, "%s %.0f of 100", names[i], values[i]);
        rs__html_bar(h, td, values[i], 100, label);
        rs__html_textf(h, td, "%.0f", values[i]);
    }
    S_match_reqs(h, s, lex, m, 0, "Missing must-haves");
    S_match_reqs(h, s, lex, m, 1, "Missing nice-to-haves");
    S_match_reqs(h, s, lex, m, 2, "What you have that it asks for");
    if (rs_match_negated_count(m)) {
        xmlNodePtr q = rs__html_el_text(h, s, "p", NULL, "Said not to be needed: ");
        for (size_t i = 0; i < rs_match_negated_count(m); i++)
            rs__html_textf(h, q, "%s%s", i ? ", " : "",
                           rs_lexicon_skill(lex, rs_match_negated(m, i)).name);
    }
    if (rs_match_suggestion_count(m))
        rs__html_el_text(h, s, "h3", NULL, "Suggestions");
    xmlNodePtr ul = rs_match_suggestion_count(m) ? rs__html_el(h, s, "ul", NULL) : NULL;
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++)
        rs__html_el_text(h, ul, "li", NULL, rs_match_suggestion(m, i));
    (void)roles;
}

/* ---- the page ---------------------------------------------------------- */

/* What the input warned of (hidden text above all: a reviewer wants to
 * see it), under the heading. */
static void S_warnings(rs_html *h, xmlNodePtr header, const rs__doc_view *r)
{
    const rs_text *text = rs_document_text(r->doc);
    if (rs_text_warning(text))
        rs__html_el_text(h, header, "p", "warning", rs_text_warning(text));
    for (size_t i = 0; r->scan && i < rs_scan_warning_count(r->scan); i++)
        rs__html_el_text(h, header, "p", "warning", rs_scan_warning(r->scan, i));
}

static void S_footer(rs_html *h, const rs_roles *roles, const rs_lexicon *lex, rs_date as_of)
{
    xmlNodePtr f = rs__html_el(h, h->body, "footer", NULL);
    rs__html_textf(h, rs__html_el(h, f, "p", NULL),
                   "rolescan %s · lexicon %s (%s, %zu skills) · roles %s · as of %04d-%02d",
                   RS_VERSION, rs_lexicon_version(lex), rs_lexicon_hash(lex),
                   rs_lexicon_skill_count(lex), rs_roles_version(roles), as_of.year,
                   as_of.month);
}

/* Whom the report is about: the person the resume names, else its file;
 * *len bytes at the pointer returned. */
static const char *S_who(const rs__doc_view *r, size_t *len)
{
    if (!r->has_person) {
        const char *base = rs__base_name(r->name);
        *len = strlen(base);
        return base;
    }
    *len = r->person.orig_end - r->person.orig_start;
    return rs_text_data(rs_document_text(r->doc)) + r->person.orig_start;
}

rs_status rs__render_score_html(const rs_report *rep, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    (void)flags;
    if (rep->count != 1)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "an HTML report covers one document, not %zu", rep->count);
    const rs__doc_view *r = &rep->docs[0];
    const rs_roles *roles = rep->roles;
    const rs_lexicon *lex = rep->lex;
    if (!r->analysis || !r->doc || !r->scan)
        return rs__fail(err, RS_ERR_ARG, r->name, 0, "nothing to report: %s",
                        r->error ? r->error->message : "not analysed");
    rs_html h = {0};   /* discarded whether or not it was begun */
    size_t who_len;
    const char *who = S_who(r, &who_len);
    rs_buf title;
    rs__buf_init(&title, 0);
    rs__buf_puts(&title, "Career report — ");
    rs__buf_append(&title, who, who_len);
    bool begun = !title.failed && rs__html_begin(&h, title.data);
    rs__buf_free(&title);
    if (!begun) {
        rs__html_discard(&h);
        return rs__nomem(err, r->name);
    }
    xmlNodePtr header = rs__html_el(&h, h.body, "header", NULL);
    rs__html_el_text(&h, header, "p", "kicker", "Career report");
    rs__html_text_n(&h, rs__html_el(&h, header, "h1", NULL), who, who_len);
    if (r->has_person) {   /* else the heading is the file's name already */
        xmlNodePtr from = rs__html_el_text(&h, header, "p", "muted", "From ");
        rs__html_text(&h, from, rs__base_name(r->name));
        if (r->person.page)   /* a PDF's reader counts lines by page */
            rs__html_textf(&h, from, " (the name on page %u, line %u)", r->person.page,
                           r->person.page_line);
        else
            rs__html_textf(&h, from, " (the name on line %u)", r->person.line);
    }
    xmlNodePtr lede = rs__html_el(&h, header, "p", "lede");
    S_warnings(&h, header, r);
    xmlNodePtr main = rs__html_el(&h, h.body, "main", NULL);
    if (!r->placed) {
        rs__html_text(&h, lede, "Out of scope: ");
        rs__html_text(&h, lede, r->why ? r->why : "no role scored");
        S_skills(&h, main, lex, r);
    } else {
        rs_role_info best = rs_roles_role(roles, r->best);
        rs__html_textf(&h, lede, "Rung %d of 8 · closest role: ", r->rung);
        rs__html_el_text(&h, lede, "strong", NULL, best.title);
        rs__html_textf(&h, lede, " (%s)", best.track_name);
        S_ladder(&h, main, roles, r);
        if (rep->match)
            S_match_view(&h, main, roles, lex, rep->match, rep->job_name);
        S_roles(&h, main, roles, r);
        S_gaps(&h, main, roles, lex, r);
        S_skills(&h, main, lex, r);
        S_advice(&h, main, roles, r);
        S_salary(&h, main, roles, r);
    }
    S_footer(&h, roles, lex, rep->as_of);
    return rs__html_finish(&h, out, len, err);
}
