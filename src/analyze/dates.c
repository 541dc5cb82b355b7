/* dates.c — years of experience the way a recruiter counts them: date
 * ranges as resumes write them ("Jan 2018 – Mar 2021", "2019 - present",
 * "06/2020 to 08/2022", "'19–'22", "2016-2019"), merged where they overlap;
 * durations written beside a position that has no dates ("(3.5 years)",
 * "3 yrs 2 mos"); neither from school, courses, volunteering or clubs; and
 * stated years ("7+ years of experience"). Works on the document's tokens
 * and its sections (sections.c). */
#define _POSIX_C_SOURCE 200809L
#include "analyze_internal.h"
#include "text/text_internal.h"
#include "sections_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const S_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const S_months_long[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};
static const char *const S_present[] = {"present", "current", "now", "today",
                                        "ongoing", "date", NULL};
/* ---- what is no work experience ---------------------------------------------
 * A recruiter counts paid work: jobs, internships, freelance work, projects;
 * not school, courses, volunteering or clubs. A date range or a duration
 * is no experience when
 *   - its line lies in an education, certifications (courses, training) or
 *     activities section (volunteering, clubs, awards: sections.c);
 *   - its line names a degree (S_degree) or a school (S_school), in any
 *     section;
 *   - its line names a student's or a volunteer's role (S_student, "teaching
 *     assistant"), in any section; or a club or society (S_club), outside
 *     an experience or projects section only, where the word more likely
 *     names an employer ("Royal Society of Chemistry");
 *   - its line holds little else (at most S_BARE_WORDS words besides it:
 *     "Oct 2023 – Feb 2024") and a line of its entry's header above names a
 *     degree or one of those roles: at most S_HEADER_LINES lines up,
 *     stopping at a blank line, a list item, a sentence, a line of more
 *     than S_TITLE_WORDS words, another range or another section
 *     ("Supervised a student teacher in 2005." describes the job above).
 *     A school or school work there is not enough: "Research Engineer /
 *     Stanford University / 2015 – 2018" is a job, and "Coursework: ..."
 *     may be the last line of the entry before. Only above: the line below
 *     a bare date line starts the next entry as often as it ends this one.
 * Interns are employees: "intern" is on no list. The lists stay small and
 * plain. A word of two letters counts only with a '.' after it ("M.S.",
 * "BS."), a single 'B' or 'M' only as the start of a degree's abbreviation
 * ("B.Sc.", "M.Eng.", "M.B.A."; not "Harbourline B.V."), "master" only as
 * a degree ("Master of Science", "Master's"; not "Scrum Master"). */
static const char *const S_degree[] = {
    "bachelor", "bachelors", "degree", "bsc", "msc", "phd", "diploma", "ba", "ma", "bs",
    "ms", "mba", "beng", "meng", "btech", "mtech", "doctorate", "undergraduate",
    "postgraduate", NULL};
/* Schools and school work. */
static const char *const S_school[] = {"university", "college", "school", "academy",
                                       "bootcamp", "universitat", "coursework", "gpa", NULL};
/* What follows "B." or "M." in a degree's abbreviation. */
static const char *const S_degree_tail[] = {"sc", "s", "a", "e", "eng", "tech", "ed", "com",
                                            "phil", "fa", "b", NULL};
/* What follows "master" in a degree. */
static const char *const S_master_tail[] = {"of", "in", "'", "degree", NULL};
static const char *const S_student[] = {"student", "volunteer", "volunteering", NULL};
static const char *const S_club[] = {"club", "clubs", "society", "societies", NULL};

#define S_BARE_WORDS 4     /* a date line with at most this many other words */
#define S_HEADER_LINES 2   /* lines of an entry read above or below its line */
#define S_SHORT_LINE 12    /* words: a longer line is prose, no entry's header */
#define S_TITLE_WORDS 8    /* words: a longer line above a bare date is no title */
#define S_MAX_DURATION 600 /* months: 50 years */

#define S_tok_is rs__tok_is

/* A number of `digits` digits (any count up to 4 when 0) at token i. */
static bool S_tok_number(const S_ctx *c, size_t i, size_t digits, int *value)
{
    long v = rs__tok_number(c, i, 4);
    if (v < 0 || (digits && c->toks[i].len != digits))
        return false;
    *value = (int)v;
    return true;
}

