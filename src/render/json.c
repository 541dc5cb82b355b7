/* json.c — the one JSON writer (json_util.h) and the pieces every JSON
 * document shares: the lexicon stamp, an evidence object, an error object.
 *
 * Why yajl: its generator (and parser) streams, so no tree is built per
 * document or record; it keeps no global state (jansson's allocator and
 * hash seed are process-wide); and it takes an allocator per handle.
 *
 * yajl 2.1 does not check all of its own allocations (yajl_buf_alloc
 * writes to the block it got; buffer growth is unchecked), so it is never
 * let near either case: output goes through yajl_gen_print_callback into
 * our rs_buf, whose failure sticks, and its few fixed-size blocks come from
 * a bump arena inside the rs_jg. The generator's handle is the only block
 * yajl checks, so the arena refuses it when too little room would be left
 * for the blocks after it: a too-small RS_JG_ARENA fails every document
 * (the tests see it at once) instead of handing yajl a NULL it ignores.
 *
 * Bytes as jansson wrote them (JSON_INDENT(2) | JSON_PRESERVE_ORDER |
 * JSON_REAL_PRECISION(6)): yajl writes an empty array or object over
 * three lines, so an opened one is held back until it gets a member and
 * written as "[]" or "{}" when it gets none; reals are formatted here. */
#include "internal.h"

#include "json_util.h"
#include "util/yajl_arena.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* blocks after the handle: yajl_buf's header (4 words) and its size word */
#define S_ARENA_AFTER_HANDLE 64

static void S_print(void *ctx, const char *s, size_t n)
{
    rs_jg *j = ctx;
    if (!n)
        return;
    /* yajl prints each \u00XX escape as one piece, in upper case */
    if ((j->flags & RS_JG_LOWER_HEX) && n == 6 && s[0] == '\\' && s[1] == 'u') {
        char low[6];
        memcpy(low, s, 6);
        for (int i = 4; i < 6; i++)
            if (low[i] >= 'A' && low[i] <= 'F')
                low[i] = (char)(low[i] - 'A' + 'a');
        rs__buf_append(j->b, low, 6);
        return;
    }
    rs__buf_append(j->b, s, n);
}

bool rs__jg_open(rs_jg *j, rs_buf *b, unsigned flags)
{
    j->b = b;
    j->flags = flags;
    j->failed = false;
    j->pending = 0;
    yajl_alloc_funcs af = rs__yarena(&j->arena, j->region, sizeof j->region,
                                     S_ARENA_AFTER_HANDLE);
    j->g = yajl_gen_alloc(&af);
    if (!j->g) {
        j->failed = true;
        return false;
    }
    yajl_gen_config(j->g, yajl_gen_print_callback, S_print, (void *)j);
    if (flags & RS_JG_PRETTY) {
        yajl_gen_config(j->g, yajl_gen_beautify, 1);
        yajl_gen_config(j->g, yajl_gen_indent_string, "  ");
    }
    return true;
}

bool rs__jg_close(rs_jg *j)
{
    if (j->g)
        yajl_gen_free(j->g);
    j->g = NULL;
    if (j->failed)
        j->b->failed = true;
    return !j->failed && !j->b->failed;
}

rs_status rs__jg_finish(rs_jg *j, rs_buf *b, char **out, size_t *len, rs_error *err)
{
    rs__jg_close(j);
    *out = rs__buf_detach(b, len);
    return *out ? RS_OK : rs__nomem(err, NULL);
}

static bool S_check(rs_jg *j, yajl_gen_status st)
{
    if (st != yajl_gen_status_ok)
        j->failed = true;
    return !j->failed;
}

/* Writes an opened array or object held back, now that it has a member. */
static bool S_ready(rs_jg *j)
{
    if (j->failed)
        return false;
    char p = j->pending;
    j->pending = 0;
    if (p == '[')
        return S_check(j, yajl_gen_array_open(j->g));
    if (p == '{')
        return S_check(j, yajl_gen_map_open(j->g));
    return true;
}

static void S_open(rs_jg *j, char kind)
{
    if (S_ready(j))
        j->pending = kind;
}

static void S_close(rs_jg *j, char kind)
{
    if (j->failed)
        return;
    if (j->pending == kind) {   /* no member: "[]" or "{}" on one line */
        j->pending = 0;
        rs__jg_number(j, kind == '[' ? "[]" : "{}");
        return;
    }
    S_check(j, kind == '[' ? yajl_gen_array_close(j->g) : yajl_gen_map_close(j->g));
}

void rs__jg_map(rs_jg *j) { S_open(j, '{'); }
void rs__jg_map_end(rs_jg *j) { S_close(j, '{'); }
void rs__jg_array(rs_jg *j) { S_open(j, '['); }
void rs__jg_array_end(rs_jg *j) { S_close(j, '['); }

void rs__jg_strn(rs_jg *j, const char *s, size_t n)
{
    if (!S_ready(j))
        return;
    if (!rs__utf8_strict(s, n, true)) {
        /* a file name may be any bytes: invalid ones are written "\xNN" */
        rs_buf u;
        rs__buf_init(&u, 0);
        if (!rs__utf8_escape(&u, s, n))
            j->failed = true;
        else
            S_check(j, yajl_gen_string(j->g, (const unsigned char *)u.data, u.len));
        rs__buf_free(&u);
        return;
    }
    S_check(j, yajl_gen_string(j->g, (const unsigned char *)s, n));
}

