/* test_dynlib.c — a library opened on first use (src/util/dynlib.c): its
 * functions callable once loaded, a missing library or symbol refused with
 * what to install, and a failure kept rather than retried. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/dynlib.h"

static void test_loads_and_calls(void **state)
{
    (void)state;
    static const char *const names[] = {"cos", "sqrt", NULL};
    static rs_dynfn fns[2];
    static rs_dynlib lib = RS_DYNLIB_INIT("libm.so.6", "libc6", names, fns);
    rs_error err = {0};
    assert_int_equal(rs__dynlib_load(&lib, "x.pdf", "a test", &err), RS_OK);
    double (*root)(double) = (double (*)(double))fns[1];
    assert_true(root(16.0) == 4.0);
    assert_int_equal(rs__dynlib_load(&lib, "x.pdf", "a test", &err), RS_OK);   /* once */
}

static void test_missing_library(void **state)
{
    (void)state;
    static const char *const names[] = {"nothing", NULL};
    static rs_dynfn fns[1];
    static rs_dynlib lib = RS_DYNLIB_INIT("librolescan-absent.so.9", "librolescan-absent9",
                                          names, fns);
    rs_error err = {0};
    assert_int_equal(rs__dynlib_load(&lib, "cv.pdf", "a PDF", &err), RS_ERR_FORMAT);
    assert_string_equal(err.file, "cv.pdf");
    assert_non_null(strstr(err.message, "reading a PDF needs librolescan-absent.so.9"));
    assert_non_null(strstr(err.message, "apt-get install librolescan-absent9"));
    rs_error again = {0};   /* the failure is kept, and said again */
    assert_int_equal(rs__dynlib_load(&lib, "cv2.pdf", "a PDF", &again), RS_ERR_FORMAT);
    assert_string_equal(again.file, "cv2.pdf");
}

static void test_missing_symbol(void **state)
{
    (void)state;
    static const char *const names[] = {"cos", "rs_no_such_function", NULL};
    static rs_dynfn fns[2];
    static rs_dynlib lib = RS_DYNLIB_INIT("libm.so.6", "libc6", names, fns);
    rs_error err = {0};
    assert_int_equal(rs__dynlib_load(&lib, "x.docx", "a DOCX", &err), RS_ERR_FORMAT);
    assert_non_null(strstr(err.message, "has no rs_no_such_function"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_and_calls),
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_missing_symbol),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
