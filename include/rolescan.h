/*
 * rolescan.h — the one public header of librolescan.
 *
 * The pipeline, one stage per type, in the order this header reads:
 *   bytes --rs_text_from_bytes--> rs_text (UTF-8, original line ends)   1 input
 *         --rs_document_new-----> rs_document (normalized + offset map) 2 normalize
 *         --rs_document_tokens--> tokens (inside the document)          3 tokenize
 *         --rs_scan_run---------> rs_scan (skills found, with evidence) 4 scan
 *         --rs_analyze----------> rs_analysis (scope, rung, roles, gaps) 5 analyze
 *         --rs_match_run--------> rs_match (a resume against a posting) 6 compare
 *         --rs_report_*---------> rs_report (what a reader is shown)    7 render
 *         --rs_render-----------> text, JSON, CSV, HTML
 * with the knowledge they read (an rs_lexicon of skills, the rs_roles of
 * the ladder) loaded first. rs_run_file and rs_run_string do stages 1 to 5
 * in one call.
 *
 * Ownership: every object returned by an rs_*_new / rs_*_load / rs_*_run
 * function belongs to the caller, who frees it with the matching rs_*_free
 * (which accepts NULL). Strings returned by accessors are owned by the object
 * they come from and live as long as it does. The library never prints and
 * never exits: failures return an rs_status and leave a message in the
 * rs_error the caller passed in.
 *
 * Threads: an rs_lexicon is immutable once loaded and may be shared by any
 * number of threads; documents and scans belong to one thread at a time.
 */
#ifndef ROLESCAN_H
#define ROLESCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define RS_EXPORT __declspec(dllexport)
#else
#define RS_EXPORT __attribute__((visibility("default")))
#endif

#define RS_VERSION "0.1.0"   /* the header's; rs_version() is the library's */

/* The version of the library linked at run time ("0.1.0"); a program
 * built against another header can compare it with RS_VERSION. */
RS_EXPORT const char *rs_version(void);

/* ---- status and errors ---------------------------------------------------- */

typedef enum rs_status {
    RS_OK = 0,
    RS_ERR_NOMEM,       /* an allocation failed */
    RS_ERR_IO,          /* a file could not be opened or read */
    RS_ERR_TOO_LARGE,   /* input over the size limit */
    RS_ERR_BINARY,      /* input is not text (NUL bytes, image, archive) */
    RS_ERR_ENCODING,    /* undecodable input (e.g. odd-length UTF-16) */
    RS_ERR_LEXICON,     /* a lexicon file is malformed or invalid */
    RS_ERR_REGEX,       /* a lexicon pattern failed to compile or hit a limit */
    RS_ERR_LIMIT,       /* a work limit on hostile input was reached */
    RS_ERR_ARG,         /* a caller passed an invalid argument */
    RS_ERR_FORMAT       /* a document format this build cannot read, or a
                           corrupt, encrypted or textless document */
} rs_status;

/* A human-readable name of a status code; static storage. */
RS_EXPORT const char *rs_strerror(rs_status status);

/* Where and what went wrong. The caller owns it (usually on the stack);
 * functions that fail fill it in. file may be empty; line and column are
 * 1-based, 0 when unknown. The only public struct with fixed text fields:
 * an error must be reportable when memory has run out (longer text is cut). */
typedef struct rs_error {
    rs_status status;
    char file[256];
    unsigned line;
    unsigned column;
    char message[512];
    int os_error;        /* the errno of a failed system call (RS_ERR_IO), else 0 */
} rs_error;

/* A stable name for what went wrong, for programs reading JSON:
 * "not_found", "permission", "is_directory", "io", "too_large", "binary",
 * "encoding", "format", "lexicon", "pattern", "limit", "argument",
 * "out_of_memory" ("ok" for RS_OK). */
RS_EXPORT const char *rs_error_code(const rs_error *err);

/* Option structs start with abi_version: set it to RS_ABI_VERSION (zero
 * today, so a zero-initialised struct has it). A library refuses options
 * of another version with RS_ERR_ARG instead of misreading them. */
#define RS_ABI_VERSION 0

/* ---- set-up --------------------------------------------------------------- */

/* Initializes the libraries rolescan uses (libxml2's parser and its global
 * tables) so that several threads may then use rolescan at once. Call it once,
 * from one thread, before starting others; calling it again is harmless. */
RS_EXPORT void rs_global_init(void);

/* ---- allocation ----------------------------------------------------------- */

/* Replaces malloc/realloc/free for all of librolescan (for fault-injection
 * tests and embedding). Pass NULLs to restore the C library's. Call before
 * any other rs_ function, never while objects are alive. */
RS_EXPORT void rs_set_allocator(void *(*malloc_fn)(size_t),
                                void *(*realloc_fn)(void *, size_t),
                                void (*free_fn)(void *));

/* ---- knowledge: skill lexicons -------------------------------------------- */

typedef struct rs_lexicon rs_lexicon;

/* Loads and validates every skill lexicon (*.xml) in `dir`, compiles its
 * patterns (JIT) and builds the matcher. On failure err names the file,
 * line and problem. */
RS_EXPORT rs_status rs_lexicon_load(const char *dir, rs_lexicon **out,
                                    rs_error *err);
RS_EXPORT void rs_lexicon_free(rs_lexicon *lex);

/* The lexicon set's version ("2026.11.0"; versions joined with '+' when
 * files differ) and a content hash ("fnv1a64:<16 hex>") of its files. */
RS_EXPORT const char *rs_lexicon_version(const rs_lexicon *lex);
RS_EXPORT const char *rs_lexicon_hash(const rs_lexicon *lex);

typedef struct rs_lexicon_stats {
    size_t files;
    size_t skills;
    size_t aliases;
    size_t patterns;
    size_t stops;
    size_t cues;
} rs_lexicon_stats;
RS_EXPORT rs_lexicon_stats rs_lexicon_get_stats(const rs_lexicon *lex);

typedef struct rs_skill_info {
    const char *id;
    const char *name;
    const char *category;
    const char *family;     /* skills that stand in for each other share one
                               ("cloud-platform"); NULL when none */
    const char *file;       /* lexicon file it came from */
    size_t alias_count;
    size_t implies_count;
} rs_skill_info;

RS_EXPORT size_t rs_lexicon_skill_count(const rs_lexicon *lex);
RS_EXPORT rs_skill_info rs_lexicon_skill(const rs_lexicon *lex, size_t index);
/* Index of a skill id, or (size_t)-1. */
RS_EXPORT size_t rs_lexicon_find(const rs_lexicon *lex, const char *id);

typedef struct rs_alias_info {
    const char *term;      /* as written in the lexicon */
    int needs_context;     /* context="tech" */
    int exact_case;        /* case="exact" */
} rs_alias_info;
RS_EXPORT rs_alias_info rs_lexicon_alias(const rs_lexicon *lex, size_t skill,
                                         size_t alias);
RS_EXPORT const char *rs_lexicon_implied(const rs_lexicon *lex, size_t skill,
                                         size_t i);

