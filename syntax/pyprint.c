/* pyprint.c: print, as Python writes it (print("loss", L, sep=" ") and
 * f-strings with {x!r:.3f} and {x=}) and as xi does (print "epoch", k, L), and
 * the text of Python's string literals: escapes read, r and f prefixes,
 * strings side by side joined.  A part of the parser (xiP_, parse.h), called
 * by pystmt.c; what the two share is declared in parse_int.h. */
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* ---- strings ---- */

static void put_utf8(char *out, size_t *n, uint32_t cp) {
  if (cp < 0x80) {
    out[(*n)++] = (char)cp;
  } else if (cp < 0x800) {
    out[(*n)++] = (char)(0xC0 | cp >> 6);
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out[(*n)++] = (char)(0xE0 | cp >> 12);
    out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else {
    out[(*n)++] = (char)(0xF0 | cp >> 18);
    out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  }
}

static int hexdigit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* s[*i] is a backslash: its escape appended to out (never longer than the
   escape itself), *i past it; Python's unknown escapes keep the backslash */
static void escape(xiP_parser *p, const char *s, size_t n, size_t *i, char *out, size_t *len,
                   xi_pos at) {
  char c = *i + 1 < n ? s[*i + 1] : '\\';
  static const char from[] = "nt\\'\"rabfv", to[] = "\n\t\\'\"\r\a\b\f\v";
  const char *k = c ? strchr(from, c) : NULL;
  *i += 2;
  if (k) {
    out[(*len)++] = to[k - from];
  } else if (c == '\n') { /* a backslash at the end of a line joins the lines */
  } else if (c >= '0' && c <= '7') {
    uint32_t v = (uint32_t)(c - '0');
    for (int d = 0; d < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; d++)
      v = v * 8 + (uint32_t)(s[(*i)++] - '0');
    put_utf8(out, len, v);
  } else if (c == 'x' || c == 'u' || c == 'U') {
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t v = 0;
    for (int d = 0; d < digits; d++) {
      int h = *i < n ? hexdigit(s[*i]) : -1;
      if (h < 0)
        xiP_fail(p, at, "\\%c needs %d hexadecimal digits", c, digits);
      v = v * 16 + (uint32_t)h, (*i)++;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
      xiP_fail(p, at, "\\%c names no character", c);
    put_utf8(out, len, v);
  } else if (c == 'N') {
    xiP_fail(p, at, "\\N{...} is not part of xi: write the character itself");
  } else {
    out[(*len)++] = '\\';
    *i -= 1;
  }
}

typedef struct {
  const char *body; /* between the quotes */
  size_t n;
  int raw, f;
} str_parts;

static str_parts parts(xiP_parser *p, const xiL_token *t) {
  const char *s = p->lx.src + t->off;
  size_t pre = 0;
  str_parts r = {0, 0, 0, 0};
  while (s[pre] != '"' && s[pre] != '\'') {
    char c = (char)(s[pre] | 0x20);
    r.raw |= c == 'r', r.f |= c == 'f';
    if (c == 'b')
      xiP_fail(p, t->pos, "bytes (b\"...\") are not part of xi");
    pre++;
  }
  int triple = t->len >= pre + 6 && s[pre + 1] == s[pre] && s[pre + 2] == s[pre];
  size_t q = triple ? 3 : 1;
  r.body = s + pre + q;
  r.n = t->len - pre - 2 * q;
  return r;
}

/* the text of s[0, n) with escapes read (raw: as it is), into a new item's
   text (the item owns it before anything can fail) */
static void text_item(xiP_parser *p, xiP_stmt *st, const char *s, size_t n, int raw, xi_pos at) {
  xiP_item *it = xiP_new_item(p, st, I_TEXT, at);
  it->text = malloc(n + 1);
  if (!it->text)
    xiP_fail(p, at, "out of memory");
  size_t len = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '\\' && !raw)
      escape(p, s, n, &i, it->text, &len, at);
    else
      it->text[len++] = s[i++];
  }
  it->text[len] = '\0';
  it->len = len;
}

