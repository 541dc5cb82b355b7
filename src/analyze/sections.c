/* sections.c — a document split into sections at its headings: "## Work
 * Experience", "SKILLS" over a line of dashes, "What you'll do", "Nice to
 * have:", "== Benefits ==", "**Requirements:** Python, Go" (an inline
 * heading: its section starts at that line, text after the colon included).
 *
 * Works line by line on the normalized text, where case, accents, curly
 * quotes and odd spaces are already gone; the original is read only for
 * capitals. A line is a heading when, its decoration stripped (Markdown
 * '#', "== x ==", '*' and '_' emphasis, emoji, a trailing ':'), its words
 * are a known phrase, one with a prefix ("Key", "Our", "Your", ...), or
 * alternatives of known phrases joined by '/', '&', ',' or "and"
 * ("Requirements / Must have", "Perks & Benefits"). List items ("- ", "• ",
 * "1. ") and sentences are never headings. Some phrases name headings this
 * API has no kind for ("Languages", "Awards", "Tools we use"): they start
 * an OTHER section, so their text is not taken for the section above.
 * Those of activity outside paid work ("Volunteering", "Clubs and
 * Societies", "Awards") start an RS__SECTION_ACTIVITIES section inside the
 * library (rs__sections_find), OTHER to the public API.
 *
 * Two passes: the first notes how the known headings are styled, so that
 * in the second an unknown heading of the same style ("## Speaking", a
 * setext heading) also ends the section before it, once a known heading
 * was seen. Postings get two more rules: the first non-blank line, when no
 * heading precedes it, is the title (a one-line section, with the blank
 * lines around it), the text after it OTHER; and a paragraph opening with
 * "... is an equal opportunity employer" starts a BOILERPLATE section
 * without a heading (has_heading 0). Lines are the original's: a final
 * empty line after the last line end is no line, and an empty text has no
 * section (count 0, RS_OK). Work is linear in the text; the section count
 * is capped. */
#include "sections_internal.h"
#include "text/text_internal.h"

#include <pthread.h>
#include <utf8proc.h>

/* Past this many sections headings stop splitting: the rest of the text
 * stays in the last section. No real document comes near it, and hostile
 * input cannot grow the array beyond it. */
#define S_MAX_SECTIONS 4096
#define S_MAX_WORDS 8      /* words kept of a line, "and" included */
#define S_HEADING_WORDS 7  /* a heading has at most this many */
#define S_WORD_MAX 24      /* a longer word matches no phrase */
#define S_LINE_MAX 120     /* a longer line (decoration stripped) is no heading */
#define S_LABEL_MAX 64     /* an inline heading's ':' comes within this many bytes */

/* ---- phrases ------------------------------------------------------------
 * Lowercase, apostrophes dropped ("youll"), "and" for '&'; plurals match
 * singulars (both sides are stemmed). A leading '~' marks a weak phrase,
 * a word that also fills table cells and list lines: a heading only when
 * styled (Markdown, "== ==", emphasis, capitals, an underline) or alone
 * between blank lines, never inline ("Tools: Git" in a job is no section). A
 * leading '!' marks a phrase that is never inline ("Role: Backend
 * Developer", "Portfolio: https://..." are facts, not headings). OTHER
 * phrases are never inline. */

typedef struct S_group {
    rs_section_kind kind;
    const char *const *phrases;
} S_group;

static const char *const S_r_summary[] = {
    "summary", "professional summary", "executive summary", "career summary",
    "summary of qualifications", "!profile", "professional profile", "personal profile",
    "about me", "about", "objective", "career objective", "professional objective",
    "overview", "personal statement", NULL};
static const char *const S_r_experience[] = {
    "experience", "work experience", "professional experience", "relevant experience",
    "employment", "employment history", "work history", "career history",
    "professional history", "~career", "professional background", "industry experience",
    "technical experience", "research experience", "engineering experience",
    "software experience", "software engineering experience", "development experience",
    "consulting experience", "freelance experience", "teaching experience",
    "corporate experience", "management experience", "military experience",
    "related experience", "internships", "internship experience", NULL};
static const char *const S_r_skills[] = {
    "skills", "technical skills", "skill set", "skillset", "skills summary",
    "technical summary", "core competencies", "competencies", "~technologies",
    "~technology", "~tech stack", "~stack", "~tools", "languages and frameworks",
    "~expertise", "areas of expertise", "technical expertise", "proficiencies",
    "technical proficiencies", "core areas", NULL};
static const char *const S_r_education[] = {
    "education", "academic background", "academic qualifications", "qualifications",
    "academics", "degrees", "academic history", "~studies", "!coursework", NULL};
static const char *const S_r_certifications[] = {
    "certifications", "certificates", "licenses", "licences", "!courses", "~training",
    "professional development", "accreditations", "credentials",
    "continuing education", NULL};
static const char *const S_r_projects[] = {
    "projects", "personal projects", "side projects", "selected projects",
    "open source", "open source projects", "open source contributions", "!portfolio",
    "notable projects", "academic projects", NULL};
/* Activity outside paid work: its dates are no work experience. Only
 * headings that say so plainly: "Leadership" or "Community" alone may head
 * real positions. */
static const char *const S_r_activities[] = {
    "interests", "hobbies", "awards", "honors", "honours", "scholarships", "volunteer",
    "volunteering", "volunteer work", "volunteer experience", "community service",
    "~activities", "extracurricular", "extracurricular activities", "student activities",
    "leadership and activities", "clubs", "societies", "clubs and societies",
    "student organizations", "student organisations", "memberships", "affiliations", NULL};
