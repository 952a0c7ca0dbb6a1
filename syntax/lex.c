/* lex.c: the lexer.  Names may hold UTF-8 letters (η, ξ1, δ₂, ŷ); ·, × and
 * ÷ and − are read as *, *, / and - because the seeds write them. */
#include "syntax/lex.h"

#include <string.h>

void xiL_init(xiL_lexer *lx, const char *src, size_t len, uint32_t first_line) {
  lx->src = src;
  lx->len = len;
  lx->off = 0;
  lx->line = first_line;
  lx->col = 1;
  lx->depth = 0;
  lx->braces = 0;
}

int xiL_name_start(uint32_t c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
    return 1;
  if (c == '_')
    return 1;
  if (c >= 0xC0 && c <= 0x2AF)
    return c != 0xD7 && c != 0xF7; /* Latin letters, but not × and ÷ */
  if (c >= 0x370 && c <= 0x4FF)
    return c != 0x37E && c != 0x387 && c != 0x375; /* Greek, Cyrillic */
  if (c >= 0x1E00 && c <= 0x1FFF)
    return 1; /* Latin and Greek extended */
  if (c >= 0x2100 && c <= 0x214F)
    return 1; /* letterlike: ℒ ℓ */
  return c >= 0x1D400 && c <= 0x1D7FF; /* mathematical letters */
}

int xiL_name_char(uint32_t c) {
  return xiL_name_start(c) || (c >= '0' && c <= '9') ||
         (c >= 0x300 && c <= 0x36F) ||   /* combining marks: ŷ as y + ̂ */
         (c >= 0x2080 && c <= 0x2089) || /* subscript digits: δ₂ */
         c == 0x2032;                    /* prime: a′ */
}

static void step(xiL_lexer *lx, size_t bytes) {
  lx->off += bytes;
  lx->col++;
}

static xiL_token make(xiL_lexer *lx, xiL_type t, size_t off, xi_pos pos) {
  xiL_token k = {t, off, lx->off - off, pos, NULL, lx->depth};
  return k;
}

static xiL_token error(xiL_lexer *lx, size_t off, xi_pos pos, const char *msg) {
  xiL_token k = make(lx, T_ERROR, off, pos);
  k.msg = msg;
  return k;
}

static int digit_at(xiL_lexer *lx, size_t i) {
  return i < lx->len && lx->src[i] >= '0' && lx->src[i] <= '9';
}

static xiL_token number(xiL_lexer *lx, size_t off, xi_pos pos) {
  while (digit_at(lx, lx->off))
    step(lx, 1);
  if (lx->off < lx->len && lx->src[lx->off] == '.') {
    step(lx, 1);
    while (digit_at(lx, lx->off))
      step(lx, 1);
  }
  if (lx->off < lx->len && (lx->src[lx->off] | 0x20) == 'e') {
    size_t i = lx->off + 1;
    if (i < lx->len && (lx->src[i] == '+' || lx->src[i] == '-'))
      i++;
    if (digit_at(lx, i)) { /* otherwise the e is a name: 2e is 2 then e */
      while (lx->off < i)
        step(lx, 1);
      while (digit_at(lx, lx->off))
        step(lx, 1);
    }
  }
  return make(lx, T_NUM, off, pos);
}

/* superscript digits ⁰ ¹ ² ³ ⁴ ... ⁹, or -1 */
static int superscript(uint32_t c) {
  if (c == 0xB2 || c == 0xB3)
    return (int)c - 0xB0;
  if (c == 0xB9)
    return 1;
  if (c == 0x2070 || (c >= 0x2074 && c <= 0x2079))
    return (int)(c - 0x2070);
  return -1;
}

long xiL_superscript(const char *s, size_t len) {
  long v = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    int n = xiX_utf8(s + i, len - i, &cp);
    if (n <= 0 || superscript(cp) < 0)
      break;
    v = v * 10 + superscript(cp);
    i += (size_t)n;
  }
  return v;
}

