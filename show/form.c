/* form.c: names, operations, partials and numbers as the steps write them,
 * in the trace's Unicode text or in LaTeX math.  The op table's forms are
 * written in one-letter names (a and b the operands, o the node, g its
 * adjoint) and the trace's Unicode (·, ², ᵀ, ⊙, Σ); TeX gets each of those
 * translated, so one table serves both. */
#include "show/form.h"

#include <string.h>

#include "show/num.h"
#include "tape/names.h"

/* Unicode the forms and names use, and its TeX */
static const struct {
  const char *u, *tex;
} symbols[] = {
    {"α", "\\alpha"},      {"β", "\\beta"},     {"γ", "\\gamma"},   {"δ", "\\delta"},
    {"ε", "\\varepsilon"}, {"ζ", "\\zeta"},     {"η", "\\eta"},     {"θ", "\\theta"},
    {"κ", "\\kappa"},      {"λ", "\\lambda"},   {"μ", "\\mu"},      {"ν", "\\nu"},
    {"ξ", "\\xi"},         {"π", "\\pi"},       {"ρ", "\\rho"},     {"σ", "\\sigma"},
    {"τ", "\\tau"},        {"φ", "\\phi"},      {"χ", "\\chi"},     {"ψ", "\\psi"},
    {"ω", "\\omega"},      {"Γ", "\\Gamma"},    {"Δ", "\\Delta"},   {"Θ", "\\Theta"},
    {"Λ", "\\Lambda"},     {"Ξ", "\\Xi"},       {"Π", "\\Pi"},      {"Σ", "\\sum"},
    {"Φ", "\\Phi"},        {"Ψ", "\\Psi"},      {"Ω", "\\Omega"},   {"ℒ", "\\mathcal{L}"},
    {"ŷ", "\\hat{y}"},     {"∂", "\\partial "}, {"·", " \\cdot "},  {"⊙", " \\odot "},
    {"×", " \\times "},    {"−", "-"},          {"ᵀ", "^{\\top}"},  {"…", "\\ldots "},
    {"←", " \\leftarrow "}, {"²", "^{2}"},      {"³", "^{3}"},      {"≠", " \\neq "},
};

/* the length of the UTF-8 character at s (1 for a broken byte) */
static int ulen(const char *s) {
  unsigned char c = (unsigned char)*s;
  int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  for (int k = 1; k < n; k++)
    if (((unsigned char)s[k] & 0xC0) != 0x80)
      return 1;
  return n;
}

static const char *tex_symbol(const char *s, int n) {
  for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++)
    if ((int)strlen(symbols[k].u) == n && memcmp(symbols[k].u, s, (size_t)n) == 0)
      return symbols[k].tex;
  return NULL;
}

/* a subscript digit ₀..₉ (U+2080..U+2089), or -1 */
static int subscript_digit(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  return u[0] == 0xE2 && u[1] == 0x82 && u[2] >= 0x80 && u[2] <= 0x89 ? u[2] - 0x80 : -1;
}

static int ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* one character of text for TeX: its symbol, escaped, or \text{it} */
static void tex_char(xiW_buf *b, const char *s, int n) {
  const char *t = tex_symbol(s, n);
  if (t) {
    xiW_put(b, "%s", t);
  } else if (n > 1) {
    xiW_put(b, "\\text{%.*s}", n, s);
  } else if (strchr("{}_%#&$", *s)) {
    xiW_put(b, "\\%c", *s);
  } else if (*s == '\\') {
    xiW_put(b, "\\backslash ");
  } else if (*s == '~' || *s == '^') {
    xiW_put(b, "\\text{\\%c}", *s);
  } else {
    xiW_put(b, "%c", *s);
  }
}

/* text inside \text{...}: only TeX's specials escaped */
static void tex_text(xiW_buf *b, const char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (strchr("{}_%#&$", s[k]))
      xiW_put(b, "\\%c", s[k]);
    else if (s[k] == '\\' || s[k] == '~' || s[k] == '^')
      xiW_put(b, "\\text%s{}", s[k] == '\\' ? "backslash" : s[k] == '~' ? "asciitilde" : "asciicircum");
    else
      xiW_put(b, "%c", s[k]);
}

/* A name in TeX: its letters (one: italic; several: \mathit), then what
   follows them as a subscript (W1 → W_{1}, δ₂ → \delta_{2}, b_out →
   b_{out}); anything from a blank on is words ("W (before the update...)"). */
