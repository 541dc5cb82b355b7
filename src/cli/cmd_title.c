/* cmd_title.c — `rolescan title [TITLE...]`: reads job titles (arguments,
 * or one per line on stdin) and prints the track, rung and role of each as
 * tab-separated values, for batch use and the accuracy script. */
#define _POSIX_C_SOURCE 200809L   /* getline */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void S_usage(FILE *f)
{
    fputs("usage: rolescan title [--lexicons DIR] [TITLE...]\n"
          "\n"
          "Reads job titles (the arguments, or one per line on standard input)\n"
          "and prints one line per title: the title, track, rung, role id and\n"
          "whether it is a title the roles lexicon lists exactly, separated by\n"
          "tabs; '-' fields when the title is not an engineering title; track\n"
          "'unclear' and role '-' when it is one but no word names its track\n"
          "(\"Senior Engineer\"). A title starting with '-' goes after --.\n"
          "\n"
          "options:\n" CLI_COMMON_HELP
          "\n"
          "exit: 0 ok, 2 usage, 3 lexicon, 4 output, 5 internal\n",
          f);
}

static void S_one(const rs_roles *roles, const char *title)
{
    rs_title_match m;
    int rc = rs_roles_parse_title(roles, title, &m);
    for (const char *p = title; *p; p++)   /* titles are data: keep TSV intact */
        putchar(*p == '\t' ? ' ' : *p);
    if (rc == 1 && m.track_unclear) {   /* engineering, but no word names the track */
        printf("\tunclear\t%d\t-\tread\n", m.rung);
    } else if (rc == 1) {
        rs_role_info info = rs_roles_role(roles, m.role);
        printf("\t%s\t%d\t%s\t%s\n", info.track, m.rung, info.id, m.exact ? "exact" : "read");
    } else {
        printf("\t-\t-\t-\t-\n");
    }
}

static int S_stdin(const rs_roles *roles)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        S_one(roles, line);
    }
    free(line);
    return ferror(stdin) ? RS_EXIT_INPUT : RS_EXIT_OK;
}

/* The titles given as arguments, or none: read stdin. */
typedef struct S_titles {
    int count;
    const char **items;
} S_titles;

static int S_run(const rs_roles *roles, const rs_lexicon *lex, void *opts)
{
    (void)lex;
    const S_titles *t = opts;
    int rc = RS_EXIT_OK;
    if (t->count > 0)
        for (int i = 0; i < t->count; i++)
            S_one(roles, t->items[i]);
    else
        rc = S_stdin(roles);
    if (fflush(stdout) != 0)
        rc = RS_EXIT_OUTPUT;
    return rc;
}

int cmd_title(int argc, char **argv)
{
    static const cli_command cmd = {"title", S_usage, NULL, NULL, NULL, true};
    cli_common c;
    cli_common_init(&c);
    const char **operands = malloc((size_t)argc * sizeof *operands);
    if (!operands)
        return cli_nomem();
    size_t n = 0;
    int rc = cli_parse(&cmd, &c, argc, argv, NULL, operands, &n);
    if (rc < 0) {
        S_titles t = {(int)n, operands};
        rc = cli_with_roles(&c, S_run, &t);
    }
    free(operands);
    return rc;
}
