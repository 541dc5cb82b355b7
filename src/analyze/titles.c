/* titles.c — reads job titles: "Sr. SWE II", "VP Eng", "Head of Backend
 * Engineering", "CTO & Co-founder", "Software Engineer (Backend)". A title
 * is a head noun (engineer, developer, architect, lead, manager, director,
 * VP, CTO...) with seniority words and a domain that picks the track. An
 * exact title from the roles lexicon wins over this reading. */
#include "roles_internal.h"

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

/* S_NEEDS_DOMAIN: a title only when a track's domain word names the field
 * ("Security Analyst", "Database Specialist"; not "Business Analyst"). */
enum { S_IC = 1, S_NEEDS_TECH = 2, S_NEEDS_DOMAIN = 4 };

typedef struct S_noun {
    const char *word;   /* one or two words */
    int rung;
    int flags;
    const char *track;  /* NULL: from the domain words */
} S_noun;

static const S_noun S_nouns[] = {
    {"chief technology officer", 8, 0, "backend"},
    {"chief technical officer", 8, 0, "backend"},
    {"cto", 8, 0, "backend"},
    {"vice president", 7, S_NEEDS_TECH, NULL},
    {"vp", 7, S_NEEDS_TECH, NULL},
    {"svp", 7, S_NEEDS_TECH, NULL},
    {"evp", 7, S_NEEDS_TECH, NULL},
    {"director", 6, S_NEEDS_TECH, NULL},
    {"dir", 6, S_NEEDS_TECH, NULL},
    {"head", 6, S_NEEDS_TECH, NULL},
    {"architect", 5, 0, NULL},
    {"manager", 4, S_NEEDS_TECH, NULL},
    {"mgr", 4, S_NEEDS_TECH, NULL},
    {"lead", 4, S_NEEDS_TECH, NULL},
    {"engineer", 2, S_IC, NULL},
    {"eng", 2, S_IC, NULL},
    {"developer", 2, S_IC, NULL},
    {"dev", 2, S_IC, NULL},
    {"programmer", 2, S_IC, NULL},
    {"coder", 2, S_IC, NULL},
    {"swe", 2, S_IC, "backend"},
    {"sde", 2, S_IC, "backend"},
    {"sre", 2, S_IC, "devops"},
    {"dba", 3, S_IC, "dba"},
    {"database administrator", 3, S_IC, "dba"},
    {"system administrator", 2, S_IC, "devops"},
    {"systems administrator", 2, S_IC, "devops"},
    {"sysadmin", 2, S_IC, "devops"},
    {"data scientist", 2, S_IC, "ml"},
    {"security analyst", 2, S_IC, "security"},
    {"administrator", 2, S_IC | S_NEEDS_DOMAIN, NULL},
    {"admin", 2, S_IC | S_NEEDS_DOMAIN, NULL},
    {"specialist", 2, S_IC | S_NEEDS_DOMAIN, NULL},
    {"analyst", 2, S_IC | S_NEEDS_DOMAIN, NULL},
    {"consultant", 2, S_IC | S_NEEDS_DOMAIN, NULL},
    {"officer", 3, S_IC | S_NEEDS_DOMAIN, NULL},
    {"intern", 1, S_IC, NULL},
    {"trainee", 1, S_IC, NULL},
    {"apprentice", 1, S_IC, NULL},
};

typedef struct S_modifier {
    const char *word;
    int rung;
} S_modifier;

static const S_modifier S_modifiers[] = {
    {"intern", 1}, {"internship", 1}, {"trainee", 1}, {"junior", 1}, {"jr", 1},
    {"entry", 1}, {"graduate", 1}, {"apprentice", 1}, {"associate", 1}, {"i", 1},
    {"1", 1}, {"mid", 2}, {"intermediate", 2}, {"ii", 2}, {"2", 2},
    {"senior", 3}, {"sr", 3}, {"snr", 3}, {"iii", 3}, {"3", 3}, {"iv", 4},
    {"staff", 4}, {"lead", 4}, {"leader", 4}, {"principal", 5}, {"distinguished", 5},
    {"fellow", 5}, {"chief", 5}, {"head", 6}, {"director", 6},
};

/* Words that make manager/director/head/VP/lead an engineering title. */
static const char *const S_tech_words[] = {
    "engineering", "eng", "software", "technology", "technical", "tech", "development",
    "it", "r", "d", "platform", "infrastructure", "architecture", "systems", NULL};

