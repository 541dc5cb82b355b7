/* A program built against the installed librolescan through pkg-config:
 * proves the header, library and lexicons install and work together. */
#include <rolescan.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    const char *s = "Backend in Python and Go on Amazon EKS.";
    rs_error err = {0};
    rs_lexicon *lex = NULL;
    rs_text *text = NULL;
    rs_document *doc = NULL;
    rs_scan *scan = NULL;
    if (rs_lexicon_load(argv[1], &lex, &err) ||
        rs_text_decode("consumer", (const unsigned char *)s, strlen(s), 0, &text, &err) ||
        rs_document_new(text, &doc, &err) || rs_scan_run(lex, doc, &scan, &err)) {
        fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.message);
        return 1;
    }
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++)
        printf("%s\n", rs_lexicon_skill(lex, rs_scan_hit(scan, i)->skill).id);
    rs_scan_free(scan);
    rs_document_free(doc);
    rs_lexicon_free(lex);
    return 0;
}
