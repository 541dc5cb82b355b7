/* yajl_arena.h — the allocator yajl is given. yajl 2.1 leaves several of
 * its own allocations unchecked (its lexer, its buffers, its state stack
 * write to what they got), so it never gets NULL from us: every block comes
 * from one region the caller sizes so that it cannot run out. Blocks are
 * bumped off the region; free does nothing; the last block grows in place.
 * The handle is the only block yajl checks, so the first block is refused
 * unless `reserve` bytes would stay free after it: a region too small fails
 * at once, visibly, instead of handing yajl a NULL it would ignore. */
#ifndef RS_YAJL_ARENA_H
#define RS_YAJL_ARENA_H

#include "internal.h"

#include <yajl/yajl_common.h>

typedef struct rs_yarena {
    unsigned char *base;     /* the caller's region, aligned for any block */
    size_t cap, used;
    size_t reserve;          /* bytes left free after the first block */
    unsigned char *last;     /* the newest block: the one that grows in place */
} rs_yarena;

/* An arena over base[0..cap) (not owned) and the functions that draw on it. */
yajl_alloc_funcs rs__yarena(rs_yarena *a, void *base, size_t cap, size_t reserve);

#endif
