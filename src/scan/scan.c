/* scan.c — stage 4: tokens become skills found, with evidence.
 *
 * One left-to-right pass looks up token sequences in the term table
 * (longest term wins; stop phrases are consumed and yield nothing). Patterns
 * run only on windows around their trigger terms. Ambiguous aliases then
 * keep only the matches with tech context nearby, and implications add the
 * skills the found ones imply. */
#include "lexicon/lexicon_internal.h"
#include "text/text_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define S_CONTEXT_WINDOW 16     /* tokens on either side */
#define S_PATTERN_BEFORE 256    /* bytes of line before a trigger */
#define S_PATTERN_AFTER 512     /* bytes of line after a trigger */
#define S_MAX_WARNINGS 32
/* A pattern that hits its match limit this many times in one document is
 * not run on the rest of it, so a backtracking pattern costs at most this
 * many match limits per document, not one per trigger (as (a+)+$ would on
 * each of 20,000 lines of "a aaa...ab"). */
#define S_MAX_PATTERN_FAILURES 4
/* All patterns together run at most this many times per document (each
 * run bounded by RS_PATTERN_MATCH_LIMIT): a pattern that stays just under
 * its limit on every line costs this many limits, not one per line.
 * Ordinary documents run a handful. */
#define S_MAX_PATTERN_RUNS 256

typedef struct S_match {
    size_t skill;
    size_t first;        /* token index */
    size_t count;        /* tokens */
    bool needs_context;
} S_match;

/* Something that gives tech context: a technical skill found without
 * needing context, or a cue word (which only counts on its own line). */
typedef struct S_anchor {
    size_t token;
    bool cue;
} S_anchor;

typedef struct S_request {
    size_t pattern;
    size_t token;
} S_request;

struct rs_scan {
    rs_skill_hit *hits;
    size_t hit_count;
    rs_evidence *evidence;
    char **warnings;
    size_t warning_count;
};

typedef struct S_state {
    const rs_lexicon *lex;
    rs_document *doc;
    const char *norm;        /* the document's parts, fetched once */
    size_t norm_len;
    const uint32_t *map;
    const char *orig;
    const rs_token *toks;
    size_t ntok;
    rs_error *err;
    S_match *matches;
    size_t match_count, match_cap;
    S_anchor *anchors;
    size_t anchor_count, anchor_cap;
    S_request *requests;
    size_t request_count, request_cap;
    size_t term_matches;  /* matches found by terms, before patterns */
    size_t pattern_end;   /* end of the last match of the current pattern */
    size_t pattern_failures;   /* limit hits of the current pattern */
    bool in_patterns;          /* the pattern pass (after the terms) */
    size_t pattern_runs;       /* pcre2_match calls in this document */
    /* Per skill k, once the matches reach RS_MAX_EVIDENCE_PER_SKILL (never
     * in ordinary text): [3k] matches kept, [3k + 1] counted past the cap,
     * [3k + 2] term matches past the cap (not kept, so a pattern's match
     * cannot be told apart from one of them). */
    uint32_t *tally;
    S_match *unchecked;        /* past the cap, needing context: checked
                                  when the anchors are all known */
    size_t unchecked_count, unchecked_cap;
    rs_scan *scan;
} S_state;

static rs_status S_nomem(S_state *s)
{
    return rs__nomem(s->err, rs_text_name(rs_document_text(s->doc)));
}

/* Starts the per-skill tally from the matches kept so far. */
static bool S_tally_start(S_state *s)
{
    size_t n = s->lex->skill_count;
    if (!(s->tally = rs__calloc(3 * n, sizeof *s->tally)))
        return false;
    for (size_t i = 0; i < s->match_count; i++)
        s->tally[3 * s->matches[i].skill]++;
    return true;
}

/* Past the cap a match is counted, not kept: at once when it needs no
 * context, after the anchors are known when it does (S_group). A
 * pattern's match is left out when terms of its skill went uncounted
 * past the cap: it may be one of them (S_overlaps_same_skill). */
