/* cmd_classify.c — `rolescan classify`: thousands of postings (files,
 * folders, JSON Lines) to a table, CSV or JSON Lines, on N threads, in input
 * order, with bounded memory; `--stream` is the Hadoop/Spark contract (JSON
 * Lines in on stdin, one line out per line in, flushed). */
#define _GNU_SOURCE   /* FNM_CASEFOLD, getline */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define S_WINDOW_PER_THREAD 16
#define S_MAX_THREADS 256


static void S_usage(FILE *f)
{
    fputs("usage: rolescan classify [options] PATH...\n"
          "       rolescan classify --as-of DATE --stream < postings.jsonl > results.jsonl\n"
          "\n"
          "Classifies job postings: for each, the track, rung, closest role and\n"
          "score, the runner-up, the years required when stated and the skills\n"
          "asked for. PATH is a file, a folder (searched recursively) or - for\n"
          "JSON Lines on stdin. Files: .txt .md .html .htm .pdf .docx .odt, and .jsonl whose\n"
          "records carry \"id\" and any of \"title\", \"text\", \"html\". Output is\n"
          "in input order whatever the number of threads.\n"
          "\n"
          "options:\n"
          "  --format table|csv|jsonl  output format (default table)\n"
          "  -j, --jobs N         threads (default: the number of cores)\n"
          "  --glob PATTERN       files to take from folders (repeatable; default\n"
          "                       *.txt *.md *.markdown *.html *.htm *.jsonl *.pdf\n"
          "                       *.docx *.odt)\n"
          "  --summary            postings per track and rung, and the most asked-\n"
          "                       for skills per rung (stdout for the table, else\n"
          "                       stderr)\n"
          "  --report FILE        also write an HTML summary page to FILE (charts per\n"
          "                       track and rung, top skills per rung, every posting,\n"
          "                       the errors; the table keeps the first 10,000)\n"
          "  --stream             stdin JSON Lines to stdout JSON Lines, one line\n"
          "                       out per line in, flushed per record (needs\n"
          "                       --as-of; one thread unless -j; a record without\n"
          "                       an id gets the id of its bytes; a bad line gets\n"
          "                       an error record and the exit code stays 0)\n"
          "  --spans              with --format jsonl: add \"matches\", each skill\n"
          "                       found with its byte range in the text read (a\n"
          "                       record's fields joined by blank lines)\n"
          "  --timing             with --format jsonl: add \"micros\", the time spent\n"
          "                       on each posting (output then differs run to run)\n"
          "  --as-of DATE         what \"present\" means (default: this month)\n"
          CLI_COMMON_HELP
          "\n"
          "A progress line is shown on stderr when it is a terminal (not with\n"
          "--quiet). exit: 0 ok, 1 some postings failed (each has a row with\n"
          "status error), 2 usage, 3 lexicon, 4 output, 5 internal\n",
          f);
}

/* ---- options ----------------------------------------------------------- */

typedef struct S_opts {
    cli_common c;
    rs_output format;            /* RS_OUTPUT_TEXT (the table), _CSV or _JSONL */
    long jobs;
    const char **globs;   /* points at argv or the defaults */
    size_t glob_count;
    bool summary, stream, spans, timing;
    const char *report;   /* --report FILE: the HTML summary page */
    rs_date as_of;
    const char **paths;
    size_t path_count;
} S_opts;

static const cli_opt S_own[] = {
    {"format", 0, true},   {"jobs", 'j', true},    {"glob", 0, true},
    {"report", 0, true},   {"as-of", 0, true},     {"summary", 0, false},
    {"stream", 0, false},  {"spans", 0, false},    {"timing", 0, false},
    {NULL, 0, false}};

