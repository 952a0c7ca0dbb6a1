/* pystmt.c: the statements of Python's that tutorials use, read into xi's
 * statements: def (a function, as f(x) = ... makes), for i in range(...),
 * while (with break and continue), if / elif / else, print(...) with
 * f-strings, import, return, raise, pass.  A block
 * is the indented lines after a header's ':' (or the rest of its line); the
 * parser checks its indentation as Python does, and reads it once to report
 * its syntax errors before anything runs.  A for, a while or an if keeps the block's
 * source, which the REPL runs (reading it again each time, as repeat does); a
 * def compiles its body to code with locals (K_LET, in pydef.c); print and
 * the strings it prints are read in pyprint.c, import in pyimport.c.
 * Whatever else Python has
 * (global, yield ...) gets a message that says what to write in xi.
 * What these files share is declared in parse_int.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

#define XI_MAX_BLOCKS 100 /* blocks inside blocks */

xiP_item *xiP_new_item(xiP_parser *p, xiP_stmt *st, int kind, xi_pos pos) {
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

int xiP_at_line_end(xiP_parser *p) {
  xiL_type t = xiP_peek(p)->type;
  return t == T_NL || t == T_EOF;
}

/* ---- blocks ---- */

/* Python's name for what a header opens, for "expected an indented block
   after ...": function definition, class definition, 'for' statement ... */
static void header_words(xiP_parser *p, xiL_token head, char *buf, size_t n) {
  const char *w = p->lx.src + head.off;
  int len = (int)head.len;
  if (xiP_word_is(p, &head, "def") || xiP_word_is(p, &head, "class"))
    snprintf(buf, n, "%s definition", w[0] == 'd' ? "function" : "class");
  else
    snprintf(buf, n, "'%.*s' statement", len, w);
}

_Noreturn static void no_body(xiP_parser *p, xi_pos at, xiL_token head) {
  char what[64];
  header_words(p, head, what, sizeof what);
  xiP_fail(p, at, "IndentationError: expected an indented block after %s on line %u (a line "
                  "ending in ':' is followed by lines indented under it)", what, head.pos.line);
}

/* a line's indentation measured as Python measures it twice: a tab as one
   column (w1) and as up to the next multiple of 8 (w8); Python's TabError is
   the two measures disagreeing on which of two lines is indented more */
static void widths(const char *s, size_t n, uint32_t *w1, uint32_t *w8) {
  *w1 = *w8 = 0;
  for (size_t i = 0; i < n; i++) {
    ++*w1;
    *w8 = s[i] == '\t' ? (*w8 / 8 + 1) * 8 : *w8 + 1;
  }
}

static int sign(long d) { return (d > 0) - (d < 0); }

/* The block after a header's ':' (taken): the rest of the line, or the lines
   indented more than the header (at column col).  Its source is [*off, *end)
   and starts at *at; the lexer is left at the line after it.  The lines are
   checked as Python checks them, with Python's words: IndentationError,
   TabError. */
void xiP_block(xiP_parser *p, uint32_t col, xiL_token head, size_t *off, size_t *end,
               xi_pos *at) {
  if (!xiP_at_line_end(p)) { /* for i in range(3): print(i) */
    xiL_token t = *xiP_peek(p);
    *off = t.off, *at = t.pos;
    while (!xiP_at_line_end(p))
      xiP_take(p);
    *end = p->last_end;
    p->ended = 0;
    return;
  }
  if (xiP_is(p, T_EOF))
    no_body(p, head.pos, head);
  xiP_take(p);      /* the newline: the lexer is at the start of the next line */
  p->have_tok = 0;
  *off = p->lx.off;
  *at = (xi_pos){p->lx.line, 1};
  uint32_t body = 0, b1 = 0, b8 = 0;
  int opened = 0; /* the last line at the block's indentation ends in ':' */
  for (;;) {
    xiL_lexer save = p->lx;
    xiL_token t = xiL_next(&p->lx);
    if (t.type == T_NL)
      continue; /* a blank line, or only a comment */
    if (t.type == T_EOF || (t.type != T_ERROR && t.pos.col <= col)) {
      p->lx = save; /* the block ends before this line */
      if (!body)
        no_body(p, t.type == T_EOF ? head.pos : t.pos, head);
      break;
    }
    uint32_t here = t.pos.col;
    if (t.type != T_ERROR) { /* an error is reported when the block is read */
      size_t ls = t.off;     /* the line's indentation, as bytes */
      while (ls && p->lx.src[ls - 1] != '\n')
        ls--;
      uint32_t w1, w8;
      widths(p->lx.src + ls, t.off - ls, &w1, &w8);
      if (!body)
        body = here, b1 = w1, b8 = w8;
      else if (sign((long)w1 - (long)b1) != sign((long)w8 - (long)b8))
        xiP_fail(p, t.pos, "TabError: inconsistent use of tabs and spaces in indentation "
                           "(indent with spaces only)");
      else if (here < body)
        xiP_fail(p, t.pos, "IndentationError: unindent does not match any outer indentation "
                           "level (line up this line with the lines of a block around it)");
      else if (here > body && !opened)
        xiP_fail(p, t.pos, "IndentationError: unexpected indent (this line is indented more "
                           "than the one before it, which does not end with ':')");
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
void xiP_check_block(xiP_parser *p, size_t off, size_t end, xi_pos at, int loop) {
  xiP_parser sub;
  xiP_init_at(&sub, p->sym, p->lx.src, end, off, at);
  xiP_set_python(&sub, p->python);
  sub.loops = loop ? 1 : p->loops; /* a loop's body may break; an if's, as its block */
  sub.in_def = p->in_def;
  sub.in_method = p->in_method;
  sub.blocks = p->blocks;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  int r;
  while ((r = xiP_next(&sub, &st, p->err)) > 0)
    ;
  xiP_stmt_done(&st);
  if (r < 0)
    xiP_unwind(p); /* the message is in p->err */
}

void xiP_enter(xiP_parser *p, xi_pos pos) {
  if (++p->blocks > XI_MAX_BLOCKS)
    xiP_fail(p, pos, "blocks nested more than %d deep", XI_MAX_BLOCKS);
}

/* the next line goes on with one of the keywords kw1, kw2 at column col
   (else, elif): taken, in *out; otherwise nothing is taken */
int xiP_continues(xiP_parser *p, uint32_t col, int kw1, int kw2, xiL_token *out) {
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

/* a loop's else (Python runs it when the loop ends without break): refused
   by name, where it would otherwise read as an else without its if */
static void no_loop_else(xiP_parser *p, xiL_token head, const char *loop) {
  xiL_token e;
  if (!xiP_continues(p, head.pos.col, KW_ELSE, KW_ELSE, &e))
    return;
  if (xiP_is(p, T_COLON)) { /* its block read, so that the next statement is after it */
    size_t off, end;
    xi_pos at;
    xiP_take(p);
    xiP_enter(p, e.pos);
    xiP_block(p, head.pos.col, e, &off, &end, &at);
    p->blocks--;
  }
  xiP_fail(p, e.pos, "else after a %s loop (Python runs it when the loop ends without "
                       "break) is not part of xi: set a flag, found = False before the loop "
                       "and found = True before break, then write if not found: after it",
             loop);
}

/* for i in range(...): (code: range's numbers, as a tuple), or for x in xs:
   and for i, x in enumerate(xs): (iterable: code makes what is walked, and
   names are the targets) */
static void for_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  st->kind = S_FOR;
  uint32_t names[8], nslots;
  xi_pos at[8];
  uint8_t slot[8];
  uint32_t n = xiP_for_targets(p, names, at, 8, slot, &nslots);
  memcpy(st->slot, slot, sizeof slot);
  st->nslots = (uint8_t)nslots;
  if (n > 1 && !p->python)
    xiP_fail(p, at[1], "a for in xi's own language takes one name: for i in range(n): (for i, "
                       "x in enumerate(xs): is Python's: a .py file, or after import)");
  for (uint32_t k = 0; k < n; k++)
    xiP_add_name(p, st, names[k], at[k]);
  st->name = names[0];
  st->target_pos = at[0];
  xiL_token in = *xiP_peek(p);
  if (xiP_keyword(xiP_tag_of(p, &in)) != KW_IN)
    xiP_unexpected(p, "in, as in for x in xs:");
  xiP_take(p);
  xiL_token r = *xiP_peek(p);
  int range = n == 1 && xiP_word_is(p, &r, "range");
  if (range) { /* the numbers themselves, not a range made to be walked */
    xiP_take(p);
    range = xiP_is(p, T_LP);
    xiP_put_back(p, &r);
  }
  if (range) {
    xiP_take(p);
    xiP_expect(p, T_LP, "'(' after range");
    uint16_t k = 0;
    do {
      p->depth = 0;
      xiP_expr(p, &st->code);
      k++;
    } while (k < 3 && xiP_is(p, T_COMMA) && (xiP_take(p), 1));
    xiP_expect(p, T_RP, "')': range takes 1 to 3 numbers (stop; start, stop; start, stop, step)");
    xiP_ins ins = {K_TUPLE, 0, 0, k, 0, r.pos};
    xiP_emit(p, &st->code, ins);
  } else {
    st->iterable = 1;
    p->depth = 0;
    xiP_expr_list(p, &st->code);
  }
  xiP_expect(p, T_COLON, "':' after the for's header");
  size_t off, end;
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, &off, &end, &st->body_pos);
  st->body_off = off, st->body_len = end - off;
  xiP_check_block(p, off, end, st->body_pos, 1);
  p->blocks--;
  no_loop_else(p, head, "for");
}

/* while c: its block runs again while c holds (one number, as an if's) */
static void while_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  st->kind = S_WHILE;
  xiP_new_item(p, st, I_COND, xiP_peek(p)->pos);
  p->depth = 0;
  xiP_expr(p, &st->items[0].code);
  xiP_expect(p, T_COLON, "':' after the while's condition");
  size_t off, end;
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, &off, &end, &st->body_pos);
  st->body_off = off, st->body_len = end - off;
  xiP_check_block(p, off, end, st->body_pos, 1);
  p->blocks--;
  no_loop_else(p, head, "while");
}

static void if_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  st->kind = S_IF;
  xiL_token kw = head;
  xiP_enter(p, head.pos);
  for (;;) {
    int is_else = xiP_keyword(xiP_tag_of(p, &kw)) == KW_ELSE;
    uint32_t k = st->nitems;
    xiP_new_item(p, st, is_else ? I_ELSE : I_COND, is_else ? kw.pos : xiP_peek(p)->pos);
    if (!is_else) {
      p->depth = 0;
      xiP_expr(p, &st->items[k].code);
    }
    xiP_expect(p, T_COLON, is_else ? "':' after else" : "':' after the condition");
    size_t off, end;
    xi_pos at;
    xiP_block(p, head.pos.col, kw, &off, &end, &at);
    st->items[k].off = off, st->items[k].end = end, st->items[k].at = at;
    xiP_check_block(p, off, end, at, 0);
    if (is_else || !xiP_continues(p, head.pos.col, KW_ELIF, KW_ELSE, &kw))
      break;
  }
  p->blocks--;
}

