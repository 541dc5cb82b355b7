/* qualify.c — how a posting speaks of one mention of a skill; see
 * qualify.h.
 *
 * The mention is read inside its clause: the tokens between the nearest
 * sentence ends ('.', '!', '?', ';', '|', a bullet, a URL, a line end) and
 * never more than S_WINDOW tokens either side, so the work per mention is
 * bounded whatever the text. Inside the clause short walks start at the
 * mention:
 *
 *   - leftwards, for a cue phrase ("no", "without", "do not use", "nice to
 *     have", "ideally", "bonus points for", "plus:") and for a years
 *     phrase ("5+ years of", "2-3 years of experience with");
 *   - rightwards, for a cue after it ("is not required", "(not needed)",
 *     "is a plus", "would be nice to have", "experience preferred") and
 *     for years ("(3+ years)").
 *
 * A walk passes only filler words ("experience", "with", "prior",
 * "strong", ":", "(" ...) between the mention and the cue, so a cue that
 * governs some other word does not reach it ("without downtime using
 * Kubernetes", "not only Java"). It may also pass other items of a list
 * (separators ',', '/', '&', "and", "or"; at most S_MAX_ITEMS items of at
 * most S_ITEM_CHUNKS words, with no pronoun, verb or parenthesis), which is how a cue heading
 * a list reaches every item while one attached to an item stays with it:
 *
 *   - a preference cue before a list heads it ("nice to have: Kafka,
 *     Rust"); a negation cue heads items joined by and/or/nor/'/'/&, and a
 *     comma list only when one of those closes it ("no Java, PHP or
 *     Perl") or when the cue is a heading ("not required: X, Y");
 *   - a cue after a list reaches back across and/or/'/'/& only with a verb
 *     ("Java or Go is a plus") and across commas only with a plural one
 *     ("Java, Go and Rust are a plus"); a bare or parenthesized cue stays
 *     with its item ("Python, Kafka (nice to have)");
 *   - a cue right after a separator belongs to the item before it ("Java
 *     preferred, Python required": Python plain).
 *
 * The nearest cue decides: a walk ends at the first cue it meets, taken or
 * not. A cue after the mention outranks one before it. A negation followed
 * in the clause by "but (it is) a plus / nice to have" is a preference
 * ("not a must but a plus"). Years before the mention outrank years after.
 *
 * Decided against, on purpose:
 *   - "Java is not our main language": plain. After the skill only "not" +
 *     a word of need (required, needed, necessary, a must, mandatory ...)
 *     negates; "not our main" still asks for it.
 *   - "5+ years of experience in software development including Go": 0.
 *     Years reach a skill only through filler words ("of", "experience",
 *     "with", "in", "professional" ...) or list items, not "including".
 *   - "No Java, PHP, Perl" (no and/or closing the list): only Java is
 *     negated; a bare comma list after "no" is too often two clauses ("No
 *     travel, Kubernetes daily").
 *   - "Java, Go or Rust preferred": only Rust; a bare trailing cue is read
 *     as attached to its item, as "(preferred)" is.
 *   - "(primary)", "must have", "required", "a must" are plain: they ask
 *     for the skill, which is the default.
 *
 * Speed: words are classified by one vocabulary (found by the token's
 * hash, cached per clause token); cue phrases are tried only at words it marks
 * as able to end (W_END) or start one, so a skill name costs one lookup,
 * and a walk crosses at most S_MAX_ITEMS list items. */
#include "qualify.h"
#include "text/text_internal.h"

#include <pthread.h>

#define S_WINDOW 40       /* tokens read at most on each side of the mention */
#define S_ITEM_CHUNKS 3   /* words of another list item a walk may cross */
#define S_MAX_ITEMS 8     /* list items a walk may cross */
#define S_BUT_REACH 8     /* tokens after a negation searched for "but" */
#define S_MAX_YEARS 40    /* more than this is not a years requirement */
#define S_MAX_PHRASE 8

typedef enum S_kind { S_NONE = 0, S_NEG, S_PREF, S_FAM } S_kind;

/* What a word can be; a word may be several. */
enum {
    W_FILLER = 1 << 0,    /* stands between a skill and its qualifier */
    W_BLOCK = 1 << 1,     /* starts a clause inside a list item: a walk stops */
    W_YEARS = 1 << 2,     /* years, yrs ... */
    W_VERB = 1 << 3,      /* is, are, would, will, be, was */
    W_PLURAL = 1 << 4,    /* are */
    W_ADVERB = 1 << 5,    /* between the verb and the qualifier: "is ALSO a plus" */
    W_ARTICLE = 1 << 6,   /* before the qualifier: "A BIG plus" */
    W_NEED = 1 << 7,      /* what "not" negates: "not REQUIRED" */
    W_WEAK = 1 << 8,      /* a preference only with a verb, article or "(": "plus" */
    W_LEAD = 1 << 9,      /* before years after the skill: "Go (3+ years)" */
    W_ADJ = 1 << 10,      /* inside "years of professional experience" */
    W_PREP = 1 << 11,     /* "years OF": wants an object */
    W_CUE = 1 << 12,      /* in some cue phrase: phrases are tried only at known words */
    W_END = 1 << 13,      /* the last word of a cue before the skill */
    W_FAM = 1 << 14       /* known in passing, in parentheses: "Redis (learning)" */
};

