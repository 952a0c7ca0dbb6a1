/* npfmt.h: NumPy's str() of an array (npfmt.c), for pyfmt.c (the public
 * xiW_py_str of a tensor: see pyfmt.h for what it prints), and the print
 * options the session sets.  Apart
 * from pyfmt.c because NumPy's columns, lines and summaries are a layout of
 * their own, sharing only the digits (digits.h) with Python's. */
#ifndef XI_NPFMT_H
#define XI_NPFMT_H

#include "ops/ops.h"
#include "show/print.h"

/* NumPy's print options (np.set_printoptions): the session sets them
   (cmd/settings.c), the printer reads them; threshold LONG_MAX for np.inf */
typedef struct {
  long precision, suppress, linewidth, threshold, edgeitems;
} xiW_np_opts;
#define XI_NP_OPTS_DEFAULT {8, 0, 75, 1000, 3}
extern xiW_np_opts xiW_np_options;

/* v (rank 1 or 2) as NumPy 1.24's str(ndarray) with those options */
void xiW_np_str(xiW_buf *b, const xiO_view *v);
/* its repr(): array([1., 2.]), as NumPy 1.24 writes it (a list of arrays prints so) */
void xiW_np_repr(xiW_buf *b, const xiO_view *v);

#endif
