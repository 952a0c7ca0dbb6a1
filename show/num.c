/* num.c: formatting, and judging a claimed decimal against a value exactly. */
#include <stdio.h>

#include "show/num.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

/* a whole number's decimal digits, backwards from end; returns the start */
static char *decimal(char *end, unsigned long v) {
  do
    *--end = (char)('0' + v % 10);
  while (v /= 10);
  return end;
}

static size_t lay_out(char *out, mpfr_exp_t e, int integer, int digits);

size_t xiN_write(char *out, mpfr_srcptr x, int digits) {
  if (!mpfr_number_p(x) || mpfr_zero_p(x)) {
    const char *t = mpfr_nan_p(x) ? "nan" : mpfr_zero_p(x) ? "0" : mpfr_sgn(x) > 0 ? "inf" : "-inf";
    size_t n = strlen(t);
    memcpy(out, t, n + 1);
    return n;
  }
  /* x = 0.DDDD × 10^e: the digits go where they will stay, behind room for a
     sign, "0." and five zeros; xiN_digits writes them there itself */
  mpfr_exp_t e;
  if (xiN_digits(out + 8, &e, digits, x))
    return 0;
  return lay_out(out, e, mpfr_integer_p(x), digits);
}

/* the digits xiN_digits wrote at out + 8 (with its sign; e its exponent)
   laid out at out as xiN_write writes them; integer: the number is whole */
static size_t lay_out(char *out, mpfr_exp_t e, int integer, int digits) {
  char *d = out + 8;
  int neg = d[0] == '-';
  d += neg;
  size_t nd = strlen(d);
  char *o = out;
  if (neg)
    *o++ = '-';
  if (integer && e > 0 && e <= digits) {
    memmove(o, d, (size_t)e); /* the digits past e are zeros */
    o += e;
  } else if (e > -6 && e <= 0) { /* 0.000DDDD */
    *o++ = '0', *o++ = '.';
    memset(o, '0', (size_t)-e);
    o += -e;
    memmove(o, d, nd);
    o += nd;
  } else if (e > 0 && e <= digits) { /* DD.DD */
    memmove(o, d, (size_t)e);
    o += e;
    if ((size_t)e < nd) {
      *o++ = '.';
      memmove(o, d + e, nd - (size_t)e);
      o += nd - (size_t)e;
    }
  } else { /* D.DDDDe±N */
    *o++ = d[0];
    if (nd > 1) {
      *o++ = '.';
      memmove(o, d + 1, nd - 1);
      o += nd - 1;
    }
    char exp[24], *end = exp + sizeof exp;
    long x10 = (long)(e - 1);
    char *p = decimal(end, (unsigned long)(x10 < 0 ? -x10 : x10));
    *o++ = 'e';
    *o++ = x10 < 0 ? '-' : '+';
    memcpy(o, p, (size_t)(end - p));
    o += end - p;
  }
  *o = '\0';
  return (size_t)(o - out);
}

char *xiN_format(mpfr_srcptr x, int digits) {
  char *out = malloc(XI_FORMAT_ROOM(digits));
  if (out && xiN_write(out, x, digits) == 0 && mpfr_number_p(x) && !mpfr_zero_p(x)) {
    free(out);
    return NULL;
  }
  return out;
}

/* ---- claims ---- */

typedef struct {
  mpz_t D;      /* the digits, signed */
  long q;       /* claim = D × 10^q */
  int frac;     /* digits written after the point */
  int sci;      /* written with an exponent */
  int sig;      /* significant digits */
} claim;

