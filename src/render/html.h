/* html.h — building an HTML page as a libxml2 tree, shared by the report
 * (score_html.c) and the batch summary (batch_html.c). Every
 * piece of input text goes in as a text node, cleaned of control
 * characters (escape.c); libxml2's serializer escapes it. Nothing is ever
 * parsed from input, so no input can become markup. */
#ifndef RS_HTML_H
#define RS_HTML_H

#include "internal.h"
#include "util/xml_handler.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

/* A page being built. Helpers take a NULL parent quietly and note any
 * allocation failure in `failed`, checked once by rs__html_finish. From
 * rs__html_begin to rs__html_finish or rs__html_discard, libxml2's errors
 * on this thread come to the page (a value libxml2 could not copy, output
 * it could not write): they fail it, and are never printed. */
typedef struct rs_html {
    xmlDocPtr doc;
    xmlNodePtr head, body;
    bool failed;
    bool listening;        /* our handler is installed */
    rs_xml_handler saved;  /* the one it replaced */
} rs_html;

/* The page skeleton: doctype, charset, viewport, a Content-Security-
 * Policy that allows no script and no request, the title and the shared
 * stylesheet (light, dark, print, narrow screens). */
bool rs__html_begin(rs_html *h, const char *title);
/* Serializes into a new rs__malloc'd string (the caller's) and frees the
 * tree; RS_ERR_NOMEM when anything failed on the way. */
rs_status rs__html_finish(rs_html *h, char **out, size_t *len, rs_error *err);
void rs__html_discard(rs_html *h);

/* A child element, optionally with a class. */
xmlNodePtr rs__html_el(rs_html *h, xmlNodePtr parent, const char *name, const char *cls);
/* A child element holding text. */
xmlNodePtr rs__html_el_text(rs_html *h, xmlNodePtr parent, const char *name,
                            const char *cls, const char *text);
void rs__html_attr(rs_html *h, xmlNodePtr node, const char *name, const char *value);
/* Appends text (n bytes; input text is cleaned of controls). */
void rs__html_text_n(rs_html *h, xmlNodePtr parent, const char *s, size_t n);
void rs__html_text(rs_html *h, xmlNodePtr parent, const char *s);
void rs__html_textf(rs_html *h, xmlNodePtr parent, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* <section id=ID> with its <h2> heading, labelled by it. */
xmlNodePtr rs__html_section(rs_html *h, xmlNodePtr parent, const char *id, const char *title);

/* An inline SVG bar for a value in [0, max], with its number beside it in
 * text and a title for screen readers. */
void rs__html_bar(rs_html *h, xmlNodePtr parent, double value, double max,
                  const char *label);

/* A table cell that names itself (data-label) when its table, of class
 * "cards", reflows into one card per row on a narrow screen. */
xmlNodePtr rs__html_cell(rs_html *h, xmlNodePtr tr, const char *cls, const char *label);

/* A relative URL for a local path: every byte outside [A-Za-z0-9/._~-]
 * percent-encoded, so no path can become a javascript: link. */
char *rs__html_path_url(const char *path);

/* Appends text quoted from the input, its Markdown and table markup
 * stripped (rs__strip_markup). */
void rs__html_quote(rs_html *h, xmlNodePtr parent, const char *s);
/* The evidence's line cut around the match, with the match in <mark>,
 * its markup stripped. */
void rs__html_evidence(rs_html *h, xmlNodePtr parent, const rs_document *doc,
                       const rs_evidence *ev);

#endif
