/* lex.h: tokens with their source positions.  The lexer is pulled one token
 * at a time by the parser, so a million-line script never exists as tokens
 * all at once. */
#ifndef XI_LEX_H
#define XI_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"

typedef enum {
  T_EOF, T_NL, T_SEMI, T_NUM, T_NAME, T_STRING, T_LP, T_RP, T_COMMA,
  T_PLUS, T_MINUS, T_STAR, T_SLASH, T_POW, T_ASSIGN, T_PLUSEQ, T_MINUSEQ,
  T_STAREQ, T_SLASHEQ, T_EQEQ, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK,
  T_AT, T_COLON, T_DOT, T_GT, T_GE, T_LT, T_LE, T_NE,
  T_SUP, /* superscript digits: ² ³ ... as a power */
  T_PERCENT, T_DSLASH, T_PERCENTEQ, T_DSLASHEQ, /* % // %= //= */
  T_APPROX, T_PLUSMINUS, /* ≈ ± (check L ≈ 0.3 ± 1e-4) */
  /* & | ~ ^ << >>, and the in-place **= &= |= ^= <<= >>= @= (Python's; '^' is a
     power in xi's own language, a T_CARET the parser reads by the language) */
  T_AMP, T_PIPE, T_TILDE, T_CARET, T_LSHIFT, T_RSHIFT, T_POWEQ, T_AMPEQ, T_PIPEEQ,
  T_CARETEQ, T_LSHIFTEQ, T_RSHIFTEQ, T_ATEQ,
  T_ERROR
} xiL_type;

typedef struct {
  xiL_type type;
  size_t off, len; /* bytes of the token in the source */
  xi_pos pos;
  const char *msg; /* for T_ERROR */
  uint32_t depth;  /* the brackets open after it (a token put back restores it) */
} xiL_token;

typedef struct {
  const char *src;
  size_t len, off;
  uint32_t line, col;
  uint32_t depth; /* '(' and '[' open: a newline inside them is a blank, as Python's */
  xi_pos open;    /* where the outermost of them was opened */
  char open_ch;
  uint8_t braces; /* '{' opens one too (Python's dicts; set for Python's code) */
} xiL_lexer;

void xiL_init(xiL_lexer *lx, const char *src, size_t len, uint32_t first_line);
xiL_token xiL_next(xiL_lexer *lx);
/* the raw rest of a statement (for `load FILE`): up to ';', newline or '#',
   trimmed; a "quoted" argument is taken whole.  Returns its token. */
xiL_token xiL_raw(xiL_lexer *lx);
const char *xiL_describe(xiL_type t);

/* What still has to come before src can run, for the prompt to gather lines:
   XI_OPEN_NONE, or a bracket, a string or a { block open, a line ending in
   '\\', or a Python block (a line ending in ':') that no blank line ended. */
enum { XI_OPEN_NONE, XI_OPEN_BRACKET, XI_OPEN_STRING, XI_OPEN_BACKSLASH, XI_OPEN_BLOCK };
int xiL_open(const char *src, size_t len);

/* what a name may start with and hold (UTF-8 letters too) */
int xiL_name_start(uint32_t cp);
int xiL_name_char(uint32_t cp);
/* the value of a T_SUP token's superscript digits (at most 9 of them) */
long xiL_superscript(const char *s, size_t len);

#endif
