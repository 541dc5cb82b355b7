/* cache.c — the compiled lexicon cache (see rs_load_options in rolescan.h).
 *
 * A loaded lexicon is a tree of blocks. One walk per object names every
 * block it owns, and serves three uses: measuring the tree, copying it
 * into one flat image whose pointers become offsets, and turning a read
 * image's offsets back into pointers, checking each against the image's
 * bounds. A field added to a lexicon struct and not to its walk is shared
 * with the XML load; tests/unit/test_cache.c compares a cached load with a
 * plain one, field by field through the public accessors and by whole
 * runs. The PCRE2 patterns travel as PCRE2's own serialization and are
 * JIT-compiled again when read. */
#define _XOPEN_SOURCE 700   /* mkstemp */
#include "lexicon_internal.h"
#include "roles_internal.h"
#include "xml.h"

#include <utf8proc.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache_stamp.h"   /* RS_CACHE_LAYOUT: a hash of the sources (CMake) */

enum { S_KIND_SKILLS = 1, S_KIND_ROLES = 2 };
#define S_MAGIC "RSCACHE1"
#define S_MAX_IMAGE ((size_t)1 << 30)

/* Every field is 64 bits so the header has one layout on every build
 * that shares the stamp. */
typedef struct S_header {
    char magic[8];
    uint64_t kind;
    uint64_t key;           /* layout, version, files (S_key) */
    uint64_t payload;       /* bytes of the flat tree after the header */
    uint64_t extra;         /* bytes of serialized patterns after it */
    uint64_t patterns;      /* how many patterns they hold */
    uint64_t checksum;      /* of payload and extra */
    uint64_t reserved;
} S_header;

/* ---- the walk ------------------------------------------------------------ */

typedef enum { S_MEASURE, S_COPY, S_LOAD } S_mode;

typedef struct S_flat {
    S_mode mode;
    char *base;             /* S_COPY, S_LOAD: the image's tree */
    size_t len;             /* S_LOAD: its length */
    size_t used;            /* S_MEASURE, S_COPY: bytes laid out so far */
    size_t lex_skills;      /* the skill count the roles' arrays follow */
    bool bad;               /* S_LOAD: something out of bounds */
    /* S_MEASURE, S_COPY: strings already laid out, by their address, so a
     * string several fields share (a file name, a title both listed and
     * indexed) is stored once and stays shared */
    const void **seen;
    size_t *seen_at;
    size_t seen_mask, seen_count;
} S_flat;

#define S_ALIGN(n) (((n) + 7u) & ~(size_t)7u)

/* Fields are read and written through memcpy: one walk serves pointers
 * of every type. */
static void *S_get(const void *field)
{
    void *p;
    memcpy(&p, field, sizeof p);
    return p;
}

static void S_put(void *field, const void *p) { memcpy(field, &p, sizeof p); }

static void S_fail(S_flat *f, void *field)
{
    f->bad = true;
    S_put(field, NULL);
}

/* The block of count * size bytes *field owns: counted, copied into the
 * image (the field keeps its offset + 1; 0 stays NULL) or found in it.
 * Returns where the block is now, to walk into, or NULL. */
static void *S_block(S_flat *f, void *field, size_t count, size_t size)
{
    void *p = S_get(field);
    if (!p)
        return NULL;
    if (size && count > SIZE_MAX / size) {
        S_fail(f, field);
        return NULL;
    }
    size_t bytes = count * size;
    if (f->mode == S_MEASURE) {
        f->used += S_ALIGN(bytes);
        return p;
    }
    if (f->mode == S_COPY) {
        char *to = f->base + f->used;
        memcpy(to, p, bytes);
        S_put(field, (void *)(uintptr_t)(f->used + 1));
        f->used += S_ALIGN(bytes);
        return to;
    }
    uintptr_t at = (uintptr_t)p - 1;
    if (at % 8 || at > f->len || bytes > f->len - at) {
        S_fail(f, field);
        return NULL;
    }
    S_put(field, f->base + at);
    return f->base + at;
}

