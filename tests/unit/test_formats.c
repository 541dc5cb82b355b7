/* test_formats.c — format sniffing by content before extension, format
 * names, refusals with a message (legacy/encrypted Office, formats not in
 * the build), and paged text: evidence on page 2 says page 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"

static void test_sniff(void **state)
{
    (void)state;
    static const struct {
        const char *name, *bytes;
        rs_format want;
    } cases[] = {
        {"resume.txt", "%PDF-1.7\n...", RS_FORMAT_PDF},   /* content wins */
        {"x", "\n\n  %PDF-1.4", RS_FORMAT_PDF},
        {"a.bin", "PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text",
         RS_FORMAT_ODT},
        {"a.zip", "PK\x03\x04....[Content_Types].xml...word/document.xml", RS_FORMAT_DOCX},
        {"cv.docx", "PK\x03\x04", RS_FORMAT_DOCX},
        {"cv.odt", "PK\x03\x04", RS_FORMAT_ODT},
        {"page.txt", "  <!DOCTYPE html><html>", RS_FORMAT_HTML},
        {"page", "<HTML><body>x", RS_FORMAT_HTML},
        {"p.htm", "<p>hello", RS_FORMAT_HTML},    /* the name, when the content allows */
        {"p.htm", "hello", RS_FORMAT_TEXT},
        {"cv.pdf", "not really", RS_FORMAT_TEXT},
        {"notes.md", "# Resume\nGo", RS_FORMAT_TEXT},
        {NULL, "plain", RS_FORMAT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_format got = rs_format_sniff(cases[i].name, (const unsigned char *)cases[i].bytes,
                                        strlen(cases[i].bytes));
        if (got != cases[i].want)
            fail_msg("case %zu (%s): %s, want %s", i, cases[i].name ? cases[i].name : "-",
                     rs_format_name(got), rs_format_name(cases[i].want));
    }
}

static void test_names(void **state)
{
    (void)state;
    for (int f = RS_FORMAT_TEXT; f <= RS_FORMAT_PDF; f++)
        assert_int_equal(rs_format_from_name(rs_format_name((rs_format)f)), f);
    assert_int_equal(rs_format_from_name("PDF"), RS_FORMAT_PDF);
    assert_int_equal(rs_format_from_name("md"), RS_FORMAT_TEXT);
    assert_int_equal(rs_format_from_name("rtf"), RS_FORMAT_AUTO);
    assert_int_equal(rs_format_from_name(NULL), RS_FORMAT_AUTO);
    assert_string_equal(rs_format_name((rs_format)99), "auto");
}

static void test_legacy_office_refused(void **state)
{
    (void)state;
    static const unsigned char cfb[16] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    rs_text *t = (rs_text *)1;
    rs_error err = {0};
    assert_int_equal(rs_text_from_bytes("cv.docx", cfb, sizeof cfb, RS_FORMAT_AUTO, 0, &t, &err),
                     RS_ERR_FORMAT);
    assert_null(t);
    assert_non_null(strstr(err.message, "encrypted Office document"));
    assert_string_equal(err.file, "cv.docx");
}

static void test_text_and_html_through_one_door(void **state)
{
    (void)state;
    rs_text *t = NULL;
    rs_error err = {0};
    const char *html = "<html><body><h2>Skills</h2><p>Go &amp; Rust</p></body></html>";
    assert_int_equal(rs_text_from_bytes("x.txt", (const unsigned char *)html, strlen(html),
                                        RS_FORMAT_AUTO, 0, &t, &err), RS_OK);
    assert_non_null(strstr(rs_text_data(t), "Go & Rust"));
    rs_text_free(t);
    /* forced: the same bytes as text keep their markup */
    assert_int_equal(rs_text_from_bytes("x.txt", (const unsigned char *)html, strlen(html),
                                        RS_FORMAT_TEXT, 0, &t, &err), RS_OK);
    assert_non_null(strstr(rs_text_data(t), "&amp;"));
    rs_text_free(t);
}

static void test_not_a_pdf(void **state)
{
    (void)state;
    rs_text *t = NULL;
    rs_error err = {0};
    const char *junk = "%PDF-1.7\nthis is not a PDF at all\n";
    assert_int_equal(rs_text_from_bytes("broken.pdf", (const unsigned char *)junk, strlen(junk),
                                        RS_FORMAT_AUTO, 0, &t, &err), RS_ERR_FORMAT);
    assert_null(t);
    assert_string_equal(err.file, "broken.pdf");
    if (rs_format_supported(RS_FORMAT_PDF))
        assert_non_null(strstr(err.message, "not a readable PDF"));
    else
        assert_non_null(strstr(err.message, "not in this build"));
}

static void test_pages(void **state)
{
    (void)state;
    rs_text *t = NULL;
    rs_document *d = NULL;
    rs_error err = {0};
    const char *text = "one\ntwo\n\f\nthree\nfour\n\f\nfive\n";
    assert_int_equal(rs_text_decode("p", (const unsigned char *)text, strlen(text), 0, &t, &err),
                     RS_OK);
    assert_int_equal(rs_document_new(t, &d, &err), RS_OK);
    rs_position p = rs_document_position(d, (size_t)(strstr(text, "four") - text));
    assert_int_equal(p.line, 5);
    assert_int_equal(p.page, 2);
    assert_int_equal(p.page_line, 2);
    p = rs_document_position(d, (size_t)(strstr(text, "five") - text));
    assert_int_equal(p.page, 3);
    assert_int_equal(p.page_line, 1);
    p = rs_document_position(d, 0);
    assert_int_equal(p.page, 1);
    assert_int_equal(p.page_line, 1);
    rs_document_free(d);
    /* no form feed: no pages */
    assert_int_equal(rs_text_decode("q", (const unsigned char *)"a\nb\n", 4, 0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &d, &err), RS_OK);
    assert_int_equal(rs_document_position(d, 2).page, 0);
    rs_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_legacy_office_refused),
        cmocka_unit_test(test_text_and_html_through_one_door),
        cmocka_unit_test(test_not_a_pdf),
        cmocka_unit_test(test_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
