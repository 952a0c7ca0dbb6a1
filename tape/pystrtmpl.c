/* pystrtmpl.c: strings made from a template and values, as Python makes them:
 * str(x) and repr(x), "{}_{}".format(a, i) (and each field of an f-string
 * used as a value, f"W{i + 1}", which the parser makes "{}".format(i + 1)
 * joined by +), and "W%d" % i, "%s_%d" % (name, i).  Each value is written
 * by pystrval.c: ints, bools, None, strings and containers of them, exactly;
 * a float is refused there (print(...) prints it). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tape/pystrval.h"

static const char *text_of(const xiG_graph *g, uint32_t s) {
  return xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT]);
}

/* ---- str(x), repr(x) ---- */

int xiG_py_strcall(xiG_graph *g, int repr, const uint32_t *args, uint32_t n, xi_pos pos,
                   uint32_t *out, xi_err *err) {
  xiG_sbuf b = {0};
  if (n > 1)
    return xiX_fail(err, pos, "%s() takes one value in xi (str(b, encoding) reads bytes, "
                              "which are not part of xi)", repr ? "repr" : "str");
  if (n == 1 && xiG_sv_text(g, args[0], repr, XI_SV_STR, &b, pos, err)) {
    free(b.s);
    return -1;
  }
  return xiG_sbuf_string(g, &b, pos, out, err);
}

/* ---- "...".format(values) ---- */

/* the field at t[*k] ('{' there, not doubled): its value's index, conversion
   and spec; *k past its '}' */
static int field(const char *t, size_t *k, int *autonum, uint32_t *next, uint32_t *index,
                 char *conv, const char **spec, size_t *slen, xi_pos pos, xi_err *err) {
  size_t a = *k + 1, e = a;
  while (t[e] && t[e] != '}' && t[e] != '!' && t[e] != ':' && t[e] != '{')
    e++;
  if (t[e] == '{' || !t[e])
    return xiX_fail(err, pos, t[e] ? "a field inside a field of .format is not part of xi: "
                                     "write the spec out"
                                   : "ValueError: expected '}' before end of string");
  if (e == a) { /* {}: the next value */
    if (*autonum == 0)
      return xiX_fail(err, pos, "ValueError: cannot switch from manual field specification to "
                                "automatic field numbering");
    *autonum = 1;
    *index = (*next)++;
  } else {
    size_t d = a;
    uint64_t v = 0;
    while (d < e && t[d] >= '0' && t[d] <= '9' && v < UINT32_MAX)
      v = v * 10 + (uint64_t)(t[d++] - '0');
    if (d < e) {
      size_t q = a;
      while (q < e && t[q] != '.' && t[q] != '[')
        q++;
      if (q < e)
        return xiX_fail(err, pos, "a field that reads an attribute or an item ({0.x}, {0[1]}) "
                                  "is not part of xi: pass the value itself to .format");
      return xiX_fail(err, pos, "KeyError: '%.*s' (xi's .format takes its values by "
                                "position: \"{}\".format(x))", (int)(e - a), t + a);
    }
    if (*autonum == 1)
      return xiX_fail(err, pos, "ValueError: cannot switch from automatic field numbering to "
                                "manual field specification");
    *autonum = 0;
    *index = (uint32_t)(v < UINT32_MAX ? v : UINT32_MAX);
  }
  *conv = 0;
  if (t[e] == '!') {
    char c = t[e + 1];
    if (!c || c == '}' || c == ':')
      return xiX_fail(err, pos, "ValueError: end of string while looking for conversion "
                                "specifier");
    if (c != 'r' && c != 's' && c != 'a')
      return xiX_fail(err, pos, "ValueError: Unknown conversion specifier %c", c);
    if (c == 'a')
      return xiX_fail(err, pos, "!a (ascii()) is not part of xi: write !r");
    *conv = c;
    e += 2;
    if (t[e] != ':' && t[e] != '}')
      return xiX_fail(err, pos, "ValueError: expected ':' after conversion specifier");
  }
  *spec = "", *slen = 0;
  if (t[e] == ':') {
    size_t s0 = ++e;
    while (t[e] && t[e] != '}') {
      if (t[e] == '{')
        return xiX_fail(err, pos, "a field inside a format spec is not part of xi: write the "
                                  "spec out");
      e++;
    }
    if (!t[e])
      return xiX_fail(err, pos, "ValueError: expected '}' before end of string");
    *spec = t + s0, *slen = e - s0;
  }
  *k = e + 1;
  return 0;
}