/* The categories in display order; NULL-terminated static array. */
RS_EXPORT const char *const *rs_categories(void);
RS_EXPORT const char *rs_category_label(const char *category);

/* ---- knowledge: roles and the ladder -------------------------------------- */

/* The roles lexicon: tracks, roles on rungs 1 (junior) to 8 (CTO), their
 * titles, weighted skills, salary bands, advice and scope cues. Loaded from
 * the *.xml files of a folder whose root is <roles> (urn:rolescan:roles:1),
 * validated against the schema compiled into rolescan; skill references
 * are checked against `skills`, which must outlive the roles. */
typedef struct rs_roles rs_roles;

RS_EXPORT rs_status rs_roles_load(const char *dir, const rs_lexicon *skills,
                                  rs_roles **out, rs_error *err);
RS_EXPORT void rs_roles_free(rs_roles *roles);
RS_EXPORT const char *rs_roles_version(const rs_roles *roles);

/* ---- knowledge: the compiled cache ---------------------------------------- */

/* Loading a lexicon folder means parsing, validating and compiling its XML
 * (tens of milliseconds). With a cache folder, the compiled result is kept
 * in one file per folder content, keyed by this build's data layout and
 * version and by every lexicon file's path and bytes, and read back in one
 * pass. A file that is stale is never picked (another key names another
 * file); one that is truncated or damaged is detected by its checksum and
 * bounds, and rebuilt. Files are written atomically (temporary file and
 * rename), so several processes may share a cache folder. The cache is
 * trusted as far as the user's own cache folder is: what its checksum and
 * bounds do not catch, a file written on purpose to mislead, is read. */
typedef struct rs_load_options {
    unsigned abi_version;    /* RS_ABI_VERSION */
    const char *cache_dir;   /* created when missing; NULL: no cache */
} rs_load_options;

typedef enum rs_cache_state {
    RS_CACHE_OFF = 0,        /* loaded from the XML, no cache asked for */
    RS_CACHE_HIT,            /* read from its cache file */
    RS_CACHE_BUILT,          /* no cache file yet: compiled and written */
    RS_CACHE_REBUILT,        /* the cache file was damaged: compiled, rewritten */
    RS_CACHE_UNWRITABLE      /* compiled; the cache folder could not be written
                                (read-only, full): the next run compiles again */
} rs_cache_state;

/* rs_lexicon_load and rs_roles_load through the cache of opts (NULL opts
 * or cache_dir: the plain loads). A failure to write the cache is not an
 * error (see the state); errors in the lexicon are reported as by the plain
 * loads, since a folder that does not load is never cached. */
RS_EXPORT rs_status rs_lexicon_load_with(const char *dir, const rs_load_options *opts,
                                         rs_lexicon **out, rs_error *err);
RS_EXPORT rs_status rs_roles_load_with(const char *dir, const rs_lexicon *skills,
                                       const rs_load_options *opts, rs_roles **out,
                                       rs_error *err);
/* How the object was loaded. */
RS_EXPORT rs_cache_state rs_lexicon_cache_state(const rs_lexicon *lex);
RS_EXPORT rs_cache_state rs_roles_cache_state(const rs_roles *roles);

typedef enum rs_weight {
    RS_WEIGHT_NICE = 1,
    RS_WEIGHT_IMPORTANT = 2,
    RS_WEIGHT_CORE = 3
} rs_weight;

typedef struct rs_role_skill {
    size_t skill;          /* index into the skill lexicon */
    rs_weight weight;
    const char *why;       /* may be NULL */
} rs_role_skill;

typedef struct rs_role_info {
    const char *id;
    const char *title;
    const char *track;       /* track id */
    const char *track_name;
    int rung;                /* 1..8 */
    const char *summary;
    size_t title_count;      /* rs_roles_title() */
    size_t responsibility_count;
    size_t skill_count;      /* rs_roles_skill() */
    size_t advice_count;     /* rs_roles_advice() */
    size_t lateral_count;    /* rs_roles_lateral() */
    long salary_min;         /* 0 when the sources give no band */
    long salary_max;
    const char *salary_currency;
    const char *salary_region;  /* where the figures hold ("US") */
    const char *salary_source;
} rs_role_info;

RS_EXPORT size_t rs_roles_count(const rs_roles *roles);
RS_EXPORT rs_role_info rs_roles_role(const rs_roles *roles, size_t role);
RS_EXPORT size_t rs_roles_find(const rs_roles *roles, const char *id);
RS_EXPORT const char *rs_roles_title(const rs_roles *roles, size_t role, size_t i);
RS_EXPORT const char *rs_roles_responsibility(const rs_roles *roles, size_t role,
                                              size_t i);
RS_EXPORT rs_role_skill rs_roles_skill(const rs_roles *roles, size_t role, size_t i);
RS_EXPORT const char *rs_roles_advice(const rs_roles *roles, size_t role, size_t i);
/* Index of a lateral-move role. */
RS_EXPORT size_t rs_roles_lateral(const rs_roles *roles, size_t role, size_t i);
/* The role one rung up the same track (the nearest higher rung; past the
 * top of a track, the backend ladder's), or (size_t)-1 at the top. */
RS_EXPORT size_t rs_roles_next(const rs_roles *roles, size_t role);

typedef struct rs_track_info {
    const char *id;
    const char *name;
} rs_track_info;
RS_EXPORT size_t rs_roles_track_count(const rs_roles *roles);
RS_EXPORT rs_track_info rs_roles_track(const rs_roles *roles, size_t i);

/* ---- stage 1, input: decoding bytes into UTF-8 text ----------------------- */

#define RS_DEFAULT_MAX_INPUT (16u * 1024u * 1024u)

typedef enum rs_encoding {
    RS_ENC_UTF8 = 0,
    RS_ENC_UTF8_BOM,
    RS_ENC_UTF16LE,
    RS_ENC_UTF16BE,
    RS_ENC_UTF8_REPAIRED,   /* invalid sequences replaced by U+FFFD */
    RS_ENC_WINDOWS_1252     /* whole input read as Windows-1252 */
} rs_encoding;

/* Decoded text: valid UTF-8, NUL-terminated, line ends as in the input. */
typedef struct rs_text rs_text;

/* Decodes bytes by this rule: a UTF-8 BOM is dropped; a UTF-16 BOM selects
 * UTF-16 LE/BE; otherwise the bytes are UTF-8 if valid. Invalid UTF-8 is read
 * as Windows-1252 when it has no valid multi-byte sequence or more invalid
 * bytes than valid multi-byte sequences, else each invalid byte becomes
 * U+FFFD. Either repair sets a warning naming the first bad byte. NUL bytes
 * (outside UTF-16) and known binary signatures are refused. `name` is used
 * in messages only. Returns a new rs_text in *out (caller frees). */
RS_EXPORT rs_status rs_text_decode(const char *name, const unsigned char *bytes,
                                   size_t len, size_t max_len, rs_text **out,
                                   rs_error *err);

/* Reads a whole file ("-" = stdin) and decodes it as above. */
RS_EXPORT rs_status rs_text_read_file(const char *path, size_t max_len,
                                      rs_text **out, rs_error *err);

