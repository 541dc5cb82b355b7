/* office.c — DOCX and ODT documents become plain text. Both are zips of XML
 * parts: libzip reads the parts from memory under limits that refuse zip
 * bombs, and libxml2's streaming reader walks each part once (no tree, so a
 * large part costs little more than its bytes), turning paragraphs,
 * headings, list items and table cells into lines. The rule is documented
 * in input_internal.h (rs__office_read). */
#include "input_internal.h"
#include "util/xml_handler.h"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_ENTRIES 10000
#define S_MAX_PART (64u * 1024u * 1024u)
#define S_MAX_ALL (256u * 1024u * 1024u) /* the parts in all when max_len is 0 */
#define S_BOMB_SIZE (1024u * 1024u)      /* parts over this must not expand more */
#define S_BOMB_RATIO 200u                /* than this many times */
#define S_MAX_DEPTH 300   /* libxml2 stops at 256 (no XML_PARSE_HUGE); a guard */
#define S_MAX_SPACES 1000 /* text:s c="..." */
#define S_MAX_STYLES 4096 /* DOCX paragraph styles looked at for lists */
#define S_MAX_BASED 16    /* w:basedOn steps followed */
#define S_NAME_MAX 256    /* a part name we report or look up */
/* No NOENT, DTDLOAD or HUGE: no entities expanded, nothing fetched. */
#define S_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* ---- namespaces and what each element stands for ------------------------ */

typedef enum S_ns {
    S_NS_OTHER = 0, S_NS_W, S_NS_MC, S_NS_M, S_NS_TEXT, S_NS_TABLE, S_NS_OFFICE,
    S_NS_STYLE, S_NS_DRAW, S_NS_SVG, S_NS_PRES
} S_ns;

static const struct {
    const char *uri;
    S_ns ns;
} S_namespaces[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", S_NS_W},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", S_NS_W}, /* Strict */
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", S_NS_MC},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", S_NS_M},
    {"http://purl.oclc.org/ooxml/officeDocument/math", S_NS_M},
    {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", S_NS_TEXT},
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
    S_SDT, S_PLACEHOLDER, S_SDT_CONTENT /* content controls */
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
    {S_NS_W, "r", S_INLINE, false}, {S_NS_W, "tab", S_TAB, false},
    {S_NS_W, "ptab", S_TAB, false}, {S_NS_W, "br", S_BREAK, false},
    {S_NS_W, "cr", S_BREAK, false}, {S_NS_W, "noBreakHyphen", S_HYPHEN, false},
    {S_NS_W, "del", S_SKIP, false}, {S_NS_W, "delText", S_SKIP, false},
    {S_NS_W, "moveFrom", S_SKIP, false}, /* the text is in its w:moveTo */
    {S_NS_W, "instrText", S_SKIP, false}, {S_NS_W, "delInstrText", S_SKIP, false},
    {S_NS_W, "sym", S_SKIP, false}, {S_NS_W, "rPr", S_SKIP, false},
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
    {S_NS_OFFICE, "automatic-styles", S_SKIP, false},
    {S_NS_OFFICE, "styles", S_SKIP, false}, {S_NS_OFFICE, "font-face-decls", S_SKIP, false},
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
           act == S_SDT_CONTENT;
}

/* ---- the text writer ---------------------------------------------------- */

/* Blanks at a line's start are dropped and those at its end trimmed; line
 * ends are owed, not written, until the next text, so none lead or trail
 * and at most one blank line comes in a row. */
typedef struct S_out {
    rs_buf *b;
    size_t start;      /* b->len when the document began */
    size_t max;        /* the text's limit (0 = none) */
    size_t line;       /* where the current line begins in b */
    unsigned breaks;   /* line ends owed before the next text, 0..2 */
    bool has;          /* the current line holds text */
    bool written;      /* some text was written */
    bool item;         /* a list item's "- " is owed */
    unsigned paras;    /* open paragraphs (a text box's are inside another) */
    uint64_t saved;    /* bit k: the "- " owed by open paragraph k */
    uint64_t nested;   /* bit k: open paragraph k holds another */
    rs_status st;      /* RS_ERR_TOO_LARGE or RS_ERR_NOMEM once writing failed */
} S_out;

