/* cmdargs.c: what follows a command's word, read by the shape of arguments
 * its row in the table of commands gives (commands.h): an expression, wrt and
 * names, check's numbers claimed and its tolerance, repeat's braced body, the
 * file that dot, svg and export write.  The table itself is made here, from
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
  int ok = 0;
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

/* ---- grade L [FILE] [> OUT], and the lines of claims after it ---- */

static int word_byte(unsigned char c) {
  return c >= 0x80 || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
         ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* the words that may follow an operand inside an expression */
static int operator_word(const char *w, size_t n) {
  static const char *const ops[] = {"if", "else", "and", "or", "not", "in", "is", "for"};
  for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
    if (n == strlen(ops[k]) && strncmp(w, ops[k], n) == 0)
      return 1;
  return 0;
}

/* grade's line from `from`: where FILE starts (a word, or a "quoted" name,
   after a whole operand and a blank, outside brackets: grade L sol.txt),
   where '>' is (outside brackets and quotes), each SIZE_MAX when absent, and
   *end, where the line's statement ends (';', '#' or the newline).  The rule
   is lexical, so that the prompt (xiP_claims_open) and the parser read a
   line alike. */
static void claims_line(const char *s, size_t from, size_t len, size_t *file, size_t *gt,
                        size_t *end) {
  int depth = 0, operand = 0, blank = 0, quoted = 0;
  *file = *gt = SIZE_MAX;
  size_t i = from;
  for (; i < len && (quoted || !strchr(";#\n", s[i])); i++) {
    unsigned char c = (unsigned char)s[i];
    if (quoted || c == '"') { /* a quoted name is one word, whatever it holds */
      quoted = c == '"' ? !quoted : quoted;
      if (c == '"' && quoted && *file == SIZE_MAX && *gt == SIZE_MAX && operand && depth == 0)
        *file = i;
      if (!quoted)
        operand = 1, blank = 0;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      blank = 1;
      continue;
    }
    if (*gt != SIZE_MAX)
      continue; /* OUT: the rest of the line */
    if (depth == 0 && c == '>' && (i + 1 >= len || s[i + 1] != '=')) {
      *gt = i;
      continue;
    }
    if (*file != SIZE_MAX)
      continue;
    if (word_byte(c)) {
      size_t w = i;
      while (w < len && word_byte((unsigned char)s[w]))
        w++;
      if (operand && blank && depth == 0 && !operator_word(s + i, w - i)) {
        *file = i;
        continue;
      }
      operand = !operator_word(s + i, w - i);
      i = w - 1;
    } else {
      depth += (c == '(' || c == '[') - (c == ')' || c == ']');
      operand = c == ')' || c == ']';
    }
    blank = 0;
  }
  *end = i;
}

/* the text of [from, to) trimmed, as a token (a "quoted" name without its quotes) */
static xiL_token span(const char *s, size_t from, size_t to, xi_pos pos) {
  while (to > from && strchr(" \t\r", s[to - 1]))
    to--;
  if (to - from >= 2 && s[from] == '"' && s[to - 1] == '"')
    from++, to--, pos.col++;
  xiL_token t = {T_STRING, from, to - from, pos, NULL, 0};
  return t;
}

/* where offset `off` of the line that starts at `line0` (line `line`) is */
static xi_pos pos_at(const char *s, size_t line0, uint32_t line, size_t off) {
  uint32_t col = 1;
  for (size_t i = line0; i < off; i++)
    col += ((unsigned char)s[i] & 0xC0) != 0x80;
  return (xi_pos){line, col};
}

/* the lines after grade's (from next): up to a line of blanks, or the end */
static size_t claims_end(const char *s, size_t next, size_t len, uint32_t *lines) {
  size_t i = next;
  *lines = 0;
  while (i < len) {
    size_t e = i;
    int blank = 1;
    while (e < len && s[e] != '\n')
      blank &= s[e] == ' ' || s[e] == '\t' || s[e] == '\r', e++;
    if (blank)
      break;
    (*lines)++;
    i = e + (e < len);
  }
  return i;
}

/* after grade's word: "--md" (Markdown on stdout) and the blanks after it;
   the offset past them, or from when it is not there */
static size_t md_flag(const char *s, size_t from, size_t len) {
  size_t i = from;
  while (i < len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (len - i < 4 || strncmp(s + i, "--md", 4) != 0 ||
      (i + 4 < len && !strchr(" \t\r\n;#", s[i + 4])))
    return from;
  for (i += 4; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
    ;
  return i;
}

int xiP_claims_open(const char *src, size_t len) {
  size_t i = 0;
  while (i < len && (src[i] == ' ' || src[i] == '\t'))
    i++;
  size_t w = i;
  while (w < len && word_byte((unsigned char)src[w]))
    w++;
  int cmd = -1;
  for (int c = 0; c < XI_NCOMMANDS; c++)
    if (xiP_commands[c].args == A_CLAIMS && w - i == strlen(xiP_commands[c].word) &&
        strncmp(src + i, xiP_commands[c].word, w - i) == 0)
      cmd = c;
  if (cmd < 0 || w == i)
    return 0;
  size_t file, gt, end;
  claims_line(src, md_flag(src, w, len), len, &file, &gt, &end);
  if (file != SIZE_MAX || end >= len || src[end] != '\n')
    return 0;
  uint32_t lines;
  return claims_end(src, end + 1, len, &lines) >= len;
}

/* grade --md L ...: the flag read before any peek (has_word, word: the flag) */
static void md_option(xiP_parser *p, xiP_stmt *st) {
  const char *s = p->lx.src;
  size_t past = md_flag(s, p->lx.off, p->lx.len); /* (nothing peeked yet) */
  if (!p->have_tok && past != p->lx.off) { /* grade --md L ...: has_word, word the flag */
    size_t at = p->lx.off;
    while (s[at] == ' ' || s[at] == '\t')
      at++;
    st->has_word = 1;
    st->word = (xiL_token){T_STRING, at, 4, {p->lx.line, p->lx.col + (uint32_t)(at - p->lx.off)},
                           NULL, 0};
    p->lx.col += (uint32_t)(past - p->lx.off);
    p->lx.off = past;
  }
}

/* grade [--md] L [FILE] [> OUT]; without FILE the claims are the lines after it */
static void claims_args(xiP_parser *p, xiP_stmt *st, xiL_token kw) {
  const char *s = p->lx.src;
  xiL_token first = *xiP_peek(p);
  size_t line0 = kw.off;
  while (line0 && s[line0 - 1] != '\n')
    line0--;
  size_t file, gt, end;
  claims_line(s, first.off, p->lx.len, &file, &gt, &end);
  if (file == SIZE_MAX) { /* a mistake on grade's line skips its claims too */
    size_t eol = end;
    while (eol < p->lx.len && s[eol] != '\n')
      eol++;
    uint32_t lines;
    p->resync = claims_end(s, eol + (eol < p->lx.len), p->lx.len, &lines) + 1;
    p->resync_line = kw.pos.line + 1 + lines;
  }
  p->stop_at = file < gt ? file : gt;
  if (p->stop_at != SIZE_MAX && p->tok.off >= p->stop_at)
    p->tok.type = T_NL;
  if (p->stop_at == first.off)
    xiP_fail(p, first.pos, "grade needs the value the claims are about, as in grade L "
                           "solution.txt");
  p->no_compare = XI_NC_REDIRECT;
  xiP_full_expr(p, st);
  p->no_compare = 0;
  if (!xiP_at_end(p)) /* (FILE and '>' read as the end of the line) */
    xiP_unexpected(p, "an operator, a file of claims, '>' and a file to write, or the end "
                      "of the line");
  xiP_release_file(p);
  uint32_t line = kw.pos.line;
  if (file != SIZE_MAX)
    st->arg = span(s, file, gt < end ? gt : end, pos_at(s, line0, line, file));
  if (gt != SIZE_MAX) {
    size_t o = gt + 1;
    while (o < end && (s[o] == ' ' || s[o] == '\t'))
      o++;
    st->to = span(s, o, end, pos_at(s, line0, line, o));
    if (st->to.len == 0)
      xiP_fail(p, pos_at(s, line0, line, gt), "a file name after '>', as in grade L "
                                              "solution.txt > marked.md");
  }
  size_t next = end; /* the lexer goes on at the end of grade's line */
  uint32_t lines = 0;
  if (file == SIZE_MAX) {
    if (end < p->lx.len && s[end] == ';')
      xiP_fail(p, pos_at(s, line0, line, end), "the claims follow grade L on the lines "
                                               "after it: end its line here");
    while (next < p->lx.len && s[next] != '\n')
      next++; /* (a comment) */
    st->body_off = next + (next < p->lx.len);
    st->body_pos = (xi_pos){line + 1, 1};
    next = claims_end(s, st->body_off, p->lx.len, &lines);
    st->body_len = next - st->body_off;
    line += 1 + lines;
    line0 = st->body_off + st->body_len;
  }
  xi_pos at = pos_at(s, line0, line, next);
  p->lx.off = next, p->lx.line = at.line, p->lx.col = at.col, p->lx.depth = 0;
  p->have_tok = 0;
  p->resync = 0;
}

/* what follows a command's word, by the shape its row gives */
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
    md_option(p, st);
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
    name_list(p, st, "a name");
    break;
  case A_BLOCK:
    st->arg = xiP_expect(p, T_NUM, "how many times, as in repeat 100 { ... }");
    body(p, st);
    break;
  case A_CLAIMS:
    claims_args(p, st, kw);
    break;
  }
}
