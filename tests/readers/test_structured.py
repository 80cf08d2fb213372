"""JSON and YAML string files: string values only, key paths, exact positions through escapes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from respectful_lint import lint_text
from respectful_lint.cli import main

Row = tuple[int, int, int, int, str, str | None]


def found(text: str, kind: str) -> list[Row]:
    return [
        (f.line, f.column, f.end_line, f.end_column, f.matched, f.location and f.location.key)
        for f in lint_text(text, kind=kind, select=["sex-work", "child-exploitation"])
    ]


def test_json_positions_through_escapes_crlf_emoji_and_combining_marks() -> None:
    text = (
        '{\r\n  "form": {"fields": [\r\n    {"label": "x"}, {"label": "y"}, {"label": "z"},\r\n'
        '    {"label": "\\ud83d\\ude00 Cafe\\u0301\\t\\"A hooker\\u2019s\\" van\\nchild\\n'
        'prostitute", "hooker": 1}\r\n  ]}\r\n}\r\n'
    )
    assert found(text, "json") == [
        (4, 45, 4, 58, "hooker\\u2019s", "form.fields[3].label"),
        (4, 66, 4, 83, "child\\nprostitute", "form.fields[3].label"),
    ]


def test_keys_urls_paths_identifiers_and_code_are_not_linted() -> None:
    text = json.dumps(
        {
            "hooker": "fine",
            "id": "hooker",
            "links": ["https://example.org/hooker", "www.hooker.example", "hooker@example.org"],
            "paths": ["/srv/hooker/index.html", "./hooker.md", "icons\\\\hooker.png"],
            "identifiers": ["hooker_count", "hookerCount", "status.hooker", "HOOKER_ROLE"],
            "code": ["if (hooker) { go(); }", "x => hooker", "SELECT hooker FROM t"],
            "prose": ["Hooker", "A hooker {name} came by", "Prostitute?"],
        }
    )
    assert [row[4] for row in found(text, "json")] == ["Hooker", "hooker", "Prostitute"]


def test_html_inside_a_string_goes_through_the_html_reader() -> None:
    text = '{"body": "<p>Any <em>child</em> prostitute &amp; <code>hooker</code></p>"}'
    assert found(text, "json") == [
        (1, 22, 1, 43, "child</em> prostitute", "body"),
    ]


def test_yaml_positions_through_quotes_escapes_and_folding() -> None:
    text = (
        "form:\r\n"
        "  fields:\r\n"
        '    - label: "A hooker\\u2019s \\"van\\""\r\n'
        "    - label: 'the ''hooker'' said'\r\n"
        "    - help: A child\r\n"
        "        prostitute, plain and folded\r\n"
        "    - help: |\r\n"
        "        Literal\r\n"
        "          hooker lines\r\n"
        "    - help: >-\r\n"
        "        Folded child\r\n"
        "        prostitute\r\n"
        '    - "key hooker": "escaped \\\r\n'
        '        line \\x41 hooker"\r\n'
        "    - {id: hooker, count: 3, ok: true}\r\n"
    )
    assert found(text, "yaml") == [
        (3, 17, 3, 30, "hooker\\u2019s", "form.fields[0].label"),
        (4, 21, 4, 27, "hooker", "form.fields[1].label"),
        (5, 15, 6, 19, "child\r\n        prostitute", "form.fields[2].help"),
        (9, 11, 9, 17, "hooker", "form.fields[3].help"),
        (11, 16, 12, 19, "child\r\n        prostitute", "form.fields[4].help"),
        (14, 19, 14, 25, "hooker", 'form.fields[5]["key hooker"]'),
    ]


def test_yaml_positions_after_an_anchor_or_a_tag(tmp_path: Path) -> None:
    text = 'a: &x a hooker\nb: *x\nc: !!str "the hooker"\nd: &y\n  a hooker here\n'
    assert found(text, "yaml") == [
        (1, 9, 1, 15, "hooker", "a"),
        (3, 15, 3, 21, "hooker", "c"),
        (5, 5, 5, 11, "hooker", "d"),
    ]
    # the fix changes the words, not the anchor the alias names
    draft = tmp_path / "strings.yaml"
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", str(draft)])
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == text.replace("hooker", "sex worker")


def test_invalid_files_give_a_positioned_one_line_error(tmp_path: Path) -> None:
    bad_json = tmp_path / "strings.json"
    bad_json.write_text('{"a": "hooker",\n  "b": }\n', encoding="utf-8")
    bad_yaml = tmp_path / "strings.yaml"
    bad_yaml.write_text("a: [hooker\nb: 'x\n", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bad_json), str(bad_yaml), str(deep)])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors[0] == f"respectful-lint: error: {bad_json}:2:8: invalid JSON: Expecting value"
    assert errors[1].startswith(f"respectful-lint: error: {bad_yaml}:2:")
    assert errors[2] == f"respectful-lint: error: {deep}: refused: JSON nested too deeply"


def test_json_and_yaml_are_read_only_when_named(tmp_path: Path) -> None:
    for name in ("strings.json", "strings.yaml", "strings.yml"):
        (tmp_path / name).write_text('{"label": "A hooker"}\n', encoding="utf-8")
    walked = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert walked.exit_code == 0
    assert "No findings in 0 files." in walked.output
    named = CliRunner().invoke(
        main, ["check", str(tmp_path / "strings.json"), "--no-color", "--no-explain"]
    )
    assert named.exit_code == 1
    assert named.output.splitlines()[:5] == [
        f'{tmp_path / "strings.json"}:1:14: error sex-work/hooker Avoid "hooker"; use "sex worker"',
        ' 1 | {"label": "A hooker"}',
        "   |              ^^^^^^",
        "   = key: label",
        "   = use: sex worker",
    ]
    as_json = CliRunner().invoke(main, ["check", str(tmp_path / "strings.yml"), "--format", "json"])
    assert json.loads(as_json.output)["findings"][0]["location"] == {"key": "label"}


def test_interface_strings_example() -> None:
    root = Path(__file__).resolve().parents[2]
    result = CliRunner().invoke(
        main, ["check", str(root / "examples" / "interface-strings.json"), "--format", "json"]
    )
    keys = [f["location"]["key"] for f in json.loads(result.output)["findings"]]
    assert keys == ["form.fields[3].label", "form.fields[3].help"]


def test_conflation_findings_name_their_key_like_term_findings() -> None:
    text = '{"hero": {"title": "Prostitution, i.e. trafficking, harms our town."}}'
    findings = lint_text(text, kind="json", path="strings.json")
    by_rule = {f.rule: f for f in findings}
    assert "conflation/gloss" in by_rule
    assert all(f.location is not None and f.location.key == "hero.title" for f in findings)
    assert by_rule["conflation/gloss"].matched == "Prostitution, i.e. trafficking"


def test_values_nested_more_than_a_hundred_deep_are_refused(tmp_path: Path) -> None:
    # each value carries its key path, so a deep file cost its depth for every value
    fine = tmp_path / "fine.json"
    fine.write_text("[" * 100 + '"a hooker"' + "]" * 100, encoding="utf-8")
    deep_json = tmp_path / "deep.json"
    deep_json.write_text('{"a": ' + "[" * 100 + '"x"' + "]" * 100 + "}", encoding="utf-8")
    deep_yaml = tmp_path / "deep.yaml"
    deep_yaml.write_text("a:\n  b: " + "[" * 99 + "x" + "]" * 99 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(fine), str(deep_json), str(deep_yaml)])
    assert result.exit_code == 2
    assert "fine.json:1:104: error sex-work/hooker" in result.output  # still checked
    errors = result.stderr.splitlines()
    assert errors[0].startswith(
        f"respectful-lint: error: {deep_json}:1:106: refused: nested more than 100 deep at a[0]"
    )
    assert errors[1].startswith(
        f"respectful-lint: error: {deep_yaml}:2:104: refused: nested more than 100 deep at a.b[0]"
    )
