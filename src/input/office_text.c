/* office_text.c — DOCX and ODT documents become plain text. Both are zips
 * of XML parts (zip.c reads them under limits that refuse zip bombs), and
 * libxml2's streaming reader walks each part once (no tree, so a large part
 * costs little more than its bytes), turning paragraphs, headings, list
 * items and table cells into lines. This file holds what the two formats
 * share: what each element stands for, paragraphs and lists (blocktext.c
 * writes the lines), the XML part reader, the walk of a text part and the
 * entry point, which hands the document to docx.c or odt.c. The rule is
 * documented in input_internal.h (rs__office_read). */
#include "office_internal.h"
#include "util/xml_handler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_DEPTH 300   /* libxml2 stops at 256 (no XML_PARSE_HUGE); a guard */
#define S_MAX_SPACES 1000 /* text:s c="..." */
/* No NOENT, DTDLOAD or HUGE: no entities expanded, nothing fetched. */
#define S_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* ---- namespaces and what each element stands for ------------------------ */

#define S_TEXT_URI "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

static const struct {
    const char *uri;
    S_ns ns;
} S_namespaces[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", S_NS_W},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", S_NS_W}, /* Strict */
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", S_NS_MC},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", S_NS_M},
    {"http://purl.oclc.org/ooxml/officeDocument/math", S_NS_M},
    {S_TEXT_URI, S_NS_TEXT},
    {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", S_NS_TABLE},
    {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", S_NS_OFFICE},
    {"urn:oasis:names:tc:opendocument:xmlns:style:1.0", S_NS_STYLE},
    {"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", S_NS_DRAW},
    {"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", S_NS_SVG},
    {"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0", S_NS_PRES},
};

typedef enum S_act {
    S_INLINE = 0, /* its text, if it may hold any, flows through: runs, links */
    S_SKIP,       /* nothing inside is text: deletions, comments, field codes */
    S_TEXT,       /* holds the text (w:t) */
    S_PARA,       /* a paragraph or heading: a line */
    S_BLOCK,      /* ends the line before and after: tables, cells, text boxes */
    S_HEADER,     /* ODT header or footer: a block unless display="false" */
    S_ITEM,       /* ODT list item: "- " before its first paragraph */
    S_TAB, S_BREAK, S_HYPHEN, S_SPACES,
    S_NUMPR, S_NUMID, S_PSTYLE, /* DOCX paragraph properties that make lists */
    S_ALT, S_CHOICE,            /* mc:AlternateContent and its choices */
    S_SDT, S_PLACEHOLDER, S_SDT_CONTENT, /* content controls */
    S_RUN,        /* w:r: inline, and its properties may hide it */
    S_RPR,        /* w:rPr: its children are read only for S_VANISH */
    S_VANISH,     /* w:vanish, w:webHidden in a run's properties */
    S_RSTYLE,     /* w:rStyle: a run's character style, which may hide it */
    S_HIDDEN,     /* ODT text:hidden-text, text:hidden-paragraph */
    S_SPAN,       /* ODT text:span: inline, and its style may hide it */
    S_STYLES,     /* ODT office:styles, office:automatic-styles: no text */
    S_STYLE_DEF,  /* ODT style:style in them */
    S_TEXT_PROPS  /* ODT style:text-properties in a style:style */
} S_act;

typedef struct S_rule {
    S_ns ns;
    const char *name;
    S_act act;
    bool text; /* its own text nodes are document text */
} S_rule;

/* The namespaces are disjoint, so one table serves DOCX and ODT. */
static const S_rule S_rules[] = {
    /* WordprocessingML */
    {S_NS_W, "p", S_PARA, false}, {S_NS_W, "t", S_TEXT, true},
    {S_NS_W, "r", S_RUN, false}, {S_NS_W, "tab", S_TAB, false},
    {S_NS_W, "vanish", S_VANISH, false}, {S_NS_W, "webHidden", S_VANISH, false},
    {S_NS_W, "rStyle", S_RSTYLE, false},
    {S_NS_TEXT, "hidden-text", S_HIDDEN, false},
    {S_NS_TEXT, "hidden-paragraph", S_HIDDEN, false},
    {S_NS_W, "ptab", S_TAB, false}, {S_NS_W, "br", S_BREAK, false},
    {S_NS_W, "cr", S_BREAK, false}, {S_NS_W, "noBreakHyphen", S_HYPHEN, false},
    {S_NS_W, "del", S_SKIP, false}, {S_NS_W, "delText", S_SKIP, false},
    {S_NS_W, "moveFrom", S_SKIP, false}, /* the text is in its w:moveTo */
    {S_NS_W, "instrText", S_SKIP, false}, {S_NS_W, "delInstrText", S_SKIP, false},
    {S_NS_W, "sym", S_SKIP, false}, {S_NS_W, "rPr", S_RPR, false},
    {S_NS_W, "tabs", S_SKIP, false}, /* tab stops, not tabs */
    {S_NS_W, "pPrChange", S_SKIP, false}, /* the formatting before a revision */
    {S_NS_W, "sectPr", S_SKIP, false}, {S_NS_W, "tblPr", S_SKIP, false},
    {S_NS_W, "tblGrid", S_SKIP, false}, {S_NS_W, "trPr", S_SKIP, false},
    {S_NS_W, "tcPr", S_SKIP, false}, {S_NS_W, "altChunk", S_SKIP, false},
    {S_NS_W, "sdtEndPr", S_SKIP, false}, {S_NS_W, "tbl", S_BLOCK, false},
    {S_NS_W, "tr", S_BLOCK, false}, {S_NS_W, "tc", S_BLOCK, false},
    {S_NS_W, "txbxContent", S_BLOCK, false}, {S_NS_W, "numPr", S_NUMPR, false},
    {S_NS_W, "numId", S_NUMID, false}, {S_NS_W, "pStyle", S_PSTYLE, false},
    {S_NS_W, "sdt", S_SDT, false}, {S_NS_W, "showingPlcHdr", S_PLACEHOLDER, false},
    {S_NS_W, "sdtContent", S_SDT_CONTENT, false}, {S_NS_M, "t", S_TEXT, true},
    {S_NS_MC, "AlternateContent", S_ALT, false}, {S_NS_MC, "Choice", S_CHOICE, false},
    {S_NS_MC, "Fallback", S_CHOICE, false},
    /* OpenDocument */
    {S_NS_TEXT, "p", S_PARA, true}, {S_NS_TEXT, "h", S_PARA, true},
    {S_NS_TEXT, "s", S_SPACES, false}, {S_NS_TEXT, "tab", S_TAB, false},
    {S_NS_TEXT, "line-break", S_BREAK, false}, {S_NS_TEXT, "list-item", S_ITEM, false},
    {S_NS_TEXT, "number", S_SKIP, false}, /* a list label as last rendered */
    {S_NS_TEXT, "tracked-changes", S_SKIP, false}, /* holds the deleted text */
    {S_NS_TEXT, "note", S_SKIP, false}, {S_NS_TEXT, "sequence-decls", S_SKIP, false},
    {S_NS_TEXT, "variable-decls", S_SKIP, false},
    {S_NS_TEXT, "user-field-decls", S_SKIP, false},
    {S_NS_OFFICE, "annotation", S_SKIP, false},
    {S_NS_TEXT, "span", S_SPAN, false},
    {S_NS_OFFICE, "automatic-styles", S_STYLES, false},
    {S_NS_OFFICE, "styles", S_STYLES, false}, {S_NS_STYLE, "style", S_STYLE_DEF, false},
    {S_NS_STYLE, "text-properties", S_TEXT_PROPS, false},
    {S_NS_OFFICE, "font-face-decls", S_SKIP, false},
    {S_NS_OFFICE, "scripts", S_SKIP, false}, {S_NS_OFFICE, "settings", S_SKIP, false},
    {S_NS_OFFICE, "meta", S_SKIP, false}, {S_NS_OFFICE, "forms", S_SKIP, false},
    {S_NS_OFFICE, "event-listeners", S_SKIP, false},
    {S_NS_TABLE, "table", S_BLOCK, false}, {S_NS_TABLE, "table-row", S_BLOCK, false},
    {S_NS_TABLE, "table-cell", S_BLOCK, false},
    {S_NS_TABLE, "covered-table-cell", S_BLOCK, false},
    {S_NS_DRAW, "frame", S_BLOCK, false}, {S_NS_DRAW, "text-box", S_BLOCK, false},
    {S_NS_SVG, "title", S_SKIP, false}, {S_NS_SVG, "desc", S_SKIP, false},
    {S_NS_PRES, "notes", S_SKIP, false},
    {S_NS_STYLE, "header", S_HEADER, false}, {S_NS_STYLE, "footer", S_HEADER, false},
    {S_NS_STYLE, "header-left", S_HEADER, false},
    {S_NS_STYLE, "footer-left", S_HEADER, false},
    {S_NS_STYLE, "header-first", S_HEADER, false},
    {S_NS_STYLE, "footer-first", S_HEADER, false},
};

static const S_rule S_inline = {S_NS_OTHER, "", S_INLINE, false};
static const S_rule S_skip = {S_NS_OTHER, "", S_SKIP, false};

/* Containers that are transparent: their text counts where their parent's
 * does. */
static bool S_inherits(S_act act)
{
    return act == S_INLINE || act == S_ALT || act == S_CHOICE || act == S_SDT ||
           act == S_SDT_CONTENT || act == S_RUN || act == S_SPAN;
}

/* ---- paragraphs --------------------------------------------------------- */

/* The writer's state is in office_internal.h (the document holds one). A
 * paragraph end is a hard line end (blocktext.h); a cell, a text box, a
 * list item or a page break only ends a line that holds text. */

/* A blank line between parts: headers, the body, footnotes. */
void rs__office_gap(S_out *o) { rs__bt_lines(&o->w, 2); }

/* A paragraph inside another (a text box anchored in a run) starts a line
 * of its own and keeps the outer one's "- " for the outer one's text. */
static void S_para_open(S_out *o)
{
    rs__bt_lines(&o->w, 1);
    if (o->paras > 0 && o->paras <= 64) {
        uint64_t bit = (uint64_t)1 << (o->paras - 1);
        o->saved = o->w.item ? o->saved | bit : o->saved & ~bit;
        o->nested |= bit;
        o->w.item = false;
    }
    if (o->paras < 64)
        o->nested &= ~((uint64_t)1 << o->paras);
    o->paras++;
}

/* A paragraph that held others (only a text box, often) is no empty
 * paragraph: its end makes no blank line. */
static void S_para_close(S_out *o)
{
    o->paras -= o->paras > 0;
    if (o->paras < 64 && (o->nested >> o->paras & 1))
        rs__bt_lines(&o->w, 1);
    else
        rs__bt_break(&o->w);
    o->w.item = o->paras > 0 && o->paras <= 64 &&
                (o->saved >> (o->paras - 1) & 1) != 0;
}

/* ---- errors ------------------------------------------------------------- */

/* RS_ERR_FORMAT: "not a valid DOCX file: ..." */
rs_status rs__office_bad(S_doc *d, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* libzip's messages start with a capital ("Not a zip archive") */
    if (msg[0] >= 'A' && msg[0] <= 'Z' && msg[1] >= 'a' && msg[1] <= 'z')
        msg[0] = (char)(msg[0] - 'A' + 'a');
    return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0, "not a valid %s file: %s", d->kind,
                    msg);
}

