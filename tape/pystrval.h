/* pystrval.h: strings made from values, as Python makes them (internal to the
 * tape's files on them: pystrval.c writes one value, pystrtmpl.c reads the
 * templates of "{}_{}".format(a, i), f"W{i + 1}" and "W%d" % i).
 *
 * What is written here is exact: Python's ints (pyint.c checks that each is
 * its exact value, past 2^53 too), bools, None, strings, and the lists,
 * tuples, dicts and ranges of them, and a float's repr in binary64 (the fewest
 * digits that read back as its double).  A float's format specs are the
 * printer's (show/pyfmt.c, a layer above the tape), so a float formatted, a
 * NumPy array or a micrograd Value made into a string value is refused,
 * saying that print(...) prints it. */
#ifndef XI_PYSTRVAL_H
#define XI_PYSTRVAL_H

#include "tape/graph.h"
#include "tape/pyval_int.h"

/* a text being made: malloc'd, s[n] kept '\0' */
typedef struct {
  char *s;
  size_t n, cap;
  int full; /* 1: out of memory, 2: past XI_MAX_ELEMENTS bytes */
} xiG_sbuf;

void xiG_sput(xiG_sbuf *b, const char *t, size_t n);
/* the string value of b's text (b let go), or b's failure */
int xiG_sbuf_string(xiG_graph *g, xiG_sbuf *b, xi_pos pos, uint32_t *out, xi_err *err);

/* where a value is made into text, for the refusals' words: str(x), an f-string's
   field, a .format field, a % conversion */
enum { XI_SV_STR, XI_SV_FSTRING, XI_SV_FORMAT, XI_SV_PERCENT };

/* str(x) (repr 0) or repr(x) (repr 1) of value i, appended to b */
int xiG_sv_text(xiG_graph *g, uint32_t i, int repr, int where, xiG_sbuf *b, xi_pos pos,
                xi_err *err);
/* format(conv(x), spec): conv 's', 'r' or 0, spec[0, len) Python's format spec */
int xiG_sv_format(xiG_graph *g, uint32_t i, char conv, const char *spec, size_t len, int where,
                  xiG_sbuf *b, xi_pos pos, xi_err *err);
/* Python's repr of scalar float i in binary64 (NumPy's float64), appended to b: 1, or 0
   when i is not such a float (pystrtmpl.c) */
int xiG_sv_float_repr(const xiG_graph *g, uint32_t i, xiG_sbuf *b);
/* the refusal of a float (an array, a Value) made into a string value */
int xiG_sv_no_float(const xiG_graph *g, uint32_t i, int where, xi_pos pos, xi_err *err);
/* the refusal of an int formatted by a float's type ('f', 'e', 'g', '%') */
int xiG_sv_float_format(int where, const char *code, xi_pos pos, xi_err *err);
/* is scalar node i one of Python's (or NumPy's) ints, bools: XI_DT_* or -1 for a float */
int xiG_sv_whole(const xiG_graph *g, uint32_t i);
/* the decimal (base 10, 16, 8, 2) digits of whole node i's |value|, and its sign */
int xiG_sv_digits(const xiG_graph *g, uint32_t i, int base, xiG_sbuf *b, int *neg);

/* (pystrtmpl.c) str(x), repr(x) (args: none or x): a string */
int xiG_py_strcall(xiG_graph *g, int repr, const uint32_t *args, uint32_t n, xi_pos pos,
                   uint32_t *out, xi_err *err);
/* args[0].format(args[1], ...): a string (fstring: a field of an f-string used as a value,
   for the words of a refusal) */
int xiG_py_strformat(xiG_graph *g, int fstring, const uint32_t *args, uint32_t n, xi_pos pos,
                     uint32_t *out, xi_err *err);
/* fmt % v, fmt a string: v a tuple of the values, or the one value */
int xiG_py_percent(xiG_graph *g, uint32_t fmt, uint32_t v, xi_pos pos, uint32_t *out,
                   xi_err *err);
/* Python's operators on a string and another value: fmt % v (xiG_py_percent), and
   "W" + i, Python's TypeError (str(i) was meant); 1 when op is neither */
int xiG_py_str_values(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
                      xi_err *err);

#endif
