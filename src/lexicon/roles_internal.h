/* roles_internal.h — the loaded roles lexicon, shared by roles.c (loading),
 * titles.c (reading job titles) and analyze.c (level, scores, gaps). */
#ifndef RS_ROLES_INTERNAL_H
#define RS_ROLES_INTERNAL_H

#include "internal.h"

typedef struct rs_track_def {
    char *id;
    char *name;
    char **domains;          /* canonical domain words ("back end", "net") */
    bool *domain_tech;       /* kind="technology": a language or framework
                                ("Java"), which a field word outranks */
    size_t domain_count;
    bool anywhere;           /* reads="anywhere": its domain names the field
                                wherever it stands */
    char *only_noun;         /* noun=: only titles with this head noun stay */
    char *else_id;           /* else=: where the others go */
    size_t else_track;
    char *spans_ids;         /* spans=: the tracks whose work this one joins
                                ("frontend backend" for full stack) */
    size_t *spans;           /* spans_ids resolved */
    size_t span_count;
    char *practice_ids;      /* practice=: skills naming the track's own work */
    size_t *practice;        /* resolved to lexicon indices */
    size_t practice_count;
    const char *file;
    unsigned line;
} rs_track_def;

typedef struct rs_role_skill_def {
    char *ref;
    size_t skill;
    rs_weight weight;
    char *why;
} rs_role_skill_def;

typedef struct rs_role_def {
    char *id;
    char *title;
    char *track_id;
    size_t track;
    int rung;
    char *summary;
    char **titles;
    char **norm_titles;      /* canonical (rs__title_canonical_text) */
    size_t title_count;
    char **resp;
    size_t resp_count;
    rs_role_skill_def *skills;
    size_t skill_count;
    long salary_min, salary_max;
    char *currency;
    char *salary_region;     /* where the figures hold ("US") */
    char *salary_source;
    char **advice;
    size_t advice_count;
    char **lateral_ids;
    size_t *laterals;
    size_t lateral_count;
    const char *file;
    unsigned line;
} rs_role_def;

typedef struct rs_scope_def {
    size_t skill;
    int rung;
} rs_scope_def;

/* The head noun of a title ("engineer", "director"): an IC noun's rung is
 * replaced by a level word, a rank noun's only raised. */
enum { RS_NOUN_IC = 1, RS_NOUN_NEEDS_TECH = 2, RS_NOUN_NEEDS_DOMAIN = 4, RS_NOUN_NEEDS_LEVEL = 8 };

typedef struct rs_noun_def {
    char *word;              /* canonical, one or more words */
    int rung;
    int flags;               /* RS_NOUN_* */
    char *track_id;          /* NULL: the domain words pick the track */
    size_t track;            /* resolved after loading, or RS_NOT_FOUND */
    const char *file;
    unsigned line;
} rs_noun_def;

typedef struct rs_modifier_def {
    char *word;
    int rung;
    bool after_noun;         /* "Engineer II", never "2 Engineers" */
} rs_modifier_def;

/* The word lists of title reading (titles.xml, <words list="...">). */
enum {
    RS_WORDS_TECH, RS_WORDS_OTHER_FIELD, RS_WORDS_GENERIC_DOMAIN, RS_WORDS_PROSE,
    RS_WORDS_C_SUITE, RS_WORDS_ENTRY, RS_WORDS_TITLE_END, RS_WORDS_MANAGER_NOUN,
    RS_WORDS_ENGINEERING_CATEGORY,   /* skill categories that show engineering,
                                        as written ("ci_cd") */
    RS_WORDS_GENERATED_LEXICON,      /* skill files whose skills count half
                                        for scope, by file name */
    RS_WORDS_OTHER_OCCUPATION,       /* head nouns of jobs outside
                                        engineering (occupations.xml) */
    RS_WORDS_OTHER_SENSE,            /* words before a domain word that give
                                        it another field's sense */
    RS_WORDS_TRACK_BLIND_CATEGORY,   /* skill categories every track shares:
                                        no evidence of a track */
    RS_WORDS_DOCUMENT_LABEL,         /* words labelling a resume's heading
                                        ("Resume", "CV", "Name") */
    RS_WORDS_NAME_PARTICLE,          /* lowercase words of a person's name */
    RS_WORDS_TITLE_WORD,             /* words job titles of any field use
                                        (occupations.xml) */
    RS_WORDS_TITLE_HEAD,             /* nouns that end many job titles of any
                                        field ("designer", "cook") */
    RS_WORDS_COUNT
};