rs_status rs__office_encrypted(S_doc *d, const char *what)
{
    return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                    "encrypted document: %s is password-protected; save a copy without "
                    "a password and try again", what);
}

/* The status of a failed write, with its message. */
static rs_status S_out_status(S_doc *d)
{
    const rs_bt *w = &d->o.w;
    if (w->st == RS_ERR_TOO_LARGE)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "the document's text is over the limit of %zu bytes",
                        w->max ? w->max : w->b->max);
    return w->st ? rs__nomem(d->err, d->name) : RS_OK;
}

/* ---- XML parts ---------------------------------------------------------- */

typedef struct S_xml_err {
    bool seen, nomem;
    int line;
    char msg[200];
} S_xml_err;

static void S_on_xml_error(void *ctx, xmlErrorPtr e)
{
    S_xml_err *x = ctx;
    if (x->seen || !e || e->level < XML_ERR_ERROR)
        return;
    x->seen = true;
    x->nomem = e->code == XML_ERR_NO_MEMORY;
    x->line = e->line;
    snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "malformed XML");
    char *advice = strstr(x->msg, " use XML_PARSE_HUGE"); /* not the user's to act on */
    if (advice)
        *advice = '\0';
    size_t n = strlen(x->msg);
    while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
        x->msg[--n] = '\0';
}

