/* fuzz_lexicon.c — the lexicon loaders. Each input is written as the one
 * *.xml file of a fresh temporary folder and loaded with rs_lexicon_load
 * (libxml2 with the safe options, the RelaxNG schema, the meaning checks,
 * pattern compilation, the term table). Then a small fixed skill lexicon
 * (tests/data/mini/mini.xml, copied below) is put next to it and, when
 * that folder loads as skills (the input parses: it is XML, and either
 * not a skill lexicon, e.g. a roles file, or one that agrees with the
 * fixed one), rs_roles_load reads the input as a roles lexicon against
 * those skills. The temporary files are removed after every input. */
#include "fuzz.h"

#include <errno.h>
#include <unistd.h>

/* tests/data/mini/mini.xml: the skills a roles file under test refers to. */
static const char S_fixed_skills[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- A small lexicon for unit tests: each entry exercises one matcher rule. -->\n"
    "<lexicon xmlns=\"urn:rolescan:lexicon:1\" name=\"mini\" version=\"1.0.0\">\n"
    "  <skill id=\"java\" name=\"Java\" category=\"language\"><alias>Java</alias></skill>\n"
    "  <skill id=\"javascript\" name=\"JavaScript\" category=\"language\">\n"
    "    <alias>JavaScript</alias><alias>JS</alias>\n"
    "  </skill>\n"
    "  <skill id=\"cpp\" name=\"C++\" category=\"language\"><alias>C++</alias></skill>\n"
    "  <skill id=\"csharp\" name=\"C#\" category=\"language\"><alias>C#</alias></skill>\n"
    "  <skill id=\"c\" name=\"C\" category=\"language\"><alias context=\"tech\" case=\"exact\">C</alias></skill>\n"
    "  <skill id=\"go\" name=\"Go\" category=\"language\">\n"
    "    <alias>Golang</alias>\n"
    "    <alias context=\"tech\" case=\"exact\">Go</alias>\n"
    "  </skill>\n"
    "  <skill id=\"r\" name=\"R\" category=\"language\"><alias context=\"tech\" case=\"exact\">R</alias></skill>\n"
    "  <skill id=\"python\" name=\"Python\" category=\"language\"><alias>Python</alias></skill>\n"
    "  <skill id=\"dotnet\" name=\".NET\" category=\"framework\"><alias>.NET</alias><alias>dotnet</alias></skill>\n"
    "  <skill id=\"nodejs\" name=\"Node.js\" category=\"framework\">\n"
    "    <alias>Node.js</alias><alias>NodeJS</alias>\n"
    "  </skill>\n"
    "  <skill id=\"aws\" name=\"AWS\" category=\"cloud\"><alias>AWS</alias></skill>\n"
    "  <skill id=\"kubernetes\" name=\"Kubernetes\" category=\"infrastructure\">\n"
    "    <alias>Kubernetes</alias><alias>k8s</alias>\n"
    "  </skill>\n"
    "  <skill id=\"aws-eks\" name=\"Amazon EKS\" category=\"cloud\">\n"
    "    <alias>EKS</alias><alias>Amazon EKS</alias>\n"
    "    <implies ref=\"aws\"/><implies ref=\"kubernetes\"/>\n"
    "  </skill>\n"
    "  <skill id=\"ci-cd\" name=\"CI/CD\" category=\"ci_cd\"><alias>CI/CD</alias></skill>\n"
    "  <skill id=\"ab-testing\" name=\"A/B testing\" category=\"practice\"><alias>A/B testing</alias></skill>\n"
    "  <skill id=\"iso-27001\" name=\"ISO 27001\" category=\"security\">\n"
    "    <pattern trigger=\"iso\">iso\\s?27001(?::20\\d\\d)?</pattern>\n"
    "  </skill>\n"
    "  <skill id=\"mentoring\" name=\"Mentoring\" category=\"leadership\"><alias>mentoring</alias></skill>\n"
    "  <skill id=\"resume-writing\" name=\"Résumé writing\" category=\"soft_skill\"><alias>résumé writing</alias></skill>\n"
    "  <stop>R&amp;D</stop>\n"
    "  <stop>go-to</stop>\n"
    "  <cue>programming languages</cue>\n"
    "</lexicon>\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_global_init();
    rs_fuzz_trap_libxml_output();
    return 0;
}

