/* office_internal.h — what the DOCX and ODT reader's files share: the
 * document being read (S_doc) and the calls one file makes into another.
 * zip.c reads the parts from the zip; office_text.c holds what DOCX and
 * ODT have in common (paragraphs and lists for the text writer, the XML
 * part reader, the walk of a text part, the entry point rs__office_read);
 * blocktext.c writes the lines; docx.c and odt.c each read their own
 * format. As in analyze_internal.h, the shared types keep their S_ names;
 * the shared functions are rs__office_* and rs__zip_*. */
#ifndef RS_OFFICE_INTERNAL_H
#define RS_OFFICE_INTERNAL_H

#include "blocktext.h"
#include "input_internal.h"
#include "util/dynlib.h"

#include <libxml/xmlreader.h>
#include <zip.h>

/* ---- namespaces (office_text.c maps their URIs) ------------------------- */

typedef enum S_ns {
    S_NS_OTHER = 0, S_NS_W, S_NS_MC, S_NS_M, S_NS_TEXT, S_NS_TABLE, S_NS_OFFICE,
    S_NS_STYLE, S_NS_DRAW, S_NS_SVG, S_NS_PRES
} S_ns;

/* ---- the text writer's state (office_text.c) ---------------------------- */

/* The writer (blocktext.h) and the paragraphs open around the text: a
 * paragraph ends with a hard line end, so an empty one makes a blank line,
 * one blank line at most in a row. */
typedef struct S_out {
    rs_bt w;
    rs_buf *hidden;    /* text of hidden runs, words by blanks */
    unsigned paras;    /* open paragraphs (a text box's are inside another) */
    uint64_t saved;    /* bit k: the "- " owed by open paragraph k */
    uint64_t nested;   /* bit k: open paragraph k holds another */
} S_out;

/* ---- the document ------------------------------------------------------- */

/* Styles by id, each with its base (DOCX w:basedOn, ODT
 * style:parent-style-name). DOCX paragraph styles make list items when
 * they, or a style they are based on, have numbering (docx.c); a DOCX
 * style with w:vanish, or an ODT style with text:display="none", hides
 * the text set in it (office_text.c). */
#define S_MAX_STYLES 4096 /* styles read from a document */

typedef struct S_style {
    char *id;
    char *based;
    signed char num;    /* 1 numbered, 0 numbering removed, -1 as its base */
    signed char hides;  /* 1 hides its text, 0 shows it, -1 as its base */
    bool para;          /* a DOCX paragraph style */
} S_style;

