"""Every scanner backend finds exactly the same hits, and a missing accelerator falls back."""

from __future__ import annotations

import builtins
import pickle
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint import lexicon, scan
from respectful_lint.cli import main
from respectful_lint.lexicon import load_compiled
from respectful_lint.scan import AutomatonScanner, RegexScanner, make_scanner

DEFAULT = load_compiled().scanner
FORMS = sorted(DEFAULT.forms)
LITERALS = sorted(DEFAULT.literals)
SMALL_FORMS = ["sex work", "sex worker", "sex workers", "work", "café crew", "naïve", "a"]
SMALL_LITERALS = ["sex", "wor", "é", "ork"]
NOISE = [
    "",
    " ",
    "  ",
    "\n",
    "-",
    "_",
    "'",
    "é",
    "ß",
    "日本",
    "x",
    "9",
    "the",
    ", ",
    "\u00a0",
    "\udcff",
]


def backends(forms: list[str], literals: list[str]) -> list[scan.Scanner]:
    found: list[scan.Scanner] = [AutomatonScanner(forms, literals), RegexScanner(forms, literals)]
    if scan.available_backend() == "hyperscan":
        found.append(make_scanner(forms, literals, "hyperscan"))
    return found


SCANNERS = backends(FORMS, LITERALS)
SMALL = backends(SMALL_FORMS, SMALL_LITERALS)


def texts(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words + NOISE), max_size=30).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(FORMS[::7] + LITERALS))
def test_every_backend_finds_the_same_on_the_default_lexicons(text: str) -> None:
    first, *others = SCANNERS
    expected = first.scan(text)
    for scanner in others:
        assert scanner.scan(text) == expected, scanner.backend


@settings(max_examples=500, deadline=None)
@given(texts(SMALL_FORMS + SMALL_LITERALS))
def test_every_backend_finds_the_same_around_non_ascii_text(text: str) -> None:
    first, *others = SMALL
    expected = first.scan(text)
    for scanner in others:
        assert scanner.scan(text) == expected, scanner.backend


def test_a_pickled_scanner_finds_the_same() -> None:
    text = "The naïve sex workers' café crew met at work."
    for scanner in SMALL:
        copy = pickle.loads(pickle.dumps(scanner))
        assert copy.backend == scanner.backend
        assert copy.scan(text) == scanner.scan(text)


def test_an_empty_scanner_finds_nothing() -> None:
    for scanner in backends([], []):
        assert scanner.scan("anything at all") == scan.Hits([], {})


@pytest.fixture
def fresh_lexicons() -> Iterator[None]:
    """Compiled lexicons are kept for the process; here the scanners on offer change."""
    lexicon._compiled.cache_clear()
    yield
    lexicon._compiled.cache_clear()


@pytest.mark.usefixtures("fresh_lexicons")
def test_without_the_accelerator_the_automaton_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_hyperscan(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "hyperscan" or name.endswith("scan_hyperscan"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setenv("RESPECTFUL_LINT_NO_CACHE", "1")
    monkeypatch.setattr(builtins, "__import__", no_hyperscan)
    assert make_scanner(SMALL_FORMS, SMALL_LITERALS).backend == "aho-corasick"
    assert scan.available_backend() == "aho-corasick"
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert "(scanner: aho-corasick)" in result.output
    with pytest.raises(ImportError):
        make_scanner(SMALL_FORMS, SMALL_LITERALS, "hyperscan")


def test_version_names_the_scanner_in_use() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert f"(scanner: {scan.available_backend()})" in result.output
