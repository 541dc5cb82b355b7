/* test_pathological.c — hostile shapes of input that once were, or could
 * be, quadratic: each must finish (CTest's timeout guards against a hang)
 * and give the right answer. Runs on the mini lexicon, the shipped one
 * where roles are needed, and hostile lexicons (tests/data/evil-lexicons,
 * tests/pathological/backtrack).
 *
 * Work is counted, not timed: evidence and range counts against the input,
 * PCRE2 calls (pcre2_match is wrapped below), files libxml2 opens (an input
 * callback that only watches) and network calls (socket, connect and the
 * resolver are replaced below: any call fails and is counted). */
#define _GNU_SOURCE   /* RTLD_NEXT, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/nanohttp.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <pcre2.h>

#include "rolescan.h"

#define S_LEXICONS RS_TEST_DATA "/../../lexicons"
#define S_EVIL RS_TEST_DATA "/evil-lexicons/"
#define S_BACKTRACK RS_TEST_DATA "/../pathological/backtrack"
#define S_NEARLIMIT RS_TEST_DATA "/../pathological/nearlimit"

/* ---- counters ------------------------------------------------------------ */

/* Every pcre2_match the library makes comes here (the library is linked
 * statically, so its calls bind to this definition), then to PCRE2's. */
static size_t S_pcre2_calls, S_pcre2_failures;

int pcre2_match_8(const pcre2_code_8 *code, PCRE2_SPTR8 subject, PCRE2_SIZE length,
                  PCRE2_SIZE start, uint32_t options, pcre2_match_data_8 *md,
                  pcre2_match_context_8 *mc)
{
    static int (*real)(const pcre2_code_8 *, PCRE2_SPTR8, PCRE2_SIZE, PCRE2_SIZE,
                       uint32_t, pcre2_match_data_8 *, pcre2_match_context_8 *);
    if (!real) {
        void *sym = dlsym(RTLD_NEXT, "pcre2_match_8");
        if (!sym)
            abort();
        memcpy(&real, &sym, sizeof real);
    }
    S_pcre2_calls++;
    int rc = real(code, subject, length, start, options, md, mc);
    S_pcre2_failures += rc < 0 && rc != PCRE2_ERROR_NOMATCH;
    return rc;
}

/* No network: the calls libxml2 (nanohttp) would make fail, counted.
 * Exported (the build hides symbols by default) so that the shared libxml2
 * binds to them rather than to the C library's. */
static size_t S_net_calls;
#define S_EXPORT __attribute__((visibility("default")))

S_EXPORT int socket(int domain, int type, int protocol)
{
    (void)domain, (void)type, (void)protocol;
    S_net_calls++;
    errno = EACCES;
    return -1;
}

S_EXPORT int connect(int fd, __CONST_SOCKADDR_ARG addr, socklen_t len)   /* glibc's spelling */
{
    (void)fd, (void)addr, (void)len;
    S_net_calls++;
    errno = EACCES;
    return -1;
}

S_EXPORT int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res)
{
    (void)node, (void)service, (void)hints, (void)res;
    S_net_calls++;
    return EAI_FAIL;
}

S_EXPORT struct hostent *gethostbyname(const char *name)
{
    (void)name;
    S_net_calls++;
    return NULL;
}

/* Every file or URL libxml2 opens goes through its input callbacks, the
 * last registered asked first: this one only counts, and declines. */
static size_t S_xml_opens;
static char S_xml_last_open[256];

static int S_xml_match(const char *uri)
{
    S_xml_opens++;
    snprintf(S_xml_last_open, sizeof S_xml_last_open, "%s", uri ? uri : "");
    return 0;
}

static void *S_xml_never_open(const char *uri)
{
    (void)uri;
    return NULL;
}

