"""Bad lexicons: one clear ``file:line:col: message`` line naming the key, and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from _house import HEADER
from respectful_lint.cli import main

GOOD_ENTRY = """\
  - id: case-file
    terms: [case file]
    preferred: [client record]
    severity: warning
    category: house-style
    note: We say client record.
    sources: [house]
    examples:
      flag: [Open the case file.]
      pass: [Open the client record.]
"""


def check(tmp_path: Path, text: str) -> tuple[int, str]:
    lexicon = tmp_path / "house.yaml"
    lexicon.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Open the case file.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(lexicon), str(draft)])
    return result.exit_code, result.stderr.strip()


def test_a_valid_lexicon_loads(tmp_path: Path) -> None:
    code, err = check(tmp_path, HEADER + GOOD_ENTRY)
    assert (code, err) == (1, "")


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            HEADER + GOOD_ENTRY.replace("    severity:", "    sevrity:"),
            "11:5",
            "unknown key 'sevrity' in entry 'case-file' (did you mean 'severity'?)",
        ),
        (
            HEADER + GOOD_ENTRY.replace("severity: warning", "severity: high"),
            "11:15",
            "'severity' must be one of error, warning, suggestion, got 'high'",
        ),
        (
            HEADER + GOOD_ENTRY.replace("terms: [case file]", "terms: 42"),
            "9:12",
            "'terms' must be a list of strings, got int 42",
        ),
        (
            HEADER + GOOD_ENTRY + GOOD_ENTRY,
            "18:9",
            "duplicate entry id 'case-file' (first defined on line 8)",
        ),
        (
            HEADER + GOOD_ENTRY.replace("sources: [house]", "sources: [hous]"),
            "14:15",
            "source key 'hous' is not defined in 'sources' (did you mean 'house'?)",
        ),
        (
            HEADER
            + GOOD_ENTRY.replace(
                "  - id: case-file\n    terms: [case file]",
                "  - id: case-file\n    kind: pattern\n    pattern: 'case (file'",
            ),
            "10:14",
            "'pattern' of entry 'case-file': pattern does not compile: missing )",
        ),
        (
            HEADER
            + GOOD_ENTRY.replace(
                "  - id: case-file\n    terms: [case file]",
                "  - id: case-file\n    kind: pattern\n    pattern: '(a+)+b'",
            ),
            "10:14",
            "'pattern' of entry 'case-file': pattern can hang",
        ),
        (
            HEADER + GOOD_ENTRY.replace("    note: We say client record.\n", ""),
            "8:5",
            "missing required key 'note' in entry 'case-file'",
        ),
        (
            HEADER + GOOD_ENTRY + "  - [not, a, mapping]\n",
            "18:5",
            "entry 1 must be a mapping, got a list",
        ),
        (
            HEADER.replace("version: 1", "version: one") + GOOD_ENTRY,
            "2:10",
            "'version' must be an integer, got string 'one'",
        ),
        (
            HEADER
            + GOOD_ENTRY.replace(
                "severity: warning",
                "severity: warning\n    guards:\n      - {after: [shelter], reasn: adjective}",
            ),
            "13:28",
            "unknown key 'reasn' in a guard (did you mean 'reason'?)",
        ),
        (
            HEADER + GOOD_ENTRY.replace("    note:", "    note: x\n    note:"),
            "14:5",
            "duplicate key 'note'",
        ),
        (
            HEADER.replace("version: 1", "version: 99") + GOOD_ENTRY,
            "2:10",
            "unknown lexicon format version 99: 1 is read",
        ),
        (
            HEADER.replace("entries:", "disable: [sex-work/hookr]\nentries:") + GOOD_ENTRY,
            "7:1",
            "disable: no loaded lexicon has the rule 'sex-work/hookr' (did you mean "
            "'sex-work/hooker'?)",
        ),
        (
            # every space or "~" multiplies the forms: a long phrase would fill the memory
            HEADER + GOOD_ENTRY.replace("[case file]", "[" + "~".join(["w"] * 30) + "]"),
            "9:13",
            "has 30 words; a phrase may have at most 8",
        ),
        (
            HEADER
            + GOOD_ENTRY.replace(
                "terms: [case file]", "terms: [case file]\n    forms: ['a b c d e f g h i']"
            ),
            "10:13",
            "'forms': 'a b c d e f g h i' has 9 words",
        ),
        ("lexicon: house\nentries: [\n", "3:1", "invalid YAML"),
        ("", "1:1", "the lexicon file is empty"),
    ],
)
def test_validation_errors_name_file_line_column_and_key(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    code, err = check(tmp_path, text)
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"respectful-lint: error: {tmp_path / 'house.yaml'}:{where}: "), err
    assert message in err


def test_missing_lexicon_path(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Text.\n")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(tmp_path / "nope"), str(draft)])
    assert result.exit_code == 2
    assert "nope: no such lexicon file or folder" in result.stderr
