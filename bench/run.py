#!/usr/bin/env python3
"""DermaSite build benchmark: full build, no-change rebuild, one-article edit, peak memory and
pages per second for synthetic sites of N articles, optionally against Hugo in the same session.

Each figure is measured over several runs after a warm-up; medians are quoted with the range.
With --hugo, DermaSite and Hugo full builds alternate (A B A B ...) and the ratio is taken pair
by pair, so a machine that speeds up or slows down during the run affects both alike.

With --baseline BINARY (another build of dermasite, for example the last release), its full builds
alternate with this one's the same way, to show a change did not make builds slower.
--scratch DIR writes the outputs there (for example /dev/shm, so the disk's state does not decide).

usage: bench/run.py [--sizes 1000,4000,10000] [--runs 5] [--hugo] [--baseline BINARY] [--scratch DIR]
It builds the release binary first (`swift build -c release --product dermasite`).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WORK = os.path.join(HERE, "out")


def run(command):
    """Runs a command; returns (wall seconds, peak resident memory in MiB of the process)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{error}")
    return wall, usage.ru_maxrss / 1024


def site_for(n):
    corpus = os.path.join(WORK, f"corpus-{n}")
    if not os.path.isdir(corpus):
        subprocess.check_call([sys.executable, os.path.join(HERE, "corpus.py"), "--n", str(n), "--out", corpus])
    site = os.path.join(WORK, f"site-{n}")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "Content"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(site, "Templates"))
    shutil.copytree(os.path.join(REPO, "Content", "data"), os.path.join(site, "Content", "data"))
    shutil.copy(os.path.join(REPO, "Content", "site.yml"), os.path.join(site, "Content", "site.yml"))
    # The footer links to the bundled pages (About us, Accessibility...).
    shutil.copytree(os.path.join(REPO, "Content", "pages"), os.path.join(site, "Content", "pages"))
    shutil.copytree(corpus, os.path.join(site, "Content", "articles"))
    # The bundled articles too: the data set's "see also" links point at them.
    for name in os.listdir(os.path.join(REPO, "Content", "articles")):
        shutil.copy(os.path.join(REPO, "Content", "articles", name), os.path.join(site, "Content", "articles", name))
    hugo = os.path.join(WORK, f"hugo-{n}")
    subprocess.check_call([sys.executable, os.path.join(HERE, "hugo_site.py"), corpus, hugo])
    return site, hugo


def summary(values, unit, digits=3):
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def bench(n, runs, binary, with_hugo, baseline=None, scratch_root=WORK):
    site, hugo_site = site_for(n)
    # Each full build writes into a folder never used before, and old outputs are deleted only at
    # the end: on ext4, creating files right after deleting thousands is several times slower and
    # would measure the file system's clean-up rather than the generators.
    scratch = os.path.join(scratch_root, f"dermasite-bench-outputs-{n}")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    full, memory, hugo_full, hugo_memory, base_full = [], [], [], [], []
    for i in range(runs + 1):  # the first round warms the caches and is not counted
        wall, rss = run([binary, "build", "--root", site, "--quiet", "--output", os.path.join(scratch, f"dermasite-{i}")])
        if i:
            full.append(wall)
            memory.append(rss)
        if baseline:
            wall, _ = run([baseline, "build", "--root", site, "--quiet", "--output", os.path.join(scratch, f"baseline-{i}")])
            if i:
                base_full.append(wall)
        if with_hugo:
            wall, rss = run(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(scratch, f"hugo-{i}")])
            if i:
                hugo_full.append(wall)
                hugo_memory.append(rss)
    out = os.path.join(scratch, f"dermasite-{runs}")
    build = [binary, "build", "--root", site, "--quiet", "--output", out]
    unchanged = [run(build)[0] for _ in range(runs)]
    edited = []
    article = os.path.join(site, "Content", "articles", f"{n // 2:05d}-article.md")
    with open(article, encoding="utf-8") as f:
        original = f.read()
    for i in range(runs):
        with open(article, "w", encoding="utf-8") as f:
            f.write(original + f"\nAn edit, number {i}.\n")
        edited.append(run(build)[0])
    with open(article, "w", encoding="utf-8") as f:
        f.write(original)
    pages = sum(1 for _, _, files in os.walk(out) for name in files if name.endswith(".html"))
    shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nN = {n} articles ({pages} HTML pages), {runs} runs each, median (min–max)")
    print(f"  full build            {summary(full, 's')}")
    print(f"  no-change rebuild     {summary(unchanged, 's')}   = {statistics.median(unchanged) / statistics.median(full):.1%} of a full build")
    print(f"  one-article edit      {summary(edited, 's')}")
    print(f"  peak memory           {summary(memory, 'MiB', 0)}")
    print(f"  pages per second      {pages / statistics.median(full):,.0f}")
    if baseline:
        ratio = [a / b for a, b in zip(full, base_full)]
        print(f"  baseline full build   {summary(base_full, 's')}")
        print(f"  this / baseline       wall {summary(ratio, '', 3)} (pair by pair)")
    if with_hugo:
        time_ratio = [a / b for a, b in zip(full, hugo_full)]
        memory_ratio = [a / b for a, b in zip(memory, hugo_memory)]
        print(f"  Hugo full build       {summary(hugo_full, 's')}, peak memory {summary(hugo_memory, 'MiB', 0)}")
        print(f"  DermaSite / Hugo      wall {summary(time_ratio, '', 3)}, peak memory {summary(memory_ratio, '', 3)}")
    return statistics.median(full)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo", action="store_true", help="compare with Hugo (Debian's hugo package)")
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "dermasite"))
    parser.add_argument("--baseline", help="another dermasite binary whose full builds alternate with this one's")
    parser.add_argument("--scratch", default=WORK, help="where the builds write (for example /dev/shm)")
    args = parser.parse_args()
    subprocess.check_call(["swift", "build", "-c", "release", "--product", "dermasite"], cwd=REPO,
                          stdout=subprocess.DEVNULL)
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no binary at {args.binary}")
    if args.hugo and shutil.which("hugo") is None:
        sys.exit("hugo is not installed: apt-get install hugo")
    print(f"machine: {os.cpu_count()} cores; {os.uname().sysname} {os.uname().release}")
    if args.hugo:
        print(subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip())
    medians = {n: bench(n, args.runs, args.binary, args.hugo, args.baseline, args.scratch) for n in map(int, args.sizes.split(","))}
    if 4000 in medians and 10000 in medians:
        print(f"\nscaling: 10,000 / 4,000 full build = {medians[10000] / medians[4000]:.2f} (linear would be 2.5)")


if __name__ == "__main__":
    main()