static int parse_claim(const char *t, size_t len, int neg, claim *c) {
  char *digits = malloc(len + 2);
  if (!digits)
    return -1;
  size_t nd = 0, i = 0;
  int frac = 0, point = 0;
  long exp = 0;
  for (; i < len && t[i] != 'e' && t[i] != 'E'; i++) {
    if (t[i] == '.') {
      point = 1;
      continue;
    }
    digits[nd++] = t[i];
    frac += point;
  }
  digits[nd] = '\0';
  c->sci = i < len;
  if (c->sci) {
    const char *x = t + i + 1;
    int sgn = 1;
    if (*x == '+' || *x == '-')
      sgn = *x++ == '-' ? -1 : 1;
    for (; x < t + len; x++) {
      exp = exp * 10 + (*x - '0');
      if (exp > 100000)
        break;
    }
    exp *= sgn;
  }
  if (nd > 10000 || exp > 100000 || exp < -100000) {
    free(digits);
    return -1;
  }
  mpz_init_set_str(c->D, digits, 10);
  if (neg)
    mpz_neg(c->D, c->D);
  const char *first = digits;
  while (*first == '0' && first[1])
    first++;
  c->sig = (int)strlen(first);
  c->frac = frac;
  c->q = exp - frac;
  free(digits);
  return 0;
}

/* the claim's style, with digits R in place of D */
static char *write_like(const claim *c, const mpz_t R) {
  char *r = mpz_get_str(NULL, 10, R);
  int neg = r[0] == '-';
  const char *d = r + neg;
  size_t nd = strlen(d);
  size_t cap = nd + (size_t)c->frac + 32;
  char *out = malloc(cap), *o = out;
  if (!out) {
    free(r);
    return NULL;
  }
  if (neg)
    *o++ = '-';
  if (c->frac > 0) {
    size_t f = (size_t)c->frac;
    if (nd <= f) { /* 0.00ddd */
      *o++ = '0', *o++ = '.';
      memset(o, '0', f - nd);
      o += f - nd;
      strcpy(o, d);
    } else {
      memcpy(o, d, nd - f);
      o += nd - f;
      *o++ = '.';
      strcpy(o, d + nd - f);
    }
  } else {
    strcpy(o, d);
  }
  if (c->sci && mpz_sgn(R) != 0) /* (0, not 0e-60: a value that rounds to 0 at 1e-60) */
    sprintf(out + strlen(out), "e%ld", c->q + c->frac);
  free(r);
  return out;
}

int xiN_judge(mpfr_srcptr v, const char *text, size_t len, int neg, xiN_verdict *out) {
  claim c;
  memset(out, 0, sizeof *out);
  if (parse_claim(text, len, neg, &c))
    return -1;
  out->sig = c.sig;
  /* with S = 10^|q|: compare X = 2v (×S when q < 0) against (2D ± 1) (×S when q >= 0);
     every product is exact, so the verdict has no rounding in it */
  mpz_t S, lo, hi, two_d;
  mpz_inits(S, lo, hi, two_d, NULL);
  mpz_ui_pow_ui(S, 10, (unsigned long)(c.q < 0 ? -c.q : c.q));
  mpfr_t X;
  mpfr_init2(X, mpfr_get_prec(v) + (mpfr_prec_t)mpz_sizeinbase(S, 2) + 2);
  mpfr_mul_2ui(X, v, 1, MPFR_RNDN);
  mpz_mul_2exp(two_d, c.D, 1);
  mpz_sub_ui(lo, two_d, 1);
  mpz_add_ui(hi, two_d, 1);
  if (c.q < 0)
    mpfr_mul_z(X, X, S, MPFR_RNDN);
  else {
    mpz_mul(lo, lo, S);
    mpz_mul(hi, hi, S);
  }
  out->pass = mpfr_cmp_z(X, lo) >= 0 && mpfr_cmp_z(X, hi) <= 0;
  out->side = out->pass ? 0 : mpfr_cmp_z(X, lo) < 0 ? -1 : 1;


  /* the value in units of the claim's last digit: X/2 (÷S when q >= 0) */
  mpfr_t U;
  mpfr_init2(U, mpfr_get_prec(X) + 64);
  mpfr_div_2ui(U, X, 1, MPFR_RNDN);
  if (c.q >= 0)
    mpfr_div_z(U, U, S, MPFR_RNDN);
  mpz_t R, T;
  mpz_inits(R, T, NULL);
  /* a value many orders of magnitude off the claim is not written out in the
     claim's units (95^31975374 against 6 would be 63 million digits) */
  if (mpfr_get_exp(U) <= (mpfr_exp_t)mpz_sizeinbase(c.D, 2) + 256) {
    mpfr_get_z(R, U, MPFR_RNDNA);
    mpfr_get_z(T, U, MPFR_RNDZ);
    out->truncated = !out->pass && mpz_cmp(T, c.D) == 0 && mpfr_cmp_z(U, c.D) != 0;
    out->rounded = write_like(&c, R);
  }
  mpfr_clears(X, U, (mpfr_ptr)0);
  mpz_clears(S, lo, hi, two_d, R, T, c.D, NULL);
  return 0;
}

