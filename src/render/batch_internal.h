/* batch_internal.h — the batch roll-up (batch.c), read by its HTML
 * page (batch_html.c). */
#ifndef RS_BATCH_INTERNAL_H
#define RS_BATCH_INTERNAL_H

#include "internal.h"

typedef struct S_row {
    rs_batch_row row;    /* id, message and title point at the copies below */
    char *id;
    char *message;
    char *title;
} S_row;

struct rs_batch {
    const rs_roles *roles;
    const rs_lexicon *lex;
    size_t max_rows;
    size_t total, errors, out_of_scope;
    size_t track_count;
    size_t *track_rung;   /* track x 9 (rungs 1..8) */
    size_t *skill_rung;   /* skill x 9 */
    S_row *rows, *error_rows;
    size_t row_count, row_cap, error_count, error_cap;
};

/* The up to `max` skills asked for most at `rung`, most first. */
size_t rs__batch_top_skills(const rs_batch *b, int rung, size_t *top, size_t max);

#endif
