/* trace.c: the forward list and the reverse list of one expression's graph.
 * ξ numbers count the nodes under the root that have no name, in the order
 * they were built; named values show their names (an earlier value of a name
 * says so: "W (before the update at line 7)"), constants their values. */
#include "show/trace.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  xiG_graph *g;
  xiD_sweep *s;
  xiT_style st;
  uint32_t *xi; /* ξ number of each unnamed node under the root; UINT32_MAX
                   for named ones and constants; 0 off the cone */
  uint32_t top; /* nodes numbered: xi has this many */
  const char *val_on, *adj_on, *off;
} tracer;

static void value(tracer *t, xiW_buf *b, const char *color, mpfr_srcptr x, int paren);

/* a node as the formulas name it */
static void name_node(tracer *t, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &t->g->nodes[i];
  char label[256];
  if (t->xi && i < t->top && t->xi[i] && t->xi[i] != UINT32_MAX) {
    xiW_put(b, "ξ%u", t->xi[i]);
    return;
  }
  if (n->op == XI_CONST) {
    value(t, b, "", n->v, 1);
    return;
  }
  xiG_label_of(t->g, i, label, sizeof label);
  if (label[0])
    xiW_put(b, "%s", label);
  else
    xiW_put(b, "(value at %u:%u)", n->pos.line, n->pos.col);
}

/* a form such as "a·b" or "1/b" with the operands' and node's names put in for
   the one-letter names a, b, o (the node) and g (its adjoint, ∂L/∂node) */
static void subst(tracer *t, xiW_buf *b, const char *form, uint32_t node, const char *label) {
  const xiG_node *n = &t->g->nodes[node];
  for (const char *p = form; *p;) {
    const char *q = p;
    while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_' ||
           (q > p && *q >= '0' && *q <= '9'))
      q++;
    if (q == p) {
      xiW_put(b, "%c", *p++);
      continue;
    }
    if (q - p == 1 && (*p == 'a' || *p == 'b' || *p == 'o')) {
      name_node(t, b, *p == 'a' ? n->a : *p == 'b' ? n->b : node);
    } else if (q - p == 1 && *p == 'g') {
      xiW_put(b, "∂%s/∂", label);
      name_node(t, b, node);
    } else {
      xiW_put(b, "%.*s", (int)(q - p), p);
    }
    p = q;
  }
}

/* an index parameter as written: 2, or : */
static void index_text(xiW_buf *b, int32_t i) {
  if (i == XI_COLON)
    xiW_put(b, ":");
  else
    xiW_put(b, "%d", i);
}

/* node i's operation, its operands named */
static void operation(tracer *t, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &t->g->nodes[i];
  if (n->op == XI_LIST) {
    xiW_put(b, "[");
    for (uint32_t k = 0; k < n->x->nargs; k++) {
      if (k == 6 && n->x->nargs > 8) {
        xiW_put(b, "…, ");
        k = n->x->nargs - 2;
        continue;
      }
      xiW_put(b, k ? ", " : "");
      name_node(t, b, n->x->args[k]);
    }
    xiW_put(b, "]");
  } else if (n->op == XI_INDEX) {
    name_node(t, b, n->a);
    xiW_put(b, "[");
    index_text(b, n->x->p[0]);
    if (n->x->p[1] != INT32_MAX) {
      xiW_put(b, ", ");
      index_text(b, n->x->p[1]);
    }
    xiW_put(b, "]");
  } else if ((n->op == XI_SUM || n->op == XI_MEAN || n->op == XI_MAX || n->op == XI_ARGMAX) &&
             (n->x->p[0] != XI_ALL_AXES || n->x->p[1] == 1)) {
    xiW_put(b, "%s(", xiO_table[n->op].name);
    name_node(t, b, n->a);
    if (n->x->p[0] != XI_ALL_AXES)
      xiW_put(b, ", axis %d", n->x->p[0]);
    xiW_put(b, n->x->p[1] == 1 ? ", keepdims)" : ")");
  } else if (n->op == XI_ROUND && n->x->p[0] != 0) {
    xiW_put(b, "round(");
    name_node(t, b, n->a);
    xiW_put(b, ", %d)", n->x->p[0]);
  } else if (n->op == XI_GATHER && n->x->p[0] == 1) { /* PUT's derivative by its table */
    xiW_put(b, "values row of ");
    name_node(t, b, n->b);
    xiW_put(b, " ← ");
    name_node(t, b, n->a);
    xiW_put(b, "[");
    name_node(t, b, n->b);
    xiW_put(b, "]");
  } else {
    subst(t, b, xiO_table[n->op].form, i, "");
  }
}

