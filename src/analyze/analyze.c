/* analyze.c — stage 5: from the skills found to a place on the ladder.
 * Titles, date ranges, stated years and scope cues (skills that show
 * seniority, team sizes, budgets) give the level; every role is then scored
 * by a documented formula (docs/scoring.md): weighted coverage of its
 * skills, title fit and level fit. */
#include "analyze_internal.h"
#include "text/text_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define S_MAX_TITLES 64
#define S_MAX_EVIDENCE 24
#define S_TOP_DEFAULT 5
#define S_SCOPE_SHOWN 4
#define S_SIGNALS_SHOWN 3
#define S_QUOTE_MAX 120          /* bytes of a quote shown as evidence */
/* Engineering evidence a text needs to be in scope: an engineering title
 * alone (4), or work described and skills of engineering kinds adding up
 * (docs/scoring.md). */
#define S_SCOPE_NEEDED 4.0
#define S_SCOPE_NEEDED_UNTITLED 3.0
#define S_TITLE_EVIDENCE 4.0
#define S_HEADLINE_LINES 3       /* a title this near the top heads the text */
#define S_SKILL_EVIDENCE 1.0
#define S_SKILL_EVIDENCE_MAX 4.0
#define S_OTHER_JOB_EVIDENCE 5.0 /* a headline naming a job outside engineering */
/* A rung the language of work states needs this much weight at it. */
#define S_SIGNAL_RUNG_NEEDED 2.5
/* Below this share of its skills, the closest role's track is a guess. */
#define S_TRACK_COVERAGE 0.2
#define S_TRACK_WORK_NEEDED 4.0  /* two strong phrases of one track's own work */
#define S_TRACK_WORD_WEIGHT 2.0  /* a track's own words beside its telling skills */

struct rs_analysis {
    const rs_roles *roles;
    const rs_lexicon *lex;
    bool in_scope;
    char why[1024];                /* the scope decision and its evidence */
    rs_scope_evidence scope;       /* the sums behind in_scope */
    int signal_rung;               /* the rung the language of work states, or 0 */
    size_t work_track;             /* the track whose own work is described
                                      most (signals with a track), or
                                      RS_NOT_FOUND */
    double work_track_weight;
    double *track_work;            /* per track: weight of its own work
                                      described */
    bool track_from_work;          /* the track was chosen by its own work
                                      described (1x1s, direct reports) */
    size_t engineering_skills;     /* found in the text, of engineering kinds */
    rs_found_title titles[S_MAX_TITLES];
    size_t title_count;
    size_t current;                /* index into titles, or RS_NOT_FOUND */
    rs_range *ranges;
    size_t range_count;
    long months;
    int stated_years;
    int seniority;                 /* the level the title states, any field */
    bool seniority_stated;         /* by a level word, not by default */
    unsigned seniority_line;       /* where, when no engineering title */
    int rung;
    double confidence;
    rs_level_evidence evidence[S_MAX_EVIDENCE];
    char evidence_text[S_MAX_EVIDENCE][160];   /* evidence[i].text points at a row */
    size_t evidence_count;
    rs_role_score *scores;
    size_t score_count;
    size_t target;               /* the role asked for, or RS_NOT_FOUND */
    uint8_t *has;                  /* per skill of the lexicon */
};

/* ---- shared helpers ---------------------------------------------------- */

bool rs__line_break_before(const S_ctx *c, size_t i)
{
    if (i == 0 || i >= c->ntok)
        return i != 0;
    for (size_t k = c->toks[i - 1].start + c->toks[i - 1].len; k < c->toks[i].start; k++)
        if (c->norm[k] == '\n' || c->norm[k] == '\r')
            return true;
    return false;
}

bool rs__push_range(S_ctx *c, const rs_range *r)
{
    if (!rs__grow((void **)&c->ranges, &c->range_cap, c->range_count + 1, sizeof *c->ranges))
        return false;
    c->ranges[c->range_count++] = *r;
    return true;
}

static rs_level_evidence *S_evidence(rs_analysis *a, rs_evidence_kind kind, const char *text,
                                     unsigned line, int rung, double weight)
{
    if (a->evidence_count >= S_MAX_EVIDENCE)
        return NULL;
    char *row = a->evidence_text[a->evidence_count];
    rs_level_evidence *e = &a->evidence[a->evidence_count++];
    e->kind = kind;
    snprintf(row, sizeof a->evidence_text[0], "%s", text);
    e->text = row;
    e->role_title = NULL;
    e->line = line;
    e->rung = rung;
    e->weight = weight;
    return e;
}

/* The original words of normalized text [ns, ne), white space run
 * together, cut at a character boundary with "…" past S_QUOTE_MAX bytes. */
static void S_quote(const S_ctx *c, size_t ns, size_t ne, char *out, size_t cap)
{
    const rs_text *text = rs_document_text(c->doc);
    size_t os = rs__orig(c->map, ns), oe = rs__orig(c->map, ne < c->norm_len ? ne : c->norm_len);
    const char *src = rs_text_data(text);
    size_t o = 0, max = cap - 4 < S_QUOTE_MAX ? cap - 4 : S_QUOTE_MAX;
    size_t len = rs_text_length(text);
    bool space = false;
    for (size_t i = os; i < oe && i < len; i++) {
        unsigned char ch = (unsigned char)src[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
            space = o > 0;
            continue;
        }
        if (o + space + 1 > max) {
            while (o > 0 && ((unsigned char)out[o] & 0xC0) == 0x80)
                o--;   /* never half a character */
            memcpy(out + o, "\xe2\x80\xa6", 3);
            o += 3;
            break;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        out[o++] = (char)ch;
    }
    out[o] = '\0';
}

static unsigned S_line_of(const S_ctx *c, size_t norm_offset)
{
    return rs_document_position(c->doc, rs__orig(c->map, norm_offset)).line;
}

/* ---- titles ------------------------------------------------------------ */

static bool S_separator(const char *s, size_t i, size_t end)
{
    unsigned char ch = (unsigned char)s[i];
    switch (ch) {
    case ',': case '|': case '(': case ')': case ':': case ';': case '@':
    case '[': case ']': case '{': case '}':
        return true;
    default:
        break;
    }
    if (ch == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < end && s[i + 1] == ' ')
        return true;
    if (ch >= 0x80) {   /* bullets and other symbols end a segment */
        utf8proc_int32_t cp;
        if (utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &cp) > 0) {
            utf8proc_category_t cat = utf8proc_category(cp);
            return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_SO;
        }
    }
    return false;
}

static void S_add_title(rs_analysis *a, const S_ctx *c, const rs_title_match *m)
{
    unsigned line = S_line_of(c, m->norm_start);
    for (size_t i = 0; i < a->title_count; i++)
        if (a->titles[i].line == line && a->titles[i].match.role == m->role)
            return;
    if (a->title_count < S_MAX_TITLES)
        a->titles[a->title_count++] = (rs_found_title){*m, line, 0};
}

