#!/usr/bin/env python3
"""SIGTERM during a long rebuild of `dermasite build --watch`: the process exits within 2 s and the
output is the whole old site or the whole new one. Prints the time it took to exit.

    python3 scripts/crash/sigterm_test.py --binary .build/release/dermasite --articles 2000 --runs 5
"""
import argparse, os, shutil, signal, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kill_test import ROOT, build, bulk_site, leftovers, snapshot  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/dermasite"))
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--limit", type=float, default=2.0)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="dermasite-sigterm-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        site, _ = bulk_site(work, args.articles)
        footer = os.path.join(site, "Templates", "partials", "footer.mustache")
        original = open(footer).read()
        variants = [original, original.replace("</footer>", "<p>Edited footer.</p></footer>")]
        expected = []
        for index, text in enumerate(variants):
            open(footer, "w").write(text)
            build(binary, site, os.path.join(work, f"ref-{index}"))
            expected.append(snapshot(os.path.join(work, f"ref-{index}")))
        open(footer, "w").write(variants[0])
        output = os.path.join(site, "Public")
        times = []
        for run in range(args.runs):
            process = subprocess.Popen([binary, "build", "--watch", "--root", site, "--output", output, "--today", "2026-12-01"],
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for line in process.stdout:
                if line.startswith("Watching"):
                    break
            current = run % 2
            open(footer, "w").write(variants[1 - current])  # every page renders again
            time.sleep(0.4)
            sent = time.monotonic()
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                sys.exit("the watcher did not stop within 30 s of SIGTERM")
            times.append(time.monotonic() - sent)
            seen = snapshot(output)
            if seen not in expected:
                sys.exit(f"run {run + 1}: SIGTERM left a site that is neither the old nor the new one")
            if leftovers(site):
                build(binary, site, output)  # the next build cleans up; it must leave nothing
                if leftovers(site):
                    sys.exit(f"run {run + 1}: a build after SIGTERM left {leftovers(site)}")
            open(footer, "w").write(variants[1 - current] if seen == expected[1 - current] else variants[current])
            build(binary, site, output)
        worst = max(times)
        count = len(os.listdir(os.path.join(site, "Content", "articles")))
        print(f"SIGTERM during a rebuild of {count} articles: exited in median {statistics.median(times):.2f} s, "
              f"worst {worst:.2f} s over {args.runs} runs; the output was a whole site every time")
        if worst > args.limit:
            sys.exit(f"exit took {worst:.2f} s, more than {args.limit} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
