/* parse.h: statements, and expressions compiled to postfix code.
 * Postfix code (reverse Polish) lets the graph builder run a plain loop with
 * a stack: no recursion, so no input can overflow the C stack there.  The
 * parser itself recurses only on nesting, which it limits. */
#ifndef XI_PARSE_H
#define XI_PARSE_H

#include <setjmp.h>

#include "syntax/lex.h"
#include "ops/ops.h"
#include "syntax/sym.h"

#define XI_MAX_NESTING 1000

typedef enum {
  K_NUM,   /* a literal: arg = its text (with any minus folded in) as a symbol */
  K_CONST, /* pi (arg 0) or e (arg 1) */
  K_NAME,  /* arg = name id */
  K_OP,    /* op = an xiO_op */
  K_CALL,  /* a user function: arg = name id, argc arguments */
  K_GRAD,  /* grad(E, v): arg = the name id of v; E is on the stack */
  K_INDEX, /* E[i, j]: argc items, op a bit mask of the ':' ones */
  K_LIST,  /* [..]: arg elements, op the rank, argc the rows of a matrix */
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

typedef enum {
  S_EXPR, S_ASSIGN, S_DEF, S_GRAD, S_TRACE, S_CHECK, S_DIGITS, S_PREC, S_VARS,
  S_HELP, S_LOAD, S_QUIT, S_DEL, S_SEED, S_SHOW, S_REPEAT
} xiP_stmt_kind;

typedef struct {
  xiP_stmt_kind kind;
  xi_pos pos;           /* the statement's first token */
  xi_pos target_pos;    /* the name assigned, defined or asked about */
  xiL_type assign;      /* T_ASSIGN, T_PLUSEQ, ... */
  uint32_t name;        /* the name assigned or defined */
  xiP_code code;        /* the expression (a function's body for S_DEF) */
  size_t text_off, text_len; /* the expression's source text */
  uint32_t *names;      /* parameters (S_DEF), wrt list (S_GRAD), S_DEL list */
  xi_pos *name_pos;
  uint32_t nnames;
  xiL_token *claims;    /* S_CHECK: the numbers claimed (a list for a tensor) */
  uint8_t *claim_neg;   /* each written with a minus */
  uint32_t nclaims;
  xi_shape claim_shape;
  xi_pos claim_pos;
  size_t body_off, body_len; /* S_REPEAT: the text between the braces */
  xi_pos body_pos;
  int has_number;       /* S_DIGITS, S_PREC: N given */
  xiL_token arg;        /* S_DIGITS, S_PREC, S_SEED, S_REPEAT: N; S_LOAD: the file; S_HELP: the topic */
  int quiet;            /* ended by ';': an assignment shows nothing */
} xiP_stmt;

typedef struct {
  xiL_lexer lx;
  xiS_table *sym;
  xiL_token tok;
  int have_tok;
  size_t last_end; /* end of the last token taken: for source spans */
  int depth;
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
const char *xiP_keyword(int i); /* the nth command word, NULL at the end */

#endif
