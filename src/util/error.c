/* error.c — status names and filling an rs_error. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

const char *rs_strerror(rs_status status)
{
    switch (status) {
    case RS_OK: return "success";
    case RS_ERR_NOMEM: return "out of memory";
    case RS_ERR_IO: return "input/output error";
    case RS_ERR_TOO_LARGE: return "input too large";
    case RS_ERR_BINARY: return "binary input";
    case RS_ERR_ENCODING: return "undecodable input";
    case RS_ERR_LEXICON: return "invalid lexicon";
    case RS_ERR_REGEX: return "regular expression error";
    case RS_ERR_LIMIT: return "work limit reached";
    case RS_ERR_ARG: return "invalid argument";
    case RS_ERR_FORMAT: return "unreadable document format";
    }
    return "unknown error";
}

const char *rs_error_code(const rs_error *err)
{
    if (!err)
        return "argument";
    switch (err->status) {
    case RS_OK: return "ok";
    case RS_ERR_NOMEM: return "out_of_memory";
    case RS_ERR_IO:
        switch (err->os_error) {
        case ENOENT: case ENOTDIR: return "not_found";
        case EACCES: case EPERM: return "permission";
        case EISDIR: return "is_directory";
        default: return "io";
        }
    case RS_ERR_TOO_LARGE: return "too_large";
    case RS_ERR_BINARY: return "binary";
    case RS_ERR_ENCODING: return "encoding";
    case RS_ERR_LEXICON: return "lexicon";
    case RS_ERR_REGEX: return "pattern";
    case RS_ERR_LIMIT: return "limit";
    case RS_ERR_ARG: return "argument";
    case RS_ERR_FORMAT: return "format";
    }
    return "io";
}

rs_status rs__fail_os(rs_error *err, int os_error, const char *file, const char *what)
{
    rs_status st = rs__fail(err, os_error == ENOMEM ? RS_ERR_NOMEM : RS_ERR_IO, file, 0,
                            "%s: %s", what, strerror(os_error));
    if (err)
        err->os_error = os_error;
    return st;
}

rs_status rs__fail(rs_error *err, rs_status status, const char *file,
                   unsigned line, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = 0;
    err->os_error = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

rs_status rs__nomem(rs_error *err, const char *file)
{
    return rs__fail(err, RS_ERR_NOMEM, file, 0, "out of memory");
}
