/* Per-thread bump allocators with malloc, calloc, realloc and free in the C library's shapes, so
 * that they can stand behind a C library's allocations: many small blocks made while one document
 * is parsed, all given back at once by a reset.
 *
 * Two arenas a thread, nothing shared, so no lock is taken:
 * - followup_arena_*, behind cmark's allocator hooks (cmark_mem), for a Markdown document;
 * - followup_yaml_*, for libyaml, which has no allocator hooks: the build links a copy of the
 *   system's static libyaml in which malloc, realloc, free and strdup are renamed to these
 *   (scripts/libyaml-arena). Built against the system's libyaml as it is, libyaml uses the C
 *   library's malloc, the YAML arena stays empty, and its reset does nothing.
 * free does nothing: memory comes back only at reset. An arena's memory is released when its
 * thread exits. */
#ifndef FOLLOWUP_ARENA_H
#define FOLLOWUP_ARENA_H

#include <stddef.h>

/* Zeroed memory for count * size bytes, aligned to 16; never NULL (aborts when out of memory). */
void *followup_arena_calloc(size_t count, size_t size);
/* Grows or shrinks a block from this thread's arena, in place when it is the latest one. */
void *followup_arena_realloc(void *pointer, size_t size);
/* Does nothing: the block comes back at the next reset. */
void followup_arena_free(void *pointer);
/* Gives back every block this thread's arena handed out. Blocks must not be used afterwards. */
void followup_arena_reset(void);
/* The bytes this thread's arena holds from the system (for tests). */
size_t followup_arena_reserved(void);

/* libyaml's malloc, realloc, free and strdup, from this thread's YAML arena (aligned to 16; never
 * NULL: they abort when out of memory). */
void *followup_yaml_malloc(size_t size);
void *followup_yaml_realloc(void *pointer, size_t size);
void followup_yaml_free(void *pointer);
char *followup_yaml_strdup(const char *string);
/* Gives back every block libyaml took on this thread: call it once the parser and every event it
 * produced are deleted. */
void followup_yaml_reset(void);
/* The bytes this thread's YAML arena holds from the system: above zero once libyaml has parsed
 * something on this thread, if the build's libyaml allocates from it. */
size_t followup_yaml_reserved(void);

/* Keeps the C library's malloc from holding on to memory for the rest of the process: blocks of
 * 256 KiB or more are always mapped on their own and given back whole when freed, and free memory
 * at the top of the heap beyond 8 MiB is given back. glibc starts from smaller sizes but raises
 * both with the largest block freed so far, after which large blocks stay in the heap. Call it
 * first thing in main; elsewhere than glibc it does nothing. */
void followup_map_large_blocks(void);

#endif
