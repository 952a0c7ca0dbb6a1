/* pcg64.c: NumPy's Generator (np.random.default_rng(seed)) bit for bit, as
 * NumPy 1.24 draws: SeedSequence's hashing of the seed's 32-bit words into a
 * pool of four and the pool into PCG64's 128-bit state and increment
 * (numpy/random/bit_generator.pyx), PCG64's XSL-RR output with its buffered
 * 32-bit half (numpy/random/src/pcg64/pcg64.h), and the draws the Generator
 * makes of it (numpy/random/src/distributions/distributions.c): doubles of
 * 53 bits, the ziggurat's standard normal (its tables in ops/zigtab.c),
 * Lemire's bounded integers and random_interval. */
#include <math.h>

#include "ops/ops.h"

typedef unsigned __int128 u128;

/* ---- SeedSequence (bit_generator.pyx) ---- */

enum { POOL = 4 };
#define INIT_A 0x43b0d7e5u
#define MULT_A 0x931e8875u
#define INIT_B 0x8b51f9ddu
#define MULT_B 0x58f38dedu
#define MIX_MULT_L 0xca01f9ddu
#define MIX_MULT_R 0x4973f715u
#define XSHIFT 16

static uint32_t hashmix(uint32_t value, uint32_t *hash_const) {
  value ^= *hash_const;
  *hash_const *= MULT_A;
  value *= *hash_const;
  value ^= value >> XSHIFT;
  return value;
}

static uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t result = MIX_MULT_L * x - MIX_MULT_R * y;
  result ^= result >> XSHIFT;
  return result;
}

/* mix_entropy of the words (no spawn key), then generate_state(4, uint64) */
static void seed_state(const uint32_t *words, int n, uint64_t out[4]) {
  uint32_t pool[POOL], h = INIT_A;
  for (int i = 0; i < POOL; i++)
    pool[i] = hashmix(i < n ? words[i] : 0, &h);
  for (int src = 0; src < POOL; src++)
    for (int dst = 0; dst < POOL; dst++)
      if (src != dst)
        pool[dst] = mix(pool[dst], hashmix(pool[src], &h));
  for (int src = POOL; src < n; src++)
    for (int dst = 0; dst < POOL; dst++)
      pool[dst] = mix(pool[dst], hashmix(words[src], &h));
  uint32_t hb = INIT_B, st[8];
  for (int i = 0; i < 8; i++) {
    uint32_t v = pool[i % POOL];
    v ^= hb;
    hb *= MULT_B;
    v *= hb;
    v ^= v >> XSHIFT;
    st[i] = v;
  }
  for (int i = 0; i < 4; i++) /* little-endian pairs: the low word first */
    out[i] = (uint64_t)st[2 * i + 1] << 32 | st[2 * i];
}

/* ---- PCG64 (pcg64.h: pcg_setseq_128_xsl_rr_64) ---- */

static const u128 MULT = (u128)2549297995355413924ULL << 64 | 4865540595714422341ULL;

static u128 get(const uint64_t v[2]) { return (u128)v[0] << 64 | v[1]; }
static void put(uint64_t v[2], u128 x) { v[0] = (uint64_t)(x >> 64), v[1] = (uint64_t)x; }

static void step(xiO_pcg *r) { put(r->state, get(r->state) * MULT + get(r->inc)); }

void xiO_pcg_seed(xiO_pcg *r, const uint32_t *words, int n) {
  uint64_t v[4];
  seed_state(words, n, v);
  /* pcg64_set_seed: state v[0]:v[1], sequence v[2]:v[3]; srandom_r */
  put(r->state, 0);
  put(r->inc, get(v + 2) << 1 | 1u);
  step(r);
  put(r->state, get(r->state) + get(v));
  step(r);
  r->has32 = 0, r->u32 = 0;
}

uint64_t xiO_pcg_next64(xiO_pcg *r) {
  step(r);
  u128 s = get(r->state);
  uint64_t x = (uint64_t)(s >> 64) ^ (uint64_t)s;
  unsigned rot = (unsigned)(s >> 122);
  return (x >> rot) | (x << ((-rot) & 63));
}

