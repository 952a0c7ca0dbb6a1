/* pyobj.c: Python's objects, the instances of a class pasted code defines
 * (graph.h says how they are held).  An object never changes: its attributes
 * are names, prefix.attr, bound by the tape's rules of names (names.c), so a
 * method that sets self.z1 binds net.z1, which every holder of the object
 * sees, which a trace prints, which collection keeps and a failed line puts
 * back.  The prefix is the name the object was assigned to (net =
 * TwoLayerNet(...) gives net.W1), or Class#k while it has none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/names.h"
#include "tape/numpy.h"

const char *xiG_class_of(const xiG_graph *g, uint32_t x) {
  return xiS_name(&g->sym, (uint32_t)g->nodes[x].x->p[XI_C_TEXT]);
}

static uint32_t object_id(const xiG_graph *g, uint32_t x) {
  return (uint32_t)g->nodes[x].x->p[XI_C_ID];
}

/* a change a line that fails at the prompt puts back (undo.c replays
   g->objlog newest first), as it puts back the attributes' names: object
   k's prefix (XI_OBJLOG_PREFIX), node k's name (XI_OBJLOG_NAME), was `was` */
static void logged(xiG_graph *g, uint32_t kind, uint32_t k, uint32_t was) {
  if (!g->st.open || g->nobjlog >= UINT32_MAX / 4)
    return;
  if (g->nobjlog == g->capobjlog) {
    uint32_t cap = g->capobjlog ? 2 * g->capobjlog : 16;
    uint32_t(*q)[3] = realloc(g->objlog, cap * sizeof *q);
    if (!q)
      return; /* (as undo.c's log: 12 bytes; the change is then kept whatever happens) */
    g->objlog = q, g->capobjlog = cap;
  }
  g->objlog[g->nobjlog][0] = kind;
  g->objlog[g->nobjlog][1] = k;
  g->objlog[g->nobjlog++][2] = was;
}

static void set_prefix(xiG_graph *g, uint32_t k, uint32_t p) {
  logged(g, XI_OBJLOG_PREFIX, k, g->obj[k].prefix);
  g->obj[k].prefix = p;
}

static void set_name(xiG_graph *g, uint32_t node, uint32_t name) {
  logged(g, XI_OBJLOG_NAME, node, g->nodes[node].name);
  g->nodes[node].name = name;
}

/* the symbol "a.b" (find: only when it exists; XI_NONE when not, or no memory) */
static uint32_t dotted(xiG_graph *g, uint32_t a, uint32_t b, int find) {
  const char *s = xiS_name(&g->sym, a), *t = xiS_name(&g->sym, b);
  size_t n = strlen(s), m = strlen(t);
  char small[128], *buf = n + m + 2 <= sizeof small ? small : malloc(n + m + 2);
  if (!buf)
    return XI_NONE;
  memcpy(buf, s, n);
  buf[n] = '.';
  memcpy(buf + n + 1, t, m);
  uint32_t id = find ? xiS_find(&g->sym, buf, n + m + 1) : xiS_intern(&g->sym, buf, n + m + 1);
  if (buf != small)
    free(buf);
  return id;
}

/* ---- which objects are alive ---- */

/* does value i hold object k, at any depth? */
static int holds_object(const xiG_graph *g, uint32_t i, uint32_t k, int depth) {
  int kind = xiG_kind(g, i);
  if (kind == XI_C_OBJ)
    return object_id(g, i) == k;
  if (kind < 0 || kind == XI_C_STR || kind == XI_C_RANGE || depth > XI_C_NEST)
    return 0;
  for (uint32_t q = 0; q < g->nodes[i].x->nargs; q++)
    if (holds_object(g, g->nodes[i].x->args[q], k, depth + 1))
      return 1;
  return 0;
}

static int alive(const xiG_graph *g, uint32_t k) {
  const xiG_object *o = &g->obj[k];
  if (o->epoch == g->epoch && o->node >= g->mark && o->node < g->n) /* made by this statement */
    return 1;
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE && holds_object(g, g->bind[id].node, k, 0))
      return 1;
  for (uint32_t q = 0; q < g->npins; q++)
    if (holds_object(g, g->pins[q], k, 0))
      return 1;
  return 0;
}

