/* check.c: recompute the format tables (tests/formats, FORMAT.tsv and FORMAT-matmul.tsv) with GNU MPFR,
 * emulating IEEE 754 binary16, binary32, binary64 (and bfloat16) exactly, and
 * report every row that differs from the table.
 *
 *   cc -std=c17 -O2 check.c -lmpfr -lgmp
 *   ./a.out [-v] [--explore] [--format NAME] [--matmul RULE] [--known FILE]
 *           [--write-known FILE] TABLE...
 *   ./a.out --selftest [N]
 *
 * A table is either an operation table (op, a, b, result) or a matrix-product
 * table (m, k, n, A, B, C); which one is seen from its first row.  Its format
 * is named by the comment "# format NAME" at its top, or else by the start of
 * the file's name (binary16.tsv, binary16-matmul.tsv), or by --format.
 *
 * Operation tables: add, sub, mul, div and sqrt must be bit for bit the
 * correctly rounded result (round to nearest, ties to even, in the format).
 * exp, log and tanh may be one unit in the last place (ulp) from the correctly
 * rounded result: the distance is counted in representable values, so the
 * step from the largest subnormal to the smallest normal is one ulp, and so is
 * the step from 0 to the smallest subnormal.  NaN must meet NaN (of any sign),
 * infinities and zeros must match with their signs.  NumPy's exp and log are
 * sometimes 2 or 3 ulp off: such rows count as differences unless --known
 * FILE lists them (format, op, a, result, distance; numpy-over-1ulp.tsv), and
 * --write-known FILE writes every such row of the tables checked to FILE.
 *
 * Matrix-product tables: each element of C is recomputed by one RULE (a
 * sequence of roundings, below) and must be bit for bit equal.  The default
 * rule per format is the one that reproduces NumPy 1.24 (see README.md):
 * binary16 "acc32", binary32 and binary64 "seq".  --explore instead counts, for
 * every rule, the rows it reproduces.
 *
 * It prints "TABLE (FORMAT): N rows, N equal, N within 1 ulp, N differ" per
 * table (followed by "(and N over 1 ulp as listed)" when --known let rows
 * through), prints each row that differs (-v: each row that is not equal),
 * and exits 1 if any row differs (2 on a malformed table or bad usage).
 *
 * --selftest compares the emulation with the machine's own float, double (and
 * _Float16 where the compiler has it) for + - * / and sqrt on N random inputs
 * per operation (default 1000000), many of them subnormal or near overflow.
 */
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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- formats ------------------------------------------------------------
 *
 * MPFR writes a number as m * 2^e with 1/2 <= m < 1; its emin and emax bound
 * that e.  An IEEE 754 binary format of precision p (hidden bit included) with
 * exponent bounds emin_ieee = 2 - 2^(w-1) and emax_ieee = 2^(w-1) - 1 has
 *   smallest subnormal 2^(emin_ieee - p + 1) = 1/2 * 2^(emin_ieee - p + 2)
 *   largest finite     (2 - 2^(1-p)) * 2^emax_ieee = (1 - 2^-p) * 2^(emax_ieee + 1)
 * so it is emulated with precision p, emin = emin_ieee - p + 2 and
 * emax = emax_ieee + 1, and mpfr_subnormalize after each correctly rounded
 * operation; for binary64 that is emin = -1073, emax = 1024, the values of the
 * example in MPFR's manual (section "Exception Related Functions").  Numbers
 * whose MPFR exponent e satisfies emin <= e <= emin + p - 2 are subnormal: they
 * keep e - emin + 1 bits.
 *   binary16: p = 11, emin_ieee = -14,   emax_ieee = 15   -> emin = -23,   emax = 16
 *   bfloat16: p = 8,  emin_ieee = -126,  emax_ieee = 127  -> emin = -132,  emax = 128
 *   binary32: p = 24, emin_ieee = -126,  emax_ieee = 127  -> emin = -148,  emax = 128
 *   binary64: p = 53, emin_ieee = -1022, emax_ieee = 1023 -> emin = -1073, emax = 1024
 */
typedef struct {
    const char *name;
    mpfr_prec_t prec;
    mpfr_exp_t emin, emax;
    const char *matmul; /* default rule for matrix products */
} fmt_t;

