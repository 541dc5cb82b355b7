/* analyze_internal.h — the working state of one analysis (analyze.c),
 * shared with the date reader (dates.c). */
#ifndef RS_ANALYZE_INTERNAL_H
#define RS_ANALYZE_INTERNAL_H

#include "roles_internal.h"

typedef struct S_ctx {
    const rs_roles *roles;
    const rs_lexicon *lex;
    const rs_document *doc;
    const rs_scan *scan;
    const char *norm;
    const rs_token *toks;
    size_t ntok;
    rs_date as_of;
    rs_range *ranges;
    size_t range_count, range_cap;
} S_ctx;

/* Does a line end lie between token i - 1 and token i? */
bool rs__line_break_before(const S_ctx *c, size_t i);
bool rs__push_range(S_ctx *c, const rs_range *r);

/* dates.c */
rs_status rs__find_ranges(S_ctx *c);
/* Months covered by the ranges, overlaps counted once; -1 on no memory. */
long rs__merged_months(const rs_range *ranges, size_t n);
/* Largest "N+ years ...", "at least N years", "N years of experience";
 * its line in *line. */
int rs__stated_years(const S_ctx *c, unsigned *line);

#endif
