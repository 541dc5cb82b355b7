/* batch.c — the roll-up of a batch of classified postings (the
 * model behind `classify --summary` and `--report`).
 * Counts per track and rung and per skill and rung are kept for every
 * posting; rows for the table and the errors up to a cap, so memory stays
 * bounded whatever the batch size. */
#include "batch_internal.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <string.h>

#define S_DEFAULT_ROWS 10000

rs_batch *rs_batch_new(const rs_roles *roles, const rs_lexicon *lex, size_t max_rows)
{
    rs_batch *b = rs__calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->roles = roles;
    b->lex = lex;
    b->max_rows = max_rows ? max_rows : S_DEFAULT_ROWS;
    b->track_count = rs_roles_track_count(roles);
    b->track_rung = rs__calloc(b->track_count * 9 + 1, sizeof *b->track_rung);
    b->skill_rung = rs__calloc(rs_lexicon_skill_count(lex) * 9 + 1, sizeof *b->skill_rung);
    if (!b->track_rung || !b->skill_rung) {
        rs_batch_free(b);
        return NULL;
    }
    return b;
}

static char *S_dup(const char *s) { return s ? rs__strdup(s) : NULL; }

/* A copy of the row's strings (track and role title point into roles). */
static bool S_keep(rs_batch *b, const rs_batch_row *row, S_row **list, size_t *count,
                   size_t *cap)
{
    if (*count >= b->max_rows)
        return true;
    if (!rs__grow((void **)list, cap, *count + 1, sizeof **list))
        return false;
    S_row *r = &(*list)[*count];
    memset(r, 0, sizeof *r);
    r->row = *row;
    r->row.skills = NULL;
    r->id = S_dup(row->id);
    r->message = S_dup(row->message);
    r->title = S_dup(row->title);
    if ((row->id && !r->id) || (row->message && !r->message) || (row->title && !r->title)) {
        rs__free(r->id);
        rs__free(r->message);
        rs__free(r->title);
        return false;
    }
    r->row.id = r->id;
    r->row.message = r->message;
    r->row.title = r->title;
    (*count)++;
    return true;
}

static size_t S_track_index(const rs_batch *b, const char *track)
{
    for (size_t t = 0; track && t < b->track_count; t++)
        if (strcmp(rs_roles_track(b->roles, t).id, track) == 0)
            return t;
    return (size_t)-1;
}

rs_status rs_batch_add(rs_batch *b, const rs_batch_row *row, rs_error *err)
{
    b->total++;
    bool error = row->status == RS_ROW_ERROR;
    b->errors += error;
    b->out_of_scope += row->status == RS_ROW_OUT_OF_SCOPE;
    int rung = row->rung >= 1 && row->rung <= 8 ? row->rung : 0;
    size_t t = S_track_index(b, row->track);
    if (rung && t != (size_t)-1)
        b->track_rung[t * 9 + (size_t)rung]++;
    for (size_t i = 0; rung && i < row->skill_count; i++)
        if (row->skills[i] < rs_lexicon_skill_count(b->lex))
            b->skill_rung[row->skills[i] * 9 + (size_t)rung]++;
    bool ok = S_keep(b, row, &b->rows, &b->row_count, &b->row_cap) &&
              (!error || S_keep(b, row, &b->error_rows, &b->error_count, &b->error_cap));
    return ok ? RS_OK : rs__nomem(err, row->id);
}

static void S_free_rows(S_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rs__free(rows[i].id);
        rs__free(rows[i].message);
        rs__free(rows[i].title);
    }
    rs__free(rows);
}

void rs_batch_free(rs_batch *b)
{
    if (!b)
        return;
    S_free_rows(b->rows, b->row_count);
    S_free_rows(b->error_rows, b->error_count);
    rs__free(b->track_rung);
    rs__free(b->skill_rung);
    rs__free(b);
}

size_t rs__batch_top_skills(const rs_batch *b, int rung, size_t *top, size_t max)
{
    size_t n = rs_lexicon_skill_count(b->lex), k = 0;
    for (; k < max; k++) {
        size_t best = (size_t)-1;
        for (size_t s = 0; s < n; s++) {
            size_t c = b->skill_rung[s * 9 + (size_t)rung];
            bool taken = false;
            for (size_t q = 0; q < k; q++)
                taken |= top[q] == s;
            if (c && !taken && (best == (size_t)-1 || c > b->skill_rung[best * 9 + (size_t)rung]))
                best = s;
        }
        if (best == (size_t)-1)
            break;
        top[k] = best;
    }
    return k;
}