/* ---- stage 1, input: document formats ------------------------------------- */

typedef enum rs_format {
    RS_FORMAT_AUTO = 0,          /* sniff */
    RS_FORMAT_TEXT,              /* plain text, Markdown */
    RS_FORMAT_HTML,
    RS_FORMAT_DOCX,
    RS_FORMAT_ODT,
    RS_FORMAT_PDF
} rs_format;

/* The format of a file's bytes, by content first: "%PDF-", a zip holding
 * word/document.xml (DOCX) or an OpenDocument text mimetype (ODT), HTML
 * markup at the start; then by the name's extension; else text. */
RS_EXPORT rs_format rs_format_sniff(const char *name, const unsigned char *bytes, size_t len);
/* "text", "html", "docx", "odt", "pdf" ("auto" for RS_FORMAT_AUTO); and
 * the other way round (RS_FORMAT_AUTO when unknown). */
RS_EXPORT const char *rs_format_name(rs_format format);
RS_EXPORT rs_format rs_format_from_name(const char *name);
/* Whether this build reads the format (DOCX/ODT need libzip, PDF
 * poppler-glib; both are CMake options on when found). */
RS_EXPORT int rs_format_supported(rs_format format);

/* Reads a document of any supported format from bytes into text:
 * text through rs_text_decode; HTML through rs_html_read; DOCX and ODT
 * paragraphs (and table cells, list items, headers, footers, text boxes)
 * one per line, tracked deletions dropped; PDF pages in reading order
 * (columns one after the other), separated by form feeds, so evidence
 * says page and line. RS_ERR_FORMAT for a format this build lacks, a
 * corrupt or encrypted document, a zip bomb, or a PDF with no text layer
 * (scanned), each with a message that says so. */
RS_EXPORT rs_status rs_text_from_bytes(const char *name, const unsigned char *bytes,
                                       size_t len, rs_format format, size_t max_len,
                                       rs_text **out, rs_error *err);
/* The same from a file ("-" = stdin). */
RS_EXPORT rs_status rs_text_read_any(const char *path, rs_format format, size_t max_len,
                                     rs_text **out, rs_error *err);

RS_EXPORT const char *rs_text_data(const rs_text *text);
RS_EXPORT size_t rs_text_length(const rs_text *text);
RS_EXPORT const char *rs_text_name(const rs_text *text);
RS_EXPORT rs_encoding rs_text_encoding(const rs_text *text);
RS_EXPORT const char *rs_encoding_name(rs_encoding enc);
/* The decoding warning, or NULL when the input was clean. */
RS_EXPORT const char *rs_text_warning(const rs_text *text);
/* Text the document hides from a reader and so is not read as its text:
 * DOCX runs marked hidden (w:vanish, w:webHidden), ODT hidden paragraphs
 * and text, HTML that is hidden or styled away (hidden, display:none,
 * visibility:hidden, font-size 0 or 1px, white text). Skills written only
 * there are not counted; the scan warns "hidden text: N words, skills
 * ...". NULL when the document hides nothing. */
RS_EXPORT const char *rs_text_hidden(const rs_text *text);
/* A file name as every output shows it: a name may be any bytes, so each
 * byte that is not valid UTF-8, and each control character, is written
 * as the text \xNN. Into buf (always NUL-terminated, cut to size);
 * returns buf. */
RS_EXPORT const char *rs_name_shown(const char *name, char *buf, size_t size);
RS_EXPORT void rs_text_free(rs_text *text);

/* ---- stage 1, input: HTML postings ---------------------------------------- */

/* What an HTML posting says about itself beyond its text: the title and
 * required experience of a schema.org JobPosting in JSON-LD, when present
 * (else the <title> or first <h1>). Strings are the caller's: free with
 * rs_html_info_free(). */
typedef struct rs_html_info {
    const char *title;               /* NULL when none */
    const char *experience;          /* JobPosting experienceRequirements, or NULL */
    int has_json_ld;                 /* a JobPosting was found and used */
} rs_html_info;

/* Reads HTML (bytes in any encoding libxml2's HTML parser detects; UTF-8
 * by default) into plain text for the pipeline: script, style, noscript,
 * template, nav, footer, header's nav, aside and svg dropped (forms
 * stay: ASP.NET pages wrap the whole body in one); block
 * elements (p, div, li, tr, h1-h6, br, section, article, table cells...)
 * end lines, list items start with "- ", table cells on their own lines;
 * entities decoded; runs of blanks folded; at most 2 blank lines in a row.
 * When a JobPosting is present in <script type="application/ld+json"> (a
 * single object, an array, or an @graph), its title, description (itself
 * HTML, read the same way) and experienceRequirements make the text instead
 * of the page body: "title\n\ndescription\n\nexperience". Malformed HTML is
 * read as far as libxml2 recovers it; a document with no text is refused
 * (RS_ERR_ENCODING, "no text in HTML"). `max_len` limits input bytes. */
RS_EXPORT rs_status rs_html_read(const char *name, const unsigned char *bytes,
                                 size_t len, size_t max_len, rs_text **out,
                                 rs_html_info *info, rs_error *err);

/* Frees the strings of an rs_html_info filled by rs_html_read and clears
 * it (accepts NULL). */
RS_EXPORT void rs_html_info_free(rs_html_info *info);

/* ---- stage 2: normalization with an offset map ---------------------------- */

/* A document: the text, its normalized form for matching (NFKC, case
 * folded, accents stripped, default-ignorables dropped, words hyphenated
 * across a line end joined) and a map from every normalized byte back to
 * the original byte it came from. Takes ownership of `text`, even on
 * failure. */
typedef struct rs_document rs_document;

RS_EXPORT rs_status rs_document_new(rs_text *text, rs_document **out,
                                    rs_error *err);
RS_EXPORT void rs_document_free(rs_document *doc);

RS_EXPORT const rs_text *rs_document_text(const rs_document *doc);
RS_EXPORT const char *rs_document_normalized(const rs_document *doc,
                                             size_t *len);
/* The original byte offset that normalized byte `norm_offset` came from
 * (norm_offset == length maps to the end of the original). */
RS_EXPORT size_t rs_document_original_offset(const rs_document *doc,
                                             size_t norm_offset);

/* 1-based line and column (in characters) of an original byte offset;
 * CRLF, CR and LF all end a line. */
typedef struct rs_position {
    unsigned line;
    unsigned column;
    unsigned page;           /* paged text (a PDF: pages end with a form feed):
                                1-based page, else 0 */
    unsigned page_line;      /* the line counted from the top of that page */
} rs_position;

RS_EXPORT rs_position rs_document_position(const rs_document *doc,
                                           size_t orig_offset);

/* ---- stage 3: tokens ------------------------------------------------------ */

typedef enum rs_token_kind {
    RS_TOKEN_WORD = 0,   /* a run of letters and digits */
    RS_TOKEN_PUNCT,      /* one punctuation or symbol character */
    RS_TOKEN_BARRIER     /* an e-mail address or URL: never matched */
} rs_token_kind;

