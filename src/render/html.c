/* html.c — the page skeleton, the stylesheet and the small builders the
 * HTML renderers share (html.h). */
#include "html.h"
#include "render/render_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* No script, no request of any kind: styles are inline, charts are inline
 * SVG, and nothing else is allowed. */
#define S_CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " \
              "base-uri 'none'; form-action 'none'"

/* Readable on a phone, a laptop and paper, in light and dark; colour is
 * never the only signal (badges say their word, bars have their number). */
static const char *const S_css[] = {
    ":root{--fg:#1d2330;--muted:#5b6474;--bg:#fbfbfd;--card:#fff;--line:#dde1e8;"
    "--accent:#2456c7;--good:#1d7a46;--warn:#9a5b00;--bad:#b3261e;--mark:#fff0a8}",
    "@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a4acba;--bg:#14171c;"
    "--card:#1c2027;--line:#333a45;--accent:#8ab0ff;--good:#6fd39b;--warn:#f0b760;"
    "--bad:#ff8a80;--mark:#5a4b00}}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:var(--fg);background:var(--bg)}"
    "header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}"
    "header h1{font-size:1.6rem;margin:.5rem 0 .25rem}"
    "h1,.lede,p,li,q{overflow-wrap:anywhere}"   /* long paths and words wrap */
    ".lede{font-size:1.1rem;margin:.25rem 0}"
    "section{background:var(--card);border:1px solid var(--line);border-radius:.6rem;"
    "padding:.75rem 1.25rem 1rem;margin:1rem 0}"
    "h2{font-size:1.25rem;margin:.5rem 0}h3{font-size:1.05rem;margin:1rem 0 .4rem}"
    ".muted,caption,figcaption{color:var(--muted)}"
    ".warning{border-left:4px solid #b45309;padding:.2em .6em;background:#fef3c7}"
    "table{border-collapse:collapse;width:100%}caption{text-align:left;padding:.25rem 0}"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);"
    "vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
    "@media (min-width:40rem){td.score{white-space:nowrap}}"
    ".scroll{overflow-x:auto}"
    "mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:.15em}"
    "q{quotes:none;color:var(--muted)}"
    ".badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .45em;"
    "border-radius:.8em;border:1px solid currentColor;margin-right:.4em}"
    ".core{color:var(--bad)}.important{color:var(--warn)}.nice{color:var(--muted)}"
    ".ok{color:var(--good)}.error{color:var(--bad)}"
    ".bar{vertical-align:middle;margin-right:.5em}.bar rect.track{fill:var(--line)}"
    ".bar rect.fill{fill:var(--accent)}"
    "figure{margin:0}.ladder{list-style:none;padding:0;margin:.5rem 0}"
    ".ladder li{display:flex;align-items:center;gap:.6rem;max-width:26rem;margin:.3rem 0;"
    "padding:.3rem .7rem;border:1px solid var(--line);border-radius:.4rem;background:var(--card)}"
    ".ladder .step{font-weight:700;min-width:1.1rem;color:var(--muted)}"
    ".ladder .here{background:var(--accent);border-color:var(--accent);color:var(--bg);"
    "font-weight:700}.ladder .here .step{color:var(--bg)}"
    ".ladder .next{border:2px dashed var(--accent)}"
    ".ladder .tag{margin-left:auto;font-size:.75rem;text-transform:uppercase;"
    "letter-spacing:.04em;white-space:nowrap}"
    ".ladder .r2{margin-left:1.5rem}.ladder .r3{margin-left:3.0rem}.ladder .r4{margin-left:4.5rem}.ladder .r5{margin-left:6.0rem}.ladder .r6{margin-left:7.5rem}.ladder .r7{margin-left:9.0rem}.ladder .r8{margin-left:10.5rem}"
    "ul.skills{list-style:none;padding:0;margin:0}ul.skills li{margin:.3rem 0}"
    "footer{color:var(--muted);font-size:.85rem}"
    ".kicker{margin:.5rem 0 0;color:var(--muted);font-size:.85rem;text-transform:uppercase;"
    "letter-spacing:.05em}"
    ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%);white-space:nowrap}"
    "details{border-top:1px solid var(--line);padding:.35rem 0}"
    "summary{cursor:pointer;overflow-wrap:anywhere}details[open] summary{margin-bottom:.3rem}"
    ".top-skills{margin-bottom:.5rem}.file{display:block;color:var(--muted);font-weight:400;"
    "font-size:.85rem;overflow-wrap:anywhere}"
    "td.score{white-space:nowrap}"
    "figure.chart figcaption{font-weight:600;color:var(--fg);margin:.9rem 0 .3rem}"
    "table.chart{max-width:44rem}table.chart th{font-weight:400;width:40%}"
    "table.chart td,table.chart th{border:0;padding:.2rem .5rem .2rem 0}"
    "table.heat td{text-align:center;min-width:2.2em}"
    ".heat0{color:var(--muted)}"
    ".heat1{background:rgba(36,86,199,.12)}.heat2{background:rgba(36,86,199,.28)}"
    ".heat3{background:rgba(36,86,199,.46)}.heat4{background:rgba(36,86,199,.68);color:#fff}"
    ".heat5{background:rgba(36,86,199,.9);color:#fff;font-weight:700}",
    "@media (max-width:40rem){body{font-size:15px}section{padding:.5rem .75rem}"
    ".ladder .r2{margin-left:0.45rem}.ladder .r3{margin-left:0.90rem}.ladder .r4{margin-left:1.35rem}.ladder .r5{margin-left:1.80rem}.ladder .r6{margin-left:2.25rem}.ladder .r7{margin-left:2.70rem}.ladder .r8{margin-left:3.15rem}"
    "th,td{padding:.3rem}.hide-narrow{display:none}"
    /* a table of records reads as one card per row on a phone */
    "table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%)}"
    "table.cards,table.cards tbody,table.cards tr,table.cards th,table.cards td{display:block;"
    "width:100%}"
    "table.cards tr{border:1px solid var(--line);border-radius:.5rem;padding:.45rem .7rem;"
    "margin:.6rem 0;background:var(--card)}"
    "table.cards th[scope=row]{border:0;padding:0 0 .25rem;font-size:1.05rem}"
    "table.cards td{display:flex;justify-content:space-between;align-items:center;gap:.75rem;"
    "border:0;padding:.12rem 0;text-align:right}"
    "table.cards td::before{content:attr(data-label);color:var(--muted);text-align:left;"
    "flex:none}"
    "table.cards td:empty{display:none}table.cards caption{display:block}"
    "table.cards td,table.cards th{overflow-wrap:anywhere}"
    "table.heat td,table.heat th{padding:.3rem .2rem;min-width:1.7em}"
    "table.cards td.score .bar{flex:1;width:auto;min-width:6rem;height:.75rem}"
    "table.chart th{width:auto}}",
    "@media print{body{background:#fff;color:#000}section{border:0;padding:0;"
    "break-inside:avoid-page}header,main,footer{max-width:none}mark{background:#ffe97a}"
    ".scroll{overflow:visible}a{color:inherit}}",
    NULL};

