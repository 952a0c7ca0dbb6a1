/* claims.h: a worked solution as a student writes it, read for grade (the
 * claims module, prefix xiK_): a line a claim, NAME = NUMBER, where NAME is a
 * name (z1), a ξ label (ξ3, xi3, ξ₃) or an adjoint (dL/dW, ∂L/∂W, dL/dxi3),
 * and the number is written as people write one (−0.00037018, 1.2e-4,
 * 1.2×10^-4, [0.2, 0.2]).  Text between the first '=' and the last is the
 * student's working (ξ1 = -W*x = -9): kept, for a ξ label is matched to the
 * step its expression computes.  '#' starts a comment.  This module only
 * reads; what a name means is the command's (cmd/grade.c). */
#ifndef XI_CLAIMS_H
#define XI_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "ops/ops.h" /* xi_shape */

typedef struct {
  size_t off;                /* where the claim starts (after a list's bullet) */
  uint8_t adjoint;           /* dL/dNAME: the adjoint of NAME */
  uint32_t xi;               /* NAME is the ξ label ξk: k (0 when it is not one) */
  size_t name_off, name_len; /* NAME (an adjoint's: after its d or ∂), in the source */
  size_t of_off, of_len;     /* an adjoint's L */
  size_t expr_off, expr_len; /* the working between the '=' signs (len 0: none) */
  size_t num_off, num_len;   /* the claim as written */
  xi_pos pos, name_pos, expr_pos, num_pos;
  char *numbers; /* each number in xi's ASCII (-1.2e-4), NUL after each */
  uint32_t n;    /* how many numbers */
  xi_shape shape; /* a number; [a, b] a vector; [[a, b], [c, d]] a matrix */
} xiK_claim;

/* Reads the claims in src[off, end), whose first character is at `first`.
   Blank lines and comments are skipped.  A line that is not a claim is an
   error: the first nerr of them are kept in errs, and *nbad counts them all.
   -1 only when out of memory. */
int xiK_read(const char *src, size_t off, size_t end, xi_pos first, xiK_claim **out,
             uint32_t *n, xi_err *errs, uint32_t nerr, uint32_t *nbad);
void xiK_free(xiK_claim *c, uint32_t n);
/* The number in s[0, n) as people write it, in xi's ASCII (−1.2×10⁻⁴ is
   -1.2e-4, .5 is 0.5; 0.6931... and 0.6931… are 0.6931, the digits written,
   as a truncation is), into out (room bytes): its length, or 0 when s does
   not start with a number.  *used: the bytes of s it took. */
size_t xiK_number(const char *s, size_t n, char *out, size_t room, size_t *used);

#endif
