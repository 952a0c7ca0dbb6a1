/* pyfunc.c: functions as values in Python's code.  A def's name read as a
 * value is the tape's (K_NAME: tape/call.c makes it a function value); here
 * are the rest: lambda as a statement (f = lambda x: ..., a function bound as
 * def binds it) and as an expression anywhere ({'sq': lambda x: x ** 2},
 * key=lambda t: t[1]), a value called (acts['relu'](z), fs[0](x)), NumPy's
 * functions as values (np.tanh) and d.get.  A part of the parser (xiP_,
 * parse.h); pydef.c reads the parameters and their defaults for both kinds
 * of lambda, as for a def. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* parameters, ':', the defaults' code and the body's into st (lambda taken) */
static void lambda_parts(xiP_parser *p, xiP_stmt *st, int expr) {
  xiP_params(p, st, T_COLON, expr);
  xiP_expect(p, T_COLON, "':' after the lambda's parameters, as in f = lambda x: x ** 2");
  xiP_prologue(p, st);
}

void xiP_lambda(xiP_parser *p, xiP_stmt *st, uint32_t name, xi_pos at) {
  xiP_take(p); /* lambda */
  st->kind = S_DEF;
  st->name = name;
  st->target_pos = at;
  st->code.n = 0;
  lambda_parts(p, st, 0);
  size_t start = xiP_peek(p)->off;
  p->depth = 0;
  uint32_t nlam = p->nlam;
  for (uint32_t k = 0; k < st->nnames && p->nown + p->nlam < XI_OWN_NAMES; k++)
    p->own[p->nown + p->nlam++] = st->names[k]; /* f = lambda exp: exp(2): the parameter's */
  xiP_expr(p, &st->code);
  p->nlam = nlam;
  st->text_off = start;
  st->text_len = p->last_end - start;
  xiP_shadow(p, st, xiS_tag(p->sym, name) & (uint16_t)~TAG_NAMED);
}

/* lambda x, a=3: e as a value: a K_SKIP over what follows, a K_FUNC
   XI_FN_PARAM per parameter, the code a def of it would have (its defaults
   first), and the K_FUNC XI_FN_LAMBDA that makes it of those.  The
   tape makes the function when the code runs (tape/call.c): a lambda reads
   the names of its def's scope as Python's closure does, late */
void xiP_lambda_expr(xiP_parser *p, xiP_code *c, xiL_token kw) {
  xiP_stmt ls;
  memset(&ls, 0, sizeof ls);
  xiP_held held;
  xiP_hold(p, &held, &ls);
  lambda_parts(p, &ls, 1);
  int comp = p->comp, no_compare = p->no_compare;
  uint32_t nlam = p->nlam;
  for (uint32_t k = 0; k < ls.nnames && p->nown + p->nlam < XI_OWN_NAMES; k++)
    p->own[p->nown + p->nlam++] = ls.names[k]; /* lambda exp: exp(2): the parameter's */
  p->comp = 0, p->no_compare = 0; /* (its body is an expression of its own) */
  xiP_expr(p, &ls.code);
  p->comp = comp, p->no_compare = no_compare, p->nlam = nlam;
  if (ls.nnames > 255)
    xiP_fail(p, kw.pos, "a lambda of more than 255 parameters");
  uint64_t n = (uint64_t)ls.nnames + ls.code.n;
  if (n > XI_MAX_LAMBDA)
    xiP_fail(p, kw.pos, "a lambda of more than %u instructions: write a def", XI_MAX_LAMBDA);
  xiP_emit(p, c, (xiP_ins){K_SKIP, 0, XI_SKIP_LAMBDA, 0, (uint32_t)n, kw.pos});
  for (uint32_t k = 0; k < ls.nnames; k++)
    xiP_emit(p, c, (xiP_ins){K_FUNC, XI_FN_PARAM, 0, 0, ls.names[k], ls.name_pos[k]});
  for (uint32_t k = 0; k < ls.code.n; k++)
    xiP_emit(p, c, ls.code.ins[k]);
  xiP_emit(p, c, (xiP_ins){K_FUNC, XI_FN_LAMBDA, 0, (uint16_t)ls.nnames, (uint32_t)n, kw.pos});
  xiP_unhold(p, &held);
  xiP_stmt_done(&ls);
}

