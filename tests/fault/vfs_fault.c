/*
 * vfs_fault.c - an SQLite VFS that fails the Nth write, sync or read, for
 * the I/O-error sweeps (tests/fault/sweep.sh), modelled on SQLite's own
 * test_vfs / ioerr tests.
 *
 * Built as a small shared object (tendo_vfs_fault.so) and loaded with
 * LD_PRELOAD into the real, unchanged tendo binary. Its constructor reads
 *
 *   TENDO_FAULT=write:N | sync:N | read:N [ ,persist ]
 *   TENDO_FAULT_HIT=PATH   (optional: created when a fault is injected)
 *
 * and registers a VFS named "fault" as the default, wrapping the one that was
 * the default ("unix"). Every xWrite / xSync / xRead on every file SQLite
 * opens (the database, its WAL, a rollback or statement journal) is counted;
 * the Nth call of the chosen kind returns SQLITE_IOERR_WRITE / _FSYNC / _READ
 * without doing anything. With ",persist" every later call of that kind fails
 * too (a disk that died), as in SQLite's ioerr tests. Without TENDO_FAULT the
 * object does nothing. Exports nothing; nothing of it is in libtendo.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

typedef enum { K_NONE, K_WRITE, K_SYNC, K_READ } fault_kind;

static struct {
	fault_kind kind;      /* which call fails */
	long at;              /* the Nth call of that kind (1 = the first) */
	int persist;          /* and every later one */
	long count;           /* calls of that kind so far */
	const char *hit_path; /* created on the first injected fault */
	sqlite3_vfs *real;    /* the wrapped VFS */
} F;

/* One open file: our header, then the real VFS's file of real->szOsFile bytes. */
typedef struct {
	sqlite3_file base;    /* pMethods = &fault_io */
	sqlite3_file *real;   /* points just after this struct */
} fault_file;

static void note_hit(void)
{
	if (!F.hit_path)
		return;
	int fd = open(F.hit_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd >= 0) {
		if (write(fd, "x", 1) < 0) { /* the marker is best effort */
		}
		close(fd);
	}
}

/* True when this call of kind k is to fail. */
static int fail_now(fault_kind k)
{
	if (F.kind != k)
		return 0;
	F.count++;
	if (F.count == F.at || (F.persist && F.count > F.at)) {
		note_hit();
		return 1;
	}
	return 0;
}

#define REAL(f) (((fault_file *)(f))->real)

static int f_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (fail_now(K_READ))
		return SQLITE_IOERR_READ;
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}
static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fail_now(K_WRITE))
		return SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
	if (fail_now(K_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *out)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), out);
}
static int f_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int f_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int f_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}
static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	/* no memory-mapped reads: every read goes through xRead and is counted */
	(void)f;
	(void)off;
	(void)n;
	*pp = NULL;
	return SQLITE_OK;
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods fault_io = {
	3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_check_reserved,
	f_control, f_sector, f_devchar, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch,
};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	(void)vfs;
	fault_file *ff = (fault_file *)file;
	ff->real = (sqlite3_file *)(ff + 1);
	memset(ff->real, 0, (size_t)F.real->szOsFile);
	int rc = F.real->xOpen(F.real, name, ff->real, flags, out_flags);
	/* SQLite calls xClose whenever pMethods is set, even after a failed open */
	file->pMethods = ff->real->pMethods ? &fault_io : NULL;
	return rc;
}
static int v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	(void)vfs;
	return F.real->xDelete(F.real, name, sync);
}
static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return F.real->xAccess(F.real, name, flags, out);
}
static int v_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return F.real->xFullPathname(F.real, name, n, out);
}
static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return F.real->xDlOpen(F.real, name);
}
static void v_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
	(void)vfs;
	F.real->xDlError(F.real, n, msg);
}
static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return F.real->xDlSym(F.real, h, sym);
}
static void v_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	F.real->xDlClose(F.real, h);
}
static int v_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return F.real->xRandomness(F.real, n, out);
}
static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return F.real->xSleep(F.real, us);
}
static int v_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return F.real->xCurrentTime(F.real, out);
}
static int v_lasterr(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return F.real->xGetLastError ? F.real->xGetLastError(F.real, n, out) : 0;
}
static int v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return F.real->xCurrentTimeInt64(F.real, out);
}

static sqlite3_vfs fault_vfs = {
	2, 0, 1024, NULL, "fault", NULL, v_open, v_delete, v_access, v_fullpath, v_dlopen, v_dlerror,
	v_dlsym, v_dlclose, v_random, v_sleep, v_time, v_lasterr, v_time64, NULL, NULL, NULL,
};

__attribute__((constructor)) static void fault_init(void)
{
	const char *spec = getenv("TENDO_FAULT");
	if (!spec || !*spec)
		return;
	if (strncmp(spec, "write:", 6) == 0)
		F.kind = K_WRITE;
	else if (strncmp(spec, "sync:", 5) == 0)
		F.kind = K_SYNC;
	else if (strncmp(spec, "read:", 5) == 0)
		F.kind = K_READ;
	else {
		fprintf(stderr, "vfs_fault: TENDO_FAULT must be write:N, sync:N or read:N[,persist] (got '%s')\n", spec);
		_exit(99);
	}
	F.at = strtol(strchr(spec, ':') + 1, NULL, 10);
	F.persist = strstr(spec, ",persist") != NULL;
	F.hit_path = getenv("TENDO_FAULT_HIT");
	if (sqlite3_initialize() != SQLITE_OK || !(F.real = sqlite3_vfs_find(NULL))) {
		fprintf(stderr, "vfs_fault: no default VFS to wrap\n");
		_exit(99);
	}
	fault_vfs.szOsFile = (int)sizeof(fault_file) + F.real->szOsFile;
	fault_vfs.mxPathname = F.real->mxPathname;
	if (sqlite3_vfs_register(&fault_vfs, 1) != SQLITE_OK) {
		fprintf(stderr, "vfs_fault: cannot register the VFS\n");
		_exit(99);
	}
}
