/* normalize.c — stage 2: text becomes a document, whose normalized form is
 * what the matcher reads and whose offset map leads every match back to the
 * original words.
 *
 * Normalization is utf8proc's NFKC with case folding, accent stripping,
 * default-ignorable removal and lumping (curly quotes, dashes, odd spaces to
 * ASCII: utf8proc's lumping plus the double quotes it leaves). Plain ASCII
 * needs none of that but lowercasing, so only non-ASCII
 * units (a character and the combining marks after it, with the ASCII
 * character before them when they combine with it) go through utf8proc.
 * rs__normalize_reference() is the same without the fast path; a test holds
 * the two byte-identical. */
#include "internal.h"
#include "text/document_internal.h"

#include <string.h>
#include <utf8proc.h>

#define S_OPTIONS                                                          \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |                \
     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP)

/* A unit longer than this is cut: marks beyond it are normalized alone
 * (after accent stripping they vanish anyway); this bounds the work on
 * hostile runs of combining marks. */
#define S_MAX_UNIT 32

/* utf8proc costs about a microsecond a call, and real text repeats a few
 * non-ASCII characters (bullets, dashes, quotes, accented letters) over and
 * over: a small direct-mapped cache of single-character results, per call,
 * takes most of them off utf8proc. */
#define S_CACHE_SIZE 256

typedef struct S_cached {
    int32_t cp;          /* -1 = empty */
    uint8_t len;
    char bytes[19];
} S_cached;

typedef struct S_out {
    char *norm;
    uint32_t *map;   /* NULL when the caller wants no map */
    size_t len;
    size_t cap;
    bool cache_ready;
    S_cached cache[S_CACHE_SIZE];
} S_out;

static bool S_reserve(S_out *o, size_t more)
{
    if (o->len + more + 1 <= o->cap)
        return true;
    /* The first reservation is exact (the text's length); growth, needed
     * only where normalization expands, doubles. */
    size_t cap = o->cap ? o->cap : o->len + more + 1;
    while (cap < o->len + more + 1)
        cap *= 2;
    char *n = rs__realloc(o->norm, cap);
    if (!n)
        return false;
    o->norm = n;
    if (o->map) {
        uint32_t *m = rs__realloc(o->map, cap * sizeof *m);
        if (!m)
            return false;
        o->map = m;
    }
    o->cap = cap;
    return true;
}

/* utf8proc's LUMP turns curly single quotes into ' but leaves the double
 * ones: they become " here, so “Go” reads like "Go". */
static utf8proc_int32_t S_lump_more(utf8proc_int32_t cp, void *data)
{
    (void)data;
    switch (cp) {
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2033: case 0x301D: case 0x301E: case 0x301F:
        return '"';
    case 0x2032:
        return '\'';
    default:
        return cp;
    }
}

