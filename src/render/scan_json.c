/* scan_json.c — the `--format json` document of `rolescan scan`, written
 * with jansson; its shape is docs/schema/scan.schema.json. */
#include "internal.h"

#include "json_util.h"
#include <stdlib.h>
#include <string.h>

#define S_SCHEMA_ID "https://rolescan.dev/schema/scan-1.json"

#define S_set rs__json_set
#define S_push rs__json_push

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