static const fmt_t FORMATS[] = {
    {"binary16", 11, -23, 16, "acc32"},
    {"bfloat16", 8, -132, 128, "acc32"},
    {"binary32", 24, -148, 128, "seq"},
    {"binary64", 53, -1073, 1024, "seq"},
};
#define NFORMATS (sizeof FORMATS / sizeof FORMATS[0])

static const fmt_t *find_format(const char *name, size_t len)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strlen(FORMATS[i].name) == len && strncmp(FORMATS[i].name, name, len) == 0)
            return &FORMATS[i];
    return NULL;
}

static const fmt_t *F32, *F64;

/* x holds a value rounded correctly to f->prec bits in MPFR's full exponent
 * range, t its ternary value.  Make it the value of format f: overflow to
 * +-inf, underflow to +-0, subnormals rounded to their own precision, all
 * round to nearest, ties to even.  Returns the new ternary value. */
static int finish(const fmt_t *f, mpfr_t x, int t)
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
static void round_to(const fmt_t *f, mpfr_t r, const mpfr_t src)
{
    finish(f, r, mpfr_set(r, src, MPFR_RNDN));
}

/* ---- numbers ------------------------------------------------------------ */

/* Parse s (hex float, inf, -inf, nan) into x at precision f->prec; false if
 * it is malformed or not exactly a value of format f. */
static bool parse(const fmt_t *f, const char *s, mpfr_t x)
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
static bool same(const mpfr_t x, const mpfr_t y)
{
    if (mpfr_nan_p(x) || mpfr_nan_p(y))
        return mpfr_nan_p(x) && mpfr_nan_p(y);
    return mpfr_equal_p(x, y) && mpfr_signbit(x) == mpfr_signbit(y);
}

/* The signed position of finite x among the values of format f: 0 for +-0, 1
 * for the smallest subnormal, 2^(p-1) for the smallest normal, and so on; the
 * difference of two positions is a distance in ulps. */
static intmax_t ordinal(const fmt_t *f, const mpfr_t x)
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
static void show(FILE *out, const mpfr_t x)
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

typedef enum { ADD, SUB, MUL, DIV, SQRT, EXP, LOG, TANH, NOPS } op_t;
static const char *OPNAMES[NOPS] = {"add", "sub", "mul", "div", "sqrt", "exp", "log", "tanh"};

static int op_of(const char *s)
{
    for (int i = 0; i < NOPS; i++)
        if (strcmp(s, OPNAMES[i]) == 0)
            return i;
    return -1;
}

/* r = op(a, b) in format f, correctly rounded (r has f's precision). */
static void compute(const fmt_t *f, op_t op, mpfr_t r, const mpfr_t a, const mpfr_t b)
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

/* ---- reading tables ----------------------------------------------------- */

typedef struct {
    const char *path;
    FILE *fp;
    char *line;
    size_t cap;
    long lineno;
} reader_t;

/* The next data line (comments and blank lines skipped), without its newline. */
static char *next_line(reader_t *r)
{
    ssize_t n;
    while ((n = getline(&r->line, &r->cap, r->fp)) >= 0) {
        r->lineno++;
        while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
            r->line[--n] = '\0';
        if (n == 0 || r->line[0] == '#')
            continue;
        return r->line;
    }
    return NULL;
}

/* Split s at tabs into at most max fields; returns the count. */
static int split_tabs(char *s, char **fields, int max)
{
    int n = 0;
    fields[n++] = s;
    for (char *p = s; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == max)
                return max + 1;
            fields[n++] = p + 1;
        }
    return n;
}

static void malformed(reader_t *r, const char *why)
{
    fprintf(stderr, "check: %s:%ld: %s\n", r->path, r->lineno, why);
    exit(2);
}

/* The table's format: "# format NAME" in its leading comments, else its name. */
static const fmt_t *table_format(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NULL;
    char buf[512];
    const fmt_t *f = NULL;
    while (!f && fgets(buf, sizeof buf, fp) && buf[0] == '#') {
        char *p = strstr(buf, "format ");
        if (p) {
            p += 7;
            size_t len = strcspn(p, " \t;,\n");
            f = find_format(p, len);
        }
    }
    fclose(fp);
    if (f)
        return f;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return find_format(base, strcspn(base, "-."));
}

