/* step.c: `step L [wrt W] [quiz]`, lecture mode: trace's lines one at a time.
 * The forward list first (each node's operation, its operands' values, its
 * value), then the reverse list (each adjoint's sum over its consumers, each
 * local partial with its formula and number), each under its position:
 * [3/22] forward.  The lines are trace's own (show/trace.h); this file adds
 * the walk, the keys, and the quiz.
 *
 * Input.  When stdin is a terminal the walk reads single keys in raw mode
 * (Space, Enter, → next; ←, b back; q, Ctrl-C, Ctrl-D leave), and the
 * terminal is put back on every way out: a key, an error, a signal (SIGINT,
 * and SIGTERM where xi handles it, interrupt the read and the walk ends;
 * SIGHUP, and SIGTERM where xi does not, put it back before xi dies), and
 * exit().  Otherwise (a pipe, a file, /dev/null) it reads a line per step:
 * empty or n next, b back, q leaves, and the end of the input shows the rest,
 * so that a script never waits.  A quiz reads a line per answer in either
 * case (a terminal stays in cooked mode, with its line editing). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "show/trace.h"

enum { K_NEXT, K_BACK, K_QUIT, K_REST, K_OTHER };

typedef struct {
  xiR_session *s;
  xiT_steps st;
  xiT_printer pr;
  uint32_t nf, total; /* forward steps; forward and reverse */
  int keys;           /* stdin is a terminal: single keys, in raw mode */
  xi_pos at;
  xi_err *err;
} walk;

/* ---- the terminal in raw mode, and back ---- */

static struct termios saved;
static volatile sig_atomic_t raw_on;
static struct sigaction old_term, old_hup;

static void raw_off(void) {
  if (!raw_on)
    return;
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  raw_on = 0;
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGHUP, &old_hup, NULL);
}

/* a signal that would kill xi in raw mode: the terminal back first (both
   calls are async-signal-safe), then the signal as it would have been */
static void on_fatal(int sig) {
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  signal(sig, SIG_DFL);
  raise(sig);
}

/* a handler for sig while the terminal is raw, when xi has none of its own
   (a script's SIGTERM handler interrupts the read, as SIGINT's does) */
static void guard(int sig, struct sigaction *old) {
  sigaction(sig, NULL, old);
  if (old->sa_handler != SIG_DFL)
    return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL);
}

/* keys one at a time, not echoed; Ctrl-C a key (ISIG off), output as it was
   (OPOST kept: "\n" still starts a line) */
static int raw(void) {
  static int registered;
  if (tcgetattr(STDIN_FILENO, &saved) != 0)
    return -1;
  struct termios t = saved;
  t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
  t.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  if (!registered) /* exit() on any path puts the terminal back too */
    registered = atexit(raw_off) == 0;
  guard(SIGTERM, &old_term);
  guard(SIGHUP, &old_hup);
  raw_on = 1;
  if (tcsetattr(STDIN_FILENO, TCSANOW, &t) != 0) {
    raw_off();
    return -1;
  }
  return 0;
}

/* ---- reading ---- */

/* one byte of stdin: 1, 0 at its end, -1 when interrupted or broken.  The
   wait is ppoll's with SIGINT and SIGTERM let in only while it waits, so that
   a ^C just before it (the prompt printed, the key pressed at once) is seen
   rather than lost with the read left waiting. */
static int byte(walk *w, unsigned char *c) {
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  for (;;) {
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};
    sigprocmask(SIG_BLOCK, &block, &old);
    int r = w->s->interrupt ? -1 : ppoll(&p, 1, NULL, &old), e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (w->s->interrupt || (r < 0 && e != EINTR))
      return -1;
    if (r < 0)
      continue;
    ssize_t n = read(STDIN_FILENO, c, 1);
    if (n >= 0)
      return (int)n;
    if (errno != EINTR)
      return -1;
  }
}

/* is a byte there within ms (the rest of an arrow key's sequence)? */
static int ready(int ms) {
  struct pollfd p = {STDIN_FILENO, POLLIN, 0};
  return poll(&p, 1, ms) == 1;
}

/* after ESC: [C or OC is →, [D or OD is ←; a lone ESC is nothing */
static int arrow(walk *w) {
  unsigned char c[2];
  if (!ready(50) || byte(w, &c[0]) != 1 || (c[0] != '[' && c[0] != 'O'))
    return K_OTHER;
  if (!ready(50) || byte(w, &c[1]) != 1)
    return K_OTHER;
  return c[1] == 'C' ? K_NEXT : c[1] == 'D' ? K_BACK : K_OTHER;
}

