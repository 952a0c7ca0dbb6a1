/* pool.c: chunked significand storage for MPFR custom numbers, tensor blocks,
 * and the budget both are counted against. */
#include "ops/pool.h"

#include <signal.h>

#include "ops/ops.h"

#include <stdlib.h>
#include <unistd.h>

static size_t used, budget, last_over, last_want;

static size_t default_budget(void) {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || size <= 0)
    return (size_t)4 << 30;
  return (size_t)pages * (size_t)size / 2;
}

void xiM_set_budget(size_t bytes) { budget = bytes; }
size_t xiM_budget(void) { return budget ? budget : (budget = default_budget()); }
size_t xiM_used(void) { return used; }
int xiM_over(void) { return (int)last_over; }
size_t xiM_wanted(void) { return last_want; }

int xiM_account(ptrdiff_t bytes) {
  if (bytes > 0 && used + (size_t)bytes > xiM_budget()) {
    last_over = 1;
    last_want = (size_t)bytes;
    return -1;
  }
  used = (size_t)((ptrdiff_t)used + bytes);
  return 0;
}

/* malloc, counted: NULL over budget or when malloc fails (last_over says which) */
static void *take(size_t bytes) {
  if (xiM_account((ptrdiff_t)bytes))
    return NULL;
  void *p = malloc(bytes);
  if (!p) {
    used -= bytes;
    last_over = 0;
  }
  return p;
}

static size_t limb_slot(mpfr_prec_t prec) {
  size_t slot = mpfr_custom_get_size(prec);
  return (slot + sizeof(mp_limb_t) - 1) / sizeof(mp_limb_t) * sizeof(mp_limb_t);
}

void xiM_init(xiM_pool *p, mpfr_prec_t prec) {
  p->chunk = NULL;
  p->nchunk = p->cap = 0;
  p->prec = prec;
  p->slot = limb_slot(prec);
  uint32_t most = (uint32_t)(XI_POOL_BYTES / p->slot);
  p->shift = 0; /* a power of two, for xiM_place's shift and mask */
  while ((2u << p->shift) <= most && (2u << p->shift) <= XI_POOL_CHUNK)
    p->shift++;
}

void xiM_free(xiM_pool *p) {
  for (uint32_t i = 0; i < p->nchunk; i++)
    free(p->chunk[i]);
  used -= ((size_t)p->nchunk << p->shift) * p->slot;
  free(p->chunk);
  p->chunk = NULL;
  p->nchunk = p->cap = 0;
}

int xiM_grow(xiM_pool *p, uint32_t c) {
  while (c >= p->nchunk) {
    if (p->nchunk == p->cap) {
      uint32_t cap = p->cap ? p->cap * 2 : 16;
      char **q = realloc(p->chunk, cap * sizeof *q);
      if (!q)
        return -1;
      p->chunk = q, p->cap = cap;
    }
    char *mem = take(((size_t)1 << p->shift) * p->slot);
    if (!mem)
      return -1;
    p->chunk[p->nchunk++] = mem;
  }
  return 0;
}

/* a block: its size, padded to keep the structs aligned, then the structs,
   then their limbs */
#define HEADER 16

size_t xiM_block_size(uint32_t n, mpfr_prec_t prec) {
  return HEADER + (size_t)n * (sizeof(__mpfr_struct) + limb_slot(prec));
}

__mpfr_struct *xiM_block(uint32_t n, mpfr_prec_t prec) {
  size_t slot = limb_slot(prec), bytes = xiM_block_size(n, prec);
  char *mem = take(bytes);
  if (!mem)
    return NULL;
  *(size_t *)mem = bytes;
  __mpfr_struct *el = (__mpfr_struct *)(mem + HEADER);
  char *limbs = (char *)(el + n);
  for (uint32_t k = 0; k < n; k++) {
    if ((k & 4095) == 0 && xiO_stopped()) { /* a gigabyte takes a while to touch */
      xiM_unblock(el);
      return NULL;
    }
    mpfr_custom_init(limbs + k * slot, prec);
    mpfr_custom_init_set(&el[k], MPFR_ZERO_KIND, 0, prec, limbs + k * slot);
  }
  return el;
}

void xiM_unblock(__mpfr_struct *el) {
  if (!el)
    return;
  char *mem = (char *)el - HEADER;
  used -= *(size_t *)mem;
  free(mem);
}
