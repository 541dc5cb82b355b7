/* scan_json.c — the `--format json` document of `rolescan scan`, written
 * with the shared yajl writer (json.c); its shape is docs/schema/scan.schema.json. */
#include "render/report_internal.h"

#include "json_util.h"
#include <stdlib.h>
#include <string.h>

#define S_SCHEMA_ID "urn:rolescan:schema:scan:1"

static void S_skill(rs_jg *j, const rs_lexicon *lex, const rs_document *doc,
                    const rs_skill_hit *h)
{
    rs_skill_info info = rs_lexicon_skill(lex, h->skill);
    rs__jg_map(j);
    rs__jg_kstr(j, "id", info.id);
    rs__jg_kstr(j, "name", info.name);
    rs__jg_kstr(j, "category", info.category);
    rs__jg_kint(j, "count", (long long)h->count);
    rs__jg_key(j, "implied_by");
    if (h->implied_by == (size_t)-1)
        rs__jg_null(j);
    else
        rs__jg_str(j, rs_lexicon_skill(lex, h->implied_by).id);
    rs__jg_kbool(j, "claimed", rs_hit_claimed(doc, h));
    if (h->implied_by == (size_t)-1 && h->count > h->evidence_count)
        rs__jg_kint(j, "evidence_omitted", (long long)(h->count - h->evidence_count));
    rs__jg_key(j, "evidence");
    rs__jg_array(j);
    for (size_t i = 0; i < h->evidence_count && !j->failed; i++) {
        rs__jg_map(j);
        rs__json_evidence_fields(j, doc, &h->evidence[i]);
        if (h->implied_by == (size_t)-1)
            rs__jg_kstr(j, "claim",
                        rs_claim_name(rs_evidence_claim(doc, &h->evidence[i])));
        rs__jg_map_end(j);
    }
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

static void S_document(rs_jg *j, const rs_lexicon *lex, const rs__doc_view *r)
{
    rs__jg_map(j);
    rs__jg_kstr(j, "input", r->name);
    if (!r->doc || !r->scan) {
        rs__jg_kstr(j, "status", "error");
        if (r->error) {
            rs__jg_key(j, "error");
            rs__json_error(j, r->error);
        }
        rs__jg_map_end(j);
        return;
    }
    const rs_text *text = rs_document_text(r->doc);
    rs__jg_kstr(j, "status", "ok");
    rs__jg_kstr(j, "encoding", rs_encoding_name(rs_text_encoding(text)));
    rs__json_warnings(j, r->doc, r->scan);
    rs__jg_key(j, "skills");
    rs__jg_array(j);
    size_t n = rs_scan_hit_count(r->scan);
    for (size_t i = 0; i < n && !j->failed; i++)
        S_skill(j, lex, r->doc, rs_scan_hit(r->scan, i));
    rs__jg_array_end(j);
    rs__jg_map_end(j);
}

rs_status rs__render_scan_json(const rs_report *r, unsigned flags, char **out, size_t *len,
                               rs_error *err)
{
    (void)flags;
    const rs_lexicon *lex = r->lex;
    rs_buf b;
    rs_jg j;
    rs__json_document(&j, &b, S_SCHEMA_ID, lex, NULL, r->as_of);
    rs__jg_key(&j, "documents");
    rs__jg_array(&j);
    for (size_t i = 0; i < r->count && !j.failed; i++)
        S_document(&j, lex, &r->docs[i]);
    rs__jg_array_end(&j);
    rs__jg_map_end(&j);
    return rs__jg_finish(&j, &b, out, len, err);
}
