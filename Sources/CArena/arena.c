/* See include/CArena.h. Blocks carry a 16-byte header with their size, so realloc can copy a block
 * it cannot grow in place. Chunks come from malloc; an arena starts at 256 KiB (cmark needs about
 * 40 KiB for a 2 KB note, libyaml about 70 KiB for any front matter, most of it its input buffers)
 * and adds a chunk twice as large, or large enough, when one fills. At reset only the largest chunk
 * is kept, and not even that one when it is over 4 MiB, so one huge note does not pin its memory
 * for the rest of the run. Each thread has two arenas, one for cmark and one for libyaml: a front
 * matter's reset cannot take memory from a document being parsed, nor the other way round. */
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

/* This thread's arenas. */
static _Thread_local struct {
  struct arena cmark, yaml;
} arenas;
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

static void release(struct arena *arena) {
  release_chunks(arena->current);
  arena->current = NULL;
  arena->last = NULL;
  arena->reserved = 0;
}

static void release_on_exit(void *state) {
  (void)state;
  release(&arenas.cmark);
  release(&arenas.yaml);
}

static void make_exit_key(void) {
  if (pthread_key_create(&exit_key, release_on_exit) != 0) {
    fputs("followup: cannot create the arena's thread key\n", stderr);
    abort();
  }
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static struct chunk *add_chunk(struct arena *arena, size_t needed) {
  size_t capacity = arena->current ? arena->current->capacity * 2 : FIRST_CHUNK;
  if (capacity < needed) capacity = rounded(needed);
  struct chunk *chunk = malloc(sizeof(struct chunk) + capacity);
  if (!chunk) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  if (!arenas.cmark.current && !arenas.yaml.current) {
    pthread_once(&exit_key_once, make_exit_key);
    /* Any non-NULL value: the destructor runs only for those. */
    pthread_setspecific(exit_key, &arenas);
  }
  chunk->older = arena->current;
  chunk->capacity = capacity;
  chunk->used = 0;
  POISON((unsigned char *)(chunk + 1), capacity);
  arena->current = chunk;
  arena->reserved += sizeof(struct chunk) + capacity;
  return chunk;
}

static size_t *size_of(unsigned char *block) { return (size_t *)(block - HEADER); }

/* Makes room for a block of `needed` bytes (header included) in a new chunk; out of `take`'s way,
 * which cmark calls about 130 times a note and which finds room in the current chunk nearly always. */
static __attribute__((noinline)) struct chunk *chunk_for(struct arena *arena, size_t size, size_t needed) {
  if (size > SIZE_MAX / 2) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  return add_chunk(arena, needed);
}

/* A block of `size` bytes, not zeroed. Inlined into the allocator's entry points: it is a handful
 * of instructions, and the call around it cost as many again. */
static inline __attribute__((always_inline)) unsigned char *take(struct arena *arena, size_t size) {
  size_t needed = HEADER + rounded(size ? size : 1);
  struct chunk *chunk = arena->current;
  /* A huge `size` wraps `needed` round to a small number: told apart here, and refused there. */
  if (!chunk || chunk->capacity - chunk->used < needed || size > SIZE_MAX / 2) chunk = chunk_for(arena, size, needed);
  unsigned char *start = (unsigned char *)(chunk + 1) + chunk->used;
  chunk->used += needed;
  UNPOISON(start, HEADER + size);
  unsigned char *block = start + HEADER;
  *size_of(block) = size;
  POISON(start, HEADER);
  arena->last = block;
  return block;
}

static inline __attribute__((always_inline)) void *zeroed(struct arena *arena, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) {
    fputs("followup: out of memory\n", stderr);
    abort();
  }
  unsigned char *block = take(arena, count * size);
  memset(block, 0, count * size);
  return block;
}

static inline __attribute__((always_inline)) void *resized(struct arena *arena, void *pointer, size_t size) {
  if (!pointer) return take(arena, size);
  unsigned char *block = pointer;
  UNPOISON(block - HEADER, HEADER);
  size_t old = *size_of(block);
  struct chunk *chunk = arena->current;
  unsigned char *end = (unsigned char *)(chunk + 1) + chunk->used;
  if (block == arena->last && block + rounded(old ? old : 1) == end) {
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
  unsigned char *moved = take(arena, size);
  memcpy(moved, block, old < size ? old : size);
  POISON(block, old);
  return moved;
}

static void reset(struct arena *arena) {
  struct chunk *chunk = arena->current;
  if (!chunk) return;
  /* The newest chunk is the largest. */
  release_chunks(chunk->older);
  chunk->older = NULL;
  arena->reserved = sizeof(struct chunk) + chunk->capacity;
  arena->last = NULL;
  if (chunk->capacity > KEPT_CHUNK_LIMIT) {
    release(arena);
    return;
  }
  POISON((unsigned char *)(chunk + 1), chunk->capacity);
  chunk->used = 0;
}

void *followup_arena_calloc(size_t count, size_t size) { return zeroed(&arenas.cmark, count, size); }
void *followup_arena_realloc(void *pointer, size_t size) { return resized(&arenas.cmark, pointer, size); }
void followup_arena_free(void *pointer) { (void)pointer; }
void followup_arena_reset(void) { reset(&arenas.cmark); }
size_t followup_arena_reserved(void) { return arenas.cmark.reserved; }

void *followup_yaml_malloc(size_t size) { return take(&arenas.yaml, size); }
void *followup_yaml_realloc(void *pointer, size_t size) { return resized(&arenas.yaml, pointer, size); }
void followup_yaml_free(void *pointer) { (void)pointer; }
char *followup_yaml_strdup(const char *string) {
  size_t size = strlen(string) + 1;
  char *copy = (char *)take(&arenas.yaml, size);
  memcpy(copy, string, size);
  return copy;
}
void followup_yaml_reset(void) { reset(&arenas.yaml); }
size_t followup_yaml_reserved(void) { return arenas.yaml.reserved; }

void followup_map_large_blocks(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
#endif
}
