/* pystrval.c: one value made into text, as Python's str(x), repr(x) and
 * format(x, spec) make it (pystrval.h): ints exactly (in any base, grouped,
 * padded as CPython's format spec lays them out), bools, None, strings and
 * containers of them.  A float's text is refused here (its digits are the
 * printer's, show/pyfmt.c); the refusal says that print(...) prints it. */
#include <stdlib.h>
#include <string.h>

#include "ops/fspec.h"
#include "ops/group.h"
#include "tape/pystrval.h"

void xiG_sput(xiG_sbuf *b, const char *t, size_t n) {
  if (b->full)
    return;
  if (b->n + n > 4 * (size_t)XI_MAX_ELEMENTS) {
    b->full = 2;
    return;
  }
  if (b->n + n + 1 > b->cap) {
    size_t cap = 2 * (b->n + n + 1) + 32;
    char *s = realloc(b->s, cap);
    if (!s) {
      b->full = 1;
      return;
    }
    b->s = s, b->cap = cap;
  }
  memcpy(b->s + b->n, t, n);
  b->n += n;
  b->s[b->n] = '\0';
}

static void puts_(xiG_sbuf *b, const char *t) { xiG_sput(b, t, strlen(t)); }

static void fill(xiG_sbuf *b, const char *f, size_t flen, long k) {
  for (; k > 0 && !b->full; k--)
    xiG_sput(b, f, flen);
}

static int too_long(xi_pos pos, xi_err *err) {
  return xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
}

int xiG_sbuf_string(xiG_graph *g, xiG_sbuf *b, xi_pos pos, uint32_t *out, xi_err *err) {
  int rc = b->full == 1 ? xiG_oom(g, pos, err)
           : b->full  ? too_long(pos, err)
           : memchr(b->s ? b->s : "", '\0', b->n)
               ? xiX_fail(err, pos, "a string holding the character \\0 is not part of xi")
               : xiG_substring(g, b->s ? b->s : "", b->n, pos, out, err);
  free(b->s);
  memset(b, 0, sizeof *b);
  return rc;
}

/* ---- what a value is ---- */

int xiG_sv_whole(const xiG_graph *g, uint32_t i) {
  if (xiG_kind(g, i) >= 0 || xiG_is_tensor(&g->nodes[i]) || xiG_ag_keeps(g, i))
    return -1;
  int dt = xiG_dtype_of_flags(g->nodes[i].flags);
  return dt == XI_DT_FLOAT ? -1 : dt;
}

int xiG_sv_no_float(const xiG_graph *g, uint32_t i, int where, xi_pos pos, xi_err *err) {
  static const char *const made[] = {"str(x) of %s as a value", "%s in an f-string used as a value",
                                     ".format() of %s as a value",
                                     "'%%' formatting of %s as a value"};
  static const char *const instead[] = {
      "print(x), print(\"loss \" + str(x)), print(f\"{x:.4f}\")",
      "print(f\"...\") prints this f-string",
      "print(\"...\".format(x)) prints it",
      "print(\"%.4f\" % x) prints it"};
  const char *what = xiG_ag_keeps(g, i)              ? "a micrograd Value or a tensor"
                     : xiG_is_tensor(&g->nodes[i])   ? "a NumPy array"
                                                     : "a float";
  char head[96];
  snprintf(head, sizeof head, made[where], what);
  return xiX_fail(err, pos, "%s is not part of xi: its digits are Python's repr and format "
                            "specs, which xi writes only where it prints: %s (an int's, a "
                            "bool's or a string's text is a value: 'W' + str(i), f'b{i}')",
                  head, instead[where]);
}

int xiG_sv_float_format(int where, const char *code, xi_pos pos, xi_err *err) {
  static const char *const in[] = {"str()", "an f-string used as a value",
                                   ".format() used as a value", "'%' formatting as a value"};
  static const char *const instead[] = {"print(...)", "print(f\"...\")", "print(\"...\".format(x))",
                                        "print(\"%.4f\" % x)"};
  return xiX_fail(err, pos, "the float format '%s' of an int in %s is not part of xi: the "
                            "digits are a float's, which xi writes only where it prints: %s "
                            "prints them", code, in[where], instead[where]);
}

