/* docx.c — a DOCX (WordprocessingML) document's text: [Content_Types].xml
 * names the main document part; word/styles.xml tells which paragraph
 * styles make list items; the headers and footers come first, then the
 * main document, then footnotes and endnotes. Reading the parts and
 * walking their text is office_text.c's. */
#include "office_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_BASED 16    /* w:basedOn steps followed */
#define S_NAME_MAX 256    /* a part name we report or look up */

/* ---- DOCX --------------------------------------------------------------- */

static const char *const S_docx_types[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
};

/* Part names that are safe to print and to look up: printable ASCII. */
static bool S_safe_name(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if ((unsigned char)s[n] <= ' ' || (unsigned char)s[n] >= 0x7f)
            return false;
    return n > 0 && n < S_NAME_MAX;
}

/* [Content_Types].xml: the part whose content type is a main document. */
static rs_status S_types_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    (void)d;
    (void)skip;
    char *main_part = ctx;
    if (type != XML_READER_TYPE_ELEMENT || main_part[0] || !rs__office_name_is(r, "Override"))
        return RS_OK;
    xmlChar *ct = xmlTextReaderGetAttribute(r, BAD_CAST "ContentType");
    bool is_main = false;
    for (size_t i = 0; ct && i < sizeof S_docx_types / sizeof S_docx_types[0]; i++)
        is_main = is_main || strcmp((const char *)ct, S_docx_types[i]) == 0;
    if (ct)
        xmlFree(ct);
    xmlChar *pn = is_main ? xmlTextReaderGetAttribute(r, BAD_CAST "PartName") : NULL;
    const char *name = pn ? (const char *)pn + (pn[0] == '/') : NULL;
    if (name && S_safe_name(name))
        snprintf(main_part, S_NAME_MAX, "%s", name);
    if (pn)
        xmlFree(pn);
    return RS_OK;
}

static rs_status S_style_open(S_doc *d, S_styles *s, xmlTextReaderPtr r)
{
    xmlChar *type = rs__office_attr(r, "type");
    bool para = !type || strcmp((const char *)type, "paragraph") == 0;
    bool chars = type && strcmp((const char *)type, "character") == 0;
    if (type)
        xmlFree(type);
    if (!para && !chars)
        return RS_OK;
    S_style *st;
    rs_status status = rs__office_style_add(d, r, "styleId", NULL, &st);
    if (status || !st)
        return status;
    st->para = para;
    s->in = !xmlTextReaderIsEmptyElement(r);
    return RS_OK;
}

/* <w:vanish/>, or w:val="true", "1" or "on": hidden; "false", "0", "off":
 * shown. */
static bool S_vanish_on(xmlTextReaderPtr r)
{
    return !rs__office_attr_is(r, "val", "false") && !rs__office_attr_is(r, "val", "0") &&
           !rs__office_attr_is(r, "val", "off");
}

/* word/styles.xml: each paragraph style's base and numbering, and whether
 * paragraph and character styles hide their text. */
static rs_status S_style_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    S_styles *s = ctx;
    S_ns_cache c = {0};
    if (type == XML_READER_TYPE_END_ELEMENT && rs__office_name_is(r, "style"))
        s->in = false;
    if (type != XML_READER_TYPE_ELEMENT || rs__office_ns_cached(&c, r) != S_NS_W)
        return RS_OK;
    if (rs__office_name_is(r, "style")) {
        s->in = false;
        return S_style_open(d, s, r);
    }
    if (!s->in)
        return RS_OK;
    S_style *st = &s->v[s->n - 1];
    if (rs__office_name_is(r, "basedOn") && !rs__office_attr_dup(r, "val", &st->based))
        return rs__nomem(d->err, d->name);
    if (rs__office_name_is(r, "numPr"))
        st->num = 1;
    else if (rs__office_name_is(r, "numId") && rs__office_attr_is(r, "val", "0"))
        st->num = 0;
    else if (rs__office_name_is(r, "vanish"))
        s->any_hides |= (st->hides = S_vanish_on(r)) == 1;
    else if (rs__office_name_is(r, "pPrChange") || rs__office_name_is(r, "rPrChange"))
        *skip = true;   /* the formatting before a revision */
    return RS_OK;
}

/* Whether a paragraph style is a list style, following w:basedOn. */
static bool S_style_is_list(S_styles *s, const S_style *st)
{
    for (int step = 0; st && step < S_MAX_BASED; step++) {
        if (st->num >= 0)
            return st->num == 1;
        st = rs__office_style_find(s, st->based);
    }
    return false;
}

