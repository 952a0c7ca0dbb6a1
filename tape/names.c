/* names.c: the rules of binding, in one place.
 *
 *   name = expr     binds name to the value (a value computed from no other
 *                   value is a leaf of its own; b = a names a's value)
 *   name op= expr   on a leaf, an update step: a new leaf, no history; on
 *                   anything else, name = name op (expr), as Python
 *   set name = expr the knob: a new leaf, and every named value whose graph
 *                   holds the old one computed again
 *   del name        forgets the name; values keep what they were computed from
 *
 * A name that lets go of a value leaves a note (where, and how), so that a
 * value computed from an earlier W can be named "W (before the update at
 * line 7)", and grad can say why it will not differentiate by the W of now. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/names.h"


void xiG_func_free(xiG_graph *g, uint32_t k) {
  xiG_func *f = &g->func[k];
  free(f->text);
  free(f->params);
  xiP_code_free(&f->body);
  memset(f, 0, sizeof *f);
  f->nparams = g->freefunc; /* a free entry links to the next */
  g->freefunc = k;
}

/* a binding let go of: a function's parts go back to the free list, but for
   a function of the mark of a statement running all or nothing (undo.c),
   which its log keeps until the statement ends */
static void clear_binding(xiG_graph *g, xiG_binding *b) {
  if (b->kind == B_FUNC && !(g->st.open && b->order < g->st.order))
    xiG_func_free(g, b->node);
  memset(b, 0, sizeof *b);
}

void xiG_names_free(xiG_graph *g) {
  xiG_stmt_commit(g);
  free(g->st.log);
  free(g->st.was_rng);
  free(g->st.was_gens);
  free(g->gens);
  g->gens = NULL, g->ngens = g->capgens = 0;
  memset(&g->st, 0, sizeof g->st);
  for (uint32_t i = 0; i < g->nbind; i++)
    clear_binding(g, &g->bind[i]);
  free(g->bind);
  free(g->func);
  g->func = NULL, g->nfunc = g->capfunc = 0, g->freefunc = XI_NONE;
  free(g->moved);
  free(g->label);
  free(g->bind_hi);
  g->bind_hi = NULL, g->nbind_hi = 0, g->bind_hi_off = 0;
  g->bind = NULL, g->moved = NULL, g->label = NULL;
  g->nbind = g->nmoved = g->capmoved = g->nlabel = 0;
}

void xiG_bind_hi(xiG_graph *g, uint32_t name) {
  uint32_t k = name / XI_HI_BLOCK, node = g->bind[name].node;
  if (k >= g->nbind_hi && !g->bind_hi_off) {
    uint32_t n = k + 1 > 2 * g->nbind_hi ? k + 1 : 2 * g->nbind_hi;
    uint32_t *h = realloc(g->bind_hi, n * sizeof *h);
    if (!h) { /* (every block is then looked at: slower, never wrong) */
      g->bind_hi_off = 1;
      return;
    }
    memset(h + g->nbind_hi, 0, (n - g->nbind_hi) * sizeof *h);
    g->bind_hi = h, g->nbind_hi = n;
  }
  if (!g->bind_hi_off && g->bind_hi[k] < node)
    g->bind_hi[k] = node;
}

xiG_binding *xiG_binding_of(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind || g->bind[name].kind == B_NONE)
    return NULL;
  return &g->bind[name];
}

static xiG_binding *slot(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind) {
    uint32_t n = g->sym.n > name + 1 ? g->sym.n : name + 1;
    n = n > 2 * g->nbind ? n : 2 * g->nbind; /* grows by doubling: a million names, few reallocs */
    xiG_binding *b = realloc(g->bind, n * sizeof *b);
    if (!b)
      return NULL;
    memset(b + g->nbind, 0, (n - g->nbind) * sizeof *b);
    g->bind = b, g->nbind = n;
  }
  return &g->bind[name];
}

/* the note that name let go of node at pos */
static void moved(xiG_graph *g, uint32_t name, uint32_t node, xi_pos pos, int how) {
  if (g->nmoved == g->capmoved) {
    uint32_t cap = g->capmoved ? 2 * g->capmoved : 16;
    xiG_moved *m = realloc(g->moved, cap * sizeof *m);
    if (!m)
      return; /* the note is lost; only a message is the poorer */
    g->moved = m, g->capmoved = cap;
  }
  g->moved[g->nmoved++] = (xiG_moved){node, name, pos, (uint8_t)how};
}

