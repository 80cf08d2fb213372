"""Fuzz the lexicon and configuration loaders: every input loads or is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from _harness import FUZZ, guarded
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.config import load_config
from respectful_lint.engine import lint_document
from respectful_lint.lexicon import compile_lexicons, load_lexicon_file
from respectful_lint.model import Document
from respectful_lint.readers.text import TextReader

REGRESSIONS = Path(__file__).parent / "regressions"

# fmt: off
YAML = [
    ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "|\n  ",
    "---\n", "#", "? ", "2024-13-45", "9" * 30, "'", '"', "  ", "\n", "\n  ", "\n    ", "\t",
    "\0", "\x1f", "é", "null", "true", "1e9",
]
KEYS = [
    "lexicon", "version", "language", "description", "sources", "entries", "id", "terms",
    "preferred", "severity", "category", "note", "examples", "flag", "pass", "pattern",
    "guards", "when", "text", "for", "forms", "exceptions", "select", "ignore", "exclude",
    "include", "per-file-ignores", "html", "data-attributes", "fail-on", "lexicons",
]
REGEX = ["(", ")", "+", "*", "?", "{2,}", "[a-z]", "\\b", "\\", "|", "a", "hooker", ".", "^", "$"]
TOML = [
    "[tool.respectful-lint]\n", "[", "]", "{", "}", "=", " = ", '"', "'", ",", "\n", "#",
    "9" * 30, "1_000", "true", "[[", "]]", ".", "select", "ignore", "exclude", "html",
]
# fmt: on

HEADER = """\
lexicon: fuzz
version: 1
language: en
description: Fuzzed.
sources:
  s: {title: T, year: 2024, url: "https://example.org/"}
entries:
"""


def soup(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.sampled_from(KEYS), st.text(max_size=6))
    return st.lists(piece, max_size=60).map("".join)


def entry(pattern: str, when: str, term: str) -> str:
    return (
        f"  - id: e\n    pattern: {pattern!r}\n"
        if pattern
        else f"  - id: e\n    terms: [{term!r}]\n"
    ) + (
        f"    preferred:\n      - {{text: x, when: {when!r}}}\n"
        "    severity: warning\n    category: c\n    note: n\n    sources: [s]\n"
        "    examples: {flag: [], pass: []}\n"
    )


def load_and_use(path: Path) -> None:
    lexicon = load_lexicon_file(path)
    compiled = compile_lexicons([lexicon])
    document = TextReader().read("A hooker and a john, hooker hookers.\n", "d.txt")
    assert isinstance(document, Document)
    lint_document(document, compiled)


@FUZZ
@given(text=soup(YAML))
def test_lexicon_yaml(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("lex") / "fuzz.yaml"
    path.write_text(HEADER + text, encoding="utf-8", errors="surrogatepass")
    guarded(lambda: load_and_use(path), path.stat().st_size)


@FUZZ
@given(
    pattern=st.one_of(st.just(""), st.lists(st.sampled_from(REGEX), max_size=16).map("".join)),
    when=st.lists(st.sampled_from(REGEX), max_size=12).map("".join),
    term=st.text(max_size=12),
)
def test_lexicon_entries(
    tmp_path_factory: pytest.TempPathFactory, pattern: str, when: str, term: str
) -> None:
    path = tmp_path_factory.mktemp("lex") / "fuzz.yaml"
    path.write_text(HEADER + entry(pattern, when, term), encoding="utf-8", errors="surrogatepass")
    guarded(lambda: load_and_use(path), path.stat().st_size)


@pytest.mark.parametrize("name", [".respectful-lint.yaml", "pyproject.toml", "settings.toml"])
@FUZZ
@given(data=st.data())
def test_config(tmp_path_factory: pytest.TempPathFactory, name: str, data: st.DataObject) -> None:
    text = data.draw(soup(TOML if name.endswith(".toml") else YAML))
    path = tmp_path_factory.mktemp("cfg") / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    guarded(lambda: load_config(path), path.stat().st_size)


@pytest.mark.parametrize("fixture", sorted(REGRESSIONS.glob("config-*")), ids=lambda p: p.name)
def test_saved_crashing_configs(tmp_path: Path, fixture: Path) -> None:
    """Configurations the fuzzers once crashed on, named ``config-KIND-what`` (KIND: yaml,
    toml or pyproject)."""
    kind = fixture.name.split("-")[1]
    path = tmp_path / {"yaml": ".respectful-lint.yaml", "toml": "s.toml"}.get(
        kind, "pyproject.toml"
    )
    path.write_bytes(fixture.read_bytes())
    guarded(lambda: load_config(path), path.stat().st_size)
