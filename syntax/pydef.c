/* pydef.c: def f(x, y): and its indented body, compiled to code with
 * locals: each assignment's code and a K_LET, the return's code last, so that
 * a def makes a function as f(x) = ... does; if, for and while in the body are
 * jumps within that code, run at each call.  A part of the parser (xiP_,
 * parse.h): pystmt.c sends def here and reads the block for it (xiP_block),
 * pyparams.c reads its head; what the parts share is declared in parse_int.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

_Noreturn static void def_fail(xiP_parser *p, xiP_stmt *bs, xi_pos pos, const char *msg) {
  xiP_stmt_done(bs);
  xiP_fail(p, pos, "%s", msg);
}

static void append(xiP_parser *p, xiP_code *to, const xiP_code *from) {
  for (uint32_t k = 0; k < from->n; k++)
    xiP_emit(p, to, from->ins[k]);
}

static void let(xiP_parser *p, xiP_code *c, uint32_t name, xi_pos pos) {
  xiP_ins ins = {K_LET, 0, 0, 0, name, pos};
  xiP_emit(p, c, ins);
}

/* a change in place of an attribute's list or dict, or of a value the def
   did not make (a parameter's dict, the caller's; bs's code makes the pair
   old, new): K_MARK, the code, K_CHANGED (tape/pyobj.c: every holder of old
   takes new, the names of the caller and of this def too, as in Python), the
   value dropped */
static void mark_changed(xiP_parser *p, xiP_code *c, const xiP_stmt *bs, int grow, int op) {
  xiP_emit(p, c, (xiP_ins){K_MARK, 0, 0, 0, 0, bs->pos});
  append(p, c, &bs->code);
  xiP_emit(p, c, (xiP_ins){K_CHANGED, 0, (uint8_t)op, 0, (uint32_t)grow, bs->target_pos});
  xiP_emit(p, c, (xiP_ins){K_DROP, 0, 0, 0, 0, bs->pos});
}

/* the body's lines on one line, for vars: "s = sigmoid(z); return s * (1 - s)" */
static void def_text(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, int flow) {
  const char *s = p->lx.src;
  xiL_lexer lx; /* a docstring first is not shown */
  xiL_init(&lx, s, end, 1);
  lx.off = off;
  xiL_token first = xiL_next(&lx);
  while (first.type == T_NL)
    first = xiL_next(&lx);
  if (first.type == T_STRING)
    off = first.off + first.len;
  char *out = malloc(2 * (end - off) + 1); /* "; " for each newline: a line may have no
                                              indentation (inside brackets) */
  if (!out)
    xiP_fail(p, st->pos, "out of memory");
  size_t n = 0;
  for (size_t i = off; i < end;) {
    size_t e = i;
    while (e < end && s[e] != '\n')
      e++;
    size_t a = i, b = e;
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
      a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
      b--;
    if (a < b && s[a] != '#') {
      if (n && !(flow && out[n - 1] == ':')) /* for x in xs: s = s + x */
        out[n++] = ';';
      if (n)
        out[n++] = ' ';
      memcpy(out + n, s + a, b - a);
      n += b - a;
    }
    i = e + 1;
  }
  out[n] = '\0';
  st->deftext = out;
}

/* What compiling a def's body keeps across its blocks: the names given a
   value of the def's own (fresh), the jumps forward not yet placed (each to
   a label: 0 the function's end, others a loop's exit or an if's next
   clause), and the loop the block is in (its top: where continue goes back to) */
enum { END = 0, XI_DEF_JUMPS = 512, XI_DEF_LOCALS = 256 };

typedef struct {
  uint32_t fresh[64], nfresh;
  struct { uint32_t at, label; } jumps[XI_DEF_JUMPS];
  uint32_t njumps, nlabels;
  uint32_t top, exit; /* the loop's (exit: its label; 0: no loop) */
  uint32_t depth;     /* loops around: their hidden names are their own */
  int blocks;
  uint32_t locals[XI_DEF_LOCALS], nlocals; /* the names the body assigns */
  uint32_t globals[XI_DEF_LOCALS], nglobals; /* declared global: the session's names */
  int effects; /* the body prints or changes something in place: without return it
                  gives None, as Python's */
  int nested;  /* a def inside a def: return alone, or none, gives None */
} def_ctx;

