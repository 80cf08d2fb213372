"""The word-class table is read from its gzip file once and then kept in the on-disk cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from _store import MemoryStore
from respectful_lint import wordclass
from respectful_lint.cli import main


@pytest.fixture
def fresh_table() -> Iterator[None]:
    """Each test reads the table anew, and leaves the store as it found it."""
    before = wordclass._store
    wordclass._table.cache_clear()
    yield
    wordclass.use_store(before)
    wordclass._table.cache_clear()


def _read_from_file() -> dict[str, int]:
    path = wordclass._table_path()
    assert path is not None
    return wordclass._read_table(path)


def _no_file(path: Path) -> dict[str, int]:
    raise AssertionError("the table was read from its gzip file")


@pytest.mark.usefixtures("fresh_table")
def test_a_stored_table_is_read_instead_of_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    store = MemoryStore()
    wordclass.use_store(store)
    first = wordclass._table()
    assert first == _read_from_file()
    assert len(store.blobs) == 1
    wordclass._table.cache_clear()
    monkeypatch.setattr(wordclass, "_read_table", _no_file)
    assert wordclass._table() == first
    assert "noun" in wordclass.classes("encampments")


@pytest.mark.usefixtures("fresh_table")
@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\xff\xfe",
        b"1",
        b"1,",
        b"1,word,,other",
        b"-1,word",
        b"16,word",
        b"x,word",
        b"1,word\n",
        b"1,word\n\n2,other",
    ],
)
def test_a_stored_table_that_is_not_one_is_read_from_the_file(body: bytes) -> None:
    store = MemoryStore()
    wordclass.use_store(store)
    wordclass._table()
    (key,) = store.blobs
    store.blobs[key] = body
    wordclass._table.cache_clear()
    assert wordclass._table() == _read_from_file()
    assert store.blobs[key] != body  # stored again, whole


@given(
    st.dictionaries(
        st.text(st.characters(blacklist_characters=",\n", codec="utf-8"), min_size=1),
        st.integers(0, 15),  # 0: a class the table names that no rule asks about
        min_size=1,
    )
)
def test_a_stored_table_reads_back_as_it_was(table: dict[str, int]) -> None:
    assert wordclass._decoded(wordclass._encoded(table)) == table


@pytest.mark.usefixtures("fresh_table")
def test_the_command_keeps_the_table_in_its_cache_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Meals for the homeless arrive each night.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("RESPECTFUL_LINT_NO_CACHE", raising=False)
    runner = CliRunner()
    uncached = runner.invoke(main, ["check", "--no-cache", str(draft)])
    assert "homelessness/the-homeless" in uncached.output
    assert not list(cache.glob("word-classes-*"))
    wordclass._table.cache_clear()
    first = runner.invoke(main, ["check", str(draft)])
    assert len(list(cache.glob("word-classes-*"))) == 1
    wordclass._table.cache_clear()
    monkeypatch.setattr(wordclass, "_read_table", _no_file)
    second = runner.invoke(main, ["check", str(draft)])
    assert first.output == second.output == uncached.output
    assert first.exit_code == second.exit_code == uncached.exit_code == 1


@pytest.mark.usefixtures("fresh_table")
@pytest.mark.parametrize("use_cache", [True, False])
def test_a_worker_started_afresh_uses_the_cache_as_its_parent_does(
    use_cache: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes that are not copies of the main one (macOS, Windows) set the store
    up from the job they are given."""
    from respectful_lint import jobs, runner

    handed: list[jobs.Job] = []

    def check_all(job: jobs.Job, *args: object) -> Iterator[jobs.FileResult]:
        handed.append(job)
        return iter([jobs.FileResult()])

    monkeypatch.setattr(jobs, "check_all", check_all)
    draft = tmp_path / "draft.md"
    draft.write_text("Meals for the homeless arrive each night.\n", encoding="utf-8")
    runner.run([str(draft)], runner.prepare(cache=use_cache))
    wordclass.use_store(None)  # a process started afresh
    monkeypatch.setattr(jobs, "_JOB", None)
    jobs._start_worker(handed[0])
    assert wordclass.stored() is use_cache


@pytest.mark.usefixtures("fresh_table")
def test_a_changed_table_file_is_read_again_not_taken_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgraded ``lemminflect`` ships another table at the same place: what the store
    kept of the old one must not be used for it."""
    import gzip
    import os

    table = tmp_path / "lemma_lu.csv.gz"
    table.write_bytes(gzip.compress(b"flurbs,noun,flurb\n"))
    os.utime(table, ns=(10**18, 10**18))
    monkeypatch.setattr(wordclass, "_table_path", lambda: table)
    store = MemoryStore()
    wordclass.use_store(store)
    assert wordclass._table() == {"flurbs": 1}
    table.write_bytes(gzip.compress(b"flurbs,verb,flurb\n"))  # the same size
    os.utime(table, ns=(10**18 + 1, 10**18 + 1))
    wordclass._table.cache_clear()
    assert wordclass._table() == {"flurbs": 2}
    assert len(store.blobs) == 2
    wordclass._table.cache_clear()
    monkeypatch.setattr(wordclass, "_read_table", _no_file)
    assert wordclass._table() == {"flurbs": 2}
