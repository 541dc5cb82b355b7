/* html.c — HTML postings become plain text for the pipeline. libxml2's HTML
 * parser recovers what it can of the markup; one walk over the tree turns
 * block elements into lines; a schema.org JobPosting in JSON-LD, when the
 * page has one, is read instead of the page around it. The result goes
 * through rs_text_decode, so later stages see an ordinary rs_text. The rule
 * is documented in rolescan.h (rs_html_read). */
#include "blocktext.h"
#include "internal.h"
#include "util/xml_handler.h"
#include "json_tree.h"
#include "input/input_internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Not HTML_PARSE_NOBLANKS: it drops the blank between two inline elements
 * ("<b>Go</b> <i>Rust</i>"). Errors are recovered from, never printed. */
#define S_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                   HTML_PARSE_NOWARNING | HTML_PARSE_NONET)
#define S_MAX_INDENT 4     /* list levels shown by indentation */
#define S_MAX_JSON_NEST 8  /* arrays and @graph levels searched for a posting */
/* A page whose elements nest past libxml2's limit (256) is read again
 * without it up to this size; a larger one keeps what came before the
 * limit, and says so. */
#define S_HUGE_MAX ((size_t)2 << 20)

/* ---- what each element stands for -------------------------------------- */

typedef enum S_kind {
    S_INLINE = 0, /* text flows through it */
    S_DROP,       /* neither it nor anything inside is text */
    S_HEAD,       /* dropped from the text, searched for the <title> */
    S_BREAK,      /* <br>: one more line end */
    S_LINE,       /* ends the line before and after */
    S_PARA,       /* a blank line before and after */
    S_LIST,       /* ul, ol: a line, and one list level deeper */
    S_ITEM,       /* li: a line starting with "- " */
    S_PRE         /* a paragraph whose line ends are kept */
} S_kind;

static const struct {
    const char *name;
    S_kind kind;
} S_elements[] = {
    {"script", S_DROP}, {"style", S_DROP}, {"noscript", S_DROP},
    {"template", S_DROP}, {"nav", S_DROP}, {"footer", S_DROP},
    {"aside", S_DROP}, {"svg", S_DROP}, {"head", S_HEAD},
    {"br", S_BREAK}, {"p", S_PARA}, {"h1", S_PARA}, {"h2", S_PARA},
    {"h3", S_PARA}, {"h4", S_PARA}, {"h5", S_PARA}, {"h6", S_PARA},
    {"section", S_PARA}, {"article", S_PARA}, {"main", S_PARA},
    {"header", S_PARA}, {"blockquote", S_PARA}, {"table", S_PARA},
    {"dl", S_PARA}, {"figure", S_PARA}, {"hr", S_PARA}, {"address", S_PARA},
    {"div", S_LINE}, {"tr", S_LINE}, {"td", S_LINE}, {"th", S_LINE},
    {"thead", S_LINE}, {"tbody", S_LINE}, {"tfoot", S_LINE},
    {"caption", S_LINE}, {"dt", S_LINE}, {"dd", S_LINE},
    {"figcaption", S_LINE}, {"details", S_LINE}, {"summary", S_LINE},
    {"fieldset", S_LINE}, {"legend", S_LINE}, {"center", S_LINE},
    {"body", S_LINE}, {"html", S_LINE}, {"ul", S_LIST}, {"ol", S_LIST},
    {"menu", S_LIST}, {"dir", S_LIST}, {"li", S_ITEM}, {"pre", S_PRE},
    {"listing", S_PRE}, {"xmp", S_PRE},
};

/* libxml2's HTML parser gives element names in lower case. */
static S_kind S_kind_of(const xmlNode *n)
{
    const char *name = (const char *)n->name;
    for (size_t i = 0; name && i < sizeof S_elements / sizeof S_elements[0]; i++)
        if (strcmp(name, S_elements[i].name) == 0)
            return S_elements[i].kind;
    return S_INLINE;
}

static bool S_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