/* name is assigned in the body: a local of the def's (Python's rule), with no
   value until a line gives it one */
static int is_global(const def_ctx *cx, uint32_t name) {
  for (uint32_t k = 0; k < cx->nglobals; k++)
    if (cx->globals[k] == name)
      return 1;
  return 0;
}

static void assigned(xiP_parser *p, const xiP_stmt *st, def_ctx *cx, uint32_t name, xi_pos pos) {
  if (is_global(cx, name))
    return; /* (the session's: K_LET op 2 binds it there) */
  for (uint32_t k = 0; k < st->nnames; k++)
    if (st->names[k] == name)
      return;
  for (uint32_t k = 0; k < cx->nlocals; k++)
    if (cx->locals[k] == name)
      return;
  if (name == XI_NONE)
    return;
  if (cx->nlocals == XI_DEF_LOCALS)
    xiP_fail(p, pos, "more than %d names in one def: split it into several", XI_DEF_LOCALS);
  cx->locals[cx->nlocals++] = name;
}

/* the value on the stack bound to name: a local, or the session's name when the
   body declared it global (K_LET op 2) */
static void let_name(xiP_parser *p, xiP_code *c, def_ctx *cx, uint32_t name, xi_pos pos) {
  if (name != XI_NONE && is_global(cx, name)) {
    xiP_emit(p, c, (xiP_ins){K_LET, 2, 0, 0, name, pos});
    cx->effects = 1; /* (a def that only sets a global gives None, as Python's) */
  } else
    let(p, c, name, pos);
}

/* global a, b in a def's body: before any use of the names, as Python insists */
static void declare_global(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_stmt *bs) {
  char msg[160];
  for (uint32_t k = 0; k < bs->nnames; k++) {
    uint32_t name = bs->names[k];
    const char *w = xiS_name(p->sym, name);
    for (uint32_t j = 0; j < cx->nlocals; j++)
      if (cx->locals[j] == name) {
        snprintf(msg, sizeof msg, "name '%.60s' is assigned to before global declaration "
                                  "(SyntaxError, as Python says): global goes first", w);
        def_fail(p, bs, bs->name_pos[k], msg);
      }
    for (uint32_t j = 0; j < st->nnames; j++)
      if (st->names[j] == name) {
        snprintf(msg, sizeof msg, "name '%.60s' is parameter and global (SyntaxError, as "
                                  "Python says)", w);
        def_fail(p, bs, bs->name_pos[k], msg);
      }
    if (is_global(cx, name))
      continue;
    if (cx->nglobals == XI_DEF_LOCALS)
      def_fail(p, bs, bs->name_pos[k], "too many global names in one def");
    cx->globals[cx->nglobals++] = name;
  }
}

/* a jump forward (kind K_SKIP, K_SKIPF or K_WALK) to label, placed later */
static void jump(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_ins ins, uint32_t label) {
  if (cx->njumps == XI_DEF_JUMPS)
    xiP_fail(p, ins.pos, "more than %d returns, breaks and elifs waiting in one def: split "
                         "it into several", XI_DEF_JUMPS);
  cx->jumps[cx->njumps].at = st->code.n;
  cx->jumps[cx->njumps++].label = label;
  xiP_emit(p, &st->code, ins);
}

/* label is here: the jumps to it skip to the next instruction made */
static void place(xiP_stmt *st, def_ctx *cx, uint32_t label) {
  for (uint32_t k = 0; k < cx->njumps;)
    if (cx->jumps[k].label == label) {
      st->code.ins[cx->jumps[k].at].arg = st->code.n - cx->jumps[k].at - 1;
      cx->jumps[k] = cx->jumps[--cx->njumps];
    } else {
      k++;
    }
}

/* a jump back to top (a loop's next turn) */
static void back(xiP_parser *p, xiP_stmt *st, uint32_t top, xi_pos pos) {
  xiP_emit(p, &st->code, (xiP_ins){K_SKIP, 1, 0, 0, st->code.n - top + 1, pos});
}

static int fresh_at(const def_ctx *cx, uint32_t name) {
  uint32_t k = 0;
  while (k < cx->nfresh && cx->fresh[k] != name)
    k++;
  return (int)k;
}

static void block(xiP_parser *p, xiP_stmt *st, def_ctx *cx, size_t off, size_t end, xi_pos at,
                  int loop);

