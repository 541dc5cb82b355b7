/* titles.c — reads job titles: "Sr. SWE II", "VP Eng", "Head of Backend
 * Engineering", "CTO & Co-founder", "Software Engineer (Backend)". A title
 * is a head noun (engineer, developer, architect, lead, manager, director,
 * VP, CTO...) with seniority words and a domain that picks the track. An
 * exact title from the roles lexicon wins over this reading. */
#include "lexicon/roles_internal.h"
#include "text/text_internal.h"

#include <string.h>
#include <utf8proc.h>

#define S_MAX_TITLE_WORDS 8   /* a longer segment is prose, not a title */
#define S_MAX_SENIORITY_WORDS 16   /* postings' titles run longer */

typedef struct S_word {
    const char *s;
    size_t len;
    size_t start;   /* offsets into the normalized text */
    size_t end;
} S_word;

/* The nouns, level words and word lists come from the roles data
 * (titles.xml); see roles_internal.h. */

/* ---- words ------------------------------------------------------------- */

/* Length of the word character at s[i] (a letter or digit), or 0. */
static size_t S_word_char(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(end - i), &cp);
    if (k <= 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO ? (size_t)k : 0;
}

static size_t S_words(const char *norm, size_t a, size_t b, S_word *w, size_t max)
{
    size_t n = 0;
    for (size_t i = a; i < b && n < max;) {
        size_t k = S_word_char(norm, i, b);
        if (!k) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < b && (k = S_word_char(norm, j, b)) > 0)
            j += k;
        w[n++] = (S_word){norm + i, j - i, i, j};
        i = j;
    }
    return n;
}

static inline bool S_is(const S_word *w, const char *lit)
{
    /* first letters first: most comparisons end there, without strlen */
    return w->s[0] == lit[0] && strncmp(w->s, lit, w->len) == 0 && lit[w->len] == '\0';
}

/* Do words[i..] spell the space-separated phrase? Returns its word count. */
static inline size_t S_phrase_at(const S_word *w, size_t n, size_t i, const char *phrase)
{
    if (i >= n || w[i].s[0] != phrase[0])
        return 0;
    size_t k = 0;
    const char *p = phrase;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (i + k >= n || w[i + k].len != len || memcmp(w[i + k].s, p, len) != 0)
            return 0;
        k++;
        p += len + (sp ? 1 : 0);
    }
    return k;
}

char *rs__title_canonical_text(const char *text)
{
    size_t len;
    char *norm = rs__normalize_term(text, &len);
    if (!norm)
        return NULL;
    S_word w[64];
    size_t n = S_words(norm, 0, len, w, 64);
    rs_buf b;
    rs__buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        if (i)
            rs__buf_putc(&b, ' ');
        rs__buf_append(&b, w[i].s, w[i].len);
    }
    rs__free(norm);
    return rs__buf_detach(&b, NULL);
}

/* ---- reading ----------------------------------------------------------- */

/* The role whose listed title is words [a, b) in canonical form (a binary
 * search of the sorted titles), or RS_NOT_FOUND. */
static size_t S_exact_role(const rs_roles *r, const S_word *w, size_t a, size_t b)
{
    char canon[512];
    size_t o = 0;
    for (size_t i = a; i < b; i++) {
        if (o + w[i].len + 2 >= sizeof canon)
            return RS_NOT_FOUND;
        if (i > a)
            canon[o++] = ' ';
        memcpy(canon + o, w[i].s, w[i].len);
        o += w[i].len;
    }
    canon[o] = '\0';
    size_t lo = 0, hi = r->title_index_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->title_index[mid].canon, canon);
        if (c == 0)
            return r->title_index[mid].role;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return RS_NOT_FOUND;
}

/* The track named by the domain word nearest before `noun`, or after it
 * ("Head of Backend", "Engineer (Backend)"). A field word outranks a
 * technology ("Full Stack .NET Engineer", "Python Data Engineer"), and
 * both a broad domain word. */
static bool S_domain_start(const rs_roles *r, const S_word *w);

