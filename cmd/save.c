/* save.c: a file written whole or not at all.  Every file xi writes (dot,
 * svg and export's files, the prompt's history) is written by xiR_save: into
 * a new file beside the target (same folder, so that rename cannot cross
 * file systems), flushed to the disk and closed, each step checked, and only
 * then renamed over the target, which rename(2) does at once.  On any failure
 * the new file is removed and the target is as it was: a full disk never
 * leaves half a file or destroys the old one.
 *
 * A target that exists and is not a regular file cannot be replaced that way
 * (a device such as /dev/null or /dev/full, a named pipe): it is written in
 * place, every write checked, and a failure says so.  A directory is an
 * error.  A symbolic link is followed: the file it names is replaced, the
 * link stays. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"

/* n bytes into fd, every write checked (EINTR is not a failure) */
static int put_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0)
      return -1;
    s += k, n -= (size_t)k;
  }
  return 0;
}

static const char *kind_of(mode_t m) {
  return S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device"
         : S_ISFIFO(m) ? "a named pipe" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* a target that is not a regular file: written in place */
static int in_place(const char *path, mode_t m, const char *data, size_t n, char *why,
                    size_t wn) {
  int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
  int rc = fd < 0 || put_all(fd, data, n) ? -1 : 0;
  int e = errno;
  if (fd >= 0 && close(fd) != 0 && rc == 0)
    rc = -1, e = errno;
  if (rc)
    snprintf(why, wn, "%s (%s, written in place: it cannot be replaced whole)",
             strerror(e), kind_of(m));
  return rc;
}

/* the folder of path ("." when it names none), into dir */
static void folder_of(const char *path, char *dir, size_t n) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    snprintf(dir, n, ".");
  else if (slash == path)
    snprintf(dir, n, "/");
  else
    snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

int xiR_save(const char *path, const char *data, size_t n, char *why, size_t wn) {
  struct stat st;
  char real[PATH_MAX];
  int exists = stat(path, &st) == 0; /* (follows a link: the file it names) */
  if (exists && realpath(path, real))
    path = real;
  if (exists && S_ISDIR(st.st_mode)) {
    snprintf(why, wn, "it is a directory");
    return -1;
  }
  if (exists && !S_ISREG(st.st_mode))
    return in_place(path, st.st_mode, data, n, why, wn);
  char dir[PATH_MAX], tmp[PATH_MAX + 16];
  folder_of(path, dir, sizeof dir);
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  if (snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, base) >= (int)sizeof tmp) {
    snprintf(why, wn, "its name is too long");
    return -1;
  }
  int fd = mkstemp(tmp);
  if (fd < 0) {
    if (errno == ENOENT)
      snprintf(why, wn, "there is no folder %s", dir);
    else if (errno == ENOTDIR)
      snprintf(why, wn, "%s is not a folder", dir);
    else
      snprintf(why, wn, "cannot make a new file in %s: %s", dir, strerror(errno));
    return -1;
  }
  /* the old file's permissions, or a new file's (0666 less the umask) */
  mode_t mask = umask(0);
  umask(mask);
  const char *step = NULL; /* what failed, for the message */
  if (fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask) != 0 || put_all(fd, data, n))
    step = "";
  else if (fsync(fd) != 0)
    step = " (flushing it to the disk)";
  int e = errno;
  if (close(fd) != 0 && !step)
    step = " (closing it)", e = errno;
  if (!step && rename(tmp, path) != 0)
    step = " (putting the new file in its place)", e = errno;
  if (!step)
    return 0;
  unlink(tmp);
  snprintf(why, wn, "%s%s%s", strerror(e), step,
           exists ? "; the old file is kept as it was" : "");
  return -1;
}