/* global a, b: the names (pydef.c reads them in a def's body; at the top they
   change nothing, as in Python) */
static void global_names(xiP_parser *p, xiP_stmt *st) {
  do {
    xiL_token n = xiP_expect(p, T_NAME, "a name after global");
    if (TAG_KIND(xiP_tag_of(p, &n)) == TAG_KEYWORD)
      xiP_fail(p, n.pos, "'%.*s' is a word of Python's", (int)n.len, p->lx.src + n.off);
    xiP_add_name(p, st, xiP_name_id(p, &n), n.pos);
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  st->kind = S_GLOBAL;
}

/* ---- the dispatch ---- */

/* a statement xi refuses, read to its end (with its block, when its line
   ends in ':'), so that what follows is read as it was meant */
static void skip_refused(xiP_parser *p, xiL_token head) {
  xiL_type last = T_NL;
  while (!xiP_at_line_end(p) && !xiP_is(p, T_ERROR)) {
    last = xiP_peek(p)->type;
    xiP_take(p);
  }
  if (last == T_COLON) {
    size_t off, end;
    xi_pos at;
    xiP_block(p, head.pos.col, head, &off, &end, &at);
    p->ended = 1;
  }
}

/* skip_refused, its own errors kept quiet (the statement's message is the one) */
static void quietly_skip(xiP_parser *p, xiL_token head) {
  jmp_buf outer;
  xi_err quiet, *e = p->err, keep = *e;
  memcpy(outer, p->fail, sizeof outer);
  p->err = &quiet;
  xiP_held *held = p->held; /* a failure here is recovered from: it keeps what is held */
  p->held = NULL;
  if (!setjmp(p->fail))
    skip_refused(p, head);
  p->held = held;
  memcpy(p->fail, outer, sizeof outer);
  p->err = e;
  *e = keep;
}

/* raise C, raise C(), raise C(message): an assert whose condition is False, its
   class in has_number (the class + 1), the message as print's argument: Python's
   str(e), which is repr(message) for a KeyError */
static void raise_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (xiP_at_line_end(p) || xiP_is(p, T_SEMI))
    xiP_fail(p, head.pos, "a bare raise (the exception being handled, raised again) is not "
                          "part of xi: raise ValueError(\"...\") names the class");
  xiL_token t;
  int cls = xiP_read_exc_class(p, "an exception's class after raise: raise ValueError(\"...\")",
                               &t);
  if (cls < 0 || cls == XI_EXC_KEYBOARD)
    xiP_fail(p, t.pos, "raise %.*s: xi raises Python's built-in exceptions (ValueError, "
                       "TypeError, KeyError, IndexError, RuntimeError, NotImplementedError, "
                       "Exception ...), not this one (a class of the program's own and "
                       "KeyboardInterrupt are not part of xi)", (int)t.len, p->lx.src + t.off);
  st->kind = S_ASSERT;
  st->has_number = cls + 1;
  xiP_item *c = xiP_new_item(p, st, I_COND, t.pos);
  xiP_ins no = {K_NUM, 0, 0, 0, xiP_intern(p, "False", 5, t.pos), t.pos};
  xiP_emit(p, &c->code, no);
  if (xiP_is(p, T_LP)) {
    xiP_take(p);
    if (!xiP_is(p, T_RP)) {
      p->depth = 0;
      if (cls == XI_EXC_KEY) { /* str(KeyError('b')) is "'b'": the value's repr */
        xiL_token v = *xiP_peek(p);
        xiP_new_item(p, st, I_ARG, v.pos);
        xiP_item *it = xiP_new_item(p, st, I_VALUE, v.pos);
        it->conv = 'r';
        it->off = v.off;
        xiP_expr(p, &st->items[st->nitems - 1].code);
        st->items[st->nitems - 1].end = p->last_end;
      } else {
        xiP_print_arg(p, st);
      }
      if (xiP_is(p, T_COMMA))
        xiP_fail(p, xiP_peek(p)->pos, "raise %s(a, b): its text would be the tuple's; xi "
                                      "raises an exception with one message: raise %s(f\"...\")",
                 xiP_exc_name(cls), xiP_exc_name(cls));
    }
    xiP_expect(p, T_RP, "')' after the exception's message");
  }
  if (xiP_is(p, T_NAME) && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FROM)
    xiP_fail(p, xiP_peek(p)->pos, "raise ... from ... is not part of xi: raise the exception "
                                  "alone (Python's traceback is the only difference)");
}

