/* claims.c: a worked solution read line by line (claims.h).  Only the shape
 * of a line is read here: NAME, the working, the numbers.  Numbers are taken
 * as people write them and written again as xi reads one, so that check's
 * judgement (cmd/check.c) and the tape's literals take them unchanged. */
#include "syntax/claims.h"

#include <stdlib.h>
#include <string.h>

/* ---- numbers ---- */

/* the UTF-8 text lit at s (n bytes): its length, or 0 */
static size_t is(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  return n >= k && memcmp(s, lit, k) == 0 ? k : 0;
}

/* a minus as people type one: '-', the minus sign U+2212, an en dash */
static size_t minus(const char *s, size_t n) {
  return n && *s == '-' ? 1 : is(s, n, "−") ? 3 : is(s, n, "–");
}

static size_t digits(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    i++;
  return i;
}

static size_t blanks(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
    i++;
  return i;
}

/* a superscript digit or sign (⁰¹²³⁴⁵⁶⁷⁸⁹ ⁻ ⁺): its ASCII, and *len its bytes */
static char superscript(const char *s, size_t n, size_t *len) {
  static const char *const sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  for (int d = 0; d < 10; d++)
    if ((*len = is(s, n, sup[d])))
      return (char)('0' + d);
  if ((*len = is(s, n, "⁻")))
    return '-';
  if ((*len = is(s, n, "⁺")))
    return '+';
  return 0;
}

/* after the mantissa: e-4, E+3, ×10^-4, x 10^(-4), ·10⁻⁴, *10**-4: the exponent
   written into e (with its sign), its bytes in s returned (0: none) */
static size_t exponent(const char *s, size_t n, char *e, size_t room) {
  size_t i = 0, k = 0;
  if (n && (*s == 'e' || *s == 'E')) {
    i = 1;
    size_t m = minus(s + i, n - i);
    if (m)
      e[k++] = '-', i += m;
    else if (i < n && s[i] == '+')
      i++;
    size_t d = digits(s + i, n - i);
    if (!d || d + 2 > room)
      return 0;
    memcpy(e + k, s + i, d);
    e[k + d] = '\0';
    return i + d;
  }
  i = blanks(s, n);
  size_t t = is(s + i, n - i, "×") ? 2 : is(s + i, n - i, "·") ? 2 : is(s + i, n - i, "⋅") ? 3
             : i < n && (s[i] == 'x' || s[i] == '*')                      ? 1
                                                                          : 0;
  if (!t)
    return 0;
  i += t;
  i += blanks(s + i, n - i);
  if (!is(s + i, n - i, "10"))
    return 0;
  i += 2;
  size_t sl;
  if (superscript(s + i, n - i, &sl)) { /* 10⁻⁴ */
    char c;
    while (k + 2 < room && (c = superscript(s + i, n - i, &sl)))
      if (c != '+')
        e[k++] = c, i += sl;
      else
        i += sl;
    e[k] = '\0';
    return k && e[k - 1] != '-' ? i : 0;
  }
  size_t p = is(s + i, n - i, "^") ? 1 : is(s + i, n - i, "**") ? 2 : 0;
  if (!p)
    return 0;
  i += p;
  char close = i < n && s[i] == '(' ? ')' : i < n && s[i] == '{' ? '}' : 0;
  i += close != 0;
  size_t m = minus(s + i, n - i);
  if (m)
    e[k++] = '-', i += m;
  else if (i < n && s[i] == '+')
    i++;
  size_t d = digits(s + i, n - i);
  if (!d || k + d + 1 > room)
    return 0;
  memcpy(e + k, s + i, d);
  e[k + d] = '\0';
  i += d;
  if (close && (i >= n || s[i] != close))
    return 0;
  return i + (close != 0);
}

size_t xiK_number(const char *s, size_t n, char *out, size_t room, size_t *used) {
  size_t i = 0, k = 0;
  if (room < 8)
    return 0;
  size_t m = minus(s, n);
  if (m)
    out[k++] = '-', i += m;
  else if (n && *s == '+')
    i++;
  size_t a = digits(s + i, n - i), b = 0;
  if (a + 3 > room - k)
    return 0;
  if (a == 0)
    out[k++] = '0'; /* .5 is 0.5 */
  memcpy(out + k, s + i, a);
  k += a, i += a;
  if (i < n && s[i] == '.') {
    b = digits(s + i + 1, n - i - 1);
    if (k + b + 2 > room)
      return 0;
    out[k++] = '.';
    memcpy(out + k, s + i + 1, b);
    k += b, i += 1 + b;
    if (b == 0)
      k--; /* 3. is 3 */
  }
  if (a + b == 0)
    return 0;
  if (b && i + 3 <= n && (memcmp(s + i, "...", 3) == 0 || memcmp(s + i, "\xe2\x80\xa6", 3) == 0))
    i += 3; /* 0.6931...: more digits follow, unwritten (grade takes a truncation) */
  char e[32];
  size_t x = exponent(s + i, n - i, e, sizeof e);
  if (x) {
    if (k + strlen(e) + 2 > room)
      return 0;
    k += (size_t)sprintf(out + k, "e%s", e);
    i += x;
  }
  out[k] = '\0';
  *used = i;
  return k;
}

