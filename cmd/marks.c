/* marks.c: a graded solution printed (grade.h): each claim as the student
 * wrote it and its verdict, the first wrong step with its formula and the
 * student's operands, the score; as text, or as Markdown on stdout (grade --md
 * L FILE) or written to a file (grade L FILE > OUT.md).  Only printing: the verdicts are marking.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grade.h"

/* ---- the first wrong step ---- */

/* node's value (the student's: theirs, or computed from theirs), one line */
static void value_of(xiR_session *s, xiW_buf *b, uint32_t node) {
  if (node == XI_NONE) {
    xiW_put(b, "(cannot be computed from your values)");
    return;
  }
  xiO_view v = xiG_view(&s->g.nodes[node]);
  xiW_proof pf;
  xi_err e;
  if (xiR_prove_value(s, node, &pf, s->g.nodes[node].pos, &e))
    memset(&pf, 0, sizeof pf);
  xiW_value_proven(b, &v, &pf, s->digits, -1, 0);
}

/* does name stand as a whole word in text? */
static int named_in(const char *text, const char *name) {
  size_t n = strlen(name);
  for (const char *p = strstr(text, name); n && p; p = strstr(p + 1, name)) {
    int before = p == text || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z') ;
    char a = p[n];
    if (before && !((a | 32) >= 'a' && (a | 32) <= 'z') && !(a >= '0' && a <= '9'))
      return 1;
  }
  return 0;
}

void xiR_grade_detail(xiR_session *s, xiR_world *w, const xiR_graded *c, const int *own,
                      const int *aown, xiW_buf *b) {
  const xiT_steps *st = w->st;
  uint32_t i = c->node;
  if (!xiR_world_has(w, i) || st->index[i] == UINT32_MAX)
    return;
  const xiT_step *p = &st->step[st->index[i]];
  if (c->own_label)
    xiW_put(b, "trace's ");
  if (!c->adjoint && p->leaf) { /* x = 3, or L = log(2): made from numbers alone */
    xiW_put(b, "%s is a leaf: a value given, or made from numbers alone, not from others", p->who);
    return;
  }
  if (!c->adjoint) {
    xiW_put(b, "%s = %s", p->who, p->op);
    const xiG_node *n = &st->g->nodes[i];
    for (uint32_t k = 0, any = 0; !p->leaf && k < xiG_nargs(n); k++) {
      uint32_t o = xiG_arg(n, k), seen = 0;
      for (uint32_t j = 0; j < k; j++)
        seen |= xiG_arg(n, j) == o;
      if (seen || st->g->nodes[o].op == XI_CONST)
        continue;
      xiW_put(b, any++ ? ", " : "; from ");
      xiT_who(st, b, o);
      xiW_put(b, " = ");
      value_of(s, b, xiR_world_value(w, o));
      xiW_put(b, "%s", own[o] >= 0 ? " (yours)" : w->fwd[o] != o ? " (from yours)" : "");
    }
    return;
  }
  xiW_put(b, "%s = ", p->dwho);
  for (uint32_t t = 0; t < p->nterms; t++)
    xiW_put(b, "%s%s", t ? " + " : "", p->terms[t].text);
  for (uint32_t t = 0, any = 0; t < p->nterms; t++) {
    uint32_t cons = p->terms[t].consumer, again = 0;
    for (uint32_t q = 0; q < t; q++) /* (h·h: its consumer once) */
      again |= p->terms[q].consumer == cons;
    if (again)
      continue;
    xiW_put(b, any++ ? ", " : "; from ");
    xiW_put(b, "∂%s/∂", st->label);
    xiT_who(st, b, cons);
    xiW_put(b, " = ");
    uint32_t a = xiR_world_adjoint(w, cons);
    if (a == XI_NONE)
      xiW_put(b, "0");
    else
      value_of(s, b, a);
    xiW_put(b, "%s", aown[cons] >= 0 ? " (yours)" : "");
    const xiG_node *n = &st->g->nodes[cons];
    for (uint32_t k = 0; k <= xiG_nargs(n); k++) { /* the values its partial reads */
      uint32_t o = k < xiG_nargs(n) ? xiG_arg(n, k) : cons, dup = 0;
      for (uint32_t j = 0; j < k && j < xiG_nargs(n); j++)
        dup |= xiG_arg(n, j) == o;
      if (dup)
        continue;
      xiW_buf nm = {0};
      xiT_who(st, &nm, o);
      if (nm.s && st->g->nodes[o].op != XI_CONST && named_in(p->terms[t].partial, nm.s)) {
        xiW_put(b, ", %s = ", nm.s);
        value_of(s, b, xiR_world_value(w, o));
        xiW_put(b, "%s", own[o] >= 0 ? " (yours)" : w->fwd[o] != o ? " (from yours)" : "");
      }
      xiW_free(&nm);
    }
  }
}