static void tex_name(xiW_buf *b, const char *s) {
  const char *blank = strchr(s, ' ');
  size_t n = blank ? (size_t)(blank - s) : strlen(s);
  size_t base = 0;
  int letters = 0, ascii = 1;
  while (base < n && !ascii_digit(s[base]) && s[base] != '_' && subscript_digit(s + base) < 0) {
    ascii &= ascii_letter(s[base]);
    base += (size_t)ulen(s + base);
    letters++;
  }
  if (letters > 1 && ascii) {
    xiW_put(b, "\\mathit{%.*s}", (int)base, s);
  } else {
    xiW_put(b, letters > 1 ? "{" : "");
    for (size_t k = 0; k < base; k += (size_t)ulen(s + k))
      tex_char(b, s + k, ulen(s + k));
    xiW_put(b, letters > 1 ? "}" : "");
  }
  if (base < n) {
    size_t k = base + (s[base] == '_');
    xiW_put(b, "_{");
    for (; k < n; k += (size_t)ulen(s + k)) {
      int d = subscript_digit(s + k);
      if (d >= 0)
        xiW_put(b, "%d", d);
      else
        tex_char(b, s + k, ulen(s + k));
    }
    xiW_put(b, "}");
  }
  if (blank) {
    xiW_put(b, "\\ \\text{");
    tex_text(b, blank + 1, strlen(blank + 1));
    xiW_put(b, "}");
  }
}

void xiT_name_text(int dialect, xiW_buf *b, const char *name) {
  if (dialect == XI_T_TEX)
    tex_name(b, name);
  else
    xiW_put(b, "%s", name);
}

/* ---- numbers ---- */

/* 1.5e-20 as 1.5 \cdot 10^{-20}; a bound's ± as \pm (0 \pm 2.6 \cdot 10^{-39}) */
static void tex_digits(xiW_buf *b, const char *s) {
  const char *pm = strstr(s, " ± ");
  const char *end = pm ? pm : s + strlen(s), *e = memchr(s, 'e', (size_t)(end - s));
  if (!e)
    xiW_put(b, "%.*s", (int)(end - s), s);
  else
    xiW_put(b, "%.*s \\cdot 10^{%.*s}", (int)(e - s), s, (int)(end - e - 1 - (e[1] == '+')),
            e[1] == '+' ? e + 2 : e + 1);
  if (pm) {
    xiW_put(b, " \\pm ");
    tex_digits(b, pm + strlen(" ± "));
  }
}

void xiT_w_number(int dialect, xiW_buf *b, mpfr_srcptr x, const arb_struct *ball, int digits,
                  int paren) {
  int least = digits;
  xiW_buf t = {0};
  xiW_number_proven(&t, x, ball, digits, &least);
  /* a negative number, or a bound (0 ± 2.6e-39), in a product: bracketed */
  int wrap = paren && t.s &&
             ((ball ? arf_sgn(arb_midref(ball)) < 0 : mpfr_sgn(x) < 0) || strstr(t.s, "±"));
  xiW_put(b, wrap ? "(" : "");
  if (t.failed)
    b->failed = t.failed;
  else if (dialect == XI_T_TEX)
    tex_digits(b, t.s);
  else
    xiW_str(b, t.s, t.n);
  xiW_free(&t);
  xiW_put(b, wrap ? ")" : "");
}

/* indices 0..n-1, or the first and last three with a gap between */
static int shown(uint32_t k, uint32_t n) { return n <= XI_SHOW_ROWS || k < 3 || k >= n - 3; }

static void tex_tensor(xiW_buf *b, const xiO_view *v, const xiW_proof *pf, int digits) {
  uint32_t rows = v->sh.rank == 2 ? v->sh.rows : 1, cols = v->sh.cols;
  xiW_put(b, "\\begin{bmatrix} ");
  for (uint32_t i = 0; i < rows && !b->failed; i++) {
    if (!shown(i, rows)) {
      if (i == 3)
        for (uint32_t j = 0; j < cols; j++)
          if (shown(j, cols) || j == 3)
            xiW_put(b, "%s\\vdots", j ? " & " : "");
      if (i == 3)
        xiW_put(b, " \\\\ ");
      continue;
    }
    for (uint32_t j = 0; j < cols; j++) {
      if (!shown(j, cols)) {
        if (j == 3)
          xiW_put(b, " & \\cdots");
        continue;
      }
      xiW_put(b, j ? " & " : "");
      uint32_t k = i * cols + j;
      xiT_w_number(XI_T_TEX, b, &v->el[k], pf && pf->ball ? &pf->ball[k] : NULL, digits, 0);
    }
    xiW_put(b, i + 1 < rows ? " \\\\ " : " ");
  }
  xiW_put(b, "\\end{bmatrix}");
}

