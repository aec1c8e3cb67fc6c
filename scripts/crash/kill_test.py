#!/usr/bin/env python3
"""Kill test: a real `dermasite build` of a large site is sent SIGKILL at random moments, many
times. After every kill the output must be the whole old site or the whole new one, and the next
build must leave exactly one site and no staging tree beside or inside the output.

    python3 scripts/crash/kill_test.py --binary .build/release/dermasite --articles 1500 --kills 200

Prints its figures; exits 1 on the first mixed or damaged site (with the seed to replay it).
"""
import argparse, os, random, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def snapshot(folder):
    """Every page of a site, by path, without the tool's own records."""
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in files:
            path = os.path.relpath(os.path.join(base, name), folder)
            if name.startswith(".dermasite-") or path.startswith("assets/"):
                continue
            with open(os.path.join(base, name), "rb") as f:
                out[path] = f.read()
    return out


def bulk_site(work, count):
    """The bundled site in `work`/site plus `count` copies of one bundled article; their texts."""
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(site, "Content"))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(site, "Templates"))
    sample = open(os.path.join(ROOT, "Content", "articles", "sensory-exam.md")).read()
    articles = [sample.replace("slug: sensory-exam", f"slug: bulk-{i:05d}") for i in range(count)]
    write_variant(site, articles, "")
    return site, articles


def write_variant(site, articles, variant):
    for index, text in enumerate(articles):
        with open(os.path.join(site, "Content", "articles", f"bulk-{index:05d}.md"), "w") as f:
            f.write(text + (f"\nThis is version {variant}.\n" if variant else ""))


def build(binary, site, output, check=True):
    result = subprocess.run([binary, "build", "--root", site, "--output", output, "--quiet", "--today", "2026-12-01"],
                            capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr}")
    return result


def leftovers(site):
    beside = [n for n in os.listdir(site) if ".dermasite-next-" in n]
    public = os.path.join(site, "Public")
    inside = [n for n in os.listdir(public) if n.startswith(".dermasite-staging") or n == ".dermasite-journal"] \
        if os.path.isdir(public) else []
    return beside + inside


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/dermasite"))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="dermasite-kill-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        site, articles = bulk_site(work, args.articles)
        expected = {}
        for variant in "AB":
            write_variant(site, articles, variant)
            build(binary, site, os.path.join(work, f"ref-{variant}"))
            expected[variant] = snapshot(os.path.join(work, f"ref-{variant}"))
        output = os.path.join(site, "Public")
        write_variant(site, articles, "A")
        started = time.monotonic()
        build(binary, site, output)
        full = time.monotonic() - started
        current, outcomes = "A", {"old": 0, "new": 0}
        for kill in range(args.kills):
            nxt = "B" if current == "A" else "A"
            write_variant(site, articles, nxt)
            process = subprocess.Popen([binary, "build", "--root", site, "--output", output, "--quiet", "--today", "2026-12-01"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Most kills land near the end of the build, where the files move into place.
            time.sleep(full * (rng.uniform(0.8, 1.3) if rng.random() < 0.8 else rng.uniform(0, 0.8)))
            process.send_signal(signal.SIGKILL)
            process.wait()
            seen = snapshot(output)
            if seen == expected[current]:
                outcomes["old"] += 1
            elif seen == expected[nxt]:
                outcomes["new"] += 1
                current = nxt
            else:
                differing = sorted(p for p in set(seen) | set(expected[nxt]) if seen.get(p) != expected[nxt].get(p))[:5]
                sys.exit(f"kill {kill + 1}: the output is neither whole site (seed {args.seed}); first differences: {differing}")
            # Put the content back as it was half the time: the next build must not call a mixed site up to date.
            if rng.random() < 0.5:
                write_variant(site, articles, current)
            else:
                current = nxt
            build(binary, site, output)
            if snapshot(output) != expected[current]:
                sys.exit(f"kill {kill + 1}: the build after the kill left the wrong site (seed {args.seed})")
            if leftovers(site):
                sys.exit(f"kill {kill + 1}: left behind {leftovers(site)} (seed {args.seed})")
        print(f"kill test: {args.kills} kills of a {args.articles}-article build ({full:.2f} s each, seed {args.seed}): "
              f"old site {outcomes['old']}, new site {outcomes['new']}, mixed 0; every next build left one site and no staging")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
