/* pyrun.c: Python's statements, run: print (values as Python and NumPy print
 * them: show/pyfmt.c), import (a note for a module xi does not have), for
 * over range(...), if / elif / else, a, b = ... and x[i] op= ... (the binding
 * rules themselves are the tape's, in tape/names.c). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "show/pyfmt.h"

/* ---- print ---- */

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
static int py_value(xiR_session *s, xiW_buf *b, uint32_t i, const xiO_view *v, const char *spec,
                    size_t len, int repr, xiW_buf *note, xi_pos at, xi_err *err) {
  xiW_proof pf;
  if (xiR_prove_value(s, i, &pf, at, err))
    return -1;
  xiO_view shown = *v;
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
    if (repr)
      xiW_py_str_repr(b, t);
    else
      xiW_str(b, t, strlen(t));
    return 0;
  }
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
  if (kind >= XI_C_KEYS) { /* dict_keys([...]): the dict's keys, values or pairs */
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
  const char *open = kind == XI_C_LIST ? "[" : kind == XI_C_DICT ? "{" : "(";
  const char *close = kind == XI_C_LIST ? "]" : kind == XI_C_DICT ? "}"
                      : x->nargs == 1    ? ",)" : ")";
  xiW_str(b, open, 1);
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
  if (kind == XI_C_STR && len) { /* f"{name:>8}" */
    char why[256];
    const char *t = xiS_name(&s->g.sym, (uint32_t)n->x->p[XI_C_TEXT]);
    return xiW_py_format_str(b, t, spec, len, why, sizeof why) ? xiX_fail(err, at, "%s", why)
                                                                : 0;
  }
  if (kind >= 0) {
    if (len)
      return xiX_fail(err, at, "TypeError: unsupported format string passed to %s.__format__",
                      xiG_kind_name(kind));
    return container_text(s, b, i, repr, xi, note, at, err);
  }
  if (xi) {
    xiO_view v = xiG_view(n);
    xiW_proof pf;
    if (xiR_prove_value(s, i, &pf, at, err))
      return -1;
    xiW_value_proven(b, &v, &pf, s->digits, -1, 0);
    return 0;
  }
  xiO_view v = xiG_view(n);
  return py_value(s, b, i, &v, spec, len, repr, note, at, err);
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

int xiR_print(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  xiW_buf *b = &s->out;
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
      rc = xiG_exec(g, &it->code, NULL, NULL, 0, &root, err);
      if (rc == 0)
        rc = value_text(s, b, root, it->text, it->len, st->cmd == 1, it->conv == 'r', &note,
                        it->pos, err);
      xiG_truncate(g, mark);
    }
  }
  if (rc) {
    b->n = 0;
    xiW_free(&note);
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

/* ---- import ---- */

int xiR_import(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)err;
  s->py_import = 1; /* the code is Python's: assignments show nothing from now on */
  xiR_python_numbers(s, st->pos); /* and its numbers are binary64, as NumPy's */
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    if (TAG_KIND(xiS_tag(&s->g.sym, it->name)) != TAG_FOREIGN)
      continue;
    const char *alias = xiS_name(&s->g.sym, it->name);
    int n = (int)(it->end - it->off);
    const char *m = s->src + it->off;
    fflush(stdout);
    fprintf(stderr, "%s:%u:%u: note: xi has no %.*s: the import is accepted, and using %s is "
                    "an error (only numpy's functions are available)\n",
            s->file ? s->file : "xi", it->pos.line, it->pos.col, n, m, alias);
  }
  return 0;
}

/* ---- for, if ---- */

/* range(...)'s numbers: whole numbers, as Python insists */
static int range_of(xiR_session *s, const xiP_stmt *st, long long r[3], xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, t;
  if (xiG_exec(g, &st->code, NULL, NULL, 0, &t, err))
    return -1;
  const xiG_ext *x = g->nodes[t].x;
  long long v[3] = {0, 0, 1};
  int rc = 0;
  for (uint32_t k = 0; k < x->nargs && rc == 0; k++) {
    xiG_node *n = &g->nodes[x->args[k]];
    if (n->x || xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT || !mpfr_integer_p(n->v) ||
        mpfr_cmpabs_ui(n->v, 1ul << 52) > 0)
      rc = xiX_fail(err, n->pos, "range takes whole numbers (ints; a float such as 3.0 "
                                 "is refused, as in Python)");
    else
      v[x->nargs == 1 ? 1 : k] = mpfr_get_sj(n->v, MPFR_RNDN);
  }
  xiG_truncate(g, mark);
  if (rc == 0 && v[2] == 0)
    rc = xiX_fail(err, st->pos, "range's step is 0");
  memcpy(r, v, sizeof v);
  return rc;
}

