"""Hostile input gets one clear line (file, line, key), exit 2, and the rest of the run goes on.

Every input here is generated small; none of them may end in a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from respectful_lint.cli import main

DIGITS = "9" * 5000
SLUR = "A hooker.\n"


def check(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--format", "concise", *args], input=input)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_error(result: Result) -> str:
    """The single error line of a run that exited 2 without a traceback."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert result.stderr.strip() == errors[0], "more than one line"
    return errors[0]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("page.html", f"<p>Hello &#{DIGITS}; there</p>\n", "page.html:1:10:"),
        ("attr.html", f'<p>\n<img alt="&#{DIGITS};"></p>\n', "attr.html:2:11:"),
        ("notes.md", f"Intro.\n\n<div>&#{DIGITS};</div>\n", "notes.md:3:6:"),
        (
            "form.json",
            f'{{"form": {{"intro": "<p>Welcome, friend &#{DIGITS}; and all.</p>"}}}}\n',
            "form.json:1:40:",
        ),
        ("form.yaml", f'intro: "<p>Welcome, friend &#{DIGITS}; and all.</p>"\n', "form.yaml:1:28:"),
    ],
)
def test_a_huge_character_reference_is_refused(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    path = write(tmp_path, name, text)
    other = write(tmp_path, "other.md", SLUR)
    result = check(str(path), str(other))
    line = one_error(result)
    assert f"error: {tmp_path / where}" in line
    assert "refused: character reference with more than 4,300 digits" in line
    assert "sex-work/hooker" in result.stdout  # the rest of the run went on
    if name.endswith(".json"):
        assert line.endswith("at form.intro")
    if name.endswith(".yaml"):
        assert line.endswith("at intro")


def test_a_huge_character_reference_on_stdin_is_refused() -> None:
    result = check("--stdin-filename", "page.html", "-", input=f"<p>&#{DIGITS};</p>".encode())
    assert "error: page.html:1:4: refused: character reference" in one_error(result)


def test_a_huge_json_integer_is_refused_with_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, "data.json", f'{{"count": [1, {DIGITS}], "label": "ok"}}\n')
    line = one_error(check(str(path)))
    assert line.endswith(f"{path}:1:15: refused: integer with more than 4,300 digits at count[1]")


def test_a_long_json_float_is_read() -> None:
    text = f'{{"ratio": 0.{DIGITS}, "label": "A hooker came."}}'
    result = check("--stdin-filename", "data.json", "-", input=text.encode())
    assert result.exit_code == 1 and "sex-work/hooker" in result.stdout


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (DIGITS, "more than 4,300 digits"),
        ("2024-13-45", "month must be in 1..12"),
        ("<<", "YAML merge keys ('<<') are not read: write the keys out, or use an alias"),
    ],
)
def test_a_bad_yaml_value_in_a_config_names_file_line_and_key(
    tmp_path: Path, value: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, ".respectful-lint.yaml", f"explain: true\nselect: [sex-work, {value}]\n")
    write(tmp_path, "a.md", SLUR)
    monkeypatch.chdir(tmp_path)
    line = one_error(check("a.md"))
    assert line.startswith("respectful-lint: error: .respectful-lint.yaml:2:20: invalid value")
    assert "at select[1]" in line and line.endswith(reason)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (DIGITS, "more than 4,300 digits"),
        ("2024-13-45", "day is out of range for month"),
        ("!!python/name:os.system x", "the tag 'python/name:os.system' is not read"),
    ],
)
def test_a_bad_yaml_value_in_a_lexicon_names_file_line_and_key(
    tmp_path: Path, value: str, reason: str
) -> None:
    lexicon = write(tmp_path, "house.yaml", f"lexicon: house\nversion: {value}\n")
    line = one_error(check("--lexicon", str(lexicon), str(write(tmp_path, "a.md", SLUR))))
    assert f"{lexicon}:2:10: invalid value at version" in line
    assert line.endswith(reason) or "month must be in 1..12" in line


def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_a_config_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, ".respectful-lint.yaml", _bomb())
    write(tmp_path, "a.md", SLUR)
    monkeypatch.chdir(tmp_path / ".")
    line = one_error(check("a.md"))
    assert ".respectful-lint.yaml:7:5: refused: YAML aliases expand to more than 200,000" in line


def test_a_yaml_alias_bomb_in_a_lexicon_is_refused(tmp_path: Path) -> None:
    lexicon = write(tmp_path, "house.yaml", "lexicon: house\n" + _bomb())
    line = one_error(check("--lexicon", str(lexicon), str(write(tmp_path, "a.md", SLUR))))
    assert "refused: YAML aliases expand to more than 200,000 values" in line


