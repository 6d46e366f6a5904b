/*
 * alloc.h - the one allocation wrapper of libtendo (internal).
 *
 * Every heap allocation of the library goes through these, so a test can
 * make the Nth allocation fail and sweep N (tests/unit/test_alloc.c).
 * Memory from them is released with plain free().
 */
#ifndef TENDO_UTIL_ALLOC_H
#define TENDO_UTIL_ALLOC_H

#include <stddef.h>

void *tendo_malloc(size_t n);
void *tendo_calloc(size_t count, size_t size);
void *tendo_realloc(void *p, size_t n);
char *tendo_strdup(const char *s);

/* Test hook (per thread): make the nth allocation from now fail (1 = the next one);
 * 0 turns failures off. */
void tendo_alloc_fail_at(long n);
/* Allocations made since the last tendo_alloc_fail_at(). */
long tendo_alloc_count(void);

#endif