static int key(walk *w) {
  unsigned char c;
  for (;;) {
    if (byte(w, &c) != 1)
      return K_QUIT;
    int k = c == ' ' || c == '\r' || c == '\n' || c == 'n' ? K_NEXT
            : c == 'b'                                     ? K_BACK
            : c == 'q' || c == 3 || c == 4                 ? K_QUIT
            : c == 27                                      ? arrow(w)
                                                           : K_OTHER;
    if (k != K_OTHER)
      return k;
  }
}

/* a line of stdin without its newline and the blanks around it, read a byte
   at a time (what follows it is not ours to take); -1 at the end or when
   interrupted */
static int line_in(walk *w, char *buf, size_t n) {
  size_t k = 0;
  unsigned char c;
  int r;
  while ((r = byte(w, &c)) == 1 && c != '\n')
    if (k + 1 < n && !(k == 0 && (c == ' ' || c == '\t')))
      buf[k++] = (char)c;
  if (r != 1 && k == 0)
    return -1;
  while (k && (buf[k - 1] == ' ' || buf[k - 1] == '\t' || buf[k - 1] == '\r'))
    k--;
  buf[k] = '\0';
  return 0;
}

/* what the next step is: a key at a terminal, else a line */
static int command(walk *w) {
  if (w->keys)
    return key(w);
  char buf[64];
  for (;;) {
    if (line_in(w, buf, sizeof buf) < 0)
      return w->s->interrupt ? K_QUIT : K_REST;
    if (!buf[0] || strcmp(buf, "n") == 0)
      return K_NEXT;
    if (strcmp(buf, "b") == 0)
      return K_BACK;
    if (strcmp(buf, "q") == 0)
      return K_QUIT;
    printf("  (a line each: empty or n the next step, b back, q leaves)\n");
  }
}

/* ---- one step shown ---- */

/* position k: its step, and whether it is in the reverse list (which reads
   the steps from the last) */
static const xiT_step *at(const walk *w, uint32_t k, int *rev) {
  *rev = k >= w->nf;
  return &w->st.step[*rev ? w->st.n - 1 - (k - w->nf) : k];
}

static void who(const walk *w, xiW_buf *b, uint32_t node) {
  xiT_who(&w->st, b, node);
}

/* a forward step's operands and their values (constants are in the formula) */
static void operands(const walk *w, xiW_buf *b, const xiT_step *p) {
  const xiG_graph *g = w->st.g;
  const xiG_node *n = &g->nodes[p->node];
  int any = 0;
  for (uint32_t k = 0; !p->leaf && k < xiG_nargs(n); k++) {
    uint32_t o = xiG_arg(n, k), seen = 0;
    for (uint32_t j = 0; j < k; j++) /* M·M: M once */
      seen |= xiG_arg(n, j) == o;
    if (seen || g->nodes[o].op == XI_CONST)
      continue;
    xiW_put(b, any++ ? ", " : "    with ");
    who(w, b, o);
    xiW_put(b, " = %s", w->pr.val_on);
    xiO_view v = xiG_view(&g->nodes[o]);
    xiW_proof pf = {0};
    if (w->st.index[o] != UINT32_MAX)
      xiT_value_proof(&w->st, &w->st.step[w->st.index[o]], &pf);
    xiW_value_fit_proven(b, &v, &pf, w->pr.style.digits, w->pr.style.width);
    xiW_put(b, "%s", w->pr.off);
  }
  if (any)
    xiW_put(b, "\n");
}

/* a reverse step's terms: each consumer c, and its local partial ∂c/∂ξ with
   its formula and (for scalars) its number */
static void terms(const walk *w, xiW_buf *b, const xiT_step *p) {
  if (p->node == w->st.root) {
    xiW_put(b, "    the start: ∂%s/∂%s is 1\n", w->st.label, w->st.label);
    return;
  }
  for (uint32_t k = 0; k < p->nterms; k++) {
    const xiT_term *t = &p->terms[k];
    xiW_put(b, "    from ");
    who(w, b, t->consumer);
    xiW_put(b, " = ");
    xiT_op(&w->st, b, t->consumer);
    if (!t->scalar) { /* a tensor's term: its matrix or elementwise form */
      xiW_put(b, ": %s\n", t->text);
      continue;
    }
    xiW_put(b, ": ∂");
    who(w, b, t->consumer);
    xiW_put(b, "/∂%s = %s", p->who, t->partial);
    xiW_buf num = {0}; /* its number, unless the formula is that number (1, -1) */
    xiT_number_proven(&w->st, &num, xiT_term_partial(&w->st, t), xiT_term_partial_ball(&w->st, t),
                      0);
    if (!num.s || strcmp(num.s, t->partial) != 0)
      xiW_put(b, " = %s", num.s ? num.s : "?");
    xiW_free(&num);
    xiW_put(b, "\n");
  }
}

