/* cmdargs.c: what follows a command's word, read by the shape of arguments
 * its row in the table of commands gives (commands.h): an expression, wrt and
 * names, check's numbers claimed and its tolerance, repeat's braced body, the
 * file that dot, svg and export write, printoptions' name=value list (grade's
 * arguments and its lines of claims: gradeargs.c).  The table itself is made here, from
 * XI_COMMANDS.  A part of the parser (xiP_, parse.h): stmt.c sends a
 * statement that starts with a command's word here (xiP_command); what the
 * two share is declared in parse_int.h. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const xiP_command_row xiP_commands[XI_NCOMMANDS] = {
#define XI_CMD_ROW(id, word, args, handler, usage, summary, help)                           \
  [XI_CMD_##id] = {word, args, usage, summary, help},
    XI_COMMANDS(XI_CMD_ROW)
#undef XI_CMD_ROW
};

static void name_list(xiP_parser *p, xiP_stmt *st, const char *what) {
  do {
    xiL_token t = xiP_expect(p, T_NAME, what);
    size_t len = t.len;
    while (xiP_is(p, T_DOT)) { /* wrt net.W1: an attribute is a name (pyclass.c) */
      xiP_take(p);
      xiP_expect(p, T_NAME, "an attribute's name after '.', as in net.W1");
      len = p->last_end - t.off;
    }
    xiP_add_name(p, st, xiP_intern(p, p->lx.src + t.off, len, t.pos), t.pos);
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
}

/* del xs[i], del d[k], del self.cache[k] in Python's code: a statement that changes
   xs, as xs.remove(v) is (S_MUTATE: the pair of xs and the new value); 0 when the
   target is a name (del x: the command) */
static int del_item(xiP_parser *p, xiP_stmt *st) {
  xiL_token t = xiP_expect(p, T_NAME, "a name");
  int item = xiP_is(p, T_LBRACK) || xiP_is(p, T_DOT);
  xiP_put_back(p, &t);
  if (!item)
    return 0;
  xiP_code *c = &st->code;
  st->text_off = t.off;
  xiP_expr(p, c);
  xiP_ins *last = c->n ? &c->ins[c->n - 1] : NULL;
  if (!last || last->kind != K_INDEX)
    xiP_fail(p, t.pos, "del of an attribute (del self.x) is not part of xi: give it None");
  if (last->argc != 1 || last->op || last->arg)
    xiP_fail(p, last->pos, "del of a slice or of several indices (del xs[a:b], del M[i, j]) "
                           "is not part of xi: xs = xs[:a] + xs[b:]");
  if (xiP_is(p, T_COMMA))
    xiP_fail(p, xiP_peek(p)->pos, "del of several targets at once is not part of xi: one del "
                                  "for each");
  *last = (xiP_ins){K_PY, XI_PY_DELITEM, 0, 2, c->ins[0].kind == K_NAME && c->n == 3,
                    last->pos};
  st->text_len = p->last_end - t.off;
  st->kind = S_MUTATE;
  return 1;
}

/* a command's second expression (equiv's B, the direction after =): an item */
static void second_expr(xiP_parser *p, xiP_stmt *st) {
  xiP_item *it = realloc(st->items, (st->nitems + 1) * sizeof *it);
  if (!it)
    xiP_fail(p, xiP_peek(p)->pos, "out of memory");
  st->items = it;
  it = &st->items[st->nitems++];
  memset(it, 0, sizeof *it);
  it->kind = I_ARG;
  it->pos = xiP_peek(p)->pos;
  it->off = xiP_peek(p)->off;
  p->depth = 0;
  xiP_expr(p, &it->code);
  it->end = p->last_end;
}

