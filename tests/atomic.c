/* atomic.c: a line at the prompt runs all or nothing (xiR_enter, tape/undo.c),
 * without a terminal.
 *
 * The session's state is written out whole (every name: its kind, its order
 * for vars, every bit of its value or its function's text; the notes, the ξ
 * labels' values, the next random numbers, prec, format, digits) before a
 * line and after it.  A line that fails (an error halfway through a for
 * loop, a repeat, after def, del, set, trace, seed, prec and format) or is
 * interrupted (a timer sets the interrupt flag, as ^C and fuzz/harness.c do,
 * while a loop runs, a tensor is made at 2000 bits, a function call
 * expands) must leave the state byte for byte as it was, say "interrupted"
 * and never "out of memory"; a line that succeeds must change it.  Rolled
 * back again and again, the memory in use must not grow (the rollback frees
 * what the line built).  The expected states are the session's own before
 * the line: nothing here is computed twice the same way. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/session.h"
#include "tape/names.h"

static volatile sig_atomic_t *target;
static timer_t timer;
static int failures, checks;

static void on_timer(int sig) {
  (void)sig;
  if (target)
    *target = 1;
}

static void arm(long us) {
  struct itimerspec t = {{0, 0}, {us / 1000000, (us % 1000000) * 1000L}};
  timer_settime(timer, 0, &t, NULL);
}

/* ---- the state, as text ---- */

typedef struct {
  char *s;
  size_t n, cap;
} text;

static void add(text *t, const char *fmt, ...) {
  char *piece;
  va_list ap;
  va_start(ap, fmt);
  int n = mpfr_vasprintf(&piece, fmt, ap);
  va_end(ap);
  if (n < 0)
    abort();
  if (t->n + (size_t)n + 1 > t->cap) {
    t->cap = 2 * (t->n + (size_t)n + 1);
    t->s = realloc(t->s, t->cap);
    if (!t->s)
      abort();
  }
  memcpy(t->s + t->n, piece, (size_t)n + 1);
  t->n += (size_t)n;
  mpfr_free_str(piece);
}

static void value(text *t, xiG_graph *g, uint32_t node) {
  xiG_node *n = &g->nodes[node];
  xi_shape sh = xiG_shape(n);
  /* (XI_F_EXACT says a number was not rounded when computed: a new precision
     given back forgets it, to be safe, as it is no part of the state) */
  add(t, " op %d shape %d %u %u flags %d:", n->op, sh.rank, sh.rows, sh.cols,
      n->flags & ~XI_F_EXACT);
  for (uint32_t k = 0; k < xiG_count(n); k++)
    add(t, " %Ra", xiG_el(n, k)); /* every bit, in hexadecimal */
}

static char *state(xiR_session *s) {
  xiG_graph *g = &s->g;
  text t = {0};
  add(&t, "prec %ld format %d digits %d exact %d\n", (long)g->prec, xiO_fmt, s->digits,
      s->exact);
  for (uint32_t id = 0; id < g->nbind; id++) {
    const xiG_binding *b = xiG_binding_of(g, id);
    if (!b)
      continue;
    add(&t, "%s order %u", xiS_name(&g->sym, id), b->order);
    if (b->kind == B_FUNC)
      add(&t, " function %s\n", xiG_func_of(g, b)->text);
    else {
      value(&t, g, b->node);
      add(&t, "\n");
    }
  }
  /* the notes about values something can reach (a collection, which may
     come at any statement, drops the others: that is no change) */
  uint8_t *live = calloc(g->n + 1, 1);
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      live[g->bind[id].node] = 1;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      live[g->label[k]] = 1;
  for (uint32_t i = g->n; i-- > 0;)
    for (uint32_t k = 0; live[i] && k < xiG_nargs(&g->nodes[i]); k++)
      live[xiG_arg(&g->nodes[i], k)] = 1;
  for (uint32_t k = 0; k < g->nmoved; k++) {
    if (!live[g->moved[k].node])
      continue;
    char label[200];
    xiG_label_of(g, g->moved[k].node, label, sizeof label);
    add(&t, "note %s line %u how %d is %s\n", xiS_name(&g->sym, g->moved[k].name),
        g->moved[k].pos.line, g->moved[k].update, label);
  }
  for (uint32_t k = 0; k < g->nlabel; k++) {
    add(&t, "ξ%u", k + 1);
    if (g->label[k] != XI_NONE)
      value(&t, g, g->label[k]);
    add(&t, "\n");
  }
  free(live);
  xiO_rng r = g->rng; /* the next numbers drawn */
  add(&t, "rng %.17g %.17g\n", xiO_gauss(&r), xiO_uniform(&r));
  return t.s;
}