typedef struct S_word {
    const char *word;
    uint16_t flags;
    int8_t value;   /* one..ten */
} S_word;

/* Every word of every cue phrase below must be here, or the phrase is never
 * tried (S_lookup finds a token's entry by its hash). */
static const S_word S_vocab[] = {
    {"\"", W_FILLER, 0}, {"'", W_ADJ | W_CUE | W_FILLER, 0}, {"(", W_FILLER | W_LEAD, 0},
    {")", W_FILLER, 0}, {"+", W_FILLER, 0}, {"-", W_FILLER | W_LEAD, 0},
    {":", W_CUE | W_END | W_FILLER | W_LEAD, 0}, {"a", W_ARTICLE | W_FILLER, 0},
    {"absolutely", W_ADVERB, 0}, {"acquainted", W_CUE, 0}, {"added", W_ARTICLE, 0},
    {"advanced", W_FILLER, 0}, {"advantage", W_CUE | W_WEAK, 0},
    {"advantageous", W_CUE | W_END, 0}, {"also", W_ADVERB | W_BLOCK, 0},
    {"although", W_BLOCK, 0}, {"always", W_ADVERB, 0}, {"am", W_BLOCK, 0},
    {"an", W_ARTICLE | W_FILLER, 0}, {"any", W_FILLER, 0}, {"appreciated", W_WEAK, 0},
    {"are", W_BLOCK | W_PLURAL | W_VERB, 0}, {"aren", W_CUE, 0}, {"as", W_ADVERB, 0},
    {"asset", W_WEAK, 0}, {"at", W_FILLER, 0}, {"background", W_FILLER, 0},
    {"basic", W_CUE | W_FAM | W_FILLER, 0}, {"basics", W_CUE | W_FAM, 0},
    {"be", W_BLOCK | W_VERB, 0}, {"because", W_BLOCK, 0}, {"been", W_BLOCK, 0},
    {"beginner", W_CUE | W_FAM, 0}, {"beneficial", W_WEAK, 0}, {"benefit", W_WEAK, 0},
    {"big", W_ARTICLE, 0}, {"bonus", W_CUE | W_WEAK, 0}, {"but", W_BLOCK | W_CUE, 0},
    {"can", W_BLOCK, 0}, {"care", W_CUE, 0}, {"certainly", W_ADVERB, 0},
    {"clear", W_ARTICLE, 0}, {"commercial", W_ADJ | W_FILLER, 0}, {"compulsory", W_NEED, 0},
    {"considered", W_ADVERB, 0}, {"currently", W_CUE, 0}, {"deep", W_FILLER, 0},
    {"definite", W_ARTICLE, 0}, {"definitely", W_ADVERB, 0}, {"desirable", W_CUE | W_END, 0},
    {"desired", W_CUE | W_END, 0}, {"developer", W_FILLER, 0}, {"developers", W_FILLER, 0},
    {"development", W_FILLER | W_LEAD, 0}, {"distinct", W_ARTICLE, 0}, {"dont", W_CUE, 0},
    {"eight", W_FILLER, 8}, {"engineer", W_FILLER, 0}, {"engineers", W_FILLER, 0},
    {"essential", W_NEED, 0}, {"expect", W_CUE | W_END, 0}, {"expected", W_NEED, 0},
    {"experience", W_FILLER | W_LEAD, 0}, {"experiences", W_FILLER, 0},
    {"expertise", W_FILLER, 0}, {"exposure", W_CUE | W_FAM | W_FILLER, 0},
    {"extensive", W_FILLER, 0}, {"familiar", W_CUE | W_FAM, 0},
    {"familiarity", W_CUE | W_FILLER, 0}, {"five", W_FILLER, 5}, {"for", W_CUE | W_END, 0},
    {"formal", W_FILLER, 0}, {"four", W_FILLER, 4}, {"framework", W_FILLER, 0},
    {"frameworks", W_FILLER, 0}, {"generally", W_ADVERB, 0}, {"good", W_CUE | W_FILLER, 0},
    {"great", W_ARTICLE | W_CUE | W_WEAK, 0}, {"hands", W_ADJ | W_FILLER, 0},
    {"have", W_CUE | W_END, 0}, {"haves", W_CUE | W_END, 0}, {"helpful", W_WEAK, 0},
    {"highly", W_ADVERB, 0}, {"huge", W_ARTICLE, 0}, {"i", W_BLOCK, 0}, {"ideal", W_WEAK, 0},
    {"ideally", W_CUE | W_END, 0}, {"if", W_CUE, 0}, {"important", W_NEED, 0},
    {"in", W_FILLER | W_PREP, 0}, {"industry", W_ADJ, 0}, {"is", W_BLOCK | W_VERB, 0},
    {"isn", W_CUE, 0}, {"it", W_BLOCK | W_CUE, 0}, {"just", W_BLOCK, 0},
    {"know", W_CUE | W_END, 0}, {"knowledge", W_CUE | W_FILLER | W_LEAD, 0},
    {"language", W_FILLER, 0}, {"languages", W_FILLER, 0},
    {"learning", W_CUE | W_END | W_FAM, 0}, {"least", W_FILLER, 0}, {"limited", W_BLOCK, 0},
    {"longer", W_CUE, 0}, {"looking", W_CUE, 0}, {"major", W_ARTICLE, 0},
    {"mandatory", W_CUE | W_END | W_NEED, 0}, {"matter", W_CUE, 0}, {"may", W_BLOCK, 0},
    {"min", W_FILLER, 0}, {"minimum", W_FILLER, 0}, {"must", W_BLOCK | W_NEED, 0},
    {"my", W_BLOCK, 0}, {"necessary", W_CUE | W_END | W_NEED, 0}, {"need", W_CUE | W_END, 0},
    {"needed", W_CUE | W_END | W_NEED, 0}, {"neither", W_CUE | W_END, 0},
    {"never", W_CUE | W_END, 0}, {"nice", W_ARTICLE | W_CUE | W_WEAK, 0}, {"nine", W_FILLER, 9},
    {"no", W_CUE | W_END, 0}, {"nor", W_CUE | W_END, 0}, {"not", W_CUE | W_END, 0},
    {"obligatory", W_NEED, 0}, {"of", W_CUE | W_END | W_FILLER | W_PREP, 0},
    {"often", W_ADVERB, 0}, {"on", W_FILLER | W_PREP, 0}, {"one", W_FILLER, 1},
    {"only", W_BLOCK, 0}, {"optional", W_CUE | W_END, 0}, {"our", W_BLOCK, 0},
    {"plus", W_CUE | W_WEAK, 0}, {"points", W_CUE, 0}, {"practical", W_ADJ, 0},
    {"preferable", W_CUE | W_END, 0}, {"preferably", W_CUE | W_END, 0},
    {"preferred", W_CUE | W_END, 0}, {"prerequisite", W_NEED, 0}, {"previous", W_FILLER, 0},
    {"prior", W_FILLER, 0}, {"production", W_FILLER, 0}, {"professional", W_ADJ | W_FILLER, 0},
    {"proficiency", W_FILLER, 0}, {"programmer", W_FILLER, 0}, {"programmers", W_FILLER, 0},
    {"programming", W_FILLER | W_LEAD, 0}, {"proven", W_FILLER, 0},
    {"real", W_ARTICLE | W_FILLER, 0}, {"really", W_ADVERB, 0}, {"relevant", W_ADJ, 0},
    {"require", W_CUE | W_END, 0}, {"required", W_CUE | W_END | W_NEED, 0},
    {"requirement", W_NEED, 0}, {"s", W_CUE, 0}, {"seeking", W_CUE | W_END, 0},
    {"seen", W_ADVERB, 0}, {"seven", W_FILLER, 7}, {"should", W_BLOCK, 0},
    {"significant", W_ARTICLE, 0}, {"since", W_BLOCK, 0}, {"six", W_FILLER, 6},
    {"skill", W_FILLER, 0}, {"skills", W_FILLER | W_LEAD, 0}, {"so", W_BLOCK, 0},
    {"solid", W_FILLER, 0}, {"some", W_FILLER, 0}, {"still", W_ADVERB, 0},
    {"strong", W_ARTICLE | W_FILLER, 0}, {"t", W_CUE, 0}, {"ten", W_FILLER, 10},
    {"that", W_BLOCK | W_CUE, 0}, {"the", W_FILLER, 0}, {"their", W_BLOCK, 0},
    {"these", W_BLOCK, 0}, {"they", W_BLOCK, 0}, {"this", W_BLOCK, 0}, {"though", W_BLOCK, 0},
    {"three", W_FILLER, 3}, {"to", W_CUE | W_END, 0}, {"two", W_FILLER, 2},
    {"understanding", W_CUE | W_FILLER, 0}, {"us", W_BLOCK, 0},
    {"use", W_BLOCK | W_CUE | W_END, 0}, {"used", W_NEED, 0}, {"useful", W_WEAK, 0},
    {"using", W_BLOCK | W_CUE | W_END | W_PREP, 0}, {"usually", W_ADVERB, 0},
    {"valued", W_WEAK, 0}, {"very", W_ADVERB, 0}, {"was", W_BLOCK | W_VERB, 0},
    {"we", W_BLOCK, 0}, {"welcome", W_WEAK, 0}, {"welcomed", W_WEAK, 0}, {"were", W_BLOCK, 0},
    {"whereas", W_BLOCK, 0}, {"which", W_BLOCK, 0}, {"while", W_BLOCK, 0}, {"who", W_BLOCK, 0},
    {"will", W_BLOCK | W_VERB, 0}, {"with", W_CUE | W_END | W_FILLER | W_PREP, 0},
    {"without", W_CUE | W_END, 0}, {"working", W_FILLER, 0}, {"world", W_FILLER, 0},
    {"would", W_VERB, 0}, {"write", W_CUE | W_END, 0}, {"writing", W_CUE | W_END, 0},
    {"year", W_FILLER | W_YEARS, 0}, {"years", W_FILLER | W_YEARS, 0},
    {"you", W_BLOCK | W_CUE, 0}, {"your", W_BLOCK, 0}, {"yr", W_FILLER | W_YEARS, 0},
    {"yrs", W_FILLER | W_YEARS, 0},
};

