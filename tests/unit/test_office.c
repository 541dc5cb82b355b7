/* test_office.c — the DOCX and ODT reader, rs__office_read: documents are
 * built here at run time with libzip (paragraphs, tables, lists, headers
 * and footers, tabs and breaks, tracked changes, links, text boxes, fields,
 * content controls; the ODT equivalents), then the refusals (not a zip, no
 * main part, malformed XML, a DTD, encrypted entries and packages, a zip
 * bomb, too many entries, the size limits), allocation failures, and the
 * fixture documents of tests/data/formats when they are there. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failing_alloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "input/input_internal.h"

/* ---- building zips ------------------------------------------------------- */

enum { P_STORE = 1, P_AES = 2 };

typedef struct part {
    const char *name;
    const void *data;
    size_t len; /* 0: strlen(data) */
    unsigned flags;
} part;

/* The zip of `parts`, in order, as a new buffer (caller frees). */
static unsigned char *make_zip(const part *parts, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    assert_non_null(mem);
    zip_source_keep(mem);
    zip_t *za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    for (size_t i = 0; i < n; i++) {
        size_t plen = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(za, parts[i].data, plen, 0);
        assert_non_null(s);
        zip_int64_t idx = zip_file_add(za, parts[i].name, s, 0);
        assert_true(idx >= 0);
        if (parts[i].flags & P_STORE)
            assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
        if (parts[i].flags & P_AES)
            assert_int_equal(
                zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_AES_256, "secret"), 0);
    }
    assert_int_equal(zip_close(za), 0);
    zip_stat_t st;
    zip_stat_init(&st);
    assert_int_equal(zip_source_stat(mem, &st), 0);
    assert_int_equal(zip_source_open(mem), 0);
    unsigned char *buf = malloc(st.size ? st.size : 1);
    assert_non_null(buf);
    assert_int_equal(zip_source_read(mem, buf, st.size), (zip_int64_t)st.size);
    zip_source_close(mem);
    zip_source_free(mem);
    zip_error_fini(&ze);
    *len = (size_t)st.size;
    return buf;
}

/* ---- reading --------------------------------------------------------------- */

static void assert_contains(const char *hay, const char *needle)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (hay && strstr(hay, needle))
        fail_msg("\"%s\" contains \"%s\"", hay, needle);
}

/* Not strstr in a loop: ASan's strstr measures the whole haystack each call. */
static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    if (!hay)
        return 0;
    for (const char *p = hay; *p; p++)
        n += strncmp(p, needle, k) == 0;
    return n;
}

/* The text of a zip that must be read (caller frees). */
static char *read_ok(const unsigned char *z, size_t len, rs_format format)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    rs_error err = {0};
    rs_status st = rs__office_read("t.doc", z, len, format, 0, &b, NULL, &err);
    if (st != RS_OK)
        fail_msg("unexpected failure %d: %s", (int)st, err.message);
    assert_false(b.failed);
    char *s = strdup(b.data ? b.data : "");
    rs__buf_free(&b);
    return s;
}

/* The text of a zip that must be read, and its hidden text in *hidden
 * (both new strings, caller frees). */
static char *read_hidden(const unsigned char *z, size_t len, rs_format format, char **hidden)
{
    rs_buf b, h;
    rs__buf_init(&b, 0);
    rs__buf_init(&h, 0);
    rs_error err = {0};
    rs_status st = rs__office_read("t.doc", z, len, format, 0, &b, &h, &err);
    if (st != RS_OK)
        fail_msg("unexpected failure %d: %s", (int)st, err.message);
    char *s = strdup(b.data ? b.data : "");
    *hidden = strdup(h.data ? h.data : "");
    rs__buf_free(&b);
    rs__buf_free(&h);
    return s;
}

/* A read that must fail with `want`; the message is left in *err. The
 * output must be left as it was. */
static void read_fails(const unsigned char *z, size_t len, rs_format format, size_t max_len,
                       rs_status want, rs_error *err)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    assert_true(rs__buf_puts(&b, "kept"));
    memset(err, 0, sizeof *err);
    rs_status st = rs__office_read("t.doc", z, len, format, max_len, &b, NULL, err);
    if (st != want)
        fail_msg("status %d, want %d (%s)", (int)st, (int)want, err->message);
    assert_int_equal(err->status, want);
    assert_string_equal(err->file, "t.doc");
    assert_string_equal(b.data, "kept");
    rs__buf_free(&b);
}

/* ---- DOCX ---------------------------------------------------------------- */

#define W_NS                                                                      \
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "   \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " \
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "   \
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "          \
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " \
    "xmlns:v=\"urn:schemas-microsoft-com:vml\""

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define CT_MAIN(part, type)                                                        \
    XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"                 \
    "<Override PartName=\"" part "\" ContentType=\"" type "\"/></Types>"

#define DOCX_MAIN "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

static const char S_types[] = CT_MAIN("/word/document.xml", DOCX_MAIN);

/* A word/document.xml around `body` (caller frees). */
static char *docx_document(const char *body)
{
    static const char head[] = XML_DECL "<w:document " W_NS "><w:body>";
    static const char tail[] = "<w:sectPr><w:pgSz w:w=\"12240\"/></w:sectPr></w:body></w:document>";
    char *s = malloc(strlen(head) + strlen(body) + strlen(tail) + 1);
    assert_non_null(s);
    strcpy(s, head);
    strcat(s, body);
    strcat(s, tail);
    return s;
}

/* A DOCX of `body` and `extra` parts, as bytes (caller frees). */
static unsigned char *docx_zip(const char *body, const part *extra, size_t n_extra,
                               size_t *len)
{
    char *doc = docx_document(body);
    part parts[16] = {{"[Content_Types].xml", S_types, 0, 0}, {"word/document.xml", doc, 0, 0}};
    assert_true(n_extra <= 14);
    for (size_t i = 0; i < n_extra; i++)
        parts[2 + i] = extra[i];
    unsigned char *z = make_zip(parts, 2 + n_extra, len);
    free(doc);
    return z;
}