static int show(walk *w, uint32_t k, int hide, const char *note) {
  int rev;
  const xiT_step *p = at(w, k, &rev);
  xiW_buf b = {0};
  xiW_put(&b, "[%u/%u] %s%s\n", k + 1, w->total, rev ? "reverse" : "forward", note);
  if (rev) {
    xiT_reverse_line(&w->pr, &b, p, hide);
    terms(w, &b, p);
  } else {
    xiT_forward_line(&w->pr, &b, p, hide);
    operands(w, &b, p);
  }
  int rc = xiR_emit(&b, w->at, w->err);
  xiW_free(&b);
  fflush(stdout);
  return rc;
}

/* ---- the walk ---- */

static int walk_steps(walk *w) {
  if (w->keys && raw() != 0)
    return xiX_fail(w->err, w->at, "cannot read single keys from this terminal: %s",
                    strerror(errno));
  printf(w->keys ? "step %s: Space or → next, ← back, q leaves\n"
                 : "step %s: a line each: empty or n next, b back, q leaves\n",
         w->st.label);
  uint32_t k = 0;
  int rc = show(w, 0, 0, ""), c = K_NEXT;
  while (rc == 0 && (c = command(w)) != K_QUIT) {
    if (c == K_BACK && k == 0)
      printf("  (the first step)\n");
    else if (c == K_BACK)
      rc = show(w, --k, 0, " (back)");
    else if (k + 1 == w->total)
      break;
    else
      rc = show(w, ++k, 0, "");
    for (; rc == 0 && c == K_REST && k + 1 < w->total; k++) /* the input ended */
      rc = show(w, k + 1, 0, "");
    if (c == K_REST)
      break;
  }
  raw_off();
  if (rc == 0)
    printf(c == K_QUIT ? "left at [%u/%u]\n" : "end of the steps (%u of %u)\n", k + 1,
           w->total);
  fflush(stdout);
  return rc;
}

/* ---- the quiz ---- */

enum { Q_ASKED = XI_J_WRONG + 1, Q_SKIPPED, Q_UNDECIDED, Q_COUNTS };

/* a value the quiz asks for: a computed scalar (leaves are given, and so is
   ∂L/∂L = 1); its number, or NULL */
static mpfr_srcptr asked(const walk *w, const xiT_step *p, int rev) {
  if (rev)
    return p->node != w->st.root && p->scalar ? xiD_adj(w->st.s, p->node) : NULL;
  return !p->leaf && !xiG_is_tensor(&w->st.g->nodes[p->node]) ? w->st.g->nodes[p->node].v
                                                                : NULL;
}

/* the ball that holds the exact value of v (position k's): the step's, or
   v exactly when the session keeps no balls (under an IEEE format the
   numbers are what the format computed) */
static void exact_ball(const walk *w, uint32_t k, mpfr_srcptr v, arb_t x) {
  int rev;
  const xiT_step *p = at(w, k, &rev);
  xiW_proof pf;
  if (rev)
    xiT_adjoint_proof(&w->st, p, &pf);
  else
    xiT_value_proof(&w->st, p, &pf);
  if (pf.ball)
    arb_set(x, pf.ball);
  else
    arb_set_interval_mpfr(x, v, v, mpfr_get_prec(v) + 64);
}

/* the verdict on one answer, and the value; -1 when it is not a number.  An
   answer is right when it is proven right, or right for the number computed
   at the working precision; undecided when the balls cannot tell */
static int verdict(walk *w, uint32_t k, mpfr_srcptr v, const char *answer, int *count) {
  xiR_judged j;
  arb_t x;
  arb_init(x);
  exact_ball(w, k, v, x);
  int bad = xiR_judge(x, v, w->st.prec ? w->st.prec : (long)w->s->g.prec, answer, strlen(answer),
                      0, w->s->digits, &j);
  arb_clear(x);
  if (bad) {
    xiR_unjudge(&j);
    return -1;
  }
  if (j.computed) { /* the number xi computed, to the digits typed */
    j.kind = XI_J_RIGHT;
    printf("  right as computed at %ld bits (%s); the exact value is %s\n", (long)w->s->g.prec,
           j.held ? j.held : "?", j.value ? j.value : "?");
  } else if (j.verdict == XI_V_UNDECIDED) {
    count[Q_UNDECIDED]++;
    printf("  undecided at %ld bits (a higher prec decides it): the value is %s\n", w->st.prec,
           j.value ? j.value : "?");
  } else if (j.kind == XI_J_TRUNCATED && j.vd.rounded)
    printf("  %s: rounded it is %s; the value is %s\n", xiR_judgement(j.kind), j.vd.rounded,
           j.value ? j.value : "?");
  else
    printf("  %s: the value is %s\n", xiR_judgement(j.kind), j.value ? j.value : "?");
  if (j.verdict != XI_V_UNDECIDED || j.computed)
    count[j.kind]++;
  xiR_unjudge(&j);
  return 0;
}

