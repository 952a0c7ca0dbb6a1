/* pyclass.c: Python's classes in pasted code: class Name: and its block of
 * methods, x.name, x.name(...) and x.name = v.  A part of the parser (xiP_,
 * parse.h).  The class statement reads its block here, and the session runs
 * it (cmd/pyclass.c): each def in it is a method, a function named
 * Class.name whose first parameter is the instance (pydef.c compiles it).
 * What an object is, and its attributes, is the tape's (tape/pyobj.c).
 *
 * One base class of the user's (class Net(Layer):), whose methods the class
 * gets where it has none of the name (the session copies them); super(),
 * several bases, decorators (@property ...), the dunder methods but __init__,
 * __call__, __repr__, __str__ and the arithmetic ones (xiP_method_name), and class
 * attributes are refused, each by a message that
 * names it and says what to write instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

/* ".name" interned for each def NAME in the block: a method's name that is
   NumPy's too (x.sum(), x.copy()) is the class's when the value is an object */
static void mark_methods(xiP_parser *p, size_t off, size_t end) {
  xiL_lexer lx;
  xiL_init(&lx, p->lx.src, end, 1);
  lx.off = off;
  int after_def = 0;
  for (;;) {
    xiL_token t = xiL_next(&lx);
    if (t.type == T_EOF || t.type == T_ERROR)
      return;
    if (t.type != T_NAME) {
      after_def = 0;
      continue;
    }
    if (after_def) {
      char buf[128];
      if (t.len + 2 <= sizeof buf) {
        buf[0] = '.';
        memcpy(buf + 1, p->lx.src + t.off, t.len);
        xiP_intern(p, buf, t.len + 1, t.pos);
      }
    }
    after_def = t.len == 3 && memcmp(p->lx.src + t.off, "def", 3) == 0;
  }
}

int xiP_class_method(xiP_parser *p, const xiL_token *t) {
  char buf[128];
  if (t->len + 2 > sizeof buf)
    return 0;
  buf[0] = '.';
  memcpy(buf + 1, p->lx.src + t->off, t->len);
  return xiS_find(p->sym, buf, t->len + 1) != XI_NONE;
}

/* class Name(Base): one base, a class of the user's (object: none), kept
   as st's one name for the session to copy its methods from */
static void base(xiP_parser *p, xiP_stmt *st, const xiL_token *n) {
  xiL_token b = xiP_expect(p, T_NAME, "the base class's name, as in class Net(Layer):");
  if (xiP_is(p, T_DOT)) {
    size_t end = b.off + b.len;
    while (xiP_is(p, T_DOT) && xiP_take(p).type == T_DOT && xiP_is(p, T_NAME)) {
      xiL_token part = xiP_take(p);
      end = part.off + part.len;
    }
    xiP_fail(p, b.pos, "a base class from a library (%.*s) is not part of xi: a class may "
                       "inherit from a class of yours (a PyTorch model is a plain class "
                       "here, class Model:, its weights torch.tensor(..., requires_grad=True) "
                       "made in __init__)", (int)(end - b.off), p->lx.src + b.off);
  }
  if (xiP_is(p, T_COMMA))
    xiP_fail(p, xiP_peek(p)->pos, "inheritance from several classes is not part of xi: one "
                                  "base, as in class Net(Layer):");
  if (xiP_word_is(p, &b, "object"))
    return;
  if (b.len == n->len && memcmp(p->lx.src + b.off, p->lx.src + n->off, b.len) == 0)
    xiP_fail(p, b.pos, "class %.*s(%.*s): a class that inherits from the class its name "
                       "held before is not part of xi: give it a name of its own",
             (int)n->len, p->lx.src + n->off, (int)b.len, p->lx.src + b.off);
  xiP_add_name(p, st, xiP_name_id(p, &b), b.pos);
}

void xiP_class_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  if (p->in_def || p->in_class != XI_NONE)
    xiP_fail(p, head.pos, "a class inside a %s is not part of xi: define it at the top level",
             p->in_def ? "def" : "class");
  xiL_token n = xiP_expect(p, T_NAME, "the class's name, as in class Net:");
  xiP_bindable(p, &n);
  st->kind = S_CLASS;
  st->name = xiP_name_id(p, &n);
  st->target_pos = n.pos;
  if (xiP_is(p, T_LP)) {
    xiP_take(p);
    if (!xiP_is(p, T_RP))
      base(p, st, &n);
    xiP_expect(p, T_RP, "')' after the base class, as in class Net(Layer):");
  }
  xiP_expect(p, T_COLON, "':' after class Name");
  size_t off, end;
  xi_pos at;
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, &off, &end, &at);
  p->blocks--;
  st->body_off = off;
  st->body_len = end - off;
  st->body_pos = at;
  mark_methods(p, off, end);
}

