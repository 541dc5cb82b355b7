/* match.c — a resume against a job posting. The posting's skills are
 * weighted by the section they are asked in, negated and preferred
 * mentions read from their clause (qualify.c); the resume's skills are
 * tied to the positions whose text names them, giving years of use and
 * last use. The score and its parts are in docs/scoring.md. */
#include "text/text_internal.h"
#include "requirements.h"
#include "analyze/analyze_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define S_MAX_SUGGESTIONS 10
#define S_MAX_MISSING_SUGGESTED 3

struct rs_match {
    rs_match_score score;
    rs_requirement *reqs;
    size_t req_count;
    size_t *negated;
    size_t negated_count;
    char *suggestions[S_MAX_SUGGESTIONS];
    size_t suggestion_count;
    rs_job *jobs;
    size_t job_count;
    rs_section *sections[2];      /* resume, posting */
    size_t section_count[2];
    char title[160];
    int posting_rung, resume_rung, years_required;
    bool resume_in_scope, posting_in_scope;
    size_t posting_role, resume_role;
    double resume_years;
    char **warnings[2];           /* resume, posting */
    size_t warning_count[2];
};

/* ---- sections and lines ------------------------------------------------- */

/* The original text of a 1-based line, without its line end. */
static const char *S_line_text(const rs_document *doc, unsigned line, size_t *len)
{
    size_t count;
    const size_t *starts = rs__document_line_starts(doc, &count);
    if (line == 0 || line > count) {
        *len = 0;
        return "";
    }
    const rs_text *text = rs_document_text(doc);
    const char *s = rs_text_data(text);
    size_t a = starts[line - 1];
    size_t b = line < count ? starts[line] : rs_text_length(text);
    while (b > a && (s[b - 1] == '\n' || s[b - 1] == '\r'))
        b--;
    *len = b - a;
    return s + a;
}

/* Copies s[0..n) into out trimmed of blanks and of the separators that
 * join a title, an employer and dates ("," "|" "—" "-" "@" "·"). */
