/* utf8.c — the one strict UTF-8 check: shortest forms only, no surrogates,
 * nothing past U+10FFFF (what JSON readers and writers must accept). */
#include "internal.h"

bool rs__utf8_strict(const char *str, size_t n, bool allow_nul)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (!c && !allow_nul)
                return false;
            i++;
            continue;
        }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || n - i < k)
            return false;
        unsigned long cp = c & (0x3F >> (k - 1));
        for (size_t m = 1; m < k; m++) {
            if ((s[i + m] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + m] & 0x3F);
        }
        if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k;
    }
    return true;
}