/* ---- the marks ---- */

static int chars(const char *p, size_t n) {
  int k = 0;
  for (size_t i = 0; i < n; i++)
    k += (p[i] & 0xC0) != 0x80;
  return k;
}

typedef struct {
  int right, follow, wrong, undecided, alone;
} score;

static score count(const xiR_marks *m) {
  score sc = {0};
  for (uint32_t k = 0; k < m->n; k++) {
    int v = m->c[k].verdict;
    sc.right += v == XI_G_RIGHT, sc.follow += v == XI_G_FOLLOW;
    sc.wrong += v == XI_G_WRONG, sc.undecided += v == XI_G_UNDECIDED;
  }
  return sc;
}

static void score_line(xiW_buf *b, const xiR_marks *m) {
  score sc = count(m);
  xiW_put(b, "%d of %u steps right", sc.right, m->n);
  if (sc.follow)
    xiW_put(b, ", %d follow-through", sc.follow);
  if (sc.wrong)
    xiW_put(b, ", %d wrong", sc.wrong);
  if (sc.undecided)
    xiW_put(b, ", %d undecided", sc.undecided);
}

static const xiR_graded *claim(const xiR_marks *m, int k, const char **text, int *len) {
  const xiR_graded *c = &m->c[k];
  *text = m->src + c->q.off;
  *len = (int)(c->q.num_off + c->q.num_len - c->q.off);
  return c;
}

/* the verdict's words after the claim (md: Markdown's) */
static void verdict(const xiR_marks *m, int k, xiW_buf *b, int md) {
  const xiR_graded *c = &m->c[k];
  const char *v = c->value_text ? c->value_text : "?";
  switch (c->verdict) {
  case XI_G_RIGHT:
    xiW_put(b, md ? "✓ right" : "right");
    if (c->cut) { /* (truncated, as a teacher accepts: every digit written is the value's) */
      xiW_put(b, " to the %d digit%s written (truncated: rounded, ", c->cut_sig,
              c->cut_sig == 1 ? "" : "s");
      if (c->nel > 1)
        xiW_put(b, "element %u is %s)", c->cut_at + 1, c->cut);
      else
        xiW_put(b, "it is %s)", c->cut);
    }
    break;
  case XI_G_FOLLOW: {
    const char *t;
    int n;
    if (c->source < 0) {
      xiW_put(b, "%sfollow-through: right from your rounded earlier values; the value is %s",
              md ? "✓ " : "", v);
      break;
    }
    claim(m, c->source, &t, &n);
    xiW_put(b, md ? "✓ follow-through: right from your `%.*s` (line %d); the value is %s"
                  : "follow-through: right from your %.*s (line %d); the value is %s",
            n, t, m->c[c->source].line, v);
    break;
  }
  case XI_G_UNDECIDED:
    xiW_put(b, "%sundecided at this precision (a higher prec decides it): the value is %s",
            md ? "? " : "", v);
    break;
  default:
    xiW_put(b, md ? "✗ **wrong**" : "wrong");
    if (c->slip >= 0)
      xiW_put(b, " (%s)", xiR_slips[c->slip].name);
    xiW_put(b, ": the value is %s", v);
    if (c->follow_text && c->value_text && strcmp(c->follow_text, c->value_text) &&
        c->slip >= 0)
      xiW_put(b, "; from your earlier values it is %s", c->follow_text);
  }
  if (c->alone)
    xiW_put(b, " (no step of %s: judged by itself)", m->label);
}

static void why_words(const xiR_graded *c, xiW_buf *b) {
  if (c->slip < 0) {
    xiW_put(b, "no slip of the table explains it");
    return;
  }
  xiW_put(b, "%s", xiR_slips[c->slip].message);
  if (c->why && c->why[0])
    xiW_put(b, ": %s", c->why);
}

