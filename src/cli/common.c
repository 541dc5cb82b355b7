/* common.c — options, lexicon discovery, error reports and atomic output
 * shared by the subcommands. */
#define _XOPEN_SOURCE 700
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RS_INSTALL_LEXICONS
#define RS_INSTALL_LEXICONS "/usr/local/share/rolescan/lexicons"
#endif
#ifndef RS_SOURCE_LEXICONS
#define RS_SOURCE_LEXICONS "lexicons"
#endif

void cli_common_init(cli_common *c)
{
    memset(c, 0, sizeof *c);
    c->max_size = RS_DEFAULT_MAX_INPUT;
    c->color = -1;
}

static bool S_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return false;
    unsigned long long mult = 1;
    if (*end == 'k' || *end == 'K')
        mult = 1024ull, end++;
    else if (*end == 'm' || *end == 'M')
        mult = 1024ull * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mult = 1024ull * 1024 * 1024, end++;
    if (*end || v == 0 || v > SIZE_MAX / mult)
        return false;
    *out = (size_t)(v * mult);
    return true;
}

static const char *S_value(int argc, char **argv, int *i, const char *opt)
{
    const char *a = argv[*i];
    size_t n = strlen(opt);
    if (strncmp(a, opt, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (*i + 1 >= argc) {
        fprintf(stderr, "rolescan: %s needs a value\n", opt);
        return NULL;
    }
    return argv[++*i];
}

static bool S_is(const char *arg, const char *opt)
{
    size_t n = strlen(opt);
    return strncmp(arg, opt, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

int cli_parse(const cli_command *cmd, cli_common *c, int argc, char **argv, void *opts,
              const char **operands, size_t *count)
{
    *count = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_common_option(c, argc, argv, &i);
        if (!taken && cmd->option)
            taken = cmd->option(opts, argc, argv, &i);
        if (taken < 0)
            return RS_EXIT_USAGE;
        if (taken)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            return cmd->usage(stdout), RS_EXIT_OK;
        if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "rolescan %s: unknown option '%s'\n", cmd->name, a);
            return cmd->usage(stderr), RS_EXIT_USAGE;
        }
        operands[(*count)++] = a;
    }
    if (!*count && cmd->missing) {
        fprintf(stderr, "rolescan %s: %s\n", cmd->name, cmd->missing);
        return cmd->usage(stderr), RS_EXIT_USAGE;
    }
    return -1;
}

int cli_as_of_option(const char *cmd, int argc, char **argv, int *i, rs_date *out)
{
    const char *v = NULL;
    int r = cli_option_value(cmd, argc, argv, i, "--as-of", &v);
    if (r > 0 && !rs_date_parse(v, out)) {
        fprintf(stderr, "rolescan %s: --as-of takes a date like 2026-11, 2026-11-22 or "
                        "\"Nov 2026\"\n", cmd);
        return -1;
    }
    return r;
}

int cli_common_option(cli_common *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *v;
    if (S_is(a, "--lexicons")) {
        if (!(v = S_value(argc, argv, i, "--lexicons")))
            return -1;
        c->lexicons = v;
    } else if (strcmp(a, "-o") == 0 || S_is(a, "--output")) {
        if (!(v = S_value(argc, argv, i, a[1] == 'o' ? "-o" : "--output")))
            return -1;
        c->output = v;
    } else if (S_is(a, "--max-size")) {
        if (!(v = S_value(argc, argv, i, "--max-size")))
            return -1;
        if (!S_parse_size(v, &c->max_size)) {
            fprintf(stderr, "rolescan: --max-size: '%s' is not a size (e.g. 16M)\n", v);
            return -1;
        }
    } else if (S_is(a, "--input-format")) {
        if (!(v = S_value(argc, argv, i, "--input-format")))
            return -1;
        if ((c->format = rs_format_from_name(v)) == RS_FORMAT_AUTO && strcmp(v, "auto") != 0) {
            fprintf(stderr, "rolescan: --input-format takes auto, text, html, docx, odt or "
                            "pdf, not '%s'\n", v);
            return -1;
        }
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
        c->quiet = true;
    } else if (S_is(a, "--cache-dir")) {
        if (!(v = S_value(argc, argv, i, "--cache-dir")))
            return -1;
        c->cache_dir = v;
    } else if (strcmp(a, "--no-cache") == 0) {
        c->no_cache = true;
    } else if (S_is(a, "--color")) {
        if (!(v = S_value(argc, argv, i, "--color")))
            return -1;
        if (strcmp(v, "always") == 0)
            c->color = 1;
        else if (strcmp(v, "never") == 0)
            c->color = 0;
        else if (strcmp(v, "auto") == 0)
            c->color = -1;
        else {
            fprintf(stderr, "rolescan: --color takes auto, always or never\n");
            return -1;
        }
    } else {
        return 0;
    }
    return 1;
}

static bool S_is_dir(const char *path)
{
    struct stat st;
    return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_find_lexicons(const cli_common *c)
{
    if (c->lexicons)
        return c->lexicons;
    const char *env = getenv("ROLESCAN_LEXICONS");
    if (env && *env)
        return env;
    static char beside_exe[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char path[PATH_MAX + 32];
            snprintf(path, sizeof path, "%s/../share/rolescan/lexicons", exe);
            if (S_is_dir(path) && realpath(path, beside_exe))
                return beside_exe;
        }
    }
    if (S_is_dir(RS_INSTALL_LEXICONS))
        return RS_INSTALL_LEXICONS;
    if (S_is_dir(RS_SOURCE_LEXICONS))
        return RS_SOURCE_LEXICONS;
    return NULL;
}

void cli_report_error(const rs_error *err)
{
    char name[sizeof err->file * 4];
    rs_name_shown(err->file, name, sizeof name);
    if (err->file[0] && err->line)
        fprintf(stderr, "rolescan: %s:%u: error: %s\n", name, err->line, err->message);
    else if (err->file[0])
        fprintf(stderr, "rolescan: %s: error: %s\n", name, err->message);
    else
        fprintf(stderr, "rolescan: error: %s\n", err->message);
}

int cli_exit_for(rs_status st)
{
    switch (st) {
    case RS_OK: return RS_EXIT_OK;
    case RS_ERR_LEXICON: case RS_ERR_REGEX: return RS_EXIT_LEXICON;
    case RS_ERR_NOMEM: return RS_EXIT_INTERNAL;
    case RS_ERR_ARG: return RS_EXIT_USAGE;
    default: return RS_EXIT_INPUT;
    }
}

/* The compiled lexicon cache's folder: --cache-dir, $ROLESCAN_CACHE_DIR
 * (empty: none), $XDG_CACHE_HOME/rolescan, ~/.cache/rolescan; NULL for
 * none (--no-cache, or no home to keep it in). */
static const char *S_cache_dir(const cli_common *c)
{
    if (c->no_cache)
        return NULL;
    if (c->cache_dir)
        return *c->cache_dir ? c->cache_dir : NULL;
    const char *env = getenv("ROLESCAN_CACHE_DIR");
    if (env)
        return *env ? env : NULL;
    char *buf = ((cli_common *)c)->cache_buf;
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n = xdg && *xdg == '/' ? snprintf(buf, sizeof c->cache_buf, "%s/rolescan", xdg)
            : home && *home == '/' ? snprintf(buf, sizeof c->cache_buf, "%s/.cache/rolescan", home)
                                   : -1;
    return n > 0 && (size_t)n < sizeof c->cache_buf ? buf : NULL;
}

int cli_load_lexicon(const cli_common *c, rs_lexicon **lex)
{
    const char *dir = cli_find_lexicons(c);
    if (!dir) {
        fprintf(stderr, "rolescan: error: no lexicon folder found; pass --lexicons DIR "
                        "or set ROLESCAN_LEXICONS\n");
        return RS_EXIT_LEXICON;
    }
    rs_error err = {0};
    rs_load_options o = {.abi_version = RS_ABI_VERSION, .cache_dir = S_cache_dir(c)};
    rs_status st = rs_lexicon_load_with(dir, &o, lex, &err);
    if (st) {
        cli_report_error(&err);
        return st == RS_ERR_NOMEM ? RS_EXIT_INTERNAL : RS_EXIT_LEXICON;
    }
    return RS_EXIT_OK;
}

bool cli_use_color(const cli_common *c)
{
    if (c->color >= 0)
        return c->color == 1;
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return !c->output && isatty(STDOUT_FILENO);
}

static int S_write_all(FILE *f, const char *data, size_t len)
{
    return fwrite(data, 1, len, f) == len && fflush(f) == 0 ? 0 : -1;
}

int cli_emit_report(const cli_common *c, rs_status built, rs_report *report, const rs_error *err,
                    rs_output format, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    rs_error render_err = {0};
    if (built || rs_render(report, format, flags, &out, &len, &render_err)) {
        cli_report_error(built ? err : &render_err);
        rs_report_free(report);
        return RS_EXIT_INTERNAL;
    }
    rs_report_free(report);
    int rc = cli_write_output(c, out, len);
    rs_free(out);
    return rc;
}

int cli_write_output(const cli_common *c, const char *data, size_t len)
{
    if (!c->output || strcmp(c->output, "-") == 0) {
        if (S_write_all(stdout, data, len) != 0) {
            fprintf(stderr, "rolescan: error: cannot write to standard output: %s\n",
                    strerror(errno));
            return RS_EXIT_OUTPUT;
        }
        return RS_EXIT_OK;
    }
    cli_outfile o;
    int rc = cli_outfile_open(&o, c->output);
    if (rc)
        return rc == RS_EXIT_INTERNAL ? cli_nomem() : rc;
    if (S_write_all(o.f, data, len) == 0 && cli_outfile_seal(&o) && cli_outfile_commit(&o))
        return RS_EXIT_OK;
    fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n", c->output,
            strerror(errno));
    cli_outfile_discard(&o);
    return RS_EXIT_OUTPUT;
}