/* ---- operation tables --------------------------------------------------- */

typedef struct {
    long rows, equal, within, differ, known;
} tally_t;

/* Rows of exp, log or tanh where the table (NumPy) is known to be more than
 * one ulp from the correctly rounded result: lines "format op a result ulps"
 * (tab-separated; ulps = table minus correctly rounded, in ulps) of the file
 * given by --known.  Such a row counts as "known", not as a difference, when
 * its distance is exactly the one listed. */
typedef struct {
    char *format, *op, *a, *result;
    long ulps;
    bool met;
} known_t;

static known_t *known;
static size_t nknown;
static FILE *write_known; /* --write-known: every row over 1 ulp is appended here */

static void load_known(const char *path)
{
    reader_t r = {path, fopen(path, "r"), NULL, 0, 0};
    if (!r.fp) {
        fprintf(stderr, "check: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    for (char *line; (line = next_line(&r));) {
        char *fld[5], *end;
        if (split_tabs(line, fld, 5) != 5)
            malformed(&r, "want 5 tab-separated fields: format op a result ulps");
        known = realloc(known, (nknown + 1) * sizeof *known);
        if (!known) {
            perror("check");
            exit(2);
        }
        known_t *k = &known[nknown++];
        k->format = strdup(fld[0]);
        k->op = strdup(fld[1]);
        k->a = strdup(fld[2]);
        k->result = strdup(fld[3]);
        k->ulps = strtol(fld[4], &end, 10);
        k->met = false;
        if (*end || !k->format || !k->op || !k->a || !k->result)
            malformed(&r, "bad ulps");
    }
    fclose(r.fp);
    free(r.line);
}

static known_t *find_known(const char *format, const char *op, const char *a, const char *result)
{
    for (size_t i = 0; i < nknown; i++)
        if (!strcmp(known[i].format, format) && !strcmp(known[i].op, op) &&
            !strcmp(known[i].a, a) && !strcmp(known[i].result, result))
            return &known[i];
    return NULL;
}

static int verbose;

static tally_t check_ops(const fmt_t *f, reader_t *r, char *first)
{
    tally_t c = {0, 0, 0, 0, 0};
    mpfr_t a, b, want, got;
    mpfr_inits2(f->prec, a, b, want, got, (mpfr_ptr)0);
    for (char *line = first; line; line = next_line(r)) {
        char *fld[4];
        if (split_tabs(line, fld, 4) != 4)
            malformed(r, "want 4 tab-separated fields: op a b result");
        int op = op_of(fld[0]);
        if (op < 0)
            malformed(r, "unknown op");
        bool unary = op >= SQRT;
        if (!parse(f, fld[1], a) || (unary ? fld[2][0] != '\0' : !parse(f, fld[2], b)) ||
            !parse(f, fld[3], want))
            malformed(r, "a number that is not a value of the format");
        compute(f, op, got, a, b);
        c.rows++;
        const char *verdict;
        intmax_t dist = 0;
        if (same(got, want)) {
            c.equal++;
            continue;
        }
        bool finite = mpfr_number_p(got) && mpfr_number_p(want);
        if (finite)
            dist = ordinal(f, want) - ordinal(f, got);
        bool both_zero = mpfr_zero_p(got) && mpfr_zero_p(want); /* signs differ */
        known_t *k = NULL;
        if (op >= EXP && finite && !both_zero && (dist == 1 || dist == -1)) {
            c.within++;
            verdict = "within 1 ulp";
            if (!verbose)
                continue;
        } else if (op >= EXP && finite && !both_zero && write_known) {
            fprintf(write_known, "%s\t%s\t%s\t%s\t%+" PRIdMAX "\n", f->name, fld[0], fld[1], fld[3], dist);
            c.known++;
            verdict = "over 1 ulp, written to the known list";
        } else if (op >= EXP && finite && !both_zero &&
                   (k = find_known(f->name, fld[0], fld[1], fld[3])) && k->ulps == dist) {
            k->met = true;
            c.known++;
            verdict = "over 1 ulp, known";
            if (!verbose)
                continue;
        } else {
            c.differ++;
            verdict = "DIFFERS";
        }
        printf("%s:%ld: %s %s(%s%s%s): table ", r->path, r->lineno, verdict, fld[0], fld[1],
               unary ? "" : ", ", fld[2]);
        show(stdout, want);
        printf(", MPFR ");
        show(stdout, got);
        if (finite && !both_zero)
            printf(" (%+" PRIdMAX " ulp)", dist);
        printf("\n");
    }
    mpfr_clears(a, b, want, got, (mpfr_ptr)0);
    return c;
}

/* ---- matrix products -----------------------------------------------------
 *
 * Each rule computes one element c = sum over l = 0..k-1 of a[l]*b[l].
 *   seq        in the format: s = +0; s = s + (a[l]*b[l]), each product and
 *              each sum rounded to the format, l = 0, 1, ..., k-1
 *   seq-first  the same, but s starts as the first rounded product, not +0
 *              (differs only in the sign of a zero result)
 *   rev        seq in the order l = k-1, ..., 0
 *   fma        in the format: s = +0; s = fma(a[l], b[l], s), l = 0..k-1
 *   pairwise   products rounded to the format, summed as a balanced tree
 *              ((p0 + p1) + (p2 + p3)), each sum rounded to the format
 *   exact      the exact sum of the exact products, rounded once
 *   acc32      in binary32: s = +0; s = s + (a[l]*b[l]), products and sums
 *              rounded to binary32, l = 0..k-1; then s rounded to the format
 *   acc64      the same with binary64 in place of binary32
 */
typedef enum { R_SEQ, R_SEQ_FIRST, R_REV, R_FMA, R_PAIRWISE, R_EXACT, R_ACC32, R_ACC64, NRULES } rule_t;
static const char *RULENAMES[NRULES] = {"seq", "seq-first", "rev", "fma", "pairwise", "exact", "acc32", "acc64"};

static int rule_of(const char *s)
{
    for (int i = 0; i < NRULES; i++)
        if (strcmp(s, RULENAMES[i]) == 0)
            return i;
    return -1;
}

/* s (format f's precision) = s + x rounded to f. */
static void add_in(const fmt_t *f, mpfr_t s, const mpfr_t x)
{
    finish(f, s, mpfr_add(s, s, x, MPFR_RNDN));
}

/* s = the product a*b rounded to format g (s has g's precision). */
static void mul_in(const fmt_t *g, mpfr_t s, const mpfr_t a, const mpfr_t b)
{
    finish(g, s, mpfr_mul(s, a, b, MPFR_RNDN));
}

static void pairwise(const fmt_t *f, mpfr_t *p, int n, mpfr_t out)
{
    if (n == 1) {
        mpfr_set(out, p[0], MPFR_RNDN);
        return;
    }
    int h = (n + 1) / 2;
    mpfr_t l, r;
    mpfr_inits2(f->prec, l, r, (mpfr_ptr)0);
    pairwise(f, p, h, l);
    pairwise(f, p + h, n - h, r);
    finish(f, out, mpfr_add(out, l, r, MPFR_RNDN));
    mpfr_clears(l, r, (mpfr_ptr)0);
}

/* c = a[0]*b[0] + ... + a[k-1]*b[k-1] by rule; a and b are strided views. */
static void dot(const fmt_t *f, rule_t rule, mpfr_t c, mpfr_t *a, int as, mpfr_t *b, int bs, int k)
{
    mpfr_t p[4], s, q;
    switch (rule) {
    case R_SEQ:
    case R_SEQ_FIRST:
    case R_REV:
        mpfr_init2(q, f->prec);
        mpfr_set_zero(c, 1);
        for (int i = 0; i < k; i++) {
            int l = rule == R_REV ? k - 1 - i : i;
            mul_in(f, q, a[l * as], b[l * bs]);
            if (i == 0 && rule == R_SEQ_FIRST)
                mpfr_set(c, q, MPFR_RNDN);
            else
                add_in(f, c, q);
        }
        mpfr_clear(q);
        break;
    case R_FMA:
        mpfr_set_zero(c, 1);
        for (int l = 0; l < k; l++)
            finish(f, c, mpfr_fma(c, a[l * as], b[l * bs], c, MPFR_RNDN));
        break;
    case R_PAIRWISE:
        for (int l = 0; l < k; l++) {
            mpfr_init2(p[l], f->prec);
            mul_in(f, p[l], a[l * as], b[l * bs]);
        }
        pairwise(f, p, k, c);
        for (int l = 0; l < k; l++)
            mpfr_clear(p[l]);
        break;
    case R_EXACT: {
        mpfr_ptr pp[4] = {NULL, NULL, NULL, NULL};
        for (int l = 0; l < k; l++) {
            mpfr_init2(p[l], 2 * f->prec); /* exact: no range limits here */
            mpfr_mul(p[l], a[l * as], b[l * bs], MPFR_RNDN);
            pp[l] = p[l];
        }
        finish(f, c, mpfr_sum(c, pp, (unsigned long)k, MPFR_RNDN));
        for (int l = 0; l < k; l++)
            mpfr_clear(p[l]);
        break;
    }
    case R_ACC32:
    case R_ACC64: {
        const fmt_t *g = rule == R_ACC32 ? F32 : F64;
        mpfr_inits2(g->prec, s, q, (mpfr_ptr)0);
        mpfr_set_zero(s, 1);
        for (int l = 0; l < k; l++) {
            mul_in(g, q, a[l * as], b[l * bs]);
            add_in(g, s, q);
        }
        round_to(f, c, s);
        mpfr_clears(s, q, (mpfr_ptr)0);
        break;
    }
    default:
        abort();
    }
}

/* Parse n space-separated numbers of s into v. */
static bool parse_list(const fmt_t *f, char *s, mpfr_t *v, int n)
{
    char *save = NULL;
    int i = 0;
    for (char *tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        if (i == n || !parse(f, tok, v[i]))
            return false;
        i++;
    }
    return i == n;
}

static tally_t check_matmul(const fmt_t *f, reader_t *r, char *first, int rule, bool explore)
{
    tally_t c = {0, 0, 0, 0, 0};
    long match[NRULES] = {0};
    mpfr_t A[16], B[16], C[16], got;
    for (int i = 0; i < 16; i++)
        mpfr_inits2(f->prec, A[i], B[i], C[i], (mpfr_ptr)0);
    mpfr_init2(got, f->prec);
    for (char *line = first; line; line = next_line(r)) {
        char *fld[6];
        if (split_tabs(line, fld, 6) != 6)
            malformed(r, "want 6 tab-separated fields: m k n A B C");
        int m = atoi(fld[0]), k = atoi(fld[1]), n = atoi(fld[2]);
        if (m < 1 || m > 4 || k < 1 || k > 4 || n < 1 || n > 4)
            malformed(r, "m, k, n must be 1..4");
        if (!parse_list(f, fld[3], A, m * k) || !parse_list(f, fld[4], B, k * n) ||
            !parse_list(f, fld[5], C, m * n))
            malformed(r, "a matrix with the wrong count of elements, or a number that is not a value of the format");
        c.rows++;
        for (int ru = 0; ru < NRULES; ru++) {
            if (!explore && ru != rule)
                continue;
            int bad = -1;
            for (int i = 0; i < m && bad < 0; i++)
                for (int j = 0; j < n && bad < 0; j++) {
                    dot(f, ru, got, &A[i * k], 1, &B[j], n, k);
                    if (!same(got, C[i * n + j]))
                        bad = i * n + j;
                }
            if (bad < 0)
                match[ru]++;
            if (ru == rule) {
                if (bad < 0) {
                    c.equal++;
                } else {
                    c.differ++;
                    int i = bad / n, j = bad % n;
                    dot(f, ru, got, &A[i * k], 1, &B[j], n, k);
                    printf("%s:%ld: DIFFERS (%dx%d)(%dx%d) C[%d][%d]: table ", r->path, r->lineno,
                           m, k, k, n, i, j);
                    show(stdout, C[bad]);
                    printf(", rule %s ", RULENAMES[ru]);
                    show(stdout, got);
                    printf("\n");
                }
            }
        }
    }
    if (explore) {
        printf("%s: rows reproduced by each rule (of %ld):", r->path, c.rows);
        for (int ru = 0; ru < NRULES; ru++)
            printf(" %s %ld%s", RULENAMES[ru], match[ru], ru == rule ? " (the rule checked)" : "");
        printf("\n");
    }
    for (int i = 0; i < 16; i++)
        mpfr_clears(A[i], B[i], C[i], (mpfr_ptr)0);
    mpfr_clear(got);
    return c;
}

/* ---- a table ------------------------------------------------------------ */

static int check_table(const char *path, const fmt_t *forced, const char *rulename, bool explore)
{
    const fmt_t *f = forced ? forced : table_format(path);
    if (!f) {
        fprintf(stderr, "check: %s: cannot tell the format (use --format)\n", path);
        return 2;
    }
    reader_t r = {path, fopen(path, "r"), NULL, 0, 0};
    if (!r.fp) {
        fprintf(stderr, "check: %s: %s\n", path, strerror(errno));
        return 2;
    }
    char *first = next_line(&r);
    if (!first) {
        fprintf(stderr, "check: %s: no rows\n", path);
        return 2;
    }
    tally_t c;
    bool matmul = isdigit((unsigned char)first[0]);
    if (matmul) {
        int rule = rule_of(rulename ? rulename : f->matmul);
        if (rule < 0) {
            fprintf(stderr, "check: unknown rule %s\n", rulename);
            return 2;
        }
        c = check_matmul(f, &r, first, rule, explore);
    } else {
        c = check_ops(f, &r, first);
    }
    fclose(r.fp);
    free(r.line);
    printf("%s (%s): %ld rows, %ld equal, %ld within 1 ulp, %ld differ", path, f->name, c.rows,
           c.equal, c.within, c.differ);
    if (c.known)
        printf(" (and %ld over 1 ulp as listed)", c.known);
    printf("\n");
    for (size_t i = 0; i < nknown; i++)
        if (!known[i].met && !strcmp(known[i].format, f->name) && !matmul)
            printf("%s: warning: listed as over 1 ulp but not met: %s %s(%s) = %s\n", path,
                   known[i].format, known[i].op, known[i].a, known[i].result);
    return c.differ ? 1 : 0;
}

/* ---- self-test against the machine's own arithmetic --------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Random bits for a format of w bits, biased towards small exponents (where
 * results are subnormal) and large ones (where they overflow) a third of the
 * time each. */
static uint64_t random_bits(int w, int mant)
{
    uint64_t x = next_random() & (w == 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1));
    uint64_t emask = (((uint64_t)1 << (w - 1 - mant)) - 1) << mant;
    switch (next_random() % 3) {
    case 0: /* exponent field 0..3 */
        x = (x & ~emask) | ((next_random() % 4) << mant);
        break;
    case 1: /* exponent field near the top */
        x = (x & ~emask) | (emask - ((next_random() % 4) << mant));
        break;
    default:
        break;
    }
    return x;
}

