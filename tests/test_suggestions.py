"""Suggestions take the number, possessive, case and apostrophe style of what was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from _house import HEADER
from respectful_lint import lint_text
from respectful_lint.cli import main

LEXICON = (
    HEADER
    + """\
  - id: caseworker
    terms: [case manager, case handler]
    preferred:
      - {text: support worker, for: [case handler]}
      - key worker
      - {text: person who supports clients, plural: people who support clients, possessive: false}
    severity: warning
    category: house-style
    note: We say "key worker".
    sources: [house]
    fix: safe
    examples:
      flag: [Ask the case manager.]
      pass: [Ask the key worker.]
  - id: visitor
    terms: [visitor]
    forms: [{text: folk who visit, plural: true}]
    preferred:
      - {text: person who visits, plural: people who visit, possessive: false}
    severity: warning
    category: house-style
    note: We say "person who visits".
    sources: [house]
    fix: safe
    examples:
      flag: [A visitor came.]
      pass: [A guest came.]
"""
)


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return path


def suggestions(text: str, lexicon: Path) -> list[tuple[str, tuple[str, ...]]]:
    found = lint_text(text, kind="text", lexicons=[lexicon], default_lexicons=False)
    return [(f.matched, f.suggestions) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ask the case managers.",
            ("key workers", "people who support clients"),
        ),
        (
            "The case manager's desk is free.",
            ("key worker's",),
        ),
        (
            "The case managers’ desks are free.",
            ("key workers’",),
        ),
        (
            "THE CASE MANAGER’S DESK",
            ("KEY WORKER’S",),
        ),
        (
            "Ask the case handler.",
            ("support worker", "key worker", "person who supports clients"),
        ),
        (
            "Meet The Case Managers Today",  # Title Case: every word but the minor ones
            ("Key Workers", "People Who Support Clients"),
        ),
        (
            "Case managers meet today.",  # a capital that only starts the sentence
            ("Key workers", "People who support clients"),
        ),
    ],
)
def test_suggestions_follow_the_match(lexicon: Path, text: str, expected: tuple[str, ...]) -> None:
    [(_, got)] = suggestions(text, lexicon)
    assert got == expected


def test_a_wording_without_a_possessive_is_offered_plain_and_not_as_a_fix(
    lexicon: Path,
) -> None:
    [finding] = lint_text(
        "The visitor's coat is here.", kind="text", lexicons=[lexicon], default_lexicons=False
    )
    assert finding.suggestions == ("person who visits",)
    assert finding.fix is None


def test_a_wording_made_for_the_term_is_not_traded_for_a_general_possessive() -> None:
    # "people on death row" takes no possessive; "incarcerated people's" would drop "death row"
    [finding] = lint_text("Death-row inmates' lawyers met the governor.", kind="text")
    assert finding.suggestions[0] == "People on death row"
    assert finding.fix is None
    [plain] = lint_text("Two death row inmates were freed.", kind="text")
    assert plain.suggestions[0] == "people on death row"
    assert plain.fix is not None


def test_a_fix_in_a_title_keeps_its_title_case() -> None:
    [finding] = lint_text("The Worst Prison Guards\n", kind="text", profile="strict")
    assert finding.fix is not None
    assert finding.fix.edits == ((10, 23, "Correctional Officers"),)
    [lived] = lint_text("Helping HIV-Infected Mothers Every Day\n", kind="text")
    assert lived.suggestions[0] == "Mothers Living with HIV"


@pytest.mark.parametrize(
    ("headline", "first"),
    [
        ("Inmate Escapes From County Jail", "Incarcerated Person"),  # one word, first
        ("Free Clinic For Hookers Opens", "Sex Workers"),  # "For": a headline, not a name
        ("Jobs For Inmates", "Incarcerated People"),  # "For" is no place ("at For")
        ("Feeding the Homeless Is Not a Crime", "People Experiencing Homelessness"),
        ("Former Crack Addict Opens Bakery", "Person Who Used to Use Crack"),
        ("Streetwalkers Demand Safer Lighting", "Street-Based Sex Workers"),  # each part
    ],
)
def test_a_word_of_a_title_case_headline_gets_its_wording_in_title_case(
    headline: str, first: str
) -> None:
    [finding] = lint_text(headline + "\n", kind="text")
    assert finding.suggestions[0] == first


def test_built_in_possessives_stay_grammatical() -> None:
    [finding] = lint_text("The volunteers read to the prostitutes’ kids every Friday.", kind="text")
    assert finding.suggestions == ("sex workers’",)


def test_for_must_name_one_of_the_entry_terms(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(LEXICON.replace("for: [case handler]", "for: [case handlr]"), "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Ask the case manager.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(path), str(draft)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"respectful-lint: error: {path}:11:38: 'case handlr' in 'for' is not one of the "
        "entry's terms or forms (did you mean 'case handler'?)"
    )


def test_every_term_needs_a_wording(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    text = LEXICON.replace("      - key worker\n", "").replace(
        "      - {text: person who supports clients, plural: people who support clients,"
        " possessive: false}\n",
        "",
    )
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(path), "-"], input="x\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"respectful-lint: error: {path}:11:7: 'preferred' has no wording for 'case manager'"
    )


def test_a_form_marked_plural_gets_plural_wordings(lexicon: Path) -> None:
    assert suggestions("Some folk who visit stay late.", lexicon) == [
        ("folk who visit", ("people who visit",))
    ]


WHEN_LEXICON = (
    HEADER
    + """\
  - id: bossing
    kind: pattern
    pattern: "(?<!\\\\w)boss(?:es|ed|ing)? (?:him|her|them) around(?!\\\\w)"
    preferred:
      - {text: ordering them about, when: "^bossing "}
      - {text: orders them about, when: "^bosses "}
      - {text: ordered them about, when: "^(?!boss(?:es|ing)? )"}
    severity: suggestion
    category: house-style
    note: We say "order about".
    sources: [house]
    examples:
      flag: [Stop bossing them around.]
      pass: [Stop ordering them about.]
