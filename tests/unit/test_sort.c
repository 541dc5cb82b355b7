/* test_sort.c — the pipeline's sort (src/util/sort.c): the order qsort
 * gives, equal elements kept in their order, for arrays already in order,
 * short ones (insertion) and long ones (qsort), and elements too large to
 * hold aside. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct item {
    int key;
    int seq;              /* input position: equal keys must keep its order */
    char pad[300];        /* only in the large variant's view */
} item;

typedef struct small {
    int key, seq;
} small;

static int S_cmp_small(const void *x, const void *y)
{
    const small *a = x, *b = y;
    return (a->key > b->key) - (a->key < b->key);
}

static int S_cmp_item(const void *x, const void *y)
{
    const item *a = x, *b = y;
    return (a->key > b->key) - (a->key < b->key);
}

static void S_check_small(size_t n, unsigned seed, int keys)
{
    small *v = malloc(n * sizeof *v);
    assert_non_null(v);
    srand(seed);
    for (size_t i = 0; i < n; i++)
        v[i] = (small){keys ? rand() % keys : (int)i, (int)i};
    rs__sort(v, n, sizeof *v, S_cmp_small);
    for (size_t i = 1; i < n; i++) {
        assert_true(v[i - 1].key <= v[i].key);
        if (v[i - 1].key == v[i].key && (n <= 24 || !keys))   /* ours, not libc's */
            assert_true(v[i - 1].seq < v[i].seq);   /* stable */
    }
    free(v);
}

static void test_orders_and_keeps_equal_elements(void **state)
{
    (void)state;
    for (size_t n = 0; n < 70; n++) {
        S_check_small(n, (unsigned)n, 5);      /* many ties */
        S_check_small(n, (unsigned)n + 99, 0); /* already in order */
        S_check_small(n, (unsigned)n + 7, 1000);
    }
    S_check_small(5000, 3, 50);
}

static void test_large_elements(void **state)
{
    (void)state;
    item v[10];
    for (int i = 0; i < 10; i++)
        v[i] = (item){10 - i, i, {0}};
    rs__sort(v, 10, sizeof *v, S_cmp_item);
    for (int i = 0; i < 10; i++)
        assert_int_equal(v[i].key, i + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_orders_and_keeps_equal_elements),
        cmocka_unit_test(test_large_elements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