/* the function table one larger, or NULL (then it is as it was) */
static xiG_func *realloc_func(xiG_graph *g) {
  uint32_t cap = g->capfunc ? 2 * g->capfunc : 16;
  xiG_func *f = realloc(g->func, cap * sizeof *f);
  if (!f)
    return NULL;
  g->capfunc = cap;
  return f;
}

static int bind(xiG_graph *g, uint32_t name, uint32_t node, xi_pos pos, int how) {
  xiG_binding *b = slot(g, name);
  if (!b)
    return -1;
  xiG_stmt_note(g, name);
  if (b->kind == B_NODE && b->node != node)
    moved(g, name, b->node, pos, how);
  if (b->kind == B_FUNC)
    clear_binding(g, b);
  b->kind = B_NODE;
  b->node = node;
  b->order = g->order++;
  xiG_bind_hi(g, name);
  if (g->nodes[node].name == XI_NONE)
    g->nodes[node].name = name;
  return 0;
}

int xiG_rebind(xiG_graph *g, uint32_t name, uint32_t node, xi_pos pos, int update) {
  return bind(g, name, node, pos, update ? MOVE_UPDATE : MOVE_BIND);
}

/* ---- reading a name ---- */

/* ξ12 -> 12, or 0 */
static uint32_t label_number(const char *s) {
  if (strncmp(s, "ξ", strlen("ξ")) != 0)
    return 0;
  s += strlen("ξ");
  uint32_t k = 0;
  for (; *s >= '0' && *s <= '9' && k < 100000000u; s++)
    k = k * 10 + (uint32_t)(*s - '0');
  return *s ? 0 : k;
}

int xiG_resolve(xiG_graph *g, uint32_t name, xi_pos pos, uint32_t *node, xi_err *err) {
  const xiG_binding *b = xiG_binding_of(g, name);
  const char *s = xiS_name(&g->sym, name);
  if (b && b->kind == B_NODE) {
    *node = b->node;
    return 0;
  }
  if (b && xiG_func_of(g, b)->is_class)
    return xiX_fail(err, pos, "%s is a class: %s(...) makes an instance (class attributes, "
                              "%s.x, are not part of xi: give each instance its own in "
                              "__init__, self.x = ...)", s, s, s);
  if (b)
    return xiX_fail(err, pos, "%s is a function: call it as %s(...)", s, s);
  uint32_t k = label_number(s);
  if (k && k <= g->nlabel && g->label[k - 1] != XI_NONE) {
    *node = g->label[k - 1]; /* a ξ the last trace printed */
    return 0;
  }
  if (strcmp(s, "pi") == 0 || strcmp(s, "e") == 0) {
    *node = xiG_constant(g, s[0] == 'p' ? XI_LIT_PI : XI_LIT_E, pos);
    return *node == XI_NONE ? xiX_fail(err, pos, "out of memory") : 0;
  }
  if (k)
    return xiX_fail(err, pos, "unknown name '%s' (ξ labels are those of the last trace)", s);
  return xiX_fail(err, pos, "unknown name '%s'", s);
}

/* ---- binding ---- */

static int is_random(const xiP_code *c) {
  for (uint32_t i = 0; i < c->n; i++)
    if (c->ins[i].kind == K_MAKE && (c->ins[i].op == XI_MAKE_RANDN || c->ins[i].op == XI_MAKE_RAND ||
                                     c->ins[i].op > XI_MAKE_LINSPACE))
      return 1;
  return 0;
}

/* Code that gives the same value whenever it runs again: literals and
   operations on them.  A name (but pi and e, unbound: they become their
   constants), a call of a function (which may be defined anew), a
   derivative or a value's shape read another value, which may have changed. */
