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

static inline uint64_t S_rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* Four independent lanes of 8 bytes, so the multiplies overlap: about a
 * fifth of an instruction per byte on long input, for file contents. */
uint64_t rs__hash_chain(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t lane[4] = {h ^ 0x9e3779b97f4a7c15ull, h + len, S_rotl(h, 17) ^ 0xc2b2ae3d27d4eb4full,
                        ~h};
    for (; len >= 32; p += 32, len -= 32)
        for (int i = 0; i < 4; i++) {
            uint64_t w;
            memcpy(&w, p + 8 * i, 8);
            lane[i] = S_rotl(lane[i] ^ (w * 0x87c37b91114253d5ull), 31) * 0x4cf5ad432745937full;
        }
    uint64_t tail = 0;
    for (size_t i = 0; i < len; i++)
        tail = S_rotl(tail, 8) ^ p[i];
    uint64_t x = lane[0] ^ S_rotl(lane[1], 13) ^ S_rotl(lane[2], 29) ^ S_rotl(lane[3], 47) ^
                 (tail * 0x9e3779b97f4a7c15ull) ^ len;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}
