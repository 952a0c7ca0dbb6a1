/* gradtable.c: gradcheck's table (gradcheck.c checks, this prints): the
 * worst elements, each its analytic and numeric values, the digits they
 * agree to and its verdict, in columns measured in display cells. */
#include <stdlib.h>
#include <string.h>

#include "cmd/gradcheck_int.h"
#include "show/num.h"
#include "show/print.h"

/* display columns of UTF-8 text */
static int columns(const char *s) {
  int n = 0;
  for (; s && *s; s++)
    n += (*s & 0xC0) != 0x80;
  return n;
}

/* the rows shown: all, or the 24 that agree least (in their order) */
#define XI_ROWS 24

static int worse(const checked *w, uint32_t j, uint32_t k, uint32_t j2, uint32_t k2) {
  int a = w[j].digits[k], b = w[j2].digits[k2]; /* failures first, then kinks */
  int ra = !w[j].ok[k] ? -3 : a, rb = !w[j2].ok[k2] ? -3 : b;
  return ra != rb ? ra < rb : j != j2 ? j < j2 : k < k2;
}

void xiR_gradcheck_table(xiR_session *s, const xiP_stmt *st, checked *w, uint32_t nw,
                         uint64_t total, mpfr_srcptr floor, xiW_buf *out) {
  xiG_graph *g = &s->g;
  uint32_t shown = 0, (*pick)[2] = malloc(XI_ROWS * sizeof *pick);
  if (!pick) {
    out->failed = XI_W_MEMORY;
    return;
  }
  for (uint32_t j = 0; j < nw; j++) /* the XI_ROWS worst, by insertion */
    for (uint32_t k = 0; k < w[j].n; k++) {
      uint32_t q = shown < XI_ROWS ? shown++ : XI_ROWS;
      while (q > 0 && worse(w, j, k, pick[q - 1][0], pick[q - 1][1])) {
        if (q < XI_ROWS)
          pick[q][0] = pick[q - 1][0], pick[q][1] = pick[q - 1][1];
        q--;
      }
      if (q < XI_ROWS)
        pick[q][0] = j, pick[q][1] = k;
    }
  for (uint32_t a = 1; a < shown; a++) /* back in their order */
    for (uint32_t b = a; b > 0 && (pick[b - 1][0] > pick[b][0] ||
                                   (pick[b - 1][0] == pick[b][0] && pick[b - 1][1] > pick[b][1]));
         b--) {
      uint32_t t0 = pick[b][0], t1 = pick[b][1];
      pick[b][0] = pick[b - 1][0], pick[b][1] = pick[b - 1][1];
      pick[b - 1][0] = t0, pick[b - 1][1] = t1;
    }
  xiW_buf cell[XI_ROWS + 1][5];
  memset(cell, 0, sizeof cell);
  int width[5] = {0};
  xiW_put(&cell[0][0], "element");
  xiW_put(&cell[0][1], "%s", st->nitems ? "analytic (given)" : "analytic (sweep)");
  xiW_put(&cell[0][2], "numeric");
  xiW_put(&cell[0][3], "rel. error");
  xiW_put(&cell[0][4], "digits");
  for (uint32_t r = 0; r < shown; r++) {
    uint32_t j = pick[r][0], k = pick[r][1];
    char name[96];
    xiR_element(name, sizeof name, xiS_name(&g->sym, st->names[j]), xiG_shape(&g->nodes[w[j].node]),
            k);
    xiW_put(&cell[r + 1][0], "%s", name);
    xiW_number(&cell[r + 1][1], &w[j].an[k], s->digits);
    int d = w[j].digits[k];
    if (d == XI_UNDEFINED || d == XI_ROUNDED || d == XI_HUGE) {
      xiW_put(&cell[r + 1][2], d == XI_ROUNDED ? "(w ± h rounds)"
                               : d == XI_HUGE  ? "(L too large)"
                                               : "(L not defined at w ± h)");
      xiW_put(&cell[r + 1][3], "-");
      xiW_put(&cell[r + 1][4], "-");
      continue;
    }
    xiW_number(&cell[r + 1][2], &w[j].nu[k], s->digits);
    if (d == XI_KINK || d == XI_JUMP) {
      xiW_put(&cell[r + 1][3], "-");
      xiW_put(&cell[r + 1][4], d == XI_KINK ? "kink" : "jump");
      continue;
    }
    mpfr_t e, m; /* as agree() measures it */
    mpfr_inits2(64, e, m, (mpfr_ptr)0);
    mpfr_sub(e, &w[j].an[k], &w[j].nu[k], MPFR_RNDN);
    mpfr_abs(e, e, MPFR_RNDN);
    mpfr_abs(m, mpfr_cmpabs(&w[j].an[k], &w[j].nu[k]) >= 0 ? &w[j].an[k] : &w[j].nu[k],
             MPFR_RNDN);
    if (mpfr_cmp(floor, m) > 0)
      mpfr_set(m, floor, MPFR_RNDN);
    if (!mpfr_zero_p(e))
      mpfr_div(e, e, m, MPFR_RNDN);
    char re[32] = "0";
    if (!mpfr_zero_p(e))
      mpfr_snprintf(re, sizeof re, "%.1Re", e);
    mpfr_clears(e, m, (mpfr_ptr)0);
    xiW_put(&cell[r + 1][3], "%s", re);
    xiW_put(&cell[r + 1][4], "%d%s", d, w[j].ok[k] ? "" : "  <- fails");
  }
  for (uint32_t r = 0; r <= shown; r++)
    for (int c = 0; c < 5; c++)
      if (columns(cell[r][c].s) > width[c])
        width[c] = columns(cell[r][c].s);
  for (uint32_t r = 0; r <= shown; r++) {
    xiW_put(out, " ");
    for (int c = 0; c < 5; c++) {
      if (cell[r][c].failed)
        out->failed = cell[r][c].failed;
      const char *t = cell[r][c].s ? cell[r][c].s : "";
      xiW_put(out, c < 4 ? " %s%*s " : " %s", t, c < 4 ? width[c] - columns(t) : 0, "");
      xiW_free(&cell[r][c]);
    }
    xiW_put(out, "\n");
  }
  if (total > shown)
    xiW_put(out, "  (the %u that agree least, of %llu elements)\n", shown,
            (unsigned long long)total);
  free(pick);
}