static int constant_code(const xiG_graph *g, xiP_code *c) {
  for (uint32_t k = 0; k < c->n; k++) {
    xiP_ins *in = &c->ins[k];
    if (in->kind == K_NAME) {
      const char *s = xiS_name(&g->sym, in->arg);
      if ((strcmp(s, "pi") && strcmp(s, "e")) || xiG_binding_of((xiG_graph *)g, in->arg))
        return 0;
      in->kind = K_NUM;
      in->arg = s[0] == 'p' ? XI_LIT_PI : XI_LIT_E;
    } else if (in->kind == K_ATTR && in->op == XI_ATTR_FLOAT && k + 1 < c->n &&
               c->ins[k + 1].kind == K_OP && c->ins[k + 1].op == XI_ID) {
      k++; /* np.float64(3.0): kept, so that type(x) knows it NumPy's (pytype.c) */
    } else if (!(in->kind == K_NUM || in->kind == K_OP || in->kind == K_LIST ||
                 in->kind == K_MAKE || in->kind == K_TUPLE || in->kind == K_INDEX ||
                 in->kind == K_DUP || in->kind == K_SWAP || in->kind == K_NPCALL)) {
      return 0;
    }
  }
  return 1;
}

/* Remembers code in g->code for leaf i, to read it again at another
   precision (item >= 0: item k of the tuple the code makes). */
static void keep_code(xiG_graph *g, uint32_t i, const xiP_code *code, int item) {
  if (!code || is_random(code))
    return; /* random numbers are not drawn again: the leaf keeps its value */
  xiG_node *n = &g->nodes[i];
  if (code->n == 1 && code->ins[0].kind == K_NUM && item < 0) {
    n->flags |= XI_F_LITERAL;
    n->aux = code->ins[0].arg;
    return;
  }
  uint32_t k = g->freecode;
  if (k != XI_NONE) {
    g->freecode = g->code[k].n;
  } else {
    if (g->ncode == g->capcode) {
      uint32_t cap = g->capcode ? 2 * g->capcode : 16;
      xiP_code *c = realloc(g->code, cap * sizeof *c);
      if (!c)
        return;
      g->code = c, g->capcode = cap;
    }
    k = g->ncode++;
  }
  xiP_code *c = &g->code[k];
  int ok = xiP_code_copy(c, code) == 0;
  if (ok && item >= 0) { /* ... then [item] of the tuple */
    char text[16];
    int len = snprintf(text, sizeof text, "%d", item);
    uint32_t num = xiS_intern(&g->sym, text, (size_t)len);
    xiP_ins *q = realloc(c->ins, (c->n + 2) * sizeof *q);
    ok = num != XI_NONE && q;
    if (q) {
      c->ins = q;
      xi_pos at = c->n ? q[c->n - 1].pos : (xi_pos){0, 0};
      q[c->n++] = (xiP_ins){K_NUM, 0, 0, 0, num, at};
      q[c->n++] = (xiP_ins){K_INDEX, 0, 0, 1, 0, at};
      c->cap = c->n;
    }
  }
  if (!ok || !constant_code(g, c)) {
    xiP_code_free(c);
    c->n = g->freecode;
    g->freecode = k;
    return;
  }
  n->flags |= XI_F_CODE;
  n->aux = k;
}

/* a new leaf holding root's value, in place of the nodes from mark on */
static int new_leaf(xiG_graph *g, uint32_t root, uint32_t mark, xi_pos pos, uint32_t *leaf,
                    xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[root]);
  __mpfr_struct *copy = xiM_block(v.n, g->prec);
  if (!copy)
    return xiG_oom(g, pos, err);
  for (uint32_t k = 0; k < v.n; k++)
    mpfr_set(&copy[k], &v.el[k], MPFR_RNDN);
  v.el = copy;
  xiG_truncate(g, mark);
  *leaf = xiG_leaf(g, &v, pos);
  xiM_unblock(copy);
  return *leaf == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

int xiG_assign(xiG_graph *g, uint32_t name, uint32_t root, uint32_t mark,
               const xiP_code *code, xi_pos pos, uint32_t *bound, xi_err *err) {
  if (!xiG_is_tuple(g, root) && xiG_self_contained(g, mark, root)) {
    int lit = g->nodes[root].op == XI_CONST;
    uint32_t aux = g->nodes[root].aux;
    if (new_leaf(g, root, mark, pos, &root, err)) /* computed from no other value: a leaf */
      return -1;
    keep_code(g, root, code, -1);
    if (lit && !(g->nodes[root].flags & (XI_F_LITERAL | XI_F_CODE))) {
      g->nodes[root].flags |= XI_F_LITERAL; /* r = random.random(), x = d['k']: the
                                                constant's text, as x = 0.5 (pytype.c) */
      g->nodes[root].aux = aux;
    }
  } else if (xiG_leafify(g, root, mark, pos, &root, err)) { /* so are a container's items */
    return -1;
  }
  if (bind(g, name, root, pos, MOVE_BIND))
    return xiX_fail(err, pos, "out of memory");
  *bound = root;
  return 0;
}

