/* gradeargs.c: what follows grade's word: grade [--md] L [FILE] [> OUT], and,
 * without FILE, the lines of claims after it, up to a blank line.  Apart from
 * cmdargs.c (the other commands' arguments) because grade's line is read
 * partly as raw text (the file names) and its claims are lines, not tokens;
 * the prompt asks here (xiP_claims_open) whether such a block is still open.
 * A part of the parser (xiP_, parse.h); shared through parse_int.h. */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdint.h>
#include <string.h>

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

/* grade's line from `from`: where FILE starts (a word, a "quoted" name or an
   absolute path, after a whole operand and a blank, outside brackets: grade L
   sol.txt, grade L /home/me/sol.txt),
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
    if (c == '/' && operand && blank && depth == 0 && i + 1 < len &&
        word_byte((unsigned char)s[i + 1])) { /* grade L /home/me/sol.txt: an absolute path
                                                  (L / x is written with a blank after '/') */
      *file = i;
      continue;
    }
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
void xiP_grade_md(xiP_parser *p, xiP_stmt *st) {
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
void xiP_grade_args(xiP_parser *p, xiP_stmt *st, xiL_token kw) {
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
