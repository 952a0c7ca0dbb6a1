/* operands.c: an instruction's op built from its operands on exec.c's stack
 * (its whole-number parameters read), and operands that are Python's
 * containers: a list given to NumPy's function is an array, == compares as
 * Python does, an operator does what Python's does with them; len and
 * np.array of a container; indexing a container; unpacking a tuple. */
#include <stdlib.h>
#include <string.h>

#include "tape/exec_int.h"
#include "tape/pyval_int.h"

/* round(x, d) in a format: NumPy's way (x·10^d rounded, rint, /10^d) for
   np.round and x.round, and for Python's round of an array or a NumPy
   scalar (ndarray.__round__, float64.__round__); Python's round of its own
   float rounds the exact value (round(2.675, 2) is 2.67, np.round's 2.68).
   Where xi cannot tell whose x is and the two differ, an error says so. */
static int round_mode(xiG_graph *g, const xiP_ins *in, uint32_t x, int32_t *p, xi_err *err) {
  int numpy = (in->spare & XI_OPF_NPROUND) != 0;
  if (in->spare & XI_OPF_PYROUND) {
    int o = xiG_py_origin(g, x);
    if (o == XI_ORIGIN_UNKNOWN && xiO_round_differs(g->nodes[x].v, p[0]))
      return xiX_fail(err, in->pos, "round(x, %d) of a number xi cannot tell is Python's float "
                                    "(rounded exactly) or NumPy's float64 (rounded as np.round "
                                    "does), and the two differ here: it was computed by a "
                                    "function np. and math. spell alike, or by an update step; "
                                    "write np.round(x, %d) or round(float(x), %d)",
                      p[0], p[0], p[0]);
    numpy = o == XI_ORIGIN_NP;
  }
  if (numpy)
    p[1] = XI_ROUND_NUMPY;
  return 0;
}

/* An op with its parameters (whole numbers after the operands): in->arg
   says which parameter each is (bit q: p[q] given), or 0 for the first
   ones in order.  np.dot of a scalar multiplies. */
int xiG_build_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                 xi_err *err) {
  const xiO_row *row = &xiO_table[in->op];
  int nparams = in->argc > row->arity ? in->argc - row->arity : 0;
  int32_t p[XI_NPARAMS];
  xiO_params_default(in->op, p); /* what a parameter left out means */
  for (int q = 0, slot = 0; q < nparams; q++, slot++) {
    while (in->arg && !(in->arg & (1u << slot)))
      slot++;
    if (slot >= XI_NPARAMS || xiG_whole(g, args[row->arity + q], in->pos, &p[slot], err))
      return slot >= XI_NPARAMS ? xiX_fail(err, in->pos, "too many parameters") : -1;
  }
  if (in->op == XI_ROUND && nparams && round_mode(g, in, args[0], p, err))
    return -1;
  int op = in->op;
  if ((in->spare & XI_OPF_DOT) && (!xiG_is_tensor(&g->nodes[args[0]]) ||
                                   !xiG_is_tensor(&g->nodes[args[1]])))
    op = XI_MUL; /* np.dot(3.0, x) */
  if (op == XI_POW && !(g->libm && xiO_fmt == XI_FMT_BINARY64) &&
      g->nodes[args[0]].op == XI_CONST &&
      g->nodes[args[0]].aux == XI_LIT_E) /* (CPython's math.e ** x is libm's pow) */
    return xiG_op(g, XI_EXP, args[1], XI_NONE, NULL, in->pos, out, err); /* e^x is exp(x) */
  return xiG_op(g, op, args[0], row->arity > 1 ? args[1] : XI_NONE, nparams ? p : NULL,
                in->pos, out, err);
}