/* template.format(*vals) into b (where: .format's or an f-string's, for the words) */
static int format_into(xiG_graph *g, const char *t, const uint32_t *vals, uint32_t n, int where,
                       xiG_sbuf *b, xi_pos pos, xi_err *err) {
  int autonum = -1;
  uint32_t next = 0;
  for (size_t k = 0; t[k];) {
    size_t e = k;
    while (t[e] && t[e] != '{' && t[e] != '}')
      e++;
    xiG_sput(b, t + k, e - k);
    k = e;
    if (!t[k])
      break;
    if (t[k + 1] == t[k]) { /* {{ and }} */
      xiG_sput(b, t + k, 1);
      k += 2;
      continue;
    }
    if (t[k] == '}')
      return xiX_fail(err, pos, "ValueError: Single '}' encountered in format string");
    if (!t[k + 1])
      return xiX_fail(err, pos, "ValueError: Single '{' encountered in format string");
    uint32_t index = 0;
    char conv = 0;
    const char *spec;
    size_t slen;
    if (field(t, &k, &autonum, &next, &index, &conv, &spec, &slen, pos, err))
      return -1;
    if (index >= n)
      return xiX_fail(err, pos, "IndexError: Replacement index %u out of range for positional "
                                "args tuple", index);
    if (xiG_sv_format(g, vals[index], conv, spec, slen, where, b, pos, err))
      return -1;
  }
  return 0;
}

int xiG_py_strformat(xiG_graph *g, int fstring, const uint32_t *args, uint32_t n, xi_pos pos,
                     uint32_t *out, xi_err *err) {
  if (xiG_kind(g, args[0]) != XI_C_STR || xiG_is_dtype(g, args[0]))
    return xiX_fail(err, pos, "AttributeError: '%s' object has no attribute 'format'",
                    xiG_type_of(g, args[0]));
  xiG_sbuf b = {0};
  if (format_into(g, text_of(g, args[0]), args + 1, n - 1,
                  fstring ? XI_SV_FSTRING : XI_SV_FORMAT, &b, pos, err)) {
    free(b.s);
    return -1;
  }
  return xiG_sbuf_string(g, &b, pos, out, err);
}

/* ---- "..." % values ---- */

/* Python's repr (and str) of a float in binary64, NumPy's format, whose numbers are
   doubles: the fewest digits that read back as the same double, fixed from 1e-4 up to
   1e16 and exponent past them, as float.__repr__ writes them (0 when it is not such a
   float: a Value, a tensor, another format) */