def test_a_self_containing_yaml_alias_is_refused(tmp_path: Path) -> None:
    lexicon = write(tmp_path, "house.yaml", "lexicon: house\nloop: &a [1, *a]\n")
    line = one_error(check("--lexicon", str(lexicon), str(write(tmp_path, "a.md", SLUR))))
    assert f"{lexicon}:2:7: refused: a YAML alias that contains itself" in line


def test_a_yaml_alias_bomb_in_a_checked_yaml_file_reads_each_value_once(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.yaml", _bomb().replace('"lol"', '"A hooker came."'))
    result = check(str(path))
    assert result.exit_code == 1
    assert result.stdout.count("sex-work/hooker") == 1


def test_a_huge_toml_integer_names_the_key(tmp_path: Path) -> None:
    config = write(tmp_path, "settings.toml", f'explain = true\nselect = ["a", {DIGITS}]\n')
    line = one_error(check("--config", str(config), str(write(tmp_path, "a.md", SLUR))))
    assert line.endswith(f"{config}:2:16: refused: integer with more than 4,300 digits at select")


def test_a_deeply_nested_toml_array_is_refused(tmp_path: Path) -> None:
    config = write(tmp_path, "pyproject.toml", "[tool.respectful-lint]\nselect = ")
    with config.open("a", encoding="utf-8") as fh:
        fh.write("[" * 100_000 + "]" * 100_000 + "\n")
    draft = write(tmp_path, "a.md", SLUR)
    line = one_error(check("--config", str(config), str(draft)))
    assert f"{config}:2:109: refused: TOML nested too deeply" in line


def test_a_deeply_nested_yaml_config_is_refused(tmp_path: Path) -> None:
    config = write(tmp_path, "c.yaml", "select: " + "[" * 100_000 + "]" * 100_000 + "\n")
    line = one_error(check("--config", str(config), str(write(tmp_path, "a.md", SLUR))))
    assert str(config) in line and "nest" in line


# --- the last line of defence ------------------------------------------------------------------


@pytest.fixture
def broken_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    from respectful_lint.readers.text import TextReader

    def read(self: object, text: str, path: str) -> object:
        raise RuntimeError("the reader fell over\nwith a second line")

    monkeypatch.setattr(TextReader, "read", read)


def test_an_unexpected_exception_is_one_line_naming_the_file_and_exits_3(
    tmp_path: Path, broken_reader: None
) -> None:
    path = write(tmp_path, "a.txt", SLUR)
    result = check(str(path))
    assert result.exit_code == 3
    assert result.stderr == (
        f"respectful-lint: internal error while checking {path}: RuntimeError: the reader fell "
        "over. This is a bug in respectful-lint: please report it with this message; --debug "
        "shows the traceback.\n"
    )


def test_debug_shows_the_traceback(tmp_path: Path, broken_reader: None) -> None:
    path = write(tmp_path, "a.txt", SLUR)
    for args in (["check", "--debug"], ["--debug", "check"]):
        result = CliRunner().invoke(main, [*args, str(path)])
        assert result.exit_code == 3
        assert result.stderr.startswith("Traceback (most recent call last):")
        assert "RuntimeError: the reader fell over" in result.stderr
        assert result.stderr.splitlines()[-1].startswith("respectful-lint: internal error")


def test_an_internal_error_outside_a_file_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from respectful_lint import runner

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("nowhere")

    monkeypatch.setattr(runner, "load_rules", broken)
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 3
    assert result.stderr.startswith("respectful-lint: internal error: KeyError: 'nowhere'.")


def test_a_specific_error_is_never_turned_into_an_internal_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"
    result = check(str(missing))
    assert result.exit_code == 2
    assert "internal error" not in result.stderr


def test_an_internal_error_in_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", SLUR)
    code = (
        "import sys\n"
        "from respectful_lint.readers.text import TextReader\n"
        "def read(self, text, path):\n"
        "    raise ValueError('bad')\n"
        "TextReader.read = read\n"
        "from respectful_lint.cli import main\n"
        "main(['check', sys.argv[1]], prog_name='respectful-lint')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "RESPECTFUL_LINT_DEBUG"}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert f"internal error while checking {path}: ValueError: bad." in proc.stderr


# --- user-written expressions ------------------------------------------------------------------

WHEN_ENTRY = """\
  - id: case-file
    terms: [case file]
    preferred:
      - {text: client record, when: "WHEN"}
    severity: warning
    category: house-style
    note: We say client record.
    sources: [house]
    examples:
      flag: [Open the case file.]
      pass: [Open the client record.]
"""


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("(a+)+$", "'when' pattern can hang: a repeated group contains another unbounded repeat"),
        ("(.*a){12}x", "'when' pattern can hang: it took over 0.2s on a 2 KB test string"),
        ("(unclosed", "'when' is not a valid regular expression: missing )"),
    ],
)
def test_a_when_expression_gets_the_pattern_checks(tmp_path: Path, when: str, message: str) -> None:
    from _house import HEADER

    lexicon = write(tmp_path, "house.yaml", HEADER + WHEN_ENTRY.replace("WHEN", when))
    line = one_error(check("--lexicon", str(lexicon), str(write(tmp_path, "a.md", SLUR))))
    assert f"{lexicon}:11:37: {message}" in line


