/* sections_internal.h — what the sections module tells the analysis
 * (dates.c) beyond the public API. */
#ifndef RS_SECTIONS_INTERNAL_H
#define RS_SECTIONS_INTERNAL_H

#include "internal.h"

/* A resume section of what a person does outside paid work: volunteering,
 * clubs and societies, extracurricular activities, awards and honours,
 * memberships, interests. The public API has no kind for it yet:
 * rs_sections_find() reports it as RS_SECTION_OTHER; rs__sections_find()
 * keeps it, so that dates there are not taken for work experience. */
#define RS__SECTION_ACTIVITIES ((rs_section_kind)64)

/* rs_sections_find(), with RS__SECTION_ACTIVITIES kept. */
rs_status rs__sections_find(const rs_document *doc, rs_doc_kind kind, rs_section **out,
                            size_t *count, rs_error *err);

/* Is the normalized word (len bytes) a word of a resume's headings
 * ("summary", "career", "skills", "core")? Plurals match singulars. */
bool rs__heading_word(const char *word, size_t len);

#endif
