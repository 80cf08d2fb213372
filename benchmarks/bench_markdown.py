#!/usr/bin/env python3
"""Benchmark the Markdown reader on real Markdown documentation.

    python benchmarks/bench_markdown.py [--corpus DIR] [--runs 5] [--profile]

``DIR`` (default ``benchmarks/corpus/markdown``) holds ``.md`` files, for example the Node.js
API documentation that Debian ships::

    apt-get download nodejs-doc && dpkg-deb -x nodejs-doc_*.deb /tmp/nodejs-doc
    mkdir -p benchmarks/corpus/markdown
    for f in /tmp/nodejs-doc/usr/share/doc/nodejs/api/*.md.gz; do
        gunzip -c "$f" > "benchmarks/corpus/markdown/$(basename "${f%.gz}")"; done

Every file is read in this process, then read and linted with all default lexicons, through
the same path ``respectful-lint check`` takes: the median of ``--runs`` runs, in wall-clock
time and in CPU time (``time.process_time``, user plus system), since the machine may be
shared. ``--profile`` prints the top of a cProfile profile of one read-and-lint run instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

from bench_scan import timed

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus" / "markdown")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.md"))
    if not files:
        sys.exit(f"bench: no .md files in {args.corpus}")

    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled
    from respectful_lint.readers.markdown import MarkdownReader

    load_compiled()
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    size = sum(p.stat().st_size for p in files)

    def read_all() -> None:
        for path, text in texts:
            MarkdownReader().read(text, path)

    def lint_all() -> int:
        return len(lint_paths(files))

    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(lint_all)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        return
    read = timed(read_all, args.runs)
    lint = timed(lint_all, args.runs)
    count = lint_all()

    def rate(wall_cpu: tuple[float, float]) -> str:
        wall, cpu = wall_cpu
        return (
            f"{size / wall / 1e6:.1f} MB/s ({wall:.2f} s; {size / cpu / 1e6:.1f} MB/s of CPU time)"
        )

    print(f"{len(files)} Markdown files, {size / 1e6:.1f} MB; median of {args.runs} runs")
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    print(f"| Markdown, read only | {rate(read)} | |")
    print(f"| Markdown, read and lint, all lexicons | {rate(lint)}, {count} findings | 25 MB/s |")


if __name__ == "__main__":
    main()
