/* stmt.c: one statement parsed (xiP_next, parse.c's grammar): docstrings,
 * the rule of names and commands (what a word means where a statement starts,
 * in xi's code and in Python's), and the skip past a syntax error to the next
 * statement.  Assignments are assign.c's, Python's own statements pystmt.c's. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdlib.h>
#include <string.h>


/* a string alone is a docstring (or a comment written as one): nothing to run */
static void docstring(xiP_parser *p, xiP_stmt *st) {
  while (xiP_is(p, T_STRING))
    xiP_take(p);
  if (!xiP_at_end(p))
    xiP_fail(p, xiP_peek(p)->pos, "text is for print(...) in xi: print(\"...\", x)");
  st->kind = S_NOTHING;
}

/* ---- names and commands ----
 * The one rule of what a word of xi's means: a command's (syntax/commands.h),
 * a function's of the op table, a maker's, a built-in of Python's.  In xi's
 * language a command's word starts a command, and a function's name is
 * called.  In Python's code (a .py file, or a session after import:
 * p->python) a word is a name wherever Python would read it as one: assigned,
 * looped over, passed or read (for step in range(5), seed = 42, sum += x,
 * f"{step}"), and a value Python's code gave it hides xi's function of that
 * name, as in Python (xiP_named).  A command keeps a spelling that cannot
 * clash, IPython's %trace L (accepted everywhere), and its bare word where it
 * cannot be a Python name: at the start of a statement, followed by what
 * cannot follow a name there (trace loss, check L == 0.5, seed 42). */

static int xis_word(uint16_t tag) {
  int k = TAG_KIND(tag);
  return k == TAG_COMMAND || k == TAG_OP || k == TAG_MAKER || k == TAG_DERIV ||
         k == TAG_BUILTIN;
}

void xiP_named(xiS_table *sym, uint32_t id, int on) {
  uint16_t t = xiS_tag(sym, id);
  if (xis_word(t) || (t & TAG_MATH)) /* (from math import fabs; fabs = 3) */
    xiS_set_tag(sym, id, (uint16_t)(on ? t | TAG_NAMED : t & ~TAG_NAMED));
}

/* xiP_word's rule for a word of xi's in Python's code (kept apart: xiP_word's
   usual path stays short) */
__attribute__((noinline)) static uint16_t py_word(xiP_parser *p, const xiL_token *t,
                                                  uint16_t tag, int call) {
  if (!call)
    return TAG_NONE; /* Python's name: sum = 0, print(step) */
  if (p->nown + p->nlam) {
    uint32_t id = xiP_name_id(p, t);
    for (uint32_t k = 0; k < p->nown + p->nlam; k++)
      if (p->own[k] == id)
        return TAG_NONE; /* a parameter's value called: def f(x, exp=np.tanh): exp(x) */
  }
  if (tag & TAG_NAMED)
    xiP_fail(p, t->pos, "%.*s is a value here, not a function: Python's code gave the name a "
                        "value, which hides the built-in %.*s, as in Python (del %.*s brings "
                        "it back)", (int)t->len, p->lx.src + t->off, (int)t->len,
             p->lx.src + t->off, (int)t->len, p->lx.src + t->off);
  return tag & (uint16_t)~TAG_NAMED;
}

uint16_t xiP_word_of(xiP_parser *p, const xiL_token *t, uint16_t tag, int call) {
  if (tag & TAG_SHADOWED)
    return TAG_NONE; /* a def made it the user's function */
  if (p->python && xis_word(tag))
    return py_word(p, t, tag, call);
  return tag & (uint16_t)~TAG_NAMED;
}

void xiP_bindable(xiP_parser *p, const xiL_token *t) {
  uint16_t tag = xiP_tag_of(p, t);
  const char *s = p->lx.src + t->off;
  int n = (int)t->len;
  if (TAG_KIND(tag) == TAG_KEYWORD)
    xiP_fail(p, t->pos, "'%.*s' is a word of Python's, not a name", n, s);
  if (!p->python && xis_word(tag) && !(tag & TAG_SHADOWED))
    xiP_fail(p, t->pos, "'%.*s' is a %s of xi's: choose another name (in Python's code, a .py "
                        "file or after import, it can be a name)", n, s,
             TAG_KIND(tag) == TAG_COMMAND ? "command" : "function");
}

/* what may follow a name, and not a command's word, at the start of a
   statement of Python's: step = 3, step += 1, step(x), step[0], step.T,
   step, x = ..., step * 2, step < 3, step if c else d ... */
