#!/usr/bin/env python3
"""Start-up cost of ``respectful-lint check`` on one 2 KB Markdown file, with a warm cache.

    python benchmarks/bench_startup.py [--runs 15] [--imports 15] [--sentence TEXT]

Runs the installed command once to fill a fresh lexicon cache, then ``--runs`` more times, and
prints the median CPU time (user + system) and wall time of those runs. CPU time is the figure
to compare on a busy machine: other processes change the wall time far more than the CPU time.
``--imports N`` also lists the N modules with the largest import time of their own (the
smallest of three runs with ``python -X importtime``). ``--sentence`` starts the draft with a
paragraph of its own, such as one that makes a rule read the word-class table.

Byte code is written to a temporary folder (``PYTHONPYCACHEPREFIX``) so that every measured run
starts from compiled modules, as an installed package does.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import SAMPLE, command


def _draft(folder: Path, sentence: str = "") -> Path:
    text = f"{sentence}\n\n{SAMPLE}" if sentence else SAMPLE
    while len(text.encode()) < 2048:
        text += SAMPLE
    path = folder / "draft.md"
    path.write_text(text[:2048], encoding="utf-8")
    return path


def _environment(folder: Path) -> dict[str, str]:
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(folder / "cache")}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    for name in ("RESPECTFUL_LINT_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def startup(runs: int, sentence: str = "") -> tuple[float, float]:
    """Median (CPU, wall) seconds of ``runs`` warm runs."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = [*command(), "check", "--format", "concise", str(_draft(folder, sentence))]
        env = _environment(folder)
        for _ in range(2):  # fills the cache and writes the byte code
            _timed(args, env)
        samples = [_timed(args, env) for _ in range(runs)]
    return statistics.median(c for c, _ in samples), statistics.median(w for _, w in samples)


_IMPORT = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")


def own_import_times(count: int) -> list[tuple[float, str]]:
    """The ``count`` modules with the largest import time of their own, in milliseconds."""
    best: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = _draft(folder)
        env = _environment(folder)
        args = [sys.executable, "-X", "importtime", "-m", "respectful_lint", "check"]
        args += ["--format", "concise", str(draft)]
        for attempt in range(4):
            proc = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
            if attempt == 0:
                continue  # fills the cache and writes the byte code
            for own, module in _IMPORT.findall(proc.stderr):
                best[module] = min(best.get(module, 1 << 62), int(own))
    ranked = sorted(best.items(), key=lambda item: -item[1])[:count]
    return [(micro / 1000, module) for module, micro in ranked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--imports", type=int, default=0, metavar="N")
    parser.add_argument(
        "--sentence",
        default="",
        help="a paragraph to start the draft with (one that makes rules read more data)",
    )
    args = parser.parse_args()
    cpu, wall = startup(args.runs, args.sentence)
    print(f"| start-up, one 2 KB Markdown file, warm cache (median of {args.runs}) | value |")
    print("|---|---|")
    print(f"| CPU time (user + system) | {cpu * 1000:.0f} ms |")
    print(f"| wall time | {wall * 1000:.0f} ms |")
    if args.imports:
        print()
        print("| module | own import time |")
        print("|---|---|")
        for millis, module in own_import_times(args.imports):
            print(f"| `{module}` | {millis:.1f} ms |")


if __name__ == "__main__":
    main()
