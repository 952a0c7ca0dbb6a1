/* parse.c: recursive descent over the lexer's tokens, emitting postfix code.
 *
 *   stmt    := command | NAME ('='|'+='|'-='|'*='|'/=') expr
 *            | NAME '(' NAME,... ')' '=' expr | expr
 *   command := WORD args          (the shape of args is the command's row)
 *   expr    := arith (('>'|'>='|'<'|'<='|'=='|'!=') arith)?
 *   arith   := term (('+'|'-') term)*
 *   term    := unary (('*'|'/'|'@') unary)*
 *   unary   := ('-'|'+') unary | power          so -2^2 is -(2^2)
 *   power   := primary postfix* SUP* ('^'|'**') unary)?   right-associative
 *   primary := NUM | NAME | NAME '(' args ')' | '(' expr ')' | '[' expr,... ']'
 */
#include "syntax/parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const xiP_command_row xiP_commands[XI_NCOMMANDS] = {
#define XI_CMD_ROW(id, word, args, handler, usage, summary, help)                           \
  [XI_CMD_##id] = {word, args, usage, summary, help},
    XI_COMMANDS(XI_CMD_ROW)
#undef XI_CMD_ROW
};

static const char *const makers[] = {"zeros", "ones", "eye", "randn", "rand", "arange", NULL};
static const char *const derivs[] = {"grad", "hessian", "jacobian", "jvp", NULL}; /* XI_D_* */


static void tag(xiS_table *sym, const char *word, uint16_t t) {
  uint32_t id = xiS_intern(sym, word, strlen(word));
  if (id != XI_NONE) /* out of memory: the word stays a plain name */
    xiS_set_tag(sym, id, t);
}

static void prepare(xiS_table *sym) {
  uint32_t done = xiS_find(sym, "hessian", 7);
  if (done != XI_NONE && xiS_tag(sym, done) == TAG_DERIV + 1)
    return; /* done before */
  for (int i = 0; xiO_function_name(i); i++) {
    const char *f = xiO_function_name(i);
    tag(sym, f, (uint16_t)(TAG_OP + xiO_lookup(f, strlen(f))));
  }
  tag(sym, "σ", (uint16_t)(TAG_OP + XI_SIGMOID));
  for (int i = 0; makers[i]; i++)
    tag(sym, makers[i], (uint16_t)(TAG_MAKER + i));
  for (int i = 0; derivs[i]; i++)
    tag(sym, derivs[i], (uint16_t)(TAG_DERIV + i));
  for (int c = 0; c < XI_NCOMMANDS; c++) /* grad is a command, and grad( a derivative */
    tag(sym, xiP_commands[c].word, (uint16_t)(TAG_COMMAND + c));
  xiP_np_prepare(sym); /* Python's words, np and math, len and range */
}

void xiP_init(xiP_parser *p, xiS_table *sym, const char *src, size_t len,
              uint32_t first_line) {
  memset(p, 0, sizeof *p);
  xiL_init(&p->lx, src, len, first_line);
  p->sym = sym;
  p->last_name = XI_NONE;
  p->stop_at = SIZE_MAX;
  prepare(sym);
}

void xiP_init_at(xiP_parser *p, xiS_table *sym, const char *src, size_t len, size_t off,
                 xi_pos at) {
  xiP_init(p, sym, src, len, at.line);
  p->lx.off = off;
  p->lx.col = at.col;
}

_Noreturn void xiP_fail(xiP_parser *p, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  p->err->pos = pos;
  vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
  va_end(ap);
  longjmp(p->fail, 1);
}


xiL_token xiP_take(xiP_parser *p) {
  xiL_token t = *xiP_peek(p);
  if (t.type == T_ERROR)
    xiP_fail(p, t.pos, "%s", t.msg);
  p->have_tok = 0;
  p->last_end = t.off + t.len;
  return t;
}

/* makes t, taken already, the next token again (what was peeked after it is
   read again) */