static void S_check(rs_html *h, const void *p)
{
    if (!p)
        h->failed = true;
}

xmlNodePtr rs__html_el(rs_html *h, xmlNodePtr parent, const char *name, const char *cls)
{
    if (!parent)
        return NULL;
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    S_check(h, n);
    if (n && cls)
        rs__html_attr(h, n, "class", cls);
    return n;
}

void rs__html_attr(rs_html *h, xmlNodePtr node, const char *name, const char *value)
{
    if (!node)
        return;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs__clean_text(&b, value, strlen(value));
    char *clean = rs__buf_detach(&b, NULL);
    /* xmlNewProp keeps the value as literal text: the serializer escapes
     * quotes and ampersands, nothing in it is read as an entity */
    S_check(h, clean ? xmlNewProp(node, BAD_CAST name, BAD_CAST clean) : NULL);
    rs__free(clean);
}

void rs__html_text_n(rs_html *h, xmlNodePtr parent, const char *s, size_t n)
{
    if (!parent || n == 0)
        return;
    rs_buf b;
    rs__buf_init(&b, 0);
    rs__clean_text(&b, s, n);
    size_t len = 0;
    char *clean = rs__buf_detach(&b, &len);
    xmlNodePtr t = clean ? xmlNewTextLen(BAD_CAST clean, (int)len) : NULL;
    S_check(h, t);
    if (t && !xmlAddChild(parent, t)) {
        xmlFreeNode(t);
        h->failed = true;
    }
    rs__free(clean);
}