/* The node after n in document order below root, n's children skipped
 * unless `into`; NULL at the end. Parent pointers, not recursion: nesting
 * depth costs no stack. */
static xmlNode *S_next(xmlNode *n, const xmlNode *root, bool into)
{
    if (into && n->children)
        return n->children;
    while (!n->next) {
        n = n->parent;
        if (!n || n == root)
            return NULL;
    }
    return n->next;
}

/* The first element called `name` below root, outside dropped elements. */
static xmlNode *S_find(xmlNode *root, const char *name)
{
    for (xmlNode *n = root->children; n;) {
        if (S_is(n, name))
            return n;
        bool into = n->type == XML_ELEMENT_NODE && S_kind_of(n) != S_DROP;
        n = S_next(n, root, into);
    }
    return NULL;
}

/* ---- writing the text -------------------------------------------------- */

/* HTML's rule for the writer (blocktext.h): blanks fold into one, U+00A0
 * among them, and <br>s may make up to two blank lines. */
#define S_FLAGS (RS_BT_COLLAPSE | RS_BT_HTML_BLANKS | RS_BT_TWO_BLANKS)

typedef struct S_out {
    rs_bt w;
    size_t lists;      /* open lists */
    size_t pre;        /* open pre elements: line ends are kept */
    rs_buf *hidden;    /* the text of hidden elements, or NULL to drop it */
} S_out;

/* ---- hidden elements ---------------------------------------------------- */

/* One declaration of a style attribute, lower-cased, blanks dropped:
 * "display:none". */
static bool S_declares(const char *decl, const char *prop, const char *const *values)
{
    size_t n = strlen(prop);
    if (strncmp(decl, prop, n) != 0 || decl[n] != ':')
        return false;
    const char *v = decl + n + 1;
    for (size_t i = 0; values[i]; i++) {
        size_t k = strlen(values[i]);
        if (strncmp(v, values[i], k) == 0 && (v[k] == '\0' || v[k] == '!'))
            return true;
    }
    return false;
}

/* Styled away: display:none, visibility:hidden, a font too small to read
 * (0 or 1px), white text. */
static bool S_style_hides(const char *style)
{
    static const char *const none[] = {"none", NULL}, *const hidden[] = {"hidden", NULL};
    static const char *const tiny[] = {"0", "0px", "0pt", "0em", "0rem", "0%", "1px", NULL};
    static const char *const white[] = {"#fff", "#ffffff", "white", "#ffff", "#ffffffff",
                                        "rgb(255,255,255)", NULL};
    char decl[128];
    size_t n = 0;
    for (const char *p = style;; p++) {
        if (*p == ';' || *p == '\0') {
            decl[n] = '\0';
            if (S_declares(decl, "display", none) || S_declares(decl, "visibility", hidden) ||
                S_declares(decl, "font-size", tiny) || S_declares(decl, "color", white))
                return true;
            n = 0;
            if (!*p)
                return false;
        } else if (!isspace((unsigned char)*p) && n + 1 < sizeof decl) {
            decl[n++] = (char)tolower((unsigned char)*p);
        }
    }
}

/* An element a reader never sees: the hidden attribute, or styled away. */
static bool S_hidden(const xmlNode *n)
{
    if (xmlHasProp(n, BAD_CAST "hidden"))
        return true;
    xmlChar *style = xmlGetProp(n, BAD_CAST "style");
    bool hides = style && S_style_hides((const char *)style);
    xmlFree(style);
    return hides;
}

/* Keeps a hidden element's text aside, a blank between pieces. */
static void S_hide(S_out *o, const xmlNode *n)
{
    if (!o->hidden)
        return;
    xmlChar *text = xmlNodeGetContent(n);
    if (!text) {
        o->hidden->failed = true;
        return;
    }
    if (*text && o->hidden->len)
        rs__buf_putc(o->hidden, ' ');
    rs__buf_puts(o->hidden, (const char *)text);
    xmlFree(text);
}

