/* pystr.c: print's text joined by +, as Python writes it:
 * print("Error:" + str(np.mean(np.abs(l2_error)))) (Trask's "A Neural Network
 * in 11 lines of Python") and print("Error after " + str(j) + " iterations").
 * Each part becomes an item of print's argument: a text, or a value whose
 * conversion is Python's str ('s': str(x), what print(x) and f"{x}" write),
 * repr ('r': repr(x)) or 'S' (any other part, a name holding a string: it
 * must be a str when it runs, as Python raises TypeError otherwise).  print
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

int xiP_text_ahead(xiP_parser *p) {
  xiL_lexer lx = p->lx;
  xiL_token tok = p->tok;
  int have = p->have_tok;
  size_t last = p->last_end;
  xiL_token t = *xiP_peek(p);
  int text = 0;
  if (t.type == T_STRING) { /* "a" 'b' standing alone, or joined to more by + */
    while (xiP_is(p, T_STRING))
      xiP_take(p);
    text = xiP_is(p, T_COMMA) || xiP_is(p, T_RP) || xiP_is(p, T_PERCENT) || xiP_is(p, T_DOT) ||
           (p->python && xiP_is(p, T_PLUS));
  } else if (conversion(p, &t)) { /* str(x) ... */
    xiP_take(p);
    text = xiP_is(p, T_LP);
  }
  p->lx = lx, p->tok = tok, p->have_tok = have, p->last_end = last;
  return text;
}

/* one part: "a" f"{b}" 'c' (with % values or .format(values) after them),
   str(x), repr(x), or an operand that has to hold a string */
static void part(xiP_parser *p, xiP_stmt *st) {
  xiL_token t = *xiP_peek(p);
  uint32_t first = st->nitems;
  if (t.type == T_STRING) {
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
        xiP_fail(p, m.pos, "xi knows .format of a text in print, not .%.*s: write the text "
                           "as it should print, or use an f-string", (int)m.len,
                 p->lx.src + m.off);
      xiP_str_format(p, st, first);
    }
    return;
  }
  char conv = 'S';
  if (conversion(p, &t)) {
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
    xiP_operand(p, &st->items[first].code);
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
  if (!xiP_is(p, T_COMMA) && !xiP_is(p, T_RP))
    xiP_fail(p, xiP_peek(p)->pos,
             p->python ? "print's text is joined to values by '+' with str(x), by ',' or by "
                         "an f-string: print(\"loss \" + str(L)), print(\"loss\", L) or "
                         "print(f\"loss {L}\") (a text as a value is read only so, in print)"
                       : "print's text is joined to values by ',' or by an f-string: "
                         "print(\"loss\", L) or print(f\"loss {L}\")");
}
