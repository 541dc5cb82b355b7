/* utf8.c — the one reading of UTF-8: shortest forms only, no surrogates,
 * nothing past U+10FFFF. */
#include "internal.h"

size_t rs__utf8_seq(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t min;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; min = 0x80; cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; min = 0x800; cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; min = 0x10000; cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool rs__utf8_strict(const char *str, size_t n, bool allow_nul)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        size_t k = rs__utf8_seq(s + i, n - i);
        if (!k || (!s[i] && !allow_nul))
            return false;
        i += k;
    }
    return true;
}

size_t rs__utf8_bad_byte(const char *s, size_t n, size_t i, char out[5])
{
    size_t k = rs__utf8_seq((const unsigned char *)s + i, n - i);
    if (k)
        return k;
    static const char hex[] = "0123456789ABCDEF";
    unsigned char c = (unsigned char)s[i];
    out[0] = '\\';
    out[1] = 'x';
    out[2] = hex[c >> 4];
    out[3] = hex[c & 15];
    out[4] = '\0';
    return 0;
}

bool rs__utf8_escape(rs_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        char esc[5];
        size_t k = (unsigned char)s[i] < 0x80 ? 1 : rs__utf8_bad_byte(s, n, i, esc);
        if (k) {
            i += k;
            continue;
        }
        rs__buf_append(b, s + run, i - run);
        rs__buf_puts(b, esc);
        run = ++i;
    }
    return rs__buf_append(b, s + run, n - run);
}
