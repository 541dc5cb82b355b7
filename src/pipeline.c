/* pipeline.c — the library's front door: a file or a string through every
 * stage (read, normalize, tokenize, scan, and with roles analyse) in one
 * call, the result owning what each stage made. The stages stay public for
 * callers that need one of them alone. */
#include "internal.h"

#include <stddef.h>
#include <string.h>

struct rs_result {
    rs_document *doc;   /* owns the text */
    rs_scan *scan;
    rs_requirements *asked;
    rs_analysis *analysis;
};

/* The caller's options, or the defaults. */
static rs_status S_options(const rs_run_options *in, rs_run_options *out, rs_error *err)
{
    *out = (rs_run_options)RS_RUN_OPTIONS_INIT;
    if (!in)
        return RS_OK;
    if (in->abi_version != RS_ABI_VERSION)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "rs_run_options of ABI version %u; this library reads %u",
                        in->abi_version, RS_ABI_VERSION);
    *out = *in;
    if (out->kind != RS_DOC_RESUME && out->kind != RS_DOC_POSTING)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "rs_run_options.kind is %d: not a document kind",
                        (int)out->kind);
    return RS_OK;
}

/* The stages after reading; takes the text whatever happens. */
static rs_status S_run(const rs_lexicon *lex, const rs_roles *roles, rs_text *text,
                       const rs_run_options *o, rs_result **out, rs_error *err)
{
    rs_result *r = rs__calloc(1, sizeof *r);
    if (!r) {
        rs_text_free(text);
        return rs__nomem(err, NULL);
    }
    rs_status st = rs_document_new(text, &r->doc, err);   /* owns text, even on failure */
    if (!st)
        st = rs_scan_run(lex, r->doc, &r->scan, err);
    if (!st && roles && o->kind == RS_DOC_POSTING)
        st = rs_requirements_read(lex, r->doc, r->scan, &r->asked, err);
    if (!st && roles) {
        rs_analysis_options ao = {.as_of = o->as_of, .target = o->target, .top = o->top,
                                  .asked = r->asked};
        st = rs_analyze(roles, lex, r->doc, r->scan, &ao, &r->analysis, err);
    }
    if (st) {
        rs_result_free(r);
        return st;
    }
    *out = r;
    return RS_OK;
}

rs_status rs_run_file(const rs_lexicon *lex, const rs_roles *roles, const char *path,
                      const rs_run_options *opts, rs_result **out, rs_error *err)
{
    if (out)
        *out = NULL;
    if (!lex || !path || !out)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "rs_run_file needs a lexicon, a path and out");
    rs_run_options o;
    rs_status st = S_options(opts, &o, err);
    rs_text *text = NULL;
    if (!st)
        st = rs_text_read_any(path, o.format, o.max_len ? o.max_len : RS_DEFAULT_MAX_INPUT,
                              &text, err);
    return st ? st : S_run(lex, roles, text, &o, out, err);
}

rs_status rs_run_text(const rs_lexicon *lex, const rs_roles *roles, rs_text *text,
                      const rs_run_options *opts, rs_result **out, rs_error *err)
{
    if (out)
        *out = NULL;
    if (!lex || !text || !out) {
        rs_text_free(text);
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "rs_run_text needs a lexicon, a text and out");
    }
    rs_run_options o;
    rs_status st = S_options(opts, &o, err);
    if (st) {
        rs_text_free(text);
        return st;
    }
    return S_run(lex, roles, text, &o, out, err);
}

rs_status rs_run_string(const rs_lexicon *lex, const rs_roles *roles, const char *name,
                        const char *bytes, size_t len, const rs_run_options *opts,
                        rs_result **out, rs_error *err)
{
    if (out)
        *out = NULL;
    if (!lex || (!bytes && len) || !out)
        return rs__fail(err, RS_ERR_ARG, NULL, 0,
                        "rs_run_string needs a lexicon, bytes and out");
    rs_run_options o;
    rs_status st = S_options(opts, &o, err);
    rs_text *text = NULL;
    if (!st)
        st = rs_text_from_bytes(name ? name : "(string)", (const unsigned char *)(bytes ? bytes : ""),
                                len, o.format, o.max_len ? o.max_len : RS_DEFAULT_MAX_INPUT,
                                &text, err);
    return st ? st : S_run(lex, roles, text, &o, out, err);
}

const rs_document *rs_result_document(const rs_result *r) { return r ? r->doc : NULL; }
const rs_scan *rs_result_scan(const rs_result *r) { return r ? r->scan : NULL; }
const rs_analysis *rs_result_analysis(const rs_result *r) { return r ? r->analysis : NULL; }
const rs_requirements *rs_result_requirements(const rs_result *r) { return r ? r->asked : NULL; }

rs_match_input rs_result_match_input(const rs_result *r)
{
    if (!r)
        return (rs_match_input){0};
    return (rs_match_input){r->doc, r->scan, r->analysis, r->asked};
}

void rs_result_free(rs_result *r)
{
    if (!r)
        return;
    rs_analysis_free(r->analysis);
    rs_requirements_free(r->asked);
    rs_scan_free(r->scan);
    rs_document_free(r->doc);
    rs__free(r);
}
