/* pypercent.c: Python's % formatting of print's text, "%.4f" % x and
 * "%d: %s" % (i, s): the text's conversions become print's items, each a
 * value with the format spec that gives the same characters (format(x,
 * ".4f") is "%.4f" % x), so the values print as an f-string's do.  A part of
 * the parser (xiP_, parse.h), called by pyprint.c; what the two share is
 * declared in parse_int.h.  Python's "{:.4f}".format(x) too, the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

enum { XI_PCT_MAX = 64 }; /* values after one '%' */

/* what one "..." % values takes: the text whole, and the values' code (or a
   string's text) */
typedef struct {
  char *t;
  size_t n;
  uint32_t nv;
  xiP_code vals[XI_PCT_MAX];
  char *str[XI_PCT_MAX]; /* "%s" % "text": the value is a string */
  xi_pos at[XI_PCT_MAX];
} job;

/* one value: a plain string's text, or an expression (an operand of %
   when not in brackets) */
static void value(xiP_parser *p, job *j, int operand) {
  uint32_t k = j->nv;
  if (k == XI_PCT_MAX)
    xiP_fail(p, xiP_peek(p)->pos, "more than %d values to format", XI_PCT_MAX);
  j->at[k] = xiP_peek(p)->pos;
  xiL_token t = *xiP_peek(p);
  size_t len, pre = 0;
  const char *src = p->lx.src + t.off;
  int f = 0; /* an f-string is a value as any other (pylist.c) */
  while (t.type == T_STRING && src[pre] != '"' && src[pre] != '\'')
    f |= (src[pre++] | 0x20) == 'f';
  if (t.type == T_STRING && !f) { /* "text", not "b" + str(i): a value as any other */
    xiP_take(p);
    if (xiP_is(p, T_COMMA) || xiP_is(p, T_RP) || operand) {
      xiP_string_text(p, &t, &j->str[k], &len);
      j->nv++;
      return;
    }
    xiP_put_back(p, &t);
  }
  p->depth = 0;
  if (operand)
    xiP_operand(p, &j->vals[k]);
  else
    xiP_expr(p, &j->vals[k]);
  j->nv++;
}

/* the values after '%', '%' taken: a bracketed tuple's items (or one value
   in brackets), or one operand */