/* Office XML never has a DTD (OPC forbids one); refusing it before parsing
 * means no entity is ever declared. */
static bool S_has_doctype(const char *s, size_t n)
{
    static const char tag[] = "<!DOCTYPE";
    for (const char *p = memchr(s, '<', n); p; p = memchr(p + 1, '<', n - (size_t)(p + 1 - s)))
        if ((size_t)(s + n - p) >= sizeof tag - 1 && memcmp(p, tag, sizeof tag - 1) == 0)
            return true;
    return false;
}

static S_ns S_ns_of(const xmlChar *uri)
{
    for (size_t i = 0; uri && i < sizeof S_namespaces / sizeof S_namespaces[0]; i++)
        if (strcmp((const char *)uri, S_namespaces[i].uri) == 0)
            return S_namespaces[i].ns;
    return S_NS_OTHER;
}

/* The current element's namespace; the reader interns its strings, so one
 * remembered pointer saves most comparisons. */
S_ns rs__office_ns_cached(S_ns_cache *c, xmlTextReaderPtr r)
{
    const xmlChar *uri = xmlTextReaderConstNamespaceUri(r);
    if (!uri || uri != c->uri) {
        c->uri = uri;
        c->ns = S_ns_of(uri);
    }
    return c->ns;
}

bool rs__office_name_is(xmlTextReaderPtr r, const char *name)
{
    const xmlChar *local = xmlTextReaderConstLocalName(r);
    return local && strcmp((const char *)local, name) == 0;
}

