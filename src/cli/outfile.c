/* outfile.c — where -o and --report write. A regular file, or a name not
 * yet taken, is replaced atomically: written to a temporary file beside
 * it, renamed over it only when complete, and the temporary file removed
 * on every error and on SIGINT, SIGTERM or SIGHUP. A character or block
 * device, a FIFO or a socket is written directly, as a shell redirection
 * would (renaming over /dev/null would replace the device). A symbolic
 * link is followed: the file it names is replaced, the link stays. A
 * folder is refused. */
#define _XOPEN_SOURCE 700
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temporary files removed on a signal --------------------------------- */

/* The temporary files being written (at most -o and --report at once),
 * for the handler; a slot is in use when its first byte is not NUL. */
enum { S_SLOTS = 4 };
static char S_pending[S_SLOTS][PATH_MAX + 32];
static const int S_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void S_on_signal(int sig)
{
    for (int i = 0; i < S_SLOTS; i++)
        if (S_pending[i][0])
            unlink(S_pending[i]);   /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Runs with the signals blocked, so the handler never sees a half-copied
 * name. */
static void S_block(sigset_t *old, bool block)
{
    if (!block) {
        pthread_sigmask(SIG_SETMASK, old, NULL);
        return;
    }
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof S_signals / sizeof *S_signals; i++)
        sigaddset(&set, S_signals[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static void S_install(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    for (size_t i = 0; i < sizeof S_signals / sizeof *S_signals; i++) {
        struct sigaction sa, was;
        if (sigaction(S_signals[i], NULL, &was) == 0 && was.sa_handler == SIG_IGN)
            continue;   /* ignored (nohup): stays ignored */
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = S_on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(S_signals[i], &sa, NULL);
    }
}

static int S_register(const char *tmp)
{
    sigset_t old;
    S_block(&old, true);
    S_install();
    int slot = -1;
    for (int i = 0; i < S_SLOTS && slot < 0; i++)
        if (!S_pending[i][0] && strlen(tmp) < sizeof S_pending[i]) {
            memcpy(S_pending[i], tmp, strlen(tmp) + 1);
            slot = i;
        }
    S_block(&old, false);
    return slot;
}

static void S_unregister(int slot)
{
    if (slot < 0)
        return;
    sigset_t old;
    S_block(&old, true);
    S_pending[slot][0] = '\0';
    S_block(&old, false);
}

/* ---- the target ------------------------------------------------------------ */

/* name with symbolic links followed (up to 40, as the kernel allows),
 * whether or not the last one names an existing file: a new string. */
static char *S_follow(const char *name)
{
    char *path = strdup(name);
    for (int hops = 0; path && hops < 40; hops++) {
        struct stat st;
        if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
            return path;
        char link[PATH_MAX];
        ssize_t n = readlink(path, link, sizeof link - 1);
        if (n < 0) {
            free(path);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(path, '/');
        if (link[0] == '/' || !slash) {
            next = strdup(link);
        } else {   /* relative to the link's folder */
            size_t dir = (size_t)(slash - path) + 1;
            next = malloc(dir + (size_t)n + 1);
            if (next) {
                memcpy(next, path, dir);
                memcpy(next + dir, link, (size_t)n + 1);
            }
        }
        free(path);
        path = next;
    }
    if (path)
        errno = ELOOP;
    free(path);
    return NULL;
}

int cli_outfile_open(cli_outfile *o, const char *name)
{
    memset(o, 0, sizeof *o);
    o->name = name;
    o->slot = -1;
    if (!(o->target = S_follow(name))) {
        if (errno == ENOMEM)
            return RS_EXIT_INTERNAL;
        fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n", name,
                strerror(errno));
        return RS_EXIT_OUTPUT;
    }
    struct stat st;
    bool exists = stat(o->target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "rolescan: %s: error: cannot write output: is a folder\n", name);
        cli_outfile_discard(o);
        return RS_EXIT_OUTPUT;
    }
    if (exists && !S_ISREG(st.st_mode)) {   /* device, FIFO, socket: write in place */
        int fd = open(o->target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
            fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n", name,
                    strerror(errno));
            if (fd >= 0)
                close(fd);
            cli_outfile_discard(o);
            return RS_EXIT_OUTPUT;
        }
        return RS_EXIT_OK;
    }
    size_t n = strlen(o->target) + 16;
    if (!(o->tmp = malloc(n))) {
        cli_outfile_discard(o);
        return RS_EXIT_INTERNAL;
    }
    snprintf(o->tmp, n, "%s.tmp.XXXXXX", o->target);
    int fd = mkstemp(o->tmp);
    if (fd >= 0) {
        o->slot = S_register(o->tmp);
        /* mkstemp makes 0600: the new file gets the mode the old one had,
         * or the usual one */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
    }
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        fprintf(stderr, "rolescan: %s: error: cannot write output: %s\n", name,
                strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        cli_outfile_discard(o);
        return RS_EXIT_OUTPUT;
    }
    return RS_EXIT_OK;
}

bool cli_outfile_seal(cli_outfile *o)
{
    if (!o->f)
        return false;
    bool ok = fflush(o->f) == 0 && (!o->tmp || fsync(fileno(o->f)) == 0);
    int saved = errno;
    ok = fclose(o->f) == 0 && ok;
    o->f = NULL;
    if (!ok && saved)
        errno = saved;
    return ok;
}

bool cli_outfile_commit(cli_outfile *o)
{
    bool ok = !o->tmp || rename(o->tmp, o->target) == 0;
    int saved = errno;
    if (ok && o->tmp) {
        S_unregister(o->slot);
        free(o->tmp);
        o->tmp = NULL;
    }
    cli_outfile_discard(o);
    errno = saved;
    return ok;
}

void cli_outfile_discard(cli_outfile *o)
{
    int saved = errno;
    if (o->f)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    S_unregister(o->slot);
    free(o->tmp);
    free(o->target);
    o->f = NULL;
    o->tmp = o->target = NULL;
    o->slot = -1;
    errno = saved;
}
