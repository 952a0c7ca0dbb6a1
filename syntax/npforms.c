/* npforms.c: a call's arguments read (positional, keyword, dtype=), and
 * NumPy's functions whose arguments go into named slots, as
 * Python's keyword arguments do (np.random.normal(0, 1, size=(2, 3)),
 * np.isclose(a, b, atol=1e-6), np.concatenate((a, b), axis=1)), compiled to
 * one instruction that the tape builds: a maker (K_MAKE: np.linspace and
 * np.random's draws) or a function of several ops (K_NPCALL), with the
 * values of the slots given on the stack and a mask of which they are.
 * np.linalg.norm, whose ord may be a string, is read here too, and np.clip (its
 * out=, the array clipped, is an in-place update: stmt.c).  An op's call with its
 * keywords put in its parameters' order (xiP_emit_call_op) is here too. */
#include <stdlib.h>
#include <string.h>

#include "syntax/parse_int.h"

/* ---- a call's arguments ---- */

int xiP_kw_slot(const char *spec, const char *word) {
  size_t n = strlen(word);
  for (int slot = 0; spec && *spec; slot++) {
    const char *sp = strchr(spec, ' ');
    size_t len = sp ? (size_t)(sp - spec) : strlen(spec);
    if (len == n && memcmp(spec, word, n) == 0)
      return slot;
    spec = sp ? sp + 1 : spec + len;
  }
  return -1;
}

/* the code of arguments from..to (positions in a) moved into the order `order` */
static void reorder(xiP_parser *p, xiP_code *c, const xiP_callargs *a, int from,
                    const int *order, int count) {
  uint32_t base = a->start[from], len = c->n - base;
  xiP_ins *tmp = malloc((len ? len : 1) * sizeof *tmp);
  if (!tmp)
    xiP_fail(p, a->pos[from], "out of memory");
  memcpy(tmp, c->ins + base, len * sizeof *tmp);
  uint32_t at = base;
  for (int k = 0; k < count; k++) {
    int i = order[k];
    uint32_t n = a->start[i + 1] - a->start[i];
    memcpy(c->ins + at, tmp + (a->start[i] - base), n * sizeof *tmp);
    at += n;
  }
  free(tmp);
}

void xiP_emit_dtype(xiP_parser *p, xiP_code *c, int dtype, xi_pos pos) {
  if (dtype < 0)
    return;
  if (dtype == XI_DT_BOOL) {
    xiP_emit_num(p, c, "0", pos);
    xiP_emit_op(p, c, XI_NE, pos);
    return;
  }
  xiP_ins ins = {K_ATTR, (uint8_t)(dtype == XI_DT_INT     ? XI_ATTR_INT
                                    : dtype == XI_DT_UINT8 ? XI_ATTR_UINT8
                                                           : XI_ATTR_FLOAT),
                 0, 0, 0, pos};
  xiP_emit(p, c, ins);
}

void xiP_emit_call_op(xiP_parser *p, xiP_code *c, int op, const xiP_callargs *a,
                      xiL_token name) {
  const xiO_row *row = &xiO_table[op];
  int npos = a->n - a->nkw, given = npos - row->arity;
  int most = row->params >= 0 ? row->params : -row->params;
  const char *fname = row->name ? row->name : "this function";
  if (given < 0 || given + a->nkw > most) {
    if (row->params == 0 && a->nkw == 0)
      xiP_fail(p, name.pos, "%s takes %d argument%s, not %d", fname, row->arity,
               row->arity == 1 ? "" : "s", a->n);
    if (given < 0)
      xiP_fail(p, name.pos, "%s takes at least %d argument%s", fname, row->arity,
               row->arity == 1 ? "" : "s");
    xiP_fail(p, name.pos, "%s takes at most %d argument%s", fname, row->arity + most,
             row->arity + most == 1 ? "" : "s");
  }
  uint32_t mask = given > 0 ? (1u << given) - 1 : 0;
  if (a->nkw) {
    const char *spec = row->name ? xiP_np_kw_spec(row->name) : NULL;
    int order[XI_KW_ARGS], slot_of[XI_KW_ARGS];
    for (int i = npos; i < a->n; i++) {
      const char *w = xiS_name(p->sym, a->kw[i]);
      int s = spec ? xiP_kw_slot(spec, w) : -1;
      if (s < 0)
        xiP_fail(p, a->pos[i], spec ? "%s has no keyword %s (it takes %s)"
                                    : "%s takes no keyword arguments (%s=)",
                 fname, w, spec ? spec : "");
      if (mask & (1u << s))
        xiP_fail(p, a->pos[i], "%s is given twice", w);
      mask |= 1u << s;
      slot_of[i - npos] = s;
    }
    for (int k = 0; k < a->nkw; k++) { /* by slot: the order the parameters are read in */
      int best = -1;
      for (int i = 0; i < a->nkw; i++)
        if (slot_of[i] >= 0 && (best < 0 || slot_of[i] < slot_of[best]))
          best = i;
      order[k] = npos + best;
      slot_of[best] = -1;
    }
    reorder(p, c, a, npos, order, a->nkw);
  }
  /* (round here is NumPy's: Python's round takes no keywords, expr.c's call) */
  uint8_t spare = (uint8_t)((p->method ? 0 : XI_OPF_NP) | (op == XI_ROUND ? XI_OPF_NPROUND : 0));
  xiP_ins ins = {K_OP, (uint8_t)op, spare, (uint16_t)a->n, mask, name.pos};
  xiP_emit(p, c, ins);
  xiP_emit_dtype(p, c, a->dtype, name.pos);
}