static bool S_past_cap(S_state *s, const S_match *m, bool *oom)
{
    if (!s->tally && s->match_count < RS_MAX_EVIDENCE_PER_SKILL)
        return false;
    if (!s->tally && !S_tally_start(s)) {
        *oom = true;
        return false;
    }
    uint32_t *t = &s->tally[3 * m->skill];
    if (t[0] < RS_MAX_EVIDENCE_PER_SKILL) {
        t[0]++;
        return false;
    }
    if (s->in_patterns && t[2])
        return true;
    if (!s->in_patterns && t[2] < UINT32_MAX)
        t[2]++;
    if (!m->needs_context) {
        t[1] += t[1] < UINT32_MAX;
        return true;
    }
    if (!rs__grow((void **)&s->unchecked, &s->unchecked_cap, s->unchecked_count + 1,
                  sizeof *s->unchecked)) {
        *oom = true;
        return true;
    }
    s->unchecked[s->unchecked_count++] = *m;
    return true;
}

/* Keeps a match (*kept set), or only counts it past the cap; false when
 * memory ran out. */
static bool S_add_match(S_state *s, size_t skill, size_t first, size_t count,
                        bool needs_context, bool *kept)
{
    bool oom = false;
    *kept = false;
    S_match m = {skill, first, count, needs_context};
    if (S_past_cap(s, &m, &oom))
        return !oom;
    if (oom)
        return false;
    if (!rs__grow((void **)&s->matches, &s->match_cap, s->match_count + 1,
                  sizeof *s->matches))
        return false;
    s->matches[s->match_count++] = m;
    *kept = true;
    return true;
}

static bool S_add_anchor(S_state *s, size_t token, bool cue)
{
    /* Anchors come in token order. A window of context spans at least
     * 2 * S_CONTEXT_WINDOW + 1 tokens, so of three plain anchors that close
     * together the middle one is in no window without one of the others:
     * it is dropped, and a text dense with skills keeps few anchors. */
    size_t n = s->anchor_count;
    if (!cue && n >= 2 && !s->anchors[n - 1].cue && !s->anchors[n - 2].cue &&
        token - s->anchors[n - 2].token <= 2 * S_CONTEXT_WINDOW) {
        s->anchors[n - 1].token = token;
        return true;
    }
    if (!rs__grow((void **)&s->anchors, &s->anchor_cap, s->anchor_count + 1,
                  sizeof *s->anchors))
        return false;
    s->anchors[s->anchor_count++] = (S_anchor){token, cue};
    return true;
}

static bool S_add_warning(S_state *s, const char *msg)
{
    rs_scan *scan = s->scan;
    if (scan->warning_count >= S_MAX_WARNINGS)
        return true;
    char **w = rs__realloc(scan->warnings, (scan->warning_count + 1) * sizeof *w);
    if (!w)
        return false;
    scan->warnings = w;
    if (!(w[scan->warning_count] = rs__strdup(msg)))
        return false;
    scan->warning_count++;
    return true;
}

/* Original byte range of tokens [first, first + count). */
static void S_orig_span(const S_state *s, size_t first, size_t count, size_t *start,
                        size_t *end)
{
    const rs_token *a = &s->toks[first], *b = &s->toks[first + count - 1];
    *start = rs__orig(s->map, a->start);
    size_t e = rs__orig(s->map, b->start + b->len);
    const char *o = s->orig;
    while (e > *start && (o[e - 1] == ' ' || o[e - 1] == '\t' || o[e - 1] == '\n' ||
                          o[e - 1] == '\r'))
        e--;
    *end = e > *start ? e : *start + 1;
}

/* The form of the term that accepts the original text, preferring one that
 * needs no context; NULL when only exact-case forms exist and none fits. */
static const rs_term_form *S_accepting_form(const S_state *s, const rs_term *t,
                                            size_t first, size_t count)
{
    size_t a, b;
    S_orig_span(s, first, count, &a, &b);
    const char *orig = s->orig + a;
    const rs_term_form *best = NULL;
    for (size_t i = 0; i < t->form_count; i++) {
        const rs_term_form *f = &t->forms[i];
        if (f->exact_case && (strlen(f->written) != b - a ||
                              memcmp(f->written, orig, b - a) != 0))
            continue;
        if (!best || (best->needs_context && !f->needs_context))
            best = f;
    }
    return best;
}

