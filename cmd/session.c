/* session.c: the session made and freed, errors reported at its source,
 * the language's own statements (expressions, assignments, definitions: the
 * binding rules themselves are the tape's, in tape/names.c), and the loop
 * over a source, which runs each statement by its kind: Python's in
 * pyrun.c, a command by its row's handler (dispatch.c). */
#include "cmd/cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grad/adjoint.h" /* the tape's callbacks for grad(...) */
#include "show/npfmt.h" /* NumPy's print options */
#include "show/num.h"
#include "show/print.h"
#include "tape/names.h"

void xiR_init(xiR_session *s, mpfr_prec_t prec, int digits) {
  memset(s, 0, sizeof *s);
  xiO_init();
  xiG_init(&s->g, prec);
  xiD_init(&s->sweep);
  s->g.derive = xiA_derive;
  s->g.redo = xiA_redo;
  s->g.derive_ctx = &s->sweep;
  s->g.print = xiR_print_hook;
  s->g.print_ctx = s;
  s->g.interrupt = &s->interrupt;
  xiO_interrupt = &s->interrupt; /* the tensor rules check it too */
  s->digits = digits;
  s->raised_cls = -1; /* no raise has run */
  xiO_fmt = XI_FMT_MPFR; /* a session starts in plain MPFR */
  xiW_np_options = (xiW_np_opts)XI_NP_OPTS_DEFAULT; /* and NumPy's printing */
  s->mpfr_prec = prec;
  s->balls = xiB_open(&s->g, &s->sweep);
  if (!s->balls) {
    fprintf(stderr, "xi: out of memory\n");
    exit(1);
  }
}

void xiR_free(xiR_session *s) {
  xiW_free(&s->out);
  xiB_close(s->balls);
  if (xiO_interrupt == &s->interrupt)
    xiO_interrupt = NULL;
  xiD_free(&s->sweep);
  xiG_free(&s->g);
  xiO_fmt = XI_FMT_MPFR;
  xiO_done();
}

/* ---- errors ---- */

void xiR_report(xiR_session *s, const char *kind, xi_pos pos, const char *msg) {
  xiX_report(&(xiX_source){s->file, s->src, s->len, s->first_line}, kind, pos, msg);
}

