/* parse.c: recursive descent over the lexer's tokens, emitting postfix code.
 *
 *   stmt  := command | NAME ('='|'+='|'-='|'*='|'/=') expr
 *          | NAME '(' NAME,... ')' '=' expr | expr
 *   expr  := term (('+'|'-') term)*
 *   term  := unary (('*'|'/') unary)*
 *   unary := ('-'|'+') unary | power          so -2^2 is -(2^2)
 *   power := primary ('^'|'**') unary          right-associative: 2^3^2 = 2^9
 *   primary := NUM | NAME | NAME '(' args ')' | '(' expr ')'
 */
#include "syntax/parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"

static const char *const keywords[] = {"grad", "trace", "check", "digits", "prec",
                                       "vars", "help",  "load",  "quit",   "exit",
                                       "del",  "seed",  "show",  "repeat", NULL};
static const char *const makers[] = {"zeros", "ones", "eye", "randn", "rand", NULL};

/* What a name means to the parser, looked up once per token through the
   symbol table instead of comparing strings. */
enum { TAG_NONE, TAG_KEYWORD, TAG_PI, TAG_E, TAG_GRAD, TAG_MAKER = 8, TAG_OP = 16 };

static void prepare(xiS_table *sym) {
  if (sym->n && xiS_tag(sym, xiS_intern(sym, "grad", 4)) == TAG_GRAD)
    return; /* done before */
  for (int i = 0; keywords[i]; i++)
    xiS_set_tag(sym, xiS_intern(sym, keywords[i], strlen(keywords[i])), TAG_KEYWORD);
  for (int i = 0; xiO_function_name(i); i++) {
    const char *f = xiO_function_name(i);
    xiS_set_tag(sym, xiS_intern(sym, f, strlen(f)), (uint16_t)(TAG_OP + xiO_lookup(f, strlen(f))));
  }
  xiS_set_tag(sym, xiS_intern(sym, "σ", strlen("σ")), (uint16_t)(TAG_OP + XI_SIGMOID));
  for (int i = 0; makers[i]; i++)
    xiS_set_tag(sym, xiS_intern(sym, makers[i], strlen(makers[i])), (uint16_t)(TAG_MAKER + i));
  xiS_set_tag(sym, xiS_intern(sym, "pi", 2), TAG_PI);
  xiS_set_tag(sym, xiS_intern(sym, "e", 1), TAG_E);
  xiS_set_tag(sym, xiS_intern(sym, "grad", 4), TAG_GRAD);
}

static uint32_t name_id(xiP_parser *p, const xiL_token *t) {
  if (t->off == p->last_name_off && p->last_name != XI_NONE)
    return p->last_name; /* the statement's first name, looked up once already */
  p->last_name_off = t->off;
  return p->last_name = xiS_intern(p->sym, p->lx.src + t->off, t->len);
}

static uint16_t tag_of(xiP_parser *p, const xiL_token *t) {
  return t->type == T_NAME ? xiS_tag(p->sym, name_id(p, t)) : TAG_NONE;
}

const char *xiP_keyword(int i) {
  return i >= 0 && i < (int)(sizeof keywords / sizeof *keywords) ? keywords[i] : NULL;
}

void xiP_init(xiP_parser *p, xiS_table *sym, const char *src, size_t len,
              uint32_t first_line) {
  memset(p, 0, sizeof *p);
  xiL_init(&p->lx, src, len, first_line);
  p->sym = sym;
  p->last_name = XI_NONE;
  prepare(sym);
}

void xiP_init_at(xiP_parser *p, xiS_table *sym, const char *src, size_t len, size_t off,
                 xi_pos at) {
  xiP_init(p, sym, src, len, at.line);
  p->lx.off = off;
  p->lx.col = at.col;
}

static _Noreturn void fail(xiP_parser *p, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  p->err->pos = pos;
  vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
  va_end(ap);
  longjmp(p->fail, 1);
}

