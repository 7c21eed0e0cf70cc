/* See include/CArena.h. Blocks carry a 16-byte header with their size, so realloc can copy a block
 * it cannot grow in place. Chunks come from malloc; the arena starts at 256 KiB (cmark needs about
 * 40 KiB for a 2 KB note) and adds a chunk twice as large, or large enough, when one fills. At
 * reset only the largest chunk is kept, and not even that one when it is over 4 MiB, so one huge
 * note does not pin its memory for the rest of the run. */
#include "CArena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#else
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#endif

enum { HEADER = 16, FIRST_CHUNK = 256 << 10, KEPT_CHUNK_LIMIT = 4 << 20 };

struct chunk {
  struct chunk *older;
  size_t capacity; /* bytes after this header */
  size_t used;
  size_t padding; /* keeps the bytes after the header 16-byte aligned */
};

struct arena {
  struct chunk *current; /* newest first, linked through older */
  unsigned char *last;   /* the latest block, the one realloc can grow in place */
  size_t reserved;
};

static _Thread_local struct arena arena;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void release_chunks(struct chunk *chunk) {
  while (chunk) {
    struct chunk *older = chunk->older;
    UNPOISON(chunk, sizeof(struct chunk) + chunk->capacity);
    free(chunk);
    chunk = older;
  }
}

static void release_on_exit(void *state) {
  struct arena *ending = state;
  release_chunks(ending->current);
  ending->current = NULL;
  ending->last = NULL;
  ending->reserved = 0;
}

static void make_exit_key(void) {
  if (pthread_key_create(&exit_key, release_on_exit) != 0) {
    fputs("followup: cannot create the arena's thread key\n", stderr);
    abort();
  }
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static struct chunk *add_chunk(size_t needed) {
  size_t capacity = arena.current ? arena.current->capacity * 2 : FIRST_CHUNK;
  if (capacity < needed) capacity = rounded(needed);
  struct chunk *chunk = malloc(sizeof(struct chunk) + capacity);
  if (!chunk) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  if (!arena.current) {
    pthread_once(&exit_key_once, make_exit_key);
    pthread_setspecific(exit_key, &arena);
  }
  chunk->older = arena.current;
  chunk->capacity = capacity;
  chunk->used = 0;
  POISON((unsigned char *)(chunk + 1), capacity);
  arena.current = chunk;
  arena.reserved += sizeof(struct chunk) + capacity;
  return chunk;
}

static size_t *size_of(unsigned char *block) { return (size_t *)(block - HEADER); }

/* Makes room for a block of `needed` bytes (header included) in a new chunk; out of `take`'s way,
 * which cmark calls about 130 times a note and which finds room in the current chunk nearly always. */
static __attribute__((noinline)) struct chunk *chunk_for(size_t size, size_t needed) {
  if (size > SIZE_MAX / 2) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  return add_chunk(needed);
}

/* A block of `size` bytes, not zeroed. Inlined into the allocator's entry points: it is a handful
 * of instructions, and the call around it cost as many again. */
static inline __attribute__((always_inline)) unsigned char *take(size_t size) {
  size_t needed = HEADER + rounded(size ? size : 1);
  struct chunk *chunk = arena.current;
  /* A huge `size` wraps `needed` round to a small number: told apart here, and refused there. */
  if (!chunk || chunk->capacity - chunk->used < needed || size > SIZE_MAX / 2) chunk = chunk_for(size, needed);
  unsigned char *start = (unsigned char *)(chunk + 1) + chunk->used;
  chunk->used += needed;
  UNPOISON(start, HEADER + size);
  unsigned char *block = start + HEADER;
  *size_of(block) = size;
  POISON(start, HEADER);
  arena.last = block;
  return block;
}

void *followup_arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  unsigned char *block = take(count * size);
  memset(block, 0, count * size);
  return block;
}

void *followup_arena_realloc(void *pointer, size_t size) {
  if (!pointer) return take(size);
  unsigned char *block = pointer;
  UNPOISON(block - HEADER, HEADER);
  size_t old = *size_of(block);
  struct chunk *chunk = arena.current;
  unsigned char *end = (unsigned char *)(chunk + 1) + chunk->used;
  if (block == arena.last && block + rounded(old ? old : 1) == end) {
    size_t grown = rounded(size ? size : 1), held = rounded(old ? old : 1);
    if (grown <= held || grown - held <= chunk->capacity - chunk->used) {
      chunk->used = chunk->used - held + grown;
      *size_of(block) = size;
      POISON(block - HEADER, HEADER);
      UNPOISON(block, size);
      if (size < old) POISON(block + size, old - size);
      return block;
    }
  }
  POISON(block - HEADER, HEADER);
  unsigned char *moved = take(size);
  memcpy(moved, block, old < size ? old : size);
  POISON(block, old);
  return moved;
}

void followup_arena_free(void *pointer) { (void)pointer; }

void followup_arena_reset(void) {
  struct chunk *chunk = arena.current;
  if (!chunk) return;
  /* The newest chunk is the largest. */
  release_chunks(chunk->older);
  chunk->older = NULL;
  arena.reserved = sizeof(struct chunk) + chunk->capacity;
  arena.last = NULL;
  if (chunk->capacity > KEPT_CHUNK_LIMIT) {
    release_chunks(chunk);
    arena.current = NULL;
    arena.reserved = 0;
    return;
  }
  POISON((unsigned char *)(chunk + 1), chunk->capacity);
  chunk->used = 0;
}

size_t followup_arena_reserved(void) { return arena.reserved; }

void followup_map_large_blocks(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
#endif
}