/* the loop's name takes the whole number i, as `name = i` would */
static int bind_counter(xiR_session *s, const xiP_stmt *st, long long i, xi_err *err) {
  xiG_graph *g = &s->g;
  char text[32];
  int len = snprintf(text, sizeof text, "%lld", i);
  uint32_t sym = xiS_intern(&g->sym, text, (size_t)len), mark = g->n, node, bound;
  if (sym == XI_NONE || (node = xiG_constant(g, sym, st->target_pos)) == XI_NONE)
    return xiG_oom(g, st->target_pos, err);
  xiP_ins lit = {K_NUM, 0, 0, 0, sym, st->target_pos};
  xiP_code code = {&lit, 1, 1};
  if (xiG_assign(g, st->name, node, mark, &code, st->target_pos, &bound, err))
    return -1;
  if (xiR_python(s)) /* for step in range(5): step is Python's name from now on */
    xiP_named(&g->sym, st->name, 1);
  return 0;
}

/* name takes item, as name = item would: a literal becomes a leaf of its own */
static int bind_item(xiR_session *s, uint32_t name, uint32_t item, xi_pos at, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t bound;
  xiP_ins lit = {K_NUM, 0, 0, 0, g->nodes[item].aux, at};
  xiP_code code = {&lit, 1, 1};
  int literal = g->nodes[item].op == XI_CONST;
  if (xiG_assign(g, name, item, g->n, literal ? &code : NULL, at, &bound, err))
    return -1;
  if (xiR_python(s)) /* for sum in xs: sum is Python's name from now on */
    xiP_named(&g->sym, name, 1);
  return 0;
}

/* the loop's names take item: one name the whole item, several its items */
static int bind_targets(xiR_session *s, const xiP_stmt *st, uint32_t item, xi_err *err) {
  xiG_graph *g = &s->g;
  if (st->nnames == 1)
    return bind_item(s, st->names[0], item, st->name_pos[0], err);
  int kind = xiG_kind(g, item);
  if ((kind != XI_C_TUPLE && kind != XI_C_LIST) || g->nodes[item].x->nargs != st->nnames)
    return xiX_fail(err, st->target_pos, "%u names take each item here, and this item is %s "
                    "(cannot unpack, as Python says)", st->nnames,
                    kind == XI_C_TUPLE || kind == XI_C_LIST ? "of another length" : "one value");
  for (uint32_t k = 0; k < st->nnames; k++)
    if (bind_item(s, st->names[k], g->nodes[item].x->args[k], st->name_pos[k], err))
      return -1;
  return 0;
}

/* for x in xs: the container is pinned (kept, and followed when the body
   changes it in place, as Python's loop sees its list grow); a dict's size
   must not change, as Python insists */
