/* json_tree.h — JSON read into a small tree drawn from the library's
 * allocator (yajl's event parser underneath, its own blocks from a sized
 * arena), for the JSON-LD of HTML postings. The JSON jansson refused (which
 * read these before) is still refused: see json_tree.c. */
#ifndef RS_JSON_TREE_H
#define RS_JSON_TREE_H

#include "internal.h"

typedef enum rs_jkind { RS_J_OTHER = 0, RS_J_STRING, RS_J_NUMBER, RS_J_OBJECT, RS_J_ARRAY } rs_jkind;

/* A JSON value; an object's members carry their key. */
typedef struct rs_jv rs_jv;
struct rs_jv {
    rs_jkind kind;
    const char *key;        /* as a member of an object, else NULL */
    const char *str;        /* RS_J_STRING */
    double num;             /* RS_J_NUMBER */
    rs_jv *first, *last;    /* RS_J_OBJECT, RS_J_ARRAY: members or items */
    rs_jv *next, *parent;
};

typedef struct rs_jtree {
    struct S_chunk *chunks;
    rs_jv *root, *open;     /* open: the innermost unfinished object or array */
    const char *key;        /* the key read, for the next value */
    int depth;
    bool nomem;
} rs_jtree;

/* Parses text into t: RS_OK with t->root set, or root NULL when the JSON
 * is invalid; RS_ERR_NOMEM. Free with rs__jtree_free. */
rs_status rs__jparse(const char *text, size_t n, rs_jtree *t);
void rs__jtree_free(rs_jtree *t);
/* An object's member: the last of that name, as jansson kept it. */
const rs_jv *rs__jget(const rs_jv *obj, const char *key);
/* A string value's text, else NULL. */
const char *rs__jstr(const rs_jv *v);
bool rs__jis(const rs_jv *v, rs_jkind kind);

#endif
