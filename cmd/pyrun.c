/* pyrun.c: Python's statements, run: import (a note for a module xi does
 * not have), for over range(...), if / elif / else, a, b = ... and x[i] op=
 * ... (the binding rules themselves are the tape's, in tape/names.c); print
 * is pytext.c's. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "tape/names.h"

/* ---- import ---- */

int xiR_import(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  s->py_import = 1; /* the code is Python's: assignments show nothing from now on */
  xiR_python_numbers(s, st->pos); /* and its numbers are binary64, as NumPy's */
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    if (TAG_KIND(xiS_tag(&s->g.sym, it->name)) != TAG_FOREIGN)
      continue;
    const char *alias = xiS_name(&s->g.sym, it->name);
    int n = (int)(it->end - it->off);
    const char *m = s->src + it->off;
    int plots = (n >= 10 && memcmp(m, "matplotlib", 10) == 0) || (n >= 7 && !memcmp(m, "seaborn", 7));
    if (s->trying_import && !plots) { /* try: import tqdm / except ImportError: xi has none */
      int top = 0;
      while (top < n && m[top] != '.')
        top++;
      return xiX_fail(err, it->pos, "ModuleNotFoundError: No module named '%.*s'", top, m);
    }
    fflush(stdout);
    if (plots)
      fprintf(stderr, "%s:%u:%u: note: xi has no %.*s: the import is accepted; xi draws no "
                      "plots, so a statement that starts with %s. is skipped, and a value of "
                      "%s's is an error\n",
              s->file ? s->file : "xi", it->pos.line, it->pos.col, n, m, alias, alias);
    else
      fprintf(stderr, "%s:%u:%u: note: xi has no %.*s: the import is accepted, and using %s is "
                      "an error (only numpy's functions are available)\n",
              s->file ? s->file : "xi", it->pos.line, it->pos.col, n, m, alias);
  }
  return 0;
}

int xiR_skipped(xiR_session *s, const xiP_stmt *st) {
  if (s->skip_noted[st->cmd])
    return 0;
  s->skip_noted[st->cmd] = 1;
  fflush(stdout);
  fprintf(stderr, "%s:%u:%u: note: %s\n", s->file ? s->file : "xi", st->pos.line, st->pos.col,
          st->cmd == XI_SKIP_MAGIC
              ? "IPython's magics that set up its display or imports (%matplotlib, %config, "
                "%load_ext, %autoreload) are skipped: xi has nothing to set up"
              : "xi draws no plots: this statement and the plotting statements after it are "
                "skipped (what they compute is not drawn, and nothing else reads it)");
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
  uint32_t vals[8];
  if (st->nnames > 8 ||
      xiG_targets(g, item, st->nnames, st->slot, st->nslots, st->target_pos, vals, err))
    return st->nnames > 8 ? xiX_fail(err, st->target_pos, "more than 8 names") : -1;
  for (uint32_t k = 0; k < st->nnames; k++)
    if (bind_item(s, st->names[k], vals[k], st->name_pos[k], err))
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
  xiG_loop_enter(g);
  for (uint32_t k = 0; !failures && rc == 0; k++) {
    if (s->quit || s->stop || s->interrupt)
      break;
    xiR_loop_step(s, k);
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
    if (xiR_loop_break(s)) /* (continue: on to the next item; either is the loop's own) */
      break;
  }
  xiR_loop_end(s);
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
  xiG_loop_enter(&s->g);
  int failures = 0;
  uint32_t k = 0;
  for (long long i = r[0]; (r[2] > 0 ? i < r[1] : i > r[1]) && !failures; i += r[2], k++) {
    if (s->quit || s->stop || s->interrupt)
      break;
    if (bind_counter(s, st, i, err)) {
      xiR_loop_end(s);
      s->repeats--;
      return -1;
    }
    xiR_loop_step(s, k);
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    if (xiR_loop_break(s))
      break;
  }
  xiR_loop_end(s);
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
  xiG_loop_enter(&s->g);
  for (uint32_t k = 0; !failures && !s->quit && !s->stop && !s->interrupt; k++) {
    if ((rc = truth(s, &st->items[0], "a while", &holds, err)) != 0 || !holds)
      break;
    xiR_loop_step(s, k);
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    if (xiR_loop_break(s))
      break;
  }
  xiR_loop_end(s);
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

int xiR_assert(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  int holds = 1;
  if (truth(s, &st->items[0], "an assert", &holds, err))
    return -1;
  return holds ? 0 : xiR_assert_message(s, st, err);
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
