/* exec.c: building nodes from postfix code.  Each node is evaluated as it is
 * made, so an expression's value is fixed when its statement runs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/exec_int.h"
#include "tape/pyval_int.h"
#include "tape/names.h"
#include "tape/numpy.h"

typedef xiG_scope scope;

int xiG_local(const scope *sc, uint32_t name, uint32_t *node) {
  for (; sc; sc = sc->outer) {
    for (uint32_t k = sc->nlocal; k-- > 0;)
      if (sc->local[k][0] == name) {
        *node = sc->local[k][1];
        return 1;
      }
    for (uint32_t k = sc->np; k-- > 0;)
      if (sc->params[k] == name) {
        *node = sc->args[k];
        return 1;
      }
  }
  return 0;
}

/* a name's value: a local or a parameter of the def running (or of the def
   whose lambda this is: sc->outer), else the session's; a def's name is the
   function as a value (tape/call.c) */
static int resolve(xiG_graph *g, const scope *sc, uint32_t name, xi_pos pos, uint32_t *node,
                   xi_err *err) {
  if (sc && (sc->nlocal || sc->np || sc->outer) && xiG_local(sc, name, node)) {
    if (*node == XI_NONE) /* declared by K_LET op 1, and given no value yet */
      return xiX_fail(err, pos, "local variable '%s' referenced before assignment "
                                "(UnboundLocalError, as Python says): the def gives it a "
                                "value on another path only", xiS_name(&g->sym, name));
    return 0;
  }
  if (name < g->nbind && g->bind[name].kind == B_NODE) { /* (the usual case, first) */
    *node = g->bind[name].node;
    return 0;
  }
  const xiG_binding *b = xiG_binding_of(g, name);
  if (b && b->kind == B_FUNC && !xiG_func_of(g, b)->is_class && g->numpy)
    return xiG_func_value(g, name, pos, node, err); /* (Python's code: xi's own says so) */
  const char *s = xiS_name(&g->sym, name);
  if (strcmp(s, "None") == 0) /* (np.clip's and an index's None are the parser's) */
    return xiG_container(g, XI_C_NONE, NULL, 0, pos, node, err);
  if (g->numpy && strcmp(s, "__name__") == 0) { /* if __name__ == "__main__": a file xi runs */
    uint32_t id = xiS_intern(&g->sym, "__main__", 8); /* is run as Python's main program */
    return id == XI_NONE ? xiG_oom(g, pos, err) : xiG_string(g, id, pos, node, err);
  }
  static const char *const builtins[] = {"len", "abs", "str", "float", "int", "round", "sum",
                                         "max", "min", "sorted", "list", "print", "repr"};
  for (size_t k = 0; g->numpy && !b && k < sizeof builtins / sizeof *builtins; k++)
    if (strcmp(s, builtins[k]) == 0) /* key=len */
      return xiX_fail(err, pos, "Python's %s as a value is not part of xi: write a lambda that "
                                "calls it (key=lambda t: %s(t))", s, s);
  return xiG_resolve(g, name, pos, node, err);
}

/* one more local at the end of sc's, name taking node */
static int add_local(scope *sc, uint32_t name, uint32_t node, xi_pos pos, xi_err *err) {
  if (sc->nlocal == sc->caplocal) {
    uint32_t cap = sc->caplocal ? 2 * sc->caplocal : 8;
    uint32_t (*l)[2] = realloc(sc->local, cap * sizeof *l);
    if (!l)
      return xiX_fail(err, pos, "out of memory");
    sc->local = l, sc->caplocal = cap;
  }
  sc->local[sc->nlocal][0] = name;
  sc->local[sc->nlocal++][1] = node;
  return 0;
}

/* K_LET: a local of a def takes the value node */
static int let(scope *sc, uint32_t name, uint32_t node, xi_pos pos, xi_err *err) {
  for (uint32_t k = 0; k < sc->nlocal; k++)
    if (sc->local[k][0] == name) {
      sc->local[k][1] = node;
      return 0;
    }
  return add_local(sc, name, node, pos, err);
}