static int S_option(void *opts, const char *name, const char *v)
{
    S_opts *o = opts;
    if (strcmp(name, "format") == 0) {
        if (strcmp(v, "csv") == 0)
            o->format = RS_OUTPUT_CSV;
        else if (strcmp(v, "jsonl") == 0)
            o->format = RS_OUTPUT_JSONL;
        else if (strcmp(v, "table") == 0)
            o->format = RS_OUTPUT_TEXT;
        else
            return fprintf(stderr, "rolescan classify: --format takes table, csv or jsonl, "
                                   "not '%s'\n", v), -1;
    } else if (strcmp(name, "jobs") == 0) {
        char *end = NULL;
        o->jobs = strtol(v, &end, 10);
        if (end == v || *end || o->jobs < 1 || o->jobs > S_MAX_THREADS)
            return fprintf(stderr, "rolescan classify: -j takes a number from 1 to %d\n",
                           S_MAX_THREADS), -1;
    } else if (strcmp(name, "glob") == 0) {
        o->globs[o->glob_count++] = v;
    } else if (strcmp(name, "report") == 0) {
        o->report = v;
    } else if (strcmp(name, "as-of") == 0) {
        return cli_as_of("classify", v, &o->as_of);
    } else if (strcmp(name, "summary") == 0) {
        o->summary = true;
    } else if (strcmp(name, "stream") == 0) {
        o->stream = true;
    } else if (strcmp(name, "spans") == 0) {
        o->spans = true;
    } else if (strcmp(name, "timing") == 0) {
        o->timing = true;
    }
    return 0;
}

/* Returns -1 to go on, else an exit code. */
static int S_parse(S_opts *o, int argc, char **argv)
{
    static const cli_command cmd = {"classify", S_usage, S_own, S_option, NULL, true};
    int rc = cli_parse(&cmd, &o->c, argc, argv, o, o->paths, &o->path_count);
    if (rc >= 0)
        return rc;
    if (o->stream) {
        if (o->path_count) {
            fprintf(stderr, "rolescan classify: --stream reads stdin only\n");
            return RS_EXIT_USAGE;
        }
        if (!o->as_of.year) {   /* a cluster's workers must not each read their clock */
            fprintf(stderr, "rolescan classify: --stream needs --as-of DATE (what \"present\" "
                            "means), so every worker reads the same dates\n");
            return RS_EXIT_USAGE;
        }
        o->paths[o->path_count++] = "-";
        o->format = RS_OUTPUT_JSONL;
        o->c.quiet = true;
        if (!o->jobs)   /* a cluster runs one task per core already */
            o->jobs = 1;
    }
    if (!o->path_count) {
        fprintf(stderr, "rolescan classify: no input paths\n");
        return S_usage(stderr), RS_EXIT_USAGE;
    }
    if (!o->glob_count)
        for (size_t k = 0; cli_default_globs[k]; k++)
            o->globs[o->glob_count++] = cli_default_globs[k];
    return -1;
}

/* ---- inputs ------------------------------------------------------------ */

static bool S_is_jsonl(const char *path)
{
    size_t n = strlen(path);
    return strcmp(path, "-") == 0 || (n > 6 && strcmp(path + n - 6, ".jsonl") == 0);
}

/* ---- the run ----------------------------------------------------------- */

/* What went wrong in a run, in rising order: the exit code is the worst
 * outcome's (S_exit), decided in one place. Reading and writing each keep
 * their worst under their own lock; the run's is the worse of the two. */
typedef enum S_outcome {
    S_FINE = 0,
    S_INPUT_FAILED,    /* a posting failed (its row says why) or an input
                          could not be read: exit 1 */
    S_ROWS_NOMEM,      /* out of memory on some postings, whose rows say
                          so; the output is kept: exit 5 */
    S_OUTPUT_FAILED,   /* a write failed: exit 4 */
    S_LOST             /* a posting, a row or the summary lost to out of
                          memory: exit 5, and no output is kept */
} S_outcome;

static void S_worse(S_outcome *worst, S_outcome o)
{
    if (o > *worst)
        *worst = o;
}

static int S_exit(S_outcome o)
{
    static const int codes[] = {RS_EXIT_OK, RS_EXIT_INPUT, RS_EXIT_INTERNAL, RS_EXIT_OUTPUT,
                                RS_EXIT_INTERNAL};
    return codes[o];
}

typedef struct S_slot {
    bool ready;
    char *row;
    size_t len;
    S_outcome outcome;        /* S_FINE, S_INPUT_FAILED or S_ROWS_NOMEM */
    rs_batch_row batch;       /* for --summary and --report; id and message
                                 are copies owned by the slot */
    size_t *skills;
} S_slot;

