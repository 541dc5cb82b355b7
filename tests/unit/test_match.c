/* test_match.c — a resume against a posting (src/compare/match.c): where a
 * requirement's weight comes from, negated and preferred skills, per-skill
 * years from the positions, skills listed only under Skills, the score
 * formula, and that suggestions never claim what the resume lacks. Real
 * lexicons; "present" is Nov 2026. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "match_support.h"
#include "internal.h"

static const char S_resume[] =
    "Ada Example\n"
    "ada@example.com\n"
    "\n"
    "EXPERIENCE\n"
    "\n"
    "Senior Backend Engineer, Example Freight — Rotterdam\n"
    "Jan 2021 - present\n"
    "- Built Go services on PostgreSQL and Kafka.\n"
    "- Wrote Python tooling for the data team.\n"
    "\n"
    "Backend Engineer, Sample Bank — Amsterdam\n"
    "Jan 2019 - Dec 2020\n"
    "- Go and PostgreSQL payment services.\n"
    "\n"
    "SKILLS\n"
    "Go, Python, PostgreSQL, Kafka, Kubernetes, Terraform\n";

static const char S_posting[] =
    "Senior Go Engineer\n"
    "\n"
    "About us\n"
    "We run Docker everywhere and love open source. No Java required.\n"
    "\n"
    "Requirements\n"
    "- 5+ years of Go\n"
    "- Go and PostgreSQL in production\n"
    "- Kubernetes\n"
    "- Rust\n"
    "\n"
    "Nice to have\n"
    "- Kafka\n"
    "- Scala\n"
    "\n"
    "Benefits\n"
    "- A Terraform certification budget\n";

static pair run(void) { return match_pair(S_resume, S_posting); }

static void test_weights_by_section(void **state)
{
    (void)state;
    pair p = run();
    const rs_requirement *go = need(p.m, "go");
    assert_non_null(go);
    assert_int_equal(go->kind, RS_REQ_MUST);
    /* title (3) is the heaviest; three mentions add 0.5 each, at most +1 */
    assert_true(go->weight == 4.0);
    assert_int_equal(go->years_required, 5);
    const rs_requirement *k8s = need(p.m, "kubernetes");
    assert_non_null(k8s);
    assert_int_equal(k8s->section, RS_SECTION_REQUIREMENTS);
    assert_true(k8s->weight == 3.0);
    const rs_requirement *kafka = need(p.m, "kafka");
    assert_non_null(kafka);
    assert_int_equal(kafka->kind, RS_REQ_PREFERRED);
    assert_true(kafka->weight == 1.5);
    /* benefits and the company blurb ask for nothing */
    assert_null(req(p.m, "terraform"));
    assert_null(req(p.m, "docker"));
    free_pair(&p);
}

static void test_negated(void **state)
{
    (void)state;
    pair p = run();
    assert_null(req(p.m, "java"));
    bool java = false;
    for (size_t i = 0; i < rs_match_negated_count(p.m); i++)
        java |= rs_match_negated(p.m, i) == rs_lexicon_find(S_lex, "java");
    assert_true(java);
    free_pair(&p);
}

static void test_years_per_skill(void **state)
{
    (void)state;
    pair p = run();
    assert_int_equal(rs_match_job_count(p.m), 2);
    const rs_job *j = rs_match_job(p.m, 0);
    assert_string_equal(j->title, "Senior Backend Engineer");
    assert_string_equal(j->employer, "Example Freight — Rotterdam");
    assert_true(j->open_ended);
    const rs_requirement *go = need(p.m, "go");
    assert_true(go->have && go->in_experience && !go->skills_only);
    /* Jan 2019 - Dec 2020 and Jan 2021 - Nov 2026, merged: 95 months */
    assert_true(fabs(go->years_used - 95 / 12.0) < 1e-9);
    assert_int_equal(go->last_used.year, 2026);
    const rs_requirement *pg = need(p.m, "postgresql");
    assert_true(pg->years_used > 7.9);
    free_pair(&p);
}

