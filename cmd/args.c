/* args.c: a statement's parts made values for the command that runs it:
 * its expression evaluated and its label, the nodes the names after wrt
 * bind, the second expression (equiv's B, the value after = in gradcheck),
 * a whole number and a word after it, and the steps of its expression
 * prepared for a printer (show/prepare.c's one preparation, with the
 * session's balls and digits). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "tape/names.h"

int xiR_evaluate(xiR_session *s, const xiP_stmt *st, uint32_t *root, xi_err *err) {
  return xiG_exec(&s->g, &st->code, NULL, NULL, 0, root, err);
}

char *xiR_label(xiR_session *s, const xiP_stmt *st) {
  const char *t = s->src + st->text_off;
  size_t n = st->text_len;
  int simple = st->code.n == 1 && st->code.ins[0].kind == K_NAME;
  char *out = malloc(n + 3);
  if (out)
    sprintf(out, simple ? "%.*s" : "(%.*s)", (int)n, t);
  return out;
}

int xiR_wrt_nodes(xiR_session *s, const xiP_stmt *st, uint32_t root, const char *label,
                  uint32_t *list, xi_err *err) {
  xiG_graph *g = &s->g;
  for (uint32_t i = 0; i < st->nnames; i++) {
    const char *name = xiS_name(&g->sym, st->names[i]);
    if (xiG_resolve(g, st->names[i], st->name_pos[i], &list[i], err))
      return -1;
    if (g->nodes[list[i]].op == XI_CONST)
      return xiX_fail(err, st->name_pos[i], "%s is a constant, not a value to differentiate by",
                      name);
    uint32_t leaf;
    int lost = xiG_history_lost(g, root, list[i], &leaf);
    if (lost || !xiD_depends(g, root, list[i])) {
      char msg[sizeof err->msg];
      if (lost)
        xiG_why_lost(g, label, st->names[i], leaf, msg, sizeof msg);
      else
        xiG_why_not(g, root, label, st->names[i], list[i], msg, sizeof msg);
      return xiX_fail(err, st->name_pos[i], "%s", msg);
    }
  }
  return 0;
}

int xiR_second(xiR_session *s, const xiP_stmt *st, const char *what, uint32_t *out,
               xi_err *err) {
  return xiG_exec(&s->g, &st->items[0].code, NULL, NULL, 0, out, err) ||
         xiG_no_tuple(&s->g, *out, st->items[0].pos, what, err);
}

/* a whole number in [lo, hi] from a token, or an error naming the range */
int xiR_whole(xiR_session *s, const xiP_stmt *st, const char *what, long lo, long hi,
               long *out, xi_err *err) {
  const char *t = s->src + st->arg.off;
  int ok = st->arg.len > 0 && st->arg.len < 12;
  long v = 0; /* within the token: a file's last line may end without a newline */
  for (size_t i = 0; ok && i < st->arg.len; i++) {
    ok = t[i] >= '0' && t[i] <= '9';
    v = v * 10 + (t[i] - '0');
  }
  if (!ok || v < lo || v > hi)
    return xiX_fail(err, st->arg.pos, "%s must be a whole number from %ld to %ld", what, lo, hi);
  *out = v;
  return 0;
}

/* a word after the number (digits 30 exact) is one the command takes, or an error */
int xiR_word(xiR_session *s, const xiP_stmt *st, const char *want, const char *cmd,
               xi_err *err) {
  if (!st->has_word)
    return 0;
  if (want && st->word.len == strlen(want) && memcmp(s->src + st->word.off, want, st->word.len) == 0)
    return 1;
  return xiX_fail(err, st->word.pos, want ? "%s N takes only the word %s after N" : "%s N takes nothing after N",
                  cmd, want);
}

int xiR_prepare(xiR_session *s, uint32_t root, const char *label, const uint32_t *wrt,
                uint32_t nwrt, int dialect, xiT_steps *steps, xi_pos at, xi_err *err) {
  return xiT_prepare(steps, &s->g, &s->sweep, &root, label, wrt, nwrt, dialect, s->digits,
                     xiR_balls(s) /* (none under an IEEE format) */, s->exact ? s->digits : 0,
                     at, err);
}

int xiR_steps_of(xiR_session *s, const xiP_stmt *st, int dialect, xiT_steps *steps,
                 xi_err *err) {
  uint32_t root, *wrt = malloc((st->nnames + 1) * sizeof *wrt);
  char *label = xiR_label(s, st);
  int rc = label && wrt ? xiR_evaluate(s, st, &root, err) : xiX_fail(err, st->pos, "out of memory");
  if (rc == 0)
    rc = xiR_wrt_nodes(s, st, root, label, wrt, err);
  if (rc == 0)
    rc = xiR_prepare(s, root, label, wrt, st->nnames, dialect, steps, st->pos, err);
  if (rc == 0 && steps->balls && s->exact)
    s->exact_prec = steps->prec; /* (the next print starts there) */
  free(wrt);
  free(label); /* (the steps keep their own copy of it) */
  return rc;
}