static void S_trimmed(char *out, size_t size, const char *s, size_t n)
{
    static const char *const seps[] = {" ", "\t", ",", "|", "-", "@", ";", ":",
                                       "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7", NULL};
    bool again = true;
    while (again && n) {
        again = false;
        for (size_t k = 0; seps[k]; k++) {
            size_t m = strlen(seps[k]);
            if (n >= m && memcmp(s, seps[k], m) == 0)
                s += m, n -= m, again = true;
            if (n >= m && memcmp(s + n - m, seps[k], m) == 0)
                n -= m, again = true;
        }
        if (n >= 3 && (memcmp(s, "at ", 3) == 0 || memcmp(s, "At ", 3) == 0))
            s += 3, n -= 3, again = true;
    }
    if (n >= size) {   /* cut on a character boundary */
        n = size - 1;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

/* ---- positions ---------------------------------------------------------- */

static bool S_job_section(rs_section_kind k)
{
    return k == RS_SECTION_EXPERIENCE || k == RS_SECTION_PROJECTS;
}

#define S_NAME_MAX 120   /* bytes of a position's title or employer, with the NUL */

/* The title and employer written with a position: the engineering title
 * nearest above (or on) its dates line, and the rest of that line; "" when
 * none. */
static void S_job_names(const rs_document *doc, const rs_analysis *a, const rs_range *r,
                        rs_job *j, char *title, char *employer)
{
    title[0] = employer[0] = '\0';
    const rs_found_title *best = NULL;
    for (size_t i = 0; i < rs_analysis_title_count(a); i++) {
        const rs_found_title *t = rs_analysis_title(a, i);
        if (t->line <= r->line && t->line + 2 >= r->line && (!best || t->line > best->line))
            best = t;
    }
    if (!best)
        return;
    j->first_line = best->line;
    size_t len;
    const char *line = S_line_text(doc, best->line, &len);
    const uint32_t *map = rs__document_map(doc);
    size_t base = (size_t)(line - rs_text_data(rs_document_text(doc)));
    size_t ts = rs__orig(map, best->match.norm_start) - base, te = rs__orig(map, best->match.norm_end) - base;
    if (te > len || ts > te)
        return;
    S_trimmed(title, S_NAME_MAX, line + ts, te - ts);
    size_t rest_end = len;
    if (r->line == best->line && r->orig_start >= base + te)
        rest_end = r->orig_start - base;   /* the dates share the line */
    S_trimmed(employer, S_NAME_MAX, line + te, rest_end - te);
    if (!employer[0] && ts > 0)   /* "Acme Corp — Senior Engineer" */
        S_trimmed(employer, S_NAME_MAX, line, ts);
}

static int S_cmp_job(const void *x, const void *y)
{
    const rs_job *a = x, *b = y;
    return a->line < b->line ? -1 : a->line > b->line;
}

static rs_status S_find_jobs(rs_match *m, const rs_document *doc, const rs_analysis *a,
                             rs_error *err)
{
    const rs_section *sec = m->sections[0];
    size_t ns = m->section_count[0];
    bool has_experience = false;
    for (size_t i = 0; i < ns; i++)
        has_experience |= S_job_section(sec[i].kind);
    size_t n = rs_analysis_range_count(a);
    m->jobs = rs__calloc(n ? n : 1, sizeof *m->jobs);
    if (!m->jobs)
        return rs__nomem(err, NULL);
    for (size_t i = 0; i < n; i++) {
        const rs_range *r = rs_analysis_range(a, i);
        if (has_experience && !S_job_section(rs__section_of(sec, ns, r->line)))
            continue;   /* a date in Education is no position */
        rs_job *j = &m->jobs[m->job_count++];
        *j = (rs_job){r->start, r->end, r->open_ended, r->line, r->line, r->line, NULL, NULL,
                      r->undated};
        char title[S_NAME_MAX], employer[S_NAME_MAX];
        S_job_names(doc, a, r, j, title, employer);
        j->title = rs__strdup(title);
        j->employer = rs__strdup(employer);
        if (!j->title || !j->employer)
            return rs__nomem(err, NULL);   /* rs_match_free frees what was made */
    }
    if (m->job_count)
        rs__sort(m->jobs, m->job_count, sizeof *m->jobs, S_cmp_job);
    /* each position runs to the line before the next, or its section's end */
    size_t lines;
    rs__document_line_starts(doc, &lines);
    for (size_t i = 0; i < m->job_count; i++) {
        rs_job *j = &m->jobs[i];
        unsigned end = (unsigned)lines;
        for (size_t k = 0; k < ns; k++)
            if (sec[k].first_line <= j->line && sec[k].last_line >= j->line)
                end = sec[k].last_line;
        if (i + 1 < m->job_count && m->jobs[i + 1].first_line <= end)
            end = m->jobs[i + 1].first_line > j->line ? m->jobs[i + 1].first_line - 1 : j->line;
        j->last_line = end;
    }
    return RS_OK;
}

static const rs_job *S_job_at(const rs_match *m, unsigned line)
{
    for (size_t i = 0; i < m->job_count; i++)
        if (m->jobs[i].first_line <= line && line <= m->jobs[i].last_line)
            return &m->jobs[i];
    return NULL;
}

/* ---- the resume's side of one skill -------------------------------------- */

static const rs_skill_hit *S_hit(const rs_scan *scan, size_t skill)
{
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++)
        if (rs_scan_hit(scan, i)->skill == skill)
            return rs_scan_hit(scan, i);
    return NULL;
}

static long S_month_index(rs_date d) { return (long)d.year * 12 + (d.month ? d.month - 1 : 0); }

/* A resume's "I do not write JavaScript" claims nothing, nor does its
 * "familiar with Rust": such mentions are skipped; a skill named only in
 * passing is flagged familiar, not had. */
static rs_status S_resume_side(const rs_match *m, const rs_document *resume,
                               const rs_scan *scan, rs_requirement *q, rs_error *err)
{
    const rs_skill_hit *h = S_hit(scan, q->skill);
    if (!h)
        return RS_OK;
    rs_range *used = rs__calloc(h->evidence_count + 1, sizeof *used);
    if (!used)
        return rs__nomem(err, NULL);
    size_t n = 0;
    bool listed = false, elsewhere = false;
    for (size_t e = 0; e < h->evidence_count; e++) {
        const rs_evidence *ev = &h->evidence[e];
        if (h->implied_by == RS_NOT_FOUND) {
            rs_claim claim = rs_evidence_claim(resume, ev);
            q->familiar |= claim == RS_CLAIM_FAMILIAR;
            if (claim != RS_CLAIM_STATED)
                continue;
        }
        q->have = 1;
        unsigned line = ev->line;
        const rs_job *j = S_job_at(m, line);
        rs_section_kind k = rs__section_of(m->sections[0], m->section_count[0], line);
        if (j) {
            q->in_experience = 1;
            bool seen = false;
            for (size_t u = 0; u < n; u++)
                seen |= used[u].line == j->line;
            if (!seen)
                used[n++] = (rs_range){j->start, j->end, j->open_ended, j->line, 0, 0, j->undated};
            if (!j->undated && S_month_index(j->end) > S_month_index(q->last_used))
                q->last_used = j->end;   /* a duration says how long, not when */
        } else if (k == RS_SECTION_SKILLS) {
            listed = true;
        } else {
            elsewhere = true;
            q->in_experience |= S_job_section(k);
        }
    }
    q->familiar &= !q->have;
    long months = n ? rs__merged_months(used, n) : 0;
    rs__free(used);
    if (months < 0)
        return rs__nomem(err, NULL);
    q->years_used = months / 12.0;
    q->skills_only = listed && !q->in_experience && !elsewhere;
    return RS_OK;
}

/* Shown in a position 1, named elsewhere in the text 0.8, only listed
 * under Skills 0.6; years short of those asked scale it down to half.
 * A near skill earns half, a skill known only in passing less: the
 * person says they have not used it. */
#define S_RELATED_CREDIT 0.5
#define S_FAMILIAR_CREDIT 0.3

static double S_credit(const rs_requirement *q)
{
    if (q->by_role)
        return 0.6;   /* as much as a skill only listed: shown, not evidenced */
    if (q->related != RS_NOT_FOUND)
        return S_RELATED_CREDIT;
    if (q->familiar)
        return S_FAMILIAR_CREDIT;
    if (!q->have)
        return 0;
    double c = q->in_experience ? 1.0 : q->skills_only ? 0.6 : 0.8;
    if (q->years_required > 0) {
        double ratio = q->years_used / q->years_required;
        c *= 0.5 + 0.5 * (ratio > 1 ? 1 : ratio);
    }
    return c;
}

/* Missing must-haves first, then missing preferred, then the covered
 * (rs_requirement_standing); heavier first within each, then lexicon order
 * for a stable result. */
static int S_cmp_req(const void *x, const void *y)
{
    const rs_requirement *a = x, *b = y;
    int ga = rs_requirement_standing(a), gb = rs_requirement_standing(b);
    if (ga != gb)
        return ga - gb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    return a->skill < b->skill ? -1 : a->skill > b->skill;
}

/* ---- score and suggestions ------------------------------------------------ */

static double S_rung_fit(int a, int b)
{
    if (!a || !b)
        return 1;
    int d = abs(a - b);
    return d >= 3 ? 0 : 1.0 - d / 3.0;
}

/* The requirement weights (of 100), and the requirement weight a posting
 * needs before they count in full: three skills under its requirements. A
 * posting that names one or two skills shows too little of what it asks
 * for to rank above one that names ten. */
#define S_W_MUST 55.0
#define S_W_PREFERRED 15.0
#define S_W_FIT 20.0
#define S_W_YEARS 10.0
#define S_FULL_EVIDENCE 9.0

static void S_score(rs_match *m, const rs_roles *roles)
{
    double must_w = 0, must_c = 0, pref_w = 0, pref_c = 0;
    for (size_t i = 0; i < m->req_count; i++) {
        const rs_requirement *q = &m->reqs[i];
        double weight = q->weight;
        bool must = q->kind == RS_REQ_MUST, first = true;
        for (size_t j = 0; q->group && j < m->req_count; j++) {   /* a group counts once */
            const rs_requirement *o = &m->reqs[j];
            if (o->group != q->group)
                continue;
            first &= j >= i;
            weight = o->weight > weight ? o->weight : weight;
            must |= o->kind == RS_REQ_MUST;
        }
        if (!first)
            continue;
        *(must ? &must_w : &pref_w) += weight;
        *(must ? &must_c : &pref_c) += weight * q->group_credit;
    }
    rs_match_score *s = &m->score;
    s->must = must_w > 0 ? must_c / must_w : 0;
    s->preferred = pref_w > 0 ? pref_c / pref_w : 0;
    /* a list the posting lacks gives its weight to the other */
    s->w_must = must_w > 0 ? S_W_MUST + (pref_w > 0 ? 0 : S_W_PREFERRED) : 0;
    s->w_preferred = pref_w > 0 ? S_W_PREFERRED + (must_w > 0 ? 0 : S_W_MUST) : 0;
    double evidence = fmin(1.0, (must_w + pref_w) / S_FULL_EVIDENCE);
    s->w_must *= evidence;
    s->w_preferred *= evidence;
    s->note = must_w + pref_w == 0 ? "no skill requirement was recognised in the posting: the "
                                     "score rests on fit and years alone"
              : evidence < 1 ? "the posting names few skills: their weight is scaled down"
                             : NULL;
    double track = 1;
    if (m->posting_role != (size_t)-1 && m->resume_role != (size_t)-1)
        track = strcmp(rs_roles_role(roles, m->posting_role).track,
                       rs_roles_role(roles, m->resume_role).track) == 0 ? 1 : 0.5;
    s->fit = 0.5 * track + 0.5 * S_rung_fit(m->posting_rung, m->resume_rung);
    /* Fit is judged on the engineering ladder: a text off it fits nothing. */
    if (!m->resume_in_scope) {
        s->fit = 0;
        s->note = "your resume does not read as engineering: fit 0";
    } else if (!m->posting_in_scope) {
        s->fit = 0;
        s->note = "the posting does not read as engineering: fit 0";
    }
    s->w_fit = S_W_FIT;
    s->w_years = S_W_YEARS;
    s->years = m->years_required > 0
                   ? fmin(1.0, m->resume_years / m->years_required)
                   : 1;
    s->score = s->must * s->w_must + s->preferred * s->w_preferred + s->fit * s->w_fit +
               s->years * s->w_years;
}

static bool S_suggest(rs_match *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool S_suggest(rs_match *m, const char *fmt, ...)
{
    if (m->suggestion_count >= S_MAX_SUGGESTIONS)
        return true;
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *s = rs__strdup(buf);
    if (s)
        m->suggestions[m->suggestion_count++] = s;
    return s != NULL;
}

/* Every suggestion says what the resume shows and what the posting asks;
 * none claims experience the resume does not state. */
static bool S_suggestions(rs_match *m, const rs_roles *roles, const rs_lexicon *lex)
{
    bool ok = true;
    size_t missing = 0;
    for (size_t i = 0; i < m->req_count && ok; i++) {
        const rs_requirement *q = &m->reqs[i];
        const char *name = rs_lexicon_skill(lex, q->skill).name;
        if (q->kind != RS_REQ_MUST || q->by_role || rs__soft_skill(lex, q->skill))
            continue;   /* a soft skill is shown, not listed */
        if (q->familiar)
            ok = S_suggest(m, "The posting requires %s (line %u); your resume names it only as "
                              "something you are familiar with or have had exposure to: if you "
                              "have used it, say where.", name, q->line);
        else if (!q->have && rs_requirement_met(q))
            continue;   /* met by an alternative or a near skill */
        else if (!q->have && missing++ < S_MAX_MISSING_SUGGESTED)
            ok = S_suggest(m, "The posting requires %s (line %u) and your resume does not "
                              "show it: if you have used it, say where; if not, it is a gap "
                              "to close.", name, q->line);
        else if (q->skills_only)
            ok = S_suggest(m, "You list %s only under Skills; the posting requires it: show "
                              "where you used it (a position or a project).", name);
        else if (q->have && q->years_required > 0 && q->years_used < q->years_required)
            ok = S_suggest(m, "The posting asks for %d+ years of %s; the positions that name "
                              "it span %.1f years. If you used it longer, show it in those "
                              "positions.", q->years_required, name, q->years_used);
    }
    if (ok && m->years_required > 0 && m->resume_years < m->years_required)
        ok = S_suggest(m, "The posting asks for %d+ years of experience; your resume shows "
                          "%.1f.", m->years_required, m->resume_years);
    if (ok && m->posting_rung && m->resume_rung && m->posting_role != (size_t)-1) {
        const char *role = rs_roles_role(roles, m->posting_role).title;
        if (m->posting_rung >= m->resume_rung + 2)
            ok = S_suggest(m, "The posting reads as rung %d (%s) and your resume as rung %d: "
                              "a stretch; lead with the evidence of work at that level.",
                           m->posting_rung, role, m->resume_rung);
        else if (m->posting_rung + 2 <= m->resume_rung)
            ok = S_suggest(m, "The posting reads as rung %d (%s) and your resume as rung %d: "
                              "you may be above what it asks.", m->posting_rung, role,
                           m->resume_rung);
    }
    return ok;
}

/* ---- the run ----------------------------------------------------------- */

/* A label that names the field, not the job: "Job title", "Position:",
 * "Role: Senior Go Engineer". The label alone empties the title (the next
 * line holds it); a label with a colon and text keeps the text. */
static void S_drop_title_label(char *title)
{
    static const char *const labels[] = {"job title", "title", "position", "role", "job",
                                         "vacancy", "opening"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        size_t n = strlen(labels[i]);
        if (strncasecmp(title, labels[i], n) != 0)
            continue;
        const char *rest = title + n;
        while (*rest == ' ' || *rest == '*' || *rest == '#')
            rest++;
        if (*rest == ':') {
            rest++;
            while (*rest == ' ' || *rest == '*')
                rest++;
        } else if (*rest) {
            continue;   /* "Role Model Engineer": a title that starts with the word */
        }
        memmove(title, rest, strlen(rest) + 1);
        return;
    }
}

static void S_levels(rs_match *m, const rs_document *posting, const rs_analysis *ra,
                     const rs_analysis *pa)
{
    m->resume_in_scope = rs_analysis_in_scope(ra, NULL) != 0;
    m->posting_in_scope = rs_analysis_in_scope(pa, NULL) != 0;
    m->resume_rung = rs_analysis_rung(ra, NULL);
    m->resume_role = rs_analysis_role(ra, 0) ? rs_analysis_role(ra, 0)->role : (size_t)-1;
    m->posting_rung = rs_analysis_in_scope(pa, NULL) ? rs_analysis_rung(pa, NULL)
                                                     : rs_analysis_seniority(pa);
    m->posting_role = rs_analysis_in_scope(pa, NULL) && rs_analysis_role(pa, 0)
                          ? rs_analysis_role(pa, 0)->role
                          : (size_t)-1;
    m->years_required = rs__requirements_years(posting, m->sections[1], m->section_count[1],
                                               &(unsigned){0});
    double years = rs_analysis_months(ra) / 12.0;
    m->resume_years = rs_analysis_stated_years(ra) > years ? rs_analysis_stated_years(ra) : years;
    rs_document_heading(posting, m->title, sizeof m->title);
}

#define S_HEADING_MAX 512   /* bytes of a first line read for its heading */

/* The heading of one line into buf: its separators, Markdown marks and
 * field label dropped. */
static void S_line_heading(const rs_document *doc, unsigned line, char *buf, size_t size)
{
    size_t len;
    const char *s = S_line_text(doc, line, &len);
    S_trimmed(buf, size, s, len);
    char *p = buf;
    while (*p == '#' || *p == '*' || *p == ' ')   /* Markdown heading marks */
        p++;
    memmove(buf, p, strlen(p) + 1);
    size_t n = strlen(buf);   /* a closing "**", or " ##" after a blank ("C#" stays) */
    while (n && buf[n - 1] == '*')
        buf[--n] = '\0';
    size_t k = n;
    while (k && buf[k - 1] == '#')
        k--;
    if (k < n && k && buf[k - 1] == ' ')
        buf[k - 1] = '\0';
    S_drop_title_label(buf);   /* "## Job title" heads the title's line */
}

size_t rs_document_heading(const rs_document *doc, char *out, size_t cap)
{
    size_t lines;
    rs__document_line_starts(doc, &lines);
    if (!cap)
        return 0;
    char buf[S_HEADING_MAX];
    buf[0] = '\0';
    for (unsigned line = 1; line <= lines && !buf[0]; line++)
        S_line_heading(doc, line, buf, sizeof buf);
    S_trimmed(out, cap, buf, strlen(buf));   /* cut to cap, and trimmed again */
    size_t n = strlen(out);
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        out[--n] = '\0';
    return n;
}

/* A skill of the resume near one it lacks: of the same family (AWS for
 * Azure, BigQuery for Snowflake), or the language a framework asked for is
 * written in (C# for ASP.NET Core). */
static size_t S_related(const rs_lexicon *lex, const rs_scan *rscan, const bool *claimed,
                        size_t skill)
{
    const char *family = rs_lexicon_skill(lex, skill).family;
    bool framework = strcmp(rs_lexicon_skill(lex, skill).category, "framework") == 0;
    for (size_t h = 0; h < rs_scan_hit_count(rscan); h++) {
        const rs_skill_hit *hit = rs_scan_hit(rscan, h);
        if (hit->skill == skill || hit->implied_by != RS_NOT_FOUND || !claimed[h])
            continue;
        const char *f = rs_lexicon_skill(lex, hit->skill).family;
        if (family && f && strcmp(family, f) == 0)
            return hit->skill;
        rs_skill_info had = rs_lexicon_skill(lex, hit->skill);
        for (size_t k = 0; framework && strcmp(had.category, "language") == 0; k++) {
            const char *lang = rs_lexicon_implied(lex, skill, k);
            if (!lang)
                break;
            if (strcmp(lang, had.id) == 0)
                return hit->skill;
        }
    }
    return RS_NOT_FOUND;
}

/* A group of alternatives is met by its best member: each member carries
 * the group's credit and the skill that earns it. */
static void S_group_credit(rs_requirement *reqs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rs_requirement *q = &reqs[i];
        size_t best = i;   /* the best member, the first of equals */
        for (size_t j = 0; q->group && j < n; j++)
            if (reqs[j].group == q->group &&
                (reqs[j].credit > reqs[best].credit ||
                 (reqs[j].credit == reqs[best].credit && j < best)))
                best = j;
        q->group_credit = reqs[best].credit;
        q->met_by = reqs[best].credit > 0 ? reqs[best].skill : RS_NOT_FOUND;
    }
}

/* What the posting asks for: its requirements as read once by the caller,
 * else read here. */
static rs_status S_asked(rs_match *m, const rs_lexicon *lex, const rs_match_input *posting,
                         rs_error *err)
{
    if (posting->asked)
        return rs__requirements_copy(posting->asked, &m->reqs, &m->req_count, &m->negated,
                                     &m->negated_count, err);
    return rs__requirements_read(lex, posting->doc, m->sections[1], m->section_count[1],
                                 posting->scan, &m->reqs, &m->req_count, &m->negated,
                                 &m->negated_count, err);
}

static rs_status S_requirements(rs_match *m, const rs_roles *roles, const rs_lexicon *lex,
                                const rs_document *resume, const rs_match_input *posting,
                                const rs_scan *rscan, rs_error *err)
{
    rs_status st = S_asked(m, lex, posting, err);
    size_t track = m->resume_in_scope && m->resume_role != RS_NOT_FOUND
                       ? rs__roles_track(roles, rs_roles_role(roles, m->resume_role).track)
                       : RS_NOT_FOUND;
    bool at_rung = !m->posting_rung || m->resume_rung + 1 >= m->posting_rung;
    size_t hits = rs_scan_hit_count(rscan);
    bool *claimed = rs__calloc(hits ? hits : 1, sizeof *claimed);   /* per resume hit */
    if (!st && !claimed)
        st = rs__nomem(err, NULL);
    for (size_t h = 0; !st && h < hits; h++)
        claimed[h] = rs_hit_claimed(resume, rs_scan_hit(rscan, h));
    for (size_t i = 0; !st && i < m->req_count; i++) {
        rs_requirement *q = &m->reqs[i];
        st = S_resume_side(m, resume, rscan, q, err);
        q->by_role = !q->have && at_rung && rs__roles_practice(roles, track, q->skill);
        q->related = q->have || q->by_role || q->familiar ? RS_NOT_FOUND
                                                          : S_related(lex, rscan, claimed,
                                                                      q->skill);
        q->credit = S_credit(q);
    }
    rs__free(claimed);
    if (!st)
        S_group_credit(m->reqs, m->req_count);
    if (!st && m->req_count)
        rs__sort(m->reqs, m->req_count, sizeof *m->reqs, S_cmp_req);
    return st;
}

/* A side's warnings, copied: the text's, then the scan's. */
static bool S_copy_warnings(rs_match *m, int side, const rs_match_input *in)
{
    const char *text = rs_text_warning(rs_document_text(in->doc));
    size_t n = (text != NULL) + rs_scan_warning_count(in->scan);
    if (n == 0)
        return true;
    m->warnings[side] = rs__calloc(n, sizeof *m->warnings[side]);
    if (!m->warnings[side])
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *w = text && i == 0 ? text : rs_scan_warning(in->scan, i - (text != NULL));
        if (!(m->warnings[side][i] = rs__strdup(w)))
            return false;
        m->warning_count[side]++;
    }
    return true;
}

