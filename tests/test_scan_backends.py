"""Every scanner backend finds exactly the same hits, and a missing accelerator falls back."""

from __future__ import annotations

import builtins
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _store import MemoryStore
from respectful_lint import lexicon, runner, scan
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


# Forms and literals written with a hyphen only, with a space only, and with either: the
# automaton keys them with spaces and must still tell them apart
JOINED_FORMS = ["hiv-infected", "sex worker", "sex-worker", "street walker", "ex-con", "con"]
JOINED_LITERALS = ["ex-", "sex-w", "walk"]
JOINED = backends(JOINED_FORMS, JOINED_LITERALS)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["hiv", "infected", "sex", "worker", "street", "walker", "ex", "con", "x"]),
        max_size=8,
    ),
    st.lists(st.sampled_from([" ", "-", "--", " -", ", ", ""]), min_size=8, max_size=8),
)
def test_every_backend_tells_a_hyphen_from_a_space(words: list[str], joins: list[str]) -> None:
    text = "".join(w + j for w, j in zip(words, joins, strict=False))
    first, *others = JOINED
    expected = first.scan(text)
    for scanner in others:
        assert scanner.scan(text) == expected, scanner.backend


def test_a_form_written_with_a_hyphen_only_is_not_found_with_a_space() -> None:
    text = "hiv infected ex con, hiv-infected ex-con"
    hits = AutomatonScanner(JOINED_FORMS, JOINED_LITERALS).scan(text)
    assert hits.terms == [(16, 19), (21, 33), (34, 40), (37, 40)]
    assert hits.literals == {"ex-": [34]}


# characters with a meaning in expressions, blanks, separators and non-ASCII letters
KEY_CHARACTERS = [*"\\^$.|?*+()[]{}-/#'\" \t\x1e_", "é", "ß", "日", *"abx9"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(st.sampled_from(KEY_CHARACTERS), min_size=1, max_size=9), min_size=1, max_size=6
    ),
    st.data(),
)
def test_every_backend_finds_the_same_for_forms_and_literals_of_any_characters(
    keys: list[str], data: st.DataObject
) -> None:
    """Hyperscan matches each key as written, short forms only where no ASCII word character
    touches them: the same hits as the other backends, whatever characters the keys hold."""
    first, *others = backends(keys[::2], keys[1::2])
    text = data.draw(texts([*keys, "ab", "x9_", "a\u00e9"]))
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


def test_a_form_or_literal_holding_a_nul_is_found_whole_or_not_at_all() -> None:
    """Hyperscan reads an expression only up to a NUL, so a scanner with such a form or
    literal is one of the other backends, which find exactly what they hold."""
    forms, literals = ["zork\0quux", "sex work"], ["blorp\0fnord", "wor"]
    scanner = make_scanner(forms, literals)
    assert scanner.backend != "hyperscan"
    text = "a zork quux, blorp, sex work and zork\0quux blorp\0fnord"
    expected = scan.Hits([(20, 28), (33, 42)], {"wor": [24], "blorp\0fnord": [43]})
    for each in (scanner, AutomatonScanner(forms, literals), RegexScanner(forms, literals)):
        assert each.scan(text) == expected, each.backend
    if scan.available_backend() == "hyperscan":
        with pytest.raises(scan.ScannerUnavailable, match="NUL"):
            make_scanner(forms, literals, "hyperscan")


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


@pytest.mark.usefixtures("fresh_lexicons")
def test_where_hyperscan_cannot_compile_the_automaton_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """Hyperscan imports on any machine but refuses a processor it does not support."""
    hs = pytest.importorskip("hyperscan")
    from respectful_lint import scan_hyperscan

    def refuse(expressions: list[bytes]) -> Any:
        raise hs.ArchitectureError("this processor lacks SSSE3")

    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(scan_hyperscan, "_compiled", refuse)
    monkeypatch.setattr(scan_hyperscan, "usable", lambda: False)
    assert make_scanner(SMALL_FORMS, SMALL_LITERALS).backend == "aho-corasick"
    assert scan.available_backend() == "aho-corasick"
    assert "(scanner: aho-corasick)" in CliRunner().invoke(main, ["--version"]).output
    draft = tmp_path / "d.md"
    draft.write_text("Meet the hookers.\n", encoding="utf-8")
    runner._prepare.cache_clear()  # the command compiles its lexicons afresh
    try:
        result = CliRunner().invoke(main, ["check", "--format", "concise", str(draft)])
        compiled = runner.prepare()
    finally:
        runner._prepare.cache_clear()
    assert compiled.scanner.backend == "aho-corasick"
    assert result.exit_code == 1, result.output
    assert "sex-work/hooker" in result.output
    with pytest.raises(scan.ScannerUnavailable, match="SSSE3"):
        make_scanner(SMALL_FORMS, SMALL_LITERALS, "hyperscan")


def test_version_names_the_scanner_in_use() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert f"(scanner: {scan.available_backend()})" in result.output


hyperscan_only = pytest.mark.skipif(
    scan.available_backend() != "hyperscan", reason="the [fast] extra is not installed"
)


@hyperscan_only
def test_hyperscan_usable_here_compiles_a_probe() -> None:
    from respectful_lint import scan_hyperscan

    assert scan_hyperscan.usable() is True


