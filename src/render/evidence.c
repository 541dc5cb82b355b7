/* evidence.c — what every renderer says about a piece of evidence the
 * same way: the window of its line shown around a match, and the names of a
 * requirement's kind and of where the resume shows it. */
#include "render/render_internal.h"

#include <string.h>

static size_t S_char_start(const char *s, size_t i, size_t floor)
{
    while (i > floor && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

void rs__evidence_window(const rs_document *doc, const rs_evidence *ev, size_t before,
                         size_t max, rs_window *w)
{
    const char *s = rs_text_data(rs_document_text(doc));
    size_t len = rs_text_length(rs_document_text(doc));
    size_t a = ev->orig_start, z = ev->orig_end;
    while (a > 0 && s[a - 1] != '\n' && s[a - 1] != '\r' && ev->orig_start - a < before)
        a--;
    while (z < len && s[z] != '\n' && s[z] != '\r' && z - a < max)
        z++;
    a = S_char_start(s, a, 0);
    z = S_char_start(s, z, ev->orig_end);
    size_t lead = a;   /* is anything but blanks left out before a? */
    while (lead > 0 && (s[lead - 1] == ' ' || s[lead - 1] == '\t'))
        lead--;
    w->cut_left = lead > 0 && s[lead - 1] != '\n' && s[lead - 1] != '\r';
    while (a < ev->orig_start && (s[a] == ' ' || s[a] == '\t'))
        a++;
    w->cut_right = z < len && s[z] != '\n' && s[z] != '\r';
    while (z > ev->orig_end && (s[z - 1] == ' ' || s[z - 1] == '\t'))
        z--;
    w->start = a;
    w->end = z;
}

const char *rs__base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

const char *rs__requirement_evidence_name(const rs_requirement *q)
{
    if (q->by_role)
        return "your role";
    if (q->related != (size_t)-1)
        return "related";
    if (q->familiar)
        return "familiar";
    if (!q->have)
        return "missing";
    if (q->in_experience)
        return "experience";
    return q->skills_only ? "skills_only" : "mentioned";
}

const char *rs__requirement_kind_name(rs_req_kind k)
{
    return k == RS_REQ_MUST ? "must" : "preferred";
}

const char *rs__weight_name(rs_weight w)
{
    return w == RS_WEIGHT_CORE ? "core" : w == RS_WEIGHT_IMPORTANT ? "important" : "nice";
}
