/* pytext.c: a value's text as Python and NumPy print it (show/pyfmt.c),
 * proven, and print, which writes it; lists and dicts are written so where
 * xi prints them too (output.c, vars.c). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "show/pyfmt.h"

/* Python's digits proven: a value's text is printed from the double nearest
   it (str), or from its exact digits (a format spec).  Both round
   monotonically, so when the two ends of the ball that holds the exact value
   give the same text, every number in the ball does, the exact value
   included: that text is printed (it is also the computed value's, unless the
   computation strayed).  Otherwise the computed value's text is printed with
   a note saying what is known. */

/* the text of one number x (a view's element k, its dtype) as value_text
   writes it: malloc'd, or NULL */
static char *py_text(const xiO_view *v, mpfr_srcptr x, const char *spec, size_t len) {
  xiO_view one = *v;
  one.sh = (xi_shape){0, 1, 1};
  one.n = 1;
  one.el = (mpfr_ptr)x;
  xiW_buf b = {0};
  char why[256];
  if (len ? xiW_py_format(&b, &one, spec, len, why, sizeof why) != 0 : (xiW_py_str(&b, &one), 0))
    b.failed = 1;
  char *t = b.failed || !b.s ? NULL : strdup(b.s);
  xiW_free(&b);
  return t;
}

/* is every element's text the same at both ends of its ball?  los gets the
   lower ends (what is printed when they are) */
static int ends_agree(const xiO_view *v, const arb_struct *ball, const char *spec, size_t len,
                      mpfr_ptr los) {
  int same = 1;
  mpfr_t hi;
  mpfr_init2(hi, 64);
  for (uint32_t k = 0; k < v->n && same; k++) {
    if (!arb_is_finite(&ball[k])) {
      same = 0;
      break;
    }
    if (arb_is_zero(&ball[k]) && mpfr_zero_p(&v->el[k])) { /* 0 exactly: the sign is the
                                                                 computation's (-0.0) */
      mpfr_set_prec(&los[k], mpfr_get_prec(&v->el[k]));
      mpfr_set(&los[k], &v->el[k], MPFR_RNDN);
      continue;
    }
    xiN_ends(&ball[k], &los[k], hi);
    char *a = py_text(v, &los[k], spec, len), *b = py_text(v, hi, spec, len);
    same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
  }
  mpfr_clear(hi);
  return same;
}

/* for a value whose printed digits are not all proven: a line saying what
   is known of it, appended to note */
static int py_note(xiR_session *s, xiW_buf *note, uint32_t i, xi_pos at, xi_err *err) {
  xiW_proof pf;
  if (xiR_prove_value(s, i, &pf, at, err))
    return -1;
  xiO_view v = xiG_view(&s->g.nodes[i]);
  xiW_put(note, "(xi: the value printed from %u:%u is the computed one, not proven at %ld bits: "
                "exactly it is ", at.line, at.col, pf.prec);
  xiW_value_proven(note, &v, &pf, s->digits, -1, 0);
  xiW_put(note, ")\n");
  return 0;
}

/* v's text as Python prints it (str, or format with spec), from the exact
   value when its balls decide the text; *unproven set when they do not */
static int py_value(xiR_session *s, xiW_buf *b, uint32_t i, const char *spec, size_t len,
                    int repr, xiW_buf *note, xi_pos at, xi_err *err) {
  xiW_proof pf;
  if (xiR_prove_value(s, i, &pf, at, err))
    return -1;
  /* (the view after the proof: a grad value's graph built for it may have
     moved the nodes, and a scalar's number with them) */
  xiO_view view = xiG_view(&s->g.nodes[i]), shown = view, *v = &view;
  mpfr_ptr los = NULL;
  int unproven = 0;
  if (pf.ball) { /* (no balls: the numbers held are exact, or a format's own) */
    los = malloc(v->n * sizeof *los);
    if (!los)
      return xiG_oom(&s->g, at, err);
    for (uint32_t k = 0; k < v->n; k++)
      mpfr_init2(&los[k], 64);
    if (ends_agree(v, pf.ball, spec, len, los))
      shown.el = los;
    else
      unproven = 1;
  } else if (pf.why) {
    unproven = 1;
  }
  int rc = 0;
  char why[256];
  if (!len && repr)
    xiW_py_repr(b, &shown);
  else if (!len)
    xiW_py_str(b, &shown);
  else if (xiW_py_format(b, &shown, spec, len, why, sizeof why))
    rc = xiX_fail(err, at, "%s", why);
  for (uint32_t k = 0; los && k < v->n; k++)
    mpfr_clear(&los[k]);
  free(los);
  return rc == 0 && unproven ? py_note(s, note, i, at, err) : rc;
}