static size_t S_track(const rs_roles *r, const S_word *w, size_t n, size_t noun, bool *broad)
{
    enum { FIELD, TECHNOLOGY, BROAD, TIERS };
    size_t best[TIERS] = {RS_NOT_FOUND, RS_NOT_FOUND, RS_NOT_FOUND};
    size_t best_dist[TIERS] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};

    for (size_t i = 0; i < n; i++) {
        if (!S_domain_start(r, &w[i]))
            continue;
        for (size_t t = 0; t < r->track_count; t++) {
            for (size_t d = 0; d < r->tracks[t].domain_count; d++) {
                const char *dom = r->tracks[t].domains[d];
                size_t k = dom[0] == w[i].s[0] ? S_phrase_at(w, n, i, dom) : 0;
                if (!k)
                    continue;
                if (i > 0 && rs__roles_word_in(r, RS_WORDS_OTHER_SENSE, w[i - 1].s, w[i - 1].len))
                    continue;   /* Physical Security Manager */
                /* security names the field wherever it stands ("Security
                 * Systems Analyst", "IT Security Operations Analyst"); a
                 * security clearance is no field */
                bool generic = rs__roles_word_in(r, RS_WORDS_GENERIC_DOMAIN, dom, strlen(dom));
                if (r->tracks[t].anywhere && !(i + k < n && S_is(&w[i + k], "clearance"))) {
                    *broad = generic;
                    return t;
                }
                /* before the noun is nearer than the same distance after;
                 * of several technologies the first is the main one
                 * ("Java/Oracle Developer") */
                int tier = generic ? BROAD : r->tracks[t].domain_tech[d] ? TECHNOLOGY : FIELD;
                size_t end = i + k - 1;
                size_t dist = tier == TECHNOLOGY ? i * 2 + (i >= noun)
                              : i < noun ? (end < noun ? (noun - end) * 2 : 0)
                                         : (i - noun) * 2 + 1;
                dist = dist * 16 + 15 - (k < 15 ? k : 15);   /* at a tie, the longer phrase */
                if (dist < best_dist[tier]) {
                    best_dist[tier] = dist;
                    best[tier] = t;
                }
            }
        }
    }
    for (int tier = FIELD; tier < TIERS; tier++)
        if (best[tier] != RS_NOT_FOUND) {
            *broad = tier == BROAD;
            return best[tier];
        }
    *broad = false;
    return RS_NOT_FOUND;
}

/* A prose word outside parentheses: "(blockchain experience)" qualifies
 * a title, "experience in" makes a sentence. */
static bool S_prose(const rs_roles *r, const S_word *w, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        const char *gap = i ? w[i - 1].s + w[i - 1].len : w[i].s;
        for (const char *p = gap; p < w[i].s; p++)
            depth += *p == '(' ? 1 : *p == ')' && depth > 0 ? -1 : 0;
        if (!depth && rs__roles_word_in(r, RS_WORDS_PROSE, w[i].s, w[i].len))
            return true;
    }
    return false;
}

static bool S_any_word(const rs_roles *r, const S_word *w, size_t n, int list)
{
    for (size_t i = 0; i < n; i++)
        if (rs__roles_word_in(r, list, w[i].s, w[i].len))
            return true;
    return false;
}

/* The head noun: the title noun of highest rank ("Director" in "Director
 * of Engineering"); "lead" and a noun that needs a level word ("QA") are
 * the head only when no other noun is there: "Lead Backend Developer",
 * "QA Engineer". */
static const rs_noun_def *S_head(const rs_roles *r, const S_word *w, size_t n, size_t *at)
{
    const rs_noun_def *best = NULL, *lead = NULL;
    size_t lead_at = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char first = (unsigned char)w[i].s[0];
        for (size_t j = r->noun_first[first]; j < r->noun_first[first + 1]; j++) {
            const rs_noun_def *noun = &r->nouns[r->noun_order[j]];
            if (!S_phrase_at(w, n, i, noun->word))
                continue;
            if (strcmp(noun->word, "lead") == 0 || (noun->flags & RS_NOUN_NEEDS_LEVEL)) {
                lead = noun;
                lead_at = i;
            } else if (!best || noun->rung > best->rung ||
                       (noun->rung == best->rung && noun->track_id && !best->track_id)) {
                best = noun;
                *at = i;
            }
            break;
        }
    }
    if (!best && lead) {
        best = lead;
        *at = lead_at;
    }
    return best;
}