/* A segment that does not read as one title may be several joined by
 * slashes ("IT Security Analyst/A&A Specialist"); a slash inside one title
 * ("CI/CD Engineer") is read with the whole first. */
static bool S_titles_in_slashed(rs_analysis *a, const S_ctx *c, size_t from, size_t to,
                                rs_title_given given)
{
    bool any = false;
    for (size_t i = from, start = from; i <= to; i++) {
        if (i < to && c->norm[i] != '/')
            continue;
        rs_title_match m;
        if (i > start && (start > from || i < to) &&
            rs__title_read(c->roles, c->norm, start, i, given, &m)) {
            S_add_title(a, c, &m);
            any = true;
        }
        start = i + 1;
    }
    return any;
}

/* Segments of one line, split at separators; each short one is read as a
 * title, joined with a short segment after it when that reads better
 * ("Software Engineer (Backend)", "Technical Lead, Backend Development").
 * When no segment reads, the line is read whole ("Information Security,
 * Senior Analyst"). given: the line is the whole document, so a title
 * (a title field, a job title searched for). */
static void S_titles_in_line(rs_analysis *a, const S_ctx *c, size_t ls, size_t le, bool given)
{
    rs_title_given part = given ? RS_TITLE_PART : RS_TITLE_IN_TEXT;
    size_t seg[33][2], n = 0, start = ls;
    for (size_t i = ls; i <= le && n < 32; i++) {
        if (i == le || S_separator(c->norm, i, le)) {
            if (i > start)
                seg[n][0] = start, seg[n][1] = i, n++;
            start = i + 1;
        }
    }
    bool any = false, read_before = true;
    for (size_t k = 0; k < n; k++) {
        rs_title_match m, joined;
        rs_title_given g = given && n == 1 ? RS_TITLE_WHOLE : part;
        bool read = rs__title_read(c->roles, c->norm, seg[k][0], seg[k][1], g, &m);
        if (!read) {
            any |= S_titles_in_slashed(a, c, seg[k][0], seg[k][1], part);
            read_before = false;
            continue;
        }
        if (!m.exact && k + 1 < n &&
            rs__title_read(c->roles, c->norm, seg[k][0], seg[k + 1][1], part, &joined) &&
            joined.exact)
            m = joined;
        /* a level word standing alone before it ("Intern: Data Scientist") */
        else if (!read_before &&
                 rs__title_read(c->roles, c->norm, seg[k - 1][0], seg[k][1], part, &joined) &&
                 joined.rung != m.rung &&
                 c->roles->roles[joined.role].track == c->roles->roles[m.role].track)
            m = joined;
        read_before = true;
        S_add_title(a, c, &m);
        any = true;
    }
    rs_title_match whole;
    if (!any && n > 1 &&
        rs__title_read(c->roles, c->norm, ls, le, given ? RS_TITLE_WHOLE : RS_TITLE_IN_TEXT, &whole))
        S_add_title(a, c, &whole);
}

/* Lines longer than this are paragraphs: no title is written that way. */
#define S_MAX_TITLE_LINE 240

/* The end of the text's only line (a title record, a title argument),
 * trailing line breaks and spaces left out; 0 when it has several. */
static size_t S_only_line_end(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == ' '))
        len--;
    return memchr(s, '\n', len) || memchr(s, '\r', len) ? 0 : len;
}

/* Only lines holding a gate word (a head noun, a listed title's last word)
 * can hold a title, and the tokens carry their hashes: most lines of prose
 * are never read. A line ends at LF or CR. */
static void S_find_titles(rs_analysis *a, const S_ctx *c)
{
    const char *s = c->norm;
    size_t len = c->norm_len;
    size_t only = S_only_line_end(s, len);
    if (only) {   /* a title record: read whole, gate word or not ("Middle Java") */
        if (only <= S_MAX_TITLE_LINE)
            S_titles_in_line(a, c, 0, only, true);
        return;
    }
    for (size_t t = 0; t < c->ntok; t++) {
        const rs_token *tok = &c->toks[t];
        if (tok->kind != RS_TOKEN_WORD || !rs__title_gate_has(c->roles, tok->hash))
            continue;
        size_t from = tok->start, to = tok->start;
        while (from > 0 && s[from - 1] != '\n' && s[from - 1] != '\r')
            from--;
        while (to < len && s[to] != '\n' && s[to] != '\r')
            to++;
        if (to - from <= S_MAX_TITLE_LINE)
            S_titles_in_line(a, c, from, to, false);
        while (t + 1 < c->ntok && c->toks[t + 1].start < to)
            t++;   /* the rest of this line is read */
    }
}

/* The level the document's title states: the current engineering title's
 * rung, else the reading of its first line (a posting's title), whatever
 * the field. */
static int S_seniority(rs_analysis *a, const S_ctx *c)
{
    a->seniority_stated = true;
    if (a->current != RS_NOT_FOUND)
        return a->titles[a->current].match.rung;
    const char *s = c->norm, *end = s + c->norm_len;
    while (s < end) {
        const char *e = s;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        int level = rs__title_seniority(c->roles, c->norm, (size_t)(s - c->norm), (size_t)(e - c->norm),
                                        &a->seniority_stated);
        if (level) {
            a->seniority_line = S_line_of(c, (size_t)(s - c->norm));
            return level;
        }
        s = e + 1;
    }
    return 0;
}

/* The current title: the one nearest a range that runs to the present,
 * else the first in the text (a resume's headline, a posting's title). */
static void S_pick_current(rs_analysis *a)
{
    a->current = a->title_count ? 0 : RS_NOT_FOUND;
    unsigned best = 3;
    for (size_t r = 0; r < a->range_count; r++) {
        if (!a->ranges[r].open_ended)
            continue;
        for (size_t t = 0; t < a->title_count; t++) {
            unsigned tl = a->titles[t].line, rl = a->ranges[r].line;
            unsigned d = tl > rl ? tl - rl : rl - tl;
            if (d < best) {
                best = d;
                a->current = t;
            }
        }
    }
    if (a->current != RS_NOT_FOUND)
        a->titles[a->current].current = 1;
}

/* ---- scope ------------------------------------------------------------- */

#define S_tok_is rs__tok_is

static long S_number(const S_ctx *c, size_t i) { return rs__tok_number(c, i, 6); }

/* "$4M budget", "budget of $2.5 million": the amount in dollars when the
 * number at token i is one, else 0. */