/* the dunder methods xi calls as Python does: for an operator, for print and str */
static const char *const dunders[] = {"__init__", "__call__", "__add__", "__radd__", "__sub__",
                                      "__rsub__", "__mul__", "__rmul__", "__truediv__",
                                      "__rtruediv__", "__pow__", "__rpow__", "__neg__",
                                      "__repr__", "__str__"};

uint32_t xiP_method_name(xiP_parser *p, const xiL_token *n) {
  const char *s = p->lx.src + n->off;
  int known = 0;
  for (size_t k = 0; k < sizeof dunders / sizeof *dunders; k++)
    known |= strlen(dunders[k]) == n->len && memcmp(dunders[k], s, n->len) == 0;
  if (n->len > 4 && memcmp(s, "__", 2) == 0 && memcmp(s + n->len - 2, "__", 2) == 0 && !known)
    xiP_fail(p, n->pos, "%.*s: this dunder method is not part of xi (Python calls it for you, "
                        "and xi does not): xi calls __init__, __call__, __repr__, __str__, "
                        "__neg__, and __add__, __sub__, __mul__, __truediv__, __pow__ with "
                        "their __radd__ ...; give the method a name of its own and call it, as "
                        "in net.describe()", (int)n->len, s);
  const char *c = xiS_name(p->sym, p->in_class);
  size_t m = strlen(c);
  char small[256], *buf = m + n->len + 2 <= sizeof small ? small : malloc(m + n->len + 2);
  if (!buf)
    xiP_fail(p, n->pos, "out of memory");
  memcpy(buf, c, m);
  buf[m] = '.';
  memcpy(buf + m + 1, s, n->len);
  uint32_t id = xiS_intern(p->sym, buf, m + 1 + n->len);
  if (buf != small)
    free(buf);
  if (id == XI_NONE)
    xiP_fail(p, n->pos, "out of memory");
  return id;
}

/* x.name (t the name, '.' taken), or x.name(args): an object's attribute or
   method (tape/pyobj.c says what x must be) */
void xiP_attr(xiP_parser *p, xiP_code *c, xiL_token t) {
  uint32_t id = xiP_intern(p, p->lx.src + t.off, t.len, t.pos);
  if (xiP_word_is(p, &t, "super"))
    xiP_fail(p, t.pos, "super() is not part of xi: a method the class does not define is "
                       "its base's already; write what the base's method does in the "
                       "class's own");
  if (!xiP_is(p, T_LP)) {
    xiP_ins ins = {K_GETATTR, 0, 0, 0, id, t.pos};
    xiP_emit(p, c, ins);
    return;
  }
  xiP_take(p);
  xiP_callargs a;
  xiP_call_args(p, c, &a, t);
  /* dtype= (a word, not a value): in the spare, for a Generator's rng.random(3,
     dtype=np.float64); a method of the user's refuses it when called (tape/pyobj.c) */
  if (a.n > XI_KW_ARGS && a.nkw)
    xiP_fail(p, t.pos, "keyword arguments come among the first %d", XI_KW_ARGS);
  for (int k = a.n - a.nkw; k < a.n; k++) {
    for (int j = a.n - a.nkw; j < k; j++)
      if (a.kw[j] == a.kw[k])
        xiP_fail(p, a.pos[k], "keyword argument repeated: %s", xiS_name(p->sym, a.kw[k]));
    xiP_ins kw = {K_CALLKW, 0, 0, 0, a.kw[k], a.pos[k]};
    xiP_emit(p, c, kw);
  }
  xiP_ins ins = {K_METHOD, (uint8_t)a.nkw, (uint8_t)(a.dtype + 1), (uint16_t)a.n, id, t.pos};
  xiP_emit(p, c, ins);
}

/* x.name = v, x.name op= v: the code's K_GETATTR (last) becomes the K_SETATTR
   after v; op taken */
void xiP_attr_assign(xiP_parser *p, xiP_stmt *st, xiL_token op) {
  xiP_code *c = &st->code;
  xiP_ins get = c->ins[--c->n];
  xiP_ins mark = {K_MARK, 0, 0, 0, 0, op.pos};
  xiP_emit(p, c, mark);
  p->depth = 0;
  size_t start = xiP_peek(p)->off;
  xiP_expr_list(p, c);
  st->text_off = start;
  st->text_len = p->last_end - start;
  int compound = xiP_compound(op.type);
  xiP_ins set = {K_SETATTR, 0, (uint8_t)(compound < 0 ? 0 : compound), 0, get.arg, get.pos};
  xiP_emit(p, c, set);
  st->kind = S_SETATTR;
  st->assign = op.type;
  st->name = get.arg;
  st->target_pos = get.pos;
}

