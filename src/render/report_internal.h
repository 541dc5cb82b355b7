/* report_internal.h — the render stage's one hand-off: a report is built
 * once from a product's inputs (report.c), with every choice a reader sees
 * already made (the closest role and the next rung, the gaps and the moves
 * within reach, the ladder shown, the skills grouped by category, a
 * classification's fields), and each renderer is a function of it alone.
 * Renderers choose layout, never content. */
#ifndef RS_REPORT_INTERNAL_H
#define RS_REPORT_INTERNAL_H

#include "internal.h"

#define RS__NO_ROLE ((size_t)-1)
#define RS__GAPS_KEPT 64     /* missing skills kept per role; renderers show fewer */
#define RS__REACH_KEPT 16    /* lateral moves within reach kept */
#define RS__TOP_SKILLS 8     /* skills a report leads with */
#define RS__RUNGS 8

typedef enum rs__product {
    RS__SCAN = 0,
    RS__SCORE,
    RS__MATCH,
    RS__CLASSIFICATION,
    RS__BATCH,
    RS__PRODUCTS
} rs__product;

/* A run of a scan's hits of one category (the scan lists them grouped, in
 * the lexicon's one category order). */
typedef struct rs__skill_group {
    const char *category;
    size_t first, count;     /* hits first..first+count-1 */
} rs__skill_group;

/* What a role lacks: every missing skill (up to RS__GAPS_KEPT), most
 * important first, and its score. role is RS__NO_ROLE when there is none. */
typedef struct rs__gap_view {
    size_t role;
    rs_role_score score;
    rs_role_skill missing[RS__GAPS_KEPT];
    size_t missing_count;
} rs__gap_view;

/* One document of a scan or score report. The first five fields are the
 * caller's input; the rest is decided here once. */
typedef struct rs__doc_view {
    const char *name;
    const rs_document *doc;      /* NULL with error */
    const rs_scan *scan;
    const rs_analysis *analysis; /* score reports only */
    const rs_error *error;
    size_t implied;              /* hits implied by another skill */
    size_t unclaimed;            /* hits only negated or known in passing */
    rs__skill_group *groups;
    size_t group_count;
    size_t top[RS__TOP_SKILLS];  /* hits claimed in the text's own words,
                                    most mentioned first */
    size_t top_count;
    /* Score reports with an analysis: */
    bool in_scope;               /* as the analysis says */
    const char *why;             /* the reason when out of scope, or NULL */
    bool placed;                 /* in scope with a closest role: the ladder,
                                    gaps and advice are shown */
    size_t best;                 /* closest role, or RS__NO_ROLE */
    size_t target;               /* the role asked for (--target), or RS__NO_ROLE */
    size_t focus;                /* what gaps, advice and salary are about: the
                                    target when one was asked for, else best */
    size_t next;                 /* the focus's next rung, or RS__NO_ROLE */
    int rung;
    double confidence;
    rs__gap_view gaps;           /* for the focus */
    rs__gap_view next_gaps;      /* for the next rung */
    size_t reach[RS__REACH_KEPT];   /* lateral moves within reach */
    size_t reach_count;
    size_t ladder[RS__RUNGS + 1];   /* the role shown at each rung of the
                                       closest role's track (the backend
                                       ladder's where the track has none) */
    bool leads_over_score;       /* the closest role leads roles that scored
                                    higher (RS__LEADS_NOTE says why) */
    bool has_person;             /* the resume names its owner: */
    rs_evidence person;          /* where (rs_document_person) */
} rs__doc_view;

/* Why the closest role can lead roles that scored higher: the analysis
 * puts first the best-scored role on the text's track at its rung. */
#define RS__LEADS_NOTE                                                        \
    "The first role is on the track and at the rung the evidence gives; the " \
    "others follow by score."

/* A classification row's fields, as every format writes them. */
typedef struct rs__row_view {
    rs_row_status status;
    const char *track;
    int rung;
    int seniority;
    const char *role;
    const char *role_title;
    double score;
    const char *runner_up;
    double runner_up_score;
    int years;
    const char *message;        /* may point into joined: copy the view with care */
    const char *reason;         /* the message without the input's warnings */
    char joined[640];           /* a reason and the input's warnings, joined */
} rs__row_view;

struct rs_report {
    rs__product product;
    const rs_roles *roles;       /* NULL for scan reports */
    const rs_lexicon *lex;
    rs_date as_of;
    /* scan and score */
    rs__doc_view *docs;
    size_t count;
    const rs_match *match;       /* score: the match view of `report --job` */
    const char *job_name;
    /* match */
    const char *resume_name;
    const rs_match_result *matches;
    /* classification */
    const rs_classification *row;
    rs__row_view fields;
    /* batch */
    const rs_batch *batch;
};

/* A classification's fields (also the batch row of rs_classification_row). */
void rs__row_fields(const rs_roles *roles, const rs_classification *c, rs__row_view *f);

/* Every renderer has this shape; *out is the caller's (rs_free). */
typedef rs_status (*rs__renderer)(const rs_report *r, unsigned flags, char **out, size_t *len,
                                  rs_error *err);

rs_status rs__render_scan_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                               rs_error *err);
rs_status rs__render_scan_json(const rs_report *r, unsigned flags, char **out, size_t *len,
                               rs_error *err);
rs_status rs__render_score_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
/* JSON Lines: each document's (each posting's) entry of the JSON document
 * on one line; a match line also names the resume and its warnings. */
rs_status rs__render_score_jsonl(const rs_report *r, unsigned flags, char **out, size_t *len,
                                 rs_error *err);
rs_status rs__render_match_jsonl(const rs_report *r, unsigned flags, char **out, size_t *len,
                                 rs_error *err);
rs_status rs__render_score_json(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
rs_status rs__render_score_html(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
rs_status rs__render_match_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
rs_status rs__render_match_json(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
rs_status rs__render_match_csv(const rs_report *r, unsigned flags, char **out, size_t *len,
                               rs_error *err);
rs_status rs__render_classify_table(const rs_report *r, unsigned flags, char **out,
                                    size_t *len, rs_error *err);
rs_status rs__render_classify_csv(const rs_report *r, unsigned flags, char **out, size_t *len,
                                  rs_error *err);
rs_status rs__render_classify_jsonl(const rs_report *r, unsigned flags, char **out,
                                    size_t *len, rs_error *err);
rs_status rs__render_batch_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);
rs_status rs__render_batch_html(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err);

#endif