/* for x in xs: (and for i in range(...)) as hidden locals, the walked value
   and the count: top: it, i, K_WALK (to the exit), i = i + 1, x = the item; the
   body; back to top */
static void for_loop(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_stmt *bs) {
  char text[2][32];
  uint32_t hid[2];
  cx->depth++;
  for (int q = 0; q < 2; q++) { /* a space: no name of the user's */
    int n = snprintf(text[q], sizeof text[q], "for %u %s", cx->depth, q ? "i" : "it");
    hid[q] = xiP_intern(p, text[q], (size_t)n, bs->pos);
  }
  if (!bs->iterable) { /* range's numbers, as a tuple: range(...) itself */
    xiP_ins *last = &bs->code.ins[bs->code.n - 1];
    *last = (xiP_ins){K_PY, XI_PY_RANGE, 0, last->argc, 0, last->pos};
  }
  append(p, &st->code, &bs->code);
  let(p, &st->code, hid[0], bs->pos);
  xiP_emit_num(p, &st->code, "0", bs->pos);
  let(p, &st->code, hid[1], bs->pos);
  uint32_t top = st->code.n, exit = ++cx->nlabels, otop = cx->top, oexit = cx->exit;
  xiP_emit(p, &st->code, (xiP_ins){K_NAME, 0, 0, 0, hid[0], bs->pos});
  xiP_emit(p, &st->code, (xiP_ins){K_NAME, 0, 0, 0, hid[1], bs->pos});
  jump(p, st, cx, (xiP_ins){K_WALK, 0, 0, 0, 0, bs->pos}, exit);
  let(p, &st->code, hid[1], bs->pos);
  uint32_t places = bs->nslots ? bs->nslots : bs->nnames;
  if (bs->nnames > 1) /* the item's places, then each nested one's names: i, (x, y) */
    xiP_emit(p, &st->code, (xiP_ins){K_UNPACK, 0, 0, (uint16_t)places, 0, bs->target_pos});
  for (uint32_t k = bs->nnames; k-- > 0;) {
    if (bs->nslots && (k + 1 == bs->nnames || bs->slot[k + 1] != bs->slot[k])) {
      uint32_t m = 1; /* k is the last name of its place: the place's names, when nested */
      while (m <= k && bs->slot[k - m] == bs->slot[k])
        m++;
      if (m > 1)
        xiP_emit(p, &st->code,
                 (xiP_ins){K_UNPACK, 0, 0, (uint16_t)m, 0, bs->name_pos[k - m + 1]});
    }
    let_name(p, &st->code, cx, bs->names[k], bs->name_pos[k]);
    assigned(p, st, cx, bs->names[k], bs->name_pos[k]);
    uint32_t f = (uint32_t)fresh_at(cx, bs->names[k]); /* an item: not the def's own */
    if (f < cx->nfresh)
      cx->fresh[f] = cx->fresh[--cx->nfresh];
  }
  cx->top = top, cx->exit = exit;
  block(p, st, cx, bs->body_off, bs->body_off + bs->body_len, bs->body_pos, 1);
  back(p, st, top, bs->pos);
  place(st, cx, exit);
  cx->top = otop, cx->exit = oexit;
  cx->depth--;
}

/* while c: top: c, K_SKIPF (to the exit); the body; back to top */
static void while_loop(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_stmt *bs) {
  uint32_t top = st->code.n, exit = ++cx->nlabels, otop = cx->top, oexit = cx->exit;
  append(p, &st->code, &bs->items[0].code);
  jump(p, st, cx, (xiP_ins){K_SKIPF, 0, 0, 0, 0, bs->items[0].pos}, exit);
  cx->top = top, cx->exit = exit;
  block(p, st, cx, bs->body_off, bs->body_off + bs->body_len, bs->body_pos, 1);
  back(p, st, top, bs->pos);
  place(st, cx, exit);
  cx->top = otop, cx->exit = oexit;
}