int xiG_sv_float_repr(const xiG_graph *g, uint32_t i, xiG_sbuf *b) {
  const xiG_node *n = &g->nodes[i];
  if (xiO_fmt != XI_FMT_BINARY64 || xiG_is_tensor(n) || xiG_ag_keeps(g, i) ||
      xiG_count(n) != 1)
    return 0;
  double d = mpfr_get_d(n->v, MPFR_RNDN);
  if (!isnan(d) && mpfr_cmp_d(n->v, d) != 0)
    return 0; /* (not a double: never so in binary64) */
  if (isnan(d) || isinf(d)) {
    xiG_sput(b, isnan(d) ? "nan" : d < 0 ? "-inf" : "inf", isnan(d) ? 3 : d < 0 ? 4 : 3);
    return 1;
  }
  char e[40];
  int p = 1;
  for (; p < 17; p++) { /* the shortest that reads back: %.{p-1}e */
    snprintf(e, sizeof e, "%.*e", p - 1, d);
    if (strtod(e, NULL) == d)
      break;
  }
  snprintf(e, sizeof e, "%.*e", p - 1, d);
  char digits[24], out[64];
  int nd = 0, neg = e[0] == '-', exp;
  const char *q = e + neg;
  for (; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9')
      digits[nd++] = *q;
  exp = atoi(q + 1);
  while (nd > 1 && digits[nd - 1] == '0')
    nd--;
  digits[nd] = '\0';
  size_t o = 0;
  if (neg)
    out[o++] = '-';
  if (exp >= -5 + 1 && exp < 16) { /* fixed: 0.0001 .. 9999999999999998.0 */
    if (exp < 0) {
      out[o++] = '0', out[o++] = '.';
      for (int k = -1; k > exp; k--)
        out[o++] = '0';
      for (int k = 0; k < nd; k++)
        out[o++] = digits[k];
    } else {
      for (int k = 0; k <= exp; k++)
        out[o++] = k < nd ? digits[k] : '0';
      out[o++] = '.';
      if (nd > exp + 1)
        for (int k = exp + 1; k < nd; k++)
          out[o++] = digits[k];
      else
        out[o++] = '0';
    }
    out[o] = '\0';
  } else { /* 1e-05, 1.5e+16 */
    out[o++] = digits[0];
    if (nd > 1) {
      out[o++] = '.';
      for (int k = 1; k < nd; k++)
        out[o++] = digits[k];
    }
    snprintf(out + o, sizeof out - o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  }
  xiG_sput(b, out, strlen(out));
  return 1;
}

/* one conversion's value as an int for %d %i %u (a float truncated, as Python's
   int(x)) or %x %o %X (ints only): the digits and the sign */
static int pct_int(xiG_graph *g, uint32_t v, char type, xiG_sbuf *d, int *neg, xi_pos pos,
                   xi_err *err) {
  int dt = xiG_sv_whole(g, v), kind = xiG_kind(g, v);
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
  if (kind >= 0 || xiG_is_tensor(&g->nodes[v]) || xiG_ag_keeps(g, v)) {
    const char *tn = kind == XI_C_NONE ? "NoneType" : xiG_type_of(g, v);
    if (kind < 0 && !xiG_is_tensor(&g->nodes[v]))
      return xiG_sv_no_float(g, v, XI_SV_PERCENT, pos, err);
    return xiX_fail(err, pos, base == 10 ? "TypeError: %%%c format: a real number is required, "
                                           "not %s"
                                         : "TypeError: %%%c format: an integer is required, not "
                                           "%s", type, tn);
  }
  if (dt < 0) {
    mpfr_srcptr x = g->nodes[v].v;
    if (base != 10)
      return xiX_fail(err, pos, "TypeError: %%%c format: an integer is required, not float",
                      type);
    if (mpfr_nan_p(x))
      return xiX_fail(err, pos, "ValueError: cannot convert float NaN to integer");
    if (mpfr_inf_p(x))
      return xiX_fail(err, pos, "OverflowError: cannot convert float infinity to integer");
    mpz_t z;
    mpz_init(z);
    mpfr_get_z(z, x, MPFR_RNDZ); /* int(x) */
    *neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    char *t = malloc(mpz_sizeinbase(z, 10) + 2);
    if (t) {
      mpz_get_str(t, 10, z);
      xiG_sput(d, t, strlen(t));
    } else {
      d->full = 1;
    }
    free(t);
    mpz_clear(z);
    return 0;
  }
  if (xiG_sv_digits(g, v, base, d, neg))
    return xiX_fail(err, pos, "an int that is not a whole number: xi cannot write it");
  for (size_t k = 0; type == 'X' && k < d->n; k++)
    d->s[k] = (char)(d->s[k] >= 'a' ? d->s[k] - 'a' + 'A' : d->s[k]);
  return 0;
}

/* one conversion of t at *k ('%' there, not %%), of value v, into b */
static int conversion(xiG_graph *g, const char *t, size_t *k, uint32_t v, xiG_sbuf *b,
                      xi_pos pos, xi_err *err) {
  size_t at = *k + 1;
  int left = 0, zero = 0, alt = 0;
  char sign = 0;
  for (; t[at] && strchr("-+ 0#", t[at]); at++) {
    left |= t[at] == '-', zero |= t[at] == '0', alt |= t[at] == '#';
    if (t[at] == '+' || (t[at] == ' ' && sign != '+'))
      sign = t[at];
  }
  long width = -1, prec = -1;
  for (; t[at] >= '0' && t[at] <= '9'; at++)
    if ((width = (width < 0 ? 0 : width) * 10 + (t[at] - '0')) > (long)XI_MAX_ELEMENTS)
      return xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
  if (t[at] == '.')
    for (prec = 0, at++; t[at] >= '0' && t[at] <= '9'; at++)
      if ((prec = prec * 10 + (t[at] - '0')) > (long)XI_MAX_ELEMENTS)
        return xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
  if (t[at] == '*')
    return xiX_fail(err, pos, "a width or precision given by '*' is not part of xi: write the "
                              "number");
  while (t[at] == 'h' || t[at] == 'l' || t[at] == 'L')
    at++;
  char type = t[at];
  if (!type)
    return xiX_fail(err, pos, "ValueError: incomplete format");
  *k = at + 1;
  xiG_sbuf body = {0};
  const char *pre = "";
  int neg = 0;
  if (type == 's' || type == 'r' || type == 'a') {
    if (type == 'a')
      return xiX_fail(err, pos, "%%a (ascii()) is not part of xi: write %%r");
    if (xiG_sv_text(g, v, type == 'r', XI_SV_PERCENT, &body, pos, err)) {
      free(body.s);
      return -1;
    }
    if (prec >= 0) { /* %.3s: the first 3 characters */
      size_t q = 0;
      for (long c = 0; q < body.n; q++)
        if (((unsigned char)body.s[q] & 0xC0) != 0x80 && c++ == prec)
          break;
      body.n = q;
    }
    zero = 0;
  } else if (strchr("diuxXo", type)) {
    if (pct_int(g, v, type, &body, &neg, pos, err)) {
      free(body.s);
      return -1;
    }
    if (prec > (long)body.n) { /* %.3d: at least 3 digits */
      xiG_sbuf z = {0};
      for (long q = (long)body.n; q < prec; q++)
        xiG_sput(&z, "0", 1);
      xiG_sput(&z, body.s ? body.s : "", body.n);
      free(body.s);
      body = z;
    }
    if (alt && (type == 'x' || type == 'X' || type == 'o'))
      pre = type == 'x' ? "0x" : type == 'X' ? "0X" : "0o";
  } else if (type == 'c') {
    if (xiG_kind(g, v) == XI_C_STR) {
      const char *s = text_of(g, v);
      size_t n = strlen(s), c = 0;
      for (size_t q = 0; q < n; q++)
        c += ((unsigned char)s[q] & 0xC0) != 0x80;
      if (c != 1)
        return xiX_fail(err, pos, "TypeError: %%c requires int or char");
      xiG_sput(&body, s, n);
    } else if (xiG_sv_whole(g, v) < 0) {
      return xiX_fail(err, pos, "TypeError: %%c requires int or char");
    } else if (xiG_sv_format(g, v, 0, "c", 1, XI_SV_PERCENT, &body, pos, err)) {
      free(body.s);
      return -1;
    }
    zero = 0;
  } else if (strchr("eEfFgG", type)) {
    int kind = xiG_kind(g, v);
    if (kind >= 0)
      return xiX_fail(err, pos, "TypeError: must be real number, not %s",
                      kind == XI_C_NONE ? "NoneType" : xiG_type_of(g, v));
    if (xiG_sv_whole(g, v) >= 0) {
      char code[2] = {type, 0};
      return xiG_sv_float_format(XI_SV_PERCENT, code, pos, err);
    }
    return xiG_sv_no_float(g, v, XI_SV_PERCENT, pos, err);
  } else {
    size_t index = 0; /* (Python's index counts characters) */
    for (size_t q = 0; q < at; q++)
      index += ((unsigned char)t[q] & 0xC0) != 0x80;
    if ((unsigned char)type >= 0x80)
      return xiX_fail(err, pos, "ValueError: unsupported format character at index %zu", index);
    return xiX_fail(err, pos, "ValueError: unsupported format character '%c' (0x%x) at index %zu",
                    type, (unsigned)type, index);
  }
  if (body.full) {
    int full = body.full;
    free(body.s);
    return full == 1 ? xiG_oom(g, pos, err) : xiX_fail(err, pos, "a string of more than %u "
                                                                  "characters", XI_MAX_ELEMENTS);
  }
  const char *sg = neg ? "-" : strchr("diuxXo", type) && sign ? (sign == '+' ? "+" : " ") : "";
  long chars = (long)(strlen(sg) + strlen(pre)), n = 0;
  for (size_t q = 0; q < body.n; q++)
    n += ((unsigned char)body.s[q] & 0xC0) != 0x80;
  long pad = width > chars + n ? width - chars - n : 0;
  for (long q = 0; !left && !zero && q < pad; q++)
    xiG_sput(b, " ", 1);
  xiG_sput(b, sg, strlen(sg));
  xiG_sput(b, pre, strlen(pre));
  for (long q = 0; !left && zero && q < pad; q++)
    xiG_sput(b, "0", 1);
  if (body.s)
    xiG_sput(b, body.s, body.n);
  for (long q = 0; left && q < pad; q++)
    xiG_sput(b, " ", 1);
  free(body.s);
  return 0;
}

int xiG_py_percent(xiG_graph *g, uint32_t fmt, uint32_t v, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  const char *t = text_of(g, fmt);
  int kind = xiG_kind(g, v);
  const uint32_t *vals = &v;
  uint32_t n = 1, used = 0;
  if (kind == XI_C_TUPLE)
    vals = g->nodes[v].x->args, n = g->nodes[v].x->nargs;
  xiG_sbuf b = {0};
  int rc = 0;
  for (size_t k = 0; t[k] && rc == 0;) {
    const char *p = strchr(t + k, '%');
    size_t e = p ? (size_t)(p - t) : strlen(t);
    xiG_sput(&b, t + k, e - k);
    k = e;
    if (!t[k])
      break;
    if (t[k + 1] == '%') {
      xiG_sput(&b, "%", 1);
      k += 2;
      continue;
    }
    if (t[k + 1] == '(') {
      rc = xiX_fail(err, pos, kind == XI_C_DICT ? "%%(name)s (the values from a dict) is not "
                                                  "part of xi: write the values in brackets, "
                                                  "\"%%s\" %% (a, b), or use an f-string"
                                                : "TypeError: format requires a mapping");
      break;
    }
    if (used == n) {
      size_t q = k + 1; /* (an incomplete format is said first, as Python's) */
      while (t[q] && strchr("-+ 0#123456789.hlL", t[q]))
        q++;
      rc = xiX_fail(err, pos, t[q] ? "TypeError: not enough arguments for format string"
                                   : "ValueError: incomplete format");
      break;
    }
    rc = conversion(g, t, &k, vals[used++], &b, pos, err);
  }
  if (rc == 0 && used < n && !(kind == XI_C_DICT && used == 0))
    rc = xiX_fail(err, pos, "TypeError: not all arguments converted during string formatting");
  if (rc) {
    free(b.s);
    return -1;
  }
  return xiG_sbuf_string(g, &b, pos, out, err);
}

int xiG_py_str_values(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
                      xi_err *err) {
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b);
  uint32_t s = ka == XI_C_STR ? a : b, other = s == a ? b : a;
  if (op == XI_MOD && ka == XI_C_STR && !xiG_is_dtype(g, a)) /* "W%d" % i: not a remainder */
    return xiG_py_percent(g, a, b, pos, out, err);
  if (op != XI_ADD || (ka == XI_C_STR) == (kb == XI_C_STR) || xiG_is_dtype(g, s) ||
      xiG_is_tensor(&g->nodes[other]))
    return 1;
  return xiX_fail(err, pos, ka == XI_C_STR ? "TypeError: can only concatenate str (not \"%s\") "
                                             "to str: 'W' + str(i) joins its text"
                                           : "TypeError: unsupported operand type(s) for +: "
                                             "'%s' and 'str'",
                  xiG_type_of(g, other));
}