/* dtype=float (int, bool, uint8, np.float64, 'float64' ...): how the values are kept */
int xiP_dtype_word(xiP_parser *p) {
  xiL_token t = xiP_take(p);
  const char *s = p->lx.src + t.off;
  size_t n = t.len;
  if (t.type == T_NAME && TAG_KIND(xiP_tag_of(p, &t)) == TAG_MODULE && xiP_is(p, T_DOT)) {
    xiP_take(p);
    t = xiP_expect(p, T_NAME, "a type after '.', as in np.float64");
    s = p->lx.src + t.off, n = t.len;
  } else if (t.type == T_STRING && n >= 2) {
    s++, n -= 2;
  } else if (t.type != T_NAME) {
    xiP_fail(p, t.pos, "dtype= takes float, int, bool or uint8");
  }
#define IS(w) (n == strlen(w) && memcmp(s, w, n) == 0)
  if (IS("float") || IS("float64") || IS("double"))
    return XI_DT_FLOAT;
  if (IS("int") || IS("int64") || IS("int32") || IS("intp"))
    return XI_DT_INT;
  if (IS("bool") || IS("bool_"))
    return XI_DT_BOOL;
  if (IS("uint8")) /* CS231n's labels, np.zeros(N*K, dtype='uint8'): whole numbers 0..255 */
    return XI_DT_UINT8;
  if (IS("float32") || IS("float16"))
    xiP_fail(p, t.pos, "%.*s is a number format: `format binary32` / `format binary16` "
                       "will give it (xi computes exactly)", (int)n, s);
#undef IS
  xiP_fail(p, t.pos, "dtype= takes float, int, bool or uint8, not %.*s", (int)n, s);
}