/* prefix is free for a new object: no object alive has it.  One that no
   longer is lets go of it, and of its attributes (which would be the new
   one's otherwise) */
static int free_prefix(xiG_graph *g, uint32_t prefix, xi_pos pos) {
  for (uint32_t k = 0; k < g->nobj; k++) {
    if (g->obj[k].prefix != prefix)
      continue;
    if (alive(g, k))
      return 0;
    set_prefix(g, k, XI_NONE);
    const char *p = xiS_name(&g->sym, prefix);
    size_t n = strlen(p);
    for (uint32_t id = 0; id < g->nbind; id++)
      if (g->bind[id].kind != B_NONE && strncmp(xiS_name(&g->sym, id), p, n) == 0 &&
          xiS_name(&g->sym, id)[n] == '.')
        xiG_unbind(g, id, pos);
  }
  return 1;
}

/* the prefix of a new object of class cls: Class#1, Class#2 ..., the next number
   after the last instance's that no object alive has (a prefix never interned is
   free without a look: a program that makes thousands of objects, micrograd's
   Values, does not search them all for each) */
static uint32_t choose_prefix(xiG_graph *g, uint32_t cls, xi_pos pos) {
  const char *b = xiS_name(&g->sym, cls);
  const xiG_binding *cb = xiG_binding_of(g, cls);
  xiG_func *f = cb && cb->kind == B_FUNC ? &g->func[cb->node] : NULL;
  for (uint32_t k = f ? f->made + 1 : 1; k < UINT32_MAX; k++) {
    char text[256];
    int len = snprintf(text, sizeof text, "%.200s#%u", b, k);
    uint32_t id = xiS_find(&g->sym, text, (size_t)len);
    if (id == XI_NONE || free_prefix(g, id, pos)) {
      if (f)
        f->made = k;
      return id == XI_NONE ? xiS_intern(&g->sym, text, (size_t)len) : id;
    }
  }
  return XI_NONE;
}

static int new_object(xiG_graph *g, uint32_t cls, xi_pos pos, uint32_t *out, xi_err *err) {
  if (g->nobj == g->capobj) {
    uint32_t cap = g->capobj ? 2 * g->capobj : 16;
    xiG_object *o = realloc(g->obj, cap * sizeof *o);
    if (!o)
      return xiG_oom(g, pos, err);
    g->obj = o, g->capobj = cap;
  }
  uint32_t prefix = choose_prefix(g, cls, pos);
  if (prefix == XI_NONE || xiG_container(g, XI_C_OBJ, NULL, 0, pos, out, err))
    return prefix == XI_NONE ? xiG_oom(g, pos, err) : -1;
  g->obj[g->nobj] = (xiG_object){cls, prefix, *out, g->epoch};
  g->nodes[*out].x->p[XI_C_TEXT] = (int32_t)cls;
  g->nodes[*out].x->p[XI_C_ID] = (int32_t)g->nobj++;
  return 0;
}

/* ---- classes and methods ---- */

int xiG_bind_class(xiG_graph *g, uint32_t name, uint32_t base) {
  xiP_ins ins = {K_NONE, 0, 0, 0, 0, {0, 0}}; /* (never run: a call makes an instance) */
  xiP_code none = {&ins, 1, 1};
  const char *s = xiS_name(&g->sym, name);
  if (xiG_bind_func(g, name, NULL, 0, &none, s, strlen(s)))
    return -1;
  g->func[g->bind[name].node].is_class = 1;
  g->func[g->bind[name].node].base = base;
  return 0;
}

int xiG_is_class(const xiG_graph *g, uint32_t name) {
  const xiG_binding *b = xiG_binding_of((xiG_graph *)g, name);
  return b && b->kind == B_FUNC && g->func[b->node].is_class;
}