static const char *const S_r_other[] = {
    "languages", "spoken languages", "achievements", "accomplishments", "publications",
    "patents", "~talks", "~speaking", "presentations", "~writing", "~community",
    "~boards", "~advisory", "advisory roles", "references", "personal details",
    "personal information", "~contact", "contact details", "contact information",
    "additional information", "~other", "miscellaneous", NULL};

static const S_group S_resume[] = {
    {RS_SECTION_SUMMARY, S_r_summary},
    {RS_SECTION_EXPERIENCE, S_r_experience},
    {RS_SECTION_SKILLS, S_r_skills},
    {RS_SECTION_EDUCATION, S_r_education},
    {RS_SECTION_CERTIFICATIONS, S_r_certifications},
    {RS_SECTION_PROJECTS, S_r_projects},
    {RS__SECTION_ACTIVITIES, S_r_activities},
    {RS_SECTION_OTHER, S_r_other},
};

static const char *const S_p_responsibilities[] = {
    "responsibilities", "what youll do", "what you will do", "what youll be doing",
    "what you will be doing", "what youll work on", "what you will work on",
    "in this role you will", "in this role", "your role", "!the role", "~role",
    "your mission", "duties", "day to day", "your day to day", "tasks", "your impact",
    "about the role", "about the job", "about the position", "!job description",
    "role description", "the job", "!the position", "~position", "the opportunity",
    "job summary", "position summary", "role summary", "job overview",
    "position overview", "role overview", NULL};
static const char *const S_p_requirements[] = {
    "requirements", "job requirements", "qualifications", "required qualifications",
    "minimum qualifications", "basic qualifications", "must have", "must haves",
    "what you bring", "what youll bring", "what you will bring", "what were looking for",
    "what we are looking for", "who were looking for", "who we are looking for",
    "who you are", "you are", "you have", "you bring", "about you", "your profile",
    "profile", "candidate profile", "ideal candidate", "skills and experience",
    "required skills", "required experience", "skills", "experience", "~education",
    "what you need", "what youll need", "what you will need", "you should have",
    "what we expect", "we expect", "~essential", "essentials", "essential skills",
    "essential requirements", "~mandatory", "~background", NULL};
static const char *const S_p_preferred[] = {
    "nice to have", "nice to haves", "nice if you have", "preferred",
    "preferred qualifications", "preferred skills", "preferred experience",
    "preferred requirements", "!bonus", "bonus points", "bonus skills", "pluses",
    "~plus", "its a plus", "its a bonus", "a plus", "good to have", "great to have",
    "desirable", "desirable skills", "~desired", "desired skills", "desired qualifications",
    "extra credit", "even better", "even better if", "even better if you have",
    "~ideally", "~optional", "additional qualifications", "would be nice",
    "would be a plus", NULL};
static const char *const S_p_benefits[] = {
    "benefits", "perks", "what we offer", "we offer", "our offer", "the offer",
    "what you get", "what youll get", "what you will get", "whats in it for you",
    "compensation", "compensation package", "!salary", "~pay", "rewards", "total rewards",
    "why join us", "why join", "why us", "why work with us", "why work here",
    "why youll love working here", "why you will love working here", "~package", NULL};
static const char *const S_p_boilerplate[] = {
    "about us", "about the company", "who we are", "our company", "~company",
    "the company", "company overview", "company description", "equal opportunity",
    "equal opportunities", "equal employment opportunity", "equal opportunity employer",
    "eeo", "eeo statement", "eoe", "diversity", "diversity and inclusion",
    "diversity equity and inclusion", "~inclusion", "dei", "how to apply", "to apply",
    "~apply", "~application", "application process", "hiring process", "interview process",
    "recruitment process", "recruiting process", "how we hire", "our process",
    "the process", "next steps", "our values", "~values", "our mission", "our story",
    "our culture", "~culture", "disclaimer", "~privacy", "data protection",
    "accommodations", "reasonable accommodations", NULL};
static const char *const S_p_other[] = {
    "tools we use", "~tools", "~stack", "tech stack", "technology stack", "~technologies",
    "~technology", "the team", "~team", "about the team", "meet the team", "~location",
    "~locations", "~details", "job details", "key facts", "~facts", "~logistics",
    "working hours", "~schedule", "~contract", "employment type", "start date",
    "reporting line", "~overview", "~summary", NULL};

static const S_group S_posting[] = {
    {RS_SECTION_RESPONSIBILITIES, S_p_responsibilities},
    {RS_SECTION_REQUIREMENTS, S_p_requirements},
    {RS_SECTION_PREFERRED, S_p_preferred},
    {RS_SECTION_BENEFITS, S_p_benefits},
    {RS_SECTION_BOILERPLATE, S_p_boilerplate},
    {RS_SECTION_OTHER, S_p_other},
};

#define S_COUNT(list) (sizeof list / sizeof list[0] - 1)
/* Every phrase of both kinds: the size of the per-call index. */
#define S_ALL_PHRASES                                                        \
    (S_COUNT(S_r_summary) + S_COUNT(S_r_experience) + S_COUNT(S_r_skills) +    \
     S_COUNT(S_r_education) + S_COUNT(S_r_certifications) +                    \
     S_COUNT(S_r_projects) + S_COUNT(S_r_activities) + S_COUNT(S_r_other) +    \
     S_COUNT(S_p_responsibilities) + S_COUNT(S_p_requirements) +               \
     S_COUNT(S_p_preferred) + S_COUNT(S_p_benefits) +                          \
     S_COUNT(S_p_boilerplate) + S_COUNT(S_p_other))
