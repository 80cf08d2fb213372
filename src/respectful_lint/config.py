"""Project configuration: finding it, reading it and checking every key.

A configuration is ``.respectful-lint.yaml`` (or ``.yml``), or the ``[tool.respectful-lint]``
table of ``pyproject.toml``. It is looked for in the current folder and then in each parent
folder up to the root; the first folder that has one wins, and in one folder the YAML file wins
over ``pyproject.toml``. Keys are the command-line option names (kebab-case); options given on
the command line replace the configuration's values, lists included.

Every problem is one :class:`ConfigError` line that starts with ``file:line:col:`` and names
the key. Nothing heavy is imported while looking: a folder without a configuration costs a few
``stat`` calls, and ``pyproject.toml`` is parsed only when its text mentions the table.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LintError
from .model import Severity

if TYPE_CHECKING:
    from pathspec import PathSpec, Pattern

    from .model import Lexicon
    from .profiles import Profile
    from .selection import Selection, UnknownSelector

CONFIG_FILES = (".respectful-lint.yaml", ".respectful-lint.yml")
PYPROJECT = "pyproject.toml"
TABLE = ("tool", "respectful-lint")
SEVERITIES = ("error", "warning", "suggestion")

KeyPath = tuple[str | int, ...]
Where = Callable[[KeyPath, bool], tuple[int, int]]


class ConfigError(LintError):
    """A configuration that cannot be used; the message starts with ``file:line:col:``."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from one configuration file; None (or empty) where the file says nothing.

    ``root`` is the configuration's folder: ``lexicons`` are resolved against it (they are
    stored resolved) and the ``include``, ``exclude`` and ``per-file-ignores`` patterns match
    paths relative to it. Without a file, patterns are relative to the current folder.
    """

    path: str | None = None
    root: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    min_severity: Severity | None = None
    profile: str | None = None
    lexicons: tuple[Path, ...] | None = None
    default_lexicons: bool | None = None
    explain: bool | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    data_attributes: tuple[str, ...] | None = None
    where: Where | None = field(default=None, compare=False, repr=False)

    def merge(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        min_severity: Severity | str | None = None,
        fail_on: Severity | str | None = None,
        profile: Profile | str | None = None,
        lexicons: Iterable[str | Path] | None = None,
        default_lexicons: bool | None = None,
        explain: bool | None = None,
    ) -> Settings:
        """The settings of a run: each argument that is not None (a list: not empty) wins,
        then this configuration's value, then the built-in default. Lists are replaced whole,
        never extended."""
        from .profiles import DEFAULT_PROFILE, get_profile
        from .selection import Selection, split_selectors

        taken: set[str] = set()

        def pick(name: str, given: Any, configured: Any, default: Any) -> Any:
            if given is not None and given != () and given != []:
                return given
            if configured is not None:
                taken.add(name)
                return configured
            return default

        chosen_select = pick("select", _listed(select), self.select, ())
        chosen_ignore = pick("ignore", _listed(ignore), self.ignore, ())
        chosen_profile = pick("profile", profile, self.profile, DEFAULT_PROFILE)
        chosen_min = pick("min-severity", min_severity, self.min_severity, Severity.SUGGESTION)
        chosen_fail = pick("fail-on", fail_on, self.fail_on, Severity.WARNING)
        selection = Selection(
            select=split_selectors(chosen_select),
            ignore=split_selectors(chosen_ignore),
            min_severity=_severity(chosen_min),
            profile=(
                get_profile(chosen_profile) if isinstance(chosen_profile, str) else chosen_profile
            ),
        )
        given_lexicons = None if lexicons is None else tuple(Path(p) for p in lexicons)
        return Settings(
            config=self,
            lexicons=pick("lexicons", given_lexicons, self.lexicons, ()),
            default_lexicons=pick(
                "default-lexicons", default_lexicons, self.default_lexicons, True
            ),
            selection=selection,
            fail_on=_severity(chosen_fail),
            explain=pick("explain", explain, self.explain, True),
            from_config=frozenset(taken),
        )

    # --- errors -------------------------------------------------------------------------------

    def error(self, path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        line, col = self.where(path, key) if self.where else (1, 1)
        return ConfigError(f"{self.path}:{line}:{col}: {message}")

    def selector_error(self, exc: UnknownSelector) -> ConfigError:
        """An unknown ``select`` / ``ignore`` selector, reported at its place in the file."""
        name = exc.option.lstrip("-")
        values = self.select if name == "select" else self.ignore
        index = _index_of(values or (), exc.selector)
        return self.error((name, index), f"{name}: {exc.reason}")

    def check_per_file_ignores(self, lexicons: Iterable[Lexicon]) -> None:
        """Refuse ``per-file-ignores`` selectors that match no rule of these lexicons."""
        if not self.per_file_ignores:
            return
        from .selection import UnknownSelector, check_selectors

        lexicons = tuple(lexicons)
        ids = [f"{lex.id}/{e.id}" for lex in lexicons for e in lex.entries]
        categories = sorted({e.category for lex in lexicons for e in lex.entries})
        for pattern, selectors in self.per_file_ignores:
            try:
                check_selectors("per-file-ignores", selectors, ids, categories)
            except UnknownSelector as exc:
                index = _index_of(selectors, exc.selector)
                raise self.error(
                    ("per-file-ignores", pattern, index), f"per-file-ignores: {exc.reason}"
                ) from None

    # --- what the runner asks -----------------------------------------------------------------

    def reader_options(self) -> dict[str, dict[str, Any]]:
        """Keyword arguments for readers, by reader name."""
        if self.data_attributes is None:
            return {}
        # raw HTML inside Markdown is read by the same code as HTML files
        options = {"data_attributes": self.data_attributes}
        return {"html": dict(options), "markdown": dict(options)}

    def excluded(self, path: str) -> bool:
        """Whether a walk leaves out this file or folder (and so everything in the folder).

        Only the entry itself is matched: a walk never enters an excluded folder, and a folder
        named on the command line is walked even inside an excluded one, as in ruff.
        """
        return bool(self.exclude) and _matches(self.exclude, path, self.root)

    def included(self, path: str) -> bool:
        """Whether a walk takes this file whatever its extension (patterns name files)."""
        return bool(self.include) and _matches(self.include, path, self.root)

    def ignored_rules(self, path: str) -> tuple[str, ...]:
        """The rule selectors ``per-file-ignores`` turns off in this file."""
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if _matches((pattern,), path, self.root, folders=True):
                out.extend(selectors)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run uses, from the options, the configuration and the defaults, in that order.

    ``from_config`` names the keys whose value came from the configuration, so that an error
    in one (an unknown selector) can point at the file.
    """

    config: Config
    lexicons: tuple[Path, ...]
    default_lexicons: bool
    selection: Selection
    fail_on: Severity
    explain: bool
    from_config: frozenset[str]


