/* whole.c: the whole process.  A script of N scalar statements, each a new
 * name (n5 = exp(tanh(n4)) - n2; ...) built from the statement before it and
 * an earlier one, so that every node lies under the last, then one grad; run
 * by xi as a process, against "the limit": this program reading the same text
 * with a small hand-written parser (names in a hash table), evaluating each
 * statement as it reads it, and sweeping back, with the same MPFR calls.
 *
 *   whole.bin script N [print] > FILE   write the script (print: no ';', so
 *                                       every assignment prints its value)
 *   whole.bin limit FILE                run the limit on FILE: prints the last
 *                                       value and ∂last/∂n0, as xi's grad does */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#define PREC 128

/* ---- the script ---- */

static unsigned long long state = 88172645463325252ull;
static unsigned long rnd(unsigned long k) {
  state ^= state << 13, state ^= state >> 7, state ^= state << 17;
  return (unsigned long)(state % k);
}

static int script(long n, int print) {
  const char *end = print ? "\n" : ";\n";
  for (long i = 0; i < 16; i++)
    printf("n%ld = 0.%ld%ld%s", i, 1 + i % 9, 3 + i % 7, end);
  static const char *forms[] = {
      "n%ld = n%ld + n%ld%s",          "n%ld = n%ld - n%ld%s",
      "n%ld = tanh(n%ld * n%ld)%s",    "n%ld = n%ld / (2 + tanh(n%ld))%s",
      "n%ld = exp(tanh(n%ld)) - n%ld%s", "n%ld = log(2 + tanh(n%ld)) * n%ld%s",
  };
  for (long i = 16; i < n; i++) {
    const char *form = forms[rnd(6)];
    printf(form, i, i - 1, (long)rnd((unsigned long)i), end);
  }
  printf("grad n%ld wrt n0\n", n - 1);
  return 0;
}

/* ---- the limit ---- */

enum { OP_LEAF, OP_CONST, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_EXP, OP_LOG, OP_TANH };

typedef struct {
  uint8_t *op;
  uint32_t *a, *b;
  mpfr_t *v;
  uint32_t n, cap;
  /* names: open addressing over (hash, node), the text in the source */
  uint32_t *slot, nslot;
  const char **name;
  uint32_t *nlen;
  uint32_t *bound; /* each name's node */
  uint32_t nnames;
  uint32_t two; /* the node of the literal 2 */
} tape;

static uint32_t node(tape *t, int op, uint32_t a, uint32_t b) {
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 1 << 16;
    t->op = realloc(t->op, t->cap);
    t->a = realloc(t->a, t->cap * sizeof *t->a);
    t->b = realloc(t->b, t->cap * sizeof *t->b);
    t->v = realloc(t->v, t->cap * sizeof *t->v);
  }
  uint32_t i = t->n++;
  t->op[i] = (uint8_t)op, t->a[i] = a, t->b[i] = b;
  mpfr_init2(t->v[i], PREC);
  mpfr_ptr r = t->v[i];
  mpfr_srcptr x = a != UINT32_MAX ? t->v[a] : NULL, y = b != UINT32_MAX ? t->v[b] : NULL;
  switch (op) {
  case OP_ADD: mpfr_add(r, x, y, MPFR_RNDN); break;
  case OP_SUB: mpfr_sub(r, x, y, MPFR_RNDN); break;
  case OP_MUL: mpfr_mul(r, x, y, MPFR_RNDN); break;
  case OP_DIV: mpfr_div(r, x, y, MPFR_RNDN); break;
  case OP_EXP: mpfr_exp(r, x, MPFR_RNDN); break;
  case OP_LOG: mpfr_log(r, x, MPFR_RNDN); break;
  case OP_TANH: mpfr_tanh(r, x, MPFR_RNDN); break;
  default: break;
  }
  return i;
}

