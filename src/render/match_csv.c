/* match_csv.c — `rolescan match --format csv`: one row per posting. */
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <string.h>


/* ---- CSV --------------------------------------------------------------- */

/* Skill ids of one group of requirements, ';'-separated. */
static void S_ids(rs_buf *b, const rs_lexicon *lex, const rs_match *m, int group)
{
    rs_buf ids;
    rs__buf_init(&ids, 0);
    for (size_t i = 0; i < rs_match_requirement_count(m); i++) {
        const rs_requirement *q = rs_match_requirement(m, i);
        int g = rs_requirement_standing(q);
        if (g != group)
            continue;
        if (ids.len)
            rs__buf_putc(&ids, ';');
        rs__buf_puts(&ids, rs_lexicon_skill(lex, q->skill).id);
    }
    if (ids.failed)   /* a short id list never goes out as RS_OK */
        b->failed = true;
    rs__escape_csv(b, ids.data ? ids.data : "");
    rs__buf_free(&ids);
}

rs_status rs__render_match_csv(const rs_report *rep, unsigned flags, char **out, size_t *len,
                               rs_error *err)
{
    (void)flags;
    const rs_lexicon *lex = rep->lex;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs__buf_puts(&b, "rank,resume,posting,title,score,must,preferred,fit,years,posting_rung,"
                     "resume_rung,missing_must,missing_preferred,have,not_required,error\r\n");
    for (size_t i = 0; i < rep->count; i++) {
        const rs_match_result *r = &rep->matches[i];
        rs__buf_printf(&b, "%zu,", i + 1);
        rs__escape_csv(&b, rep->resume_name);
        rs__buf_putc(&b, ',');
        rs__escape_csv(&b, r->name);
        if (!r->match) {
            rs__buf_puts(&b, ",,,,,,,,,,,,,");
            rs__escape_csv(&b, r->error ? r->error->message : "not matched");
            rs__buf_puts(&b, "\r\n");
            continue;
        }
        const rs_match *m = r->match;
        rs_match_score s = rs_match_get_score(m);
        rs__buf_putc(&b, ',');
        rs__escape_csv(&b, rs_match_posting_title(m));
        rs__buf_printf(&b, ",%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,", s.score, s.must, s.preferred,
                       s.fit, s.years, rs_match_posting_rung(m), rs_match_resume_rung(m));
        S_ids(&b, lex, m, 0);
        rs__buf_putc(&b, ',');
        S_ids(&b, lex, m, 1);
        rs__buf_putc(&b, ',');
        S_ids(&b, lex, m, 2);
        rs__buf_putc(&b, ',');
        rs_buf neg;
        rs__buf_init(&neg, 0);
        for (size_t k = 0; k < rs_match_negated_count(m); k++)
            rs__buf_printf(&neg, "%s%s", k ? ";" : "", rs_lexicon_skill(lex, rs_match_negated(m, k)).id);
        if (neg.failed)   /* as in S_ids */
            b.failed = true;
        rs__escape_csv(&b, neg.data ? neg.data : "");
        rs__buf_free(&neg);
        rs__buf_puts(&b, ",\r\n");
    }
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
