/* render_match.c — `rolescan match`: a resume against postings, best
 * first, as readable text, JSON (docs/schema/match.schema.json) or CSV
 * (one row per posting). */
#include "json_util.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <string.h>

#define S_SCHEMA_ID "https://rolescan.dev/schema/match-1.json"
#define S_LIST_SHOWN 12

/* Where the resume shows a requirement. */
static const char *S_evidence_kind(const rs_requirement *q)
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

static const char *S_kind(rs_req_kind k) { return k == RS_REQ_MUST ? "must" : "preferred"; }

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
                       int group)
{
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *q = rs_match_requirement(m, i);
        int g = rs_requirement_standing(q);
        if (g != group || !rs_match_requirement_leads(m, i))
            continue;
        if (total++ == 0)
            rs__buf_printf(b, "   %s\n", label);
        if (shown++ >= S_LIST_SHOWN)
            continue;
        rs__buf_puts(b, "     ");
        S_text(b, rs_lexicon_skill(lex, q->skill).name);
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
                rs__buf_printf(b, "; %s", S_evidence_kind(q));
        }
        rs__buf_puts(b, ")\n");
    }
    if (total > S_LIST_SHOWN)
        rs__buf_printf(b, "     (and %zu more; --format json lists all)\n", total - S_LIST_SHOWN);
}

static void S_text_one(rs_buf *b, const rs_roles *roles, const rs_lexicon *lex, size_t rank,
                       const rs_match_result *r)
{
    rs__buf_printf(b, "%zu. ", rank);
    S_text(b, r->name);
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
    rs__buf_printf(b, "\n   score %.1f = must-haves %.0f%% × %.0f + preferred %.0f%% × %.0f + "
                      "fit %.2f × %.0f + years %.2f × %.0f\n",
                   s.score, s.must * 100, s.w_must, s.preferred * 100, s.w_preferred, s.fit,
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
    S_req_list(b, lex, m, "Missing must-haves:", 0);
    S_req_list(b, lex, m, "Missing nice-to-haves:", 1);
    S_req_list(b, lex, m, "What you have that it asks for:", 2);
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

rs_status rs_render_match_text(const rs_roles *roles, const rs_lexicon *lex,
                               const char *resume_name, const rs_match_result *results,
                               size_t count, unsigned flags, char **out, size_t *len,
                               rs_error *err)
{
    (void)flags;
    rs_buf b;
    rs__buf_init(&b, 0);
    S_text(&b, resume_name);
    rs__buf_printf(&b, " against %zu posting%s, best first\n\n", count, count == 1 ? "" : "s");
    for (size_t i = 0; i < count; i++)
        S_text_one(&b, roles, lex, i + 1, &results[i]);
    rs__buf_printf(&b, "lexicon %s, %s; roles %s\n", rs_lexicon_version(lex), rs_lexicon_hash(lex),
                   rs_roles_version(roles));
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}

/* ---- JSON -------------------------------------------------------------- */

#define S_set rs__json_set
#define S_push rs__json_push

static json_t *S_requirement(const rs_lexicon *lex, const rs_requirement *q, bool *ok)
{
    rs_skill_info info = rs_lexicon_skill(lex, q->skill);
    json_t *o = json_object();
    S_set(o, "skill", json_string(info.id), ok);
    S_set(o, "name", json_string(info.name), ok);
    S_set(o, "kind", json_string(S_kind(q->kind)), ok);
    S_set(o, "weight", json_real(q->weight), ok);
    S_set(o, "section", json_string(rs_section_name(q->section)), ok);
    S_set(o, "line", json_integer(q->line), ok);
    S_set(o, "mentions", json_integer((json_int_t)q->mentions), ok);
    S_set(o, "years_required", q->years_required ? json_integer(q->years_required) : json_null(),
          ok);
    S_set(o, "evidence", json_string(S_evidence_kind(q)), ok);
    S_set(o, "years_used", json_real(q->years_used), ok);
    S_set(o, "last_used", q->last_used.year ? rs__json_date(q->last_used) : json_null(), ok);
    S_set(o, "credit", json_real(q->credit), ok);
    S_set(o, "group", q->group ? json_integer((json_int_t)q->group) : json_null(), ok);
    S_set(o, "related", q->related != (size_t)-1
                            ? json_string(rs_lexicon_skill(lex, q->related).id)
                            : json_null(), ok);
    S_set(o, "met_by", q->met_by != (size_t)-1 ? json_string(rs_lexicon_skill(lex, q->met_by).id)
                                               : json_null(), ok);
    return o;
}

static json_t *S_sections(const rs_match *m, int posting, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < rs_match_section_count(m, posting); i++) {
        const rs_section *s = rs_match_section(m, posting, i);
        json_t *o = json_object();
        S_set(o, "kind", json_string(rs_section_name(s->kind)), ok);
        S_set(o, "first_line", json_integer(s->first_line), ok);
        S_set(o, "last_line", json_integer(s->last_line), ok);
        S_push(arr, o, ok);
    }
    return arr;
}

static json_t *S_jobs(const rs_match *m, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < rs_match_job_count(m); i++) {
        const rs_job *j = rs_match_job(m, i);
        json_t *o = json_object();
        S_set(o, "title", json_string(j->title), ok);
        S_set(o, "employer", json_string(j->employer), ok);
        /* a position known only by its length has no dates */
        S_set(o, "start", j->undated ? json_null() : rs__json_date(j->start), ok);
        S_set(o, "end", j->undated        ? json_null()
                        : j->open_ended ? json_string("present")
                                        : rs__json_date(j->end),
              ok);
        S_set(o, "line", json_integer(j->line), ok);
        S_set(o, "first_line", json_integer(j->first_line), ok);
        S_set(o, "last_line", json_integer(j->last_line), ok);
        S_push(arr, o, ok);
    }
    return arr;
}

