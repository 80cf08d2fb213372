"""Plugins: other distributions that register entry points in respectful-lint's groups.

Every entry point of a group comes either from respectful-lint itself (the built-ins) or from
a plugin distribution. A project chooses its plugins by distribution name with the
``plugins`` configuration key (all installed ones by default); ``plugins: []`` or
``--no-plugins`` runs with the built-ins alone. A plugin may never replace a built-in under the
same name: that is an error naming both distributions.

Readers, reporters and rule kinds are looked up by name from many places, so the choice of the
current run is kept here (:func:`use`); lexicon loading gets it passed explicitly, as its results
are cached by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from .errors import LintError

CORE = "respectful-lint"
GROUPS = {
    "lexicons": "respectful_lint.lexicons",
    "presets": "respectful_lint.presets",
    "readers": "respectful_lint.readers",
    "reporters": "respectful_lint.reporters",
    "rule_kinds": "respectful_lint.rule_kinds",
}

Choice = frozenset[str] | None
"""Canonical names of the plugin distributions a run uses; None for every installed one."""

_active: list[Choice] = [None]


class EntryPoint(Protocol):
    """An installed entry point: one of :mod:`importlib.metadata`, or one read from the index
    of :mod:`respectful_lint.entrypoints` (which offers the same attributes)."""

    @property
    def name(self) -> str: ...

    @property
    def value(self) -> str: ...

    @property
    def group(self) -> str: ...

    @property
    def dist(self) -> Any: ...

    def load(self) -> Any: ...


class PluginClash(LintError):
    """Two distributions register the same name in one group."""


def canonical(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution(ep: EntryPoint) -> str:
    dist = ep.dist
    return dist.name if dist is not None else "an unknown distribution"


def choice(names: Iterable[str] | None) -> Choice:
    return None if names is None else frozenset(canonical(n) for n in names)


def use(chosen: Choice) -> None:
    """Make ``chosen`` the plugins that reader, reporter and rule-kind look-ups see."""
    _active[0] = chosen


def active() -> Choice:
    return _active[0]


def is_core(ep: EntryPoint) -> bool:
    """Whether an entry point is one of respectful-lint's own: it names an object of this
    package (reading the distribution's metadata for every entry point would slow start-up)."""
    return ep.value.partition(":")[0].split(".")[0].strip() == __name__.split(".")[0]


def _scan() -> Any:
    """Every installed entry point, found by importlib.metadata (on Python 3.11 a
    SelectableGroups, later an EntryPoints: both select by group)."""
    from importlib.metadata import entry_points

    return entry_points()


@lru_cache(maxsize=1)
def _everything() -> Any:
    """Every installed entry point, read once per process: from the cached index of this
    path's distributions when there is a valid one (see :mod:`.entrypoints`), else scanned."""
    from .entrypoints import entry_points

    return entry_points(GROUPS.values(), _scan)


def group_entries(group: str) -> list[EntryPoint]:
    """The installed entry points of one group."""
    return list(_everything().select(group=group))


@lru_cache(maxsize=1)
def installed() -> dict[str, tuple[str, ...]]:
    """Every plugin distribution (by its own spelling) and the groups it registers in."""
    found: dict[str, set[str]] = {}
    for kind, group in GROUPS.items():
        for ep in group_entries(group):
            if not is_core(ep):
                found.setdefault(distribution(ep), set()).add(kind)
    return {name: tuple(sorted(kinds)) for name, kinds in sorted(found.items())}


def enabled(group: str, chosen: Choice) -> list[EntryPoint]:
    """The entry points of ``group`` a run uses, by name: the built-ins and chosen plugins.

    Raises :class:`PluginClash` when two distributions register the same name.
    """
    eps: dict[str, EntryPoint] = {}
    for ep in sorted(group_entries(group), key=lambda e: (not is_core(e), e.name)):
        if not is_core(ep) and chosen is not None and canonical(distribution(ep)) not in chosen:
            continue
        if ep.name in eps:
            first = eps[ep.name]
            kind = group.rsplit(".", 1)[-1].rstrip("s").replace("_", " ")
            what = "the built-in" if is_core(first) else "the"
            raise PluginClash(
                f"{kind} plugin '{ep.name}' from {distribution(ep)} clashes with {what} "
                f"{kind} '{ep.name}' from {distribution(first)}; remove one of the packages, or "
                "leave the plugin out with 'plugins:' in the configuration or --no-plugins"
            )
        eps[ep.name] = ep
    return [eps[name] for name in sorted(eps)]


T = TypeVar("T")


class LazyEntry(Generic[T]):
    """A registered plugin class (a reader, a reporter), imported on first use. A plugin that
    fails to import is a one-line error naming its distribution, raised each time it is needed
    and only then: runs that do not use it are not affected."""

    kind: ClassVar[str] = "plugin"

    def __init__(self, name: str, ep: EntryPoint | None, cls: T | None = None) -> None:
        self.name = name
        self.ep = ep
        self.cls = cls
        self.builtin = ep is not None and is_core(ep)
        self.error: LintError | None = None

    def load(self) -> T:
        if self.cls is None and self.error is None:
            assert self.ep is not None
            try:
                self.cls = self.ep.load()
            except Exception as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                self.error = LintError(
                    f"{self.kind} plugin '{self.name}' from {distribution(self.ep)} "
                    f"failed to load: {reason}"
                )
        if self.error is not None:
            raise self.error
        assert self.cls is not None
        return self.cls


E = TypeVar("E", bound=LazyEntry[Any])


def registered(
    group: str,
    chosen: Choice,
    entry: Callable[[str, EntryPoint | None, Any], E],
    builtins: Callable[[], Mapping[str, Any]],
) -> dict[str, E]:
    """The entries of ``group`` a run uses, by name, none of them imported yet. ``builtins``
    gives the built-in classes when no entry point is registered at all (running from a source
    tree that was never installed)."""
    found = {ep.name: entry(ep.name, ep, None) for ep in enabled(group, chosen)}
    if not found:
        found = {name: entry(name, None, cls) for name, cls in builtins().items()}
    return found


def blamed(exc: BaseException) -> str | None:
    """The plugin distribution whose code raised ``exc`` (the innermost frame of its
    traceback that belongs to an installed plugin), or None."""
    from importlib.metadata import packages_distributions

    plugins = {canonical(name): name for name in installed()}
    if not plugins:
        return None
    owners = packages_distributions()
    found = None
    tb = exc.__traceback__
    while tb is not None:
        module = str(tb.tb_frame.f_globals.get("__name__", ""))
        for dist in owners.get(module.split(".", 1)[0], ()):
            if canonical(dist) in plugins:
                found = plugins[canonical(dist)]
        tb = tb.tb_next
    return found
