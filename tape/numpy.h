/* numpy.h: values that are not one op, made as NumPy makes them: zeros,
 * ones, eye, arange ... (build.c, with x.shape, len(x), x.reshape); np.random's
 * draws and np.linspace (npmake.c) and np.random.default_rng's Generator
 * (npgen.c); NumPy's functions built of several ops (npcall.c, npshape.c,
 * npaxis.c).  Part of tape/graph.h's module (prefix xiG_), kept apart so
 * that graph.h stays the tape itself: the files that make or call these
 * include it. */
#ifndef XI_TAPE_NUMPY_H
#define XI_TAPE_NUMPY_H

#include "tape/graph.h"

/* zeros ones eye randn rand arange (XI_MAKE_*) of the sizes args (or a tuple) */
int xiG_make(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
             uint32_t *out, xi_err *err);
/* np.random.randn's and rand's sizes as NumPy reads them (form an XI_MAKE_STAR or
   XI_MAKE_NUMPY): *t a tuple or a list, the sizes numbers; else NumPy's TypeError */
int xiG_make_sizes(xiG_graph *g, int which, int form, const uint32_t *args, uint32_t n,
                   xi_pos pos, xi_err *err);
/* np.linspace and np.random's randint, normal, uniform, permutation, choice
   (XI_MAKE_LINSPACE on), their arguments by slot: args the slots given in
   mask, in order (npmake.c) */
int xiG_draw(xiG_graph *g, int which, const uint32_t *args, unsigned mask, xi_pos pos,
             uint32_t *out, xi_err *err);
/* npmake.c's parts that np.random.default_rng's Generator (npgen.c) draws with
   too: a Python list or tuple where NumPy takes an array made one; a size (a
   number, a tuple of at most two, None or XI_NONE: a scalar); a new leaf of
   shape sh from the doubles d or the whole numbers i + off; x[idx] for drawn
   indices (a matrix's rows); the population of permutation and choice (a
   whole number n, or a vector's length, or a matrix's rows when rows_ok) */
int xiG_draw_array(xiG_graph *g, uint32_t *node, xi_pos pos, xi_err *err);
int xiG_draw_size(xiG_graph *g, uint32_t node, xi_pos pos, xi_shape *sh, xi_err *err);
int xiG_draw_leaf(xiG_graph *g, xi_shape sh, const double *d, const uint64_t *i, int64_t off,
                  int dtype, xi_pos pos, uint32_t *out, xi_err *err);
int xiG_draw_pick(xiG_graph *g, uint32_t x, const uint64_t *idx, xi_shape sh, xi_pos pos,
                  uint32_t *out, xi_err *err);
int xiG_draw_population(xiG_graph *g, uint32_t a, int rows_ok, xi_pos pos, uint32_t *n,
                        xi_err *err);
/* choice's cdf = cumsum(p) / its last, in doubles, in order, as NumPy's; and
   searchsorted(cdf, u, side='right'): how many of cdf's n are at most u */
void xiG_draw_cdf(const double *p, uint32_t n, double *cdf);
uint32_t xiG_draw_search(const double *cdf, uint32_t n, double u);
/* choice without replacement with p= (npmake.c), the uniforms from draw(rng) */
int xiG_draw_unique_p(double (*draw)(void *), void *rng, double *p, uint32_t pop,
                      uint32_t count, uint64_t *idx, double *cdf, double *u);
/* np.random.default_rng(seed): a Generator (an XI_C_GEN container whose
   x->p[XI_C_ID] is its state's place in g->gens), and its methods, rng.random(...)
   ... (npgen.c); in: the K_METHOD, its keywords' K_CALLKW before it */
int xiG_default_rng(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                    xi_err *err);
int xiG_gen_method(xiG_graph *g, const xiP_ins *in, uint32_t x, const uint32_t *args,
                   uint32_t *out, xi_err *err);
/* NumPy's functions built of several ops (XI_NP_*, npcall.c), likewise */
int xiG_npcall(xiG_graph *g, int which, const uint32_t *args, unsigned mask, xi_pos pos,
               uint32_t *out, xi_err *err);
/* the XI_NP_* from XI_NP_EXPAND_DIMS on and np.stack (npshape.c), and from
   XI_NP_PROD on (npaxis.c): s[k] the value of slot k, XI_NONE when not given */
int xiG_npshape(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
                xi_err *err);
int xiG_npaxis(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
               xi_err *err);
/* (npshape.c, for npaxis.c) an axis of a value of that rank, negative ones from the
   end, or NumPy's AxisError; x, or a copy of it where it is a view of a value made
   before mark (NumPy's function copies); x's elements at (row[k], col[k]) (row NULL
   for a vector x) in the shape sh, by GATHER */
int xiG_np_axis(xiG_graph *g, uint32_t node, int rank, xi_pos pos, int *axis, xi_err *err);
int xiG_np_copy(xiG_graph *g, uint32_t x, uint32_t mark, xi_pos pos, uint32_t *out,
                xi_err *err);
int xiG_np_gather(xiG_graph *g, uint32_t x, const int64_t *row, const int64_t *col,
                  xi_shape sh, xi_pos pos, uint32_t *out, xi_err *err);
/* x.shape, x.size, len(x), x.item() ... (XI_ATTR_*) */
int xiG_attr(xiG_graph *g, int which, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err);
int xiG_array_of_tuple(xiG_graph *g, uint32_t t, xi_pos pos, uint32_t *out, xi_err *err);
/* x.reshape(dims...), a -1 among them taking what is left */
int xiG_reshape(xiG_graph *g, uint32_t x, const uint32_t *dims, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err);

#endif
