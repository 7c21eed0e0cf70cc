/* A per-thread bump allocator with calloc, realloc and free in the C library's shapes, so that it
 * can stand behind a C library's allocator hooks (cmark's cmark_mem): many small allocations
 * made while one document is parsed, all given back at once by followup_arena_reset.
 *
 * Each thread has its own arena; nothing is shared, so no lock is taken. free does nothing:
 * memory comes back only at reset. The arena's memory is released when its thread exits. */
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

/* Keeps the C library's malloc from holding on to memory for the rest of the process: blocks of
 * 256 KiB or more are always mapped on their own and given back whole when freed, and free memory
 * at the top of the heap beyond 8 MiB is given back. glibc starts from smaller sizes but raises
 * both with the largest block freed so far, after which large blocks stay in the heap. Call it
 * first thing in main; elsewhere than glibc it does nothing. */
void followup_map_large_blocks(void);

#endif
