/* pty.c: drives xi through a real pseudo-terminal, as a person at the prompt.
 *
 * usage: pty.bin XI SCRIPT
 * Script lines:  start            start xi (the history file is kept between starts)
 *                start color      start xi without NO_COLOR
 *                start hist PATH  start xi with PATH as its history file
 *                start fsize N PATH  the same, and no file xi writes may grow past
 *                                 N bytes (RLIMIT_FSIZE: a write past it fails
 *                                 with EFBIG, as on a full disk, even as root)
 *                sync             type a statement that prints a marker computed
 *                                 by xi (xi-sync 7001: the line typed says 7000 + 1,
 *                                 so its echo cannot match), wait for the marker,
 *                                 then for the prompt printed after it: xi has
 *                                 finished everything typed before, and readline
 *                                 has the terminal (raw mode) again
 *                busy STATEMENT   type a marker and STATEMENT on one line, and wait
 *                                 for the marker: xi is running STATEMENT now (so a
 *                                 Ctrl-C sent next interrupts it, not the line)
 *                absent TEXT      xi has printed no TEXT since it started
 *                none TEXT        xi has printed no TEXT since the last match
 *                send TEXT        type TEXT; \r \t \e \xNN are understood
 *                expect TEXT      wait (5 s at most) until xi has printed TEXT
 *                soon MS TEXT     the same, MS milliseconds at most (^C must be quick)
 *                shell CMD        run CMD with sh (to make a file a test loads)
 *                sleep MS         wait
 *                exit N           wait for xi to end with status N
 * A test waits only for output it made xi print after its last input: never
 * for a prompt that may already be on the screen (`expect xi> ` right after a
 * send matches the prompt before it, and the test runs ahead of xi).
 *
 * Every time budget (expect's 5 s, soon's MS, exit's 30 s) is multiplied by
 * the slowness factor XI_SLOW (default 4: generous, for a loaded machine;
 * make asan sets more).  A budget is a bound on a hang, not a measurement:
 * no test here asserts that anything is fast, only that it is not stuck
 * (soon's bound stays far below what an uninterrupted computation takes).
 *
 * Temporary files: $T in start hist, send and shell is a directory of this
 * run's own (mkdtemp), removed at the end; shell commands see it as $T. */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static pid_t child = -1;
static char out[1 << 20];
static size_t nout, seen;
static double slow = 4; /* XI_SLOW: every budget is multiplied by it */
static char tmpdir[] = "/tmp/xi-pty-XXXXXX";
static int marker = 7000;

static void unescape(const char *in, char *o, size_t *n) {
  size_t k = 0;
  for (const char *p = in; *p; p++) {
    if (*p != '\\' || !p[1]) {
      o[k++] = *p;
      continue;
    }
    p++;
    switch (*p) {
    case 'r': o[k++] = '\r'; break;
    case 'n': o[k++] = '\n'; break;
    case 't': o[k++] = '\t'; break;
    case 'e': o[k++] = 27; break;
    case 'x': {
      char hex[3] = {p[1], p[1] ? p[2] : 0, 0};
      o[k++] = (char)strtol(hex, NULL, 16);
      p += 2;
      break;
    }
    default: o[k++] = *p;
    }
  }
  *n = k;
}