int xiG_inherit(xiG_graph *g, uint32_t cls, uint32_t base) {
  const char *bn = xiS_name(&g->sym, base);
  size_t n = strlen(bn);
  for (uint32_t id = 0, count = g->sym.n; id < count; id++) {
    const char *s = xiS_name(&g->sym, id);
    if (strncmp(s, bn, n) != 0 || s[n] != '.')
      continue;
    const xiG_binding *b = xiG_binding_of(g, id);
    uint32_t name = xiS_find(&g->sym, s + n + 1, strlen(s + n + 1)), mine;
    if (!b || b->kind != B_FUNC || name == XI_NONE)
      continue;
    if ((mine = dotted(g, cls, name, 0)) == XI_NONE)
      return -1;
    const xiG_binding *own = xiG_binding_of(g, mine);
    if (own && own->kind == B_FUNC)
      continue; /* the class's own method of the name */
    xiG_func f = g->func[b->node]; /* (a copy: binding may move g->func) */
    if (xiG_bind_func(g, mine, f.params, f.nparams, &f.body, f.text, strlen(f.text)))
      return -1;
  }
  return 0;
}

/* cls.name, a method of the class, or NULL */
static const xiG_func *method_of(xiG_graph *g, uint32_t cls, uint32_t name, uint32_t *id) {
  *id = dotted(g, cls, name, 1);
  const xiG_binding *b = *id == XI_NONE ? NULL : xiG_binding_of(g, *id);
  return b && b->kind == B_FUNC ? xiG_func_of(g, b) : NULL;
}

int xiG_construct(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                  xi_err *err) {
  uint32_t obj, init = xiS_find(&g->sym, "__init__", 8), id, r;
  if (new_object(g, in->arg, in->pos, &obj, err))
    return -1;
  const xiG_func *f = init == XI_NONE ? NULL : method_of(g, in->arg, init, &id);
  if (!f && in->argc)
    return xiX_fail(err, in->pos, "%s() takes no arguments (TypeError: the class has no "
                                  "__init__)", xiS_name(&g->sym, in->arg));
  if (f && xiG_call_func(g, in, f, xiS_name(&g->sym, id), obj, args, &r, err))
    return -1;
  if (f && xiG_kind(g, r) != XI_C_NONE)
    return xiX_fail(err, in->pos, "__init__() should return None, not '%s' (TypeError)",
                    xiG_type_of(g, r));
  *out = obj;
  return 0;
}

/* the message for x.name that is not there */
static int no_attribute(xiG_graph *g, uint32_t x, uint32_t name, xi_pos pos, xi_err *err) {
  const char *n = xiS_name(&g->sym, name);
  if (xiG_kind(g, x) == XI_C_OBJ)
    return xiX_fail(err, pos, "'%s' object has no attribute '%s' (AttributeError: set it "
                              "first, self.%s = ...)", xiG_class_of(g, x), n, n);
  if (xiG_kind(g, x) < 0 && xiG_is_tensor(&g->nodes[x])) /* NumPy's has more than xi's */
    return xiX_fail(err, pos, "xi does not have a NumPy array's .%s (help numpy lists the "
                              "attributes and methods it has)", n);
  return xiX_fail(err, pos, "'%s' object has no attribute '%s' (AttributeError; help numpy "
                            "lists the methods xi has)", xiG_type_of(g, x), n);
}

int xiG_call_object(xiG_graph *g, const xiP_ins *in, uint32_t x, const char *what,
                    const uint32_t *args, uint32_t *out, xi_err *err) {
  uint32_t call = xiS_find(&g->sym, "__call__", 8), id;
  const xiG_func *f = xiG_kind(g, x) != XI_C_OBJ || call == XI_NONE
                          ? NULL
                          : method_of(g, (uint32_t)g->nodes[x].x->p[XI_C_TEXT], call, &id);
  if (!f)
    return xiX_fail(err, in->pos, "'%s' object is not callable (TypeError): %s holds %s, "
                                  "not a function%s", xiG_kind(g, x) == XI_C_OBJ
                                                          ? xiG_class_of(g, x)
                                                          : xiG_type_of(g, x),
                    what, xiG_kind(g, x) == XI_C_OBJ ? "an object" : "a value",
                    xiG_kind(g, x) == XI_C_OBJ ? " (its class has no __call__)" : "");
  return xiG_call_func(g, in, f, xiS_name(&g->sym, id), x, args, out, err);
}

