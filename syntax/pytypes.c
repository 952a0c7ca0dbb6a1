/* pytypes.c: Python's isinstance(x, T) and type(x), read: isinstance(x, (int,
 * float)), isinstance(x, np.ndarray), type(x).__name__, type(x) == list (and
 * !=, is, is not, in (T1, T2)), type(x) == type(y), and type(x) where it is
 * printed (<class 'float'>).  The types T names are known here, as a mask of
 * XI_TY_* (code.h); the tape answers for x (tape/pytype.c), or says that it
 * cannot tell Python's number from NumPy's.  A type is not a value in xi:
 * t = type(x) holds its printed text, and a class of the program's own as T
 * is refused. */
#include <stdio.h>
#include <string.h>

#include "syntax/parse_int.h"

#define ALL_TYPES ((1u << XI_TY_COUNT) - 1)
#define BIT(t) (1u << XI_TY_##t)

/* T's types: isinstance's (a base takes its subclasses: float takes numpy.float64,
   int takes bool) or, for type(x) == T, only T's own */
typedef struct {
  uint32_t name[4];
  xi_pos pos[4];
  int n;
} classes;

static uint32_t one_type(xiP_parser *p, int isinst, classes *cl) {
  xiL_token t = xiP_expect(p, T_NAME, "a type: int, float, str, list, np.ndarray ...");
  static const struct {
    const char *name;
    uint32_t own, all;
  } builtins[] = {
      {"int", BIT(INT), BIT(INT) | BIT(BOOL)},  {"float", BIT(FLOAT), BIT(FLOAT) | BIT(F64)},
      {"bool", BIT(BOOL), BIT(BOOL)},           {"str", BIT(STR), BIT(STR)},
      {"list", BIT(LIST), BIT(LIST)},           {"dict", BIT(DICT), BIT(DICT)},
      {"tuple", BIT(TUPLE), BIT(TUPLE)},        {"set", BIT(SET), BIT(SET)},
      {"object", 0, ALL_TYPES}},
    numpy[] = {
      {"ndarray", BIT(NDARRAY), BIT(NDARRAY)}, {"float64", BIT(F64), BIT(F64)},
      {"double", BIT(F64), BIT(F64)},          {"float_", BIT(F64), BIT(F64)},
      {"int64", BIT(I64), BIT(I64)},           {"int_", BIT(I64), BIT(I64)},
      {"bool_", BIT(NPBOOL), BIT(NPBOOL)},     {"uint8", BIT(U8), BIT(U8)},
      {"floating", 0, BIT(F64)},               {"integer", 0, BIT(I64) | BIT(U8)},
      {"number", 0, BIT(F64) | BIT(I64) | BIT(U8)},
      {"generic", 0, BIT(F64) | BIT(I64) | BIT(U8) | BIT(NPBOOL)}};
  uint16_t tag = xiP_tag_of(p, &t);
  if (TAG_KIND(tag) == TAG_MODULE && TAG_ARG(tag) == MOD_NUMPY && xiP_is(p, T_DOT)) {
    xiP_take(p);
    xiL_token n = xiP_expect(p, T_NAME, "NumPy's type after np.: np.ndarray, np.float64");
    for (size_t k = 0; k < sizeof numpy / sizeof *numpy; k++)
      if (xiP_word_is(p, &n, numpy[k].name))
        return isinst ? numpy[k].all : numpy[k].own;
    xiP_fail(p, n.pos, "np.%.*s is not a type xi knows: np.ndarray, np.float64, np.int64, "
                       "np.bool_, np.uint8, np.floating, np.integer, np.number", (int)n.len,
             p->lx.src + n.off);
  }
  if (xiP_word_is(p, &t, "type") && xiP_is(p, T_LP)) { /* type(None) */
    xiP_take(p);
    xiL_token none = xiP_expect(p, T_NAME, "None, as in type(None)");
    if (!xiP_word_is(p, &none, "None"))
      xiP_fail(p, none.pos, "a type here is a name (int, np.ndarray) or type(None)");
    xiP_expect(p, T_RP, "')' after type(None");
    return BIT(NONE);
  }
  for (size_t k = 0; k < sizeof builtins / sizeof *builtins; k++)
    if (xiP_word_is(p, &t, builtins[k].name))
      return isinst ? builtins[k].all : builtins[k].own;
  if (TAG_KIND(tag) == TAG_NONE && !xiP_is(p, T_DOT)) { /* a class of the program's own:
                                                          the tape checks that it is one */
    if (cl->n == 4)
      xiP_fail(p, t.pos, "more than 4 classes of your own in one isinstance");
    cl->pos[cl->n] = t.pos;
    cl->name[cl->n++] = xiP_name_id(p, &t);
    return 0;
  }
  xiP_fail(p, t.pos, "%.*s as a type is not part of xi: xi knows Python's int, float, bool, str, "
                     "list, dict, tuple, set, object and type(None), NumPy's np.ndarray, "
                     "np.float64, np.int64, np.bool_, np.floating, np.integer, np.number, and "
                     "the classes of your own",
           (int)t.len, p->lx.src + t.off);
}