/* A learner's noun (intern, trainee, apprentice): a rung-1 noun that is
 * also a rung-1 level word; whatever number follows, the rung stays 1. A
 * technician, rung 1 by default, rises with a level word. */
static bool S_learner(const rs_roles *r, const rs_noun_def *head)
{
    if (head->rung != 1)
        return false;
    for (size_t k = 0; k < r->modifier_count; k++)
        if (r->modifiers[k].rung == 1 && strcmp(r->modifiers[k].word, head->word) == 0)
            return true;
    return false;
}

/* "Lead Generation", "Lead Gen": lead as a business term, not a level. */
static bool S_lead_is_business(const S_word *w, size_t n, size_t i)
{
    return i + 1 < n && (S_is(&w[i + 1], "generation") || S_is(&w[i + 1], "gen"));
}

static int S_modifier_rung(const rs_roles *r, const S_word *w, size_t n, size_t noun)
{
    int rung = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == noun || (S_is(&w[i], "lead") && S_lead_is_business(w, n, i)))
            continue;
        for (size_t k = 0; k < r->modifier_count; k++) {
            const rs_modifier_def *m = &r->modifiers[k];
            if (!S_is(&w[i], m->word) || (m->after_noun && i < noun))
                continue;
            if (m->rung > rung)
                rung = m->rung;
        }
    }
    return rung;
}

/* A manager, supervisor, director or head (below VP) of technology. */
static bool S_manages_people(const rs_roles *r, const rs_noun_def *head, const S_word *w,
                             size_t n)
{
    return r->people != RS_NOT_FOUND && head->rung < 7 &&
           rs__roles_word_in(r, RS_WORDS_MANAGER_NOUN, head->word, strlen(head->word)) &&
           S_any_word(r, w, n, RS_WORDS_TECH);
}

/* The track of a title whose domain words name none: a people manager
 * of technology is on the management track ("Engineering Manager"). */
static size_t S_trackless(const rs_roles *r, const rs_noun_def *head, const S_word *w, size_t n,
                          bool *generic)
{
    if (S_manages_people(r, head, w, n))
        return r->people;
    /* a VP or chief of technology leads every track: the ladder's top */
    *generic = head->rung < 7;   /* "Senior Engineer": the skills will say which track */
    return r->ladder;
}

/* The comma-bounded part of a title that holds its noun: the rest names a
 * team, product or place ("Partner Lead, Google Cloud" leads partners for
 * a cloud product; "Internal Audit, Technology Audit Manager"). */
static bool S_comma_before(const S_word *w, size_t i)
{
    const char *gap = w[i - 1].s + w[i - 1].len;
    return memchr(gap, ',', (size_t)(w[i].s - gap)) != NULL;
}

static bool S_level_word(const rs_roles *r, const S_word *w)
{
    for (size_t k = 0; k < r->modifier_count; k++)
        if (S_is(w, r->modifiers[k].word))
            return true;
    return false;
}

/* An inverted title ("Director, Engineering", "Senior Analyst, Security")
 * names its field after the comma: a part of only the noun and level words
 * reaches to the next comma. */
static void S_noun_part(const rs_roles *r, const S_word *w, size_t n, size_t noun, size_t *a,
                        size_t *b)
{
    *a = 0;
    *b = n;
    for (size_t i = 1; i < n; i++) {
        if (!S_comma_before(w, i))
            continue;
        if (i <= noun) {
            *a = i;
        } else if (*b == n) {
            *b = i;
        }
    }
    bool bare = true;
    for (size_t i = *a; i < *b && bare; i++)
        bare = i == noun || S_level_word(r, &w[i]);
    if (bare && *b < n) {
        size_t next = *b + 1;
        while (next < n && !S_comma_before(w, next))
            next++;
        *b = next;
    }
}

/* Is word i inside a domain phrase of some track ("Business
 * Intelligence")? */
static bool S_in_domain(const rs_roles *r, const S_word *w, size_t n, size_t i)
{
    for (size_t t = 0; t < r->track_count; t++)
        for (size_t d = 0; d < r->tracks[t].domain_count; d++)
            for (size_t j = 0; j <= i; j++) {
                const char *dom = r->tracks[t].domains[d];
                size_t k = dom[0] == w[j].s[0] ? S_phrase_at(w, n, j, dom) : 0;
                if (k && j + k > i)
                    return true;
            }
    return false;
}

