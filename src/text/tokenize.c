/* tokenize.c — stage 3: normalized text becomes tokens. A token is a run of
 * letters and digits, or one punctuation character; tokens written without
 * white space between them are "glued", which is how C++, .NET, Node.js and
 * CI/CD stay whole when the matcher compares token sequences. URLs and
 * e-mail addresses become one barrier token that never matches. */
#include "internal.h"
#include "text/document_internal.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

typedef struct S_tokens {
    rs_token *items;
    size_t count;
    size_t cap;
    size_t max;          /* the budget: tokens past it are not made */
    size_t cut_at;       /* where the budget ran out, or SIZE_MAX */
} S_tokens;

/* ASCII character classes, so the common case is one table load. */
enum { S_OTHER = 0, S_SPACE = 1, S_WORD = 2 };
static const uint8_t S_ascii_class[256] = {   /* bytes >= 0x80: S_OTHER */
    ['\t'] = S_SPACE, ['\n'] = S_SPACE, ['\v'] = S_SPACE, ['\f'] = S_SPACE,
    ['\r'] = S_SPACE, [' '] = S_SPACE,
    ['0'] = S_WORD, ['1'] = S_WORD, ['2'] = S_WORD, ['3'] = S_WORD, ['4'] = S_WORD,
    ['5'] = S_WORD, ['6'] = S_WORD, ['7'] = S_WORD, ['8'] = S_WORD, ['9'] = S_WORD,
    ['a'] = S_WORD, ['b'] = S_WORD, ['c'] = S_WORD, ['d'] = S_WORD, ['e'] = S_WORD,
    ['f'] = S_WORD, ['g'] = S_WORD, ['h'] = S_WORD, ['i'] = S_WORD, ['j'] = S_WORD,
    ['k'] = S_WORD, ['l'] = S_WORD, ['m'] = S_WORD, ['n'] = S_WORD, ['o'] = S_WORD,
    ['p'] = S_WORD, ['q'] = S_WORD, ['r'] = S_WORD, ['s'] = S_WORD, ['t'] = S_WORD,
    ['u'] = S_WORD, ['v'] = S_WORD, ['w'] = S_WORD, ['x'] = S_WORD, ['y'] = S_WORD,
    ['z'] = S_WORD, ['A'] = S_WORD, ['B'] = S_WORD, ['C'] = S_WORD, ['D'] = S_WORD,
    ['E'] = S_WORD, ['F'] = S_WORD, ['G'] = S_WORD, ['H'] = S_WORD, ['I'] = S_WORD,
    ['J'] = S_WORD, ['K'] = S_WORD, ['L'] = S_WORD, ['M'] = S_WORD, ['N'] = S_WORD,
    ['O'] = S_WORD, ['P'] = S_WORD, ['Q'] = S_WORD, ['R'] = S_WORD, ['S'] = S_WORD,
    ['T'] = S_WORD, ['U'] = S_WORD, ['V'] = S_WORD, ['W'] = S_WORD, ['X'] = S_WORD,
    ['Y'] = S_WORD, ['Z'] = S_WORD,
};

/* The class of the character at i (S_SPACE, S_WORD or S_OTHER); *k
 * receives its length in bytes. */
static inline int S_class_at(const unsigned char *s, size_t len, size_t i, size_t *k)
{
    unsigned char c = s[i];
    *k = 1;
    if (c < 0x80)
        return S_ascii_class[c];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0)
        return S_OTHER;
    *k = (size_t)n;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return S_SPACE;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return S_WORD;
    default:
        return S_OTHER;
    }
}

static inline bool S_is_space(const unsigned char *s, size_t len, size_t i, size_t *k)
{
    return S_class_at(s, len, i, k) == S_SPACE;
}

static inline bool S_is_word(const unsigned char *s, size_t len, size_t i, size_t *k)
{
    return S_class_at(s, len, i, k) == S_WORD;
}