static char *docx_text_with(const char *body, const part *extra, size_t n_extra)
{
    size_t len;
    unsigned char *z = docx_zip(body, extra, n_extra, &len);
    char *s = read_ok(z, len, RS_FORMAT_DOCX);
    free(z);
    return s;
}

static void assert_docx(const char *body, const char *want)
{
    char *got = docx_text_with(body, NULL, 0);
    if (strcmp(got, want) != 0)
        fail_msg("body %s\ngave \"%s\"\nwant \"%s\"", body, got, want);
    free(got);
}

#define R(text) "<w:r><w:t>" text "</w:t></w:r>"
#define P(text) "<w:p>" R(text) "</w:p>"

static void test_docx_paragraphs(void **state)
{
    (void)state;
    assert_docx("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Jane</w:t></w:r>"
                "<w:r><w:t xml:space=\"preserve\"> Doe  </w:t></w:r></w:p>"
                "<w:p/>"
                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" R("Experience") "</w:p>"
                "<w:p/><w:p></w:p><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>"
                "<w:p>" R("Sen") R("ior Engineer &amp; lead &#x2013; caf\xC3\xA9") "</w:p>",
                "Jane Doe\n\nExperience\n\nSenior Engineer & lead \xE2\x80\x93 caf\xC3\xA9\n");
    /* an empty body is no text, not an error */
    assert_docx("", "");
}

static void test_docx_table(void **state)
{
    (void)state;
    assert_docx(P("Skills")
                "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>"
                "<w:tr><w:trPr/><w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr>" P("Python") "</w:tc>"
                "<w:tc>" P("5 years") P("expert") "</w:tc></w:tr>"
                "<w:tr><w:tc>" P("Go") "</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
                P("After"),
                "Skills\nPython\n5 years\nexpert\nGo\n\nAfter\n");
    /* two cells of one paragraph each never share a line */
    assert_docx("<w:tbl><w:tr><w:tc>" P("A") "</w:tc><w:tc>" P("B") "</w:tc></w:tr></w:tbl>",
                "A\nB\n");
}

static void test_docx_lists(void **state)
{
    (void)state;
    static const char styles[] =
        XML_DECL "<w:styles " W_NS ">"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:basedOn w:val=\"Normal\"/>"
        "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"MyBullets\"><w:basedOn w:val=\"ListBullet\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"NoBullets\"><w:basedOn w:val=\"ListBullet\"/>"
        "<w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Strong\"/></w:styles>";
    part extra[] = {{"word/styles.xml", styles, 0, 0}};
    char *got = docx_text_with(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
        R("Python") "</w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"MyBullets\"/></w:pPr>" R("Go") "</w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"
        "</w:pPr>" R("Plain") "</w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"NoBullets\"/></w:pPr>" R("Also plain") "</w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" R("Normal") "</w:p>"
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>"
        "<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
        "</w:pPrChange></w:pPr>" R("Was a list item") "</w:p>",
        extra, 1);
    assert_string_equal(got, "- Python\n- Go\nPlain\nAlso plain\nNormal\n\nWas a list item\n");
    free(got);
}

/* Text set in a style that hides it (w:vanish in a character or paragraph
 * style, or in a style it is based on) goes aside; direct formatting
 * (w:vanish w:val="0") shows it again. */
static void test_docx_hidden_styles(void **state)
{
    (void)state;
    static const char styles[] =
        XML_DECL "<w:styles " W_NS ">"
        "<w:style w:type=\"character\" w:styleId=\"Secret\"><w:rPr><w:vanish/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Deeper\"><w:basedOn w:val=\"Secret\"/></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Shown\"><w:basedOn w:val=\"Secret\"/>"
        "<w:rPr><w:vanish w:val=\"0\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"HiddenPara\"><w:rPr><w:vanish/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Was\"><w:rPr><w:rPrChange><w:rPr><w:vanish/>"
        "</w:rPr></w:rPrChange></w:rPr></w:style></w:styles>";
    part extra[] = {{"word/styles.xml", styles, 0, 0}};
    size_t len;
    unsigned char *z = docx_zip(
        "<w:p>" R("Visible ")
        "<w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>COBOL </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Deeper\"/></w:rPr><w:t>Haskell </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Shown\"/></w:rPr><w:t>Go </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Loop\"/></w:rPr><w:t>Rust </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val=\"Missing\"/></w:rPr><w:t>SQL</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"HiddenPara\"/></w:pPr>" R("Fortran ")
        "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>Java</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"Was\"/></w:pPr>" R("Kotlin") "</w:p>",
        extra, 1, &len);
    char *hidden;
    char *got = read_hidden(z, len, RS_FORMAT_DOCX, &hidden);
    assert_string_equal(got, "Visible Go Rust SQL\nJava\nKotlin\n");
    assert_string_equal(hidden, "COBOL  Haskell  Fortran ");
    free(got);
    free(hidden);
    free(z);
}

static void test_docx_headers_footers(void **state)
{
    (void)state;
    static const char h1[] = XML_DECL "<w:hdr " W_NS ">" P("Jane Doe - Resume") "</w:hdr>";
    static const char h2[] = XML_DECL "<w:hdr " W_NS ">" P("Second header") "</w:hdr>";
    static const char h10[] = XML_DECL "<w:hdr " W_NS ">" P("Tenth header") "</w:hdr>";
    static const char f1[] = XML_DECL "<w:ftr " W_NS ">" P("jane@example.com") "</w:ftr>";
    static const char fn[] =
        XML_DECL "<w:footnotes " W_NS "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
        "<w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\">" P("A footnote")
        "</w:footnote></w:footnotes>";
    part extra[] = {{"word/footer1.xml", f1, 0, 0}, {"word/header10.xml", h10, 0, 0},
                    {"word/header2.xml", h2, 0, 0}, {"word/header1.xml", h1, 0, 0},
                    {"word/_rels/header1.xml.rels", "<x/>", 0, 0},
                    {"word/footnotes.xml", fn, 0, 0}};
    char *got = docx_text_with(P("Body text"), extra, 6);
    assert_string_equal(got, "Jane Doe - Resume\nSecond header\nTenth header\n"
                             "jane@example.com\n\nBody text\n\nA footnote\n");
    free(got);
}

