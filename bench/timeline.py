#!/usr/bin/env python3
"""Where a build's wall time goes, window by window: perf's samples of one cold build, put in
windows of a few milliseconds, with how many cores were busy and the most sampled functions in
each. A window with one core's samples (n about half the most) is work no other core shares: the
place to look first. Needs Linux perf (apt-get install linux-perf); a profiling aid, not a test.

usage: bench/timeline.py --binary PATH [--root SITE] [--window 0.005] [--rate 10000] [--serial]

--serial prints only the windows where at most one core was busy.
"""

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def samples(binary, root, rate, scratch):
    data = os.path.join(scratch, "perf.data")
    output = os.path.join(scratch, "out")
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", str(rate), "-o", data,
                    binary, "build", "--root", root, "--output", output, "--quiet", "--today", "2026-12-01"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "tid,time,ip,sym"],
                            capture_output=True, text=True, check=True).stdout
    rows = []
    for line in script.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        symbol = fields[3] if len(fields) > 3 else "?"
        rows.append((float(fields[1].rstrip(":")), re.sub(r"^\$s9DermaSite", "", symbol)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="a release dermasite binary")
    parser.add_argument("--root", default=os.path.dirname(HERE), help="the site to build (the bundled one)")
    parser.add_argument("--window", type=float, default=0.005, help="seconds per window")
    parser.add_argument("--rate", type=int, default=10000, help="samples a second on each core")
    parser.add_argument("--serial", action="store_true", help="only windows with at most one core busy")
    args = parser.parse_args()
    if not shutil.which("perf"):
        sys.exit("timeline: perf is not installed (apt-get install linux-perf)")
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as scratch:
        rows = samples(os.path.abspath(args.binary), os.path.abspath(args.root), args.rate, scratch)
    if not rows:
        sys.exit("timeline: perf recorded no samples")
    start = rows[0][0]
    windows = collections.defaultdict(collections.Counter)
    for time, symbol in rows:
        windows[int((time - start) / args.window)][symbol[:50]] += 1
    one_core = args.rate * args.window
    print(f"{len(rows)} samples at {args.rate} a second a core; a window of {args.window * 1000:g} ms "
          f"holds about {one_core:.0f} samples a busy core (perf slows the build)")
    for index in sorted(windows):
        counts = windows[index]
        total = sum(counts.values())
        if args.serial and total > 1.3 * one_core:
            continue
        top = "; ".join(f"{name} {count}" for name, count in counts.most_common(4))
        print(f"{index * args.window * 1000:7.0f} ms  n={total:4d}  {top}")


if __name__ == "__main__":
    main()
