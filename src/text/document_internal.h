/* document_internal.h — the layout of rs_text and rs_document, private to
 * the stages that build them: the text stage (src/text/) and the input
 * stage (src/input/), which fills in rs_text. Every other stage reads a
 * document through the accessors in text/text_internal.h and the public
 * ones in rolescan.h; tests/style/check_includes.cmake enforces this. */
#ifndef RS_DOCUMENT_INTERNAL_H
#define RS_DOCUMENT_INTERNAL_H

#include "text/text_internal.h"

struct rs_text {
    char *name;
    char *data;          /* UTF-8, NUL-terminated */
    size_t len;
    rs_encoding encoding;
    char *warning;
    char *hidden;        /* text the document hides (DOCX w:vanish, HTML
                            display:none...), not read as its text; NULL
                            when none */
};

struct rs_document {
    rs_text *text;
    char *norm;          /* normalized text, NUL-terminated */
    size_t norm_len;
    uint32_t *map;       /* norm byte -> original byte; norm_len + 1 items,
                            NULL for the identity (rs__orig) */
    size_t *line_starts; /* original offsets where lines begin */
    size_t line_count;
    unsigned *page_lines; /* first line of each page (text with form feeds) */
    size_t page_count;    /* 0 when the text has no form feed */
    rs_token *tokens;
    size_t token_count;
    size_t tokens_cut_at;   /* norm offset where the budget stopped, or SIZE_MAX */
    bool tokenized;
};

#endif
