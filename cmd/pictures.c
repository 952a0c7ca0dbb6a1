/* pictures.c: the commands that draw an expression's graph or write its steps
 * as notes: dot, svg and export (rows of syntax/commands.h).  Each reads
 *
 *     dot L [wrt W, b] [> FILE | FILE]
 *
 * makes the steps (show/steps.h), and writes them: to stdout (dot without a
 * file) or to the file, whose name is the raw rest of the statement. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/cmd.h"
#include "cmd/exports.h"
#include "show/draw.h"

/* Graphviz's dot lays out up to this many boxes in seconds (at most 4.5 s of
   CPU here, with show/dot.c's references for long edges; docs/manual.md, "Pictures
   of large graphs"), and more grows faster than their number: past this a
   picture is refused (wrt draws part of it) */
#define XI_PICTURE_MAX 2000

/* what a picture is written as: dot and svg, then export's rows (cmd/exports.h) */
enum { OUT_DOT, OUT_SVG, OUT_EXPORT };

/* the file named after the expression ("quotes" taken off), or NULL */
static char *file_of(xiR_session *s, const xiP_stmt *st) {
  const char *t = s->src + st->arg.off;
  size_t n = st->arg.len;
  if (n >= 2 && t[0] == '"')
    t++, n -= 2;
  return n ? strndup(t, n) : NULL;
}

static int ends_with(const char *s, const char *tail) {
  size_t n = strlen(s), m = strlen(tail);
  return n > m && strcasecmp(s + n - m, tail) == 0;
}

/* the file was named after a '>' (dot L > FILE): any name goes; without it
   the ending says what the file is, and must be the command's own */
static int redirected(const xiR_session *s, const xiP_stmt *st) {
  size_t i = st->arg.off;
  while (i > 0 && (s->src[i - 1] == ' ' || s->src[i - 1] == '\t'))
    i--;
  return i > 0 && s->src[i - 1] == '>';
}

/* export's row for the file's ending, as OUT_EXPORT + row, or -1 */
static int export_kind(const char *file) {
  for (int r = 0; r < XI_NEXPORTS; r++)
    for (int e = 0; e < 2; e++)
      if (xiR_exports[r].ending[e] && ends_with(file, xiR_exports[r].ending[e]))
        return OUT_EXPORT + r;
  return -1;
}

/* the endings export knows, for its refusal: ".md or .markdown (Markdown), ..." */
static void export_endings(char *out, size_t size) {
  size_t n = 0;
  out[0] = 0;
  for (int r = 0; r < XI_NEXPORTS && n < size; r++) {
    const xiR_export_row *x = &xiR_exports[r];
    n += (size_t)snprintf(out + n, size - n, "%s%s%s%s (%s)", r ? ", " : "", x->ending[0],
                          x->ending[1] ? " or " : "", x->ending[1] ? x->ending[1] : "", x->what);
  }
}

static int write_file(const char *path, const xiW_buf *b, xi_pos at, xi_err *err) {
  char why[XI_ERR_MSG / 2];
  if (xiR_save(path, b->s ? b->s : "", b->n, why, sizeof why))
    return xiX_fail(err, at, "cannot write %s: %s", path, why);
  return 0;
}

/* the SVG of the steps' graph, Graphviz's layout */
static int svg_of(const xiT_steps *st, xiW_buf *svg, xi_pos at, xi_err *err) {
  if (st->n > XI_PICTURE_MAX)
    return xiX_fail(err, at,
                    "a picture of %u nodes is more than Graphviz lays out in good time (at "
                    "most %u): draw part of it with wrt, or write its DOT with dot",
                    st->n, XI_PICTURE_MAX);
  xiW_buf dot = {0};
  xiV_dot(st, &dot);
  char why[sizeof err->msg];
  int rc = dot.failed ? xiX_fail(err, at, "%s", xiW_why(&dot)) : 0;
  if (rc == 0 && xiV_svg(dot.s, svg, why, sizeof why))
    rc = xiX_fail(err, at, "%s", why);
  xiW_free(&dot);
  return rc;
}