static bool S_put(S_out *o, const char *s, size_t n)
{
    if (o->st)
        return false;
    size_t used = o->b->len - o->start;
    if ((o->max && (n > o->max || used > o->max - n)) ||
        (o->b->max && (n > o->b->max || o->b->len > o->b->max - n))) {
        o->st = RS_ERR_TOO_LARGE;
        return false;
    }
    if (!rs__buf_append(o->b, s, n)) {
        o->st = RS_ERR_NOMEM;
        return false;
    }
    return true;
}

/* Writes what is owed before the first text of a line. */
static void S_flush(S_out *o)
{
    if (o->has)
        return;
    if (o->written && o->breaks)
        S_put(o, "\n\n", o->breaks);
    o->breaks = 0;
    o->line = o->b->len;
    o->has = o->written = true;
    if (o->item)
        S_put(o, "- ", 2);
    o->item = false;
}

static void S_trim(S_out *o)
{
    rs_buf *b = o->b;
    while (b->len > o->line && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}

/* A hard line end (paragraph end, w:br): on an empty line it makes a blank
 * line. */
static void S_newline(S_out *o)
{
    if (o->has) {
        S_trim(o);
        o->has = false;
        o->breaks = 1;
    } else if (o->breaks < 2) {
        o->breaks++;
    }
}

/* A soft line end (a cell, a text box): ends a line that holds text. */
static void S_end(S_out *o)
{
    if (!o->has)
        return;
    S_trim(o);
    o->has = false;
    o->breaks = 1;
}

/* A blank line between parts: headers, the body, footnotes. */
static void S_gap(S_out *o)
{
    S_end(o);
    if (o->written)
        o->breaks = 2;
}

static void S_blank(S_out *o, char c)
{
    if (o->has)
        S_put(o, &c, 1);
}

static void S_spaces(S_out *o, size_t n)
{
    static const char spaces[] = "                                ";
    while (o->has && n && !o->st) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        S_put(o, spaces, k);
        n -= k;
    }
}

/* Text from a text node. ODF collapses white space runs into one blank
 * (its spaces and tabs are text:s and text:tab); WordprocessingML keeps
 * them, except that a line end in w:t shows as a blank. Other C0 controls
 * are dropped. */
static void S_text(S_out *o, const char *s, size_t n, bool collapse)
{
    for (size_t i = 0; i < n && !o->st;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            bool after_blank = o->has && o->b->len > o->line &&
                               o->b->data[o->b->len - 1] == ' ';
            if (!collapse)
                S_blank(o, c == '\t' ? '\t' : ' ');
            else if (!after_blank)
                S_blank(o, ' ');
            i++;
            continue;
        }
        if (c < 0x20) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && (unsigned char)s[j] > ' ')
            j++;
        S_flush(o);
        S_put(o, s + i, j - i);
        i = j;
    }
}

/* A paragraph inside another (a text box anchored in a run) starts a line
 * of its own and keeps the outer one's "- " for the outer one's text. */
static void S_para_open(S_out *o)
{
    S_end(o);
    if (o->paras > 0 && o->paras <= 64) {
        uint64_t bit = (uint64_t)1 << (o->paras - 1);
        o->saved = o->item ? o->saved | bit : o->saved & ~bit;
        o->nested |= bit;
        o->item = false;
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
        S_end(o);
    else
        S_newline(o);
    o->item = o->paras > 0 && o->paras <= 64 &&
              (o->saved >> (o->paras - 1) & 1) != 0;
}

/* ---- the document ------------------------------------------------------- */

/* DOCX paragraph styles: a style is a list style when it, or the style it
 * is based on, has numbering. */
typedef struct S_style {
    char *id;
    char *based;
    signed char num; /* 1 numbered, 0 numbering removed, -1 as its base */
} S_style;

typedef struct S_styles {
    S_style *v;
    size_t n, cap;
    const char **lists; /* ids of list styles, sorted; point into v */
    size_t nlists;
    bool in;            /* inside a paragraph style */
} S_styles;

typedef struct S_doc {
    const char *name;  /* the document, for messages */
    const char *kind;  /* "DOCX" or "ODT" */
    bool odt;
    zip_t *za;
    size_t budget, used; /* uncompressed bytes the parts may take, and took */
    S_out o;
    S_styles styles;
    rs_error *err;
} S_doc;

static rs_status S_bad(S_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* RS_ERR_FORMAT: "not a valid DOCX file: ..." */
static rs_status S_bad(S_doc *d, const char *fmt, ...)
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

static rs_status S_encrypted(S_doc *d, const char *what)
{
    return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                    "encrypted document: %s is password-protected; save a copy without "
                    "a password and try again", what);
}

/* The status of a failed write, with its message. */
static rs_status S_out_status(S_doc *d)
{
    if (d->o.st == RS_ERR_TOO_LARGE)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "the document's text is over the limit of %zu bytes",
                        d->o.max ? d->o.max : d->o.b->max);
    return d->o.st ? rs__nomem(d->err, d->name) : RS_OK;
}

