/* xml.c — what every lexicon loader shares: the folder's *.xml files in
 * name order, a safe parse (no network, no DTD, no entities, no XInclude)
 * whose errors become ours with file and line, RelaxNG validation against a
 * schema compiled into rolescan, and small tree helpers. */
#include "xml.h"
#include "util/xml_handler.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define S_MAX_FILE (32u * 1024u * 1024u)
#define S_MAX_FILES 1000
/* The bytes of all the *.xml files of a folder together. A loaded lexicon
 * takes ~17 times its size in memory: without this bound, S_MAX_FILES
 * files just under S_MAX_FILE could ask for hundreds of GB. The shipped
 * folder is under 1 MB. */
#define S_MAX_TOTAL (64u * 1024u * 1024u)

/* ---- libxml2 errors become ours ---------------------------------------- */

typedef struct S_xml_errors {
    rs_error *err;
    const char *file;
    bool seen;
    rs_status status;   /* of the error seen */
} S_xml_errors;

/* The parse stops at a DOCTYPE, before any declaration in it is read, so
 * no entity is ever declared, loaded or expanded: a billion laughs is
 * refused here, not left to libxml2's amplification check ("Detected an
 * entity reference loop"). */
static void S_on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                         const xmlChar *system_id)
{
    (void)name, (void)external_id, (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    *(bool *)ctxt->_private = true;   /* the parse was stopped at a DOCTYPE */
    xmlStopParser(ctxt);
}

static void S_on_xml_error(void *ctx, xmlErrorPtr e)
{
    S_xml_errors *x = ctx;
    if (!e || e->level < XML_ERR_ERROR)
        return;
    /* libxml2 reports its failed allocations here too. They are
     * RS_ERR_NOMEM (exit 5), not an invalid lexicon (exit 3), and replace an
     * error seen before them (likely caused by the allocation). */
    bool nomem = e->code == XML_ERR_NO_MEMORY;
    if (x->seen && (!nomem || x->status == RS_ERR_NOMEM))
        return;
    x->seen = true;
    x->status = nomem ? RS_ERR_NOMEM : RS_ERR_LEXICON;
    char msg[400];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    rs__fail(x->err, x->status, x->file, (unsigned)(e->line > 0 ? e->line : 0),
             "%s", msg);
}

/* ---- reading files ----------------------------------------------------- */

static rs_status S_read_file(const char *path, char **data, size_t *len,
                             rs_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)   /* fopen's own malloc failing is out of memory (exit 5), not I/O */
        return rs__fail_os(err, errno, path, "cannot open");
    rs_buf b;
    rs__buf_init(&b, S_MAX_FILE);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (!rs__buf_append(&b, chunk, n))
            break;
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        rs__buf_free(&b);
        return rs__fail(err, RS_ERR_IO, path, 0, "read error");
    }
    if (b.failed) {
        bool big = b.len + sizeof chunk > S_MAX_FILE;
        rs__buf_free(&b);
        return big ? rs__fail(err, RS_ERR_TOO_LARGE, path, 0,
                              "lexicon file over %u bytes", S_MAX_FILE)
                   : rs__nomem(err, path);
    }
    *data = rs__buf_detach(&b, len);
    return *data ? RS_OK : rs__nomem(err, path);
}

/* 1-based line of the first `needle` in data (libxml2 keeps no line for a
 * DTD node), or 1 when absent. */
static unsigned S_line_of(const char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    unsigned line = 1;
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(data + i, needle, n) == 0)
            return line;
        line += data[i] == '\n';
    }
    return 1;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool S_has_xml_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0 && name[0] != '.';
}

/* The *.xml files of dir, sorted, as full paths. */
rs_status rs__xml_list(const char *dir, char ***out, size_t *count,
                              rs_error *err)
{
    DIR *d = opendir(dir);
    if (!d)   /* opendir's own malloc failing is out of memory, not I/O */
        return rs__fail_os(err, errno, dir, "cannot open lexicon folder");
    char **files = NULL;
    size_t n = 0, cap = 0;
    rs_status st = RS_OK;
    unsigned long long total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!S_has_xml_suffix(e->d_name))
            continue;
        if (n >= S_MAX_FILES) {
            st = rs__fail(err, RS_ERR_LIMIT, dir, 0, "more than %d lexicon files",
                          S_MAX_FILES);
            break;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = rs__malloc(len);
        if (!path || !rs__grow((void **)&files, &cap, n + 1, sizeof *files)) {
            rs__free(path);
            st = rs__nomem(err, dir);
            break;
        }
        snprintf(path, len, "%s/%s", dir, e->d_name);
        files[n++] = path;
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
            (total += (unsigned long long)sb.st_size) > S_MAX_TOTAL) {
            st = rs__fail(err, RS_ERR_TOO_LARGE, dir, 0,
                          "lexicon files together over %u bytes", S_MAX_TOTAL);
            break;
        }
    }
    closedir(d);
    if (st == RS_OK && n == 0)
        st = rs__fail(err, RS_ERR_LEXICON, dir, 0, "no lexicon files (*.xml) in folder");
    if (st) {
        for (size_t i = 0; i < n; i++)
            rs__free(files[i]);
        rs__free(files);
        return st;
    }
    qsort(files, n, sizeof *files, S_cmp_str);
    *out = files;
    *count = n;
    return RS_OK;
}