#define S_BUCKETS 27       /* a phrase's first letter; 26 for anything else */
/* At most this many prefixes are dropped: "the the the ... skills" costs
 * no more than "our key skills". */
#define S_MAX_DROPS 2

/* Words that may open a heading without changing it ("Key skills", "Our
 * benefits", "Your tasks"); a phrase starting with one is tried whole first. */
static const char *const S_prefixes[] = {
    "our", "your", "the", "key", "main", "core", "my", "selected", "relevant",
    "additional", "other", "professional", "technical", "recent", "select", NULL};

/* ---- a line's shape ----------------------------------------------------- */

typedef struct S_line {
    bool blank;        /* nothing but blanks */
    bool rule;         /* a divider: "---", "***", "====" */
    bool underline;    /* a setext underline: only '-' or only '=' */
    bool item;         /* a list item: never a heading */
    int md;            /* Markdown '#' level, 0 for none */
    bool wiki;         /* "== x ==" */
    bool emph;         /* wrapped in '*' or '_' */
    bool lead_emph;    /* opens with '*' or '_' ("**Skills:** Go") */
    bool colon_end;    /* a trailing ':' was stripped */
    size_t ca, cb;     /* the core: normalized bytes, decoration stripped */
    size_t colon;      /* an inline heading's ':' in the core, SIZE_MAX if none */
} S_line;

typedef struct S_words {
    size_t n;                          /* words, up to S_MAX_WORDS + 1 */
    bool unmatchable;                  /* a word too long, or a sentence */
    char w[S_MAX_WORDS][S_WORD_MAX + 1];
    size_t len[S_MAX_WORDS];
    bool alt[S_MAX_WORDS];             /* an alternative starts at this word */
    bool conj[S_MAX_WORDS];            /* "and", '&' or '+': joins alternatives */
} S_words;

typedef struct S_match {
    bool found;
    rs_section_kind kind;
    bool weak;         /* a heading only when styled */
    bool inline_ok;    /* may open "Label: text" */
} S_match;

typedef enum S_htype { S_NONE, S_KNOWN, S_INLINE, S_STYLED } S_htype;

typedef struct S_head {
    S_htype type;      /* S_STYLED: an unknown heading, by its style only */
    rs_section_kind kind;
    bool styled;       /* Markdown, capitals, emphasis...: not a plain label */
    bool colon;        /* "Label:" or "Label: text" */
} S_head;

/* One phrase in the index. */
typedef struct S_entry {
    const char *text;  /* marker skipped */
    rs_section_kind kind;
    bool weak, never_inline;
    size_t words;      /* compared first: most phrases fail on it */
} S_entry;

/* A kind's phrases by first letter: a line is compared with a few dozen
 * phrases, not all of them. Built once per kind (the tables are const). */
typedef struct S_phrase_index {
    S_entry phrases[S_ALL_PHRASES];
    size_t start[S_BUCKETS + 1];
} S_phrase_index;

typedef struct S_ctx {
    const rs_document *doc;
    const char *norm;          /* the document's parts, fetched once */
    size_t norm_len;
    const uint32_t *map;
    const char *orig;
    size_t orig_len;
    const size_t *line_starts;
    size_t line_count;
    rs_doc_kind kind;
    const S_phrase_index *index;
    size_t lines;      /* lines holding text */
    /* how the known headings are styled (first pass) */
    int md_max;
    bool wiki, setext;
    S_head *heads;     /* what each line is, read once by the first pass */
} S_ctx;

static bool S_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool S_word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The code point at s[i], its length in *len; U+FFFD on a bad sequence. */
static utf8proc_int32_t S_cp(const char *s, size_t i, size_t end, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(end - i), &cp);
    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : 0xFFFD;
}

static bool S_bullet(utf8proc_int32_t cp)
{
    static const utf8proc_int32_t bullets[] = {
        0x2022, 0x00B7, 0x2023, 0x2043, 0x2219, 0x25AA, 0x25AB, 0x25A0, 0x25A1,
        0x25CF, 0x25CB, 0x25E6, 0x25B8, 0x25BA, 0x25B6, 0x27A2, 0x27A4, 0x2192,
        0x2713, 0x2714, 0x2610, 0x2611, 0x2612, 0x2756, 0x29BF};
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (bullets[i] == cp)
            return true;
    return false;
}

/* Emoji, icons (private use, as PDF converters leave them) and marks:
 * decoration around a heading, not part of it. */
static bool S_decoration(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CO:
        return true;
    default:
        return false;
    }
}

/* A line of one of "-=_*~" (3 or more, blanks between allowed), or a
 * setext underline (2 or more '-' or '=', nothing else). */
static bool S_rule(const char *s, size_t a, size_t b, bool *underline)
{
    char c = s[a];
    if (!c || !strchr("-=_*~", c))
        return false;
    size_t count = 0;
    bool spaced = false;
    for (size_t i = a; i < b; i++) {
        if (s[i] == c)
            count++;
        else if (s[i] == ' ' || s[i] == '\t')
            spaced = true;
        else
            return false;
    }
    *underline = (c == '-' || c == '=') && !spaced && count >= 2;
    return *underline || count >= 3;
}