/* A token over the normalized text. `glued` is set when no white space
 * separates it from the token before. 16 bytes: a document of 16 MiB may
 * hold millions. */
#define RS_TOKEN_MAX_LEN ((1u << 28) - 1)   /* a longer word is cut there */
typedef struct rs_token {
    uint64_t hash;
    uint32_t start;
    uint32_t len : 28;
    uint32_t kind : 3;       /* rs_token_kind */
    uint32_t glued : 1;
} rs_token;

/* Tokenizes the document (done once; later calls return the same array).
 * The array is owned by the document. */
RS_EXPORT rs_status rs_document_tokens(rs_document *doc,
                                       const rs_token **tokens,
                                       size_t *count, rs_error *err);

/* ---- stage 4: scan (skills found, with evidence) -------------------------- */

typedef struct rs_scan rs_scan;

/* One place a skill was found: where in the original text, and the original
 * words. For an implied skill, the evidence of the skill implying it. */
typedef struct rs_evidence {
    size_t orig_start;   /* byte range in rs_text_data() */
    size_t orig_end;
    unsigned line;
    unsigned column;
    unsigned page;       /* for paged text (PDF), else 0 */
    unsigned page_line;  /* line on that page */
} rs_evidence;

/* A skill keeps at most this many evidence entries per document; count
 * goes on counting past it (mentions past it that need tech context to
 * count are not checked, and not counted), so the work and the output of a
 * document repeating one skill stay bounded. */
#define RS_MAX_EVIDENCE_PER_SKILL 100

typedef struct rs_skill_hit {
    size_t skill;             /* index into the lexicon */
    size_t count;             /* direct matches, evidence_count or more */
    size_t evidence_count;
    const rs_evidence *evidence;
    size_t implied_by;        /* skill index, or (size_t)-1 when found */
} rs_skill_hit;

/* Finds every skill of `lex` in `doc`. The scan refers to both: keep them
 * alive while it is used. */
RS_EXPORT rs_status rs_scan_run(const rs_lexicon *lex, rs_document *doc,
                                rs_scan **out, rs_error *err);
RS_EXPORT void rs_scan_free(rs_scan *scan);

/* Hits sorted by category order, then count (descending), then name. */
RS_EXPORT size_t rs_scan_hit_count(const rs_scan *scan);
RS_EXPORT const rs_skill_hit *rs_scan_hit(const rs_scan *scan, size_t i);
/* Warnings raised while matching (e.g. a pattern hit its match limit). */
RS_EXPORT size_t rs_scan_warning_count(const rs_scan *scan);
RS_EXPORT const char *rs_scan_warning(const rs_scan *scan, size_t i);

/* Copies the original text of an evidence span, white space runs folded to
 * one space, into buf (always NUL-terminated, truncated to size). */
RS_EXPORT size_t rs_evidence_text(const rs_document *doc,
                                  const rs_evidence *ev, char *buf,
                                  size_t size);
/* The original line holding an evidence span, trimmed, folded and cut to
 * at most `size - 1` bytes on a character boundary. */
RS_EXPORT size_t rs_evidence_context(const rs_document *doc,
                                     const rs_evidence *ev, char *buf,
                                     size_t size);

/* Whether a mention claims the skill. A resume claims nothing by "I do
 * not write JavaScript" (negated) nor by "familiar with Rust", "exposure
 * to Kafka", "currently learning Go" (familiar); a posting that negates a
 * skill does not ask for it. Read from the mention's clause in doc. */
typedef enum rs_claim {
    RS_CLAIM_STATED = 0,
    RS_CLAIM_NEGATED,
    RS_CLAIM_FAMILIAR
} rs_claim;
RS_EXPORT rs_claim rs_evidence_claim(const rs_document *doc, const rs_evidence *ev);
/* "stated", "negated" or "familiar". */
RS_EXPORT const char *rs_claim_name(rs_claim c);
/* Does any mention of a found skill claim it? An implied skill is claimed
 * when the skill implying it is. */
RS_EXPORT int rs_hit_claimed(const rs_document *doc, const rs_skill_hit *hit);

/* ---- stage 5, analysis: dates and years of experience --------------------- */

typedef struct rs_date {
    int year;
    int month;    /* 1..12 */
} rs_date;

/* "2026-11", "2026-11-22" or "Nov 2026"; returns 0 when not a date. */
RS_EXPORT int rs_date_parse(const char *text, rs_date *out);
/* This month (UTC). */
RS_EXPORT rs_date rs_date_today(void);

/* ---- stage 5, analysis: sections ------------------------------------------ */

/* What a document is, for reading its sections. */
typedef enum rs_doc_kind {
    RS_DOC_RESUME = 0,
    RS_DOC_POSTING
} rs_doc_kind;

typedef enum rs_section_kind {
    RS_SECTION_OTHER = 0,        /* text that cannot be placed: kept, never lost */
    /* resumes */
    RS_SECTION_SUMMARY,
    RS_SECTION_EXPERIENCE,
    RS_SECTION_SKILLS,
    RS_SECTION_EDUCATION,
    RS_SECTION_CERTIFICATIONS,
    RS_SECTION_PROJECTS,
    /* postings */
    RS_SECTION_TITLE,            /* the posting's first line when no heading precedes it */
    RS_SECTION_RESPONSIBILITIES,
    RS_SECTION_REQUIREMENTS,     /* must have */
    RS_SECTION_PREFERRED,        /* nice to have */
    RS_SECTION_BENEFITS,         /* benefits, perks, compensation */
    RS_SECTION_BOILERPLATE       /* about the company, equal opportunity, how to apply */
} rs_section_kind;

/* One section: from its heading line to the line before the next heading.
 * Lines are 1-based lines of the original text. */
typedef struct rs_section {
    rs_section_kind kind;
    unsigned first_line;         /* the heading's line (or the first line of text) */
    unsigned last_line;          /* inclusive */
    size_t orig_start;           /* byte range in rs_text_data() */
    size_t orig_end;
    int has_heading;             /* 0 for the text before any heading, a
                                    posting's title line and an unheaded
                                    equal-opportunity paragraph */
} rs_section;

/* "experience", "requirements", ... (static storage). */
RS_EXPORT const char *rs_section_name(rs_section_kind kind);

/* Splits a document into sections from its headings and their common
 * variants ("Work Experience", "What you'll do", "Nice to have", "About
 * us", "## Requirements", "SKILLS", "Requirements:" with text after the
 * colon). Every line belongs to exactly one section, in order; the first
 * section starts at line 1; an empty text gives no section (RS_OK). At
 * most 4,096 sections: past that, headings no longer split. *out is the
 * caller's (rs_free). */
RS_EXPORT rs_status rs_sections_find(const rs_document *doc, rs_doc_kind kind,
                                     rs_section **out, size_t *count, rs_error *err);

/* ---- stage 5, analysis: title recognition --------------------------------- */

/* A job title read from text: its track and rung, and the role they lead
 * to. `exact` is set when the words equal a title the roles lexicon lists. */
