/* pyfmt.c: Python's str() and format() of numbers, and NumPy's str() of
 * arrays, for pasted code (see pyfmt.h for what is printed from a float64 and
 * what from the value itself).
 *
 * Every number becomes a digit string and a decimal point position (dig):
 *   shortest  the shortest digits that read back as a given double (Python's
 *             repr, NumPy's unique mode), found with exact integer comparisons
 *             against the double's rounding interval
 *   sig       n significant digits of an exact value, correctly rounded
 *   fixed     the digits up to n places after the point, correctly rounded
 * and is then laid out as CPython's format_float_short lays out dtoa's digits
 * (layout), padded and grouped as its calc_number_widths and fill_number do
 * (fill_number), or placed in NumPy's columns and lines (np_str). */
#include "show/pyfmt.h"
#include "ops/fmt.h"

#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- digits ---- */

enum { K_FIN, K_INF, K_NAN };

typedef struct {
  char *d;    /* the digits, no sign, no point, NUL-terminated (in, or malloc'd) */
  size_t len;
  long decpt; /* the value is 0.d × 10^decpt (for 0: "0", decpt 1) */
  int neg, kind;
  char in[32];
} dig;

static void dig_free(dig *g) {
  if (g->d != g->in)
    free(g->d);
  g->d = NULL;
}

/* room for n digits with a sign and a NUL (what mpfr_get_str needs) */
static char *dig_room(dig *g, size_t n) {
  dig_free(g);
  g->d = n + 2 <= sizeof g->in ? g->in : malloc(n + 2);
  return g->d;
}

static int dig_zero(dig *g, int neg) {
  if (!dig_room(g, 1))
    return -1;
  strcpy(g->d, "0");
  g->len = 1, g->decpt = 1, g->neg = neg, g->kind = K_FIN;
  return 0;
}

/* trailing zeros off (dtoa returns none); at least one digit stays */
static void strip(dig *g) {
  while (g->len > 1 && g->d[g->len - 1] == '0')
    g->d[--g->len] = '\0';
}

/* n >= 1 significant digits of x (finite), to nearest with ties to even */
static int sig(dig *g, mpfr_srcptr x, size_t n) {
  if (mpfr_zero_p(x))
    return dig_zero(g, mpfr_signbit(x));
  char *s = dig_room(g, n);
  mpfr_exp_t e;
  if (!s || !mpfr_get_str(s, &e, 10, n, x, MPFR_RNDN))
    return -1;
  if (s[0] == '-')
    memmove(s, s + 1, n + 1);
  g->len = n, g->decpt = (long)e, g->neg = mpfr_signbit(x), g->kind = K_FIN;
  return 0;
}

/* the position of x's first digit (x = 0.d × 10^e, d not rounded up) */
static long decexp(mpfr_srcptr x) {
  char s[8];
  mpfr_exp_t e;
  mpfr_get_str(s, &e, 10, 2, x, MPFR_RNDZ); /* toward zero: never carries into a new digit */
  return (long)e;
}

/* x (finite) rounded to n digits after the point, to nearest with ties to
   even: sig with as many digits as the point leaves; when none are left, the
   value is compared with half a unit exactly */
static int fixed(dig *g, mpfr_srcptr x, long n) {
  if (mpfr_zero_p(x))
    return dig_zero(g, mpfr_signbit(x));
  long s = decexp(x) + n;
  if (s > 0)
    return sig(g, x, (size_t)s);
  int up = 0;
  if (s == 0) { /* 10^-(n+1) <= |x| < 10^-n: up when |x| > 10^-n / 2 */
    mpfr_t p, t;
    mpfr_init2(p, (mpfr_prec_t)(n * 2.33) + 64); /* 10^n = 2^n 5^n, exactly */
    mpfr_ui_pow_ui(p, 10, (unsigned long)n, MPFR_RNDN);
    mpfr_init2(t, mpfr_get_prec(x) + mpfr_get_prec(p));
    mpfr_mul(t, x, p, MPFR_RNDN);
    mpfr_abs(t, t, MPFR_RNDN);
    up = mpfr_cmp_ui_2exp(t, 1, -1) > 0;
    mpfr_clears(p, t, (mpfr_ptr)0);
  }
  if (dig_zero(g, mpfr_signbit(x)))
    return -1;
  if (up) {
    g->d[0] = '1';
    g->decpt = 1 - n;
  }
  return 0;
}

static void mpz_set_u64(mpz_t z, uint64_t v) {
  mpz_set_ui(z, (unsigned long)(v >> 32));
  mpz_mul_2exp(z, z, 32);
  mpz_add_ui(z, z, (unsigned long)(v & 0xffffffffu));
}

/* the sign of D·10^q - N·2^k, exactly */
static int cmp_dec_bin(const mpz_t D, long q, const mpz_t N, long k, mpz_t L, mpz_t R) {
  mpz_set(L, D);
  mpz_set(R, N);
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, (unsigned long)(q < 0 ? -q : q));
  mpz_mul(q < 0 ? R : L, q < 0 ? R : L, p);
  mpz_clear(p);
  if (k >= 0)
    mpz_mul_2exp(R, R, (mp_bitcnt_t)k);
  else
    mpz_mul_2exp(L, L, (mp_bitcnt_t)-k);
  return mpz_cmp(L, R);
}

/* the double's rounding interval: lo·2^lk .. hi·2^hk, its ends included when
   the significand is even (a read at an end rounds to the even neighbour) */
typedef struct {
  mpz_t lo, hi, mid, D, L, R;
  long lk, hk, mk;
  int incl;
} interval;

static int inside(interval *iv, long q) {
  int a = cmp_dec_bin(iv->D, q, iv->lo, iv->lk, iv->L, iv->R);
  int b = cmp_dec_bin(iv->D, q, iv->hi, iv->hk, iv->L, iv->R);
  return iv->incl ? a >= 0 && b <= 0 : a > 0 && b < 0;
}

