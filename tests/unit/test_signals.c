/* test_signals.c — the language of work (signals.c, signals.xml): how a
 * pattern is parsed, and what the matcher finds through the whole analysis
 * with the real lexicons (RS_LEXICONS): the rung a level text states,
 * quoted in the document's own words; the gap and sentence rules; scope
 * from work described; rung, role and track agreeing; and a repeated
 * phrase read once. "Present" is Nov 2026 throughout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "analyse_support.h"
#include "internal.h"
#include "lexicon/roles_internal.h"


/* The first evidence of this kind (at this rung unless rung is 0). */
static const rs_level_evidence *evidence(const rs_analysis *a, const char *kind, int rung)
{
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        if (strcmp(rs_evidence_kind_name(e->kind), kind) == 0 && (!rung || e->rung == rung))
            return e;
    }
    return NULL;
}

/* As evidence(), failing the test, with the evidence listed, when there
 * is none. */
static const rs_level_evidence *need(const rs_analysis *a, const char *kind, int rung)
{
    static const rs_level_evidence none = {.text = ""};
    const rs_level_evidence *e = evidence(a, kind, rung);
    if (e)
        return e;
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *o = rs_analysis_evidence(a, i);
        print_message("  %s rung %d line %u: %s\n", rs_evidence_kind_name(o->kind), o->rung, o->line,
                      o->text);
    }
    fail_msg("no %s evidence at rung %d", kind, rung);
    return &none;
}

static size_t evidence_count(const rs_analysis *a, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++)
        n += strcmp(rs_evidence_kind_name(rs_analysis_evidence(a, i)->kind), kind) == 0;
    return n;
}

/* Rung, role and track agree: the closest role stands at the rung. */
static void assert_agrees(const rs_analysis *a)
{
    assert_true(rs_analysis_in_scope(a, NULL));
    const rs_role_score *best = rs_analysis_role(a, 0);
    assert_non_null(best);
    assert_int_equal(rs_roles_role(S_roles, best->role).rung, rs_analysis_rung(a, NULL));
}

/* ---- parsing ------------------------------------------------------------ */

/* Words split at spaces, alternatives at '|', and a trailing '*' makes a
 * word start: the stored text has no '*'. */
static void test_parse_words_and_alternatives(void **state)
{
    (void)state;
    rs_signal_def sig;
    memset(&sig, 0, sizeof sig);
    assert_int_equal(rs__signal_parse(&sig, "manag* multiple|several team*"), RS_OK);
    assert_string_equal(sig.pattern, "manag* multiple|several team*");
    assert_int_equal(sig.word_count, 3);
    assert_int_equal(sig.words[0].alt_count, 1);
    assert_int_equal(sig.words[1].alt_count, 2);
    assert_int_equal(sig.words[2].alt_count, 1);
    assert_string_equal(sig.words[0].alts[0].text, "manag");
    assert_int_equal(sig.words[0].alts[0].len, 5);
    assert_true(sig.words[0].alts[0].prefix);
    assert_string_equal(sig.words[1].alts[0].text, "multiple");
    assert_false(sig.words[1].alts[0].prefix);
    assert_string_equal(sig.words[1].alts[1].text, "several");
    assert_false(sig.words[1].alts[1].prefix);
    assert_string_equal(sig.words[2].alts[0].text, "team");
    assert_true(sig.words[2].alts[0].prefix);
    rs__signal_free(&sig);
    assert_null(sig.words);
    assert_int_equal(sig.word_count, 0);
}

/* A word start needs three letters, a pattern a word, and a pattern at
 * most twelve words: each is a lexicon error, and the partial parse is
 * freed by rs__signal_free (ASan proves it). */
static void test_parse_refuses(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "me* x",
        "",
        "   ",
        "a b c d e f g h i j k l m",   /* 13 words */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rs_signal_def sig;
        memset(&sig, 0, sizeof sig);
        if (rs__signal_parse(&sig, bad[i]) != RS_ERR_LEXICON)
            fail_msg("\"%s\" was not refused", bad[i]);
        rs__signal_free(&sig);
    }
    /* twelve words are allowed, and a three-letter word start */
    rs_signal_def sig;
    memset(&sig, 0, sizeof sig);
    assert_int_equal(rs__signal_parse(&sig, "a b c d e f g h i j k l"), RS_OK);
    assert_int_equal(sig.word_count, 12);
    rs__signal_free(&sig);
    memset(&sig, 0, sizeof sig);
    assert_int_equal(rs__signal_parse(&sig, "men* x"), RS_OK);
    assert_int_equal(sig.words[0].alts[0].len, 3);
    rs__signal_free(&sig);
}

/* ---- matching through the analysis -------------------------------------- */

/* The rung-6 phrase is quoted as written: original case, the words from
 * the first matched to the last. */
static void test_rung6_quoted_as_written(void **state)
{
    (void)state;
    analysed x = analyse("Manages multiple engineering teams and their managers.\n");
    const rs_level_evidence *e = need(x.a, "responsibility", 6);
    assert_string_equal(e->text, "Manages multiple engineering teams");
    assert_int_equal(e->line, 1);
    analysed_free(&x);
}