static xiL_token *peek(xiP_parser *p) {
  if (!p->have_tok) {
    p->tok = xiL_next(&p->lx);
    p->have_tok = 1;
  }
  return &p->tok;
}

static xiL_token take(xiP_parser *p) {
  xiL_token t = *peek(p);
  if (t.type == T_ERROR)
    fail(p, t.pos, "%s", t.msg);
  p->have_tok = 0;
  p->last_end = t.off + t.len;
  return t;
}

static int is(xiP_parser *p, xiL_type t) { return peek(p)->type == t; }

static int word_is(xiP_parser *p, const xiL_token *t, const char *w) {
  return t->type == T_NAME && p->lx.src[t->off] == w[0] && strlen(w) == t->len &&
         memcmp(p->lx.src + t->off, w, t->len) == 0;
}

static const char *spell(xiP_parser *p, const xiL_token *t, char *buf, size_t n) {
  if (t->type == T_NAME || t->type == T_NUM) {
    snprintf(buf, n, "'%.*s'", (int)(t->len > 40 ? 40 : t->len), p->lx.src + t->off);
    return buf;
  }
  return xiL_describe(t->type);
}

static _Noreturn void unexpected(xiP_parser *p, const char *wanted) {
  char buf[64];
  xiL_token t = *peek(p);
  if (t.type == T_ERROR)
    fail(p, t.pos, "%s", t.msg);
  fail(p, t.pos, "expected %s, found %s", wanted, spell(p, &t, buf, sizeof buf));
}

static xiL_token expect(xiP_parser *p, xiL_type t, const char *wanted) {
  if (!is(p, t))
    unexpected(p, wanted);
  return take(p);
}

static void emit(xiP_parser *p, xiP_code *c, xiP_ins ins) {
  if (c->n == c->cap) {
    uint32_t cap = c->cap ? c->cap * 2 : 16;
    xiP_ins *q = realloc(c->ins, cap * sizeof *q);
    if (!q)
      fail(p, ins.pos, "out of memory");
    c->ins = q, c->cap = cap;
  }
  c->ins[c->n++] = ins;
}

static void emit_op(xiP_parser *p, xiP_code *c, int op, xi_pos pos) {
  xiP_ins ins = {K_OP, (uint8_t)op, 0, 0, 0, pos};
  emit(p, c, ins);
}

static void nest(xiP_parser *p, xi_pos pos) {
  if (++p->depth > XI_MAX_NESTING)
    fail(p, pos, "expression nested too deeply (more than %d levels)", XI_MAX_NESTING);
}

static void expr(xiP_parser *p, xiP_code *c);
static void unary(xiP_parser *p, xiP_code *c);
static void list(xiP_parser *p, xiP_code *c);

/* grad(E, v): v must be a name, which the builder resolves to a node */
static void grad_call(xiP_parser *p, xiP_code *c, xi_pos pos) {
  expr(p, c);
  expect(p, T_COMMA, "',' and the name to differentiate by, as in grad(L, W)");
  xiL_token v = *peek(p);
  uint32_t mark = c->n;
  expr(p, c);
  if (c->n != mark + 1 || c->ins[mark].kind != K_NAME)
    fail(p, v.pos, "grad(E, v): v must be a name, such as W or xi3");
  c->ins[mark].kind = K_GRAD; /* at v's position: errors about v point there */
  (void)pos;
  expect(p, T_RP, "')' after grad's two arguments");
}

