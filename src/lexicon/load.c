/* load.c — reads a lexicon folder: every *.xml file whose root is a skill
 * lexicon is parsed with libxml2 (no network, no DTD, no entities, no
 * XInclude), validated against the RelaxNG schema compiled into rolescan,
 * checked for meaning (unique ids, known implications, one skill per alias,
 * compilable patterns) and compiled into the term table. */
#include "lexicon_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xml.h"

#define S_NS "urn:rolescan:lexicon:1"

extern const char rs__lexicon_schema[];
extern const size_t rs__lexicon_schema_len;

static const char *const S_categories[] = {
    "language", "framework", "library", "mobile", "database", "data", "ml",
    "cloud", "infrastructure", "ci_cd", "observability", "security", "os",
    "api", "architecture", "testing", "tool", "practice", "methodology",
    "soft_skill", "leadership", "business", NULL};

static const char *const S_labels[] = {
    "Languages", "Frameworks", "Libraries", "Mobile", "Databases", "Data",
    "Machine learning", "Cloud", "Infrastructure", "CI/CD", "Observability",
    "Security", "Operating systems", "APIs and protocols", "Architecture",
    "Testing", "Tools", "Practices", "Methodologies", "Soft skills",
    "Leadership", "Business", NULL};

const char *const *rs_categories(void) { return S_categories; }

int rs__category_index(const char *name)
{
    for (int i = 0; S_categories[i]; i++)
        if (strcmp(S_categories[i], name) == 0)
            return i;
    return -1;
}

const char *rs_category_label(const char *category)
{
    int i = rs__category_index(category);
    return i < 0 ? category : S_labels[i];
}

bool rs__category_technical(int index)
{
    const char *c = S_categories[index];
    return strcmp(c, "soft_skill") && strcmp(c, "leadership") &&
           strcmp(c, "business") && strcmp(c, "methodology");
}

/* ---- walking a validated document -------------------------------------- */

typedef struct S_loader {
    rs_lexicon *lex;
    const char *file;
    rs_error *err;
    size_t skill_cap;
    size_t pattern_cap;
    char **versions;
    size_t version_count;
} S_loader;

static rs_status S_add_alias(S_loader *L, rs_skill_def *sk, const xmlNode *n)
{
    rs_alias_def a;
    memset(&a, 0, sizeof a);
    a.term = rs__xml_text(n);
    if (!a.term)
        return rs__nomem(L->err, L->file);
    /* Only presence matters, asked with xmlHasProp, which allocates
     * nothing: rs__xml_attr's NULL on a failed allocation would read as
     * "absent" and drop the flag (tests/fault/test_alloc_fail). */
    a.needs_context = xmlHasProp(n, BAD_CAST "context") != NULL;
    a.exact_case = xmlHasProp(n, BAD_CAST "case") != NULL;
    a.line = rs__xml_line(n);
    rs_status st = rs__check_length("alias", a.term, 1, 120, L->file, a.line, L->err);
    if (st) {
        rs__free(a.term);
        return st;
    }
    rs_alias_def *all = rs__realloc(sk->aliases, (sk->alias_count + 1) * sizeof a);
    if (!all) {
        rs__free(a.term);
        return rs__nomem(L->err, L->file);
    }
    sk->aliases = all;
    memcpy(&all[sk->alias_count++], &a, sizeof a);   /* padding too (cache.c) */
    return RS_OK;
}

