/* cmd_roles.c — `rolescan roles`: the ladder and the tracks, with each
 * role's rung, titles and salary band. */
#include "cli.h"

#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan roles [--titles] [--lexicons DIR]\n"
          "\n"
          "Lists the tracks and their roles by rung (1 = junior ... 8 = CTO);\n"
          "--titles adds every title variant each role is known by.\n",
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

int cmd_roles(int argc, char **argv)
{
    cli_common c;
    cli_common_init(&c);
    bool titles = false;
    for (int i = 1; i < argc; i++) {
        int taken = cli_common_option(&c, argc, argv, &i);
        if (taken < 0)
            return RS_EXIT_USAGE;
        if (taken)
            continue;
        if (strcmp(argv[i], "--titles") == 0) {
            titles = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            S_usage(stdout);
            return RS_EXIT_OK;
        } else {
            fprintf(stderr, "rolescan roles: unknown argument '%s'\n", argv[i]);
            S_usage(stderr);
            return RS_EXIT_USAGE;
        }
    }
    return cli_with_roles(&c, S_run, &titles);
}