/* An attribute in the element's own namespace (w:val, text:c) or, for an
 * element in none, without one; NULL when absent. xmlFree it. */
xmlChar *rs__office_attr(xmlTextReaderPtr r, const char *local)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    return ns ? xmlTextReaderGetAttributeNs(r, BAD_CAST local, ns)
              : xmlTextReaderGetAttribute(r, BAD_CAST local);
}

bool rs__office_attr_is(xmlTextReaderPtr r, const char *local, const char *value)
{
    xmlChar *v = rs__office_attr(r, local);
    bool is = v && strcmp((const char *)v, value) == 0;
    if (v)
        xmlFree(v);
    return is;
}

/* Streams a part through `visit`. `root`, when given, is the local name the
 * root element must have in namespace `root_ns`. libxml2's errors become
 * ours, never printed. */
static rs_status S_xml(S_doc *d, const char *part, const char *data, size_t len, S_ns root_ns,
                       const char *root, S_visit visit, void *ctx)
{
    if (S_has_doctype(data, len))
        return rs__office_bad(d, "%s has a DOCTYPE, which office documents never have", part);
    S_xml_err x = {0};
    /* set before the reader: libxml2 reports its own allocation failures
     * there too, and would print them */
    rs_xml_handler saved = rs__xml_handler_set(&x, S_on_xml_error);
    xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, part, NULL, S_OPTIONS);
    if (!r) {
        rs__xml_handler_restore(saved);
        return rs__nomem(d->err, d->name);
    }
    xmlTextReaderSetStructuredErrorHandler(r, S_on_xml_error, &x);
    rs_status st = RS_OK;
    bool rooted = false;
    int rc = xmlTextReaderRead(r);
    while (rc == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st = rs__office_bad(d, "%s has a DOCTYPE, which office documents never have", part);
            break;
        }
        if (type == XML_READER_TYPE_ELEMENT && !rooted) {
            rooted = true;
            S_ns_cache c = {0};
            if (root &&
                (rs__office_ns_cached(&c, r) != root_ns || !rs__office_name_is(r, root))) {
                st = rs__office_bad(d, "%s is not a%s %s part", part, d->odt ? "n" : "",
                                    d->odt ? "OpenDocument" : "WordprocessingML");
                break;
            }
        }
        bool skip = false;
        st = visit(d, ctx, r, type, &skip);
        if (st)
            break;
        rc = skip ? xmlTextReaderNext(r) : xmlTextReaderRead(r);
    }
    xmlFreeTextReader(r);
    rs__xml_handler_restore(saved);
    if (st)
        return st;
    if (x.nomem)
        return rs__nomem(d->err, d->name);
    if (x.seen)
        return rs__office_bad(d, "%s line %d: %s", part, x.line, x.msg);
    if (rc < 0)
        return rs__office_bad(d, "%s is not well-formed XML", part);
    return RS_OK;
}

