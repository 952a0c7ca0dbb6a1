/* exec_int.h: what exec.c's run of an instruction shares with operands.c,
 * and no one else: an op built from the stack's operands, and the operands
 * that are Python's containers. */
#ifndef XI_EXEC_INT_H
#define XI_EXEC_INT_H

#include "tape/graph.h"

/* the number of the index items on the stack (the ':' ones are not) */
static inline uint32_t xiG_given(const xiP_ins *in) {
  return xiP_ix_items(in->argc, in->op, in->arg);
}
/* in's op of args (its operands, then its whole-number parameters) */
int xiG_build_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                 xi_err *err);
/* is one of args[0, n) a list, a tuple, a dict or a string? */
int xiG_holds_container(const xiG_graph *g, const uint32_t *args, uint32_t n);
/* in's op where a container is among its arity operands */
int xiG_py_operands(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t arity,
                    uint32_t *out, xi_err *err);
/* len(c) (which XI_ATTR_LEN), np.array(c) (XI_ATTR_ARRAY) of a container c */
int xiG_container_attr(xiG_graph *g, int which, uint32_t c, xi_pos pos, uint32_t *out,
                       xi_err *err);
/* an index's items as the tape reads them: those written, or a tuple's items when the
   index is one tuple (x[ix] with ix = it.multi_index, NumPy's x[ix[0], ix[1]]) */
typedef struct {
  uint32_t item[XI_IX_MAX];
  int argc;
  unsigned mask;
  uint32_t kinds;
} xiG_ixitems;
int xiG_ix_items(xiG_graph *g, const xiP_ins *in, const uint32_t *items, xiG_ixitems *ix,
                 xi_err *err);
/* K_INDEX: args[0] indexed by the items after it */
int xiG_indexed(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t *out, xi_err *err);
/* K_UNPACK: the tuple at the top of the stack st (*sp items) replaced by its items */
int xiG_unpack_top(xiG_graph *g, const xiP_ins *in, uint32_t *st, uint32_t *sp, xi_err *err);

#endif
