/* requirements.c — what a posting asks for; see requirements.h and
 * docs/scoring.md. */
#include "requirements.h"
#include "qualify.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct rs_requirements {
    rs_requirement *reqs;
    size_t count;
    size_t *negated;
    size_t negated_count;
    int years;
    unsigned years_line;
};

#define S_YEARS_MAX 50       /* more is a company's age, not a candidate's */
#define S_EXPERIENCE_REACH 7 /* tokens after "years" where "experience" may stand */

rs_section_kind rs__section_of(const rs_section *s, size_t n, unsigned line)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {   /* the last section starting at or before line */
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid].first_line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? s[lo - 1].kind : RS_SECTION_OTHER;
}

/* How much a mention counts where it stands; 0 for benefits and
 * boilerplate, which ask for nothing. */
static double S_section_weight(rs_section_kind k)
{
    switch (k) {
    case RS_SECTION_REQUIREMENTS: case RS_SECTION_TITLE: return 3;
    case RS_SECTION_RESPONSIBILITIES: return 2;
    case RS_SECTION_PREFERRED: return 1.5;
    case RS_SECTION_BENEFITS: case RS_SECTION_BOILERPLATE: return 0;
    default: return 1;
    }
}

static bool S_tok(const rs_document *doc, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i < doc->token_count && doc->tokens[i].len == n &&
           memcmp(doc->norm + doc->tokens[i].start, lit, n) == 0;
}

/* Token i as a number of 1..S_YEARS_MAX written in digits, else 0. */
static int S_count_at(const rs_document *doc, size_t i)
{
    const rs_token *t = &doc->tokens[i];
    if (t->len < 1 || t->len > 2)
        return 0;
    int v = 0;
    for (size_t k = 0; k < t->len; k++) {
        char ch = doc->norm[t->start + k];
        if (ch < '0' || ch > '9')
            return 0;
        v = v * 10 + (ch - '0');
    }
    return v <= S_YEARS_MAX ? v : 0;
}

static unsigned S_line_of(const rs_document *doc, size_t tok)
{
    return rs_document_position(doc, doc->map[doc->tokens[tok].start]).line;
}

/* Does a word of schooling follow within three tokens on the line ("a
 * 4-year BA/BS program", "4 year degree")? A course's length asks no
 * experience. */
static bool S_schooling_after(const rs_document *doc, size_t from, unsigned line)
{
    static const char *const words[] = {"degree", "program", "programme", "ba", "bs", "bsc",
                                        "bachelor", "bachelors", "college", "university",
                                        "course", "apprenticeship"};
    for (size_t k = from; k < doc->token_count && k < from + 3; k++) {
        if (S_line_of(doc, k) != line)
            break;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (S_tok(doc, k, words[w]))
                return true;
    }
    return false;
}

/* Does "experience" (or "professional") follow within reach on the line? */
static bool S_experience_after(const rs_document *doc, size_t from, unsigned line)
{
    for (size_t k = from; k < doc->token_count && k < from + S_EXPERIENCE_REACH; k++) {
        if (S_line_of(doc, k) != line)
            break;
        if (S_tok(doc, k, "experience") || S_tok(doc, k, "professional"))
            return true;
    }
    return false;
}

int rs__requirements_years(const rs_document *doc, const rs_section *sections,
                           size_t section_count, unsigned *line)
{
    bool headed = false;   /* a requirements heading: only it asks */
    for (size_t s = 0; s < section_count; s++)
        headed |= sections[s].kind == RS_SECTION_REQUIREMENTS;
    int best = 0;
    for (size_t i = 0; doc->tokenized && doc->map && i + 1 < doc->token_count; i++) {
        int v = S_count_at(doc, i);
        if (!v)
            continue;
        size_t j = i + 1;
        bool plus = S_tok(doc, j, "+");
        j += plus || S_tok(doc, j, "-");   /* "5+ years", "1-year" */
        if (!S_tok(doc, j, "years") && !S_tok(doc, j, "year") && !S_tok(doc, j, "yrs"))
            continue;
        if (S_tok(doc, j + 1, "old") || S_tok(doc, j + 1, "ago"))
            continue;
        unsigned ln = S_line_of(doc, i);
        if (S_schooling_after(doc, j + 1, ln))
            continue;
        rs_section_kind k = rs__section_of(sections, section_count, ln);
        bool asks = headed ? k == RS_SECTION_REQUIREMENTS
                           : k != RS_SECTION_PREFERRED && k != RS_SECTION_BENEFITS &&
                                 k != RS_SECTION_BOILERPLATE &&
                                 (plus || S_experience_after(doc, j + 1, ln));
        if (asks && v > best) {
            best = v;
            *line = ln;
        }
    }
    return best;
}

