"""Checking one configuration file's keys and values into a :class:`Config` layer.

Every problem is one :class:`ConfigError` naming ``file:line:col`` and the key.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from ..customize import OVERRIDE_FIELDS, Override
from ..inflect import phrase_too_long
from ..model import Preferred, Severity
from ..validation import ValueChecks, close_match, dotted, kind_of, unknown_key
from .globs import PatternError, glob, inside_cwd
from .model import KEY_PATH_SEPARATOR, Config, ConfigError, KeyPath, Origin, Where

SEVERITIES = ("error", "warning", "suggestion")
FIXES = ("safe", "unsafe", "none")

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
    "report-unused-suppressions",
    "html",
    "extends",
    "overrides",
    "allow",
    "plugins",
)
HTML_KEYS = ("data-attributes",)
PER_FILE_KEYS = ("ignore", "allow")
# phrases one 'allow' list may hold: each is inflected and matched against every rule's words
# (100,000 took 18 s and 370 MB to load)
MAX_ALLOWED = 2_000
PREFERRED_KEYS = ("text", "plural", "possessive")


class Checker(ValueChecks):
    """Checks one configuration file's values; every message names ``file:line:col`` and the
    key path, and says what kind of value was found."""

    contrast = "not"

    def __init__(self, name: str, root: Path, where: Where) -> None:
        self.name = name
        self.root = root
        self.where = where

    def error(self, path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        line, col = self.where(path, key)
        return ConfigError(f"{self.name}:{line}:{col}: {message}")

    def fail(self, path: KeyPath, message: str, *, key: bool = False) -> NoReturn:
        raise self.error(path, message, key=key)

    def label(self, path: KeyPath) -> str:
        return dotted(path)

    def describe(self, value: Any) -> str:
        return kind_of(value)

    def config(self, data: Any) -> Config:
        """This file's own settings (``extends`` is resolved by the loader)."""
        if not isinstance(data, dict):
            raise self.error(
                (), f"the configuration must be a mapping of keys, not {kind_of(data)}"
            )
        for key in data:
            if key not in KEYS:
                raise self.error((key,), unknown_key(key, KEYS), key=True)
        html = self.mapping("html", data.get("html", {}), "a mapping")
        for key in html:
            if key not in HTML_KEYS:
                raise self.error(("html", key), unknown_key(key, HTML_KEYS, " in 'html'"), key=True)
        per_file_ignores, per_file_allow = self.per_file_ignores(data)
        origin = Origin(self.name, self.where)
        origins: dict[tuple[str, ...], Origin] = {(key,): origin for key in data}
        for key in ("per-file-ignores", "overrides"):
            if isinstance(data.get(key), dict):
                origins.update({(key, str(sub)): origin for sub in data[key]})
        return Config(
            path=self.name,
            root=self.root,
            select=self.strings(data, ("select",)),
            ignore=self.strings(data, ("ignore",)),
            fail_on=self.severity(data, "fail-on"),
            min_severity=self.severity(data, "min-severity"),
            profile=self.profile(data),
            lexicons=self.lexicons(data),
            default_lexicons=self.flag(data, "default-lexicons"),
            explain=self.flag(data, "explain"),
            include=self.patterns(data, "include"),
            exclude=self.patterns(data, "exclude"),
            per_file_ignores=per_file_ignores,
            data_attributes=self.data_attributes(html),
            report_unused_suppressions=self.flag(data, "report-unused-suppressions"),
            where=self.where,
            overrides=self.overrides(data),
            allow=self.phrases(data, ("allow",)) or (),
            plugins=self.plugins(data),
            per_file_allow=per_file_allow,
            origins=origins,
        )

    def extends(self, data: Any) -> tuple[str, ...]:
        """The presets and files this one builds on, in order."""
        if not isinstance(data, dict) or "extends" not in data:
            return ()
        value = data["extends"]
        return self.string_list([value] if isinstance(value, str) else value, ("extends",))

    def mapping(self, key: str, value: Any, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.must((key,), what, value)
        return value

    def strings(
        self, data: dict[str, Any], path: tuple[str, ...], *, prefix: KeyPath = ()
    ) -> tuple[str, ...] | None:
        """The list of strings at ``path`` (None when the key is not there)."""
        value: Any = data
        for part in path:
            if part not in value:
                return None
            value = value[part]
        return self.string_list(value, (*prefix, *path))

    def phrases(
        self, data: dict[str, Any], path: tuple[str, ...], *, prefix: KeyPath = ()
    ) -> tuple[str, ...] | None:
        """The list of allowed phrases at ``path``, each short enough to inflect."""
        found = self.strings(data, path, prefix=prefix)
        return None if found is None else self.checked_phrases(found, (*prefix, *path))

    def checked_phrases(self, phrases: tuple[str, ...], path: KeyPath) -> tuple[str, ...]:
        if len(phrases) > MAX_ALLOWED:
            raise self.error(
                path, f"'{dotted(path)}' lists {len(phrases):,} phrases; at most {MAX_ALLOWED:,}"
            )
        for i, phrase in enumerate(phrases):
            if (why := phrase_too_long(phrase)) is not None:
                raise self.error((*path, i), f"'{dotted(path)}': {why}")
        return phrases

    def string_list(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        label = dotted(path)
        if not isinstance(value, list):
            self.must(path, "a list of strings", value)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(
                    (*path, i),
                    f"'{label}' must be a list of strings, but item {i + 1} is {kind_of(item)}",
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
            glob(value)
        except PatternError as exc:
            message = f"'{label}': '{value}' is not a valid glob pattern ({exc})"
            raise self.error(path, message, key=key) from None

    def choice(self, data: dict[str, Any], key: str, allowed: Sequence[str]) -> str | None:
        if key not in data:
            return None
        return self.one_of(data[key], (key,), key, allowed)

    def severity(self, data: dict[str, Any], key: str) -> Severity | None:
        value = self.choice(data, key, SEVERITIES)
        return None if value is None else Severity.parse(value)

    def profile(self, data: dict[str, Any]) -> str | None:
        from ..profiles import PROFILES

        return self.choice(data, "profile", tuple(PROFILES))

    def flag(self, data: dict[str, Any], key: str) -> bool | None:
        return None if key not in data else self.boolean(data[key], (key,))

    def lexicons(self, data: dict[str, Any]) -> tuple[Path, ...] | None:
        values = self.strings(data, ("lexicons",))
        if values is None:
            return None
        paths: list[Path] = []
        for i, value in enumerate(values):
            path = self.root / os.path.expanduser(value)  # an absolute path stays as it is
            if inside_cwd(path):
                path = Path(os.path.relpath(path))  # messages show it as a user would type it
            if not path.exists():
                raise self.error(("lexicons", i), f"'lexicons': no such file or folder: {value}")
            paths.append(path)
        return tuple(paths)

    def per_file_ignores(
        self, data: dict[str, Any]
    ) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """(pattern, rule selectors) and (pattern, allowed words) of ``per-file-ignores``."""
        if "per-file-ignores" not in data:
            return (), ()
        table = self.mapping(
            "per-file-ignores",
            data["per-file-ignores"],
            "a mapping of glob patterns to lists of rules",
        )
        ignores: list[tuple[str, tuple[str, ...]]] = []
        allows: list[tuple[str, tuple[str, ...]]] = []
        for pattern, value in table.items():
            key = ("per-file-ignores", pattern)
            if not pattern.strip():
                raise self.error(key, "'per-file-ignores': a pattern is empty", key=True)
            files, sep, keys = pattern.partition(KEY_PATH_SEPARATOR)
            if sep and not (files.strip() and keys.strip()):
                raise self.error(
                    key, f"'per-file-ignores': '{pattern}' needs a file and a key path", key=True
                )
            self.pattern(files, key, "per-file-ignores", key=True)
            if isinstance(value, dict):
                for sub in value:
                    if sub not in PER_FILE_KEYS:
                        where = f" in 'per-file-ignores.{pattern}'"
                        raise self.error(
                            (*key, sub), unknown_key(sub, PER_FILE_KEYS, where), key=True
                        )
                ignored = self.strings(value, ("ignore",), prefix=key)
                allowed = self.phrases(value, ("allow",), prefix=key)
                if ignored:
                    ignores.append((pattern, ignored))
                if allowed:
                    allows.append((pattern, allowed))
                continue
            ignores.append((pattern, self.string_list(value, key)))
        return tuple(ignores), tuple(allows)

    def overrides(self, data: dict[str, Any]) -> tuple[Override, ...]:
        if "overrides" not in data:
            return ()
        table = self.mapping("overrides", data["overrides"], "a mapping of rule ids to changes")
        out: list[Override] = []
        for rule, value in table.items():
            path: KeyPath = ("overrides", rule)
            if "/" not in rule.strip("/"):
                message = (
                    f"'overrides': '{rule}' is not a rule id (lexicon/entry, as 'rules' shows)"
                )
                raise self.error(path, message, key=True)
            if not isinstance(value, dict) or not value:
                raise self.error(path, f"'overrides.{rule}' must be a mapping of fields to change")
            changes: dict[str, Any] = {}
            origins: dict[str, str] = {}
            for name, item in value.items():
                field_path: KeyPath = (*path, name)
                if name not in OVERRIDE_FIELDS:
                    where = f" in 'overrides.{rule}'"
                    raise self.error(
                        field_path, unknown_key(name, OVERRIDE_FIELDS, where), key=True
                    )
                changes[name] = self.override_value(name, item, field_path)
                origins[name] = f"{self.name}:{self.where(field_path, True)[0]}"
            out.append(Override(rule, tuple(changes.items()), tuple(origins.items())))
        return tuple(out)

    def override_value(self, name: str, value: Any, path: KeyPath) -> Any:
        label = dotted(path)
        if name == "severity":
            return Severity.parse(self.one_of(value, path, label, SEVERITIES))
        if name == "fix":
            return self.one_of(value, path, label, FIXES)
        if name == "allow":
            return self.checked_phrases(self.string_list(value, path), path)
        if name == "preferred":
            return self.preferred(value, path, label)
        if not isinstance(value, str):
            self.must(path, "a non-empty string", value)
        if not value.strip():
            raise self.error(path, f"'{label}' must be a non-empty string, not an empty one")
        if name == "message":
            from ..lexicon.validate_entry import MESSAGE_FIELDS, PLACEHOLDER

            for field_name in PLACEHOLDER.findall(value):
                if field_name not in MESSAGE_FIELDS:
                    raise self.error(
                        path,
                        f"'{label}' has {{{field_name}}}, which is not filled in: use "
                        "{matched} or {preferred}",
                    )
        return value

    def one_of(self, value: Any, path: KeyPath, label: str, allowed: Sequence[str]) -> str:
        if not isinstance(value, str) or value.strip().lower() not in allowed:
            shown = f"'{value}'" if isinstance(value, str) else kind_of(value)
            raise self.error(path, f"'{label}' must be one of {', '.join(allowed)}, not {shown}")
        return value.strip().lower()

    def preferred(self, value: Any, path: KeyPath, label: str) -> tuple[Preferred, ...]:
        items = [value] if isinstance(value, str | dict) else value
        if not isinstance(items, list) or not items:
            raise self.error(path, f"'{label}' must be a non-empty list of wordings")
        out: list[Preferred] = []
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                out.append(Preferred(item))
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise self.error(
                    (*path, i),
                    f"'{label}': item {i + 1} must be a wording or {{text: ..., plural: ...}}",
                )
            for key in item:
                if key not in PREFERRED_KEYS:
                    raise self.error((*path, i, key), unknown_key(key, PREFERRED_KEYS), key=True)
            plural = item.get("plural")
            possessive = item.get("possessive", True)
            if plural is not None and not isinstance(plural, str):
                raise self.error(
                    (*path, i, "plural"), f"'plural' must be a string, not {kind_of(plural)}"
                )
            if not isinstance(possessive, bool):
                raise self.error((*path, i, "possessive"), "'possessive' must be true or false")
            out.append(Preferred(item["text"], plural, possessive))
        return tuple(out)

    def plugins(self, data: dict[str, Any]) -> tuple[str, ...] | None:
        """The plugin distributions the project uses; each must be installed."""
        values = self.strings(data, ("plugins",))
        if values is None:
            return None
        from ..plugins import canonical, installed

        known = list(installed())
        names = {canonical(n): n for n in known}
        for i, value in enumerate(values):
            if canonical(value) not in names:
                close = close_match(value, known)
                hint = (
                    f"did you mean '{close}'?"
                    if close
                    else "installed plugins: " + (", ".join(known) or "none")
                )
                raise self.error(("plugins", i), f"'plugins': '{value}' is not installed ({hint})")
        return values

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