int xiG_run_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
               xi_err *err) {
  uint8_t nwarn = g->nwarn; /* (math.log(0) raises, and never warns) */
  /* micrograd's engine.py computes v.exp() as math.exp(v.data), and the lecture's
     v.tanh() as (math.exp(2*x) - 1)/(math.exp(2*x) + 1) (XI_OPF_VALUE: a Value is a
     number; each raises OverflowError where math.exp overflows) */
  int value = (in->spare & XI_OPF_VALUE) && g->numpy && !xiG_is_tensor(&g->nodes[args[0]]);
  if (value && in->op == XI_TANH && xiG_py_vtanh(g, args[0], in->pos, err))
    return -1;
  int math = (in->spare & XI_OPF_MATH) || (value && in->op == XI_EXP);
  for (int k = 0; math && k < xiO_table[in->op].arity; k++)
    if (xiG_is_tensor(&g->nodes[args[k]]) && xiG_count(&g->nodes[args[k]]) > 1)
      return xiX_fail(err, in->pos, "TypeError: only size-1 arrays can be converted to Python "
                                    "scalars (math's functions take a number: np.%s is "
                                    "NumPy's, element by element)", xiO_table[in->op].name);
    else if (xiG_is_tensor(&g->nodes[args[k]]))
      return xiX_fail(err, in->pos, "math's function of an array of one element is Python's "
                                    "float of that element, where xi would keep the array: "
                                    "write float(x) or x.item() first");
  g->math_call = (uint8_t)math;
  /* CPython computes math's functions and a float's ** by C's libm; two ints' ** is
     exact, by Python's ints, but for a negative exponent (147 ** -3), a float's pow */
  g->libm = (uint8_t)(g->numpy && (math || (in->op == XI_POW && !(in->spare & XI_OPF_NP) &&
                                            (!(g->nodes[args[0]].flags & g->nodes[args[1]].flags &
                                               XI_F_INT) ||
                                             mpfr_sgn(xiG_el(&g->nodes[args[1]], 0)) < 0))));
  if (value && in->op == XI_TANH)
    g->libm = XI_LIBM_VTANH, g->math_call = 1; /* (a float, as math.exp's quotient) */
  int rc = xiG_build_op(g, in, args, out, err);
  g->math_call = 0, g->libm = XI_LIBM_NONE;
  if (rc == 0 && g->numpy && (math || (in->op == XI_POW && !(in->spare & XI_OPF_NP))))
    rc = xiG_py_domain(g, in->op, math, args, *out, in->pos, err);
  if (math)
    g->nwarn = nwarn;
  return rc;
}

/* the number of the index items on the stack (the ':' ones are not) */

/* ---- Python's containers among the operands ---- */

int xiG_holds_container(const xiG_graph *g, const uint32_t *args, uint32_t n) {
  for (uint32_t k = 0; k < n; k++)
    if (xiG_kind(g, args[k]) >= 0)
      return 1;
  return 0;
}

/* An op with a list, a tuple, a dict or a string among its operands: a
   function's call (np.mean(xs)) takes lists and tuples as arrays, as NumPy
   does; == compares as Python does; copy() copies; an operator does what
   Python's does with them (xs + ys joins, xs * 2 repeats) or says why not. */
