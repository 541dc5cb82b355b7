/* failing_alloc.h — an allocator that fails once a budget of allocations
 * is spent, for the tests that fail every allocation of a path in turn
 * (set S_allocs_left, install with rs_set_allocator(failing_malloc,
 * failing_realloc, free), restore with rs_set_allocator(NULL, NULL, NULL)).
 * Include after <cmocka.h>. */
#ifndef RS_TEST_FAILING_ALLOC_H
#define RS_TEST_FAILING_ALLOC_H

#include <stdlib.h>

static size_t S_allocs_left;

static void *failing_malloc(size_t n)
{
    if (S_allocs_left == 0)
        return NULL;
    S_allocs_left--;
    return malloc(n);
}

static void *failing_realloc(void *p, size_t n)
{
    if (S_allocs_left == 0)
        return NULL;
    S_allocs_left--;
    return realloc(p, n);
}

#endif