/* ---- running lines ---- */

static char errbuf[1 << 16];

/* runs line as the prompt does; its errors are kept in errbuf */
static void enter(xiR_session *s, const char *line, long timer_us) {
  fflush(stderr);
  FILE *e = tmpfile();
  int saved = dup(2);
  if (!e || saved < 0 || dup2(fileno(e), 2) < 0)
    abort();
  s->interrupt = 0;
  if (timer_us)
    arm(timer_us);
  xiR_enter(s, "<stdin>", line, strlen(line), 1);
  arm(0);
  s->interrupt = 0;
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  rewind(e);
  size_t n = fread(errbuf, 1, sizeof errbuf - 1, e);
  errbuf[n] = '\0';
  fclose(e);
}

static void expect(int ok, const char *what, const char *line) {
  checks++;
  if (!ok && failures++ < 20)
    fprintf(stderr, "FAIL %s: %s\n  its messages: %.600s\n", what, line, errbuf);
}

/* line must fail (saying `says`) and leave the state as it was */
static void undone(xiR_session *s, const char *line, const char *says, long timer_us) {
  char *before = state(s);
  enter(s, line, timer_us);
  char *after = state(s);
  expect(strstr(errbuf, says) != NULL, says, line);
  expect(strstr(errbuf, "out of memory") == NULL, "no \"out of memory\"", line);
  int same = strcmp(before, after) == 0;
  expect(same, "the state as it was", line);
  if (!same && failures < 20) {
    size_t k = 0;
    while (before[k] && before[k] == after[k])
      k++;
    size_t from = k > 120 ? k - 120 : 0;
    fprintf(stderr, "  before: ...%.240s\n  after:  ...%.240s\n", before + from, after + from);
  }
  free(before);
  free(after);
}

/* line must succeed, and change the state */
static void done(xiR_session *s, const char *line) {
  char *before = state(s);
  enter(s, line, 0);
  char *after = state(s);
  expect(strstr(errbuf, "error") == NULL, "no error", line); /* (a note may come) */
  expect(strcmp(before, after) != 0, "a changed state", line);
  free(before);
  free(after);
}

