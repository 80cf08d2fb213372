"""Start-up: a run imports only the readers, reporters and libraries it uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from respectful_lint import plugins, readers

_PROBE = """
import json, sys
from respectful_lint.cli import main
try:
    main(["check", "--format", sys.argv[2], sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after_check(path: Path, fmt: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), fmt],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return loaded


def test_builtin_reader_claims_match_the_reader_classes() -> None:
    core = {ep.name for ep in plugins.enabled(readers.GROUP, frozenset())}
    assert set(readers.BUILTIN_CLAIMS) == core
    classes = readers.registry()
    for name, (extensions, walked) in readers.BUILTIN_CLAIMS.items():
        assert classes[name].extensions == extensions, name
        assert bool(getattr(classes[name], "walked", True)) == walked, name


def test_a_markdown_run_imports_only_the_readers_and_reporter_it_uses(tmp_path: Path) -> None:
    draft = tmp_path / "notes.md"
    draft.write_text("# Notes\n\nThe *outreach* team met people at the clinic.\n")
    loaded = _modules_after_check(draft, "concise")
    assert "respectful_lint.readers.markdown" in loaded
    assert "respectful_lint.reporters.concise" in loaded
    unused = ("readers.docx", "readers.structured", "readers.html", "reporters.sarif")
    for name in (*unused, "reporters.junit"):
        assert f"respectful_lint.{name}" not in loaded


def test_a_warm_start_on_a_short_draft_loads_no_heavy_library(tmp_path: Path) -> None:
    draft = tmp_path / "notes.md"
    draft.write_text("# Hours\n\nThe clinic is open to sex workers on Thursdays.\n")
    _modules_after_check(draft, "concise")  # the lexicon cache is warm after this one
    loaded = set(_modules_after_check(draft, "concise"))
    # Hyperscan waits for a long run; OpenSSL (through hashlib) for a fingerprint; the regex
    # module for a pattern whose words are in the text ("sex workers" alone names no age);
    # PyYAML and difflib for a lexicon to read or a name to suggest; the HTML entity table
    # for a character reference
    for name in ("hyperscan", "_hashlib", "regex", "yaml", "difflib", "html.entities"):
        assert name not in loaded, name


def test_a_character_reference_in_markdown_is_still_decoded(tmp_path: Path) -> None:
    draft = tmp_path / "notes.md"
    draft.write_text("# Hours\n\nWe help every hooker&nbsp;who walks in &amp; out.\n")
    loaded = _modules_after_check(draft, "concise")
    assert "html.entities" in loaded


def test_a_finding_on_an_ascii_line_is_marked_without_wcwidth(tmp_path: Path) -> None:
    draft = tmp_path / "notes.md"
    draft.write_text("# Hours\n\nWe help every hooker who walks in.\n")
    assert "wcwidth" not in _modules_after_check(draft, "text")
    draft.write_text("# Hours\n\n全員: we help every hooker who walks in.\n")
    assert "wcwidth" in _modules_after_check(draft, "text")  # wide characters need its tables


def test_markdown_with_raw_html_brings_in_the_html_reader(tmp_path: Path) -> None:
    for text in ("<div>\nThe clinic.\n</div>\n", "The <span title='Our clinic'>team</span>.\n"):
        draft = tmp_path / "notes.md"
        draft.write_text(f"# Notes\n\n{text}")
        assert "respectful_lint.readers.html" in _modules_after_check(draft, "concise")


def test_a_folder_walk_still_finds_every_walked_kind(tmp_path: Path) -> None:
    for name in ("a.md", "b.txt", "c.html", "d.rst"):
        (tmp_path / name).write_text("The clinic serves everyone.\n")
    (tmp_path / "e.json").write_text('{"a": "The clinic serves everyone."}\n')
    assert readers.reader_for_path(str(tmp_path / "a.md")).name == "markdown"
    assert readers.reader_for_path(str(tmp_path / "x.docx")).name == "docx"
    assert readers.reader_for_path(str(tmp_path / "x.unknown")).name == "text"
    assert ".json" not in readers.extensions()
    assert {".md", ".txt", ".html", ".rst", ".docx"} <= set(readers.extensions())