"""
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She kept bossing them around.", ("ordering them about",)),
        ("He bosses them around daily.", ("orders them about",)),
        ("They bossed them around.", ("ordered them about",)),
    ],
)
def test_when_picks_the_wording_for_the_form_matched(
    tmp_path: Path, text: str, expected: tuple[str, ...]
) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(WHEN_LEXICON, "utf-8")
    [finding] = lint_text(text, kind="text", lexicons=[path], default_lexicons=False)
    assert finding.suggestions == expected


def test_when_no_wording_fits_the_form_every_wording_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(WHEN_LEXICON.replace("(?!boss(?:es|ing)? )", "bossed "), "utf-8")
    [finding] = lint_text("Boss them around!", kind="text", lexicons=[path], default_lexicons=False)
    assert finding.suggestions == ("Ordering them about", "Orders them about", "Ordered them about")


def test_when_must_be_a_valid_expression(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(WHEN_LEXICON.replace('when: "^bosses "', 'when: "^(bosses "'), "utf-8")
    result = CliRunner().invoke(main, ["check", "--lexicon", str(path), "-"], input="x\n")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"respectful-lint: error: {path}:13:41: 'when' is not a valid regular expression: "
    )
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rumour had it she was prostituting herself.", ("selling sex", "working")),
        ("He prostitutes himself to cover the rent.", ("sells sex",)),
        ("The paper said she prostituted herself.", ("sold sex", "worked")),
        ("She was prostituted by a cousin, the paper said.", ("sold sex", "worked")),
    ],
)
def test_built_in_verb_wording_follows_the_verb_form(text: str, expected: tuple[str, ...]) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.rule == "sex-work/prostituting"
    assert finding.suggestions == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lunch is served to prostituted women.", "women who sell sex"),
        ("Lunch is served to any prostituted woman.", "woman who sells sex"),
        ("Lunch is served to prostituted men.", "men who sell sex"),
        ("Lunch is served to prostituted people.", "people who sell sex"),
        ("PROSTITUTED WOMEN WELCOME", "WOMEN WHO SELL SEX"),
        ("Our group meets children of alcoholic parents.", "parents with alcohol use disorders"),
        ("She was raised by an alcoholic father.", "father with an alcohol use disorder"),
    ],
)
def test_built_in_wording_keeps_the_person_noun_written(text: str, expected: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions[0] == expected


@pytest.mark.parametrize(
    ("text", "matched", "expected"),
    [
        (
            "Nurses at the HIV clinic sat with the infected mother overnight.",
            "infected mother",
            "mother living with HIV",
        ),
        (
            "Staff kept the infected men apart on the HIV ward.",
            "infected men",
            "men living with HIV",
        ),
        ("On the HIV ward the infected were kept apart.", "the infected", "people living with HIV"),
    ],
)
def test_the_infected_before_a_person_takes_the_person_noun(
    text: str, matched: str, expected: str
) -> None:
    [finding] = lint_text(text, kind="text")
    assert (finding.matched, finding.suggestions[0]) == (matched, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mentors meet AIDS orphans on Fridays.", "children orphaned by AIDS"),
        ("AIDS orphans meet their mentors on Fridays.", "Children orphaned by AIDS"),
        ("Staff say HIV-infected parents avoid the clinic.", "parents living with HIV"),
        ("HIV-infected parents avoid the clinic.", "Parents living with HIV"),
        ("HIV-INFECTED PARENTS AVOID CLINIC", "PARENTS LIVING WITH HIV"),
        ("Condom use among CSWs rose in the study period.", "sex workers"),
        ("CSWs took part in the study.", "Sex workers"),
        ("The van stops for IDUs twice a week.", "people who inject drugs"),
    ],
)
def test_a_match_starting_with_an_acronym_gets_a_capital_only_at_a_sentence_start(
    text: str, expected: str
) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The orchard ran on illegal labor for a decade.", "workers without work authorization"),
        ("The orchard ran on illegal labour for a decade.", "workers without work authorisation"),
    ],
)
def test_built_in_wording_follows_the_spelling_of_the_match(text: str, expected: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions == (expected,)


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        ("Park in a handicapped bay by the door.", ["an"]),  # not "a accessible bay"
        ("Park in the handicapped bay by the door.", []),
        ("She booked an AIDS test for Monday.", []),  # "an HIV test"
    ],
)
def test_a_fix_changes_the_article_before_it_when_the_wording_needs_the_other(
    text: str, articles: list[str]
) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.fix is not None
    assert finding.fix.applicability == "safe"
    before = [new for start, _, new in finding.fix.edits if start < finding.start]
    assert before == articles


def test_a_fix_changes_the_article_that_no_longer_fits() -> None:
    text = "Park in a handicapped bay by the door."
    [finding] = lint_text(text, kind="text")
    assert finding.fix is not None
    for start, end, replacement in sorted(finding.fix.edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    assert text == "Park in an accessible bay by the door."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her uncle caught HIV in the 1990s.", ("acquired HIV",)),
        ("Nobody catches HIV from a shared cup.", ("acquires HIV",)),
        ("The novel's hero commits suicide in chapter nine.", ("dies by suicide",)),
        ("My neighbour suffers from HIV.", ("lives with HIV", "has HIV")),
        ("His aunt suffered from AIDS for a decade.", ("lived with HIV",)),
    ],
)
def test_built_in_verb_wordings_agree_with_the_verb_matched(
    text: str, expected: tuple[str, ...]
) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions == expected


@pytest.mark.parametrize(
    ("text", "matched", "first"),
    [
        ("He has stayed clean and sober since the spring.", "clean and sober", "in recovery"),
        ("Tell the group your clean date on Friday.", "clean date", "recovery date"),
        ("She counted her clean time in months.", "clean time", "time in recovery"),
    ],
)
def test_clean_phrases_get_wordings_that_fit_the_phrase(
    text: str, matched: str, first: str
) -> None:
    [finding] = lint_text(text, kind="text")
    assert (finding.matched, finding.suggestions[0]) == (matched, first)


NEAR_LEXICON = (
    HEADER
    + """\
  - id: visitor
    terms: [visitor]
    preferred:
      - guest
      - {text: person who came, plural: people who came, near: [left, leav*, gone]}
    severity: warning
    category: house-style
    note: We say "guest".
    sources: [house]
    examples:
      flag: [A visitor came.]
      pass: [A guest came.]
