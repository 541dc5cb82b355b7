/* xml_handler.h — libxml2's structured error handler is per thread and
 * may belong to a program embedding rolescan. Every parse installs ours
 * and puts back whatever was there before, never libxml2's default (which
 * prints: the library never prints). */
#ifndef RS_XML_HANDLER_H
#define RS_XML_HANDLER_H

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

typedef struct rs_xml_handler {
    xmlStructuredErrorFunc fn;
    void *ctx;
} rs_xml_handler;

/* Installs fn with ctx for this thread; returns the handler it replaced. */
static inline rs_xml_handler rs__xml_handler_set(void *ctx, xmlStructuredErrorFunc fn)
{
    rs_xml_handler old = {xmlStructuredError, xmlStructuredErrorContext};
    xmlSetStructuredErrorFunc(ctx, fn);
    return old;
}

static inline void rs__xml_handler_restore(rs_xml_handler old)
{
    xmlSetStructuredErrorFunc(old.ctx, old.fn);
}

#endif