typedef struct rs_title_match {
    size_t role;             /* index, or (size_t)-1 when not engineering */
    int rung;
    int exact;
    size_t norm_start;       /* span in the normalized text */
    size_t norm_end;
    int track_unclear;       /* no word of the title names a track ("Senior
                                Engineer"): role is the backend ladder's
                                role at that rung, the skills decide */
} rs_title_match;

/* Reads one title ("Sr. SWE II", "VP Eng", "CTO & Co-founder",
 * "Software Engineer (Backend)"). The text is known to be a title, so a
 * job board's short forms read too ("DevOps", "Middle Java"). Returns 1
 * and fills *out when the text is an engineering title, 0 when not, -1 on
 * allocation failure. */
RS_EXPORT int rs_roles_parse_title(const rs_roles *roles, const char *title,
                                   rs_title_match *out);

/* ---- stage 5: analysis ---------------------------------------------------- */

typedef struct rs_analysis rs_analysis;

typedef struct rs_requirements rs_requirements;   /* rs_requirements_read() */

typedef struct rs_analysis_options {
    unsigned abi_version;   /* RS_ABI_VERSION */
    rs_date as_of;          /* what "present" means; {0,0} = today */
    const char *target;     /* role id or title to score against, or NULL */
    size_t top;             /* closest roles to keep (0 = 5) */
    /* the document's requirements when already read: the skills it names
     * only to say they are not needed are taken from them instead of
     * reading every mention again; NULL reads them here */
    const rs_requirements *asked;
} rs_analysis_options;

/* A title found in the document, with its place. */
typedef struct rs_found_title {
    rs_title_match match;
    unsigned line;
    int current;             /* the person's current (or the posting's) title */
} rs_found_title;

/* A date range of experience, as written, or a position's duration
 * written without dates ("(3.5 years)"). */
typedef struct rs_range {
    rs_date start;
    rs_date end;
    int open_ended;          /* "present" */
    unsigned line;
    size_t orig_start;       /* original text of the range */
    size_t orig_end;
    int undated;             /* a duration: start and end only measure it
                                (year 0), they are no dates */
} rs_range;

/* What a piece of level evidence is. */
typedef enum rs_evidence_kind {
    RS_EVIDENCE_TITLE = 0,        /* the current title */
    RS_EVIDENCE_TITLE_LEVEL,      /* the level a first line states alone */
    RS_EVIDENCE_PAST_TITLE,
    RS_EVIDENCE_EXPERIENCE,       /* years of experience */
    RS_EVIDENCE_SCOPE,            /* a skill or phrase of scope (budget, hiring) */
    RS_EVIDENCE_RESPONSIBILITY    /* the language of the work done */
} rs_evidence_kind;
/* "title", "title level", "past title", "experience", "scope",
 * "responsibility"; static storage. */
RS_EXPORT const char *rs_evidence_kind_name(rs_evidence_kind kind);

/* One piece of evidence for the level: what, where and which rung it says. */
typedef struct rs_level_evidence {
    rs_evidence_kind kind;
    const char *text;        /* owned by the analysis (at most 159 bytes):
                                the document's own words where it quotes
                                the text ("Mobile Developer — Kettle & Co"
                                is quoted as "Mobile Developer"), else a
                                summary ("8.2 years of experience") */
    const char *role_title;  /* the role the quoted title reads as, owned
                                by the roles; NULL for other evidence */
    unsigned line;           /* 0 when not one place */
    int rung;
    double weight;
} rs_level_evidence;

typedef struct rs_role_score {
    size_t role;
    double score;            /* 0..100, see docs/scoring.md */
    double coverage;         /* weighted share of the role's skills found */
    double title_fit;        /* 0..1 */
    double level_fit;        /* 0..1 */
    size_t matched;          /* role skills found */
    size_t total;            /* role skills */
} rs_role_score;

RS_EXPORT rs_status rs_analyze(const rs_roles *roles, const rs_lexicon *lex,
                               const rs_document *doc, const rs_scan *scan,
                               const rs_analysis_options *opts,
                               rs_analysis **out, rs_error *err);
RS_EXPORT void rs_analysis_free(rs_analysis *a);

/* Whether the text is about software engineering; if not, why. */
RS_EXPORT int rs_analysis_in_scope(const rs_analysis *a, const char **why);
RS_EXPORT size_t rs_analysis_title_count(const rs_analysis *a);
RS_EXPORT const rs_found_title *rs_analysis_title(const rs_analysis *a, size_t i);
RS_EXPORT size_t rs_analysis_range_count(const rs_analysis *a);
RS_EXPORT const rs_range *rs_analysis_range(const rs_analysis *a, size_t i);
/* Months of experience from the merged date ranges, and years stated in
 * phrases like "7+ years" (0 when none). */
RS_EXPORT long rs_analysis_months(const rs_analysis *a);
RS_EXPORT int rs_analysis_stated_years(const rs_analysis *a);
/* The level the document's title states on the rung scale (1..8), in any
 * field, in scope or not: the current engineering title's rung, else the
 * first line read as a title ("Sales Director" 6, "Marketing Intern" 1;
 * 2 when it names no level); 0 for an empty document. */
RS_EXPORT int rs_analysis_seniority(const rs_analysis *a);
/* Estimated rung (0 when out of scope) and confidence 0..1. */
RS_EXPORT int rs_analysis_rung(const rs_analysis *a, double *confidence);
/* Why the document is or is not about engineering, in a sentence that
 * quotes its evidence; owned by the analysis. */
RS_EXPORT const char *rs_analysis_scope_reason(const rs_analysis *a);
/* The engineering evidence the scope decision adds up (docs/scoring.md):
 * the text is in scope when total >= needed. */
typedef struct rs_scope_evidence {
    double title;            /* the current engineering title's weight */
    double work;             /* engineering work described (signals) */
    double skills;           /* skills of engineering kinds, as counted (capped) */
    double skills_found;     /* the same before the cap */
    double other_job;        /* minus the weight of a headline job outside engineering */
    double total;            /* title + work + skills + other_job */
    double needed;           /* lower for a text naming no job and no dated positions */
} rs_scope_evidence;
RS_EXPORT rs_scope_evidence rs_analysis_scope_evidence(const rs_analysis *a);
/* 1 when no title names the track, the text does not describe one track's
 * own work (1x1s and direct reports name management) and few of any
 * role's skills were found (the closest role's coverage under 20%): the
 * track is a guess, and renderers say so. */
RS_EXPORT int rs_analysis_track_unclear(const rs_analysis *a);
RS_EXPORT size_t rs_analysis_evidence_count(const rs_analysis *a);
RS_EXPORT const rs_level_evidence *rs_analysis_evidence(const rs_analysis *a,
                                                        size_t i);
/* Closest roles, best first (a target asked for takes its own place). */
RS_EXPORT size_t rs_analysis_role_count(const rs_analysis *a);
RS_EXPORT const rs_role_score *rs_analysis_role(const rs_analysis *a, size_t i);
/* The role asked for with rs_analysis_options.target (its score from
 * rs_analysis_score_role), or (size_t)-1 when none was asked for or the
 * document is out of scope. */