static uint32_t hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* the slot of a name: 0 when free, else the name's index + 1 */
static uint32_t *find(tape *t, const char *s, size_t len) {
  for (uint32_t h = hash(s, len) & (t->nslot - 1);; h = (h + 1) & (t->nslot - 1)) {
    uint32_t k = t->slot[h];
    if (!k || (t->nlen[k - 1] == len && memcmp(t->name[k - 1], s, len) == 0))
      return &t->slot[h];
  }
}

typedef struct {
  const char *p, *end;
} src;

static void blank(src *s) {
  while (s->p < s->end && *s->p == ' ')
    s->p++;
}

static uint32_t expr(tape *t, src *s);

static uint32_t primary(tape *t, src *s) {
  blank(s);
  if (*s->p == '(') {
    s->p++;
    uint32_t e = expr(t, s);
    blank(s);
    s->p++; /* ')' */
    return e;
  }
  if (*s->p >= '0' && *s->p <= '9') { /* a literal: 2, or a leaf's 0.13 */
    const char *q = s->p;
    while (s->p < s->end && ((*s->p >= '0' && *s->p <= '9') || *s->p == '.'))
      s->p++;
    if (s->p - q == 1 && *q == '2' && t->two != UINT32_MAX)
      return t->two;
    char buf[32];
    memcpy(buf, q, (size_t)(s->p - q));
    buf[s->p - q] = '\0';
    uint32_t c = node(t, OP_CONST, UINT32_MAX, UINT32_MAX);
    mpfr_set_str(t->v[c], buf, 10, MPFR_RNDN);
    if (s->p - q == 1 && *q == '2')
      t->two = c;
    return c;
  }
  const char *q = s->p;
  while (s->p < s->end && ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= '0' && *s->p <= '9')))
    s->p++;
  size_t len = (size_t)(s->p - q);
  if (*s->p == '(') { /* exp log tanh */
    int op = q[0] == 'e' ? OP_EXP : q[0] == 'l' ? OP_LOG : OP_TANH;
    s->p++;
    uint32_t e = expr(t, s);
    blank(s);
    s->p++;
    return node(t, op, e, UINT32_MAX);
  }
  return t->bound[*find(t, q, len) - 1];
}

static uint32_t term(tape *t, src *s) {
  uint32_t x = primary(t, s);
  for (;;) {
    blank(s);
    if (*s->p != '*' && *s->p != '/')
      return x;
    int op = *s->p++ == '*' ? OP_MUL : OP_DIV;
    x = node(t, op, x, primary(t, s));
  }
}

static uint32_t expr(tape *t, src *s) {
  uint32_t x = term(t, s);
  for (;;) {
    blank(s);
    if (*s->p != '+' && *s->p != '-')
      return x;
    int op = *s->p++ == '+' ? OP_ADD : OP_SUB;
    x = node(t, op, x, term(t, s));
  }
}

static void print_value(mpfr_srcptr x, const char *name, size_t len) {
  mpfr_exp_t e;
  char *d = mpfr_get_str(NULL, &e, 10, 10, x, MPFR_RNDN);
  printf("%.*s = %s e%ld\n", (int)len, name, d, (long)e);
  mpfr_free_str(d);
}

