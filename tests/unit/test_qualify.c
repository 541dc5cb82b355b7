/* test_qualify.c — how a posting speaks of a mention (scan/qualify.c):
 * negated, preferred or plain, and the years asked for it, read from the
 * clause around each mention the shipped lexicon finds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scan/qualify.h"
#include "support.h"

#define P RS_MENTION_PLAIN
#define N RS_MENTION_NEGATED
#define W RS_MENTION_PREFERRED   /* wanted, not required */
#define F RS_MENTION_FAMILIAR    /* known in passing */

typedef struct qualify_case {
    const char *text;
    const char *skill;   /* lexicon id */
    rs_mention_mode mode;
    int years;
} qualify_case;

static const qualify_case S_cases[] = {
    /* negation before the skill */
    {"No Java required.", "java", N, 0},
    {"This is not a Kubernetes role.", "kubernetes", N, 0},
    {"You will build services without PHP.", "php", N, 0},
    {"There is no need for Java here.", "java", N, 0},
    {"You don't need Java for this role.", "java", N, 0},
    {"We do not use PHP anywhere.", "php", N, 0},
    /* a resume's own "I do not write X" claims nothing */
    {"I do not write JavaScript day to day.", "javascript", N, 0},
    {"I don't write Java any more.", "java", N, 0},
    {"I write Python and Go every day.", "python", P, 0},
    {"No prior Go programming experience needed.", "go", N, 0},
    {"We are not looking for Java developers.", "java", N, 0},
    {"We don't care if you know Java or Go.", "java", N, 0},
    {"We don't care if you know Java or Go.", "go", N, 0},
    {"No Java? No problem - we teach Go.", "java", N, 0},
    {"No Java? No problem - we teach Go.", "go", P, 0},
    {"Neither Java nor PHP is used here.", "php", N, 0},
    {"No Java, PHP or Perl.", "perl", N, 0},
    {"No Java, PHP or Perl.", "php", N, 0},
    {"Not required: Kafka, Rust.", "rust", N, 0},
    /* negation after the skill */
    {"Java is not needed.", "java", N, 0},
    {"Java is not required for this job.", "java", N, 0},
    {"Java: not required.", "java", N, 0},
    {"Python and PHP (not required).", "php", N, 0},
    {"Python and PHP (not required).", "python", P, 0},
    {"Experience with PHP isn't necessary.", "php", N, 0},
    {"Java is required, PHP is not.", "php", N, 0},
    {"Java is required, PHP is not.", "java", P, 0},
    /* one negated item in a list */
    {"Experience with Java, no PHP.", "java", P, 0},
    {"Experience with Java, no PHP.", "php", N, 0},
    /* preference before the skill */
    {"Nice to have: Kafka, Rust.", "kafka", W, 0},
    {"Nice to have: Kafka, Rust.", "rust", W, 0},
    {"Must have: Java. Nice-to-have: Kafka.", "java", P, 0},
    {"Must have: Java. Nice-to-have: Kafka.", "kafka", W, 0},
    {"Bonus points for Terraform and Ansible.", "terraform", W, 0},
    {"Bonus points for Terraform and Ansible.", "ansible", W, 0},
    {"Ideally Go or Rust experience.", "go", W, 0},
    {"Ideally Go or Rust experience.", "rust", W, 0},
    {"Preferably Python.", "python", W, 0},
    {"Optional: Docker.", "docker", W, 0},
    {"Plus: Kubernetes.", "kubernetes", W, 0},
    {"Bonus if you know Scala.", "scala", W, 0},
    /* preference after the skill */
    {"Kafka is a plus.", "kafka", W, 0},
    {"Scala is a bonus.", "scala", W, 0},
    {"Rust would be nice to have.", "rust", W, 0},
    {"Familiarity with Terraform is an advantage.", "terraform", W, 0},
    {"Go experience preferred.", "go", W, 0},
    {"Kotlin is desirable.", "kotlin", W, 0},
    {"Python, Kafka (nice to have).", "kafka", W, 0},
    {"Python, Kafka (nice to have).", "python", P, 0},
    {"Docker and Kubernetes are a plus.", "docker", W, 0},
    {"Docker and Kubernetes are a plus.", "kubernetes", W, 0},
    {"Strong Java, Kafka is a plus.", "java", P, 0},
    {"Strong Java, Kafka is a plus.", "kafka", W, 0},
    {"Experience with Docker is not a must but a plus.", "docker", W, 0},
    {"Java preferred, Python required.", "java", W, 0},
    {"Java preferred, Python required.", "python", P, 0},
    {"Kafka is also considered a big plus.", "kafka", W, 0},
    /* plain */
    {"Python (primary), Docker.", "python", P, 0},
    {"Strong React.js skills.", "react", P, 0},
    {"Solid Java and deep Kubernetes knowledge.", "java", P, 0},
    {"Solid Java and deep Kubernetes knowledge.", "kubernetes", P, 0},
    {"You must have Go and Docker experience.", "go", P, 0},
    {"Java is required.", "java", P, 0},
    {"Java is a must.", "java", P, 0},
    {"Not only Java but also Go microservices.", "java", P, 0},
    {"Not only Java but also Go microservices.", "go", P, 0},
    {"We are not a large company, but we use Kubernetes heavily.", "kubernetes", P, 0},
    {"Java is not our main language; we use Go.", "java", P, 0},
    {"Java is not our main language; we use Go.", "go", P, 0},
    {"Deploy without downtime using Kubernetes.", "kubernetes", P, 0},
    {"Build Node.js services. No PHP.", "nodejs", P, 0},
    {"Build Node.js services. No PHP.", "php", N, 0},
    {"We ship .NET apps and never miss a Java release.", "dotnet", P, 0},
    /* years */
    {"5+ years of Go experience.", "go", P, 5},
    {"Python (3+ years).", "python", P, 3},
    {"At least 4 years of experience with Python.", "python", P, 4},
    {"2-3 years of Java.", "java", P, 2},
    {"Five years of Go programming.", "go", P, 5},
    {"3+ yrs Python.", "python", P, 3},
    {"5+ years of Java, Go or Kotlin.", "kotlin", P, 5},
    {"5+ years of experience in software development including Go.", "go", P, 0},
    {"Java, 5 years of Kotlin.", "java", P, 0},
    {"Java, 5 years of Kotlin.", "kotlin", P, 5},
    {"Nice to have: 2+ years of Rust.", "rust", W, 2},
    {"Kafka (2 years) is a plus.", "kafka", W, 2},
    {"Go: 3+ years of professional experience.", "go", P, 3},
    {"No Java required; 5+ years of Go.", "java", N, 0},
    {"No Java required; 5+ years of Go.", "go", P, 5},
    /* familiarity: a resume claims nothing by it */
    {"I am familiar with Rust.", "rust", F, 0},
    {"Familiarity with Kafka and Airflow.", "airflow", F, 0},
    {"Familiarity with Kafka and Airflow.", "kafka", F, 0},
    {"Some exposure to Kubernetes and Terraform.", "terraform", F, 0},
    {"Basic knowledge of Java.", "java", F, 0},
    {"Currently learning Go in my spare time.", "go", F, 0},
    {"Acquainted with Docker.", "docker", F, 0},
    {"Databases: PostgreSQL, Redis (learning)", "redis", F, 0},
    {"Databases: PostgreSQL, Redis (learning)", "postgresql", P, 0},
    {"Go (basic), Python (expert)", "go", F, 0},
    {"Built the service with Python; familiar with Rust.", "python", P, 0},
    {"Deep learning with PyTorch.", "pytorch", P, 0},
    {"Familiarity with Kafka is a plus.", "kafka", W, 0},
    {"No experience with Java needed.", "java", N, 0},
    {"Worked with Java and Spring for five years.", "java", P, 0},
    /* clause ends */
    {"No PHP.\nJava is our language.", "java", P, 0},
    {"Nice to have\nKafka in production.", "kafka", P, 0},
};

