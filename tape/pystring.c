/* pystring.c: a string's methods as Python's give them, values anywhere: s.upper(),
 * s.lower(), s.strip(chars), s.lstrip(), s.rstrip(), s.split(sep, maxsplit),
 * s.startswith(p), s.endswith(p) (a str or a tuple of them), s.replace(old, new,
 * count).  A text is UTF-8; the methods that read characters one by one (the
 * cases, what strip removes) take ASCII's and refuse the rest, whose rules are
 * Unicode's tables, rather than give another answer than Python. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

static const char *text_of(const xiG_graph *g, uint32_t s) {
  return xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT]);
}

/* Python's str.isspace for the characters xi's texts hold: ASCII's, and the
   separators \x1c-\x1f (a text of other code points is strip()ped and split()
   by these only, and upper() and lower() refuse it) */
static int space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

static int need_str(xiG_graph *g, uint32_t c, const char *what, xi_pos pos, xi_err *err) {
  if (xiG_kind(g, c) == XI_C_STR)
    return 0;
  return xiX_fail(err, pos, "TypeError: %s, not %s", what, xiG_type_of(g, c));
}

static int ascii(const char *t) {
  for (; *t; t++)
    if (*t & 0x80)
      return 0;
  return 1;
}

/* s.upper(), s.lower() (ASCII: other letters' cases are Unicode's tables, which xi does
   not hold), s.strip(chars), lstrip, rstrip */
static int str_case_strip(xiG_graph *g, int which, const uint32_t *args, uint32_t n,
                          xi_pos pos, uint32_t *out, xi_err *err) {
  const char *t = text_of(g, args[0]), *chars = NULL;
  size_t a = 0, b = strlen(t);
  if (which == XI_PY_UPPER || which == XI_PY_LOWER) {
    if (!ascii(t))
      return xiX_fail(err, pos, "%s() of a text with letters beyond ASCII is not part of xi "
                                "(their cases are Unicode's tables)",
                      which == XI_PY_UPPER ? "upper" : "lower");
    char *buf = malloc(b + 1);
    if (!buf)
      return xiG_oom(g, pos, err);
    for (size_t k = 0; k < b; k++)
      buf[k] = (char)(which == XI_PY_UPPER ? toupper((unsigned char)t[k])
                                           : tolower((unsigned char)t[k]));
    int rc = xiG_substring(g, buf, b, pos, out, err);
    free(buf);
    return rc;
  }
  if (n > 1 && xiG_kind(g, args[1]) != XI_C_NONE) {
    if (need_str(g, args[1], "strip arg must be None or str", pos, err))
      return -1;
    chars = text_of(g, args[1]);
    if (!ascii(chars))
      return xiX_fail(err, pos, "strip() of characters beyond ASCII is not part of xi");
  }
#define STRIPPED(c) (chars ? (c) != '\0' && strchr(chars, (c)) != NULL : space(c))
  if (which != XI_PY_RSTRIP)
    while (a < b && STRIPPED(t[a]))
      a++;
  if (which != XI_PY_LSTRIP)
    while (b > a && STRIPPED(t[b - 1]))
      b--;
#undef STRIPPED
  return xiG_substring(g, t + a, b - a, pos, out, err);
}

/* s.split(), s.split(sep), s.split(sep, maxsplit): a list of strings, as Python's
   (no sep: runs of whitespace, none empty; a sep: every one, empty parts kept) */