static bool S_add_request(S_state *s, const rs_term *t, size_t token)
{
    for (size_t k = 0; k < t->pattern_count; k++) {
        if (!rs__grow((void **)&s->requests, &s->request_cap, s->request_count + 1,
                      sizeof *s->requests))
            return false;
        s->requests[s->request_count++] = (S_request){t->patterns[k], token};
    }
    return true;
}

/* Does a blank line stand between tokens a and a + 1? A term never spans
 * one: "Backend Developer" above a blank line and "Experience" below it
 * are no "Developer Experience". (A single line break may wrap a term.) */
static bool S_blank_line_after(const S_state *s, size_t a)
{
    const char *n = s->norm;
    size_t newlines = 0;
    for (size_t p = s->toks[a].start + s->toks[a].len; p < s->toks[a + 1].start; p++)
        newlines += n[p] == '\n';
    return newlines >= 2;
}

/* The longest term starting at token i; records pattern triggers seen on
 * the way. Returns the term index or RS_NOT_FOUND, its length in *len. */
static size_t S_longest_term(S_state *s, size_t i, size_t *len, bool *oom)
{
    const rs_lexicon *lex = s->lex;
    size_t best = RS_NOT_FOUND;
    uint64_t h = 0;
    for (size_t k = 0; k < lex->max_tokens && i + k < s->ntok; k++) {
        const rs_token *t = &s->toks[i + k];
        if (t->kind == RS_TOKEN_BARRIER || (k > 0 && S_blank_line_after(s, i + k - 1)))
            break;
        h = rs__seq_hash(h, t, k == 0);
        size_t idx = rs__term_lookup(lex, h, s->norm, s->toks + i, k + 1);
        if (idx != RS_NOT_FOUND) {
            const rs_term *term = &lex->terms[idx];
            if (term->pattern_count && !S_add_request(s, term, i)) {
                *oom = true;
                return RS_NOT_FOUND;
            }
            if (term->flags & ~RS_TERM_ORG) {
                best = idx;
                *len = k + 1;
            }
        }
        if (!rs__prefix_known(lex, h))
            break;
    }
    return best;
}

/* ".net" glued to a word before it ("example.net") is not .NET. */
static bool S_bad_left_edge(const S_state *s, size_t i)
{
    return i > 0 && s->toks[i].kind == RS_TOKEN_PUNCT && s->toks[i].glued &&
           s->toks[i - 1].kind == RS_TOKEN_WORD;
}

static bool S_capitalised(const S_state *s, size_t tok)
{
    char c = s->orig[rs__orig(s->map, s->toks[tok].start)];
    return c >= 'A' && c <= 'Z';
}

/* "Lumen Health", "Spring Labs": a capitalised skill name followed by a
 * capitalised organisation word names a company, not the skill. */
static bool S_names_organisation(const S_state *s, size_t i, size_t len)
{
    size_t next = i + len;
    if (next >= s->ntok || s->toks[next].kind != RS_TOKEN_WORD || !S_capitalised(s, i) ||
        !S_capitalised(s, next) || S_blank_line_after(s, next - 1))
        return false;
    uint64_t h = rs__seq_hash(0, &s->toks[next], true);
    size_t idx = rs__term_lookup(s->lex, h, s->norm, s->toks + next, 1);
    return idx != RS_NOT_FOUND && (s->lex->terms[idx].flags & RS_TERM_ORG);
}

static rs_status S_find_terms(S_state *s)
{
    size_t i = 0;
    while (i < s->ntok) {
        size_t len = 0;
        bool oom = false;
        size_t idx = s->toks[i].kind == RS_TOKEN_BARRIER
                         ? RS_NOT_FOUND
                         : S_longest_term(s, i, &len, &oom);
        if (oom)
            return S_nomem(s);
        if (idx == RS_NOT_FOUND || S_bad_left_edge(s, i)) {
            i++;
            continue;
        }
        const rs_term *t = &s->lex->terms[idx];
        if ((t->flags & RS_TERM_CUE) && !S_add_anchor(s, i, true))
            return S_nomem(s);
        if (t->flags & RS_TERM_ALIAS) {
            const rs_term_form *f = S_accepting_form(s, t, i, len);
            if (!f) {
                i++;
                continue;
            }
            if (S_names_organisation(s, i, len)) {
                i += len + 1;
                continue;
            }
            bool kept;
            if (!S_add_match(s, t->skill, i, len, f->needs_context, &kept))
                return S_nomem(s);
            (void)kept;
            if (!f->needs_context && s->lex->skills[t->skill].technical &&
                !S_add_anchor(s, i, false))
                return S_nomem(s);
        }
        i += len;
    }
    return RS_OK;
}