def test_a_when_expression_that_runs_too_long_stops_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint import wording
    from respectful_lint.errors import PatternTimeout

    monkeypatch.setattr(wording, "PATTERN_TIMEOUT", 0.01)
    with pytest.raises(PatternTimeout, match=r"'when' pattern .* took over 0\.01s"):
        wording._when("(.*a){12}x", "a" * 300)


SLOW_PATTERN = """\
  - id: slow
    kind: pattern
    pattern: '(\\w*a){12}z'
    preferred: [x]
    severity: warning
    category: house-style
    note: A pattern that backtracks on long runs of one letter.
"""


def test_a_pattern_that_runs_too_long_on_one_file_stops_only_that_file(tmp_path: Path) -> None:
    from _house import HEADER

    lexicon = write(tmp_path, "house.yaml", HEADER + SLOW_PATTERN)
    write(tmp_path, "docs/a.txt", SLUR)
    write(tmp_path, "docs/b.txt", "a" * 3000 + " " + " ".join(["a" * 30] * 80) + "\n")
    write(tmp_path, "docs/c.txt", SLUR)
    result = check("--no-cache", "--lexicon", str(lexicon), str(tmp_path / "docs"))
    assert result.exit_code == 2
    # the other files are checked and reported
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        str(tmp_path / "docs" / "a.txt"),
        str(tmp_path / "docs" / "c.txt"),
    ]
    [line] = result.stderr.strip().splitlines()
    assert line == (
        f"respectful-lint: error: {tmp_path / 'docs' / 'b.txt'}: rule 'house/slow' "
        f"({lexicon}:8): pattern took over 1.0s on one paragraph; the rest of the file was "
        "not checked"
    )


# --- Word documents ----------------------------------------------------------------------------


def test_a_docx_with_too_many_elements_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _docx import package, para
    from respectful_lint.readers import docx

    monkeypatch.setattr(docx, "MAX_ELEMENTS", 1_000)
    path = tmp_path / "many.docx"
    path.write_bytes(package(para("A hooker.") + "<w:p/>" * 2_000))
    small = tmp_path / "small.docx"
    small.write_bytes(package(para("A hooker.") + "<w:p/>" * 100))
    result = check(str(path), str(small))
    line = one_error(result)
    assert line.endswith(
        f"{path}: refused word/document.xml: more than 1,000 XML elements; this looks like a "
        "decompression bomb"
    )
    assert f"{small}:1:3:" in result.stdout


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        # expat scans a token again with each chunk: a long one takes time as its square
        ("<!--" + "a" * 300_000 + "-->", "an XML token longer than 0.191 MB"),
        ("<w:p><w:r><w:t>" + "a" * 300_000 + "</w:t></w:r></w:p>", "an XML token longer"),
        # each open paragraph is held until it ends
        ("<w:p>" * 200 + "</w:p>" * 200, "paragraphs nested more than 100 deep"),
    ],
)
def test_a_docx_with_a_huge_token_or_deep_paragraphs_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reason: str
) -> None:
    from _docx import package, para
    from respectful_lint.readers import docx

    monkeypatch.setattr(docx, "MAX_TOKEN", 200_000)
    path = tmp_path / "hostile.docx"
    path.write_bytes(package(para("A hooker.") + body))
    small = tmp_path / "small.docx"
    small.write_bytes(package(para("A hooker.") + "<w:p/>" * 100))
    result = check(str(path), str(small))
    line = one_error(result)
    assert f"{path}: refused word/document.xml: {reason}" in line
    assert f"{small}:1:3:" in result.stdout


