"""Checks for user-written pattern rules: they must compile and must not hang."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .lazyre import lazy_compile

if TYPE_CHECKING:
    import regex

PATTERN_TIMEOUT = 1.0  # seconds a pattern rule may spend on one segment

# A repeated group that itself contains an unbounded repeat, such as (a+)+ or (\w+\s?)*,
# can backtrack exponentially.
_NESTED_QUANTIFIER = lazy_compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")
PROBE_TIMEOUT = 0.2


def pattern_problem(source: str, *, allow_empty: bool = False) -> str | None:
    """Why a pattern cannot be used, or None when it is fine.

    Pattern rules and the ``when`` expressions of preferred wordings get the same checks;
    only a ``when`` may match empty text (``allow_empty``).
    """
    import regex  # imported here: only lexicons with pattern rules need it

    try:
        compiled = regex.compile(source)
    except regex.error as exc:
        return f"pattern does not compile: {exc}"
    if _NESTED_QUANTIFIER.search(source):
        return (
            "pattern can hang: a repeated group contains another unbounded repeat "
            "(as in '(a+)+'); rewrite it without nested repetition"
        )
    if not allow_empty and compiled.search(""):
        return "pattern matches empty text; it must match at least one character"
    literal = "".join(ch for ch in source if ch.isalnum()) or "a"
    probes = [literal[0] * 2000 + "!", (literal + " ") * 200 + "!", " " * 2000 + "!"]
    # the same with the pattern's letters after them, so that a search which first looks
    # for a letter the pattern needs ("b" in "(a|a)*b") does backtrack over the run
    probes += [probe + literal for probe in probes]
    for probe in probes:
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            return (
                f"pattern can hang: it took over {PROBE_TIMEOUT}s on a 2 KB test string "
                "(catastrophic backtracking)"
            )
    return None


# What the three analyses below find in one pattern: its required literals, its literal sets
# and its context sets.
Analysis = tuple[tuple[str, ...] | None, tuple[frozenset[str], ...], tuple[frozenset[str], ...]]
# The analyses made in this process, by pattern. A start reads those of the previous run from
# the lexicon cache (see :func:`recall`): parsing every pattern again is a good part of it.
_ANALYSED: dict[str, Analysis] = {}
_LIMIT = 2_000  # patterns kept (a long-lived process that loads many lexicons)


def analysis(source: str) -> Analysis:
    """The three analyses of ``source`` (one parse serves them all), made once per process."""
    found = _ANALYSED.get(source)
    if found is None:
        found = (
            required_literals(source),
            required_literal_sets(source),
            required_context_sets(source),
        )
        if len(_ANALYSED) >= _LIMIT:
            _ANALYSED.clear()
        _ANALYSED[source] = found
    return found


def analysed() -> dict[str, Analysis]:
    """The analyses made or recalled in this process, by pattern."""
    return dict(_ANALYSED)


def recall(known: dict[str, Analysis]) -> None:
    """Take analyses made by an earlier run (see :func:`analysed`) instead of making them."""
    for source, found in known.items():
        _ANALYSED.setdefault(source, found)


def required_literals(source: str) -> tuple[str, ...] | None:
    """Strings of which every match must contain at least one, or None if unknown.

    The engine skips a pattern scan on text that holds none of them. Only patterns the standard
    library's own parser reads as the regex module does are analysed; anything else is always
    scanned (that parser takes a POSIX class such as ``[[:alpha:]]`` for a set and a literal
    ``]``).
    """
    parsed = _parsed(source)
    if parsed is None:  # syntax only the regex module knows: scan always
        return None
    found = _literals(list(parsed))
    return tuple(sorted(found)) if found else None


def required_literal_sets(source: str) -> tuple[frozenset[str], ...]:
    """Sets of ASCII strings of which every match holds one string from each set, within the
    text the match spans (lookarounds left out).

    A literal run of three or more characters outside optional parts is such a set, and so
    are the choices of an alternation whose every branch has one, and those inside groups and
    repeats of at least one. Empty for patterns the standard library's parser does not read
    the way the ``regex`` module does (POSIX classes and nested sets are left alone).
    """
    parsed = _parsed(source)
    if parsed is None:  # syntax only the regex module knows
        return ()
    sets = (frozenset(s) for s in _literal_sets(list(parsed)))
    return tuple(dict.fromkeys(s for s in sets if all(x.isascii() for x in s)))


def required_context_sets(source: str) -> tuple[frozenset[str], ...]:
    """Sets of ASCII strings of which the text a match is searched in holds one string from
    each: those of the positive lookarounds (``(?<=...)``, ``(?=...)``) that every match
    passes, whose text lies before or after the match rather than in it. Read as
    :func:`required_literal_sets` reads a match's own text."""
    parsed = _parsed(source)
    if parsed is None:
        return ()
    sets = (frozenset(s) for s in _context_sets(list(parsed)))
    return tuple(dict.fromkeys(s for s in sets if all(x.isascii() for x in s)))


