"""The wheel ships the lexicons; an editable install finds them too; the hook works."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from respectful_lint.lexicon import builtin_lexicon_dir, load_compiled

ROOT = Path(__file__).resolve().parent.parent


def test_installed_package_finds_the_builtin_lexicons() -> None:
    folder = builtin_lexicon_dir()
    assert (folder / "sex-work.yaml").is_file()
    assert any(r.id.startswith("sex-work/") for r in load_compiled().rules)


def test_wheel_ships_every_lexicon_and_the_schema(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("respectful_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in (ROOT / "lexicons").iterdir():
        assert f"respectful_lint/_lexicons/{lexicon.name}" in names
    assert "respectful_lint/cli.py" in names
    assert "respectful_lint/config/schema.json" in names  # `respectful-lint schema config`
    for preset in ("recommended", "strict", "legal", "community"):
        assert f"respectful_lint/config/presets/{preset}.yaml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "respectful-lint = respectful_lint.cli:console" in text
    assert "[respectful_lint.lexicons]" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_hook_fails_on_a_stigmatizing_term(tmp_path: Path) -> None:
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "flyer.md").write_text("Outreach for prostitutes starts at nine.\n")
    (repo / "clean.md").write_text("Outreach for sex workers starts at nine.\n")
    (repo / "page.html").write_text("<p>Outreach for <em>prostitutes</em>.</p>\n")
    (repo / "page.mdx").write_text("import X from 'x';\n\nOutreach for {x} prostitutes.\n")
    # extensions that identify has no tag for, which a folder walk checks
    (repo / "notes.text").write_text("Outreach for prostitutes starts at nine.\n")
    (repo / "guide.REST").write_text("Outreach for prostitutes starts at nine.\n")
    (repo / "draft.docx").write_bytes((ROOT / "examples" / "volunteer-briefing.docx").read_bytes())
    # names that look like options are files: the hook ends its options with "--"
    (repo / "victim.md").write_text("Outreach for sex workers starts at nine.\n")
    (repo / "--write-baseline=victim.md").write_text("Outreach for prostitutes starts at nine.\n")
    (repo / "-dash.md").write_text("Outreach for prostitutes starts at nine.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    manifest = subprocess.run(
        [*pre_commit, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    proc = subprocess.run(
        [*pre_commit, "try-repo", str(ROOT), "--all-files"],  # both hooks
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=900,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "flyer.md:1:14: warning sex-work/prostitute" in proc.stdout
    assert "clean.md" not in proc.stdout
    assert "page.html:1:21: warning sex-work/prostitute" in proc.stdout
    assert "page.mdx:3:18: warning sex-work/prostitute" in proc.stdout
    assert "notes.text:1:14: warning sex-work/prostitute" in proc.stdout
    assert "guide.REST:1:14: warning sex-work/prostitute" in proc.stdout
    assert "draft.docx:10:20: error sex-work/hooker" in proc.stdout
    assert "draft.docx:3:23" in proc.stdout  # each file is checked once
    assert proc.stdout.count("draft.docx:3:23") == 1
    # a summary per run of a hook (pre-commit may split the files between runs), counting
    # the files that run checked
    summaries = [line for line in proc.stdout.splitlines() if line.startswith("Found ")]
    counts = [re.match(r"Found (\d+) findings? .* in (\d+) files?\.", line) for line in summaries]
    assert all(counts), summaries
    assert sum(int(m[1]) for m in counts if m) == 11  # 7 in the text files, 4 in the .docx
    assert "-dash.md:1:14: warning sex-work/prostitute" in proc.stdout
    assert (repo / "victim.md").read_text() == "Outreach for sex workers starts at nine.\n"
    assert sum(int(m[2]) for m in counts if m) == 10  # every file, the clean ones too