/* src's text at the end of dst (or its failure), and src emptied */
static void append(xiW_buf *dst, xiW_buf *src) {
  if (src->failed && !dst->failed)
    dst->failed = src->failed;
  else if (src->s)
    xiW_put(dst, "%s", src->s);
  xiW_free(src);
  src->failed = 0;
}

/* the text left-aligned in `width` characters (not bytes: ξ is two bytes) */
static void pad(xiW_buf *b, xiW_buf *text, int width) {
  int chars = 0;
  for (const unsigned char *p = (const unsigned char *)text->s; p && *p; p++)
    chars += (*p & 0xC0) != 0x80;
  xiW_put(b, "  ");
  append(b, text);
  xiW_put(b, "%*s = ", chars < width ? width - chars : 0, "");
}

/* a tensor on one line, or a scalar */
static void tvalue(tracer *t, xiW_buf *b, const char *color, const xiO_view *v) {
  xiW_put(b, "%s", color);
  xiW_value(b, v, t->st.digits, -1, 0);
  xiW_put(b, "%s", t->off);
}

static void value(tracer *t, xiW_buf *b, const char *color, mpfr_srcptr x, int paren) {
  int wrap = paren && mpfr_sgn(x) < 0;
  xiW_put(b, "%s%s", color, wrap ? "(" : "");
  xiW_number(b, x, t->st.digits);
  xiW_put(b, "%s%s", wrap ? ")" : "", t->off);
}

static void forward_line(tracer *t, xiW_buf *b, uint32_t i) {
  xiG_node *n = &t->g->nodes[i];
  xiW_buf who = {0};
  name_node(t, &who, i);
  pad(b, &who, 8);
  if (n->op != XI_LEAF) {
    operation(t, b, i);
    xiW_put(b, " = ");
  }
  xiO_view v = xiG_view(n);
  tvalue(t, b, t->val_on, &v);
  xiW_put(b, n->op == XI_LEAF ? "   (leaf)\n" : "\n");
}

/* consumers of each node under the root, as compressed lists */
typedef struct {
  uint32_t *start, *list;
} users;

static int in_cone(const tracer *t, uint32_t i) {
  return t->xi[i] && t->g->nodes[i].op != XI_LEAF && t->g->nodes[i].op != XI_CONST;
}

static int find_users(tracer *t, uint32_t root, users *u) {
  const xiG_graph *g = t->g;
  u->start = calloc(root + 2, sizeof *u->start);
  uint32_t total = 0;
  for (uint32_t i = 0; i <= root; i++)
    if (in_cone(t, i))
      total += xiG_nargs(&g->nodes[i]);
  u->list = malloc((total + 1) * sizeof *u->list);
  uint32_t *fill = malloc((root + 1) * sizeof *fill);
  if (!u->start || !u->list || !fill) {
    free(fill);
    return -1;
  }
  for (int pass = 0; pass < 2; pass++) { /* count, then place */
    if (pass)
      memcpy(fill, u->start, (root + 1) * sizeof *fill);
    for (uint32_t i = 0; i <= root; i++) {
      if (!in_cone(t, i))
        continue;
      const xiG_node *n = &g->nodes[i];
      for (uint32_t k = 0; k < xiG_nargs(n); k++) {
        uint32_t o = xiG_arg(n, k);
        int seen = 0; /* a node using an operand twice (x·x) is one consumer */
        for (uint32_t j = 0; j < k; j++)
          seen |= xiG_arg(n, j) == o;
        if (seen)
          continue;
        if (pass)
          u->list[fill[o]++] = i;
        else
          u->start[o + 1]++;
      }
    }
    if (!pass)
      for (uint32_t i = 0; i <= root; i++)
        u->start[i + 1] += u->start[i];
  }
  free(fill);
  return 0;
}

