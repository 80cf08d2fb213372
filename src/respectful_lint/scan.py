"""The candidate scan: one pass over a normalized view finds every term form and literal.

Three interchangeable backends give identical results:

- Hyperscan (the ``hyperscan`` package, installed by the ``fast`` extra) matches every term
  form and pattern literal in native code (:mod:`respectful_lint.scan_hyperscan`);
- an Aho-Corasick automaton (the ``pyahocorasick`` package) finds every occurrence of every
  term form and pattern literal in one pass at C speed;
- a trie-shaped regular expression for the term forms, plus a substring search for each
  pattern literal, is the pure-Python fallback used when that package is missing.

Either way the result is the longest word-bounded form at each start offset, and the start
offsets of each pattern rule's required literals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .normalize import is_word
from .scan_base import Hits as Hits  # re-exported: the engine and kinds read hits from scan
from .scan_base import Scanner as Scanner
from .scan_base import ScannerUnavailable as ScannerUnavailable
from .scan_base import databases_in as databases_in  # re-exported for the runner

_FORM = 1  # value flags in the automaton
_LITERAL = 2


class RegexScanner(Scanner):
    """A trie-shaped regular expression over all term forms; ``str.find`` for literals."""

    backend = "regex"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        super().__init__(forms, literals)
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str] | None:
        if self._regex is None and self.forms:
            self._regex = re.compile(r"(?<!\w)(?:" + trie_regex(self.forms) + r")(?!\w)")
        return self._regex

    def scan(self, norm: str) -> Hits:
        terms: list[tuple[int, int]] = []
        regex = self.regex
        if regex is not None:
            search = regex.search
            pos = 0
            while (m := search(norm, pos)) is not None:
                terms.append(m.span())
                pos = m.start() + 1
        literals: dict[str, list[int]] = {}
        find = norm.find
        for lit in self.literals:
            at = find(lit)
            while at != -1:
                literals.setdefault(lit, []).append(at)
                at = find(lit, at + 1)
        return Hits(terms, literals)

    def __getstate__(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.forms, self.literals

    def __setstate__(self, state: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        self.forms, self.literals = state
        self._regex = None


class AutomatonScanner(Scanner):
    """An Aho-Corasick automaton over every term form and pattern literal."""

    backend = "aho-corasick"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        super().__init__(forms, literals)
        import ahocorasick

        flags: dict[str, int] = {}
        for form in self.forms:
            flags[form] = _FORM
        for lit in self.literals:
            flags[lit] = flags.get(lit, 0) | _LITERAL
        automaton: Any = ahocorasick.Automaton()
        for key, flag in flags.items():
            automaton.add_word(key, (len(key), flag))
        if flags:
            automaton.make_automaton()
        self.automaton = automaton if flags else None

    def scan(self, norm: str) -> Hits:
        longest: dict[int, int] = {}
        literals: dict[str, list[int]] = {}
        if self.automaton is None:
            return Hits([], literals)
        size = len(norm)
        for last, (length, flag) in self.automaton.iter(norm):
            end = last + 1
            start = end - length
            if flag & _FORM and (
                (start == 0 or not is_word(norm[start - 1]))
                and (end == size or not is_word(norm[end]))
                and longest.get(start, 0) < end
            ):
                longest[start] = end
            if flag & _LITERAL:
                literals.setdefault(norm[start:end], []).append(start)
        return Hits(sorted(longest.items()), literals)


BACKENDS = ("hyperscan", "aho-corasick", "regex")  # fastest first


def make_scanner(forms: Iterable[str], literals: Iterable[str], backend: str = "auto") -> Scanner:
    """The fastest available scanner (``auto``), or the named backend.

    ``auto`` passes over Hyperscan when it is not installed or cannot compile on this machine.
    """
    if backend in ("auto", "hyperscan"):
        try:
            from .scan_hyperscan import HyperscanScanner
        except ImportError:
            if backend != "auto":
                raise
        else:
            try:
                return HyperscanScanner(forms, literals)
            except ScannerUnavailable:
                if backend != "auto":
                    raise
    if backend in ("auto", AutomatonScanner.backend):
        try:
            return AutomatonScanner(forms, literals)
        except ImportError:
            if backend != "auto":
                raise
    return RegexScanner(forms, literals)


def available_backend() -> str:
    """The backend ``make_scanner`` picks by default here: what ``--version`` reports.

    It imports what ``make_scanner`` imports, in the same order, and checks that Hyperscan
    compiles here, so the two always agree.
    """
    try:
        from .scan_hyperscan import usable
    except ImportError:
        pass
    else:
        if usable():
            return "hyperscan"
    try:
        import ahocorasick  # noqa: F401
    except ImportError:
        return RegexScanner.backend
    return AutomatonScanner.backend


def trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, shaped as a trie (longest first).

    Each node is ``escaped key + child`` for one key, ``(?:a|b)`` for several keys (sorted),
    and wrapped in ``(?:...)?`` when a word ends there. A run of nodes with one key and no word
    ending is written in one step, as that is most of a trie and the regex sits on the start-up
    path of every run that meets a conflation anchor.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    escaped: dict[str, str] = {}

    def esc(ch: str) -> str:
        out = escaped.get(ch)
        if out is None:
            out = escaped[ch] = re.escape(ch)
        return out

    def build(node: dict) -> str:  # type: ignore[type-arg]
        chain = []
        while len(node) == 1:  # one key, no word ending here (a lone "" ends the branch)
            ((key, child),) = node.items()
            if not key:
                break
            chain.append(esc(key))
            node = child
        if len(node) == 1:  # only "": a leaf
            return "".join(chain)
        end = "" in node
        keys = sorted(k for k in node if k)
        alts = [esc(k) + build(node[k]) for k in keys]
        if not alts:
            return "".join(chain)
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        chain.append(body)
        return "".join(chain)

    return build(root)