/* The slot of a string's address in the seen table. */
static size_t S_seen_slot(const S_flat *f, const void *s)
{
    size_t i = (size_t)(((uintptr_t)s >> 3) * 0x9e3779b97f4a7c15ull) & f->seen_mask;
    while (f->seen[i] && f->seen[i] != s)
        i = (i + 1) & f->seen_mask;
    return i;
}

/* Doubles the seen table past half full; false when memory ran out. */
static bool S_seen_grow(S_flat *f)
{
    if (f->seen && f->seen_count * 2 < f->seen_mask)
        return true;
    S_flat g = *f;
    g.seen_mask = f->seen ? 2 * f->seen_mask + 1 : 4095;
    g.seen = rs__calloc(g.seen_mask + 1, sizeof *g.seen);
    g.seen_at = rs__malloc((g.seen_mask + 1) * sizeof *g.seen_at);
    bool ok = g.seen && g.seen_at;
    for (size_t i = 0; ok && f->seen && i <= f->seen_mask; i++)
        if (f->seen[i]) {
            size_t slot = S_seen_slot(&g, f->seen[i]);
            g.seen[slot] = f->seen[i];
            g.seen_at[slot] = f->seen_at[i];
        }
    rs__free(ok ? f->seen : g.seen);
    rs__free(ok ? f->seen_at : g.seen_at);
    if (ok) {
        f->seen = g.seen;
        f->seen_at = g.seen_at;
        f->seen_mask = g.seen_mask;
    }
    return ok;
}

/* A string: in an image, every string ends before the tree does, since
 * the tree's last byte is a NUL (S_pack, S_unpack). */
static void S_str(S_flat *f, void *field)
{
    char *s = S_get(field);
    if (!s)
        return;
    if (f->mode == S_LOAD) {
        S_block(f, field, 0, 1);
        return;
    }
    if (!S_seen_grow(f)) {
        f->bad = true;
        return;
    }
    size_t slot = S_seen_slot(f, s);
    if (f->seen[slot]) {
        if (f->mode == S_COPY)
            S_put(field, (void *)(uintptr_t)(f->seen_at[slot] + 1));
        return;
    }
    f->seen[slot] = s;
    f->seen_at[slot] = f->used;
    f->seen_count++;
    S_block(f, field, strlen(s) + 1, 1);
}

static void S_strs(S_flat *f, void *field, size_t n)
{
    char **a = S_block(f, field, n, sizeof *a);
    for (size_t i = 0; a && i < n; i++)
        S_str(f, &a[i]);
}

/* A pointer to something outside the tree (a PCRE2 code, the skill
 * lexicon): never in the image, set again after reading. */
static void S_outside(S_flat *f, void *field)
{
    if (f->mode != S_MEASURE)
        S_put(field, NULL);
}

/* An open-addressing table's arrays: mask + 1 slots, a power of two. */
static void S_slots(S_flat *f, void *field, size_t mask, size_t size)
{
    if (!S_get(field))
        return;
    if (mask == SIZE_MAX || (mask & (mask + 1))) {
        S_fail(f, field);
        return;
    }
    S_block(f, field, mask + 1, size);
}

/* ---- the skill lexicon's walk -------------------------------------------- */

static void S_walk_skill(S_flat *f, rs_skill_def *sk)
{
    S_str(f, &sk->id);
    S_str(f, &sk->name);
    S_str(f, &sk->family);
    S_str(f, &sk->file);
    rs_alias_def *a = S_block(f, &sk->aliases, sk->alias_count, sizeof *a);
    for (size_t i = 0; a && i < sk->alias_count; i++)
        S_str(f, &a[i].term);
    S_strs(f, &sk->implies_ids, sk->implies_count);
    S_block(f, &sk->implies_lines, sk->implies_count, sizeof *sk->implies_lines);
    S_block(f, &sk->implies, sk->implies_count, sizeof *sk->implies);
}

static void S_walk_term(S_flat *f, rs_term *t)
{
    S_str(f, &t->key);
    rs_term_form *form = S_block(f, &t->forms, t->form_count, sizeof *form);
    for (size_t i = 0; form && i < t->form_count; i++)
        S_str(f, &form[i].written);
    S_block(f, &t->patterns, t->pattern_count, sizeof *t->patterns);
    S_str(f, &t->file);
}