static long selftest_fail;

static void selftest_compare(const fmt_t *f, op_t op, const mpfr_t a, const mpfr_t b, const mpfr_t hw)
{
    mpfr_t r;
    mpfr_init2(r, f->prec);
    compute(f, op, r, a, b);
    if (!same(r, hw)) {
        if (selftest_fail++ < 20) {
            printf("selftest %s %s(", f->name, OPNAMES[op]);
            show(stdout, a);
            printf(", ");
            show(stdout, b);
            printf("): machine ");
            show(stdout, hw);
            printf(", MPFR ");
            show(stdout, r);
            printf("\n");
        }
    }
    mpfr_clear(r);
}

/* One format against the machine's own type T (its bits in an unsigned UT of
 * W bits, MANT of them the fraction): N random operands per operation, the
 * machine's result read into MPFR exactly through SET (a float or a double
 * holds every T exactly).  ROOT(x) is the machine's square root, in T. */
#if defined(__SSE2__)
#define SQRT_FLT(x) _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss((float)(x))))
#define SQRT_DBL(x) _mm_cvtsd_f64(_mm_sqrt_sd(_mm_set_sd(0.0), _mm_set_sd(x)))
#define HAVE_SQRT 1
#else
#define SQRT_FLT(x) (x)
#define SQRT_DBL(x) (x)
#define HAVE_SQRT 0
#endif
#define SELFTEST(NAME, T, UT, W, MANT, SET, ROOT)                                  \
    static long NAME(const fmt_t *f, long n)                                      \
    {                                                                             \
        mpfr_t a, b, h;                                                           \
        long count = 0;                                                           \
        mpfr_inits2(f->prec, a, b, h, (mpfr_ptr)0);                               \
        for (int op = ADD; op <= (HAVE_SQRT ? SQRT : DIV); op++)                  \
            for (long i = 0; i < n; i++) {                                        \
                UT ua = (UT)random_bits(W, MANT), ub = (UT)random_bits(W, MANT);  \
                T x, y, z;                                                        \
                memcpy(&x, &ua, sizeof x);                                        \
                memcpy(&y, &ub, sizeof y);                                        \
                switch (op) {                                                     \
                case ADD: z = x + y; break;                                       \
                case SUB: z = x - y; break;                                       \
                case MUL: z = x * y; break;                                       \
                case DIV: z = x / y; break;                                       \
                default: z = (T)ROOT(x); break;                                   \
                }                                                                 \
                SET(a, x, MPFR_RNDN);                                             \
                SET(b, y, MPFR_RNDN);                                             \
                SET(h, z, MPFR_RNDN);                                             \
                selftest_compare(f, op, a, b, h);                                 \
                count++;                                                          \
            }                                                                     \
        mpfr_clears(a, b, h, (mpfr_ptr)0);                                        \
        return count;                                                             \
    }