/* if c: A elif d: B else: C -- c, K_SKIPF (to d), A, K_SKIP (to the end), d, ... */
static void if_chain(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_stmt *bs) {
  uint32_t done = ++cx->nlabels;
  for (uint32_t k = 0; k < bs->nitems; k++) {
    const xiP_item *it = &bs->items[k];
    uint32_t next = 0;
    if (it->kind == I_COND) {
      next = ++cx->nlabels;
      append(p, &st->code, &it->code);
      jump(p, st, cx, (xiP_ins){K_SKIPF, 0, 0, 0, 0, it->pos}, next);
    }
    block(p, st, cx, it->off, it->end, it->at, 0);
    if (k + 1 < bs->nitems)
      jump(p, st, cx, (xiP_ins){K_SKIP, 0, 0, 0, 0, it->pos}, done);
    if (next)
      place(st, cx, next);
  }
  place(st, cx, done);
}

/* one statement of a def's body into st->code (the straight-line ones as
   before: each assignment's code and a K_LET).  Python's changes in place
   (x op= v, x[i] op= v, d[k] = v) change the object wherever it is held, the
   caller's too, as Python's and NumPy's do (K_INPLACE, K_CHANGED: the run
   tells an array from a number, and refuses a view, tape/inplace.c and
   tape/pymut.c).  In xi's own language (a .xi file's def) an indexed update
   takes only a name given a value of its own in the body; on a view of one
   (r = M[0]; r[0] = 1) the run refuses it (XI_ATTR_NOVIEW).  Returns 1 when
   the statement ends its block (return, break, continue). */