static long S_budget(const S_ctx *c, size_t i, long n)
{
    if (i == 0 || !S_tok_is(c, i - 1, "$"))
        return 0;
    size_t unit = i + 1;
    long fraction = 0;   /* tenths, for "2.5" */
    if (S_tok_is(c, unit, ".") && S_number(c, unit + 1) >= 0 && c->toks[unit + 1].len == 1) {
        fraction = S_number(c, unit + 1);
        unit += 2;
    }
    long scale = S_tok_is(c, unit, "m") || S_tok_is(c, unit, "million") || S_tok_is(c, unit, "mm")
                     ? 1000000
                 : S_tok_is(c, unit, "k") ? 1000 : 1;
    bool budget = false;
    for (size_t k = i > 6 ? i - 6 : 0; k < c->ntok && k < i + 6; k++)
        budget |= S_tok_is(c, k, "budget") || S_tok_is(c, k, "budgets");
    return budget ? n * scale + fraction * scale / 10 : 0;
}

/* "4m" or "12mm" as one token: the millions, else 0. */
static long S_millions(const S_ctx *c, size_t i)
{
    if (i >= c->ntok || c->toks[i].kind != RS_TOKEN_WORD || c->toks[i].len > 6)
        return 0;
    const char *t = c->norm + c->toks[i].start;
    size_t len = c->toks[i].len, k = 0;
    long v = 0;
    while (k < len && t[k] >= '0' && t[k] <= '9')
        v = v * 10 + (t[k++] - '0');
    bool m = k > 0 && ((len - k == 1 && t[k] == 'm') || (len - k == 2 && t[k] == 'm' && t[k + 1] == 'm'));
    return m ? v : 0;
}

static int S_team_rung(long people, long teams)
{
    if (people >= 80 || teams >= 8)
        return 7;
    if (people >= 25 || teams >= 2)
        return 6;
    return people >= 3 ? 4 : 0;
}

/* "team of 6", "40 engineers", "5 teams", "$4M budget". */
static void S_scope_numbers(rs_analysis *a, const S_ctx *c)
{
    int best = 0;
    size_t at = 0;
    char what[80] = "";
    for (size_t i = 0; i < c->ntok; i++) {
        long n = S_number(c, i), people = 0, teams = 0;
        if (n < 0) {   /* "$4M" is one token */
            long m = S_millions(c, i);
            if (m > 0 && S_budget(c, i, 1) && (m >= 20 ? 7 : 6) > best) {
                best = m >= 20 ? 7 : 6;
                at = i;
                snprintf(what, sizeof what, "a budget of $%ldM", m);
            }
            continue;
        }
        if (i >= 2 && S_tok_is(c, i - 1, "of") && S_tok_is(c, i - 2, "team"))
            people = n;
        if (S_tok_is(c, i + 1, "engineers") || S_tok_is(c, i + 1, "developers") ||
            S_tok_is(c, i + 1, "reports") || S_tok_is(c, i + 1, "people"))
            people = n;
        if (S_tok_is(c, i + 1, "teams") || S_tok_is(c, i + 1, "squads"))
            teams = n;
        int rung = S_team_rung(people, teams);
        long budget = S_budget(c, i, n);
        if (budget >= 1000000 && (budget >= 20000000 ? 7 : 6) > rung) {
            rung = budget >= 20000000 ? 7 : 6;
            if (rung > best) {
                best = rung;
                at = i;
                snprintf(what, sizeof what, "a budget of $%ld", budget);
            }
            continue;
        }
        if (rung > best) {
            best = rung;
            at = i;
            snprintf(what, sizeof what, "%ld %s", n, teams ? "teams" : "people led or managed");
        }
    }
    if (best)
        S_evidence(a, RS_EVIDENCE_SCOPE, what, S_line_of(c, c->toks[at].start), best, 1.0);
}

static const rs_skill_hit *S_direct_hit(const rs_scan *scan, size_t skill)
{
    for (size_t h = 0; h < rs_scan_hit_count(scan); h++) {
        const rs_skill_hit *hit = rs_scan_hit(scan, h);
        if (hit->skill == skill && hit->implied_by == RS_NOT_FOUND)
            return hit;
    }
    return NULL;
}

/* The first mention of a hit that claims it, or NULL when none does: a
 * skill the text says it does not need or do ("No Java required", "This
 * is not a people-management role") is not claimed. With a posting's
 * requirements already read, their list of negated skills says it;
 * otherwise the text is a resume's, where knowing a skill only in passing
 * ("familiar with Rust", "exposure to Kafka") claims nothing either. */
static const rs_evidence *S_said(const S_ctx *c, const rs_skill_hit *hit)
{
    if (!hit->evidence_count)
        return NULL;
    if (c->asked) {
        for (size_t i = 0; i < rs_requirements_negated_count(c->asked); i++)
            if (rs_requirements_negated(c->asked, i) == hit->skill)
                return NULL;
        return &hit->evidence[0];
    }
    for (size_t e = 0; e < hit->evidence_count; e++)
        if (rs_evidence_claim(c->doc, &hit->evidence[e]) == RS_CLAIM_STATED)
            return &hit->evidence[e];
    return NULL;
}

/* Scope skills found, highest rung first, the top S_SCOPE_SHOWN as
 * evidence; returns the highest rung. */
static int S_scope_skills(rs_analysis *a, const S_ctx *c)
{
    int best = 0, shown = 0;
    for (int rung = 8; rung >= 1 && shown < S_SCOPE_SHOWN; rung--) {
        for (size_t s = 0; s < c->roles->scope_count && shown < S_SCOPE_SHOWN; s++) {
            const rs_scope_def *d = &c->roles->scopes[s];
            if (d->rung != rung)
                continue;
            const rs_skill_hit *hit = S_direct_hit(c->scan, d->skill);
            const rs_evidence *said = hit ? S_said(c, hit) : NULL;
            if (!said)
                continue;
            if (!best)
                best = rung;
            shown++;
            S_evidence(a, RS_EVIDENCE_SCOPE, rs_lexicon_skill(c->lex, d->skill).name, said->line, rung,
                       0.5);
        }
    }
    return best;
}

/* A title as evidence: its own words, the role it reads as beside them. */
static void S_title_evidence(rs_analysis *a, const S_ctx *c, rs_evidence_kind kind,
                             const rs_found_title *t, double weight)
{
    char quote[160];
    S_quote(c, t->match.norm_start, t->match.norm_end, quote, sizeof quote);
    rs_level_evidence *e = S_evidence(a, kind, quote, t->line, t->match.rung, weight);
    if (e && !t->match.track_unclear)
        e->role_title = c->roles->roles[t->match.role].title;
}

/* How much the current engineering title says about the whole text: all
 * when it heads the text or holds a position running to the present; less
 * for a past position; least for a title-like line elsewhere (a tool's
 * name in a skill list, a line of prose). */
