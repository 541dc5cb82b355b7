/* test_sections.c — rs_sections_find: resumes and postings split at their
 * headings (Markdown, capitals, setext, inline "Skills: ..."), the posting
 * title and equal-opportunity rules, sentences that only look like
 * headings, CRLF, the empty text, every line covered once, bounded work on
 * a million lines, allocation failures, and the activity headings only the
 * library tells apart (rs__sections_find). */
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
#include "analyze/sections_internal.h"

#define R RS_DOC_RESUME
#define P RS_DOC_POSTING

typedef struct split {
    rs_document *doc;
    rs_section *s;
    size_t n;
} split;

/* What one section should be: its kind, first line and has_heading. */
typedef struct want {
    rs_section_kind kind;
    unsigned first;
    int heading;
} want;

static rs_document *doc_of(const char *text, size_t len)
{
    rs_text *t = NULL;
    rs_document *d = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("t.txt", (const unsigned char *)text, len, 0, &t, &err),
                     RS_OK);
    assert_int_equal(rs_document_new(t, &d, &err), RS_OK);
    return d;
}

/* Lines as the API counts them: a final empty line after a line end is
 * none; CRLF, CR and LF each end a line. */
static unsigned count_lines(const char *s, size_t len)
{
    unsigned n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        if (s[i] == '\n' || s[i] == '\r')
            n++;
    }
    return n + (len && s[len - 1] != '\n' && s[len - 1] != '\r');
}

/* Sections in order from line 1, contiguous, none empty, the last ending
 * at the last line; byte ranges contiguous from 0 to the end. */
static void check_cover(const split *x)
{
    const char *s = rs_text_data(rs_document_text(x->doc));
    size_t len = rs_text_length(rs_document_text(x->doc));
    unsigned lines = count_lines(s, len);
    if (!lines) {
        assert_int_equal(x->n, 0);
        return;
    }
    assert_true(x->n >= 1);
    assert_int_equal(x->s[0].first_line, 1);
    assert_int_equal(x->s[0].orig_start, 0);
    for (size_t i = 0; i < x->n; i++) {
        const rs_section *c = &x->s[i];
        assert_true(c->first_line <= c->last_line);
        assert_true(c->orig_start < c->orig_end);
        rs_position p = rs_document_position(x->doc, c->orig_start);
        assert_int_equal(p.line, c->first_line);
        assert_int_equal(p.column, 1);
        assert_int_equal(rs_document_position(x->doc, c->orig_end - 1).line, c->last_line);
        if (i + 1 < x->n) {
            assert_int_equal(x->s[i + 1].first_line, c->last_line + 1);
            assert_int_equal(x->s[i + 1].orig_start, c->orig_end);
        }
    }
    assert_int_equal(x->s[x->n - 1].last_line, lines);
    assert_int_equal(x->s[x->n - 1].orig_end, len);
}

static split split_len(const char *text, size_t len, rs_doc_kind kind)
{
    split x = {doc_of(text, len), NULL, 0};
    rs_error err = {0};
    assert_int_equal(rs_sections_find(x.doc, kind, &x.s, &x.n, &err), RS_OK);
    check_cover(&x);
    return x;
}

static split split_text(const char *text, rs_doc_kind kind)
{
    return split_len(text, strlen(text), kind);
}

static void split_free(split *x)
{
    rs_free(x->s);
    rs_document_free(x->doc);
}

static void expect(const split *x, const want *w, size_t n)
{
    for (size_t i = 0; i < n && i < x->n; i++) {
        if (x->s[i].kind != w[i].kind || x->s[i].first_line != w[i].first ||
            x->s[i].has_heading != w[i].heading)
            fail_msg("section %zu: %s at line %u (heading %d), want %s at %u (%d)", i,
                     rs_section_name(x->s[i].kind), x->s[i].first_line, x->s[i].has_heading,
                     rs_section_name(w[i].kind), w[i].first, w[i].heading);
    }
    if (x->n != n)
        fail_msg("%zu sections, want %zu", x->n, n);
}

#define EXPECT(x, ...)                                                        \
    do {                                                                      \
        const want w_[] = {__VA_ARGS__};                                      \
        expect((x), w_, sizeof w_ / sizeof w_[0]);                            \
    } while (0)

