/* sym.c: interning.  A probe compares the 32-bit hash kept in the slot
 * before it touches a name's text, and the texts sit side by side in chunks
 * in creation order, not one malloc each, each with its tag and length just
 * before it (xiS_head): a lookup in a million names reads its slot, the
 * name's pointer, and the one cache line that holds its length, text and
 * the tag the parser asks for next.  When memory runs out a name is not
 * interned (XI_NONE) and the table stays as it was. */
#include "syntax/sym.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK 65536 /* bytes of names in a chunk (a longer name has its own) */

static uint32_t fnv(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void xiS_init(xiS_table *t) { memset(t, 0, sizeof *t); }

void xiS_free(xiS_table *t) {
  for (uint32_t i = 0; i < t->nchunk; i++)
    free(t->chunk[i]);
  free(t->chunk);
  free(t->names);
  free(t->slot);
  free(t->link);
  memset(t, 0, sizeof *t);

}

/* the slot of s: its own, or the empty one where it would go */
static uint64_t *slot(const xiS_table *t, const char *s, size_t len, uint32_t h) {
  uint32_t mask = t->nslot - 1;
  for (uint32_t k = h & mask;; k = (k + 1) & mask) {
    uint64_t e = t->slot[k];
    if (e == 0)
      return &t->slot[k];
    uint32_t id = (uint32_t)e - 1;
    if ((uint32_t)(e >> 32) == h && xiS_len(t, id) == len && memcmp(t->names[id], s, len) == 0)
      return &t->slot[k];
  }
}

uint32_t xiS_find(const xiS_table *t, const char *s, size_t len) {
  if (t->nslot == 0)
    return XI_NONE;
  uint64_t e = *slot(t, s, len, fnv(s, len));
  return e ? (uint32_t)e - 1 : XI_NONE;
}

static int rehash(xiS_table *t) {
  uint32_t nslot = t->nslot ? t->nslot * 2 : 64;
  uint64_t *s = calloc(nslot, sizeof *s), *old = t->slot;
  uint32_t oldn = t->nslot;
  if (!s)
    return -1;
  t->slot = s, t->nslot = nslot;
  for (uint32_t k = 0; k < oldn; k++)
    if (old[k]) {
      uint32_t id = (uint32_t)old[k] - 1;
      *slot(t, t->names[id], xiS_len(t, id), (uint32_t)(old[k] >> 32)) = old[k];
    }
  free(old);
  return 0;
}

/* room for one more name's pointer */
static int room(xiS_table *t) {
  if (t->n < t->cap)
    return 0;
  uint32_t cap = t->cap ? t->cap * 2 : 32;
  char **names = realloc(t->names, cap * sizeof *names);
  if (!names)
    return -1;
  t->names = names;
  t->cap = cap;
  return 0;
}

/* a place for a text of len bytes, its head before it and its NUL after it,
   which never moves: the text's own address (aligned as the head is) */
static char *place(xiS_table *t, size_t len) {
  size_t need = (XI_SYM_HEAD + len + 1 + 7) & ~(size_t)7;
  if (t->nchunk && t->used + need <= CHUNK) {
    char *p = t->chunk[t->nchunk - 1] + t->used;
    t->used += need;
    return p + XI_SYM_HEAD;
  }
  if (t->nchunk == t->capchunk) {
    uint32_t cap = t->capchunk ? 2 * t->capchunk : 16;
    char **c = realloc(t->chunk, cap * sizeof *c);
    if (!c)
      return NULL;
    t->chunk = c, t->capchunk = cap;
  }
  char *c = malloc(need > CHUNK ? need : CHUNK);
  if (!c)
    return NULL;
  t->chunk[t->nchunk++] = c;
  t->used = need > CHUNK ? CHUNK : need; /* a long name fills its chunk alone */
  return c + XI_SYM_HEAD;
}

uint32_t xiS_intern(xiS_table *t, const char *s, size_t len) {
  uint32_t h = fnv(s, len);
  uint64_t *at = NULL; /* where a new name goes, while the slots stay as they are */
  if (t->nslot) {
    at = slot(t, s, len, h);
    if (*at)
      return (uint32_t)*at - 1;
  }
  if (room(t))
    return XI_NONE;
  if (2 * (t->n + 1) >= t->nslot) {
    if (rehash(t))
      return XI_NONE;
    at = NULL;
  }
  if (len > UINT32_MAX)
    return XI_NONE;
  char *copy = place(t, len);
  if (!copy)
    return XI_NONE;
  memcpy(copy, s, len);
  copy[len] = '\0';
  xiS_head *head = (xiS_head *)(copy - XI_SYM_HEAD);
  head->tag = 0;
  head->len = (uint32_t)len;
  t->names[t->n] = copy;
  if (!at)
    at = slot(t, copy, len, h);
  *at = (uint64_t)h << 32 | (t->n + 1);
  return t->n++;
}

void xiS_set_tag(xiS_table *t, uint32_t id, uint16_t tag) {
  ((xiS_head *)(t->names[id] - XI_SYM_HEAD))->tag = tag;
}

/* a few imports a session: a list looked through is enough */
int xiS_link(xiS_table *t, uint32_t from, uint32_t to) {
  for (uint32_t i = 0; i < t->nlink; i++)
    if (t->link[i][0] == from) {
      t->link[i][1] = to;
      return 0;
    }
  if (t->nlink == t->caplink) {
    uint32_t cap = t->caplink ? 2 * t->caplink : 8;
    uint32_t (*l)[2] = realloc(t->link, cap * sizeof *l);
    if (!l)
      return -1;
    t->link = l, t->caplink = cap;
  }
  t->link[t->nlink][0] = from;
  t->link[t->nlink++][1] = to;
  return 0;
}

uint32_t xiS_linked(const xiS_table *t, uint32_t from) {
  for (uint32_t i = 0; i < t->nlink; i++)
    if (t->link[i][0] == from)
      return t->link[i][1];
  return XI_NONE;
}
