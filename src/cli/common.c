/* common.c — options, lexicon discovery, error reports and atomic output
 * shared by the subcommands. */
#define _XOPEN_SOURCE 700
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RS_INSTALL_LEXICONS
#define RS_INSTALL_LEXICONS "/usr/local/share/rolescan/lexicons"
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

/* ---- options ------------------------------------------------------------ */

static const cli_opt S_common_opts[] = {
    {"output", 'o', true},     {"lexicons", 0, true},  {"max-size", 0, true},
    {"input-format", 0, true}, {"color", 0, true},     {"cache-dir", 0, true},
    {"no-cache", 0, false},    {"quiet", 'q', false},  {NULL, 0, false},
};
static const cli_opt S_meta_opts[] = {
    {"help", 'h', false}, {"version", 'V', false}, {NULL, 0, false},
};

#define S_MAX_OPTS 40

/* Every option cmd takes, in one table: its own, the shared, -h and -V. */
static size_t S_gather(const cli_command *cmd, const cli_opt **all)
{
    size_t n = 0;
    const cli_opt *lists[] = {cmd->opts, cmd->common ? S_common_opts : NULL, S_meta_opts};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (const cli_opt *o = lists[l]; o && o->name && n < S_MAX_OPTS; o++)
            all[n++] = o;
    return n;
}

static int S_common_option(cli_common *c, const char *name, const char *v)
{
    if (strcmp(name, "output") == 0) {
        c->output = v;
    } else if (strcmp(name, "lexicons") == 0) {
        c->lexicons = v;
    } else if (strcmp(name, "max-size") == 0) {
        if (!S_parse_size(v, &c->max_size)) {
            fprintf(stderr, "rolescan: --max-size: '%s' is not a size (e.g. 16M)\n", v);
            return -1;
        }
    } else if (strcmp(name, "input-format") == 0) {
        if ((c->format = rs_format_from_name(v)) == RS_FORMAT_AUTO && strcmp(v, "auto") != 0) {
            fprintf(stderr, "rolescan: --input-format takes auto, text, html, docx, odt or "
                            "pdf, not '%s'\n", v);
            return -1;
        }
    } else if (strcmp(name, "quiet") == 0) {
        c->quiet = true;
    } else if (strcmp(name, "cache-dir") == 0) {
        c->cache_dir = v;
    } else if (strcmp(name, "no-cache") == 0) {
        c->no_cache = true;
    } else if (strcmp(name, "color") == 0) {
        if (strcmp(v, "always") == 0)
            c->color = 1;
        else if (strcmp(v, "never") == 0)
            c->color = 0;
        else if (strcmp(v, "auto") == 0)
            c->color = -1;
        else {
            fprintf(stderr, "rolescan: --color takes auto, always or never, not '%s'\n", v);
            return -1;
        }
    }
    return 0;
}

/* Edits from a to b (insert, delete, replace, swap two neighbours: the
 * typos people make), for short strings; 9 for long ones. */
static size_t S_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 9;
    size_t d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb] < 9 ? d[la][lb] : 9;
}

const char *cli_closest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL, *prefixed = NULL;
    size_t best_d = 9, prefixes = 0, len = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (len && strncmp(candidates[i], word, len) == 0) {
            prefixed = candidates[i];
            prefixes++;
        }
        size_t d = S_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    if (prefixes == 1)
        return prefixed;
    /* a typo: one edit in a short word, two in a longer one */
    return best && best_d <= (len > 5 ? 2u : 1u) ? best : NULL;
}

static void S_unknown(const cli_command *cmd, const cli_opt **all, size_t n, const char *arg)
{
    fprintf(stderr, "rolescan %s: unknown option '%s'", cmd->name, arg);
    const char *names[S_MAX_OPTS];
    for (size_t i = 0; i < n; i++)
        names[i] = all[i]->name;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
    const char *near = arg[1] == '-' ? cli_closest(word, names, n) : NULL;
    if (near)
        fprintf(stderr, "; did you mean '--%s'?", near);
    fprintf(stderr, " (rolescan %s --help lists them)\n", cmd->name);
}

static const cli_opt *S_long(const cli_opt **all, size_t n, const char *arg)
{
    size_t len = strcspn(arg, "=");
    for (size_t i = 0; i < n; i++)
        if (strlen(all[i]->name) == len && strncmp(all[i]->name, arg, len) == 0)
            return all[i];
    return NULL;
}

static const cli_opt *S_short(const cli_opt **all, size_t n, char letter)
{
    for (size_t i = 0; i < n; i++)
        if (all[i]->letter == letter)
            return all[i];
    return NULL;
}

/* Before getopt_long, which takes any unambiguous prefix of a long option
 * (a typo of a short word could pass for another option): every option
 * must be spelled in full. -h and -V win over the rest. 0 to go on, 1
 * help, 2 version, -1 refused (reported). */
