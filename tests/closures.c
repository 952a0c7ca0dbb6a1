/* closures.c: a loop that makes a closure at every step runs in bounded memory
 * (tape/env.c): the scopes no function reads any more are let go before a
 * collection, with their hidden names (<env K>.x), and their entries are taken
 * again.  Before, every call of make_adder kept its scope and two hidden names
 * for the rest of the session: 3000 steps left 3000 scopes and 6000 names.
 * Here the same program is run for 1000 and for 3000 steps, in sessions of
 * their own: the scopes in use and the names interned must not grow with the
 * steps, and the closures kept must still read their own values (the sums
 * are Python's: sum(i + k for k in range(5)) = 5i + 10). */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/session.h"
#include "tape/exec_int.h"
#include "tape/names.h"

static int failures;

static void fail(const char *what, unsigned long got, unsigned long want) {
  failures++;
  fprintf(stderr, "%s: %lu, want %lu\n", what, got, want);
}

/* the scopes in use after a run of `steps` steps, and the hidden names interned */
static int run(unsigned steps, uint32_t *envs, uint32_t *names) {
  char src[1024];
  snprintf(src, sizeof src,
           "def make_adder(n):\n"
           "    def add(x):\n"
           "        return x + n\n"
           "    return add\n"
           "kept = [make_adder(k) for k in range(5)]\n"
           "total = 0\n"
           "for i in range(%u):\n"
           "    f = make_adder(i)\n"
           "    total = f(total)\n"
           "check = sum(k(%u) for k in kept)\n",
           steps, steps);
  const char *path = "/tmp/xi-closures-test.py";
  FILE *fp = fopen(path, "w");
  if (!fp || fputs(src, fp) < 0 || fclose(fp))
    return -1;
  xiR_session s;
  xiR_init(&s, XI_DEFAULT_PREC, XI_DEFAULT_DIGITS);
  int rc = xiR_run_file(&s, path);
  remove(path);
  xiG_collect(&s.g); /* (as between statements) */
  *envs = 0;
  const xiG_env *e = s.g.envs;
  for (uint32_t k = 0; k < s.g.nenvs; k++)
    *envs += e[k].serial != 0;
  *names = 0; /* (a loop's counter interns each number it reaches: those are not counted) */
  for (uint32_t q = 0; q < s.g.sym.n; q++)
    *names += strncmp(xiS_name(&s.g.sym, q), "<env ", 5) == 0;
  uint32_t id = xiS_find(&s.g.sym, "check", 5), tid = xiS_find(&s.g.sym, "total", 5);
  const xiG_binding *b = id == XI_NONE ? NULL : xiG_binding_of(&s.g, id);
  const xiG_binding *t = tid == XI_NONE ? NULL : xiG_binding_of(&s.g, tid);
  long check = b && b->kind == B_NODE ? mpfr_get_si(s.g.nodes[b->node].v, MPFR_RNDN) : -1;
  long total = t && t->kind == B_NODE ? mpfr_get_si(s.g.nodes[t->node].v, MPFR_RNDN) : -1;
  if (check != 5L * steps + 10)
    fail("the closures kept read", (unsigned long)check, 5UL * steps + 10);
  if (total != (long)steps * (steps - 1) / 2) /* 0 + 1 + ... + (steps - 1) */
    fail("total", (unsigned long)total, (unsigned long)steps * (steps - 1) / 2);
  xiR_free(&s);
  return rc;
}

int main(void) {
  if (!freopen("/dev/null", "w", stdout))
    return 2;
  uint32_t e1, n1, e3, n3;
  if (run(1000, &e1, &n1) || run(3000, &e3, &n3)) {
    fprintf(stderr, "the program failed\n");
    return 1;
  }
  if (e3 != e1 || e3 > 8) /* the five kept, and the loop's last */
    fail("scopes kept after 3000 steps", e3, e1);
  if (n3 != n1)
    fail("hidden names interned after 3000 steps", n3, n1);
  if (failures)
    return 1;
  printf("%u scopes and %u hidden names after 1000 steps and after 3000\n", e3, n3);
  return 0;
}
