/* score_text.c — the readable report of `rolescan score`: where the
 * person stands and why, the closest roles with their score parts, the
 * gaps for the closest role and the next rung, next steps and lateral
 * moves. Every claim names the line of the text it rests on. */
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

#define S_GAPS_SHOWN 8

static void S_text(rs_buf *b, const char *s) { rs__escape_terminal(b, s, strlen(s)); }

static void S_bar(rs_buf *b, double score)
{
    int full = (int)(score / 10 + 0.5);
    for (int i = 0; i < 10; i++)
        rs__buf_puts(b, i < full ? "█" : "░");
}

static void S_level(rs_buf *b, const rs_roles *roles, const rs__doc_view *v, const rs__style *st)
{
    const rs_analysis *a = v->analysis;
    rs_role_info info = rs_roles_role(roles, v->best);
    rs__buf_printf(b, "  %sRung %d of 8%s, closest role ", st->bold, v->rung, st->reset);
    S_text(b, info.title);
    rs__buf_printf(b, " (%s)  %sconfidence %.2f%s\n", info.track_name, st->dim, v->confidence,
                   st->reset);
    if (v->target != RS__NO_ROLE) {
        rs_role_info t = rs_roles_role(roles, v->target);
        rs_role_score ts = rs_analysis_score_role(a, v->target);
        rs__buf_printf(b, "  %sTarget role%s ", st->bold, st->reset);
        S_text(b, t.title);
        rs__buf_printf(b, " (rung %d): score %.1f", t.rung, ts.score);
        if (v->target == v->best)
            rs__buf_puts(b, ", the closest role too");
        rs__buf_putc(b, '\n');
    }
    rs__buf_printf(b, "    %s", st->dim);
    S_text(b, rs_analysis_scope_reason(a));
    rs__buf_printf(b, "%s\n", st->reset);
    if (rs_analysis_track_unclear(a))
        rs__buf_printf(b, "    %strack unclear: no title names one and few of any role's skills "
                          "were found; the closest role is the nearest guess%s\n",
                       st->dim, st->reset);
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        rs__buf_printf(b, "    %-15s", rs_evidence_kind_name(e->kind));
        S_text(b, e->text);
        if (e->line)
            rs__buf_printf(b, "  %s(line %u)%s", st->dim, e->line, st->reset);
        if (e->role_title) {
            rs__buf_puts(b, "  as ");
            S_text(b, e->role_title);
        }
        rs__buf_printf(b, "  → rung %d\n", e->rung);
    }
    long months = rs_analysis_months(a);
    int stated = rs_analysis_stated_years(a);
    if (months > 0)
        rs__buf_printf(b, "    %sexperience: %ld months in %zu date range%s (overlaps merged)",
                       st->dim, months, rs_analysis_range_count(a),
                       rs_analysis_range_count(a) == 1 ? "" : "s");
    if (stated)
        rs__buf_printf(b, "%s%d years stated in the text", months > 0 ? "; " : "    experience: ",
                       stated);
    if (months > 0 || stated)
        rs__buf_printf(b, "%s\n", st->reset);
}

static void S_roles(rs_buf *b, const rs_roles *roles, const rs__doc_view *v, const rs__style *st)
{
    const rs_analysis *a = v->analysis;
    rs__buf_printf(b, "\n  %sClosest roles%s  %sscore = skills 50%% + title 30%% + level 20%%; skills "
                      "weighted core 3, important 2, nice to have 1%s\n",
                   st->bold, st->reset, st->dim, st->reset);
    if (v->leads_over_score)
        rs__buf_printf(b, "    %s%s%s\n", st->dim, RS__LEADS_NOTE, st->reset);
    for (size_t i = 0; i < rs_analysis_role_count(a); i++) {
        const rs_role_score *sc = rs_analysis_role(a, i);
        rs_role_info info = rs_roles_role(roles, sc->role);
        char title[80];
        snprintf(title, sizeof title, "%s", info.title);
        rs__buf_printf(b, "    %zu. %-34s rung %d  %5.1f ", i + 1, title, info.rung, sc->score);
        S_bar(b, sc->score);
        rs__buf_printf(b, "  %sskills %zu/%zu (%.0f%% weighted), title %.2f, level %.2f%s\n",
                       st->dim,
                       sc->matched, sc->total, sc->coverage * 100, sc->title_fit,
                       sc->level_fit, st->reset);
    }
}

