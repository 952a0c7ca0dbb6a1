/* pyimport.c: Python's import statements (import numpy as np, import a.b,
 * from numpy import exp, from math import log, from random import randrange,
 * from micrograd.engine import Value): each name bound to the module or the
 * function xi has for it, or refused with what to write instead.  A part of
 * the parser (xiP_, parse.h): pystmt.c sends import and from here; what the
 * parts share is declared in parse_int.h. */
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

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
  xiP_item *it = xiP_new_item(p, st, I_IMPORT, m.pos);
  it->name = id;
  it->off = m.off, it->end = m.off + len;
  size_t top = alias.off == m.off ? alias.len : len; /* import numpy.random binds numpy */
  int numpy = top == 5 && memcmp(text, "numpy", 5) == 0;
  int math = top == 4 && memcmp(text, "math", 4) == 0;
  int random = top == 6 && len == 6 && memcmp(text, "random", 6) == 0;
  if (TAG_KIND(xiP_tag_of(p, &alias)) == TAG_KEYWORD)
    xiP_fail(p, alias.pos, "'%.*s' is a word of Python's", (int)alias.len, p->lx.src + alias.off);
  uint16_t torch = xiP_torch_import(p, text, len, alias, 0);
  if (torch) { /* import torch (as T) */
    xiS_set_tag(p->sym, id, torch);
    return;
  }
  xiS_set_tag(p->sym, id, (uint16_t)(numpy    ? TAG_MODULE + MOD_NUMPY
                                     : math   ? TAG_MODULE + MOD_MATH
                                     : random ? TAG_MODULE + MOD_RANDOM
                                              : TAG_FOREIGN));
  if (!numpy && !math && !random && xiS_link(p->sym, id, module))
    xiP_fail(p, m.pos, "out of memory");
}

static int word_kw(xiP_parser *p, int kw) {
  return xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == kw;
}

/* from random import seed, randrange, randint: each name the function of Python's random
   (numpy.c's random_call); another is refused, its numbers would not be CPython's */