typedef struct rs_word_list {
    char **words;
    size_t count;
    uint64_t *hashes;        /* open addressing by token hash, 0 empty */
    uint32_t *slots;         /* slot -> index into words */
    size_t mask;
} rs_word_list;

/* One word of a signal's pattern: alternatives, each a whole word or a
 * word start ("team*"). */
typedef struct rs_signal_alt {
    char *text;
    size_t len;
    bool prefix;
} rs_signal_alt;

typedef struct rs_signal_word {
    rs_signal_alt *alts;
    size_t alt_count;
} rs_signal_word;

enum { RS_SIGNAL_RUNG, RS_SIGNAL_WORK, RS_SIGNAL_TRACK };

/* A phrase of the language of work (signals.xml). */
typedef struct rs_signal_def {
    int kind;                /* RS_SIGNAL_* */
    int rung;                /* RS_SIGNAL_RUNG: the rung it says */
    double weight;
    char *pattern;           /* as written, for messages */
    rs_signal_word *words;
    size_t word_count;
    char *track_id;          /* the work of one track ("1x1s": people
                                managers), or NULL */
    size_t track;            /* resolved after loading, or RS_NOT_FOUND */
    const char *file;
    unsigned line;
} rs_signal_def;

/* Where a signal may start, hashed into buckets of signal indexes: a
 * whole first word by its token hash (rs__token_hash, as the tokens carry
 * it), a word start by its first three bytes. */
typedef struct rs_signal_index {
    uint32_t *heads;         /* bucket -> first entry + 1, 0 when empty */
    uint32_t *next;          /* entry -> next entry + 1 */
    uint32_t *signal;        /* entry -> signal index */
    uint64_t *key;           /* entry -> token hash, or packed word start */
    size_t mask;
    size_t count;
} rs_signal_index;

typedef struct rs_title_ref {
    const char *canon;       /* a role's norm_titles entry */
    size_t role;
} rs_title_ref;

struct rs_roles {
    const rs_lexicon *lex;
    rs_title_ref *title_index;   /* every listed title, sorted by canon */
    size_t title_index_count;
    uint64_t *title_gate;        /* hashes of words a title needs (titles.c) */
    size_t title_gate_mask;
    uint64_t *domain_gate;       /* hashes of the first words of domains */
    size_t domain_gate_mask;
    char *version;
    rs_track_def *tracks;
    size_t track_count;
    size_t ladder;               /* reads="ladder": executives, the default
                                    track, or RS_NOT_FOUND */
    size_t people;               /* reads="people": managers of technology */
    rs_role_def *roles;
    size_t role_count;
    rs_scope_def *scopes;
    size_t scope_count;
    rs_noun_def *nouns;
    size_t noun_count;
    size_t *noun_order;          /* the nouns by first byte, each byte's in
                                    file order: noun_order[noun_first[b] ..
                                    noun_first[b + 1]) start with byte b */
    size_t noun_first[257];
    rs_modifier_def *modifiers;
    size_t modifier_count;
    rs_word_list words[RS_WORDS_COUNT];
    rs_signal_def *signals;
    size_t signal_count;
    rs_signal_index signal_index;         /* whole first words */
    rs_signal_index signal_prefix_index;  /* first words that are word starts */
    char **files;
    size_t file_count;
    double *specificity;         /* per lexicon skill: log(tracks / tracks
                                    whose roles list it), 0 for none */
    void *cache_block;           /* when read from the compiled cache: the
                                    one block the pointers above point into */
    int cache_state;             /* rs_cache_state */
};

