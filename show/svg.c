/* svg.c: DOT text laid out and drawn by Graphviz's own library (libgvc and
 * libcgraph): the layout is dot's, never one of xi's.  Graphviz reports its
 * errors through a function of ours, so they become xi's error message
 * instead of lines on stderr. */
#include "show/draw.h"

#include <gvc.h>
#include <stdio.h>
#include <string.h>

static char graphviz_said[256]; /* Graphviz's last error, for the message */

static int remember(char *msg) {
  size_t n = strlen(graphviz_said);
  snprintf(graphviz_said + n, sizeof graphviz_said - n, "%s", msg);
  return 0;
}

/* Graphviz's words on one line, without "Error: " and the newline */
static void why_graphviz(char *why, size_t n, const char *what) {
  char *s = graphviz_said;
  if (strncmp(s, "Error: ", 7) == 0)
    s += 7;
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = *(p + 1) ? ' ' : '\0';
  snprintf(why, n, "Graphviz could not %s the graph%s%s", what, *s ? ": " : "", s);
}

int xiV_svg(const char *dot, xiW_buf *out, char *why, size_t n) {
  graphviz_said[0] = '\0';
  agusererrf before = agseterrf(remember);
  agseterr(AGERR); /* warnings (a font not found) are not xi's business */
  int rc = -1;
  GVC_t *gvc = gvContext();
  Agraph_t *g = gvc ? agmemread(dot) : NULL;
  char *data = NULL;
  unsigned int len = 0;
  if (!gvc) {
    snprintf(why, n, "Graphviz could not start (out of memory?)");
  } else if (!g) {
    why_graphviz(why, n, "read");
  } else if (gvLayout(gvc, g, "dot") != 0) {
    why_graphviz(why, n, "lay out");
  } else {
    if (gvRenderData(gvc, g, "svg", &data, &len) != 0 || !data)
      why_graphviz(why, n, "draw");
    else
      rc = 0;
    gvFreeLayout(gvc, g);
  }
  if (rc == 0) {
    xiW_str(out, data, len);
    if (out->failed) {
      snprintf(why, n, "%s", xiW_why(out));
      rc = -1;
    }
  }
  if (data)
    gvFreeRenderData(data);
  if (g)
    agclose(g);
  if (gvc)
    gvFreeContext(gvc);
  agseterrf(before);
  return rc;
}
