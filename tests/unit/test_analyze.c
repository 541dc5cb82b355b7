/* test_analyze.c — stage 5 with the real lexicons (RS_LEXICONS): the level
 * of the sample resumes (samples/resumes, found next to the lexicons
 * folder), scope, --target, the score formula and the gaps, and the score
 * renderers (JSON parsed back with yajl: json_read.h, and text). "Present" is Nov
 * 2026 throughout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failing_alloc.h"
#include "json_read.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "render_support.h"
#include "internal.h"


static const rs_date S_as_of = {2026, 11};
static const rs_report_options S_ro = {RS_ABI_VERSION, {2026, 11}, NULL, NULL};

typedef struct analysed {
    const char *name;
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a;
} analysed;

/* RS_LEXICONS with its last "lexicons" replaced by "samples", then
 * "/resumes/<file>". */
static void sample_path(const char *file, char *buf, size_t size)
{
    const char *lex = RS_LEXICONS;
    const char *at = NULL;
    for (const char *p = strstr(lex, "lexicons"); p; p = strstr(p + 1, "lexicons"))
        at = p;
    assert_non_null(at);
    int n = snprintf(buf, size, "%.*ssamples%s/resumes/%s", (int)(at - lex), lex,
                     at + strlen("lexicons"), file);
    assert_true(n > 0 && (size_t)n < size);
}

static analysed analyse_text_opts(rs_text *t, const rs_analysis_options *opts)
{
    analysed x = {.name = rs_text_name(t)};
    rs_error err = {0};
    assert_int_equal(rs_document_new(t, &x.doc, &err), RS_OK);
    if (rs_scan_run(S_lex, x.doc, &x.scan, &err) != RS_OK)
        fail_msg("scan failed: %s", err.message);
    if (rs_analyze(S_roles, S_lex, x.doc, x.scan, opts, &x.a, &err) != RS_OK)
        fail_msg("analysis failed: %s", err.message);
    return x;
}

static analysed analyse_sample(const char *file, const char *target)
{
    char path[1024];
    sample_path(file, path, sizeof path);
    rs_text *t = NULL;
    rs_error err = {0};
    if (rs_text_read_file(path, 0, &t, &err) != RS_OK)
        fail_msg("%s: %s", path, err.message);
    rs_analysis_options opts = {.as_of = S_as_of, .target = target};
    return analyse_text_opts(t, &opts);
}

static analysed analyse(const char *text)
{
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("cv.txt", (const unsigned char *)text, strlen(text), 0,
                                    &t, &err), RS_OK);
    rs_analysis_options opts = {.as_of = S_as_of};
    return analyse_text_opts(t, &opts);
}

static void analysed_free(analysed *x)
{
    rs_analysis_free(x->a);
    rs_scan_free(x->scan);
    rs_document_free(x->doc);
}

static rs_role_info best_role(const analysed *x)
{
    const rs_role_score *s = rs_analysis_role(x->a, 0);
    assert_non_null(s);
    return rs_roles_role(S_roles, s->role);
}

static const char *best_id(const analysed *x) { return best_role(x).id; }
static const char *track_of(const analysed *x) { return best_role(x).track; }


/* ---- the level of the samples ------------------------------------------ */

static void test_junior(void **state)
{
    (void)state;
    analysed x = analyse_sample("01-junior-backend.txt", NULL);
    double conf = -1;
    int rung = rs_analysis_rung(x.a, &conf);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    if (rung != 1 && rung != 2)
        fail_msg("junior: rung %d, want 1 or 2", rung);
    assert_true(conf > 0 && conf <= 1);
    assert_string_equal(rs_roles_role(S_roles, rs_analysis_role(x.a, 0)->role).track,
                        "backend");
    analysed_free(&x);
}

static void test_senior(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", NULL);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 3);
    assert_true(rs_analysis_months(x.a) > 0);
    assert_true(rs_analysis_title_count(x.a) > 0);
    analysed_free(&x);
}

static void test_cto(void **state)
{
    (void)state;
    analysed x = analyse_sample("07-cto.txt", NULL);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 8);
    assert_string_equal(best_id(&x), "cto");
    analysed_free(&x);
}

/* A title that names no track and few skills: the track is a guess, and
 * the analysis says so; a backend resume's is not. */
static void test_track_unclear(void **state)
{
    (void)state;
    analysed x = analyse("Senior Engineer\n\nWrites code and reviews pull requests. Takes part "
                         "in the on-call rotation and leads technical design.\n");
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 3);
    assert_int_equal(rs_analysis_track_unclear(x.a), 1);
    analysed_free(&x);
    analysed y = analyse_sample("03-senior-backend.txt", NULL);
    assert_int_equal(rs_analysis_track_unclear(y.a), 0);
    analysed_free(&y);
}

