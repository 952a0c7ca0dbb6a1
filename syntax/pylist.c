/* pylist.c: Python's values in Python's code (a .py file, or a session after
 * import): [a, b] a list, {'k': v} a dict, "text" a string, [e for x in xs
 * if c] a comprehension, x[a:b:k] a slice, and the targets of a for.  In
 * xi's own language [a, b] stays a vector (expr.c), and inside np.array(...)
 * brackets make an array in both: np.array([[1, 2], [3, 4]]) is the matrix
 * it always was.  The values themselves are the tape's (tape/pyval.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

#define XI_DISPLAY_MAX 65535 /* items written in one [...] or {...} */

/* the string of text[0, n): a K_STR */
static void emit_text(xiP_parser *p, xiP_code *c, const char *text, size_t n, xi_pos at) {
  if (memchr(text, '\0', n))
    xiP_fail(p, at, "a string holding the character \\0 is not part of xi");
  xiP_emit(p, c, (xiP_ins){K_STR, 0, 0, 0, xiP_intern(p, text, n, at), at});
}

/* f"...{x!r:>5}..." used as a value: its texts and fields joined by +, each
   field format(x, spec) written by the tape (tape/pystrtmpl.c: ints, bools
   and strings exactly; a float refused there, as print writes its digits) */
static void fstring_value(xiP_parser *p, xiP_code *c, xiP_stmt *st, xi_pos at) {
  int pieces = 0;
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    if (it->kind == I_TEXT) { /* the texts side by side: one piece */
      size_t n = 0;
      uint32_t e = k;
      for (; e < st->nitems && st->items[e].kind == I_TEXT; e++)
        n += st->items[e].len;
      char *t = malloc(n + 1);
      if (!t)
        xiP_fail(p, it->pos, "out of memory");
      n = 0;
      for (uint32_t q = k; q < e; q++) {
        memcpy(t + n, st->items[q].text, st->items[q].len);
        n += st->items[q].len;
      }
      t[n] = '\0';
      int nul = memchr(t, '\0', n) != NULL;
      uint32_t id = nul ? XI_NONE : xiS_intern(p->sym, t, n);
      free(t);
      if (nul)
        xiP_fail(p, it->pos, "a string holding the character \\0 is not part of xi");
      if (id == XI_NONE)
        xiP_fail(p, it->pos, "out of memory");
      xiP_emit(p, c, (xiP_ins){K_STR, 0, 0, 0, id, it->pos});
      k = e - 1;
    } else {
      if (it->debug) { /* f"{x=}": x's text and '=' first */
        emit_text(p, c, p->lx.src + it->off, it->end - it->off, it->pos);
        emit_text(p, c, "=", 1, it->pos);
        xiP_emit_op(p, c, XI_ADD, it->pos);
        if (pieces++)
          xiP_emit_op(p, c, XI_ADD, it->pos);
      }
      char *t = malloc(it->len + 8);
      if (!t)
        xiP_fail(p, it->pos, "out of memory");
      size_t n = 0;
      t[n++] = '{';
      if (it->conv)
        t[n++] = '!', t[n++] = it->conv;
      if (it->text) {
        t[n++] = ':';
        memcpy(t + n, it->text, it->len);
        n += it->len;
      }
      t[n++] = '}';
      uint32_t id = xiS_intern(p->sym, t, n);
      free(t);
      if (id == XI_NONE)
        xiP_fail(p, it->pos, "out of memory");
      xiP_emit(p, c, (xiP_ins){K_STR, 0, 0, 0, id, it->pos});
      for (uint32_t i = 0; i < it->code.n; i++)
        xiP_emit(p, c, it->code.ins[i]);
      xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_FIELD, 0, 2, 0, it->pos});
    }
    if (pieces++)
      xiP_emit_op(p, c, XI_ADD, it->pos);
  }
  if (!pieces) /* f"": the empty string */
    emit_text(p, c, "", 0, at);
}

/* "a" 'b' f"{c}" side by side: one string, a value.  Their texts and fields
   are items of a statement held on the parser, so a later string that fails
   (b"...", \N{...}) lets them go with the rest (xiP_unwind) */