static int name_follows(xiP_parser *p) {
  xiL_token *t = xiP_peek(p);
  switch (t->type) {
  case T_ASSIGN: case T_PLUSEQ: case T_MINUSEQ: case T_STAREQ: case T_SLASHEQ:
  case T_PERCENTEQ: case T_DSLASHEQ: case T_LP: case T_LBRACK: case T_DOT: case T_COMMA:
  case T_COLON: case T_STAR: case T_SLASH: case T_POW: case T_AT: case T_PERCENT:
  case T_DSLASH: case T_EQEQ: case T_NE: case T_LT: case T_LE: case T_GT: case T_GE:
  case T_SUP: case T_AMP: case T_PIPE: case T_CARET: case T_LSHIFT: case T_RSHIFT:
  case T_POWEQ: case T_AMPEQ: case T_PIPEEQ: case T_CARETEQ: case T_LSHIFTEQ:
  case T_RSHIFTEQ: case T_ATEQ:
    return 1;
  case T_NAME: {
    int kw = xiP_keyword(xiP_tag_of(p, t));
    return kw == KW_IF || kw == KW_AND || kw == KW_OR || kw == KW_IN || kw == KW_IS ||
           kw == KW_NOT;
  }
  default:
    return 0;
  }
}

/* the command's word first (taken; tag its tag) at the start of a statement:
   is it the command?  Otherwise it starts an expression, and is put back */
static int command_here(xiP_parser *p, xiL_token first, uint16_t tag) {
  int call = xiP_is(p, T_LP);
  if ((tag & TAG_SHADOWED) && call)
    return 0; /* def grad(...): grad( calls it; grad L is still the command */
  if (TAG_ARG(tag) == XI_CMD_GRAD && call)
    return 0; /* grad(L, W) is an expression */
  if (call && (TAG_ARG(tag) == XI_CMD_QUIT || TAG_ARG(tag) == XI_CMD_EXIT) &&
      !(tag & TAG_NAMED)) {
    xiL_token lp = xiP_take(p); /* quit(), exit(): as Python writes them */
    int empty = xiP_is(p, T_RP);
    xiP_put_back(p, &lp);
    if (empty)
      return 1;
  }
  if (!p->python)
    return 1;
  if (name_follows(p))
    return 0;
  xiP_args args = xiP_commands[TAG_ARG(tag)].args;
  if (xiP_at_end(p)) /* step alone is a name; vars alone the command, unless it is named */
    return (args == A_NONE || args == A_TOPIC || args == A_NUMBER_OPT) && !(tag & TAG_NAMED);
  (void)first;
  if (xiP_is(p, T_MINUS) || xiP_is(p, T_PLUS))
    return !(tag & TAG_NAMED); /* show -x, but step - 1 when step is a value */
  return 1;
}

/* the rest of the statement, read and let go (brackets may span lines) */
static void skip_rest(xiP_parser *p) {
  while (!xiP_at_end(p) && !xiP_is(p, T_ERROR))
    xiP_take(p);
}

/* IPython's magics that only set up its display or its imports, which a
   pasted cell starts with: nothing to compute */
static int display_magic(xiP_parser *p, const xiL_token *w) {
  static const char *const words[] = {"matplotlib", "config", "load_ext", "reload_ext",
                                      "autoreload"};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (xiP_word_is(p, w, words[k]))
      return 1;
  return 0;
}

/* a statement that starts with a plotting module's name and '.': plt.plot(losses),
   plt.show(), plt.rcParams[...] = ..., sns.heatmap(M) (pyplot's, seaborn's), which
   xi does not draw and which binds no name of the program's; a plotting call's
   value used elsewhere stays an error (expr.c) */
static int plot_statement(xiP_parser *p, const xiL_token *first, uint16_t tag) {
  if (TAG_KIND(tag) != TAG_FOREIGN)
    return 0;
  uint32_t m = xiS_linked(p->sym, xiP_name_id(p, first));
  const char *s = m == XI_NONE ? "" : xiS_name(p->sym, m);
  if (strncmp(s, "matplotlib", 10) != 0 && strncmp(s, "seaborn", 7) != 0)
    return 0;
  xiP_take(p);
  int dot = xiP_is(p, T_DOT);
  xiP_put_back(p, first);
  return dot;
}

