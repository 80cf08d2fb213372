"""check --fix, --unsafe-fixes, --diff and --output on text, Markdown, HTML, JSON and YAML."""

from __future__ import annotations

import codecs
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from _house import HEADER
from respectful_lint.cli import main

LEXICON = (
    HEADER
    + """\
  - id: addict
    terms: [addict]
    preferred: [{text: person who uses drugs, plural: people who use drugs, possessive: false}]
    severity: warning
    category: drug-use
    note: Say what the person does.
    sources: [house]
    fix: safe
    examples: {flag: [An addict came in.], pass: [She is addicted to tea.]}
  - id: hooker
    terms: [hooker]
    preferred: [{text: sex worker, plural: sex workers}]
    severity: error
    category: sex-work
    note: A slur.
    sources: [house]
    fix: safe
    examples: {flag: [A hooker came in.], pass: [The hook is here.]}
  - id: crackhead
    terms: [crackhead]
    preferred: [people who use crack]
    inflect: {plural: false}
    severity: error
    category: drug-use
    note: A slur.
    sources: [house]
    fix: safe
    examples: {flag: [A crackhead came in.], pass: [A crack in the wall.]}
  - id: prostitute
    terms: [prostitute]
    preferred: [{text: sex worker, plural: sex workers}]
    severity: warning
    category: sex-work
    note: Not every person meant sells sex by choice.
    sources: [house]
    fix: unsafe
    examples: {flag: [A prostitute came in.], pass: [Prostitution law.]}
  - id: junkie
    terms: [junkie]
    preferred: [person who uses drugs, person who injects drugs]
    severity: error
    category: drug-use
    note: A slur.
    sources: [house]
    examples: {flag: [A junkie came in.], pass: [Junk mail.]}
"""
)