/* a if c else b, a and b, a or b: c (a) one number, true when it is not 0
   (NaN is true, as in Python) */
static int truth(xiG_graph *g, uint32_t c, const xiP_ins *in, int *holds, xi_err *err) {
  xi_pos pos = in->pos;
  if (xiG_kind(g, c) >= 0) /* a list, a dict, a string: true when not empty */
    return xiG_py_truth(g, c, pos, holds, err);
  if (xiG_no_tuple(g, c, pos, "a condition", err))
    return -1;
  if (xiG_count(&g->nodes[c]) != 1 && in->spare == XI_SKIPF_CHAIN)
    return xiX_fail(err, pos, "The truth value of an array with more than one element is "
                              "ambiguous. Use a.any() or a.all() (ValueError, NumPy's): "
                              "a < b < c is a < b and b < c, and here a < b is an array of "
                              "%u; by element, write (a < b) & (b < c)",
                    xiG_count(&g->nodes[c]));
  if (xiG_count(&g->nodes[c]) != 1)
    return xiX_fail(err, pos, "a condition (a if c else b, and, or) takes one number, and this "
                              "is an array of %u: its truth is ambiguous (NumPy says so too; "
                              "np.where(c, a, b) chooses by element, (a > 0) * (b > 0) is and "
                              "by element)", xiG_count(&g->nodes[c]));
  *holds = !mpfr_zero_p(xiG_el(&g->nodes[c], 0));
  return 0;
}

/* grad(E, v), hessian(E, v), jacobian(E, v), jvp(E, v, dir): v is a name */
static int derive(xiG_graph *g, const scope *sc, const xiP_ins *in, uint32_t e, uint32_t dir,
                  uint32_t *out, xi_err *err) {
  uint32_t v;
  if (resolve(g, sc, in->arg, in->pos, &v, err))
    return -1;
  if (xiG_no_tuple(g, e, in->pos, "a derivative", err) ||
      xiG_no_tuple(g, v, in->pos, "a derivative", err) ||
      (dir != XI_NONE && xiG_no_tuple(g, dir, in->pos, "a direction", err)))
    return -1;
  if (!g->derive)
    return xiX_fail(err, in->pos, "derivatives are not available here");
  return g->derive(g->derive_ctx, g, in->op, e, v, in->arg, dir, in->pos, out, err);
}

/* K_CHANGED and K_INPLACE: a list, a dict or an array changed in place
   (pymut.c, inplace.c): every holder of the old value takes the new, the
   defs running too, here and in their callers, as Python's names all see one
   object change (params['W1'] -= ... or p -= lr * g in a def changes the
   caller's array): their locals, arguments and operand stacks (the list a
   for loop walks, p in p + f(p)) are pinned while it runs, and read back */
static int changed(xiG_graph *g, scope *sc, const uint32_t *top, const xiP_ins *in,
                   uint32_t *out, xi_err *err) {
  uint32_t base = g->npins;
  int rc = 0;
  for (scope *f = sc; f && rc == 0; f = f->up) {
    for (uint32_t k = 0; k < f->nlocal && rc == 0; k++)
      rc = f->local[k][1] != XI_NONE && xiG_pin(g, f->local[k][1]);
    for (uint32_t k = 0; k < f->np && rc == 0; k++)
      rc = f->args[k] != XI_NONE && xiG_pin(g, f->args[k]);
    for (uint32_t k = 0; f->st && k < *f->sp && rc == 0; k++)
      rc = f->st[k] != XI_NONE && xiG_pin(g, f->st[k]);
  }
  if (rc)
    rc = xiG_oom(g, in->pos, err);
  else if (in->kind == K_INPLACE) /* x's value, v */
    rc = xiG_inplace(g, in->op, in->arg, top[0], top[1], sc->mark, in->pos, out, err);
  else /* the pair (old, new) */
    rc = xiG_changed_pair(g, top[0], in->arg, in->spare, sc->mark, in->pos, out, err);
  for (scope *f = sc; f && rc == 0; f = f->up)
    xiG_env_refresh(g, f->outer); /* (a closure's scope that returned: its hidden names) */
  uint32_t q = base;
  for (scope *f = sc; f && rc == 0; f = f->up) { /* (in the order pinned) */
    for (uint32_t k = 0; k < f->nlocal; k++)
      if (f->local[k][1] != XI_NONE)
        f->local[k][1] = g->pins[q++];
    for (uint32_t k = 0; k < f->np; k++)
      if (f->args[k] != XI_NONE)
        f->args[k] = g->pins[q++];
    for (uint32_t k = 0; f->st && k < *f->sp; k++)
      if (f->st[k] != XI_NONE)
        f->st[k] = g->pins[q++];
  }
  g->npins = base;
  return rc;
}