/* %trace L: IPython's spelling of a command, which no name can take */
static void percent_command(xiP_parser *p, xiP_stmt *st) {
  xiL_token pct = xiP_take(p);
  xiL_token w = *xiP_peek(p);
  uint16_t tag = w.type == T_NAME ? xiP_tag_of(p, &w) : TAG_NONE;
  if (w.type == T_NAME && w.off == pct.off + 1 && display_magic(p, &w)) {
    st->kind = S_SKIPPED, st->cmd = XI_SKIP_MAGIC; /* %matplotlib inline */
    skip_rest(p);
    return;
  }
  if (TAG_KIND(tag) != TAG_COMMAND || w.off != pct.off + 1) {
    if (w.type == T_NAME && w.off == pct.off + 1)
      xiP_fail(p, pct.pos, "%%%.*s is not a command of xi's (help lists them; IPython's own "
                           "magics are not part of xi)", (int)w.len, p->lx.src + w.off);
    xiP_fail(p, pct.pos, "a statement does not start with '%%': %%trace L is the command "
                         "trace (help lists the commands)");
  }
  xiP_take(p);
  if (TAG_ARG(tag) == XI_CMD_GRAD && xiP_is(p, T_LP))
    xiP_fail(p, w.pos, "%%grad is the command, as in %%grad L wrt W; grad(L, W), the "
                       "function, is written without '%%'");
  xiP_command(p, st, w, TAG_ARG(tag));
}

/* x = ..., x += ...: a name that the expressions read as a name (xiP_word:
   what name() in expr.c emits for it), then an assignment, is the target as
   the whole expression's code would be, [K_NAME x]; read so without going
   down expr.c's nine levels, for a script's statements are mostly such (an
   eighth of the parsing of bench/run --whole's script).  Else nothing is
   taken. */
static int plain_target(xiP_parser *p, xiP_stmt *st, const xiL_token *first) {
  if (first->type != T_NAME || xiP_word(p, first, 0) != TAG_NONE)
    return 0;
  xiP_take(p);
  if (!xiP_assignment(xiP_peek(p)->type)) {
    xiP_put_back(p, first);
    return 0;
  }
  xiP_ins ins = {K_NAME, 0, 0, 0, xiP_name_id(p, first), first->pos};
  xiP_emit(p, &st->code, ins);
  st->text_off = first->off;
  st->text_len = first->len;
  return 1;
}

