/* render_classify.c — one line per posting for `rolescan classify`: a CSV
 * row (RFC 4180), a JSON object (JSON Lines) or a table row. The fields are
 * the same in all three: id, status, track, rung, role and its score, the
 * runner-up, required years, the skills asked for, and a message. */
#include "json_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_TABLE_HEADER "id                                   status  track        rung  role                      score  runner-up                 years  skills\n"
#define S_CSV_HEADER "id,status,track,rung,role,role_title,score,runner_up,runner_up_score,years_required,skill_count,skills,message\n"

const char *rs_classify_header(rs_classify_format format)
{
    switch (format) {
    case RS_CLASSIFY_CSV: return S_CSV_HEADER;
    case RS_CLASSIFY_TABLE: return S_TABLE_HEADER;
    default: return "";
    }
}

/* The fields every format shares. */
typedef struct S_fields {
    const char *status;
    const char *track;
    int rung;
    const char *role, *role_title, *runner_up;
    double score, runner_up_score;
    int years;
    const char *message;
} S_fields;

static S_fields S_collect(const rs_roles *roles, const rs_classification *c)
{
    S_fields f = {.status = "ok", .track = "", .role = "", .role_title = "",
                  .runner_up = "", .message = c->warning ? c->warning : ""};
    if (!c->analysis) {
        f.status = "error";
        f.message = c->error ? c->error->message : "not classified";
        return f;
    }
    const char *why = NULL;
    if (!rs_analysis_in_scope(c->analysis, &why)) {
        f.status = "out_of_scope";
        f.message = why;
        return f;
    }
    f.years = rs_analysis_stated_years(c->analysis);
    f.rung = rs_analysis_rung(c->analysis, NULL);
    const rs_role_score *best = rs_analysis_role(c->analysis, 0);
    const rs_role_score *second = rs_analysis_role(c->analysis, 1);
    if (best) {
        rs_role_info info = rs_roles_role(roles, best->role);
        f.track = info.track;
        f.role = info.id;
        f.role_title = info.title;
        f.score = best->score;
    }
    if (second) {
        f.runner_up = rs_roles_role(roles, second->role).id;
        f.runner_up_score = second->score;
    }
    return f;
}

static size_t S_direct_skills(const rs_classification *c)
{
    size_t n = 0;
    for (size_t i = 0; c->scan && i < rs_scan_hit_count(c->scan); i++)
        n += rs_scan_hit(c->scan, i)->implied_by == (size_t)-1;
    return n;
}

static void S_csv(rs_buf *b, const rs_lexicon *lex, const rs_classification *c, const S_fields *f)
{
    rs__escape_csv(b, c->id);
    rs__buf_printf(b, ",%s,%s,", f->status, f->track);
    if (f->rung)
        rs__buf_printf(b, "%d", f->rung);
    rs__buf_printf(b, ",%s,", f->role);
    rs__escape_csv(b, f->role_title);
    if (*f->role)
        rs__buf_printf(b, ",%.1f,%s,", f->score, f->runner_up);
    else
        rs__buf_printf(b, ",,%s,", f->runner_up);
    if (*f->runner_up)
        rs__buf_printf(b, "%.1f", f->runner_up_score);
    rs__buf_putc(b, ',');
    if (f->years)
        rs__buf_printf(b, "%d", f->years);
    rs__buf_printf(b, ",%zu,", S_direct_skills(c));
    rs_buf skills;
    rs__buf_init(&skills, 0);
    for (size_t i = 0; c->scan && i < rs_scan_hit_count(c->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, i);
        if (h->implied_by != (size_t)-1)
            continue;
        if (skills.len)
            rs__buf_putc(&skills, ';');
        rs__buf_puts(&skills, rs_lexicon_skill(lex, h->skill).id);
    }
    rs__escape_csv(b, skills.data ? skills.data : "");
    rs__buf_free(&skills);
    rs__buf_putc(b, ',');
    rs__escape_csv(b, f->message);
    rs__buf_puts(b, "\r\n");   /* RFC 4180 line ends */
}

static void S_table(rs_buf *b, const rs_classification *c, const S_fields *f)
{
    char id[40];
    size_t n = strlen(c->id);
    snprintf(id, sizeof id, "%s%s", n > 36 ? "…" : "", n > 36 ? c->id + n - 34 : c->id);
    rs_buf cell;
    rs__buf_init(&cell, 0);
    rs__escape_terminal(&cell, id, strlen(id));
    rs__buf_printf(b, "%-36s %-7s ", cell.data ? cell.data : "",
                   strcmp(f->status, "out_of_scope") == 0 ? "n/a" : f->status);
    rs__buf_free(&cell);
    if (!*f->role) {
        rs__buf_puts(b, "  ");
        rs__escape_terminal(b, f->message, strlen(f->message));
        rs__buf_putc(b, '\n');
        return;
    }
    rs__buf_printf(b, "%-12s %4d  %-24s %5.1f  %-24s ", f->track, f->rung, f->role, f->score,
                   f->runner_up);
    if (f->years)
        rs__buf_printf(b, "%5d", f->years);
    else
        rs__buf_printf(b, "%5s", "-");
    rs__buf_printf(b, "  %zu\n", S_direct_skills(c));
}

static char *S_json(const rs_lexicon *lex, const rs_classification *c, const S_fields *f)
{
    bool ok = true;
    json_t *o = json_object();
    rs__json_set(o, "id", json_string(c->id), &ok);
    rs__json_set(o, "status", json_string(f->status), &ok);
    rs__json_set(o, "track", *f->track ? json_string(f->track) : json_null(), &ok);
    rs__json_set(o, "rung", f->rung ? json_integer(f->rung) : json_null(), &ok);
    rs__json_set(o, "role", *f->role ? json_string(f->role) : json_null(), &ok);
    rs__json_set(o, "role_title", *f->role ? json_string(f->role_title) : json_null(), &ok);
    rs__json_set(o, "score", *f->role ? json_real(f->score) : json_null(), &ok);
    rs__json_set(o, "runner_up", *f->runner_up ? json_string(f->runner_up) : json_null(), &ok);
    rs__json_set(o, "runner_up_score", *f->runner_up ? json_real(f->runner_up_score) : json_null(), &ok);
    rs__json_set(o, "years_required", f->years ? json_integer(f->years) : json_null(), &ok);
    json_t *skills = json_array();
    for (size_t i = 0; c->scan && i < rs_scan_hit_count(c->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, i);
        if (h->implied_by == (size_t)-1)
            rs__json_push(skills, json_string(rs_lexicon_skill(lex, h->skill).id), &ok);
    }
    rs__json_set(o, "skills", skills, &ok);
    rs__json_set(o, "message", *f->message ? json_string(f->message) : json_null(), &ok);
    char *s = ok ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    return s;
}

rs_status rs_render_classification(const rs_roles *roles, const rs_lexicon *lex,
                                   const rs_classification *c, rs_classify_format format,
                                   char **out, size_t *len, rs_error *err)
{
    S_fields f = S_collect(roles, c);
    rs_buf b;
    rs__buf_init(&b, 0);
    if (format == RS_CLASSIFY_CSV) {
        S_csv(&b, lex, c, &f);
    } else if (format == RS_CLASSIFY_TABLE) {
        S_table(&b, c, &f);
    } else {
        char *s = S_json(lex, c, &f);
        if (!s)
            return rs__nomem(err, c->id);
        rs__buf_puts(&b, s);
        rs__buf_putc(&b, '\n');
        free(s);
    }
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, c->id);
}