void xiP_py_string(xiP_parser *p, xiP_code *c) {
  xiL_token first = *xiP_peek(p);
  xiP_stmt tmp;
  memset(&tmp, 0, sizeof tmp);
  xiP_held held;
  xiP_hold(p, &held, &tmp);
  while (xiP_is(p, T_STRING)) {
    xiL_token t = xiP_take(p);
    xiP_string_items(p, &tmp, &t);
  }
  int fields = 0;
  for (uint32_t k = 0; k < tmp.nitems; k++)
    fields |= tmp.items[k].kind != I_TEXT;
  if (fields) {
    fstring_value(p, c, &tmp, first.pos);
  } else {
    size_t n = 0;
    for (uint32_t k = 0; k < tmp.nitems; k++)
      n += tmp.items[k].len;
    char *all = malloc(n + 1);
    if (!all)
      xiP_fail(p, first.pos, "out of memory");
    n = 0;
    for (uint32_t k = 0; k < tmp.nitems; k++) {
      memcpy(all + n, tmp.items[k].text, tmp.items[k].len);
      n += tmp.items[k].len;
    }
    int nul = memchr(all, '\0', n) != NULL;
    uint32_t id = nul ? XI_NONE : xiS_intern(p->sym, all, n);
    free(all);
    if (nul)
      xiP_fail(p, first.pos, "a string holding the character \\0 is not part of xi");
    if (id == XI_NONE)
      xiP_fail(p, first.pos, "out of memory");
    xiP_emit(p, c, (xiP_ins){K_STR, 0, 0, 0, id, first.pos});
  }
  xiP_unhold(p, &held);
  xiP_stmt_done(&tmp);
}

/* ---- comprehensions ---- */

/* the names after for: x, or x, y, or (x, y), or i, (x, y) (one level nested);
   into names (at most max), and each one's place among the item's: slot[k]
   (*nslots of them; 0: none nested, each name takes one) */
