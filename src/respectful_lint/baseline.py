"""Baselines: today's findings, recorded so that a run reports only new ones.

A finding's fingerprint (:attr:`~respectful_lint.model.Finding.fingerprint`) is made of its
rule, the file's name (not its folder), the matched words and the words of the sentence
around the match, all case-folded and without punctuation or line breaks. So it survives
lines added above, re-wrapping and re-indenting, and moving the file to another folder; it
changes when the matched words or their sentence change.

The baseline file is JSON, sorted and indented so that it diffs well in review::

    {"findings": [{"count": 1, "fingerprint": "...", "matched": "...", "path": "...",
                   "rule": "..."}], "tool": "respectful-lint", "version": 1}

``count`` is how many findings share the fingerprint (the same sentence twice in a file).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from msgspec import Struct

from .errors import LintError
from .files import regular_bytes
from .lazyre import lazy_compile
from .model import Document, Finding

VERSION = 1
_REACH = 400  # characters looked at on each side of a match for its sentence
_BOUNDARY = lazy_compile(r"[.!?][\"'\u201d\u2019)\]]*\s|\n[ \t]*\n|<!--|-->")
_WORD = lazy_compile(r"\w+")


def words(text: str) -> str:
    """The words of ``text``, case-folded, one space apart."""
    return " ".join(_WORD.findall(text.casefold()))


def sentence_words(document: Document, start: int, end: int) -> str:
    """The words of the sentence around ``[start, end)``, for a fingerprint.

    A sentence ends at ``.``, ``!`` or ``?`` before a space, at a blank line, and in a Word
    document at the end of the paragraph. At most ``_REACH`` characters each side are read.
    """
    text = document.text
    lo = max(0, start - _REACH)
    hi = min(len(text), end + _REACH)
    before = text[lo:start]
    after = text[end:hi]
    if document.format == "docx":
        before = before.rsplit("\n", 1)[-1]
        after = after.split("\n", 1)[0]
    cut = 0
    for m in _BOUNDARY.finditer(before):
        cut = m.end()
    stop = _BOUNDARY.search(after)
    if stop is not None:
        after = after[: stop.start() + 1]
    before = before[cut:]
    return words(before + text[start:end] + after)


class Entry(Struct, frozen=True):
    fingerprint: str
    rule: str
    path: str
    matched: str
    count: int


def _entries(findings: Iterable[Finding]) -> list[Entry]:
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for f in findings:
        counts[f.fingerprint] += 1
        first.setdefault(f.fingerprint, f)
    out = [
        Entry(fp, f.rule, f.path.replace(os.sep, "/"), " ".join(f.matched.split()), counts[fp])
        for fp, f in first.items()
    ]
    out.sort(key=lambda e: (e.path, e.rule, e.matched.casefold(), e.fingerprint))
    return out


def dumps(findings: Iterable[Finding], kept: Iterable[Entry] = ()) -> str:
    """The baseline for these findings, and the ``kept`` entries of files not checked, as
    sorted, stable JSON."""
    entries = [*_entries(findings), *kept]
    entries.sort(key=lambda e: (e.path, e.rule, e.matched.casefold(), e.fingerprint))
    doc = {
        "findings": [
            {
                "count": e.count,
                "fingerprint": e.fingerprint,
                "matched": e.matched,
                "path": e.path,
                "rule": e.rule,
            }
            for e in entries
        ],
        "tool": "respectful-lint",
        "version": VERSION,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load(path: str) -> list[Entry]:
    """Read a baseline file; a one-line error names the file and the problem."""
    try:
        doc = json.loads(regular_bytes(path).decode("utf-8"))
    except OSError as exc:
        raise LintError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise LintError(f"{path}: cannot read baseline: not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise LintError(
            f"{path}:{exc.lineno}:{exc.colno}: invalid baseline JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise LintError(f"{path}: invalid baseline JSON: nested too deep") from None
    except ValueError:  # an integer of more digits than Python converts
        raise LintError(f"{path}: invalid baseline JSON: a number of over 4,300 digits") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise LintError(f"{path}: not a respectful-lint baseline (no 'findings' list)")
    if doc.get("version") != VERSION:
        raise LintError(f"{path}: baseline 'version' must be {VERSION}")
    return [_entry(path, i, raw) for i, raw in enumerate(doc["findings"])]


def _entry(path: str, index: int, raw: Any) -> Entry:
    where = f"{path}: findings[{index}]"
    if not isinstance(raw, dict):
        raise LintError(f"{where}: must be a mapping")
    for key in ("fingerprint", "rule", "path", "matched"):
        if not isinstance(raw.get(key), str):
            raise LintError(f"{where}.{key}: must be a string")
    count = raw.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise LintError(f"{where}.count: must be a whole number of at least 1")
    return Entry(raw["fingerprint"], raw["rule"], raw["path"], raw["matched"], count)


def elsewhere(entries: Iterable[Entry], checked: Iterable[str]) -> list[Entry]:
    """The entries of files that a run did not check and that are still there: a run over
    some files (a pre-commit hook's, the changed ones) says nothing of the others."""
    seen = {os.path.normpath(path) for path in checked}
    return [e for e in entries if os.path.normpath(e.path) not in seen and os.path.isfile(e.path)]


def compare(
    findings: Sequence[Finding], entries: Sequence[Entry]
) -> tuple[list[Finding], list[Entry]]:
    """(findings not in the baseline, baseline entries that matched nothing or fewer times
    than they say)."""
    left: Counter[str] = Counter()
    for e in entries:
        left[e.fingerprint] += e.count
    new: list[Finding] = []
    for f in findings:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
        else:
            new.append(f)
    stale: list[Entry] = []
    for e in entries:
        unused = min(left[e.fingerprint], e.count)
        if unused > 0:
            stale.append(Entry(e.fingerprint, e.rule, e.path, e.matched, unused))
            left[e.fingerprint] -= unused
    return new, stale
