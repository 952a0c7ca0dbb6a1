/* pyfmt.h: values as Python 3.11 and NumPy 1.24 print them, for pasted code.
 *
 * str() and format() of the numbers a pasted NumPy tutorial prints: floats,
 * ints and bools (a view's dtype), scalars and tensors of rank 1 and 2.
 *
 * What is printed from a float64, and what from the value itself
 *   Python's repr (str of a float, format with no type and no precision) and
 *   NumPy's array elements are defined on float64: xi prints them from the
 *   double nearest the value (mpfr_get_d, to nearest), with Python's shortest
 *   round-trip digits and NumPy's Dragon4 rules, so that they agree with
 *   Python digit for digit.  The double is used only when it stands for the
 *   value as well as any float64 can: the value is finite and rounds to a
 *   normal double (|x| <= DBL_MAX after rounding, |double| >= DBL_MIN), or it
 *   is exactly a double (a subnormal like 5e-324 included), or it is 0, inf or
 *   nan.  Otherwise, a value past DBL_MAX (float64 would say inf), a nonzero
 *   value that would round to 0, or one that would round to a subnormal and
 *   lose bits (fewer than 53 left), is printed from its own MPFR digits in
 *   the same style, never as inf or 0:
 *     str, repr:     17 significant digits, correctly rounded, in Python's
 *                    exponent form: 1.0000000000000000e+400, -7.4109846876186982e-324
 *     NumPy arrays:  the element rounded to 9 significant digits (precision 8
 *                    in NumPy's exponent form, which such an array always
 *                    takes), trailing zeros trimmed as NumPy trims: [1.e+400 1.e+000]
 *   A format spec with a type or a precision ('.4f', '.3e', 'g', '.2%', '.3')
 *   is applied to the exact value, not to a double: the digits are the value's
 *   own, correctly rounded (ties to even, as Python rounds a double's exact
 *   value).  For a value that is exactly a double they are Python's digits; an
 *   int formatted with a float type likewise uses the exact int (Python
 *   converts to float first, which differs past 2^53).
 *
 * Under an IEEE format (format binary16, binary32, bfloat16) every value is
 * a number of the format, and is printed as NumPy prints a float16 or a
 * float32: the shortest digits that read back in the format (0.1, not
 * 0.10000000149011612), a scalar in exponent form when it is below 1e-4 or
 * at least 1e16 (NumPy decides by the value, Python by the digits: float32
 * 1e-4 is 1e-04), and an array's exponent form with each element given the
 * longest one's digits from its own value (float16 0.1 beside 1/3 is
 * 9.998e-02; past a double's shortest digits they would all be zeros).
 *
 * Limits (xi's, not Python's): a precision or width over XI_PY_DIGITS_MAX, or
 * a number whose digits before the point (or an int's digits) would pass it,
 * is refused with a message; an int too long for str() is printed in the
 * float fallback style above.  Memory is the buffer's (xiW_buf), so a print
 * stopped by ^C or by the memory budget marks the buffer failed. */
#ifndef XI_PYFMT_H
#define XI_PYFMT_H

#include <stddef.h>

#include "ops/ops.h"
#include "show/print.h"

#define XI_PY_DIGITS_MAX 100000

/* Python's str(): a float scalar as repr(float) of the float64 nearest the
   value (see above); an int as its digits; a bool as True or False.  A tensor
   as NumPy's str(ndarray) with the default print options: precision 8,
   floatmode 'maxprec', suppress False, linewidth 75, threshold 1000 (an array
   of more elements shows its first and last 3 along each axis longer than 6,
   with '...'), ints right-aligned, bools as ' True' and 'False'.  An int view
   holding a number that is not whole, or a bool view holding something other
   than 0 or 1, cannot be made by xi; if one comes, it is printed as a float
   (or an int), never wrongly. */
void xiW_py_str(xiW_buf *b, const xiO_view *v);

/* format(value, spec), as f"{value:spec}": Python's format-spec mini-language
   [[fill]align][sign][z][#][0][width][grouping][.precision][type].
     floats: types e E f F g G n % and none; ints and bools: b c d n o x X and
     the float types; with an empty spec, str() (a bool gives True, but with a
     non-empty spec it is formatted as the int 0 or 1, as Python does); 'n'
     uses the C locale, as a Python script does: no grouping.
     a tensor: an empty spec gives str(); any other spec is NumPy's TypeError.
   spec is len bytes of UTF-8 (the fill may be any character).
   Returns 0, having appended the text to b; or, having appended nothing:
     -1  Python raises here too; why holds Python's last traceback line,
         "ValueError: Unknown format code 'd' for object of type 'float'"
     -2  xi refuses what Python would print (a limit above, or the buffer
         failed: memory, ^C); why says why. */
int xiW_py_format(xiW_buf *b, const xiO_view *v, const char *spec, size_t len, char *why,
                  size_t n);

/* repr(): a number as str() writes it (Python's repr of a float is its str,
   and NumPy 1.24's scalars print so); an array as NumPy's repr, array([1., 2.]):
   how a list, a tuple or a dict prints its items */
void xiW_py_repr(xiW_buf *b, const xiO_view *v);
/* a string's repr, quoted and escaped as Python writes it: 'W1', "it's", 'a\n' */
void xiW_py_str_repr(xiW_buf *b, const char *s);
/* format(s, spec) of a string: fill, align (left by default), width and a
   precision that cuts it, as Python's; the return as xiW_py_format's */
int xiW_py_format_str(xiW_buf *b, const char *s, const char *spec, size_t len, char *why,
                      size_t n);

/* a tuple of whole numbers as Python prints it: (2, 2), (3,), () */
void xiW_py_tuple(xiW_buf *b, const long *items, size_t n);

#endif