static int S_month_at(const S_ctx *c, size_t i)
{
    if (i >= c->ntok || c->toks[i].len < 3 || c->toks[i].len > 9)
        return 0;
    const char *t = c->norm + c->toks[i].start;
    size_t len = c->toks[i].len;
    /* The first three letters pick the month; the rest must spell it out. */
    for (int m = 0; m < 12; m++) {
        const char *abbr = S_months[m], *full = S_months_long[m];
        if (t[0] != abbr[0] || t[1] != abbr[1] || t[2] != abbr[2])
            continue;
        bool whole = len == 3 || (len == strlen(full) && memcmp(t, full, len) == 0) ||
                     (m == 8 && len == 4 && t[3] == 't');   /* "sept" */
        return whole ? m + 1 : 0;
    }
    return 0;
}

static bool S_year_ok(int y) { return y >= 1950 && y <= 2100; }

/* A date at token i: "Jan 2018", "Jan. '18", "01/2018", "2018", "'18".
 * Sets *next past it; month 0 when the date is a year only. */
static bool S_date_at(const S_ctx *c, size_t i, rs_date *d, size_t *next)
{
    int month = S_month_at(c, i), v = 0, y;
    size_t j = i;
    if (month) {
        j++;
        if (S_tok_is(c, j, ".") || S_tok_is(c, j, ","))
            j++;
    } else if (S_tok_number(c, i, 0, &v) && v >= 1 && v <= 12 && c->toks[i].len <= 2 &&
               (S_tok_is(c, i + 1, "/") || S_tok_is(c, i + 1, ".")) &&
               S_tok_number(c, i + 2, 4, &y) && S_year_ok(y)) {
        *d = (rs_date){y, v};
        *next = i + 3;
        return true;
    }
    if (S_tok_is(c, j, "'") && S_tok_number(c, j + 1, 2, &y)) {
        *d = (rs_date){y < 50 ? 2000 + y : 1900 + y, month};
        *next = j + 2;
        return true;
    }
    if (S_tok_number(c, j, 4, &y) && S_year_ok(y)) {
        *d = (rs_date){y, month};
        *next = j + 1;
        return true;
    }
    return false;
}

static bool S_separator_at(const S_ctx *c, size_t i, size_t *next)
{
    static const char *const seps[] = {"-", "to", "until", "till", "through", "thru",
                                       "~", NULL};
    for (size_t k = 0; seps[k]; k++) {
        if (S_tok_is(c, i, seps[k])) {
            *next = i + 1;
            if (S_tok_is(c, *next, "-"))   /* "--" */
                (*next)++;
            return true;
        }
    }
    return false;
}

static bool S_present_at(const S_ctx *c, size_t i)
{
    for (size_t k = 0; S_present[k]; k++)
        if (S_tok_is(c, i, S_present[k]))
            return true;
    return false;
}

static long S_index(rs_date d) { return (long)d.year * 12 + (d.month ? d.month - 1 : 0); }

/* A range from start date a (its tokens end at j), or false. */
static bool S_range_from(const S_ctx *c, rs_date a, size_t j, rs_range *r, size_t *next)
{
    rs_date b;
    size_t k;
    if (!S_separator_at(c, j, &k))
        return false;
    memset(r, 0, sizeof *r);
    if (S_present_at(c, k)) {
        b = c->as_of;
        r->open_ended = 1;
        *next = k + 1;
    } else if (S_date_at(c, k, &b, next)) {
        if (!b.month)   /* "2016 - 2019": to the start of the final year */
            b.month = a.year == b.year ? 7 : 1;
    } else {
        return false;
    }
    if (!a.month)
        a.month = 1;
    if (S_index(a) > S_index(b) || S_index(b) > S_index(c->as_of))
        return false;
    r->start = a;
    r->end = b;
    return true;
}

/* Can a date start at token i? It starts with a digit, an apostrophe
 * ('19) or a month's first letter: most tokens are turned away here. */
