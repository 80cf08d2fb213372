"""The cached index of installed entry points: used when it matches what is installed, and
never trusted to name code that no installed distribution declares."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from importlib.metadata import PathDistribution, distributions
from importlib.metadata import entry_points as scan
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint import entrypoints, plugins
from respectful_lint.digest import hexdigest

GROUPS = tuple(plugins.GROUPS.values())


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("RESPECTFUL_LINT_NO_CACHE", raising=False)
    entrypoints.use_cache(True)
    return folder


class Counted:
    """importlib.metadata's scan, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return scan()


def _rows(found: Any) -> list[tuple[str, str, str, str]]:
    return sorted(
        (ep.group, ep.name, ep.value, plugins.distribution(ep))
        for group in GROUPS
        for ep in found.select(group=group)
    )


def _index_file(folder: Path) -> Path:
    (found,) = folder.glob("*.eps")
    return found


def _forge(path: Path, rows: list[list[str]]) -> None:
    body = json.dumps(rows).encode()
    digest = hexdigest(body).encode()
    path.write_bytes(b"respectful-lint-entry-points 1 " + digest + b"\n" + body)
    path.chmod(0o600)


def test_the_index_gives_what_the_scan_gives(cache_dir: Path) -> None:
    counted = Counted()
    first = entrypoints.entry_points(GROUPS, counted)
    second = entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 1
    assert isinstance(second, entrypoints.Index)
    assert _rows(second) == _rows(first) == _rows(scan())
    builtin = [ep for ep in second.select(group=GROUPS[0]) if ep.name == "builtin"]
    assert [ep.load() for ep in builtin] == [
        ep.load() for ep in scan().select(group=GROUPS[0]) if ep.name == "builtin"
    ]


def test_an_index_naming_code_no_distribution_declares_is_not_used(cache_dir: Path) -> None:
    counted = Counted()
    entrypoints.entry_points(GROUPS, counted)
    index = _index_file(cache_dir)
    rows = json.loads(index.read_bytes().partition(b"\n")[2])
    _forge(index, rows)  # forged as the tool writes it: still used
    entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 1
    forged = [*rows, ["respectful_lint.reporters", "evil", "os:system", *rows[0][3:]]]
    _forge(index, forged)
    found = entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 2
    assert "evil" not in {ep.name for ep in found.select(group="respectful_lint.reporters")}
    # a folder that is not on the path is refused even when it declares the entry point
    elsewhere = cache_dir.parent / "elsewhere" / "evil-1.0.dist-info"
    elsewhere.mkdir(parents=True)
    (elsewhere / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (elsewhere / "entry_points.txt").write_text("[respectful_lint.reporters]\nevil = os:system\n")
    outside = ["respectful_lint.reporters", "evil", "os:system", "evil", str(elsewhere)]
    _forge(index, [*rows, outside])
    entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 3


def test_a_damaged_index_is_not_used(cache_dir: Path) -> None:
    counted = Counted()
    entrypoints.entry_points(GROUPS, counted)
    index = _index_file(cache_dir)
    for damage in (b"", b"respectful-lint-entry-points 1 00\n[]", index.read_bytes()[:-3]):
        index.write_bytes(damage)
        entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 4


def test_installing_a_distribution_makes_a_new_index(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    counted = Counted()
    entrypoints.entry_points(GROUPS, counted)
    info = site / "house_style-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-style\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[respectful_lint.presets]\nhouse = json:loads\n")
    found = entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 2
    again = entrypoints.entry_points(GROUPS, counted)
    assert counted.calls == 2
    presets = [(ep.name, plugins.distribution(ep)) for ep in again.select(group=GROUPS[1])]
    assert ("house", "house-style") in presets
    assert _rows(again) == _rows(found)


def test_entry_points_files_read_as_importlib_metadata_reads_them() -> None:
    for dist in distributions():
        text = dist.read_text("entry_points.txt")
        if text is None:
            continue
        expected = {(ep.group, ep.name, ep.value) for ep in dist.entry_points}
        assert set(entrypoints.parse_entry_points(text)) == expected, dist.metadata["Name"]


LINES = ["[g]", "[ g ]", "[[g]]", "[h", "#c", ";x=y", "a = b:c", "a=b", "  k = v  ", "x = y = z"]


@given(st.lists(st.sampled_from([*LINES, "noequal", "", " "]), max_size=8))
def test_entry_points_text_is_read_as_importlib_metadata_reads_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    with tempfile.TemporaryDirectory() as tmp:
        info = Path(tmp) / "pack-1.0.dist-info"
        info.mkdir()
        (info / "entry_points.txt").write_text(text, encoding="utf-8")
        try:
            found = PathDistribution(info).entry_points
            expected = {(ep.group, ep.name, ep.value) for ep in found}
        except Exception:  # a file importlib cannot read is never indexed
            return
    assert set(entrypoints.parse_entry_points(text)) == expected


def test_a_cached_run_does_not_scan_installed_distributions(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The clinic met people who sell sex.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from respectful_lint.cli import main\n"
        "try:\n"
        "    main(['check', '--format', 'concise', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('scanned' if 'importlib.metadata' in sys.modules else 'indexed', file=sys.stderr)\n"
    )
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe, str(draft)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr.splitlines()[-1] == "scanned"
    assert runs[1].stderr.splitlines()[-1] == "indexed"