/* The peak resident set so far, KiB. */
static long S_peak_kib(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

static rs_lexicon *S_lex;

static rs_lexicon *S_full;    /* the shipped lexicons, for analysis */
static rs_roles *S_roles;

static int S_setup(void **state)
{
    (void)state;
    rs_global_init();
    if (xmlRegisterInputCallbacks(S_xml_match, S_xml_never_open, NULL, NULL) < 0)
        return -1;
    rs_error err = {0};
    if (rs_lexicon_load(RS_TEST_DATA "/mini", &S_lex, &err) != RS_OK ||
        rs_lexicon_load(S_LEXICONS, &S_full, &err) != RS_OK ||
        rs_roles_load(S_LEXICONS, S_full, &S_roles, &err) != RS_OK) {
        fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    rs_roles_free(S_roles);
    rs_lexicon_free(S_full);
    rs_lexicon_free(S_lex);
    return 0;
}

/* `piece` repeated `times`, with `sep` between. */
static char *S_repeat(const char *piece, const char *sep, size_t times, size_t *len)
{
    size_t p = strlen(piece), s = strlen(sep);
    char *buf = malloc(times * (p + s) + 1);
    assert_non_null(buf);
    size_t o = 0;
    for (size_t i = 0; i < times; i++) {
        memcpy(buf + o, piece, p);
        o += p;
        memcpy(buf + o, sep, s);
        o += s;
    }
    buf[o] = '\0';
    *len = o;
    return buf;
}

typedef struct S_result {
    size_t hits;
    size_t first_count;
    unsigned last_column;
} S_result;

static S_result S_scan(const char *text, size_t len, const char *id)
{
    rs_error err = {0};
    rs_text *t = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    assert_int_equal(rs_text_decode("p", (const unsigned char *)text, len, 0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    S_result r = {rs_scan_hit_count(scan), 0, 0};
    for (size_t i = 0; i < r.hits; i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (strcmp(rs_lexicon_skill(S_lex, h->skill).id, id) == 0) {
            r.first_count = h->count;
            r.last_column = h->evidence[h->evidence_count - 1].column;
            char ctx[128];
            rs_evidence_context(doc, &h->evidence[h->evidence_count - 1], ctx, sizeof ctx);
            assert_true(strlen(ctx) < sizeof ctx);
        }
    }
    rs_scan_free(scan);
    rs_document_free(doc);
    return r;
}

/* 1,000,000 matches on one 7 MB line: positions and contexts stay linear. */
static void test_many_matches_on_one_line(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("Python", " ", 1000000, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.first_count, 1000000);   /* all counted, the first listed */
    assert_int_equal(r.last_column, 7 * (RS_MAX_EVIDENCE_PER_SKILL - 1) + 1);
    free(text);
}

/* 100,000 pattern triggers: each window is run once, each match kept
 * once, and the document's budget of pattern runs ends it, saying so. */
static void test_many_pattern_triggers(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("ISO 27001", " and ", 100000, &len);
    S_pcre2_calls = 0;
    S_result r = S_scan(text, len, "iso-27001");
    assert_true(r.first_count >= RS_MAX_EVIDENCE_PER_SKILL);
    assert_true(r.first_count <= 256);
    assert_true(S_pcre2_calls <= 256);
    free(text);
}

/* 100,000 ambiguous words needing context, with one anchor at the end. */
static void test_many_context_checks(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("Go", " ", 100000, &len);
    S_result r = S_scan(text, len, "go");
    assert_int_equal(r.first_count, 0);   /* no tech context anywhere */
    free(text);
    text = S_repeat("Go Python", "\n", 100000, &len);
    r = S_scan(text, len, "go");
    assert_int_equal(r.first_count, 100000);
    free(text);
}

/* One 8 MB token, and 200,000 combining marks on one letter. */
static void test_huge_token_and_marks(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("x", "", 8u << 20, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
    text = S_repeat("\xCC\x81", "", 200000, &len);   /* U+0301 */
    char *doc = malloc(len + 16);
    assert_non_null(doc);
    memcpy(doc, "Python e", 8);
    memcpy(doc + 8, text, len);
    r = S_scan(doc, len + 8, "python");
    assert_int_equal(r.first_count, 1);
    free(text);
    free(doc);
}

/* Hyphens before long runs of blanks, and a line of only hyphens. */
static void test_hyphen_runs(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("a-", "                ", 200000, &len);
    S_result r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
    text = S_repeat("-", "", 4u << 20, &len);
    r = S_scan(text, len, "python");
    assert_int_equal(r.hits, 0);
    free(text);
}

/* Empty input, only white space, only U+FFFD. */
static void test_empty_shapes(void **state)
{
    (void)state;
    assert_int_equal(S_scan("", 0, "python").hits, 0);
    size_t len;
    char *text = S_repeat(" \t\n", "\r\n", 100000, &len);
    assert_int_equal(S_scan(text, len, "python").hits, 0);
    free(text);
    text = S_repeat("\xEF\xBF\xBD", "", 100000, &len);
    assert_int_equal(S_scan(text, len, "python").hits, 0);
    free(text);
}

/* ---- helpers for the tests below ----------------------------------------- */

/* A document from bytes (asserting success); the caller frees it. */
static rs_document *S_doc(const char *text, size_t len)
{
    rs_error err = {0};
    rs_text *t = NULL;
    rs_document *doc = NULL;
    assert_int_equal(rs_text_decode("p", (const unsigned char *)text, len, 0, &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    return doc;
}

/* The hit of skill `id` in a scan, or NULL. */
static const rs_skill_hit *S_hit(const rs_lexicon *lex, const rs_scan *scan, const char *id)
{
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (strcmp(rs_lexicon_skill(lex, h->skill).id, id) == 0)
            return h;
    }
    return NULL;
}

/* ---- 1. one skill name 100,000 times ---------------------------------------- */

/* "Kubernetes " x 100,000: one skill, counted 100,000 times, with as many
 * evidence entries (no cap), positions in one sweep. */
static void test_repeated_skill_name(void **state)
{
    (void)state;
    size_t len;
    char *text = S_repeat("Kubernetes", " ", 100000, &len);
    rs_document *doc = S_doc(text, len);
    rs_scan *scan = NULL;
    rs_error err = {0};
    S_pcre2_calls = 0;
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    assert_int_equal(rs_scan_hit_count(scan), 1);
    const rs_skill_hit *h = S_hit(S_lex, scan, "kubernetes");
    assert_non_null(h);
    assert_int_equal(h->count, 100000);
    assert_int_equal(h->evidence_count, RS_MAX_EVIDENCE_PER_SKILL);
    const rs_evidence *last = &h->evidence[RS_MAX_EVIDENCE_PER_SKILL - 1];
    assert_int_equal(last->line, 1);
    assert_int_equal(last->column, 11 * (RS_MAX_EVIDENCE_PER_SKILL - 1) + 1);
    assert_int_equal(rs_scan_warning_count(scan), 0);
    assert_int_equal(S_pcre2_calls, 0);   /* no trigger: no pattern ran */
    rs_scan_free(scan);
    rs_document_free(doc);
    free(text);
}

/* ---- 2. a 10 MB line ----------------------------------------------------------- */

/* 10 MB without a line end, words and skills mixed (one needing context,
 * one found by a pattern): every occurrence counted once, PCRE2 run a
 * bounded number of times per occurrence, contexts cut to their buffer. */
static void test_ten_megabyte_line(void **state)
{
    (void)state;
    const char *piece = "Python lorem Kubernetes ipsum Go dolor ISO 27001 sit JS amet";
    size_t plen = strlen(piece) + 1, times = (10u << 20) / plen, len;
    char *text = S_repeat(piece, " ", times, &len);
    assert_true(len >= (10u << 20) - plen);
    assert_null(memchr(text, '\n', len));
    rs_document *doc = S_doc(text, len);
    rs_scan *scan = NULL;
    rs_error err = {0};
    S_pcre2_calls = 0;
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    const char *ids[] = {"python", "kubernetes", "go", "iso-27001", "javascript"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        const rs_skill_hit *h = S_hit(S_lex, scan, ids[k]);
        assert_non_null(h);
        /* every mention counted, but a pattern's past the budget of runs */
        bool pattern = strcmp(ids[k], "iso-27001") == 0;
        if (pattern && (h->count == 0 || h->count >= times))
            fail_msg("iso-27001 counted %zu of %zu", h->count, times);
        if (!pattern)
            assert_int_equal(h->count, times);
        assert_int_equal(h->evidence_count, h->count < RS_MAX_EVIDENCE_PER_SKILL
                                                ? h->count : RS_MAX_EVIDENCE_PER_SKILL);
        const rs_evidence *last = &h->evidence[h->evidence_count - 1];
        assert_int_equal(last->line, 1);
        char ctx[160];
        assert_true(rs_evidence_context(doc, last, ctx, sizeof ctx) < sizeof ctx);
    }
    assert_int_equal(rs_scan_hit_count(scan), 5);
    assert_int_equal(rs_scan_warning_count(scan), 1);
    assert_non_null(strstr(rs_scan_warning(scan, 0), "budget of 256 pattern runs"));
    /* the document's budget of pattern runs, and one more that is not run */
    if (S_pcre2_calls > 256)
        fail_msg("%zu PCRE2 calls for %zu matches", S_pcre2_calls, times);
    rs_scan_free(scan);
    rs_document_free(doc);
    free(text);
}

/* ---- 3b. bounded work and memory at the input size limit ------------------------ */

typedef struct S_bounded {
    size_t count;          /* of the skill asked for */
    size_t evidence;
    size_t warnings;
    size_t json_bytes;     /* the scan rendered as JSON */
    size_t tokens;
} S_bounded;

/* `piece` repeated to `size` bytes, scanned with the shipped lexicons,
 * the scan rendered as JSON. */
static S_bounded S_scan_bounded(const char *piece, size_t size, const char *id)
{
    size_t len;
    char *text = S_repeat(piece, "", size / strlen(piece), &len);
    rs_document *doc = S_doc(text, len);
    free(text);
    rs_scan *scan = NULL;
    rs_error err = {0};
    assert_int_equal(rs_scan_run(S_full, doc, &scan, &err), RS_OK);
    S_bounded b = {0};
    const rs_skill_hit *h = S_hit(S_full, scan, id);
    assert_non_null(h);
    b.count = h->count;
    b.evidence = h->evidence_count;
    b.warnings = rs_scan_warning_count(scan);
    const rs_token *toks;
    assert_int_equal(rs_document_tokens(doc, &toks, &b.tokens, &err), RS_OK);
    rs_scan_result r = {"p", doc, scan, NULL};
    rs_report *rep = NULL;
    char *json = NULL;
    assert_int_equal(rs_report_scan(S_full, &r, 1, NULL, &rep, &err), RS_OK);
    assert_int_equal(rs_render(rep, RS_OUTPUT_JSON, 0, &json, &b.json_bytes, &err), RS_OK);
    rs_free(json);
    rs_report_free(rep);
    rs_scan_free(scan);
    rs_document_free(doc);
    return b;
}

/* 16 MiB of one token ("C++ "): the tokens stop at their budget (one per
 * 4 bytes) with a warning; the skill lists 100 places and counts every
 * one read; the JSON is as long as for 1 MiB. (Peak memory through the
 * command line: pathological/bounded_memory.py.) */
static void test_sixteen_mib_one_token(void **state)
{
    (void)state;
    S_bounded small = S_scan_bounded("C++ ", 64u << 10, "cpp");
    assert_int_equal(small.count, (64u << 10) / 4);   /* under the budget: all read */
    assert_int_equal(small.warnings, 0);
    S_bounded big = S_scan_bounded("C++ ", (16u << 20) - 64, "cpp");
    assert_int_equal(big.tokens, ((16u << 20) - 64) / 4 + 65536);
    assert_int_equal(big.count, big.tokens / 3);      /* "c" "+" "+" per mention */
    assert_int_equal(big.evidence, RS_MAX_EVIDENCE_PER_SKILL);
    assert_int_equal(big.warnings, 1);
    if (big.json_bytes > small.json_bytes + 2048)   /* the warning, longer counts */
        fail_msg("JSON of %zu bytes for 16 MiB, %zu for 64 KiB", big.json_bytes,
                 small.json_bytes);
}

/* 16 MiB of one skill phrase: every mention counted, 100 listed for each
 * skill, the JSON as long as for 1 MiB. */
static void test_sixteen_mib_one_phrase(void **state)
{
    (void)state;
    const char *piece = "Kubernetes and Terraform on AWS. ";
    size_t size = (16u << 20) - 64;
    S_bounded small = S_scan_bounded(piece, 1u << 20, "kubernetes");
    S_bounded big = S_scan_bounded(piece, size, "kubernetes");
    assert_int_equal(big.count, size / strlen(piece));
    assert_int_equal(big.evidence, RS_MAX_EVIDENCE_PER_SKILL);
    assert_int_equal(big.warnings, 0);
    assert_true(big.json_bytes < small.json_bytes + 2048);
}

/* A pattern that backtracks just under PCRE2's match limit on every line:
 * the document's budget of pattern runs bounds the work, a warning says
 * where it stopped, the rest of the scan goes on. */
static void test_near_limit_pattern(void **state)
{
    (void)state;
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load(S_NEARLIMIT, &lex, &err), RS_OK);
    size_t len;
    char *text = S_repeat("Python x aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\n", 20000, &len);
    rs_document *doc = S_doc(text, len);
    rs_scan *scan = NULL;
    S_pcre2_calls = S_pcre2_failures = 0;
    assert_int_equal(rs_scan_run(lex, doc, &scan, &err), RS_OK);
    assert_int_equal(S_pcre2_calls, 256);
    assert_int_equal(S_pcre2_failures, 0);   /* under the limit every time */
    assert_int_equal(rs_scan_warning_count(scan), 1);
    assert_non_null(strstr(rs_scan_warning(scan, 0), "patterns not run after line 257"));
    const rs_skill_hit *h = S_hit(lex, scan, "python");
    assert_non_null(h);
    assert_int_equal(h->count, 20000);
    rs_scan_free(scan);
    rs_document_free(doc);
    free(text);
    rs_lexicon_free(lex);
}

/* ---- 4. HTML nested 100,000 and 400,000 deep ------------------------------------ */

/* libxml2 stops at 256 levels; the reader then reads a page of up to 2 MiB
 * again without the limit (no stack used per level), and a larger one
 * keeps what came before and says so. */
static void test_html_nested_deep(void **state)
{
    (void)state;
    /* 100,000 levels (1.1 MB): read again without the parser's limit, in
     * full, with a warning; 400,000 (4.4 MB, over 2 MiB): what came before
     * the limit, and a warning that the rest is not read, or when nothing
     * came before an error that says why, not "no text in HTML" */
    const size_t depths[] = {100000, 400000};
    for (size_t d = 0; d < 2; d++) {
        size_t depth = depths[d], cap = 64 + depth * 11, n = 0;
        char *html = malloc(cap);
        assert_non_null(html);
        for (int before = 0; before < 2; before++) {
            n = (size_t)sprintf(html, "%s", before ? "<p>Kubernetes first</p>" : "");
            for (size_t i = 0; i < depth; i++, n += 5)
                memcpy(html + n, "<div>", 5);
            n += (size_t)sprintf(html + n, "Python deep");
            for (size_t i = 0; i < depth; i++, n += 6)
                memcpy(html + n, "</div>", 6);
            rs_text *t = NULL;
            rs_error err = {0};
            rs_status st = rs_html_read("deep.html", (const unsigned char *)html, n, 0, &t,
                                        NULL, &err);
            if (d == 0) {
                assert_int_equal(st, RS_OK);
                assert_non_null(strstr(rs_text_data(t), "Python deep"));
                assert_true(rs_text_length(t) < 64);   /* no line per <div> */
                assert_non_null(strstr(rs_text_warning(t), "(read in full)"));
            } else if (before) {
                assert_int_equal(st, RS_OK);
                assert_non_null(strstr(rs_text_data(t), "Kubernetes first"));
                assert_null(strstr(rs_text_data(t), "Python deep"));
                assert_non_null(strstr(rs_text_warning(t), "is not read"));
            } else {
                assert_int_equal(st, RS_ERR_LIMIT);
                assert_null(t);
                assert_non_null(strstr(err.message, "256 deep"));
                assert_string_equal(err.file, "deep.html");
            }
            rs_text_free(t);
        }
        free(html);
    }
}

/* ---- 5. a backtracking pattern ------------------------------------------------- */

/* (a+)+$ on "a aaa...aaab": each run hits PCRE2's match limit (or JIT
 * stack limit); the scan warns, names the pattern, and after
 * 4 hits stops running it on that document: 20,000 such lines cost 4
 * PCRE2 calls, not 20,000 match limits (8 s before). */
static void test_backtracking_pattern(void **state)
{
    (void)state;
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    assert_int_equal(rs_lexicon_load(S_BACKTRACK, &lex, &err), RS_OK);

    /* a long line, "aaa...a a aaa...ab" (the pattern runs only in the
     * window around its trigger, 768 bytes at most): one limit hit */
    size_t len;
    char *as = S_repeat("a", "", 5000, &len);
    char *text = malloc(len + 400);
    assert_non_null(text);
    len = (size_t)sprintf(text, "%s a %.300sb", as, as);
    rs_document *doc = S_doc(text, len);
    rs_scan *scan = NULL;
    S_pcre2_calls = S_pcre2_failures = 0;
    assert_int_equal(rs_scan_run(lex, doc, &scan, &err), RS_OK);
    assert_int_equal(rs_scan_hit_count(scan), 0);
    assert_int_equal(S_pcre2_failures, 1);
    assert_int_equal(S_pcre2_calls, 1);
    assert_int_equal(rs_scan_warning_count(scan), 1);
    const char *w = rs_scan_warning(scan, 0);
    assert_non_null(strstr(w, "pattern of skill 'evil-a'"));
    assert_non_null(strstr(w, "skills-backtrack.xml:8"));
    assert_non_null(strstr(w, "skipped at line 1"));
    assert_true(strstr(w, "match limit") || strstr(w, "JIT stack"));
    rs_scan_free(scan);
    rs_document_free(doc);
    free(text);
    free(as);

    /* 20,000 lines, each a window of its own */
    text = S_repeat("Python a aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "\n", 20000, &len);
    doc = S_doc(text, len);
    S_pcre2_calls = S_pcre2_failures = 0;
    assert_int_equal(rs_scan_run(lex, doc, &scan, &err), RS_OK);
    assert_int_equal(S_pcre2_failures, 4);
    assert_int_equal(S_pcre2_calls, 4);
    assert_int_equal(rs_scan_warning_count(scan), 4);
    assert_non_null(strstr(rs_scan_warning(scan, 3), "skipped at line 4"));
    assert_non_null(strstr(rs_scan_warning(scan, 3), "not run on the rest of this document"));
    const rs_skill_hit *h = S_hit(lex, scan, "python");   /* the rest of the scan goes on */
    assert_non_null(h);
    assert_int_equal(h->count, 20000);
    assert_null(S_hit(lex, scan, "evil-a"));
    rs_scan_free(scan);
    rs_document_free(doc);
    free(text);
    rs_lexicon_free(lex);
}

/* ---- 6. 50,000 date ranges ------------------------------------------------------- */

static rs_analysis *S_analyze(const char *text, size_t len, rs_document **doc, rs_scan **scan)
{
    rs_error err = {0};
    *doc = S_doc(text, len);
    assert_int_equal(rs_scan_run(S_full, *doc, scan, &err), RS_OK);
    rs_analysis_options opts = {.as_of = {2026, 11}};
    rs_analysis *a = NULL;
    assert_int_equal(rs_analyze(S_roles, S_full, *doc, *scan, &opts, &a, &err), RS_OK);
    return a;
}

static void S_analysis_free(rs_analysis *a, rs_scan *scan, rs_document *doc)
{
    rs_analysis_free(a);
    rs_scan_free(scan);
    rs_document_free(doc);
}

/* Each range is read once: as many ranges as written, each on its line,
 * merged to the months they cover. Also all on one line, which took
 * minutes when every range walked its whole line. */
static void test_many_date_ranges(void **state)
{
    (void)state;
    const char *seps[] = {"\n", "; "};
    for (size_t k = 0; k < 2; k++) {
        size_t len;
        char *text = S_repeat("Jan 2001 - Feb 2002", seps[k], 50000, &len);
        rs_document *doc;
        rs_scan *scan;
        rs_analysis *a = S_analyze(text, len, &doc, &scan);
        assert_int_equal(rs_analysis_range_count(a), 50000);
        assert_int_equal(rs_analysis_months(a), 14);   /* Jan 2001 .. Feb 2002 */
        const rs_range *last = rs_analysis_range(a, 49999);
        assert_int_equal(last->line, k == 0 ? 50000 : 1);
        assert_int_equal(last->start.year, 2001);
        assert_int_equal(last->end.month, 2);
        assert_int_equal(last->orig_end - last->orig_start, strlen("Jan 2001 - Feb 2002"));
        S_analysis_free(a, scan, doc);
        free(text);
    }
    /* two disjoint ranges, 25,000 times each: 12 + 6 months */
    size_t len;
    char *text = S_repeat("Jan 2001 - Dec 2001\nJan 2003 - Jun 2003", "\n", 25000, &len);
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a = S_analyze(text, len, &doc, &scan);
    assert_int_equal(rs_analysis_range_count(a), 50000);
    assert_int_equal(rs_analysis_months(a), 18);
    S_analysis_free(a, scan, doc);
    free(text);
}

/* ---- 7. empty shapes through the analysis ---------------------------------------- */

/* Empty, white space only, U+FFFD only: no skill, out of scope, rung 0, no
 * error, through the whole pipeline. */
static void test_empty_shapes_analysed(void **state)
{
    (void)state;
    size_t lens[3];
    char *texts[3];
    texts[0] = S_repeat("", "", 0, &lens[0]);
    texts[1] = S_repeat(" \t\n", "\r\n", 100000, &lens[1]);
    texts[2] = S_repeat("\xEF\xBF\xBD", "", 100000, &lens[2]);
    for (size_t k = 0; k < 3; k++) {
        rs_document *doc;
        rs_scan *scan;
        rs_analysis *a = S_analyze(texts[k], lens[k], &doc, &scan);
        assert_int_equal(rs_scan_hit_count(scan), 0);
        assert_int_equal(rs_scan_warning_count(scan), 0);
        const char *why = NULL;
        assert_int_equal(rs_analysis_in_scope(a, &why), 0);
        assert_non_null(why);
        double conf = 1;
        assert_int_equal(rs_analysis_rung(a, &conf), 0);
        assert_int_equal(rs_analysis_range_count(a), 0);
        assert_int_equal(rs_analysis_months(a), 0);
        S_analysis_free(a, scan, doc);
        free(texts[k]);
    }
}

/* ---- lexicon safety ---------------------------------------------------------------- */

/* The first line of /etc/passwd ("" when unreadable): must never show. */
static void S_passwd_line(char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen("/etc/passwd", "r");
    if (f) {
        if (!fgets(buf, (int)size, f))
            buf[0] = '\0';
        fclose(f);
    }
    buf[strcspn(buf, "\n")] = '\0';
}

/* Loading `dir` fails with `status`, naming the file (and a line when
 * `line`), with `what` in the message; nothing opened, no network, no
 * byte of /etc/passwd in the message. */
static void S_refused(const char *dir, rs_status status, const char *file, int line,
                      const char *what)
{
    char passwd[256];
    S_passwd_line(passwd, sizeof passwd);
    size_t opens = S_xml_opens, net = S_net_calls;
    rs_lexicon *lex = NULL;
    rs_error err = {0};
    rs_status st = rs_lexicon_load(dir, &lex, &err);
    if (st != status || !strstr(err.file, file) || (line && err.line == 0) ||
        !strstr(err.message, what))
        fail_msg("%s: status %d (%s), want %d; %s:%u: %s (want \"%s\")", dir, (int)st,
                 rs_strerror(st), (int)status, err.file, err.line, err.message, what);
    assert_null(lex);
    assert_null(strstr(err.message, "root:"));
    if (passwd[0])
        assert_null(strstr(err.message, passwd));
    if (S_xml_opens != opens)
        fail_msg("%s: libxml2 opened \"%s\"", dir, S_xml_last_open);
    assert_int_equal(S_net_calls, net);
}

static void S_xml_quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

/* The counters see what they should: a file libxml2 opens, a name its
 * HTTP client looks up, a PCRE2 call; else the checks below prove nothing. */
static void test_counters_work(void **state)
{
    (void)state;
    size_t opens = S_xml_opens, net = S_net_calls;
    xmlDoc *doc = xmlReadFile(RS_TEST_DATA "/mini/mini.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlFreeDoc(doc);
    assert_true(S_xml_opens > opens);
#ifdef LIBXML_HTTP_ENABLED
    xmlSetGenericErrorFunc(NULL, S_xml_quiet);   /* its complaint is expected */
    void *ctx = xmlNanoHTTPOpen("http://rolescan-evil.invalid/x.dtd", NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    assert_null(ctx);
    assert_true(S_net_calls > net);
#else
    (void)net;
#endif
    S_pcre2_calls = 0;
    size_t len;
    char *text = S_repeat("ISO 27001", " ", 3, &len);
    S_scan(text, len, "iso-27001");
    assert_true(S_pcre2_calls > 0);
    free(text);
}

/* The committed cases (tests/data/evil-lexicons/README.md). */
static void test_evil_lexicons(void **state)
{
    (void)state;
    static const struct {
        const char *dir;
        const char *what;
    } cases[] = {
        {"xxe-file", "DOCTYPE is not allowed"},
        {"xxe-network", "DOCTYPE is not allowed"},
        {"parameter-entity", "DOCTYPE is not allowed"},
        {"parameter-entity-oob", "DOCTYPE is not allowed"},
        {"external-dtd-file", "DOCTYPE is not allowed"},
        {"network-dtd", "DOCTYPE is not allowed"},
        {"xinclude", "Did not expect element include"},
        {"billion-laughs", "DOCTYPE is not allowed"},
        {"deep-nesting", "Excessive depth"},
    };
    long peak = S_peak_kib();
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s%s", S_EVIL, cases[k].dir);
        S_refused(dir, RS_ERR_LEXICON, "skills-evil.xml", 1, cases[k].what);
    }
    /* no entity expanded: 10^9 "lol" would be 3 GB */
    assert_true(S_peak_kib() - peak < 256 * 1024);
}

/* A scratch folder with one file of `size` bytes: `head`, then `piece`
 * repeated, then `tail`. */
static void S_write_lexicon(const char *path, const char *head, const char *piece,
                            size_t times, const char *tail)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(head, f);
    for (size_t i = 0; i < times; i++)
        fputs(piece, f);
    fputs(tail, f);
    assert_int_equal(fclose(f), 0);
}

#define S_LEX_HEAD "<?xml version=\"1.0\"?>\n" \
    "<lexicon xmlns=\"urn:rolescan:lexicon:1\" name=\"evil\" version=\"1.0\">\n"

/* The cases too big to keep in the tree, made in a scratch folder. */
static void test_evil_lexicons_generated(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char root[512];
    snprintf(root, sizeof root, "%s/rs-evil-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(root));
    char dir[600], path[700];

    /* 50 MB of <skill> elements: refused by the 32 MB file limit, unparsed */
    snprintf(dir, sizeof dir, "%s/huge", root);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/skills-evil.xml", dir);
    S_write_lexicon(path, S_LEX_HEAD,
                    "  <skill id=\"s\" name=\"S\" category=\"tool\"><alias>s</alias></skill>\n",
                    (50u << 20) / 67, "</lexicon>\n");
    long peak = S_peak_kib();
    S_refused(dir, RS_ERR_TOO_LARGE, "skills-evil.xml", 0, "over 33554432 bytes");
    assert_true(S_peak_kib() - peak < 128 * 1024);   /* read to the limit, no further */
    unlink(path);
    rmdir(dir);

    /* five files of 20 MB (sparse): each under the file limit, together
     * over the folder's 64 MB: refused before any is read */
    snprintf(dir, sizeof dir, "%s/many", root);
    assert_int_equal(mkdir(dir, 0700), 0);
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/skills-%d.xml", dir, i);
        int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, 20 << 20), 0);
        close(fd);
    }
    S_refused(dir, RS_ERR_TOO_LARGE, "many", 0, "together over 67108864 bytes");
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/skills-%d.xml", dir, i);
        unlink(path);
    }
    rmdir(dir);

    /* elements nested 100,000 deep: libxml2's depth limit, no stack used */
    snprintf(dir, sizeof dir, "%s/deep", root);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/skills-evil.xml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(S_LEX_HEAD "<skill id=\"e\" name=\"E\" category=\"tool\"><alias>", f);
    for (int i = 0; i < 100000; i++)
        fputs("<n>", f);
    for (int i = 0; i < 100000; i++)
        fputs("</n>", f);
    fputs("</alias></skill></lexicon>\n", f);
    assert_int_equal(fclose(f), 0);
    S_refused(dir, RS_ERR_LEXICON, "skills-evil.xml", 1, "Excessive depth");
    unlink(path);
    rmdir(dir);

    /* a quadratic blow-up: a 100 KB entity used 20,000 times (2 GB if
     * expanded), in an attribute value and in text */
    for (int in_attr = 0; in_attr < 2; in_attr++) {
        snprintf(dir, sizeof dir, "%s/quadratic%d", root, in_attr);
        assert_int_equal(mkdir(dir, 0700), 0);
        snprintf(path, sizeof path, "%s/skills-evil.xml", dir);
        f = fopen(path, "wb");
        assert_non_null(f);
        fputs("<?xml version=\"1.0\"?>\n<!DOCTYPE lexicon [ <!ENTITY b \"", f);
        for (int i = 0; i < 100000; i++)
            fputc('A', f);
        fputs("\"> ]>\n<lexicon xmlns=\"urn:rolescan:lexicon:1\" version=\"1.0\" name=\"", f);
        for (int i = 0; in_attr && i < 20000; i++)
            fputs("&b;", f);
        fputs("e\">\n<skill id=\"e\" name=\"E\" category=\"tool\"><alias>", f);
        for (int i = 0; !in_attr && i < 20000; i++)
            fputs("&b;", f);
        fputs("e</alias></skill></lexicon>\n", f);
        assert_int_equal(fclose(f), 0);
        peak = S_peak_kib();
        S_refused(dir, RS_ERR_LEXICON, "skills-evil.xml", 1, "DOCTYPE is not allowed");
        assert_true(S_peak_kib() - peak < 256 * 1024);
        unlink(path);
        rmdir(dir);
    }
    assert_int_equal(rmdir(root), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_matches_on_one_line),
        cmocka_unit_test(test_many_pattern_triggers),
        cmocka_unit_test(test_many_context_checks),
        cmocka_unit_test(test_huge_token_and_marks),
        cmocka_unit_test(test_hyphen_runs),
        cmocka_unit_test(test_empty_shapes),
        cmocka_unit_test(test_repeated_skill_name),
        cmocka_unit_test(test_ten_megabyte_line),
        cmocka_unit_test(test_sixteen_mib_one_token),
        cmocka_unit_test(test_sixteen_mib_one_phrase),
        cmocka_unit_test(test_near_limit_pattern),
        cmocka_unit_test(test_html_nested_deep),
        cmocka_unit_test(test_backtracking_pattern),
        cmocka_unit_test(test_many_date_ranges),
        cmocka_unit_test(test_empty_shapes_analysed),
        cmocka_unit_test(test_counters_work),
        cmocka_unit_test(test_evil_lexicons),
        cmocka_unit_test(test_evil_lexicons_generated),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
