/* exports.h: the one table of what export writes, one row per format.
 *
 *     X(ID, "what it is", tex, ".ending", ".other ending" or NULL)
 *
 * The ending of the file's name chooses the row (the first ending is the one
 * messages name first); tex says the steps' formulas are LaTeX (Markdown's
 * $...$ and LaTeX) rather than text; the row's writer, write, is export_ID
 * in cmd/pictures.c.  Adding a format is a row here and its writer there;
 * export's refusal of an unknown ending lists the rows, and tests/tables.c
 * checks that help export, docs/manual.md and docs/xi.1 name every ending. */
#ifndef XI_CMD_EXPORTS_H
#define XI_CMD_EXPORTS_H

#include "diag/diag.h"
#include "show/print.h"
#include "show/steps.h"

#define XI_EXPORTS(X)                                  \
  X(MD, "Markdown", 1, ".md", ".markdown")             \
  X(TEX, "LaTeX", 1, ".tex", NULL)                     \
  X(HTML, "a page", 0, ".html", ".htm")

typedef struct {
  const char *what;
  int tex;
  const char *ending[2];
  /* the steps written into out; an error at `at` */
  int (*write)(const xiT_steps *st, xiW_buf *out, xi_pos at, xi_err *err);
} xiR_export_row;

enum {
#define XI_EXPORT_ENUM(id, what, tex, e1, e2) XI_EXPORT_##id,
  XI_EXPORTS(XI_EXPORT_ENUM)
#undef XI_EXPORT_ENUM
  XI_NEXPORTS
};

extern const xiR_export_row xiR_exports[XI_NEXPORTS];

#endif