static bool S_list_item(const char *s, size_t a, size_t b)
{
    unsigned char c = (unsigned char)s[a];
    if (c && strchr("-*+>", c) && a + 1 < b && (s[a + 1] == ' ' || s[a + 1] == '\t'))
        return true;
    size_t i = a;
    while (i < b && i - a < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > a && i + 1 < b && (s[i] == '.' || s[i] == ')') &&
        (s[i + 1] == ' ' || s[i + 1] == '\t'))
        return true;
    size_t len;
    return c >= 0x80 && S_bullet(S_cp(s, a, b, &len));
}

/* Strips emphasis, emoji, blanks and a trailing ':' around [*a, *b). */
static void S_strip(const char *s, size_t *pa, size_t *pb, S_line *L)
{
    size_t a = *pa, b = *pb, lead = 0, trail = 0, len;
    while (a < b) {
        unsigned char c = (unsigned char)s[a];
        if (c == '*' || c == '_')
            lead++;
        else if (c >= 0x80 && S_decoration(S_cp(s, a, b, &len)))
            a += len - 1;
        else if (c != ' ' && c != '\t')
            break;
        a++;
    }
    while (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == '*' || c == '_') {
            trail++;
        } else if (c == ':') {
            L->colon_end = true;
        } else if (c >= 0x80) {
            size_t k = b - 1;   /* back to the start of the last character */
            while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            if (!S_decoration(S_cp(s, k, b, &len)) || k + len != b)
                break;
            b = k + 1;
        } else if (c != ' ' && c != '\t') {
            break;
        }
        b--;
    }
    L->emph = lead && trail;
    L->lead_emph = lead > 0;
    *pa = a;
    *pb = b;
}

/* The shape of normalized line [a, b): blank, rule, list item or text with
 * its decoration stripped. */
static void S_scan(const char *s, size_t a, size_t b, S_line *L)
{
    memset(L, 0, sizeof *L);
    L->colon = SIZE_MAX;
    while (a < b && S_blank((unsigned char)s[a]))
        a++;
    while (b > a && S_blank((unsigned char)s[b - 1]))
        b--;
    L->blank = a == b;
    if (L->blank || (L->rule = S_rule(s, a, b, &L->underline)))
        return;
    size_t n = 0;
    while (a + n < b && s[a + n] == '#' && n < 7)
        n++;
    if (n >= 1 && n <= 6 && (a + n == b || s[a + n] == ' ' || s[a + n] == '\t')) {
        L->md = (int)n;
        a += n;
        size_t e = b;   /* a closing "##", not the '#' of "C#" */
        while (e > a && s[e - 1] == '#')
            e--;
        if (e == a || s[e - 1] == ' ' || s[e - 1] == '\t')
            b = e;
    } else if (b - a >= 4 && s[a] == '=' && s[a + 1] == '=' && s[b - 1] == '=') {
        L->wiki = true;
        while (a < b && s[a] == '=')
            a++;
        while (b > a && s[b - 1] == '=')
            b--;
    }
    while (a < b && S_blank((unsigned char)s[a]))
        a++;
    if (a < b && S_list_item(s, a, b)) {
        L->item = true;
        return;
    }
    S_strip(s, &a, &b, L);
    L->ca = a;
    L->cb = b;
    for (size_t k = a; k < b && k - a < S_LABEL_MAX; k++) {
        if (s[k] != ':')
            continue;
        size_t j = k + 1;
        while (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '*' || s[j] == '_'))
            j++;
        if (j < b)
            L->colon = k;
        break;
    }
}

/* ---- words and phrases -------------------------------------------------- */

/* Plural to singular, the same on both sides: "-ies" to "-y", a final 's'
 * dropped (not from "-ss", "-us", "-is"). */
static size_t S_stem(char *w, size_t n)
{
    if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
        w[n - 3] = 'y';
        return n - 2;
    }
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'i' && w[n - 2] != 'u')
        return n - 1;
    return n;
}

static void S_push(S_words *w, const char *s, size_t len, bool *alt)
{
    if (w->n >= S_MAX_WORDS) {
        w->n = S_MAX_WORDS + 1;   /* too many for a heading */
        return;
    }
    size_t k = w->n++;
    memcpy(w->w[k], s, len);
    w->len[k] = S_stem(w->w[k], len);
    w->w[k][w->len[k]] = '\0';
    w->conj[k] = len == 3 && memcmp(s, "and", 3) == 0;
    w->alt[k] = *alt && !w->conj[k];
    *alt = w->conj[k];
}

/* The words of normalized text [a, b): runs of letters and digits,
 * apostrophes inside dropped ("you'll" is "youll"), '&' and '+' read as
 * "and", '/', '|' and ',' between alternatives. A '.' or ';', or a '?' or
 * '!' with words after it, makes a sentence: no heading. */
