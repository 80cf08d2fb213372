"""The guard tests of lexicon rules, in one registry.

Each module of this package declares its tests as :class:`~.base.GuardTest` values in a
``TESTS`` tuple: schema fragment, validation, evaluation and description together. Term,
pattern and conflation rules share them; a test says which kinds of rule may use it. Adding a
test is adding a module here (and its example to the registry's tests).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from ..model import Condition, Guard, Severity
from .base import GuardTest, Parser, Path, Site

__all__ = [
    "REGISTRY",
    "GuardTest",
    "Parser",
    "Site",
    "act",
    "condition",
    "describe",
    "first_holding",
    "holds",
    "names",
    "restored",
    "schema_properties",
    "stored",
]


def _load() -> dict[str, GuardTest]:
    found: list[GuardTest] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "TESTS", ()))
    found.sort(key=lambda t: (t.cost, t.name))
    registry: dict[str, GuardTest] = {}
    for test in found:
        if test.name in registry:
            raise RuntimeError(f"guard test '{test.name}' is declared twice")
        registry[test.name] = test
    return registry


# Every test by name, cheapest first (the order a condition's tests run in).
REGISTRY: Mapping[str, GuardTest] = _load()
_ORDER = {name: i for i, name in enumerate(REGISTRY)}


def names(kind: str | None = None) -> tuple[str, ...]:
    """The names of the tests rules of ``kind`` may use (all tests for None)."""
    return tuple(n for n, t in REGISTRY.items() if kind is None or kind in t.kinds)


def condition(parser: Parser, data: Mapping[str, Any], path: Path, kind: str) -> Condition:
    """The tests of one guard or requirement (keys already checked to be test names)."""
    tests: list[tuple[str, Any]] = []
    for key, raw in data.items():
        test = REGISTRY[key]
        if kind not in test.kinds:
            rules = " and ".join(sorted(test.kinds))
            parser.fail((*path, key), f"'{key}' is only for guards of {rules} rules")
        tests.append((key, test.parse(parser, raw, (*path, key))))
    if not tests:
        parser.fail(path, "a condition needs at least one test (" + ", ".join(names(kind)) + ")")
    tests.sort(key=lambda t: _ORDER[t[0]])
    return Condition(tuple(tests))


def holds(cond: Condition, site: Site) -> bool:
    """Whether every test of ``cond`` holds at ``site``."""
    for name, value in cond.tests:  # noqa: SIM110  (a plain loop: this runs per candidate)
        if not REGISTRY[name].holds(site, value):
            return False
    return True


def first_holding(guards: Iterable[Guard], site: Site) -> Guard | None:
    """The first of a rule's guards that holds at ``site``: the one that acts."""
    for guard in guards:
        if holds(guard.when, site):
            return guard
    return None


def act(action: str, severity: Severity) -> Severity:
    """The severity after a guard's ``downgrade`` or ``suggestion`` action."""
    return severity.downgraded() if action == "downgrade" else Severity.SUGGESTION


def describe(cond: Condition) -> Iterable[str]:
    """Each test of ``cond`` in plain words, in registry order."""
    return [REGISTRY[name].describe(value) for name, value in cond.tests]


def schema_properties(kind: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON-schema properties of the tests, and the shared definitions they refer to."""
    props: dict[str, Any] = {}
    defs: dict[str, Any] = {}
    for name in names(kind):
        test = REGISTRY[name]
        props[name] = test.schema
        defs.update(test.defs)
    return props, defs


# --- stored conditions (the lexicon cache) ----------------------------------------------------


def stored(cond: Condition) -> list[list[Any]]:
    """A condition as plain data: [name, value] pairs, a set as a sorted list."""
    return [
        [name, sorted(value) if isinstance(value, frozenset) else value]
        for name, value in cond.tests
    ]


def restored(data: object) -> Condition:
    """The condition :func:`stored` made ``data`` from, each value read back as the type its
    test declares; ValueError (or msgspec.ValidationError) for anything else."""
    if type(data) is not list:
        raise ValueError("a condition is a list of tests")
    tests: list[tuple[str, Any]] = []
    for pair in data:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
            raise ValueError("a test is a [name, value] pair")
        test = REGISTRY.get(pair[0])
        if test is None:
            raise ValueError(f"no guard test '{pair[0]}'")
        tests.append((pair[0], msgspec.convert(pair[1], test.value, strict=True)))
    return Condition(tuple(tests))
