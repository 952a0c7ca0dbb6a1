/* npspecial.c: NumPy's special forms, the names numpy.c's tables mark NP_SP:
 * compiled here to several instructions, not to one op of the same name
 * (np.where(c, a, b) as two keeps and a sum, x.reshape, x.astype, len(x),
 * np.random.seed and np.set_printoptions as statements of their own ...);
 * the forms whose arguments go by slot are npforms.c's.  A part of the parser
 * (xiP_, parse.h); shared through parse_int.h. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- the special forms ---- */

/* the instruction at code position at, moved right by n to make room */
static void open_gap(xiP_parser *p, xiP_code *c, uint32_t at, uint32_t n, xi_pos pos) {
  for (uint32_t k = 0; k < n; k++) {
    xiP_ins nop = {K_DUP, 0, 0, 0, 0, pos};
    xiP_emit(p, c, nop); /* grows the buffer; overwritten below */
  }
  memmove(c->ins + at + n, c->ins + at, (c->n - n - at) * sizeof *c->ins);
}

static void insert(xiP_parser *p, xiP_code *c, uint32_t at, const xiP_ins *ins, uint32_t n) {
  open_gap(p, c, at, n, ins[0].pos);
  memcpy(c->ins + at, ins, n * sizeof *ins);
}

static void need(xiP_parser *p, const xiP_callargs *a, int lo, int hi, xiL_token name,
                 const char *usage) {
  if (a->n < lo || a->n > hi || a->nkw)
    xiP_fail(p, name.pos, "%s: %s", usage, a->nkw ? "no keyword arguments here"
                                                  : "not this many arguments");
}

/* np.where(c, a, b) = keep(a, c) + keep(b, c == 0), c computed once */
static void where(xiP_parser *p, xiP_code *c, const xiP_callargs *a, xi_pos pos) {
  xiP_ins after_b[] = {{K_SWAP, 0, 0, 0, 0, pos}, {K_OP, XI_KEEP, 0, 0, 0, pos},
                       {K_OP, XI_ADD, 0, 0, 0, pos}};
  xiP_ins after_a[] = {{K_SWAP, 0, 0, 0, 0, pos}, {K_OP, XI_KEEP, 0, 0, 0, pos},
                       {K_SWAP, 0, 0, 0, 0, pos}, {K_NUM, 0, 0, 0, 0, pos},
                       {K_OP, XI_EQ, 0, 0, 0, pos}};
  xiP_ins after_c[] = {{K_DUP, 0, 0, 0, 0, pos}};
  after_a[3].arg = xiP_intern(p, "0", 1, pos);
  uint32_t end_b = c->n, end_a = a->start[2], end_c = a->start[1];
  insert(p, c, end_b, after_b, 3); /* from the last, so earlier places stay put */
  insert(p, c, end_a, after_a, 5);
  insert(p, c, end_c, after_c, 1);
}

static void attr(xiP_parser *p, xiP_code *c, int which, xi_pos pos) {
  xiP_ins ins = {K_ATTR, (uint8_t)which, 0, 0, 0, pos};
  xiP_emit(p, c, ins);
}

/* a form whose operand (the value before '.', or the first argument) is on
   the stack, with the other arguments a (from position first on) */
