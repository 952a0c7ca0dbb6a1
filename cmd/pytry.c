/* pytry.c: Python's try statement, run.  The try's block runs as a block of
 * statements does; its first error is kept (session.c's run_span keeps it
 * while s->trying) rather than reported, and matched against the excepts by
 * the Python class the error would be.  xi's errors carry no class: the
 * class is read from the message, where it says it ("KeyError: 'b'", "...
 * (IndexError)", the messages of NumPy's errors xi words its own way), by the
 * table below.  An error whose class xi cannot tell is never caught: it stops
 * the program as it would without the try, saying the except did not apply.
 * e in `except C as e:` is Python's str(e), a string, where xi knows that
 * text exactly; where it does not, the except is refused rather than give e
 * other words, if its block reads e at all.  A statement that fails changes nothing (each runs all or
 * nothing), and Python's does not either: what the block did before it stays,
 * as in Python.  Python unbinds e after its except block; so does xi. */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "tape/names.h"

enum { TEXT_UNKNOWN, TEXT_REST, TEXT_FIXED, TEXT_UNTIL, TEXT_BEFORE, TEXT_SPECIAL };

/* the messages whose class is certain, by their start */
static const struct {
  const char *start;
  int cls, how;
  const char *arg; /* TEXT_FIXED: the text; TEXT_UNTIL: where the text ends */
} known[] = {
    {"ZeroDivisionError: ", XI_EXC_ZERODIV, TEXT_REST, NULL},
    {"AssertionError: ", XI_EXC_ASSERTION, TEXT_REST, NULL},
    {"AssertionError (", XI_EXC_ASSERTION, TEXT_FIXED, ""},
    {"KeyError: ", XI_EXC_KEY, TEXT_UNTIL, " (the dict's keys are"},
    {"ModuleNotFoundError: ", XI_EXC_NOMODULE, TEXT_REST, NULL},
    {"TypeError: ", XI_EXC_TYPE, TEXT_UNKNOWN, NULL},
    {"Cannot cast ufunc '", XI_EXC_TYPE, TEXT_UNKNOWN, NULL}, /* NumPy's UFuncTypeError,
                                                    a TypeError (tape/inplace.c: a /= 2) */
    /* (Python's own words, as tape/pytype.c and tape/build.c write them) */
    {"ValueError: math domain error", XI_EXC_VALUE, TEXT_FIXED, "math domain error"},
    {"ValueError: cannot convert float NaN to integer", XI_EXC_VALUE, TEXT_FIXED,
     "cannot convert float NaN to integer"},
    {"ValueError: -inf + inf in fsum", XI_EXC_VALUE, TEXT_FIXED, "-inf + inf in fsum"},
    {"OverflowError: math range error", XI_EXC_OVERFLOW, TEXT_FIXED, "math range error"},
    {"OverflowError: ", XI_EXC_OVERFLOW, TEXT_REST, NULL},
    {"ValueError: ", XI_EXC_VALUE, TEXT_UNKNOWN, NULL},
    {"IndexError: ", XI_EXC_INDEX, TEXT_UNKNOWN, NULL},
    {"RuntimeError: ", XI_EXC_RUNTIME, TEXT_UNKNOWN, NULL},
    {"AttributeError: ", XI_EXC_ATTRIBUTE, TEXT_UNKNOWN, NULL},
    {"unknown name '", XI_EXC_NAME, TEXT_SPECIAL, NULL},
    {"unknown function '", XI_EXC_NAME, TEXT_SPECIAL, NULL},
    {"index ", XI_EXC_INDEX, TEXT_SPECIAL, NULL},
    {"these shapes do not broadcast: shapes ", XI_EXC_VALUE, TEXT_SPECIAL, NULL},
    {"@ needs the inner dimensions to agree", XI_EXC_VALUE, TEXT_UNKNOWN, NULL},
    {"cannot reshape ", XI_EXC_VALUE, TEXT_UNKNOWN, NULL},
    {"local variable '", XI_EXC_UNBOUND, TEXT_UNKNOWN, NULL},
    {"could not convert string to float: ", XI_EXC_VALUE, TEXT_BEFORE, NULL}, /* pystring.c */
    {"invalid literal for int() with base 10: ", XI_EXC_VALUE, TEXT_BEFORE, NULL},
    {"slice step cannot be zero (", XI_EXC_VALUE, TEXT_BEFORE, NULL},
    {"range() arg 3 must not be zero (", XI_EXC_VALUE, TEXT_BEFORE, NULL},
    {"cannot unpack non-iterable ", XI_EXC_TYPE, TEXT_BEFORE, NULL},
    {"__init__() should return None, not ", XI_EXC_TYPE, TEXT_BEFORE, NULL},
    {"The truth value of an array with more than one element is ambiguous. ", XI_EXC_VALUE,
     TEXT_BEFORE, NULL},
};

