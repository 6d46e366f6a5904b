/*
 * alloc.c - allocation wrapper with failure injection (util/alloc.h).
 */
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* per thread: a test injects failures in its own thread, and tendo serve's
 * workers allocate at once without racing on a shared counter */
static _Thread_local long fail_at;  /* 0 = never */
static _Thread_local long count;    /* allocations since the last fail_at() */

static int should_fail(void)
{
	count++;
	return fail_at > 0 && count == fail_at;
}

void *tendo_malloc(size_t n)
{
	return should_fail() ? NULL : malloc(n ? n : 1);
}

void *tendo_calloc(size_t c, size_t s)
{
	return should_fail() ? NULL : calloc(c ? c : 1, s ? s : 1);
}

void *tendo_realloc(void *p, size_t n)
{
	return should_fail() ? NULL : realloc(p, n ? n : 1);
}

char *tendo_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = tendo_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

void tendo_alloc_fail_at(long n)
{
	fail_at = n;
	count = 0;
}

long tendo_alloc_count(void)
{
	return count;
}