/* The kind of the section holding line `line`. */
static rs_section_kind kind_at(const split *x, unsigned line)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->s[i].first_line <= line && line <= x->s[i].last_line)
            return x->s[i].kind;
    fail_msg("line %u in no section", line);
    return RS_SECTION_OTHER;
}

/* ---- resumes ------------------------------------------------------------ */

static void test_resume_markdown(void **state)
{
    (void)state;
    split x = split_text("# Jane Doe\n"                    /* 1 */
                         "jane@example.com\n"
                         "\n"
                         "## Professional Summary\n"       /* 4 */
                         "Backend developer.\n"
                         "\n"
                         "## Work Experience\n"            /* 7 */
                         "### Acme — Backend Developer\n"  /* a job, not a section */
                         "- Built Kafka consumers.\n"
                         "\n"
                         "## Technical Skills\n"           /* 11 */
                         "- Go, Kafka\n"
                         "\n"
                         "## Education\n"                  /* 14 */
                         "BSc Computer Science\n"
                         "## Licenses & Certifications\n"  /* 16 */
                         "CKA\n"
                         "## Side Projects\n"              /* 18 */
                         "A bot.\n"
                         "## Fun facts\n"                  /* 20: unknown, same style */
                         "I juggle.\n",
                         R);
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0}, {RS_SECTION_SUMMARY, 4, 1},
           {RS_SECTION_EXPERIENCE, 7, 1}, {RS_SECTION_SKILLS, 11, 1},
           {RS_SECTION_EDUCATION, 14, 1}, {RS_SECTION_CERTIFICATIONS, 16, 1},
           {RS_SECTION_PROJECTS, 18, 1}, {RS_SECTION_OTHER, 20, 1});
    const char *s = rs_text_data(rs_document_text(x.doc));
    assert_memory_equal(s + x.s[1].orig_start, "## Professional Summary\n", 24);
    assert_memory_equal(s + x.s[1].orig_end, "## Work", 7);
    split_free(&x);
}

static void test_resume_capitals_and_setext(void **state)
{
    (void)state;
    split x = split_text("JANE DOE\n"             /* 1 */
                         "Berlin | jane@example.com\n"
                         "\n"
                         "PROFILE\n"              /* 4 */
                         "Engineer since 2015.\n"
                         "\n"
                         "Work History\n"         /* 7: setext */
                         "------------\n"
                         "Acme GmbH, 2019 - 2024\n"
                         "\n"
                         "KEY SKILLS:\n"          /* 11 */
                         "Go, Python\n"
                         "\n"
                         "Education\n"            /* 14: setext with '=' */
                         "=========\n"
                         "MSc, TU Berlin\n"
                         "\n"
                         "Hobbies\n"              /* 18: unknown-kind heading */
                         "-------\n"
                         "Chess\n",
                         R);
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0}, {RS_SECTION_SUMMARY, 4, 1},
           {RS_SECTION_EXPERIENCE, 7, 1}, {RS_SECTION_SKILLS, 11, 1},
           {RS_SECTION_EDUCATION, 14, 1}, {RS_SECTION_OTHER, 18, 1});
    assert_int_equal(x.s[2].last_line, 10);   /* the underline stays with its heading */
    split_free(&x);
}

/* "Skills: Python, Go" opens a section with its text; labels inside a
 * section ("Languages: Go" in skills, "Technologies: Java" in a job) do not. */
static void test_resume_inline(void **state)
{
    (void)state;
    split x = split_text("Jane Doe\n"                              /* 1 */
                         "Summary: backend developer, 8 years.\n"  /* 2 */
                         "Experience\n"                            /* 3 */
                         "Acme, 2019 - 2024\n"
                         "Technologies: Java, Spring\n"
                         "Skills: Java, Kafka\n"                   /* a job's own stack */
                         "Tools: Jira\n"
                         "\n"
                         "SKILLS: Go, Kafka, PostgreSQL\n"         /* 9 */
                         "Languages: Go, SQL\n"
                         "Tools: Git, Docker\n"
                         "Education: BSc, University of Leeds\n"   /* 12 */
                         "**Certifications:** CKA, CKAD\n",        /* 13 */
                         R);
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0}, {RS_SECTION_SUMMARY, 2, 1},
           {RS_SECTION_EXPERIENCE, 3, 1}, {RS_SECTION_SKILLS, 9, 1},
           {RS_SECTION_EDUCATION, 12, 1}, {RS_SECTION_CERTIFICATIONS, 13, 1});
    split_free(&x);
}

