"""Configuration files as a user meets them: where they are found, what each key does, and
the one-line error for every mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from respectful_lint import lint_paths, lint_text
from respectful_lint.cli import main
from respectful_lint.config import ConfigError, discover_config, load_config

DATA = Path(__file__).parents[1] / "data"
DRAFT = "The addict and the prostitute met at the drop-in.\n"
ADDICT = 'warning drug-use/addict Avoid "addict"; use "person who uses drugs"'
PROSTITUTE = 'warning sex-work/prostitute Avoid "prostitute"; use "sex worker"'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(cwd: Path, *args: str, command: str = "check") -> Result:
    """Run the command in ``cwd`` as a user would (concise output for ``check``)."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        extra = ["--format", "concise"] if command == "check" else []
        return CliRunner().invoke(main, [command, *extra, *args], catch_exceptions=False)
    finally:
        os.chdir(before)


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


def error(result: Result) -> str:
    """The one error line a run printed, after checking it exited 2 and linted nothing."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    return line


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one draft in docs/ and nothing configured yet."""
    root = tmp_path / "project"
    write(root / "docs" / "draft.md", DRAFT)
    return root


# --- discovery -----------------------------------------------------------------------------------


def test_without_a_configuration_every_rule_runs(project: Path) -> None:
    assert lines(check(project)) == [
        f"docs/draft.md:1:5: {ADDICT}",
        f"docs/draft.md:1:20: {PROSTITUTE}",
    ]


