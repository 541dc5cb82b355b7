/* test_readers_extra.c — the rarer paths of the readers (src/input), the
 * lexicon loader (src/lexicon) and the matcher (src/scan) that the other
 * unit tests and the golden tests leave unrun (found with
 * scripts/coverage.sh): argument checks, read errors, size and count
 * limits, prefixed roots, version joining, JSON-LD shapes, UTF-8 repair of
 * overlong and surrogate sequences, and the matcher's employer and title
 * trimming, years and rung suggestions. Allocation failures are left to
 * tests/fault. Lexicon folders are written to a temporary folder per test. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"
#include "lexicon/lexicon_internal.h"
#include "match_support.h"
#include "internal.h"
#include "scan/qualify.h"

#define LIT(s) (const unsigned char *)(s), (sizeof(s) - 1)

static void assert_contains(const char *hay, const char *needle)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

/* Whether s is valid UTF-8 (no cut sequence at its end). */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t k = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3
                 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        if (!k)
            return false;
        for (size_t i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += k;
    }
    return true;
}

/* ---- temporary lexicon folders ------------------------------------------- */

typedef struct tmpdir {
    char path[64];
} tmpdir;

static tmpdir tmp_new(void)
{
    tmpdir d;
    snprintf(d.path, sizeof d.path, "/tmp/rs-extra-XXXXXX");
    assert_non_null(mkdtemp(d.path));
    return d;
}

static void tmp_write(const tmpdir *d, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", d->path, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fail_msg("f is NULL");
        return;
    }
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

static void tmp_remove(tmpdir *d)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->path);
    assert_int_equal(system(cmd), 0);
}

#define LEX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define LEX_NS "urn:rolescan:lexicon:1"

static rs_lexicon *lex_ok(const tmpdir *d)
{
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    rs_status st = rs_lexicon_load(d->path, &lex, &err);
    if (st != RS_OK)
        fail_msg("%s: %s:%u: %s", d->path, err.file, err.line, err.message);
    if (!lex)
        fail_msg("lex is NULL");
    return lex;
}

static rs_error lex_fails(const tmpdir *d, rs_status want)
{
    rs_lexicon *lex = (rs_lexicon *)(uintptr_t)1;
    rs_error err = {0};
    rs_status st = rs_lexicon_load(d->path, &lex, &err);
    if (st != want)
        fail_msg("status %d (%s:%u: %s), want %d", (int)st, err.file, err.line, err.message,
                 (int)want);
    assert_int_equal(err.status, want);
    assert_null(lex);
    return err;
}

/* ---- lexicon loader -------------------------------------------------------- */

static void test_lexicon_arguments(void **state)
{
    (void)state;
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load(NULL, &lex, &err), RS_ERR_ARG);
    assert_contains(err.message, "no lexicon folder given");
    memset(&err, 0, sizeof err);
    assert_int_equal(rs_lexicon_load(RS_TEST_DATA "/mini", NULL, &err), RS_ERR_ARG);
    /* an unknown category name is its own label, and has no index */
    assert_string_equal(rs_category_label("no-such-category"), "no-such-category");
    assert_string_equal(rs_category_label("ci_cd"), "CI/CD");
    assert_int_equal(rs__category_index("no-such-category"), -1);
}

/* Two files: versions joined in order with '+', a repeated version once;
 * an alias written with blanks around it is trimmed; a root written with
 * a namespace prefix is a lexicon all the same; two skills' patterns on
 * one trigger share its term. */
static void test_lexicon_two_files(void **state)
{
    (void)state;
    tmpdir d = tmp_new();
    tmp_write(&d, "a.xml", LEX_HEAD
              "<lexicon xmlns=\"" LEX_NS "\" name=\"a\" version=\"2.1.0\">\n"
              "  <skill id=\"rust\" name=\"Rust\" category=\"language\">\n"
              "    <alias>\n   Rust \t\n</alias>\n"
              "    <pattern trigger=\"iso\">iso\\s?27001</pattern>\n"
              "  </skill>\n"
              "</lexicon>\n");
    tmp_write(&d, "b.xml", LEX_HEAD
              "<!-- a prefixed root -->\n"
              "<lx:lexicon xmlns:lx=\"" LEX_NS "\" name=\"b\" version=\"1.0.0\">\n"
              "  <lx:skill id=\"iso-9001\" name=\"ISO 9001\" category=\"practice\">\n"
              "    <lx:pattern trigger=\"iso\">iso\\s?9001</lx:pattern>\n"
              "  </lx:skill>\n"
              "</lx:lexicon>\n");
    tmp_write(&d, "c.xml", LEX_HEAD
              "<lexicon xmlns=\"" LEX_NS "\" name=\"c\" version=\"1.0.0\">\n"
              "  <skill id=\"zig\" name=\"Zig\" category=\"language\"><alias>Zig</alias></skill>\n"
              "</lexicon>\n");
    rs_lexicon *lex = lex_ok(&d);
    assert_string_equal(rs_lexicon_version(lex), "1.0.0+2.1.0");
    rs_lexicon_stats s = rs_lexicon_get_stats(lex);
    assert_int_equal(s.files, 3);
    assert_int_equal(s.skills, 3);
    assert_int_equal(s.patterns, 2);
    size_t rust = rs_lexicon_find(lex, "rust");
    assert_int_not_equal(rust, RS_NOT_FOUND);
    assert_string_equal(rs_lexicon_alias(lex, rust, 0).term, "Rust");

    /* both patterns answer to the one trigger "iso" */
    rs_text *t = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    rs_error err = {0};
    static const char text[] = "Certified: ISO 9001 and ISO 27001.\n";
    assert_int_equal(rs_text_decode("t.txt", LIT(text), 0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(lex, doc, &scan, &err), RS_OK);
    bool iso9001 = false, rust_found = false;
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++) {
        const char *id = rs_lexicon_skill(lex, rs_scan_hit(scan, i)->skill).id;
        iso9001 |= strcmp(id, "iso-9001") == 0;
        rust_found |= strcmp(id, "rust") == 0;
    }
    assert_true(iso9001);
    assert_true(rust_found);   /* by its pattern: the text has no "Rust" */
    rs_scan_free(scan);
    rs_document_free(doc);
    rs_lexicon_free(lex);
    tmp_remove(&d);
}