static void test_docx_tabs_breaks(void **state)
{
    (void)state;
    assert_docx("<w:p><w:r><w:t>2019</w:t><w:tab/><w:t>Acme</w:t><w:br/><w:t>Line two</w:t>"
                "<w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>mail co</w:t><w:softHyphen/>"
                "<w:t>operate</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r></w:p>"
                "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
                R("No tab") "<w:r><w:br w:type=\"page\"/></w:r>" R("Next page") "</w:p>"
                "<w:p>" R("Two") "<w:r><w:br/><w:br/><w:br/><w:br/></w:r>" R("breaks") "</w:p>"
                "<w:p><w:r><w:tab/><w:t>lead tab, trailing tab</w:t><w:tab/></w:r></w:p>",
                "2019\tAcme\nLine two\ne-mail cooperate\nNo tab\nNext page\n"
                "Two\n\nbreaks\nlead tab, trailing tab\n");
}

static void test_docx_tracked_changes(void **state)
{
    (void)state;
    char *got = docx_text_with(
        "<w:p><w:r><w:t xml:space=\"preserve\">Languages: </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText xml:space=\"preserve\">COBOL, </w:delText>"
        "</w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t xml:space=\"preserve\">Rust, </w:t></w:r></w:ins>"
        R("C") "<w:moveFrom w:id=\"3\">" R("Fortran") "</w:moveFrom></w:p>"
        "<w:p><w:moveTo w:id=\"4\">" R("Fortran") "</w:moveTo></w:p>"
        "<w:p><w:r><w:rPr><w:del w:id=\"5\"/></w:rPr><w:delText>COBOL</w:delText></w:r></w:p>",
        NULL, 0);
    assert_lacks(got, "COBOL");
    assert_contains(got, "Rust");
    assert_string_equal(got, "Languages: Rust, C\nFortran\n");
    free(got);
}

static void test_docx_links_fields(void **state)
{
    (void)state;
    assert_docx("<w:p><w:hyperlink r:id=\"rId5\" w:history=\"1\">" R("github.com/jane")
                "</w:hyperlink></w:p>"
                "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://x.org\" </w:instrText></w:r>"
                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("portfolio")
                "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                "<w:p><w:fldSimple w:instr=\" PAGE \">" R("7") "</w:fldSimple></w:p>"
                "<w:p><w:smartTag w:element=\"City\">" R("Berlin") "</w:smartTag></w:p>",
                "github.com/jane\nportfolio\n7\nBerlin\n");
}

static void test_docx_text_box(void **state)
{
    (void)state;
    char *got = docx_text_with(
        "<w:p>" R("Anchor") "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        "<wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\" descr=\"alt\"/><a:graphic><a:graphicData>"
        "<wps:wsp><wps:txbx><w:txbxContent>" P("Kubernetes box")
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr>" R("boxed item") "</w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" P("Kubernetes box")
        P("boxed item") "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>" R("After box") "</w:p>"
        /* a legacy VML text box on its own */
        "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" P("Legacy box")
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>" P("End"),
        NULL, 0);
    assert_int_equal(count_of(got, "Kubernetes box"), 1);
    /* a paragraph holding only a text box leaves no blank line */
    assert_string_equal(got, "Anchor\nKubernetes box\n- boxed item\nAfter box\nLegacy box\nEnd\n");
    free(got);
}

/* A list paragraph whose text comes after a text box keeps its "- ". */
static void test_docx_text_box_in_item(void **state)
{
    (void)state;
    assert_docx("<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
                "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" P("Box")
                "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>" R("Item") "</w:p>",
                "Box\n- Item\n");
}

static void test_docx_content_controls(void **state)
{
    (void)state;
    assert_docx("<w:sdt><w:sdtPr><w:alias w:val=\"Name\"/><w:showingPlcHdr/></w:sdtPr>"
                "<w:sdtContent>" P("Click here to enter text.") "</w:sdtContent></w:sdt>"
                "<w:sdt><w:sdtPr><w:alias w:val=\"Title\"/></w:sdtPr><w:sdtEndPr/>"
                "<w:sdtContent>" P("Data Engineer") "</w:sdtContent></w:sdt>"
                "<w:p><w:sdt><w:sdtContent>" R("inline control") "</w:sdtContent></w:sdt></w:p>",
                "Data Engineer\ninline control\n");
}

/* The main part is where [Content_Types].xml says (a .docm here), else
 * word/document.xml. */
static void test_docx_main_part(void **state)
{
    (void)state;
    static const char types[] =
        CT_MAIN("/word/document2.xml", "application/vnd.ms-word.document.macroEnabled.main+xml");
    char *doc = docx_document(P("The real one"));
    char *decoy = docx_document(P("Decoy"));
    part parts[] = {{"[Content_Types].xml", types, 0, 0}, {"word/document.xml", decoy, 0, 0},
                    {"word/document2.xml", doc, 0, 0}};
    size_t len;
    unsigned char *z = make_zip(parts, 3, &len);
    char *got = read_ok(z, len, RS_FORMAT_DOCX);
    assert_string_equal(got, "The real one\n");
    free(got);
    free(z);
    /* no [Content_Types].xml at all */
    part bare[] = {{"word/document.xml", doc, 0, 0}};
    z = make_zip(bare, 1, &len);
    got = read_ok(z, len, RS_FORMAT_DOCX);
    assert_string_equal(got, "The real one\n");
    free(got);
    free(z);
    free(doc);
    free(decoy);
}