static bool S_is_combining(utf8proc_int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return true;
    switch (p->category) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        break;
    }
    /* Hangul vowel and trailing jamo compose with the syllable before. */
    return (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

static size_t S_next_cp(const unsigned char *s, size_t len, size_t i,
                        utf8proc_int32_t *cp)
{
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* A word broken across a line end ("Kuber-\n  netes") is joined: returns
 * the offset of the continuation, or 0 when `i` (a '-') is no such break. */
static size_t S_hyphen_break(const unsigned char *s, size_t len, size_t i)
{
    if (i == 0 || !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z'))
        return 0;
    size_t j = i + 1;
    while (j < len && (s[j] == ' ' || s[j] == '\t'))
        j++;
    if (j < len && s[j] == '\r')
        j++;
    if (j < len && s[j] == '\n')
        j++;
    if (j == i + 1 || (s[j - 1] != '\n' && s[j - 1] != '\r'))
        return 0;
    while (j < len && (s[j] == ' ' || s[j] == '\t'))
        j++;
    return (j < len && s[j] >= 'a' && s[j] <= 'z') ? j : 0;
}

static bool S_append(S_out *o, const char *bytes, size_t n, size_t start)
{
    if (!S_reserve(o, n))
        return false;
    memcpy(o->norm + o->len, bytes, n);
    if (o->map)
        for (size_t k = 0; k < n; k++)
            o->map[o->len + k] = (uint32_t)start;
    o->len += n;
    return true;
}

static bool S_emit_unit(S_out *o, const unsigned char *s, size_t start,
                        size_t end)
{
    utf8proc_int32_t cp;
    S_cached *slot = NULL;
    if (!o->cache_ready) {   /* plain ASCII text never pays for the cache */
        for (size_t i = 0; i < S_CACHE_SIZE; i++)
            o->cache[i].cp = -1;
        o->cache_ready = true;
    }
    if (S_next_cp(s, end, start, &cp) == end - start) {
        slot = &o->cache[(uint32_t)cp % S_CACHE_SIZE];
        if (slot->cp == cp)
            return S_append(o, slot->bytes, slot->len, start);
    }
    utf8proc_int32_t buf[S_MAX_UNIT * 18];
    utf8proc_ssize_t n = utf8proc_decompose_custom(
        s + start, (utf8proc_ssize_t)(end - start), buf, S_MAX_UNIT * 18, S_OPTIONS,
        S_lump_more, NULL);
    if (n < 0 || n > S_MAX_UNIT * 18) {
        buf[0] = 0xFFFD;
        n = 1;
    }
    n = utf8proc_reencode(buf, n, S_OPTIONS);
    if (n < 0)
        return true;
    if (slot && (size_t)n <= sizeof slot->bytes) {
        slot->cp = cp;
        slot->len = (uint8_t)n;
        memcpy(slot->bytes, buf, (size_t)n);
    }
    return S_append(o, (const char *)buf, (size_t)n, start);
}

/* End of the unit starting at i: the character and the marks after it. */
static size_t S_unit_end(const unsigned char *s, size_t len, size_t i)
{
    utf8proc_int32_t cp;
    size_t j = i + S_next_cp(s, len, i, &cp);
    for (int count = 1; j < len && count < S_MAX_UNIT && s[j] >= 0x80; count++) {
        size_t k = S_next_cp(s, len, j, &cp);
        if (!S_is_combining(cp))
            break;
        j += k;
    }
    return j;
}

/* Copies, lowercased, the plain ASCII run at i that needs nothing else and
 * returns where it ends: before a hyphen (a possible line-break join),
 * before non-ASCII, and without its last character when combining marks
 * follow it. Capacity for the whole text was reserved up front; growth is
 * checked here because expansions before may have used it. */
static bool S_copy_ascii_run(S_out *o, const unsigned char *s, size_t len, size_t *at)
{
    size_t i = *at;
    if (o->len + (len - i) + 1 > o->cap && !S_reserve(o, len - i))
        return false;
    char *out = o->norm + o->len;
    uint32_t *m = o->map ? o->map + o->len : NULL;
    size_t j = i;
    for (; j < len; j++) {
        unsigned char c = s[j];
        if (c >= 0x80 || c == '-')
            break;
        out[j - i] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
        if (m)
            m[j - i] = (uint32_t)j;
    }
    if (j > i && j < len && s[j] >= 0x80) {
        utf8proc_int32_t cp;
        S_next_cp(s, len, j, &cp);
        if (S_is_combining(cp))
            j--;
    }
    o->len += j - i;
    *at = j;
    return true;
}

static bool S_normalize(const char *text, size_t len, S_out *o)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!S_reserve(o, len + 16))
        return false;
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        if (!S_copy_ascii_run(o, s, len, &run))
            return false;
        if (run > i) {
            i = run;
            continue;
        }
        if (s[i] < 0x80) {
            /* One ASCII character: marks may follow that combine with it,
             * or it is a hyphen breaking a word across lines. */
            if (i + 1 < len && s[i + 1] >= 0x80) {
                utf8proc_int32_t cp;
                S_next_cp(s, len, i + 1, &cp);
                if (S_is_combining(cp)) {
                    size_t end = S_unit_end(s, len, i);
                    if (!S_emit_unit(o, s, i, end))
                        return false;
                    i = end;
                    continue;
                }
            }
            size_t cont;
            if (s[i] == '-' && o->map && (cont = S_hyphen_break(s, len, i))) {
                i = cont;
                continue;
            }
            if (!S_reserve(o, 1))
                return false;
            unsigned char c = s[i];
            o->norm[o->len] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            if (o->map)
                o->map[o->len] = (uint32_t)i;
            o->len++;
            i++;
            continue;
        }
        size_t end = S_unit_end(s, len, i);
        if (!S_emit_unit(o, s, i, end))
            return false;
        i = end;
    }
    o->norm[o->len] = '\0';
    if (o->map)
        o->map[o->len] = (uint32_t)len;
    return true;
}

/* A page starts at the first line after a form feed (the PDF reader ends
 * pages with one); page 1 at line 1. */
static bool S_add_page(rs_document *d, size_t *cap, unsigned first_line)
{
    if (!rs__grow((void **)&d->page_lines, cap, d->page_count + 1, sizeof *d->page_lines))
        return false;
    d->page_lines[d->page_count++] = first_line;
    return true;
}

static rs_status S_index_lines(rs_document *d, rs_error *err)
{
    const char *s = d->text->data;
    size_t n = d->text->len, cap = 0, page_cap = 0;
    bool paged = memchr(s, '\f', n) != NULL, page_pending = paged;
    d->line_count = 0;
    for (size_t i = 0;; i++) {
        if (i == 0 || s[i - 1] == '\n' || (s[i - 1] == '\r' && s[i] != '\n')) {
            if (!rs__grow((void **)&d->line_starts, &cap, d->line_count + 1,
                          sizeof *d->line_starts))
                return rs__nomem(err, d->text->name);
            d->line_starts[d->line_count++] = i;
            if (page_pending && !S_add_page(d, &page_cap, (unsigned)d->line_count))
                return rs__nomem(err, d->text->name);
            page_pending = false;
        }
        if (i >= n)
            break;
        if (s[i] == '\f')
            page_pending = true;
    }
    return RS_OK;
}