void xiP_np_special(xiP_parser *p, xiP_code *c, int sp, const xiP_callargs *a, int first,
                    xiL_token name) {
  xi_pos pos = name.pos;
  int extra = a->n - first;
  switch (sp) {
  case SP_DOT:
  case SP_MATMUL: {
    need(p, a, first + 1, first + 1, name, sp == SP_DOT ? "dot(a, b)" : "matmul(a, b)");
    xiP_ins ins = {K_OP, XI_MATMUL,
                   (uint8_t)((sp == SP_DOT ? XI_OPF_DOT : 0) | (p->method ? 0 : XI_OPF_NP)), 2,
                   0, pos};
    xiP_emit(p, c, ins);
    return;
  }
  case SP_ARRAY:
    need(p, a, first, first, name, "np.array(x)");
    if (!(c->n && c->ins[c->n - 1].kind == K_LIST)) /* a list is an array already */
      attr(p, c, XI_ATTR_ARRAY, pos);
    break;
  case SP_COPY:
    need(p, a, first, first, name, "copy(x)");
    xiP_emit_op(p, c, XI_ID, pos);
    break;
  case SP_CLIP:
    if (a->nkw == 1 && p->python) { /* np.clip(x, lo, hi, out=x): x changed in place */
      xiP_np_clip_out(p, c, a, name);
      break;
    }
    need(p, a, first + 2, first + 2, name, "clip(a, a_min, a_max)");
    xiP_np_clip(p, c, a, first, pos);
    break;
  case SP_WHERE:
    need(p, a, 1, 3, name, "np.where(condition, a, b), or np.where(condition)");
    if (a->n == 2)
      need(p, a, 3, 3, name, "np.where(condition, a, b), or np.where(condition)");
    if (a->n == 3) {
      where(p, c, a, pos);
      break;
    }
    attr(p, c, XI_ATTR_NONZERO, pos); /* np.where(condition) is np.nonzero(condition) */
    break;
  case SP_NONZERO: /* the indices where it is true, one array for each axis: a tuple */
    need(p, a, 1, 1, name, "np.nonzero(x)");
    attr(p, c, XI_ATTR_NONZERO, pos);
    break;
  case SP_NPSHUFFLE: { /* np.random.shuffle(x), x a name: as xs.sort(), a def checks it */
    need(p, a, 1, 1, name, "np.random.shuffle(x)");
    int named = c->n == a->start[0] + 1 && c->ins[a->start[0]].kind == K_NAME;
    xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_NPSHUFFLE, 0, 1, (uint32_t)named, pos});
    return;
  }
  case SP_BINCOUNT:
    need(p, a, 1, 1, name, "np.bincount(x) (xi has no weights= nor minlength=)");
    attr(p, c, XI_ATTR_BINCOUNT, pos);
    break;
  case SP_SEED:
    need(p, a, 1, 1, name, "np.random.seed(N)");
    p->seed_arg = a->first; /* a number's token; an expression (seed) is computed */
    attr(p, c, XI_ATTR_SEED, pos);
    return;
  case SP_PRINTOPTS: /* the options' values as a tuple, their names kept (stmt.c) */
    if (a->n > XI_KW_OPTS || a->n != a->nkw || a->dtype >= 0)
      xiP_fail(p, name.pos, "np.set_printoptions takes its options by name in xi: "
                            "precision=4, suppress=True, linewidth=, threshold=, edgeitems=");
    p->npopt = (uint32_t)a->n;
    for (int k = 0; k < a->n; k++) {
      xiP_printoption(p, a->kw[k], a->pos[k]);
      p->popt[k] = a->kw[k], p->popt_pos[k] = a->pos[k];
    }
    if (a->n)
      xiP_emit(p, c, (xiP_ins){K_TUPLE, XI_C_TUPLE, 0, (uint16_t)a->n, 0, pos});
    else
      xiP_emit(p, c, (xiP_ins){K_NONE, 0, 0, 0, 0, pos});
    attr(p, c, XI_ATTR_PRINTOPTS, pos);
    return;
  case SP_ZEROS_LIKE:
  case SP_ONES_LIKE: {
    /* np.full_like(x, 0): x's shape and dtype (zeros of an int array are ints) */
    need(p, a, 1, 1, name, sp == SP_ZEROS_LIKE ? "np.zeros_like(x)" : "np.ones_like(x)");
    xiP_emit_num(p, c, sp == SP_ZEROS_LIKE ? "0.0" : "1.0", pos); /* a float array's: no cast */
    xiP_ins ins = {K_NPCALL, a->dtype >= 0 ? XI_NP_FULL_AS : XI_NP_FULL_LIKE, 0, 2, 3, pos};
    xiP_emit(p, c, ins);
    break;
  }
  case SP_RESHAPE: {
    if (a->nkw || extra < 1)
      xiP_fail(p, pos, "reshape takes the new shape: x.reshape(2, 3), x.reshape((2, 3)), "
                       "x.reshape(-1)");
    xiP_ins ins = {K_RESHAPE, 0, 0, (uint16_t)extra, 0, pos};
    xiP_emit(p, c, ins);
    break;
  }
  case SP_IFLOOR: /* math.floor(x), math.ceil(x): Python's ints (np.floor's are floats) */
  case SP_ICEIL:
    need(p, a, 1, 1, name, sp == SP_IFLOOR ? "math.floor(x)" : "math.ceil(x)");
    xiP_emit_op(p, c, sp == SP_IFLOOR ? XI_FLOOR : XI_CEIL, pos);
    attr(p, c, XI_ATTR_INT, pos);
    break;
  case SP_FLATTEN:
  case SP_ITEM:
  case SP_FLOAT:
  case SP_INT:
  case SP_LEN:
  case SP_SHAPE:
  case SP_SIZE:
  case SP_NDIM:
  case SP_TOLIST: {
    static const int which[] = {[SP_FLATTEN] = XI_ATTR_FLATTEN, [SP_ITEM] = XI_ATTR_ITEM,
                                [SP_TOLIST] = XI_ATTR_TOLIST,
                                [SP_FLOAT] = XI_ATTR_FLOAT,     [SP_INT] = XI_ATTR_INT,
                                [SP_LEN] = XI_ATTR_LEN,         [SP_SHAPE] = XI_ATTR_SHAPE,
                                [SP_SIZE] = XI_ATTR_SIZE,       [SP_NDIM] = XI_ATTR_NDIM};
    need(p, a, first, first, name, "this takes no argument here");
    attr(p, c, which[sp], pos);
    if (sp == SP_FLOAT && !xiP_word_is(p, &name, "float"))
      xiP_emit_op(p, c, XI_ID, pos); /* np.float64(x): NumPy's scalar, no longer x */
    break;
  }
  case SP_T:
    need(p, a, first, first, name, "transpose(x)");
    xiP_emit_op(p, c, XI_TRANSPOSE, pos);
    break;
  case SP_ISNAN: /* x != x, true of nan only; NumPy's bool (the ID: pytype.c) */
  case SP_ISINF: { /* (x == x) != isfinite(x): true of inf and -inf only */
    need(p, a, 1, 1, name, sp == SP_ISNAN ? "np.isnan(x)" : "np.isinf(x)");
    xiP_ins dup = {K_DUP, 0, 0, 0, 0, pos}, swap = {K_SWAP, 0, 0, 0, 0, pos};
    xiP_emit(p, c, dup);
    if (sp == SP_ISINF) {
      xiP_emit_op(p, c, XI_ISFINITE, pos);
      xiP_emit(p, c, swap);
      xiP_emit(p, c, dup);
      xiP_emit_op(p, c, XI_EQ, pos);
    }
    xiP_emit_op(p, c, XI_NE, pos);
    xiP_emit_op(p, c, XI_ID, pos);
    break;
  }
  case SP_LNOT: /* x == 0, NumPy's bool (the ID: pytype.c) */
    need(p, a, 1, 1, name, "np.logical_not(x)");
    xiP_emit_num(p, c, "0", pos);
    xiP_emit(p, c, (xiP_ins){K_OP, XI_EQ, XI_OPF_NP, 0, 0, pos});
    xiP_emit_op(p, c, XI_ID, pos);
    break;
  case SP_LAND: /* (a != 0) & (b != 0), of any numbers: NumPy's truths */
  case SP_LOR:
  case SP_LXOR: {
    need(p, a, 2, 2, name, sp == SP_LAND ? "np.logical_and(a, b)"
                           : sp == SP_LOR ? "np.logical_or(a, b)" : "np.logical_xor(a, b)");
    xiP_ins truth[] = {{K_NUM, 0, 0, 0, xiP_intern(p, "0", 1, pos), pos},
                       {K_OP, XI_NE, XI_OPF_NP, 0, 0, pos}};
    xiP_emit(p, c, truth[0]);
    xiP_emit(p, c, truth[1]);
    insert(p, c, a->start[1], truth, 2);
    xiP_emit(p, c, (xiP_ins){K_OP, (uint8_t)(sp == SP_LAND ? XI_BITAND : sp == SP_LOR ? XI_BITOR
                                                                                    : XI_NE),
                             XI_OPF_NP, 0, 0, pos});
    xiP_emit_op(p, c, XI_ID, pos);
    break;
  }
  case SP_SQUARE:
    need(p, a, 1, 1, name, "np.square(x)");
    xiP_emit_num(p, c, "2", pos);
    xiP_emit_op(p, c, XI_POW, pos);
    break;
  case SP_ASTYPE:
    if (a->dtype < 0 || a->n != first)
      xiP_fail(p, pos, "astype takes a type: x.astype(float), x.astype(int)");
    break;
  case SP_RANGE:
    xiP_fail(p, pos, "range(...) makes the numbers of a for loop: for i in range(n):");
  default: /* SP_FORM + XI_NPF_* */
    xiP_np_form(p, c, sp - SP_FORM, a, name);
    return;
  }
  xiP_emit_dtype(p, c, a->dtype, pos);
}

