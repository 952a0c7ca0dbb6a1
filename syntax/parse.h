/* parse.h: statements, and expressions compiled to postfix code.
 * Postfix code (reverse Polish) lets the graph builder run a plain loop with
 * a stack: no recursion, so no input can overflow the C stack there.  The
 * parser itself recurses only on nesting, which it limits. */
#ifndef XI_PARSE_H
#define XI_PARSE_H

#include <setjmp.h>

#include "ops/ops.h"
#include "syntax/commands.h"
#include "syntax/lex.h"
#include "syntax/sym.h"

#define XI_MAX_NESTING 1000

typedef enum {
  K_NUM,   /* a literal: arg = its text (with any minus folded in) as a symbol */
  K_NAME,  /* arg = name id (pi and e are names too, bound or not) */
  K_OP,    /* op = an xiO_op; argc arguments when written as a call */
  K_CALL,  /* a user function: arg = name id, argc arguments */
  K_DERIV, /* grad/hessian/jacobian(E, v): op = XI_D_*, arg = the name v; E on the stack */
  K_INDEX, /* E[i, j]: argc items, op a bit mask of the ':' ones */
  K_LIST,  /* [a, b, ...]: arg items on the stack */
  K_MAKE   /* zeros ones eye randn rand: op which, argc sizes */
} xiP_kind;

typedef struct {
  uint8_t kind, op, spare;
  uint16_t argc;
  uint32_t arg;
  xi_pos pos;
} xiP_ins;

typedef struct {
  xiP_ins *ins;
  uint32_t n, cap;
} xiP_code;

typedef enum { S_EXPR, S_ASSIGN, S_DEF, S_COMMAND } xiP_stmt_kind;

typedef struct {
  xiP_stmt_kind kind;
  int cmd;              /* S_COMMAND: which (an xiP_command) */
  xi_pos pos;           /* the statement's first token */
  xi_pos target_pos;    /* the name assigned, defined or asked about */
  xiL_type assign;      /* T_ASSIGN, T_PLUSEQ, ... */
  uint32_t name;        /* the name assigned or defined */
  xiP_code code;        /* the expression (a function's body for S_DEF) */
  size_t text_off, text_len; /* the expression's source text */
  uint32_t *names;      /* parameters (S_DEF), wrt list, del list */
  xi_pos *name_pos;
  uint32_t nnames;
  xiL_token *claims;    /* check: the numbers claimed (a list for a tensor) */
  uint8_t *claim_neg;   /* each written with a minus */
  uint32_t nclaims;
  xi_shape claim_shape;
  xi_pos claim_pos;
  size_t body_off, body_len; /* repeat: the text between the braces */
  xi_pos body_pos;
  int has_number;       /* A_NUMBER_OPT: N given */
  xiL_token arg;        /* the number, the file, the help topic */
  int quiet;            /* ended by ';': an assignment shows nothing */
} xiP_stmt;

typedef struct {
  xiL_lexer lx;
  xiS_table *sym;
  xiL_token tok;
  int have_tok;
  size_t last_end; /* end of the last token taken: for source spans */
  int depth;
  int no_compare;  /* check E == N: the == is the check's, not a comparison */
  size_t last_name_off; /* the last name token looked up, and its id */
  uint32_t last_name;
  jmp_buf fail; /* a syntax error unwinds the statement being parsed */
  xi_err *err;
} xiP_parser;

void xiP_init(xiP_parser *p, xiS_table *sym, const char *src, size_t len,
              uint32_t first_line);
/* the same over src[off, len), which starts at line:col: offsets stay src's */
void xiP_init_at(xiP_parser *p, xiS_table *sym, const char *src, size_t len, size_t off,
                 xi_pos at);
/* Parses the next statement into st, which starts zeroed and is reused for
   the statements after it (its code buffer is kept); xiP_stmt_done frees it.
   Returns 1 for a statement, 0 at the end of input, -1 on a syntax error
   (err says what; the parser has skipped to the next statement).  An empty
   statement is skipped. */
int xiP_next(xiP_parser *p, xiP_stmt *st, xi_err *err);
void xiP_stmt_free(xiP_stmt *st); /* all but the code buffer */
void xiP_stmt_done(xiP_stmt *st);
void xiP_code_free(xiP_code *c);
int xiP_code_copy(xiP_code *dst, const xiP_code *src);
/* ---- for the parser's own files (parse.c, expr.c) ---- */
/* What a name means to the parser, looked up once per token through the
   symbol table instead of comparing strings: a command, a derivative, a
   maker of tensors, an operation, or nothing (a name). */
enum { TAG_NONE, TAG_COMMAND = 0x100, TAG_DERIV = 0x200, TAG_MAKER = 0x300, TAG_OP = 0x400 };
#define TAG_KIND(t) ((t) & 0xff00)
#define TAG_ARG(t) ((t) & 0xff)
_Noreturn void xiP_fail(xiP_parser *p, xi_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* the next token, read once: inline, for the parser asks for it all the time */
static inline xiL_token *xiP_peek(xiP_parser *p) {
  if (!p->have_tok) {
    p->tok = xiL_next(&p->lx);
    p->have_tok = 1;
  }
  return &p->tok;
}
static inline int xiP_is(xiP_parser *p, xiL_type t) { return xiP_peek(p)->type == t; }
xiL_token xiP_take(xiP_parser *p);
void xiP_put_back(xiP_parser *p, const xiL_token *t); /* t, taken, is next again */
int xiP_word_is(xiP_parser *p, const xiL_token *t, const char *w);
_Noreturn void xiP_unexpected(xiP_parser *p, const char *wanted);
xiL_token xiP_expect(xiP_parser *p, xiL_type t, const char *wanted);
void xiP_emit(xiP_parser *p, xiP_code *c, xiP_ins ins);
void xiP_emit_op(xiP_parser *p, xiP_code *c, int op, xi_pos pos);
void xiP_emit_num(xiP_parser *p, xiP_code *c, const char *text, xi_pos pos);
uint32_t xiP_name_id(xiP_parser *p, const xiL_token *t);
uint32_t xiP_intern(xiP_parser *p, const char *s, size_t len, xi_pos pos); /* or fails */
uint16_t xiP_tag_of(xiP_parser *p, const xiL_token *t);
void xiP_expr(xiP_parser *p, xiP_code *c); /* an expression, as postfix code */

/* Compiles an expression in the names params (a formula of the op table)
   into code; -1 (err says why) when it is not one. */
int xiP_formula(xiS_table *sym, const char *text, xiP_code *code, xi_err *err);

#endif
