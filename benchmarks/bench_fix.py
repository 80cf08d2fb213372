#!/usr/bin/env python3
"""Benchmark fixing: a large Markdown draft and a long Word document, with many fixes.

    python benchmarks/bench_fix.py [--mb 10] [--pages 200] [--runs 3]

The Markdown draft repeats a paragraph with three safe fixes (and one finding without a fix)
until it reaches ``--mb`` megabytes; the Word document (built with python-docx, the test
extra) has ``--pages`` pages of such paragraphs, with runs that split some matches. Each is
timed through ``check`` alone and through ``check --output`` (check, fix, check again, write
the copy), in this process: the median of ``--runs`` runs, wall-clock and CPU time. The drafts
are dense (a finding every 60 characters), so checking dominates. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from respectful_lint.cli import main

PARAGRAPH = (
    "Our outreach team met two hookers near the station and an addict who asked about the "
    "clinic. Staff hand out condoms and naloxone, and the HOOKERS' collective helps plan the "
    "route. Never call anyone a junkie."
)


def build_markdown(path: Path, size: int) -> int:
    block = f"## Night {{n}}\n\n{PARAGRAPH}\n\n"
    parts = []
    total = 0
    n = 0
    while total < size:
        chunk = block.format(n=n)
        parts.append(chunk)
        total += len(chunk)
        n += 1
    path.write_text("".join(parts), encoding="utf-8")
    return n


def build_docx(path: Path, pages: int) -> int:
    import docx

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Briefing for hookers"
    count = pages * 4  # about 500 words a page
    for i in range(count):
        p = doc.add_paragraph("Some of the women are ")
        p.add_run("street").italic = True
        p.add_run(f"walkers; {PARAGRAPH}")
        if i % 20 == 0:
            doc.add_table(rows=1, cols=1).rows[0].cells[0].text = "Tea for the hookers"
    doc.save(str(path))
    return count


def timed(args: list[str], runs: int) -> tuple[float, float, str]:
    walls, cpus = [], []
    last = ""
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(main, args)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        last = result.output.strip().splitlines()[-1]
    return statistics.median(walls), statistics.median(cpus), last


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        md, word = base / "draft.md", base / "draft.docx"
        blocks = build_markdown(md, int(opts.mb * 1024 * 1024))
        paras = build_docx(word, opts.pages)
        mb = md.stat().st_size / 2**20
        inputs = [
            (f"Markdown, {mb:.1f} MB, {blocks} paragraphs", md),
            (f"Word, {opts.pages} pages, {paras} paragraphs", word),
        ]
        for name, path in inputs:
            check = ["check", "--isolated", "--format", "concise", str(path)]
            fix = ["check", "--isolated", "--output", str(base / ("out" + path.suffix)), str(path)]
            rows.append((name, "check", *timed(check, opts.runs)))
            rows.append((name, "check --output", *timed(fix, opts.runs)))
    print("| input | command | wall | CPU | last line |")
    print("|---|---|---|---|---|")
    for name, command, wall, cpu, summary in rows:
        print(f"| {name} | `{command}` | {wall:.2f} s | {cpu:.2f} s | {summary} |")


if __name__ == "__main__":
    main_()
