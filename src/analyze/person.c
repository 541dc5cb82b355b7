/* person.c — whose resume it is: the name its first lines give, as
 * written ("TOMASZ KOWALCZYK", "# Marco Bellini", "Résumé — DANIEL OKAFOR",
 * "Name: Jan van der Berg").
 *
 * Only the heading block is read: the lines before the first section
 * heading, at most S_HEAD_LINES of them, ending at a line of prose. A line
 * names the person when, split at its separators ("—", "|", ":", ","),
 * one part is a name and every other part only labels the document
 * ("Résumé", "CV", "Name"). A name is two to four capitalised words of
 * letters (hyphenated and initialled words allowed, lowercase particles
 * between them), none of which a resume heading, an engineering title, an
 * occupation's head noun, a field or a technology uses, where the scan
 * found no skill, at most half of them words other job titles use, the
 * last not a common job noun: "ENGLISH TEACHER", "Career Overview", "HR
 * Generalist", "VR Designer", "Microsoft Office Suite" and "Senior
 * Software Engineer" are no one's name. Nor is one of more than 120
 * bytes, or with a control or format character. A surname that is also a
 * common job noun ("Cook") is missed, and the caller falls back to the
 * file's name: a missed name costs less than a job title taken for one. */
#include "analyze_internal.h"
#include "analyze/sections_internal.h"
#include "text/text_internal.h"

#include <utf8proc.h>

#define S_HEAD_LINES 6       /* a name heads the resume */
#define S_PROSE_WORDS 12     /* a line of more words is prose: the heading block is over */
#define S_NAME_MIN 2         /* words of a name, particles not counted */
#define S_NAME_MAX 4
#define S_NAME_PARTICLES 3
#define S_WORD_MAX 40        /* bytes of a name's word; a longer one is no name's */
#define S_NAME_BYTES 120     /* bytes of a whole name */

typedef enum { S_EMPTY, S_LABEL, S_NAME, S_OTHER } S_part;

typedef struct S_line {
    const rs_roles *roles;
    const rs_scan *scan;
    const char *norm, *orig;
    size_t orig_len;
    const uint32_t *map;
    const rs_token *toks;
} S_line;

static bool S_word(const rs_token *t) { return t->kind == RS_TOKEN_WORD; }

/* Is the punctuation token i inside a word: a hyphen or apostrophe glued
 * to words on both sides ("Adeyemi-Brooks", "O'Neil"), or the period of
 * an initial ("J.")? */
static bool S_inner_punct(const S_line *l, size_t i, size_t end)
{
    const rs_token *t = &l->toks[i];
    char ch = l->norm[t->start];
    bool after_word = i > 0 && S_word(&l->toks[i - 1]) && t->glued;
    if (ch == '.' && after_word && l->toks[i - 1].len == 1)
        return true;
    bool joins = (ch == '-' || ch == '\'') && t->len == 1;
    return joins && after_word && i + 1 < end && S_word(&l->toks[i + 1]) && l->toks[i + 1].glued;
}

static int32_t S_first_char(const S_line *l, const rs_token *t)
{
    size_t at = rs__orig(l->map, t->start);
    int32_t cp = -1;
    if (at < l->orig_len)
        utf8proc_iterate((const utf8proc_uint8_t *)l->orig + at,
                         (utf8proc_ssize_t)(l->orig_len - at), &cp);
    return cp;
}