static int limit(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 1;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  if (fread(text, 1, (size_t)size, f) != (size_t)size)
    return 1;
  text[size] = '\0';
  fclose(f);
  tape t = {0};
  t.two = UINT32_MAX;
  t.nslot = 1u << 22;
  t.slot = calloc(t.nslot, sizeof *t.slot);
  t.name = malloc((t.nslot / 2) * sizeof *t.name);
  t.nlen = malloc((t.nslot / 2) * sizeof *t.nlen);
  t.bound = malloc((t.nslot / 2) * sizeof *t.bound);
  src s = {text, text + size};
  uint32_t last = 0, wrt = 0;
  while (s.p < s.end) {
    if (strncmp(s.p, "grad ", 5) == 0) {
      const char *w = strstr(s.p, " wrt ") + 5;
      wrt = t.bound[*find(&t, w, strcspn(w, "\n")) - 1];
      break;
    }
    const char *q = s.p;
    while (*s.p != ' ')
      s.p++;
    size_t len = (size_t)(s.p - q);
    s.p += 3; /* " = " */
    uint32_t e = expr(&t, &s), *slot = find(&t, q, len);
    if (!*slot) {
      t.name[t.nnames] = q, t.nlen[t.nnames] = (uint32_t)len;
      *slot = ++t.nnames;
    }
    t.bound[*slot - 1] = e;
    last = e;
    int quiet = *s.p == ';';
    if (!quiet)
      print_value(t.v[e], q, len);
    while (s.p < s.end && *s.p++ != '\n')
      ;
  }
  /* the sweep */
  mpfr_t *d = malloc(t.n * sizeof *d), tmp;
  mpfr_init2(tmp, PREC);
  for (uint32_t i = 0; i < t.n; i++) {
    mpfr_init2(d[i], PREC);
    mpfr_set_zero(d[i], 1);
  }
  mpfr_set_ui(d[last], 1, MPFR_RNDN);
  for (uint32_t i = last + 1; i-- > 0;) {
    mpfr_ptr g = d[i];
    if (mpfr_zero_p(g) || t.op[i] <= OP_CONST)
      continue;
    mpfr_ptr da = d[t.a[i]], db = t.b[i] != UINT32_MAX ? d[t.b[i]] : NULL;
    mpfr_srcptr o = t.v[i], a = t.v[t.a[i]], b = db ? t.v[t.b[i]] : NULL;
    switch (t.op[i]) {
    case OP_ADD: mpfr_add(da, da, g, MPFR_RNDN); mpfr_add(db, db, g, MPFR_RNDN); break;
    case OP_SUB: mpfr_add(da, da, g, MPFR_RNDN); mpfr_sub(db, db, g, MPFR_RNDN); break;
    case OP_MUL: mpfr_fma(da, g, b, da, MPFR_RNDN); mpfr_fma(db, g, a, db, MPFR_RNDN); break;
    case OP_DIV:
      mpfr_ui_div(tmp, 1, b, MPFR_RNDN);
      mpfr_fma(da, g, tmp, da, MPFR_RNDN);
      mpfr_div(tmp, o, b, MPFR_RNDN);
      mpfr_neg(tmp, tmp, MPFR_RNDN);
      mpfr_fma(db, g, tmp, db, MPFR_RNDN);
      break;
    case OP_EXP: mpfr_fma(da, g, o, da, MPFR_RNDN); break;
    case OP_LOG: mpfr_ui_div(tmp, 1, a, MPFR_RNDN); mpfr_fma(da, g, tmp, da, MPFR_RNDN); break;
    case OP_TANH:
      mpfr_sqr(tmp, o, MPFR_RNDN);
      mpfr_ui_sub(tmp, 1, tmp, MPFR_RNDN);
      mpfr_fma(da, g, tmp, da, MPFR_RNDN);
      break;
    }
  }
  mpfr_printf("%.40Rg\n%.40Rg\n", t.v[last], d[wrt]);
  /* an honest program frees what it took */
  for (uint32_t i = 0; i < t.n; i++)
    mpfr_clears(t.v[i], d[i], (mpfr_ptr)0);
  mpfr_clear(tmp);
  free(d), free(t.v), free(t.op), free(t.a), free(t.b), free(t.slot), free(t.name);
  free(t.nlen), free(t.bound), free(text);
  mpfr_free_cache();
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "script") == 0)
    return script(atol(argv[2]), argc > 3 && strcmp(argv[3], "print") == 0);
  if (argc == 3 && strcmp(argv[1], "limit") == 0)
    return limit(argv[2]);
  fprintf(stderr, "usage: whole.bin script N [print] | whole.bin limit FILE\n");
  return 2;
}
