/* signals.c — the language of work: phrases such as "manages multiple
 * teams" or "code review" (signals.xml), found over a document's tokens.
 * A pattern is words; "a|b" are alternatives and "team*" a word start. Up
 * to S_GAP other words may stand between two words of a pattern, within
 * one sentence of one line. Each token costs a lookup or two: signals
 * are indexed by their first word's token hash, or by its first three
 * bytes when it is a word start. */
#include "analyze_internal.h"
#include "text/text_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_GAP 2
#define S_MAX_WORDS 12

static void S_free_words(rs_signal_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t a = 0; a < w[i].alt_count; a++)
            rs__free(w[i].alts[a].text);
        rs__free(w[i].alts);
    }
    rs__free(w);
}

void rs__signal_free(rs_signal_def *sig)
{
    S_free_words(sig->words, sig->word_count);
    rs__free(sig->pattern);
    rs__free(sig->track_id);
    sig->track_id = NULL;
    sig->words = NULL;
    sig->pattern = NULL;
    sig->word_count = 0;
}

/* One alternative: lower-case ASCII letters, digits and the odd symbol as
 * written; a trailing '*' makes it a word start of at least three bytes. */
static rs_status S_parse_alt(rs_signal_alt *alt, const char *s, size_t len)
{
    alt->prefix = len > 0 && s[len - 1] == '*';
    if (alt->prefix)
        len--;
    if (len == 0 || (alt->prefix && len < 3))
        return RS_ERR_LEXICON;
    if (!(alt->text = rs__malloc(len + 1)))
        return RS_ERR_NOMEM;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        alt->text[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    alt->text[len] = '\0';
    alt->len = len;
    return RS_OK;
}

static rs_status S_parse_word(rs_signal_word *w, const char *s, size_t len)
{
    rs_status st = RS_OK;
    for (size_t a = 0; a <= len && !st;) {
        size_t b = a;
        while (b < len && s[b] != '|')
            b++;
        rs_signal_alt *alts = rs__realloc(w->alts, (w->alt_count + 1) * sizeof *alts);
        if (!alts)
            return RS_ERR_NOMEM;
        w->alts = alts;
        memset(&alts[w->alt_count], 0, sizeof *alts);
        st = S_parse_alt(&alts[w->alt_count], s + a, b - a);
        if (!st)
            w->alt_count++;
        a = b + 1;
    }
    return st;
}

rs_status rs__signal_parse(rs_signal_def *sig, const char *pattern)
{
    if (!(sig->pattern = rs__strdup(pattern)))
        return RS_ERR_NOMEM;
    rs_status st = RS_OK;
    for (const char *p = pattern; *p && !st;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n')
            e++;
        if (e == p)
            break;
        if (sig->word_count >= S_MAX_WORDS)
            return RS_ERR_LEXICON;
        rs_signal_word *w = rs__realloc(sig->words, (sig->word_count + 1) * sizeof *w);
        if (!w)
            return RS_ERR_NOMEM;
        sig->words = w;
        memset(&w[sig->word_count], 0, sizeof *w);
        st = S_parse_word(&w[sig->word_count++], p, (size_t)(e - p));
        p = e;
    }
    return st ? st : sig->word_count ? RS_OK : RS_ERR_LEXICON;
}

/* ---- the index ------------------------------------------------------------ */

/* The first three bytes of a word start. */
static uint64_t S_prefix_key(const char *s)
{
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[1] << 8 |
           (uint64_t)(unsigned char)s[2] << 16;
}

static size_t S_bucket(uint64_t key, size_t mask)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

void rs__signal_index_free(rs_signal_index *x)
{
    rs__free(x->heads);
    rs__free(x->next);
    rs__free(x->signal);
    rs__free(x->key);
    memset(x, 0, sizeof *x);
}

static rs_status S_index_alloc(rs_signal_index *x, size_t entries)
{
    size_t cap = 64;
    while (cap < 16 * entries)   /* sparse: most words find an empty bucket */
        cap *= 2;
    x->heads = rs__calloc(cap, sizeof *x->heads);
    x->next = rs__calloc(entries + 1, sizeof *x->next);
    x->signal = rs__calloc(entries + 1, sizeof *x->signal);
    x->key = rs__calloc(entries + 1, sizeof *x->key);
    x->mask = cap - 1;
    return x->heads && x->next && x->signal && x->key ? RS_OK : RS_ERR_NOMEM;
}

static void S_index_add(rs_signal_index *x, uint64_t key, size_t signal)
{
    size_t b = S_bucket(key, x->mask), e = x->count++;
    x->signal[e] = (uint32_t)signal;
    x->key[e] = key;
    x->next[e] = x->heads[b];
    x->heads[b] = (uint32_t)(e + 1);
}

rs_status rs__signal_index_build(rs_roles *r)
{
    size_t whole = 0, starts = 0;
    for (size_t s = 0; s < r->signal_count; s++)
        for (size_t a = 0; a < r->signals[s].words[0].alt_count; a++)
            *(r->signals[s].words[0].alts[a].prefix ? &starts : &whole) += 1;
    if (S_index_alloc(&r->signal_index, whole) || S_index_alloc(&r->signal_prefix_index, starts))
        return RS_ERR_NOMEM;
    for (size_t s = 0; s < r->signal_count; s++) {
        const rs_signal_word *w = &r->signals[s].words[0];
        for (size_t a = 0; a < w->alt_count; a++) {
            const rs_signal_alt *alt = &w->alts[a];
            if (alt->prefix)
                S_index_add(&r->signal_prefix_index, S_prefix_key(alt->text), s);
            else
                S_index_add(&r->signal_index, rs__token_hash(alt->text, alt->len), s);
        }
    }
    return RS_OK;
}

/* ---- matching ------------------------------------------------------------- */

static bool S_alt_matches(const rs_signal_alt *alt, const char *t, size_t len)
{
    if (alt->prefix ? len < alt->len : len != alt->len)
        return false;
    return memcmp(alt->text, t, alt->len) == 0;
}

static bool S_word_matches(const rs_signal_word *w, const char *t, size_t len)
{
    for (size_t a = 0; a < w->alt_count; a++)
        if (S_alt_matches(&w->alts[a], t, len))
            return true;
    return false;
}

/* A token that ends a sentence for the matcher: punctuation other than
 * the joiners inside phrases ("cross-team", "1:1", "R&D"). */
static bool S_stops(const S_ctx *c, size_t i)
{
    const rs_token *t = &c->toks[i];
    if (t->kind == RS_TOKEN_BARRIER)
        return true;
    if (t->kind != RS_TOKEN_PUNCT)
        return false;
    char ch = c->norm[t->start];
    return ch != '-' && ch != '/' && ch != '&' && ch != '\'';
}

/* Does signal s match from token i? The last token matched in *last. */
static bool S_match_from(const S_ctx *c, const rs_signal_def *s, size_t i, size_t *last)
{
    size_t at = i;
    for (size_t w = 1; w < s->word_count; w++) {
        size_t skipped = 0, j = at + 1;
        bool found = false;
        for (; j < c->ntok && skipped <= S_GAP; j++) {
            if (S_stops(c, j) || rs__line_break_before(c, j))
                return false;
            if (c->toks[j].kind != RS_TOKEN_WORD)
                continue;
            if (S_word_matches(&s->words[w], c->norm + c->toks[j].start, c->toks[j].len)) {
                found = true;
                break;
            }
            skipped++;
        }
        if (!found)
            return false;
        at = j;
    }
    *last = at;
    return true;
}

/* Tries the signals of bucket chain e (an entry + 1) whose key is `key`
 * from token i. */
static size_t S_try_chain(const S_ctx *c, const rs_signal_index *x, uint32_t e, uint64_t key,
                          size_t i, rs_signal_hit *first, uint8_t *found)
{
    const rs_token *t = &c->toks[i];
    const char *text = c->norm + t->start;
    size_t n = 0;
    for (; e; e = x->next[e - 1]) {
        size_t s = x->signal[e - 1], last = i;
        const rs_signal_def *sig = &c->roles->signals[s];
        if (x->key[e - 1] != key || found[s] ||
            !S_word_matches(&sig->words[0], text, t->len) || !S_match_from(c, sig, i, &last))
            continue;
        found[s] = 1;
        first[s] = (rs_signal_hit){s, i, last};
        n++;
    }
    return n;
}

size_t rs__signals_find(const S_ctx *c, rs_signal_hit *first, uint8_t *found)
{
    const rs_roles *r = c->roles;
    size_t n = 0;
    if (!r->signal_count)
        return 0;
    bool starts = r->signal_prefix_index.count > 0;
    for (size_t i = 0; i < c->ntok; i++) {
        const rs_token *t = &c->toks[i];
        if (t->kind != RS_TOKEN_WORD)
            continue;
        const rs_signal_index *x = &r->signal_index;
        uint32_t e = x->heads[S_bucket(t->hash, x->mask)];
        if (e)   /* most words start no signal: an empty bucket */
            n += S_try_chain(c, x, e, t->hash, i, first, found);
        if (starts && t->len >= 3) {
            x = &r->signal_prefix_index;
            uint64_t key = S_prefix_key(c->norm + t->start);
            if ((e = x->heads[S_bucket(key, x->mask)]) != 0)
                n += S_try_chain(c, x, e, key, i, first, found);
        }
    }
    return n;
}