int xiG_update(xiG_graph *g, uint32_t name, int op, uint32_t rhs, uint32_t mark, xi_pos pos,
               uint32_t *bound, xi_err *err) {
  uint32_t old, r;
  if (!xiG_binding_of(g, name)) { /* e += 1: a name with a meaning of its own, or none */
    const char *s = xiS_name(&g->sym, name);
    if (xiG_resolve(g, name, pos, &old, err))
      return xiX_fail(err, pos, "unknown name '%s': define it with = first", s);
  } else if (xiG_resolve(g, name, pos, &old, err)) {
    return -1;
  }
  if (xiG_kind(g, old) >= 0 || xiG_kind(g, rhs) >= 0) /* xs += [x], t += (1,) */
    return xiG_py_update(g, name, op, old, rhs, mark, pos, bound, err);
  if (xiG_no_view(g, old, pos, err) || xiG_op(g, op, old, rhs, NULL, pos, &r, err))
    return -1;
  const char *s = xiS_name(&g->sym, name); /* NumPy's rules of shape and dtype (inplace.c) */
  if (g->numpy && xiG_is_tensor(&g->nodes[old]) &&
      xiG_inplace_fits(g, old, r, op, s, pos, err))
    return -1;
  if (g->nodes[old].op != XI_LEAF) { /* c += e is c = c + (e) */
    if (xiG_self_contained(g, mark, r) && new_leaf(g, r, mark, pos, &r, err))
      return -1; /* e += 1, e Euler's number: a value of constants is a leaf */
    if (bind(g, name, r, pos, MOVE_BIND))
      return xiX_fail(err, pos, "out of memory");
    *bound = r;
    uint32_t places; /* NumPy's x += 1 is in place: the containers holding x see it */
    return xiG_is_tensor(&g->nodes[old]) ? xiG_replace(g, old, r, pos, &places, err) : 0;
  }
  xi_shape was = xiG_shape(&g->nodes[old]), now = xiG_shape(&g->nodes[r]);
  if (!xiO_same_shape(&was, &now)) {
    char a[48], c[48];
    xiO_shape_text(&was, a, sizeof a);
    xiO_shape_text(&now, c, sizeof c);
    const char *sym = xiG_inplace_sign(op);
    return xiX_fail(err, pos, "an update step keeps %s's shape %s, and this gives %s "
                           "(write %s = %s %s ... for a new value of another shape)",
                 s, a, c, s, s, sym);
  }
  if (new_leaf(g, r, mark, pos, &r, err))
    return -1;
  g->nodes[r].flags |= XI_F_UPDATE;
  if (bind(g, name, r, pos, MOVE_UPDATE))
    return xiX_fail(err, pos, "out of memory");
  *bound = r;
  uint32_t places; /* the array changed in place: the containers holding it see it */
  return xiG_is_tensor(&g->nodes[old]) ? xiG_replace(g, old, r, pos, &places, err) : 0;
}

int xiG_index_update(xiG_graph *g, uint32_t name, uint32_t r, uint32_t mark, xi_pos pos,
                     uint32_t *bound, xi_err *err) {
  const xiG_binding *b = xiG_binding_of(g, name);
  uint32_t old = b && b->kind == B_NODE ? b->node : XI_NONE;
  if (old == XI_NONE)
    return xiX_fail(err, pos, "unknown name '%s'", xiS_name(&g->sym, name));
  if (xiG_no_view(g, old, pos, err)) /* (every other name of the array sees it: pymut.c) */
    return -1;
  int leaf = g->nodes[old].op == XI_LEAF;
  if (leaf && new_leaf(g, r, mark, pos, &r, err)) /* on a leaf, an update step */
    return -1;
  if (leaf)
    g->nodes[r].flags |= XI_F_UPDATE;
  if (bind(g, name, r, pos, leaf ? MOVE_UPDATE : MOVE_BIND))
    return xiX_fail(err, pos, "out of memory");
  *bound = r;
  return 0;
}

