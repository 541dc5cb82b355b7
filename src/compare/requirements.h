/* requirements.h — what a posting asks for, read once for every command
 * (match, classify, report --job, the batch summary): each skill found
 * outside benefits and boilerplate, weighted by the section that asks for
 * it, must-have or preferred, the years asked in its clause, and the
 * skills named only to say they are not needed. The clause reading is
 * qualify.c's. */
#ifndef RS_REQUIREMENTS_H
#define RS_REQUIREMENTS_H

#include "internal.h"

/* The posting side of an rs_requirement for each skill of scan that doc
 * asks for (resume fields 0), in scan order, into *reqs (count *n); the
 * skills only negated into *negated (count *n_negated). sections are
 * doc's (rs_sections_find). Both arrays are the caller's (rs__free);
 * each has room for every hit. */
rs_status rs__requirements_read(const rs_lexicon *lex, const rs_document *doc,
                                const rs_section *sections, size_t section_count,
                                const rs_scan *scan,
                                rs_requirement **reqs, size_t *n, size_t **negated,
                                size_t *n_negated, rs_error *err);

/* Copies of what r asks for and says is not needed, in new arrays (the
 * caller's, rs__free), as rs__requirements_read gives them. */
rs_status rs__requirements_copy(const rs_requirements *r, rs_requirement **reqs, size_t *n,
                                size_t **negated, size_t *n_negated, rs_error *err);

/* The years of experience a posting asks of the candidate, 0 when none:
 * the most any "N years" phrase asks under its requirements (or in a
 * posting with no requirements heading, one that names experience: "5+
 * years", "3 years of experience with Go"). A preferred section's years
 * are not required; company age ("40+ years of change"), team history
 * and "24/7" are not asked of anyone. *line gets the phrase's line. */
int rs__requirements_years(const rs_document *doc, const rs_section *sections,
                           size_t section_count, unsigned *line);

/* A soft skill, methodology or business topic: named by every posting,
 * stated by few resumes; it weighs little unless stressed. */
bool rs__soft_skill(const rs_lexicon *lex, size_t skill);

/* The section kind of a 1-based line (the last section starting at or
 * before it). */
rs_section_kind rs__section_of(const rs_section *s, size_t n, unsigned line);

#endif
