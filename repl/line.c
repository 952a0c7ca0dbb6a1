/* line.c: the prompt, on readline's callback interface so that Ctrl-C can
 * abandon the line being typed (or the computation running) and come back to
 * a clean prompt with the session intact. */
#include "repl/line.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "syntax/lex.h"   /* xiL_open: what a line leaves open */
#include "syntax/parse.h" /* xiP_claims_open: grade L's lines of claims */

#define HISTORY_LINES 1000
#define PROMPT "xi> "

static xiR_session *session;
static volatile sig_atomic_t got_sigint;
static int done;
static uint32_t line_no;
static char *histfile;
static void history_keep(const char *entry);
/* SIGINT is blocked except inside pselect() and while a line runs, so a ^C
   can never slip in between the check of got_sigint and the wait */
static sigset_t blocked, unblocked;

static void on_sigint(int sig) {
  (void)sig;
  got_sigint = 1;
  session->interrupt = 1; /* a running computation checks this and gives up */
}

/* A statement typed over several lines (a `repeat N {` block, a Python block
   after a line ending in ':', brackets or a string left open, grade L's
   claims up to a blank line): the lines so far.  The lexer and the parser say
   when they are complete (syntax/lex.c, xiL_open; syntax/cmdargs.c,
   xiP_claims_open). */
static char *pending;
static size_t pending_len;
static uint32_t pending_line;

/* appends line to the pending text; returns 1 when it is complete */
static int gather(char *line) {
  size_t n = strlen(line);
  char *q = realloc(pending, pending_len + n + 2);
  if (!q)
    return 1;
  pending = q;
  if (pending_len == 0)
    pending_line = line_no;
  memcpy(pending + pending_len, line, n);
  pending_len += n;
  pending[pending_len++] = '\n';
  pending[pending_len] = '\0';
  return xiL_open(pending, pending_len) == XI_OPEN_NONE &&
         !xiP_claims_open(pending, pending_len);
}

/* One history entry for what ran: a line, or a whole block typed over several
   lines (up-arrow brings the block back, and Enter runs it again: its blank
   last line, which ended a Python block, is kept) */
static void remember(const char *text) {
  size_t n = strlen(text);
  if (n && text[n - 1] == '\n')
    n--;
  size_t k = 0;
  while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n'))
    k++;
  if (k == n)
    return; /* nothing but blanks */
  char *entry = strndup(text, n);
  if (!entry)
    return;
  add_history(entry);
  history_keep(entry);
  free(entry);
}

static void on_line(char *line) {
  if (!line) { /* Ctrl-D */
    done = 1;
    rl_callback_handler_remove();
    putchar('\n');
    return;
  }
  line_no++;
  if (strlen(line) + pending_len > XI_LINE_MAX) {
    fprintf(stderr, "<stdin>:%u: error: a line (or block) of more than %d MB; the limit "
                    "protects the memory: load a file instead\n", line_no, XI_LINE_MAX >> 20);
    free(line);
    free(pending);
    pending = NULL, pending_len = 0;
    rl_set_prompt(PROMPT);
    return;
  }
  int complete = gather(line);
  for (const char *c = line; *c; c++) /* a pasted chunk may hold several lines */
    line_no += *c == '\n';
  free(line);
  rl_set_prompt(complete ? PROMPT : "... ");
  if (!complete)
    return;
  line = pending; /* run the whole statement, as one source */
  pending = NULL;
  pending_len = 0;
  session->interrupt = 0;
  got_sigint = 0;
  remember(line); /* (after the flag is down: it reads the history file) */
  int failed = session->failed; /* a mistake at the prompt is not a failed run */
  sigprocmask(SIG_SETMASK, &unblocked, NULL); /* ^C may stop the computation */
  uint32_t first = pending_line; /* a gathered block: its first line's number */
  xiR_enter(session, "<stdin>", line, strlen(line), first); /* all of it, or none */
  sigprocmask(SIG_SETMASK, &blocked, NULL);
  session->failed = failed;
  session->stop = 0; /* an error stopped the line, not the session */
  session->interrupt = 0;
  got_sigint = 0;
  free(line);
  fflush(stdout);
  if (session->quit) {
    done = 1;
    rl_callback_handler_remove();
  }
}

/* ---- completion ---- */

typedef struct {
  const char *prefix;
  size_t len;
  char **out;
  size_t n, cap;
} matches;

static void offer(void *ctx, const char *word) {
  matches *m = ctx;
  if (strncmp(word, m->prefix, m->len) != 0)
    return;
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->out[i], word) == 0)
      return;
  if (m->n + 1 >= m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 32;
    char **q = realloc(m->out, cap * sizeof *q);
    if (!q)
      return;
    m->out = q, m->cap = cap;
  }
  char *w = strdup(word);
  if (w)
    m->out[m->n++] = w;
}