static void test_skills_only_and_missing(void **state)
{
    (void)state;
    pair p = run();
    const rs_requirement *k8s = need(p.m, "kubernetes");
    assert_true(k8s->have && k8s->skills_only && !k8s->in_experience);
    assert_true(fabs(k8s->credit - 0.6) < 1e-9);
    const rs_requirement *rust = need(p.m, "rust");
    assert_non_null(rust);
    assert_false(rust->have);
    assert_true(rust->credit == 0);
    /* missing must-haves come first */
    assert_int_equal(rs_match_requirement(p.m, 0)->skill, rust->skill);
    bool flagged = false, invented = false;
    for (size_t i = 0; i < rs_match_suggestion_count(p.m); i++) {
        const char *s = rs_match_suggestion(p.m, i);
        flagged |= strstr(s, "Kubernetes only under Skills") != NULL;
        invented |= strstr(s, "Rust") && !strstr(s, "does not show it");
    }
    assert_true(flagged);
    assert_false(invented);
    free_pair(&p);
}

static void test_score_formula(void **state)
{
    (void)state;
    pair p = run();
    rs_match_score s = rs_match_get_score(p.m);
    double must_w = 0, must_c = 0, pref_w = 0, pref_c = 0;
    for (size_t i = 0; i < rs_match_requirement_count(p.m); i++) {
        const rs_requirement *q = rs_match_requirement(p.m, i);
        if (q->kind == RS_REQ_MUST)
            must_w += q->weight, must_c += q->weight * q->credit;
        else
            pref_w += q->weight, pref_c += q->weight * q->credit;
    }
    assert_true(fabs(s.must - must_c / must_w) < 1e-9);
    assert_true(fabs(s.preferred - pref_c / pref_w) < 1e-9);
    /* a posting with both lists and enough skills: the full weights */
    assert_true(s.w_must == 55 && s.w_preferred == 15 && s.w_fit == 20 && s.w_years == 10);
    assert_null(s.note);
    assert_true(fabs(s.score - (s.must * s.w_must + s.preferred * s.w_preferred +
                                s.fit * s.w_fit + s.years * s.w_years)) < 1e-9);
    assert_true(s.score > 0 && s.score < 100);
    assert_string_equal(rs_match_posting_title(p.m), "Senior Go Engineer");
    free_pair(&p);
}

/* No preferred list: its weight goes to the must-haves. One or two
 * skills: the requirement weights shrink and the note says so. None: they
 * are 0 and the score cannot pass fit and years. */
static void test_score_weights_follow_the_posting(void **state)
{
    (void)state;
    static const char resume[] = "Senior Backend Engineer\n\nExperience\n"
                                 "Senior Backend Engineer, Acme, 2018 - Present\n"
                                 "Built services in Go, Python and PostgreSQL on Kubernetes.\n";
    pair full = match_pair(resume, "Senior Backend Engineer\n\nRequirements\n- Go\n"
                                   "- Python\n- PostgreSQL\n- Kubernetes\n");
    rs_match_score s = rs_match_get_score(full.m);
    assert_true(s.w_must == 70 && s.w_preferred == 0);
    free_pair(&full);
    pair few = match_pair(resume, "Senior Backend Engineer\n\nRequirements\n- Python\n");
    rs_match_score f = rs_match_get_score(few.m);
    assert_true(f.w_must > 0 && f.w_must < 70);
    assert_non_null(f.note);
    free_pair(&few);
    pair none = match_pair(resume, "Office Assistant\n\nRequirements\n- A friendly manner\n");
    rs_match_score n = rs_match_get_score(none.m);
    assert_true(n.w_must == 0 && n.w_preferred == 0 && n.score <= n.w_fit + n.w_years);
    assert_true(n.score <= 50);
    assert_non_null(n.note);
    free_pair(&none);
}