void xiP_call_args(xiP_parser *p, xiP_code *c, xiP_callargs *a, xiL_token name) {
  memset(a, 0, sizeof *a);
  a->dtype = -1;
  int generator = p->generator; /* this call's; not the calls in its arguments' */
  int star = p->star_shape;
  p->generator = 0;
  p->star_shape = 0;
  if (!xiP_is(p, T_RP)) {
    do {
      if (xiP_is(p, T_RP))
        break; /* f(a, b,) as Python allows */
      xiL_token t = *xiP_peek(p);
      uint32_t kw = XI_NONE, start = c->n;
      if (t.type == T_STAR && p->python && star && a->n == 0) {
        xiP_take(p); /* np.random.randn(*x.shape): the tuple is the shape (numpy.c) */
        t = *xiP_peek(p);
        a->star = 1;
      } else if (t.type == T_STAR && p->python && name.len == 3 && a->n == 0 &&
                 memcmp(p->lx.src + name.off, "zip", 3) == 0) {
        xiP_take(p); /* zip(*rows): rows' items zipped, however many (pylist.c) */
        t = *xiP_peek(p);
        a->star = 1;
      } else if (t.type == T_STAR && p->python)
        xiP_fail(p, t.pos, "f(*xs), a list's or a tuple's items unpacked into a call's "
                           "arguments, is not part of xi (print(*xs) is): write them out, "
                           "f(xs[0], xs[1], ...)");
      if (t.type == T_POW && p->python)
        xiP_fail(p, t.pos, "f(**d), a dict's items unpacked into keyword arguments, is not "
                           "part of xi: write them out, f(lr=d['lr'], ...)");
      if (a->n == 0 && generator && p->python) /* sum((e for x in xs), start) (expr.c) */
        p->gen_arg = 1 + (generator > 1 ? generator - 1 : XI_COMP_EVERY), p->gen_start = start;
      xiP_expr(p, c); /* name=value is a keyword argument: a name, then '=' */
      p->gen_arg = 0;
      if (xiP_is(p, T_ASSIGN) && c->n == start + 1 && c->ins[start].kind == K_NAME) {
        kw = c->ins[start].arg;
        c->n = start;
        xiP_take(p);
        if (strcmp(xiS_name(p->sym, kw), "dtype") == 0) {
          a->dtype = xiP_dtype_word(p);
          continue;
        }
        xiP_expr(p, c);
      }
      if (kw == XI_NONE && a->n == 0 && p->python &&
          xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
        if (!generator)
          xiP_fail(p, xiP_peek(p)->pos, "a generator expression is read as the argument of "
                                        "Python's sum, min, max, list, tuple, sorted, dict ... "
                                        "only: write a list, [e for x in xs]");
        /* sum(x * x for x in xs); all(...) and any(...) stop where Python's do */
        xiP_py_generator(p, c, start, t.pos, generator > 1 ? generator - 1 : XI_COMP_EVERY);
        if (!xiP_is(p, T_RP))
          xiP_fail(p, xiP_peek(p)->pos, "Generator expression must be parenthesized "
                                        "(SyntaxError, as Python says)");
      }
      if (kw == XI_NONE && a->nkw)
        xiP_fail(p, t.pos, "a positional argument after a keyword argument");
      if (a->n == 0)
        a->first = t;
      if (a->n < XI_KW_ARGS) {
        a->start[a->n] = start;
        a->kw[a->n] = kw;
        a->pos[a->n] = t.pos;
      } else if (kw != XI_NONE) {
        xiP_fail(p, t.pos, "keyword arguments come among the first %d", XI_KW_ARGS);
      }
      a->nkw += kw != XI_NONE;
      if (++a->n > 1000)
        xiP_fail(p, name.pos, "too many arguments");
    } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  }
  if (a->n <= XI_KW_ARGS)
    a->start[a->n] = c->n;
  xiP_expect(p, T_RP, "',' or ')' in the argument list");
}

