/* harness.c: libFuzzer over xiR_run, the entry point that runs a string of
 * statements (make fuzz; docs/fuzz.md).
 *
 * Each input runs in a fresh session, as `xi --keep-going FILE` runs it, so
 * a finding replays with the xi binary (tests/run does, for tests/crashes/).
 *
 * A slow input is stopped by xi's own interrupt path, the one Ctrl-C takes:
 * a timer sets the session's interrupt flag, which every long loop checks.
 * libFuzzer's -timeout (several times longer) is only the backstop, so an
 * input that reaches it is a real finding: somewhere xi does not listen. */
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "ops/pool.h"
#include "cmd/session.h"

/* xi's interrupt budget per input; XI_FUZZ_MS overrides it */
#define BUDGET_MS 1000
/* xi's memory budget for values (xi --memory), well under libFuzzer's
   -rss_limit_mb of 2048 (fuzz/run), which also holds ASan's shadow and
   quarantine: a value too large is then xi's own error, as it is for a user,
   and an out-of-memory the fuzzer reports is memory the budget does not
   count.  (The default, half the physical memory, let a few 3000 x 3000
   tensors pass 2 GB: a finding that was only the budget.)  XI_FUZZ_MB
   overrides it. */
#define BUDGET_MB 512

static volatile sig_atomic_t *volatile interrupt_target;
static timer_t timer;
static long budget_ms = BUDGET_MS;

static void on_timer(int sig) {
  (void)sig;
  volatile sig_atomic_t *t = interrupt_target;
  if (t)
    *t = 1;
}

/* libFuzzer owns SIGALRM and ITIMER_REAL for its -timeout, so xi's budget
   is a POSIX timer of its own on a real-time signal. */
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  const char *ms = getenv("XI_FUZZ_MS");
  if (ms && atol(ms) > 0)
    budget_ms = atol(ms);
  const char *mb = getenv("XI_FUZZ_MB");
  xiM_set_budget((size_t)(mb && atol(mb) > 0 ? atol(mb) : BUDGET_MB) << 20);
  /* xi prints every value and error; millions of runs would drown
     libFuzzer's report.  glibc's stdout and stderr are variables one may
     set (its manual, "Standard Streams"): xi's FILE streams go to /dev/null
     while fd 2 stays for libFuzzer and the sanitizers, which keep their own
     handle on it.  XI_FUZZ_VERBOSE keeps stderr, to read one input's errors. */
  FILE *null = fopen("/dev/null", "w");
  int null_in = open("/dev/null", O_RDONLY);
  if (!null || null_in < 0)
    abort();
  stdout = null;
  if (!getenv("XI_FUZZ_VERBOSE"))
    stderr = null;
  dup2(null_in, STDIN_FILENO); /* `load /dev/stdin` must not wait for input */
  close(null_in);
  struct sigaction sa = {0};
  sa.sa_handler = on_timer;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGRTMIN;
  if (sigaction(SIGRTMIN, &sa, NULL) || timer_create(CLOCK_MONOTONIC, &ev, &timer))
    abort();
  return 0;
}

static void arm(long ms) {
  struct itimerspec t = {{0, 0}, {ms / 1000, (ms % 1000) * 1000000L}};
  timer_settime(timer, 0, &t, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xiR_session s;
  xiR_init(&s, XI_DEFAULT_PREC, XI_DEFAULT_DIGITS);
  s.keep_going = 1; /* an error must not hide what the rest of the input does */
  interrupt_target = &s.interrupt;
  arm(budget_ms);
  xiR_run(&s, "fuzz", (const char *)data, size, 1);
  arm(0); /* disarmed before the session goes: the flag must not outlive it */
  interrupt_target = NULL;
  xiR_free(&s);
  return 0;
}
