/* bench_pipeline.c — throughput of rolescan's stages on a corpus built from
 * the samples, printed as figures and ratios (never a pass/fail test).
 *   bench_pipeline LEXICON_DIR SAMPLES_DIR [MEGABYTES]                    */
#define _POSIX_C_SOURCE 200809L
#include "lexicon/lexicon_internal.h"
#include "text/text_internal.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void S_die(const char *what, const rs_error *err)
{
    fprintf(stderr, "bench: %s: %s:%u: %s\n", what, err ? err->file : "",
            err ? err->line : 0, err ? err->message : "failed");
    exit(1);
}

/* Appends every file of dir/resumes and dir/postings. */
static void S_load_samples(const char *dir, rs_buf *docs, size_t *count)
{
    const char *sub[] = {"resumes", "postings"};
    for (int k = 0; k < 2; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, sub[k]);
        DIR *d = opendir(path);
        if (!d)
            S_die(path, NULL);
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char file[8192];
            snprintf(file, sizeof file, "%s/%s", path, e->d_name);
            rs_text *t;
            rs_error err = {0};
            if (rs_text_read_file(file, 0, &t, &err))
                S_die(file, &err);
            rs__buf_append(docs, rs_text_data(t), rs_text_length(t));
            rs__buf_putc(docs, '\f');   /* document separator */
            (*count)++;
            rs_text_free(t);
        }
        closedir(d);
    }
}

static double S_mbps(size_t bytes, double secs) { return (double)bytes / 1e6 / secs; }

/* Normalizes every document of the corpus (documents end at '\f'), with
 * the fast path (rs_document_new) or utf8proc over all text; seconds. */
static double S_time_normalize(const char *corpus, size_t len, bool reference)
{
    double total = 0;
    const char *p = corpus, *end = corpus + len;
    while (p < end) {
        const char *q = memchr(p, '\f', (size_t)(end - p));
        q = q ? q : end;
        rs_text *t;
        rs_error err = {0};
        if (rs_text_decode("doc", (const unsigned char *)p, (size_t)(q - p), 0, &t, &err))
            S_die("decode", &err);
        double t0 = S_now();
        if (reference) {
            size_t n;
            rs__free(rs__normalize_reference(rs_text_data(t), rs_text_length(t), &n));
            total += S_now() - t0;
            rs_text_free(t);
        } else {
            rs_document *doc;
            if (rs_document_new(t, &doc, &err))
                S_die("normalize", &err);
            total += S_now() - t0;
            rs_document_free(doc);
        }
        p = q + 1;
    }
    return total;
}

static void S_bench_normalize(const char *label, const char *corpus, size_t len)
{
    double fast = S_time_normalize(corpus, len, false);
    double full = S_time_normalize(corpus, len, true);
    printf("normalize %-9s fast path + offset map  %8.1f MB/s\n", label, S_mbps(len, fast));
    printf("normalize %-9s utf8proc, all text      %8.1f MB/s\n", label, S_mbps(len, full));
    printf("  ratio fast/full                            %8.1fx\n", full / fast);
}

/* The corpus with every non-ASCII character replaced by a space. */
static char *S_ascii_copy(const char *corpus, size_t len)
{
    char *a = malloc(len);
    if (!a)
        S_die("memory", NULL);
    for (size_t i = 0; i < len; i++)
        a[i] = (unsigned char)corpus[i] >= 0x80 ? ' ' : corpus[i];
    return a;
}

/* The whole pipeline per document: decode, normalize, tokenize, match. */
static double S_bench_scan(const rs_lexicon *lex, const char *corpus, size_t len,
                           size_t *docs, size_t *skills)
{
    rs_error err = {0};
    double t0 = S_now();
    const char *p = corpus, *end = corpus + len;
    while (p < end) {
        const char *q = memchr(p, '\f', (size_t)(end - p));
        q = q ? q : end;
        rs_text *t;
        rs_document *doc;
        rs_scan *scan;
        if (rs_text_decode("doc", (const unsigned char *)p, (size_t)(q - p), 0, &t, &err) ||
            rs_document_new(t, &doc, &err) || rs_scan_run(lex, doc, &scan, &err))
            S_die("scan", &err);
        *skills += rs_scan_hit_count(scan);
        (*docs)++;
        rs_scan_free(scan);
        rs_document_free(doc);
        p = q + 1;
    }
    return S_now() - t0;
}

/* What trigger gating saves: every pattern run over all normalized text. */
static double S_bench_patterns_everywhere(const rs_lexicon *lex, const char *corpus,
                                          size_t len)
{
    rs_text *t;
    rs_document *doc;
    rs_error err = {0};
    if (rs_text_decode("corpus", (const unsigned char *)corpus, len, 0, &t, &err) ||
        rs_document_new(t, &doc, &err))
        S_die("decode", &err);
    size_t nlen;
    const char *norm = rs_document_normalized(doc, &nlen);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    double t0 = S_now();
    size_t found = 0;
    for (size_t i = 0; i < lex->pattern_count; i++) {
        size_t off = 0;
        while (off < nlen &&
               pcre2_match(lex->patterns[i].code, (PCRE2_SPTR)norm, nlen, off,
                           PCRE2_NO_UTF_CHECK, md, lex->match_context) >= 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            found++;
        }
    }
    double secs = S_now() - t0;
    pcre2_match_data_free(md);
    rs_document_free(doc);
    (void)found;
    return secs;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s LEXICON_DIR SAMPLES_DIR [MEGABYTES]\n", argv[0]);
        return 2;
    }
    size_t target = (size_t)(argc > 3 ? atof(argv[3]) : 64.0) * 1000000u;
    rs_buf one, corpus;
    rs__buf_init(&one, 0);
    rs__buf_init(&corpus, 0);
    size_t nsamples = 0;
    S_load_samples(argv[2], &one, &nsamples);
    while (corpus.len < target)
        rs__buf_append(&corpus, one.data, one.len);
    rs_error err = {0};
    double t0 = S_now();
    rs_lexicon *lex;
    if (rs_lexicon_load(argv[1], &lex, &err))
        S_die("lexicon", &err);
    double load = S_now() - t0;
    rs_lexicon_stats st = rs_lexicon_get_stats(lex);
    printf("corpus: %.1f MB, %zu samples repeated; lexicon: %zu skills, %zu aliases, "
           "%zu patterns\n", corpus.len / 1e6, nsamples, st.skills, st.aliases, st.patterns);
    printf("lexicon load (parse, validate, compile)   %8.1f ms\n", load * 1e3);
    S_bench_normalize("(samples)", corpus.data, corpus.len);
    char *ascii = S_ascii_copy(corpus.data, corpus.len);
    S_bench_normalize("(ASCII)", ascii, corpus.len);
    free(ascii);
    size_t docs = 0, skills = 0;
    double scan = S_bench_scan(lex, corpus.data, corpus.len, &docs, &skills);
    printf("scan pipeline, trigger-gated patterns      %8.1f MB/s  (%.0f docs/s, "
           "%.1f KB/doc)\n", S_mbps(corpus.len, scan), docs / scan,
           corpus.len / 1e3 / (double)docs);
    double everywhere = S_bench_patterns_everywhere(lex, corpus.data, corpus.len);
    printf("scan pipeline, patterns over all text      %8.1f MB/s\n",
           S_mbps(corpus.len, scan + everywhere));
    printf("  ratio gated/everywhere                     %8.2fx\n",
           (scan + everywhere) / scan);
    rs_lexicon_free(lex);
    rs__buf_free(&one);
    rs__buf_free(&corpus);
    return 0;
}
