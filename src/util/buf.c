/* buf.c — a growable byte buffer with an optional cap; an append that would
 * pass the cap or cannot allocate marks the buffer failed, so a writer can
 * check once at the end. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

void rs__buf_init(rs_buf *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max;
}

bool rs__buf_append(rs_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return false;
    if (b->max && (n > b->max || b->len > b->max - n)) {
        b->failed = true;
        return false;
    }
    if (b->len + n + 1 > b->cap && !rs__grow((void **)&b->data, &b->cap, b->len + n + 1, 1)) {
        b->failed = true;
        return false;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool rs__buf_puts(rs_buf *b, const char *s) { return rs__buf_append(b, s, strlen(s)); }

bool rs__buf_putc(rs_buf *b, char c) { return rs__buf_append(b, &c, 1); }

bool rs__buf_printf(rs_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return false;
    }
    if ((size_t)n < sizeof small)
        return rs__buf_append(b, small, (size_t)n);
    char *big = rs__malloc((size_t)n + 1);
    if (!big) {
        b->failed = true;
        return false;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bool ok = rs__buf_append(b, big, (size_t)n);
    rs__free(big);
    return ok;
}

char *rs__buf_detach(rs_buf *b, size_t *len)
{
    if (b->failed) {
        rs__buf_free(b);
        return NULL;
    }
    if (!b->data && !rs__buf_append(b, "", 0))
        return NULL;
    char *d = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void rs__buf_free(rs_buf *b)
{
    rs__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
