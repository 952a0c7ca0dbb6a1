/* pydef.c: def f(x, y): and its indented body, compiled to code with
 * locals: each assignment's code and a K_LET, the return's code last, so that
 * a def makes a function as f(x) = ... does.  A part of the parser (xiP_,
 * parse.h): pystmt.c sends def here and reads the block for it (xiP_block);
 * what the parts share is declared in parse_int.h. */
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

/* the body's lines on one line, for vars: "s = sigmoid(z); return s * (1 - s)" */
static void def_text(xiP_parser *p, xiP_stmt *st, size_t off, size_t end) {
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
      if (n)
        out[n++] = ';', out[n++] = ' ';
      memcpy(out + n, s + a, b - a);
      n += b - a;
    }
    i = e + 1;
  }
  out[n] = '\0';
  st->deftext = out;
}

/* Compiles a def's body into st->code: each assignment's code and a K_LET;
   the return's code last.  A name given a value of its own in the body
   (not a parameter, not another name) may take an indexed update: on a
   parameter NumPy would change the caller's array, which xi never does. */
static void compile_def(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, xi_pos at) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  sub.python = p->python;
  sub.in_def = 1;
  sub.blocks = p->blocks;
  xiP_stmt bs;
  memset(&bs, 0, sizeof bs);
  uint32_t fresh[64], nfresh = 0;
  int returned = 0, r;
  while ((r = xiP_next(&sub, &bs, p->err)) > 0) {
    if (returned)
      def_fail(p, &bs, bs.pos, "a def ends at its return in xi: this line would never run");
    switch (bs.kind) {
    case S_ASSIGN: {
      if (bs.assign != T_ASSIGN)
        def_fail(p, &bs, bs.pos, "x += ... inside a def: write x = x + ... (NumPy's in-place "
                                 "update would change the caller's array; xi changes no value)");
      append(p, &st->code, &bs.code);
      let(p, &st->code, bs.name, bs.target_pos);
      int own = !(bs.code.n == 1 && bs.code.ins[0].kind == K_NAME);
      uint32_t k = 0;
      while (k < nfresh && fresh[k] != bs.name)
        k++;
      if (own && k == nfresh && nfresh < 64)
        fresh[nfresh++] = bs.name;
      else if (!own && k < nfresh)
        fresh[k] = fresh[--nfresh];
      break;
    }
    case S_UNPACK: {
      append(p, &st->code, &bs.code);
      xiP_ins un = {K_UNPACK, 0, 0, (uint16_t)bs.nnames, 0, bs.pos};
      xiP_emit(p, &st->code, un);
      for (uint32_t k = bs.nnames; k-- > 0;)
        let(p, &st->code, bs.names[k], bs.name_pos[k]);
      break;
    }
    case S_INDEXSET: {
      uint32_t k = 0;
      while (k < nfresh && fresh[k] != bs.name)
        k++;
      if (k == nfresh) {
        char msg[256];
        const char *w = xiS_name(p->sym, bs.name);
        snprintf(msg, sizeof msg, "in NumPy this would change the caller's array too: write "
                                  "%s = %s.copy() first, so that the update is of a value of "
                                  "the def's own", w, w);
        def_fail(p, &bs, bs.target_pos, msg);
      }
      append(p, &st->code, &bs.code);
      let(p, &st->code, bs.name, bs.target_pos);
      break;
    }
    case S_RETURN:
      append(p, &st->code, &bs.code);
      returned = 1;
      break;
    case S_NOTHING:
      break;
    case S_PRINT:
      def_fail(p, &bs, bs.pos, "print inside a def is not part of xi: print what the "
                               "function returns");
    case S_IF:
    case S_FOR:
      def_fail(p, &bs, bs.pos, "xi's functions are straight-line code (no if or for "
                               "inside a def): np.where(c, a, b) chooses by element");
    default:
      def_fail(p, &bs, bs.pos, "a def's body in xi holds assignments (x = ..., a, b = ...) "
                               "and ends with return");
    }
  }
  xiP_stmt_done(&bs);
  if (r < 0)
    longjmp(p->fail, 1);
  if (!returned)
    xiP_fail(p, st->target_pos, "this def has no return: a function in xi gives a value");
}

void xiP_def_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (p->in_def)
    xiP_fail(p, head.pos, "a def inside a def is not part of xi");
  st->kind = S_DEF;
  xiL_token n = xiP_expect(p, T_NAME, "the function's name, as in def f(x):");
  uint16_t tag = xiP_tag_of(p, &n);
  if (TAG_KIND(tag) == TAG_KEYWORD || TAG_KIND(tag) == TAG_MODULE ||
      TAG_KIND(tag) == TAG_COMMAND) /* (Python's code may name a def step, as grad) */
    if (!(TAG_KIND(tag) == TAG_COMMAND && (TAG_ARG(tag) == XI_CMD_GRAD || p->python)))
      xiP_fail(p, n.pos, "'%.*s' is a word of xi's or Python's: choose another name",
               (int)n.len, p->lx.src + n.off);
  st->name = xiP_name_id(p, &n);
  st->target_pos = n.pos;
  xiP_expect(p, T_LP, "'(' and the parameters, as in def f(x, y):");
  while (!xiP_is(p, T_RP)) {
    if (xiP_is(p, T_STAR))
      xiP_fail(p, xiP_peek(p)->pos, "*args and **kwargs are not part of xi");
    xiL_token a = xiP_expect(p, T_NAME, "a parameter's name");
    xiP_bindable(p, &a);
    uint32_t id = xiP_name_id(p, &a);
    for (uint32_t k = 0; k < st->nnames; k++)
      if (st->names[k] == id)
        xiP_fail(p, a.pos, "parameter '%s' is given twice", xiS_name(p->sym, id));
    if (xiP_is(p, T_ASSIGN))
      xiP_fail(p, xiP_peek(p)->pos, "default values (x=1) are not part of xi: give every "
                                    "argument when calling");
    if (xiP_is(p, T_COLON))
      xiP_fail(p, xiP_peek(p)->pos, "annotations (x: float) are not part of xi");
    xiP_add_name(p, st, id, a.pos);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' after the parameters");
  if (xiP_is(p, T_MINUS))
    xiP_fail(p, xiP_peek(p)->pos, "annotations (-> float) are not part of xi");
  xiP_expect(p, T_COLON, "':' after def f(...)");
  size_t off, end;
  xi_pos at;
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, &off, &end, &at);
  def_text(p, st, off, end);
  compile_def(p, st, off, end, at);
  p->blocks--;
  if (TAG_KIND(tag) != TAG_NONE) /* def sigmoid(z): calls go to the user's from now on */
    xiS_set_tag(p->sym, st->name, (uint16_t)(tag | TAG_SHADOWED));
}