static int for_walk(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, c, n0, n;
  if (xiG_exec(g, &st->code, NULL, NULL, 0, &c, err) || xiG_walk_len(g, c, st->pos, &n0, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  if (xiG_pin(g, c)) {
    xiG_truncate(g, mark);
    return xiG_oom(g, st->pos, err);
  }
  uint32_t pin = g->npins - 1;
  int kind = xiG_kind(g, c), sized = kind == XI_C_DICT || kind >= XI_C_KEYS;
  int failures = 0, rc = 0;
  s->repeats++;
  for (uint32_t k = 0; !failures && rc == 0; k++) {
    if (s->quit || s->stop || s->interrupt)
      break;
    uint32_t item;
    c = g->pins[pin];
    if ((rc = xiG_walk_len(g, c, st->pos, &n, err)))
      break;
    if (sized && n != n0) {
      rc = xiX_fail(err, st->pos, "dictionary changed size during iteration (RuntimeError, as "
                                  "in Python): loop over list(d) to change it");
      break;
    }
    if (k >= n)
      break;
    if ((rc = xiG_walk_item(g, c, k, st->pos, &item, err)) || (rc = bind_targets(s, st, item, err)))
      break;
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
  }
  s->repeats--;
  xiG_unpin(g);
  if (rc)
    return rc;
  if (failures)
    return XI_REPORTED;
  return s->interrupt ? xiX_fail(err, st->pos, "interrupted") : 0;
}

int xiR_for(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  if (st->iterable)
    return for_walk(s, st, err);
  long long r[3];
  if (range_of(s, st, r, err))
    return -1;
  s->repeats++;
  int failures = 0;
  for (long long i = r[0]; (r[2] > 0 ? i < r[1] : i > r[1]) && !failures; i += r[2]) {
    if (s->quit || s->stop || s->interrupt)
      break;
    if (bind_counter(s, st, i, err)) {
      s->repeats--;
      return -1;
    }
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    if (xiR_loop_break(s))
      break;
  }
  s->repeats--;
  if (failures)
    return XI_REPORTED;
  return s->interrupt ? xiX_fail(err, st->pos, "interrupted") : 0;
}

int xiR_loop_break(xiR_session *s) {
  int brk = s->jump == XI_JUMP_BREAK;
  s->jump = 0;
  return brk;
}

/* Python's truth of a condition: one number, true when it is not 0 */
static int truth(xiR_session *s, const xiP_item *it, const char *what, int *holds,
                 xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, c;
  if (xiG_exec(g, &it->code, NULL, NULL, 0, &c, err))
    return -1;
  if (xiG_kind(g, c) >= 0) { /* if xs: a list, a dict, a string is true when not empty */
    int rc = xiG_py_truth(g, c, it->pos, holds, err);
    xiG_truncate(g, mark);
    return rc;
  }
  int rc = xiG_no_tuple(g, c, it->pos, what, err);
  if (rc == 0 && xiG_count(&g->nodes[c]) != 1)
    rc = xiX_fail(err, it->pos, "%s takes one number, and this is an array of %u: its "
                                "truth is ambiguous (NumPy says so too)",
                  what, xiG_count(&g->nodes[c]));
  if (rc == 0)
    *holds = !mpfr_zero_p(xiG_el(&g->nodes[c], 0)); /* NaN is true, as in Python */
  xiG_truncate(g, mark);
  return rc;
}

/* while c: as Python's, for as long as c holds; Ctrl-C stops it, and the
   memory it may take is the session's budget (what no name reaches is
   collected after each statement) */
int xiR_while(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  int failures = 0, holds = 1, rc = 0;
  s->repeats++;
  while (!failures && !s->quit && !s->stop && !s->interrupt) {
    if ((rc = truth(s, &st->items[0], "a while", &holds, err)) != 0 || !holds)
      break;
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    if (xiR_loop_break(s))
      break;
  }
  s->repeats--;
  if (rc)
    return -1;
  if (failures)
    return XI_REPORTED;
  return s->interrupt ? xiX_fail(err, st->pos, "interrupted") : 0;
}

int xiR_if(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    int holds = 1;
    if (it->kind == I_COND && truth(s, it, "an if", &holds, err))
      return -1;
    if (holds)
      return xiR_run_span(s, it->off, it->end, it->at, 1) ? XI_REPORTED : 0;
  }
  return 0;
}

/* ---- a, b = ...; x[i] op= ... ---- */

int xiR_unpack(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  uint32_t *bound = malloc(st->nnames * sizeof *bound);
  if (!bound)
    return xiX_fail(err, st->pos, "out of memory");
  int rc = xiR_evaluate(s, st, &root, err);
  if (rc == 0)
    rc = xiG_unpack(g, st->names, st->name_pos, st->nnames, root, mark, &st->code, bound, err);
  if (rc)
    xiG_truncate(g, mark);
  for (uint32_t k = 0; rc == 0 && xiR_python(s) && k < st->nnames; k++)
    xiP_named(&g->sym, st->names[k], 1); /* Python's names from now on */
  for (uint32_t k = 0; rc == 0 && k < st->nnames && !st->quiet && !xiR_python(s); k++)
    rc = xiR_print_node(s, 0, xiS_name(&g->sym, st->names[k]), bound[k], 0, st->pos, err);
  free(bound);
  return rc;
}

/* xs.append(v): every place holding xs takes the new list (tape/pymut.c) */
int xiR_mutate(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, now, places;
  if (xiR_evaluate(s, st, &root, err) ||
      xiG_leafify(g, g->nodes[root].x->args[1], mark, st->pos, &now, err) ||
      xiG_replace(g, g->nodes[root].x->args[0], now, st->pos, &places, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  return 0;
}

/* x[i] op= v in Python's code: the pair (x, the new x), and the rules of a
   change in place (tape/pymut.c) */
static int py_index_set(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, bound;
  int op = st->code.ins[st->code.n - 2].spare; /* K_INDEXSET's, then the pair's K_TUPLE */
  if (xiR_evaluate(s, st, &root, err) ||
      xiG_changed(g, st->name, g->nodes[root].x->args[0], g->nodes[root].x->args[1], op, mark,
                  st->target_pos, &bound, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  if (st->quiet || xiR_python(s) || st->name == XI_NONE)
    return 0;
  return xiR_print_node(s, 0, xiS_name(&g->sym, st->name), bound, 0, st->pos, err);
}

int xiR_index_set(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  if (st->pair)
    return py_index_set(s, st, err);
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, bound;
  if (xiR_evaluate(s, st, &root, err) ||
      xiG_index_update(g, st->name, root, mark, st->target_pos, &bound, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  if (st->quiet || xiR_python(s))
    return 0;
  return xiR_print_node(s, 0, xiS_name(&g->sym, st->name), bound, 0, st->pos, err);
}