/* the symbols that are not ASCII: multiplication dot and sign, minus, division */
static xiL_type unicode_operator(uint32_t c) {
  switch (c) {
  case 0xB7: case 0xD7: case 0x22C5: return T_STAR;
  case 0x2212: case 0x2013: return T_MINUS; /* minus sign, en dash (seed 000 writes –0.00037018) */
  case 0xF7: return T_SLASH;
  case 0x2248: return T_APPROX;
  case 0xB1: return T_PLUSMINUS;
  default: return T_ERROR;
  }
}

static xiL_type two(xiL_lexer *lx, char next, xiL_type yes, xiL_type no) {
  if (lx->off < lx->len && lx->src[lx->off] == next) {
    step(lx, 1);
    return yes;
  }
  return no;
}

/* blanks that separate tokens (not the newline, which is one) */
static const uint8_t blank[256] = {[' '] = 1, ['\t'] = 1, ['\r'] = 1};
/* the characters that are a token alone, whatever follows them */
static const uint8_t single[256] = {
    [';'] = T_SEMI,     ['('] = T_LP,       [')'] = T_RP,     [','] = T_COMMA,
    ['{'] = T_LBRACE,   ['}'] = T_RBRACE,   ['['] = T_LBRACK, [']'] = T_RBRACK,
    [':'] = T_COLON,    ['~'] = T_TILDE};
/* what may come after blanks and not start a token there: a newline (a blank
   inside brackets), a comment, a line continuation */
static const uint8_t after_blank[256] = {['\n'] = 1, ['#'] = 1, ['\\'] = 1};
/* the first character of the common tokens (names, numbers): the rest, one
   character at a time in xiL_next's order */
enum { C_REST, C_LETTER, C_DIGIT };
static const uint8_t first_class[256] = {
    ['0'] = C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    ['A'] = C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    ['_'] = C_LETTER,
    ['a'] = C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER};
/* ASCII letters, digits and _: the rest of a name */
#define W10 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const uint8_t word[256] = {
    ['0'] = W10,
    ['A'] = W10, W10, 1, 1, 1, 1, 1, 1, ['_'] = 1,
    ['a'] = W10, W10, 1, 1, 1, 1, 1, 1};
#undef W10

static const char unterminated_triple[] = "this string (opened with three quotes) is never closed";

/* one character of any length: its bytes, a newline counted as a new line */
static int step_char(xiL_lexer *lx) {
  unsigned char c = (unsigned char)lx->src[lx->off];
  if (c == '\n') {
    lx->off++;
    lx->line++, lx->col = 1;
    return 0;
  }
  uint32_t cp;
  int n = c < 0x80 ? 1 : xiX_utf8(lx->src + lx->off, lx->len - lx->off, &cp);
  if (n == 0)
    return -1;
  step(lx, (size_t)n);
  return 0;
}

/* A string as Python writes it, from its opening quote (prefix letters, if
   any, are before it, from off): in single, double or tripled quotes.  A
   backslash keeps the next character inside (the parser reads the escapes). */
static xiL_token string(xiL_lexer *lx, size_t off, xi_pos pos) {
  char q = lx->src[lx->off];
  int triple = lx->off + 2 < lx->len && lx->src[lx->off + 1] == q && lx->src[lx->off + 2] == q;
  step(lx, triple ? 3 : 1);
  for (;;) {
    if (lx->off >= lx->len)
      return error(lx, off, pos, triple ? unterminated_triple : "this string is never closed");
    char c = lx->src[lx->off];
    if (c == '\n' && !triple)
      return error(lx, off, pos, "this string is never closed on its line (three quotes make "
                                 "a string of several lines)");
    if (c == q && (!triple || (lx->off + 2 < lx->len && lx->src[lx->off + 1] == q &&
                               lx->src[lx->off + 2] == q))) {
      step(lx, triple ? 3 : 1);
      return make(lx, T_STRING, off, pos);
    }
    if (c == '\\' && lx->off + 1 < lx->len)
      step(lx, 1);
    if (step_char(lx))
      return error(lx, off, pos, "invalid UTF-8 in a string");
  }
}