static void S_open(S_out *o, S_kind k)
{
    switch (k) {
    case S_BREAK: rs__bt_break(&o->w); break;
    case S_LINE: rs__bt_lines(&o->w, 1); break;
    case S_PARA: rs__bt_lines(&o->w, 2); break;
    case S_PRE:
        rs__bt_lines(&o->w, 2);
        o->pre++;
        break;
    case S_LIST:
        rs__bt_lines(&o->w, 1);
        o->lists++;
        break;
    case S_ITEM: /* the first list level is not indented */
        rs__bt_item(&o->w, o->lists > S_MAX_INDENT ? S_MAX_INDENT
                           : o->lists ? (unsigned)o->lists - 1 : 0);
        break;
    default: break;
    }
}

static void S_close(S_out *o, S_kind k)
{
    switch (k) {
    case S_LINE: rs__bt_lines(&o->w, 1); break;
    case S_PARA: rs__bt_lines(&o->w, 2); break;
    case S_PRE:
        o->pre -= o->pre > 0;
        rs__bt_lines(&o->w, 2);
        break;
    case S_LIST:
        o->lists -= o->lists > 0;
        rs__bt_lines(&o->w, 1);
        break;
    case S_ITEM: rs__bt_item_end(&o->w); break;
    default: break;
    }
}

/* Writes what n stands for; true when its children are to be read. */
static bool S_enter(S_out *o, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            rs__bt_text(&o->w, (const char *)n->content, strlen((const char *)n->content),
                        o->pre > 0);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;
    S_kind k = S_kind_of(n);
    if (k == S_DROP || k == S_HEAD)
        return false;
    if (S_hidden(n)) {
        S_hide(o, n);
        return false;
    }
    S_open(o, k);
    return true;
}

/* Writes the text below root, entering and leaving every element in
 * document order without recursion. */
static void S_walk(S_out *o, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n) {
        bool in = S_enter(o, n);
        if (in && n->children) {
            n = n->children;
            continue;
        }
        if (in)
            S_close(o, S_kind_of(n));
        while (!n->next) {
            n = n->parent;
            if (!n || n == root)
                return;
            S_close(o, S_kind_of(n));
        }
        n = n->next;
    }
}

/* Hands over the buffer's text (NULL when empty); false when out of
 * memory. The buffer is freed either way. */
static bool S_finish(rs_buf *b, char **out)
{
    *out = NULL;
    if (b->failed || b->len == 0) {
        bool ok = !b->failed;
        rs__buf_free(b);
        return ok;
    }
    *out = rs__buf_detach(b, NULL);
    return *out != NULL;
}

/* The text below root into *out (NULL when it has none); false when out
 * of memory. `keep_lines` keeps line ends of text, as in <pre>. */
static bool S_write(xmlNode *root, bool keep_lines, bool one_line, char **out,
                    rs_buf *hidden)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    S_out o = {.pre = keep_lines, .hidden = hidden};
    rs__bt_init(&o.w, &b, 0, S_FLAGS | (one_line ? RS_BT_ONE_LINE : 0));
    S_walk(&o, root);
    rs__bt_end(&o.w);
    return S_finish(&b, out);
}

/* ---- one parse ----------------------------------------------------------- */

/* htmlReadMemory, quietly: libxml2 raises encoding errors ("input conversion
 * failed") outside the parser context, where HTML_PARSE_NOERROR does not
 * silence them, and the library never prints (such an input is in
 * fuzz/regressions/html/encoding-error-printed). xmlGetLastError keeps the
 * parse's last error for the caller. *nomem: libxml2 ran out of memory;
 * as it recovers by dropping what it could not build, the tree is freed
 * and NULL returned, never a page read in part. */
