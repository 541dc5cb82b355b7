/* cmd_roles.c — `rolescan roles`: the ladder and the tracks, with each
 * role's rung, titles and salary band. */
#include "cli.h"

#include <stdlib.h>

#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan roles [--titles] [--lexicons DIR]\n"
          "\n"
          "Lists the tracks and their roles by rung (1 = junior ... 8 = CTO);\n"
          "--titles adds every title variant each role is known by.\n"
          "\n"
          "options:\n"
          "  --titles             every title variant of each role\n" CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 2 usage, 3 lexicon, 4 output, 5 internal\n",
          f);
}

static void S_print(const rs_roles *roles, bool titles)
{
    printf("ladder: rungs 1 (junior) to 8 (CTO); roles %s\n", rs_roles_version(roles));
    for (size_t t = 0; t < rs_roles_track_count(roles); t++) {
        rs_track_info track = rs_roles_track(roles, t);
        printf("\n%s (%s)\n", track.name, track.id);
        for (int rung = 1; rung <= 8; rung++) {
            for (size_t r = 0; r < rs_roles_count(roles); r++) {
                rs_role_info info = rs_roles_role(roles, r);
                if (info.rung != rung || strcmp(info.track, track.id) != 0)
                    continue;
                printf("  %d  %-40s %s", rung, info.title, info.id);
                if (info.salary_currency)
                    printf("  %ld-%ld %s", info.salary_min, info.salary_max, info.salary_currency);
                putchar('\n');
                for (size_t k = 0; titles && k < info.title_count; k++)
                    printf("       %s\n", rs_roles_title(roles, r, k));
            }
        }
    }
}

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    (void)lex;
    S_print(roles, *(const bool *)opts);
    return fflush(stdout) == 0 ? RS_EXIT_OK : RS_EXIT_OUTPUT;
}

static int S_option(void *opts, const char *name, const char *v)
{
    (void)name;
    (void)v;
    *(bool *)opts = true;   /* --titles, its only option */
    return 0;
}

int cmd_roles(int argc, char **argv)
{
    static const cli_opt own[] = {{"titles", 0, false}, {NULL, 0, false}};
    static const cli_command cmd = {"roles", S_usage, own, S_option, NULL, true};
    cli_common c;
    cli_common_init(&c);
    bool titles = false;
    const char **operands = malloc((size_t)argc * sizeof *operands);
    if (!operands)
        return cli_nomem();
    size_t n = 0;
    int rc = cli_parse(&cmd, &c, argc, argv, &titles, operands, &n);
    if (rc < 0 && n) {
        fprintf(stderr, "rolescan roles: unexpected argument '%s'\n", operands[0]);
        S_usage(stderr);
        rc = RS_EXIT_USAGE;
    }
    free(operands);
    return rc >= 0 ? rc : cli_with_roles(&c, S_run, &titles);
}
