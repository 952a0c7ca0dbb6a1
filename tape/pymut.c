/* pymut.c: Python's changes in place, on values that never change.
 *
 * In Python a list, a dict and a NumPy array are objects: b = a makes a
 * second name for one object, and a.append(x), d['k'] = v or W -= dW change
 * the object, which every name and container holding it then shows.  xi's
 * nodes never change; so the change makes a new node, and every place that
 * held the old one takes the new one instead (xiG_replace): the names bound
 * to it, the containers holding it (made anew, with the new node in its
 * place, and their own holders in turn), and the for loops walking it.  A
 * node is one object: b = a binds the same node, and what Python copies
 * (a.copy(), list(a), a[:], np.array(a)) xi makes anew.
 *
 * An array that a second name holds (V = W; W -= 1, CS231n's dscores =
 * probs; dscores[...] -= 1) is one object too: both names see the change.
 * What xi cannot follow is a view: NumPy's basic indexing (M[0], M[1:3],
 * M[:, None]), .T and .reshape give an array sharing its base's memory,
 * and xi's is a value computed from the base before the change.  A change
 * in place to an array that a held view reads, or to a view whose base is
 * held, is refused (xiG_no_view), naming both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/names.h"

int xiG_pin(xiG_graph *g, uint32_t node) {
  if (g->npins == g->cappins) {
    uint32_t cap = g->cappins ? 2 * g->cappins : 8;
    uint32_t *p = realloc(g->pins, cap * sizeof *p);
    if (!p)
      return -1;
    g->pins = p, g->cappins = cap;
  }
  g->pins[g->npins++] = node;
  return 0;
}

/* ---- replacing ---- */

/* what each container reached became (open addressing: few are reached) */
typedef struct {
  uint32_t *key, *val, cap, n;
} memo;

static uint32_t *memo_slot(memo *m, uint32_t key) {
  if (2 * (m->n + 1) > m->cap) {
    uint32_t cap = m->cap ? 2 * m->cap : 64;
    uint32_t *k = malloc(cap * sizeof *k), *v = malloc(cap * sizeof *v);
    if (!k || !v) {
      free(k), free(v);
      return NULL;
    }
    memset(k, 0xff, cap * sizeof *k);
    for (uint32_t i = 0; i < m->cap; i++)
      if (m->key[i] != XI_NONE) {
        uint32_t h = (m->key[i] * 2654435761u) & (cap - 1);
        while (k[h] != XI_NONE)
          h = (h + 1) & (cap - 1);
        k[h] = m->key[i], v[h] = m->val[i];
      }
    free(m->key), free(m->val);
    m->key = k, m->val = v, m->cap = cap;
  }
  uint32_t h = (key * 2654435761u) & (m->cap - 1);
  while (m->key[h] != XI_NONE && m->key[h] != key)
    h = (h + 1) & (m->cap - 1);
  if (m->key[h] == XI_NONE)
    m->key[h] = key, m->val[h] = XI_NONE, m->n++;
  return &m->val[h];
}

typedef struct {
  xiG_graph *g;
  uint32_t old, now;
  memo m;
  xi_pos pos;
  xi_err *err;
} swap;

/* what c becomes when old becomes now: c itself, now, or a new container
   holding what its items became; XI_NONE on an error (in s->err) */
