/* dynlib.h — a shared library opened on first use (dlopen), so that a run
 * that never reads a PDF or an office file never loads Poppler or libzip,
 * nor the dozens of libraries they bring (graphics, fonts, crypto). */
#ifndef RS_DYNLIB_H
#define RS_DYNLIB_H

#include "internal.h"

#include <pthread.h>

/* Any function, as a slot holds it; cast to the symbol's own type to call. */
typedef void (*rs_dynfn)(void);

typedef struct rs_dynlib {
    const char *soname;          /* "libpoppler-glib.so.8" */
    const char *package;         /* what to install, for the message */
    const char *const *symbols;  /* NULL-terminated */
    rs_dynfn *fns;               /* one slot per symbol, filled once loaded */
    pthread_mutex_t lock;
    int state;                   /* 0 not tried, 1 loaded, -1 failed */
    char why[300];               /* dlerror's words when it failed */
} rs_dynlib;

#define RS_DYNLIB_INIT(soname, package, symbols, fns) \
    {(soname), (package), (symbols), (fns), PTHREAD_MUTEX_INITIALIZER, 0, ""}

/* Opens lib and resolves its symbols, once for the process (any thread):
 * RS_OK, or RS_ERR_FORMAT for the input `name` saying that reading `what`
 * needs the package, and why the library did not load. A failure is kept:
 * the library is not tried again. */
rs_status rs__dynlib_load(rs_dynlib *lib, const char *name, const char *what, rs_error *err);

#endif
