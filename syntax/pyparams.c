/* pyparams.c: a function's head: the parameters of a def (and of a lambda,
 * pyfunc.c), each a name once, their defaults (lr=0.1, y=None) read into
 * items; a def's head after its name, (params) -> ...:, read up to its
 * block; and a built-in's name that a def or a lambda takes, shadowed.  A
 * part of the parser (xiP_, parse.h): pydef.c compiles the body and puts the
 * defaults first in its code (xiP_prologue); what the parts share is declared
 * in parse_int.h. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* a parameter's default (lr=0.1, y=None): an expression of numbers or None, into an item
   (I_ARG; name: the parameter's index).  Python computes it once, when the
   def runs; xi when a call leaves it out, which is the same number as long as
   it reads no name (nor draws a random one).  A name alone may be a function
   (activation=sigmoid) or None, which the call checks (XI_NAME_DEFAULT); a
   lambda's body is its own.  expr: a lambda's inside an expression, whose
   nesting counts on */
static void default_value(xiP_parser *p, xiP_stmt *st, uint32_t index, int expr) {
  xi_pos at = xiP_peek(p)->pos;
  uint32_t k = st->nitems;
  xiP_new_item(p, st, I_ARG, at)->name = index;
  if (!expr)
    p->depth = 0;
  xiP_expr(p, &st->items[k].code);
  xiP_code *c = &st->items[k].code;
  if (c->n == 1 && c->ins[0].kind == K_NAME && p->python && !expr) {
    c->ins[0].spare = XI_NAME_DEFAULT; /* (y=None, CS231n's loss(X, y=None), checked there) */
    return;
  }
  uint32_t none = xiS_find(p->sym, "None", 4);
  for (uint32_t i = 0; i < c->n; i++) {
    int random = c->ins[i].kind == K_MAKE &&
                 (c->ins[i].op == XI_MAKE_RANDN || c->ins[i].op == XI_MAKE_RAND);
    if (c->ins[i].kind == K_SKIP && c->ins[i].spare == XI_SKIP_LAMBDA)
      i += c->ins[i].arg; /* (a lambda's body is its own) */
    else if ((c->ins[i].kind == K_NAME && c->ins[i].arg != none) || c->ins[i].kind == K_CALL ||
             c->ins[i].kind == K_DERIV || c->ins[i].kind == K_CALLV || random)
      xiP_fail(p, at, "a default value in xi is a number, or an expression of numbers (lr=0.1)%s: "
                      "Python computes it once, when the def runs, and xi when a call leaves "
                      "it out; give the value at the call instead (f(x, lr=rate))",
               p->python ? ", or a function (activation=sigmoid)" : "");
  }
}

void xiP_params(xiP_parser *p, xiP_stmt *st, xiL_type close, int expr) {
  int defaults = 0;
  while (!xiP_is(p, close)) {
    if (xiP_is(p, T_STAR) || xiP_is(p, T_POW))
      xiP_fail(p, xiP_peek(p)->pos, "*args and **kwargs are not part of xi: name each "
                                    "parameter");
    xiL_token a = xiP_expect(p, T_NAME, "a parameter's name");
    xiP_bindable(p, &a);
    uint32_t id = xiP_name_id(p, &a);
    for (uint32_t k = 0; k < st->nnames; k++)
      if (st->names[k] == id)
        xiP_fail(p, a.pos, "parameter '%s' is given twice", xiS_name(p->sym, id));
    if (close == T_RP && xiP_is(p, T_COLON))
      xiP_fail(p, xiP_peek(p)->pos, "annotations (x: float) are not part of xi");
    xiP_add_name(p, st, id, a.pos);
    if (xiP_is(p, T_ASSIGN)) {
      xiP_take(p);
      default_value(p, st, st->nnames - 1, expr);
      defaults = 1;
    } else if (defaults) {
      xiP_fail(p, a.pos, "non-default argument follows default argument (as Python says): "
                         "put %s before the parameters with defaults, or give it one",
               xiS_name(p->sym, id));
    }
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
}

void xiP_def_head(xiP_parser *p, xiP_stmt *st, xiL_token head, size_t *off, size_t *end,
                  xi_pos *at) {
  xiP_expect(p, T_LP, "'(' and the parameters, as in def f(x, y):");
  xiP_params(p, st, T_RP, 0);
  xiP_expect(p, T_RP, "',' or ')' after the parameters");
  if (xiP_is(p, T_MINUS))
    xiP_fail(p, xiP_peek(p)->pos, "annotations (-> float) are not part of xi");
  xiP_expect(p, T_COLON, "':' after def f(...)");
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, off, end, at);
  xiP_prologue(p, st);
}

void xiP_shadow(xiP_parser *p, xiP_stmt *st, uint16_t tag) {
  if (TAG_KIND(tag) != TAG_NONE)
    xiS_set_tag(p->sym, st->name, (uint16_t)(tag | TAG_SHADOWED));
}