void xiP_python(xiP_parser *p, xiP_stmt *st, xiL_token first, int kw) {
  const char *s = p->lx.src + first.off;
  int n = (int)first.len;
  xiP_take(p);
  if (kw != KW_PRINT && kw != KW_DEF && kw != KW_FOR && kw != KW_IF && kw != KW_IMPORT &&
      kw != KW_FROM && kw != KW_PASS && kw != KW_RETURN && kw != KW_WHILE && kw != KW_BREAK &&
      kw != KW_CONTINUE && kw != KW_WITH && kw != KW_CLASS && kw != KW_ASSERT && kw != KW_TRY &&
      kw != KW_RAISE && !(kw == KW_GLOBAL && p->python)) {
    quietly_skip(p, first); /* refused: read past it first (the message is the refusal) */
  }
  if (kw == KW_DEF || kw == KW_FOR || kw == KW_IF || kw == KW_WHILE || kw == KW_WITH ||
      kw == KW_CLASS || kw == KW_TRY) { /* an error in a header skips its block */
    jmp_buf outer;
    memcpy(outer, p->fail, sizeof outer);
    if (setjmp(p->fail)) {
      memcpy(p->fail, outer, sizeof outer);
      if (!p->ended)
        quietly_skip(p, first);
      xiP_unwind(p);
    }
    if (kw == KW_DEF)
      xiP_def_stmt(p, st, first);
    else if (kw == KW_CLASS)
      xiP_class_stmt(p, st, first);
    else if (kw == KW_FOR)
      for_stmt(p, st, first);
    else if (kw == KW_WHILE)
      while_stmt(p, st, first);
    else if (kw == KW_WITH)
      xiP_with_stmt(p, st, first);
    else if (kw == KW_TRY)
      xiP_try_stmt(p, st, first);
    else
      if_stmt(p, st, first);
    memcpy(p->fail, outer, sizeof outer);
    return;
  }
  switch (kw) {
  case KW_PRINT: xiP_print_stmt(p, st); return;
  case KW_IMPORT: xiP_import_stmt(p, st, 0); return;
  case KW_FROM: xiP_import_stmt(p, st, 1); return;
  case KW_PASS: st->kind = S_NOTHING; return;
  case KW_RETURN:
    if (!p->in_def)
      xiP_fail(p, first.pos, "return outside a def");
    if (p->in_method && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_NONE) {
      xiL_token none = xiP_take(p); /* return None: what a method without return gives */
      if (xiP_at_line_end(p) || xiP_is(p, T_SEMI)) {
        xiP_ins ins = {K_NONE, 0, 0, 0, 0, none.pos};
        st->kind = S_RETURN;
        xiP_emit(p, &st->code, ins);
        return;
      }
      xiP_put_back(p, &none);
    }
    if ((xiP_at_line_end(p) || xiP_is(p, T_SEMI)) && p->in_method) {
      xiP_ins none = {K_NONE, 0, 0, 0, 0, first.pos}; /* a method's bare return: None */
      st->kind = S_RETURN;
      xiP_emit(p, &st->code, none);
      return;
    }
    if (xiP_at_line_end(p) || xiP_is(p, T_SEMI))
      xiP_fail(p, first.pos, "a function in xi gives a value: return x");
    st->kind = S_RETURN;
    p->depth = 0;
    xiP_expr_list(p, &st->code);
    return;
  case KW_ELIF:
  case KW_ELSE:
    xiP_fail(p, first.pos, "%.*s without an if before it at the same indentation", n, s);
  case KW_EXCEPT:
  case KW_FINALLY:
    xiP_fail(p, first.pos, "%.*s without a try before it at the same indentation", n, s);
  case KW_ASSERT: /* assert c, msg: the message as print's argument */
    st->kind = S_ASSERT;
    xiP_new_item(p, st, I_COND, xiP_peek(p)->pos);
    p->depth = 0;
    xiP_expr(p, &st->items[0].code);
    if (xiP_is(p, T_COMMA)) {
      xiP_take(p);
      p->depth = 0;
      xiP_print_arg(p, st);
    }
    return;
  case KW_RAISE:
    raise_stmt(p, st, first);
    return;
  case KW_BREAK:
  case KW_CONTINUE:
    if (!p->loops)
      xiP_fail(p, first.pos, "'%.*s' outside loop (as Python says: it belongs in the block of "
                             "a for or a while loop)", n, s);
    st->kind = kw == KW_BREAK ? S_BREAK : S_CONTINUE;
    return;
  case KW_GLOBAL:
    if (p->python) {
      global_names(p, st);
      return;
    }
    xiP_fail(p, first.pos, "global is not part of xi's own language: a def reads the "
                           "session's names, and changes none (Python's code, a .py file or "
                           "after import, has global)");
  case KW_NONLOCAL:
    xiP_fail(p, first.pos, "nonlocal is not part of xi: a def inside a def reads the names of "
                           "the def around it, and changes the lists, sets and objects they "
                           "hold (topo.append(v), self.grad += g), but does not give them new "
                           "values (return the new value, or keep it in a list or an attribute)");
  default:
    xiP_fail(p, first.pos, "Python's '%.*s' is not part of xi", n, s);
  }
}