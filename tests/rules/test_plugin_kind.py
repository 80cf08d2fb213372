"""A rule kind from another distribution, found through the ``respectful_lint.rule_kinds``
entry-point group exactly as the built-in kinds are.

Each test writes a throwaway distribution (a module and its ``.dist-info`` with the entry
point) into a folder and runs ``python -m respectful_lint check`` with that folder on
``PYTHONPATH``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PLUGIN = '''
from respectful_lint.findings import Match
from respectful_lint.rules.kind import KindFields, Passive


class Compiled(Passive):
    __slots__ = ("words",)

    def __init__(self, words):
        self.words = words

    @property
    def forms(self):
        return {}

    @property
    def literals(self):
        return tuple(self.words)

    def candidates(self, lexicon, ctx, hits, best):
        for word, index in self.words.items():
            for at in hits.literals.get(word, ()):
                severity = ctx.verify(lexicon, index, at, at + len(word))
                if severity is not None and at not in best:
                    best[at] = Match(at, at + len(word), index, severity)


class Letters:
    """Flags any occurrence of the strings in 'letters', even inside a word."""

    name = "letters"
    keys = ("letters",)

    def validate(self, check, data, path, what):
        letters = check.strings(check.require(data, path, "letters", what), (*path, "letters"))
        return KindFields(options=(("letters", letters),))

    def forms(self, entry):
        return {}

    def compile(self, rules, lexicons):
        words = {}
        for index, rule in enumerate(rules):
            if rule.entry.kind == self.name:
                for letters in dict(rule.entry.options)["letters"]:
                    words.setdefault(letters, index)
        return Compiled(words) if words else None

    def describe(self, rule, groups):
        return {"letters": list(dict(rule.entry.options)["letters"])}


KIND = Letters()
'''

LEXICON = """\
lexicon: house
version: 1
language: en
description: A house rule of a plugin kind.
entries:
  - id: {id}
    kind: {kind}
    letters: [zork]
    preferred: [the product]
    severity: warning
    category: house-style
    note: We do not use the code name.
"""

PLAIN = """\
lexicon: plain
version: 1
language: en
description: A house term rule.
entries:
  - id: dossier
    terms: [dossier]
    preferred: [client record]
    severity: warning
    category: house-style
    note: We say "client record".
"""


def _distribution(site: Path, dist: str, module: str, source: str, kind: str) -> None:
    (site / module).mkdir(parents=True)
    (site / module / "__init__.py").write_text(source, encoding="utf-8")
    info = site / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[respectful_lint.rule_kinds]\n{kind} = {module}:KIND\n", encoding="utf-8"
    )


def _check(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(site, cwd, "check", "--no-cache", *args)


def _run(site: Path, cwd: Path, command: str, *args: str) -> subprocess.CompletedProcess[str]:
    if "--config" not in args:
        args = ("--isolated", *args)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-m", "respectful_lint", command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def _letters(tmp_path: Path) -> Path:
    """A site folder with the plugin, and a lexicon and a draft that use its kind."""
    site = tmp_path / "site"
    _distribution(site, "thirdkind", "thirdkind", PLUGIN, "letters")
    lexicon = LEXICON.format(id="code-name", kind="letters")
    (tmp_path / "house.yaml").write_text(lexicon, encoding="utf-8")
    (tmp_path / "draft.md").write_text("Ask the Zorkmid team first.\n", encoding="utf-8")
    return site


def test_a_plugin_rule_kind_flags_text_in_a_check_run(tmp_path: Path) -> None:
    proc = _check(_letters(tmp_path), tmp_path, "--lexicon", "house.yaml", "draft.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "draft.md:1:9: warning house/code-name" in proc.stdout
    assert 'Avoid "Zork"; use "The product"' in proc.stdout


def test_explain_shows_what_a_plugin_kind_looks_for(tmp_path: Path) -> None:
    site = _letters(tmp_path)
    proc = _run(site, tmp_path, "explain", "--lexicon", "house.yaml", "house/code-name")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "What this letters rule looks for:\n  letters: zork\n" in proc.stdout
    assert "Why:\n  We do not use the code name." in proc.stdout

    args = ("--format", "json", "--lexicon", "house.yaml", "house/code-name")
    proc = _run(site, tmp_path, "explain", *args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rule = json.loads(proc.stdout)["rule"]
    assert rule["kind"] == "letters"
    assert rule["details"] == {"letters": ["zork"]}
    assert rule["terms"] == [] and rule["pattern"] is None and rule["conflation"] is None


def test_the_plugins_choice_governs_rule_kinds(tmp_path: Path) -> None:
    site = _letters(tmp_path)
    (tmp_path / "none.yaml").write_text("plugins: []\n", encoding="utf-8")
    (tmp_path / "chosen.yaml").write_text("plugins: [thirdkind]\n", encoding="utf-8")
    for off in (("--no-plugins",), ("--config", "none.yaml")):
        proc = _check(site, tmp_path, *off, "--lexicon", "house.yaml", "draft.md")
        assert proc.returncode == 2, proc.stdout + proc.stderr
        [line] = proc.stderr.strip().splitlines()
        assert (
            "house.yaml:7:11: 'kind' must be one of term, pattern, conflation, got 'letters'"
            in line
        )
    proc = _check(site, tmp_path, "--config", "chosen.yaml", "--lexicon", "house.yaml", "draft.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "house/code-name" in proc.stdout


def test_a_broken_rule_kind_names_its_distribution(tmp_path: Path) -> None:
    site = tmp_path / "site"
    broken = "raise RuntimeError('this kind cannot start')\n"
    _distribution(site, "broken-kind", "brokenkind", broken, "fragile")
    (tmp_path / "house.yaml").write_text(
        LEXICON.format(id="code-name", kind="fragile"), encoding="utf-8"
    )
    (tmp_path / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "draft.md").write_text("Open the dossier.\n", encoding="utf-8")

    proc = _check(site, tmp_path, "--lexicon", "house.yaml", "draft.md")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "broken-kind" in line
    assert "'fragile'" in line
    assert "this kind cannot start" in line

    # a run whose lexicons do not use the kind never imports it
    proc = _check(site, tmp_path, "--lexicon", "plain.yaml", "draft.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "draft.md:1:10: warning plain/dossier" in proc.stdout
    assert proc.stderr == ""


def test_a_rule_kind_that_is_not_one_or_fails_is_one_line_naming_its_distribution(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    no_methods = "class K:\n    name = 'hollow'\n\nKIND = K()\n"
    _distribution(site, "hollow-kind", "hollowkind", no_methods, "hollow")
    failing = PLUGIN.replace(
        "        letters = check.strings(", "        raise ValueError('bad letters')\n        x = ("
    ).replace('name = "letters"', 'name = "faulty"')
    _distribution(site, "faulty-kind", "faultykind", failing, "faulty")
    (tmp_path / "draft.md").write_text("Open the dossier.\n", encoding="utf-8")
    for kind, dist, reason in (
        ("hollow", "hollow-kind", "is not a rule kind: it lacks validate, forms, compile"),
        ("faulty", "faulty-kind", "failed in validate: bad letters"),
    ):
        (tmp_path / "house.yaml").write_text(
            LEXICON.format(id="code-name", kind=kind), encoding="utf-8"
        )
        proc = _check(site, tmp_path, "--lexicon", "house.yaml", "draft.md")
        assert proc.returncode == 2, proc.stdout + proc.stderr
        [line] = proc.stderr.strip().splitlines()
        assert f"rule kind plugin '{kind}' from {dist}" in line
        assert reason in line
