#!/usr/bin/env python3
"""Lays a corpus out as a Hugo site with templates that do the same work as DermaSite's: a base
layout, one page per article with its table of contents, a home page listing every article, a
sitemap and a feed (Hugo's built-in ones). Taxonomy pages are off.

usage: bench/hugo_site.py CORPUS_DIR SITE_DIR      then: hugo --quiet -s SITE_DIR -d OUT
"""
import os
import shutil
import sys

CONFIG = """baseURL = "https://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term"]
"""
BASE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{{ .Description }}"></head>
<body><header><a href="/">Home</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>
<nav>{{ .TableOfContents }}</nav>{{ .Content }}</article>{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range PAGES }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    corpus, site = sys.argv[1], sys.argv[2]
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, os.path.join(site, "content", "articles"))
    write(os.path.join(site, "hugo.toml"), CONFIG)
    layouts = os.path.join(site, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), BASE)
    write(os.path.join(layouts, "_default", "single.html"), SINGLE)
    write(os.path.join(layouts, "_default", "list.html"), LIST.replace("PAGES", ".Pages"))
    write(os.path.join(layouts, "index.html"), LIST.replace("PAGES", ".Site.RegularPages"))


if __name__ == "__main__":
    main()
