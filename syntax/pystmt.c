/* pystmt.c: the statements of Python's that tutorials use, read into xi's
 * statements: def (a function, as f(x) = ... makes), for i in range(...),
 * if / elif / else, print(...) with f-strings, import, return, pass.  A block
 * is the indented lines after a header's ':' (or the rest of its line); the
 * parser checks its indentation as Python does, and reads it once to report
 * its syntax errors before anything runs.  A for or an if keeps the block's
 * source, which the REPL runs (reading it again each time, as repeat does); a
 * def compiles its body to code with locals (K_LET).  Whatever else Python has
 * (class, while, lambda ...) gets a message that says what to write in xi. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"

#define XI_MAX_BLOCKS 100 /* blocks inside blocks */

static xiP_item *item(xiP_parser *p, xiP_stmt *st, int kind, xi_pos pos) {
  xiP_item *q = realloc(st->items, (st->nitems + 1) * sizeof *q);
  if (!q)
    xiP_fail(p, pos, "out of memory");
  st->items = q;
  xiP_item *it = &st->items[st->nitems++];
  memset(it, 0, sizeof *it);
  it->kind = (uint8_t)kind;
  it->pos = pos;
  return it;
}

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
  xiP_item *it = item(p, st, I_TEXT, at);
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
  text_item(p, &tmp, r.body, r.n, r.raw, t->pos); /* fails only before it allocates */
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
  sub.err = p->err;
  if (setjmp(sub.fail)) {
    xiP_code_free(code);
    longjmp(p->fail, 1); /* the message is in p->err already */
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
  xiP_item *it = item(p, st, I_VALUE, where(p, t, (size_t)(b + start - p->lx.src)));
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
static void string_items(xiP_parser *p, xiP_stmt *st, const xiL_token *t) {
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

static int at_line_end(xiP_parser *p) {
  xiL_type t = xiP_peek(p)->type;
  return t == T_NL || t == T_EOF;
}

/* print "epoch", k, L: xi's own form, without parentheses: texts and values
   (as xi shows them), separated by spaces, for a loop's report */
static void print_xi(xiP_parser *p, xiP_stmt *st) {
  st->cmd = 1; /* xi's format for the values */
  do {
    xiL_token t = *xiP_peek(p);
    item(p, st, I_ARG, t.pos);
    if (t.type == T_STRING) {
      xiP_take(p);
      char *text;
      size_t len;
      if (xiP_string_text(p, &t, &text, &len))
        xiP_fail(p, t.pos, "print's texts are plain here (an f-string needs print(...))");
      xiP_item *it = item(p, st, I_TEXT, t.pos);
      it->text = text, it->len = len;
    } else {
      uint32_t k = st->nitems;
      item(p, st, I_VALUE, t.pos);
      st->items[k].off = t.off;
      p->depth = 0;
      xiP_expr(p, &st->items[k].code);
      st->items[k].end = p->last_end;
    }
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

static void print_stmt(xiP_parser *p, xiP_stmt *st) {
  st->kind = S_PRINT;
  if (at_line_end(p) || xiP_is(p, T_SEMI)) { /* print alone: an empty line */
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
    item(p, st, I_ARG, t.pos);
    if (t.type == T_STRING) { /* "a" f"{b}" 'c': strings side by side make one */
      while (xiP_is(p, T_STRING)) {
        xiL_token s = xiP_take(p);
        string_items(p, st, &s);
      }
      if (!xiP_is(p, T_COMMA) && !xiP_is(p, T_RP))
        xiP_fail(p, xiP_peek(p)->pos, "print's text is joined to values by ',' or by an "
                                      "f-string: print(\"loss\", L) or print(f\"loss {L}\")");
    } else {
      xiP_item *it = item(p, st, I_VALUE, t.pos);
      it->conv = 's';
      it->off = t.off;
      xiP_expr(p, &st->items[st->nitems - 1].code);
      st->items[st->nitems - 1].end = p->last_end;
    }
  next:
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' in print(...)");
}

/* ---- blocks ---- */

/* The block after a header's ':' (taken): the rest of the line, or the lines
   indented more than the header (at column col).  Its source is [*off, *end)
   and starts at *at; the lexer is left at the line after it. */
static void block(xiP_parser *p, uint32_t col, xiL_token head, size_t *off, size_t *end,
                  xi_pos *at) {
  const char *what = p->lx.src + head.off;
  int wlen = (int)head.len;
  if (!at_line_end(p)) { /* for i in range(3): print(i) */
    xiL_token t = *xiP_peek(p);
    *off = t.off, *at = t.pos;
    while (!at_line_end(p))
      xiP_take(p);
    *end = p->last_end;
    p->ended = 0;
    return;
  }
  if (xiP_is(p, T_EOF))
    xiP_fail(p, head.pos, "expected an indented block after '%.*s' on line %u", wlen, what,
             head.pos.line);
  xiP_take(p);      /* the newline: the lexer is at the start of the next line */
  p->have_tok = 0;
  *off = p->lx.off;
  *at = (xi_pos){p->lx.line, 1};
  uint32_t body = 0;
  int opened = 0; /* the last line at the block's indentation ends in ':' */
  const char *indent = NULL;
  size_t indent_len = 0;
  for (;;) {
    xiL_lexer save = p->lx;
    xiL_token t = xiL_next(&p->lx);
    if (t.type == T_NL)
      continue; /* a blank line, or only a comment */
    if (t.type == T_EOF || (t.type != T_ERROR && t.pos.col <= col)) {
      p->lx = save; /* the block ends before this line */
      if (!body)
        xiP_fail(p, t.type == T_EOF ? head.pos : t.pos,
                 "expected an indented block after '%.*s' on line %u", wlen, what,
                 head.pos.line);
      break;
    }
    uint32_t here = t.pos.col;
    if (t.type != T_ERROR) { /* an error is reported when the block is read */
      size_t ls = t.off;     /* the line's indentation, as bytes */
      while (ls && p->lx.src[ls - 1] != '\n')
        ls--;
      if (!body)
        body = here, indent = p->lx.src + ls, indent_len = t.off - ls;
      else if (here < body)
        xiP_fail(p, t.pos, "this line's indentation matches no block around it");
      else if (here > body && !opened)
        xiP_fail(p, t.pos, "unexpected indent (this line is indented more than the one "
                           "before it, which does not end with ':')");
      else if (here == body && (t.off - ls != indent_len ||
                                memcmp(indent, p->lx.src + ls, indent_len) != 0))
        xiP_fail(p, t.pos, "tabs and spaces mixed in the indentation of one block");
    }
    xiL_type last = t.type;
    while (t.type != T_NL && t.type != T_EOF) {
      last = t.type;
      t = xiL_next(&p->lx);
    }
    if (here == body)
      opened = last == T_COLON;
    if (t.type == T_EOF)
      break;
  }
  *end = p->lx.off;
  p->ended = 1;
}

/* reads a block's statements once, for their syntax errors, before any runs */
static void check_block(xiP_parser *p, size_t off, size_t end, xi_pos at) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  sub.in_def = p->in_def;
  sub.blocks = p->blocks;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  int r;
  while ((r = xiP_next(&sub, &st, p->err)) > 0)
    ;
  xiP_stmt_done(&st);
  if (r < 0)
    longjmp(p->fail, 1); /* the message is in p->err */
}

static void enter(xiP_parser *p, xi_pos pos) {
  if (++p->blocks > XI_MAX_BLOCKS)
    xiP_fail(p, pos, "blocks nested more than %d deep", XI_MAX_BLOCKS);
}

/* the next line goes on with one of the keywords kw1, kw2 at column col
   (else, elif): taken, in *out; otherwise nothing is taken */
static int continues(xiP_parser *p, uint32_t col, int kw1, int kw2, xiL_token *out) {
  xiL_lexer lx = p->lx;
  xiL_token tok = p->tok;
  int have = p->have_tok, ended = p->ended;
  size_t last = p->last_end;
  if (!p->ended)
    while (xiP_is(p, T_NL))
      xiP_take(p);
  xiL_token t = *xiP_peek(p);
  int k = t.type == T_NAME ? xiP_keyword(xiP_tag_of(p, &t)) : -1;
  if (t.pos.col == col && k >= 0 && (k == kw1 || k == kw2)) {
    *out = xiP_take(p);
    return 1;
  }
  p->lx = lx, p->tok = tok, p->have_tok = have, p->ended = ended, p->last_end = last;
  return 0;
}

static void for_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  st->kind = S_FOR;
  xiL_token v = xiP_expect(p, T_NAME, "the loop's name, as in for i in range(n):");
  if (xiP_is(p, T_COMMA))
    xiP_fail(p, xiP_peek(p)->pos, "xi's for loops take one name: for i in range(n):");
  if (TAG_KIND(xiP_tag_of(p, &v)) == TAG_KEYWORD)
    xiP_fail(p, v.pos, "'%.*s' is a word of Python's, not a name", (int)v.len,
             p->lx.src + v.off);
  st->name = xiP_name_id(p, &v);
  st->target_pos = v.pos;
  xiL_token in = *xiP_peek(p);
  if (xiP_keyword(xiP_tag_of(p, &in)) != KW_IN)
    xiP_unexpected(p, "in, as in for i in range(n):");
  xiP_take(p);
  xiL_token r = *xiP_peek(p);
  if (!xiP_word_is(p, &r, "range"))
    xiP_fail(p, r.pos, "xi's for loops run over range(...): for i in range(len(x)): (a for "
                       "over an array or a list is not part of xi)");
  xiP_take(p);
  xiP_expect(p, T_LP, "'(' after range");
  uint16_t n = 0;
  do {
    p->depth = 0;
    xiP_expr(p, &st->code);
    n++;
  } while (n < 3 && xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RP, "')': range takes 1 to 3 numbers (stop; start, stop; start, stop, step)");
  xiP_ins ins = {K_TUPLE, 0, 0, n, 0, r.pos};
  xiP_emit(p, &st->code, ins);
  xiP_expect(p, T_COLON, "':' after the for's header");
  size_t off, end;
  enter(p, head.pos);
  block(p, head.pos.col, head, &off, &end, &st->body_pos);
  st->body_off = off, st->body_len = end - off;
  check_block(p, off, end, st->body_pos);
  p->blocks--;
}

static void if_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  st->kind = S_IF;
  xiL_token kw = head;
  enter(p, head.pos);
  for (;;) {
    int is_else = xiP_keyword(xiP_tag_of(p, &kw)) == KW_ELSE;
    uint32_t k = st->nitems;
    item(p, st, is_else ? I_ELSE : I_COND, is_else ? kw.pos : xiP_peek(p)->pos);
    if (!is_else) {
      p->depth = 0;
      xiP_expr(p, &st->items[k].code);
    }
    xiP_expect(p, T_COLON, is_else ? "':' after else" : "':' after the condition");
    size_t off, end;
    xi_pos at;
    block(p, head.pos.col, kw, &off, &end, &at);
    st->items[k].off = off, st->items[k].end = end, st->items[k].at = at;
    check_block(p, off, end, at);
    if (is_else || !continues(p, head.pos.col, KW_ELIF, KW_ELSE, &kw))
      break;
  }
  p->blocks--;
}

/* ---- def ---- */

_Noreturn static void def_fail(xiP_parser *p, xiP_stmt *bs, xi_pos pos, const char *msg) {
  xiP_stmt_done(bs);
  xiP_fail(p, pos, "%s", msg);
}

static void append(xiP_parser *p, xiP_code *to, const xiP_code *from) {
  for (uint32_t k = 0; k < from->n; k++)
    xiP_emit(p, to, from->ins[k]);
}

static void let(xiP_parser *p, xiP_code *c, uint32_t name, xi_pos pos) {
  xiP_ins ins = {K_LET, 0, 0, 0, name, pos};
  xiP_emit(p, c, ins);
}

/* the body's lines on one line, for vars: "s = sigmoid(z); return s * (1 - s)" */
static void def_text(xiP_parser *p, xiP_stmt *st, size_t off, size_t end) {
  const char *s = p->lx.src;
  xiL_lexer lx; /* a docstring first is not shown */
  xiL_init(&lx, s, end, 1);
  lx.off = off;
  xiL_token first = xiL_next(&lx);
  while (first.type == T_NL)
    first = xiL_next(&lx);
  if (first.type == T_STRING)
    off = first.off + first.len;
  char *out = malloc(2 * (end - off) + 1); /* "; " for each newline: a line may have no
                                              indentation (inside brackets) */
  if (!out)
    xiP_fail(p, st->pos, "out of memory");
  size_t n = 0;
  for (size_t i = off; i < end;) {
    size_t e = i;
    while (e < end && s[e] != '\n')
      e++;
    size_t a = i, b = e;
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
      a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
      b--;
    if (a < b && s[a] != '#') {
      if (n)
        out[n++] = ';', out[n++] = ' ';
      memcpy(out + n, s + a, b - a);
      n += b - a;
    }
    i = e + 1;
  }
  out[n] = '\0';
  st->deftext = out;
}

/* Compiles a def's body into st->code: each assignment's code and a K_LET;
   the return's code last.  A name given a value of its own in the body
   (not a parameter, not another name) may take an indexed update: on a
   parameter NumPy would change the caller's array, which xi never does. */
static void compile_def(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, xi_pos at) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  sub.in_def = 1;
  sub.blocks = p->blocks;
  xiP_stmt bs;
  memset(&bs, 0, sizeof bs);
  uint32_t fresh[64], nfresh = 0;
  int returned = 0, r;
  while ((r = xiP_next(&sub, &bs, p->err)) > 0) {
    if (returned)
      def_fail(p, &bs, bs.pos, "a def ends at its return in xi: this line would never run");
    switch (bs.kind) {
    case S_ASSIGN: {
      if (bs.assign != T_ASSIGN)
        def_fail(p, &bs, bs.pos, "x += ... inside a def: write x = x + ... (NumPy's in-place "
                                 "update would change the caller's array; xi changes no value)");
      append(p, &st->code, &bs.code);
      let(p, &st->code, bs.name, bs.target_pos);
      int own = !(bs.code.n == 1 && bs.code.ins[0].kind == K_NAME);
      uint32_t k = 0;
      while (k < nfresh && fresh[k] != bs.name)
        k++;
      if (own && k == nfresh && nfresh < 64)
        fresh[nfresh++] = bs.name;
      else if (!own && k < nfresh)
        fresh[k] = fresh[--nfresh];
      break;
    }
    case S_UNPACK: {
      append(p, &st->code, &bs.code);
      xiP_ins un = {K_UNPACK, 0, 0, (uint16_t)bs.nnames, 0, bs.pos};
      xiP_emit(p, &st->code, un);
      for (uint32_t k = bs.nnames; k-- > 0;)
        let(p, &st->code, bs.names[k], bs.name_pos[k]);
      break;
    }
    case S_INDEXSET: {
      uint32_t k = 0;
      while (k < nfresh && fresh[k] != bs.name)
        k++;
      if (k == nfresh) {
        char msg[256];
        const char *w = xiS_name(p->sym, bs.name);
        snprintf(msg, sizeof msg, "in NumPy this would change the caller's array too: write "
                                  "%s = %s.copy() first, so that the update is of a value of "
                                  "the def's own", w, w);
        def_fail(p, &bs, bs.target_pos, msg);
      }
      append(p, &st->code, &bs.code);
      let(p, &st->code, bs.name, bs.target_pos);
      break;
    }
    case S_RETURN:
      append(p, &st->code, &bs.code);
      returned = 1;
      break;
    case S_NOTHING:
      break;
    case S_PRINT:
      def_fail(p, &bs, bs.pos, "print inside a def is not part of xi: print what the "
                               "function returns");
    case S_IF:
    case S_FOR:
      def_fail(p, &bs, bs.pos, "xi's functions are straight-line code (no if or for "
                               "inside a def): np.where(c, a, b) chooses by element");
    default:
      def_fail(p, &bs, bs.pos, "a def's body in xi holds assignments (x = ..., a, b = ...) "
                               "and ends with return");
    }
  }
  xiP_stmt_done(&bs);
  if (r < 0)
    longjmp(p->fail, 1);
  if (!returned)
    xiP_fail(p, st->target_pos, "this def has no return: a function in xi gives a value");
}

static void def_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (p->in_def)
    xiP_fail(p, head.pos, "a def inside a def is not part of xi");
  st->kind = S_DEF;
  xiL_token n = xiP_expect(p, T_NAME, "the function's name, as in def f(x):");
  uint16_t tag = xiP_tag_of(p, &n);
  if (TAG_KIND(tag) == TAG_KEYWORD || TAG_KIND(tag) == TAG_MODULE ||
      TAG_KIND(tag) == TAG_COMMAND)
    if (!(TAG_KIND(tag) == TAG_COMMAND && TAG_ARG(tag) == XI_CMD_GRAD))
      xiP_fail(p, n.pos, "'%.*s' is a word of xi's or Python's: choose another name",
               (int)n.len, p->lx.src + n.off);
  st->name = xiP_name_id(p, &n);
  st->target_pos = n.pos;
  xiP_expect(p, T_LP, "'(' and the parameters, as in def f(x, y):");
  while (!xiP_is(p, T_RP)) {
    if (xiP_is(p, T_STAR))
      xiP_fail(p, xiP_peek(p)->pos, "*args and **kwargs are not part of xi");
    xiL_token a = xiP_expect(p, T_NAME, "a parameter's name");
    uint32_t id = xiP_name_id(p, &a);
    for (uint32_t k = 0; k < st->nnames; k++)
      if (st->names[k] == id)
        xiP_fail(p, a.pos, "parameter '%s' is given twice", xiS_name(p->sym, id));
    if (xiP_is(p, T_ASSIGN))
      xiP_fail(p, xiP_peek(p)->pos, "default values (x=1) are not part of xi: give every "
                                    "argument when calling");
    if (xiP_is(p, T_COLON))
      xiP_fail(p, xiP_peek(p)->pos, "annotations (x: float) are not part of xi");
    xiP_add_name(p, st, id, a.pos);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "',' or ')' after the parameters");
  if (xiP_is(p, T_MINUS))
    xiP_fail(p, xiP_peek(p)->pos, "annotations (-> float) are not part of xi");
  xiP_expect(p, T_COLON, "':' after def f(...)");
  size_t off, end;
  xi_pos at;
  enter(p, head.pos);
  block(p, head.pos.col, head, &off, &end, &at);
  def_text(p, st, off, end);
  compile_def(p, st, off, end, at);
  p->blocks--;
  if (TAG_KIND(tag) != TAG_NONE) /* def sigmoid(z): calls go to the user's from now on */
    xiS_set_tag(p->sym, st->name, (uint16_t)(tag | TAG_SHADOWED));
}