static uint32_t redo(swap *s, uint32_t c) {
  xiG_graph *g = s->g;
  if (c == s->old)
    return s->now;
  if (c < s->old) /* made before old: it cannot hold it (a node's items, a container's
                     too, are made before it, and collection keeps their order) */
    return c;
  if (xiG_kind(g, c) < 0 || !(g->nodes[c].flags & XI_F_NESTED))
    return c; /* holds no array, list or dict: nothing in it can change */
  uint32_t *done = memo_slot(&s->m, c);
  if (!done) {
    xiG_oom(g, s->pos, s->err);
    return XI_NONE;
  }
  if (*done != XI_NONE)
    return *done;
  uint32_t n = g->nodes[c].x->nargs, changed = 0;
  uint32_t *items = malloc((n ? n : 1) * sizeof *items);
  if (!items) {
    xiG_oom(g, s->pos, s->err);
    return XI_NONE;
  }
  memcpy(items, g->nodes[c].x->args, n * sizeof *items);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t r = redo(s, items[k]);
    if (r == XI_NONE) {
      free(items);
      return XI_NONE;
    }
    changed |= r != items[k];
    items[k] = r;
  }
  uint32_t out = c;
  if (changed) {
    int32_t text = g->nodes[c].x->p[XI_C_TEXT], tsize = g->nodes[c].x->p[XI_C_TSIZE];
    if (xiG_container(g, xiG_kind(g, c), items, n, g->nodes[c].pos, &out, s->err))
      out = XI_NONE;
    else
      g->nodes[out].x->p[XI_C_TEXT] = text, g->nodes[out].x->p[XI_C_TSIZE] = tsize;
  }
  free(items);
  if (out != XI_NONE)
    *memo_slot(&s->m, c) = out; /* (the slot exists: found above) */
  return out;
}

/* ---- views ---- */

/* n shares memory with its operand in NumPy: a basic index or slice, .T, a
   reshape (.flatten() copies, but xi builds it as ravel's reshape: refused
   with it, never followed wrongly) */
static int view_op(const xiG_node *n) {
  return xiG_is_tensor(n) && (n->op == XI_SLICE || n->op == XI_INDEX ||
                              n->op == XI_TRANSPOSE || n->op == XI_RESHAPE);
}

/* 1 when n is base or, through views, of base's memory */
static int of_base(const xiG_graph *g, uint32_t n, uint32_t base) {
  for (; n != base; n = g->nodes[n].a)
    if (!view_op(&g->nodes[n]))
      return 0;
  return 1;
}

/* an item of c (c itself, or in its containers) that is a view of base, or
   that base is (want 0: c holds it); XI_NONE */
static uint32_t find_in(const xiG_graph *g, uint32_t c, uint32_t base, int view, int depth) {
  if (view ? c != base && of_base(g, c, base) : c == base)
    return c;
  const xiG_node *n = &g->nodes[c];
  if (depth > 16 || xiG_kind(g, c) < 0 || !(n->flags & XI_F_NESTED))
    return XI_NONE;
  for (uint32_t k = 0; k < n->x->nargs; k++)
    if (find_in(g, n->x->args[k], base, view, depth + 1) != XI_NONE)
      return n->x->args[k];
  return XI_NONE;
}

typedef struct {
  uint32_t base;
  int view, item; /* item: what was found is an item of the local */
} seek;

static int found_in(const xiG_graph *g, uint32_t c, void *ctx) {
  seek *s = ctx;
  uint32_t it = find_in(g, c, s->base, s->view, 0);
  s->item = it != c;
  return it != XI_NONE;
}

/* what holds what find_in finds, in buf: a name, an item of a name's
   container, a running def's local, or a for loop's item; NULL: nothing does */
static const char *holder(const xiG_graph *g, uint32_t base, int view, char *buf, size_t n) {
  for (uint32_t id = 0; id < g->nbind; id++) {
    uint32_t c = g->bind[id].kind == B_NODE ? g->bind[id].node : XI_NONE;
    uint32_t it = c != XI_NONE ? find_in(g, c, base, view, 0) : XI_NONE;
    if (it != XI_NONE) {
      snprintf(buf, n, "%s%s", it == c ? "" : "an item of ", xiS_name(&g->sym, id));
      return buf;
    }
  }
  seek s = {base, view, 0};
  uint32_t local = xiG_frames_find(g, found_in, &s);
  if (local != XI_NONE) {
    snprintf(buf, n, "%s%s", s.item ? "an item of " : "", xiS_name(&g->sym, local));
    return buf;
  }
  for (uint32_t k = 0; k < g->npins; k++)
    if (find_in(g, g->pins[k], base, view, 0) != XI_NONE)
      return "a value a running for loop or def holds";
  return NULL;
}

static const char *node_name(const xiG_graph *g, uint32_t n) {
  return g->nodes[n].name != XI_NONE ? xiS_name(&g->sym, g->nodes[n].name) : "this array";
}