/* Patterns are at most 400 characters and triggers 120: longer ones are
 * refused with the file and the pattern's line. */
static void test_lexicon_pattern_lengths(void **state)
{
    (void)state;
    char long_pattern[420], long_trigger[140];
    memset(long_pattern, 'x', 401);
    long_pattern[401] = '\0';
    memset(long_trigger, 'y', 121);
    long_trigger[121] = '\0';
    const struct {
        const char *pattern, *trigger, *word;
    } cases[] = {
        {long_pattern, "x", "pattern is 401 characters; 1 to 400 allowed"},
        {"y+", long_trigger, "trigger is 121 characters; 1 to 120 allowed"},
    };
    for (size_t i = 0; i < 2; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml, LEX_HEAD
                 "<lexicon xmlns=\"" LEX_NS "\" name=\"long\" version=\"1.0\">\n"
                 "  <skill id=\"long\" name=\"Long\" category=\"tool\">\n"
                 "    <pattern trigger=\"%s\">%s</pattern>\n"
                 "  </skill>\n"
                 "</lexicon>\n", cases[i].trigger, cases[i].pattern);
        tmpdir d = tmp_new();
        tmp_write(&d, "long.xml", xml);
        rs_error err = lex_fails(&d, RS_ERR_LEXICON);
        assert_contains(err.file, "long.xml");
        assert_int_equal(err.line, 4);
        assert_contains(err.message, cases[i].word);
        tmp_remove(&d);
    }
}

/* An XML declaration or a comment left open is not well-formed. */
static void test_lexicon_unterminated_prolog(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "<?xml version=\"1.0\" <lexicon xmlns=\"" LEX_NS "\" name=\"a\" version=\"1\"/>\n",
        "<!-- never closed <lexicon xmlns=\"" LEX_NS "\" name=\"a\" version=\"1\"/>\n",
    };
    for (size_t i = 0; i < 2; i++) {
        tmpdir d = tmp_new();
        tmp_write(&d, "bad.xml", bad[i]);
        rs_error err = lex_fails(&d, RS_ERR_LEXICON);
        assert_contains(err.file, "bad.xml");
        assert_true(err.message[0] != '\0');
        tmp_remove(&d);
    }
}

/* A listed file that cannot be opened (a dangling link) or read (a
 * folder named *.xml) fails with RS_ERR_IO naming it. */
static void test_lexicon_unreadable_files(void **state)
{
    (void)state;
    tmpdir d = tmp_new();
    char path[256];
    snprintf(path, sizeof path, "%s/gone.xml", d.path);
    assert_int_equal(symlink("/nonexistent/rs-extra/none.xml", path), 0);
    rs_error err = lex_fails(&d, RS_ERR_IO);
    assert_contains(err.file, "gone.xml");
    assert_contains(err.message, "cannot open");
    tmp_remove(&d);

    d = tmp_new();
    snprintf(path, sizeof path, "%s/folder.xml", d.path);
    assert_int_equal(mkdir(path, 0700), 0);
    err = lex_fails(&d, RS_ERR_IO);
    assert_contains(err.file, "folder.xml");
    assert_contains(err.message, "read error");
    tmp_remove(&d);
}

/* A lexicon file over 32 MiB is refused before it is parsed. */
static void test_lexicon_file_too_large(void **state)
{
    (void)state;
    tmpdir d = tmp_new();
    char path[256];
    snprintf(path, sizeof path, "%s/huge.xml", d.path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 33L * 1024 * 1024), 0);   /* sparse */
    assert_int_equal(close(fd), 0);
    rs_error err = lex_fails(&d, RS_ERR_TOO_LARGE);
    assert_contains(err.file, "huge.xml");
    assert_contains(err.message, "lexicon file over");
    tmp_remove(&d);
}