/* A field outside engineering named before the noun takes a manager or
 * lead over ("IT Project Manager", "Mobile UX Lead"), unless
 * the word belongs to a track's own domain ("Business Intelligence
 * Analyst"). */
static bool S_other_field_before(const rs_roles *r, const S_word *w, size_t n, size_t noun)
{
    for (size_t i = 0; i < noun; i++)
        if (rs__roles_word_in(r, RS_WORDS_OTHER_FIELD, w[i].s, w[i].len) && !S_in_domain(r, w, n, i))
            return true;
    return false;
}

/* The noun's own part of a title with commas names no technology and no
 * track, and it or the part after it names a field outside engineering:
 * the rest names the team or product it serves ("Financial Analyst,
 * Google Cloud", "Operations Manager, COO Communications, Google Cloud";
 * but "Director, Engineering, Sales Platforms"). A field word inside a
 * track's domain ("Business Intelligence") is that track's. */
static bool S_other_field_part(const rs_roles *r, const S_word *w, size_t n, size_t noun)
{
    size_t a, b;
    S_noun_part(r, w, n, noun, &a, &b);
    if (b - a == n)
        return false;
    bool broad = false;
    if (S_any_word(r, w + a, b - a, RS_WORDS_TECH) ||
        S_track(r, w + a, b - a, noun - a, &broad) != RS_NOT_FOUND)
        return false;
    size_t end = b + 1;   /* the part after the noun's own */
    while (end < n && !S_comma_before(w, end))
        end++;
    for (size_t i = a; i < end && i < n; i++)
        if (rs__roles_word_in(r, RS_WORDS_OTHER_FIELD, w[i].s, w[i].len) && !S_in_domain(r, w, n, i))
            return true;
    return false;
}

/* A noun after "of" or "in" with no title noun before it names a field
 * of study, not a job: "School of Engineering", "Master of Science in
 * Software Engineering" (but "Director of Engineering"). */
static bool S_field_of(const rs_roles *r, const S_word *w, size_t noun)
{
    for (size_t i = 0; i < noun; i++) {
        if (!S_is(&w[i], "of") && !S_is(&w[i], "in"))
            continue;
        size_t before;
        return i == 0 || !S_head(r, w, i, &before);
    }
    return false;
}

/* Does a parenthesis open between word i - 1 and word i? */
static bool S_paren_before(const S_word *w, size_t i)
{
    const char *gap = w[i - 1].s + w[i - 1].len;
    return memchr(gap, '(', (size_t)(w[i].s - gap)) != NULL;
}

/* Does the noun end the title, but for a qualifier in parentheses ("Senior
 * Backend (Node.js)")? A field word standing for a title does ("Senior
 * DevOps"); before other words it is a skill or prose ("Senior backend
 * work", "03-senior-backend.txt"). */
static bool S_ends_title(const S_word *w, size_t n, size_t noun, const char *word)
{
    size_t last = noun;
    for (const char *p = word; *p; p++)
        last += *p == ' ';
    return last + 1 >= n || S_paren_before(w, last + 1);
}

/* The track of a technology domain phrase at word i ("java", "react
 * native"), its length in *len; RS_NOT_FOUND if none starts there. */
static size_t S_technology_at(const rs_roles *r, const S_word *w, size_t n, size_t i, size_t *len)
{
    if (!S_domain_start(r, &w[i]))
        return RS_NOT_FOUND;
    size_t best = RS_NOT_FOUND;
    *len = 0;
    for (size_t t = 0; t < r->track_count; t++)
        for (size_t d = 0; d < r->tracks[t].domain_count; d++) {
            size_t k = r->tracks[t].domain_tech[d] ? S_phrase_at(w, n, i, r->tracks[t].domains[d])
                                                   : 0;
            if (k > *len)
                *len = k, best = t;
        }
    return best;
}

/* A job board's "[level] technology" title, known to be a title ("Middle
 * Java", "Sr Python (Lambda)", "React/Node.js"): a developer on the first
 * technology's track. Level words, then technologies only, then nothing
 * but a qualifier in parentheses. */