rs_status cli_run_input(const rs_lexicon *lex, const rs_roles *roles, const char *path,
                        const cli_common *c, const rs_run_options *opts, cli_input *in)
{
    rs_text *text = NULL;
    rs_status st = cli_read_text(path, c, &text, &in->err);
    if (st)
        return st;
    cli_print_warnings(c, path, rs_text_warning(text), NULL);   /* the run takes text */
    st = rs_run_text(lex, roles, text, opts, &in->result, &in->err);
    if (!st)
        cli_print_warnings(c, path, NULL, rs_result_scan(in->result));
    return st;
}

void cli_print_warnings(const cli_common *c, const char *name, const char *text_warning,
                        const rs_scan *scan)
{
    if (c->quiet)
        return;
    char shown[1024];
    rs_name_shown(name, shown, sizeof shown);
    if (text_warning)
        fprintf(stderr, "rolescan: %s: warning: %s\n", shown, text_warning);
    for (size_t i = 0; scan && i < rs_scan_warning_count(scan); i++)
        fprintf(stderr, "rolescan: %s: warning: %s\n", shown, rs_scan_warning(scan, i));
}

void cli_input_clear(cli_input *in)
{
    rs_result_free(in->result);
    in->result = NULL;
}

int cli_load_roles(const cli_common *c, const rs_lexicon *lex, rs_roles **roles)
{
    rs_error err = {0};
    rs_load_options o = {.abi_version = RS_ABI_VERSION, .cache_dir = S_cache_dir(c)};
    rs_status st = rs_roles_load_with(cli_find_lexicons(c), lex, &o, roles, &err);
    if (st) {
        cli_report_error(&err);
        return st == RS_ERR_NOMEM ? RS_EXIT_INTERNAL : RS_EXIT_LEXICON;
    }
    return RS_EXIT_OK;
}