/* More than 1,000 lexicon files in a folder is a limit, not a load. */
static void test_lexicon_too_many_files(void **state)
{
    (void)state;
    tmpdir d = tmp_new();
    for (int i = 0; i <= 1000; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%04d.xml", i);
        tmp_write(&d, name, "");
    }
    rs_error err = lex_fails(&d, RS_ERR_LIMIT);
    assert_contains(err.message, "more than 1000 lexicon files");
    tmp_remove(&d);
}

/* ---- decoding and formats ----------------------------------------------- */

static void test_decode_arguments(void **state)
{
    (void)state;
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("a.txt", LIT("x"), 0, NULL, &err), RS_ERR_ARG);
    assert_contains(err.message, "no output or no input");
    assert_int_equal(rs_text_decode("a.txt", NULL, 3, 0, &t, &err), RS_ERR_ARG);
    assert_int_equal(rs_text_read_file(RS_TEST_DATA "/hostile-resume.txt", 0, NULL, &err),
                     RS_ERR_ARG);
    assert_contains(err.message, "no output");
    assert_int_equal(rs_text_from_bytes("a.txt", LIT("x"), RS_FORMAT_TEXT, 0, NULL, &err),
                     RS_ERR_ARG);
    assert_int_equal(rs_text_read_any(RS_TEST_DATA "/hostile-resume.txt", RS_FORMAT_AUTO, 0,
                                      NULL, &err), RS_ERR_ARG);
    assert_string_equal(rs_encoding_name(RS_ENC_UTF8_REPAIRED), "UTF-8 (repaired)");
    assert_string_equal(rs_encoding_name((rs_encoding)77), "unknown");
}

/* Reading a folder: opened, but its read fails. */
static void test_read_folder(void **state)
{
    (void)state;
    rs_text *t = (rs_text *)(uintptr_t)1;
    rs_error err = {0};
    assert_int_equal(rs_text_read_file(RS_TEST_DATA, 0, &t, &err), RS_ERR_IO);
    assert_null(t);
    assert_contains(err.message, "read error");
    assert_string_equal(err.file, RS_TEST_DATA);
    t = (rs_text *)(uintptr_t)1;
    assert_int_equal(rs_text_read_any(RS_TEST_DATA, RS_FORMAT_AUTO, 0, &t, &err), RS_ERR_IO);
    assert_null(t);
}

/* Overlong forms, encoded surrogates and code points past U+10FFFF are
 * invalid UTF-8: with more valid sequences than bad bytes, each bad byte
 * becomes U+FFFD. */
static void test_decode_overlong_and_surrogates(void **state)
{
    (void)state;
    static const char in[] = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                             "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                             " \xE0\x80\xAF \xED\xA0\x80 \xF4\x90\x80\x80.";
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("u.txt", LIT(in), 0, &t, &err), RS_OK);
    assert_int_equal(rs_text_encoding(t), RS_ENC_UTF8_REPAIRED);
    const char *d = rs_text_data(t);
    assert_int_equal(memcmp(d, in, 25), 0);   /* twelve é and a blank, as they were */
    /* 3 + 3 + 4 bad bytes, each one U+FFFD */
    size_t fffd = 0;
    for (const char *p = d; (p = strstr(p, "\xEF\xBF\xBD")) != NULL; p += 3)
        fffd++;
    assert_int_equal(fffd, 10);
    assert_true(valid_utf8(d));
    assert_contains(rs_text_warning(t), "invalid UTF-8 at byte 25");
    assert_contains(rs_text_warning(t), "10 invalid bytes replaced by U+FFFD");
    rs_text_free(t);
}

/* An extension the content contradicts does not decide: such a file is
 * read as text, and says so; a format value no build knows is refused. */
static void test_formats_by_extension(void **state)
{
    (void)state;
    assert_int_equal(rs_format_sniff("cv.docx", LIT("plain words")), RS_FORMAT_TEXT);
    assert_int_equal(rs_format_sniff("cv.ODT", LIT("plain words")), RS_FORMAT_TEXT);
    assert_int_equal(rs_format_sniff("cv.htm", LIT("plain words")), RS_FORMAT_TEXT);
    assert_int_equal(rs_format_sniff("cv.htm", LIT("<p>plain</p> words")), RS_FORMAT_HTML);
    assert_int_equal(rs_format_sniff("cv.HTML", LIT("a < b, b > c")), RS_FORMAT_TEXT);
    assert_int_equal(rs_format_sniff(NULL, LIT("plain words")), RS_FORMAT_TEXT);
    static const struct {
        const char *name, *says;
    } misnamed[] = {{"posting.html", "named as HTML but holds no markup"},
                    {"cv.pdf", "named as a PDF but is not one"},
                    {"cv.docx", "named as a DOCX or ODT but is not a zip package"}};
    for (size_t i = 0; i < sizeof misnamed / sizeof *misnamed; i++) {
        rs_text *t = NULL;
        rs_error err = {0};
        assert_int_equal(rs_text_from_bytes(misnamed[i].name, LIT("Go and SQL"),
                                            RS_FORMAT_AUTO, 0, &t, &err),
                         RS_OK);
        assert_contains(rs_text_warning(t), misnamed[i].says);
        rs_text_free(t);
    }
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_from_bytes("notes.txt", LIT("Go and SQL"), RS_FORMAT_AUTO, 0, &t,
                                        &err),
                     RS_OK);
    assert_null(rs_text_warning(t));
    rs_text_free(t);
    assert_string_equal(rs_format_name((rs_format)42), "auto");
    assert_int_equal(rs_format_from_name(NULL), RS_FORMAT_AUTO);
    assert_int_equal(rs_format_from_name("MD"), RS_FORMAT_TEXT);
}