static int def_stmt(xiP_parser *p, xiP_stmt *st, def_ctx *cx, xiP_stmt *bs, int outer) {
  uint32_t nlocals = cx->nlocals;
  if (bs->kind == S_ASSIGN || (bs->kind == S_INDEXSET && !bs->pair))
    assigned(p, st, cx, bs->name, bs->target_pos);
  if (bs->kind == S_UNPACK)
    for (uint32_t k = 0; k < bs->nnames; k++)
      assigned(p, st, cx, bs->names[k], bs->name_pos[k]);
  switch (bs->kind) {
  case S_ASSIGN: {
    uint32_t k = (uint32_t)fresh_at(cx, bs->name);
    if (bs->assign != T_ASSIGN) { /* p -= lr * g: in place on an array, wherever it is held
                                     (the caller's too, as NumPy's); a number's is the def's
                                     own (tape/inplace.c) */
      xiP_emit(p, &st->code, (xiP_ins){K_MARK, 0, 0, 0, 0, bs->pos});
      if (outer && cx->nlocals > nlocals) /* x += 1 on a name the def has not assigned: its
                                             own, Python's UnboundLocalError (in a block,
                                             the body's declarations say so) */
        xiP_emit(p, &st->code, (xiP_ins){K_LET, 1, 0, 0, bs->name, bs->target_pos});
      xiP_emit(p, &st->code, (xiP_ins){K_NAME, 0, 0, 0, bs->name, bs->target_pos});
      append(p, &st->code, &bs->code);
      int op = xiP_compound(bs->assign);
      xiP_emit(p, &st->code, (xiP_ins){K_INPLACE, (uint8_t)op, 0, 0, bs->name, bs->target_pos});
      cx->effects = 1;
      let_name(p, &st->code, cx, bs->name, bs->target_pos);
      return 0;
    }
    append(p, &st->code, &bs->code);
    let_name(p, &st->code, cx, bs->name, bs->target_pos);
    int own = !(bs->code.n == 1 && bs->code.ins[0].kind == K_NAME);
    if (own && k == cx->nfresh && cx->nfresh < 64)
      cx->fresh[cx->nfresh++] = bs->name;
    else if (!own && k < cx->nfresh)
      cx->fresh[k] = cx->fresh[--cx->nfresh];
    return 0;
  }
  case S_UNPACK: {
    append(p, &st->code, &bs->code);
    xiP_ins un = {K_UNPACK, 0, 0, (uint16_t)bs->nnames, 0, bs->pos};
    xiP_emit(p, &st->code, un);
    for (uint32_t k = bs->nnames; k-- > 0;)
      let_name(p, &st->code, cx, bs->names[k], bs->name_pos[k]);
    return 0;
  }
  case S_INDEXSET: {
    if (bs->pair) { /* params['W1'] -= ..., W[0, 0] += 1, out[i] = v: in place, seen by
                       every holder (the caller's, a container of the def's), as NumPy's */
      mark_changed(p, &st->code, bs, 0, bs->code.ins[bs->code.n - 2].spare);
      cx->effects = 1;
      return 0;
    }
    int own = bs->name != XI_NONE && (uint32_t)fresh_at(cx, bs->name) < cx->nfresh;
    if (!own) {
      char msg[256];
      const char *w = xiS_name(p->sym, bs->name);
      snprintf(msg, sizeof msg, "in NumPy this would change the caller's array too: write "
                                "%s = %s.copy() first, so that the update is of a value of "
                                "the def's own", w, w);
      def_fail(p, bs, bs->target_pos, msg);
    }
    if (bs->code.n && bs->code.ins[0].kind == K_NAME && bs->code.ins[0].arg == bs->name) {
      xiP_emit(p, &st->code, bs->code.ins[0]); /* r = M[0] made a view: refused at run time */
      xiP_emit(p, &st->code, (xiP_ins){K_ATTR, XI_ATTR_NOVIEW, 0, 0, 0, bs->target_pos});
      for (uint32_t i = 1; i < bs->code.n; i++)
        xiP_emit(p, &st->code, bs->code.ins[i]);
    } else {
      append(p, &st->code, &bs->code);
    }
    let_name(p, &st->code, cx, bs->name, bs->target_pos);
    return 0;
  }
  case S_MUTATE: { /* out.append(v), out a list of the def's own: out takes the new list */
    if (bs->code.n >= 2 && bs->code.ins[1].kind == K_GETATTR) { /* self.hist.append(v) */
      mark_changed(p, &st->code, bs, 1, 0);
      cx->effects = 1;
      return 0;
    }
    uint32_t k = 0;
    while (k < cx->nfresh && !(bs->code.ins[0].kind == K_NAME && cx->fresh[k] == bs->code.ins[0].arg))
      k++;
    if (!bs->code.ins[bs->code.n - 1].arg)
      def_fail(p, bs, bs->pos, "xi appends to a list that a name holds here: name it "
                               "first (xs = ...; xs.append(v))");
    if (k == cx->nfresh) { /* a parameter's, the caller's: every holder sees it */
      mark_changed(p, &st->code, bs, 1, 0);
      cx->effects = 1;
      return 0;
    }
    append(p, &st->code, &bs->code);
    xiP_ins un = {K_UNPACK, 0, 0, 2, 0, bs->pos};
    xiP_emit(p, &st->code, un);
    let_name(p, &st->code, cx, bs->code.ins[0].arg, bs->pos);
    let(p, &st->code, XI_NONE, bs->pos); /* the old list, let go */
    return 0;
  }
  case S_RETURN: /* the last statement: its value is the function's; inside a block, a jump
                    to the end with it */
    append(p, &st->code, &bs->code);
    if (!outer)
      jump(p, st, cx, (xiP_ins){K_SKIP, 0, 0, 0, 0, bs->pos}, END);
    return 1;
  case S_GLOBAL:
    declare_global(p, st, cx, bs);
    return 0;
  case S_NOTHING:
  case S_SKIPPED: /* (a plot in a def: skipped at each call, with no note) */
    return 0;
  case S_SETATTR: /* self.W1 = ...: the object's attribute, seen by every holder */
    append(p, &st->code, &bs->code);
    cx->effects = 1;
    xiP_emit(p, &st->code, (xiP_ins){K_DROP, 0, 0, 0, 0, bs->pos});
    return 0;
  case S_COMMAND: /* np.random.seed(0) in a def (CS231n's init_toy_model): seeds at each call */
    if (bs->cmd != XI_CMD_SEED)
      def_fail(p, bs, bs->pos, "a def's body in xi holds assignments (x = ..., a, b = ...), "
                               "if, for, while and return");
    if (bs->has_number)
      xiP_emit(p, &st->code, (xiP_ins){K_NUM, 0, 0, 0,
                                       xiP_intern(p, p->lx.src + bs->arg.off, bs->arg.len,
                                                  bs->pos),
                                       bs->pos});
    else
      append(p, &st->code, &bs->code);
    xiP_emit(p, &st->code, (xiP_ins){K_PY, XI_PY_NPSEED, 0, 1, 0, bs->pos});
    xiP_emit(p, &st->code, (xiP_ins){K_DROP, 0, 0, 0, 0, bs->pos});
    cx->effects = 1;
    return 0;
  case S_EXPR: /* self.forward(X), update(params, grads) alone: for what it sets or prints */
    if (bs->code.n && (bs->code.ins[bs->code.n - 1].kind == K_METHOD ||
                       bs->code.ins[bs->code.n - 1].kind == K_CALL ||
                       (bs->code.ins[bs->code.n - 1].kind == K_PY &&
                        bs->code.ins[bs->code.n - 1].op == XI_PY_RSEED))) {
      append(p, &st->code, &bs->code);
      cx->effects = 1;
      xiP_emit(p, &st->code, (xiP_ins){K_DROP, 0, 0, 0, 0, bs->pos});
      return 0;
    }
    def_fail(p, bs, bs->pos, "a def's body in xi holds assignments (x = ..., a, b = ..., "
                             "self.x = ...), calls, print, if, for, while and return");
  case S_PRINT: /* written at each call, as Python's (the session's hook) */
    if (bs->cmd)
      def_fail(p, bs, bs->pos, "print inside a def takes Python's parentheses in xi: "
                               "print(\"epoch\", k, L)");
    xiP_print_code(p, bs, &st->code);
    cx->effects = 1;
    return 0;
  case S_IF:
    if_chain(p, st, cx, bs);
    return 0;
  case S_ASSERT: { /* the condition; when it holds, past the message's K_PRINT, which fails */
    uint32_t ok = ++cx->nlabels;
    append(p, &st->code, &bs->items[0].code);
    jump(p, st, cx, (xiP_ins){K_SKIPF, 1, 0, 0, 0, bs->items[0].pos}, ok);
    xiP_print_code(p, bs, &st->code);
    place(st, cx, ok);
    cx->effects = 1;
    return 0;
  }
  case S_FOR:
    for_loop(p, st, cx, bs);
    return 0;
  case S_WHILE:
    while_loop(p, st, cx, bs);
    return 0;
  case S_BREAK:
    jump(p, st, cx, (xiP_ins){K_SKIP, 0, 0, 0, 0, bs->pos}, cx->exit);
    return 1;
  case S_CONTINUE:
    back(p, st, cx->top, bs->pos);
    return 1;
  default:
    def_fail(p, bs, bs->pos, "a def's body in xi holds assignments (x = ..., a, b = ...), "
                             "if, for, while and return");
  }
}