static void from_random(xiP_parser *p) {
  if (xiP_is(p, T_STAR))
    xiP_fail(p, xiP_peek(p)->pos, "from random import *: import the names, from random "
                                  "import randrange");
  do {
    xiL_token n = xiP_expect(p, T_NAME, "a name to import");
    static const char *const drawn[] = {"seed",    "randrange", "randint", "random",
                                        "uniform", "choice",    "shuffle", "gauss",
                                        "normalvariate", "sample"};
    size_t d = 0;
    while (d < sizeof drawn / sizeof *drawn && !xiP_word_is(p, &n, drawn[d]))
      d++;
    if (d == sizeof drawn / sizeof *drawn)
      xiP_fail(p, n.pos, "from random import %.*s: xi draws random's seed, randrange, "
                         "randint, random, uniform, choice, shuffle, gauss, normalvariate and "
                         "sample as CPython does, and no other function of random's",
               (int)n.len, p->lx.src + n.off);
    if (TAG_KIND(xiP_tag_of(p, &n)) == TAG_KEYWORD)
      xiP_fail(p, n.pos, "'%.*s' is a word of Python's", (int)n.len, p->lx.src + n.off);
    xiS_set_tag(p->sym, xiP_name_id(p, &n), TAG_MODULE + MOD_RANDFN);
    if (word_kw(p, KW_AS))
      xiP_fail(p, xiP_peek(p)->pos, "from ... import ... as ... is not part of xi");
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

/* a builtin of Python's that NumPy has a function of the same name for: how the two
   differ, or NULL */
static const char *py_builtin_word(xiP_parser *p, const xiL_token *n) {
  static const char *const words[][2] = {
      {"sum", "np.sum(M) of a matrix is one number, Python's sum(M) adds up its rows"},
      {"max", "np.max(M) is the largest element, Python's max(M) compares rows"},
      {"min", "np.min(M) is the smallest element, Python's min(M) compares rows"},
      {"all", "np.all(M) of a matrix is one bool, Python's all(M) asks each row's truth"},
      {"any", "np.any(M) of a matrix is one bool, Python's any(M) asks each row's truth"},
      {"round", "np.round(2.675, 2) is 2.68, Python's round(2.675, 2) is 2.67"},
      {"abs", "np.abs(-2) is NumPy's int64, Python's abs(-2) an int"}};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (xiP_word_is(p, n, words[k][0]))
      return words[k][1];
  return NULL;
}

void xiP_import_stmt(xiP_parser *p, xiP_stmt *st, int from) {
  st->kind = S_IMPORT;
  if (from) { /* from numpy import exp, log: names xi has; from pandas import X: foreign */
    size_t len;
    xiL_token m = module_path(p, &len);
    if (!word_kw(p, KW_IMPORT))
      xiP_unexpected(p, "import, as in from numpy import exp");
    xiP_take(p);
    int known = (len == 5 && memcmp(p->lx.src + m.off, "numpy", 5) == 0) ||
                (len == 4 && memcmp(p->lx.src + m.off, "math", 4) == 0);
    if (len == 6 && memcmp(p->lx.src + m.off, "random", 6) == 0) {
      from_random(p);
      return;
    }
    int math = known && len == 4;
    if (xiP_is(p, T_STAR)) {
      xiL_token star = xiP_take(p);
      if (!known)
        xiP_fail(p, m.pos, "from %.*s import *: xi does not have this module", (int)len,
                 p->lx.src + m.off);
      if (!math) /* (NumPy's __all__ has sum, all and any) */
        xiP_fail(p, star.pos, "from numpy import * hides Python's builtins sum, all and any "
                              "with NumPy's functions (np.sum(M) of a matrix is one number, "
                              "Python's sum(M) adds up its rows), and xi keeps Python's: write "
                              "import numpy as np, and np.sum");
      xiP_math_import(p, NULL, 1, star.pos); /* log(0) is math.log(0) from here on */
      return;
    }
    do {
      xiL_token n = xiP_expect(p, T_NAME, "a name to import");
      uint16_t torch = xiP_torch_import(p, p->lx.src + m.off, len, n, 1);
      if (torch) { /* from micrograd.engine import Value */
        xiS_set_tag(p->sym, xiP_name_id(p, &n), torch);
      } else if (len == 12 && memcmp(p->lx.src + m.off, "numpy.random", 12) == 0 &&
                 xiP_word_is(p, &n, "default_rng")) { /* NumPy's documents' spelling */
        xiS_set_tag(p->sym, xiP_name_id(p, &n), TAG_MODULE + MOD_DEFRNG);
      } else if (!known) {
        import_as(p, st, m, len, n);
      } else if (math) { /* from math import log: math.log, whose errors are Python's */
        int got = xiP_math_import(p, &n, 1, n.pos);
        if (got != 1 && !xiP_word_is(p, &n, "pi") && !xiP_word_is(p, &n, "e"))
          xiP_fail(p, n.pos, got ? "from math import %.*s: xi has math.%.*s, not the name "
                                   "alone: write math.%.*s"
                                 : "from math import %.*s: xi has no math.%.*s (help python "
                                   "lists math's functions it has)%.*s",
                   (int)n.len, p->lx.src + n.off, (int)n.len, p->lx.src + n.off,
                   got ? (int)n.len : 0, p->lx.src + n.off);
      } else if (py_builtin_word(p, &n)) {
        xiP_fail(p, n.pos, "from numpy import %.*s hides Python's builtin %.*s with NumPy's "
                           "function (%s), and xi keeps Python's: write np.%.*s",
                 (int)n.len, p->lx.src + n.off, (int)n.len, p->lx.src + n.off,
                 py_builtin_word(p, &n), (int)n.len, p->lx.src + n.off);
      } else if (TAG_KIND(xiP_tag_of(p, &n)) != TAG_OP && TAG_KIND(xiP_tag_of(p, &n)) != TAG_MAKER &&
                 !xiP_word_is(p, &n, "pi") && !xiP_word_is(p, &n, "e")) {
        xiP_fail(p, n.pos, "from %.*s import %.*s: xi has no %.*s of that name (write "
                           "np.%.*s, or see help numpy)",
                 (int)len, p->lx.src + m.off, (int)n.len, p->lx.src + n.off, (int)len,
                 p->lx.src + m.off, (int)n.len, p->lx.src + n.off);
      }
      if (known && !math)
        xiP_math_import(p, &n, 0, n.pos); /* from numpy import log: NumPy's log again */
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