uint32_t xiP_for_targets(xiP_parser *p, uint32_t *names, xi_pos *at, uint32_t max,
                         uint8_t *slot, uint32_t *nslots) {
  int nested = 0, comma = 0;
  uint32_t n = 0, s = 0;
  do { /* (x, y) alone is one place whose names are the item's: a place each */
    xiL_token open = *xiP_peek(p);
    int group = open.type == T_LP;
    if (group)
      xiP_take(p);
    uint32_t first = n;
    do {
      if (group && xiP_is(p, T_RP))
        break;
      if (xiP_is(p, T_LP) || xiP_is(p, T_LBRACK))
        xiP_fail(p, xiP_peek(p)->pos, "targets nested more than once, or in brackets, are not "
                                      "part of xi: take the item whole and unpack it, a, b = x");
      xiL_token v = xiP_expect(p, T_NAME, "a name to take each item, as in for x in xs:");
      xiP_bindable(p, &v);
      if (n == max)
        xiP_fail(p, v.pos, "more than %u names to unpack into", max);
      at[n] = v.pos;
      slot[n] = (uint8_t)s;
      names[n++] = xiP_name_id(p, &v);
      if (xiP_is(p, T_LP) || xiP_is(p, T_LBRACK) || xiP_is(p, T_DOT))
        xiP_fail(p, xiP_peek(p)->pos, "a for's targets are names here: for i, x in "
                                      "enumerate(xs):");
      comma = 0;
    } while (group && xiP_is(p, T_COMMA) && (xiP_take(p), comma = 1));
    if (group) {
      xiP_expect(p, T_RP, "')' after the names");
      if (n == first || (n == first + 1 && comma))
        xiP_fail(p, open.pos, "a target of one item or none, (x,) or (), is not part of xi: "
                              "take the item whole, x, and read x[0]");
      nested |= n > first + 1;
    }
    s++;
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  *nslots = nested && s > 1 ? s : 0;
  return n;
}

/* [e for x in xs if c]: e's code is c->ins[start..] already; it moves after
   the iterable's code and the header (parse.h: K_COMP) */
static void comprehension(xiP_parser *p, xiP_code *c, uint32_t start, xi_pos at, int stop) {
  xiP_code elem = {NULL, 0, 0}, cond = {NULL, 0, 0};
  elem.n = c->n - start;
  elem.cap = elem.n;
  elem.ins = malloc((elem.n ? elem.n : 1) * sizeof *elem.ins);
  if (!elem.ins)
    xiP_fail(p, at, "out of memory");
  memcpy(elem.ins, c->ins + start, elem.n * sizeof *elem.ins);
  c->n = start;
  jmp_buf outer;
  memcpy(outer, p->fail, sizeof outer);
  if (setjmp(p->fail)) { /* the two buffers are freed, then the error goes on */
    memcpy(p->fail, outer, sizeof outer);
    xiP_code_free(&elem);
    xiP_code_free(&cond);
    xiP_unwind(p);
  }
  xiP_take(p); /* for */
  uint32_t names[8], nslots;
  xi_pos pos[8];
  uint8_t slot[8];
  uint32_t n = xiP_for_targets(p, names, pos, 8, slot, &nslots);
  xiL_token in = *xiP_peek(p);
  if (xiP_keyword(xiP_tag_of(p, &in)) != KW_IN)
    xiP_unexpected(p, "in, as in [f(x) for x in xs]");
  xiP_take(p);
  int comp = p->comp;
  p->comp = 1; /* an if after the iterable is the comprehension's */
  xiP_expr(p, c);
  p->comp = comp;
  if (xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_IF) {
    xiP_take(p);
    p->comp = 2; /* (an if after the condition would be another filter; in is an operator) */
    xiP_expr(p, &cond);
    p->comp = comp;
  }
  int flatten = 0;
  if (xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
    /* [e for a in A for b in B]: each a's [e for b in B], joined (sum(lists, [])) */
    if (stop != XI_COMP_EVERY)
      xiP_fail(p, xiP_peek(p)->pos, "all() or any() of a generator with two fors is not part "
                                    "of xi: write the loops as for statements");
    comprehension(p, &elem, 0, at, XI_COMP_EVERY);
    flatten = 1;
  }
  if (cond.n > UINT16_MAX || elem.n > UINT16_MAX)
    xiP_fail(p, at, "this comprehension is too long");
  xiP_ins head = {K_COMP, (uint8_t)n, (uint8_t)stop, (uint16_t)cond.n, nslots, at};
  xiP_emit(p, c, head);
  for (uint32_t k = 0; k < n; k++) {
    xiP_ins name = {K_NAME, 0, slot[k], 0, names[k], pos[k]};
    xiP_emit(p, c, name);
  }
  for (uint32_t k = 0; k < cond.n; k++)
    xiP_emit(p, c, cond.ins[k]);
  xiP_ins mid = {K_COMP, 0, 0, (uint16_t)elem.n, 0, at};
  xiP_emit(p, c, mid);
  for (uint32_t k = 0; k < elem.n; k++)
    xiP_emit(p, c, elem.ins[k]);
  if (flatten) {
    xiP_emit(p, c, (xiP_ins){K_TUPLE, XI_C_LIST, 0, 0, 0, at}); /* (Python's []) */
    xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_SUM, 0, 2, 0, at});
  }
  memcpy(p->fail, outer, sizeof outer);
  xiP_code_free(&elem);
  xiP_code_free(&cond);
}

void xiP_py_generator(xiP_parser *p, xiP_code *c, uint32_t start, xi_pos at, int stop) {
  comprehension(p, c, start, at, stop);
}

/* ---- in ---- */

/* in, or not in, after an operand (taken, where *at): 1, 2, or 0 (nothing taken) */
int xiP_membership(xiP_parser *p, xi_pos *at) {
  if (!p->python || p->no_compare == XI_NC_IN || p->comp == 1) /* (1: a for's iterable) */
    return 0;
  xiL_token t = *xiP_peek(p);
  int kw = t.type == T_NAME ? xiP_keyword(xiP_tag_of(p, &t)) : -1;
  *at = t.pos;
  if (kw == KW_IN) {
    xiP_take(p);
    return 1;
  }
  if (kw != KW_NOT)
    return 0;
  xiP_take(p);
  xiL_token n = *xiP_peek(p);
  if (n.type == T_NAME && xiP_keyword(xiP_tag_of(p, &n)) == KW_IN) {
    xiP_take(p);
    return 2;
  }
  xiP_put_back(p, &t);
  return 0;
}

/* ---- displays ---- */