/* Labels inside a job ("Key projects:", "Projects: ...") belong to it; the
 * same after a blank line, or styled, start the section. */
static void test_resume_entry_labels(void **state)
{
    (void)state;
    split x = split_text("EXPERIENCE\n"
                         "Acme, 2019 - 2024\n"
                         "Key Projects:\n"
                         "- Billing\n"
                         "Projects: ledger, payouts\n"
                         "\n"
                         "Projects:\n"                  /* 7 */
                         "- go-tools\n"
                         "Skills: Go\n"                 /* the project's stack */
                         "\n"
                         "Skills:\n"                    /* 11 */
                         "Go\n",
                         R);
    EXPECT(&x, {RS_SECTION_EXPERIENCE, 1, 1}, {RS_SECTION_PROJECTS, 7, 1},
           {RS_SECTION_SKILLS, 11, 1});
    split_free(&x);
}

/* Sentences and list items that hold a heading word stay where they are. */
static void test_not_headings(void **state)
{
    (void)state;
    split x = split_text("REQUIREMENTS\n"                            /* 1 */
                         "Experience with Kafka is required.\n"
                         "Skills\n"                                  /* 3: a heading */
                         "- Experience\n"                            /* list items */
                         "• Education\n"
                         "* Benefits\n"
                         "1. Requirements\n"
                         "We value lifelong\n"
                         "education\n"                               /* a wrapped line */
                         "and great\n"
                         "benefits.\n"
                         "Experience: you know Kafka; you like Go.\n"   /* same kind */
                         "Benefits? Ask us! We have many.\n"
                         "Location: Berlin\n"
                         "Role: Backend Developer\n",
                         P);
    EXPECT(&x, {RS_SECTION_REQUIREMENTS, 1, 1}, {RS_SECTION_REQUIREMENTS, 3, 1});
    split_free(&x);
}

static void test_resume_samples_shape(void **state)
{
    (void)state;
    /* PROJECTS & TALKS is projects; LANGUAGES after it is none of the kinds
     * but still ends the projects. */
    split x = split_text("PROJECTS & TALKS\n"
                         "go-tools\n"
                         "\n"
                         "LANGUAGES\n"
                         "English\n"
                         "\n"
                         "SKILLS & COMPETENCIES\n"
                         "Go\n"
                         "Languages & Frameworks\n"
                         "Go, gRPC\n",
                         R);
    EXPECT(&x, {RS_SECTION_PROJECTS, 1, 1}, {RS_SECTION_OTHER, 4, 1},
           {RS_SECTION_SKILLS, 7, 1}, {RS_SECTION_SKILLS, 9, 1});
    split_free(&x);
}

/* Headings of what a person does outside paid work start a section: OTHER
 * to the public API, RS__SECTION_ACTIVITIES inside the library (dates
 * there are no work experience). Mixed with a kind of the API, the API's
 * kind wins; "Coursework" is education; "Research Experience" and
 * "Internships" are experience. */