#ifdef RS_WITH_PDF
/* A PDF's text is held to max_len page by page as it is extracted. */
static void test_pdf_text_limit(void **state)
{
    (void)state;
    FILE *f = fopen(RS_TEST_DATA "/formats/resume.pdf", "rb");
    if (!f) {
        skip();   /* fixtures not made (scripts/make_format_fixtures.py) */
        return;
    }
    static unsigned char bytes[1 << 20];
    size_t n = fread(bytes, 1, sizeof bytes, f);
    fclose(f);
    assert_true(n > 1000 && n < sizeof bytes);
    rs_text *t = (rs_text *)(uintptr_t)1;
    rs_error err = {0};
    assert_int_equal(rs_text_from_bytes("resume.pdf", bytes, n, RS_FORMAT_PDF, 1000, &t, &err),
                     RS_ERR_TOO_LARGE);
    assert_null(t);
    assert_contains(err.message, "the PDF's text is over the size limit (1000 bytes)");
    /* and without the limit it reads */
    assert_int_equal(rs_text_from_bytes("resume.pdf", bytes, n, RS_FORMAT_PDF, 0, &t, &err),
                     RS_OK);
    assert_true(rs_text_length(t) > 1000);
    rs_text_free(t);
}
#endif

/* ---- HTML ---------------------------------------------------------------- */

static char *html_text(const char *html, rs_html_info *info)
{
    rs_text *t = NULL;
    rs_error err = {0};
    rs_status st = rs_html_read("p.html", (const unsigned char *)html, strlen(html), 0, &t,
                                info, &err);
    if (st != RS_OK)
        fail_msg("rs_html_read: %d %s", (int)st, err.message);
    char *s = strdup(rs_text_data(t));
    rs_text_free(t);
    return s;
}

#define LD_OPEN "<html><head><title>Page title</title>"
#define LD_BODY "</head><body><p>Body words only.</p></body></html>"

/* JSON-LD that holds no JobPosting: an @type list without it, nesting past
 * the search's depth, arrays of scalars. The page body is read instead. */
static void test_html_json_ld_without_posting(void **state)
{
    (void)state;
    char deep[600] = "";
    for (int i = 0; i < 40; i++)
        strcat(deep, "[");
    strcat(deep, "{\"@type\":\"JobPosting\",\"title\":\"Deep\",\"description\":\"Too deep\"}");
    for (int i = 0; i < 40; i++)
        strcat(deep, "]");
    const char *scripts[] = {
        "{\"@type\":[\"Thing\",\"Organization\"],\"description\":\"Not a posting\"}",
        deep,
        "[1, \"two\", null, [true]]",
        "{\"@graph\":[\"x\",{\"@type\":\"WebPage\"}]}",
    };
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
        char page[2048];
        snprintf(page, sizeof page,
                 LD_OPEN "<script type=\"application/ld+json\">%s</script>" LD_BODY,
                 scripts[i]);
        rs_html_info info = {0};
        char *s = html_text(page, &info);
        assert_contains(s, "Body words only.");
        if (strstr(s, "posting") || strstr(s, "Too deep"))
            fail_msg("script %zu was read as a posting: %s", i, s);
        assert_false(info.has_json_ld);
        rs_html_info_free(&info);
        free(s);
    }
}

/* The script type may have blanks before it and parameters after it; an
 * empty title is no title; experience as an object with neither a
 * description nor months, or months of zero, adds nothing. */
static void test_html_json_ld_shapes(void **state)
{
    (void)state;
    static const char *const types[] = {" \n application/ld+json",
                                        "application/ld+json; charset=utf-8",
                                        "APPLICATION/LD+JSON "};
    for (size_t i = 0; i < 3; i++) {
        char page[1024];
        snprintf(page, sizeof page,
                 LD_OPEN "<script type=\"%s\">{\"@type\":\"JobPosting\",\"title\":\"\","
                 "\"description\":\"<p>Write Go services.</p>\","
                 "\"experienceRequirements\":[{\"name\":\"x\"},{\"monthsOfExperience\":0},"
                 "{\"monthsOfExperience\":18.5}]}</script>" LD_BODY,
                 types[i]);
        rs_html_info info = {0};
        char *s = html_text(page, &info);
        if (!strstr(s, "Write Go services."))
            fail_msg("type \"%s\": the posting was not read: %s", types[i], s);
        assert_true(info.has_json_ld);
        assert_null(strstr(s, "Body words only."));
        assert_contains(s, "18.5 months of experience");
        assert_null(strstr(s, "0 months"));
        /* no title in the posting: the page's is reported */
        assert_string_equal(info.title, "Page title");
        rs_html_info_free(&info);
        free(s);
    }
}