def test_a_configuration_is_found_from_a_subfolder_upwards(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    assert lines(check(project / "docs")) == [f"draft.md:1:20: {PROSTITUTE}"]


def test_the_nearest_configuration_wins(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    write(project / "docs" / ".respectful-lint.yml", "ignore: [sex-work]\n")
    assert lines(check(project / "docs")) == [f"draft.md:1:5: {ADDICT}"]


def test_a_pyproject_saved_as_utf16_is_refused_not_passed_over(project: Path) -> None:
    # PowerShell 5's ">" writes UTF-16: the table was not seen, and the defaults ran
    table = '[tool.respectful-lint]\nselect = ["drug-use"]\n'
    (project / "pyproject.toml").write_bytes(table.encode("utf-16"))
    assert error(check(project, "docs")).endswith(
        "pyproject.toml: configuration is not UTF-8 (it is UTF-16)"
    )
    (project / "pyproject.toml").write_bytes("[project]\nname = 'x'\n".encode("utf-16"))
    assert check(project, "docs").exit_code == 1  # no table of ours: not our file to judge


def test_a_configuration_or_lexicon_that_is_not_utf8_names_the_line_and_column(
    project: Path,
) -> None:
    (project / ".respectful-lint.yaml").write_bytes(b"select: [sex-work]\nignore: [caf\xe9]\n")
    assert error(check(project, "docs")).endswith(
        ".respectful-lint.yaml:2:13: configuration is not UTF-8 (invalid continuation byte)"
    )
    # after a byte-order mark, which takes no column
    (project / ".respectful-lint.yaml").write_bytes(b"\xef\xbb\xbfselect: [sex-work]\xff\n")
    assert error(check(project, "docs")).endswith(
        ".respectful-lint.yaml:1:19: configuration is not UTF-8 (invalid start byte)"
    )
    (project / ".respectful-lint.yaml").write_bytes(b"lexicons: [house.yaml]\n")
    (project / "house.yaml").write_bytes(b"lexicon: house\ndescription: caf\xe9\n")
    assert error(check(project, "docs")).endswith(
        "house.yaml:2:17: lexicon is not UTF-8 (invalid continuation byte)"
    )


def test_yaml_wins_over_pyproject_in_one_folder(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.respectful-lint]\nignore = ["sex-work"]\n')
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    assert lines(check(project)) == [f"docs/draft.md:1:20: {PROSTITUTE}"]


def test_yaml_wins_over_yml_in_one_folder(project: Path) -> None:
    write(project / ".respectful-lint.yml", "ignore: [sex-work]\n")
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    assert lines(check(project)) == [f"docs/draft.md:1:20: {PROSTITUTE}"]


def test_pyproject_table_is_read(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "leaflets"\n\n[tool.respectful-lint]\nignore = ["sex-work"]\n',
    )
    assert lines(check(project / "docs")) == [f"draft.md:1:5: {ADDICT}"]


def test_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    write(project / "docs" / "pyproject.toml", '[project]\nname = "respectful-lint"\n')
    assert lines(check(project / "docs")) == [f"draft.md:1:20: {PROSTITUTE}"]


def test_config_option_names_the_file(project: Path, tmp_path: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    other = write(tmp_path / "shared" / "lint.yaml", "ignore: [sex-work]\n")
    assert lines(check(project, "--config", str(other))) == [f"docs/draft.md:1:5: {ADDICT}"]


def test_config_option_reads_a_pyproject_or_another_toml_file(
    project: Path, tmp_path: Path
) -> None:
    toml = write(tmp_path / "lint.toml", 'ignore = ["sex-work"]\n')
    assert lines(check(project, "--config", str(toml))) == [f"docs/draft.md:1:5: {ADDICT}"]
    bare = write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\n')
    assert error(check(project, "--config", str(bare))) == (
        f"respectful-lint: error: {bare}:1:1: no [tool.respectful-lint] table"
    )


def test_config_option_with_a_missing_file_is_an_error(project: Path) -> None:
    assert error(check(project, "--config", "missing.yaml")) == (
        "respectful-lint: error: missing.yaml: no such configuration file"
    )
    assert error(check(project, "--config", "docs")) == (
        "respectful-lint: error: docs: is a folder, not a configuration file"
    )


def test_isolated_ignores_every_configuration(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\nselcet: [oops]\n")
    assert len(lines(check(project, "--isolated"))) == 2
    assert error(check(project, "--isolated", "--config", "x.yaml")) == (
        "respectful-lint: error: --config and --isolated cannot be used together"
    )


def test_an_empty_yaml_file_is_an_empty_configuration(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "# nothing yet\n")
    assert len(lines(check(project))) == 2


def test_discovery_in_a_real_process(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    out = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--format", "concise"],
        cwd=project / "docs",
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1, out.stderr
    assert out.stdout.splitlines() == [f"draft.md:1:20: {PROSTITUTE}"]


@pytest.mark.parametrize(
    ("config", "imported"),
    [(None, False), ("ignore: [drug-use]\n", False), ("exclude: [archive]\n", True)],
)
def test_the_pattern_library_is_imported_only_for_a_configuration_with_patterns(
    project: Path, config: str | None, imported: bool
) -> None:
    if config is not None:
        write(project / ".respectful-lint.yaml", config)
    code = (
        "import sys\n"
        "from respectful_lint.cli import main\n"
        "try:\n"
        "    main(['check', '--format', 'concise'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pathspec' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=False
    )
    assert out.stderr == ""
    assert out.stdout.splitlines()[-1] == str(imported)


# --- what each key does --------------------------------------------------------------------------


def test_select_and_ignore(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "select: [sex-work, drug-use]\nignore: [sex-work]\n")
    assert lines(check(project)) == [f"docs/draft.md:1:5: {ADDICT}"]


def test_command_line_lists_replace_the_configurations(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "select: [sex-work]\nignore: [drug-use/addict]\n")
    # --select replaces the configured list (it does not add to it); ignore still comes
    # from the file
    assert lines(check(project, "--select", "drug-use")) == []
    assert lines(check(project, "--select", "drug-use", "--ignore", "sex-work")) == [
        f"docs/draft.md:1:5: {ADDICT}"
    ]


def test_fail_on_and_the_command_line_override(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "fail-on: error\n")
    assert check(project).exit_code == 0
    assert check(project, "--fail-on", "warning").exit_code == 1


def test_min_severity(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "min-severity: error\n")
    assert lines(check(project)) == []
    assert len(lines(check(project, "--min-severity", "warning"))) == 2


def test_profile_and_the_command_line_override(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "profile: legal\n")
    assert lines(check(project))[1] == (
        "docs/draft.md:1:20: suggestion sex-work/prostitute "
        'Consider "sex worker" instead of "prostitute"'
    )
    assert lines(check(project, "--profile", "default"))[1] == f"docs/draft.md:1:20: {PROSTITUTE}"


def test_lexicons_are_relative_to_the_configurations_folder(project: Path) -> None:
    write(project / "style" / "house.yaml", (DATA / "custom.yaml").read_text(encoding="utf-8"))
    write(project / "docs" / "notes.txt", "Open the case file first.\n")
    write(
        project / ".respectful-lint.yaml",
        "lexicons: [style/house.yaml]\ndefault-lexicons: false\n",
    )
    expected = 'notes.txt:1:10: error custom/client-file Avoid "case file"; use "client record"'
    assert lines(check(project / "docs")) == [expected]
    # --lexicon replaces the list and --default-lexicons brings the built-ins back
    result = check(project / "docs", "--lexicon", str(DATA / "explain.yaml"), "--default-lexicons")
    assert "custom/client-file" not in result.stdout
    assert "drug-use/addict" in result.stdout


def test_a_lexicon_named_twice_is_read_once(project: Path) -> None:
    # a folder and a file in it, as a configuration and the file it extends may both name
    write(project / "style" / "house.yaml", (DATA / "custom.yaml").read_text(encoding="utf-8"))
    write(project / "docs" / "notes.txt", "Open the case file first.\n")
    write(project / ".respectful-lint.yaml", "lexicons: [style, ./style/house.yaml]\n")
    result = check(project / "docs")
    assert result.exit_code == 1, result.stderr
    assert "custom/client-file" in result.stdout


def test_rules_and_explain_use_the_configured_lexicons(project: Path) -> None:
    write(project / "style" / "house.yaml", (DATA / "custom.yaml").read_text(encoding="utf-8"))
    write(project / ".respectful-lint.yaml", "lexicons: [style]\nprofile: legal\n")
    assert "custom/client-file" in check(project, command="rules").stdout
    rules = {line.split()[0]: line.split()[1] for line in lines(check(project, command="rules"))}
    assert rules["sex-work/prostitute"] == "suggestion"
    assert check(project, "custom/client-file", command="explain").exit_code == 0
    assert check(project, "--isolated", "custom/client-file", command="explain").exit_code == 2


def test_explain_false_and_the_command_line_override(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "explain: false\n")
    assert "= why:" not in check(project, "--format", "text").stdout
    assert "= why:" in check(project, "--format", "text", "--explain").stdout


def test_include_makes_a_walk_check_json_and_yaml_strings(project: Path) -> None:
    write(project / "strings" / "en.json", '{"intro": "Support for every addict"}\n')
    write(project / "strings" / "en.yaml", "intro: Support for every addict\n")
    assert "strings/" not in check(project).stdout  # not walked by default
    write(project / ".respectful-lint.yaml", "include: ['*.json', 'strings/*.yaml']\n")
    assert lines(check(project)) == [
        f"docs/draft.md:1:5: {ADDICT}",
        f"docs/draft.md:1:20: {PROSTITUTE}",
        f"strings/en.json:1:30: {ADDICT}",
        f"strings/en.yaml:1:26: {ADDICT}",
    ]


def test_exclude_skips_folders_and_files_in_a_walk_but_not_named_files(project: Path) -> None:
    write(project / "archive" / "2019" / "old.md", DRAFT)
    write(project / "notes" / "scratch.txt", DRAFT)
    write(project / ".respectful-lint.yaml", "exclude: [archive, 'notes/*.txt']\n")
    assert [line.split(":")[0] for line in lines(check(project))] == ["docs/draft.md"] * 2
    named = check(project, "archive/2019/old.md")
    assert [line.split(":")[0] for line in lines(named)] == ["archive/2019/old.md"] * 2
    # a folder named on the command line is walked even inside an excluded one
    walked = check(project, "archive/2019")
    assert [line.split(":")[0] for line in lines(walked)] == ["archive/2019/old.md"] * 2


def test_per_file_ignores_silence_a_rule_in_matching_files_only(project: Path) -> None:
    write(project / "docs" / "court" / "filing.md", DRAFT)
    write(
        project / ".respectful-lint.yaml",
        "per-file-ignores:\n  'docs/court/**': [sex-work/prostitute]\n",
    )
    assert lines(check(project)) == [
        f"docs/court/filing.md:1:5: {ADDICT}",
        f"docs/draft.md:1:5: {ADDICT}",
        f"docs/draft.md:1:20: {PROSTITUTE}",
    ]


def test_per_file_ignores_by_folder_name_cover_everything_in_it(project: Path) -> None:
    write(project / "docs" / "court" / "2024" / "filing.md", DRAFT)
    write(project / ".respectful-lint.yaml", "per-file-ignores:\n  court: [sex-work]\n")
    assert lines(check(project)) == [
        f"docs/court/2024/filing.md:1:5: {ADDICT}",
        f"docs/draft.md:1:5: {ADDICT}",
        f"docs/draft.md:1:20: {PROSTITUTE}",
    ]


def test_per_file_ignores_match_a_file_name_anywhere_and_stdin_filename(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "per-file-ignores:\n  'draft.*': [drug-use]\n")
    assert lines(check(project)) == [f"docs/draft.md:1:20: {PROSTITUTE}"]
    before = os.getcwd()
    os.chdir(project)
    try:
        args = ["check", "--format", "concise", "-", "--stdin-filename", "draft.txt"]
        result = CliRunner().invoke(main, args, input=DRAFT)
    finally:
        os.chdir(before)
    assert result.stdout.splitlines() == [f"draft.txt:1:20: {PROSTITUTE}"]


# --- how patterns match ------------------------------------------------------------------------

TREE = (
    "archive/old.md",
    "docs/court/2024/filing.md",
    "docs/court/filing.md",
    "docs/draft.md",
    "notes/draft.txt",
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    for name in TREE:
        write(root / name, DRAFT)
    return root


def linted(root: Path, config: str, *args: str) -> list[str]:
    """The files a run in ``root`` reports an addict finding in, with this configuration."""
    write(root / ".respectful-lint.yaml", config)
    result = check(root, "--select", "drug-use", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted({line.split(":")[0] for line in lines(result)})


@pytest.mark.parametrize(
    ("pattern", "left_out"),
    [
        ("court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs/court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("./docs/court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("/docs/court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs/court/", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs\\court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("**/court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs/court/**", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("court/*.md", set()),
        ("docs/*/filing.md", {"docs/court/filing.md"}),
        ("docs/**/filing.md", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("filing.md", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("draft.[mt]*", {"docs/draft.md", "notes/draft.txt"}),
        ("draft.?d", {"docs/draft.md"}),
        ("2???", {"docs/court/2024/filing.md"}),
        (
            "[!d]*",
            {
                "archive/old.md",
                "docs/court/2024/filing.md",
                "docs/court/filing.md",
                "notes/draft.txt",
            },
        ),
        ("*", set(TREE)),
        ("**", set(TREE)),
    ],
)
def test_exclude_patterns(tree: Path, pattern: str, left_out: set[str]) -> None:
    config = f"exclude: ['{pattern}']\n"
    assert linted(tree, config) == sorted(set(TREE) - left_out)


@pytest.mark.parametrize(
    ("pattern", "silenced"),
    [
        ("court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs/court", {"docs/court/2024/filing.md", "docs/court/filing.md"}),
        ("docs/*", {"docs/court/2024/filing.md", "docs/court/filing.md", "docs/draft.md"}),
        ("docs/*/filing.md", {"docs/court/filing.md"}),
        ("court/*.md", set()),
        ("2024", {"docs/court/2024/filing.md"}),
        ("*.md", set(TREE) - {"notes/draft.txt"}),
        ("archive/**", {"archive/old.md"}),
    ],
)
def test_per_file_ignores_patterns(tree: Path, pattern: str, silenced: set[str]) -> None:
    config = f"per-file-ignores:\n  '{pattern}': [drug-use]\n"
    assert linted(tree, config) == sorted(set(TREE) - silenced)


def test_a_double_star_inside_a_name_stays_in_one_folder(tree: Path) -> None:
    # as in .gitignore, '**' spans folders only as a whole name between slashes
    assert linted(tree, "exclude: ['docs/**.md']\n") == [
        "archive/old.md",
        "docs/court/2024/filing.md",
        "docs/court/filing.md",
        "notes/draft.txt",
    ]


def test_a_leading_exclamation_mark_or_hash_is_part_of_a_name(project: Path) -> None:
    write(project / "notes" / "!keep.md", DRAFT)
    write(project / "notes" / "#scratch.md", DRAFT)
    write(project / ".respectful-lint.yaml", "exclude: ['!keep.md', 'notes/#scratch.md']\n")
    assert {line.split(":")[0] for line in lines(check(project))} == {"docs/draft.md"}


def test_exclude_matches_a_named_folders_files_by_their_own_path(tree: Path) -> None:
    # 'docs/*' names docs/court, not the files inside it: a walk of docs/court finds them
    assert linted(tree, "exclude: ['docs/*']\n", "docs/court") == [
        "docs/court/2024/filing.md",
        "docs/court/filing.md",
    ]
    # 'docs/court/**' names every file below docs/court, at any depth
    assert linted(tree, "exclude: ['docs/court/**']\n", "docs/court/2024") == []
    assert linted(tree, "exclude: ['court']\n", "docs/court/2024") == ["docs/court/2024/filing.md"]


def test_include_matches_a_files_own_path_not_a_folder_above_it(project: Path) -> None:
    write(project / "strings" / "en.json", '{"intro": "Support for every addict"}\n')
    write(project / "strings" / "old.json" / "fr.json", '{"intro": "Every addict"}\n')
    write(project / ".respectful-lint.yaml", "include: ['strings/*.json']\n")
    assert [line.split(":")[0] for line in lines(check(project, "strings"))] == ["strings/en.json"]


def test_patterns_with_a_slash_never_match_outside_the_configurations_folder(
    tree: Path, tmp_path: Path
) -> None:
    write(tmp_path / "elsewhere" / "docs" / "draft.md", DRAFT)
    outside = str(tmp_path / "elsewhere" / "docs" / "draft.md")
    config = "per-file-ignores:\n  'docs/*.md': [drug-use]\n"
    assert linted(tree, config, outside) == [outside]
    config = "per-file-ignores:\n  'draft.md': [drug-use]\n"
    assert linted(tree, config, outside) == []


def test_html_data_attributes_replace_the_built_in_list(project: Path) -> None:
    page = '<p data-note="Every addict is welcome" data-error="No prostitute here">Hi</p>\n'
    write(project / "site" / "index.html", page)
    assert lines(check(project, "site")) == [f"site/index.html:1:55: {PROSTITUTE}"]
    write(project / ".respectful-lint.yaml", "html:\n  data-attributes: [data-note]\n")
    assert lines(check(project, "site")) == [f"site/index.html:1:21: {ADDICT}"]


def test_html_data_attributes_apply_to_raw_html_in_markdown(project: Path) -> None:
    write(project / "page.md", 'Hello <span data-note="Every addict is welcome">there</span>\n')
    write(project / ".respectful-lint.yaml", "html:\n  data-attributes: [data-note]\n")
    assert lines(check(project, "page.md")) == [f"page.md:1:30: {ADDICT}"]


def test_an_edited_configured_lexicon_is_seen_despite_the_cache(project: Path) -> None:
    lexicon = write(project / "style" / "house.yaml", (DATA / "custom.yaml").read_text())
    write(project / "docs" / "notes.txt", "Open the case file first.\n")
    write(project / ".respectful-lint.yaml", "lexicons: [style/house.yaml]\n")
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(project / "cache")}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    command = [sys.executable, "-m", "respectful_lint", "check", "--format", "concise", "docs"]

    def run() -> str:
        return subprocess.run(
            command, cwd=project, env=env, capture_output=True, text=True, check=False
        ).stdout

    assert "custom/client-file" in run()
    lexicon.write_text(lexicon.read_text().replace("[case file]", "[open the]"))
    out = run()
    assert "custom/client-file" in out and "notes.txt:1:1:" in out


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selcet: [sex-work]\n", "1:1: unknown key 'selcet' (did you mean 'select'?)"),
        ("fail_on: error\n", "1:1: unknown key 'fail_on' (did you mean 'fail-on'?)"),
        (
            "explain: true\nhtml:\n  data-atributes: [data-x]\n",
            "3:3: unknown key 'data-atributes' in 'html' (did you mean 'data-attributes'?)",
        ),
        ("select: sex-work\n", "1:9: 'select' must be a list of strings, not a string"),
        (
            "exclude: [archive, 3]\n",
            "1:20: 'exclude' must be a list of strings, but item 2 is a number",
        ),
        ("explain: maybe\n", "1:10: 'explain' must be true or false, not a string"),
        ("html: [data-x]\n", "1:7: 'html' must be a mapping, not a list"),
        (
            "per-file-ignores: [docs]\n",
            "1:19: 'per-file-ignores' must be a mapping of glob patterns to lists of rules, "
            "not a list",
        ),
        (
            "per-file-ignores:\n  docs/*: sex-work\n",
            "2:11: 'per-file-ignores.docs/*' must be a list of strings, not a string",
        ),
        (
            "profile: legl\n",
            "1:10: 'profile' must be one of default, legal, strict, community, not 'legl'",
        ),
        (
            "fail-on: errors\n",
            "1:10: 'fail-on' must be one of error, warning, suggestion, not 'errors'",
        ),
        (
            "min-severity: 2\n",
            "1:15: 'min-severity' must be one of error, warning, suggestion, not a number",
        ),
        (
            "html:\n  data-attributes: [aria-note]\n",
            "2:21: 'html.data-attributes': 'aria-note' is not a data-* attribute pattern",
        ),
        ("lexicons: [house.yaml]\n", "1:12: 'lexicons': no such file or folder: house.yaml"),
        ("- select\n", "1:1: the configuration must be a mapping of keys, not a list"),
        ("select: [a]\nselect: [b]\n", "2:1: duplicate key 'select'"),
        (
            "exclude: [archive, '[z-a]']\n",
            "1:20: 'exclude': '[z-a]' is not a valid glob pattern (bad character range z-a)",
        ),
        (
            "include: ['./']\n",
            "1:11: 'include': './' is not a valid glob pattern (it names no file or folder)",
        ),
        (
            "exclude: ['*a*a*a*b']\n",
            "1:11: 'exclude': '*a*a*a*b' is not a valid glob pattern (too many '*': at most 3 "
            "between two slashes, and at most 2 beyond the first of each part in all)",
        ),
        (
            "exclude: ['*a*a/*a*a/*b*b']\n",
            "1:11: 'exclude': '*a*a/*a*a/*b*b' is not a valid glob pattern (too many '*': at "
            "most 3 between two slashes, and at most 2 beyond the first of each part in all)",
        ),
        (
            "html:\n  <<: {data-attributes: [data-x]}\n",
            "2:3: invalid value at html: '<<': YAML merge keys ('<<') are not read: write the "
            "keys out, or use an alias",
        ),
        (
            # each space may be a hyphen: a long phrase has too many forms to make
            "allow: [case file, " + " ".join(["w"] * 25) + "]\n",
            "1:20: 'allow': 'w w w w w w w w w w w w w w w w w w w w '... has 25 words; a phrase "
            "may have at most 8",
        ),
        (
            "allow: [" + ", ".join(f"w{i}" for i in range(2_001)) + "]\n",
            "1:8: 'allow' lists 2,001 phrases; at most 2,000",
        ),
        (
            "overrides:\n  sex-work/hooker:\n    allow: [a b c d e f g h i]\n",
            "3:13: 'overrides.sex-work/hooker.allow': 'a b c d e f g h i' has 9 words; a phrase "
            "may have at most 8",
        ),
        (
            "per-file-ignores:\n  'docs/[z-a]*': [sex-work]\n",
            "2:3: 'per-file-ignores': 'docs/[z-a]*' is not a valid glob pattern "
            "(bad character range z-a)",
        ),
    ],
)
def test_yaml_errors_name_the_file_line_and_key(project: Path, text: str, message: str) -> None:
    write(project / ".respectful-lint.yaml", text)
    result = check(project)
    assert error(result) == f"respectful-lint: error: .respectful-lint.yaml:{message}"


def test_invalid_yaml_is_one_line_with_the_position(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "select: [sex-work\n")
    line = error(check(project))
    # the wording comes from PyYAML (libyaml and pure Python phrase it differently)
    assert line.startswith("respectful-lint: error: .respectful-lint.yaml:2:1: invalid YAML: ")
    assert "expected ',' or ']'" in line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "select: [sex-wrk]\n",
            "1:10: select: 'sex-wrk' matches no rule id or category (did you mean 'sex-work'?)",
        ),
        (
            "ignore:\n  - drug-use\n  - sex-work/prostitue\n",
            "3:5: ignore: 'sex-work/prostitue' matches no rule id or category "
            "(did you mean 'sex-work/prostitute'?)",
        ),
        (
            "per-file-ignores:\n  docs/*: [drug-use, drugs-use/addict]\n",
            "2:22: per-file-ignores: 'drugs-use/addict' matches no rule id or category "
            "(did you mean 'drug-use/addict'?)",
        ),
    ],
)
def test_unknown_selectors_point_into_the_file(project: Path, text: str, message: str) -> None:
    write(project / ".respectful-lint.yaml", text)
    assert error(check(project)) == f"respectful-lint: error: .respectful-lint.yaml:{message}"


def test_an_unknown_selector_on_the_command_line_names_the_option(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "select: [sex-work]\n")
    assert error(check(project, "--select", "sex-wrk")) == (
        "respectful-lint: error: --select: 'sex-wrk' matches no rule id or category "
        "(did you mean 'sex-work'?)"
    )


PYPROJECT = """\
[project]
name = "leaflets"

[tool.respectful-lint]
select = ["sex-work"]
{line}

[tool.respectful-lint.html]
data-attributes = ["data-note"]
"""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("selcet = []", "6:1: unknown key 'selcet' (did you mean 'select'?)"),
        (
            'profile = "legl"',
            "6:1: 'profile' must be one of default, legal, strict, community, not 'legl'",
        ),
        ("explain = 1", "6:1: 'explain' must be true or false, not a number"),
        (
            'ignore = ["drugs"]',
            "6:11: ignore: 'drugs' matches no rule id or category (did you mean 'drug-use'?)",
        ),
        ("select = [", "8:2: invalid TOML: Invalid value"),
        (
            "per-file-ignores = {'*.md' = 'drug-use'}",
            "6:21: 'per-file-ignores.*.md' must be a list of strings, not a string",
        ),
    ],
)
def test_pyproject_errors_name_the_keys_line(project: Path, line: str, message: str) -> None:
    write(project / "pyproject.toml", PYPROJECT.replace("{line}", line))
    assert error(check(project)) == f"respectful-lint: error: pyproject.toml:{message}"


def test_a_pyproject_cut_short_is_located_at_its_end(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.respectful-lint]\nselect = ["sex-work"\n')
    assert error(check(project)) == (
        "respectful-lint: error: pyproject.toml:3:1: "
        "invalid TOML: Unclosed array at the end of the file"
    )


def test_pyproject_errors_in_a_sub_table_name_its_line(project: Path) -> None:
    text = PYPROJECT.replace("{line}", "").replace('["data-note"]', '["note"]')
    write(project / "pyproject.toml", text)
    assert error(check(project)) == (
        "respectful-lint: error: pyproject.toml:9:20: "
        "'html.data-attributes': 'note' is not a data-* attribute pattern"
    )


def test_a_configuration_in_a_parent_folder_is_named_by_its_full_path(project: Path) -> None:
    config = write(project / ".respectful-lint.yaml", "selcet: []\n")
    assert error(check(project / "docs")) == (
        f"respectful-lint: error: {config}:1:1: unknown key 'selcet' (did you mean 'select'?)"
    )


def test_rules_and_explain_report_configuration_errors(project: Path) -> None:
    write(project / ".respectful-lint.yaml", "profile: legl\n")
    expected = (
        "respectful-lint: error: .respectful-lint.yaml:1:10: "
        "'profile' must be one of default, legal, strict, community, not 'legl'"
    )
    assert error(check(project, command="rules")) == expected
    assert error(check(project, "sex-work/john", command="explain")) == expected


# --- the Python API ------------------------------------------------------------------------------


def test_the_api_reads_no_configuration_unless_given_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / ".respectful-lint.yaml", "ignore: [drug-use]\n")
    monkeypatch.chdir(project)
    assert [f.rule for f in lint_text(DRAFT)] == ["drug-use/addict", "sex-work/prostitute"]
    config = discover_config()
    assert [f.rule for f in lint_text(DRAFT, config=config)] == ["sex-work/prostitute"]
    assert [f.rule for f in lint_paths(["docs"], config=config)] == ["sex-work/prostitute"]
    # an argument replaces the configured value
    assert [f.rule for f in lint_text(DRAFT, config=config, ignore=["sex-work"])] == [
        "drug-use/addict"
    ]


def test_load_config_raises_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "lint.yaml", "selcet: []\n")
    with pytest.raises(ConfigError, match=r"lint.yaml:1:1: unknown key 'selcet'"):
        load_config(path)


def test_the_readmes_examples_are_valid_configurations(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") : readme.index("## pre-commit")]
    blocks: dict[str, str] = {}
    for lang, block in re.findall(r"```(yaml|toml)\n(.*?)```", section, re.S):
        blocks.setdefault(lang, block)  # the first example of each kind: the full one
    write(tmp_path / "style" / "house.yaml", (DATA / "custom.yaml").read_text(encoding="utf-8"))
    yaml_config = load_config(write(tmp_path / ".respectful-lint.yaml", blocks["yaml"]))
    toml_config = load_config(write(tmp_path / "pyproject.toml", blocks["toml"]))
    assert yaml_config.select == toml_config.select == ("sex-work", "drug-use", "hiv")
    assert yaml_config.data_attributes == toml_config.data_attributes
    assert yaml_config.per_file_ignores[0] == toml_config.per_file_ignores[0]


def _laughs(levels: int) -> str:
    """A YAML "billion laughs": each level repeats the one before ten times."""
    lines = ["l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("allow: &a [*a]\n", "1:8: refused: a YAML alias that contains itself"),
        ("extends: &e {a: *e}\n", "1:10: refused: a YAML alias that contains itself"),
        (_laughs(9), "refused: YAML aliases expand to more than 200,000 values"),
    ],
)
def test_yaml_aliases_that_loop_or_explode_are_one_clear_error(
    project: Path, text: str, message: str
) -> None:
    write(project / ".respectful-lint.yaml", text)
    line = error(check(project))
    assert line.startswith("respectful-lint: error: .respectful-lint.yaml:")
    assert line.endswith(message)


def test_yaml_aliases_that_repeat_a_value_still_work(project: Path) -> None:
    write(
        project / ".respectful-lint.yaml", "select: &s [sex-work]\nper-file-ignores:\n  'x/*': *s\n"
    )
    assert check(project).exit_code == 1


def test_a_configuration_read_twice_is_the_same_configuration(tmp_path: Path) -> None:
    """What a configuration says decides its equality, not where in its files each key was
    written: two readings of one file are equal and hash alike, though each has its own
    functions that find a key's place."""
    write(tmp_path / "base.yaml", "ignore: [sex-work]\n")
    path = write(tmp_path / "respectful-lint.yaml", "extends: [base.yaml]\nselect: [drug-use]\n")
    first, second = load_config(path), load_config(path)
    assert first.where is not None and first.where is not second.where
    assert first.origins and first.origins == second.origins
    assert first == second and hash(first) == hash(second)
    assert "where" not in repr(first) and "origins" not in repr(first)
    assert load_config(write(tmp_path / "other.yaml", "select: [drug-use]\n")) != first