/* pcg64_next32: the low half of a draw, its high half kept for the next */
uint32_t xiO_pcg_next32(xiO_pcg *r) {
  if (r->has32) {
    r->has32 = 0;
    return r->u32;
  }
  uint64_t v = xiO_pcg_next64(r);
  r->has32 = 1, r->u32 = (uint32_t)(v >> 32);
  return (uint32_t)v;
}

double xiO_pcg_double(xiO_pcg *r) {
  return (double)(xiO_pcg_next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- the draws (distributions.c) ---- */

/* random_standard_normal: the ziggurat of 256 layers, e3n52sb8 (8 bits of
   layer, 1 of sign, 52 of abscissa); the tail by Marsaglia's exponentials.
   (log1p and exp are the C library's, as NumPy's npy_log1p and exp) */
double xiO_pcg_normal(xiO_pcg *r) {
  static const double nor_r = 3.6541528853610087963519472518;
  static const double nor_inv_r = 0.27366123732975827203338247596;
  for (;;) {
    uint64_t b = xiO_pcg_next64(r);
    int idx = (int)(b & 0xff);
    b >>= 8;
    int sign = (int)(b & 1);
    uint64_t rabs = (b >> 1) & 0x000fffffffffffffULL;
    double x = (double)rabs * xiO_zig_wi[idx];
    if (sign)
      x = -x;
    if (rabs < xiO_zig_ki[idx])
      return x;
    if (idx == 0) {
      for (;;) {
        double xx = -nor_inv_r * log1p(-xiO_pcg_double(r));
        double yy = -log1p(-xiO_pcg_double(r));
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 1) ? -(nor_r + xx) : nor_r + xx;
      }
    }
    if ((xiO_zig_fi[idx - 1] - xiO_zig_fi[idx]) * xiO_pcg_double(r) + xiO_zig_fi[idx] <
        exp(-0.5 * x * x))
      return x;
  }
}

/* random_bounded_uint64_fill's draw in [0, rng], use_masked false: Lemire's
   method, on 32-bit draws when rng fits in 32 bits */
uint64_t xiO_pcg_bounded(xiO_pcg *r, uint64_t rng) {
  if (rng == 0)
    return 0;
  if (rng <= 0xFFFFFFFFu) {
    if (rng == 0xFFFFFFFFu)
      return xiO_pcg_next32(r);
    uint32_t excl = (uint32_t)rng + 1;
    uint64_t m = (uint64_t)xiO_pcg_next32(r) * excl;
    uint32_t left = (uint32_t)m;
    if (left < excl) {
      uint32_t threshold = (UINT32_MAX - (uint32_t)rng) % excl;
      while (left < threshold) {
        m = (uint64_t)xiO_pcg_next32(r) * excl;
        left = (uint32_t)m;
      }
    }
    return m >> 32;
  }
  if (rng == UINT64_MAX)
    return xiO_pcg_next64(r);
  uint64_t excl = rng + 1;
  u128 m = (u128)xiO_pcg_next64(r) * excl;
  uint64_t left = (uint64_t)m;
  if (left < excl) {
    uint64_t threshold = (UINT64_MAX - rng) % excl;
    while (left < threshold) {
      m = (u128)xiO_pcg_next64(r) * excl;
      left = (uint64_t)m;
    }
  }
  return (uint64_t)(m >> 64);
}

/* random_interval: a draw masked to max's bits, again until it is at most max
   (shuffle's and permutation's) */
uint64_t xiO_pcg_interval(xiO_pcg *r, uint64_t max) {
  if (max == 0)
    return 0;
  uint64_t mask = max, v;
  mask |= mask >> 1, mask |= mask >> 2, mask |= mask >> 4, mask |= mask >> 8;
  mask |= mask >> 16, mask |= mask >> 32;
  if (max <= 0xFFFFFFFFu) {
    while ((v = (xiO_pcg_next32(r) & mask)) > max)
      ;
  } else {
    while ((v = (xiO_pcg_next64(r) & mask)) > max)
      ;
  }
  return v;
}