/* T, or (T1, T2, ...) (isinstance's may nest) */
static uint32_t types(xiP_parser *p, int isinst, int depth, classes *cl) {
  if (!xiP_is(p, T_LP))
    return one_type(p, isinst, cl);
  if (depth > 8)
    xiP_fail(p, xiP_peek(p)->pos, "types nested more than 8 deep");
  xiP_take(p);
  uint32_t mask = 0;
  while (!xiP_is(p, T_RP)) {
    mask |= types(p, isinst, depth + 1, cl);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "')' after the types");
  return mask;
}

/* the query; a class of the program's own named in it is a string after it, which the
   tape finds bound to a class when the code runs */
static void query(xiP_parser *p, xiP_code *c, int q, int negate, uint32_t mask, xi_pos pos,
                  const classes *cl) {
  char text[24];
  snprintf(text, sizeof text, "%lu", (unsigned long)q | (unsigned long)negate << 2 |
                                         (unsigned long)mask << 3);
  xiP_emit_num(p, c, text, pos);
  int n = cl ? cl->n : 0;
  for (int k = 0; k < n; k++)
    xiP_emit(p, c, (xiP_ins){K_STR, 0, 0, 0, cl->name[k], cl->pos[k]});
  xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_TYPE, 0, (uint16_t)(2 + n), 0, pos});
}

/* type(E) after its name, '(' taken: its value's code */
static void type_of(xiP_parser *p, xiP_code *c, xiL_token name) {
  int depth = p->depth;
  xiP_expr(p, c);
  p->depth = depth;
  if (xiP_is(p, T_COMMA))
    xiP_fail(p, xiP_peek(p)->pos, "type(name, bases, dict) makes a class: not part of xi");
  xiP_expect(p, T_RP, "')': type(x) takes one value");
  (void)name;
}

/* is type(None) next (a type, not type(y))?  Nothing is taken */
static int type_none(xiP_parser *p) {
  xiL_lexer lx = p->lx;
  xiL_token tok = p->tok;
  int have = p->have_tok, ended = p->ended;
  size_t last = p->last_end;
  xiP_take(p);
  int none = xiP_is(p, T_LP) && (xiP_take(p), xiP_is(p, T_NAME)) &&
             xiP_word_is(p, xiP_peek(p), "None");
  p->lx = lx, p->tok = tok, p->have_tok = have, p->ended = ended, p->last_end = last;
  return none;
}