typedef struct S_run {
    const S_opts *o;
    const rs_lexicon *lex;
    const rs_roles *roles;
    cli_list inputs;
    /* reading: under in_lock */
    pthread_mutex_t in_lock;
    size_t next_input;
    FILE *jsonl;
    const char *jsonl_name;
    size_t jsonl_line;
    int read_errno;           /* set by S_read_line when the read failed */
    char *line;
    size_t line_cap;
    size_t next_seq;
    S_outcome read_worst;
    /* writing: under out_lock */
    pthread_mutex_t out_lock;
    pthread_cond_t slot_free;
    S_slot *slots;
    size_t window;
    size_t next_write;
    FILE *out;
    S_outcome write_worst;
    size_t error_rows;        /* rows that say a posting failed */
    int write_errno;          /* of the first failed write, for the message
                                 (errno is stale by the end) */
    double started, last_progress;
    bool progress;
    rs_batch *batch;          /* --summary, --report: fed in input order */
} S_run;

typedef struct S_item {
    size_t seq;
    char *id;
    char *record;   /* a JSON Lines record, or NULL for a file */
    bool file_line; /* id is "file:line", made here for a record */
    bool too_long;  /* a record line over S_max_line(): dropped unread */
    int read_errno; /* reading the JSON Lines file failed here (errno) */
    long long at;   /* ... at this byte */
} S_item;

/* The longest JSON Lines record line read, 4 x --max-size (each field is
 * refused past --max-size anyway; JSON escapes can double one): the rest
 * of a longer line is skipped unread, so memory stays bounded whatever
 * the line. */
static size_t S_max_line(const S_opts *o)
{
    return o->c.max_size > SIZE_MAX / 8 ? SIZE_MAX / 8 : o->c.max_size * 4;
}

/* The next line of r->jsonl, without its '\n', in r->line: its length, or
 * -1 at the end or out of memory (then the read's worst is S_LOST). Past
 * `max` bytes the rest of the line is read and dropped: *too_long. Lines
 * come in by fgets (a memchr per buffer, not a call per byte). */
static ssize_t S_read_line(S_run *r, size_t max, bool *too_long)
{
    FILE *f = r->jsonl;
    size_t n = 0;
    bool any = false, oom = false, ended = false;
    char drop[4096];
    *too_long = false;
    flockfile(f);
    while (!ended) {
        if (n >= max) {   /* at the cap: the rest of the line goes unread */
            if (!fgets_unlocked(drop, sizeof drop, f))
                break;
            ended = strchr(drop, '\n') != NULL;
            *too_long |= drop[0] != '\n';   /* a line of exactly max bytes is whole */
            continue;
        }
        if (n + 2 > r->line_cap) {
            size_t cap = r->line_cap ? r->line_cap * 2 : 4096;
            cap = cap > max + 2 ? max + 2 : cap;
            char *p = realloc(r->line, cap);
            if (!p) {
                oom = true;
                break;
            }
            r->line = p;
            r->line_cap = cap;
        }
        size_t room = r->line_cap - n < max + 1 - n ? r->line_cap - n : max + 1 - n;
        if (!fgets_unlocked(r->line + n, (int)(room > INT_MAX ? INT_MAX : room), f)) {
            if (ferror_unlocked(f)) {   /* not the end: say so, never as if it were */
                r->read_errno = errno ? errno : EIO;
                any = false;
            }
            break;
        }
        any = true;
        size_t k = strlen(r->line + n);
        ended = k && r->line[n + k - 1] == '\n';
        n += ended ? k - 1 : k;
    }
    funlockfile(f);
    if (!oom && any && !r->line && !(r->line = malloc(r->line_cap = 64)))
        oom = true;
    if (oom)
        S_worse(&r->read_worst, S_LOST);
    if (!any || oom)
        return -1;
    r->line[n] = '\0';
    return (ssize_t)n;
}

static char *S_line_id(const char *name, size_t line)
{
    char id[512];
    snprintf(id, sizeof id, "%s:%zu", name, line);
    return strdup(id);
}

