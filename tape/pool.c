/* pool.c: chunked significand storage for MPFR custom numbers. */
#include "tape/pool.h"

#include <stdlib.h>

void xiM_init(xiM_pool *p, mpfr_prec_t prec) {
  p->chunk = NULL;
  p->nchunk = p->cap = 0;
  p->prec = prec;
  p->slot = mpfr_custom_get_size(prec);
  p->slot = (p->slot + sizeof(mp_limb_t) - 1) / sizeof(mp_limb_t) * sizeof(mp_limb_t);
}

void xiM_free(xiM_pool *p) {
  for (uint32_t i = 0; i < p->nchunk; i++)
    free(p->chunk[i]);
  free(p->chunk);
  p->chunk = NULL;
  p->nchunk = p->cap = 0;
}

int xiM_place(xiM_pool *p, uint32_t i, mpfr_ptr x) {
  uint32_t c = i / XI_POOL_CHUNK;
  while (c >= p->nchunk) {
    if (p->nchunk == p->cap) {
      uint32_t cap = p->cap ? p->cap * 2 : 16;
      char **q = realloc(p->chunk, cap * sizeof *q);
      if (!q)
        return -1;
      p->chunk = q, p->cap = cap;
    }
    char *mem = malloc(XI_POOL_CHUNK * p->slot);
    if (!mem)
      return -1;
    p->chunk[p->nchunk++] = mem;
  }
  void *sig = p->chunk[c] + (size_t)(i % XI_POOL_CHUNK) * p->slot;
  mpfr_custom_init(sig, p->prec);
  mpfr_custom_init_set(x, MPFR_ZERO_KIND, 0, p->prec, sig);
  return 0;
}