void xiR_marks_text(xiR_session *s, const xiR_marks *m, xiW_buf *b) {
  int width = 0;
  (void)s;
  for (uint32_t k = 0; k < m->n; k++) {
    const char *t;
    int n;
    claim(m, (int)k, &t, &n);
    width = chars(t, (size_t)n) > width ? chars(t, (size_t)n) : width;
  }
  width = width > 40 ? 40 : width;
  if (m->file)
    xiW_put(b, "grade %s: the claims of %s, in the order of the graph\n", m->label, m->file);
  else
    xiW_put(b, "grade %s: the claims on the lines after it, in the order of the graph\n",
            m->label);
  for (uint32_t k = 0; k < m->n; k++) {
    const char *t;
    int n;
    const xiR_graded *c = claim(m, (int)k, &t, &n);
    int pad = width - chars(t, (size_t)n);
    xiW_put(b, "  line %-3d %.*s%*s  ", c->line, n, t, pad > 0 ? pad : 0, "");
    verdict(m, (int)k, b, 0);
    xiW_put(b, "\n");
    if (c->verdict == XI_G_FOLLOW && c->source < 0 && c->why)
      xiW_put(b, "           %s\n", c->why); /* (what the rounding cost) */
    if (c->verdict != XI_G_WRONG)
      continue;
    xiW_put(b, "           ");
    why_words(c, b);
    xiW_put(b, "\n");
    if ((int)k == m->first && m->first_detail && m->first_detail[0])
      xiW_put(b, "           the first wrong step: %s\n", m->first_detail);
  }
  xiW_put(b, "score: ");
  score_line(b, m);
  xiW_put(b, "\n");
}

/* text for a Markdown table's cell: | escaped, newlines as blanks */
static void cell(xiW_buf *b, const char *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (t[i] == '|')
      xiW_put(b, "\\|");
    else
      xiW_put(b, "%c", t[i] == '\n' ? ' ' : t[i]);
}

void xiR_marks_markdown(xiR_session *s, const xiR_marks *m, xiW_buf *b) {
  (void)s;
  if (m->file)
    xiW_put(b, "# grade %s: %s\n\n", m->label, m->file);
  else
    xiW_put(b, "# grade %s\n\n", m->label);
  xiW_put(b, "| line | claim | verdict |\n|---:|---|---|\n");
  for (uint32_t k = 0; k < m->n; k++) {
    const char *t;
    int n;
    const xiR_graded *c = claim(m, (int)k, &t, &n);
    xiW_put(b, "| %d | `", c->line);
    cell(b, t, (size_t)n);
    xiW_put(b, "` | ");
    xiW_buf v = {0};
    verdict(m, (int)k, &v, 1);
    if (c->verdict == XI_G_WRONG) {
      xiW_put(&v, ". ");
      why_words(c, &v);
    } else if (c->verdict == XI_G_FOLLOW && c->source < 0 && c->why) {
      xiW_put(&v, ". %s", c->why);
    }
    if (v.s)
      cell(b, v.s, v.n);
    xiW_free(&v);
    xiW_put(b, " |\n");
  }
  if (m->first >= 0 && m->first_detail && m->first_detail[0])
    xiW_put(b, "\n**The first wrong step** (line %d): %s\n", m->c[m->first].line, m->first_detail);
  xiW_put(b, "\n**Score:** ");
  score_line(b, m);
  xiW_put(b, ".\n");
}

/* ---- out ---- */

/* path written whole or not at all (cmd/save.c, as dot, svg and export write) */
static int write_whole(const char *path, const xiW_buf *b, xi_pos at, xi_err *err) {
  char why[256];
  if (xiR_save(path, b->s ? b->s : "", b->n, why, sizeof why))
    return xiX_fail(err, at, "cannot write %s: %s", path, why);
  return 0;
}

int xiR_grade_write(xiR_session *s, const xiP_stmt *st, const xiR_marks *m, xi_err *err) {
  xiW_buf b = {0};
  int rc;
  if (st->to.len) {
    char *path = strndup(s->src + st->to.off, st->to.len);
    xiR_marks_markdown(s, m, &b);
    rc = !path ? xiX_fail(err, st->to.pos, "out of memory")
         : b.failed ? xiX_fail(err, st->to.pos, "%s", xiW_why(&b))
                    : write_whole(path, &b, st->to.pos, err);
    if (rc == 0) {
      xiW_buf line = {0};
      score_line(&line, m);
      printf("grade %s: %s; the marks are in %s\n", m->label, line.s ? line.s : "", path);
      xiW_free(&line);
    }
    free(path);
  } else { /* on stdout: as text, or Markdown (grade --md L) */
    if (st->has_word)
      xiR_marks_markdown(s, m, &b);
    else
      xiR_marks_text(s, m, &b);
    rc = xiR_emit(&b, st->pos, err);
  }
  xiW_free(&b);
  score sc = count(m);
  if (rc == 0 && (sc.wrong || sc.undecided))
    s->failed = 1; /* a teacher's script sees it */
  return rc;
}