void rs__jg_key(rs_jg *j, const char *key) { rs__jg_strn(j, key, strlen(key)); }

void rs__jg_str(rs_jg *j, const char *s)
{
    if (s)
        rs__jg_strn(j, s, strlen(s));
    else
        j->failed = true;
}

void rs__jg_str_or_null(rs_jg *j, const char *s)
{
    if (s)
        rs__jg_strn(j, s, strlen(s));
    else
        rs__jg_null(j);
}

void rs__jg_int(rs_jg *j, long long v)
{
    if (S_ready(j))
        S_check(j, yajl_gen_integer(j->g, v));
}

void rs__jg_number(rs_jg *j, const char *text)
{
    if (S_ready(j))
        S_check(j, yajl_gen_number(j->g, text, strlen(text)));
}

void rs__jg_real(rs_jg *j, double v)
{
    if (!isfinite(v)) {
        j->failed = true;
        return;
    }
    char num[48];
    snprintf(num, sizeof num, "%.6g", v);
    char *comma = strchr(num, ',');   /* a locale's decimal comma */
    if (comma)
        *comma = '.';
    if (!strchr(num, '.') && !strchr(num, 'e'))
        strcat(num, ".0");
    char *e = strchr(num, 'e');
    if (e) {   /* "1e+06" -> "1e6", "1e-05" -> "1e-5" */
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        memmove(start, end, strlen(end) + 1);
    }
    rs__jg_number(j, num);
}

void rs__jg_null(rs_jg *j)
{
    if (S_ready(j))
        S_check(j, yajl_gen_null(j->g));
}

void rs__jg_bool(rs_jg *j, bool v)
{
    if (S_ready(j))
        S_check(j, yajl_gen_bool(j->g, v));
}

void rs__jg_date(rs_jg *j, rs_date d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    rs__jg_str(j, buf);
}

/* ---- shared pieces of the documents ------------------------------------ */

void rs__json_lexicon(rs_jg *j, const rs_lexicon *lex)
{
    rs_lexicon_stats st = rs_lexicon_get_stats(lex);
    rs__jg_map(j);
    rs__jg_kstr(j, "version", rs_lexicon_version(lex));
    rs__jg_kstr(j, "hash", rs_lexicon_hash(lex));
    rs__jg_kint(j, "skills", (long long)st.skills);
    rs__jg_map_end(j);
}

void rs__json_document(rs_jg *j, rs_buf *b, const char *schema, const rs_lexicon *lex,
                       const rs_roles *roles, rs_date as_of)
{
    rs__buf_init(b, 0);
    rs__jg_open(j, b, RS_JG_PRETTY);
    rs__jg_map(j);
    rs__jg_kstr(j, "$schema", schema);
    rs__jg_kstr(j, "rolescan", RS_VERSION);
    rs__jg_key(j, "lexicon");
    rs__json_lexicon(j, lex);
    if (!roles)
        return;
    rs__jg_kstr(j, "roles_version", rs_roles_version(roles));
    rs__jg_kdate(j, "as_of", as_of);
}

void rs__json_evidence_fields(rs_jg *j, const rs_document *doc, const rs_evidence *ev)
{
    char text[512], context[512];
    rs_evidence_text(doc, ev, text, sizeof text);
    rs_evidence_context(doc, ev, context, sizeof context);
    rs__jg_kint(j, "line", ev->line);
    rs__jg_kint(j, "column", ev->column);
    if (ev->page) {   /* paged text (PDF) */
        rs__jg_kint(j, "page", ev->page);
        rs__jg_kint(j, "page_line", ev->page_line);
    }
    rs__jg_kstr(j, "text", text);
    rs__jg_kstr(j, "context", context);
}

void rs__json_error(rs_jg *j, const rs_error *e)
{
    rs__jg_map(j);
    rs__jg_kstr(j, "code", rs_error_code(e));
    rs__jg_kstr(j, "message", e->message);
    if (e->line)
        rs__jg_kint(j, "line", e->line);
    rs__jg_map_end(j);
}

void rs__json_warnings(rs_jg *j, const rs_document *doc, const rs_scan *scan)
{
    const rs_text *text = rs_document_text(doc);
    rs__jg_key(j, "warnings");
    rs__jg_array(j);
    if (rs_text_warning(text))
        rs__jg_str(j, rs_text_warning(text));
    for (size_t i = 0; scan && i < rs_scan_warning_count(scan); i++)
        rs__jg_str(j, rs_scan_warning(scan, i));
    rs__jg_array_end(j);
}

rs_status rs__jg_lines(size_t count, rs_jg_record_fn write_one, const void *ctx, char **out,
                       size_t *len, rs_error *err)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    bool ok = true;
    for (size_t i = 0; i < count && ok; i++) {
        rs_jg j;
        rs__jg_open(&j, &b, RS_JG_LOWER_HEX);
        write_one(&j, ctx, i);
        ok = rs__jg_close(&j) && rs__buf_putc(&b, '\n');
    }
    *out = ok ? rs__buf_detach(&b, len) : NULL;
    if (!*out) {
        rs__buf_free(&b);
        return rs__nomem(err, NULL);
    }
    return RS_OK;
}
