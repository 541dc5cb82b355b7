/* escape.c — the one place where input text is made safe for an output:
 * terminals, CSV and HTML text (JSON strings: the yajl writer, json.c). */
#include "internal.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <string.h>

/* An invalid UTF-8 byte at s[i] (a file name's), written as "\xNN"; true
 * when there was one. Valid sequences are skipped by *i. */
static bool S_bad_byte(rs_buf *b, const char *s, size_t n, size_t *i, size_t *run)
{
    char esc[5];
    size_t k = rs__utf8_bad_byte(s, n, *i, esc);
    if (k) {
        *i += k - 1;
        return false;
    }
    rs__buf_append(b, s + *run, *i - *run);
    rs__buf_puts(b, esc);
    *run = *i + 1;
    return true;
}

bool rs__escape_terminal(rs_buf *b, const char *s, size_t n)
{
    size_t run = 0;   /* start of the pending run of safe bytes */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                  (unsigned char)s[i + 1] <= 0x9F;
        if (c >= 0x80 && !c1 && S_bad_byte(b, s, n, &i, &run))
            continue;
        if (c >= 0x20 && c != 0x7F && !c1)
            continue;
        rs__buf_append(b, s + run, i - run);
        /* a line end inside an evidence span (a word hyphenated across
         * lines) reads as a space */
        bool blank = c == '\t' || c == '\n' || c == '\r';
        rs__buf_puts(b, blank ? " " : "\xEF\xBF\xBD");
        if (c1)
            i++;
        run = i + 1;
    }
    return rs__buf_append(b, s + run, n - run);
}

bool rs__escape_csv(rs_buf *b, const char *s)
{
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    size_t n = strlen(s);
    if (!formula && !strpbrk(s, ",\"\r\n"))
        return rs__utf8_escape(b, s, n);
    rs__buf_putc(b, '"');
    if (formula)
        rs__buf_putc(b, '\'');
    size_t run = 0;   /* quotes doubled, invalid bytes (a file name's) as \xNN */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            rs__buf_append(b, s + run, i + 1 - run);
            run = i;   /* the quote is written again with the next run */
        } else if ((unsigned char)s[i] >= 0x80) {
            S_bad_byte(b, s, n, &i, &run);
        }
    }
    rs__buf_append(b, s + run, n - run);
    return rs__buf_putc(b, '"');
}

bool rs__clean_text(rs_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                  (unsigned char)s[i + 1] <= 0x9F;
        if (c >= 0x80 && !c1 && S_bad_byte(b, s, n, &i, &run))
            continue;
        if ((c >= 0x20 && c != 0x7F && !c1) || c == '\t' || c == '\n' || c == '\r')
            continue;
        rs__buf_append(b, s + run, i - run);
        rs__buf_puts(b, "\xEF\xBF\xBD");
        if (c1)
            i++;
        run = i + 1;
    }
    return rs__buf_append(b, s + run, n - run);
}

/* 1234567 -> "1,234,567" (a salary is never negative). */
static void S_thousands(char *out, size_t cap, long v)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%ld", v < 0 ? 0 : v);
    size_t o = 0;
    for (int i = 0; i < n && o + 1 < cap; i++) {
        if (i && (n - i) % 3 == 0 && o + 2 < cap)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o < cap ? o : cap - 1] = '\0';
}

void rs__salary_band(char *out, size_t cap, const rs_role_info *info)
{
    if (!cap)
        return;
    out[0] = '\0';
    if (!info->salary_currency)
        return;
    char lo[32], hi[32];
    S_thousands(lo, sizeof lo, info->salary_min);
    S_thousands(hi, sizeof hi, info->salary_max);
    snprintf(out, cap, "%s %s–%s a year, %s figures", info->salary_currency, lo, hi,
             info->salary_region ? info->salary_region : "unstated");
}

const char *rs_name_shown(const char *name, char *buf, size_t size)
{
    if (!buf || !size)
        return "";
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(name), o = 0;
    for (size_t i = 0; i < n && o + 1 < size;) {
        unsigned char c = (unsigned char)name[i];
        char esc[5] = {'\\', 'x', hex[c >> 4], hex[c & 15], '\0'};
        size_t k = c < 0x20 || c == 0x7F ? 0 : c < 0x80 ? 1 : rs__utf8_bad_byte(name, n, i, esc);
        const char *piece = k ? name + i : esc;
        size_t len = k ? k : 4;
        if (o + len >= size)
            break;
        memcpy(buf + o, piece, len);
        o += len;
        i += k ? k : 1;
    }
    buf[o] = '\0';
    return buf;
}
