/* signals.c — the language of work: phrases such as "manages multiple
 * teams" or "code review" (signals.xml), found over a document's tokens.
 * A pattern is words; "a|b" are alternatives and "team*" a word start. Up
 * to S_GAP other words may stand between two words of a pattern, within
 * one sentence of one line. Each token costs one bucket lookup: signals
 * are indexed by the first three bytes of their first word. */
#include "analyze_internal.h"

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

/* The first three bytes of a word, or all of a shorter one, with its
 * length class in the top byte. */
static uint32_t S_key(const char *s, size_t len)
{
    size_t n = len < 3 ? len : 3;
    uint32_t k = (uint32_t)n << 24;
    for (size_t i = 0; i < n; i++)
        k |= (uint32_t)(unsigned char)s[i] << (8 * i);
    return k;
}

static size_t S_bucket(uint32_t key, size_t mask)
{
    return (size_t)((key * 2654435761u) >> 8) & mask;
}

rs_status rs__signal_index_build(rs_roles *r)
{
    rs_signal_index *x = &r->signal_index;
    size_t entries = 0;
    for (size_t s = 0; s < r->signal_count; s++)
        entries += r->signals[s].words[0].alt_count;
    size_t cap = 16;
    while (cap < 2 * entries)
        cap *= 2;
    x->heads = rs__calloc(cap, sizeof *x->heads);
    x->next = rs__calloc(entries + 1, sizeof *x->next);
    x->signal = rs__calloc(entries + 1, sizeof *x->signal);
    x->key = rs__calloc(entries + 1, sizeof *x->key);
    if (!x->heads || !x->next || !x->signal || !x->key)
        return RS_ERR_NOMEM;
    x->mask = cap - 1;
    for (size_t s = 0; s < r->signal_count; s++) {
        const rs_signal_word *w = &r->signals[s].words[0];
        for (size_t a = 0; a < w->alt_count; a++) {
            uint32_t key = S_key(w->alts[a].text, w->alts[a].len);
            size_t b = S_bucket(key, x->mask), e = x->count++;
            x->signal[e] = (uint32_t)s;
            x->key[e] = key;
            x->next[e] = x->heads[b];
            x->heads[b] = (uint32_t)(e + 1);
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

size_t rs__signals_find(const S_ctx *c, rs_signal_hit *first, uint8_t *found)
{
    const rs_roles *r = c->roles;
    const rs_signal_index *x = &r->signal_index;
    size_t n = 0;
    if (!x->count)
        return 0;
    for (size_t i = 0; i < c->ntok; i++) {
        const rs_token *t = &c->toks[i];
        if (t->kind != RS_TOKEN_WORD)
            continue;
        const char *text = c->norm + t->start;
        uint32_t key = S_key(text, t->len);
        for (uint32_t e = x->heads[S_bucket(key, x->mask)]; e; e = x->next[e - 1]) {
            size_t s = x->signal[e - 1], last = i;
            const rs_signal_def *sig = &r->signals[s];
            if (x->key[e - 1] != key || found[s] ||
                !S_word_matches(&sig->words[0], text, t->len) || !S_match_from(c, sig, i, &last))
                continue;
            found[s] = 1;
            first[s] = (rs_signal_hit){s, i, last};
            n++;
        }
    }
    return n;
}