static bool S_capital(int32_t cp)
{
    utf8proc_category_t c = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool S_in(const S_line *l, int list, const rs_token *t)
{
    return rs__roles_word_in(l->roles, list, l->norm + t->start, t->len);
}

/* Does a job title, an occupation, a field or a technology use the word? */
static bool S_job_word(const S_line *l, const rs_token *t)
{
    static const int lists[] = {RS_WORDS_OTHER_OCCUPATION, RS_WORDS_OTHER_FIELD, RS_WORDS_TECH,
                                RS_WORDS_GENERIC_DOMAIN, RS_WORDS_PROSE, RS_WORDS_C_SUITE,
                                RS_WORDS_ENTRY, RS_WORDS_MANAGER_NOUN};
    if (rs__title_gate_has(l->roles, t->hash) ||
        rs__domain_word_track(l->roles, l->norm + t->start, t->len) != RS_NOT_FOUND)
        return true;
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
        if (S_in(l, lists[k], t))
            return true;
    return false;
}

/* What the tokens [a, z) of one line are: nothing, a document label, a
 * name, or other text. */
static S_part S_classify(const S_line *l, size_t a, size_t z)
{
    size_t names = 0, particles = 0, labels = 0, words = 0, job_words = 0;
    bool particle_last = false, last_head = false;
    for (size_t i = a; i < z; i++) {
        const rs_token *t = &l->toks[i];
        if (!S_word(t))
            continue;   /* the inner punctuation of a name */
        bool continues = i > a && !S_word(&l->toks[i - 1]) && l->toks[i - 1].glued && t->glued &&
                         l->norm[l->toks[i - 1].start] != '.';
        words++;
        if (S_in(l, RS_WORDS_DOCUMENT_LABEL, t)) {
            labels++;
            continue;
        }
        if (t->len > S_WORD_MAX)
            return S_OTHER;
        for (size_t k = 0; k < t->len; k++)
            if (l->norm[t->start + k] >= '0' && l->norm[t->start + k] <= '9')
                return S_OTHER;
        bool initial = t->len == 1 && i + 1 < z && l->norm[l->toks[i + 1].start] == '.';
        if (!initial && (S_job_word(l, t) || rs__heading_word(l->norm + t->start, t->len)))
            return S_OTHER;
        job_words += S_in(l, RS_WORDS_TITLE_WORD, t);
        last_head = S_in(l, RS_WORDS_TITLE_HEAD, t);
        if (continues)
            continue;   /* "Brooks" of "Adeyemi-Brooks" */
        bool capital = S_capital(S_first_char(l, t));
        if (!capital && S_in(l, RS_WORDS_NAME_PARTICLE, t) && names > 0) {
            particles++;
            particle_last = true;
            continue;
        }
        if (!capital)
            return S_OTHER;
        names++;
        particle_last = false;
    }
    if (!words)
        return S_EMPTY;
    if (labels == words)
        return S_LABEL;
    /* "HR Generalist", "Unit Publicist": words of job titles, mostly;
     * "VR Designer": a job's common head noun last */
    if (labels || particle_last || particles > S_NAME_PARTICLES || job_words * 2 > names ||
        last_head)
        return S_OTHER;
    return names >= S_NAME_MIN && names <= S_NAME_MAX ? S_NAME : S_OTHER;
}

/* The name on the line of tokens [a, z), its token range in *first and
 * *last; false when the line is more than a name and labels. */
static bool S_name_line(const S_line *l, size_t a, size_t z, size_t *first, size_t *last)
{
    size_t names = 0, start = a;
    for (size_t i = a; i <= z; i++) {
        bool split = i == z || l->toks[i].kind == RS_TOKEN_BARRIER ||
                     (l->toks[i].kind == RS_TOKEN_PUNCT && !S_inner_punct(l, i, z));
        if (!split)
            continue;
        if (i < z && l->toks[i].kind == RS_TOKEN_BARRIER)
            return false;   /* an address or a link: a contact line */
        S_part p = S_classify(l, start, i);
        if (p == S_OTHER)
            return false;
        if (p == S_NAME) {
            size_t f = start, e = i;
            while (!S_word(&l->toks[f]))
                f++;
            while (!S_word(&l->toks[e - 1]) && l->norm[l->toks[e - 1].start] != '.')
                e--;
            *first = f;
            *last = e - 1;
            names++;
        }
        start = i + 1;
    }
    return names == 1;
}

/* The first line of the first headed section (~0u with none); -1 when
 * out of memory. */
static int S_heading_line(const rs_document *doc, unsigned *line)
{
    rs_section *sec = NULL;
    size_t n = 0;
    *line = ~0u;
    if (rs__sections_find(doc, RS_DOC_RESUME, &sec, &n, NULL) != RS_OK)
        return -1;
    for (size_t k = 0; k < n; k++)
        if (sec[k].has_heading) {
            *line = sec[k].first_line;
            break;
        }
    rs__free(sec);
    return 0;
}

/* Does orig [s, e) read as written: no control or format character (a
 * right-to-left override, a zero-width space) that would hide or reorder
 * it on the page? */
static bool S_plain(const S_line *l, size_t s, size_t e)
{
    while (s < e) {
        int32_t cp = -1;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)l->orig + s,
                                              (utf8proc_ssize_t)(e - s), &cp);
        utf8proc_category_t c = n > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
        if (n <= 0 || c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF)
            return false;
        s += (size_t)n;
    }
    return true;
}

/* Was a skill found in orig [s, e)? "Microsoft Office Suite" and "Windows
 * XP" head some resumes' skill lists. */
static bool S_skill_within(const rs_scan *scan, size_t s, size_t e)
{
    for (size_t h = 0; scan && h < rs_scan_hit_count(scan); h++) {
        const rs_skill_hit *hit = rs_scan_hit(scan, h);
        for (size_t k = 0; k < hit->evidence_count; k++)
            if (hit->evidence[k].orig_start < e && hit->evidence[k].orig_end > s)
                return true;
    }
    return false;
}

int rs_document_person(const rs_roles *roles, const rs_document *doc, const rs_scan *scan,
                       rs_evidence *out)
{
    size_t ntok = 0, norm_len = 0;
    const rs_token *toks = rs__document_tokenized(doc, &ntok);
    const rs_text *text = rs_document_text(doc);
    S_line l = {roles, scan, rs_document_normalized(doc, &norm_len), rs_text_data(text),
                rs_text_length(text), rs__document_map(doc), toks};
    S_ctx c = {.norm = l.norm, .toks = toks, .ntok = ntok};   /* for its line breaks */
    unsigned heading;
    if (!roles || !toks || S_heading_line(doc, &heading) < 0)
        return toks && roles ? -1 : 0;
    size_t lines = 0;
    for (size_t a = 0; a < ntok && lines < S_HEAD_LINES; lines++) {
        size_t z = a + 1, words = S_word(&toks[a]);
        while (z < ntok && !rs__line_break_before(&c, z))
            words += S_word(&toks[z++]);
        unsigned line = rs__line_of(doc, rs__orig(l.map, toks[a].start));
        if (line >= heading || words > S_PROSE_WORDS)
            return 0;
        size_t first, last;
        size_t s = 0, e = 0;
        if (S_name_line(&l, a, z, &first, &last)) {
            s = rs__orig(l.map, toks[first].start);
            e = rs__orig(l.map, toks[last].start + toks[last].len);
        }
        if (e > s && e - s <= S_NAME_BYTES && S_plain(&l, s, e) && !S_skill_within(scan, s, e)) {
            rs_position at = rs_document_position(doc, s);
            *out = (rs_evidence){s, e, at.line, at.column, at.page, at.page_line};
            return 1;
        }
        a = z;
    }
    return 0;
}
