/* test_render.c — stage 5: the JSON document (parsed back: json_read.h) and
 * the text report, including that input can never drive a terminal. */
#include <setjmp.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "json_read.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "render/json_util.h"
#include "render/render_internal.h"
#include "render_support.h"

static rs_lexicon *S_lex;

typedef struct scanned {
    rs_document *doc;
    rs_scan *scan;
} scanned;

static scanned scan_text(const char *text)
{
    scanned s = {0};
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("cv.txt", (const unsigned char *)text, strlen(text),
                                    0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &s.doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, s.doc, &s.scan, &err), RS_OK);
    return s;
}

static void scanned_free(scanned *s)
{
    rs_scan_free(s->scan);
    rs_document_free(s->doc);
}

/* Renders one result as text or JSON; caller frees with rs_free(). */
static char *render(const rs_scan_result *r, bool json, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    rs_error err = {0};
    rs_status st = render_scan(S_lex, r, 1, json ? RS_OUTPUT_JSON : RS_OUTPUT_TEXT, flags, &out,
                               &len, &err);
    assert_int_equal(st, RS_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

static json_t *render_json(const rs_scan_result *r)
{
    char *out = render(r, true, 0);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    if (!root)
        fail_msg("JSON does not parse: %s (line %d)\n%s", jerr.text, jerr.line, out);
    rs_free(out);
    return root;
}

static json_t *skill_by_id(json_t *skills, const char *id)
{
    size_t i;
    json_t *s;
    json_array_foreach(skills, i, s) {
        if (strcmp(json_string_value(json_object_get(s, "id")), id) == 0)
            return s;
    }
    fail_msg("no skill %s in the JSON", id);
    return NULL;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    assert_true(json_is_string(v));
    return json_string_value(v);
}

static json_int_t jint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    assert_true(json_is_integer(v));
    return json_integer_value(v);
}

static int setup(void **state)
{
    (void)state;
    rs_error err = {0};
    if (rs_lexicon_load(RS_TEST_DATA "/mini", &S_lex, &err) != RS_OK) {
        print_error("mini: %s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rs_lexicon_free(S_lex);
    return 0;
}

static const char S_resume[] = "Skills: C++ and Python\n  Ran Amazon EKS clusters\n";

/* ---- JSON -------------------------------------------------------------- */

static void test_json_header(void **state)
{
    (void)state;
    scanned s = scan_text(S_resume);
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    json_t *root = render_json(&r);
    assert_string_equal(jstr(root, "$schema"), "urn:rolescan:schema:scan:1");
    assert_string_equal(jstr(root, "rolescan"), RS_VERSION);
    json_t *lex = json_object_get(root, "lexicon");
    assert_string_equal(jstr(lex, "version"), "1.0.0");
    assert_string_equal(jstr(lex, "hash"), rs_lexicon_hash(S_lex));
    assert_int_equal(jint(lex, "skills"), 18);
    json_t *docs = json_object_get(root, "documents");
    assert_int_equal(json_array_size(docs), 1);
    json_t *d = json_array_get(docs, 0);
    assert_string_equal(jstr(d, "input"), "cv.txt");
    assert_string_equal(jstr(d, "status"), "ok");
    assert_string_equal(jstr(d, "encoding"), "UTF-8");
    assert_int_equal(json_array_size(json_object_get(d, "warnings")), 0);
    json_decref(root);
    scanned_free(&s);
}

static void test_json_skills(void **state)
{
    (void)state;
    scanned s = scan_text(S_resume);
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    json_t *root = render_json(&r);
    json_t *skills = json_object_get(json_array_get(json_object_get(root, "documents"), 0),
                                     "skills");
    assert_int_equal(json_array_size(skills), 5);   /* cpp python aws-eks aws k8s */
    json_t *cpp = skill_by_id(skills, "cpp");
    assert_string_equal(jstr(cpp, "name"), "C++");
    assert_string_equal(jstr(cpp, "category"), "language");
    assert_int_equal(jint(cpp, "count"), 1);
    assert_true(json_is_null(json_object_get(cpp, "implied_by")));
    json_t *ev = json_object_get(cpp, "evidence");
    assert_int_equal(json_array_size(ev), 1);
    json_t *e0 = json_array_get(ev, 0);
    assert_int_equal(jint(e0, "line"), 1);
    assert_int_equal(jint(e0, "column"), 9);
    assert_string_equal(jstr(e0, "text"), "C++");
    assert_string_equal(jstr(e0, "context"), "Skills: C++ and Python");
    json_decref(root);
    scanned_free(&s);
}

static void test_json_implied(void **state)
{
    (void)state;
    scanned s = scan_text(S_resume);
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    json_t *root = render_json(&r);
    json_t *skills = json_object_get(json_array_get(json_object_get(root, "documents"), 0),
                                     "skills");
    json_t *aws = skill_by_id(skills, "aws");
    assert_string_equal(jstr(aws, "implied_by"), "aws-eks");
    assert_int_equal(jint(aws, "count"), 0);
    json_t *e0 = json_array_get(json_object_get(aws, "evidence"), 0);
    assert_int_equal(jint(e0, "line"), 2);
    assert_int_equal(jint(e0, "column"), 7);
    assert_string_equal(jstr(e0, "text"), "Amazon EKS");
    assert_string_equal(jstr(e0, "context"), "Ran Amazon EKS clusters");
    json_decref(root);
    scanned_free(&s);
}

static void test_json_error_result(void **state)
{
    (void)state;
    rs_error e = {0};
    e.status = RS_ERR_BINARY;
    snprintf(e.message, sizeof e.message, "binary file: this is a PNG image, not text");
    rs_scan_result r = {"photo.png", NULL, NULL, &e};
    json_t *root = render_json(&r);
    json_t *d = json_array_get(json_object_get(root, "documents"), 0);
    assert_string_equal(jstr(d, "input"), "photo.png");
    assert_string_equal(jstr(d, "status"), "error");
    assert_null(json_object_get(d, "skills"));
    json_t *err = json_object_get(d, "error");
    assert_string_equal(jstr(err, "message"), e.message);
    assert_string_equal(jstr(err, "code"), "binary");
    assert_null(json_object_get(err, "line"));
    json_decref(root);
}

/* Error codes name the cause, the system's error included. */
static void test_error_codes(void **state)
{
    (void)state;
    rs_error e = {0};
    assert_string_equal(rs_error_code(&e), "ok");
    e.status = RS_ERR_IO;
    e.os_error = ENOENT;
    assert_string_equal(rs_error_code(&e), "not_found");
    e.os_error = ENOTDIR;
    assert_string_equal(rs_error_code(&e), "not_found");
    e.os_error = EACCES;
    assert_string_equal(rs_error_code(&e), "permission");
    e.os_error = EISDIR;
    assert_string_equal(rs_error_code(&e), "is_directory");
    e.os_error = EIO;
    assert_string_equal(rs_error_code(&e), "io");
    e.os_error = 0;
    assert_string_equal(rs_error_code(&e), "io");
    static const struct {
        rs_status st;
        const char *code;
    } named[] = {{RS_ERR_NOMEM, "out_of_memory"}, {RS_ERR_TOO_LARGE, "too_large"},
                 {RS_ERR_BINARY, "binary"},       {RS_ERR_ENCODING, "encoding"},
                 {RS_ERR_LEXICON, "lexicon"},     {RS_ERR_REGEX, "pattern"},
                 {RS_ERR_LIMIT, "limit"},         {RS_ERR_ARG, "argument"},
                 {RS_ERR_FORMAT, "format"}};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        e.status = named[i].st;
        assert_string_equal(rs_error_code(&e), named[i].code);
    }
    assert_string_equal(rs_error_code(NULL), "argument");
}

static void test_json_escapes_input(void **state)
{
    (void)state;
    scanned s = scan_text("Python \"quoted\" \\ \x1b[31m tab\there\n");
    rs_scan_result r = {"a\"b.txt", s.doc, s.scan, NULL};
    json_t *root = render_json(&r);   /* parses, so every string was escaped */
    json_t *d = json_array_get(json_object_get(root, "documents"), 0);
    assert_string_equal(jstr(d, "input"), "a\"b.txt");
    json_t *e0 = json_array_get(json_object_get(skill_by_id(json_object_get(d, "skills"),
                                                            "python"), "evidence"), 0);
    assert_string_equal(jstr(e0, "context"), "Python \"quoted\" \\ \x1b[31m tab here");
    json_decref(root);
    scanned_free(&s);
}

/* ---- text -------------------------------------------------------------- */

static void test_text_plain(void **state)
{
    (void)state;
    scanned s = scan_text(S_resume);
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    char *out = render(&r, false, 0);
    assert_non_null(strstr(out, "cv.txt: 3 skills found, 2 implied"));
    assert_non_null(strstr(out, "\nLanguages (2)\n"));
    assert_non_null(strstr(out, "\nCloud (2)\n"));
    assert_non_null(strstr(out, "Skills: [C++] and Python"));
    assert_non_null(strstr(out, "Amazon EKS"));
    assert_non_null(strstr(out, "implied by Amazon EKS"));
    assert_non_null(strstr(out, rs_lexicon_hash(S_lex)));
    assert_null(strchr(out, '\x1b'));
    /* Languages come before Cloud, which comes before Infrastructure */
    assert_true(strstr(out, "Languages") < strstr(out, "Cloud"));
    assert_true(strstr(out, "Cloud") < strstr(out, "Infrastructure"));
    rs_free(out);
    scanned_free(&s);
}

static void test_text_color(void **state)
{
    (void)state;
    scanned s = scan_text(S_resume);
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    char *out = render(&r, false, RS_RENDER_COLOR);
    assert_non_null(strstr(out, "\x1b[1mLanguages (2)\x1b[0m"));
    assert_non_null(strstr(out, "\x1b[1;33mC++\x1b[0m"));
    assert_null(strstr(out, "[C++]"));
    rs_free(out);
    scanned_free(&s);
}

static void test_text_all_evidence(void **state)
{
    (void)state;
    scanned s = scan_text("Python\nmore Python\nand PYTHON\n");
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    char *one = render(&r, false, 0);
    char *all = render(&r, false, RS_RENDER_ALL_EVIDENCE);
    assert_null(strstr(one, "[PYTHON]"));
    assert_non_null(strstr(all, "more [Python]"));
    assert_non_null(strstr(all, "and [PYTHON]"));
    rs_free(one);
    rs_free(all);
    scanned_free(&s);
}

static void test_text_error_result(void **state)
{
    (void)state;
    rs_error e = {0};
    e.status = RS_ERR_IO;
    snprintf(e.message, sizeof e.message, "cannot open: No such file or directory");
    rs_scan_result r = {"gone.txt", NULL, NULL, &e};
    char *out = render(&r, false, 0);
    assert_non_null(strstr(out, "gone.txt: error: cannot open: No such file or directory"));
    rs_free(out);
}

static void test_text_control_chars_in_input(void **state)
{
    (void)state;
    scanned s = scan_text("Python \x1b[31mred\x1b[0m \x07\xC2\x9B" "2J done\n");
    rs_scan_result r = {"cv.txt", s.doc, s.scan, NULL};
    for (unsigned flags = 0; flags <= RS_RENDER_COLOR; flags++) {
        char *out = render(&r, false, flags);
        assert_null(strstr(out, "\x1b[31m"));
        assert_null(strstr(out, "\x1b[0mred"));
        assert_null(strchr(out, '\x07'));
        assert_null(strstr(out, "\xC2\x9B"));
        assert_non_null(strstr(out, "\xEF\xBF\xBD[31mred\xEF\xBF\xBD[0m"));
        if (!flags)
            assert_null(strchr(out, '\x1b'));
        rs_free(out);
    }
    scanned_free(&s);
}

static void test_text_control_chars_in_name(void **state)
{
    (void)state;
    scanned s = scan_text("Python\n");
    rs_scan_result r = {"cv\x1b]0;pwned\x07.txt", s.doc, s.scan, NULL};
    char *out = render(&r, false, 0);
    bool raw = strchr(out, '\x1b') || strchr(out, '\x07');
    rs_free(out);
    rs_error e = {0};
    e.status = RS_ERR_BINARY;
    snprintf(e.message, sizeof e.message, "bad \x1b[2J input");
    rs_scan_result bad = {"x\x1b[2J.txt", NULL, NULL, &e};
    out = render(&bad, false, 0);
    bool raw_error = strchr(out, '\x1b') != NULL;
    rs_free(out);
    scanned_free(&s);
    assert_false(raw);         /* the input name of a scanned document */
    assert_false(raw_error);   /* the name and message of a failed one */
}

static void test_escape_terminal(void **state)
{
    (void)state;
    rs_buf b;
    rs__buf_init(&b, 0);
    static const char in[] = "a\x1b[0mb\tc\r\nd\x7f" "e\xC2\x9B" "f\xC2\xA0g\xC3\xA9\x01";
    assert_true(rs__escape_terminal(&b, in, sizeof in - 1));
    assert_string_equal(b.data, "a\xEF\xBF\xBD[0mb c  d\xEF\xBF\xBD" "e\xEF\xBF\xBD"
                                "f\xC2\xA0g\xC3\xA9\xEF\xBF\xBD");
    rs__buf_free(&b);
}

/* The JSON writer's strings (json.c): '"' and '\\' escaped, C0 controls as
 * \n \r \t \b \f or \u00XX (lower case for the JSON Lines records, upper
 * as the documents always had), '/' and other UTF-8 as they are. */
static void test_escape_json(void **state)
{
    (void)state;
    static const char in[] = "say \"hi\"\\ \n\r\t\b\f\x01\x1f\x7f \xC3\xA9 </script>";
    for (int lower = 0; lower < 2; lower++) {
        rs_buf b;
        rs_jg j;
        rs__buf_init(&b, 0);
        assert_true(rs__jg_open(&j, &b, lower ? RS_JG_LOWER_HEX : 0));
        rs__jg_str(&j, in);
        assert_true(rs__jg_close(&j));
        assert_string_equal(b.data, lower ? "\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f\\u0001\\u001f\x7f "
                                            "\xC3\xA9 </script>\""
                                          : "\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f\\u0001\\u001F\x7f "
                                            "\xC3\xA9 </script>\"");
        /* what we write reads back as the same string */
        json_error_t jerr;
        json_t *back = json_loads(b.data, JSON_DECODE_ANY, &jerr);
        assert_non_null(back);
        assert_string_equal(json_string_value(back), in);
        json_decref(back);
        rs__buf_free(&b);
    }
    /* not UTF-8 (an overlong NUL, a lone byte 0xFF: a file name may hold
     * any bytes): written as the text \xNN, in either format */
    for (int lower = 0; lower < 2; lower++) {
        rs_buf b;
        rs_jg j;
        rs__buf_init(&b, 0);
        rs__jg_open(&j, &b, lower ? RS_JG_LOWER_HEX : 0);
        rs__jg_str(&j, "a\xC0\x80-\xFF-\xC3\xA9");
        assert_true(rs__jg_close(&j));
        assert_string_equal(b.data, "\"a\\\\xC0\\\\x80-\\\\xFF-\xC3\xA9\"");
        rs__buf_free(&b);
    }
}

/* Reals as jansson wrote them with precision 6; an empty array or object
 * on one line, as jansson wrote them. */
static void test_json_real(void **state)
{
    (void)state;
    rs_buf b;
    rs_jg j;
    rs__buf_init(&b, 0);
    assert_true(rs__jg_open(&j, &b, RS_JG_PRETTY));
    rs__jg_array(&j);
    rs__jg_real(&j, 50.0);
    rs__jg_real(&j, 51.47058823);
    rs__jg_real(&j, 0.5);
    rs__jg_real(&j, 1e21);
    rs__jg_real(&j, 1234567.0);
    rs__jg_real(&j, 0.00001);
    rs__jg_real(&j, -0.0);
    rs__jg_array(&j);
    rs__jg_array_end(&j);
    rs__jg_map(&j);
    rs__jg_map_end(&j);
    rs__jg_array_end(&j);
    assert_true(rs__jg_close(&j));
    assert_string_equal(b.data, "[\n  50.0,\n  51.4706,\n  0.5,\n  1e21,\n  1.23457e6,\n  1e-5,\n"
                                "  -0.0,\n  [],\n  {}\n]\n");
    rs__buf_free(&b);
    rs__buf_init(&b, 0);
    rs__jg_open(&j, &b, RS_JG_PRETTY);
    rs__jg_real(&j, 0.0 / 0.0);   /* jansson refused it: the document fails */
    assert_false(rs__jg_close(&j));
    rs__buf_free(&b);
}

/* A salary band reads as a person writes one: currency, thousands
 * separators and where the figures hold. */
static void test_salary_band(void **state)
{
    (void)state;
    char out[96];
    rs_role_info info = {.salary_min = 100000, .salary_max = 1800000,
                         .salary_currency = "USD", .salary_region = "US"};
    rs__salary_band(out, sizeof out, &info);
    assert_string_equal(out, "USD 100,000–1,800,000 a year, US figures");
    info.salary_min = 999;
    info.salary_max = 1000;
    rs__salary_band(out, sizeof out, &info);
    assert_string_equal(out, "USD 999–1,000 a year, US figures");
    rs__salary_band(out, 8, &info);   /* truncated, still a string */
    assert_int_equal(strlen(out), 7);
    info.salary_currency = NULL;
    rs__salary_band(out, sizeof out, &info);
    assert_string_equal(out, "");
}

/* A quote as a reader should see it (rs__strip_markup): Markdown
 * emphasis, code marks and link targets dropped, table pipes read as
 * " · ", blanks collapsed, block marks dropped at a line's start only, a
 * leading or trailing blank kept only when more of the quote is on that
 * side; snake_case, "window.__x" and C# or C++ as written. */
static void test_strip_markup(void **state)
{
    (void)state;
    enum { L = RS__MARKUP_LINE_START, CL = RS__MARKUP_CUT_LEFT, CR = RS__MARKUP_CUT_RIGHT };
    static const struct {
        const char *in;
        unsigned flags;
        const char *want;
    } cases[] = {
        {"work in **Python** and `SQL`", 0, "work in Python and SQL"},
        {"| Go | 5 years |", L, "Go \xC2\xB7 5 years"},
        {"| Area | Tools |\n", L, "Area \xC2\xB7 Tools"},
        {"|------|:-----:|", L, ""},   /* a separator row says nothing */
        {"| Latency | -40% | Go |", L, "Latency \xC2\xB7 -40% \xC2\xB7 Go"},
        {"| :-( budget cut |", L, ":-( budget cut"},
        {"## Skills", L, "Skills"},
        {"## Skills", 0, "## Skills"},   /* not at a line's start: text */
        {"- built [the site](https://x.example/a) fast", L, "built the site fast"},
        {"- item", 0, "- item"},
        {"read_replicas and _emphasis_ here", 0, "read_replicas and emphasis here"},
        {"window.__pwned=1", 0, "window.__pwned=1"},
        {"__init__", 0, "init"},
        {"a  \t b", 0, "a b"},
        {" and x ", 0, "and x"},
        {"1. Led the team", L, "Led the team"},
        {"10. Led the team", L, "Led the team"},
        {"1. Led the team", 0, "1. Led the team"},
        {"C# and C++", 0, "C# and C++"},
        {"> quoted", L, "quoted"},
        {"> - item", L, "item"},
        {"#1 seller", L, "#1 seller"},   /* no blank after the mark: text */
        {"-5 degrees", L, "-5 degrees"},
        {"", 0, ""},
        {"[GitHub](https://github.com/x) and [blog](https://b.example)", 0, "GitHub and blog"},
        {"[a](https://a.example) [b](https://b.example)", 0, "a b"},
        {"[_a](x_) _b_", 0, "_a b"},   /* no pair across a link's target */
        /* emphasis only in pairs: a star or underscore that closes nothing is text */
        {"2 * 3 replicas", 0, "2 * 3 replicas"},
        {"ran `SELECT *` on it", 0, "ran SELECT * on it"},
        {"Oracle Pro*C, F*, Python and SQL*Plus", 0, "Oracle Pro*C, F*, Python and SQL*Plus"},
        {"**bold** and *it* and ***both***", 0, "bold and it and both"},
        {"**unclosed emphasis", 0, "**unclosed emphasis"},
        /* a quote cut from a longer line: a "**" whose partner was cut off */
        {"ython** and SQL, with **Airf", CL | CR, "ython and SQL, with Airf"},
        {"uses F* and C**", CL, "uses F* and C"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        rs_buf b;
        rs__buf_init(&b, 0);
        assert_true(rs__strip_markup(&b, cases[k].in, strlen(cases[k].in), cases[k].flags, NULL));
        const char *got = b.len ? b.data : "";
        if (strcmp(got, cases[k].want) != 0)
            fail_msg("case %zu \"%s\" (flags %u): \"%s\", want \"%s\"", k, cases[k].in,
                     cases[k].flags, got, cases[k].want);
        rs__buf_free(&b);
    }
}

/* The matched words keep their place: the mark moves with the text
 * around it, emphasis around it is dropped in pairs across its edges. */
static void test_strip_markup_mark(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *word;   /* the mark: the first occurrence of word in in */
        const char *before, *marked, *after;
    } cases[] = {
        {"orchestrate with **Apache Airflow**, process", "Apache Airflow", "orchestrate with ",
         "Apache Airflow", ", process"},
        {"| Languages | Python, SQL |", "Python", "Languages \xC2\xB7 ", "Python", ", SQL"},
        {"_Django_ and [Flask](http://x)", "Flask", "Django and ", "Flask", ""},
        {"  Go  ", "Go", "", "Go", ""},
        {"a  **b**  c", "b", "a ", "b", " c"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *in = cases[k].in, *at = strstr(in, cases[k].word);
        size_t mark[2] = {(size_t)(at - in), (size_t)(at - in) + strlen(cases[k].word)};
        rs_buf b;
        rs__buf_init(&b, 0);
        assert_true(rs__strip_markup(&b, in, strlen(in), RS__MARKUP_LINE_START, mark));
        const char *got = b.len ? b.data : "";
        assert_true(mark[0] <= mark[1] && mark[1] <= b.len);
        if (strlen(cases[k].before) != mark[0] ||
            strncmp(got, cases[k].before, mark[0]) != 0 ||
            strlen(cases[k].marked) != mark[1] - mark[0] ||
            strncmp(got + mark[0], cases[k].marked, mark[1] - mark[0]) != 0 ||
            strcmp(got + mark[1], cases[k].after) != 0)
            fail_msg("case %zu \"%s\": \"%s\" marked [%zu, %zu)", k, in, got, mark[0], mark[1]);
        rs__buf_free(&b);
    }
    /* it appends after what the buffer held */
    rs_buf b;
    rs__buf_init(&b, 0);
    assert_true(rs__buf_puts(&b, "\xE2\x80\x9C"));
    size_t mark[2] = {5, 7};
    assert_true(rs__strip_markup(&b, " | **Go** |", 11, 0, mark));
    assert_string_equal(b.data, "\xE2\x80\x9CGo");
    assert_int_equal(mark[0], 3);
    assert_int_equal(mark[1], 5);
    rs__buf_free(&b);
    /* a buffer that cannot take it: false */
    rs__buf_init(&b, 4);
    assert_false(rs__strip_markup(&b, "work in **Python**", 18, 0, NULL));
    rs__buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_json),
        cmocka_unit_test(test_salary_band),
        cmocka_unit_test(test_json_real),
        cmocka_unit_test(test_json_header),
        cmocka_unit_test(test_json_skills),
        cmocka_unit_test(test_json_implied),
        cmocka_unit_test(test_json_error_result),
        cmocka_unit_test(test_error_codes),
        cmocka_unit_test(test_json_escapes_input),
        cmocka_unit_test(test_text_plain),
        cmocka_unit_test(test_text_color),
        cmocka_unit_test(test_text_all_evidence),
        cmocka_unit_test(test_text_error_result),
        cmocka_unit_test(test_text_control_chars_in_input),
        cmocka_unit_test(test_text_control_chars_in_name),
        cmocka_unit_test(test_escape_terminal),
        cmocka_unit_test(test_strip_markup),
        cmocka_unit_test(test_strip_markup_mark),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
