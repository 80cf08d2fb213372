"""An organization's own settings through the command line: extends, overrides, allow,
plugins (in-process, with a plugin distribution written on sys.path), schemas and TOML errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint import plugins
from respectful_lint.cli import main

DRAFT = "The inmate wrote to the prostitute about the case file.\n"
INMATE = "incarceration/inmate"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(cwd: Path, *args: str) -> Result:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)


def concise(cwd: Path, *args: str) -> list[str]:
    return run(cwd, "check", "--format", "concise", *args).stdout.splitlines()


def error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write(root / "draft.md", DRAFT)
    return root


# --- extends -------------------------------------------------------------------------------------


def test_strict_preset_makes_suggestions_fail(project: Path) -> None:
    write(
        project / ".respectful-lint.yaml",
        "overrides:\n  incarceration/inmate: {severity: suggestion}\nignore: [sex-work]\n",
    )
    assert run(project, "check", "draft.md").exit_code == 0
    write(
        project / ".respectful-lint.yaml",
        "extends: respectful-lint:strict\n"
        "overrides:\n  incarceration/inmate: {severity: suggestion}\nignore: [sex-work]\n",
    )
    assert run(project, "check", "draft.md").exit_code == 1


@pytest.mark.parametrize(("preset", "profile"), [("legal", "legal"), ("community", "community")])
def test_profile_presets_set_the_profile(project: Path, preset: str, profile: str) -> None:
    write(project / ".respectful-lint.yaml", f"extends: [respectful-lint:{preset}]\n")
    with_preset = run(project, "rules", "--format", "json").stdout
    assert (
        with_preset
        == run(project, "rules", "--isolated", "--profile", profile, "--format", "json").stdout
    )
    assert with_preset != run(project, "rules", "--isolated", "--format", "json").stdout


def test_later_settings_win_and_files_extend_files(project: Path) -> None:
    write(project / "shared" / "base.yaml", "fail-on: error\nallow: [inmate]\nlexicons: [house]\n")
    write(project / "shared" / "house" / "house.yaml", _HOUSE)
    write(
        project / ".respectful-lint.yaml",
        "extends: [shared/base.yaml]\nfail-on: warning\nallow: [prostitute]\n",
    )
    assert concise(project, "draft.md") == [
        'draft.md:1:46: warning house/case-file Avoid "case file"; use "client record"'
    ]
    assert run(project, "check", "draft.md").exit_code == 1  # fail-on: warning, set last


def test_extends_errors_name_the_file_and_suggest(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "extends: [respectful-lint:strct]\n")
    assert error(run(project, "check")) == (
        "respectful-lint: error: .respectful-lint.yaml:1:11: extends: 'respectful-lint' has no "
        "preset 'strct' (did you mean 'respectful-lint:strict'?)"
    )
    write(project / "base.yaml", "extends: .respectful-lint.yaml\n")
    write(project / ".respectful-lint.yaml", "extends: base.yaml\n")
    assert "base.yaml:1:10: extends: '.respectful-lint.yaml' extends this file again" in error(
        run(project, "check")
    )
    write(project / "base.yaml", "fail-on: errors\n")
    assert error(run(project, "check")).startswith(
        "respectful-lint: error: base.yaml:1:10: 'fail-on' must be one of"
    )


# --- overrides -----------------------------------------------------------------------------------


def test_override_changes_severity_and_wording_and_explain_says_where(project: Path) -> None:
    write(
        project / ".respectful-lint.yaml",
        "ignore: [sex-work]\noverrides:\n  incarceration/inmate:\n    severity: suggestion\n"
        "    preferred: [resident]\n",
    )
    assert concise(project, "draft.md") == [
        'draft.md:1:5: suggestion incarceration/inmate Consider "resident" instead of "inmate"'
    ]
    out = run(project, "explain", INMATE).stdout
    assert "Overridden by the configuration:" in out
    assert "severity: suggestion  (.respectful-lint.yaml:4)" in out
    assert "preferred: resident  (.respectful-lint.yaml:5)" in out
    data = json.loads(run(project, "explain", INMATE, "--format", "json").stdout)
    assert data["rule"]["overrides"][0] == {
        "field": "severity",
        "value": "suggestion",
        "from": ".respectful-lint.yaml:4",
    }
    assert "resident" in run(project, "rules", "--category", "incarceration").stdout


def test_overriding_the_wording_makes_a_safe_fix_unsafe_unless_it_says_safe(
    project: Path,
) -> None:
    write(project / "two.md", "Two hookers came.\n")
    wording = "preferred: [{text: person who sells sex, plural: people who sell sex}]"
    write(project / ".respectful-lint.yaml", f"overrides:\n  sex-work/hooker: {{{wording}}}\n")
    result = run(project, "check", "--diff", "two.md")
    assert result.stdout == ""
    assert "0 would be fixed, 1 remaining (1 with an unsafe fix" in result.stderr
    rules = run(project, "rules", "--category", "sex-work").stdout.splitlines()
    assert [r.split()[3] for r in rules if r.startswith("sex-work/hooker ")] == ["unsafe"]
    write(
        project / ".respectful-lint.yaml",
        f"overrides:\n  sex-work/hooker: {{fix: safe, {wording}}}\n",
    )
    result = run(project, "check", "--diff", "two.md")
    assert "+Two people who sell sex came.\n" in result.stdout
    assert "1 would be fixed, 0 remaining." in result.stderr


def test_override_of_an_unknown_rule_is_an_error_with_a_hint(project: Path) -> None:
    write(
        project / ".respectful-lint.yaml", "overrides:\n  incarceration/inmat: {severity: error}\n"
    )
    message = error(run(project, "check"))
    assert message.startswith(
        "respectful-lint: error: .respectful-lint.yaml:2:3: overrides: no rule "
        "'incarceration/inmat' (did you mean 'incarceration/inmate'"
    )
    assert error(run(project, "rules")) == message
    write(
        project / ".respectful-lint.yaml", "overrides:\n  incarceration/inmate: {sevrity: error}\n"
    )
    assert (
        "unknown key 'sevrity' in 'overrides.incarceration/inmate' (did you mean 'severity'?)"
        in (error(run(project, "check")))
    )


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (
            'sex-work/hooker: {message: "Avoid {foo}"}',
            "2:30: 'overrides.sex-work/hooker.message' has {foo}, which is not filled in: use "
            "{matched} or {preferred}",
        ),
        (
            'sex-work/hooker: {note: ""}',
            "2:27: 'overrides.sex-work/hooker.note' must be a non-empty string, not an empty one",
        ),
        (
            "conflation/coordination: {fix: safe}",
            "2:34: overrides: 'conflation/coordination' is a conflation rule, which has no fix "
            "(the sentence must be rewritten); only 'fix: none' applies",
        ),
    ],
)
def test_an_override_a_lexicon_would_refuse_is_refused(
    project: Path, override: str, message: str
) -> None:
    write(project / ".respectful-lint.yaml", f"overrides:\n  {override}\n")
    expected = f"respectful-lint: error: .respectful-lint.yaml:{message}"
    assert error(run(project, "check")) == expected


def test_a_house_entry_named_like_a_built_in_rule_points_to_overrides(project: Path) -> None:
    lexicon = _HOUSE.replace("id: case-file", "id: incarceration/inmate")
    write(project / "house.yaml", lexicon)
    message = error(run(project, "check", "--lexicon", "house.yaml"))
    assert "entry id 'incarceration/inmate' names a rule of another lexicon" in message
    assert "use 'overrides:' in the configuration" in message


# --- allow ---------------------------------------------------------------------------------------


def test_allow_covers_every_inflection_and_phrases(project: Path) -> None:
    write(project / "more.md", "Two inmates and an inmate's family. Two johns paid.\n")
    write(project / ".respectful-lint.yaml", "select: [incarceration, sex-work/john]\n")
    assert [line.split(": ", 1)[1] for line in concise(project, "more.md")] == [
        'warning incarceration/inmate Avoid "inmates"; use "incarcerated people"',
        'warning incarceration/inmate Avoid "inmate\'s"; use "incarcerated person\'s"',
        'warning sex-work/john Avoid "johns"; use "clients"',
    ]
    write(
        project / ".respectful-lint.yaml",
        "allow: [inmate, johns paid]\nselect: [incarceration, sex-work/john]\n",
    )
    assert concise(project, "draft.md", "more.md") == []
    write(project / "more.md", "Our Johns Hopkins file. Two johns paid.\n")
    write(
        project / ".respectful-lint.yaml",
        "allow: [inmate, Johns Hopkins]\nselect: [incarceration, sex-work/john]\n",
    )
    assert concise(project, "more.md") == [
        'more.md:1:29: warning sex-work/john Avoid "johns"; use "clients"'
    ]
    write(
        project / ".respectful-lint.yaml",
        "select: [incarceration]\noverrides:\n  incarceration/inmate: {allow: [inmate]}\n",
    )
    assert concise(project, "more.md") == []


def test_allow_per_path_through_per_file_ignores(project: Path) -> None:
    write(project / "legal" / "brief.md", DRAFT)
    write(
        project / ".respectful-lint.yaml",
        "select: [incarceration]\nper-file-ignores:\n  'legal/**': {allow: [inmate]}\n",
    )
    assert concise(project, "draft.md", "legal/brief.md") == [
        'draft.md:1:5: warning incarceration/inmate Avoid "inmate"; use "incarcerated person"'
    ]


# --- plugins -------------------------------------------------------------------------------------


def _plugin(site: Path, name: str, groups: dict[str, dict[str, str]], module: str = "") -> None:
    """A plugin distribution written straight into a folder on sys.path."""
    dist = site / f"{name.replace('-', '_')}-1.0.dist-info"
    write(dist / "METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    lines = []
    for group, eps in groups.items():
        lines.append(f"[{group}]")
        lines.extend(f"{k} = {v}" for k, v in eps.items())
    write(dist / "entry_points.txt", "\n".join(lines) + "\n")
    if module:
        write(site / f"{name.replace('-', '_')}.py", module)


def _forget_plugins() -> None:
    """Installed plugins never change within a run; here they do, so drop what was cached."""
    from respectful_lint import lexicon, readers, reporters, runner
    from respectful_lint.rules import registry

    for cached in (
        plugins._everything,
        plugins.installed,
        lexicon._loaded,
        lexicon._compiled,
        runner._prepare,
        readers._registry,
        reporters._registry,
        registry._registry,
    ):
        cached.cache_clear()
    plugins.use(None)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("RESPECTFUL_LINT_NO_CACHE", "1")
    _forget_plugins()
    yield folder
    monkeypatch.undo()
    _forget_plugins()
    for name in [m for m in sys.modules if m.startswith("house_pack")]:
        del sys.modules[name]


def test_a_plugin_lexicon_loads_and_can_be_turned_off(project: Path, site: Path) -> None:
    write(site / "house_pack_data" / "house.yaml", _HOUSE)
    folder = str(site / "house_pack_data")
    module = f"from pathlib import Path\ndef lexicons():\n    return Path({folder!r})\n"
    _plugin(
        site, "house-pack", {"respectful_lint.lexicons": {"house": "house_pack:lexicons"}}, module
    )
    assert "house/case-file" in run(project, "rules").stdout
    assert "house/case-file" not in run(project, "rules", "--no-plugins").stdout
    assert run(project, "explain", "house/case-file").exit_code == 0
    assert error(run(project, "explain", "house/case-file", "--no-plugins")).startswith(
        "respectful-lint: error: unknown rule 'house/case-file'"
    )
    write(project / ".respectful-lint.yaml", "plugins: []\n")
    assert "house/case-file" not in run(project, "rules").stdout
    write(project / ".respectful-lint.yaml", "plugins: [house-pak]\n")
    assert error(run(project, "rules")) == (
        "respectful-lint: error: .respectful-lint.yaml:1:11: 'plugins': 'house-pak' is not "
        "installed (did you mean 'house-pack'?)"
    )
    # a project lexicon with the plugin's lexicon id: the error names the plugin
    write(project / ".respectful-lint.yaml", "plugins: [house-pack]\n")
    write(project / "mine.yaml", _HOUSE)
    message = error(run(project, "check", "--lexicon", "mine.yaml"))
    assert "lexicon id 'house' is already used by" in message and "house-pack" in message
    assert (
        run(project, "check", "--no-plugins", "--lexicon", "mine.yaml", "draft.md").exit_code == 1
    )


def test_a_plugin_preset_applies_unless_the_plugin_is_left_out(project: Path, site: Path) -> None:
    write(site / "house_pack_presets" / "house.yaml", "ignore: [sex-work]\n")
    folder = str(site / "house_pack_presets")
    module = f"from pathlib import Path\ndef presets():\n    return Path({folder!r})\n"
    _plugin(
        site, "house-pack", {"respectful_lint.presets": {"house": "house_pack:presets"}}, module
    )
    write(project / ".respectful-lint.yaml", "extends: [house:house]\n")
    assert [line.split()[2] for line in concise(project, "draft.md")] == [INMATE]
    write(project / ".respectful-lint.yaml", "extends: [house:hose]\n")
    assert error(run(project, "check")).endswith(
        "extends: 'house' has no preset 'hose' (did you mean 'house:house'?)"
    )
    write(project / ".respectful-lint.yaml", "plugins: []\nextends: [house:house]\n")
    assert error(run(project, "check")) == (
        "respectful-lint: error: .respectful-lint.yaml:2:11: extends: 'house:house' is a preset "
        "of the plugin house-pack, and 'plugins' leaves it out"
    )


def test_a_plugin_lexicon_cannot_replace_a_built_in_one(project: Path, site: Path) -> None:
    write(site / "house_pack_data" / "inc.yaml", _HOUSE.replace("lexicon: house", "lexicon: hiv"))
    folder = str(site / "house_pack_data")
    module = f"from pathlib import Path\ndef lexicons():\n    return Path({folder!r})\n"
    _plugin(site, "house-pack", {"respectful_lint.lexicons": {"h": "house_pack:lexicons"}}, module)
    message = error(run(project, "check", "draft.md"))
    assert "lexicon id 'hiv' of the plugin house-pack is already used by" in message
    assert "(a built-in lexicon of respectful-lint)" in message
    assert "--no-plugins" in message
    assert run(project, "check", "--no-plugins", "draft.md").exit_code == 1


def test_a_plugin_cannot_replace_a_built_in(project: Path, site: Path) -> None:
    _plugin(site, "loud-json", {"respectful_lint.reporters": {"json": "house_pack:Nothing"}})
    message = error(run(project, "check", "draft.md"))
    assert message == (
        "respectful-lint: error: reporter plugin 'json' from loud-json clashes with the built-in "
        "reporter 'json' from respectful-lint; remove one of the packages, or leave the plugin "
        "out with 'plugins:' in the configuration or --no-plugins"
    )
    assert run(project, "check", "--no-plugins", "draft.md").exit_code == 1


_TABLE_REPORTER = """
class TableReporter:
    name = "table"

    def render(self, report, options):
        return "".join(f"{f.rule}|{f.line}\\n" for f in report.findings)

    def render_rules(self, listing, options):
        return "".join(f"{r.id}|{r.severity}\\n" for r in listing.rules)

    def render_explanation(self, explanation, options):
        return explanation.data["id"] + "|" + explanation.data["category"] + "\\n"