"""
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A visitor sat down.", ("guest", "person who came")),
        ("The visitor left early.", ("person who came", "guest")),
        ("The visitors were leaving.", ("people who came", "guests")),
    ],
)
def test_near_puts_a_wording_first_when_its_words_stand_in_the_sentence(
    tmp_path: Path, text: str, expected: tuple[str, ...]
) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(NEAR_LEXICON, "utf-8")
    [finding] = lint_text(text, kind="text", lexicons=[path], default_lexicons=False)
    assert finding.suggestions == expected


def test_the_people_an_aids_victim_names_may_have_died() -> None:
    [buried] = lint_text("AIDS victims were buried in unmarked graves.", kind="text")
    assert buried.suggestions[0] == "People who died of AIDS"
    [founded] = lint_text("The charity was founded by AIDS victims in 1985.", kind="text")
    assert founded.suggestions[0] == "people living with HIV"


def test_near_must_list_single_words(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(NEAR_LEXICON.replace("near: [left, leav*, gone]", "near: [left, went away]"))
    result = CliRunner().invoke(main, ["check", "--lexicon", str(path), "-"], input="x\n")
    assert result.exit_code == 2
    assert result.stderr == (
        f"respectful-lint: error: {path}:12:71: 'went away' in 'near' is not one word (letters, "
        "digits, ' and -, and '*' at the end for a word start)\n"
    )


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("An HIV/AIDS test is free at the clinic.", "HIV test"),
        ("The AIDS virus (HIV) is treatable.", "HIV"),
        ("Police rescue raids were condemned.", "police raids"),
        ("We support sex workers and prostitutes alike.", "sex workers"),
        ("Clients and johns paid the same fines.", "clients"),
    ],
)
def test_a_wording_that_would_repeat_the_words_beside_it_is_an_idea(
    text: str, wording: str
) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions[0] == wording
    assert finding.fix is None


def test_a_capitalized_compound_at_a_sentence_start_is_no_name() -> None:
    # "Hooker said …" may be a surname; "Safe-sex messages …" is no one's name
    [finding] = lint_text("Safe-sex messages are printed on every pack.", kind="text")
    assert finding.fix is not None
    assert finding.fix.applicability == "safe"


def test_a_headings_first_word_is_no_sign_of_a_name() -> None:
    # "Free" is capitalized as the heading's first word; "STD Testing Week" is a name ("STD"
    # is a style rule, which the strict profile reports)
    [free] = lint_text("## Free STD testing {#std}\n", kind="markdown", profile="strict")
    assert free.fix is not None and free.fix.applicability == "safe"
    [week] = lint_text("## Free STD Testing Week\n", kind="markdown", profile="strict")
    assert week.fix is None


def test_a_wording_whose_last_word_the_next_phrase_repeats_is_an_idea() -> None:
    # "sex workers and workers from the factory" would repeat "workers"
    [finding] = lint_text("Prostitutes and workers from the factory shared the bus.", kind="text")
    assert finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "The women said they were coerced into escorting as hookers.",
        "Gangs sold him into prostitution.",
    ],
)
def test_no_fix_puts_a_word_of_work_into_a_claim_of_force(text: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.fix is None
    assert finding.suggestions


@pytest.mark.parametrize(
    ("text", "rule", "first"),
    [
        (
            "AIDS killed many IV drug users in the city in the 1980s.",
            "drug-use/injecting-drug-user",
            "people who injected drugs",
        ),
        ("The junkie who died in the park was 34.", "drug-use/junkie", "person who used drugs"),
        (
            "Addicts buried in the county plot had no names.",
            "drug-use/addict",
            "People who used drugs",
        ),
        # the living keep the present tense
        (
            "Needle programmes reach IV drug users.",
            "drug-use/injecting-drug-user",
            "people who inject drugs",
        ),
    ],
)
def test_people_who_died_are_described_in_the_past_tense(text: str, rule: str, first: str) -> None:
    [finding] = [f for f in lint_text(text, kind="text") if f.rule == rule]
    assert finding.suggestions[0] == first


def test_a_group_called_the_insane_gets_wordings_for_a_group() -> None:
    text = "The county farm housed the insane for decades."
    [finding] = lint_text(text, kind="text")
    assert finding.suggestions[:2] == (
        "people with mental illness",
        "people with mental health conditions",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Her alcoholic parents' house was sold at auction.",
        "An alcoholic mother of three was evicted last week.",
        "A wheelchair-bound mother of three chaired the meeting.",
        "The HIV-infected mothers of newborns get free formula.",
    ],
)
def test_a_wording_does_not_split_a_possessive_or_an_of_phrase_after_the_noun(text: str) -> None:
    [finding] = lint_text(text, kind="text")
    noun = text.split()[2].rstrip("'")
    assert not any(noun in s for s in finding.suggestions)
    assert finding.fix is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The van visits heroin addicts at the bridge.", "people with opioid use disorder"),
        ("He was an opiate addict for a decade.", "person with an opioid use disorder"),
        ("Substance abusers are welcome here.", "People with substance use disorders"),
        ("He spent a year getting clean in the hostel.", "entering recovery"),
        ("She wants to get clean from heroin before the baby comes.", "enter recovery"),
        ("Children with mental retardation were sent away.", "intellectual disabilities"),
    ],
)
def test_built_in_wordings_offer_the_diagnosis_named_by_the_guides(text: str, wanted: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert wanted in finding.suggestions


def test_a_wording_the_lexicon_writes_with_a_capital_keeps_it_mid_sentence() -> None:
    [finding] = lint_text("The 1950 ward report calls it Mongolism throughout.", kind="text")
    assert finding.suggestions == ("Down syndrome",)