static rs_status S_add_pattern(S_loader *L, size_t skill, const xmlNode *n)
{
    rs_lexicon *lex = L->lex;
    if (!rs__grow_zeroed((void **)&lex->patterns, &L->pattern_cap, lex->pattern_count + 1,
                  sizeof *lex->patterns))
        return rs__nomem(L->err, L->file);
    rs_pattern_def *p = &lex->patterns[lex->pattern_count];
    memset(p, 0, sizeof *p);
    p->skill = skill;
    p->file = L->file;
    p->line = rs__xml_line(n);
    p->source = rs__xml_text(n);
    p->trigger = rs__xml_attr(n, "trigger");
    /* presence only, without allocating (see S_add_alias) */
    p->needs_context = xmlHasProp(n, BAD_CAST "context") != NULL;
    lex->pattern_count++;
    if (!p->source || !p->trigger)
        return rs__nomem(L->err, L->file);
    rs_status st = rs__check_length("pattern", p->source, 1, 400, L->file, p->line, L->err);
    if (!st)
        st = rs__check_length("trigger", p->trigger, 1, 120, L->file, p->line, L->err);
    if (st)
        return st;
    int code;
    PCRE2_SIZE at;
    p->code = pcre2_compile((PCRE2_SPTR)p->source, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &at, NULL);
    if (!p->code) {
        char msg[200];
        pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
        return rs__fail(L->err, RS_ERR_REGEX, L->file, p->line,
                        "pattern /%s/ of skill '%s': %s at offset %zu", p->source,
                        lex->skills[skill].id, msg, (size_t)at);
    }
    /* JIT is an optimization: where it is unavailable the interpreter runs. */
    pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
    size_t index = lex->pattern_count - 1;
    return rs__term_add(lex, p->trigger, 0, skill, NULL, L->file, p->line, &index,
                        L->err);
}

static rs_status S_add_implies(S_loader *L, rs_skill_def *sk, const xmlNode *n)
{
    char *ref = rs__xml_attr(n, "ref");
    if (!ref)
        return rs__nomem(L->err, L->file);
    rs_status st = rs__check_ident("implies ref", ref, L->file, rs__xml_line(n), L->err);
    if (st) {
        rs__free(ref);
        return st;
    }
    size_t count = sk->implies_count;
    char **ids = rs__realloc(sk->implies_ids, (count + 1) * sizeof *ids);
    if (ids)
        sk->implies_ids = ids;
    unsigned *lines = ids ? rs__realloc(sk->implies_lines, (count + 1) * sizeof *lines)
                          : NULL;
    if (!ids || !lines) {
        rs__free(ref);
        return rs__nomem(L->err, L->file);
    }
    sk->implies_lines = lines;
    ids[count] = ref;
    lines[count] = rs__xml_line(n);
    sk->implies_count++;
    return RS_OK;
}

static rs_status S_add_skill(S_loader *L, const xmlNode *n)
{
    rs_lexicon *lex = L->lex;
    if (!rs__grow_zeroed((void **)&lex->skills, &L->skill_cap, lex->skill_count + 1,
                  sizeof *lex->skills))
        return rs__nomem(L->err, L->file);
    size_t index = lex->skill_count++;
    rs_skill_def *sk = &lex->skills[index];
    memset(sk, 0, sizeof *sk);
    sk->file = L->file;
    sk->line = rs__xml_line(n);
    sk->id = rs__xml_attr(n, "id");
    sk->name = rs__xml_attr(n, "name");
    char *cat = rs__xml_attr(n, "category");
    sk->family = rs__xml_attr(n, "family");
    if (!sk->id || !sk->name || !cat || (!sk->family && xmlHasProp(n, BAD_CAST "family"))) {
        rs__free(cat);
        return rs__nomem(L->err, L->file);
    }
    sk->category = rs__category_index(cat);
    rs__free(cat);
    rs_status st = rs__check_ident("skill id", sk->id, L->file, sk->line, L->err);
    if (!st)
        st = rs__check_length("skill name", sk->name, 1, 80, L->file, sk->line, L->err);
    if (!st && sk->family)
        st = rs__check_ident("skill family", sk->family, L->file, sk->line, L->err);
    if (st)
        return st;
    if (sk->category < 0)   /* the schema's list and ours disagree */
        return rs__fail(L->err, RS_ERR_LEXICON, L->file, sk->line,
                        "skill '%s': unknown category", sk->id);
    sk->technical = rs__category_technical(sk->category);
    for (const xmlNode *c = n->children; c && !st; c = c->next) {
        if (rs__xml_is(c, "alias"))
            st = S_add_alias(L, &lex->skills[index], c);
        else if (rs__xml_is(c, "pattern"))
            st = S_add_pattern(L, index, c);
        else if (rs__xml_is(c, "implies"))
            st = S_add_implies(L, &lex->skills[index], c);
    }
    sk = &lex->skills[index];
    for (size_t i = 0; i < sk->alias_count && !st; i++)
        st = rs__term_add(lex, sk->aliases[i].term, RS_TERM_ALIAS, index,
                          &sk->aliases[i], L->file, sk->aliases[i].line, NULL, L->err);
    return st;
}