/* Part names that are safe to print and to look up: printable ASCII. */
static bool S_safe_name(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if ((unsigned char)s[n] <= ' ' || (unsigned char)s[n] >= 0x7f)
            return false;
    return n > 0 && n < S_NAME_MAX;
}

/* ---- zip parts ---------------------------------------------------------- */

static rs_status S_zip_open(S_doc *d, const unsigned char *bytes, size_t len)
{
    if (len < 22) /* the end-of-central-directory record alone is 22 bytes */
        return S_bad(d, "not a zip archive (%zu bytes)", len);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    if (!src) {
        zip_error_fini(&ze);
        return rs__nomem(d->err, d->name);
    }
    d->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!d->za) {
        zip_source_free(src);
        rs_status st = zip_error_code_zip(&ze) == ZIP_ER_MEMORY
                           ? rs__nomem(d->err, d->name)
                           : S_bad(d, "%s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    zip_int64_t n = zip_get_num_entries(d->za, 0);
    if (n > S_MAX_ENTRIES)
        return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                        "refused: the zip holds %lld entries, over the limit of %d "
                        "(a zip bomb?)", (long long)n, S_MAX_ENTRIES);
    return RS_OK;
}

/* The index of a part, or -1. OPC part names ignore case. */
static zip_int64_t S_find(S_doc *d, const char *part)
{
    return zip_name_locate(d->za, part, ZIP_FL_NOCASE);
}

static rs_status S_zip_error(S_doc *d, const char *part, zip_error_t *ze)
{
    int code = zip_error_code_zip(ze);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return S_encrypted(d, part);
    if (code == ZIP_ER_MEMORY)
        return rs__nomem(d->err, d->name);
    return S_bad(d, "%s: %s", part, zip_error_strerror(ze));
}

/* The sizes libzip reports, checked before anything is inflated: the
 * encryption flag, the ratio, the size of the part and of all parts. */
static rs_status S_check_entry(S_doc *d, const char *part, const zip_stat_t *st)
{
    if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE)
        return S_encrypted(d, part);
    if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
        return S_bad(d, "%s: its size is not recorded", part);
    zip_uint64_t ratio = st->comp_size ? st->size / st->comp_size : st->size;
    if (st->size > S_BOMB_SIZE && ratio > S_BOMB_RATIO)
        return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                        "refused: %s expands %llu:1 (%llu bytes from %llu), a zip bomb?",
                        part, (unsigned long long)ratio, (unsigned long long)st->size,
                        (unsigned long long)st->comp_size);
    if (st->size > S_MAX_PART)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "%s is %llu bytes uncompressed, over the limit of %u MiB a part",
                        part, (unsigned long long)st->size, S_MAX_PART >> 20);
    if (st->size > d->budget - d->used)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "the document's parts are over the limit of %zu bytes uncompressed",
                        d->budget);
    return RS_OK;
}

/* Inflates exactly the recorded size, then reads once more: libzip checks
 * the CRC at the end, and a part longer than recorded is corrupt. */
static rs_status S_inflate(S_doc *d, zip_uint64_t idx, const char *part, char *buf, size_t n)
{
    zip_file_t *f = zip_fopen_index(d->za, idx, 0);
    if (!f)
        return S_zip_error(d, part, zip_get_error(d->za));
    size_t got = 0;
    zip_int64_t k = 0;
    while (got < n && (k = zip_fread(f, buf + got, n - got)) > 0)
        got += (size_t)k;
    char extra;
    if (k >= 0 && got == n)
        k = zip_fread(f, &extra, 1);
    rs_status st = RS_OK;
    if (k < 0)
        st = S_zip_error(d, part, zip_file_get_error(f));
    else if (got < n)
        st = S_bad(d, "%s is cut short", part);
    else if (k > 0)
        st = S_bad(d, "%s is longer than the zip records", part);
    zip_fclose(f);
    return st;
}