static int value_text(xiR_session *s, xiW_buf *b, uint32_t i, const char *spec, size_t len,
                      int xi, int repr, xiW_buf *note, xi_pos at, xi_err *err);

/* a container's text as Python's print shows it: its items' repr() between
   its brackets ((1,), [0.69, 0.52], {'W1': array([1., 2.])}, dict_keys(['a'])) */
static int container_text(xiR_session *s, xiW_buf *b, uint32_t i, int repr, int xi,
                          xiW_buf *note, xi_pos at, xi_err *err) {
  xiG_graph *g = &s->g;
  int kind = xiG_kind(g, i);
  const xiG_ext *x = g->nodes[i].x;
  if (kind == XI_C_STR) {
    const char *t = xiS_name(&g->sym, (uint32_t)x->p[XI_C_TEXT]);
    int exc = x->p[XI_C_EXC]; /* except ... as e: repr(e) is KeyError('z'), its class's */
    if (repr && x->p[XI_C_DTYPE]) /* x.dtype: dtype('float64') */
      xiW_put(b, "dtype('%s')", t);
    else if (repr && exc) {
      xiW_put(b, "%s(", xiP_exc_name(exc - 1));
      if (exc - 1 == XI_EXC_KEY) /* (str(e) is repr of the key already) */
        xiW_str(b, t, strlen(t));
      else if (*t)
        xiW_py_str_repr(b, t);
      xiW_str(b, ")", 1);
    } else if (repr)
      xiW_py_str_repr(b, t);
    else
      xiW_str(b, t, strlen(t));
    return 0;
  }
  if (kind == XI_C_NONE) {
    xiW_str(b, "None", 4);
    return 0;
  }
  if (kind == XI_C_FUNC) /* (NumPy's print as <ufunc 'tanh'>, by NumPy's names) */
    return xiX_fail(err, at, "Python prints a function as its address (<function %s at "
                             "0x...>), which xi does not show: print what it gives, %s(x)",
                    xiG_func_name(g, i), xiG_func_name(g, i));
  if (kind == XI_C_OBJ) { /* its class's __str__ or __repr__ (the items of a list: __repr__) */
    uint32_t t;
    if (xiG_obj_text(g, i, repr, at, &t, err))
      return -1;
    const char *text = xiS_name(&g->sym, (uint32_t)g->nodes[t].x->p[XI_C_TEXT]);
    xiW_str(b, text, strlen(text));
    return 0;
  }
  if (kind == XI_C_GEN) { /* str is Generator(PCG64); repr adds its address */
    if (repr)
      return xiX_fail(err, at, "Python's repr of a Generator is its address (Generator(PCG64) "
                               "at 0x...), which xi does not show: print(rng) prints "
                               "Generator(PCG64)");
    xiW_str(b, "Generator(PCG64)", 16);
    return 0;
  }
  if (kind == XI_C_NDITER)
    return xiX_fail(err, at, "Python prints an np.nditer as its address (<numpy.nditer object "
                             "at 0x...>): print it.multi_index");
  if (kind == XI_C_ENUMERATE || kind == XI_C_ZIP)
    return xiX_fail(err, at, "Python prints an %s object as its address (<%s object at "
                             "0x...>): print(list(...)) prints its items",
                    xiG_kind_name(kind), xiG_kind_name(kind));
  if (kind == XI_C_RANGE) {
    int64_t v[3];
    for (int q = 0; q < 3; q++)
      v[q] = mpfr_get_si(g->nodes[x->args[q]].v, MPFR_RNDN);
    xiW_put(b, v[2] == 1 ? "range(%lld, %lld)" : "range(%lld, %lld, %lld)", (long long)v[0],
            (long long)v[1], (long long)v[2]);
    return 0;
  }
  int objects = 0; /* a set of objects (micrograd's _prev): hashed by their addresses */
  for (uint32_t k = 0; kind == XI_C_SET && k < x->nargs; k++)
    objects |= xiG_kind(g, x->args[k]) == XI_C_OBJ;
  if (objects && x->nargs > 1)
    return xiX_fail(err, at, "Python prints a set of objects in the order of their addresses, "
                             "which changes from run to run and which xi does not reproduce: "
                             "print len(s), or each item's own field in an order of yours "
                             "(sorted(v.data for v in s))");
  if ((kind == XI_C_SET || kind == XI_C_ULIST) && x->nargs > 1) /* (tape/pyset.c) */
    return xiX_fail(err, at, "Python prints a %s in CPython's hash order, which changes from "
                             "run to run for strings and which xi does not reproduce: print "
                             "sorted(s)%s", kind == XI_C_SET ? "set" : "list made of a set",
                    kind == XI_C_SET ? "" : " or sort the list first, xs.sort()");
  if (kind == XI_C_SET && x->nargs == 0) {
    xiW_str(b, "set()", 5);
    return 0;
  }
  if (kind >= XI_C_KEYS && kind <= XI_C_ITEMS) { /* dict_keys([...]): a dict's keys ... */
    xiW_put(b, "%s([", xiG_kind_name(kind));
    uint32_t d = x->args[0], n = g->nodes[d].x->nargs / 2;
    for (uint32_t k = 0; k < n; k++) {
      const xiG_ext *y = g->nodes[d].x;
      uint32_t key = y->args[2 * k], v = y->args[2 * k + 1];
      if (k)
        xiW_str(b, ", ", 2);
      if (kind == XI_C_ITEMS)
        xiW_str(b, "(", 1);
      if ((kind != XI_C_VALUES && value_text(s, b, key, NULL, 0, xi, 1, note, at, err)) ||
          (kind == XI_C_ITEMS && (xiW_str(b, ", ", 2), 0)) ||
          (kind != XI_C_KEYS && value_text(s, b, v, NULL, 0, xi, 1, note, at, err)))
        return -1;
      if (kind == XI_C_ITEMS)
        xiW_str(b, ")", 1);
    }
    xiW_str(b, "])", 2);
    return 0;
  }
  int list = kind == XI_C_LIST || kind == XI_C_ULIST;
  int tsize = kind == XI_C_TUPLE && x->p[XI_C_TSIZE]; /* a tensor's shape: torch.Size */
  const char *open = tsize                                      ? "torch.Size(["
                     : list                                       ? "["
                     : kind == XI_C_DICT || kind == XI_C_SET ? "{"
                                                                  : "(";
  const char *close = tsize ? "])" : list ? "]" : kind == XI_C_DICT || kind == XI_C_SET ? "}"
                      : x->nargs == 1    ? ",)" : ")";
  xiW_str(b, open, strlen(open));
  for (uint32_t k = 0; k < x->nargs && !b->failed; k++) {
    if (k)
      xiW_str(b, kind == XI_C_DICT && k % 2 ? ": " : ", ", 2);
    if (value_text(s, b, g->nodes[i].x->args[k], NULL, 0, xi, 1, note, at, err))
      return -1;
  }
  xiW_str(b, close, strlen(close));
  return 0;
}