#if defined(__FLT16_MANT_DIG__)
__extension__ typedef _Float16 half_t;
#define SET_HALF(m, x, r) mpfr_set_flt(m, (float)(x), r)
SELFTEST(selftest16, half_t, uint16_t, 16, 10, SET_HALF, SQRT_FLT)
#endif
SELFTEST(selftest32, float, uint32_t, 32, 23, mpfr_set_flt, SQRT_FLT)
SELFTEST(selftest64, double, uint64_t, 64, 52, mpfr_set_d, SQRT_DBL)

static int selftest(long n)
{
    long count = 0;
#if defined(__FLT16_MANT_DIG__)
    count += selftest16(find_format("binary16", 8), n);
#else
    printf("selftest: no _Float16 in this compiler: binary16 is not tested against it\n");
#endif
    count += selftest32(F32, n);
    count += selftest64(F64, n);
    printf("selftest: %ld operations, %ld differ from the machine's\n", count, selftest_fail);
    return selftest_fail ? 1 : 0;
}

/* ---- main --------------------------------------------------------------- */

static int usage(void)
{
    fprintf(stderr, "usage: check [-v] [--explore] [--format NAME] [--matmul RULE] [--known FILE]\n"
                    "             [--write-known FILE] TABLE...\n"
                    "       check --selftest [N]\n");
    return 2;
}

