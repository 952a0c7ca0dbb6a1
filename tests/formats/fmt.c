/* fmt.c: the IEEE formats emulated with MPFR, their numbers read and written,
 * and the operations correctly rounded in them
 * (part of the format checker: check.c says what it does; fmt.h is what
 * its files share). */
#define _POSIX_C_SOURCE 200809L /* getline, strtok_r */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "fmt.h"

static const fmt_t FORMATS[] = {
    {"binary16", 11, -23, 16, "acc32"},
    {"bfloat16", 8, -132, 128, "acc32"},
    {"binary32", 24, -148, 128, "seq"},
    {"binary64", 53, -1073, 1024, "seq"},
};
#define NFORMATS (sizeof FORMATS / sizeof FORMATS[0])

const fmt_t *find_format(const char *name, size_t len)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strlen(FORMATS[i].name) == len && strncmp(FORMATS[i].name, name, len) == 0)
            return &FORMATS[i];
    return NULL;
}

const fmt_t *F32, *F64;

/* x holds a value rounded correctly to f->prec bits in MPFR's full exponent
 * range, t its ternary value.  Make it the value of format f: overflow to
 * +-inf, underflow to +-0, subnormals rounded to their own precision, all
 * round to nearest, ties to even.  Returns the new ternary value. */
int finish(const fmt_t *f, mpfr_t x, int t)
{
    mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    if (mpfr_get_prec(x) != f->prec) {
        fprintf(stderr, "check: internal error: precision %ld for %s\n",
                (long)mpfr_get_prec(x), f->name);
        exit(2);
    }
    mpfr_set_emin(f->emin);
    mpfr_set_emax(f->emax);
    t = mpfr_check_range(x, t, MPFR_RNDN);
    t = mpfr_subnormalize(x, t, MPFR_RNDN);
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    return t;
}

/* r = src rounded to format f (r has f's precision). */
void round_to(const fmt_t *f, mpfr_t r, const mpfr_t src)
{
    finish(f, r, mpfr_set(r, src, MPFR_RNDN));
}

/* ---- numbers ------------------------------------------------------------ */

/* Parse s (hex float, inf, -inf, nan) into x at precision f->prec; false if
 * it is malformed or not exactly a value of format f. */
bool parse(const fmt_t *f, const char *s, mpfr_t x)
{
    if (strcmp(s, "nan") == 0 || strcmp(s, "-nan") == 0) {
        mpfr_set_nan(x);
        return true;
    }
    if (strcmp(s, "inf") == 0 || strcmp(s, "-inf") == 0) {
        mpfr_set_inf(x, s[0] == '-' ? -1 : 1);
        return true;
    }
    const char *h = s[0] == '-' ? s + 1 : s;
    if (h[0] != '0' || (h[1] != 'x' && h[1] != 'X'))
        return false;
    mpfr_t w;
    mpfr_init2(w, 128);
    char *end;
    int t = mpfr_strtofr(w, s, &end, 16, MPFR_RNDN);
    bool ok = *end == '\0' && t == 0 && !mpfr_nan_p(w) && !mpfr_inf_p(w);
    if (ok) {
        ok = mpfr_set(x, w, MPFR_RNDN) == 0;
        ok = ok && finish(f, x, 0) == 0 && mpfr_equal_p(x, w) &&
             mpfr_signbit(x) == mpfr_signbit(w);
    }
    mpfr_clear(w);
    return ok;
}

/* Bit for bit, but any NaN equals any NaN. */
bool same(const mpfr_t x, const mpfr_t y)
{
    if (mpfr_nan_p(x) || mpfr_nan_p(y))
        return mpfr_nan_p(x) && mpfr_nan_p(y);
    return mpfr_equal_p(x, y) && mpfr_signbit(x) == mpfr_signbit(y);
}

/* The signed position of finite x among the values of format f: 0 for +-0, 1
 * for the smallest subnormal, 2^(p-1) for the smallest normal, and so on; the
 * difference of two positions is a distance in ulps. */