/* f r b u and their pairs, in either case: a string's prefix */
static int string_prefix(const char *s, size_t n) {
  if (n == 0 || n > 2)
    return 0;
  char a = (char)(s[0] | 0x20), b = n == 2 ? (char)(s[1] | 0x20) : 0;
  if (n == 1)
    return a == 'f' || a == 'r' || a == 'b' || a == 'u';
  return (a == 'r' && (b == 'f' || b == 'b')) || ((a == 'f' || a == 'b') && b == 'r');
}

/* a name, its first character read (from off, at pos) */
static inline __attribute__((always_inline)) xiL_token name_rest(xiL_lexer *lx, size_t off,
                                                                 xi_pos pos) {
  while (lx->off < lx->len) {
    size_t i = lx->off;
    const unsigned char *u = (const unsigned char *)lx->src;
    while (i < lx->len && word[u[i]]) /* ASCII, the common case, without decoding */
      i++;
    lx->col += (uint32_t)(i - lx->off);
    lx->off = i;
    if (i >= lx->len || u[i] < 0x80)
      break;
    uint32_t cp;
    int n = xiX_utf8(lx->src + lx->off, lx->len - lx->off, &cp);
    if (n == 0 || !xiL_name_char(cp))
      break;
    step(lx, (size_t)n);
  }
  if (lx->off - off <= 2 && lx->off < lx->len &&
      (lx->src[lx->off] == '"' || lx->src[lx->off] == '\'') &&
      string_prefix(lx->src + off, lx->off - off))
    return string(lx, off, pos); /* f"...", r'...' */
  return make(lx, T_NAME, off, pos);
}