static bool S_technology_title(const rs_roles *r, const S_word *w, size_t n,
                               rs_title_match *out)
{
    size_t i = 0, track = RS_NOT_FOUND, len = 0;
    while (i < n && S_level_word(r, &w[i]))
        i++;
    size_t first = i;
    while (i < n) {
        size_t t = S_technology_at(r, w, n, i, &len);
        if (t == RS_NOT_FOUND)
            break;
        if (track == RS_NOT_FOUND)
            track = t;
        i += len;
        if (i < n && S_paren_before(w, i))
            i = n;   /* "(Lambda)": a qualifier */
    }
    if (track == RS_NOT_FOUND || i < n)
        return false;
    int mod = S_modifier_rung(r, w, first, n);
    int rung = mod ? mod : 2;
    *out = (rs_title_match){rs__roles_at(r, track, rung), rung, 0, w[0].start, w[n - 1].end, 0};
    return out->role != RS_NOT_FOUND;
}

/* given: what the caller knows of the words (rs_title_given). */
static bool S_read_words(const rs_roles *r, const S_word *w, size_t n, rs_title_given given,
                         rs_title_match *out)
{
    for (size_t i = 1; i < n; i++)   /* "Senior Engineer at Acme", "... with Computer
                                       * Vision", "... for Payments": the rest
                                       * is the employer or the subject */
        if (rs__roles_word_in(r, RS_WORDS_TITLE_END, w[i].s, w[i].len))
            n = i;
    bool gated = true;
    for (size_t i = 0; i < n && gated; i++)
        gated = !rs__title_gate_has(r, rs__token_hash(w[i].s, w[i].len));
    if (gated)   /* no head noun and no listed title's last word */
        return given == RS_TITLE_WHOLE && S_technology_title(r, w, n, out);
    size_t exact = S_exact_role(r, w, 0, n);
    if (exact != RS_NOT_FOUND) {   /* a listed title needs no reading */
        *out = (rs_title_match){exact, r->roles[exact].rung, 1, w[0].start, w[n - 1].end, 0};
        return true;
    }
    if (n > S_MAX_TITLE_WORDS)
        return false;
    size_t noun = 0;
    const rs_noun_def *head = S_head(r, w, n, &noun);
    if (!head)
        return given == RS_TITLE_WHOLE && S_technology_title(r, w, n, out);
    if (S_prose(r, w, n) || S_field_of(r, w, noun))
        return false;
    bool broad = false;
    size_t track = head->track != RS_NOT_FOUND ? head->track : S_track(r, w, n, noun, &broad);
    if (head->flags & RS_NOUN_NEEDS_LEVEL) {   /* a field named whole: "Frontend / Backend" */
        size_t field = S_track(r, w, n, noun, &broad);
        track = field != RS_NOT_FOUND && !broad ? field : head->track;
        broad = false;
    }
    if ((head->flags & RS_NOUN_NEEDS_TECH) && track == RS_NOT_FOUND &&
        !S_any_word(r, w, n, RS_WORDS_TECH))
        return false;   /* Project Manager, Sales Director */
    if ((head->flags & RS_NOUN_NEEDS_DOMAIN) && track == RS_NOT_FOUND)
        return false;   /* Business Analyst */
    if ((head->flags & RS_NOUN_NEEDS_LEVEL) && given == RS_TITLE_IN_TEXT &&
        (!S_modifier_rung(r, w, n, noun) || !S_ends_title(w, n, noun, head->word)))
        return false;   /* "DevOps, AWS, Kafka", "Senior backend work": not a title */
    if ((head->flags & (RS_NOUN_NEEDS_TECH | RS_NOUN_NEEDS_DOMAIN)) &&
        S_other_field_part(r, w, n, noun))
        return false;   /* Partner Strategy Lead, Google Cloud */
    bool manager = rs__roles_word_in(r, RS_WORDS_MANAGER_NOUN, head->word, strlen(head->word));
    /* after an engineer's own noun come the team and the employer
     * ("Software Engineer Project Team Member"); what a manager or a
     * consultant serves may follow theirs ("Manager, IT Project Services") */
    bool own_noun = !manager && !(head->flags & (RS_NOUN_NEEDS_TECH | RS_NOUN_NEEDS_DOMAIN));
    if ((track == RS_NOT_FOUND || broad) &&
        S_any_word(r, w, track != RS_NOT_FOUND && own_noun ? noun : n, RS_WORDS_OTHER_FIELD))
        return false;   /* Mechanical Engineer, Accounting Software Consultant */
    bool anywhere = track != RS_NOT_FOUND && r->tracks[track].anywhere;
    if ((manager || ((head->flags & RS_NOUN_NEEDS_TECH) && !anywhere)) &&
        S_other_field_before(r, w, n, noun))
        return false;   /* IT Project Manager, Mobile UX Lead, Partner Development Manager */
    if (track != RS_NOT_FOUND && r->tracks[track].only_noun &&
        strcmp(head->word, r->tracks[track].only_noun) != 0)
        track = r->tracks[track].else_track;   /* a systems engineer runs systems */
    bool generic = false;
    if (track == RS_NOT_FOUND)
        track = S_trackless(r, head, w, n, &generic);
    else if (broad && S_manages_people(r, head, w, n))
        track = r->people;   /* Software Engineering Supervisor */
    if (track == RS_NOT_FOUND)
        return false;
    int mod = S_modifier_rung(r, w, n, noun);
    int rung = (head->flags & RS_NOUN_IC) ? (mod ? mod : head->rung)
                                          : (mod > head->rung ? mod : head->rung);
    if (S_learner(r, head))
        rung = 1;   /* an intern stays one: "Summer Intern - Track 2" */
    out->exact = 0;
    out->role = rs__roles_at(r, track, rung);
    out->rung = rung;
    out->norm_start = w[0].start;
    out->norm_end = w[n - 1].end;
    out->track_unclear = generic;
    return out->role != RS_NOT_FOUND;
}

