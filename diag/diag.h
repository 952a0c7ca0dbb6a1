/* diag.h: where in the source a thing is, and what went wrong there.  Every
 * layer's errors are made by xiX_fail and reported by xiX_report, as
 * FILE:LINE:COL: kind: message, then the source line and a caret under the
 * column (jq's locfile.c is the model).  Nothing here knows the language. */
#ifndef XI_DIAG_H
#define XI_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t line, col; /* 1-based; col counts characters, not bytes */
} xi_pos;

/* an error: where, and what the user should read */
#define XI_ERR_MSG 512
typedef struct {
  xi_pos pos;
  char msg[XI_ERR_MSG];
} xi_err;

/* err set to a message (printf's format) at pos; returns -1, for
   `return xiX_fail(err, pos, ...)`: every layer's errors are made here */
int xiX_fail(xi_err *err, xi_pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int xiX_vfail(xi_err *err, xi_pos pos, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* the source a position points into: a file's text whose first line is
   first_line (a line typed at the prompt, a block run again); file NULL: "xi" */
typedef struct {
  const char *file, *src;
  size_t len;
  uint32_t first_line;
} xiX_source;
/* FILE:LINE:COL: kind: message, the source line and a caret, on stderr
   (stdout flushed first, so that both keep their order in one file) */
void xiX_report(const xiX_source *in, const char *kind, xi_pos pos, const char *msg);
/* line `line` of the source (len bytes, no newline), or NULL when it has none */
const char *xiX_line(const xiX_source *in, uint32_t line, size_t *len);
/* n bytes of text from the source (or a name, a message) on stderr as a report
   prints them: a byte a terminal would obey rather than show (a C0 control
   but the tab, DEL, a C1 control, a byte that is not UTF-8) escaped, \x1b */
void xiX_put_shown(const char *s, size_t n);

/* UTF-8: decodes one code point at s (n bytes available); returns its length
   in bytes, or 0 when the bytes are not valid UTF-8.  A column counts what
   this decodes (an invalid byte is one column). */
int xiX_utf8(const char *s, size_t n, uint32_t *cp);

#endif