static void test_activity_headings(void **state)
{
    (void)state;
    static const char text[] = "EXPERIENCE\n"                   /* 1 */
                               "Backend Engineer, Acme\n"
                               "\n"
                               "Volunteer Experience\n"         /* 4 */
                               "Mentor, Code Clinic\n"
                               "\n"
                               "Leadership & Activities\n"      /* 7 */
                               "Captain, Rowing Crew\n"
                               "\n"
                               "Clubs and Societies\n"          /* 10 */
                               "Chess Circle\n"
                               "\n"
                               "Volunteering & Projects\n"      /* 13 */
                               "rolescan\n"
                               "\n"
                               "Relevant Coursework\n"          /* 16 */
                               "Compilers\n"
                               "\n"
                               "AWARDS\n"                       /* 19 */
                               "Hackathon winner\n"
                               "\n"
                               "Extracurricular Activities:\n"  /* 22 */
                               "Debate\n";
    split x = split_text(text, R);
    EXPECT(&x, {RS_SECTION_EXPERIENCE, 1, 1}, {RS_SECTION_OTHER, 4, 1},
           {RS_SECTION_OTHER, 7, 1}, {RS_SECTION_OTHER, 10, 1}, {RS_SECTION_PROJECTS, 13, 1},
           {RS_SECTION_EDUCATION, 16, 1}, {RS_SECTION_OTHER, 19, 1},
           {RS_SECTION_OTHER, 22, 1});
    rs_section *s = NULL;
    size_t n = 0;
    rs_error err = {0};
    assert_int_equal(rs__sections_find(x.doc, R, &s, &n, &err), RS_OK);
    static const rs_section_kind inside[] = {
        RS_SECTION_EXPERIENCE,  RS__SECTION_ACTIVITIES, RS__SECTION_ACTIVITIES,
        RS__SECTION_ACTIVITIES, RS_SECTION_PROJECTS,    RS_SECTION_EDUCATION,
        RS__SECTION_ACTIVITIES, RS__SECTION_ACTIVITIES};
    assert_int_equal(n, sizeof inside / sizeof inside[0]);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(s[i].first_line, x.s[i].first_line);
        if (s[i].kind != inside[i])
            fail_msg("section %zu at line %u: kind %d, want %d", i, s[i].first_line,
                     (int)s[i].kind, (int)inside[i]);
    }
    rs_free(s);
    split_free(&x);

    /* experience under other names ends the education above it */
    x = split_text("Education\nFoo Institute\n\nResearch Experience\nFoo Labs\n\n"
                   "Internships\nAcme\n\nTeaching Experience\nFoo Institute\n", R);
    EXPECT(&x, {RS_SECTION_EDUCATION, 1, 1}, {RS_SECTION_EXPERIENCE, 4, 1},
           {RS_SECTION_EXPERIENCE, 7, 1}, {RS_SECTION_EXPERIENCE, 10, 1});
    split_free(&x);

    /* in a job's entry, "Certifications:", "Qualifications:" and
     * "Coursework:" labels are the entry's own; styled after a blank line
     * they open their section */
    x = split_text("EXPERIENCE\nForeman, Acme\nCertifications: crane, forklift\n"
                   "Qualifications: PMP\nCoursework: compilers\n\n"
                   "CERTIFICATIONS: CKA, CKAD\n", R);
    EXPECT(&x, {RS_SECTION_EXPERIENCE, 1, 1}, {RS_SECTION_CERTIFICATIONS, 7, 1});
    split_free(&x);

    /* a heading that is only a list line or a sentence is still none */
    x = split_text("EXPERIENCE\nBackend Engineer, Acme\n- Volunteering\n"
                   "Clubs and societies are a big part of campus life.\n", R);
    EXPECT(&x, {RS_SECTION_EXPERIENCE, 1, 1});
    split_free(&x);
}

/* Words that also fill lists and table cells ("Writing", "Training",
 * "Tools", "Team") head a section only when styled or alone between blank
 * lines. */
static void test_weak_words(void **state)
{
    (void)state;
    split x = split_text("SKILLS\n"
                         "Python\n"
                         "Writing\n"
                         "Training\n"
                         "Community\n"
                         "\n"
                         "Talks\n"          /* 7: alone */
                         "\n"
                         "GopherCon 2024\n",
                         R);
    EXPECT(&x, {RS_SECTION_SKILLS, 1, 1}, {RS_SECTION_OTHER, 7, 1});
    split_free(&x);

    x = split_text("REQUIREMENTS\n"
                   "Go\n"
                   "Tools\n"                /* a list line */
                   "Jira\n"
                   "Team\n"
                   "Platform\n"
                   "TOOLS\n"                /* 7: styled */
                   "Jira\n",
                   P);
    EXPECT(&x, {RS_SECTION_REQUIREMENTS, 1, 1}, {RS_SECTION_OTHER, 7, 1});
    split_free(&x);
}

/* ---- postings ----------------------------------------------------------- */

