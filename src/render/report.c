/* report.c — building each product's report once, and writing it in a
 * format. Everything a reader is shown that takes a choice is chosen here,
 * so text, JSON and HTML cannot disagree: the closest role and the next
 * rung, the gaps, the moves within reach, the ladder, the skill groups and
 * a classification's fields. */
#include "render/report_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const S_product_names[RS__PRODUCTS] = {"scan", "score", "match",
                                                          "classification", "batch"};
static const char *const S_output_names[] = {"text", "JSON", "JSON Lines", "CSV", "HTML"};

static const rs__renderer S_renderers[RS__PRODUCTS][RS_OUTPUT_HTML + 1] = {
    [RS__SCAN] = {[RS_OUTPUT_TEXT] = rs__render_scan_text,
                  [RS_OUTPUT_JSON] = rs__render_scan_json},
    [RS__SCORE] = {[RS_OUTPUT_TEXT] = rs__render_score_text,
                   [RS_OUTPUT_JSON] = rs__render_score_json,
                   [RS_OUTPUT_JSONL] = rs__render_score_jsonl,
                   [RS_OUTPUT_HTML] = rs__render_score_html},
    [RS__MATCH] = {[RS_OUTPUT_TEXT] = rs__render_match_text,
                   [RS_OUTPUT_JSON] = rs__render_match_json,
                   [RS_OUTPUT_JSONL] = rs__render_match_jsonl,
                   [RS_OUTPUT_CSV] = rs__render_match_csv},
    [RS__CLASSIFICATION] = {[RS_OUTPUT_TEXT] = rs__render_classify_table,
                            [RS_OUTPUT_CSV] = rs__render_classify_csv,
                            [RS_OUTPUT_JSONL] = rs__render_classify_jsonl},
    [RS__BATCH] = {[RS_OUTPUT_TEXT] = rs__render_batch_text,
                   [RS_OUTPUT_HTML] = rs__render_batch_html},
};

/* ---- choices shared by every format -------------------------------------- */

/* The skills the text names most, in its own words (not implied, not only
 * negated or in passing); scan order breaks ties. */