/* does a partial need brackets after a '·': a sum or a difference at the top */
static int additive(const char *d) {
  int depth = 0;
  for (const char *p = d; *p; p++) {
    depth += (*p == '(') - (*p == ')');
    if (depth == 0 && p > d && (*p == '+' || *p == '-') && p[-1] == ' ')
      return 1;
  }
  return d[0] == '-';
}

/* one term of the sum for node i: consumer c, through its operand k */
static void term(tracer *t, xiW_buf *formula, xiW_buf *numbers, int *scalar, uint32_t i,
                 uint32_t c, uint32_t k, const char *label, int first) {
  xiG_graph *g = t->g;
  const xiG_node *cn = &g->nodes[c];
  xiW_put(formula, "%s", first ? "" : " + ");
  if (cn->op == XI_LIST) { /* element (or row) k of the list's adjoint */
    *scalar = 0;
    xiW_put(formula, "∂%s/∂", label);
    name_node(t, formula, c);
    xiW_put(formula, "[%u]", k);
    return;
  }
  const char *d = xiO_table[cn->op].d[k];
  if (!xiO_table[cn->op].partial || cn->x || g->nodes[i].x) {
    *scalar = 0; /* a matrix form */
    if (!xiO_table[cn->op].partial) {
      subst(t, formula, d, c, label);
    } else {
      xiW_put(formula, "∂%s/∂", label);
      name_node(t, formula, c);
      xiW_put(formula, additive(d) ? " ⊙ (" : " ⊙ ");
      subst(t, formula, d, c, label);
      xiW_put(formula, additive(d) ? ")" : "");
    }
    return;
  }
  xiW_put(formula, "∂%s/∂", label);
  name_node(t, formula, c);
  xiW_put(formula, additive(d) ? " · (" : " · ");
  subst(t, formula, d, c, label);
  xiW_put(formula, additive(d) ? ")" : "");
  xiW_put(numbers, "%s", first ? "" : " + ");
  value(t, numbers, t->adj_on, xiD_adj(t->s, c), 1);
  xiW_put(numbers, " · ");
  value(t, numbers, "", xiD_partial(t->s, g, c, (int)k), 1);
}

static void reverse_line(tracer *t, xiW_buf *b, const users *u, uint32_t i, uint32_t root,
                         const char *label) {
  xiW_buf who = {0}, formula = {0}, numbers = {0};
  int scalar = 1; /* every term scalar: the numbers of each product are shown too */
  name_node(t, &who, i);
  xiW_put(b, "  ∂%s/∂", label);
  append(b, &who);
  xiW_put(b, " = ");
  if (i == root) {
    xiW_put(b, "%s1%s\n", t->adj_on, t->off);
    return;
  }
  int terms = 0;
  for (uint32_t q = u->start[i]; q < u->start[i + 1]; q++) {
    uint32_t c = u->list[q];
    for (uint32_t k = 0; k < xiG_nargs(&t->g->nodes[c]); k++)
      if (xiG_arg(&t->g->nodes[c], k) == i)
        term(t, &formula, &numbers, &scalar, i, c, k, label, terms++ == 0);
  }
  if (scalar) {
    append(b, &formula);
    xiW_put(b, " = ");
    append(b, &numbers);
    xiW_put(b, " = ");
    value(t, b, t->adj_on, xiD_adj(t->s, i), 0);
  } else {
    xiO_view v;
    append(b, &formula);
    xiW_put(b, " = ");
    if (xiD_adj_view(t->s, t->g, i, &v) == 0)
      tvalue(t, b, t->adj_on, &v);
    else
      xiW_put(b, "0");
  }
  xiW_put(b, "\n");
  xiW_free(&formula);
  xiW_free(&numbers);
}