/* is there a decimal of at most p significant digits that reads back as the
   double m?  The nearest one (correctly rounded), or else the next one on the
   far side of m (the interval is wider above a power of two), is in the
   interval if any is; found: its digits in g */
static int probe(interval *iv, mpfr_srcptr m, int p, dig *g) {
  char s[24];
  mpfr_exp_t e;
  mpfr_get_str(s, &e, 10, (size_t)p, m, MPFR_RNDN);
  mpz_set_str(iv->D, s, 10);
  long q = (long)e - p;
  if (!inside(iv, q)) {
    if (cmp_dec_bin(iv->D, q, iv->mid, iv->mk, iv->L, iv->R) < 0)
      mpz_add_ui(iv->D, iv->D, 1);
    else {
      mpz_ui_pow_ui(iv->L, 10, (unsigned long)p - 1);
      if (mpz_cmp(iv->D, iv->L) == 0) { /* 10..0: the grid below is finer */
        mpz_mul_ui(iv->D, iv->L, 10);
        q--;
      }
      mpz_sub_ui(iv->D, iv->D, 1);
    }
    if (!inside(iv, q))
      return 0;
  }
  mpz_get_str(g->in, 10, iv->D);
  g->d = g->in;
  g->len = strlen(g->in);
  g->decpt = q + (long)g->len;
  return 1;
}

/* x = M·2^E, M a whole number below 2^prec and E at least emin (the
   exponent of the smallest subnormal's unit): 1 when x is a number of that
   binary format, with *m the significand and *e the exponent */
static int split(double a, int prec, long emin, uint64_t *m, long *e) {
  int be;
  frexp(a, &be); /* a = f·2^be, 1/2 <= f < 1 */
  long E = (long)be - prec < emin ? emin : (long)be - prec;
  double M = ldexp(a, (int)-E);
  if (M != floor(M) || M >= ldexp(1, prec))
    return 0;
  *m = (uint64_t)M, *e = E;
  return 1;
}

/* the shortest digits that read back as x (finite, nonzero), the nearest of
   them to x: Python's repr (David Gay's dtoa, mode 0).  In an IEEE format
   (format binary16, ...), read back in that format, as NumPy's repr of a
   float16 or float32 is: 0.1 in binary32 prints 0.1, not 0.10000000149011612. */
static void shortest(dig *g, double x) {
  double a = fabs(x);
  int prec = 53;
  long emin = -1074, E = 0;
  uint64_t M = 0;
  if (xiO_fmt != XI_FMT_MPFR && xiO_formats[xiO_fmt].prec < 53 &&
      split(a, (int)xiO_formats[xiO_fmt].prec, xiO_formats[xiO_fmt].emin - 1, &M, &E))
    prec = (int)xiO_formats[xiO_fmt].prec, emin = xiO_formats[xiO_fmt].emin - 1;
  else
    split(a, 53, -1074, &M, &E); /* (every double is a binary64 number) */
  interval iv;
  mpz_inits(iv.lo, iv.hi, iv.mid, iv.D, iv.L, iv.R, NULL);
  mpz_set_u64(iv.mid, M);
  mpz_mul_2exp(iv.mid, iv.mid, 1);
  iv.mk = E - 1;
  mpz_add_ui(iv.hi, iv.mid, 1);
  iv.hk = E - 1;
  if (M == UINT64_C(1) << (prec - 1) && E > emin) { /* the number below is twice as close */
    mpz_mul_2exp(iv.lo, iv.mid, 1);
    mpz_sub_ui(iv.lo, iv.lo, 1);
    iv.lk = E - 2;
  } else {
    mpz_sub_ui(iv.lo, iv.mid, 1);
    iv.lk = E - 1;
  }
  iv.incl = (M & 1) == 0;
  mpfr_t m;
  mpfr_init2(m, 53);
  mpfr_set_d(m, a, MPFR_RNDN);
  /* a decimal of p digits that reads back exists for every p past the
     shortest: search for the first */
  int lo = 1, hi = 17, found = 0;
  dig best = {0};
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (probe(&iv, m, mid, &best))
      hi = mid, found = mid;
    else
      lo = mid + 1;
  }
  while (found != lo && !probe(&iv, m, lo, &best) && lo < 40)
    lo++; /* 17 digits always read back (Matula) */
  dig_room(g, best.len);
  memcpy(g->d, best.d, best.len + 1);
  g->len = best.len, g->decpt = best.decpt, g->neg = signbit(x) != 0, g->kind = K_FIN;
  strip(g);
  mpfr_clear(m);
  mpz_clears(iv.lo, iv.hi, iv.mid, iv.D, iv.L, iv.R, NULL);
}

/* the double nearest x, when it stands for x as well as any float64 can
   (pyfmt.h): 1, and *d; 0 when x must be printed from its own digits */
static int as_double(mpfr_srcptr x, double *d) {
  *d = mpfr_get_d(x, MPFR_RNDN);
  if (!mpfr_number_p(x) || mpfr_zero_p(x))
    return 1;
  if (isinf(*d))
    return 0;
  if (fabs(*d) < DBL_MIN)
    return mpfr_cmp_d(x, *d) == 0;
  return 1;
}

static void kind_of(dig *g, mpfr_srcptr x) {
  g->kind = mpfr_nan_p(x) ? K_NAN : mpfr_inf_p(x) ? K_INF : K_FIN;
  g->neg = mpfr_signbit(x) && !mpfr_nan_p(x);
}

/* repr's digits: the double's shortest, or 17 of x's own (kept whole) */
static int repr_digits(dig *g, mpfr_srcptr x) {
  kind_of(g, x);
  if (g->kind != K_FIN)
    return 0;
  double d;
  if (!as_double(x, &d))
    return sig(g, x, 17);
  if (d == 0)
    return dig_zero(g, signbit(d) != 0);
  shortest(g, d);
  return g->d ? 0 : -1;
}