/* old, an array about to change in place: refused where NumPy's change
   would reach a view xi keeps as a value, or a base through the view */
int xiG_no_view(xiG_graph *g, uint32_t old, xi_pos pos, xi_err *err) {
  if (!xiG_is_tensor(&g->nodes[old]))
    return 0;
  char vb[80], mb[80];
  const char *v = holder(g, old, 1, vb, sizeof vb);
  if (v)
    return xiX_fail(err, pos, "%s is a view of %s in NumPy (a basic index or slice, .T or "
                              ".reshape shares the array's memory), so this change in place "
                              "would show in %s too, and xi does not follow it into a view: "
                              "make %s a copy where it was made (.copy())",
                    v, node_name(g, old), v, v);
  for (uint32_t b = old; view_op(&g->nodes[b]);) {
    b = g->nodes[b].a;
    const char *m = holder(g, b, 0, mb, sizeof mb);
    if (m)
      return xiX_fail(err, pos, "%s is a view of %s in NumPy (a basic index or slice, .T or "
                                ".reshape shares the array's memory), so this change in "
                                "place would change %s too, and xi does not follow a change "
                                "through a view: make it a copy where it was made (.copy()), "
                                "or change %s itself",
                      node_name(g, old), m, m, m);
  }
  return 0;
}

/* a binding (id < nbind) or a pin (nbind + k) that takes a new node */
typedef struct {
  uint32_t id, to;
} change;

static int note_change(change **ch, uint32_t *n, uint32_t *cap, uint32_t id, uint32_t to) {
  if (*n == *cap) {
    uint32_t c = *cap ? 2 * *cap : 16;
    change *q = realloc(*ch, c * sizeof *q);
    if (!q)
      return -1;
    *ch = q, *cap = c;
  }
  (*ch)[(*n)++] = (change){id, to};
  return 0;
}

int xiG_replace(xiG_graph *g, uint32_t old, uint32_t now, xi_pos pos, uint32_t *places,
                xi_err *err) {
  if (xiG_no_view(g, old, pos, err))
    return -1;
  swap s = {g, old, now, {NULL, NULL, 0, 0}, pos, err};
  change *ch = NULL;
  uint32_t nch = 0, cap = 0;
  int rc = 0;
  /* first what every name and pin becomes, then the bindings: a failure changes nothing.
     Only the changes are noted: a name bound to a node made before old is left at once
     (redo), and a session's many names cost a pass over them, not an array of them
     each (a closure's names stay bound: micrograd's topological sort changes a list
     once a node, with thousands of names around) */
  for (uint32_t id = 0; id < g->nbind && rc == 0; id++) {
    if (id % XI_HI_BLOCK == 0 && xiG_bind_below(g, id / XI_HI_BLOCK, old)) {
      id += XI_HI_BLOCK - 1; /* (no name there is bound to old or to anything after it) */
      continue;
    }
    uint32_t c = g->bind[id].node, r;
    if (g->bind[id].kind != B_NODE || c < old)
      continue;
    if ((r = redo(&s, c)) == XI_NONE)
      rc = -1;
    else if (r != c && note_change(&ch, &nch, &cap, id, r))
      rc = xiG_oom(g, pos, err);
  }
  for (uint32_t k = 0; k < g->npins && rc == 0; k++) {
    uint32_t c = g->pins[k], r = c < old ? c : redo(&s, c);
    if (r == XI_NONE)
      rc = -1;
    else if (r != c && note_change(&ch, &nch, &cap, g->nbind + k, r))
      rc = xiG_oom(g, pos, err);
  }
  if (rc == 0 && old != now) {
    uint32_t again = redo(&s, now); /* now holds what changes: it would hold itself */
    if (again == XI_NONE)
      rc = -1;
    else if (again != now)
      rc = xiX_fail(err, pos, "this makes a %s that holds itself: Python can, xi's values "
                              "cannot (append a copy: x.copy())",
                    xiG_kind(g, now) >= 0 ? xiG_kind_name(xiG_kind(g, now)) : "list");
  }
  *places = 0;
  int update = g->nodes[now].op == XI_LEAF && (g->nodes[now].flags & XI_F_UPDATE);
  for (uint32_t k = 0; k < nch && rc == 0; k++, ++*places)
    if (ch[k].id >= g->nbind)
      g->pins[ch[k].id - g->nbind] = ch[k].to;
    else if (xiG_rebind(g, ch[k].id, ch[k].to, pos, update && g->bind[ch[k].id].node == old))
      rc = xiG_oom(g, pos, err);
  free(ch);
  free(s.m.key), free(s.m.val);
  return rc;
}

