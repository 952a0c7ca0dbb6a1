/* trace.c: the forward list and the reverse list of one expression's graph.
 * ξ numbers count the operation nodes under the root in the order they were
 * built; leaves and intermediates show their names, constants their values. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "show/print.h"
#include "repl/session.h"

typedef struct {
  xiR_session *s;
  uint32_t *xi; /* ξ number of each operation under the root; UINT32_MAX for
                   its leaves and constants; 0 off the cone */
  const char *val_on, *adj_on, *off;
} tracer;

/* a node as the formulas name it */
static void name_node(tracer *t, xiR_buf *b, uint32_t i) {
  const xiG_graph *g = &t->s->g;
  const xiG_node *n = &g->nodes[i];
  const char *name = xiG_name_of(g, i);
  if (name) {
    xiR_put(b, "%s", name);
  } else if (n->op == XI_CONST) {
    char *v = xiR_fmt(t->s, n->v);
    xiR_put(b, mpfr_sgn(n->v) < 0 ? "(%s)" : "%s", v);
    free(v);
  } else if (t->xi[i] && t->xi[i] != UINT32_MAX) {
    xiR_put(b, "ξ%u", t->xi[i]);
  } else {
    xiR_put(b, "(leaf of %u:%u)", n->pos.line, n->pos.col);
  }
}

/* a form such as "%a·%b" or "1/%b" with the operands' and node's names;
   %g is the node's adjoint, ∂L/∂node */
static void subst(tracer *t, xiR_buf *b, const char *form, uint32_t node, const char *label) {
  const xiG_node *n = &t->s->g.nodes[node];
  for (const char *p = form; *p; p++) {
    if (p[0] == '%' && (p[1] == 'a' || p[1] == 'b' || p[1] == 'o')) {
      name_node(t, b, p[1] == 'a' ? n->a : p[1] == 'b' ? n->b : node);
      p++;
    } else if (p[0] == '%' && p[1] == 'g') {
      xiR_put(b, "∂%s/∂", label);
      name_node(t, b, node);
      p++;
    } else {
      xiR_put(b, "%c", *p);
    }
  }
}

/* the text left-aligned in `width` characters (not bytes: ξ is two bytes) */
static void pad(xiR_buf *b, const char *text, int width) {
  int chars = 0;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    chars += (*p & 0xC0) != 0x80;
  xiR_put(b, "  %s%*s = ", text, chars < width ? width - chars : 0, "");
}

/* a tensor on one line, or a scalar */
static void tvalue(tracer *t, xiR_buf *b, const char *color, const xiO_view *v) {
  xiR_put(b, "%s", color);
  xiR_put_value(b, v, t->s->digits, -1, 0);
  xiR_put(b, "%s", t->off);
}

static void value(tracer *t, xiR_buf *b, const char *color, mpfr_srcptr x, int paren) {
  char *v = xiR_fmt(t->s, x);
  int wrap = paren && v[0] == '-';
  xiR_put(b, "%s%s%s%s%s", color, wrap ? "(" : "", v, wrap ? ")" : "", t->off);
  free(v);
}

static void forward_line(tracer *t, xiR_buf *b, uint32_t i) {
  const xiG_graph *g = &t->s->g;
  const xiG_node *n = &g->nodes[i];
  if (n->op == XI_LEAF || n->op == XI_SNAP) {
    xiR_buf who = {0};
    name_node(t, &who, i);
    pad(b, who.s, 8);
    free(who.s);
    xiO_view v = xiG_view((xiG_node *)n);
    tvalue(t, b, t->val_on, &v);
    xiR_put(b, n->op == XI_LEAF ? "   (leaf)\n" : "   (a number, fixed when computed)\n");
    return;
  }
  xiR_buf head = {0};
  name_node(t, &head, i);
  pad(b, head.s, 8);
  free(head.s);
  subst(t, b, xiO_table[n->op].form, i, "");
  xiR_put(b, " = ");
  xiO_view v = xiG_view((xiG_node *)n);
  tvalue(t, b, t->val_on, &v);
  xiR_put(b, "\n");
}