int cli_with_roles(const cli_common *c, cli_run_fn run, void *opts)
{
    rs_lexicon *lex = NULL;
    rs_roles *roles = NULL;
    int rc = cli_load_lexicon(c, &lex);
    if (!rc)
        rc = cli_load_roles(c, lex, &roles);
    if (!rc)
        rc = run(roles, lex, opts);
    rs_roles_free(roles);
    rs_lexicon_free(lex);
    return rc;
}

int cli_nomem(void)
{
    fprintf(stderr, "rolescan: error: out of memory\n");
    return RS_EXIT_INTERNAL;
}

int cli_option_value(const char *cmd, int argc, char **argv, int *i, const char *opt,
                     const char **out)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0)
        return 0;
    bool short_opt = n == 2 && opt[0] == '-' && opt[1] != '-';
    if (short_opt && argv[*i][n] != '\0') {   /* "-j4", as make takes it */
        *out = argv[*i] + n;
        return 1;
    }
    if (argv[*i][n] != '\0' && argv[*i][n] != '=')
        return 0;
    if (argv[*i][n] == '=') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    if (*i + 1 >= argc) {
        fprintf(stderr, "rolescan %s: %s needs a value\n", cmd, opt);
        return -1;
    }
    *out = argv[++*i];
    return 1;
}