void xiP_py_list(xiP_parser *p, xiP_code *c) {
  xiL_token open = xiP_take(p);
  uint32_t n = 0, start = c->n;
  int saved = p->no_compare;
  p->no_compare = 0;
  while (!xiP_is(p, T_RBRACK)) {
    xiP_expr(p, c);
    if (n == 0 && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
      comprehension(p, c, start, open.pos, XI_COMP_EVERY);
      xiP_expect(p, T_RBRACK, "']' after the comprehension");
      p->no_compare = saved;
      return;
    }
    if (++n > XI_DISPLAY_MAX)
      xiP_fail(p, open.pos, "a list of more than %d items written out", XI_DISPLAY_MAX);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RBRACK, "',' or ']' in the list");
  p->no_compare = saved;
  xiP_ins ins = {K_TUPLE, XI_C_LIST, 0, (uint16_t)n, 0, open.pos};
  xiP_emit(p, c, ins);
}

/* {a, b} and {e for x in xs}, the first item read: set([a, b]) and set([e for x in
   xs]), Python's set made of the list (tape/pyset.c) */
static void set_display(xiP_parser *p, xiP_code *c, uint32_t start, xiL_token open) {
  if (xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
    comprehension(p, c, start, open.pos, XI_COMP_EVERY);
    xiP_expect(p, T_RBRACE, "'}' after the set comprehension");
  } else {
    uint32_t n = 1;
    while (xiP_is(p, T_COMMA)) {
      xiP_take(p);
      if (xiP_is(p, T_RBRACE))
        break;
      xiP_expr(p, c);
      if (++n > XI_DISPLAY_MAX)
        xiP_fail(p, open.pos, "a set of more than %d items written out", XI_DISPLAY_MAX);
    }
    xiP_expect(p, T_RBRACE, "',' or '}' in the set");
    xiP_emit(p, c, (xiP_ins){K_TUPLE, XI_C_LIST, 0, (uint16_t)n, 0, open.pos});
  }
  xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_SET, 0, 1, 0, open.pos});
}

void xiP_py_dict(xiP_parser *p, xiP_code *c) {
  xiL_token open = xiP_take(p);
  uint32_t n = 0, start = c->n;
  int saved = p->no_compare;
  p->no_compare = 0;
  while (!xiP_is(p, T_RBRACE)) {
    if (xiP_is(p, T_POW))
      xiP_fail(p, xiP_peek(p)->pos, "{**d} is not part of xi: dict(d) copies a dict");
    xiP_expr(p, c);
    if (!xiP_is(p, T_COLON) && n == 0) { /* {a, b}: a set */
      set_display(p, c, start, open);
      p->no_compare = saved;
      return;
    }
    if (!xiP_is(p, T_COLON))
      xiP_fail(p, xiP_peek(p)->pos, "expected ':' and the value");
    xiP_take(p);
    xiP_expr(p, c);
    if (n == 0 && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
      /* {k: v for x in xs}: dict([(k, v) for x in xs]), which Python's is (the key
         computed first, a later equal key's value in the first one's place) */
      xiP_ins pair = {K_TUPLE, XI_C_TUPLE, 0, 2, 0, open.pos};
      xiP_emit(p, c, pair);
      comprehension(p, c, start, open.pos, XI_COMP_EVERY);
      xiP_expect(p, T_RBRACE, "'}' after the dict comprehension");
      p->no_compare = saved;
      xiP_ins dict = {K_PY, XI_PY_DICT, 0, 1, 0, open.pos};
      xiP_emit(p, c, dict);
      return;
    }
    if (2 * ++n > XI_DISPLAY_MAX)
      xiP_fail(p, open.pos, "a dict of more than %d items written out", XI_DISPLAY_MAX / 2);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RBRACE, "',' or '}' in the dict");
  p->no_compare = saved;
  xiP_ins ins = {K_TUPLE, XI_C_DICT, 0, (uint16_t)(2 * n), 0, open.pos};
  xiP_emit(p, c, ins);
}

/* ---- slices ---- */

/* ---- Python's builtins and methods ---- */