/* the text of value i as print shows it: str(), or format(value, spec), or
   repr() (an item of a container, {x!r}); as xi shows values for print's own
   form (print "epoch", k, L), proven */
static int value_text(xiR_session *s, xiW_buf *b, uint32_t i, const char *spec, size_t len,
                      int xi, int repr, xiW_buf *note, xi_pos at, xi_err *err) {
  xiG_node *n = &s->g.nodes[i];
  int kind = xiG_kind(&s->g, i);
  if (kind == XI_C_STR && len) { /* f"{name:>8}", '%6r' % name: its text or its repr padded */
    char why[256];
    const char *t = xiS_name(&s->g.sym, (uint32_t)n->x->p[XI_C_TEXT]);
    xiW_buf r = {0};
    if (repr && n->x->p[XI_C_DTYPE])
      xiW_put(&r, "dtype('%s')", t);
    else if (repr)
      xiW_py_str_repr(&r, t);
    if (repr)
      xiW_str(&r, "", 1); /* (its end) */
    if (repr && r.failed) {
      xiW_free(&r);
      return xiG_oom(&s->g, at, err);
    }
    int rc = xiW_py_format_str(b, repr ? r.s : t, spec, len, why, sizeof why);
    xiW_free(&r);
    return rc ? xiX_fail(err, at, "%s", why) : 0;
  }
  if (kind >= 0) {
    if (len)
      return xiX_fail(err, at, "TypeError: unsupported format string passed to %s.__format__",
                      xiG_kind_name(kind));
    return container_text(s, b, i, repr, xi, note, at, err);
  }
  int ag = xiR_ag_text(s, b, i, len, at, err); /* Value(data=..., grad=...) */
  if (ag)
    return ag < 0 ? -1 : 0;
  if (xi) {
    xiW_proof pf;
    if (xiR_prove_value(s, i, &pf, at, err))
      return -1;
    xiO_view v = xiG_view(&s->g.nodes[i]); /* (after the proof, as in py_value) */
    xiW_value_proven(b, &v, &pf, s->digits, -1, 0);
    return 0;
  }
  return py_value(s, b, i, spec, len, repr, note, at, err);
}