/* A level description names no job and no dated position: the work it
 * describes is all there is, and a lower bar holds; the same lines under a
 * dated position with no title are a resume that hides its job. */
static void test_untitled_text_by_its_work(void **state)
{
    (void)state;
    static const char duties[] = "- Pays down tech debt in the services the squad owns\n"
                                 "- Watches for outages and helps the team recover from them\n"
                                 "- Helps other team members grow\n";
    analysed x = analyse(duties);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    rs_scope_evidence e = rs_analysis_scope_evidence(x.a);
    assert_true(e.title == 0 && e.work > 0 && e.total >= e.needed);
    analysed_free(&x);
    char dated[256];
    snprintf(dated, sizeof dated, "Jan 2019 - Present\n%s", duties);
    analysed y = analyse(dated);
    assert_int_equal(rs_analysis_in_scope(y.a, NULL), 0);
    rs_scope_evidence f = rs_analysis_scope_evidence(y.a);
    assert_true(f.work == e.work && f.needed > e.needed && f.total < f.needed);
    analysed_free(&y);
}

/* With no title naming a track: the skills that only some tracks list
 * choose it, the teamwork every text names never does, and managing
 * people is read from its own language. */
static void test_track_without_title(void **state)
{
    (void)state;
    analysed mobile = analyse("- Builds screens in Swift and SwiftUI for our iOS app\n"
                              "- Reviews pull requests and writes unit tests\n"
                              "- Communicates clearly with the team\n");
    assert_int_equal(rs_analysis_in_scope(mobile.a, NULL), 1);
    assert_string_equal(track_of(&mobile), "mobile");
    analysed_free(&mobile);
    /* no telling skill: the track's own words choose */
    analysed words = analyse("- Builds screens for our iOS and Android mobile apps\n"
                             "- Reviews pull requests and writes unit tests\n"
                             "- Takes part in the on-call rotation\n");
    assert_int_equal(rs_analysis_in_scope(words.a, NULL), 1);
    assert_string_equal(track_of(&words), "mobile");
    analysed_free(&words);
    analysed people = analyse("- Runs weekly 1x1s with every engineer on the team\n"
                              "- Manages the team members' careers and performance reviews\n"
                              "- Writes development plans for direct reports\n"
                              "- Reviews the technical design of the services the team owns "
                              "and joins the on-call rotation\n");
    assert_int_equal(rs_analysis_in_scope(people.a, NULL), 1);
    assert_string_equal(track_of(&people), "management");
    assert_int_equal(rs_analysis_track_unclear(people.a), 0);   /* its own language said it */
    analysed_free(&people);
    analysed ic = analyse("- Leads the technical design of the services the squad owns\n"
                          "- Shows leadership and communication in code review\n"
                          "- Pays down tech debt and fixes production incidents\n");
    assert_int_equal(rs_analysis_in_scope(ic.a, NULL), 1);
    if (strcmp(track_of(&ic), "management") == 0)
        fail_msg("teamwork alone put an engineer on the management track");
    analysed_free(&ic);
    /* systems programming is backend work, whatever else the text names */
    analysed sys = analyse("- Applies basic security principles and sets up HTTPS\n"
                           "- Understands networking and can write web servers\n"
                           "- Debugs deadlocks and data races with synchronization primitives\n"
                           "- Writes system-level code and inter-process communication\n");
    assert_int_equal(rs_analysis_in_scope(sys.a, NULL), 1);
    assert_string_equal(track_of(&sys), "backend");
    analysed_free(&sys);
}

/* A level word standing alone before the title, in its own segment,
 * still sets the title's level. */
static void test_level_before_title(void **state)
{
    (void)state;
    analysed x = analyse("Summer 2025, Intern: Backend Developer\n\n"
                         "Writes Go services and reviews pull requests with the team.\n");
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 1);
    analysed_free(&x);
}

/* A bare field word is a title only when it is the whole text (a title
 * record); on a line of a longer text it is a skill. */
static void test_bare_field_word(void **state)
{
    (void)state;
    analysed one = analyse("DevOps\n");
    assert_int_equal(rs_analysis_title_count(one.a), 1);
    assert_string_equal(track_of(&one), "devops");
    analysed_free(&one);
    analysed skills = analyse("Skills\nDevOps\nQA\nSenior Java\nPython, Go\n");
    assert_int_equal(rs_analysis_title_count(skills.a), 0);
    analysed_free(&skills);
}

/* With no title, a text whose skills lead to frontend and that names full
 * stack work is full stack; without those words it stays frontend. */
static void test_spanning_track(void **state)
{
    (void)state;
    static const char body[] =
        "Mastery\n"
        "- Builds React and TypeScript components styled with CSS, reviews pull requests\n"
        "- Fixes bugs in the browser and improves page performance\n";
    char text[512];
    snprintf(text, sizeof text, "%s- Writes web applications with frontend and backend parts\n",
             body);
    analysed full = analyse(text);
    assert_int_equal(rs_analysis_in_scope(full.a, NULL), 1);
    assert_string_equal(track_of(&full), "fullstack");
    analysed_free(&full);
    analysed front = analyse(body);
    assert_string_equal(track_of(&front), "frontend");
    analysed_free(&front);
}