#define S_VOCAB_COUNT (sizeof S_vocab / sizeof *S_vocab)
#define S_UNSEEN (-2)   /* a cache slot not looked up yet */

typedef struct S_clause {
    const char *norm;
    const rs_token *toks;
    size_t ntok;
    size_t first, last;   /* the mention's tokens, inclusive */
    size_t cs, ce;        /* the clause: tokens [cs, ce) */
    int16_t seen[2 * S_WINDOW];   /* vocabulary index of the tokens around */
} S_clause;

/* Where a walk stands: in the mention's own list item, or past separators. */
typedef struct S_walk {
    bool own;               /* no separator crossed yet */
    bool crossed_comma;     /* a ',' crossed */
    bool crossed_other;     /* '/', '&', "and" or "or" crossed */
    unsigned items;         /* separators crossed */
    unsigned chunks;        /* words of the item being crossed */
} S_walk;

/* A cue phrase: words as the tokenizer splits them ("don't" is don ' t). */
typedef struct S_phrase {
    S_kind kind;
    const char *w[S_MAX_PHRASE];
} S_phrase;

/* ---- words ------------------------------------------------------------- */

/* s[0..len) against the word w, in strcmp order. Inline: it runs for
 * every token a walk reads. */
static inline int S_cmp(const char *s, size_t len, const char *w)
{
    for (size_t k = 0; k < len; k++) {
        unsigned char x = (unsigned char)s[k], y = (unsigned char)w[k];
        if (!y)   /* w ended first (never read past it, even if s holds a NUL) */
            return 1;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return w[len] ? -1 : 0;
}

/* Is token i, inside the clause, the word or character lit? */
static bool S_is(const S_clause *c, size_t i, const char *lit)
{
    if (i < c->cs || i >= c->ce)
        return false;
    return S_cmp(c->norm + c->toks[i].start, c->toks[i].len, lit) == 0;
}

/* The one character of token i when it is a single byte, else 0. */
static char S_char(const S_clause *c, size_t i)
{
    return i >= c->cs && i < c->ce && c->toks[i].len == 1 ? c->norm[c->toks[i].start] : 0;
}

/* The vocabulary by the hash every token carries (rs__token_hash): an
 * open-addressed table of entry + 1, built on first use under a lock (an
 * uncontended lock costs little, and thread checkers see its order). */
#define S_SLOTS 1024
static uint16_t S_slot[S_SLOTS];
static uint64_t S_vocab_hash[S_VOCAB_COUNT];
static pthread_mutex_t S_vocab_lock = PTHREAD_MUTEX_INITIALIZER;
static bool S_vocab_built;

static void S_build_vocab(void)
{
    _Static_assert(S_VOCAB_COUNT < S_SLOTS / 2, "vocabulary table too full");
    pthread_mutex_lock(&S_vocab_lock);
    for (size_t k = 0; !S_vocab_built && k < S_VOCAB_COUNT; k++) {
        S_vocab_hash[k] = rs__token_hash(S_vocab[k].word, strlen(S_vocab[k].word));
        size_t p = S_vocab_hash[k] & (S_SLOTS - 1);
        while (S_slot[p])
            p = (p + 1) & (S_SLOTS - 1);
        S_slot[p] = (uint16_t)(k + 1);
    }
    S_vocab_built = true;
    pthread_mutex_unlock(&S_vocab_lock);
}

/* The vocabulary index of token t (its bytes s[0..len)), or -1. */
static int S_lookup(const rs_token *t, const char *s)
{
    for (size_t p = t->hash & (S_SLOTS - 1);; p = (p + 1) & (S_SLOTS - 1)) {
        int k = S_slot[p] - 1;
        if (k < 0)
            return -1;
        if (S_vocab_hash[k] == t->hash && S_cmp(s, t->len, S_vocab[k].word) == 0)
            return k;
    }
}

/* The vocabulary entry of token i, or NULL; looked up once per token. */
static const S_word *S_word_at(S_clause *c, size_t i)
{
    if (i < c->cs || i >= c->ce)
        return NULL;
    int16_t *slot = NULL;
    if (i < c->first)
        slot = &c->seen[i - c->cs];
    else if (i > c->last && i - c->last - 1 < S_WINDOW)
        slot = &c->seen[S_WINDOW + i - c->last - 1];
    int k = slot && *slot != S_UNSEEN ? *slot
                                      : S_lookup(&c->toks[i], c->norm + c->toks[i].start);
    if (slot)
        *slot = (int16_t)k;
    return k < 0 ? NULL : &S_vocab[k];
}

static bool S_has(S_clause *c, size_t i, unsigned flags)
{
    const S_word *w = S_word_at(c, i);
    return w && (w->flags & flags);
}

/* The value of token i when it is a small count: one or two digits, or
 * one..ten spelled out; else -1. */
static int S_number(S_clause *c, size_t i)
{
    if (i < c->cs || i >= c->ce || c->toks[i].kind != RS_TOKEN_WORD)
        return -1;
    const char *t = c->norm + c->toks[i].start;
    size_t len = c->toks[i].len;
    if (len <= 2 && t[0] >= '0' && t[0] <= '9' &&
        (len == 1 || (t[1] >= '0' && t[1] <= '9')))
        return len == 1 ? t[0] - '0' : (t[0] - '0') * 10 + (t[1] - '0');
    const S_word *w = S_word_at(c, i);
    return w && w->value ? w->value : -1;
}

static bool S_filler(S_clause *c, size_t i)
{
    return S_has(c, i, W_FILLER) || S_number(c, i) >= 0;
}

/* The list separator at token i: ',', '/', '&', 'a' (and), 'o' (or); 0
 * when none. */
static int S_sep(const S_clause *c, size_t i)
{
    char ch = S_char(c, i);
    if (ch == ',' || ch == '/' || ch == '&')
        return ch;
    if (S_is(c, i, "and"))
        return 'a';
    return S_is(c, i, "or") ? 'o' : 0;
}

static bool S_paren(const S_clause *c, size_t i)
{
    char ch = S_char(c, i);
    return ch == '(' || ch == ')';
}

/* ---- the clause -------------------------------------------------------- */

/* A '.' inside a token ("node.js", ".net", "3.5") or an abbreviation
 * ("e.g.", "i.e.", "vs.") does not end a sentence. */
static bool S_dot_inside(const S_clause *c, size_t i)
{
    const rs_token *t = c->toks;
    if (i + 1 < c->ntok && t[i + 1].glued && t[i + 1].kind == RS_TOKEN_WORD)
        return true;
    if (i >= 2 && t[i - 1].kind == RS_TOKEN_WORD && t[i - 1].len == 1 && t[i - 1].glued &&
        c->norm[t[i - 2].start] == '.')
        return true;
    return i >= 1 && t[i - 1].len == 2 && memcmp(c->norm + t[i - 1].start, "vs", 2) == 0;
}

/* Does token i end a clause? */
static bool S_is_end(const S_clause *c, size_t i)
{
    const rs_token *t = &c->toks[i];
    if (t->kind == RS_TOKEN_BARRIER)
        return true;
    if (t->kind != RS_TOKEN_PUNCT)
        return false;
    const char *s = c->norm + t->start;
    switch (s[0]) {
    case '!': case '?': case ';': case '|':
        return true;
    case '.':
        return !S_dot_inside(c, i);
    default:   /* bullets: U+2022, U+00B7 */
        return (t->len == 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0) ||
               (t->len == 2 && memcmp(s, "\xc2\xb7", 2) == 0);
    }
}

/* Does a line end lie between token i - 1 and token i? The gap is mostly
 * one space; a long one is read by memchr, at most once per mention
 * within S_WINDOW tokens of it, so the whole stays linear. */
static bool S_break_before(const S_clause *c, size_t i)
{
    const rs_token *t = c->toks;
    if (t[i].glued)
        return false;
    const char *gap = c->norm + t[i - 1].start + t[i - 1].len;
    size_t n = t[i].start - (t[i - 1].start + t[i - 1].len);
    if (n == 1)
        return gap[0] == '\n' || gap[0] == '\r';
    return memchr(gap, '\n', n) || memchr(gap, '\r', n);
}

static void S_bounds(S_clause *c)
{
    size_t lo = c->first > S_WINDOW ? c->first - S_WINDOW : 0;
    size_t i = c->first;
    while (i > lo && !S_is_end(c, i - 1) && !S_break_before(c, i))
        i--;
    c->cs = i;
    size_t hi = c->ntok - c->last - 1 > S_WINDOW ? c->last + 1 + S_WINDOW : c->ntok;
    i = c->last + 1;
    while (i < hi && !S_is_end(c, i) && !S_break_before(c, i))
        i++;
    c->ce = i;
    for (size_t k = 0; k < 2 * S_WINDOW; k++)
        c->seen[k] = S_UNSEEN;
}

/* First token whose original text ends after orig (ends_after), or
 * starts at or after it: the map is monotonic, so are both. */
static size_t S_token_at(const S_clause *c, const uint32_t *map, size_t orig,
                         bool ends_after)
{
    size_t lo = 0, hi = c->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const rs_token *t = &c->toks[mid];
        if (ends_after ? rs__orig(map, t->start + t->len) <= orig : rs__orig(map, t->start) < orig)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- walking over fillers and list items ------------------------------- */

/* Lets a walk pass token j, or says it must stop there. */
static bool S_step(S_clause *c, S_walk *w, size_t j)
{
    int sep = S_sep(c, j);
    if (sep) {
        w->own = false;
        w->chunks = 0;
        if (sep == ',')
            w->crossed_comma = true;
        else
            w->crossed_other = true;
        return ++w->items <= S_MAX_ITEMS;
    }
    if (S_filler(c, j))   /* a parenthesis ends a crossed item: "Kafka (a plus)" */
        return w->own || !S_paren(c, j);
    if (w->own || S_has(c, j, W_BLOCK))
        return false;
    const rs_token *t = &c->toks[j];
    /* punctuation crosses only inside a word: "C++", "Node.js", ".NET" */
    if (t->kind != RS_TOKEN_WORD && !t->glued && !(j + 1 < c->ce && c->toks[j + 1].glued))
        return false;
    if (!t->glued)
        w->chunks++;
    return w->chunks <= S_ITEM_CHUNKS;
}

/* Do and/or/nor (any = false) or also '/' and '&' (any = true) close the
 * list the mention stands in, after it? Looks a few items ahead. */
static bool S_list_closed(S_clause *c, bool any)
{
    S_walk w = {.own = false};   /* the mention's own trailing words count as an item */
    size_t end = c->last + 1 + 4 * S_ITEM_CHUNKS < c->ce ? c->last + 1 + 4 * S_ITEM_CHUNKS
                                                           : c->ce;
    for (size_t j = c->last + 1; j < end; j++) {
        int sep = S_sep(c, j);
        if (sep == 'o' || S_is(c, j, "nor") || (any && sep && sep != ','))
            return true;
        if (!S_step(c, &w, j))
            return false;
    }
    return false;
}

/* ---- cue phrases ------------------------------------------------------- */

/* Cues before the skill, matched by their last word. Suffixes suffice:
 * {"not", "use"} covers "do not use" and "does not use". */
static const S_phrase S_left_cues[] = {
    {S_NEG, {"no", "need", "to", "know"}}, {S_NEG, {"no", "need", "for"}},
    {S_NEG, {"no", "need", "of"}}, {S_NEG, {"'", "t", "need", "to", "know"}},
    {S_NEG, {"not", "need", "to", "know"}}, {S_NEG, {"'", "t", "need"}},
    {S_NEG, {"not", "need"}}, {S_NEG, {"dont", "need"}}, {S_NEG, {"'", "t", "use"}},
    {S_NEG, {"not", "use"}}, {S_NEG, {"not", "using"}}, {S_NEG, {"dont", "use"}},
    {S_NEG, {"no", "longer", "use"}}, {S_NEG, {"never", "use"}},
    {S_NEG, {"not", "write"}}, {S_NEG, {"dont", "write"}}, {S_NEG, {"'", "t", "write"}},
    {S_NEG, {"not", "writing"}}, {S_NEG, {"never", "write"}},
    {S_NEG, {"'", "t", "require"}}, {S_NEG, {"not", "require"}},
    {S_NEG, {"'", "t", "expect"}}, {S_NEG, {"not", "expect"}},
    {S_NEG, {"not", "looking", "for"}}, {S_NEG, {"not", "seeking"}},
    {S_NEG, {"'", "t", "care", "if", "you", "know"}},
    {S_NEG, {"not", "care", "if", "you", "know"}},
    {S_NEG, {"'", "t", "matter", "if", "you", "know"}},
    {S_NEG, {"not", "matter", "if", "you", "know"}},
    {S_NEG, {"not", "required"}}, {S_NEG, {"not", "needed"}},
    {S_NEG, {"not", "necessary"}}, {S_NEG, {"not", "mandatory"}},
    {S_NEG, {"no"}}, {S_NEG, {"not"}}, {S_NEG, {"without"}}, {S_NEG, {"never"}},
    {S_NEG, {"nor"}}, {S_NEG, {"neither"}},
    {S_PREF, {"nice", "to", "have"}}, {S_PREF, {"nice", "to", "haves"}},
    {S_PREF, {"good", "to", "have"}}, {S_PREF, {"great", "to", "have"}},
    {S_PREF, {"nice", ":"}}, {S_PREF, {"bonus", ":"}}, {S_PREF, {"plus", ":"}},
    {S_PREF, {"points", "for"}}, {S_PREF, {"bonus", "for"}},
    {S_PREF, {"points", "if", "you", "know"}}, {S_PREF, {"points", "if", "you", "have"}},
    {S_PREF, {"bonus", "if", "you", "know"}}, {S_PREF, {"bonus", "if", "you", "have"}},
    {S_PREF, {"plus", "if", "you", "know"}}, {S_PREF, {"plus", "if", "you", "have"}},
    {S_PREF, {"advantage", "if", "you", "know"}},
    {S_PREF, {"advantage", "if", "you", "have"}},
    {S_PREF, {"nice", "if", "you", "know"}}, {S_PREF, {"nice", "if", "you", "have"}},
    {S_PREF, {"great", "if", "you", "know"}}, {S_PREF, {"great", "if", "you", "have"}},
    {S_PREF, {"ideally", "you", "have"}}, {S_PREF, {"ideally", "you", "know"}},
    {S_PREF, {"preferably", "you", "have"}}, {S_PREF, {"preferably", "you", "know"}},
    {S_PREF, {"ideally"}}, {S_PREF, {"preferably"}}, {S_PREF, {"preferred"}},
    {S_PREF, {"preferable"}}, {S_PREF, {"optional"}}, {S_PREF, {"desirable"}},
    {S_PREF, {"desired"}}, {S_PREF, {"advantageous"}},
    {S_FAM, {"familiar", "with"}}, {S_FAM, {"familiarity", "with"}},
    {S_FAM, {"exposure", "to"}}, {S_FAM, {"acquainted", "with"}},
    {S_FAM, {"basic", "knowledge", "of"}}, {S_FAM, {"basic", "understanding", "of"}},
    {S_FAM, {"basics", "of"}}, {S_FAM, {"currently", "learning"}},
};

/* The kind of the left cue whose last word is token j, or S_NONE. */
static S_kind S_left_cue_at(S_clause *c, size_t j)
{
    if (!S_has(c, j, W_END))
        return S_NONE;
    for (size_t p = 0; p < sizeof S_left_cues / sizeof *S_left_cues; p++) {
        const S_phrase *ph = &S_left_cues[p];
        size_t n = 0;
        while (n < S_MAX_PHRASE && ph->w[n])
            n++;
        if (j + 1 < c->cs + n || !S_is(c, j, ph->w[n - 1]))
            continue;
        size_t s = j + 1 - n, k = 0;   /* the phrase's first token */
        while (k + 1 < n && S_is(c, s + k, ph->w[k]))
            k++;
        if (k + 1 == n)
            return ph->kind;
    }
    return S_NONE;
}

/* Preference words that need no verb: "Go preferred", "Kafka (optional)". */
static const S_phrase S_pref_strong[] = {
    {S_PREF, {"nice", "to", "haves"}}, {S_PREF, {"nice", "to", "have"}},
    {S_PREF, {"good", "to", "have"}}, {S_PREF, {"great", "to", "have"}},
    {S_PREF, {"preferred"}}, {S_PREF, {"preferable"}}, {S_PREF, {"desirable"}},
    {S_PREF, {"desired"}}, {S_PREF, {"optional"}}, {S_PREF, {"advantageous"}},
};

/* Number of tokens of the phrase in table starting at token k, or 0. */
static size_t S_phrase_at(const S_clause *c, size_t k, const S_phrase *table, size_t n)
{
    for (size_t p = 0; p < n; p++) {
        size_t m = 0;
        while (m < S_MAX_PHRASE && table[p].w[m] && S_is(c, k + m, table[p].w[m]))
            m++;
        if (m == S_MAX_PHRASE || !table[p].w[m])
            return m;
    }
    return 0;
}

/* A cue after the skill. */
typedef struct S_cue {
    S_kind kind;
    bool verb;      /* is/are/would be ... before the qualifier */
    bool plural;    /* "are" */
    size_t end;     /* the token after the cue */
} S_cue;

/* Reads [verb] [adverbs] [not] [article] qualifier at token j; loose
 * takes weak preference words without a verb (after "but"). */
static bool S_right_cue_at(S_clause *c, size_t j, bool loose, S_cue *q)
{
    if (!S_word_at(c, j))
        return false;
    if (S_is(c, j - 1, "(") && S_is(c, j + 1, ")") && S_has(c, j, W_FAM)) {
        *q = (S_cue){.kind = S_FAM, .end = j + 2};   /* "Redis (learning)" */
        return true;
    }
    size_t k = j;
    bool neg = false, article = false;
    q->verb = q->plural = false;
    for (; S_has(c, k, W_VERB | W_ADVERB); k++) {
        q->verb |= S_has(c, k, W_VERB);
        q->plural |= S_has(c, k, W_PLURAL);
    }
    if (S_is(c, k, "not")) {
        neg = true;
        k++;
    } else if ((S_is(c, k, "isn") || S_is(c, k, "aren")) && S_is(c, k + 1, "'") &&
               S_is(c, k + 2, "t")) {
        neg = q->verb = true;
        q->plural |= S_is(c, k, "aren");
        k += 3;
    }
    /* "a BIG plus", but "would be GREAT" */
    while (S_has(c, k, W_ARTICLE) && !(S_has(c, k, W_WEAK) && !S_has(c, k + 1, W_WEAK))) {
        article = true;
        k++;
    }
    if (neg) {
        q->kind = S_NEG;
        q->end = k + 1;
        if (S_has(c, k, W_NEED))
            return true;
        /* "PHP is not." / "PHP is not, Java is" */
        q->end = k;
        return q->verb && (k >= c->ce || S_sep(c, k) || S_is(c, k, ")"));
    }
    q->kind = S_PREF;
    size_t n = S_phrase_at(c, k, S_pref_strong, sizeof S_pref_strong / sizeof *S_pref_strong);
    if (n) {
        q->end = k + n;
        return true;
    }
    bool marker = S_is(c, j - 1, "(") || S_is(c, j - 1, ":") || S_is(c, j - 1, "-");
    q->end = k + 1;
    return S_has(c, k, W_WEAK) && (loose || q->verb || article || marker);
}

/* "not a must BUT A PLUS", "no Java needed, but it would be nice": a
 * preference after "but" takes back the negation before it. */
static bool S_but_preferred(S_clause *c, size_t from)
{
    size_t end = from + S_BUT_REACH < c->ce ? from + S_BUT_REACH : c->ce;
    for (size_t j = from; j < end; j++) {
        if (!S_is(c, j, "but"))
            continue;
        size_t k = j + 1;
        if (S_is(c, k, "it") || S_is(c, k, "that"))
            k++;
        if (S_is(c, k, "'") && S_is(c, k + 1, "s"))
            k += 2;
        S_cue q;
        return S_right_cue_at(c, k, true, &q) && q.kind == S_PREF;
    }
    return false;
}

/* ---- the walks --------------------------------------------------------- */

/* May a left cue of kind k ending at token j reach the mention, given the
 * separators crossed on the way? */
static bool S_left_reaches(S_clause *c, const S_walk *w, S_kind k, size_t j)
{
    if (w->own)
        return true;
    if (!w->chunks)   /* the cue ends the item before: "Java preferred, Go" */
        return false;
    if (k == S_PREF || k == S_FAM || S_is(c, j, ":") || S_is(c, j + 1, ":"))
        return true;
    return !w->crossed_comma || w->crossed_other || S_list_closed(c, false);
}

/* The nearest cue before the mention, if it reaches it. */
static S_kind S_left_cue(S_clause *c)
{
    S_walk w = {.own = true};
    for (size_t j = c->first; j-- > c->cs;) {
        S_kind k = S_left_cue_at(c, j);
        if (k)
            return S_left_reaches(c, &w, k, j) ? k : S_NONE;
        if (!S_step(c, &w, j))
            break;
    }
    return S_NONE;
}

/* The nearest cue after the mention, if it reaches it; *after is the
 * token after the cue. */
static S_kind S_right_cue(S_clause *c, size_t *after)
{
    S_walk w = {.own = true};
    for (size_t j = c->last + 1; j < c->ce; j++) {
        S_cue q;
        if (S_right_cue_at(c, j, false, &q)) {
            *after = q.end;
            bool reaches = w.own || (q.verb && (!w.crossed_comma || q.plural));
            return reaches ? q.kind : S_NONE;
        }
        if (!S_step(c, &w, j))
            break;
    }
    return S_NONE;
}

/* The count ending just before token j: "5", "5+", "2-3" (the lower),
 * "2 to 3"; 0 when none. */
static int S_count_before(S_clause *c, size_t j)
{
    size_t k = j - 1;
    if (S_is(c, k, "+"))
        k--;
    int n = S_number(c, k);
    if (n >= 0 && (S_is(c, k - 1, "-") || S_is(c, k - 1, "to")) && S_number(c, k - 2) >= 0)
        n = S_number(c, k - 2);
    return n > 0 && n <= S_MAX_YEARS ? n : 0;
}

/* "5+ years of Go", "at least 4 years of experience with Python", "5+
 * years of Java, Go or Kotlin". */
static int S_left_years(S_clause *c)
{
    S_walk w = {.own = true};
    for (size_t j = c->first; j-- > c->cs;) {
        if (S_has(c, j, W_YEARS)) {
            bool reaches = w.own || (w.chunks && (!w.crossed_comma || w.crossed_other ||
                                                  S_list_closed(c, true)));
            return reaches ? S_count_before(c, j) : 0;
        }
        if (!S_step(c, &w, j))
            break;
    }
    return 0;
}

/* "Go (3+ years)", "Go: 3+ years", "Python 3+ yrs experience"; not "Java,
 * 5 years of Go", whose years are Go's. */
static int S_right_years(S_clause *c)
{
    size_t j = c->last + 1;
    for (int n = 0; n < 4 && S_has(c, j, W_LEAD); n++)
        j++;
    int n = S_number(c, j);
    if (n < 1 || n > S_MAX_YEARS)
        return 0;
    j++;
    if ((S_is(c, j, "-") || S_is(c, j, "to")) && S_number(c, j + 1) >= 0)
        j += 2;
    if (S_is(c, j, "+"))
        j++;
    if (!S_has(c, j, W_YEARS))
        return 0;
    /* "of", "with" ... must be answered by "experience", not by a skill */
    bool pending = false;
    for (j++; j < c->ce; j++) {
        if (S_has(c, j, W_PREP))
            pending = true;
        else if (S_is(c, j, "experience"))
            pending = false;
        else if (!S_has(c, j, W_ADJ))
            break;
    }
    return pending ? 0 : n;
}

rs_mention rs__qualify_mention(const rs_document *doc, size_t orig_start, size_t orig_end)
{
    rs_mention m = {RS_MENTION_PLAIN, 0};
    if (!doc || orig_end <= orig_start)
        return m;
    S_build_vocab();
    S_clause c = {.norm = rs_document_normalized(doc, NULL)};
    const uint32_t *map = rs__document_map(doc);
    c.toks = rs__document_tokenized(doc, &c.ntok);
    if (!c.toks || !c.ntok)
        return m;
    size_t first = S_token_at(&c, map, orig_start, true);
    size_t end = S_token_at(&c, map, orig_end, false);
    if (first >= end || first >= c.ntok)
        return m;
    c.first = first;
    c.last = end - 1;
    S_bounds(&c);

    size_t after = c.last + 1;
    S_kind k = S_right_cue(&c, &after);
    if (!k) {
        after = c.last + 1;
        k = S_left_cue(&c);
    }
    if (k == S_NEG && S_but_preferred(&c, after))
        k = S_PREF;
    m.mode = k == S_NEG    ? RS_MENTION_NEGATED
             : k == S_PREF ? RS_MENTION_PREFERRED
             : k == S_FAM  ? RS_MENTION_FAMILIAR
                           : RS_MENTION_PLAIN;
    m.years = S_left_years(&c);
    if (!m.years)
        m.years = S_right_years(&c);
    return m;
}

rs_claim rs_evidence_claim(const rs_document *doc, const rs_evidence *ev)
{
    if (!doc || !ev)
        return RS_CLAIM_STATED;
    switch (rs__qualify_mention(doc, ev->orig_start, ev->orig_end).mode) {
    case RS_MENTION_NEGATED:
        return RS_CLAIM_NEGATED;
    case RS_MENTION_FAMILIAR:
        return RS_CLAIM_FAMILIAR;
    default:
        return RS_CLAIM_STATED;
    }
}

const char *rs_claim_name(rs_claim c)
{
    return c == RS_CLAIM_NEGATED ? "negated" : c == RS_CLAIM_FAMILIAR ? "familiar" : "stated";
}

int rs_hit_claimed(const rs_document *doc, const rs_skill_hit *hit)
{
    if (!hit)
        return 0;
    for (size_t e = 0; e < hit->evidence_count; e++)
        if (rs_evidence_claim(doc, &hit->evidence[e]) == RS_CLAIM_STATED)
            return 1;
    return 0;
}
