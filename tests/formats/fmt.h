/* fmt.h: what the format checker's files share (check.c: the tables, the
 * self-test and main; fmt.c: the formats, their numbers and operations;
 * optable.c: reading tables and checking operation tables; matmul.c: matrix
 * products).  check.c's comment says what the checker does. */
#ifndef XI_TESTS_FORMATS_FMT_H
#define XI_TESTS_FORMATS_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <mpfr.h>

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

const fmt_t *find_format(const char *name, size_t len);
extern const fmt_t *F32, *F64;
int finish(const fmt_t *f, mpfr_t x, int t);
void round_to(const fmt_t *f, mpfr_t r, const mpfr_t src);
bool parse(const fmt_t *f, const char *s, mpfr_t x);
bool same(const mpfr_t x, const mpfr_t y);
intmax_t ordinal(const fmt_t *f, const mpfr_t x);
void show(FILE *out, const mpfr_t x);

typedef enum { ADD, SUB, MUL, DIV, SQRT, EXP, LOG, TANH, NOPS } op_t;
extern const char *OPNAMES[NOPS];
int op_of(const char *s);
void compute(const fmt_t *f, op_t op, mpfr_t r, const mpfr_t a, const mpfr_t b);

typedef struct {
    const char *path;
    FILE *fp;
    char *line;
    size_t cap;
    long lineno;
} reader_t;
char *next_line(reader_t *r);
int split_tabs(char *s, char **fields, int max);
void malformed(reader_t *r, const char *why);
const fmt_t *table_format(const char *path);

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
extern known_t *known;
extern size_t nknown;
extern FILE *write_known;
extern int verbose;
void load_known(const char *path);
tally_t check_ops(const fmt_t *f, reader_t *r, char *first);

int rule_of(const char *s);
tally_t check_matmul(const fmt_t *f, reader_t *r, char *first, int rule, bool explore);

#endif