static void test_html_limits(void **state)
{
    (void)state;
    static const char page[] = "<html><body><p>Twelve bytes and more</p></body></html>";
    rs_text *t = (rs_text *)(uintptr_t)1;
    rs_html_info info = {0};
    rs_error err = {0};
    assert_int_equal(rs_html_read("big.html", LIT(page), 12, &t, &info, &err),
                     RS_ERR_TOO_LARGE);
    assert_null(t);
    assert_contains(err.message, "over the limit of 12 bytes");
    rs_html_info_free(&info);
}

/* ---- scanner ------------------------------------------------------------- */

typedef struct scanned {
    rs_document *doc;
    rs_scan *scan;
} scanned;

static scanned scan_with(const rs_lexicon *lex, const char *text)
{
    scanned s = {0};
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("s.txt", (const unsigned char *)text, strlen(text), 0, &t,
                                    &err), RS_OK);
    assert_int_equal(rs_document_new(t, &s.doc, &err), RS_OK);
    rs_status st = rs_scan_run(lex, s.doc, &s.scan, &err);
    if (st != RS_OK)
        fail_msg("rs_scan_run: %d %s", (int)st, err.message);
    return s;
}

static void scanned_free(scanned *s)
{
    rs_scan_free(s->scan);
    rs_document_free(s->doc);
}

static const rs_skill_hit *hit_of(const rs_lexicon *lex, const rs_scan *scan, const char *id)
{
    size_t skill = rs_lexicon_find(lex, id);
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++)
        if (rs_scan_hit(scan, i)->skill == skill)
            return rs_scan_hit(scan, i);
    return NULL;
}

static void test_scan_arguments(void **state)
{
    (void)state;
    rs_scan *scan = (rs_scan *)(uintptr_t)1;
    rs_error err = {0};
    assert_int_equal(rs_scan_run(S_lex, NULL, &scan, &err), RS_ERR_ARG);
    assert_contains(err.message, "no lexicon, document or output");
    scanned s = scan_with(S_lex, "Python.\n");
    assert_int_equal(rs_scan_warning_count(s.scan), 0);
    assert_null(rs_scan_warning(s.scan, 0));
    scanned_free(&s);
}

/* A backtracking pattern that runs into PCRE2's match limit is skipped
 * with a warning naming the skill, file and line; after four such
 * failures it is not run on the rest of the document; the other skills
 * are still found. */
static void test_scan_pattern_limit(void **state)
{
    (void)state;
    tmpdir d = tmp_new();
    tmp_write(&d, "evil.xml", LEX_HEAD
              "<lexicon xmlns=\"" LEX_NS "\" name=\"evil\" version=\"1.0\">\n"
              "  <skill id=\"evil-a\" name=\"Evil A\" category=\"tool\">\n"
              "    <pattern trigger=\"a\">(a+)+$</pattern>\n"
              "  </skill>\n"
              "  <skill id=\"python\" name=\"Python\" category=\"language\">"
              "<alias>Python</alias></skill>\n"
              "</lexicon>\n");
    rs_lexicon *lex = lex_ok(&d);
    char text[4096] = "Python\n";
    for (int line = 0; line < 6; line++)
        strcat(text, "a aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n");
    scanned s = scan_with(lex, text);
    assert_non_null(hit_of(lex, s.scan, "python"));
    assert_null(hit_of(lex, s.scan, "evil-a"));
    size_t n = rs_scan_warning_count(s.scan);
    assert_int_equal(n, 4);
    const char *w = rs_scan_warning(s.scan, 0);
    assert_contains(w, "pattern of skill 'evil-a'");
    assert_contains(w, "evil.xml:4");   /* the pattern's line */
    assert_contains(w, "skipped at line 2");
    assert_null(strstr(w, "not run on the rest"));
    assert_contains(rs_scan_warning(s.scan, n - 1), "(not run on the rest of this document)");
    assert_null(rs_scan_warning(s.scan, n));
    scanned_free(&s);
    rs_lexicon_free(lex);
    tmp_remove(&d);
}

/* A pattern match that ends inside a token is no match ("ISO 270015" is
 * not ISO 27001). */
static void test_scan_pattern_inside_token(void **state)
{
    (void)state;
    rs_lexicon *mini = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load(RS_TEST_DATA "/mini", &mini, &err), RS_OK);
    scanned s = scan_with(mini, "Certified ISO 270015 auditor.\n");
    assert_null(hit_of(mini, s.scan, "iso-27001"));
    scanned_free(&s);
    s = scan_with(mini, "Certified ISO 27001 auditor.\n");
    assert_non_null(hit_of(mini, s.scan, "iso-27001"));
    scanned_free(&s);
    rs_lexicon_free(mini);
}

/* Evidence text and its line are cut to the buffer on a character
 * boundary, never inside a UTF-8 sequence. */