def _context_sets(items: list[Any]) -> list[set[str]]:
    """The literal sets of the positive lookarounds among ``items`` that every match passes:
    at the top level, in groups and in repeats of at least one (as :func:`_literal_sets`)."""
    constants = importlib_constants()
    sets: list[set[str]] = []
    for op, av in items:
        if op is constants.ASSERT:
            inner = list(av[1])
            sets.extend(_literal_sets(inner))
            sets.extend(_context_sets(inner))
        elif op is constants.SUBPATTERN:
            sets.extend(_context_sets(list(av[-1])))
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
            sets.extend(_context_sets(list(av[2])))
        elif op is constants.BRANCH:
            # every match passes one branch: the text holds a string of the union of one set
            # from each branch, when every branch has one
            chosen: list[set[str]] = []
            for branch in av[1]:
                own = [s for s in _context_sets(list(branch)) if all(x.isascii() for x in s)]
                if not own:
                    break
                chosen.append(max(own, key=lambda s: min(map(len, s))))
            else:
                sets.append(set().union(*chosen))
    return sets


@lru_cache(maxsize=64)
def _parsed(source: str) -> Any:
    """The standard library parser's reading of ``source`` (the analyses above only read it,
    so one parse serves them all), or None where it may differ from the regex module's: POSIX
    classes, nested sets and syntax only the regex module knows."""
    if "[:" in source or "[[" in source:
        return None
    try:
        return _sre_parser().parse(source)
    except Exception:
        return None


def _literal_sets(items: list[Any]) -> list[set[str]]:
    constants = importlib_constants()
    sets: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= 3:
            sets.append({"".join(run).lower()})
        elif (extended := _extended(run, op, av)) is not None:
            sets.append(extended)
        run = []
        if op is constants.SUBPATTERN:
            sets.extend(_literal_sets(list(av[-1])))
        elif op is constants.BRANCH:
            branches = [_literals(list(b), extend=True) for b in av[1]]
            if all(branches):
                sets.append(set().union(*(b for b in branches if b)))
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
            sets.extend(_literal_sets(list(av[2])))
    if len(run) >= 3:
        sets.append({"".join(run).lower()})
    return sets


def _sre_parser() -> Any:
    import importlib

    return importlib.import_module("re._parser")


def _literals(items: list[Any], *, extend: bool = False) -> set[str] | None:
    """Strings of which every match of ``items`` holds one, or None. ``extend``: a run of two
    literal characters may be extended by each character that can follow it (see
    :func:`_extended`); the scan's anchors leave that out, as such strings are common."""
    constants = importlib_constants()
    run: list[str] = []
    best = ""
    options: list[set[str]] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av))
            continue
        if len(run) > len(best):
            best = "".join(run)
        if extend and (extended := _extended(run, op, av)) is not None:
            options.append(extended)
        run = []
        if op is constants.SUBPATTERN:
            inner = _literals(list(av[-1]), extend=extend)
            if inner:
                options.append(inner)
        elif op is constants.BRANCH:
            branches = [_literals(list(b), extend=extend) for b in av[1]]
            if all(branches):
                options.append(set().union(*(b for b in branches if b)))
    if len(run) > len(best):
        best = "".join(run)
    # the most selective option: the one whose shortest literal is longest; a literal run of
    # the pattern's own is one too, and wins a tie (" as " against "escort", "hooker")
    chosen = max(options, key=lambda o: min(map(len, o))) if options else None
    if len(best) >= 3 and (chosen is None or len(best) >= min(map(len, chosen))):
        return {best.lower()}
    return chosen


FEW = 10  # a run is extended by the character that follows only when it is one of this many


def _extended(run: list[str], op: Any, av: Any) -> set[str] | None:
    """The strings a run of two literal characters makes with each character the item
    ``(op, av)`` after it must start with, when those are few: ``, (?:1[0-7]|[1-9])`` gives
    ", 1" to ", 9". None otherwise."""
    if len(run) != 2:
        return None
    first = _first_chars([(op, av)])
    if first is None:
        return None
    return {("".join(run) + ch).lower() for ch in first}


def _first_chars(items: list[Any]) -> set[str] | None:
    """The characters every match of ``items`` must start with, when they are at most
    :data:`FEW`; None when unknown, when there are more, or when a match may start otherwise
    (an optional or zero-width first item, an empty branch)."""
    constants = importlib_constants()
    if not items:
        return None
    op, av = items[0]
    chars: set[str] = set()
    if op is constants.LITERAL:
        chars.add(chr(av))
    elif op is constants.IN:
        for kind, value in av:
            if kind is constants.LITERAL:
                chars.add(chr(value))
            elif kind is constants.RANGE and value[1] - value[0] < FEW:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:  # a negated set, a category (\d, \w) or a wide range
                return None
    elif op is constants.SUBPATTERN:
        return _first_chars(list(av[-1]))
    elif op is constants.BRANCH:
        for branch in av[1]:
            found = _first_chars(list(branch))
            if found is None:
                return None
            chars |= found
    elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
        return _first_chars(list(av[2]))
    else:
        return None
    return chars if len(chars) <= FEW else None


def importlib_constants() -> Any:
    import importlib

    return importlib.import_module("re._constants")


@cache
def exception_regex(source: str) -> re.Pattern[str]:
    """A rule's exceptions as one expression, compiled once per process."""
    return re.compile(source)


@cache
def compiled(source: str) -> regex.Pattern[str]:
    """A pattern rule's expression, compiled once per process."""
    import regex  # imported here: a cached lexicon often needs no expression at all

    return regex.compile(source)
