/* pool.h: limbs for many MPFR numbers of one precision, in chunks that never
 * move.  Number i always has slot i, so a tape of a million nodes keeps its
 * significands side by side in creation order, with no malloc per number and
 * no malloc header per number.  The numbers are MPFR "custom" numbers: never
 * mpfr_clear them or change their precision; make a new pool instead. */
#ifndef XI_POOL_H
#define XI_POOL_H

#include <stdint.h>
#include <stdio.h>
#include <mpfr.h>

#define XI_POOL_CHUNK 4096 /* numbers per chunk */

typedef struct {
  char **chunk;
  uint32_t nchunk, cap;
  size_t slot; /* bytes of one significand */
  mpfr_prec_t prec;
} xiM_pool;

void xiM_init(xiM_pool *p, mpfr_prec_t prec);
void xiM_free(xiM_pool *p);
/* makes x the number in slot i: +0 at the pool's precision.  -1 when out of memory */
int xiM_place(xiM_pool *p, uint32_t i, mpfr_ptr x);

#endif
