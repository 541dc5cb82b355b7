/* cmd_lexicon.c — `rolescan lexicon check [DIR]`: validates a lexicon
 * folder and prints what it holds. */
#include "cli.h"

#include <stdlib.h>

#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan lexicon check [DIR]\n"
          "\n"
          "Validates every lexicon file in DIR (default: the lexicon folder\n"
          "rolescan uses) against its schema and for meaning (unique ids and\n"
          "aliases, known implications, compilable patterns; roles naming known\n"
          "skills, tracks and roles), then prints the counts per category.\n"
          "\n"
          "options:\n"
          "  -h, --help           this help;  -V, --version: the version\n"
          "\n"
          "exit: 0 valid, 2 usage, 3 invalid (file:line: error on stderr), 5 internal\n",
          f);
}

static void S_print(const rs_lexicon *lex, const char *dir)
{
    rs_lexicon_stats st = rs_lexicon_get_stats(lex);
    printf("lexicon %s: valid\n", dir);
    printf("  version   %s\n  hash      %s\n", rs_lexicon_version(lex), rs_lexicon_hash(lex));
    printf("  files     %zu\n  skills    %zu\n  aliases   %zu\n  patterns  %zu\n"
           "  stops     %zu\n  cues      %zu\n",
           st.files, st.skills, st.aliases, st.patterns, st.stops, st.cues);
    printf("\nskills per category\n");
    size_t n = rs_lexicon_skill_count(lex);
    for (const char *const *cat = rs_categories(); *cat; cat++) {
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
            count += strcmp(rs_lexicon_skill(lex, i).category, *cat) == 0;
        if (count)
            printf("  %-20s %5zu\n", rs_category_label(*cat), count);
    }
}

/* The roles lexicon, when the folder has one, is checked too. */
static int S_check_roles(const char *dir, const rs_lexicon *lex)
{
    rs_roles *roles = NULL;
    rs_error err = {0};
    rs_status st = rs_roles_load(dir, lex, &roles, &err);
    if (st == RS_ERR_LEXICON && !err.line && strstr(err.message, "no roles lexicon")) {
        printf("\nroles: none in this folder (score needs a roles lexicon)\n");
        return RS_EXIT_OK;
    }
    if (st) {
        cli_report_error(&err);
        return st == RS_ERR_NOMEM ? RS_EXIT_INTERNAL : RS_EXIT_LEXICON;
    }
    size_t titles = 0, skills = 0;
    for (size_t i = 0; i < rs_roles_count(roles); i++) {
        rs_role_info info = rs_roles_role(roles, i);
        titles += info.title_count;
        skills += info.skill_count;
    }
    printf("\nroles %s: valid\n  tracks    %zu\n  roles     %zu\n  titles    %zu\n"
           "  skill references %zu\n",
           rs_roles_version(roles), rs_roles_track_count(roles), rs_roles_count(roles),
           titles, skills);
    rs_roles_free(roles);
    return RS_EXIT_OK;
}

int cmd_lexicon(int argc, char **argv)
{
    static const cli_command cmd = {"lexicon check", S_usage, NULL, NULL, NULL, false};
    if (argc >= 2 && strcmp(argv[1], "check") != 0 && argv[1][0] != '-') {
        const char *sub[] = {"check"};
        const char *near = cli_closest(argv[1], sub, 1);
        fprintf(stderr, "rolescan lexicon: unknown command '%s'%s%s%s\n", argv[1],
                near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
        return S_usage(stderr), RS_EXIT_USAGE;
    }
    bool check = argc >= 2 && strcmp(argv[1], "check") == 0;
    cli_common c;
    cli_common_init(&c);
    const char **operands = malloc((size_t)argc * sizeof *operands);
    if (!operands)
        return cli_nomem();
    size_t n = 0;
    int rc = cli_parse(&cmd, &c, argc - check, argv + check, NULL, operands, &n);
    if (rc < 0 && (!check || n > 1)) {
        fprintf(stderr, "rolescan lexicon: %s\n", !check ? "needs a command: check"
                                                          : "check takes one folder at most");
        S_usage(stderr);
        rc = RS_EXIT_USAGE;
    }
    if (rc >= 0) {
        free(operands);
        return rc;
    }
    if (n == 1)
        c.lexicons = operands[0];   /* argv's: outlives operands */
    free(operands);
    c.no_cache = true;   /* a check reads and validates every file */
    rs_lexicon *lex = NULL;
    rc = cli_load_lexicon(&c, &lex);
    if (rc)
        return rc;
    S_print(lex, cli_find_lexicons(&c));
    rc = S_check_roles(cli_find_lexicons(&c), lex);
    rs_lexicon_free(lex);
    return rc;
}
