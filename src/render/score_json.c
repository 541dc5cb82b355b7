/* score_json.c — `rolescan score --format json`: the level, the
 * closest roles with their score parts, gaps, advice and lateral moves per
 * document; its shape is docs/schema/score.schema.json. */
#include "json_util.h"
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

#define S_SCHEMA_ID "urn:rolescan:schema:score:1"

static void S_skill_ids(rs_jg *j, const rs_lexicon *lex, const rs_roles *roles,
                        const rs_analysis *a, size_t role, bool want_found)
{
    rs__jg_array(j);
    rs_role_info info = rs_roles_role(roles, role);
    for (size_t i = 0; i < info.skill_count; i++) {
        rs_role_skill s = rs_roles_skill(roles, role, i);
        if ((rs_analysis_has_skill(a, s.skill) != 0) == want_found)
            rs__jg_str(j, rs_lexicon_skill(lex, s.skill).id);
    }
    rs__jg_array_end(j);
}

static void S_role_score(rs_jg *j, const rs_lexicon *lex, const rs_roles *roles,
                         const rs_analysis *a, const rs_role_score *sc)
{
    rs_role_info info = rs_roles_role(roles, sc->role);
    rs__jg_map(j);
    rs__jg_kstr(j, "id", info.id);
    rs__jg_kstr(j, "title", info.title);
    rs__jg_kstr(j, "track", info.track);
    rs__jg_kint(j, "rung", info.rung);
    rs__jg_kreal(j, "score", sc->score);
    rs__jg_kreal(j, "coverage", sc->coverage);
    rs__jg_kreal(j, "title_fit", sc->title_fit);
    rs__jg_kreal(j, "level_fit", sc->level_fit);
    rs__jg_key(j, "matched");
    S_skill_ids(j, lex, roles, a, sc->role, true);
    rs__jg_key(j, "missing");
    S_skill_ids(j, lex, roles, a, sc->role, false);
    rs__jg_map_end(j);
}