/* ---- walking a text part ------------------------------------------------ */

typedef struct S_level {
    unsigned char act;
    bool text;   /* its text nodes are document text */
    bool flag;   /* S_ALT: a choice was taken; S_SDT: it shows a placeholder */
    bool hidden; /* inside a run or element the document hides */
} S_level;

typedef struct S_walk {
    const char *part;
    size_t style;            /* the ODT style:style being read, + 1 (0: none) */
    S_ns_cache ns;
    S_level lv[S_MAX_DEPTH]; /* the open elements, by depth */
} S_walk;

static const S_rule *S_rule_of(S_walk *w, xmlTextReaderPtr r)
{
    S_ns ns = rs__office_ns_cached(&w->ns, r);
    const char *local = (const char *)xmlTextReaderConstLocalName(r);
    if (ns == S_NS_OTHER || !local)
        return &S_inline;
    for (size_t i = 0; i < sizeof S_rules / sizeof S_rules[0]; i++)
        if (S_rules[i].ns == ns && strcmp(S_rules[i].name, local) == 0)
            return &S_rules[i];
    /* the templates of an ODT index (table of contents...), not its entries */
    size_t n = strlen(local);
    if (ns == S_NS_TEXT && n > 7 && strcmp(local + n - 7, "-source") == 0)
        return &S_skip;
    return &S_inline;
}

/* text:c="3": how many blanks a text:s stands for. */
static size_t S_space_count(xmlTextReaderPtr r)
{
    xmlChar *v = rs__office_attr(r, "c");
    size_t n = 1;
    if (v) {
        char *end;
        unsigned long c = strtoul((const char *)v, &end, 10);
        if (end != (char *)v && *end == '\0')
            n = c < S_MAX_SPACES ? c : S_MAX_SPACES;
        xmlFree(v);
    }
    return n;
}

static void S_close(S_out *o, const S_level *lv)
{
    switch ((S_act)lv->act) {
    case S_PARA: S_para_close(o); break;
    case S_BLOCK: case S_HEADER: rs__bt_lines(&o->w, 1); break;
    case S_ITEM: rs__bt_item_end(&o->w); break;
    default: break;
    }
}