int main(int argc, char **argv)
{
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
    F32 = find_format("binary32", 8);
    F64 = find_format("binary64", 8);
    const fmt_t *forced = NULL;
    const char *rule = NULL;
    bool explore = false;
    int status = 0, tables = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "-v") == 0)
            verbose = 1;
        else if (strcmp(s, "--explore") == 0)
            explore = true;
        else if (strcmp(s, "--format") == 0 && i + 1 < argc) {
            forced = find_format(argv[i + 1], strlen(argv[i + 1]));
            if (!forced)
                return usage();
            i++;
        } else if (strcmp(s, "--known") == 0 && i + 1 < argc) {
            load_known(argv[++i]);
        } else if (strcmp(s, "--write-known") == 0 && i + 1 < argc) {
            write_known = fopen(argv[++i], "w");
            if (!write_known) {
                fprintf(stderr, "check: %s: %s\n", argv[i], strerror(errno));
                return 2;
            }
            fprintf(write_known, "# rows of exp, log, tanh where the table is more than 1 ulp from the correctly\n"
                                 "# rounded result (written by check --write-known, read by check --known)\n"
                                 "# format\top\ta\tresult\tulps (table minus correctly rounded)\n");
        } else if (strcmp(s, "--matmul") == 0 && i + 1 < argc) {
            rule = argv[++i];
        } else if (strcmp(s, "--selftest") == 0) {
            long n = i + 1 < argc ? atol(argv[i + 1]) : 1000000;
            return selftest(n > 0 ? n : 1000000);
        } else if (s[0] == '-') {
            return usage();
        } else {
            int st = check_table(s, forced, rule, explore);
            tables++;
            if (st > status)
                status = st;
        }
    }
    if (!tables)
        return usage();
    if (write_known && fclose(write_known) != 0) {
        perror("check");
        return 2;
    }
    return status;
}