/* Strict OOXML and other prefixes: namespaces are matched, not prefixes. */
static void test_docx_namespaces(void **state)
{
    (void)state;
    static const char doc[] =
        XML_DECL "<x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
        "<x:body><x:p><x:r><x:t>Strict</x:t></x:r></x:p>"
        "<x:p><x:r><t xmlns=\"urn:other\">not Word</t><x:t>ok</x:t></x:r></x:p></x:body></x:document>";
    part parts[] = {{"word/document.xml", doc, 0, 0}};
    size_t len;
    unsigned char *z = make_zip(parts, 1, &len);
    char *got = read_ok(z, len, RS_FORMAT_DOCX);
    assert_string_equal(got, "Strict\nok\n");
    free(got);
    free(z);
}

/* ---- ODT --------------------------------------------------------------------- */

#define ODT_NS                                                               \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "     \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "       \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "         \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "       \
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "      \
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " \
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "                          \
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\""

#define ODT_MIME "application/vnd.oasis.opendocument.text"

/* A content.xml of `body` after the automatic styles `styles` (caller
 * frees). */
static char *odt_content_styled(const char *styles, const char *body)
{
    static const char head[] =
        XML_DECL "<office:document-content " ODT_NS "><office:automatic-styles>";
    static const char mid[] = "</office:automatic-styles><office:body><office:text>";
    static const char tail[] = "</office:text></office:body></office:document-content>";
    char *s = malloc(strlen(head) + strlen(styles) + strlen(mid) + strlen(body) +
                     strlen(tail) + 1);
    assert_non_null(s);
    strcpy(s, head);
    strcat(s, styles);
    strcat(s, mid);
    strcat(s, body);
    strcat(s, tail);
    return s;
}

static char *odt_content(const char *body)
{
    return odt_content_styled("<style:style style:name=\"P1\" style:family=\"paragraph\"/>",
                              body);
}

/* An ODT of `body`, with styles.xml when given (caller frees). */
static unsigned char *odt_zip(const char *mime, const char *body, const char *styles,
                              size_t *len)
{
    char *content = odt_content(body);
    part parts[3] = {{"mimetype", mime, 0, P_STORE}, {"content.xml", content, 0, 0},
                     {"styles.xml", styles, 0, 0}};
    unsigned char *z = make_zip(parts, styles ? 3 : 2, len);
    free(content);
    return z;
}

static void assert_odt(const char *body, const char *styles, const char *want)
{
    size_t len;
    unsigned char *z = odt_zip(ODT_MIME, body, styles, &len);
    char *got = read_ok(z, len, RS_FORMAT_ODT);
    if (strcmp(got, want) != 0)
        fail_msg("body %s\ngave \"%s\"\nwant \"%s\"", body, got, want);
    free(got);
    free(z);
}

static void test_odt_text(void **state)
{
    (void)state;
    assert_odt("<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
               "<text:h text:outline-level=\"1\">Jane <text:span text:style-name=\"T1\">Doe</text:span></text:h>"
               "<text:p>Skills:<text:s text:c=\"3\"/>Go<text:tab/>Rust<text:line-break/>SQL   and\n"
               "   Python </text:p><text:p/><text:p/>"
               "<text:p>Link: <text:a xlink:type=\"simple\" xlink:href=\"https://x.org\">site</text:a>"
               "<office:annotation><dc:creator>rev</dc:creator><text:p>SECRET COMMENT</text:p>"
               "</office:annotation>.</text:p>"
               "<text:p>Note<text:note text:note-class=\"footnote\"><text:note-citation>1"
               "</text:note-citation><text:note-body><text:p>FOOTNOTE</text:p></text:note-body>"
               "</text:note> end</text:p>",
               NULL,
               "Jane Doe\nSkills:   Go\tRust\nSQL and Python\n\nLink: site.\nNote end\n");
}

static void test_odt_tracked_changes(void **state)
{
    (void)state;
    size_t len;
    unsigned char *z = odt_zip(
        ODT_MIME,
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
        "<office:change-info><dc:creator>x</dc:creator></office:change-info>"
        "<text:p>COBOL</text:p></text:deletion></text:changed-region>"
        "<text:changed-region text:id=\"c2\"><text:insertion><office:change-info>"
        "<dc:creator>x</dc:creator></office:change-info></text:insertion></text:changed-region>"
        "</text:tracked-changes>"
        "<text:p>Languages: <text:change text:change-id=\"c1\"/><text:change-start "
        "text:change-id=\"c2\"/>Rust<text:change-end text:change-id=\"c2\"/>, C</text:p>",
        NULL, &len);
    char *got = read_ok(z, len, RS_FORMAT_ODT);
    assert_lacks(got, "COBOL");
    assert_string_equal(got, "Languages: Rust, C\n");
    free(got);
    free(z);
}

static void test_odt_lists_tables_frames(void **state)
{
    (void)state;
    assert_odt("<text:list><text:list-header><text:p>Tools</text:p></text:list-header>"
               "<text:list-item><text:p>Docker</text:p></text:list-item>"
               "<text:list-item><text:number>2.</text:number><text:p>Kubernetes</text:p>"
               "<text:p>second paragraph</text:p>"
               "<text:list><text:list-item><text:p>Helm</text:p></text:list-item></text:list>"
               "</text:list-item><text:list-item><text:p/></text:list-item></text:list>"
               "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"2\"/>"
               "<table:table-header-rows><table:table-row><table:table-cell><text:p>Role</text:p>"
               "</table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>"
               "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Engineer</text:p>"
               "</table:table-cell><table:table-cell><text:p>5</text:p><text:p>years</text:p>"
               "</table:table-cell></table:table-row></table:table>"
               "<text:p>Before<draw:frame draw:name=\"F\"><svg:title>ALT TITLE</svg:title>"
               "<draw:text-box><text:p>Boxed text</text:p></draw:text-box></draw:frame>after</text:p>"
               "<text:table-of-content><text:table-of-content-source><text:index-title-template>"
               "TEMPLATE</text:index-title-template></text:table-of-content-source><text:index-body>"
               "<text:p>Contents entry</text:p></text:index-body></text:table-of-content>",
               NULL,
               "Tools\n- Docker\n- Kubernetes\nsecond paragraph\n- Helm\n\nRole\nEngineer\n5\n"
               "years\nBefore\nBoxed text\nafter\nContents entry\n");
}