static double S_title_weight(const rs_analysis *a)
{
    const rs_found_title *t = &a->titles[a->current];
    bool past_position = false;
    for (size_t r = 0; r < a->range_count; r++) {
        unsigned rl = a->ranges[r].line, d = t->line > rl ? t->line - rl : rl - t->line;
        if (d <= 2 && a->ranges[r].open_ended)
            return S_TITLE_EVIDENCE;
        past_position |= d <= 2;
    }
    if (t->line <= S_HEADLINE_LINES)
        return S_TITLE_EVIDENCE;
    return past_position ? S_TITLE_EVIDENCE * 0.6 : S_TITLE_EVIDENCE * 0.35;
}

/* ---- the language of work ---------------------------------------------- */

/* The rung the signals' weights state: the highest rung holding
 * S_SIGNAL_RUNG_NEEDED, unless the language of guided work holds it and
 * outweighs all from rung 3 up; else the rung most said; 0 when none. */
static int S_signal_rung(const double w[9])
{
    double above2 = 0;
    for (int r = 3; r <= 8; r++)
        above2 += w[r];
    if (w[1] >= S_SIGNAL_RUNG_NEEDED && w[1] > above2)
        return 1;
    for (int r = 8; r >= 2; r--)
        if (w[r] >= S_SIGNAL_RUNG_NEEDED)
            return r;
    int most = 0;   /* else the rung most said from 2 up, the lower on a tie */
    for (int r = 2; r <= 8; r++)
        if (w[r] > w[most])
            most = r;
    return most ? most : w[1] > 0 ? 2 : 0;   /* a little of guided work is mid-level too */
}

typedef struct S_signals {
    double work;                   /* weight of the engineering work described */
    size_t best_work;              /* the heaviest work signal, or RS_NOT_FOUND */
    rs_signal_hit best_work_hit;
    double rung_weight[9];
    rs_signal_hit shown[S_SIGNALS_SHOWN];   /* the heaviest at the rung stated */
    size_t shown_count;
} S_signals;

static void S_signal_evidence(rs_analysis *a, const S_ctx *c, const rs_signal_hit *hit,
                              const rs_signal_def *sig)
{
    char quote[160];
    const rs_token *first = &c->toks[hit->first_tok], *last = &c->toks[hit->last_tok];
    S_quote(c, first->start, last->start + last->len, quote, sizeof quote);
    S_evidence(a, RS_EVIDENCE_RESPONSIBILITY, quote, S_line_of(c, first->start), sig->rung, sig->weight);
}

/* A line naming four tracks or more by their one-word domains lists
 * disciplines ("squads (backend, mobile, data, design, web)"): it says
 * whom the text works with, not its own track. */
#define S_DISCIPLINE_LIST_TRACKS 4
#define S_DISCIPLINE_LIST_BYTES 400

static bool S_in_discipline_list(const S_ctx *c, const rs_roles *r, const rs_signal_hit *hit)
{
    /* the line around the hit, in the normalized text; a list is short,
     * so a longer line is prose and is not walked */
    size_t ls = c->toks[hit->first_tok].start, le = ls, len = c->norm_len;
    while (ls > 0 && c->norm[ls - 1] != '\n' && c->norm[ls - 1] != '\r')
        if (le - --ls > S_DISCIPLINE_LIST_BYTES)
            return false;
    while (le < len && c->norm[le] != '\n' && c->norm[le] != '\r')
        if (++le - ls > S_DISCIPLINE_LIST_BYTES)
            return false;
    size_t from = hit->first_tok;
    while (from > 0 && c->toks[from - 1].start >= ls)
        from--;
    size_t seen[S_DISCIPLINE_LIST_TRACKS], n = 0;
    for (size_t i = from; i < c->ntok && c->toks[i].start < le && n < S_DISCIPLINE_LIST_TRACKS;
         i++) {
        const rs_token *tok = &c->toks[i];
        size_t t = tok->kind == RS_TOKEN_WORD
                       ? rs__domain_word_track(r, c->norm + tok->start, tok->len)
                       : RS_NOT_FOUND;
        bool again = t == RS_NOT_FOUND;
        for (size_t k = 0; k < n; k++)
            again |= seen[k] == t;
        if (!again)
            seen[n++] = t;
    }
    return n >= S_DISCIPLINE_LIST_TRACKS;
}

/* Finds the signals; the rung they state goes to a->signal_rung, with the
 * heaviest phrases at that rung as evidence. */
static rs_status S_read_signals(rs_analysis *a, const S_ctx *c, S_signals *out)
{
    const rs_roles *r = c->roles;
    *out = (S_signals){.best_work = RS_NOT_FOUND};
    a->work_track = RS_NOT_FOUND;
    if (!r->signal_count)
        return RS_OK;
    uint8_t *found = rs__calloc(r->signal_count, 1);
    rs_signal_hit *hits = rs__malloc(r->signal_count * sizeof *hits);   /* read where found */
    double *track_work = a->track_work =
        rs__calloc(r->track_count ? r->track_count : 1, sizeof *track_work);
    if (!found || !hits || !track_work) {
        rs__free(found);
        rs__free(hits);
        return RS_ERR_NOMEM;
    }
    rs__signals_find(c, hits, found);
    for (size_t s = 0; s < r->signal_count; s++) {
        const rs_signal_def *sig = &r->signals[s];
        if (!found[s])
            continue;
        if (sig->track != RS_NOT_FOUND && !S_in_discipline_list(c, r, &hits[s]))
            track_work[sig->track] += sig->weight;
        if (sig->kind == RS_SIGNAL_RUNG) {
            out->rung_weight[sig->rung] += sig->weight;
        } else if (sig->kind == RS_SIGNAL_WORK) {
            if (out->best_work == RS_NOT_FOUND || sig->weight > r->signals[out->best_work].weight)
                out->best_work = s, out->best_work_hit = hits[s];
            out->work += sig->weight;
        }
    }
    for (size_t t = 0; t < r->track_count; t++)
        if (track_work[t] > a->work_track_weight)
            a->work_track = t, a->work_track_weight = track_work[t];
    a->signal_rung = S_signal_rung(out->rung_weight);
    for (int shown = 0; shown < S_SIGNALS_SHOWN && a->signal_rung;) {
        size_t best = RS_NOT_FOUND;   /* the heaviest not yet shown */
        for (size_t s = 0; s < r->signal_count; s++)
            if (found[s] == 1 && r->signals[s].kind == RS_SIGNAL_RUNG &&
                r->signals[s].rung == a->signal_rung &&
                (best == RS_NOT_FOUND || r->signals[s].weight > r->signals[best].weight))
                best = s;
        if (best == RS_NOT_FOUND)
            break;
        found[best] = 2;
        out->shown[out->shown_count++] = hits[best];
        shown++;
    }
    rs__free(found);
    rs__free(hits);
    return RS_OK;
}