static rs_status S_add_phrase(S_loader *L, const xmlNode *n, uint8_t flag)
{
    char *t = rs__xml_text(n);
    if (!t)
        return rs__nomem(L->err, L->file);
    const char *what = flag == RS_TERM_STOP ? "stop phrase" : flag == RS_TERM_CUE ? "cue"
                                                                                : "org word";
    rs_status st = rs__check_length(what, t, 1, 120,
                                    L->file, rs__xml_line(n), L->err);
    if (!st)
        st = rs__term_add(L->lex, t, flag, RS_NOT_FOUND, NULL, L->file, rs__xml_line(n),
                          NULL, L->err);
    rs__free(t);
    return st;
}

static rs_status S_walk(S_loader *L, const xmlNode *root)
{
    char *version = rs__xml_attr(root, "version");
    char *name = rs__xml_attr(root, "name");
    if (!version || !name) {
        rs__free(version);
        rs__free(name);
        return rs__nomem(L->err, L->file);
    }
    rs_status vst = rs__check_version(version, L->file, rs__xml_line(root), L->err);
    if (!vst)
        vst = rs__check_ident("lexicon name", name, L->file, rs__xml_line(root), L->err);
    rs__free(name);
    if (vst) {
        rs__free(version);
        return vst;
    }
    char **v = rs__realloc(L->versions, (L->version_count + 1) * sizeof *v);
    if (!v) {
        rs__free(version);
        return rs__nomem(L->err, L->file);
    }
    L->versions = v;
    v[L->version_count++] = version;
    rs_status st = RS_OK;
    for (const xmlNode *c = root->children; c && !st; c = c->next) {
        if (rs__xml_is(c, "skill"))
            st = S_add_skill(L, c);
        else if (rs__xml_is(c, "stop"))
            st = S_add_phrase(L, c, RS_TERM_STOP);
        else if (rs__xml_is(c, "cue"))
            st = S_add_phrase(L, c, RS_TERM_CUE);
        else if (rs__xml_is(c, "org"))
            st = S_add_phrase(L, c, RS_TERM_ORG);
    }
    return st;
}

/* ---- one file ---------------------------------------------------------- */

static rs_status S_walk_doc(void *L, const xmlNode *root) { return S_walk(L, root); }

static rs_status S_load_file(S_loader *L, const char *path, xmlRelaxNGPtr schema,
                             uint64_t *hash)
{
    xmlDoc *doc = NULL;
    rs_status st = rs__xml_open(path, "lexicon", hash, &doc, L->err);
    if (st || !doc)
        return st;
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (rs__xml_root_is(root, "lexicon", S_NS)) {   /* else: roles, or not ours */
        st = rs__xml_load(doc, schema, path, S_walk_doc, L, L->err);
    }
    xmlFreeDoc(doc);
    return st;
}

/* ---- the whole set ----------------------------------------------------- */

static rs_status S_resolve_implications(rs_lexicon *lex, rs_error *err)
{
    for (size_t i = 0; i < lex->skill_count; i++) {
        rs_skill_def *sk = &lex->skills[i];
        if (!sk->implies_count)
            continue;
        sk->implies = rs__calloc(sk->implies_count, sizeof *sk->implies);
        if (!sk->implies)
            return rs__nomem(err, sk->file);
        for (size_t k = 0; k < sk->implies_count; k++) {
            size_t j = rs_lexicon_find(lex, sk->implies_ids[k]);
            if (j == RS_NOT_FOUND || j == i)
                return rs__fail(err, RS_ERR_LEXICON, sk->file, sk->implies_lines[k],
                                "skill '%s' implies '%s', %s", sk->id,
                                sk->implies_ids[k],
                                j == i ? "itself" : "which no lexicon defines");
            sk->implies[k] = j;
        }
    }
    return RS_OK;
}

typedef struct S_id_ref {
    const char *id;
    size_t index;
} S_id_ref;