def _ends_into(ends: list[int]) -> Any:
    """A Hyperscan match handler that records where each match ends."""

    def on_match(pattern: int, start: int, end: int, flags: int, context: object) -> None:
        ends.append(end)

    return on_match


@hyperscan_only
def test_hyperscan_reports_no_short_form_inside_a_longer_word() -> None:
    # each occurrence reported is a call into Python; "ho" stands in "how" and "show"
    text = b"how should std show ho stdout sex workers"
    forms = ["ho", "std", "sex workers"]
    for literals, ends in (([], [14, 22, 41]), (["ho"], [2, 7, 14, 18, 22, 41])):
        # a literal is found wherever it stands
        scanner = make_scanner(forms, literals, "hyperscan")
        reported: list[int] = []
        scanner._db.scan(text, match_event_handler=_ends_into(reported))
        assert sorted(reported) == ends
        assert scanner.scan(text.decode()).terms == [(11, 14), (20, 22), (30, 41)]


@hyperscan_only
def test_a_stored_database_is_reused_and_a_damaged_one_compiled_again() -> None:
    store = MemoryStore()
    text = "the sex workers met a café crew at work"
    with scan.databases_in(store):
        first = make_scanner(SMALL_FORMS, SMALL_LITERALS, "hyperscan")
    (key,) = store.blobs
    good = store.blobs[key]
    with scan.databases_in(store):
        again = make_scanner(SMALL_FORMS, SMALL_LITERALS, "hyperscan")
    assert again.scan(text) == first.scan(text)
    other = MemoryStore()
    with scan.databases_in(other):
        make_scanner(["another", "term"], [], "hyperscan")
    for damaged in (
        b"",
        b"garbage",
        good[: len(good) // 2],
        good[:-1] + b"\0",
        *other.blobs.values(),
    ):
        store.blobs[key] = damaged
        with scan.databases_in(store):
            rebuilt = make_scanner(SMALL_FORMS, SMALL_LITERALS, "hyperscan")
        assert rebuilt.scan(text) == first.scan(text)
        assert store.blobs[key] == good  # compiled again and stored again


@hyperscan_only
def test_a_database_stored_for_other_bounds_or_keys_is_not_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint import scan_hyperscan

    store = MemoryStore()
    text = "how should std show ho stdout"
    with scan.databases_in(store):
        bounded = make_scanner(["ho", "std"], [], "hyperscan")
        make_scanner(["ho", "stdo"], [], "hyperscan")
        monkeypatch.setattr(scan_hyperscan, "BOUNDED_BYTES", 0)
        unbounded = make_scanner(["ho", "std"], [], "hyperscan")
    assert len(store.blobs) == 3  # the same keys bounded otherwise make a database of their own
    for scanner, ends in ((bounded, [14, 22]), (unbounded, [2, 7, 14, 18, 22, 26])):
        reported: list[int] = []
        scanner._db.scan(text.encode(), match_event_handler=_ends_into(reported))
        assert sorted(reported) == ends
    assert bounded.scan(text).terms == unbounded.scan(text).terms == [(11, 14), (20, 22)]


@hyperscan_only
def test_a_long_run_keeps_the_compiled_databases_in_its_cache(tmp_path: Any) -> None:
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(tmp_path)}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    draft = tmp_path / "d.txt"
    # past the short run that the automaton scans alone, for the shared scan and for the scan
    # of the words rules' requirements need (each segment's "user" asks for them)
    filler = "Every user of the library kept notes of the meeting.\n"
    draft.write_text("Meet the hookers.\n\n" + filler * (scan.SHORT_RUN // 40), encoding="utf-8")
    command = [sys.executable, "-m", "respectful_lint", "check", "--format", "concise", str(draft)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    blobs = sorted(tmp_path.glob("hyperscan-*.bin"))
    assert len(blobs) == 2
    good = [blob.read_bytes() for blob in blobs]
    for blob, data in zip(blobs, good, strict=True):
        blob.write_bytes(data[:-7] + b"damaged")  # the checksum no longer matches
    second = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert first.returncode == 1
    assert "sex-work/hooker" in first.stdout
    assert [blob.read_bytes() for blob in blobs] == good  # compiled again and stored again


@hyperscan_only
def test_a_deferred_scanner_finds_the_same_before_and_after_it_loads_hyperscan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scan, "SHORT_RUN", 40)
    # 19 and 14 characters fit in the short run; the third does not
    texts = ["sex workers, a crew", "naïve sex work", "the café crew and sex workers", "a work"]
    reference = AutomatonScanner(SMALL_FORMS, SMALL_LITERALS)
    deferred = make_scanner(SMALL_FORMS, SMALL_LITERALS)
    backends = []
    for text in texts:
        assert deferred.scan(text) == reference.scan(text), text
        backends.append(deferred.backend)
    assert backends == ["aho-corasick", "aho-corasick", "hyperscan", "hyperscan"]
    fresh = make_scanner(SMALL_FORMS, SMALL_LITERALS)
    copy = pickle.loads(pickle.dumps(fresh))  # another process gets the scanner of a long run
    assert copy.backend == "hyperscan"
    assert all(copy.scan(text) == reference.scan(text) for text in texts)