/* ---- level ------------------------------------------------------------- */

static int S_years_rung(double years)
{
    static const double limits[] = {1.5, 4.5, 8, 11, 14};
    for (int i = 0; i < 5; i++)
        if (years < limits[i])
            return i + 1;
    return 6;   /* years alone never say VP or CTO */
}

/* The estimate (docs/scoring.md): a current title sets the rung, moved one
 * step when experience and scope agree it is two or more off; without a
 * title, the weighted mean of experience, scope and earlier titles. */
static void S_estimate(rs_analysis *a, const S_ctx *c, const S_signals *sg)
{
    int title = 0, past = 0, years_rung = 0, loose = 0;
    if (a->current != RS_NOT_FOUND) {
        /* a title that heads the text or holds a position sets the rung;
         * one standing loose in the text only weighs in */
        const rs_found_title *t = &a->titles[a->current];
        bool sets = S_title_weight(a) >= S_TITLE_EVIDENCE * 0.6;
        *(sets ? &title : &loose) = t->match.rung;
        S_title_evidence(a, c, RS_EVIDENCE_TITLE, t, sets ? 3.0 : 1.0);
    } else if (a->seniority_stated && a->seniority) {
        /* no engineering title, but the first line names a level ("Data
         * Science & AI - ML Internship") */
        title = a->seniority;
        S_evidence(a, RS_EVIDENCE_TITLE_LEVEL, "the level the first line states", a->seniority_line,
                   title, 2.0);
    }
    unsigned past_line = 0;
    size_t now_role = a->current != RS_NOT_FOUND ? a->titles[a->current].match.role : RS_NOT_FOUND;
    for (size_t i = 0; i < a->title_count; i++)   /* the headline repeating the
                                                     current role is no past title */
        if (i != a->current && a->titles[i].match.role != now_role &&
            a->titles[i].match.rung > past)
            past = a->titles[i].match.rung, past_line = a->titles[i].line;
    for (size_t i = 0; past && i < a->title_count; i++) {
        if (i != a->current && a->titles[i].line == past_line) {
            S_title_evidence(a, c, RS_EVIDENCE_PAST_TITLE, &a->titles[i], 0.5);
            break;
        }
    }
    double years = a->months / 12.0;
    if (a->stated_years > years)
        years = a->stated_years;
    if (years > 0) {
        char text[160];
        years_rung = S_years_rung(years);
        snprintf(text, sizeof text, "%.1f years of experience", years);
        S_evidence(a, RS_EVIDENCE_EXPERIENCE, text, 0, years_rung, 1.0);
    }
    S_scope_numbers(a, c);
    int scope = S_scope_skills(a, c);
    for (size_t i = 0; i < a->evidence_count; i++)
        if (a->evidence[i].kind == RS_EVIDENCE_SCOPE && a->evidence[i].rung > scope)
            scope = a->evidence[i].rung;
    for (size_t i = 0; i < sg->shown_count; i++)
        S_signal_evidence(a, c, &sg->shown[i], &c->roles->signals[sg->shown[i].signal]);
    int said = a->signal_rung, cues = scope;
    if (said > scope && said >= 3)
        scope = said;
    int kinds = (title > 0) + (years_rung > 0) + (scope > 0 || said > 0);
    double agree = 0;
    if (title) {
        int up = (years_rung >= title + 2 || !years_rung) && scope >= title + 2;
        int down = years_rung && years_rung <= title - 2 && scope <= title - 2;
        a->rung = title + up - down;
        agree = (years_rung && abs(years_rung - title) <= 1) + (scope && scope >= title - 1);
    } else {
        /* no title: the language of work leads, scope cues, years and
         * earlier titles weigh in */
        double sum = 0, w = 0, cue_weight = said ? 0.75 : 1.5;
        if (said)
            sum += 3.0 * said, w += 3.0;
        if (years_rung)
            sum += years_rung, w += 1;
        if (cues > said)   /* a cue is the least rung a skill suggests */
            sum += cue_weight * cues, w += cue_weight;
        if (loose)
            sum += loose, w += 1;
        if (past)
            sum += 0.5 * past, w += 0.5;
        a->rung = w > 0 ? (int)lround(sum / w) : 2;
        agree = (years_rung && scope && abs(years_rung - scope) <= 1);
    }
    if (a->rung < 1)
        a->rung = 1;
    if (a->rung > 8)
        a->rung = 8;
    double conf = 0.25 + 0.15 * kinds + 0.1 * agree + (title ? 0.1 : 0);
    a->confidence = conf > 0.95 ? 0.95 : conf;
}

/* ---- scores ------------------------------------------------------------ */

static rs_role_score S_score(const rs_analysis *a, size_t role)
{
    const rs_role_def *r = &a->roles->roles[role];
    rs_role_score s = {.role = role, .total = r->skill_count};
    double have = 0, all = 0;
    for (size_t i = 0; i < r->skill_count; i++) {
        all += r->skills[i].weight;
        if (a->has[r->skills[i].skill]) {
            have += r->skills[i].weight;
            s.matched++;
        }
    }
    s.coverage = all > 0 ? have / all : 0;
    for (size_t i = 0; i < a->title_count; i++) {
        const rs_title_match *m = &a->titles[i].match;
        const rs_role_def *tr = &a->roles->roles[m->role];
        /* a title naming no track fits every track's role at its rung */
        double fit = m->track_unclear ? (r->rung == m->rung ? 0.5 : 0)
                     : m->role == role ? 1.0
                     : tr->track == r->track ? 0.5
                                             : 0;
        if (!a->titles[i].current)
            fit *= 0.5;
        if (fit > s.title_fit)
            s.title_fit = fit;
    }
    double gap = fabs((double)r->rung - a->rung);
    s.level_fit = gap >= 3 ? 0 : 1 - gap / 3;
    s.score = a->title_count
                  ? 100 * (0.5 * s.coverage + 0.3 * s.title_fit + 0.2 * s.level_fit)
                  : 100 * (0.7 * s.coverage + 0.3 * s.level_fit);
    return s;
}

rs_role_score rs_analysis_score_role(const rs_analysis *a, size_t role)
{
    rs_role_score s = {0};
    return role < a->roles->role_count ? S_score(a, role) : s;
}

static int S_cmp_score(const void *x, const void *y)
{
    const rs_role_score *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->role < b->role ? -1 : a->role > b->role;
}

static size_t S_target(const rs_roles *roles, const char *target)
{
    if (!target)
        return RS_NOT_FOUND;
    size_t r = rs_roles_find(roles, target);
    rs_title_match m;
    if (r == RS_NOT_FOUND && rs_roles_parse_title(roles, target, &m) == 1)
        r = m.role;
    return r;
}

