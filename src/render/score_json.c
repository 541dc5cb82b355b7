/* score_json.c — `rolescan score --format json`: the level, the
 * closest roles with their score parts, gaps, advice and lateral moves per
 * document; its shape is docs/schema/score.schema.json. */
#include "json_util.h"

#include <stdio.h>
#include <string.h>

#define S_SCHEMA_ID "https://rolescan.dev/schema/score-1.json"
#define S_MAX_MISSING 64

#define S_set rs__json_set
#define S_push rs__json_push

static json_t *S_skill_ids(const rs_lexicon *lex, const rs_roles *roles, const rs_analysis *a,
                           size_t role, bool want_found, bool *ok)
{
    json_t *arr = json_array();
    rs_role_info info = rs_roles_role(roles, role);
    for (size_t i = 0; i < info.skill_count; i++) {
        rs_role_skill s = rs_roles_skill(roles, role, i);
        if ((rs_analysis_has_skill(a, s.skill) != 0) == want_found)
            S_push(arr, json_string(rs_lexicon_skill(lex, s.skill).id), ok);
    }
    return arr;
}

static json_t *S_role_score(const rs_lexicon *lex, const rs_roles *roles, const rs_analysis *a,
                            const rs_role_score *sc, bool *ok)
{
    rs_role_info info = rs_roles_role(roles, sc->role);
    json_t *o = json_object();
    S_set(o, "id", json_string(info.id), ok);
    S_set(o, "title", json_string(info.title), ok);
    S_set(o, "track", json_string(info.track), ok);
    S_set(o, "rung", json_integer(info.rung), ok);
    S_set(o, "score", json_real(sc->score), ok);
    S_set(o, "coverage", json_real(sc->coverage), ok);
    S_set(o, "title_fit", json_real(sc->title_fit), ok);
    S_set(o, "level_fit", json_real(sc->level_fit), ok);
    S_set(o, "matched", S_skill_ids(lex, roles, a, sc->role, true, ok), ok);
    S_set(o, "missing", S_skill_ids(lex, roles, a, sc->role, false, ok), ok);
    return o;
}

static const char *S_weight(rs_weight w)
{
    return w == RS_WEIGHT_CORE ? "core" : w == RS_WEIGHT_IMPORTANT ? "important" : "nice";
}

static json_t *S_gaps(const rs_lexicon *lex, const rs_roles *roles, const rs_analysis *a,
                      size_t role, bool *ok)
{
    rs_role_info info = rs_roles_role(roles, role);
    rs_role_score sc = rs_analysis_score_role(a, role);
    json_t *o = json_object();
    S_set(o, "role", json_string(info.id), ok);
    S_set(o, "title", json_string(info.title), ok);
    S_set(o, "rung", json_integer(info.rung), ok);
    S_set(o, "score", json_real(sc.score), ok);
    rs_role_skill miss[S_MAX_MISSING];
    size_t n = rs_analysis_missing(a, role, miss, S_MAX_MISSING);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        rs_skill_info s = rs_lexicon_skill(lex, miss[i].skill);
        json_t *m = json_object();
        S_set(m, "id", json_string(s.id), ok);
        S_set(m, "name", json_string(s.name), ok);
        S_set(m, "weight", json_string(S_weight(miss[i].weight)), ok);
        S_set(m, "why", rs__json_str_or_null(miss[i].why), ok);
        S_push(arr, m, ok);
    }
    S_set(o, "missing", arr, ok);
    return o;
}

static json_t *S_level(const rs_roles *roles, const rs_analysis *a, bool *ok)
{
    double conf;
    int rung = rs_analysis_rung(a, &conf);
    json_t *o = json_object();
    S_set(o, "rung", json_integer(rung), ok);
    S_set(o, "confidence", json_real(conf), ok);
    (void)roles;
    json_t *ev = json_array();
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        json_t *x = json_object();
        S_set(x, "kind", json_string(rs_evidence_kind_name(e->kind)), ok);
        S_set(x, "text", json_string(e->text), ok);
        S_set(x, "role", rs__json_str_or_null(e->role_title), ok);
        S_set(x, "line", e->line ? json_integer(e->line) : json_null(), ok);
        S_set(x, "rung", json_integer(e->rung), ok);
        S_set(x, "weight", json_real(e->weight), ok);
        S_push(ev, x, ok);
    }
    S_set(o, "evidence", ev, ok);
    return o;
}