intmax_t ordinal(const fmt_t *f, const mpfr_t x)
{
    if (mpfr_zero_p(x))
        return 0;
    mpfr_exp_t e = mpfr_get_exp(x), enorm = f->emin + f->prec - 1;
    mpfr_t t;
    mpfr_init2(t, f->prec);
    mpfr_abs(t, x, MPFR_RNDN);
    intmax_t o;
    if (e >= enorm) {
        mpfr_mul_2si(t, t, (long)(f->prec - e), MPFR_RNDN);
        o = (intmax_t)(e - enorm) * ((intmax_t)1 << (f->prec - 1)) + mpfr_get_sj(t, MPFR_RNDN);
    } else {
        mpfr_mul_2si(t, t, (long)(1 - f->emin), MPFR_RNDN);
        o = mpfr_get_sj(t, MPFR_RNDN);
    }
    if (!mpfr_integer_p(t)) {
        fprintf(stderr, "check: internal error: ordinal of a non-%s value\n", f->name);
        exit(2);
    }
    mpfr_clear(t);
    return mpfr_signbit(x) ? -o : o;
}

/* x as the tables write it: C99 hex float normalised to 0x1.<hex>p<exp>,
 * trailing zeros dropped; 0x0p+0, -0x0p+0, inf, -inf, nan. */
void show(FILE *out, const mpfr_t x)
{
    if (mpfr_nan_p(x)) {
        fputs("nan", out);
        return;
    }
    if (mpfr_inf_p(x)) {
        fputs(mpfr_signbit(x) ? "-inf" : "inf", out);
        return;
    }
    const char *sign = mpfr_signbit(x) ? "-" : "";
    if (mpfr_zero_p(x)) {
        fprintf(out, "%s0x0p+0", sign);
        return;
    }
    mpfr_prec_t p = mpfr_get_prec(x);
    mpfr_exp_t e = mpfr_get_exp(x) - 1; /* |x| = 1.f * 2^e */
    mpfr_t t;
    mpfr_init2(t, p);
    mpfr_abs(t, x, MPFR_RNDN);
    mpfr_mul_2si(t, t, (long)(p - 1 - e), MPFR_RNDN); /* the significand as an integer */
    uintmax_t frac = mpfr_get_uj(t, MPFR_RNDN) - ((uintmax_t)1 << (p - 1));
    mpfr_clear(t);
    int digits = (int)((p - 1 + 3) / 4);
    frac <<= 4 * digits - (p - 1);
    char hex[32];
    snprintf(hex, sizeof hex, "%0*jx", digits, frac);
    for (int i = digits - 1; i >= 0 && hex[i] == '0'; i--)
        hex[i] = '\0';
    fprintf(out, "%s0x1%s%sp%+ld", sign, hex[0] ? "." : "", hex, (long)e);
}

/* ---- operations --------------------------------------------------------- */

const char *OPNAMES[NOPS] = {"add", "sub", "mul", "div", "sqrt", "exp", "log", "tanh"};

int op_of(const char *s)
{
    for (int i = 0; i < NOPS; i++)
        if (strcmp(s, OPNAMES[i]) == 0)
            return i;
    return -1;
}

/* r = op(a, b) in format f, correctly rounded (r has f's precision). */
void compute(const fmt_t *f, op_t op, mpfr_t r, const mpfr_t a, const mpfr_t b)
{
    int t = 0;
    switch (op) {
    case ADD: t = mpfr_add(r, a, b, MPFR_RNDN); break;
    case SUB: t = mpfr_sub(r, a, b, MPFR_RNDN); break;
    case MUL: t = mpfr_mul(r, a, b, MPFR_RNDN); break;
    case DIV: t = mpfr_div(r, a, b, MPFR_RNDN); break;
    case SQRT: t = mpfr_sqrt(r, a, MPFR_RNDN); break;
    case EXP: t = mpfr_exp(r, a, MPFR_RNDN); break;
    case LOG: t = mpfr_log(r, a, MPFR_RNDN); break;
    case TANH: t = mpfr_tanh(r, a, MPFR_RNDN); break;
    default: abort();
    }
    finish(f, r, t);
}