/* Fields of engineering outside our tracks: a title in one of them with no
 * domain of ours ("Network Engineer", "QA Engineer") is out of scope. */
static const char *const S_other_fields[] = {
    "network", "networking", "hardware", "electrical", "electronics", "mechanical",
    "civil", "chemical", "structural", "biomedical", "manufacturing", "process",
    "telecom", "rf", "sales", "marketing", "support", "helpdesk", "desktop", "field",
    "qa", "quality", "test", "testing", "embedded", "firmware", "game",
    /* managing projects, products and accounts is not engineering */
    "project", "projects", "program", "programme", "product", "account", "accounts",
    "delivery", "portfolio", NULL};

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

/* Domain words so broad that any other domain in the title says more
 * ("Full Stack Software Engineer", "Data Platform Engineer"). */
static const char *const S_generic_domains[] = {
    "software", "platform", "system", "systems", "infrastructure", "solutions",
    "enterprise", NULL};

static bool S_is_generic_domain(const char *domain)
{
    for (size_t k = 0; S_generic_domains[k]; k++)
        if (strcmp(domain, S_generic_domains[k]) == 0)
            return true;
    return false;
}

/* The track named by the domain word nearest before `noun`, or after it
 * ("Head of Backend", "Engineer (Backend)"); a broad domain word only when
 * no other is there. */
static size_t S_track(const rs_roles *r, const S_word *w, size_t n, size_t noun)
{
    size_t best[2] = {RS_NOT_FOUND, RS_NOT_FOUND}, best_dist[2] = {SIZE_MAX, SIZE_MAX};
    size_t security = rs__roles_track(r, "security");
    for (size_t i = 0; i < n; i++) {
        for (size_t t = 0; t < r->track_count; t++) {
            for (size_t d = 0; d < r->tracks[t].domain_count; d++) {
                size_t k = S_phrase_at(w, n, i, r->tracks[t].domains[d]);
                if (!k)
                    continue;
                /* security names the field wherever it stands ("Security
                 * Systems Analyst", "IT Security Operations Analyst"); a
                 * security clearance is no field */
                if (t == security && !(i + k < n && S_is(&w[i + k], "clearance")))
                    return t;
                /* before the noun is nearer than the same distance after */
                size_t dist = i < noun ? (noun - i) * 2 : (i - noun) * 2 + 1;
                int g = S_is_generic_domain(r->tracks[t].domains[d]);
                if (dist < best_dist[g]) {
                    best_dist[g] = dist;
                    best[g] = t;
                }
            }
        }
    }
    return best[0] != RS_NOT_FOUND ? best[0] : best[1];
}

static bool S_any_word(const S_word *w, size_t n, const char *const *list)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; list[k]; k++)
            if (S_is(&w[i], list[k]))
                return true;
    return false;
}

static bool S_has_tech_word(const S_word *w, size_t n) { return S_any_word(w, n, S_tech_words); }

/* The head noun: the title noun of highest rank ("Director" in "Director
 * of Engineering"); "lead" is the head only when no other noun is there,
 * else it is a modifier ("Lead Backend Developer"). */
static const S_noun *S_head(const S_word *w, size_t n, size_t *at)
{
    const S_noun *best = NULL, *lead = NULL;
    size_t lead_at = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof S_nouns / sizeof S_nouns[0]; k++) {
            const S_noun *noun = &S_nouns[k];
            if (noun->word[0] != w[i].s[0] || !S_phrase_at(w, n, i, noun->word))
                continue;
            if (strcmp(noun->word, "lead") == 0) {
                lead = noun;
                lead_at = i;
            } else if (!best || noun->rung > best->rung ||
                       (noun->rung == best->rung && noun->track)) {
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

/* "Lead Generation", "Lead Gen": lead as a business term, not a level. */
static bool S_lead_is_business(const S_word *w, size_t n, size_t i)
{
    return i + 1 < n && (S_is(&w[i + 1], "generation") || S_is(&w[i + 1], "gen"));
}

static int S_modifier_rung(const S_word *w, size_t n, size_t noun)
{
    int rung = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == noun || (S_is(&w[i], "lead") && S_lead_is_business(w, n, i)))
            continue;
        for (size_t k = 0; k < sizeof S_modifiers / sizeof S_modifiers[0]; k++) {
            if (!S_is(&w[i], S_modifiers[k].word))
                continue;
            /* "I" is a level only after the noun: Backend Engineer I */
            if ((S_is(&w[i], "i") || S_is(&w[i], "1") || S_is(&w[i], "2") ||
                 S_is(&w[i], "3")) && i < noun)
                continue;
            if (S_modifiers[k].rung > rung)
                rung = S_modifiers[k].rung;
        }
    }
    return rung;
}

