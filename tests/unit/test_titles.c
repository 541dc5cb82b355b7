/* test_titles.c — reading job titles (rs_roles_parse_title) with the real
 * lexicons (RS_LEXICONS): every title the roles lexicon lists reads back
 * exactly as its role, and the usual abbreviations and forms land on the
 * right track and rung, while titles outside engineering are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "support.h"
#include "text/text_internal.h"
#include "internal.h"
#include "lexicon/roles_internal.h"



/* ---- every listed title ------------------------------------------------ */

static void test_every_listed_title_is_exact(void **state)
{
    (void)state;
    size_t roles = rs_roles_count(S_roles), titles = 0;
    int failed = 0;
    assert_true(roles > 0);
    for (size_t r = 0; r < roles; r++) {
        rs_role_info info = rs_roles_role(S_roles, r);
        assert_true(info.title_count > 0);
        for (size_t t = 0; t < info.title_count; t++) {
            const char *title = rs_roles_title(S_roles, r, t);
            assert_non_null(title);
            titles++;
            rs_title_match m = {0};
            int got = rs_roles_parse_title(S_roles, title, &m);
            if (got != 1) {
                print_error("%s: \"%s\": parse returned %d, want 1\n", info.id, title, got);
                failed++;
            } else if (!m.exact || m.rung != info.rung || m.role != r) {
                print_error("%s: \"%s\": exact %d rung %d (role %s), want exact 1 rung %d\n",
                            info.id, title, m.exact, m.rung,
                            rs_roles_role(S_roles, m.role).id, info.rung);
                failed++;
            }
        }
    }
    print_message("%zu titles of %zu roles checked\n", titles, roles);
    assert_true(titles >= 200);
    assert_int_equal(failed, 0);
}

/* ---- texts users read -------------------------------------------------- */

/* Does s name a source by our storage words ("seed 002", a file name such
 * as 002_91c24e755dfa410a, a repository path) instead of its title? */
static bool internal_name(const char *s)
{
    if (!s)
        return false;
    for (const char *p = s; *p; p++) {
        bool word_start = p == s || !isalpha((unsigned char)p[-1]);
        if (word_start && strncasecmp(p, "seed", 4) == 0) {
            const char *e = p + 4 + (p[4] == 's' || p[4] == 'S');
            if (!isalpha((unsigned char)*e))
                return true;
        }
        if (strncmp(p, "shared/", 7) == 0)
            return true;
        size_t hex = 0;
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
            isdigit((unsigned char)p[2]) && p[3] == '_')
            while (isxdigit((unsigned char)p[4 + hex]))
                hex++;
        if (hex >= 8)
            return true;
    }
    return false;
}

static int check_text(const char *role, const char *what, const char *text)
{
    if (!internal_name(text))
        return 0;
    print_error("%s: %s names an internal source: \"%s\"\n", role, what, text);
    return 1;
}

/* Reasons, summaries, advice and salary sources cite a source by its
 * title, never by our file names or the word "seed". */
static void test_texts_name_sources_by_title(void **state)
{
    (void)state;
    assert_true(internal_name("as seed 002 says") && internal_name("(Seeds 001, 004)") &&
                internal_name("see 002_91c24e755dfa410a") && internal_name("shared/seeds"));
    assert_false(internal_name("Backend Developer Job Titles") || internal_name("seedling") ||
                 internal_name("a seeded random order"));
    int failed = 0;
    for (size_t r = 0; r < rs_roles_count(S_roles); r++) {
        rs_role_info info = rs_roles_role(S_roles, r);
        failed += check_text(info.id, "summary", info.summary);
        failed += check_text(info.id, "salary source", info.salary_source);
        failed += check_text(info.id, "track name", info.track_name);
        for (size_t i = 0; i < info.title_count; i++)
            failed += check_text(info.id, "title", rs_roles_title(S_roles, r, i));
        for (size_t i = 0; i < info.responsibility_count; i++)
            failed += check_text(info.id, "responsibility", rs_roles_responsibility(S_roles, r, i));
        for (size_t i = 0; i < info.skill_count; i++)
            failed += check_text(info.id, "reason", rs_roles_skill(S_roles, r, i).why);
        for (size_t i = 0; i < info.advice_count; i++)
            failed += check_text(info.id, "advice", rs_roles_advice(S_roles, r, i));
    }
    assert_int_equal(failed, 0);
}

