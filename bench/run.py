#!/usr/bin/env python3
"""DermaSite build benchmark: full build, no-change rebuild, one-article edit, peak memory and
pages per second for synthetic sites of N articles, optionally against Hugo in the same session.

Each figure is measured over several runs after a warm-up; medians are quoted with the range.
With --hugo, DermaSite and Hugo full builds alternate (A B A B ...) and the ratio is taken pair
by pair, so a machine that speeds up or slows down during the run affects both alike.

With --baseline BINARY (another build of dermasite, for example the last release), its full builds
alternate with this one's the same way, to show a change did not make builds slower.
--scratch DIR writes the outputs there (for example /dev/shm, so the disk's state does not decide).

--floor measures, in the same alternation, what the work costs at the least: cmark-gfm's own CLI
rendering the same Markdown split over all cores, plus a plain program writing files with the same
paths and sizes as DermaSite's output into a fresh folder. It prints DermaSite's wall as a multiple
of that floor (the speed issue's binding target is 1.5 x), and Hugo's too with --hugo.
--bundled also times a cold build of the bundled site against Hugo's build of a 30-article site.

usage: bench/run.py [--sizes 1000,4000,10000] [--runs 5] [--hugo] [--floor] [--bundled]
                    [--baseline BINARY] [--scratch DIR]
It builds the release binary first (`swift build -c release --product dermasite --static-swift-stdlib`),
unless --binary names one to measure.
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


CMARK_EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]


def cmark_floor(markdown_files):
    """cmark-gfm's CLI over the articles, one process per core, all at once: wall seconds."""
    cores = os.cpu_count() or 1
    groups = [markdown_files[i::cores] for i in range(cores)]
    command = ["cmark-gfm", "--smart"] + [a for e in CMARK_EXTENSIONS for a in ("-e", e)]
    start = time.perf_counter()
    processes = [subprocess.Popen(command + group, stdout=subprocess.DEVNULL) for group in groups if group]
    for process in processes:
        if process.wait() != 0:
            sys.exit("cmark-gfm failed")
    return time.perf_counter() - start


def output_shape(folder):
    """Every file of a built site: its path below the folder and its size."""
    shape = []
    for parent, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(parent, name)
            shape.append((os.path.relpath(path, folder), os.path.getsize(path)))
    return sorted(shape)


def write_floor(shape, folder):
    """Writes files of these paths and sizes into a new folder, plainly: wall seconds."""
    chunk = b"x" * max((size for _, size in shape), default=0)
    start = time.perf_counter()
    made = set()
    for path, size in shape:
        parent = os.path.dirname(os.path.join(folder, path))
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(os.path.join(folder, path), "wb") as f:
            f.write(chunk[:size])
    return time.perf_counter() - start


def summary(values, unit, digits=3):
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def bench(n, runs, binary, with_hugo, baseline=None, scratch_root=WORK, with_floor=False):
    site, hugo_site = site_for(n)
    # Each full build writes into a folder never used before, and old outputs are deleted only at
    # the end: on ext4, creating files right after deleting thousands is several times slower and
    # would measure the file system's clean-up rather than the generators.
    scratch = os.path.join(scratch_root, f"dermasite-bench-outputs-{n}")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    full, memory, hugo_full, hugo_memory, base_full, floor = [], [], [], [], [], []
    articles = os.path.join(site, "Content", "articles")
    markdown_files = sorted(os.path.join(articles, f) for f in os.listdir(articles) if f.endswith(".md"))
    shape = None
    for i in range(runs + 1):  # the first round warms the caches and is not counted
        wall, rss = run([binary, "build", "--root", site, "--quiet", "--output", os.path.join(scratch, f"dermasite-{i}")])
        if i:
            full.append(wall)
            memory.append(rss)
        if with_floor:
            shape = shape or output_shape(os.path.join(scratch, "dermasite-0"))
            parsed = cmark_floor(markdown_files)
            written = write_floor(shape, os.path.join(scratch, f"floor-{i}"))
            if i:
                floor.append(parsed + written)
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
    if with_floor:
        print(f"  floor (cmark-gfm CLI on {os.cpu_count()} cores + plain writes of {len(shape)} files, {sum(s for _, s in shape) / 2**20:.1f} MiB)")
        print(f"                        {summary(floor, 's')}")
        print(f"  DermaSite / floor     {summary([a / b for a, b in zip(full, floor)], '', 2)} (target 1.5)")
        if with_hugo:
            print(f"  Hugo / floor          {summary([a / b for a, b in zip(hugo_full, floor)], '', 2)}")
    return statistics.median(full)


def bench_bundled(runs, binary, scratch_root):
    """The bundled site from scratch, against Hugo's build of a 30-article site, alternating."""
    _, hugo_site = site_for(30)
    scratch = os.path.join(scratch_root, "dermasite-bench-bundled")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    ours, hugo = [], []
    for i in range(runs + 1):
        wall, _ = run([binary, "build", "--root", REPO, "--quiet", "--output", os.path.join(scratch, f"dermasite-{i}")])
        hugo_wall, _ = run(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(scratch, f"hugo-{i}")])
        if i:
            ours.append(wall)
            hugo.append(hugo_wall)
    pages = sum(1 for _, _, files in os.walk(os.path.join(scratch, "dermasite-0")) for name in files if name.endswith(".html"))
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"\nBundled site ({pages} HTML pages), cold, {runs} runs each, median (min–max)")
    print(f"  DermaSite             {summary(ours, 's')}")
    print(f"  Hugo, 30 articles     {summary(hugo, 's')}")
    print(f"  DermaSite / Hugo      {summary([a / b for a, b in zip(ours, hugo)], '', 2)} (target 0.5)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo", action="store_true", help="compare with Hugo (Debian's hugo package)")
    parser.add_argument("--binary", help="a dermasite binary to measure instead of building the release one")
    parser.add_argument("--baseline", help="another dermasite binary whose full builds alternate with this one's")
    parser.add_argument("--scratch", default=WORK, help="where the builds write (for example /dev/shm)")
    parser.add_argument("--floor", action="store_true", help="time cmark-gfm's CLI and plain writes of the same output")
    parser.add_argument("--bundled", action="store_true", help="the bundled site, cold, against Hugo's 30-article build")
    args = parser.parse_args()
    if args.binary is None:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "dermasite", "--static-swift-stdlib"], cwd=REPO,
                              stdout=subprocess.DEVNULL)
        args.binary = os.path.join(REPO, ".build", "release", "dermasite")
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no binary at {args.binary}")
    if (args.hugo or args.bundled) and shutil.which("hugo") is None:
        sys.exit("hugo is not installed: apt-get install hugo")
    if args.floor and shutil.which("cmark-gfm") is None:
        sys.exit("cmark-gfm is not installed: apt-get install cmark-gfm")
    print(f"machine: {os.cpu_count()} cores; {os.uname().sysname} {os.uname().release}")
    if args.hugo:
        print(subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip())
    if args.bundled:
        bench_bundled(args.runs, args.binary, args.scratch)
    sizes = [int(n) for n in args.sizes.split(",") if n]
    medians = {n: bench(n, args.runs, args.binary, args.hugo, args.baseline, args.scratch, args.floor) for n in sizes}
    if 4000 in medians and 10000 in medians:
        print(f"\nscaling: 10,000 / 4,000 full build = {medians[10000] / medians[4000]:.2f} (linear would be 2.5)")


if __name__ == "__main__":
    main()
