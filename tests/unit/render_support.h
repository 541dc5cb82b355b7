/* render_support.h — build a product's report and render it in one step,
 * as the CLI does: the status of the first step that failed. The report is
 * freed either way. */
#ifndef RS_TEST_RENDER_SUPPORT_H
#define RS_TEST_RENDER_SUPPORT_H

#include "rolescan.h"

static inline rs_status render_built(rs_status built, rs_report *rep, rs_output format,
                                     unsigned flags, char **out, size_t *len, rs_error *err)
{
    rs_status st = built ? built : rs_render(rep, format, flags, out, len, err);
    rs_report_free(rep);
    return st;
}

static inline rs_status render_scan(const rs_lexicon *lex, const rs_scan_result *r, size_t n,
                                    rs_output format, unsigned flags, char **out, size_t *len,
                                    rs_error *err)
{
    rs_report *rep = NULL;
    rs_status st = rs_report_scan(lex, r, n, NULL, &rep, err);
    return render_built(st, rep, format, flags, out, len, err);
}

static inline rs_status render_score(const rs_roles *roles, const rs_lexicon *lex,
                                     const rs_score_result *r, size_t n,
                                     const rs_report_options *ro, rs_output format,
                                     unsigned flags, char **out, size_t *len, rs_error *err)
{
    rs_report *rep = NULL;
    rs_status st = rs_report_score(roles, lex, r, n, ro, &rep, err);
    return render_built(st, rep, format, flags, out, len, err);
}

static inline rs_status render_match(const rs_roles *roles, const rs_lexicon *lex,
                                     const char *resume, const rs_match_result *r, size_t n,
                                     const rs_report_options *ro, rs_output format,
                                     char **out, size_t *len, rs_error *err)
{
    rs_report *rep = NULL;
    rs_status st = rs_report_match(roles, lex, resume, r, n, ro, &rep, err);
    return render_built(st, rep, format, 0, out, len, err);
}

static inline rs_status render_row(const rs_roles *roles, const rs_lexicon *lex,
                                   const rs_classification *c, rs_output format, char **out,
                                   size_t *len, rs_error *err)
{
    rs_report *rep = NULL;
    rs_status st = rs_report_classification(roles, lex, c, &rep, err);
    return render_built(st, rep, format, 0, out, len, err);
}

static inline rs_status render_batch(const rs_batch *b, const rs_report_options *ro,
                                     rs_output format, char **out, size_t *len, rs_error *err)
{
    rs_report *rep = NULL;
    rs_status st = rs_report_batch(b, ro, &rep, err);
    return render_built(st, rep, format, 0, out, len, err);
}

#endif
