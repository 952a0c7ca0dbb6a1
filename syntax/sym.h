/* sym.h: interned names, and literal texts interned the same way (a literal
 * starts with a digit, a point or a minus, so it never meets a name).
 * Everything refers to a name by its id: comparing names is comparing ints. */
#ifndef XI_SYM_H
#define XI_SYM_H

#include <stddef.h>
#include <stdint.h>

#ifndef XI_NONE
#define XI_NONE UINT32_MAX
#endif

/* what sits just before each name's text: what the parser knows the name to
   be (see parse.h), 0 if nothing; and its length */
typedef struct {
  uint16_t tag;
  uint32_t len;
} xiS_head;
#define XI_SYM_HEAD sizeof(xiS_head)

typedef struct {
  char **names;    /* each name's text, in the chunks below, its xiS_head before it */
  uint32_t n, cap;
  uint64_t *slot;  /* open addressing: the hash << 32 | id + 1, 0 when empty */
  uint32_t nslot;
  char **chunk;    /* the texts, NUL-terminated, side by side in creation order */
  uint32_t nchunk, capchunk;
  size_t used;     /* bytes used in the last chunk */
  uint32_t (*link)[2]; /* pairs (name, name): an import's alias and its module */
  uint32_t nlink, caplink;
} xiS_table;

void xiS_init(xiS_table *t);
void xiS_free(xiS_table *t);
uint32_t xiS_intern(xiS_table *t, const char *s, size_t len); /* XI_NONE: out of memory */
uint32_t xiS_find(const xiS_table *t, const char *s, size_t len); /* or XI_NONE */
static inline const char *xiS_name(const xiS_table *t, uint32_t id) { return t->names[id]; }
static inline const xiS_head *xiS_head_of(const xiS_table *t, uint32_t id) {
  return (const xiS_head *)(t->names[id] - XI_SYM_HEAD);
}
static inline uint16_t xiS_tag(const xiS_table *t, uint32_t id) { return xiS_head_of(t, id)->tag; }
static inline uint32_t xiS_len(const xiS_table *t, uint32_t id) { return xiS_head_of(t, id)->len; }
void xiS_set_tag(xiS_table *t, uint32_t id, uint16_t tag);
/* a name linked to another (an alias to the module it names); -1 when out of
   memory.  xiS_linked: what from is linked to, or XI_NONE. */
int xiS_link(xiS_table *t, uint32_t from, uint32_t to);
uint32_t xiS_linked(const xiS_table *t, uint32_t from);


#endif