static void test_posting(void **state)
{
    (void)state;
    split x = split_text("\n"
                         "Senior Backend Engineer (Go)\n"                   /* 2 */
                         "\n"
                         "Acme — Berlin / Remote\n"                         /* 4 */
                         "Salary: 80k\n"
                         "\n"
                         "What you'll do\n"                                 /* 7 */
                         "- Build Go services.\n"
                         "\n"
                         "Requirements\n"                                   /* 10 */
                         "- 5+ years of Go.\n"
                         "Nice to have:\n"                                  /* 12 */
                         "- Kafka.\n"
                         "\n"
                         "Benefits\n"                                       /* 15 */
                         "- 30 days off.\n"
                         "\n"
                         "About us\n"                                       /* 18 */
                         "We move freight.\n"
                         "\n"
                         "Equal opportunity\n"                              /* 21 */
                         "We welcome everyone.\n",
                         P);
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0}, {RS_SECTION_OTHER, 4, 0},
           {RS_SECTION_RESPONSIBILITIES, 7, 1}, {RS_SECTION_REQUIREMENTS, 10, 1},
           {RS_SECTION_PREFERRED, 12, 1}, {RS_SECTION_BENEFITS, 15, 1},
           {RS_SECTION_BOILERPLATE, 18, 1}, {RS_SECTION_BOILERPLATE, 21, 1});
    assert_int_equal(x.s[0].last_line, 3);   /* blank lines around the title */
    split_free(&x);
}

/* Headings as postings write them: curly apostrophes, capitals, Markdown,
 * wiki style, alternatives, emoji, prefixes, inline. */
static void test_posting_variants(void **state)
{
    (void)state;
    split x = split_text("WHAT YOU\xE2\x80\x99LL DO\n"                     /* 1 */
                         "Ship.\n"
                         "## Requirements / Must have\n"                    /* 3 */
                         "Go.\n"
                         "== Nice-to-haves ==\n"                            /* 5 */
                         "Rust.\n"
                         "**Perks & Benefits**\n"                           /* 7 */
                         "Bikes.\n"
                         "\xF0\x9F\x9A\x80 Your Mission\n"                  /* 9 */
                         "Grow.\n"
                         "Who you are:\n"                                   /* 11 */
                         "Curious.\n"
                         "Key Responsibilities\n"                           /* 13 */
                         "Run.\n"
                         "Qualifications: BSc, 3+ years of Go, gRPC, Kubernetes, PostgreSQL, "
                         "Kafka, Terraform and AWS; fluent English; a taste for boring, "
                         "well-tested code\n"                              /* 15 */
                         "What\xE2\x80\x99s in it for you?\n"               /* 16 */
                         "Equity.\n"
                         "\n"
                         "About Acme\n"                                     /* 19 */
                         "We make anvils.\n"
                         "How to apply\n"                                   /* 21 */
                         "Mail us.\n"
                         "Tools we use\n"                                   /* 23 */
                         "Jira.\n",
                         P);
    EXPECT(&x, {RS_SECTION_RESPONSIBILITIES, 1, 1}, {RS_SECTION_REQUIREMENTS, 3, 1},
           {RS_SECTION_PREFERRED, 5, 1}, {RS_SECTION_BENEFITS, 7, 1},
           {RS_SECTION_RESPONSIBILITIES, 9, 1}, {RS_SECTION_REQUIREMENTS, 11, 1},
           {RS_SECTION_RESPONSIBILITIES, 13, 1}, {RS_SECTION_REQUIREMENTS, 15, 1},
           {RS_SECTION_BENEFITS, 16, 1}, {RS_SECTION_BOILERPLATE, 19, 1},
           {RS_SECTION_BOILERPLATE, 21, 1}, {RS_SECTION_OTHER, 23, 1});
    split_free(&x);
}

static void test_posting_first_line_heading(void **state)
{
    (void)state;
    split x = split_text("About us\n"
                         "We build things.\n"
                         "\n"
                         "Requirements\n"
                         "- Go\n",
                         P);
    EXPECT(&x, {RS_SECTION_BOILERPLATE, 1, 1}, {RS_SECTION_REQUIREMENTS, 4, 1});
    split_free(&x);
}

/* An equal-opportunity paragraph without a heading is boilerplate; the
 * same words inside a paragraph are not split off. */
static void test_posting_eeo_paragraph(void **state)
{
    (void)state;
    split x = split_text("Go Developer\n"
                         "BENEFITS\n"                                            /* 2 */
                         "Pension.\n"
                         "Our equal opportunity policy is generous.\n"           /* no break */
                         "\n"
                         "Acme is an equal opportunity employer. We welcome\n"   /* 6 */
                         "everyone.\n",
                         P);
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0}, {RS_SECTION_BENEFITS, 2, 1},
           {RS_SECTION_BOILERPLATE, 6, 0});
    split_free(&x);
}

