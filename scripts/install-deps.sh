#!/usr/bin/env bash
# Installs the system libraries the generator links against (Debian/Ubuntu), if they are missing.
set -euo pipefail

need=()
pkg-config --version >/dev/null 2>&1 || need+=(pkg-config)
[ -f /usr/include/cmark-gfm.h ] || need+=(libcmark-gfm-dev)
[ -f /usr/include/cmark-gfm-core-extensions.h ] || need+=(libcmark-gfm-extensions-dev)
# Image sizes and WebP copies of the photos in articles.
[ -f /usr/include/vips/vips.h ] || need+=(libvips-dev)
# The memory allocator the dermasite executable is linked with (Package.swift says why).
[ -f /usr/include/mimalloc.h ] || need+=(libmimalloc-dev)
# `check --external` asks other sites through libcurl, opened when it runs (the Swift toolchain
# needs it too, so it is usually there).
[ -n "$(ls /usr/lib/*/libcurl.so.4 /lib/*/libcurl.so.4 2>/dev/null)" ] || need+=(libcurl4)
# The browser's search script is tested with Node against the Swift side (tests only).
command -v node >/dev/null 2>&1 || need+=(nodejs)
# Race detectors for the parallel Markdown parses (scripts/cmark-race-check.sh), and instruction
# counts with callgrind (bench/instructions.py, which strips a copy of the binary); tests only.
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
command -v strip >/dev/null 2>&1 || need+=(binutils)
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing: ${need[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
