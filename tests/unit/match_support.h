/* match_support.h — what the match tests share: a text read, scanned and
 * analysed with the shipped lexicons (support.h's S_lex, S_roles) as of
 * Nov 2026, a resume-posting pair matched, and lookups in the result.
 * Include after support.h. */
#ifndef RS_TEST_MATCH_SUPPORT_H
#define RS_TEST_MATCH_SUPPORT_H

#include <stdbool.h>
#include <string.h>

#include "rolescan.h"

typedef struct mdoc {
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a;
} mdoc;

static inline mdoc read_doc(const char *name, const char *text)
{
    mdoc d = {0};
    rs_error err = {0};
    rs_text *t = NULL;
    rs_analysis_options o = {.as_of = {2026, 11}};
    assert_int_equal(rs_text_decode(name, (const unsigned char *)text, strlen(text), 0, &t, &err),
                     RS_OK);
    assert_int_equal(rs_document_new(t, &d.doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, d.doc, &d.scan, &err), RS_OK);
    assert_int_equal(rs_analyze(S_roles, S_lex, d.doc, d.scan, &o, &d.a, &err), RS_OK);
    return d;
}

static inline void free_doc(mdoc *d)
{
    rs_analysis_free(d->a);
    rs_scan_free(d->scan);
    rs_document_free(d->doc);
}

typedef struct pair {
    mdoc resume, posting;
    rs_match *m;
} pair;

static inline pair match_pair(const char *resume, const char *posting)
{
    pair p = {read_doc("resume.txt", resume), read_doc("posting.txt", posting), NULL};
    rs_error err = {0};
    rs_match_input r = {p.resume.doc, p.resume.scan, p.resume.a, NULL};
    rs_match_input q = {p.posting.doc, p.posting.scan, p.posting.a, NULL};   /* read here */
    rs_status st = rs_match_run(S_roles, S_lex, &r, &q, &p.m, &err);
    if (st != RS_OK)
        fail_msg("rs_match_run: %d %s", (int)st, err.message);
    return p;
}

static inline void free_pair(pair *p)
{
    rs_match_free(p->m);
    free_doc(&p->resume);
    free_doc(&p->posting);
}

/* The requirement for skill `id`, or NULL when the posting does not ask. */
static inline const rs_requirement *req(const rs_match *m, const char *id)
{
    size_t skill = rs_lexicon_find(S_lex, id);
    for (size_t i = 0; i < rs_match_requirement_count(m); i++)
        if (rs_match_requirement(m, i)->skill == skill)
            return rs_match_requirement(m, i);
    return NULL;
}

/* The requirement for skill `id`; a test failure when the posting does not
 * ask for it (then a blank one, so callers can read fields). */
static inline const rs_requirement *need(const rs_match *m, const char *id)
{
    static const rs_requirement none = {0};
    const rs_requirement *q = req(m, id);
    if (!q)
        fail_msg("the posting does not ask for %s", id);
    return q ? q : &none;
}

static inline bool has_suggestion(const rs_match *m, const char *part)
{
    for (size_t i = 0; i < rs_match_suggestion_count(m); i++)
        if (strstr(rs_match_suggestion(m, i), part))
            return true;
    return false;
}

#endif