/* HTML headings arrive as plain lines between blank lines, table cells as
 * lines of their own: "<h2>Stack</h2>" is a heading, the cells "Tools" and
 * "Team" are not. */
static split split_html(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/html/%s", RS_TEST_DATA, file);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char bytes[1 << 16];
    size_t len = fread(bytes, 1, sizeof bytes, f);
    fclose(f);
    rs_text *t = NULL;
    rs_html_info info;
    rs_error err = {0};
    assert_int_equal(rs_html_read(file, bytes, len, 0, &t, &info, &err), RS_OK);
    rs_html_info_free(&info);
    split x = {NULL, NULL, 0};
    assert_int_equal(rs_document_new(t, &x.doc, &err), RS_OK);
    assert_int_equal(rs_sections_find(x.doc, P, &x.s, &x.n, &err), RS_OK);
    check_cover(&x);
    return x;
}

static void test_html_posting(void **state)
{
    (void)state;
    split x = split_html("posting-plain.html");
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0}, {RS_SECTION_OTHER, 3, 0},
           {RS_SECTION_RESPONSIBILITIES, 5, 1}, {RS_SECTION_OTHER, 10, 1});
    split_free(&x);

    x = split_html("posting-noise.html");   /* "Requirements", then cells "Team" */
    size_t at = 0;
    for (size_t i = 0; i < x.n; i++)
        if (x.s[i].kind == RS_SECTION_REQUIREMENTS)
            at = i + 1;
    assert_true(at > 0);
    const char *s = rs_text_data(rs_document_text(x.doc));
    const char *team = strstr(s + x.s[at - 1].orig_start, "Team\n");
    assert_non_null(team);
    assert_true((size_t)(team - s) < x.s[at - 1].orig_end);
    split_free(&x);
}

/* ---- no headings, empty, CRLF ------------------------------------------- */

static void test_no_headings(void **state)
{
    (void)state;
    split x = split_text("Jane Doe\nI write Go.\nBerlin\n", R);
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0});
    assert_int_equal(x.s[0].last_line, 3);
    split_free(&x);

    x = split_text("Go Developer\nWe need a Go developer.\n\nApply by mail.", P);
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0}, {RS_SECTION_OTHER, 2, 0});
    split_free(&x);

    x = split_text("Go Developer", P);
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0});
    split_free(&x);

    x = split_text("\n\n", P);   /* blank lines only: no title */
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0});
    assert_int_equal(x.s[0].last_line, 2);
    split_free(&x);
}

/* An empty text has no lines and so no section: count 0, RS_OK. */
static void test_empty(void **state)
{
    (void)state;
    split x = split_text("", R);
    assert_int_equal(x.n, 0);
    assert_null(x.s);
    split_free(&x);
    x = split_text("", P);
    assert_int_equal(x.n, 0);
    split_free(&x);
}

static void test_crlf(void **state)
{
    (void)state;
    const char *text = "JANE DOE\r\n\r\nSKILLS\r\nGo\r\n\r\nEducation:\r\nBSc\r\n";
    split x = split_text(text, R);
    EXPECT(&x, {RS_SECTION_OTHER, 1, 0}, {RS_SECTION_SKILLS, 3, 1},
           {RS_SECTION_EDUCATION, 6, 1});
    assert_int_equal(x.s[1].orig_start, 12);
    assert_int_equal(x.s[1].orig_end, 26);
    assert_int_equal(x.s[2].last_line, 7);
    split_free(&x);

    x = split_text("Go Developer\rREQUIREMENTS\rGo\r", P);   /* old Mac line ends */
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0}, {RS_SECTION_REQUIREMENTS, 2, 1});
    split_free(&x);
}

/* A word broken across a line end ("Kuber-\nnetes") is one word in the
 * normalized text; the lines still map back. */
static void test_hyphen_join(void **state)
{
    (void)state;
    split x = split_text("EXPERIENCE\nRan Kuber-\nnetes clusters\nSKILLS\nKuber-\nnetes\n", R);
    EXPECT(&x, {RS_SECTION_EXPERIENCE, 1, 1}, {RS_SECTION_SKILLS, 4, 1});
    assert_int_equal(kind_at(&x, 3), RS_SECTION_EXPERIENCE);
    split_free(&x);
}

/* ---- API ---------------------------------------------------------------- */

