/* roles.c — loads the roles lexicon: tracks, roles on rungs 1..8 with
 * their titles, weighted skills, salary bands, advice and lateral moves, and
 * the scope cues. Validated against the compiled-in roles schema, then for
 * meaning: unique ids, known tracks, skills and lateral roles. */
#include "roles_internal.h"
#include "text/text_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

#define S_NS "urn:rolescan:roles:1"

extern const char rs__roles_schema[];
extern const size_t rs__roles_schema_len;

typedef struct S_loader {
    rs_roles *roles;
    const char *file;
    rs_error *err;
    size_t track_cap, role_cap, scope_cap, noun_cap, modifier_cap, signal_cap;
} S_loader;

static rs_status S_nomem(S_loader *L) { return rs__nomem(L->err, L->file); }

static rs_status S_ident(S_loader *L, const char *what, const char *v, const xmlNode *n)
{
    return rs__check_ident(what, v, L->file, rs__xml_line(n), L->err);
}

/* Labels (titles, names) are 1 to 120 characters; prose 1 to 2000. */
static rs_status S_label(S_loader *L, const char *what, const char *v, const xmlNode *n)
{
    return rs__check_length(what, v, 1, 120, L->file, rs__xml_line(n), L->err);
}

static rs_status S_prose(S_loader *L, const char *what, const char *v, const xmlNode *n)
{
    return rs__check_length(what, v, 1, 2000, L->file, rs__xml_line(n), L->err);
}

/* Appends a new string (owned) to *arr. */
static bool S_push_str(char ***arr, size_t *count, char *s)
{
    if (!s)
        return false;
    char **a = rs__realloc(*arr, (*count + 1) * sizeof *a);
    if (!a) {
        rs__free(s);
        return false;
    }
    a[(*count)++] = s;
    *arr = a;
    return true;
}

/* reads="ladder|people|anywhere", noun= and else=: what the track is to
 * title reading. One ladder and one people track at most. */
static rs_status S_track_reads(S_loader *L, rs_track_def *t, const xmlNode *n)
{
    rs_roles *r = L->roles;
    char *reads = rs__xml_attr(n, "reads");
    t->only_noun = rs__xml_attr(n, "noun");
    t->else_id = rs__xml_attr(n, "else");
    t->spans_ids = rs__xml_attr(n, "spans");
    t->practice_ids = rs__xml_attr(n, "practice");
    if ((!t->spans_ids && xmlHasProp(n, BAD_CAST "spans")) ||
        (!t->practice_ids && xmlHasProp(n, BAD_CAST "practice")) ||
        (!reads && xmlHasProp(n, BAD_CAST "reads")) ||
        (!t->only_noun && xmlHasProp(n, BAD_CAST "noun")) ||
        (!t->else_id && xmlHasProp(n, BAD_CAST "else")))
        return rs__free(reads), S_nomem(L);
    size_t self = (size_t)(t - r->tracks);
    size_t *slot = !reads ? NULL
                   : strcmp(reads, "ladder") == 0 ? &r->ladder
                   : strcmp(reads, "people") == 0 ? &r->people
                                                  : NULL;
    t->anywhere = reads && strcmp(reads, "anywhere") == 0;
    rs_status st = RS_OK;
    if (slot && *slot != RS_NOT_FOUND)
        st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                      "track '%s' reads as \"%s\", as track '%s' already does", t->id, reads,
                      r->tracks[*slot].id);
    else if (slot)
        *slot = self;
    if (!st && t->only_noun && !(st = S_label(L, "track noun", t->only_noun, n))) {
        char *canon = rs__title_canonical_text(t->only_noun);   /* as head nouns are */
        rs__free(t->only_noun);
        t->only_noun = canon;
        if (!canon)
            st = S_nomem(L);
    }
    if (!st && t->else_id)
        st = S_ident(L, "track else", t->else_id, n);
    rs__free(reads);
    return st;
}

static rs_status S_add_track(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->tracks, &L->track_cap, r->track_count + 1, sizeof *r->tracks))
        return S_nomem(L);
    rs_track_def *t = &r->tracks[r->track_count++];
    memset(t, 0, sizeof *t);
    t->id = rs__xml_attr(n, "id");
    t->name = rs__xml_attr(n, "name");
    if (!t->id || !t->name)
        return S_nomem(L);
    t->file = L->file;
    t->line = rs__xml_line(n);
    t->else_track = RS_NOT_FOUND;
    rs_status st = S_ident(L, "track id", t->id, n);
    if (st || (st = S_label(L, "track name", t->name, n)) || (st = S_track_reads(L, t, n)))
        return st;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!rs__xml_is(c, "domain"))
            continue;
        char *raw = rs__xml_text(c);
        if (raw && (st = S_label(L, "domain", raw, c))) {
            rs__free(raw);
            return st;
        }
        char *canon = raw ? rs__title_canonical_text(raw) : NULL;
        rs__free(raw);
        bool *tech = rs__realloc(t->domain_tech, (t->domain_count + 1) * sizeof *tech);
        if (!tech) {
            rs__free(canon);
            return S_nomem(L);
        }
        t->domain_tech = tech;
        if (!S_push_str(&t->domains, &t->domain_count, canon))
            return S_nomem(L);
        char *kind = rs__xml_attr(c, "kind");
        if (!kind && xmlHasProp(c, BAD_CAST "kind"))
            return S_nomem(L);
        tech[t->domain_count - 1] = kind != NULL;   /* the schema allows "technology" only */
        rs__free(kind);
    }
    return RS_OK;
}