/* A line listing disciplines names whom the text works with, not its
 * track: with nothing else, the track is unclear and the guess the ladder. */
static void test_discipline_list(void **state)
{
    (void)state;
    analysed x = analyse("Leadership\n"
                         "- Fosters collaboration in squads (data analysis, mobile, web, platform)\n"
                         "- Reviews technical designs and pull requests for complex projects\n"
                         "- Leads incident resolutions and mentors other engineers\n");
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_track_unclear(x.a), 1);
    assert_string_equal(track_of(&x), "backend");
    analysed_free(&x);
}

static void test_chef_out_of_scope(void **state)
{
    (void)state;
    analysed x = analyse_sample("12-chef.txt", NULL);
    const char *why = NULL;
    double conf = -1;
    assert_int_equal(rs_analysis_in_scope(x.a, &why), 0);
    assert_non_null(why);
    if (!strstr(why, "not about engineering"))
        fail_msg("reason: \"%s\"", why);
    assert_int_equal(rs_analysis_role_count(x.a), 0);
    assert_null(rs_analysis_role(x.a, 0));
    assert_int_equal(rs_analysis_rung(x.a, &conf), 0);
    assert_true(conf == 0);
    /* the sums behind the decision add up to it */
    rs_scope_evidence e = rs_analysis_scope_evidence(x.a);
    assert_true(e.title == 0 && e.skills <= e.skills_found);
    assert_true(e.total == e.title + e.work + e.skills + e.other_job);
    assert_true(e.total < e.needed);
    analysed_free(&x);
}

static void test_devops_track(void **state)
{
    (void)state;
    analysed x = analyse_sample("08-devops-engineer.txt", NULL);
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_string_equal(rs_roles_role(S_roles, rs_analysis_role(x.a, 0)->role).track,
                        "devops");
    analysed_free(&x);
}

/* A title alone puts a posting in scope; titles joined by slashes, or
 * split by commas, are read; any title's level is kept as seniority. */
static void test_titles_and_seniority(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int in_scope;
        const char *track;   /* of the best role when in scope */
        int seniority;
    } cases[] = {
        {"Staff Software Engineer", 1, "backend", 4},
        {"IT Security Analyst/A&A Specialist", 1, "security", 2},
        {"Information Security, Senior Analyst (FTE)", 1, "security", 3},
        {"Sales Director", 0, NULL, 6},
        {"Marketing Intern", 0, NULL, 1},
        {"", 0, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        analysed x = analyse(cases[i].text);
        if (rs_analysis_in_scope(x.a, NULL) != cases[i].in_scope)
            fail_msg("\"%s\": in scope %d", cases[i].text, rs_analysis_in_scope(x.a, NULL));
        if (cases[i].track &&
            strcmp(rs_roles_role(S_roles, rs_analysis_role(x.a, 0)->role).track,
                   cases[i].track) != 0)
            fail_msg("\"%s\": track %s", cases[i].text,
                     rs_roles_role(S_roles, rs_analysis_role(x.a, 0)->role).track);
        if (rs_analysis_seniority(x.a) != cases[i].seniority)
            fail_msg("\"%s\": seniority %d", cases[i].text, rs_analysis_seniority(x.a));
        analysed_free(&x);
    }
}

/* No engineering title, but the first line states a level: that level is
 * the rung's title evidence. */
static void test_first_line_level(void **state)
{
    (void)state;
    analysed x = analyse("Data Science & AI - ML Internship\n\n"
                         "Python, PyTorch, SQL and machine learning on our data.\n");
    assert_int_equal(rs_analysis_in_scope(x.a, NULL), 1);
    assert_int_equal(rs_analysis_rung(x.a, NULL), 1);
    bool seen = false;
    for (size_t i = 0; i < rs_analysis_evidence_count(x.a); i++)
        seen |= rs_analysis_evidence(x.a, i)->kind == RS_EVIDENCE_TITLE_LEVEL;
    assert_true(seen);
    analysed_free(&x);
}

/* ---- --target ---------------------------------------------------------- */

/* A target is reported beside the ranking, never put at its head: the
 * closest roles stay in their order and the target keeps its own score. */
