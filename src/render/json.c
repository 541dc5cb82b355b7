/* json.c — the pieces every JSON document shares: the lexicon stamp, an
 * evidence object, an error object, and writing the tree out. */
#include "internal.h"

#include "json_util.h"
#include <string.h>

#define S_set rs__json_set

json_t *rs__json_lexicon(const rs_lexicon *lex, bool *ok)
{
    json_t *o = json_object();
    rs_lexicon_stats st = rs_lexicon_get_stats(lex);
    S_set(o, "version", json_string(rs_lexicon_version(lex)), ok);
    S_set(o, "hash", json_string(rs_lexicon_hash(lex)), ok);
    S_set(o, "skills", json_integer((json_int_t)st.skills), ok);
    return o;
}

json_t *rs__json_evidence(const rs_document *doc, const rs_evidence *ev, bool *ok)
{
    char text[512], context[512];
    rs_evidence_text(doc, ev, text, sizeof text);
    rs_evidence_context(doc, ev, context, sizeof context);
    json_t *o = json_object();
    S_set(o, "line", json_integer(ev->line), ok);
    S_set(o, "column", json_integer(ev->column), ok);
    if (ev->page) {   /* paged text (PDF) */
        S_set(o, "page", json_integer(ev->page), ok);
        S_set(o, "page_line", json_integer(ev->page_line), ok);
    }
    S_set(o, "text", json_string(text), ok);
    S_set(o, "context", json_string(context), ok);
    return o;
}

json_t *rs__json_error(const rs_error *e, bool *ok)
{
    json_t *o = json_object();
    S_set(o, "code", json_string(rs_strerror(e->status)), ok);
    S_set(o, "message", json_string(e->message), ok);
    if (e->line)
        S_set(o, "line", json_integer(e->line), ok);
    return o;
}

/* The JSON is written straight into an rs_buf, whose failure sticks, not
 * with json_dumps: that (jansson 2.14) ignores a failed allocation while
 * writing an object's key and returns JSON with the key cut short as if all
 * went well, and its string comes from jansson's allocator, not libc's. */
static int S_dump_to_buf(const char *bytes, size_t size, void *data)
{
    return rs__buf_append(data, bytes, size) ? 0 : -1;
}

rs_status rs__json_finish(json_t *root, bool ok, char **out, size_t *len, rs_error *err)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    if (!ok || json_dump_callback(root, S_dump_to_buf, &b,
                                  JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                      JSON_REAL_PRECISION(6)) != 0)
        b.failed = true;
    json_decref(root);
    rs__buf_putc(&b, '\n');
    *out = rs__buf_detach(&b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}
