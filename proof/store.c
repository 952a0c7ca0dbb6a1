/* store.c: the balls kept, node by node (ball_int.h).  13 bytes a node: a
 * slot (4) naming its Arb balls in a table of their own, which few nodes have;
 * a radius (8), the mantissa and exponent of a mag, for the many scalars whose
 * ball is the number they hold and a radius; its flags (1).  And 8 more, a
 * tensor's radii, once there is a tensor (tball.c).  (An Arb pointer and count
 * and a 16-byte mag a node were 29 bytes: 70 MB of a million printed
 * statements' 2.4 million nodes.)  The balls follow what the tape forgets. */
#include "proof/ball_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void xiB_drop(xiB_balls *b, uint32_t i) {
  if (i >= b->cap)
    return;
  b->fast[i] &= (uint8_t)~B_LITERAL;
  if (b->fast[i] & B_TENSOR)
    xiB_tr_free(b, i);
  if (b->fast[i]) {
    b->fast[i] = 0;
    b->rad[i].man = 0, b->rad[i].exp = 0;
    xiM_account(-(ptrdiff_t)sizeof(xiB_rad));
    b->bytes -= sizeof(xiB_rad);
  }
  if (b->slot[i]) {
    xiB_arbs *s = &b->solid[b->slot[i] - 1];
    _arb_vec_clear(s->el, s->n);
    size_t c = xiB_cost(s->n, b->prec);
    xiM_account(-(ptrdiff_t)c);
    b->bytes -= c;
    s->el = NULL;
    s->n = b->free_solid; /* (on the free list) */
    b->free_solid = b->slot[i];
    b->slot[i] = 0;
  }
}

/* forgets the balls of nodes the tape forgot (or all of them: a new
   precision, a collection that renumbered the nodes) */
void xiB_forget(xiB_balls *b) {
  xiG_graph *g = b->g;
  slong prec = b->want ? b->want : (slong)g->prec;
  uint32_t from = g->epoch != b->epoch || prec != b->prec ? 0 : g->forgot_from;
  for (uint32_t i = from; i < b->cap; i++)
    xiB_drop(b, i);
  b->epoch = g->epoch;
  b->prec = prec;
  g->forgot_from = UINT32_MAX;
}

int xiB_room(xiB_balls *b, uint32_t i) {
  if (i < b->cap)
    return 0;
  /* an eighth more than asked: doubling left up to half unused (a million
     statements' 2.3 million nodes had room for 4.2) */
  uint32_t cap = i < 1024 ? 1024 : i < UINT32_MAX / 9 * 8 ? i + 1 + i / 8 : UINT32_MAX;
  uint32_t *q = realloc(b->slot, cap * sizeof *q);
  if (!q)
    return -1;
  b->slot = q;
  xiB_rad *r = realloc(b->rad, cap * sizeof *r);
  if (!r)
    return -1;
  b->rad = r;
  uint8_t *f = realloc(b->fast, cap);
  if (!f)
    return -1;
  b->fast = f;
  memset(b->slot + b->cap, 0, (cap - b->cap) * sizeof *q);
  memset(b->rad + b->cap, 0, (cap - b->cap) * sizeof *r);
  memset(b->fast + b->cap, 0, cap - b->cap);
  b->cap = cap;
  return 0;
}

arb_ptr xiB_place(xiB_balls *b, uint32_t i, uint32_t n) {
  if (xiB_room(b, i))
    return NULL;
  uint32_t k = b->free_solid;
  if (!k && b->nsolid == b->solid_cap) {
    uint32_t cap = b->solid_cap ? 2 * b->solid_cap : 64;
    xiB_arbs *s = cap > b->solid_cap ? realloc(b->solid, cap * sizeof *s) : NULL;
    if (!s)
      return NULL;
    b->solid = s;
    b->solid_cap = cap;
  }
  if (xiM_account((ptrdiff_t)xiB_cost(n, b->prec)))
    return NULL;
  b->bytes += xiB_cost(n, b->prec);
  if (k)
    b->free_solid = b->solid[k - 1].n;
  else
    k = ++b->nsolid;
  b->solid[k - 1].el = _arb_vec_init(n);
  b->solid[k - 1].n = n;
  b->slot[i] = k;
  return b->solid[k - 1].el;
}

void xiB_store_free(xiB_balls *b) {
  for (uint32_t i = 0; i < b->cap; i++)
    xiB_drop(b, i);
  free(b->slot);
  free(b->solid);
  free(b->rad);
  free(b->fast);
  free(b->tr);
}
