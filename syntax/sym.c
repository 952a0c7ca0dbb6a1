/* sym.c: interning.  When memory runs out a name is not interned (XI_NONE)
 * and the table stays as it was. */
#include "syntax/sym.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


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

static int rehash(xiS_table *t) {
  uint32_t hcap = t->hcap ? t->hcap * 2 : 64;
  uint32_t *h = calloc(hcap, sizeof *h);
  if (!h)
    return -1;
  free(t->hash);
  t->hash = h, t->hcap = hcap;
  for (uint32_t i = 0; i < t->n; i++)
    *slot(t, t->names[i], t->len[i]) = i + 1;
  return 0;
}

/* room for one more name in each of the parallel arrays */
static int room(xiS_table *t) {
  if (t->n < t->cap)
    return 0;
  uint32_t cap = t->cap ? t->cap * 2 : 32;
  char **names = realloc(t->names, cap * sizeof *names);
  if (names)
    t->names = names;
  uint16_t *tag = realloc(t->tag, cap * sizeof *tag);
  if (tag)
    t->tag = tag;
  uint32_t *len = realloc(t->len, cap * sizeof *len);
  if (len)
    t->len = len;
  if (!names || !tag || !len)
    return -1;
  t->cap = cap;
  return 0;
}

uint32_t xiS_intern(xiS_table *t, const char *s, size_t len) {
  uint32_t id = xiS_find(t, s, len);
  if (id != XI_NONE)
    return id;
  char *copy = malloc(len + 1);
  if (!copy || room(t) || (2 * (t->n + 1) >= t->hcap && rehash(t))) {
    free(copy);
    return XI_NONE;
  }
  memcpy(copy, s, len);
  copy[len] = '\0';
  t->tag[t->n] = 0;
  t->len[t->n] = (uint32_t)len;
  t->names[t->n++] = copy;
  *slot(t, copy, len) = t->n;
  return t->n - 1;
}

const char *xiS_name(const xiS_table *t, uint32_t id) { return t->names[id]; }

void xiS_set_tag(xiS_table *t, uint32_t id, uint16_t tag) { t->tag[id] = tag; }