bool rs__xml_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/* libxml2 (2.9) can fail an allocation inside xmlGetProp or
 * xmlNodeGetContent, report it only to its last-error slot and hand back a
 * short or empty string: such a value is dropped (NULL: out of memory). */
static bool S_xml_nomem(void)
{
    const xmlError *e = xmlGetLastError();
    return e && e->code == XML_ERR_NO_MEMORY;
}

char *rs__xml_attr(const xmlNode *n, const char *name)
{
    xmlResetLastError();
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (v && S_xml_nomem()) {
        xmlFree(v);
        return NULL;
    }
    if (!v)
        return NULL;
    char *s = rs__strdup((const char *)v);
    xmlFree(v);
    return s;
}

char *rs__xml_text(const xmlNode *n)
{
    xmlResetLastError();
    xmlChar *v = xmlNodeGetContent(n);
    if (v && S_xml_nomem()) {   /* out of memory: see S_xml_nomem */
        xmlFree(v);
        return NULL;
    }
    if (!v)
        return NULL;
    /* Trim: the schema allows surrounding white space in element text. */
    const char *a = (const char *)v;
    while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
        a++;
    size_t len = strlen(a);
    while (len && (a[len - 1] == ' ' || a[len - 1] == '\t' || a[len - 1] == '\n' ||
                   a[len - 1] == '\r'))
        len--;
    char *s = rs__strndup(a, len);
    xmlFree(v);
    return s;
}

unsigned rs__xml_line(const xmlNode *n) { return (unsigned)xmlGetLineNo(n); }


bool rs__xml_root_is(const xmlNode *root, const char *name, const char *ns)
{
    return root && rs__xml_is(root, name) && root->ns &&
           xmlStrcmp(root->ns->href, BAD_CAST ns) == 0;
}

static void S_note_error(void *ctx, xmlErrorPtr e)
{
    if (e && e->level >= XML_ERR_ERROR)
        *(bool *)ctx = true;
}

xmlRelaxNGPtr rs__xml_schema(const char *bytes, size_t len)
{
    /* The schema is compiled in and valid, so any error while parsing it
     * is a failed allocation, after which libxml2 (2.9) may go on with a
     * damaged schema (a good lexicon would then "fail to validate", exit 3).
     * Any error drops the schema, which the callers report as out of
     * memory; the errors are noted, never printed. */
    bool bad = false;
    rs_xml_handler saved = rs__xml_handler_set(&bad, S_note_error);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(bytes, (int)len);
    if (pc)
        xmlRelaxNGSetParserStructuredErrors(pc, S_note_error, &bad);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    rs__xml_handler_restore(saved);
    if (schema && bad) {
        xmlRelaxNGFree(schema);
        schema = NULL;
    }
    return schema;
}

/* One validation run: 0 valid, 1 not (errors in *x), -1 no context. */
static int S_validate_once(xmlDoc *doc, xmlRelaxNGPtr schema, S_xml_errors *x)
{
    /* the thread's handler too: libxml2's own allocation failures, in the
     * context's making as in the tree's, are reported there */
    rs_xml_handler saved = rs__xml_handler_set(x, S_on_xml_error);
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
    int rc = -1;
    if (v) {
        xmlRelaxNGSetValidStructuredErrors(v, S_on_xml_error, x);
        rc = xmlRelaxNGValidateDoc(v, doc) == 0 ? 0 : 1;
        xmlRelaxNGFreeValidCtxt(v);
    }
    rs__xml_handler_restore(saved);
    return rc;
}

rs_status rs__xml_validate(xmlDoc *doc, xmlRelaxNGPtr schema, const char *path,
                           rs_error *err)
{
    S_xml_errors x = {err, path, false, RS_OK};
    int rc = S_validate_once(doc, schema, &x);
    if (rc == 0)
        return RS_OK;
    if (rc < 0 || (x.seen && x.status == RS_ERR_NOMEM))
        return rs__nomem(err, path);
    /* libxml2's validator can lose an allocation in silence and report it
     * as a schema error ("Expecting an element domain, got nothing"): the
     * document is invalid only if a second run says so too. */
    rs_error again = {0};
    S_xml_errors y = {&again, path, false, RS_OK};
    rc = S_validate_once(doc, schema, &y);
    if (rc <= 0)
        return rs__nomem(err, path);
    if (!x.seen)
        rs__fail(err, RS_ERR_LEXICON, path, 0, "does not match the lexicon schema");
    return RS_ERR_LEXICON;
}

/* The root element's local name as written ("lexicon" in "<x:lexicon"),
 * found without parsing: past a BOM, the XML declaration and comments.
 * Empty when a DOCTYPE or anything unusual comes first (then the file is
 * parsed, and the parser has the last word). */
