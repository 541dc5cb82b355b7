/* formats.c — which reader a document needs, and the one entry point that
 * turns any supported file into text: sniffed by content first (a PDF or
 * a DOCX renamed .txt is still read as what it is), then by extension. */
#include "input_internal.h"
#include "text/document_internal.h"

#include <string.h>
#include <strings.h>

static const char *const S_names[] = {"auto", "text", "html", "docx", "odt", "pdf"};

const char *rs_format_name(rs_format f)
{
    return (unsigned)f < sizeof S_names / sizeof S_names[0] ? S_names[f] : "auto";
}

rs_format rs_format_from_name(const char *name)
{
    for (size_t i = 1; name && i < sizeof S_names / sizeof S_names[0]; i++)
        if (strcasecmp(name, S_names[i]) == 0)
            return (rs_format)i;
    if (name && (strcasecmp(name, "txt") == 0 || strcasecmp(name, "md") == 0))
        return RS_FORMAT_TEXT;
    return RS_FORMAT_AUTO;
}

int rs_format_supported(rs_format f)
{
    switch (f) {
#ifndef RS_WITH_OFFICE
    case RS_FORMAT_DOCX: case RS_FORMAT_ODT: return 0;
#endif
#ifndef RS_WITH_PDF
    case RS_FORMAT_PDF: return 0;
#endif
    default: return 1;
    }
}

static bool S_has(const unsigned char *b, size_t len, const char *needle, size_t within)
{
    size_t n = strlen(needle), end = len < within ? len : within;
    for (size_t i = 0; i + n <= end; i++)
        if (memcmp(b + i, needle, n) == 0)
            return true;
    return false;
}

static bool S_ext(const char *name, const char *ext)
{
    size_t n = name ? strlen(name) : 0, e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* HTML markup at the start: a doctype or an <html>, <head> or <body>. */
static bool S_looks_html(const unsigned char *b, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", NULL};
    for (size_t k = 0; starts[k]; k++)
        if (len - i >= strlen(starts[k]) && strncasecmp((const char *)b + i, starts[k],
                                                        strlen(starts[k])) == 0)
            return true;
    return false;
}

/* A tag anywhere in the first 64 KiB: '<' then a letter, '/' or '!'. */
static bool S_has_tag(const unsigned char *b, size_t len)
{
    size_t end = len < 65536 ? len : 65536;
    for (size_t i = 0; i + 1 < end; i++)
        if (b[i] == '<' && (b[i + 1] == '/' || b[i + 1] == '!' ||
                            (unsigned)((b[i + 1] | 0x20) - 'a') < 26u))
            return true;
    return false;
}

/* The content decides; a name's extension only where the content allows
 * it. *misnamed: why a file whose extension names another format is read
 * as text (NULL when it is not). */
static rs_format S_sniff(const char *name, const unsigned char *b, size_t len,
                         const char **misnamed)
{
    *misnamed = NULL;
    if (S_has(b, len, "%PDF-", 1024))
        return RS_FORMAT_PDF;
    bool zip = len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0;
    if (zip) {
        /* an OpenDocument's first entry is its uncompressed mimetype */
        if (S_has(b, len, "application/vnd.oasis.opendocument.text", 100))
            return RS_FORMAT_ODT;
        if (S_has(b, len, "word/", len) || S_ext(name, ".docx"))
            return RS_FORMAT_DOCX;
        if (S_ext(name, ".odt"))
            return RS_FORMAT_ODT;
    }
    if (S_looks_html(b, len))
        return RS_FORMAT_HTML;
    if (S_ext(name, ".html") || S_ext(name, ".htm")) {
        if (S_has_tag(b, len))
            return RS_FORMAT_HTML;
        *misnamed = "named as HTML but holds no markup: read as text";
    } else if (S_ext(name, ".pdf")) {
        *misnamed = "named as a PDF but is not one (no %PDF- header): read as text";
    } else if (S_ext(name, ".docx") || S_ext(name, ".odt")) {
        *misnamed = "named as a DOCX or ODT but is not a zip package: read as text";
    }
    return RS_FORMAT_TEXT;
}

rs_format rs_format_sniff(const char *name, const unsigned char *b, size_t len)
{
    const char *misnamed;
    return S_sniff(name, b, len, &misnamed);
}

/* Extracted UTF-8 text to an rs_text named after the document. */
static rs_status S_finish(const char *name, rs_buf *b, size_t max_len, rs_text **out,
                          rs_error *err)
{
    if (b->failed)
        return rs__nomem(err, name);
    return rs_text_decode(name, (const unsigned char *)(b->data ? b->data : ""), b->len,
                          max_len, out, err);
}

rs_status rs_text_from_bytes(const char *name, const unsigned char *bytes, size_t len,
                             rs_format format, size_t max_len, rs_text **out, rs_error *err)
{
    if (!out)
        return rs__fail(err, RS_ERR_ARG, name, 0, "no output");
    *out = NULL;
    const char *misnamed = NULL;   /* an extension the content contradicts */
    if (format == RS_FORMAT_AUTO) {
        /* OLE compound files: legacy .doc, or an encrypted DOCX package */
        if (len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
            return rs__fail(err, RS_ERR_FORMAT, name, 0,
                            "an encrypted Office document or a Word 97-2003 .doc: remove the "
                            "password, or save it as .docx, .odt or .pdf");
        format = S_sniff(name, bytes, len, &misnamed);
    }
    if (!rs_format_supported(format))
        return rs__fail(err, RS_ERR_FORMAT, name, 0,
                        "%s input is not in this build (built without %s); convert the file "
                        "to text, or rebuild with the library installed", rs_format_name(format),
                        format == RS_FORMAT_PDF ? "poppler-glib" : "libzip");
    if (format == RS_FORMAT_TEXT) {
        rs_status st = rs_text_decode(name, bytes, len, max_len, out, err);
        if (st == RS_OK && misnamed && !rs__text_add_warning(*out, misnamed)) {
            rs_text_free(*out);
            *out = NULL;
            st = rs__nomem(err, name);
        }
        return st;
    }
    if (format == RS_FORMAT_HTML) {
        rs_html_info info = {0};
        rs_status st = rs_html_read(name, bytes, len, max_len, out, &info, err);
        rs_html_info_free(&info);
        return st;
    }
    rs_buf b, hidden;
    rs__buf_init(&b, 0);
    rs__buf_init(&hidden, max_len);
    rs_status st = format == RS_FORMAT_PDF
                       ? rs__pdf_read(name, bytes, len, max_len, &b, err)
#ifdef RS_WITH_OFFICE
                       : rs__office_read(name, bytes, len, format, max_len, &b, &hidden, err);
#else
                       : RS_ERR_FORMAT;
#endif
    if (!st)
        st = S_finish(name, &b, max_len, out, err);
    if (!st && !rs__text_set_hidden(*out, &hidden)) {
        rs_text_free(*out);
        *out = NULL;
        st = rs__nomem(err, name);
    }
    rs__buf_free(&b);
    rs__buf_free(&hidden);
    return st;
}

rs_status rs_text_read_any(const char *path, rs_format format, size_t max_len, rs_text **out,
                           rs_error *err)
{
    if (!out)
        return rs__fail(err, RS_ERR_ARG, path, 0, "no output");
    *out = NULL;
    rs_buf b;
    rs__buf_init(&b, 0);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    rs_status st = rs__read_bytes(path, max_len, &b, err);
    if (!st)
        st = rs_text_from_bytes(name, (const unsigned char *)(b.data ? b.data : ""), b.len,
                                format, max_len, out, err);
    rs__buf_free(&b);
    return st;
}
