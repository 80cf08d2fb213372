"""The built-in rule kinds: registered as plugins are, checked and described by themselves."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest
from msgspec.structs import replace

from respectful_lint import lint_text
from respectful_lint.errors import LexiconError
from respectful_lint.lexicon import load_compiled
from respectful_lint.rules import registry
from respectful_lint.rules.groups import merge_groups

HEADER = """\
lexicon: house
version: 1
language: en
description: House rules.
entries:
"""


def _lexicon(tmp_path: Path, entry: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(HEADER + entry, encoding="utf-8")
    return path


def test_the_built_in_kinds_register_through_the_entry_point_group() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="respectful_lint.rule_kinds")}
    assert found["term"] == "respectful_lint.rules.term:KIND"
    assert found["pattern"] == "respectful_lint.rules.pattern:KIND"
    assert found["conflation"] == "respectful_lint.rules.conflation_kind:KIND"
    assert registry.names()[:3] == ("term", "pattern", "conflation")


def test_each_kind_describes_its_rules_as_data() -> None:
    compiled = load_compiled()
    rules = {r.id: r for r in compiled.rules}
    groups = merge_groups(compiled.lexicons)
    term = registry.kind("term").describe(rules["sex-work/prostitute"], groups)
    bases = {t["term"]: t["forms"] for t in term["terms"]}
    assert "prostitutes" in bases["prostitute"]

    pattern = registry.kind("pattern").describe(rules["child-exploitation/minor-by-age"], groups)
    assert isinstance(pattern["pattern"], str) and pattern["pattern"]

    shape = registry.kind("conflation").describe(rules["conflation/coordination"], groups)
    assert shape["conflation"]["shape"] == "coordination"
    ids = [g["id"] for g in shape["conflation"]["groups"]]
    assert ids[:2] == ["conflation/sw", "conflation/tr"]
    assert all(g["reason"] for g in shape["conflation"]["guards"])


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "  - {id: a, kind: termz, terms: [x], preferred: [y], severity: warning,"
            " category: c, note: n}\n",
            "house.yaml:6:19: 'kind' must be one of term, pattern, conflation, got 'termz'"
            " (did you mean 'term'?)",
        ),
        (
            "  - {id: a, kind: pattern, pattern: 'x', terms: [x], preferred: [y],"
            " severity: warning, category: c, note: n}\n",
            "'terms' is for 'kind: term', not entry 'a'",
        ),
        (
            "  - {id: a, terms: [x], shape: gloss, preferred: [y], severity: warning,"
            " category: c, note: n}\n",
            "'shape' needs 'kind: conflation' in entry 'a'",
        ),
        (
            "  - {id: a, kind: pattern, pattern: '(a+)+', preferred: [y], severity: warning,"
            " category: c, note: n}\n",
            "'pattern' of entry 'a': pattern can hang",
        ),
        (  # branches that overlap under a repeat, before a letter the search looks for first
            "  - {id: a, kind: pattern, pattern: '(a|a)*b', preferred: [y], severity: warning,"
            " category: c, note: n}\n",
            "'pattern' of entry 'a': pattern can hang: it took over 0.2s",
        ),
    ],
)
def test_kind_specific_keys_are_checked_by_their_kind(
    tmp_path: Path, entry: str, message: str
) -> None:
    path = _lexicon(tmp_path, entry)
    with pytest.raises(LexiconError) as err:
        load_compiled([path], defaults=False)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))


def test_a_kind_unknown_at_compile_time_names_the_entry(tmp_path: Path) -> None:
    from respectful_lint.lexicon import build_rules, read_lexicon
    from respectful_lint.lexicon.validate import validate

    path = _lexicon(
        tmp_path,
        "  - {id: a, terms: [x], preferred: [y], severity: warning, category: c, note: n}\n",
    )
    lexicon = validate(read_lexicon(path), builtin=False)
    # as a cached lexicon reads when the plugin that gave its kind was removed since
    stale = replace(lexicon, entries=(replace(lexicon.entries[0], kind="gone"),))
    with pytest.raises(LexiconError) as err:
        build_rules([stale])
    assert str(err.value).startswith(f"{path}:6:3: unknown rule kind 'gone' (known: term,")


def test_a_pattern_without_a_required_literal_runs_on_every_segment(tmp_path: Path) -> None:
    # No literal can be read from this pattern, so the scan finds nothing to anchor it: the
    # pattern must still be searched, in a segment where no other rule's literal occurs too.
    path = _lexicon(
        tmp_path,
        "  - {id: code, kind: pattern, pattern: '\\b[xz]{3}\\b', preferred: [the project],"
        " severity: warning, category: house-style, note: We name the project.}\n",
    )
    found = lint_text("We met the zzz team today.", lexicons=[path], default_lexicons=False)
    assert [(f.rule, f.matched) for f in found] == [("house/code", "zzz")]


def test_a_pattern_does_not_match_across_a_paragraph_break(tmp_path: Path) -> None:
    # In plain text several paragraphs share a segment; ``\s`` must not reach across the blank
    # line between them, as no term or phrase does.
    path = _lexicon(
        tmp_path,
        "  - {id: gap, kind: pattern, pattern: 'drop\\s+in\\b', preferred: [walk-in hours],"
        " severity: warning, category: house-style, note: We say walk-in hours.}\n",
    )
    one = lint_text("Come to the drop in at noon.", kind="text", lexicons=[path])
    assert [f.rule for f in one] == ["house/gap"]
    two = lint_text("Come to the drop\n\nin the evening.", kind="text", lexicons=[path])
    assert two == []


@pytest.mark.parametrize("anchored", [True, False])
def test_a_pattern_s_end_anchor_matches_at_each_paragraph_s_end(
    tmp_path: Path, anchored: bool
) -> None:
    # A headline with no stop, then another paragraph in the same segment: "$" ends the
    # headline's paragraph, as it ends the text. Without a literal to anchor it the pattern
    # runs on each paragraph.
    pattern = "drop in$" if anchored else "\\b[dx][rx][ox][px]\\s[ix][nx]$"
    path = _lexicon(
        tmp_path,
        f"  - {{id: end, kind: pattern, pattern: '{pattern}', preferred: [walk-in hours],"
        " severity: warning, category: house-style, note: We say walk-in hours.}\n",
    )
    text = "Friday drop in\n\nThe clinic opens at noon.\n\nAnother drop in"
    found = lint_text(text, kind="text", lexicons=[path], default_lexicons=False)
    assert [(f.rule, f.line) for f in found] == [("house/end", 1), ("house/end", 5)]
    middle = lint_text("A drop in\n\nis planned.", kind="text", lexicons=[path])
    assert [f.rule for f in middle if f.rule == "house/end"] == ["house/end"]
    inside = lint_text("The drop in is at noon.", kind="text", lexicons=[path])
    assert [f.rule for f in inside if f.rule == "house/end"] == []


def test_a_pattern_with_a_posix_class_is_searched(tmp_path: Path) -> None:
    # The standard library's parser, which finds a pattern's literals, reads "[[:alpha:]]" as
    # a set followed by "]": the literal "]hood" would never be found, nor the pattern.
    path = _lexicon(
        tmp_path,
        "  - {id: hood, kind: pattern, pattern: '[[:alpha:]]hood\\b', preferred: [area],"
        " severity: warning, category: house-style, note: We say area.}\n",
    )
    found = lint_text("Our neighbourhood clinic.", lexicons=[path], default_lexicons=False)
    assert [(f.rule, f.matched) for f in found] == [("house/hood", "rhood")]