/* ---- proven digits ---- */

/* the k-digit decimals lo and hi round to are the same; then, with out, that
   decimal's digits (with its sign) are copied there and *e is its exponent */
static int agree(mpfr_srcptr lo, mpfr_srcptr hi, int k, char *out, mpfr_exp_t *e) {
  mpfr_exp_t e1, e2;
  char *a = mpfr_get_str(NULL, &e1, 10, (size_t)k, lo, MPFR_RNDN);
  char *c = mpfr_get_str(NULL, &e2, 10, (size_t)k, hi, MPFR_RNDN);
  int same = a && c && e1 == e2 && strcmp(a, c) == 0;
  if (same && out) {
    strcpy(out, a);
    *e = e1;
  }
  mpfr_free_str(a);
  mpfr_free_str(c);
  return same;
}

static int known(const arb_t x, int max, char *out, mpfr_exp_t *e);

/* |x| (a ball away from 0) lies strictly between (2D - 1)/2·10^q and
   (2D + 1)/2·10^q: its ends (rounded outwards) times 2·10^-q, or times 2
   against (2D ∓ 1)·10^q, compared exactly */
static int between(const arb_t x, const fmpz_t D, slong q, slong prec) {
  arf_t l, u, s;
  fmpz_t p, c;
  arf_init(l);
  arf_init(u);
  arf_init(s);
  fmpz_init(p);
  fmpz_init(c);
  if (arf_sgn(arb_midref(x)) > 0) {
    arb_get_lbound_arf(l, x, prec);
    arb_get_ubound_arf(u, x, prec);
  } else {
    arb_get_ubound_arf(l, x, prec);
    arb_get_lbound_arf(u, x, prec);
    arf_neg(l, l);
    arf_neg(u, u);
  }
  fmpz_ui_pow_ui(p, 10, (ulong)(q >= 0 ? q : -q));
  if (q < 0) {
    fmpz_mul_2exp(p, p, 1);
    arf_mul_fmpz(l, l, p, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_fmpz(u, u, p, ARF_PREC_EXACT, ARF_RND_DOWN);
    fmpz_one(p);
  } else {
    arf_mul_2exp_si(l, l, 1);
    arf_mul_2exp_si(u, u, 1);
  }
  fmpz_mul_2exp(c, D, 1);
  fmpz_sub_ui(c, c, 1);
  fmpz_mul(c, c, p);
  arf_set_fmpz(s, c);
  int ok = arf_cmp(l, s) > 0;
  fmpz_mul_2exp(c, D, 1);
  fmpz_add_ui(c, c, 1);
  fmpz_mul(c, c, p);
  arf_set_fmpz(s, c);
  ok = ok && arf_cmp(u, s) < 0;
  arf_clear(l);
  arf_clear(u);
  arf_clear(s);
  fmpz_clear(p);
  fmpz_clear(c);
  return ok;
}

/* 10^j, j <= 19 */
static ulong pow10_u64(slong j) {
  ulong p = 1;
  while (j-- > 0)
    p *= 10;
  return p;
}

/* agree_mid's answer, cheaper, when it is clear: the midpoint to k + 3 digits
   S (P its first k, T the last 3), within half a unit of S's last digit; the
   halfway points around the k-digit D it rounds to are |T - 500| units away,
   so a radius under (|T - 500| - 1) units keeps every number of the ball on
   D's side of both (a mag bound from below).  0: not clear (near a halfway
   point, or at 10...0 where the digits' spacing changes): agree_mid decides. */
static int agree_near(const arb_t x, int k, char *out, mpfr_exp_t *e) {
  char small[24], *d = small; /* S by integers (decimal.c), or by MPFR */
  if (k + 3 > 18 || xiN_digits_arf(small, e, k + 3, arb_midref(x))) {
    slong bits = arf_bits(arb_midref(x));
    mpfr_t m;
    mpfr_init2(m, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : bits);
    arf_get_mpfr(m, arb_midref(x), MPFR_RNDN); /* exact */
    d = mpfr_get_str(NULL, e, 10, (size_t)k + 3, m, MPFR_RNDN);
    mpfr_clear(m);
    if (!d)
      return 0;
  }
  char *p = d + (d[0] == '-');
  int t = (p[k] - '0') * 100 + (p[k + 1] - '0') * 10 + (p[k + 2] - '0'), ok = 0;
  int off = t > 500 ? t - 500 : 500 - t, all9 = 1, ten = p[0] == '1';
  for (int j = 0; j < k; j++)
    all9 &= p[j] == '9', ten &= j == 0 || p[j] == '0';
  slong u = (slong)*e - k - 3; /* a unit of S's last digit is 10^u */
  if (off > 1 && !ten && !(all9 && t > 500) && (u >= 0 ? u : -u) < 100000) {
    mag_t w, r;
    mag_init(w);
    mag_init(r);
    if (u < 0 && u >= -19) { /* radius·10^-u (from above) against off - 1 */
      mag_mul_ui(r, arb_radref(x), pow10_u64(-u));
      mag_set_ui(w, (ulong)off - 1); /* (exact: below 500) */
      ok = mag_cmp(r, w) < 0;
    } else {
      if (u >= 0) {
        mag_set_ui_lower(w, 10);
        mag_pow_ui_lower(w, w, (ulong)u);
      } else {
        mag_set_ui(w, 10);
        mag_pow_ui(w, w, (ulong)-u);
        mag_inv_lower(w, w);
      }
      mag_mul_ui_lower(w, w, (ulong)off - 1);
      ok = mag_cmp(arb_radref(x), w) < 0;
    }
    mag_clear(w);
    mag_clear(r);
  }
  if (ok && out) {
    p[k] = '\0';
    for (int j = k - 1; t > 500 && j >= 0; j--) /* D = P + 1 (no carry out: not all 9s) */
      if (p[j] == '9')
        p[j] = '0';
      else {
        p[j]++;
        break;
      }
    strcpy(out, d);
  }
  if (d != small)
    mpfr_free_str(d);
  return ok;
}

/* agree's answer for k digits by one conversion instead of two, when it can
   tell: the midpoint's k digits D (exponent e) are every number's in the
   ball when the ball lies strictly between the two halfway points around D
   (between).  0: it cannot tell (the ball reaches a halfway point, or D is
   10^(k-1), below which the digits are spaced closer): agree decides. */
static int agree_mid(const arb_t x, int k, char *out, mpfr_exp_t *e) {
  slong bits = arf_bits(arb_midref(x));
  mpfr_t m;
  mpfr_init2(m, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : bits);
  arf_get_mpfr(m, arb_midref(x), MPFR_RNDN); /* exact */
  char *d = mpfr_get_str(NULL, e, 10, (size_t)k, m, MPFR_RNDN);
  mpfr_clear(m);
  if (!d)
    return 0;
  fmpz_t D, p;
  fmpz_init(D);
  fmpz_init(p);
  fmpz_set_str(D, d + (d[0] == '-'), 10);
  fmpz_ui_pow_ui(p, 10, (ulong)k - 1);
  slong q = (slong)*e - k;
  int ok = !fmpz_equal(D, p) && (q >= 0 ? q : -q) < 100000 && between(x, D, q, bits + 64);
  if (ok && out)
    strcpy(out, d);
  mpfr_free_str(d);
  fmpz_clear(D);
  fmpz_clear(p);
  return ok;
}

/* the bits that hold mid ± rad exactly: from the top of the larger down to
   the lowest bit of either.  The midpoint's own bits are not enough: 1 ± 2^-130
   at 65 bits is 1 - 2^-65 below, which proves 19 digits of a ball that holds
   38.  Capped (the ends then rounded outward: fewer digits proven, never
   wrong digits) where the two lie absurdly far apart. */
static mpfr_prec_t ends_bits(const arb_t x) {
  mpfr_prec_t p = arf_bits(arb_midref(x)) + 64;
  if (arf_is_zero(arb_midref(x)) || mag_is_zero(arb_radref(x)) || !arb_is_finite(x))
    return p;
  arf_t r;
  arf_init_set_mag_shallow(r, arb_radref(x));
  slong em = arf_abs_bound_lt_2exp_si(arb_midref(x)), er = arf_abs_bound_lt_2exp_si(r);
  const slong far = (slong)1 << 40; /* (the bound's own answer when out of range) */
  if (em <= -far || em >= far || er <= -far || er >= far)
    return p;
  slong top = em > er ? em : er, lm = em - (slong)arf_bits(arb_midref(x)),
        lr = er - (slong)arf_bits(r), need = top - (lm < lr ? lm : lr) + 2;
  const slong cap = (slong)1 << 20;
  need = need > cap ? cap : need;
  return need > p ? (mpfr_prec_t)need : p;
}

void xiN_ends(const arb_t x, mpfr_ptr lo, mpfr_ptr hi) {
  mpfr_prec_t p = ends_bits(x);
  mpfr_set_prec(lo, p);
  mpfr_set_prec(hi, p);
  arf_t t;
  arf_init(t);
  arb_get_lbound_arf(t, x, p);
  arf_get_mpfr(lo, t, MPFR_RNDD);
  arb_get_ubound_arf(t, x, p);
  arf_get_mpfr(hi, t, MPFR_RNDU);
  arf_clear(t);
}

int xiN_known(const arb_t x, int max) { return known(x, max, NULL, NULL); }

/* xiN_known, and (with out) the digits known as agree gives them; out is
   left empty when the ball is exact */
static int known(const arb_t x, int max, char *out, mpfr_exp_t *e) {
  if (out)
    out[0] = '\0';
  if (!arb_is_finite(x))
    return 0;
  if (arb_is_exact(x))
    return max;
  if (arb_contains_zero(x))
    return 0;
  /* about log10(|mid|/rad) digits: start a little above that, and go down */
  slong bits = arb_rel_accuracy_bits(x);
  int k = bits <= 0 ? 1 : bits > 4L * max ? max : (int)((double)bits * 0.30103) + 2;
  if (k > max)
    k = max;
  mpfr_exp_t e0;
  if (agree_near(x, k, out, e ? e : &e0) || agree_mid(x, k, out, e ? e : &e0))
    return k;
  /* rounding to nearest is monotone: when both ends of the ball round to the
     same k digits, so does every number between them */
  mpfr_t lo, hi;
  mpfr_inits2(MPFR_PREC_MIN, lo, hi, (mpfr_ptr)0);
  xiN_ends(x, lo, hi);
  while (k > 0 && !agree(lo, hi, k, out, e))
    k--;
  mpfr_clears(lo, hi, (mpfr_ptr)0);
  return k;
}

/* m with 2 significant digits, rounded as rnd says, laid out as xiN_write
   lays out digits, at out (40 bytes) */
static size_t two_digits(char *out, mpfr_srcptr m, mpfr_rnd_t rnd) {
  mpfr_exp_t e;
  if (mpfr_inf_p(m) || mpfr_nan_p(m)) { /* (a bound past MPFR's range) */
    strcpy(out, mpfr_nan_p(m) ? "nan" : "inf");
    return 3;
  }
  if (mpfr_zero_p(m) || !mpfr_get_str(out + 8, &e, 10, 2, m, rnd)) {
    strcpy(out, "0");
    return 1;
  }
  if (e >= 0 && e <= 2) /* 0.1 to 99: plainly */
    return lay_out(out, e, 0, 2);
  int neg = out[8] == '-'; /* else D.De±N: 1.9e-6 */
  char d0 = out[8 + neg], d1 = out[9 + neg];
  return (size_t)sprintf(out, "%s%c.%ce%+ld", neg ? "-" : "", d0, d1, (long)e - 1);
}

/* a ball that proves no digit, as what it does prove (x finite): "0 ± B"
   when it holds 0, else "M ± B" with M its midpoint to 2 digits; B bounds
   |x - M| for every number in x, rounded up to 2 digits */
static size_t bound(char *out, const arb_t x) {
  arb_t d;
  arb_init(d);
  size_t n = 1;
  if (arb_contains_zero(x)) {
    memcpy(out, "0", 2);
    arb_set(d, x);
  } else {
    mpfr_t m;
    slong bits = arf_bits(arb_midref(x));
    mpfr_init2(m, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : bits);
    arf_get_mpfr(m, arb_midref(x), MPFR_RNDN); /* exact */
    int ok = mpfr_number_p(m);
    n = two_digits(out, m, MPFR_RNDN);
    mpfr_clear(m);
    if (!ok || arb_set_str(d, out, 64)) { /* (past MPFR's range: nothing to say) */
      arb_clear(d);
      memcpy(out, "?", 2);
      return 1;
    }
    arb_sub(d, x, d, 64); /* d: x - M, M as written (a ball that holds it) */
  }
  arf_t u;
  arf_init(u);
  arb_get_abs_ubound_arf(u, d, 64);
  mpfr_t r;
  mpfr_init2(r, 64);
  arf_get_mpfr(r, u, MPFR_RNDU);
  memcpy(out + n, " \xc2\xb1 ", 4); /* " ± " */
  n += 4;
  n += two_digits(out + n, r, MPFR_RNDU);
  mpfr_clear(r);
  arf_clear(u);
  arb_clear(d);
  return n;
}

size_t xiN_write_mag(char *out, const mag_t m) {
  arf_t u;
  arf_init(u);
  arf_set_mag(u, m);
  mpfr_t r;
  mpfr_init2(r, 64);
  arf_get_mpfr(r, u, MPFR_RNDU);
  size_t n = two_digits(out, r, MPFR_RNDU);
  mpfr_clear(r);
  arf_clear(u);
  return n;
}

size_t xiN_write_ball(char *out, const arb_t x, int digits, int *nknown) {
  mpfr_exp_t e = 0;
  *nknown = known(x, digits, out + 8, &e);
  if (*nknown == 0 && arb_is_finite(x))
    return bound(out, x);
  if (*nknown == 0) {
    memcpy(out, "?", 2);
    return 1;
  }
  /* the midpoint is in the ball: its rounding is every number's there; the
     digits agree found are its own rounding (it lies between the ends), laid
     out without asking for them again (as a whole number only when it is one:
     a ball around 1 is 1.000000000) */
  if (out[8])
    return lay_out(out, e, arb_is_exact(x) && arf_is_int(arb_midref(x)), *nknown);
  mpfr_t m;
  slong bits = arf_bits(arb_midref(x));
  mpfr_init2(m, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : bits);
  arf_get_mpfr(m, arb_midref(x), MPFR_RNDN); /* exact: m has the bits */
  size_t n = xiN_write(out, m, *nknown);
  mpfr_clear(m);
  return n;
}
