/* test_html.c — the HTML posting reader: rs_html_read and rs_html_info_free
 * (block structure, spacing, lists, tables, entities, dropped elements,
 * JSON-LD JobPostings, malformed and hostile input, limits, encodings, and
 * the scan pipeline on its output). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failing_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#define HTML_DATA RS_TEST_DATA "/html/"

static void assert_contains(const char *hay, const char *needle)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (hay && strstr(hay, needle))
        fail_msg("\"%s\" contains \"%s\"", hay, needle);
}

/* Reads bytes that must be read; the text is the caller's, and so is
 * *info when asked for. */
static rs_text *read_ok(const void *bytes, size_t len, rs_html_info *info)
{
    rs_text *t = NULL;
    rs_error err = {0};
    rs_status st = rs_html_read("t.html", bytes, len, 0, &t, info, &err);
    if (st != RS_OK)
        fail_msg("unexpected failure: %s", err.message);
    assert_non_null(t);
    assert_string_equal(rs_text_name(t), "t.html");
    assert_int_equal(strlen(rs_text_data(t)), rs_text_length(t));
    return t;
}

/* The text of an HTML string, as a new string (caller frees). */
static char *text_of(const char *html)
{
    rs_text *t = read_ok(html, strlen(html), NULL);
    char *s = strdup(rs_text_data(t));
    rs_text_free(t);
    return s;
}

static void assert_text(const char *html, const char *want)
{
    char *got = text_of(html);
    if (strcmp(got, want) != 0)
        fail_msg("HTML %s\ngave \"%s\"\nwant \"%s\"", html, got, want);
    free(got);
}

static rs_error read_fail(const void *bytes, size_t len, size_t max_len,
                          rs_status want)
{
    rs_text *t = (rs_text *)(uintptr_t)1;
    rs_html_info info = {.title = "x", .has_json_ld = 7};
    rs_error err = {0};
    rs_status st = rs_html_read("bad.html", bytes, len, max_len, &t, &info, &err);
    assert_int_equal(st, want);
    assert_int_equal(err.status, want);
    assert_null(t);
    assert_null(info.title);
    assert_null(info.experience);
    assert_int_equal(info.has_json_ld, 0);
    assert_string_equal(err.file, "bad.html");
    return err;
}