RS_EXPORT size_t rs_analysis_target(const rs_analysis *a);
/* Is skill `skill` found (directly or implied) in the document? */
RS_EXPORT int rs_analysis_has_skill(const rs_analysis *a, size_t skill);

/* The skills of `role` the document lacks, most important first (core,
 * important, nice; in the order the role lists them); at most max. */
RS_EXPORT size_t rs_analysis_missing(const rs_analysis *a, size_t role,
                                     rs_role_skill *out, size_t max);

/* Whose resume it is: the name its first lines give, as written
 * ("TOMASZ KOWALCZYK", "# Marco Bellini", "Résumé — Daniel Okafor"), in
 * *out (its byte range in rs_text_data(), line, column, page). Only the
 * lines before the first section heading are read, and a line naming a
 * job ("ENGLISH TEACHER", "Senior Software Engineer") or a skill of the
 * document's scan (NULL: none) is never a name. Needs the document tokenized (rs_document_tokens). Returns 1 when found,
 * 0 when the first lines name no one, -1 when out of memory. */
RS_EXPORT int rs_document_person(const rs_roles *roles, const rs_document *doc,
                                 const rs_scan *scan, rs_evidence *out);

/* What a document's first line that is not blank says it is: a
 * posting's title ("Backend Developer (Java / Spring Boot)"), the Markdown
 * marks at its ends, the separators around it and a label ("Job title:")
 * dropped, cut to cap - 1 bytes on a character boundary, into out.
 * Returns its length, 0 for an empty document. */
RS_EXPORT size_t rs_document_heading(const rs_document *doc, char *out, size_t cap);

/* Score of any role (for the next rung, lateral moves). */
RS_EXPORT rs_role_score rs_analysis_score_role(const rs_analysis *a, size_t role);
/* A lateral move is within reach when the text shows at least this share
 * of its weighted skills. */
#define RS_LATERAL_REACH 0.4
/* The lateral moves of role within reach, most skills shown first, into
 * out (at most max); returns how many. */
RS_EXPORT size_t rs_analysis_laterals(const rs_analysis *a, size_t role, size_t *out,
                                      size_t max);

/* ---- stage 6, compare: a posting's requirements, a resume against a posting --- */

/* How a posting asks for a skill. */
typedef enum rs_req_kind {
    RS_REQ_MUST = 0,             /* requirements, title, responsibilities, the rest */
    RS_REQ_PREFERRED             /* only under "nice to have" or marked "a plus" */
} rs_req_kind;

/* One skill the posting asks for, how much it counts and why, and what the
 * resume shows of it. */
typedef struct rs_requirement {
    size_t skill;                /* lexicon index */
    rs_req_kind kind;
    double weight;               /* section weight + 0.5 per extra mention (<= +1) */
    rs_section_kind section;     /* the section that gave the weight */
    unsigned line;               /* its first counted mention in the posting */
    size_t mentions;             /* counted mentions (negated ones are not) */
    int years_required;          /* "5+ years of Go"; 0 when none */
    /* the resume */
    int have;                    /* found, directly or implied */
    int in_experience;           /* named in a position's (or project's) text */
    int skills_only;             /* named only in the Skills section */
    size_t related;              /* not named, but the resume names a skill near
                                    it (a lexicon index; of its family, or the
                                    language of the framework asked), or
                                    (size_t)-1 */
    int familiar;                /* named only as known in passing ("familiar
                                    with Rust", "exposure to Kafka"): not
                                    claimed, a little credit */
    int by_role;                 /* not named, but the practice of the resume's
                                    own track at the rung asked ("Backend
                                    Development" for a backend developer) */
    double years_used;           /* over the positions naming it, overlaps merged */
    rs_date last_used;           /* end of the latest such position; {0,0} none */
    double credit;               /* 0..1, see docs/scoring.md */
    /* alternatives ("Airflow or Dagster", "BigQuery, Snowflake or
     * Redshift", "such as A, B"): members share a group (1, 2, ...; 0 when
     * the skill stands alone), the group counts once in the score and is
     * met by its best member */
    size_t group;
    size_t met_by;               /* the member that meets the group (a lexicon
                                    index), or (size_t)-1; for a lone skill,
                                    itself when had */
    double group_credit;         /* the group's credit: its best member's */
} rs_requirement;

/* A position read from the resume's experience: its dates and the title
 * and employer written with them. */
typedef struct rs_job {
    rs_date start, end;
    int open_ended;
    unsigned line;               /* the line of its dates */
    unsigned first_line, last_line;   /* the lines that describe it */
    const char *title;           /* as written (at most 119 bytes), or "";
                                    owned by the match */
    const char *employer;        /* the same for the employer */
    int undated;                 /* its length written without dates: start
                                    and end only measure it */
} rs_job;

/* The match score (docs/scoring.md) and its parts, each 0..1. */
/* score = must × w_must + preferred × w_preferred + fit × w_fit + years ×
 * w_years (docs/scoring.md). The requirement weights are 55 and 15; with
 * no preferred list its 15 go to the must-haves; they shrink when the
 * posting names few skills (none: 0), so what the posting does not show
 * is never a free full score. note says why when a part is held back. */
/* What a posting asks for, read once (the same reading match, classify,
 * report --job and the batch summary use): the posting side of an
 * rs_requirement per skill asked for (the resume fields are 0), in scan
 * order, and the skills it names only to say they are not needed ("No
 * Java required"). posting and scan must be alive while reading only;
 * the result owns its data. */
RS_EXPORT rs_status rs_requirements_read(const rs_lexicon *lex, const rs_document *posting,
                                         const rs_scan *scan, rs_requirements **out,
                                         rs_error *err);
RS_EXPORT void rs_requirements_free(rs_requirements *r);
RS_EXPORT size_t rs_requirements_count(const rs_requirements *r);
/* The years of experience asked of the candidate (the most under its
 * requirements; never a preferred section's, the company's age or a team's
 * history), 0 when none; *line (may be NULL) its line. */
RS_EXPORT int rs_requirements_years(const rs_requirements *r, unsigned *line);
RS_EXPORT const rs_requirement *rs_requirements_get(const rs_requirements *r, size_t i);
RS_EXPORT size_t rs_requirements_negated_count(const rs_requirements *r);
/* A negated skill's lexicon index, or (size_t)-1 past the end. */
RS_EXPORT size_t rs_requirements_negated(const rs_requirements *r, size_t i);

typedef struct rs_match_score {
    double score;                /* 0..100 */
    double must;                 /* must-have weight covered, 0..1 */
    double preferred;            /* preferred weight covered, 0..1 */
    double fit;                  /* track and rung fit, 0..1; 0 out of scope */
    double years;                /* overall years against the years asked, 0..1 */
    double w_must, w_preferred, w_fit, w_years;   /* the weights applied */
    const char *note;            /* NULL, or why a part is held back; static */
} rs_match_score;

typedef struct rs_match rs_match;

/* One side of a match: a document with its scan and analysis (made with
 * the same lexicons and roles) and, for a posting, its requirements when
 * already read (rs_requirements_read; NULL reads them in the match). */