static void add_claim(xiP_parser *p, xiP_stmt *st) {
  int neg = 0;
  if (xiP_is(p, T_MINUS) || xiP_is(p, T_PLUS))
    neg = xiP_take(p).type == T_MINUS;
  xiL_token t = xiP_expect(p, T_NUM, "the number claimed");
  xiL_token *c = realloc(st->claims, (st->nclaims + 1) * sizeof *c);
  if (c)
    st->claims = c;
  uint8_t *g = realloc(st->claim_neg, st->nclaims + 1);
  if (g)
    st->claim_neg = g;
  if (!c || !g)
    xiP_fail(p, t.pos, "out of memory");
  st->claims[st->nclaims] = t;
  st->claim_neg[st->nclaims++] = (uint8_t)neg;
}

/* check E == 0.639, or == [0.1, 0.2], or == [[1, 2], [3, 4]] */
static void claims(xiP_parser *p, xiP_stmt *st) {
  st->claim_shape = (xi_shape){0, 1, 1};
  if (!xiP_is(p, T_LBRACK)) {
    add_claim(p, st);
    return;
  }
  xiP_take(p);
  int matrix = xiP_is(p, T_LBRACK);
  uint32_t rows = 0, cols = 0;
  do {
    if (matrix) {
      xiL_token row = xiP_expect(p, T_LBRACK, "'[' to start a row");
      uint32_t before = st->nclaims;
      do
        add_claim(p, st);
      while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
      xiP_expect(p, T_RBRACK, "',' or ']' in the row");
      if (rows && st->nclaims - before != cols)
        xiP_fail(p, row.pos, "this row has %u numbers, the first has %u", st->nclaims - before,
             cols);
      cols = st->nclaims - before, rows++;
    } else {
      add_claim(p, st);
    }
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RBRACK, "',' or ']'");
  st->claim_shape = matrix ? (xi_shape){2, rows, cols} : (xi_shape){1, 1, st->nclaims};
}

typedef struct { /* where the parser is, to come back to */
  xiL_lexer lx;
  xiL_token tok;
  int have_tok;
  size_t last_end;
} spot;
static spot here(const xiP_parser *p) { return (spot){p->lx, p->tok, p->have_tok, p->last_end}; }
static void back(xiP_parser *p, spot s) {
  p->lx = s.lx, p->tok = s.tok, p->have_tok = s.have_tok, p->last_end = s.last_end;
}

/* ± or +/- next: taken when take, else only looked at */
static int plus_minus(xiP_parser *p, int take) {
  if (xiP_is(p, T_PLUSMINUS)) {
    if (take)
      xiP_take(p);
    return 1;
  }
  if (!xiP_is(p, T_PLUS))
    return 0;
  spot s = here(p);
  xiP_take(p);
  int yes = xiP_is(p, T_SLASH) && (xiP_take(p), xiP_is(p, T_MINUS)) && (xiP_take(p), 1);
  if (!yes || !take)
    back(p, s);
  return yes;
}

/* numbers claimed, tried first: 1 when they are all the right side holds */
static int try_claims(xiP_parser *p, xiP_stmt *st) {
  spot s = here(p);
  jmp_buf outer;
  xi_err quiet, *e = p->err;
  memcpy(outer, p->fail, sizeof outer);
  p->err = &quiet;
  xiP_held *held = p->held; /* a failure here is recovered from: it keeps what is held */
  p->held = NULL;
  volatile int ok = 0; /* (set between setjmp and longjmp) */
  if (!setjmp(p->fail)) {
    claims(p, st);
    ok = xiP_at_end(p) || plus_minus(p, 0);
  }
  p->held = held;
  memcpy(p->fail, outer, sizeof outer);
  p->err = e;
  if (!ok) {
    back(p, s);
    st->nclaims = 0;
  }
  return ok;
}

static xiP_item *check_item(xiP_parser *p, xiP_stmt *st, int kind) {
  xiP_item *q = realloc(st->items, (st->nitems + 1) * sizeof *q);
  if (!q)
    xiP_fail(p, xiP_peek(p)->pos, "out of memory");
  st->items = q;
  xiP_item *it = &q[st->nitems++];
  memset(it, 0, sizeof *it);
  it->kind = (uint8_t)kind;
  it->pos = xiP_peek(p)->pos;
  it->off = xiP_peek(p)->off;
  return it;
}

