/* terms.c — the term table: every alias, stop phrase, cue and pattern
 * trigger, keyed by the hash of its token sequence, so the matcher finds
 * all terms at a position in a few probes whatever the lexicon size. */
#include "lexicon_internal.h"
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>


typedef struct S_raw {
    rs_term term;       /* one form, one pattern at most */
    size_t order;
} S_raw;

/* Raw terms are collected while loading, merged by key at the end. */
typedef struct S_pending {
    S_raw *items;
    size_t count;
    size_t cap;
} S_pending;

static bool S_key_append(rs_buf *key, const char *norm, const rs_token *t,
                         bool first)
{
    if (!first && !t->glued && !rs__buf_putc(key, ' '))
        return false;
    return rs__buf_append(key, norm + t->start, t->len);
}

rs_status rs__term_add(rs_lexicon *lex, const char *written, uint8_t flag,
                       size_t skill, const rs_alias_def *alias,
                       const char *file, unsigned line, const size_t *pattern,
                       rs_error *err)
{
    S_pending *p = lex->pending;
    size_t nlen;
    char *norm = rs__normalize_term(written, &nlen);
    if (!norm)
        return rs__nomem(err, file);
    rs_token *toks = NULL;
    size_t ntok = 0;
    rs_status st = rs__tokenize(norm, nlen, &toks, &ntok, err);
    if (st) {
        rs__free(norm);
        return st;
    }
    if (ntok == 0 || ntok > RS_MAX_TERM_TOKENS) {
        rs__free(norm);
        rs__free(toks);
        return rs__fail(err, RS_ERR_LEXICON, file, line,
                        "term \"%s\" has %zu tokens; a term needs 1 to %d",
                        written, ntok, RS_MAX_TERM_TOKENS);
    }
    rs_buf key;
    rs__buf_init(&key, 0);
    uint64_t h = 0;
    for (size_t i = 0; i < ntok; i++) {
        if (toks[i].kind == RS_TOKEN_BARRIER) {
            rs__free(norm);
            rs__free(toks);
            rs__buf_free(&key);
            return rs__fail(err, RS_ERR_LEXICON, file, line,
                            "term \"%s\" reads as a URL, domain or e-mail address, "
                            "which the matcher never looks inside", written);
        }
        h = rs__seq_hash(h, &toks[i], i == 0);
        S_key_append(&key, norm, &toks[i], i == 0);
    }
    rs__free(norm);
    rs__free(toks);
    if (!p && !(p = rs__calloc(1, sizeof *p))) {
        rs__buf_free(&key);
        return rs__nomem(err, file);
    }
    lex->pending = p;
    char *k = rs__buf_detach(&key, NULL);
    rs_term_form *form = NULL;
    size_t *pat = NULL;
    if (alias && !(form = rs__calloc(1, sizeof *form)))
        goto nomem;
    if (pattern && !(pat = rs__malloc(sizeof *pat)))
        goto nomem;
    if (!k || !rs__grow_zeroed((void **)&p->items, &p->cap, p->count + 1, sizeof *p->items))
        goto nomem;
    S_raw *r = &p->items[p->count];
    memset(r, 0, sizeof *r);
    r->order = p->count++;
    r->term.hash = h;
    r->term.key = k;
    r->term.ntokens = (uint8_t)ntok;
    r->term.flags = flag;
    r->term.skill = skill;
    r->term.file = file;
    r->term.line = line;
    if (form) {
        form->written = alias->term;
        form->exact_case = alias->exact_case;
        form->needs_context = alias->needs_context;
        r->term.forms = form;
        r->term.form_count = 1;
    }
    if (pat) {
        *pat = *pattern;
        r->term.patterns = pat;
        r->term.pattern_count = 1;
    }
    return RS_OK;
nomem:
    rs__free(k);
    rs__free(form);
    rs__free(pat);
    return rs__nomem(err, file);
}

