"""The candidate scan: one pass over a normalized view finds every term form and literal.

Three interchangeable backends give identical results:

- Hyperscan (the ``hyperscan`` package, installed by the ``fast`` extra) matches every term
  form and pattern literal in native code (:mod:`respectful_lint.scan_hyperscan`);
- an Aho-Corasick automaton (the ``pyahocorasick`` package) finds every occurrence of every
  term form and pattern literal in one pass at C speed;
- a trie-shaped regular expression for the term forms, plus a substring search for each
  pattern literal, is the pure-Python fallback used when that package is missing.

Either way the result is the longest word-bounded form at each start offset, and the start
offsets of each pattern rule's required literals. Where Hyperscan is installed, the default
scanner starts with the automaton and loads Hyperscan once a run has scanned enough text to
repay loading it (see :class:`DeferredScanner`).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable
from importlib.util import find_spec
from typing import Any

from .normalize import is_word
from .scan_base import Hits as Hits  # re-exported: the engine and kinds read hits from scan
from .scan_base import Scanner as Scanner
from .scan_base import ScannerUnavailable as ScannerUnavailable
from .scan_base import database_store
from .scan_base import databases_in as databases_in  # re-exported for the runner

_FORM = 1  # value flags in the automaton
_LITERAL = 2
_FORM_ITSELF = 4  # the key, written with no hyphen, is a form itself
_LITERAL_ITSELF = 8  # … a literal itself


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
    """An Aho-Corasick automaton over every term form and pattern literal.

    A hyphen in a form is most often one of its spaces written another way ("sex-worker"),
    so each form comes in every mix of the two, which would make most of the automaton's keys.
    The automaton instead holds each key with its hyphens made spaces, scans the view with its
    hyphens made spaces (the same length, so offsets hold), and keeps a match only where the
    text itself is a form or a literal: exactly what an automaton of every form finds, from a
    third as many keys, which is most of a short run's cost of building it."""

    backend = "aho-corasick"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        super().__init__(forms, literals)
        import ahocorasick

        self._form_set = frozenset(self.forms)
        self._literal_set = frozenset(self.literals)
        flags: dict[str, int] = {}
        for form in self.forms:
            key = form.replace("-", " ")
            flags[key] = flags.get(key, 0) | (_FORM | _FORM_ITSELF if key == form else _FORM)
        for lit in self.literals:
            key = lit.replace("-", " ")
            flags[key] = flags.get(key, 0) | (
                _LITERAL | _LITERAL_ITSELF if key == lit else _LITERAL
            )
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
        hyphens = "-" in norm
        view = norm.replace("-", " ") if hyphens else norm
        forms, known = self._form_set, self._literal_set
        for last, (length, flag) in self.automaton.iter(view):
            end = last + 1
            start = end - length
            # with no hyphen in the view the text is the key, which may be no form itself
            if flag & _FORM and (
                (start == 0 or not is_word(norm[start - 1]))
                and (end == size or not is_word(norm[end]))
                and longest.get(start, 0) < end
                and (norm[start:end] in forms if hyphens else flag & _FORM_ITSELF)
            ):
                longest[start] = end
            if flag & _LITERAL:
                text = norm[start:end]
                found = text in known if hyphens else flag & _LITERAL_ITSELF
                if found:
                    literals.setdefault(text, []).append(start)
        return Hits(sorted(longest.items()), literals)


BACKENDS = ("hyperscan", "aho-corasick", "regex")  # fastest first

# Characters a run scans before ``auto`` loads Hyperscan: its library (6.5 MB) and databases
# take longer to load than a short run spends scanning, which the automaton does as well.
SHORT_RUN = 1 << 18


class DeferredScanner(Scanner):
    """The automaton (or the expression) until :data:`SHORT_RUN` characters have been
    scanned, then Hyperscan, which finds exactly the same; the automaton for good if Hyperscan
    then cannot work here. ``backend`` names the one scanning now."""

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        super().__init__(forms, literals)
        self._first = _pure(self.forms, self.literals)
        self._later: Scanner | None = None
        self._left = SHORT_RUN
        self._store = database_store()  # where Hyperscan's databases are kept, for later
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:  # type: ignore[override]
        return (self._later or self._first).backend

    def scan(self, norm: str) -> Hits:
        later = self._later
        if later is not None:
            return later.scan(norm)
        if len(norm) <= self._left:
            self._left -= len(norm)
            return self._first.scan(norm)
        return self._switch().scan(norm)

    def _switch(self) -> Scanner:
        with self._lock:
            if self._later is None:
                later = self._first
                try:
                    from .scan_hyperscan import HyperscanScanner

                    with databases_in(self._store):
                        later = HyperscanScanner(self.forms, self.literals)
                except (ImportError, ScannerUnavailable):
                    pass
                self._later = later
            return self._later

    def __getstate__(self) -> Scanner:
        # another process (spawned, not forked) gets the scanner a long run would use, built
        # here where the stored databases are at hand
        return self._switch()

    def __setstate__(self, state: Scanner) -> None:
        self.forms, self.literals = state.forms, state.literals
        self._first = self._later = state
        self._left = 0
        self._store = None
        self._lock = threading.Lock()


def _installed(name: str) -> bool:
    """Whether module ``name`` can be imported, found without importing it."""
    if name in sys.modules:
        return sys.modules[name] is not None
    try:
        return find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _pure(forms: Iterable[str], literals: Iterable[str]) -> Scanner:
    """The automaton, or the expression where pyahocorasick is missing."""
    try:
        return AutomatonScanner(forms, literals)
    except ImportError:
        return RegexScanner(forms, literals)


def make_scanner(forms: Iterable[str], literals: Iterable[str], backend: str = "auto") -> Scanner:
    """The fastest available scanner (``auto``), or the named backend.

    ``auto`` gives a :class:`DeferredScanner` where Hyperscan is installed (a short run never
    loads it), and passes over Hyperscan when it cannot compile on this machine.
    """
    if backend == "auto" and _installed("hyperscan"):
        return DeferredScanner(forms, literals)
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