/* Words that make a segment prose or a credential, not a title ("report
 * to the VP"). */
static const char *const S_prose_words[] = {
    "to", "the", "a", "an", "with", "for", "by", "from", "as", "our", "we", "my",
    "you", "your", "is", "are", "was", "were", "will", "be", "report", "reports",
    "reported", "reporting", "join", "joined", "hiring", "hire", "looking", "seeking",
    "into", "under", "who", "that", "this",
    /* a certification is not a job: "AWS Certified Developer" */
    "certified", "certification", "certificate", NULL};

static bool S_prose(const S_word *w, size_t n) { return S_any_word(w, n, S_prose_words); }

static bool S_read_words(const rs_roles *r, const S_word *w, size_t n, rs_title_match *out)
{
    for (size_t i = 1; i < n; i++)   /* "Senior Engineer at Acme", "... with Computer
                                       * Vision", "... for Payments": the rest
                                       * is the employer or the subject */
        if (S_is(&w[i], "at") || S_is(&w[i], "with") || S_is(&w[i], "for"))
            n = i;
    bool gated = true;
    for (size_t i = 0; i < n && gated; i++)
        gated = !rs__title_gate_has(r, rs__token_hash(w[i].s, w[i].len));
    if (gated)
        return false;   /* no head noun and no listed title's last word */
    size_t exact = S_exact_role(r, w, 0, n);
    if (exact != RS_NOT_FOUND) {   /* a listed title needs no reading */
        *out = (rs_title_match){exact, r->roles[exact].rung, 1, w[0].start, w[n - 1].end};
        return true;
    }
    if (n > S_MAX_TITLE_WORDS)
        return false;
    size_t noun = 0;
    const S_noun *head = S_head(w, n, &noun);
    if (!head || S_prose(w, n))
        return false;
    size_t track = head->track ? rs__roles_track(r, head->track) : S_track(r, w, n, noun);
    if ((head->flags & S_NEEDS_TECH) && track == RS_NOT_FOUND && !S_has_tech_word(w, n))
        return false;   /* Project Manager, Sales Director */
    if ((head->flags & S_NEEDS_DOMAIN) && track == RS_NOT_FOUND)
        return false;   /* Business Analyst */
    if (track == RS_NOT_FOUND && S_any_word(w, n, S_other_fields))
        return false;   /* Network Engineer */
    size_t sysarch = rs__roles_track(r, "sysarch");
    if (track == sysarch && sysarch != RS_NOT_FOUND && strcmp(head->word, "architect") != 0)
        track = rs__roles_track(r, "devops");   /* a systems engineer runs systems */
    if (track == RS_NOT_FOUND)
        track = rs__roles_track(r, "backend");
    if (track == RS_NOT_FOUND)
        return false;
    int mod = S_modifier_rung(w, n, noun);
    int rung = (head->flags & S_IC) ? (mod ? mod : head->rung)
                                    : (mod > head->rung ? mod : head->rung);
    if (head->rung == 1)
        rung = 1;   /* an intern stays one: "Summer Intern - Track 2" */
    out->exact = 0;
    out->role = rs__roles_at(r, track, rung);
    out->rung = rung;
    out->norm_start = w[0].start;
    out->norm_end = w[n - 1].end;
    return out->role != RS_NOT_FOUND;
}

bool rs__title_read(const rs_roles *r, const char *norm, size_t start, size_t end,
                    rs_title_match *out)
{
    /* One word past the most a title has is enough to reject prose. */
    S_word w[S_MAX_TITLE_WORDS + 1];
    size_t n = S_words(norm, start, end, w, S_MAX_TITLE_WORDS + 1);
    if (n == 0)
        return false;
    return S_read_words(r, w, n, out);
}

