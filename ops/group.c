/* group.c: digits grouped as Python's format spec groups them (group.h). */
#include "ops/group.h"

#include <stdlib.h>
#include <string.h>

char *xiO_grouped(const char *d, long nd, long min_width, int sep, int g, const char **start,
                  size_t *len) {
  long remaining = nd, mw = min_width < 0 ? 0 : min_width, piece;
  size_t cap = (size_t)(nd + mw) * 2 + 8;
  char *tmp = malloc(cap), *p;
  if (!tmp)
    return NULL;
  p = tmp + cap;
  for (int use_sep = 0;; use_sep = 1) {
    piece = remaining > mw ? remaining : mw;
    piece = piece < 1 ? 1 : piece;
    if (sep && piece > g)
      piece = g;
    long nz = piece > remaining ? piece - remaining : 0, nc = remaining < piece ? remaining : piece;
    nc = nc < 0 ? 0 : nc;
    if (use_sep)
      *--p = (char)sep;
    p -= nc;
    memcpy(p, d + remaining - nc, (size_t)nc);
    p -= nz;
    memset(p, '0', (size_t)nz);
    if (!sep)
      break; /* no grouping: one piece */
    remaining -= nc;
    mw -= piece;
    if (remaining <= 0 && mw <= 0)
      break;
    mw -= 1;
  }
  *start = p;
  *len = (size_t)(tmp + cap - p);
  return tmp;
}
