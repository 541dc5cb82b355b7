/* test_report.c — the HTML pages (render_report.c, render_batch_html.c):
 * hostile input text, names and paths stay inert in the serialized HTML
 * (parsed back with libxml2's HTML parser and walked), the sections are
 * there, and the batch roll-up counts right. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "support.h"
#include "render_support.h"
#include "internal.h"
#include "render/html.h"

static const rs_date S_as_of = {2026, 11};

static const char S_hostile[] =
    "Senior Backend Engineer <script>window.__pwned=1</script>\n"
    "Jan 2019 - present\n"
    "- Python \"><img src=x onerror=\"window.__pwned=1\"> services on PostgreSQL\n"
    "- Kafka <a href=\"javascript:alert(1)\">x</a> and [me](javascript:alert(1)) Docker\n"
    "- Kubernetes \x01\x02\x1b[31m\x7f\xc2\x9b and Terraform on AWS\n"
    "- Go, Java, Redis, <svg onload=alert(1)> SQL and <iframe src=//evil.example>\n"
    "- Grafana <script>window.__pwned=1</script> dashboards\n";

/* The report of a text, named `name`. */
static char *report(const char *text, const char *name)
{
    rs_error err = {0};
    rs_text *t = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    rs_analysis *a = NULL;
    assert_int_equal(rs_text_decode(name, (const unsigned char *)text, strlen(text), 0, &t, &err),
                     RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    rs_analysis_options o = {.as_of = S_as_of};
    assert_int_equal(rs_analyze(S_roles, S_lex, doc, scan, &o, &a, &err), RS_OK);
    rs_score_result r = {name, doc, scan, a, NULL};
    rs_report_options ro = {.as_of = S_as_of};
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, &ro, RS_OUTPUT_HTML, 0, &html, &len, &err), RS_OK);
    assert_int_equal(strlen(html), len);
    rs_analysis_free(a);
    rs_scan_free(scan);
    rs_document_free(doc);
    return html;
}

typedef struct walk {
    int live;             /* script, iframe, img, object, embed, link, base, form */
    int handlers;         /* on* attributes */
    int js_urls;          /* href/src/action starting with javascript: */
    int sections;
    char ids[512];
} walk;

static void walk_node(xmlNodePtr n, walk *w)
{
    static const char *const live[] = {"script", "iframe", "img", "object", "embed", "link",
                                       "base", "form", "frame", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t k = 0; live[k]; k++)
            w->live += strcasecmp((const char *)n->name, live[k]) == 0;
        if (strcmp((const char *)n->name, "section") == 0) {
            w->sections++;
            xmlChar *id = xmlGetProp(n, BAD_CAST "id");
            if (id)
                snprintf(w->ids + strlen(w->ids), sizeof w->ids - strlen(w->ids), "%s ", id);
            xmlFree(id);
        }
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            w->handlers += strncasecmp((const char *)a->name, "on", 2) == 0;
            xmlChar *v = xmlGetProp(n, a->name);
            const char *s = (const char *)v;
            while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
                s++;
            w->js_urls += s && strncasecmp(s, "javascript:", 11) == 0;
            xmlFree(v);
        }
        walk_node(n->children, w);
    }
}

static walk inspect(const char *html)
{
    walk w = {0};
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    walk_node(xmlDocGetRootElement(doc), &w);
    xmlFreeDoc(doc);
    return w;
}

static void assert_no_controls(const char *html)
{
    for (const unsigned char *p = (const unsigned char *)html; *p; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r') || *p == 0x7F)
            fail_msg("control byte 0x%02x at offset %td", *p, (const char *)p - html);
        if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            fail_msg("C1 control at offset %td", (const char *)p - html);
    }
}

static void test_hostile_resume_is_inert(void **state)
{
    (void)state;
    char *html = report(S_hostile, "x\"><script>alert(1)</script>.txt");
    walk w = inspect(html);
    assert_int_equal(w.live, 0);
    assert_int_equal(w.handlers, 0);
    assert_int_equal(w.js_urls, 0);
    assert_no_controls(html);
    /* the words are still there, as text */
    assert_non_null(strstr(html, "&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
    assert_non_null(strstr(html, "&lt;img src=x onerror="));
    assert_non_null(strstr(html, "Content-Security-Policy"));
    assert_non_null(strstr(html, "default-src 'none'"));
    rs_free(html);
}

static void test_report_sections(void **state)
{
    (void)state;
    char *html = report(S_hostile, "resume.txt");
    walk w = inspect(html);
    assert_int_equal(w.sections, 6);
    assert_string_equal(w.ids, "ladder roles gaps skills advice salary ");
    assert_non_null(strstr(html, "you are here"));
    assert_non_null(strstr(html, "<mark>Kafka</mark>"));
    assert_non_null(strstr(html, "as of 2026-11"));
    rs_free(html);
}

static void test_out_of_scope_report(void **state)
{
    (void)state;
    char *html = report("Head Chef\nMenus, knife skills and a kitchen of 12.\n", "chef.txt");
    walk w = inspect(html);
    assert_string_equal(w.ids, "skills ");
    assert_non_null(strstr(html, "Out of scope"));
    rs_free(html);
}

static void test_report_needs_an_analysis(void **state)
{
    (void)state;
    rs_error e = {0}, err = {0};
    snprintf(e.message, sizeof e.message, "cannot open");
    rs_score_result r = {"gone.txt", NULL, NULL, NULL, &e};
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, NULL, RS_OUTPUT_HTML, 0, &html, &len, &err),
                     RS_ERR_ARG);
    assert_null(html);
    assert_non_null(strstr(err.message, "cannot open"));
}