static void S_lead_with(rs_analysis *a, size_t i)
{
    rs_role_score t = a->scores[i];
    memmove(a->scores + 1, a->scores, i * sizeof *a->scores);
    a->scores[0] = t;
}

/* Rung, role and track agree: the closest role is the best-scored one at
 * the estimated rung on the closest role's track, else on any track; when
 * no role stands at that rung, the rung is the closest role's. */
static void S_agree(rs_analysis *a, size_t n)
{
    if (!n)
        return;
    const rs_role_def *roles = a->roles->roles;
    size_t track = roles[a->scores[0].role].track;
    if (roles[a->scores[0].role].rung == a->rung)
        return;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const rs_role_def *r = &roles[a->scores[i].role];
            if (r->rung == a->rung && (pass == 1 || r->track == track)) {
                S_lead_with(a, i);
                return;
            }
        }
    }
    a->rung = roles[a->scores[0].role].rung;
}

/* How much of a role's own vocabulary the text uses: its skills found,
 * each weighed by what it says about the track (a resume of Git, code
 * review and Swift is a mobile one). Not a share: a role listing few
 * telling skills would win on one. */
static double S_track_evidence(const rs_analysis *a, const rs_role_def *r)
{
    const double *spec = a->roles->specificity;
    double have = 0;
    for (size_t i = 0; i < r->skill_count; i++)
        if (a->has[r->skills[i].skill])
            have += r->skills[i].weight * spec[r->skills[i].skill];
    return have;
}

static bool S_track_has_rung(const rs_roles *r, size_t track, int rung)
{
    for (size_t i = 0; i < r->role_count; i++)
        if (r->roles[i].track == track && r->roles[i].rung == rung)
            return true;
    return false;
}

/* A track that spans the one the skills chose, and whose own work the text
 * names ("Fullstack Engineering: writes web applications with frontend and
 * backend components"), is the text's track: a full stack engineer has a
 * frontend engineer's skills, and says so. */
static size_t S_spanning_track(const rs_analysis *a, size_t chosen)
{
    const rs_roles *r = a->roles;
    for (size_t t = 0; a->track_work && t < r->track_count; t++)
        for (size_t k = 0; k < r->tracks[t].span_count; k++)
            if (r->tracks[t].spans[k] == chosen && a->track_work[t] > 0)
                return t;
    return chosen;
}

/* With no title naming the track, a text that describes one track's own
 * work (managing people: 1x1s, direct reports) is on that track; else the
 * skills that say most about a track choose it. The best-scored role of
 * the chosen track leads. */
static void S_choose_track(rs_analysis *a, size_t n)
{
    if (a->current != RS_NOT_FOUND && !a->titles[a->current].match.track_unclear)
        return;
    const rs_role_def *roles = a->roles->roles;
    size_t best_track = RS_NOT_FOUND;
    double best = 0;
    bool by_work = a->work_track != RS_NOT_FOUND &&
                   a->work_track_weight >= S_TRACK_WORK_NEEDED &&
                   S_track_has_rung(a->roles, a->work_track, a->rung);
    if (by_work)
        best_track = a->work_track;
    a->track_from_work = by_work;
    for (size_t i = 0; !by_work && i < a->roles->role_count; i++) {
        size_t t = roles[i].track;
        double c = S_track_evidence(a, &roles[i]);
        if (t != a->roles->people && a->track_work)
            c += S_TRACK_WORD_WEIGHT * a->track_work[t];
        if (c > best)
            best = c, best_track = t;
    }
    if (!by_work && best_track != RS_NOT_FOUND)
        best_track = S_spanning_track(a, best_track);
    /* with nothing that tells one track (managing people is read from its
     * own language, never from the teamwork every level text names), the
     * nearest guess is the engineering ladder, not whichever role the
     * general skills happen to score highest */
    if (best_track == RS_NOT_FOUND)
        best_track = a->roles->ladder;
    if (best_track == RS_NOT_FOUND || roles[a->scores[0].role].track == best_track)
        return;
    for (size_t i = 0; i < n; i++)
        if (roles[a->scores[i].role].track == best_track) {
            S_lead_with(a, i);
            return;
        }
}

static rs_status S_rank(rs_analysis *a, const rs_analysis_options *o, rs_error *err)
{
    size_t n = a->roles->role_count;
    a->scores = rs__calloc(n ? n : 1, sizeof *a->scores);
    if (!a->scores)
        return rs__nomem(err, NULL);
    for (size_t i = 0; i < n; i++)
        a->scores[i] = S_score(a, i);
    if (n)
        rs__sort(a->scores, n, sizeof *a->scores, S_cmp_score);
    S_choose_track(a, n);
    S_agree(a, n);
    size_t top = o && o->top ? o->top : S_TOP_DEFAULT;
    size_t typo = rs__roles_id_near(a->roles, o ? o->target : NULL);
    if (typo != RS_NOT_FOUND)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "--target '%.120s' is no role id; did you mean '%s' (%s)? "
                        "'rolescan roles' lists them all",
                        o->target, a->roles->roles[typo].id, a->roles->roles[typo].title);
    size_t target = S_target(a->roles, o ? o->target : NULL);
    if (o && o->target && target == RS_NOT_FOUND) {
        size_t near[3];
        size_t k = rs__roles_nearest(a->roles, o->target, near, 3);
        char names[300] = "";
        for (size_t i = 0, used = 0; i < k && used < sizeof names; i++) {
            const rs_role_def *d = &a->roles->roles[near[i]];
            int w = snprintf(names + used, sizeof names - used, "%s%s (%s)", i ? ", " : "",
                             d->title, d->id);
            used += w > 0 ? (size_t)w : 0;
        }
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "--target '%.120s' is neither a role id nor a title rolescan can read; "
                        "nearest: %s; 'rolescan roles' lists them all",
                        o->target, names);
    }
    /* the ranking stays the scores' own: the target is reported beside it */
    a->target = target;
    a->score_count = top < n ? top : n;
    return RS_OK;
}

/* ---- scope of the document --------------------------------------------- */

/* Marks the skills found; counts those found in the text (not implied)
 * whose category shows engineering, the first three named in *names. */
static bool S_generated(const rs_roles *r, const char *file)
{
    const char *base = file ? strrchr(file, '/') : NULL;
    base = base ? base + 1 : file;
    return base && rs__roles_word_in(r, RS_WORDS_GENERATED_LEXICON, base, strlen(base));
}