/* ---- Python's layout of digits (format_float_short in pystrtod.c) ---- */

static void zeros(xiW_buf *b, long n, char c) {
  char z[64];
  memset(z, c, sizeof z);
  for (; n > 0 && !b->failed; n -= (long)sizeof z)
    xiW_str(b, z, n < (long)sizeof z ? (size_t)n : sizeof z);
}

/* code 'e' (precision: the digits wanted, one more than after the point),
   'f', 'g' or 'r' (repr); the sign is not written */
static void layout(xiW_buf *b, const dig *g, int code, long precision, int add_dot_0, int alt,
                   int upper) {
  if (g->kind != K_FIN) {
    xiW_put(b, "%s", g->kind == K_NAN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    return;
  }
  long decpt = g->decpt, dl = (long)g->len, vend = dl, exp = 0;
  int use_exp = 0;
  switch (code) {
  case 'e':
    use_exp = 1;
    vend = precision;
    break;
  case 'f':
    vend = decpt + precision;
    break;
  case 'g':
    if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
      use_exp = 1;
    if (alt)
      vend = precision;
    break;
  default: /* 'r'; 'x' and 'p': repr's digits, in exponent form or not, as
               NumPy decides it for a float16 or float32 scalar (str_float) */
    if (code == 'x' || (code == 'r' && (decpt <= -4 || decpt > 16)))
      use_exp = 1;
  }
  if (use_exp)
    exp = decpt - 1, decpt = 1;
  long vstart = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vend = vend > decpt ? vend : decpt + 1;
  else
    vend = vend > decpt ? vend : decpt;
  size_t start = b->n;
  if (decpt <= 0) {
    zeros(b, decpt - vstart, '0');
    xiW_str(b, ".", 1);
    zeros(b, -decpt, '0');
  }
  if (0 < decpt && decpt <= dl) {
    xiW_str(b, g->d, (size_t)decpt);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + decpt, (size_t)(dl - decpt));
  } else {
    xiW_str(b, g->d, (size_t)dl);
  }
  if (dl < decpt) {
    zeros(b, decpt - dl, '0');
    xiW_str(b, ".", 1);
    zeros(b, vend - decpt, '0');
  } else {
    zeros(b, vend - dl, '0');
  }
  if (!b->failed && b->n > start && b->s[b->n - 1] == '.' && !alt)
    b->s[--b->n] = '\0';
  if (use_exp)
    xiW_put(b, "%c%+.02ld", upper ? 'E' : 'e', exp);
}

/* ---- Python's format-spec mini-language ---- */

typedef struct {
  const char *fill;
  size_t fill_len; /* the fill character's bytes */
  int align, sign, z, alt, sep, group;
  long width, prec; /* -1: not given */
  long type;        /* 0, or the character (a code point) */
} fspec;

/* the length of the UTF-8 character starting with byte c */
static size_t u8len(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static long u8code(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n == 1)
    return u[0];
  long c = u[0] & (0x7F >> n);
  for (size_t i = 1; i < n; i++)
    c = (c << 6) | (u[i] & 0x3F);
  return c;
}

static size_t u8count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Python's message for a type code: 'd', or '\xe9' past ASCII */
static void code_text(char *out, size_t n, long type) {
  if (type > 32 && type < 128)
    snprintf(out, n, "%c", (int)type);
  else
    snprintf(out, n, "\\x%lx", type);
}

static int fail(char *why, size_t n, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(char *why, size_t n, int rc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (why && n)
    vsnprintf(why, n, fmt, ap);
  va_end(ap);
  return rc;
}

/* digits of a width or precision: Python's get_integer; -1 on overflow */
static int get_integer(const char *s, size_t len, size_t *pos, long *out) {
  long acc = 0;
  int nd = 0;
  for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, nd++) {
    long dv = s[*pos] - '0';
    if (acc > (INT64_MAX - dv) / 10)
      return -1;
    acc = acc * 10 + dv;
  }
  *out = acc;
  return nd;
}

/* parse_internal_render_format_spec: 0, or -1 with Python's message */
static int parse_spec(fspec *f, const char *s, size_t len, const char *tname, char *why, size_t n) {
  size_t pos = 0;
  int align_given = 0, fill_given = 0;
  memset(f, 0, sizeof *f);
  f->fill = " ", f->fill_len = 1, f->align = '>', f->width = f->prec = -1;
  size_t fl = len ? u8len((unsigned char)s[0]) : 0;
  if (fl && fl < len && is_align(s[fl])) {
    f->fill = s, f->fill_len = fl, f->align = s[fl];
    fill_given = align_given = 1;
    pos = fl + 1;
  } else if (len && is_align(s[0])) {
    f->align = s[0], align_given = 1, pos = 1;
  }
  if (pos < len && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-'))
    f->sign = s[pos++];
  if (pos < len && s[pos] == 'z')
    f->z = 1, pos++;
  if (pos < len && s[pos] == '#')
    f->alt = 1, pos++;
  if (!fill_given && pos < len && s[pos] == '0') {
    f->fill = "0", f->fill_len = 1;
    if (!align_given)
      f->align = '=';
    pos++;
  }
  const char *toomany = "ValueError: Too many decimal digits in format string";
  int got = get_integer(s, len, &pos, &f->width);
  if (got < 0)
    return fail(why, n, -1, "%s", toomany);
  if (got == 0)
    f->width = -1;
  if (pos < len && s[pos] == ',')
    f->sep = ',', pos++;
  if (pos < len && s[pos] == '_') {
    if (f->sep)
      return fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
    f->sep = '_', pos++;
  }
  if (pos < len && s[pos] == ',' && f->sep == '_')
    return fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
  if (pos < len && s[pos] == '.') {
    pos++;
    got = get_integer(s, len, &pos, &f->prec);
    if (got < 0)
      return fail(why, n, -1, "%s", toomany);
    if (got == 0)
      return fail(why, n, -1, "ValueError: Format specifier missing precision");
  }
  if (pos < len) { /* one character left: the type */
    size_t tl = u8len((unsigned char)s[pos]);
    if (pos + tl != len)
      return fail(why, n, -1, "ValueError: Invalid format specifier '%.*s' for object of type '%s'",
                  (int)len, s, tname);
    f->type = u8code(s + pos, tl);
  }
  f->group = 3;
  if (f->sep) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->sep == '_') {
        f->group = 4;
        break;
      }
      /* fall through */
    default: {
      char t[16];
      code_text(t, sizeof t, f->type);
      return fail(why, n, -1, "ValueError: Cannot specify '%c' with '%s'.", f->sep, t);
    }
    }
  }
  return 0;
}