static inline bool S_is_letter(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* rs__hash_bytes of s[start, start + len), reading the last partial word
 * as one load when the text has 8 bytes there: the same value, since the
 * bytes past the token are masked off. */
static inline uint64_t S_hash_token(const char *s, size_t text_len, size_t start, size_t len)
{
    if (len >= 8 || start + 8 > text_len)
        return rs__hash_bytes(s + start, len);
    uint64_t w;
    memcpy(&w, s + start, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    w &= len ? ~0ull >> (64 - 8 * len) : 0;
#else
    return rs__hash_bytes(s + start, len);
#endif
    uint64_t h = 0x243f6a8885a308d3ull ^ (len * 0x9e3779b97f4a7c15ull);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

/* More room when the first guess (a token per five bytes) ran out at
 * byte `at`: the rate so far, over the whole text, and a little more, so
 * dense text (a 16 MiB run of "C++ ") costs what it holds and not up to
 * twice that, as doubling would. */
static bool S_reserve_more(S_tokens *t, size_t at, size_t text_len)
{
    size_t cap = t->cap + t->cap / 4 + 16;
    if (at > 0 && t->count <= SIZE_MAX / (text_len + 1)) {
        size_t rate = t->count * text_len / at;
        if (rate + rate / 16 + 16 > cap)
            cap = rate + rate / 16 + 16;
    }
    if (cap > t->max)   /* never more than the budget */
        cap = t->max;
    if (cap <= t->cap || cap > SIZE_MAX / sizeof *t->items)
        return false;
    rs_token *items = rs__realloc(t->items, cap * sizeof *items);
    if (!items)
        return false;
    t->items = items;
    t->cap = cap;
    return true;
}

static bool S_push(S_tokens *t, size_t start, size_t len, rs_token_kind kind,
                   bool glued, const char *s, size_t text_len)
{
    for (; len > RS_TOKEN_MAX_LEN; start += RS_TOKEN_MAX_LEN, len -= RS_TOKEN_MAX_LEN) {
        if (!S_push(t, start, RS_TOKEN_MAX_LEN, kind, glued, s, text_len))
            return false;
        glued = true;
    }
    if (t->count >= t->max) {
        if (t->cut_at == SIZE_MAX)
            t->cut_at = start;
        return true;
    }
    if (t->count == t->cap && !S_reserve_more(t, start, text_len))
        return false;
    rs_token *tok = &t->items[t->count++];
    tok->start = (uint32_t)start;
    tok->len = (uint32_t)len;
    tok->hash = S_hash_token(s, text_len, start, len);
    tok->kind = (uint32_t)kind;
    tok->glued = glued;
    return true;
}

static bool S_contains(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return true;
    return false;
}

static bool S_has_tld(const char *s, size_t len)
{
    static const char *const tlds[] = {".com", ".org", ".edu", ".gov", ".dev",
                                       ".co.uk", ".de", ".fr", ".me", NULL};
    size_t end = len;
    const char *slash = memchr(s, '/', len);
    if (slash)
        end = (size_t)(slash - s);
    for (size_t i = 0; tlds[i]; i++) {
        size_t n = strlen(tlds[i]);
        if (end > n && memcmp(s + end - n, tlds[i], n) == 0)
            return true;
    }
    return false;
}

/* A chunk (no white space inside) that is a URL, a domain or an e-mail. */
static bool S_is_barrier(const char *s, size_t len)
{
    if (S_contains(s, len, "://"))
        return true;
    if (len > 4 && memcmp(s, "www.", 4) == 0)
        return true;
    const char *at = memchr(s, '@', len);
    if (at && at > s && (size_t)(at - s) + 1 < len && memchr(at, '.', len - (size_t)(at - s)))
        return true;
    return memchr(s, '.', len) && S_has_tld(s, len);
}

static bool S_is_edge_punct(char c)
{
    switch (c) {
    case '(': case '[': case '{': case '<': case '"': case '\'':
    case '.': case ',': case ';': case ':': case '!': case '?':
    case ')': case ']': case '}': case '>':
        return true;
    default:
        return false;
    }
}

static bool S_split_chunk(S_tokens *t, const char *text, size_t len,
                          size_t start, size_t end, bool glued)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = start;
    while (i < end) {
        size_t k;
        if (S_is_word(s, len, i, &k)) {
            size_t j = i + k;
            while (j < end && s[j] < 0x80 && S_ascii_class[s[j]] == S_WORD)
                j++;
            while (j < end && S_is_word(s, len, j, &k))
                j += k;
            if (!S_push(t, i, j - i, RS_TOKEN_WORD, glued, text, len))
                return false;
            i = j;
        } else if (s[i] == '-' && i > start && i + 1 < end && S_is_letter(s[i - 1]) &&
                   S_is_letter(s[i + 1])) {
            /* a hyphen between letters joins words as a space does:
             * "front-end" reads as "front end", "amazon-web-services" as
             * "amazon web services"; between digits it stays ("2016-2019") */
            i++;
            glued = false;
            continue;
        } else {
            if (i + k > end)
                k = end - i;
            if (!S_push(t, i, k, RS_TOKEN_PUNCT, glued, text, len))
                return false;
            i += k;
        }
        glued = true;
    }
    return true;
}

/* S_split_chunk for a chunk of ASCII bytes only, by table. */
static bool S_split_ascii(S_tokens *t, const char *text, size_t len, size_t start, size_t end)
{
    const unsigned char *s = (const unsigned char *)text;
    bool glued = false;
    for (size_t i = start; i < end;) {
        if (S_ascii_class[s[i]] == S_WORD) {
            size_t j = i + 1;
            while (j < end && S_ascii_class[s[j]] == S_WORD)
                j++;
            if (!S_push(t, i, j - i, RS_TOKEN_WORD, glued, text, len))
                return false;
            i = j;
        } else if (s[i] == '-' && i > start && i + 1 < end && S_is_letter(s[i - 1]) &&
                   S_is_letter(s[i + 1])) {
            i++;   /* "front-end" reads as "front end" (S_split_chunk) */
            glued = false;
            continue;
        } else {
            if (!S_push(t, i, 1, RS_TOKEN_PUNCT, glued, text, len))
                return false;
            i++;
        }
        glued = true;
    }
    return true;
}

/* Does the chunk, its edge punctuation aside, read as a URL, domain or
 * e-mail (S_chunk's test)? */
static bool S_barrier_inside(const char *s, size_t start, size_t end, bool maybe_barrier)
{
    if (!maybe_barrier)
        return false;
    size_t a = start, b = end;
    while (a < b && S_is_edge_punct(s[a]))
        a++;
    while (b > a && S_is_edge_punct(s[b - 1]))
        b--;
    return b > a && S_is_barrier(s + a, b - a);
}

static bool S_chunk(S_tokens *t, const char *s, size_t len, size_t start,
                    size_t end, bool maybe_barrier)
{
    if (!maybe_barrier)
        return S_split_chunk(t, s, len, start, end, false);
    size_t a = start, b = end;
    while (a < b && S_is_edge_punct(s[a]))
        a++;
    while (b > a && S_is_edge_punct(s[b - 1]))
        b--;
    if (b > a && S_is_barrier(s + a, b - a)) {
        return S_split_chunk(t, s, len, start, a, false) &&
               S_push(t, a, b - a, RS_TOKEN_BARRIER, a > start, s, len) &&
               S_split_chunk(t, s, len, b, end, true);
    }
    return S_split_chunk(t, s, len, start, end, false);
}

rs_status rs__tokenize(const char *s, size_t len, rs_token **out,
                       size_t *count, rs_error *err)
{
    size_t cut;
    return rs__tokenize_upto(s, len, SIZE_MAX, out, count, &cut, err);
}

rs_status rs__tokenize_upto(const char *s, size_t len, size_t max, rs_token **out,
                            size_t *count, size_t *cut_at, rs_error *err)
{
    S_tokens t = {.max = max, .cut_at = SIZE_MAX};
    /* English text has about one token per five bytes: reserve that much
     * up front rather than growing through many reallocations. */
    if (!rs__grow((void **)&t.items, &t.cap, len / 5 + 16, sizeof *t.items))
        return rs__nomem(err, NULL);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len && t.cut_at == SIZE_MAX) {
        size_t k;
        if (u[i] < 0x80 ? S_ascii_class[u[i]] == S_SPACE : S_is_space(u, len, i, &k)) {
            i += u[i] < 0x80 ? 1 : k;
            continue;
        }
        /* the common chunk is ASCII and no URL, domain or e-mail: split
         * by table; any other goes the general way */
        size_t j = i;
        bool maybe_barrier = false;   /* URLs, domains and e-mails need . or @ */
        while (j < len && u[j] < 0x80 && S_ascii_class[u[j]] != S_SPACE) {
            maybe_barrier |= u[j] == '.' || u[j] == '@';
            j++;
        }
        bool ascii = j == len || (u[j] < 0x80 && S_ascii_class[u[j]] == S_SPACE);
        while (j < len && !S_is_space(u, len, j, &k)) {
            maybe_barrier |= u[j] == '.' || u[j] == '@';
            j += k;
        }
        if (j > len)
            j = len;
        bool ok = ascii && !S_barrier_inside(s, i, j, maybe_barrier)
                      ? S_split_ascii(&t, s, len, i, j)
                      : S_chunk(&t, s, len, i, j, maybe_barrier);
        if (!ok) {
            rs__free(t.items);
            return rs__nomem(err, NULL);
        }
        i = j;
    }
    *out = t.items;
    *count = t.count;
    *cut_at = t.cut_at;
    return RS_OK;
}

uint64_t rs__token_hash(const char *s, size_t len)
{
    return rs__hash_bytes(s, len);
}

size_t rs__document_tokens_cut(const rs_document *d)
{
    return d->tokenized && d->tokens_cut_at != SIZE_MAX ? d->tokens_cut_at : RS_NOT_FOUND;
}

const rs_token *rs__document_tokenized(const rs_document *d, size_t *count)
{
    *count = d->tokenized ? d->token_count : 0;
    return d->tokenized ? d->tokens : NULL;
}

rs_status rs_document_tokens(rs_document *d, const rs_token **tokens,
                             size_t *count, rs_error *err)
{
    if (!d->tokenized) {
        /* one token per 4 bytes and a floor: any text reads whole (English
         * has one per 5), and a run of "C++ " or "+" costs at most that */
        size_t max = d->norm_len / 4 + 65536;
        rs_status st = rs__tokenize_upto(d->norm, d->norm_len, max, &d->tokens,
                                         &d->token_count, &d->tokens_cut_at, err);
        if (st) {
            if (err && !err->file[0])
                snprintf(err->file, sizeof err->file, "%s", d->text->name);
            return st;
        }
        d->tokenized = true;
    }
    *tokens = d->tokens;
    *count = d->token_count;
    return RS_OK;
}
