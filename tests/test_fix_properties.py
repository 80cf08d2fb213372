"""Invariants of fixing, over generated drafts: nothing safe remains, nothing else changes,
fixing twice changes nothing, and standard input is fixed like a file."""

from __future__ import annotations

import codecs
import io
import tempfile
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from docutils.core import publish_doctree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from respectful_lint.cli import main
from respectful_lint.fixer import Encoding, apply_text, choose, fix_source
from respectful_lint.lexicon import CompiledLexicon
from respectful_lint.model import Finding
from respectful_lint.runner import STDIN, prepare, run
from test_fix import LEXICON

WORDS = [
    "A", "a", "an", "An", "the", "The", "hooker", "hookers", "HOOKERS", "Hooker's", "addict",
    "addicts", "Addicts", "crackhead", "prostitute", "junkie", "is", "are", "met", "é", "😀",
    ".", ",", '"', "'", "**", "*", "#", "-", "<em>", "</em>", "&amp;", "<b>", "</b>", "<br>",
]  # fmt: skip
GAPS = [" ", " ", " ", "  ", "\n", "\r\n", "\n\n", "\t", " \n"]

_HOUSE: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def house_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The house lexicon, written once in pytest's own temporary folder (removed with it)."""
    path = tmp_path_factory.mktemp("house-lexicon") / "house.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    _HOUSE["path"] = path
    return path


def compiled() -> CompiledLexicon:
    return prepare([_HOUSE["path"]], default_lexicons=False)


@st.composite
def drafts(draw: st.DrawFn) -> tuple[bytes, str]:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=24))
    gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, gaps, strict=True))
    bom = draw(st.sampled_from([b"", codecs.BOM_UTF8]))
    name = draw(st.sampled_from(["draft.txt", "draft.md", "draft.html"]))
    return bom + text.encode("utf-8"), name


def lint(data: bytes, name: str) -> list[Finding]:
    report = run([STDIN], compiled(), stdin=data, stdin_name=name)
    assert not report.errors
    return report.findings


def fixed(data: bytes, name: str, unsafe: bool = False) -> bytes:
    fmt = {".md": "markdown", ".html": "html", ".rst": "rst"}.get(Path(name).suffix, "text")
    result = fix_source(
        name, fmt, data, lint(data, name), lambda new: lint(new, name), unsafe=unsafe
    )
    return result.after


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts(), st.booleans())
def test_after_fixing_no_finding_with_a_safe_fix_remains(
    draft: tuple[bytes, str], unsafe: bool
) -> None:
    data, name = draft
    after = lint(fixed(data, name, unsafe), name)
    assert not [f for f in after if f.fix is not None and f.fix.applicability == "safe"]
    if unsafe:
        assert not [f for f in after if f.fix is not None]


@SETTINGS
@given(drafts())
def test_only_the_fixed_spans_change(draft: tuple[bytes, str]) -> None:
    data, name = draft
    if name.endswith(".html"):
        name = "draft.md"  # replacements are written as they are, unescaped
    encoding = Encoding.of(data)
    source = encoding.decode(data)
    chosen, _ = choose(lint(data, name), unsafe=True)
    text, applied, _ = apply_text(source, chosen)
    assert encoding.encode(text).startswith(encoding.bom)
    delta = 0
    previous = 0
    for start, end, new in sorted(e for f in applied if f.fix for e in f.fix.edits):
        assert text[previous + delta : start + delta] == source[previous:start]
        assert text[start + delta : start + delta + len(new)] == new
        delta += len(new) - (end - start)
        previous = end
    assert text[previous + delta :] == source[previous:]