/* which items of tuple t are computed from no other value: their cones from
   mark on reach nothing older but constants */
static void contained_items(const xiG_graph *g, uint32_t mark, uint32_t t, uint8_t *leaf) {
  const xiG_ext *x = g->nodes[t].x;
  uint32_t span = g->n - mark;
  uint8_t *reach = calloc(span ? span : 1, 1);
  for (uint32_t k = 0; k < x->nargs; k++) {
    uint32_t it = x->args[k];
    if (g->nodes[it].op == XI_CONST) { /* a literal: never a name's own node */
      leaf[k] = 1;
      continue;
    }
    leaf[k] = it >= mark && reach && !xiG_is_tuple(g, it);
    if (!leaf[k])
      continue;
    memset(reach, 0, span);
    reach[it - mark] = 1;
    for (uint32_t i = it + 1; i-- > mark && leaf[k];) {
      if (!reach[i - mark])
        continue;
      const xiG_node *n = &g->nodes[i];
      if (n->op == XI_GRAD || xiG_ag_keeps(g, i)) /* (Value(2.0): autograd.c) */
        leaf[k] = 0;
      for (uint32_t a = 0; a < xiG_nargs(n); a++) {
        uint32_t o = xiG_arg(n, a);
        if (o >= mark)
          reach[o - mark] = 1;
        else if (g->nodes[o].op != XI_CONST)
          leaf[k] = 0;
      }
    }
  }
  free(reach);
}

int xiG_unpack(xiG_graph *g, const uint32_t *names, const xi_pos *at, uint32_t n,
               uint32_t root, uint32_t mark, const xiP_code *code, uint32_t *bound,
               xi_err *err) {
  if (xiG_unpackable(g, root, n, at[0], &root, err))
    return -1;
  uint8_t *leaf = malloc(n);
  if (!leaf)
    return xiG_oom(g, at[0], err);
  contained_items(g, mark, root, leaf);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t item = g->nodes[root].x->args[k], same = k;
    for (uint32_t j = 0; leaf[k] && j < k && same == k; j++)
      if (g->nodes[root].x->args[j] == item)
        same = j; /* a = b = np.zeros(2): one value twice, one leaf both names hold */
    if (same < k)
      item = bound[same];
    else if (leaf[k]) { /* a value of constants: a leaf of its own (what it came from stays
                           until collected: other items may use it) */
      xiO_view v = xiG_view(&g->nodes[item]);
      uint32_t l = xiG_leaf(g, &v, at[k]);
      if (l == XI_NONE) {
        free(leaf);
        return xiG_oom(g, at[k], err);
      }
      keep_code(g, l, code, (int)k);
      item = l;
    }
    if (bind(g, names[k], item, at[k], MOVE_BIND)) {
      free(leaf);
      return xiX_fail(err, at[k], "out of memory");
    }
    bound[k] = item;
  }
  free(leaf);
  return 0;
}

int xiG_bind_func(xiG_graph *g, uint32_t name, const uint32_t *params, uint32_t np,
                  const xiP_code *body, const char *text, size_t len) {
  xiG_binding *b = slot(g, name);
  char *t = malloc(len + 1);
  uint32_t *p = malloc((np ? np : 1) * sizeof *p);
  xiP_code copy = {NULL, 0, 0};
  xiG_func *room = g->freefunc == XI_NONE && g->nfunc == g->capfunc ? realloc_func(g) : g->func;
  if (room)
    g->func = room;
  if (!b || !t || !p || !room || xiP_code_copy(&copy, body)) {
    free(t);
    free(p);
    xiP_code_free(&copy);
    return -1;
  }
  memcpy(t, text, len);
  t[len] = '\0';
  if (np) /* f() = 1 has no parameters, and params may be NULL */
    memcpy(p, params, np * sizeof *p);
  xiG_stmt_note(g, name);
  if (b->kind == B_NODE)
    moved(g, name, b->node, (xi_pos){0, 0}, MOVE_BIND);
  clear_binding(g, b);
  uint32_t k = g->freefunc;
  if (k != XI_NONE)
    g->freefunc = g->func[k].nparams;
  else
    k = g->nfunc++;
  g->func[k] = (xiG_func){p, np, copy, t, 0, XI_NONE, 0};
  b->kind = B_FUNC;
  b->node = k;
  b->order = g->order++;
  xiG_bind_hi(g, name);
  return 0;
}