/* xs.pop(...), a method (syntax/pylist.c), and a class of the user's may have one (a
   Stack's pop() returning self.items.pop()): a list's or a dict's is Python's */
static int list_pop(const xiG_graph *g, const xiP_ins *in, uint32_t x) {
  int kind = xiG_kind(g, x);
  return (kind == XI_C_LIST || kind == XI_C_DICT) && in->op == 0 && in->argc <= 2 &&
         strcmp(xiS_name(&g->sym, in->arg), "pop") == 0;
}

/* s.add(v), s a set: a method as pop is (a class of the user's may have its own add) */
static int set_add(const xiG_graph *g, const xiP_ins *in, uint32_t x) {
  return xiG_kind(g, x) == XI_C_SET && in->op == 0 && in->argc == 1 &&
         strcmp(xiS_name(&g->sym, in->arg), "add") == 0;
}

/* the item, and every holder of xs given xs without it (K_CHANGED's, as
   syntax/pylist.c compiles xs.pop()) */
static int pop(xiG_graph *g, scope *sc, const xiP_ins *in, const uint32_t *args, uint32_t *out,
               xi_err *err) {
  uint32_t pair, mark = sc->mark, now;
  sc->mark = g->n;
  const xiP_ins ch = {K_CHANGED, 0, 0, 0, 1, in->pos};
  int add = set_add(g, in, args[0]); /* (s.add(v): every holder of s takes s with v; None) */
  int rc = (add ? xiG_set_add(g, args[0], args[1], in->pos, &pair, err) ||
                      xiG_container(g, XI_C_NONE, NULL, 0, in->pos, out, err)
                : xiG_py_pop(g, args, in->argc + 1u, in->pos, &pair, out, err)) ||
           changed(g, sc, &pair, &ch, &now, err);
  sc->mark = mark;
  return rc ? -1 : 0;
}

