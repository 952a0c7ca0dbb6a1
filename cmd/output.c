/* output.c: what a statement writes: a value on a line as xi writes it
 * (a tuple's items each proven), a buffer to stdout or the error that says
 * why it cannot be written, an element's name in messages, and a ball's
 * proven digits as check writes them. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

static int chars(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += (*s & 0xC0) != 0x80;
  return n;
}

int xiR_emit(xiW_buf *b, xi_pos at, xi_err *err) {
  int rc = b->failed ? xiX_fail(err, at, "%s", xiW_why(b)) : 0;
  if (rc == 0 && b->s)
    fwrite(b->s, 1, b->n, stdout);
  xiW_free(b);
  b->failed = 0;
  return rc;
}

static void tuple_text(xiR_session *s, xiW_buf *b, uint32_t i, int whole) {
  const xiG_ext *x = s->g.nodes[i].x;
  xiW_str(b, "(", 1);
  for (uint32_t k = 0; k < x->nargs; k++) {
    uint32_t item = s->g.nodes[i].x->args[k];
    if (k)
      xiW_str(b, ", ", 2);
    if (xiG_kind(&s->g, item) == XI_C_TUPLE) {
      tuple_text(s, b, item, whole);
    } else if (xiG_kind(&s->g, item) >= 0) {
      xi_err err;
      if (xiR_py_text(s, b, item, s->g.nodes[item].pos, &err))
        b->failed = xiO_stopped() ? XI_W_STOPPED : XI_W_MEMORY;
    } else {
      xiW_proof pf;
      xi_err err;
      xiO_view v; /* (after the proof: its graphs may move the nodes, a scalar's number too) */
      if (xiR_prove_value(s, item, &pf, s->g.nodes[item].pos, &err) == 0 &&
          (v = xiG_view(&s->g.nodes[item]), 1))
        xiW_value_proven(b, &v, &pf, s->digits, -1, whole);
      else
        b->failed = xiO_stopped() ? XI_W_STOPPED : XI_W_MEMORY;
    }
  }
  xiW_str(b, x->nargs == 1 ? ",)" : ")", x->nargs == 1 ? 2 : 1);
}

int xiR_print_node(xiR_session *s, int indent, const char *name, uint32_t i, int whole,
                   xi_pos at, xi_err *err) {
  xiW_buf *b = &s->out;
  xiO_view v;
  int column = indent;
  xiW_str(b, "        ", (size_t)(indent < 8 ? indent : 8));
  if (name) {
    xiW_str(b, name, strlen(name));
    xiW_str(b, " = ", 3);
    column += chars(name) + 3;
  }
  xiW_proof pf;
  if (xiG_kind(&s->g, i) == XI_C_TUPLE) /* (2, 3): its items, each as xi writes a value */
    tuple_text(s, b, i, whole);
  else if (xiG_kind(&s->g, i) >= 0 && xiR_py_text(s, b, i, at, err)) { /* [1, 2], {'a': 1} */
    b->n = 0, b->failed = 0;
    return -1;
  } else if (xiG_kind(&s->g, i) >= 0)
    ; /* written */
  else if (xiR_prove_value(s, i, &pf, at, err) == 0) {
    v = xiG_view(&s->g.nodes[i]); /* (after the proof: a grad value's graph built for it
                                      may have moved the nodes, a scalar's number with them) */
    xiW_value_proven(b, &v, &pf, s->digits, column, whole);
  }
  else {
    b->n = 0, b->failed = 0;
    return -1;
  }
  xiW_str(b, "\n", 1);
  int rc = b->failed ? xiX_fail(err, at, "%s", xiW_why(b)) : 0;
  if (rc == 0)
    fwrite(b->s, 1, b->n, stdout);
  b->n = 0, b->failed = 0; /* kept for the next: no malloc per value printed */
  return rc;
}

void xiR_element(char *buf, size_t n, const char *name, xi_shape sh, uint32_t k) {
  if (sh.rank == 0)
    snprintf(buf, n, "%s", name);
  else if (sh.rank == 1)
    snprintf(buf, n, "%s[%u]", name, k);
  else
    snprintf(buf, n, "%s[%u, %u]", name, k / sh.cols, k % sh.cols);
}

/* the proven digits of x (digits of them at most), and how many are known
   when fewer: malloc'd */
char *xiR_ball_text(const arb_struct *x, int digits, long prec) {
  char *out = malloc(XI_FORMAT_ROOM(digits) + 64);
  int known;
  if (!out || xiN_write_ball(out, x, digits, &known) == 0) {
    free(out);
    return NULL;
  }
  if (known == 0) /* "0 ± 2.6e-39": a bound; "?": nothing */
    sprintf(out + strlen(out), arb_is_finite(x) ? " (bound at %ld bits)"
                                                : " (no correct digit at %ld bits)", prec);
  else if (known < digits)
    sprintf(out + strlen(out), " (%d digit%s known at %ld bits)", known, known == 1 ? "" : "s",
            prec);
  return out;
}