/* NumPy's shape as its messages write it, (2,3), from xi's (2, 3) */
static void squeeze(const char *from, const char *to, char *out, size_t n) {
  size_t k = 0;
  for (const char *c = from; c < to && k + 1 < n; c++)
    if (*c != ' ')
      out[k++] = *c;
  out[k] = '\0';
}

/* the messages whose class and text take a look past their start */
static int special(int cls, const char *m, char *text, size_t n) {
  char kind[16];
  int i, axis;
  unsigned len;
  const char *q;
  if (cls == XI_EXC_NAME) { /* unknown name 'x' (function 'f'), and nothing after it */
    const char *a = strchr(m, '\'') + 1;
    q = strchr(a, '\'');
    if (!q || q[1])
      return -1;
    snprintf(text, n, "name '%.*s' is not defined", (int)(q - a), a);
    return cls;
  }
  if (cls == XI_EXC_VALUE) { /* these shapes do not broadcast: shapes (2, 3) and (4, 5) */
    const char *a = m + 38, *and = strstr(a, ") and (");
    if (!and || strchr(and + 6, ' ') != strrchr(and + 6, ' '))
      return cls;
    char s1[64], s2[64];
    squeeze(a, and + 1, s1, sizeof s1);
    squeeze(and + 6, and + 6 + strlen(and + 6), s2, sizeof s2);
    snprintf(text, n, "operands could not be broadcast together with shapes %s %s ", s1, s2);
    return cls;
  }
  /* index 7 is out of range for axis 0 of size 2; for a list of 3 (IndexError) */
  if (sscanf(m, "index %d is out of range for axis %d of size %u", &i, &axis, &len) == 3) {
    snprintf(text, n, "index %d is out of bounds for axis %d with size %u", i, axis, len);
    return cls;
  }
  if (sscanf(m, "index %d is out of range for a %15s of", &i, kind) == 2) {
    if (!strcmp(kind, "list") || !strcmp(kind, "tuple"))
      snprintf(text, n, "%s index out of range", kind);
    return cls;
  }
  return -1;
}

/* the Python class of an error's message (after "in f(...): " of the defs it
   happened in), or -1; *text Python's str(e) when xi knows it, else "" and
   *exact 0 */