static int step(xiG_graph *g, scope *sc, const xiP_ins *in, uint32_t *st, uint32_t *sp,
                xi_err *err) {
  uint32_t node = XI_NONE;
  int rc = 0;
  switch (in->kind) {
  case K_NUM:
    node = xiG_constant(g, in->arg, in->pos);
    if (node != XI_NONE && g->nodes[node].err) {
      const char *t = in->arg < XI_LIT_E ? xiS_name(&g->sym, in->arg) : "";
      rc = strcmp(t, "inf") != 0 && strcmp(t, "nan") != 0 /* (np.inf, np.nan) */
               ? xiX_fail(err, in->pos, "number out of range")
               : xiX_fail(err, in->pos, "%s is not a value in format mpfr, whose numbers are "
                                        "finite: format binary64 has inf and nan, as NumPy's", t);
    }
    if (rc == 0 && node != XI_NONE) /* 9007199254740993 in binary64 */
      rc = xiG_int_exact(g, node, in->pos, err);
    break;
  case K_NAME: /* (a def's default is read where the def is: not among its parameters) */
    rc = resolve(g, in->spare == XI_NAME_DEFAULT ? NULL : sc, in->arg, in->pos, &node, err);
    if (rc == 0 && in->spare == XI_NAME_DEFAULT && xiG_kind(g, node) != XI_C_FUNC &&
        xiG_kind(g, node) != XI_C_NONE) /* activation=sigmoid */
      rc = xiX_fail(err, in->pos, "a default value in xi is a number, an expression of "
                                  "numbers or a function, and %s holds a %s: give the value "
                                  "at the call instead (f(x, lr=rate))",
                    xiS_name(&g->sym, in->arg), xiG_type_of(g, node));
    break;
  case K_OP: {
    int arity = xiO_table[in->op].arity;
    uint32_t n = (uint32_t)(in->argc > arity ? in->argc : arity);
    *sp -= n;
    if (xiG_holds_container(g, st + *sp, n))
      rc = xiG_py_operands(g, in, st + *sp, (uint32_t)arity, &node, err);
    else if (g->numpy && !(in->spare & XI_OPF_NP) &&
             (in->op == XI_DIV || in->op == XI_FLOORDIV || in->op == XI_MOD ||
              in->op == XI_POW) && xiG_py_zerodiv(g, in->op, st + *sp, in->pos, err))
      rc = -1; /* 1.0 / 0.0: Python's ZeroDivisionError (pytype.c); an operator's, not
                  np.power's nor math.pow's (ValueError: math domain error) */
    else
      rc = xiG_run_op(g, in, st + *sp, &node, err);
    break;
  }
  case K_INDEX:
    *sp -= xiG_given(in) + 1;
    rc = xiG_indexed(g, in, st + *sp, &node, err);
    break;
  case K_INDEXSET:
    *sp -= xiG_given(in) + 2;
    if (xiG_kind(g, st[*sp]) >= 0 && in->argc == 1 && (in->op || in->arg))
      rc = xiX_fail(err, in->pos, "assigning to a slice of a %s (xs[a:b] = v) is not part of "
                                  "xi", xiG_kind_name(xiG_kind(g, st[*sp])));
    else if (xiG_kind(g, st[*sp]) >= 0) /* d[k] = v, xs[i] -= v: a new list or dict */
      rc = in->argc != 1 || in->op || in->arg
               ? xiX_fail(err, in->pos, "a %s takes one index: xs[i] = v, d[key] = v",
                          xiG_kind_name(xiG_kind(g, st[*sp])))
               : xiG_setitem(g, st[*sp], st[*sp + 1], in->spare, st[*sp + 2], in->pos, &node,
                             err);
    else {
      xiG_ixitems ix;
      rc = xiG_ix_items(g, in, st + *sp + 1, &ix, err) ||
                   xiG_index_set(g, st[*sp], ix.item, ix.argc, ix.mask, ix.kinds, in->spare,
                                 st[*sp + 1 + xiG_given(in)], in->pos, &node, err)
               ? -1
               : 0;
    }
    break;
  case K_STR:
    rc = xiG_string(g, in->arg, in->pos, &node, err);
    break;
  case K_PY:
    *sp -= in->argc;
    rc = in->spare ? xiG_py_keyed(g, in->op, in->spare, st + *sp, in->argc, in->pos, &node, err)
                   : xiG_py_call(g, in->op, st + *sp, in->argc, in->pos, &node, err);
    break;
  case K_LIST:
    *sp -= in->arg;
    rc = xiG_list(g, st + *sp, in->arg, in->pos, &node, err);
    break;
  case K_TUPLE:
    *sp -= in->argc;
    rc = in->op == XI_C_DICT ? xiG_dict(g, st + *sp, in->argc, in->pos, &node, err)
                             : xiG_container(g, in->op, st + *sp, in->argc, in->pos, &node, err);
    break;
  case K_MAKE:
    *sp -= in->argc;
    if (in->spare != XI_MAKE_XI &&
        xiG_make_sizes(g, in->op, in->spare, st + *sp, in->argc, in->pos, err))
      return -1;
    rc = in->op >= XI_MAKE_LINSPACE
             ? xiG_draw(g, in->op, st + *sp, in->arg, in->pos, &node, err)
             : xiG_make(g, in->op, st + *sp, in->argc, in->pos, &node, err);
    break;
  case K_NPCALL:
    *sp -= in->argc;
    rc = xiG_npcall(g, in->op, st + *sp, in->arg, in->pos, &node, err);
    break;
  case K_ATTR: {
    uint32_t x = st[--*sp];
    if (xiG_kind(g, x) == XI_C_OBJ && in->op <= XI_ATTR_DTYPE) { /* net.size: the object's */
      static const char *const word[] = {[XI_ATTR_SHAPE] = "shape", [XI_ATTR_SIZE] = "size",
                                         [XI_ATTR_NDIM] = "ndim", [XI_ATTR_DTYPE] = "dtype"};
      uint32_t id = xiS_intern(&g->sym, word[in->op], strlen(word[in->op]));
      rc = id == XI_NONE ? xiG_oom(g, in->pos, err)
                         : xiG_getattr(g, x, id, in->pos, &node, err);
      break;
    }
    if (xiG_kind(g, x) == XI_C_STR && (in->op == XI_ATTR_FLOAT || in->op == XI_ATTR_INT)) {
      rc = xiG_str_number(g, in->op == XI_ATTR_INT, x, in->pos, &node, err); /* float('inf') */
      break;
    }
    rc = in->op >= XI_ATTR_VALUE ? xiG_ag_attr(g, in->op, in->spare, x, in->pos, &node, err)
         : xiG_kind(g, x) >= 0 && (in->op == XI_ATTR_ARRAY || in->op == XI_ATTR_LEN)
             ? xiG_container_attr(g, in->op, x, in->pos, &node, err)
             : xiG_attr(g, in->op, x, in->pos, &node, err);
    break;
  }
  case K_RESHAPE:
    *sp -= in->argc + 1u;
    rc = xiG_reshape(g, st[*sp], st + *sp + 1, in->argc, in->pos, &node, err);
    break;
  case K_CALL:
    *sp -= in->argc;
    rc = xiG_call_named(g, sc, in, st + *sp, &node, err);
    break;
  case K_CALLV: /* the value under its arguments */
    *sp -= in->argc + 1u;
    rc = xiG_call_value(g, in, st[*sp], "the value called", st + *sp + 1, &node, err);
    break;
  case K_FUNC: /* d.get, or an object's attribute get (a lambda's and NumPy's: run()) */
    --*sp;
    rc = xiG_kind(g, st[*sp]) == XI_C_OBJ ? xiG_getattr(g, st[*sp], in->arg, in->pos, &node, err)
                                          : xiG_func_get(g, st[*sp], in->pos, &node, err);
    break;
  case K_METHOD: /* the instance under its arguments */
    *sp -= in->argc + 1u;
    if (list_pop(g, in, st[*sp]) || set_add(g, in, st[*sp]))
      rc = pop(g, sc, in, st + *sp, &node, err);
    else
      rc = xiG_method(g, in, st[*sp], st + *sp + 1, &node, err);
    break;
  case K_GETATTR:
    rc = xiG_getattr(g, st[*sp - 1], in->arg, in->pos, &node, err);
    --*sp;
    break;
  case K_SETATTR:
    *sp -= 2;
    rc = xiG_setattr(g, st[*sp], in->arg, in->spare, st[*sp + 1], sc->mark, in->pos, &node,
                     err);
    break;
  case K_MARK:
    sc->mark = g->n;
    return 0;
  case K_CHANGED:
    --*sp;
    rc = changed(g, sc, st + *sp, in, &node, err);
    break;
  case K_INPLACE: /* x's value, v */
    *sp -= 2;
    rc = changed(g, sc, st + *sp, in, &node, err);
    break;
  case K_NONE:
    rc = xiG_container(g, XI_C_NONE, NULL, 0, in->pos, &node, err);
    break;
  case K_DERIV: { /* jvp's direction is on top, E under it */
    uint32_t dir = in->op == XI_D_JVP ? st[--*sp] : XI_NONE;
    rc = derive(g, sc, in, st[--*sp], dir, &node, err);
    break;
  }
  case K_LET: /* (op 1: declared, no value yet; op 2: the session's name, declared global) */
    if (in->op == 2) { /* (the name holds it now: the statement's truncation keeps it) */
      if (xiG_rebind(g, in->arg, st[--*sp], in->pos, 0))
        return xiG_oom(g, in->pos, err);
      g->keep = g->n;
      return 0;
    }
    return let(sc, in->arg, in->op ? XI_NONE : st[--*sp], in->pos, err);
  case K_UNPACK:
    return xiG_unpack_top(g, in, st, sp, err);
  case K_DUP:
    if (in->op == XI_DUP_TWO) /* a b: a b a b */
      st[*sp] = st[*sp - 2], ++*sp;
    node = st[*sp - 2 + (in->op != XI_DUP_TWO)];
    break;
  case K_CALLKW: /* the K_CALL after it reads the name */
    return 0;
  case K_DROP:
    --*sp;
    return 0;
  case K_DEFAULT: /* (xiG_exec's loop takes these) */
  case K_SKIPF:
  case K_SKIP:
  case K_WALK:
    return 0;
  case K_SWAP:
    node = st[*sp - 1];
    if (in->op == XI_SWAP_ROT3) /* a b c: c a b */
      st[*sp - 1] = st[*sp - 2], st[*sp - 2] = st[*sp - 3], st[*sp - 3] = node;
    else
      st[*sp - 1] = st[*sp - 2], st[*sp - 2] = node;
    return 0;
  case K_PRINT:
    *sp -= in->argc;
    if (!g->print)
      return xiX_fail(err, in->pos, "print inside a def: nothing here writes what it prints");
    return g->print(g->print_ctx, g, in->arg, st + *sp, in->argc, in->pos, err);
  }
  if (rc == 0 && node == XI_NONE)
    rc = xiG_oom(g, in->pos, err);
  st[(*sp)++] = node;
  return rc;
}

