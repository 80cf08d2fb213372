#!/usr/bin/env python3
"""Linear time and bounded memory on generated worst cases.

    python benchmarks/bench_limits.py [--size MB] [--memory-size MB] [--kinds sparse,dense]
                                      [--no-memory]

Time: for sparse text (one term in about 5 KB), dense text (a term in every sentence) and
breaks (a word, a hyphen and 20,000 line breaks with no word after them, over and over), each
as one single line and as many short lines, the CPU time of checking a file of ``size``
MB and of twice that (reading, linting and rendering concise output, with no cap on findings;
the lexicons are prepared before the clock starts). Median of five runs; doubling the input
should at most multiply the time by 2.2.

Memory: peak RSS of the installed command on one dense file of ``memory-size`` MB, with the
default cap of 10,000 findings per file and with ``--max-findings 0``; the bound is
3 x the file + 100 MB.

Prints Markdown tables for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DENSE = "The hooker met a john near the crack house. Plain words follow to pad it out. "
PLAIN = (
    "Our clinic offers testing, a hot meal and a quiet room to anyone who walks in. Peer "
    "workers staff the front desk and help with forms, referrals and transport. "
)
SPARSE = PLAIN * 30 + "One addict came in. "  # one term in about 5 KB
# a place where a hyphenated word might be rejoined, followed by a long run of line breaks
BREAKS = "Café-" + "\n" * 20_000 + "! "

TIMER = """
import sys, time
from respectful_lint.reporters import RenderOptions, get_reporter
from respectful_lint.runner import prepare, run
compiled = prepare()
reporter = get_reporter("concise")
start = time.process_time()
report = run([sys.argv[1]], compiled, max_findings=0)
out = reporter.render(report, RenderOptions(color=False, explain=False))
print(time.process_time() - start, len(report.findings))
"""


def make(path: Path, unit: str, size: int, single_line: bool) -> None:
    text = unit * (size // len(unit) + 1)
    text = text[:size]
    if not single_line:
        text = text.replace(". ", ".\n")
    path.write_text(text, encoding="utf-8")


def cpu_time(path: Path, runs: int = 5) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", TIMER, str(path)], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        found = int(out[1])
    return statistics.median(times), found


def peak_rss_mb(args: list[str]) -> float:
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return int(out.stdout) / 1024


def command() -> list[str]:
    return [sys.executable, "-m", "respectful_lint"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=float, default=1.0, help="MB of the smaller input")
    ap.add_argument("--memory-size", type=float, default=50.0, help="MB of the memory input")
    ap.add_argument("--kinds", default="sparse,dense,breaks", help="which texts to time")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    args = ap.parse_args()
    size = int(args.size * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("| input | lines | findings (1x / 2x) | CPU 1x | CPU 2x | ratio |")
        print("|---|---|---|---|---|---|")
        kinds = args.kinds.split(",")
        for label, unit in (("sparse", SPARSE), ("dense", DENSE), ("breaks", BREAKS)):
            if label not in kinds:
                continue
            for single in (True, False):
                small, large = folder / "small.txt", folder / "large.txt"
                make(small, unit, size, single)
                make(large, unit, 2 * size, single)
                t1, n1 = cpu_time(small)
                t2, n2 = cpu_time(large)
                shape = "one line" if single else "short lines"
                print(
                    f"| {label}, {args.size:g} MB / {2 * args.size:g} MB | {shape} | "
                    f"{n1:,} / {n2:,} | {t1:.2f} s | {t2:.2f} s | {t2 / t1:.2f} |"
                )
        if args.no_memory:
            return
        big = folder / "dense.txt"
        make(big, DENSE, int(args.memory_size * 1_000_000), False)
        megabytes = big.stat().st_size / 1_000_000
        bound = 3 * megabytes + 100
        print()
        print("| run | peak RSS | bound |")
        print("|---|---|---|")
        for extra, label in (
            ([], "default cap (10,000 per file)"),
            (["--max-findings", "0"], "no cap"),
        ):
            rss = peak_rss_mb([*command(), "check", "--format", "concise", *extra, str(big)])
            run = f"dense {megabytes:.0f} MB, short lines, {label}"
            print(f"| {run} | {rss:.0f} MB | {bound:.0f} MB |")
    print()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