/* each form: its slots, how many must be given, and what it compiles to */
static const struct {
  const char *name, *slots;
  int needed;
  uint8_t kind, op; /* K_MAKE and an XI_MAKE_*, or K_NPCALL and an XI_NP_* */
} forms[] = {
    [XI_NPF_LINSPACE] = {"np.linspace", "start stop num endpoint", 2, K_MAKE, XI_MAKE_LINSPACE},
    [XI_NPF_RANDINT] = {"np.random.randint", "low high size", 1, K_MAKE, XI_MAKE_RANDINT},
    [XI_NPF_NORMAL] = {"np.random.normal", "loc scale size", 0, K_MAKE, XI_MAKE_NORMAL},
    [XI_NPF_UNIFORM] = {"np.random.uniform", "low high size", 0, K_MAKE, XI_MAKE_UNIFORM},
    [XI_NPF_PERMUTATION] = {"np.random.permutation", "x", 1, K_MAKE, XI_MAKE_PERMUTATION},
    [XI_NPF_CHOICE] = {"np.random.choice", "a size replace p", 1, K_MAKE, XI_MAKE_CHOICE},
    [XI_NPF_RANDOM] = {"np.random.random", "size", 0, K_MAKE, XI_MAKE_RAND},
    [XI_NPF_CONCATENATE] = {"np.concatenate", "arrays axis", 1, K_NPCALL, XI_NP_CONCATENATE},
    [XI_NPF_VSTACK] = {"np.vstack", "tup", 1, K_NPCALL, XI_NP_VSTACK},
    [XI_NPF_HSTACK] = {"np.hstack", "tup", 1, K_NPCALL, XI_NP_HSTACK},
    [XI_NPF_ISCLOSE] = {"np.isclose", "a b rtol atol equal_nan", 2, K_NPCALL, XI_NP_ISCLOSE},
    [XI_NPF_ALLCLOSE] = {"np.allclose", "a b rtol atol equal_nan", 2, K_NPCALL,
                         XI_NP_ALLCLOSE},
    [XI_NPF_ALL] = {"np.all", "a axis keepdims", 1, K_NPCALL, XI_NP_ALL},
    [XI_NPF_ANY] = {"np.any", "a axis keepdims", 1, K_NPCALL, XI_NP_ANY},
    [XI_NPF_COLUMN_STACK] = {"np.column_stack", "tup", 1, K_NPCALL, XI_NP_COLUMN_STACK},
    [XI_NPF_STACK] = {"np.stack", "arrays axis", 1, K_NPCALL, XI_NP_STACK},
    [XI_NPF_EXPAND_DIMS] = {"np.expand_dims", "a axis", 2, K_NPCALL, XI_NP_EXPAND_DIMS},
    [XI_NPF_SQUEEZE] = {"np.squeeze", "a axis", 1, K_NPCALL, XI_NP_SQUEEZE},
    [XI_NPF_IDENTITY] = {"np.identity", "n", 1, K_MAKE, XI_MAKE_EYE},
    [XI_NPF_FULL] = {"np.full", "shape fill_value", 2, K_NPCALL, XI_NP_FULL},
    [XI_NPF_FULL_LIKE] = {"np.full_like", "a fill_value", 2, K_NPCALL, XI_NP_FULL_LIKE},
    [XI_NPF_BROADCAST_TO] = {"np.broadcast_to", "array shape", 2, K_NPCALL,
                             XI_NP_BROADCAST_TO},
    [XI_NPF_TILE] = {"np.tile", "A reps", 2, K_NPCALL, XI_NP_TILE},
    [XI_NPF_REPEAT] = {"np.repeat", "a repeats axis", 2, K_NPCALL, XI_NP_REPEAT},
    [XI_NPF_MESHGRID] = {"np.meshgrid", "x y indexing sparse copy", 0, K_NPCALL,
                         XI_NP_MESHGRID},
    [XI_NPF_FLIP] = {"np.flip", "m axis", 1, K_NPCALL, XI_NP_FLIP},
    [XI_NPF_FLIPLR] = {"np.fliplr", "m", 1, K_NPCALL, XI_NP_FLIPLR},
    [XI_NPF_FLIPUD] = {"np.flipud", "m", 1, K_NPCALL, XI_NP_FLIPUD},
    [XI_NPF_PROD] = {"np.prod", "a axis keepdims", 1, K_NPCALL, XI_NP_PROD},
    [XI_NPF_CUMSUM] = {"np.cumsum", "a axis", 1, K_NPCALL, XI_NP_CUMSUM},
    [XI_NPF_CUMPROD] = {"np.cumprod", "a axis", 1, K_NPCALL, XI_NP_CUMPROD},
    [XI_NPF_DIFF] = {"np.diff", "a n axis", 1, K_NPCALL, XI_NP_DIFF},
    [XI_NPF_TRACE] = {"np.trace", "a", 1, K_NPCALL, XI_NP_TRACE},
    [XI_NPF_COUNT_NONZERO] = {"np.count_nonzero", "a axis keepdims", 1, K_NPCALL,
                              XI_NP_COUNT_NONZERO},
    [XI_NPF_SORT] = {"np.sort", "a axis kind", 1, K_NPCALL, XI_NP_SORT},
    [XI_NPF_ARGSORT] = {"np.argsort", "a axis kind", 1, K_NPCALL, XI_NP_ARGSORT},
    [XI_NPF_NDITER] = {"np.nditer", "op flags op_flags order", 1, K_NPCALL, XI_NP_NDITER},
    [XI_NPF_MATH_ISCLOSE] = {"math.isclose", "a b rel_tol abs_tol", 2, K_NPCALL,
                             XI_NP_MATH_ISCLOSE},
};

/* np.c_[a, b] (CS231n's spiral data: np.c_[r*np.sin(t), r*np.cos(t)]): the
   items as a tuple, joined as np.column_stack joins them, which is what c_
   does for arrays of one and two axes and for numbers */
