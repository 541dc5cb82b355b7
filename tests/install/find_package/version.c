/* The generated version header agrees with the library it came with. */
#include <rolescan.h>
#include <rolescan_version.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", RS_VERSION_MAJOR, RS_VERSION_MINOR,
             RS_VERSION_PATCH);
    printf("header %s (%d), library %s\n", want, RS_VERSION_NUMBER, rs_version());
    return strcmp(want, rs_version()) == 0 && strcmp(want, RS_VERSION) == 0 ? 0 : 1;
}