/* after check E == (or ≈): the numbers claimed, or an expression; then ± T */
static void check_rhs(xiP_parser *p, xiP_stmt *st) {
  st->claim_pos = xiP_peek(p)->pos;
  st->rhs_off = xiP_peek(p)->off;
  if (!try_claims(p, st)) {
    uint32_t k = st->nitems;
    check_item(p, st, I_VALUE);
    p->depth = 0;
    xiP_expr(p, &st->items[k].code);
    st->items[k].end = p->last_end;
  }
  st->rhs_end = p->last_end;
  if (plus_minus(p, 1)) {
    uint32_t k = st->nitems;
    check_item(p, st, I_TOL);
    p->depth = 0;
    xiP_expr(p, &st->items[k].code);
    st->items[k].end = p->last_end;
  }
}

/* { statements }: the text between the braces, which may span lines */
static void body(xiP_parser *p, xiP_stmt *st) {
  xiL_token open = xiP_expect(p, T_LBRACE, "'{' and the statements to repeat");
  st->body_off = open.off + open.len;
  st->body_pos = (xi_pos){open.pos.line, open.pos.col + 1};
  int depth = 1;
  for (;;) {
    xiL_token t = *xiP_peek(p);
    if (t.type == T_EOF)
      xiP_fail(p, open.pos, "this '{' is never closed");
    p->have_tok = 0;
    if (t.type == T_LBRACE)
      depth++;
    if (t.type == T_RBRACE && --depth == 0) {
      st->body_len = t.off - st->body_off;
      p->last_end = t.off + t.len;
      return;
    }
  }
}

/* the file a command names last (dot L /tmp/g.dot): its last word, after a
   blank and outside brackets, ending as a file dot, svg or export writes
   does, or written as a path into a folder (/dev/full, ./notes: never
   an expression, and the command then says what is wrong with the name);
   SIZE_MAX when there is none */
static size_t file_word(xiP_parser *p) {
  static const char *const endings[] = {".dot", ".gv", ".svg", ".md", ".markdown",
                                        ".tex", ".html", ".htm"};
  const char *s = p->lx.src;
  size_t from = xiP_peek(p)->off, end = from, word;
  while (end < p->lx.len && !strchr(";#\n", s[end]))
    end++;
  while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
    end--;
  for (word = end; word > from && s[word - 1] != ' ' && s[word - 1] != '\t'; word--)
    ;
  int depth = 0;
  for (size_t i = from; i < word; i++)
    depth += (s[i] == '(' || s[i] == '[') - (s[i] == ')' || s[i] == ']');
  /* (word == end: no word, and s[end] may be past the text: "export" at its end) */
  int path = (word < end && s[word] == '/' && memchr(s + word + 1, '/', end - word - 1)) ||
             (end - word > 2 && strncmp(s + word, "./", 2) == 0) ||
             (end - word > 3 && strncmp(s + word, "../", 3) == 0);
  if (depth == 0 && word > from && path)
    return word;
  for (size_t k = 0; depth == 0 && k < sizeof endings / sizeof *endings; k++) {
    size_t n = strlen(endings[k]);
    if (end - word > n && strncasecmp(s + end - n, endings[k], n) == 0)
      return word;
  }
  return SIZE_MAX;
}

/* the lexer back at the file's first token, which read as the end of the line */
void xiP_release_file(xiP_parser *p) {
  if (p->stop_at == SIZE_MAX)
    return;
  if (p->have_tok && p->tok.off >= p->stop_at) {
    p->lx.off = p->tok.off, p->lx.line = p->tok.pos.line, p->lx.col = p->tok.pos.col;
    p->lx.depth = 0;
    p->have_tok = 0;
  }
  p->stop_at = SIZE_MAX;
}