typedef struct S_styles {
    S_style *v;
    size_t n, cap;
    bool sorted;        /* v is sorted by id */
    bool any_hides;     /* some style hides its text */
    const char **lists; /* ids of list styles, sorted; point into v */
    size_t nlists;
    bool in;            /* inside a style read from styles.xml */
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

/* ---- errors (office_text.c) --------------------------------------------- */

/* RS_ERR_FORMAT: "not a valid DOCX file: ..." */
rs_status rs__office_bad(S_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* RS_ERR_FORMAT: "encrypted document: <what> is password-protected; ..." */
rs_status rs__office_encrypted(S_doc *d, const char *what);

/* ---- zip parts (zip.c) -------------------------------------------------- */

/* libzip is opened on the first DOCX or ODT (util/dynlib.h), not linked:
 * RS_ZIP(f) calls f, typed as <zip.h> declares it, once rs__zip_open has
 * loaded it. */
#define RS_ZIP_FUNCTIONS(X)                                                           \
    X(zip_error_init) X(zip_source_buffer_create) X(zip_error_fini)                   \
    X(zip_open_from_source) X(zip_source_free) X(zip_error_code_zip)                  \
    X(zip_error_strerror) X(zip_get_num_entries) X(zip_name_locate)                   \
    X(zip_fopen_index) X(zip_get_error) X(zip_fread) X(zip_file_get_error)            \
    X(zip_fclose) X(zip_stat_init) X(zip_stat_index) X(zip_get_name) X(zip_discard)
#define RS_ZIP_INDEX(f) RS_ZIP_I_##f,
enum { RS_ZIP_FUNCTIONS(RS_ZIP_INDEX) RS_ZIP_COUNT };
extern rs_dynfn rs__zip_fns[RS_ZIP_COUNT];
#define RS_ZIP(f) ((__typeof__(&f))rs__zip_fns[RS_ZIP_I_##f])


/* Opens the zip in bytes (which must outlive d->za; the caller discards
 * d->za) and sets the budget of uncompressed bytes the parts may take in
 * all: max_len, or when it is 0 zip.c's S_MAX_ALL. */
rs_status rs__zip_open(S_doc *d, const unsigned char *bytes, size_t len, size_t max_len);

/* The index of a part, or -1. OPC part names ignore case. */
zip_int64_t rs__zip_find(S_doc *d, const char *part);

/* A part's bytes, NUL-terminated (caller frees with rs__free), after the
 * size, ratio and budget checks. */
rs_status rs__zip_load(S_doc *d, zip_uint64_t idx, const char *part, char **data,
                       size_t *len);

/* ---- XML parts and text parts (office_text.c) --------------------------- */

/* The current element's namespace; the reader interns its strings, so one
 * remembered pointer saves most comparisons. */
typedef struct S_ns_cache {
    const xmlChar *uri;
    S_ns ns;
} S_ns_cache;

S_ns rs__office_ns_cached(S_ns_cache *c, xmlTextReaderPtr r);

bool rs__office_name_is(xmlTextReaderPtr r, const char *name);

/* An attribute in the element's own namespace (w:val, text:c) or, for an
 * element in none, without one; NULL when absent. xmlFree it. */
xmlChar *rs__office_attr(xmlTextReaderPtr r, const char *local);

bool rs__office_attr_is(xmlTextReaderPtr r, const char *local, const char *value);

/* ---- styles (office_styles.c) ------------------------------------------ */

/* Replaces *slot with a copy of the attribute `local`, when r has it;
 * false when out of memory. */
bool rs__office_attr_dup(xmlTextReaderPtr r, const char *local, char **slot);

/* Adds the style r opens: its id from the attribute id_attr, its base from
 * based_attr (when not NULL). *out is the new style, or NULL when r has no
 * id or the table is full. RS_ERR_NOMEM when out of memory. */
rs_status rs__office_style_add(S_doc *d, xmlTextReaderPtr r, const char *id_attr,
                               const char *based_attr, S_style **out);

/* The style with this id (one of them when a document repeats an id). */
const S_style *rs__office_style_find(S_styles *s, const char *id);

/* Whether the style named by the attribute `local` of r hides its text,
 * following its bases. */
bool rs__office_style_hides(S_doc *d, xmlTextReaderPtr r, const char *local);

void rs__office_styles_free(S_styles *s);

/* Called for each node; sets *skip to pass over an element's subtree. */
typedef rs_status (*S_visit)(S_doc *d, void *ctx, xmlTextReaderPtr r, int type, bool *skip);

/* One part's text, ended by a line end. `root`, when given, is the local
 * name the root element must have in namespace `root_ns`. */
rs_status rs__office_text_part(S_doc *d, zip_uint64_t idx, const char *part, S_ns root_ns,
                               const char *root);

/* Reads an optional part whose problems cost only what it adds (a list
 * style, a main part name): only running out of memory or over a limit
 * fails the document. */
rs_status rs__office_optional(S_doc *d, const char *part, S_visit visit, void *ctx);

/* A blank line between parts: headers, the body, footnotes. */
void rs__office_gap(S_out *o);

/* ---- the formats (docx.c, odt.c) ---------------------------------------- */

/* The text of a DOCX: headers and footers, the main document, footnotes
 * and endnotes, with the paragraph styles that make lists. */
rs_status rs__office_docx(S_doc *d);

/* Whether the w:pStyle at r names a list style. */
bool rs__office_list_style(const S_doc *d, xmlTextReaderPtr r);

/* The text of an ODT: its mimetype and manifest checked, then styles.xml
 * (headers and footers) and content.xml. */
rs_status rs__office_odt(S_doc *d);

#endif