/* ---- new items ---- */

/* a leaf holding node i's value; a literal's reads its text again at another
   precision.  update: made by an update step (no history) */
int xiG_leaf_of(xiG_graph *g, uint32_t i, int update, xi_pos pos, uint32_t *out,
                xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[i]);
  uint32_t l = xiG_leaf(g, &v, pos);
  if (l == XI_NONE)
    return xiG_oom(g, pos, err);
  if (g->nodes[i].op == XI_CONST) {
    g->nodes[l].flags |= XI_F_LITERAL;
    g->nodes[l].aux = g->nodes[i].aux;
  }
  if (update)
    g->nodes[l].flags |= XI_F_UPDATE;
  *out = l;
  return 0;
}

/* contained[i - mark]: node i's value is computed from no value older than
   mark but constants (one pass: operands come first) */
static uint8_t *contained_from(const xiG_graph *g, uint32_t mark) {
  uint32_t span = g->n > mark ? g->n - mark : 0;
  uint8_t *c = malloc(span ? span : 1);
  if (!c)
    return NULL;
  for (uint32_t i = mark; i < g->n; i++) {
    const xiG_node *n = &g->nodes[i];
    int ok = n->op != XI_GRAD && !xiG_ag_keeps(g, i); /* (Value(2.0): autograd.c) */
    for (uint32_t k = 0; k < xiG_nargs(n) && ok; k++) {
      uint32_t o = xiG_arg(n, k);
      ok = o >= mark ? c[o - mark] : g->nodes[o].op == XI_CONST;
    }
    c[i - mark] = (uint8_t)ok;
  }
  return c;
}

/* c's items made leaves where they are computed from constants only; made[i -
   mark] is what node i became, so that an object held twice stays one ([[0] * 2]
   * 2 holds one list twice, as in Python, and k[0][0] = 9 changes both rows) */
static int leafify(xiG_graph *g, uint32_t c, uint32_t mark, const uint8_t *in, uint32_t *made,
                   uint32_t span, xi_pos pos, uint32_t *out, xi_err *err) {
  *out = c;
  if (xiG_kind(g, c) < 0 || c < mark || xiG_kind(g, c) == XI_C_RANGE)
    return 0;
  if (c - mark < span && made[c - mark] != XI_NONE) {
    *out = made[c - mark];
    return 0;
  }
  uint32_t n = g->nodes[c].x->nargs, changed = 0;
  uint32_t *items = malloc((n ? n : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, g->nodes[c].x->args, n * sizeof *items);
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t it = items[k], r = it;
    const xiG_node *nd = &g->nodes[it];
    if (xiG_kind(g, it) >= 0) {
      rc = leafify(g, it, mark, in, made, span, pos, &r, err);
    } else if (it >= mark && it - mark < span && made[it - mark] != XI_NONE) {
      r = made[it - mark];
    } else if (nd->op == XI_CONST ||
               (it >= mark && nd->op != XI_LEAF && it - mark < span && in[it - mark])) {
      rc = xiG_leaf_of(g, it, 0, nd->pos, &r, err);
      if (rc == 0 && it >= mark && it - mark < span)
        made[it - mark] = r;
    }
    changed |= r != it;
    items[k] = r;
  }
  if (rc == 0 && changed) {
    int32_t text = g->nodes[c].x->p[XI_C_TEXT], tsize = g->nodes[c].x->p[XI_C_TSIZE];
    rc = xiG_container(g, xiG_kind(g, c), items, n, g->nodes[c].pos, out, err);
    if (rc == 0) /* (a tensor's shape stays torch.Size) */
      g->nodes[*out].x->p[XI_C_TEXT] = text, g->nodes[*out].x->p[XI_C_TSIZE] = tsize;
  }
  if (rc == 0 && c - mark < span)
    made[c - mark] = *out;
  free(items);
  return rc;
}