/* A part's bytes, NUL-terminated (caller frees with rs__free). */
static rs_status S_load(S_doc *d, zip_uint64_t idx, const char *part, char **data,
                        size_t *len)
{
    *data = NULL;
    *len = 0;
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(d->za, idx, 0, &zs) != 0)
        return S_zip_error(d, part, zip_get_error(d->za));
    rs_status st = S_check_entry(d, part, &zs);
    if (st)
        return st;
    d->used += (size_t)zs.size;
    size_t n = (size_t)zs.size;
    char *buf = rs__malloc(n + 1);
    if (!buf)
        return rs__nomem(d->err, d->name);
    st = S_inflate(d, idx, part, buf, n);
    if (st) {
        rs__free(buf);
        return st;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return RS_OK;
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
typedef struct S_ns_cache {
    const xmlChar *uri;
    S_ns ns;
} S_ns_cache;

static S_ns S_ns_cached(S_ns_cache *c, xmlTextReaderPtr r)
{
    const xmlChar *uri = xmlTextReaderConstNamespaceUri(r);
    if (!uri || uri != c->uri) {
        c->uri = uri;
        c->ns = S_ns_of(uri);
    }
    return c->ns;
}

static bool S_name_is(xmlTextReaderPtr r, const char *name)
{
    const xmlChar *local = xmlTextReaderConstLocalName(r);
    return local && strcmp((const char *)local, name) == 0;
}

/* An attribute in the element's own namespace (w:val, text:c) or, for an
 * element in none, without one; NULL when absent. xmlFree it. */
static xmlChar *S_attr(xmlTextReaderPtr r, const char *local)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    return ns ? xmlTextReaderGetAttributeNs(r, BAD_CAST local, ns)
              : xmlTextReaderGetAttribute(r, BAD_CAST local);
}

static bool S_attr_is(xmlTextReaderPtr r, const char *local, const char *value)
{
    xmlChar *v = S_attr(r, local);
    bool is = v && strcmp((const char *)v, value) == 0;
    if (v)
        xmlFree(v);
    return is;
}

/* Called for each node; sets *skip to pass over an element's subtree. */
typedef rs_status (*S_visit)(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip);

/* Streams a part through `visit`. `root`, when given, is the local name the
 * root element must have in namespace `root_ns`. libxml2's errors become
 * ours, never printed. */
static rs_status S_xml(S_doc *d, const char *part, const char *data, size_t len, S_ns root_ns,
                       const char *root, S_visit visit, void *ctx)
{
    if (S_has_doctype(data, len))
        return S_bad(d, "%s has a DOCTYPE, which office documents never have", part);
    S_xml_err x = {0};
    xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, part, NULL, S_OPTIONS);
    if (!r)
        return rs__nomem(d->err, d->name);
    xmlTextReaderSetStructuredErrorHandler(r, S_on_xml_error, &x);
    rs_xml_handler saved = rs__xml_handler_set(&x, S_on_xml_error);
    rs_status st = RS_OK;
    bool rooted = false;
    int rc = xmlTextReaderRead(r);
    while (rc == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st = S_bad(d, "%s has a DOCTYPE, which office documents never have", part);
            break;
        }
        if (type == XML_READER_TYPE_ELEMENT && !rooted) {
            rooted = true;
            S_ns_cache c = {0};
            if (root && (S_ns_cached(&c, r) != root_ns || !S_name_is(r, root))) {
                st = S_bad(d, "%s is not a%s %s part", part, d->odt ? "n" : "",
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
        return S_bad(d, "%s line %d: %s", part, x.line, x.msg);
    if (rc < 0)
        return S_bad(d, "%s is not well-formed XML", part);
    return RS_OK;
}

/* ---- walking a text part ------------------------------------------------ */

typedef struct S_level {
    unsigned char act;
    bool text; /* its text nodes are document text */
    bool flag; /* S_ALT: a choice was taken; S_SDT: it shows a placeholder */
} S_level;

typedef struct S_walk {
    const char *part;
    S_ns_cache ns;
    S_level lv[S_MAX_DEPTH]; /* the open elements, by depth */
} S_walk;

static const S_rule *S_rule_of(S_walk *w, xmlTextReaderPtr r)
{
    S_ns ns = S_ns_cached(&w->ns, r);
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

static int S_cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the w:pStyle at r names a list style. */
static bool S_list_style(const S_doc *d, xmlTextReaderPtr r)
{
    if (!d->styles.nlists)
        return false;
    xmlChar *v = S_attr(r, "val");
    const char *key = (const char *)v;
    bool found = key && bsearch(&key, d->styles.lists, d->styles.nlists,
                                sizeof *d->styles.lists, S_cmp_id);
    if (v)
        xmlFree(v);
    return found;
}

/* text:c="3": how many blanks a text:s stands for. */
static size_t S_space_count(xmlTextReaderPtr r)
{
    xmlChar *v = S_attr(r, "c");
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
    case S_BLOCK: case S_HEADER: S_end(o); break;
    case S_ITEM:
        o->item = false; /* an empty item shows no "- " */
        S_end(o);
        break;
    default: break;
    }
}

/* The choices and content controls that decide whether a subtree counts:
 * true when it is to be skipped. */
static bool S_skip_subtree(S_walk *w, xmlTextReaderPtr r, const S_rule *rule, int depth)
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
    case S_HEADER: return S_attr_is(r, "display", "false");
    default: return false;
    }
}

