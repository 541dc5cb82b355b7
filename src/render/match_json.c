/* match_json.c — `rolescan match --format json`
 * (docs/schema/match.schema.json). */
#include "json_util.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <string.h>

#define S_SCHEMA_ID "https://rolescan.dev/schema/match-1.json"

/* ---- JSON -------------------------------------------------------------- */

#define S_set rs__json_set
#define S_push rs__json_push

static json_t *S_requirement(const rs_lexicon *lex, const rs_requirement *q, bool *ok)
{
    rs_skill_info info = rs_lexicon_skill(lex, q->skill);
    json_t *o = json_object();
    S_set(o, "skill", json_string(info.id), ok);
    S_set(o, "name", json_string(info.name), ok);
    S_set(o, "kind", json_string(rs__requirement_kind_name(q->kind)), ok);
    S_set(o, "weight", json_real(q->weight), ok);
    S_set(o, "section", json_string(rs_section_name(q->section)), ok);
    S_set(o, "line", json_integer(q->line), ok);
    S_set(o, "mentions", json_integer((json_int_t)q->mentions), ok);
    S_set(o, "years_required", q->years_required ? json_integer(q->years_required) : json_null(),
          ok);
    S_set(o, "evidence", json_string(rs__requirement_evidence_name(q)), ok);
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
