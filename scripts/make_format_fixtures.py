#!/usr/bin/env python3
"""make_format_fixtures.py — regenerate the document-format test fixtures in
tests/data/formats/ from samples/resumes/03-senior-backend.txt.

    python3 scripts/make_format_fixtures.py            # write the fixtures
    python3 scripts/make_format_fixtures.py --check    # write, then verify them
    python3 scripts/make_format_fixtures.py --check-only [--rolescan build/rolescan]

Standard library only. The PDFs need Chromium (headless, `chromium` on PATH
or $CHROMIUM) and the encrypted PDF needs qpdf; --check uses pdftotext
(poppler-utils) when it is installed. See tests/data/formats/README.md for
what each file is for.

Output is deterministic where it can be: zip entries carry the timestamp
1980-01-01 00:00 and are written in a fixed order; Chromium's PDFs differ
only in /CreationDate and /ModDate, which are rewritten in place (same
length, so the xref table stays valid) to D:19800101000000. The AES-256
encryption of encrypted.pdf uses a random key and salts, so that file (only)
changes on every run. The PDFs depend on the fonts installed (DejaVu Sans
on Debian 12) and on the Chromium version.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape as _xml_escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "samples", "resumes", "03-senior-backend.txt")
OUT = os.path.join(ROOT, "tests", "data", "formats")
SRC = os.path.join(OUT, "src")

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ISO_DATE = "2024-01-01T00:00:00Z"
PDF_DATE = b"19800101000000"
AUTHOR = "Daniel Okafor"
DELETED = "COBOL mainframe"          # only ever inside a tracked deletion
BOMB_SIZE = 200 * 1024 * 1024        # uncompressed bytes of padding
CHUNK = 1024 * 1024


def esc(s):
    return _xml_escape(s)


def attr(s):
    return _xml_escape(s, {'"': "&quot;"})


# --------------------------------------------------------------------------
# The resume's structure, read from the text twin.

BULLET = "\u2022"                    # •
MONTHS = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"


def is_heading(line):
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return (len(letters) >= 3 and s == s.upper() and not s.startswith(BULLET)
            and len(s) < 40)


def parse_resume(text):
    """Returns (name, items). Each item is a dict: kind (title, subtitle,
    contact, heading, position, dates, bullet, para), section (the heading
    above it, '' before the first), lines (the item's lines, continuation
    lines stripped of their indentation)."""
    lines = text.split("\n")
    items = []
    section = ""
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            continue
        if i == 0:
            items.append({"kind": "title", "section": "", "lines": [line]})
            continue
        if is_heading(line):
            section = line.strip()
            items.append({"kind": "heading", "section": section, "lines": [section]})
            continue
        if line.startswith((" ", "\t")) and items and items[-1]["kind"] == "bullet":
            items[-1]["lines"].append(line.strip())
            continue
        if line.startswith(BULLET):
            items.append({"kind": "bullet", "section": section,
                          "lines": [line[len(BULLET):].strip()]})
            continue
        if not section:
            kind = "subtitle" if len(items) == 1 else "contact"
        elif section == "EXPERIENCE" and " \u2014 " in line:
            kind = "position"
        elif section == "EXPERIENCE" and re.match(MONTHS + r" \d{4} ", line):
            kind = "dates"
        else:
            kind = "para"
        items.append({"kind": kind, "section": section, "lines": [line]})
    title = items[0]["lines"][0]
    name = title.split("\u2014")[-1].strip().title()
    return name, items


def sections(items):
    """{heading: [items]} in order, '' for the preamble."""
    out = {}
    for it in items:
        if it["kind"] == "heading":
            out.setdefault(it["section"], [])
        else:
            out.setdefault(it["section"], []).append(it)
    return out


def contact_parts(line):
    """'Code:  https://…' -> ('Code:', 'https://…'); else None."""
    m = re.match(r"^(\w+:)\s{2,}(https?://\S+)$", line)
    return (m.group(1), m.group(2)) if m else None


def skill_row(item):
    """'Languages: Go, …' (+ continuation lines) -> ('Languages:', [value lines])."""
    first = item["lines"][0]
    label, _, value = first.partition(": ")
    return label + ":", [value] + item["lines"][1:]


def join_wrapped(lines):
    """Continuation lines joined into one flowing line ('Kuber-' + 'netes')."""
    out = lines[0]
    for nxt in lines[1:]:
        if re.search(r"[a-z]-$", out) and nxt[:1].islower():
            out = out[:-1] + nxt
        else:
            out += " " + nxt
    return out


# --------------------------------------------------------------------------
# Zip helpers: fixed timestamps, fixed order.

def zinfo(name, compress=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    zi.compress_type = compress
    zi.create_system = 3
    zi.external_attr = 0o644 << 16
    return zi


def write_zip(path, entries):
    """entries: [(name, bytes-or-str, compress_type)]"""
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, data, compress in entries:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zf.writestr(zinfo(name, compress), data)
    os.replace(tmp, path)


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# --------------------------------------------------------------------------
# DOCX

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

DOCX_NS = (
    'xmlns:w="%s" xmlns:r="%s" xmlns:mc="%s" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'mc:Ignorable="w14"' % (NS_W, NS_R, NS_MC))


def w_t(text):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return "<w:t%s>%s</w:t>" % (space, esc(text))


def w_run(text, rpr=""):
    return "<w:r>%s%s</w:r>" % ("<w:rPr>%s</w:rPr>" % rpr if rpr else "", w_t(text))


def w_p(content, style=None, extra_ppr=""):
    ppr = ""
    if style or extra_ppr:
        ppr = "<w:pPr>%s%s</w:pPr>" % (
            '<w:pStyle w:val="%s"/>' % style if style else "", extra_ppr)
    return "<w:p>%s%s</w:p>" % (ppr, content)


def docx_textbox(text):
    """A floating text box holding one paragraph: DrawingML in mc:Choice,
    the VML twin in mc:Fallback (the same text twice: a reader must take
    one branch only)."""
    content = "<w:txbxContent>%s</w:txbxContent>" % w_p(w_run(text))
    choice = (
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5760720" cy="411480"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapTopAndBottom/><wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5760720" cy="411480"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:txbx>%s</wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" '
        'bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>' % content)
    fallback = (
        '<mc:Fallback><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="position:absolute;margin-left:0;margin-top:0;width:453.6pt;height:32.4pt;'
        'z-index:251659264;mso-wrap-style:square" strokecolor="#7f7f7f" strokeweight=".5pt">'
        '<v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback>' % content)
    return w_p("<w:r><mc:AlternateContent>%s%s</mc:AlternateContent></w:r>" % (choice, fallback))


def docx_change(tag, rid, inner):
    return '<w:%s w:id="%d" w:author="%s" w:date="%s">%s</w:%s>' % (
        tag, rid, attr(AUTHOR), ISO_DATE, inner, tag)


def docx_document(name, items):
    body = []
    secs = sections(items)
    hyperlink_done = False
    for it in items:
        kind, sec, lines = it["kind"], it["section"], it["lines"]
        if kind == "title":
            body.append(w_p(w_run(lines[0]), "Title"))
        elif kind == "subtitle":
            body.append(w_p(w_run(lines[0]), "Subtitle"))
        elif kind == "contact":
            parts = contact_parts(lines[0])
            if not parts:
                body.append(w_p(w_run(lines[0])))
                continue
            label, url = parts
            runs = w_run(label) + "<w:r><w:tab/></w:r>"
            if not hyperlink_done and "example.com" in url:
                runs += ('<w:hyperlink r:id="rIdLink1" w:history="1">%s</w:hyperlink>'
                         % w_run(url, '<w:rStyle w:val="Hyperlink"/>'))
                hyperlink_done = True
            else:
                runs += w_run(url)
            body.append(w_p(runs))
        elif kind == "heading":
            body.append(w_p(w_run(lines[0]), "Heading1"))
            if sec == "SKILLS":
                body.append(docx_skills_table(secs["SKILLS"]))
        elif sec == "SKILLS":
            continue                     # in the table
        elif sec == "SUMMARY" and it is secs["SUMMARY"][0]:
            body.append(docx_textbox(lines[0]))
        elif kind == "position":
            body.append(w_p(w_run(lines[0]), "Heading2"))
        elif kind == "dates":
            body.append(w_p(w_run(lines[0], "<w:i/>")))
        elif kind == "bullet":
            runs = []
            for j, line in enumerate(lines):
                if j:
                    runs.append("<w:r><w:br/></w:r>")
                runs.append(w_run(line))
            body.append(w_p("".join(runs), "ListParagraph",
                            '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
        else:
            body.append(w_p(w_run(lines[0])))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
            'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    return (XML_DECL + '<w:document %s><w:body>\n%s\n%s</w:body></w:document>\n'
            % (DOCX_NS, "\n".join(body), sect))


def docx_skills_table(skill_items):
    rows = []
    for it in skill_items:
        label, values = skill_row(it)
        paras = []
        for v in values:
            if label == "Languages:" and "; " in v:
                # "…, Bash; C++ (reading level)": a tracked deletion of an
                # old skill, then a tracked insertion of the current one.
                head, _, tail = v.partition("; ")
                runs = (w_run(head + "; ")
                        + docx_change("del", 101, '<w:r><w:delText xml:space="preserve">%s, </w:delText></w:r>' % esc(DELETED))
                        + docx_change("ins", 102, w_run(tail)))
                paras.append(w_p(runs))
            else:
                paras.append(w_p(w_run(v)))
        rows.append(
            '<w:tr><w:tc><w:tcPr><w:tcW w:w="2200" w:type="dxa"/></w:tcPr>%s</w:tc>'
            '<w:tc><w:tcPr><w:tcW w:w="7438" w:type="dxa"/></w:tcPr>%s</w:tc></w:tr>'
            % (w_p(w_run(label, "<w:b/>")), "".join(paras)))
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9638" w:type="dxa"/>'
            '<w:tblLook w:val="04A0" w:firstRow="0" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="2200"/><w:gridCol w:w="7438"/></w:tblGrid>%s</w:tbl>'
            % "".join(rows))


DOCX_STYLES = XML_DECL + (
    '<w:styles xmlns:w="%s">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="40" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="595959"/><w:sz w:val="26"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="0"/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:jc w:val="right"/></w:pPr><w:rPr><w:color w:val="7F7F7F"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '</w:styles>\n' % NS_W)

DOCX_NUMBERING = XML_DECL + (
    '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">'
    '<w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>\n' % NS_W)


def docx_parts(name, items, document_xml=None):
    """The parts of a DOCX, in zip order."""
    link = next((contact_parts(it["lines"][0])[1] for it in items
                 if it["kind"] == "contact" and contact_parts(it["lines"][0])
                 and "example.com" in it["lines"][0]), "https://example.com/")
    content_types = XML_DECL + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="%sdocument.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="%sstyles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="%snumbering+xml"/>'
        '<Override PartName="/word/header1.xml" ContentType="%sheader+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>\n' % (CT_WML, CT_WML, CT_WML, CT_WML))
    rels = XML_DECL + (
        '<Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%sofficeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="%sextended-properties" Target="docProps/app.xml"/>'
        '</Relationships>\n' % (NS_PKG_REL, REL, REL))
    doc_rels = XML_DECL + (
        '<Relationships xmlns="%s">'
        '<Relationship Id="rIdStyles" Type="%sstyles" Target="styles.xml"/>'
        '<Relationship Id="rIdNumbering" Type="%snumbering" Target="numbering.xml"/>'
        '<Relationship Id="rIdHeader1" Type="%sheader" Target="header1.xml"/>'
        '<Relationship Id="rIdLink1" Type="%shyperlink" Target="%s" TargetMode="External"/>'
        '</Relationships>\n' % (NS_PKG_REL, REL, REL, REL, REL, attr(link)))
    header = XML_DECL + ('<w:hdr xmlns:w="%s" xmlns:r="%s">%s</w:hdr>\n'
                         % (NS_W, NS_R, w_p(w_run(name), "Header")))
    core = XML_DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>Resume</dc:title><dc:creator>%s</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>'
        '</cp:coreProperties>\n' % (esc(name), ISO_DATE, ISO_DATE))
    app = XML_DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        '<Application>make_format_fixtures.py</Application></Properties>\n')
    D = zipfile.ZIP_DEFLATED
    parts = [("[Content_Types].xml", content_types, D), ("_rels/.rels", rels, D),
             ("docProps/core.xml", core, D), ("docProps/app.xml", app, D)]
    if document_xml is not None:
        parts.append(("word/document.xml", document_xml, D))
    parts += [("word/_rels/document.xml.rels", doc_rels, D),
              ("word/styles.xml", DOCX_STYLES, D), ("word/numbering.xml", DOCX_NUMBERING, D),
              ("word/header1.xml", header, D)]
    return parts


def make_docx(path, name, items):
    write_zip(path, docx_parts(name, items, docx_document(name, items)))


# --------------------------------------------------------------------------
# ODT

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.2"')
ODT_MIME = "application/vnd.oasis.opendocument.text"


def odt_inline(text):
    """Text with runs of spaces as text:s (the first space kept literal)."""
    out = []
    for m in re.finditer(r" {2,}|[^ ]+| ", text):
        s = m.group(0)
        if len(s) > 1 and s[0] == " ":
            out.append(" <text:s/>" if len(s) == 2 else " <text:s text:c=\"%d\"/>" % (len(s) - 1))
        else:
            out.append(esc(s))
    return "".join(out)


def odt_content(name, items):
    secs = sections(items)
    body = []
    tracked = (
        '<text:tracked-changes text:track-changes="false">'
        '<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
        '<office:change-info><dc:creator>%s</dc:creator><dc:date>%s</dc:date></office:change-info>'
        '<text:p text:style-name="P_Body">%s</text:p></text:deletion></text:changed-region>'
        '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion>'
        '<office:change-info><dc:creator>%s</dc:creator><dc:date>%s</dc:date></office:change-info>'
        '</text:insertion></text:changed-region>'
        '</text:tracked-changes>' % (esc(AUTHOR), ISO_DATE[:-1], esc(DELETED),
                                     esc(AUTHOR), ISO_DATE[:-1]))
    body.append(tracked)
    in_list = False
    link_done = False
    for it in items:
        kind, sec, lines = it["kind"], it["section"], it["lines"]
        if kind != "bullet" or sec == "SKILLS":
            if in_list:
                body.append("</text:list>")
                in_list = False
        if kind == "title":
            body.append('<text:p text:style-name="Title">%s</text:p>' % odt_inline(lines[0]))
        elif kind == "subtitle":
            body.append('<text:p text:style-name="Subtitle">%s</text:p>' % odt_inline(lines[0]))
        elif kind == "contact":
            parts = contact_parts(lines[0])
            if parts and not link_done and "example.com" in parts[1]:
                label, url = parts
                body.append('<text:p text:style-name="P_Body">%s<text:tab/>'
                            '<text:a xlink:type="simple" xlink:href="%s">%s</text:a></text:p>'
                            % (esc(label), attr(url), esc(url)))
                link_done = True
            else:   # "Code:  https://…": the two spaces as <text:s text:c="2"/>
                if parts:
                    text = '%s<text:s text:c="2"/>%s' % (esc(parts[0]), esc(parts[1]))
                else:
                    text = odt_inline(lines[0])
                body.append('<text:p text:style-name="P_Body">%s</text:p>' % text)
        elif kind == "heading":
            body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>'
                        % esc(lines[0]))
            if sec == "SKILLS":
                body.append(odt_skills_table(secs["SKILLS"]))
        elif sec == "SKILLS":
            continue
        elif kind == "position":
            body.append('<text:h text:style-name="Heading_20_2" text:outline-level="2">%s</text:h>'
                        % esc(lines[0]))
        elif kind == "dates":
            body.append('<text:p text:style-name="P_Dates">%s</text:p>' % odt_inline(lines[0]))
        elif kind == "bullet":
            if not in_list:
                body.append('<text:list text:style-name="L_Bullet">')
                in_list = True
            body.append('<text:list-item><text:p text:style-name="P_List">%s</text:p></text:list-item>'
                        % "<text:line-break/>".join(odt_inline(l) for l in lines))
        else:
            body.append('<text:p text:style-name="P_Body">%s</text:p>' % odt_inline(lines[0]))
    if in_list:
        body.append("</text:list>")
    auto = (
        '<office:automatic-styles>'
        '<style:style style:name="P_Body" style:family="paragraph" style:parent-style-name="Standard"/>'
        '<style:style style:name="P_Dates" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="P_List" style:family="paragraph" style:parent-style-name="Standard" '
        'style:list-style-name="L_Bullet"/>'
        '<style:style style:name="T_Skills" style:family="table">'
        '<style:table-properties style:width="17cm" table:align="left"/></style:style>'
        '<style:style style:name="T_Skills.A" style:family="table-column">'
        '<style:table-column-properties style:column-width="3.8cm"/></style:style>'
        '<style:style style:name="T_Skills.B" style:family="table-column">'
        '<style:table-column-properties style:column-width="13.2cm"/></style:style>'
        '<style:style style:name="T_Skills.C" style:family="table-cell">'
        '<style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>'
        '<text:list-style style:name="L_Bullet">'
        '<text:list-level-style-bullet text:level="1" text:bullet-char="\u2022">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="listtab" '
        'text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/>'
        '</style:list-level-properties></text:list-level-style-bullet></text:list-style>'
        '</office:automatic-styles>')
    return (XML_DECL + '<office:document-content %s>%s<office:body><office:text>\n%s\n'
            '</office:text></office:body></office:document-content>\n'
            % (ODF_NS, auto, "\n".join(body)))


def odt_skills_table(skill_items):
    rows = []
    for it in skill_items:
        label, values = skill_row(it)
        paras = []
        for v in values:
            if label == "Languages:" and "; " in v:
                head, _, tail = v.partition("; ")
                paras.append('<text:p text:style-name="P_Body">%s; <text:change text:change-id="ct1"/>'
                             '<text:change-start text:change-id="ct2"/>%s'
                             '<text:change-end text:change-id="ct2"/></text:p>'
                             % (odt_inline(head), odt_inline(tail)))
            else:
                paras.append('<text:p text:style-name="P_Body">%s</text:p>' % odt_inline(v))
        rows.append('<table:table-row>'
                    '<table:table-cell table:style-name="T_Skills.C" office:value-type="string">'
                    '<text:p text:style-name="P_Body">%s</text:p></table:table-cell>'
                    '<table:table-cell table:style-name="T_Skills.C" office:value-type="string">%s'
                    '</table:table-cell></table:table-row>' % (esc(label), "".join(paras)))
    return ('<table:table table:name="Skills" table:style-name="T_Skills">'
            '<table:table-column table:style-name="T_Skills.A"/>'
            '<table:table-column table:style-name="T_Skills.B"/>%s</table:table>' % "".join(rows))


def odt_styles(name):
    return XML_DECL + (
        '<office:document-styles %s>'
        '<office:font-face-decls/>'
        '<office:styles>'
        '<style:default-style style:family="paragraph"><style:text-properties fo:font-size="10.5pt" '
        'fo:language="en" fo:country="GB"/></style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
        '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.07cm"/></style:style>'
        '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" '
        'style:class="chapter"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" '
        'style:class="chapter"><style:text-properties fo:font-size="13pt" fo:color="#595959"/></style:style>'
        '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
        'style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">'
        '<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>'
        '<style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>'
        '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
        'style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">'
        '<style:paragraph-properties fo:margin-top="0.25cm" fo:keep-with-next="always"/>'
        '<style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" '
        'style:class="extra"><style:paragraph-properties fo:text-align="end"/>'
        '<style:text-properties fo:color="#7f7f7f"/></style:style>'
        '</office:styles>'
        '<office:automatic-styles><style:page-layout style:name="pm1">'
        '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
        'fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.3cm"/></style:header-style></style:page-layout></office:automatic-styles>'
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
        '<style:header><text:p text:style-name="Header">%s</text:p></style:header>'
        '</style:master-page></office:master-styles>'
        '</office:document-styles>\n' % (ODF_NS, esc(name)))


def odt_meta(name):
    return XML_DECL + (
        '<office:document-meta %s><office:meta>'
        '<meta:generator>make_format_fixtures.py</meta:generator>'
        '<dc:title>Resume</dc:title><dc:creator>%s</dc:creator>'
        '<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>'
        '</office:meta></office:document-meta>\n' % (ODF_NS, esc(name), ISO_DATE[:-1], ISO_DATE[:-1]))


ODT_MANIFEST = XML_DECL + (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>\n' % ODT_MIME)


def make_odt(path, name, items):
    D = zipfile.ZIP_DEFLATED
    write_zip(path, [
        ("mimetype", ODT_MIME, zipfile.ZIP_STORED),       # first, stored, no extra field
        ("META-INF/manifest.xml", ODT_MANIFEST, D),
        ("content.xml", odt_content(name, items), D),
        ("styles.xml", odt_styles(name), D),
        ("meta.xml", odt_meta(name), D),
    ])


# --------------------------------------------------------------------------
# HTML sources and Chromium

CSS_BASE = (
    '@page { size: A4; margin: 14mm 14mm 16mm 14mm; }\n'
    'body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; '
    'color: #111; margin: 0; }\n'
    'p { margin: 0; }\n')


def html_page(title, css, body):
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n'
            % (esc(title), css, body))


def resume_html(name, text):
    """One column; each line of the text a paragraph or heading (the
    original line breaks and indentation kept with white-space: pre-wrap)."""
    css = CSS_BASE + (
        'p { white-space: pre-wrap; }\n'
        'h1 { font-size: 15pt; margin: 0 0 2pt 0; }\n'
        'h2 { font-size: 11pt; margin: 0; padding-top: 8pt; color: #1f3864; '
        'border-bottom: 0.5pt solid #1f3864; break-after: avoid; }\n'
        'p.sub { font-size: 11pt; color: #444; }\n'
        'p.pos { font-weight: bold; padding-top: 5pt; break-after: avoid; }\n'
        'p.gap { height: 4pt; }\n')
    out = []
    section = ""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    for i, line in enumerate(lines):
        if i == 0:
            out.append("<h1>%s</h1>" % esc(line))
        elif i == 1:
            out.append('<p class="sub">%s</p>' % esc(line))
        elif not line.strip():
            out.append('<p class="gap"></p>')
        elif is_heading(line):
            section = line.strip()
            out.append("<h2>%s</h2>" % esc(line))
        elif section == "EXPERIENCE" and " \u2014 " in line and not line.startswith(" "):
            out.append('<p class="pos">%s</p>' % esc(line))
        else:
            out.append("<p>%s</p>" % esc(line))
    return html_page("Resume \u2014 " + name, css, "\n".join(out))


def hx(text):
    """Escaped, each hyphenated word kept on one line: Poppler joins a
    word split after a hyphen ("post-" + "mortems" -> "postmortems")."""
    return re.sub(r"[^\s<>]*\w-\w[^\s<>]*",
                  lambda m: '<span class="nw">%s</span>' % m.group(0), esc(text))


def two_column_html(name, items):
    """A header, then a CSS grid: SKILLS / EDUCATION / CERTIFICATIONS on
    the left, EXPERIENCE on the right — two separate blocks, not one text
    flowing through CSS columns."""
    secs = sections(items)
    # Poppler (pdftotext, rolescan's PDF reader) keeps a column together
    # as one block only when its lines share one font size and sit no more
    # than 1.5 font sizes apart (baseline to baseline): so one size, no
    # paragraph gaps, section titles marked by weight, case and a rule.
    css = CSS_BASE + (
        'header { margin-bottom: 10pt; border-bottom: 1pt solid #1f3864; padding-bottom: 5pt; }\n'
        'header h1 { font-size: 17pt; margin: 0; }\n'
        'header p { color: #444; font-size: 10.5pt; }\n'
        '.grid { display: grid; grid-template-columns: 60mm 1fr; column-gap: 10mm; '
        'line-height: 1.3; }\n'
        '.left { background: #eef2f8; padding: 0 5pt 4pt 5pt; }\n'
        'h2, h3 { font-size: 9.5pt; margin: 0; }\n'
        'h2 { color: #1f3864; border-top: 0.75pt solid #1f3864; padding-top: 1pt; }\n'
        '.left h2:first-child, .right h2:first-child { border-top: none; padding-top: 0; }\n'
        'p.dates { color: #555; font-style: italic; }\n'
        'ul { margin: 0; padding-left: 12pt; }\n'
        '.nw { white-space: nowrap; }\n')
    pre = secs[""]
    head = ['<header>', "<h1>%s</h1>" % esc(name)]
    for it in pre:
        if it["kind"] == "subtitle":
            head.append("<p>%s</p>" % esc(it["lines"][0]))
        elif it["kind"] == "contact" and not contact_parts(it["lines"][0]):
            head.append("<p>%s</p>" % esc(it["lines"][0]))
    head.append("</header>")

    left = ['<div class="left">']
    for sec in ("SKILLS", "EDUCATION", "CERTIFICATIONS"):
        left.append("<h2>%s</h2>" % esc(sec))
        for it in secs.get(sec, []):
            if sec == "SKILLS":
                label, values = skill_row(it)
                left.append("<p><b>%s</b> %s</p>" % (esc(label), hx(join_wrapped(values))))
            else:
                left.append("<p>%s</p>" % hx(join_wrapped(it["lines"])))
    left.append("</div>")

    right = ['<div class="right">', "<h2>EXPERIENCE</h2>"]
    in_list = False
    for it in secs["EXPERIENCE"]:
        if it["kind"] == "bullet":
            if not in_list:
                right.append("<ul>")
                in_list = True
            right.append("<li>%s</li>" % hx(join_wrapped(it["lines"])))
            continue
        if in_list:
            right.append("</ul>")
            in_list = False
        if it["kind"] == "position":
            right.append("<h3>%s</h3>" % hx(it["lines"][0]))
        elif it["kind"] == "dates":
            right.append('<p class="dates">%s</p>' % hx(it["lines"][0]))
        else:
            right.append("<p>%s</p>" % hx(it["lines"][0]))
    if in_list:
        right.append("</ul>")
    right.append("</div>")
    body = "\n".join(head + ['<div class="grid">'] + left + right + ["</div>"])
    return html_page("Resume (two columns) \u2014 " + name, css, body)


def scanned_html(name):
    """The short resume that scanned.pdf shows as a picture only."""
    css = ('body { font-family: "DejaVu Serif", serif; font-size: 17px; line-height: 1.45; '
           'color: #222; background: #fff; margin: 36px 44px; }\n'
           'h1 { font-size: 26px; margin: 0 0 4px 0; }\n'
           'h2 { font-size: 18px; margin: 18px 0 4px 0; }\n'
           'p { margin: 0; }\n')
    body = "\n".join([
        "<h1>%s</h1>" % esc(name),
        "<p>Senior Backend Software Engineer \u2014 Rotterdam, Netherlands</p>",
        "<h2>EXPERIENCE</h2>",
        "<p>Senior Backend Software Engineer, Harbourline B.V., Feb 2022 \u2013 present</p>",
        "<p>\u2022 14 Go microservices talking gRPC, on Kubernetes (Amazon EKS).</p>",
        "<p>\u2022 PostgreSQL partitioning; Kafka event streaming; Prometheus and Grafana.</p>",
        "<p>Backend Software Engineer, Zilverpunt Fintech, Jun 2019 \u2013 Jan 2022</p>",
        "<p>\u2022 KYC document service in Go; AWS Lambda; Terraform; GitLab CI.</p>",
        "<h2>SKILLS</h2>",
        "<p>Go, SQL, Python, gRPC, PostgreSQL, Redis, Kafka, Kubernetes, Docker, AWS</p>",
        "<h2>EDUCATION</h2>",
        "<p>M.Sc. Computer Science \u2014 Delft University of Technology, 2016 \u2013 2018</p>",
    ])
    return html_page("Scanned resume \u2014 " + name, css, body)


def chromium_bin():
    for cand in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome", "google-chrome-stable"):
        if cand and shutil.which(cand):
            return shutil.which(cand)
    sys.exit("make_format_fixtures: Chromium not found (set $CHROMIUM)")


def chromium(args, url, out):
    with tempfile.TemporaryDirectory(prefix="mff-chrome-") as profile:
        cmd = [chromium_bin(), "--headless", "--no-sandbox", "--disable-gpu",
               "--user-data-dir=" + profile, "--no-first-run", "--disable-extensions",
               "--lang=en-US", "--hide-scrollbars", "--force-device-scale-factor=1"] + args + [url]
        env = dict(os.environ, TZ="UTC")
        if os.path.exists(out):
            os.remove(out)
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, timeout=180)
        if not os.path.exists(out) or os.path.getsize(out) == 0:
            sys.stderr.write(res.stderr.decode("utf-8", "replace")[-2000:])
            sys.exit("make_format_fixtures: Chromium did not write %s" % out)


def print_pdf(html_path, out):
    chromium(["--print-to-pdf=" + out, "--no-pdf-header-footer"],
             "file://" + os.path.abspath(html_path), out)
    # The only bytes that change between runs: the dates in the Info
    # dictionary. Same length, so the xref offsets stay right.
    with open(out, "rb") as f:
        data = f.read()
    data = re.sub(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}", rb"\g<1>" + PDF_DATE, data)
    with open(out, "wb") as f:
        f.write(data)


def screenshot(html_path, out, width, height):
    chromium(["--screenshot=" + out, "--window-size=%d,%d" % (width, height)],
             "file://" + os.path.abspath(html_path), out)


# --------------------------------------------------------------------------
# The hostile ones

def make_bomb(path, name, items):
    """A DOCX whose word/document.xml is well-formed XML padded with ~200 MB
    of whitespace (spaces, a newline every MiB) between two elements: it
    deflates ~1000:1, so the file stays about 200 KB. Written in chunks: never 200 MB in memory."""
    head = (XML_DECL + '<w:document %s><w:body>\n%s\n' % (DOCX_NS, w_p(w_run(
        "This document is a zip bomb test fixture: its main part is mostly whitespace."))))
    tail = '\n%s<w:sectPr/></w:body></w:document>\n' % w_p(w_run("Go, Kubernetes, PostgreSQL"))
    tmp = path + ".tmp"
    parts = docx_parts(name, items)
    with zipfile.ZipFile(tmp, "w") as zf:
        for pname, data, compress in parts[:4]:
            zf.writestr(zinfo(pname, compress), data.encode("utf-8"))
        with zf.open(zinfo("word/document.xml"), "w", force_zip64=True) as w:
            w.write(head.encode("utf-8"))
            chunk = b" " * (CHUNK - 1) + b"\n"    # deflates ~1000:1
            for _ in range(BOMB_SIZE // CHUNK):
                w.write(chunk)
            w.write(tail.encode("utf-8"))
        for pname, data, compress in parts[4:]:
            zf.writestr(zinfo(pname, compress), data.encode("utf-8"))
    os.replace(tmp, path)


def truncate_copy(src, dst, fraction_den):
    with open(src, "rb") as f:
        data = f.read()
    with open(dst, "wb") as f:
        f.write(data[:len(data) // fraction_den])


# --------------------------------------------------------------------------

def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate():
    os.makedirs(SRC, exist_ok=True)
    with open(SOURCE, encoding="utf-8") as f:
        text = f.read()
    name, items = parse_resume(text)
    p = lambda n: os.path.join(OUT, n)

    shutil.copyfile(SOURCE, p("resume.txt"))
    make_docx(p("resume.docx"), name, items)
    make_odt(p("resume.odt"), name, items)

    write_text(os.path.join(SRC, "resume.html"), resume_html(name, text))
    write_text(os.path.join(SRC, "two-column.html"), two_column_html(name, items))
    write_text(os.path.join(SRC, "scanned.html"), scanned_html(name))
    print_pdf(os.path.join(SRC, "resume.html"), p("resume.pdf"))
    print_pdf(os.path.join(SRC, "two-column.html"), p("two-column.pdf"))
    # The same with headings larger than the text and gaps between
    # paragraphs, as real resumes have: Poppler's own order interleaves
    # these columns block by block; rolescan must still read them apart.
    styled = two_column_html(name, items).replace(
        "h2, h3 { font-size: 9.5pt; margin: 0; }",
        "h2 { font-size: 13pt; margin: 10pt 0 4pt; } h3 { font-size: 11pt; margin: 8pt 0 2pt; }"
        " p, li { margin: 0 0 5pt; }")
    write_text(os.path.join(SRC, "two-column-styled.html"), styled)
    print_pdf(os.path.join(SRC, "two-column-styled.html"), p("two-column-styled.pdf"))

    with tempfile.TemporaryDirectory(prefix="mff-scan-") as tmp:
        png = os.path.join(tmp, "scanned.png")
        screenshot(os.path.join(SRC, "scanned.html"), png, 900, 620)
        with open(png, "rb") as f:
            uri = "data:image/png;base64," + base64.b64encode(f.read()).decode("ascii")
        page = os.path.join(tmp, "scanned-page.html")
        write_text(page, html_page(
            "Scanned resume", "@page { size: A4; margin: 10mm; }\nbody { margin: 0; }\n"
            "img { width: 100%; display: block; }\n", '<img src="%s" alt="">' % uri))
        print_pdf(page, p("scanned.pdf"))

    qpdf = shutil.which("qpdf") or sys.exit("make_format_fixtures: qpdf not found")
    if os.path.exists(p("encrypted.pdf")):
        os.remove(p("encrypted.pdf"))
    subprocess.run([qpdf, "--encrypt", "user-secret", "owner-secret", "256", "--",
                    p("resume.pdf"), p("encrypted.pdf")], check=True)

    truncate_copy(p("resume.docx"), p("corrupt.docx"), 2)
    truncate_copy(p("resume.pdf"), p("corrupt.pdf"), 3)
    make_bomb(p("bomb.docx"), name, items)


# --------------------------------------------------------------------------
# --check: the fixtures say what they should

W = "{%s}" % NS_W
MC = "{%s}" % NS_MC
TXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFF = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def docx_text(path):
    """Text as rolescan's reader is meant to give it: header first, one line
    per paragraph / table cell, list items with '- ', w:tab and w:br kept,
    deletions dropped, insertions and hyperlinks kept, mc:Choice only."""
    with zipfile.ZipFile(path) as zf:
        header = ET.fromstring(zf.read("word/header1.xml"))
        doc = ET.fromstring(zf.read("word/document.xml"))
    lines = []

    def para(p):
        buf = []
        nested = []

        def walk(e):
            for c in e:
                if c.tag in (W + "del", MC + "Fallback"):
                    continue
                if c.tag == W + "txbxContent":
                    nested.append(c)
                    continue
                if c.tag == W + "t":
                    buf.append(c.text or "")
                elif c.tag == W + "tab":
                    buf.append("\t")
                elif c.tag in (W + "br", W + "cr"):
                    buf.append("\n")
                walk(c)
        walk(p)
        for box in nested:
            for q in box.iter(W + "p"):
                para(q)
        s = "".join(buf)
        if p.find(W + "pPr/" + W + "numPr") is not None:
            s = "- " + s
        if s.strip():
            lines.append(s)

    def visit(e):
        # paragraphs in document order; para() handles the ones in text
        # boxes; nothing in mc:Fallback
        for c in e:
            if c.tag == W + "p":
                para(c)
            elif c.tag not in (MC + "Fallback", W + "txbxContent"):
                visit(c)

    for root in (header, doc):
        visit(root)
    return "\n".join(lines) + "\n"


def odt_text(path):
    with zipfile.ZipFile(path) as zf:
        styles = ET.fromstring(zf.read("styles.xml"))
        content = ET.fromstring(zf.read("content.xml"))
    lines = []

    def inline(e, buf):
        if e.text:
            buf.append(e.text)
        for c in e:
            if c.tag == TXT + "s":
                buf.append(" " * int(c.get(TXT + "c", "1")))
            elif c.tag == TXT + "tab":
                buf.append("\t")
            elif c.tag == TXT + "line-break":
                buf.append("\n")
            elif c.tag not in (TXT + "tracked-changes", OFF + "annotation"):
                inline(c, buf)
            if c.tail:
                buf.append(c.tail)

    def visit(e, in_item=False):
        for c in e:
            if c.tag == TXT + "tracked-changes":
                continue
            if c.tag in (TXT + "p", TXT + "h"):
                buf = []
                inline(c, buf)
                s = "".join(buf)
                if s.strip():
                    lines.append(("- " if in_item else "") + s)
            else:
                visit(c, in_item or c.tag == TXT + "list-item")

    for hdr in styles.iter("{urn:oasis:names:tc:opendocument:xmlns:style:1.0}header"):
        visit(hdr)
    visit(content.find(OFF + "body"))
    return "\n".join(lines) + "\n"


def norm(s):
    s = re.sub(r"(?m)^\s*(?:- |\u2022 )", "", s)
    return re.sub(r"\s+", " ", s).strip()


def skills(rolescan, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        res = subprocess.run([rolescan, "scan", "--format", "json", "-q", f.name],
                             stdout=subprocess.PIPE, check=True)
    finally:
        os.remove(f.name)
    doc = json.loads(res.stdout)["documents"][0]
    return sorted(s["id"] for s in doc["skills"])


def check(rolescan=None):
    p = lambda n: os.path.join(OUT, n)
    fails = []

    def ok(cond, what):
        print("%-4s %s" % ("ok" if cond else "FAIL", what))
        if not cond:
            fails.append(what)

    with open(p("resume.txt"), encoding="utf-8") as f:
        text = f.read()
    # a line ending in a hyphenated word part ("Kuber-") is looked for
    # without it: Poppler joins the word across the line break
    want_lines = [norm(re.sub(r"(?<=\w)-$", "", l.rstrip()))
                  for l in text.split("\n") if l.strip()]

    for n in ("resume.docx", "resume.odt", "bomb.docx"):
        with zipfile.ZipFile(p(n)) as zf:
            ok(zf.testzip() is None, "%s: zip CRCs" % n)
            for zi in zf.infolist():
                if zi.filename.endswith((".xml", ".rels")) and zi.file_size < 1 << 20:
                    ET.fromstring(zf.read(zi))
            ok(True, "%s: %d parts, the XML parses" % (n, len(zf.infolist())))
            if n == "bomb.docx":
                zi = zf.getinfo("word/document.xml")
                ok(zi.file_size > 150 << 20 and zi.file_size / zi.compress_size > 200,
                   "bomb.docx: document.xml %d bytes, deflated %d (%.0f:1)"
                   % (zi.file_size, zi.compress_size, zi.file_size / zi.compress_size))
                ok(os.path.getsize(p(n)) < 1 << 20, "bomb.docx: %d bytes" % os.path.getsize(p(n)))
    with zipfile.ZipFile(p("resume.odt")) as zf:
        first = zf.infolist()[0]
        ok(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
           and not first.extra and zf.read(first) == ODT_MIME.encode(),
           "resume.odt: mimetype first, stored, no extra field")
    try:
        zipfile.ZipFile(p("corrupt.docx")).testzip()
        ok(False, "corrupt.docx: not a readable zip")
    except (zipfile.BadZipFile, OSError, EOFError):
        ok(True, "corrupt.docx: not a readable zip")

    texts = {"resume.docx": docx_text(p("resume.docx")), "resume.odt": odt_text(p("resume.odt"))}
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        for n in ("resume.pdf", "two-column.pdf", "scanned.pdf"):
            res = subprocess.run([pdftotext, p(n), "-"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            texts[n] = res.stdout.decode("utf-8", "replace")
        ok(not texts["scanned.pdf"].strip(), "scanned.pdf: no text layer")
        res = subprocess.run([pdftotext, p("encrypted.pdf"), "-"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        ok(res.returncode != 0, "encrypted.pdf: pdftotext fails without the password")
        res = subprocess.run([pdftotext, "-upw", "user-secret", p("encrypted.pdf"), "-"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ok(res.returncode == 0 and norm(res.stdout.decode()) == norm(texts["resume.pdf"]),
           "encrypted.pdf: opens with user-secret and gives resume.pdf's text")
        # two columns as two blocks: every left-column section before the
        # first experience line, or every one after the last
        t = texts["two-column.pdf"]
        lpos = [t.find(w) for w in ("Languages:", "Observability:", "M.Sc. Computer Science",
                                    "Certified Kubernetes")]
        rpos = [t.find(w) for w in ("Harbourline", "Zilverpunt", "Datavorm", "Debugged TCP/IP")]
        ok(min(lpos + rpos) >= 0 and (max(lpos) < min(rpos) or min(lpos) > max(rpos)),
           "two-column.pdf: pdftotext gives the columns as blocks")
    else:
        print("skip pdftotext not installed: PDF text not checked")
    if shutil.which("qpdf"):
        res = subprocess.run(["qpdf", "--check", p("corrupt.pdf")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        ok(res.returncode != 0, "corrupt.pdf: qpdf --check fails (exit %d)" % res.returncode)
        res = subprocess.run(["qpdf", "--check", p("resume.pdf")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        ok(res.returncode == 0, "resume.pdf: qpdf --check passes")

    for n in ("resume.docx", "resume.odt", "resume.pdf"):
        if n not in texts:
            continue
        got = norm(texts[n])
        missing = [l for l in want_lines if l not in got]
        ok(not missing, "%s: every line of resume.txt is in its text%s"
           % (n, "" if not missing else " (missing: %r)" % missing[:3]))
        ok("COBOL" not in texts[n], "%s: no COBOL outside the tracked deletion" % n)
    with zipfile.ZipFile(p("resume.docx")) as zf:
        doc = zf.read("word/document.xml").decode()
        ok(doc.count(DELETED) == 1 and "<w:delText" in doc, "resume.docx: COBOL only in w:delText")
    if rolescan:
        want = skills(rolescan, text)
        for n, t in texts.items():
            if n in ("resume.docx", "resume.odt", "resume.pdf"):
                got = skills(rolescan, t)
                ok(got == want, "%s: rolescan finds the same %d skills as resume.txt%s"
                   % (n, len(want), "" if got == want else
                      " (extra %s, missing %s)" % (sorted(set(got) - set(want)),
                                                   sorted(set(want) - set(got)))))
    for n in sorted(os.listdir(OUT)):
        if os.path.isfile(p(n)):
            print("     %-16s %9d bytes" % (n, os.path.getsize(p(n))))
    return not fails


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the fixtures after writing them")
    ap.add_argument("--check-only", action="store_true", help="verify without writing")
    ap.add_argument("--rolescan", help="a rolescan binary: compare the skills each text gives")
    ap.add_argument("--dump-text", metavar="DIR",
                    help="with --check: write the text read from each fixture to DIR")
    args = ap.parse_args()
    if not args.check_only:
        generate()
    if args.check or args.check_only:
        good = check(args.rolescan)
        if args.dump_text:
            os.makedirs(args.dump_text, exist_ok=True)
            for n, fn in (("resume.docx", docx_text), ("resume.odt", odt_text)):
                write_text(os.path.join(args.dump_text, n + ".txt"), fn(os.path.join(OUT, n)))
        sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