/* ---- patterns ---------------------------------------------------------- */

static size_t S_token_at(const S_state *s, size_t norm_offset, bool end)
{
    size_t lo = 0, hi = s->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t key = end ? s->toks[mid].start + s->toks[mid].len : s->toks[mid].start;
        if (key < norm_offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= s->ntok)
        return RS_NOT_FOUND;
    size_t key = end ? s->toks[lo].start + s->toks[lo].len : s->toks[lo].start;
    return key == norm_offset ? lo : RS_NOT_FOUND;
}

/* Does an alias match of the same skill overlap these tokens? Alias matches
 * (the first term_matches entries) are sorted and never overlap each other,
 * so a binary search finds the few that could. */
static bool S_overlaps_same_skill(const S_state *s, size_t skill, size_t first,
                                  size_t count)
{
    size_t lo = 0, hi = s->term_matches;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const S_match *m = &s->matches[mid];
        if (m->first + m->count <= first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < s->term_matches && s->matches[i].first < first + count; i++)
        if (s->matches[i].skill == skill)
            return true;
    return false;
}

static int S_cmp_request(const void *a, const void *b)
{
    const S_request *x = a, *y = b;
    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    return x->token < y->token ? -1 : x->token > y->token;
}

static void S_window(const S_state *s, size_t pos, size_t *ws, size_t *we)
{
    const char *n = s->norm;
    size_t a = pos, b = pos;
    while (a > 0 && pos - a < S_PATTERN_BEFORE && n[a - 1] != '\n' && n[a - 1] != '\r')
        a--;
    while (b < s->norm_len && b - pos < S_PATTERN_AFTER && n[b] != '\n' &&
           n[b] != '\r')
        b++;
    *ws = a;
    *we = b;
}

static rs_status S_limit_warning(S_state *s, const rs_pattern_def *p, size_t pos,
                                 int rc)
{
    char ebuf[120], msg[400];
    s->pattern_failures++;
    pcre2_get_error_message(rc, (PCRE2_UCHAR *)ebuf, sizeof ebuf);
    rs_position at = rs_document_position(s->doc, rs__orig(s->map, pos));
    snprintf(msg, sizeof msg, "pattern of skill '%s' (%s:%u) skipped at line %u: %s%s",
             s->lex->skills[p->skill].id, p->file, p->line, at.line, ebuf,
             s->pattern_failures >= S_MAX_PATTERN_FAILURES
                 ? " (not run on the rest of this document)" : "");
    return S_add_warning(s, msg) ? RS_OK : S_nomem(s);
}

/* The document's pattern budget is spent: said once, with where. */
static rs_status S_budget_warning(S_state *s, size_t pos)
{
    s->pattern_runs++;   /* past the budget: no pattern runs again */
    char msg[200];
    snprintf(msg, sizeof msg, "patterns not run after line %u: this document's budget "
             "of %d pattern runs is spent", rs__line_of(s->doc, rs__orig(s->map, pos)),
             S_MAX_PATTERN_RUNS);
    return S_add_warning(s, msg) ? RS_OK : S_nomem(s);
}

