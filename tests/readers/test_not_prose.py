"""Addresses, paths and code names inside running text are not prose and are never flagged."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text


@pytest.mark.parametrize(
    "text",
    [
        "Send the rota to john@harbourclinic.example before Friday.",
        "Write to mary.john@example.org with questions.",
        "Our old page lived at www.addict-help.example/contact for years.",
        "The archive is at https://example.org/prostitute-history.",
        "Copy the file to /home/john/forms before the audit.",
        "Perl's Getopt::Std module reads the flags.",
        "Set STD{IN,OUT,ERR} to UTF-8 in the script.",
        "Follow @john on the forum for updates.",
        "Call clean(john) and read names[john] before the loop.",
        "Read log.john.2 and prostitute.v2 from the archive.",
        "Move the file inmates.5 over inmates.6 when the copy ends.",
        "Load the copy named addicts.2 (the March export) into the table.",
        "Save it as C:\\Users\\john\\notes.docx first.",
        "<p>Dear {{ john }}, welcome.</p>",
        "{% if hooker %}Shown to members{% endif %}",
        "Hello {john}, your ${john} and %(john)s, [[john]] and <%= john %> are set.",
    ],
)
def test_addresses_and_code_names_are_not_flagged(text: str) -> None:
    assert lint_text(text, kind="text") == []


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("The john left before the outreach van came.", "john"),
        ("Prostitutes/sex workers were consulted.", "Prostitutes"),
        ("We met an addict. Then we went home.", "addict"),
        ("Email us about the addict (he asked for help).", "addict"),
        ("The report quotes a (hooker) and a [john] in brackets.", "hooker"),
        ("The report quotes a (hooker) and a [john] in brackets.", "john"),
        # one backslash is no Windows path
        ("Hookers/Johns\\Pimps are words from the old files.", "Hookers"),
        ("The addict, he said, was his brother.", "addict"),
        # a note's number right after a sentence's stop
        ("Dentists should know the care needs of these drug users.4", "drug users"),
        ("Few services reach addicts.12 The survey found the same.", "addicts"),
        ("Uptake was low among heroin addicts.4,5 Clinics closed early.", "heroin addicts"),
        ("Screening missed many junkies.\u2074", "junkies"),
    ],
)
def test_words_beside_ordinary_punctuation_are_still_flagged(text: str, matched: str) -> None:
    assert matched in [f.matched for f in lint_text(text, kind="text")]


@pytest.mark.parametrize(
    "after",
    ["https://example.org/help", "Getopt::Std", "help@example.org", "Run this::"],
)
def test_an_address_in_the_next_paragraph_does_not_hide_a_word(after: str) -> None:
    # a paragraph break ends the token an address is looked for in, as a blank does
    text = f"We met an addict.\n\n{after}\n\n"
    assert [f.matched for f in lint_text(text, kind="text")] == ["addict"]


@pytest.mark.parametrize(
    "text",
    [
        "The undocumented `parse_legacy()` helper was removed in version 3.",
        "The homeless `Shelter` record type keeps its old fields.",
    ],
)
def test_inline_code_after_an_adjective_is_the_thing_it_describes(text: str) -> None:
    # "the undocumented" and "the homeless" are collective nouns only when nothing follows
    assert lint_text(text, kind="markdown") == []


@pytest.mark.parametrize(
    "line",
    [
        ">>> roster = ['ana', 'john', 'li']",
        "    >>> roster = ['ana', 'john', 'li']",
        "\t... 'john': 3,",
        "  $ grep -r john /srv/intake",
    ],
)
def test_doctest_and_shell_lines_are_code_indented_or_not(line: str) -> None:
    text = f"The intake examples:\n\n{line}\n\nA john is a client.\n"
    assert [f.line for f in lint_text(text, kind="text")] == [5]


def test_a_hashtag_is_reported_without_a_fix() -> None:
    (finding,) = lint_text("Follow #hookers for news.", kind="text")
    assert finding.matched == "hookers"
    assert finding.fix is None
    # a template tag on another line hides nothing
    assert [f.matched for f in lint_text("{{ x }}\nA hooker came.\n}}", kind="text")] == ["hooker"]