static void S_walk_lexicon(S_flat *f, void *root)
{
    rs_lexicon *lex = root;
    S_strs(f, &lex->files, lex->file_count);
    S_str(f, &lex->version);
    rs_skill_def *sk = S_block(f, &lex->skills, lex->skill_count, sizeof *sk);
    for (size_t i = 0; sk && i < lex->skill_count; i++)
        S_walk_skill(f, &sk[i]);
    S_block(f, &lex->by_id, lex->skill_count, sizeof *lex->by_id);
    rs_pattern_def *p = S_block(f, &lex->patterns, lex->pattern_count, sizeof *p);
    for (size_t i = 0; p && i < lex->pattern_count; i++) {
        S_str(f, &p[i].source);
        S_str(f, &p[i].trigger);
        S_str(f, &p[i].file);
        S_outside(f, &p[i].code);
    }
    S_outside(f, &lex->pending);
    rs_term *t = S_block(f, &lex->terms, lex->term_count, sizeof *t);
    for (size_t i = 0; t && i < lex->term_count; i++)
        S_walk_term(f, &t[i]);
    S_slots(f, &lex->term_table.keys, lex->term_table.mask, sizeof(uint64_t));
    S_slots(f, &lex->term_table.values, lex->term_table.mask, sizeof(uint32_t));
    S_slots(f, &lex->prefix_table.keys, lex->prefix_table.mask, sizeof(uint64_t));
    S_slots(f, &lex->prefix_table.values, lex->prefix_table.mask, sizeof(uint32_t));
    S_outside(f, &lex->match_context);
    S_outside(f, &lex->cache_block);
}

/* ---- the roles lexicon's walk -------------------------------------------- */

static void S_walk_track(S_flat *f, rs_track_def *t)
{
    S_str(f, &t->id);
    S_str(f, &t->name);
    S_strs(f, &t->domains, t->domain_count);
    S_block(f, &t->domain_tech, t->domain_count, sizeof *t->domain_tech);
    S_str(f, &t->only_noun);
    S_str(f, &t->else_id);
    S_str(f, &t->spans_ids);
    S_block(f, &t->spans, t->span_count, sizeof *t->spans);
    S_str(f, &t->practice_ids);
    S_block(f, &t->practice, t->practice_count, sizeof *t->practice);
    S_str(f, &t->file);
}

static void S_walk_role(S_flat *f, rs_role_def *r)
{
    S_str(f, &r->id);
    S_str(f, &r->title);
    S_str(f, &r->track_id);
    S_str(f, &r->summary);
    S_strs(f, &r->titles, r->title_count);
    S_strs(f, &r->norm_titles, r->title_count);
    S_strs(f, &r->resp, r->resp_count);
    rs_role_skill_def *s = S_block(f, &r->skills, r->skill_count, sizeof *s);
    for (size_t i = 0; s && i < r->skill_count; i++) {
        S_str(f, &s[i].ref);
        S_str(f, &s[i].why);
    }
    S_str(f, &r->currency);
    S_str(f, &r->salary_region);
    S_str(f, &r->salary_source);
    S_strs(f, &r->advice, r->advice_count);
    S_strs(f, &r->lateral_ids, r->lateral_count);
    S_block(f, &r->laterals, r->lateral_count, sizeof *r->laterals);
    S_str(f, &r->file);
}

static void S_walk_signal(S_flat *f, rs_signal_def *s)
{
    S_str(f, &s->pattern);
    rs_signal_word *w = S_block(f, &s->words, s->word_count, sizeof *w);
    for (size_t i = 0; w && i < s->word_count; i++) {
        rs_signal_alt *a = S_block(f, &w[i].alts, w[i].alt_count, sizeof *a);
        for (size_t k = 0; a && k < w[i].alt_count; k++)
            S_str(f, &a[k].text);
    }
    S_str(f, &s->track_id);
    S_str(f, &s->file);
}