/* A fixture file's bytes (caller frees). */
static unsigned char *load(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s", HTML_DATA, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    unsigned char *buf = malloc(1 << 16);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static rs_text *read_fixture(const char *name, rs_html_info *info)
{
    size_t len;
    unsigned char *bytes = load(name, &len);
    rs_text *t = read_ok(bytes, len, info);
    free(bytes);
    return t;
}

/* ---- structure ---------------------------------------------------------- */

static void test_blocks_end_lines(void **state)
{
    (void)state;
    assert_text("<div>one</div><div>two</div><p>three</p><h2>four</h2>five<br>six",
                "one\ntwo\n\nthree\n\nfour\n\nfive\nsix\n");
    assert_text("<section>a</section><article>b</article><div><div>c</div></div>",
                "a\n\nb\n\nc\n");
}

static void test_blank_lines_capped(void **state)
{
    (void)state;
    assert_text("<p>a</p><br><br><br><br><br><p>b</p>", "a\n\n\nb\n");
    assert_text("<br><br><p></p><div> </div>text<br><br>", "text\n");
}

static void test_inline_spacing(void **state)
{
    (void)state;
    assert_text("<p><b>Go</b> <i>Rust</i></p>", "Go Rust\n");
    assert_text("<p>Build  <em>fast</em>,\n\t reliable<span>APIs</span></p>",
                "Build fast, reliableAPIs\n");
    assert_text("<p><span>Node.js</span> <span>C#</span> <a href=\"#\">AWS</a></p>",
                "Node.js C# AWS\n");
}

static void test_list_items(void **state)
{
    (void)state;
    assert_text("<p>Skills:</p><ul><li>one</li><li>two<ul><li>three</li></ul></li>"
                "<li></li></ul><ol><li><p>four</p></li></ol>",
                "Skills:\n\n- one\n- two\n  - three\n\n- four\n");
}

static void test_table_cells_on_lines(void **state)
{
    (void)state;
    assert_text("<table><tr><th>Area</th><th>Tools</th></tr>"
                "<tr><td>Cloud</td><td><b>AWS</b>, GCP</td></tr></table><p>end</p>",
                "Area\nTools\nCloud\nAWS, GCP\n\nend\n");
}

static void test_pre_keeps_lines(void **state)
{
    (void)state;
    assert_text("<pre>make   build\nmake test</pre>", "make build\nmake test\n");
}

static void test_entities(void **state)
{
    (void)state;
    assert_text("<p>R&amp;D &lt;b&gt; a&#8212;b x&nbsp;y caf&eacute; &#x2013;</p>",
                "R&D <b> a\xE2\x80\x94" "b x y caf\xC3\xA9 \xE2\x80\x93\n");
}

static void test_dropped_elements(void **state)
{
    (void)state;
    rs_html_info info;
    rs_text *t = read_fixture("posting-noise.html", &info);
    const char *s = rs_text_data(t);
    assert_string_equal(s,
        "Example Jobs\n\n"
        "Site Reliability Engineer\n\n"
        "R&D <infra> team \xE2\x80\x94 on call one week in six.\n\n"
        "Requirements\n\n"
        "- Operating systems\n  - Linux\n  - Containers\n    - Kubernetes\n"
        "    - EKS\n- C++ or Go\n\n"
        "Level\nSenior\nTeam\n\nPlatform\nInfra\n\n"
        "Apply\n");   /* a form's text stays: ASP.NET wraps whole pages in one */
    const char *gone[] = {"Python", "Java", "trackPageView", "font-family",
                          "Search", "Related", "trademarks", "template", "2026"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_lacks(s, gone[i]);
    assert_string_equal(info.title, "Site Reliability Engineer");
    assert_null(info.experience);
    assert_int_equal(info.has_json_ld, 0);
    rs_html_info_free(&info);
    assert_null(info.title);
    rs_text_free(t);
}

static void test_plain_page(void **state)
{
    (void)state;
    rs_html_info info;
    rs_text *t = read_fixture("posting-plain.html", &info);
    assert_string_equal(rs_text_data(t),
        "Backend Developer\n\n"
        "Acme builds Python services on AWS. We ship every day.\n\n"
        "What you will do\n\n- Design REST APIs\n- Run services on Kubernetes\n\n"
        "Stack\n\nArea\nTools\nLanguages\nPython, Go\n\n"
        "Apply by e-mail.\nWe answer within a week.\n");
    assert_string_equal(info.title, "Backend Developer (Python) \xE2\x80\x93 Acme");
    assert_int_equal(info.has_json_ld, 0);
    assert_int_equal(rs_text_encoding(t), RS_ENC_UTF8);
    assert_null(rs_text_warning(t));
    rs_html_info_free(&info);
    rs_text_free(t);
}

static void test_title_from_h1(void **state)
{
    (void)state;
    static const char html[] = "<body><nav><h1>Menu</h1></nav><h1>Staff <b>SRE</b>\n"
                               "(Remote)</h1><p>text</p></body>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(info.title, "Staff SRE (Remote)");
    rs_html_info_free(&info);
    rs_text_free(t);
    t = read_ok("<p>no title</p>", 15, &info);
    assert_null(info.title);
    rs_html_info_free(&info);
    rs_html_info_free(NULL);
    rs_text_free(t);
}

/* ---- JSON-LD ------------------------------------------------------------ */

static void test_json_ld_posting(void **state)
{
    (void)state;
    rs_html_info info;
    rs_text *t = read_fixture("posting-jsonld.html", &info);
    assert_string_equal(rs_text_data(t),
        "Senior Platform Engineer\n\n"
        "Run our Kubernetes clusters on AWS.\n\n"
        "- Write services in C++ and Go\n- Own CI/CD\n\n"
        "60 months of experience\n");
    assert_lacks(rs_text_data(t), "cookies");
    assert_string_equal(info.title, "Senior Platform Engineer");
    assert_string_equal(info.experience, "60 months of experience");
    assert_int_equal(info.has_json_ld, 1);
    rs_html_info_free(&info);
    rs_text_free(t);
}

static void test_json_ld_graph(void **state)
{
    (void)state;
    static const char html[] =
        "<html><head><title>Page</title>"
        "<script type=\"Application/LD+JSON; charset=utf-8\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"Organization\",\"name\":\"Acme\"},"
        "{\"@type\":[\"Thing\",\"schema:JobPosting\"],\"title\":\"Data &amp; ML Engineer\","
        "\"description\":\"&lt;p&gt;Spark&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;\","
        "\"experienceRequirements\":\"3+ years with  <b>Spark</b>\"}]}</script>"
        "</head><body><p>Body text</p></body></html>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(rs_text_data(t),
                        "Data & ML Engineer\n\nSpark\n\n- Python\n\n3+ years with Spark\n");
    assert_string_equal(info.title, "Data & ML Engineer");
    assert_string_equal(info.experience, "3+ years with Spark");
    assert_int_equal(info.has_json_ld, 1);
    rs_html_info_free(&info);
    rs_text_free(t);
}

static void test_json_ld_array(void **state)
{
    (void)state;
    static const char html[] =
        "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
        "{\"@type\":\"https://schema.org/JobPosting\",\"title\":\"Go Developer\","
        "\"description\":\"Write Go.\\nRun Kubernetes.\","
        "\"experienceRequirements\":[{\"@type\":\"OccupationalExperienceRequirements\","
        "\"description\":\"Production Go\"},{\"monthsOfExperience\":18.5}]}]</script>"
        "<p>Body</p>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(rs_text_data(t),
                        "Go Developer\n\nWrite Go.\nRun Kubernetes.\n\n"
                        "Production Go\n18.5 months of experience\n");
    assert_string_equal(info.experience, "Production Go\n18.5 months of experience");
    assert_int_equal(info.has_json_ld, 1);
    rs_html_info_free(&info);
    rs_text_free(t);
}

