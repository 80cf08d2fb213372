#!/usr/bin/env python3
"""Benchmark the HTML and Word readers on prose from the benchmark corpus.

    python benchmarks/build_corpus.py                 # once
    python benchmarks/bench_readers.py [--corpus DIR] [--html-mb 20] [--pages 200]

HTML: the corpus's paragraphs are wrapped in <p> elements, with a heading every ten
paragraphs, an <em> in every paragraph and entities where the text has &, < or >. Word: a
document of about 500 words a page is built with python-docx (the test extra), with a header
and a table every twenty paragraphs. Both are timed reading only and reading plus linting with
all default lexicons, in this process: the median of five runs (``--runs``), in wall-clock time
and in CPU time (``time.process_time``), since the machine may be shared. Prints a Markdown
table.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench_scan import timed

HERE = Path(__file__).resolve().parent


def paragraphs(corpus: Path) -> Iterator[str]:
    for path in sorted(corpus.rglob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = " ".join(block.split())
            if len(block) > 40:
                yield block


def build_html(corpus: Path, size: int, out: Path) -> None:
    parts = ["<!DOCTYPE html>\n<html><head><title>Corpus</title></head><body>\n"]
    total = 0
    for i, para in enumerate(paragraphs(corpus)):
        words = html.escape(para, quote=False).split(" ")
        if len(words) > 3:
            words[2] = f"<em>{words[2]}</em>"
        chunk = ("<h2>Section</h2>\n" if i % 10 == 0 else "") + "<p>" + " ".join(words) + "</p>\n"
        parts.append(chunk)
        total += len(chunk)
        if total >= size:
            break
    parts.append("</body></html>\n")
    out.write_text("".join(parts), encoding="utf-8")


def build_docx(corpus: Path, pages: int, out: Path) -> int:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Benchmark document"
    words = 0
    for i, para in enumerate(paragraphs(corpus)):
        if i % 20 == 19:
            table = document.add_table(rows=2, cols=2)
            for cell in table._cells:
                cell.text = para[:80]
        p = document.add_paragraph()
        half = len(para) // 2
        p.add_run(para[:half])
        p.add_run(para[half:]).italic = True
        words += len(para.split())
        if words >= pages * 500:
            break
    document.save(str(out))
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--html-mb", type=float, default=20)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not any(args.corpus.rglob("*.txt")):
        sys.exit(f"bench: no corpus in {args.corpus}; run benchmarks/build_corpus.py first")

    from respectful_lint import lint_paths
    from respectful_lint.lexicon import load_compiled
    from respectful_lint.readers.docx import DocxReader
    from respectful_lint.readers.html import HtmlReader

    load_compiled()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "corpus.html"
        build_html(args.corpus, int(args.html_mb * 1e6), page)
        size = page.stat().st_size
        text = page.read_text(encoding="utf-8")
        runs = args.runs
        read_html = timed(lambda: list(HtmlReader().read(text, "corpus.html").segments), runs)
        lint_html = timed(lambda: lint_paths([page]), runs)
        count_html = len(lint_paths([page]))
        lint_html_sw = timed(lambda: lint_paths([page], select=["sex-work"]), runs)

        word = Path(tmp) / "corpus.docx"
        words = build_docx(args.corpus, args.pages, word)
        data = word.read_bytes()
        paras = len(DocxReader().read_bytes(data, "corpus.docx").text.split("\n"))
        read_docx, _ = timed(lambda: DocxReader().read_bytes(data, "corpus.docx"), runs)
        lint_docx, _ = timed(lambda: lint_paths([word]), runs)
        count_docx = len(lint_paths([word]))

    def rate(wall_cpu: tuple[float, float]) -> str:
        wall, cpu = wall_cpu
        return (
            f"{size / wall / 1e6:.1f} MB/s ({wall:.2f} s; {size / cpu / 1e6:.1f} MB/s of CPU time)"
        )

    print(f"median of {runs} runs")
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    print(f"| HTML, read only ({size / 1e6:.1f} MB page) | {rate(read_html)} | >= 10 MB/s |")
    print(
        f"| HTML, read and lint, all lexicons | {rate(lint_html)}, {count_html} findings "
        "| >= 10 MB/s |"
    )
    print(f"| HTML, read and lint, sex-work lexicon only | {rate(lint_html_sw)} | |")
    print(
        f"| .docx, {args.pages} pages ({words} words, {paras} paragraphs, "
        f"{len(data) / 1e6:.1f} MB), read only | {read_docx:.2f} s | < 3 s |"
    )
    print(
        f"| .docx, {args.pages} pages, read and lint, all lexicons | {lint_docx:.2f} s "
        f"({count_docx} findings) | < 3 s |"
    )


if __name__ == "__main__":
    main()