static void call(xiP_parser *p, xiP_code *c, xiL_token name) {
  const char *s = p->lx.src + name.off;
  uint32_t id = name_id(p, &name);
  uint16_t tag = xiS_tag(p->sym, id);
  if (tag == TAG_GRAD) {
    grad_call(p, c, name.pos);
    return;
  }
  int argc = 0;
  if (!is(p, T_RP)) {
    do {
      expr(p, c);
      if (++argc > 1000)
        fail(p, name.pos, "too many arguments");
    } while (is(p, T_COMMA) && (take(p), 1));
  }
  expect(p, T_RP, "',' or ')' in the argument list");
  if (tag >= TAG_MAKER && tag < TAG_OP) {
    if (argc > 2 || (tag == TAG_MAKER + XI_MAKE_EYE && argc != 1))
      fail(p, name.pos, "%.*s takes %s", (int)name.len, s,
           tag == TAG_MAKER + XI_MAKE_EYE ? "one size: eye(n)" : "at most two sizes: rows, columns");
    xiP_ins ins = {K_MAKE, (uint8_t)(tag - TAG_MAKER), 0, (uint16_t)argc, 0, name.pos};
    emit(p, c, ins);
    return;
  }
  if (tag >= TAG_OP) {
    const xiO_row *first = &xiO_table[tag - TAG_OP];
    int op = argc == first->arity && first->params <= 0 ? tag - TAG_OP /* the usual case */
                                                        : xiO_lookup_args(s, name.len, argc);
    if (op < 0) {
      const xiO_row *r = &xiO_table[tag - TAG_OP];
      int lo = r->arity + (r->params > 0 ? r->params : 0);
      int hi = r->arity + (r->params < 0 ? 1 : r->params);
      if (lo == hi)
        fail(p, name.pos, "%.*s takes %d argument%s, not %d", (int)name.len, s, lo,
             lo == 1 ? "" : "s", argc);
      fail(p, name.pos, "%.*s takes %d or %d arguments, not %d", (int)name.len, s, lo, hi, argc);
    }
    xiP_ins ins = {K_OP, (uint8_t)op, 0, (uint16_t)argc, 0, name.pos};
    emit(p, c, ins);
    return;
  }
  xiP_ins ins = {K_CALL, 0, 0, (uint16_t)argc, id, name.pos};
  emit(p, c, ins);
}

static void primary(xiP_parser *p, xiP_code *c) {
  xiL_token t = *peek(p);
  const char *s = p->lx.src + t.off;
  nest(p, t.pos);
  if (t.type == T_NUM) {
    take(p);
    xiP_ins ins = {K_NUM, 0, 0, 0, xiS_intern(p->sym, s, t.len), t.pos};
    emit(p, c, ins);
  } else if (t.type == T_LP) {
    take(p);
    expr(p, c);
    expect(p, T_RP, "')'");
  } else if (t.type == T_LBRACK) {
    list(p, c);
  } else if (t.type == T_NAME) {
    take(p);
    if (is(p, T_LP)) {
      take(p);
      call(p, c, t);
    } else {
      uint32_t id = name_id(p, &t);
      uint16_t tag = xiS_tag(p->sym, id);
      if (tag == TAG_PI || tag == TAG_E) {
        xiP_ins ins = {K_CONST, 0, 0, 0, tag == TAG_E, t.pos};
        emit(p, c, ins);
      } else if (tag >= TAG_GRAD) {
        fail(p, t.pos, "%.*s is a function: call it as %.*s(...)", (int)t.len, s, (int)t.len, s);
      } else {
        xiP_ins ins = {K_NAME, 0, 0, 0, id, t.pos};
        emit(p, c, ins);
      }
    }
  } else {
    unexpected(p, "an expression");
  }
  p->depth--;
}

