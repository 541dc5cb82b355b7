/* xml_handler.h — libxml2's structured error handler is per thread and
 * may belong to a program embedding rolescan. Every parse installs ours
 * and puts back whatever was there before, never libxml2's default (which
 * prints: the library never prints). */
#ifndef RS_XML_HANDLER_H
#define RS_XML_HANDLER_H

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include <stdbool.h>

typedef struct rs_xml_handler {
    xmlStructuredErrorFunc fn;
    void *ctx;
    xmlGenericErrorFunc generic;   /* the thread's unstructured handler */
    void *generic_ctx;
} rs_xml_handler;

/* libxml2 reports a few failures ("xmlNewTextReader : malloc failed") only
 * through its unstructured handler, which prints by default. */
static inline void rs__xml_generic_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Installs fn with ctx for this thread, and a quiet unstructured handler;
 * returns the handlers it replaced. */
static inline rs_xml_handler rs__xml_handler_set(void *ctx, xmlStructuredErrorFunc fn)
{
    rs_xml_handler old = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError,
                          xmlGenericErrorContext};
    xmlSetStructuredErrorFunc(ctx, fn);
    xmlSetGenericErrorFunc(NULL, rs__xml_generic_quiet);
    return old;
}

static inline void rs__xml_handler_restore(rs_xml_handler old)
{
    xmlSetStructuredErrorFunc(old.ctx, old.fn);
    xmlSetGenericErrorFunc(old.generic_ctx, old.generic);
}

/* The handler of a stretch that only reads a tree (xmlGetProp,
 * xmlNodeGetContent): what libxml2 reports there is a failed allocation,
 * which such a call answers with NULL, as it answers a missing attribute.
 * ctx is a bool set when memory ran out; the report is not printed. */
static inline void rs__xml_note_nomem(void *ctx, xmlErrorPtr e)
{
    if (e && e->code == XML_ERR_NO_MEMORY)
        *(bool *)ctx = true;
}

/* A handler that drops every report (xmlGetLastError still has it). */
static inline void rs__xml_quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

#endif