/* the def's locals from *from on are names of the block's own (sub's own, beside the
   parameters): exp = np.tanh; exp(1.0) calls the local, not xi's exp, as Python's */
static void own_locals(xiP_parser *sub, const def_ctx *cx, uint32_t *from) {
  for (; *from < cx->nlocals && !sub->nlam && sub->nown < XI_OWN_NAMES; (*from)++)
    sub->own[sub->nown++] = cx->locals[*from];
}

/* the statements of one block of a def's body (the body itself: outer) */
static int def_block(xiP_parser *p, xiP_stmt *st, def_ctx *cx, size_t off, size_t end,
                     xi_pos at, int loops, int outer) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  xiP_set_python(&sub, p->python);
  sub.in_def = 1;
  sub.nown = st->nnames < XI_OWN_NAMES ? st->nnames : XI_OWN_NAMES;
  if (sub.nown)
    memcpy(sub.own, st->names, sub.nown * sizeof *sub.own);
  sub.in_method = p->in_class != XI_NONE || cx->nested;
  sub.loops = loops;
  sub.blocks = cx->blocks;
  xiP_stmt bs;
  memset(&bs, 0, sizeof bs);
  xiP_held held; /* a block's statement inside it that fails leaves this one to free */
  xiP_hold(p, &held, &bs);
  int ended = 0, r;
  uint32_t known = 0;
  own_locals(&sub, cx, &known);
  cx->blocks++;
  while ((r = xiP_next(&sub, &bs, p->err)) > 0) {
    if (ended)
      def_fail(p, &bs, bs.pos, outer ? "a def ends at its return in xi: this line would never "
                                       "run"
                                     : "this line would never run (a return, break or "
                                       "continue is before it in its block)");
    ended = def_stmt(p, st, cx, &bs, outer);
    own_locals(&sub, cx, &known);
  }
  cx->blocks--;
  xiP_unhold(p, &held);
  xiP_stmt_done(&bs);
  if (r < 0)
    xiP_unwind(p);
  return ended;
}

static void block(xiP_parser *p, xiP_stmt *st, def_ctx *cx, size_t off, size_t end, xi_pos at,
                  int loop) {
  def_block(p, st, cx, off, end, at, loop || cx->exit, 0);
}