static xmlDoc *S_read_memory(const char *bytes, size_t len, const char *encoding,
                             int options, bool *nomem)
{
    xmlResetLastError();
    rs_xml_handler saved = rs__xml_handler_set(NULL, rs__xml_quiet);
    xmlDoc *doc = htmlReadMemory(bytes, (int)len, NULL, encoding, options);
    rs__xml_handler_restore(saved);
    const xmlError *last = xmlGetLastError();
    *nomem = last && last->code == XML_ERR_NO_MEMORY;
    if (*nomem) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

/* ---- HTML strings (JSON-LD values) -------------------------------------- */

/* Reads a UTF-8 string as HTML into *out (NULL when it holds no text).
 * `keep_lines` keeps its line ends, for a string that is not markup. */
static rs_status S_fragment(const char *s, bool keep_lines, bool one_line,
                            char **out, rs_buf *hidden)
{
    *out = NULL;
    size_t n = strlen(s);
    if (n == 0 || n > INT_MAX)
        return RS_OK;
    bool nomem;
    xmlDoc *doc = S_read_memory(s, n, "UTF-8", S_OPTIONS | HTML_PARSE_IGNORE_ENC, &nomem);
    if (nomem)
        return RS_ERR_NOMEM;
    if (!doc)
        return RS_OK;
    bool ok = S_write((xmlNode *)doc, keep_lines, one_line, out, hidden);
    xmlFreeDoc(doc);
    return ok ? RS_OK : RS_ERR_NOMEM;
}

/* Whether s holds a tag: '<' then a letter, '/' or '!' ("a < b" is text). */
static bool S_has_markup(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        unsigned char c = (unsigned char)p[1];
        if (c == '/' || c == '!' || (unsigned)((c | 0x20) - 'a') < 26u)
            return true;
    }
    return false;
}

/* A description: HTML, plain text with line ends, or HTML escaped once
 * more ("&lt;p&gt;..."), which some sites publish. */
static rs_status S_html_string(const char *s, bool one_line, char **out, rs_buf *hidden)
{
    bool markup = S_has_markup(s);
    if (markup || one_line || !strstr(s, "&lt;"))
        return S_fragment(s, !markup, one_line, out, hidden);
    char *once = NULL;
    rs_status st = S_fragment(s, true, false, &once, NULL);
    if (st || !once)
        return st;
    st = S_fragment(once, false, false, out, hidden);
    rs__free(once);
    return st;
}

/* ---- the JobPosting in JSON-LD ------------------------------------------ */

/* A JobPosting's parts, or the page body as description; page_title is
 * the <title> or <h1>, for rs_html_info when the posting names none. */
typedef struct S_posting {
    char *title;
    char *description;
    char *experience;
    char *page_title;
    rs_buf hidden;          /* the text of the description's hidden elements */
} S_posting;

static void S_posting_clear(S_posting *p)
{
    rs__free(p->title);
    rs__free(p->description);
    rs__free(p->experience);
    rs__free(p->page_title);
    rs__buf_free(&p->hidden);
    memset(p, 0, sizeof *p);
}

/* ---- JSON-LD: the JobPosting of a page --------------------------------- */

/* "JobPosting", "schema:JobPosting" or "https://schema.org/JobPosting". */
static bool S_type_name_is_posting(const rs_jv *v)
{
    const char *s = rs__jstr(v);
    if (!s)
        return false;
    size_t n = strlen(s), k = strlen("JobPosting");
    return n >= k && strcmp(s + n - k, "JobPosting") == 0 &&
           (n == k || s[n - k - 1] == '/' || s[n - k - 1] == ':');
}

static bool S_is_posting(const rs_jv *obj)
{
    const rs_jv *type = rs__jget(obj, "@type");
    if (!rs__jis(type, RS_J_ARRAY))
        return S_type_name_is_posting(type);
    for (const rs_jv *t = type->first; t; t = t->next)
        if (S_type_name_is_posting(t))
            return true;
    return false;
}

/* The JobPosting in v: v itself, an item of an array, or of an @graph;
 * `depth` bounds the search. */