static rs_status S_add_role_skill(S_loader *L, rs_role_def *role, const xmlNode *n)
{
    rs_role_skill_def *s = rs__realloc(role->skills, (role->skill_count + 1) * sizeof *s);
    if (!s)
        return S_nomem(L);
    role->skills = s;
    rs_role_skill_def *d = &s[role->skill_count++];
    memset(d, 0, sizeof *d);
    d->ref = rs__xml_attr(n, "ref");
    char *w = rs__xml_attr(n, "weight");
    d->why = rs__xml_attr(n, "why");
    /* An optional attribute that is there but came back NULL
     * is a failed allocation, not an absent "why". */
    if (!d->ref || !w || (!d->why && xmlHasProp(n, BAD_CAST "why"))) {
        rs__free(w);
        return S_nomem(L);
    }
    rs_status st = S_ident(L, "skill ref", d->ref, n);
    if (!st && d->why)
        st = S_prose(L, "why", d->why, n);
    if (st) {
        rs__free(w);
        return st;
    }
    d->weight = strcmp(w, "core") == 0        ? RS_WEIGHT_CORE
                : strcmp(w, "important") == 0 ? RS_WEIGHT_IMPORTANT
                                              : RS_WEIGHT_NICE;
    rs__free(w);
    d->skill = rs_lexicon_find(L->roles->lex, d->ref);
    if (d->skill == RS_NOT_FOUND)
        return rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                        "role '%s' names skill '%s', which no skill lexicon defines",
                        role->id, d->ref);
    return RS_OK;
}

/* A rung attribute: a whole number from 1 to 8, else an error. */
static rs_status S_rung(S_loader *L, const xmlNode *n, int *rung)
{
    char *v = rs__xml_attr(n, "rung");
    if (!v)
        return S_nomem(L);
    bool ok = v[0] >= '1' && v[0] <= '8' && v[1] == '\0';
    *rung = ok ? v[0] - '0' : 0;
    rs_status st = ok ? RS_OK
                      : rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                                 "rung \"%s\" is not a whole number from 1 to 8", v);
    rs__free(v);
    return st;
}

/* False when the attribute is there but could not be copied (out of
 * memory): such a value is not read as 0, which would give a wrong salary
 * band or "salary min is above max". An absent attribute is 0. */
static bool S_long_attr(const xmlNode *n, const char *name, long *out)
{
    char *v = rs__xml_attr(n, name);
    bool ok = v != NULL || !xmlHasProp(n, BAD_CAST name);
    *out = v ? strtol(v, NULL, 10) : 0;
    rs__free(v);
    return ok;
}

/* The value checks of a role's child element. */
static rs_status S_check_child(S_loader *L, const xmlNode *c)
{
    static const struct {
        const char *element, *what;
        size_t max;
    } texts[] = {{"title", "title", 120}, {"summary", "summary", 2000},
                 {"responsibility", "responsibility", 2000}, {"advice", "advice", 2000}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!rs__xml_is(c, texts[i].element))
            continue;
        char *t = rs__xml_text(c);
        if (!t)
            return S_nomem(L);
        rs_status st = rs__check_length(texts[i].what, t, 1, texts[i].max, L->file,
                                        rs__xml_line(c), L->err);
        rs__free(t);
        return st;
    }
    const char *attr = rs__xml_is(c, "lateral") ? "ref" : NULL;
    if (!attr)
        return RS_OK;
    char *v = rs__xml_attr(c, attr);
    if (!v)
        return S_nomem(L);
    rs_status st = S_ident(L, "lateral ref", v, c);
    rs__free(v);
    return st;
}

static rs_status S_role_child(S_loader *L, rs_role_def *role, const xmlNode *c)
{
    rs_status checked = S_check_child(L, c);
    if (checked)
        return checked;
    if (rs__xml_is(c, "title")) {
        char *t = rs__xml_text(c);
        char *canon = t ? rs__title_canonical_text(t) : NULL;
        char **a = canon ? rs__realloc(role->titles, (role->title_count + 1) * sizeof *a) : NULL;
        if (a)
            role->titles = a;
        char **b = a ? rs__realloc(role->norm_titles, (role->title_count + 1) * sizeof *b) : NULL;
        if (!b) {
            rs__free(t);
            rs__free(canon);
            return S_nomem(L);
        }
        role->norm_titles = b;
        role->titles[role->title_count] = t;
        role->norm_titles[role->title_count++] = canon;
    } else if (rs__xml_is(c, "summary")) {
        if (!(role->summary = rs__xml_text(c)))
            return S_nomem(L);
    } else if (rs__xml_is(c, "responsibility")) {
        if (!S_push_str(&role->resp, &role->resp_count, rs__xml_text(c)))
            return S_nomem(L);
    } else if (rs__xml_is(c, "skill")) {
        return S_add_role_skill(L, role, c);
    } else if (rs__xml_is(c, "salary")) {
        if (!S_long_attr(c, "min", &role->salary_min) ||
            !S_long_attr(c, "max", &role->salary_max))
            return S_nomem(L);
        role->currency = rs__xml_attr(c, "currency");
        role->salary_region = rs__xml_attr(c, "region");
        role->salary_source = rs__xml_attr(c, "source");
        if (!role->currency || !role->salary_region || !role->salary_source)
            return S_nomem(L);
        if (role->salary_min > role->salary_max)
            return rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(c),
                            "role '%s': salary min is above max", role->id);
    } else if (rs__xml_is(c, "advice")) {
        if (!S_push_str(&role->advice, &role->advice_count, rs__xml_text(c)))
            return S_nomem(L);
    } else if (rs__xml_is(c, "lateral")) {
        if (!S_push_str(&role->lateral_ids, &role->lateral_count, rs__xml_attr(c, "ref")))
            return S_nomem(L);
    }
    return RS_OK;
}

