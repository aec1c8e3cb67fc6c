#!/usr/bin/env python3
"""Instruction counts of two builds, against the baselines in bench/instructions.json.

Wall time on a shared machine moves by 20 % from one minute to the next; the number of
instructions a build executes does not. This counts them with Valgrind's callgrind for
  - a cold build of the bundled site, and
  - a cold build of the 400-article benchmark site (bench/corpus.py, the same every time),
and fails when either has grown by more than 10 % over its baseline, so a later change cannot
undo the speed work unseen. After a change that is meant to cost more (or that saves), write
new baselines with --update and say why in the commit.

usage: bench/instructions.py [--update] [--binary PATH] [--limit 1.10]
It builds the release binary first (static Swift runtime, as bench/run.py does) and needs
valgrind (apt-get install valgrind). Outputs go to /dev/shm when it exists.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import run as build_bench

BASELINES = os.path.join(build_bench.HERE, "instructions.json")
TODAY = "2026-12-03"  # fixed, so review-date checks do the same work on any day


def count(binary, root, output, extra=()):
    """Instructions executed by one build, as callgrind counts them (all threads)."""
    shutil.rmtree(output, ignore_errors=True)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, "build", "--root", root,
         "--output", output, "--quiet", "--today", TODAY, *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    shutil.rmtree(output, ignore_errors=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or not found:
        sys.exit(f"callgrind run failed for {root}:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the counts as the new baselines")
    parser.add_argument("--binary", help="a dermasite binary to count instead of building one")
    parser.add_argument("--limit", type=float, default=1.10, help="largest allowed count / baseline")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    binary = args.binary
    if binary is None:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "dermasite", "--static-swift-stdlib"],
                              cwd=build_bench.REPO, stdout=subprocess.DEVNULL)
        binary = os.path.join(build_bench.REPO, ".build", "release", "dermasite")
    scratch = tempfile.mkdtemp(prefix="dermasite-instructions-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        # Valgrind 3.19 cannot read the DWARF 5 the Swift compiler writes: count a copy without it.
        counted = os.path.join(scratch, "dermasite")
        subprocess.check_call(["strip", "--strip-debug", "-o", counted, binary])
        site, _ = build_bench.site_for(400)
        counts = {
            "bundled site": count(counted, build_bench.REPO, os.path.join(scratch, "bundled")),
            "400 articles": count(counted, site, os.path.join(scratch, "articles")),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    baselines = {}
    if os.path.exists(BASELINES):
        with open(BASELINES) as file:
            baselines = json.load(file)["instructions"]
    print(f"{'build':<16}{'instructions':>16}{'baseline':>16}{'ratio':>8}")
    failed = []
    for name, value in counts.items():
        base = baselines.get(name)
        ratio = value / base if base else None
        print(f"{name:<16}{value:>16,}{(f'{base:,}' if base else '-'):>16}{(f'{ratio:.3f}' if ratio else '-'):>8}")
        if ratio and ratio > args.limit:
            failed.append(f"{name}: {ratio:.3f} x the baseline (limit {args.limit})")
    if args.update:
        with open(BASELINES, "w") as file:
            json.dump({"note": "callgrind instruction counts of a cold build (bench/instructions.py --update)",
                       "instructions": counts}, file, indent=2)
            file.write("\n")
        print(f"baselines written to {os.path.relpath(BASELINES, build_bench.REPO)}")
    elif failed:
        sys.exit("instruction counts grew:\n  " + "\n  ".join(failed))


if __name__ == "__main__":
    main()