static json_t *S_experience(const rs_document *doc, const rs_analysis *a, bool *ok)
{
    json_t *o = json_object();
    long months = rs_analysis_months(a);
    S_set(o, "months", json_integer(months), ok);
    S_set(o, "stated_years", json_integer(rs_analysis_stated_years(a)), ok);
    json_t *arr = json_array();
    const char *text = rs_text_data(rs_document_text(doc));
    for (size_t i = 0; i < rs_analysis_range_count(a); i++) {
        const rs_range *r = rs_analysis_range(a, i);
        json_t *x = json_object();
        /* a duration has no dates, only its length */
        S_set(x, "start", r->undated ? json_null() : rs__json_date(r->start), ok);
        S_set(x, "end", r->undated ? json_null() : rs__json_date(r->end), ok);
        S_set(x, "present", json_boolean(r->open_ended), ok);
        S_set(x, "line", json_integer(r->line), ok);
        S_set(x, "text", json_stringn(text + r->orig_start, r->orig_end - r->orig_start), ok);
        S_push(arr, x, ok);
    }
    S_set(o, "ranges", arr, ok);
    return o;
}

static json_t *S_titles(const rs_roles *roles, const rs_document *doc, const rs_analysis *a,
                        bool *ok)
{
    json_t *arr = json_array();
    const char *text = rs_text_data(rs_document_text(doc));
    for (size_t i = 0; i < rs_analysis_title_count(a); i++) {
        const rs_found_title *t = rs_analysis_title(a, i);
        size_t a0 = rs_document_original_offset(doc, t->match.norm_start);
        size_t a1 = rs_document_original_offset(doc, t->match.norm_end);
        json_t *x = json_object();
        S_set(x, "text", json_stringn(text + a0, a1 > a0 ? a1 - a0 : 0), ok);
        S_set(x, "line", json_integer(t->line), ok);
        S_set(x, "role", json_string(rs_roles_role(roles, t->match.role).id), ok);
        S_set(x, "rung", json_integer(t->match.rung), ok);
        S_set(x, "current", json_boolean(t->current), ok);
        S_set(x, "exact", json_boolean(t->match.exact), ok);
        S_push(arr, x, ok);
    }
    return arr;
}

static json_t *S_advice(const rs_roles *roles, const rs_analysis *a, size_t role, bool *ok)
{
    json_t *o = json_object();
    json_t *steps = json_array();
    rs_role_info info = rs_roles_role(roles, role);
    for (size_t i = 0; i < info.advice_count; i++)
        S_push(steps, json_string(rs_roles_advice(roles, role, i)), ok);
    S_set(o, "steps", steps, ok);
    json_t *lat = json_array();
    for (size_t i = 0; i < info.lateral_count; i++) {
        size_t r = rs_roles_lateral(roles, role, i);
        rs_role_score sc = rs_analysis_score_role(a, r);
        rs_role_info li = rs_roles_role(roles, r);
        json_t *x = json_object();
        S_set(x, "role", json_string(li.id), ok);
        S_set(x, "title", json_string(li.title), ok);
        S_set(x, "track", json_string(li.track), ok);
        S_set(x, "rung", json_integer(li.rung), ok);
        S_set(x, "overlap", json_real(sc.coverage), ok);
        S_set(x, "within_reach", json_boolean(sc.coverage >= RS_LATERAL_REACH), ok);
        S_push(lat, x, ok);
    }
    S_set(o, "lateral", lat, ok);
    return o;
}

static json_t *S_salary(const rs_roles *roles, size_t role, bool *ok)
{
    rs_role_info info = rs_roles_role(roles, role);
    if (!info.salary_currency)
        return json_null();
    json_t *o = json_object();
    S_set(o, "role", json_string(info.id), ok);
    S_set(o, "min", json_integer(info.salary_min), ok);
    S_set(o, "max", json_integer(info.salary_max), ok);
    S_set(o, "currency", json_string(info.salary_currency), ok);
    S_set(o, "region", json_string(info.salary_region), ok);
    S_set(o, "source", json_string(info.salary_source), ok);
    return o;
}

