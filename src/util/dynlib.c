/* dynlib.c — opening a library on first use; see dynlib.h. */
#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Every symbol into its slot; false (and why) at the first one missing. */
static bool S_resolve(rs_dynlib *lib, void *handle)
{
    for (size_t i = 0; lib->symbols[i]; i++) {
        void *sym = dlsym(handle, lib->symbols[i]);
        if (!sym) {
            snprintf(lib->why, sizeof lib->why, "%s has no %s", lib->soname, lib->symbols[i]);
            return false;
        }
        memcpy(&lib->fns[i], &sym, sizeof lib->fns[i]);   /* POSIX: a symbol may be a function */
    }
    return true;
}

static void S_open(rs_dynlib *lib)
{
    void *handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *e = dlerror();
        snprintf(lib->why, sizeof lib->why, "%s", e ? e : lib->soname);
    } else if (!S_resolve(lib, handle)) {
        dlclose(handle);
        handle = NULL;
    }
    lib->state = handle ? 1 : -1;   /* a loaded library stays for the process */
}

rs_status rs__dynlib_load(rs_dynlib *lib, const char *name, const char *what, rs_error *err)
{
    pthread_mutex_lock(&lib->lock);
    if (!lib->state)
        S_open(lib);
    int state = lib->state;
    pthread_mutex_unlock(&lib->lock);
    if (state > 0)
        return RS_OK;
    return rs__fail(err, RS_ERR_FORMAT, name, 0,
                    "reading %s needs %s, which is not installed or not usable (%s); "
                    "install it (apt-get install %s) or convert the file to text",
                    what, lib->soname, lib->why, lib->package);
}
