/* main.c — `rolescan COMMAND ...`: dispatch to the subcommands. */
#include "cli.h"

#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan COMMAND [options] ...\n"
          "\n"
          "commands:\n"
          "  scan FILE...          skills and tools found, with evidence\n"
          "  score FILE...         closest roles, rung, gaps and next-level advice\n"
          "  classify PATH...      batch-classify postings to a table, CSV or JSON Lines\n"
          "  report FILE           an HTML gap report for a resume\n"
          "  match RESUME POSTING...  how well a resume fits postings, best first\n"
          "  roles                 the ladder and the tracks\n"
          "  title [TITLE...]      track, rung and role of job titles (or stdin lines)\n"
          "  lexicon check [DIR]   validate a lexicon folder and count its skills\n"
          "\n"
          "  rolescan COMMAND --help   options of a command\n"
          "  rolescan --version        version\n"
          "\n"
          "exit codes: 0 ok; 1 an input could not be read (the others are still\n"
          "processed); 2 usage error; 3 lexicon missing or invalid; 4 output could\n"
          "not be written; 5 out of memory or internal error\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        S_usage(stderr);
        return RS_EXIT_USAGE;
    }
    rs_global_init();   /* before classify starts its threads */
    const char *cmd = argv[1];
    if (strcmp(cmd, "scan") == 0)
        return cmd_scan(argc - 1, argv + 1);
    if (strcmp(cmd, "score") == 0)
        return cmd_score(argc - 1, argv + 1);
    if (strcmp(cmd, "match") == 0)
        return cmd_match(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "classify") == 0)
        return cmd_classify(argc - 1, argv + 1);
    if (strcmp(cmd, "title") == 0)
        return cmd_title(argc - 1, argv + 1);
    if (strcmp(cmd, "roles") == 0)
        return cmd_roles(argc - 1, argv + 1);
    if (strcmp(cmd, "lexicon") == 0)
        return cmd_lexicon(argc - 1, argv + 1);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        S_usage(stdout);
        return RS_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("rolescan %s\n", rs_version());
        return RS_EXIT_OK;
    }
    fprintf(stderr, "rolescan: unknown command '%s'\n", cmd);
    S_usage(stderr);
    return RS_EXIT_USAGE;
}