static json_t *S_scope_evidence(rs_scope_evidence e, bool *ok)
{
    json_t *o = json_object();
    S_set(o, "title", json_real(e.title), ok);
    S_set(o, "work", json_real(e.work), ok);
    S_set(o, "skills", json_real(e.skills), ok);
    S_set(o, "skills_found", json_real(e.skills_found), ok);
    S_set(o, "other_job", json_real(e.other_job), ok);
    S_set(o, "total", json_real(e.total), ok);
    S_set(o, "needed", json_real(e.needed), ok);
    return o;
}

static void S_analysis(json_t *o, const rs_roles *roles, const rs_lexicon *lex,
                       const rs_score_result *r, bool *ok)
{
    const rs_analysis *a = r->analysis;
    const char *why = NULL;
    bool in_scope = rs_analysis_in_scope(a, &why);
    S_set(o, "in_scope", json_boolean(in_scope), ok);
    S_set(o, "out_of_scope_reason", rs__json_str_or_null(why), ok);
    S_set(o, "scope_reason", json_string(rs_analysis_scope_reason(r->analysis)), ok);
    S_set(o, "scope_evidence", S_scope_evidence(rs_analysis_scope_evidence(a), ok), ok);
    S_set(o, "track_unclear", json_boolean(rs_analysis_track_unclear(r->analysis)), ok);
    S_set(o, "level", S_level(roles, a, ok), ok);
    S_set(o, "experience", S_experience(r->doc, a, ok), ok);
    S_set(o, "titles", S_titles(roles, r->doc, a, ok), ok);
    json_t *scores = json_array();
    for (size_t i = 0; i < rs_analysis_role_count(a); i++)
        S_push(scores, S_role_score(lex, roles, a, rs_analysis_role(a, i), ok), ok);
    S_set(o, "roles", scores, ok);
    const rs_role_score *best = rs_analysis_role(a, 0);
    if (!best) {
        S_set(o, "track", json_null(), ok);
        S_set(o, "gaps", json_null(), ok);
        S_set(o, "next_rung", json_null(), ok);
        S_set(o, "advice", json_null(), ok);
        S_set(o, "salary", json_null(), ok);
        return;
    }
    S_set(o, "track", json_string(rs_roles_role(roles, best->role).track), ok);
    S_set(o, "gaps", S_gaps(lex, roles, a, best->role, ok), ok);
    size_t next = rs_roles_next(roles, best->role);
    S_set(o, "next_rung", next == (size_t)-1 ? json_null() : S_gaps(lex, roles, a, next, ok), ok);
    S_set(o, "advice", S_advice(roles, a, best->role, ok), ok);
    S_set(o, "salary", S_salary(roles, best->role, ok), ok);
}

rs_status rs_render_score_json(const rs_roles *roles, const rs_lexicon *lex,
                               const rs_score_result *results, size_t count, rs_date as_of,
                               char **out, size_t *len, rs_error *err)
{
    bool ok = true;
    json_t *root = json_object();
    S_set(root, "$schema", json_string(S_SCHEMA_ID), &ok);
    S_set(root, "rolescan", json_string(RS_VERSION), &ok);
    S_set(root, "lexicon", rs__json_lexicon(lex, &ok), &ok);
    S_set(root, "roles_version", json_string(rs_roles_version(roles)), &ok);
    S_set(root, "as_of", rs__json_date(as_of), &ok);
    json_t *docs = json_array();
    for (size_t i = 0; i < count && ok; i++) {
        const rs_score_result *r = &results[i];
        json_t *o = json_object();
        S_set(o, "input", json_string(r->name), &ok);
        if (!r->analysis) {
            S_set(o, "status", json_string("error"), &ok);
            if (r->error)
                S_set(o, "error", rs__json_error(r->error, &ok), &ok);
        } else {
            S_set(o, "status", json_string("ok"), &ok);
            S_analysis(o, roles, lex, r, &ok);
        }
        S_push(docs, o, &ok);
    }
    S_set(root, "documents", docs, &ok);
    return rs__json_finish(root, ok, out, len, err);
}
