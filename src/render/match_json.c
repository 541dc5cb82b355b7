/* match_json.c — `rolescan match --format json`
 * (docs/schema/match.schema.json). */
#include "json_util.h"
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

#define S_SCHEMA_ID "urn:rolescan:schema:match:1"

/* ---- JSON -------------------------------------------------------------- */

/* "key": N, or null when there is none (0) */
static void S_kint_or_null(rs_jg *j, const char *key, long long v)
{
    if (v)
        rs__jg_kint(j, key, v);
    else
        rs__jg_knull(j, key);
}

/* "key": a skill's id, or null for none */
static void S_kskill_or_null(rs_jg *j, const rs_lexicon *lex, const char *key, size_t skill)
{
    rs__jg_key(j, key);
    if (skill != (size_t)-1)
        rs__jg_str(j, rs_lexicon_skill(lex, skill).id);
    else
        rs__jg_null(j);
}

static void S_requirement(rs_jg *j, const rs_lexicon *lex, const rs_requirement *q)
{
    rs_skill_info info = rs_lexicon_skill(lex, q->skill);
    rs__jg_map(j);
    rs__jg_kstr(j, "skill", info.id);
    rs__jg_kstr(j, "name", info.name);
    rs__jg_kstr(j, "kind", rs__requirement_kind_name(q->kind));
    rs__jg_kreal(j, "weight", q->weight);
    rs__jg_kstr(j, "section", rs_section_name(q->section));
    rs__jg_kint(j, "line", q->line);
    rs__jg_kint(j, "mentions", (long long)q->mentions);
    S_kint_or_null(j, "years_required", q->years_required);
    rs__jg_kstr(j, "evidence", rs__requirement_evidence_name(q));
    rs__jg_kreal(j, "years_used", q->years_used);
    if (q->last_used.year)
        rs__jg_kdate(j, "last_used", q->last_used);
    else
        rs__jg_knull(j, "last_used");
    rs__jg_kreal(j, "credit", q->credit);
    S_kint_or_null(j, "group", (long long)q->group);
    S_kskill_or_null(j, lex, "related", q->related);
    S_kskill_or_null(j, lex, "met_by", q->met_by);
    rs__jg_map_end(j);
}