static int class_of(const char *msg, char *text, size_t n, int *exact) {
  text[0] = '\0';
  *exact = 0;
  while (strncmp(msg, "in ", 3) == 0 && strstr(msg, "(...): "))
    msg = strstr(msg, "(...): ") + 7;
  for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
    size_t l = strlen(known[k].start);
    if (strncmp(msg, known[k].start, l) != 0)
      continue;
    const char *rest = known[k].how == TEXT_BEFORE ? msg : msg + l, *end;
    int cls = known[k].cls;
    switch (known[k].how) {
    case TEXT_REST: snprintf(text, n, "%s", rest); break;
    case TEXT_FIXED: snprintf(text, n, "%s", known[k].arg); break;
    case TEXT_UNTIL:
      end = strstr(rest, known[k].arg);
      if (end)
        snprintf(text, n, "%.*s", (int)(end - rest), rest);
      break;
    case TEXT_BEFORE: /* the text before " (TypeError": the first such, for the text
                         may hold " (" itself (float('a (b')) */
      end = strstr(rest, " (");
      while (end && strncmp(end + 2, xiP_exc_name(cls), strlen(xiP_exc_name(cls))) != 0)
        end = strstr(end + 1, " (");
      if (!end)
        return -1;
      snprintf(text, n, "%.*s", (int)(end - rest), rest);
      break;
    case TEXT_SPECIAL: cls = special(cls, msg, text, n); break;
    default: break;
    }
    *exact = text[0] || known[k].how == TEXT_FIXED;
    return cls;
  }
  const char *nn = strstr(msg, " is not a number: "); /* "a" / 2: an operator's TypeError */
  if (nn && strncmp(msg, "a ", 2) == 0) {
    static const char *const ops[] = {"+", "-", "*", "/", "//", "%", "**", "@", "this operator"};
    const char *w = nn + 18, *end = strstr(w, " takes a value");
    for (size_t k = 0; end && k < sizeof ops / sizeof *ops; k++)
      if ((size_t)(end - w) == strlen(ops[k]) && strncmp(w, ops[k], strlen(ops[k])) == 0)
        return XI_EXC_TYPE;
  }
  for (int c = 0; c < XI_EXC_COUNT; c++) { /* "... (IndexError)": the class, not its text */
    char tag[40];
    snprintf(tag, sizeof tag, "(%s)", xiP_exc_name(c));
    if (strstr(msg, tag))
      return c;
  }
  return -1;
}

/* does any except of st catch a failed import? */
static int catches_import(const xiP_stmt *st) {
  for (uint32_t k = 0; k < st->nitems; k++)
    if (st->items[k].kind == I_EXCEPT && xiP_exc_catches((uint32_t)st->items[k].len,
                                                         XI_EXC_NOMODULE))
      return 1;
  return 0;
}

/* e takes the string text, Python's str(e), for the except's block; type(e) is its
   class (a string that says so) */