static json_t *S_level(const rs_roles *roles, int rung, size_t role, bool *ok)
{
    json_t *o = json_object();
    S_set(o, "rung", rung ? json_integer(rung) : json_null(), ok);
    S_set(o, "role", role != (size_t)-1 ? json_string(rs_roles_role(roles, role).id) : json_null(),
          ok);
    return o;
}

static json_t *S_match_json(const rs_roles *roles, const rs_lexicon *lex,
                            const rs_match_result *r, bool *ok)
{
    json_t *o = json_object();
    S_set(o, "posting", json_string(r->name), ok);
    if (!r->match) {
        S_set(o, "status", json_string("error"), ok);
        S_set(o, "error", rs__json_error(r->error, ok), ok);
        return o;
    }
    const rs_match *m = r->match;
    rs_match_score s = rs_match_get_score(m);
    S_set(o, "status", json_string("ok"), ok);
    S_set(o, "title", json_string(rs_match_posting_title(m)), ok);
    S_set(o, "score", json_real(s.score), ok);
    json_t *parts = json_object();
    S_set(parts, "must", json_real(s.must), ok);
    S_set(parts, "preferred", json_real(s.preferred), ok);
    S_set(parts, "fit", json_real(s.fit), ok);
    S_set(parts, "years", json_real(s.years), ok);
    S_set(o, "parts", parts, ok);
    json_t *weights = json_object();
    S_set(weights, "must", json_real(s.w_must), ok);
    S_set(weights, "preferred", json_real(s.w_preferred), ok);
    S_set(weights, "fit", json_real(s.w_fit), ok);
    S_set(weights, "years", json_real(s.w_years), ok);
    S_set(o, "weights", weights, ok);
    S_set(o, "note", rs__json_str_or_null(s.note), ok);
    json_t *pl = S_level(roles, rs_match_posting_rung(m), rs_match_posting_role(m), ok);
    int yr = rs_match_years_required(m);
    S_set(pl, "years_required", yr ? json_integer(yr) : json_null(), ok);
    S_set(o, "posting_level", pl, ok);
    json_t *rl = S_level(roles, rs_match_resume_rung(m), rs_match_resume_role(m), ok);
    S_set(rl, "years", json_real(rs_match_resume_years(m)), ok);
    S_set(o, "resume_level", rl, ok);
    json_t *reqs = json_array();
    for (size_t i = 0; i < rs_match_requirement_count(m); i++)
        S_push(reqs, S_requirement(lex, rs_match_requirement(m, i), ok), ok);
    S_set(o, "requirements", reqs, ok);
    json_t *neg = json_array();
    for (size_t i = 0; i < rs_match_negated_count(m); i++)
        S_push(neg, json_string(rs_lexicon_skill(lex, rs_match_negated(m, i)).id), ok);
    S_set(o, "not_required", neg, ok);
    json_t *sug = json_array();
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++)
        S_push(sug, json_string(rs_match_suggestion(m, i)), ok);
    S_set(o, "suggestions", sug, ok);
    S_set(o, "positions", S_jobs(m, ok), ok);
    json_t *secs = json_object();
    S_set(secs, "resume", S_sections(m, 0, ok), ok);
    S_set(secs, "posting", S_sections(m, 1, ok), ok);
    S_set(o, "sections", secs, ok);
    return o;
}