/* The next item, or false at the end; under in_lock. */
static bool S_next_item(S_run *r, S_item *it)
{
    for (;;) {
        if (r->jsonl) {
            bool too_long;
            long long at = ftello(r->jsonl);
            r->read_errno = 0;
            ssize_t n = S_read_line(r, S_max_line(r->o), &too_long);
            if (n < 0 && r->read_errno) {   /* an error row, and the file is done */
                it->id = S_line_id(r->jsonl_name, ++r->jsonl_line);
                it->file_line = true;
                it->record = NULL;
                it->read_errno = r->read_errno;
                it->at = at < 0 ? 0 : at;
                it->seq = r->next_seq++;
                if (r->jsonl != stdin)
                    fclose(r->jsonl);
                r->jsonl = NULL;
                if (!it->id)
                    S_worse(&r->read_worst, S_LOST);
                return it->id != NULL;
            }
            if (n >= 0) {
                r->jsonl_line++;
                while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
                    r->line[--n] = '\0';
                if (n == 0 && !r->o->stream)
                    continue;   /* blank lines are not records */
                char id[512];
                if (r->o->stream)   /* the same wherever a cluster splits the stream */
                    cli_content_id(r->line, (size_t)n, id, sizeof id);
                else
                    snprintf(id, sizeof id, "%s:%zu", r->jsonl_name, r->jsonl_line);
                it->file_line = !r->o->stream;
                it->id = strdup(id);
                it->record = strdup(too_long ? "" : r->line);
                it->too_long = too_long;
                it->seq = r->next_seq++;
                if (!it->id || !it->record)   /* lost, not the end of the input */
                    S_worse(&r->read_worst, S_LOST);
                return it->id && it->record;
            }
            if (r->jsonl != stdin)
                fclose(r->jsonl);
            r->jsonl = NULL;
        }
        if (r->next_input >= r->inputs.count)
            return false;
        const char *path = r->inputs.items[r->next_input++];
        if (S_is_jsonl(path)) {
            r->jsonl = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
            r->jsonl_name = strcmp(path, "-") == 0 ? "<stdin>" : path;
            r->jsonl_line = 0;
            if (r->jsonl)
                continue;
        }
        it->id = strdup(path);
        it->record = NULL;
        it->seq = r->next_seq++;
        if (!it->id)   /* lost, not the end of the input */
            S_worse(&r->read_worst, S_LOST);
        return it->id != NULL;
    }
}

/* ---- one posting ------------------------------------------------------- */

typedef struct S_work {
    rs_text *text;
    rs_result *result;       /* read as a posting: its requirements, then analysed */
    rs_error err;
    char *id;
    bool file_line;          /* id is "file:line", not the record's own */
    char warning[300];
} S_work;

static rs_status S_fail(S_work *w, rs_status st, const char *what, const char *detail)
{
    w->err.status = st;
    w->err.os_error = 0;
    snprintf(w->err.message, sizeof w->err.message, "%s%s", what, detail ? detail : "");
    return st;
}

/* "title\n\nhtml-as-text\n\ntext" from a JSON Lines record. */
static rs_status S_record_text(const S_run *r, S_work *w, const char *line)
{
    cli_record rec;
    char msg[300];
    rs_status st = cli_record_parse(line, strlen(line), &rec, msg, sizeof msg);
    if (st)
        return S_fail(w, st, msg, NULL);
    if (rec.id) {   /* the record's id replaces the file:line one */
        free(w->id);
        w->id = rec.id;
        w->file_line = false;
        rec.id = NULL;
    }
    const char *title = rec.field[CLI_FIELD_TITLE], *text = rec.field[CLI_FIELD_TEXT],
               *html = rec.field[CLI_FIELD_HTML];
    rs_text *from_html = NULL;
    rs_html_info info = {0};
    if (html)
        st = rs_html_read(w->id, (const unsigned char *)html, rec.len[CLI_FIELD_HTML],
                          r->o->c.max_size, &from_html, &info, &w->err);
    /* the fields present, joined by blank lines: a text-only record is read
     * as it is, so --spans offsets are offsets into its text */
    const char *parts[3] = {title, from_html ? rs_text_data(from_html) : NULL, text};
    size_t n = rec.len[CLI_FIELD_TITLE] + rec.len[CLI_FIELD_TEXT] +
               (from_html ? rs_text_length(from_html) : 0) + 8;
    char *all = st ? NULL : malloc(n);
    if (all) {
        size_t len = 0;
        for (int k = 0; k < 3; k++) {
            if (!parts[k])
                continue;
            if (len)
                memcpy(all + len, "\n\n", 2), len += 2;
            size_t m = strlen(parts[k]);
            memcpy(all + len, parts[k], m);
            len += m;
        }
        all[len] = '\0';
        if (!title && !text && !html)
            st = S_fail(w, RS_ERR_ENCODING, "record has none of title, text, html", NULL);
        else
            st = rs_text_decode(w->id, (const unsigned char *)all, len, r->o->c.max_size,
                                &w->text, &w->err);
    } else if (!st) {
        st = S_fail(w, RS_ERR_NOMEM, "out of memory", NULL);
    }
    free(all);
    rs_text_free(from_html);
    rs_html_info_free(&info);
    cli_record_clear(&rec);
    return st;
}