xiL_token xiL_next(xiL_lexer *lx) {
  for (;;) {
    const unsigned char *u = (const unsigned char *)lx->src;
    size_t i = lx->off;
    while (i < lx->len && blank[u[i]])
      i++;
    lx->col += (uint32_t)(i - lx->off);
    lx->off = i;
    if (i >= lx->len || !after_blank[u[i]])
      break; /* (the common case: a token starts here) */
    if (u[i] == '\n' && lx->depth) { /* inside ( or [: not the end of a line */
      lx->off++;
      lx->line++, lx->col = 1;
      continue;
    }
    if (u[i] == '\n')
      break;
    if (u[i] == '#') {
      while (lx->off < lx->len && lx->src[lx->off] != '\n')
        lx->off++; /* a comment: columns past it are never reported */
      if (lx->depth && lx->off < lx->len)
        continue;
      break;
    }
    if (i + 1 < lx->len && (u[i + 1] == '\n' || (u[i + 1] == '\r' && i + 2 < lx->len &&
                                                 u[i + 2] == '\n'))) {
      lx->off += u[i + 1] == '\n' ? 2 : 3; /* line continuation */
      lx->line++, lx->col = 1;
      continue;
    }
    break;
  }
  size_t off = lx->off;
  xi_pos pos = {lx->line, lx->col};
  if (lx->off >= lx->len) {
    if (lx->depth) { /* said once, then the end: nothing waits for it forever */
      lx->depth = 0;
      return error(lx, off, lx->open, lx->open_ch == '(' ? "this '(' is never closed"
                                      : lx->open_ch == '[' ? "this '[' is never closed"
                                                           : "this '{' is never closed");
    }
    return make(lx, T_EOF, off, pos);
  }
  char c = lx->src[lx->off];
  switch (first_class[(unsigned char)c]) { /* (before the rest's tests, in their order) */
  case C_LETTER: /* a name, or a string's prefix: f"..." */
    step(lx, 1);
    return name_rest(lx, off, pos);
  case C_DIGIT:
    return number(lx, off, pos);
  }
  if (single[(unsigned char)c]) { /* one character, one token */
    step(lx, 1);
    if (c == '(' || c == '[' || (c == '{' && lx->braces)) {
      if (lx->depth++ == 0)
        lx->open = pos, lx->open_ch = c;
    } else if ((c == ')' || c == ']' || (c == '}' && lx->braces)) && lx->depth) {
      lx->depth--;
    }
    return make(lx, (xiL_type)single[(unsigned char)c], off, pos);
  }
  if (c == '"' || c == '\'')
    return string(lx, off, pos);
  if (c == '\n') {
    step(lx, 1);
    lx->line++, lx->col = 1;
    return make(lx, T_NL, off, pos);
  }
  if ((c >= '0' && c <= '9') || (c == '.' && digit_at(lx, lx->off + 1)))
    return number(lx, off, pos);
  uint32_t cp = (unsigned char)c;
  int n = cp < 0x80 ? 1 : xiX_utf8(lx->src + lx->off, lx->len - lx->off, &cp);
  if (n == 0) {
    step(lx, 1);
    return error(lx, off, pos, "invalid UTF-8 in the input");
  }
  if (cp >= 0x80 && xiL_name_start(cp)) { /* (an ASCII letter was first_class's) */
    step(lx, (size_t)n);
    return name_rest(lx, off, pos);
  }
  step(lx, (size_t)n);
  switch (cp) {
  case ';': return make(lx, T_SEMI, off, pos);
  case '(': return make(lx, T_LP, off, pos);
  case ')': return make(lx, T_RP, off, pos);
  case ',': return make(lx, T_COMMA, off, pos);
  case '{': return make(lx, T_LBRACE, off, pos);
  case '}': return make(lx, T_RBRACE, off, pos);
  case '[': return make(lx, T_LBRACK, off, pos);
  case ']': return make(lx, T_RBRACK, off, pos);
  case '@': return make(lx, two(lx, '=', T_ATEQ, T_AT), off, pos);
  case ':': return make(lx, T_COLON, off, pos);
  case '.': return make(lx, T_DOT, off, pos);
  case '~': return make(lx, T_TILDE, off, pos);
  case '^': return make(lx, two(lx, '=', T_CARETEQ, T_CARET), off, pos);
  case '&': return make(lx, two(lx, '=', T_AMPEQ, T_AMP), off, pos);
  case '|': return make(lx, two(lx, '=', T_PIPEEQ, T_PIPE), off, pos);
  case '+': return make(lx, two(lx, '=', T_PLUSEQ, T_PLUS), off, pos);
  case '-': return make(lx, two(lx, '=', T_MINUSEQ, T_MINUS), off, pos);
  case '/':
    if (lx->off < lx->len && lx->src[lx->off] == '/') {
      step(lx, 1);
      return make(lx, two(lx, '=', T_DSLASHEQ, T_DSLASH), off, pos);
    }
    return make(lx, two(lx, '=', T_SLASHEQ, T_SLASH), off, pos);
  case '%': return make(lx, two(lx, '=', T_PERCENTEQ, T_PERCENT), off, pos);
  case '=': return make(lx, two(lx, '=', T_EQEQ, T_ASSIGN), off, pos);
  case '>':
    if (lx->off < lx->len && lx->src[lx->off] == '>') { /* >> >>= */
      step(lx, 1);
      return make(lx, two(lx, '=', T_RSHIFTEQ, T_RSHIFT), off, pos);
    }
    return make(lx, two(lx, '=', T_GE, T_GT), off, pos);
  case '<':
    if (lx->off < lx->len && lx->src[lx->off] == '<') { /* << <<= */
      step(lx, 1);
      return make(lx, two(lx, '=', T_LSHIFTEQ, T_LSHIFT), off, pos);
    }
    return make(lx, two(lx, '=', T_LE, T_LT), off, pos);
  case '!':
    if (lx->off < lx->len && lx->src[lx->off] == '=') {
      step(lx, 1);
      return make(lx, T_NE, off, pos);
    }
    return error(lx, off, pos, "unexpected character ('!' only in !=)");
  case '*':
    if (lx->off < lx->len && lx->src[lx->off] == '*') {
      step(lx, 1);
      return make(lx, two(lx, '=', T_POWEQ, T_POW), off, pos);
    }
    return make(lx, two(lx, '=', T_STAREQ, T_STAR), off, pos);

  default:
    if (superscript(cp) >= 0) { /* a run of them is one power: x²  x¹⁰ */
      int digits = 1;
      while (lx->off < lx->len && digits < 9) {
        int m = xiX_utf8(lx->src + lx->off, lx->len - lx->off, &cp);
        if (m <= 0 || superscript(cp) < 0)
          break;
        step(lx, (size_t)m);
        digits++;
      }
      return make(lx, T_SUP, off, pos);
    }
    if (unicode_operator(cp) != T_ERROR)
      return make(lx, unicode_operator(cp), off, pos);
    return error(lx, off, pos, "unexpected character");
  }
}