/* dot L > FILE, dot L FILE: the raw rest of the statement is the file (none
   at the end of the statement) */
static void out_file(xiP_parser *p, xiP_stmt *st, xiL_token kw) {
  int named = p->stop_at != SIZE_MAX && xiP_peek(p)->off >= p->stop_at;
  xiP_release_file(p);
  if (!named && xiP_at_end(p))
    return;
  int gt = !named && xiP_is(p, T_GT);
  xiL_token t = named ? *xiP_peek(p) : xiP_take(p);
  if (!gt) { /* the file starts at the token just read: read it again, raw */
    p->lx.off = t.off, p->lx.line = t.pos.line, p->lx.col = t.pos.col, p->lx.depth = 0;
    p->have_tok = 0;
  }
  st->arg = xiL_raw(&p->lx);
  if (st->arg.type == T_ERROR)
    xiP_fail(p, st->arg.pos, "%s", st->arg.msg);
  if (st->arg.len == 0)
    xiP_fail(p, t.pos, "a file name after '>', as in %.*s L > graph.dot", (int)kw.len,
             p->lx.src + kw.off);
}

void xiP_printoption(xiP_parser *p, uint32_t id, xi_pos pos) {
  static const char *const have[] = {"precision", "suppress", "linewidth", "threshold",
                                     "edgeitems"};
  const char *w = xiS_name(p->sym, id);
  for (size_t k = 0; k < sizeof have / sizeof *have; k++)
    if (strcmp(w, have[k]) == 0)
      return;
  xiP_fail(p, pos, "%s is not one of the print options xi has: precision, suppress, "
                   "linewidth, threshold, edgeitems", w);
}

/* printoptions precision=4, suppress=True: the names, and code making a
   tuple of their values (the statement np.set_printoptions(...) is made alike) */