static const struct {
  const char *name;
  uint8_t which, lo, hi; /* K_PY's op; how many arguments */
} builtins[] = {
    {"sum", XI_PY_SUM, 1, 2},           {"min", XI_PY_MIN, 1, 255},
    {"max", XI_PY_MAX, 1, 255},         {"list", XI_PY_LIST, 0, 1},
    {"tuple", XI_PY_TUPLE, 0, 1},       {"dict", XI_PY_DICT, 0, 1},
    {"sorted", XI_PY_SORTED, 1, 1},     {"enumerate", XI_PY_ENUMERATE, 1, 2},
    {"zip", XI_PY_ZIP, 0, 16},          {"range", XI_PY_RANGE, 1, 3},
    {"append", XI_PY_APPEND, 1, 1},     {"extend", XI_PY_EXTEND, 1, 1},
    {"keys", XI_PY_KEYS, 0, 0},         {"values", XI_PY_VALUES, 0, 0},
    {"items", XI_PY_ITEMS, 0, 0},       {"get", XI_PY_GET, 1, 2},
    {"index", XI_PY_INDEX, 1, 1},       {"reversed", XI_PY_REVERSED, 1, 1},
    {"set", XI_PY_SET, 0, 1},           {"sort", XI_PY_SORT, 0, 0},
    {"join", XI_PY_JOIN, 1, 1},         {"iternext", XI_PY_ITERNEXT, 0, 0},
    {"all", XI_PY_ALL, 1, 1},           {"any", XI_PY_ANY, 1, 1},
    {"bool", XI_PY_BOOL, 0, 1},         {"count", XI_PY_COUNT, 1, 1},
    {"insert", XI_PY_INSERT, 2, 2},     {"remove", XI_PY_REMOVE, 1, 1},
    {"pop", XI_PY_POP, 0, 2},           {"upper", XI_PY_UPPER, 0, 0},
    {"lower", XI_PY_LOWER, 0, 0},       {"strip", XI_PY_STRIP, 0, 1},
    {"lstrip", XI_PY_LSTRIP, 0, 1},     {"rstrip", XI_PY_RSTRIP, 0, 1},
    {"split", XI_PY_SPLIT, 0, 2},       {"startswith", XI_PY_STARTSWITH, 1, 1},
    {"endswith", XI_PY_ENDSWITH, 1, 1}, {"replace", XI_PY_REPLACE, 2, 3},
    {"str", XI_PY_STR, 0, 1},           {"repr", XI_PY_REPR, 1, 1},
    {"format", XI_PY_FORMAT, 0, 255},  {"fsum", XI_PY_FSUM, 1, 1},
};

/* sorted's key= and reverse=, min's and max's key= (a's keywords, last): their
   values left on the stack in that order after the others; XI_PY_KEY and
   XI_PY_REVERSE for those given */
static int sort_keywords(xiP_parser *p, xiP_code *c, const xiP_callargs *a, int sorted,
                         xiL_token name) {
  int given = 0, first = 0;
  for (int i = a->n - a->nkw; i < a->n; i++) {
    const char *w = xiS_name(p->sym, a->kw[i]);
    int bit = strcmp(w, "key") == 0 ? XI_PY_KEY
              : sorted && strcmp(w, "reverse") == 0 ? XI_PY_REVERSE : 0;
    if (!bit)
      xiP_fail(p, a->pos[i], "keyword argument %s= to %.*s() is not part of xi (%s)", w,
               (int)name.len, p->lx.src + name.off, sorted ? "key= and reverse= are" : "key= is");
    if (given & bit)
      xiP_fail(p, a->pos[i], "keyword argument repeated: %s", w);
    first = first ? first : bit;
    given |= bit;
  }
  if (given == (XI_PY_KEY | XI_PY_REVERSE) && first == XI_PY_REVERSE)
    xiP_emit(p, c, (xiP_ins){K_SWAP, 0, 0, 0, 0, a->pos[a->n - 1]}); /* key under reverse */
  return given;
}