static bool S_may_start_date(const S_ctx *c, size_t i)
{
    char ch = c->norm[c->toks[i].start];
    return (ch >= '0' && ch <= '9') || ch == '\'' ||
           (ch && strchr("jfmasond", ch) != NULL);
}

/* ---- lines and sections ------------------------------------------------------ */

typedef enum S_class {
    S_UNPLACED,        /* OTHER: before any heading, or under one the API has no kind for */
    S_WORK,            /* experience, projects */
    S_NOT_WORK,        /* education, certifications, activities */
    S_ELSEWHERE        /* summary, skills */
} S_class;

/* What the search for dates knows beyond the tokens. */
typedef struct S_pass {
    S_ctx *c;
    rs_section *sec;
    size_t nsec;
    bool has_experience;          /* the resume has an experience heading */
    bool sections_read;           /* sec, nsec and has_experience are set */
    rs_status status;             /* RS_ERR_NOMEM when the sections could not be read */
    unsigned char *range_lines;   /* a bit per line (1-based) holding a date range */
} S_pass;

static unsigned S_tok_line(const S_ctx *c, size_t i)
{
    return rs__line_of(c->doc, rs__orig(c->map, c->toks[i].start));
}

/* The sections, read the first time a range or a duration asks: a text
 * with neither (most postings) never pays for them. */
static void S_read_sections(S_pass *p)
{
    if (p->sections_read)
        return;
    p->sections_read = true;
    p->status = rs__sections_find(p->c->doc, RS_DOC_RESUME, &p->sec, &p->nsec, NULL);
    for (size_t k = 0; !p->status && k < p->nsec; k++)
        p->has_experience |= p->sec[k].kind == RS_SECTION_EXPERIENCE;
}

/* The section of a line: the last one starting at or before it (0 when
 * there is none). */
static size_t S_section_at(S_pass *p, unsigned line)
{
    S_read_sections(p);
    size_t lo = 0, hi = p->nsec;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->sec[mid].first_line <= line)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static S_class S_class_of(S_pass *p, unsigned line)
{
    S_read_sections(p);
    if (!p->nsec)
        return S_UNPLACED;
    size_t lo = S_section_at(p, line);
    switch (p->sec[lo].kind) {
    case RS_SECTION_EXPERIENCE: case RS_SECTION_PROJECTS: return S_WORK;
    case RS_SECTION_EDUCATION: case RS_SECTION_CERTIFICATIONS: return S_NOT_WORK;
    case RS_SECTION_OTHER: return S_UNPLACED;
    default: return p->sec[lo].kind == RS__SECTION_ACTIVITIES ? S_NOT_WORK : S_ELSEWHERE;
    }
}

static void S_mark_range(S_pass *p, unsigned line)
{
    p->range_lines[line / 8] |= (unsigned char)(1u << (line % 8));
}

static bool S_has_range(const S_pass *p, unsigned line)
{
    return (p->range_lines[line / 8] >> (line % 8)) & 1u;
}

/* The tokens [*first, *end) of the line holding token i. */
static void S_line_span(const S_ctx *c, size_t i, size_t *first, size_t *end)
{
    size_t f = i, e = i + 1;
    while (f > 0 && !rs__line_break_before(c, f))
        f--;
    while (e < c->ntok && !rs__line_break_before(c, e))
        e++;
    *first = f;
    *end = e;
}

/* The words of tokens [a, b), counted up to cap + 1 ("more than cap"). */
static size_t S_words(const S_ctx *c, size_t a, size_t b, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b && n <= cap; i++)
        n += c->toks[i].kind == RS_TOKEN_WORD;
    return n;
}

/* Does line [f, e) open with a list marker ("- ", "* ", "• ")? */
static bool S_list_item(const S_ctx *c, size_t f, size_t e)
{
    if (c->toks[f].kind != RS_TOKEN_PUNCT || f + 1 >= e || c->toks[f + 1].glued)
        return false;
    unsigned char ch = (unsigned char)c->norm[c->toks[f].start];
    return ch >= 0x80 || strchr("-*+>", ch) != NULL;   /* bullets are not ASCII */
}

/* The line just above line [f, ...), when no blank line comes between:
 * its first token in *above (it ends at f). */