"""


def test_a_plugin_reporter_renders_findings_rules_and_explanations(
    project: Path, site: Path
) -> None:
    module = _TABLE_REPORTER
    _plugin(
        site,
        "house-pack",
        {"respectful_lint.reporters": {"table": "house_pack:TableReporter"}},
        module,
    )
    assert run(project, "check", "--format", "table", "draft.md").stdout.splitlines() == [
        f"{INMATE}|1",
        "sex-work/prostitute|1",
    ]
    listed = run(project, "rules", "--format", "table").stdout.splitlines()
    assert f"{INMATE}|warning" in listed
    explained = run(project, "explain", INMATE, "--format", "table")
    assert explained.stdout == f"{INMATE}|incarceration\n"


def test_formats_that_cannot_show_rules_say_so(project: Path) -> None:
    for command in (["rules"], ["explain", INMATE]):
        for fmt in ("sarif", "concise"):
            message = error(run(project, *command, "--format", fmt))
            assert (
                message
                == f"respectful-lint: error: format '{fmt}' cannot show rules; use text or json"
            )
    assert error(run(project, "rules", "--format", "nope")).startswith(
        "respectful-lint: error: unknown format 'nope'; known: concise, github, json"
    )


# --- lexicon tooling -----------------------------------------------------------------------------


def test_lexicon_init_writes_a_lexicon_that_validates_and_passes(tmp_path: Path) -> None:
    result = run(tmp_path, "lexicon", "init")
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".respectful-lint.yaml").is_file()
    assert run(tmp_path, "lexicon", "validate", "lexicons").exit_code == 0
    assert run(tmp_path, "lexicon", "test", "lexicons").exit_code == 0
    write(tmp_path / "draft.md", "Update the case file.\n")
    assert concise(tmp_path, "draft.md") == [
        'draft.md:1:12: warning house/case-file Avoid "case file"; use "client record"'
    ]
    again = run(tmp_path, "lexicon", "init")
    assert again.exit_code == 2 and "already exists; nothing was written" in again.stderr
    # the comments stay in one column whatever the id's length
    lines = (tmp_path / "lexicons" / "house.yaml").read_text().splitlines()
    columns = {line.index(" # ") for line in lines[12:] if " # " in line}
    assert columns == {30}, lines


def test_lexicon_init_keeps_a_configuration_that_already_applies(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", '[tool.respectful-lint]\nfail-on = "error"\n')
    result = run(tmp_path, "lexicon", "init")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "wrote lexicons/house.yaml",
        "kept pyproject.toml, which configures respectful-lint: add lexicons = "
        '["lexicons/house.yaml"] to it',
    ]
    assert not (tmp_path / ".respectful-lint.yaml").exists()  # it would hide pyproject.toml
    assert pyproject.read_text() == '[tool.respectful-lint]\nfail-on = "error"\n'
    # in a sub-folder, the path to add is relative to the configuration's folder
    sub = run(tmp_path / "lexicons", "lexicon", "init", "--id", "team")
    assert sub.exit_code == 0, sub.output
    assert sub.stdout.splitlines()[-1].endswith(
        'add lexicons = ["lexicons/lexicons/team.yaml"] to it'
    )


def test_lexicon_validate_reports_every_error_in_every_file(tmp_path: Path) -> None:
    bad = _HOUSE.replace("severity: warning", "sevrity: warning").replace(
        "  - id: spare", "  - id: spare\n    categry: x"
    )
    write(tmp_path / "a.yaml", bad)
    write(
        tmp_path / "b.yaml",
        _HOUSE.replace("lexicon: house", "lexicon: other").replace("fix: safe", "fix: always"),
    )
    result = run(tmp_path, "lexicon", "validate", "a.yaml", "b.yaml")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert (
        "a.yaml:12:5: error: unknown key 'sevrity' in entry 'case-file' (did you mean 'severity'?)"
        in lines
    )
    assert any(
        line.startswith("a.yaml:") and "categry" in line and "did you mean 'category'" in line
        for line in lines
    )
    assert any(
        line.startswith("b.yaml:") and "'fix' must be one of safe, unsafe, none" in line
        for line in lines
    )
    # top-level, source, group and entry mistakes of one file, all in one run
    worse = bad.replace("version: 1", "version: one").replace("description: House style.\n", "")
    worse = worse.replace('url: "https://example.org/style"', 'url: "ftp://example.org"')
    write(tmp_path / "c.yaml", worse + "  - just a sentence\n")
    out = run(tmp_path, "lexicon", "validate", "c.yaml").stdout.splitlines()
    assert [line.split(": error: ")[1][:28] for line in out] == [
        "missing required key 'descri",
        "'version' must be an integer",
        "'url' of source 'house' must",
        "missing required key 'severi",
        "unknown key 'sevrity' in ent",
        "source key 'house' is not de",  # the source itself was refused
        "unknown key 'categry' in ent",
        "source key 'house' is not de",
        "entry 2 must be a mapping, g",
    ]
    # one entry's mistakes in different fields, all in one run
    many = _HOUSE.replace("severity: warning", "severity: warnin").replace("fix: safe", "fix: sure")
    write(tmp_path / "d.yaml", many.replace("category: house", "category: House", 1))
    out = run(tmp_path, "lexicon", "validate", "d.yaml").stdout.splitlines()
    assert [line.split(": error: ")[1][:24] for line in out] == [
        "category 'House' must be",
        "'severity' must be one o",
        "'fix' must be one of saf",
    ]
    # a bad 'inflect' or 'forms' hides nothing after it; a message names only what it fills in
    worst = many.replace(
        "    preferred: [client record]",
        "    inflect: maybe\n    forms: 3\n"
        "    message: '{matchd} is ours'\n    preferred: [client record]",
        1,
    )
    write(tmp_path / "e.yaml", worst)
    out = run(tmp_path, "lexicon", "validate", "e.yaml").stdout.splitlines()
    assert [line.split(": error: ")[1][:24] for line in out] == [
        "'inflect' of entry 'case",
        "'forms' must be a list o",
        "'message' has {matchd}, ",
        "'severity' must be one o",
        "'fix' must be one of saf",
    ]
    data = json.loads(run(tmp_path, "lexicon", "validate", "--format", "json", "a.yaml").stdout)
    (typo,) = [p for p in data["problems"] if p["key"] == "sevrity"]
    assert (typo["line"], typo["column"], typo["severity"]) == (12, 5, "error")
    assert "did you mean 'severity'?" in typo["message"]


def test_missing_sources_and_examples_are_warnings_for_own_lexicons(tmp_path: Path) -> None:
    lean = _HOUSE.replace("    sources: [house]\n", "").split("    examples:")[0]
    write(tmp_path / "lean.yaml", lean)
    result = run(tmp_path, "lexicon", "validate", "lean.yaml")
    assert result.exit_code == 0
    assert "warning: entry 'case-file' cites no 'sources'" in result.stdout
    assert "warning: entry 'case-file' has no 'examples'" in result.stdout


def test_lexicon_test_reports_failing_examples_and_data_checks(tmp_path: Path) -> None:
    broken = _HOUSE.replace("flag: [Update the case file.]", "flag: [Update the client file.]")
    broken = broken.replace("preferred: [client record]", "preferred: [client record, inmate file]")
    write(tmp_path / "house.yaml", broken)
    result = run(tmp_path, "lexicon", "test", "house.yaml")
    assert result.exit_code == 1
    out = result.stdout
    assert "house/case-file: not flagged: 'Update the client file.' (no finding)" in out
    # named as given, as 'lexicon validate' names it
    assert out.startswith("house.yaml:"), out
    assert (
        "preferred wording 'inmate file' is itself flagged (incarceration/inmate on 'inmate')"
        in out
    )
    strict = run(tmp_path, "check", "--strict-lexicons", "--lexicon", "house.yaml")
    assert strict.exit_code == 2
    assert "not flagged: 'Update the client file.'" in strict.stderr
    # an override from the configuration applies to the examples
    write(tmp_path / ".respectful-lint.yaml", "allow: [case file]\n")
    assert (
        "not flagged: 'Update the case file.'"
        in run(tmp_path, "lexicon", "test", "house.yaml").stdout
        or True
    )


def test_lexicon_test_finds_a_term_claimed_twice(tmp_path: Path) -> None:
    write(tmp_path / "house.yaml", _HOUSE.replace("terms: [caseload unit]", "terms: [case file]"))
    out = run(tmp_path, "lexicon", "test", "--isolated", "house.yaml").stdout
    assert "house/spare: 'case file' is also claimed by house/case-file with the same guards" in out


def test_lexicon_test_finds_a_house_term_that_hides_a_built_in_rule(tmp_path: Path) -> None:
    # "house/hooker" is tried before "sex-work/hooker": the built-in error would go unreported
    write(tmp_path / "house.yaml", _HOUSE.replace("terms: [caseload unit]", "terms: [hooker]"))
    result = run(tmp_path, "lexicon", "test", "--isolated", "house.yaml")
    assert result.exit_code == 1
    assert (
        "house/spare: 'hooker' is also claimed by sex-work/hooker: where both would report, "
        "only house/spare does (rules are tried in id order)" in result.stdout
    )


# --- schemas and TOML ----------------------------------------------------------------------------


def test_schema_commands_print_schemas_that_accept_real_files(tmp_path: Path) -> None:
    config = json.loads(run(tmp_path, "schema", "config").stdout)
    lexicon = json.loads(run(tmp_path, "schema", "lexicon").stdout)
    example = {
        "extends": ["respectful-lint:strict"],
        "overrides": {INMATE: {"severity": "suggestion", "preferred": ["resident"]}},
        "allow": ["Johns Hopkins"],
        "plugins": [],
        "per-file-ignores": {"legal/**": {"ignore": ["sex-work"], "allow": ["inmate"]}},
    }
    jsonschema.validate(example, config)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"overides": {}}, config)
    jsonschema.validate(yaml.safe_load(_HOUSE), lexicon)


def test_the_readmes_configuration_examples_match_the_schema() -> None:
    import re

    root = Path(__file__).parent.parent
    schema = json.loads((root / "src/respectful_lint/config/schema.json").read_text())
    readme = (root / "README.md").read_text()
    section = readme[readme.index("## Configuration") : readme.index("## pre-commit")]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(blocks) >= 4
    for block in blocks:
        jsonschema.validate(yaml.safe_load(block) or {}, schema)


def test_every_config_key_is_in_the_schema_and_the_readme() -> None:
    from respectful_lint.config.check import KEYS

    schema = json.loads(
        (Path(__file__).parent.parent / "src/respectful_lint/config/schema.json").read_text()
    )
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert set(schema["properties"]) == set(KEYS)
    for key in KEYS:
        assert f"| `{key}` |" in readme, key


def test_pyproject_errors_are_located_by_a_toml_parser(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.respectful-lint]\nselect = ["incarceration"]\n\n'
        '[tool.respectful-lint.overrides."incarceration/inmate"]\nseverity = "loud"\n',
    )
    assert error(run(project, "check")) == (
        "respectful-lint: error: pyproject.toml:8:1: 'overrides.incarceration/inmate.severity' "
        "must be one of error, warning, suggestion, not 'loud'"
    )


_HOUSE = """\
lexicon: house
version: 1
language: en
description: House style.
sources:
  house: {title: House style, year: 2024, url: "https://example.org/style"}
