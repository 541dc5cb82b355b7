/* score_file.c — where a resume stands on the ladder, with the evidence.
 *
 *     cc score_file.c $(pkg-config --cflags --libs rolescan) -o score_file
 *     ./score_file LEXICON_DIR resume.pdf
 *
 * Prints the rung and closest role, then each piece of evidence with the
 * line it was read from. */
#include <rolescan.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s LEXICON_DIR FILE\n", argv[0]);
        return 2;
    }
    rs_error err = {0};
    rs_lexicon *lex = NULL;
    rs_roles *roles = NULL;
    rs_result *res = NULL;
    int rc = 1;
    if (rs_lexicon_load(argv[1], &lex, &err) || rs_roles_load(argv[1], lex, &roles, &err) ||
        rs_run_file(lex, roles, argv[2], NULL, &res, &err))
        goto done;
    const rs_analysis *a = rs_result_analysis(res);
    double confidence = 0;
    int rung = rs_analysis_rung(a, &confidence);
    if (!rung) {
        printf("not about engineering: %s\n", rs_analysis_scope_reason(a));
    } else {
        const rs_role_score *best = rs_analysis_role(a, 0);
        printf("rung %d (%s), confidence %.2f\n", rung,
               best ? rs_roles_role(roles, best->role).title : "no role", confidence);
    }
    for (size_t i = 0; i < rs_analysis_evidence_count(a); i++) {
        const rs_level_evidence *e = rs_analysis_evidence(a, i);
        printf("  %-14s %s", rs_evidence_kind_name(e->kind), e->text);
        if (e->line)
            printf("  (line %u)", e->line);
        printf("  -> rung %d\n", e->rung);
    }
    rc = 0;
done:
    if (rc)
        fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.message);
    rs_result_free(res);
    rs_roles_free(roles);
    rs_lexicon_free(lex);
    return rc;
}
