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
          "  rolescan help COMMAND     options of a command (or COMMAND --help)\n"
          "  rolescan -V, --version    version\n"
          "\n"
          "exit codes: 0 ok; 1 an input could not be read (the others are still\n"
          "processed); 2 usage error; 3 lexicon missing or invalid; 4 output could\n"
          "not be written; 5 out of memory or internal error\n",
          f);
}

typedef int (*S_command_fn)(int argc, char **argv);

static const struct {
    const char *name;
    S_command_fn run;
} S_commands[] = {
    {"scan", cmd_scan},   {"score", cmd_score},       {"classify", cmd_classify},
    {"report", cmd_report}, {"match", cmd_match},     {"roles", cmd_roles},
    {"title", cmd_title}, {"lexicon", cmd_lexicon},
};
#define S_COMMAND_COUNT (sizeof S_commands / sizeof *S_commands)

static S_command_fn S_find(const char *name)
{
    for (size_t i = 0; i < S_COMMAND_COUNT; i++)
        if (strcmp(S_commands[i].name, name) == 0)
            return S_commands[i].run;
    return NULL;
}

static int S_unknown(const char *name)
{
    const char *names[S_COMMAND_COUNT + 2];
    for (size_t i = 0; i < S_COMMAND_COUNT; i++)
        names[i] = S_commands[i].name;
    names[S_COMMAND_COUNT] = "help";
    names[S_COMMAND_COUNT + 1] = "version";
    const char *near = name[0] != '-' ? cli_closest(name, names, S_COMMAND_COUNT + 2) : NULL;
    if (name[0] == '-')
        fprintf(stderr, "rolescan: unknown option '%s'\n", name);
    else if (near)
        fprintf(stderr, "rolescan: unknown command '%s'; did you mean '%s'?\n", name, near);
    else
        fprintf(stderr, "rolescan: unknown command '%s'\n", name);
    S_usage(stderr);
    return RS_EXIT_USAGE;
}

/* rolescan help [COMMAND]: the command's --help. */
static int S_help(int argc, char **argv)
{
    if (argc < 3) {
        S_usage(stdout);
        return RS_EXIT_OK;
    }
    S_command_fn run = S_find(argv[2]);
    if (!run)
        return S_unknown(argv[2]);
    char *args[] = {argv[2], (char *)"--help", NULL};
    return run(2, args);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        S_usage(stderr);
        return RS_EXIT_USAGE;
    }
    rs_global_init();   /* before classify starts its threads */
    const char *cmd = argv[1];
    S_command_fn run = S_find(cmd);
    if (run)
        return run(argc - 1, argv + 1);
    if (strcmp(cmd, "help") == 0)
        return S_help(argc, argv);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        S_usage(stdout);
        return RS_EXIT_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("rolescan %s\n", rs_version());
        return RS_EXIT_OK;
    }
    return S_unknown(cmd);
}