int xiG_sv_digits(const xiG_graph *g, uint32_t i, int base, xiG_sbuf *b, int *neg) {
  mpfr_srcptr v = g->nodes[i].v;
  if (!mpfr_number_p(v) || !mpfr_integer_p(v))
    return -1;
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, v, MPFR_RNDN);
  *neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  size_t cap = mpz_sizeinbase(z, base) + 2;
  char *t = malloc(cap);
  if (t) {
    mpz_get_str(t, base, z);
    puts_(b, t);
    free(t);
  } else {
    b->full = 1;
  }
  mpz_clear(z);
  return 0;
}

/* an int's decimal text, sign first; Python 3.11's limit of 4300 digits */
static int int_text(const xiG_graph *g, uint32_t i, xiG_sbuf *b, xi_pos pos, xi_err *err) {
  xiG_sbuf d = {0};
  int neg;
  if (xiG_sv_digits(g, i, 10, &d, &neg)) {
    free(d.s);
    return xiX_fail(err, pos, "an int that is not a whole number (%s): xi cannot write it",
                    mpfr_nan_p(g->nodes[i].v) ? "nan" : "not finite");
  }
  if (d.n > 4300) {
    free(d.s);
    return xiX_fail(err, pos, "ValueError: Exceeds the limit (4300 digits) for integer string "
                              "conversion; use sys.set_int_max_str_digits() to increase the "
                              "limit");
  }
  if (neg)
    xiG_sput(b, "-", 1);
  if (d.s)
    xiG_sput(b, d.s, d.n);
  free(d.s);
  return 0;
}

/* ---- str() and repr() ---- */

/* repr() of a text: Python's quotes and escapes.  Characters past Latin-1 are
   escaped or not by Unicode's tables of what prints, which xi does not hold */
static int str_repr(xiG_sbuf *b, const char *s, xi_pos pos, xi_err *err) {
  int dq = strchr(s, '\'') && !strchr(s, '"');
  char q = dq ? '"' : '\'', esc[8];
  xiG_sput(b, &q, 1);
  for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
    unsigned c = *u;
    if (c >= 0x80) { /* a code point of two bytes or more */
      if (c >= 0xC4)
        return xiX_fail(err, pos, "repr() of a text with characters past U+00FF as a value is "
                                  "not part of xi (which of them Python escapes is Unicode's "
                                  "tables): print(repr(s)) prints it");
      c = (c & 0x1F) << 6 | (u[1] & 0x3F), u++;
      if (c < 0xA1 || c == 0xAD) {
        snprintf(esc, sizeof esc, "\\x%02x", c);
        puts_(b, esc);
      } else {
        xiG_sput(b, (const char *)u - 1, 2);
      }
    } else if (c == (unsigned char)q || c == '\\') {
      esc[0] = '\\', esc[1] = (char)c;
      xiG_sput(b, esc, 2);
    } else if (c == '\n' || c == '\t' || c == '\r') {
      puts_(b, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
    } else if (c < 0x20 || c == 0x7f) {
      snprintf(esc, sizeof esc, "\\x%02x", c);
      puts_(b, esc);
    } else {
      xiG_sput(b, (const char *)u, 1);
    }
  }
  xiG_sput(b, &q, 1);
  return 0;
}

static int text(xiG_graph *g, uint32_t i, int repr, int where, xiG_sbuf *b, xi_pos pos,
                xi_err *err);