def _listed(values: Iterable[str] | None) -> tuple[str, ...] | None:
    if isinstance(values, str):  # one selector, or a comma-separated list of them
        return (values,)
    return None if values is None else tuple(values)


def _severity(value: Severity | str) -> Severity:
    return value if isinstance(value, Severity) else Severity.parse(value)


def _index_of(values: Sequence[str], selector: str) -> int:
    """The list item that holds ``selector`` (an item may be a comma-separated list)."""
    for i, value in enumerate(values):
        if selector in (part.strip() for part in value.split(",")):
            return i
    return 0


# --- glob patterns -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Glob:
    """One pattern as pathspec compiled it; see :func:`_glob`."""

    anchored: bool
    spec: PathSpec[Pattern]
    suffix: str  # added to a path before it is matched

    def match(self, path: str) -> bool:
        """Whether the pattern names this path itself (not only a folder it is in)."""
        return self.spec.match_file(path + self.suffix)


class _PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


_ITSELF = "/\0"  # a name no path has


@lru_cache(maxsize=256)
def _glob(pattern: str) -> _Glob:
    """A pattern compiled by pathspec, as in ``.gitignore`` and ruff's ``exclude``.

    ``*`` and ``?`` never match a slash, ``**`` matches any number of folders, and ``[...]`` is
    a character class. A pattern with a slash is anchored (matched against the path from the
    configuration's folder); one without is matched against a name. A backslash is read as a
    slash, a leading ``./`` and a trailing slash are dropped, and a leading ``!`` or ``#`` is
    part of the name (there is no negation and there are no comments).

    A gitignore pattern also matches everything in a folder it matches: ``strings/*.json``
    matches ``strings/old.json/fr.json``. So an anchored pattern gets the name ``\\0`` added,
    and so does the path before it is matched: ``strings/*.json/\\0`` does not match
    ``strings/old.json/fr.json/\\0``.
    A pattern ending in ``/**`` is left as it is: it names every path below its folder.

    Raises :class:`_PatternError` for a pattern that names nothing or does not compile.
    """
    from pathspec import PathSpec

    text = pattern.strip().replace("\\", "/").removeprefix("./").rstrip("/")
    anchored = "/" in text
    text = text.lstrip("/")
    if not text:
        raise _PatternError("it names no file or folder")
    if text.startswith(("!", "#")):
        text = "\\" + text
    suffix = ""
    if anchored:
        text = "/" + text  # anchored even when its only slash was a leading one
        if not text.endswith("/**"):
            suffix = _ITSELF
    try:
        spec = PathSpec.from_lines("gitignore", [text + suffix])
    except re.error as exc:
        raise _PatternError(exc.msg) from None
    except ValueError:
        raise _PatternError("not a glob pattern") from None
    return _Glob(anchored, spec, suffix)