typedef struct rs_match_input {
    const rs_document *doc;
    const rs_scan *scan;
    const rs_analysis *analysis;
    const rs_requirements *asked;
} rs_match_input;

/* Matches a resume against one posting. The match keeps no pointer to
 * either side. rs_result_match_input gives a side from a one-call result. */
RS_EXPORT rs_status rs_match_run(const rs_roles *roles, const rs_lexicon *lex,
                                 const rs_match_input *resume, const rs_match_input *posting,
                                 rs_match **out, rs_error *err);
RS_EXPORT void rs_match_free(rs_match *m);
RS_EXPORT rs_match_score rs_match_get_score(const rs_match *m);
/* What the posting asks for: missing must-haves first (heaviest first),
 * then missing preferred, then what the resume covers. */
RS_EXPORT size_t rs_match_requirement_count(const rs_match *m);
/* 1 when the resume meets the requirement: the skill itself or, for one of
 * a group of alternatives, another member (met_by says which). */
RS_EXPORT int rs_requirement_met(const rs_requirement *q);
/* Where a requirement is listed: 0 a missing must-have, 1 a missing
 * preferred skill, 2 met. */
RS_EXPORT int rs_requirement_standing(const rs_requirement *q);
/* 1 when requirement i is listed for itself: it stands alone, or it is the
 * member of its group of alternatives that meets it (else the first);
 * lists show the other members beside it. */
RS_EXPORT int rs_match_requirement_leads(const rs_match *m, size_t i);
RS_EXPORT const rs_requirement *rs_match_requirement(const rs_match *m, size_t i);
/* Skills the posting names only to say they are not needed ("no Java
 * required"), as lexicon indices. */
RS_EXPORT size_t rs_match_negated_count(const rs_match *m);
RS_EXPORT size_t rs_match_negated(const rs_match *m, size_t i);
/* Suggestions true to the resume ("you list Kubernetes only under Skills;
 * the posting requires it: show where you used it"). */
RS_EXPORT size_t rs_match_suggestion_count(const rs_match *m);
RS_EXPORT const char *rs_match_suggestion(const rs_match *m, size_t i);
/* The resume's positions, and the posting's sections and level. */
RS_EXPORT size_t rs_match_job_count(const rs_match *m);
RS_EXPORT const rs_job *rs_match_job(const rs_match *m, size_t i);
RS_EXPORT size_t rs_match_section_count(const rs_match *m, int posting);
RS_EXPORT const rs_section *rs_match_section(const rs_match *m, int posting, size_t i);
/* The posting's title as read (or ""), its rung and role (or -1), and the
 * resume's rung and closest role. */
RS_EXPORT const char *rs_match_posting_title(const rs_match *m);
RS_EXPORT int rs_match_posting_rung(const rs_match *m);
RS_EXPORT size_t rs_match_posting_role(const rs_match *m);
RS_EXPORT int rs_match_resume_rung(const rs_match *m);
RS_EXPORT size_t rs_match_resume_role(const rs_match *m);
RS_EXPORT int rs_match_years_required(const rs_match *m);
RS_EXPORT double rs_match_resume_years(const rs_match *m);
/* Each side's warnings (posting 0: the resume's; 1: the posting's): its
 * text's decoding warning, then its scan's (hidden text, reading cut
 * short), copied when the match was made. */
RS_EXPORT size_t rs_match_warning_count(const rs_match *m, int posting);
RS_EXPORT const char *rs_match_warning(const rs_match *m, int posting, size_t i);

/* One posting of a match run: the match, or the error reading it. */
typedef struct rs_match_result {
    const char *name;            /* the posting's file */
    const rs_match *match;
    const rs_error *error;
} rs_match_result;

/* ---- one call: a file or a string to a scan or an analysis ---------------- */

/* Options of rs_run_file and rs_run_string: start from RS_RUN_OPTIONS_INIT
 * (or zero) and set what you need. */
typedef struct rs_run_options {
    unsigned abi_version;    /* RS_ABI_VERSION */
    rs_doc_kind kind;        /* RS_DOC_RESUME; RS_DOC_POSTING reads the
                                posting's requirements first and analyses
                                with them (rs_result_requirements) */
    rs_format format;        /* RS_FORMAT_AUTO: sniffed from the bytes */
    size_t max_len;          /* input bytes; 0 = RS_DEFAULT_MAX_INPUT */
    rs_date as_of;           /* what "present" means; {0,0} = today */
    const char *target;      /* role to score against, or NULL */
    size_t top;              /* closest roles kept (0 = 5) */
} rs_run_options;
#define RS_RUN_OPTIONS_INIT {RS_ABI_VERSION, RS_DOC_RESUME, RS_FORMAT_AUTO, 0, {0, 0}, NULL, 0}

/* What one call made: the document (which owns the text), its scan, and,
 * when roles were given, its analysis (and a posting's requirements). All
 * are owned by the result and live until rs_result_free. */
typedef struct rs_result rs_result;

/* Reads a file ("-" = stdin) of any supported format, normalizes, scans
 * with lex and, when roles is not NULL, analyses it. opts may be NULL
 * (RS_RUN_OPTIONS_INIT). On failure *out is NULL and err says why. */
RS_EXPORT rs_status rs_run_file(const rs_lexicon *lex, const rs_roles *roles, const char *path,
                                const rs_run_options *opts, rs_result **out, rs_error *err);
/* The same from a text already read (rs_text_read_any, rs_text_from_bytes,
 * rs_text_decode), which the call takes, failed or not. */
RS_EXPORT rs_status rs_run_text(const rs_lexicon *lex, const rs_roles *roles, rs_text *text,
                                const rs_run_options *opts, rs_result **out, rs_error *err);
/* The same from bytes in memory; `name` is used in messages and evidence. */
RS_EXPORT rs_status rs_run_string(const rs_lexicon *lex, const rs_roles *roles,
                                  const char *name, const char *bytes, size_t len,
                                  const rs_run_options *opts, rs_result **out,
                                  rs_error *err);
RS_EXPORT const rs_document *rs_result_document(const rs_result *r);
RS_EXPORT const rs_scan *rs_result_scan(const rs_result *r);
/* NULL when no roles were given. */
RS_EXPORT const rs_analysis *rs_result_analysis(const rs_result *r);
/* A posting's requirements (kind RS_DOC_POSTING with roles), else NULL. */
RS_EXPORT const rs_requirements *rs_result_requirements(const rs_result *r);
/* The result as one side of a match (rs_match_run). */
RS_EXPORT rs_match_input rs_result_match_input(const rs_result *r);
RS_EXPORT void rs_result_free(rs_result *r);

/* ---- stage 7, render: what a report is made of ---------------------------- */

/* One input of a scan run: either doc and scan (success) or error. */
typedef struct rs_scan_result {
    const char *name;
    const rs_document *doc;
    const rs_scan *scan;
    const rs_error *error;
} rs_scan_result;

/* One input of a score run: doc, scan and analysis, or error. */
typedef struct rs_score_result {
    const char *name;
    const rs_document *doc;
    const rs_scan *scan;
    const rs_analysis *analysis;
    const rs_error *error;
} rs_score_result;