int xiP_string_text(xiP_parser *p, const xiL_token *t, char **text, size_t *len) {
  str_parts r = parts(p, t);
  if (r.f)
    return -1;
  xiP_stmt tmp;
  memset(&tmp, 0, sizeof tmp);
  xiP_held held; /* an escape that fails (\N{...}) leaves the text to free */
  xiP_hold(p, &held, &tmp);
  text_item(p, &tmp, r.body, r.n, r.raw, t->pos);
  xiP_unhold(p, &held);
  *text = tmp.items[0].text;
  *len = tmp.items[0].len;
  free(tmp.items);
  return 0;
}

/* where byte `at` of the source is, counting from token t */
static xi_pos where(xiP_parser *p, const xiL_token *t, size_t at) {
  xi_pos pos = t->pos;
  for (size_t i = t->off; i < at; i++) {
    unsigned char c = (unsigned char)p->lx.src[i];
    if (c == '\n')
      pos.line++, pos.col = 1;
    else if ((c & 0xC0) != 0x80)
      pos.col++;
  }
  return pos;
}

/* an expression inside an f-string, src[off, end), into code */
static void sub_expr(xiP_parser *p, size_t off, size_t end, xi_pos at, xiP_code *code) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  sub.python = p->python;
  sub.err = p->err;
  if (setjmp(sub.fail)) {
    xiP_code_free(code);
    xiP_unwind(p); /* the message is in p->err already */
  }
  xiP_expr(&sub, code);
  if (!xiP_is(&sub, T_EOF))
    xiP_unexpected(&sub, "'}', '!' or ':' after the expression in the f-string");
}

/* {expr[=][!r|!s][:spec]} at body[*i] ('{'): one I_VALUE item */
static void field(xiP_parser *p, xiP_stmt *st, const xiL_token *t, str_parts r, size_t *i) {
  const char *b = r.body;
  size_t start = *i + 1, k = start, e = 0;
  int depth = 0, debug = 0;
  char quote = 0;
  for (; k < r.n; k++) { /* the expression: up to a '}', '!' or ':' outside brackets */
    char c = b[k];
    if (quote) {
      quote = c == quote ? 0 : quote;
      continue;
    }
    if (c == '\'' || c == '"')
      quote = c;
    else if (c == '(' || c == '[' || c == '{')
      depth++;
    else if ((c == ')' || c == ']' || c == '}') && depth)
      depth--;
    else if (c == '\\')
      xiP_fail(p, where(p, t, (size_t)(b + k - p->lx.src)),
               "a backslash inside an f-string's {...} is not allowed (as in Python 3.11)");
    else if (depth == 0 && (c == '}' || c == ':' || (c == '!' && b[k + 1] != '=')))
      break;
    else if (depth == 0 && c == '=' && k + 1 < r.n && strchr("}!:", b[k + 1]) &&
             !strchr("=!<>", b[k - 1]))
      debug = 1, e = k;
  }
  if (k >= r.n)
    xiP_fail(p, where(p, t, (size_t)(b + *i - p->lx.src)), "this '{' in the f-string is never closed");
  size_t expr_end = debug ? e : k;
  xiP_item *it = xiP_new_item(p, st, I_VALUE, where(p, t, (size_t)(b + start - p->lx.src)));
  it->debug = (uint8_t)debug;
  it->off = (size_t)(b + start - p->lx.src);
  it->end = (size_t)(b + expr_end - p->lx.src);
  sub_expr(p, it->off, it->end, it->pos, &it->code);
  if (b[k] == '!') {
    char conv = k + 1 < r.n ? b[k + 1] : 0;
    if (conv != 'r' && conv != 's' && conv != 'a')
      xiP_fail(p, where(p, t, (size_t)(b + k - p->lx.src)), "a conversion is !r, !s or !a");
    it->conv = conv == 'a' ? 'r' : conv;
    k += 2;
  } else if (debug) {
    it->conv = 'r'; /* {x=} shows repr(x), as Python */
  }
  if (k < r.n && b[k] == ':') {
    size_t s0 = ++k;
    while (k < r.n && b[k] != '}') {
      if (b[k] == '{')
        xiP_fail(p, where(p, t, (size_t)(b + k - p->lx.src)),
                 "a field inside a format spec is not part of xi: write the spec out");
      k++;
    }
    it->text = malloc(k - s0 + 1);
    if (!it->text)
      xiP_fail(p, it->pos, "out of memory");
    memcpy(it->text, b + s0, k - s0);
    it->text[k - s0] = '\0';
    it->len = k - s0;
  }
  if (k >= r.n || b[k] != '}')
    xiP_fail(p, where(p, t, (size_t)(b + k - p->lx.src)), "expected '}' to end the field");
  *i = k + 1;
}

