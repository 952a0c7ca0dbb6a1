/* parse_int.h: internal to the parser: what its statement files share with
 * one another (parse.c with cmdargs.c, which reads a command's arguments;
 * pystmt.c with pyprint.c and pydef.c, which read print and def).  Only
 * those files include it; the rest of xi sees parse.h, whose part "for the
 * parser's own files" holds what expr.c and numpy.c use too. */
#ifndef XI_PARSE_INT_H
#define XI_PARSE_INT_H

#include "syntax/parse.h"

/* ---- statements and commands (parse.c, cmdargs.c) ---- */
/* an expression into st->code, remembering its source text for labels */
void xiP_full_expr(xiP_parser *p, xiP_stmt *st);
/* the statement ends here: a newline, a ';' or the end of the input */
int xiP_at_end(xiP_parser *p);
/* t is '=' or a compound assignment (+=, -=, ...) */
int xiP_assignment(xiL_type t);
/* what follows a command's word (kw, taken), by the shape its row gives */
void xiP_command(xiP_parser *p, xiP_stmt *st, xiL_token kw, int cmd);
/* dot L FILE: the lexer back at the file's first token, which read as the end
   of the line (after an error too) */
void xiP_release_file(xiP_parser *p);

/* ---- Python's statements (pystmt.c, pyprint.c, pydef.c) ---- */
/* a new part of st (zeroed but for kind and pos), or fails */
xiP_item *xiP_new_item(xiP_parser *p, xiP_stmt *st, int kind, xi_pos pos);
/* the line ends here: a newline or the end of the input (';' does not) */
int xiP_at_line_end(xiP_parser *p);
/* the block after a header's ':' (taken), at column col: its source is
   [*off, *end) and starts at *at (pystmt.c says how it is read) */
void xiP_block(xiP_parser *p, uint32_t col, xiL_token head, size_t *off, size_t *end,
               xi_pos *at);
/* one block more inside the others (p->blocks), or fails past the limit */
void xiP_enter(xiP_parser *p, xi_pos pos);
/* print(...) or print "x", x: print taken (pyprint.c) */
void xiP_print_stmt(xiP_parser *p, xiP_stmt *st);
/* def f(...): and its block, head the def (pydef.c) */
void xiP_def_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head);

/* ---- NumPy's functions by slot (numpy.c, npforms.c) ---- */
/* the functions npforms.c compiles (numpy.c's rows name them) */
enum {
  XI_NPF_LINSPACE, XI_NPF_RANDINT, XI_NPF_NORMAL, XI_NPF_UNIFORM, XI_NPF_PERMUTATION,
  XI_NPF_CHOICE, XI_NPF_RANDOM, XI_NPF_CONCATENATE, XI_NPF_VSTACK, XI_NPF_HSTACK,
  XI_NPF_ISCLOSE, XI_NPF_ALLCLOSE, XI_NPF_ALL, XI_NPF_ANY
};
/* the slot of keyword word in spec ("axis keepdims"), or -1 */
int xiP_kw_slot(const char *spec, const char *word);
/* form's call with the arguments a (a method's value is argument 0), name
   the function's name token */
void xiP_np_form(xiP_parser *p, xiP_code *c, int form, const xiP_callargs *a, xiL_token name);
/* np.linalg.norm(x, ord, axis=, keepdims=): '(' taken */
void xiP_norm_call(xiP_parser *p, xiP_code *c, xiL_token name);

#endif
