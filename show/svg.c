/* svg.c: DOT text laid out and drawn by Graphviz's own library (libgvc and
 * libcgraph): the layout is dot's, never one of xi's.
 *
 * Graphviz runs in a child process, which writes the SVG into a pipe and
 * exits.  Three reasons: Graphviz 2.42 leaks in its HTML-label parser on
 * every graph (about a hundred bytes a node), and its text layout keeps a
 * pointer into a freed context when a second one is made, so a long session
 * calling it in-process would grow and then read freed memory; and a layout
 * cannot be interrupted, but a child can be killed, so Ctrl-C stops it like
 * any other computation.  Graphviz's errors come back through the pipe as
 * xi's message instead of lines on stderr. */
#include "show/draw.h"

#include <errno.h>
#include <gvc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char graphviz_said[256]; /* (in the child) Graphviz's last error */

static int remember(char *msg) {
  size_t n = strlen(graphviz_said);
  snprintf(graphviz_said + n, sizeof graphviz_said - n, "%s", msg);
  return 0;
}

static int put_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return -1;
    s += k, n -= (size_t)k;
  }
  return 0;
}

/* "E" and why, Graphviz's words on one line without "Error: " */
static int failed(int fd, const char *what) {
  char msg[400], *s = graphviz_said;
  if (strncmp(s, "Error: ", 7) == 0)
    s += 7;
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = *(p + 1) ? ' ' : '\0';
  int n = snprintf(msg, sizeof msg, "EGraphviz could not %s the graph%s%s", what,
                   *s ? ": " : "", s);
  put_all(fd, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
  return 1;
}

/* the child's work: "S", the SVG and an end mark (^D), or "E" and why, into fd */
static int child(const char *dot, int fd) {
  agseterrf(remember);
  agseterr(AGERR); /* warnings (a font not found) are not xi's business */
  GVC_t *gvc = gvContext();
  if (!gvc)
    return failed(fd, "start on");
  Agraph_t *g = agmemread(dot);
  if (!g)
    return failed(fd, "read");
  if (gvLayout(gvc, g, "dot") != 0)
    return failed(fd, "lay out");
  char *data = NULL;
  unsigned int len = 0;
  if (gvRenderData(gvc, g, "svg", &data, &len) != 0 || !data)
    return failed(fd, "draw");
  int rc = put_all(fd, "S", 1) || put_all(fd, data, len) || put_all(fd, "\004", 1);
  gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  gvFreeContext(gvc);
  return rc;
}

/* the child's answer into out, or why not; ^C kills it */
static int collect(pid_t pid, int fd, xiW_buf *out, char *why, size_t n) {
  char buf[65536];
  int stopped = 0;
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    if (xiO_stopped() || out->failed) {
      stopped = 1;
      kill(pid, SIGKILL);
      break;
    }
    if (poll(&p, 1, 100) <= 0)
      continue;
    ssize_t k = read(fd, buf, sizeof buf);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      break;
    xiW_str(out, buf, (size_t)k);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (stopped) {
    snprintf(why, n, "%s", out->failed ? xiW_why(out) : "interrupted");
    return -1;
  }
  /* "S", the SVG and an end mark: whole (the exit status is not asked:
     valgrind gives a child that leaked in Graphviz its own) */
  if (out->s && out->n > 1 && out->s[0] == 'S' && out->s[out->n - 1] == '\004') {
    out->s[--out->n] = '\0';
    memmove(out->s, out->s + 1, out->n); /* (the NUL too) */
    out->n--;
    return 0;
  }
  if (out->s && out->n > 0 && out->s[0] == 'E')
    snprintf(why, n, "%s", out->s + 1);
  else if (WIFSIGNALED(status))
    snprintf(why, n, "Graphviz stopped on signal %d", WTERMSIG(status));
  else
    snprintf(why, n, "Graphviz stopped without drawing the graph");
  return -1;
}

int xiV_svg(const char *dot, xiW_buf *out, char *why, size_t n) {
  int fd[2];
  if (pipe(fd) != 0) {
    snprintf(why, n, "cannot start Graphviz: %s", strerror(errno));
    return -1;
  }
  fflush(stdout); /* the child must not write what the parent has buffered */
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    snprintf(why, n, "cannot start Graphviz: %s", strerror(errno));
    close(fd[0]);
    close(fd[1]);
    return -1;
  }
  if (pid == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    close(fd[0]);
    _exit(child(dot, fd[1])); /* _exit: no atexit handlers, no stdio flushed twice */
  }
  close(fd[1]);
  xiW_buf got = {0};
  int rc = collect(pid, fd[0], &got, why, n);
  close(fd[0]);
  if (rc == 0)
    xiW_str(out, got.s, got.n);
  xiW_free(&got);
  if (rc == 0 && out->failed) {
    snprintf(why, n, "%s", xiW_why(out));
    rc = -1;
  }
  return rc;
}
