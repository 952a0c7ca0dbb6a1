/* main.c: the command line. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "repl/line.h"
#include "show/num.h"
#include "cmd/session.h"

static const char usage[] =
    "usage: xi [options] [FILE...]\n"
    "\n"
    "With no FILE and no -e, xi reads statements from its input: at a terminal it\n"
    "starts the prompt (GNU readline: history in ~/.xi_history or $XI_HISTORY, Tab\n"
    "completes commands, functions and names, Ctrl-C abandons the line or the\n"
    "computation, Ctrl-D leaves); from a pipe it runs them as a script.\n"
    "\n"
    "options:\n"
    "  -e STATEMENTS   run STATEMENTS (may be given more than once)\n"
    "  -i              start the prompt after the files and -e statements\n"
    "  --digits N      significant digits shown (default 10)\n"
    "  --prec N        working precision in bits (default 128)\n"
    "  --keep-going    a script goes on after an error (by default it stops there)\n"
    "  --memory SIZE   the budget for values, in bytes (K, M, G suffixes; default\n"
    "                  half the physical memory): a value over it is an error\n"
    "  -h, --help      this text and the language summary\n"
    "  --version       the version\n"
    "\n"
    "A script stops at its first error, as Python and bash -e do.\n"
    "Exit status: 0 when every statement ran and every check passed, 1 otherwise,\n"
    "2 for a bad command line.  Errors go to stderr as FILE:LINE:COL: error: ...\n"
    "Colour in traces only on a terminal, and never when NO_COLOR is set.\n"
    "\n";

static int number_arg(const char *opt, const char *v, long lo, long hi, long *out) {
  char *end;
  long n = v ? strtol(v, &end, 10) : 0;
  if (!v || !*v || *end || n < lo || n > hi) {
    fprintf(stderr, "xi: %s needs a whole number from %ld to %ld\n", opt, lo, hi);
    return -1;
  }
  *out = n;
  return 0;
}

/* 512M, 2G, 100000: a size in bytes */
static int size_arg(const char *v, size_t *out) {
  char *end;
  double n = v && *v ? strtod(v, &end) : -1;
  if (n <= 0 || end == v)
    return -1;
  double unit = *end == 'K' || *end == 'k'   ? 1024.0
                : *end == 'M' || *end == 'm' ? 1048576.0
                : *end == 'G' || *end == 'g' ? 1073741824.0
                                             : 1.0;
  if (unit > 1)
    end++;
  if (*end || n * unit < 65536 || n * unit > 1e18)
    return -1;
  *out = (size_t)(n * unit);
  return 0;
}

/* --opt N or --opt=N */
static const char *value_of(int argc, char **argv, int *i, const char *opt) {
  size_t n = strlen(opt);
  if (strncmp(argv[*i], opt, n) != 0)
    return NULL;
  if (argv[*i][n] == '=')
    return argv[*i] + n + 1;
  if (argv[*i][n] == '\0')
    return *i + 1 < argc ? argv[++*i] : "";
  return NULL;
}

/* A script stopped by SIGINT or SIGTERM: the computation running gives up at
   its next check, what was printed is flushed, and xi then dies of the signal,
   so that the shell sees the usual status (130, 143). */
static volatile sig_atomic_t *stop_flag, got_signal;

static void on_signal(int sig) {
  got_signal = sig;
  if (stop_flag)
    *stop_flag = 1;
}

static void catch_signals(xiR_session *s) {
  stop_flag = &s->interrupt;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: a blocked read returns */
  sigaction(SIGTERM, &sa, NULL);
  /* a file grown past the size limit (ulimit -f): the write fails with EFBIG
     and xi says so (cmd/save.c), instead of dying of SIGXFSZ mid-file */
  signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv) {
  long prec = XI_DEFAULT_PREC, digits = XI_DEFAULT_DIGITS;
  int interactive = 0, ran = 0, keep_going = 0, prec_given = 0;
  /* first pass: options that shape the session */
  for (int i = 1; i < argc; i++) {
    const char *v;
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(usage, stdout);
      xiR_help(stdout, NULL);
      return 0;
    }
    if (strcmp(argv[i], "--version") == 0) {
      printf("xi %s (MPFR %s)\n", XI_VERSION, mpfr_get_version());
      return 0;
    }
    if ((v = value_of(argc, argv, &i, "--prec"))) {
      if (number_arg("--prec", v, XI_PREC_MIN, XI_PREC_MAX, &prec))
        return 2;
      prec_given = 1;
    } else if ((v = value_of(argc, argv, &i, "--digits"))) {
      if (number_arg("--digits", v, 1, XI_DIGITS_MAX, &digits))
        return 2;
    } else if (strcmp(argv[i], "-e") == 0) {
      if (++i >= argc) {
        fputs("xi: -e needs statements\n", stderr);
        return 2;
      }
    } else if (strcmp(argv[i], "-i") == 0) {
      interactive = 1;
    } else if (strcmp(argv[i], "--keep-going") == 0) {
      keep_going = 1;
    } else if ((v = value_of(argc, argv, &i, "--memory"))) {
      size_t bytes;
      if (size_arg(v, &bytes)) {
        fprintf(stderr, "xi: --memory needs a size of at least 64K, such as 512M or 4G\n");
        return 2;
      }
      xiM_set_budget(bytes);
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "xi: unknown option %s (xi --help lists them)\n", argv[i]);
      return 2;
    }
  }
  xiR_session s;
  xiR_init(&s, (mpfr_prec_t)prec, (int)digits);
  const char *nc = getenv("NO_COLOR");
  s.color = isatty(STDOUT_FILENO) && !(nc && *nc);
  s.keep_going = keep_going;
  s.fmt_chosen = prec_given; /* --prec chose the numbers: Python's code keeps MPFR */
  catch_signals(&s); /* the prompt installs its own for SIGINT */
  /* second pass: run files and -e statements in the order given */
  for (int i = 1; i < argc && !s.quit && !s.stop && !got_signal; i++) {
    if (strcmp(argv[i], "-e") == 0) {
      i++;
      xiR_run(&s, "-e", argv[i], strlen(argv[i]), 1);
      ran = 1;
    } else if (strcmp(argv[i], "--prec") == 0 || strcmp(argv[i], "--digits") == 0 ||
               strcmp(argv[i], "--memory") == 0) {
      i++;
    } else if (argv[i][0] != '-' || !argv[i][1]) {
      if (strcmp(argv[i], "-") == 0)
        xiR_run_file(&s, "/dev/stdin");
      else
        xiR_run_file(&s, argv[i]);
      ran = 1;
    }
  }
  if (!s.quit && !got_signal && (interactive || (!ran && !s.stop))) {
    s.stop = 0; /* -i: the prompt after a script that stopped */
    if (isatty(STDIN_FILENO))
      xiE_repl(&s);
    else
      xiR_run_file(&s, "/dev/stdin");
  }
  int status = s.failed ? 1 : 0;
  fflush(stdout);
  xiR_free(&s);
  if (got_signal) {
    signal((int)got_signal, SIG_DFL);
    raise((int)got_signal);
  }
  return status;
}
