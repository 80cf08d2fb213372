"""The checked configuration (:class:`Config`) and the settings of one run (:class:`Settings`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..customize import Customization, Override
from ..errors import LintError, UsageError
from ..model import Severity
from .globs import matches

if TYPE_CHECKING:
    from ..model import Lexicon
    from ..profiles import Profile
    from ..selection import Selection, UnknownSelector

KeyPath = tuple[str | int, ...]
Where = Callable[[KeyPath, bool], tuple[int, int]]


class ConfigError(LintError):
    """A configuration that cannot be used; the message starts with ``file:line:col:``."""


KEY_PATH_SEPARATOR = "::"  # in a per-file-ignores pattern: FILE-PATTERN::KEY-PATTERN


class Origin(Struct, frozen=True):
    """The file a setting came from, and how to find a key's place in it."""

    file: str
    where: Where | None = None  # left out of equality, hash and repr

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Origin):
            return NotImplemented
        return self.file == other.file

    def __hash__(self) -> int:
        return hash(self.file)

    def __repr__(self) -> str:
        return f"Origin(file={self.file!r})"

    def position(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        return self.where(path, key) if self.where else (1, 1)

    def error(self, path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        line, col = self.position(path, key=key)
        return ConfigError(f"{self.file}:{line}:{col}: {message}")


class Config(Struct, frozen=True):
    """Settings from one configuration file (and the ones it extends); None (or empty) where
    they say nothing.

    ``root`` is the configuration's folder: ``lexicons`` are resolved against the folder of
    the file that names them (they are stored resolved) and the ``include``, ``exclude`` and
    ``per-file-ignores`` patterns match paths relative to ``root``. Without a file, patterns are
    relative to the current folder. ``origins`` gives, for each key (and each item of a mapping
    key), the file that set it, so that errors found later point at the right file.
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
    report_unused_suppressions: bool | None = None
    where: Where | None = None  # left out of equality, hash and repr, as ``origins`` is
    extends: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    allow: tuple[str, ...] = ()
    plugins: tuple[str, ...] | None = None
    per_file_allow: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (reference, distribution, where it is named) of each preset a plugin provides
    plugin_presets: tuple[tuple[str, str, KeyPath, Origin], ...] = ()
    origins: Mapping[tuple[str, ...], Origin] = field(default_factory=dict)

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _CONFIG_COMPARED)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _CONFIG_COMPARED)
        return f"Config({shown})"

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
        no_plugins: bool = False,
    ) -> Settings:
        """The settings of a run: each argument that is not None (a list: not empty) wins,
        then this configuration's value, then the built-in default. Lists are replaced whole,
        never extended. ``no_plugins`` runs without plugins whatever ``plugins`` says."""
        from ..profiles import DEFAULT_PROFILE, get_profile
        from ..selection import Selection, split_selectors

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
            min_severity=_severity(chosen_min, "min_severity"),
            profile=(
                get_profile(chosen_profile) if isinstance(chosen_profile, str) else chosen_profile
            ),
        )
        plugins = () if no_plugins else self.plugins
        self.check_plugin_presets(plugins, no_plugins)
        given_lexicons = None if lexicons is None else tuple(Path(p) for p in lexicons)
        return Settings(
            config=self,
            lexicons=pick("lexicons", given_lexicons, self.lexicons, ()),
            default_lexicons=pick(
                "default-lexicons", default_lexicons, self.default_lexicons, True
            ),
            selection=selection,
            fail_on=_severity(chosen_fail, "fail_on"),
            explain=pick("explain", explain, self.explain, True),
            from_config=frozenset(taken),
            plugins=plugins,
            customization=Customization(self.overrides, self.allow),
        )

    # --- errors -------------------------------------------------------------------------------

    def origin(self, path: KeyPath) -> Origin:
        """The file that set the key at ``path``."""
        for depth in (2, 1):
            found = self.origins.get(tuple(str(p) for p in path[:depth]))
            if found is not None:
                return found
        return Origin(str(self.path), self.where)

    def error(self, path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        return self.origin(path).error(path, message, key=key)

    def selector_error(self, exc: UnknownSelector) -> ConfigError:
        """An unknown ``select`` / ``ignore`` selector, reported at its place in the file."""
        name = exc.option.lstrip("-")
        values = self.select if name == "select" else self.ignore
        index = _index_of(values or (), exc.selector)
        return self.error((name, index), f"{name}: {exc.reason}")

    def check_per_file_ignores(self, lexicons: Iterable[Lexicon]) -> None:
        """Refuse ``per-file-ignores`` selectors and ``overrides`` that match no rule of these
        lexicons."""
        if not self.per_file_ignores and not self.overrides:
            return
        from ..selection import UnknownSelector, check_selectors

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
        disabled = {d for lex in lexicons for d in lex.disabled}
        self.check_overrides([i for i in ids if i not in disabled], lexicons)

    def check_overrides(self, ids: Sequence[str], lexicons: Iterable[Lexicon] = ()) -> None:
        """Refuse an override of a rule that does not exist, with the closest ids as a hint,
        or that a lexicon's ``disable:`` turns off."""
        from ..describe import similar_ids
        from ..selection import turned_off

        known = set(ids)
        conflations = {
            f"{lex.id}/{e.id}" for lex in lexicons for e in lex.entries if e.kind == "conflation"
        }
        for override in self.overrides:
            if override.rule not in known:
                try:
                    turned_off(lexicons, override.rule, "overrides")
                except UsageError as exc:
                    raise self.error(("overrides", override.rule), str(exc), key=True) from None
                close = similar_ids(override.rule, list(ids))
                hint = " (did you mean " + ", ".join(f"'{c}'" for c in close) + "?)"
                message = f"overrides: no rule '{override.rule}'" + (hint if close else "")
                raise self.error(("overrides", override.rule), message, key=True)
            fixed = dict(override.changes).get("fix")
            if fixed is not None and fixed != "none" and override.rule in conflations:
                raise self.error(
                    ("overrides", override.rule, "fix"),
                    f"overrides: '{override.rule}' is a conflation rule, which has no fix "
                    "(the sentence must be rewritten); only 'fix: none' applies",
                )

    def check_plugin_presets(self, plugins: tuple[str, ...] | None, no_plugins: bool) -> None:
        """Refuse a preset from a plugin that this run leaves out."""
        from ..plugins import canonical

        chosen = None if plugins is None else {canonical(p) for p in plugins}
        for reference, dist, path, origin in self.plugin_presets:
            if chosen is not None and canonical(dist) not in chosen:
                why = "--no-plugins turns plugins off" if no_plugins else "'plugins' leaves it out"
                raise origin.error(
                    path, f"extends: '{reference}' is a preset of the plugin {dist}, and {why}"
                )

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
        return bool(self.exclude) and matches(self.exclude, path, self.root)

    def included(self, path: str) -> bool:
        """Whether a walk takes this file whatever its extension (patterns name files)."""
        return bool(self.include) and matches(self.include, path, self.root)

    def ignored_rules(self, path: str) -> tuple[str, ...]:
        """The rule selectors ``per-file-ignores`` turns off in this whole file."""
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if KEY_PATH_SEPARATOR in pattern:
                continue
            if matches((pattern,), path, self.root, folders=True):
                out.extend(selectors)
        return tuple(out)

    def ignored_keys(self, path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(key-path pattern, rule selectors) of the ``per-file-ignores`` entries written as
        ``FILE-PATTERN::KEY-PATTERN`` whose file pattern matches this file."""
        out: list[tuple[str, tuple[str, ...]]] = []
        for pattern, selectors in self.per_file_ignores:
            files, sep, keys = pattern.partition(KEY_PATH_SEPARATOR)
            if sep and matches((files,), path, self.root, folders=True):
                out.append((keys.strip(), selectors))
        return tuple(out)

    def allowed_words(self, path: str) -> tuple[str, ...]:
        """The words ``per-file-ignores`` allows in this file."""
        out: list[str] = []
        for pattern, words in self.per_file_allow:
            if matches((pattern,), path, self.root, folders=True):
                out.extend(words)
        return tuple(out)


# the fields that equality, hash and repr look at: those that say what the configuration is,
# not where in its files each key was written
_CONFIG_COMPARED = tuple(n for n in Config.__struct_fields__ if n not in ("where", "origins"))


class Settings(Struct, frozen=True):
    """What a run uses, from the options, the configuration and the defaults, in that order.

    ``from_config`` names the keys whose value came from the configuration, so that an error
    in one (an unknown selector) can point at the file. ``plugins`` names the plugin
    distributions in use (None: every installed one).
    """

    config: Config
    lexicons: tuple[Path, ...]
    default_lexicons: bool
    selection: Selection
    fail_on: Severity
    explain: bool
    from_config: frozenset[str]
    plugins: tuple[str, ...] | None = None
    customization: Customization = field(default_factory=Customization)


def _listed(values: Iterable[str] | None) -> tuple[str, ...] | None:
    if isinstance(values, str):  # one selector, or a comma-separated list of them
        return (values,)
    return None if values is None else tuple(values)


def _severity(value: Severity | str, option: str) -> Severity:
    """A severity given by name (to the Python API: the command line checks its choices)."""
    if isinstance(value, Severity):
        return value
    try:
        return Severity.parse(value)
    except (KeyError, AttributeError):  # a name that is none, or no name at all (3)
        names = ", ".join(s.label for s in sorted(Severity))
        raise UsageError(f"{option}: unknown severity '{value}' (one of {names})") from None


def _index_of(values: Sequence[str], selector: str) -> int:
    """The list item that holds ``selector`` (an item may be a comma-separated list)."""
    for i, value in enumerate(values):
        if selector in (part.strip() for part in value.split(",")):
            return i
    return 0