static void S_gaps(rs_jg *j, const rs_lexicon *lex, const rs_roles *roles,
                   const rs__gap_view *g)
{
    rs_role_info info = rs_roles_role(roles, g->role);
    rs_role_score sc = g->score;
    const rs_role_skill *miss = g->missing;
    size_t n = g->missing_count;
    rs__jg_map(j);
    rs__jg_kstr(j, "role", info.id);
    rs__jg_kstr(j, "title", info.title);
    rs__jg_kint(j, "rung", info.rung);
    rs__jg_kreal(j, "score", sc.score);
    rs__jg_key(j, "missing");
    rs__jg_array(j);
    for (size_t i = 0; i < n; i++) {
        rs_skill_info s = rs_lexicon_skill(lex, miss[i].skill);
        rs__jg_map(j);
        rs__jg_kstr(j, "id", s.id);
        rs__jg_kstr(j, "name", s.name);
        rs__jg_kstr(j, "weight", rs__weight_name(miss[i].weight));
        rs__jg_kstr_or_null(j, "why", miss[i].why);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

static void S_level(rs_jg *j, const rs__doc_view *v)
{
    const rs_analysis *a = v->analysis;
    rs__jg_map(j);
    rs__jg_kint(j, "rung", v->rung);
    rs__jg_kreal(j, "confidence", v->confidence);
    rs__jg_key(j, "evidence");
    rs__jg_array(j);
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        rs__jg_map(j);
        rs__jg_kstr(j, "kind", rs_evidence_kind_name(e->kind));
        rs__jg_kstr(j, "text", e->text);
        rs__jg_kstr_or_null(j, "role", e->role_title);
        if (e->line)
            rs__jg_kint(j, "line", e->line);
        else
            rs__jg_knull(j, "line");
        rs__jg_kint(j, "rung", e->rung);
        rs__jg_kreal(j, "weight", e->weight);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

static void S_experience(rs_jg *j, const rs_document *doc, const rs_analysis *a)
{
    rs__jg_map(j);
    long months = rs_analysis_months(a);
    rs__jg_kint(j, "months", months);
    rs__jg_kint(j, "stated_years", rs_analysis_stated_years(a));
    rs__jg_key(j, "ranges");
    rs__jg_array(j);
    const char *text = rs_text_data(rs_document_text(doc));
    for (size_t i = 0; i < rs_analysis_range_count(a); i++) {
        const rs_range *r = rs_analysis_range(a, i);
        rs__jg_map(j);
        /* a duration has no dates, only its length */
        if (r->undated) {
            rs__jg_knull(j, "start");
            rs__jg_knull(j, "end");
        } else {
            rs__jg_kdate(j, "start", r->start);
            rs__jg_kdate(j, "end", r->end);
        }
        rs__jg_kbool(j, "present", r->open_ended);
        rs__jg_kint(j, "line", r->line);
        rs__jg_kstrn(j, "text", text + r->orig_start, r->orig_end - r->orig_start);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

static void S_titles(rs_jg *j, const rs_roles *roles, const rs_document *doc,
                     const rs_analysis *a)
{
    rs__jg_array(j);
    const char *text = rs_text_data(rs_document_text(doc));
    for (size_t i = 0; i < rs_analysis_title_count(a); i++) {
        const rs_found_title *t = rs_analysis_title(a, i);
        size_t a0 = rs_document_original_offset(doc, t->match.norm_start);
        size_t a1 = rs_document_original_offset(doc, t->match.norm_end);
        rs__jg_map(j);
        rs__jg_kstrn(j, "text", text + a0, a1 > a0 ? a1 - a0 : 0);
        rs__jg_kint(j, "line", t->line);
        rs__jg_kstr(j, "role", rs_roles_role(roles, t->match.role).id);
        rs__jg_kint(j, "rung", t->match.rung);
        rs__jg_kbool(j, "current", t->current);
        rs__jg_kbool(j, "exact", t->match.exact);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
}

static void S_advice(rs_jg *j, const rs_roles *roles, const rs_analysis *a, size_t role)
{
    rs__jg_map(j);
    rs_role_info info = rs_roles_role(roles, role);
    rs__jg_key(j, "steps");
    rs__jg_array(j);
    for (size_t i = 0; i < info.advice_count; i++)
        rs__jg_str(j, rs_roles_advice(roles, role, i));
    rs__jg_array_end(j);
    rs__jg_key(j, "lateral");
    rs__jg_array(j);
    for (size_t i = 0; i < info.lateral_count; i++) {
        size_t r = rs_roles_lateral(roles, role, i);
        rs_role_score sc = rs_analysis_score_role(a, r);
        rs_role_info li = rs_roles_role(roles, r);
        rs__jg_map(j);
        rs__jg_kstr(j, "role", li.id);
        rs__jg_kstr(j, "title", li.title);
        rs__jg_kstr(j, "track", li.track);
        rs__jg_kint(j, "rung", li.rung);
        rs__jg_kreal(j, "overlap", sc.coverage);
        rs__jg_kbool(j, "within_reach", sc.coverage >= RS_LATERAL_REACH);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

static void S_salary(rs_jg *j, const rs_roles *roles, size_t role)
{
    rs_role_info info = rs_roles_role(roles, role);
    if (!info.salary_currency) {
        rs__jg_null(j);
        return;
    }
    rs__jg_map(j);
    rs__jg_kstr(j, "role", info.id);
    rs__jg_kint(j, "min", info.salary_min);
    rs__jg_kint(j, "max", info.salary_max);
    rs__jg_kstr(j, "currency", info.salary_currency);
    rs__jg_kstr(j, "region", info.salary_region);
    rs__jg_kstr(j, "source", info.salary_source);
    rs__jg_map_end(j);
}

static void S_scope_evidence(rs_jg *j, rs_scope_evidence e)
{
    rs__jg_map(j);
    rs__jg_kreal(j, "title", e.title);
    rs__jg_kreal(j, "work", e.work);
    rs__jg_kreal(j, "skills", e.skills);
    rs__jg_kreal(j, "skills_found", e.skills_found);
    rs__jg_kreal(j, "other_job", e.other_job);
    rs__jg_kreal(j, "total", e.total);
    rs__jg_kreal(j, "needed", e.needed);
    rs__jg_map_end(j);
}

/* The fields of an analysed document, into the object the caller opened. */
static void S_analysis(rs_jg *j, const rs_roles *roles, const rs_lexicon *lex,
                       const rs__doc_view *r)
{
    const rs_analysis *a = r->analysis;
    rs__jg_kbool(j, "in_scope", r->in_scope);
    rs__jg_kstr_or_null(j, "out_of_scope_reason", r->why);
    rs__jg_kstr(j, "scope_reason", rs_analysis_scope_reason(a));
    rs__jg_key(j, "scope_evidence");
    S_scope_evidence(j, rs_analysis_scope_evidence(a));
    rs__jg_kbool(j, "track_unclear", rs_analysis_track_unclear(a));
    rs__jg_key(j, "level");
    S_level(j, r);
    rs__jg_key(j, "experience");
    S_experience(j, r->doc, a);
    rs__jg_key(j, "titles");
    S_titles(j, roles, r->doc, a);
    rs__jg_key(j, "roles");
    rs__jg_array(j);
    for (size_t i = 0; i < rs_analysis_role_count(a); i++)
        S_role_score(j, lex, roles, a, rs_analysis_role(a, i));
    rs__jg_array_end(j);
    rs__jg_key(j, "target");
    if (r->target == RS__NO_ROLE)
        rs__jg_null(j);
    else
        rs__jg_str(j, rs_roles_role(roles, r->target).id);
    if (r->focus == RS__NO_ROLE) {
        rs__jg_knull(j, "track");
        rs__jg_knull(j, "gaps");
        rs__jg_knull(j, "next_rung");
        rs__jg_knull(j, "advice");
        rs__jg_knull(j, "salary");
        return;
    }
    if (r->best == RS__NO_ROLE)   /* the document's track: the closest role's */
        rs__jg_knull(j, "track");
    else
        rs__jg_kstr(j, "track", rs_roles_role(roles, r->best).track);
    rs__jg_key(j, "gaps");
    S_gaps(j, lex, roles, &r->gaps);
    rs__jg_key(j, "next_rung");
    if (r->next == RS__NO_ROLE)
        rs__jg_null(j);
    else
        S_gaps(j, lex, roles, &r->next_gaps);
    rs__jg_key(j, "advice");
    S_advice(j, roles, a, r->focus);
    rs__jg_key(j, "salary");
    S_salary(j, roles, r->focus);
}

/* Whose resume it is, quoted with its line, or null. */
static void S_person(rs_jg *j, const rs__doc_view *r)
{
    rs__jg_key(j, "person");
    if (!r->has_person) {
        rs__jg_null(j);
        return;
    }
    const char *s = rs_text_data(rs_document_text(r->doc));
    rs__jg_map(j);
    rs__jg_kstrn(j, "name", s + r->person.orig_start, r->person.orig_end - r->person.orig_start);
    rs__jg_kint(j, "line", r->person.line);
    rs__jg_kint(j, "column", r->person.column);
    rs__jg_map_end(j);
}

/* One document's entry: input, status, then the error or the analysis. */
static void S_document(rs_jg *j, const rs_report *rep, const rs__doc_view *r)
{
    rs__jg_map(j);
    rs__jg_kstr(j, "input", r->name);
    if (!r->analysis) {
        rs__jg_kstr(j, "status", "error");
        if (r->error) {
            rs__jg_key(j, "error");
            rs__json_error(j, r->error);
        }
    } else {
        rs__jg_kstr(j, "status", "ok");
        rs__json_warnings(j, r->doc, r->scan);
        S_person(j, r);
        S_analysis(j, rep->roles, rep->lex, r);
    }
    rs__jg_map_end(j);
}

rs_status rs__render_score_json(const rs_report *rep, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    (void)flags;
    rs_buf b;
    rs_jg j;
    rs__json_document(&j, &b, S_SCHEMA_ID, rep->lex, rep->roles, rep->as_of);
    rs__jg_key(&j, "documents");
    rs__jg_array(&j);
    for (size_t i = 0; i < rep->count && !j.failed; i++)
        S_document(&j, rep, &rep->docs[i]);
    rs__jg_array_end(&j);
    rs__jg_map_end(&j);
    return rs__jg_finish(&j, &b, out, len, err);
}

static void S_line(rs_jg *j, const void *ctx, size_t i)
{
    const rs_report *rep = ctx;
    S_document(j, rep, &rep->docs[i]);
}

rs_status rs__render_score_jsonl(const rs_report *rep, unsigned flags, char **out,
                                 size_t *len, rs_error *err)
{
    (void)flags;
    return rs__jg_lines(rep->count, S_line, rep, out, len, err);
}