/* Hidden text is kept aside, a blank between pieces: the scan lists the
 * skills in it and counts none. */
static void S_hidden_text(S_out *o, const char *s)
{
    if (!o->hidden)
        return;
    if (o->hidden->len)
        rs__buf_putc(o->hidden, ' ');
    rs__buf_puts(o->hidden, s);
}

/* The choices and content controls that decide whether a subtree counts:
 * true when it is to be skipped. */
static bool S_skip_subtree(S_doc *d, S_walk *w, xmlTextReaderPtr r, const S_rule *rule,
                           int depth)
{
    S_level *up = depth > 0 ? &w->lv[depth - 1] : NULL;
    switch (rule->act) {
    case S_SKIP: return true;
    case S_CHOICE:
        /* the same content twice (DrawingML, then VML): the first only */
        if (up && up->act == S_ALT) {
            if (up->flag)
                return true;
            up->flag = true;
        }
        return false;
    case S_PLACEHOLDER:
        if (depth >= 2 && w->lv[depth - 2].act == S_SDT)
            w->lv[depth - 2].flag = true;
        return false;
    case S_SDT_CONTENT: /* a template's "Click here to enter text." */
        return up && up->act == S_SDT && up->flag;
    case S_HEADER: return rs__office_attr_is(r, "display", "false");
    case S_VANISH:
        /* <w:vanish/> or w:val="true"/"1"/"on" in a run's properties hides
         * the run (in a paragraph's, only its mark); "false", "0" or "off"
         * shows it whatever its style says */
        if (depth >= 2 && up->act == S_RPR && w->lv[depth - 2].act == S_RUN)
            w->lv[depth - 2].hidden = !rs__office_attr_is(r, "val", "false") &&
                                      !rs__office_attr_is(r, "val", "0") &&
                                      !rs__office_attr_is(r, "val", "off");
        return true;
    case S_RSTYLE:
        if (depth >= 2 && up->act == S_RPR && w->lv[depth - 2].act == S_RUN &&
            d->styles.any_hides && rs__office_style_hides(d, r, "val"))
            w->lv[depth - 2].hidden = true;
        return true;
    case S_PSTYLE: /* w:p/w:pPr/w:pStyle: the paragraph's style may hide it */
        if (depth >= 2 && w->lv[depth - 2].act == S_PARA && d->styles.any_hides &&
            rs__office_style_hides(d, r, "val"))
            w->lv[depth - 2].hidden = true;
        return false;
    case S_HIDDEN: {
        /* text:hidden-text holds its text in string-value; a hidden
         * paragraph field hides the paragraph it stands in */
        const char *local = (const char *)xmlTextReaderConstLocalName(r);
        if (local && strcmp(local, "hidden-text") == 0) {
            xmlChar *v = rs__office_attr(r, "string-value");
            if (v)
                S_hidden_text(&d->o, (const char *)v);
            xmlFree(v);
        } else if (up) {
            up->hidden = true;
        }
        return true;
    }
    default:
        /* a run's other properties are not text */
        return up && up->act == S_RPR;
    }
}

/* Inside ODT styles: a style:style is added, a text:display="none" in its
 * text properties hides the text set in it, and nothing else is read. */
static rs_status S_style_markup(S_doc *d, S_walk *w, xmlTextReaderPtr r, const S_rule *rule,
                                bool *skip)
{
    int depth = xmlTextReaderDepth(r);
    S_act up = (S_act)w->lv[depth - 1].act;
    *skip = true;
    if (up == S_STYLES && rule->act == S_STYLE_DEF) {
        S_style *st;
        rs_status status = rs__office_style_add(d, r, "name", "parent-style-name", &st);
        w->style = st ? (size_t)(st - d->styles.v) + 1 : 0;
        *skip = status != RS_OK || xmlTextReaderIsEmptyElement(r);
        return status;
    }
    if (up == S_STYLE_DEF && rule->act == S_TEXT_PROPS && w->style) {
        xmlChar *v = xmlTextReaderGetAttributeNs(r, BAD_CAST "display", BAD_CAST S_TEXT_URI);
        if (v) {
            S_style *st = &d->styles.v[w->style - 1];
            st->hides = strcmp((const char *)v, "none") == 0;
            d->styles.any_hides |= st->hides == 1;
            xmlFree(v);
        }
    }
    return RS_OK;
}