/* The requirements as every command reads them: what is asked, how, and
 * what is said not to be needed; the analysis does not claim the latter. */
static void test_requirements_read(void **state)
{
    (void)state;
    mdoc d = read_doc("posting.txt", "Backend Engineer\n\nRequirements\n"
                                     "- 5+ years of Go\n- No Java required\n"
                                     "- Kafka is a plus\n");
    rs_requirements *r = NULL;
    rs_error err = {0};
    assert_int_equal(rs_requirements_read(S_lex, d.doc, d.scan, &r, &err), RS_OK);
    size_t go = rs_lexicon_find(S_lex, "go"), java = rs_lexicon_find(S_lex, "java"),
           kafka = rs_lexicon_find(S_lex, "kafka");
    bool saw_go = false, saw_kafka = false;
    for (size_t i = 0; i < rs_requirements_count(r); i++) {
        const rs_requirement *q = rs_requirements_get(r, i);
        assert_true(q->skill != java);
        if (q->skill == go)
            saw_go = q->kind == RS_REQ_MUST && q->years_required == 5;
        if (q->skill == kafka)
            saw_kafka = q->kind == RS_REQ_PREFERRED;
    }
    assert_true(saw_go && saw_kafka);
    assert_int_equal(rs_requirements_negated_count(r), 1);
    assert_int_equal(rs_requirements_negated(r, 0), java);
    assert_int_equal(rs_requirements_negated(r, 1), (size_t)-1);
    assert_null(rs_requirements_get(r, rs_requirements_count(r)));
    assert_false(rs_analysis_has_skill(d.a, java));
    assert_true(rs_analysis_has_skill(d.a, go));
    /* handed to the analysis, the same answer */
    rs_analysis *a2 = NULL;
    rs_analysis_options o = {.as_of = {2026, 11}, .asked = r};
    assert_int_equal(rs_analyze(S_roles, S_lex, d.doc, d.scan, &o, &a2, &err), RS_OK);
    assert_false(rs_analysis_has_skill(a2, java));
    assert_true(rs_analysis_has_skill(a2, go));
    rs_analysis_free(a2);
    rs_requirements_free(r);
    rs_requirements_free(NULL);
    free_doc(&d);
}

/* Years asked of the candidate: from the requirements only; never the
 * preferred list's, the company's age or a degree's length. */
static void test_requirements_years(void **state)
{
    (void)state;
    static const struct {
        const char *posting;
        int years;
    } cases[] = {
        {"Backend Engineer\n\nAbout us\n40+ years of change in banking.\n\nRequirements\n"
         "- 3 years of experience with Go\n\nNice to have\n- 8 years of experience\n", 3},
        {"Backend Engineer\n\nRequirements\n- A 4-year degree in computer science\n"
         "- 2 years of related backend work\n", 2},
        {"Backend Engineer\n\nWe have run 24/7 for 20 years.\n- Python\n", 0},
        {"Backend Engineer\n\nYou have 5+ years building services in Python.\n", 5},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        mdoc d = read_doc("posting.txt", cases[k].posting);
        rs_requirements *r = NULL;
        rs_error err = {0};
        assert_int_equal(rs_requirements_read(S_lex, d.doc, d.scan, &r, &err), RS_OK);
        unsigned line = 0;
        int got = rs_requirements_years(r, &line);
        if (got != cases[k].years)
            fail_msg("case %zu: %d years, want %d", k, got, cases[k].years);
        assert_true(got ? line > 0 : line == 0);
        rs_requirements_free(r);
        free_doc(&d);
    }
    assert_int_equal(rs_requirements_years(NULL, NULL), 0);
}