static void put_fill(xiW_buf *b, const fspec *f, long k) {
  if (f->fill_len == 1) {
    zeros(b, k, f->fill[0]);
    return;
  }
  for (; k > 0 && !b->failed; k--)
    xiW_str(b, f->fill, f->fill_len);
}

/* digits d[0..nd) grouped from the right (Python's
   _PyUnicode_InsertThousandsGrouping), with the zeros that '0' padding to
   min_width adds, grouped too */
static void group(xiW_buf *b, const char *d, long nd, long min_width, int sep, int g) {
  if (min_width < 0)
    min_width = 0;
  size_t cap = (size_t)(nd + min_width) * 2 + 8;
  char *tmp = malloc(cap);
  if (!tmp) {
    b->failed = XI_W_MEMORY;
    return;
  }
  char *p = tmp + cap;
  long remaining = nd, len, nz, nc;
  int use_sep = 0;
  for (;;) {
    len = remaining > min_width ? remaining : min_width;
    if (len < 1)
      len = 1;
    if (sep && len > g)
      len = g;
    nz = len - remaining > 0 ? len - remaining : 0;
    nc = remaining < len ? remaining : len;
    if (nc < 0)
      nc = 0;
    if (use_sep)
      *--p = (char)sep;
    p -= nc;
    memcpy(p, d + remaining - nc, (size_t)nc);
    p -= nz;
    memset(p, '0', (size_t)nz);
    if (!sep)
      break; /* no grouping: one piece */
    use_sep = 1;
    remaining -= nc;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0)
      break;
    min_width -= 1;
  }
  xiW_str(b, p, (size_t)(tmp + cap - p));
  free(tmp);
}

/* calc_number_widths and fill_number: the body is ndigits digits (-1: its
   leading decimal digits) then the rest (point, fraction, exponent, '%') */
static void fill_number(xiW_buf *b, const fspec *f, int neg, const char *prefix, const char *body,
                        size_t blen, long ndigits) {
  size_t nd = ndigits >= 0 ? (size_t)ndigits : 0;
  while (ndigits < 0 && nd < blen && body[nd] >= '0' && body[nd] <= '9')
    nd++;
  const char *rest = body + nd;
  size_t rest_bytes = blen - nd;
  char sign = neg ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
  long n_prefix = (long)strlen(prefix);
  long nondigit = (sign != 0) + n_prefix + (long)u8count(rest, rest_bytes);
  long min_width = f->fill_len == 1 && f->fill[0] == '0' && f->align == '=' ? f->width - nondigit : 0;
  xiW_buf dg = {0};
  if (nd)
    group(&dg, body, (long)nd, min_width, f->sep, f->group);
  if (dg.failed) {
    b->failed = dg.failed;
    xiW_free(&dg);
    return;
  }
  long pad = f->width - (nondigit + (long)dg.n), lpad = 0, spad = 0, rpad = 0;
  if (pad > 0) {
    switch (f->align) {
    case '<': rpad = pad; break;
    case '^': lpad = pad / 2, rpad = pad - lpad; break;
    case '=': spad = pad; break;
    default: lpad = pad;
    }
  }
  put_fill(b, f, lpad);
  if (sign)
    xiW_str(b, &sign, 1);
  xiW_str(b, prefix, (size_t)n_prefix);
  put_fill(b, f, spad);
  if (dg.n)
    xiW_str(b, dg.s, dg.n);
  xiW_str(b, rest, rest_bytes);
  put_fill(b, f, rpad);
  xiW_free(&dg);
}

/* ---- what a view holds ---- */

enum { T_FLOAT, T_INT, T_BOOL };
static const char *const tnames[] = {"float", "int", "bool"};

/* a whole number of more than XI_PY_DIGITS_MAX digits */
static int huge_int(mpfr_srcptr x) {
  return !mpfr_zero_p(x) && mpfr_get_exp(x) > (mpfr_exp_t)(XI_PY_DIGITS_MAX * 3.33);
}

/* the type a value is printed as: its dtype, unless it cannot hold it (an int
   that is not whole is printed as a float, a bool not 0 or 1 as an int) */
static int type_of(mpfr_srcptr x, int dtype) {
  if (dtype == XI_DT_BOOL && (mpfr_zero_p(x) || mpfr_cmp_ui(x, 1) == 0))
    return T_BOOL;
  if (dtype != XI_DT_FLOAT && mpfr_integer_p(x))
    return T_INT;
  return T_FLOAT;
}

/* ---- format() ---- */

static int too_big(char *why, size_t n, const char *what, long v) {
  return fail(why, n, -2, "the %s %ld is more than xi writes (%d)", what, v, XI_PY_DIGITS_MAX);
}