void xiP_put_back(xiP_parser *p, const xiL_token *t) {
  p->lx.off = t->off + t->len;
  p->lx.line = t->pos.line;
  p->lx.depth = t->depth;
  uint32_t chars = 0; /* the columns it took: its characters, not its bytes */
  for (size_t i = 0; i < t->len; i++)
    chars += (p->lx.src[t->off + i] & 0xC0) != 0x80;
  p->lx.col = t->pos.col + chars;
  p->tok = *t;
  p->have_tok = 1;
}


int xiP_word_is(xiP_parser *p, const xiL_token *t, const char *w) {
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

_Noreturn void xiP_unexpected(xiP_parser *p, const char *wanted) {
  char buf[64];
  xiL_token t = *xiP_peek(p);
  if (t.type == T_ERROR)
    xiP_fail(p, t.pos, "%s", t.msg);
  if (t.type != T_EOF && t.depth && t.pos.line > p->lx.open.line) {
    size_t start = t.off; /* a bracket left open: the next line starts anew */
    while (start && p->lx.src[start - 1] != '\n')
      start--;
    p->resync = start + 1;
    p->resync_line = t.pos.line;
    xiP_fail(p, p->lx.open, "this '%c' is never closed (line %u does not go on with it)",
             p->lx.open_ch, t.pos.line);
  }
  xiP_fail(p, t.pos, "expected %s, found %s", wanted, spell(p, &t, buf, sizeof buf));
}

xiL_token xiP_expect(xiP_parser *p, xiL_type t, const char *wanted) {
  if (!xiP_is(p, t))
    xiP_unexpected(p, wanted);
  return xiP_take(p);
}

void xiP_emit(xiP_parser *p, xiP_code *c, xiP_ins ins) {
  if (c->n == c->cap) {
    uint32_t cap = c->cap ? c->cap * 2 : 16;
    xiP_ins *q = realloc(c->ins, cap * sizeof *q);
    if (!q)
      xiP_fail(p, ins.pos, "out of memory");
    c->ins = q, c->cap = cap;
  }
  c->ins[c->n++] = ins;
}

void xiP_emit_op(xiP_parser *p, xiP_code *c, int op, xi_pos pos) {
  xiP_ins ins = {K_OP, (uint8_t)op, 0, 0, 0, pos};
  xiP_emit(p, c, ins);
}

void xiP_emit_num(xiP_parser *p, xiP_code *c, const char *text, xi_pos pos) {
  xiP_ins ins = {K_NUM, 0, 0, 0, xiP_intern(p, text, strlen(text), pos), pos};
  xiP_emit(p, c, ins);
}

uint32_t xiP_intern(xiP_parser *p, const char *s, size_t len, xi_pos pos) {
  uint32_t id = xiS_intern(p->sym, s, len);
  if (id == XI_NONE)
    xiP_fail(p, pos, "out of memory");
  return id;
}

uint32_t xiP_name_id(xiP_parser *p, const xiL_token *t) {
  if (t->off == p->last_name_off && p->last_name != XI_NONE)
    return p->last_name; /* the statement's first name, looked up once already */
  p->last_name_off = t->off;
  return p->last_name = xiP_intern(p, p->lx.src + t->off, t->len, t->pos);
}

uint16_t xiP_tag_of(xiP_parser *p, const xiL_token *t) {
  return t->type == T_NAME ? xiS_tag(p->sym, xiP_name_id(p, t)) : TAG_NONE;
}

/* an expression, remembering its source text for labels */
static void full_expr(xiP_parser *p, xiP_stmt *st) {
  size_t start = xiP_peek(p)->off;
  p->depth = 0;
  xiP_expr(p, &st->code);
  st->text_off = start;
  st->text_len = p->last_end - start;
}

static int at_end(xiP_parser *p) {
  xiL_type t = xiP_peek(p)->type;
  return t == T_NL || t == T_SEMI || t == T_EOF;
}

void xiP_add_name(xiP_parser *p, xiP_stmt *st, uint32_t id, xi_pos pos) {
  uint32_t *n = realloc(st->names, (st->nnames + 1) * sizeof *n);
  if (n)
    st->names = n;
  xi_pos *q = realloc(st->name_pos, (st->nnames + 1) * sizeof *q);
  if (q)
    st->name_pos = q;
  if (!n || !q)
    xiP_fail(p, pos, "out of memory");
  st->names[st->nnames] = id;
  st->name_pos[st->nnames++] = pos;
}

static void name_list(xiP_parser *p, xiP_stmt *st, const char *what) {
  do {
    xiL_token t = xiP_expect(p, T_NAME, what);
    xiP_add_name(p, st, xiP_intern(p, p->lx.src + t.off, t.len, t.pos), t.pos);
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

/* a command's second expression (equiv's B, the direction after =): an item */
static void second_expr(xiP_parser *p, xiP_stmt *st) {
  xiP_item *it = realloc(st->items, (st->nitems + 1) * sizeof *it);
  if (!it)
    xiP_fail(p, xiP_peek(p)->pos, "out of memory");
  st->items = it;
  it = &st->items[st->nitems++];
  memset(it, 0, sizeof *it);
  it->kind = I_ARG;
  it->pos = xiP_peek(p)->pos;
  it->off = xiP_peek(p)->off;
  p->depth = 0;
  xiP_expr(p, &it->code);
  it->end = p->last_end;
}

static void add_claim(xiP_parser *p, xiP_stmt *st) {
  int neg = 0;
  if (xiP_is(p, T_MINUS) || xiP_is(p, T_PLUS))
    neg = xiP_take(p).type == T_MINUS;
  xiL_token t = xiP_expect(p, T_NUM, "the number claimed");
  xiL_token *c = realloc(st->claims, (st->nclaims + 1) * sizeof *c);
  if (c)
    st->claims = c;
  uint8_t *g = realloc(st->claim_neg, st->nclaims + 1);
  if (g)
    st->claim_neg = g;
  if (!c || !g)
    xiP_fail(p, t.pos, "out of memory");
  st->claims[st->nclaims] = t;
  st->claim_neg[st->nclaims++] = (uint8_t)neg;
}

/* check E == 0.639, or == [0.1, 0.2], or == [[1, 2], [3, 4]] */
static void claims(xiP_parser *p, xiP_stmt *st) {
  st->claim_shape = (xi_shape){0, 1, 1};
  if (!xiP_is(p, T_LBRACK)) {
    add_claim(p, st);
    return;
  }
  xiP_take(p);
  int matrix = xiP_is(p, T_LBRACK);
  uint32_t rows = 0, cols = 0;
  do {
    if (matrix) {
      xiL_token row = xiP_expect(p, T_LBRACK, "'[' to start a row");
      uint32_t before = st->nclaims;
      do
        add_claim(p, st);
      while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
      xiP_expect(p, T_RBRACK, "',' or ']' in the row");
      if (rows && st->nclaims - before != cols)
        xiP_fail(p, row.pos, "this row has %u numbers, the first has %u", st->nclaims - before,
             cols);
      cols = st->nclaims - before, rows++;
    } else {
      add_claim(p, st);
    }
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RBRACK, "',' or ']'");
  st->claim_shape = matrix ? (xi_shape){2, rows, cols} : (xi_shape){1, 1, st->nclaims};
}

typedef struct { /* where the parser is, to come back to */
  xiL_lexer lx;
  xiL_token tok;
  int have_tok;
  size_t last_end;
} spot;
static spot here(const xiP_parser *p) { return (spot){p->lx, p->tok, p->have_tok, p->last_end}; }
static void back(xiP_parser *p, spot s) {
  p->lx = s.lx, p->tok = s.tok, p->have_tok = s.have_tok, p->last_end = s.last_end;
}

/* ± or +/- next: taken when take, else only looked at */
static int plus_minus(xiP_parser *p, int take) {
  if (xiP_is(p, T_PLUSMINUS)) {
    if (take)
      xiP_take(p);
    return 1;
  }
  if (!xiP_is(p, T_PLUS))
    return 0;
  spot s = here(p);
  xiP_take(p);
  int yes = xiP_is(p, T_SLASH) && (xiP_take(p), xiP_is(p, T_MINUS)) && (xiP_take(p), 1);
  if (!yes || !take)
    back(p, s);
  return yes;
}

/* numbers claimed, tried first: 1 when they are all the right side holds */
static int try_claims(xiP_parser *p, xiP_stmt *st) {
  spot s = here(p);
  jmp_buf outer;
  xi_err quiet, *e = p->err;
  memcpy(outer, p->fail, sizeof outer);
  p->err = &quiet;
  int ok = 0;
  if (!setjmp(p->fail)) {
    claims(p, st);
    ok = at_end(p) || plus_minus(p, 0);
  }
  memcpy(p->fail, outer, sizeof outer);
  p->err = e;
  if (!ok) {
    back(p, s);
    st->nclaims = 0;
  }
  return ok;
}

static xiP_item *check_item(xiP_parser *p, xiP_stmt *st, int kind) {
  xiP_item *q = realloc(st->items, (st->nitems + 1) * sizeof *q);
  if (!q)
    xiP_fail(p, xiP_peek(p)->pos, "out of memory");
  st->items = q;
  xiP_item *it = &q[st->nitems++];
  memset(it, 0, sizeof *it);
  it->kind = (uint8_t)kind;
  it->pos = xiP_peek(p)->pos;
  it->off = xiP_peek(p)->off;
  return it;
}

/* after check E == (or ≈): the numbers claimed, or an expression; then ± T */
static void check_rhs(xiP_parser *p, xiP_stmt *st) {
  st->claim_pos = xiP_peek(p)->pos;
  st->rhs_off = xiP_peek(p)->off;
  if (!try_claims(p, st)) {
    uint32_t k = st->nitems;
    check_item(p, st, I_VALUE);
    p->depth = 0;
    xiP_expr(p, &st->items[k].code);
    st->items[k].end = p->last_end;
  }
  st->rhs_end = p->last_end;
  if (plus_minus(p, 1)) {
    uint32_t k = st->nitems;
    check_item(p, st, I_TOL);
    p->depth = 0;
    xiP_expr(p, &st->items[k].code);
    st->items[k].end = p->last_end;
  }
}

/* { statements }: the text between the braces, which may span lines */
static void body(xiP_parser *p, xiP_stmt *st) {
  xiL_token open = xiP_expect(p, T_LBRACE, "'{' and the statements to repeat");
  st->body_off = open.off + open.len;
  st->body_pos = (xi_pos){open.pos.line, open.pos.col + 1};
  int depth = 1;
  for (;;) {
    xiL_token t = *xiP_peek(p);
    if (t.type == T_EOF)
      xiP_fail(p, open.pos, "this '{' is never closed");
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

static int assignment(xiL_type t) {
  return t == T_ASSIGN || t == T_PLUSEQ || t == T_MINUSEQ || t == T_STAREQ || t == T_SLASHEQ ||
         t == T_PERCENTEQ || t == T_DSLASHEQ;
}

/* the file a command names last (dot L /tmp/g.dot): its last word, after a
   blank and outside brackets, ending as a file dot, svg or export writes
   does; SIZE_MAX when there is none */
static size_t file_word(xiP_parser *p) {
  static const char *const endings[] = {".dot", ".gv", ".svg", ".md", ".markdown",
                                        ".tex", ".html", ".htm"};
  const char *s = p->lx.src;
  size_t from = xiP_peek(p)->off, end = from, word;
  while (end < p->lx.len && !strchr(";#\n", s[end]))
    end++;
  while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
    end--;
  for (word = end; word > from && s[word - 1] != ' ' && s[word - 1] != '\t'; word--)
    ;
  int depth = 0;
  for (size_t i = from; i < word; i++)
    depth += (s[i] == '(' || s[i] == '[') - (s[i] == ')' || s[i] == ']');
  for (size_t k = 0; depth == 0 && k < sizeof endings / sizeof *endings; k++) {
    size_t n = strlen(endings[k]);
    if (end - word > n && strncasecmp(s + end - n, endings[k], n) == 0)
      return word;
  }
  return SIZE_MAX;
}

/* the lexer back at the file's first token, which read as the end of the line */
static void release_file(xiP_parser *p) {
  if (p->stop_at == SIZE_MAX)
    return;
  if (p->have_tok && p->tok.off >= p->stop_at) {
    p->lx.off = p->tok.off, p->lx.line = p->tok.pos.line, p->lx.col = p->tok.pos.col;
    p->lx.depth = 0;
    p->have_tok = 0;
  }
  p->stop_at = SIZE_MAX;
}

/* dot L > FILE, dot L FILE: the raw rest of the statement is the file (none
   at the end of the statement) */
static void out_file(xiP_parser *p, xiP_stmt *st, xiL_token kw) {
  int named = p->stop_at != SIZE_MAX && xiP_peek(p)->off >= p->stop_at;
  release_file(p);
  if (!named && at_end(p))
    return;
  int gt = !named && xiP_is(p, T_GT);
  xiL_token t = named ? *xiP_peek(p) : xiP_take(p);
  if (!gt) { /* the file starts at the token just read: read it again, raw */
    p->lx.off = t.off, p->lx.line = t.pos.line, p->lx.col = t.pos.col, p->lx.depth = 0;
    p->have_tok = 0;
  }
  st->arg = xiL_raw(&p->lx);
  if (st->arg.type == T_ERROR)
    xiP_fail(p, st->arg.pos, "%s", st->arg.msg);
  if (st->arg.len == 0)
    xiP_fail(p, t.pos, "a file name after '>', as in %.*s L > graph.dot", (int)kw.len,
             p->lx.src + kw.off);
}

/* what follows a command's word, by the shape its row gives */
static void command(xiP_parser *p, xiP_stmt *st, xiL_token kw, int cmd) {
  st->kind = S_COMMAND;
  st->cmd = cmd;
  xiP_args args = xiP_commands[cmd].args;
  if (args == A_FILE) { /* before any peek: the file name is raw text */
    st->arg = xiL_raw(&p->lx);
    if (st->arg.type == T_ERROR)
      xiP_fail(p, st->arg.pos, "%s", st->arg.msg);
    if (st->arg.len == 0)
      xiP_fail(p, st->arg.pos, "%s needs a file name", xiP_commands[cmd].word);
    return;
  }
  if (assignment(xiP_peek(p)->type))
    xiP_fail(p, kw.pos, "'%.*s' is a command; choose another name", (int)kw.len,
         p->lx.src + kw.off);
  switch (args) {
  case A_NONE:
  case A_FILE:
    break;
  case A_EXPR:
    full_expr(p, st);
    break;
  case A_WRT:
  case A_WRT_WORD:
  case A_OUT:
    if (args == A_OUT && (p->stop_at = file_word(p)) != SIZE_MAX && p->tok.off >= p->stop_at)
      p->tok.type = T_NL; /* (the token peeked already) */
    p->no_compare = args == A_OUT ? XI_NC_REDIRECT : 0;
    full_expr(p, st);
    p->no_compare = 0;
    if (xiP_is(p, T_NAME) && xiP_word_is(p, xiP_peek(p), "wrt")) {
      xiP_take(p);
      name_list(p, st, "a name after wrt");
    }
    if (args == A_WRT_WORD && xiP_is(p, T_NAME)) /* step L quiz: the handler reads it */
      st->arg = xiP_take(p);
    if (args == A_OUT)
      out_file(p, st, kw);
    break;
  case A_IN:
    p->no_compare = XI_NC_IN;
    full_expr(p, st);
    p->no_compare = 0;
    if (!at_end(p) && xiP_word_is(p, xiP_peek(p), "in")) {
      xiP_take(p);
      name_list(p, st, "a format after in (binary16, bfloat16, binary32, binary64)");
    }
    break;
  case A_WRT_EQ:
    full_expr(p, st);
    if (!xiP_is(p, T_NAME) || !xiP_word_is(p, xiP_peek(p), "wrt"))
      xiP_unexpected(p, cmd == XI_CMD_TANGENTS ? "wrt and a name, as in tangents L wrt x"
                                               : "wrt and a name, as in gradcheck L wrt W");
    xiP_take(p);
    name_list(p, st, "a name after wrt");
    if (xiP_is(p, T_ASSIGN)) {
      xiP_take(p);
      second_expr(p, st);
    }
    break;
  case A_PAIR:
    full_expr(p, st);
    xiP_expect(p, T_COMMA, "',' and the second expression, as in equiv A, B");
    second_expr(p, st);
    break;
  case A_CHECK:
    p->no_compare = XI_NC_CHECK;
    full_expr(p, st);
    p->no_compare = 0;
    if (!xiP_is(p, T_APPROX))
      xiP_expect(p, T_EQEQ, "'==' and the number claimed, as in check L == 0.639");
    else
      xiP_take(p);
    check_rhs(p, st);
    break;
  case A_ASSIGN: {
    xiL_token t = xiP_expect(p, T_NAME, "the name of a leaf, as in set x = 4");
    st->name = xiP_intern(p, p->lx.src + t.off, t.len, t.pos);
    st->target_pos = t.pos;
    xiP_expect(p, T_ASSIGN, "'=' and the new value, as in set x = 4");
    full_expr(p, st);
    break;
  }
  case A_NUMBER:
  case A_NUMBER_OPT:
    if (args == A_NUMBER || !at_end(p)) {
      st->arg = xiP_expect(p, T_NUM, "a whole number");
      st->has_number = 1;
      if (args == A_NUMBER_OPT && xiP_peek(p)->type == T_NAME) {
        st->word = xiP_take(p); /* the handler says which words it takes */
        st->has_word = 1;
      }
    }
    break;
  case A_TOPIC:
    if (!at_end(p))
      st->arg = xiP_take(p);
    break;
  case A_NAMES:
    name_list(p, st, "a name");
    break;
  case A_BLOCK:
    st->arg = xiP_expect(p, T_NUM, "how many times, as in repeat 100 { ... }");
    body(p, st);
    break;
  }
}

int xiP_compound(xiL_type t) {
  switch (t) {
  case T_PLUSEQ: return XI_ADD;
  case T_MINUSEQ: return XI_SUB;
  case T_STAREQ: return XI_MUL;
  case T_SLASHEQ: return XI_DIV;
  case T_PERCENTEQ: return XI_MOD;
  case T_DSLASHEQ: return XI_FLOORDIV;
  default: return -1;
  }
}

/* x[index] op= value: code x, the index items, the value, K_INDEXSET */
static void index_assign(xiP_parser *p, xiP_stmt *st, xiL_token op) {
  xiP_code *c = &st->code;
  xiP_ins idx = c->ins[--c->n]; /* the K_INDEX: its items stay, the value follows */
  st->kind = S_INDEXSET;
  st->assign = op.type;
  st->name = c->ins[0].arg;
  st->target_pos = c->ins[0].pos;
  p->depth = 0;
  xiP_expr_list(p, c);
  int compound = xiP_compound(op.type);
  xiP_ins ins = {K_INDEXSET, idx.op, (uint8_t)(compound < 0 ? 0 : compound), idx.argc, 0, idx.pos};
  xiP_emit(p, c, ins);
}

static void def_or_assign(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  xiP_ins last = c->ins[c->n - 1];
  xiL_token op = xiP_take(p);
  if (last.kind == K_INDEX && p->index_base == 0 && p->index_at == c->n - 1) {
    index_assign(p, st, op);
    return;
  }
  if (last.kind == K_INDEX)
    xiP_fail(p, last.pos, "assign to an index of a name: M[i, j] = v (M[i][j] = v and x.y[i] "
                          "= v are not part of xi)");
  if (c->n == 1 && last.kind == K_NAME) {
    st->kind = S_ASSIGN;
    st->assign = op.type;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (op.type == T_ASSIGN && last.kind == K_CALL && c->n == last.argc + 1u) {
    for (uint32_t i = 0; i < last.argc; i++) {
      if (c->ins[i].kind != K_NAME)
        xiP_fail(p, c->ins[i].pos, "a function's parameters must be names");
      for (uint32_t j = 0; j < i; j++)
        if (c->ins[j].arg == c->ins[i].arg)
          xiP_fail(p, c->ins[i].pos, "parameter '%s' is given twice",
               xiS_name(p->sym, c->ins[i].arg));
      xiP_add_name(p, st, c->ins[i].arg, c->ins[i].pos);
    }
    st->kind = S_DEF;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (last.kind == K_OP && xiO_table[last.op].name && op.type == T_ASSIGN &&
             c->n >= (uint32_t)xiO_table[last.op].arity + 1 && last.argc) {
    xiP_fail(p, last.pos, "%s is a built-in function: it cannot be defined again",
         xiO_table[last.op].name);
  } else {
    xiP_fail(p, op.pos, "the left side of %s must be a name", xiL_describe(op.type));
  }
  c->n = 0;
  if (st->kind == S_ASSIGN) { /* a = 1, 2 makes a tuple */
    size_t start = xiP_peek(p)->off;
    p->depth = 0;
    xiP_expr_list(p, c);
    st->text_off = start;
    st->text_len = p->last_end - start;
    return;
  }
  full_expr(p, st);
}

/* a, b = ...: the targets are names; or a, b alone: a tuple */
static void tuple_or_unpack(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  uint32_t n = 1;
  while (xiP_is(p, T_COMMA)) {
    xiP_take(p);
    if (at_end(p) || xiP_is(p, T_ASSIGN))
      break;
    p->depth = 0;
    xiP_expr(p, c);
    n++;
  }
  if (!xiP_is(p, T_ASSIGN)) {
    xiP_ins ins = {K_TUPLE, 0, 0, (uint16_t)n, 0, st->pos};
    xiP_emit(p, c, ins);
    return;
  }
  xiL_token eq = xiP_take(p);
  if (c->n != n)
    xiP_fail(p, eq.pos, "the names to unpack into must be plain names: a, b = f(x)");
  for (uint32_t k = 0; k < n; k++) {
    if (c->ins[k].kind != K_NAME)
      xiP_fail(p, c->ins[k].pos, "the names to unpack into must be plain names: a, b = f(x)");
    xiP_add_name(p, st, c->ins[k].arg, c->ins[k].pos);
  }
  st->kind = S_UNPACK;
  c->n = 0;
  p->depth = 0;
  size_t start = xiP_peek(p)->off;
  xiP_expr_list(p, c);
  st->text_off = start;
  st->text_len = p->last_end - start;
}

/* a string alone is a docstring (or a comment written as one): nothing to run */
static void docstring(xiP_parser *p, xiP_stmt *st) {
  while (xiP_is(p, T_STRING))
    xiP_take(p);
  if (!at_end(p))
    xiP_fail(p, xiP_peek(p)->pos, "text is for print(...) in xi: print(\"...\", x)");
  st->kind = S_NOTHING;
}

static void statement(xiP_parser *p, xiP_stmt *st) {
  xiL_token first = *xiP_peek(p);
  st->pos = first.pos;
  if (first.type == T_STRING) {
    docstring(p, st);
    return;
  }
  uint16_t tag = xiP_tag_of(p, &first);
  int kw = xiP_keyword(tag);
  if (kw >= 0 && kw != KW_TRUE && kw != KW_FALSE && kw != KW_NONE && kw != KW_NOT &&
      kw != KW_LAMBDA) {
    xiP_python(p, st, first, kw);
    return;
  }
  if ((tag & TAG_SHADOWED) && TAG_KIND(tag) == TAG_COMMAND) {
    xiP_take(p); /* def grad(...): grad( calls it; grad L is still the command */
    int call = xiP_is(p, T_LP);
    xiP_put_back(p, &first);
    if (!call)
      tag &= (uint16_t)~TAG_SHADOWED;
  }
  if (TAG_KIND(tag) == TAG_COMMAND && !(tag & TAG_SHADOWED)) {
    xiP_take(p);
    if (!(TAG_ARG(tag) == XI_CMD_GRAD && xiP_is(p, T_LP))) {
      command(p, st, first, TAG_ARG(tag));
      return;
    }
    xiP_put_back(p, &first); /* grad( is an expression */
  } else if (TAG_KIND(tag) >= TAG_DERIV) {
    xiP_take(p);
    if (assignment(xiP_peek(p)->type))
      xiP_fail(p, first.pos, "%.*s is a built-in function: choose another name", (int)first.len,
           p->lx.src + first.off);
    xiP_put_back(p, &first);
  }
  st->kind = S_EXPR;
  full_expr(p, st);
  if (xiP_is(p, T_COMMA)) {
    tuple_or_unpack(p, st);
    return;
  }
  if (assignment(xiP_peek(p)->type)) {
    def_or_assign(p, st);
    return;
  }
  xiP_code *c = &st->code; /* np.random.seed(42): the seed command */
  if (c->n == 2 && c->ins[1].kind == K_ATTR && c->ins[1].op == XI_ATTR_SEED) {
    st->kind = S_COMMAND;
    st->cmd = XI_CMD_SEED;
    st->arg = p->seed_arg;
    st->has_number = 1;
    c->n = 0;
  }
}

static void skip_statement(xiP_parser *p) {
  if (p->ended) { /* the error was in a block, all of which was read: on after it */
    p->ended = 0;
    return;
  }
  p->lx.depth = 0; /* an error inside brackets: the statement ends at the newline */
  if (p->resync) { /* a bracket never closed: on from the line after it */
    p->lx.off = p->resync - 1;
    p->lx.line = p->resync_line, p->lx.col = 1;
    p->have_tok = 0;
    p->resync = 0;
    return;
  }
  for (;;) {
    xiL_type t = xiP_peek(p)->type;
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
  p->no_compare = 0;
  if (setjmp(p->fail)) {
    release_file(p);
    skip_statement(p);
    return -1;
  }
  for (;;) {
    while (xiP_is(p, T_NL) || xiP_is(p, T_SEMI))
      xiP_take(p);
    if (xiP_is(p, T_EOF))
      return 0;
    p->ended = 0;
    statement(p, st);
    if (st->kind != S_NOTHING || p->ended || !at_end(p))
      break;
    xiP_stmt_free(st); /* pass, a docstring: on to the next statement */
    st->kind = S_EXPR;
  }
  if (p->ended) /* a block took its last newline: the next statement starts here */
    return 1;
  if (st->kind == S_NOTHING && !at_end(p))
    xiP_unexpected(p, "the end of the statement");
  if (st->kind == S_NOTHING)
    return 0;
  if (!at_end(p)) {
    int wrt = st->kind == S_COMMAND && !st->nnames &&
              (xiP_commands[st->cmd].args == A_WRT || xiP_commands[st->cmd].args == A_WRT_WORD);
    if (st->kind == S_COMMAND && xiP_commands[st->cmd].args == A_WRT_EQ && !st->nitems)
      xiP_unexpected(p, "',' and another name, '=' and a value, or the end of the statement");
    int operand = st->code.n && !(st->kind == S_COMMAND && (xiP_commands[st->cmd].args == A_CHECK));
    xiP_unexpected(p, wrt       ? "an operator, wrt, or the end of the statement"
                  : operand ? "an operator or the end of the statement"
                            : "the end of the statement");
  }
  st->quiet = xiP_is(p, T_SEMI);
  return 1;
}

int xiP_formula(xiS_table *sym, const char *text, xiP_code *code, xi_err *err) {
  xiP_parser p;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  xiP_init(&p, sym, text, strlen(text), 1);
  int rc = xiP_next(&p, &st, err);
  if (rc == 1 && st.kind != S_EXPR) {
    snprintf(err->msg, sizeof err->msg, "not an expression");
    rc = -1;
  }
  xiP_stmt_free(&st);
  if (rc != 1) {
    xiP_code_free(&st.code);
    return -1;
  }
  *code = st.code;
  return 0;
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
  if (st->items || st->sep || st->end || st->deftext) { /* Python's statements only */
    for (uint32_t i = 0; i < st->nitems; i++) {
      free(st->items[i].text);
      xiP_code_free(&st->items[i].code);
    }
    free(st->items);
    free(st->sep);
    free(st->end);
    free(st->deftext);
    st->items = NULL;
    st->nitems = 0;
    st->sep = st->end = st->deftext = NULL;
  }

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