bool rs__title_read(const rs_roles *r, const char *norm, size_t start, size_t end,
                    rs_title_given given, rs_title_match *out)
{
    /* One word past the most a title has is enough to reject prose. */
    S_word w[S_MAX_TITLE_WORDS + 1];
    size_t n = S_words(norm, start, end, w, S_MAX_TITLE_WORDS + 1);
    if (n == 0)
        return false;
    return S_read_words(r, w, n, given, out);
}

/* ---- a job outside engineering -------------------------------------------- */

/* A title noun other than an engineer's ("manager", "analyst"): an IC noun
 * with no condition at the base rung names an engineer of some field
 * ("Mechanical Engineer"), who is still an engineer. */
enum { S_NOT_A_NOUN, S_OTHER_NOUN, S_ENGINEER_NOUN };

static int S_title_noun_kind(const rs_roles *r, const S_word *w)
{
    for (size_t i = 0; i < r->noun_count; i++) {
        const rs_noun_def *d = &r->nouns[i];
        if (!S_is(w, d->word))
            continue;
        bool engineer = (d->flags == RS_NOUN_IC && d->rung == 2) || d->track_id;
        return engineer ? S_ENGINEER_NOUN : S_OTHER_NOUN;
    }
    return S_NOT_A_NOUN;
}

/* Where a line's title ends: its first separator ("Staff Accountant, Acme",
 * "Chef | Blue Door", "Director - Sales"), else its end. */
static size_t S_title_cut(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++)
        if (s[i] == ',' || s[i] == '|' || s[i] == '(' || s[i] == ':' || s[i] == ';' ||
            s[i] == '.' || (s[i] == '-' && i > start && s[i - 1] == ' '))
            return i;
    return end;
}

static bool S_has_digit(const S_word *w)
{
    for (size_t i = 0; i < w->len; i++)
        if (w->s[i] >= '0' && w->s[i] <= '9')
            return true;
    return false;
}