static void S_words_of(const char *s, size_t a, size_t b, S_words *w)
{
    w->n = 0;
    w->unmatchable = false;
    bool alt = true, stop = false;
    for (size_t i = a; i < b && w->n <= S_MAX_WORDS;) {
        unsigned char c = (unsigned char)s[i];
        if (S_word_char(c)) {
            char buf[S_WORD_MAX];
            size_t len = 0;
            for (; i < b; i++) {
                c = (unsigned char)s[i];
                if (c == '\'' && len && i + 1 < b && S_word_char((unsigned char)s[i + 1]))
                    continue;
                if (!S_word_char(c))
                    break;
                if (len == S_WORD_MAX)
                    w->unmatchable = true;
                else
                    buf[len++] = (char)c;
            }
            w->unmatchable |= stop;
            S_push(w, buf, len, &alt);
            continue;
        }
        if (c == '&' || c == '+')
            S_push(w, "and", 3, &alt);
        else if (c == '/' || c == '|' || c == ',')
            alt = true;
        else if (c == '.' || c == ';')
            w->unmatchable = true;
        else if (c == '?' || c == '!')
            stop = true;
        i++;
    }
}

/* Is phrase p (marker skipped) words [from, to) of w? */
static bool S_phrase_is(const char *p, const S_words *w, size_t from, size_t to)
{
    size_t k = from;
    while (*p) {
        char buf[S_WORD_MAX + 1];
        size_t n = 0;
        while (*p && *p != ' ' && n < S_WORD_MAX)
            buf[n++] = *p++;
        while (*p == ' ')
            p++;
        n = S_stem(buf, n);
        if (k >= to || n != w->len[k] || memcmp(buf, w->w[k], n) != 0)
            return false;
        k++;
    }
    return k == to;
}

static bool S_is_prefix(const S_words *w, size_t k)
{
    for (size_t i = 0; S_prefixes[i]; i++)
        if (strcmp(w->w[k], S_prefixes[i]) == 0)
            return true;
    return false;
}

static size_t S_bucket(char c)
{
    return c >= 'a' && c <= 'z' ? (size_t)(c - 'a') : S_BUCKETS - 1;
}

/* Indexes the phrases of `groups` by first letter (a counting sort). */
static void S_index(S_phrase_index *c, const S_group *groups, size_t ngroups)
{
    size_t count[S_BUCKETS] = {0}, at[S_BUCKETS];
    for (size_t g = 0; g < ngroups; g++)
        for (const char *const *p = groups[g].phrases; *p; p++)
            count[S_bucket((*p)[**p == '~' || **p == '!'])]++;
    c->start[0] = 0;
    for (size_t k = 0; k < S_BUCKETS; k++) {
        at[k] = c->start[k];
        c->start[k + 1] = c->start[k] + count[k];
    }
    for (size_t g = 0; g < ngroups; g++) {
        for (const char *const *p = groups[g].phrases; *p; p++) {
            const char *text = *p + (**p == '~' || **p == '!');
            size_t words = 1;
            for (const char *t = text; *t; t++)
                words += *t == ' ';
            c->phrases[at[S_bucket(text[0])]++] =
                (S_entry){text, groups[g].kind, **p == '~', **p == '!', words};
        }
    }
}

/* Built on first use under a lock (an uncontended lock costs little, and
 * thread checkers see the order it gives, which they miss in
 * pthread_once's fast path). */
static S_phrase_index S_resume_index, S_posting_index;
static pthread_mutex_t S_indexes_lock = PTHREAD_MUTEX_INITIALIZER;
static bool S_indexes_built;

static void S_build_indexes(void)
{
    pthread_mutex_lock(&S_indexes_lock);
    if (!S_indexes_built) {
        S_index(&S_resume_index, S_resume, sizeof S_resume / sizeof S_resume[0]);
        S_index(&S_posting_index, S_posting, sizeof S_posting / sizeof S_posting[0]);
        S_indexes_built = true;
    }
    pthread_mutex_unlock(&S_indexes_lock);
}

/* How much a kind says of a section: one of the API's kinds most, then
 * activities outside work, then OTHER (which activities are, publicly). */
static int S_rank(rs_section_kind kind)
{
    return kind == RS_SECTION_OTHER ? 0 : kind == RS__SECTION_ACTIVITIES ? 1 : 2;
}

/* The phrase that words [from, to) are, prefixes dropped if need be. */
static S_match S_lookup(const S_ctx *c, const S_words *w, size_t from, size_t to)
{
    for (size_t drops = 0; from < to; from++, drops++) {
        size_t b = S_bucket(w->w[from][0]);
        for (size_t i = c->index->start[b]; i < c->index->start[b + 1]; i++) {
            const S_entry *e = &c->index->phrases[i];
            if (e->words != to - from || e->text[0] != w->w[from][0] ||
                !S_phrase_is(e->text, w, from, to))
                continue;
            return (S_match){true, e->kind, e->weak,
                             S_rank(e->kind) == 2 && !e->weak && !e->never_inline};
        }
        if (from + 1 == to || drops == S_MAX_DROPS || !S_is_prefix(w, from))
            break;
    }
    return (S_match){0};
}

/* The words whole, else as two or more alternatives that all match: the
 * first of the highest rank gives the kind ("Projects & Talks" and
 * "Volunteering & Projects" are projects, "Talks & Awards" activities). */
static S_match S_match_words(const S_ctx *c, const S_words *w)
{
    S_match none = {0};
    if (w->n == 0 || w->n > S_HEADING_WORDS || w->unmatchable)
        return none;
    S_match m = S_lookup(c, w, 0, w->n);
    bool split = false;
    for (size_t k = 1; k < w->n; k++)
        split |= w->alt[k] || w->conj[k];
    if (m.found || !split)
        return m;
    S_match all = {true, RS_SECTION_OTHER, true, true};
    size_t parts = 0;
    for (size_t i = 0; i < w->n;) {
        if (w->conj[i]) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < w->n && !w->alt[j] && !w->conj[j])
            j++;
        m = S_lookup(c, w, i, j);
        if (!m.found)
            return none;
        if (S_rank(m.kind) > S_rank(all.kind))
            all.kind = m.kind;
        all.weak &= m.weak;
        all.inline_ok &= m.inline_ok;
        parts++;
        i = j;
    }
    return parts >= 2 ? all : none;
}