static void S_sniff_root(const char *d, size_t len, char *name, size_t size)
{
    size_t i = len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    name[0] = '\0';
    for (;;) {
        while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
            i++;
        if (i + 4 < len && memcmp(d + i, "<?", 2) == 0) {
            const char *e = strstr(d + i, "?>");
            if (!e)
                return;
            i = (size_t)(e - d) + 2;
        } else if (i + 4 < len && memcmp(d + i, "<!--", 4) == 0) {
            const char *e = strstr(d + i, "-->");
            if (!e)
                return;
            i = (size_t)(e - d) + 3;
        } else {
            break;
        }
    }
    if (i >= len || d[i] != '<' || d[i + 1] == '!')
        return;
    size_t a = ++i, o = 0;
    while (i < len && !strchr(" \t\r\n>/", d[i]))
        if (d[i++] == ':')
            a = i;   /* a prefix: keep the local name */
    for (size_t k = a; k < i && o + 1 < size; k++)
        name[o++] = d[k];
    name[o] = '\0';
}

rs_status rs__xml_open(const char *path, const char *root, uint64_t *hash, xmlDoc **out,
                       rs_error *err)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    rs_status st = S_read_file(path, &data, &len, err);
    if (st)
        return st;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    *hash = rs__fnv1a64(*hash, base, strlen(base) + 1);
    *hash = rs__fnv1a64(*hash, data, len);
    char found[64];
    S_sniff_root(data, len, found, sizeof found);
    if (found[0] && strcmp(found, root) != 0) {
        rs__free(data);   /* another kind of lexicon: no need to parse it */
        return RS_OK;
    }
    unsigned doctype_line = S_line_of(data, len, "<!DOCTYPE");
    S_xml_errors x = {err, path, false, RS_OK};
    /* set before the context: libxml2 reports its own allocation failures
     * there too, and would print them */
    rs_xml_handler saved = rs__xml_handler_set(&x, S_on_xml_error);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rs__xml_handler_restore(saved);
        rs__free(data);
        return rs__nomem(err, path);
    }
    bool doctype = false;
    ctxt->_private = &doctype;
    ctxt->sax->internalSubset = S_on_doctype;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                          XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
    xmlFreeParserCtxt(ctxt);
    rs__xml_handler_restore(saved);
    rs__free(data);
    if (doctype) {
        xmlFreeDoc(doc);
        return rs__fail(err, RS_ERR_LEXICON, path, doctype_line,
                        "a DOCTYPE is not allowed in a lexicon (no DTDs or entities)");
    }
    if (!doc)
        return x.seen ? x.status   /* RS_ERR_NOMEM or RS_ERR_LEXICON, as seen */
                      : rs__fail(err, RS_ERR_LEXICON, path, 0, "not well-formed XML");
    if (x.seen && x.status == RS_ERR_NOMEM) {   /* a tree libxml2 built on past */
        xmlFreeDoc(doc);                        /* a failed allocation is dropped */
        return RS_ERR_NOMEM;
    }
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        return rs__fail(err, RS_ERR_LEXICON, path, doctype_line,
                        "a DOCTYPE is not allowed in a lexicon (no DTDs or entities)");
    }
    *out = doc;
    return RS_OK;
}

rs_status rs__xml_load(xmlDoc *doc, xmlRelaxNGPtr schema, const char *path,
                       rs_xml_walk_fn walk, void *ctx, rs_error *err)
{
    rs_status st = rs__xml_validate(doc, schema, path, err);
    if (st)
        return st;
    bool nomem = false;
    rs_xml_handler saved = rs__xml_handler_set(&nomem, rs__xml_note_nomem);
    st = walk(ctx, xmlDocGetRootElement(doc));
    rs__xml_handler_restore(saved);
    return nomem && st != RS_ERR_NOMEM ? rs__nomem(err, path) : st;
}

/* ---- value checks -------------------------------------------------------- */

rs_status rs__check_ident(const char *what, const char *v, const char *file, unsigned line,
                          rs_error *err)
{
    size_t n = strlen(v);
    bool ok = n >= 1 && n <= 64 && ((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= '0' && v[0] <= '9'));
    for (size_t i = 1; ok && i < n; i++)
        ok = (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9') ||
             strchr("_.+#-", v[i]) != NULL;
    return ok ? RS_OK
              : rs__fail(err, RS_ERR_LEXICON, file, line,
                         "%s \"%s\" is not an id: 1 to 64 of a-z 0-9 _ . + # -, "
                         "starting with a letter or digit", what, v);
}

rs_status rs__check_length(const char *what, const char *v, size_t min, size_t max,
                           const char *file, unsigned line, rs_error *err)
{
    size_t chars = 0;
    for (const char *p = v; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (chars >= min && chars <= max)
        return RS_OK;
    return rs__fail(err, RS_ERR_LEXICON, file, line, "%s is %zu characters; %zu to %zu allowed",
                    what, chars, min, max);
}

rs_status rs__check_version(const char *v, const char *file, unsigned line, rs_error *err)
{
    bool ok = v[0] >= '0' && v[0] <= '9';
    for (const char *p = v; ok && *p; p++)
        ok = (*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9');
    return ok ? RS_OK
              : rs__fail(err, RS_ERR_LEXICON, file, line,
                         "version \"%s\" is not digits separated by dots (e.g. 2026.11.0)", v);
}