/* ---- abbreviations and forms ------------------------------------------- */

typedef struct title_case {
    const char *title;
    const char *track;
    int rung;   /* 0: any rung */
} title_case;

static void test_abbreviations_and_forms(void **state)
{
    (void)state;
    static const title_case cases[] = {
        {"Sr. SWE", "backend", 3},
        {"Jr. Backend Dev", "backend", 1},
        {"SDE II", "backend", 2},
        {"Backend Engineer III", "backend", 3},
        {"Staff Engineer", "backend", 4},
        {"Principal Engineer", "backend", 5},
        {"Tech Lead", "backend", 4},
        {"Engineering Mgr", "management", 4},
        {"Dir. of Engineering", "management", 6},
        {"Head of Engineering", "management", 6},
        {"VP Eng", "backend", 7},
        {"Vice President, Engineering", "backend", 7},
        {"CTO & Co-founder", "backend", 8},
        {"Chief Technology Officer", "backend", 8},
        /* a field word outranks a technology, wherever they stand */
        {"Senior Full Stack .NET/React Engineer", "fullstack", 3},
        {"Full Stack Developer (Backend / Frontend)", "fullstack", 2},
        {"Python Data Engineer", "data", 2},
        {"AWS DevOps Engineer", "devops", 2},
        /* job boards drop the noun, keeping the level */
        {"Junior QA", "qa", 1},
        {"Middle AQA", "qa", 2},
        {"Senior DevOps", "devops", 3},
        {"Senior Full Stack (React/Node)", "fullstack", 3},
        {"Senior Test Automation (Python)", "qa", 3},
        /* a string known to be a title needs no level word */
        {"DevOps", "devops", 2},
        {"QA Automation", "qa", 2},
        {"Full-Stack", "fullstack", 2},
        {"Frontend and Backend Development", "fullstack", 2},
        {"Middle FullStack Web Developer", "fullstack", 2},
        {"Principal Full Stack Developer with React", "fullstack", 5},
        /* a job board's "[level] technology" title */
        {"Middle Java", "backend", 2},
        {"Senior Angular", "frontend", 3},
        {"Sr Python (Lambda)", "backend", 3},
        /* a data center runs machines */
        {"Data Center Manager", "itops", 4},
        /* inverted: the field after the comma */
        {"Director, Infrastructure", "management", 6},
        {"Analyst, Information Security", "security", 2},
        {"Software Engineer, Android", "mobile", 2},
        {"Senior Data Engineer", "data", 3},
        {"DevOps Engineer II", "devops", 2},
        {"Site Reliability Engineer", "devops", 0},
        {"Senior SRE", "devops", 3},
        {"Frontend Developer", "frontend", 2},
        {"React Developer", "frontend", 0},
        {"Full-Stack Engineer", "fullstack", 0},
        {"Machine Learning Engineer", "ml", 2},
        {"Database Administrator", "dba", 3},
        {"Cloud Solutions Architect", "cloud", 5},
        {"Security Engineer", "security", 2},
        {"Software Engineer Intern", "backend", 1},
        /* the accuracy rules */
        {"Senior Security Systems Analyst", "security", 3},
        {"IT Security Operations Analyst", "security", 2},
        {"Full Stack Software Engineer", "fullstack", 0},
        {"Data Platform Engineer", "data", 0},
        {"Senior C++ Developer with Computer Vision", "backend", 3},
        {"Data Engineer for Shelf Analytics", "data", 2},
        {"Rust Developer", "backend", 2},
        {"Systems Administrator (Security Clearance)", "itops", 2},
        /* the tracks people actually have */
        {"Senior iOS Engineer", "mobile", 3},
        {"Mobile Engineer", "mobile", 2},
        {"Android Developer", "mobile", 2},
        {"QA Automation Engineer", "qa", 2},
        {"SDET II", "qa", 2},
        {"Data Analyst", "analytics", 2},
        {"Senior Business Intelligence Analyst", "analytics", 3},
        {"Engineering Manager", "management", 4},
        {"Software Engineering Supervisor", "management", 4},
        {"Firmware Engineer", "embedded", 2},
        {"Senior Embedded Software Engineer", "embedded", 3},
        {"Help Desk Technician", "itops", 1},
        {"Senior IT Technician", "itops", 3},
        {"Network Administrator", "itops", 2},
        /* after an engineer's own noun come the team and the employer */
        {"Software Engineer Project Team Member", "backend", 2},
        {"Senior IT Security Analyst contracted to a bank", "security", 3},
        /* a field's architect stays in the field */
        {"Database Architect", "dba", 5},
        {"DBA Architect", "dba", 5},
        {"Incident Response Analyst", "security", 2},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const title_case *c = &cases[i];
        rs_title_match m = {0};
        int got = rs_roles_parse_title(S_roles, c->title, &m);
        if (got != 1) {
            print_error("\"%s\": parse returned %d, want 1\n", c->title, got);
            failed++;
            continue;
        }
        rs_role_info info = rs_roles_role(S_roles, m.role);
        if (!info.track || strcmp(info.track, c->track) != 0 ||
            (c->rung && m.rung != c->rung)) {
            print_error("\"%s\": got %s rung %d (role %s), want %s rung %d\n", c->title,
                        info.track ? info.track : "(none)", m.rung,
                        info.id ? info.id : "(none)", c->track, c->rung);
            failed++;
        }
        /* the match's rung is the rung of the role it leads to, or near it */
        if (m.exact && m.rung != info.rung) {
            print_error("\"%s\": exact match with rung %d but role %s is rung %d\n",
                        c->title, m.rung, info.id, info.rung);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

static void test_not_engineering(void **state)
{
    (void)state;
    static const char *const titles[] = {
        "Project Manager", "Executive Chef",  "Sales Director",
        "Registered Nurse", "Product Manager", "Marketing Lead",
        "IT Project Manager", "Technical Program Manager", "Account Manager",
        "Business Development Manager", "Accounting Software Consultant",
        "Hardware Test Engineer", "Mechanical Engineer", "Security Guard",
        "Pharmacy Technician", "Development Director",
        /* the last words of a long word list count too */
        "Sales Engineer", "Customer Portfolio Manager",
        /* the noun's own part names another field; the rest is the team
         * or product served */
        "Partner Strategy Planning Lead, Google Cloud", "Financial Analyst, Google Cloud",
        "Sales Lead, SMB, Google Cloud Platform", "Head of Government Channels, Google Cloud",
        /* a guard's security is no engineering field */
        "Physical Security Manager", "Campus Security Manager",
        "Non Commissioned Security Officer",
        "Industry Public Relations Manager, Google Cloud",
        "Global Campaigns Manager, Google Cloud",
        /* a field outside engineering before a lead's noun takes it over */
        "Mobile UX Lead", "Growth Lead (Mobile App)",
        /* a noun after "of" with no title before it names a field of study */
        "School of Engineering", "Master of Science in Software Engineering",
        /* the noun's part names no field; the part after it names another */
        "Operations Manager, International and COO Communications, Google Cloud",
        "Associate Contracts Manager, Cloud",
        /* what a manager or consultant serves may follow the noun */
        "Manager, IT Project Services", "Manager IT Project Solutions",
        "Strategic Agency Consultant, Marketing Solutions",
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        rs_title_match m = {.role = 12345, .rung = -7};
        int got = rs_roles_parse_title(S_roles, titles[i], &m);
        if (got != 0) {
            print_error("\"%s\": parse returned %d (role %s rung %d), want 0\n", titles[i],
                        got, rs_roles_role(S_roles, m.role).id ? rs_roles_role(S_roles, m.role).id : "?",
                        m.rung);
            failed++;
        } else if (m.role != 12345 || m.rung != -7) {
            print_error("\"%s\": *out written on a 0 return\n", titles[i]);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

/* The level any title states, in any field, on the rung scale. */
static void test_seniority(void **state)
{
    (void)state;
    static const struct {
        const char *title;
        int level;
        bool stated;
    } cases[] = {
        {"Sales Director", 6, true},          {"Marketing Intern", 1, true},
        {"Chief Financial Officer", 8, true}, {"CEO", 8, true},
        {"Vice President of Sales", 7, true}, {"VP, Marketing", 7, true},
        {"Senior Accountant", 3, true},       {"Account Manager", 4, true},
        {"Lead Generation Specialist", 2, false},
        {"Senior Lead Generation Specialist", 3, true},
        {"Laboratory Technician", 1, true},   {"Engineering Co-Op", 1, true},
        {"2024 R&D Summer Intern - Track 2", 1, true},
        {"Business Analyst", 2, false},       {"Chef", 2, false},
        {"Junior Copywriter", 1, true},       {"Principal Consultant", 5, true},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *norm = rs__normalize_term(cases[i].title, &len);
        assert_non_null(norm);
        bool stated = !cases[i].stated;
        int got = rs__title_seniority(S_roles, norm, 0, len, &stated);
        if (got != cases[i].level || stated != cases[i].stated) {
            print_error("\"%s\": level %d stated %d, want %d stated %d\n", cases[i].title, got,
                        stated, cases[i].level, cases[i].stated);
            failed++;
        }
        rs__free(norm);
    }
    bool stated;
    assert_int_equal(rs__title_seniority(S_roles, "   ", 0, 3, &stated), 0);
    assert_int_equal(failed, 0);
}

/* Lines that name a job outside engineering, and lines that do not. */
static void test_other_job(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        bool other;
    } cases[] = {
        {"Staff Accountant, Acme Foods", true},  {"EXECUTIVE CHEF", true},
        {"Director of Marketing", true},         {"Account Manager | Cloud", true},
        {"Senior Backend Engineer", false},      {"Mechanical Engineer", false},
        {"- Maintainer of a small library", false},
        {"Information Technology Certified Technician", false},
        {"Ran a kitchen of twelve cooks and planned the weekly menus for two sites", false},
        {"Jane Doe", false},
        /* the title ends at its first separator, however long the rest */
        {"Partner Sales Manager, Go-to-Market Partnerships, Google Cloud Platform", true},
        /* the noun is the last title or occupation noun, not the last word */
        {"Inside Sales Manager North Asia, Google Cloud", true},
        /* another occupation's noun stays one after a technology word */
        {"Revenue Systems Senior Accountant", true},
        {"Hardware System Validation Engineer, Consumer Hardware", false},
        {"Product Strategist, Growth", true},
        /* a technology word before a title noun makes a job in technology */
        {"Technical Program Manager", false},
        /* prose names no job */
        {"Over nineteen years of experience in Information Technology", false},
        /* a technology word as the noun is no other job */
        {"Microsoft Windows Operating Systems 95, 98, 2000 and XP", false},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *norm = rs__normalize_term(cases[i].line, &len);
        assert_non_null(norm);
        if (rs__title_other_job(S_roles, norm, 0, len) != cases[i].other) {
            print_error("\"%s\": want %d\n", cases[i].line, cases[i].other);
            failed++;
        }
        rs__free(norm);
    }
    assert_int_equal(failed, 0);
}

/* A title that names no track says so: the rung is read, the skills
 * will pick the track. */
static void test_track_unclear(void **state)
{
    (void)state;
    rs_title_match m = {0};
    assert_int_equal(rs_roles_parse_title(S_roles, "Senior Engineer", &m), 1);
    assert_int_equal(m.rung, 3);
    assert_int_equal(m.track_unclear, 1);
    assert_int_equal(rs_roles_parse_title(S_roles, "Senior Backend Engineer", &m), 1);
    assert_int_equal(m.track_unclear, 0);
}

/* The span covers the title's words in the normalized text. */
static void test_span(void **state)
{
    (void)state;
    rs_title_match m = {0};
    assert_int_equal(rs_roles_parse_title(S_roles, "  Senior Data Engineer  ", &m), 1);
    assert_true(m.exact);
    assert_true(m.norm_start < m.norm_end);
    assert_int_equal(m.norm_end - m.norm_start, strlen("senior data engineer"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_listed_title_is_exact),
        cmocka_unit_test(test_texts_name_sources_by_title),
        cmocka_unit_test(test_abbreviations_and_forms),
        cmocka_unit_test(test_not_engineering),
        cmocka_unit_test(test_seniority),
        cmocka_unit_test(test_other_job),
        cmocka_unit_test(test_track_unclear),
        cmocka_unit_test(test_span),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