static double S_mark_skills(rs_analysis *a, const S_ctx *c, char *names, size_t cap)
{
    size_t o = 0, tech = 0;
    double weight = 0;
    names[0] = '\0';
    for (size_t i = 0; i < rs_scan_hit_count(c->scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(c->scan, i);
        if (!S_said(c, h))
            continue;   /* "No Java required" */
        a->has[h->skill] = 1;
        rs_skill_info info = rs_lexicon_skill(a->lex, h->skill);
        if (h->implied_by != RS_NOT_FOUND ||
            !rs__roles_word_in(a->roles, RS_WORDS_ENGINEERING_CATEGORY, info.category,
                               strlen(info.category)))
            continue;
        weight += S_generated(a->roles, info.file) ? 0.5 : 1.0;
        if (tech++ < 3 && o < cap) {
            int k = snprintf(names + o, cap - o, "%s%s", o ? ", " : "", info.name);
            o += k > 0 ? (size_t)k : 0;
        }
    }
    a->engineering_skills = tech;
    return weight;
}

/* ---- a job outside engineering ------------------------------------------ */

/* Is the line [ls, le) a job outside engineering, and not read as an
 * engineering title ("Account Manager, Cloud", "Sales Engineer")? */
static bool S_other_job_line(const rs_analysis *a, const S_ctx *c, size_t ls, size_t le)
{
    if (!rs__title_other_job(a->roles, c->norm, ls, le))
        return false;
    unsigned line = S_line_of(c, ls);
    for (size_t t = 0; t < a->title_count; t++)
        if (a->titles[t].line == line)
            return false;
    return true;
}

/* Is the line within one line of a position running to the present? */
static bool S_near_present(const rs_analysis *a, unsigned line)
{
    for (size_t r = 0; r < a->range_count; r++) {
        unsigned rl = a->ranges[r].line;
        if (a->ranges[r].open_ended && (line + 1 >= rl && line <= rl + 1))
            return true;
    }
    return false;
}

/* The headline (the first S_HEADLINE_LINES lines with words) or the
 * position running to the present, when it names a job outside
 * engineering; its span in *start, *end. */
static bool S_other_job(const rs_analysis *a, const S_ctx *c, size_t *start, size_t *end)
{
    const char *s = c->norm;
    size_t len = c->norm_len, seen = 0;
    bool present = false;
    for (size_t r = 0; r < a->range_count; r++)
        present |= a->ranges[r].open_ended != 0;
    for (size_t ls = 0; ls < len && (seen < S_HEADLINE_LINES || present);) {
        size_t le = ls;
        while (le < len && s[le] != '\n' && s[le] != '\r')
            le++;
        bool words = false;
        for (size_t i = ls; i < le && !words; i++)
            words = (s[i] >= 'a' && s[i] <= 'z');
        if (words) {
            bool headline = seen++ < S_HEADLINE_LINES;
            if ((headline || S_near_present(a, S_line_of(c, ls))) &&
                S_other_job_line(a, c, ls, le)) {
                *start = ls, *end = le;
                return true;
            }
        }
        ls = le + 1;
    }
    return false;
}


/* In or out of scope from the engineering evidence of the whole text:
 * an engineering title, engineering work described, skills of engineering
 * kinds; the reason names what was found either way. */
static void S_decide_scope(rs_analysis *a, const S_ctx *c, const S_signals *sg,
                           double skill_weight, const char *skill_names)
{
    size_t tech = a->engineering_skills;
    double skills = skill_weight * S_SKILL_EVIDENCE;
    if (skills > S_SKILL_EVIDENCE_MAX)
        skills = S_SKILL_EVIDENCE_MAX;
    bool title = a->current != RS_NOT_FOUND;
    size_t job_start = 0, job_end = 0;
    bool other_job = S_other_job(a, c, &job_start, &job_end);
    /* in a resume, a title naming no field ("Engineer", "Lead Operations
     * Engineer") may be any engineer's: half weight, the work decides */
    double title_weight = !title ? 0
                          : a->titles[a->current].match.track_unclear && a->range_count
                              ? S_title_weight(a) / 2
                              : S_title_weight(a);
    /* a text that names no job and lists no dated positions (a level
     * description, a list of duties) has only the work it describes to go
     * by; a resume is expected to name its jobs */
    bool untitled = !title && !other_job && a->range_count == 0;
    a->scope = (rs_scope_evidence){
        .title = title_weight, .work = sg->work, .skills = skills,
        .skills_found = skill_weight * S_SKILL_EVIDENCE,
        .other_job = other_job ? -S_OTHER_JOB_EVIDENCE : 0,
        .needed = untitled ? S_SCOPE_NEEDED_UNTITLED : S_SCOPE_NEEDED};
    a->scope.total = a->scope.title + a->scope.work + a->scope.skills + a->scope.other_job;
    a->in_scope = a->scope.total >= a->scope.needed;
    char work[240] = "no engineering work described", title_text[400] = "no engineering title";
    if (sg->best_work != RS_NOT_FOUND) {
        char quote[160];
        const rs_signal_hit *h = &sg->best_work_hit;
        const rs_token *last = &c->toks[h->last_tok];
        S_quote(c, c->toks[h->first_tok].start, last->start + last->len, quote, sizeof quote);
        snprintf(work, sizeof work, "%sengineering work described (\"%s\", line %u)",
                 sg->work < S_SCOPE_NEEDED / 2 ? "little " : "", quote,
                 S_line_of(c, c->toks[h->first_tok].start));
    }
    if (title) {
        char quote[160];
        const rs_found_title *t = &a->titles[a->current];
        S_quote(c, t->match.norm_start, t->match.norm_end, quote, sizeof quote);
        snprintf(title_text, sizeof title_text, "engineering title \"%s\" (line %u)", quote,
                 t->line);
    }
    char skill_text[200];
    if (tech)
        snprintf(skill_text, sizeof skill_text, "%zu skill%s of engineering kinds (%s%s)", tech,
                 tech == 1 ? "" : "s", skill_names, tech > 3 ? ", ..." : "");
    else
        snprintf(skill_text, sizeof skill_text,
                 "no skill of engineering kinds (office, business and general tools do not "
                 "count)");
    if (other_job) {   /* the headline first: it is what a reader sees first */
        char quote[160];
        S_quote(c, job_start, job_end, quote, sizeof quote);
        snprintf(title_text + strlen(title_text), sizeof title_text - strlen(title_text),
                 ", and \"%s\" (line %u) names a job outside engineering", quote,
                 S_line_of(c, job_start));
    }
    snprintf(a->why, sizeof a->why, "%s: %s; %s; %s",
             a->in_scope ? "about engineering" : "not about engineering", title_text, work,
             skill_text);
}

rs_status rs_analyze(const rs_roles *roles, const rs_lexicon *lex, const rs_document *doc,
                     const rs_scan *scan, const rs_analysis_options *opts,
                     rs_analysis **out, rs_error *err)
{
    if (!roles || !lex || !doc || !scan || !out || roles->lex != lex)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "analysis needs roles loaded with this skill lexicon, a document and its scan");
    if (opts && opts->abi_version != RS_ABI_VERSION)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "rs_analysis_options of ABI version %u; this library reads %u",
                        opts->abi_version, RS_ABI_VERSION);
    *out = NULL;
    rs_analysis *a = rs__calloc(1, sizeof *a);
    if (!a || !(a->has = rs__calloc(rs_lexicon_skill_count(lex), 1))) {
        rs__free(a);
        return rs__nomem(err, rs_text_name(rs_document_text(doc)));
    }
    a->target = RS_NOT_FOUND;
    a->roles = roles;
    a->lex = lex;
    S_ctx c = {.roles = roles, .lex = lex, .doc = doc, .scan = scan,
               .asked = opts ? opts->asked : NULL, .map = rs__document_map(doc)};
    c.norm = rs_document_normalized(doc, &c.norm_len);
    c.toks = rs__document_tokenized(doc, &c.ntok);
    c.as_of = opts && opts->as_of.year ? opts->as_of : rs_date_today();
    char skill_names[160];
    double tech = S_mark_skills(a, &c, skill_names, sizeof skill_names);
    S_signals sg;
    rs_status st = S_read_signals(a, &c, &sg);
    if (!st)
        st = rs__find_ranges(&c);
    a->ranges = c.ranges;
    a->range_count = c.range_count;
    if (!st && (a->months = rs__merged_months(a->ranges, a->range_count)) < 0)
        st = RS_ERR_NOMEM;
    unsigned stated_line = 0;
    /* a posting's requirements say what it asks of the candidate; its
     * preferred list and the company's age do not */
    a->stated_years = c.asked ? rs_requirements_years(c.asked, &stated_line)
                              : rs__stated_years(&c, &stated_line);
    S_find_titles(a, &c);
    S_pick_current(a);
    a->seniority = S_seniority(a, &c);
    S_decide_scope(a, &c, &sg, tech, skill_names);
    if (!st) {
        S_estimate(a, &c, &sg);
        st = S_rank(a, opts, err);
    } else {
        rs__nomem(err, rs_text_name(rs_document_text(doc)));
    }
    if (st) {
        rs_analysis_free(a);
        return st;
    }
    if (!a->in_scope)
        a->rung = 0;
    *out = a;
    return RS_OK;
}