static void test_target_role_id(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", NULL);
    const char *plain_best = best_id(&x);
    assert_string_not_equal(plain_best, "backend-lead");   /* or the test says nothing */
    size_t plain_count = rs_analysis_role_count(x.a);
    size_t plain_roles[16];
    for (size_t i = 0; i < plain_count && i < 16; i++)
        plain_roles[i] = rs_analysis_role(x.a, i)->role;
    assert_int_equal(rs_analysis_target(x.a), (size_t)-1);
    analysed_free(&x);

    x = analyse_sample("03-senior-backend.txt", "backend-lead");
    size_t lead = rs_roles_find(S_roles, "backend-lead");
    assert_int_equal(rs_analysis_target(x.a), lead);
    assert_string_equal(best_id(&x), plain_best);   /* the closest role is unchanged */
    assert_int_equal(rs_analysis_role_count(x.a), plain_count);
    for (size_t i = 0; i < plain_count && i < 16; i++)
        assert_int_equal(rs_analysis_role(x.a, i)->role, plain_roles[i]);
    /* the target's score is its own, lower than the closest role's */
    rs_role_score own = rs_analysis_score_role(x.a, lead);
    assert_true(own.score < rs_analysis_role(x.a, 0)->score);
    analysed_free(&x);
}

static void test_target_title(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", "Backend Team Lead");
    assert_int_equal(rs_analysis_target(x.a), rs_roles_find(S_roles, "backend-lead"));
    analysed_free(&x);

    /* a target far from the person is still the one reported */
    x = analyse_sample("01-junior-backend.txt", "cto");
    assert_int_equal(rs_analysis_target(x.a), rs_roles_find(S_roles, "cto"));
    assert_string_not_equal(best_id(&x), "cto");
    analysed_free(&x);
}

static void test_target_unknown(void **state)
{
    (void)state;
    char path[1024];
    sample_path("03-senior-backend.txt", path, sizeof path);
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_read_file(path, 0, &t, &err), RS_OK);
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    assert_int_equal(rs_document_new(t, &doc, &err), RS_OK);
    assert_int_equal(rs_scan_run(S_lex, doc, &scan, &err), RS_OK);
    rs_analysis_options opts = {.as_of = S_as_of, .target = "Astronaut Pastry Chef"};
    rs_analysis *a = NULL;
    memset(&err, 0, sizeof err);
    assert_int_equal(rs_analyze(S_roles, S_lex, doc, scan, &opts, &a, &err), RS_ERR_ARG);
    assert_int_equal(err.status, RS_ERR_ARG);
    if (!strstr(err.message, "Astronaut Pastry Chef"))
        fail_msg("message does not name the target: \"%s\"", err.message);
    assert_null(a);
    rs_scan_free(scan);
    rs_document_free(doc);
}

/* ---- the score formula ------------------------------------------------- */

/* "<first listed title>\nSkills: <name>, <name>, ...\n" for a role. */
static char *role_document(size_t role)
{
    rs_role_info info = rs_roles_role(S_roles, role);
    const char *title = rs_roles_title(S_roles, role, 0);
    size_t size = strlen(title) + 16;
    for (size_t i = 0; i < info.skill_count; i++)
        size += strlen(rs_lexicon_skill(S_lex, rs_roles_skill(S_roles, role, i).skill).name) + 2;
    char *doc = malloc(size);
    assert_non_null(doc);
    int n = snprintf(doc, size, "%s\nSkills: ", title);
    for (size_t i = 0; i < info.skill_count; i++)
        n += snprintf(doc + n, size - (size_t)n, "%s%s", i ? ", " : "",
                      rs_lexicon_skill(S_lex, rs_roles_skill(S_roles, role, i).skill).name);
    snprintf(doc + n, size - (size_t)n, "\n");
    return doc;
}

static void test_full_match_scores_high(void **state)
{
    (void)state;
    int failed = 0;
    double lowest = 101;
    size_t lowest_role = 0;
    for (size_t r = 0; r < rs_roles_count(S_roles); r++) {
        rs_role_info info = rs_roles_role(S_roles, r);
        char *text = role_document(r);
        analysed x = analyse(text);
        rs_role_score s = rs_analysis_score_role(x.a, r);
        if (s.coverage != 1.0 || s.matched != s.total || s.total != info.skill_count ||
            s.score < 90) {
            print_error("%s: coverage %.3f (%zu/%zu), score %.1f (title %.2f, level %.2f, "
                        "rung %d); want coverage 1 and score >= 90\n",
                        info.id, s.coverage, s.matched, s.total, s.score, s.title_fit,
                        s.level_fit, rs_analysis_rung(x.a, NULL));
            failed++;
        }
        if (s.score < lowest)
            lowest = s.score, lowest_role = r;
        rs_role_skill miss[1];
        if (rs_analysis_missing(x.a, r, miss, 1) != 0) {
            print_error("%s: %s missing although listed\n", info.id,
                        rs_lexicon_skill(S_lex, miss[0].skill).id);
            failed++;
        }
        analysed_free(&x);
        free(text);
    }
    print_message("%zu roles; lowest score %.1f (%s)\n", rs_roles_count(S_roles), lowest,
                  rs_roles_role(S_roles, lowest_role).id);
    assert_int_equal(failed, 0);
}

