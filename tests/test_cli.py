"""The command line as a user meets it: exit codes, formats, paths and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from respectful_lint.cli import main

CUSTOM = str(Path(__file__).parent / "data" / "custom.yaml")


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", *args], input=input, catch_exceptions=False)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.md", "Sex workers can visit the clinic on Fridays.\n")
    result = run(str(path))
    assert result.exit_code == 0
    assert "No findings in 1 file." in result.output


def test_finding_exits_one_and_shows_line_marker_and_wording(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.md", "Intro.\n\nPolice arrested two prostitutes.\n")
    result = run(str(path), "--no-color")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (
        f'{path}:3:21: warning sex-work/prostitute Avoid "prostitutes"; use "sex workers"'
    )
    assert lines[1] == " 3 | Police arrested two prostitutes."
    assert lines[2] == "   |                     ^^^^^^^^^^^"
    assert lines[3].startswith("   = use: sex workers; people who sell sex")
    assert lines[4].startswith("   = why: ")
    assert "\x1b[" not in result.output


def test_no_explain_hides_the_note(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.md", "Police arrested two prostitutes.\n")
    assert "= why:" not in run(str(path), "--no-explain").output


def test_concise_format_is_one_line_per_finding(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "A hooker and a john.\n")
    result = run(str(path), "--format", "concise")
    assert result.output.splitlines() == [
        f'{path}:1:3: error sex-work/hooker Avoid "hooker"; use "sex worker"',
        f'{path}:1:16: warning sex-work/john Avoid "john"; use "client"',
    ]


def test_json_format_schema(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "Hookers’ rights\n")
    doc = json.loads(run(str(path), "--format", "json").output)
    assert doc["version"] == 1
    assert doc["summary"]["findings"] == 1
    assert doc["summary"]["by_severity"] == {"error": 1, "warning": 0, "suggestion": 0}
    (f,) = doc["findings"]
    assert {k: f[k] for k in ("path", "line", "column", "end_line", "end_column")} == {
        "path": str(path),
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 9,
    }
    assert f["matched"] == "Hookers’"
    assert f["rule"] == "sex-work/hooker"
    assert f["category"] == "sex-work"
    assert f["severity"] == "error"
    assert f["suggestions"] == ["Sex workers’"]
    assert f["note"]
    assert all(url.startswith("https://") for url in f["sources"])


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "text\n")
    result = run(str(path), "--format", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--exit-zero",), 0),
        (("--fail-on", "error"), 0),
        (("--fail-on", "suggestion"), 1),
        (("--min-severity", "error"), 0),
    ],
)
def test_fail_level_and_exit_zero(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    path = write(tmp_path, "d.txt", "The john paid in cash.\n")  # one warning
    assert run(str(path), *args).exit_code == code


def test_min_severity_hides_lower_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "A hooker met a john.\n")
    out = run(str(path), "--format", "concise", "--min-severity", "error").output
    assert "sex-work/hooker" in out
    assert "sex-work/john" not in out


def test_select_and_ignore_by_rule_prefix_and_category(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "A hooker met a john.\n")
    concise = ("--format", "concise")
    assert "john" not in run(str(path), *concise, "--select", "sex-work/hooker").output
    assert "hooker" not in run(str(path), *concise, "--ignore", "sex-work/hook*").output
    assert "hooker" not in run(str(path), *concise, "--ignore", "sex-work/").output
    assert run(str(path), *concise, "--ignore", "sex-work").output == ""
    both = run(str(path), *concise, "--select", "sex-work", "--ignore", "sex-work/john").output
    assert "hooker" in both and "john" not in both


def test_a_rule_id_names_that_rule_only_not_longer_ids(tmp_path: Path) -> None:
    # "sex-work/ho" is a rule of its own: it does not name "sex-work/hooker"
    path = write(
        tmp_path, "d.txt", "The hookers and hos met.\n\nAsk about john school for johns.\n"
    )
    concise = ("--format", "concise")
    out = run(str(path), *concise, "--ignore", "sex-work/ho").output
    assert "sex-work/hooker" in out and "sex-work/ho " not in out
    out = run(str(path), *concise, "--ignore", "sex-work/john").output
    assert "sex-work/john-school" in out and "sex-work/john " not in out
    assert "sex-work/hooker" not in run(str(path), *concise, "--select", "sex-work/ho").output
    text = "The hookers met. <!-- respectful-lint-disable-line sex-work/ho -->\n"
    suppressed = write(tmp_path, "s.md", text)
    assert "sex-work/hooker" in run(str(suppressed), *concise).output


def test_unknown_selector_is_an_error_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "A hooker.\n")
    result = run(str(path), "--select", "sex-work/hookr")
    assert result.exit_code == 2
    assert "--select: 'sex-work/hookr' matches no rule id or category" in result.output
    assert "did you mean 'sex-work/hooker'?" in result.output


def test_custom_lexicon_layers_on_the_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "Open the case file. A hooker. Project Hope starts.\n")
    out = run(str(path), "--format", "concise", "--lexicon", CUSTOM).output
    assert "custom/client-file" in out
    assert "custom/old-programme" in out
    assert "sex-work/hooker" in out
    only = run(str(path), "--format", "concise", "--lexicon", CUSTOM, "--no-default-lexicons")
    assert "sex-work/hooker" not in only.output
    assert "custom/client-file" in only.output


def test_stdin_and_empty_input() -> None:
    result = run("-", "--format", "concise", input="Two prostitutes.\n")
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:5: warning sex-work/prostitute")
    named = run("-", "--stdin-filename", "draft.md", "--format", "concise", input="A john.\n")
    assert named.output.startswith("draft.md:1:3:")
    empty = run("-", input="")
    assert empty.exit_code == 0


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--stdin-filename", "x.md"], "--stdin-filename names standard input: give '-'"),
        (["--diff", "--format", "sarif"], "--format: not with --diff"),
        (["--diff", "--output-file", "r.txt"], "--output-file: not with --diff"),
    ],
)
def test_options_that_would_be_ignored_are_usage_errors(
    tmp_path: Path, args: list[str], error: str
) -> None:
    # each was silently ignored: standard input not read, no report written
    draft = write(tmp_path, "d.txt", "The hookers left.\n")
    result = CliRunner().invoke(main, ["check", *args, str(draft)], input="The johns.\n")
    assert result.exit_code == 2
    assert error in result.stderr
    assert not (tmp_path / "r.txt").exists()


def test_a_file_named_twice_or_through_a_link_is_checked_once(tmp_path: Path) -> None:
    draft = write(tmp_path, "a.md", "The hookers left.\n")
    result = CliRunner().invoke(
        main, ["check", "--format", "concise", str(draft), str(draft), str(tmp_path)]
    )
    assert result.stdout.count("sex-work/hooker") == 1
    link = tmp_path / "link.md"
    link.symlink_to(draft)
    result = CliRunner().invoke(main, ["check", "--fix", str(draft), str(link)])
    assert "1 fixed, 0 remaining." in result.output
    assert draft.read_text(encoding="utf-8") == "The sex workers left.\n"


def test_a_report_is_never_written_over_a_checked_file(tmp_path: Path) -> None:
    # "-o" is --output-file: "check draft.md -o draft.md" would have replaced the draft
    draft = write(tmp_path, "draft.md", "The hookers left.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "-o", str(draft)])
    assert result.exit_code == 2
    assert "is a file being checked; the report would replace it" in result.stderr
    assert draft.read_text(encoding="utf-8") == "The hookers left.\n"


def test_a_baseline_is_never_written_over_a_checked_file(tmp_path: Path) -> None:
    draft = write(tmp_path, "draft.md", "The hookers left.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--write-baseline", str(draft)])
    assert result.exit_code == 2
    assert "--write-baseline:" in result.stderr
    assert "is a file being checked; the baseline would replace it" in result.stderr
    assert draft.read_text(encoding="utf-8") == "The hookers left.\n"


def test_a_report_or_baseline_inside_a_checked_folder_is_not_checked(tmp_path: Path) -> None:
    write(tmp_path, "draft.md", "The hookers left.\n")
    report = tmp_path / "report.txt"
    for _ in range(3):  # the report of one run is no input of the next
        result = CliRunner().invoke(
            main, ["check", "--format", "concise", str(tmp_path), "-o", str(report)]
        )
        assert result.exit_code == 1
        assert report.read_text(encoding="utf-8").count("sex-work/hooker") == 1
    report.unlink()
    baseline = tmp_path / "baseline.json"
    CliRunner().invoke(main, ["check", str(tmp_path), "--write-baseline", str(baseline)])
    again = CliRunner().invoke(
        main, ["check", "--format", "concise", str(tmp_path), "--baseline", str(baseline)]
    )
    assert again.exit_code == 0, again.output
    assert "baseline.json" not in again.output


def test_a_report_never_replaces_a_draft_inside_a_checked_folder(tmp_path: Path) -> None:
    draft = write(tmp_path, "a.md", "Police arrested two prostitutes.\n")
    for option in ("--output-file", "--write-baseline"):
        result = CliRunner().invoke(main, ["check", str(tmp_path), option, str(draft)])
        assert result.exit_code == 2
        assert "is a file in a folder being checked" in result.stderr
        assert draft.read_text(encoding="utf-8") == "Police arrested two prostitutes.\n"


def test_a_draft_that_starts_like_a_report_is_still_a_draft(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "Police arrested two prostitutes.\n")
    for text in ("[ ] call the clinic\n", "Found 3 kittens in the shed.\n"):
        todo = write(tmp_path, "todo.md", text)
        result = CliRunner().invoke(main, ["check", str(tmp_path), "-o", str(todo)])
        assert result.exit_code == 2, text
        assert todo.read_text(encoding="utf-8") == text


def test_a_report_written_in_colour_may_be_written_again(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "Police arrested two prostitutes.\n")
    report = tmp_path / "r.txt"
    for _ in range(2):
        result = CliRunner().invoke(
            main, ["check", "--color", "always", str(tmp_path), "-o", str(report)]
        )
        assert result.exit_code == 1, result.output


def test_a_report_reached_through_a_link_is_not_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "a.md", "Police arrested two prostitutes.\n")
    (tmp_path / "d2").symlink_to(docs)
    for _ in range(3):
        CliRunner().invoke(main, ["check", str(docs), "-o", str(tmp_path / "d2" / "out.md")])
        assert (docs / "out.md").read_text(encoding="utf-8").count("sex-work/prostitute") == 1


def test_empty_file_has_no_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.md", "")
    assert run(str(path)).exit_code == 0


def test_missing_path_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", "A hooker.\n")
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "nope.md"), str(path), "--format", "concise"]
    )
    assert result.exit_code == 2
    assert f"respectful-lint: error: {tmp_path / 'nope.md'}: no such file or directory" in (
        result.stderr
    )
    assert "sex-work/hooker" in result.stdout


def test_binary_file_named_explicitly_is_an_error_but_skipped_silently_in_a_walk(
    tmp_path: Path,
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00hooker")
    explicit = CliRunner().invoke(main, ["check", str(binary)])
    assert explicit.exit_code == 2
    assert f"{binary}: skipped: binary file" in explicit.stderr
    walked = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert walked.exit_code == 0
    assert walked.stderr == ""


def test_undecodable_file_is_named_and_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 with a hooker".encode("latin-1"))
    good = write(tmp_path, "good.txt", "A john.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "concise"])
    assert result.exit_code == 2
    assert f"{bad}: skipped: cannot decode byte 3 as UTF-8" in result.stderr
    assert f"{good}:1:3:" in result.stdout


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_text_is_refused_by_name_not_read_as_utf16(tmp_path: Path, encoding: str) -> None:
    # a little-endian UTF-32 mark starts like UTF-16's: read so, it matched nothing, silently
    text = "The hookers left.\n"
    data = (
        text.encode(encoding)
        if encoding == "utf-32"
        else b"\x00\x00\xfe\xff" + text.encode(encoding)
    )
    (tmp_path / "u32.txt").write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "u32.txt")])
    assert result.exit_code == 2
    assert "u32.txt: skipped: UTF-32 text is not read (save it as UTF-8)" in result.stderr


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_encodings_report_the_same_positions(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(prefix + "Café staff met a\r\nhooker’s friend.\r\n".encode(encoding))
    doc = json.loads(run(str(path), "--format", "json").output)
    (f,) = doc["findings"]
    assert (f["line"], f["column"], f["end_column"], f["matched"]) == (2, 1, 9, "hooker’s")


def test_walk_skips_vcs_venv_node_modules_and_build_output(tmp_path: Path) -> None:
    for folder in (".git", "node_modules", "build", "dist", ".venv", "custom-env"):
        write(tmp_path, f"{folder}/draft.md", "A hooker.\n")
    (tmp_path / "custom-env" / "pyvenv.cfg").write_text("home = /usr\n")
    write(tmp_path, "docs/page.markdown", "A hooker.\n")
    write(tmp_path, "docs/notes.rst", "A hooker.\n")
    write(tmp_path, "docs/script.py", "# A hooker.\n")
    out = run(str(tmp_path), "--format", "concise").output
    paths = sorted(line.split(":")[0] for line in out.splitlines())
    assert paths == [str(tmp_path / "docs" / "notes.rst"), str(tmp_path / "docs" / "page.markdown")]


def test_walk_respects_gitignore_in_a_work_tree(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, ".gitignore", "drafts/private/\nscratch.md\n")
    write(tmp_path, "drafts/private/a.md", "A hooker.\n")
    write(tmp_path, "scratch.md", "A hooker.\n")
    kept = write(tmp_path, "drafts/public.md", "A hooker.\n")
    out = run(str(tmp_path), "--format", "concise").output
    assert [line.split(":")[0] for line in out.splitlines()] == [str(kept)]


def test_explicit_file_is_checked_even_if_its_extension_is_unknown(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.draft", "A hooker.\n")
    assert "sex-work/hooker" in run(str(path), "--format", "concise").output


def test_no_path_checks_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.md", "A hooker.\n")
    here = tmp_path / "here"
    here.mkdir()
    write(here, "b.md", "A john.\n")
    monkeypatch.chdir(here)
    result = CliRunner().invoke(main, ["check", "--format", "concise"])
    assert result.output.startswith("b.md:1:3: warning sex-work/john")
    assert "hooker" not in result.output


def test_output_is_sorted_and_deterministic(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "A hooker. A john.\n")
    write(tmp_path, "a.md", "Line one.\n\nA john and a hooker.\n")
    first = run(str(tmp_path), "--format", "json").output
    assert first == run(str(tmp_path), "--format", "json").output
    keys = [(f["path"], f["line"], f["column"]) for f in json.loads(first)["findings"]]
    assert keys == sorted(keys)


def test_python_m_and_no_color_env(tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", "A hooker.\n")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert "sex-work/hooker" in proc.stdout
    assert "\x1b[" not in proc.stdout


def test_the_command_ends_with_everything_written(tmp_path: Path) -> None:
    # the installed command leaves without tearing the interpreter down: what it printed
    # must all be there, with the status main() gives, however long the report
    path = write(tmp_path, "d.md", "Addicts and prostitutes met the johns.\n" * 2000)
    command = [sys.executable, "-m", "respectful_lint", "check", "--format", "json", str(path)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stdout == run(str(path), "--format", "json").output
    assert len(json.loads(proc.stdout)["findings"]) == 6000
    missing = subprocess.run([*command[:4], str(tmp_path / "none.md")], capture_output=True)
    assert missing.returncode == 2
    assert b"no such file" in missing.stderr
    script = (
        "import sys; sys.argv[1:] = ['--version']; import respectful_lint.cli as c; c.console()"
    )
    version = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (version.returncode, version.stdout.startswith("respectful-lint, version")) == (0, True)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path, fmt: str) -> None:
    # "respectful-lint check docs | head": the report is cut short, without a bug report
    path = write(tmp_path, "d.md", "Addicts and prostitutes met the johns.\n" * 3000)
    command = [sys.executable, "-m", "respectful_lint", "check", "--format", fmt, str(path)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the report is written
    error = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert error == ""


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert "respectful-lint" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--jobs", "0", "x.md"], "Invalid value for '--jobs' / '-j': 0 is not in the"),
        (["chek", "x.md"], "No such command 'chek'."),
        (["explain"], "Missing argument 'RULE-ID'."),
        (["--bogus"], "No such option '--bogus'."),  # the top level's own options too
    ],
)
def test_a_usage_error_is_one_line_with_exit_two(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="respectful-lint")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"respectful-lint: error: {message}")
    assert line.endswith("--help')")


def test_a_group_given_no_command_shows_its_help() -> None:
    result = CliRunner().invoke(main, ["lexicon"], prog_name="respectful-lint")
    assert result.output.startswith("Usage: respectful-lint lexicon [OPTIONS] COMMAND")
    assert "respectful-lint: error" not in result.output


def test_an_interrupted_run_exits_130(tmp_path: Path) -> None:
    import signal
    import time

    draft = write(tmp_path, "big.txt", "The prostitute met an addict at the clinic. " * 60_000)
    command = ["check", "--isolated", "--max-findings", "0", str(draft)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "respectful_lint", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().endswith("respectful-lint: interrupted")


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_an_interrupt_stops_every_worker_at_once(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: the run stops without reading the files left
    (reading them all takes a minute or more) and without a traceback from any worker."""
    import signal
    import time

    for i in range(150):
        write(tmp_path, f"d{i}.txt", "The prostitute met an addict at the clinic. " * 4000)
    command = ["check", "--isolated", "--jobs", "2", "--max-findings", "0", str(tmp_path)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "respectful_lint", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(2)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert proc.returncode == 130
    assert err.strip() == "respectful-lint: interrupted"
