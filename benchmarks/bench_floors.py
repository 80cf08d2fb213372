#!/usr/bin/env python3
"""What the throughput targets leave for this package's own code.

    python benchmarks/build_corpus.py /tmp/tree --only tree     # once
    python benchmarks/bench_floors.py --tree /tmp/tree [--mb 20] [--runs 5]

Each format of the documentation tree has a budget: its size at the target rate (25 MB/s for
the tree and for Markdown). Against it stands the time of the steps no reader of that format
can skip, done by the libraries alone with nothing of this package in the loop:

- Markdown: pulldown-cmark's events with their source ranges (``pyromark``), every event
  taken out of the iterator and dropped;
- HTML: the standard library's ``html.parser`` fed every file, its handlers doing nothing;
- reST and plain text: the normalized view the scan reads (``normalize``).

Then the whole read and lint of the same files, as ``bench.py --tree`` measures it. For the
one large text file of ``bench_scan.py`` (``--mb`` megabytes of the tree's text and Markdown),
built from ``--large`` (default: the tree's Node.js folder, as in ``RESULTS.md``), the budget
is 100 MB/s, against its normalized view and one scan of it (Hyperscan, with the ``fast``
extra). CPU time (``time.process_time``), median of ``--runs`` runs.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from bench_scan import build_text, timed

TREE_RATE = 25e6  # bytes a second: the tree and Markdown targets
LARGE_RATE = 100e6  # the 20 MB file with the accelerator


def cpu(fn: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of ``runs`` calls of ``fn``."""
    return timed(fn, runs)[1]


def markdown_events(texts: list[str]) -> None:
    import pyromark

    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    for text in texts:
        for _ in pyromark.events_with_range(text, options=options):
            pass


def html_tokens(texts: list[str]) -> None:
    for text in texts:
        parser = HTMLParser(convert_charrefs=False)
        parser.feed(text)
        parser.close()


def views(texts: list[str]) -> None:
    from respectful_lint.normalize import normalize

    for text in texts:
        normalize(text)


FLOORS: dict[str, tuple[str, Callable[[list[str]], None]]] = {
    ".md": ("pulldown-cmark's events, iterated", markdown_events),
    ".html": ("html.parser, handlers doing nothing", html_tokens),
    ".rst": ("the normalized view", views),
    ".txt": ("the normalized view", views),
}


def row(what: str, size: int, seconds: float, budget: float) -> str:
    return (
        f"| {what} | {seconds:.2f} s ({size / seconds / 1e6:.1f} MB/s) | "
        f"{seconds / budget:.0%} of the budget |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, required=True)
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--large", type=Path, help="folder the large file is built from")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled

    files = sorted(p for p in args.tree.rglob("*") if p.suffix in FLOORS and p.is_file())
    if not files:
        sys.exit(f"bench: no documentation tree in {args.tree}; run build_corpus.py --only tree")
    lexicon = load_compiled()
    lint_paths(files[:3])  # readers imported, scanner built
    print(f"CPU time, median of {args.runs} runs")
    print()
    print("| files, and the budget at 25 MB/s | step | time | share |")
    print("|---|---|---|---|")
    total = sum(p.stat().st_size for p in files)
    for ext, (what, floor) in FLOORS.items():
        group = [p for p in files if p.suffix == ext]
        if not group:
            continue
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in group]
        size = sum(p.stat().st_size for p in group)
        budget = size / TREE_RATE
        head = f"| {ext}: {len(group)} files, {size / 1e6:.1f} MB: {budget:.2f} s "
        print(head + row(what, size, cpu(lambda t=texts, f=floor: f(t), args.runs), budget))
        whole = cpu(lambda g=group: lint_paths(g), args.runs)
        print(head + row("read and lint (`lint_paths`)", size, whole, budget))
    budget = total / TREE_RATE
    whole = cpu(lambda: lint_paths(files), args.runs)
    print(
        f"| whole tree: {len(files)} files, {total / 1e6:.1f} MB: {budget:.2f} s "
        + row("read and lint (`lint_paths`)", total, whole, budget)
    )

    from respectful_lint.normalize import normalize

    large = args.large or (args.tree / "nodejs" if (args.tree / "nodejs").is_dir() else args.tree)
    text = build_text(large, int(args.mb * 1e6))
    size = len(text.encode("utf-8"))
    budget = size / LARGE_RATE
    head = f"| one text file, {size / 1e6:.1f} MB: {budget:.2f} s at 100 MB/s "
    print(head + row("the normalized view", size, cpu(lambda: normalize(text), args.runs), budget))
    norm = normalize(text)[0]
    scan = cpu(lambda: lexicon.scanner.scan(norm), args.runs)
    print(head + row(f"one scan of it ({lexicon.scanner.backend})", size, scan, budget))


if __name__ == "__main__":
    main()
