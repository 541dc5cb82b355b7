/* support.h — what several unit tests share: the shipped lexicons loaded
 * once per test program (cmocka group setup/teardown). Include after
 * <cmocka.h>; the including file defines nothing of the same names. */
#ifndef RS_TEST_SUPPORT_H
#define RS_TEST_SUPPORT_H

#include "rolescan.h"

static rs_lexicon *S_lex;
static rs_roles *S_roles;

/* Loads the skills and roles of RS_LEXICONS into S_lex and S_roles. */
static int setup(void **state)
{
    (void)state;
    rs_error err = {0};
    if (rs_lexicon_load(RS_LEXICONS, &S_lex, &err) != RS_OK) {
        print_error("skills: %s:%u: %s\n", err.file, err.line, err.message);
        return -1;
    }
    if (rs_roles_load(RS_LEXICONS, S_lex, &S_roles, &err) != RS_OK) {
        print_error("roles: %s:%u: %s\n", err.file, err.line, err.message);
        rs_lexicon_free(S_lex);
        S_lex = NULL;   /* cmocka still runs teardown: no second free */
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rs_roles_free(S_roles);
    rs_lexicon_free(S_lex);
    return 0;
}

#endif
