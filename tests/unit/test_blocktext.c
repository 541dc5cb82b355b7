/* test_blocktext.c — the block-text writer the readers share
 * (src/input/blocktext.c): the blank-line rule and its cap, blanks folded
 * or kept, list items, one-line and verbatim text, the limit, and
 * allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failing_alloc.h"

#include <string.h>

#include "input/blocktext.h"

#define HTML (RS_BT_COLLAPSE | RS_BT_HTML_BLANKS | RS_BT_TWO_BLANKS)

typedef struct S_fix {
    rs_buf b;
    rs_bt w;
} S_fix;

static void S_start(S_fix *f, size_t max, unsigned flags)
{
    rs__buf_init(&f->b, 0);
    rs__bt_init(&f->w, &f->b, max, flags);
}

static void S_put(S_fix *f, const char *s) { rs__bt_text(&f->w, s, strlen(s), false); }

/* Ends the text and checks it; the buffer is freed. */
static void S_expect(S_fix *f, const char *want)
{
    assert_int_equal(rs__bt_end(&f->w), RS_OK);
    assert_false(f->b.failed);
    assert_string_equal(f->b.data ? f->b.data : "", want);
    rs__buf_free(&f->b);
}

/* Line ends are owed: the largest request wins, none lead, none trail. */
static void test_blank_line_rule(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, HTML);
    rs__bt_lines(&f.w, 2);   /* before any text: dropped */
    S_put(&f, "Title");
    rs__bt_lines(&f.w, 2);
    rs__bt_lines(&f.w, 1);
    S_put(&f, "para");
    rs__bt_lines(&f.w, 1);
    S_put(&f, "line");
    rs__bt_lines(&f.w, 2);
    S_expect(&f, "Title\n\npara\nline");
}

/* Hard breaks add up to the cap: one blank line, or two with
 * RS_BT_TWO_BLANKS; the final line end only with RS_BT_FINAL_NEWLINE. */
static void test_break_cap(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, RS_BT_FINAL_NEWLINE);
    S_put(&f, "a");
    for (int i = 0; i < 5; i++)
        rs__bt_break(&f.w);
    S_put(&f, "b");
    rs__bt_break(&f.w);
    S_expect(&f, "a\n\nb\n");
    S_start(&f, 0, HTML);
    S_put(&f, "a");
    for (int i = 0; i < 5; i++)
        rs__bt_break(&f.w);
    S_put(&f, "b");
    S_expect(&f, "a\n\n\nb");
    S_start(&f, 0, RS_BT_FINAL_NEWLINE);
    rs__bt_break(&f.w);
    S_expect(&f, "");   /* no text, no line end */
}

/* HTML's blanks fold into one (U+00A0 among them) and never start or end
 * a line. */
static void test_collapse(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, HTML);
    S_put(&f, "  \t Go \n\n \xC2\xA0 Rust\f\v ");
    S_put(&f, " C\x01 ");
    rs__bt_lines(&f.w, 1);
    S_put(&f, " x");
    S_expect(&f, "Go Rust C\x01\nx");
}

/* Without RS_BT_COLLAPSE each blank stays (a tab as a tab, a line end as
 * a blank) and controls are dropped; a line's end still trims them. */
static void test_kept_blanks(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, 0);
    S_put(&f, " a  b\tc\nd\x01\x7f  ");
    rs__bt_blanks(&f.w, ' ', 40);
    rs__bt_lines(&f.w, 1);
    rs__bt_blanks(&f.w, ' ', 3);   /* at a line's start: none */
    S_put(&f, "e");
    rs__bt_blanks(&f.w, '\t', 1);
    S_put(&f, "f");
    S_expect(&f, "a  b\tc d\x7f\ne\tf");
}

/* With keep_lines a '\n' in the text is a hard break. */
static void test_keep_lines(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, HTML);
    const char *s = "a  b\n\n\n\n\nc";
    rs__bt_text(&f.w, s, strlen(s), true);
    S_expect(&f, "a b\n\n\nc");
}

/* An item's "- " (indented by level) comes before its first text; an item
 * without text shows none. */
static void test_items(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, HTML);
    S_put(&f, "Skills");
    rs__bt_item(&f.w, 0);
    S_put(&f, "Go");
    rs__bt_item_end(&f.w);
    rs__bt_item(&f.w, 1);
    S_put(&f, "Rust");
    rs__bt_item_end(&f.w);
    rs__bt_item(&f.w, 0);
    rs__bt_item_end(&f.w);
    S_put(&f, "end");
    S_expect(&f, "Skills\n- Go\n  - Rust\nend");
}

/* RS_BT_ONE_LINE: line ends become one blank, items show no "- ". */
static void test_one_line(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, HTML | RS_BT_ONE_LINE);
    rs__bt_lines(&f.w, 2);
    S_put(&f, "Senior ");
    rs__bt_break(&f.w);
    rs__bt_break(&f.w);
    rs__bt_item(&f.w, 2);
    S_put(&f, "Engineer ");
    S_expect(&f, "Senior Engineer");
}

/* RS_BT_VERBATIM writes text and breaks as they come; a page ends with a
 * form feed on a line of its own. */
static void test_verbatim_pages(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, RS_BT_VERBATIM);
    rs__bt_page(&f.w);
    S_put(&f, "  a \n\n b ");
    rs__bt_break(&f.w);
    rs__bt_page(&f.w);
    S_expect(&f, "\n\f\n  a \n\n b \n\n\f\n");
}

/* Past the limit is RS_ERR_TOO_LARGE, counted from where the writer
 * began; nothing more is written after a failure. */
static void test_limit(void **state)
{
    (void)state;
    S_fix f;
    S_start(&f, 0, 0);
    rs__buf_append(&f.b, "before", 6);
    rs__bt_init(&f.w, &f.b, 5, 0);
    S_put(&f, "abcde");
    assert_int_equal(f.w.st, RS_OK);
    S_put(&f, " f");
    assert_int_equal(rs__bt_end(&f.w), RS_ERR_TOO_LARGE);
    assert_string_equal(f.b.data, "beforeabcde");
    rs__buf_free(&f.b);
}

/* Failing each allocation in turn gives RS_ERR_NOMEM, the buffer marked
 * failed, and no crash in what follows. */
static void test_allocation_failures(void **state)
{
    (void)state;
    rs_status st = RS_ERR_NOMEM;
    for (size_t n = 0; st == RS_ERR_NOMEM; n++) {
        assert_true(n < 100);
        S_allocs_left = n;
        rs_set_allocator(failing_malloc, failing_realloc, free);
        S_fix f;
        S_start(&f, 0, RS_BT_FINAL_NEWLINE);
        for (int i = 0; i < 40; i++) {
            rs__bt_item(&f.w, 0);
            S_put(&f, "a line of text that grows the buffer");
            rs__bt_blanks(&f.w, ' ', 3);
            rs__bt_item_end(&f.w);
            rs__bt_break(&f.w);
        }
        st = rs__bt_end(&f.w);
        rs_set_allocator(NULL, NULL, NULL);
        if (st == RS_ERR_NOMEM)
            assert_true(f.b.failed);
        else
            assert_int_equal(st, RS_OK);
        rs__buf_free(&f.b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank_line_rule),
        cmocka_unit_test(test_break_cap),
        cmocka_unit_test(test_collapse),
        cmocka_unit_test(test_kept_blanks),
        cmocka_unit_test(test_keep_lines),
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_one_line),
        cmocka_unit_test(test_verbatim_pages),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