void xiP_fold_attr(xiP_parser *p, xiP_code *c, uint32_t mark) {
  if (c->n < mark + 2 || c->ins[mark].kind != K_NAME)
    return;
  for (uint32_t k = mark + 1; k < c->n; k++)
    if (c->ins[k].kind != K_GETATTR)
      return;
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s", xiS_name(p->sym, c->ins[mark].arg));
  for (uint32_t k = mark + 1; k < c->n && n < (int)sizeof buf; k++)
    n += snprintf(buf + n, sizeof buf - (size_t)n, ".%s", xiS_name(p->sym, c->ins[k].arg));
  if (n >= (int)sizeof buf)
    return;
  c->ins[mark].arg = xiP_intern(p, buf, (size_t)n, c->ins[mark].pos);
  c->n = mark + 1;
}

/* is code[from, to) an attribute, x.a or x.a.b (a name, then attributes)? */
int xiP_attr_target(const xiP_code *c, uint32_t from, uint32_t to) {
  if (to < from + 2 || c->ins[from].kind != K_NAME)
    return 0;
  for (uint32_t k = from + 1; k < to; k++)
    if (c->ins[k].kind != K_GETATTR)
      return 0;
  return 1;
}

/* self.f, self.df = pair: each attribute set as x.a = v is (pyclass.c's K_SETATTR), from
   the right side's items, left to right as Python assigns them (self.a, self.a = 1, 2
   leaves 2).  The code: the right side, K_UNPACK (Python's count and kinds) and K_TUPLE of
   the items; then for each target the tuple's item k (K_DUP, K_INDEX), the target's object,
   K_SWAP (the object under the item), K_MARK (the item was made before it: an attribute
   takes it as it is, never a leaf cut from the nodes the tuple still holds) and K_SETATTR,
   whose result K_DROP lets go of but the last's; the tuple let go of last */
void xiP_attr_unpack(xiP_parser *p, xiP_stmt *st, const uint32_t *starts, uint32_t n,
                        xiL_token eq) {
  xiP_code *c = &st->code;
  uint32_t len = c->n;
  xiP_ins *targets = malloc((len ? len : 1) * sizeof *targets);
  if (!targets)
    xiP_fail(p, eq.pos, "out of memory");
  memcpy(targets, c->ins, len * sizeof *targets);
  jmp_buf outer;
  memcpy(outer, p->fail, sizeof outer);
  if (setjmp(p->fail)) { /* a syntax error on the right (= % 1): targets freed, then it goes on */
    memcpy(p->fail, outer, sizeof outer);
    free(targets);
    xiP_unwind(p);
  }
  xiP_unpack_values(p, st);
  xiP_emit(p, c, (xiP_ins){K_UNPACK, 0, 0, (uint16_t)n, 0, eq.pos});
  xiP_emit(p, c, (xiP_ins){K_TUPLE, XI_C_TUPLE, 0, (uint16_t)n, 0, eq.pos});
  for (uint32_t k = 0; k < n; k++) {
    uint32_t end = k + 1 < n ? starts[k + 1] : len;
    xiP_ins get = targets[end - 1];
    char text[16];
    int tl = snprintf(text, sizeof text, "%u", k);
    xiP_emit(p, c, (xiP_ins){K_DUP, 0, 0, 0, 0, get.pos});
    xiP_emit(p, c, (xiP_ins){K_NUM, 0, 0, 0, xiP_intern(p, text, (size_t)tl, get.pos), get.pos});
    xiP_emit(p, c, (xiP_ins){K_INDEX, 0, 0, 1, 0, get.pos});
    for (uint32_t i = starts[k]; i + 1 < end; i++) /* the object: the target but its last */
      xiP_emit(p, c, targets[i]);
    xiP_emit(p, c, (xiP_ins){K_SWAP, 0, 0, 0, 0, get.pos});
    xiP_emit(p, c, (xiP_ins){K_MARK, 0, 0, 0, 0, get.pos});
    xiP_emit(p, c, (xiP_ins){K_SETATTR, 0, 0, 0, get.arg, get.pos});
    if (k + 1 < n)
      xiP_emit(p, c, (xiP_ins){K_DROP, 0, 0, 0, 0, get.pos});
  }
  xiP_emit(p, c, (xiP_ins){K_SWAP, 0, 0, 0, 0, eq.pos}); /* the last result over the tuple */
  xiP_emit(p, c, (xiP_ins){K_DROP, 0, 0, 0, 0, eq.pos});
  st->kind = S_SETATTR;
  st->assign = T_ASSIGN;
  st->name = targets[starts[0] + 1].arg;
  st->target_pos = targets[starts[0] + 1].pos;
  memcpy(p->fail, outer, sizeof outer);
  free(targets);
}
