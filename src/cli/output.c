/*
 * output.c - files and folders the commands write (cli.h).
 *
 * A file is written whole or not at all: into a temporary file beside it,
 * synced, then renamed over it. The new file gets the mode of the file it
 * replaces, or 0666 less the umask (a report is meant to be shared; the
 * umask says how far). A symbolic link is followed to its target, which is
 * replaced; the link stays. A FIFO or a device (/dev/stdout) is written in
 * place, as a shell redirection would. A folder output (export --csv,
 * report --svg) is built in a temporary folder beside it and swapped in
 * (renameat2 RENAME_EXCHANGE), so a reader sees all old or all new files.
 *
 * Every write goes through write(2) here, so a failure keeps its errno:
 * a full disk says "No space left on device", not "Input/output error".
 */
#define _GNU_SOURCE
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static mode_t umask_mode(mode_t full)
{
	mode_t um = umask(0);
	umask(um);
	return full & ~um;
}

/* stdio over our fd, keeping the first write error's errno in af->err. */
static ssize_t af_write(void *cookie, const char *buf, size_t len)
{
	cli_atomic_file *af = cookie;
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(af->fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!af->err)
				af->err = n < 0 ? errno : EIO;
			return done ? (ssize_t)done : -1;
		}
		done += (size_t)n;
	}
	return (ssize_t)len;
}

/* The path to write: path itself, or the target of a symbolic link. */
static int resolve(const cli_ctx *ctx, const char *path, char *out, size_t outsz, struct stat *st, bool *exists)
{
	struct stat lst;
	*exists = false;
	if (lstat(path, &lst) != 0) {
		if (errno != ENOENT)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
		if (snprintf(out, outsz, "%s", path) >= (int)outsz)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
		return 0;
	}
	if (S_ISLNK(lst.st_mode)) {
		char real[PATH_MAX];
		if (!realpath(path, real))
			return cli_fail(ctx, "cannot write %s: it is a symbolic link to %s (%s)", path,
			                errno == ENOENT ? "a missing file" : "an unreachable place", strerror(errno));
		if (snprintf(out, outsz, "%s", real) >= (int)outsz)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
		if (stat(out, st) != 0)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
	} else {
		if (snprintf(out, outsz, "%s", path) >= (int)outsz)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
		*st = lst;
	}
	*exists = true;
	return 0;
}

int cli_atomic_open(const cli_ctx *ctx, cli_atomic_file *af, const char *path)
{
	memset(af, 0, sizeof(*af));
	af->fd = -1;
	if (strcmp(path, "-") == 0) { /* standard output: written directly, no temporary file */
		snprintf(af->path, sizeof(af->path), "the standard output");
		af->direct = true;
		af->f = stdout;
		return 0;
	}
	snprintf(af->path, sizeof(af->path), "%s", path);
	struct stat st;
	bool exists;
	int rc = resolve(ctx, path, af->target, sizeof(af->target), &st, &exists);
	if (rc)
		return rc;
	if (exists && S_ISDIR(st.st_mode))
		return cli_fail(ctx, "cannot write %s: it is a folder", path);
	if (exists && !S_ISREG(st.st_mode)) {
		/* a FIFO, a terminal, /dev/null: written in place */
		af->direct = true;
		af->fd = open(af->target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (af->fd < 0)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
	} else {
		if (snprintf(af->tmp, sizeof(af->tmp), "%s.tmp-XXXXXX", af->target) >= (int)sizeof(af->tmp))
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
		af->fd = mkostemp(af->tmp, O_CLOEXEC);
		if (af->fd < 0)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
		mode_t mode = exists ? (st.st_mode & 07777) : umask_mode(0666);
		if (fchmod(af->fd, mode) != 0) {
			int e = errno;
			close(af->fd);
			unlink(af->tmp);
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(e));
		}
	}
	af->f = fopencookie(af, "w", (cookie_io_functions_t){ .write = af_write });
	if (!af->f) {
		int e = errno;
		close(af->fd);
		if (!af->direct)
			unlink(af->tmp);
		return cli_fail(ctx, "cannot write %s: %s", path, strerror(e));
	}
	return 0;
}