static void test_names(void **state)
{
    (void)state;
    static const char *const names[] = {
        "other", "summary", "experience", "skills", "education", "certifications",
        "projects", "title", "responsibilities", "requirements", "preferred", "benefits",
        "boilerplate"};
    for (int k = RS_SECTION_OTHER; k <= RS_SECTION_BOILERPLATE; k++)
        assert_string_equal(rs_section_name((rs_section_kind)k), names[k]);
    assert_string_equal(rs_section_name((rs_section_kind)99), "other");
}

static void test_bad_arguments(void **state)
{
    (void)state;
    rs_document *d = doc_of("SKILLS\nGo\n", 10);
    rs_section *s = (rs_section *)1;
    size_t n = 7;
    rs_error err = {0};
    assert_int_equal(rs_sections_find(NULL, R, &s, &n, &err), RS_ERR_ARG);
    assert_null(s);
    assert_int_equal(n, 0);
    assert_int_equal(rs_sections_find(d, R, NULL, &n, NULL), RS_ERR_ARG);
    assert_int_equal(rs_sections_find(d, R, &s, NULL, NULL), RS_ERR_ARG);
    assert_int_equal(rs_sections_find(d, (rs_doc_kind)5, &s, &n, &err), RS_ERR_ARG);
    assert_int_equal(err.status, RS_ERR_ARG);
    rs_document_free(d);
}

/* ---- bounds ------------------------------------------------------------- */

/* A million short lines, every one a heading: linear, and the section
 * count capped (the rest stays in the last section). */
static void test_million_lines(void **state)
{
    (void)state;
    const char *line[] = {"SKILLS\n", "Education\n", "x\n", "## Awards\n", "- a\n"};
    size_t count = 1000000, cap = count * 11 + 1, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (size_t i = 0; i < count; i++) {
        const char *l = line[i % 5];
        size_t n = strlen(l);
        memcpy(text + len, l, n);
        len += n;
    }
    split x = split_len(text, len, R);
    assert_true(x.n > 1000 && x.n <= 4096);
    assert_int_equal(x.s[x.n - 1].last_line, count);
    split_free(&x);

    memset(text, 'a', len);   /* and one very long line */
    x = split_len(text, len, P);
    EXPECT(&x, {RS_SECTION_TITLE, 1, 0});
    split_free(&x);
    free(text);
}


/* Failing each allocation in turn gives RS_ERR_NOMEM and no output (the
 * sanitizers see any leak); enough sections to grow the array twice. */
static void test_allocation_failures(void **state)
{
    (void)state;
    char text[4096];
    size_t len = 0;
    for (int i = 0; i < 40; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "SKILLS\nGo\nEDUCATION\nBSc\n");
    rs_document *d = doc_of(text, len);
    rs_status st = RS_ERR_NOMEM;
    for (size_t n = 0; st == RS_ERR_NOMEM; n++) {
        assert_true(n < 100);
        S_allocs_left = n;
        rs_set_allocator(failing_malloc, failing_realloc, free);
        rs_section *s = (rs_section *)1;
        size_t count = 9;
        rs_error err = {0};
        st = rs_sections_find(d, R, &s, &count, &err);
        rs_set_allocator(NULL, NULL, NULL);
        if (st == RS_ERR_NOMEM) {
            assert_null(s);
            assert_int_equal(count, 0);
            assert_int_equal(err.status, RS_ERR_NOMEM);
        } else {
            assert_int_equal(st, RS_OK);
            assert_int_equal(count, 80);
            rs_free(s);
        }
    }
    rs_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resume_markdown),
        cmocka_unit_test(test_resume_capitals_and_setext),
        cmocka_unit_test(test_resume_inline),
        cmocka_unit_test(test_resume_entry_labels),
        cmocka_unit_test(test_not_headings),
        cmocka_unit_test(test_resume_samples_shape),
        cmocka_unit_test(test_weak_words),
        cmocka_unit_test(test_activity_headings),
        cmocka_unit_test(test_posting),
        cmocka_unit_test(test_posting_variants),
        cmocka_unit_test(test_posting_first_line_heading),
        cmocka_unit_test(test_posting_eeo_paragraph),
        cmocka_unit_test(test_html_posting),
        cmocka_unit_test(test_no_headings),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_hyphen_join),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_million_lines),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
