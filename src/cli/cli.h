/* cli.h — the rolescan command line: shared options and helpers. The CLI
 * owns stdio and exit codes; the library does neither. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include "rolescan.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes, documented in --help and the README. */
enum {
    RS_EXIT_OK = 0,
    RS_EXIT_INPUT = 1,     /* at least one input could not be read */
    RS_EXIT_USAGE = 2,     /* bad command line */
    RS_EXIT_LEXICON = 3,   /* lexicon missing or invalid */
    RS_EXIT_OUTPUT = 4,    /* output could not be written */
    RS_EXIT_INTERNAL = 5   /* out of memory or internal error */
};

typedef struct cli_common {
    const char *lexicons;   /* --lexicons DIR, or NULL to search */
    const char *output;     /* -o FILE, or NULL for stdout */
    size_t max_size;
    rs_format format;       /* --input-format; RS_FORMAT_AUTO sniffs */
    bool quiet;
    int color;              /* -1 auto, 0 never, 1 always */
    const char *cache_dir;  /* --cache-dir DIR, or NULL for the default */
    bool no_cache;          /* --no-cache */
    char cache_buf[4096];   /* the default cache folder, once found */
} cli_common;

/* One option of a command: its long name (without "--"), its letter or 0,
 * and whether it takes a value. */
typedef struct cli_opt {
    const char *name;
    char letter;
    bool value;
} cli_opt;

/* What a command adds to the parsing every command shares (getopt_long,
 * options and operands in any order, "--" ending the options). */
typedef struct cli_command {
    const char *name;            /* "score" */
    void (*usage)(FILE *f);
    const cli_opt *opts;         /* its own options, ended by {NULL}; NULL: none */
    /* Takes its option `name` with its value (NULL for one that takes
     * none): 0, or -1 for a usage error (reported). */
    int (*option)(void *opts, const char *name, const char *value);
    /* Said (with the usage) when no operand was given: "no input files";
     * NULL when none need be (classify --stream). */
    const char *missing;
    bool common;                 /* takes the shared options (CLI_COMMON_HELP) */
} cli_command;

/* Parses argv[1..]: -h/--help (the usage on stdout, exit 0), -V/--version,
 * the shared options, the command's own, and the operands, in order, into
 * operands (room for argc) and *count. An unknown option is refused with
 * the closest known one suggested. -1 to go on, else the exit code. */
int cli_parse(const cli_command *cmd, cli_common *c, int argc, char **argv, void *opts,
              const char **operands, size_t *count);
/* --as-of's value into *out: 0, or -1 (reported for cmd). */
int cli_as_of(const char *cmd, const char *value, rs_date *out);
void cli_common_init(cli_common *c);
/* The candidate closest to word (a typo's distance, or word a prefix of it
 * alone), or NULL: for "did you mean". */
const char *cli_closest(const char *word, const char *const *candidates, size_t n);

/* The lexicon folder to use: --lexicons, $ROLESCAN_LEXICONS, the installed
 * folder next to the executable, a build tree's link to the source
 * lexicons (beside the program), then the configured install folder. NULL
 * if none exists. */
const char *cli_find_lexicons(const cli_common *c);
/* Loads the lexicon, reporting failure; returns the exit code. */
int cli_load_lexicon(const cli_common *c, rs_lexicon **lex);

/* An output file named by -o or --report (outfile.c): a regular file or a
 * new name is replaced atomically (a temporary file beside it, removed on
 * every error and on SIGINT, SIGTERM and SIGHUP); a device, FIFO or socket
 * is written in place; a symbolic link is followed (the file it names is
 * replaced); a folder is refused. */
typedef struct cli_outfile {
    const char *name;   /* as given, for messages */
    char *target;       /* the file written: name with links followed */
    char *tmp;          /* the temporary file; NULL when written in place */
    FILE *f;            /* where to write */
    int slot;           /* its place among the files a signal removes */
} cli_outfile;
/* Opens o for name: RS_EXIT_OK, RS_EXIT_OUTPUT (reported) or
 * RS_EXIT_INTERNAL (out of memory, not reported). */
int cli_outfile_open(cli_outfile *o, const char *name);
/* Flushes, syncs and closes; false (errno set) when that failed. */
bool cli_outfile_seal(cli_outfile *o);
/* Renames the sealed temporary file over the target (nothing for one
 * written in place) and frees o; false (errno set) when the rename failed,
 * the temporary file then removed. */
bool cli_outfile_commit(cli_outfile *o);
/* Drops the output: the temporary file removed, the target untouched. */
void cli_outfile_discard(cli_outfile *o);

/* An input's warnings on stderr (unless -q), its name shown safely: the
 * text's (a decoding repair, HTML nested too deep) and the scan's (hidden
 * text, text not read past the budget, patterns stopped). */
void cli_print_warnings(const cli_common *c, const char *name, const char *text_warning,
                        const rs_scan *scan);

