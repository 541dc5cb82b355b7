/* requirements.c — what a posting asks for; see requirements.h and
 * docs/scoring.md. */
#include "requirements.h"
#include "text/text_internal.h"
#include "scan/qualify.h"
#include "analyze/analyze_internal.h"

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

/* A soft skill, a way of working or a business topic asked once weighs
 * this share of its section's weight: every posting names communication
 * and teamwork, and a resume rarely states them; asked twice or more, the
 * posting stresses it and it weighs in full. */
#define S_SOFT_SHARE 0.3

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

int rs__requirements_years(const rs_document *doc, const rs_section *sections,
                           size_t section_count, unsigned *line)
{
    bool headed = false;   /* a requirements heading: only it asks */
    for (size_t s = 0; s < section_count; s++)
        headed |= sections[s].kind == RS_SECTION_REQUIREMENTS;
    S_ctx c = {.doc = doc, .map = rs__document_map(doc)};
    c.norm = rs_document_normalized(doc, &c.norm_len);
    c.toks = rs__document_tokenized(doc, &c.ntok);
    if (!c.toks)
        return 0;
    int best = 0;
    for (size_t i = 0; i + 1 < c.ntok; i++) {
        bool claim;
        int v = rs__years_phrase(&c, i, &claim);
        if (v <= best)
            continue;
        unsigned ln = rs__token_line(&c, i);
        rs_section_kind k = rs__section_of(sections, section_count, ln);
        if (headed ? k == RS_SECTION_REQUIREMENTS
                   : claim && k != RS_SECTION_PREFERRED && k != RS_SECTION_BENEFITS &&
                         k != RS_SECTION_BOILERPLATE) {
            best = v;
            *line = ln;
        }
    }
    return best;
}

/* Reads every mention of one skill into q; false when none counts.
 * *negated is set when the only mentions say it is not needed. */
bool rs__soft_skill(const rs_lexicon *lex, size_t skill)
{
    const char *c = rs_lexicon_skill(lex, skill).category;
    return c && (strcmp(c, "soft_skill") == 0 || strcmp(c, "methodology") == 0 ||
                 strcmp(c, "business") == 0);
}

static bool S_read_skill(const rs_lexicon *lex, const rs_document *doc,
                         const rs_section *sections, size_t nsec, const rs_skill_hit *h,
                         rs_requirement *q, bool *negated)
{
    size_t neg = 0;
    bool must = false;
    *q = (rs_requirement){.skill = h->skill, .kind = RS_REQ_PREFERRED,
                          .met_by = RS_NOT_FOUND, .related = RS_NOT_FOUND};
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
    if (q->mentions < 2 && rs__soft_skill(lex, q->skill))
        q->weight *= S_SOFT_SHARE;
    return true;
}

/* ---- alternatives ------------------------------------------------------- */

typedef struct S_mention {
    size_t req;                 /* index into the requirements */
    size_t start, end;          /* original bytes */
    unsigned line;
} S_mention;

static int S_cmp_mention(const void *x, const void *y)
{
    const S_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

typedef enum { S_LINK_NONE, S_LINK_COMMA, S_LINK_ALT } S_link;

/* Copies s[a, b) lower-cased with runs of space made one, at most cap-1. */
static void S_squeeze(const char *s, size_t a, size_t b, char *out, size_t cap)
{
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b && o + 1 < cap; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t') {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < cap)
            out[o++] = ' ';
        space = false;
        out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
    }
    out[o] = '\0';
}

static bool S_is(const char *gap, const char *const *forms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(gap, forms[i]) == 0)
            return true;
    return false;
}

/* How the text between two mentions joins them: "or", "/", "and/or",
 * "or a similar tool (" make them alternatives; a bare comma lists them
 * (alternatives only when the list says so elsewhere); anything else
 * parts them. */
static S_link S_link_of(const char *gap)
{
    static const char *const alt[] = {"or", ", or", "/", " / ", "and/or", ", and/or",
                                      "or even", "(or", "or (", "), or", ") or"};
    static const char *const comma[] = {",", ", e.g.", ", e.g.,"};
    if (S_is(gap, alt, sizeof alt / sizeof alt[0]))
        return S_LINK_ALT;
    if (S_is(gap, comma, sizeof comma / sizeof comma[0]))
        return S_LINK_COMMA;
    /* "Airflow or a similar orchestrator (" */
    if ((strncmp(gap, "or ", 3) == 0 || strncmp(gap, ", or ", 5) == 0) &&
        (strstr(gap, "similar") || strstr(gap, "equivalent") || strstr(gap, "comparable")) &&
        gap[strlen(gap) - 1] == '(')
        return S_LINK_ALT;
    return S_LINK_NONE;
}

/* Does the text just before a list's first item say its items are
 * examples ("such as", "e.g.", "one of", "like")? */
static bool S_examples_before(const rs_document *doc, size_t start)
{
    static const char *const cues[] = {"such as", "e.g.", "e.g.,", "eg.", "for example",
                                       "one of", "any of", "like", "(e.g.", "including"};
    const char *s = rs_text_data(rs_document_text(doc));
    size_t a = start > 24 ? start - 24 : 0;
    for (size_t i = a; i < start; i++)
        if (s[i] == '\n')
            a = i + 1;
    char before[32];
    S_squeeze(s, a, start, before, sizeof before);
    size_t n = strlen(before);
    while (n && (before[n - 1] == ' ' || before[n - 1] == ':' || before[n - 1] == '('))
        before[--n] = '\0';
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++) {
        size_t k = strlen(cues[i]);
        if (n >= k && strcmp(before + n - k, cues[i]) == 0 &&
            (n == k || before[n - k - 1] == ' ' || before[n - k - 1] == '('))
            return true;
    }
    return false;
}