static rs_status S_add_role(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->roles, &L->role_cap, r->role_count + 1, sizeof *r->roles))
        return S_nomem(L);
    rs_role_def *role = &r->roles[r->role_count++];
    memset(role, 0, sizeof *role);
    role->file = L->file;
    role->line = rs__xml_line(n);
    role->id = rs__xml_attr(n, "id");
    role->title = rs__xml_attr(n, "title");
    role->track_id = rs__xml_attr(n, "track");

    if (!role->id || !role->title || !role->track_id)
        return S_nomem(L);
    rs_status checked = S_rung(L, n, &role->rung);
    if (!checked)
        checked = S_ident(L, "role id", role->id, n);
    if (!checked)
        checked = S_label(L, "role title", role->title, n);
    if (checked)
        return checked;
    role->track = rs__roles_track(r, role->track_id);
    if (role->track == RS_NOT_FOUND)
        return rs__fail(L->err, RS_ERR_LEXICON, L->file, role->line,
                        "role '%s' is on track '%s', which is not defined", role->id,
                        role->track_id);
    rs_status st = RS_OK;
    for (const xmlNode *c = n->children; c && !st; c = c->next)
        st = S_role_child(L, role, c);
    return st;
}

static rs_status S_add_scope(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->scopes, &L->scope_cap, r->scope_count + 1, sizeof *r->scopes))
        return S_nomem(L);
    char *ref = rs__xml_attr(n, "skill");
    if (!ref)
        return S_nomem(L);
    size_t skill = rs_lexicon_find(r->lex, ref);
    rs_status st = S_ident(L, "scope skill", ref, n);
    if (!st && skill == RS_NOT_FOUND)
        st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                      "scope cue names skill '%s', which no skill lexicon defines", ref);
    int rung = 0;
    if (!st)
        st = S_rung(L, n, &rung);
    if (!st)
        r->scopes[r->scope_count++] = (rs_scope_def){skill, rung};
    rs__free(ref);
    return st;
}

/* ---- the vocabulary of titles and the language of work -------------------- */

static rs_status S_add_noun(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->nouns, &L->noun_cap, r->noun_count + 1, sizeof *r->nouns))
        return S_nomem(L);
    rs_noun_def *d = &r->nouns[r->noun_count++];
    memset(d, 0, sizeof *d);
    d->file = L->file;
    d->line = rs__xml_line(n);
    d->track = RS_NOT_FOUND;
    char *word = rs__xml_attr(n, "word"), *kind = rs__xml_attr(n, "kind");
    char *needs = rs__xml_attr(n, "needs");
    d->track_id = rs__xml_attr(n, "track");
    rs_status st = RS_OK;
    if (!word || !kind || (!needs && xmlHasProp(n, BAD_CAST "needs")) ||
        (!d->track_id && xmlHasProp(n, BAD_CAST "track")))
        st = S_nomem(L);
    if (!st)
        st = S_label(L, "noun", word, n);
    if (!st && d->track_id)
        st = S_ident(L, "noun track", d->track_id, n);
    if (!st)
        st = S_rung(L, n, &d->rung);
    if (!st && !(d->word = rs__title_canonical_text(word)))
        st = S_nomem(L);
    if (!st) {
        d->flags = (strcmp(kind, "ic") == 0 ? RS_NOUN_IC : 0) |
                   (needs && strcmp(needs, "tech") == 0 ? RS_NOUN_NEEDS_TECH : 0) |
                   (needs && strcmp(needs, "domain") == 0 ? RS_NOUN_NEEDS_DOMAIN : 0) |
                   (needs && strcmp(needs, "level") == 0 ? RS_NOUN_NEEDS_LEVEL : 0);
    }
    rs__free(word);
    rs__free(kind);
    rs__free(needs);
    return st;
}

static rs_status S_add_modifier(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->modifiers, &L->modifier_cap, r->modifier_count + 1,
                  sizeof *r->modifiers))
        return S_nomem(L);
    rs_modifier_def *d = &r->modifiers[r->modifier_count++];
    memset(d, 0, sizeof *d);
    char *word = rs__xml_attr(n, "word");
    d->after_noun = xmlHasProp(n, BAD_CAST "after") != NULL;
    if (!word)
        return S_nomem(L);
    rs_status st = S_label(L, "modifier", word, n);
    if (!st)
        st = S_rung(L, n, &d->rung);
    if (!st && !(d->word = rs__title_canonical_text(word)))
        st = S_nomem(L);
    rs__free(word);
    return st;
}

static const char *const S_word_lists[RS_WORDS_COUNT] = {
    "tech", "other-field", "generic-domain", "prose", "c-suite", "entry", "title-end",
    "manager-noun", "engineering-category", "generated-lexicon", "other-occupation",
    "other-sense", "track-blind-category", "document-label", "name-particle",
    "title-word", "title-head"};

/* Appends the space-separated words of s to the list. */
static bool S_push_words(rs_word_list *w, const char *s)
{
    for (const char *p = s; *p;) {
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        char *word = e > p ? rs__malloc((size_t)(e - p) + 1) : NULL;
        if (e > p && !word)
            return false;
        if (word) {
            memcpy(word, p, (size_t)(e - p));
            word[e - p] = '\0';
            if (!S_push_str(&w->words, &w->count, word))
                return false;
        }
        p = *e ? e + 1 : e;
    }
    return true;
}

/* <words list="tech">engineering software ...</words>: each word in its
 * canonical form ("R&D" gives "r" and "d"), appended to the list; skill
 * category and file names are kept as written. One word at a time: a list
 * may be as long as it needs. */