static int S_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = size ? fwrite(data, 1, size, f) : 0;
    return (fclose(f) == 0 && n == size) ? 0 : -1;
}

/* Reads what a loaded skill lexicon offers, as the CLI's `lexicon` does. */
static void S_walk_lexicon(const rs_lexicon *lex)
{
    (void)rs_lexicon_version(lex);
    (void)rs_lexicon_hash(lex);
    (void)rs_lexicon_get_stats(lex);
    for (size_t i = 0; i < rs_lexicon_skill_count(lex); i++) {
        rs_skill_info s = rs_lexicon_skill(lex, i);
        if (rs_lexicon_find(lex, s.id) != i) {
            fprintf(stderr, "fuzz_lexicon: skill '%s' not found by its id\n", s.id);
            abort();
        }
        (void)rs_category_label(s.category);
        for (size_t k = 0; k < s.alias_count; k++)
            (void)rs_lexicon_alias(lex, i, k);
        for (size_t k = 0; k < s.implies_count; k++)
            (void)rs_lexicon_implied(lex, i, k);
    }
}

static void S_walk_roles(const rs_roles *roles)
{
    (void)rs_roles_version(roles);
    for (size_t i = 0; i < rs_roles_track_count(roles); i++)
        (void)rs_roles_track(roles, i);
    for (size_t r = 0; r < rs_roles_count(roles); r++) {
        rs_role_info info = rs_roles_role(roles, r);
        if (rs_roles_find(roles, info.id) != r) {
            fprintf(stderr, "fuzz_lexicon: role '%s' not found by its id\n", info.id);
            abort();
        }
        for (size_t i = 0; i < info.title_count; i++) {
            const char *t = rs_roles_title(roles, r, i);
            rs_title_match m;
            (void)rs_roles_parse_title(roles, t, &m);
        }
        for (size_t i = 0; i < info.responsibility_count; i++)
            (void)rs_roles_responsibility(roles, r, i);
        for (size_t i = 0; i < info.skill_count; i++)
            (void)rs_roles_skill(roles, r, i);
        for (size_t i = 0; i < info.advice_count; i++)
            (void)rs_roles_advice(roles, r, i);
        for (size_t i = 0; i < info.lateral_count; i++)
            (void)rs_roles_lateral(roles, r, i);
        (void)rs_roles_next(roles, r);
    }
    rs_title_match m;
    (void)rs_roles_parse_title(roles, "Sr. Staff Backend Engineer II", &m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    char dir[512], input[600], fixed[600];
    snprintf(dir, sizeof dir, "%s/rs-fuzz-lexicon-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "fuzz_lexicon: mkdtemp %s: %s\n", dir, strerror(errno));
        abort();
    }
    /* "a-" sorts before "skills-", so errors name the input first. */
    snprintf(input, sizeof input, "%s/a-input.xml", dir);
    snprintf(fixed, sizeof fixed, "%s/skills-fixed.xml", dir);

    rs_error err = {0};
    rs_lexicon *lex = NULL;
    if (S_write(input, data, size) != 0) {
        fprintf(stderr, "fuzz_lexicon: cannot write %s\n", input);
        abort();
    }
    /* 1. the input alone, as a skill lexicon */
    if (rs_lexicon_load(dir, &lex, &err) == RS_OK)
        S_walk_lexicon(lex);
    rs_lexicon_free(lex);
    lex = NULL;

    /* 2. the input as roles, with the fixed skills next to it */
    if (S_write(fixed, S_fixed_skills, sizeof S_fixed_skills - 1) != 0) {
        fprintf(stderr, "fuzz_lexicon: cannot write %s\n", fixed);
        abort();
    }
    if (rs_lexicon_load(dir, &lex, &err) == RS_OK) {
        rs_roles *roles = NULL;
        if (rs_roles_load(dir, lex, &roles, &err) == RS_OK)
            S_walk_roles(roles);
        rs_roles_free(roles);
    }
    rs_lexicon_free(lex);

    unlink(input);
    unlink(fixed);
    rmdir(dir);
    rs_fuzz_check_quiet("fuzz_lexicon");
    return 0;
}
