// Parses one document on four threads at once with the extensions DermaSite attaches, through the
// project's Sources/CCmarkParallel (linked in as the program's own definition, as in dermasite).
// "fixed": the special characters fixed first, as CMark.swift does; "library": libcmark-gfm's own
// bookkeeping. Prints how many parses differed from a parse made alone.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmark_parallel.h"

static const char *extension_names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
static const char *markdown =
    "~~gone~~ www.example.org/a and a@b.org, *em* and ~~also gone~~ http://example.org\n\n"
    "| a | b |\n|---|---|\n| ~~x~~ | www.example.org/b |\n";
static const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;
static char *alone;
static int rounds;
static int differing;

static cmark_parser *new_parser(int parser_options) {
  cmark_parser *parser = cmark_parser_new(parser_options);
  for (size_t i = 0; i < sizeof extension_names / sizeof *extension_names; i++) {
    cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[i]);
    if (extension) cmark_parser_attach_syntax_extension(parser, extension);
  }
  return parser;
}

static char *render(void) {
  cmark_parser *parser = new_parser(options);
  cmark_parser_feed(parser, markdown, strlen(markdown));
  cmark_node *document = cmark_parser_finish(parser);
  char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
  cmark_node_free(document);
  cmark_parser_free(parser);
  return html;
}

static void *parse_many(void *unused) {
  (void)unused;
  for (int i = 0; i < rounds; i++) {
    char *html = render();
    if (strcmp(html, alone) != 0) __atomic_add_fetch(&differing, 1, __ATOMIC_RELAXED);
    free(html);
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2 || (strcmp(argv[1], "fixed") && strcmp(argv[1], "library"))) {
    fprintf(stderr, "usage: %s fixed|library [rounds]\n", argv[0]);
    return 2;
  }
  rounds = argc > 2 ? atoi(argv[2]) : 200;
  cmark_gfm_core_extensions_ensure_registered();
  alone = render();
  if (strcmp(argv[1], "fixed") == 0) {
    cmark_parser *parser = new_parser(CMARK_OPT_DEFAULT);
    int fixed = dermasite_cmark_fix_special_characters(parser);
    cmark_parser_free(parser);
    if (!fixed) {
      fprintf(stderr, "the special characters could not be fixed\n");
      return 1;
    }
  }
  pthread_t threads[4];
  for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, parse_many, NULL);
  for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
  printf("%s: %d of %d parses differed from a parse made alone\n", argv[1], differing, 4 * rounds);
  free(alone);
  return 0;
}