static void test_evidence_cut_on_characters(void **state)
{
    (void)state;
    /* "Python" then an em dash (3 bytes) */
    scanned s = scan_with(S_lex, "Python \xE2\x80\x94 daily\n");
    const rs_skill_hit *h = hit_of(S_lex, s.scan, "python");
    if (!h) {
        fail_msg("h is NULL");
        return;
    }
    const rs_evidence *ev = &h->evidence[0];
    char buf[64];
    assert_int_equal(rs_evidence_context(s.doc, ev, buf, 10), 7);   /* 2 of 3 bytes: dropped */
    assert_string_equal(buf, "Python ");
    assert_int_equal(rs_evidence_context(s.doc, ev, buf, 9), 7);    /* 1 of 3 bytes: dropped */
    assert_string_equal(buf, "Python ");
    assert_int_equal(rs_evidence_context(s.doc, ev, buf, 11), 10);  /* all 3 */
    assert_string_equal(buf, "Python \xE2\x80\x94");
    assert_int_equal(rs_evidence_text(s.doc, ev, buf, 4), 3);
    assert_string_equal(buf, "Pyt");
    scanned_free(&s);

    /* a long line cut before the match: the cut moves to a character's start */
    s = scan_with(S_lex, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                         " Python and more words after it\n");
    h = hit_of(S_lex, s.scan, "python");
    if (!h) {
        fail_msg("h is NULL");
        return;
    }
    size_t n = rs_evidence_context(s.doc, &h->evidence[0], buf, 15);
    assert_true(n > 0 && n < 15);
    assert_true(valid_utf8(buf));
    assert_int_equal(strncmp(buf, "\xC3\xA9 Python", 9), 0);
    scanned_free(&s);
}

/* ---- qualifying a posting's mentions ------------------------------------- */

static rs_mention mention_of(const char *text, const char *id)
{
    char full[512];
    snprintf(full, sizeof full, "%s\nHosted on AWS.", text);   /* tech context */
    scanned s = scan_with(S_lex, full);
    const rs_skill_hit *h = hit_of(S_lex, s.scan, id);
    if (!h || !h->evidence_count || h->implied_by != RS_NOT_FOUND)
        fail_msg("\"%s\": %s not found", text, id);
    rs_mention m = rs__qualify_mention(s.doc, h->evidence[0].orig_start,
                                       h->evidence[0].orig_end);
    scanned_free(&s);
    return m;
}