xiL_token xiL_raw(xiL_lexer *lx) {
  while (lx->off < lx->len && (lx->src[lx->off] == ' ' || lx->src[lx->off] == '\t'))
    step(lx, 1);
  if (lx->off < lx->len && lx->src[lx->off] == '"')
    return xiL_next(lx);
  size_t off = lx->off;
  xi_pos pos = {lx->line, lx->col};
  size_t end = off;
  while (lx->off < lx->len && !strchr(";#\n", lx->src[lx->off])) {
    if (lx->src[lx->off] != ' ' && lx->src[lx->off] != '\t' && lx->src[lx->off] != '\r')
      end = lx->off + 1;
    step(lx, 1);
  }
  xiL_token k = {T_STRING, off, end - off, pos, NULL, lx->depth};
  return k;
}

const char *xiL_describe(xiL_type t) {
  static const char *const names[] = {
      "end of input", "end of line", "';'", "a number", "a name", "a string", "'('",
      "')'", "','", "'+'", "'-'", "'*'", "'/'", "'**'", "'='", "'+='", "'-='", "'*='", "'/='",
      "'=='", "'{'", "'}'", "'['", "']'", "'@'", "':'", "'.'", "'>'", "'>='", "'<'",
      "'<='", "'!='", "a superscript power", "'%'", "'//'", "'%='", "'//='", "'≈'", "'±'",
      "'&'", "'|'", "'~'", "'^'", "'<<'", "'>>'", "'**='", "'&='", "'|='", "'^='", "'<<='",
      "'>>='", "'@='", "an invalid character"};
  return names[t];
}

/* a line of nothing but blanks (the one that ends a block at the prompt) */
static int blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return 0;
  return 1;
}

int xiL_open(const char *src, size_t len) {
  xiL_lexer lx;
  xiL_init(&lx, src, len, 1);
  int braces = 0, header = 0;
  xiL_type last = T_NL;
  for (;;) {
    uint32_t depth = lx.depth;
    xiL_token t = xiL_next(&lx);
    if (t.type == T_ERROR && t.msg == unterminated_triple)
      return XI_OPEN_STRING;
    if (t.type == T_ERROR && lx.off >= len && depth)
      return XI_OPEN_BRACKET; /* the end came inside ( or [ */
    if (t.type == T_EOF)
      break;
    braces += (t.type == T_LBRACE) - (t.type == T_RBRACE);
    if (t.type == T_NL && last == T_COLON)
      header = 1; /* a line that ends in ':' opens a Python block */
    last = t.type;
  }
  if (braces > 0)
    return XI_OPEN_BRACKET;
  size_t end = len; /* the last line: the prompt adds one '\n' to each */
  if (end && src[end - 1] == '\n')
    end--;
  if (end && src[end - 1] == '\r')
    end--;
  if (end && src[end - 1] == '\\')
    return XI_OPEN_BACKSLASH;
  if (last == T_COLON)
    header = 1;
  size_t start = end;
  while (start && src[start - 1] != '\n')
    start--;
  /* the block goes on until a blank line (as at Python's prompt) */
  return header && !blank_line(src + start, end - start) ? XI_OPEN_BLOCK : XI_OPEN_NONE;

}