bool rs__title_other_job(const rs_roles *r, const char *norm, size_t start, size_t end)
{
    while (start < end && norm[start] == ' ')
        start++;
    if (start == end || !S_word_char(norm, start, end))
        return false;   /* a bullet, a heading mark: a list item, not a title */
    /* the title ends at its first separator; what follows names the team,
     * product or place ("Partner Sales Manager, Go-to-Market, Google Cloud") */
    size_t cut = S_title_cut(norm, start, end), head = SIZE_MAX;
    S_word w[S_MAX_TITLE_WORDS + 1];
    size_t n = S_words(norm, start, cut, w, S_MAX_TITLE_WORDS + 1);
    if (n > S_MAX_TITLE_WORDS || S_prose(r, w, n))
        return false;   /* prose: "Over nineteen years of experience in IT" */
    /* the noun: the last title or occupation noun before "of", "at"...
     * ("Inside Sales Manager North Asia", "Director of Marketing") */
    bool occupation = false, engineer = false;
    for (size_t i = 0; i < n && w[i].end <= cut; i++) {
        if (S_is(&w[i], "of") || S_is(&w[i], "at") || S_is(&w[i], "in") ||
            S_is(&w[i], "for"))
            break;
        if (S_has_digit(&w[i]))
            continue;
        bool other = S_any_word(r, &w[i], 1, RS_WORDS_OTHER_OCCUPATION);
        int kind = S_title_noun_kind(r, &w[i]);
        if (other || kind != S_NOT_A_NOUN)
            head = i, occupation = other, engineer = !other && kind == S_ENGINEER_NOUN;
    }
    if (head == SIZE_MAX || engineer)
        return false;   /* none, or an engineer of some field ("Hardware Validation Engineer") */
    /* a technology word as the noun or before it makes it a job in
     * technology ("Information Technology Certified Technician", "Operating
     * Systems", "Technical Program Manager"), unless the noun is another
     * occupation's ("Revenue Systems Accountant") */
    if (S_any_word(r, &w[head], 1, RS_WORDS_TECH))
        return false;
    return occupation || !S_any_word(r, w, head, RS_WORDS_TECH);
}

/* ---- seniority of any title ---------------------------------------------- */

int rs__title_seniority(const rs_roles *r, const char *norm, size_t start, size_t end,
                        bool *stated)
{
    *stated = true;
    S_word w[S_MAX_SENIORITY_WORDS + 1];
    size_t n = S_words(norm, start, end, w, S_MAX_SENIORITY_WORDS + 1);
    if (n > S_MAX_SENIORITY_WORDS)
        return 0;   /* a sentence states no title's level */
    for (size_t i = 1; i < n; i++)
        if (S_is(&w[i], "at"))
            n = i;
    if (n == 0)
        return 0;
    const rs_word_list *c_suite = &r->words[RS_WORDS_C_SUITE];
    for (size_t i = 0; i < n; i++) {
        if (S_is(&w[i], "chief"))   /* Chief ... Officer */
            for (size_t k = i + 1; k < n; k++)
                if (S_is(&w[k], "officer"))
                    return 8;
        for (size_t k = 0; k < c_suite->count; k++)
            if (S_is(&w[i], c_suite->words[k]))
                return i > 0 && S_is(&w[i - 1], "vice") ? 7 : 8;
    }
    size_t noun = SIZE_MAX;
    const rs_noun_def *head = S_head(r, w, n, &noun);
    if (head && strcmp(head->word, "lead") == 0 && S_lead_is_business(w, n, noun))
        head = NULL, noun = SIZE_MAX;
    if (head && S_learner(r, head))
        return 1;   /* an intern stays one: "Summer Intern - Track 2" */
    int mod = S_modifier_rung(r, w, n, noun);
    for (size_t i = 0; i < n && mod < 6; i++)
        if (S_is(&w[i], "chief"))
            mod = 6;   /* short of an officer, a chief leads a field: Chief Engineer */
    bool entry = false;
    for (size_t i = 0; i < n; i++)
        entry |= S_any_word(r, &w[i], 1, RS_WORDS_ENTRY) ||
                 (i + 1 < n && S_is(&w[i], "co") && S_is(&w[i + 1], "op"));
    if (entry && mod <= 2 && (!head || head->rung <= 2))
        return 1;
    *stated = mod || (head && head->rung != 2);
    if (!head)
        return mod ? mod : 2;
    return (head->flags & RS_NOUN_IC) ? (mod ? mod : head->rung)
                                      : (mod > head->rung ? mod : head->rung);
}

/* ---- the gate ---------------------------------------------------------- */

/* A set of word hashes (the tokens' hash), open addressing; 0 marks an
 * empty slot. */
static void S_gate_add(uint64_t *set, size_t mask, const char *w, size_t len)
{
    uint64_t h = rs__token_hash(w, len) | 1;
    size_t i = (size_t)h & mask;
    while (set[i] && set[i] != h)
        i = (i + 1) & mask;
    set[i] = h;
}