/* Groups the requirements named as alternatives of each other on one
 * line; a slash joins only skills of one category ("Python/Django" asks
 * for both). */
static rs_status S_group_alternatives(const rs_document *doc, const rs_lexicon *lex,
                                      const rs_scan *scan, rs_requirement *reqs, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        reqs[i].met_by = RS_NOT_FOUND;
        for (size_t h = 0; h < rs_scan_hit_count(scan); h++)
            if (rs_scan_hit(scan, h)->skill == reqs[i].skill)
                total += rs_scan_hit(scan, h)->evidence_count;
    }
    if (total < 2)
        return RS_OK;
    S_mention *m = rs__malloc(total * sizeof *m);
    if (!m)
        return RS_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t h = 0; h < rs_scan_hit_count(scan); h++) {
            const rs_skill_hit *hit = rs_scan_hit(scan, h);
            if (hit->skill != reqs[i].skill)
                continue;
            for (size_t e = 0; e < hit->evidence_count && k < total; e++)
                m[k++] = (S_mention){i, hit->evidence[e].orig_start, hit->evidence[e].orig_end,
                                     hit->evidence[e].line};
        }
    rs__sort(m, k, sizeof *m, S_cmp_mention);
    const char *orig = rs_text_data(rs_document_text(doc));
    size_t next_group = 1;
    for (size_t a = 0; a < k;) {   /* a chain of linked mentions [a, b] */
        size_t b = a;
        bool alt = false;
        while (b + 1 < k && m[b + 1].line == m[b].line && m[b + 1].start >= m[b].end) {
            char gap[64];
            if (m[b + 1].start - m[b].end >= sizeof gap)
                break;
            S_squeeze(orig, m[b].end, m[b + 1].start, gap, sizeof gap);
            S_link l = S_link_of(gap);
            if (l == S_LINK_NONE)
                break;
            if (strchr(gap, '/') && !strstr(gap, "and/or") &&
                strcmp(rs_lexicon_skill(lex, reqs[m[b].req].skill).category,
                       rs_lexicon_skill(lex, reqs[m[b + 1].req].skill).category) != 0)
                break;
            alt |= l == S_LINK_ALT;
            b++;
        }
        if (b > a && (alt || S_examples_before(doc, m[a].start))) {
            size_t g = 0;   /* a member already grouped on an earlier line keeps its group */
            for (size_t i = a; i <= b && !g; i++)
                g = reqs[m[i].req].group;
            g = g ? g : next_group++;
            for (size_t i = a; i <= b; i++)
                if (!reqs[m[i].req].group)
                    reqs[m[i].req].group = g;
        }
        a = b + 1;
    }
    rs__free(m);
    return RS_OK;
}

rs_status rs__requirements_read(const rs_lexicon *lex, const rs_document *doc,
                                const rs_section *sections, size_t section_count,
                                const rs_scan *scan,
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
        return rs__nomem(err, rs_text_name(rs_document_text(doc)));
    }
    for (size_t i = 0; i < hits; i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (h->implied_by != RS_NOT_FOUND)
            continue;   /* asked for only through another skill */
        bool neg;
        if (S_read_skill(lex, doc, sections, section_count, h, &(*reqs)[*n], &neg))
            (*n)++;
        else if (neg)
            (*negated)[(*n_negated)++] = h->skill;
    }
    if (S_group_alternatives(doc, lex, scan, *reqs, *n) != RS_OK)   /* the caller frees both */
        return rs__nomem(err, rs_text_name(rs_document_text(doc)));
    return RS_OK;
}

rs_status rs_requirements_read(const rs_lexicon *lex, const rs_document *posting,
                               const rs_scan *scan, rs_requirements **out, rs_error *err)
{
    *out = NULL;
    rs_requirements *r = rs__calloc(1, sizeof *r);
    if (!r)
        return rs__nomem(err, rs_text_name(rs_document_text(posting)));
    rs_section *sections = NULL;
    size_t nsec = 0;
    rs_status st = rs_sections_find(posting, RS_DOC_POSTING, &sections, &nsec, err);
    if (!st)
        st = rs__requirements_read(lex, posting, sections, nsec, scan, &r->reqs, &r->count,
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

rs_status rs__requirements_copy(const rs_requirements *r, rs_requirement **reqs, size_t *n,
                                size_t **negated, size_t *n_negated, rs_error *err)
{
    *reqs = rs__calloc(r->count ? r->count : 1, sizeof **reqs);
    *negated = rs__calloc(r->negated_count ? r->negated_count : 1, sizeof **negated);
    if (!*reqs || !*negated)
        return rs__nomem(err, NULL);   /* the caller frees both arrays */
    memcpy(*reqs, r->reqs, r->count * sizeof **reqs);
    memcpy(*negated, r->negated, r->negated_count * sizeof **negated);
    *n = r->count;
    *n_negated = r->negated_count;
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
