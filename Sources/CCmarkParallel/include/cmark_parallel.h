#ifndef DERMASITE_CMARK_PARALLEL_H
#define DERMASITE_CMARK_PARALLEL_H

#include <stdbool.h>
#include <cmark-gfm.h>

/// Puts the special inline characters of `parser`'s extensions into libcmark-gfm's global table
/// once, and from then on makes every parse leave that table alone, so parses may run on many
/// threads at once. Every later parser must attach the same extensions. Returns false, changing
/// nothing, where the library's own function cannot be replaced (then parses must not overlap).
bool dermasite_cmark_fix_special_characters(cmark_parser *parser);

#endif
