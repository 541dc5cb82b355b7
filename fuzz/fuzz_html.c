/* fuzz_html.c — the HTML reader: rs_html_read (libxml2's HTML parser in
 * recovery mode, the block/inline walk, dropped elements, entities, the
 * JSON-LD JobPosting in <script type="application/ld+json"> with its own
 * HTML description), with and without the info, then the text it gives
 * normalized as a document. */
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
    rs_error err = {0};
    rs_text *text = NULL;
    rs_html_info info = {0};
    /* The first byte's low bit: ask for the info or not (two paths). */
    rs_html_info *want = size && (data[0] & 1) ? NULL : &info;
    rs_status st = rs_html_read("fuzz.html", data, size, RS_DEFAULT_MAX_INPUT, &text, want, &err);
    rs_fuzz_check_quiet("fuzz_html");
    if (st != RS_OK) {
        if (info.title || info.experience) {
            fprintf(stderr, "fuzz_html: info left set after a failure\n");
            abort();
        }
        return 0;
    }
    if (info.title)
        (void)strlen(info.title);
    if (info.experience)
        (void)strlen(info.experience);
    rs_html_info_free(&info);
    if (strlen(rs_text_data(text)) != rs_text_length(text)) {
        fprintf(stderr, "fuzz_html: text length disagrees with its NUL\n");
        abort();
    }
    rs_document *doc = NULL;
    if (rs_document_new(text, &doc, &err) == RS_OK)
        (void)rs_document_position(doc, rs_text_length(rs_document_text(doc)));
    rs_document_free(doc);
    return 0;
}
