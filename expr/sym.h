/* sym.h: interned names and the pool of literal texts.  Everything refers to
 * a name by its id, so comparing names is comparing integers. */
#ifndef XI_SYM_H
#define XI_SYM_H

#include <stddef.h>
#include <stdint.h>

#define XI_NONE UINT32_MAX

typedef struct {
  char **names;
  uint32_t n, cap;
  uint32_t *hash; /* open addressing: name id + 1, 0 when empty */
  uint32_t hcap;
  uint16_t *tag; /* what the parser knows a name to be (see parse.c), 0 if nothing */
  char *lits; /* literal texts, each ending in '\0' */
  size_t nlits, litcap;
} xiS_table;

void xiS_init(xiS_table *t);
void xiS_free(xiS_table *t);
uint32_t xiS_intern(xiS_table *t, const char *s, size_t len);
uint32_t xiS_find(const xiS_table *t, const char *s, size_t len); /* or XI_NONE */
const char *xiS_name(const xiS_table *t, uint32_t id);
static inline uint16_t xiS_tag(const xiS_table *t, uint32_t id) { return t->tag[id]; }
void xiS_set_tag(xiS_table *t, uint32_t id, uint16_t tag);
/* keeps a literal's text; returns its offset in the pool */
uint32_t xiS_literal(xiS_table *t, const char *s, size_t len);
const char *xiS_literal_text(const xiS_table *t, uint32_t off);

#endif
