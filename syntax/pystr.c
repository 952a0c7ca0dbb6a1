/* pystr.c: print's text joined by +, as Python writes it:
 * print("Error:" + str(np.mean(np.abs(l2_error)))) (Trask's "A Neural Network
 * in 11 lines of Python") and print("Error after " + str(j) + " iterations").
 * Each part becomes an item of print's argument: a text, or a value whose
 * conversion is Python's str ('s': str(x), what print(x) and f"{x}" write),
 * repr ('r': repr(x)) or 'S' (any other part, a term such as a name holding
 * a string or "-" * 40, whose value is a string made by the tape, tape/pyval.c:
 * it must be a str when it runs, as Python raises TypeError otherwise).  print
 * writes them with the one formatter it has (cmd/pytext.c), so str(x) is
 * print(x)'s text to the digit.  A part of the parser (xiP_, parse.h),
 * called by pyprint.c; what they share is declared in parse_int.h. */
#include <stdlib.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* the word t, '(' after it, is str or repr: its conversion, or 0 */
static char conversion(xiP_parser *p, const xiL_token *t) {
  if (t->type != T_NAME || !p->python)
    return 0;
  return xiP_word_is(p, t, "str") ? 's' : xiP_word_is(p, t, "repr") ? 'r' : 0;
}

/* the parser's state, to look ahead and come back */
typedef struct {
  xiL_lexer lx;
  xiL_token tok;
  int have;
  size_t last;
} mark;

static mark here(xiP_parser *p) { return (mark){p->lx, p->tok, p->have_tok, p->last_end}; }
static void back(xiP_parser *p, const mark *m) {
  p->lx = m->lx, p->tok = m->tok, p->have_tok = m->have, p->last_end = m->last;
}

/* Python's code: a string or str(...) beside a '+' outside brackets, before
   the argument ends (name + ": " + str(v)) */
static int joined(xiP_parser *p) {
  int depth = 0;
  xiL_type prev = T_EOF;
  for (;;) {
    xiL_token t = *xiP_peek(p);
    if (t.type == T_EOF || t.type == T_NL || t.type == T_ERROR ||
        (depth == 0 && (t.type == T_COMMA || t.type == T_RP)))
      return 0;
    if (depth == 0 && ((prev == T_PLUS && (t.type == T_STRING || conversion(p, &t))) ||
                       (prev == T_STRING && t.type == T_PLUS)))
      return 1;
    depth += t.type == T_LP || t.type == T_LBRACK || t.type == T_LBRACE;
    depth -= depth > 0 && (t.type == T_RP || t.type == T_RBRACK || t.type == T_RBRACE);
    prev = t.type;
    xiP_take(p);
  }
}

/* a comparison outside brackets before the argument ends: "a" + str(i) == "a3"
   is a value compared (tape/pystrtmpl.c), not print's text */
static int compared(xiP_parser *p) {
  for (int depth = 0;;) {
    xiL_token t = *xiP_peek(p);
    if (t.type == T_EOF || t.type == T_NL || t.type == T_ERROR ||
        (depth == 0 && (t.type == T_COMMA || t.type == T_RP)))
      return 0;
    if (depth == 0 && (t.type == T_EQEQ || t.type == T_NE || t.type == T_LT ||
                       t.type == T_LE || t.type == T_GT || t.type == T_GE ||
                       xiP_word_is(p, &t, "in") || xiP_word_is(p, &t, "not")))
      return 1;
    depth += t.type == T_LP || t.type == T_LBRACK || t.type == T_LBRACE;
    depth -= depth > 0 && (t.type == T_RP || t.type == T_RBRACK || t.type == T_RBRACE);
    xiP_take(p);
  }
}

/* a string's methods that give a value ("a,b".split(","), ", ".join(xs)): the
   text before them is a term, not print's text */
static int value_method(xiP_parser *p, const xiL_token *w) {
  static const char *const names[] = {"join", "upper", "lower", "strip", "lstrip", "rstrip",
                                      "split", "startswith", "endswith", "replace", "count",
                                      "index", NULL};
  for (int k = 0; names[k]; k++)
    if (xiP_word_is(p, w, names[k]))
      return 1;
  return 0;
}

/* str(x) or repr(x) at the parser, followed by +, ',', ')' or the end: print's
   text writes x (a float too); else it is part of a term (str(i) * 2) */
static int alone(xiP_parser *p) {
  mark m = here(p);
  int depth = 0, yes = 1;
  xiP_take(p);
  for (int open = p->python && xiP_is(p, T_LP); open;) {
    xiL_token u = *xiP_peek(p);
    if (u.type == T_EOF || u.type == T_NL || u.type == T_ERROR)
      break;
    depth += u.type == T_LP || u.type == T_LBRACK || u.type == T_LBRACE;
    depth -= u.type == T_RP || u.type == T_RBRACK || u.type == T_RBRACE;
    xiP_take(p);
    if (depth == 0) {
      yes = xiP_is(p, T_PLUS) || xiP_is(p, T_COMMA) || xiP_is(p, T_RP) || xiP_at_end(p);
      break;
    }
  }
  back(p, &m);
  return yes;
}