static int name_taken(xiG_graph *g, uint32_t k) {
  char name[32];
  int n = snprintf(name, sizeof name, "ξ%u", k);
  uint32_t id = xiS_find(&g->sym, name, (size_t)n);
  return id != XI_NONE && xiG_binding_of(g, id) != NULL;
}

/* the cone of root gets its ξ numbers; the session learns them as names */
static int number(tracer *t, uint32_t root) {
  xiG_graph *g = t->g;
  t->xi[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;)
    if (t->xi[i])
      for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
        t->xi[xiG_arg(&g->nodes[i], k)] = 1;
  uint32_t k = 0, count = 0, *labels = malloc((root + 1) * sizeof *labels);
  if (!labels)
    return -1;
  char label[256];
  for (uint32_t i = 0; i <= root; i++) {
    if (!t->xi[i])
      continue;
    t->xi[i] = UINT32_MAX;
    xiG_label_of(g, i, label, sizeof label);
    if (g->nodes[i].op != XI_CONST && !label[0]) {
      while (name_taken(g, ++k)) /* skip the ξ numbers the user's own names (ξ1 = -W*x) use */
        labels[count++] = XI_NONE;
      t->xi[i] = k;
      labels[count++] = i;
    }
  }
  int rc = xiG_set_labels(g, labels, count);
  free(labels);
  return rc;
}

int xiT_trace(xiG_graph *g, xiD_sweep *s, uint32_t root, const char *label, xiT_style st,
              xi_pos at, xi_err *err) {
  tracer t = {g, s, st, NULL, 0, "", "", ""};
  users u = {NULL, NULL};
  xiW_buf out = {0};
  int rc = -1;
  if (st.color)
    t.val_on = "\033[32m", t.adj_on = "\033[31m", t.off = "\033[0m";
  int tensor = xiG_is_tensor(&g->nodes[root]);
  if (!tensor && xiD_sweep_from(s, g, &root, XID_ALL, NULL, 0, at, err))
    return -1; /* (a graph holding grad(...) values is replayed on their graphs) */
  t.top = root + 1;
  t.xi = calloc(root + 1, sizeof *t.xi);
  if (!t.xi || number(&t, root) || find_users(&t, root, &u)) {
    err->pos = at;
    snprintf(err->msg, sizeof err->msg, "out of memory");
    goto done;
  }
  xiW_put(&out, "forward: each node of %s in the order it was built\n", label);
  for (uint32_t i = 0; i <= root; i++)
    if (t.xi[i] && g->nodes[i].op != XI_CONST)
      forward_line(&t, &out, i);
  if (tensor) { /* adjoints start from a scalar: there is no reverse list */
    xiW_put(&out, "reverse: none, for %s is not a scalar: trace its sum for the adjoints\n",
            label);
  } else {
    xiW_put(&out, "reverse: ∂%s/∂ξ = Σ over the consumers c of ξ of ∂%s/∂c · ∂c/∂ξ\n", label,
            label);
    for (uint32_t i = root + 1; i-- > 0;) {
      if ((i & 1023) == 0 && g->interrupt && *g->interrupt) {
        err->pos = at;
        snprintf(err->msg, sizeof err->msg, "interrupted");
        goto done;
      }
      if (t.xi[i] && g->nodes[i].op != XI_CONST)
        reverse_line(&t, &out, &u, i, root, label);
    }
  }
  if (out.failed) {
    err->pos = at;
    snprintf(err->msg, sizeof err->msg, "%s", xiW_why(&out));
    goto done;
  }
  fwrite(out.s, 1, out.n, stdout);
  rc = 0;
done:
  free(t.xi);
  free(u.start);
  free(u.list);
  xiW_free(&out);
  return rc;
}

void xiT_formula(xiG_graph *g, uint32_t i, int digits, xiW_buf *b) {
  tracer t = {g, NULL, {digits, 0}, NULL, 0, "", "", ""};
  operation(&t, b, i);
}