rs_status rs_match_run(const rs_roles *roles, const rs_lexicon *lex,
                       const rs_match_input *resume, const rs_match_input *posting,
                       rs_match **out, rs_error *err)
{
    *out = NULL;
    if (!resume || !posting || !resume->doc || !resume->scan || !resume->analysis ||
        !posting->doc || !posting->scan || !posting->analysis)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "rs_match_run needs each side's document, scan and analysis");
    rs_match *m = rs__calloc(1, sizeof *m);
    if (!m)
        return rs__nomem(err, NULL);
    rs_status st = rs_sections_find(resume->doc, RS_DOC_RESUME, &m->sections[0],
                                    &m->section_count[0], err);
    if (!st)
        st = rs_sections_find(posting->doc, RS_DOC_POSTING, &m->sections[1],
                              &m->section_count[1], err);
    if (!st)
        st = S_find_jobs(m, resume->doc, resume->analysis, err);
    if (!st) {
        S_levels(m, posting->doc, resume->analysis, posting->analysis);
        st = S_requirements(m, roles, lex, resume->doc, posting, resume->scan, err);
    }
    if (!st) {
        S_score(m, roles);
        if (!S_suggestions(m, roles, lex) || !S_copy_warnings(m, 0, resume) ||
            !S_copy_warnings(m, 1, posting))
            st = rs__nomem(err, NULL);
    }
    if (st) {
        rs_match_free(m);
        return st;
    }
    *out = m;
    return RS_OK;
}