void rs__html_text(rs_html *h, xmlNodePtr parent, const char *s)
{
    rs__html_text_n(h, parent, s, strlen(s));
}

void rs__html_textf(rs_html *h, xmlNodePtr parent, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    rs__html_text(h, parent, buf);
}

xmlNodePtr rs__html_el_text(rs_html *h, xmlNodePtr parent, const char *name,
                            const char *cls, const char *text)
{
    xmlNodePtr n = rs__html_el(h, parent, name, cls);
    rs__html_text(h, n, text);
    return n;
}

/* libxml2 drops what it cannot allocate (an attribute's value, a piece of
 * the serialized page) and reports it only here. */
static void S_on_xml_error(void *ctx, xmlErrorPtr e)
{
    if (e && e->level >= XML_ERR_ERROR)
        ((rs_html *)ctx)->failed = true;
}

static void S_style(rs_html *h)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    for (size_t i = 0; S_css[i]; i++)
        rs__buf_puts(&b, S_css[i]);
    if (b.failed || !b.data)
        h->failed = true;
    else
        rs__html_el_text(h, h->head, "style", NULL, b.data);
    rs__buf_free(&b);
}

bool rs__html_begin(rs_html *h, const char *title)
{
    memset(h, 0, sizeof *h);
    h->saved = rs__xml_handler_set(h, S_on_xml_error);
    h->listening = true;
    h->doc = htmlNewDocNoDtD(NULL, NULL);
    if (!h->doc)
        return false;
    S_check(h, xmlCreateIntSubset(h->doc, BAD_CAST "html", NULL, NULL));   /* <!DOCTYPE html> */
    xmlNodePtr html = xmlNewDocNode(h->doc, NULL, BAD_CAST "html", NULL);
    S_check(h, html);
    if (html) {
        xmlDocSetRootElement(h->doc, html);
        rs__html_attr(h, html, "lang", "en");
    }
    h->head = rs__html_el(h, html, "head", NULL);
    rs__html_attr(h, rs__html_el(h, h->head, "meta", NULL), "charset", "utf-8");
    xmlNodePtr m = rs__html_el(h, h->head, "meta", NULL);
    rs__html_attr(h, m, "http-equiv", "Content-Security-Policy");
    rs__html_attr(h, m, "content", S_CSP);
    m = rs__html_el(h, h->head, "meta", NULL);
    rs__html_attr(h, m, "name", "viewport");
    rs__html_attr(h, m, "content", "width=device-width, initial-scale=1");
    m = rs__html_el(h, h->head, "meta", NULL);
    rs__html_attr(h, m, "name", "referrer");
    rs__html_attr(h, m, "content", "no-referrer");
    rs__html_el_text(h, h->head, "title", NULL, title);
    S_style(h);
    h->body = rs__html_el(h, html, "body", NULL);
    return !h->failed;
}

void rs__html_discard(rs_html *h)
{
    xmlFreeDoc(h->doc);
    h->doc = NULL;
    if (h->listening)
        rs__xml_handler_restore(h->saved);
    h->listening = false;
}

rs_status rs__html_finish(rs_html *h, char **out, size_t *len, rs_error *err)
{
    xmlChar *mem = NULL;
    int size = 0;
    if (!h->failed && h->doc)
        htmlDocDumpMemoryFormat(h->doc, &mem, &size, 1);
    bool failed = h->failed;   /* the dump's own errors included */
    rs__html_discard(h);
    char *copy = mem && !failed ? rs__malloc((size_t)size + 1) : NULL;
    if (copy) {
        memcpy(copy, mem, (size_t)size);
        copy[size] = '\0';
    }
    xmlFree(mem);
    if (!copy)
        return rs__nomem(err, NULL);
    *out = copy;
    if (len)
        *len = (size_t)size;
    return RS_OK;
}

xmlNodePtr rs__html_cell(rs_html *h, xmlNodePtr tr, const char *cls, const char *label)
{
    xmlNodePtr td = rs__html_el(h, tr, "td", cls);
    rs__html_attr(h, td, "data-label", label);
    return td;
}