static rs_status S_run_window(S_state *s, const rs_pattern_def *p,
                              pcre2_match_data *md, size_t ws, size_t we)
{
    PCRE2_SPTR subject = (PCRE2_SPTR)s->norm;
    size_t offset = ws;
    while (offset < we) {
        if (s->pattern_runs == S_MAX_PATTERN_RUNS)
            return S_budget_warning(s, offset);
        s->pattern_runs++;
        int rc = pcre2_match(p->code, subject, we, offset,
                             PCRE2_NO_UTF_CHECK, md, s->lex->match_context);
        if (rc == PCRE2_ERROR_NOMATCH)
            return RS_OK;
        if (rc < 0)
            return S_limit_warning(s, p, offset, rc);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t ms = ov[0], me = ov[1];
        offset = me > ms ? me : ms + 1;
        if (me <= ms || ms < s->pattern_end)   /* empty, or an earlier window's */
            continue;
        s->pattern_end = me;
        size_t first = S_token_at(s, ms, false), last = S_token_at(s, me, true);
        if (first == RS_NOT_FOUND || last == RS_NOT_FOUND || last < first ||
            S_bad_left_edge(s, first))
            continue;
        if (S_overlaps_same_skill(s, p->skill, first, last - first + 1))
            continue;
        bool kept;
        if (!S_add_match(s, p->skill, first, last - first + 1, p->needs_context, &kept))
            return S_nomem(s);
    }
    return RS_OK;
}

static rs_status S_run_patterns(S_state *s)
{
    if (!s->request_count)
        return RS_OK;
    rs__sort(s->requests, s->request_count, sizeof *s->requests, S_cmp_request);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    if (!md)
        return S_nomem(s);
    rs_status st = RS_OK;
    size_t last_pattern = RS_NOT_FOUND, covered = 0;
    s->term_matches = s->match_count;
    s->in_patterns = true;
    for (size_t r = 0; r < s->request_count && !st; r++) {
        const S_request *q = &s->requests[r];
        size_t pos = s->toks[q->token].start, ws, we;
        if (q->pattern != last_pattern) {
            s->pattern_end = 0;
            s->pattern_failures = 0;
        } else if (pos + S_PATTERN_BEFORE <= covered ||
                   s->pattern_failures >= S_MAX_PATTERN_FAILURES) {
            continue;   /* an earlier window covered this trigger, or the
                           pattern keeps hitting its limit */
        }
        if (s->pattern_runs > S_MAX_PATTERN_RUNS)
            break;
        S_window(s, pos, &ws, &we);
        st = S_run_window(s, &s->lex->patterns[q->pattern], md, ws, we);
        last_pattern = q->pattern;
        covered = we;
    }
    pcre2_match_data_free(md);
    return st;
}

/* ---- context, grouping, implications ----------------------------------- */

static bool S_same_line(const S_state *s, size_t tok_a, size_t tok_b)
{
    if (tok_a > tok_b) {
        size_t t = tok_a;
        tok_a = tok_b;
        tok_b = t;
    }
    const char *n = s->norm;
    for (size_t i = s->toks[tok_a].start; i < s->toks[tok_b].start; i++)
        if (n[i] == '\n' || n[i] == '\r')
            return false;
    return true;
}

static bool S_has_context(const S_state *s, const S_match *m)
{
    size_t lo_tok = m->first > S_CONTEXT_WINDOW ? m->first - S_CONTEXT_WINDOW : 0;
    size_t hi_tok = m->first + m->count + S_CONTEXT_WINDOW;
    size_t lo = 0, hi = s->anchor_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->anchors[mid].token < lo_tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < s->anchor_count && s->anchors[i].token <= hi_tok; i++)
        if (!s->anchors[i].cue || S_same_line(s, s->anchors[i].token, m->first))
            return true;
    return false;
}