static void S_sections(rs_jg *j, const rs_match *m, int posting)
{
    rs__jg_array(j);
    for (size_t i = 0; i < rs_match_section_count(m, posting); i++) {
        const rs_section *s = rs_match_section(m, posting, i);
        rs__jg_map(j);
        rs__jg_kstr(j, "kind", rs_section_name(s->kind));
        rs__jg_kint(j, "first_line", s->first_line);
        rs__jg_kint(j, "last_line", s->last_line);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
}

static void S_jobs(rs_jg *j, const rs_match *m)
{
    rs__jg_array(j);
    for (size_t i = 0; i < rs_match_job_count(m); i++) {
        const rs_job *job = rs_match_job(m, i);
        rs__jg_map(j);
        rs__jg_kstr(j, "title", job->title);
        rs__jg_kstr(j, "employer", job->employer);
        /* a position known only by its length has no dates */
        if (job->undated) {
            rs__jg_knull(j, "start");
            rs__jg_knull(j, "end");
        } else {
            rs__jg_kdate(j, "start", job->start);
            if (job->open_ended)
                rs__jg_kstr(j, "end", "present");
            else
                rs__jg_kdate(j, "end", job->end);
        }
        rs__jg_kint(j, "line", job->line);
        rs__jg_kint(j, "first_line", job->first_line);
        rs__jg_kint(j, "last_line", job->last_line);
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
}

/* Opens a level object with its rung and role; the caller adds the years
 * and closes it. */
static void S_level_open(rs_jg *j, const rs_roles *roles, int rung, size_t role)
{
    rs__jg_map(j);
    S_kint_or_null(j, "rung", rung);
    rs__jg_key(j, "role");
    if (role != (size_t)-1)
        rs__jg_str(j, rs_roles_role(roles, role).id);
    else
        rs__jg_null(j);
}

static void S_warnings(rs_jg *j, const rs_match *m, int posting)
{
    rs__jg_array(j);
    for (size_t i = 0; m && i < rs_match_warning_count(m, posting); i++)
        rs__jg_str(j, rs_match_warning(m, posting, i));
    rs__jg_array_end(j);
}

/* The resume's warnings, which every match copied: from the first. */
static const rs_match *S_first_match(const rs_report *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->matches[i].match)
            return r->matches[i].match;
    return NULL;
}

/* A posting's entry; with the resume's name and warnings first when
 * `rep` is given (a JSON Lines record stands alone). */
static void S_match_json(rs_jg *j, const rs_roles *roles, const rs_lexicon *lex,
                         const rs_match_result *r, const rs_report *rep)
{
    rs__jg_map(j);
    if (rep) {
        rs__jg_kstr(j, "resume", rep->resume_name);
        rs__jg_key(j, "resume_warnings");
        S_warnings(j, S_first_match(rep), 0);
    }
    rs__jg_kstr(j, "posting", r->name);
    if (!r->match) {
        rs__jg_kstr(j, "status", "error");
        rs__jg_key(j, "error");
        rs__json_error(j, r->error);
        rs__jg_map_end(j);
        return;
    }
    const rs_match *m = r->match;
    rs_match_score s = rs_match_get_score(m);
    rs__jg_kstr(j, "status", "ok");
    rs__jg_kstr(j, "title", rs_match_posting_title(m));
    rs__jg_kreal(j, "score", s.score);
    rs__jg_key(j, "parts");
    rs__jg_map(j);
    rs__jg_kreal(j, "must", s.must);
    rs__jg_kreal(j, "preferred", s.preferred);
    rs__jg_kreal(j, "fit", s.fit);
    rs__jg_kreal(j, "years", s.years);
    rs__jg_map_end(j);
    rs__jg_key(j, "weights");
    rs__jg_map(j);
    rs__jg_kreal(j, "must", s.w_must);
    rs__jg_kreal(j, "preferred", s.w_preferred);
    rs__jg_kreal(j, "fit", s.w_fit);
    rs__jg_kreal(j, "years", s.w_years);
    rs__jg_map_end(j);
    rs__jg_kstr_or_null(j, "note", s.note);
    rs__jg_key(j, "posting_level");
    S_level_open(j, roles, rs_match_posting_rung(m), rs_match_posting_role(m));
    S_kint_or_null(j, "years_required", rs_match_years_required(m));
    rs__jg_map_end(j);
    rs__jg_key(j, "resume_level");
    S_level_open(j, roles, rs_match_resume_rung(m), rs_match_resume_role(m));
    rs__jg_kreal(j, "years", rs_match_resume_years(m));
    rs__jg_map_end(j);
    rs__jg_key(j, "requirements");
    rs__jg_array(j);
    for (size_t i = 0; i < rs_match_requirement_count(m); i++)
        S_requirement(j, lex, rs_match_requirement(m, i));
    rs__jg_array_end(j);
    rs__jg_key(j, "not_required");
    rs__jg_array(j);
    for (size_t i = 0; i < rs_match_negated_count(m); i++)
        rs__jg_str(j, rs_lexicon_skill(lex, rs_match_negated(m, i)).id);
    rs__jg_array_end(j);
    rs__jg_key(j, "suggestions");
    rs__jg_array(j);
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++)
        rs__jg_str(j, rs_match_suggestion(m, i));
    rs__jg_array_end(j);
    rs__jg_key(j, "positions");
    S_jobs(j, m);
    rs__jg_key(j, "warnings");
    S_warnings(j, m, 1);
    rs__jg_key(j, "sections");
    rs__jg_map(j);
    rs__jg_key(j, "resume");
    S_sections(j, m, 0);
    rs__jg_key(j, "posting");
    S_sections(j, m, 1);
    rs__jg_map_end(j);
    rs__jg_map_end(j);
}

rs_status rs__render_match_json(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    (void)flags;
    const rs_roles *roles = r->roles;
    const rs_lexicon *lex = r->lex;
    rs_buf b;
    rs_jg j;
    rs__json_document(&j, &b, S_SCHEMA_ID, lex, roles, r->as_of);
    rs__jg_kstr(&j, "resume", r->resume_name);
    rs__jg_key(&j, "resume_warnings");
    S_warnings(&j, S_first_match(r), 0);
    rs__jg_key(&j, "postings");
    rs__jg_array(&j);
    for (size_t i = 0; i < r->count && !j.failed; i++)
        S_match_json(&j, roles, lex, &r->matches[i], NULL);
    rs__jg_array_end(&j);
    rs__jg_map_end(&j);
    return rs__jg_finish(&j, &b, out, len, err);
}

static void S_line(rs_jg *j, const void *ctx, size_t i)
{
    const rs_report *r = ctx;
    S_match_json(j, r->roles, r->lex, &r->matches[i], r);
}

rs_status rs__render_match_jsonl(const rs_report *r, unsigned flags, char **out, size_t *len,
                                 rs_error *err)
{
    (void)flags;
    return rs__jg_lines(r->count, S_line, r, out, len, err);
}
