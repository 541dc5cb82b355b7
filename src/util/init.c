/* init.c — process-wide set-up of the libraries underneath, done once
 * before threads start (see rs_global_init in rolescan.h). */
#include "internal.h"

#include <jansson.h>
#include <libxml/parser.h>

void rs_global_init(void)
{
    xmlInitParser();
    json_object_seed(0);   /* else the first objects race to seed the hash */
}

const char *rs_version(void) { return RS_VERSION; }