static void test_odt_headers(void **state)
{
    (void)state;
    static const char styles[] =
        XML_DECL "<office:document-styles " ODT_NS "><office:styles><style:style "
        "style:name=\"Standard\" style:family=\"paragraph\"/></office:styles>"
        "<office:automatic-styles><style:page-layout style:name=\"pm1\"/></office:automatic-styles>"
        "<office:master-styles><style:master-page style:name=\"Standard\">"
        "<style:header><text:p>ODT Header</text:p></style:header>"
        "<style:footer style:display=\"false\"><text:p>Hidden footer</text:p></style:footer>"
        "<style:footer-left><text:p>Left footer</text:p></style:footer-left>"
        "</style:master-page></office:master-styles></office:document-styles>";
    assert_odt("<text:p>Body</text:p>", styles, "ODT Header\nLeft footer\n\nBody\n");
    /* a template (.ott), and no mimetype at all, are read too */
    size_t len;
    unsigned char *z = odt_zip(ODT_MIME "-template", "<text:p>Template</text:p>", NULL, &len);
    char *got = read_ok(z, len, RS_FORMAT_ODT);
    assert_string_equal(got, "Template\n");
    free(got);
    free(z);
    char *content = odt_content("<text:p>No mimetype</text:p>");
    part parts[] = {{"content.xml", content, 0, 0}};
    z = make_zip(parts, 1, &len);
    got = read_ok(z, len, RS_FORMAT_ODT);
    assert_string_equal(got, "No mimetype\n");
    free(got);
    free(z);
    free(content);
}

/* Text in a span or paragraph whose style (automatic, or named in
 * styles.xml, or inherited) has text:display="none" goes aside. */
static void test_odt_hidden_styles(void **state)
{
    (void)state;
    static const char named[] =
        XML_DECL "<office:document-styles " ODT_NS "><office:styles>"
        "<style:style style:name=\"Secret\" style:family=\"text\">"
        "<style:text-properties text:display=\"none\"/></style:style>"
        "</office:styles></office:document-styles>";
    char *content = odt_content_styled(
        "<style:style style:name=\"T1\" style:family=\"text\">"
        "<style:text-properties style:font-name=\"Serif\" text:display=\"none\"/></style:style>"
        "<style:style style:name=\"T2\" style:family=\"text\" style:parent-style-name=\"T1\"/>"
        "<style:style style:name=\"T3\" style:family=\"text\" style:parent-style-name=\"T1\">"
        "<style:text-properties text:display=\"true\"/></style:style>"
        "<style:style style:name=\"T4\" style:family=\"text\" style:parent-style-name=\"Secret\"/>"
        "<style:style style:name=\"P2\" style:family=\"paragraph\">"
        "<style:text-properties text:display=\"none\"/></style:style>",
        "<text:p>Shown <text:span text:style-name=\"T1\">COBOL</text:span> "
        "<text:span text:style-name=\"T2\">Haskell</text:span> "
        "<text:span text:style-name=\"T3\">Go</text:span></text:p>"
        "<text:p text:style-name=\"P2\">Fortran <text:span>Erlang</text:span></text:p>"
        "<text:p><text:span text:style-name=\"T4\">Ada</text:span>end</text:p>");
    part parts[] = {{"mimetype", ODT_MIME, 0, P_STORE}, {"content.xml", content, 0, 0},
                    {"styles.xml", named, 0, 0}};
    size_t len;
    unsigned char *z = make_zip(parts, 3, &len);
    char *hidden;
    char *got = read_hidden(z, len, RS_FORMAT_ODT, &hidden);
    assert_string_equal(got, "Shown Go\n\nend\n");
    assert_string_equal(hidden, "COBOL Haskell Fortran  Erlang Ada");
    free(got);
    free(hidden);
    free(z);
    free(content);
}