static int bind_text(xiR_session *s, uint32_t name, int cls, const char *text, xi_pos at,
                     xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, sym = xiS_intern(&g->sym, text, strlen(text)), node, bound;
  if (sym == XI_NONE)
    return xiG_oom(g, at, err);
  if (xiG_string(g, sym, at, &node, err))
    return -1;
  g->nodes[node].x->p[XI_C_EXC] = cls + 1; /* type(e) names the class (tape/pytype.c) */
  if (xiG_assign(g, name, node, mark, NULL, at, &bound, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  xiP_named(&g->sym, name, 1);
  return 0;
}

/* does the except's block mention the name (as a word anywhere in its text,
   strings and comments too: an f-string reads it, and a false alarm only keeps
   the refusal)? */
static int mentions(const xiR_session *s, const xiP_item *it, const char *name) {
  size_t l = strlen(name);
  for (size_t k = it->off; k + l <= it->end; k++) {
    if (strncmp(s->src + k, name, l) != 0)
      continue;
    unsigned char before = k > it->off ? (unsigned char)s->src[k - 1] : ' ';
    unsigned char after = k + l < it->end ? (unsigned char)s->src[k + l] : ' ';
    int word = (before == '_' || before >= 0x80 || (before >= '0' && before <= '9') ||
                ((before | 0x20) >= 'a' && (before | 0x20) <= 'z'));
    word |= (after == '_' || after >= 0x80 || (after >= '0' && after <= '9') ||
             ((after | 0x20) >= 'a' && (after | 0x20) <= 'z'));
    if (!word)
      return 1;
  }
  return 0;
}

/* a block of the try's: 0, or XI_REPORTED when it failed */
static int block(xiR_session *s, const xiP_item *it) {
  return xiR_run_span(s, it->off, it->end, it->at, 1) ? XI_REPORTED : 0;
}

/* the error the try's block stopped at, caught by an except or not */
static int handle(xiR_session *s, const xiP_stmt *st, unsigned long errors, int failed,
                  xi_err *err) {
  xi_err e = s->caught;
  s->caught_set = 0;
  char text[XI_ERR_MSG];
  int exact, cls = class_of(e.msg, text, sizeof text, &exact);
  const char *m = e.msg; /* raised by a raise statement: its class and text, exactly */
  while (strncmp(m, "in ", 3) == 0 && strstr(m, "(...): "))
    m = strstr(m, "(...): ") + 7;
  if (s->raised_cls >= 0 && strcmp(m, s->raised) == 0) {
    cls = s->raised_cls, exact = 1;
    snprintf(text, sizeof text, "%s", s->raised + s->raised_text);
  }
  for (uint32_t k = 0; k < st->nitems; k++) {
    const xiP_item *it = &st->items[k];
    if (it->kind != I_EXCEPT)
      continue;
    if (cls < 0) { /* never caught: said so */
      *err = e;
      size_t l = strlen(err->msg);
      snprintf(err->msg + l, sizeof err->msg - l, " (the except on line %u did not apply: xi "
                                                  "cannot tell which of Python's exceptions this "
                                                  "error would be)", it->pos.line);
      return -1;
    }
    if (!xiP_exc_catches((uint32_t)it->len, cls))
      continue;
    /* e's text unknown: refused only where the block reads e (except ValueError as e:
       print("shape error") never does; Python unbinds e after it all the same) */
    int bind = it->name != XI_NONE && (exact || mentions(s, it, xiS_name(&s->g.sym, it->name)));
    if (bind && !exact) {
      *err = e;
      size_t l = strlen(err->msg);
      snprintf(err->msg + l, sizeof err->msg - l, " (%s: the except on line %u catches it, but "
                                                  "xi does not know the text Python's %s would "
                                                  "hold: leave out as %s)",
               xiP_exc_name(cls), it->pos.line, xiS_name(&s->g.sym, it->name),
               xiS_name(&s->g.sym, it->name));
      return -1;
    }
    s->errors = errors, s->failed = failed; /* caught: no error of the program's */
    if (bind && bind_text(s, it->name, cls, text, it->pos, err))
      return -1;
    int rc = block(s, it);
    if (it->name != XI_NONE && xiG_binding_of(&s->g, it->name)) /* as Python: del e */
      xiG_unbind(&s->g, it->name, it->pos);
    return rc;
  }
  *err = e; /* no except of the try's catches it */
  return -1;
}

int xiR_try(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  unsigned long errors = s->errors;
  int failed = s->failed, imports = catches_import(st), rc = 0;
  s->trying++;
  s->trying_import += imports;
  s->caught_set = 0;
  int failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
  s->trying--;
  s->trying_import -= imports;
  if (failures && (s->interrupt || s->quit || !s->caught_set)) {
    s->caught_set = 0; /* (^C is never caught; a block's own report was made) */
    rc = XI_REPORTED;
  } else if (failures) {
    rc = handle(s, st, errors, failed, err);
  } else if (!s->jump) { /* the block ran to its end: else */
    for (uint32_t k = 0; k < st->nitems && rc == 0; k++)
      if (st->items[k].kind == I_ELSE)
        rc = block(s, &st->items[k]);
  }
  for (uint32_t k = 0; k < st->nitems; k++) /* finally, whatever happened */
    if (st->items[k].kind == I_FINALLY && !s->interrupt && !s->quit) {
      int jump = s->jump, stop = s->stop;
      s->jump = 0, s->stop = 0; /* (a break in the try: finally runs, then the break) */
      xi_err kept = *err;
      int f = block(s, &st->items[k]);
      if (f) { /* its error is the one (Python's too replaces the other) */
        rc = f;
      } else {
        s->jump = jump, s->stop = stop || s->stop;
        *err = kept;
      }
    }
  if (rc == -1) /* counted once, by the block that reports it */
    s->errors = errors;
  return rc;
}
