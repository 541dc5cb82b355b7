/* decode.c — stage 1: bytes in any encoding rolescan accepts become valid
 * UTF-8 text. The rule is documented in rolescan.h (rs_text_decode). */
#include "internal.h"
#include "input/input_internal.h"
#include "text/document_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const uint16_t S_cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static size_t S_put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* First index at or after i that is not ASCII, eight bytes at a time. */
static size_t S_skip_ascii(const unsigned char *p, size_t n, size_t i)
{
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

static void S_line_col(const unsigned char *p, size_t off, unsigned *line,
                       unsigned *col)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= off || p[i + 1] != '\n'))) {
            l++;
            c = 1;
        } else if ((p[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static const char *S_binary_kind(const unsigned char *p, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } sigs[] = {
        {"%PDF-", 5, "a PDF document"},
        {"PK\x03\x04", 4, "a ZIP archive (DOCX/ODT/XLSX)"},
        {"\x89PNG", 4, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"\xD0\xCF\x11\xE0", 4, "an OLE document (old .doc/.xls)"},
        {"\x7F" "ELF", 4, "an ELF executable"},
        {"\x1F\x8B", 2, "a gzip archive"},
        {"{\\rtf", 5, "an RTF document"},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (n >= sigs[i].len && memcmp(p, sigs[i].magic, sigs[i].len) == 0)
            return sigs[i].kind;
    return NULL;
}

/* A new text with room for cap bytes, or NULL (err set). */
static rs_text *S_new_text(const char *name, size_t cap, rs_error *err)
{
    rs_text *t = rs__calloc(1, sizeof *t);
    if (t) {
        t->name = rs__strdup(name);
        t->data = rs__malloc(cap + 1);
    }
    if (!t || !t->name || !t->data) {
        rs_text_free(t);
        rs__nomem(err, name);
        return NULL;
    }
    return t;
}

static rs_status S_set_warning(rs_text *t, const unsigned char *bytes,
                               size_t off, const char *what, rs_error *err)
{
    unsigned line, col;
    S_line_col(bytes, off, &line, &col);
    char msg[256];
    snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu (line %u, column %u); %s",
             off, line, col, what);
    t->warning = rs__strdup(msg);
    return t->warning ? RS_OK : rs__nomem(err, t->name);
}

static rs_status S_decode_utf16(const char *name, const unsigned char *p,
                                size_t n, bool big_endian, rs_text **out,
                                rs_error *err)
{
    /* Each 2-byte unit becomes at most 3 UTF-8 bytes; pairs 4 for 4. */
    rs_text *t = S_new_text(name, n / 2 * 3 + 3, err);
    if (!t)
        return RS_ERR_NOMEM;
    t->encoding = big_endian ? RS_ENC_UTF16BE : RS_ENC_UTF16LE;
    size_t o = 0, bad = SIZE_MAX;
    for (size_t i = 2; i + 1 < n; i += 2) {
        uint32_t u = big_endian ? (uint32_t)(p[i] << 8 | p[i + 1])
                                : (uint32_t)(p[i + 1] << 8 | p[i]);
        if (u == 0) {
            rs_text_free(t);
            return rs__fail(err, RS_ERR_BINARY, name, 0,
                            "binary data: NUL character at byte %zu of UTF-16 input", i);
        }
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = big_endian ? (uint32_t)(p[i + 2] << 8 | p[i + 3])
                                     : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            if (bad == SIZE_MAX)
                bad = i;
            u = 0xFFFD;
        }
        o += S_put_utf8(t->data + o, u);
    }
    if (n % 2 == 1) {   /* a lone trailing byte: half a character */
        o += S_put_utf8(t->data + o, 0xFFFD);
        if (bad == SIZE_MAX)
            bad = n - 1;
    }
    t->data[o] = '\0';
    t->len = o;
    if (bad != SIZE_MAX) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "invalid UTF-16 at byte %zu; replaced by U+FFFD", bad);
        t->warning = rs__strdup(msg);
        if (!t->warning) {
            rs_text_free(t);
            return rs__nomem(err, name);
        }
    }
    *out = t;
    return RS_OK;
}