/* Up to two other words may stand between two words of a pattern. */
static void test_gap_of_two_words(void **state)
{
    (void)state;
    analysed x = analyse("Manages three large engineering teams.\n");
    const rs_level_evidence *e = need(x.a, "responsibility", 6);
    assert_string_equal(e->text, "Manages three large engineering teams");
    analysed_free(&x);
}

/* ... but three are too many, and a sentence or a line never joins. */
static void test_no_match_across_breaks(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Manages three very large engineering teams.\n",
        "Manages. Multiple teams.\n",
        "Manages\nmultiple teams.\n",
        "Manages; multiple teams.\n",
        "Manages\r\nmultiple teams.\n",
        "Manages multiple\nteams.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        analysed x = analyse(texts[i]);
        if (evidence(x.a, "responsibility", 6))
            fail_msg("rung 6 read in \"%s\"", texts[i]);
        analysed_free(&x);
    }
}

static const char S_junior[] =
    "Delivers clearly defined tasks under close supervision, seeks guidance from more senior "
    "engineers, fixes simple bugs and writes unit tests.\n";

/* The language of guided work says rung 1, each phrase quoted once and as
 * written; the work described puts the text in scope. */
static void test_junior_text(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text, "Expectations\n%s", S_junior);
    analysed x = analyse(text);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 1);
    assert_null(evidence(x.a, "title level", 0));
    assert_int_equal(evidence_count(x.a, "responsibility"), 3);
    assert_string_equal(need(x.a, "responsibility", 1)->text, "under close supervision");
    assert_int_equal(need(x.a, "responsibility", 1)->line, 2);
    assert_agrees(x.a);
    analysed_free(&x);
}

/* A sentence on the first line is prose, not a title: "more senior
 * engineers" in it states no level, and the language of work still says
 * rung 1. */
static void test_prose_first_line_states_no_level(void **state)
{
    (void)state;
    analysed x = analyse(S_junior);
    assert_null(evidence(x.a, "title level", 0));
    assert_int_equal(rs_analysis_rung(x.a, NULL), 1);
    assert_agrees(x.a);
    analysed_free(&x);
}

static const char S_cto[] =
    "Owns the company's technology strategy, reports to the board of directors and investors, "
    "sets the technical vision.";

/* Board, investors and company technology strategy say rung 8; the rung
 * phrases shown are all at that rung, quoted in the text's own case. */
static void test_cto_text(void **state)
{
    (void)state;
    analysed x = analyse(S_cto);
    assert_int_equal(evidence_count(x.a, "responsibility"), 3);
    for (size_t i = 0; i < rs_analysis_evidence_count(x.a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(x.a, i);
        if (e->kind == RS_EVIDENCE_RESPONSIBILITY && e->rung != 8)
            fail_msg("\"%s\" says rung %d", e->text, e->rung);
    }
    bool strategy = false;
    for (size_t i = 0; i < rs_analysis_evidence_count(x.a); i++)
        strategy |= strcmp(rs_analysis_evidence(x.a, i)->text,
                           "Owns the company's technology strategy") == 0;
    assert_true(strategy);
    analysed_free(&x);
}

/* With engineering work described beside it, the same text is in scope at
 * rung 8, and the closest role stands there. */
static void test_cto_text_in_scope(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text, "%s Reviews architecture decisions and design docs with the "
             "engineering managers.\n", S_cto);
    analysed x = analyse(text);
    assert_true(rs_analysis_in_scope(x.a, NULL));
    assert_int_equal(rs_analysis_rung(x.a, NULL), 8);
    assert_agrees(x.a);
    analysed_free(&x);
}

/* The text between `described ("` and the next `"` in the scope reason. */
static void work_quote(const char *why, char *out, size_t cap)
{
    const char *at = strstr(why, "described (\"");
    if (!at)
        fail_msg("no work quoted: %s", why);
    at = at ? at + strlen("described (\"") : why;
    size_t n = strcspn(at, "\"");
    snprintf(out, cap, "%.*s", (int)n, at);
}

/* Engineering work described, with no tool named, puts a text in scope;
 * the reason quotes a work phrase in the document's own words. */
static void test_work_described_in_scope(void **state)
{
    (void)state;
    static const char text[] =
        "Writes code and reviews pull requests. Takes part in the on-call rotation and leads "
        "technical design for the team's services. Mentors junior engineers.\n";
    analysed x = analyse(text);
    assert_true(rs_analysis_in_scope(x.a, NULL));
    const char *why = rs_analysis_scope_reason(x.a);
    assert_true(strncmp(why, "about engineering", strlen("about engineering")) == 0);
    char quote[160];
    work_quote(why, quote, sizeof quote);
    assert_true(quote[0] != '\0');
    if (!strstr(text, quote))
        fail_msg("\"%s\" is not the text's words", quote);
    assert_agrees(x.a);
    analysed_free(&x);
}

/* A chef's office tools are not engineering, and the headline names a job
 * outside it. */