void xiP_nested_def(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  xiL_token n = xiP_expect(p, T_NAME, "the function's name, as in def f(x):");
  uint16_t tag = xiP_tag_of(p, &n) & (uint16_t)~TAG_NAMED;
  if (TAG_KIND(tag) == TAG_KEYWORD || TAG_KIND(tag) == TAG_MODULE)
    xiP_fail(p, n.pos, "'%.*s' is a word of xi's or Python's: choose another name", (int)n.len,
             p->lx.src + n.off);
  xiP_bindable(p, &n);
  uint32_t name = xiP_name_id(p, &n);
  xiP_stmt ds;
  memset(&ds, 0, sizeof ds);
  xiP_held held;
  xiP_hold(p, &held, &ds);
  size_t off, end;
  xi_pos at;
  xiP_def_head(p, &ds, head, &off, &end, &at);
  xiP_def_body(p, &ds, off, end, at, 1);
  p->blocks--;
  xiP_emit(p, &ds.code, (xiP_ins){K_CALLKW, XI_KW_DEFNAME, 0, 0, name, n.pos});
  if (ds.nnames > 255)
    xiP_fail(p, head.pos, "a def of more than 255 parameters");
  uint64_t count = (uint64_t)ds.nnames + ds.code.n;
  if (count > XI_MAX_LAMBDA)
    xiP_fail(p, head.pos, "a def inside a def of more than %u instructions: make it a def of "
                          "its own", XI_MAX_LAMBDA);
  /* what a lambda's value is (xiP_lambda_expr), bound to the name as an assignment */
  st->kind = S_ASSIGN;
  st->assign = T_ASSIGN;
  st->name = name;
  st->target_pos = n.pos;
  st->code.n = 0;
  xiP_emit(p, &st->code, (xiP_ins){K_SKIP, 0, XI_SKIP_LAMBDA, 0, (uint32_t)count, head.pos});
  for (uint32_t k = 0; k < ds.nnames; k++)
    xiP_emit(p, &st->code, (xiP_ins){K_FUNC, XI_FN_PARAM, 0, 0, ds.names[k], ds.name_pos[k]});
  for (uint32_t k = 0; k < ds.code.n; k++)
    xiP_emit(p, &st->code, ds.code.ins[k]);
  xiP_emit(p, &st->code, (xiP_ins){K_FUNC, XI_FN_LAMBDA, 0, (uint16_t)ds.nnames,
                                   (uint32_t)count, head.pos});
  xiP_unhold(p, &held);
  xiP_stmt_done(&ds);
}

void xiP_call_value(xiP_parser *p, xiP_code *c, xiL_token open) {
  xiP_callargs a;
  xiP_call_args(p, c, &a, open);
  if (a.dtype >= 0)
    xiP_fail(p, open.pos, "dtype= is NumPy's: a function of your own takes its parameters");
  if (a.n > XI_KW_ARGS && a.nkw)
    xiP_fail(p, open.pos, "keyword arguments come among the first %d", XI_KW_ARGS);
  for (int k = a.n - a.nkw; k < a.n; k++) {
    for (int j = a.n - a.nkw; j < k; j++)
      if (a.kw[j] == a.kw[k])
        xiP_fail(p, a.pos[k], "keyword argument repeated: %s", xiS_name(p->sym, a.kw[k]));
    xiP_emit(p, c, (xiP_ins){K_CALLKW, 0, 0, 0, a.kw[k], a.pos[k]});
  }
  xiP_emit(p, c, (xiP_ins){K_CALLV, (uint8_t)a.nkw, 0, (uint16_t)a.n, 0, open.pos});
}

void xiP_func_ref(xiP_parser *p, xiP_code *c, int op, uint8_t flags, const char *name,
                  xi_pos pos) {
  uint32_t id = xiP_intern(p, name, strlen(name), pos);
  xiP_emit(p, c, (xiP_ins){K_FUNC, XI_FN_OP, flags, (uint16_t)op, id, pos});
}
