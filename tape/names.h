/* names.h: the rules of binding (names.c, unbind.c) and how a value is
 * called (label.c): what a name is bound to, name = value, update steps,
 * set, unpacking, del, a function bound; a node's name, its label in a
 * trace and the ξ numbers of a cone.  Part of tape/graph.h's module (prefix
 * xiG_), kept apart so that graph.h stays the tape itself: the files that
 * bind, resolve or name values include it. */
#ifndef XI_TAPE_NAMES_H
#define XI_TAPE_NAMES_H

#include "tape/graph.h"

/* ---- names (names.c, and unbind.c): the rules of binding ---- */
#define XI_HI_BLOCK 64
/* name's node noted in g->bind_hi (names.c): every write of g->bind[name] calls it */
void xiG_bind_hi(xiG_graph *g, uint32_t name);
/* 1 when no name in block k (names k·XI_HI_BLOCK ...) can be bound to a node >= node */
static inline int xiG_bind_below(const xiG_graph *g, uint32_t k, uint32_t node) {
  return !g->bind_hi_off && k < g->nbind_hi && g->bind_hi[k] < node;
}
xiG_binding *xiG_binding_of(xiG_graph *g, uint32_t name); /* NULL when unbound */
static inline const xiG_func *xiG_func_of(const xiG_graph *g, const xiG_binding *b) {
  return &g->func[b->node];
}
/* the node a name means in an expression: a binding, a trace's ξ label, pi
   or e; fails with the reason */
int xiG_resolve(xiG_graph *g, uint32_t name, xi_pos pos, uint32_t *node, xi_err *err);
/* name = value: root was made by the statement (nodes from mark on) from
   code.  A value computed from no other value becomes a leaf (its own node,
   remembering code to be read again at another precision). */
int xiG_assign(xiG_graph *g, uint32_t name, uint32_t root, uint32_t mark,
               const xiP_code *code, xi_pos pos, uint32_t *bound, xi_err *err);
/* name op= value: on a leaf an update step (a new leaf, no history); on
   anything else name = name op (value) */
int xiG_update(xiG_graph *g, uint32_t name, int op, uint32_t rhs, uint32_t mark, xi_pos pos,
               uint32_t *bound, xi_err *err);
/* name[index] op= ...: r, the new value (PUT), becomes name's; on a leaf an
   update step (a new leaf).  An array another name holds too is an error. */
int xiG_index_update(xiG_graph *g, uint32_t name, uint32_t r, uint32_t mark, xi_pos pos,
                     uint32_t *bound, xi_err *err);
/* names... = root, a tuple of n items: each name takes its item (one computed
   from no other value becoming a leaf, as with =); bound: what each took */
int xiG_unpack(xiG_graph *g, const uint32_t *names, const xi_pos *at, uint32_t n,
               uint32_t root, uint32_t mark, const xiP_code *code, uint32_t *bound,
               xi_err *err);
int xiG_bind_func(xiG_graph *g, uint32_t name, const uint32_t *params, uint32_t nparams,
                  const xiP_code *body, const char *text, size_t len);
void xiG_unbind(xiG_graph *g, uint32_t name, xi_pos pos);
/* after xiG_set_prec_lenient: every name whose value is not a number is
   unbound (as by del, at pos) and so is every ξ label; *out lists the names
   (malloc'd, *n of them; NULL when none) */
int xiG_unbind_undefined(xiG_graph *g, xi_pos pos, uint32_t **out, uint32_t *n);
/* name takes node (a change in place, pymut.c); update: by an update step */
int xiG_rebind(xiG_graph *g, uint32_t name, uint32_t node, xi_pos pos, int update);
/* set name = value: the leaf name replaced by a new one, and every named
   value whose graph holds the old one computed again; *changed lists the
   names rebound (malloc'd) */
int xiG_set(xiG_graph *g, uint32_t name, uint32_t root, uint32_t mark, xi_pos pos,
            uint32_t **changed, uint32_t *nchanged, xi_err *err);
/* after collection: names, labels and history follow their nodes */
void xiG_names_renumber(xiG_graph *g, const uint32_t *to);
void xiG_names_free(xiG_graph *g);
/* (names.c, for undo.c) a function's parts freed, its slot back on the free list */
void xiG_func_free(xiG_graph *g, uint32_t k);

/* ---- how a value is called (label.c) ---- */
/* the name bound to node i right now, or NULL */
const char *xiG_name_of(const xiG_graph *g, uint32_t i);
/* "W" or "W (before the update at 7:1)": how to call node i in a trace */
void xiG_label_of(const xiG_graph *g, uint32_t i, char *buf, size_t n);
/* why root does not depend on the value name binds (node v): the message */
void xiG_why_not(const xiG_graph *g, uint32_t root, const char *what, uint32_t name, uint32_t v,
                 char *buf, size_t n);
/* why grad(root, v) cannot be had: leaf, in root's cone, let go of a history
   that v may be in (xiG_history_lost) */
void xiG_why_lost(const xiG_graph *g, const char *what, uint32_t name, uint32_t leaf,
                  char *buf, size_t n);
/* the ξ labels a trace printed: label k is nodes[k - 1] */
int xiG_set_labels(xiG_graph *g, const uint32_t *nodes, uint32_t n);
/* Numbers root's cone as trace prints it, and sets the labels: xi (root + 1
   entries, zeroed) gets 0 for a node outside the cone, k for ξk (the nodes
   without a name, in the order they were built, skipping the numbers the
   user's own names ξ1, ξ2, ... take), UINT32_MAX for a named node or a
   constant.  -1: out of memory. */
int xiG_number_cone(xiG_graph *g, uint32_t root, uint32_t *xi);

#endif