static const rs_jv *S_find_posting(const rs_jv *v, int depth)
{
    if (depth > S_MAX_JSON_NEST)
        return NULL;
    if (rs__jis(v, RS_J_ARRAY)) {
        for (const rs_jv *item = v->first; item; item = item->next) {
            const rs_jv *found = S_find_posting(item, depth + 1);
            if (found)
                return found;
        }
        return NULL;
    }
    if (!rs__jis(v, RS_J_OBJECT))
        return NULL;
    if (S_is_posting(v))
        return v;
    const rs_jv *graph = rs__jget(v, "@graph");
    return graph ? S_find_posting(graph, depth + 1) : NULL;
}

/* One experienceRequirements value: a string, or an object with a
 * description or monthsOfExperience. */
static rs_status S_experience_one(const rs_jv *v, char **out)
{
    *out = NULL;
    if (rs__jis(v, RS_J_STRING))
        return S_html_string(v->str, false, out, NULL);
    if (!rs__jis(v, RS_J_OBJECT))
        return RS_OK;
    const char *d = rs__jstr(rs__jget(v, "description"));
    if (d) {
        rs_status st = S_html_string(d, false, out, NULL);
        if (st || *out)
            return st;
    }
    const rs_jv *months = rs__jget(v, "monthsOfExperience");
    if (!rs__jis(months, RS_J_NUMBER) || !(months->num > 0))
        return RS_OK;
    char s[400];
    double m = months->num;
    bool whole = m < 1e15 && m == (double)(long long)m;
    snprintf(s, sizeof s, "%.*f month%s of experience", whole ? 0 : 1, m,
             m == 1 ? "" : "s");
    *out = rs__strdup(s);
    return *out ? RS_OK : RS_ERR_NOMEM;
}

/* experienceRequirements: one value, or an array of them, one a line. */
static rs_status S_experience(const rs_jv *v, char **out)
{
    if (!rs__jis(v, RS_J_ARRAY))
        return S_experience_one(v, out);
    rs_buf b;
    rs__buf_init(&b, 0);
    for (const rs_jv *item = v->first; item; item = item->next) {
        char *one = NULL;
        if (S_experience_one(item, &one) != RS_OK)
            b.failed = true;
        if (one && b.len)
            rs__buf_putc(&b, '\n');
        if (one)
            rs__buf_puts(&b, one);
        rs__free(one);
    }
    return S_finish(&b, out) ? RS_OK : RS_ERR_NOMEM;
}

static rs_status S_read_posting(const rs_jv *jp, S_posting *p)
{
    const char *title = rs__jstr(rs__jget(jp, "title"));
    const char *desc = rs__jstr(rs__jget(jp, "description"));
    rs_status st = RS_OK;
    if (title)
        st = S_html_string(title, true, &p->title, NULL);
    if (!st && desc)
        st = S_html_string(desc, false, &p->description, &p->hidden);
    if (!st)
        st = S_experience(rs__jget(jp, "experienceRequirements"), &p->experience);
    return st;
}

/* type="application/ld+json", in any case, parameters allowed. */
static bool S_is_json_ld(const xmlNode *n)
{
    if (!S_is(n, "script"))
        return false;
    xmlChar *type = xmlGetProp(n, BAD_CAST "type");
    const xmlChar *t = type;
    while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
        t++;
    static const char want[] = "application/ld+json";
    bool yes = t && xmlStrncasecmp(t, BAD_CAST want, (int)sizeof want - 1) == 0 &&
               (t[sizeof want - 1] == '\0' || t[sizeof want - 1] == ';' ||
                t[sizeof want - 1] == ' ');
    xmlFree(type);
    return yes;
}

/* Reads one JSON-LD script; p->description is set when it held a usable
 * JobPosting. Invalid JSON is skipped. */
static rs_status S_json_ld_script(const xmlNode *script, S_posting *p)
{
    xmlChar *src = xmlNodeGetContent(script);
    if (!src)
        return RS_OK;
    rs_jtree t;
    rs_status st = rs__jparse((const char *)src, strlen((const char *)src), &t);
    xmlFree(src);
    const rs_jv *jp = !st && t.root ? S_find_posting(t.root, 0) : NULL;
    if (jp)
        st = S_read_posting(jp, p);
    rs__jtree_free(&t);
    if (st == RS_OK && !p->description)
        S_posting_clear(p);
    return st;
}