void xiP_np_c_(xiP_parser *p, xiP_code *c, xiL_token name) {
  xiL_token open = xiP_expect(p, T_LBRACK, "'[' after np.c_, as in np.c_[a, b]");
  uint32_t n = 0;
  do {
    if (xiP_is(p, T_RBRACK))
      break;
    xiP_expr(p, c);
    if (xiP_is(p, T_COLON))
      xiP_fail(p, xiP_peek(p)->pos, "a slice in np.c_ (np.c_[0:3], np.c_[-1:1:5j]) is not "
                                    "part of xi: np.arange or np.linspace makes the numbers");
    if (++n > 1000)
      xiP_fail(p, open.pos, "more than 1000 arrays to join");
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RBRACK, "',' or ']' in np.c_[...]");
  if (n == 0)
    xiP_fail(p, open.pos, "np.c_[] is empty: xi has no empty arrays");
  xiP_emit(p, c, (xiP_ins){K_TUPLE, 0, 0, (uint16_t)n, 0, open.pos});
  xiP_emit(p, c, (xiP_ins){K_NPCALL, XI_NP_COLUMN_STACK, 0, 1, 1, name.pos});
}

static int count_words(const char *s) {
  int n = 1;
  for (; *s; s++)
    n += *s == ' ';
  return n;
}

/* code c[at] is the single instruction of an argument, the word w (None, False) */
static int is_word(xiP_parser *p, const xiP_code *c, uint32_t at, uint32_t end, const char *w) {
  const xiP_ins *in = &c->ins[at];
  return end == at + 1 && (in->kind == K_NAME || in->kind == K_NUM) && in->arg < p->sym->n &&
         strcmp(xiS_name(p->sym, in->arg), w) == 0;
}

/* The arguments a put into the slots of form f: positional ones in order,
   keywords by name; a None (NumPy's default) and equal_nan=False are left
   out.  Their code is rebuilt in slot order; returns the mask of the slots
   given, and in at[s] where slot s's code starts. */
static unsigned by_slot(xiP_parser *p, xiP_code *c, const xiP_callargs *a, int f,
                        xiL_token name, uint32_t *at) {
  const char *spec = forms[f].slots, *fn = forms[f].name;
  int nslots = count_words(spec), npos = a->n - a->nkw, slot_of[XI_KW_ARGS];
  int eq_nan = xiP_kw_slot(spec, "equal_nan");
  unsigned mask = 0;
  if (a->n > XI_KW_ARGS || npos > nslots)
    xiP_fail(p, name.pos, "%s takes at most %d arguments (%s)", fn, nslots, spec);
  for (int i = 0; i < a->n; i++) {
    int s = i < npos ? i : xiP_kw_slot(spec, xiS_name(p->sym, a->kw[i]));
    if (s < 0)
      xiP_fail(p, a->pos[i], "%s has no keyword %s (it takes %s)", fn,
               xiS_name(p->sym, a->kw[i]), spec);
    if (mask & (1u << s))
      xiP_fail(p, a->pos[i], "%s's argument %d is given twice", fn, s + 1);
    mask |= 1u << s;
    slot_of[i] = s;
    if (f == XI_NPF_CONCATENATE && s == 1 && is_word(p, c, a->start[i], a->start[i + 1], "None"))
      xiP_fail(p, a->pos[i], "np.concatenate with axis=None (the arrays flattened) is not part "
                             "of xi: np.concatenate((a.ravel(), b.ravel()))");
    if (is_word(p, c, a->start[i], a->start[i + 1], s == eq_nan ? "False" : "None"))
      slot_of[i] = -1, mask &= ~(1u << s); /* the default, written out */
    else if (s == eq_nan)
      xiP_fail(p, a->pos[i], "equal_nan=True is not part of xi (its values are never NaN "
                             "but in a number format)");
  }
  for (int s = 0; s < forms[f].needed; s++)
    if (!(mask & (1u << s)))
      xiP_fail(p, name.pos, "%s needs its %s argument", fn, s ? "second" : "first");
  uint32_t base = a->n ? a->start[0] : c->n, len = c->n - base;
  xiP_ins *tmp = malloc((len ? len : 1) * sizeof *tmp);
  if (!tmp)
    xiP_fail(p, name.pos, "out of memory");
  if (len) /* c->ins is NULL while the code is empty: memcpy wants a pointer even for 0 */
    memcpy(tmp, c->ins + base, len * sizeof *tmp);
  c->n = base; /* room enough: the code only shrinks */
  for (int s = 0; s < nslots; s++)
    for (int i = 0; i < a->n; i++)
      if (slot_of[i] == s) {
        at[s] = c->n;
        uint32_t from = a->start[i] - base, end = a->start[i + 1] - base;
        if (end > from) /* the same: a copy of nothing from a NULL code */
          memcpy(c->ins + c->n, tmp + from, (end - from) * sizeof *tmp);
        c->n += end - from;
      }
  free(tmp);
  return mask;
}