static void test_batch_page(void **state)
{
    (void)state;
    rs_batch *b = rs_batch_new(S_roles, S_lex, 2);
    assert_non_null(b);
    size_t skills[2] = {rs_lexicon_find(S_lex, "python"), rs_lexicon_find(S_lex, "kafka")};
    rs_batch_row rows[] = {
        {"javascript:alert(1)", RS_ROW_OK, "backend", 3, "Senior Backend Developer", 71.5, skills, 2,
         NULL, 1, "Senior Go <b>Engineer</b>"},
        {"<script>x</script>", RS_ROW_OK, "backend", 3, "Senior Backend Developer", 60, skills, 1,
         NULL, 0, NULL},
        {"dir/bad.bin", RS_ROW_ERROR, NULL, 0, NULL, 0, NULL, 0, "binary file <img onerror=1>", 1,
         NULL},
        {"chef.txt", RS_ROW_OUT_OF_SCOPE, NULL, 0, NULL, 0, NULL, 0, "not engineering", 1, NULL},
    };
    rs_error err = {0};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(rs_batch_add(b, &rows[i], &err), RS_OK);
    char *html = NULL, *text = NULL;
    size_t len = 0;
    rs_report_options ro = {.as_of = S_as_of};
    assert_int_equal(render_batch(b, &ro, RS_OUTPUT_HTML, &html, &len, &err), RS_OK);
    walk w = inspect(html);
    assert_int_equal(w.live, 0);
    assert_int_equal(w.handlers, 0);
    assert_int_equal(w.js_urls, 0);
    assert_string_equal(w.ids, "tracks top-skills postings errors ");
    assert_non_null(strstr(html, "href=\"./javascript%3Aalert%281%29\""));
    assert_non_null(strstr(html, "4 postings: 2 classified, 1 out of scope, 1 errors."));
    assert_non_null(strstr(html, "The first 2 of 4 postings"));
    assert_non_null(strstr(html, "Python (2)"));
    assert_non_null(strstr(html, "binary file &lt;img onerror=1&gt;"));
    /* a posting by its title, its file's name beneath; a track by its name;
     * the track x rung table shaded by count */
    assert_non_null(strstr(html, ">Senior Go &lt;b&gt;Engineer&lt;/b&gt;</a>"));
    assert_non_null(strstr(html, "<span class=\"file\">javascript:alert(1)</span>"));
    assert_non_null(strstr(html, ">bad.bin</a>"));
    assert_null(strstr(html, ">dir/bad.bin<"));
    assert_non_null(strstr(html, "data-label=\"Track\">Backend engineering</td>"));
    assert_null(strstr(html, ">backend</td>"));
    assert_non_null(strstr(html, "<td class=\"num heat5\">2</td>"));
    assert_non_null(strstr(html, "<td class=\"num heat0\">0</td>"));
    assert_true(strstr(html, "<figcaption>Postings per track</figcaption>") <
                strstr(html, "<table class=\"chart\">"));
    assert_int_equal(render_batch(b, NULL, RS_OUTPUT_TEXT, &text, &len, &err), RS_OK);
    assert_non_null(strstr(text, "summary: 4 postings, 1 failed"));
    assert_non_null(strstr(text, "rung 3: Python (2), Apache Kafka (1)"));
    rs_free(text);
    rs_free(html);
    rs_batch_free(b);
}

/* A record rolescan named after its file ("/abs/dir/posts.jsonl:7") is
 * shown by the file's own name; a record's own id, slashes and all, as
 * written; neither is linked. */
static void test_batch_record_ids(void **state)
{
    (void)state;
    rs_batch *b = rs_batch_new(S_roles, S_lex, 0);
    assert_non_null(b);
    rs_batch_row rows[] = {
        {"/abs/dir/posts.jsonl:7", RS_ROW_ERROR, NULL, 0, NULL, 0, NULL, 0, "bad JSON",
         RS_ROW_FILE_LINE, NULL},
        {"jobs/backend/42", RS_ROW_OK, "backend", 2, "Backend Developer", 50, NULL, 0, NULL, 0,
         "Backend Engineer"},
    };
    rs_error err = {0};
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(rs_batch_add(b, &rows[i], &err), RS_OK);
    char *html = NULL;
    size_t len = 0;
    rs_report_options ro = {.as_of = S_as_of};
    assert_int_equal(render_batch(b, &ro, RS_OUTPUT_HTML, &html, &len, &err), RS_OK);
    assert_non_null(strstr(html, "<th scope=\"row\">posts.jsonl:7</th>"));
    assert_null(strstr(html, "/abs/dir"));
    assert_non_null(strstr(html, "Backend Engineer<span class=\"file\">jobs/backend/42</span>"));
    assert_null(strstr(html, "<a "));
    rs_free(html);
    rs_batch_free(b);
}

static void test_path_url(void **state)
{
    (void)state;
    char *u = rs__html_path_url("dir/a b#?.html");
    assert_string_equal(u, "./dir/a%20b%23%3F.html");
    rs__free(u);
    u = rs__html_path_url("/abs/x.txt");
    assert_string_equal(u, "/abs/x.txt");
    rs__free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_resume_is_inert),
        cmocka_unit_test(test_report_sections),
        cmocka_unit_test(test_out_of_scope_report),
        cmocka_unit_test(test_report_needs_an_analysis),
        cmocka_unit_test(test_batch_page),
        cmocka_unit_test(test_batch_record_ids),
        cmocka_unit_test(test_path_url),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
