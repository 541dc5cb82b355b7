/* test_decode.c — stage 1: rs_text_decode and rs_text_read_file. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define LIT(s) (const unsigned char *)(s), (sizeof(s) - 1)

/* Decodes `len` bytes that must decode; checks the text is NUL-terminated
 * valid output of the expected encoding. */
static rs_text *decode_ok(const unsigned char *bytes, size_t len,
                          rs_encoding want_enc)
{
    rs_text *t = NULL;
    rs_error err = {0};
    rs_status st = rs_text_decode("t.txt", bytes, len, 0, &t, &err);
    if (st != RS_OK)
        print_error("unexpected failure: %s\n", err.message);
    assert_int_equal(st, RS_OK);
    assert_non_null(t);
    assert_int_equal(rs_text_encoding(t), want_enc);
    assert_string_equal(rs_text_name(t), "t.txt");
    assert_int_equal(strlen(rs_text_data(t)), rs_text_length(t));
    return t;
}

/* Decodes bytes that must be refused with `want`; returns the error. */
static rs_error decode_fail(const unsigned char *bytes, size_t len,
                            size_t max_len, rs_status want)
{
    rs_text *t = (rs_text *)(uintptr_t)1;
    rs_error err = {0};
    rs_status st = rs_text_decode("bad.bin", bytes, len, max_len, &t, &err);
    assert_int_equal(st, want);
    assert_int_equal(err.status, want);
    assert_null(t);
    assert_string_equal(err.file, "bad.bin");
    return err;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

static void test_plain_utf8(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("H\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80"),
                           RS_ENC_UTF8);
    assert_string_equal(rs_text_data(t), "H\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80");
    assert_null(rs_text_warning(t));
    assert_string_equal(rs_encoding_name(RS_ENC_UTF8), "UTF-8");
    rs_text_free(t);
}

static void test_utf8_bom_dropped(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("\xEF\xBB\xBF" "Caf\xC3\xA9"), RS_ENC_UTF8_BOM);
    assert_string_equal(rs_text_data(t), "Caf\xC3\xA9");
    assert_int_equal(rs_text_length(t), 5);
    assert_null(rs_text_warning(t));
    rs_text_free(t);
}

static void test_utf16le_with_surrogate_pair(void **state)
{
    (void)state;
    /* BOM, "A", U+00E9, U+1F600 (D83D DE00), "\r\n" */
    rs_text *t = decode_ok(LIT("\xFF\xFE" "A\0" "\xE9\0" "\x3D\xD8\x00\xDE" "\r\0\n\0"),
                           RS_ENC_UTF16LE);
    assert_string_equal(rs_text_data(t), "A\xC3\xA9\xF0\x9F\x98\x80\r\n");
    assert_null(rs_text_warning(t));
    rs_text_free(t);
}

static void test_utf16be_with_surrogate_pair(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("\xFE\xFF" "\0A" "\xD8\x3D\xDE\x00" "\0B" "\x20\xAC"),
                           RS_ENC_UTF16BE);
    assert_string_equal(rs_text_data(t), "A\xF0\x9F\x98\x80" "B\xE2\x82\xAC");
    assert_null(rs_text_warning(t));
    rs_text_free(t);
}

static void test_utf16_unpaired_high_surrogate(void **state)
{
    (void)state;
    /* LE: "A", lone D83D, "B" — the lone surrogate is at byte 4 */
    rs_text *t = decode_ok(LIT("\xFF\xFE" "A\0" "\x3D\xD8" "B\0"), RS_ENC_UTF16LE);
    assert_string_equal(rs_text_data(t), "A\xEF\xBF\xBD" "B");
    assert_contains(rs_text_warning(t), "U+FFFD");
    assert_contains(rs_text_warning(t), "byte 4");
    rs_text_free(t);
}

static void test_utf16_unpaired_low_surrogate(void **state)
{
    (void)state;
    /* BE: lone DE00 then "x", and a high surrogate at the very end */
    rs_text *t = decode_ok(LIT("\xFE\xFF" "\xDE\x00" "\0x" "\xD8\x3D"), RS_ENC_UTF16BE);
    assert_string_equal(rs_text_data(t), "\xEF\xBF\xBDx\xEF\xBF\xBD");
    assert_contains(rs_text_warning(t), "byte 2");
    rs_text_free(t);
}