typedef struct scanned {
    rs_document *doc;
    rs_scan *scan;
} scanned;

static bool scan_text(const char *text, scanned *s)
{
    rs_text *t = NULL;
    rs_error err = {0};
    memset(s, 0, sizeof *s);
    if (rs_text_decode("q.txt", (const unsigned char *)text, strlen(text), 0, &t, &err) ||
        rs_document_new(t, &s->doc, &err) || rs_scan_run(S_lex, s->doc, &s->scan, &err)) {
        print_error("%s: %s\n", text, err.message);
        return false;
    }
    return true;
}

static void scanned_free(scanned *s)
{
    rs_scan_free(s->scan);
    rs_document_free(s->doc);
}

static const char *mode_name(rs_mention_mode m)
{
    return m == RS_MENTION_NEGATED ? "negated" : m == RS_MENTION_PREFERRED ? "preferred"
                                                                            : "plain";
}

/* 0 when every mention of the case's skill reads as expected, else 1 with
 * a message. */
static int check_case(const qualify_case *qc)
{
    size_t skill = rs_lexicon_find(S_lex, qc->skill);
    if (skill == RS_NOT_FOUND) {
        print_error("no skill %s in the lexicon\n", qc->skill);
        return 1;
    }
    /* a line of its own naming a technology gives the short names (Java,
     * Go, Rust) the tech context the lexicon asks of them */
    char text[512];
    snprintf(text, sizeof text, "%s\nHosted on AWS.", qc->text);
    scanned s;
    if (!scan_text(text, &s))
        return 1;
    const rs_skill_hit *hit = NULL;
    for (size_t i = 0; i < rs_scan_hit_count(s.scan); i++)
        if (rs_scan_hit(s.scan, i)->skill == skill && rs_scan_hit(s.scan, i)->implied_by ==
                                                          RS_NOT_FOUND)
            hit = rs_scan_hit(s.scan, i);
    int failed = 0;
    if (!hit || !hit->evidence_count) {
        print_error("\"%s\": %s not found by the lexicon\n", qc->text, qc->skill);
        failed = 1;
    }
    for (size_t e = 0; hit && e < hit->evidence_count; e++) {
        const rs_evidence *ev = &hit->evidence[e];
        rs_mention m = rs__qualify_mention(s.doc, ev->orig_start, ev->orig_end);
        if (m.mode != qc->mode || m.years != qc->years) {
            print_error("\"%s\": %s at %zu: got %s, %d years; want %s, %d years\n",
                        qc->text, qc->skill, ev->orig_start, mode_name(m.mode), m.years,
                        mode_name(qc->mode), qc->years);
            failed = 1;
        }
    }
    scanned_free(&s);
    return failed;
}