static void test_json_ld_invalid_falls_back(void **state)
{
    (void)state;
    static const char *const pages[] = {
        /* not JSON */
        "<title>Fallback</title><script type=\"application/ld+json\">{\"@type\":"
        "\"JobPosting\",\"title\":\"X\",</script><p>Body text</p>",
        /* no JobPosting */
        "<title>Fallback</title><script type=\"application/ld+json\">{\"@type\":"
        "\"Organization\",\"description\":\"Org\"}</script><p>Body text</p>",
        /* a JobPosting without a description */
        "<title>Fallback</title><script type=\"application/ld+json\">{\"@type\":"
        "\"JobPosting\",\"title\":\"X\",\"description\":17}</script><p>Body text</p>",
        /* not JSON-LD */
        "<title>Fallback</title><script type=\"application/json\">{\"@type\":"
        "\"JobPosting\",\"description\":\"D\"}</script><p>Body text</p>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        rs_html_info info;
        rs_text *t = read_ok(pages[i], strlen(pages[i]), &info);
        assert_string_equal(rs_text_data(t), "Body text\n");
        assert_string_equal(info.title, "Fallback");
        assert_null(info.experience);
        assert_int_equal(info.has_json_ld, 0);
        rs_html_info_free(&info);
        rs_text_free(t);
    }
}

/* A description that is plain text keeps its lines, "<" and "&" included;
 * a title is read on one line. */
static void test_json_ld_plain_text(void **state)
{
    (void)state;
    static const char html[] =
        "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
        "\"title\":\"R&D Engineer at AT&T\\n(Remote)\","
        "\"description\":\"Latency < 5 ms & C++\\n\\n\\n\\n\\nNext  part\","
        "\"experienceRequirements\":{\"monthsOfExperience\":1}}</script>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(rs_text_data(t),
                        "R&D Engineer at AT&T (Remote)\n\nLatency < 5 ms & C++\n\n\n"
                        "Next part\n\n1 month of experience\n");
    assert_string_equal(info.title, "R&D Engineer at AT&T (Remote)");
    rs_html_info_free(&info);
    rs_text_free(t);
}

static void test_json_ld_second_script(void **state)
{
    (void)state;
    static const char html[] =
        "<script type=\"application/ld+json\">{\"@type\":\"WebSite\"}</script>"
        "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
        "\"description\":\"<p>Only this</p>\"}</script><title>T</title><p>Body</p>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(rs_text_data(t), "Only this\n");
    assert_string_equal(info.title, "T");   /* the posting has none */
    assert_null(info.experience);
    assert_int_equal(info.has_json_ld, 1);
    rs_html_info_free(&info);
    rs_text_free(t);
}

/* ---- malformed and hostile input ---------------------------------------- */

static void test_truncated(void **state)
{
    (void)state;
    rs_html_info info;
    rs_text *t = read_fixture("truncated.html", &info);
    assert_string_equal(rs_text_data(t),
                        "Data Engineer\n\nWe use Python and Kubernetes every day.\n\n"
                        "- Build pipelines in C++\n- Own the data pla\n");
    assert_string_equal(info.title, "Data Engineer");
    rs_html_info_free(&info);
    rs_text_free(t);
    assert_text("<p>Unclosed <b>bold <i>italic</p><div>next</span></div>",
                "Unclosed bold italic\n\nnext\n");
}