void xiT_w_tensor(int dialect, xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits) {
  if (v->sh.rank == 0)
    xiT_w_number(dialect, b, v->el, pf ? pf->ball : NULL, digits, 0);
  else if (dialect == XI_T_TEX)
    tex_tensor(b, v, pf, digits);
  else
    xiW_value_proven(b, v, pf, digits, -1, 0);
}

/* ---- forms ---- */

static const char *const tex_functions[] = {"exp", "log", "sin", "cos", "tan", "tanh"};

/* the end of the bracket opened at p (the byte after its ')'), or end */
static const char *closing(const char *p, const char *end) {
  int depth = 0;
  for (const char *q = p; q < end; q++) {
    depth += (*q == '(') - (*q == ')');
    if (depth == 0)
      return q + 1;
  }
  return end;
}

static void form_range(const xiT_writer *w, xiW_buf *b, const char *p, const char *end,
                       uint32_t node);

/* TeX for a word of a form that is no operand's letter: a function, or words */
static void tex_word(const xiT_writer *w, xiW_buf *b, const char *p, const char *q,
                     const char *start, const char *end, uint32_t node, const char **next) {
  size_t n = (size_t)(q - p);
  *next = q;
  if (q < end && *q == '(') {
    if (n == 4 && memcmp(p, "sqrt", 4) == 0) { /* sqrt(x): \sqrt{x} */
      const char *c = closing(q, end);
      xiW_put(b, "\\sqrt{");
      form_range(w, b, q + 1, c - 1, node);
      xiW_put(b, "}");
      *next = c;
      return;
    }
    for (size_t k = 0; k < sizeof tex_functions / sizeof *tex_functions; k++)
      if (strlen(tex_functions[k]) == n && memcmp(tex_functions[k], p, n) == 0) {
        xiW_put(b, "\\%.*s", (int)n, p);
        return;
      }
    xiW_put(b, "\\operatorname{");
    tex_text(b, p, n);
    xiW_put(b, "}");
    return;
  }
  if (n == 1) {
    xiW_put(b, "%c", *p);
    return;
  }
  xiW_put(b, "\\text{%s", p > start && p[-1] == ' ' ? " " : ""); /* words keep their blanks */
  tex_text(b, p, n);
  xiW_put(b, "%s}", q < end && *q == ' ' ? " " : "");
}

/* an exponent after '^': a bracket (written without it) or one word or number */
static const char *tex_power(const xiT_writer *w, xiW_buf *b, const char *p, const char *end,
                             uint32_t node) {
  const char *q = p;
  if (q < end && *q == '(') {
    const char *c = closing(q, end);
    xiW_put(b, "^{");
    form_range(w, b, q + 1, c - 1, node);
    xiW_put(b, "}");
    return c;
  }
  while (q < end && (ascii_letter(*q) || ascii_digit(*q) || *q == '.' || *q == '_'))
    q++;
  if (q == p)
    q = p + (p < end ? ulen(p) : 0);
  xiW_put(b, "^{");
  form_range(w, b, p, q, node);
  xiW_put(b, "}");
  return q;
}

/* a form's text from p to end, the one-letter names put in (node XI_NONE:
   none, the letters are letters) */
static void form_range(const xiT_writer *w, xiW_buf *b, const char *p, const char *end,
                       uint32_t node) {
  const xiG_node *n = node == XI_NONE ? NULL : &w->g->nodes[node];
  int tex = w->dialect == XI_T_TEX;
  const char *start = p;
  while (p < end && !b->failed) {
    const char *q = p;
    while (q < end && (ascii_letter(*q) || *q == '_' || (q > p && ascii_digit(*q))))
      q++;
    if (q > p) {
      if (n && q - p == 1 && (*p == 'a' || *p == 'b' || *p == 'o'))
        xiT_w_name(w, b, *p == 'a' ? n->a : *p == 'b' ? n->b : node);
      else if (n && w->tangents && q - p == 1 && (*p == 'A' || *p == 'B'))
        xiT_w_dotted(w, b, *p == 'A' ? n->a : n->b);
      else if (n && q - p == 1 && *p == 'g')
        xiT_w_dadj(w, b, node);
      else if (tex)
        tex_word(w, b, p, q, start, end, node, &q);
      else
        xiW_str(b, p, (size_t)(q - p));
      p = q;
      continue;
    }
    int len = ulen(p);
    if (!tex) {
      xiW_str(b, p, (size_t)len);
    } else if (*p == '^') {
      q = tex_power(w, b, p + 1, end, node);
      p = q;
      continue;
    } else if (end - p >= 2 && (memcmp(p, "//", 2) == 0 || memcmp(p, "==", 2) == 0 ||
                                memcmp(p, "!=", 2) == 0 || memcmp(p, ">=", 2) == 0 ||
                                memcmp(p, "<=", 2) == 0)) {
      static const char *const two[] = {"\\mathbin{//}", "=", "\\neq", "\\geq", "\\leq"};
      const char *ops = "/=!><";
      xiW_put(b, "%s", two[strchr(ops, *p) - ops]);
      len = 2;
    } else if (*p == '%') {
      xiW_put(b, "\\bmod");
    } else if (subscript_digit(p) >= 0) {
      xiW_put(b, "_{%d}", subscript_digit(p));
    } else {
      tex_char(b, p, len);
    }
    p += len;
  }
}

