#!/usr/bin/env python3
"""Benchmark respectful-lint with the default lexicons.

    python benchmarks/build_corpus.py            # once: real English prose, >= 50 MB
    python benchmarks/bench.py [--corpus DIR]    # prints a Markdown table for RESULTS.md

Measures cold-start wall time for one 2 KB Markdown file (median of 10 runs of the installed
command), single-process throughput over the corpus, peak memory (max RSS) of a run over
the corpus and of a run over one 50 MB file built by joining corpus files, the extra CPU
time that conflation rules cost (median of 3 runs with and without them), and the wall time
of the command over the corpus with ``--jobs 1`` and ``--jobs 2`` (median of 5 runs each;
``--parallel-only`` measures only that).

    python benchmarks/build_corpus.py /tmp/tree --only tree
    python benchmarks/bench.py --tree /tmp/tree   # the documentation tree, per format

``--tree`` measures the documentation tree instead: single-process throughput per format
(``.md``, ``.rst``, ``.txt``, ``.html``) and for the whole tree (wall and CPU time, median of
``--runs``), ``check --jobs 1`` against ``--jobs 2`` over the folder, and peak memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = """# Drop-in hours

Our clinic offers testing, naloxone and a hot meal to anyone who walks in. Peer workers
staff the front desk and can help with forms, referrals and transport.

- Monday to Friday, 10:00 to 16:00
- Thursday evenings for sex workers and their partners

> "We come because nobody judges us here," one visitor said.
"""


def command() -> list[str]:
    exe = shutil.which("respectful-lint")
    return [exe] if exe else [sys.executable, "-m", "respectful_lint"]


def cold_start(runs: int = 10) -> tuple[float, float]:
    """(first run with an empty lexicon cache, median of ``runs`` runs after it), seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.md"
        text = SAMPLE
        while len(text.encode()) < 2048:
            text += SAMPLE
        path.write_text(text[:2048], encoding="utf-8")
        env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("RESPECTFUL_LINT_NO_CACHE", None)
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run(
                [*command(), "check", "--format", "concise", str(path)],
                capture_output=True,
                check=False,
                env=env,
            )
            times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if proc.returncode not in (0, 1):
    sys.exit(proc.stderr.decode()[-500:])
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """(wall seconds, max RSS in MB) of one run, measured in a fresh parent process."""
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed: {proc.stderr[-500:]}")
    wall, rss_kb = proc.stdout.split()
    return float(wall), int(rss_kb) / 1024


def throughput(corpus: Path) -> tuple[float, int, float, int, float]:
    """MB/s of lint_paths over the corpus in this process, bytes, seconds, findings, CPU MB/s."""
    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled

    load_compiled()  # lexicon loading is measured by the cold start, not here
    files = sorted(p for p in corpus.rglob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    start = time.perf_counter()
    cpu = time.process_time()
    findings = lint_paths(files)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return size / seconds / 1e6, size, seconds, len(findings), size / cpu / 1e6


def conflation_cost(corpus: Path, runs: int = 3) -> tuple[float, float]:
    """Median CPU seconds of lint_paths over the corpus with and without conflation rules.

    CPU time (time.process_time) is used because the machine may be shared; runs alternate so
    drift affects both sides alike.
    """
    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled

    load_compiled()
    files = sorted(p for p in corpus.rglob("*.txt"))
    lint_paths(files[:1])
    lint_paths(files[:1], ignore=["conflation"])
    with_, without = [], []
    for _ in range(runs):
        for ignore, out in (([], with_), (["conflation"], without)):
            start = time.process_time()
            lint_paths(files, ignore=ignore)
            out.append(time.process_time() - start)
    return statistics.median(with_), statistics.median(without)


def parallel(files: list[Path], runs: int = 5) -> dict[int, tuple[float, float]]:
    """(median wall seconds, median CPU seconds) of ``check`` over the corpus with
    ``--jobs 1`` and ``--jobs 2``.

    The files are named one by one: the corpus folder is git-ignored, so a walk of it inside
    this repository would skip them. Runs alternate between the two settings so that drift on
    a shared machine affects both alike; the lexicon cache is warm (one run before).
    """
    import resource

    base = [*command(), "check", "--format", "concise", *map(str, files)]
    subprocess.run([*base, "--jobs", "1"], capture_output=True, check=False)
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(runs):
        for jobs in walls:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(
                [*base, "--jobs", str(jobs)], stdout=subprocess.DEVNULL, check=False
            )
            walls[jobs].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[jobs].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if proc.returncode not in (0, 1):
                sys.exit(f"bench: --jobs {jobs} failed with exit code {proc.returncode}")
    return {j: (statistics.median(walls[j]), statistics.median(cpus[j])) for j in walls}


def print_parallel(files: list[Path]) -> None:
    size = sum(p.stat().st_size for p in files)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for jobs, (wall, cpu) in parallel(files).items():
        print(
            f"| wall time, `check --jobs {jobs}`, {len(files)} files, {size / 1e6:.1f} MB "
            f"(median of 5; load average {load:.1f}) | {wall:.1f} s ({size / wall / 1e6:.1f} MB/s;"
            f" {cpu:.1f} s of CPU time) | |"
        )


TREE_FORMATS = (".md", ".rst", ".txt", ".html")


def tree_throughput(files: list[Path], runs: int) -> tuple[float, float, int]:
    """(median wall seconds, median CPU seconds, findings) of lint_paths over ``files``."""
    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled

    load_compiled()
    lint_paths(files[:3])  # readers imported, scanner built
    walls, cpus = [], []
    count = 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        count = len(lint_paths(files))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), count


