/* escape.c — the one place where input text is made safe for an output:
 * terminals, CSV and HTML text (JSON strings: the yajl writer, json.c). */
#include "internal.h"
#include "render/render_internal.h"

#include <stdio.h>
#include <string.h>

bool rs__escape_terminal(rs_buf *b, const char *s, size_t n)
{
    size_t run = 0;   /* start of the pending run of safe bytes */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                  (unsigned char)s[i + 1] <= 0x9F;
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
    if (!formula && !strpbrk(s, ",\"\r\n"))
        return rs__buf_puts(b, s);
    rs__buf_putc(b, '"');
    if (formula)
        rs__buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            rs__buf_putc(b, '"');
        rs__buf_putc(b, *p);
    }
    return rs__buf_putc(b, '"');
}

bool rs__clean_text(rs_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool c1 = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                  (unsigned char)s[i + 1] <= 0x9F;
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