/* score = 100 (0.5 coverage + 0.3 title fit + 0.2 level fit) with a title,
 * 100 (0.7 coverage + 0.3 level fit) without; level fit 1 - gap / 3. */
static void test_score_parts(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", NULL);
    int rung = rs_analysis_rung(x.a, NULL);
    assert_true(rs_analysis_title_count(x.a) > 0);
    for (size_t r = 0; r < rs_roles_count(S_roles); r++) {
        rs_role_score s = rs_analysis_score_role(x.a, r);
        double want = 100 * (0.5 * s.coverage + 0.3 * s.title_fit + 0.2 * s.level_fit);
        assert_true(fabs(s.score - want) < 1e-9);
        int gap = abs(rs_roles_role(S_roles, r).rung - rung);
        assert_true(fabs(s.level_fit - (gap >= 3 ? 0 : 1 - gap / 3.0)) < 1e-9);
        assert_true(s.coverage >= 0 && s.coverage <= 1);
        assert_true(s.matched <= s.total);
    }
    /* the list is best first */
    for (size_t i = 1; i < rs_analysis_role_count(x.a); i++)
        assert_true(rs_analysis_role(x.a, i - 1)->score >= rs_analysis_role(x.a, i)->score);
    analysed_free(&x);

    /* no title: only skills and level */
    x = analyse("Python, Django, PostgreSQL, Git, Docker, REST APIs, SQL\n");
    assert_int_equal(rs_analysis_title_count(x.a), 0);
    for (size_t r = 0; r < rs_roles_count(S_roles); r++) {
        rs_role_score s = rs_analysis_score_role(x.a, r);
        assert_true(s.title_fit == 0);
        assert_true(fabs(s.score - 100 * (0.7 * s.coverage + 0.3 * s.level_fit)) < 1e-9);
    }
    analysed_free(&x);
}

static void test_missing_order(void **state)
{
    (void)state;
    size_t role = rs_roles_find(S_roles, "backend-junior");
    assert_true(role != RS_NOT_FOUND);
    analysed x = analyse("Junior Backend Developer\nSkills: Python, Docker, PostgreSQL\n");
    rs_role_info info = rs_roles_role(S_roles, role);
    rs_role_score s = rs_analysis_score_role(x.a, role);
    assert_true(s.matched > 0 && s.matched < s.total);
    rs_role_skill miss[64];
    size_t n = rs_analysis_missing(x.a, role, miss, 64);
    assert_int_equal(n, s.total - s.matched);
    /* every weight present, in order core, important, nice; within one
     * weight in the order the role lists them */
    int seen[4] = {0};
    size_t last_pos = 0;
    for (size_t i = 0; i < n; i++) {
        assert_false(rs_analysis_has_skill(x.a, miss[i].skill));
        seen[miss[i].weight] = 1;
        size_t pos = 0;
        while (pos < info.skill_count && rs_roles_skill(S_roles, role, pos).skill != miss[i].skill)
            pos++;
        assert_true(pos < info.skill_count);
        assert_int_equal(rs_roles_skill(S_roles, role, pos).weight, miss[i].weight);
        if (i > 0) {
            assert_true(miss[i - 1].weight >= miss[i].weight);
            if (miss[i - 1].weight == miss[i].weight)
                assert_true(pos > last_pos);
        }
        last_pos = pos;
    }
    assert_true(seen[RS_WEIGHT_CORE] && seen[RS_WEIGHT_IMPORTANT] && seen[RS_WEIGHT_NICE]);
    assert_int_equal(miss[0].weight, RS_WEIGHT_CORE);
    assert_int_equal(miss[n - 1].weight, RS_WEIGHT_NICE);
    /* max is respected, and cuts from the end (core first) */
    rs_role_skill two[2];
    assert_int_equal(rs_analysis_missing(x.a, role, two, 2), 2);
    assert_int_equal(two[0].skill, miss[0].skill);
    assert_int_equal(two[1].skill, miss[1].skill);
    assert_int_equal(rs_analysis_missing(x.a, role, two, 0), 0);
    assert_int_equal(rs_analysis_missing(x.a, rs_roles_count(S_roles), two, 2), 0);
    analysed_free(&x);
}

/* ---- rendering --------------------------------------------------------- */

static json_t *get(json_t *o, const char *key, json_type type)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_typeof(v) != type)
        fail_msg("\"%s\": missing or of type %d, want %d", key, v ? (int)json_typeof(v) : -1,
                 (int)type);
    return v;
}