/* fsync the folder holding path, so the rename survives a crash. */
static void sync_parent(const char *path)
{
	char copy[4200];
	snprintf(copy, sizeof(copy), "%s", path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int cli_atomic_close(const cli_ctx *ctx, cli_atomic_file *af, bool ok)
{
	if (!af->f)
		return EXIT_RUNTIME;
	if (af->f == stdout) { /* "-": flushed and checked, never closed */
		errno = 0;
		bool bad = ferror(stdout) != 0;
		if (fflush(stdout) != 0 || bad)
			af->err = errno ? errno : EIO;
		af->f = NULL;
		if (!ok)
			return EXIT_RUNTIME;
		return af->err ? cli_fail(ctx, "cannot write %s: %s", af->path, strerror(af->err)) : 0;
	}
	if (fclose(af->f) != 0 && !af->err)
		af->err = errno ? errno : EIO;
	af->f = NULL;
	if (!af->direct && !af->err && ok && fsync(af->fd) != 0)
		af->err = errno;
	if (close(af->fd) != 0 && !af->err)
		af->err = errno;
	af->fd = -1;
	if (!af->direct) {
		if (ok && !af->err && rename(af->tmp, af->target) != 0)
			af->err = errno;
		if (!ok || af->err)
			unlink(af->tmp);
		else
			sync_parent(af->target);
	}
	if (!ok)
		return EXIT_RUNTIME;
	return af->err ? cli_fail(ctx, "cannot write %s: %s", af->path, strerror(af->err)) : 0;
}

int cli_write_file(const cli_ctx *ctx, const char *path, const char *data, size_t len)
{
	cli_atomic_file af;
	int rc = cli_atomic_open(ctx, &af, path);
	if (rc)
		return rc;
	(void)fwrite(data, 1, len, af.f); /* a failure is in af.err, reported by the close */
	return cli_atomic_close(ctx, &af, true) ? EXIT_RUNTIME : 0;
}

/* ------------------------------------------------------------------ */
/* Folders                                                              */

static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && strcmp(name + n - e, ext) == 0;
}

/* Remove the files tendo wrote (names ending in ext) and the folder. */
static void remove_tree(const char *dir, const char *ext)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (has_ext(e->d_name, ext) || strstr(e->d_name, ".tmp-"))
				(void)unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	(void)rmdir(dir);
}

int cli_dir_open(const cli_ctx *ctx, cli_atomic_dir *d, const char *path, const char *ext)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->path, sizeof(d->path), "%s", path);
	d->ext = ext;
	struct stat st;
	int rc = resolve(ctx, path, d->target, sizeof(d->target), &st, &d->existed);
	if (rc)
		return rc;
	if (d->existed) {
		if (!S_ISDIR(st.st_mode))
			return cli_fail(ctx, "cannot write %s: it is not a folder", path);
		/* only a folder of files like ours is replaced: never a folder
		 * that holds anything else */
		DIR *dir = opendir(d->target);
		if (!dir)
			return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
		struct dirent *e;
		char stranger[256] = "";
		while ((e = readdir(dir)) && !stranger[0]) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			struct stat es;
			if (!has_ext(e->d_name, ext) || fstatat(dirfd(dir), e->d_name, &es, AT_SYMLINK_NOFOLLOW) != 0 ||
			    !S_ISREG(es.st_mode))
				snprintf(stranger, sizeof(stranger), "%s", e->d_name);
		}
		closedir(dir);
		if (stranger[0]) {
			char shown[512];
			return cli_fail(ctx, "cannot write %s: it holds other things than %s files (%s); give a new or empty folder",
			                path, ext, cli_safe(stranger, shown, sizeof(shown)));
		}
	}
	if (snprintf(d->tmp, sizeof(d->tmp), "%s.tmp-XXXXXX", d->target) >= (int)sizeof(d->tmp))
		return cli_fail(ctx, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
	if (!mkdtemp(d->tmp))
		return cli_fail(ctx, "cannot write %s: %s", path, strerror(errno));
	mode_t mode = d->existed ? (st.st_mode & 07777) : umask_mode(0777);
	(void)chmod(d->tmp, mode);
	d->open = true;
	return 0;
}

int cli_dir_file(const cli_ctx *ctx, const cli_atomic_dir *d, const char *name, cli_atomic_file *af)
{
	char path[4400];
	if (snprintf(path, sizeof(path), "%s/%s", d->tmp, name) >= (int)sizeof(path))
		return cli_fail(ctx, "cannot write %s: %s", d->path, strerror(ENAMETOOLONG));
	int rc = cli_atomic_open(ctx, af, path);
	size_t pl = strlen(d->path), nl = strlen(name);
	if (rc == 0 && pl + nl + 2 <= sizeof(af->path)) {
		memcpy(af->path, d->path, pl);
		af->path[pl] = '/';
		memcpy(af->path + pl + 1, name, nl + 1);
	}
	return rc;
}

int cli_dir_close(const cli_ctx *ctx, cli_atomic_dir *d, bool ok)
{
	if (!d->open)
		return EXIT_RUNTIME;
	d->open = false;
	if (!ok) {
		remove_tree(d->tmp, d->ext);
		return EXIT_RUNTIME;
	}
	int err = 0;
	if (!d->existed) {
		if (rename(d->tmp, d->target) != 0)
			err = errno;
	} else if (renameat2(AT_FDCWD, d->tmp, AT_FDCWD, d->target, RENAME_EXCHANGE) == 0) {
		remove_tree(d->tmp, d->ext); /* now the old files */
	} else if (errno == EINVAL || errno == ENOSYS) {
		/* a file system without the exchange: move the old folder aside
		 * first (a reader sees no folder for a moment, never a mix) */
		char old[4300];
		snprintf(old, sizeof(old), "%s.old-XXXXXX", d->target);
		if (!mkdtemp(old) || rmdir(old) != 0 || rename(d->target, old) != 0)
			err = errno;
		else if (rename(d->tmp, d->target) != 0) {
			err = errno;
			(void)rename(old, d->target);
		} else
			remove_tree(old, d->ext);
	} else
		err = errno;
	if (err) {
		remove_tree(d->tmp, d->ext);
		return cli_fail(ctx, "cannot write %s: %s", d->path, strerror(err));
	}
	sync_parent(d->target);
	return 0;
}