/* The posting's title is the job, not the label of its field. */
static void test_posting_title_under_label(void **state)
{
    (void)state;
    static const char resume[] = "Backend Engineer\n\nPython\n";
    static const struct {
        const char *posting, *title;
    } cases[] = {
        {"## Job title\nSenior Go Engineer\n\n## Requirements\n- Python\n", "Senior Go Engineer"},
        {"Position: Data Analyst\n\nRequirements\n- SQL\n", "Data Analyst"},
        {"**Role:** Platform Engineer\n\n- Python\n", "Platform Engineer"},
        {"Role Model Engineer\n\n- Python\n", "Role Model Engineer"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pair p = match_pair(resume, cases[k].posting);
        assert_string_equal(rs_match_posting_title(p.m), cases[k].title);
        free_pair(&p);
    }
}

/* Alternatives are one group met by any member; a plain list asks for
 * each; a slash joins alternatives only of one kind. */
static void test_alternatives(void **state)
{
    (void)state;
    pair p = match_pair("Data Engineer\n\nExperience\nData Engineer, Acme, 2019 - Present\n"
                        "Built pipelines in Python with Airflow on BigQuery.\n",
                        "Data Engineer\n\nRequirements\n"
                        "- Airflow or a similar orchestrator (Dagster, Prefect)\n"
                        "- BigQuery, Snowflake or Redshift\n"
                        "- Python, Kafka and Terraform\n"
                        "- Python/Django\n");
    const rs_requirement *dagster = req(p.m, "dagster"), *airflow = req(p.m, "airflow"),
                         *snowflake = req(p.m, "snowflake"), *kafka = req(p.m, "kafka"),
                         *django = req(p.m, "django");
    assert_non_null(dagster);
    assert_non_null(airflow);
    assert_non_null(snowflake);
    assert_true(dagster->group && dagster->group == airflow->group);
    assert_true(rs_requirement_met(dagster) && dagster->met_by == airflow->skill);
    assert_true(snowflake->group && snowflake->group != dagster->group);
    assert_true(rs_requirement_met(snowflake));
    assert_true(kafka && !kafka->group && !rs_requirement_met(kafka));
    assert_true(django && !django->group);
    /* a group counts once: only the lead member of each is listed */
    size_t leads = 0;
    for (size_t i = 0; i < rs_match_requirement_count(p.m); i++)
        leads += rs_match_requirement_leads(p.m, i) && rs_match_requirement(p.m, i)->group;
    assert_int_equal(leads, 2);
    free_pair(&p);
}

/* A soft skill asked once weighs little; stressed, it weighs in full. */
static void test_soft_skills_weigh_little(void **state)
{
    (void)state;
    static const char resume[] = "Backend Engineer\n\nPython\n";
    pair once = match_pair(resume, "Backend Engineer\n\nRequirements\n- Python\n"
                                   "- Communication\n");
    const rs_requirement *c1 = req(once.m, "communication"), *py = req(once.m, "python");
    if (!c1 || !py)
        fail_msg("communication or python not asked");
    else
        assert_true(c1->weight < py->weight / 2);
    free_pair(&once);
    pair stressed = match_pair(resume, "Backend Engineer\n\nRequirements\n- Python\n"
                                       "- Communication with customers\n"
                                       "- Clear written communication\n");
    const rs_requirement *c2 = req(stressed.m, "communication");
    if (!c2)
        fail_msg("communication not asked");
    else
        assert_true(c2->weight >= 3);
    free_pair(&stressed);
}

/* The practice of the resume's own track is no gap at the rung asked: a
 * senior backend developer shows "backend development" by the role. */
static void test_practice_shown_by_role(void **state)
{
    (void)state;
    static const char posting[] = "Senior Backend Engineer\n\nRequirements\n"
                                  "- Backend development\n- Go\n- PostgreSQL\n- Kubernetes\n";
    pair dev = match_pair("Senior Backend Engineer\n\nExperience\n"
                          "Senior Backend Engineer, Acme, 2016 - Present\n"
                          "Built services in Go on PostgreSQL and Kubernetes; code review.\n",
                          posting);
    const rs_requirement *q = req(dev.m, "backend-development");
    if (!q)
        fail_msg("backend development not asked");
    else
        assert_true(q->by_role && !q->have && rs_requirement_met(q) && q->credit > 0);
    free_pair(&dev);
    pair chef = match_pair("Executive Chef\n\nExperience\nExecutive Chef, Bistro, 2015 - Present\n",
                           posting);
    const rs_requirement *c = req(chef.m, "backend-development");
    if (!c)
        fail_msg("backend development not asked");
    else
        assert_true(!c->by_role && !rs_requirement_met(c));
    free_pair(&chef);
}

/* A near skill is partial credit, stated as such: the family (AWS for
 * Azure, BigQuery for Snowflake) or the language of a framework. */
static void test_near_skills(void **state)
{
    (void)state;
    pair p = match_pair("Data Engineer\n\nExperience\nData Engineer, Acme, 2019 - Present\n"
                        "Built pipelines in C# and Python with Airflow on BigQuery and AWS.\n",
                        "Cloud Data Engineer\n\nRequirements\n- Azure\n- Snowflake\n"
                        "- ASP.NET Core\n- Kafka\n");
    static const struct {
        const char *asked, *near;
    } cases[] = {{"azure", "aws"}, {"snowflake", "bigquery"}, {"aspnet-core", "csharp"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const rs_requirement *q = req(p.m, cases[k].asked);
        if (!q) {
            fail_msg("%s not asked", cases[k].asked);
            continue;
        }
        assert_int_equal(q->related, rs_lexicon_find(S_lex, cases[k].near));
        assert_true(!q->have && q->credit == 0.5 && rs_requirement_met(q));
    }
    const rs_requirement *kafka = req(p.m, "kafka");   /* nothing near it */
    assert_true(kafka && kafka->related == (size_t)-1 && !rs_requirement_met(kafka));
    assert_string_equal(rs_lexicon_skill(S_lex, rs_lexicon_find(S_lex, "aws")).family,
                        "cloud-platform");
    free_pair(&p);
}

/* A resume's negated mention claims nothing. */
static void test_resume_negation(void **state)
{
    (void)state;
    pair p = match_pair("Backend Engineer\n\nExperience\nBackend Engineer, Acme, 2019 - Present\n"
                        "Built services in Go. I do not write JavaScript day to day.\n",
                        "Backend Engineer\n\nRequirements\n- Go\n- JavaScript\n");
    const rs_requirement *js = req(p.m, "javascript"), *go = req(p.m, "go");
    assert_true(js && !js->have && !rs_requirement_met(js));
    assert_true(go && go->have);
    free_pair(&p);
}

/* "Familiar with Rust" claims nothing: the must-have is flagged familiar,
 * earns less than a near skill, gets a suggestion, and a skill known only
 * in passing makes no other skill near (Kafka does not bring NATS). A
 * posting's own "familiarity with" still asks. */
static void test_resume_familiarity(void **state)
{
    (void)state;
    pair p = match_pair("Backend Engineer\n\nExperience\nBackend Engineer, Acme, 2019 - Present\n"
                        "Built services in Go on PostgreSQL. Familiar with Rust; some exposure "
                        "to Kafka.\n",
                        "Backend Engineer\n\nRequirements\n- Go and PostgreSQL\n- Rust\n"
                        "- Familiarity with NATS\n");
    const rs_requirement *rust = req(p.m, "rust"), *go = req(p.m, "go"), *nats = req(p.m, "nats");
    assert_true(go && go->have && !go->familiar);
    assert_true(rust && !rust->have && rust->familiar);
    assert_true(rust->credit > 0 && rust->credit < 0.5);
    assert_true(nats && nats->kind == RS_REQ_MUST && nats->related == (size_t)-1);
    bool suggested = false;
    for (size_t i = 0; i < rs_match_suggestion_count(p.m); i++)
        suggested |= strstr(rs_match_suggestion(p.m, i), "Rust") &&
                     strstr(rs_match_suggestion(p.m, i), "familiar");
    assert_true(suggested);
    free_pair(&p);
}

/* rs_document_heading of a text into out[cap] (out filled with 'X' first). */
static size_t heading_of(const char *text, char *out, size_t cap, size_t size)
{
    rs_text *t = NULL;
    rs_document *doc = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("posting.txt", (const unsigned char *)text, strlen(text), 0,
                                    &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    memset(out, 'X', size);
    size_t n = rs_document_heading(doc, out, cap);
    rs_document_free(doc);
    return n;
}

/* What a document's first line says it is: Markdown marks, separators and
 * a label dropped, lines with nothing left skipped, cut to cap - 1 bytes on
 * a character boundary. */
static void test_document_heading(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t cap;
        const char *want;
    } cases[] = {
        {"# Backend Developer (Java / Spring Boot)\n\n**Tessellate Pay**", 200,
         "Backend Developer (Java / Spring Boot)"},
        {"\n\n**Job title:** Senior Go Engineer\n", 200, "Senior Go Engineer"},
        {"## Job title\nStaff Engineer\n", 200, "Staff Engineer"},
        {"***\nData Engineer\n", 200, "Data Engineer"},
        {"Senior Developer - C#\n", 200, "Senior Developer - C#"},
        {"## Staff Engineer ##\n", 200, "Staff Engineer"},
        {"\xE2\x80\x94 Platform Engineer \xE2\x80\x94\n", 200, "Platform Engineer"},
        {"Backend Developer\n", 8, "Backend"},
        /* "Chef Pâtissier": the 'â' would straddle the cut and is left out */
        {"Chef P\xC3\xA2tissier\n", 8, "Chef P"},
        {"Chef P\xC3\xA2tissier\n", 9, "Chef P\xC3\xA2"},
        {"Backend Developer\n", 1, ""},
        {"", 200, ""},
        {"# Backend Developer (Java / Spring Boot)\n", 8, "Backend"},
        {"Backend Developer\n", 9, "Backend"},
        {"Job title: Senior Go Engineer\nAbout us\n", 12, "Senior Go E"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[256];
        size_t n = heading_of(cases[k].text, out, cases[k].cap, sizeof out);
        /* whatever it says: a string within the cap, its length returned */
        assert_true(n < cases[k].cap && out[n] == '\0' && strlen(out) == n);
        assert_int_equal(out[cases[k].cap], 'X');   /* nothing written past the cap */
        bool right = strcmp(out, cases[k].want) == 0;
        if (!right)
            fail_msg("case %zu \"%s\" (cap %zu): \"%s\", want \"%s\"", k, cases[k].text,
                     cases[k].cap, out, cases[k].want);
    }
    /* no room at all: 0, and out untouched */
    char out[4];
    assert_int_equal(heading_of("Backend Developer\n", out, 0, sizeof out), 0);
    assert_int_equal(out[0], 'X');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights_by_section),
        cmocka_unit_test(test_negated),
        cmocka_unit_test(test_years_per_skill),
        cmocka_unit_test(test_skills_only_and_missing),
        cmocka_unit_test(test_score_formula),
        cmocka_unit_test(test_score_weights_follow_the_posting),
        cmocka_unit_test(test_requirements_read),
        cmocka_unit_test(test_requirements_years),
        cmocka_unit_test(test_posting_title_under_label),
        cmocka_unit_test(test_alternatives),
        cmocka_unit_test(test_soft_skills_weigh_little),
        cmocka_unit_test(test_practice_shown_by_role),
        cmocka_unit_test(test_near_skills),
        cmocka_unit_test(test_resume_negation),
        cmocka_unit_test(test_resume_familiarity),
        cmocka_unit_test(test_document_heading),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