/* The first JobPosting of the page whose description has text: without
 * one, the page body is the better text. */
static rs_status S_json_ld(xmlDoc *doc, S_posting *p)
{
    xmlNode *root = (xmlNode *)doc;
    for (xmlNode *n = root->children; n; n = S_next(n, root, !S_is(n, "script"))) {
        if (!S_is_json_ld(n))
            continue;
        rs_status st = S_json_ld_script(n, p);
        if (st || p->description)
            return st;
    }
    return RS_OK;
}

/* ---- the page ----------------------------------------------------------- */

/* The text of <title>, else of the first <h1>, on one line. */
static rs_status S_page_title(xmlDoc *doc, char **out)
{
    *out = NULL;
    const char *names[] = {"title", "h1"};
    for (size_t i = 0; i < 2 && !*out; i++) {
        xmlNode *n = S_find((xmlNode *)doc, names[i]);
        if (!n)
            continue;
        if (!S_write(n, false, true, out, NULL))
            return RS_ERR_NOMEM;
    }
    return RS_OK;
}

static rs_status S_page_body(xmlDoc *doc, S_posting *p)
{
    return S_write((xmlNode *)doc, false, false, &p->description, &p->hidden) ? RS_OK
                                                                              : RS_ERR_NOMEM;
}

/* "title\n\ndescription\n\nexperience\n", leaving out what is missing
 * (a page body comes with neither title nor experience). */
static char *S_compose(const S_posting *p, size_t *len)
{
    const char *parts[] = {p->title, p->description, p->experience};
    rs_buf b;
    rs__buf_init(&b, 0);
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        if (b.len)
            rs__buf_append(&b, "\n\n", 2);
        rs__buf_puts(&b, parts[i]);
    }
    if (b.len)
        rs__buf_putc(&b, '\n');
    *len = 0;
    return rs__buf_detach(&b, len);
}

/* Reads the parsed page into p; true in *posting when JSON-LD was used.
 * The page's title is looked for only when `want_title`. */
static rs_status S_read_doc(xmlDoc *doc, bool want_title, S_posting *p,
                            bool *posting)
{
    rs_status st = S_json_ld(doc, p);
    *posting = st == RS_OK && p->description;
    if (st == RS_OK && !*posting)
        st = S_page_body(doc, p);
    if (st == RS_OK && want_title && !p->title)
        st = S_page_title(doc, &p->page_title);
    return st;
}

static bool S_all_blank(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!rs__bt_html_blank((const char *)s + i, n - i))
            return false;
    return true;
}

static xmlDoc *S_parse(const char *name, const unsigned char *bytes, size_t len,
                       size_t max_len, bool *too_deep, bool *deep, rs_status *st,
                       rs_error *err)
{
    *st = RS_OK;
    *too_deep = *deep = false;
    if (max_len && len > max_len) {
        *st = rs__fail(err, RS_ERR_TOO_LARGE, name, 0,
                       "input is %zu bytes, over the limit of %zu bytes", len, max_len);
        return NULL;
    }
    if (len > INT_MAX) {
        *st = rs__fail(err, RS_ERR_TOO_LARGE, name, 0,
                       "input is %zu bytes, over the HTML reader's limit of %d bytes",
                       len, INT_MAX);
        return NULL;
    }
    bool nomem = false;
    xmlDoc *doc = len ? S_read_memory((const char *)bytes, len, NULL, S_OPTIONS, &nomem)
                      : NULL;
    /* libxml2 stops at 256 nested elements, keeping what came before, and
     * raises no further error once stopped: its last error says so. */
    const xmlError *last = xmlGetLastError();
    *too_deep = doc && last && last->code == XML_ERR_INTERNAL_ERROR && last->message &&
                strstr(last->message, "Excessive depth") != NULL;
    if (*too_deep && len <= S_HUGE_MAX) {
        /* read again without the limit: the walk and the tree's freeing
         * use no stack per level, and a page this size makes a tree of at
         * most some tens of MiB */
        xmlFreeDoc(doc);
        doc = S_read_memory((const char *)bytes, len, NULL, S_OPTIONS | XML_PARSE_HUGE, &nomem);
        *too_deep = false;
        *deep = true;
    }
    if (nomem) {   /* never a page read in part, or "not HTML" */
        *st = rs__nomem(err, name);
        return NULL;
    }
    if (!doc)
        *st = rs__fail(err, RS_ERR_ENCODING, name, 0, "%s",
                       S_all_blank(bytes, len) ? "no text in HTML"
                                               : "not readable as HTML");
    return doc;
}