int xiG_method(xiG_graph *g, const xiP_ins *in, uint32_t x, const uint32_t *args,
               uint32_t *out, xi_err *err) {
  if (xiG_kind(g, x) == XI_C_GEN) /* rng.normal(...): NumPy's Generator (npgen.c) */
    return xiG_gen_method(g, in, x, args, out, err);
  if (in->kind == K_METHOD && in->spare)
    return xiX_fail(err, in->pos, "dtype= is NumPy's: a method of your own takes its "
                                  "parameters");
  if (xiG_kind(g, x) != XI_C_OBJ) {
    const char *n = xiS_name(&g->sym, in->arg);
    for (uint32_t k = 0; k < g->nobj; k++) { /* a class of the user's has the name */
      uint32_t id; /* (an instance's class stands for its class: one made is enough) */
      if (method_of(g, g->obj[k].cls, in->arg, &id))
        return xiX_fail(err, in->pos, "'%s' object has no attribute '%s' (AttributeError): "
                                      ".%s(...) is %s's method here, for its instances; for "
                                      "NumPy's or PyTorch's .%s, give %s's method another name",
                        xiG_type_of(g, x), n, n, xiS_name(&g->sym, g->obj[k].cls), n,
                        xiS_name(&g->sym, g->obj[k].cls));
    }
    return no_attribute(g, x, in->arg, in->pos, err);
  }
  uint32_t id, cls = (uint32_t)g->nodes[x].x->p[XI_C_TEXT];
  const xiG_func *f = method_of(g, cls, in->arg, &id);
  if (!f) {
    uint32_t a = dotted(g, g->obj[object_id(g, x)].prefix, in->arg, 1);
    const xiG_binding *b = a == XI_NONE ? NULL : xiG_binding_of(g, a);
    if (b && b->kind == B_NODE) /* self.layer1(x), self.f(x) after self.f = f */
      return xiG_call_value(g, in, b->node, xiS_name(&g->sym, a), args, out, err);
    return no_attribute(g, x, in->arg, in->pos, err);
  }
  return xiG_call_func(g, in, f, xiS_name(&g->sym, id), x, args, out, err);
}

/* ---- the dunder methods Python calls for operators and printing ---- */

/* m's method `name` called on x with the arguments args (n of them), *out what it gives;
   1 when x's class has no such method (nothing done) */
static int dunder_call(xiG_graph *g, uint32_t x, const char *name, const uint32_t *args,
                       uint32_t n, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t sym = xiS_find(&g->sym, name, strlen(name)), id;
  const xiG_func *f = sym == XI_NONE || xiG_kind(g, x) != XI_C_OBJ
                          ? NULL
                          : method_of(g, (uint32_t)g->nodes[x].x->p[XI_C_TEXT], sym, &id);
  if (!f)
    return 1;
  xiP_ins call = {K_CALL, 0, 0, (uint16_t)n, 0, pos};
  return xiG_call_func(g, &call, f, xiS_name(&g->sym, id), x, args, out, err) ? -1 : 0;
}

int xiG_dunder(xiG_graph *g, int op, const uint32_t *args, uint32_t n, xi_pos pos,
               uint32_t *out, xi_err *err) {
  static const struct {
    int op;
    const char *sym, *name, *rname;
  } rows[] = {{XI_ADD, "+", "__add__", "__radd__"},      {XI_SUB, "-", "__sub__", "__rsub__"},
              {XI_MUL, "*", "__mul__", "__rmul__"},      {XI_DIV, "/", "__truediv__", "__rtruediv__"},
              {XI_POW, "** or pow()", "__pow__", "__rpow__"}, {XI_NEG, "unary -", "__neg__", NULL}};
  size_t k = 0;
  while (k < sizeof rows / sizeof *rows && rows[k].op != op)
    k++;
  int a = xiG_kind(g, args[0]) == XI_C_OBJ, b = n > 1 && xiG_kind(g, args[1]) == XI_C_OBJ;
  if (k == sizeof rows / sizeof *rows)
    return xiX_fail(err, pos, "%s on an instance of %s is not part of xi: of the operators, "
                              "xi calls a class's __add__, __sub__, __mul__, __truediv__, "
                              "__pow__ (and their __r...__) and __neg__",
                    xiO_table[op].name ? xiO_table[op].name : "this operator",
                    xiG_class_of(g, args[a ? 0 : 1]));
  if (n == 1) { /* -x */
    int rc = dunder_call(g, args[0], rows[k].name, NULL, 0, pos, out, err);
    if (rc <= 0)
      return rc;
    return xiX_fail(err, pos, "bad operand type for unary -: '%s' (TypeError: its class has no "
                              "__neg__)", xiG_class_of(g, args[0]));
  }
  /* Python's order: the left one's method; then the right one's reflected method, when
     the right one is of another class (NotImplemented is not part of xi) */
  int rc = a ? dunder_call(g, args[0], rows[k].name, &args[1], 1, pos, out, err) : 1;
  if (rc <= 0)
    return rc;
  if (b && !(a && g->nodes[args[0]].x->p[XI_C_TEXT] == g->nodes[args[1]].x->p[XI_C_TEXT]) &&
      (rc = dunder_call(g, args[1], rows[k].rname, &args[0], 1, pos, out, err)) <= 0)
    return rc;
  return xiX_fail(err, pos, "unsupported operand type(s) for %s: '%s' and '%s' (TypeError: "
                            "%s has no %s%s%s)", rows[k].sym, xiG_type_of(g, args[0]),
                  xiG_type_of(g, args[1]), a ? xiG_class_of(g, args[0]) : xiG_class_of(g, args[1]),
                  a ? rows[k].name : rows[k].rname, a && b ? " and the other no " : "",
                  a && b ? rows[k].rname : "");
}