/* [a, b, ...] or [[a, b], [c, d]]: numbers, or expressions of them */
static void list(xiP_parser *p, xiP_code *c) {
  xiL_token open = take(p);
  uint32_t rows = 0, cols = 0, n = 0;
  int matrix = is(p, T_LBRACK);
  do {
    if (matrix) {
      xiL_token row = expect(p, T_LBRACK, "'[' to start a row");
      uint32_t k = 0;
      do {
        expr(p, c);
        k++;
      } while (is(p, T_COMMA) && (take(p), 1));
      expect(p, T_RBRACK, "',' or ']' in the row");
      if (rows && k != cols)
        fail(p, row.pos, "this row has %u element%s, the first has %u", k, k == 1 ? "" : "s", cols);
      cols = k, rows++, n += k;
    } else {
      expr(p, c);
      n++;
    }
    if (n > XI_MAX_ELEMENTS)
      fail(p, open.pos, "a list of more than %u elements", XI_MAX_ELEMENTS);
  } while (is(p, T_COMMA) && (take(p), 1));
  expect(p, T_RBRACK, matrix ? "',' or ']' after the rows" : "',' or ']' in the list");
  xiP_ins ins = {K_LIST, (uint8_t)(matrix ? 2 : 1), 0, (uint16_t)0, n, open.pos};
  if (matrix && rows > UINT16_MAX)
    fail(p, open.pos, "a literal of more than %u rows", UINT16_MAX);
  ins.argc = (uint16_t)rows;
  emit(p, c, ins);
}

/* E[i, j], E[i, :], E.T after a primary */
static void postfix(xiP_parser *p, xiP_code *c) {
  for (;;) {
    if (is(p, T_LBRACK)) {
      xiL_token open = take(p);
      int items = 0, mask = 0;
      do {
        if (items == 2)
          fail(p, peek(p)->pos, "at most two indices: M[i, j]");
        if (is(p, T_COLON)) {
          take(p);
          mask |= 1 << items;
        } else {
          expr(p, c);
        }
        items++;
      } while (is(p, T_COMMA) && (take(p), 1));
      expect(p, T_RBRACK, "',' or ']' after the index");
      xiP_ins ins = {K_INDEX, (uint8_t)mask, 0, (uint16_t)items, 0, open.pos};
      emit(p, c, ins);
    } else if (is(p, T_DOT)) {
      xiL_token dot = take(p);
      xiL_token t = expect(p, T_NAME, "T after '.' (M.T is the transpose)");
      if (!word_is(p, &t, "T"))
        fail(p, t.pos, "only .T follows a value (the transpose)");
      emit_op(p, c, XI_TRANSPOSE, dot.pos);
    } else {
      return;
    }
  }
}

static void power(xiP_parser *p, xiP_code *c) {
  primary(p, c);
  postfix(p, c);
  if (is(p, T_POW)) {
    xiL_token op = take(p);
    nest(p, op.pos); /* 2^2^2^... recurses once per ^ */
    unary(p, c);
    p->depth--;
    emit_op(p, c, XI_POW, op.pos);
  }
}

/* the literal with its sign flipped: "-4.0" for "4.0" and back */
static void negate_literal(xiP_parser *p, xiP_ins *in) {
  const char *t = xiS_name(p->sym, in->arg);
  if (t[0] == '-') {
    in->arg = xiS_intern(p->sym, t + 1, strlen(t + 1));
    return;
  }
  size_t n = strlen(t);
  char small[64], *buf = n + 2 <= sizeof small ? small : malloc(n + 2);
  if (!buf)
    fail(p, in->pos, "out of memory");
  buf[0] = '-';
  memcpy(buf + 1, t, n + 1);
  in->arg = xiS_intern(p->sym, buf, n + 1);
  if (buf != small)
    free(buf);
}

static void unary(xiP_parser *p, xiP_code *c) {
  if (is(p, T_MINUS) || is(p, T_PLUS)) {
    xiL_token op = take(p);
    nest(p, op.pos);
    uint32_t mark = c->n;
    unary(p, c);
    p->depth--;
    if (op.type == T_PLUS)
      return;
    if (c->n == mark + 1 && c->ins[mark].kind == K_NUM) {
      negate_literal(p, &c->ins[mark]); /* -4.0 is one literal, not a negation node */
      c->ins[mark].pos = op.pos;
    } else {
      emit_op(p, c, XI_NEG, op.pos);
    }
    return;
  }
  power(p, c);
}

