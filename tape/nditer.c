/* nditer.c: NumPy's np.nditer as CS231n's gradient checks use it,
 *   it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
 *   while not it.finished: ix = it.multi_index; ...; it.iternext()
 * An iterator is a container (XI_C_NDITER) of whole numbers: its position, whether it
 * tracks a multi-index, whether it walks in Fortran's order, then x's shape.  xi's values
 * never change, so it.iternext() makes the iterator one step on, which every holder of the
 * old one takes (a statement of its own, as xs.sort(): syntax/stmt.c S_MUTATE).  The
 * elements themselves are read by indexing x (x[ix]): it[0] and it.value, NumPy's views
 * of them, are refused.
 *
 * NumPy walks in the array's memory order (order='K'), which xi does not keep: an array
 * computed elementwise from a transpose (A.T, A.T * 2) is Fortran-ordered in NumPy, and a
 * reversed slice (x[::-1]) walks backwards.  Such an x is refused, naming the order to
 * write (order='C').  A copy is followed as the array it copies (x.copy() is C-ordered in
 * NumPy, np.copy(x) keeps x's order: xi makes both one node), and np.zeros_like(A.T),
 * Fortran-ordered in NumPy, is a new array to xi, walked row by row. */
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

enum { IT_POS, IT_TRACKED, IT_FORDER, IT_DIMS }; /* the items, then one a dimension */

static long item(const xiG_graph *g, uint32_t it, int k) {
  return mpfr_get_si(g->nodes[g->nodes[it].x->args[k]].v, MPFR_RNDN);
}

/* a string's text, or NULL when s is not a string */
static const char *text_of(const xiG_graph *g, uint32_t s) {
  return xiG_kind(g, s) == XI_C_STR ? xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT])
                                    : NULL;
}

/* flags= or op_flags=: a list or tuple of strings, each one of allowed (a NULL-ended list);
   *has: whether want is among them */
static int words(xiG_graph *g, uint32_t list, const char *kw, const char *const *allowed,
                 const char *want, int *has, xi_pos pos, xi_err *err) {
  *has = 0;
  if (list == XI_NONE)
    return 0;
  int kind = xiG_kind(g, list);
  if (kind != XI_C_LIST && kind != XI_C_TUPLE)
    return xiX_fail(err, pos, "np.nditer's %s= is a list of strings: %s=['multi_index']", kw,
                    kw);
  for (uint32_t k = 0; k < g->nodes[list].x->nargs; k++) {
    const char *w = text_of(g, g->nodes[list].x->args[k]);
    if (!w)
      return xiX_fail(err, pos, "np.nditer's %s= is a list of strings", kw);
    int q = 0;
    while (allowed[q] && strcmp(allowed[q], w) != 0)
      q++;
    if (!allowed[q])
      return xiX_fail(err, pos, "np.nditer's %s= '%s' is not part of xi (xi's iterator gives "
                                "it.multi_index, it.finished and it.iternext(); the elements "
                                "are read by indexing the array, x[it.multi_index])", kw, w);
    *has |= want && strcmp(w, want) == 0;
  }
  return 0;
}

/* NumPy's order='K' walks x in its memory order: refuse an x whose order xi cannot say,
   one computed elementwise from a transpose of a matrix or from a reversed slice.  The
   walk follows elementwise ops and changes in place (whose result keeps its operand's
   order) and stops at ops whose result NumPy makes C-ordered (products, reductions,
   copies, the makers). */
static int c_ordered(const xiG_graph *g, uint32_t x, xi_pos pos, xi_err *err) {
  uint32_t *stack = malloc(64 * sizeof *stack), n = 0, cap = 64;
  unsigned char *seen = calloc(g->n / 8 + 1, 1);
  int rc = 0;
  if (!stack || !seen) {
    free(stack), free(seen);
    return xiX_fail(err, pos, "out of memory");
  }
  stack[n++] = x;
  while (n && rc == 0) {
    uint32_t i = stack[--n];
    if (i == XI_NONE || i >= g->n || (seen[i / 8] >> (i % 8) & 1))
      continue;
    seen[i / 8] |= (unsigned char)(1u << (i % 8));
    const xiG_node *nd = &g->nodes[i];
    xi_shape sh = xiG_shape(nd);
    if (nd->op == XI_TRANSPOSE && sh.rank == 2 && sh.rows > 1 && sh.cols > 1)
      rc = xiX_fail(err, pos, "np.nditer walks an array in its memory order, and this one is "
                              "computed from a transpose (A.T), which NumPy may keep in "
                              "Fortran's order (A.T, A.T * 2, np.copy(A.T)) and xi does not "
                              "follow: write np.nditer(x, ..., order='C'), row by row");
    else if (nd->op == XI_SLICE && nd->x && (nd->x->p[1] < 0 || nd->x->p[6] < 0))
      rc = xiX_fail(err, pos, "np.nditer walks an array in its memory order, and this one is "
                              "computed from a reversed slice (x[::-1]), which NumPy walks "
                              "backwards and xi does not follow: write np.nditer(x, ..., "
                              "order='C'), row by row");
    else if (xiO_elementwise(nd->op) || nd->op == XI_PUT || nd->op == XI_SLICESET ||
             nd->op == XI_SLICE || nd->op == XI_BROADCAST) {
      if (n + 2 > cap) {
        uint32_t *s = realloc(stack, 2 * cap * sizeof *stack);
        if (!s) {
          rc = xiX_fail(err, pos, "out of memory");
          break;
        }
        stack = s, cap *= 2;
      }
      stack[n++] = nd->a;
      if (xiO_elementwise(nd->op))
        stack[n++] = nd->b;
    }
  }
  free(stack), free(seen);
  return rc;
}