static int S_prescan(const cli_command *cmd, const cli_opt **all, size_t n, int argc,
                     char **argv)
{
    int meta = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            break;
        if (a[0] != '-' || a[1] == '\0')
            continue;
        const cli_opt *o = NULL;
        if (a[1] == '-') {
            if (!(o = S_long(all, n, a + 2)))
                return S_unknown(cmd, all, n, a), -1;
            if (o->value && !strchr(a, '='))
                i++;
        } else {
            for (const char *p = a + 1; *p; p++) {
                if (!(o = S_short(all, n, *p))) {
                    char one[3] = {'-', *p, '\0'};
                    return S_unknown(cmd, all, n, one), -1;
                }
                if (o->value) {
                    i += p[1] == '\0';
                    break;
                }
                if (!meta && (o->letter == 'h' || o->letter == 'V'))
                    meta = o->letter == 'h' ? 1 : 2;
            }
            continue;
        }
        if (!meta && (strcmp(o->name, "help") == 0 || strcmp(o->name, "version") == 0))
            meta = o->name[0] == 'h' ? 1 : 2;
    }
    return meta;
}

static int S_take(const cli_command *cmd, cli_common *c, void *opts, const cli_opt *o,
                  const char *value)
{
    for (const cli_opt *p = S_common_opts; cmd->common && p->name; p++)
        if (p == o)
            return S_common_option(c, o->name, value);
    return cmd->option ? cmd->option(opts, o->name, value) : 0;
}

int cli_parse(const cli_command *cmd, cli_common *c, int argc, char **argv, void *opts,
              const char **operands, size_t *count)
{
    *count = 0;
    const cli_opt *all[S_MAX_OPTS];
    size_t n = S_gather(cmd, all);
    int meta = S_prescan(cmd, all, n, argc, argv);
    if (meta < 0)
        return RS_EXIT_USAGE;
    if (meta == 1)
        return cmd->usage(stdout), RS_EXIT_OK;
    if (meta == 2)
        return printf("rolescan %s\n", rs_version()), RS_EXIT_OK;
    struct option longs[S_MAX_OPTS + 1];
    char shorts[2 * S_MAX_OPTS + 2] = ":";   /* ':' a missing value reported as such */
    size_t ns = 1;
    for (size_t i = 0; i < n; i++) {
        longs[i] = (struct option){all[i]->name, all[i]->value ? required_argument : no_argument,
                                   NULL, 256 + (int)i};
        if (all[i]->letter) {
            shorts[ns++] = all[i]->letter;
            if (all[i]->value)
                shorts[ns++] = ':';
        }
    }
    longs[n] = (struct option){NULL, 0, NULL, 0};
    shorts[ns] = '\0';
    opterr = 0;
    optind = 0;   /* glibc: start over, as for a fresh argv */
    int r;
    while ((r = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (r == ':') {
            const cli_opt *o = optopt >= 256 ? all[optopt - 256] : S_short(all, n, (char)optopt);
            fprintf(stderr, "rolescan %s: --%s needs a value\n", cmd->name,
                    o ? o->name : "?");
            return cmd->usage(stderr), RS_EXIT_USAGE;
        }
        const cli_opt *o = r >= 256 ? all[r - 256] : S_short(all, n, (char)r);
        if (!o)   /* S_prescan refused every unknown option already */
            return RS_EXIT_USAGE;
        if (S_take(cmd, c, opts, o, optarg) < 0)
            return RS_EXIT_USAGE;
    }
    for (int i = optind; i < argc; i++)
        operands[(*count)++] = argv[i];
    if (!*count && cmd->missing) {
        fprintf(stderr, "rolescan %s: %s\n", cmd->name, cmd->missing);
        return cmd->usage(stderr), RS_EXIT_USAGE;
    }
    return -1;
}

int cli_as_of(const char *cmd, const char *value, rs_date *out)
{
    if (rs_date_parse(value, out))
        return 0;
    fprintf(stderr, "rolescan %s: --as-of takes a date like 2026-11, 2026-11-22 or "
                    "\"Nov 2026\"\n", cmd);
    return -1;
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
            snprintf(path, sizeof path, "%s/lexicons", exe);   /* a build tree's link */
            if (S_is_dir(path) && realpath(path, beside_exe))
                return beside_exe;
        }
    }
    if (S_is_dir(RS_INSTALL_LEXICONS))
        return RS_INSTALL_LEXICONS;
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

unsigned cli_text_flags(const cli_common *c)
{
    unsigned flags = cli_use_color(c) ? RS_RENDER_COLOR : 0;
    /* on one terminal, an error or a warning is said once: on stderr */
    if ((!c->output || strcmp(c->output, "-") == 0) && isatty(STDOUT_FILENO) &&
        isatty(STDERR_FILENO))
        flags |= RS_RENDER_NO_ERRORS;
    return flags;
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
