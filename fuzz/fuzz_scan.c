/* fuzz_scan.c — the tokenizer and the matcher: rs_document_tokens and
 * rs_scan_run with the shipped skill lexicons (lexicons/, loaded once),
 * then every hit's evidence read back (rs_evidence_text and
 * rs_evidence_context, with a small buffer too, to cut on character
 * boundaries) and the scan's warnings. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_fuzz_lexicons(0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_error err = {0};
    rs_text *text = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    if (rs_text_decode("fuzz.txt", data, size, RS_DEFAULT_MAX_INPUT, &text, &err) != RS_OK)
        return 0;
    if (rs_document_new(text, &doc, &err) != RS_OK)
        return 0;
    const rs_token *tokens = NULL;
    size_t count = 0;
    if (rs_document_tokens(doc, &tokens, &count, &err) == RS_OK) {
        size_t norm_len = 0;
        (void)rs_document_normalized(doc, &norm_len);
        for (size_t i = 0; i < count; i++)
            if ((size_t)tokens[i].start + tokens[i].len > norm_len) {
                fprintf(stderr, "fuzz_scan: token %zu past the normalized text\n", i);
                abort();
            }
    }
    if (rs_scan_run(rs_fuzz_lex, doc, &scan, &err) == RS_OK) {
        char big[512], small[7];
        for (size_t i = 0; i < rs_scan_hit_count(scan); i++) {
            const rs_skill_hit *h = rs_scan_hit(scan, i);
            (void)rs_lexicon_skill(rs_fuzz_lex, h->skill);
            for (size_t k = 0; k < h->evidence_count; k++) {
                rs_evidence_text(doc, &h->evidence[k], big, sizeof big);
                rs_evidence_text(doc, &h->evidence[k], small, sizeof small);
                rs_evidence_context(doc, &h->evidence[k], big, sizeof big);
                rs_evidence_context(doc, &h->evidence[k], small, sizeof small);
            }
        }
        for (size_t i = 0; i < rs_scan_warning_count(scan); i++)
            (void)rs_scan_warning(scan, i);
    }
    rs_scan_free(scan);
    rs_document_free(doc);
    return 0;
}
