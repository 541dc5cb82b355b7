/* fuzz_office.c — the DOCX and ODT readers: rs_text_from_bytes with
 * RS_FORMAT_DOCX or RS_FORMAT_ODT (libzip from memory, the size and ratio
 * limits against zip bombs, the XML walk of paragraphs, tables, lists,
 * headers, footers, text boxes, tracked changes). The first byte picks the
 * reader (even: DOCX, odd: ODT); the rest is the document. Seeds are real
 * documents with that byte in front. */
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
    if (size < 1)
        return 0;
    rs_format fmt = (data[0] & 1) ? RS_FORMAT_ODT : RS_FORMAT_DOCX;
    if (!rs_format_supported(fmt))
        return 0;
    rs_error err = {0};
    rs_text *text = NULL;
    if (rs_text_from_bytes(fmt == RS_FORMAT_ODT ? "fuzz.odt" : "fuzz.docx", data + 1, size - 1,
                           fmt, RS_DEFAULT_MAX_INPUT, &text, &err) == RS_OK) {
        if (strlen(rs_text_data(text)) != rs_text_length(text)) {
            fprintf(stderr, "fuzz_office: text length disagrees with its NUL\n");
            abort();
        }
        (void)rs_format_sniff("fuzz", data + 1, size - 1);
    }
    rs_text_free(text);
    rs_fuzz_check_quiet("fuzz_office");
    return 0;
}