rs_status rs_render_match_json(const rs_roles *roles, const rs_lexicon *lex,
                               const char *resume_name, const rs_match_result *results,
                               size_t count, rs_date as_of, char **out, size_t *len,
                               rs_error *err)
{
    bool ok = true;
    json_t *root = json_object();
    S_set(root, "$schema", json_string(S_SCHEMA_ID), &ok);
    S_set(root, "rolescan", json_string(RS_VERSION), &ok);
    S_set(root, "lexicon", rs__json_lexicon(lex, &ok), &ok);
    S_set(root, "roles_version", json_string(rs_roles_version(roles)), &ok);
    S_set(root, "as_of", rs__json_date(as_of), &ok);
    S_set(root, "resume", json_string(resume_name), &ok);
    json_t *arr = json_array();
    for (size_t i = 0; i < count; i++)
        S_push(arr, S_match_json(roles, lex, &results[i], &ok), &ok);
    S_set(root, "postings", arr, &ok);
    return rs__json_finish(root, ok, out, len, err);
}

/* ---- CSV --------------------------------------------------------------- */

/* Skill ids of one group of requirements, ';'-separated. */
static void S_ids(rs_buf *b, const rs_lexicon *lex, const rs_match *m, int group)
{
    rs_buf ids;
    rs__buf_init(&ids, 0);
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *q = rs_match_requirement(m, i);
        int g = rs_requirement_standing(q);
        if (g != group)
            continue;
        if (ids.len)
            rs__buf_putc(&ids, ';');
        rs__buf_puts(&ids, rs_lexicon_skill(lex, q->skill).id);
    }
    if (ids.failed)   /* a short id list never goes out as RS_OK */
        b->failed = true;
    rs__escape_csv(b, ids.data ? ids.data : "");
    rs__buf_free(&ids);
}

rs_status rs_render_match_csv(const rs_roles *roles, const rs_lexicon *lex,
                              const char *resume_name, const rs_match_result *results,
                              size_t count, char **out, size_t *len, rs_error *err)
{
    (void)roles;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs__buf_puts(&b, "rank,resume,posting,title,score,must,preferred,fit,years,posting_rung,"
                     "resume_rung,missing_must,missing_preferred,have,not_required,error\r\n");
    for (size_t i = 0; i < count; i++) {
        const rs_match_result *r = &results[i];
        rs__buf_printf(&b, "%zu,", i + 1);
        rs__escape_csv(&b, resume_name);
        rs__buf_putc(&b, ',');
        rs__escape_csv(&b, r->name);
        if (!r->match) {
            rs__buf_puts(&b, ",,,,,,,,,,,,,");
            rs__escape_csv(&b, r->error ? r->error->message : "not matched");
            rs__buf_puts(&b, "\r\n");
            continue;
        }
        const rs_match *m = r->match;
        rs_match_score s = rs_match_get_score(m);
        rs__buf_putc(&b, ',');
        rs__escape_csv(&b, rs_match_posting_title(m));
        rs__buf_printf(&b, ",%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,", s.score, s.must, s.preferred,
                       s.fit, s.years, rs_match_posting_rung(m), rs_match_resume_rung(m));
        S_ids(&b, lex, m, 0);
        rs__buf_putc(&b, ',');
        S_ids(&b, lex, m, 1);
        rs__buf_putc(&b, ',');
        S_ids(&b, lex, m, 2);
        rs__buf_putc(&b, ',');
        rs_buf neg;
        rs__buf_init(&neg, 0);
        for (size_t k = 0; k < rs_match_negated_count(m); k++)
            rs__buf_printf(&neg, "%s%s", k ? ";" : "", rs_lexicon_skill(lex, rs_match_negated(m, k)).id);
        if (neg.failed)   /* as in S_ids */
            b.failed = true;
        rs__escape_csv(&b, neg.data ? neg.data : "");
        rs__buf_free(&neg);
        rs__buf_puts(&b, ",\r\n");
    }
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