int xiG_leafify(xiG_graph *g, uint32_t root, uint32_t mark, xi_pos pos, uint32_t *out,
                xi_err *err) {
  *out = root;
  if (xiG_kind(g, root) < 0 || root < mark)
    return 0;
  uint32_t span = g->n - mark;
  uint8_t *in = contained_from(g, mark);
  uint32_t *made = malloc(span * sizeof *made);
  if (!in || !made) {
    free(in), free(made);
    return xiG_oom(g, pos, err);
  }
  memset(made, 0xff, span * sizeof *made); /* (XI_NONE) */
  int rc = leafify(g, root, mark, in, made, span, pos, out, err);
  free(in), free(made);
  return rc;
}

/* does c hold h, at any depth? */
static int holds(const xiG_graph *g, uint32_t c, uint32_t h) {
  if (c == h)
    return 1;
  if (xiG_kind(g, c) < 0 || !(g->nodes[c].flags & XI_F_NESTED))
    return 0;
  for (uint32_t k = 0; k < g->nodes[c].x->nargs; k++)
    if (holds(g, g->nodes[c].x->args[k], h))
      return 1;
  return 0;
}

int xiG_list_append(xiG_graph *g, uint32_t c, uint32_t v, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  if (xiG_kind(g, c) == XI_C_ULIST) /* (list(a set): tape/pyset.c) */
    return xiG_unordered(g, c, pos, err);
  if (xiG_kind(g, c) != XI_C_LIST)
    return xiX_fail(err, pos, "'%s' object has no attribute 'append': a list has it",
                    xiG_type_of(g, c));
  if (holds(g, v, c))
    return xiX_fail(err, pos, "this makes a list that holds itself: Python can, xi's values "
                              "cannot (append a copy: x.copy())");
  return xiG_list_grown(g, c, v, pos, out, err);
}

/* old op v for an item changed in place: a leaf's change is an update step
   (a new leaf, as W -= ... on a name); an array keeps its shape */
static int updated(xiG_graph *g, uint32_t old, int op, uint32_t v, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  if (xiG_kind(g, old) >= 0)
    return xiX_fail(err, pos, "%s= on a %s held in a container is not part of xi",
                    op == XI_ADD ? "+" : "an operator", xiG_type_of(g, old));
  if (xiG_not_number(g, v, pos, "this update", err) ||
      xiG_op(g, op, old, v, NULL, pos, out, err) ||
      xiG_inplace_fits(g, old, *out, op, NULL, pos, err)) /* (inplace.c) */
    return -1;
  return xiG_from_before(g, old) ? xiG_leaf_of(g, *out, 1, pos, out, err) : 0;
}

int xiG_setitem(xiG_graph *g, uint32_t c, uint32_t key, int op, uint32_t v, xi_pos pos,
                uint32_t *out, xi_err *err) {
  int kind = xiG_kind(g, c);
  if (kind == XI_C_ULIST || kind == XI_C_SET) /* (tape/pyset.c) */
    return xiG_unordered(g, c, pos, err);
  if (kind == XI_C_TUPLE)
    return xiX_fail(err, pos, "a tuple cannot be changed (in Python either)");
  if (kind != XI_C_LIST && kind != XI_C_DICT)
    return xiX_fail(err, pos, "a %s cannot be changed by an index", xiG_kind_name(kind));
  uint32_t n = g->nodes[c].x->nargs;
  int64_t at;
  if (kind == XI_C_LIST) {
    int32_t i;
    if (xiG_py_index(g, key, "list", pos, &i, err))
      return -1;
    if (i < -(int64_t)n || i >= (int64_t)n)
      return xiX_fail(err, pos, "index %d is out of range for a list of %u (IndexError)", i, n);
    at = i < 0 ? i + (int64_t)n : i;
  } else {
    at = xiG_dict_slot(g, c, key);
    if (at == -2 || (at == -1 && op))
      return xiG_key_error(g, c, key, at, pos, err);
    at = at < 0 ? (int64_t)n : at + 1; /* a new key goes last */
  }
  uint32_t item = v;
  if (op && updated(g, g->nodes[c].x->args[at], op, v, pos, &item, err))
    return -1;
  if (holds(g, item, c))
    return xiX_fail(err, pos, "this makes a %s that holds itself: Python can, xi's values "
                              "cannot", xiG_kind_name(kind));
  uint32_t m = at == n ? n + 2 : n;
  uint32_t *items = malloc(m * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, g->nodes[c].x->args, n * sizeof *items);
  if (at == n)
    items[n] = key, items[n + 1] = item;
  else
    items[at] = item;
  int rc = xiG_container(g, kind, items, m, pos, out, err);
  free(items);
  return rc;
}

