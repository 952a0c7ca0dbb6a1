/* torchfmt.h: a tensor as PyTorch 2 prints it (torch/_tensor_str.py with the
 * default print options: precision 4, linewidth 80, threshold 1000, sci_mode
 * chosen by the values), for pasted PyTorch code:
 *   tensor(0.6931, dtype=torch.float64, grad_fn=<MeanBackward0>)
 *   tensor([[ 0.1000, -0.2000],
 *           [ 1.5000,  2.0000]], requires_grad=True)
 * Floats: every element with '{:.4f}', or '{:.4e}' when the nonzero finite
 * magnitudes span more than 1000 times, pass 1e8, or (not all whole) fall
 * below 1e-4; all whole: '{:.0f}' and a point (tensor([1., 2.])); each right-
 * aligned to the widest nonzero element's width; a row wraps after as many
 * elements as fit in 80 columns.  Ints as their digits, bools as True/False.
 * The digits are the value's own, as pyfmt.h's format specs give them. */
#ifndef XI_TORCHFMT_H
#define XI_TORCHFMT_H

#include <stddef.h>

#include "ops/ops.h"
#include "show/print.h"

typedef struct {
  const char *dtype;   /* "torch.float64", or NULL for the default (float32, int64, bool) */
  const char *grad_fn; /* "MeanBackward0", or NULL */
  int requires_grad;   /* a leaf that requires grad (shown when there is no grad_fn) */
} xiW_torch_suffix;

/* str(tensor) appended to b: 0; or -2 (nothing appended, why says why) for a
   tensor of more than 1000 elements (PyTorch's summary with '...' is not
   written) or a buffer that failed */
int xiW_torch_str(xiW_buf *b, const xiO_view *v, const xiW_torch_suffix *sfx, char *why,
                  size_t n);

#endif