static rs_status S_decode_8bit(const char *name, const unsigned char *p,
                               size_t n, rs_text **out, rs_error *err)
{
    size_t invalid = 0, multibyte = 0, first_bad = SIZE_MAX;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i = S_skip_ascii(p, n, i + 1);
            continue;
        }
        size_t k = rs__utf8_seq(p + i, n - i);
        if (k) {
            multibyte++;
            i += k;
        } else {
            if (first_bad == SIZE_MAX)
                first_bad = i;
            invalid++;
            i++;
        }
    }
    bool cp1252 = invalid > 0 && (multibyte == 0 || invalid > multibyte);
    rs_text *t = S_new_text(name, invalid ? n * 3 : n, err);
    if (!t)
        return RS_ERR_NOMEM;
    rs_status st;
    size_t o = 0;
    if (invalid == 0 && n) {   /* the common case: valid UTF-8, copied as is */
        memcpy(t->data, p, n);
        o = n;
    }
    for (size_t i = 0; invalid && i < n;) {
        if (p[i] < 0x80) {
            size_t j = S_skip_ascii(p, n, i + 1);
            memcpy(t->data + o, p + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        size_t k = rs__utf8_seq(p + i, n - i);
        if (k && !cp1252) {
            memcpy(t->data + o, p + i, k);
            o += k;
            i += k;
        } else if (cp1252) {
            uint32_t cp = p[i] < 0xA0 ? S_cp1252_high[p[i] - 0x80] : p[i];
            o += S_put_utf8(t->data + o, cp);
            i++;
        } else {
            o += S_put_utf8(t->data + o, 0xFFFD);
            i++;
        }
    }
    t->data[o] = '\0';
    t->len = o;
    if (invalid) {
        t->encoding = cp1252 ? RS_ENC_WINDOWS_1252 : RS_ENC_UTF8_REPAIRED;
        char what[96];
        if (cp1252)
            snprintf(what, sizeof what, "the whole input was read as Windows-1252");
        else
            snprintf(what, sizeof what, "%zu invalid byte%s replaced by U+FFFD",
                     invalid, invalid == 1 ? "" : "s");
        st = S_set_warning(t, p, first_bad, what, err);
        if (st) {
            rs_text_free(t);
            return st;
        }
    }
    *out = t;
    return RS_OK;
}

rs_status rs_text_decode(const char *name, const unsigned char *bytes,
                         size_t len, size_t max_len, rs_text **out,
                         rs_error *err)
{
    if (!out || (!bytes && len))
        return rs__fail(err, RS_ERR_ARG, name, 0, "no output or no input");
    *out = NULL;
    name = name ? name : "";
    if (max_len && len > max_len)
        return rs__fail(err, RS_ERR_TOO_LARGE, name, 0,
                        "input is %zu bytes, over the limit of %zu bytes", len, max_len);
    if (len >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        return S_decode_utf16(name, bytes, len, false, out, err);
    if (len >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        return S_decode_utf16(name, bytes, len, true, out, err);
    const char *kind = S_binary_kind(bytes, len);
    if (kind)
        return rs__fail(err, RS_ERR_BINARY, name, 0,
                        "binary file: this is %s, not text", kind);
    const unsigned char *nul = len ? memchr(bytes, 0, len) : NULL;
    if (nul) {
        unsigned line, col;
        S_line_col(bytes, (size_t)(nul - bytes), &line, &col);
        rs__fail(err, RS_ERR_BINARY, name, line,
                 "binary file: NUL byte at byte %zu; only text is read",
                 (size_t)(nul - bytes));
        if (err)
            err->column = col;
        return RS_ERR_BINARY;
    }
    bool bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    rs_status st = S_decode_8bit(name, bom ? bytes + 3 : bytes,
                                 bom ? len - 3 : len, out, err);
    if (st == RS_OK && bom && (*out)->encoding == RS_ENC_UTF8)
        (*out)->encoding = RS_ENC_UTF8_BOM;
    return st;
}

rs_status rs__read_bytes(const char *path, size_t max_len, rs_buf *b, rs_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)   /* fopen's own malloc failing is out of memory, not I/O */
        return rs__fail_os(err, errno, name, "cannot open");
    char chunk[65536];
    size_t n;
    rs_status st = RS_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_len && b->len + n > max_len) {
            st = rs__fail(err, RS_ERR_TOO_LARGE, name, 0,
                          "input is over the limit of %zu bytes", max_len);
            break;
        }
        if (!rs__buf_append(b, chunk, n)) {
            st = rs__nomem(err, name);
            break;
        }
    }
    if (st == RS_OK && ferror(f))
        st = rs__fail_os(err, errno, name, "read error");
    if (!is_stdin)
        fclose(f);
    return st;
}

rs_status rs_text_read_file(const char *path, size_t max_len, rs_text **out,
                            rs_error *err)
{
    if (!out)
        return rs__fail(err, RS_ERR_ARG, path, 0, "no output");
    *out = NULL;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs_status st = rs__read_bytes(path, max_len, &b, err);
    if (st == RS_OK)
        st = rs_text_decode(strcmp(path, "-") == 0 ? "<stdin>" : path,
                            (const unsigned char *)b.data, b.len, max_len, out, err);
    rs__buf_free(&b);
    return st;
}

const char *rs_text_data(const rs_text *t) { return t->data; }
size_t rs_text_length(const rs_text *t) { return t->len; }
const char *rs_text_name(const rs_text *t) { return t->name; }
rs_encoding rs_text_encoding(const rs_text *t) { return t->encoding; }
const char *rs_text_warning(const rs_text *t) { return t->warning; }

const char *rs_encoding_name(rs_encoding enc)
{
    switch (enc) {
    case RS_ENC_UTF8: return "UTF-8";
    case RS_ENC_UTF8_BOM: return "UTF-8 (BOM)";
    case RS_ENC_UTF16LE: return "UTF-16LE";
    case RS_ENC_UTF16BE: return "UTF-16BE";
    case RS_ENC_UTF8_REPAIRED: return "UTF-8 (repaired)";
    case RS_ENC_WINDOWS_1252: return "Windows-1252";
    }
    return "unknown";
}

void rs_text_free(rs_text *t)
{
    if (!t)
        return;
    rs__free(t->name);
    rs__free(t->data);
    rs__free(t->warning);
    rs__free(t->hidden);
    rs__free(t);
}

const char *rs_text_hidden(const rs_text *t) { return t->hidden; }

bool rs__text_add_warning(rs_text *t, const char *warning)
{
    size_t n = (t->warning ? strlen(t->warning) + 2 : 0) + strlen(warning) + 1;
    char *w = rs__malloc(n);
    if (!w)
        return false;
    snprintf(w, n, "%s%s%s", t->warning ? t->warning : "", t->warning ? "; " : "", warning);
    rs__free(t->warning);
    t->warning = w;
    return true;
}

bool rs__text_set_hidden(rs_text *t, rs_buf *hidden)
{
    if (hidden->failed)
        return false;
    if (hidden->len == 0)
        return true;
    t->hidden = rs__buf_detach(hidden, NULL);
    return t->hidden != NULL;
}