static rs_status S_add_words(S_loader *L, const xmlNode *n)
{
    char *list = rs__xml_attr(n, "list"), *text = rs__xml_text(n);
    rs_status st = list && text ? RS_OK : S_nomem(L);
    int which = -1;
    for (int i = 0; !st && i < RS_WORDS_COUNT; i++)
        if (strcmp(list, S_word_lists[i]) == 0)
            which = i;
    /* category ids and file names are matched as written ("ci_cd") */
    bool raw = which == RS_WORDS_ENGINEERING_CATEGORY || which == RS_WORDS_GENERATED_LEXICON ||
               which == RS_WORDS_TRACK_BLIND_CATEGORY;
    for (char *p = text; !st && which >= 0 && p && *p;) {
        char *e = p;
        while (*e && *e != ' ' && *e != '\n' && *e != '\t' && *e != '\r')
            e++;
        char end = *e;
        *e = '\0';
        char *canon = e == p ? NULL : raw ? rs__strdup(p) : rs__title_canonical_text(p);
        if (e > p && (!canon || !S_push_words(&L->roles->words[which], canon)))
            st = S_nomem(L);
        rs__free(canon);
        p = end ? e + 1 : e;
    }
    rs__free(list);
    rs__free(text);
    return st;
}

static rs_status S_add_signal(S_loader *L, const xmlNode *n)
{
    rs_roles *r = L->roles;
    if (!rs__grow_zeroed((void **)&r->signals, &L->signal_cap, r->signal_count + 1,
                  sizeof *r->signals))
        return S_nomem(L);
    rs_signal_def *d = &r->signals[r->signal_count++];
    memset(d, 0, sizeof *d);
    d->track = RS_NOT_FOUND;
    d->file = L->file;
    d->line = rs__xml_line(n);
    d->track_id = rs__xml_attr(n, "track");
    char *kind = rs__xml_attr(n, "kind"), *weight = rs__xml_attr(n, "weight");
    char *text = rs__xml_text(n);
    rs_status st = kind && weight && text &&
                   (d->track_id || !xmlHasProp(n, BAD_CAST "track")) ? RS_OK : S_nomem(L);
    if (!st && d->track_id)
        st = S_ident(L, "signal track", d->track_id, n);
    if (!st) {
        d->kind = strcmp(kind, "rung") == 0    ? RS_SIGNAL_RUNG
                  : strcmp(kind, "track") == 0 ? RS_SIGNAL_TRACK
                                               : RS_SIGNAL_WORK;
        char *end = NULL;
        d->weight = strtod(weight, &end);
        if (end == weight || *end || !(d->weight > 0 && d->weight <= 10))
            st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                          "signal weight \"%s\" is not a number above 0 and at most 10",
                          weight);
    }
    if (!st && d->kind == RS_SIGNAL_RUNG && !xmlHasProp(n, BAD_CAST "rung"))
        st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                      "a signal of kind \"rung\" needs a rung");
    if (!st && d->kind == RS_SIGNAL_TRACK && !d->track_id)
        st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                      "a signal of kind \"track\" needs a track");
    if (!st && xmlHasProp(n, BAD_CAST "rung"))
        st = S_rung(L, n, &d->rung);
    if (!st)
        st = S_prose(L, "signal", text, n);
    rs_status parsed = st ? RS_OK : rs__signal_parse(d, text);
    if (parsed == RS_ERR_LEXICON)
        st = rs__fail(L->err, RS_ERR_LEXICON, L->file, rs__xml_line(n),
                      "signal \"%s\": a word start needs three letters before '*', and a "
                      "pattern one to twelve words",
                      text);
    else if (parsed)
        st = S_nomem(L);
    rs__free(kind);
    rs__free(weight);
    rs__free(text);
    return st;
}

/* The lists are hashed after loading (S_hash_words) by the tokens' own
 * hash: one probe, one comparison. */
bool rs__roles_word_in(const rs_roles *r, int list, const char *word, size_t len)
{
    const rs_word_list *w = &r->words[list];
    if (!w->count)
        return false;
    uint64_t h = rs__token_hash(word, len) | 1;
    for (size_t i = (size_t)h & w->mask; w->hashes[i]; i = (i + 1) & w->mask) {
        const char *item = w->words[w->slots[i]];
        if (w->hashes[i] == h && strncmp(item, word, len) == 0 && item[len] == '\0')
            return true;
    }
    return false;
}

static rs_status S_hash_words(rs_roles *r, rs_error *err)
{
    for (int l = 0; l < RS_WORDS_COUNT; l++) {
        rs_word_list *w = &r->words[l];
        size_t cap = 16;
        while (cap < 4 * w->count)
            cap *= 2;
        w->hashes = rs__calloc(cap, sizeof *w->hashes);
        w->slots = rs__calloc(cap, sizeof *w->slots);
        if (!w->hashes || !w->slots)
            return rs__nomem(err, NULL);
        w->mask = cap - 1;
        for (size_t k = 0; k < w->count; k++) {
            uint64_t h = rs__token_hash(w->words[k], strlen(w->words[k])) | 1;
            size_t i = (size_t)h & w->mask;
            while (w->hashes[i])
                i = (i + 1) & w->mask;
            w->hashes[i] = h;
            w->slots[i] = (uint32_t)k;
        }
    }
    return RS_OK;
}

static rs_status S_walk(S_loader *L, const xmlNode *root)
{
    if (!L->roles->version && !(L->roles->version = rs__xml_attr(root, "version")))
        return S_nomem(L);
    rs_status vst = rs__check_version(L->roles->version, L->file, rs__xml_line(root), L->err);
    if (vst)
        return vst;
    rs_status st = RS_OK;
    for (const xmlNode *c = root->children; c && !st; c = c->next) {
        if (rs__xml_is(c, "track"))
            st = S_add_track(L, c);
        else if (rs__xml_is(c, "role"))
            st = S_add_role(L, c);
        else if (rs__xml_is(c, "scope"))
            st = S_add_scope(L, c);
        else if (rs__xml_is(c, "noun"))
            st = S_add_noun(L, c);
        else if (rs__xml_is(c, "modifier"))
            st = S_add_modifier(L, c);
        else if (rs__xml_is(c, "words"))
            st = S_add_words(L, c);
        else if (rs__xml_is(c, "signal"))
            st = S_add_signal(L, c);
    }
    return st;
}

