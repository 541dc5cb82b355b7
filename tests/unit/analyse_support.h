/* analyse_support.h — a text through the whole pipeline (decode,
 * document, scan, analysis with "present" = Nov 2026) with the lexicons of
 * support.h, for the unit tests of the analysis stage. Include after
 * "support.h". */
#ifndef RS_TEST_ANALYSE_SUPPORT_H
#define RS_TEST_ANALYSE_SUPPORT_H

#include <string.h>

static const rs_date S_as_of = {2026, 11};

typedef struct analysed {
    rs_document *doc;
    rs_scan *scan;
    rs_analysis *a;
} analysed;

static analysed analyse(const char *text)
{
    analysed x = {0};
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_decode("cv.txt", (const unsigned char *)text, strlen(text), 0,
                                    &t, &err), RS_OK);
    assert_int_equal(rs_document_new(t, &x.doc, &err), RS_OK);
    if (rs_scan_run(S_lex, x.doc, &x.scan, &err) != RS_OK)
        fail_msg("scan failed: %s", err.message);
    rs_analysis_options opts = {.as_of = S_as_of};
    if (rs_analyze(S_roles, S_lex, x.doc, x.scan, &opts, &x.a, &err) != RS_OK)
        fail_msg("analysis failed: %s", err.message);
    return x;
}

static void analysed_free(analysed *x)
{
    rs_analysis_free(x->a);
    rs_scan_free(x->scan);
    rs_document_free(x->doc);
}

#endif
