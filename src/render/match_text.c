/* match_text.c — `rolescan match` as readable text: a resume against
 * postings, best first, with what each asks for and where the resume shows it. */
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

#define S_LIST_SHOWN 12

/* ---- text -------------------------------------------------------------- */

static void S_text(rs_buf *b, const char *s) { rs__escape_terminal(b, s, strlen(s)); }

/* " or Dagster, Prefect — you have Airflow": the other members of a
 * group of alternatives, and the one that meets it when it is another. */
static void S_alternatives(rs_buf *b, const rs_lexicon *lex, const rs_match *m,
                           const rs_requirement *q)
{
    if (!q->group)
        return;
    size_t others = 0;
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *o = rs_match_requirement(m, i);
        if (o->group != q->group || o->skill == q->skill)
            continue;
        rs__buf_puts(b, others++ ? ", " : " or ");
        S_text(b, rs_lexicon_skill(lex, o->skill).name);
    }
    if (q->met_by != (size_t)-1 && q->met_by != q->skill) {
        rs__buf_puts(b, " — met by ");
        S_text(b, rs_lexicon_skill(lex, q->met_by).name);
    }
}

static void S_req_list(rs_buf *b, const rs_lexicon *lex, const rs_match *m, const char *label,
                       int group, const rs__style *st)
{
    const char *tone = group == 2 ? st->good : group == 0 ? st->bad : "";
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *q = rs_match_requirement(m, i);
        int g = rs_requirement_standing(q);
        if (g != group || !rs_match_requirement_leads(m, i))
            continue;
        if (total++ == 0)
            rs__buf_printf(b, "   %s%s%s\n", st->bold, label, st->reset);
        if (shown++ >= S_LIST_SHOWN)
            continue;
        rs__buf_printf(b, "     %s", tone);
        S_text(b, rs_lexicon_skill(lex, q->skill).name);
        rs__buf_puts(b, *tone ? st->reset : "");
        S_alternatives(b, lex, m, q);
        rs__buf_printf(b, "  (%s, weight %.1f", rs_section_name(q->section), q->weight);
        if (q->years_required)
            rs__buf_printf(b, ", %d+ years asked", q->years_required);
        if (group == 2) {
            if (q->skills_only)
                rs__buf_puts(b, "; only under Skills");
            else if (q->years_used > 0)
                rs__buf_printf(b, "; %.1f years, last %04d-%02d", q->years_used,
                               q->last_used.year, q->last_used.month);
            else if (q->related != (size_t)-1)
                rs__buf_printf(b, "; related: you have %s, credit %.1f",
                               rs_lexicon_skill(lex, q->related).name, q->credit);
            else if (q->familiar)
                rs__buf_printf(b, "; you name it only as familiar, credit %.1f", q->credit);
            else
                rs__buf_printf(b, "; %s", rs__requirement_evidence_name(q));
        }
        rs__buf_puts(b, ")\n");
    }
    if (total > S_LIST_SHOWN)
        rs__buf_printf(b, "     (and %zu more; --format json lists all)\n", total - S_LIST_SHOWN);
}

static void S_text_one(rs_buf *b, const rs_roles *roles, const rs_lexicon *lex, size_t rank,
                       const rs_match_result *r, const rs__style *st)
{
    rs__buf_printf(b, "%s%zu. ", st->bold, rank);
    S_text(b, r->name);
    rs__buf_puts(b, st->reset);
    if (!r->match) {
        rs__buf_puts(b, ": error: ");
        S_text(b, r->error ? r->error->message : "not matched");
        rs__buf_puts(b, "\n\n");
        return;
    }
    const rs_match *m = r->match;
    rs_match_score s = rs_match_get_score(m);
    rs__buf_puts(b, " — ");
    S_text(b, rs_match_posting_title(m));
    rs__buf_printf(b, "\n   %sscore %.1f%s = must-haves %.0f%% × %.0f + preferred %.0f%% × %.0f + "
                      "fit %.2f × %.0f + years %.2f × %.0f\n",
                   st->bold, s.score, st->reset, s.must * 100, s.w_must, s.preferred * 100, s.w_preferred, s.fit,
                   s.w_fit, s.years, s.w_years);
    if (s.note)
        rs__buf_printf(b, "   (%s)\n", s.note);
    rs__buf_printf(b, "   posting rung %d", rs_match_posting_rung(m));
    if (rs_match_posting_role(m) != (size_t)-1)
        rs__buf_printf(b, " (%s)", rs_roles_role(roles, rs_match_posting_role(m)).title);
    rs__buf_printf(b, ", your rung %d", rs_match_resume_rung(m));
    if (rs_match_years_required(m))
        rs__buf_printf(b, "; %d+ years asked, %.1f shown", rs_match_years_required(m),
                       rs_match_resume_years(m));
    rs__buf_putc(b, '\n');
    S_req_list(b, lex, m, "Missing must-haves:", 0, st);
    S_req_list(b, lex, m, "Missing nice-to-haves:", 1, st);
    S_req_list(b, lex, m, "What you have that it asks for:", 2, st);
    if (rs_match_negated_count(m)) {
        rs__buf_puts(b, "   Said not to be needed:");
        for (size_t i = 0; i < rs_match_negated_count(m); i++) {
            rs__buf_puts(b, i ? ", " : " ");
            S_text(b, rs_lexicon_skill(lex, rs_match_negated(m, i)).name);
        }
        rs__buf_putc(b, '\n');
    }
    if (rs_match_suggestion_count(m))
        rs__buf_puts(b, "   Suggestions:\n");
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++) {
        rs__buf_puts(b, "     • ");
        S_text(b, rs_match_suggestion(m, i));
        rs__buf_putc(b, '\n');
    }
    rs__buf_putc(b, '\n');
}

rs_status rs__render_match_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    rs__style st = rs__style_for(flags);
    rs_buf b;
    rs__buf_init(&b, 0);
    S_text(&b, r->resume_name);
    rs__buf_printf(&b, " against %zu posting%s, best first\n\n", r->count,
                   r->count == 1 ? "" : "s");
    for (size_t i = 0; i < r->count; i++)
        S_text_one(&b, r->roles, r->lex, i + 1, &r->matches[i], &st);
    rs__buf_printf(&b, "%slexicon %s, %s; roles %s%s\n", st.dim, rs_lexicon_version(r->lex),
                   rs_lexicon_hash(r->lex), rs_roles_version(r->roles), st.reset);
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