@pytest.fixture
def house(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return path


def run(house: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-default-lexicons", "--lexicon", str(house), *args],
        input=stdin,
        catch_exceptions=False,
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_fix_applies_safe_fixes_only_and_reports_what_remains(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "Two hookers came.\nA prostitute left.\n")
    result = run(house, "--fix", str(draft))
    assert draft.read_text() == "Two sex workers came.\nA prostitute left.\n"
    assert result.exit_code == 1  # the prostitute finding remains, at warning
    assert result.stdout.endswith(
        "1 fixed, 1 remaining (1 with an unsafe fix: rerun with --unsafe-fixes).\n"
    )
    assert "draft.txt:2:3: warning house/prostitute" in result.stdout


def test_unsafe_fixes_apply_unsafe_fixes_and_exit_clean(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "Two hookers came.\nA prostitute left.\n")
    result = run(house, "--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text() == "Two sex workers came.\nA sex worker left.\n"
    assert result.exit_code == 0
    assert result.stdout.endswith("2 fixed, 0 remaining.\n")


def test_exit_code_counts_only_what_remains(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "We met a junkie and a hooker.\n")
    result = run(house, "--fix", str(draft))
    assert draft.read_text() == "We met a junkie and a sex worker.\n"
    assert result.exit_code == 1  # junkie offers no fix
    assert "1 fixed, 1 remaining." in result.stdout
    assert run(house, "--fix", "--exit-zero", str(draft)).exit_code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path, house: Path) -> None:
    text = "Line one.\nTwo hookers came.\nA prostitute left.\n"
    draft = write(tmp_path, "draft.txt", text)
    result = run(house, "--diff", str(draft))
    assert draft.read_text() == text
    assert result.stdout == (
        f"--- a/{draft}\n+++ b/{draft}\n@@ -1,3 +1,3 @@\n Line one.\n"
        "-Two hookers came.\n+Two sex workers came.\n A prostitute left.\n"
    )
    # only the summary follows a diff, as with ruff: the findings are not listed again
    assert result.stderr == (
        "1 would be fixed, 1 remaining (1 with an unsafe fix: rerun with --unsafe-fixes).\n"
    )
    unsafe = run(house, "--diff", "--unsafe-fixes", str(draft))
    assert "+A sex worker left.\n" in unsafe.stdout
    assert draft.read_text() == text


def test_a_diff_of_a_file_with_a_byte_order_mark_applies_with_git(
    tmp_path: Path, house: Path
) -> None:
    # git and patch read the mark as part of the first line, so the diff's lines carry it
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbfTwo hookers came.\n")
    result = run(house, "--diff", str(tmp_path / "bom.md"))
    (tmp_path / "fix.patch").write_text(result.stdout.replace(str(tmp_path) + "/", ""))
    applied = subprocess.run(
        ["git", "apply", "fix.patch"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert applied.returncode == 0, applied.stderr
    assert (tmp_path / "bom.md").read_bytes() == b"\xef\xbb\xbfTwo sex workers came.\n"


def test_fix_of_stdin_prints_the_fixed_text_and_reports_on_stderr(house: Path) -> None:
    result = run(house, "--fix", "-", stdin=b"The hooker's bag.\r\nAn addict.")
    assert result.stdout_bytes == b"The sex worker's bag.\r\nA person who uses drugs."
    assert "2 fixed, 0 remaining." in result.stderr
    assert result.exit_code == 0


def test_fix_of_stdin_in_a_real_process_keeps_every_byte(house: Path) -> None:
    data = codecs.BOM_UTF8 + "Ünïcode  \r\nthe HOOKERS   \r\n\r\n".encode()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "respectful_lint",
            "check",
            "--isolated",
            "--no-default-lexicons",
            "--lexicon",
            str(house),
            "--fix",
            "--stdin-filename",
            "notes.txt",
            "-",
        ],
        input=data,
        capture_output=True,
        check=False,
    )
    assert proc.stdout == codecs.BOM_UTF8 + "Ünïcode  \r\nthe SEX WORKERS   \r\n\r\n".encode()
    assert proc.returncode == 0, proc.stderr


def test_output_writes_a_corrected_copy_and_leaves_the_input(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.md", "# Notes\n\nA hooker.\n")
    copy = tmp_path / "out" / "fixed.md"
    copy.parent.mkdir()
    result = run(house, "--output", str(copy), str(draft))
    assert result.exit_code == 0, result.output
    assert draft.read_text() == "# Notes\n\nA hooker.\n"
    assert copy.read_text() == "# Notes\n\nA sex worker.\n"
    clean = write(tmp_path, "clean.md", "Nothing to fix.\n")
    assert run(house, "--output", str(copy), str(clean)).exit_code == 0
    assert copy.read_text() == "Nothing to fix.\n"  # a copy is written even with no fixes


def test_output_dash_prints_the_corrected_text_and_reports_on_stderr(
    tmp_path: Path, house: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = write(tmp_path, "draft.md", "A hooker and a prostitute.\n")
    result = run(house, "--output", "-", "draft.md")
    assert result.exit_code == 1  # the prostitute finding remains
    assert result.stdout == "A sex worker and a prostitute.\n"
    assert "draft.md:1:20: warning house/prostitute" in result.stderr
    assert result.stderr.endswith(
        "1 fixed, 1 remaining (1 with an unsafe fix: rerun with --unsafe-fixes).\n"
    )
    assert draft.read_text() == "A hooker and a prostitute.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "house.yaml"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unsafe-fixes"], "--unsafe-fixes: use with --fix, --diff or --output"),
        (["--track-changes"], "--track-changes: use with --fix or --output"),
        (["--unsafe-fixes", "--track-changes"], "--track-changes: use with --fix or --output"),
        # a diff is text, with no tracked changes; --fix and --output write different files
        (["--diff", "--track-changes"], "--track-changes: use with --fix or --output"),
        (
            ["--fix", "--output", "copy.txt"],
            "--fix and --output: --fix fixes the file in place, --output writes a corrected "
            "copy; give one",
        ),
    ],
)
def test_fixing_options_without_a_way_to_fix_are_an_error(
    tmp_path: Path, house: Path, args: list[str], message: str
) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")
    result = run(house, *args, str(draft))
    assert result.exit_code == 2
    assert result.stderr == f"respectful-lint: error: {message}\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.txt", "b.txt"], "--output takes exactly one input file"),
        (["."], "--output takes exactly one input file"),
        (["a.txt", "--output", "a.txt"], "--output must not be the input file"),
    ],
)
def test_output_refuses_several_inputs_or_the_input_itself(
    tmp_path: Path, house: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", "A hooker.\n")
    write(tmp_path, "b.txt", "A hooker.\n")
    if "--output" not in args:
        args = [*args, "--output", "copy.txt"]
    result = run(house, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (tmp_path / "a.txt").read_text() == "A hooker.\n"


@pytest.mark.parametrize(
    ("encode", "newline"),
    [
        (lambda t: t.encode("utf-8"), "\n"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "\r\n"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "\r\n"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "\n"),
    ],
)
def test_fixing_keeps_encoding_bom_line_endings_and_trailing_space(
    tmp_path: Path, house: Path, encode: object, newline: str
) -> None:
    assert callable(encode)
    lines = ["Café  ", "\tTwo hookers came. \t", "", "Ünïcode ✓"]
    draft = tmp_path / "draft.txt"
    draft.write_bytes(encode(newline.join(lines) + newline))
    assert run(house, "--fix", str(draft)).exit_code == 0
    lines[1] = "\tTwo sex workers came. \t"
    assert draft.read_bytes() == encode(newline.join(lines) + newline)


def test_a_read_only_file_is_an_error_and_left_unchanged(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")
    draft.chmod(0o444)
    result = run(house, "--fix", str(draft))
    assert result.exit_code == 2
    assert f"{draft}: cannot write: the file is read-only; nothing was changed" in result.stderr
    assert draft.read_text() == "A hooker.\n"
    assert {p.name for p in tmp_path.iterdir()} == {"draft.txt", "house.yaml"}
    # Nothing was fixed: the finding is still reported, on the file's own line.
    assert "0 fixed, 1 remaining." in result.stdout
    assert " | A hooker." in result.stdout


def test_a_copy_that_cannot_be_written_counts_as_not_fixed(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")
    result = run(house, "--output", str(tmp_path / "missing" / "copy.txt"), str(draft))
    assert result.exit_code == 2
    assert "copy.txt: cannot write: No such file or directory" in result.stderr
    assert "0 fixed, 1 remaining." in result.stdout
    assert draft.read_text() == "A hooker.\n"


def test_fixing_keeps_the_file_mode_and_leaves_no_temporary_file(
    tmp_path: Path, house: Path
) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")
    draft.chmod(0o640)
    assert run(house, "--fix", str(draft)).exit_code == 0
    assert stat.S_IMODE(os.stat(draft).st_mode) == 0o640
    assert {p.name for p in tmp_path.iterdir()} == {"draft.txt", "house.yaml"}


def test_fixing_twice_changes_nothing_the_second_time(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.md", "An addict, a HOOKER and *hookers*.\n")
    first = run(house, "--fix", str(draft))
    assert draft.read_text() == "A person who uses drugs, a SEX WORKER and *sex workers*.\n"
    assert "3 fixed, 0 remaining." in first.stdout
    before = draft.read_bytes()
    second = run(house, "--fix", str(draft))
    assert draft.read_bytes() == before
    assert "0 fixed, 0 remaining." in second.stdout


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("An addict came.", "A person who uses drugs came."),
        ("AN ADDICT came.", "A PERSON WHO USES DRUGS came."),
        ("We met an addict.", "We met a person who uses drugs."),
        ("Addicts came.", "People who use drugs came."),
        ("Two hookers' bags.", "Two sex workers' bags."),
        ("A hooker\u2019s bag.", "A sex worker\u2019s bag."),
        # the article at the end of the line before
        ("We met an\naddict.", "We met a\nperson who uses drugs."),
    ],
)
def test_fixes_agree_with_article_case_number_and_possessive(
    house: Path, text: str, fixed: str
) -> None:
    result = run(house, "--fix", "--stdin-filename", "x.txt", "-", stdin=text.encode())
    assert result.stdout == fixed


def test_a_fix_that_a_following_verb_would_disagree_with_is_unsafe(house: Path) -> None:
    result = run(house, "--format", "json", "-", stdin=b"The crackhead is outside.")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["fix"]["applicability"] == "unsafe"
    assert "verb" in finding["fix"]["reason"]
    fixed = run(house, "--fix", "-", stdin=b"The crackhead is outside.")
    assert fixed.stdout == "The crackhead is outside."
    assert "1 with an unsafe fix: rerun with --unsafe-fixes" in fixed.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Signed, Mary Hooker",  # a byline, which reads like a Title Case headline
        "Contact: Jane Hooker, Outreach Lead",
        "Hooker said the van leaves at nine.",  # a sentence of prose led by a surname
        "Hooker's army retreated at dawn.",
    ],
)
def test_a_capitalized_word_that_may_be_a_name_is_not_fixed_safely(house: Path, text: str) -> None:
    result = run(house, "--format", "json", "-", stdin=text.encode())
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["fix"]["applicability"] == "unsafe"
    assert "may be a name" in finding["fix"]["reason"]
    fixed = run(house, "--fix", "-", stdin=text.encode())
    assert fixed.stdout == text
    # a plural, a title without a full stop, and a word after "The" are fixed as before
    for other in ("Hookers said no.", "Help for hookers", "The Hooker left."):
        assert run(house, "--fix", "-", stdin=other.encode()).stdout != other


def test_a_fix_that_would_put_a_or_an_before_a_plural_wording_is_unsafe(house: Path) -> None:
    result = run(house, "--format", "json", "-", stdin=b"A crackhead came in.")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["fix"]["applicability"] == "unsafe"
    assert finding["fix"]["reason"] == '"A" before it does not fit a plural wording'
    assert run(house, "--fix", "-", stdin=b"A crackhead came.").stdout == "A crackhead came."
    assert run(house, "--fix", "-", stdin=b"Ask the crackhead.").stdout == (
        "Ask the people who use crack."
    )


@pytest.mark.parametrize(
    "text",
    [
        '"I was a hooker," she said.',
        "The word 'hooker' is a slur.",
        "# The Hooker Street Collective\n",
    ],
)
def test_no_fix_in_quotations_or_in_a_heading_that_names_something(house: Path, text: str) -> None:
    result = run(house, "--fix", "--unsafe-fixes", "-", stdin=text.encode())
    assert result.stdout == text


@pytest.mark.parametrize(
    ("name", "text", "fixed", "remaining"),
    [
        (
            "notes.md",
            "See [hooker], [hooker][], ![hooker], [hooker][h] and [hooker](h.md).\n\n"
            "[hooker]: a.md\n[h]: h.md\n",
            "See [hooker], [hooker][], ![hooker], [sex worker][h] and [sex worker](h.md).\n\n"
            "[hooker]: a.md\n[h]: h.md\n",
            3,
        ),
        (  # a heading the page links to by its anchor, from a list, a definition or HTML
            "notes.md",
            "- [Help for hookers](#help-for-hookers)\n- [Hookers](#more)\n\n"
            "## Help for hookers\n\n## More on *hookers*\n\n[m]: #more-on-hookers\n\n"
            "## Hookers `today`\n\n<a href='#hookers-today'>x</a>\n\n## Hookers again\n",
            "- [Help for sex workers](#help-for-hookers)\n- [Sex workers](#more)\n\n"
            "## Help for hookers\n\n## More on *hookers*\n\n[m]: #more-on-hookers\n\n"
            "## Hookers `today`\n\n<a href='#hookers-today'>x</a>\n\n## Sex workers again\n",
            3,
        ),
        (
            "notes.rst",
            "See hooker_, hooker__, `a hooker`_, `a hooker`__ and `a hooker <h_>`_.\n"
            "Read :term:`hooker` and :term:`a hooker <h>`.\n\n"
            ".. _hooker: a.html\n.. _a hooker: b.html\n.. _h: c.html\n",
            "See hooker_, sex worker__, `a hooker`_, `a sex worker`__ and `a sex worker <h_>`_.\n"
            "Read :term:`hooker` and :term:`a sex worker <h>`.\n\n"
            ".. _hooker: a.html\n.. _a hooker: b.html\n.. _h: c.html\n",
            3,
        ),
        (  # words a form sends as written: an option's text without a value, a named button's
            "form.html",
            '<select name="w"><option>Hookers</option><option value="h">Hookers</option>'
            '<option>A hooker<option>x</select><input type="submit" name="a" value="Hookers">'
            '<input type="submit" value="Hookers">'
            '<textarea name="notes">Client is a hooker</textarea>',
            '<select name="w"><option>Hookers</option><option value="h">Sex workers</option>'
            '<option>A hooker<option>x</select><input type="submit" name="a" value="Hookers">'
            '<input type="submit" value="Sex workers">'
            '<textarea name="notes">Client is a hooker</textarea>',
            4,
        ),
        (  # the same in Markdown's raw HTML: a block, and a tag in a paragraph
            "form.md",
            '<form>\n<select name="w"><option>Hookers</option><option value="h">Hookers</option>'
            '</select>\n</form>\n\nA hooker: <input type="submit" name="a" value="Hookers">\n',
            '<form>\n<select name="w"><option>Hookers</option><option value="h">Sex workers'
            '</option></select>\n</form>\n\nA sex worker: <input type="submit" name="a" '
            'value="Hookers">\n',
            2,
        ),
        (  # a glossary's terms, which :term: finds from any page
            "notes.rst",
            ".. glossary::\n   :sorted:\n\n   hookers\n   hooker\n      Not hookers here.\n\n"
            "A hooker.\n",
            ".. glossary::\n   :sorted:\n\n   hookers\n   hooker\n      Not sex workers here.\n\n"
            "A sex worker.\n",
            2,
        ),
        (  # section titles a named reference finds by their words
            "notes.rst",
            "See `Help for hookers`_ and Hookers_.\n\nHelp for hookers\n================\n\n"
            "Hookers\n=======\n\nFor hookers\n===============\n",
            "See `Help for hookers`_ and Hookers_.\n\nHelp for hookers\n================\n\n"
            "Hookers\n=======\n\nFor sex workers\n===============\n",
            4,
        ),
    ],
)
def test_no_fix_where_a_links_text_is_the_name_its_target_is_found_by(
    house: Path, name: str, text: str, fixed: str, remaining: int
) -> None:
    # (unsafe fixes too: a heading's fix is unsafe, and none is made where it is locked)
    result = run(
        house, "--fix", "--unsafe-fixes", "--stdin-filename", name, "-", stdin=text.encode()
    )
    assert result.stdout == fixed
    assert f"{remaining} remaining" in result.stderr


def test_a_fixed_rst_title_keeps_its_underline_and_overline_as_long_as_itself(
    house: Path,
) -> None:
    text = "=============\nHookers today\n=============\n\nHookers again\n-------------\n"
    result = run(
        house, "--fix", "--unsafe-fixes", "--stdin-filename", "notes.rst", "-", stdin=text.encode()
    )
    assert result.stdout == (
        "=================\nSex workers today\n=================\n\n"
        "Sex workers again\n-----------------\n"
    )
    # an inset title, which only an overline allows: its width counts its indent
    inset = "==================\n Help for hookers\n==================\n\nText.\n"
    result = run(
        house, "--fix", "--unsafe-fixes", "--stdin-filename", "notes.rst", "-", stdin=inset.encode()
    )
    assert result.stdout == (
        "=====================\n Help for sex workers\n=====================\n\nText.\n"
    )


@pytest.mark.parametrize(
    ("name", "text", "fixed"),
    [
        (  # ATX and setext headings, in a list item too; one with an id keeps its anchor
            "notes.md",
            "# Help for hookers\n\nHookers today\n-------------\n\n- ## Hookers\n\n"
            "## Hookers again {#again}\n\nA hooker.\n",
            "# Help for hookers\n\nHookers today\n-------------\n\n- ## Hookers\n\n"
            "## Sex workers again {#again}\n\nA sex worker.\n",
        ),
        (  # a section title, with a label or without, and with an overline
            "notes.rst",
            "=============\nHookers today\n=============\n\n.. _h:\n\nHookers again\n"
            "-------------\n\nA hooker.\n",
            "=============\nHookers today\n=============\n\n.. _h:\n\nHookers again\n"
            "-------------\n\nA sex worker.\n",
        ),
        (  # an HTML heading's anchor is its id, never its text
            "notes.html",
            "<h2>Hookers</h2><p>A hooker.</p>",
            "<h2>Sex workers</h2><p>A sex worker.</p>",
        ),
    ],
)
def test_a_fix_that_changes_a_headings_link_anchor_is_unsafe_with_the_reason(
    house: Path, name: str, text: str, fixed: str
) -> None:
    result = run(house, "--fix", "--stdin-filename", name, "-", stdin=text.encode())
    assert result.stdout == fixed
    unsafe = run(
        house, "--fix", "--unsafe-fixes", "--stdin-filename", name, "-", stdin=text.encode()
    )
    assert "ooker" not in unsafe.stdout
    report = run(house, "--format", "json", "--stdin-filename", name, "-", stdin=text.encode())
    fixes = [f["fix"] for f in json.loads(report.stdout)["findings"]]
    anchored = [f for f in fixes if "reason" in f]
    assert len(anchored) == fixed.count("ooker")
    assert all(f["applicability"] == "unsafe" for f in anchored)
    assert all(
        f["reason"] == "it changes the heading's link anchor, which links from other pages may use"
        for f in anchored
    )
    assert all(f["applicability"] == "safe" for f in fixes if "reason" not in f)


def test_markdown_fix_inside_one_emphasis_is_safe_across_emphasis_is_unsafe(
    house: Path,
) -> None:
    text = "Two **hookers** came. The *hook*er left. See [a hooker](https://x.org/hooker).\n"
    safe = run(house, "--fix", "-", stdin=text.encode())
    assert safe.stdout == (
        "Two **sex workers** came. The *hook*er left. See [a sex worker](https://x.org/hooker).\n"
    )
    assert "1 with an unsafe fix" in safe.stderr
    data = json.loads(run(house, "--format", "json", "-", stdin=text.encode()).stdout)
    split = [f for f in data["findings"] if f["matched"] == "hook*er"]
    assert split[0]["fix"]["reason"].startswith("markup splits the phrase")
    unsafe = run(house, "--fix", "--unsafe-fixes", "-", stdin=text.encode())
    assert "The *sex worker* left." in unsafe.stdout


def test_html_fixes_escape_for_text_and_attributes_and_skip_code(
    tmp_path: Path, house: Path
) -> None:
    page = (
        "<title>Hooker &amp; addict help</title>\n"
        "<script>var hooker = 1;</script><style>.hooker {}</style>\n"
        "<p>An <em>addict</em> &mdash; <a href='/hooker'>hookers</a></p>\n"
        "<img alt='the hooker&#39;s bag' title=\"an addict\">\n"
    )
    draft = write(tmp_path, "page.html", page)
    assert run(house, "--fix", str(draft)).exit_code == 0
    assert draft.read_text() == (
        "<title>Sex worker &amp; person who uses drugs help</title>\n"
        "<script>var hooker = 1;</script><style>.hooker {}</style>\n"
        "<p>A <em>person who uses drugs</em> &mdash; <a href='/hooker'>sex workers</a></p>\n"
        "<img alt='the sex worker&#x27;s bag' title=\"a person who uses drugs\">\n"
    )


def test_json_and_yaml_fixes_change_only_string_values_with_their_escapes(
    tmp_path: Path, house: Path
) -> None:
    data = '{"hooker": "the hooker\\u2019s \\"bag\\"",\n "b": ["An addict"]}\n'
    draft = write(tmp_path, "strings.json", data)
    assert run(house, "--fix", str(draft)).exit_code == 0
    assert draft.read_text() == (
        '{"hooker": "the sex worker\\u2019s \\"bag\\"",\n "b": ["A person who uses drugs"]}\n'
    )
    assert json.loads(draft.read_text())["hooker"] == 'the sex worker\u2019s "bag"'
    yaml_text = "a: 'the hooker''s bag'\nb: \"an addict\"\nhooker: the hooker # note\n"
    yaml_file = write(tmp_path, "strings.yaml", yaml_text)
    assert run(house, "--fix", str(yaml_file)).exit_code == 0
    assert yaml_file.read_text() == (
        "a: 'the sex worker''s bag'\nb: \"a person who uses drugs\"\n"
        "hooker: the sex worker # note\n"
    )


def test_a_fix_in_markdown_front_matter_is_written_as_its_yaml_needs(tmp_path: Path) -> None:
    lexicon = write(
        tmp_path,
        "house.yaml",
        HEADER
        + """\
  - id: vagrant
    terms: [vagrant]
    preferred: [{text: person who's unhoused, plural: people who're unhoused}]
    severity: warning
    category: homelessness
    note: Say who they are.
    sources: [house]
    fix: safe
    examples: {flag: [A vagrant came in.], pass: [Vagrancy law.]}
""",
    )
    text = (
        "---\ntitle: 'A vagrant in town'\ndescription: \"Meet a vagrant today\"\n"
        "summary: Meet a vagrant today\n---\n\nA vagrant came in.\n"
    )
    draft = write(tmp_path, "post.md", text)
    assert run(lexicon, "--fix", str(draft)).exit_code == 0
    fixed = draft.read_text()
    assert fixed == (
        "---\ntitle: 'A person who''s unhoused in town'\n"
        'description: "Meet a person who\'s unhoused today"\n'
        "summary: Meet a person who's unhoused today\n---\n\nA person who's unhoused came in.\n"
    )
    matter = yaml.safe_load(fixed.split("---\n")[1])
    assert matter["title"] == "A person who's unhoused in town"


def test_rules_show_which_rules_fix_safely_unsafely_or_not(house: Path) -> None:
    result = CliRunner().invoke(
        main, ["rules", "--isolated", "--no-default-lexicons", "--lexicon", str(house)]
    )
    rows = {line.split()[0]: line.split()[3] for line in result.stdout.splitlines()[1:-1]}
    assert rows == {
        "house/addict": "safe",
        "house/crackhead": "safe",
        "house/hooker": "safe",
        "house/junkie": "none",
        "house/prostitute": "unsafe",
    }
    assert result.stdout.splitlines()[-1] == (
        "5 rules: 3 fix safely, 1 unsafely (with --unsafe-fixes), 1 offer no fix."
    )


def test_no_fix_inside_a_conflation_with_the_built_in_rules(tmp_path: Path) -> None:
    text = "Prostitution is modern slavery, the old leaflet claimed. We met two hookers.\n"
    draft = write(tmp_path, "draft.txt", text)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(draft)]
    )
    after = draft.read_text()
    assert "conflation/" in result.stdout
    assert after.startswith("Prostitution is modern slavery, the old leaflet claimed.")
    assert after.endswith("We met two sex workers.\n")


