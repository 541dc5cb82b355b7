/* fuzz_pdf.c — the PDF reader: rs_text_from_bytes with RS_FORMAT_PDF
 * (poppler-glib from memory, encrypted and textless documents refused,
 * pages in reading order, columns one after the other, form feeds between
 * pages), then the text as a document with page positions. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rs_global_init();
    rs_fuzz_trap_libxml_output();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!rs_format_supported(RS_FORMAT_PDF))
        return 0;
    rs_error err = {0};
    rs_text *text = NULL;
    if (rs_text_from_bytes("fuzz.pdf", data, size, RS_FORMAT_PDF, RS_DEFAULT_MAX_INPUT, &text,
                           &err) != RS_OK) {
        rs_fuzz_check_quiet("fuzz_pdf");
        return 0;
    }
    if (strlen(rs_text_data(text)) != rs_text_length(text)) {
        fprintf(stderr, "fuzz_pdf: text length disagrees with its NUL\n");
        abort();
    }
    rs_document *doc = NULL;
    if (rs_document_new(text, &doc, &err) == RS_OK) {
        size_t len = rs_text_length(rs_document_text(doc));
        (void)rs_document_position(doc, len / 2);
        (void)rs_document_position(doc, len);
    }
    rs_document_free(doc);
    return 0;
}