/* ---- import ---- */

/* a dotted module name (numpy, matplotlib.pyplot); its text in *text */
static xiL_token module_path(xiP_parser *p, size_t *len) {
  xiL_token first = xiP_expect(p, T_NAME, "a module's name");
  while (xiP_is(p, T_DOT)) {
    xiP_take(p);
    xiP_expect(p, T_NAME, "a name after '.'");
  }
  *len = p->last_end - first.off;
  return first;
}

static void import_as(xiP_parser *p, xiP_stmt *st, xiL_token m, size_t len, xiL_token alias) {
  const char *text = p->lx.src + m.off;
  uint32_t module = xiP_intern(p, text, len, m.pos);
  uint32_t id = xiP_name_id(p, &alias);
  xiP_item *it = item(p, st, I_IMPORT, m.pos);
  it->name = id;
  it->off = m.off, it->end = m.off + len;
  size_t top = alias.off == m.off ? alias.len : len; /* import numpy.random binds numpy */
  int numpy = top == 5 && memcmp(text, "numpy", 5) == 0;
  int math = top == 4 && memcmp(text, "math", 4) == 0;
  if (TAG_KIND(xiP_tag_of(p, &alias)) == TAG_KEYWORD)
    xiP_fail(p, alias.pos, "'%.*s' is a word of Python's", (int)alias.len, p->lx.src + alias.off);
  xiS_set_tag(p->sym, id, (uint16_t)(numpy ? TAG_MODULE + MOD_NUMPY
                                     : math ? TAG_MODULE + MOD_MATH : TAG_FOREIGN));
  if (!numpy && !math && xiS_link(p->sym, id, module))
    xiP_fail(p, m.pos, "out of memory");
}