/* Writes data to -o FILE atomically (cli_outfile) or to stdout. */
int cli_write_output(const cli_common *c, const char *data, size_t len);

/* The options cli_common_option takes, as every reading command's --help
 * lists them. */
#define CLI_COMMON_HELP                                                               \
    "  -o, --output FILE    write to FILE (atomically) instead of stdout\n"           \
    "  --lexicons DIR       lexicon folder (default: found automatically)\n"          \
    "  --max-size SIZE      refuse inputs larger than SIZE (default 16M)\n"           \
    "  --input-format FMT   auto (default: sniffed from the content), text,\n"        \
    "                       html, docx, odt or pdf\n"                                 \
    "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"           \
    "  --cache-dir DIR      keep compiled lexicons in DIR (default:\n"                \
    "                       $ROLESCAN_CACHE_DIR, else $XDG_CACHE_HOME/rolescan,\n"    \
    "                       else ~/.cache/rolescan)\n"                                \
    "  --no-cache           compile the lexicons from their XML on every run\n"       \
    "  -q, --quiet          no warnings on stderr\n"                                 \
    "  -h, --help           this help;  -V, --version: the version\n"                \
    "  --                   ends the options: what follows are operands\n"
/* Renders a report the command just built (built is the builder's status,
 * err its message) in a format, writes it as cli_write_output does and
 * frees the report: the exit code. */
int cli_emit_report(const cli_common *c, rs_status built, rs_report *report, const rs_error *err,
                    rs_output format, unsigned flags);

/* The flags of a text report on stdout: colour (cli_use_color), and, when
 * stdout and stderr are both terminals, no repeat of what stderr said. */
unsigned cli_text_flags(const cli_common *c);
bool cli_use_color(const cli_common *c);
void cli_report_error(const rs_error *err);
int cli_exit_for(rs_status st);

/* One input read (as cli_read_text does, its warnings on stderr unless
 * quiet) and run through the library (rs_run_text) with opts and, when
 * roles is not NULL, analysed: a posting (opts->kind RS_DOC_POSTING) with
 * its requirements read once. On failure result is NULL and err says why. */
typedef struct cli_input {
    rs_result *result;
    rs_error err;
} cli_input;
rs_status cli_run_input(const rs_lexicon *lex, const rs_roles *roles, const char *path,
                        const cli_common *c, const rs_run_options *opts, cli_input *in);
void cli_input_clear(cli_input *in);

/* Loads the roles lexicon from the same folder as the skills. */
int cli_load_roles(const cli_common *c, const rs_lexicon *lex, rs_roles **roles);

/* The skeleton of every command that reads with the lexicons and roles:
 * loads both (a failure is reported, with its exit code), runs `run` with
 * them and the command's own options, frees them; run's exit code. */
typedef int (*cli_run_fn)(const rs_roles *roles, const rs_lexicon *lex, void *opts);
int cli_with_roles(const cli_common *c, cli_run_fn run, void *opts);
/* Says "out of memory" once and gives its exit code. */
int cli_nomem(void);

/* The inputs of a batch command (gather.c): each path as given, folders
 * walked recursively in name order for files matching `globs` (NULL-
 * ended), links not followed. */
typedef struct cli_list {
    char **items;
    size_t count, cap;
} cli_list;
extern const char *const cli_default_globs[];   /* text, HTML, JSON Lines, PDF, DOCX, ODT */
bool cli_list_add(cli_list *l, const char *s);
bool cli_gather(const char *const *paths, size_t count, const char *const *globs,
                cli_list *out);
void cli_list_free(cli_list *l);
/* A file's text in any supported format (sniffed unless --input-format
 * says), within --max-size. */
rs_status cli_read_text(const char *path, const cli_common *c, rs_text **out, rs_error *err);

/* A JSON Lines posting record: its id (a string, or an integer's digits)
 * and the title, text and html fields, each NULL when absent or not a
 * string. All owned by the record (record.c). */
typedef struct cli_record {
    char *id;
    char *field[3];   /* CLI_FIELD_TITLE, _TEXT, _HTML */
    size_t len[3];
} cli_record;
enum { CLI_FIELD_TITLE = 0, CLI_FIELD_TEXT = 1, CLI_FIELD_HTML = 2 };
/* Parses one record of `len` bytes. RS_OK; RS_ERR_ENCODING with the reason
 * in msg (a blank line, bad JSON, not an object, a key twice, U+0000);
 * RS_ERR_NOMEM. On failure the record is left empty. */
rs_status cli_record_parse(const char *line, size_t len, cli_record *rec, char *msg,
                           size_t msg_size);
void cli_record_clear(cli_record *rec);
/* "fnv1a64:" and 16 hex digits of the record line's bytes: the id of a
 * streamed record without one, the same wherever a cluster splits the
 * stream (a line number is not). */
void cli_content_id(const char *line, size_t len, char *out, size_t size);

int cmd_scan(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_roles(int argc, char **argv);
int cmd_title(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);

#endif