static void S_open(S_doc *d, xmlTextReaderPtr r, S_act act)
{
    S_out *o = &d->o;
    switch (act) {
    case S_PARA: S_para_open(o); break;
    case S_BLOCK: case S_HEADER: S_end(o); break;
    case S_ITEM:
        S_end(o);
        o->item = true;
        break;
    case S_TAB: S_blank(o, '\t'); break;
    case S_BREAK:
        if (S_attr_is(r, "type", "page") || S_attr_is(r, "type", "column"))
            S_end(o);
        else
            S_newline(o);
        break;
    case S_HYPHEN: S_text(o, "-", 1, false); break;
    case S_SPACES: S_spaces(o, S_space_count(r)); break;
    case S_NUMPR:
        if (o->paras)
            o->item = true;
        break;
    case S_NUMID: /* numId 0 takes a style's numbering away */
        if (o->paras && S_attr_is(r, "val", "0"))
            o->item = false;
        break;
    case S_PSTYLE:
        if (o->paras && S_list_style(d, r))
            o->item = true;
        break;
    default: break;
    }
}

static rs_status S_walk_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    S_walk *w = ctx;
    int depth = xmlTextReaderDepth(r);
    if (depth < 0 || depth >= S_MAX_DEPTH)
        return S_bad(d, "%s nests elements deeper than %d", w->part, S_MAX_DEPTH);
    switch (type) {
    case XML_READER_TYPE_ELEMENT: {
        const S_rule *rule = S_rule_of(w, r);
        if (S_skip_subtree(w, r, rule, depth)) {
            *skip = true;
            break;
        }
        S_level lv = {(unsigned char)rule->act, rule->text, false};
        if (S_inherits(rule->act) && depth > 0)
            lv.text = w->lv[depth - 1].text;
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
            if (s)
                S_text(&d->o, s, strlen(s), d->odt);
        }
        break;
    default: break;
    }
    return d->o.st ? S_out_status(d) : RS_OK;
}

/* One part's text, ended by a line end. */
static rs_status S_text_part(S_doc *d, zip_uint64_t idx, const char *part, S_ns root_ns,
                             const char *root)
{
    char *data;
    size_t len;
    rs_status st = S_load(d, idx, part, &data, &len);
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
    S_end(&d->o);
    d->o.paras = 0; /* a part cut short leaves none open for the next */
    d->o.item = false;
    return st;
}

/* Reads an optional part whose problems cost only what it adds (a list
 * style, a main part name): only running out of memory or over a limit
 * fails the document. */
