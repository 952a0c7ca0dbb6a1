/* tables.c: the tables are the only source of what xi knows; every list of
 * them elsewhere is checked against them here (a unit test, tests/run).
 *
 *   tables.bin          checks, and says what drifted
 *   tables.bin --dict   prints fuzz/dict's block of words, made from the tables
 *
 * What is checked, for every named operation (ops/ops.h), every command
 * (syntax/commands.h) and every NumPy name (syntax/numpy.c's tables):
 *   - fuzz/dict's block between its two "generated" lines is exactly what
 *     --dict prints (so the fuzzer knows every word; regenerate it with
 *     tests/tables.bin --dict);
 *   - each operation and each command is named in the manual (docs/manual.md) and
 *     in the man page (docs/xi.1), as a whole word;
 *   - each operation's row has help text, and each command's row a usage, a
 *     summary and help (help NAME prints them; help's overview lists the
 *     operations from the table itself, cmd/help.c);
 *   - each ending of export's rows (cmd/exports.h) is named in help export,
 *     the manual and the man page.
 * Exit status 0 when all hold. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exports.h"
#include "ops/ops.h"
#include "syntax/commands.h"
#include "syntax/parse.h"

/* a man page's font changes (\fB, \fI, \fR, \fP) become spaces, so that a
   word in bold is a word */
static char *unfont(char *s) {
  for (char *p = s; (p = strstr(p, "\\f")) && p[2]; p += 3)
    if (strchr("BIRP", p[2]))
      memset(p, ' ', 3);
  return s;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("cannot read %s\n", path);
    exit(1);
  }
  size_t cap = 1 << 16, n = 0;
  char *s = malloc(cap);
  size_t r;
  while (s && (r = fread(s + n, 1, cap - n - 1, f)) > 0)
    if ((n += r) + 1 == cap)
      s = realloc(s, cap *= 2);
  fclose(f);
  if (!s)
    exit(1);
  s[n] = '\0';
  return s;
}

/* word appears in text with no letter, digit, '_' or '.' right before it and
   no letter, digit or '_' right after (a man page writes '-' as '\-') */
static int has_word(const char *text, const char *word) {
  size_t n = strlen(word);
  for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
    int before = p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.');
    int after = isalnum((unsigned char)p[n]) || p[n] == '_';
    if (!before && !after)
      return 1;
  }
  return 0;
}

/* fn(word) for every word the tables give, in table order */
static void each_word(void (*fn)(const char *word, const char *kind, void *ctx), void *ctx) {
  for (int c = 0; c < XI_NCOMMANDS; c++)
    fn(xiP_commands[c].word, "command", ctx);
  for (int i = 0; xiO_function_name(i); i++)
    fn(xiO_function_name(i), "operation", ctx);
  for (int w = 0; w < 4; w++)
    for (int i = 0; xiP_np_name(w, i); i++)
      fn(xiP_np_name(w, i), "numpy", ctx);
}

static void dict_line(const char *word, const char *kind, void *ctx) {
  (void)kind;
  FILE *out = ctx;
  fputc('"', out);
  for (const char *p = word; *p; p++)
    if ((unsigned char)*p >= 0x80 || *p == '"' || *p == '\\')
      fprintf(out, "\\x%02X", (unsigned char)*p);
    else
      fputc(*p, out);
  fputs("\"\n", out);
}

#define BEGIN "# ---- generated from the tables by tests/tables.bin --dict: do not edit ----\n"
#define END "# ---- end of the generated words ----\n"

static int failures;

static void check_dict(void) {
  char *dict = slurp("fuzz/dict");
  char *b = strstr(dict, BEGIN), *e = b ? strstr(b, END) : NULL;
  if (!b || !e) {
    printf("fuzz/dict has no generated block (its two marker lines)\n");
    failures++;
    free(dict);
    return;
  }
  char *want = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&want, &len);
  each_word(dict_line, m);
  fclose(m);
  b += strlen(BEGIN);
  if ((size_t)(e - b) != len || memcmp(b, want, len) != 0) {
    printf("fuzz/dict's generated words differ from the tables: write them again with\n"
           "  tests/tables.bin --dict (between the marker lines)\n");
    failures++;
  }
  free(want);
  free(dict);
}

struct docs {
  const char *path;
  char *text;
};

static void in_docs(const char *word, const char *kind, void *ctx) {
  struct docs *d = ctx;
  if (strcmp(kind, "numpy") == 0)
    return;
  for (; d->path; d++)
    if (!has_word(d->text, word)) {
      printf("%s: the %s '%s' is not named\n", d->path, kind, word);
      failures++;
    }
}

/* an ending (".md") named in text, not as the tail of a longer word (".mdx") */
static int has_ending(const char *text, const char *ending) {
  size_t n = strlen(ending);
  for (const char *t = strstr(text, ending); t; t = strstr(t + 1, ending))
    if (!isalnum((unsigned char)t[n]))
      return 1;
  return 0;
}

/* export's rows (cmd/exports.h): every ending in help export and the docs */
static void check_exports(const struct docs *docs) {
  const xiP_command_row *ex = NULL;
  for (int c = 0; c < XI_NCOMMANDS; c++)
    if (strcmp(xiP_commands[c].word, "export") == 0)
      ex = &xiP_commands[c];
  if (!ex) {
    printf("syntax/commands.h: no command export\n");
    failures++;
    return;
  }
  for (int r = 0; r < XI_NEXPORTS; r++)
    for (int e = 0; e < 2; e++) {
      const char *end = xiR_exports[r].ending[e];
      if (!end)
        continue;
      if (!has_ending(ex->help, end)) {
        printf("syntax/commands.h: help export does not name the ending %s\n", end);
        failures++;
      }
      for (const struct docs *d = docs; d->path; d++)
        if (!has_ending(d->text, end)) {
          printf("%s: the export ending '%s' is not named\n", d->path, end);
          failures++;
        }
    }
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--dict") == 0) {
    fputs(BEGIN, stdout);
    each_word(dict_line, stdout);
    fputs(END, stdout);
    return 0;
  }
  check_dict();
  struct docs docs[] = {{"docs/manual.md", slurp("docs/manual.md")}, {"docs/xi.1", unfont(slurp("docs/xi.1"))},
                        {NULL, NULL}};
  each_word(in_docs, docs);
  check_exports(docs);
  for (struct docs *d = docs; d->path; d++)
    free(d->text);
  for (int op = XI_FIRST_OP; op < XI_NOPS; op++)
    if (xiO_table[op].name && (!xiO_table[op].help || !xiO_table[op].help[0])) {
      printf("ops/ops.h: the operation %s has no help\n", xiO_table[op].name);
      failures++;
    }
  for (int c = 0; c < XI_NCOMMANDS; c++) {
    const xiP_command_row *r = &xiP_commands[c];
    if (!r->usage[0] || !r->summary[0] || !r->help) {
      printf("syntax/commands.h: the command %s lacks its usage, summary or help\n", r->word);
      failures++;
    }
  }
  if (failures) {
    printf("%d places differ from the tables\n", failures);
    return 1;
  }
  int ops = 0, np = 0;
  for (int i = 0; xiO_function_name(i); i++)
    ops++;
  for (int w = 0; w < 4; w++)
    for (int i = 0; xiP_np_name(w, i); i++)
      np++;
  printf("ok: %d commands, %d operations, %d NumPy names and %d export formats agree with fuzz/dict, docs/manual.md, "
         "docs/xi.1 and help\n",
         XI_NCOMMANDS, ops, np, XI_NEXPORTS);
  return 0;
}