int main(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_timer;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGRTMIN;
  if (sigaction(SIGRTMIN, &sa, NULL) || timer_create(CLOCK_MONOTONIC, &ev, &timer))
    return 2;
  if (!freopen("/dev/null", "w", stdout)) /* the values printed: the state is compared */
    return 2;
  xiR_session s;
  xiR_init(&s, XI_DEFAULT_PREC, XI_DEFAULT_DIGITS);
  s.interactive = 1; /* as at the prompt */
  target = &s.interrupt;

  done(&s, "seed 3; W = randn(3, 3); b = 0.5; x = [1, 2, 3]; s = 0; k = 1/3");
  done(&s, "f(v) = tanh(W @ v + b); L = sum(f(x)); W -= 0.1*W; g(t) = t*t; del k");
  done(&s, "trace L");
  /* errors halfway: a for loop, a repeat (collections in between: the old W
     values nothing else holds must survive them), and everything else a line
     can change before its error */
  undone(&s, "for i in range(10): s = s + i; c = 1/(i - 5)", "error", 0);
  undone(&s, "repeat 30000 { W -= 0.001*W; s += 1 }; zz", "unknown name 'zz'", 0);
  undone(&s, "f(v) = v; g(t) = 2*t; h(t) = t; del g; b = 7; del x; zz", "unknown", 0);
  undone(&s, "set b = 0.25; L2 = L; trace L2*b; zz", "unknown", 0);
  undone(&s, "seed 9; r = randn(4); q = rand(2); zz", "unknown", 0);
  undone(&s, "prec 300; b = b + 1; digits 30; zz", "unknown", 0);
  undone(&s, "format binary16; b = b/3; zz", "unknown", 0);
  undone(&s, "k = 1\nfor i in range(3):\n    k = k*2\n    W[0, 0] = i\nzz\n", "unknown", 0);
  /* ^C: a loop, a tensor at 2000 bits (its blocks give up when interrupted:
     never "out of memory"), a call that expands, a repeat */
  undone(&s, "t = 1; for i in range(10**9): s = s + i;", "interrupted", 200000);
  undone(&s, "t = 1; for i in range(10**9): s += 1;", "interrupted", 100000);
  undone(&s, "repeat 1000000000 { W -= 0.001*W; b = b*1 }", "interrupted", 150000);
  static const long when[] = {1000, 5000, 20000, 60000, 150000, 400000};
  for (size_t k = 0; k < sizeof when / sizeof when[0]; k++)
    undone(&s, "prec 2000; A = ones(400, 400); B = A*2; for i in range(10**9): s += 1;",
           "interrupted", when[k]);
  undone(&s, "f0(x) = x; f1(x) = f0(x) + f0(x); f2(x) = f1(x) + f1(x); f3(x) = f2(x) + f2(x); "
             "f4(x) = f3(x) + f3(x); f5(x) = f4(x) + f4(x); f6(x) = f5(x) + f5(x); "
             "f7(x) = f6(x) + f6(x); f8(x) = f7(x) + f7(x); f9(x) = f8(x) + f8(x); "
             "f10(x) = f9(x) + f9(x); f11(x) = f10(x) + f10(x); f12(x) = f11(x) + f11(x); "
             "f13(x) = f12(x) + f12(x); f14(x) = f13(x) + f13(x); f15(x) = f14(x) + f14(x); "
             "f16(x) = f15(x) + f15(x); f17(x) = f16(x) + f16(x); f18(x) = f17(x) + f17(x); "
             "f19(x) = f18(x) + f18(x); f20(x) = f19(x) + f19(x); F = f20(b); "
             "for i in range(10**9): s += 1;", "interrupted",
         300000);
  /* the rollback frees what the line built: again and again, no growth */
  size_t used = 0;
  for (int k = 0; k < 6; k++) {
    undone(&s, "A = ones(300, 300); C = A*3; for i in range(10**9): s = s + i;",
           "interrupted", 100000);
    if (k == 1)
      used = xiM_used();
    if (k > 1)
      expect(xiM_used() == used, "no memory kept by lines undone", "(6 times)");
  }
  /* and a line that succeeds is kept, whole */
  done(&s, "for i in range(4): s = s + i");
  /* leaving a format deletes the names of nan and inf; undone, they are back
     with their values, and the format */
  done(&s, "format binary16; nv = 0/0; iv = 1/0; b = b/3");
  undone(&s, "format mpfr; t = 2; zz", "unknown", 0);
  undone(&s, "format mpfr; t = 2; A = ones(600, 600); for i in range(10**9): s = s + i;",
         "interrupted", 200000);
  done(&s, "format mpfr");
  expect(!xiG_binding_of(&s.g, xiS_intern(&s.g.sym, "nv", 2)), "nv deleted by format mpfr",
         "format mpfr");
  /* Python's lists and dicts change in place (every name holding one sees the
     change): undone, every holder has the old one again */
  done(&s, "import numpy as np; xs = [1, 2]; ys = xs; d = {'a': xs, 'b': 2}");
  undone(&s, "xs.append(3); d['b'] = 5; ys += [7]; for x in xs: s = s + x\nzz\n", "unknown",
         0);
  undone(&s, "xs.append(3); d['c'] = xs; for i in range(10**9): xs.append(i)\n",
         "interrupted", 150000);
  /* a class's instances: their attributes are names (tape/pyobj.c), and the
     prefix they have follows the name that holds the object; undone, both are
     back (net.W reads what it read: the prefix is net's again) */
  done(&s, "class Net:\n    def __init__(self, n):\n        self.W = np.ones(n)\n"
           "    def bad(self, v):\n        self.W = self.W * 2\n        self.tmp = v\n"
           "        return zz\n    def grow(self):\n        self.W = self.W + 1\n"
           "        return self.W\n\nnet = Net(3); keep = [Net(2)]\n");
  undone(&s, "net.bad(1)", "unknown name 'zz'", 0);
  undone(&s, "b = net; net = 5; zz", "unknown", 0);
  undone(&s, "net = Net(4); keep = 0; zz", "unknown", 0);
  undone(&s, "for i in range(10**9): net.grow()", "interrupted", 150000);
  done(&s, "net.W = net.W * 2; keep[0].W = keep[0].W + net.W[0:2]");
  target = NULL;
  xiR_free(&s);
  fprintf(stderr, "%d checks, %d failed: lines undone by an error or ^C leave the state "
                  "as it was\n", checks, failures);
  return failures != 0;
}
