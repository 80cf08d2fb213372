"""Inline suppressions in each format, per-file-ignores by key path, and unused suppressions."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import jsonschema
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint import suppression
from respectful_lint.cli import main
from respectful_lint.engine import lint_document
from respectful_lint.readers.markdown import MarkdownReader
from respectful_lint.runner import prepare

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--format", "concise", *args])


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def found(result: Result) -> list[tuple[int, str]]:
    """(line, rule) of each finding in concise output."""
    out = []
    for line in result.stdout.splitlines():
        _, number, _, rest = _split(line)
        out.append((int(number), rest.split()[1]))
    return out


def _split(line: str) -> tuple[str, str, str, str]:
    path, number, column, rest = line.split(":", 3)
    return path, number, column, rest


MARKDOWN = """\
# Outreach notes

<!-- respectful-lint-disable sex-work/hooker, sex-work/john -->
A hooker and a john, quoted from the 1970 report.
<!-- respectful-lint-enable sex-work/hooker, sex-work/john -->

A hooker again.

<!-- respectful-lint-disable-next-line sex-work/prostitute -->
Two prostitutes, in the title of the film.
Two prostitutes, in our own words.

A junkie, in the court record. <!-- respectful-lint-disable-line -->
A junkie, in our words. <!-- respectful-lint-disable-line sex-work -->