static rs_status S_file_text(const S_run *r, S_work *w, const char *path)
{
    return cli_read_text(path, &r->o->c, &w->text, &w->err);
}

/* The input's warnings go to stderr as every command's do, and the
 * scan's join the text's in the row. */
static void S_warnings(const S_run *r, S_work *w)
{
    const rs_scan *scan = rs_result_scan(w->result);
    cli_print_warnings(&r->o->c, w->id, w->warning[0] ? w->warning : NULL, scan);
    for (size_t i = 0; scan && i < rs_scan_warning_count(scan); i++) {
        size_t n = strlen(w->warning);
        snprintf(w->warning + n, sizeof w->warning - n, "%s%s", n ? "; " : "",
                 rs_scan_warning(scan, i));
    }
}

static rs_status S_classify(const S_run *r, S_work *w, const S_item *it)
{
    if (it->read_errno) {
        char what[200];
        snprintf(what, sizeof what, "read error at byte %lld: %s (the rest of the file is not "
                 "read)", it->at, strerror(it->read_errno));
        S_fail(w, RS_ERR_IO, what, NULL);
        w->err.os_error = it->read_errno;
        return RS_ERR_IO;
    }
    if (it->too_long) {
        char what[120];
        snprintf(what, sizeof what, "record line over %zu bytes (4 x --max-size): not read",
                 S_max_line(r->o));
        return S_fail(w, RS_ERR_TOO_LARGE, what, NULL);
    }
    rs_status st = it->record ? S_record_text(r, w, it->record) : S_file_text(r, w, it->id);
    if (st)
        return st;
    if (rs_text_warning(w->text))
        snprintf(w->warning, sizeof w->warning, "%s", rs_text_warning(w->text));
    rs_run_options run = RS_RUN_OPTIONS_INIT;
    run.kind = RS_DOC_POSTING;
    run.as_of = r->o->as_of;
    rs_text *text = w->text;
    w->text = NULL;   /* the run takes it, even on failure */
    st = rs_run_text(r->lex, r->roles, text, &run, &w->result, &w->err);
    if (!st)
        S_warnings(r, w);
    return st;
}

/* Fills the slot with the rendered row and what the summary needs. */
static void S_fill_slot(const S_run *r, S_work *w, rs_status st, long micros, bool it_is_file,
                        S_slot *slot)
{
    const rs_result *res = st ? NULL : w->result;
    rs_classification c = {w->id, rs_result_scan(res), rs_result_analysis(res),
                           st ? &w->err : NULL, w->warning[0] ? w->warning : NULL,
                           r->o->spans, r->o->timing, micros, rs_result_requirements(res)};
    rs_error err = {0};
    memset(slot, 0, sizeof *slot);
    slot->outcome = st == RS_ERR_NOMEM ? S_ROWS_NOMEM : st ? S_INPUT_FAILED : S_FINE;
    rs_report *row = NULL;
    if (rs_report_classification(r->roles, r->lex, &c, &row, &err) != RS_OK ||
        rs_render(row, r->o->format, 0, &slot->row, &slot->len, &err) != RS_OK)
        slot->outcome = S_ROWS_NOMEM;   /* and no row: S_drain counts it lost */
    rs_report_free(row);
    if (!r->batch)
        return;
    slot->batch = rs_classification_row(r->roles, &c);
    slot->batch.id = strdup(w->id ? w->id : "");
    slot->batch.message = slot->batch.message ? strdup(slot->batch.message) : NULL;
    slot->batch.is_file = it_is_file ? RS_ROW_FILE : w->file_line ? RS_ROW_FILE_LINE : 0;
    char title[200];
    const rs_document *doc = res ? rs_result_document(res) : NULL;
    if (doc && rs_document_heading(doc, title, sizeof title) &&
        !(slot->batch.title = strdup(title)))
        slot->outcome = S_ROWS_NOMEM;
    size_t n = rs_requirements_count(c.asked);
    slot->skills = malloc((n ? n : 1) * sizeof *slot->skills);
    for (size_t i = 0; slot->skills && i < n; i++)   /* what it asks for, never a
                                                        skill it says is not needed */
        slot->skills[slot->batch.skill_count++] = rs_requirements_get(c.asked, i)->skill;
    slot->batch.skills = slot->skills;
    if (!slot->batch.id || !slot->skills)
        slot->outcome = S_ROWS_NOMEM;
}