static int S_cmp_title_ref(const void *a, const void *b)
{
    const rs_title_ref *x = a, *y = b;
    int c = strcmp(x->canon, y->canon);
    return c ? c : (x->role < y->role ? -1 : x->role > y->role);
}

/* How much a skill says about the track: a skill every track lists
 * (Git, code review) says nothing, one only mobile roles list (Swift)
 * says most. */
static rs_status S_specificity(rs_roles *r)
{
    size_t skills = rs_lexicon_skill_count(r->lex), tracks = r->track_count;
    uint32_t *count = rs__calloc(skills ? skills : 1, sizeof *count);
    size_t *last = rs__malloc((skills ? skills : 1) * sizeof *last);
    r->specificity = rs__calloc(skills ? skills : 1, sizeof *r->specificity);
    rs_status st = count && last && r->specificity ? RS_OK : RS_ERR_NOMEM;
    for (size_t s = 0; !st && s < skills; s++)
        last[s] = RS_NOT_FOUND;
    for (size_t t = 0; !st && t < tracks; t++)
        for (size_t i = 0; i < r->role_count; i++)
            for (size_t k = 0; r->roles[i].track == t && k < r->roles[i].skill_count; k++) {
                size_t s = r->roles[i].skills[k].skill;
                if (last[s] != t)
                    last[s] = t, count[s]++;
            }
    for (size_t s = 0; !st && s < skills; s++) {
        const char *cat = rs_lexicon_skill(r->lex, s).category;
        bool blind = rs__roles_word_in(r, RS_WORDS_TRACK_BLIND_CATEGORY, cat, strlen(cat));
        r->specificity[s] = count[s] && !blind ? log((double)tracks / count[s]) : 0;
    }
    rs__free(count);
    rs__free(last);
    return st;
}

/* Every listed title sorted, for exact matches by binary search. */
static rs_status S_index_titles(rs_roles *r, rs_error *err)
{
    size_t n = 0;
    for (size_t i = 0; i < r->role_count; i++)
        n += r->roles[i].title_count;
    r->title_index = rs__calloc(n ? n : 1, sizeof *r->title_index);
    if (!r->title_index)
        return rs__nomem(err, NULL);
    for (size_t i = 0; i < r->role_count; i++)
        for (size_t t = 0; t < r->roles[i].title_count; t++)
            r->title_index[r->title_index_count++] =
                (rs_title_ref){r->roles[i].norm_titles[t], i};
    if (n)
        qsort(r->title_index, n, sizeof *r->title_index, S_cmp_title_ref);
    return rs__title_gate_build(r) || rs__signal_index_build(r) || S_specificity(r)
               ? rs__nomem(err, NULL)
               : RS_OK;
}

/* The ids of a space-separated attribute value, one at a time: copies the
 * next into id and returns where the rest starts; NULL at the end, or with
 * *too_long set when an id does not fit. */
static const char *S_next_id(const char *p, char *id, size_t cap, bool *too_long)
{
    while (*p == ' ')
        p++;
    size_t len = strcspn(p, " ");
    *too_long = len >= cap;
    if (!len || *too_long)
        return NULL;
    memcpy(id, p, len);
    id[len] = '\0';
    return p + len;
}

/* Room for every id of a space-separated value. */
static size_t S_id_slots(const char *ids)
{
    size_t n = 1;
    for (const char *p = ids; *p; p++)
        n += *p == ' ';
    return n;
}

/* Resolves spans="a b": each id names another track. */
static rs_status S_resolve_spans(rs_roles *r, rs_track_def *t, rs_error *err)
{
    if (!(t->spans = rs__calloc(S_id_slots(t->spans_ids), sizeof *t->spans)))
        return rs__nomem(err, NULL);
    char id[64];
    bool too_long = false;
    for (const char *p = t->spans_ids; (p = S_next_id(p, id, sizeof id, &too_long));) {
        size_t k = rs__roles_track(r, id);
        if (k == RS_NOT_FOUND || k == (size_t)(t - r->tracks))
            return rs__fail(err, RS_ERR_LEXICON, t->file, t->line,
                            "track '%s' spans track '%s', which is not another defined track",
                            t->id, id);
        t->spans[t->span_count++] = k;
    }
    return too_long ? rs__fail(err, RS_ERR_LEXICON, t->file, t->line,
                               "track '%s': spans names a track id longer than 63 bytes", t->id)
                    : RS_OK;
}

/* Resolves practice="a b": each id names a skill of the lexicon. */
static rs_status S_resolve_practice(rs_roles *r, rs_track_def *t, rs_error *err)
{
    if (!(t->practice = rs__calloc(S_id_slots(t->practice_ids), sizeof *t->practice)))
        return rs__nomem(err, NULL);
    char id[80];
    bool too_long = false;
    for (const char *p = t->practice_ids; (p = S_next_id(p, id, sizeof id, &too_long));) {
        size_t k = rs_lexicon_find(r->lex, id);
        if (k == RS_NOT_FOUND)
            return rs__fail(err, RS_ERR_LEXICON, t->file, t->line,
                            "track '%s': practice names skill '%s', which no lexicon defines",
                            t->id, id);
        t->practice[t->practice_count++] = k;
    }
    return too_long ? rs__fail(err, RS_ERR_LEXICON, t->file, t->line,
                               "track '%s': practice names a skill id longer than 79 bytes", t->id)
                    : RS_OK;
}