static void S_walk_signal_index(S_flat *f, rs_signal_index *x)
{
    S_slots(f, &x->heads, x->mask, sizeof *x->heads);
    size_t entries = x->count == SIZE_MAX ? 0 : x->count + 1;
    S_block(f, &x->next, entries, sizeof *x->next);
    S_block(f, &x->signal, entries, sizeof *x->signal);
    S_block(f, &x->key, entries, sizeof *x->key);
}

static void S_walk_roles(S_flat *f, void *root)
{
    rs_roles *r = root;
    S_outside(f, &r->lex);
    rs_title_ref *ti = S_block(f, &r->title_index, r->title_index_count, sizeof *ti);
    for (size_t i = 0; ti && i < r->title_index_count; i++)
        S_str(f, &ti[i].canon);
    S_slots(f, &r->title_gate, r->title_gate_mask, sizeof *r->title_gate);
    S_slots(f, &r->domain_gate, r->domain_gate_mask, sizeof *r->domain_gate);
    S_str(f, &r->version);
    rs_track_def *t = S_block(f, &r->tracks, r->track_count, sizeof *t);
    for (size_t i = 0; t && i < r->track_count; i++)
        S_walk_track(f, &t[i]);
    rs_role_def *role = S_block(f, &r->roles, r->role_count, sizeof *role);
    for (size_t i = 0; role && i < r->role_count; i++)
        S_walk_role(f, &role[i]);
    S_block(f, &r->scopes, r->scope_count, sizeof *r->scopes);
    rs_noun_def *n = S_block(f, &r->nouns, r->noun_count, sizeof *n);
    for (size_t i = 0; n && i < r->noun_count; i++) {
        S_str(f, &n[i].word);
        S_str(f, &n[i].track_id);
        S_str(f, &n[i].file);
    }
    S_block(f, &r->noun_order, r->noun_count, sizeof *r->noun_order);
    rs_modifier_def *m = S_block(f, &r->modifiers, r->modifier_count, sizeof *m);
    for (size_t i = 0; m && i < r->modifier_count; i++)
        S_str(f, &m[i].word);
    for (int l = 0; l < RS_WORDS_COUNT; l++) {
        rs_word_list *w = &r->words[l];
        S_strs(f, &w->words, w->count);
        S_slots(f, &w->hashes, w->mask, sizeof *w->hashes);
        S_slots(f, &w->slots, w->mask, sizeof *w->slots);
    }
    rs_signal_def *s = S_block(f, &r->signals, r->signal_count, sizeof *s);
    for (size_t i = 0; s && i < r->signal_count; i++)
        S_walk_signal(f, &s[i]);
    S_walk_signal_index(f, &r->signal_index);
    S_walk_signal_index(f, &r->signal_prefix_index);
    S_strs(f, &r->files, r->file_count);
    S_block(f, &r->specificity, f->lex_skills ? f->lex_skills : 1, sizeof *r->specificity);
    S_outside(f, &r->cache_block);
}

/* ---- images -------------------------------------------------------------- */

typedef void (*S_walk_fn)(S_flat *f, void *root);

typedef struct S_image {
    char *data;              /* header, tree, extra */
    size_t len;
} S_image;

/* Lays root (size bytes) and everything it owns out as one image after a
 * header, with extra bytes (the patterns) at the end. */