static void test_render_json(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", NULL);
    rs_score_result r = {x.name, x.doc, x.scan, x.a, NULL};
    char *out = NULL;
    size_t len = 0;
    rs_error err = {0};
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, &S_ro, RS_OUTPUT_JSON, 0, &out, &len, &err),
                     RS_OK);
    assert_int_equal(strlen(out), len);
    json_error_t jerr;
    json_t *root = json_loadb(out, len, 0, &jerr);
    if (!root)
        fail_msg("JSON does not parse: %s (line %d)", jerr.text, jerr.line);
    assert_string_equal(json_string_value(get(root, "as_of", JSON_STRING)), "2026-11");
    json_t *docs = get(root, "documents", JSON_ARRAY);
    assert_int_equal(json_array_size(docs), 1);
    json_t *d = json_array_get(docs, 0);
    assert_true(json_is_true(get(d, "in_scope", JSON_TRUE)));
    json_t *level = get(d, "level", JSON_OBJECT);
    assert_int_equal(json_integer_value(get(level, "rung", JSON_INTEGER)), 3);

    json_t *roles = get(d, "roles", JSON_ARRAY);
    assert_int_equal(json_array_size(roles), rs_analysis_role_count(x.a));
    json_t *r0 = json_array_get(roles, 0);
    const rs_role_score *best = rs_analysis_role(x.a, 0);
    rs_role_info info = rs_roles_role(S_roles, best->role);
    assert_string_equal(json_string_value(get(r0, "id", JSON_STRING)), info.id);
    assert_string_equal(json_string_value(get(r0, "title", JSON_STRING)), info.title);
    assert_string_equal(json_string_value(get(r0, "track", JSON_STRING)), info.track);
    assert_int_equal(json_integer_value(get(r0, "rung", JSON_INTEGER)), info.rung);
    assert_true(fabs(json_real_value(get(r0, "score", JSON_REAL)) - best->score) < 1e-3   /* printed to 6 significant digits */);
    json_t *matched = get(r0, "matched", JSON_ARRAY);
    json_t *missing = get(r0, "missing", JSON_ARRAY);
    assert_int_equal(json_array_size(matched), best->matched);
    assert_int_equal(json_array_size(matched) + json_array_size(missing), best->total);

    json_t *gaps = get(d, "gaps", JSON_OBJECT);
    assert_string_equal(json_string_value(get(gaps, "role", JSON_STRING)), info.id);
    assert_int_equal(json_array_size(get(gaps, "missing", JSON_ARRAY)),
                     best->total - best->matched);
    json_t *next = get(d, "next_rung", JSON_OBJECT);
    size_t next_role = rs_roles_next(S_roles, best->role);
    assert_true(next_role != RS_NOT_FOUND);
    assert_string_equal(json_string_value(get(next, "role", JSON_STRING)),
                        rs_roles_role(S_roles, next_role).id);
    get(next, "missing", JSON_ARRAY);
    json_t *steps = get(get(d, "advice", JSON_OBJECT), "steps", JSON_ARRAY);
    assert_int_equal(json_array_size(steps), info.advice_count);
    assert_true(json_array_size(steps) > 0);
    json_decref(root);
    rs_free(out);
    analysed_free(&x);
}

static void test_render_json_out_of_scope(void **state)
{
    (void)state;
    analysed x = analyse_sample("12-chef.txt", NULL);
    rs_score_result r = {x.name, x.doc, x.scan, x.a, NULL};
    char *out = NULL;
    size_t len = 0;
    rs_error err = {0};
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, &S_ro, RS_OUTPUT_JSON, 0, &out, &len, &err),
                     RS_OK);
    json_t *root = json_loadb(out, len, 0, NULL);
    assert_non_null(root);
    json_t *d = json_array_get(get(root, "documents", JSON_ARRAY), 0);
    assert_true(json_is_false(get(d, "in_scope", JSON_FALSE)));
    assert_non_null(strstr(json_string_value(get(d, "out_of_scope_reason", JSON_STRING)),
                           "not about engineering"));
    assert_int_equal(json_array_size(get(d, "roles", JSON_ARRAY)), 0);
    get(d, "gaps", JSON_NULL);
    get(d, "next_rung", JSON_NULL);
    json_decref(root);
    rs_free(out);
    analysed_free(&x);
}

static void test_render_text(void **state)
{
    (void)state;
    analysed x = analyse_sample("03-senior-backend.txt", NULL);
    rs_score_result r = {x.name, x.doc, x.scan, x.a, NULL};
    char *out = NULL;
    size_t len = 0;
    rs_error err = {0};
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, &S_ro, RS_OUTPUT_TEXT, 0, &out, &len, &err), RS_OK);
    assert_int_equal(strlen(out), len);
    assert_non_null(strstr(out, "Rung 3"));
    assert_non_null(strstr(out, "Closest roles"));
    assert_non_null(strstr(out, rs_roles_role(S_roles, rs_analysis_role(x.a, 0)->role).title));
    assert_null(strstr(out, "\033["));   /* no colour unless asked */
    assert_null(strstr(out, "Out of scope"));
    rs_free(out);
    analysed_free(&x);

    x = analyse_sample("12-chef.txt", NULL);
    r = (rs_score_result){x.name, x.doc, x.scan, x.a, NULL};
    assert_int_equal(render_score(S_roles, S_lex, &r, 1, &S_ro, RS_OUTPUT_TEXT, 0, &out, &len, &err), RS_OK);
    assert_non_null(strstr(out, "Out of scope"));
    assert_non_null(strstr(out, "not about engineering"));
    assert_null(strstr(out, "Closest roles"));
    rs_free(out);
    analysed_free(&x);
}