/* A track's else= and spans= name tracks. */
static rs_status S_check_tracks(rs_roles *r, rs_error *err)
{
    for (size_t i = 0; i < r->track_count; i++) {
        rs_track_def *t = &r->tracks[i];
        rs_status st = t->spans_ids ? S_resolve_spans(r, t, err) : RS_OK;
        if (!st && t->practice_ids)
            st = S_resolve_practice(r, t, err);
        if (st)
            return st;
        if (!t->else_id)
            continue;
        t->else_track = rs__roles_track(r, t->else_id);
        if (t->else_track == RS_NOT_FOUND)
            return rs__fail(err, RS_ERR_LEXICON, t->file, t->line,
                            "track '%s' sends other titles to track '%s', which is not defined",
                            t->id, t->else_id);
    }
    return RS_OK;
}

/* A track named by a noun or a signal (`what`, for the message) exists. */
static rs_status S_resolve_track(const rs_roles *r, const char *id, size_t *track,
                                 const char *file, unsigned line, const char *what,
                                 rs_error *err)
{
    *track = rs__roles_track(r, id);
    if (*track != RS_NOT_FOUND)
        return RS_OK;
    return rs__fail(err, RS_ERR_LEXICON, file, line, "%s names track '%s', which is not defined",
                    what, id);
}

/* Nouns and signals name tracks of some roles file. */
static rs_status S_check_track_refs(rs_roles *r, rs_error *err)
{
    char what[160];
    rs_status st = RS_OK;
    for (size_t i = 0; !st && i < r->noun_count; i++) {
        rs_noun_def *d = &r->nouns[i];
        if (!d->track_id)
            continue;
        snprintf(what, sizeof what, "title noun '%s'", d->word);
        st = S_resolve_track(r, d->track_id, &d->track, d->file, d->line, what, err);
    }
    for (size_t i = 0; !st && i < r->signal_count; i++) {
        rs_signal_def *d = &r->signals[i];
        if (!d->track_id)
            continue;
        snprintf(what, sizeof what, "signal \"%.120s\"", d->pattern);
        st = S_resolve_track(r, d->track_id, &d->track, d->file, d->line, what, err);
    }
    return st;
}

/* Unique ids; lateral moves name known roles; nouns name known tracks. */
static rs_status S_check(rs_roles *r, rs_error *err)
{
    rs_status nouns = S_hash_words(r, err);
    if (!nouns)
        nouns = S_check_tracks(r, err);
    if (!nouns)
        nouns = S_check_track_refs(r, err);
    if (nouns)
        return nouns;
    for (size_t i = 0; i < r->role_count; i++) {
        rs_role_def *a = &r->roles[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->roles[j].id, a->id) == 0)
                return rs__fail(err, RS_ERR_LEXICON, a->file, a->line,
                                "role id '%s' is already defined at %s:%u", a->id,
                                r->roles[j].file, r->roles[j].line);
        a->laterals = rs__calloc(a->lateral_count ? a->lateral_count : 1, sizeof *a->laterals);
        if (!a->laterals)
            return rs__nomem(err, a->file);
        for (size_t k = 0; k < a->lateral_count; k++) {
            a->laterals[k] = rs_roles_find(r, a->lateral_ids[k]);
            if (a->laterals[k] == RS_NOT_FOUND)
                return rs__fail(err, RS_ERR_LEXICON, a->file, a->line,
                                "role '%s' names lateral move '%s', which is not a role",
                                a->id, a->lateral_ids[k]);
        }
    }
    return RS_OK;
}

static rs_status S_walk_doc(void *L, const xmlNode *root) { return S_walk(L, root); }

static rs_status S_load_files(S_loader *L, rs_error *err)
{
    rs_roles *r = L->roles;
    xmlRelaxNGPtr schema = rs__xml_schema(rs__roles_schema, rs__roles_schema_len);
    if (!schema)
        /* as in load.c, only memory can stop it loading */
        return rs__fail(err, RS_ERR_NOMEM, NULL, 0,
                        "the built-in roles schema failed to load: out of memory");
    uint64_t hash = RS_FNV_OFFSET;
    rs_status st = RS_OK;
    for (size_t i = 0; i < r->file_count && !st; i++) {
        L->file = r->files[i];
        xmlDoc *doc = NULL;
        st = rs__xml_open(r->files[i], "roles", &hash, &doc, err);
        if (st)
            break;
        if (!doc)
            continue;
        const xmlNode *root = xmlDocGetRootElement(doc);
        if (rs__xml_root_is(root, "roles", S_NS)) {
            st = rs__xml_load(doc, schema, r->files[i], S_walk_doc, L, err);
        }
        xmlFreeDoc(doc);
    }
    xmlRelaxNGFree(schema);
    if (!st && r->role_count == 0)
        st = rs__fail(err, RS_ERR_LEXICON, r->files[0], 0, "no roles lexicon in this folder");
    if (!st)
        st = S_check(r, err);
    return st ? st : S_index_titles(r, err);
}

/* The nouns grouped by first byte, in file order within each (a counting
 * sort): title reading tries only those that can start at a word. */
static rs_status S_index_nouns(rs_roles *r, rs_error *err)
{
    r->noun_order = rs__malloc((r->noun_count ? r->noun_count : 1) * sizeof *r->noun_order);
    if (!r->noun_order)
        return rs__nomem(err, NULL);
    memset(r->noun_first, 0, sizeof r->noun_first);
    for (size_t i = 0; i < r->noun_count; i++)
        r->noun_first[(unsigned char)r->nouns[i].word[0] + 1]++;
    for (size_t b = 0; b < 256; b++)
        r->noun_first[b + 1] += r->noun_first[b];
    size_t next[256];
    memcpy(next, r->noun_first, sizeof next);
    for (size_t i = 0; i < r->noun_count; i++)
        r->noun_order[next[(unsigned char)r->nouns[i].word[0]]++] = i;
    return RS_OK;
}