static int run(xiG_graph *g, scope *sc, const xiP_code *code, uint32_t from, uint32_t to,
               uint32_t *st, uint32_t *sp, xi_err *err);

/* a local that hides any of the same name until the locals go back to an
   earlier count (a comprehension's names are its own, as in Python 3) */
static int push_local(scope *sc, uint32_t name, uint32_t node, xi_pos pos, xi_err *err) {
  return add_local(sc, name, node, pos, err); /* (never let's search: a def's list let go
                                                 after append is a local named XI_NONE) */
}

/* [e for x in it if c] (parse.h's K_COMP): the header at *k, it on the
   stack; *k is left at e's last instruction */
static int comp(xiG_graph *g, scope *sc, const xiP_code *code, uint32_t *k, uint32_t *st,
                uint32_t *sp, xi_err *err) {
  const xiP_ins *head = &code->ins[*k];
  uint32_t nt = head->op, names = *k + 1, cond = names + nt, mid = cond + head->argc;
  uint32_t elem = mid + 1, end = elem + code->ins[mid].argc;
  uint32_t it = st[--*sp], n, m = 0, *out = NULL, saved = sc->nlocal, comps = sc->comp;
  xi_pos pos = head->pos;
  int rc = xiG_walk_len(g, it, pos, &n, err);
  sc->comp = saved < comps ? saved : comps; /* (a lambda in it: tape/call.c) */
  if (rc == 0 && !(out = malloc((n ? n : 1) * sizeof *out)))
    rc = xiG_oom(g, pos, err);
  for (uint32_t i = 0; i < n && rc == 0; i++) {
    uint32_t item, c;
    rc = xiG_walk_item(g, it, i, pos, &item, err);
    if (rc == 0 && nt == 1) {
      rc = push_local(sc, code->ins[names].arg, item, pos, err);
    } else if (rc == 0) { /* for a, b in pairs; for i, (a, b) in ... */
      uint32_t vals[8];
      uint8_t slot[8];
      for (uint32_t q = 0; q < nt && q < 8; q++)
        slot[q] = code->ins[names + q].spare;
      rc = nt > 8 ? xiX_fail(err, pos, "more than 8 names")
                  : xiG_targets(g, item, nt, slot, head->arg, pos, vals, err);
      for (uint32_t q = 0; q < nt && rc == 0; q++)
        rc = push_local(sc, code->ins[names + q].arg, vals[q], pos, err);
    }
    int keep = 1;
    if (rc == 0 && head->argc && (rc = run(g, sc, code, cond, mid, st, sp, err)) == 0) {
      c = st[--*sp];
      if (xiG_kind(g, c) >= 0 || xiG_count(&g->nodes[c]) != 1)
        rc = xiX_fail(err, pos, "a comprehension's if takes one number here");
      else
        keep = !mpfr_zero_p(xiG_el(&g->nodes[c], 0));
    }
    if (rc == 0 && keep && (rc = run(g, sc, code, elem, end, st, sp, err)) == 0)
      out[m++] = st[--*sp];
    sc->nlocal = saved;
    int holds = 0;
    if (rc == 0 && keep && head->spare != XI_COMP_EVERY &&
        (rc = xiG_py_bool(g, out[m - 1], head->spare == XI_COMP_UNTIL_TRUE
                                              ? "any() reads each item's truth"
                                              : "all() reads each item's truth",
                          pos, &holds, err)) == 0 &&
        holds == (head->spare == XI_COMP_UNTIL_TRUE))
      break; /* all(...) and any(...) decided: Python's generator is not walked further */
  }
  uint32_t node = XI_NONE;
  if (rc == 0)
    rc = xiG_container(g, XI_C_LIST, out, m, pos, &node, err);
  free(out);
  sc->comp = comps;
  st[(*sp)++] = node;
  *k = end - 1;
  return rc;
}

