// libcmark-gfm 0.29.0.gfm.6 keeps one global table of special inline characters. In
// cmark_parser_finish each parse adds its extensions' characters to it and removes them when done,
// so a parse that ends clears '~' under another one still running (strikethrough and autolinks then
// go missing). The library calls that function through its PLT, so the definition below, in the
// program, replaces it: once the table is filled, adding and removing become no-ops. The extensions'
// own character lists stay as they are: the inline parser also uses them to find a delimiter's owner.
#define _GNU_SOURCE
#include "cmark_parallel.h"
#include <dlfcn.h>
#include <stdatomic.h>

typedef void (*manage_function)(cmark_parser *, int);

static _Atomic(manage_function) library_function;
static atomic_bool characters_fixed;

static manage_function library_manage(void) {
  manage_function function = atomic_load(&library_function);
  if (!function) {
    function = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    atomic_store(&library_function, function);
  }
  return function;
}

__attribute__((visibility("default"), used))
void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  if (atomic_load(&characters_fixed)) return;
  manage_function function = library_manage();
  if (function) function(parser, add);
}

bool dermasite_cmark_fix_special_characters(cmark_parser *parser) {
  manage_function function = library_manage();
  // The library's calls reach this file's definition only if the program's symbol is the one
  // the dynamic linker resolves (not so for a static or -Bsymbolic libcmark-gfm).
  void *resolved = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
  if (!function || resolved != (void *)cmark_manage_extensions_special_characters) return false;
  function(parser, 1);
  atomic_store(&characters_fixed, true);
  return true;
}