static bool S_pack(uint64_t kind, uint64_t key, const void *root, size_t size,
                   S_walk_fn walk, size_t lex_skills, const void *extra, size_t extra_len,
                   uint64_t patterns, S_image *out)
{
    S_flat f = {.mode = S_MEASURE, .used = S_ALIGN(size), .lex_skills = lex_skills};
    walk(&f, (void *)root);
    size_t tree = f.used + 8;   /* a last word of zeros ends every string */
    bool ok = !f.bad && tree <= S_MAX_IMAGE && extra_len <= S_MAX_IMAGE;
    out->len = sizeof(S_header) + tree + extra_len;
    if (ok && (ok = (out->data = rs__calloc(1, out->len)) != NULL)) {
        if (f.seen)
            memset(f.seen, 0, (f.seen_mask + 1) * sizeof *f.seen);
        f.seen_count = 0;
        f.mode = S_COPY;
        f.base = out->data + sizeof(S_header);
        f.used = S_ALIGN(size);
        memcpy(f.base, root, size);
        walk(&f, f.base);
        ok = !f.bad;
    }
    rs__free(f.seen);
    rs__free(f.seen_at);
    if (!ok)
        return false;
    if (extra_len)
        memcpy(f.base + tree, extra, extra_len);
    S_header h = {.kind = kind, .key = key, .payload = tree, .extra = extra_len,
                  .patterns = patterns};
    memcpy(h.magic, S_MAGIC, sizeof h.magic);
    h.checksum = rs__hash_chain(kind, f.base, tree + extra_len);
    memcpy(out->data, &h, sizeof h);
    return true;
}

/* Checks an image read from a file and turns its tree's offsets into
 * pointers; false when it is not a whole, undamaged image of this key. */
static bool S_unpack(const S_image *img, uint64_t kind, uint64_t key, size_t root_size,
                     S_walk_fn walk, size_t lex_skills, S_header *h)
{
    if (img->len < sizeof *h)
        return false;
    memcpy(h, img->data, sizeof *h);
    char *tree = img->data + sizeof *h;
    size_t body = img->len - sizeof *h;
    if (memcmp(h->magic, S_MAGIC, sizeof h->magic) != 0 || h->kind != kind || h->key != key ||
        h->payload > body || h->extra != body - h->payload || h->payload < root_size ||
        h->payload % 8 || tree[h->payload - 1] != '\0' ||
        rs__hash_chain(kind, tree, body) != h->checksum)
        return false;
    S_flat f = {.mode = S_LOAD, .base = tree, .len = h->payload, .lex_skills = lex_skills};
    walk(&f, tree);
    return !f.bad;
}

/* ---- files --------------------------------------------------------------- */

/* The key of a folder's files: this build's layout and version, the kind,
 * and every file's path and bytes; extra is mixed in (the roles' skill
 * lexicon). False when a file cannot be read: the plain load will say why. */
static bool S_key(uint64_t kind, char *const *files, size_t count, const char *extra,
                  uint64_t *key)
{
    static const char layout[] = RS_CACHE_LAYOUT;
    uint64_t h = rs__hash_chain(kind, layout, sizeof layout);
    h = rs__hash_chain(h, RS_VERSION, sizeof RS_VERSION);
    /* the layouts as this compiler lays them out, and the libraries whose
     * versions shape what is stored (PCRE2's serialization, utf8proc's
     * normalization of terms) */
    const uint64_t sizes[] = {sizeof(void *), sizeof(rs_lexicon), sizeof(rs_skill_def),
                              sizeof(rs_term), sizeof(rs_pattern_def), sizeof(rs_roles),
                              sizeof(rs_role_def), sizeof(rs_track_def),
                              sizeof(rs_signal_def), PCRE2_MAJOR, PCRE2_MINOR};
    h = rs__hash_chain(h, sizes, sizeof sizes);
    const char *nfc = utf8proc_version();
    h = rs__hash_chain(h, nfc, strlen(nfc));
    if (extra)
        h = rs__hash_chain(h, extra, strlen(extra) + 1);
    char buf[65536];
    for (size_t i = 0; i < count; i++) {
        h = rs__hash_chain(h, files[i], strlen(files[i]) + 1);
        int fd = open(files[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        ssize_t n;
        uint64_t size = 0;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            h = rs__hash_chain(h, buf, (size_t)n);
            size += (uint64_t)n;
        }
        close(fd);
        if (n < 0)
            return false;
        h = rs__hash_chain(h, &size, sizeof size);
    }
    *key = h ? h : 1;
    return true;
}

static char *S_path(const char *dir, const char *what, uint64_t key)
{
    size_t n = strlen(dir) + strlen(what) + 32;
    char *p = rs__malloc(n);
    if (p)
        snprintf(p, n, "%s/%s-%016llx.cache", dir, what, (unsigned long long)key);
    return p;
}

typedef enum { S_READ, S_MISSING, S_DAMAGED, S_NOMEM } S_read_result;

static S_read_result S_read(const char *path, S_image *img)
{
    img->data = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? S_MISSING : S_DAMAGED;
    struct stat st;
    S_read_result res = S_DAMAGED;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(S_header) ||
        (uint64_t)st.st_size > S_MAX_IMAGE)
        goto done;
    img->len = (size_t)st.st_size;
    if (!(img->data = rs__malloc(img->len))) {
        res = S_NOMEM;
        goto done;
    }
    size_t got = 0;
    ssize_t n = 1;
    while (got < img->len && (n = read(fd, img->data + got, img->len - got)) > 0)
        got += (size_t)n;
    if (got == img->len && read(fd, &(char){0}, 1) == 0)
        res = S_READ;
done:
    close(fd);
    if (res != S_READ) {
        rs__free(img->data);
        img->data = NULL;
    }
    return res;
}

