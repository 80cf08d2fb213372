"""Baselines through the command line: writing, reading, fingerprints that survive unrelated
edits and change with the sentence, stale entries, bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint import lint_text
from respectful_lint.cli import main

DRAFT = (
    "# Outreach\n\n"
    "Police arrested two prostitutes near the pier on Friday.\n\n"
    "The clinic welcomes every hooker who comes by.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--format", "concise", *args])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def baseline_of(tmp_path: Path, doc: Path, name: str = "baseline.json") -> Path:
    out = tmp_path / name
    result = run(str(doc), "--write-baseline", str(out))
    assert result.exit_code == 0, result.output
    return out


def new_findings(doc: Path, baseline: Path) -> list[str]:
    result = run(str(doc), "--baseline", str(baseline))
    assert result.exit_code in (0, 1), result.output
    return [line.split(" ")[2] for line in result.stdout.splitlines()]


def test_write_baseline_records_findings_as_sorted_stable_json(tmp_path: Path) -> None:
    doc = write(tmp_path / "docs" / "a.md", DRAFT + "\nAnother hooker.\n\nAnother hooker.\n")
    out = baseline_of(tmp_path, doc)
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1 and data["tool"] == "respectful-lint"
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    rules = [(e["rule"], e["matched"], e["count"]) for e in data["findings"]]
    assert sorted(rules) == [
        ("sex-work/hooker", "hooker", 1),
        ("sex-work/hooker", "hooker", 2),  # the same sentence twice: one entry, counted
        ("sex-work/prostitute", "prostitutes", 1),
    ]
    assert all(e["path"].endswith("docs/a.md") for e in data["findings"])
    again = baseline_of(tmp_path, doc, "again.json")
    assert again.read_text(encoding="utf-8") == text


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    doc = write(tmp_path / "a.md", DRAFT)
    out = baseline_of(tmp_path, doc)
    result = CliRunner().invoke(main, ["check", str(doc), "--baseline", str(out), "--no-color"])
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 file (2 more in the baseline).\n"
    write(doc, DRAFT + "\nA john waited outside.\n")
    result = run(str(doc), "--baseline", str(out))
    assert result.exit_code == 1
    assert [line.split(" ")[2] for line in result.stdout.splitlines()] == ["sex-work/john"]


def test_fingerprints_survive_lines_above_reflowing_and_moving_the_file(tmp_path: Path) -> None:
    doc = write(tmp_path / "docs" / "a.md", DRAFT)
    out = baseline_of(tmp_path, doc)
    write(doc, "# New title\n\nA new clean paragraph.\n\n" + DRAFT)
    assert new_findings(doc, out) == []
    reflowed = DRAFT.replace("two prostitutes near", "two\n  prostitutes   near").replace(
        "every hooker who", "every hooker\nwho"
    )
    write(doc, reflowed)
    assert new_findings(doc, out) == []
    moved = write(tmp_path / "archive" / "2024" / "a.md", DRAFT)
    assert new_findings(moved, out) == []


def test_fingerprints_change_with_the_matched_words_and_their_sentence(tmp_path: Path) -> None:
    doc = write(tmp_path / "a.md", DRAFT)
    out = baseline_of(tmp_path, doc)
    write(doc, DRAFT.replace("two prostitutes", "a prostitute"))
    assert new_findings(doc, out) == ["sex-work/prostitute"]
    write(doc, DRAFT.replace("on Friday", "on Saturday"))
    assert new_findings(doc, out) == ["sex-work/prostitute"]
    renamed = write(tmp_path / "b.md", DRAFT)
    assert len(new_findings(renamed, out)) == 2  # another file name is another file


def test_baseline_entries_that_no_longer_match_are_listed(tmp_path: Path) -> None:
    doc = write(tmp_path / "a.md", DRAFT)
    out = baseline_of(tmp_path, doc)
    write(doc, DRAFT.replace("two prostitutes", "two sex workers"))
    result = CliRunner().invoke(main, ["check", str(doc), "--baseline", str(out)])
    assert result.exit_code == 0
    assert f"1 baseline entry in {out} no longer match" in result.stderr
    assert "sex-work/prostitute 'prostitutes'" in result.stderr
    assert "prostitutes" not in result.stdout


def test_a_run_over_some_files_leaves_the_others_entries_alone(tmp_path: Path) -> None:
    # a pre-commit hook checks the changed files only: the other files' entries are neither
    # stale nor dropped when the baseline is written again
    a = write(tmp_path / "a.md", DRAFT)
    b = write(tmp_path / "b.md", "Two addicts came by.\n")
    out = tmp_path / "baseline.json"
    assert run(str(tmp_path), "--write-baseline", str(out)).exit_code == 0
    result = run(str(a), "--baseline", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    write(a, DRAFT.replace("two prostitutes", "two sex workers"))
    result = run(str(a), "--write-baseline", str(out))
    assert "kept 1 entry of files this run did not check" in result.stderr
    result = run(str(tmp_path), "--baseline", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    b.unlink()  # a file that is gone: its entries are stale, and written no more
    result = run(str(tmp_path), "--baseline", str(out))
    assert "1 baseline entry" in result.stderr and "drug-use/addict" in result.stderr
    run(str(tmp_path), "--write-baseline", str(out))
    assert "addict" not in out.read_text(encoding="utf-8")


def test_bad_baseline_files_are_one_line_errors(tmp_path: Path) -> None:
    doc = write(tmp_path / "a.md", DRAFT)
    cases = {
        "missing.json": None,
        "broken.json": '{"findings": [',
        "wrong.json": '{"version": 1, "findings": [{"rule": 3}]}',
        "old.json": '{"version": 9, "findings": []}',
    }
    for name, text in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", str(doc), "--baseline", str(path)])
        assert result.exit_code == 2, name
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"respectful-lint: error: {path}"), line


def test_baseline_in_a_real_process(tmp_path: Path) -> None:
    doc = write(tmp_path / "a.md", DRAFT)
    out = tmp_path / "b.json"
    cmd = [sys.executable, "-m", "respectful_lint", "check", str(doc)]
    first = subprocess.run([*cmd, "--write-baseline", str(out)], capture_output=True, text=True)
    assert first.returncode == 0
    assert "wrote 2 findings to the baseline" in first.stderr
    second = subprocess.run([*cmd, "--baseline", str(out)], capture_output=True, text=True)
    assert second.returncode == 0, second.stdout


CLEAN = st.sampled_from(
    [
        "Peer workers staff the front desk.",
        "The van stops at the harbour on Tuesdays.",
        "Bring water and a warm coat.",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(CLEAN, max_size=5), st.integers(min_value=20, max_value=80), st.text("ab/"))
def test_fingerprints_ignore_lines_above_wrapping_and_folders(
    above: list[str], width: int, folder: str
) -> None:
    body = "Police arrested two prostitutes near the pier on Friday, and a hooker too."
    before = {f.fingerprint for f in lint_text(body + "\n", path="docs/a.md")}
    wrapped = "\n".join(textwrap.wrap(body, width))
    text = "".join(p + "\n\n" for p in above) + wrapped + "\n"
    after = {f.fingerprint for f in lint_text(text, path=f"{folder}/a.md")}
    assert len(before) == 2
    assert after == before
