/* pytry.c: Python's try statement read (try: / except C as e: / else: /
 * finally:), and Python's built-in exception classes, by name and by base,
 * which the session matches an error's class against (cmd/pytry.c).  The
 * blocks are kept as source, as an if's are, and read once here for their
 * syntax errors.  A try inside a def is refused: a def is compiled to code
 * that has no way to resume after an error (put the try around the call). */
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* Python's built-in exceptions that a notebook catches, each with its base
   (CPython's hierarchy); the index is the class's bit in an except's mask */
static const struct {
  const char *name;
  int base;
} classes[XI_EXC_COUNT] = {
    [XI_EXC_BASE] = {"BaseException", -1},
    [XI_EXC_EXCEPTION] = {"Exception", XI_EXC_BASE},
    [XI_EXC_ARITHMETIC] = {"ArithmeticError", XI_EXC_EXCEPTION},
    [XI_EXC_ZERODIV] = {"ZeroDivisionError", XI_EXC_ARITHMETIC},
    [XI_EXC_OVERFLOW] = {"OverflowError", XI_EXC_ARITHMETIC},
    [XI_EXC_FLOATINGPOINT] = {"FloatingPointError", XI_EXC_ARITHMETIC},
    [XI_EXC_LOOKUP] = {"LookupError", XI_EXC_EXCEPTION},
    [XI_EXC_INDEX] = {"IndexError", XI_EXC_LOOKUP},
    [XI_EXC_KEY] = {"KeyError", XI_EXC_LOOKUP},
    [XI_EXC_VALUE] = {"ValueError", XI_EXC_EXCEPTION},
    [XI_EXC_TYPE] = {"TypeError", XI_EXC_EXCEPTION},
    [XI_EXC_NAME] = {"NameError", XI_EXC_EXCEPTION},
    [XI_EXC_UNBOUND] = {"UnboundLocalError", XI_EXC_NAME},
    [XI_EXC_ASSERTION] = {"AssertionError", XI_EXC_EXCEPTION},
    [XI_EXC_IMPORT] = {"ImportError", XI_EXC_EXCEPTION},
    [XI_EXC_NOMODULE] = {"ModuleNotFoundError", XI_EXC_IMPORT},
    [XI_EXC_RUNTIME] = {"RuntimeError", XI_EXC_EXCEPTION},
    [XI_EXC_NOTIMPL] = {"NotImplementedError", XI_EXC_RUNTIME},
    [XI_EXC_RECURSION] = {"RecursionError", XI_EXC_RUNTIME},
    [XI_EXC_ATTRIBUTE] = {"AttributeError", XI_EXC_EXCEPTION},
    [XI_EXC_OS] = {"OSError", XI_EXC_EXCEPTION},
    [XI_EXC_FILENOTFOUND] = {"FileNotFoundError", XI_EXC_OS},
    [XI_EXC_STOPITERATION] = {"StopIteration", XI_EXC_EXCEPTION},
    [XI_EXC_KEYBOARD] = {"KeyboardInterrupt", XI_EXC_BASE},
};

int xiP_exc_class(const char *name, size_t len) {
  for (int k = 0; k < XI_EXC_COUNT; k++)
    if (strlen(classes[k].name) == len && memcmp(classes[k].name, name, len) == 0)
      return k;
  return -1;
}

const char *xiP_exc_name(int cls) {
  return cls >= 0 && cls < XI_EXC_COUNT ? classes[cls].name : "?";
}

int xiP_exc_catches(uint32_t mask, int cls) {
  for (int c = cls; c >= 0; c = classes[c].base)
    if (mask & (1u << c))
      return 1;
  return 0;
}

int xiP_read_exc_class(xiP_parser *p, const char *expected, xiL_token *t) {
  *t = xiP_expect(p, T_NAME, expected);
  if (xiP_word_is(p, t, "builtins") && xiP_is(p, T_DOT)) {
    xiP_take(p);
    *t = xiP_expect(p, T_NAME, "an exception's class after builtins.");
  }
  return xiP_exc_class(p->lx.src + t->off, t->len);
}

/* one class of an except's: a built-in's name (builtins.ValueError too) */
static uint32_t one_class(xiP_parser *p) {
  xiL_token t;
  int k = xiP_read_exc_class(p, "an exception's class, as in except ValueError:", &t);
  if (k < 0 || k == XI_EXC_KEYBOARD)
    xiP_fail(p, t.pos, "except %.*s: xi catches Python's built-in exceptions it can tell apart "
                       "(ZeroDivisionError, ValueError, IndexError, KeyError, TypeError, "
                       "NameError, AssertionError, ImportError, Exception and their bases), "
                       "not this one",
             (int)t.len, p->lx.src + t.off);
  return 1u << k;
}

/* what follows except: nothing (every class), C, or (C1, C2, ...); then as e */
static void except_header(xiP_parser *p, xiP_item *it) {
  uint32_t mask = 0;
  it->name = XI_NONE;
  if (xiP_is(p, T_COLON)) {
    it->len = 1u << XI_EXC_BASE; /* a bare except: (KeyboardInterrupt is never caught) */
    return;
  }
  if (xiP_is(p, T_LP)) {
    xiP_take(p);
    do {
      if (xiP_is(p, T_RP))
        break;
      mask |= one_class(p);
    } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
    xiP_expect(p, T_RP, "')' after the except's classes");
  } else {
    mask = one_class(p);
    if (xiP_is(p, T_COMMA))
      xiP_fail(p, xiP_peek(p)->pos, "multiple exception types must be parenthesized "
                                    "(SyntaxError, as Python says): except (A, B):");
  }
  if (!mask)
    xiP_fail(p, it->pos, "except () catches nothing: name a class, except ValueError:");
  it->len = mask;
  xiL_token as = *xiP_peek(p);
  if (as.type == T_NAME && xiP_keyword(xiP_tag_of(p, &as)) == KW_AS) {
    xiP_take(p);
    xiL_token n = xiP_expect(p, T_NAME, "a name after as, as in except ValueError as e:");
    xiP_bindable(p, &n);
    it->name = xiP_name_id(p, &n);
  }
}

/* a handler's block (its header read to the ':'), into it, read once */
static void handler_block(xiP_parser *p, xiL_token head, xiL_token kw, xiP_item *it) {
  xiP_expect(p, T_COLON, "':' after the header");
  size_t off, end;
  xi_pos at;
  xiP_block(p, head.pos.col, kw, &off, &end, &at);
  it->off = off, it->end = end, it->at = at;
  xiP_check_block(p, off, end, at, 0);
}

void xiP_try_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (p->in_def)
    xiP_fail(p, head.pos, "try inside a def or a method is not part of xi: put the try around "
                          "the call (try: r = f(x) / except ZeroDivisionError: r = 0.0)");
  st->kind = S_TRY;
  xiP_enter(p, head.pos);
  xiP_expect(p, T_COLON, "':' after try");
  size_t off, end;
  xiP_block(p, head.pos.col, head, &off, &end, &st->body_pos);
  st->body_off = off, st->body_len = end - off;
  xiP_check_block(p, off, end, st->body_pos, 0);
  int excepts = 0, bare = 0, els = 0, fin = 0;
  xiL_token kw;
  while (xiP_continues(p, head.pos.col, KW_EXCEPT, KW_ELSE, &kw) ||
         xiP_continues(p, head.pos.col, KW_FINALLY, KW_FINALLY, &kw)) {
    int k = xiP_keyword(xiP_tag_of(p, &kw));
    p->ended = 0; /* (in the header's line: an error there skips the rest and its block) */
    if (fin)
      xiP_fail(p, kw.pos, "%s after finally (a try's finally comes last)",
               k == KW_ELSE ? "else" : "except");
    if (k == KW_EXCEPT && els)
      xiP_fail(p, kw.pos, "except after a try's else (the excepts come first)");
    if (k == KW_EXCEPT && bare)
      xiP_fail(p, kw.pos, "default 'except:' must be last (SyntaxError, as Python says)");
    if (k == KW_ELSE && (els || !excepts))
      xiP_fail(p, kw.pos, els ? "a second else after the try"
                              : "a try's else needs an except before it");
    if (k == KW_EXCEPT && xiP_is(p, T_STAR))
      xiP_fail(p, xiP_peek(p)->pos, "except* (exception groups) is not part of xi");
    xiP_item *it = xiP_new_item(p, st, k == KW_EXCEPT ? I_EXCEPT : k == KW_ELSE ? I_ELSE
                                                                                : I_FINALLY,
                                kw.pos);
    uint32_t at = st->nitems - 1;
    if (k == KW_EXCEPT) {
      except_header(p, it);
      bare = st->items[at].len == 1u << XI_EXC_BASE && st->items[at].name == XI_NONE &&
             p->last_end == kw.off + kw.len;
      excepts++;
    }
    els |= k == KW_ELSE, fin |= k == KW_FINALLY;
    handler_block(p, head, kw, &st->items[at]);
  }
  if (!excepts && !fin)
    xiP_fail(p, head.pos, "expected 'except' or 'finally' block (SyntaxError, as Python says): "
                          "a try has an except: or a finally: after its block");
  p->blocks--;
}