static void S_top_skills(rs__doc_view *v)
{
    for (size_t i = 0; i < rs_scan_hit_count(v->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(v->scan, i);
        if (h->implied_by != (size_t)-1 || !rs_hit_claimed(v->doc, h))
            continue;
        size_t at = v->top_count < RS__TOP_SKILLS ? v->top_count++ : RS__TOP_SKILLS;
        while (at > 0 && rs_scan_hit(v->scan, v->top[at - 1])->count < h->count) {
            if (at < RS__TOP_SKILLS)
                v->top[at] = v->top[at - 1];
            at--;
        }
        if (at < RS__TOP_SKILLS)
            v->top[at] = i;
    }
}

/* The hits of a scan as runs of one category, and how many are implied or
 * claim nothing (only negated or known in passing). */
static bool S_skill_groups(const rs_lexicon *lex, rs__doc_view *v)
{
    size_t n = rs_scan_hit_count(v->scan);
    v->groups = n ? rs__calloc(n, sizeof *v->groups) : NULL;
    if (n && !v->groups)
        return false;
    for (size_t i = 0; i < n; i++) {
        const rs_skill_hit *h = rs_scan_hit(v->scan, i);
        const char *category = rs_lexicon_skill(lex, h->skill).category;
        rs__skill_group *g = v->group_count ? &v->groups[v->group_count - 1] : NULL;
        if (!g || strcmp(g->category, category) != 0) {
            g = &v->groups[v->group_count++];
            *g = (rs__skill_group){category, i, 0};
        }
        g->count++;
        v->implied += h->implied_by != (size_t)-1;
        v->unclaimed += h->implied_by == (size_t)-1 && !rs_hit_claimed(v->doc, h);
    }
    S_top_skills(v);
    return true;
}

static void S_gap_view(const rs_analysis *a, size_t role, rs__gap_view *g)
{
    g->role = role;
    g->missing_count = 0;
    if (role == RS__NO_ROLE)
        return;
    g->score = rs_analysis_score_role(a, role);
    g->missing_count = rs_analysis_missing(a, role, g->missing, RS__GAPS_KEPT);
}

/* The role at `rung` on the track, else the backend ladder's (the
 * executive rungs are shared), else RS__NO_ROLE. */
static size_t S_role_at(const rs_roles *roles, const char *track, int rung)
{
    size_t fallback = RS__NO_ROLE;
    for (size_t i = 0; i < rs_roles_count(roles); i++) {
        rs_role_info r = rs_roles_role(roles, i);
        if (r.rung != rung)
            continue;
        if (strcmp(r.track, track) == 0)
            return i;
        if (strcmp(r.track, "backend") == 0)
            fallback = i;
    }
    return fallback;
}

/* Where the analysed document stands: shown on the ladder only when it is
 * in scope and some role was scored. */
static void S_standing(const rs_roles *roles, rs__doc_view *v)
{
    const rs_analysis *a = v->analysis;
    const rs_role_score *best = rs_analysis_role(a, 0);
    v->in_scope = rs_analysis_in_scope(a, &v->why);
    v->rung = rs_analysis_rung(a, &v->confidence);
    v->best = best ? best->role : RS__NO_ROLE;
    size_t target = rs_analysis_target(a);
    v->target = target != (size_t)-1 ? target : RS__NO_ROLE;
    v->focus = v->target != RS__NO_ROLE ? v->target : v->best;
    v->next = v->focus != RS__NO_ROLE ? rs_roles_next(roles, v->focus) : RS__NO_ROLE;
    v->placed = v->in_scope && best;
    for (size_t i = 1; best && i < rs_analysis_role_count(a); i++)
        v->leads_over_score |= rs_analysis_role(a, i)->score > best->score;
    S_gap_view(a, v->focus, &v->gaps);
    S_gap_view(a, v->next, &v->next_gaps);
    v->reach_count = best ? rs_analysis_laterals(a, v->focus, v->reach, RS__REACH_KEPT) : 0;
    const char *track = best ? rs_roles_role(roles, v->best).track : "";
    for (int rung = 0; rung <= RS__RUNGS; rung++)
        v->ladder[rung] = best && rung ? S_role_at(roles, track, rung) : RS__NO_ROLE;
}

const char *rs_row_status_name(rs_row_status status)
{
    switch (status) {
    case RS_ROW_OK: return "ok";
    case RS_ROW_OUT_OF_SCOPE: return "out_of_scope";
    case RS_ROW_ERROR: return "error";
    }
    return "error";
}

void rs__row_fields(const rs_roles *roles, const rs_classification *c, rs__row_view *f)
{
    *f = (rs__row_view){.status = RS_ROW_OK, .track = "", .role = "", .role_title = "",
                        .runner_up = "", .message = c->warning ? c->warning : ""};
    if (!c->analysis) {
        f->status = RS_ROW_ERROR;
        f->message = c->error ? c->error->message : "not classified";
        return;
    }
    const char *why = NULL;
    f->seniority = rs_analysis_seniority(c->analysis);
    if (!rs_analysis_in_scope(c->analysis, &why)) {
        f->status = RS_ROW_OUT_OF_SCOPE;
        f->message = f->reason = why;
        if (c->warning && *c->warning) {   /* the reason, and what the input warned */
            snprintf(f->joined, sizeof f->joined, "%s; %s", why, c->warning);
            f->message = f->joined;
        }
        return;
    }
    f->years = rs_analysis_stated_years(c->analysis);
    f->rung = rs_analysis_rung(c->analysis, NULL);
    const rs_role_score *best = rs_analysis_role(c->analysis, 0);
    const rs_role_score *second = rs_analysis_role(c->analysis, 1);
    if (best) {
        rs_role_info info = rs_roles_role(roles, best->role);
        f->track = info.track;
        f->role = info.id;
        f->role_title = info.title;
        f->score = best->score;
    }
    if (second) {
        f->runner_up = rs_roles_role(roles, second->role).id;
        f->runner_up_score = second->score;
    }
    if (best && !*f->message && rs_analysis_track_unclear(c->analysis))
        f->message = "track unclear: neither a title nor the skills name a track; the role is "
                     "the nearest guess";
}

/* ---- building ------------------------------------------------------------- */

static rs_status S_new(rs__product product, const rs_report_options *opts, rs_report **out,
                       rs_error *err)
{
    *out = NULL;
    if (opts && opts->abi_version != RS_ABI_VERSION)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "rs_report_options of ABI version %u; this library reads %u",
                        opts->abi_version, RS_ABI_VERSION);
    rs_report *r = rs__calloc(1, sizeof *r);
    if (!r)
        return rs__nomem(err, NULL);
    r->product = product;
    r->as_of = opts && opts->as_of.year ? opts->as_of : rs_date_today();
    r->match = opts ? opts->match : NULL;
    r->job_name = opts ? opts->job_name : NULL;
    *out = r;
    return RS_OK;
}

static rs_status S_docs(rs_report *r, size_t count, rs_error *err)
{
    r->docs = count ? rs__calloc(count, sizeof *r->docs) : NULL;
    if (count && !r->docs)
        return rs__nomem(err, NULL);
    r->count = count;
    return RS_OK;
}

