/* scan_string.c — the skills in a string, one call deep.
 *
 *     cc scan_string.c $(pkg-config --cflags --libs rolescan) -o scan_string
 *     ./scan_string LEXICON_DIR "Backend in Python and Go on Amazon EKS."
 *
 * Prints one skill per line: its id, and where it was found (or which skill
 * implies it). */
#include <rolescan.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s LEXICON_DIR TEXT\n", argv[0]);
        return 2;
    }
    rs_error err = {0};
    rs_lexicon *lex = NULL;
    rs_result *res = NULL;
    int rc = 1;
    if (rs_lexicon_load(argv[1], &lex, &err) ||
        rs_run_string(lex, NULL, "text", argv[2], strlen(argv[2]), NULL, &res, &err))
        goto done;
    const rs_scan *scan = rs_result_scan(res);
    for (size_t i = 0; i < rs_scan_hit_count(scan); i++) {
        const rs_skill_hit *h = rs_scan_hit(scan, i);
        if (h->implied_by != (size_t)-1)
            printf("%s (implied by %s)\n", rs_lexicon_skill(lex, h->skill).id,
                   rs_lexicon_skill(lex, h->implied_by).id);
        else
            printf("%s (column %u)\n", rs_lexicon_skill(lex, h->skill).id,
                   h->evidence[0].column);
    }
    rc = 0;
done:
    if (rc)
        fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.message);
    rs_result_free(res);
    rs_lexicon_free(lex);
    return rc;
}