static void py_call(xiP_parser *p, xiP_code *c, xiL_token name, int method) {
  const char *s = p->lx.src + name.off;
  size_t k = 0, nb = sizeof builtins / sizeof *builtins;
  while (k < nb && !(strlen(builtins[k].name) == name.len &&
                     memcmp(builtins[k].name, s, name.len) == 0))
    k++;
  if (k == nb)
    xiP_fail(p, name.pos, "%.*s is not part of xi", (int)name.len, s);
  xiP_callargs a;
  /* sum(e for x in xs), ''.join(e for x in xs): the generator as a list (xs.append(...)'s
     would be a generator object) */
  p->generator = builtins[k].which == XI_PY_ALL   ? 1 + XI_COMP_UNTIL_FALSE
                 : builtins[k].which == XI_PY_ANY ? 1 + XI_COMP_UNTIL_TRUE
                                                  : !method || builtins[k].which == XI_PY_JOIN;
  xiP_call_args(p, c, &a, name);
  int start = builtins[k].which == XI_PY_ENUMERATE && a.nkw == 1 && a.n == 2 &&
              strcmp(xiS_name(p->sym, a.kw[1]), "start") == 0; /* enumerate(xs, start=1) */
  int keyed = 0; /* sorted(xs, key=f, reverse=True), max(d, key=d.get): K_PY's spare */
  int which = builtins[k].which; /* xs.sort(key=f, reverse=True): sorted's keywords */
  if (a.nkw && ((!method && (which == XI_PY_SORTED || which == XI_PY_MIN ||
                             which == XI_PY_MAX)) || (method && which == XI_PY_SORT))) {
    keyed = sort_keywords(p, c, &a, which == XI_PY_SORTED || which == XI_PY_SORT, name);
    a.n -= a.nkw;
    a.nkw = 0;
  }
  if ((a.nkw && !start) || a.dtype >= 0)
    xiP_fail(p, a.nkw ? a.pos[a.n - a.nkw] : name.pos,
             "keyword arguments to %s%.*s() are not part of xi", method ? "." : "",
             (int)name.len, s);
  int lo = builtins[k].lo, hi = builtins[k].hi;
  const char *dot = method ? "." : "";
  if (a.n < lo || a.n > hi) {
    if (lo == hi)
      xiP_fail(p, name.pos, "%s%.*s() takes %d argument%s, not %d", dot, (int)name.len, s, lo,
               lo == 1 ? "" : "s", a.n);
    xiP_fail(p, name.pos, "%s%.*s() takes %d to %d arguments, not %d", dot, (int)name.len, s, lo,
             hi, a.n);
  }
  if (a.star) { /* zip(*rows), and nothing else: the number of zip's arguments is rows' */
    if (a.n != 1 || method)
      xiP_fail(p, name.pos, "zip(*rows) with other arguments is not part of xi: give zip "
                            "the rows alone, or each column, zip(xs, ys)");
    xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_ZIPSTAR, 0, 1, 0, name.pos});
    return;
  }
  if (builtins[k].which == XI_PY_POP && method) { /* xs.pop(i): a method (tape/exec.c) */
    xiP_emit(p, c, (xiP_ins){K_METHOD, 0, 0, (uint16_t)a.n,
                             xiP_intern(p, "pop", 3, name.pos), name.pos});
    return;
  }
  xiP_ins ins = {K_PY, builtins[k].which, (uint8_t)keyed,
                 (uint16_t)(a.n + method + (keyed & 1) + (keyed >> 1)), 0, name.pos};
  ins.arg = method && p->method_base; /* xs.append(v), xs a name: a def checks it is its own */
  xiP_emit(p, c, ins);
}

/* divmod(a, b): the tuple (a // b, a % b), a and b computed once (DUP_TOP_TWO), so
   that each is Python's operator, its ZeroDivisionError included */
static void divmod(xiP_parser *p, xiP_code *c, xiL_token name) {
  xiP_callargs a;
  xiP_call_args(p, c, &a, name);
  if (a.nkw || a.dtype >= 0)
    xiP_fail(p, name.pos, "TypeError: divmod() takes no keyword arguments");
  if (a.n != 2)
    xiP_fail(p, name.pos, "TypeError: divmod expected 2 arguments, got %d", a.n);
  xiP_emit(p, c, (xiP_ins){K_DUP, XI_DUP_TWO, 0, 0, 0, name.pos});
  xiP_emit_op(p, c, XI_FLOORDIV, name.pos);
  xiP_emit(p, c, (xiP_ins){K_SWAP, XI_SWAP_ROT3, 0, 0, 0, name.pos});
  xiP_emit_op(p, c, XI_MOD, name.pos);
  xiP_emit(p, c, (xiP_ins){K_TUPLE, 0, 0, 2, 0, name.pos});
}

void xiP_py_builtin(xiP_parser *p, xiP_code *c, xiL_token name) {
  if (xiP_word_is(p, &name, "divmod"))
    divmod(p, c, name);
  else if (xiP_word_is(p, &name, "isinstance") || xiP_word_is(p, &name, "type"))
    xiP_py_type(p, c, name); /* (pytypes.c) */
  else
    py_call(p, c, name, 0);
}

void xiP_py_method(xiP_parser *p, xiP_code *c, xiL_token name) { py_call(p, c, name, 1); }
