/* escape.c — the one place where input text is made safe for an output:
 * terminals here; HTML and CSV escaping join it as those renderers land. */
#include "internal.h"

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