int xiR_py_text(xiR_session *s, xiW_buf *b, uint32_t i, xi_pos at, xi_err *err) {
  xiW_buf note = {0};
  int rc = value_text(s, b, i, NULL, 0, 0, 1, &note, at, err);
  if (rc == 0 && note.n) /* (what is known of digits not proven, after the text) */
    xiW_put(b, "\n%.*s", (int)(note.n && note.s[note.n - 1] == '\n' ? note.n - 1 : note.n),
            note.s);
  xiW_free(&note);
  return rc;
}

/* print(*xs): each item of xs an argument of its own, as str() writes it, after
   sep when another came before */
static int starred(xiR_session *s, xiW_buf *b, const xiP_stmt *st, uint32_t xs, int *args,
                   xiW_buf *note, xi_pos at, xi_err *err) {
  uint32_t n, item;
  if (xiG_walk_len(&s->g, xs, at, &n, err))
    return -1;
  for (uint32_t k = 0; k < n; k++) {
    if ((*args)++)
      xiW_str(b, st->sep ? st->sep : " ", st->sep ? strlen(st->sep) : 1);
    if (xiG_walk_item(&s->g, xs, k, at, &item, err) ||
        value_text(s, b, item, NULL, 0, st->cmd == 1, 0, note, at, err))
      return -1;
  }
  return 0;
}

/* print's text into b and written: each value computed from its item's code
   (and let go), or, for a print inside a def (values), the def's nodes */