void xiT_w_form(const xiT_writer *w, xiW_buf *b, const char *form, uint32_t node) {
  form_range(w, b, form, form + strlen(form), node);
}

void xiT_w_words(int dialect, xiW_buf *b, const char *s) {
  xiT_writer w = {NULL, NULL, 0, 0, dialect, "", 0, XI_NONE};
  form_range(&w, b, s, s + strlen(s), XI_NONE);
}

/* ---- names and operations ---- */

/* a constant as it was written, pi and e by name: its value's digits would
   be those of its binary rounding (0.1 at 53 bits is 0.1000000000000000055511),
   which are not the literal's past the working precision */
static void const_text(int dialect, xiW_buf *b, const xiG_graph *g, const xiG_node *n) {
  if (n->aux == XI_LIT_PI) {
    xiW_put(b, dialect == XI_T_TEX ? "\\pi" : "π");
  } else if (n->aux == XI_LIT_E) {
    xiW_put(b, "e");
  } else {
    const char *s = xiS_name(&g->sym, n->aux);
    int neg = s[0] == '-'; /* (the ones pasted NumPy makes: np.clip(z, -500, 500)) */
    xiW_put(b, neg ? "(" : "");
    if (dialect == XI_T_TEX) {
      char t[128];
      snprintf(t, sizeof t, "%s", s);
      for (char *p = t; *p; p++)
        *p = *p == 'E' ? 'e' : *p; /* 1E5 as 1e5, which tex_digits reads */
      tex_digits(b, t);
    } else {
      xiW_put(b, "%s", s);
    }
    xiW_put(b, neg ? ")" : "");
  }
}

void xiT_w_dotted(const xiT_writer *w, xiW_buf *b, uint32_t i) {
  xiT_writer plain = *w;
  plain.dotted = XI_NONE;
  xiW_buf name = {0};
  xiT_w_name(&plain, &name, i);
  if (!name.s) {
    b->failed = name.failed ? name.failed : XI_W_MEMORY;
    return;
  }
  size_t first = 1; /* U+0307, combining, after the first code point */
  while (name.s[first] && (name.s[first] & 0xC0) == 0x80)
    first++;
  xiW_str(b, name.s, first);
  xiW_put(b, "\xcc\x87%s", name.s + first);
  xiW_free(&name);
}

void xiT_w_name(const xiT_writer *w, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &w->g->nodes[i];
  char label[256];
  if (w->tangents && i == w->dotted) {
    xiT_w_dotted(w, b, i);
    return;
  }
  if (w->xi && i < w->top && w->xi[i] && w->xi[i] != UINT32_MAX) {
    xiW_put(b, w->dialect == XI_T_TEX ? "\\xi_{%u}" : "ξ%u", w->xi[i]);
    return;
  }
  if (n->op == XI_CONST) {
    const_text(w->dialect, b, w->g, n);
    return;
  }
  xiG_label_of(w->g, i, label, sizeof label);
  if (!label[0])
    snprintf(label, sizeof label, "(value at %u:%u)", n->pos.line, n->pos.col);
  xiT_name_text(w->dialect, b, label);
}

void xiT_w_dadj(const xiT_writer *w, xiW_buf *b, uint32_t i) {
  if (w->dialect == XI_T_TEX) {
    xiW_put(b, "\\frac{\\partial %s}{\\partial ", w->label);
    xiT_w_name(w, b, i);
    xiW_put(b, "}");
  } else {
    xiW_put(b, "∂%s/∂", w->label);
    xiT_w_name(w, b, i);
  }
}

/* an index parameter as written: 2, or : */
static void index_text(xiW_buf *b, int32_t i) {
  if (i == XI_COLON)
    xiW_put(b, ":");
  else
    xiW_put(b, "%d", i);
}

/* one axis of a slice as Python writes it, start:stop:step, the defaults
   left out (stop is one step past the last element) */