void xiG_unbind(xiG_graph *g, uint32_t name, xi_pos pos) {
  xiG_binding *b = xiG_binding_of(g, name);
  if (!b)
    return;
  xiG_stmt_note(g, name);
  if (b->kind == B_NODE)
    moved(g, name, b->node, pos, MOVE_DEL);
  clear_binding(g, b);
  b->order = g->order++; /* (a statement's log then holds the name once) */
}

/* ---- the knob ---- */

/* the nodes some name's value is computed from */
static uint8_t *named_cones(xiG_graph *g) {
  uint8_t *keep = calloc(g->n ? g->n : 1, 1);
  if (!keep)
    return NULL;
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      keep[g->bind[id].node] = 1;
  for (uint32_t i = g->n; i-- > 0;)
    if (keep[i])
      for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
        keep[xiG_arg(&g->nodes[i], k)] = 1;
  return keep;
}

int xiG_set(xiG_graph *g, uint32_t name, uint32_t root, uint32_t mark, xi_pos pos,
            uint32_t **changed, uint32_t *nchanged, xi_err *err) {
  const char *s = xiS_name(&g->sym, name);
  const xiG_binding *b = xiG_binding_of(g, name);
  *changed = NULL, *nchanged = 0;
  if (!b || b->kind != B_NODE)
    return xiX_fail(err, pos, b ? "%s is a function" : "unknown name '%s': set changes a leaf "
                                                     "that exists (for a new one write %s = ...)",
                 s, s);
  uint32_t old = b->node;
  if (xiG_kind(g, old) >= 0)
    return xiX_fail(err, pos, "set changes a leaf (a number or an array), and %s is a %s", s,
                    xiG_kind_name(xiG_kind(g, old)));
  if (g->nodes[old].op != XI_LEAF)
    return xiX_fail(err, pos, "set changes a leaf, and %s is computed from other values "
                           "(set one of its leaves)", s);
  xi_shape was = xiG_shape(&g->nodes[old]), now = xiG_shape(&g->nodes[root]);
  if (!xiO_same_shape(&was, &now)) {
    char a[48], c[48];
    xiO_shape_text(&was, a, sizeof a);
    xiO_shape_text(&now, c, sizeof c);
    return xiX_fail(err, pos, "%s has shape %s; set gives it a value of the same shape, not %s",
                 s, a, c);
  }
  uint32_t leaf, top;
  if (new_leaf(g, root, mark, pos, &leaf, err))
    return -1;
  top = g->n;
  uint32_t *map = malloc(top * sizeof *map);
  uint8_t *keep = named_cones(g);
  uint32_t *names = malloc((g->nbind + 1) * sizeof *names);
  int rc = 0;
  if (!map || !keep || !names) {
    rc = xiX_fail(err, pos, "out of memory");
    goto done;
  }
  for (uint32_t i = 0; i < top; i++)
    map[i] = XI_NONE;
  map[old] = leaf;
  err->pos = pos;
  if ((rc = xiG_replay(g, old, top - 1, map, keep, err)))
    goto done;
  for (uint32_t id = 0; id < g->nbind; id++) /* every name whose value was computed again */
    if (id != name && g->bind[id].kind == B_NODE && map[g->bind[id].node] != XI_NONE)
      names[(*nchanged)++] = id;
  for (uint32_t k = 1; k < *nchanged; k++) /* in the order they were computed */
    for (uint32_t j = k; j > 0 && g->bind[names[j - 1]].node > g->bind[names[j]].node; j--) {
      uint32_t t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  for (uint32_t k = 0; k < *nchanged; k++)
    bind(g, names[k], map[g->bind[names[k]].node], pos, MOVE_SET);
  bind(g, name, leaf, pos, MOVE_SET);
done:
  if (rc) {
    xiG_truncate(g, mark);
    *nchanged = 0;
    free(names);
  } else {
    *changed = names;
  }
  free(map);
  free(keep);
  return rc;
}