static int str_split(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos,
                     uint32_t *out, xi_err *err) {
  const char *t = text_of(g, args[0]), *sep = NULL;
  int32_t max = -1;
  if (n > 1 && xiG_kind(g, args[1]) != XI_C_NONE) {
    if (need_str(g, args[1], "must be str or None", pos, err))
      return -1;
    sep = text_of(g, args[1]);
    if (!*sep)
      return xiX_fail(err, pos, "ValueError: empty separator");
  }
  if (n > 2 && xiG_py_index(g, args[2], "maxsplit", pos, &max, err))
    return -1;
  size_t len = strlen(t), cap = len + 2, m = 0;
  uint32_t *items = malloc(cap * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  int rc = 0;
  const char *q = t, *end = t + len;
  if (!sep)
    while (q < end && space(*q))
      q++;
  while (rc == 0 && (sep || q < end)) {
    const char *e;
    if (max >= 0 && m == (size_t)max) { /* the rest, as it is */
      e = end;
    } else if (sep) {
      e = strstr(q, sep);
      e = e ? e : end;
    } else {
      for (e = q; e < end && !space(*e); e++)
        ;
    }
    rc = xiG_substring(g, q, (size_t)(e - q), pos, &items[m++], err);
    if (e == end)
      break;
    q = e + (sep ? strlen(sep) : 0);
    while (!sep && q < end && space(*q))
      q++;
  }
  if (rc == 0)
    rc = xiG_container(g, XI_C_LIST, items, (uint32_t)m, pos, out, err);
  free(items);
  return rc;
}

/* s.startswith(p), s.endswith(p): p a str or a tuple of them */
static int str_affix(xiG_graph *g, int end, const uint32_t *args, xi_pos pos, int *yes,
                     xi_err *err) {
  const char *t = text_of(g, args[0]);
  uint32_t p = args[1], k = 0, n = 1, one = p;
  int tuple = xiG_kind(g, p) == XI_C_TUPLE;
  if (tuple)
    n = g->nodes[p].x->nargs;
  *yes = 0;
  for (; k < n && !*yes; k++) {
    one = tuple ? g->nodes[p].x->args[k] : p;
    if (xiG_kind(g, one) != XI_C_STR)
      return xiX_fail(err, pos, tuple ? "TypeError: tuple for %s must only contain str, not %s"
                                      : "TypeError: %s first arg must be str or a tuple of "
                                        "str, not %s",
                      end ? "endswith" : "startswith", xiG_type_of(g, one));
    const char *w = text_of(g, one);
    size_t lt = strlen(t), lw = strlen(w);
    *yes = lw <= lt && memcmp(end ? t + lt - lw : t, w, lw) == 0;
  }
  return 0;
}

/* s.replace(old, new), s.replace(old, new, count) */
static int str_replace(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos,
                       uint32_t *out, xi_err *err) {
  if (need_str(g, args[1], "replace() argument 1 must be str", pos, err) ||
      need_str(g, args[2], "replace() argument 2 must be str", pos, err))
    return -1;
  int32_t count = -1;
  if (n > 3 && xiG_py_index(g, args[3], "count", pos, &count, err))
    return -1;
  const char *t = text_of(g, args[0]), *old = text_of(g, args[1]), *now = text_of(g, args[2]);
  size_t lt = strlen(t), lo = strlen(old), ln = strlen(now), done = 0;
  if (lo == 0) /* (the empty string is before each character and at the end: Python's) */
    return xiX_fail(err, pos, "replace() of the empty string is not part of xi");
  size_t times = 0;
  for (const char *q = t; (q = strstr(q, old)) != NULL; q += lo)
    times++;
  if (count >= 0 && (size_t)count < times)
    times = (size_t)count;
  if (lt + times * ln > XI_MAX_ELEMENTS + times * lo)
    return xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
  char *buf = malloc(lt + times * ln + 1), *w = buf;
  if (!buf)
    return xiG_oom(g, pos, err);
  for (const char *q = t; *q;) {
    const char *hit = done < times ? strstr(q, old) : NULL;
    size_t keep = hit ? (size_t)(hit - q) : strlen(q);
    memcpy(w, q, keep);
    w += keep, q += keep;
    if (hit) {
      memcpy(w, now, ln);
      w += ln, q += lo, done++;
    }
  }
  int rc = xiG_substring(g, buf, (size_t)(w - buf), pos, out, err);
  free(buf);
  return rc;
}

int xiG_str_method(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                      uint32_t *out, xi_err *err) {
  static const char *const names[] = {"upper", "lower", "strip", "lstrip", "rstrip", "split",
                                      "startswith", "endswith", "replace"};
  if (xiG_kind(g, args[0]) != XI_C_STR)
    return xiX_fail(err, pos, "AttributeError: '%s' object has no attribute '%s'",
                    xiG_type_of(g, args[0]), names[which - XI_PY_UPPER]);
  int yes;
  switch (which) {
  case XI_PY_SPLIT:
    return str_split(g, args, n, pos, out, err);
  case XI_PY_STARTSWITH:
  case XI_PY_ENDSWITH:
    if (str_affix(g, which == XI_PY_ENDSWITH, args, pos, &yes, err))
      return -1;
    *out = xiG_constant(g, xiS_intern(&g->sym, yes ? "True" : "False", yes ? 4 : 5), pos);
    return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
  case XI_PY_REPLACE:
    return str_replace(g, args, n, pos, out, err);
  default:
    return str_case_strip(g, which, args, n, pos, out, err);
  }
}


/* ---- float(s) and int(s): a number written in a string, as Python reads it ---- */

/* the text quoted as Python's repr quotes it, for the message (a text with both
   quotes, or a byte repr would escape, is not quoted back) */
static int str_bad(const char *t, int to_float, xi_pos pos, xi_err *err) {
  const char *what = to_float ? "could not convert string to float: "
                              : "invalid literal for int() with base 10: ";
  int plain = 1;
  for (const char *c = t; *c; c++)
    plain &= (unsigned char)*c >= 0x20 && *c != 0x7f && *c != '\\' && !(*c & 0x80);
  if (plain && !strchr(t, '\''))
    return xiX_fail(err, pos, "ValueError: %s'%s'", what, t);
  if (plain && !strchr(t, '"'))
    return xiX_fail(err, pos, "ValueError: %s\"%s\"", what, t);
  return xiX_fail(err, pos, "ValueError: %sthis string", what);
}

/* digits with single underscores between them (Python's "1_000"), copied without
   them into w; how many bytes of t they took (0: none) */
static size_t digits(const char *t, char *w, size_t *nw) {
  size_t k = 0;
  while (isdigit((unsigned char)t[k]) ||
         (t[k] == '_' && k > 0 && isdigit((unsigned char)t[k - 1]) &&
          isdigit((unsigned char)t[k + 1]))) {
    if (t[k] != '_')
      w[(*nw)++] = t[k];
    k++;
  }
  return k;
}

/* float(s), int(s): the literal Python reads in s, as a constant of that text
   (so that it is read again at another precision, and is Python's number:
   pytype.c), its sign written in it */
int xiG_str_number(xiG_graph *g, int to_float, uint32_t s, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  const char *t = text_of(g, s);
  size_t a = 0, b = strlen(t);
  while (a < b && space(t[a]))
    a++;
  while (b > a && space(t[b - 1]))
    b--;
  char *lit = malloc(b - a + 4);
  if (!lit)
    return xiG_oom(g, pos, err);
  size_t n = 0, k = a;
  if (a < b && t[a] == '-')
    lit[n++] = '-';
  k += a < b && (t[a] == '-' || t[a] == '+');
  size_t sign = n, at = k;
  static const char *const special[] = {"infinity", "inf", "nan"};
  for (int q = 0; to_float && q < 3 && k == at; q++)
    if (b - at == strlen(special[q]) && !strncasecmp(t + at, special[q], b - at))
      n += (size_t)sprintf(lit + n, "%s", q == 2 ? "nan" : "inf"), k = b;
  if (k == at) { /* digits [. digits] [e [sign] digits], a digit before or after the point */
    size_t whole = digits(t + k, lit, &n), frac = 0;
    k += whole;
    if (to_float && k < b && t[k] == '.') {
      lit[n++] = t[k++];
      k += frac = digits(t + k, lit, &n);
    }
    if (to_float && (whole || frac) && k < b && (t[k] == 'e' || t[k] == 'E')) {
      lit[n++] = 'e';
      k++;
      if (k < b && (t[k] == '-' || t[k] == '+'))
        lit[n++] = t[k++];
      size_t ex = digits(t + k, lit, &n);
      k = ex ? k + ex : b + 1;
    }
    if (!whole && !frac)
      k = b + 1;
    if (!to_float) { /* int('-007') is -7, int('-0') 0 */
      size_t z = sign;
      while (z + 1 < n && lit[z] == '0')
        z++;
      memmove(lit + sign, lit + z, n - z);
      n -= z - sign;
      if (n == sign + 1 && lit[sign] == '0')
        memmove(lit, lit + sign, 1), n = 1;
    } else if (!memchr(lit, '.', n) && !memchr(lit, 'e', n)) {
      lit[n++] = '.', lit[n++] = '0'; /* float('7'): 7.0 */
    }
  }
  lit[n] = 0;
  uint32_t sym = k == b ? xiS_intern(&g->sym, lit, n) : XI_NONE;
  free(lit);
  if (k != b)
    return str_bad(t, to_float, pos, err);
  uint32_t c = sym == XI_NONE ? XI_NONE : xiG_constant(g, sym, pos);
  if (c == XI_NONE)
    return xiG_oom(g, pos, err);
  if (g->nodes[c].err)
    return xiX_fail(err, pos, "%s is not a value in format mpfr, whose numbers are finite: "
                              "format binary64 has inf and nan, as NumPy's", t + a);
  *out = c;
  return !to_float && xiG_int_exact(g, c, pos, err) ? -1 : 0;
}