void xiR_warnings(xiR_session *s) {
  static const char *const what[] = {[XI_W_OVERFLOW] = "overflow",
                                     [XI_W_DIVIDE] = "divide by zero",
                                     [XI_W_INVALID] = "invalid value"};
  xiG_graph *g = &s->g;
  for (uint8_t w = 0; w < g->nwarn && xiR_python(s); w++) {
    const xiG_warning *x = &g->warn[w];
    uint64_t key = (uint64_t)x->pos.line << 16 | (uint64_t)x->op << 4 | x->kind;
    int seen = 0;
    for (uint8_t k = 0; k < s->nwarned && !seen; k++)
      seen = s->warned[k] == key;
    if (seen) /* Python's default filter: once for each place */
      continue;
    if (s->nwarned < sizeof s->warned / sizeof s->warned[0])
      s->warned[s->nwarned++] = key;
    /* the script's path made absolute, as Python (3.9 on) gives __file__ */
    char cwd[4096] = "";
    const char *file = s->interactive || !s->file ? "<stdin>" : s->file;
    if (file[0] != '/' && file[0] != '<' && getcwd(cwd, sizeof cwd - 1))
      strcat(cwd, "/");
    while (cwd[0] && file[0] == '.' && file[1] == '/')
      file += 2;
    fflush(stdout);
    xiX_put_shown(cwd, strlen(cwd)); /* (the name and the line escaped, as an error's) */
    xiX_put_shown(file, strlen(file));
    fprintf(stderr, ":%u: RuntimeWarning: %s encountered in %s%s\n", x->pos.line,
            what[x->kind], x->scalar ? "scalar " : "", xiG_ufunc(x->op));
    size_t len = 0;
    const char *line = s->interactive ? NULL
                                      : xiX_line(&(xiX_source){s->file, s->src, s->len,
                                                               s->first_line},
                                                 x->pos.line, &len);
    while (line && len && (*line == ' ' || *line == '\t')) /* Python strips the line */
      line++, len--;
    while (line && len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
      len--;
    if (line) {
      fputs("  ", stderr);
      xiX_put_shown(line, len);
      fputc('\n', stderr);
    }
  }
  g->nwarn = 0;
}

/* ---- expressions and bindings ---- */

static int do_expr(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  int rc = xiR_evaluate(s, st, &root, err);
  int none = rc == 0 && xiG_kind(&s->g, root) == XI_C_NONE; /* net.update(...): nothing */
  if (rc == 0 && !none && (!xiR_python(s) || (s->interactive && !s->loads))) {
    rc = xiR_print_node(s, 0, NULL, root, 0, st->pos, err);
    if (rc == 0)
      xiR_grad_notes(s, root); /* in a format: where a gradient's nan came from */
    if (rc == 0)
      xiR_value_notes(s, root, mark); /* and a value's */
  }
  xiG_truncate(&s->g, mark); /* a value nothing names is not kept */
  return rc;
}

/* name = expr, name op= expr: the rules are the tape's (tape/names.c) */
static int do_assign(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  const char *name = xiS_name(&g->sym, st->name);
  const xiG_binding *b = xiG_binding_of(g, st->name);
  int op = xiP_compound(st->assign);
  if (op >= 0 && b && b->kind == B_FUNC)
    return xiX_fail(err, st->target_pos, "%s is a function", name);
  uint32_t mark = g->n, root, bound, was = b && b->kind == B_NODE ? b->node : XI_NONE;
  int rc = xiR_evaluate(s, st, &root, err);
  if (rc == 0 && g->numpy && was != XI_NONE &&
      (op == XI_DIV || op == XI_FLOORDIV || op == XI_MOD)) /* x /= 0: ZeroDivisionError */
    rc = xiG_py_zerodiv(g, op, (const uint32_t[]){was, root}, st->pos, err);
  if (rc == 0 && op >= 0) /* micrograd's and PyTorch's rules for op= first (tape/autograd.c) */
    rc = xiG_ag_update(g, st->name, op, root, mark, st->target_pos, &bound, err);
  if (rc == 0)
    rc = op < 0 ? xiG_assign(g, st->name, root, mark, &st->code, st->target_pos, &bound, err)
                : xiG_update(g, st->name, op, root, mark, st->target_pos, &bound, err);
  if (rc < 0) {
    xiG_truncate(g, mark);
    return -1;
  }
  if (xiR_python(s)) /* sum = 0: Python's name from now on, not xi's function */
    xiP_named(&g->sym, st->name, 1);
  if (op < 0 && (xiG_object_named(g, st->name, bound, st->target_pos) || /* net.W1 */
                 xiG_object_unnamed(g, st->name, was, st->target_pos)))     /* (pyobj.c) */
    return xiX_fail(err, st->target_pos, "out of memory");
  if (!st->quiet && !xiR_python(s)) { /* name = value, unless a ';' ends it, as in MATLAB, or
                                       the code is Python's (a failed print is
                      reported, but the binding is made) */
    if (xiR_print_node(s, 0, name, bound, 0, st->pos, err))
      return -1;
    xiR_grad_notes(s, bound); /* in a format: where a gradient's nan came from */
    xiR_value_notes(s, bound, mark); /* and a value's */
  }
  return 0;
}

static int do_def(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  const char *text = st->deftext ? st->deftext : s->src + st->text_off;
  size_t len = st->deftext ? strlen(st->deftext) : st->text_len;
  if (xiG_bind_func(&s->g, st->name, st->names, st->nnames, &st->code, text, len))
    return xiX_fail(err, st->pos, "out of memory");
  return 0;
}

static int run_one(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  switch (st->kind) {
  case S_EXPR: return do_expr(s, st, err);
  case S_ASSIGN: return do_assign(s, st, err);
  case S_DEF: return do_def(s, st, err);
  case S_COMMAND: return xiR_command(s, st, err);
  case S_PRINT: return xiR_print(s, st, err);
  case S_IMPORT: return xiR_import(s, st, err);
  case S_FOR: return xiR_for(s, st, err);
  case S_WHILE: return xiR_while(s, st, err);
  case S_BREAK: s->jump = XI_JUMP_BREAK; return 0;
  case S_CONTINUE: s->jump = XI_JUMP_CONTINUE; return 0;
  case S_IF: return xiR_if(s, st, err);
  case S_UNPACK: return xiR_unpack(s, st, err);
  case S_INDEXSET: return xiR_index_set(s, st, err);
  case S_MUTATE: return xiR_mutate(s, st, err);
  case S_RETURN: return xiX_fail(err, st->pos, "return outside a def");
  case S_NOTHING: return 0;
  case S_GLOBAL: return 0; /* (at the top: the names are the session's already) */
  case S_CLASS: return xiR_class(s, st, err);
  case S_SETATTR: return xiR_setattr(s, st, err);
  case S_AUTOGRAD: return xiR_autograd(s, st, err);
  case S_ASSERT: return xiR_assert(s, st, err);
  case S_SKIPPED: return xiR_skipped(s, st);
  case S_TRY: return xiR_try(s, st, err);
  }
  return 0;
}

static int exec(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  s->g.mark = s->g.n; /* a statement may build XI_STATEMENT_NODES nodes */
  s->g.numpy = (uint8_t)xiR_python(s);
  s->g.nwarn = 0;
  int rc = run_one(s, st, err);
  xiR_ag_notes(s); /* a float32 tensor made: said once */
  xiR_warnings(s); /* (before the error's message, as Python's come first) */
  return rc;
}

/* ---- running a source ---- */

/* Frees the nodes nothing can reach once the tape has grown to four times
   what was alive after the last collection: a training loop runs in bounded
   memory, and a graph that is all alive is seldom walked for nothing. */
static void maybe_collect(xiR_session *s) {
  if (s->g.n < 4 * s->live + s->g.cut_scalars + 4096)
    return;
  if (xiG_collect(&s->g))
    xiD_forget(&s->sweep);
  s->live = s->g.n - s->g.cut_scalars; /* a list of 5000 losses is 5000 small leaves: they
                                           make the next collection wait no longer */
}

static void collect(xiR_session *s) {
  int cutting = xiG_loop_cutting(&s->g);
  if (xiG_collect(&s->g))
    xiD_forget(&s->sweep);
  if (!cutting && xiG_loop_cutting(&s->g) && xiG_collect(&s->g)) /* it just began: now */
    xiD_forget(&s->sweep);
  s->live = s->g.n - s->g.cut_scalars;
}

void xiR_loop_step(xiR_session *s, uint32_t k) {
  xiG_loop_step(&s->g, k);
  /* (as often as the tape doubles, at least every 512 nodes: the balls that
     prove a loop's numbers are computed through the steps since the last cut,
     and lose digits step by step, so that step is kept short) */
  uint32_t kept = s->live + s->g.cut_scalars;
  if (xiG_loop_cutting(&s->g) ? s->g.n >= 2 * kept + 512 : s->g.n >= kept + XI_LOOP_KEEP_NODES / 2)
    collect(s); /* (not yet letting go: a collection measures what the loop made) */
}

void xiR_loop_end(xiR_session *s) {
  if (s->g.nloops == 1 && xiG_loop_cutting(&s->g) && s->g.n > s->live + s->g.cut_scalars) {
    xiG_loop_step(&s->g, XI_NONE); /* a mark after the last step: the bound is its start */
    collect(s);
  }
  xiG_loop_leave(&s->g);
}

int xiR_run_span(xiR_session *s, size_t off, size_t end, xi_pos at, int in_block) {
  xiP_parser p;
  xiP_init_at(&p, &s->g.sym, s->src, end, off, at);
  p.indent = in_block ? 0 : 1; /* a line indented at the top is Python's IndentationError */
  p.loops = in_block ? -1 : 0;  /* a block's break was checked when the block was read */
  int failures = 0;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  while (!s->quit && !s->stop && !s->interrupt && !s->jump) {
    xi_err err;
    xiP_set_python(&p, xiR_python(s)); /* (an import switches it on between two statements) */
    int r = xiP_next(&p, &st, &err);
    if (r == 0)
      break;
    unsigned long before = s->errors;
    int rc = r > 0 ? exec(s, &st, &err) : -1;
    if (rc == 0 && s->interrupt && s->errors == before) /* ^C nothing in it noticed */
      rc = xiX_fail(&err, st.pos, "interrupted");
    if (rc == 0)
      err.msg[0] = '\0';
    if (rc) {
      s->errors++;
      if (s->trying && rc != XI_REPORTED && !s->interrupt) /* a try's excepts see it first */
        s->caught = err, s->caught_set = 1;
      else if (rc != XI_REPORTED) /* a block's statements were reported where they failed */
        xiR_report(s, "error", err.pos, err.msg);
      s->failed = 1;
      failures++;
      /* a script stops at its first error, as Python and bash -e do; a line
         typed at the prompt stops, and the prompt goes on */
      if (!s->keep_going && (!s->interactive || s->loads) && !s->trying)
        s->stop = 1;
      if (in_block || s->interactive)
        break;
    }
    maybe_collect(s);
  }
  xiP_stmt_done(&st);
  return failures;
}

/* Python compiles a whole file before it runs a line: a syntax error anywhere
   runs nothing (xi ran the lines above it, and a loop there could keep it from
   ever saying so).  The file is read once by a parser of its own, on a name
   table of its own, and thrown away; what it finds is said at its place.
   With --keep-going the lines run as before, each error said where it is. */
static int syntax_first(xiR_session *s, const char *src, size_t len, uint32_t first_line) {
  xiS_table sym;
  xiS_init(&sym);
  xiP_parser p;
  xiP_init(&p, &sym, src, len, first_line);
  p.indent = 1;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  xi_err err;
  int r;
  do
    xiP_set_python(&p, 1);
  while ((r = xiP_next(&p, &st, &err)) > 0);
  xiP_stmt_done(&st);
  xiS_free(&sym);
  if (r == 0)
    return 0;
  xiR_report(s, "error", err.pos, err.msg);
  s->errors++;
  s->failed = s->stop = 1;
  return 1;
}

int xiR_run(xiR_session *s, const char *file, const char *src, size_t len, uint32_t first_line) {
  const char *ofile = s->file, *osrc = s->src;
  size_t olen = s->len;
  uint32_t oline = s->first_line;
  s->file = file, s->src = src, s->len = len, s->first_line = first_line;
  size_t n = file ? strlen(file) : 0; /* a .py file: Python's rules for what is shown */
  int py = s->py_file;
  s->py_file = n > 3 && strcmp(file + n - 3, ".py") == 0;
  if (s->py_file)
    xiR_python_numbers(s, (xi_pos){first_line, 1});
  int failures = s->py_file && !s->keep_going && !s->interactive
                     ? syntax_first(s, src, len, first_line)
                     : 0;
  if (!failures)
    failures = xiR_run_span(s, 0, len, (xi_pos){first_line, 1}, 0);
  s->py_file = py;
  s->file = ofile, s->src = osrc, s->len = olen, s->first_line = oline;
  return failures;
}

/* ---- a line at the prompt: all of it or none of it ---- */

/* what a line may change besides names (the tape undoes those) */
typedef struct {
  int digits, exact, fmt, py_import, fmt_chosen;
  slong exact_prec;
  mpfr_prec_t prec, mpfr_prec;
} settings;

static settings settings_of(const xiR_session *s) {
  return (settings){s->digits, s->exact, xiO_fmt, s->py_import, s->fmt_chosen, s->exact_prec,
                    s->g.prec, s->mpfr_prec};
}

/* the note that says what was put back: the names the line changed, and the
   settings; nothing when it changed nothing */
static void undo_note(xiR_session *s, const settings *was, xi_pos at) {
  xiG_graph *g = &s->g;
  xiW_buf b = {0};
  uint32_t said = 0, first[6]; /* (a name is logged once, but after a change that failed) */
  for (uint32_t k = 0; k < g->st.nlog; k++) {
    uint32_t name = g->st.log[k].name, dup = 0;
    for (uint32_t j = 0; j < said && j < 6 && !dup; j++)
      dup = first[j] == name;
    if (dup)
      continue;
    if (said < 6) {
      first[said] = name;
      xiW_put(&b, "%s%s", said ? ", " : "", xiS_name(&g->sym, name));
    }
    said++;
  }
  if (said > 6)
    xiW_put(&b, " and %u more", said - 6);
  if (said)
    xiW_put(&b, " %s as %s before it", said == 1 ? "is" : "are", said == 1 ? "it was" : "they were");
  if (was->prec != g->prec || was->fmt != xiO_fmt)
    xiW_put(&b, "%sthe precision %s back", said ? "; " : "",
            was->fmt != xiO_fmt ? "and the format are" : "is");
  if (was->digits != s->digits || was->exact != s->exact)
    xiW_put(&b, "%sdigits %d%s again", said || was->prec != g->prec || was->fmt != xiO_fmt
                                           ? "; " : "", was->digits, was->exact ? " exact" : "");
  if (b.n && !b.failed) {
    char msg[sizeof ((xi_err *)0)->msg];
    snprintf(msg, sizeof msg, "nothing the line did is kept: %s", b.s);
    xiR_report(s, "note", at, msg);
  }
  xiW_free(&b);
}

/* the line undone: the tape's part (names, nodes, the precision and the
   values), then the settings */
static void undo_line(xiR_session *s, const settings *was, xi_pos at) {
  xiG_graph *g = &s->g;
  undo_note(s, was, at);
  int fmt = xiO_fmt;
  xiG_stmt_rollback(g);
  xiD_forget(&s->sweep);
  s->live = g->n;
  s->digits = was->digits, s->exact = was->exact, s->exact_prec = was->exact_prec;
  s->py_import = was->py_import, s->fmt_chosen = was->fmt_chosen;
  s->mpfr_prec = was->mpfr_prec;
  xiO_fmt = was->fmt;
  if (was->prec == g->prec)
    return;
  /* the mark's values could not be kept (no memory for 40 bytes): computed
     again, as prec does (a leaf without code keeps what the line left) */
  s->interrupt = 0; /* the putting back must run; a second ^C stops it */
  xi_err err;
  err.pos = at;
  xiG_collect(g); /* values nothing can reach are not computed again */
  s->live = g->n;
  if (xiG_set_prec(g, was->prec, &err)) {
    xiO_fmt = fmt;
    size_t len = strlen(err.msg);
    snprintf(err.msg + len, sizeof err.msg - len, ": the precision stays %ld bits%s%s",
             (long)g->prec, fmt ? " in " : "", fmt ? xiO_formats[fmt].name : "");
    xiR_report(s, "error", at, err.msg);
    s->errors++;
  }
  s->interrupt = 0;
}

int xiR_enter(xiR_session *s, const char *file, const char *src, size_t len,
              uint32_t first_line) {
  settings was = settings_of(s);
  unsigned long errors = s->errors;
  int own = xiG_stmt_begin(&s->g);
  int failures = xiR_run(s, file, src, len, first_line);
  if (!own)
    return failures;
  if (!s->interrupt && s->errors == errors) {
    xiG_stmt_commit(&s->g);
    return failures;
  }
  const char *ofile = s->file, *osrc = s->src; /* the messages name the line */
  size_t olen = s->len;
  uint32_t oline = s->first_line;
  s->file = file, s->src = src, s->len = len, s->first_line = first_line;
  xi_pos at = {first_line, 1};
  if (s->errors == errors) /* ^C before its first statement began */
    xiR_report(s, "error", at, "interrupted");
  s->errors += s->errors == errors;
  s->src = NULL; /* (the note without the line again) */
  undo_line(s, &was, at);
  s->file = ofile, s->src = osrc, s->len = olen, s->first_line = oline;
  return failures + (failures == 0);
}

int xiR_read(xiR_session *s, const char *path, char **text, size_t *len, char *why,
             size_t n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(why, n, "cannot read %s: %s", path, strerror(errno));
    return -1;
  }
  char *buf = NULL;
  size_t used = 0, cap = 0;
  int rc = 0;
  for (;;) {
    if (s->interrupt) { /* load /dev/zero: ^C stops the reading, as anything */
      snprintf(why, n, "interrupted while reading %s", path);
      rc = -1;
      break;
    }
    if (used + 65536 > cap) {
      if (cap > XI_INPUT_MAX) {
        snprintf(why, n, "%s is larger than %d MB, the limit for a script (it protects the "
                         "memory: split it into files and load each)", path, XI_INPUT_MAX >> 20);
        rc = -1;
        break;
      }
      cap = (used + 65536) * 2;
      char *b = realloc(buf, cap);
      if (!b) {
        snprintf(why, n, "out of memory reading %s", path);
        rc = -1;
        break;
      }
      buf = b;
    }
    size_t got = fread(buf + used, 1, cap - used, f);
    used += got;
    if (got == 0) {
      if (ferror(f)) { /* a directory, an I/O error: never a silent empty script */
        snprintf(why, n, "cannot read %s: %s", path, strerror(errno));
        rc = -1;
      }
      break;
    }
  }
  fclose(f);
  if (rc) {
    free(buf);
    return -1;
  }
  *text = buf, *len = used;
  return 0;
}

int xiR_run_file(xiR_session *s, const char *path) {
  char *buf, why[512];
  size_t len;
  if (xiR_read(s, path, &buf, &len, why, sizeof why)) {
    fflush(stdout);
    fprintf(stderr, "xi: %s\n", why);
    s->failed = 1;
    s->stop = !s->keep_going;
    return 1;
  }
  int failures = xiR_run(s, path, buf, len, 1);
  free(buf);
  return failures;
}
