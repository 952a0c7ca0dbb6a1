/* pyclass.c: Python's class statement, and x.name = v, as the session runs
 * them.  A class's block is read again here, its defs methods (named
 * Class.name, syntax/pydef.c), and the class's name is bound as a class
 * (tape/pyobj.c): calling it makes an instance and runs its __init__. */
#include <string.h>

#include "cmd/cmd.h"
#include "tape/names.h"

static int refuse(const xiP_stmt *m, xi_err *err) {
  if (m->kind == S_ASSIGN || m->kind == S_UNPACK || m->kind == S_INDEXSET ||
      m->kind == S_SETATTR)
    return xiX_fail(err, m->pos, "class attributes (a name given a value in the class's block) "
                                 "are not part of xi: give each instance its own in __init__ "
                                 "(self.lr = 0.1), or use a name outside the class");
  return xiX_fail(err, m->pos, "a class's block in xi holds its methods (def) and a docstring");
}

/* class Name(Base): Base's methods, copied where Name has none of the name */
static int inherit(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t base = st->names[0];
  if (!xiG_is_class(g, base)) {
    const xiG_binding *b = xiG_binding_of(g, base);
    const char *bn = xiS_name(&g->sym, base);
    if ((!b || b->kind == B_NONE) && xiP_exc_class(bn, strlen(bn)) >= 0)
      return xiX_fail(err, st->name_pos[0], "a class of exceptions of the program's own "
                                            "(class %s(%s)) is not part of xi: raise Python's "
                                            "own, raise ValueError(\"...\"), and catch it by "
                                            "its class", xiS_name(&g->sym, st->name), bn);
    return xiX_fail(err, st->name_pos[0], b && b->kind != B_NONE
                                              ? "%s is not a class (TypeError: a class "
                                                "inherits from a class defined before it)"
                                              : "name '%s' is not defined (NameError: define "
                                                "the base class before the class that "
                                                "inherits from it)",
                    xiS_name(&g->sym, base));
  }
  return xiG_inherit(g, st->name, base) ? xiX_fail(err, st->pos, "out of memory") : 0;
}

int xiR_class(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  xiP_parser p;
  xiP_init_at(&p, &g->sym, s->src, st->body_off + st->body_len, st->body_off, st->body_pos);
  xiP_set_python(&p, xiR_python(s));
  p.in_class = st->name;
  xiP_stmt m;
  memset(&m, 0, sizeof m);
  int r, rc = 0;
  while (rc == 0 && (r = xiP_next(&p, &m, err)) > 0) {
    if (m.kind == S_DEF) {
      const char *text = m.deftext ? m.deftext : s->src + m.text_off;
      size_t len = m.deftext ? strlen(m.deftext) : m.text_len;
      if (xiG_bind_func(g, m.name, m.names, m.nnames, &m.code, text, len))
        rc = xiX_fail(err, m.pos, "out of memory");
    } else if (m.kind != S_NOTHING) {
      rc = refuse(&m, err);
    }
  }
  if (rc == 0 && r < 0)
    rc = -1;
  xiP_stmt_done(&m);
  if (rc == 0 && st->nnames)
    rc = inherit(s, st, err);
  if (rc == 0 && xiG_bind_class(g, st->name, st->nnames ? st->names[0] : XI_NONE))
    rc = xiX_fail(err, st->pos, "out of memory");
  if (rc == 0 && xiR_python(s))
    xiP_named(&g->sym, st->name, 1);
  return rc;
}

int xiR_setattr(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  if (xiR_evaluate(s, st, &root, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  return 0;
}