static int popcount(unsigned m) {
  int n = 0;
  for (; m; m &= m - 1)
    n++;
  return n;
}

/* code c[at..end) is the single instruction of the string w ('ij', 'stable') */
static int is_text(xiP_parser *p, const xiP_code *c, uint32_t at, uint32_t end, const char *w) {
  const xiP_ins *in = &c->ins[at];
  return end == at + 1 && in->kind == K_STR && in->arg < p->sym->n &&
         strcmp(xiS_name(p->sym, in->arg), w) == 0;
}

/* Slots of f read here, not by the tape: a word chooses the instruction
   (indexing='ij', kind='stable'), or is the default (sparse=False, copy=True),
   and its code is dropped; *op the instruction's XI_NP_*.  The slots read are
   the last ones, so they are dropped from the end. */
static unsigned words(xiP_parser *p, xiP_code *c, int f, const xiP_callargs *a, unsigned mask,
                      const uint32_t *at, int *op, xiL_token name) {
  (void)a;
  for (int s = 7; s >= 0; s--) {
    if (!(mask & (1u << s)))
      continue;
    uint32_t from = at[s], end = c->n;
    if (f == XI_NPF_MESHGRID && s < 2)
      break;
    if (f == XI_NPF_MESHGRID && s == 2) {
      if (!is_text(p, c, from, end, "xy") && !is_text(p, c, from, end, "ij"))
        xiP_fail(p, name.pos, "Valid values for `indexing` are 'xy' and 'ij'. (NumPy's "
                              "ValueError)");
      if (is_text(p, c, from, end, "ij"))
        *op = XI_NP_MESHGRID_IJ;
    } else if (f == XI_NPF_MESHGRID) {
      if (!is_word(p, c, from, end, s == 3 ? "False" : "True"))
        xiP_fail(p, name.pos, "np.meshgrid's %s is not part of xi: it takes %s",
                 s == 3 ? "sparse=True (arrays that broadcast)" : "copy=False (views)",
                 s == 3 ? "sparse=False, whole grids" : "copy=True, copies");
    } else if (s == 2 && (f == XI_NPF_SORT || f == XI_NPF_ARGSORT)) {
      int stable = is_text(p, c, from, end, "stable") || is_text(p, c, from, end, "mergesort");
      if (!stable && !is_text(p, c, from, end, "quicksort") &&
          !is_text(p, c, from, end, "heapsort"))
        xiP_fail(p, name.pos, "kind= takes 'quicksort', 'mergesort', 'heapsort' or 'stable'");
      if (stable)
        *op = f == XI_NPF_SORT ? XI_NP_SORT_STABLE : XI_NP_ARGSORT_STABLE;
    } else {
      break;
    }
    c->n = from;
    mask &= ~(1u << s);
  }
  return mask;
}