/* "About Acme" in a posting: the company, under a name no list holds. */
static S_match S_about_company(const S_words *w)
{
    S_match none = {0};
    if (w->n < 2 || w->n > 3 || w->unmatchable || strcmp(w->w[0], "about") != 0)
        return none;
    for (size_t k = 1; k < w->n; k++)
        if (w->conj[k] || strpbrk(w->w[k], "0123456789"))
            return none;
    return (S_match){true, RS_SECTION_BOILERPLATE, true, false};
}

/* ---- the original's capitals -------------------------------------------- */

static int S_case(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return 1;
    case UTF8PROC_CATEGORY_LL: return -1;
    default: return 0;
    }
}

/* Are normalized bytes [a, b) written in capitals ("SKILLS", "WHAT WE
 * OFFER") in the original? */
static bool S_capitals(const S_ctx *c, size_t a, size_t b)
{
    const char *s = c->orig;
    size_t i = rs__orig(c->map, a), end = rs__orig(c->map, b), len;
    int upper = 0;
    for (; i < end; i += len) {
        int k = S_case(S_cp(s, i, end, &len));
        if (k < 0)
            return false;
        upper += k;
    }
    return upper >= 2;
}

/* Does the core start with a capital ("Benefits", not "benefits." ending a
 * wrapped sentence)? */
static bool S_capital_first(const S_ctx *c, const S_line *L)
{
    size_t i = rs__orig(c->map, L->ca), len;
    return i < c->orig_len && S_case(S_cp(c->orig, i, c->orig_len, &len)) > 0;
}

/* ---- headings ----------------------------------------------------------- */

/* A line's neighbours, as far as headings care. */
typedef struct S_around {
    bool underlined;   /* the next line is a setext underline */
    bool after_break;  /* a blank line or a rule above (or the start) */
    bool before_break; /* a blank line or a rule below (or the end) */
} S_around;

/* What line L is: a known heading, an inline one, a heading by its style
 * only (S_STYLED: the caller decides), or none. A weak phrase written
 * plainly counts only as a paragraph of its own (HTML's "<h2>Stack</h2>",
 * not a table cell "Tools" or a list line "Writing"). */
static S_head S_heading(const S_ctx *c, const S_line *L, const S_around *a)
{
    S_head none = {S_NONE, RS_SECTION_OTHER, false, false};
    if (L->blank || L->rule || L->item || L->ca == L->cb)
        return none;
    const char *s = c->norm;
    S_words w;
    if (L->colon != SIZE_MAX) {   /* the label is short, the text may be long */
        size_t e = L->colon;
        while (e > L->ca && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '*' ||
                             s[e - 1] == '_'))
            e--;
        S_words_of(s, L->ca, e, &w);
        S_match m = S_match_words(c, &w);
        if (m.found && m.inline_ok)
            return (S_head){S_INLINE, m.kind,
                            L->lead_emph || L->md || S_capitals(c, L->ca, e), true};
    } else if (L->cb - L->ca <= S_LINE_MAX) {
        S_words_of(s, L->ca, L->cb, &w);
        S_match m = S_match_words(c, &w);
        bool about = false;
        if (!m.found && c->kind == RS_DOC_POSTING)
            about = (m = S_about_company(&w)).found;
        if (m.found) {
            bool styled = L->md || L->wiki || L->emph || a->underlined ||
                          S_capitals(c, L->ca, L->cb);
            bool plain = S_capital_first(c, L) || L->colon_end;
            bool alone = a->after_break && (about || a->before_break);
            if (styled || (plain && (!m.weak || alone)))
                return (S_head){S_KNOWN, m.kind, styled, L->colon_end};
        }
    }
    if ((L->md || L->wiki || a->underlined) && L->cb - L->ca <= S_LINE_MAX)
        return (S_head){S_STYLED, RS_SECTION_OTHER, true, false};
    return none;
}

/* Is a heading of L's style used by the known headings? */
static bool S_style_known(const S_ctx *c, const S_line *L, const S_around *a)
{
    return (L->md && L->md <= c->md_max) || (L->wiki && c->wiki) ||
           (a->underlined && c->setext);
}

static bool S_contains(const char *s, size_t a, size_t b, const char *pat)
{
    size_t n = strlen(pat);
    for (size_t i = a; i + n <= b; i++)
        if (s[i] == pat[0] && memcmp(s + i, pat, n) == 0)
            return true;
    return false;
}

/* A paragraph opening with the equal-opportunity statement. */
static bool S_eeo(const char *s, const S_line *L)
{
    return S_contains(s, L->ca, L->cb, "equal opportunit") ||
           S_contains(s, L->ca, L->cb, "equal-opportunit") ||
           S_contains(s, L->ca, L->cb, "equal employment opportunit");
}

/* ---- walking the lines -------------------------------------------------- */

typedef struct S_walk {
    size_t i;          /* the line in cur */
    size_t pos;        /* normalized offset where line i + 1 starts */
    S_line prev, cur, next;
} S_walk;

