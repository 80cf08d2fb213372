#!/usr/bin/env python3
"""Benchmark the scanner backends on one large text file.

    python benchmarks/bench_scan.py [--corpus DIR] [--mb 20] [--runs 5]

The text files and Markdown files under ``DIR`` (default ``benchmarks/corpus``) are joined,
repeated if need be, into one text of ``--mb`` megabytes, read as a ``.txt`` file. Each
scanner backend available here scans its normalized view for every term form and literal of
the default lexicons; then the whole text is linted with each backend. Median of
``--runs`` runs, wall-clock and CPU time (``time.process_time``, user plus system), since the
machine may be shared. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of ``runs`` calls of ``fn``."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def build_text(corpus: Path, size: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.md"))]
    if not parts:
        sys.exit(f"bench: no .txt or .md files in {corpus}")
    text = "\n\n".join(parts)
    return (text * (size // len(text) + 1))[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from respectful_lint.engine import lint_document
    from respectful_lint.lexicon import load_compiled
    from respectful_lint.lexicon.compile import CompiledLexicon, compile_rules
    from respectful_lint.normalize import normalize
    from respectful_lint.readers.text import TextReader
    from respectful_lint.scan import BACKENDS, ScannerUnavailable

    default = load_compiled()
    text = build_text(args.corpus, int(args.mb * 1e6))
    size = len(text.encode("utf-8"))
    norm = normalize(text)[0]
    rows = []
    for name in BACKENDS:
        start = time.perf_counter()
        try:
            lexicon = compile_rules(default.rules, default.lexicons, backend=name)
        except (ImportError, ScannerUnavailable):  # not installed, or not for this processor
            continue
        compiled = time.perf_counter() - start
        scan = timed(lambda lexicon=lexicon: lexicon.scanner.scan(norm), args.runs)

        def lint(lexicon: CompiledLexicon = lexicon) -> int:
            return len(lint_document(TextReader().read(text, "big.txt"), lexicon))

        lint_time = timed(lint, max(1, args.runs // 2))
        count = lint()
        rows.append((name, compiled, scan, lint_time, count))

    def rate(wall_cpu: tuple[float, float]) -> str:
        wall, cpu = wall_cpu
        return f"{size / wall / 1e6:.0f} MB/s ({wall:.2f} s; {size / cpu / 1e6:.0f} MB/s of CPU)"

    print(f"one text file, {size / 1e6:.1f} MB; median of {args.runs} runs")
    print()
    print("| scanner | compile | scan only | read and lint, all lexicons |")
    print("|---|---|---|---|")
    for name, compiled, scan, lint_time, count in rows:
        print(f"| {name} | {compiled:.2f} s | {rate(scan)} | {rate(lint_time)}, {count} findings |")


if __name__ == "__main__":
    main()
