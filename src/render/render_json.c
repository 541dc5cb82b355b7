/* render_json.c — the `--format json` document of `rolescan scan`, written
 * with jansson; its shape is docs/schema/scan.schema.json. */
#include "internal.h"

#include "json_util.h"
#include <stdlib.h>
#include <string.h>

#define S_SCHEMA_ID "https://rolescan.dev/schema/scan-1.json"

#define S_set rs__json_set
#define S_push rs__json_push

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

static json_t *S_skill(const rs_lexicon *lex, const rs_document *doc,
                       const rs_skill_hit *h, bool *ok)
{
    rs_skill_info info = rs_lexicon_skill(lex, h->skill);
    json_t *o = json_object();
    S_set(o, "id", json_string(info.id), ok);
    S_set(o, "name", json_string(info.name), ok);
    S_set(o, "category", json_string(info.category), ok);
    S_set(o, "count", json_integer((json_int_t)h->count), ok);
    S_set(o, "implied_by",
          h->implied_by == (size_t)-1 ? json_null()
                                      : json_string(rs_lexicon_skill(lex, h->implied_by).id),
          ok);
    S_set(o, "claimed", json_boolean(rs_hit_claimed(doc, h)), ok);
    json_t *evs = json_array();
    for (size_t i = 0; i < h->evidence_count && *ok; i++) {
        json_t *ev = rs__json_evidence(doc, &h->evidence[i], ok);
        if (ev && h->implied_by == (size_t)-1)
            S_set(ev, "claim", json_string(rs_claim_name(rs_evidence_claim(doc, &h->evidence[i]))),
                  ok);
        S_push(evs, ev, ok);
    }
    S_set(o, "evidence", evs, ok);
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

static json_t *S_document(const rs_lexicon *lex, const rs_scan_result *r, bool *ok)
{
    json_t *o = json_object();
    S_set(o, "input", json_string(r->name), ok);
    if (!r->doc || !r->scan) {
        S_set(o, "status", json_string("error"), ok);
        if (r->error)
            S_set(o, "error", rs__json_error(r->error, ok), ok);
        return o;
    }
    const rs_text *text = rs_document_text(r->doc);
    S_set(o, "status", json_string("ok"), ok);
    S_set(o, "encoding", json_string(rs_encoding_name(rs_text_encoding(text))), ok);
    json_t *warnings = json_array();
    if (rs_text_warning(text))
        S_push(warnings, json_string(rs_text_warning(text)), ok);
    for (size_t i = 0; i < rs_scan_warning_count(r->scan); i++)
        S_push(warnings, json_string(rs_scan_warning(r->scan, i)), ok);
    S_set(o, "warnings", warnings, ok);
    json_t *skills = json_array();
    size_t n = rs_scan_hit_count(r->scan);
    for (size_t i = 0; i < n && *ok; i++)
        S_push(skills, S_skill(lex, r->doc, rs_scan_hit(r->scan, i), ok), ok);
    S_set(o, "skills", skills, ok);
    return o;
}

rs_status rs_render_scan_json(const rs_lexicon *lex, const rs_scan_result *results,
                              size_t count, unsigned flags, char **out, size_t *len,
                              rs_error *err)
{
    (void)flags;
    bool ok = true;
    json_t *root = json_object();
    S_set(root, "$schema", json_string(S_SCHEMA_ID), &ok);
    S_set(root, "rolescan", json_string(RS_VERSION), &ok);
    S_set(root, "lexicon", rs__json_lexicon(lex, &ok), &ok);
    json_t *docs = json_array();
    for (size_t i = 0; i < count && ok; i++)
        S_push(docs, S_document(lex, &results[i], &ok), &ok);
    S_set(root, "documents", docs, &ok);
    return rs__json_finish(root, ok, out, len, err);
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