/* rolescan.h gives odd-length UTF-16 as the example of RS_ERR_ENCODING; a
 * decoder that reads it anyway must at least not drop the odd byte unseen:
 * it becomes U+FFFD, as the warning says. */
static void test_utf16_odd_length(void **state)
{
    (void)state;
    static const unsigned char odd[] = "\xFF\xFE" "A\0" "B";
    rs_text *t = NULL;
    rs_error err = {0};
    rs_status st = rs_text_decode("odd.txt", odd, sizeof odd - 1, 0, &t, &err);
    if (st == RS_ERR_ENCODING) {
        assert_null(t);
        assert_string_equal(err.file, "odd.txt");
        return;
    }
    assert_int_equal(st, RS_OK);
    char data[16];
    snprintf(data, sizeof data, "%s", rs_text_data(t));
    char warning[256];
    snprintf(warning, sizeof warning, "%s", rs_text_warning(t) ? rs_text_warning(t) : "");
    rs_text_free(t);
    assert_non_null(strstr(warning, "byte 4"));
    assert_string_equal(data, "A\xEF\xBF\xBD");
}

static void test_utf16_nul_is_binary(void **state)
{
    (void)state;
    rs_error err = decode_fail(LIT("\xFF\xFE" "A\0" "\0\0" "B\0"), 0, RS_ERR_BINARY);
    assert_contains(err.message, "NUL");
}

static void test_windows_1252(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("Caf\xe9 \x93quoted\x94 \x96 dash"), RS_ENC_WINDOWS_1252);
    assert_string_equal(rs_text_data(t),
                        "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash");
    assert_contains(rs_text_warning(t), "byte 3");
    assert_contains(rs_text_warning(t), "Windows-1252");
    assert_string_equal(rs_encoding_name(RS_ENC_WINDOWS_1252), "Windows-1252");
    rs_text_free(t);
}

static void test_windows_1252_euro_and_latin1(void **state)
{
    (void)state;
    /* 0x80 is the euro sign; 0xA0..0xFF are Latin-1 */
    rs_text *t = decode_ok(LIT("x\n\x80 5 \xfc\xdf"), RS_ENC_WINDOWS_1252);
    assert_string_equal(rs_text_data(t), "x\n\xE2\x82\xAC 5 \xC3\xBC\xC3\x9F");
    assert_contains(rs_text_warning(t), "byte 2");
    assert_contains(rs_text_warning(t), "line 2");
    rs_text_free(t);
}

static void test_utf8_repaired(void **state)
{
    (void)state;
    /* two valid multi-byte sequences, one stray byte at offset 9 */
    rs_text *t = decode_ok(LIT("R\xC3\xA9sum\xC3\xA9 \xFF ok"), RS_ENC_UTF8_REPAIRED);
    assert_string_equal(rs_text_data(t), "R\xC3\xA9sum\xC3\xA9 \xEF\xBF\xBD ok");
    assert_contains(rs_text_warning(t), "byte 9");
    assert_contains(rs_text_warning(t), "U+FFFD");
    rs_text_free(t);
}

static void test_utf8_bom_then_repaired(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("\xEF\xBB\xBF\xC3\xA9\xC3\xA8 \x80"), RS_ENC_UTF8_REPAIRED);
    assert_string_equal(rs_text_data(t), "\xC3\xA9\xC3\xA8 \xEF\xBF\xBD");
    rs_text_free(t);
}

static void test_nul_byte_is_binary(void **state)
{
    (void)state;
    rs_error err = decode_fail(LIT("abc\0def"), 0, RS_ERR_BINARY);
    assert_contains(err.message, "NUL");
    assert_contains(err.message, "byte 3");
    assert_int_equal(err.line, 1);
}