/* one string token of print's: plain text, or an f-string's pieces */
void xiP_string_items(xiP_parser *p, xiP_stmt *st, const xiL_token *t) {
  str_parts r = parts(p, t);
  if (!r.f) {
    text_item(p, st, r.body, r.n, r.raw, t->pos);
    return;
  }
  size_t i = 0, lit = 0;
  while (i <= r.n) {
    size_t j = i;
    while (j < r.n && r.body[j] != '{' && r.body[j] != '}')
      j++;
    if (j + 1 < r.n && r.body[j] == r.body[j + 1]) { /* {{ and }} are the braces themselves */
      j++; /* the text up to the first brace, which it keeps */
      text_item(p, st, r.body + lit, j - lit, r.raw, t->pos);
      i = lit = j + 1;
      continue;
    }
    if (j > lit)
      text_item(p, st, r.body + lit, j - lit, r.raw, t->pos);
    if (j >= r.n)
      break;
    if (r.body[j] == '}')
      xiP_fail(p, where(p, t, (size_t)(r.body + j - p->lx.src)),
               "a single '}' in an f-string (write }} for the brace)");
    i = j;
    field(p, st, t, r, &i);
    lit = i;
  }
}

/* ---- print ---- */

static char *plain_string(xiP_parser *p, const char *what) {
  xiL_token t = xiP_expect(p, T_STRING, what);
  char *text;
  size_t len;
  if (xiP_string_text(p, &t, &text, &len))
    xiP_fail(p, t.pos, "%s takes plain text here, not an f-string", what);
  return text;
}

/* print "epoch", k, L: xi's own form, without parentheses: texts and values
   (as xi shows them), separated by spaces, for a loop's report */
