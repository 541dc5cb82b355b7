/* fuzz_text.c — decoding and normalization: rs_text_decode on the raw
 * bytes (BOMs, UTF-16, invalid UTF-8 repair, Windows-1252, binary refusal),
 * rs_document_new (NFKC, case folding, accent stripping, hyphen joining and
 * the offset map), the offset map and rs_document_position on a few
 * offsets, and the reference normalizer on the decoded text. */
#include "fuzz.h"
#include "text/text_internal.h"
#include "internal.h"   /* rs__normalize_reference */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_global_init();
    rs_fuzz_trap_libxml_output();
    return 0;
}

/* A broken invariant is a finding: stop where libFuzzer sees it. */
#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "fuzz_text: check failed: %s\n", #cond);         \
            abort();                                                         \
        }                                                                    \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_error err = {0};
    rs_text *text = NULL;
    if (rs_text_decode("fuzz.txt", data, size, RS_DEFAULT_MAX_INPUT, &text, &err) != RS_OK)
        return 0;
    const char *s = rs_text_data(text);
    size_t len = rs_text_length(text);
    CHECK(s && strlen(s) == len);
    (void)rs_text_warning(text);
    (void)rs_encoding_name(rs_text_encoding(text));

    size_t ref_len = 0;
    rs__free(rs__normalize_reference(s, len, &ref_len));

    rs_document *doc = NULL;
    if (rs_document_new(text, &doc, &err) != RS_OK)   /* owns text even on failure */
        return 0;
    size_t norm_len = 0;
    const char *norm = rs_document_normalized(doc, &norm_len);
    CHECK(norm != NULL);

    /* The offset map, at the ends, the middle and offsets the input picks. */
    size_t picks[8] = {0, norm_len, norm_len / 2, norm_len ? norm_len - 1 : 0, norm_len + 7};
    size_t npicks = 5;
    for (size_t i = 0; i + 2 <= size && npicks < 8; i += 2 + size / 4)
        picks[npicks++] = ((size_t)data[i] << 8 | data[i + 1]) % (norm_len + 1);
    for (size_t i = 0; i < npicks; i++) {
        size_t orig = rs_document_original_offset(doc, picks[i]);
        CHECK(orig <= len);
        rs_position p = rs_document_position(doc, orig);
        CHECK(p.line >= 1 && p.column >= 1);
    }
    /* Original offsets directly, past the end too. */
    size_t offs[5] = {0, len, len / 2, len / 3, len + 100};
    for (size_t i = 0; i < 5; i++) {
        rs_position p = rs_document_position(doc, offs[i]);
        CHECK(p.line >= 1 && p.column >= 1);
    }
    rs_document_free(doc);
    return 0;
}

