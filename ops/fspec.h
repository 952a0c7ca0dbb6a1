/* fspec.h: Python's format-spec mini-language,
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type], read as
 * CPython 3.11's parse_internal_render_format_spec reads it: the one reading,
 * shared by the printer (show/pyfmt.c, show/pyspec.c) and the strings
 * Python's code makes as values (tape/pystrval.c); what each type makes of
 * the spec is the caller's. */
#ifndef XI_FSPEC_H
#define XI_FSPEC_H

#include <stddef.h>

typedef struct {
  const char *fill;
  size_t fill_len; /* the fill character's bytes */
  int align, sign, z, alt, sep, group;
  int aligned;      /* the alignment was given (a string's default is '<', a number's '>') */
  long width, prec; /* -1: not given */
  long type;        /* the character (a code point), or deftype when none is given */
} xiO_fspec;

/* spec s[0, len) read into *f: 0, or -1 with Python's message in why (n bytes:
   "ValueError: Format specifier missing precision"; tname is the type's name
   in it, "float"), or -2 when a width or precision passes most (the caller's
   limit, whose words are the caller's; INT64_MAX: none but Python's own).
   deftype is CPython's default_type: the type when none is given ('s' for a
   str, 'd' for an int, or 0); a '0' before the width makes '=' the alignment
   unless one was given or deftype is 's' (a str's default alignment is '<') */
int xiO_fspec_parse(xiO_fspec *f, const char *s, size_t len, const char *tname, long deftype,
                    long most, char *why, size_t n);
/* why's message (printf's format), and rc: how a spec's reader and its
   callers refuse it */
int xiO_fspec_fail(char *why, size_t n, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Python's message for a type code: 'd', or '\xe9' past ASCII */
void xiO_fspec_code(char *out, size_t n, long type);

#endif