void rs_analysis_free(rs_analysis *a)
{
    if (!a)
        return;
    rs__free(a->ranges);
    rs__free(a->track_work);
    rs__free(a->scores);
    rs__free(a->has);
    rs__free(a);
}

/* ---- accessors --------------------------------------------------------- */

const char *rs_analysis_scope_reason(const rs_analysis *a) { return a->why; }
rs_scope_evidence rs_analysis_scope_evidence(const rs_analysis *a) { return a->scope; }

int rs_analysis_track_unclear(const rs_analysis *a)
{
    if (!a->in_scope || !a->score_count)
        return 0;
    bool named = a->current != RS_NOT_FOUND && !a->titles[a->current].match.track_unclear;
    return !named && !a->track_from_work && a->scores[0].coverage < S_TRACK_COVERAGE;
}

int rs_analysis_in_scope(const rs_analysis *a, const char **why)
{
    if (why)
        *why = a->in_scope ? NULL : a->why;
    return a->in_scope;
}

size_t rs_analysis_title_count(const rs_analysis *a) { return a->title_count; }
const rs_found_title *rs_analysis_title(const rs_analysis *a, size_t i)
{
    return i < a->title_count ? &a->titles[i] : NULL;
}
size_t rs_analysis_range_count(const rs_analysis *a) { return a->range_count; }
const rs_range *rs_analysis_range(const rs_analysis *a, size_t i)
{
    return i < a->range_count ? &a->ranges[i] : NULL;
}
long rs_analysis_months(const rs_analysis *a) { return a->months; }
int rs_analysis_stated_years(const rs_analysis *a) { return a->stated_years; }
int rs_analysis_seniority(const rs_analysis *a) { return a->seniority; }

int rs_analysis_rung(const rs_analysis *a, double *confidence)
{
    if (confidence)
        *confidence = a->in_scope ? a->confidence : 0;
    return a->rung;
}

size_t rs_analysis_evidence_count(const rs_analysis *a) { return a->evidence_count; }
const rs_level_evidence *rs_analysis_evidence(const rs_analysis *a, size_t i)
{
    return i < a->evidence_count ? &a->evidence[i] : NULL;
}
size_t rs_analysis_role_count(const rs_analysis *a) { return a->in_scope ? a->score_count : 0; }
size_t rs_analysis_target(const rs_analysis *a)
{
    return a->in_scope && a->target != RS_NOT_FOUND ? a->target : (size_t)-1;
}
const rs_role_score *rs_analysis_role(const rs_analysis *a, size_t i)
{
    return i < rs_analysis_role_count(a) ? &a->scores[i] : NULL;
}
int rs_analysis_has_skill(const rs_analysis *a, size_t skill)
{
    return skill < rs_lexicon_skill_count(a->lex) && a->has[skill];
}

size_t rs_analysis_missing(const rs_analysis *a, size_t role, rs_role_skill *out, size_t max)
{
    if (role >= a->roles->role_count)
        return 0;
    const rs_role_def *r = &a->roles->roles[role];
    size_t n = 0;
    for (int w = RS_WEIGHT_CORE; w >= RS_WEIGHT_NICE; w--)
        for (size_t i = 0; i < r->skill_count && n < max; i++)
            if ((int)r->skills[i].weight == w && !a->has[r->skills[i].skill])
                out[n++] = (rs_role_skill){r->skills[i].skill, r->skills[i].weight,
                                           r->skills[i].why};
    return n;
}

size_t rs_analysis_laterals(const rs_analysis *a, size_t role, size_t *out, size_t max)
{
    if (!a || role >= a->roles->role_count)
        return 0;
    const rs_role_def *d = &a->roles->roles[role];
    size_t n = 0;
    double cov[16];
    for (size_t i = 0; i < d->lateral_count && n < max && n < 16; i++) {
        double c = rs_analysis_score_role(a, d->laterals[i]).coverage;
        if (c < RS_LATERAL_REACH)
            continue;
        size_t at = n++;
        while (at > 0 && cov[at - 1] < c) {   /* most shown first */
            cov[at] = cov[at - 1];
            out[at] = out[at - 1];
            at--;
        }
        cov[at] = c;
        out[at] = d->laterals[i];
    }
    return n;
}

const char *rs_evidence_kind_name(rs_evidence_kind kind)
{
    static const char *const names[] = {"title",      "title level", "past title",
                                        "experience", "scope",       "responsibility"};
    return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "unknown";
}