int xiG_obj_text(xiG_graph *g, uint32_t x, int repr, xi_pos pos, uint32_t *out, xi_err *err) {
  int rc = repr ? 1 : dunder_call(g, x, "__str__", NULL, 0, pos, out, err);
  if (rc > 0)
    rc = dunder_call(g, x, "__repr__", NULL, 0, pos, out, err);
  if (rc > 0)
    return xiX_fail(err, pos, "Python writes a %s object as its address (<__main__.%s object "
                              "at 0x...>), which xi does not show: give the class a __repr__ "
                              "(or __str__), or print its attributes",
                    xiG_class_of(g, x), xiG_class_of(g, x));
  if (rc == 0 && (xiG_kind(g, *out) != XI_C_STR || xiG_is_dtype(g, *out)))
    return xiX_fail(err, pos, "__%s__ returned non-string (type %s) (TypeError, as Python says)",
                    repr ? "repr" : "str", xiG_type_of(g, *out));
  return rc;
}

/* ---- attributes ---- */

int xiG_getattr(xiG_graph *g, uint32_t x, uint32_t name, xi_pos pos, uint32_t *out,
                xi_err *err) {
  if (xiG_kind(g, x) == XI_C_NDITER) /* it.multi_index, it.finished */
    return xiG_nditer_attr(g, x, name, pos, out, err);
  if (xiG_is_dtype(g, x) && strcmp(xiS_name(&g->sym, name), "name") == 0) /* x.dtype.name */
    return xiG_string(g, (uint32_t)g->nodes[x].x->p[XI_C_TEXT], pos, out, err);
  if (xiG_kind(g, x) == XI_C_GEN)
    return xiX_fail(err, pos, "rng.%s: xi reads a Generator's methods only, called (rng.normal"
                              "(0, 1, size=3) ...); its attributes (bit_generator ...) and a "
                              "method as a value are not part of xi", xiS_name(&g->sym, name));
  if (xiG_kind(g, x) != XI_C_OBJ)
    return no_attribute(g, x, name, pos, err);
  uint32_t prefix = g->obj[object_id(g, x)].prefix;
  uint32_t a = prefix == XI_NONE ? XI_NONE : dotted(g, prefix, name, 1);
  const xiG_binding *b = a == XI_NONE ? NULL : xiG_binding_of(g, a);
  if (b && b->kind == B_NODE) {
    *out = b->node;
    return 0;
  }
  uint32_t id;
  if (method_of(g, (uint32_t)g->nodes[x].x->p[XI_C_TEXT], name, &id))
    return xiX_fail(err, pos, "%s is a method: call it, %s(...) (a bound method as a value is "
                              "not part of xi)", xiS_name(&g->sym, id), xiS_name(&g->sym, name));
  return no_attribute(g, x, name, pos, err);
}

