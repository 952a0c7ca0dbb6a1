/* pastecmp.c: xi's output of a pasted Python file against Python's, line for
 * line.  A line passes when it is the same text, or when it differs only in
 * numbers that are within float64's error of each other.  A .py file runs in
 * binary64 as NumPy does, each operation correctly rounded, and prints what
 * Python prints; NumPy's own functions are not all correctly rounded (with
 * AVX512F its exp and log may be one ulp off; its sums are pairwise), and a
 * file run under format mpfr or --prec prints exact digits.  Such lines are
 * listed, with both numbers, so that every difference is seen; a number
 * further off than 1e-9 relative (or more than one unit of its last printed
 * digit, where it is rounded to few digits) fails the test.
 *
 * usage: pastecmp PYTHON_OUT XI_OUT     exit 0: every line passes */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL 1e-9

/* a number's length at s (digits, point, exponent; a sign before it is the
   text's), or 0 */
static size_t number(const char *s) {
  size_t i = 0;
  int digits = 0;
  while (isdigit((unsigned char)s[i]))
    i++, digits = 1;
  if (s[i] == '.') {
    i++;
    while (isdigit((unsigned char)s[i]))
      i++, digits = 1;
  }
  if (!digits)
    return 0;
  if ((s[i] == 'e' || s[i] == 'E') &&
      (isdigit((unsigned char)s[i + 1]) ||
       ((s[i + 1] == '-' || s[i + 1] == '+') && isdigit((unsigned char)s[i + 2])))) {
    i += 2;
    while (isdigit((unsigned char)s[i]))
      i++;
  }
  return i;
}

/* one unit of the last digit written in s (len bytes): 0.4639 -> 1e-4 */
static double last_unit(const char *s, size_t len) {
  const char *dot = memchr(s, '.', len), *e = NULL;
  for (size_t i = 0; i < len; i++)
    if (s[i] == 'e' || s[i] == 'E')
      e = s + i;
  size_t frac = 0;
  if (dot)
    frac = (size_t)((e ? e : s + len) - dot - 1);
  double unit = pow(10, -(double)frac);
  return e ? unit * pow(10, atof(e + 1)) : unit;
}

/* the same characters but for the digits: 0.30000000000000004 and 0.3 */
static int same_form(const char *a, size_t na, const char *b, size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < na && isdigit((unsigned char)a[i]))
      i++;
    while (j < nb && isdigit((unsigned char)b[j]))
      j++;
    if (i == na || j == nb)
      return i == na && j == nb;
    if (a[i++] != b[j++])
      return 0;
  }
}

/* 0: same; 1: numbers within float64's error (said on stdout); 2: different */
static int compare(const char *a, const char *b, int line) {
  if (strcmp(a, b) == 0)
    return 0;
  int worst = 0;
  const char *pa = a, *pb = b;
  while (*pa || *pb) {
    size_t na = number(pa), nb = number(pb);
    int start_a = pa == a || !isalnum((unsigned char)pa[-1]);
    int start_b = pb == b || !isalnum((unsigned char)pb[-1]);
    if (na && nb && start_a && start_b) {
      int neg_a = pa > a && pa[-1] == '-', neg_b = pb > b && pb[-1] == '-';
      long double x = strtold(pa, NULL), y = strtold(pb, NULL); /* 17 digits apart */
      x = neg_a ? -x : x, y = neg_b ? -y : y;
      if (na != nb || memcmp(pa, pb, na) != 0) {
        if (x == y || !same_form(pa, na, pb, nb))
          return 2; /* 4 and 4.0: an int printed as a float is no rounding error */
        long double tol = fmaxl(REL * fmaxl(fabsl(x), fabsl(y)),
                                1.0000001L * fmax(last_unit(pa, na), last_unit(pb, nb)));
        if (fabsl(x - y) > tol)
          return 2;
        worst = 1;
      }
      pa += na, pb += nb;
      continue;
    }
    if (*pa != *pb)
      return 2;
    pa++, pb++;
  }
  if (worst)
    printf("  line %d, Python's last digits differ from xi's (within float64's error):\n    python: %s\n"
           "    xi:     %s\n", line, a, b);
  return worst;
}

static char *next_line(FILE *f, char **buf, size_t *cap) {
  ssize_t n = getline(buf, cap, f);
  if (n < 0)
    return NULL;
  if (n && (*buf)[n - 1] == '\n')
    (*buf)[n - 1] = '\0';
  return *buf;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: pastecmp PYTHON_OUT XI_OUT\n");
    return 2;
  }
  FILE *fa = fopen(argv[1], "r"), *fb = fopen(argv[2], "r");
  if (!fa || !fb) {
    fprintf(stderr, "pastecmp: cannot read %s\n", fa ? argv[2] : argv[1]);
    return 2;
  }
  char *a = NULL, *b = NULL, *la, *lb;
  size_t ca = 0, cb = 0;
  int line = 0, rc = 0;
  for (;;) {
    la = next_line(fa, &a, &ca);
    char *sa = la ? strdup(la) : NULL;
    lb = next_line(fb, &b, &cb);
    line++;
    if (!sa && !lb)
      break;
    if (!sa || !lb) {
      printf("  line %d: %s ends here; the other has: %s\n", line, sa ? "xi's output" : "Python's",
             sa ? sa : lb);
      free(sa);
      rc = 1;
      break;
    }
    if (compare(sa, lb, line) == 2) {
      printf("  line %d differs:\n    python: %s\n    xi:     %s\n", line, sa, lb);
      rc = 1;
    }
    free(sa);
  }
  free(a);
  free(b);
  fclose(fa);
  fclose(fb);
  return rc;
}
