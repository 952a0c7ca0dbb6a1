/* optable.c: reading a table, and checking an operation table row by row
 * (part of the format checker: check.c says what it does; fmt.h is what
 * its files share). */
#define _POSIX_C_SOURCE 200809L /* getline, strtok_r */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "fmt.h"

/* ---- reading tables ----------------------------------------------------- */


/* The next data line (comments and blank lines skipped), without its newline. */
char *next_line(reader_t *r)
{
    ssize_t n;
    while ((n = getline(&r->line, &r->cap, r->fp)) >= 0) {
        r->lineno++;
        while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
            r->line[--n] = '\0';
        if (n == 0 || r->line[0] == '#')
            continue;
        return r->line;
    }
    return NULL;
}

/* Split s at tabs into at most max fields; returns the count. */
int split_tabs(char *s, char **fields, int max)
{
    int n = 0;
    fields[n++] = s;
    for (char *p = s; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == max)
                return max + 1;
            fields[n++] = p + 1;
        }
    return n;
}

void malformed(reader_t *r, const char *why)
{
    fprintf(stderr, "check: %s:%ld: %s\n", r->path, r->lineno, why);
    exit(2);
}

/* The table's format: "# format NAME" in its leading comments, else its name. */
const fmt_t *table_format(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NULL;
    char buf[512];
    const fmt_t *f = NULL;
    while (!f && fgets(buf, sizeof buf, fp) && buf[0] == '#') {
        char *p = strstr(buf, "format ");
        if (p) {
            p += 7;
            size_t len = strcspn(p, " \t;,\n");
            f = find_format(p, len);
        }
    }
    fclose(fp);
    if (f)
        return f;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return find_format(base, strcspn(base, "-."));
}

/* ---- operation tables --------------------------------------------------- */



known_t *known;
size_t nknown;
FILE *write_known; /* --write-known: every row over 1 ulp is appended here */

void load_known(const char *path)
{
    reader_t r = {path, fopen(path, "r"), NULL, 0, 0};
    if (!r.fp) {
        fprintf(stderr, "check: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    for (char *line; (line = next_line(&r));) {
        char *fld[5], *end;
        if (split_tabs(line, fld, 5) != 5)
            malformed(&r, "want 5 tab-separated fields: format op a result ulps");
        known = realloc(known, (nknown + 1) * sizeof *known);
        if (!known) {
            perror("check");
            exit(2);
        }
        known_t *k = &known[nknown++];
        k->format = strdup(fld[0]);
        k->op = strdup(fld[1]);
        k->a = strdup(fld[2]);
        k->result = strdup(fld[3]);
        k->ulps = strtol(fld[4], &end, 10);
        k->met = false;
        if (*end || !k->format || !k->op || !k->a || !k->result)
            malformed(&r, "bad ulps");
    }
    fclose(r.fp);
    free(r.line);
}

static known_t *find_known(const char *format, const char *op, const char *a, const char *result)
{
    for (size_t i = 0; i < nknown; i++)
        if (!strcmp(known[i].format, format) && !strcmp(known[i].op, op) &&
            !strcmp(known[i].a, a) && !strcmp(known[i].result, result))
            return &known[i];
    return NULL;
}

int verbose;

tally_t check_ops(const fmt_t *f, reader_t *r, char *first)
{
    tally_t c = {0, 0, 0, 0, 0};
    mpfr_t a, b, want, got;
    mpfr_inits2(f->prec, a, b, want, got, (mpfr_ptr)0);
    for (char *line = first; line; line = next_line(r)) {
        char *fld[4];
        if (split_tabs(line, fld, 4) != 4)
            malformed(r, "want 4 tab-separated fields: op a b result");
        int op = op_of(fld[0]);
        if (op < 0)
            malformed(r, "unknown op");
        bool unary = op >= SQRT;
        if (!parse(f, fld[1], a) || (unary ? fld[2][0] != '\0' : !parse(f, fld[2], b)) ||
            !parse(f, fld[3], want))
            malformed(r, "a number that is not a value of the format");
        compute(f, op, got, a, b);
        c.rows++;
        const char *verdict;
        intmax_t dist = 0;
        if (same(got, want)) {
            c.equal++;
            continue;
        }
        bool finite = mpfr_number_p(got) && mpfr_number_p(want);
        if (finite)
            dist = ordinal(f, want) - ordinal(f, got);
        bool both_zero = mpfr_zero_p(got) && mpfr_zero_p(want); /* signs differ */
        known_t *k = NULL;
        if (op >= EXP && finite && !both_zero && (dist == 1 || dist == -1)) {
            c.within++;
            verdict = "within 1 ulp";
            if (!verbose)
                continue;
        } else if (op >= EXP && finite && !both_zero && write_known) {
            fprintf(write_known, "%s\t%s\t%s\t%s\t%+" PRIdMAX "\n", f->name, fld[0], fld[1], fld[3], dist);
            c.known++;
            verdict = "over 1 ulp, written to the known list";
        } else if (op >= EXP && finite && !both_zero &&
                   (k = find_known(f->name, fld[0], fld[1], fld[3])) && k->ulps == dist) {
            k->met = true;
            c.known++;
            verdict = "over 1 ulp, known";
            if (!verbose)
                continue;
        } else {
            c.differ++;
            verdict = "DIFFERS";
        }
        printf("%s:%ld: %s %s(%s%s%s): table ", r->path, r->lineno, verdict, fld[0], fld[1],
               unary ? "" : ", ", fld[2]);
        show(stdout, want);
        printf(", MPFR ");
        show(stdout, got);
        if (finite && !both_zero)
            printf(" (%+" PRIdMAX " ulp)", dist);
        printf("\n");
    }
    mpfr_clears(a, b, want, got, (mpfr_ptr)0);
    return c;
}