static int not_held(xi_pos pos, xi_err *err) {
  return xiX_fail(err, pos, "this changes an array that no name or container holds: in "
                            "NumPy it may be a view of another (M[0][1] = v changes M); "
                            "write M[0, 1] = v");
}

int xiG_changed(xiG_graph *g, uint32_t name, uint32_t old, uint32_t now, int op,
                uint32_t mark, xi_pos pos, uint32_t *bound, xi_err *err) {
  uint32_t places = 0;
  if (xiG_kind(g, old) < 0) { /* an array's elements */
    if (name != XI_NONE) {
      const xiG_binding *b = xiG_binding_of(g, name);
      if (b && b->kind == B_NODE && b->node == old) /* x[i] = v: the name's rules, then
                                                         the containers holding x */
        return xiG_index_update(g, name, now, mark, pos, bound, err) ||
                       xiG_replace(g, old, *bound, pos, &places, err)
                   ? -1
                   : 0;
    }
    char buf[80];
    if (!holder(g, old, 0, buf, sizeof buf))
      return not_held(pos, err); /* (before xiG_no_view names the base of M[0]) */
    if (xiG_from_before(g, old) && xiG_leaf_of(g, now, 1, pos, &now, err))
      return -1;
    if (xiG_replace(g, old, now, pos, &places, err))
      return -1;
    *bound = now;
    if (!places)
      return not_held(pos, err);
    return 0;
  }
  /* a list's or a dict's item: the new item is a leaf when it is computed from
     no other value, as a name's would be */
  if (xiG_leafify(g, now, mark, pos, &now, err))
    return -1;
  const xiG_ext *x = g->nodes[old].x, *y = g->nodes[now].x;
  if (op && x->nargs == y->nargs) /* an array in it changed in place: it, wherever it is */
    for (uint32_t k = 0; k < x->nargs; k++)
      if (x->args[k] != y->args[k] && xiG_is_tensor(&g->nodes[x->args[k]])) {
        old = x->args[k];
        now = y->args[k];
        break;
      }
  *bound = now;
  return xiG_replace(g, old, now, pos, &places, err);
}

int xiG_py_update(xiG_graph *g, uint32_t name, int op, uint32_t old, uint32_t rhs,
                  uint32_t mark, xi_pos pos, uint32_t *bound, xi_err *err) {
  uint32_t r, places;
  int list = xiG_kind(g, old) == XI_C_LIST;
  if (xiG_kind(g, old) == XI_C_ULIST || xiG_kind(g, old) == XI_C_SET) /* (tape/pyset.c) */
    return xiG_unordered(g, old, pos, err);
  if (list && op == XI_ADD && xiG_kind(g, rhs) != XI_C_LIST && /* xs += any iterable */
      xiG_convert(g, XI_C_LIST, rhs, pos, &rhs, err))
    return -1;
  if (xiG_py_op(g, op, old, rhs, pos, &r, err) || xiG_leafify(g, r, mark, pos, &r, err))
    return -1;
  *bound = r;
  if (list) /* in place: every holder of the list sees it */
    return xiG_replace(g, old, r, pos, &places, err);
  return xiG_rebind(g, name, r, pos, 0) ? xiG_oom(g, pos, err) : 0;
}