static bool S_above(const S_ctx *c, size_t f, size_t *above)
{
    if (f == 0 || S_tok_line(c, f) - S_tok_line(c, f - 1) != 1)
        return false;
    size_t a = f - 1;
    while (a > 0 && !rs__line_break_before(c, a))
        a--;
    *above = a;
    return true;
}

/* The line just below line [..., e), when no blank line comes between:
 * its end in *below (it starts at e). */
static bool S_below(const S_ctx *c, size_t e, size_t *below)
{
    if (e == 0 || e >= c->ntok || S_tok_line(c, e) - S_tok_line(c, e - 1) != 1)
        return false;
    size_t b = e + 1;
    while (b < c->ntok && !rs__line_break_before(c, b))
        b++;
    *below = b;
    return true;
}

/* May line [f, e) belong to an entry's header: no list item, no prose? */
static bool S_header_line(const S_ctx *c, size_t f, size_t e)
{
    return !S_list_item(c, f, e) && S_words(c, f, e, S_SHORT_LINE) <= S_SHORT_LINE;
}

static bool S_in(const S_ctx *c, size_t i, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (S_tok_is(c, i, words[k]))
            return true;
    return false;
}

/* Does token i name a degree? */
static bool S_degree_at(const S_ctx *c, size_t i)
{
    if (S_in(c, i, S_degree))
        return c->toks[i].len > 2 || S_tok_is(c, i + 1, ".");
    if (S_tok_is(c, i, "b") || S_tok_is(c, i, "m"))
        return S_tok_is(c, i + 1, ".") && S_in(c, i + 2, S_degree_tail);
    return (S_tok_is(c, i, "master") || S_tok_is(c, i, "masters")) &&
           S_in(c, i + 1, S_master_tail);
}

/* Do tokens [a, b) name a degree, a student's or volunteer's role, and,
 * when asked, a school or a club or society? */
static bool S_names_not_work(const S_ctx *c, size_t a, size_t b, bool schools, bool clubs)
{
    for (size_t i = a; i < b; i++) {
        if (c->toks[i].kind != RS_TOKEN_WORD)
            continue;
        if (S_degree_at(c, i) || (schools && S_in(c, i, S_school)) ||
            (clubs && S_in(c, i, S_club)) || S_in(c, i, S_student) ||
            (S_tok_is(c, i, "teaching") && S_tok_is(c, i + 1, "assistant")))
            return true;
    }
    return false;
}

/* Is line [f, e) a sentence: does it end with a '.' after a number or a
 * word longer than an abbreviation's ("Inc.", "Corp.", "B.V." are not)? */
static bool S_sentence(const S_ctx *c, size_t f, size_t e)
{
    if (e - f < 2 || !S_tok_is(c, e - 1, ".") || c->toks[e - 2].kind != RS_TOKEN_WORD)
        return false;
    return c->toks[e - 2].len > 4 || rs__tok_number(c, e - 2, 4) >= 0;
}

/* Is the range or duration at tokens [i, next), on line [f, e), no work
 * experience? The rules are at the top of this file. */
static bool S_not_work(S_pass *p, size_t f, size_t e, size_t i, size_t next)
{
    const S_ctx *c = p->c;
    S_class k = S_class_of(p, S_tok_line(c, i));
    bool clubs = k != S_WORK;
    if (k == S_NOT_WORK || S_names_not_work(c, f, e, true, clubs))
        return true;
    if (S_words(c, f, i, S_BARE_WORDS) + S_words(c, next, e, S_BARE_WORDS) > S_BARE_WORDS)
        return false;
    size_t top = f, above, sec = S_section_at(p, S_tok_line(c, f));
    for (int n = 0; n < S_HEADER_LINES && S_above(c, top, &above); n++) {
        unsigned line = S_tok_line(c, above);
        if (S_list_item(c, above, top) || S_words(c, above, top, S_TITLE_WORDS) > S_TITLE_WORDS ||
            S_sentence(c, above, top) || S_has_range(p, line) || S_section_at(p, line) != sec)
            break;
        if (S_names_not_work(c, above, top, false, clubs))
            return true;
        top = above;
    }
    return false;
}

/* ---- date ranges -------------------------------------------------------------- */