static void term(xiP_parser *p, xiP_code *c) {
  unary(p, c);
  while (is(p, T_STAR) || is(p, T_SLASH) || is(p, T_AT)) {
    xiL_token op = take(p);
    unary(p, c);
    emit_op(p, c, op.type == T_STAR ? XI_MUL : op.type == T_SLASH ? XI_DIV : XI_MATMUL, op.pos);
  }
}

static void expr(xiP_parser *p, xiP_code *c) {
  term(p, c);
  while (is(p, T_PLUS) || is(p, T_MINUS)) {
    xiL_token op = take(p);
    term(p, c);
    emit_op(p, c, op.type == T_PLUS ? XI_ADD : XI_SUB, op.pos);
  }
}

/* an expression, remembering its source text for labels and `vars` */
static void full_expr(xiP_parser *p, xiP_stmt *st) {
  size_t start = peek(p)->off;
  p->depth = 0;
  expr(p, &st->code);
  st->text_off = start;
  st->text_len = p->last_end - start;
}

static int at_end(xiP_parser *p) {
  xiL_type t = peek(p)->type;
  return t == T_NL || t == T_SEMI || t == T_EOF;
}

static void add_name(xiP_parser *p, xiP_stmt *st, uint32_t id, xi_pos pos) {
  uint32_t *n = realloc(st->names, (st->nnames + 1) * sizeof *n);
  if (n)
    st->names = n;
  xi_pos *q = realloc(st->name_pos, (st->nnames + 1) * sizeof *q);
  if (q)
    st->name_pos = q;
  if (!n || !q)
    fail(p, pos, "out of memory");
  st->names[st->nnames] = id;
  st->name_pos[st->nnames++] = pos;
}

static void name_list(xiP_parser *p, xiP_stmt *st, const char *what) {
  do {
    xiL_token t = expect(p, T_NAME, what);
    add_name(p, st, xiS_intern(p->sym, p->lx.src + t.off, t.len), t.pos);
  } while (is(p, T_COMMA) && (take(p), 1));
}

static void add_claim(xiP_parser *p, xiP_stmt *st) {
  int neg = 0;
  if (is(p, T_MINUS) || is(p, T_PLUS))
    neg = take(p).type == T_MINUS;
  xiL_token t = expect(p, T_NUM, "the number claimed");
  xiL_token *c = realloc(st->claims, (st->nclaims + 1) * sizeof *c);
  if (c)
    st->claims = c;
  uint8_t *g = realloc(st->claim_neg, st->nclaims + 1);
  if (g)
    st->claim_neg = g;
  if (!c || !g)
    fail(p, t.pos, "out of memory");
  st->claims[st->nclaims] = t;
  st->claim_neg[st->nclaims++] = (uint8_t)neg;
}

/* check E == 0.639, or == [0.1, 0.2], or == [[1, 2], [3, 4]] */
static void claims(xiP_parser *p, xiP_stmt *st) {
  st->claim_shape = (xi_shape){0, 1, 1};
  if (!is(p, T_LBRACK)) {
    add_claim(p, st);
    return;
  }
  take(p);
  int matrix = is(p, T_LBRACK);
  uint32_t rows = 0, cols = 0;
  do {
    if (matrix) {
      xiL_token row = expect(p, T_LBRACK, "'[' to start a row");
      uint32_t before = st->nclaims;
      do
        add_claim(p, st);
      while (is(p, T_COMMA) && (take(p), 1));
      expect(p, T_RBRACK, "',' or ']' in the row");
      if (rows && st->nclaims - before != cols)
        fail(p, row.pos, "this row has %u numbers, the first has %u", st->nclaims - before,
             cols);
      cols = st->nclaims - before, rows++;
    } else {
      add_claim(p, st);
    }
  } while (is(p, T_COMMA) && (take(p), 1));
  expect(p, T_RBRACK, "',' or ']'");
  st->claim_shape = matrix ? (xi_shape){2, rows, cols} : (xi_shape){1, 1, st->nclaims};
}

