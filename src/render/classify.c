/* classify.c — one line per posting for `rolescan classify`: a CSV
 * row (RFC 4180), a JSON object (JSON Lines) or a table row. The fields are
 * the same in all three: id, status, track, rung, role and its score, the
 * runner-up, required years, the skills asked for, and a message. */
#include "internal.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_TABLE_HEADER "id                                   status  track        rung  role                      score  runner-up                 years  skills\n"
#define S_CSV_HEADER "id,status,track,rung,seniority,role,role_title,score,runner_up,runner_up_score,years_required,skill_count,skills,message\n"

const char *rs_classify_header(rs_classify_format format)
{
    switch (format) {
    case RS_CLASSIFY_CSV: return S_CSV_HEADER;
    case RS_CLASSIFY_TABLE: return S_TABLE_HEADER;
    default: return "";
    }
}

/* Said of an engineering text that names no track: the role shown is the
 * nearest guess, which an analyst may want to filter out. */
#define S_TRACK_UNCLEAR "track unclear: neither a title nor the skills name a track; the role is the nearest guess"

/* The fields every format shares. */
typedef struct S_fields {
    const char *status;
    const char *track;
    int rung;
    int seniority;   /* the level the title states, any field; 0 unknown */
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
    f.seniority = rs_analysis_seniority(c->analysis);
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
    if (best && !*f.message && rs_analysis_track_unclear(c->analysis))
        f.message = S_TRACK_UNCLEAR;
    return f;
}

/* The next skill listed from *pos on: what the posting asks for when its
 * requirements were read, else each skill found directly; RS_NOT_FOUND
 * past the end. */
static size_t S_next_skill(const rs_classification *c, size_t *pos)
{
    if (c->asked) {
        const rs_requirement *q = rs_requirements_get(c->asked, (*pos)++);
        return q ? q->skill : RS_NOT_FOUND;
    }
    while (c->scan && *pos < rs_scan_hit_count(c->scan)) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, (*pos)++);
        if (h->implied_by == RS_NOT_FOUND)
            return h->skill;
    }
    return RS_NOT_FOUND;
}

static size_t S_skill_count(const rs_classification *c)
{
    size_t n = 0, pos = 0;
    while (S_next_skill(c, &pos) != RS_NOT_FOUND)
        n++;
    return n;
}

static void S_csv(rs_buf *b, const rs_lexicon *lex, const rs_classification *c, const S_fields *f)
{
    rs__escape_csv(b, c->id);
    rs__buf_printf(b, ",%s,%s,", f->status, f->track);
    if (f->rung)
        rs__buf_printf(b, "%d", f->rung);
    rs__buf_putc(b, ',');
    if (f->seniority)
        rs__buf_printf(b, "%d", f->seniority);
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
    rs__buf_printf(b, ",%zu,", S_skill_count(c));
    rs_buf skills;
    rs__buf_init(&skills, 0);
    for (size_t pos = 0, k; (k = S_next_skill(c, &pos)) != RS_NOT_FOUND;) {
        if (skills.len)
            rs__buf_putc(&skills, ';');
        rs__buf_puts(&skills, rs_lexicon_skill(lex, k).id);
    }
    if (skills.failed)   /* a short skill list never goes out as RS_OK */
        b->failed = true;
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
    if (cell.failed)   /* an empty id cell never goes out as RS_OK */
        b->failed = true;
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
    rs__buf_printf(b, "  %zu\n", S_skill_count(c));
}

/* "key":"string" or "key":null when the string is empty. */
static void S_json_str(rs_buf *b, const char *key, const char *v)
{
    rs__buf_printf(b, ",\"%s\":", key);
    if (*v)
        rs__escape_json(b, v);
    else
        rs__buf_puts(b, "null");
}

/* "key":N or "key":null when there is none (0). */
static void S_json_int(rs_buf *b, const char *key, int v)
{
    if (v)
        rs__buf_printf(b, ",\"%s\":%d", key, v);
    else
        rs__buf_printf(b, ",\"%s\":null", key);
}

