/* analyze_internal.h — the working state of one analysis (analyze.c),
 * shared with the date reader (dates.c). */
#ifndef RS_ANALYZE_INTERNAL_H
#define RS_ANALYZE_INTERNAL_H

#include "lexicon/roles_internal.h"

#include <string.h>

typedef struct S_ctx {
    const rs_roles *roles;
    const rs_lexicon *lex;
    const rs_document *doc;
    const rs_scan *scan;
    const rs_requirements *asked;   /* or NULL */
    const char *norm;               /* the document's parts, fetched once */
    size_t norm_len;
    const uint32_t *map;            /* normalized -> original offsets */
    const rs_token *toks;
    size_t ntok;
    rs_date as_of;
    rs_range *ranges;
    size_t range_count, range_cap;
} S_ctx;

/* Is token i the word lit? The first letter decides most calls cheaply. */
static inline bool rs__tok_is(const S_ctx *c, size_t i, const char *lit)
{
    if (i >= c->ntok)
        return false;
    const char *t = c->norm + c->toks[i].start;
    size_t len = c->toks[i].len;
    return t[0] == lit[0] && strncmp(t, lit, len) == 0 && lit[len] == '\0';
}

/* The value of token i when it is a number of at most max_digits digits,
 * else -1. */
static inline long rs__tok_number(const S_ctx *c, size_t i, size_t max_digits)
{
    if (i >= c->ntok || c->toks[i].kind != RS_TOKEN_WORD || c->toks[i].len > max_digits)
        return -1;
    long v = 0;
    for (size_t k = 0; k < c->toks[i].len; k++) {
        char ch = c->norm[c->toks[i].start + k];
        if (ch < '0' || ch > '9')
            return -1;
        v = v * 10 + (ch - '0');
    }
    return v;
}

/* Does a line end lie between token i - 1 and token i? */
bool rs__line_break_before(const S_ctx *c, size_t i);
bool rs__push_range(S_ctx *c, const rs_range *r);

/* signals.c: the first place each signal of the roles data matches. */
typedef struct rs_signal_hit {
    size_t signal;
    size_t first_tok, last_tok;   /* tokens of the match */
} rs_signal_hit;

/* Fills first[s] for each signal s found (found[s] set to 1; both arrays
 * hold roles->signal_count entries, found zeroed by the caller); returns
 * how many signals were found. */
size_t rs__signals_find(const S_ctx *c, rs_signal_hit *first, uint8_t *found);

/* dates.c */
rs_status rs__find_ranges(S_ctx *c);
/* A span written as a duration ("(3.5 years)") rather than as dates: a
 * range in year 0, from {0, 1} to the span's last month ({3, 6} for 42
 * months), so that its length reads as any range's. rs__merged_months()
 * adds such spans whole, never merging them with anything. */
static inline bool rs__range_undated(const rs_range *r) { return r->undated != 0; }
/* Months covered by the ranges, overlaps counted once; -1 on no memory. */
long rs__merged_months(const rs_range *ranges, size_t n);
/* Largest "N+ years ...", "at least N years", "N years of experience";
 * its line in *line. */
int rs__stated_years(const S_ctx *c, unsigned *line);
/* An "N years" phrase at token i ("5+ years", "3 years of experience",
 * "1-year"): its N (1..50), else 0. *claim is set when it claims or asks
 * experience: "+", "at least/minimum" before, or "experience" or
 * "professional" later on its line. A course's length ("a 4-year BA/BS
 * program") and "years ago/old" are no phrase. */
int rs__years_phrase(const S_ctx *c, size_t i, bool *claim);
/* The 1-based line of token i. */
unsigned rs__token_line(const S_ctx *c, size_t i);

#endif
