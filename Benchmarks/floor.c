/* The floor followup must beat: read every file named on the command line (or, one per line,
 * on standard input), parse it with cmark_parse_document, walk the tree once with cmark_iter,
 * free it. One thread. Prints the number of nodes seen so the work cannot be optimised away. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long walk_file(const char *path, char **buffer, size_t *capacity) {
  FILE *file = fopen(path, "rb");
  if (!file) { perror(path); exit(2); }
  size_t length = 0, got;
  for (;;) {
    if (length == *capacity) {
      *capacity = *capacity ? *capacity * 2 : 1 << 16;
      *buffer = realloc(*buffer, *capacity);
    }
    got = fread(*buffer + length, 1, *capacity - length, file);
    if (got == 0) break;
    length += got;
  }
  fclose(file);
  cmark_node *document = cmark_parse_document(*buffer, length, CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new(document);
  long nodes = 0;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event == CMARK_EVENT_ENTER) nodes++;
  }
  cmark_iter_free(iter);
  cmark_node_free(document);
  return nodes;
}

int main(int argc, char **argv) {
  char *buffer = NULL;
  size_t capacity = 0;
  long nodes = 0, files = 0;
  if (argc > 1) {
    for (int i = 1; i < argc; i++, files++) nodes += walk_file(argv[i], &buffer, &capacity);
  } else {
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
      line[strcspn(line, "\n")] = 0;
      if (*line) { nodes += walk_file(line, &buffer, &capacity); files++; }
    }
  }
  free(buffer);
  printf("%ld files, %ld nodes\n", files, nodes);
  return 0;
}