static void S_work_clear(S_work *w)
{
    rs_result_free(w->result);
    rs_text_free(w->text);
    free(w->id);
}

/* ---- output in input order --------------------------------------------- */

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void S_progress(S_run *r, bool final)
{
    double now = S_now();
    if (!r->progress || (!final && now - r->last_progress < 0.2))
        return;
    r->last_progress = now;
    double rate = r->next_write / (now - r->started + 1e-9);
    bool known = true;
    for (size_t i = 0; i < r->inputs.count; i++)
        known &= !S_is_jsonl(r->inputs.items[i]);
    fprintf(stderr, "\r%zu", r->next_write);
    if (known) {
        size_t total = r->inputs.count;
        double left = rate > 0 ? (total - r->next_write) / rate : 0;
        fprintf(stderr, "/%zu postings  %.0f/s  %.0fs left  ", total, rate, left);
    } else {
        fprintf(stderr, " postings  %.0f/s  ", rate);
    }
    if (final)
        fputc('\n', stderr);
}

/* A write failed; under out_lock (or before the workers start). */
static void S_write_failed(S_run *r)
{
    if (!r->write_errno)
        r->write_errno = errno ? errno : EIO;
    S_worse(&r->write_worst, S_OUTPUT_FAILED);
}

/* Writes every consecutive ready slot; under out_lock. */
static void S_drain(S_run *r)
{
    for (;;) {
        S_slot *s = &r->slots[r->next_write % r->window];
        if (!s->ready)
            break;
        if (!s->row)   /* not rendered (out of memory) is a lost row, not a write error */
            S_worse(&r->write_worst, S_LOST);
        else if (fwrite(s->row, 1, s->len, r->out) != s->len ||
                 (r->o->stream && fflush(r->out) != 0))
            S_write_failed(r);
        S_worse(&r->write_worst, s->outcome);
        r->error_rows += s->outcome == S_INPUT_FAILED;
        rs_error err = {0};
        if (r->batch && s->batch.id && rs_batch_add(r->batch, &s->batch, &err) != RS_OK)
            S_worse(&r->write_worst, S_LOST);
        rs_free(s->row);
        free(s->skills);
        free((char *)s->batch.id);
        free((char *)s->batch.message);
        free((char *)s->batch.title);
        memset(s, 0, sizeof *s);
        r->next_write++;
        S_progress(r, false);
    }
    pthread_cond_broadcast(&r->slot_free);
}

static void S_deposit(S_run *r, size_t seq, const S_slot *slot)
{
    pthread_mutex_lock(&r->out_lock);
    while (seq >= r->next_write + r->window)   /* bounded memory: wait our turn */
        pthread_cond_wait(&r->slot_free, &r->out_lock);
    r->slots[seq % r->window] = *slot;
    r->slots[seq % r->window].ready = true;
    S_drain(r);
    pthread_mutex_unlock(&r->out_lock);
}

