/* parse.c: recursive descent over the lexer's tokens, emitting postfix code.
 *
 *   stmt     := command | '%' command         (%trace L: IPython's spelling)
 *             | python                        def for while if import from print
 *                                             pass return ... (pystmt.c, pydef.c,
 *                                             pyprint.c)
 *             | STRING                        a docstring: nothing to run
 *             | NAME assign exprs | NAME '[' index ']' assign exprs
 *             | NAME '=' 'lambda' ...        (pydef.c)
 *             | NAME '(' NAME, ... ')' '=' expr               f(x) = x^2
 *             | NAME (',' NAME)+ '=' exprs                    unpacking
 *             | exprs
 *   assign   := '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '//=' | '**=' | '@='
 *             | '&=' | '|=' | '^=' | '<<=' | '>>='   ('^=' in Python's code only)
 *   command  := WORD args          (the shape of args is the command's row: cmdargs.c)
 *   exprs    := expr (',' expr)* ','?          more than one: a tuple
 *
 * Expressions (expr.c, from unary down; binop.c, the levels above it; NumPy's names,
 * methods and keyword arguments: numpy.c):
 *   expr     := or ('if' or 'else' expr)?      only the branch taken is computed
 *   or       := and ('or' and)*                Python's: a or b is a, or b
 *   and      := test ('and' test)*
 *   test     := 'not' test | bor (('>'|'>='|'<'|'<='|'=='|'!=') bor)*
 *                                              several chain in Python's code only
 *   bor      := bxor ('|' bxor)*               Python's levels: comparisons bind
 *   bxor     := band ('^' band)*               looser than | ^ &, so x > 0 & x < 1
 *   band     := shift ('&' shift)*             is x > (0 & x) < 1, as Python's;
 *   shift    := arith (('<<'|'>>') arith)*     bxor in Python's code only
 *   arith    := term (('+'|'-') term)*
 *   term     := unary (('*'|'/'|'@'|'%'|'//') unary)*
 *   unary    := ('-'|'+'|'~') unary | power    so -2^2 is -(2^2)
 *   power    := primary postfix* SUP* (('^'|'**') unary)?   right-associative; '^'
 *                                              in xi's own language only
 *   postfix  := '[' index (',' index)? ']' | '.' NAME call?   M[i, :], x.T, x.sum(0)
 *   index    := expr | ':'
 *   primary  := NUM | NAME | NAME call | '(' ')' | '(' expr ')' | '(' expr ',' ... ')'
 *             | '[' expr, ... ']'
 *
 * parse.c has the tokens (taken, put back, expected), the code emitted and
 * the memory of statements; stmt.c a statement, expr.c and binop.c an expression.  What
 * the parser's files share is declared in parse_int.h.
 */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  p->in_class = XI_NONE;
  prepare(sym);
}

void xiP_init_at(xiP_parser *p, xiS_table *sym, const char *src, size_t len, size_t off,
                 xi_pos at) {
  xiP_init(p, sym, src, len, at.line);
  p->lx.off = off;
  p->lx.col = at.col;
}

void xiP_hold(xiP_parser *p, xiP_held *h, xiP_stmt *st) {
  h->st = st;
  h->up = p->held;
  p->held = h;
}

void xiP_unhold(xiP_parser *p, xiP_held *h) {
  p->held = h->up;
}

/* what was held is let go before the jump, while the frames that hold it
   are alive (each at most once: a statement done is empty) */
_Noreturn void xiP_unwind(xiP_parser *p) {
  for (xiP_held *h = p->held; h; h = h->up)
    xiP_stmt_done(h->st);
  p->held = NULL;
  longjmp(p->fail, 1);
}

_Noreturn void xiP_fail(xiP_parser *p, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  xiX_vfail(p->err, pos, fmt, ap);
  va_end(ap);
  xiP_unwind(p);
}


void xiP_lex_error(xiP_parser *p) {
  xiP_fail(p, p->tok.pos, "%s", p->tok.msg);
}

/* np.array([...]) and torch.tensor([...]) read the bracket just peeked as an
   array, which is quicker and traces as one value, only when it is a plain
   literal: no comprehension in it, and each of its ']' followed by ',', ']'
   or ')'.  Anything else is Python's list, which the call converts as NumPy
   does: read as an array, np.array([1] * 3) would be [3], not [1 1 1], and
   np.array([x for x in xs]) a comprehension in xi's own brackets.  A scan of
   a copy of the lexer: nothing is taken. */
int xiP_plain_literal(xiP_parser *p) {
  xiL_lexer lx = p->lx;
  uint32_t depth = 1;
  for (;;) {
    xiL_token t = xiL_next(&lx);
    switch (t.type) {
    case T_EOF:
    case T_ERROR:
    case T_NL:
    case T_SEMI:
      return 1; /* never closed: the parse says so */
    case T_LP:
    case T_LBRACK:
    case T_LBRACE:
      depth++;
      break;
    case T_RP:
    case T_RBRACE:
      if (--depth == 0)
        return 1; /* ( [ ) : the parse says so */
      break;
    case T_RBRACK: {
      xiL_lexer after = lx;
      xiL_type next = xiL_next(&after).type;
      if (next != T_COMMA && next != T_RBRACK && next != T_RP)
        return 0;
      if (--depth == 0)
        return 1;
      break;
    }
    case T_NAME:
      if (t.len == 3 && !memcmp(lx.src + t.off, "for", 3))
        return 0;
      break;
    default:
      break;
    }
  }
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

void xiP_grow(xiP_parser *p, xiP_code *c, xi_pos pos) {
  uint32_t cap = c->cap ? c->cap * 2 : 16;
  xiP_ins *q = realloc(c->ins, cap * sizeof *q);
  if (!q)
    xiP_fail(p, pos, "out of memory");
  c->ins = q, c->cap = cap;
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

uint32_t xiP_name_lookup(xiP_parser *p, const xiL_token *t) {
  p->last_name_off = t->off;
  return p->last_name = xiP_intern(p, p->lx.src + t->off, t->len, t->pos);
}

/* an expression, remembering its source text for labels */
void xiP_full_expr(xiP_parser *p, xiP_stmt *st) {
  size_t start = xiP_peek(p)->off;
  p->depth = 0;
  xiP_expr(p, &st->code);
  st->text_off = start;
  st->text_len = p->last_end - start;
}

int xiP_at_end(xiP_parser *p) {
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

int xiP_assignment(xiL_type t) {
  return t == T_ASSIGN || xiP_compound(t) >= 0;
}

int xiP_compound(xiL_type t) {
  switch (t) {
  case T_PLUSEQ: return XI_ADD;
  case T_MINUSEQ: return XI_SUB;
  case T_STAREQ: return XI_MUL;
  case T_SLASHEQ: return XI_DIV;
  case T_PERCENTEQ: return XI_MOD;
  case T_DSLASHEQ: return XI_FLOORDIV;
  case T_POWEQ: return XI_POW;
  case T_AMPEQ: return XI_BITAND;
  case T_PIPEEQ: return XI_BITOR;
  case T_CARETEQ: return XI_BITXOR; /* (in xi's own language refused: assign.c) */
  case T_LSHIFTEQ: return XI_LSHIFT;
  case T_RSHIFTEQ: return XI_RSHIFT;
  case T_ATEQ: return XI_MATMUL;
  default: return -1;
  }
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
  if (src->n) /* (an empty body has no buffer: memcpy from NULL is undefined, UBSan says) */
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