static rs_status S_docx_styles(S_doc *d, const char *dir)
{
    char part[S_NAME_MAX + 16];
    snprintf(part, sizeof part, "%sstyles.xml", dir);
    S_styles *s = &d->styles;
    rs_status st = rs__office_optional(d, part, S_style_node, s);
    if (st || !s->n)
        return st;
    s->lists = rs__malloc(s->n * sizeof *s->lists);
    if (!s->lists)
        return rs__nomem(d->err, d->name);
    rs__office_style_find(s, "");   /* sorts: ids in lists stay put */
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].para && S_style_is_list(s, &s->v[i]))
            s->lists[s->nlists++] = s->v[i].id;
    return RS_OK;
}

static int S_cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the w:pStyle at r names a list style. */
bool rs__office_list_style(const S_doc *d, xmlTextReaderPtr r)
{
    if (!d->styles.nlists)
        return false;
    xmlChar *v = rs__office_attr(r, "val");
    const char *key = (const char *)v;
    bool found = key && bsearch(&key, d->styles.lists, d->styles.nlists,
                                sizeof *d->styles.lists, S_cmp_id);
    if (v)
        xmlFree(v);
    return found;
}

typedef struct S_entry {
    const char *name;
    zip_uint64_t idx;
} S_entry;

/* dir + "header" (or "footer") + [A-Za-z0-9_-]* + ".xml" */
static bool S_is_part_of(const char *name, const char *dir, const char *what)
{
    size_t dn = strlen(dir), wn = strlen(what), n = strlen(name);
    if (n < dn + wn + 4 || strncmp(name, dir, dn) != 0 || strncmp(name + dn, what, wn) != 0 ||
        strcmp(name + n - 4, ".xml") != 0)
        return false;
    for (size_t i = dn + wn; i < n - 4; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", name[i]))
            return false;
    return true;
}

/* Headers before footers, each in number order (header2 before header10). */
static int S_cmp_entry(const void *a, const void *b)
{
    const char *x = ((const S_entry *)a)->name, *y = ((const S_entry *)b)->name;
    const char *fx = strrchr(x, '/'), *fy = strrchr(y, '/');
    int gx = (fx ? fx[1] : x[0]) == 'f', gy = (fy ? fy[1] : y[0]) == 'f';
    if (gx != gy)
        return gx - gy;
    size_t nx = strlen(x), ny = strlen(y);
    return nx != ny ? (nx < ny ? -1 : 1) : strcmp(x, y);
}

static rs_status S_docx_headers(S_doc *d, const char *dir)
{
    zip_int64_t n = RS_ZIP(zip_get_num_entries)(d->za, 0);
    S_entry *v = NULL;
    size_t count = 0, cap = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = RS_ZIP(zip_get_name)(d->za, (zip_uint64_t)i, 0);
        if (!name || strlen(name) >= S_NAME_MAX ||
            (!S_is_part_of(name, dir, "header") && !S_is_part_of(name, dir, "footer")))
            continue;
        if (!rs__grow((void **)&v, &cap, count + 1, sizeof *v)) {
            rs__free(v);
            return rs__nomem(d->err, d->name);
        }
        v[count++] = (S_entry){name, (zip_uint64_t)i};
    }
    if (count)
        qsort(v, count, sizeof *v, S_cmp_entry);
    rs_status st = RS_OK;
    for (size_t i = 0; i < count && !st; i++)
        st = rs__office_text_part(d, v[i].idx, v[i].name, S_NS_OTHER, NULL);
    rs__free(v);
    rs__office_gap(&d->o);
    return st;
}

rs_status rs__office_docx(S_doc *d)
{
    char main_part[S_NAME_MAX] = "";
    rs_status st = rs__office_optional(d, "[Content_Types].xml", S_types_node, main_part);
    if (st)
        return st;
    zip_int64_t idx = main_part[0] ? rs__zip_find(d, main_part) : -1;
    if (idx < 0) {
        snprintf(main_part, sizeof main_part, "%s", "word/document.xml");
        idx = rs__zip_find(d, main_part);
    }
    if (idx < 0)
        return rs__office_bad(d, "it has no word/document.xml (the main document part)");
    char dir[S_NAME_MAX];
    const char *slash = strrchr(main_part, '/');
    size_t dn = slash ? (size_t)(slash - main_part) + 1 : 0;
    memcpy(dir, main_part, dn);
    dir[dn] = '\0';
    st = S_docx_styles(d, dir);
    if (!st)
        st = S_docx_headers(d, dir);
    if (!st)
        st = rs__office_text_part(d, (zip_uint64_t)idx, main_part, S_NS_W, "document");
    static const char *const notes[] = {"footnotes.xml", "endnotes.xml"};
    for (size_t i = 0; i < 2 && !st; i++) {
        char part[S_NAME_MAX + 16];
        snprintf(part, sizeof part, "%s%s", dir, notes[i]);
        zip_int64_t k = rs__zip_find(d, part);
        rs__office_gap(&d->o);
        if (k >= 0)
            st = rs__office_text_part(d, (zip_uint64_t)k, part, S_NS_OTHER, NULL);
    }
    return st;
}