static rs_status S_find_dated(S_pass *p)
{
    S_ctx *c = p->c;
    /* The line of a range is found, and judged, once per line, not once per
     * range, so many ranges on one line ("Jan 2001 - Feb 2002 " x 50,000)
     * stay linear, not quadratic. [line_first, line_end) are the tokens of
     * the line last found, refused its verdict. */
    size_t line_first = 0, line_end = 0;
    bool refused = false;
    for (size_t i = 0; i < c->ntok; i++) {
        rs_range r;
        rs_date start;
        size_t after, next;
        if (!S_may_start_date(c, i) || !S_date_at(c, i, &start, &after))
            continue;
        if (!S_range_from(c, start, after, &r, &next)) {
            i = after - 1;   /* a refused range is not read again from its year */
            continue;
        }
        if (i >= line_end) {   /* a new line */
            S_line_span(c, i, &line_first, &line_end);
            refused = S_not_work(p, line_first, line_end, i, next);
        }
        r.orig_start = rs__orig(c->map, c->toks[i].start);
        r.orig_end = rs__orig(c->map, c->toks[next - 1].start + c->toks[next - 1].len);
        r.line = rs__line_of(c->doc, r.orig_start);
        S_mark_range(p, r.line);
        bool no = refused;
        if (next > line_end) {   /* the range runs onto the next line: both read */
            size_t end = next;
            while (end < c->ntok && !rs__line_break_before(c, end))
                end++;
            no = no || S_names_not_work(c, line_end, end, true,
                                        S_class_of(p, r.line) != S_WORK);
            S_mark_range(p, S_tok_line(c, next - 1));
        }
        if (!no && !rs__push_range(c, &r))
            return RS_ERR_NOMEM;
        i = next - 1;
    }
    return RS_OK;
}

/* ---- durations ----------------------------------------------------------------
 * "(3.5 years)", "3 yrs 2 mos", "2 years 3 months", "8 months", "(1 yr)"
 * written beside a position count as that position's length when no date
 * range gives it. A duration counts only when
 *   - it is no claim: no '+' ("5+ years", "40+ years of change": the unit
 *     must follow the number; "5 years+": nothing but ')' or the line's end
 *     may follow the unit). Claims are stated years, rs__stated_years';
 *   - it stands apart on a short line (at most S_SHORT_LINE words): in
 *     parentheses, or from the line's start or a separator ('|', '-', ',',
 *     ';', '·', '•') to the line's end ("Acme | 3 yrs 2 mos"). So "40 years
 *     of change" and "ran it for 2 years" are prose, not a position;
 *   - it is the only duration or claim on its line ("Go (3 years), Java
 *     (2 years)", "AutoCAD (6 yrs), Solidworks (5+ yrs)" list skills) and
 *     the line names no experience, skill or knowledge (S_claim:
 *     "Experienced in CAD (6 yrs)");
 *   - it does not open a line under a list item or a long line: that is a
 *     wrapped sentence's end ("... in the first / 24 months");
 *   - no date range is on its line nor in its entry, the lines around it
 *     up to S_HEADER_LINES either way, stopping at a blank line, a list
 *     item, a long line or another section: the range wins, no position
 *     counts twice
 *     ("Jan 2020 - Present · 2 yrs 11 mos");
 *   - it lies in an experience or projects section or, in a resume with no
 *     experience heading, in text no known heading places (never under
 *     summary or skills); and it is work by the rules at the top.
 * It is kept as an undated range (rs__range_undated), which
 * rs__merged_months adds whole; all of them together to at most
 * S_MAX_DURATION. */

static bool S_years_unit(const S_ctx *c, size_t i)
{
    return S_tok_is(c, i, "years") || S_tok_is(c, i, "year") || S_tok_is(c, i, "yrs") ||
           S_tok_is(c, i, "yr");
}

static bool S_months_unit(const S_ctx *c, size_t i)
{
    return S_tok_is(c, i, "months") || S_tok_is(c, i, "month") || S_tok_is(c, i, "mos") ||
           S_tok_is(c, i, "mo") || S_tok_is(c, i, "mths") || S_tok_is(c, i, "mth");
}

/* A duration at token i, in months, its tokens ending at *next; false
 * when none. The unit must follow the number: "5+ years" is none. */