static bool S_write_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* mkdir -p for the cache folder (private to the user, as XDG asks). */
static bool S_make_dir(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path)
        return false;
    memcpy(path, dir, n + 1);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(path, 0700) == 0 || errno == EEXIST;
}

/* Writes the image atomically: a temporary file in the folder, renamed
 * over the name, so a reader sees the old file or the whole new one. */
static bool S_write(const char *dir, const char *path, const S_image *img)
{
    if (!S_make_dir(dir))
        return false;
    size_t n = strlen(path) + 16;
    char *tmp = rs__malloc(n);
    if (!tmp)
        return false;
    snprintf(tmp, n, "%s.tmp.XXXXXX", path);
    bool ok = false;
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        /* readable by all, like the lexicons it is compiled from: a shared
         * cache folder serves every user of an installed rolescan */
        ok = fchmod(fd, 0644) == 0 && S_write_all(fd, img->data, img->len);
        ok = close(fd) == 0 && ok;
        ok = ok && rename(tmp, path) == 0;
        if (!ok)
            unlink(tmp);
    }
    rs__free(tmp);
    return ok;
}

/* Keeps the cache folder bounded: of one kind's files ("skills-"), the
 * S_KEEP most recently written stay (a folder per lexicon set in use);
 * temporary files a killed writer left behind go after an hour. */
enum { S_KEEP = 16 };

typedef struct S_entry {
    char name[64];
    time_t mtime;
} S_entry;

static void S_prune(const char *dir, const char *kind)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    S_entry keep[S_KEEP + 1];
    size_t n = 0, klen = strlen(kind);
    time_t now = time(NULL);
    char path[4096];
    for (struct dirent *e; (e = readdir(d));) {
        struct stat st;
        if (strncmp(e->d_name, kind, klen) != 0 || e->d_name[klen] != '-' ||
            strlen(e->d_name) >= sizeof keep[0].name ||
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
            lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (strstr(e->d_name, ".tmp.")) {
            if (now - st.st_mtime > 3600)
                unlink(path);
            continue;
        }
        /* insert by mtime, newest first; what falls off the end goes */
        size_t at = n;
        while (at > 0 && keep[at - 1].mtime < st.st_mtime)
            at--;
        if (at == S_KEEP) {
            unlink(path);
            continue;
        }
        if (n == S_KEEP && snprintf(path, sizeof path, "%s/%s", dir, keep[n - 1].name) > 0)
            unlink(path);
        n -= n == S_KEEP;
        memmove(&keep[at + 1], &keep[at], (n - at) * sizeof *keep);
        keep[at].mtime = st.st_mtime;
        memcpy(keep[at].name, e->d_name, strlen(e->d_name) + 1);
        n++;
    }
    closedir(d);
}

/* ---- the skill lexicon --------------------------------------------------- */