def test_fix_with_json_output_keeps_stdout_a_json_document(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker and a junkie.\n")
    result = run(house, "--fix", "--format", "json", str(draft))
    doc = json.loads(result.stdout)
    assert [f["matched"] for f in doc["findings"]] == ["junkie"]
    assert result.stderr == "1 fixed, 1 remaining.\n"


def test_output_of_stdin_writes_the_copy_and_reports_on_stdout(tmp_path: Path, house: Path) -> None:
    copy = tmp_path / "copy.md"
    result = run(house, "--output", str(copy), "-", stdin=b"A hooker.\n")
    assert copy.read_bytes() == b"A sex worker.\n"
    assert result.stdout == "No findings in 1 file.\n1 fixed, 0 remaining.\n"


def test_html_prose_attributes_are_fixed_and_unquoted_values_are_left(
    tmp_path: Path, house: Path
) -> None:
    page = (
        '<input type="submit" value="Help hookers"><button aria-label="hooker help">x</button>'
        "<input placeholder=hooker>\n"
    )
    draft = write(tmp_path, "form.html", page)
    result = run(house, "--fix", str(draft))
    assert draft.read_text() == (
        '<input type="submit" value="Help sex workers"><button aria-label="sex worker help">x'
        "</button><input placeholder=hooker>\n"
    )
    # "sex worker" cannot be written into an unquoted value: the finding stays
    assert "2 fixed, 1 remaining." in result.stdout


def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, house: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")

    def full_disk(fd: int) -> None:  # a full disk shows when the data is flushed to it
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = run(house, "--fix", str(draft))
    assert result.exit_code == 2
    assert "cannot write: No space left on device; nothing was changed" in result.stderr
    assert draft.read_text() == "A hooker.\n"
    assert {p.name for p in tmp_path.iterdir()} == {"draft.txt", "house.yaml"}


def test_a_new_copy_gets_the_mode_the_umask_gives(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "draft.txt", "A hooker.\n")
    draft.chmod(0o600)
    copy = tmp_path / "copy.txt"
    umask = os.umask(0o022)
    try:
        assert run(house, "--output", str(copy), str(draft)).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o644


def test_a_yaml_alias_that_holds_itself_does_not_stop_fixing(tmp_path: Path, house: Path) -> None:
    draft = write(tmp_path, "strings.yaml", "loop: &a [*a]\nbody: Two hookers came.\n")
    base = ["check", "--isolated", "--no-default-lexicons", "--lexicon", str(house)]
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", *base, "--fix", str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert draft.read_text() == "loop: &a [*a]\nbody: Two sex workers came.\n"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # an acronym's final S is no plural -s: "an AIDS case", not "a AIDS case"
        ("A full-blown AIDS case was reported.", "An AIDS case was reported."),
        # an acronym's plural agrees with the verb after it as any plural does ("STD" is a
        # style rule, which the strict profile reports)
        ("STDs are common in the county.", "STIs are common in the county."),
    ],
)
def test_acronyms_keep_their_number_in_a_fix(text: str, fixed: str) -> None:
    args = ["check", "--isolated", "--profile", "strict", "--fix", "-"]
    result = CliRunner().invoke(main, args, input=text)
    assert result.stdout == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a list item's continuation line stays one ("prison guard" is a style rule, which
        # the strict profile reports)
        ("- a prison\n  guard came\n", "- a correctional\n  officer came\n"),
        # a hard break stays a break
        ("A street  \nwalker came.\n", "A street-based  \nsex worker came.\n"),
    ],
)
def test_a_fix_across_a_line_break_keeps_the_break(text: str, fixed: str) -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--isolated",
            "--profile",
            "strict",
            "--fix",
            "--unsafe-fixes",
            "--stdin-filename",
            "x.md",
            "-",
        ],
        input=text,
    )
    assert result.stdout == fixed