/* K_WALK: it and i off the stack; *done when i is at it's end (its length
   read again each turn: a list the body makes longer is walked further, as
   Python's loop does), else it's item i and i + 1 on it */
static int walk(xiG_graph *g, const xiP_ins *in, uint32_t *st, uint32_t *sp, int *done,
                xi_err *err) {
  uint32_t i = st[--*sp], it = st[--*sp], n, item;
  if (xiG_walk_len(g, it, in->pos, &n, err))
    return -1;
  unsigned long k = mpfr_get_ui(xiG_el(&g->nodes[i], 0), MPFR_RNDN);
  if ((*done = k >= n))
    return 0;
  char text[24];
  int len = snprintf(text, sizeof text, "%lu", k + 1);
  uint32_t sym = xiS_intern(&g->sym, text, (size_t)len), next;
  if (xiG_walk_item(g, it, (uint32_t)k, in->pos, &item, err))
    return -1;
  if (sym == XI_NONE || (next = xiG_constant(g, sym, in->pos)) == XI_NONE)
    return xiG_oom(g, in->pos, err);
  st[(*sp)++] = item;
  st[(*sp)++] = next;
  return 0;
}

/* the instructions from..to of code: skips move within them (a skip counts
   instructions), a comprehension runs its own */
static int run(xiG_graph *g, scope *sc, const xiP_code *code, uint32_t from, uint32_t to,
               uint32_t *st, uint32_t *sp, xi_err *err) {
  int rc = 0;
  for (uint32_t k = from; k < to && rc == 0; k++) {
    const xiP_ins *in = &code->ins[k];
    if (g->interrupt && *g->interrupt)
      rc = xiX_fail(err, in->pos, "interrupted");
    else if (in->kind == K_SKIP)
      k = in->op ? k - in->arg : k + in->arg; /* (back to 0: k wraps, and k++ makes it 0) */
    else if (in->kind == K_WALK) {
      int done = 0;
      rc = walk(g, in, st, sp, &done, err);
      k += rc == 0 && done ? in->arg : 0;
    }
    else if (in->kind == K_DEFAULT) /* the parameter given: its default is not computed */
      k += in->argc < sc->np && sc->args[in->argc] != XI_NONE ? in->arg : 0;
    else if (in->kind == K_SKIPF) {
      int holds = 0;
      rc = truth(g, st[--*sp], in, &holds, err);
      k += rc == 0 && holds == in->op ? in->arg : 0; /* op 0: skip when false */
    } else if (in->kind == K_COMP)
      rc = comp(g, sc, code, &k, st, sp, err);
    else if (in->kind == K_FUNC && in->op != XI_FN_GET) { /* np.tanh, lambda x: ... */
      uint32_t node = XI_NONE;
      rc = xiG_make_func(g, sc, code, &k, &node, err);
      st[(*sp)++] = node;
    }
    else
      rc = step(g, sc, in, st, sp, err);
  }
  return rc;
}

