"""The ``rules`` and ``explain`` commands as a user meets them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import get_args

import pytest
from click.testing import CliRunner, Result

from respectful_lint import describe
from respectful_lint.cli import main
from respectful_lint.lexicon import load_compiled
from respectful_lint.model import (
    Condition,
    Guard,
    GuardAction,
    QuotePolicies,
    QuotePolicy,
    WordWindow,
)
from respectful_lint.profiles import PROFILES, ProfileAction
from respectful_lint.reporters import RenderOptions, get_rule_reporter
from respectful_lint.reporters.rules_text import PROFILE_ACTIONS

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
HOUSE = ["--no-default-lexicons", "--lexicon", str(DATA / "explain.yaml")]
# the rules the default profile runs (it turns off the 'style' rules)
BUILT_IN = tuple(r for r in load_compiled().rules if "style" not in r.entry.tags)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")


def assert_usage_error(result: Result, message: str) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"respectful-lint: error: {message}\n"


# --- rules ---------------------------------------------------------------------------------------


def test_rules_lists_every_built_in_rule_with_its_columns() -> None:
    result = cli("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["RULE", "SEVERITY", "CATEGORY", "FIX", "PREFERRED"]
    fixes = [sum(1 for r in BUILT_IN if r.entry.fix == k) for k in ("safe", "unsafe", "none")]
    assert lines[-1] == (
        f"{len(BUILT_IN)} rules: {fixes[0]} fix safely, {fixes[1]} unsafely (with "
        f"--unsafe-fixes), {fixes[2]} offer no fix."
    )
    assert {line.split()[3] for line in lines[1:-1]} == {"safe", "unsafe", "none"}
    assert [line.split()[0] for line in lines[1:-1]] == [r.id for r in BUILT_IN]
    (hooker,) = [line for line in lines if line.startswith("sex-work/hooker ")]
    assert hooker.split()[1:4] == ["error", "sex-work", "safe"]
    assert hooker.endswith("  sex worker")


def test_the_strict_profile_lists_the_style_rules_too() -> None:
    result = cli("rules", "--profile", "strict")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith(f"{len(load_compiled().rules)} rules: ")
    assert "drug-use/relapse " in result.stdout


def test_rules_json_is_a_stable_document() -> None:
    result = cli("rules", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["version", "rules"]
    assert doc["version"] == 1
    assert len(doc["rules"]) == len(BUILT_IN)
    keys = ["id", "lexicon", "category", "severity", "kind", "fix", "preferred", "tags"]
    assert all(list(r) == keys for r in doc["rules"])
    by_id = {r["id"]: r for r in doc["rules"]}
    assert by_id["sex-work/prostitute"]["tags"] == ["statutory"]
    assert by_id["sex-work/prostitute"]["preferred"][0] == "sex worker"


def test_rules_json_for_a_custom_lexicon_matches_golden() -> None:
    result = cli("rules", "--format", "json", *HOUSE)
    assert result.exit_code == 0
    assert_golden("rules.json", result.stdout)


def test_rules_category_filters_and_accepts_a_list() -> None:
    ids = [
        r["id"]
        for r in json.loads(cli("rules", "--format", "json", "--category", "hiv").stdout)["rules"]
    ]
    assert ids and all(i.startswith("hiv/") for i in ids)
    both = cli("rules", "--category", "hiv,homelessness").stdout.splitlines()[1:-1]
    assert {line.split()[2] for line in both} == {"hiv", "homelessness"}


def test_rules_unknown_category_is_a_usage_error_with_a_hint() -> None:
    assert_usage_error(
        cli("rules", "--category", "sexwork"),
        "--category: unknown category 'sexwork' (did you mean 'sex-work'?)",
    )


def test_rules_follow_the_profile() -> None:
    legal = json.loads(cli("rules", "--format", "json", "--profile", "legal").stdout)["rules"]
    assert {r["id"]: r["severity"] for r in legal}["incarceration/felon"] == "suggestion"
    community = cli("rules", "--profile", "community").stdout
    assert "sex-work/whore " not in community
    assert "sex-work/hooker " in community


def test_rules_unknown_profile_is_a_usage_error() -> None:
    assert_usage_error(
        cli("rules", "--profile", "comunity"),
        "--profile: unknown profile 'comunity' (did you mean 'community'?)",
    )


def test_rules_bad_lexicon_exits_two(tmp_path: Path) -> None:
    result = cli("rules", "--lexicon", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith("respectful-lint: error: ")
    assert "missing.yaml" in result.stderr


# --- explain -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_explain_every_guard_kind_matches_golden(fmt: str) -> None:
    result = cli("explain", "house/case", "--format", fmt, *HOUSE)
    assert result.exit_code == 0
    assert_golden(f"explain.{fmt}", result.stdout)


def test_explain_a_built_in_rule_shows_every_section() -> None:
    result = cli("explain", "sex-work/prostitute")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("sex-work/prostitute\n")
    assert "prostitute: prostitute, prostitutes, prostitute's, prostitutes'" in out
    assert "Preferred wording, best first:\n  1. sex worker\n" in out
    rule = next(r for r in BUILT_IN if r.id == "sex-work/prostitute")
    assert " ".join(rule.entry.note.split()[:6]) in out
    for source in rule.sources:
        assert source.url in out
    assert 'Not reported as part of: "English Collective of Prostitutes"' in out
    assert "Named as a word, not used" in out
    assert "In scare quotes but used" in out
    assert "  - legal: reported as a suggestion." in out
    for example in (*rule.entry.examples.flag, *rule.entry.examples.passes):
        assert example in out


def test_explain_shows_the_severity_a_profile_gives() -> None:
    legal = cli("explain", "incarceration/felon", "--profile", "legal").stdout
    assert "  severity  warning (suggestion with the legal profile)\n" in legal
    community = cli("explain", "sex-work/whore", "--profile", "community").stdout
    assert "  severity  error (off with the community profile)\n" in community


def test_explain_works_for_every_built_in_rule() -> None:
    text_reporter, json_reporter = get_rule_reporter("text"), get_rule_reporter("json")
    for rule in BUILT_IN:
        explained = describe.explanation(rule)
        text = text_reporter.render_explanation(explained, RenderOptions())
        assert text.startswith(rule.id + "\n") and "Why:" in text
        data = json.loads(json_reporter.render_explanation(explained, RenderOptions()))
        assert data["rule"]["id"] == rule.id


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("prostitute", "'sex-work/prostitute'"),
        ("sex-work/prostitue", "'sex-work/prostitute'"),
        ("hooker", "'sex-work/hooker'"),
    ],
)
def test_explain_unknown_rule_suggests_close_ids(name: str, hint: str) -> None:
    result = cli("explain", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"respectful-lint: error: unknown rule '{name}' (did you mean {hint}")


def test_explain_unknown_rule_without_a_close_match_points_at_rules() -> None:
    assert_usage_error(
        cli("explain", "zzzzzz"),
        "unknown rule 'zzzzzz'; 'respectful-lint rules' lists them",
    )


# --- guards in plain words -----------------------------------------------------------------------


def test_a_requirement_reads_in_plain_words() -> None:
    cond = Condition(
        (("not_after", WordWindow((("*",),), 1)), ("not_next_class", frozenset({"noun", "adj"})))
    )
    assert describe.describe_requires([cond]) == (
        "Only reported when no word comes after it in the sentence and the next word cannot be "
        "an adjective or a noun."
    )


def test_every_action_and_quote_policy_has_a_rendering() -> None:
    assert set(describe.GUARD_ACTIONS) == set(get_args(GuardAction))
    assert set(describe.QUOTE_POLICIES) == set(get_args(QuotePolicy))
    assert set(PROFILE_ACTIONS) == set(get_args(ProfileAction))
    for profile in PROFILES.values():
        assert all(action in PROFILE_ACTIONS for _, action in profile.actions)


def test_a_guard_reads_as_a_sentence() -> None:
    guard = Guard(
        Condition((("near", WordWindow((("rugby",), ("scrum*",)), 10)),)),
        "skip",
        "the rugby position",
    )
    assert describe.describe_guard(guard) == (
        'Not reported when one of "rugby", "scrum*" is within 10 words on either side '
        "(the rugby position)."
    )
    assert describe.describe_quotes(QuotePolicies()) == [
        'Named as a word, not used (the term "…", words like "…", so-called "…", called them "…", '
        '"…" refers to / is outdated): not reported.',
        'In scare quotes but used (arrested six "…"): reported one level lower.',
        "Inside quoted speech or a block quote: reported one level lower.",
    ]


# --- reading a finding ---------------------------------------------------------------------------


def test_check_text_ends_each_finding_with_use_and_why_and_no_explain_keeps_use() -> None:
    text = "A hooker and two prostitutes.\n"
    full = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "d.txt"], input=text)
    blocks = [b.splitlines() for b in full.stdout.split("\n\n")[:2]]
    assert blocks[0][3] == "   = use: sex worker"
    assert blocks[1][3].startswith("   = use: sex workers; ")
    assert all(b[4].startswith("   = why: ") for b in blocks)
    args = ["check", "-", "--stdin-filename", "d.txt", "--no-explain"]
    short = CliRunner().invoke(main, args, input=text).stdout
    assert "= why:" not in short
    assert short.count("= use:") == 2


def test_readme_documents_every_command_and_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"respectful-lint {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert f"`{opt}" in readme or f"[{opt}" in readme, (name, opt)


def test_explain_shows_a_conflation_rules_shape_groups_and_guards() -> None:
    result = CliRunner().invoke(main, ["explain", "conflation/coordination"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Shape: " in out
    assert "- sw: conflation/sw" in out and "- tr: conflation/tr" in out
    assert "Not reported, or reported lower, when:" in out
    data = json.loads(
        CliRunner().invoke(main, ["explain", "conflation/gloss", "--format", "json"]).output
    )
    shape = data["rule"]["conflation"]
    assert shape["shape"] == "gloss"
    assert {g["role"] for g in shape["groups"]} >= {"sw", "tr"}
    assert all(g["tests"] for g in shape["guards"])


def test_rules_and_explain_show_wording_templates_in_plain_words() -> None:
    table = cli("rules").stdout
    (line,) = [x for x in table.splitlines() if x.startswith("hiv/hiv-infected ")]
    assert line.endswith("  living with HIV")
    out = cli("explain", "hiv/hiv-infected").stdout
    assert "{noun} living with HIV (fits before a noun, which the wording takes in)" in out
