/* pdf.c — PDF text through Poppler's GLib API, loaded on the first PDF. Pages come in reading order
 * (Poppler's text layout groups a two-column page into blocks rather than
 * interleaving lines); each page ends with a form feed so that evidence can
 * say page and line. A PDF whose pages hold no text is a scan: it is
 * refused with advice rather than scored as an empty resume. */
#include "blocktext.h"
#include "input_internal.h"

#include <pthread.h>
#include <string.h>

#ifdef RS_WITH_PDF
#include "util/dynlib.h"

#include <poppler.h>

/* Poppler (and GLib with it) is opened on the first PDF: a run that reads
 * none loads none of the fifty libraries it needs. Each function is called
 * through S_CALL, typed as the header declares it. */
#define S_FUNCTIONS(X)                                                              \
    X(poppler_document_new_from_bytes) X(poppler_document_get_n_pages)              \
    X(poppler_document_get_page) X(poppler_page_get_text) X(poppler_page_get_size)  \
    X(poppler_page_get_text_layout) X(poppler_error_quark) X(g_bytes_new_static)    \
    X(g_bytes_unref) X(g_free) X(g_object_unref) X(g_clear_error)
#define S_NAME(f) #f,
#define S_INDEX(f) S_I_##f,
static const char *const S_names[] = {S_FUNCTIONS(S_NAME) NULL};
enum { S_FUNCTIONS(S_INDEX) S_COUNT };
static rs_dynfn S_fns[S_COUNT];
static rs_dynlib S_poppler = RS_DYNLIB_INIT(RS_POPPLER_SONAME, "libpoppler-glib8", S_names,
                                            S_fns);
#define S_CALL(f) ((__typeof__(&f))S_fns[S_I_##f])

/* Poppler's text is UTF-8: the byte after a character (a byte that does
 * not start one is stepped over alone), and the characters in n bytes
 * (n < 0: up to the NUL). A sequence never holds a NUL, so reading up to
 * four bytes stops at the string's end. */
static const char *S_next_char(const char *p)
{
    size_t k = rs__utf8_seq((const unsigned char *)p, 4);
    return p + (k ? k : 1);
}

static size_t S_chars(const char *p, long n)
{
    size_t count = 0;
    const char *end = n < 0 ? NULL : p + n;
    while (end ? p < end : *p != '\0') {
        p = S_next_char(p);
        count++;
    }
    return count;
}

/* Poppler keeps process-wide state (fonts, the global parameters) that its
 * documents share; one PDF at a time keeps `classify -j N` safe. */
static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;

/* Fewer visible characters than this in a whole document: no text layer. */
#define S_MIN_TEXT 16
/* A gap between columns is at least this wide (points); words are ~3 pt
 * apart. */
#define S_MIN_GUTTER 14.0
#define S_MAX_LINES 4096

/* One line of Poppler's text with the horizontal extent of each
 * character, for finding a column gutter. */
typedef struct S_line {
    const char *s;            /* into the page text */
    size_t len;               /* bytes, without the '\n' */
    const PopplerRectangle *r; /* one per character */
    size_t chars;
} S_line;

/* Does x fall in a gap of the line at least S_MIN_GUTTER wide? *left and
 * *right say whether the line has text on each side. */
static bool S_gap_at(const S_line *l, double x, bool *left, bool *right)
{
    double before = -1e9, after = 1e9;
    *left = *right = false;
    const char *p = l->s;
    for (size_t c = 0; c < l->chars; c++, p = S_next_char(p)) {
        if (*p == ' ' || *p == '\t')
            continue;
        const PopplerRectangle *r = &l->r[c];
        if (r->x1 < x && r->x2 > x)
            return false;   /* a glyph sits on x */
        if (r->x2 <= x) {
            *left = true;
            before = r->x2 > before ? r->x2 : before;
        } else {
            *right = true;
            after = r->x1 < after ? r->x1 : after;
        }
    }
    return !(*left && *right) || after - before >= S_MIN_GUTTER;
}

/* The x of a gutter that most lines respect, with at least three lines of
 * text on each side; 0 when the page is one column. */
static double S_gutter(const S_line *lines, size_t n, double width)
{
    double best_x = 0;
    size_t best = 0;
    for (double x = width * 0.2; x <= width * 0.8; x += 2) {
        size_t left = 0, right = 0, crossing = 0, text = 0;
        for (size_t i = 0; i < n; i++) {
            if (!lines[i].chars)
                continue;
            text++;
            bool l, r;
            if (!S_gap_at(&lines[i], x, &l, &r)) {
                crossing++;
                continue;
            }
            left += l;
            right += r;
        }
        size_t both = left < right ? left : right;
        if (both >= 3 && crossing * 5 <= text && both > best) {
            best = both;
            best_x = x;
        }
    }
    return best_x;
}

/* Writes the part of a line on one side of the gutter. */
static void S_side(rs_bt *w, const S_line *l, double x, bool left)
{
    const char *p = l->s, *from = NULL, *to = NULL;
    for (size_t c = 0; c < l->chars; p = S_next_char(p), c++) {
        bool on_left = l->r[c].x2 <= x + 0.5;
        if (on_left == left && *p != ' ') {
            if (!from)
                from = p;
            to = S_next_char(p);
        }
    }
    if (from) {
        rs__bt_text(w, from, (size_t)(to - from), false);
        rs__bt_break(w);
    }
}

/* Lines between full-width ones form a band: its left column, then its
 * right; a full-width line (a header, a rule) is kept where it stands. */