@SETTINGS
@given(drafts(), st.booleans())
def test_fixing_is_idempotent(draft: tuple[bytes, str], unsafe: bool) -> None:
    data, name = draft
    once = fixed(data, name, unsafe)
    assert fixed(once, name, unsafe) == once


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_fixing_stdin_equals_fixing_the_file(draft: tuple[bytes, str]) -> None:
    data, name = draft
    base = ["check", "--isolated", "--no-default-lexicons", "--lexicon", str(_HOUSE["path"])]
    piped = CliRunner().invoke(main, [*base, "--fix", "--stdin-filename", name, "-"], input=data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        in_place = CliRunner().invoke(main, [*base, "--fix", str(path)])
        assert piped.exit_code == in_place.exit_code
        assert piped.stdout_bytes == path.read_bytes()


def test_overlapping_fixes_one_wins_and_the_other_remains() -> None:
    [first] = lint(b"A hooker came.", "x.txt")
    assert first.fix is not None
    # a second fix over the same words, as another rule might make
    second = replace(first, rule="house/zz", fix=replace(first.fix, edits=((2, 8, "worker"),)))
    chosen, lost = choose([second, first], unsafe=False)
    assert chosen == [first] and lost == [second]
    text, applied, left = apply_text("A hooker came.", chosen)
    assert (text, applied, left) == ("A sex worker came.", [first], [])


def test_a_fix_whose_words_changed_since_checking_is_not_applied() -> None:
    [finding] = lint(b"A hooker came.", "x.txt")
    text, applied, left = apply_text("A hacker came.", [finding])
    assert (text, applied, left) == ("A hacker came.", [], [finding])


# --- reST section titles: docutils accepts their adornments after fixing ---------------------

TITLE_WORDS = ["Hookers", "hookers", "Help", "for", "the", "junkie", "Addicts"]
TITLE_WORDS += ["é", "日本", "a\u0301"]  # one column, two columns, and a combining accent


@st.composite
def titled(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        title = " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=5)))
        width = sum(
            0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            for ch in title
        )
        char = draw(st.sampled_from("=-~^*#"))
        line = char * (width + draw(st.integers(0, 3)))
        over = draw(st.booleans())
        parts.append((f"{line}\n" if over else "") + f"{title}\n{line}\n\nSome text.\n")
    text = "\n".join(parts)
    return (text.replace("\n", "\r\n") if draw(st.booleans()) else text).encode("utf-8")


def docutils_problems(data: bytes) -> list[str]:
    """The warnings and errors docutils reports reading ``data``."""
    stream = io.StringIO()
    publish_doctree(
        data.decode("utf-8"), settings_overrides={"warning_stream": stream, "report_level": 2}
    )
    return [
        line for line in stream.getvalue().splitlines() if "(ERROR" in line or "(WARNING" in line
    ]


@SETTINGS
@given(titled(), st.booleans())
def test_a_fixed_reST_title_keeps_adornments_docutils_accepts(data: bytes, unsafe: bool) -> None:
    def too_short(data: bytes) -> list[str]:  # (the generated titles' levels may be uneven)
        return [problem for problem in docutils_problems(data) if "too short" in problem]

    assert too_short(data) == []
    after = fixed(data, "draft.rst", unsafe)
    assert too_short(after) == []
    if after != data:  # the fix reached a title or the text
        assert fixed(after, "draft.rst", unsafe) == after


# --- reST tables: docutils still reads them after fixing ---------------------------------------

CELL_WORDS = [
    "hookers",
    "johns",
    "prostitute",
    "Addicts",
    "the",
    "homeless",
    "junkie",
    "yes",
    "a",
    "é",
]


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    cols = draw(st.integers(2, 3))
    rows = [
        [" ".join(draw(st.lists(st.sampled_from(CELL_WORDS), min_size=1, max_size=3)))
         for _ in range(cols)]
        for _ in range(draw(st.integers(1, 3)))
    ]  # fmt: skip
    widths = [
        max(len(r[c]) for r in rows) + draw(st.sampled_from([0, 2, 5, 36])) for c in range(cols)
    ]
    if draw(st.booleans()):  # a grid table, its cells' words wrapped over two lines or not
        border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        lines = [border]
        wrap = draw(st.booleans())
        for row in rows:
            parts = [cell.split(" ") for cell in row]
            halves = [[p[: len(p) // 2], p[len(p) // 2 :]] if wrap else [p] for p in parts]
            for i in range(2 if wrap else 1):
                cells = [" ".join(h[i]).ljust(w) for h, w in zip(halves, widths, strict=True)]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append(border)
    else:  # a simple table
        border = "  ".join("=" * w for w in widths)
        lines = [border]
        lines += [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        ]
        lines.append(border)
    text = "Intro.\n\n" + "\n".join(lines) + "\n\nMore text.\n"
    return text.encode("utf-8")


@SETTINGS
@given(tables(), st.booleans())
def test_a_fixed_reST_table_is_still_a_table_docutils_reads(data: bytes, unsafe: bool) -> None:
    assert docutils_problems(data) == []
    after = fixed(data, "draft.rst", unsafe)
    assert docutils_problems(after) == []
    assert fixed(after, "draft.rst", unsafe) == after