/* Every word of the head nouns, and the last word of every listed title:
 * a line without one of them is neither read as a title nor an exact one
 * (an exact title ends with its last word, trimmed at "at" or not). */
rs_status rs__title_gate_build(rs_roles *r)
{
    size_t want = 2 * (r->noun_count * 3 + r->title_index_count), cap = 64;
    while (cap < want)
        cap *= 2;
    r->title_gate = rs__calloc(cap, sizeof *r->title_gate);
    if (!r->title_gate)
        return RS_ERR_NOMEM;
    r->title_gate_mask = cap - 1;
    for (size_t k = 0; k < r->noun_count; k++) {
        S_word w[4];
        size_t n = S_words(r->nouns[k].word, 0, strlen(r->nouns[k].word), w, 4);
        for (size_t i = 0; i < n; i++)
            S_gate_add(r->title_gate, r->title_gate_mask, w[i].s, w[i].len);
    }
    for (size_t t = 0; t < r->title_index_count; t++) {
        const char *canon = r->title_index[t].canon, *last = strrchr(canon, ' ');
        last = last ? last + 1 : canon;
        if (*last)
            S_gate_add(r->title_gate, r->title_gate_mask, last, strlen(last));
    }
    size_t domains = 0;
    for (size_t t = 0; t < r->track_count; t++)
        domains += r->tracks[t].domain_count;
    for (cap = 64; cap < 2 * domains;)
        cap *= 2;
    if (!(r->domain_gate = rs__calloc(cap, sizeof *r->domain_gate)))
        return RS_ERR_NOMEM;
    r->domain_gate_mask = cap - 1;
    for (size_t t = 0; t < r->track_count; t++)
        for (size_t d = 0; d < r->tracks[t].domain_count; d++) {
            S_word w[1];
            const char *dom = r->tracks[t].domains[d];
            if (S_words(dom, 0, strlen(dom), w, 1))
                S_gate_add(r->domain_gate, r->domain_gate_mask, w[0].s, w[0].len);
        }
    return RS_OK;
}

/* Can a domain phrase start at this word? */
static bool S_domain_start(const rs_roles *r, const S_word *w)
{
    uint64_t h = rs__token_hash(w->s, w->len) | 1;
    for (size_t i = (size_t)h & r->domain_gate_mask; r->domain_gate[i];
         i = (i + 1) & r->domain_gate_mask)
        if (r->domain_gate[i] == h)
            return true;
    return false;
}

bool rs__title_gate_has(const rs_roles *r, uint64_t word_hash)
{
    uint64_t h = word_hash | 1;
    for (size_t i = (size_t)h & r->title_gate_mask; r->title_gate[i]; i = (i + 1) & r->title_gate_mask)
        if (r->title_gate[i] == h)
            return true;
    return false;
}

size_t rs__domain_word_track(const rs_roles *r, const char *word, size_t len)
{
    S_word w = {word, len, 0, len};
    if (!S_domain_start(r, &w))
        return RS_NOT_FOUND;
    for (size_t t = 0; t < r->track_count; t++)
        for (size_t d = 0; d < r->tracks[t].domain_count; d++)
            if (S_is(&w, r->tracks[t].domains[d]))
                return t;
    return RS_NOT_FOUND;
}

/* Separators between several titles in one ("DBA / Reporting Analyst"). */
static bool S_title_separator(char c) { return c == '/' || c == ',' || c == '|' || c == ';'; }

int rs_roles_parse_title(const rs_roles *r, const char *title, rs_title_match *out)
{
    size_t len;
    char *norm = rs__normalize_term(title, &len);
    if (!norm)
        return -1;
    rs_title_match m = {0};
    bool ok = rs__title_read(r, norm, 0, len, RS_TITLE_WHOLE, &m);
    /* Else the first part that reads as a title. */
    for (size_t a = 0, i = 0; !ok && i <= len; i++) {
        if (i == len || S_title_separator(norm[i])) {
            ok = i > a && rs__title_read(r, norm, a, i, RS_TITLE_PART, &m);
            a = i + 1;
        }
    }
    rs__free(norm);
    if (ok)
        *out = m;
    return ok ? 1 : 0;
}