def print_tree(tree: Path, runs: int) -> None:
    files = sorted(p for p in tree.rglob("*") if p.suffix in TREE_FORMATS and p.is_file())
    if not files:
        sys.exit(f"bench: no documentation tree in {tree}; run build_corpus.py --only tree")
    from respectful_lint.lexicon import load_compiled

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; scanner: {load_compiled().scanner.backend}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print()
    print(f"| files | size | findings | wall (median of {runs}) | CPU time (user + sys) |")
    print("|---|---|---|---|---|")
    groups = [(ext, [p for p in files if p.suffix == ext]) for ext in TREE_FORMATS]
    for label, group in [*groups, ("whole tree", files)]:
        if not group:
            continue
        size = sum(p.stat().st_size for p in group)
        wall, cpu, count = tree_throughput(group, runs)
        print(
            f"| {label}: {len(group)} files | {size / 1e6:.1f} MB | {count} | "
            f"{wall:.2f} s ({size / wall / 1e6:.1f} MB/s) | "
            f"{cpu:.2f} s ({size / cpu / 1e6:.1f} MB/s) |"
        )
    size = sum(p.stat().st_size for p in files)
    largest = max(p.stat().st_size for p in files)
    base = [*command(), "check", "--format", "concise", str(tree)]
    subprocess.run(base, capture_output=True, check=False)  # warm the lexicon cache
    times: dict[int, list[float]] = {1: [], 2: []}
    peaks: dict[int, float] = {1: 0.0, 2: 0.0}
    for _ in range(runs):
        for jobs in times:
            wall, rss = peak_rss_mb([*base, "--jobs", str(jobs)])
            times[jobs].append(wall)
            peaks[jobs] = max(peaks[jobs], rss)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    for jobs, wall in ((1, one), (2, two)):
        print(
            f"| `check --jobs {jobs}` over the tree (median of {runs}) | {wall:.2f} s "
            f"({size / wall / 1e6:.1f} MB/s), peak {peaks[jobs]:.0f} MB | "
            f"peak <= {3 * largest / 1e6 + 100:.0f} MB |"
        )
    print(f"| speed-up of `--jobs 2` | {one / two:.2f}x | >= 1.7x |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument(
        "--parallel-only", action="store_true", help="only the --jobs 1 / --jobs 2 wall times"
    )
    ap.add_argument("--tree", type=Path, help="measure this documentation tree instead")
    ap.add_argument("--runs", type=int, default=3, help="runs per measure with --tree")
    args = ap.parse_args()
    if args.tree is not None:
        print_tree(args.tree, args.runs)
        return
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"bench: no corpus in {args.corpus}; run benchmarks/build_corpus.py first")
    if args.parallel_only:
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores")
        print()
        print("| measure | result | target |")
        print("|---|---|---|")
        print_parallel(files)
        return
    first, cold = cold_start()
    mbps, size, seconds, count, cpu_mbps = throughput(args.corpus)
    with_conflation, without_conflation = conflation_cost(args.corpus)
    largest = max(p.stat().st_size for p in files)
    _, corpus_rss = peak_rss_mb([*command(), "check", "--format", "json", str(args.corpus)])
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        with big.open("wb") as out:
            written = 0
            for p in files:
                if written >= 50_000_000:
                    break
                data = p.read_bytes()
                out.write(data + b"\n\n")
                written += len(data) + 2
        one_line = Path(tmp) / "one-line.txt"
        with one_line.open("wb") as out:
            data = b" ".join(p.read_bytes().replace(b"\n", b" ") for p in files[:40])
            out.write(data[:10_000_000])
        big_wall, big_rss = peak_rss_mb([*command(), "check", "--format", "json", str(big)])
        _, line_rss = peak_rss_mb([*command(), "check", "--format", "json", str(one_line)])
        big_size = big.stat().st_size
    from respectful_lint.lexicon import load_compiled

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}; "
        f"scanner: {load_compiled().scanner.backend}"
    )
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    print(
        f"| cold start, one 2 KB Markdown file (median of 10) | {cold * 1000:.0f} ms | <= 200 ms |"
    )
    print(
        f"| the same, first run after a lexicon change (cache rebuilt) | {first * 1000:.0f} ms | |"
    )
    print(
        f"| throughput, {len(files)} files, {size / 1e6:.1f} MB, one process | "
        f"{mbps:.1f} MB/s ({seconds:.1f} s, {count} findings; {cpu_mbps:.1f} MB/s of CPU time) "
        "| >= 20 MB/s |"
    )
    print(
        f"| peak memory, whole corpus (largest file {largest / 1e6:.1f} MB) | "
        f"{corpus_rss:.0f} MB | <= {3 * largest / 1e6 + 100:.0f} MB |"
    )
    print(
        f"| peak memory, one {big_size / 1e6:.0f} MB file ({big_wall:.1f} s) | "
        f"{big_rss:.0f} MB | <= {3 * big_size / 1e6 + 100:.0f} MB |"
    )
    print(f"| peak memory, one 10 MB line without a newline | {line_rss:.0f} MB | <= 130 MB |")
    extra = with_conflation / without_conflation - 1
    print(
        f"| extra CPU time of conflation rules (median of 3) | {extra:+.0%} "
        f"({with_conflation:.2f} s with, {without_conflation:.2f} s without) | < +30% |"
    )
    print_parallel(files)


if __name__ == "__main__":
    main()
