"""Context profiles: legal writing lowers statutory terms, peer-led writing drops reclaimed ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint import LintError, UsageError, lint_paths, lint_text
from respectful_lint.cli import main
from respectful_lint.lexicon import load_compiled
from respectful_lint.profiles import PROFILES, get_profile

RULES = {r.id: r for r in load_compiled().rules}

STATUTORY = [
    "sex-work/prostitute",
    "sex-work/prostitution",
    "incarceration/felon",
    "incarceration/offender",
    "immigration/alien",
    "trafficking/sex-trafficking",
]
RECLAIMED = ["sex-work/whore", "drug-use/drug-user", "incarceration/prisoner"]


def found(text: str, profile: str = "default") -> list[tuple[str, str]]:
    return [(f.rule, f.severity.label) for f in lint_text(text, kind="text", profile=profile)]


@pytest.mark.parametrize("rule", STATUTORY)
def test_statutory_terms_are_tagged(rule: str) -> None:
    assert "statutory" in RULES[rule].entry.tags


@pytest.mark.parametrize("rule", RECLAIMED)
def test_reclaimed_terms_are_tagged(rule: str) -> None:
    assert "reclaimed" in RULES[rule].entry.tags


def test_every_tag_a_profile_acts_on_is_used_by_a_built_in_entry() -> None:
    used = {tag for r in RULES.values() for tag in r.entry.tags}
    for profile in PROFILES.values():
        for tag, _ in profile.actions:
            assert tag in used, f"profile {profile.name} acts on unused tag {tag!r}"


def test_legal_profile_lowers_statutory_terms_to_suggestions() -> None:
    text = "The defendant, a convicted felon, was arrested with two prostitutes."
    assert found(text) == [
        ("incarceration/felon", "warning"),
        ("sex-work/prostitute", "warning"),
    ]
    assert found(text, "legal") == [
        ("incarceration/felon", "suggestion"),
        ("sex-work/prostitute", "suggestion"),
    ]


def test_legal_profile_leaves_other_terms_alone() -> None:
    text = "The officers called her a hooker."
    assert found(text, "legal") == found(text) == [("sex-work/hooker", "error")]


def test_community_profile_drops_reclaimed_terms_only() -> None:
    text = (
        "The whores on the corner run a peer group open to every drug user. "
        "Some prostitutes joined."
    )
    assert [rule for rule, _ in found(text)] == [
        "sex-work/whore",
        "drug-use/drug-user",
        "sex-work/prostitute",
    ]
    assert found(text, "community") == [("sex-work/prostitute", "warning")]


@pytest.mark.parametrize("profile", ["default", "legal", "community"])
def test_only_the_strict_profile_reports_style_rules(profile: str) -> None:
    text = "After a relapse she went to rehab."
    assert found(text, profile) == []
    assert [rule for rule, _ in found(text, "strict")] == ["drug-use/relapse", "drug-use/rehab"]


# wording preferences that label no one, a word its sources disagree on, a job title staff
# prefer, and everyday group words only one guide asks to replace: off unless the strict
# profile asks for them
STYLE_CASES = [
    (
        "The pantry feeds the poor and the undocumented. A drug dealer and two criminals "
        "robbed the brothel's madam last night.",
        [
            "homelessness/the-poor",
            "immigration/the-undocumented",
            "incarceration/drug-dealer",
            "incarceration/criminal",
            "sex-work/madam",
        ],
    ),
    (
        "Poverty-stricken and welfare-reliant families queue at the pantry.",
        ["homelessness/poverty-stricken", "homelessness/welfare-reliant"],
    ),
    (
        "Outreach to sex buyers is part of our answer to the opioid epidemic.",
        ["sex-work/sex-buyer", "drug-use/opioid-epidemic"],
    ),
    (
        "A prison guard and two guards at the jail were hurt in the fire.",
        ["incarceration/prison-guard", "incarceration/guard"],
    ),
    (
        "She chose when to disclose her HIV status. The fight against AIDS goes on. "
        "Critics call it a bathroom bill. Abolitionist groups want prostitution ended. "
        "The study covers commercial sex work in three ports.",
        [
            "hiv/disclose",
            "hiv/fight-against-aids",
            "gender-identity/bathroom-bill",
            "trafficking/abolitionist",
            "sex-work/commercial-sex-work",
        ],
    ),
]


@pytest.mark.parametrize("profile", ["default", "legal", "community"])
@pytest.mark.parametrize(("text", "style"), STYLE_CASES)
def test_style_rules_are_reported_by_the_strict_profile_only(
    profile: str, text: str, style: list[str]
) -> None:
    assert [rule for rule, _ in found(text, profile) if rule in style] == []
    assert [rule for rule, _ in found(text, "strict") if rule in style] == style


def test_quoted_speech_is_one_level_lower_in_every_profile() -> None:
    plain = "Police moved the prostitutes on."
    quoted = 'The sergeant said, "Police moved the prostitutes on."'
    assert found(plain) == [("sex-work/prostitute", "warning")]
    assert found(quoted) == [("sex-work/prostitute", "suggestion")]
    speech = 'A detective said, "We met a child prostitute at the motel."'
    assert found(speech) == [("child-exploitation/child-prostitute", "warning")]
    assert found(quoted, "legal") == [("sex-work/prostitute", "suggestion")]


def test_block_quote_is_one_level_lower() -> None:
    findings = lint_text("> Our shelter turned away a child prostitute last winter.\n")
    assert [(f.rule, f.severity.label) for f in findings] == [
        ("child-exploitation/child-prostitute", "warning")
    ]


def test_lint_paths_takes_a_profile(tmp_path: Path) -> None:
    (tmp_path / "brief.md").write_text("The statute defines who counts as an offender.\n")
    (f,) = lint_paths([tmp_path], profile="legal")
    assert (f.rule, f.severity.label) == ("incarceration/offender", "suggestion")
    assert lint_paths([tmp_path], profile="legal", min_severity="warning") == []


def test_unknown_profile_in_the_api_is_a_usage_error_with_a_hint() -> None:
    with pytest.raises(
        UsageError, match=r"unknown profile 'comunity' \(did you mean 'community'\?\)"
    ):
        lint_text("x", profile="comunity")
    with pytest.raises(LintError, match="known: default, legal, strict, community"):
        get_profile("zzz")


def test_profile_names_are_case_insensitive() -> None:
    assert get_profile("Legal") is PROFILES["legal"]


def check(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_cli_profile_option() -> None:
    text = "He is a convicted felon.\n"
    code, out, _ = check("-", "--format", "concise", "--profile", "legal", input=text)
    assert (code, out.split(" ", 2)[1]) == (0, "suggestion")
    code, out, _ = check("-", "--format", "concise", input=text)
    assert (code, out.split(" ", 2)[1]) == (1, "warning")
    code, out, _ = check("-", "--profile", "community", input="A whore's memoir.\n")
    assert (code, out) == (0, "No findings in 1 file.\n")


def test_cli_unknown_profile_exits_two_with_one_line_and_a_hint() -> None:
    code, out, err = check("-", "--profile", "legl", input="text\n")
    assert code == 2
    assert out == ""
    assert (
        err == "respectful-lint: error: --profile: unknown profile 'legl' (did you mean 'legal'?)\n"
    )
