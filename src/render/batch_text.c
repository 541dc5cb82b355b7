/* batch_text.c — the text roll-up of `classify --summary`: postings per
 * track and rung, and the skills most asked for at each rung. */
#include "batch_internal.h"
#include "render/render_internal.h"
#include "render/report_internal.h"

#include <string.h>

rs_status rs__render_batch_text(const rs_report *r, unsigned flags, char **out, size_t *len,
                                rs_error *err)
{
    (void)flags;
    const rs_batch *b = r->batch;
    rs_buf o;
    rs__buf_init(&o, 0);
    rs__buf_printf(&o, "\nsummary: %zu postings, %zu failed\n\npostings per track and rung\n%-14s",
                   b->total, b->errors, "track");
    for (int g = 1; g <= 8; g++)
        rs__buf_printf(&o, "%6d", g);
    rs__buf_putc(&o, '\n');
    for (size_t t = 0; t < b->track_count; t++) {
        rs__buf_printf(&o, "%-14s", rs_roles_track(b->roles, t).id);
        for (int g = 1; g <= 8; g++)
            rs__buf_printf(&o, "%6zu", b->track_rung[t * 9 + (size_t)g]);
        rs__buf_putc(&o, '\n');
    }
    rs__buf_puts(&o, "\nmost asked-for skills per rung\n");
    for (int g = 1; g <= 8; g++) {
        size_t top[8];
        size_t k = rs__batch_top_skills(b, g, top, 8);
        if (!k)
            continue;
        rs__buf_printf(&o, "  rung %d:", g);
        for (size_t q = 0; q < k; q++) {
            rs__buf_putc(&o, ' ');
            const char *name = rs_lexicon_skill(b->lex, top[q]).name;
            rs__escape_terminal(&o, name, strlen(name));
            rs__buf_printf(&o, " (%zu)%s", b->skill_rung[top[q] * 9 + (size_t)g],
                           q + 1 < k ? "," : "");
        }
        rs__buf_putc(&o, '\n');
    }
    *out = rs__buf_detach(&o, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
