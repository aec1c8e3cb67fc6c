#!/usr/bin/env python3
"""Preview benchmark: how long after a save the rebuilt site is in place, and how long until the
reload event reaches a connected live-reload client, on a synthetic site of N articles.

It runs `dermasite serve` (release build) on a loopback port, connects a Server-Sent Events client,
then saves one article again and again: a body edit, and an edit of its title (which the home page,
lists and feed show). Each save is timed from the moment the write returns:
  - to output: until the server had the rebuilt site in place (the event's `finished` time; both
    clocks are this machine's wall clock);
  - to event: until the client had read the event.
With --watch it also times `dermasite build --watch`: save to the page's new bytes on disk.
A full build of the same site in the same run gives the ratio. Medians with min–max.

usage: bench/serve.py [--n 4000] [--runs 20] [--watch]
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as build_bench  # noqa: E402  (the corpus and site layout of the build benchmark)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EventClient(threading.Thread):
    """Reads the live-reload stream; keeps (arrival time, event name, data)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__dermasite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.events = []
        self.lock = threading.Lock()

    def run(self):
        pending = b""
        while True:
            data = self.sock.recv(65536)
            now = time.time()
            if not data:
                return
            pending += data.replace(b"\r", b"")
            while b"\n\n" in pending:
                block, pending = pending.split(b"\n\n", 1)
                name, payload = "message", None
                for line in block.decode().split("\n"):
                    if line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        payload = line[6:]
                if payload is not None:
                    with self.lock:
                        self.events.append((now, name, payload))

    def wait(self, after, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                if len(self.events) > after:
                    return self.events[after]
            time.sleep(0.0005)
        sys.exit("no event arrived")


def wait_for_http(port, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            time.sleep(0.05)
    sys.exit("the server did not start")


def summary(values):
    return f"{statistics.median(values):7.1f} ms ({min(values):.1f}–{max(values):.1f})"


def edits(article, original, kind, i):
    if kind == "body":
        return original + f"\nA sentence written for edit number {i}.\n"
    return original.replace("\ntitle: ", f"\ntitle: Edit {i} of ", 1)


def bench_serve(binary, site, n, runs):
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--root", site, "--port", str(port), "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_http(port)
        client = EventClient(port)
        client.start()
        client.wait(0)  # hello
        article = os.path.join(site, "Content", "articles", f"{n // 2:05d}-article.md")
        with open(article, encoding="utf-8") as f:
            original = f.read()
        results = {}
        for kind in ("body", "title"):
            to_output, to_event, rebuild = [], [], []
            for i in range(runs + 1):
                seen = len(client.events)
                with open(article, "w", encoding="utf-8") as f:
                    f.write(edits(article, original, kind, i))
                saved = time.time()
                arrived, name, payload = client.wait(seen)
                if name != "built":
                    sys.exit(f"build failed: {payload}")
                event = json.loads(payload)
                if i:  # the first edit of each kind warms up
                    to_output.append((event["finished"] - saved) * 1000)
                    to_event.append((arrived - saved) * 1000)
                    rebuild.append(event["milliseconds"])
                time.sleep(0.15)  # let the machine settle between saves
            results[kind] = (to_output, to_event, rebuild)
        with open(article, "w", encoding="utf-8") as f:
            f.write(original)
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench_watch(binary, site, n, runs):
    out = os.path.join(build_bench.WORK, f"watch-{n}")
    shutil.rmtree(out, ignore_errors=True)
    watcher = subprocess.Popen([binary, "build", "--watch", "--root", site, "--output", out],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in watcher.stdout:
            if line.startswith("Watching"):
                break
        article = os.path.join(site, "Content", "articles", f"{n // 2:05d}-article.md")
        page = None
        for root, _, files in os.walk(os.path.join(out, "articles")):
            if f"{n // 2:05d}-article" in root and "index.html" in files:
                page = os.path.join(root, "index.html")
        if page is None:
            sys.exit("cannot find the edited article's page")
        with open(article, encoding="utf-8") as f:
            original = f.read()
        times = []
        for i in range(runs + 1):
            marker = f"A sentence written for edit number {i}."
            with open(article, "w", encoding="utf-8") as f:
                f.write(original + f"\n{marker}\n")
            saved = time.time()
            while True:
                try:
                    with open(page, encoding="utf-8") as f:
                        if marker in f.read():
                            break
                except OSError:
                    pass
                time.sleep(0.0005)
            if i:
                times.append((time.time() - saved) * 1000)
            time.sleep(0.15)
        with open(article, "w", encoding="utf-8") as f:
            f.write(original)
        return times
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)
        shutil.rmtree(out, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--watch", action="store_true", help="also time build --watch")
    parser.add_argument("--binary", help="a dermasite binary to measure instead of building the release one")
    args = parser.parse_args()
    if args.binary is None:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "dermasite", "--static-swift-stdlib"],
                              cwd=build_bench.REPO, stdout=subprocess.DEVNULL)
        args.binary = os.path.join(build_bench.REPO, ".build", "release", "dermasite")
    site, _ = build_bench.site_for(args.n)
    scratch = os.path.join(build_bench.WORK, "serve-full")
    shutil.rmtree(scratch, ignore_errors=True)
    full = [build_bench.run([args.binary, "build", "--root", site, "--quiet", "--output", f"{scratch}-{i}"])[0] * 1000
            for i in range(3)]
    for i in range(3):
        shutil.rmtree(f"{scratch}-{i}", ignore_errors=True)
    results = bench_serve(args.binary, site, args.n, args.runs)
    print(f"machine: {os.cpu_count()} cores; {os.uname().sysname} {os.uname().release}")
    print(f"N = {args.n} articles, {args.runs} saves of each kind, median (min–max)")
    print(f"  full build (for scale)        {summary(full)}")
    for kind, label in (("body", "body edit"), ("title", "title edit")):
        to_output, to_event, rebuild = results[kind]
        print(f"  {label:10} save -> output  {summary(to_output)}   (rebuild alone {summary(rebuild)})")
        print(f"  {label:10} save -> event   {summary(to_event)}   = {statistics.median(to_event) / statistics.median(full):.1%} of a full build")
    if args.watch:
        print(f"  build --watch save -> on disk {summary(bench_watch(args.binary, site, args.n, args.runs))}")


if __name__ == "__main__":
    main()