static int format_float(xiW_buf *b, mpfr_srcptr x0, const fspec *f0, char *why, size_t n) {
  fspec f = *f0;
  if (f.prec > 2147483647L)
    return fail(why, n, -1, "ValueError: precision too big");
  if (f.prec > XI_PY_DIGITS_MAX)
    return too_big(why, n, "precision", f.prec);
  long type = f.type, prec = f.prec;
  int add_dot_0 = 0, pct = 0, upper = type == 'E' || type == 'F' || type == 'G', code;
  long dflt = 6;
  if (type == 0)
    add_dot_0 = 1, code = 'r', dflt = 0;
  else if (type == 'n' || type == 'G')
    code = 'g';
  else if (type == '%')
    code = 'f', pct = 1;
  else
    code = (int)(type | 0x20); /* e f g */
  if (prec < 0)
    prec = dflt;
  else if (code == 'r')
    code = 'g';
  mpfr_t h; /* x·100 for '%', exactly */
  mpfr_srcptr x = x0;
  if (pct) {
    mpfr_init2(h, mpfr_get_prec(x0) + 8);
    mpfr_mul_ui(h, x0, 100, MPFR_RNDN);
    x = h;
    if (mpfr_inf_p(h) && mpfr_number_p(x0)) {
      mpfr_clear(h);
      return fail(why, n, -2, "the number times 100 is past MPFR's exponent range");
    }
  }
  dig g = {0};
  int rc = 0;
  kind_of(&g, x);
  if (g.kind == K_FIN) {
    if (code == 'r')
      rc = repr_digits(&g, x);
    else if (code == 'e')
      rc = sig(&g, x, (size_t)prec + 1);
    else if (code == 'g')
      rc = sig(&g, x, prec ? (size_t)prec : 1);
    else if (!mpfr_zero_p(x) && decexp(x) > XI_PY_DIGITS_MAX)
      rc = fail(why, n, -2, "the number has %ld digits before the point, more than xi writes (%d)",
                decexp(x), XI_PY_DIGITS_MAX);
    else
      rc = fixed(&g, x, prec);
    if (rc == -1) {
      b->failed = XI_W_MEMORY;
      rc = fail(why, n, -2, "%s", xiW_why(b));
    }
    if (code != 'r')
      strip(&g);
  }
  if (pct)
    mpfr_clear(h);
  if (rc) {
    dig_free(&g);
    return rc;
  }
  if (code == 'e')
    prec++;
  if (code == 'g' && prec == 0)
    prec = 1;
  if (f.z && g.kind == K_FIN && g.len == 1 && g.d[0] == '0')
    g.neg = 0;
  xiW_buf body = {0};
  layout(&body, &g, code, prec, add_dot_0, f.alt, upper);
  if (pct)
    xiW_str(&body, "%", 1);
  if (type == 'n')
    f.sep = 0; /* the C locale groups nothing */
  if (!body.failed)
    fill_number(b, &f, g.neg, "", body.s, body.n, -1);
  else
    b->failed = body.failed;
  xiW_free(&body);
  dig_free(&g);
  return 0;
}

static int format_int(xiW_buf *b, mpfr_srcptr x, const fspec *f0, char *why, size_t n) {
  fspec f = *f0;
  if (f.prec != -1)
    return fail(why, n, -1, "ValueError: Precision not allowed in integer format specifier");
  if (f.z)
    return fail(why, n, -1,
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, x, MPFR_RNDN); /* exact: x is whole */
  int rc = 0;
  if (f.type == 'c') {
    if (f.sign)
      rc = fail(why, n, -1, "ValueError: Sign not allowed with integer format specifier 'c'");
    else if (f.alt)
      rc = fail(why, n, -1,
                "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
    else if (mpz_sgn(z) < 0 || mpz_cmp_ui(z, 0x10ffff) > 0)
      rc = fail(why, n, -1, "OverflowError: %%c arg not in range(0x110000)");
    else if (mpz_get_ui(z) >= 0xd800 && mpz_get_ui(z) < 0xe000)
      rc = fail(why, n, -2, "U+%04lX is a lone surrogate, which UTF-8 cannot write",
                mpz_get_ui(z));
    if (!rc) {
      unsigned long c = mpz_get_ui(z);
      char u[4];
      size_t k;
      if (c < 0x80)
        u[0] = (char)c, k = 1;
      else if (c < 0x800)
        u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F)), k = 2;
      else if (c < 0x10000)
        u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (c & 0x3F)), k = 3;
      else
        u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), k = 4;
      fill_number(b, &f, 0, "", u, k, 0); /* all rest, no digits */
    }
    mpz_clear(z);
    return rc;
  }
  if (huge_int(x)) {
    mpz_clear(z);
    return fail(why, n, -2, "the int has more digits than xi writes (%d)", XI_PY_DIGITS_MAX);
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : f.type == 'x' ? 16 : f.type == 'X' ? -16 : 10;
  const char *prefix = "";
  if (f.alt)
    prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : base == -16 ? "0X" : "";
  if (f.type == 'n')
    f.sep = 0; /* the C locale groups nothing */
  int neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  char *d = mpz_get_str(NULL, base, z);
  if (d)
    fill_number(b, &f, neg, prefix, d, strlen(d), (long)strlen(d));
  else
    b->failed = XI_W_MEMORY;
  void (*freef)(void *, size_t);
  mp_get_memory_functions(NULL, NULL, &freef);
  if (d)
    freef(d, strlen(d) + 1);
  mpz_clear(z);
  return 0;
}

/* ---- str() of a scalar ---- */