static rs_status S_optional(S_doc *d, const char *part, S_visit visit, void *ctx)
{
    zip_int64_t idx = S_find(d, part);
    if (idx < 0)
        return RS_OK;
    rs_error scratch = {0}, *keep = d->err;
    d->err = &scratch;
    char *data;
    size_t len;
    rs_status st = S_load(d, (zip_uint64_t)idx, part, &data, &len);
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

/* ---- DOCX --------------------------------------------------------------- */

static const char *const S_docx_types[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
};

/* [Content_Types].xml: the part whose content type is a main document. */
static rs_status S_types_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    (void)d;
    (void)skip;
    char *main_part = ctx;
    if (type != XML_READER_TYPE_ELEMENT || main_part[0] || !S_name_is(r, "Override"))
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

static void S_styles_free(S_styles *s)
{
    for (size_t i = 0; i < s->n; i++) {
        rs__free(s->v[i].id);
        rs__free(s->v[i].based);
    }
    rs__free(s->v);
    rs__free(s->lists);
    memset(s, 0, sizeof *s);
}

/* Replaces *slot with a copy of the attribute `local`; false when out of
 * memory. */
static bool S_attr_dup(xmlTextReaderPtr r, const char *local, char **slot)
{
    xmlChar *v = S_attr(r, local);
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

static rs_status S_style_open(S_doc *d, S_styles *s, xmlTextReaderPtr r)
{
    xmlChar *type = S_attr(r, "type");
    bool para = !type || strcmp((const char *)type, "paragraph") == 0;
    if (type)
        xmlFree(type);
    if (!para || s->n >= S_MAX_STYLES)
        return RS_OK;
    if (!rs__grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v))
        return rs__nomem(d->err, d->name);
    S_style *st = &s->v[s->n];
    *st = (S_style){NULL, NULL, -1};
    if (!S_attr_dup(r, "styleId", &st->id))
        return rs__nomem(d->err, d->name);
    if (!st->id)
        return RS_OK;
    s->n++;
    s->in = !xmlTextReaderIsEmptyElement(r);
    return RS_OK;
}

/* word/styles.xml: each paragraph style's base and numbering. */
static rs_status S_style_node(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip)
{
    S_styles *s = ctx;
    S_ns_cache c = {0};
    if (type == XML_READER_TYPE_END_ELEMENT && S_name_is(r, "style"))
        s->in = false;
    if (type != XML_READER_TYPE_ELEMENT || S_ns_cached(&c, r) != S_NS_W)
        return RS_OK;
    if (S_name_is(r, "style")) {
        s->in = false;
        return S_style_open(d, s, r);
    }
    if (!s->in)
        return RS_OK;
    S_style *st = &s->v[s->n - 1];
    if (S_name_is(r, "basedOn") && !S_attr_dup(r, "val", &st->based))
        return rs__nomem(d->err, d->name);
    if (S_name_is(r, "numPr"))
        st->num = 1;
    else if (S_name_is(r, "numId") && S_attr_is(r, "val", "0"))
        st->num = 0;
    else if (S_name_is(r, "pPrChange") || S_name_is(r, "rPr"))
        *skip = true;
    return RS_OK;
}

static int S_cmp_style(const void *a, const void *b)
{
    return strcmp(((const S_style *)a)->id, ((const S_style *)b)->id);
}

/* Whether a style is a list style, following w:basedOn. */
static bool S_style_is_list(const S_styles *s, const S_style *st)
{
    for (int step = 0; st && step < S_MAX_BASED; step++) {
        if (st->num >= 0)
            return st->num == 1;
        if (!st->based)
            return false;
        S_style key = {st->based, NULL, -1};
        st = bsearch(&key, s->v, s->n, sizeof *s->v, S_cmp_style);
    }
    return false;
}

static rs_status S_docx_styles(S_doc *d, const char *dir)
{
    char part[S_NAME_MAX + 16];
    snprintf(part, sizeof part, "%sstyles.xml", dir);
    S_styles *s = &d->styles;
    rs_status st = S_optional(d, part, S_style_node, s);
    if (st || !s->n)
        return st;
    qsort(s->v, s->n, sizeof *s->v, S_cmp_style);
    s->lists = rs__malloc(s->n * sizeof *s->lists);
    if (!s->lists)
        return rs__nomem(d->err, d->name);
    for (size_t i = 0; i < s->n; i++)
        if (S_style_is_list(s, &s->v[i]))
            s->lists[s->nlists++] = s->v[i].id;
    return RS_OK;
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
    zip_int64_t n = zip_get_num_entries(d->za, 0);
    S_entry *v = NULL;
    size_t count = 0, cap = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(d->za, (zip_uint64_t)i, 0);
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
        st = S_text_part(d, v[i].idx, v[i].name, S_NS_OTHER, NULL);
    rs__free(v);
    S_gap(&d->o);
    return st;
}

static rs_status S_docx(S_doc *d)
{
    char main_part[S_NAME_MAX] = "";
    rs_status st = S_optional(d, "[Content_Types].xml", S_types_node, main_part);
    if (st)
        return st;
    zip_int64_t idx = main_part[0] ? S_find(d, main_part) : -1;
    if (idx < 0) {
        snprintf(main_part, sizeof main_part, "%s", "word/document.xml");
        idx = S_find(d, main_part);
    }
    if (idx < 0)
        return S_bad(d, "it has no word/document.xml (the main document part)");
    char dir[S_NAME_MAX];
    const char *slash = strrchr(main_part, '/');
    size_t dn = slash ? (size_t)(slash - main_part) + 1 : 0;
    memcpy(dir, main_part, dn);
    dir[dn] = '\0';
    st = S_docx_styles(d, dir);
    if (!st)
        st = S_docx_headers(d, dir);
    if (!st)
        st = S_text_part(d, (zip_uint64_t)idx, main_part, S_NS_W, "document");
    static const char *const notes[] = {"footnotes.xml", "endnotes.xml"};
    for (size_t i = 0; i < 2 && !st; i++) {
        char part[S_NAME_MAX + 16];
        snprintf(part, sizeof part, "%s%s", dir, notes[i]);
        zip_int64_t k = S_find(d, part);
        S_gap(&d->o);
        if (k >= 0)
            st = S_text_part(d, (zip_uint64_t)k, part, S_NS_OTHER, NULL);
    }
    return st;
}

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
    zip_int64_t idx = S_find(d, "mimetype");
    if (idx < 0)
        return RS_OK;
    char *data;
    size_t len;
    rs_status st = S_load(d, (zip_uint64_t)idx, "mimetype", &data, &len);
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
    zip_int64_t idx = S_find(d, part);
    if (idx < 0)
        return RS_OK;
    char *data;
    size_t len;
    rs_status st = S_load(d, (zip_uint64_t)idx, part, &data, &len);
    if (st)
        return st;
    if (S_contains(data, len, "encryption-data"))
        st = S_encrypted(d, "the document");
    rs__free(data);
    return st;
}

