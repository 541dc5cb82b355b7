/* libxml2_html_oom.c — the minimal reproduction of a libxml2 bug that
 * test_alloc_fail steps around: with libxml2 2.9.14 (Debian 12),
 * htmlReadMemory never returns once one allocation inside the HTML parser
 * has failed. The failure (htmlErrMemory) sets the parser's state to its
 * end; htmlParseStartTag then returns at once, and htmlParseContentInternal
 * tries the same '<' forever.
 *
 * For N = 1, 2, ... a child process parses a small page with allocation N
 * failing (only that one); a child still running after a second is the
 * loop. Exit status: 0 the loop is there (the spare in test_alloc_fail is
 * still needed), 1 no allocation made it loop (a libxml2 without the bug:
 * remove the spare), 77 nothing could be tried. */
#define _GNU_SOURCE
#include <libxml/HTMLparser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlversion.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long S_calls, S_fail_at;

static int S_fails(void) { return ++S_calls == S_fail_at; }

static void *S_malloc(size_t n) { return S_fails() ? NULL : malloc(n); }
static void *S_realloc(void *p, size_t n) { return S_fails() ? NULL : realloc(p, n); }
static char *S_strdup(const char *s) { return S_fails() ? NULL : strdup(s); }

static const char S_page[] = "<html><body><p class=\"a\">one</p><p class=\"b\">two</p>"
                             "</body></html>";

/* 0 returned, 1 still running after a second, -1 no child */
static int S_try(unsigned long n)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        alarm(1);
        S_calls = 0;
        S_fail_at = n;
        xmlDocPtr doc = htmlReadMemory(S_page, (int)sizeof S_page - 1, NULL, "UTF-8",
                                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                           HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        xmlFreeDoc(doc);
        _exit(S_calls < n ? 3 : 0);   /* 3: ran past every allocation */
    }
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        return 1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 3 ? 2 : 0;
}

static void S_quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

int main(void)
{
    if (xmlMemSetup(free, S_malloc, S_realloc, S_strdup) != 0)
        return 77;
    xmlInitParser();
    xmlSetStructuredErrorFunc(NULL, S_quiet);
    for (unsigned long n = 1; n < 10000; n++) {
        int r = S_try(n);
        if (r < 0)
            return 77;
        if (r == 1) {
            printf("libxml2 %s (run time %s): htmlReadMemory does not return when allocation %lu fails\n",
                   LIBXML_DOTTED_VERSION, xmlParserVersion, n);
            return 0;
        }
        if (r == 2)
            break;   /* every allocation tried */
    }
    printf("libxml2 %s (run time %s): htmlReadMemory returned whatever allocation failed: the spare of "
           "htmlParseDocument in test_alloc_fail is no longer needed\n",
           LIBXML_DOTTED_VERSION, xmlParserVersion);
    return 1;
}
