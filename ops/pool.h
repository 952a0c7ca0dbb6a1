/* pool.h: memory for numbers, and the budget it is counted against.
 *
 * A pool holds the limbs of many MPFR numbers of one precision, in chunks that
 * never move.  Number i always has slot i, so a tape of a million nodes keeps
 * its significands side by side in creation order, with no malloc per number
 * and no malloc header per number.  The numbers are MPFR "custom" numbers:
 * never mpfr_clear them or change their precision; make a new pool instead.
 *
 * A block holds a tensor's elements: the structs, then their limbs.
 *
 * Both are counted against one budget for the process (values at a high
 * precision are large: at 100000 bits a million numbers are 12.5 GB), so that
 * a value too large is an error with the numbers in it, never the machine's
 * out-of-memory killer.  Default: half the physical memory. */
#ifndef XI_POOL_H
#define XI_POOL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <mpfr.h>

/* numbers per chunk: 4096, fewer at a high precision (a power of two), so
   that a chunk stays within 256 KB (at 100000 bits one number is 12.5 KB) */
#define XI_POOL_CHUNK 4096
#define XI_POOL_BYTES (256 * 1024)

typedef struct {
  char **chunk;
  uint32_t nchunk, cap;
  uint32_t shift; /* numbers in a chunk: 2^shift */
  size_t slot;   /* bytes of one significand */
  mpfr_prec_t prec;
} xiM_pool;

void xiM_init(xiM_pool *p, mpfr_prec_t prec);
void xiM_free(xiM_pool *p);
/* makes x the number in slot i: +0 at the pool's precision.  -1 when out of
   memory or over the budget */
int xiM_grow(xiM_pool *p, uint32_t c); /* chunks up to c; -1 as xiM_place */
static inline int xiM_place(xiM_pool *p, uint32_t i, mpfr_ptr x) {
  uint32_t c = i >> p->shift;
  if (c >= p->nchunk && xiM_grow(p, c))
    return -1;
  void *sig = p->chunk[c] + (size_t)(i & ((1u << p->shift) - 1)) * p->slot;
  mpfr_custom_init(sig, p->prec);
  mpfr_custom_init_set(x, MPFR_ZERO_KIND, 0, p->prec, sig);
  return 0;
}

/* n numbers of precision prec, +0, in one block (release it with
   xiM_unblock; never mpfr_clear them).  NULL when out of memory or over budget */
__mpfr_struct *xiM_block(uint32_t n, mpfr_prec_t prec);
void xiM_unblock(__mpfr_struct *el);
/* bytes a block of n numbers of precision prec takes */
size_t xiM_block_size(uint32_t n, mpfr_prec_t prec);

/* the budget: bytes of numbers allowed, and in use */
void xiM_set_budget(size_t bytes);
size_t xiM_budget(void);
size_t xiM_used(void);
/* counts bytes held elsewhere (the node array) against the budget; -1 when
   that would go over it (nothing is counted then) */
int xiM_account(ptrdiff_t bytes);
/* 1 when the last failure was the budget's, not malloc's; and the bytes it asked for */
int xiM_over(void);
size_t xiM_wanted(void);

#endif
