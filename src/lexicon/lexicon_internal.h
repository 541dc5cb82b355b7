/* lexicon_internal.h — the compiled lexicon shared by the loader (load.c),
 * the term table (terms.c) and the matcher (scan/scan.c). */
#ifndef RS_LEXICON_INTERNAL_H
#define RS_LEXICON_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

#define RS_MAX_TERM_TOKENS 16
#define RS_PATTERN_MATCH_LIMIT 100000u
#define RS_PATTERN_DEPTH_LIMIT 1000u

typedef struct rs_alias_def {
    char *term;          /* as written */
    unsigned line;
    bool needs_context;
    bool exact_case;
} rs_alias_def;

typedef struct rs_skill_def {
    char *id;
    char *name;
    int category;        /* index into rs_categories() */
    char *family;        /* family=, or NULL */
    const char *file;    /* owned by the lexicon's file list */
    unsigned line;
    rs_alias_def *aliases;
    size_t alias_count;
    char **implies_ids;
    unsigned *implies_lines;
    size_t *implies;     /* resolved skill indices */
    size_t implies_count;
    bool technical;      /* may anchor tech context */
} rs_skill_def;

typedef struct rs_pattern_def {
    size_t skill;
    char *source;
    char *trigger;
    const char *file;
    unsigned line;
    bool needs_context;
    pcre2_code *code;
} rs_pattern_def;

/* One form of a term as the lexicon wrote it (several aliases may
 * normalize to one key, e.g. "Go" and "GO"). */
typedef struct rs_term_form {
    const char *written;
    bool exact_case;
    bool needs_context;
} rs_term_form;

/* RS_TERM_ORG: a word that, capitalised after a capitalised skill name,
 * makes the two an organisation's name ("Lumen Health", "Spring Labs"). */
enum { RS_TERM_ALIAS = 1, RS_TERM_STOP = 2, RS_TERM_CUE = 4, RS_TERM_ORG = 8 };

typedef struct rs_term {
    uint64_t hash;
    char *key;           /* tokens joined: glued ones directly, others by ' ' */
    uint8_t ntokens;
    uint8_t flags;       /* RS_TERM_* */
    size_t skill;        /* for RS_TERM_ALIAS */
    rs_term_form *forms;
    size_t form_count;
    size_t *patterns;    /* patterns this term triggers */
    size_t pattern_count;
    const char *file;    /* where it was first defined, for messages */
    unsigned line;
} rs_term;

typedef struct rs_table {
    uint64_t *keys;      /* 0 = empty slot (hashes are never 0) */
    uint32_t *values;
    size_t mask;
} rs_table;

struct rs_lexicon {
    char **files;
    size_t file_count;
    char *version;
    char hash[32];
    rs_skill_def *skills;
    size_t skill_count;
    size_t *by_id;           /* skill indices sorted by id */
    rs_pattern_def *patterns;
    size_t pattern_count;
    void *pending;           /* raw terms while loading (terms.c) */
    rs_term *terms;
    size_t term_count;
    size_t stop_count;
    size_t cue_count;
    rs_table term_table;     /* sequence hash -> term index */
    rs_table prefix_table;   /* hashes of proper prefixes of terms */
    unsigned max_tokens;
    pcre2_match_context *match_context;
    void *cache_block;       /* when read from the compiled cache: the one
                                block the pointers above point into */
    int cache_state;         /* rs_cache_state */
};

/* Creates the match context with the patterns' limits (load.c). */
rs_status rs__lexicon_limits(rs_lexicon *lex, rs_error *err);

/* terms.c */
rs_status rs__term_add(rs_lexicon *lex, const char *written, uint8_t flag,
                       size_t skill, const rs_alias_def *alias,
                       const char *file, unsigned line, const size_t *pattern,
                       rs_error *err);
rs_status rs__terms_index(rs_lexicon *lex, rs_error *err);
void rs__terms_free(rs_lexicon *lex);


/* ---- the lookups the matcher makes per token: inline -------------------- */

#define RS_SEQ_SEED 0x6a09e667f3bcc909ull

/* The hash of a token sequence, extended by one token. */
static inline uint64_t rs__seq_hash(uint64_t seq, const rs_token *tok, bool first)
{
    uint64_t h = rs__hash_step(first ? RS_SEQ_SEED : seq, tok->hash, !first && tok->glued);
    return h ? h : 1;
}

/* Does the document span equal the key? Glued tokens are joined directly,
 * others by one space, exactly as keys were built. */
static inline bool rs__key_equals(const char *key, const char *text, const rs_token *toks,
                                  size_t n)
{
    const char *k = key;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !toks[i].glued && *k++ != ' ')
            return false;
        if (strncmp(k, text + toks[i].start, toks[i].len) != 0)
            return false;
        k += toks[i].len;
    }
    return *k == '\0';
}

/* Term index for a token span of a document, or RS_NOT_FOUND. */
static inline size_t rs__term_lookup(const rs_lexicon *lex, uint64_t hash, const char *text,
                                     const rs_token *toks, size_t n)
{
    const rs_table *t = &lex->term_table;
    for (size_t i = (size_t)hash & t->mask; t->keys[i]; i = (i + 1) & t->mask) {
        if (t->keys[i] != hash)
            continue;
        const rs_term *term = &lex->terms[t->values[i]];
        if (term->ntokens == n && rs__key_equals(term->key, text, toks, n))
            return t->values[i];
    }
    return RS_NOT_FOUND;
}

static inline bool rs__prefix_known(const rs_lexicon *lex, uint64_t hash)
{
    const rs_table *t = &lex->prefix_table;
    for (size_t i = (size_t)hash & t->mask; t->keys[i]; i = (i + 1) & t->mask)
        if (t->keys[i] == hash)
            return true;
    return false;
}

/* ---- skill categories (lexicon/load.c) --------------------------------- */
int rs__category_index(const char *name);
/* Technical categories give tech context; soft skills, leadership,
 * business and methodology do not. */
bool rs__category_technical(int index);

#endif