static bool S_identity(const uint32_t *map, size_t norm_len, size_t orig_len)
{
    if (norm_len != orig_len)
        return false;
    for (size_t i = 0; i <= norm_len; i++)
        if (map[i] != i)
            return false;
    return true;
}

rs_status rs_document_new(rs_text *text, rs_document **out, rs_error *err)
{
    if (!out || !text) {
        rs_text_free(text);
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no text or no output");
    }
    *out = NULL;
    if (text->len >= UINT32_MAX / 2) {
        rs__fail(err, RS_ERR_TOO_LARGE, text->name, 0, "text over 2 GiB");
        rs_text_free(text);
        return RS_ERR_TOO_LARGE;
    }
    rs_document *d = rs__calloc(1, sizeof *d);
    if (!d) {
        rs__nomem(err, text->name);
        rs_text_free(text);
        return RS_ERR_NOMEM;
    }
    d->text = text;
    S_out o;   /* not = {0}: the cache is large and set up lazily */
    o.norm = NULL;
    o.len = o.cap = 0;
    o.cache_ready = false;
    o.map = rs__malloc(sizeof *o.map);
    if (!o.map || !S_normalize(text->data, text->len, &o)) {
        rs__free(o.norm);
        rs__free(o.map);
        /* err is filled first: rs_document_free(d) frees text, and with
         * it text->name (a heap-use-after-free under ASan otherwise) */
        rs__nomem(err, text->name);
        rs_document_free(d);
        return RS_ERR_NOMEM;
    }
    /* PCRE2's JIT may read ahead within the buffer: give it defined bytes */
    memset(o.norm + o.len, 0, o.cap - o.len);
    d->norm = o.norm;
    d->norm_len = o.len;
    d->map = S_identity(o.map, o.len, text->len) ? NULL : o.map;
    if (!d->map)   /* 4 bytes per byte not kept for nothing */
        rs__free(o.map);
    rs_status st = S_index_lines(d, err);
    if (st) {
        rs_document_free(d);
        return st;
    }
    *out = d;
    return RS_OK;
}

char *rs__normalize_term(const char *term, size_t *out_len)
{
    S_out o;
    o.norm = NULL;
    o.map = NULL;
    o.len = o.cap = 0;
    o.cache_ready = false;
    if (!S_normalize(term, strlen(term), &o)) {
        rs__free(o.norm);
        return NULL;
    }
    if (out_len)
        *out_len = o.len;
    return o.norm;
}

char *rs__normalize_reference(const char *utf8, size_t len, size_t *out_len)
{
    utf8proc_uint8_t *dst = NULL;   /* utf8proc's malloc: copied into ours */
    utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)utf8,
                                             (utf8proc_ssize_t)len, &dst, S_OPTIONS,
                                             S_lump_more, NULL);
    if (n < 0)
        return NULL;
    char *out = rs__strndup((const char *)dst, (size_t)n);
    free(dst);
    if (out && out_len)
        *out_len = (size_t)n;
    return out;
}

void rs_document_free(rs_document *d)
{
    if (!d)
        return;
    rs_text_free(d->text);
    rs__free(d->norm);
    rs__free(d->map);
    rs__free(d->line_starts);
    rs__free(d->page_lines);
    rs__free(d->tokens);
    rs__free(d);
}

const rs_text *rs_document_text(const rs_document *d) { return d->text; }

const char *rs_document_normalized(const rs_document *d, size_t *len)
{
    if (len)
        *len = d->norm_len;
    return d->norm;
}

const uint32_t *rs__document_map(const rs_document *d) { return d->map; }

const size_t *rs__document_line_starts(const rs_document *d, size_t *count)
{
    *count = d->line_count;
    return d->line_starts;
}

size_t rs_document_original_offset(const rs_document *d, size_t norm_offset)
{
    if (norm_offset > d->norm_len)
        norm_offset = d->norm_len;
    return rs__orig(d->map, norm_offset);
}

unsigned rs__line_of(const rs_document *d, size_t off)
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

rs_position rs_document_position(const rs_document *d, size_t off)
{
    rs_position p = {1, 1, 0, 0};
    if (off > d->text->len)
        off = d->text->len;
    p.line = rs__line_of(d, off);
    const char *s = d->text->data;
    unsigned col = 1;
    for (size_t i = d->line_starts[p.line - 1]; i < off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    p.column = col;
    rs__page_of(d, p.line, &p.page, &p.page_line);
    return p;
}

void rs__page_of(const rs_document *d, unsigned line, unsigned *page, unsigned *page_line)
{
    *page = *page_line = 0;
    if (!d->page_count)
        return;
    size_t lo = 0, hi = d->page_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->page_lines[mid] <= line)
            lo = mid;
        else
            hi = mid;
    }
    *page = (unsigned)lo + 1;
    *page_line = line - d->page_lines[lo] + 1;
}