static bool S_duration_at(const S_ctx *c, size_t i, long *months, size_t *next)
{
    long n = rs__tok_number(c, i, 3), tenths = 0, m;
    size_t j = i + 1;
    if (n < 0)
        return false;
    if (S_tok_is(c, j, ".") && c->toks[j].glued && j + 1 < c->ntok && c->toks[j + 1].glued &&
        c->toks[j + 1].len == 1 && rs__tok_number(c, j + 1, 1) >= 0) {   /* "3.5" */
        tenths = rs__tok_number(c, j + 1, 1);
        j += 2;
    }
    if (S_years_unit(c, j)) {
        if (n > S_MAX_DURATION / 12)
            return false;
        m = n * 12 + (tenths * 12 + 5) / 10;
        j++;
        size_t k = j + (S_tok_is(c, j, ",") || S_tok_is(c, j, "and"));
        long extra = tenths ? -1 : rs__tok_number(c, k, 2);
        if (extra >= 0 && extra < 12 && S_months_unit(c, k + 1)) {   /* "2 yrs 3 mos" */
            m += extra;
            j = k + 2;
        }
    } else if (S_months_unit(c, j) && !tenths) {
        m = n;
        j++;
    } else {
        return false;
    }
    if (m < 1 || m > S_MAX_DURATION)
        return false;
    *months = m;
    *next = j;
    return true;
}

/* Words of a claim about skill or experience, not a position. */
static const char *const S_claim[] = {"experience", "experienced", "proficient", "proficiency",
                                      "knowledge", "familiar", "skilled", "expertise", NULL};

static bool S_duration_separator(const S_ctx *c, size_t i)
{
    static const char *const seps[] = {"|", "-", ",", ";", "\xC2\xB7", "\xE2\x80\xA2", NULL};
    return S_in(c, i, seps);
}

/* Does the duration [i, next) stand apart on line [f, e)? */
static bool S_apart(const S_ctx *c, size_t f, size_t e, size_t i, size_t next)
{
    size_t k = next + (next < e && S_tok_is(c, next, "."));   /* "(1 yr.)", "3 years." */
    if (i > f && S_tok_is(c, i - 1, "(") && k < e && S_tok_is(c, k, ")"))
        return true;
    return (i == f || S_duration_separator(c, i - 1)) && k == e;
}

/* Is line [f, e) one where a position's duration may stand (all but the
 * entry rule)? */
static bool S_duration_line(S_pass *p, size_t f, size_t e)
{
    const S_ctx *c = p->c;
    unsigned line = S_tok_line(c, f);
    if (S_has_range(p, line) || S_words(c, f, e, S_SHORT_LINE) > S_SHORT_LINE)
        return false;   /* the cheap tests first: the section needs the sections read */
    size_t durations = 0, claims = 0;
    for (size_t i = f; i < e; i++) {
        long m;
        size_t next;
        if (S_in(c, i, S_claim))
            return false;
        if (S_duration_at(c, i, &m, &next)) {
            /* "0-2 years", "3–5 years": a span of years asked, not a tenure */
            if (i >= f + 2 && c->toks[i - 1].kind == RS_TOKEN_PUNCT &&
                rs__tok_number(c, i - 2, 3) >= 0)
                return false;
            durations++;
            i = next - 1;
        } else if (rs__tok_number(c, i, 3) >= 0 && S_tok_is(c, i + 1, "+") &&
                   (S_years_unit(c, i + 2) || S_months_unit(c, i + 2))) {
            claims++;   /* "C (5+ yrs)": a claim, as in a list of skills */
        }
    }
    if (durations != 1 || claims)
        return false;
    S_class k = S_class_of(p, line);
    return k == S_WORK || (k == S_UNPLACED && !p->has_experience);
}

/* Does the duration start line [f, ...) under a list item or a long line,
 * the end of a sentence wrapped ("... saving 140K in the first / 24
 * months")? */
static bool S_wrapped(const S_ctx *c, size_t f, size_t i)
{
    size_t above;
    return i == f && S_above(c, f, &above) && !S_header_line(c, above, f);
}

/* Does a date range stand among the header lines of the entry of line
 * [f, e), walking up (or down) through short lines of its section? */
