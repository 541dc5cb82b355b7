/* input_internal.h — the document readers behind rs_text_from_bytes
 * (formats.c): office_text.c (DOCX, ODT; with docx.c, odt.c and zip.c,
 * office_internal.h) and pdf.c. Each appends UTF-8 text to `out` and
 * reports failures in err with the document's name. */
#ifndef RS_INPUT_INTERNAL_H
#define RS_INPUT_INTERNAL_H

#include "internal.h"

/* DOCX (format RS_FORMAT_DOCX) or ODT (RS_FORMAT_ODT) bytes to UTF-8 text
 * appended to `out`: one line per paragraph, heading, list item ("- "
 * prefix) and table cell; line breaks and tabs kept; headers and footers
 * before the body; text boxes included; tracked deletions dropped,
 * insertions kept; hyperlinks' text kept. Limits: at most 10,000 zip
 * entries, the parts read at most `max_len` bytes uncompressed in all (each
 * at most 64 MiB), a compression ratio over 200:1 on any part larger than
 * 1 MiB refused as a zip bomb. RS_ERR_FORMAT for a corrupt zip, an
 * encrypted entry, a missing main part, a zip bomb or malformed XML;
 * RS_ERR_TOO_LARGE when the text passes max_len; RS_ERR_NOMEM. Text in
 * runs marked hidden (DOCX w:vanish, w:webHidden; ODT text:hidden-text and
 * hidden paragraphs) goes to `hidden`, words separated by blanks. */
rs_status rs__office_read(const char *name, const unsigned char *bytes, size_t len,
                          rs_format format, size_t max_len, rs_buf *out, rs_buf *hidden,
                          rs_error *err);

/* Gives t the hidden text gathered in `hidden` (emptied); false when the
 * buffer failed or memory ran out (decode.c). */
bool rs__text_set_hidden(rs_text *t, rs_buf *hidden);
/* Adds a warning to t's (joined by "; "); false when memory ran out. */
bool rs__text_add_warning(rs_text *t, const char *warning);

/* PDF bytes to UTF-8 text appended to `out`: each page's text in reading
 * order (poppler groups columns into blocks), pages ended by a form feed.
 * RS_ERR_FORMAT for an encrypted, broken or textless (scanned) PDF. Safe
 * to call from several threads (calls into Poppler are serialized). */
rs_status rs__pdf_read(const char *name, const unsigned char *bytes, size_t len,
                       size_t max_len, rs_buf *out, rs_error *err);

#endif
