/* rng.c: NumPy's legacy RandomState (MT19937 and its polar Gaussian), bit for
 * bit, so that seed N; randn(r, c) gives np.random.seed(N); np.random.randn(r, c). */
#include <math.h>

#include "ops/ops.h"

void xiO_seed(xiO_rng *r, uint32_t seed) {
  for (int i = 0; i < 624; i++) { /* init_genrand, as numpy's mt19937_seed */
    r->key[i] = seed;
    seed = 1812433253u * (seed ^ (seed >> 30)) + (uint32_t)i + 1;
  }
  r->pos = 624;
  r->has_gauss = 0;
  r->gauss = 0;
}

static uint32_t genrand(xiO_rng *r) {
  static const uint32_t mag[2] = {0, 0x9908b0dfu};
  if (r->pos >= 624) {
    int k;
    for (k = 0; k < 624 - 397; k++) {
      uint32_t y = (r->key[k] & 0x80000000u) | (r->key[k + 1] & 0x7fffffffu);
      r->key[k] = r->key[k + 397] ^ (y >> 1) ^ mag[y & 1];
    }
    for (; k < 623; k++) {
      uint32_t y = (r->key[k] & 0x80000000u) | (r->key[k + 1] & 0x7fffffffu);
      r->key[k] = r->key[k + 397 - 624] ^ (y >> 1) ^ mag[y & 1];
    }
    uint32_t y = (r->key[623] & 0x80000000u) | (r->key[0] & 0x7fffffffu);
    r->key[623] = r->key[396] ^ (y >> 1) ^ mag[y & 1];
    r->pos = 0;
  }
  uint32_t y = r->key[r->pos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

double xiO_uniform(xiO_rng *r) {
  uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

double xiO_gauss(xiO_rng *r) {
  if (r->has_gauss) {
    r->has_gauss = 0;
    return r->gauss;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * xiO_uniform(r) - 1.0;
    x2 = 2.0 * xiO_uniform(r) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  double f = sqrt(-2.0 * log(r2) / r2); /* in double, as NumPy, for the same bits */
  r->gauss = f * x1;
  r->has_gauss = 1;
  return f * x2;
}

/* the smallest mask of ones at or above max, as NumPy's gen_mask */
static uint64_t mask_of(uint64_t max) {
  uint64_t m = max;
  m |= m >> 1, m |= m >> 2, m |= m >> 4, m |= m >> 8, m |= m >> 16, m |= m >> 32;
  return m;
}

/* next_uint64 of NumPy's MT19937: the first draw is the high half */
static uint64_t genrand64(xiO_rng *r) {
  uint64_t hi = genrand(r);
  return hi << 32 | genrand(r);
}

/* random_bounded_uint64_fill with use_masked (the legacy randint's): a draw
   masked to the bits of rng, again until it is at most rng */
uint64_t xiO_bounded(xiO_rng *r, uint64_t rng) {
  if (rng == 0)
    return 0;
  if (rng == 0xFFFFFFFFu)
    return genrand(r);
  if (rng == UINT64_MAX)
    return genrand64(r);
  uint64_t mask = mask_of(rng), v;
  if (rng < 0xFFFFFFFFu) {
    while ((v = genrand(r) & mask) > rng)
      ;
  } else {
    while ((v = genrand64(r) & mask) > rng)
      ;
  }
  return v;
}

/* random_interval: the same rejection, but a 32-bit draw for max up to 2^32 - 1 */
uint64_t xiO_interval(xiO_rng *r, uint64_t max) {
  if (max == 0)
    return 0;
  uint64_t mask = mask_of(max), v;
  if (max <= 0xFFFFFFFFu) {
    while ((v = genrand(r) & mask) > max)
      ;
  } else {
    while ((v = genrand64(r) & mask) > max)
      ;
  }
  return v;
}

/* ---- Python's random module (CPython's _randommodule.c and random.py), the same MT19937 ---- */

/* init_by_array, as random.seed(n) seeds with the 32-bit words of |n|, low word first */
void xiO_seed_array(xiO_rng *r, const uint32_t *key, int n) {
  xiO_seed(r, 19650218u);
  int i = 1, j = 0;
  for (int k = 624 > n ? 624 : n; k; k--) {
    r->key[i] = (r->key[i] ^ ((r->key[i - 1] ^ (r->key[i - 1] >> 30)) * 1664525u)) + key[j] +
                (uint32_t)j;
    i++, j++;
    if (i >= 624)
      r->key[0] = r->key[623], i = 1;
    if (j >= n)
      j = 0;
  }
  for (int k = 623; k; k--) {
    r->key[i] = (r->key[i] ^ ((r->key[i - 1] ^ (r->key[i - 1] >> 30)) * 1566083941u)) -
                (uint32_t)i;
    i++;
    if (i >= 624)
      r->key[0] = r->key[623], i = 1;
  }
  r->key[0] = 0x80000000u;
  r->pos = 624;
}

/* getrandbits(k), 0 < k <= 64: 32-bit words, low word first, the last one shifted down */
uint64_t xiO_getrandbits(xiO_rng *r, int k) {
  uint64_t v = 0;
  for (int shift = 0; k > 0; k -= 32, shift += 32) {
    uint32_t w = genrand(r);
    if (k < 32)
      w >>= 32 - k;
    v |= (uint64_t)w << shift;
  }
  return v;
}

/* _randbelow_with_getrandbits(n), n > 0: n's bit length of bits, again until below n */
uint64_t xiO_randbelow(xiO_rng *r, uint64_t n) {
  int k = 0;
  while (k < 64 && (n >> k))
    k++;
  uint64_t v;
  while ((v = xiO_getrandbits(r, k)) >= n)
    ;
  return v;
}