static void operands(xiP_parser *p, job *j) {
  if (!xiP_is(p, T_LP)) {
    value(p, j, 1);
    return;
  }
  xiP_take(p);
  while (!xiP_is(p, T_RP)) {
    value(p, j, 0);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' after the values to format");
}

typedef struct {
  char spec[48]; /* the format spec that writes the same characters */
  char conv;     /* 's' or 'r' for %s and %r, else 0 */
  int integer;   /* %d %i %u: the value made an int first, as Python's int(x) */
} conversion;

/* one conversion at t[*i] ('%' there): flags, width, precision and type into
   cv, *i past it; 0 for %%, 1 for a value */
static int conversion_at(xiP_parser *p, const char *t, size_t n, size_t *i, conversion *cv,
                         xi_pos at) {
  size_t k = *i + 1;
  int left = 0, zero = 0, alt = 0;
  char sign = 0;
  memset(cv, 0, sizeof *cv);
  if (k < n && t[k] == '%') {
    *i = k + 1;
    return 0;
  }
  if (k < n && t[k] == '(')
    xiP_fail(p, at, "%%(name)s (the values from a dict) is not part of xi: write the values "
                    "in brackets, \"%%s\" %% (a, b), or use an f-string");
  for (; k < n && strchr("-+ 0#", t[k]); k++) {
    left |= t[k] == '-', zero |= t[k] == '0', alt |= t[k] == '#';
    if (t[k] == '+' || (t[k] == ' ' && sign != '+'))
      sign = t[k];
  }
  size_t w0 = k;
  while (k < n && t[k] >= '0' && t[k] <= '9')
    k++;
  int width = k - w0 > 6 ? -2 : k > w0 ? atoi(t + w0) : -1;
  int prec = -1;
  if (k < n && t[k] == '.') {
    size_t p0 = ++k;
    while (k < n && t[k] >= '0' && t[k] <= '9')
      k++;
    prec = k - p0 > 6 ? -2 : atoi(t + p0);
  }
  if (k < n && t[k] == '*')
    xiP_fail(p, at, "a width or precision given by '*' is not part of xi: write the number");
  if (width == -2 || prec == -2)
    xiP_fail(p, at, "a width or precision of more than 6 digits in %% formatting");
  if (k >= n)
    xiP_fail(p, at, "incomplete format (as Python says: the text ends after '%%')");
  char type = t[k];
  *i = k + 1;
  char *s = cv->spec;
  if (type == 's' || type == 'r') {
    if (prec >= 0)
      xiP_fail(p, at, "%%.%ds cuts the text of a value, which xi does not do: write %%s", prec);
    cv->conv = type;
    if (width >= 0)
      sprintf(s, "%c%d", left ? '<' : '>', width);
    return 1;
  }
  if (!strchr("diufFeEgGxXo", type)) {
    if (type == 'c')
      xiP_fail(p, at, "%%c is not part of xi's %% formatting (d i f e g s r x o are)");
    xiP_fail(p, at, "unsupported format character '%c' (as Python says; xi's %% formatting "
                    "takes d i u f F e E g G x X o s r and %%%%)", type);
  }
  if ((type == 'd' || type == 'i' || type == 'u') && prec >= 0)
    xiP_fail(p, at, "a precision on %%%c pads with zeros in Python: write %%0%d%c", type, prec,
             type);
  cv->integer = type == 'd' || type == 'i' || type == 'u';
  if (left)
    *s++ = '<';
  if (sign)
    *s++ = sign;
  if (alt)
    *s++ = '#';
  if (zero && !left)
    *s++ = '0';
  if (width >= 0)
    s += sprintf(s, "%d", width);
  if (prec >= 0)
    s += sprintf(s, ".%d", prec);
  *s++ = cv->integer ? 'd' : type;
  *s = '\0';
  return 1;
}

/* the item for a text t[a, b), unless empty */
static void text_piece(xiP_parser *p, xiP_stmt *st, const char *t, size_t a, size_t b, xi_pos at) {
  if (b <= a)
    return;
  xiP_item *it = xiP_new_item(p, st, I_TEXT, at);
  it->text = malloc(b - a + 1);
  if (!it->text)
    xiP_fail(p, at, "out of memory");
  memcpy(it->text, t + a, b - a);
  it->text[b - a] = '\0';
  it->len = b - a;
}

/* a string value's text converted (%s, %r, a width), into a text item */
static void string_value(xiP_parser *p, xiP_stmt *st, const char *v, const conversion *cv,
                         xi_pos at) {
  if (!cv->conv)
    xiP_fail(p, at, "a number is required, not a string (as Python says of %%d, %%f ...)");
  if (cv->conv == 'r' && (strchr(v, '\'') || strchr(v, '\\') || strchr(v, '\n')))
    xiP_fail(p, at, "%%r of this text is not part of xi: write %%s, or the text itself");
  int width = cv->spec[0] ? atoi(cv->spec + 1) : 0, q = cv->conv == 'r' ? 2 : 0;
  int len = (int)strlen(v) + q, pad = width > len ? width - len : 0;
  char *out = malloc((size_t)(len + pad) + 1);
  if (!out)
    xiP_fail(p, at, "out of memory");
  int left = cv->spec[0] == '<';
  sprintf(out, "%*s%s%s%s%*s", left ? 0 : pad, "", q ? "'" : "", v, q ? "'" : "",
          left ? pad : 0, "");
  xiP_item *it = xiP_new_item(p, st, I_TEXT, at);
  it->text = out;
  it->len = strlen(out);
}

/* the text's conversions, each with the next value, into print's items */
static void convert(xiP_parser *p, xiP_stmt *st, job *j, xi_pos at) {
  const char *t = j->t;
  size_t n = j->n, lit = 0;
  uint32_t used = 0;
  for (size_t i = 0; i < n;) {
    if (t[i] != '%') {
      i++;
      continue;
    }
    text_piece(p, st, t, lit, i, at);
    conversion cv;
    if (!conversion_at(p, t, n, &i, &cv, at)) {
      text_piece(p, st, "%", 0, 1, at);
      lit = i;
      continue;
    }
    lit = i;
    if (used == j->nv)
      xiP_fail(p, at, "not enough arguments for format string (as Python says; several values "
                      "go in brackets: \"%%d: %%.4f\" %% (i, loss))");
    if (j->str[used]) {
      string_value(p, st, j->str[used], &cv, j->at[used]);
      used++;
      continue;
    }
    xiP_item *it = xiP_new_item(p, st, I_VALUE, j->at[used]);
    it->code = j->vals[used];
    memset(&j->vals[used++], 0, sizeof *j->vals); /* the item owns it */
    it->conv = cv.conv ? cv.conv : 's';
    if (cv.integer) { /* %d of 3.7 is 3: int(x) first */
      xiP_ins to_int = {K_ATTR, XI_ATTR_INT, 0, 0, 0, it->pos};
      xiP_emit(p, &it->code, to_int);
    }
    if (cv.spec[0]) {
      it->len = strlen(cv.spec);
      it->text = malloc(it->len + 1);
      if (!it->text)
        xiP_fail(p, at, "out of memory");
      memcpy(it->text, cv.spec, it->len + 1);
    }
  }
  text_piece(p, st, t, lit, n, at);
  if (used < j->nv)
    xiP_fail(p, j->at[used], "not all arguments converted during string formatting (as Python "
                             "says: more values than %% conversions)");
}

static void done(job *j) {
  for (int k = 0; k < XI_PCT_MAX; k++) {
    xiP_code_free(&j->vals[k]);
    free(j->str[k]);
  }
  free(j->t);
  free(j);
}

/* "...%..." % values, the text's items (from item first on, plain texts) on
   st and the '%' next: the items become the text's pieces and the values */
/* the text items of st from first on moved into t, which has room for them
   and a '\0' (the items give up their text; % and .format read it whole) */
static void take_text(xiP_stmt *st, uint32_t first, char *t) {
  size_t n = 0;
  for (uint32_t k = first; k < st->nitems; k++) {
    memcpy(t + n, st->items[k].text, st->items[k].len);
    n += st->items[k].len;
    free(st->items[k].text);
  }
  t[n] = '\0';
  st->nitems = first;
}

void xiP_percent(xiP_parser *p, xiP_stmt *st, uint32_t first) {
  xi_pos at = st->items[first].pos;
  size_t n = 0;
  for (uint32_t k = first; k < st->nitems; k++) {
    if (st->items[k].kind != I_TEXT)
      xiP_fail(p, st->items[k].pos, "%% formatting of an f-string is not part of xi: write the "
                                    "values in the f-string");
    n += st->items[k].len;
  }
  job *j = calloc(1, sizeof *j);
  char *t = j ? malloc(n + 1) : NULL; /* the text, whole (the items give it up) */
  if (!t) {
    free(j);
    xiP_fail(p, at, "out of memory");
  }
  j->t = t, j->n = n;
  take_text(st, first, t);
  jmp_buf outer; /* what j holds is freed on any failure */
  memcpy(outer, p->fail, sizeof outer);
  if (setjmp(p->fail)) {
    done(j);
    memcpy(p->fail, outer, sizeof outer);
    xiP_unwind(p);
  }
  xiP_take(p); /* '%' */
  operands(p, j);
  convert(p, st, j, at);
  done(j);
  memcpy(p->fail, outer, sizeof outer);
}

/* ---- "...".format(values) ----
   Python's str.format in print's text, as tutorials write it:
   print("min loss: {:.5f} at iteration {}".format(m, i)).  Each field
   {[index or name][!r|!s][:spec]} becomes a value with its spec, as an
   f-string's does; {{ and }} are the braces. */

/* the arguments of .format(...), '(' next: values, and name=value */
static void format_args(xiP_parser *p, job *j, size_t *koff, size_t *klen) {
  xiP_expect(p, T_LP, "'(' after .format");
  while (!xiP_is(p, T_RP)) {
    koff[j->nv] = klen[j->nv] = 0;
    if (xiP_is(p, T_NAME)) {
      xiL_token t = xiP_take(p);
      if (xiP_is(p, T_ASSIGN)) {
        xiP_take(p);
        koff[j->nv] = t.off, klen[j->nv] = t.len;
      } else {
        xiP_put_back(p, &t);
      }
    }
    value(p, j, 0);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' after the values of .format(...)");
}

/* field t[*i] ('{' there) with value k of j: one item, *i past its '}' */
static void format_field(xiP_parser *p, xiP_stmt *st, job *j, uint32_t k, char conv,
                         const char *spec, size_t ns, xi_pos at) {
  if (j->str[k]) { /* a text: [<|>]width[s], as % formatting's %-8s and %8s */
    conversion cv = {{0}, conv ? conv : 's', 0};
    size_t q = 0;
    char align = q < ns && (spec[q] == '<' || spec[q] == '>') ? spec[q++] : '<';
    size_t w0 = q;
    while (q < ns && spec[q] >= '0' && spec[q] <= '9' && q - w0 < 6)
      q++;
    if (q < ns && spec[q] == 's')
      q++;
    if (q != ns)
      xiP_fail(p, at, "this format spec of a text is not part of xi: a width, with < or >, "
                      "as in {:8s} or {:>8}");
    if (q > w0)
      snprintf(cv.spec, sizeof cv.spec, "%c%.*s", align, (int)(q - w0), spec + w0);
    string_value(p, st, j->str[k], &cv, j->at[k]);
    return;
  }
  xiP_item *it = xiP_new_item(p, st, I_VALUE, j->at[k]);
  if (xiP_code_copy(&it->code, &j->vals[k]))
    xiP_fail(p, at, "out of memory");
  it->conv = conv; /* (0: format(x, spec), which a dtype refuses; 's': str(x) first) */
  if (ns) {
    it->text = malloc(ns + 1);
    if (!it->text)
      xiP_fail(p, at, "out of memory");
    memcpy(it->text, spec, ns);
    it->text[ns] = '\0';
    it->len = ns;
  }
}

static void format_text(xiP_parser *p, xiP_stmt *st, job *j, const size_t *koff,
                        const size_t *klen, xi_pos at) {
  const char *t = j->t;
  size_t n = j->n, lit = 0;
  uint32_t next = 0;
  int manual = -1; /* {} and {0} may not be mixed, as Python says */
  for (size_t i = 0; i < n;) {
    if (t[i] != '{' && t[i] != '}') {
      i++;
      continue;
    }
    if (i + 1 < n && t[i + 1] == t[i]) { /* {{ or }}: the brace */
      text_piece(p, st, t, lit, i + 1, at);
      i += 2, lit = i;
      continue;
    }
    if (t[i] == '}')
      xiP_fail(p, at, "Single '}' encountered in format string (as Python says: }} is the brace)");
    text_piece(p, st, t, lit, i, at);
    size_t a = ++i;
    while (i < n && t[i] != '}' && t[i] != '!' && t[i] != ':' && t[i] != '{')
      i++;
    size_t name = i - a;
    char conv = 0;
    if (i < n && t[i] == '!') {
      conv = i + 1 < n ? t[i + 1] : 0;
      if (conv != 'r' && conv != 's' && conv != 'a')
        xiP_fail(p, at, "a conversion in a format field is !r, !s or !a");
      conv = conv == 'a' ? 'r' : conv;
      i += 2;
    }
    size_t s0 = i, ns = 0;
    if (i < n && t[i] == ':') {
      s0 = ++i;
      while (i < n && t[i] != '}') {
        if (t[i] == '{')
          xiP_fail(p, at, "a field inside a format spec is not part of xi: write the spec out");
        i++;
      }
      ns = i - s0;
    }
    if (i >= n || t[i] != '}')
      xiP_fail(p, at, "expected '}' before end of string (as Python says of this format field)");
    i++, lit = i;
    uint32_t k = XI_NONE;
    if (name && t[a] >= '0' && t[a] <= '9') {
      if (manual == 0)
        xiP_fail(p, at, "cannot switch from automatic field numbering to manual field "
                        "specification (as Python says)");
      manual = 1;
      k = (uint32_t)atoi(t + a);
      uint32_t pos = 0; /* the k-th value given by position */
      for (uint32_t q = 0; q < j->nv; q++)
        if (!klen[q] && pos++ == k) {
          k = q;
          goto found;
        }
      xiP_fail(p, at, "Replacement index %.*s out of range for positional args tuple (as "
                      "Python says)", (int)name, t + a);
    } else if (name) {
      for (uint32_t q = 0; q < j->nv; q++)
        if (klen[q] == name && memcmp(p->lx.src + koff[q], t + a, name) == 0) {
          k = q;
          goto found;
        }
      xiP_fail(p, at, "KeyError: '%.*s' (as Python says: .format has no value named so)",
               (int)name, t + a);
    } else {
      if (manual == 1)
        xiP_fail(p, at, "cannot switch from manual field specification to automatic field "
                        "numbering (as Python says)");
      manual = 0;
      uint32_t pos = 0;
      for (uint32_t q = 0; q < j->nv; q++)
        if (!klen[q] && pos++ == next) {
          k = q;
          break;
        }
      if (k == XI_NONE)
        xiP_fail(p, at, "Replacement index %u out of range for positional args tuple (as "
                        "Python says)", next);
      next++;
    }
  found:
    format_field(p, st, j, k, conv, t + s0, ns, at);
  }
  text_piece(p, st, t, lit, n, at);
}

void xiP_str_format(xiP_parser *p, xiP_stmt *st, uint32_t first) {
  xi_pos at = st->items[first].pos;
  size_t n = 0;
  for (uint32_t k = first; k < st->nitems; k++) {
    if (st->items[k].kind != I_TEXT)
      xiP_fail(p, st->items[k].pos, ".format of an f-string is not part of xi: write the "
                                    "values in the f-string");
    n += st->items[k].len;
  }
  job *j = calloc(1, sizeof *j);
  size_t *koff = j ? calloc(XI_PCT_MAX, sizeof *koff) : NULL;
  size_t *klen = koff ? calloc(XI_PCT_MAX, sizeof *klen) : NULL;
  char *t = klen ? malloc(n + 1) : NULL;
  if (!t) {
    free(klen), free(koff), free(j);
    xiP_fail(p, at, "out of memory");
  }
  j->t = t, j->n = n;
  take_text(st, first, t);
  jmp_buf outer; /* what j holds is freed on any failure */
  memcpy(outer, p->fail, sizeof outer);
  if (setjmp(p->fail)) {
    done(j);
    free(koff), free(klen);
    memcpy(p->fail, outer, sizeof outer);
    xiP_unwind(p);
  }
  format_args(p, j, koff, klen);
  format_text(p, st, j, koff, klen, at);
  done(j);
  free(koff), free(klen);
  memcpy(p->fail, outer, sizeof outer);
}