static void str_float(xiW_buf *b, mpfr_srcptr x) {
  dig g = {0};
  if (repr_digits(&g, x)) {
    b->failed = XI_W_MEMORY;
    return;
  }
  if (g.neg)
    xiW_str(b, "-", 1);
  int code = 'r'; /* Python's rule, from the digits; NumPy's for a float16 or float32,
                     from the value: exponent form below 1e-4 (float32 1e-4 is 1e-04) */
  if (xiO_fmt != XI_FMT_MPFR && mpfr_regular_p(x)) { /* (a format's number is a double) */
    double ax = fabs(mpfr_get_d(x, MPFR_RNDN));
    code = ax < 1e-4 || ax >= 1e16 ? 'x' : 'p';
  }
  layout(b, &g, code, 0, 1, 0, 0);
  dig_free(&g);
}

static void str_int(xiW_buf *b, mpfr_srcptr x) {
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, x, MPFR_RNDN);
  size_t k = mpz_sizeinbase(z, 10) + 2;
  char *d = malloc(k);
  if (d) {
    mpz_get_str(d, 10, z);
    xiW_str(b, d, strlen(d));
  } else {
    b->failed = XI_W_MEMORY;
  }
  free(d);
  mpz_clear(z);
}

static void str_scalar(xiW_buf *b, mpfr_srcptr x, int dtype) {
  switch (type_of(x, dtype)) {
  case T_BOOL:
    xiW_put(b, "%s", mpfr_zero_p(x) ? "False" : "True");
    break;
  case T_INT:
    if (huge_int(x))
      str_float(b, x); /* 17 digits and an exponent */
    else
      str_int(b, x);
    break;
  default:
    str_float(b, x);
  }
}

/* ---- NumPy's str() of an array (arrayprint.py, default options) ---- */

#define NP_LINEWIDTH 75
#define NP_THRESHOLD 1000
#define NP_EDGE 3
#define NP_PRECISION 8

typedef struct {
  const xiO_view *v;
  int type;                 /* T_*, for the whole array */
  uint32_t nr, nc;          /* rows and columns shown */
  uint32_t *rows, *cols;    /* which */
  int rsum, csum;           /* '...' between rows, between columns */
  dig *g;                   /* floats: each shown element's digits */
  char **ints;              /* ints: each shown element's digits */
  int exp;                  /* floats in exponent form */
  long pad_left, pad_right, prec, exp_size;
  long w;                   /* every element's width */
} npfmt;

static mpfr_srcptr np_at(const npfmt *f, uint32_t i, uint32_t j) {
  return &f->v->el[(size_t)f->rows[i] * f->v->sh.cols + f->cols[j]];
}

static long ndigits(long v) {
  long k = 1;
  for (v = v < 0 ? -v : v; v >= 10; v /= 10)
    k++;
  return k;
}

/* NumPy's FloatingFormat.fillFormat: the mode, the digits and the widths */
static int np_floats(npfmt *f) {
  size_t k = (size_t)f->nr * f->nc;
  double maxv = 0, minv = INFINITY;
  int nonzero = 0, finite = 0, nonfinite = 0, neginf = 0, own = 0;
  char *fromd = calloc(k, 1); /* printed from the double */
  double *d = calloc(k, sizeof *d);
  if (!fromd || !d) {
    free(fromd), free(d);
    return -1;
  }
  for (uint32_t i = 0; i < f->nr; i++)
    for (uint32_t j = 0; j < f->nc; j++) {
      size_t e = (size_t)i * f->nc + j;
      mpfr_srcptr x = np_at(f, i, j);
      kind_of(&f->g[e], x);
      if (f->g[e].kind != K_FIN) {
        nonfinite = 1;
        neginf |= f->g[e].kind == K_INF && f->g[e].neg;
        continue;
      }
      finite = 1;
      fromd[e] = (char)as_double(x, &d[e]);
      if (!fromd[e])
        own = 1;
      else if (d[e] != 0) {
        double a = fabs(d[e]);
        nonzero = 1;
        maxv = a > maxv ? a : maxv;
        minv = a < minv ? a : minv;
      }
    }
  f->exp = own || (nonzero && (maxv >= 1e8 || minv < 0.0001 || maxv / minv > 1000.));
  mpfr_t m;
  mpfr_init2(m, 53);
  int rc = 0;
  f->pad_left = f->pad_right = f->prec = 0;
  f->exp_size = -1;
  for (size_t e = 0; e < k && !rc; e++) {
    dig *g = &f->g[e];
    if (g->kind != K_FIN)
      continue;
    mpfr_srcptr x = np_at(f, (uint32_t)(e / f->nc), (uint32_t)(e % f->nc));
    if (xiO_stopped()) {
      rc = -2;
      break;
    }
    int neg = g->neg;
    if (!fromd[e]) {
      rc = sig(g, x, NP_PRECISION + 1);
      strip(g);
    } else if (d[e] == 0) {
      rc = dig_zero(g, signbit(d[e]) != 0);
    } else {
      shortest(g, d[e]);
      mpfr_set_d(m, d[e], MPFR_RNDN);
      if (f->exp && (long)g->len - 1 > NP_PRECISION)
        rc = sig(g, m, NP_PRECISION + 1), strip(g);
      else if (!f->exp && (long)g->len - g->decpt > NP_PRECISION)
        rc = fixed(g, m, NP_PRECISION), strip(g);
    }
    g->neg = neg;
    if (rc)
      break;
    if (f->exp) {
      long x10 = g->decpt - 1, es = ndigits(x10) < 2 ? 2 : ndigits(x10);
      f->exp_size = es > f->exp_size ? es : f->exp_size;
      f->prec = (long)g->len - 1 > f->prec ? (long)g->len - 1 : f->prec;
      f->pad_left = 1 + neg > f->pad_left ? 1 + neg : f->pad_left;
    } else {
      long il = neg + (g->decpt > 1 ? g->decpt : 1), fl = (long)g->len - g->decpt;
      f->pad_left = il > f->pad_left ? il : f->pad_left;
      f->pad_right = fl > f->pad_right ? fl : f->pad_right;
    }
  }
  /* NumPy's exponent form prints every element with the longest one's digits
     (min_digits): past a float64's shortest digits they are zeros, but past a
     float16's they are the value's own (float16 0.1 beside 1/3 is 9.998e-02) */
  for (size_t e = 0; e < k && !rc && f->exp && xiO_fmt != XI_FMT_MPFR; e++)
    if (f->g[e].kind == K_FIN && fromd[e] && d[e] != 0 && (long)f->g[e].len - 1 < f->prec) {
      int neg = f->g[e].neg;
      mpfr_set_d(m, d[e], MPFR_RNDN);
      rc = sig(&f->g[e], m, f->prec + 1);
      f->g[e].neg = neg;
    }
  mpfr_clear(m);
  free(fromd), free(d);
  if (rc)
    return rc;
  if (finite && f->exp)
    f->pad_right = f->exp_size + 2 + f->prec;
  if (!finite)
    f->pad_left = f->pad_right = 0;
  if (nonfinite) {
    long off = f->pad_right + 1;
    f->pad_left = 3 - off > f->pad_left ? 3 - off : f->pad_left;
    f->pad_left = 3 + neginf - off > f->pad_left ? 3 + neginf - off : f->pad_left;
  }
  f->w = f->pad_left + 1 + f->pad_right;
  return 0;
}