/* { statements }: the text between the braces, which may span lines */
static void body(xiP_parser *p, xiP_stmt *st) {
  xiL_token open = expect(p, T_LBRACE, "'{' and the statements to repeat");
  st->body_off = open.off + open.len;
  st->body_pos = (xi_pos){open.pos.line, open.pos.col + 1};
  int depth = 1;
  for (;;) {
    xiL_token t = *peek(p);
    if (t.type == T_EOF)
      fail(p, open.pos, "this '{' is never closed");
    p->have_tok = 0;
    if (t.type == T_LBRACE)
      depth++;
    if (t.type == T_RBRACE && --depth == 0) {
      st->body_len = t.off - st->body_off;
      p->last_end = t.off + t.len;
      return;
    }
  }
}

static void command(xiP_parser *p, xiP_stmt *st, xiL_token kw) {
  if (word_is(p, &kw, "load")) { /* before any peek: the file name is raw text */
    st->kind = S_LOAD;
    st->arg = xiL_raw(&p->lx);
    if (st->arg.type == T_ERROR)
      fail(p, st->arg.pos, "%s", st->arg.msg);
    if (st->arg.len == 0)
      fail(p, st->arg.pos, "load needs a file name");
    return;
  }
  if (is(p, T_ASSIGN) || is(p, T_PLUSEQ) || is(p, T_MINUSEQ) || is(p, T_STAREQ) ||
      is(p, T_SLASHEQ))
    fail(p, kw.pos, "'%.*s' is a command; choose another name", (int)kw.len,
         p->lx.src + kw.off);
  if (word_is(p, &kw, "grad")) {
    st->kind = S_GRAD;
    full_expr(p, st);
    if (is(p, T_NAME) && word_is(p, peek(p), "wrt")) {
      take(p);
      name_list(p, st, "a name after wrt");
    }
  } else if (word_is(p, &kw, "trace")) {
    st->kind = S_TRACE;
    full_expr(p, st);
  } else if (word_is(p, &kw, "check")) {
    st->kind = S_CHECK;
    full_expr(p, st);
    expect(p, T_EQEQ, "'==' and the number claimed, as in check L == 0.639");
    st->claim_pos = peek(p)->pos;
    claims(p, st);
  } else if (word_is(p, &kw, "repeat")) {
    st->kind = S_REPEAT;
    st->arg = expect(p, T_NUM, "how many times, as in repeat 100 { ... }");
    body(p, st);
  } else if (word_is(p, &kw, "show")) {
    st->kind = S_SHOW;
    full_expr(p, st);
  } else if (word_is(p, &kw, "digits") || word_is(p, &kw, "prec") || word_is(p, &kw, "seed")) {
    st->kind = word_is(p, &kw, "digits") ? S_DIGITS : word_is(p, &kw, "prec") ? S_PREC : S_SEED;
    if (!at_end(p)) {
      st->arg = expect(p, T_NUM, "a whole number");
      st->has_number = 1;
    }
  } else if (word_is(p, &kw, "vars")) {
    st->kind = S_VARS;
  } else if (word_is(p, &kw, "help")) {
    st->kind = S_HELP;
    if (!at_end(p))
      st->arg = take(p);
  } else if (word_is(p, &kw, "del")) {
    st->kind = S_DEL;
    name_list(p, st, "a name to forget");
  } else {
    st->kind = S_QUIT;
  }
}