static int print_to(xiR_session *s, xiW_buf *b, const xiP_stmt *st, const uint32_t *values,
                    xi_err *err) {
  xiG_graph *g = &s->g;
  b->n = 0, b->failed = 0;
  int args = 0, rc = 0;
  xiW_buf note = {0}; /* what is known of values not proven, after the line */
  for (uint32_t k = 0; k < st->nitems && rc == 0; k++) {
    const xiP_item *it = &st->items[k];
    if (it->kind == I_ARG) {
      if (args++)
        xiW_str(b, st->sep ? st->sep : " ", st->sep ? strlen(st->sep) : 1);
    } else if (it->kind == I_TEXT) {
      xiW_str(b, it->text, it->len);
    } else { /* a value: computed, written, and not kept */
      uint32_t mark = g->n, root;
      if (it->debug) { /* f"{x=}" shows x= first */
        xiW_str(b, s->src + it->off, it->end - it->off);
        xiW_str(b, "=", 1);
      }
      if (values)
        root = *values++;
      else
        rc = xiG_exec(g, &it->code, NULL, NULL, 0, &root, err);
      if (rc == 0 && it->conv == '*')
        rc = starred(s, b, st, root, &args, &note, it->pos, err);
      else if (rc == 0 && it->conv == 'S' && xiG_py_no_exc(g, root, XI_NONE, 0, it->pos, err))
        rc = -1; /* "error: " + e: an exception, not a str, as Python says */
      else if (rc == 0 && !it->conv && it->len && xiG_is_dtype(g, root))
        rc = xiX_fail(err, it->pos, "TypeError: unsupported format string passed to "
                                    "numpy.dtype[%s].__format__: f\"{x.dtype!s:>8}\" pads its "
                                    "name", xiS_name(&g->sym, (uint32_t)g->nodes[root].x->p[XI_C_TEXT]));
      else if (rc == 0 && it->conv == 'S' && xiG_is_dtype(g, root)) /* "a" + x.dtype */
        rc = xiX_fail(err, it->pos, "TypeError: can only concatenate str (not "
                                    "\"numpy.dtype[%s]\") to str: str(x.dtype) is its name",
                      xiS_name(&g->sym, (uint32_t)g->nodes[root].x->p[XI_C_TEXT]));
      else if (rc == 0 && it->conv == 'S' && xiG_kind(g, root) != XI_C_STR) /* "a" + x */
        rc = xiX_fail(err, it->pos, "TypeError: can only concatenate str (not %s%s%s) to str: "
                                    "str(x) is x's text, \"loss \" + str(L)",
                      xiG_kind(g, root) >= 0 ? "\"" : "",
                      xiG_kind(g, root) >= 0 ? xiG_kind_name(xiG_kind(g, root))
                      : xiG_is_tensor(&g->nodes[root]) ? "an array" : "a number",
                      xiG_kind(g, root) >= 0 ? "\"" : "");
      else if (rc == 0)
        rc = value_text(s, b, root, it->text, it->len, st->cmd == 1, it->conv == 'r', &note,
                        it->pos, err);
      if (!values)
        xiG_truncate(g, mark);
    }
  }
  if (rc) {
    b->n = 0;
    xiW_free(&note);
    return rc;
  }
  if (st->kind == S_ASSERT) { /* an assert's message: the error's text, as Python's */
    xiR_warnings(s);
    int raised = st->has_number - 1; /* raise C(msg): C's name, then str(e) */
    const char *cls = raised >= 0 ? xiP_exc_name(raised) : "AssertionError";
    rc = b->failed  ? xiX_fail(err, st->pos, "%s", xiW_why(b))
         : raised >= 0 && st->nitems <= 1 ? xiX_fail(err, st->pos, "%s", cls)
         : st->nitems ? xiX_fail(err, st->pos, "%s: %.*s", cls, (int)b->n, b->s)
                      : xiX_fail(err, st->pos, "AssertionError (the assert's condition is false)");
    s->raised_cls = -1;
    if (raised >= 0 && !b->failed) { /* its text is known exactly: an except's e holds it */
      s->raised_cls = raised;
      snprintf(s->raised, sizeof s->raised, "%s", err->msg);
      s->raised_text = st->nitems <= 1 ? strlen(s->raised) : strlen(cls) + 2;
    }
    xiW_free(&note);
    b->n = 0, b->failed = 0;
    return rc;
  }
  xiW_str(b, st->end ? st->end : "\n", st->end ? strlen(st->end) : 1);
  xiR_warnings(s); /* Python warns as the values are computed, before it prints */
  rc = b->failed || note.failed ? xiX_fail(err, st->pos, "%s", xiW_why(b->failed ? b : &note)) : 0;
  if (rc == 0) {
    fwrite(b->s, 1, b->n, stdout);
    if (note.n && b->n && b->s[b->n - 1] != '\n') /* (print(x, end="")) */
      fputc('\n', stdout);
    if (note.n)
      fwrite(note.s, 1, note.n, stdout);
  }
  xiW_free(&note);
  b->n = 0, b->failed = 0;
  return rc;
}

int xiR_print(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return print_to(s, &s->out, st, NULL, err);
}

int xiR_assert_message(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiP_stmt m = *st; /* the message alone: items[0] is the condition */
  m.items = st->items + 1, m.nitems = st->nitems - 1;
  return print_to(s, &s->out, &m, NULL, err);
}

int xiR_print_hook(void *ctx, xiG_graph *g, uint32_t layout, const uint32_t *values,
                   uint32_t n, xi_pos at, xi_err *err) {
  xiR_session *s = ctx;
  xiP_stmt st;
  if (xiP_print_layout(xiS_name(&g->sym, layout), xiS_len(&g->sym, layout), &st))
    return xiX_fail(err, at, "out of memory");
  uint32_t want = 0;
  for (uint32_t k = 0; k < st.nitems; k++)
    want += st.items[k].kind == I_VALUE;
  st.pos = at;
  xiW_buf b = {0}; /* (not s->out: a print may call the def whose print this is) */
  int rc = want == n ? print_to(s, &b, &st, values, err)
                     : xiX_fail(err, at, "print's layout does not match its values");
  xiW_free(&b);
  xiP_stmt_done(&st);
  return rc;
}