static void np_float(xiW_buf *b, const npfmt *f, const dig *g) {
  if (g->kind != K_FIN) {
    const char *t = g->kind == K_NAN ? "nan" : g->neg ? "-inf" : "inf";
    zeros(b, f->w - (long)strlen(t), ' ');
    xiW_str(b, t, strlen(t));
    return;
  }
  long len = (long)g->len, dp = g->decpt;
  if (f->exp) {
    zeros(b, f->pad_left - 1 - g->neg, ' ');
    if (g->neg)
      xiW_str(b, "-", 1);
    xiW_str(b, g->d, 1);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + 1, (size_t)len - 1);
    zeros(b, f->prec - (len - 1), '0');
    long x10 = dp - 1;
    xiW_put(b, "e%c", x10 < 0 ? '-' : '+');
    zeros(b, f->exp_size - ndigits(x10), '0');
    xiW_put(b, "%ld", x10 < 0 ? -x10 : x10);
    return;
  }
  long il = g->neg + (dp > 1 ? dp : 1), fl = len - dp > 0 ? len - dp : 0;
  zeros(b, f->pad_left - il, ' ');
  if (g->neg)
    xiW_str(b, "-", 1);
  if (dp <= 0) {
    xiW_str(b, "0.", 2);
    zeros(b, -dp, '0');
    xiW_str(b, g->d, (size_t)len);
  } else if (dp >= len) {
    xiW_str(b, g->d, (size_t)len);
    zeros(b, dp - len, '0');
    xiW_str(b, ".", 1);
  } else {
    xiW_str(b, g->d, (size_t)dp);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + dp, (size_t)(len - dp));
  }
  zeros(b, f->pad_right - fl, ' ');
}

static void np_elem(xiW_buf *b, const npfmt *f, uint32_t i, uint32_t j) {
  size_t e = (size_t)i * f->nc + j;
  if (f->type == T_FLOAT) {
    np_float(b, f, &f->g[e]);
  } else if (f->type == T_INT) {
    long len = (long)strlen(f->ints[e]);
    zeros(b, f->w - len, ' ');
    xiW_str(b, f->ints[e], (size_t)len);
  } else {
    xiW_put(b, "%s", mpfr_zero_p(np_at(f, i, j)) ? "False" : " True");
  }
}

/* _extendLine: a new line when the word would pass the width, unless the
   line holds nothing yet */
static void np_word(xiW_buf *b, long *line, long len, long hang, long width) {
  if (*line + len > width && *line > hang) {
    while (!b->failed && b->n && b->s[b->n - 1] == ' ')
      b->s[--b->n] = '\0';
    xiW_str(b, "\n", 1);
    zeros(b, hang, ' ');
    *line = hang;
  }
  *line += len;
}

/* one row: hang is its hanging indent, width the line's width less the ']' */
static void np_row(xiW_buf *b, const npfmt *f, uint32_t i, long hang, long width) {
  long line = hang, ew = width - 1;
  xiW_str(b, "[", 1);
  for (uint32_t j = 0; j < f->nc && !b->failed; j++) {
    if (f->csum && j == NP_EDGE) {
      np_word(b, &line, 3, hang, ew);
      xiW_str(b, "... ", 4);
      line++;
    }
    if (xiO_stopped()) {
      b->failed = XI_W_STOPPED;
      return;
    }
    np_word(b, &line, f->w, hang, ew);
    np_elem(b, f, i, j);
    if (j + 1 < f->nc)
      xiW_str(b, " ", 1), line++;
  }
  xiW_str(b, "]", 1);
}

/* the shown indices along an axis of n: all, or the first and last 3 */
static uint32_t np_axis(uint32_t *out, uint32_t n, int sum) {
  if (!sum) {
    for (uint32_t i = 0; i < n; i++)
      out[i] = i;
    return n;
  }
  for (uint32_t i = 0; i < NP_EDGE; i++)
    out[i] = i, out[NP_EDGE + i] = n - NP_EDGE + i;
  return 2 * NP_EDGE;
}