void xiP_py_type(xiP_parser *p, xiP_code *c, xiL_token name) {
  if (xiP_word_is(p, &name, "isinstance")) {
    int depth = p->depth;
    xiP_expr(p, c);
    p->depth = depth;
    xiP_expect(p, T_COMMA, "',' and a type, as in isinstance(x, float)");
    classes cl = {{0}, {{0, 0}}, 0};
    uint32_t mask = types(p, 1, 0, &cl);
    xiP_expect(p, T_RP, "')' after isinstance's type");
    query(p, c, XI_TYQ_ISINSTANCE, 0, mask, name.pos, &cl);
    return;
  }
  type_of(p, c, name);
  xiL_token t = *xiP_peek(p);
  if (t.type == T_DOT) { /* type(x).__name__ */
    xiP_take(p);
    xiL_token n = xiP_expect(p, T_NAME, "__name__ after type(x).");
    if (!xiP_word_is(p, &n, "__name__"))
      xiP_fail(p, n.pos, "type(x).%.*s is not part of xi: type(x).__name__ is", (int)n.len,
               p->lx.src + n.off);
    query(p, c, XI_TYQ_NAME, 0, 0, name.pos, NULL);
    return;
  }
  int kw = t.type == T_NAME ? xiP_keyword(xiP_tag_of(p, &t)) : -1;
  int negate = 0;
  if (t.type == T_EQEQ || t.type == T_NE || kw == KW_IS || kw == KW_IN || kw == KW_NOT) {
    xiP_take(p);
    negate = t.type == T_NE;
    if (kw == KW_IS || kw == KW_NOT) { /* is not, not in */
      xiL_token u = *xiP_peek(p);
      int k2 = u.type == T_NAME ? xiP_keyword(xiP_tag_of(p, &u)) : -1;
      if (kw == KW_NOT && k2 != KW_IN)
        xiP_unexpected(p, "in, as in type(x) not in (int, float)");
      if (k2 == KW_NOT || k2 == KW_IN)
        xiP_take(p), negate = 1, kw = k2 == KW_IN ? KW_IN : kw;
    }
    xiL_token r = *xiP_peek(p);
    if (kw != KW_IN && r.type == T_NAME && xiP_word_is(p, &r, "type") && !type_none(p)) {
      xiP_take(p); /* type(x) == type(y): their printed names compared */
      xiP_expect(p, T_LP, "'(' after type");
      query(p, c, XI_TYQ_CLASS, 0, 0, name.pos, NULL);
      type_of(p, c, r);
      query(p, c, XI_TYQ_CLASS, 0, 0, r.pos, NULL);
      xiP_emit_op(p, c, negate ? XI_NE : XI_EQ, t.pos);
      return;
    }
    if (kw != KW_IN && xiP_is(p, T_LP))
      xiP_fail(p, xiP_peek(p)->pos, "type(x) == (A, B) is never true in Python: write "
                                    "type(x) in (A, B), or isinstance(x, (A, B))");
    classes cl = {{0}, {{0, 0}}, 0};
    uint32_t mask = types(p, 0, 0, &cl);
    query(p, c, XI_TYQ_IS, negate, mask, name.pos, &cl);
    return;
  }
  query(p, c, XI_TYQ_CLASS, 0, 0, name.pos, NULL); /* print(type(x)): <class 'float'> */
}

int xiP_module_is_none(xiP_parser *p, xiP_code *c, xiL_token m) {
  xiL_token is = *xiP_peek(p);
  if (is.type != T_NAME || xiP_keyword(xiP_tag_of(p, &is)) != KW_IS)
    return 0;
  xiP_take(p);
  int not = 0;
  xiL_token n = *xiP_peek(p);
  if (n.type == T_NAME && xiP_keyword(xiP_tag_of(p, &n)) == KW_NOT)
    xiP_take(p), not = 1, n = *xiP_peek(p);
  if (n.type != T_NAME || xiP_keyword(xiP_tag_of(p, &n)) != KW_NONE)
    xiP_fail(p, n.pos, "%.*s is a module: is compares it with None only here (%.*s is not "
                       "None)", (int)m.len, p->lx.src + m.off, (int)m.len, p->lx.src + m.off);
  xiP_take(p);
  xiP_emit_num(p, c, not ? "True" : "False", m.pos);
  return 1;
}