/* Reads line i from normalized offset *pos, the bytes that came from it
 * (a word broken across the line end continues on the next line). */
static void S_read(const S_ctx *c, size_t i, size_t *pos, S_line *L)
{
    size_t a = *pos, b = a;
    size_t limit = i + 1 < c->line_count ? c->line_starts[i + 1] : SIZE_MAX;
    while (b < c->norm_len && rs__orig(c->map, b) < limit)
        b++;
    *pos = b;
    S_scan(c->norm, a, b, L);
}

static void S_walk_start(const S_ctx *c, S_walk *k)
{
    k->i = 0;
    k->pos = 0;
    memset(&k->prev, 0, sizeof k->prev);
    k->prev.blank = true;
    S_read(c, 0, &k->pos, &k->cur);
    if (c->lines > 1)
        S_read(c, 1, &k->pos, &k->next);
    else
        memset(&k->next, 0, sizeof k->next);
}

static S_around S_around_of(const S_ctx *c, const S_walk *k)
{
    return (S_around){.underlined = k->next.underline && !k->cur.blank,
                      .after_break = k->prev.blank || k->prev.rule,
                      .before_break = k->i + 1 >= c->lines || k->next.blank || k->next.rule};
}

static void S_walk_step(const S_ctx *c, S_walk *k)
{
    k->prev = k->cur;
    k->cur = k->next;
    k->i++;
    memset(&k->next, 0, sizeof k->next);
    if (k->i + 1 < c->lines)
        S_read(c, k->i + 1, &k->pos, &k->next);
}

/* First pass: what each line is (kept for the second), and how the known
 * headings are styled. */
static void S_learn_styles(S_ctx *c)
{
    S_walk k;
    for (S_walk_start(c, &k); k.i < c->lines; S_walk_step(c, &k)) {
        S_around a = S_around_of(c, &k);
        S_head h = c->heads[k.i] = S_heading(c, &k.cur, &a);
        if (h.type != S_KNOWN)
            continue;
        if (k.cur.md > c->md_max)
            c->md_max = k.cur.md;
        c->wiki |= k.cur.wiki;
        c->setext |= a.underlined;
    }
}

/* ---- building the sections ---------------------------------------------- */

typedef struct S_build {
    rs_section *v;
    size_t n, cap;
    bool has_text;     /* the open section holds a non-blank line */
} S_build;

/* Opens a section at line i (0-based). The first section, while it holds
 * only blank lines, is retargeted instead: it keeps line 1. False when the
 * cap is reached (nothing opened); *nomem on an allocation failure. */
static bool S_open(S_build *b, rs_section_kind kind, int has_heading, size_t i, bool *nomem)
{
    if (b->n && !b->has_text) {
        b->v[b->n - 1].kind = kind;
        b->v[b->n - 1].has_heading = has_heading;
        return true;
    }
    if (b->n >= S_MAX_SECTIONS)
        return false;
    if (!rs__grow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v)) {
        *nomem = true;
        return false;
    }
    b->v[b->n++] = (rs_section){.kind = kind, .first_line = (unsigned)(i + 1),
                                .has_heading = has_heading};
    b->has_text = false;
    return true;
}

/* Does heading h open a section inside one of kind cur? An inline one
 * does not when it continues it ("SKILLS" then "Languages: Go"). In a
 * resume's experience or projects, a plain label is the entry's own:
 * "Skills: Java, Spring" opens the skills only styled after a blank line
 * ("SKILLS: Go, Kafka"); "Key projects:", "Projects: X", "Certifications:
 * CDL, crane", "Qualifications: PMP" only styled or after a blank line (the
 * jobs after them stay experience). */
static bool S_opens(const S_ctx *c, const S_head *h, rs_section_kind cur,
                    const S_around *a)
{
    if (h->type == S_INLINE && h->kind == cur)
        return false;
    bool entry = cur == RS_SECTION_EXPERIENCE || cur == RS_SECTION_PROJECTS;
    bool label = h->kind == RS_SECTION_SKILLS || h->kind == RS_SECTION_PROJECTS ||
                 h->kind == RS_SECTION_CERTIFICATIONS || h->kind == RS_SECTION_EDUCATION;
    if (c->kind != RS_DOC_RESUME || !entry || !label || h->kind == cur || !h->colon)
        return true;
    if (h->type == S_INLINE && h->kind == RS_SECTION_SKILLS)
        return h->styled && a->after_break;
    return h->styled || a->after_break;
}

/* Second pass: the sections, from the headings and the posting rules. */
static bool S_split(const S_ctx *c, S_build *b)
{
    bool nomem = false, seen_heading = false, posting = c->kind == RS_DOC_POSTING;
    bool title_pending = posting, other_pending = false;
    if (!S_open(b, RS_SECTION_OTHER, 0, 0, &nomem))
        return false;
    S_walk k;
    for (S_walk_start(c, &k); k.i < c->lines && !nomem; S_walk_step(c, &k)) {
        const S_line *L = &k.cur;
        if (L->blank || L->rule)
            continue;
        rs_section_kind cur = b->v[b->n - 1].kind;
        S_around a = S_around_of(c, &k);
        S_head h = c->heads[k.i];
        bool heading = ((h.type == S_KNOWN || h.type == S_INLINE) && S_opens(c, &h, cur, &a)) ||
                       (h.type == S_STYLED && seen_heading && S_style_known(c, L, &a));
        if (heading) {
            S_open(b, h.kind, 1, k.i, &nomem);
            seen_heading = true;
            title_pending = other_pending = false;
        } else if (title_pending) {
            S_open(b, RS_SECTION_TITLE, 0, k.i, &nomem);
            title_pending = false;
            other_pending = true;
        } else if (other_pending) {
            S_open(b, RS_SECTION_OTHER, 0, k.i, &nomem);
            other_pending = false;
        } else if (posting && a.after_break && cur != RS_SECTION_BOILERPLATE &&
                   S_eeo(c->norm, L)) {
            S_open(b, RS_SECTION_BOILERPLATE, 0, k.i, &nomem);
        }
        b->has_text = true;
    }
    return !nomem;
}

