/* pystring.c: a string's methods as Python's give them, values anywhere: s.upper(),
 * s.lower(), s.strip(chars), s.lstrip(), s.rstrip(), s.split(sep, maxsplit),
 * s.startswith(p), s.endswith(p) (a str or a tuple of them), s.replace(old, new,
 * count).  A text is UTF-8; the methods that read characters one by one (the
 * cases, what strip removes) take ASCII's and refuse the rest, whose rules are
 * Unicode's tables, rather than give another answer than Python. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/pystrval.h"

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


/* ---- float(s), int(s): a text read as Python reads a number ---- */

/* digits with single underscores between them, from *i: copied into out at *k
   (without the underscores); the count of digits, 0 when none or an underscore
   stands anywhere else */
static size_t digits(const char *t, size_t n, size_t *i, char *out, size_t *k) {
  size_t count = 0;
  while (*i < n) {
    if (isdigit((unsigned char)t[*i]))
      out[(*k)++] = t[(*i)++], count++;
    else if (t[*i] == '_' && count && *i + 1 < n && isdigit((unsigned char)t[*i + 1]))
      (*i)++;
    else
      break;
  }
  return count;
}

/* Python's grammar for float(s) (sign, digits with underscores, a point, an
   exponent; inf, infinity, nan in any case) or int(s) (sign, digits), blanks
   around: the literal xi writes for it in out (without its sign: *neg), or -1 */
static int number_text(const char *t, size_t n, int want_int, char *out, int *neg) {
  while (n && space(t[n - 1]))
    n--;
  while (n && space(*t))
    t++, n--;
  *neg = n && *t == '-';
  if (n && (*t == '-' || *t == '+'))
    t++, n--;
  if (!want_int && (n == 3 || n == 8)) {
    char low[9] = {0};
    for (size_t i = 0; i < n; i++)
      low[i] = (char)tolower((unsigned char)t[i]);
    if (!strcmp(low, "inf") || !strcmp(low, "infinity") || !strcmp(low, "nan")) {
      strcpy(out, low[0] == 'i' ? "inf" : "nan");
      return 0;
    }
  }
  size_t i = 0, k = 0;
  size_t whole = digits(t, n, &i, out, &k);
  if (want_int)
    return whole && i == n ? (out[k] = '\0', 0) : -1;
  if (!whole)
    out[k++] = '0';
  size_t frac = 0;
  out[k++] = '.';
  if (i < n && t[i] == '.') {
    i++;
    frac = digits(t, n, &i, out, &k);
  }
  if (!whole && !frac)
    return -1;
  if (!frac)
    out[k++] = '0';
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    out[k++] = 'e';
    i++;
    if (i < n && (t[i] == '-' || t[i] == '+'))
      out[k++] = t[i++];
    if (!digits(t, n, &i, out, &k))
      return -1;
  }
  out[k] = '\0';
  return i == n ? 0 : -1;
}

int xiG_str_number(xiG_graph *g, int want_int, uint32_t s, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  uint32_t id = (uint32_t)g->nodes[s].x->p[XI_C_TEXT];
  const char *t = xiS_name(&g->sym, id);
  size_t n = xiS_len(&g->sym, id);
  if (!ascii(t)) /* (never Python's ValueError, which an except would take for an answer) */
    return xiX_fail(err, pos, "%s() of a text beyond ASCII is not part of xi: Python reads "
                              "Unicode's digits and spaces there ('\\u00a01' is 1.0)",
                    want_int ? "int" : "float");
  char *lit = malloc(2 * n + 8);
  if (!lit)
    return xiG_oom(g, pos, err);
  int neg, rc = number_text(t, n, want_int, lit + 1, &neg);
  if (rc) { /* the text as Python's repr writes it (pystrval.c) */
    free(lit);
    xiG_sbuf r = {0};
    if (xiG_sv_text(g, s, 1, XI_SV_STR, &r, pos, err) || r.full) {
      free(r.s);
      return r.full ? xiG_oom(g, pos, err) : -1;
    }
    rc = want_int ? xiX_fail(err, pos, "invalid literal for int() with base 10: %.200s (ValueError)", r.s)
                  : xiX_fail(err, pos, "could not convert string to float: %.200s (ValueError)", r.s);
    free(r.s);
    return rc;
  }
  char *l = lit + 1; /* the sign in the literal's text, as Python's number (pytype.c) */
  if (want_int) { /* int('-007') is -7, int('-0') 0 */
    while (l[0] == '0' && l[1])
      l++;
    neg = neg && strcmp(l, "0") != 0;
  }
  if (neg && l[0] != 'n') /* (float('-nan') is nan) */
    *--l = '-';
  uint32_t c = xiS_intern(&g->sym, l, strlen(l)), node;
  free(lit);
  if (c == XI_NONE || (node = xiG_constant(g, c, pos)) == XI_NONE)
    return xiG_oom(g, pos, err);
  if (g->nodes[node].err) /* (as a literal's: tape/exec.c) */
    return xiX_fail(err, pos, "%s", strpbrk(xiS_name(&g->sym, c), "in")
                                   ? "inf and nan are not values in format mpfr, whose numbers "
                                     "are finite: format binary64 has them, as NumPy's"
                                   : "number out of range");
  if (want_int && xiG_int_exact(g, node, pos, err))
    return -1;
  *out = node;
  return 0;
}
