/* roles_internal.h — the loaded roles lexicon, shared by roles.c (loading),
 * titles.c (reading job titles) and analyze.c (level, scores, gaps). */
#ifndef RS_ROLES_INTERNAL_H
#define RS_ROLES_INTERNAL_H

#include "internal.h"

typedef struct rs_track_def {
    char *id;
    char *name;
    char **domains;          /* canonical domain words ("back end", "net") */
    size_t domain_count;
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
    char *version;
    rs_track_def *tracks;
    size_t track_count;
    rs_role_def *roles;
    size_t role_count;
    rs_scope_def *scopes;
    size_t scope_count;
    char **files;
    size_t file_count;
};

/* Index of a track id, or RS_NOT_FOUND. */
size_t rs__roles_track(const rs_roles *roles, const char *id);
/* The role on `track` at `rung`, else the nearest rung on that track; for
 * rungs 7 and 8 the executive roles of the backend ladder. */
size_t rs__roles_at(const rs_roles *roles, size_t track, int rung);

/* A title's canonical form: normalized, its words (runs of letters and
 * digits) joined by single spaces: "Sr. SWE (II)" -> "sr swe ii". New
 * string, or NULL on allocation failure (titles.c). */
char *rs__title_canonical_text(const char *text);

/* The level a title of any field states, on the rung scale: C-suite 8,
 * VP 7, director/head 6, principal/architect 5, lead/staff/manager 4,
 * senior 3, junior/intern 1, else 2 ("Sales Director" 6, "Marketing
 * Intern" 1); 0 when [start, end) holds no word. *stated is false when
 * the 2 is only the default (no level word, no ranked noun). */
int rs__title_seniority(const char *norm, size_t start, size_t end, bool *stated);

/* Builds the title gate: the words a line must hold to carry a title (a
 * head noun, or the last word of a listed title). RS_OK or RS_ERR_NOMEM. */
rs_status rs__title_gate_build(rs_roles *roles);
/* Is the word with this token hash (rs__token_hash) in the gate? A line
 * without such a word holds no title: most lines of prose go unread. */
bool rs__title_gate_has(const rs_roles *roles, uint64_t word_hash);

/* Reads the title in normalized text [start, end) (titles.c). */
bool rs__title_read(const rs_roles *roles, const char *norm, size_t start,
                    size_t end, rs_title_match *out);

#endif