rs_status rs_roles_load(const char *dir, const rs_lexicon *skills, rs_roles **out,
                        rs_error *err)
{
    if (!dir || !skills || !out)
        return rs__fail(err, RS_ERR_ARG, NULL, 0, "no folder, skill lexicon or output");
    *out = NULL;
    rs_roles *r = rs__calloc(1, sizeof *r);
    if (!r)
        return rs__nomem(err, dir);
    r->lex = skills;
    r->ladder = r->people = RS_NOT_FOUND;
    S_loader L = {.roles = r, .err = err};
    rs_status st = rs__xml_list(dir, &r->files, &r->file_count, err);
    if (!st)
        st = S_load_files(&L, err);
    if (!st)
        st = S_index_nouns(r, err);
    if (st) {
        rs_roles_free(r);
        return st;
    }
    *out = r;
    return RS_OK;
}

static void S_free_strs(char **a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rs__free(a[i]);
    rs__free(a);
}

static void S_free_role(rs_role_def *role)
{
    rs__free(role->id);
    rs__free(role->title);
    rs__free(role->track_id);
    rs__free(role->summary);
    S_free_strs(role->titles, role->title_count);
    S_free_strs(role->norm_titles, role->title_count);
    S_free_strs(role->resp, role->resp_count);
    for (size_t i = 0; i < role->skill_count; i++) {
        rs__free(role->skills[i].ref);
        rs__free(role->skills[i].why);
    }
    rs__free(role->skills);
    rs__free(role->currency);
    rs__free(role->salary_source);
    rs__free(role->salary_region);
    S_free_strs(role->advice, role->advice_count);
    S_free_strs(role->lateral_ids, role->lateral_count);
    rs__free(role->laterals);
}

void rs_roles_free(rs_roles *r)
{
    if (!r)
        return;
    if (r->cache_block) {   /* one block holds it all, r included */
        rs__free(r->cache_block);
        return;
    }
    for (size_t i = 0; i < r->track_count; i++) {
        rs__free(r->tracks[i].id);
        rs__free(r->tracks[i].name);
        rs__free(r->tracks[i].only_noun);
        rs__free(r->tracks[i].else_id);
        rs__free(r->tracks[i].spans_ids);
        rs__free(r->tracks[i].spans);
        rs__free(r->tracks[i].practice_ids);
        rs__free(r->tracks[i].practice);
        S_free_strs(r->tracks[i].domains, r->tracks[i].domain_count);
        rs__free(r->tracks[i].domain_tech);
    }
    rs__free(r->tracks);
    for (size_t i = 0; i < r->role_count; i++)
        S_free_role(&r->roles[i]);
    rs__free(r->roles);
    rs__free(r->scopes);
    rs__free(r->noun_order);
    for (size_t i = 0; i < r->noun_count; i++) {
        rs__free(r->nouns[i].word);
        rs__free(r->nouns[i].track_id);
    }
    rs__free(r->nouns);
    for (size_t i = 0; i < r->modifier_count; i++)
        rs__free(r->modifiers[i].word);
    rs__free(r->modifiers);
    for (int i = 0; i < RS_WORDS_COUNT; i++) {
        S_free_strs(r->words[i].words, r->words[i].count);
        rs__free(r->words[i].hashes);
        rs__free(r->words[i].slots);
    }
    for (size_t i = 0; i < r->signal_count; i++)
        rs__signal_free(&r->signals[i]);
    rs__free(r->signals);
    rs__signal_index_free(&r->signal_index);
    rs__signal_index_free(&r->signal_prefix_index);
    rs__free(r->title_index);
    rs__free(r->title_gate);
    rs__free(r->domain_gate);
    rs__free(r->specificity);
    S_free_strs(r->files, r->file_count);
    rs__free(r->version);
    rs__free(r);
}

/* ---- lookups ----------------------------------------------------------- */

size_t rs__roles_track(const rs_roles *r, const char *id)
{
    for (size_t i = 0; i < r->track_count; i++)
        if (strcmp(r->tracks[i].id, id) == 0)
            return i;
    return RS_NOT_FOUND;
}

size_t rs__roles_at(const rs_roles *r, size_t track, int rung)
{
    if (rung >= 7 && r->ladder != RS_NOT_FOUND)
        track = r->ladder;
    size_t best = RS_NOT_FOUND;
    int best_gap = 99;
    for (size_t i = 0; i < r->role_count; i++) {
        if (r->roles[i].track != track)
            continue;
        int gap = abs(r->roles[i].rung - rung) * 2 + (r->roles[i].rung < rung);
        if (gap < best_gap) {
            best_gap = gap;
            best = i;
        }
    }
    return best;
}

const char *rs_roles_version(const rs_roles *r) { return r->version; }
size_t rs_roles_count(const rs_roles *r) { return r->role_count; }

size_t rs_roles_find(const rs_roles *r, const char *id)
{
    for (size_t i = 0; i < r->role_count; i++)
        if (strcmp(r->roles[i].id, id) == 0)
            return i;
    return RS_NOT_FOUND;
}

rs_role_info rs_roles_role(const rs_roles *r, size_t i)
{
    rs_role_info info = {0};
    if (i >= r->role_count)
        return info;
    const rs_role_def *d = &r->roles[i];
    info.id = d->id;
    info.title = d->title;
    info.track = d->track_id;
    info.track_name = r->tracks[d->track].name;
    info.rung = d->rung;
    info.summary = d->summary;
    info.title_count = d->title_count;
    info.responsibility_count = d->resp_count;
    info.skill_count = d->skill_count;
    info.advice_count = d->advice_count;
    info.lateral_count = d->lateral_count;
    info.salary_min = d->salary_min;
    info.salary_max = d->salary_max;
    info.salary_currency = d->currency;
    info.salary_region = d->salary_region;
    info.salary_source = d->salary_source;
    return info;
}