int xiG_setattr(xiG_graph *g, uint32_t x, uint32_t name, int op, uint32_t v, uint32_t mark,
                xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, x) != XI_C_OBJ)
    return xiX_fail(err, pos, "'%s' object has no attribute '%s' to set (only an instance of "
                              "a class of yours takes attributes)",
                    xiG_type_of(g, x), xiS_name(&g->sym, name));
  uint32_t prefix = g->obj[object_id(g, x)].prefix, cls = (uint32_t)g->nodes[x].x->p[XI_C_TEXT];
  uint32_t a = prefix == XI_NONE ? XI_NONE : dotted(g, prefix, name, 0), id;
  if (a == XI_NONE)
    return xiG_oom(g, pos, err);
  if (method_of(g, cls, name, &id))
    return xiX_fail(err, pos, "%s is a method of %s: an attribute of the same name would hide "
                              "it (choose another name)",
                    xiS_name(&g->sym, name), xiS_name(&g->sym, cls));
  int rc;
  if (op) {
    const xiG_binding *b = xiG_binding_of(g, a);
    if (!b || b->kind != B_NODE)
      return no_attribute(g, x, name, pos, err);
    rc = xiG_ag_update(g, a, op, v, mark, pos, out, err); /* (a tensor, a Value: autograd.c) */
    rc = rc ? (rc < 0 ? -1 : 0) : xiG_update(g, a, op, v, mark, pos, out, err);
  } else {
    rc = xiG_assign(g, a, v, mark, NULL, pos, out, err);
    if (rc == 0 && xiG_object_named(g, a, *out, pos)) /* self.layer1 = Linear(...) */
      rc = xiG_oom(g, pos, err);
  }
  if (rc == 0) /* the caller's truncation keeps it, and the containers made to hold it */
    g->keep = g->n;
  return rc;
}

int xiG_changed_pair(xiG_graph *g, uint32_t pair, int append, int op, uint32_t mark,
                     xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t old = g->nodes[pair].x->args[0], now = g->nodes[pair].x->args[1], places;
  int rc = append ? xiG_leafify(g, now, mark, pos, out, err) ||
                            xiG_replace(g, old, *out, pos, &places, err)
                        ? -1
                        : 0
                  : xiG_changed(g, XI_NONE, old, now, op, mark, pos, out, err);
  if (rc == 0) /* (as an attribute set: the caller keeps what it made) */
    g->keep = g->n;
  return rc;
}

/* ---- the prefix follows the name ---- */

/* the names prefix.a, each once (bindings' ids, in a malloc'd array) */
static uint32_t *attributes(xiG_graph *g, uint32_t prefix, uint32_t *n) {
  const char *p = xiS_name(&g->sym, prefix);
  size_t len = strlen(p);
  uint32_t *ids = malloc((g->nbind + 1) * sizeof *ids);
  *n = 0;
  for (uint32_t id = 0; ids && id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE && strncmp(xiS_name(&g->sym, id), p, len) == 0 &&
        xiS_name(&g->sym, id)[len] == '.')
      ids[(*n)++] = id;
  return ids;
}

static int move_attributes(xiG_graph *g, uint32_t x, uint32_t to, xi_pos pos);

int xiG_object_named(xiG_graph *g, uint32_t name, uint32_t x, xi_pos pos) {
  if (xiG_kind(g, x) != XI_C_OBJ)
    return 0;
  xiG_object *o = &g->obj[object_id(g, x)];
  if (o->prefix == name)
    return 0;
  const xiG_binding *b = o->prefix == XI_NONE ? NULL : xiG_binding_of(g, o->prefix);
  if (b && b->kind == B_NODE && b->node == x) /* a = Net(); b = a: it stays a.W */
    return 0;
  if (!free_prefix(g, name, pos)) /* (another object alive has the name's prefix) */
    return 0;
  if (o->prefix == XI_NONE) {
    set_prefix(g, object_id(g, x), name);
    return 0;
  }
  return move_attributes(g, x, name, pos);
}

