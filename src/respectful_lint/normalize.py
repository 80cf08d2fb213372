"""The normalized view that matching runs on, with an offset map back to the original.

The view case-folds, applies NFKC, makes curly apostrophes straight, turns dashes into
hyphens, drops soft hyphens and zero-width characters, rejoins a word broken by a hyphen and
a line break, and collapses every run of whitespace (newlines included) into one space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .model import OffsetMap

# ASCII-only byte table: upper case to lower case, ASCII whitespace to a space. Applied to the
# UTF-8 bytes of the text it leaves multi-byte sequences alone (their bytes are all >= 0x80),
# so the code-point length of the text never changes.
_ASCII_TABLE = bytes(
    (b + 32 if 65 <= b <= 90 else 32 if b in (9, 10, 11, 12, 13, 28, 29, 30, 31) else b)
    for b in range(256)
)

PARAGRAPH = "\u2029"  # stands for a paragraph break in the view
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u2032\uff07"
_DELETE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Characters that need more than the byte table are found in three quick passes over the
# byte-translated text (where ASCII whitespace is already a space): whitespace runs, a hyphen or
# dash followed by spaces (a candidate for a hyphen + line break to rejoin), and any other
# non-ASCII character. Separate passes let the regex engine skip ordinary text at C speed.
# When a text has no non-ASCII whitespace (or no non-ASCII dash), the first (or second) pass
# looks for the ASCII case only, a literal string that the engine finds much faster.
_WHITESPACE_RUN = re.compile(r"\s\s+")
_SPACE_RUN = re.compile(r"  +")
_HYPHEN_BREAK = re.compile(r"[-" + _DASHES + r"\u00ad] +")
_ASCII_HYPHEN_BREAK = re.compile(r"- +")
_WIDE_HYPHENS = frozenset(_DASHES + "\u00ad")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _map_char(c: str) -> str:
    if c in _DELETE:
        return ""
    if c in _APOSTROPHES:
        return "'"
    if c in _DASHES:
        return "-"
    if c.isspace():
        return " "
    return c


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """The view of one non-ASCII character (possibly empty or several characters)."""
    if ch in _DELETE or ch in _APOSTROPHES or ch in _DASHES or ch.isspace():
        return _map_char(ch)
    folded = "".join(_map_char(c) for c in unicodedata.normalize("NFKC", ch).casefold())
    # Compatibility forms such as a spacing cedilla decompose to a space plus a mark; keep
    # the mark only, so that no new whitespace appears inside the view.
    return folded.strip(" ")


def _replacement(raw: str) -> str:
    if raw.isspace():
        # A whitespace run collapses to one space; a blank line (a paragraph break) becomes a
        # paragraph separator, which no phrase can match across.
        return PARAGRAPH if raw.count("\n") >= 2 or raw.count("\r") >= 2 else " "
    if len(raw) == 1:
        return _fold(raw)
    return ""  # hyphen + line break between word characters: rejoin the word


_CACHE: dict[str, str] = {}

# The view of an ASCII text, built without walking every special span in Python. Every
# character the byte table maps to a space is whitespace here; a maximal run of two or more of
# them becomes one space, or a paragraph separator when it holds two line feeds or two carriage
# returns; a hyphen, blanks, one line break and blanks between word characters is dropped (the
# word is rejoined). The offset map is built by the general path, and only when asked for.
# The results are those of the general path (a property test compares them).
_ASCII_WS = "\t\n\x0b\x0c\r\x1c-\x1f "
_ASCII_JOIN = re.compile(r"-[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[A-Za-z0-9_])")
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_ASCII_PARAGRAPH = re.compile(rf"\n[{_ASCII_WS}]*\n|\r[{_ASCII_WS}]*\r")
_ASCII_RUN_AT = re.compile(rf"[{_ASCII_WS}]*")
_ASCII_WS_SET = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")


def _ascii_view(text: str) -> str | None:
    """The view of an ASCII text, or None when it is the byte-translated text itself."""
    base = text.encode().translate(_ASCII_TABLE).decode()
    if "  " not in base and "-" not in base:
        return None
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    if "-" in base:
        for m in _ASCII_JOIN.finditer(text):
            start = m.start()
            if start and text[start - 1] in _ASCII_WORD:
                cuts.append((start, m.end(), ""))
    if "\n" in text or "\r" in text:
        end = 0
        for m in _ASCII_PARAGRAPH.finditer(text):
            if m.start() < end:
                continue
            start = m.start()
            while start and text[start - 1] in _ASCII_WS_SET:
                start -= 1
            end = _ASCII_RUN_AT.match(text, m.end()).end()  # type: ignore[union-attr]
            cuts.append((start, end, PARAGRAPH))
    if not cuts:
        if "  " not in base:
            return None
        view = base
    else:
        cuts.sort()
        pieces: list[str] = []
        last = 0
        for start, end, rep in cuts:
            pieces.append(base[last:start])
            pieces.append(rep)
            last = end
        pieces.append(base[last:])
        view = "".join(pieces)
    return _SPACE_RUN.sub(" ", view) if "  " in view else view


# Longer texts nearly always hold a candidate (in the documentation tree 84% of segments over
# 2,000 characters do, 4% of those under 200), and then the map is built after all: they take
# the general path at once.
QUICK_LIMIT = 2000


class _LazyMap(OffsetMap):
    """The offset map of an ASCII text's view, built on first use: most texts have no
    candidate match, and then nothing asks where a view offset came from."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:  # the parent's fields are set by _build
        self._text: str | None = text

    def _build(self) -> None:
        text = self._text
        if text is not None:
            full = _normalize(text)[1]
            self._derived = full._derived
            self._source = full._source
            self._exact = full._exact
            self._total_derived = full._total_derived
            self._total_source = full._total_source
            self._text = None

    def start(self, offset: int) -> int:
        self._build()
        return super().start(offset)

    def end(self, offset: int) -> int:
        self._build()
        return super().end(offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        self._build()
        return super().span(start, end)


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the normalized view of ``text`` and a map from view offsets to ``text`` offsets."""
    if len(text) < QUICK_LIMIT and text.isascii():
        view = _ascii_view(text)
        if view is None:  # single blanks only: the byte table is the whole view
            return text.encode().translate(_ASCII_TABLE).decode(), OffsetMap.identity(len(text))
        return view, _LazyMap(text)
    return _normalize(text)


def _normalize(text: str) -> tuple[str, OffsetMap]:
    base = (
        text.encode("utf-8", "surrogatepass")
        .translate(_ASCII_TABLE)
        .decode("utf-8", "surrogatepass")
    )
    spans = _special_spans(text, base)
    if not spans:
        return base, OffsetMap.identity(len(text))
    derived: list[int] = []
    source: list[int] = []
    exact: list[bool] = []
    pieces: list[str] = []
    cache = _CACHE
    if len(cache) > 20000:
        cache.clear()
    out = 0  # length of the view so far
    last = 0  # source offset up to which ``base`` has been copied
    shift = None  # source - view offset of the current exact chunk, if the last one is exact
    for start, end in spans:
        if start > last:
            pieces.append(base[last:start])
            # a character-for-character stretch; it may continue the previous one
            if shift != last - out:
                derived.append(out)
                source.append(last)
                exact.append(True)
                shift = last - out
            out += start - last
        raw = text[start:end]
        rep = cache.get(raw)
        if rep is None:
            rep = cache[raw] = _replacement(raw)
        if len(rep) == end - start:
            if shift != start - out:
                derived.append(out)
                source.append(start)
                exact.append(True)
                shift = start - out
        else:
            # a group (or, when empty, a deletion: the next chunk at the same offset wins)
            derived.append(out)
            source.append(start)
            exact.append(False)
            shift = None
        pieces.append(rep)
        out += len(rep)
        last = end
    if last < len(text):
        pieces.append(base[last:])
        if shift != last - out:
            derived.append(out)
            source.append(last)
            exact.append(True)
        out += len(text) - last
    if derived[0] != 0:
        derived.insert(0, 0)
        source.insert(0, 0)
        exact.insert(0, True)
    return "".join(pieces), OffsetMap(derived, source, exact, out, len(text))


def _special_spans(text: str, base: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of ``text`` that the byte table alone cannot normalize."""
    wide: list[tuple[int, int]] = []  # non-ASCII characters
    runs, hyphens = _SPACE_RUN, _ASCII_HYPHEN_BREAK
    if not text.isascii():
        wide = [m.span() for m in _NON_ASCII.finditer(text)]
        chars = {text[start] for start, _ in wide}
        if any(c.isspace() for c in chars):
            runs = _WHITESPACE_RUN
        if not _WIDE_HYPHENS.isdisjoint(chars):
            hyphens = _HYPHEN_BREAK
    spans = [m.span() for m in runs.finditer(base)]
    extra: list[tuple[int, int]] = []
    for m in hyphens.finditer(base):
        start, end = m.span()
        # a hyphen, spaces or tabs, one line break, spaces or tabs, between word characters
        if (
            start
            and end < len(text)
            and is_word(text[start - 1])
            and is_word(text[end])
            and len(_LINE_BREAK.findall(text, start, end)) == 1
            and not text[start + 1 : end].strip(" \t\r\n")
        ):
            extra.append((start, end))
    extra.extend(wide)
    if not extra:
        return spans  # whitespace runs never overlap one another
    # At one start the longer span wins (a dash and the line break after it; a whitespace
    # run that begins with a non-ASCII space); a span inside an earlier one is dropped.
    spans.extend(extra)
    spans.sort()
    out: list[tuple[int, int]] = []
    last = 0
    for span in spans:
        if out and span[0] == out[-1][0]:
            out[-1] = span
        elif span[0] >= last:
            out.append(span)
        else:
            continue
        last = span[1]
    return out


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a guard phrase as the word-window tokenizer sees them (``*`` kept)."""
    return tuple(normalize(phrase.replace("-", " "))[0].split())