static void S_json_num(rs_buf *b, const char *key, bool present, double v)
{
    rs__buf_printf(b, ",\"%s\":", key);
    if (present)
        rs__json_real(b, v);
    else
        rs__buf_puts(b, "null");
}

typedef struct S_span {
    size_t start, end;
    const char *skill;
} S_span;

static int S_cmp_span(const void *x, const void *y)
{
    const S_span *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

/* "matches": every place a skill was found (not implied), in text order. */
static bool S_json_matches(rs_buf *b, const rs_lexicon *lex, const rs_classification *c)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; c->scan && i < rs_scan_hit_count(c->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, i);
        n += h->implied_by == (size_t)-1 ? h->evidence_count : 0;
    }
    S_span *spans = rs__malloc((n ? n : 1) * sizeof *spans);
    if (!spans)
        return false;
    for (size_t i = 0; c->scan && i < rs_scan_hit_count(c->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, i);
        for (size_t e = 0; h->implied_by == (size_t)-1 && e < h->evidence_count; e++)
            spans[k++] = (S_span){h->evidence[e].orig_start, h->evidence[e].orig_end,
                                  rs_lexicon_skill(lex, h->skill).id};
    }
    if (n)
        qsort(spans, n, sizeof *spans, S_cmp_span);
    rs__buf_puts(b, ",\"matches\":[");
    for (size_t i = 0; i < n; i++) {
        rs__buf_puts(b, i ? ",{\"skill\":" : "{\"skill\":");
        rs__escape_json(b, spans[i].skill);
        rs__buf_printf(b, ",\"start\":%zu,\"end\":%zu}", spans[i].start, spans[i].end);
    }
    rs__free(spans);
    return rs__buf_putc(b, ']');
}

/* One flat object, written directly: a tree per posting cost more than the
 * matching did. Key order and number forms are the schema's. */
static void S_json(rs_buf *b, const rs_lexicon *lex, const rs_classification *c,
                   const S_fields *f)
{
    rs__buf_puts(b, "{\"id\":");
    rs__escape_json(b, c->id);
    S_json_str(b, "status", f->status);
    S_json_str(b, "track", f->track);
    S_json_int(b, "rung", f->rung);
    S_json_int(b, "seniority", f->seniority);
    S_json_str(b, "role", f->role);
    S_json_str(b, "role_title", *f->role ? f->role_title : "");
    S_json_num(b, "score", *f->role, f->score);
    S_json_str(b, "runner_up", f->runner_up);
    S_json_num(b, "runner_up_score", *f->runner_up, f->runner_up_score);
    S_json_int(b, "years_required", f->years);
    rs__buf_puts(b, ",\"skills\":[");
    bool first = true;
    for (size_t pos = 0, k; (k = S_next_skill(c, &pos)) != RS_NOT_FOUND;) {
        if (!first)
            rs__buf_putc(b, ',');
        first = false;
        rs__escape_json(b, rs_lexicon_skill(lex, k).id);
    }
    rs__buf_putc(b, ']');
    S_json_str(b, "message", f->message);
    if (c->spans && !S_json_matches(b, lex, c))
        b->failed = true;
    if (c->timed)
        rs__buf_printf(b, ",\"micros\":%ld", c->micros);
    rs__buf_puts(b, "}\n");
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
        S_json(&b, lex, c, &f);
    }
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, c->id);
}

rs_batch_row rs_classification_row(const rs_roles *roles, const rs_classification *c)
{
    S_fields f = S_collect(roles, c);
    return (rs_batch_row){
        .id = c->id,
        .status = f.status,
        .track = *f.track ? f.track : NULL,
        .rung = f.rung,
        .role_title = *f.role ? f.role_title : NULL,
        .score = f.score,
        .message = f.message && *f.message ? f.message : NULL,
    };
}