/* Lateral moves are offered only within reach: 40% of the role's
 * weighted skills shown, most first, and only the role's own laterals. */
static void test_laterals_within_reach(void **state)
{
    (void)state;
    static const char *const files[] = {"03-senior-backend.txt", "09-data-engineer.md",
                                        "12-chef.txt"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        analysed x = analyse_sample(files[f], NULL);
        for (size_t r = 0; r < rs_roles_count(S_roles); r++) {
            size_t out[16];
            size_t n = rs_analysis_laterals(x.a, r, out, 16);
            rs_role_info info = rs_roles_role(S_roles, r);
            assert_true(n <= info.lateral_count);
            for (size_t i = 0; i < n; i++) {
                double c = rs_analysis_score_role(x.a, out[i]).coverage;
                assert_true(c >= RS_LATERAL_REACH);
                if (i)
                    assert_true(rs_analysis_score_role(x.a, out[i - 1]).coverage >= c);
                bool listed = false;
                for (size_t k = 0; k < info.lateral_count; k++)
                    listed |= rs_roles_lateral(S_roles, r, k) == out[i];
                assert_true(listed);
            }
        }
        analysed_free(&x);
    }
    size_t out[1];
    assert_int_equal(rs_analysis_laterals(NULL, 0, out, 1), 0);
}

/* ---- whose resume it is (rs_document_person) ---------------------------- */

/* The bytes out names in the document's text. */
static void person_name(const analysed *p, const rs_evidence *out, char *buf, size_t size)
{
    const rs_text *t = rs_document_text(p->doc);
    assert_true(out->orig_start < out->orig_end && out->orig_end <= rs_text_length(t));
    assert_true(out->orig_end - out->orig_start < size);
    memcpy(buf, rs_text_data(t) + out->orig_start, out->orig_end - out->orig_start);
    buf[out->orig_end - out->orig_start] = '\0';
}

/* The name as written, where it stands (column in characters), or no one:
 * a job title, a resume heading, a skill the scan found, a contact line,
 * prose, a line after the first section heading, lowercase words, one
 * word or five, digits. */
static void test_person(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *name;   /* NULL: no one (0) */
        unsigned line, column;
    } cases[] = {
        {"TOMASZ KOWALCZYK\nJunior Backend Developer\n\nEXPERIENCE\n"
         "Backend Developer, Acme, 2022 - Present\n", "TOMASZ KOWALCZYK", 1, 1},
        {"# Marco Bellini\n\n**Backend Developer** \xC2\xB7 Milan\n", "Marco Bellini", 1, 3},
        {"R\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 DANIEL OKAFOR\nSenior Backend Software Engineer\n",
         "DANIEL OKAFOR", 1, 10},
        {"R\xC3\x89SUM\xC3\x89\n\nCLAIRE DUBOIS-MARTIN\nExecutive Chef\n", "CLAIRE DUBOIS-MARTIN", 3,
         1},
        {"Name: Jan van der Berg\n", "Jan van der Berg", 1, 7},
        {"John B. Smith\n", "John B. Smith", 1, 1},
        {"John A. Smith\n", "John A. Smith", 1, 1},
        {"John I. Smith\n", "John I. Smith", 1, 1},
        {"Se\xC3\xA1n O'Neil\n", "Se\xC3\xA1n O'Neil", 1, 1},
        {"Jane Doe \xE2\x80\x94 R\xC3\xA9sum\xC3\xA9\n", "Jane Doe", 1, 1},
        {"CV | Jane Doe\n", "Jane Doe", 1, 6},
        /* a job title first, the name on the next line */
        {"Senior Software Engineer\nJane Doe\n", "Jane Doe", 2, 1},
        {"ENGLISH TEACHER\nSummary\nTaught English to adult learners for ten years.\n", NULL, 0,
         0},
        {"SOCIAL MEDIA COORDINATOR\n", NULL, 0, 0},
        {"Career Overview\n", NULL, 0, 0},
        {"HR GENERALIST\n", NULL, 0, 0},
        {"Professional Summary\n", NULL, 0, 0},
        {"Microsoft Office Suite\n", NULL, 0, 0},   /* a skill the scan found */
        {"Jane Doe | jane@example.com\n", NULL, 0, 0},   /* a contact line */
        {"jane doe\n", NULL, 0, 0},
        {"Summary\nJane Doe\n", NULL, 0, 0},   /* after a section heading */
        {"I have worked as a software engineer for many years in several companies and "
         "teams\nJane Doe\n", NULL, 0, 0},   /* 13 words: prose ends the heading block */
        {"Jane\n", NULL, 0, 0},
        {"Jane Mary Ann Louise Doe\n", NULL, 0, 0},
        {"Jane Doe 2024\n", NULL, 0, 0},
        {"Jane \xE2\x80\xAE""Doe\n", NULL, 0, 0},   /* a right-to-left override inside */
        {"Jane Abcdefghijabcdefghijabcdefghijabcdefghijk\n", NULL, 0, 0},   /* a 41-byte word */
        {"", NULL, 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        analysed p = analyse(cases[k].text);
        rs_evidence out;
        memset(&out, 0, sizeof out);
        int got = rs_document_person(S_roles, p.doc, p.scan, &out);
        char name[128] = "";
        if (got == 1)
            person_name(&p, &out, name, sizeof name);
        bool right = cases[k].name ? got == 1 && strcmp(name, cases[k].name) == 0 &&
                                         out.line == cases[k].line &&
                                         out.column == cases[k].column
                                   : got == 0;
        if (!right)
            fail_msg("case %zu \"%s\": %d \"%s\" line %u column %u; want %s line %u column %u", k,
                     cases[k].text, got, name, out.line, out.column,
                     cases[k].name ? cases[k].name : "(no one)", cases[k].line,
                     cases[k].column);
        analysed_free(&p);
    }
}

