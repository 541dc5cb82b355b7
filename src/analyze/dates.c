/* dates.c — years of experience: date ranges as resumes write them
 * ("Jan 2018 – Mar 2021", "2019 - present", "06/2020 to 08/2022", "'19–'22",
 * "2016-2019"), merged where they overlap, and stated years ("7+ years of
 * experience"). Works on the document's tokens. */
#define _POSIX_C_SOURCE 200809L
#include "analyze_internal.h"

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
static const char *const S_education[] = {
    "university", "college", "school", "bachelor", "bachelors", "master", "masters",
    "degree", "bsc", "msc", "phd", "diploma", "academy", "bootcamp", "gpa",
    "coursework", "b", "m", "ba", "ma", "bs", "ms", "universitat", NULL};

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

static bool S_education_line(const S_ctx *c, size_t line_first, size_t line_end)
{
    for (size_t i = line_first; i < line_end; i++)
        for (size_t k = 0; S_education[k]; k++)
            if (S_tok_is(c, i, S_education[k]) && (strlen(S_education[k]) > 2 ||
                                                   S_tok_is(c, i + 1, ".")))
                return true;
    return false;
}

/* Can a date start at token i? It starts with a digit, an apostrophe
 * ('19) or a month's first letter: most tokens are turned away here. */
static bool S_may_start_date(const S_ctx *c, size_t i)
{
    char ch = c->norm[c->toks[i].start];
    return (ch >= '0' && ch <= '9') || ch == '\'' ||
           (ch && strchr("jfmasond", ch) != NULL);
}

/* The 1-based line of an original offset, by binary search over the line
 * starts. (Hardening: rs_document_position() also counts the column, a walk
 * from the line's start, which made many ranges on one long line
 * quadratic.) */
static unsigned S_line_at(const rs_document *d, size_t off)
{
    size_t lo = 0, hi = d->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (unsigned)(lo + 1);
}

rs_status rs__find_ranges(S_ctx *c)
{
    /* The line of a range is found, and read for education words, once per
     * line, not once per range. (Hardening: walking the whole line for
     * every range made "Jan 2001 - Feb 2002 " x 50,000 on one line
     * quadratic: minutes.) [line_first, line_end) are the tokens of the
     * line last found, edu its verdict. */
    size_t line_first = 0, line_end = 0;
    bool edu = false;
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
            line_first = i;
            line_end = i + 1;
            while (line_first > 0 && !rs__line_break_before(c, line_first))
                line_first--;
            while (line_end < c->ntok && !rs__line_break_before(c, line_end))
                line_end++;
            edu = S_education_line(c, line_first, line_end);
        }
        bool refused = edu;
        if (next > line_end) {   /* the range runs onto the next line: both read */
            size_t end = next;
            while (end < c->ntok && !rs__line_break_before(c, end))
                end++;
            refused = S_education_line(c, line_first, end);
        }
        if (!refused) {
            r.orig_start = c->doc->map[c->toks[i].start];
            r.orig_end = c->doc->map[c->toks[next - 1].start + c->toks[next - 1].len];
            r.line = S_line_at(c->doc, r.orig_start);
            if (!rs__push_range(c, &r))
                return RS_ERR_NOMEM;
        }
        i = next - 1;
    }
    return RS_OK;
}

static int S_cmp_range(const void *x, const void *y)
{
    long a = S_index(((const rs_range *)x)->start), b = S_index(((const rs_range *)y)->start);
    return a < b ? -1 : a > b;
}

long rs__merged_months(const rs_range *ranges, size_t n)
{
    if (!n)
        return 0;
    rs_range *sorted = rs__malloc(n * sizeof *sorted);
    if (!sorted)
        return -1;
    memcpy(sorted, ranges, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, S_cmp_range);
    long total = 0, cur_a = S_index(sorted[0].start), cur_b = S_index(sorted[0].end);
    for (size_t i = 1; i < n; i++) {
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
    return total;
}

int rs__stated_years(const S_ctx *c, unsigned *line)
{
    int best = 0;
    for (size_t i = 0; i + 1 < c->ntok; i++) {
        int v;
        if (!S_tok_number(c, i, 0, &v) || v < 1 || v > 50)
            continue;
        size_t j = i + 1;
        bool plus = S_tok_is(c, j, "+");   /* "5+ years of Go" states a requirement */
        if (plus)
            j++;
        if (!(S_tok_is(c, j, "years") || S_tok_is(c, j, "yrs") || S_tok_is(c, j, "year")))
            continue;
        bool experience = plus || (i > 0 && (S_tok_is(c, i - 1, "least") ||
                                             S_tok_is(c, i - 1, "minimum")));
        for (size_t k = j + 1; k < c->ntok && k < j + 7 && !rs__line_break_before(c, k); k++)
            experience |= S_tok_is(c, k, "experience") || S_tok_is(c, k, "professional");
        if (experience && v > best) {
            best = v;
            *line = rs_document_position(c->doc, c->doc->map[c->toks[i].start]).line;
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