static void np_str(xiW_buf *b, const xiO_view *v) {
  uint32_t R = v->sh.rank == 2 ? v->sh.rows : 1, C = v->sh.cols;
  if ((size_t)R * C == 0 || v->n == 0) {
    xiW_str(b, "[]", 2);
    return;
  }
  npfmt f = {.v = v};
  int sum = (size_t)R * C > NP_THRESHOLD;
  f.rsum = sum && R > 2 * NP_EDGE, f.csum = sum && C > 2 * NP_EDGE;
  f.rows = malloc(sizeof *f.rows * (f.rsum ? 2 * NP_EDGE : R));
  f.cols = malloc(sizeof *f.cols * (f.csum ? 2 * NP_EDGE : C));
  if (!f.rows || !f.cols) {
    b->failed = XI_W_MEMORY;
    goto out;
  }
  f.nr = np_axis(f.rows, R, f.rsum);
  f.nc = np_axis(f.cols, C, f.csum);
  size_t k = (size_t)f.nr * f.nc;
  /* the type of the shown elements (NumPy formats from them alone) */
  int dt = v->dtype == XI_DT_BOOL ? T_BOOL : v->dtype == XI_DT_INT ? T_INT : T_FLOAT;
  for (uint32_t i = 0; i < f.nr; i++)
    for (uint32_t j = 0; j < f.nc; j++) {
      int t = type_of(np_at(&f, i, j), v->dtype);
      if (t == T_INT && huge_int(np_at(&f, i, j)))
        t = T_FLOAT; /* printed in the float style, as str() prints it */
      dt = t < dt ? t : dt; /* float < int < bool */
    }
  f.type = dt;
  if (dt == T_FLOAT) {
    f.g = calloc(k, sizeof *f.g);
    int rc = f.g ? np_floats(&f) : -1;
    if (rc) {
      b->failed = rc == -2 ? XI_W_STOPPED : XI_W_MEMORY;
      goto out;
    }
  } else if (dt == T_INT) {
    f.ints = calloc(k, sizeof *f.ints);
    if (!f.ints) {
      b->failed = XI_W_MEMORY;
      goto out;
    }
    mpz_t z;
    mpz_init(z);
    for (size_t e = 0; e < k; e++) {
      mpfr_get_z(z, np_at(&f, (uint32_t)(e / f.nc), (uint32_t)(e % f.nc)), MPFR_RNDN);
      f.ints[e] = malloc(mpz_sizeinbase(z, 10) + 2);
      if (!f.ints[e]) {
        b->failed = XI_W_MEMORY;
        break;
      }
      mpz_get_str(f.ints[e], 10, z);
      long len = (long)strlen(f.ints[e]);
      f.w = len > f.w ? len : f.w;
    }
    mpz_clear(z);
    if (b->failed)
      goto out;
  } else {
    f.w = 5;
  }
  if (v->sh.rank != 2) {
    np_row(b, &f, 0, 1, NP_LINEWIDTH);
    goto out;
  }
  xiW_str(b, "[", 1);
  for (uint32_t i = 0; i < f.nr && !b->failed; i++) {
    if (i)
      xiW_str(b, " ", 1);
    np_row(b, &f, i, 2, NP_LINEWIDTH - 1);
    if (i + 1 < f.nr)
      xiW_str(b, "\n", 1);
    if (f.rsum && i + 1 == NP_EDGE)
      xiW_str(b, " ...\n", 5);
  }
  xiW_str(b, "]", 1);
out:
  if (f.g)
    for (size_t e = 0; e < (size_t)f.nr * f.nc; e++)
      dig_free(&f.g[e]);
  if (f.ints)
    for (size_t e = 0; e < (size_t)f.nr * f.nc; e++)
      free(f.ints[e]);
  free(f.g), free(f.ints), free(f.rows), free(f.cols);
}

/* ---- the interface ---- */

void xiW_py_str(xiW_buf *b, const xiO_view *v) {
  if (b->failed)
    return;
  if (v->sh.rank == 0)
    str_scalar(b, v->el, v->dtype);
  else
    np_str(b, v);
}

int xiW_py_format(xiW_buf *b, const xiO_view *v, const char *spec, size_t len, char *why,
                  size_t n) {
  if (b->failed)
    return fail(why, n, -2, "%s", xiW_why(b));
  size_t n0 = b->n;
  int rc = 0;
  if (len == 0) {
    xiW_py_str(b, v);
  } else if (v->sh.rank != 0) {
    return fail(why, n, -1, "TypeError: unsupported format string passed to numpy.ndarray.__format__");
  } else {
    int t = type_of(v->el, v->dtype);
    fspec f;
    if (parse_spec(&f, spec, len, tnames[t], why, n))
      return -1;
    if (t != T_FLOAT && f.type == 0)
      f.type = 'd';
    int intcode = f.type == 'b' || f.type == 'c' || f.type == 'd' || f.type == 'o' ||
                  f.type == 'x' || f.type == 'X' || f.type == 'n';
    int floatcode = f.type == 'e' || f.type == 'E' || f.type == 'f' || f.type == 'F' ||
                    f.type == 'g' || f.type == 'G' || f.type == '%';
    if (t == T_FLOAT ? !(floatcode || f.type == 0 || f.type == 'n') : !(intcode || floatcode)) {
      char c[16];
      code_text(c, sizeof c, f.type);
      return fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type '%s'", c,
                  tnames[t]);
    }
    if (f.width > XI_PY_DIGITS_MAX)
      return too_big(why, n, "width", f.width);
    if (t == T_FLOAT || floatcode)
      rc = format_float(b, v->el, &f, why, n);
    else
      rc = format_int(b, v->el, &f, why, n);
  }
  if (!rc && b->failed)
    rc = fail(why, n, -2, "%s", xiW_why(b));
  if (rc && b->s && b->n >= n0) { /* nothing of it stays */
    b->n = n0;
    b->s[n0] = '\0';
  }
  return rc;
}

void xiW_py_tuple(xiW_buf *b, const long *items, size_t n) {
  xiW_str(b, "(", 1);
  for (size_t i = 0; i < n; i++)
    xiW_put(b, i ? ", %ld" : "%ld", items[i]);
  xiW_str(b, n == 1 ? ",)" : ")", n == 1 ? 2 : 1);
}