static void test_no_text(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body> \n </body></html>",
        "<script>var a = 'text';</script><style>p{}</style><!-- comment -->",
        "   \n\t",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        rs_error err = read_fail(pages[i], strlen(pages[i]), 0, RS_ERR_ENCODING);
        assert_string_equal(err.message, "no text in HTML");
    }
    rs_error err = read_fail("", 0, 0, RS_ERR_ENCODING);
    assert_string_equal(err.message, "no text in HTML");
}

/* Nesting 100,000 deep: libxml2 stops at its depth limit; the reader
 * keeps what came before and uses no stack per level. */
static void test_deep_nesting(void **state)
{
    (void)state;
    const size_t depth = 100000;
    const char *tags[][2] = {{"<div>", "</div>"}, {"<ul><li>", "</li></ul>"},
                             {"<b>", "</b>"}, {"<table><tr><td>", "</td></tr></table>"}};
    for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
        size_t open = strlen(tags[k][0]), close = strlen(tags[k][1]);
        size_t cap = 64 + depth * (open + close);
        char *html = malloc(cap);
        size_t n = (size_t)sprintf(html, "<p>Kubernetes first</p>");
        for (size_t i = 0; i < depth; i++, n += open)
            memcpy(html + n, tags[k][0], open);
        n += (size_t)sprintf(html + n, "deep");
        for (size_t i = 0; i < depth; i++, n += close)
            memcpy(html + n, tags[k][1], close);
        rs_text *t = read_ok(html, n, NULL);
        assert_contains(rs_text_data(t), "Kubernetes first");
        rs_text_free(t);
        free(html);
    }
}

static void test_max_len(void **state)
{
    (void)state;
    static const char html[] = "<p>Kubernetes</p>";
    rs_error err = read_fail(html, sizeof html - 1, 10, RS_ERR_TOO_LARGE);
    assert_contains(err.message, "over the limit of 10 bytes");
    rs_text *t = NULL;
    assert_int_equal(rs_html_read("ok.html", (const unsigned char *)html, sizeof html - 1,
                                  sizeof html - 1, &t, NULL, &err), RS_OK);
    assert_string_equal(rs_text_data(t), "Kubernetes\n");
    rs_text_free(t);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    rs_error err = {0};
    assert_int_equal(rs_html_read("a", (const unsigned char *)"x", 1, 0, NULL, NULL, &err),
                     RS_ERR_ARG);
    rs_text *t = NULL;
    assert_int_equal(rs_html_read("a", NULL, 3, 0, &t, NULL, &err), RS_ERR_ARG);
    assert_null(t);
}

/* ---- encodings ---------------------------------------------------------- */

static void test_meta_charset_windows_1252(void **state)
{
    (void)state;
    static const char html[] = "<html><head><meta charset=\"windows-1252\">"
                               "<title>D\xE9veloppeur</title></head>"
                               "<body><p>Caf\xE9 \x80 5</p></body></html>";
    rs_html_info info;
    rs_text *t = read_ok(html, sizeof html - 1, &info);
    assert_string_equal(rs_text_data(t), "Caf\xC3\xA9 \xE2\x82\xAC 5\n");
    assert_string_equal(info.title, "D\xC3\xA9veloppeur");
    assert_int_equal(rs_text_encoding(t), RS_ENC_UTF8);
    rs_html_info_free(&info);
    rs_text_free(t);
    static const char old[] = "<html><head><meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=windows-1252\"></head>"
                              "<body>r\xE9sum\xE9</body></html>";
    t = read_ok(old, sizeof old - 1, NULL);
    assert_string_equal(rs_text_data(t), "r\xC3\xA9sum\xC3\xA9\n");
    rs_text_free(t);
}

static void test_utf8_default(void **state)
{
    (void)state;
    assert_text("<p>Caf\xC3\xA9 \xE2\x82\xAC</p>", "Caf\xC3\xA9 \xE2\x82\xAC\n");
}

/* ---- allocation failures ------------------------------------------------ */


/* Failing each allocation in turn gives RS_ERR_NOMEM and nothing half
 * made (the sanitizers and valgrind see any leak). */