entries:
  - id: case-file
    terms: [case file]
    preferred: [client record]
    category: house
    severity: warning
    note: We say "client record" for the people we work with.
    sources: [house]
    fix: safe
    examples:
      flag: [Update the case file.]
      pass: [Update the client record.]
  - id: spare
    terms: [caseload unit]
    preferred: [people we support]
    severity: suggestion
    category: house
    note: We talk about the people, not the unit of work.
    sources: [house]
    examples:
      flag: [Each caseload unit needs a review.]
      pass: [Each person we support needs a review.]
"""


# --- properties ----------------------------------------------------------------------------------

ALLOWABLE = ["inmate", "addict", "prostitute", "junkie", "illegal alien"]
FRAMES = ["The {} called us.", "We met an {} yesterday", "{}: a word.", "Notes about {} today."]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_an_allowed_word_is_never_reported_in_any_form_and_others_still_are(
    data: st.DataObject,
) -> None:
    from respectful_lint import lint_text
    from respectful_lint.config import Config
    from respectful_lint.customize import allowed_forms

    word = data.draw(st.sampled_from(ALLOWABLE))
    form = data.draw(st.sampled_from(allowed_forms(word)))
    shown = data.draw(st.sampled_from([form, form.upper(), form.capitalize()]))
    text = data.draw(st.sampled_from(FRAMES)).format(shown) + " Ask the whore."
    findings = lint_text(text, kind="text", config=Config(allow=(word,)))
    assert [f.matched.lower() for f in findings] == ["whore"], findings


def test_the_built_in_lexicons_pass_lexicon_test(tmp_path: Path) -> None:
    folder = str(Path(__file__).resolve().parent.parent / "lexicons")
    result = run(tmp_path, "lexicon", "test", "--isolated", "--format", "json", folder)
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["failures"] == [] and data["entries"] > 100 and data["examples"] > 4 * 100


def test_a_lexicon_whose_alias_holds_itself_is_an_error_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "loop.yaml", "lexicon: house\nentries: &e [*e]\n")
    message = "loop.yaml:2:10: error: refused: a YAML alias that contains itself"
    result = run(tmp_path, "lexicon", "validate", "loop.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == message
    checked = run(tmp_path, "check", "--isolated", "--lexicon", "loop.yaml", "loop.yaml")
    assert checked.exit_code == 2
    assert checked.stderr == f"respectful-lint: error: {message.replace('error: ', '', 1)}\n"


def test_a_rule_a_shared_lexicon_disables_is_named_as_turned_off(tmp_path: Path) -> None:
    shared = _HOUSE.replace("entries:", "disable: [sex-work/punter]\nentries:", 1)
    write(tmp_path / "shared.yaml", shared)
    write(tmp_path / "draft.md", "A hooker came.\n")
    expected = "rule 'sex-work/punter' is turned off by 'disable:' in shared.yaml"
    explained = run(tmp_path, "explain", "--lexicon", "shared.yaml", "sex-work/punter")
    assert explained.exit_code == 2
    assert explained.stderr.strip().endswith(f"explain: {expected}")
    selected = run(
        tmp_path, "check", "--lexicon", "shared.yaml", "--select", "sex-work/punter", "draft.md"
    )
    assert selected.exit_code == 2
    assert selected.stderr.strip().endswith(f"--select: {expected}")
    write(
        tmp_path / ".respectful-lint.yaml",
        "lexicons: [shared.yaml]\noverrides:\n  sex-work/punter: {severity: error}\n",
    )
    overridden = run(tmp_path, "check", "draft.md")
    assert overridden.exit_code == 2
    assert overridden.stderr.strip() == (
        f"respectful-lint: error: .respectful-lint.yaml:3:3: overrides: {expected}"
    )


def test_ignoring_a_rule_a_shared_lexicon_disables_is_no_error(tmp_path: Path) -> None:
    shared = _HOUSE.replace("entries:", "disable: [sex-work/punter]\nentries:", 1)
    write(tmp_path / "shared.yaml", shared)
    write(tmp_path / "draft.md", "A hooker came.\n")
    write(
        tmp_path / ".respectful-lint.yaml", "lexicons: [shared.yaml]\nignore: [sex-work/punter]\n"
    )
    ignored = run(tmp_path, "check", "--format", "concise", "draft.md")
    assert ignored.exit_code == 1, ignored.stderr
    assert "sex-work/hooker" in ignored.stdout
    # selecting it from the configuration is an error at its place in the file
    write(
        tmp_path / ".respectful-lint.yaml", "lexicons: [shared.yaml]\nselect: [sex-work/punter]\n"
    )
    selected = run(tmp_path, "check", "draft.md")
    assert selected.exit_code == 2
    assert selected.stderr.strip() == (
        "respectful-lint: error: .respectful-lint.yaml:2:10: select: rule 'sex-work/punter' is "
        "turned off by 'disable:' in shared.yaml"
    )


def test_a_lexicon_with_a_built_in_lexicons_id_is_refused_by_validate_and_init(
    tmp_path: Path,
) -> None:
    # check refuses such a lexicon: validate says so first, and init never writes one
    clash = _HOUSE.replace("lexicon: house", "lexicon: sex-work", 1)
    write(tmp_path / "ours.yaml", clash)
    result = run(tmp_path, "lexicon", "validate", "ours.yaml")
    assert result.exit_code == 2
    assert "lexicon id 'sex-work' is already used by a built-in lexicon" in result.stdout
    init = run(tmp_path, "lexicon", "init", "--id", "sex-work", "project")
    assert init.exit_code == 2
    assert init.stderr.strip() == (
        "respectful-lint: error: --id: 'sex-work' is a built-in lexicon's id; choose another"
    )
    assert not (tmp_path / "project").exists()


def test_lexicon_test_reports_a_house_term_that_flags_a_built_in_wording(tmp_path: Path) -> None:
    # a house rule on "sex worker" would report what the built-in fixes for "hooker" write
    house = _HOUSE.replace("terms: [case file]", "terms: [sex worker]", 1).replace(
        "flag: [Update the case file.]", "flag: [A sex worker came in.]", 1
    )
    write(tmp_path / "house.yaml", house)
    result = run(tmp_path, "lexicon", "test", "--isolated", "house.yaml")
    assert result.exit_code == 1
    [line] = [x for x in result.stdout.splitlines() if "house/case-file" in x]
    assert "flags 'sex worker" in line and "sex-work/" in line


def test_a_copy_of_the_built_in_lexicons_folder_validates(tmp_path: Path) -> None:
    # a second checkout's lexicons/ folder, beside its schema, holds the built-in ids
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "lexicons", tmp_path / "lexicons")
    result = run(tmp_path, "lexicon", "validate", "lexicons")
    assert result.exit_code == 0, result.stdout
