/* exec_int.h: what exec.c's run of an instruction shares with operands.c
 * and call.c, and no one else: an op built from the stack's operands, the
 * operands that are Python's containers, the scope code runs in, and calls. */
#ifndef XI_EXEC_INT_H
#define XI_EXEC_INT_H

#include "tape/graph.h"

/* the scope code runs in: a def's call, or a statement's (g->frames) */
typedef struct xiG_scope {
  const uint32_t *params; /* a function's parameter names */
  uint32_t *args;         /* and their nodes (a copy: a change in place follows them) */
  uint32_t np;
  uint32_t (*local)[2]; /* a def's locals, (name, node), in the order made */
  uint32_t nlocal, caplocal;
  uint32_t mark; /* K_MARK: where an attribute's value starts (K_SETATTR) */
  uint32_t *st, *sp; /* its operand stack: a for loop's list, a value computed already */
  struct xiG_scope *up; /* the scope of the code that called this one (g->frames) */
  struct xiG_scope *outer; /* a lambda's call: the scope it was made in, whose names it
                              reads as Python's closure does (NULL: none) */
  unsigned serial; /* its number among the scopes made (g->scopes), for a lambda's */
  uint32_t comp;   /* locals from here on are a comprehension's (UINT32_MAX: none) */
  uint8_t captured; /* a function made here reads its names: kept when it returns (call.c) */
  const uint32_t *envbind; /* a scope that returned, read again: each local's hidden name,
                              whose binding holds its value now (call.c) */
} xiG_scope;
/* ---- closures' scopes (env.c) ---- */

/* a scope that returned while a function made in it reads its names: each name
   and the hidden name (<env K>.x) whose binding holds its value.  A free entry
   has serial 0, and outer is then the next free one + 1 (g->envfree the first) */
typedef struct {
  unsigned serial, outer; /* its scope's number, and the number of the scope it read */
  uint32_t n;
  uint32_t *name, *bind;
} xiG_env;
/* sc returns, and a function made in it reads its names: they are kept (hidden names,
   <env K>.x), for the function called later, as Python's closure keeps its cells */
int xiG_env_save(xiG_graph *g, const xiG_scope *sc);
/* the kept scope numbered serial; NULL: none */
const xiG_env *xiG_env_find(const xiG_graph *g, unsigned serial);
/* the locals of the env scopes that sc reads (sc and its outers) read again from their
   hidden names, after a change in place */
void xiG_env_refresh(const xiG_graph *g, xiG_scope *sc);
/* is name a local or a parameter of sc, or of the scopes it reads (a lambda's
   outer)?  *node its value (XI_NONE: a local with none yet) */
int xiG_local(const xiG_scope *sc, uint32_t name, uint32_t *node);
/* code run in a scope of its own (parameters params bound to args), reading
   outer's names (a lambda's closure; NULL: none) */
int xiG_exec_in(xiG_graph *g, const xiP_code *code, const uint32_t *params,
                const uint32_t *args, uint32_t np, xiG_scope *outer, uint32_t *root,
                xi_err *err);
/* K_CALL: the function or the value the name in->arg holds called (call.c) */
int xiG_call_named(xiG_graph *g, const xiG_scope *sc, const xiP_ins *in, const uint32_t *args,
                   uint32_t *out, xi_err *err);
/* K_FUNC at code->ins[*k] (XI_FN_OP, XI_FN_LAMBDA: its own instructions
   before it): the function as a value */
int xiG_make_func(xiG_graph *g, xiG_scope *sc, const xiP_code *code, uint32_t *k,
                  uint32_t *out, xi_err *err);

/* the number of the index items on the stack (the ':' ones are not) */
static inline uint32_t xiG_given(const xiP_ins *in) {
  return xiP_ix_items(in->argc, in->op, in->arg);
}
/* in's op of args (its operands, then its whole-number parameters) */
int xiG_build_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                 xi_err *err);
/* in's op of args, no container among them, as Python's code calls it: math.log(0)
   (XI_OPF_MATH) raises Python's ValueError where np.log warns, and x ** y of Python's
   floats its OverflowError (pytype.c) */
int xiG_run_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
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
