/* subscript.c: what is between x[ and ]: NumPy's index items (an expression,
 * ':', a slice a:b:c with any part left out, None or np.newaxis), compiled
 * to one K_INDEX whose arg gives each item's kind (syntax/code.h), and '...'
 * alone (every element, as ':' alone: p[...] = v); a list's
 * slice xs[a:b] is the same instruction, which the tape tells apart. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* the end of an index item: ',' or ']' */
static int item_end(xiP_parser *p) { return xiP_is(p, T_COMMA) || xiP_is(p, T_RBRACK); }

/* None, or np.newaxis (numpy.c writes it as None), as the whole of an item */
static int is_none(xiP_parser *p, const xiP_code *c, uint32_t start) {
  return c->n == start + 1 && c->ins[start].kind == K_NAME &&
         c->ins[start].arg == xiS_find(p->sym, "None", 4);
}

/* One item of an index: an expression, ':', a slice a:b:c (each part may
   be left out), or None.  Returns its kind (XI_IX_*, or 0 with *colon set
   for a bare ':'); the parts written go on the stack. */
static unsigned index_item(xiP_parser *p, xiP_code *c, int *colon, int items) {
  unsigned parts = 0;
  uint32_t start = c->n;
  *colon = 0;
  if (xiP_is(p, T_DOT)) { /* x[...] alone: every element, as x[:] on an array */
    xi_pos at = xiP_take(p).pos;
    xiP_expect(p, T_DOT, "'...' (Ellipsis)");
    xiP_expect(p, T_DOT, "'...' (Ellipsis)");
    if (items || !xiP_is(p, T_RBRACK))
      xiP_fail(p, at, "'...' is part of xi alone in an index (p[...] = v, as p[:] = v): write "
                      "each axis, x[:, 0] for x[..., 0]");
    *colon = 1;
    return 0;
  }
  if (!xiP_is(p, T_COLON)) {
    xiP_expr(p, c);
    if (!xiP_is(p, T_COLON)) {
      if (!is_none(p, c, start))
        return 0;
      c->n = start;
      return XI_IX_NEWAXIS;
    }
    parts |= 1;
  }
  xiP_take(p); /* the first ':' */
  if (!item_end(p) && !xiP_is(p, T_COLON)) {
    xiP_expr(p, c);
    parts |= 2;
  }
  if (xiP_is(p, T_COLON)) {
    xiP_take(p);
    if (!item_end(p)) {
      xiP_expr(p, c);
      parts |= 4;
    }
  }
  if (!item_end(p))
    xiP_unexpected(p, "',' or ']' after a slice");
  if (parts == 0) {
    *colon = 1;
    return 0;
  }
  return XI_IX_SLICE | parts;
}

void xiP_subscript(xiP_parser *p, xiP_code *c, xiL_token open) {
  int items = 0, mask = 0, saved = p->no_compare;
  uint32_t kinds = 0;
  p->no_compare = 0;
  do {
    if (items == XI_IX_MAX)
      xiP_fail(p, xiP_peek(p)->pos, "at most %d indices", XI_IX_MAX);
    int colon;
    unsigned kind = index_item(p, c, &colon, items);
    mask |= colon << items;
    kinds |= (uint32_t)kind << (8 * items);
    items++;
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RBRACK, "',' or ']' after the index");
  p->no_compare = saved;
  xiP_ins ins = {K_INDEX, (uint8_t)mask, 0, (uint16_t)items, kinds, open.pos};
  xiP_emit(p, c, ins);
}