static void S_gaps(rs_buf *b, const rs_roles *roles, const rs_lexicon *lex,
                   const rs__gap_view *g, const char *label, const rs__style *st)
{
    rs_role_info info = rs_roles_role(roles, g->role);
    rs_role_score sc = g->score;
    const rs_role_skill *miss = g->missing;
    size_t n = g->missing_count;
    rs__buf_printf(b, "\n  %s%s: ", st->bold, label);
    S_text(b, info.title);
    rs__buf_printf(b, " (rung %d)%s  %syou have %zu of its %zu skills%s\n", info.rung,
                   st->reset, st->dim, sc.matched, sc.total, st->reset);
    if (n == 0)
        rs__buf_printf(b, "    %snothing missing%s\n", st->good, st->reset);
    for (size_t i = 0; i < n && i < S_GAPS_SHOWN; i++) {
        rs__buf_printf(b, "    %s%-9s%s ", st->bad, rs__weight_name(miss[i].weight), st->reset);
        S_text(b, rs_lexicon_skill(lex, miss[i].skill).name);
        if (miss[i].why) {
            rs__buf_printf(b, "%s: ", st->dim);
            S_text(b, miss[i].why);
            rs__buf_puts(b, st->reset);
        }
        rs__buf_putc(b, '\n');
    }
    if (n > S_GAPS_SHOWN)
        rs__buf_printf(b, "    %s(and %zu more; --format json lists all)%s\n", st->dim,
                       n - S_GAPS_SHOWN, st->reset);
}

static void S_advice(rs_buf *b, const rs_roles *roles, const rs__doc_view *v, const rs__style *st)
{
    size_t role = v->focus;
    rs_role_info info = rs_roles_role(roles, role);
    if (info.advice_count)
        rs__buf_printf(b, "\n  %sNext steps%s\n", st->bold, st->reset);
    for (size_t i = 0; i < info.advice_count; i++) {
        rs__buf_puts(b, "    • ");
        S_text(b, rs_roles_advice(roles, role, i));
        rs__buf_putc(b, '\n');
    }
    size_t n = v->reach_count;
    if (n)
        rs__buf_printf(b, "\n  %sLateral moves within reach%s\n", st->bold, st->reset);
    else if (info.lateral_count)
        rs__buf_printf(b, "\n  %sLateral moves%s: none within reach yet (each needs %.0f%% of "
                          "its skills)\n", st->bold, st->reset, RS_LATERAL_REACH * 100);
    for (size_t i = 0; i < n; i++) {
        size_t r = v->reach[i];
        rs_role_info li = rs_roles_role(roles, r);
        rs_role_score sc = rs_analysis_score_role(v->analysis, r);
        rs__buf_puts(b, "    • ");
        S_text(b, li.title);
        rs__buf_printf(b, " (%s, rung %d): you have %.0f%% of its skills\n", li.track_name,
                       li.rung, sc.coverage * 100);
    }
    if (info.salary_currency) {
        char band[160];
        rs__salary_band(band, sizeof band, &info);
        rs__buf_printf(b, "\n  %sSalary band%s %s %s(source: %s)%s\n", st->bold, st->reset,
                       band, st->dim, info.salary_source, st->reset);
    }
}

static void S_document(rs_buf *b, const rs_roles *roles, const rs_lexicon *lex,
                       const rs__doc_view *r, unsigned flags, const rs__style *st)
{
    if (!r->analysis && (flags & RS_RENDER_NO_ERRORS))
        return;
    rs__buf_puts(b, st->bold);
    S_text(b, r->name);
    rs__buf_puts(b, st->reset);
    if (!r->analysis) {
        rs__buf_puts(b, ": error: ");
        S_text(b, r->error ? r->error->message : "not analysed");
        rs__buf_puts(b, "\n\n");
        return;
    }
    rs__buf_putc(b, '\n');
    if (!r->placed) {
        rs__buf_printf(b, "  %sOut of scope:%s ", st->bold, st->reset);
        S_text(b, r->why ? r->why : "no role scored");
        rs__buf_puts(b, "\n\n");
        return;
    }
    S_level(b, roles, r, st);
    S_roles(b, roles, r, st);
    S_gaps(b, roles, lex, &r->gaps,
           r->target != RS__NO_ROLE ? "Gaps for the target role" : "Gaps for the closest role", st);
    if (r->next != RS__NO_ROLE)
        S_gaps(b, roles, lex, &r->next_gaps, "Next rung", st);
    S_advice(b, roles, r, st);
    rs__buf_putc(b, '\n');
}

rs_status rs__render_score_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    rs__style st = rs__style_for(flags);
    rs_buf b;
    rs__buf_init(&b, 0);
    bool scored = false;   /* the lexicons are named only under a result */
    for (size_t i = 0; i < r->count; i++) {
        S_document(&b, r->roles, r->lex, &r->docs[i], flags, &st);
        scored |= r->docs[i].analysis != NULL;
    }
    if (scored)
        rs__buf_printf(&b, "%slexicon %s, %s; roles %s%s\n", st.dim,
                       rs_lexicon_version(r->lex), rs_lexicon_hash(r->lex),
                       rs_roles_version(r->roles), st.reset);
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