/* Without the scan, a line of skills is read as words only: the scan is
 * what says "Microsoft Office Suite" is no one's name. */
static void test_person_needs_the_scan(void **state)
{
    (void)state;
    analysed p = analyse("Microsoft Office Suite\n");
    rs_evidence out;
    assert_int_equal(rs_document_person(S_roles, p.doc, p.scan, &out), 0);
    assert_int_equal(rs_document_person(S_roles, p.doc, NULL, &out), 1);
    char name[64];
    person_name(&p, &out, name, sizeof name);
    assert_string_equal(name, "Microsoft Office Suite");
    analysed_free(&p);
}

/* Failing each allocation in turn: -1 (out of memory) or the name, never
 * a crash or a leak (the sanitizers see one). */
static void test_person_allocation_failures(void **state)
{
    (void)state;
    analysed p = analyse("R\xC3\x89SUM\xC3\x89\n\nCLAIRE DUBOIS-MARTIN\nExecutive Chef\n\n"
                          "EXPERIENCE\nHead Chef, Le Bistro, 2019 - Present\n\n"
                          "SKILLS\nMenu design, food safety\n");
    int got = -1;
    size_t n = 0;
    for (; got == -1; n++) {
        assert_true(n < 1000);
        rs_evidence out;
        memset(&out, 0, sizeof out);
        S_allocs_left = n;
        rs_set_allocator(failing_malloc, failing_realloc, free);
        got = rs_document_person(S_roles, p.doc, p.scan, &out);
        rs_set_allocator(NULL, NULL, NULL);
        assert_true(got == -1 || got == 1);
        if (got == 1) {
            char name[64];
            person_name(&p, &out, name, sizeof name);
            assert_string_equal(name, "CLAIRE DUBOIS-MARTIN");
            assert_int_equal(out.line, 3);
        }
    }
    assert_true(n > 1);   /* the first attempt, with no allocation left, failed */
    analysed_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_laterals_within_reach),
        cmocka_unit_test(test_junior),
        cmocka_unit_test(test_senior),
        cmocka_unit_test(test_cto),
        cmocka_unit_test(test_track_unclear),
        cmocka_unit_test(test_untitled_text_by_its_work),
        cmocka_unit_test(test_track_without_title),
        cmocka_unit_test(test_level_before_title),
        cmocka_unit_test(test_bare_field_word),
        cmocka_unit_test(test_spanning_track),
        cmocka_unit_test(test_discipline_list),
        cmocka_unit_test(test_chef_out_of_scope),
        cmocka_unit_test(test_devops_track),
        cmocka_unit_test(test_titles_and_seniority),
        cmocka_unit_test(test_first_line_level),
        cmocka_unit_test(test_target_role_id),
        cmocka_unit_test(test_target_title),
        cmocka_unit_test(test_target_unknown),
        cmocka_unit_test(test_full_match_scores_high),
        cmocka_unit_test(test_score_parts),
        cmocka_unit_test(test_missing_order),
        cmocka_unit_test(test_render_json),
        cmocka_unit_test(test_render_json_out_of_scope),
        cmocka_unit_test(test_render_text),
        cmocka_unit_test(test_person),
        cmocka_unit_test(test_person_needs_the_scan),
        cmocka_unit_test(test_person_allocation_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