static rs_status S_odt(S_doc *d)
{
    rs_status st = S_odt_mimetype(d);
    if (!st)
        st = S_odt_encrypted(d);
    if (st)
        return st;
    zip_int64_t idx = S_find(d, "content.xml");
    if (idx < 0)
        return S_bad(d, "it has no content.xml (the main document part)");
    zip_int64_t styles = S_find(d, "styles.xml");
    if (styles >= 0) {
        st = S_text_part(d, (zip_uint64_t)styles, "styles.xml", S_NS_OFFICE, "document-styles");
        S_gap(&d->o);
    }
    if (!st)
        st = S_text_part(d, (zip_uint64_t)idx, "content.xml", S_NS_OFFICE, "document-content");
    return st;
}

/* ---- the entry point ---------------------------------------------------- */

rs_status rs__office_read(const char *name, const unsigned char *bytes, size_t len,
                          rs_format format, size_t max_len, rs_buf *out, rs_error *err)
{
    name = name ? name : "";
    if (!out || (!bytes && len) || (format != RS_FORMAT_DOCX && format != RS_FORMAT_ODT))
        return rs__fail(err, RS_ERR_ARG, name, 0, "no output, no input or not DOCX or ODT");
    S_doc d = {.name = name, .kind = format == RS_FORMAT_ODT ? "ODT" : "DOCX",
               .odt = format == RS_FORMAT_ODT, .budget = max_len ? max_len : S_MAX_ALL,
               .err = err};
    d.o = (S_out){.b = out, .start = out->len, .max = max_len, .line = out->len};
    /* An OOXML package with a password is an OLE compound file, not a zip. */
    if (len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return rs__fail(err, RS_ERR_FORMAT, name, 0,
                        "encrypted document: an OLE compound file, not a zip: a "
                        "password-protected Office document (or a Word 97-2003 .doc); "
                        "remove the password or save it as .docx");
    rs_status st = S_zip_open(&d, bytes ? bytes : (const unsigned char *)"", len);
    if (!st)
        st = d.odt ? S_odt(&d) : S_docx(&d);
    if (!st) {
        S_end(&d.o);
        if (d.o.written)
            S_put(&d.o, "\n", 1);
        st = S_out_status(&d);
    }
    if (d.za)
        zip_discard(d.za);
    S_styles_free(&d.styles);
    if (st && out->len > d.o.start) { /* no half document */
        out->len = d.o.start;
        out->data[out->len] = '\0';
    }
    return st;
}