static void S_columns(rs_bt *w, const S_line *lines, size_t n, double x)
{
    size_t band = 0;
    for (size_t i = 0; i <= n; i++) {
        bool l, r, full = i < n && !S_gap_at(&lines[i], x, &l, &r);
        if (i < n && !full)
            continue;
        for (size_t k = band; k < i; k++)
            S_side(w, &lines[k], x, true);
        for (size_t k = band; k < i; k++)
            S_side(w, &lines[k], x, false);
        if (i < n) {
            rs__bt_text(w, lines[i].s, lines[i].len, false);
            rs__bt_break(w);
        }
        band = i + 1;
    }
}

/* The page's text in reading order: Poppler's, unless its characters show
 * two columns that Poppler interleaved; then column by column. */
static void S_page_text(PopplerPage *page, const char *text, rs_bt *w)
{
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    S_line *lines = rs__malloc(S_MAX_LINES * sizeof *lines);   /* 160 KB: not on a worker's stack */
    size_t n = 0;
    size_t chars = S_chars(text, -1);
    double width = 0, height = 0;
    S_CALL(poppler_page_get_size)(page, &width, &height);
    if (!lines || !S_CALL(poppler_page_get_text_layout)(page, &rects, &nrects) ||
        (size_t)nrects != chars) {
        S_CALL(g_free)(rects);
        rs__free(lines);
        /* no geometry to go by (or no memory for it): Poppler's order */
        rs__bt_text(w, text, strlen(text), false);
        return;
    }
    const char *p = text;
    size_t c = 0;
    while (*p && n < S_MAX_LINES) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        size_t k = S_chars(p, (long)len);
        lines[n++] = (S_line){p, len, rects + c, k};
        c += k + (nl ? 1 : 0);
        p = nl ? nl + 1 : p + len;
    }
    double x = *p ? 0 : S_gutter(lines, n, width);   /* too many lines: as it is */
    if (x > 0)
        S_columns(w, lines, n, x);
    else
        rs__bt_text(w, text, strlen(text), false);
    S_CALL(g_free)(rects);
    rs__free(lines);
}

static size_t S_visible(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += (unsigned char)*s > ' ';
    return n;
}

static rs_status S_open_error(const char *name, GError *gerr, rs_error *err)
{
    if (gerr && gerr->domain == S_CALL(poppler_error_quark)() &&
        gerr->code == POPPLER_ERROR_ENCRYPTED)
        return rs__fail(err, RS_ERR_FORMAT, name, 0,
                        "encrypted PDF: it needs a password to open; save an unprotected "
                        "copy (or print it to a new PDF) and try again");
    return rs__fail(err, RS_ERR_FORMAT, name, 0, "not a readable PDF: %s",
                    gerr && gerr->message ? gerr->message : "Poppler could not open it");
}

/* Why writing the text failed, said once the pages are written. */
static rs_status S_write_error(const char *name, const rs_bt *w, rs_error *err)
{
    if (w->st == RS_ERR_TOO_LARGE)
        return rs__fail(err, RS_ERR_TOO_LARGE, name, 0,
                        "the PDF's text is over the size limit (%zu bytes)", w->max);
    return rs__nomem(err, name);
}

/* Each page's text then its end, "\n\f\n", written as Poppler lays them
 * out (RS_BT_VERBATIM): the writer keeps the limit and the status. */
static rs_status S_read_locked(const char *name, const unsigned char *bytes, size_t len,
                               size_t max_len, rs_buf *out, rs_error *err)
{
    GBytes *gb = S_CALL(g_bytes_new_static)(bytes, len);
    GError *gerr = NULL;
    PopplerDocument *doc = S_CALL(poppler_document_new_from_bytes)(gb, NULL, &gerr);
    S_CALL(g_bytes_unref)(gb);
    if (!doc) {
        rs_status st = S_open_error(name, gerr, err);
        S_CALL(g_clear_error)(&gerr);
        return st;
    }
    int pages = S_CALL(poppler_document_get_n_pages)(doc);
    size_t visible = 0;
    rs_bt w;
    rs__bt_init(&w, out, max_len, RS_BT_VERBATIM);
    for (int i = 0; i < pages && !w.st; i++) {
        PopplerPage *page = S_CALL(poppler_document_get_page)(doc, i);
        char *text = page ? S_CALL(poppler_page_get_text)(page) : NULL;
        if (text) {
            visible += S_visible(text);
            S_page_text(page, text, &w);
        }
        rs__bt_page(&w);
        S_CALL(g_free)(text);
        if (page)
            S_CALL(g_object_unref)(page);
    }
    S_CALL(g_object_unref)(doc);
    if (rs__bt_end(&w))
        return S_write_error(name, &w, err);
    if (visible < S_MIN_TEXT)
        return rs__fail(err, RS_ERR_FORMAT, name, 0,
                        "no text layer: the PDF's %d page%s only images (a scan?); run "
                        "OCR on it first (e.g. ocrmypdf) or use a text, DOCX or exported PDF "
                        "version", pages, pages == 1 ? " holds" : "s hold");
    return RS_OK;
}

rs_status rs__pdf_read(const char *name, const unsigned char *bytes, size_t len,
                       size_t max_len, rs_buf *out, rs_error *err)
{
    rs_status st = rs__dynlib_load(&S_poppler, name, "a PDF", err);
    if (st)
        return st;
    pthread_mutex_lock(&S_lock);
    st = S_read_locked(name, bytes, len, max_len, out, err);
    pthread_mutex_unlock(&S_lock);
    return st;
}

#else

rs_status rs__pdf_read(const char *name, const unsigned char *bytes, size_t len,
                       size_t max_len, rs_buf *out, rs_error *err)
{
    (void)bytes;
    (void)len;
    (void)max_len;
    (void)out;
    return rs__fail(err, RS_ERR_FORMAT, name, 0,
                    "PDF input is not in this build (built without poppler-glib); "
                    "install libpoppler-glib-dev and rebuild, or convert the file to text");
}

#endif