void rs_match_free(rs_match *m)
{
    if (!m)
        return;
    rs__free(m->reqs);
    rs__free(m->negated);
    for (size_t i = 0; i < m->suggestion_count; i++)
        rs__free(m->suggestions[i]);
    for (size_t i = 0; m->jobs && i < m->job_count; i++) {
        rs__free((char *)m->jobs[i].title);
        rs__free((char *)m->jobs[i].employer);
    }
    rs__free(m->jobs);
    rs__free(m->sections[0]);
    rs__free(m->sections[1]);
    for (int side = 0; side < 2; side++) {
        for (size_t i = 0; i < m->warning_count[side]; i++)
            rs__free(m->warnings[side][i]);
        rs__free(m->warnings[side]);
    }
    rs__free(m);
}

size_t rs_match_warning_count(const rs_match *m, int posting)
{
    return m->warning_count[posting != 0];
}

const char *rs_match_warning(const rs_match *m, int posting, size_t i)
{
    return i < m->warning_count[posting != 0] ? m->warnings[posting != 0][i] : NULL;
}

rs_match_score rs_match_get_score(const rs_match *m) { return m->score; }
size_t rs_match_requirement_count(const rs_match *m) { return m->req_count; }
const rs_requirement *rs_match_requirement(const rs_match *m, size_t i)
{
    return i < m->req_count ? &m->reqs[i] : NULL;
}
size_t rs_match_negated_count(const rs_match *m) { return m->negated_count; }
size_t rs_match_negated(const rs_match *m, size_t i)
{
    return i < m->negated_count ? m->negated[i] : (size_t)-1;
}
size_t rs_match_suggestion_count(const rs_match *m) { return m->suggestion_count; }
const char *rs_match_suggestion(const rs_match *m, size_t i)
{
    return i < m->suggestion_count ? m->suggestions[i] : NULL;
}
size_t rs_match_job_count(const rs_match *m) { return m->job_count; }
const rs_job *rs_match_job(const rs_match *m, size_t i)
{
    return i < m->job_count ? &m->jobs[i] : NULL;
}
size_t rs_match_section_count(const rs_match *m, int posting)
{
    return m->section_count[posting ? 1 : 0];
}
const rs_section *rs_match_section(const rs_match *m, int posting, size_t i)
{
    int k = posting ? 1 : 0;
    return i < m->section_count[k] ? &m->sections[k][i] : NULL;
}
const char *rs_match_posting_title(const rs_match *m) { return m->title; }
int rs_match_posting_rung(const rs_match *m) { return m->posting_rung; }
size_t rs_match_posting_role(const rs_match *m) { return m->posting_role; }
int rs_match_resume_rung(const rs_match *m) { return m->resume_rung; }
size_t rs_match_resume_role(const rs_match *m) { return m->resume_role; }
int rs_match_years_required(const rs_match *m) { return m->years_required; }
double rs_match_resume_years(const rs_match *m) { return m->resume_years; }

int rs_requirement_met(const rs_requirement *q) { return q && q->group_credit > 0; }

int rs_match_requirement_leads(const rs_match *m, size_t i)
{
    if (!m || i >= m->req_count)
        return 0;
    const rs_requirement *q = &m->reqs[i];
    if (!q->group)
        return 1;
    if (q->met_by != RS_NOT_FOUND)
        return q->met_by == q->skill;
    for (size_t j = 0; j < i; j++)
        if (m->reqs[j].group == q->group)
            return 0;
    return 1;
}

int rs_requirement_standing(const rs_requirement *q)
{
    return rs_requirement_met(q) ? 2 : q->kind == RS_REQ_MUST ? 0 : 1;
}