def test_docx_paragraphs_are_handed_on_as_they_end() -> None:
    from _docx import package, para
    from respectful_lint.readers.docx import read_paragraphs

    # A text box paragraph nested in a body paragraph comes after it, in reading order.
    box = "<w:r><w:pict><w:txbxContent>" + para("inside") + "</w:txbxContent></w:pict></w:r>"
    body = para("first") + "<w:p><w:r><w:t>outer</w:t></w:r>" + box + "</w:p>" + "<w:p/>" * 50_000
    paragraphs = read_paragraphs(package(body), "d.docx")
    first = next(paragraphs)  # yielded before the rest of the part is parsed
    assert first.text() == "first"
    assert [p.text() for p in (next(paragraphs), next(paragraphs))] == ["outer", "inside"]
    assert sum(1 for _ in paragraphs) == 50_000


# --- Markdown that was read only in part -------------------------------------------------------


def test_a_nul_after_the_first_8_kb_of_a_paragraph_loses_no_finding(tmp_path: Path) -> None:
    padding = "The clinic opens at nine on weekdays. " * 250  # 9,500 characters
    text = f"Intro.\n\n{padding}A hooker\0 came, then a john.\n"
    path = tmp_path / "nul.md"
    path.write_bytes(text.encode())
    result = check(str(path))
    column = len(padding) + 3
    assert result.stdout.splitlines() == [
        f'{path}:3:{column}: error sex-work/hooker Avoid "hooker"; use "sex worker"',
        f'{path}:3:{column + 21}: warning sex-work/john Avoid "john"; use "client"',
    ]


def test_block_quotes_nested_30_deep_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.md", "Intro.\n\n" + "> " * 30 + "A hooker.\n")
    result = check(str(path))
    assert result.exit_code == 0  # quoted speech is a suggestion
    assert result.stdout.startswith(f"{path}:3:63: suggestion sex-work/hooker")


def test_nesting_past_the_limit_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.md", "Intro.\n\n" + "> " * 120 + "A hooker.\n\nThen a john.\n")
    result = check(str(path))
    assert one_error(result).endswith(
        f"{path}:3: skipped: block quotes or lists nested 100 or more levels deep are not read"
    )
    assert result.stdout.startswith(f"{path}:5:8: warning sex-work/john")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("option", ["--lexicon", "--config", "--baseline"])
def test_a_pipe_or_device_named_as_a_settings_file_is_refused(tmp_path: Path, option: str) -> None:
    # a named pipe would wait for a writer forever, and /dev/zero never ends
    draft = write(tmp_path, "d.txt", SLUR)
    pipe = tmp_path / "settings.yaml"
    os.mkfifo(pipe)
    for path, kind in ((str(pipe), "a named pipe"), (os.devnull, "a device")):
        line = one_error(check(option, path, str(draft)))
        assert f"{path}: cannot read" in line
        assert f"{kind}, not a regular file" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_device_listed_as_a_lexicon_in_a_config_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, ".respectful-lint.yaml", f"lexicons: [{os.devnull}]\n")
    draft = write(tmp_path, "d.txt", SLUR)
    monkeypatch.chdir(tmp_path)
    assert "a device, not a regular file" in one_error(check(str(draft)))


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('{"findings":' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
        ('{"findings": [{"count": ' + DIGITS + "}]}", "a number of over 4,300 digits"),
    ],
)
def test_a_hostile_baseline_is_one_clear_error(tmp_path: Path, body: str, problem: str) -> None:
    baseline = write(tmp_path, "baseline.json", body)
    draft = write(tmp_path, "d.txt", SLUR)
    line = one_error(check("--baseline", str(baseline), str(draft)))
    assert line.endswith(f"{baseline}: invalid baseline JSON: {problem}")


def test_a_large_lexicon_without_aliases_is_not_taken_for_an_alias_bomb(tmp_path: Path) -> None:
    # 15,000 entries make over 200,000 YAML values, none of them from an alias
    entries = "".join(
        f"  - {{id: e{i}, terms: [word{i}], preferred: [o{i}], severity: warning, "
        f"category: h, note: n, sources: [s]}}\n"
        for i in range(15_000)
    )
    lexicon = write(
        tmp_path,
        "big.yaml",
        "lexicon: big\nversion: 1\nlanguage: en\ndescription: d\n"
        'sources:\n  s: {title: S, year: 2024, url: "https://example.org"}\nentries:\n' + entries,
    )
    draft = write(tmp_path, "d.txt", "A word14999 here.\n")
    result = check("--no-cache", "--lexicon", str(lexicon), str(draft))
    assert "aliases" not in result.stderr
    assert "big/e14999" in result.stdout
