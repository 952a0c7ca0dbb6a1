/* matmul.c: the rules a matrix product may sum by, and checking a matrix-product
 * table
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

int rule_of(const char *s)
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

tally_t check_matmul(const fmt_t *f, reader_t *r, char *first, int rule, bool explore)
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