static void test_binary_signatures(void **state)
{
    (void)state;
    rs_error e = decode_fail(LIT("\x89PNG\r\n\x1a\n rest"), 0, RS_ERR_BINARY);
    assert_contains(e.message, "PNG");
    e = decode_fail(LIT("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), 0, RS_ERR_BINARY);
    assert_contains(e.message, "PDF");
    e = decode_fail(LIT("PK\x03\x04\x14\x00\x06\x00"), 0, RS_ERR_BINARY);
    assert_contains(e.message, "ZIP");
}

static void test_size_limit(void **state)
{
    (void)state;
    rs_error e = decode_fail(LIT("0123456789A"), 10, RS_ERR_TOO_LARGE);
    assert_contains(e.message, "10");
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("ok", LIT("0123456789"), 10, &t, &err), RS_OK);
    assert_int_equal(rs_text_length(t), 10);
    rs_text_free(t);
}

static void test_empty_input(void **state)
{
    (void)state;
    rs_text *t = decode_ok((const unsigned char *)"", 0, RS_ENC_UTF8);
    assert_int_equal(rs_text_length(t), 0);
    assert_string_equal(rs_text_data(t), "");
    assert_null(rs_text_warning(t));
    rs_text_free(t);
}

static void test_line_ends_preserved(void **state)
{
    (void)state;
    rs_text *t = decode_ok(LIT("one\r\ntwo\rthree\nfour\r\n"), RS_ENC_UTF8);
    assert_memory_equal(rs_text_data(t), "one\r\ntwo\rthree\nfour\r\n", 22);
    assert_int_equal(rs_text_length(t), 21);
    rs_text_free(t);
}

static void test_read_missing_file(void **state)
{
    (void)state;
    const char *path = RS_TEST_DATA "/no-such-dir/missing-resume.txt";
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_read_file(path, 0, &t, &err), RS_ERR_IO);
    assert_null(t);
    assert_int_equal(err.status, RS_ERR_IO);
    assert_string_equal(err.file, path);
    assert_contains(err.file, "missing-resume.txt");
}

static void test_read_file(void **state)
{
    (void)state;
    char path[] = "/tmp/rs_decode_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char body[] = "\xEF\xBB\xBFline 1\r\nline \xC3\xA9\n";
    assert_int_equal(write(fd, body, sizeof body - 1), (ssize_t)(sizeof body - 1));
    close(fd);
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_read_file(path, 0, &t, &err), RS_OK);
    assert_string_equal(rs_text_data(t), "line 1\r\nline \xC3\xA9\n");
    assert_int_equal(rs_text_encoding(t), RS_ENC_UTF8_BOM);
    assert_string_equal(rs_text_name(t), path);
    rs_text_free(t);
    t = NULL;
    assert_int_equal(rs_text_read_file(path, 4, &t, &err), RS_ERR_TOO_LARGE);
    assert_null(t);
    assert_string_equal(err.file, path);
    unlink(path);
}

/* An empty file has no buffer at all: decoding it must not touch one. */
static void test_read_empty_file(void **state)
{
    (void)state;
    char path[] = "/tmp/rolescan-empty-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_read_file(path, 0, &t, &err), RS_OK);
    assert_int_equal(rs_text_length(t), 0);
    assert_string_equal(rs_text_data(t), "");
    assert_null(rs_text_warning(t));
    rs_text_free(t);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_utf8),
        cmocka_unit_test(test_utf8_bom_dropped),
        cmocka_unit_test(test_utf16le_with_surrogate_pair),
        cmocka_unit_test(test_utf16be_with_surrogate_pair),
        cmocka_unit_test(test_utf16_unpaired_high_surrogate),
        cmocka_unit_test(test_utf16_unpaired_low_surrogate),
        cmocka_unit_test(test_utf16_odd_length),
        cmocka_unit_test(test_utf16_nul_is_binary),
        cmocka_unit_test(test_windows_1252),
        cmocka_unit_test(test_windows_1252_euro_and_latin1),
        cmocka_unit_test(test_utf8_repaired),
        cmocka_unit_test(test_utf8_bom_then_repaired),
        cmocka_unit_test(test_nul_byte_is_binary),
        cmocka_unit_test(test_binary_signatures),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_line_ends_preserved),
        cmocka_unit_test(test_read_missing_file),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_read_empty_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
