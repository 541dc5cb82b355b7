/* sort.c — the one sort the pipeline uses per document. Its arrays are
 * short and mostly in order already (matches, hits and ranges come in text
 * order), where glibc's qsort still pays a merge sort's calls and a
 * temporary buffer: an ordered array costs one pass here, a short one an
 * insertion sort, anything else qsort. The first two keep equal elements
 * in their order, as glibc's qsort (a merge sort) does. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define S_SHORT 24          /* insertion sort up to this many elements */
#define S_MAX_ELEMENT 256   /* bytes of one element held aside while shifting */

static bool S_ordered(const char *a, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    for (size_t i = 1; i < n; i++)
        if (cmp(a + (i - 1) * size, a + i * size) > 0)
            return false;
    return true;
}

static void S_insertion(char *a, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char held[S_MAX_ELEMENT];
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        while (j > 0 && cmp(a + (j - 1) * size, a + i * size) > 0)
            j--;
        if (j == i)
            continue;
        memcpy(held, a + i * size, size);
        memmove(a + (j + 1) * size, a + j * size, (i - j) * size);
        memcpy(a + j * size, held, size);
    }
}

void rs__sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char *a = base;
    if (n < 2 || S_ordered(a, n, size, cmp))
        return;
    if (n <= S_SHORT && size <= S_MAX_ELEMENT)
        S_insertion(a, n, size, cmp);
    else
        qsort(a, n, size, cmp);
}