static void S_hand_info(S_posting *p, bool posting, rs_html_info *info)
{
    if (!info)
        return;
    char **title = p->title ? &p->title : &p->page_title;
    info->title = *title;
    info->experience = posting ? p->experience : NULL;
    info->has_json_ld = posting;
    *title = NULL;
    if (posting)
        p->experience = NULL;
}

rs_status rs_html_read(const char *name, const unsigned char *bytes, size_t len,
                       size_t max_len, rs_text **out, rs_html_info *info,
                       rs_error *err)
{
    if (info)
        memset(info, 0, sizeof *info);
    name = name ? name : "";
    if (!out || (!bytes && len))
        return rs__fail(err, RS_ERR_ARG, name, 0, "no output or no input");
    *out = NULL;
    rs_status st;
    bool too_deep, deep;
    xmlDoc *doc = S_parse(name, bytes, len, max_len, &too_deep, &deep, &st, err);
    if (!doc)
        return st;
    S_posting p = {0};
    rs__buf_init(&p.hidden, max_len);
    bool posting = false;
    bool nomem = false;
    rs_xml_handler saved = rs__xml_handler_set(&nomem, rs__xml_note_nomem);
    st = S_read_doc(doc, info != NULL, &p, &posting);
    xmlFreeDoc(doc);
    rs__xml_handler_restore(saved);
    if (st == RS_OK && nomem)   /* an attribute or a script libxml2 could not copy */
        st = RS_ERR_NOMEM;
    size_t n = 0;
    char *utf8 = st == RS_OK ? S_compose(&p, &n) : NULL;
    if (st == RS_OK && !utf8)
        st = RS_ERR_NOMEM;
    if (st == RS_OK && n == 0 && too_deep)   /* the limit, not "no text in HTML" */
        st = rs__fail(err, RS_ERR_LIMIT, name, 0,
                      "no text before the HTML's elements nest more than 256 deep "
                      "(the parser's limit)");
    else if (st == RS_OK && n == 0)
        st = rs__fail(err, RS_ERR_ENCODING, name, 0, "no text in HTML");
    else if (st == RS_OK)
        st = rs_text_decode(name, (const unsigned char *)utf8, n, 0, out, err);
    else
        rs__nomem(err, name);
    if (st == RS_OK && !rs__text_set_hidden(*out, &p.hidden)) {
        rs_text_free(*out);
        *out = NULL;
        st = rs__nomem(err, name);
    }
    if (st == RS_OK && (deep || too_deep) &&
        !rs__text_add_warning(*out, too_deep
                                        ? "elements nest more than 256 deep: the text "
                                          "inside them is not read (a page over 2 MiB is "
                                          "read only up to the parser's limit)"
                                        : "elements nest more than 256 deep (read in full)")) {
        rs_text_free(*out);
        *out = NULL;
        st = rs__nomem(err, name);
    }
    rs__free(utf8);
    if (st == RS_OK)
        S_hand_info(&p, posting, info);
    S_posting_clear(&p);
    return st;
}

void rs_html_info_free(rs_html_info *info)
{
    if (!info)
        return;
    rs__free((char *)(uintptr_t)info->title);
    rs__free((char *)(uintptr_t)info->experience);
    memset(info, 0, sizeof *info);
}
