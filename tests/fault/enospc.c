/* enospc.c — an LD_PRELOAD shim for a full disk: after ENOSPC_AFTER bytes
 * written to regular files (all such files of the process together),
 * every further write fails with ENOSPC, the last one that fits being cut
 * short, as on a real file system that fills up.
 *
 *   ENOSPC_AFTER=N   bytes allowed (unset: no limit)
 *
 * Two ways in: write(2) called directly on a regular file, and stdio
 * streams opened with fdopen(3) on a regular file (how rolescan writes
 * -o FILE and --report FILE: a temporary file from mkstemp, fdopen, fwrite,
 * fflush, fsync, fclose, rename). glibc's stdio writes through an internal
 * write that a preload cannot see, so such a stream is rebuilt with
 * fopencookie(3) around the descriptor, with this budget in its write
 * function; fileno(3) answers the descriptor for it, so fsync(fileno(f))
 * still works. Standard error and non-regular files (pipes, terminals,
 * /dev/null) are never limited; stdout redirected to a file is not
 * covered (use /dev/full for that). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long long S_left = -1;   /* bytes still allowed; -1 = unlimited */
static int S_ready;

static ssize_t (*S_real_write)(int, const void *, size_t);
static int (*S_real_fileno)(FILE *);

static void S_setup(void)
{
    if (S_ready)
        return;
    /* the POSIX way to take a function from dlsym without a cast ISO C frowns on */
    *(void **)&S_real_write = dlsym(RTLD_NEXT, "write");
    *(void **)&S_real_fileno = dlsym(RTLD_NEXT, "fileno");
    const char *v = getenv("ENOSPC_AFTER");
    if (v && *v)
        S_left = strtoll(v, NULL, 10);
    S_ready = 1;
}

__attribute__((constructor)) static void S_init(void) { S_setup(); }

static int S_limited(int fd)
{
    struct stat st;
    return fd != STDERR_FILENO && S_left >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/* The budgeted write: all of it, part of it (then ENOSPC next time), or
 * -1 with ENOSPC. */
static ssize_t S_write(int fd, const void *buf, size_t n)
{
    S_setup();
    if (!S_limited(fd))
        return S_real_write(fd, buf, n);
    if (n == 0)
        return 0;
    if (S_left == 0) {
        errno = ENOSPC;
        return -1;
    }
    size_t take = (long long)n > S_left ? (size_t)S_left : n;
    ssize_t w = S_real_write(fd, buf, take);
    if (w > 0)
        S_left -= w;
    return w;
}

ssize_t write(int fd, const void *buf, size_t n) { return S_write(fd, buf, n); }

/* ---- stdio streams over a regular file ---------------------------------- */

#define S_MAX_STREAMS 64

static struct {
    FILE *f;
    int fd;
} S_streams[S_MAX_STREAMS];

static ssize_t S_cookie_write(void *cookie, const char *buf, size_t n)
{
    int fd = (int)(long)cookie;
    size_t done = 0;
    while (done < n) {   /* stdio wants all of it, or an error */
        ssize_t w = S_write(fd, buf + done, n - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;   /* what fit stays in the file, as on a real disk */
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

static int S_cookie_close(void *cookie)
{
    int fd = (int)(long)cookie;
    for (int i = 0; i < S_MAX_STREAMS; i++)
        if (S_streams[i].f && S_streams[i].fd == fd)
            S_streams[i].f = NULL;
    return close(fd);
}

FILE *fdopen(int fd, const char *mode)
{
    S_setup();
    static FILE *(*real_fdopen)(int, const char *);
    if (!real_fdopen)
        *(void **)&real_fdopen = dlsym(RTLD_NEXT, "fdopen");
    if (!S_limited(fd) || !strpbrk(mode, "wa+"))
        return real_fdopen(fd, mode);
    int slot = -1;
    for (int i = 0; i < S_MAX_STREAMS && slot < 0; i++)
        if (!S_streams[i].f)
            slot = i;
    if (slot < 0)
        return real_fdopen(fd, mode);
    cookie_io_functions_t io = {NULL, S_cookie_write, NULL, S_cookie_close};
    FILE *f = fopencookie((void *)(long)fd, mode, io);
    if (f) {
        S_streams[slot].f = f;
        S_streams[slot].fd = fd;
    }
    return f;
}

int fileno(FILE *f)
{
    S_setup();
    for (int i = 0; i < S_MAX_STREAMS; i++)
        if (S_streams[i].f == f && f)
            return S_streams[i].fd;
    return S_real_fileno(f);
}