void xiP_np_form(xiP_parser *p, xiP_code *c, int f, const xiP_callargs *a, xiL_token name) {
  uint32_t at[8];
  if (f == XI_NPF_MESHGRID && (a->n - a->nkw > 2 || a->n == a->nkw))
    xiP_fail(p, name.pos, a->n == a->nkw ? "np.meshgrid() of no arrays is an empty list: xi "
                                           "reads np.meshgrid(x) and np.meshgrid(x, y)"
                                         : "np.meshgrid of %d arrays makes arrays of %d axes: "
                                           "xi's values have at most two",
             a->n - a->nkw, a->n - a->nkw);
  if (f == XI_NPF_MATH_ISCLOSE && a->n - a->nkw > 2) /* (its tolerances are keywords only) */
    xiP_fail(p, name.pos, "TypeError: isclose() takes exactly 2 positional arguments (%d "
                          "given): rel_tol= and abs_tol= are keywords", a->n - a->nkw);
  int flat = 0; /* np.sort(a, axis=None): a flattened (a None elsewhere is the default) */
  for (int i = 0; i < a->n && (f == XI_NPF_SORT || f == XI_NPF_ARGSORT); i++)
    flat |= (i == 1 && a->kw[i] == XI_NONE ? 1
             : a->kw[i] != XI_NONE && strcmp(xiS_name(p->sym, a->kw[i]), "axis") == 0) &&
            is_word(p, c, a->start[i], a->start[i + 1], "None");
  unsigned mask = by_slot(p, c, a, f, name, at);
  int op = forms[f].op;
  if (f == XI_NPF_MESHGRID || f == XI_NPF_SORT || f == XI_NPF_ARGSORT)
    mask = words(p, c, f, a, mask, at, &op, name);
  if (flat) { /* the K_ATTR of ravel after a's code: what follows moves up by one */
    uint32_t end = mask & 2 ? at[1] : c->n;
    xiP_ins ins = {K_ATTR, XI_ATTR_FLATTEN, 0, 0, 0, name.pos};
    xiP_emit(p, c, ins);
    memmove(c->ins + end + 1, c->ins + end, (c->n - 1 - end) * sizeof *c->ins);
    c->ins[end] = ins;
  }
  if (f == XI_NPF_FULL_LIKE && a->dtype >= 0)
    op = XI_NP_FULL_AS; /* the dtype given, not a's: the values are not cast to a's first */
  if (f == XI_NPF_CONCATENATE || f == XI_NPF_VSTACK || f == XI_NPF_HSTACK ||
      f == XI_NPF_COLUMN_STACK || f == XI_NPF_STACK) {
    /* the arrays as a tuple, (a, b) or [a, b]: [a, b] would be one matrix */
    xiP_ins *last = &c->ins[(mask & 2) ? at[1] - 1 : c->n - 1];
    if (last->kind == K_LIST) {
      if (last->arg > 1000)
        xiP_fail(p, last->pos, "more than 1000 arrays to join");
      *last = (xiP_ins){K_TUPLE, 0, 0, (uint16_t)last->arg, 0, last->pos};
    }
  }
  /* np.random.random(size) is rand of that shape, which takes sizes (or a tuple) */
  xiP_ins ins = {forms[f].kind, (uint8_t)op, 0, (uint16_t)popcount(mask),
                 f == XI_NPF_RANDOM ? 0 : mask, name.pos};
  xiP_emit(p, c, ins);
  xiP_emit_dtype(p, c, a->dtype, name.pos);
}

/* ---- np.linalg.norm(x, ord=None, axis=None, keepdims=False) ---- */

/* ord as written: None, 2, 'fro' (what the norm of each rank is already) */
static int ord_of(xiP_parser *p) {
  xiL_token t = xiP_take(p);
  const char *s = p->lx.src + t.off;
  if (t.type == T_STRING && t.len == 5 && memcmp(s + 1, "fro", 3) == 0)
    return 1;
  if (t.type == T_NUM && t.len == 1 && s[0] == '2')
    return 2;
  if (t.type == T_NAME && xiP_keyword(xiP_tag_of(p, &t)) == KW_NONE)
    return 0;
  (void)s;
  xiP_fail(p, t.pos, "np.linalg.norm's orders other than None, 2 and 'fro' (the 2-norm and the "
                     "Frobenius norm) are not part of xi: np.abs(x).sum() is the 1-norm, "
                     "np.abs(x).max() the max norm");
}

