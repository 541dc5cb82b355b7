/* sections.c — placeholder; see rs_sections_find in rolescan.h. */
#include "internal.h"

const char *rs_section_name(rs_section_kind kind)
{
    (void)kind;
    return "other";
}

rs_status rs_sections_find(const rs_document *doc, rs_doc_kind kind, rs_section **out,
                           size_t *count, rs_error *err)
{
    (void)doc;
    (void)kind;
    (void)out;
    (void)count;
    return rs__fail(err, RS_ERR_ARG, NULL, 0, "not written yet");
}