static bool S_patterns_encode(const rs_lexicon *lex, uint8_t **bytes, size_t *len)
{
    *bytes = NULL;
    *len = 0;
    if (!lex->pattern_count)
        return true;
    const pcre2_code **codes = rs__calloc(lex->pattern_count, sizeof *codes);
    if (!codes)
        return false;
    for (size_t i = 0; i < lex->pattern_count; i++)
        codes[i] = lex->patterns[i].code;
    PCRE2_SIZE size = 0;
    int32_t rc = pcre2_serialize_encode(codes, (int32_t)lex->pattern_count, bytes, &size, NULL);
    rs__free(codes);
    *len = size;
    return rc == (int32_t)lex->pattern_count;
}

/* The patterns of an unpacked lexicon, decoded and JIT-compiled again. */
static bool S_patterns_decode(rs_lexicon *lex, const S_image *img, const S_header *h)
{
    if (h->patterns != lex->pattern_count || (lex->pattern_count && !h->extra) ||
        lex->pattern_count > INT32_MAX)
        return false;
    if (!lex->pattern_count)
        return true;
    pcre2_code **codes = rs__calloc(lex->pattern_count, sizeof *codes);
    if (!codes)
        return false;
    const uint8_t *bytes = (const uint8_t *)img->data + sizeof *h + h->payload;
    int32_t n = pcre2_serialize_decode(codes, (int32_t)lex->pattern_count, bytes, NULL);
    bool ok = n == (int32_t)lex->pattern_count;
    for (size_t i = 0; i < lex->pattern_count; i++) {
        lex->patterns[i].code = ok ? codes[i] : NULL;
        if (ok)
            pcre2_jit_compile(codes[i], PCRE2_JIT_COMPLETE);
        else if (n > 0 && i < (size_t)n)
            pcre2_code_free(codes[i]);
    }
    rs__free(codes);
    return ok;
}

/* A lexicon from its cache file: RS_OK with *out, or the reason none. */
static S_read_result S_lexicon_read(const char *path, uint64_t key, rs_lexicon **out)
{
    S_image img;
    S_read_result res = S_read(path, &img);
    if (res != S_READ)
        return res;
    S_header h;
    rs_lexicon *lex = (rs_lexicon *)(img.data + sizeof h);
    if (!S_unpack(&img, S_KIND_SKILLS, key, sizeof *lex, S_walk_lexicon, 0, &h) ||
        !S_patterns_decode(lex, &img, &h)) {
        rs__free(img.data);
        return S_DAMAGED;
    }
    lex->cache_block = img.data;
    if (rs__lexicon_limits(lex, NULL)) {
        rs_lexicon_free(lex);
        return S_NOMEM;
    }
    *out = lex;
    return S_READ;
}

static rs_cache_state S_lexicon_write(const char *dir, const char *path, uint64_t key,
                                      const rs_lexicon *lex)
{
    uint8_t *pat = NULL;
    size_t pat_len = 0;
    S_image img = {0};
    bool ok = S_patterns_encode(lex, &pat, &pat_len) &&
              S_pack(S_KIND_SKILLS, key, lex, sizeof *lex, S_walk_lexicon, 0, pat, pat_len,
                     lex->pattern_count, &img) &&
              S_write(dir, path, &img);
    if (ok)
        S_prune(dir, "skills");
    if (pat)
        pcre2_serialize_free(pat);
    rs__free(img.data);
    return ok ? RS_CACHE_BUILT : RS_CACHE_UNWRITABLE;
}

static rs_status S_check_options(const rs_load_options *opts, rs_error *err)
{
    if (opts && opts->abi_version != RS_ABI_VERSION)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "load options of ABI version %u, not %u",
                        opts->abi_version, RS_ABI_VERSION);
    return RS_OK;
}

static void S_free_list(char **files, size_t count)
{
    for (size_t i = 0; i < count; i++)
        rs__free(files[i]);
    rs__free(files);
}

/* The cache file's path for a folder's files, or NULL (no cache used). */
static char *S_cache_path(const char *dir, const rs_load_options *opts, uint64_t kind,
                          const char *extra, uint64_t *key)
{
    char **files = NULL;
    size_t count = 0;
    rs_error ignored = {0};
    if (!dir || rs__xml_list(dir, &files, &count, &ignored))
        return NULL;
    bool keyed = S_key(kind, files, count, extra, key);
    S_free_list(files, count);
    return keyed ? S_path(opts->cache_dir, kind == S_KIND_SKILLS ? "skills" : "roles", *key)
                 : NULL;
}