void xiP_norm_call(xiP_parser *p, xiP_code *c, xiL_token name) {
  uint32_t from[2] = {0, 0}, to[2] = {0, 0}; /* axis's and keepdims's code, as written */
  int ord = 0, n = 0, kw = 0, got_ord = 0;
  xiP_expr(p, c);
  uint32_t after_x = c->n;
  while (xiP_is(p, T_COMMA)) {
    xiP_take(p);
    if (xiP_is(p, T_RP))
      break;
    xiL_token t = *xiP_peek(p);
    int slot = n, named = 0; /* 0 ord, 1 axis, 2 keepdims */
    static const char *const names[] = {"ord", "axis", "keepdims"};
    for (int k = 0; k < 3 && t.type == T_NAME; k++)
      if (xiP_word_is(p, &t, names[k])) {
        xiP_take(p);
        if (xiP_is(p, T_ASSIGN)) {
          xiP_take(p);
          slot = k, kw = named = 1;
        } else {
          xiP_put_back(p, &t);
        }
        break;
      }
    if (!named && kw)
      xiP_fail(p, t.pos, "a positional argument after a keyword argument");
    if (slot > 2)
      xiP_fail(p, t.pos, "np.linalg.norm takes x, ord, axis and keepdims");
    if (slot == 0 ? got_ord : to[slot - 1] != 0)
      xiP_fail(p, t.pos, "%s is given twice", names[slot]);
    n++;
    if (slot == 0) {
      ord = ord_of(p), got_ord = 1;
      continue;
    }
    from[slot - 1] = c->n;
    xiP_expr(p, c);
    to[slot - 1] = c->n;
  }
  xiP_expect(p, T_RP, "',' or ')' in the argument list");
  if (to[0] && to[1] && from[1] < from[0]) { /* keepdims= before axis=: axis first */
    uint32_t na = to[0] - from[0], nk = to[1] - from[1];
    xiP_ins *tmp = malloc((na + nk) * sizeof *tmp);
    if (!tmp)
      xiP_fail(p, name.pos, "out of memory");
    memcpy(tmp, c->ins + from[0], na * sizeof *tmp);
    memcpy(tmp + na, c->ins + from[1], nk * sizeof *tmp);
    memcpy(c->ins + after_x, tmp, (na + nk) * sizeof *tmp);
    free(tmp);
  }
  unsigned mask = (to[0] ? 1u : 0) | (to[1] ? 2u : 0);
  uint16_t argc = (uint16_t)(1 + (to[0] != 0) + (to[1] != 0));
  if (ord) { /* checked against the rank by the shape rule */
    xiP_emit_num(p, c, ord == 2 ? "2" : "1", name.pos);
    mask |= 4, argc++;
  }
  xiP_ins ins = {K_OP, XI_NORM, 0, argc, mask, name.pos};
  xiP_emit(p, c, ins);
}

/* np.clip(a, lo, hi) = minimum(maximum(a, lo), hi); a None bound is skipped */
void xiP_np_clip(xiP_parser *p, xiP_code *c, const xiP_callargs *a, int first, xi_pos pos) {
  uint32_t none = xiS_find(p->sym, "None", 4);
  int lo_none = c->ins[a->start[first]].kind == K_NAME && c->ins[a->start[first]].arg == none;
  int hi_none = c->ins[a->start[first + 1]].kind == K_NAME && c->ins[a->start[first + 1]].arg == none;
  if (hi_none)
    c->n--; /* the None */
  else
    xiP_emit_op(p, c, XI_MINIMUM, pos);
  if (lo_none) {
    memmove(c->ins + a->start[first], c->ins + a->start[first] + 1,
            (c->n - a->start[first] - 1) * sizeof *c->ins);
    c->n--;
  } else {
    xiP_ins mx = {K_OP, XI_MAXIMUM, 0, 0, 0, pos};
    xiP_emit(p, c, mx); /* room, then the code after lo moves up by one */
    uint32_t at = a->start[first + 1] - lo_none;
    memmove(c->ins + at + 1, c->ins + at, (c->n - 1 - at) * sizeof *c->ins);
    c->ins[at] = mx;
  }
}

/* np.clip(x, lo, hi, out=x), x a name, as a statement of its own: x[:] = np.clip(x, lo,
   hi), which NumPy's is (the same array, every name of it seeing the change); stmt.c
   makes the statement of it (p->clip_out), and refuses it anywhere else.  Another out=
   would write into another array, which xi does not follow */
void xiP_np_clip_out(xiP_parser *p, xiP_code *c, const xiP_callargs *a, xiL_token name) {
  int last = a->n - 1;
  const xiP_ins *x = &c->ins[a->start[0]], *o = &c->ins[a->start[last]];
  if (strcmp(xiS_name(p->sym, a->kw[last]), "out") != 0)
    xiP_fail(p, a->pos[last], "clip has no keyword %s here (out=x, x the array clipped, is "
                              "read)", xiS_name(p->sym, a->kw[last]));
  if (p->method || a->n != 4 || a->start[1] != a->start[0] + 1 || x->kind != K_NAME ||
      c->n != a->start[last] + 1 || o->kind != K_NAME || o->arg != x->arg)
    xiP_fail(p, a->pos[last], "np.clip(x, lo, hi, out=...) is read only with out= the array "
                              "clipped, x a name (np.clip(x, lo, hi, out=x), x changed in "
                              "place); for another array write y[:] = np.clip(x, lo, hi)");
  c->n--; /* the out= name */
  xiP_callargs b = *a;
  b.n = 3, b.nkw = 0;
  xiP_np_clip(p, c, &b, 1, name.pos);
  p->clip_out = c->n + 1;
  p->clip_name = x->arg;
  p->clip_pos = a->pos[last];
}
