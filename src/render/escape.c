/* escape.c — the one place where input text is made safe for an output:
 * terminals, CSV and JSON strings written without a tree. */
#include "internal.h"

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

bool rs__escape_json(rs_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    rs__buf_putc(b, '"');
    const char *run = s;   /* start of the pending run of plain bytes */
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rs__buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': rs__buf_puts(b, "\\\""); break;
        case '\\': rs__buf_puts(b, "\\\\"); break;
        case '\n': rs__buf_puts(b, "\\n"); break;
        case '\r': rs__buf_puts(b, "\\r"); break;
        case '\t': rs__buf_puts(b, "\\t"); break;
        case '\b': rs__buf_puts(b, "\\b"); break;
        case '\f': rs__buf_puts(b, "\\f"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], '\0'};
            rs__buf_puts(b, u);
        }
        }
    }
    rs__buf_puts(b, run);
    return rs__buf_putc(b, '"');
}

bool rs__json_real(rs_buf *b, double v)
{
    char num[40];
    snprintf(num, sizeof num, "%.6g", v);
    if (!strpbrk(num, ".eEn"))   /* "50" -> "50.0"; inf/nan never reach here */
        strcat(num, ".0");
    return rs__buf_puts(b, num);
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
