/* hash.c — hashing for the term table and the lexicon content hash. */
#include "internal.h"

#include <string.h>

uint64_t rs__fnv1a64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}