static void keywords(xiP_parser *p, xiP_stmt *st) {
  while (!xiP_at_end(p)) {
    xiL_token w = xiP_expect(p, T_NAME, "an option's name, as in precision=4");
    uint32_t id = xiP_name_id(p, &w);
    xiP_printoption(p, id, w.pos);
    xiP_expect(p, T_ASSIGN, "'=' after the option's name, as in precision=4");
    if (st->nnames == XI_KW_OPTS)
      xiP_fail(p, w.pos, "at most %d options", XI_KW_OPTS);
    xiP_add_name(p, st, id, w.pos);
    p->depth = 0;
    xiP_expr(p, &st->code);
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  if (st->nnames)
    xiP_emit(p, &st->code, (xiP_ins){K_TUPLE, XI_C_TUPLE, 0, (uint16_t)st->nnames, 0, st->pos});
}

void xiP_command(xiP_parser *p, xiP_stmt *st, xiL_token kw, int cmd) {
  st->kind = S_COMMAND;
  st->cmd = cmd;
  xiP_args args = xiP_commands[cmd].args;
  if (args == A_FILE) { /* before any peek: the file name is raw text */
    st->arg = xiL_raw(&p->lx);
    if (st->arg.type == T_ERROR)
      xiP_fail(p, st->arg.pos, "%s", st->arg.msg);
    if (st->arg.len == 0)
      xiP_fail(p, st->arg.pos, "%s needs a file name", xiP_commands[cmd].word);
    return;
  }
  if (args == A_CLAIMS)
    xiP_grade_md(p, st);
  if (xiP_assignment(xiP_peek(p)->type))
    xiP_fail(p, kw.pos, "'%.*s' is a command; choose another name (in Python's code, a .py "
                        "file or after import, it can be a name)", (int)kw.len,
             p->lx.src + kw.off);
  switch (args) {
  case A_NONE:
    if (xiP_is(p, T_LP) && (cmd == XI_CMD_QUIT || cmd == XI_CMD_EXIT)) { /* quit() */
      xiP_take(p);
      xiP_expect(p, T_RP, "')': quit() takes nothing");
    }
    break;
  case A_FILE:
    break;
  case A_EXPR:
    xiP_full_expr(p, st);
    break;
  case A_WRT:
  case A_WRT_WORD:
  case A_OUT:
    if (args == A_OUT && (p->stop_at = file_word(p)) != SIZE_MAX && p->tok.off >= p->stop_at)
      p->tok.type = T_NL; /* (the token peeked already) */
    p->no_compare = args == A_OUT ? XI_NC_REDIRECT : 0;
    xiP_full_expr(p, st);
    p->no_compare = 0;
    if (xiP_is(p, T_NAME) && xiP_word_is(p, xiP_peek(p), "wrt")) {
      xiP_take(p);
      name_list(p, st, "a name after wrt");
    }
    if (args == A_WRT_WORD && xiP_is(p, T_NAME)) /* step L quiz: the handler reads it */
      st->arg = xiP_take(p);
    if (args == A_OUT)
      out_file(p, st, kw);
    break;
  case A_IN:
    p->no_compare = XI_NC_IN;
    xiP_full_expr(p, st);
    p->no_compare = 0;
    if (!xiP_at_end(p) && xiP_word_is(p, xiP_peek(p), "in")) {
      xiP_take(p);
      name_list(p, st, "a format after in (binary16, bfloat16, binary32, binary64)");
    }
    break;
  case A_WRT_EQ:
    xiP_full_expr(p, st);
    if (!xiP_is(p, T_NAME) || !xiP_word_is(p, xiP_peek(p), "wrt"))
      xiP_unexpected(p, cmd == XI_CMD_TANGENTS ? "wrt and a name, as in tangents L wrt x"
                                               : "wrt and a name, as in gradcheck L wrt W");
    xiP_take(p);
    name_list(p, st, "a name after wrt");
    if (xiP_is(p, T_ASSIGN)) {
      xiP_take(p);
      second_expr(p, st);
    }
    break;
  case A_PAIR:
    xiP_full_expr(p, st);
    xiP_expect(p, T_COMMA, "',' and the second expression, as in equiv A, B");
    second_expr(p, st);
    break;
  case A_CHECK:
    p->no_compare = XI_NC_CHECK;
    xiP_full_expr(p, st);
    p->no_compare = 0;
    if (!xiP_is(p, T_APPROX))
      xiP_expect(p, T_EQEQ, "'==' and the number claimed, as in check L == 0.639");
    else
      xiP_take(p);
    check_rhs(p, st);
    break;
  case A_ASSIGN: {
    xiL_token t = xiP_expect(p, T_NAME, "the name of a leaf, as in set x = 4");
    st->name = xiP_intern(p, p->lx.src + t.off, t.len, t.pos);
    st->target_pos = t.pos;
    xiP_expect(p, T_ASSIGN, "'=' and the new value, as in set x = 4");
    xiP_full_expr(p, st);
    break;
  }
  case A_KEYWORDS:
    keywords(p, st);
    break;
  case A_NUMBER:
  case A_NUMBER_OPT:
    if (args == A_NUMBER || !xiP_at_end(p)) {
      st->arg = xiP_expect(p, T_NUM, "a whole number");
      st->has_number = 1;
      if (args == A_NUMBER_OPT && xiP_peek(p)->type == T_NAME) {
        st->word = xiP_take(p); /* the handler says which words it takes */
        st->has_word = 1;
      }
    }
    break;
  case A_TOPIC:
    if (!xiP_at_end(p))
      st->arg = xiP_take(p);
    break;
  case A_NAMES:
    if (!(cmd == XI_CMD_DEL && p->python && del_item(p, st)))
      name_list(p, st, "a name");
    break;
  case A_BLOCK:
    st->arg = xiP_expect(p, T_NUM, "how many times, as in repeat 100 { ... }");
    body(p, st);
    break;
  case A_CLAIMS:
    xiP_grade_args(p, st, kw);
    break;
  }
}
