#!/usr/bin/env python3
"""Preview under a burst of saves: `dermasite serve` (release build) on a synthetic site of N
articles; one article is saved 100 times about 5 ms apart. Prints how long after the last save
the reload event with the last save's text arrived, how many rebuilds the burst cost, and the
server's resident memory before, after the burst, and after 100 more saves one at a time.

usage: bench/serve_burst.py [--n 4000] [--saves 100]
"""
import argparse, os, socket, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as build_bench  # noqa: E402
from serve import EventClient, free_port, wait_for_http  # noqa: E402


def save(path, text):
    """As most editors save: a new file renamed over the old, so no rebuild reads half a file."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")  # hidden: not content
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wait_for_text(client, start, text, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with client.lock:
            for when, name, payload in client.events[start:]:
                if name in ("built", "failed"):
                    return when
        time.sleep(0.001)
    sys.exit(f"no rebuild event for {text!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--binary", default=os.path.join(build_bench.REPO, ".build", "release", "dermasite"))
    args = parser.parse_args()
    subprocess.check_call(["swift", "build", "-c", "release", "--product", "dermasite", "--static-swift-stdlib"], cwd=build_bench.REPO,
                          stdout=subprocess.DEVNULL)
    site, _ = build_bench.site_for(args.n)
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--root", site, "--port", str(port), "--quiet"])
    try:
        wait_for_http(port)
        client = EventClient(port)
        client.start()
        time.sleep(1)
        article = os.path.join(site, "Content", "articles", f"{args.n // 2:05d}-article.md")
        original = open(article, encoding="utf-8").read()
        slugs = [line.split(":", 1)[1].strip().strip('"') for line in original.splitlines() if line.startswith("slug:")]
        slug = slugs[0] if slugs else os.path.basename(article)[:-3]
        page = f"/articles/{slug}/"
        before = rss_mib(server.pid)
        start = len(client.events)
        for i in range(args.saves):
            save(article, original + f"\nBurst save number {i}.\n")
            time.sleep(0.005)
        last = time.time()
        # The served page shows the last save: that is when the reader sees it.
        marker = f"Burst save number {args.saves - 1}.".encode()
        deadline = time.time() + 120
        while time.time() < deadline:
            with socket.create_connection(("127.0.0.1", port)) as conn:
                conn.sendall(f"GET {page} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                body = b""
                while chunk := conn.recv(65536):
                    body += chunk
            if marker in body:
                break
            time.sleep(0.01)
        latency = (time.time() - last) * 1000
        with client.lock:
            events = [e for e in client.events[start:] if e[1] in ("built", "failed")]
        after_burst = rss_mib(server.pid)
        for i in range(args.saves):
            seen = len(client.events)
            save(article, original + f"\nSingle save number {i}.\n")
            wait_for_text(client, seen, f"Single save number {i}.")
        after_singles = rss_mib(server.pid)
        save(article, original)
        print(f"burst of {args.saves} saves on a {args.n}-article site: {len(events)} rebuilds; "
              f"the page showed the last save {latency:.0f} ms after it")
        print(f"server memory: {before:.0f} MiB before, {after_burst:.0f} MiB after the burst, "
              f"{after_singles:.0f} MiB after {args.saves} more saves one at a time")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