/* Last lines and byte ranges, from where the next section starts. */
static void S_close(const S_ctx *c, S_build *b)
{
    for (size_t s = 0; s < b->n; s++) {
        rs_section *sec = &b->v[s];
        sec->orig_start = c->line_starts[sec->first_line - 1];
        if (s + 1 < b->n) {
            sec->last_line = b->v[s + 1].first_line - 1;
            sec->orig_end = c->line_starts[sec->last_line];
        } else {
            sec->last_line = (unsigned)c->lines;
            sec->orig_end = c->orig_len;
        }
    }
}

const char *rs_section_name(rs_section_kind kind)
{
    switch (kind) {
    case RS_SECTION_OTHER: return "other";
    case RS_SECTION_SUMMARY: return "summary";
    case RS_SECTION_EXPERIENCE: return "experience";
    case RS_SECTION_SKILLS: return "skills";
    case RS_SECTION_EDUCATION: return "education";
    case RS_SECTION_CERTIFICATIONS: return "certifications";
    case RS_SECTION_PROJECTS: return "projects";
    case RS_SECTION_TITLE: return "title";
    case RS_SECTION_RESPONSIBILITIES: return "responsibilities";
    case RS_SECTION_REQUIREMENTS: return "requirements";
    case RS_SECTION_PREFERRED: return "preferred";
    case RS_SECTION_BENEFITS: return "benefits";
    case RS_SECTION_BOILERPLATE: return "boilerplate";
    }
    return "other";
}

rs_status rs_sections_find(const rs_document *doc, rs_doc_kind kind, rs_section **out,
                           size_t *count, rs_error *err)
{
    rs_status st = rs__sections_find(doc, kind, out, count, err);
    for (size_t i = 0; !st && i < *count; i++)
        if ((*out)[i].kind == RS__SECTION_ACTIVITIES)
            (*out)[i].kind = RS_SECTION_OTHER;
    return st;
}

/* Does word w (normalized, len bytes) stem to a word of a resume heading
 * phrase or prefix? */
static bool S_in_phrases(const char *const *phrases, const char *w, size_t len)
{
    for (size_t p = 0; phrases[p]; p++) {
        const char *s = phrases[p] + (phrases[p][0] == '~' || phrases[p][0] == '!');
        while (*s) {
            size_t n = strcspn(s, " ");
            char buf[S_WORD_MAX];
            if (n < sizeof buf) {
                memcpy(buf, s, n);
                if (S_stem(buf, n) == len && memcmp(buf, w, len) == 0)
                    return true;
            }
            s += n + (s[n] == ' ');
        }
    }
    return false;
}

bool rs__heading_word(const char *w, size_t len)
{
    char stem[S_WORD_MAX];
    if (len >= sizeof stem)
        return false;
    memcpy(stem, w, len);
    len = S_stem(stem, len);
    if (S_in_phrases(S_prefixes, stem, len))
        return true;
    for (size_t g = 0; g < sizeof S_resume / sizeof S_resume[0]; g++)
        if (S_in_phrases(S_resume[g].phrases, stem, len))
            return true;
    return false;
}

rs_status rs__sections_find(const rs_document *doc, rs_doc_kind kind, rs_section **out,
                            size_t *count, rs_error *err)
{
    if (out)
        *out = NULL;
    if (count)
        *count = 0;
    if (!doc || !out || !count || (kind != RS_DOC_RESUME && kind != RS_DOC_POSTING))
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no document, no output or bad kind");
    S_build_indexes();
    const rs_text *text = rs_document_text(doc);
    S_ctx c = {.doc = doc, .kind = kind, .map = rs__document_map(doc),
               .orig = rs_text_data(text), .orig_len = rs_text_length(text),
               .index = kind == RS_DOC_RESUME ? &S_resume_index : &S_posting_index};
    c.norm = rs_document_normalized(doc, &c.norm_len);
    c.line_starts = rs__document_line_starts(doc, &c.line_count);
    /* a final empty line after the last line end holds no text */
    c.lines = c.line_count;
    if (c.lines && c.line_starts[c.lines - 1] == c.orig_len)
        c.lines--;
    if (!c.lines)
        return RS_OK;
    S_build b = {0};
    c.heads = rs__malloc(c.lines * sizeof *c.heads);
    if (c.heads)
        S_learn_styles(&c);
    bool ok = c.heads && S_split(&c, &b);
    rs__free(c.heads);
    if (!ok) {
        rs__free(b.v);
        return rs__nomem(err, rs_text_name(text));
    }
    S_close(&c, &b);
    *out = b.v;
    *count = b.n;
    return RS_OK;
}
