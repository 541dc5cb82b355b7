/* fuzz_scan.c — the tokenizer and the matcher: rs_document_tokens and
 * rs_scan_run with the shipped lexicons (lexicons/, loaded once), then
 * every hit's evidence read back (rs_evidence_text and
 * rs_evidence_context, with a small buffer too, to cut on character
 * boundaries) and the scan's warnings; then what the first lines say
 * (rs_document_person, rs_document_heading, with a small buffer too) and
 * the input quoted without its markup (rs__strip_markup, every flag). */
#include "fuzz.h"
#include "render/render_internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_fuzz_lexicons(1);
    return 0;
}

static void S_fail(const char *what)
{
    fprintf(stderr, "fuzz_scan: %s\n", what);
    abort();
}

/* A name lies inside the text, at the line and column it says; a heading
 * fits its buffer. */
static void S_first_lines(const rs_document *doc, const rs_scan *scan)
{
    rs_evidence who;
    int found = rs_document_person(rs_fuzz_roles, doc, scan, &who);
    size_t len = rs_text_length(rs_document_text(doc));
    if (found == 1 && (who.orig_start >= who.orig_end || who.orig_end > len))
        S_fail("person outside the text");
    rs_position at = found == 1 ? rs_document_position(doc, who.orig_start) : (rs_position){0};
    if (found == 1 && (at.line != who.line || at.column != who.column))
        S_fail("person off its line or column");
    char big[200], small[5];
    if (rs_document_heading(doc, big, sizeof big) >= sizeof big ||
        rs_document_heading(doc, small, sizeof small) >= sizeof small)
        S_fail("heading longer than its buffer");
}

/* Stripping never grows the text by more than its pipes' " · " (4 bytes
 * for 1), and the mark stays an ordered range inside what was written. */
static void S_strip(const uint8_t *data, size_t size)
{
    for (unsigned flags = 0; flags < 8; flags++) {
        rs_buf b;
        rs__buf_init(&b, 0);
        size_t mark[2] = {size / 3, size / 2};
        if (rs__strip_markup(&b, (const char *)data, size, flags, mark) &&
            (b.len > 4 * size || mark[0] > mark[1] || mark[1] > b.len))
            S_fail("markup stripping grew the text or lost the mark");
        rs__buf_free(&b);
    }
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
        S_first_lines(doc, scan);
    }
    S_strip(data, size < 4096 ? size : 4096);
    rs_scan_free(scan);
    rs_document_free(doc);
    return 0;
}
