/* zip.c — the zip container of a DOCX or ODT: libzip reads the parts from
 * the document's bytes in memory, under limits that refuse zip bombs: the
 * number of entries, each part's size uncompressed, all parts' size
 * together, and the compression ratio of large parts, all checked against
 * the sizes the zip records before anything is inflated. */
#include "office_internal.h"

#define S_MAX_ENTRIES 10000
#define S_MAX_PART (64u * 1024u * 1024u)
#define S_MAX_ALL (256u * 1024u * 1024u) /* the parts in all when max_len is 0 */
#define S_BOMB_SIZE (1024u * 1024u)      /* parts over this must not expand more */
#define S_BOMB_RATIO 200u                /* than this many times */

/* ---- libzip, opened on first use ------------------------------------------ */

#define S_NAME(f) #f,
static const char *const S_names[] = {RS_ZIP_FUNCTIONS(S_NAME) NULL};
rs_dynfn rs__zip_fns[RS_ZIP_COUNT];
static rs_dynlib S_libzip = RS_DYNLIB_INIT(RS_LIBZIP_SONAME, "libzip4", S_names, rs__zip_fns);

/* ---- zip parts ---------------------------------------------------------- */

rs_status rs__zip_open(S_doc *d, const unsigned char *bytes, size_t len, size_t max_len)
{
    d->budget = max_len ? max_len : S_MAX_ALL;
    rs_status loaded = rs__dynlib_load(&S_libzip, d->name, "a DOCX or ODT file", d->err);
    if (loaded)
        return loaded;
    if (len < 22) /* the end-of-central-directory record alone is 22 bytes */
        return rs__office_bad(d, "not a zip archive (%zu bytes)", len);
    zip_error_t ze;
    RS_ZIP(zip_error_init)(&ze);
    zip_source_t *src = RS_ZIP(zip_source_buffer_create)(bytes, len, 0, &ze);
    if (!src) {
        RS_ZIP(zip_error_fini)(&ze);
        return rs__nomem(d->err, d->name);
    }
    d->za = RS_ZIP(zip_open_from_source)(src, ZIP_RDONLY, &ze);
    if (!d->za) {
        RS_ZIP(zip_source_free)(src);
        rs_status st = RS_ZIP(zip_error_code_zip)(&ze) == ZIP_ER_MEMORY
                           ? rs__nomem(d->err, d->name)
                           : rs__office_bad(d, "%s", RS_ZIP(zip_error_strerror)(&ze));
        RS_ZIP(zip_error_fini)(&ze);
        return st;
    }
    RS_ZIP(zip_error_fini)(&ze);
    zip_int64_t n = RS_ZIP(zip_get_num_entries)(d->za, 0);
    if (n > S_MAX_ENTRIES)
        return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                        "refused: the zip holds %lld entries, over the limit of %d "
                        "(a zip bomb?)", (long long)n, S_MAX_ENTRIES);
    return RS_OK;
}

/* The index of a part, or -1. OPC part names ignore case. */
zip_int64_t rs__zip_find(S_doc *d, const char *part)
{
    return RS_ZIP(zip_name_locate)(d->za, part, ZIP_FL_NOCASE);
}

static rs_status S_zip_error(S_doc *d, const char *part, zip_error_t *ze)
{
    int code = RS_ZIP(zip_error_code_zip)(ze);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return rs__office_encrypted(d, part);
    if (code == ZIP_ER_MEMORY)
        return rs__nomem(d->err, d->name);
    return rs__office_bad(d, "%s: %s", part, RS_ZIP(zip_error_strerror)(ze));
}

/* The sizes libzip reports, checked before anything is inflated: the
 * encryption flag, the ratio, the size of the part and of all parts. */
static rs_status S_check_entry(S_doc *d, const char *part, const zip_stat_t *st)
{
    if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE)
        return rs__office_encrypted(d, part);
    if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
        return rs__office_bad(d, "%s: its size is not recorded", part);
    zip_uint64_t ratio = st->comp_size ? st->size / st->comp_size : st->size;
    if (st->size > S_BOMB_SIZE && ratio > S_BOMB_RATIO)
        return rs__fail(d->err, RS_ERR_FORMAT, d->name, 0,
                        "refused: %s expands %llu:1 (%llu bytes from %llu), a zip bomb?",
                        part, (unsigned long long)ratio, (unsigned long long)st->size,
                        (unsigned long long)st->comp_size);
    if (st->size > S_MAX_PART)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "%s is %llu bytes uncompressed, over the limit of %u MiB a part",
                        part, (unsigned long long)st->size, S_MAX_PART >> 20);
    if (st->size > d->budget - d->used)
        return rs__fail(d->err, RS_ERR_TOO_LARGE, d->name, 0,
                        "the document's parts are over the limit of %zu bytes uncompressed",
                        d->budget);
    return RS_OK;
}

/* Inflates exactly the recorded size, then reads once more: libzip checks
 * the CRC at the end, and a part longer than recorded is corrupt. */
static rs_status S_inflate(S_doc *d, zip_uint64_t idx, const char *part, char *buf, size_t n)
{
    zip_file_t *f = RS_ZIP(zip_fopen_index)(d->za, idx, 0);
    if (!f)
        return S_zip_error(d, part, RS_ZIP(zip_get_error)(d->za));
    size_t got = 0;
    zip_int64_t k = 0;
    while (got < n && (k = RS_ZIP(zip_fread)(f, buf + got, n - got)) > 0)
        got += (size_t)k;
    char extra;
    if (k >= 0 && got == n)
        k = RS_ZIP(zip_fread)(f, &extra, 1);
    rs_status st = RS_OK;
    if (k < 0)
        st = S_zip_error(d, part, RS_ZIP(zip_file_get_error)(f));
    else if (got < n)
        st = rs__office_bad(d, "%s is cut short", part);
    else if (k > 0)
        st = rs__office_bad(d, "%s is longer than the zip records", part);
    RS_ZIP(zip_fclose)(f);
    return st;
}

/* A part's bytes, NUL-terminated (caller frees with rs__free). */
rs_status rs__zip_load(S_doc *d, zip_uint64_t idx, const char *part, char **data,
                       size_t *len)
{
    *data = NULL;
    *len = 0;
    zip_stat_t zs;
    RS_ZIP(zip_stat_init)(&zs);
    if (RS_ZIP(zip_stat_index)(d->za, idx, 0, &zs) != 0)
        return S_zip_error(d, part, RS_ZIP(zip_get_error)(d->za));
    rs_status st = S_check_entry(d, part, &zs);
    if (st)
        return st;
    d->used += (size_t)zs.size;
    size_t n = (size_t)zs.size;
    char *buf = rs__malloc(n + 1);
    if (!buf)
        return rs__nomem(d->err, d->name);
    st = S_inflate(d, idx, part, buf, n);
    if (st) {
        rs__free(buf);
        return st;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return RS_OK;
}