/* Reads every mention of one skill into q; false when none counts.
 * *negated is set when the only mentions say it is not needed. */
static bool S_read_skill(const rs_document *doc, const rs_section *sections, size_t nsec,
                         const rs_skill_hit *h, rs_requirement *q, bool *negated)
{
    size_t neg = 0;
    bool must = false;
    *q = (rs_requirement){.skill = h->skill, .kind = RS_REQ_PREFERRED};
    for (size_t e = 0; e < h->evidence_count; e++) {
        const rs_evidence *ev = &h->evidence[e];
        rs_section_kind k = rs__section_of(sections, nsec, ev->line);
        double w = S_section_weight(k);
        rs_mention mm = rs__qualify_mention(doc, ev->orig_start, ev->orig_end);
        if (mm.mode == RS_MENTION_NEGATED) {
            neg++;   /* said anywhere, even in the company blurb */
            continue;
        }
        if (w == 0)
            continue;
        bool preferred = mm.mode == RS_MENTION_PREFERRED || k == RS_SECTION_PREFERRED;
        if (preferred && w > 1.5)
            w = 1.5;
        must |= !preferred;
        if (mm.years > q->years_required)
            q->years_required = mm.years;
        if (q->mentions++ == 0)
            q->line = ev->line;
        if (w > q->weight || (w == q->weight && k != q->section && !preferred)) {
            q->weight = w;
            q->section = preferred && k != RS_SECTION_PREFERRED ? RS_SECTION_PREFERRED : k;
        }
    }
    *negated = q->mentions == 0 && neg > 0;
    if (q->mentions == 0)
        return false;
    q->kind = must ? RS_REQ_MUST : RS_REQ_PREFERRED;
    double extra = 0.5 * (double)(q->mentions - 1);
    q->weight += extra > 1 ? 1 : extra;
    return true;
}

rs_status rs__requirements_read(const rs_document *doc, const rs_section *sections,
                                size_t section_count, const rs_scan *scan,
                                rs_requirement **reqs, size_t *n, size_t **negated,
                                size_t *n_negated, rs_error *err)
{
    size_t hits = rs_scan_hit_count(scan);
    *n = *n_negated = 0;
    *reqs = rs__calloc(hits ? hits : 1, sizeof **reqs);
    *negated = rs__calloc(hits ? hits : 1, sizeof **negated);
    if (!*reqs || !*negated) {
        rs__free(*reqs);
        rs__free(*negated);
        *reqs = NULL;
        *negated = NULL;
        return rs__nomem(err, doc->text->name);
    }
    for (size_t i = 0; i < hits; i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (h->implied_by != RS_NOT_FOUND)
            continue;   /* asked for only through another skill */
        bool neg;
        if (S_read_skill(doc, sections, section_count, h, &(*reqs)[*n], &neg))
            (*n)++;
        else if (neg)
            (*negated)[(*n_negated)++] = h->skill;
    }
    return RS_OK;
}

rs_status rs_requirements_read(const rs_document *posting, const rs_scan *scan,
                               rs_requirements **out, rs_error *err)
{
    *out = NULL;
    rs_requirements *r = rs__calloc(1, sizeof *r);
    if (!r)
        return rs__nomem(err, posting->text->name);
    rs_section *sections = NULL;
    size_t nsec = 0;
    rs_status st = rs_sections_find(posting, RS_DOC_POSTING, &sections, &nsec, err);
    if (!st)
        st = rs__requirements_read(posting, sections, nsec, scan, &r->reqs, &r->count,
                                   &r->negated, &r->negated_count, err);
    if (!st)
        r->years = rs__requirements_years(posting, sections, nsec, &r->years_line);
    rs_free(sections);
    if (st) {
        rs_requirements_free(r);
        return st;
    }
    *out = r;
    return RS_OK;
}

void rs_requirements_free(rs_requirements *r)
{
    if (!r)
        return;
    rs__free(r->reqs);
    rs__free(r->negated);
    rs__free(r);
}

size_t rs_requirements_count(const rs_requirements *r) { return r ? r->count : 0; }

int rs_requirements_years(const rs_requirements *r, unsigned *line)
{
    if (line)
        *line = r ? r->years_line : 0;
    return r ? r->years : 0;
}

const rs_requirement *rs_requirements_get(const rs_requirements *r, size_t i)
{
    return r && i < r->count ? &r->reqs[i] : NULL;
}

size_t rs_requirements_negated_count(const rs_requirements *r)
{
    return r ? r->negated_count : 0;
}

size_t rs_requirements_negated(const rs_requirements *r, size_t i)
{
    return r && i < r->negated_count ? r->negated[i] : RS_NOT_FOUND;
}