const char *rs_roles_title(const rs_roles *r, size_t role, size_t i)
{
    return role < r->role_count && i < r->roles[role].title_count ? r->roles[role].titles[i]
                                                                 : NULL;
}

const char *rs_roles_responsibility(const rs_roles *r, size_t role, size_t i)
{
    return role < r->role_count && i < r->roles[role].resp_count ? r->roles[role].resp[i]
                                                                : NULL;
}

rs_role_skill rs_roles_skill(const rs_roles *r, size_t role, size_t i)
{
    rs_role_skill s = {RS_NOT_FOUND, RS_WEIGHT_NICE, NULL};
    if (role < r->role_count && i < r->roles[role].skill_count) {
        const rs_role_skill_def *d = &r->roles[role].skills[i];
        s = (rs_role_skill){d->skill, d->weight, d->why};
    }
    return s;
}

const char *rs_roles_advice(const rs_roles *r, size_t role, size_t i)
{
    return role < r->role_count && i < r->roles[role].advice_count ? r->roles[role].advice[i]
                                                                  : NULL;
}

size_t rs_roles_lateral(const rs_roles *r, size_t role, size_t i)
{
    return role < r->role_count && i < r->roles[role].lateral_count
               ? r->roles[role].laterals[i]
               : RS_NOT_FOUND;
}

size_t rs_roles_next(const rs_roles *r, size_t role)
{
    if (role >= r->role_count || r->roles[role].rung >= 8)
        return RS_NOT_FOUND;
    const rs_role_def *d = &r->roles[role];
    size_t best = RS_NOT_FOUND;
    for (size_t i = 0; i < r->role_count; i++)
        if (r->roles[i].track == d->track && r->roles[i].rung > d->rung &&
            (best == RS_NOT_FOUND || r->roles[i].rung < r->roles[best].rung))
            best = i;
    if (best != RS_NOT_FOUND)
        return best;
    return r->ladder == RS_NOT_FOUND ? RS_NOT_FOUND : rs__roles_at(r, r->ladder, d->rung + 1);
}

size_t rs_roles_track_count(const rs_roles *r) { return r->track_count; }

rs_track_info rs_roles_track(const rs_roles *r, size_t i)
{
    rs_track_info t = {0};
    if (i < r->track_count)
        t = (rs_track_info){r->tracks[i].id, r->tracks[i].name};
    return t;
}

/* ---- nearest names -------------------------------------------------------- */

#define S_NEAR_MAX 64   /* bytes of a name compared; the rest is ignored */
#define S_ID_EDITS 2    /* a misspelt id is at most this many edits from the id */

static unsigned char S_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Edit distance of the first S_NEAR_MAX bytes of a and b, case folded,
 * over the longer length: 0 the same, 1 nothing shared. */
static double S_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    n = n > S_NEAR_MAX ? S_NEAR_MAX : n;
    m = m > S_NEAR_MAX ? S_NEAR_MAX : m;
    if (!n || !m)
        return 1;
    unsigned row[S_NEAR_MAX + 1];
    for (size_t j = 0; j <= m; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= m; j++) {
            unsigned up = row[j];
            unsigned cost = S_lower((unsigned char)a[i - 1]) != S_lower((unsigned char)b[j - 1]);
            unsigned best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return (double)row[m] / (double)(n > m ? n : m);
}

size_t rs__roles_nearest(const rs_roles *r, const char *text, size_t *out, size_t max)
{
    double near[8];
    size_t k = 0;
    max = max > 8 ? 8 : max;
    for (size_t i = 0; text && i < r->role_count; i++) {
        const rs_role_def *d = &r->roles[i];
        double best = S_distance(text, d->id);
        for (size_t t = 0; t < d->title_count; t++) {
            double x = S_distance(text, d->titles[t]);
            best = x < best ? x : best;
        }
        size_t at = k < max ? k++ : max;   /* insertion into the sorted few */
        while (at > 0 && near[at - 1] > best) {
            if (at < max) {
                near[at] = near[at - 1];
                out[at] = out[at - 1];
            }
            at--;
        }
        if (at < max) {
            near[at] = best;
            out[at] = i;
        }
    }
    return k;
}

/* Written as an id is: lowercase letters and digits, words joined by '-'. */
static bool S_id_shaped(const char *s)
{
    bool dash = false;
    for (const char *p = s; *p; p++) {
        if (*p == '-')
            dash = true;
        else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            return false;
    }
    return dash && *s && *s != '-';
}

size_t rs__roles_id_near(const rs_roles *r, const char *text)
{
    if (!text || !S_id_shaped(text) || rs_roles_find(r, text) != RS_NOT_FOUND)
        return RS_NOT_FOUND;
    size_t best = RS_NOT_FOUND;
    double best_edits = S_ID_EDITS + 0.5;
    for (size_t i = 0; i < r->role_count; i++) {
        size_t n = strlen(text), m = strlen(r->roles[i].id);
        double edits = S_distance(text, r->roles[i].id) * (double)(n > m ? n : m);
        if (edits < best_edits)
            best_edits = edits, best = i;
    }
    return best;
}

bool rs__roles_practice(const rs_roles *r, size_t track, size_t skill)
{
    if (track >= r->track_count)
        return false;
    const rs_track_def *t = &r->tracks[track];
    for (size_t i = 0; i < t->practice_count; i++)
        if (t->practice[i] == skill)
            return true;
    return false;
}