/* the body's locals declared (K_LET op 1) before its first instruction: a
   name the body assigns is the def's, also before a line gives it a value,
   and reading it then is Python's UnboundLocalError, not the session's name */
static void declare(xiP_parser *p, xiP_stmt *st, def_ctx *cx, uint32_t first, xi_pos at) {
  uint32_t n = st->code.n;
  for (uint32_t k = 0; k < cx->nlocals; k++)
    xiP_emit(p, &st->code, (xiP_ins){K_LET, 1, 0, 0, cx->locals[k], at});
  xiP_ins *ins = st->code.ins;
  for (uint32_t k = 0; k < cx->nlocals; k++) { /* rotated to first: n - first moves right */
    xiP_ins d = ins[n + k];
    memmove(ins + first + k + 1, ins + first + k, (n - first) * sizeof *ins);
    ins[first + k] = d;
  }
  for (uint32_t k = 0; k < cx->njumps; k++) /* (only END's remain: they move too) */
    cx->jumps[k].at += cx->nlocals;
}

/* Compiles a def's body into st->code: each assignment's code and a K_LET;
   the return's code last.  if, for and while are jumps within the code
   (K_SKIPF, K_SKIP, K_WALK), so that a call runs its body as top-level
   statements run: a return inside a block jumps to the end with its value,
   and a def whose body can end without one gives None, as Python's.
   Returns whether the body has such blocks. */
static int compile_def(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, xi_pos at,
                       int nested) {
  def_ctx cx;
  memset(&cx, 0, sizeof cx);
  cx.blocks = p->blocks;
  cx.nested = nested;
  uint32_t first = st->code.n;
  int returned = def_block(p, st, &cx, off, end, at, 0, 1);
  int flow = cx.nlabels > 0;
  if (flow) /* its locals declared first: no jump crosses the body's start */
    declare(p, st, &cx, first, at);
  if (!returned && (flow || cx.effects || p->in_class != XI_NONE || nested)) /* (None) */
    xiP_emit(p, &st->code, (xiP_ins){K_NONE, 0, 0, 0, 0, st->target_pos});
  else if (!returned)
    xiP_fail(p, st->target_pos, "this def has no return: a function in xi gives a value");
  place(st, &cx, END);
  return flow;
}

void xiP_prologue(xiP_parser *p, xiP_stmt *st) {
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    xiP_ins d = {K_DEFAULT, 0, 0, (uint16_t)it->name, it->code.n + 1, it->pos};
    xiP_emit(p, &st->code, d);
    append(p, &st->code, &it->code);
    let(p, &st->code, st->names[it->name], it->pos);
  }
}

int xiP_def_body(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, xi_pos at, int nested) {
  return compile_def(p, st, off, end, at, nested);
}

void xiP_def_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (p->in_def) { /* (a closure: pyfunc.c) */
    xiP_nested_def(p, st, head);
    return;
  }
  st->kind = S_DEF;
  xiL_token n = xiP_expect(p, T_NAME, "the function's name, as in def f(x):");
  uint16_t tag = xiP_tag_of(p, &n) & (uint16_t)~TAG_NAMED;
  if (TAG_KIND(tag) == TAG_KEYWORD || TAG_KIND(tag) == TAG_MODULE ||
      TAG_KIND(tag) == TAG_COMMAND) /* (Python's code may name a def step, as grad) */
    if (!(TAG_KIND(tag) == TAG_COMMAND && (TAG_ARG(tag) == XI_CMD_GRAD || p->python)))
      xiP_fail(p, n.pos, "'%.*s' is a word of xi's or Python's: choose another name",
               (int)n.len, p->lx.src + n.off);
  int method = p->in_class != XI_NONE;
  st->name = method ? xiP_method_name(p, &n) : xiP_name_id(p, &n);
  st->target_pos = n.pos;
  size_t off, end;
  xi_pos at;
  xiP_def_head(p, st, head, &off, &end, &at);
  if (method && !st->nnames)
    xiP_fail(p, n.pos, "a method takes the instance first: def %.*s(self, ...)", (int)n.len,
             p->lx.src + n.off);
  def_text(p, st, off, end, compile_def(p, st, off, end, at, 0));
  p->blocks--;
  if (!method)
    xiP_shadow(p, st, tag);
}
