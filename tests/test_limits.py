"""Limits that keep work bounded: findings per file, line positions on long lines."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.cli import main
from respectful_lint.engine import segment_findings
from respectful_lint.lexicon import load_compiled
from respectful_lint.model import Document, OffsetMap
from respectful_lint.readers import reader_for_name


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--format", "concise", *args])


def test_a_file_stops_at_max_findings_with_a_note(tmp_path: Path) -> None:
    dense = tmp_path / "dense.md"
    dense.write_text("A hooker met a john.\n" * 15, encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("A hooker.\n" * 3, encoding="utf-8")
    result = check("--max-findings", "5", str(dense), str(other))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[1] for line in lines if line.startswith(str(dense))] == [
        "1", "1", "2", "2", "3"
    ]  # fmt: skip
    assert sum(line.startswith(str(other)) for line in lines) == 3
    assert result.stderr == (
        f"respectful-lint: note: {dense}: stopped after 5 findings (--max-findings); "
        "the rest of the file was not checked\n"
    )


def test_max_findings_zero_means_no_limit_and_the_default_is_ten_thousand(tmp_path: Path) -> None:
    dense = tmp_path / "dense.md"
    dense.write_text("A hooker met a john.\n" * 15, encoding="utf-8")
    assert len(check("--max-findings", "0", str(dense)).stdout.splitlines()) == 30
    result = check(str(dense))
    assert len(result.stdout.splitlines()) == 30 and result.stderr == ""
    assert "[default: 10000; x>=0]" in CliRunner().invoke(main, ["check", "--help"]).output


def test_a_file_with_exactly_max_findings_gets_no_note(tmp_path: Path) -> None:
    dense = tmp_path / "dense.md"
    dense.write_text("A hooker met a john.\n" * 2, encoding="utf-8")
    result = check("--max-findings", "4", str(dense))
    assert len(result.stdout.splitlines()) == 4 and result.stderr == ""


def test_a_negative_max_findings_is_a_usage_error() -> None:
    result = check("--max-findings", "-1", "-")
    assert result.exit_code == 2


def _naive(text: str, offset: int) -> tuple[int, int]:
    line, start, i = 1, 0, 0
    while i < offset:
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 >= offset:
                break
            i += 1
        if text[i] in "\r\n":
            line, start = line + 1, i + 1
        i += 1
    return line, offset - start + 1


@given(
    st.text(alphabet="ab \n\r", max_size=80),
    st.lists(st.integers(min_value=0, max_value=80), max_size=20),
)
def test_positions_are_right_in_any_order(text: str, offsets: list[int]) -> None:
    doc = Document(path="x", format="text", text=text)
    for offset in offsets:  # in any order, as findings of overlapping rules ask
        offset = min(offset, len(text))
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue  # inside a line break: no character starts there
        assert doc.position(offset) == _naive(text, offset)


# --- a paragraph longer than a segment ---------------------------------------------------------


def test_a_long_markdown_paragraph_is_checked_a_segment_at_a_time(tmp_path: Path) -> None:
    # one paragraph of 96 KB: the cap on findings is looked at between segments of 64 KB, so
    # a paragraph of a megabyte, every word a finding, no longer runs for minutes; findings
    # are those of the same words as plain text
    words = ("hookers " * 12_000).rstrip()
    (tmp_path / "dense.md").write_text(words + "\n", encoding="utf-8")
    (tmp_path / "dense.txt").write_text(words + "\n", encoding="utf-8")
    as_markdown = check("--max-findings", "0", str(tmp_path / "dense.md"))
    as_text = check("--max-findings", "0", str(tmp_path / "dense.txt"))
    assert as_markdown.stdout.count("sex-work/hooker") == 12_000
    positions = [line.split(":")[1:3] for line in as_markdown.stdout.splitlines()]
    assert positions == [line.split(":")[1:3] for line in as_text.stdout.splitlines()]
    capped = check("--max-findings", "3", str(tmp_path / "dense.md"))
    assert capped.stdout.count("sex-work/hooker") == 3
    # the engine hands the paragraph's findings on a segment at a time: a capped run stops
    # after the first of them
    document = reader_for_name("markdown").read(words + "\n", "dense.md")
    first = next(segment_findings(document, load_compiled([])))
    assert 0 < len(first) < 9_000


@given(
    st.lists(st.tuples(st.integers(1, 9), st.integers(0, 12), st.booleans()), max_size=8),
    st.data(),
)
def test_a_sliced_offset_map_maps_as_the_whole_one_does(
    chunks: list[tuple[int, int, bool]], data: st.DataObject
) -> None:
    derived, source, exact, at, to = [0], [0], [True], 0, 0
    for length, gap, same in chunks:  # chunks of derived text, each read from source further on
        at, to = at + length, to + length + gap
        derived.append(at)
        source.append(to)
        exact.append(same)
    whole = OffsetMap(derived, source, exact, at + 5, to + 5)
    start = data.draw(st.integers(0, at + 4))
    end = data.draw(st.integers(start + 1, at + 5))
    part = whole.sliced(start, end)
    for i in range(end - start):
        assert part.start(i) == whole.start(start + i)
    for i in range(1, end - start + 1):
        assert part.end(i) == whole.end(start + i)
