"""Large files are decoded in chunks; what a user sees must not change."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from respectful_lint import reading, runner
from respectful_lint.lexicon import load_compiled
from respectful_lint.model import ChunkedText, line_starts
from respectful_lint.report import Report

LEXICON = load_compiled()
DRAFT = (
    "Outreach notes, week 3 \U0001f600\r\n"
    "The prostitutes we met asked about testing.\r\n\r\n"
    "A café volunteer said the junkie\r\nleft early; another hooker’s friend stayed.\n"
) * 40


def _report(path: Path) -> Report:
    return runner.run([str(path)], LEXICON)


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "LARGE_FILE", 100)
    monkeypatch.setattr(reading, "_CHUNK", 37)  # odd, so chunks split characters and CRLFs


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_chunked_reading_reports_what_whole_reading_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, bom: bytes
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(bom + DRAFT.encode(encoding))
    whole = _report(path)
    monkeypatch.setattr(reading, "LARGE_FILE", 100)
    monkeypatch.setattr(reading, "_CHUNK", 37)
    chunked = _report(path)
    assert isinstance(reading.read_text(str(path)), ChunkedText)
    assert chunked.findings == whole.findings
    assert chunked.lines == whole.lines
    assert len(whole.findings) == 120  # three terms in each of 40 copies


@pytest.mark.usefixtures("tiny_chunks")
def test_bad_bytes_deep_in_a_large_file_name_their_offset(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"plain text " * 20 + b"\xff" + b" more" * 10)
    report = _report(path)
    assert report.errors == [
        f"{path}: skipped: cannot decode byte 220 as UTF-8 (invalid start byte)"
    ]


@pytest.mark.usefixtures("tiny_chunks")
def test_a_large_binary_file_named_explicitly_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0" * 50)
    assert _report(path).errors == [f"{path}: skipped: binary file"]


def test_chunked_text_slices_and_line_starts_match_the_joined_string() -> None:
    pieces = ["ab\r", "\ncd\n", "", "\U0001f600e\rf", "g\n"]
    fixed = ["ab", "\r\ncd\n", "\U0001f600e\rf", "g\n"]  # no chunk ends in "\r"
    text = ChunkedText(fixed)
    joined = "".join(pieces)
    assert str(text) == joined and len(text) == len(joined)
    for start in range(len(joined) + 1):
        for stop in range(start, len(joined) + 2):
            assert text[start:stop] == joined[start:stop]
    assert list(line_starts(text)) == list(line_starts(joined))