/* One posting's classification, as `rolescan classify` writes it: either
 * analysis (with its scan) or error is set. */
typedef struct rs_classification {
    const char *id;              /* record id, or the file path */
    const rs_scan *scan;
    const rs_analysis *analysis;
    const rs_error *error;
    const char *warning;         /* e.g. a decoding repair; may be NULL */
    int spans;                   /* JSON Lines: add "matches", each found
                                    skill's id and byte range in the text read */
    int timed;                   /* JSON Lines: add "micros" below */
    long micros;                 /* time spent on this posting, microseconds */
    const rs_requirements *asked;   /* the posting's requirements: the skills
                                       listed are those it asks for (never one
                                       it says is not needed); NULL lists every
                                       skill found */
} rs_classification;




/* A roll-up of classified postings: counts per track and rung, the skills
 * asked for per rung, and a table of the postings (the first max_rows) and
 * of every error (the first max_rows). Feed it in input order; it is not
 * thread-safe. */
typedef struct rs_batch rs_batch;

/* What became of one posting. */
typedef enum rs_row_status {
    RS_ROW_OK = 0,
    RS_ROW_OUT_OF_SCOPE,         /* read, but not an engineering posting */
    RS_ROW_ERROR                 /* could not be read */
} rs_row_status;
/* "ok", "out_of_scope" or "error", as CSV and JSON Lines write it; static. */
RS_EXPORT const char *rs_row_status_name(rs_row_status status);

/* One posting as the summary keeps it (strings are copied). */
#define RS_ROW_FILE 1
#define RS_ROW_FILE_LINE 2

typedef struct rs_batch_row {
    const char *id;
    rs_row_status status;
    const char *track;           /* track id, or NULL */
    int rung;                    /* 0 when none */
    const char *role_title;      /* closest role, or NULL */
    double score;
    const size_t *skills;        /* skills asked for (lexicon indices) */
    size_t skill_count;
    const char *message;         /* the error or out-of-scope reason, or NULL */
    int is_file;                 /* RS_ROW_FILE: id is a local path, linked in
                                    HTML; RS_ROW_FILE_LINE: id is "path:line",
                                    a record named after its file; 0: the
                                    record's own id. HTML shows a path by its
                                    file's own name. */
    const char *title;           /* the posting's own title
                                    (rs_document_heading), or NULL */
} rs_batch_row;

/* The row of a classification (skills left empty: the caller lists them
 * from the scan). Strings point into c and roles. */
RS_EXPORT rs_batch_row rs_classification_row(const rs_roles *roles,
                                             const rs_classification *c);

/* NULL when out of memory. max_rows 0 = 10,000. */
RS_EXPORT rs_batch *rs_batch_new(const rs_roles *roles, const rs_lexicon *lex,
                                 size_t max_rows);
RS_EXPORT rs_status rs_batch_add(rs_batch *batch, const rs_batch_row *row, rs_error *err);
RS_EXPORT void rs_batch_free(rs_batch *batch);

/* ---- stage 7, render: reports, then formats -------------------------------- */

/* Every product is built once as a report, which makes each choice a
 * reader sees (the closest role, the next rung, the gaps, the ladder, the
 * skills by category, a row's fields); rs_render then writes it in any of
 * its formats, each a function of the report alone. A report borrows its
 * inputs: the results array and everything it points to must outlive it. */
typedef struct rs_report rs_report;

typedef enum rs_output {
    RS_OUTPUT_TEXT = 0,   /* readable text; classify: the aligned table */
    RS_OUTPUT_JSON,       /* scan, score, match: one document
                             (docs/schema/{scan,score,match}.schema.json) */
    RS_OUTPUT_JSONL,      /* classify, score, match: one JSON object per line */
    RS_OUTPUT_CSV,        /* match, classify: RFC 4180 */
    RS_OUTPUT_HTML        /* score (one document), batch: a self-contained page */
} rs_output;

#define RS_RENDER_COLOR 1u          /* ANSI colour (text) */
#define RS_RENDER_ALL_EVIDENCE 2u   /* every evidence line (scan text) */
#define RS_RENDER_NO_ERRORS 4u      /* text: leave out the inputs that failed and
                                       the warnings, which the caller shows
                                       elsewhere (a terminal's stderr) */

typedef struct rs_report_options {
    unsigned abi_version;    /* RS_ABI_VERSION */
    rs_date as_of;           /* shown in the footer; {0,0} = today */
    const rs_match *match;   /* adds the match view (report --job); or NULL */
    const char *job_name;    /* the posting's file, with match */
} rs_report_options;
#define RS_REPORT_OPTIONS_INIT {RS_ABI_VERSION, {0, 0}, NULL, NULL}

/* Each builder takes opts NULL for RS_REPORT_OPTIONS_INIT and, on failure,
 * leaves *out NULL and says why in err. */
RS_EXPORT rs_status rs_report_scan(const rs_lexicon *lex, const rs_scan_result *results,
                                   size_t count, const rs_report_options *opts,
                                   rs_report **out, rs_error *err);
RS_EXPORT rs_status rs_report_score(const rs_roles *roles, const rs_lexicon *lex,
                                    const rs_score_result *results, size_t count,
                                    const rs_report_options *opts, rs_report **out,
                                    rs_error *err);
/* A resume against postings, best first as given. */
RS_EXPORT rs_status rs_report_match(const rs_roles *roles, const rs_lexicon *lex,
                                    const char *resume_name, const rs_match_result *results,
                                    size_t count, const rs_report_options *opts,
                                    rs_report **out, rs_error *err);
/* One posting as `rolescan classify` writes it. */
RS_EXPORT rs_status rs_report_classification(const rs_roles *roles, const rs_lexicon *lex,
                                             const rs_classification *c, rs_report **out,
                                             rs_error *err);
/* The roll-up of a batch (`classify --summary`, `--report`). */
RS_EXPORT rs_status rs_report_batch(const rs_batch *batch, const rs_report_options *opts,
                                    rs_report **out, rs_error *err);

/* Writes a report in one format; flags are RS_RENDER_*. RS_ERR_ARG when
 * the product has no such format (scan: text, JSON; score: text, JSON,
 * HTML; match: text, JSON, CSV; classification: text, CSV, JSON Lines;
 * batch: text, HTML). The HTML score report is one self-contained page
 * (inline CSS and SVG, no script, a strict Content-Security-Policy) built as
 * a libxml2 tree, where input text is only ever a text node. *out is
 * NUL-terminated and the caller's: free it with rs_free(). */
RS_EXPORT rs_status rs_render(const rs_report *report, rs_output format, unsigned flags,
                              char **out, size_t *len, rs_error *err);
RS_EXPORT void rs_report_free(rs_report *report);

/* The header line of classify's format (the CSV header, the table's column
 * names, "" for JSON Lines); static storage. */
RS_EXPORT const char *rs_classify_header(rs_output format);

/* Frees memory the library handed to the caller (rendered output). */
RS_EXPORT void rs_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif /* ROLESCAN_H */
