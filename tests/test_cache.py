"""The on-disk cache of compiled lexicons: used when it fits, never trusted when it does not."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.cli import main
from respectful_lint.digest import hexdigest
from respectful_lint.runner import _prepare

_M = TypeVar("_M")

LEXICON = """\
lexicon: house
version: 1
language: en
description: House style.
sources:
  style: {title: House style guide, year: 2024, url: "https://example.org/style"}
entries:
  - id: caseload
    terms: [{term}]
    preferred: [people we support]
    severity: warning
    category: house
    note: Say who the people are.
    sources: [style]
    examples:
      flag: ["Our {term} grew."]
      pass: ["We grew."]
"""


def _check(
    cache: Path, lexicon: Path, draft: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(cache)}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--format", "concise",
         "--no-default-lexicons", "--lexicon", str(lexicon), *extra, str(draft)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    lexicon = tmp_path / "house.yaml"
    lexicon.write_text(LEXICON.replace("{term}", "caseload"), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The caseload and the backlog grew.\n", encoding="utf-8")
    return tmp_path / "cache", lexicon, draft


def test_a_second_run_reads_the_cache_and_reports_the_same(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    first = _check(cache, lexicon, draft)
    assert len(list(cache.glob("*.json"))) == 1
    second = _check(cache, lexicon, draft)
    assert first.stdout == second.stdout
    assert "house/caseload" in second.stdout


def test_editing_a_lexicon_is_seen_at_once(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    assert "caseload" in _check(cache, lexicon, draft).stdout
    lexicon.write_text(LEXICON.replace("{term}", "backlog"), encoding="utf-8")
    out = _check(cache, lexicon, draft).stdout
    assert "1:22:" in out and "1:5:" not in out  # "backlog", no longer "caseload"
    assert len(list(cache.glob("*.json"))) == 2


def test_a_damaged_cache_entry_is_ignored(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    expected = _check(cache, lexicon, draft).stdout
    for entry in cache.glob("*.json"):
        entry.write_bytes(b"not a cache entry")
    again = _check(cache, lexicon, draft)
    assert (again.returncode, again.stdout, again.stderr) == (1, expected, "")


def test_an_unwritable_cache_folder_is_no_error(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    cache.write_text("a file where the folder should be", encoding="utf-8")
    proc = _check(cache, lexicon, draft)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert "house/caseload" in proc.stdout


def test_no_cache_writes_nothing(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    assert _check(cache, lexicon, draft, "--no-cache").returncode == 1
    assert not cache.exists()


def test_the_cache_holds_no_draft_text(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    draft.write_text("Client Jane Roe, caseload note.\n", encoding="utf-8")
    _check(cache, lexicon, draft)
    entries = list(cache.iterdir())
    assert entries
    for entry in entries:
        assert b"Jane Roe" not in entry.read_bytes()


def test_no_cache_option_in_process(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, lexicon, draft = files
    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(cache))
    _prepare.cache_clear()
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--no-default-lexicons", "--lexicon", str(lexicon), str(draft)],
    )
    assert result.exit_code == 1
    assert not cache.exists()


def test_changed_code_gets_a_fresh_key(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from respectful_lint import cache

    _, lexicon, _ = files
    before = cache.cache_key([lexicon], "options")
    monkeypatch.setattr(cache, "_code_stamp", lambda: "engine.py:1:2")
    assert cache.cache_key([lexicon], "options") not in (before, None)


def _entries(cache: Path) -> list[Path]:
    return [p for p in cache.glob("*.json") if not p.name.startswith(".tmp-")]


def test_a_planted_pickle_runs_no_code(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    import pickle

    cache, lexicon, draft = files
    expected = _check(cache, lexicon, draft).stdout
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    planted = pickle.dumps(Payload())
    for entry in _entries(cache):
        entry.write_bytes(planted)
        (cache / entry.name.replace(".json", ".pickle")).write_bytes(planted)
    again = _check(cache, lexicon, draft)
    assert (again.returncode, again.stdout, again.stderr) == (1, expected, "")
    assert not marker.exists()


def test_a_truncated_entry_is_rebuilt(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    expected = _check(cache, lexicon, draft).stdout
    (entry,) = _entries(cache)
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2])
    again = _check(cache, lexicon, draft)
    assert (again.returncode, again.stdout, again.stderr) == (1, expected, "")
    assert entry.read_bytes() == whole


def test_an_entry_with_a_forged_checksum_or_version_is_ignored(
    files: tuple[Path, Path, Path],
) -> None:
    from respectful_lint import cache as module

    cache, lexicon, draft = files
    _check(cache, lexicon, draft)
    (entry,) = _entries(cache)
    whole = entry.read_bytes()
    assert module.loads(whole) is not None
    header, _, body = whole.partition(b"\n")
    assert module.loads(header + b"\n" + body.replace(b"caseload", b"workload")) is None
    this, older = f" {module._FORMAT} ".encode(), f" {module._FORMAT - 1} ".encode()
    assert this in header
    other_version = header.replace(this, older, 1) + b"\n" + body
    assert module.loads(other_version) is None
    assert module.loads(b"") is None


def _entry(body: bytes) -> bytes:
    """An entry of the current format around ``body``, with a checksum that fits it."""
    from respectful_lint import cache as module

    digest = hexdigest(body).encode()
    return b"respectful-lint-cache %d %s\n%s" % (module._FORMAT, digest, body)


def test_an_entry_naming_an_unknown_type_is_refused() -> None:
    from respectful_lint import cache as module

    for body in (
        b'["t",["Popen","x"]]',
        b'["t",["l"],["d",1]]',
        b"[[[[" * 50_000,
        b'[{"__reduce__":"os.system"}]',
        b"[" * 50_000 + b"]" * 50_000,
    ):
        assert module.loads(b"respectful-lint-cache 2 " + body) is None
        assert module.loads(_entry(body)) is None


def test_an_entry_with_a_value_of_the_wrong_type_is_refused() -> None:
    """Each value is checked against the type of its field, down to a guard test's value: a
    changed type never reaches the rules, whose code would trip over it."""
    from msgspec.structs import replace

    from respectful_lint import cache as module
    from respectful_lint.lexicon import cached_lexicons
    from respectful_lint.model import Condition, Guard, Severity, WordWindow

    lexicons = cached_lexicons()
    assert module.loads(module.dumps(lexicons)) == lexicons
    lex = lexicons[0]
    entry = lex.entries[0]

    def with_entry(**changes: Any) -> bytes:  # written as is: a struct checks no types
        changed = replace(lex, entries=(replace(entry, **changes), *lex.entries[1:]))
        return module.dumps((changed, *lexicons[1:]))

    assert module.loads(with_entry(severity=Severity.ERROR)) is not None
    for field, bad in (
        ("severity", 7),
        ("terms", "one string"),
        ("line", "1"),
        ("fix", "always"),
        ("examples", ("flag",)),
    ):
        assert module.loads(with_entry(**{field: bad})) is None, field
    window = WordWindow((("rugby",),), 3)
    assert module.loads(with_entry(guards=(Guard(Condition((("near", window),)), "skip", "x"),)))
    for test in (
        ("near", 5),
        ("near", WordWindow("rugby", 3)),  # type: ignore[arg-type]
        ("forms", (1, 2)),
        ("case", True),
        ("no_such_test", True),
    ):
        guards = (Guard(Condition((test,)), "skip", "x"),)
        assert module.loads(with_entry(guards=guards)) is None, test


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_is_not_trusted(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from respectful_lint import cache as module

    cache, lexicon, draft = files
    _check(cache, lexicon, draft)
    (entry,) = _entries(cache)
    key = entry.name.removesuffix(".json")
    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(cache))
    assert module.load(key) is not None
    entry.chmod(0o666)
    assert module.load(key) is None


def test_stale_temporary_files_are_removed(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    cache.mkdir()
    stale = cache / ".tmp-killed.json"
    stale.write_bytes(b"half an ent")
    os.utime(stale, (1_000_000, 1_000_000))
    fresh = cache / ".tmp-being-written.json"
    fresh.write_bytes(b"being writ")
    assert _check(cache, lexicon, draft).returncode == 1
    assert not stale.exists()
    assert fresh.exists()  # another process may be writing it right now


def test_many_processes_starting_at_once_share_the_cache(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(cache)}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    command = [sys.executable, "-m", "respectful_lint", "check", "--format", "concise",
               "--no-default-lexicons", "--lexicon", str(lexicon), str(draft)]  # fmt: skip
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(6)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert {r[0] for r in results} == {1}
    assert {r[2] for r in results} == {b""}
    assert len({r[1] for r in results}) == 1 and b"house/caseload" in results[0][1]
    assert len(_entries(cache)) == 1
    assert not list(cache.glob(".tmp-*"))
    assert _check(cache, lexicon, draft).stdout.encode() == results[0][1]


def test_the_default_folder_comes_from_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from respectful_lint import cache as module

    monkeypatch.delenv("RESPECTFUL_LINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("RESPECTFUL_LINT_NO_CACHE", raising=False)
    expected = Path(platformdirs.user_cache_dir("respectful-lint", appauthor=False))
    assert module.cache_dir() == expected


def test_the_default_lexicons_come_back_from_an_entry_exactly() -> None:
    from respectful_lint import cache as module
    from respectful_lint.lexicon import cached_lexicons

    lexicons = cached_lexicons()
    assert module.loads(module.dumps(lexicons)) == lexicons


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 2)
    | st.sampled_from(["t", "l", "f", "d", "x", "near", "forms", "warning", ""]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "entries", "guards", "when", "phrases", "window", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(_JSON)
def test_any_json_decodes_to_lexicons_or_is_refused(value: Any) -> None:
    import json

    from respectful_lint import cache as module
    from respectful_lint.model import Lexicon

    # an intact entry of this format: only its body is untrusted; nothing may escape loads()
    found = module.loads(_entry(json.dumps(value).encode()))
    assert found is None or all(isinstance(lex, Lexicon) for lex in found)


@given(st.lists(st.tuples(st.sampled_from(["letters", "x"]), _JSON), max_size=3))
def test_a_plugin_kinds_options_come_back_as_they_were(options: list[tuple[str, Any]]) -> None:
    from msgspec.structs import replace

    from respectful_lint import cache as module
    from respectful_lint.lexicon import cached_lexicons

    def tupled(value: Any) -> Any:  # JSON's lists as tuples, lists and sets in turn
        if isinstance(value, list):
            items = [tupled(v) for v in value]
            kinds = (tuple, list, frozenset) if all(isinstance(v, str) for v in items) else ()
            return (kinds or (tuple, list))[len(items) % (len(kinds) or 2)](items)
        if isinstance(value, dict):
            return {k: tupled(v) for k, v in value.items()}
        return value

    first = cached_lexicons()[0]
    stored = tuple((k, tupled(v)) for k, v in options)
    entry = replace(first.entries[0], options=stored)
    lexicons = (replace(first, entries=(entry, *first.entries[1:])),)
    back = module.loads(module.dumps(lexicons))
    assert back == lexicons
    assert back is not None and back[0].entries[0].options == stored


_COUNTING = """
import sys
from respectful_lint import {module}
made = []
real = {module}.{function}
{module}.{function} = lambda *args: made.append(args) or real(*args)
from respectful_lint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(len(made))
"""


@pytest.mark.parametrize(
    ("module", "function", "store", "least"),
    [
        ("inflect", "_expanded", "inflections", 100),  # the forms made from the terms
        ("patterns", "required_literals", "patterns", 10),  # what each pattern requires
    ],
)
def test_a_second_start_reads_what_it_made_from_the_cache(
    files: tuple[Path, Path, Path], module: str, function: str, store: str, least: int
) -> None:
    cache, _, draft = files
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(cache)}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    script = _COUNTING.format(module=module, function=function)
    command = [sys.executable, "-c", script, "check", "--format", "concise", str(draft)]

    def start() -> tuple[str, int]:
        proc = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        *report, made = proc.stdout.splitlines()
        return "\n".join(report), int(made)

    first, made = start()
    assert made > least  # the default lexicons' own
    (stored,) = cache.glob(f"{store}-*.bin")
    assert start() == (first, 0)
    good = stored.read_bytes()
    header, _, body = good.partition(b"\n")
    assert header.split(b" ")[2] == hexdigest(body).encode()  # forged below as the tool makes it
    for damaged in (good[:-9], b'[["not", "made"]]'):
        # a damaged body, and a forged one of the wrong shape behind a valid checksum
        if not damaged.startswith(b"respectful-lint"):
            digest = hexdigest(damaged).encode()
            damaged = b" ".join([*header.split(b" ")[:2], digest]) + b"\n" + damaged
        stored.write_bytes(damaged)
        again, made = start()
        assert (again, made > least) == (first, True)  # made again, with the same findings
        assert stored.read_bytes() == good  # and stored again


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["sex worker", "addict", "man", "street~walker", "ho"]),
                     min_size=1, max_size=3),
            st.lists(st.sampled_from(["johns", "x-y", "people"]), max_size=2),
            st.booleans(),
            st.booleans(),
        ),
        max_size=6,
    )
)  # fmt: skip
def test_stored_forms_come_back_exactly(
    calls: list[tuple[list[str], list[str], bool, bool]],
) -> None:
    from respectful_lint import cache, inflect

    made = {}
    for terms, listed, plural, possessive in calls:
        key = (tuple(terms), tuple(listed), frozenset(listed[:1]), plural, possessive)
        made[key] = inflect._expanded(*key)
    back = _stored_and_read(cache.store_inflections, cache.load_inflections, made)
    assert back is not None
    assert {k: list(v.items()) for k, v in back.items()} == {
        k: list(v.items()) for k, v in made.items()
    }


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [r"(?<=aged )teens?|teens?(?=, [3-9])", r"sex[ -]?work(?:ers)?", r"[[:alpha:]]x"]
            ),
            st.text(max_size=12),
        ),
        max_size=5,
    )
)
def test_stored_pattern_analyses_come_back_exactly(sources: list[str]) -> None:
    from respectful_lint import cache, patterns

    made = {source: patterns.analysis(source) for source in sources}
    assert _stored_and_read(cache.store_analyses, cache.load_analyses, made) == made


def _stored_and_read(
    store: Callable[[str, _M], None], read: Callable[[str], _M | None], made: _M
) -> _M | None:
    """What ``read`` gives back after ``store`` kept ``made``, in a cache folder of its own
    (a fixture's folder would be shared by every example hypothesis tries)."""
    import tempfile

    before = os.environ["RESPECTFUL_LINT_CACHE_DIR"]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["RESPECTFUL_LINT_CACHE_DIR"] = folder
        try:
            store("k", made)
            return read("k")
        finally:
            os.environ["RESPECTFUL_LINT_CACHE_DIR"] = before