/* ---- a line ---- */

typedef struct {
  const char *src;
  size_t end;
  xi_pos first;
  size_t first_off; /* src offset of `first` */
  xi_err *errs;
  uint32_t nerr, nbad;
} reader;

static int name_byte(unsigned char c) {
  return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* the column of offset off on the line that starts at line0 */
static xi_pos where(const reader *r, size_t line0, uint32_t line, size_t off) {
  uint32_t col = line0 == r->first_off ? r->first.col : 1;
  for (size_t i = line0; i < off; i++)
    col += ((unsigned char)r->src[i] & 0xC0) != 0x80;
  return (xi_pos){line, col};
}

static void bad(reader *r, xi_pos pos, const char *msg, const char *text, size_t n) {
  if (r->nbad++ < r->nerr)
    xiX_fail(&r->errs[r->nbad - 1], pos, msg, (int)(n > 60 ? 60 : n), text);
}

/* a name at s: its bytes */
static size_t name_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && name_byte((unsigned char)s[i]) && !is(s + i, n - i, "≈") &&
         !minus(s + i, n - i))
    i++;
  return i;
}

/* ξk, xik, ξ₃: k; 0 when the name is not a ξ label */
static uint32_t label_number(const char *s, size_t n) {
  size_t p = is(s, n, "ξ") ? 2 : is(s, n, "xi") ? 2 : 0;
  if (!p || p == n)
    return 0;
  unsigned long k = 0;
  for (size_t i = p; i < n;) {
    size_t sl = is(s + i, n - i, "\xe2\x82") && i + 2 < n ? 3 : 0; /* ₀..₉: E2 82 80..89 */
    int d = sl && (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x89
                ? (unsigned char)s[i + 2] - 0x80
            : s[i] >= '0' && s[i] <= '9' ? s[i] - '0'
                                           : -1;
    if (d < 0 || k > 100000000UL)
      return 0;
    k = k * 10 + (unsigned long)d;
    i += sl ? sl : 1;
  }
  return (uint32_t)k;
}

/* d or ∂ at the start of a word: its bytes */
static size_t partial_sign(const char *s, size_t n) {
  return is(s, n, "∂") ? 3 : n > 1 && *s == 'd' ? 1 : 0;
}

static int add_number(xiK_claim *c, const char *num, size_t len) {
  size_t have = 0;
  for (uint32_t k = 0; k < c->n; k++)
    have += strlen(c->numbers + have) + 1;
  char *q = realloc(c->numbers, have + len + 1);
  if (!q)
    return -1;
  memcpy(q + have, num, len + 1);
  c->numbers = q;
  c->n++;
  return 0;
}

/* the numbers claimed, s[0, n): a number, [a, b] or [[a, b], [c, d]] (',' or
   blanks between); 0, or the offset where it went wrong (1-based), -1 out of memory */
static long numbers(xiK_claim *c, const char *s, size_t n) {
  char num[96];
  size_t i = blanks(s, n), used;
  int depth = 0, rows = 0;
  uint32_t cols = 0, in_row = 0;
  c->shape = (xi_shape){0, 1, 1};
  for (;;) {
    i += blanks(s + i, n - i);
    if (i < n && s[i] == '[') {
      if (++depth > 2 || (depth == 2 && c->shape.rank == 0 && rows == 0 && c->n))
        return (long)i + 1;
      if (depth == 2)
        in_row = 0;
      i++;
      continue;
    }
    if (i < n && s[i] == ']') {
      if (depth == 0)
        return (long)i + 1;
      if (depth == 2) {
        if (rows && in_row != cols)
          return (long)i + 1;
        cols = in_row, rows++;
      }
      depth--, i++;
      if (depth == 0)
        break;
      continue;
    }
    if (i < n && s[i] == ',' && depth) {
      i++;
      continue;
    }
    size_t len = xiK_number(s + i, n - i, num, sizeof num, &used);
    if (!len)
      return (long)i + 1;
    if (add_number(c, num, len))
      return -1;
    in_row++;
    i += used;
    if (depth == 0)
      break;
  }
  if (depth)
    return (long)n + 1;
  if (rows)
    c->shape = (xi_shape){2, (uint32_t)rows, cols};
  else if (c->n > 1 || (n && s[blanks(s, n)] == '['))
    c->shape = (xi_shape){1, 1, c->n};
  i += blanks(s + i, n - i);
  return i < n ? (long)i + 1 : 0;
}

/* the separator at s: '=' or '≈' (its bytes), else 0 */
static size_t separator(const char *s, size_t n) {
  return n && *s == '=' ? 1 : is(s, n, "≈");
}

static int one_line(reader *r, size_t line0, size_t stop, uint32_t line, xiK_claim *c) {
  const char *s = r->src;
  size_t i = line0, end = stop;
  for (size_t q = line0; q < stop; q++)
    if (s[q] == '#') {
      end = q;
      break;
    }
  while (end > i && strchr(" \t\r", s[end - 1]))
    end--;
  i += blanks(s + i, end - i);
  if (i == end)
    return 0; /* blank, or a comment */
  if (end - i > 2 && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ')
    i += 2 + blanks(s + i + 2, end - i - 2); /* a list's bullet */
  memset(c, 0, sizeof *c);
  c->off = i;
  c->pos = where(r, line0, line, i);
  size_t w = name_len(s + i, end - i);
  if (!w) {
    bad(r, c->pos, "a claim is NAME = NUMBER (z1 = 0.2, dL/dW = -0.00037, xi3 = -9); this "
                   "line starts with '%.*s'", s + i, end - i);
    return 1;
  }
  size_t j = i + w + blanks(s + i + w, end - i - w);
  if (j < end && s[j] == '/') { /* dL/dW, ∂L/∂W */
    size_t d1 = partial_sign(s + i, w), k = j + 1 + blanks(s + j + 1, end - j - 1);
    size_t w2 = name_len(s + k, end - k), d2 = partial_sign(s + k, w2);
    if (!d1 || !d2 || d1 == w || d2 == w2) {
      bad(r, c->pos, "an adjoint is written dL/dW or ∂L/∂W; not '%.*s'", s + i, end - i);
      return 1;
    }
    c->adjoint = 1;
    c->of_off = i + d1, c->of_len = w - d1;
    c->name_off = k + d2, c->name_len = w2 - d2;
    c->name_pos = where(r, line0, line, k);
    j = k + w2 + blanks(s + k + w2, end - k - w2);
  } else {
    c->name_off = i, c->name_len = w;
    c->name_pos = c->pos;
  }
  c->xi = label_number(s + c->name_off, c->name_len);
  size_t eq = separator(s + j, end - j);
  if (!eq) {
    bad(r, where(r, line0, line, j), "'=' and the number after the name, as in z1 = 0.2; "
                                     "not '%.*s'", s + j, end - j);
    return 1;
  }
  size_t last = j; /* the last '=' or '≈': the claim is after it */
  for (size_t q = j; q < end; q++)
    if (separator(s + q, end - q))
      last = q;
  size_t after = last + separator(s + last, end - last);
  if (last > j) { /* the working between */
    size_t a = j + eq + blanks(s + j + eq, last - j - eq), b = last;
    while (b > a && strchr(" \t\r", s[b - 1]))
      b--;
    c->expr_off = a, c->expr_len = b - a;
    c->expr_pos = where(r, line0, line, a);
  }
  after += blanks(s + after, end - after);
  c->num_off = after, c->num_len = end - after;
  c->num_pos = where(r, line0, line, after);
  long at = numbers(c, s + after, end - after);
  if (at < 0)
    return -1;
  if (at > 0) {
    size_t o = after + (size_t)at - 1;
    int comma = c->n == 1 && o > after && s[o] == ',' && o + 1 < end && s[o + 1] >= '0' &&
                s[o + 1] <= '9' && c->shape.rank == 0;
    if (o >= end)
      bad(r, where(r, line0, line, o), "the number claimed after '='%.*s", "", 0);
    else
    bad(r, where(r, line0, line, o),
        comma ? "a decimal point is '.', not ',' (0.5, not 0,5): '%.*s'"
        : c->n && o > after ? "after the number: '%.*s' (a comment starts with #)"
                          : "a number (0.25, −1.2e-4, 1.2×10^-4) or a list of them "
                            "([0.1, 0.2]); not '%.*s'",
        s + o, end - o);
    free(c->numbers);
    c->numbers = NULL;
    return 1;
  }
  return 2;
}

int xiK_read(const char *src, size_t off, size_t end, xi_pos first, xiK_claim **out,
             uint32_t *n, xi_err *errs, uint32_t nerr, uint32_t *nbad) {
  reader r = {src, end, first, off, errs, nerr, 0};
  xiK_claim *list = NULL;
  uint32_t count = 0, cap = 0, line = first.line;
  for (size_t i = off; i < end; line++) {
    size_t e = i;
    while (e < end && src[e] != '\n')
      e++;
    if (count == cap) {
      cap = cap ? cap * 2 : 16;
      xiK_claim *q = realloc(list, cap * sizeof *q);
      if (!q) {
        xiK_free(list, count);
        return -1;
      }
      list = q;
    }
    int got = one_line(&r, i, e, line, &list[count]);
    if (got < 0) {
      xiK_free(list, count);
      return -1;
    }
    count += got == 2;
    i = e + 1;
  }
  *out = list, *n = count, *nbad = r.nbad;
  return 0;
}

void xiK_free(xiK_claim *c, uint32_t n) {
  for (uint32_t k = 0; c && k < n; k++)
    free(c[k].numbers);
  free(c);
}