static void pump(int ms) {
  fd_set in;
  FD_ZERO(&in);
  FD_SET(master, &in);
  struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
  if (select(master + 1, &in, NULL, NULL, &tv) > 0) {
    ssize_t r = read(master, out + nout, sizeof out - nout - 1);
    if (r > 0)
      nout += (size_t)r;
    out[nout] = '\0';
  }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int expect(const char *text, double seconds) {
  double end = now() + seconds;
  while (now() < end) {
    char *hit = memmem(out + seen, nout - seen, text, strlen(text));
    if (hit) {
      seen = (size_t)(hit - out) + strlen(text);
      return 0;
    }
    pump(20);
  }
  fprintf(stderr, "expected \"%s\" within %.1f s; after the last match xi printed:\n%.*s\n",
          text, seconds, (int)(nout - seen > 2000 ? 2000 : nout - seen), out + seen);
  return -1;
}

static int start(const char *xi, const char *hist, int color, long fsize) {
  struct winsize ws = {40, 120, 0, 0};
  child = forkpty(&master, NULL, NULL, &ws);
  if (child < 0) {
    perror("forkpty");
    return -1;
  }
  if (child == 0) {
    setenv("TERM", "xterm", 1);
    setenv("XI_HISTORY", hist, 1);
    if (color)
      unsetenv("NO_COLOR");
    else
      setenv("NO_COLOR", "1", 1);
    unsetenv("INPUTRC");
    struct rlimit lim = {(rlim_t)fsize, (rlim_t)fsize};
    if (fsize > 0 && setrlimit(RLIMIT_FSIZE, &lim) != 0)
      _exit(126);
    execl(xi, xi, (char *)NULL);
    _exit(127);
  }
  nout = seen = 0;
  return 0;
}

static int finish(int want) {
  double end = now() + 30 * slow; /* leaving under ASan on a loaded machine takes a while */
  int status;
  while (now() < end) {
    pump(20);
    if (waitpid(child, &status, WNOHANG) == child) {
      close(master);
      child = -1;
      int got = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      if (got != want)
        fprintf(stderr, "xi ended with status %d, not %d\n", got, want);
      return got == want ? 0 : -1;
    }
  }
  fprintf(stderr, "xi did not end; it printed:\n%.*s\n", (int)(nout > 2000 ? 2000 : nout), out);
  return -1;
}

/* line with every $T replaced by the run's temporary directory, into o */
static void expand(const char *line, char *o, size_t cap) {
  size_t k = 0;
  for (const char *p = line; *p && k + 1 < cap; p++) {
    if (p[0] == '$' && p[1] == 'T') {
      k += (size_t)snprintf(o + k, cap - k, "%s", tmpdir);
      if (k >= cap)
        k = cap - 1;
      p++;
    } else {
      o[k++] = *p;
    }
  }
  o[k] = '\0';
}

static int type(const char *text, size_t n) {
  int rc = write(master, text, n) == (ssize_t)n ? 0 : -1;
  pump(30);
  return rc;
}

/* sync and busy: a marker xi computes, so that the line's echo cannot match */
static int typed_marker(const char *word, const char *statement, int then_prompt) {
  char line[4200], want[64];
  marker++;
  snprintf(line, sizeof line, "print(\"%s\", %d + %d)%s%s\r", word, marker - 1, 1,
           statement ? "; " : "", statement ? statement : "");
  snprintf(want, sizeof want, "%s %d\r\n", word, marker);
  if (type(line, strlen(line)) || expect(want, 5 * slow))
    return -1;
  return then_prompt ? expect("xi> ", 5 * slow) : 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: pty.bin XI SCRIPT\n");
    return 2;
  }
  const char *sf = getenv("XI_SLOW");
  if (sf && atof(sf) > 0)
    slow = atof(sf);
  char xi[4096], hist[4200];
  if (!realpath(argv[1], xi) || !mkdtemp(tmpdir))
    return 2;
  setenv("T", tmpdir, 1); /* for shell lines */
  snprintf(hist, sizeof hist, "%s/history", tmpdir);
  FILE *f = fopen(argv[2], "r");
  if (!f)
    return 2;
  char raw[4096], line[8192];
  int rc = 0, lineno = 0;
  while (rc == 0 && fgets(raw, sizeof raw, f)) {
    lineno++;
    raw[strcspn(raw, "\n")] = '\0';
    expand(raw, line, sizeof line);
    char buf[8192];
    size_t n;
    if (!line[0] || line[0] == '#')
      continue;
    if (strcmp(line, "start") == 0 || strcmp(line, "start color") == 0) {
      rc = start(xi, hist, strcmp(line, "start color") == 0, 0);
    } else if (strncmp(line, "start hist ", 11) == 0) {
      rc = start(xi, line + 11, 0, 0);
    } else if (strncmp(line, "start fsize ", 12) == 0) {
      char *path = strchr(line + 12, ' ');
      rc = path ? start(xi, path + 1, 0, atol(line + 12)) : -1;
    } else if (strcmp(line, "sync") == 0) {
      rc = typed_marker("xi-sync", NULL, 1);
    } else if (strncmp(line, "busy ", 5) == 0) {
      rc = typed_marker("xi-busy", line + 5, 0);
    } else if (strncmp(line, "absent ", 7) == 0) {
      unescape(line + 7, buf, &n);
      if (memmem(out, nout, buf, n)) {
        fprintf(stderr, "xi printed \"%s\"\n", line + 7);
        rc = -1;
      }
    } else if (strncmp(line, "none ", 5) == 0) {
      unescape(line + 5, buf, &n);
      pump(200);
      if (memmem(out + seen, nout - seen, buf, n)) {
        fprintf(stderr, "xi printed \"%s\" again\n", line + 5);
        rc = -1;
      }
    } else if (strncmp(line, "send ", 5) == 0) {
      unescape(line + 5, buf, &n);
      rc = type(buf, n);
    } else if (strncmp(line, "expect ", 7) == 0) {
      unescape(line + 7, buf, &n);
      buf[n] = '\0';
      rc = expect(buf, 5 * slow);
    } else if (strncmp(line, "soon ", 5) == 0) {
      char *text = strchr(line + 5, ' ');
      unescape(text ? text + 1 : "", buf, &n);
      buf[n] = '\0';
      rc = expect(buf, atoi(line + 5) / 1000.0 * slow);
    } else if (strncmp(line, "shell ", 6) == 0) {
      rc = system(line + 6) == 0 ? 0 : -1;
    } else if (strncmp(line, "sleep ", 6) == 0) {
      double end = now() + atoi(line + 6) / 1000.0;
      while (now() < end)
        pump(10);
    } else if (strncmp(line, "exit ", 5) == 0) {
      rc = finish(atoi(line + 5));
    } else {
      fprintf(stderr, "%s:%d: unknown command\n", argv[2], lineno);
      rc = -1;
    }
    if (rc)
      fprintf(stderr, "%s:%d: failed: %s\n", argv[2], lineno, raw);
  }
  fclose(f);
  if (child > 0) {
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
  }
  char rm[4200];
  snprintf(rm, sizeof rm, "rm -rf '%s'", tmpdir);
  if (system(rm) != 0)
    fprintf(stderr, "could not remove %s\n", tmpdir);
  return rc ? 1 : 0;
}