int xiG_py_operands(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t arity,
                    uint32_t *out, xi_err *err) {
  int arith = in->op == XI_ADD || in->op == XI_SUB || in->op == XI_MUL || in->op == XI_DIV ||
              in->op == XI_POW || in->op == XI_NEG;
  for (uint32_t k = 0; arith && k < arity && k < 2; k++)
    if (xiG_kind(g, args[k]) == XI_C_OBJ) /* a + b, a an instance: its __add__ ... */
      return xiG_dunder(g, in->op, args, arity, in->pos, out, err);
  int ka = xiG_kind(g, args[0]);
  for (uint32_t k = arity; k < in->argc; k++) /* x.sum((0, 1)) */
    if (xiG_kind(g, args[k]) >= 0)
      return xiX_fail(err, in->pos, "%s's parameters here are whole numbers, not a %s (a "
                                    "tuple of axes, axis=(0, 1), is not part of xi: reduce "
                                    "one axis after the other)",
                      xiO_table[in->op].name ? xiO_table[in->op].name : "this function",
                      xiG_type_of(g, args[k]));
  for (uint32_t k = 0; (in->spare & XI_OPF_MATH) && k < arity; k++)
    if (xiG_kind(g, args[k]) >= 0) /* math.sqrt([4.0]): not NumPy's array of the list */
      return xiX_fail(err, in->pos, "TypeError: must be real number, not %s",
                      xiG_type_of(g, args[k]));
  if (in->op == XI_TRANSPOSE && ka == XI_C_OBJ) { /* self.T = 2.0 set it: the object's */
    uint32_t id = xiS_intern(&g->sym, "T", 1);
    return id == XI_NONE ? xiG_oom(g, in->pos, err)
                         : xiG_getattr(g, args[0], id, in->pos, out, err);
  }
  if (in->op == XI_ID && !(in->spare & XI_OPF_NP)) { /* xs.copy(), d.copy(): shallow */
    if (ka == XI_C_LIST)
      return xiG_convert(g, ka, args[0], in->pos, out, err);
    if (ka == XI_C_DICT) { /* its keys and values, one after the other, held anew */
      uint32_t n = g->nodes[args[0]].x->nargs, *kv = malloc((n ? n : 1) * sizeof *kv);
      if (!kv)
        return xiG_oom(g, in->pos, err);
      memcpy(kv, g->nodes[args[0]].x->args, n * sizeof *kv); /* (nodes move as they grow) */
      int rc = xiG_container(g, XI_C_DICT, kv, n, in->pos, out, err);
      free(kv);
      return rc;
    }
    *out = args[0]; /* a tuple, a string: Python's are not copied either */
    return 0;
  }
  if ((in->op == XI_EQ || in->op == XI_NE) && arity == 2 && !(in->spare & XI_OPF_NP)) {
    int eq;
    if (!(in->spare & XI_OPF_NOT) && xiG_py_no_exc(g, args[0], args[1], 1, in->pos, err))
      return -1; /* e == "text": Python compares the exception, False (pytype.c) */
    if ((in->spare & XI_OPF_NOT) ? xiG_py_truth(g, args[0], in->pos, &eq, err)
                                 : xiG_py_equal(g, args[0], args[1], in->pos, &eq, err))
      return -1;
    if (in->spare & XI_OPF_NOT) /* not xs: true when xs is empty */
      eq = !eq;
    uint32_t word = xiS_find(&g->sym, (eq == (in->op == XI_EQ)) ? "True" : "False",
                             (eq == (in->op == XI_EQ)) ? 4 : 5);
    *out = word == XI_NONE ? XI_NONE : xiG_constant(g, word, in->pos);
    return *out == XI_NONE ? xiG_oom(g, in->pos, err) : 0;
  }
  int rs = arity == 2 ? xiG_py_order(g, in->op, args[0], args[1], in->pos, out, err) : 1;
  if (rs <= 0) /* "a" < "b" (pytype.c) */
    return rs;
  if (!(in->spare & XI_OPF_NP)) {
    if (arity == 2)
      return xiG_py_op(g, in->op, args[0], args[1], in->pos, out, err);
    return xiG_not_number(g, args[0], in->pos,
                          xiO_table[in->op].name ? xiO_table[in->op].name : "this operator",
                          err);
  }
  for (uint32_t k = 0; k < arity; k++) { /* np.mean(xs): the list as an array */
    int kind = xiG_kind(g, args[k]);
    if ((kind == XI_C_LIST || kind == XI_C_TUPLE) &&
        xiG_as_array(g, args[k], in->pos, &args[k], err))
      return -1;
  }
  return xiG_build_op(g, in, args, out, err);
}