static void *S_worker(void *arg)
{
    S_run *r = arg;
    for (;;) {
        S_item it = {0};
        pthread_mutex_lock(&r->in_lock);
        bool got = S_next_item(r, &it);
        if (!got && (it.id || it.record))
            S_worse(&r->read_worst, S_INPUT_FAILED);
        pthread_mutex_unlock(&r->in_lock);
        if (!got) {
            free(it.id);
            free(it.record);
            return NULL;
        }
        S_work w = {.id = it.id, .file_line = it.file_line};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        rs_status st = S_classify(r, &w, &it);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long micros = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
        S_slot slot;
        S_fill_slot(r, &w, st, micros, it.record == NULL, &slot);
        S_work_clear(&w);
        free(it.record);
        S_deposit(r, it.seq, &slot);
    }
}

/* ---- summary and report ------------------------------------------------ */

/* The text roll-up after the table (stdout) or after CSV/JSON Lines
 * (stderr, so the data stream stays clean). */
static bool S_summary(const S_run *r, FILE *f)
{
    char *text = NULL;
    size_t len = 0;
    rs_error err = {0};
    rs_report *report = NULL;
    rs_status st = rs_report_batch(r->batch, NULL, &report, &err);
    if (!st)
        st = rs_render(report, RS_OUTPUT_TEXT, 0, &text, &len, &err);
    rs_report_free(report);
    if (st)
        return false;
    bool ok = fwrite(text, 1, len, f) == len;
    rs_free(text);
    return ok;
}

/* The HTML summary page, written atomically to --report FILE. */
static int S_report(const S_run *r)
{
    rs_report_options ro = RS_REPORT_OPTIONS_INIT;
    ro.as_of = r->o->as_of;
    rs_report *report = NULL;
    rs_error err = {0};
    rs_status st = rs_report_batch(r->batch, &ro, &report, &err);
    cli_common to = r->o->c;
    to.output = r->o->report;
    return cli_emit_report(&to, st, report, &err, RS_OUTPUT_HTML, 0);
}


/* ---- the command ------------------------------------------------------- */

/* Output to stdout, or to -o FILE (cli_outfile: a temporary file beside a
 * regular file that replaces it only when everything was written). */
static int S_open_output(const S_opts *o, FILE **out, cli_outfile *file)
{
    file->f = NULL;
    file->tmp = file->target = NULL;
    file->slot = -1;
    if (!o->c.output || strcmp(o->c.output, "-") == 0) {
        *out = stdout;
        return RS_EXIT_OK;
    }
    int rc = cli_outfile_open(file, o->c.output);
    *out = file->f;
    return rc;
}

/* Seals the output: everything flushed and synced, not yet in place
 * (S_commit_output), so a --report that fails leaves -o untouched. The
 * output is dropped when a write failed or the run is discarded
 * (`discard`: it failed before, and said so). */
static int S_seal_output(const S_opts *o, FILE *out, cli_outfile *file, bool failed,
                         int write_errno, bool discard)
{
    int rc = RS_EXIT_OK;
    failed = failed || discard;
    if (out == stdout) {
        if (fflush(stdout) != 0 || failed)
            rc = RS_EXIT_OUTPUT;
    } else if (failed || !cli_outfile_seal(file)) {
        cli_outfile_discard(file);
        rc = RS_EXIT_OUTPUT;
    }
    if (rc && write_errno)   /* the first failure's errno, not a stale one */
        errno = write_errno;
    if (rc && !discard)
        fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n",
                o->c.output ? o->c.output : "<stdout>", strerror(errno));
    return rc;
}

/* Puts a sealed -o FILE in place, or drops it when keep is false. */
static int S_commit_output(const S_opts *o, FILE *out, cli_outfile *file, bool keep)
{
    if (out == stdout)
        return RS_EXIT_OK;
    if (!keep) {
        cli_outfile_discard(file);
        return RS_EXIT_OK;
    }
    if (cli_outfile_commit(file))
        return RS_EXIT_OK;
    fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n", o->c.output,
            strerror(errno));
    return RS_EXIT_OUTPUT;
}