static void def_or_assign(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  xiP_ins last = c->ins[c->n - 1];
  xiL_token op = take(p);
  if (c->n == 1 && last.kind == K_NAME) {
    st->kind = S_ASSIGN;
    st->assign = op.type;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (op.type == T_ASSIGN && last.kind == K_CALL && c->n == last.argc + 1u) {
    for (uint32_t i = 0; i < last.argc; i++) {
      if (c->ins[i].kind != K_NAME)
        fail(p, c->ins[i].pos, "a function's parameters must be names");
      for (uint32_t j = 0; j < i; j++)
        if (c->ins[j].arg == c->ins[i].arg)
          fail(p, c->ins[i].pos, "parameter '%s' is given twice",
               xiS_name(p->sym, c->ins[i].arg));
      add_name(p, st, c->ins[i].arg, c->ins[i].pos);
    }
    st->kind = S_DEF;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (c->n == 1 && last.kind == K_CONST) {
    fail(p, last.pos, "cannot assign to the constant %s", last.arg ? "e" : "pi");
  } else if (last.kind == K_OP && xiO_table[last.op].name && op.type == T_ASSIGN &&
             c->n == (uint32_t)xiO_table[last.op].arity + 1) {
    fail(p, last.pos, "cannot redefine the built-in function %s", xiO_table[last.op].name);
  } else {
    fail(p, op.pos, "the left side of %s must be a name", xiL_describe(op.type));
  }
  c->n = 0;
  full_expr(p, st);
}

static void statement(xiP_parser *p, xiP_stmt *st) {
  xiL_token first = *peek(p);
  st->pos = first.pos;
  uint16_t tag = tag_of(p, &first);
  if (tag == TAG_KEYWORD || tag == TAG_GRAD) {
    take(p);
    if (!(tag == TAG_GRAD && is(p, T_LP))) {
      command(p, st, first);
      return;
    }
    p->have_tok = 1; /* grad( is an expression: put grad back in front */
    p->lx.off = first.off + first.len;
    p->lx.line = first.pos.line;
    p->lx.col = first.pos.col + (uint32_t)first.len;
    p->tok = first;
  }
  st->kind = S_EXPR;
  full_expr(p, st);
  xiL_type t = peek(p)->type;
  if (t == T_ASSIGN || t == T_PLUSEQ || t == T_MINUSEQ || t == T_STAREQ || t == T_SLASHEQ)
    def_or_assign(p, st);
}

static void skip_statement(xiP_parser *p) {
  for (;;) {
    xiL_type t = peek(p)->type;
    if (t == T_EOF)
      return;
    p->have_tok = 0;
    if (t == T_NL || t == T_SEMI)
      return;
  }
}

int xiP_next(xiP_parser *p, xiP_stmt *st, xi_err *err) {
  xiP_code keep = st->code; /* the code buffer is reused from statement to statement */
  xiP_stmt_free(st);
  memset(st, 0, sizeof *st);
  st->code.ins = keep.ins, st->code.cap = keep.cap;
  p->err = err;
  if (setjmp(p->fail)) {
    skip_statement(p);
    return -1;
  }
  while (is(p, T_NL) || is(p, T_SEMI))
    take(p);
  if (is(p, T_EOF))
    return 0;
  statement(p, st);
  if (!at_end(p))
    unexpected(p, st->kind == S_GRAD && !st->nnames ? "an operator, wrt, or the end of the statement"
                  : st->code.n && st->kind != S_GRAD && st->kind != S_CHECK
                      ? "an operator or the end of the statement"
                      : "the end of the statement");
  st->quiet = is(p, T_SEMI);
  return 1;
}

void xiP_code_free(xiP_code *c) {
  free(c->ins);
  c->ins = NULL;
  c->n = c->cap = 0;
}

int xiP_code_copy(xiP_code *dst, const xiP_code *src) {
  dst->ins = malloc((src->n ? src->n : 1) * sizeof *dst->ins);
  if (!dst->ins)
    return -1;
  memcpy(dst->ins, src->ins, src->n * sizeof *dst->ins);
  dst->n = dst->cap = src->n;
  return 0;
}

void xiP_stmt_free(xiP_stmt *st) {
  free(st->claims);
  free(st->claim_neg);
  st->claims = NULL;
  st->claim_neg = NULL;
  st->nclaims = 0;
  free(st->names);
  free(st->name_pos);
  st->names = NULL;
  st->name_pos = NULL;
  st->nnames = 0;
}

void xiP_stmt_done(xiP_stmt *st) {
  xiP_stmt_free(st);
  xiP_code_free(&st->code);
}