static void statement(xiP_parser *p, xiP_stmt *st) {
  xiL_token first = *xiP_peek(p);
  st->pos = first.pos;
  if (first.type == T_STRING) {
    docstring(p, st);
    return;
  }
  if (first.type == T_PERCENT) {
    percent_command(p, st);
    return;
  }
  if (first.type == T_AT && p->python)
    xiP_fail(p, first.pos, "decorators (@property, @staticmethod, @classmethod ...) are not "
                           "part of xi: write a plain method, and call it (net.loss() for "
                           "@property's net.loss)");
  uint16_t tag = xiP_tag_of(p, &first);
  if (plot_statement(p, &first, tag)) {
    st->kind = S_SKIPPED, st->cmd = XI_SKIP_PLOT;
    skip_rest(p);
    return;
  }
  if ((TAG_KIND(tag) == TAG_FOREIGN || TAG_KIND(tag) == TAG_MODULE) && p->python) {
    xiP_take(p); /* torch = None after a failed import: a module's name given a value, */
    int assign = xiP_is(p, T_ASSIGN); /* as Python's may be */
    xiP_put_back(p, &first);
    if (assign)
      xiS_set_tag(p->sym, xiP_name_id(p, &first), tag = TAG_NONE);
  }
  int kw = xiP_keyword(tag);
  if (kw >= 0 && kw != KW_TRUE && kw != KW_FALSE && kw != KW_NONE && kw != KW_NOT &&
      kw != KW_LAMBDA) {
    xiP_python(p, st, first, kw);
    return;
  }
  if (TAG_KIND(tag) == TAG_COMMAND) {
    xiP_take(p);
    int cmd = command_here(p, first, tag);
    xiP_put_back(p, &first); /* what follows unread: load's file is raw text */
    if (cmd) {
      xiP_take(p);
      xiP_command(p, st, first, TAG_ARG(tag));
      return;
    } /* else an expression: grad(L, W), or Python's name */
  } else if (TAG_KIND(tag) >= TAG_DERIV && !p->python) {
    xiP_take(p);
    if (xiP_assignment(xiP_peek(p)->type))
      xiP_fail(p, first.pos, "%.*s is a built-in function: choose another name (in Python's "
                             "code, a .py file or after import, it can be a name)",
               (int)first.len, p->lx.src + first.off);
    xiP_put_back(p, &first);
  }
  st->kind = S_EXPR;
  if (plain_target(p, st, &first)) {
    xiP_def_or_assign(p, st);
    return;
  }
  xiP_full_expr(p, st);
  if (xiP_torch_stmt(p, st)) /* x.backward(), x.grad = 0, x.data -= e ... */
    return;
  if (xiP_is(p, T_COMMA)) {
    xiP_tuple_or_unpack(p, st);
    return;
  }
  if (xiP_assignment(xiP_peek(p)->type)) {
    xiP_def_or_assign(p, st);
    return;
  }
  xiP_code *c = &st->code;
  if (p->clip_out && p->clip_out == c->n + 1 && c->ins[0].kind == K_NAME &&
      c->ins[0].arg == p->clip_name) { /* np.clip(x, lo, hi, out=x) alone */
    xiP_clip_statement(p, st);
    return;
  }
  if (c->n && c->ins[c->n - 1].kind == K_PY &&
      (c->ins[c->n - 1].op == XI_PY_APPEND || c->ins[c->n - 1].op == XI_PY_EXTEND ||
       c->ins[c->n - 1].op == XI_PY_SORT || c->ins[c->n - 1].op == XI_PY_ITERNEXT ||
       c->ins[c->n - 1].op == XI_PY_INSERT || c->ins[c->n - 1].op == XI_PY_REMOVE ||
       c->ins[c->n - 1].op == XI_PY_DELITEM || c->ins[c->n - 1].op == XI_PY_SHUFFLE ||
       c->ins[c->n - 1].op == XI_PY_NPSHUFFLE)) {
    st->kind = S_MUTATE; /* xs.append(v), xs.sort(), it.iternext(), xs.insert(i, v),
                            del xs[i], random.shuffle(xs): a statement that changes xs, it */
    return;
  }
  /* np.set_printoptions(precision=3): the printoptions command, the tuple of
     the values its code (numpy.c kept the names) */
  if (c->n >= 2 && c->ins[c->n - 1].kind == K_ATTR && c->ins[c->n - 1].op == XI_ATTR_PRINTOPTS) {
    st->kind = S_COMMAND;
    st->cmd = XI_CMD_PRINTOPTIONS;
    c->n--;
    for (uint32_t k = 0; k < p->npopt; k++)
      xiP_add_name(p, st, p->popt[k], p->popt_pos[k]);
    if (!p->npopt) /* np.set_printoptions(): nothing changes */
      st->kind = S_NOTHING, c->n = 0;
    return;
  }
  /* np.random.seed(42): the seed command */
  if (c->n >= 2 && c->ins[c->n - 1].kind == K_ATTR && c->ins[c->n - 1].op == XI_ATTR_SEED) {
    st->kind = S_COMMAND;
    st->cmd = XI_CMD_SEED;
    c->n--; /* np.random.seed(seed): the number is computed (st->code) */
    if (c->n == 1 && c->ins[0].kind == K_NUM && p->seed_arg.type == T_NUM) {
      st->arg = p->seed_arg;
      st->has_number = 1;
      c->n = 0;
    }
  }
}

/* xs.append(v) gives None in Python: anywhere but as a statement of its own
   its value would be used, which xi refuses */
static void stray_code(xiP_parser *p, const xiP_code *c, uint32_t upto) {
  for (uint32_t k = 0; k < upto; k++)
    if (c->ins[k].kind == K_SKIP && c->ins[k].spare == XI_SKIP_LAMBDA)
      k += c->ins[k].arg; /* (a def inside a def: its body was read as a def's) */
    else if (c->ins[k].kind == K_PY && c->ins[k].op == XI_PY_ITERNEXT)
      xiP_fail(p, c->ins[k].pos, "it.iternext() as a value (True while elements are left) is "
                                 "not part of xi: write it as a statement of its own, and test "
                                 "it.finished (while not it.finished: ...)");
    else if (c->ins[k].kind == K_PY && c->ins[k].op == XI_PY_NPSHUFFLE)
      xiP_fail(p, c->ins[k].pos, "np.random.shuffle(x) changes x in place and gives None (as "
                                 "in NumPy): write it as a statement of its own");
    else if (c->ins[k].kind == K_PY &&
        (c->ins[k].op == XI_PY_APPEND || c->ins[k].op == XI_PY_EXTEND ||
         c->ins[k].op == XI_PY_SORT || c->ins[k].op == XI_PY_INSERT ||
         c->ins[k].op == XI_PY_REMOVE || c->ins[k].op == XI_PY_SHUFFLE))
      xiP_fail(p, c->ins[k].pos, "this changes a list and gives None (as in Python): write it "
                                 "as a statement of its own, xs.append(v)");
}

