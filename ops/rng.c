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