static void test_qualify_but_and_ranges(void **state)
{
    (void)state;
    static const struct {
        const char *text, *id;
        rs_mention_mode mode;
        int years;
    } cases[] = {
        {"Kafka is not required, but it's a plus.", "kafka", RS_MENTION_PREFERRED, 0},
        {"Kafka is not required, but it is a plus.", "kafka", RS_MENTION_PREFERRED, 0},
        {"Kafka is not required, but that is a plus.", "kafka", RS_MENTION_PREFERRED, 0},
        {"Go (3-5 years).", "go", RS_MENTION_PLAIN, 3},
        {"Go: 3-5 years of experience.", "go", RS_MENTION_PLAIN, 3},
        {"Go vs. Rust: neither is required.", "go", RS_MENTION_PLAIN, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rs_mention m = mention_of(cases[i].text, cases[i].id);
        if (m.mode != cases[i].mode || m.years != cases[i].years)
            fail_msg("\"%s\": mode %d, %d years; want %d, %d", cases[i].text, (int)m.mode,
                     m.years, (int)cases[i].mode, cases[i].years);
    }
}

/* ---- matcher -------------------------------------------------------------- */

static const char S_junior[] =
    "Sam Example\n"
    "\n"
    "EXPERIENCE\n"
    "\n"
    "Junior Software Engineer at Example Freight\n"
    "Jan 2025 - present\n"
    "- Wrote Python scripts and a little Go.\n"
    "\n"
    "Example Bank — Software Engineer Intern\n"
    "Jun 2024 - Dec 2024\n"
    "- Python reports.\n"
    "\n"
    "Backend Developer, Tiny Startup, Feb 2023 - May 2024\n"
    "- Python APIs.\n"
    "\n"
    "EDUCATION\n"
    "\n"
    "BSc Computer Science, Example University\n"
    "Sep 2019 - Jun 2022\n"
    "\n"
    "SKILLS\n"
    "Python, Go\n";

static const char S_principal[] =
    "Principal Engineer\n"
    "\n"
    "Requirements\n"
    "- 8+ years of Python\n"
    "- 10+ years of experience building distributed systems\n"
    "- Principal-level technical leadership across teams\n";

/* Employers are read as written: after "at", before the title, up to the
 * dates on the same line; a date range in Education is no position. */
static void test_match_jobs_as_written(void **state)
{
    (void)state;
    pair p = match_pair(S_junior, S_principal);
    assert_int_equal(rs_match_job_count(p.m), 3);
    const rs_job *j = rs_match_job(p.m, 0);   /* by line */
    assert_string_equal(j->title, "Junior Software Engineer");
    assert_string_equal(j->employer, "Example Freight");
    j = rs_match_job(p.m, 1);
    assert_string_equal(j->employer, "Example Bank");
    j = rs_match_job(p.m, 2);
    assert_string_equal(j->title, "Backend Developer");
    assert_string_equal(j->employer, "Tiny Startup");
    free_pair(&p);
}

/* A posting two or more rungs above the resume is called a stretch; years
 * of a skill under what the posting asks are said with both figures. */
static void test_match_stretch_and_years(void **state)
{
    (void)state;
    pair p = match_pair(S_junior, S_principal);
    const rs_requirement *py = req(p.m, "python");
    if (!py) {
        fail_msg("py is NULL");
        return;
    }
    assert_int_equal(py->years_required, 8);
    assert_true(py->have && py->in_experience);
    assert_true(py->years_used < 8);
    assert_true(has_suggestion(p.m, "asks for 8+ years of Python"));
    if (rs_match_posting_rung(p.m) >= rs_match_resume_rung(p.m) + 2 &&
        rs_match_resume_rung(p.m) > 0)
        assert_true(has_suggestion(p.m, "a stretch"));
    else
        fail_msg("rungs: posting %d, resume %d", rs_match_posting_rung(p.m),
                 rs_match_resume_rung(p.m));
    free_pair(&p);
}

/* The other way round: a resume two or more rungs above the posting is
 * told it may be above what the posting asks. */
static void test_match_above_the_posting(void **state)
{
    (void)state;
    static const char principal[] =
        "Alex Example\n"
        "\n"
        "EXPERIENCE\n"
        "\n"
        "Principal Software Engineer, Example Freight\n"
        "Jan 2016 - present\n"
        "- Set the technical direction for twelve teams; Python and Go platforms.\n"
        "- Led the architecture of the payments platform across the organisation.\n"
        "\n"
        "Staff Software Engineer, Example Bank\n"
        "Jan 2010 - Dec 2015\n"
        "- Python services; mentored senior engineers.\n"
        "\n"
        "SKILLS\n"
        "Python, Go\n";
    static const char junior[] =
        "Junior Python Developer\n"
        "\n"
        "Requirements\n"
        "- Python\n"
        "- Entry level: no experience needed, we train you.\n";
    pair p = match_pair(principal, junior);
    int posting = rs_match_posting_rung(p.m), resume = rs_match_resume_rung(p.m);
    if (!(posting > 0 && posting + 2 <= resume))
        fail_msg("rungs: posting %d, resume %d", posting, resume);
    assert_true(has_suggestion(p.m, "you may be above what it asks"));
    assert_false(has_suggestion(p.m, "a stretch"));
    free_pair(&p);
}

/* A posting title longer than the 159 bytes kept is cut on a character
 * boundary. */
static void test_match_long_title_cut(void **state)
{
    (void)state;
    char posting[512] = "";
    for (int i = 0; i < 100; i++)
        strcat(posting, "\xC3\xA9");   /* 200 bytes of é */
    strcat(posting, "\n\nRequirements\n- Python\n");
    pair p = match_pair(S_junior, posting);
    const char *t = rs_match_posting_title(p.m);
    assert_int_equal(strlen(t), 158);   /* not 159: half an é */
    assert_true(strlen(t) % 2 == 0);
    assert_true(valid_utf8(t));
    free_pair(&p);
}

/* A posting with no skill recognised and a resume outside engineering:
 * nothing is free. The requirement parts weigh 0, the fit is 0 and the
 * note says why; the parts still add up to the score. */
static void test_match_no_rungs(void **state)
{
    (void)state;
    pair p = match_pair("Cooked pasta for ten years.\n", "Line cook\n\nWe need pasta.\n");
    rs_match_score s = rs_match_get_score(p.m);
    assert_int_equal(rs_match_requirement_count(p.m), 0);
    if (rs_match_posting_rung(p.m) && rs_match_resume_rung(p.m))
        fail_msg("rungs: posting %d, resume %d", rs_match_posting_rung(p.m),
                 rs_match_resume_rung(p.m));
    assert_true(s.fit == 0 && s.w_must == 0 && s.w_preferred == 0);
    assert_non_null(s.note);
    assert_true(fabs(s.score - (s.must * s.w_must + s.preferred * s.w_preferred +
                                s.fit * s.w_fit + s.years * s.w_years)) < 1e-9);
    assert_true(s.score <= s.w_years);
    free_pair(&p);
}

/* An engineer against a posting outside engineering: no fit, and the
 * note says which side is off the ladder. */
static void test_match_posting_out_of_scope(void **state)
{
    (void)state;
    pair p = match_pair(S_junior, "Barista\n\nWe want a friendly person who loves coffee.\n");
    rs_match_score s = rs_match_get_score(p.m);
    assert_true(s.fit == 0);
    assert_non_null(s.note);
    assert_non_null(strstr(s.note, "posting does not read as engineering"));
    assert_true(s.score <= s.w_years);
    free_pair(&p);
}

/* One call from a string to an analysis: the result owns every stage;
 * a posting's requirements are read first, so "No Java required" asks for
 * nothing; bad options and arguments are refused with RS_ERR_ARG. */
static void test_run_string(void **state)
{
    (void)state;
    const char *posting = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Go and "
                          "PostgreSQL.\n- No Java required.\n";
    rs_error err = {0};
    rs_result *res = NULL;
    rs_run_options o = RS_RUN_OPTIONS_INIT;
    o.kind = RS_DOC_POSTING;
    assert_int_equal(rs_run_string(S_lex, S_roles, "p.txt", posting, strlen(posting), &o, &res,
                                   &err), RS_OK);
    const rs_requirements *asked = rs_result_requirements(res);
    assert_non_null(asked);
    assert_int_equal(rs_requirements_negated_count(asked), 1);
    assert_int_equal(rs_requirements_negated(asked, 0), rs_lexicon_find(S_lex, "java"));
    assert_int_equal(rs_requirements_years(asked, NULL), 5);
    assert_int_equal(rs_analysis_rung(rs_result_analysis(res), NULL), 3);
    assert_false(rs_analysis_has_skill(rs_result_analysis(res), rs_lexicon_find(S_lex, "java")));
    assert_string_equal(rs_text_name(rs_document_text(rs_result_document(res))), "p.txt");
    rs_result_free(res);

    res = NULL;   /* scan only: no roles, no analysis */
    assert_int_equal(rs_run_string(S_lex, NULL, NULL, "Go and Kafka", 12, NULL, &res, &err),
                     RS_OK);
    assert_null(rs_result_analysis(res));
    assert_true(rs_scan_hit_count(rs_result_scan(res)) >= 1);
    rs_result_free(res);

    rs_run_options zero = {0};   /* zero is the current ABI version and the defaults */
    assert_int_equal(rs_run_string(S_lex, NULL, "x", "Go", 2, &zero, &res, &err), RS_OK);
    rs_result_free(res);
    res = NULL;
    rs_run_options future = {.abi_version = RS_ABI_VERSION + 1};
    assert_int_equal(rs_run_string(S_lex, NULL, "x", "Go", 2, &future, &res, &err), RS_ERR_ARG);
    assert_null(res);
    assert_non_null(strstr(err.message, "ABI version"));
    assert_int_equal(rs_run_string(S_lex, NULL, "x", "Go and Kafka", 12, NULL, &res, &err),
                     RS_OK);
    rs_analysis_options later = {.abi_version = RS_ABI_VERSION + 1};
    rs_analysis *an = NULL;
    assert_int_equal(rs_analyze(S_roles, S_lex, rs_result_document(res), rs_result_scan(res),
                                &later, &an, &err), RS_ERR_ARG);
    assert_null(an);
    rs_result_free(res);
    res = NULL;
    o.kind = (rs_doc_kind)7;
    assert_int_equal(rs_run_string(S_lex, NULL, "x", "Go", 2, &o, &res, &err), RS_ERR_ARG);
    assert_int_equal(rs_run_string(NULL, NULL, "x", "Go", 2, NULL, &res, &err), RS_ERR_ARG);
    assert_int_equal(rs_run_file(S_lex, S_roles, "/nonexistent/r.txt", NULL, &res, &err),
                     RS_ERR_IO);
    assert_null(res);
    rs_result_free(NULL);
}

/* The library says its version at run time, the same as its header's. */
static void test_version(void **state)
{
    (void)state;
    const char *v = rs_version();
    assert_non_null(v);
    assert_string_equal(v, RS_VERSION);
    assert_true(v[0] >= '0' && v[0] <= '9' && strchr(v, '.'));
    assert_string_equal(rs_evidence_kind_name(RS_EVIDENCE_PAST_TITLE), "past title");
    assert_string_equal(rs_evidence_kind_name(RS_EVIDENCE_RESPONSIBILITY), "responsibility");
    assert_string_equal(rs_evidence_kind_name((rs_evidence_kind)99), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_arguments),
        cmocka_unit_test(test_lexicon_two_files),
        cmocka_unit_test(test_lexicon_pattern_lengths),
        cmocka_unit_test(test_lexicon_unterminated_prolog),
        cmocka_unit_test(test_lexicon_unreadable_files),
        cmocka_unit_test(test_lexicon_file_too_large),
        cmocka_unit_test(test_lexicon_too_many_files),
        cmocka_unit_test(test_decode_arguments),
        cmocka_unit_test(test_read_folder),
        cmocka_unit_test(test_decode_overlong_and_surrogates),
        cmocka_unit_test(test_formats_by_extension),
#ifdef RS_WITH_PDF
        cmocka_unit_test(test_pdf_text_limit),
#endif
        cmocka_unit_test(test_html_json_ld_without_posting),
        cmocka_unit_test(test_html_json_ld_shapes),
        cmocka_unit_test(test_html_limits),
        cmocka_unit_test(test_scan_arguments),
        cmocka_unit_test(test_scan_pattern_limit),
        cmocka_unit_test(test_scan_pattern_inside_token),
        cmocka_unit_test(test_evidence_cut_on_characters),
        cmocka_unit_test(test_qualify_but_and_ranges),
        cmocka_unit_test(test_match_jobs_as_written),
        cmocka_unit_test(test_match_stretch_and_years),
        cmocka_unit_test(test_match_above_the_posting),
        cmocka_unit_test(test_match_long_title_cut),
        cmocka_unit_test(test_match_no_rungs),
        cmocka_unit_test(test_match_posting_out_of_scope),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_run_string),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