static void test_allocation_failures(void **state)
{
    (void)state;
    size_t len;
    unsigned char *bytes = load("posting-jsonld.html", &len);
    rs_status st = RS_ERR_NOMEM;
    for (size_t n = 0; st == RS_ERR_NOMEM; n++) {
        assert_true(n < 1000);
        S_allocs_left = n;
        rs_set_allocator(failing_malloc, failing_realloc, free);
        rs_text *t = NULL;
        rs_html_info info;
        rs_error err = {0};
        st = rs_html_read("a.html", bytes, len, 0, &t, &info, &err);
        rs_set_allocator(NULL, NULL, NULL);
        if (st == RS_ERR_NOMEM) {
            assert_null(t);
            assert_null(info.title);
            assert_int_equal(err.status, RS_ERR_NOMEM);
        } else {
            assert_int_equal(st, RS_OK);
            assert_int_equal(info.has_json_ld, 1);
        }
        rs_html_info_free(&info);
        rs_text_free(t);
    }
    free(bytes);
}

/* ---- the pipeline on HTML ----------------------------------------------- */

/* The sorted, comma-joined ids found in a fixture with the mini lexicon. */
static char *ids_in_fixture(const rs_lexicon *lex, const char *name)
{
    rs_text *t = read_fixture(name, NULL);
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    rs_error err = {0};
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(lex, doc, &scan, &err), RS_OK);
    char *out = calloc(1, 1024);
    for (size_t i = 0; i < rs_lexicon_skill_count(lex); i++) {
        for (size_t h = 0; h < rs_scan_hit_count(scan); h++) {
            if (rs_scan_hit(scan, h)->skill != i)
                continue;
            if (*out)
                strcat(out, ",");
            strcat(out, rs_lexicon_skill(lex, i).id);
        }
    }
    rs_scan_free(scan);
    rs_document_free(doc);
    return out;
}

static void test_scan_end_to_end(void **state)
{
    (void)state;
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    if (rs_lexicon_load(RS_TEST_DATA "/mini", &lex, &err) != RS_OK)
        fail_msg("mini lexicon: %s", err.message);
    /* Skills in lexicon order; nothing from script, style, nav, footer,
     * aside, svg or template (Python, Java, JavaScript); forms are kept
     * (ASP.NET pages wrap the whole body in one). */
    char *ids = ids_in_fixture(lex, "posting-noise.html");
    assert_string_equal(ids, "cpp,go,aws,kubernetes,aws-eks");
    free(ids);
    ids = ids_in_fixture(lex, "posting-jsonld.html");
    assert_string_equal(ids, "cpp,go,aws,kubernetes,ci-cd");
    free(ids);
    rs_lexicon_free(lex);
}

static void S_embedder_handler(void *ctx, xmlErrorPtr e)
{
    (void)e;
    ++*(int *)ctx;
}

/* A program embedding rolescan keeps its own libxml2 error handler: a
 * parse puts it back afterwards, even one that raised errors. */
static void test_embedder_handler_kept(void **state)
{
    (void)state;
    int calls = 0;
    xmlSetStructuredErrorFunc(&calls, S_embedder_handler);
    char *s = text_of("<p>caf\xe9 <b>bold</p></i><<>");
    free(s);
    assert_ptr_equal(xmlStructuredError, S_embedder_handler);
    assert_ptr_equal(xmlStructuredErrorContext, &calls);
    assert_int_equal(calls, 0);   /* rolescan's errors went to rolescan */
    xmlSetStructuredErrorFunc(NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_end_lines),
        cmocka_unit_test(test_blank_lines_capped),
        cmocka_unit_test(test_inline_spacing),
        cmocka_unit_test(test_list_items),
        cmocka_unit_test(test_table_cells_on_lines),
        cmocka_unit_test(test_pre_keeps_lines),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_dropped_elements),
        cmocka_unit_test(test_embedder_handler_kept),
        cmocka_unit_test(test_plain_page),
        cmocka_unit_test(test_title_from_h1),
        cmocka_unit_test(test_json_ld_posting),
        cmocka_unit_test(test_json_ld_graph),
        cmocka_unit_test(test_json_ld_array),
        cmocka_unit_test(test_json_ld_invalid_falls_back),
        cmocka_unit_test(test_json_ld_plain_text),
        cmocka_unit_test(test_json_ld_second_script),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_max_len),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_meta_charset_windows_1252),
        cmocka_unit_test(test_utf8_default),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_scan_end_to_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
