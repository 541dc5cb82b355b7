/* failmalloc.c — an LD_PRELOAD shim that makes the Nth heap allocation of
 * a process fail, to see how a whole program (the rolescan CLI, with its
 * own mallocs, libxml2's, PCRE2's and libc's) behaves when
 * memory runs out.
 *
 *   FAILMALLOC_N=N        fail the Nth malloc/calloc/realloc/reallocarray
 *                         (counted from 1); unset or 0: fail none (count only)
 *   FAILMALLOC_MODE=once  fail only the Nth (default)
 *   FAILMALLOC_MODE=persist  fail the Nth and every one after it
 *   FAILMALLOC_REPORT=FILE   at exit, write "calls failed" to FILE (how many
 *                         allocations were counted and how many failed), so
 *                         a driver can learn how many a clean run makes
 *   FAILMALLOC_WHERE=1    at the first failure, write to stderr where it
 *                         was: "failmalloc: allocation #N failed in: f < g <
 *                         ..." (the exported functions on the stack, found
 *                         with dladdr; a driver uses it to tell a fault of
 *                         a library underneath from rolescan's own); and on
 *                         a crash, "failmalloc: signal S in: ..." (the
 *                         stack's functions, or their object files where
 *                         the function is not exported)
 *
 * Counting starts when this library's constructor has run, so the dynamic
 * loader's own allocations (before libc is set up) are never failed. The
 * calls forward to glibc's __libc_malloc & co. (no dlsym, which itself
 * allocates); free, memalign and friends are glibc's own and work on those
 * blocks unchanged. Not for sanitizer builds: ASan replaces malloc too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static volatile int S_active;              /* set by the constructor */
static int S_where;
static unsigned long long S_fail_at;       /* 0 = never */
static int S_persist;
static unsigned long long S_calls, S_failed;  /* atomics */
static char S_report[4096];

static void S_on_crash(int sig);

/* Parses a decimal number without calling anything that could allocate. */
static unsigned long long S_number(const char *s)
{
    unsigned long long v = 0;
    while (s && *s >= '0' && *s <= '9')
        v = v * 10 + (unsigned long long)(*s++ - '0');
    return v;
}

__attribute__((constructor)) static void S_init(void)
{
    S_fail_at = S_number(getenv("FAILMALLOC_N"));
    const char *mode = getenv("FAILMALLOC_MODE");
    S_persist = mode && strcmp(mode, "persist") == 0;
    const char *report = getenv("FAILMALLOC_REPORT");
    if (report && strlen(report) < sizeof S_report)
        strcpy(S_report, report);
    const char *where = getenv("FAILMALLOC_WHERE");
    S_where = where && *where == '1';
    if (S_where) {   /* backtrace() loads libgcc_s (and allocates) on first use */
        void *warm[4];
        (void)backtrace(warm, 4);
        static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
        for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = S_on_crash;
            sa.sa_flags = SA_RESETHAND | SA_NODEFER;
            sigaction(sigs[i], &sa, NULL);
        }
    }
    __atomic_store_n(&S_active, 1, __ATOMIC_SEQ_CST);
}

/* Writes the counts with plain syscalls (malloc may be failing). */
__attribute__((destructor)) static void S_fini(void)
{
    if (!S_report[0])
        return;
    char line[64], digits[24];
    size_t n = 0;
    unsigned long long v[2] = {__atomic_load_n(&S_calls, __ATOMIC_SEQ_CST),
                               __atomic_load_n(&S_failed, __ATOMIC_SEQ_CST)};
    for (int k = 0; k < 2; k++) {
        size_t d = 0;
        do
            digits[d++] = (char)('0' + v[k] % 10);
        while ((v[k] /= 10) != 0);
        while (d)
            line[n++] = digits[--d];
        line[n++] = k ? '\n' : ' ';
    }
    int fd = open(S_report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ssize_t w = write(fd, line, n);
        (void)w;
        close(fd);
    }
}

static void S_put(const char *p)
{
    ssize_t w = write(STDERR_FILENO, p, strlen(p));
    (void)w;
}

static const char *S_digits(unsigned long long n, char *buf, size_t size)
{
    char *p = buf + size - 1;
    *p = '\0';
    do
        *--p = (char)('0' + n % 10);
    while ((n /= 10) != 0 && p > buf);
    return p;
}

/* " a < b < c\n" for the stack from frame `skip` on: exported function
 * names, else the object file ("[rolescan]"); repeats folded. */
static void S_put_stack(int skip, int objects)
{
    void *frames[48];
    int count = backtrace(frames, 48);
    const char *last = NULL;
    for (int i = skip; i < count; i++) {
        Dl_info info;
        if (!dladdr(frames[i], &info))
            continue;
        const char *name = info.dli_sname;
        if (!name && objects && info.dli_fname) {
            const char *slash = strrchr(info.dli_fname, '/');
            name = slash ? slash + 1 : info.dli_fname;
        }
        if (!name || (last && strcmp(name, last) == 0))
            continue;
        S_put(last ? " < " : " ");
        if (!info.dli_sname)
            S_put("[");
        S_put(name);
        if (!info.dli_sname)
            S_put("]");
        last = name;
    }
    S_put("\n");
}

/* "failmalloc: allocation #N failed in: a < b < c\n", without allocating. */
static void S_tell_where(unsigned long long n)
{
    char num[24];
    S_put("failmalloc: allocation #");
    S_put(S_digits(n, num, sizeof num));
    S_put(" failed in:");
    S_put_stack(2, 0);   /* from malloc (or calloc, realloc) on */
}

/* "failmalloc: signal S in: ..." then the default action (a core, the
 * signal as the exit status). */
static void S_on_crash(int sig)
{
    char num[24];
    S_put("failmalloc: signal ");
    S_put(S_digits((unsigned long long)sig, num, sizeof num));
    S_put(" in:");
    S_put_stack(2, 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Called at each injected failure: `break failmalloc_injected` in gdb
 * (with `set startup-with-shell off`, or the shell's mallocs fail too). */
__attribute__((noinline)) void failmalloc_injected(unsigned long long n);
__attribute__((noinline)) void failmalloc_injected(unsigned long long n)
{
    __asm__ volatile("" ::"r"(n) : "memory");
}

static int S_fail(void)
{
    if (!__atomic_load_n(&S_active, __ATOMIC_RELAXED))
        return 0;
    unsigned long long n = __atomic_add_fetch(&S_calls, 1, __ATOMIC_RELAXED);
    if (!S_fail_at || (S_persist ? n < S_fail_at : n != S_fail_at))
        return 0;
    if (__atomic_add_fetch(&S_failed, 1, __ATOMIC_RELAXED) == 1 && S_where)
        S_tell_where(n);
    failmalloc_injected(n);
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t size)
{
    return S_fail() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    return S_fail() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    /* realloc(p, 0) frees: not an allocation that can fail */
    if (p && size == 0)
        return __libc_realloc(p, size);
    return S_fail() ? NULL : __libc_realloc(p, size);
}

void *reallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n * size);
}