/* consumers of each node under the root, as compressed lists */
typedef struct {
  uint32_t *start, *list;
} users;

static int find_users(tracer *t, uint32_t root, users *u) {
  const xiG_graph *g = &t->s->g;
  u->start = calloc(root + 2, sizeof *u->start);
  uint32_t total = 0;
  for (uint32_t i = 0; i <= root; i++)
    if (t->xi[i] && g->nodes[i].op > XI_SNAP)
      total += (uint32_t)xiO_table[g->nodes[i].op].arity;
  u->list = malloc((total + 1) * sizeof *u->list);
  if (!u->start || !u->list)
    return -1;
  for (uint32_t i = 0; i <= root; i++) /* count, then place */
    if (t->xi[i] && g->nodes[i].op > XI_SNAP) {
      const xiG_node *n = &g->nodes[i];
      u->start[n->a + 1]++;
      if (n->b != XI_NONE && n->b != n->a)
        u->start[n->b + 1]++;
    }
  for (uint32_t i = 0; i <= root; i++)
    u->start[i + 1] += u->start[i];
  uint32_t *fill = malloc((root + 1) * sizeof *fill);
  if (!fill)
    return -1;
  memcpy(fill, u->start, (root + 1) * sizeof *fill);
  for (uint32_t i = 0; i <= root; i++)
    if (t->xi[i] && g->nodes[i].op > XI_SNAP) {
      const xiG_node *n = &g->nodes[i];
      u->list[fill[n->a]++] = i;
      if (n->b != XI_NONE && n->b != n->a)
        u->list[fill[n->b]++] = i;
    }
  free(fill);
  return 0;
}

static void reverse_line(tracer *t, xiR_buf *b, const users *u, uint32_t i, uint32_t root,
                         const char *label) {
  xiR_session *s = t->s;
  xiG_graph *g = &s->g;
  xiR_buf who = {0}, formula = {0}, numbers = {0};
  int scalar = 1; /* every term scalar: the numbers of each product are shown too */
  name_node(t, &who, i);
  xiR_put(b, "  ∂%s/∂%s = ", label, who.s);
  if (i == root) {
    xiR_put(b, "%s1%s\n", t->adj_on, t->off);
    free(who.s);
    return;
  }
  int terms = 0;
  for (uint32_t k = u->start[i]; k < u->start[i + 1]; k++) {
    uint32_t c = u->list[k];
    const xiG_node *cn = &g->nodes[c];
    for (int op = 0; op < xiO_table[cn->op].arity; op++) {
      if ((op ? cn->b : cn->a) != i)
        continue;
      const char *d = xiO_table[cn->op].d[op];
      if (!xiO_table[cn->op].partial || cn->x || g->nodes[i].x) {
        scalar = 0; /* a matrix form, with %g in it */
        xiR_put(&formula, "%s", terms ? " + " : "");
        if (strstr(d, "%g")) {
          subst(t, &formula, d, c, label);
        } else {
          xiR_put(&formula, "∂%s/∂", label);
          name_node(t, &formula, c);
          xiR_put(&formula, d[0] == '-' ? " ⊙ (" : " ⊙ ");
          subst(t, &formula, d, c, label);
          xiR_put(&formula, d[0] == '-' ? ")" : "");
        }
        terms++;
        continue;
      }
      xiR_buf cname = {0};
      name_node(t, &cname, c);
      xiR_put(&formula, "%s∂%s/∂%s · ", terms ? " + " : "", label, cname.s);
      xiR_put(&formula, d[0] == '-' ? "(" : "");
      subst(t, &formula, d, c, label);
      xiR_put(&formula, d[0] == '-' ? ")" : "");
      free(cname.s);
      xiR_put(&numbers, "%s", terms ? " + " : "");
      value(t, &numbers, t->adj_on, xiD_adj(&s->sweep, c), 1);
      xiR_put(&numbers, " · ");
      value(t, &numbers, "", xiD_partial(&s->sweep, g, c, op), 1);
      terms++;
    }
  }
  if (scalar) {
    xiR_put(b, "%s = %s = ", formula.s, numbers.s);
    value(t, b, t->adj_on, xiD_adj(&s->sweep, i), 0);
  } else {
    xiO_view v;
    xiR_put(b, "%s = ", formula.s);
    if (xiD_adj_view(&s->sweep, g, i, &v) == 0)
      tvalue(t, b, t->adj_on, &v);
    else
      xiR_put(b, "0");
  }
  xiR_put(b, "\n");
  free(who.s);
  free(formula.s);
  free(numbers.s);
}