static int S_run_all(S_run *r)
{
    const S_opts *o = r->o;
    long jobs = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    r->window = (size_t)jobs * S_WINDOW_PER_THREAD;
    r->slots = calloc(r->window, sizeof *r->slots);
    if (o->summary || o->report)
        r->batch = rs_batch_new(r->roles, r->lex, 0);
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (!r->slots || !threads || ((o->summary || o->report) && !r->batch)) {
        free(threads);
        return RS_EXIT_INTERNAL;
    }
    pthread_mutex_init(&r->in_lock, NULL);
    pthread_mutex_init(&r->out_lock, NULL);
    pthread_cond_init(&r->slot_free, NULL);
    r->started = S_now();
    const char *header = rs_classify_header(o->format);
    if (*header && fputs(header, r->out) == EOF)
        S_write_failed(r);
    long started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, S_worker, r) != 0)
            break;
    if (started == 0)
        S_worker(r);   /* no thread could start: do the work here */
    for (long i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    S_progress(r, true);
    pthread_cond_destroy(&r->slot_free);
    pthread_mutex_destroy(&r->out_lock);
    pthread_mutex_destroy(&r->in_lock);
    return RS_EXIT_OK;
}

/* Runs the batch into the open output and closes it; the exit code. */
static int S_finish(S_run *r, const rs_lexicon *lex, const rs_roles *roles,
                    cli_outfile *file)
{
    const S_opts *o = r->o;
    r->lex = lex;
    r->roles = roles;
    r->progress = !o->c.quiet && isatty(STDERR_FILENO);
    int rc = S_run_all(r);
    S_outcome worst = r->read_worst > r->write_worst ? r->read_worst : r->write_worst;
    if (rc)
        cli_nomem();
    else if (worst == S_LOST)
        fprintf(stderr, "rolescan: error: out of memory: postings were not classified\n");
    bool discard = rc || worst == S_LOST;
    if (!discard && o->summary && !S_summary(r, o->format == RS_OUTPUT_TEXT ? r->out : stderr))
        S_write_failed(r);
    worst = r->read_worst > r->write_worst ? r->read_worst : r->write_worst;
    int out_rc = S_seal_output(o, r->out, file, worst == S_OUTPUT_FAILED, r->write_errno,
                               discard);
    if (discard)
        return RS_EXIT_INTERNAL;
    if (!out_rc && o->report)
        out_rc = S_report(r);
    if (!out_rc)
        out_rc = S_commit_output(o, r->out, file, true);
    else if (r->out != stdout && file->target)   /* the report failed: -o stays as it was */
        S_commit_output(o, r->out, file, false);
    if (out_rc)
        return out_rc;
    if (worst == S_ROWS_NOMEM)   /* the rows of the postings it hit say so */
        fprintf(stderr, "rolescan: error: out of memory on some postings\n");
    if (o->stream && r->error_rows)   /* each has its error record; the task goes on */
        fprintf(stderr, "rolescan classify: %zu of %zu records were errors\n", r->error_rows,
                r->next_write);
    if (o->stream && worst == S_INPUT_FAILED)
        worst = S_FINE;
    return S_exit(worst);
}

/* The inputs gathered, the output opened, the batch run (cli_with_roles). */
static int S_with_roles(const rs_roles *roles, const rs_lexicon *lex, void *arg)
{
    S_run *r = arg;
    if (!cli_gather(r->o->paths, r->o->path_count, r->o->globs, &r->inputs))
        return cli_nomem();
    cli_outfile file;
    int rc = S_open_output(r->o, &r->out, &file);
    if (rc == RS_EXIT_INTERNAL)
        return cli_nomem();
    return rc ? rc : S_finish(r, lex, roles, &file);
}

int cmd_classify(int argc, char **argv)
{
    S_opts o = {.format = RS_OUTPUT_TEXT};
    cli_common_init(&o.c);
    o.paths = calloc((size_t)argc + 1, sizeof *o.paths);
    o.globs = calloc((size_t)argc + 8, sizeof *o.globs);
    if (!o.paths || !o.globs) {
        free(o.paths);
        free(o.globs);
        return cli_nomem();
    }
    int rc = S_parse(&o, argc, argv);
    S_run r = {.o = &o};
    if (rc < 0) {
        if (!o.as_of.year)
            o.as_of = rs_date_today();
        rc = cli_with_roles(&o.c, S_with_roles, &r);
    }
    cli_list_free(&r.inputs);
    free(r.slots);
    rs_batch_free(r.batch);
    free(r.line);
    free(o.paths);
    free(o.globs);
    return rc < 0 ? RS_EXIT_OK : rc;
}