static void test_table(void **state)
{
    (void)state;
    size_t n = sizeof S_cases / sizeof *S_cases, failures = 0;
    for (size_t i = 0; i < n; i++)
        failures += (size_t)check_case(&S_cases[i]);
    if (failures)
        print_error("%zu of %zu rows failed\n", failures, n);
    assert_int_equal(failures, 0);
}

/* Every mention of every skill, on text where each is qualified. */
static void test_ranges(void **state)
{
    (void)state;
    scanned s;
    assert_true(scan_text("Nice to have: Kafka, Rust. No PHP.", &s));
    /* outside the tokens, empty and reversed ranges read as plain */
    size_t len = rs_text_length(rs_document_text(s.doc));
    rs_mention m = rs__qualify_mention(s.doc, len, len + 5);
    assert_int_equal(m.mode, RS_MENTION_PLAIN);
    m = rs__qualify_mention(s.doc, 3, 3);
    assert_int_equal(m.mode, RS_MENTION_PLAIN);
    m = rs__qualify_mention(s.doc, 10, 2);
    assert_int_equal(m.mode, RS_MENTION_PLAIN);
    m = rs__qualify_mention(NULL, 0, 1);
    assert_int_equal(m.mode, RS_MENTION_PLAIN);
    /* a range inside a token reads as the whole token */
    const char *text = rs_text_data(rs_document_text(s.doc));
    size_t at = (size_t)(strstr(text, "Rust") - text);
    m = rs__qualify_mention(s.doc, at + 1, at + 3);
    assert_int_equal(m.mode, RS_MENTION_PREFERRED);
    scanned_free(&s);
}

/* A million-token line of list items: each mention reads a bounded
 * window, so the whole stays linear. */
static void test_long_line(void **state)
{
    (void)state;
    const char *piece = "Nice to have: Kafka, Rust, Go or Java, ";
    size_t times = 100000, plen = strlen(piece);
    char *text = malloc(plen * times + 1);
    assert_non_null(text);
    for (size_t i = 0; i < times; i++)
        memcpy(text + i * plen, piece, plen);
    text[plen * times] = '\0';
    scanned s;
    assert_true(scan_text(text, &s));
    size_t mentions = 0, preferred = 0, counted = 0;
    for (size_t i = 0; i < rs_scan_hit_count(s.scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(s.scan, i);
        if (h->implied_by != RS_NOT_FOUND)
            continue;
        counted += h->count;   /* all of them; the first ones listed */
        assert_true(h->evidence_count <= RS_MAX_EVIDENCE_PER_SKILL);
        for (size_t e = 0; e < h->evidence_count; e++) {
            rs_mention m = rs__qualify_mention(s.doc, h->evidence[e].orig_start,
                                               h->evidence[e].orig_end);
            mentions++;
            preferred += m.mode == RS_MENTION_PREFERRED;
        }
    }
    assert_true(counted >= 3 * times);
    assert_true(mentions >= 3 * RS_MAX_EVIDENCE_PER_SKILL);
    assert_true(preferred > 0);
    scanned_free(&s);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_long_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