static int slice_part(char *s, size_t n, uint32_t dim, int32_t start, int32_t step,
                      uint32_t len) {
  int64_t stop = start + (int64_t)len * step;
  char a[16] = "", z[24] = "", c[16] = "";
  if (step > 0 ? start != 0 : start != (int64_t)dim - 1)
    snprintf(a, sizeof a, "%d", start);
  if (step > 0 ? stop < (int64_t)dim : stop >= 0)
    snprintf(z, sizeof z, "%lld", (long long)stop);
  if (step != 1)
    snprintf(c, sizeof c, ":%d", step);
  return snprintf(s, n, "%s:%s%s", a, z, c);
}

/* a[1:3, ::2] or (a with [1:3, ::2] = b): the slice of SLICE or SLICESET node n */
static void slice_form(char *form, size_t size, const xiT_writer *w, const xiG_node *n) {
  xi_shape a = xiG_shape(&w->g->nodes[n->a]);
  xi_shape s = n->op == XI_SLICE ? xiG_shape(n) : xiG_shape(&w->g->nodes[n->b]);
  const int32_t *p = n->x->p;
  int len = snprintf(form, size, n->op == XI_SLICE ? "a[" : "(a with [");
  if (a.rank == 2) {
    len += slice_part(form + len, size - (size_t)len, a.rows, p[0], p[1], s.rows);
    len += snprintf(form + len, size - (size_t)len, ", ");
  }
  len += slice_part(form + len, size - (size_t)len, a.cols, p[5], p[6], s.cols);
  snprintf(form + len, size - (size_t)len, n->op == XI_SLICE ? "]" : "] = b)");
}

static void list_op(const xiT_writer *w, xiW_buf *b, const xiG_node *n) {
  xiW_put(b, "[");
  for (uint32_t k = 0; k < n->x->nargs; k++) {
    if (k == 6 && n->x->nargs > 8) {
      xiT_w_words(w->dialect, b, "…, ");
      k = n->x->nargs - 2;
      continue;
    }
    xiW_put(b, k ? ", " : "");
    xiT_w_name(w, b, n->x->args[k]);
  }
  xiW_put(b, "]");
}

void xiT_w_op(const xiT_writer *w, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &w->g->nodes[i];
  if (n->op == XI_LIST) {
    list_op(w, b, n);
  } else if (n->op == XI_INDEX) {
    xiT_w_name(w, b, n->a);
    xiW_put(b, "[");
    index_text(b, n->x->p[0]);
    if (n->x->p[1] != INT32_MAX) {
      xiW_put(b, ", ");
      index_text(b, n->x->p[1]);
    }
    xiW_put(b, "]");
  } else if ((n->op == XI_SUM || n->op == XI_MEAN || n->op == XI_MAX || n->op == XI_ARGMAX ||
              n->op == XI_MIN || n->op == XI_ARGMIN || n->op == XI_VAR || n->op == XI_STD ||
              n->op == XI_NORM) &&
             (n->x->p[0] != XI_ALL_AXES || n->x->p[1] == 1 || n->x->p[2] != 0)) {
    char form[80];
    int len = snprintf(form, sizeof form, "%s(a", xiO_table[n->op].name);
    if (n->x->p[0] != XI_ALL_AXES)
      len += snprintf(form + len, sizeof form - (size_t)len, ", axis %d", n->x->p[0]);
    if (n->x->p[1] == 1)
      len += snprintf(form + len, sizeof form - (size_t)len, ", keepdims");
    if (n->x->p[2] != 0) /* var's and std's ddof */
      len += snprintf(form + len, sizeof form - (size_t)len, ", ddof %d", n->x->p[2]);
    snprintf(form + len, sizeof form - (size_t)len, ")");
    xiT_w_form(w, b, form, i);
  } else if (n->op == XI_CONCAT && n->x->p[0] != 0) {
    xiT_w_form(w, b, "concatenate(a, b, axis 1)", i);
  } else if (n->op == XI_SLICE || n->op == XI_SLICESET) {
    char form[128];
    slice_form(form, sizeof form, w, n);
    xiT_w_form(w, b, form, i);
  } else if (n->op == XI_ROUND && n->x->p[0] != 0) {
    char form[48];
    snprintf(form, sizeof form, "round(a, %d)", n->x->p[0]);
    xiT_w_form(w, b, form, i);
  } else if (n->op == XI_GATHER && n->x->p[0] == 1) { /* PUT's derivative by its table */
    xiT_w_form(w, b, "values row of b ← a[b]", i);
  } else {
    xiT_w_form(w, b, xiO_table[n->op].form, i);
  }
}
