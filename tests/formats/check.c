/* check.c: recompute the format tables (tests/formats, FORMAT.tsv and FORMAT-matmul.tsv) with GNU MPFR,
 * emulating IEEE 754 binary16, binary32, binary64 (and bfloat16) exactly, and
 * report every row that differs from the table.
 *
 *   cc -std=c17 -O2 check.c fmt.c optable.c matmul.c -lmpfr -lgmp
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

#include "fmt.h"

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