def test_fixing_keeps_the_options_of_a_check(tmp_path: Path) -> None:
    # --max-findings and --report-unused-suppressions apply to the fixing run too, and a
    # file's notes are those of its last check
    draft = tmp_path / "notes.md"
    draft.write_text("A hooker left. " * 20 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--max-findings", "3", str(draft)])
    assert result.exit_code == 0, result.output
    assert "sex worker" in draft.read_text(encoding="utf-8")
    assert "stopped after" not in result.output  # the last check found none
    draft.write_text("A junkie. " * 5 + "A hooker.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--fix", "--max-findings", "3", "--format", "concise", str(draft)]
    )
    assert result.exit_code == 1
    assert result.stdout.count("drug-use/junkie") == 3
    assert "0 fixed, 3 remaining." in result.stdout  # the hooker was not reached
    assert "stopped after 3 findings" in result.stderr
    draft.write_text(
        "<!-- respectful-lint-disable-next-line drug-use -->\nA hooker.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["check", "--fix", "--report-unused-suppressions", "--format", "concise", str(draft)]
    )
    assert "meta/unused-suppression" in result.stdout
    assert draft.read_text(encoding="utf-8").endswith("A sex worker.\n")
    # standard input keeps its note too
    result = CliRunner().invoke(
        main, ["check", "--diff", "--max-findings", "3", "-"], input="A junkie. " * 8 + "\n"
    )
    assert "<stdin>: stopped after 3 findings" in result.stderr
