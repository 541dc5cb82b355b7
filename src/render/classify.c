/* classify.c — one line per posting for `rolescan classify`: a CSV
 * row (RFC 4180), a JSON object (JSON Lines) or a table row. The fields are
 * the same in all three: id, status, track, rung, role and its score, the
 * runner-up, required years, the skills asked for, and a message. */
#include "render/render_internal.h"
#include "render/report_internal.h"
#include "json_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_TABLE_HEADER "id                                   status  track        rung  role                      score  runner-up                 years  skills\n"
#define S_CSV_HEADER "id,status,track,rung,seniority,role,role_title,score,runner_up,runner_up_score,years_required,skill_count,skills,message\n"

const char *rs_classify_header(rs_output format)
{
    switch (format) {
    case RS_OUTPUT_CSV: return S_CSV_HEADER;
    case RS_OUTPUT_TEXT: return S_TABLE_HEADER;
    default: return "";
    }
}

/* The fields every format shares, chosen once by the report (report.c). */
typedef rs__row_view S_fields;

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
    rs__buf_printf(b, ",%s,%s,", rs_row_status_name(f->status), f->track);
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

static void S_table(rs_buf *b, const rs_lexicon *lex, const rs_classification *c,
                    const S_fields *f)
{
    (void)lex;
    char id[40];
    size_t n = strlen(c->id);
    snprintf(id, sizeof id, "%s%s", n > 36 ? "…" : "", n > 36 ? c->id + n - 34 : c->id);
    rs_buf cell;
    rs__buf_init(&cell, 0);
    rs__escape_terminal(&cell, id, strlen(id));
    if (cell.failed)   /* an empty id cell never goes out as RS_OK */
        b->failed = true;
    rs__buf_printf(b, "%-36s %-7s ", cell.data ? cell.data : "",
                   f->status == RS_ROW_OUT_OF_SCOPE ? "n/a" : rs_row_status_name(f->status));
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
static void S_json_str(rs_jg *j, const char *key, const char *v)
{
    rs__jg_key(j, key);
    if (*v)
        rs__jg_str(j, v);
    else
        rs__jg_null(j);
}

/* "key":N or "key":null when there is none (0). */
static void S_json_int(rs_jg *j, const char *key, int v)
{
    rs__jg_key(j, key);
    if (v)
        rs__jg_int(j, v);
    else
        rs__jg_null(j);
}

/* A score as these records have always written it: "%.6g", with ".0"
 * added when that reads as an integer (the exponent left as printf
 * writes it). */
static void S_json_num(rs_jg *j, const char *key, bool present, double v)
{
    rs__jg_key(j, key);
    if (!present) {
        rs__jg_null(j);
        return;
    }
    char num[40];
    snprintf(num, sizeof num, "%.6g", v);
    if (!strpbrk(num, ".eEn"))   /* "50" -> "50.0"; inf/nan never reach here */
        strcat(num, ".0");
    rs__jg_number(j, num);
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
static bool S_json_matches(rs_jg *j, const rs_lexicon *lex, const rs_classification *c)
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
    rs__jg_key(j, "matches");
    rs__jg_array(j);
    for (size_t i = 0; i < n; i++) {
        rs__jg_map(j);
        rs__jg_kstr(j, "skill", spans[i].skill);
        rs__jg_kint(j, "start", (long long)spans[i].start);
        rs__jg_kint(j, "end", (long long)spans[i].end);
        rs__jg_map_end(j);
    }
    rs__free(spans);
    rs__jg_array_end(j);
    return true;
}

/* One flat object, streamed by yajl in compact form (no tree per posting:
 * that cost more than the matching did). Key order and number forms are
 * the schema's. Strings go out as they are, not checked for UTF-8, and
 * control characters as \u00xx in lower case: as these records always
 * were. */
static void S_json(rs_buf *b, const rs_lexicon *lex, const rs_classification *c,
                   const S_fields *f)
{
    rs_jg j;
    if (!rs__jg_open(&j, b, RS_JG_LOWER_HEX)) {
        b->failed = true;
        return;
    }
    rs__jg_map(&j);
    rs__jg_kstr(&j, "id", c->id);
    S_json_str(&j, "status", rs_row_status_name(f->status));
    S_json_str(&j, "track", f->track);
    S_json_int(&j, "rung", f->rung);
    S_json_int(&j, "seniority", f->seniority);
    S_json_str(&j, "role", f->role);
    S_json_str(&j, "role_title", *f->role ? f->role_title : "");
    S_json_num(&j, "score", *f->role, f->score);
    S_json_str(&j, "runner_up", f->runner_up);
    S_json_num(&j, "runner_up_score", *f->runner_up, f->runner_up_score);
    S_json_int(&j, "years_required", f->years);
    rs__jg_key(&j, "skills");
    rs__jg_array(&j);
    for (size_t pos = 0, k; (k = S_next_skill(c, &pos)) != RS_NOT_FOUND;)
        rs__jg_str(&j, rs_lexicon_skill(lex, k).id);
    rs__jg_array_end(&j);
    S_json_str(&j, "message", f->message);
    if (c->spans && !S_json_matches(&j, lex, c))
        j.failed = true;
    if (c->timed)
        rs__jg_kint(&j, "micros", c->micros);
    rs__jg_map_end(&j);
    rs__jg_close(&j);
    rs__buf_putc(b, '\n');
}

/* Room for a usual row (a JSON Lines record runs to about 1 KB). */
#define S_ROW_BYTES 2048

/* One line of a classification in a format: write(b, lex, c, fields). */
static rs_status S_row(const rs_report *r, char **out, size_t *len, rs_error *err,
                       void (*write)(rs_buf *, const rs_lexicon *, const rs_classification *,
                                     const S_fields *))
{
    rs_buf b;
    rs__buf_init(&b, 0);
    if (!rs__grow((void **)&b.data, &b.cap, S_ROW_BYTES, 1))   /* most rows: one allocation */
        b.failed = true;
    write(&b, r->lex, r->row, &r->fields);
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, r->row->id);
}

rs_status rs__render_classify_table(const rs_report *r, unsigned flags, char **out,
                                    size_t *len, rs_error *err)
{
    (void)flags;
    return S_row(r, out, len, err, S_table);
}

rs_status rs__render_classify_csv(const rs_report *r, unsigned flags, char **out, size_t *len,
                                  rs_error *err)
{
    (void)flags;
    return S_row(r, out, len, err, S_csv);
}

rs_status rs__render_classify_jsonl(const rs_report *r, unsigned flags, char **out,
                                    size_t *len, rs_error *err)
{
    (void)flags;
    return S_row(r, out, len, err, S_json);
}

rs_batch_row rs_classification_row(const rs_roles *roles, const rs_classification *c)
{
    S_fields f;
    rs__row_fields(roles, c, &f);
    return (rs_batch_row){
        .id = c->id,
        .status = f.status,
        .track = *f.track ? f.track : NULL,
        .rung = f.rung,
        .role_title = *f.role ? f.role_title : NULL,
        .score = f.score,
        /* not f.joined: f is gone when the row is read */
        .message = f.message == f.joined ? f.reason : f.message && *f.message ? f.message : NULL,
    };
}