/* asks for position k's value until an answer is judged or skipped; K_QUIT
   when the quiz is to stop */
static int ask(walk *w, uint32_t k, mpfr_srcptr v, int *count) {
  int rev;
  const xiT_step *p = at(w, k, &rev);
  char buf[256];
  for (;;) {
    printf("%s = ? ", rev ? p->dwho : p->who);
    fflush(stdout);
    int end = line_in(w, buf, sizeof buf) < 0;
    if (!end && !isatty(STDIN_FILENO)) /* the answer, as a terminal would have echoed it */
      printf("%s", buf);
    if (end || strcmp(buf, "q") == 0) {
      printf("\n");
      return K_QUIT;
    }
    if (!isatty(STDIN_FILENO))
      printf("\n");
    if (!buf[0]) {
      arb_t x;
      arb_init(x);
      exact_ball(w, k, v, x);
      xiW_buf text = {0};
      xiW_proof pf = {.ball = x, .prec = w->st.prec, .least = w->s->digits};
      xiW_number_proven(&text, v, x, w->s->digits, &pf.least);
      xiW_proof_note(&text, &pf, w->s->digits, 1);
      arb_clear(x);
      printf("  skipped: the value is %s\n", text.s && !text.failed ? text.s : "?");
      xiW_free(&text);
      count[Q_SKIPPED]++;
      return K_NEXT;
    }
    if (verdict(w, k, v, buf, count) == 0)
      return K_NEXT;
    printf("  not a number: type one (0.25, -1e-3), Enter to see it, q to stop\n");
  }
}

static int quiz(walk *w) {
  int count[Q_COUNTS] = {0}, rc = 0, c = K_NEXT;
  uint32_t k = 0;
  printf("step %s quiz: type each value (Enter shows it, q stops)\n", w->st.label);
  for (; rc == 0 && c != K_QUIT && k < w->total; k++) {
    int rev;
    const xiT_step *p = at(w, k, &rev);
    mpfr_srcptr v = asked(w, p, rev);
    rc = show(w, k, v != NULL, "");
    if (rc == 0 && v) /* (a question left with q is not counted) */
      count[Q_ASKED] += (c = ask(w, k, v, count)) == K_NEXT;
  }
  if (rc)
    return rc;
  int n = count[Q_ASKED];
  if (n == 0 && c != K_QUIT) { /* leaves, ∂L/∂L and tensors are shown, not asked */
    printf("no value to ask for: each is a leaf, ∂%s/∂%s or a tensor\n", w->st.label,
           w->st.label);
    return 0;
  }
  printf("score: %d of %d right", count[XI_J_RIGHT], n);
  static const int kinds[] = {XI_J_TRUNCATED, XI_J_SIGN, XI_J_TWICE, XI_J_HALF, XI_J_WRONG};
  static const char *const words[] = {"truncated", "off by a sign", "twice the value",
                                      "half the value", "wrong"};
  int any = 0;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (count[kinds[i]])
      printf("%s%d %s", any++ ? ", " : " (", count[kinds[i]], words[i]);
  if (count[Q_SKIPPED])
    printf("%s%d skipped", any++ ? ", " : " (", count[Q_SKIPPED]);
  if (count[Q_UNDECIDED])
    printf("%s%d undecided", any++ ? ", " : " (", count[Q_UNDECIDED]);
  printf("%s%s\n", any ? ")" : "", c == K_QUIT ? ", stopped" : "");
  fflush(stdout);
  return 0;
}

int xiR_cmd_step(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  const char *word = s->src + st->arg.off;
  int quizzing = st->arg.len == 4 && strncmp(word, "quiz", 4) == 0;
  if (st->arg.len && !quizzing)
    return xiX_fail(err, st->arg.pos, "'%.*s' after step's expression: only quiz, as in "
                    "step L quiz", (int)st->arg.len, word);
  uint32_t mark = s->g.n;
  walk w = {.s = s, .keys = isatty(STDIN_FILENO), .at = st->pos, .err = err};
  if (xiR_steps_of(s, st, XI_T_TEXT, &w.st, err)) {
    xiG_truncate(&s->g, mark);
    return -1;
  }
  xiT_printer_init(&w.pr, &w.st,
                   (xiT_style){s->digits, s->color, xiW_terminal_width()});
  w.nf = w.st.n;
  w.total = w.st.n * (w.st.reverse ? 2 : 1);
  int rc = quizzing ? quiz(&w) : walk_steps(&w);
  xiT_steps_free(&w.st);
  if (rc) /* on success the nodes stay: the ξ labels shown name them */
    xiG_truncate(&s->g, mark);
  return rc;
}