/* len(c), np.array(c) of a container */
int xiG_container_attr(xiG_graph *g, int which, uint32_t c, xi_pos pos, uint32_t *out,
                       xi_err *err) {
  if (which == XI_ATTR_ARRAY)
    return xiG_as_array(g, c, pos, out, err);
  uint32_t n = 0;
  if (xiG_is_dtype(g, c)) { /* len(x.dtype): its fields, none (NumPy's) */
  } else if (xiG_kind(g, c) == XI_C_STR) { /* its characters, as Python counts them */
    for (const char *t = xiS_name(&g->sym, (uint32_t)g->nodes[c].x->p[XI_C_TEXT]); *t; t++)
      n += (*t & 0xC0) != 0x80;
  } else if (xiG_kind(g, c) == XI_C_SET || xiG_kind(g, c) == XI_C_ULIST) {
    n = g->nodes[c].x->nargs; /* (in any order) */
  } else if (xiG_kind(g, c) == XI_C_ENUMERATE || xiG_kind(g, c) == XI_C_ZIP) {
    return xiX_fail(err, pos, "an %s object has no len() (TypeError): len() of what it walks",
                    xiG_kind_name(xiG_kind(g, c)));
  } else if (xiG_walk_len(g, c, pos, &n, err)) {
    return -1;
  }
  *out = xiG_number(g, (long)n, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* base[items]: a container's item (or x[:], a copy); an array's, where a
   list among the index items is an index array, as NumPy takes it */
/* a list's or a tuple's slice xs[a:b:c] (K_INDEX's one item): its bounds */
static int container_slice(xiG_graph *g, const xiP_ins *in, const uint32_t *args,
                           uint32_t *out, xi_err *err) {
  uint32_t b[3] = {XI_NONE, XI_NONE, XI_NONE};
  unsigned kind = xiP_ix_kind(in->arg, 0);
  for (int q = 0, next = 0; q < 3; q++)
    if (kind & (1u << q))
      b[q] = args[1 + next++];
  if (xiG_slice(g, args[0], b, in->pos, out, err))
    return -1;
  if (xiG_kind(g, args[0]) == XI_C_TUPLE && g->nodes[args[0]].x->p[XI_C_TSIZE] &&
      xiG_kind(g, *out) == XI_C_TUPLE && *out != args[0])
    g->nodes[*out].x->p[XI_C_TSIZE] = 1; /* x.shape[1:] of a tensor: torch.Size([3]) */
  return 0;
}

int xiG_indexed(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t *out, xi_err *err) {
  uint32_t base = args[0];
  int kind = xiG_kind(g, base);
  if (kind >= 0) {
    if (in->argc == 1 && (in->op == 1 || (xiP_ix_kind(in->arg, 0) & XI_IX_SLICE)))
      return container_slice(g, in, args, out, err); /* xs[:], xs[1:3] */
    if (in->argc != 1 || in->op || in->arg)
      return xiX_fail(err, in->pos, "a %s takes one index: xs[i], d[key] (%s indices must be "
                                    "integers or slices, not tuple)",
                      xiG_kind_name(kind), xiG_kind_name(kind));
    return xiG_item(g, base, args[1], in->pos, out, err);
  }
  xiG_ixitems ix;
  if (xiG_ix_items(g, in, args + 1, &ix, err))
    return -1;
  return xiG_index(g, base, ix.item, ix.argc, ix.mask, ix.kinds, in->pos, out, err);
}

int xiG_ix_items(xiG_graph *g, const xiP_ins *in, const uint32_t *items, xiG_ixitems *ix,
                 xi_err *err) {
  uint32_t n = xiG_given(in);
  const uint32_t *from = items;
  ix->argc = in->argc, ix->mask = in->op, ix->kinds = in->arg;
  if (in->argc == 1 && !in->op && !in->arg && xiG_kind(g, items[0]) == XI_C_TUPLE) {
    n = g->nodes[items[0]].x->nargs, from = g->nodes[items[0]].x->args;
    if (n == 0)
      return xiX_fail(err, in->pos, "x[()], an index of no items, is not part of xi: x itself");
    if (n > XI_IX_MAX)
      return xiX_fail(err, in->pos, "an index tuple of %u items: at most %d", n, XI_IX_MAX);
    ix->argc = (int)n;
  }
  for (uint32_t k = 0; k < n; k++) { /* a list among them is an index array, as NumPy's */
    ix->item[k] = from[k];
    int ik = xiG_kind(g, from[k]);
    if ((ik == XI_C_LIST || (ik == XI_C_TUPLE && from != items)) &&
        xiG_as_array(g, from[k], in->pos, &ix->item[k], err))
      return -1;
  }
  return 0;
}

/* K_UNPACK: the tuple at the top replaced by its items */
int xiG_unpack_top(xiG_graph *g, const xiP_ins *in, uint32_t *st, uint32_t *sp, xi_err *err) {
  uint32_t t = st[--*sp];
  if (xiG_unpackable(g, t, in->argc, in->pos, &t, err))
    return -1;
  xiG_ext *x = g->nodes[t].x;
  for (uint32_t k = 0; k < x->nargs; k++)
    st[(*sp)++] = x->args[k];
  return 0;
}