/* moves object x's attributes to the prefix `to` (XI_NONE: lets them go) */
static int move_attributes(xiG_graph *g, uint32_t x, uint32_t to, xi_pos pos) {
  xiG_object *o = &g->obj[object_id(g, x)];
  uint32_t n, *ids = attributes(g, o->prefix, &n);
  if (!ids)
    return -1;
  size_t skip = strlen(xiS_name(&g->sym, o->prefix)) + 1;
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t node = g->bind[ids[k]].node, dst = XI_NONE;
    if (to != XI_NONE) {
      const char *a = xiS_name(&g->sym, ids[k]) + skip;
      uint32_t attr = xiS_intern(&g->sym, a, strlen(a));
      dst = attr == XI_NONE ? XI_NONE : dotted(g, to, attr, 0);
      if (dst == XI_NONE || xiG_rebind(g, dst, node, pos, 0)) {
        rc = -1;
        break;
      }
    }
    xiG_unbind(g, ids[k], pos);
    if (dst != XI_NONE && g->nodes[node].name == ids[k]) /* a trace calls it by its new name */
      set_name(g, node, dst);
  }
  free(ids);
  if (rc != 0)
    return rc;
  /* the objects held in its attributes were named by them (net.layer1.W): they follow */
  const char *from = xiS_name(&g->sym, o->prefix);
  size_t len = strlen(from);
  for (uint32_t k = 0; k < g->nobj && rc == 0; k++) {
    uint32_t p = g->obj[k].prefix;
    if (p == XI_NONE || k == object_id(g, x) || strncmp(xiS_name(&g->sym, p), from, len) ||
        xiS_name(&g->sym, p)[len] != '.')
      continue;
    uint32_t rest = xiS_intern(&g->sym, xiS_name(&g->sym, p) + len + 1,
                               strlen(xiS_name(&g->sym, p) + len + 1));
    uint32_t now = to == XI_NONE || rest == XI_NONE ? XI_NONE : dotted(g, to, rest, 0);
    if (to != XI_NONE && now == XI_NONE)
      rc = -1;
    else
      set_prefix(g, k, now);
  }
  if (rc == 0)
    set_prefix(g, object_id(g, x), to);
  return rc;
}

int xiG_object_unnamed(xiG_graph *g, uint32_t name, uint32_t old, xi_pos pos) {
  if (old == XI_NONE || xiG_kind(g, old) != XI_C_OBJ ||
      g->obj[object_id(g, old)].prefix != name)
    return 0;
  const xiG_binding *b = xiG_binding_of(g, name);
  if (b && b->kind == B_NODE && b->node == old)
    return 0; /* (net = net) */
  for (uint32_t id = 0; id < g->nbind; id++) /* b = net; net = 5: it is b.W from now on */
    if (g->bind[id].kind == B_NODE && g->bind[id].node == old &&
        !strchr(xiS_name(&g->sym, id), '.'))
      return xiG_object_named(g, id, old, pos);
  if (!alive(g, object_id(g, old))) /* net = 5: net.W is no more, as in Python */
    return move_attributes(g, old, XI_NONE, pos);
  uint32_t fresh = choose_prefix(g, g->obj[object_id(g, old)].cls, pos);
  return fresh == XI_NONE ? -1 : move_attributes(g, old, fresh, pos); /* in a list: Net#1 */
}

static void mark_objects(const xiG_graph *g, uint32_t i, uint8_t *live, int depth) {
  int kind = xiG_kind(g, i);
  if (kind == XI_C_OBJ) {
    live[object_id(g, i)] = 1;
    return;
  }
  if (kind < 0 || kind == XI_C_STR || kind == XI_C_RANGE || depth > XI_C_NEST)
    return;
  for (uint32_t q = 0; q < g->nodes[i].x->nargs; q++)
    mark_objects(g, g->nodes[i].x->args[q], live, depth + 1);
}

void xiG_objects_sweep(xiG_graph *g) {
  uint8_t *live = g->nobj ? calloc(g->nobj, 1) : NULL;
  if (!live)
    return; /* (nothing to do, or no memory: they wait for the next collection) */
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      mark_objects(g, g->bind[id].node, live, 0);
  for (uint32_t q = 0; q < g->npins; q++)
    mark_objects(g, g->pins[q], live, 0);
  for (uint32_t k = 0; k < g->nobj; k++)
    if (!live[k] && g->obj[k].prefix != XI_NONE) {
      const char *p = xiS_name(&g->sym, g->obj[k].prefix);
      size_t n = strlen(p);
      for (uint32_t id = 0; id < g->nbind; id++)
        if (g->bind[id].kind != B_NONE && strncmp(xiS_name(&g->sym, id), p, n) == 0 &&
            xiS_name(&g->sym, id)[n] == '.')
          xiG_unbind(g, id, (xi_pos){0, 0});
      set_prefix(g, k, XI_NONE);
    }
  free(live);
}