int xiG_nditer(xiG_graph *g, uint32_t x, uint32_t flags, uint32_t op_flags, uint32_t order,
               xi_pos pos, uint32_t *out, xi_err *err) {
  static const char *const fl[] = {"multi_index", "refs_ok", "zerosize_ok", NULL};
  static const char *const opf[] = {"readonly", "readwrite", "writeonly", NULL};
  int tracked, any, forder = 0;
  if (xiG_kind(g, x) >= 0)
    return xiX_fail(err, pos, "np.nditer of a %s: xi's iterator walks one array (several "
                              "operands are not part of xi)", xiG_kind_name(xiG_kind(g, x)));
  if (words(g, flags, "flags", fl, "multi_index", &tracked, pos, err) ||
      words(g, op_flags, "op_flags", opf, NULL, &any, pos, err))
    return -1;
  const char *o = order == XI_NONE ? "K" : text_of(g, order);
  if (!o || strlen(o) != 1 || !strchr("CFKA", o[0]))
    return xiX_fail(err, pos, "np.nditer's order is 'C', 'F', 'A' or 'K'");
  if (o[0] == 'F')
    forder = 1;
  else if (o[0] != 'C' && c_ordered(g, x, pos, err))
    return -1;
  xi_shape sh = xiG_shape(&g->nodes[x]);
  uint32_t items[IT_DIMS + 2];
  int rank = sh.rank;
  long dims[2] = {rank == 2 ? (long)sh.rows : (long)sh.cols, (long)sh.cols};
  if (xiG_number_at(g, 0, pos, &items[IT_POS], err) || xiG_number_at(g, tracked, pos, &items[IT_TRACKED], err) ||
      xiG_number_at(g, forder, pos, &items[IT_FORDER], err))
    return -1;
  for (int k = 0; k < rank; k++)
    if (xiG_number_at(g, dims[k], pos, &items[IT_DIMS + k], err))
      return -1;
  return xiG_container(g, XI_C_NDITER, items, (uint32_t)(IT_DIMS + rank), pos, out, err);
}

static long size_of(const xiG_graph *g, uint32_t it) {
  long n = 1;
  for (uint32_t k = IT_DIMS; k < g->nodes[it].x->nargs; k++)
    n *= item(g, it, (int)k);
  return n;
}

int xiG_nditer_attr(xiG_graph *g, uint32_t it, uint32_t name, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  const char *n = xiS_name(&g->sym, name);
  long at = item(g, it, IT_POS), size = size_of(g, it);
  int rank = (int)g->nodes[it].x->nargs - IT_DIMS;
  if (strcmp(n, "finished") == 0) {
    uint32_t word = xiS_intern(&g->sym, at >= size ? "True" : "False", at >= size ? 4 : 5);
    *out = word == XI_NONE ? XI_NONE : xiG_constant(g, word, pos);
    return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
  }
  if (strcmp(n, "multi_index") == 0) {
    if (!item(g, it, IT_TRACKED))
      return xiX_fail(err, pos, "Iterator is not tracking a multi-index (NumPy's ValueError: "
                                "np.nditer(x, flags=['multi_index']))");
    if (at >= size)
      return xiX_fail(err, pos, "Iterator is past the end (NumPy's ValueError)");
    uint32_t ix[2];
    if (rank == 2) { /* (a vector's index is its position; a scalar's is ()) */
      long d0 = item(g, it, IT_DIMS), d1 = item(g, it, IT_DIMS + 1); /* (neither is 0) */
      int f = item(g, it, IT_FORDER) != 0;
      if (xiG_number_at(g, f ? at % d0 : at / d1, pos, &ix[0], err) ||
          xiG_number_at(g, f ? at / d0 : at % d1, pos, &ix[1], err))
        return -1;
    } else if (rank == 1 && xiG_number_at(g, at, pos, &ix[0], err)) {
      return -1;
    }
    return xiG_tuple(g, ix, (uint32_t)rank, pos, out, err);
  }
  if (strcmp(n, "value") == 0 || strcmp(n, "index") == 0)
    return xiX_fail(err, pos, "np.nditer's .%s is not part of xi: read the element by its "
                              "index, x[it.multi_index]", n);
  return xiX_fail(err, pos, "'numpy.nditer' object has no attribute '%s' in xi (it has "
                            "multi_index, finished and iternext())", n);
}

int xiG_nditer_next(xiG_graph *g, uint32_t it, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, it) != XI_C_NDITER)
    return xiX_fail(err, pos, "'%s' object has no attribute 'iternext' (np.nditer's has)",
                    xiG_type_of(g, it));
  const xiG_ext *x = g->nodes[it].x;
  uint32_t items[IT_DIMS + 2], pair[2] = {it, XI_NONE};
  long at = item(g, it, IT_POS), size = size_of(g, it);
  memcpy(items, x->args, x->nargs * sizeof *items);
  if (xiG_number_at(g, at < size ? at + 1 : size, pos, &items[IT_POS], err) ||
      xiG_container(g, XI_C_NDITER, items, x->nargs, pos, &pair[1], err))
    return -1;
  return xiG_container(g, XI_C_TUPLE, pair, 2, pos, out, err);
}
