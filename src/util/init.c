/* init.c — process-wide set-up of the libraries underneath, done once
 * before threads start (see rs_global_init in rolescan.h). */
#include "internal.h"

#include <libxml/parser.h>

void rs_global_init(void)
{
    xmlInitParser();
}

const char *rs_version(void) { return RS_VERSION; }