/* Index of a track id, or RS_NOT_FOUND. */
size_t rs__roles_track(const rs_roles *roles, const char *id);
/* The role on `track` at `rung`, else the nearest rung on that track; for
 * rungs 7 and 8 the executive roles of the ladder track. */
size_t rs__roles_at(const rs_roles *roles, size_t track, int rung);

/* Is `word` (len bytes) in word list `list`? */
bool rs__roles_word_in(const rs_roles *roles, int list, const char *word, size_t len);

/* Parses a signal pattern into words; RS_OK, RS_ERR_NOMEM or RS_ERR_LEXICON
 * for a pattern with no word (signals.c). */
rs_status rs__signal_parse(rs_signal_def *sig, const char *pattern);
void rs__signal_free(rs_signal_def *sig);
/* Builds the signal indexes; RS_OK or RS_ERR_NOMEM (signals.c). */
rs_status rs__signal_index_build(rs_roles *roles);
void rs__signal_index_free(rs_signal_index *x);

/* A title's canonical form: normalized, its words (runs of letters and
 * digits) joined by single spaces: "Sr. SWE (II)" -> "sr swe ii". New
 * string, or NULL on allocation failure (titles.c). */
char *rs__title_canonical_text(const char *text);

/* The level a title of any field states, on the rung scale: C-suite 8,
 * VP 7, director/head 6, principal/architect 5, lead/staff/manager 4,
 * senior 3, junior/intern 1, else 2 ("Sales Director" 6, "Marketing
 * Intern" 1); 0 when [start, end) holds no word. *stated is false when
 * the 2 is only the default (no level word, no ranked noun). */
int rs__title_seniority(const rs_roles *roles, const char *norm, size_t start, size_t end,
                        bool *stated);

/* Builds the title gate: the words a line must hold to carry a title (a
 * head noun, or the last word of a listed title). RS_OK or RS_ERR_NOMEM. */
rs_status rs__title_gate_build(rs_roles *roles);
/* Is the word with this token hash (rs__token_hash) in the gate? A line
 * without such a word holds no title: most lines of prose go unread. */
bool rs__title_gate_has(const rs_roles *roles, uint64_t word_hash);
/* The track whose one-word domain is this word ("backend", "mobile"), or
 * RS_NOT_FOUND (titles.c). */
size_t rs__domain_word_track(const rs_roles *roles, const char *word, size_t len);

/* Does the line [start, end) of normalized text name a job outside
 * engineering ("Staff Accountant", "Account Manager, Cloud")? A short line
 * whose head noun is one of the other occupations or a title noun other
 * than an engineer's, with no technology word before it. The caller knows
 * whether the line also reads as an engineering title (titles.c). */
bool rs__title_other_job(const rs_roles *roles, const char *norm, size_t start, size_t end);

/* What the caller knows of the text it asks to read as a title. */
typedef enum rs_title_given {
    RS_TITLE_IN_TEXT,   /* a line of a longer text */
    RS_TITLE_PART,      /* a part of a text known to be a title: a noun
                           that otherwise needs a level word ("DevOps",
                           "QA") stands alone */
    RS_TITLE_WHOLE      /* the whole of such a text: also "[level]
                           technology" ("Middle Java", "React Native") */
} rs_title_given;

/* Reads the title in normalized text [start, end) (titles.c). */
bool rs__title_read(const rs_roles *roles, const char *norm, size_t start,
                    size_t end, rs_title_given given, rs_title_match *out);

/* Up to max roles whose id or a title is nearest to text by edit distance
 * (case-insensitive), nearest first, into out; returns how many. For the
 * message of a --target that names no role. */
size_t rs__roles_nearest(const rs_roles *r, const char *text, size_t *out, size_t max);

/* The role whose id text misspells: text is written as an id is
 * ("backend-laed"), names none, and is at most two edits from this one;
 * else RS_NOT_FOUND. Such a text is a typo, not a title to read. */
size_t rs__roles_id_near(const rs_roles *r, const char *text);

/* Does skill name the own practice of track (practice= of roles.xml)? */
bool rs__roles_practice(const rs_roles *r, size_t track, size_t skill);

#endif
