"""CI outputs through the command line: SARIF, GitHub workflow commands, JUnit XML, and the
options around them (--output-file, --statistics, --quiet, --color)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import jsonschema
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.cli import main
from respectful_lint.reporters.github import escape_data, escape_property
from respectful_lint.reporters.text import display_width

DATA = Path(__file__).parents[1] / "data"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
DRAFT = (
    "Intro.\n\n"
    "Police arrested two prostitutes near the pier.\n\n"
    "A hooker, a john and a child\nprostitute were named.\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["check", *args], env=env, catch_exceptions=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def word_file(folder: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Plans for the hooker outreach"
    document.add_paragraph("First paragraph.")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "Tea for the junkies"
    buf = io.BytesIO()
    document.save(buf)
    path = folder / "brief.docx"
    path.write_bytes(buf.getvalue())
    return path


# --- SARIF ---------------------------------------------------------------------------------


def sarif(*args: str) -> dict[str, object]:
    result = run(*args, "--format", "sarif")
    assert result.exit_code in (0, 1), result.output
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log  # type: ignore[no-any-return]


def test_sarif_is_valid_and_describes_rules_results_and_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "docs/draft.md", DRAFT)
    log = sarif("docs")
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]  # type: ignore[index]
    driver = run_["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(set(ids))
    assert "sex-work/prostitute" in ids
    rule = driver["rules"][ids.index("sex-work/prostitute")]
    assert rule["name"] == "prostitute"
    assert rule["shortDescription"]["text"].startswith('"Prostitute"')
    assert rule["helpUri"].startswith("http")
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["tags"] == ["sex-work"]
    result = next(r for r in run_["results"] if r["ruleId"] == "sex-work/prostitute")
    assert ids[result["ruleIndex"]] == "sex-work/prostitute"
    assert result["level"] == "warning"
    assert "sex workers" in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/draft.md"
    assert location["region"] == {"startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 32}
    assert run_["columnKind"] == "unicodeCodePoints"
    assert len(result["partialFingerprints"]["respectfulLint/v1"]) == 16
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["replacements"][0]["insertedContent"]["text"] == "sex workers"
    assert change["replacements"][0]["deletedRegion"] == location["region"]
    two_lines = next(r for r in run_["results"] if r["ruleId"].endswith("child-prostitute"))
    region = two_lines["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"]) == (5, 6)


def test_json_fix_edits_place_every_change_and_apply_to_the_fixed_text(tmp_path: Path) -> None:
    # the edits reach beyond the match: "Former" before "inmates", the "a" before "handicapped"
    text = "Park in a handicapped bay.\nFormer inmates spoke.\n"
    path = write(tmp_path, "d.txt", text)
    findings = json.loads(run(str(path), "--format", "json").stdout)["findings"]
    lines = text.splitlines(keepends=True)
    edits = [e for f in findings for e in f["fix"]["edits"]]
    assert [(e["line"], e["column"], e["replacement"]) for e in edits] == [
        (1, 9, "an"),
        (1, 11, "accessible"),
        (2, 1, "Formerly incarcerated people"),
    ]
    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        assert e["line"] == e["end_line"]
        row = lines[e["line"] - 1]
        lines[e["line"] - 1] = (
            row[: e["column"] - 1] + e["replacement"] + row[e["end_column"] - 1 :]
        )
    fixed = run(str(path), "--fix", "--unsafe-fixes")
    assert fixed.exit_code == 0, fixed.output
    assert "".join(lines) == path.read_text(encoding="utf-8")


def test_sarif_word_findings_have_a_logical_location_and_no_region(tmp_path: Path) -> None:
    path = word_file(tmp_path)
    log = sarif(str(path))
    results = log["runs"][0]["results"]  # type: ignore[index]
    by_rule = {r["ruleId"]: r for r in results}
    cell = by_rule["drug-use/junkie"]["locations"][0]
    assert "region" not in cell["physicalLocation"]
    assert cell["physicalLocation"]["artifactLocation"]["uri"].endswith("brief.docx")
    (logical,) = cell["logicalLocations"]
    assert logical["fullyQualifiedName"] == "table 1, row 2, cell 2, paragraph 5"
    header = by_rule["sex-work/hooker"]["locations"][0]["logicalLocations"][0]
    assert header["fullyQualifiedName"] == "header, paragraph 1"
    assert "fixes" not in by_rule["sex-work/hooker"]


def test_sarif_of_a_clean_run_and_of_unreadable_files_is_valid(tmp_path: Path) -> None:
    clean = write(tmp_path, "ok.md", "Sex workers can visit the clinic.\n")
    assert sarif(str(clean))["runs"][0]["results"] == []  # type: ignore[index]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\x81 not text")
    result = run(str(bad), str(clean), "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "bad.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# --- GitHub workflow commands --------------------------------------------------------------

# The grammar of a workflow command, as GitHub's runner reads it:
#   "::" NAME [" " KEY "=" VALUE ("," KEY "=" VALUE)*] "::" DATA
# where VALUE has % : , CR LF escaped and DATA has % CR LF escaped.
COMMAND = re.compile(r"::(?P<name>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<data>[^\r\n]*)", re.DOTALL)
PROPERTY = re.compile(r"(?P<key>[A-Za-z]+)=(?P<value>[^,]*)")


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    # the runner reads lines as .NET's ReadLine does: CR, LF and CR LF end a line, nothing else
    for line in re.split(r"\r\n|\r|\n", output.removesuffix("\n")) if output else []:
        m = COMMAND.fullmatch(line)
        assert m is not None, line
        props: dict[str, str] = {}
        if m.group("props"):
            for part in m.group("props").split(","):
                p = PROPERTY.fullmatch(part)
                assert p is not None, part
                assert "%" not in p.group("value") or re.fullmatch(
                    r"(?:[^%]|%(?:25|0D|0A|3A|2C))*", p.group("value")
                )
                props[p.group("key")] = unescape(p.group("value"))
        commands.append((m.group("name"), props, unescape(m.group("data"))))
    return commands


def test_github_commands_follow_the_grammar_and_escape_values(tmp_path: Path) -> None:
    house = write(
        tmp_path,
        "house.yaml",
        "lexicon: house\nversion: 1\nlanguage: en\ndescription: A test lexicon.\n"
        "sources:\n  s: {title: S, year: 2024, url: 'https://example.org/s'}\n"
        "entries:\n  - id: rate\n    terms: [case file]\n    preferred: [client record]\n"
        "    severity: warning\n    category: house\n    note: Say client record.\n"
        "    message: 'Use \"client record\": 100% of teams, since 2024'\n"
        "    sources: [s]\n    examples: {flag: [The case file.], pass: [The record.]}\n",
    )
    path = write(tmp_path, "a,b: c%.md", "Open the case file.\n\n" + DRAFT)
    result = run(str(path), "--format", "github", "--lexicon", str(house))
    assert result.exit_code == 1
    commands = parse_commands(result.stdout)
    name, props, data = commands[0]
    assert name == "warning"
    assert props == {
        "title": "house/rate",
        "file": str(path),
        "line": "1",
        "col": "10",
        "endLine": "1",
        "endColumn": "19",
    }
    assert data == 'Use "client record": 100% of teams, since 2024'
    names = {(c[1]["title"], c[0]) for c in commands}
    assert ("sex-work/hooker", "error") in names
    two_lines = next(c for c in commands if c[1]["title"].endswith("child-prostitute"))
    assert (two_lines[1]["line"], two_lines[1]["endLine"]) == ("7", "8")
    assert "col" not in two_lines[1] and "endColumn" not in two_lines[1]


@given(st.text())
def test_github_escaping_round_trips_through_the_grammar(text: str) -> None:
    line = f"::warning title={escape_property(text)},file=a.md::{escape_data(text)}"
    ((name, props, data),) = parse_commands(line)
    assert (name, props["title"], props["file"]) == ("warning", text, "a.md")
    # data is read to the end of the line; a bare CR or LF never reaches the output
    assert data == text


def test_github_word_findings_name_the_file_and_the_place(tmp_path: Path) -> None:
    path = word_file(tmp_path)
    commands = parse_commands(run(str(path), "--format", "github").stdout)
    cell = next(c for c in commands if c[1]["title"] == "drug-use/junkie")
    assert cell[1] == {"title": "drug-use/junkie", "file": str(path)}
    assert cell[2].endswith("(paragraph 5, in table 1, row 2, cell 2)")


def test_github_format_is_chosen_on_github_actions_unless_a_format_is_given(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert [c[0] for c in parse_commands(proc.stdout)] == ["warning", "error", "warning", "error"]
    chosen = run(str(path), "--format", "concise", env={"GITHUB_ACTIONS": "true"})
    assert chosen.stdout.startswith(f"{path}:3:21: warning")
    assert run(str(path), env={"GITHUB_ACTIONS": "false"}).stdout.startswith(f"{path}:3:21:")


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_has_one_test_case_per_file(tmp_path: Path) -> None:
    write(tmp_path, "b-bad.md", DRAFT)
    write(tmp_path, "a-clean.md", "Sex workers can visit the clinic.\n")
    write(tmp_path, "c-mild.md", "People who sell sex and their clients.\n")
    result = run(str(tmp_path), "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    (suite,) = root
    cases = {c.get("name", "").rsplit("/", 1)[-1]: c for c in suite.iter("testcase")}
    assert sorted(cases) == ["a-clean.md", "b-bad.md", "c-mild.md"]
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    failure = cases["b-bad.md"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.get("message") == "4 findings"
    assert (failure.text or "").count("\n") == 3
    assert cases["a-clean.md"].find("failure") is None


def test_junit_lists_findings_below_the_fail_level_without_failing(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", "Police arrested two prostitutes.\n")
    root = ET.fromstring(run(str(path), "--format", "junit", "--fail-on", "error").stdout)
    case = next(root.iter("testcase"))
    assert case.find("failure") is None
    assert "sex-work/prostitute" in (case.findtext("system-out") or "")


# --- output file, statistics, quiet, colour ----------------------------------------------


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    out = tmp_path / "report.sarif"
    result = run(str(path), "--format", "sarif", "--output-file", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(out.read_text(encoding="utf-8")))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_file_that_cannot_be_written_is_an_error_and_the_old_file_stays(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    result = run(str(path), "--output-file", str(tmp_path / "missing" / "r.txt"))
    assert result.exit_code == 2
    assert "r.txt: cannot write" in result.stderr
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "r.txt").mkdir()  # a folder where the file should go
    result = run(str(path), "--output-file", str(folder / "r.txt"))
    assert result.exit_code == 2
    assert os.listdir(folder) == ["r.txt"]  # no temporary file left behind


def test_statistics_counts_each_rule_most_frequent_first(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", "A hooker met a hooker and a john.\n\nTwo prostitutes.\n")
    result = run(str(path), "--statistics")
    assert result.exit_code == 1
    assert result.stdout == (
        "2  sex-work/hooker  (sex-work)\n"
        "1  sex-work/john  (sex-work)\n"
        "1  sex-work/prostitute  (sex-work)\n"
    )
    rows = json.loads(run(str(path), "--statistics", "--format", "json").stdout)
    assert rows[0] == {"rule": "sex-work/hooker", "category": "sex-work", "count": 2}


def test_a_report_or_baseline_named_as_a_folder_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    folder = tmp_path / "out"
    folder.mkdir()
    for option in ("--output-file", "--write-baseline"):
        result = run(str(path), option, str(folder))
        assert result.exit_code == 2
        assert result.stderr == (
            f"respectful-lint: error: {folder}: cannot write: it is a folder; name a file\n"
        )


def test_statistics_in_a_format_that_cannot_hold_them_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    for fmt in ("sarif", "junit", "github"):
        result = run(str(path), "--statistics", "--format", fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert f"--statistics: not with --format {fmt}" in result.stderr


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    loud = run(str(path)).stdout
    quiet = run(str(path), "--quiet").stdout
    assert "Found 4 findings" in loud
    assert "Found" not in quiet
    assert loud.startswith(quiet)
    clean = write(tmp_path, "ok.md", "Sex workers can visit the clinic.\n")
    assert run(str(clean), "-q").stdout == ""


def test_color_option_and_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", DRAFT)
    escape = "\x1b["
    assert escape not in run(str(path)).stdout  # not a terminal
    assert escape in run(str(path), "--color", "always").stdout
    assert escape in run(str(path), env={"FORCE_COLOR": "1"}).stdout
    assert escape not in run(str(path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert escape in run(str(path), "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert escape not in run(str(path), "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert escape not in run(str(path), "--no-color", "--color", "always").stdout
    out = tmp_path / "r.txt"
    run(str(path), "--output-file", str(out), env={"FORCE_COLOR": "1"})
    assert escape in out.read_text(encoding="utf-8")
    run(str(path), "--output-file", str(out))
    assert escape not in out.read_text(encoding="utf-8")


def test_caret_line_counts_display_width(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", "📣📣 全員 hookers\n")
    lines = run(str(path), "--no-color").stdout.splitlines()
    assert lines[0].startswith(f"{path}:1:7: error sex-work/hooker")
    assert lines[1] == " 1 | 📣📣 全員 hookers"
    assert lines[2] == "   |           ^^^^^^^"
    wide = write(tmp_path, "w.md", "ＡＢ hookers and 全員\n")
    assert run(str(wide), "--no-color").stdout.splitlines()[2] == "   |      ^^^^^^^"


def test_escape_sequences_in_a_checked_file_never_reach_the_terminal(tmp_path: Path) -> None:
    # a pull request's file could clear the screen, retitle the window or write the clipboard
    text = "X \x1b[2J\x1b]0;pwned\x07 \x9b2J The hookers left.\n"
    path = write(tmp_path, "d\x1b[31m.txt", text)
    for fmt in ("text", "concise"):
        out = run(str(path), "--no-color", "--format", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "d\u241b[31m.txt" in out
    lines = run(str(path), "--no-color").stdout.splitlines()
    assert lines[1] == " 1 | X \u241b[2J\u241b]0;pwned\u2407 \ufffd2J The hookers left."
    assert lines[1][lines[2].index("^") : lines[2].rindex("^") + 1] == "hookers"


def test_a_long_line_is_shown_as_a_window_around_the_match(tmp_path: Path) -> None:
    # a paragraph, or minified HTML, on one line: the output stays small per finding
    text = "Outreach notes. " * 100 + "We met hookers\tthere. " + "More notes. " * 100 + "\n"
    lines = run(str(write(tmp_path, "d.txt", text)), "--no-color").stdout.splitlines()
    shown, caret = lines[1], lines[2]
    assert shown.startswith(" 1 | \u2026") and shown.endswith("\u2026")
    assert len(shown) < 150
    assert shown[caret.index("^") : caret.rindex("^") + 1] == "hookers"
    assert "hookers there." in shown  # a tab is shown as one blank, as on a short line
    short = run(str(write(tmp_path, "s.txt", "We met hookers there.\n")), "--no-color")
    assert short.stdout.splitlines()[1] == " 1 | We met hookers there."


@given(st.text() | st.text(st.characters(max_codepoint=0x7F)))
def test_caret_width_is_the_terminal_width_wcwidth_gives(text: str) -> None:
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    expected = width if width >= 0 else sum(max(wcwidth(ch), 0) for ch in text)
    assert display_width(text) == expected


def test_word_locations_keep_the_file_line_column_shape(tmp_path: Path) -> None:
    path = word_file(tmp_path)
    concise = run(str(path), "--format", "concise").stdout.splitlines()
    assert concise == [
        f'{path}:5:13: error drug-use/junkie Avoid "junkies"; use "people who use drugs"'
        " (in table 1, row 2, cell 2)",
        f'{path}:6:15: error sex-work/hooker Avoid "hooker"; use "sex worker" (in the header)',
    ]
    text = run(str(path), "--no-color").stdout.splitlines()
    assert text[0] == concise[0]
    for line in concise:
        assert re.match(r".+\.docx:\d+:\d+: ", line)


def test_summary_is_printed_once_and_counts_the_files(tmp_path: Path) -> None:
    for i in range(5):
        write(tmp_path, f"d{i}.md", DRAFT if i % 2 else "Sex workers can visit.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--jobs", "2", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    summaries = [line for line in proc.stdout.splitlines() if line.startswith("Found ")]
    assert summaries == ["Found 8 findings (4 errors, 4 warnings) in 5 files."]