static int export_MD(const xiT_steps *st, xiW_buf *out, xi_pos at, xi_err *err) {
  (void)at, (void)err;
  xiV_markdown(st, out);
  return 0;
}

static int export_TEX(const xiT_steps *st, xiW_buf *out, xi_pos at, xi_err *err) {
  (void)at, (void)err;
  xiV_latex(st, out);
  return 0;
}

/* the page holds the graph's SVG */
static int export_HTML(const xiT_steps *st, xiW_buf *out, xi_pos at, xi_err *err) {
  xiW_buf svg = {0};
  int rc = svg_of(st, &svg, at, err);
  if (rc == 0)
    xiV_page(st, svg.s, out);
  xiW_free(&svg);
  return rc;
}

const xiR_export_row xiR_exports[XI_NEXPORTS] = {
#define XI_EXPORT_ROW(id, what, tex, e1, e2) [XI_EXPORT_##id] = {what, tex, {e1, e2}, export_##id},
    XI_EXPORTS(XI_EXPORT_ROW)
#undef XI_EXPORT_ROW
};

/* the steps written as `kind` into out */
static int render(const xiT_steps *st, int kind, xiW_buf *out, xi_pos at, xi_err *err) {
  int rc = kind == OUT_DOT   ? (xiV_dot(st, out), 0)
           : kind == OUT_SVG ? svg_of(st, out, at, err)
                             : xiR_exports[kind - OUT_EXPORT].write(st, out, at, err);
  if (rc == 0 && out->failed)
    rc = xiX_fail(err, at, "%s", xiW_why(out));
  return rc;
}

static int draw(xiR_session *s, const xiP_stmt *st, int kind, const char *file, xi_err *err) {
  uint32_t mark = s->g.n;
  xiT_steps steps;
  int dialect = kind >= OUT_EXPORT && xiR_exports[kind - OUT_EXPORT].tex ? XI_T_TEX : XI_T_TEXT;
  if (xiR_steps_of(s, st, dialect, &steps, err)) {
    xiG_truncate(&s->g, mark);
    return -1;
  }
  xiW_buf out = {0};
  int rc = render(&steps, kind, &out, st->arg.len ? st->arg.pos : st->pos, err);
  if (rc == 0 && file)
    rc = write_file(file, &out, st->arg.pos, err);
  if (rc == 0 && file && !st->quiet)
    printf("wrote %s: %u nodes\n", file, steps.n);
  if (rc == 0 && !file)
    rc = xiR_emit(&out, st->pos, err);
  xiW_free(&out);
  xiT_steps_free(&steps);
  if (rc) /* on success the nodes stay: the ξ labels name them, as trace's do */
    xiG_truncate(&s->g, mark);
  return rc;
}

int xiR_cmd_dot(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  char *file = file_of(s, st);
  int rc = file && !redirected(s, st) && !ends_with(file, ".dot") && !ends_with(file, ".gv")
               ? xiX_fail(err, st->arg.pos,
                          "dot L FILE writes DOT to a file ending in .dot or .gv, and %s has "
                          "neither: dot L > %s writes it anyway", file, file)
               : draw(s, st, OUT_DOT, file, err);
  free(file);
  return rc;
}

int xiR_cmd_svg(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  char *file = file_of(s, st);
  int rc = !file ? xiX_fail(err, st->pos, "svg needs a file to write, as in svg L graph.svg")
           : !redirected(s, st) && !ends_with(file, ".svg")
               ? xiX_fail(err, st->arg.pos,
                          "svg writes SVG, and %s does not end in .svg: svg L > %s writes it "
                          "anyway", file, file)
               : draw(s, st, OUT_SVG, file, err);
  free(file);
  return rc;
}

int xiR_cmd_export(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  char *file = file_of(s, st);
  int kind = file ? export_kind(file) : -1;
  char endings[256];
  export_endings(endings, sizeof endings);
  int rc = !file ? xiX_fail(err, st->pos, "export needs a file to write, as in export L notes.md")
           : kind < 0
               ? xiX_fail(err, st->arg.pos,
                          "export writes what the file's name ends in: %s, and %s ends in "
                          "none of them", endings, file)
               : draw(s, st, kind, file, err);
  free(file);
  return rc;
}