static bool S_entry_side_has_range(S_pass *p, size_t f, size_t e, bool up)
{
    const S_ctx *c = p->c;
    size_t edge = up ? f : e, ls, le, sec = S_section_at(p, S_tok_line(c, f));
    for (int n = 0; n < S_HEADER_LINES; n++) {
        if (up ? !S_above(c, edge, &ls) : !S_below(c, edge, &le))
            break;
        if (up)
            le = edge;
        else
            ls = edge;
        unsigned line = S_tok_line(c, ls);
        if (!S_header_line(c, ls, le) || S_section_at(p, line) != sec)
            break;
        if (S_has_range(p, line))
            return true;
        edge = up ? ls : le;
    }
    return false;
}

/* Does no date range lie in the entry of line [f, e)? */
static bool S_undated_entry(S_pass *p, size_t f, size_t e)
{
    return !S_entry_side_has_range(p, f, e, true) && !S_entry_side_has_range(p, f, e, false);
}

static rs_status S_find_durations(S_pass *p, bool *found)
{
    S_ctx *c = p->c;
    size_t f = 0, e = 0;   /* the line last found, judged once */
    bool open = false;
    for (size_t i = 0; i < c->ntok; i++) {
        long months;
        size_t next;
        char ch = c->norm[c->toks[i].start];
        if (ch < '0' || ch > '9' || !S_duration_at(c, i, &months, &next))
            continue;
        if (i >= e) {
            S_line_span(c, i, &f, &e);
            open = S_duration_line(p, f, e);
        }
        if (open && next <= e && S_apart(c, f, e, i, next) && !S_wrapped(c, f, i) &&
            S_undated_entry(p, f, e) && !S_not_work(p, f, e, i, next)) {
            rs_range r = {.undated = 1, .start = {0, 1},
                          .end = {(int)((months - 1) / 12), (int)((months - 1) % 12 + 1)}};
            r.orig_start = rs__orig(c->map, c->toks[i].start);
            r.orig_end = rs__orig(c->map, c->toks[next - 1].start + c->toks[next - 1].len);
            r.line = rs__line_of(c->doc, r.orig_start);
            if (!rs__push_range(c, &r))
                return RS_ERR_NOMEM;
            *found = true;
        }
        i = next - 1;
    }
    return RS_OK;
}

static int S_cmp_place(const void *x, const void *y)
{
    size_t a = ((const rs_range *)x)->orig_start, b = ((const rs_range *)y)->orig_start;
    return a < b ? -1 : a > b;
}

rs_status rs__find_ranges(S_ctx *c)
{
    S_pass p = {.c = c};
    bool durations = false;
    size_t lines;
    rs__document_line_starts(c->doc, &lines);
    p.range_lines = rs__calloc(lines / 8 + 1, 1);
    rs_status st = p.range_lines ? RS_OK : RS_ERR_NOMEM;
    if (!st)
        st = S_find_dated(&p);
    if (!st)
        st = S_find_durations(&p, &durations);
    if (!st)
        st = p.status;
    if (!st && durations)   /* in the order of the text, as the dated ones */
        rs__sort(c->ranges, c->range_count, sizeof *c->ranges, S_cmp_place);
    rs__free(p.range_lines);
    rs__free(p.sec);
    return st;
}

static int S_cmp_range(const void *x, const void *y)
{
    long a = S_index(((const rs_range *)x)->start), b = S_index(((const rs_range *)y)->start);
    return a < b ? -1 : a > b;
}

long rs__merged_months(const rs_range *ranges, size_t n)
{
    long undated = 0;
    size_t dated = 0;
    for (size_t i = 0; i < n; i++) {
        if (rs__range_undated(&ranges[i]))
            undated += S_index(ranges[i].end) - S_index(ranges[i].start) + 1;
        else
            dated++;
        if (undated > S_MAX_DURATION)   /* no career is longer; bounded on any input */
            undated = S_MAX_DURATION;
    }
    if (!dated)
        return undated;
    rs_range *sorted = rs__malloc(dated * sizeof *sorted);
    if (!sorted)
        return -1;
    for (size_t i = 0, k = 0; i < n; i++)
        if (!rs__range_undated(&ranges[i]))
            sorted[k++] = ranges[i];
    rs__sort(sorted, dated, sizeof *sorted, S_cmp_range);
    long total = 0, cur_a = S_index(sorted[0].start), cur_b = S_index(sorted[0].end);
    for (size_t i = 1; i < dated; i++) {
        long a = S_index(sorted[i].start), b = S_index(sorted[i].end);
        if (a <= cur_b + 1) {
            if (b > cur_b)
                cur_b = b;
        } else {
            total += cur_b - cur_a + 1;
            cur_a = a;
            cur_b = b;
        }
    }
    total += cur_b - cur_a + 1;
    rs__free(sorted);
    return total + undated;
}