int xiP_text_ahead(xiP_parser *p) {
  mark m = here(p);
  xiL_token t = *xiP_peek(p);
  int text = 0;
  if (t.type == T_STRING) { /* "a" 'b' standing alone, or joined to more by + */
    while (xiP_is(p, T_STRING))
      xiP_take(p);
    text = xiP_is(p, T_COMMA) || xiP_is(p, T_RP) || xiP_is(p, T_PERCENT) ||
           (p->python && xiP_is(p, T_PLUS)) || xiP_at_end(p); /* (an assert's message) */
    if (xiP_is(p, T_DOT)) { /* "{}".format(x) is print's text; ''.join(xs) a value */
      xiP_take(p);
      xiL_token w = *xiP_peek(p);
      text = !p->python || w.type != T_NAME || !value_method(p, &w);
    }
  } else if (conversion(p, &t)) { /* str(x) ...; str(i) * 2, str(i) == "3": a value */
    xiP_take(p);
    text = xiP_is(p, T_LP);
    xiP_put_back(p, &t);
    text = text && alone(p);
  }
  back(p, &m);
  if (!text && p->python) { /* "-" * 40 + str(k), name + ": " + str(v) */
    text = joined(p);
    back(p, &m);
  }
  if (text && p->python) {
    text = !compared(p);
    back(p, &m);
  }
  return text;
}

/* one part: "a" f"{b}" 'c' (with % values or .format(values) after them),
   str(x), repr(x), or a term that has to hold a string ("-" * 40, a name) */
static void part(xiP_parser *p, xiP_stmt *st) {
  xiL_token t = *xiP_peek(p);
  uint32_t first = st->nitems;
  int text = t.type == T_STRING;
  if (text) { /* ("-" * 40 and ", ".join(xs) are terms: the string's value, repeated) */
    mark m = here(p);
    while (xiP_is(p, T_STRING))
      xiP_take(p);
    text = !p->python || !xiP_is(p, T_STAR);
    if (p->python && xiP_is(p, T_DOT)) {
      xiP_take(p);
      xiL_token w = *xiP_peek(p);
      text = w.type != T_NAME || !value_method(p, &w);
    }
    back(p, &m);
  }
  if (text) {
    while (xiP_is(p, T_STRING)) {
      xiL_token s = xiP_take(p);
      xiP_string_items(p, st, &s);
    }
    if (xiP_is(p, T_PERCENT)) { /* "%.4f" % x */
      xiP_percent(p, st, first);
    } else if (xiP_is(p, T_DOT)) { /* "{:.4f}".format(x) */
      xiP_take(p);
      xiL_token m = xiP_expect(p, T_NAME, "a method after the text's '.': \"{}\".format(x)");
      if (!xiP_word_is(p, &m, "format"))
        xiP_fail(p, m.pos, "xi knows .format of a text in print, and .join, .split, .upper, "
                           ".lower, .strip, .replace, .startswith, .endswith, .count, not "
                           ".%.*s: write the text as it should print, or use an f-string",
                 (int)m.len, p->lx.src + m.off);
      xiP_str_format(p, st, first);
    }
    return;
  }
  char conv = 'S';
  if (conversion(p, &t) && !alone(p)) { /* str(i) * 2: a term, a string made by the tape */
  } else if (conversion(p, &t)) {
    xiP_take(p);
    if (xiP_is(p, T_LP)) {
      conv = conversion(p, &t);
      xiP_take(p);
    } else {
      xiP_put_back(p, &t);
    }
  }
  xiP_item *it = xiP_new_item(p, st, I_VALUE, xiP_peek(p)->pos);
  it->conv = conv;
  it->off = xiP_peek(p)->off;
  if (conv == 'S') { /* "loss " + name: what binds tighter than + */
    xiP_term(p, &st->items[first].code);
  } else {
    if (xiP_is(p, T_RP)) {
      if (conv == 'r')
        xiP_fail(p, xiP_peek(p)->pos, "repr() takes one value (Python's TypeError)");
      st->items[first].kind = I_TEXT, st->items[first].conv = 0; /* str(): the empty text */
      st->items[first].text = calloc(1, 1);
      if (!st->items[first].text)
        xiP_fail(p, xiP_peek(p)->pos, "out of memory");
      xiP_take(p);
      return;
    }
    xiP_expr(p, &st->items[first].code);
  }
  st->items[first].end = p->last_end;
  if (conv != 'S')
    xiP_expect(p, T_RP, conv == 's' ? "')' after str(x): str takes one value here"
                                    : "')' after repr(x): repr takes one value here");
}

void xiP_text_sum(xiP_parser *p, xiP_stmt *st) {
  part(p, st);
  while (p->python && xiP_is(p, T_PLUS)) {
    xiP_take(p);
    part(p, st);
  }
  if (!xiP_is(p, T_COMMA) && !xiP_is(p, T_RP) && !xiP_at_end(p))
    xiP_fail(p, xiP_peek(p)->pos,
             p->python ? "print's text is joined to values by '+' with str(x), by ',' or by "
                         "an f-string: print(\"loss \" + str(L)), print(\"loss\", L) or "
                         "print(f\"loss {L}\") (a text as a value is read only so, in print)"
                       : "print's text is joined to values by ',' or by an f-string: "
                         "print(\"loss\", L) or print(f\"loss {L}\")");
}