static int word_kw(xiP_parser *p, int kw) {
  return xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == kw;
}

static void import_stmt(xiP_parser *p, xiP_stmt *st, int from) {
  st->kind = S_IMPORT;
  if (from) { /* from numpy import exp, log: names xi has; from pandas import X: foreign */
    size_t len;
    xiL_token m = module_path(p, &len);
    if (!word_kw(p, KW_IMPORT))
      xiP_unexpected(p, "import, as in from numpy import exp");
    xiP_take(p);
    int known = (len == 5 && memcmp(p->lx.src + m.off, "numpy", 5) == 0) ||
                (len == 4 && memcmp(p->lx.src + m.off, "math", 4) == 0);
    if (xiP_is(p, T_STAR)) {
      xiP_take(p);
      if (!known)
        xiP_fail(p, m.pos, "from %.*s import *: xi does not have this module", (int)len,
                 p->lx.src + m.off);
      return;
    }
    do {
      xiL_token n = xiP_expect(p, T_NAME, "a name to import");
      if (!known) {
        import_as(p, st, m, len, n);
      } else if (TAG_KIND(xiP_tag_of(p, &n)) != TAG_OP && TAG_KIND(xiP_tag_of(p, &n)) != TAG_MAKER &&
                 !xiP_word_is(p, &n, "pi") && !xiP_word_is(p, &n, "e")) {
        xiP_fail(p, n.pos, "from %.*s import %.*s: xi has no %.*s of that name (write "
                           "np.%.*s, or see help numpy)",
                 (int)len, p->lx.src + m.off, (int)n.len, p->lx.src + n.off, (int)len,
                 p->lx.src + m.off, (int)n.len, p->lx.src + n.off);
      }
      if (word_kw(p, KW_AS))
        xiP_fail(p, xiP_peek(p)->pos, "from ... import ... as ... is not part of xi");
    } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
    return;
  }
  do {
    size_t len;
    xiL_token m = module_path(p, &len), alias = m;
    if (word_kw(p, KW_AS)) {
      xiP_take(p);
      alias = xiP_expect(p, T_NAME, "the module's new name, as in import numpy as np");
    } else {
      alias.len = 0; /* import a.b binds a */
      while (alias.len < len && p->lx.src[m.off + alias.len] != '.')
        alias.len++;
    }
    import_as(p, st, m, len, alias);
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

/* ---- the dispatch ---- */

/* a statement xi refuses, read to its end (with its block, when its line
   ends in ':'), so that what follows is read as it was meant */
static void skip_refused(xiP_parser *p, xiL_token head) {
  xiL_type last = T_NL;
  while (!at_line_end(p) && !xiP_is(p, T_ERROR)) {
    last = xiP_peek(p)->type;
    xiP_take(p);
  }
  if (last == T_COLON) {
    size_t off, end;
    xi_pos at;
    block(p, head.pos.col, head, &off, &end, &at);
    p->ended = 1;
  }
}

/* skip_refused, its own errors kept quiet (the statement's message is the one) */
static void quietly_skip(xiP_parser *p, xiL_token head) {
  jmp_buf outer;
  xi_err quiet, *e = p->err, keep = *e;
  memcpy(outer, p->fail, sizeof outer);
  p->err = &quiet;
  if (!setjmp(p->fail))
    skip_refused(p, head);
  memcpy(p->fail, outer, sizeof outer);
  p->err = e;
  *e = keep;
}

void xiP_python(xiP_parser *p, xiP_stmt *st, xiL_token first, int kw) {
  const char *s = p->lx.src + first.off;
  int n = (int)first.len;
  xiP_take(p);
  if (kw != KW_PRINT && kw != KW_DEF && kw != KW_FOR && kw != KW_IF && kw != KW_IMPORT &&
      kw != KW_FROM && kw != KW_PASS && kw != KW_RETURN) {
    quietly_skip(p, first); /* refused: read past it first (the message is the refusal) */
  }
  if (kw == KW_DEF || kw == KW_FOR || kw == KW_IF) { /* an error in a header skips its block */
    jmp_buf outer;
    memcpy(outer, p->fail, sizeof outer);
    if (setjmp(p->fail)) {
      memcpy(p->fail, outer, sizeof outer);
      if (!p->ended)
        quietly_skip(p, first);
      longjmp(p->fail, 1);
    }
    if (kw == KW_DEF)
      def_stmt(p, st, first);
    else if (kw == KW_FOR)
      for_stmt(p, st, first);
    else
      if_stmt(p, st, first);
    memcpy(p->fail, outer, sizeof outer);
    return;
  }
  switch (kw) {
  case KW_PRINT: print_stmt(p, st); return;
  case KW_IMPORT: import_stmt(p, st, 0); return;
  case KW_FROM: import_stmt(p, st, 1); return;
  case KW_PASS: st->kind = S_NOTHING; return;
  case KW_RETURN:
    if (!p->in_def)
      xiP_fail(p, first.pos, "return outside a def");
    if (at_line_end(p) || xiP_is(p, T_SEMI))
      xiP_fail(p, first.pos, "a function in xi gives a value: return x");
    st->kind = S_RETURN;
    p->depth = 0;
    xiP_expr_list(p, &st->code);
    return;
  case KW_ELIF:
  case KW_ELSE:
    xiP_fail(p, first.pos, "%.*s without an if before it at the same indentation", n, s);
  case KW_CLASS:
    xiP_fail(p, first.pos, "classes are not part of xi: write each method as a function with "
                           "def, and the attributes (self.W) as names");
  case KW_WHILE:
    xiP_fail(p, first.pos, "while loops are not part of xi (every loop in xi ends): use for i "
                           "in range(n): or repeat N { ... }");
  case KW_ASSERT:
    xiP_fail(p, first.pos, "assert is not part of xi: check E == NUMBER checks a value, and "
                           "says by how much it is off");
  case KW_BREAK:
  case KW_CONTINUE:
    xiP_fail(p, first.pos, "%.*s is not part of xi: a for loop runs all of its range", n, s);
  case KW_GLOBAL:
  case KW_NONLOCAL:
    xiP_fail(p, first.pos, "%.*s is not part of xi: a def reads the session's names, and "
                           "changes none", n, s);
  default:
    xiP_fail(p, first.pos, "Python's '%.*s' is not part of xi", n, s);
  }
}