static void test_odt_refusals(void **state)
{
    (void)state;
    rs_error err;
    size_t len;
    unsigned char *z = odt_zip("application/vnd.oasis.opendocument.spreadsheet",
                               "<text:p>x</text:p>", NULL, &len);
    read_fails(z, len, RS_FORMAT_ODT, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "spreadsheet");
    free(z);
    /* ODF encrypts the parts itself; the manifest says so */
    static const char manifest[] =
        XML_DECL "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
        "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>"
        "</manifest:manifest>";
    part enc[] = {{"mimetype", ODT_MIME, 0, P_STORE}, {"content.xml", "\x93\x11garbage", 0, 0},
                  {"META-INF/manifest.xml", manifest, 0, 0}};
    z = make_zip(enc, 3, &len);
    read_fails(z, len, RS_FORMAT_ODT, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "encrypted document");
    free(z);
    part no_content[] = {{"mimetype", ODT_MIME, 0, P_STORE}, {"styles.xml", "<x/>", 0, 0}};
    z = make_zip(no_content, 2, &len);
    read_fails(z, len, RS_FORMAT_ODT, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid ODT file");
    assert_contains(err.message, "content.xml");
    free(z);
    /* a DOCX is not an ODT */
    z = docx_zip(P("x"), NULL, 0, &len);
    read_fails(z, len, RS_FORMAT_ODT, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "content.xml");
    free(z);
}

/* ---- refusals ------------------------------------------------------------- */

static void test_not_a_zip(void **state)
{
    (void)state;
    rs_error err;
    static const char text[] = "Jane Doe\nSenior engineer, not a zip file at all.\n";
    read_fails((const unsigned char *)text, strlen(text), RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid DOCX file");
    read_fails((const unsigned char *)text, strlen(text), RS_FORMAT_ODT, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid ODT file");
    read_fails((const unsigned char *)"PK", 2, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    read_fails(NULL, 0, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid DOCX file");
    /* a zip cut in half has no central directory */
    size_t len;
    unsigned char *z = docx_zip(P("Some text that makes the zip longer"), NULL, 0, &len);
    read_fails(z, len / 2, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid DOCX file");
    free(z);
    /* wrong arguments */
    rs_buf b;
    rs__buf_init(&b, 0);
    assert_int_equal(rs__office_read("x", NULL, 0, RS_FORMAT_PDF, 0, &b, NULL, &err), RS_ERR_ARG);
    assert_int_equal(rs__office_read("x", NULL, 5, RS_FORMAT_DOCX, 0, &b, NULL, &err), RS_ERR_ARG);
    assert_int_equal(rs__office_read("x", NULL, 0, RS_FORMAT_DOCX, 0, NULL, NULL, &err), RS_ERR_ARG);
    assert_int_equal(rs__office_read(NULL, NULL, 0, RS_FORMAT_DOCX, 0, &b, NULL, NULL),
                     RS_ERR_FORMAT);
    rs__buf_free(&b);
}

static void test_corrupt_entry(void **state)
{
    (void)state;
    rs_error err;
    char *doc = docx_document(P("Stored, so the bytes can be changed in place"));
    part parts[] = {{"word/document.xml", doc, 0, P_STORE}};
    size_t len;
    unsigned char *z = make_zip(parts, 1, &len);
    unsigned char *p = NULL;
    for (size_t i = 0; !p && i + 6 <= len; i++)
        if (memcmp(z + i, "Stored", 6) == 0)
            p = z + i;
    if (!p)
        fail_msg("the stored text is not in the zip");
    else
        p[0] = 's'; /* the CRC no longer matches */
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid DOCX file");
    assert_contains(err.message, "word/document.xml");
    free(z);
    free(doc);
}

static void test_missing_main_part(void **state)
{
    (void)state;
    rs_error err;
    part parts[] = {{"[Content_Types].xml", S_types, 0, 0},
                    {"word/styles.xml", "<w:styles/>", 0, 0}};
    size_t len;
    unsigned char *z = make_zip(parts, 2, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a valid DOCX file");
    assert_contains(err.message, "word/document.xml");
    free(z);
}

static void test_malformed_xml(void **state)
{
    (void)state;
    rs_error err;
    static const char *const docs[] = {
        XML_DECL "<w:document " W_NS "><w:body><w:p><w:r><w:t>Open</w:r></w:p></w:body></w:document>",
        XML_DECL "<w:document " W_NS "><w:body>" P("cut short"),
        "",
        XML_DECL "<w:document " W_NS "><w:body>" P("&undefined;") "</w:body></w:document>",
        XML_DECL "<w:document><w:body>" P("no namespace declared") "</w:body></w:document>",
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        part parts[] = {{"word/document.xml", docs[i], docs[i][0] ? 0 : 1, 0}};
        size_t len;
        unsigned char *z = make_zip(parts, 1, &len);
        read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
        assert_contains(err.message, "not a valid DOCX file: word/document.xml");
        free(z);
    }
    /* another XML vocabulary where the main part should be */
    part other[] = {{"word/document.xml", XML_DECL "<html><body>Hi</body></html>", 0, 0}};
    size_t len;
    unsigned char *z = make_zip(other, 1, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "not a WordprocessingML part");
    free(z);
    /* a malformed header fails the document too */
    part bad_header[] = {{"word/header1.xml", "<w:hdr " W_NS "><w:p>", 0, 0}};
    z = docx_zip(P("Body"), bad_header, 1, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "word/header1.xml");
    free(z);
    /* a malformed styles.xml only costs the list styles */
    part bad_styles[] = {{"word/styles.xml", "<w:styles " W_NS "><w:style", 0, 0}};
    char *got = docx_text_with(P("Still read"), bad_styles, 1);
    assert_string_equal(got, "Still read\n");
    free(got);
}

/* No DTD: no entity can be declared, let alone expanded. */
static void test_doctype_refused(void **state)
{
    (void)state;
    rs_error err;
    static const char laughs[] =
        XML_DECL "<!DOCTYPE w:document [<!ENTITY a \"lollollollollollollollollollol\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        "<w:document " W_NS "><w:body>" P("&c;") "</w:body></w:document>";
    static const char external[] =
        XML_DECL "<!DOCTYPE w:document SYSTEM \"file:///etc/passwd\">"
        "<w:document " W_NS "><w:body>" P("x") "</w:body></w:document>";
    const char *docs[] = {laughs, external};
    for (size_t i = 0; i < 2; i++) {
        part parts[] = {{"word/document.xml", docs[i], 0, 0}};
        size_t len;
        unsigned char *z = make_zip(parts, 1, &len);
        read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
        assert_contains(err.message, "DOCTYPE");
        free(z);
    }
}

static void test_encrypted(void **state)
{
    (void)state;
    rs_error err;
    /* an encrypted OOXML package is an OLE compound file */
    static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
                                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    read_fails(ole, sizeof ole, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "encrypted document");
    if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) {
        print_message("skipped: this libzip cannot write AES-256 entries\n");
        return;
    }
    char *doc = docx_document(P("secret"));
    part parts[] = {{"[Content_Types].xml", S_types, 0, 0},
                    {"word/document.xml", doc, 0, P_AES}};
    size_t len;
    unsigned char *z = make_zip(parts, 2, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "encrypted document: word/document.xml");
    free(z);
    free(doc);
}

static void test_zip_bomb(void **state)
{
    (void)state;
    rs_error err;
    size_t big = 100u * 1024u * 1024u;
    char *zeros = calloc(big, 1);
    assert_non_null(zeros);
    part parts[] = {{"[Content_Types].xml", S_types, 0, 0},
                    {"word/document.xml", zeros, big, 0}};
    size_t len;
    unsigned char *z = make_zip(parts, 2, &len);
    free(zeros);
    assert_true(len < big / 200);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "refused: word/document.xml expands ");
    assert_contains(err.message, "a zip bomb?");
    free(z);
}

/* Parts over 1 MiB that compress as well as text does are fine. */
static void test_big_part_ok(void **state)
{
    (void)state;
    size_t n = 40000;
    char *body = malloc(n * 80 + 1), *p = body;
    assert_non_null(body);
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<w:p><w:r><w:t>line %zu %zx</w:t></w:r></w:p>", i, i * 2654435761u);
    char *got = docx_text_with(body, NULL, 0);
    assert_int_equal(count_of(got, "\n"), n);
    assert_contains(got, "line 39999 ");
    free(got);
    free(body);
}

static void test_too_many_entries(void **state)
{
    (void)state;
    rs_error err;
    size_t n = 10001;
    part *parts = calloc(n, sizeof *parts);
    char (*names)[16] = calloc(n, sizeof *names);
    assert_non_null(parts);
    assert_non_null(names);
    char *doc = docx_document(P("x"));
    parts[0] = (part){"word/document.xml", doc, 0, 0};
    for (size_t i = 1; i < n; i++) {
        snprintf(names[i], sizeof names[i], "f/%05zu", i);
        parts[i] = (part){names[i], "", 1, P_STORE};
    }
    size_t len;
    unsigned char *z = make_zip(parts, n, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 0, RS_ERR_FORMAT, &err);
    assert_contains(err.message, "10001 entries");
    free(z);
    /* 10,000 are allowed */
    z = make_zip(parts, n - 1, &len);
    char *got = read_ok(z, len, RS_FORMAT_DOCX);
    assert_string_equal(got, "x\n");
    free(got);
    free(z);
    free(doc);
    free(names);
    free(parts);
}

static void test_limits(void **state)
{
    (void)state;
    rs_error err;
    size_t len;
    /* the parts, uncompressed, are over max_len */
    unsigned char *z = docx_zip(P("Some resume text"), NULL, 0, &len);
    read_fails(z, len, RS_FORMAT_DOCX, 100, RS_ERR_TOO_LARGE, &err);
    assert_contains(err.message, "limit of 100 bytes");
    free(z);
    /* the text is over max_len (text:s makes more text than XML) */
    char body[4096] = "<text:p>";
    for (int i = 0; i < 10; i++)
        strcat(body, "x<text:s text:c=\"1000\"/>y");
    strcat(body, "</text:p>");
    z = odt_zip(ODT_MIME, body, NULL, &len);
    read_fails(z, len, RS_FORMAT_ODT, 2000, RS_ERR_TOO_LARGE, &err);
    assert_contains(err.message, "text is over the limit of 2000 bytes");
    /* and under a larger limit, read: text:s is capped at 1000 blanks */
    char *got = read_ok(z, len, RS_FORMAT_ODT);
    assert_int_equal(strlen(got), 10 * 1002 + 1);
    free(got);
    free(z);
    /* the caller's buffer cap counts as well */
    z = docx_zip(P("Some resume text"), NULL, 0, &len);
    rs_buf b;
    rs__buf_init(&b, 5);
    assert_int_equal(rs__office_read("t", z, len, RS_FORMAT_DOCX, 0, &b, NULL, &err), RS_ERR_TOO_LARGE);
    rs__buf_free(&b);
    free(z);
}

/* Text is appended after what the buffer holds. */
static void test_appends(void **state)
{
    (void)state;
    size_t len;
    unsigned char *z = docx_zip(P("One") P("Two"), NULL, 0, &len);
    rs_buf b;
    rs__buf_init(&b, 0);
    assert_true(rs__buf_puts(&b, "before\n"));
    rs_error err = {0};
    assert_int_equal(rs__office_read("t", z, len, RS_FORMAT_DOCX, 0, &b, NULL, &err), RS_OK);
    assert_string_equal(b.data, "before\nOne\nTwo\n");
    rs__buf_free(&b);
    free(z);
}

/* ---- allocation failures ------------------------------------------------- */


static void check_nomem(const unsigned char *z, size_t len, rs_format format, const char *want)
{
    rs_status st = RS_ERR_NOMEM;
    for (size_t n = 0; st == RS_ERR_NOMEM; n++) {
        assert_true(n < 1000);
        rs_buf b;
        rs__buf_init(&b, 0);
        rs_error err = {0};
        S_allocs_left = n;
        rs_set_allocator(failing_malloc, failing_realloc, free);
        st = rs__office_read("t", z, len, format, 0, &b, NULL, &err);
        rs_set_allocator(NULL, NULL, NULL);
        if (st == RS_ERR_NOMEM) {
            assert_int_equal(err.status, RS_ERR_NOMEM);
            assert_true(b.len == 0);
        } else {
            assert_int_equal(st, RS_OK);
            assert_string_equal(b.data, want);
        }
        rs__buf_free(&b);
    }
}

static void test_allocation_failures(void **state)
{
    (void)state;
    static const char styles[] =
        XML_DECL "<w:styles " W_NS "><w:style w:type=\"paragraph\" w:styleId=\"LB\">"
        "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
        "</w:style><w:style w:type=\"paragraph\" w:styleId=\"Normal\"/></w:styles>";
    static const char h1[] = XML_DECL "<w:hdr " W_NS ">" P("Header") "</w:hdr>";
    part extra[] = {{"word/styles.xml", styles, 0, 0}, {"word/header1.xml", h1, 0, 0}};
    size_t len;
    unsigned char *z = docx_zip("<w:p><w:pPr><w:pStyle w:val=\"LB\"/></w:pPr>" R("Item") "</w:p>"
                                P("Body"), extra, 2, &len);
    check_nomem(z, len, RS_FORMAT_DOCX, "Header\n\n- Item\nBody\n");
    free(z);
    z = odt_zip(ODT_MIME, "<text:p>a<text:s text:c=\"40\"/>b</text:p>", NULL, &len);
    check_nomem(z, len, RS_FORMAT_ODT, "a                                        b\n");
    free(z);
}

/* ---- the public entry point and the fixture documents --------------------- */

#ifdef RS_WITH_OFFICE
static void test_from_bytes(void **state)
{
    (void)state;
    size_t len;
    unsigned char *z = docx_zip(P("Jane Doe") P("Python developer"), NULL, 0, &len);
    rs_text *t = NULL;
    rs_error err = {0};
    assert_int_equal(rs_text_from_bytes("cv.docx", z, len, RS_FORMAT_AUTO, 0, &t, &err), RS_OK);
    assert_string_equal(rs_text_data(t), "Jane Doe\nPython developer\n");
    rs_text_free(t);
    free(z);
    z = odt_zip(ODT_MIME, "<text:p>ODT text</text:p>", NULL, &len);
    assert_int_equal(rs_text_from_bytes("cv.odt", z, len, RS_FORMAT_AUTO, 0, &t, &err), RS_OK);
    assert_string_equal(rs_text_data(t), "ODT text\n");
    rs_text_free(t);
    free(z);
}
#endif

/* What tests/data/formats/README.md says of the fixtures it describes. */
static void check_fixture(const char *file, rs_status st, const char *text)
{
    if (strcmp(file, "resume.docx") == 0 || strcmp(file, "resume.odt") == 0) {
        if (st != RS_OK)
            fail_msg("%s: %s", file, text);
        assert_contains(text, "Daniel Okafor");            /* the header */
        assert_contains(text, "C++ (reading level)");      /* the insertion */
        assert_lacks(text, "COBOL");                       /* the deletion */
        assert_lacks(text, "\n\n\n");
        assert_int_equal(count_of(text, "Senior backend engineer with 8 years"), 1);
    } else if (strcmp(file, "bomb.docx") == 0) {
        assert_int_equal(st, RS_ERR_FORMAT);
        assert_contains(text, "zip bomb");
    } else if (strcmp(file, "corrupt.docx") == 0) {
        assert_int_equal(st, RS_ERR_FORMAT);
        assert_contains(text, "not a valid DOCX file");
    }
}

/* Whatever tests/data/formats holds must be read or refused cleanly. */
static void test_fixtures(void **state)
{
    (void)state;
#ifdef RS_TEST_DATA
    const char *dir = RS_TEST_DATA "/formats";
    DIR *d = opendir(dir);
    if (!d) {
        print_message("skipped: no %s\n", dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        bool docx = n > 5 && strcmp(e->d_name + n - 5, ".docx") == 0;
        bool odt = n > 4 && strcmp(e->d_name + n - 4, ".odt") == 0;
        if (!docx && !odt)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        unsigned char *data = NULL;
        size_t len = 0, cap = 0, k;
        do {
            if (len == cap) {
                cap = cap ? cap * 2 : 65536;
                data = realloc(data, cap);
                assert_non_null(data);
            }
            k = fread(data + len, 1, cap - len, f);
            len += k;
        } while (k > 0);
        fclose(f);
        rs_buf b;
        rs__buf_init(&b, 0);
        rs_error err = {0};
        rs_status st = rs__office_read(e->d_name, data, len, docx ? RS_FORMAT_DOCX : RS_FORMAT_ODT,
                                       RS_DEFAULT_MAX_INPUT, &b, NULL, &err);
        if (st != RS_OK && st != RS_ERR_FORMAT && st != RS_ERR_TOO_LARGE)
            fail_msg("%s: status %d: %s", path, (int)st, err.message);
        if (st == RS_OK && b.len)
            assert_int_equal(b.data[b.len - 1], '\n');
        check_fixture(e->d_name, st, st ? err.message : b.data);
        rs__buf_free(&b);
        free(data);
    }
    closedir(d);
#else
    print_message("skipped: RS_TEST_DATA not defined\n");
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx_paragraphs),
        cmocka_unit_test(test_docx_table),
        cmocka_unit_test(test_docx_lists),
        cmocka_unit_test(test_docx_hidden_styles),
        cmocka_unit_test(test_docx_headers_footers),
        cmocka_unit_test(test_docx_tabs_breaks),
        cmocka_unit_test(test_docx_tracked_changes),
        cmocka_unit_test(test_docx_links_fields),
        cmocka_unit_test(test_docx_text_box),
        cmocka_unit_test(test_docx_text_box_in_item),
        cmocka_unit_test(test_docx_content_controls),
        cmocka_unit_test(test_docx_main_part),
        cmocka_unit_test(test_docx_namespaces),
        cmocka_unit_test(test_odt_text),
        cmocka_unit_test(test_odt_tracked_changes),
        cmocka_unit_test(test_odt_lists_tables_frames),
        cmocka_unit_test(test_odt_headers),
        cmocka_unit_test(test_odt_hidden_styles),
        cmocka_unit_test(test_odt_refusals),
        cmocka_unit_test(test_not_a_zip),
        cmocka_unit_test(test_corrupt_entry),
        cmocka_unit_test(test_missing_main_part),
        cmocka_unit_test(test_malformed_xml),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_encrypted),
        cmocka_unit_test(test_zip_bomb),
        cmocka_unit_test(test_big_part_ok),
        cmocka_unit_test(test_too_many_entries),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_allocation_failures),
#ifdef RS_WITH_OFFICE
        cmocka_unit_test(test_from_bytes),
#endif
        cmocka_unit_test(test_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
