/* odt.c — an ODT (OpenDocument text) document's text: the mimetype must
 * name a text document, a manifest that declares encryption refuses the
 * document, then styles.xml (its headers and footers) and content.xml are
 * walked as text parts (office_text.c). */
#include "office_internal.h"

#include <string.h>

/* ---- ODT ---------------------------------------------------------------- */

static bool S_contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *p = n ? memchr(s, needle[0], n) : NULL; p;
         p = memchr(p + 1, needle[0], n - (size_t)(p + 1 - s)))
        if ((size_t)(s + n - p) >= k && memcmp(p, needle, k) == 0)
            return true;
    return false;
}

/* The mimetype entry, when there is one, must name a text document
 * (text, text-template, text-master). */
static rs_status S_odt_mimetype(S_doc *d)
{
    zip_int64_t idx = rs__zip_find(d, "mimetype");
    if (idx < 0)
        return RS_OK;
    char *data;
    size_t len;
    rs_status st = rs__zip_load(d, (zip_uint64_t)idx, "mimetype", &data, &len);
    if (st)
        return st;
    static const char want[] = "application/vnd.oasis.opendocument.text";
    size_t k = sizeof want - 1;
    while (len && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' '))
        len--;
    bool ok = len >= k && memcmp(data, want, k) == 0 && (len == k || data[k] == '-');
    if (!ok) {
        char shown[80];
        size_t n = 0;
        for (size_t i = 0; i < len && n + 1 < sizeof shown; i++)
            shown[n++] = data[i] > ' ' && data[i] < 0x7f ? data[i] : '?';
        shown[n] = '\0';
        st = rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                      "not an OpenDocument text: its mimetype is \"%s\"", shown);
    }
    rs__free(data);
    return st;
}

/* ODF encrypts parts itself (the zip entries look plain); the manifest
 * says so. */
static rs_status S_odt_encrypted(S_doc *d)
{
    static const char part[] = "META-INF/manifest.xml";
    zip_int64_t idx = rs__zip_find(d, part);
    if (idx < 0)
        return RS_OK;
    char *data;
    size_t len;
    rs_status st = rs__zip_load(d, (zip_uint64_t)idx, part, &data, &len);
    if (st)
        return st;
    if (S_contains(data, len, "encryption-data"))
        st = rs__office_encrypted(d, "the document");
    rs__free(data);
    return st;
}

rs_status rs__office_odt(S_doc *d)
{
    rs_status st = S_odt_mimetype(d);
    if (!st)
        st = S_odt_encrypted(d);
    if (st)
        return st;
    zip_int64_t idx = rs__zip_find(d, "content.xml");
    if (idx < 0)
        return rs__office_bad(d, "it has no content.xml (the main document part)");
    zip_int64_t styles = rs__zip_find(d, "styles.xml");
    if (styles >= 0) {
        st = rs__office_text_part(d, (zip_uint64_t)styles, "styles.xml", S_NS_OFFICE,
                                  "document-styles");
        rs__office_gap(&d->o);
    }
    if (!st)
        st = rs__office_text_part(d, (zip_uint64_t)idx, "content.xml", S_NS_OFFICE,
                                  "document-content");
    return st;
}