/* a container's items' repr()s between its brackets, as Python's str() of it */
static int container(xiG_graph *g, uint32_t i, int kind, int where, xiG_sbuf *b, xi_pos pos,
                     xi_err *err) {
  const xiG_ext *x = g->nodes[i].x;
  if ((kind == XI_C_SET || kind == XI_C_ULIST) && x->nargs > 1)
    return xiG_unordered(g, i, pos, err);
  if (kind == XI_C_SET && x->nargs == 0) {
    puts_(b, "set()");
    return 0;
  }
  if (kind == XI_C_RANGE) {
    puts_(b, "range(");
    for (uint32_t k = 0; k < 3; k++) {
      if (k == 2 && mpfr_cmp_ui(g->nodes[x->args[2]].v, 1) == 0)
        break;
      if (k)
        puts_(b, ", ");
      if (int_text(g, x->args[k], b, pos, err))
        return -1;
    }
    puts_(b, ")");
    return 0;
  }
  uint32_t c = i;
  if (kind >= XI_C_KEYS && kind <= XI_C_ITEMS) { /* dict_keys(['W1', 'b1']) */
    puts_(b, xiG_kind_name(kind));
    puts_(b, "([");
    c = x->args[0];
  } else if (kind != XI_C_LIST && kind != XI_C_TUPLE && kind != XI_C_DICT &&
             kind != XI_C_SET && kind != XI_C_ULIST) {
    return xiX_fail(err, pos, "Python writes %s %s object as its address (<%s object at "
                              "0x...>), which xi does not know",
                    kind == XI_C_ENUMERATE ? "an" : "a", xiG_type_of(g, i), xiG_type_of(g, i));
  } else {
    puts_(b, kind == XI_C_TUPLE ? "(" : kind == XI_C_DICT || kind == XI_C_SET ? "{" : "[");
  }
  const xiG_ext *y = g->nodes[c].x;
  int pairs = c != i || kind == XI_C_DICT;
  for (uint32_t k = 0; k < y->nargs; k += 1 + pairs) {
    if (k)
      puts_(b, ", ");
    uint32_t key = y->args[k], v = pairs ? y->args[k + 1] : key;
    if (kind == XI_C_ITEMS)
      puts_(b, "(");
    if (kind != XI_C_VALUES && text(g, key, 1, where, b, pos, err))
      return -1;
    if (kind == XI_C_DICT || kind == XI_C_ITEMS)
      puts_(b, kind == XI_C_DICT ? ": " : ", ");
    if ((kind == XI_C_DICT || kind == XI_C_ITEMS || kind == XI_C_VALUES) &&
        text(g, v, 1, where, b, pos, err))
      return -1;
    if (kind == XI_C_ITEMS)
      puts_(b, ")");
  }
  puts_(b, c != i ? "])" : kind == XI_C_TUPLE ? (y->nargs == 1 ? ",)" : ")")
           : kind == XI_C_DICT || kind == XI_C_SET ? "}" : "]");
  return 0;
}

static int text(xiG_graph *g, uint32_t i, int repr, int where, xiG_sbuf *b, xi_pos pos,
                xi_err *err) {
  int kind = xiG_kind(g, i);
  if (kind < 0) {
    int dt = xiG_sv_whole(g, i);
    if (dt < 0 && xiG_sv_float_repr(g, i, b))
      return 0; /* (f"Value(data={self.data})": a float's repr, exact) */
    if (dt < 0)
      return xiG_sv_no_float(g, i, where, pos, err);
    if (dt == XI_DT_BOOL) {
      puts_(b, mpfr_zero_p(g->nodes[i].v) ? "False" : "True");
      return 0;
    }
    return int_text(g, i, b, pos, err);
  }
  if (kind == XI_C_NONE) {
    puts_(b, "None");
    return 0;
  }
  if (kind == XI_C_OBJ) { /* its class's __str__ or __repr__ (an item's: __repr__) */
    uint32_t t;
    if (xiG_obj_text(g, i, repr, pos, &t, err))
      return -1;
    puts_(b, xiS_name(&g->sym, (uint32_t)g->nodes[t].x->p[XI_C_TEXT]));
    return 0;
  }
  if (kind != XI_C_STR)
    return container(g, i, kind, where, b, pos, err);

  const xiG_ext *x = g->nodes[i].x;
  const char *t = xiS_name(&g->sym, (uint32_t)x->p[XI_C_TEXT]);
  if (repr && x->p[XI_C_DTYPE]) { /* x.dtype: dtype('float64') */
    puts_(b, "dtype('");
    puts_(b, t);
    puts_(b, "')");
    return 0;
  }
  if (repr && x->p[XI_C_EXC])
    return xiX_fail(err, pos, "repr() of an exception as a value is not part of xi: str(e) is "
                              "its message, type(e).__name__ its class");
  if (repr)
    return str_repr(b, t, pos, err);
  puts_(b, t);
  return 0;
}

int xiG_sv_text(xiG_graph *g, uint32_t i, int repr, int where, xiG_sbuf *b, xi_pos pos,
                xi_err *err) {
  if (text(g, i, repr, where, b, pos, err))
    return -1;
  return b->full == 1 ? xiG_oom(g, pos, err) : b->full ? too_long(pos, err) : 0;
}

/* ---- format(x, spec) ---- */

/* type t (a code point, 0 when none given) is one of set's ASCII characters */
static int among(const char *set, long t) { return t > 0 && t < 128 && strchr(set, (int)t); }

/* (deftype: the type when none is given, 's' for a str, 'd' for an int; a str's
   alignment is '<' unless given, an int's '>', or '=' after '0') */