/* Returns st after freeing a half-built report. */
static rs_status S_abandon(rs_report **out, rs_status st)
{
    rs_report_free(*out);
    *out = NULL;
    return st;
}

rs_status rs_report_scan(const rs_lexicon *lex, const rs_scan_result *results, size_t count,
                         const rs_report_options *opts, rs_report **out, rs_error *err)
{
    rs_status st = S_new(RS__SCAN, opts, out, err);
    if (st || (st = S_docs(*out, count, err)))
        return *out ? S_abandon(out, st) : st;
    (*out)->lex = lex;
    for (size_t i = 0; i < count; i++) {
        const rs_scan_result *in = &results[i];
        rs__doc_view *v = &(*out)->docs[i];
        *v = (rs__doc_view){.name = in->name, .doc = in->doc, .scan = in->scan,
                            .error = in->error, .best = RS__NO_ROLE,
                            .target = RS__NO_ROLE, .focus = RS__NO_ROLE, .next = RS__NO_ROLE};
        if (v->doc && v->scan && !S_skill_groups(lex, v))
            return S_abandon(out, rs__nomem(err, in->name));
    }
    return RS_OK;
}

rs_status rs_report_score(const rs_roles *roles, const rs_lexicon *lex,
                          const rs_score_result *results, size_t count,
                          const rs_report_options *opts, rs_report **out, rs_error *err)
{
    rs_status st = S_new(RS__SCORE, opts, out, err);
    if (st || (st = S_docs(*out, count, err)))
        return *out ? S_abandon(out, st) : st;
    (*out)->roles = roles;
    (*out)->lex = lex;
    for (size_t i = 0; i < count; i++) {
        const rs_score_result *in = &results[i];
        rs__doc_view *v = &(*out)->docs[i];
        *v = (rs__doc_view){.name = in->name, .doc = in->doc, .scan = in->scan,
                            .analysis = in->analysis, .error = in->error,
                            .best = RS__NO_ROLE, .target = RS__NO_ROLE,
                            .focus = RS__NO_ROLE, .next = RS__NO_ROLE};
        if (!v->analysis)
            continue;
        S_standing(roles, v);
        int person = v->doc ? rs_document_person(roles, v->doc, v->scan, &v->person) : 0;
        v->has_person = person == 1;
        if (person < 0 || (v->doc && v->scan && !S_skill_groups(lex, v)))
            return S_abandon(out, rs__nomem(err, in->name));
    }
    return RS_OK;
}

rs_status rs_report_match(const rs_roles *roles, const rs_lexicon *lex, const char *resume_name,
                          const rs_match_result *results, size_t count,
                          const rs_report_options *opts, rs_report **out, rs_error *err)
{
    rs_status st = S_new(RS__MATCH, opts, out, err);
    if (st)
        return st;
    rs_report *r = *out;
    r->roles = roles;
    r->lex = lex;
    r->resume_name = resume_name;
    r->matches = results;
    r->count = count;
    return RS_OK;
}

rs_status rs_report_classification(const rs_roles *roles, const rs_lexicon *lex,
                                   const rs_classification *c, rs_report **out, rs_error *err)
{
    rs_status st = S_new(RS__CLASSIFICATION, NULL, out, err);
    if (st)
        return st;
    rs_report *r = *out;
    r->roles = roles;
    r->lex = lex;
    r->row = c;
    rs__row_fields(roles, c, &r->fields);
    return RS_OK;
}

rs_status rs_report_batch(const rs_batch *batch, const rs_report_options *opts, rs_report **out,
                          rs_error *err)
{
    rs_status st = S_new(RS__BATCH, opts, out, err);
    if (st)
        return st;
    (*out)->batch = batch;
    return RS_OK;
}

void rs_report_free(rs_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; r->docs && i < r->count; i++)
        rs__free(r->docs[i].groups);
    rs__free(r->docs);
    rs__free(r);
}

/* ---- writing -------------------------------------------------------------- */

rs_status rs_render(const rs_report *r, rs_output format, unsigned flags, char **out,
                    size_t *len, rs_error *err)
{
    *out = NULL;
    if (len)
        *len = 0;
    if (!r)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no report to render");
    rs__renderer render = (unsigned)format <= RS_OUTPUT_HTML ? S_renderers[r->product][format]
                                                             : NULL;
    if (!render)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "a %s report has no %s form",
                        S_product_names[r->product],
                        (unsigned)format <= RS_OUTPUT_HTML ? S_output_names[format] : "such");
    size_t ignored;
    return render(r, flags, out, len ? len : &ignored, err);
}
