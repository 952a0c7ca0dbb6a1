/* sym.c: interning.  Allocation failure here is fatal: the
 * tables are small and there is nothing sensible left to do without them. */
#include "syntax/sym.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *grow(void *p, size_t bytes) {
  void *q = realloc(p, bytes);
  if (!q) {
    fputs("xi: out of memory\n", stderr);
    exit(2);
  }
  return q;
}

static uint32_t fnv(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void xiS_init(xiS_table *t) { memset(t, 0, sizeof *t); }

void xiS_free(xiS_table *t) {
  for (uint32_t i = 0; i < t->n; i++)
    free(t->names[i]);
  free(t->names);
  free(t->tag);
  free(t->len);
  free(t->hash);
  memset(t, 0, sizeof *t);
}

static uint32_t *slot(const xiS_table *t, const char *s, size_t len) {
  uint32_t mask = t->hcap - 1;
  for (uint32_t h = fnv(s, len) & mask;; h = (h + 1) & mask) {
    uint32_t id = t->hash[h];
    if (id == 0)
      return &t->hash[h];
    if (t->len[id - 1] == len && memcmp(t->names[id - 1], s, len) == 0)
      return &t->hash[h];
  }
}

uint32_t xiS_find(const xiS_table *t, const char *s, size_t len) {
  if (t->hcap == 0)
    return XI_NONE;
  uint32_t id = *slot(t, s, len);
  return id ? id - 1 : XI_NONE;
}

static void rehash(xiS_table *t) {
  free(t->hash);
  t->hcap = t->hcap ? t->hcap * 2 : 64;
  t->hash = grow(NULL, t->hcap * sizeof *t->hash);
  memset(t->hash, 0, t->hcap * sizeof *t->hash);
  for (uint32_t i = 0; i < t->n; i++)
    *slot(t, t->names[i], strlen(t->names[i])) = i + 1;
}

uint32_t xiS_intern(xiS_table *t, const char *s, size_t len) {
  uint32_t id = xiS_find(t, s, len);
  if (id != XI_NONE)
    return id;
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 32;
    t->names = grow(t->names, t->cap * sizeof *t->names);
    t->tag = grow(t->tag, t->cap * sizeof *t->tag);
    t->len = grow(t->len, t->cap * sizeof *t->len);
  }
  t->tag[t->n] = 0;
  t->len[t->n] = (uint32_t)len;
  char *copy = grow(NULL, len + 1);
  memcpy(copy, s, len);
  copy[len] = '\0';
  t->names[t->n++] = copy;
  if (2 * t->n >= t->hcap)
    rehash(t);
  else
    *slot(t, copy, len) = t->n;
  return t->n - 1;
}

const char *xiS_name(const xiS_table *t, uint32_t id) { return t->names[id]; }

void xiS_set_tag(xiS_table *t, uint32_t id, uint16_t tag) { t->tag[id] = tag; }