static void S_open(S_doc *d, xmlTextReaderPtr r, S_act act)
{
    S_out *o = &d->o;
    switch (act) {
    case S_PARA: S_para_open(o); break;
    case S_BLOCK: case S_HEADER: rs__bt_lines(&o->w, 1); break;
    case S_ITEM: rs__bt_item(&o->w, 0); break;
    case S_TAB: rs__bt_blanks(&o->w, '\t', 1); break;
    case S_BREAK:
        if (rs__office_attr_is(r, "type", "page") || rs__office_attr_is(r, "type", "column"))
            rs__bt_lines(&o->w, 1);
        else
            rs__bt_break(&o->w);
        break;
    case S_HYPHEN: rs__bt_text(&o->w, "-", 1, false); break;
    case S_SPACES: rs__bt_blanks(&o->w, ' ', S_space_count(r)); break;
    case S_NUMPR:
        if (o->paras)
            o->w.item = true;
        break;
    case S_NUMID: /* numId 0 takes a style's numbering away */
        if (o->paras && rs__office_attr_is(r, "val", "0"))
            o->w.item = false;
        break;
    case S_PSTYLE:
        if (o->paras && rs__office_list_style(d, r))
            o->w.item = true;
        break;
    default: break;
    }
}

static rs_status S_walk_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    S_walk *w = ctx;
    int depth = xmlTextReaderDepth(r);
    if (depth < 0 || depth >= S_MAX_DEPTH)
        return rs__office_bad(d, "%s nests elements deeper than %d", w->part, S_MAX_DEPTH);
    switch (type) {
    case XML_READER_TYPE_ELEMENT: {
        /* libxml2 returns NULL for a name or a text it could not allocate:
         * out of memory, never an element or a text passed over */
        if (!xmlTextReaderConstLocalName(r))
            return rs__nomem(d->err, d->name);
        const S_rule *rule = S_rule_of(w, r);
        if (depth > 0 && (w->lv[depth - 1].act == S_STYLES ||
                          w->lv[depth - 1].act == S_STYLE_DEF)) {
            rs_status st = S_style_markup(d, w, r, rule, skip);
            if (st || *skip)
                return st;
        }
        if (S_skip_subtree(d, w, r, rule, depth)) {
            *skip = true;
            break;
        }
        S_level lv = {(unsigned char)rule->act, rule->text, false, false};
        if (S_inherits(rule->act) && depth > 0)
            lv.text = w->lv[depth - 1].text;
        if (depth > 0 && w->lv[depth - 1].hidden)
            lv.hidden = true;
        else if ((rule->act == S_SPAN || (rule->act == S_PARA && d->odt)) &&
                 d->styles.any_hides && rs__office_style_hides(d, r, "style-name"))
            lv.hidden = true;
        S_open(d, r, rule->act);
        if (xmlTextReaderIsEmptyElement(r))
            S_close(&d->o, &lv);
        else
            w->lv[depth] = lv;
        break;
    }
    case XML_READER_TYPE_END_ELEMENT: S_close(&d->o, &w->lv[depth]); break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (depth > 0 && w->lv[depth - 1].text) {
            const char *s = (const char *)xmlTextReaderConstValue(r);
            if (!s)
                return rs__nomem(d->err, d->name);
            if (w->lv[depth - 1].hidden)
                S_hidden_text(&d->o, s);
            else
                rs__bt_text(&d->o.w, s, strlen(s), false);
        }
        break;
    default: break;
    }
    return d->o.w.st ? S_out_status(d) : RS_OK;
}