static int S_cmp_match(const void *a, const void *b)
{
    const S_match *x = a, *y = b;
    if (x->skill != y->skill)
        return x->skill < y->skill ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int S_cmp_anchor(const void *a, const void *b)
{
    size_t x = ((const S_anchor *)a)->token, y = ((const S_anchor *)b)->token;
    return x < y ? -1 : x > y;
}

static int S_cmp_evidence_ptr(const void *a, const void *b)
{
    size_t x = (*(rs_evidence *const *)a)->orig_start;
    size_t y = (*(rs_evidence *const *)b)->orig_start;
    return x < y ? -1 : x > y;
}

/* Line and column of every evidence in one sweep over the text, so that
 * many matches on one very long line cost no more than the line itself. */
static rs_status S_set_positions(S_state *s, rs_evidence *ev, size_t n)
{
    rs_evidence **order = rs__calloc(n ? n : 1, sizeof *order);
    if (!order)
        return S_nomem(s);
    for (size_t i = 0; i < n; i++)
        order[i] = &ev[i];
    if (n)
        rs__sort(order, n, sizeof *order, S_cmp_evidence_ptr);
    const unsigned char *text = (const unsigned char *)s->orig;
    size_t pos = 0;
    unsigned line = 1, column = 1;
    for (size_t i = 0; i < n; i++) {
        for (; pos < order[i]->orig_start; pos++) {
            unsigned char c = text[pos];
            if (c == '\n' || (c == '\r' && text[pos + 1] != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r' && (c & 0xC0) != 0x80) {
                column++;
            }
        }
        order[i]->line = line;
        order[i]->column = column;
        rs__page_of(s->doc, line, &order[i]->page, &order[i]->page_line);
    }
    rs__free(order);
    return RS_OK;
}

static rs_status S_group(S_state *s)
{
    size_t kept = 0;
    for (size_t i = 0; i < s->match_count; i++)
        if (!s->matches[i].needs_context || S_has_context(s, &s->matches[i]))
            s->matches[kept++] = s->matches[i];
    s->match_count = kept;
    if (kept)
        rs__sort(s->matches, kept, sizeof *s->matches, S_cmp_match);
    rs_scan *scan = s->scan;
    scan->evidence = rs__calloc(kept ? kept : 1, sizeof *scan->evidence);
    scan->hits = rs__calloc(kept ? kept : 1, sizeof *scan->hits);
    if (!scan->evidence || !scan->hits)
        return S_nomem(s);
    for (size_t i = 0; i < kept; i++) {
        const S_match *m = &s->matches[i];
        rs_evidence *ev = &scan->evidence[i];
        S_orig_span(s, m->first, m->count, &ev->orig_start, &ev->orig_end);
        if (i == 0 || m->skill != s->matches[i - 1].skill) {
            rs_skill_hit *h = &scan->hits[scan->hit_count++];
            h->skill = m->skill;
            h->evidence = ev;
            h->implied_by = RS_NOT_FOUND;
        }
        rs_skill_hit *h = &scan->hits[scan->hit_count - 1];
        h->count++;
        h->evidence_count++;
    }
    for (size_t i = 0; i < s->unchecked_count; i++)
        if (S_has_context(s, &s->unchecked[i]))
            s->tally[3 * s->unchecked[i].skill + 1]++;
    for (size_t i = 0; s->tally && i < scan->hit_count; i++)
        scan->hits[i].count += s->tally[3 * scan->hits[i].skill + 1];
    return S_set_positions(s, scan->evidence, kept);
}

static const rs_skill_hit *S_find_hit(const rs_scan *scan, size_t skill)
{
    for (size_t i = 0; i < scan->hit_count; i++)
        if (scan->hits[i].skill == skill)
            return &scan->hits[i];
    return NULL;
}

/* Adds, for every skill found, the skills it implies (transitively). */
static rs_status S_imply(S_state *s)
{
    rs_scan *scan = s->scan;
    size_t direct = scan->hit_count;
    for (size_t i = 0; i < scan->hit_count; i++) {
        const rs_skill_def *sk = &s->lex->skills[scan->hits[i].skill];
        for (size_t k = 0; k < sk->implies_count; k++) {
            size_t target = sk->implies[k];
            if (S_find_hit(scan, target))
                continue;
            rs_skill_hit *hits = rs__realloc(scan->hits,
                                             (scan->hit_count + 1) * sizeof *hits);
            if (!hits)
                return S_nomem(s);
            scan->hits = hits;
            const rs_skill_hit *src = &hits[i];
            size_t root = i < direct ? src->skill : src->implied_by;
            hits[scan->hit_count++] = (rs_skill_hit){
                .skill = target, .count = 0, .evidence_count = src->evidence_count,
                .evidence = src->evidence, .implied_by = root};
        }
    }
    return RS_OK;
}

typedef struct S_sort_item {
    rs_skill_hit hit;
    int category;
    const char *name;
} S_sort_item;

static int S_cmp_hit(const void *a, const void *b)
{
    const S_sort_item *x = a, *y = b;
    if (x->category != y->category)
        return x->category < y->category ? -1 : 1;
    if (x->hit.count != y->hit.count)
        return x->hit.count > y->hit.count ? -1 : 1;
    return strcasecmp(x->name, y->name);
}

static rs_status S_sort_hits(S_state *s)
{
    rs_scan *scan = s->scan;
    const rs_lexicon *lex = s->lex;
    size_t n = scan->hit_count;
    S_sort_item *items = rs__calloc(n ? n : 1, sizeof *items);
    if (!items)
        return S_nomem(s);
    for (size_t i = 0; i < n; i++) {
        const rs_skill_def *sk = &lex->skills[scan->hits[i].skill];
        items[i] = (S_sort_item){scan->hits[i], sk->category, sk->name};
    }
    if (n)
        rs__sort(items, n, sizeof *items, S_cmp_hit);
    for (size_t i = 0; i < n; i++)
        scan->hits[i] = items[i].hit;
    rs__free(items);
    return RS_OK;
}

/* Hidden text (rs_text_hidden) is scanned on its own, never counted:
 * the warning says how much there is and which skills it holds, which is
 * what a reviewer looking for keyword stuffing wants to see. */
static rs_status S_hidden_warning(S_state *s)
{
    const char *hidden = rs_text_hidden(rs_document_text(s->doc));
    if (!hidden || !*hidden)
        return RS_OK;
    rs_text *t = NULL;
    rs_document *d = NULL;
    rs_scan *scan = NULL;
    const rs_token *toks = NULL;
    size_t ntok = 0, words = 0;
    rs_error err = {0};
    rs_status st = rs_text_decode(rs_text_name(rs_document_text(s->doc)),
                                  (const unsigned char *)hidden, strlen(hidden), 0, &t, &err);
    if (!st)
        st = rs_document_new(t, &d, &err);   /* takes t */
    if (!st)
        st = rs_document_tokens(d, &toks, &ntok, &err);
    if (!st)
        st = rs_scan_run(s->lex, d, &scan, &err);
    if (st) {
        rs_document_free(d);
        return st == RS_ERR_NOMEM ? S_nomem(s) : RS_OK;
    }
    for (size_t i = 0; i < ntok; i++)
        words += toks[i].kind == RS_TOKEN_WORD;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs__buf_printf(&b, "hidden text: %zu word%s", words, words == 1 ? "" : "s");
    size_t listed = 0;
    for (size_t i = 0; i < scan->hit_count; i++) {
        if (scan->hits[i].implied_by != RS_NOT_FOUND)
            continue;
        if (listed == 8) {
            rs__buf_puts(&b, ", ...");
            break;
        }
        rs__buf_puts(&b, listed++ ? ", " : ", skills ");
        rs__buf_puts(&b, s->lex->skills[scan->hits[i].skill].name);
    }
    rs__buf_puts(&b, listed ? " (not counted)" : " (no skills in it)");
    rs_scan_free(scan);
    rs_document_free(d);
    char *msg = rs__buf_detach(&b, NULL);
    bool ok = msg && S_add_warning(s, msg);
    rs__free(msg);
    return ok ? RS_OK : S_nomem(s);
}

rs_status rs_scan_run(const rs_lexicon *lex, rs_document *doc, rs_scan **out,
                      rs_error *err)
{
    if (!lex || !doc || !out)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no lexicon, document or output");
    *out = NULL;
    S_state s = {.lex = lex, .doc = doc, .err = err, .map = rs__document_map(doc),
                 .orig = rs_text_data(rs_document_text(doc))};
    s.norm = rs_document_normalized(doc, &s.norm_len);
    rs_status st = rs_document_tokens(doc, &s.toks, &s.ntok, err);
    if (st)
        return st;
    s.scan = rs__calloc(1, sizeof *s.scan);
    if (!s.scan)
        return S_nomem(&s);
    size_t cut = rs__document_tokens_cut(doc);
    if (cut != RS_NOT_FOUND) {
        char msg[200];
        snprintf(msg, sizeof msg, "text after line %u not read: more than %zu words and "
                 "symbols (at most one per 4 bytes is read)",
                 rs__line_of(doc, rs__orig(s.map, cut)), s.ntok);
        if (!S_add_warning(&s, msg))
            st = S_nomem(&s);
    }
    if (!st)
        st = S_find_terms(&s);
    if (!st)
        st = S_run_patterns(&s);
    if (!st) {
        if (s.anchor_count)   /* qsort must not be given NULL */
            rs__sort(s.anchors, s.anchor_count, sizeof *s.anchors, S_cmp_anchor);
        st = S_group(&s);
    }
    if (!st)
        st = S_imply(&s);
    if (!st)
        st = S_sort_hits(&s);
    if (!st)
        st = S_hidden_warning(&s);
    rs__free(s.matches);
    rs__free(s.anchors);
    rs__free(s.requests);
    rs__free(s.tally);
    rs__free(s.unchecked);
    if (st) {
        rs_scan_free(s.scan);
        return st;
    }
    *out = s.scan;
    return RS_OK;
}

void rs_scan_free(rs_scan *scan)
{
    if (!scan)
        return;
    rs__free(scan->hits);
    rs__free(scan->evidence);
    for (size_t i = 0; i < scan->warning_count; i++)
        rs__free(scan->warnings[i]);
    rs__free(scan->warnings);
    rs__free(scan);
}

size_t rs_scan_hit_count(const rs_scan *scan) { return scan->hit_count; }

const rs_skill_hit *rs_scan_hit(const rs_scan *scan, size_t i)
{
    return i < scan->hit_count ? &scan->hits[i] : NULL;
}

size_t rs_scan_warning_count(const rs_scan *scan) { return scan->warning_count; }

const char *rs_scan_warning(const rs_scan *scan, size_t i)
{
    return i < scan->warning_count ? scan->warnings[i] : NULL;
}

/* ---- evidence text ----------------------------------------------------- */

static size_t S_copy_folded(const char *s, size_t a, size_t b, char *buf, size_t size)
{
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b && o + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < size)
            buf[o++] = ' ';
        space = false;
        buf[o++] = (char)c;
    }
    /* Never end inside a UTF-8 sequence. */
    while (o > 0 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80) {
        size_t k = o - 1;
        while (k > 0 && ((unsigned char)buf[k] & 0xC0) == 0x80)
            k--;
        size_t need = ((unsigned char)buf[k] >= 0xF0) ? 4
                      : ((unsigned char)buf[k] >= 0xE0) ? 3 : 2;
        if (o - k >= need)
            break;
        o = k;
    }
    if (o > 0 && (unsigned char)buf[o - 1] >= 0xC0)
        o--;
    if (size)
        buf[o] = '\0';
    return o;
}

size_t rs_evidence_text(const rs_document *doc, const rs_evidence *ev, char *buf,
                        size_t size)
{
    return S_copy_folded(rs_text_data(rs_document_text(doc)), ev->orig_start, ev->orig_end,
                         buf, size);
}

size_t rs_evidence_context(const rs_document *doc, const rs_evidence *ev, char *buf,
                           size_t size)
{
    const rs_text *text = rs_document_text(doc);
    const char *s = rs_text_data(text);
    size_t len = rs_text_length(text);
    size_t a = ev->orig_start, b = ev->orig_end;
    /* Bounded by the room in buf, so many matches on one huge line stay
     * linear in the output. */
    while (a > 0 && s[a - 1] != '\n' && s[a - 1] != '\r' && ev->orig_start - a < size)
        a--;
    while (b < len && s[b] != '\n' && s[b] != '\r' && b - ev->orig_end < size)
        b++;
    if (size > 8 && b - a >= size) {
        size_t room = size - 1;
        size_t lead = room / 3;
        if (ev->orig_start - a > lead)
            a = ev->orig_start - lead;
        while (a < ev->orig_start && ((unsigned char)s[a] & 0xC0) == 0x80)
            a++;
    }
    return S_copy_folded(s, a, b, buf, size);
}