static int S_cmp_raw(const void *a, const void *b)
{
    const S_raw *x = a, *y = b;
    int c = strcmp(x->term.key, y->term.key);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void S_term_release(rs_term *t)
{
    rs__free(t->key);
    rs__free(t->forms);
    rs__free(t->patterns);
    memset(t, 0, sizeof *t);
}

static bool S_append(void **arr, size_t *count, const void *item, size_t size)
{
    void *p = rs__realloc(*arr, (*count + 1) * size);
    if (!p)
        return false;
    memcpy((char *)p + *count * size, item, size);
    *arr = p;
    (*count)++;
    return true;
}

/* Folds `src` (same key) into `dst`; conflicting meanings are errors. */
static rs_status S_merge(const rs_lexicon *lex, rs_term *dst,
                         const rs_term *src, rs_error *err)
{
    if ((dst->flags & RS_TERM_ALIAS) && (src->flags & RS_TERM_ALIAS) &&
        dst->skill != src->skill)
        return rs__fail(err, RS_ERR_LEXICON, src->file, src->line,
                        "alias \"%s\" of skill '%s' is already an alias of skill "
                        "'%s' (%s:%u); an alias belongs to one skill",
                        src->forms[0].written, lex->skills[src->skill].id,
                        lex->skills[dst->skill].id, dst->file, dst->line);
    uint8_t both = dst->flags | src->flags;
    if ((both & RS_TERM_ALIAS) && (both & RS_TERM_STOP)) {
        const rs_term *a = (dst->flags & RS_TERM_ALIAS) ? dst : src;
        return rs__fail(err, RS_ERR_LEXICON, src->file, src->line,
                        "\"%s\" is both a stop phrase and an alias of '%s' (%s:%u)",
                        src->key, lex->skills[a->skill].id, dst->file, dst->line);
    }
    if ((src->flags & RS_TERM_ALIAS) && !(dst->flags & RS_TERM_ALIAS)) {
        dst->skill = src->skill;
        dst->file = src->file;
        dst->line = src->line;
    }
    dst->flags = both;
    for (size_t i = 0; i < src->form_count; i++)
        if (!S_append((void **)&dst->forms, &dst->form_count, &src->forms[i],
                      sizeof *dst->forms))
            return rs__nomem(err, src->file);
    for (size_t i = 0; i < src->pattern_count; i++)
        if (!S_append((void **)&dst->patterns, &dst->pattern_count,
                      &src->patterns[i], sizeof *dst->patterns))
            return rs__nomem(err, src->file);
    return RS_OK;
}

static rs_status S_merge_all(rs_lexicon *lex, S_raw *raw, size_t n,
                             rs_error *err)
{
    rs_term *out = rs__calloc(n ? n : 1, sizeof *out);
    if (!out)
        return rs__nomem(err, NULL);
    size_t m = 0;
    rs_status st = RS_OK;
    for (size_t i = 0; i < n; i++) {
        rs_term *src = &raw[i].term;
        if (m == 0 || strcmp(out[m - 1].key, src->key) != 0) {
            out[m++] = *src;
            memset(src, 0, sizeof *src);
            continue;
        }
        if (!st)
            st = S_merge(lex, &out[m - 1], src, err);
        S_term_release(src);
    }
    lex->terms = out;
    lex->term_count = m;
    for (size_t i = 0; i < m; i++) {
        if (out[i].flags & RS_TERM_STOP)
            lex->stop_count++;
        if (out[i].flags & RS_TERM_CUE)
            lex->cue_count++;
    }
    return st;
}

static bool S_table_init(rs_table *t, size_t entries)
{
    size_t size = 64;
    while (size < entries * 2 + 1)
        size *= 2;
    t->keys = rs__calloc(size, sizeof *t->keys);
    t->values = rs__calloc(size, sizeof *t->values);
    t->mask = size - 1;
    return t->keys && t->values;
}

static void S_table_put(rs_table *t, uint64_t key, uint32_t value)
{
    size_t i = (size_t)key & t->mask;
    while (t->keys[i])
        i = (i + 1) & t->mask;
    t->keys[i] = key;
    t->values[i] = value;
}

/* Re-tokenizes a merged term's key to record its proper prefixes. */
static rs_status S_add_prefixes(rs_lexicon *lex, const rs_term *t, rs_error *err)
{
    rs_token *toks = NULL;
    size_t n = 0;
    rs_status st = rs__tokenize(t->key, strlen(t->key), &toks, &n, err);
    if (st)
        return st;
    uint64_t h = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        h = rs__seq_hash(h, &toks[i], i == 0);
        if (!rs__prefix_known(lex, h))
            S_table_put(&lex->prefix_table, h, 0);
    }
    rs__free(toks);
    return RS_OK;
}

rs_status rs__terms_index(rs_lexicon *lex, rs_error *err)
{
    S_pending *p = lex->pending;
    lex->pending = NULL;
    size_t n = p ? p->count : 0;
    if (n)
        qsort(p->items, n, sizeof *p->items, S_cmp_raw);
    rs_status st = S_merge_all(lex, p ? p->items : NULL, n, err);
    for (size_t i = 0; p && i < n; i++)
        S_term_release(&p->items[i].term);
    if (p)
        rs__free(p->items);
    rs__free(p);
    if (st)
        return st;
    size_t prefixes = 0;
    for (size_t i = 0; i < lex->term_count; i++)
        prefixes += lex->terms[i].ntokens - 1u;
    if (!S_table_init(&lex->term_table, lex->term_count) ||
        !S_table_init(&lex->prefix_table, prefixes))
        return rs__nomem(err, NULL);
    lex->max_tokens = 1;
    for (size_t i = 0; i < lex->term_count; i++) {
        const rs_term *t = &lex->terms[i];
        S_table_put(&lex->term_table, t->hash, (uint32_t)i);
        if (t->ntokens > lex->max_tokens)
            lex->max_tokens = t->ntokens;
        if (t->ntokens > 1 && (st = S_add_prefixes(lex, t, err)))
            return st;
    }
    return RS_OK;
}

void rs__terms_free(rs_lexicon *lex)
{
    S_pending *p = lex->pending;
    if (p) {   /* loading failed before indexing */
        for (size_t i = 0; i < p->count; i++)
            S_term_release(&p->items[i].term);
        rs__free(p->items);
        rs__free(p);
        lex->pending = NULL;
    }
    for (size_t i = 0; i < lex->term_count; i++)
        S_term_release(&lex->terms[i]);
    rs__free(lex->terms);
    rs__free(lex->term_table.keys);
    rs__free(lex->term_table.values);
    rs__free(lex->prefix_table.keys);
    rs__free(lex->prefix_table.values);
}