static char *next_match(const char *text, int state) {
  static matches m;
  static size_t at;
  if (state == 0) {
    for (size_t i = at; i < m.n; i++)
      free(m.out[i]);
    free(m.out);
    memset(&m, 0, sizeof m);
    at = 0;
    m.prefix = text;
    m.len = strlen(text);
    xiR_words(session, offer, &m);
  }
  return at < m.n ? m.out[at++] : NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)start, (void)end;
  rl_attempted_completion_over = 1; /* never fall back to file names */
  return rl_completion_matches(text, next_match);
}

/* ---- the loop ---- */

/* ---- the history file ----
   It is never appended to: each line the file is read again (lines other
   sessions added meanwhile are kept), the line added, and its last
   HISTORY_LINES lines written whole by xiR_save (a new file renamed over it),
   so a full disk or an error leaves the file as it was. */

/* one warning, the first time the history file cannot be written */
static void history_broken(const char *why) {
  static int said;
  if (said++)
    return;
  fprintf(stderr, "xi: warning: the history file %s cannot be written (%s): this session's "
                  "lines will not be kept\n", histfile, why);
}

/* the file's text and entry on a line of its own, into the file; a file
   that cannot be read is not written (that would lose it) */
static int history_off; /* it could not be read or written: no more tries */

static void history_keep(const char *entry) {
  char *text = NULL, why[400];
  size_t len = 0;
  if (!histfile || history_off)
    return;
  FILE *f = fopen(histfile, "rb");
  if (f)
    fclose(f);
  if ((f || errno != ENOENT) && xiR_read(session, histfile, &text, &len, why, sizeof why)) {
    history_off = 1;
    history_broken(why);
    return;
  }
  size_t n = strlen(entry);
  char *all = realloc(text, len + n + 2);
  if (!all) {
    free(text);
    return;
  }
  if (len && all[len - 1] != '\n')
    all[len++] = '\n';
  memcpy(all + len, entry, n);
  len += n;
  all[len++] = '\n';
  size_t from = len, lines = 0; /* the last HISTORY_LINES lines */
  for (; from > 0; from--)
    if (all[from - 1] == '\n' && from < len && ++lines == HISTORY_LINES)
      break;
  if (xiR_save(histfile, all + from, len - from, why, sizeof why)) {
    history_off = 1;
    history_broken(why);
  }
  free(all);
}

static void history_setup(void) {
  const char *f = getenv("XI_HISTORY");
  const char *home = getenv("HOME");
  if (f && *f) {
    histfile = strdup(f);
  } else if (home && *home) {
    histfile = malloc(strlen(home) + 16);
    if (histfile)
      sprintf(histfile, "%s/.xi_history", home);
  }
  using_history();
  stifle_history(HISTORY_LINES);
  char why[400];
  FILE *old = histfile ? fopen(histfile, "rb") : NULL;
  if (old) {
    fclose(old);
    read_history(histfile);
  } else if (histfile && errno != ENOENT) {
    snprintf(why, sizeof why, "%s", strerror(errno));
    history_broken(why);
    history_off = 1;
  } else if (histfile && xiR_save(histfile, "", 0, why, sizeof why)) {
    history_broken(why); /* said at the start, not at the first line */
    history_off = 1;
  }
}

static void abandon_line(void) {
  free(pending); /* ^C drops a half-typed block too */
  pending = NULL;
  pending_len = 0;
  rl_set_prompt(PROMPT);
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_point = rl_end = 0;
  fputs("^C\n", rl_outstream ? rl_outstream : stdout);
  rl_on_new_line();
  rl_redisplay();
}

void xiE_repl(xiR_session *s) {
  session = s;
  s->interactive = 1;
  history_setup();
  rl_readline_name = "xi";
  rl_catch_signals = 0; /* our handler: readline's would re-raise into it anyway */
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,)+-*/^[]";
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: pselect() returns EINTR */
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGINT);
  sigprocmask(SIG_BLOCK, &blocked, &unblocked);
  sigprocmask(SIG_SETMASK, NULL, &blocked);

  printf("xi %s: backpropagation by hand, in MPFR (%ld bits, %d digits); Python's code "
         "(after an import) in binary64, as NumPy. 'help' for help, Ctrl-D to leave.\n",
         XI_VERSION, (long)s->g.prec, s->digits);
  fflush(stdout);
  rl_callback_handler_install(PROMPT, on_line);
  while (!done) {
    if (got_sigint) {
      got_sigint = 0;
      s->interrupt = 0;
      abandon_line();
    }
    fd_set in;
    FD_ZERO(&in);
    FD_SET(fileno(rl_instream ? rl_instream : stdin), &in);
    int r = pselect(fileno(rl_instream ? rl_instream : stdin) + 1, &in, NULL, NULL, NULL,
                    &unblocked);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      break;
    rl_callback_read_char();
  }
  if (!done)
    rl_callback_handler_remove();
  free(histfile);
  histfile = NULL;
  clear_history();
  signal(SIGINT, SIG_DFL);
  sigprocmask(SIG_SETMASK, &unblocked, NULL);
}