static void print_xi(xiP_parser *p, xiP_stmt *st) {
  st->cmd = 1; /* xi's format for the values */
  do {
    xiL_token t = *xiP_peek(p);
    xiP_new_item(p, st, I_ARG, t.pos);
    if (t.type == T_STRING) {
      xiP_take(p);
      char *text;
      size_t len;
      if (xiP_string_text(p, &t, &text, &len))
        xiP_fail(p, t.pos, "print's texts are plain here (an f-string needs print(...))");
      xiP_item *it = xiP_new_item(p, st, I_TEXT, t.pos);
      it->text = text, it->len = len;
    } else {
      uint32_t k = st->nitems;
      xiP_new_item(p, st, I_VALUE, t.pos);
      st->items[k].off = t.off;
      p->depth = 0;
      xiP_expr(p, &st->items[k].code);
      st->items[k].end = p->last_end;
    }
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

/* one of print's arguments as st's items: a text, or a value printed as str() */
void xiP_print_arg(xiP_parser *p, xiP_stmt *st) {
  xiL_token t = *xiP_peek(p);
  xiP_new_item(p, st, I_ARG, t.pos);
  /* (in Python's code a string is a value too: print('W1' in d)) */
  if ((t.type == T_STRING && !p->python) || xiP_text_ahead(p)) {
    xiP_text_sum(p, st); /* "a" f"{b}" 'c', "%.4f" % x, "loss " + str(L) */
  } else {
    xiP_item *it = xiP_new_item(p, st, I_VALUE, t.pos);
    it->conv = 's';
    it->off = t.off;
    xiP_expr(p, &st->items[st->nitems - 1].code);
    st->items[st->nitems - 1].end = p->last_end;
  }
}

void xiP_print_stmt(xiP_parser *p, xiP_stmt *st) {
  st->kind = S_PRINT;
  if (xiP_at_line_end(p) || xiP_is(p, T_SEMI)) { /* print alone: an empty line */
    st->cmd = 1;
    return;
  }
  if (!xiP_is(p, T_LP)) {
    print_xi(p, st);
    return;
  }
  xiP_expect(p, T_LP, "'(' after print, as in print(\"loss\", L)");
  while (!xiP_is(p, T_RP)) {
    xiL_token t = *xiP_peek(p);
    if (t.type == T_NAME) { /* sep= end= flush= file= */
      xiP_take(p);
      if (xiP_is(p, T_ASSIGN)) {
        xiP_take(p);
        if (xiP_word_is(p, &t, "sep") || xiP_word_is(p, &t, "end")) {
          char **slot = xiP_word_is(p, &t, "sep") ? &st->sep : &st->end;
          free(*slot);
          *slot = NULL;
          *slot = plain_string(p, "text after sep= or end=");
        } else if (xiP_word_is(p, &t, "flush")) {
          xiP_code scratch = {0};
          xiP_expr(p, &scratch); /* xi writes everything at once anyway */
          xiP_code_free(&scratch);
        } else {
          xiP_fail(p, t.pos, "print takes sep=, end= and flush= in xi (its output goes to "
                             "the screen)");
        }
        goto next;
      }
      xiP_put_back(p, &t);
    }
    if (t.type == T_STAR) { /* print(*xs): each item of xs an argument, none when empty */
      xiP_take(p);
      xiP_item *it = xiP_new_item(p, st, I_VALUE, t.pos);
      it->conv = '*';
      it->off = xiP_peek(p)->off;
      xiP_expr(p, &st->items[st->nitems - 1].code);
      st->items[st->nitems - 1].end = p->last_end;
      goto next;
    }
    xiP_print_arg(p, st);
  next:
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' in print(...)");
}

/* ---- print inside a def ---- */

/* A def's code keeps no statement, only instructions: its print is the
   values' code and a K_PRINT whose arg is a symbol holding the rest, the
   layout: XI_PRINT_LAYOUT, then 'x' for an assert's message (the K_PRINT
   fails with it), then per item a kind ('a' an argument starts, 't' a text,
   'v' a value: its conversion and format spec), then 's' and 'e' for sep=
   and end= when given; each text as 4 bytes of length (little-endian)
   and its bytes.  The first byte is no name's, so no name meets it. */
#define XI_PRINT_LAYOUT '\x01'

static void put_text(xiP_parser *p, char **buf, size_t *n, size_t *cap, char kind,
                     const char *s, size_t len, int counted, xi_pos at) {
  if (*n + len + 6 > *cap) {
    size_t c = 2 * (*n + len + 6);
    char *q = realloc(*buf, c);
    if (!q) {
      free(*buf);
      xiP_fail(p, at, "out of memory");
    }
    *buf = q, *cap = c;
  }
  (*buf)[(*n)++] = kind;
  if (!counted)
    return;
  for (int k = 0; k < 4; k++)
    (*buf)[(*n)++] = (char)(len >> 8 * k & 0xff);
  if (len)
    memcpy(*buf + *n, s, len);
  *n += len;
}

void xiP_print_code(xiP_parser *p, const xiP_stmt *st, xiP_code *c) {
  char *buf = NULL;
  size_t n = 0, cap = 0;
  uint32_t values = 0;
  char head = XI_PRINT_LAYOUT;
  put_text(p, &buf, &n, &cap, head, NULL, 0, 0, st->pos);
  uint32_t first = st->kind == S_ASSERT; /* (items[0]: the assert's condition) */
  if (first)
    put_text(p, &buf, &n, &cap, 'x', NULL, 0, 0, st->pos);
  if (first && st->has_number) { /* a raise's class, by its name */
    const char *cls = xiP_exc_name(st->has_number - 1);
    put_text(p, &buf, &n, &cap, 'r', cls, strlen(cls), 1, st->pos);
  }
  for (uint32_t k = first; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    if (it->kind == I_ARG) {
      put_text(p, &buf, &n, &cap, 'a', NULL, 0, 0, it->pos);
    } else if (it->kind == I_TEXT) {
      put_text(p, &buf, &n, &cap, 't', it->text, it->len, 1, it->pos);
    } else {
      if (it->debug) { /* f"{x=}": x's text and '=' first */
        put_text(p, &buf, &n, &cap, 't', p->lx.src + it->off, it->end - it->off, 1, it->pos);
        put_text(p, &buf, &n, &cap, 't', "=", 1, 1, it->pos);
      }
      put_text(p, &buf, &n, &cap, 'v', NULL, 0, 0, it->pos);
      put_text(p, &buf, &n, &cap, it->conv ? it->conv : '-', it->text, it->len, 1, it->pos);
      for (uint32_t i = 0; i < it->code.n; i++)
        xiP_emit(p, c, it->code.ins[i]);
      values++;
    }
  }
  if (st->sep)
    put_text(p, &buf, &n, &cap, 's', st->sep, strlen(st->sep), 1, st->pos);
  if (st->end)
    put_text(p, &buf, &n, &cap, 'e', st->end, strlen(st->end), 1, st->pos);
  uint32_t sym = xiS_intern(p->sym, buf, n);
  free(buf);
  if (sym == XI_NONE)
    xiP_fail(p, st->pos, "out of memory");
  if (values > UINT16_MAX)
    xiP_fail(p, st->pos, "print takes at most %u values in xi", UINT16_MAX);
  xiP_emit(p, c, (xiP_ins){K_PRINT, 0, 0, (uint16_t)values, sym, st->pos});
}

static char *copy_of(const char *s, size_t len) {
  char *t = malloc(len + 1);
  if (t) {
    memcpy(t, s, len);
    t[len] = '\0';
  }
  return t;
}

int xiP_print_layout(const char *s, size_t n, xiP_stmt *st) {
  memset(st, 0, sizeof *st);
  st->kind = S_PRINT;
  if (n == 0 || s[0] != XI_PRINT_LAYOUT)
    return -1;
  for (size_t i = 1; i < n;) {
    char kind = s[i++], conv = 0;
    if (kind == 'x') { /* an assert's message */
      st->kind = S_ASSERT;
      continue;
    }
    if (kind == 'r') { /* a raise's class */
      if (i + 4 > n)
        goto bad;
      size_t l = 0;
      for (int k = 0; k < 4; k++)
        l |= (size_t)(unsigned char)s[i + k] << 8 * k;
      if (l > n - i - 4)
        goto bad;
      st->has_number = xiP_exc_class(s + i + 4, l) + 1;
      i += 4 + l;
      continue;
    }
    if (kind == 'v' && i < n)
      conv = s[i++];
    else if (kind == 'v')
      goto bad;
    size_t len = 0;
    if (kind != 'a') {
      if (i + 4 > n)
        goto bad;
      for (int k = 0; k < 4; k++)
        len |= (size_t)(unsigned char)s[i + k] << 8 * k;
      i += 4;
      if (len > n - i)
        goto bad;
    }
    char *text = kind == 'a' ? NULL : copy_of(s + i, len);
    if (kind != 'a' && !text)
      goto bad;
    i += len;
    if (kind == 's' || kind == 'e') {
      free(kind == 's' ? st->sep : st->end);
      *(kind == 's' ? &st->sep : &st->end) = text;
      continue;
    }
    xiP_item *it = realloc(st->items, (st->nitems + 1) * sizeof *it);
    if (!it) {
      free(text);
      goto bad;
    }
    st->items = it;
    it = &st->items[st->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind == 'a' ? I_ARG : kind == 't' ? I_TEXT : I_VALUE;
    it->conv = conv == '-' ? 0 : conv;
    it->text = text, it->len = len;
  }
  return 0;
bad:
  xiP_stmt_done(st);
  return -1;
}
