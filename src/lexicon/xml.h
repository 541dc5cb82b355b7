/* xml.h — shared by the skill and roles lexicon loaders (xml.c). */
#ifndef RS_XML_H
#define RS_XML_H

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "internal.h"

/* The *.xml files of dir (hidden ones skipped), sorted, as full paths. */
rs_status rs__xml_list(const char *dir, char ***out, size_t *count, rs_error *err);
/* Reads one file, adding its name and bytes to *hash, and parses it safely
 * when its root element can be `root` (*out stays NULL when the file
 * plainly holds another kind of document). */
rs_status rs__xml_open(const char *path, const char *root, uint64_t *hash, xmlDoc **out,
                       rs_error *err);
xmlRelaxNGPtr rs__xml_schema(const char *bytes, size_t len);
rs_status rs__xml_validate(xmlDoc *doc, xmlRelaxNGPtr schema, const char *path,
                           rs_error *err);
/* Validates doc, then reads it: walk(ctx, root). A value libxml2 could not
 * copy while it is read (xmlGetProp answers NULL, as for a missing
 * attribute) makes the load RS_ERR_NOMEM, never a lexicon error. */
typedef rs_status (*rs_xml_walk_fn)(void *ctx, const xmlNode *root);
rs_status rs__xml_load(xmlDoc *doc, xmlRelaxNGPtr schema, const char *path,
                       rs_xml_walk_fn walk, void *ctx, rs_error *err);

bool rs__xml_root_is(const xmlNode *root, const char *name, const char *ns);
bool rs__xml_is(const xmlNode *n, const char *name);
/* Attribute or trimmed text content as a new string (NULL when absent). */
char *rs__xml_attr(const xmlNode *n, const char *name);
char *rs__xml_text(const xmlNode *n);
unsigned rs__xml_line(const xmlNode *n);

/* The value checks the schemas leave to code (see lexicon.rng): each
 * returns RS_OK or fills err with file, line and what is wrong. */
rs_status rs__check_ident(const char *what, const char *value, const char *file,
                          unsigned line, rs_error *err);
rs_status rs__check_length(const char *what, const char *value, size_t min, size_t max,
                           const char *file, unsigned line, rs_error *err);
rs_status rs__check_version(const char *value, const char *file, unsigned line,
                            rs_error *err);

#endif