static int S_cmp_id(const void *a, const void *b)
{
    const S_id_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

/* Builds the id index and refuses duplicate ids. */
static rs_status S_index_ids(rs_lexicon *lex, rs_error *err)
{
    size_t n = lex->skill_count;
    S_id_ref *refs = rs__calloc(n, sizeof *refs);
    lex->by_id = rs__calloc(n, sizeof *lex->by_id);
    if (!refs || !lex->by_id) {
        rs__free(refs);
        return rs__nomem(err, NULL);
    }
    for (size_t i = 0; i < n; i++)
        refs[i] = (S_id_ref){lex->skills[i].id, i};
    qsort(refs, n, sizeof *refs, S_cmp_id);
    for (size_t i = 0; i < n; i++)
        lex->by_id[i] = refs[i].index;
    rs__free(refs);
    for (size_t i = 1; i < lex->skill_count; i++) {
        const rs_skill_def *a = &lex->skills[lex->by_id[i - 1]];
        const rs_skill_def *b = &lex->skills[lex->by_id[i]];
        if (strcmp(a->id, b->id) == 0)
            return rs__fail(err, RS_ERR_LEXICON, b->file, b->line,
                            "skill id '%s' is already defined at %s:%u", b->id,
                            a->file, a->line);
    }
    return RS_OK;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static rs_status S_set_version(rs_lexicon *lex, S_loader *L, uint64_t hash,
                               rs_error *err)
{
    rs_buf b;
    rs__buf_init(&b, 0);
    qsort(L->versions, L->version_count, sizeof *L->versions, S_cmp_str);
    for (size_t i = 0; i < L->version_count; i++) {
        if (i && strcmp(L->versions[i], L->versions[i - 1]) == 0)
            continue;
        if (b.len)
            rs__buf_putc(&b, '+');
        rs__buf_puts(&b, L->versions[i]);
    }
    lex->version = rs__buf_detach(&b, NULL);
    snprintf(lex->hash, sizeof lex->hash, "fnv1a64:%016llx", (unsigned long long)hash);
    return lex->version ? RS_OK : rs__nomem(err, NULL);
}

static rs_status S_load_all(rs_lexicon *lex, S_loader *L, rs_error *err)
{
    xmlRelaxNGPtr schema = rs__xml_schema(rs__lexicon_schema, rs__lexicon_schema_len);
    if (!schema)
        /* compiled in and valid, so only memory can stop it
         * loading: RS_ERR_NOMEM (exit 5), not an invalid lexicon (exit 3) */
        return rs__fail(err, RS_ERR_NOMEM, NULL, 0,
                        "the built-in lexicon schema failed to load: out of memory");
    uint64_t hash = RS_FNV_OFFSET;
    rs_status st = RS_OK;
    for (size_t i = 0; i < lex->file_count && !st; i++) {
        L->file = lex->files[i];
        st = S_load_file(L, lex->files[i], schema, &hash);
    }
    xmlRelaxNGFree(schema);
    if (!st && lex->skill_count == 0)
        st = rs__fail(err, RS_ERR_LEXICON, lex->files[0], 0,
                      "no skill lexicon in this folder");
    if (!st)
        st = S_index_ids(lex, err);
    if (!st)
        st = S_resolve_implications(lex, err);
    if (!st)
        st = rs__terms_index(lex, err);
    if (!st)
        st = S_set_version(lex, L, hash, err);
    return st;
}

rs_status rs__lexicon_limits(rs_lexicon *lex, rs_error *err)
{
    lex->match_context = pcre2_match_context_create(NULL);
    if (!lex->match_context)
        return rs__nomem(err, NULL);
    pcre2_set_match_limit(lex->match_context, RS_PATTERN_MATCH_LIMIT);
    pcre2_set_depth_limit(lex->match_context, RS_PATTERN_DEPTH_LIMIT);
    return RS_OK;
}

rs_status rs_lexicon_load(const char *dir, rs_lexicon **out, rs_error *err)
{
    if (!dir || !out)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no lexicon folder given");
    *out = NULL;
    rs_lexicon *lex = rs__calloc(1, sizeof *lex);
    if (!lex)
        return rs__nomem(err, dir);
    rs_status st = rs__xml_list(dir, &lex->files, &lex->file_count, err);
    S_loader L = {.lex = lex, .err = err};
    if (!st)
        st = S_load_all(lex, &L, err);
    for (size_t i = 0; i < L.version_count; i++)
        rs__free(L.versions[i]);
    rs__free(L.versions);
    if (!st)
        st = rs__lexicon_limits(lex, err);
    if (st) {
        rs_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return RS_OK;
}

void rs_lexicon_free(rs_lexicon *lex)
{
    if (!lex)
        return;
    if (lex->cache_block) {   /* one block, the codes and context outside it */
        for (size_t i = 0; i < lex->pattern_count; i++)
            pcre2_code_free(lex->patterns[i].code);
        pcre2_match_context_free(lex->match_context);
        rs__free(lex->cache_block);
        return;
    }
    for (size_t i = 0; i < lex->skill_count; i++) {
        rs_skill_def *sk = &lex->skills[i];
        rs__free(sk->id);
        rs__free(sk->name);
        rs__free(sk->family);
        for (size_t k = 0; k < sk->alias_count; k++)
            rs__free(sk->aliases[k].term);
        rs__free(sk->aliases);
        for (size_t k = 0; k < sk->implies_count; k++)
            rs__free(sk->implies_ids[k]);
        rs__free(sk->implies_ids);
        rs__free(sk->implies_lines);
        rs__free(sk->implies);
    }
    rs__free(lex->skills);
    rs__free(lex->by_id);
    for (size_t i = 0; i < lex->pattern_count; i++) {
        rs__free(lex->patterns[i].source);
        rs__free(lex->patterns[i].trigger);
        pcre2_code_free(lex->patterns[i].code);
    }
    rs__free(lex->patterns);
    rs__terms_free(lex);
    pcre2_match_context_free(lex->match_context);
    for (size_t i = 0; i < lex->file_count; i++)
        rs__free(lex->files[i]);
    rs__free(lex->files);
    rs__free(lex->version);
    rs__free(lex);
}

/* ---- accessors --------------------------------------------------------- */

const char *rs_lexicon_version(const rs_lexicon *lex) { return lex->version; }
const char *rs_lexicon_hash(const rs_lexicon *lex) { return lex->hash; }

rs_lexicon_stats rs_lexicon_get_stats(const rs_lexicon *lex)
{
    rs_lexicon_stats s = {0};
    s.files = lex->file_count;
    s.skills = lex->skill_count;
    for (size_t i = 0; i < lex->skill_count; i++)
        s.aliases += lex->skills[i].alias_count;
    s.patterns = lex->pattern_count;
    s.stops = lex->stop_count;
    s.cues = lex->cue_count;
    return s;
}

size_t rs_lexicon_skill_count(const rs_lexicon *lex) { return lex->skill_count; }

rs_skill_info rs_lexicon_skill(const rs_lexicon *lex, size_t i)
{
    rs_skill_info info = {0};
    if (i >= lex->skill_count)
        return info;
    const rs_skill_def *sk = &lex->skills[i];
    info.id = sk->id;
    info.name = sk->name;
    info.category = S_categories[sk->category];
    info.family = sk->family;
    info.file = sk->file;
    info.alias_count = sk->alias_count;
    info.implies_count = sk->implies_count;
    return info;
}

size_t rs_lexicon_find(const rs_lexicon *lex, const char *id)
{
    size_t lo = 0, hi = lex->by_id ? lex->skill_count : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(lex->skills[lex->by_id[mid]].id, id);
        if (c == 0)
            return lex->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return RS_NOT_FOUND;
}

rs_alias_info rs_lexicon_alias(const rs_lexicon *lex, size_t skill, size_t alias)
{
    rs_alias_info a = {0};
    if (skill < lex->skill_count && alias < lex->skills[skill].alias_count) {
        const rs_alias_def *d = &lex->skills[skill].aliases[alias];
        a.term = d->term;
        a.needs_context = d->needs_context;
        a.exact_case = d->exact_case;
    }
    return a;
}

const char *rs_lexicon_implied(const rs_lexicon *lex, size_t skill, size_t i)
{
    if (skill >= lex->skill_count || i >= lex->skills[skill].implies_count)
        return NULL;
    return lex->skills[skill].implies_ids[i];
}