/* What a load that compiled the XML tells: the cache was written (built,
 * or rebuilt over a damaged file) or could not be. */
static int S_state(rs_cache_state written, S_read_result found)
{
    return written == RS_CACHE_BUILT && found == S_DAMAGED ? RS_CACHE_REBUILT : written;
}

rs_status rs_lexicon_load_with(const char *dir, const rs_load_options *opts,
                               rs_lexicon **out, rs_error *err)
{
    rs_status st = S_check_options(opts, err);
    if (st)
        return st;
    uint64_t key = 0;
    char *path = opts && opts->cache_dir && out
                     ? S_cache_path(dir, opts, S_KIND_SKILLS, NULL, &key)
                     : NULL;
    if (!path)
        return rs_lexicon_load(dir, out, err);
    S_read_result res = S_lexicon_read(path, key, out);
    if (res == S_READ) {
        (*out)->cache_state = RS_CACHE_HIT;
    } else if (res == S_NOMEM) {
        st = rs__nomem(err, path);
    } else if (!(st = rs_lexicon_load(dir, out, err))) {
        (*out)->cache_state = S_state(S_lexicon_write(opts->cache_dir, path, key, *out), res);
    }
    rs__free(path);
    return st;
}

rs_cache_state rs_lexicon_cache_state(const rs_lexicon *lex)
{
    return lex ? (rs_cache_state)lex->cache_state : RS_CACHE_OFF;
}

/* ---- the roles lexicon --------------------------------------------------- */

static S_read_result S_roles_read(const char *path, uint64_t key, const rs_lexicon *lex,
                                  rs_roles **out)
{
    S_image img;
    S_read_result res = S_read(path, &img);
    if (res != S_READ)
        return res;
    S_header h;
    rs_roles *r = (rs_roles *)(img.data + sizeof h);
    if (!S_unpack(&img, S_KIND_ROLES, key, sizeof *r, S_walk_roles, lex->skill_count, &h) ||
        h.extra || h.patterns) {
        rs__free(img.data);
        return S_DAMAGED;
    }
    r->lex = lex;
    r->cache_block = img.data;
    *out = r;
    return S_READ;
}

static rs_cache_state S_roles_write(const char *dir, const char *path, uint64_t key,
                                    const rs_roles *r)
{
    S_image img = {0};
    bool ok = S_pack(S_KIND_ROLES, key, r, sizeof *r, S_walk_roles, r->lex->skill_count, NULL,
                     0, 0, &img) &&
              S_write(dir, path, &img);
    if (ok)
        S_prune(dir, "roles");
    rs__free(img.data);
    return ok ? RS_CACHE_BUILT : RS_CACHE_UNWRITABLE;
}

rs_status rs_roles_load_with(const char *dir, const rs_lexicon *skills,
                             const rs_load_options *opts, rs_roles **out, rs_error *err)
{
    rs_status st = S_check_options(opts, err);
    if (st)
        return st;
    uint64_t key = 0;
    /* the roles resolve skill ids to indices: their cache follows the
     * skill lexicon's content hash as well as their own files */
    char *path = opts && opts->cache_dir && skills && out
                     ? S_cache_path(dir, opts, S_KIND_ROLES, rs_lexicon_hash(skills), &key)
                     : NULL;
    if (!path)
        return rs_roles_load(dir, skills, out, err);
    S_read_result res = S_roles_read(path, key, skills, out);
    if (res == S_READ) {
        (*out)->cache_state = RS_CACHE_HIT;
    } else if (res == S_NOMEM) {
        st = rs__nomem(err, path);
    } else if (!(st = rs_roles_load(dir, skills, out, err))) {
        (*out)->cache_state = S_state(S_roles_write(opts->cache_dir, path, key, *out), res);
    }
    rs__free(path);
    return st;
}

rs_cache_state rs_roles_cache_state(const rs_roles *roles)
{
    return roles ? (rs_cache_state)roles->cache_state : RS_CACHE_OFF;
}
