/* group.h: an int's digits grouped as Python's format spec groups them ('{:,}',
 * '{:_x}', with '0' padding), shared by the printer (show/pyspec.c) and the
 * strings Python's code makes as values (tape/pystrval.c). */
#ifndef XI_GROUP_H
#define XI_GROUP_H

#include <stddef.h>

/* digits d[0, nd) grouped from the right by sep every g (sep 0: none), with the
   zeros that '0' padding to min_width adds grouped too (CPython's
   _PyUnicode_InsertThousandsGrouping): the text at *start, *len bytes, inside the
   block returned (to free); NULL when out of memory */
char *xiO_grouped(const char *d, long nd, long min_width, int sep, int g, const char **start,
                  size_t *len);

#endif