xmlNodePtr rs__html_section(rs_html *h, xmlNodePtr parent, const char *id, const char *title)
{
    xmlNodePtr s = rs__html_el(h, parent, "section", NULL);
    rs__html_attr(h, s, "id", id);
    char hid[40];
    snprintf(hid, sizeof hid, "%s-h", id);
    rs__html_attr(h, s, "aria-labelledby", hid);
    rs__html_attr(h, rs__html_el_text(h, s, "h2", NULL, title), "id", hid);
    return s;
}

void rs__html_bar(rs_html *h, xmlNodePtr parent, double value, double max,
                  const char *label)
{
    const double w = 120, ht = 10;
    double frac = max > 0 ? value / max : 0;
    if (frac < 0)
        frac = 0;
    if (frac > 1)
        frac = 1;
    xmlNodePtr svg = rs__html_el(h, parent, "svg", "bar");
    rs__html_attr(h, svg, "width", "120");
    rs__html_attr(h, svg, "height", "10");
    rs__html_attr(h, svg, "viewBox", "0 0 120 10");
    rs__html_attr(h, svg, "preserveAspectRatio", "none");   /* CSS may stretch it */
    rs__html_attr(h, svg, "role", "img");
    rs__html_attr(h, svg, "aria-label", label);
    rs__html_el_text(h, svg, "title", NULL, label);
    char num[32];
    xmlNodePtr r = rs__html_el(h, svg, "rect", "track");
    snprintf(num, sizeof num, "%.0f", w);
    rs__html_attr(h, r, "width", num);
    snprintf(num, sizeof num, "%.0f", ht);
    rs__html_attr(h, r, "height", num);
    rs__html_attr(h, r, "rx", "3");
    r = rs__html_el(h, svg, "rect", "fill");
    snprintf(num, sizeof num, "%.1f", w * frac);
    rs__html_attr(h, r, "width", num);
    snprintf(num, sizeof num, "%.0f", ht);
    rs__html_attr(h, r, "height", num);
    rs__html_attr(h, r, "rx", "3");
}

char *rs__html_path_url(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    rs_buf b;
    rs__buf_init(&b, 0);
    if (path[0] != '/')
        rs__buf_puts(&b, "./");   /* a relative path, never a scheme */
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("/._~-", *p);
        if (plain) {
            rs__buf_putc(&b, (char)*p);
        } else {
            char e[4] = {'%', hex[*p >> 4], hex[*p & 15], '\0'};
            rs__buf_puts(&b, e);
        }
    }
    return rs__buf_detach(&b, NULL);
}

#define S_CONTEXT_BEFORE 40
#define S_CONTEXT_MAX 110

void rs__html_quote(rs_html *h, xmlNodePtr parent, const char *s)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    if (rs__strip_markup(&b, s, strlen(s), RS__MARKUP_LINE_START, NULL))
        rs__html_text_n(h, parent, b.data, b.len);
    else
        h->failed = true;
    rs__buf_free(&b);
}

void rs__html_evidence(rs_html *h, xmlNodePtr parent, const rs_document *doc,
                       const rs_evidence *ev)
{
    const char *s = rs_text_data(rs_document_text(doc));
    rs_window w;
    rs__evidence_window(doc, ev, S_CONTEXT_BEFORE, S_CONTEXT_MAX, &w);
    size_t mark[2] = {ev->orig_start - w.start, ev->orig_end - w.start};
    rs_buf b;
    rs__buf_init(&b, 0);
    unsigned flags = (w.cut_left ? RS__MARKUP_CUT_LEFT : RS__MARKUP_LINE_START) |
                     (w.cut_right ? RS__MARKUP_CUT_RIGHT : 0);
    if (!rs__strip_markup(&b, s + w.start, w.end - w.start, flags, mark)) {
        h->failed = true;   /* the page is not written: nothing more to add */
        rs__buf_free(&b);
        return;
    }
    const char *t = b.data ? b.data : "";
    xmlNodePtr q = rs__html_el(h, parent, "q", NULL);
    if (w.cut_left)
        rs__html_text(h, q, "…");
    rs__html_text_n(h, q, t, mark[0]);
    rs__html_text_n(h, rs__html_el(h, q, "mark", NULL), t + mark[0], mark[1] - mark[0]);
    rs__html_text_n(h, q, t + mark[1], b.len - mark[1]);
    if (w.cut_right)
        rs__html_text(h, q, "…");
    rs__buf_free(&b);
}