static int spec_parse(xiO_fspec *f, const char *s, size_t len, const char *tname, long deftype,
                      xi_pos pos, xi_err *err) {
  char why[XI_ERR_MSG];
  int rc = xiO_fspec_parse(f, s, len, tname, deftype, (long)XI_MAX_ELEMENTS, why, sizeof why);
  return rc == -2 ? too_long(pos, err) : rc ? xiX_fail(err, pos, "%s", why) : 0;
}

/* the chars characters of t[0, bytes) laid out in f's width (align: the default) */
static void pad(xiG_sbuf *b, const xiO_fspec *f, int align, const char *t, size_t bytes,
                long chars) {
  long p = f->width > chars ? f->width - chars : 0;
  long left = align == '>' ? p : align == '^' ? p / 2 : 0;
  fill(b, f->fill, f->fill_len, left);
  xiG_sput(b, t, bytes);
  fill(b, f->fill, f->fill_len, p - left);
}

static size_t u8count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t k = 0; k < n; k++)
    c += ((unsigned char)s[k] & 0xC0) != 0x80;
  return c;
}

static int format_str(const char *s, const char *spec, size_t len, xiG_sbuf *b, xi_pos pos,
                      xi_err *err) {
  xiO_fspec f;
  if (spec_parse(&f, spec, len, "str", 's', pos, err))
    return -1;
  if (f.type != 's') {
    char c[16];
    xiO_fspec_code(c, sizeof c, f.type);
    return xiX_fail(err, pos, "ValueError: Unknown format code '%s' for object of type 'str'", c);
  }
  if (f.sign)
    return xiX_fail(err, pos, "ValueError: %s not allowed in string format specifier",
                    f.sign == ' ' ? "Space" : "Sign");
  if (f.z)
    return xiX_fail(err, pos, "ValueError: Negative zero coercion (z) not allowed in string "
                              "format specifier");
  if (f.alt)
    return xiX_fail(err, pos, "ValueError: Alternate form (#) not allowed in string format "
                              "specifier");
  if (f.align == '=')
    return xiX_fail(err, pos, "ValueError: '=' alignment not allowed in string format "
                              "specifier");
  size_t bytes = strlen(s), chars = u8count(s, bytes);
  if (f.prec >= 0 && (size_t)f.prec < chars) { /* .3: the first 3 characters */
    size_t k = 0;
    for (long c = 0; k < bytes && c <= f.prec; k++)
      c += ((unsigned char)s[k] & 0xC0) != 0x80;
    bytes = k - 1, chars = (size_t)f.prec;
  }
  pad(b, &f, f.aligned ? f.align : '<', s, bytes, (long)chars);
  return 0;
}

/* digits d[0, nd) grouped as Python's spec groups them (ops/group.h) */
static void grouped(xiG_sbuf *b, const char *d, long nd, long min_width, int sep, int g) {
  const char *p;
  size_t n;
  char *tmp = xiO_grouped(d, nd, min_width, sep, g, &p, &n);
  if (!tmp) {
    b->full = 1;
    return;
  }
  xiG_sput(b, p, n);
  free(tmp);
}