/* ---- seniority of any title ---------------------------------------------- */

/* Executive words outside our head nouns: the C-suite of any field. */
static const char *const S_c_suite[] = {"ceo", "cfo", "coo", "cio", "ciso", "cmo", "cpo",
                                        "cdo", "president", NULL};

/* Titles of any field that employers file as entry level when nothing
 * else says otherwise (a lab technician, an office assistant, an event
 * coordinator); a co-op is an internship. */
static const char *const S_entry_titles[] = {"technician", "assistant", "coordinator",
                                             "internship", NULL};

int rs__title_seniority(const char *norm, size_t start, size_t end, bool *stated)
{
    *stated = true;
    S_word w[S_MAX_SENIORITY_WORDS];
    size_t n = S_words(norm, start, end, w, S_MAX_SENIORITY_WORDS);
    for (size_t i = 1; i < n; i++)
        if (S_is(&w[i], "at"))
            n = i;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (S_is(&w[i], "chief"))   /* Chief ... Officer */
            for (size_t k = i + 1; k < n; k++)
                if (S_is(&w[k], "officer"))
                    return 8;
        for (size_t k = 0; S_c_suite[k]; k++)
            if (S_is(&w[i], S_c_suite[k]))
                return i > 0 && S_is(&w[i - 1], "vice") ? 7 : 8;
    }
    size_t noun = SIZE_MAX;
    const S_noun *head = S_head(w, n, &noun);
    if (head && strcmp(head->word, "lead") == 0 && S_lead_is_business(w, n, noun))
        head = NULL, noun = SIZE_MAX;
    if (head && head->rung == 1)
        return 1;   /* an intern stays one: "Summer Intern - Track 2" */
    int mod = S_modifier_rung(w, n, noun);
    for (size_t i = 0; i < n && mod < 6; i++)
        if (S_is(&w[i], "chief"))
            mod = 6;   /* short of an officer, a chief leads a field: Chief Engineer */
    bool entry = false;
    for (size_t i = 0; i < n; i++)
        entry |= S_any_word(&w[i], 1, S_entry_titles) ||
                 (i + 1 < n && S_is(&w[i], "co") && S_is(&w[i + 1], "op"));
    if (entry && mod <= 2 && (!head || head->rung <= 2))
        return 1;
    *stated = mod || (head && head->rung != 2);
    if (!head)
        return mod ? mod : 2;
    return (head->flags & S_IC) ? (mod ? mod : head->rung)
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
    size_t want = 2 * (sizeof S_nouns / sizeof S_nouns[0] * 3 + r->title_index_count), cap = 64;
    while (cap < want)
        cap *= 2;
    r->title_gate = rs__calloc(cap, sizeof *r->title_gate);
    if (!r->title_gate)
        return RS_ERR_NOMEM;
    r->title_gate_mask = cap - 1;
    for (size_t k = 0; k < sizeof S_nouns / sizeof S_nouns[0]; k++) {
        S_word w[4];
        size_t n = S_words(S_nouns[k].word, 0, strlen(S_nouns[k].word), w, 4);
        for (size_t i = 0; i < n; i++)
            S_gate_add(r->title_gate, r->title_gate_mask, w[i].s, w[i].len);
    }
    for (size_t t = 0; t < r->title_index_count; t++) {
        const char *canon = r->title_index[t].canon, *last = strrchr(canon, ' ');
        last = last ? last + 1 : canon;
        if (*last)
            S_gate_add(r->title_gate, r->title_gate_mask, last, strlen(last));
    }
    return RS_OK;
}

bool rs__title_gate_has(const rs_roles *r, uint64_t word_hash)
{
    uint64_t h = word_hash | 1;
    for (size_t i = (size_t)h & r->title_gate_mask; r->title_gate[i]; i = (i + 1) & r->title_gate_mask)
        if (r->title_gate[i] == h)
            return true;
    return false;
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
    bool ok = rs__title_read(r, norm, 0, len, &m);
    /* Else the first part that reads as a title. */
    for (size_t a = 0, i = 0; !ok && i <= len; i++) {
        if (i == len || S_title_separator(norm[i])) {
            ok = i > a && rs__title_read(r, norm, a, i, &m);
            a = i + 1;
        }
    }
    rs__free(norm);
    if (ok)
        *out = m;
    return ok ? 1 : 0;
}