def _matches(
    patterns: Iterable[str], path: str, root: Path | None, *, folders: bool = False
) -> bool:
    """Whether ``path`` matches one of ``patterns``; with ``folders``, or a folder it is in
    (below ``root``).

    A pattern without a slash matches a name; one with a slash matches the path from ``root``
    (the current folder when None), so it never matches a path outside ``root``.
    """
    full = os.path.abspath(path)
    rel = _relative(full, root)
    parts = None if rel is None else rel.replace(os.sep, "/").split("/")
    for pattern in patterns:
        glob = _glob(pattern)
        if glob.anchored:
            if parts is None:
                continue
            prefixes = range(1, len(parts) + 1) if folders else (len(parts),)
            if any(glob.match("/".join(parts[:i])) for i in prefixes):
                return True
        else:
            names = parts if folders and parts is not None else [os.path.basename(full)]
            if any(glob.match(name) for name in names):
                return True
    return False


# --- discovery ---------------------------------------------------------------------------------

_MENTIONS_TABLE = re.compile(rb"""tool\s*\.\s*["']?respectful-lint|^\s*\[\s*tool\s*\]""", re.M)


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file for ``start`` (the current folder by default), or None.

    Each folder from ``start`` up to the root is tried in turn: ``.respectful-lint.yaml``,
    ``.respectful-lint.yml``, then ``pyproject.toml`` if it has a ``[tool.respectful-lint]``
    table.
    """
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(path: Path) -> bool:
    name = _display(path)
    data = _read(path, name)
    if not _MENTIONS_TABLE.search(data):
        return False  # no need to parse: the table is not there
    doc = _parse_toml(_decode(data, name), name)
    return _table(doc, TABLE) is not None


def discover_config(start: Path | None = None) -> Config:
    """The configuration found from ``start`` upwards, or an empty one."""
    found = find_config(start)
    if found is None:
        return Config()
    return load_config(found, display=_display(found))


def _display(path: Path) -> str:
    """A path as messages show it: relative to the current folder when inside it."""
    rel = _relative(path)
    return str(path) if rel is None else rel


# --- loading -----------------------------------------------------------------------------------


def load_config(path: str | Path, *, display: str | None = None) -> Config:
    """Read and check one configuration file: YAML, ``pyproject.toml`` or another TOML file.

    Raises :class:`ConfigError` for a missing or unreadable file, bad syntax, an unknown key, a
    value of the wrong type or an unknown value, naming ``file:line:col`` and the key.
    """
    path = Path(path)
    name = display if display is not None else str(path)
    text = _decode(_read(path, name), name)
    data: Any
    where: Where
    if path.suffix.lower() == ".toml":
        doc = _parse_toml(text, name)
        prefix: tuple[str, ...] = ()
        if path.name.lower() == PYPROJECT:
            prefix = TABLE
            data = _table(doc, TABLE)
            if data is None:
                raise ConfigError(f"{name}:1:1: no [tool.respectful-lint] table")
        else:
            data = doc
        where = _toml_positions(text, prefix)
    else:
        from .errors import LexiconError
        from .lexicon.yamlload import load_yaml

        try:
            located = load_yaml(text, name)
        except LexiconError as exc:
            raise ConfigError(str(exc)) from None
        data = {} if located.data is None else located.data

        def where(key_path: KeyPath, key: bool) -> tuple[int, int]:
            return located.where(key_path, key=key)

    root = Path(os.path.abspath(path)).parent
    return _Checker(name, root, where).config(data)


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{name}: no such configuration file") from None
    except IsADirectoryError:
        raise ConfigError(f"{name}: is a folder, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read configuration: {exc.strerror or exc}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{name}: configuration is not UTF-8 (byte {exc.start}: {exc.reason})"
        ) from None


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_AT.search(message)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = message[: m.start()] if m else message.replace(" (at end of document)", "")
        raise ConfigError(f"{name}:{line}:{col}: invalid TOML: {message}") from None
    except RecursionError:
        line, col = _toml_depth_at(text)
        raise ConfigError(f"{name}:{line}:{col}: refused: TOML nested too deeply") from None
    except ValueError as exc:  # an integer too long for Python to convert
        found = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        col = found.start() - text.rfind("\n", 0, found.start()) if found else 1
        key = _TOML_KEY.match(text.splitlines()[line - 1]) if found else None
        where = f" at {key.group(1)}" if key else ""
        reason = "integer with more than 4,300 digits" if "digits" in str(exc) else str(exc)
        raise ConfigError(f"{name}:{line}:{col}: refused: {reason}{where}") from None


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4300,}")
_TOML_KEY = re.compile(r"""^\s*([A-Za-z0-9_."' -]+?)\s*=""")


def _toml_depth_at(text: str) -> tuple[int, int]:
    """Line and column where brackets and braces first nest 100 deep (a rough scan)."""
    depth = 0
    line, start = 1, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line, start = line + 1, i + 1
        elif ch in "[{":
            depth += 1
            if depth >= 100:
                return line, i - start + 1
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return 1, 1


def _table(doc: Mapping[str, Any], keys: Sequence[str]) -> Any:
    value: Any = doc
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


_HEADER = re.compile(r"^\s*\[(?!\[)\s*(.*?)\s*\]\s*(?:#.*)?$")
_NAME_PART = re.compile(r""""([^"]*)"|'([^']*)'|([^.\s]+)""")


def _toml_positions(text: str, prefix: tuple[str, ...]) -> Where:
    """Where a key is, found in the text (``tomllib`` keeps no positions).

    A key is looked for in the table that holds it (``[tool.respectful-lint.html]``), then in
    the tables above it as a dotted or inline key; failing that, the table's header is given.
    """
    lines = text.splitlines()
    tables: dict[tuple[str, ...], tuple[int, int]] = {}  # name -> (header line, end line)
    current: tuple[str, ...] = ()
    start = 0
    for number, line in enumerate(lines):
        m = _HEADER.match(line)
        if m:
            tables.setdefault(current, (start, number))
            current = tuple(a or b or c for a, b, c in _NAME_PART.findall(m.group(1)))
            start = number
    tables.setdefault(current, (start, len(lines)))

    def find_key(table: tuple[str, ...], key: str) -> tuple[int, int] | None:
        span = tables.get(table)
        if span is None:
            return None
        quoted = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
        pattern = re.compile(rf"^(\s*){quoted}\s*[=.]")
        first = span[0] + (1 if table else 0)
        for number in range(first, span[1]):
            m = pattern.match(lines[number])
            if m:
                return number + 1, len(m.group(1)) + 1
        return None

    def where(path: KeyPath, key: bool) -> tuple[int, int]:
        del key  # a key and its value share a line here
        names: list[str] = []
        for part in path:
            if not isinstance(part, str):
                break  # a list item: its key's line
            names.append(part)
        for depth in range(len(names), 0, -1):
            for table_depth in range(depth - 1, -1, -1):
                found = find_key((*prefix, *names[:table_depth]), names[table_depth])
                if found is not None:
                    return found
        header = tables.get(prefix)
        return (header[0] + 1, 1) if header and prefix else (1, 1)

    return where


# --- checking ----------------------------------------------------------------------------------

KEYS = (
    "select",
    "ignore",
    "fail-on",
    "min-severity",
    "profile",
    "lexicons",
    "default-lexicons",
    "explain",
    "include",
    "exclude",
    "per-file-ignores",
    "html",
)
HTML_KEYS = ("data-attributes",)


def _kind(value: Any) -> str:
    """How a value reads in an error message."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _unknown(key: str, known: Sequence[str], where: str = "") -> str:
    import difflib

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
    return f"unknown key '{key}'{where} ({hint})"


class _Checker:
    def __init__(self, name: str, root: Path, where: Where) -> None:
        self.name = name
        self.root = root
        self.where = where

    def error(self, path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        line, col = self.where(path, key)
        return ConfigError(f"{self.name}:{line}:{col}: {message}")

    def config(self, data: Any) -> Config:
        if not isinstance(data, dict):
            raise self.error((), f"the configuration must be a mapping of keys, not {_kind(data)}")
        for key in data:
            if key not in KEYS:
                raise self.error((key,), _unknown(key, KEYS), key=True)
        html = self.mapping("html", data.get("html", {}), "a mapping")
        for key in html:
            if key not in HTML_KEYS:
                raise self.error(("html", key), _unknown(key, HTML_KEYS, " in 'html'"), key=True)
        return Config(
            path=self.name,
            root=self.root,
            select=self.strings(data, ("select",)),
            ignore=self.strings(data, ("ignore",)),
            fail_on=self.severity(data, "fail-on"),
            min_severity=self.severity(data, "min-severity"),
            profile=self.profile(data),
            lexicons=self.lexicons(data),
            default_lexicons=self.boolean(data, "default-lexicons"),
            explain=self.boolean(data, "explain"),
            include=self.patterns(data, "include"),
            exclude=self.patterns(data, "exclude"),
            per_file_ignores=self.per_file_ignores(data),
            data_attributes=self.data_attributes(html),
            where=self.where,
        )

    def mapping(self, key: str, value: Any, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error((key,), f"'{key}' must be {what}, not {_kind(value)}")
        return value

    def strings(self, data: dict[str, Any], path: tuple[str, ...]) -> tuple[str, ...] | None:
        """The list of strings at ``path`` (None when the key is not there)."""
        value: Any = data
        for part in path:
            if part not in value:
                return None
            value = value[part]
        return self.string_list(value, path)

    def string_list(self, value: Any, path: tuple[str, ...]) -> tuple[str, ...]:
        label = ".".join(path)
        if not isinstance(value, list):
            raise self.error(path, f"'{label}' must be a list of strings, not {_kind(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(
                    (*path, i),
                    f"'{label}' must be a list of strings, but item {i + 1} is {_kind(item)}",
                )
            if not item.strip():
                raise self.error((*path, i), f"'{label}': item {i + 1} is empty")
        return tuple(value)

    def patterns(self, data: dict[str, Any], key: str) -> tuple[str, ...]:
        values = self.strings(data, (key,)) or ()
        for i, value in enumerate(values):
            self.pattern(value, (key, i), key)
        return values

    def pattern(self, value: str, path: KeyPath, label: str, *, key: bool = False) -> None:
        """Refuse a glob pattern that cannot be compiled (compiling it imports pathspec)."""
        try:
            _glob(value)
        except _PatternError as exc:
            message = f"'{label}': '{value}' is not a valid glob pattern ({exc})"
            raise self.error(path, message, key=key) from None

    def choice(self, data: dict[str, Any], key: str, allowed: Sequence[str]) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, str) or value.strip().lower() not in allowed:
            shown = f"'{value}'" if isinstance(value, str) else _kind(value)
            raise self.error((key,), f"'{key}' must be one of {', '.join(allowed)}, not {shown}")
        return value.strip().lower()

    def severity(self, data: dict[str, Any], key: str) -> Severity | None:
        value = self.choice(data, key, SEVERITIES)
        return None if value is None else Severity.parse(value)

    def profile(self, data: dict[str, Any]) -> str | None:
        from .profiles import PROFILES

        return self.choice(data, "profile", tuple(PROFILES))

    def boolean(self, data: dict[str, Any], key: str) -> bool | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, bool):
            raise self.error((key,), f"'{key}' must be true or false, not {_kind(value)}")
        return value

    def lexicons(self, data: dict[str, Any]) -> tuple[Path, ...] | None:
        values = self.strings(data, ("lexicons",))
        if values is None:
            return None
        paths: list[Path] = []
        for i, value in enumerate(values):
            path = self.root / os.path.expanduser(value)  # an absolute path stays as it is
            if _inside_cwd(path):
                path = Path(os.path.relpath(path))  # messages show it as a user would type it
            if not path.exists():
                raise self.error(("lexicons", i), f"'lexicons': no such file or folder: {value}")
            paths.append(path)
        return tuple(paths)

    def per_file_ignores(self, data: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if "per-file-ignores" not in data:
            return ()
        table = self.mapping(
            "per-file-ignores",
            data["per-file-ignores"],
            "a mapping of glob patterns to lists of rules",
        )
        out: list[tuple[str, tuple[str, ...]]] = []
        for pattern, value in table.items():
            key = ("per-file-ignores", pattern)
            if not pattern.strip():
                raise self.error(key, "'per-file-ignores': a pattern is empty", key=True)
            self.pattern(pattern, key, "per-file-ignores", key=True)
            selectors = self.string_list(value, key)
            out.append((pattern, selectors))
        return tuple(out)

    def data_attributes(self, html: dict[str, Any]) -> tuple[str, ...] | None:
        values = self.strings({"html": html}, ("html", "data-attributes"))
        if values is None:
            return None
        for i, value in enumerate(values):
            if not value.strip().lower().startswith("data-"):
                raise self.error(
                    ("html", "data-attributes", i),
                    f"'html.data-attributes': '{value}' is not a data-* attribute pattern",
                )
        return tuple(v.strip().lower() for v in values)


def _relative(path: str | Path, base: str | Path | None = None) -> str | None:
    """``path`` relative to ``base`` (the current folder by default); None when outside it."""
    try:
        rel = os.path.relpath(path, base if base is not None else os.getcwd())
    except ValueError:  # another drive
        return None
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def _inside_cwd(path: Path) -> bool:
    return _relative(path) is not None