/* xiG_exec's and xiG_exec_in's (one copy each: a statement's run is the
   usual path, and calls no further) */
__attribute__((always_inline)) static inline int exec(xiG_graph *g, const xiP_code *code,
                                                      const uint32_t *params,
                                                      const uint32_t *args, uint32_t np,
                                                      scope *outer, uint32_t *root,
                                                      xi_err *err) {
  uint32_t small[64], sp = 0, need = code->n + 1; /* most statements are short: no malloc */
  for (uint32_t k = 0; k < code->n; k++) /* unpacking pushes more than one */
    need += code->ins[k].kind == K_UNPACK ? code->ins[k].argc
            : code->ins[k].kind == K_DUP ? code->ins[k].op == XI_DUP_TWO
                                         : 0;
  uint32_t *st = need <= 64 ? small : malloc(need * sizeof *st);
  if (!st)
    return xiX_fail(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  uint32_t few[16], *argv = np <= 16 ? few : malloc(np * sizeof *argv);
  if (!argv) {
    if (st != small)
      free(st);
    return xiX_fail(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  }
  if (np)
    memcpy(argv, args, np * sizeof *argv);
  unsigned serial = ++g->scopes ? g->scopes : ++g->scopes; /* (never 0: no scope's) */
  scope sc = {params, argv, np, NULL, 0, 0, g->n, st, &sp, g->frames, outer, serial,
              UINT32_MAX, 0, NULL};
  g->frames = &sc;
  int rc = run(g, &sc, code, 0, code->n, st, &sp, err);
  g->frames = sc.up;
  if (rc == 0 && sc.captured && xiG_env_save(g, &sc))
    rc = xiG_oom(g, code->n ? code->ins[0].pos : (xi_pos){0, 0}, err);
  if (rc == 0)
    *root = st[sp - 1];
  free(sc.local);
  if (argv != few)
    free(argv);
  if (st != small)
    free(st);
  return rc;
}

int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t np, uint32_t *root, xi_err *err) {
  return exec(g, code, params, args, np, NULL, root, err);
}

int xiG_exec_in(xiG_graph *g, const xiP_code *code, const uint32_t *params,
                const uint32_t *args, uint32_t np, scope *outer, uint32_t *root,
                xi_err *err) {
  return exec(g, code, params, args, np, outer, root, err);
}

uint32_t xiG_frames_find(const xiG_graph *g, int (*fn)(const xiG_graph *, uint32_t, void *),
                         void *ctx) {
  for (const scope *s = g->frames; s; s = s->up) {
    for (uint32_t k = 0; k < s->nlocal; k++)
      if (s->local[k][1] != XI_NONE && fn(g, s->local[k][1], ctx))
        return s->local[k][0];
    for (uint32_t k = 0; k < s->np; k++)
      if (s->args[k] != XI_NONE && fn(g, s->args[k], ctx)) /* (a default not yet given) */
        return s->params[k];
  }
  return XI_NONE;
}