/* One part's text, ended by a line end. */
rs_status rs__office_text_part(S_doc *d, zip_uint64_t idx, const char *part, S_ns root_ns,
                               const char *root)
{
    char *data;
    size_t len;
    rs_status st = rs__zip_load(d, idx, part, &data, &len);
    if (st)
        return st;
    S_walk *w = rs__malloc(sizeof *w);
    if (!w) {
        rs__free(data);
        return rs__nomem(d->err, d->name);
    }
    memset(w, 0, sizeof *w);
    w->part = part;
    st = S_xml(d, part, data, len, root_ns, root, S_walk_node, w);
    rs__free(w);
    rs__free(data);
    rs__bt_lines(&d->o.w, 1);
    d->o.paras = 0; /* a part cut short leaves none open for the next */
    d->o.w.item = false;
    return st;
}

/* Reads an optional part whose problems cost only what it adds (a list
 * style, a main part name): only running out of memory or over a limit
 * fails the document. */
rs_status rs__office_optional(S_doc *d, const char *part, S_visit visit, void *ctx)
{
    zip_int64_t idx = rs__zip_find(d, part);
    if (idx < 0)
        return RS_OK;
    rs_error scratch = {0}, *keep = d->err;
    d->err = &scratch;
    char *data;
    size_t len;
    rs_status st = rs__zip_load(d, (zip_uint64_t)idx, part, &data, &len);
    if (!st) {
        st = S_xml(d, part, data, len, S_NS_OTHER, NULL, visit, ctx);
        rs__free(data);
    }
    d->err = keep;
    if (st != RS_ERR_NOMEM && st != RS_ERR_TOO_LARGE)
        return RS_OK;
    if (keep)
        *keep = scratch;
    return st;
}

/* ---- the entry point ---------------------------------------------------- */

rs_status rs__office_read(const char *name, const unsigned char *bytes, size_t len,
                          rs_format format, size_t max_len, rs_buf *out, rs_buf *hidden,
                          rs_error *err)
{
    name = name ? name : "";
    if (!out || (!bytes && len) || (format != RS_FORMAT_DOCX && format != RS_FORMAT_ODT))
        return rs__fail(err, RS_ERR_ARG, name, 0, "no output, no input or not DOCX or ODT");
    S_doc d = {.name = name, .kind = format == RS_FORMAT_ODT ? "ODT" : "DOCX",
               .odt = format == RS_FORMAT_ODT, .err = err};
    /* ODF folds white space runs (its spaces are text:s); WordprocessingML
     * keeps them, except that a line end in w:t shows as a blank. */
    rs__bt_init(&d.o.w, out, max_len,
                RS_BT_FINAL_NEWLINE | (d.odt ? RS_BT_COLLAPSE : 0));
    d.o.hidden = hidden;
    /* An OOXML package with a password is an OLE compound file, not a zip. */
    if (len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return rs__fail(err, RS_ERR_FORMAT, name, 0,
                        "encrypted document: an OLE compound file, not a zip: a "
                        "password-protected Office document (or a Word 97-2003 .doc); "
                        "remove the password or save it as .docx");
    rs_status st = rs__zip_open(&d, bytes ? bytes : (const unsigned char *)"", len, max_len);
    if (!st)
        st = d.odt ? rs__office_odt(&d) : rs__office_docx(&d);
    if (!st) {
        rs__bt_end(&d.o.w);
        st = S_out_status(&d);
    }
    if (d.za)
        RS_ZIP(zip_discard)(d.za);
    rs__office_styles_free(&d.styles);
    if (st && out->len > d.o.w.start) { /* no half document */
        out->len = d.o.w.start;
        out->data[out->len] = '\0';
    }
    return st;
}