static int name_taken(xiG_graph *g, uint32_t k) {
  char name[32];
  int n = snprintf(name, sizeof name, "ξ%u", k);
  uint32_t id = xiS_find(&g->sym, name, (size_t)n);
  return id != XI_NONE && xiG_binding_of(g, id) != NULL;
}

int xiR_trace(xiR_session *s, uint32_t root, const char *label, xi_pos at, xi_err *err) {
  xiG_graph *g = &s->g;
  tracer t = {s, calloc(root + 1, sizeof(uint32_t)), "", "", ""};
  users u = {NULL, NULL};
  xiR_buf out = {0};
  int rc = -1;
  if (!t.xi)
    goto oom;
  if (s->color)
    t.val_on = "\033[32m", t.adj_on = "\033[31m", t.off = "\033[0m";
  /* the cone of the root: t.xi[i] != 0 for each node under it */
  t.xi[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;) {
    const xiG_node *n = &g->nodes[i];
    if (!t.xi[i])
      continue;
    if (n->a != XI_NONE)
      t.xi[n->a] = 1;
    if (n->b != XI_NONE)
      t.xi[n->b] = 1;
  }
  /* unnamed operations are ξ1, ξ2, ... skipping numbers the user's own names
     (ξ1 = -W*x, as seed 000 writes) have taken */
  uint32_t k = 0;
  for (uint32_t i = 0; i <= root; i++) {
    if (!t.xi[i])
      continue;
    t.xi[i] = UINT32_MAX;
    if (g->nodes[i].op >= XI_SNAP && !xiG_name_of(g, i)) { /* operations, and values fixed when computed */
      while (name_taken(g, ++k))
        ;
      t.xi[i] = k;
    }
  }
  int tensor = xiG_is_tensor(&g->nodes[root]);
  if (!tensor && xiD_run(&s->sweep, g, root, XID_ALL, NULL, 0, at, err))
    goto done;
  if (find_users(&t, root, &u))
    goto oom;
  xiR_put(&out, "forward: each node of %s in the order it was built\n", label);
  for (uint32_t i = 0; i <= root; i++)
    if (t.xi[i] && g->nodes[i].op != XI_CONST)
      forward_line(&t, &out, i);
  if (tensor) { /* adjoints start from a scalar: there is no reverse list */
    xiR_put(&out, "reverse: none, for %s is not a scalar: trace its sum for the adjoints\n",
            label);
    fwrite(out.s, 1, out.n, stdout);
    rc = 0;
    goto done;
  }
  xiR_put(&out, "reverse: ∂%s/∂ξ = Σ over the consumers c of ξ of ∂%s/∂c · ∂c/∂ξ\n", label, label);
  for (uint32_t i = root + 1; i-- > 0;) {
    if ((i & 1023) == 0 && s->interrupt) {
      rc = -1;
      err->pos = at;
      snprintf(err->msg, sizeof err->msg, "interrupted");
      goto done;
    }
    if (t.xi[i] && g->nodes[i].op != XI_CONST)
      reverse_line(&t, &out, &u, i, root, label);
  }
  fwrite(out.s, 1, out.n, stdout);
  rc = 0;
  goto done;
oom:
  err->pos = at;
  snprintf(err->msg, sizeof err->msg, "out of memory");
done:
  free(t.xi);
  free(u.start);
  free(u.list);
  free(out.s);
  return rc;
}
