/* office_styles.c — the styles of a DOCX or ODT by id: which hide their
 * text (DOCX w:vanish, ODT text:display="none"), each following the style
 * it is based on, as a word processor resolves them. docx.c adds the list
 * styles' numbering. */
#include "office_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_BASED 16 /* bases followed: a loop of styles ends there */

bool rs__office_attr_dup(xmlTextReaderPtr r, const char *local, char **slot)
{
    xmlChar *v = rs__office_attr(r, local);
    if (!v)
        return true;
    char *copy = rs__strdup((const char *)v);
    xmlFree(v);
    if (!copy)
        return false;
    rs__free(*slot);
    *slot = copy;
    return true;
}

rs_status rs__office_style_add(S_doc *d, xmlTextReaderPtr r, const char *id_attr,
                               const char *based_attr, S_style **out)
{
    S_styles *s = &d->styles;
    *out = NULL;
    if (s->n >= S_MAX_STYLES)
        return RS_OK;
    if (!rs__grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v))
        return rs__nomem(d->err, d->name);
    S_style *st = &s->v[s->n];
    *st = (S_style){NULL, NULL, -1, -1, false};
    if (!rs__office_attr_dup(r, id_attr, &st->id) ||
        (based_attr && !rs__office_attr_dup(r, based_attr, &st->based))) {
        rs__free(st->id);
        rs__free(st->based);
        return rs__nomem(d->err, d->name);
    }
    if (!st->id) {
        rs__free(st->based);
        return RS_OK;
    }
    s->n++;
    s->sorted = false;
    *out = st;
    return RS_OK;
}

static int S_cmp_style(const void *a, const void *b)
{
    return strcmp(((const S_style *)a)->id, ((const S_style *)b)->id);
}

const S_style *rs__office_style_find(S_styles *s, const char *id)
{
    if (!id || !s->n)
        return NULL;
    if (!s->sorted) {   /* styles are all read before the text using them */
        qsort(s->v, s->n, sizeof *s->v, S_cmp_style);
        s->sorted = true;
    }
    S_style key = {(char *)(uintptr_t)id, NULL, -1, -1, false};
    return bsearch(&key, s->v, s->n, sizeof *s->v, S_cmp_style);
}

bool rs__office_style_hides(S_doc *d, xmlTextReaderPtr r, const char *local)
{
    if (!d->styles.n)
        return false;
    xmlChar *v = rs__office_attr(r, local);
    const S_style *st = rs__office_style_find(&d->styles, (const char *)v);
    if (v)
        xmlFree(v);
    for (int step = 0; st && step < S_MAX_BASED; step++) {
        if (st->hides >= 0)
            return st->hides == 1;
        st = rs__office_style_find(&d->styles, st->based);
    }
    return false;
}

void rs__office_styles_free(S_styles *s)
{
    for (size_t i = 0; i < s->n; i++) {
        rs__free(s->v[i].id);
        rs__free(s->v[i].based);
    }
    rs__free(s->v);
    rs__free(s->lists);
    memset(s, 0, sizeof *s);
}