static void stray_mutation(xiP_parser *p, const xiP_stmt *st) {
  stray_code(p, &st->code, st->kind == S_MUTATE ? st->code.n - 1 : st->code.n);
  for (uint32_t i = 0; i < st->nitems; i++)
    stray_code(p, &st->items[i].code, st->items[i].code.n);
}

static void skip_statement(xiP_parser *p) {
  if (p->ended) { /* the error was in a block, all of which was read: on after it */
    p->ended = 0;
    return;
  }
  p->lx.depth = 0; /* an error inside brackets: the statement ends at the newline */
  if (p->resync) { /* a bracket never closed: on from the line after it */
    p->lx.off = p->resync - 1;
    p->lx.line = p->resync_line, p->lx.col = 1;
    p->have_tok = 0;
    p->resync = 0;
    return;
  }
  for (;;) {
    /* a bracket the skip itself passes ('$(1', an invalid byte before a '('),
       opened after the error, never holds the newline: else every later
       line would be skipped as inside it, up to a ')' or the end */
    p->lx.depth = 0;
    xiL_type t = xiP_peek(p)->type;
    if (t == T_EOF)
      return;
    p->have_tok = 0;
    if (t == T_NL || t == T_SEMI)
      return;
  }
}

/* t is the first token of its line */
static int starts_line(const xiP_parser *p, const xiL_token *t) {
  size_t i = t->off;
  while (i && (p->lx.src[i - 1] == ' ' || p->lx.src[i - 1] == '\t' || p->lx.src[i - 1] == '\f'))
    i--;
  return i == 0 || p->lx.src[i - 1] == '\n';
}

int xiP_next(xiP_parser *p, xiP_stmt *st, xi_err *err) {
  xiP_code keep = st->code; /* the code buffer is reused from statement to statement */
  xiP_stmt_free(st);
  memset(st, 0, sizeof *st);
  st->code.ins = keep.ins, st->code.cap = keep.cap;
  p->err = err;
  p->no_compare = 0;
  p->index_at = UINT32_MAX, p->index_end = 0, p->index_base = XI_NONE; /* none read yet */
  if (setjmp(p->fail)) {
    p->nlam = 0; /* (a lambda's parameters, when one fails) */
    xiP_release_file(p);
    skip_statement(p);
    return -1;
  }
  for (;;) {
    while (xiP_is(p, T_NL) || xiP_is(p, T_SEMI))
      xiP_take(p);
    if (xiP_is(p, T_EOF))
      return 0;
    p->ended = 0;
    if (p->indent && starts_line(p, xiP_peek(p)) && xiP_peek(p)->pos.col != p->indent)
      xiP_fail(p, xiP_peek(p)->pos, "IndentationError: unexpected indent (no line before it "
                                    "ends with ':' to open a block; at the prompt a blank "
                                    "line ends a block: load the file, or paste it whole)");
    p->clip_out = 0;
    statement(p, st);
    if (p->clip_out)
      xiP_fail(p, p->clip_pos, "np.clip(x, lo, hi, out=x) changes x in place and is read as a "
                               "statement of its own: its value is not used here");
    if (st->kind != S_NOTHING || p->ended || !xiP_at_end(p))
      break;
    xiP_stmt_free(st); /* pass, a docstring: on to the next statement */
    st->kind = S_EXPR;
  }
  if (st->kind != S_DEF) /* (a def's statements were each checked as they were read) */
    stray_mutation(p, st);
  if (p->ended) /* a block took its last newline: the next statement starts here */
    return 1;
  if (st->kind == S_NOTHING && !xiP_at_end(p))
    xiP_unexpected(p, "the end of the statement");
  if (st->kind == S_NOTHING)
    return 0;
  if (!xiP_at_end(p)) {
    int wrt = st->kind == S_COMMAND && !st->nnames &&
              (xiP_commands[st->cmd].args == A_WRT || xiP_commands[st->cmd].args == A_WRT_WORD);
    if (st->kind == S_COMMAND && xiP_commands[st->cmd].args == A_WRT_EQ && !st->nitems)
      xiP_unexpected(p, "',' and another name, '=' and a value, or the end of the statement");
    int operand = st->code.n && !(st->kind == S_COMMAND && (xiP_commands[st->cmd].args == A_CHECK));
    xiP_unexpected(p, wrt       ? "an operator, wrt, or the end of the statement"
                  : operand ? "an operator or the end of the statement"
                            : "the end of the statement");
  }
  st->quiet = xiP_is(p, T_SEMI);
  return 1;
}