/* format(n, spec) of an int (or a bool, as an int) */
static int format_int(xiG_graph *g, uint32_t i, const xiO_fspec *f, const char *tname, int where,
                      xiG_sbuf *b, xi_pos pos, xi_err *err) {
  long t = f->type;
  char c[16];
  xiO_fspec_code(c, sizeof c, t);
  if (among("eEfFgG%", t))
    return xiG_sv_float_format(where, c, pos, err);
  if (t && !among("dnbcoxX", t))
    return xiX_fail(err, pos, "ValueError: Unknown format code '%s' for object of type '%s'", c,
                    tname);
  if (f->prec >= 0)
    return xiX_fail(err, pos, "ValueError: Precision not allowed in integer format specifier");
  if (f->z)
    return xiX_fail(err, pos, "ValueError: Negative zero coercion (z) not allowed in integer "
                              "format specifier");
  xiG_sbuf d = {0};
  int neg = 0;
  if (t == 'c') {
    if (f->sign)
      return xiX_fail(err, pos, "ValueError: Sign not allowed with integer format specifier 'c'");
    if (f->alt)
      return xiX_fail(err, pos, "ValueError: Alternate form (#) not allowed with integer format "
                                "specifier 'c'");
    mpfr_srcptr v = g->nodes[i].v;
    if (where != XI_SV_PERCENT && !mpfr_fits_slong_p(v, MPFR_RNDN))
      return xiX_fail(err, pos, "OverflowError: Python int too large to convert to C long");
    if (mpfr_sgn(v) < 0 || mpfr_cmp_ui(v, 0x10FFFF) > 0)
      return xiX_fail(err, pos, "OverflowError: %%c arg not in range(0x110000)");
    unsigned long cp = mpfr_get_ui(v, MPFR_RNDN);
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
      return xiX_fail(err, pos, "%s", cp ? "a lone surrogate is not part of xi's strings"
                                         : "a string holding the character \\0 is not part of xi");
    char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t k = n; k-- > 1; cp >>= 6)
      u[k] = (char)(0x80 | (cp & 0x3F));
    u[0] = (char)(lead[n] | cp);
    pad(b, f, f->aligned ? f->align : '>', u, n, 1);
    return 0;
  }
  int base = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
  if (xiG_sv_digits(g, i, base, &d, &neg)) {
    free(d.s);
    return xiX_fail(err, pos, "an int that is not a whole number: xi cannot write it");
  }
  if (d.full) {
    free(d.s);
    return d.full == 1 ? xiG_oom(g, pos, err) : too_long(pos, err);
  }
  if (base == 10 && d.n > 4300) {
    free(d.s);
    return xiX_fail(err, pos, "ValueError: Exceeds the limit (4300 digits) for integer string "
                              "conversion; use sys.set_int_max_str_digits() to increase the "
                              "limit");
  }
  for (size_t k = 0; t == 'X' && k < d.n; k++)
    d.s[k] = (char)(d.s[k] >= 'a' ? d.s[k] - 'a' + 'A' : d.s[k]);
  const char *sign = neg ? "-" : f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
  const char *prefix = !f->alt || base == 10 ? "" : t == 'b' ? "0b" : t == 'o' ? "0o"
                       : t == 'x' ? "0x" : "0X";
  long lead = (long)(strlen(sign) + strlen(prefix));
  long min_width = f->fill[0] == '0' && f->fill_len == 1 && f->align == '=' ? f->width - lead : 0;
  xiG_sbuf body = {0};
  grouped(&body, d.s, (long)d.n, min_width, f->sep, f->group);
  free(d.s);
  long chars = lead + (long)body.n, p = f->width > chars ? f->width - chars : 0;
  int align = f->align;
  long left = align == '>' ? p : align == '^' ? p / 2 : 0;
  if (align != '=')
    fill(b, f->fill, f->fill_len, left);
  puts_(b, sign);
  puts_(b, prefix);
  if (align == '=')
    fill(b, f->fill, f->fill_len, p);
  if (body.s)
    xiG_sput(b, body.s, body.n);
  b->full = b->full ? b->full : body.full;
  free(body.s);
  if (align != '=')
    fill(b, f->fill, f->fill_len, p - left);
  return 0;
}

int xiG_sv_format(xiG_graph *g, uint32_t i, char conv, const char *spec, size_t len, int where,
                  xiG_sbuf *b, xi_pos pos, xi_err *err) {
  int kind = xiG_kind(g, i), rc;
  if (conv || (kind == XI_C_STR && !g->nodes[i].x->p[XI_C_DTYPE] &&
               !g->nodes[i].x->p[XI_C_EXC])) {
    xiG_sbuf t = {0};
    rc = xiG_sv_text(g, i, conv == 'r', where, &t, pos, err);
    if (rc == 0)
      rc = format_str(t.s ? t.s : "", spec, len, b, pos, err);
    free(t.s);
  } else if (len == 0) { /* format(x, '') is str(x) */
    rc = text(g, i, 0, where, b, pos, err);
  } else if (kind >= 0) {
    rc = xiX_fail(err, pos, "TypeError: unsupported format string passed to %s.__format__",
                  kind == XI_C_NONE ? "NoneType" : xiG_type_of(g, i));
  } else {
    int dt = xiG_sv_whole(g, i);
    xiO_fspec f;
    if (dt < 0)
      return xiG_sv_no_float(g, i, where, pos, err);
    const char *tname = dt == XI_DT_BOOL ? "bool" : "int";
    rc = spec_parse(&f, spec, len, tname, 'd', pos, err) ||
         format_int(g, i, &f, tname, where, b, pos, err);
  }
  if (rc == 0 && b->full)
    return b->full == 1 ? xiG_oom(g, pos, err) : too_long(pos, err);
  return rc ? -1 : 0;
}