<!-- respectful-lint-disable -->
A hooker, a john and an addict.
<!-- respectful-lint-enable drug-use -->
A hooker and an addict.
<!-- respectful-lint-enable -->
The last hooker.
"""


def test_markdown_comments_disable_enable_next_line_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", MARKDOWN)
    result = run(str(path))
    assert result.exit_code == 1
    assert found(result) == [
        (7, "sex-work/hooker"),
        (11, "sex-work/prostitute"),
        (14, "drug-use/junkie"),
        (19, "drug-use/addict"),
        (21, "sex-work/hooker"),
    ]


def test_a_rest_next_line_comment_covers_the_next_line_of_text(tmp_path: Path) -> None:
    # a reST comment ends at a blank line: without one docutils warns, so people write it
    text = (
        "Para.\n\n"
        ".. respectful-lint-disable-next-line sex-work/hooker\n\n"
        "The hookers film.\n\n"
        "The hookers again.\n"
    )
    path = write(tmp_path, "notes.rst", text)
    result = run("--report-unused-suppressions", str(path))
    assert found(result) == [(7, "sex-work/hooker")]
    plain = write(tmp_path, "notes.txt", text)  # plain text: the very next line, as before
    assert found(run(str(plain))) == [(5, "sex-work/hooker"), (7, "sex-work/hooker")]


def test_a_directive_in_code_is_an_example_not_a_directive(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "docs.md",
        "```markdown\n<!-- respectful-lint-disable -->\n```\n\n"
        "Write `<!-- respectful-lint-disable -->` to turn rules off.\n\nA hooker.\n",
    )
    assert found(run(str(path))) == [(7, "sex-work/hooker")]


def test_html_comments(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "page.html",
        "<p>A hooker.</p>\n<!-- respectful-lint-disable-next-line -->\n<p>A john.</p>\n"
        "<p>An addict.</p>\n",
    )
    assert found(run(str(path))) == [(1, "sex-work/hooker"), (4, "drug-use/addict")]


def test_plain_text_and_rest_forms(tmp_path: Path) -> None:
    text = write(
        tmp_path,
        "notes.txt",
        "respectful-lint-disable-next-line sex-work/prostitute\n"
        "Two prostitutes, as the headline put it.\n"
        "A hooker, as the witness said. respectful-lint-disable-line\n"
        "# respectful-lint-disable drug-use\n"
        "A junkie.\n"
        "# respectful-lint-enable drug-use\n"
        "An addict.\n",
    )
    assert found(run(str(text))) == [(7, "drug-use/addict")]
    rest = write(
        tmp_path,
        "notes.rst",
        "Title\n=====\n\n.. respectful-lint-disable-next-line\n\nA hooker.\n\nA hooker.\n",
    )
    # a comment ends at a blank line: the next line of text is covered
    assert found(run(str(rest))) == [(8, "sex-work/hooker")]
    rest2 = write(
        tmp_path,
        "more.rst",
        ".. respectful-lint-disable sex-work\n\nA hooker.\n\n"
        ".. respectful-lint-enable\n\nA john.\n",
    )
    assert found(run(str(rest2))) == [(7, "sex-work/john")]


def test_yaml_comments(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "strings.yaml",
        "form:\n"
        "  title: A hooker's guide  # respectful-lint-disable-line sex-work/hooker\n"
        "  # respectful-lint-disable-next-line\n"
        "  help: Ask the john first.\n"
        "  note: Ask the john again.\n",
    )
    assert found(run(str(path))) == [(5, "sex-work/john")]


def test_json_key_paths_in_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".respectful-lint.yaml").write_text(
        'per-file-ignores:\n  "strings/*.json::form.fields[*].quote": [sex-work/john]\n'
        '  "strings/*.json::legal.**": [ALL]\n',
        encoding="utf-8",
    )
    strings = tmp_path / "strings"
    strings.mkdir()
    path = write(
        strings,
        "en.json",
        '{"form": {"fields": [{"quote": "The john said so", "label": "The john"},\n'
        '                     {"quote": "A hooker said so"}]},\n'
        ' "legal": {"terms": {"text": "A junkie"}}}\n',
    )
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--format",
            "concise",
            "--config",
            str(tmp_path / ".respectful-lint.yaml"),
            str(path),
        ],
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.output
    assert "sex-work/john" in lines[0] and ":1:" in lines[0]  # the label, not the quote
    assert "sex-work/hooker" in lines[1]  # another rule in a matching key


def test_bad_key_path_pattern_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text('per-file-ignores:\n  "::form": [ALL]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(config)])
    assert result.exit_code == 2
    assert "needs a file and a key path" in result.stderr


def test_word_comment_suppresses_the_text_it_is_anchored_to(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("The 1970 report: ")
    quoted = paragraph.add_run("the harbour hookers were moved on.")
    document.add_comment(quoted, text="respectful-lint-disable sex-work/hooker", author="Ed")
    document.add_paragraph("Our outreach for hookers starts at nine.")
    other = document.add_paragraph().add_run("A junkie, quoted.")
    document.add_comment(other, text="respectful-lint-disable sex-work -- quoted", author="Ed")
    plain = document.add_paragraph().add_run("A junkie.")
    document.add_comment(plain, text="Please check this paragraph.", author="Ed")
    buf = io.BytesIO()
    document.save(buf)
    path = tmp_path / "brief.docx"
    path.write_bytes(buf.getvalue())
    result = run(str(path), "--report-unused-suppressions")
    assert found(result) == [
        (2, "sex-work/hooker"),
        (3, "meta/unused-suppression"),  # it names sex-work; the paragraph has drug-use
        (3, "drug-use/junkie"),
        (4, "drug-use/junkie"),
    ]


def test_unused_and_unknown_suppressions_are_reported_when_asked(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "d.md",
        "<!-- respectful-lint-disable-next-line sex-work/hooker, sex-work/hookr -->\n"
        "A hooker.\n\n"
        "<!-- respectful-lint-disable-next-line drug-use -->\n"
        "Sex workers.\n\n"
        "Clean text. <!-- respectful-lint-disable-line -->\n",
    )
    assert run(str(path)).exit_code == 0
    result = run(str(path), "--report-unused-suppressions")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(" ", 3)[2] for line in lines] == ["meta/unused-suppression"] * 3
    assert "Unknown rule 'sex-work/hookr' in respectful-lint-disable-next-line" in lines[0]
    assert lines[0].startswith(f"{path}:1:6: warning")
    assert "respectful-lint-disable-next-line drug-use suppressed nothing" in lines[1]
    assert "respectful-lint-disable-line suppressed nothing" in lines[2]
    sarif = json.loads(run(str(path), "--report-unused-suppressions", "--format", "sarif").stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    (rule,) = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert (rule["id"], rule["properties"]["tags"]) == ("meta/unused-suppression", ["meta"])
    config = write(tmp_path, "cfg.yaml", "report-unused-suppressions: true\n")
    via_config = CliRunner().invoke(
        main, ["check", "--format", "concise", "--config", str(config), str(path)]
    )
    assert via_config.stdout == result.stdout
    off = CliRunner().invoke(
        main,
        ["check", "--config", str(config), "--no-report-unused-suppressions", str(path)],
    )
    assert off.exit_code == 0


def test_suppressions_work_from_a_real_process(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MARKDOWN)
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--format", "concise", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 5


LINES = st.lists(
    st.tuples(
        st.sampled_from(["A hooker came by.", "Sex workers came by.", "A junkie came by."]),
        st.sampled_from(["", " <!-- respectful-lint-disable-line -->", " <!-- x -->"]),
        st.booleans(),  # a disable-next-line comment before the line
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(LINES)
def test_line_suppressions_remove_exactly_the_covered_lines(
    lines: list[tuple[str, str, bool]],
) -> None:
    text: list[str] = []
    expected: list[int] = []
    for sentence, tail, before in lines:
        if before:
            text += ["<!-- respectful-lint-disable-next-line -->"]
        text += [sentence + tail, ""]
        if "Sex" not in sentence and not before and "disable" not in tail:
            expected.append(len(text) - 1)
    document = MarkdownReader().read("\n".join(text) + "\n", "d.md")
    kept = suppression.apply(document, lint_document(document, prepare()))
    assert [f.line for f in kept] == expected


def test_the_python_api_applies_suppressions_too() -> None:
    from respectful_lint import lint_text

    text = "A hooker. <!-- respectful-lint-disable-line -->\n\nA john.\n"
    assert [f.rule for f in lint_text(text)] == ["sex-work/john"]


def test_unused_suppression_warnings_are_selected_like_any_rule(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "d.md",
        "<!-- respectful-lint-disable-next-line drug-use -->\nSex workers and a hooker.\n",
    )
    reported = run(str(path), "--report-unused-suppressions")
    assert found(reported) == [(1, "meta/unused-suppression"), (2, "sex-work/hooker")]
    for ignored in ("meta", "meta/unused-suppression"):
        result = run(str(path), "--report-unused-suppressions", "--ignore", ignored)
        assert result.exit_code == 1, result.stderr
        assert found(result) == [(2, "sex-work/hooker")]
    chosen = run(str(path), "--report-unused-suppressions", "--select", "meta")
    assert found(chosen) == [(1, "meta/unused-suppression")]


def test_nested_disables_and_enables_of_named_rules(tmp_path: Path) -> None:
    text = (
        "<!-- respectful-lint-disable -->\n"
        "A hooker.\n"
        "<!-- respectful-lint-enable drug-use -->\n"
        "<!-- respectful-lint-disable -->\n"
        "An addict and a hooker.\n"  # the second disable covers the addict again
        "<!-- respectful-lint-enable sex-work/hooker -->\n"
        "A hooker, an addict and a junkie.\n"  # the hooker is back, drug-use is still off
        "<!-- respectful-lint-enable -->\n"
        "A junkie.\n"
    )
    result = run(str(write(tmp_path, "notes.md", text)))
    assert found(result) == [(7, "sex-work/hooker"), (9, "drug-use/junkie")]


def test_many_disables_and_enables_make_regions_linear_in_directives() -> None:
    # every enable names new rules: before, each reopened every open disable with a longer
    # list of exceptions (regions and their lists grew with the cube of the directives)
    parts = [
        f"<!-- respectful-lint-disable -->\n<!-- respectful-lint-enable r{i}a, r{i}b -->\n"
        for i in range(400)
    ]
    document = MarkdownReader().read("".join(parts) + "A hooker.\n", "notes.md")
    directives = suppression.find_directives(document)
    assert len(directives) == 800
    assert len(suppression.regions(document, directives)) == 400


def test_directives_naming_too_many_rules_are_not_read() -> None:
    # rule ids named by a file's directives are read up to a bound, like the directives
    names = ", ".join(f"r{i}" for i in range(100))
    line = f"<!-- respectful-lint-disable-next-line {names} -->\nA hooker.\n"
    count = suppression.MAX_NAMES // 100
    text = line * count + "<!-- respectful-lint-disable-next-line x -->\nA hooker.\n"
    document = MarkdownReader().read(text, "notes.md")
    directives = suppression.find_directives(document)
    assert len(directives) == count
    assert directives[-1].rules[0] == "r0"


def test_a_finding_across_a_later_disable_is_still_covered_by_an_earlier_one(
    tmp_path: Path,
) -> None:
    text = (
        "<!-- respectful-lint-disable -->\n\nThe illegal <!-- respectful-lint-disable --> alien.\n"
    )
    assert found(run(str(write(tmp_path, "notes.md", text)))) == []


def test_the_outer_of_two_disables_is_credited_and_the_inner_one_reported_unused(
    tmp_path: Path,
) -> None:
    text = "respectful-lint-disable\nA junkie.\nrespectful-lint-disable\nA junkie.\n"
    result = run("--report-unused-suppressions", str(write(tmp_path, "notes.txt", text)))
    assert found(result) == [(3, "meta/unused-suppression")]


def test_directives_in_fenced_code_are_examples_as_commonmark_reads_fences(
    tmp_path: Path,
) -> None:
    # "```x`" opens no fence (a backtick fence's info string holds no backtick), and a
    # "~~~ not a close" line does not close one
    text = (
        "```x` is three backticks\n<!-- respectful-lint-disable-next-line -->\nA junkie.\n\n"
        "~~~\ncode\n~~~ not a close\n<!-- respectful-lint-disable -->\n~~~\n\nA junkie here.\n"
    )
    assert found(run(str(write(tmp_path, "notes.md", text)))) == [(11, "drug-use/junkie")]