/* Does a word of schooling follow within three tokens on the line ("a
 * 4-year BA/BS program", "4 year degree")? A course's length is no
 * experience. */
static bool S_schooling_after(const S_ctx *c, size_t from)
{
    static const char *const words[] = {"degree", "program", "programme", "ba", "bs", "bsc",
                                        "bachelor", "bachelors", "college", "university",
                                        "course", "apprenticeship"};
    for (size_t k = from; k < c->ntok && k < from + 3 && !rs__line_break_before(c, k); k++)
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (S_tok_is(c, k, words[w]))
                return true;
    return false;
}

int rs__years_phrase(const S_ctx *c, size_t i, bool *claim)
{
    int v;
    *claim = false;
    if (!S_tok_number(c, i, 0, &v) || v < 1 || v > 50)
        return 0;
    size_t j = i + 1;
    bool plus = S_tok_is(c, j, "+");   /* "5+ years of Go" states a requirement */
    j += plus || S_tok_is(c, j, "-");   /* "1-year" */
    if (!(S_tok_is(c, j, "years") || S_tok_is(c, j, "yrs") || S_tok_is(c, j, "year")))
        return 0;
    if (S_tok_is(c, j + 1, "old") || S_tok_is(c, j + 1, "ago") || S_schooling_after(c, j + 1))
        return 0;
    bool experience = plus || (i > 0 && (S_tok_is(c, i - 1, "least") ||
                                         S_tok_is(c, i - 1, "minimum")));
    for (size_t k = j + 1; k < c->ntok && k < j + 7 && !rs__line_break_before(c, k); k++)
        experience |= S_tok_is(c, k, "experience") || S_tok_is(c, k, "professional");
    *claim = experience;
    return v;
}

unsigned rs__token_line(const S_ctx *c, size_t i)
{
    return rs__line_of(c->doc, rs__orig(c->map, c->toks[i].start));
}

int rs__stated_years(const S_ctx *c, unsigned *line)
{
    int best = 0;
    for (size_t i = 0; i + 1 < c->ntok; i++) {
        bool claim;
        int v = rs__years_phrase(c, i, &claim);
        if (claim && v > best) {
            best = v;
            *line = rs__token_line(c, i);
        }
    }
    return best;
}

/* Parses exactly: "2026-11", "2026-11-22", "Nov 2026", "November 2026". */
int rs_date_parse(const char *text, rs_date *out)
{
    int y = 0, m = 0, d = 0, used = 0;
    size_t len = strlen(text);
    if ((sscanf(text, "%4d-%2d%n", &y, &m, &used) == 2 && (size_t)used == len) ||
        (sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && (size_t)used == len &&
         d >= 1 && d <= 31)) {
        if (!S_year_ok(y) || m < 1 || m > 12 || text[4] != '-')
            return 0;
        *out = (rs_date){y, m};
        return 1;
    }
    char mon[16];
    if (sscanf(text, "%15[A-Za-z] %4d%n", mon, &y, &used) != 2 || (size_t)used != len ||
        !S_year_ok(y) || strlen(text) - strlen(mon) != 5)
        return 0;
    for (char *p = mon; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    for (int k = 0; k < 12; k++) {
        if (strcmp(mon, S_months[k]) == 0 || strcmp(mon, S_months_long[k]) == 0) {
            *out = (rs_date){y, k + 1};
            return 1;
        }
    }
    return 0;
}

rs_date rs_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (rs_date){tm.tm_year + 1900, tm.tm_mon + 1};
}