static void test_chef_out_of_scope(void **state)
{
    (void)state;
    analysed x = analyse("Executive Chef\n\nExperience\nExecutive Chef, Blue Door Bistro, 2018 - "
                         "Present\nRan a kitchen team of 12, managed food cost and ordering in "
                         "Microsoft Excel, Word and QuickBooks.\n");
    const char *why = NULL;
    assert_false(rs_analysis_in_scope(x.a, &why));
    assert_non_null(why);
    assert_non_null(strstr(why, "not about engineering"));
    assert_non_null(strstr(why, "\"Executive Chef\""));
    assert_non_null(strstr(why, "names a job outside engineering"));
    assert_int_equal(rs_analysis_rung(x.a, NULL), 0);
    assert_int_equal(rs_analysis_role_count(x.a), 0);
    analysed_free(&x);
}

/* A title on line 14 of a resume, beside a range to the present: quoted
 * without its company, read as the mobile role, and the closest role is
 * on the mobile track. */
static void test_mobile_title_line(void **state)
{
    (void)state;
    analysed x = analyse("Jane Doe\n"                                         /* 1 */
                         "jane.doe@example.com | Portland, OR\n"              /* 2 */
                         "\n"                                                 /* 3 */
                         "Summary\n"                                          /* 4 */
                         "Builds apps for phones and tablets people enjoy.\n" /* 5 */
                         "\n"                                                 /* 6 */
                         "Education\n"                                        /* 7 */
                         "B.Sc. Computer Science, Portland State University\n" /* 8 */
                         "\n"                                                 /* 9 */
                         "Languages\n"                                        /* 10 */
                         "English, Spanish\n"                                 /* 11 */
                         "\n"                                                 /* 12 */
                         "Experience\n"                                       /* 13 */
                         "Mobile Developer \xe2\x80\x94 Kettle & Co\n"        /* 14 */
                         "2021 - Present\n"                                   /* 15 */
                         "Built the iOS app in Swift and Android in Kotlin.\n" /* 16 */
                         "Shipped offline sync and push notifications.\n"     /* 17 */
                         "\n"                                                 /* 18 */
                         "Skills\n"                                           /* 19 */
                         "iOS, Swift, SwiftUI, Kotlin, Android, Xcode\n");    /* 20 */
    const rs_level_evidence *e = need(x.a, "title", 0);
    assert_string_equal(e->text, "Mobile Developer");
    assert_int_equal(e->line, 14);
    assert_non_null(e->role_title);
    assert_string_equal(e->role_title,
                        rs_roles_role(S_roles, rs_roles_find(S_roles, "mobile-developer")).title);
    const rs_role_score *best = rs_analysis_role(x.a, 0);
    assert_non_null(best);
    assert_string_equal(rs_roles_role(S_roles, best->role).track, "mobile");
    assert_agrees(x.a);
    analysed_free(&x);
}

/* ---- hostile input ------------------------------------------------------ */

/* n copies of unit on one line; the caller frees it. */
static char *repeated(const char *unit, size_t n)
{
    size_t u = strlen(unit);
    char *text = malloc(n * u + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * u, unit, u);
    text[n * u] = '\0';
    return text;
}

/* 200,000 repetitions of one phrase on one line: each signal is found
 * once per document, so the rung is shown by at most three phrases. */
static void test_repeated_phrase_counted_once(void **state)
{
    (void)state;
    char *text = repeated("leads team ", 200000);
    analysed x = analyse(text);
    free(text);
    size_t shown = evidence_count(x.a, "responsibility");
    assert_true(shown >= 1 && shown <= 3);
    /* "leads team leads": the rung-6 phrase, one repetition long */
    assert_string_equal(need(x.a, "responsibility", 6)->text, "leads team leads");
    analysed_free(&x);
}

/* One 2.6 MB line naming four tracks over and over: the list of
 * disciplines is looked for around each track word within a short line
 * only, so the work stays linear (a walk of the whole line per word was
 * quadratic). */
static void test_long_line_of_tracks(void **state)
{
    (void)state;
    char *text = repeated("deploys services to backend, mobile app flows, data pipelines, "
                          "web platform; ", 40000);
    analysed x = analyse(text);
    free(text);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    analysed_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_words_and_alternatives),
        cmocka_unit_test(test_parse_refuses),
        cmocka_unit_test(test_rung6_quoted_as_written),
        cmocka_unit_test(test_gap_of_two_words),
        cmocka_unit_test(test_no_match_across_breaks),
        cmocka_unit_test(test_junior_text),
        cmocka_unit_test(test_prose_first_line_states_no_level),
        cmocka_unit_test(test_cto_text),
        cmocka_unit_test(test_cto_text_in_scope),
        cmocka_unit_test(test_work_described_in_scope),
        cmocka_unit_test(test_chef_out_of_scope),
        cmocka_unit_test(test_mobile_title_line),
        cmocka_unit_test(test_repeated_phrase_counted_once),
        cmocka_unit_test(test_long_line_of_tracks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
