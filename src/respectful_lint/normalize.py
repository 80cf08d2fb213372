r"""The normalized view that matching runs on, with an offset map back to the original.

The view case-folds, applies NFKC, makes curly apostrophes straight, turns dashes into
hyphens, drops soft hyphens and zero-width characters, rejoins a word broken by a hyphen and
a line break, and collapses every run of whitespace (newlines included) into one space, or,
when the run holds a blank line, into :data:`PARAGRAPH`.

The paragraph mark is an ASCII control character, so the view of ASCII text is ASCII too:
Python keeps it one byte per character, and the Hyperscan scanner counts its hits' code points
without decoding. Like the Unicode paragraph separator, it is whitespace to ``str.isspace``,
``str.split`` and the ``re`` module's ``\s``, and never a word character; unlike it, the
``regex`` module that runs pattern rules does not read it as ``\s``, so no pattern matches
across a paragraph break. A record separator in the source is whitespace like any other.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

from .lazyre import lazy_compile
from .model import OffsetMap

# ASCII-only byte table: upper case to lower case, ASCII whitespace to a space. Applied to the
# UTF-8 bytes of the text it leaves multi-byte sequences alone (their bytes are all >= 0x80),
# so the code-point length of the text never changes.
_ASCII_TABLE = bytes(
    (b + 32 if 65 <= b <= 90 else 32 if b in (9, 10, 11, 12, 13, 28, 29, 30, 31) else b)
    for b in range(256)
)

PARAGRAPH = "\x1e"  # stands for a paragraph break in the view (ASCII record separator)
# stands for inline content a reader skips (a code span, an inline image), in a segment's text
# and so in its view; never part of a match
PLACEHOLDER = "\ufffc"
# the same table for a text whose paragraph breaks are marked already: it keeps the marks
_MARKED_TABLE = _ASCII_TABLE[:30] + b"\x1e" + _ASCII_TABLE[31:]
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u2032\uff07"
_DELETE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Characters that need more than the byte table are found in three quick passes over the
# byte-translated text (where ASCII whitespace is already a space): whitespace runs, a hyphen or
# dash followed by spaces (a candidate for a hyphen + line break to rejoin), and any other
# non-ASCII character. Separate passes let the regex engine skip ordinary text at C speed.
# When a text has no non-ASCII whitespace (or no non-ASCII dash), the first (or second) pass
# looks for the ASCII case only, a literal string that the engine finds much faster.
_WHITESPACE_RUN = lazy_compile(r"\s\s+")
# a run that a deleted character would otherwise split: "a \u00ad b" has one blank in its view
_BLANK_OR_DELETED_RUN = lazy_compile(r"\s[\s\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
_SPACE_RUN = lazy_compile(r"   *")  # two spaces and more: a two-character literal to look for
_HYPHEN_BREAK = lazy_compile(r"[-" + _DASHES + r"\u00ad] +")
_ASCII_HYPHEN_BREAK = lazy_compile(r"- +")
_WIDE_HYPHENS = frozenset(_DASHES + "\u00ad")
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]")
_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")


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
    if raw.isspace() or (raw[0].isspace() and all(c.isspace() or c in _DELETE for c in raw)):
        # A whitespace run (with any deleted characters in it) collapses to one space; a blank
        # line (a paragraph break) becomes a paragraph separator, which no phrase can match
        # across.
        return PARAGRAPH if raw.count("\n") >= 2 or raw.count("\r") >= 2 else " "
    if len(raw) == 1:
        return _fold(raw)
    return ""  # hyphen + line break between word characters: rejoin the word


_CACHE: dict[str, str] = {}

# The view of an ASCII text, built by regular-expression substitutions that never call back
# into Python. Every character the byte table maps to a space is whitespace here; a maximal run
# of them that holds two line feeds or two carriage returns becomes a paragraph separator, any
# other run of two or more becomes one space, and a hyphen, blanks, one line break and blanks
# between word characters is dropped (the word is rejoined). The offset map is built by the
# general path, and only when asked for. The results are those of the general path (a
# property test compares them).
_ASCII_WS = "\t\n\x0b\x0c\r\x1c-\x1f "
_BLANK = "\t\x0b\x0c\x1c-\x1f "  # whitespace other than a line break
# (the expressions below start with a literal character, which the engine finds at C speed)
_ASCII_JOIN = lazy_compile(r"-(?<=[A-Za-z0-9_]-)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[A-Za-z0-9_])")
# From the first line break of a run to its end, when the run holds two line feeds or two
# carriage returns. Each alternative starts at a line break and looks no further than its
# run, and a run that does not qualify holds at most two line breaks: linear time. The blanks
# before the first line break are removed afterwards, by reading the text backwards.
_ASCII_PARAGRAPH = lazy_compile(
    rf"(?:\n[{_BLANK}\r]*+\n|\n[{_BLANK}]*+\r[{_BLANK}]*+\r"
    rf"|\r[{_BLANK}\n]*+\r|\r[{_BLANK}]*+\n[{_BLANK}]*+\n)[{_ASCII_WS}]*+"
)
# the same for a text without carriage returns
_LF_PARAGRAPH = lazy_compile(rf"\n[{_BLANK}]*+\n[{_ASCII_WS}]*+")
# backwards: the blanks before a paragraph mark (the text holds no other record separator);
# read forwards first to see whether any mark has a blank before it (the expression starts
# with the mark, a literal character the engine finds at C speed)
_BLANKS_AFTER_PARAGRAPH = lazy_compile(rf"{PARAGRAPH}[{_BLANK}]+")
_BLANK_BEFORE_PARAGRAPH = lazy_compile(rf"{PARAGRAPH}(?<=[{_BLANK}]{PARAGRAPH})")


def _ascii_view(text: str) -> str | None:
    """The view of an ASCII text, or None when it is the byte-translated text itself."""
    if PARAGRAPH in text:  # whitespace in the source, not a mark: read it as the unit
        text = text.replace(PARAGRAPH, "\x1f")  # separator, which every step here treats alike
    base = text.encode().translate(_ASCII_TABLE).decode()
    if "-" in base:
        joined = _ASCII_JOIN.sub("", text)
        if len(joined) != len(text):
            text = joined
            base = text.encode().translate(_ASCII_TABLE).decode()
        elif "  " not in base:
            return None
    elif "  " not in base:
        return None
    if "\r" in text:
        marked = _ASCII_PARAGRAPH.sub(PARAGRAPH, text)
    elif "\n" in text:
        marked = _LF_PARAGRAPH.sub(PARAGRAPH, text)
    else:
        marked = text
    if len(marked) != len(text):
        if _BLANK_BEFORE_PARAGRAPH.search(marked):
            marked = _BLANKS_AFTER_PARAGRAPH.sub(PARAGRAPH, marked[::-1])[::-1]
        base = marked.encode().translate(_MARKED_TABLE).decode()
    return _SPACE_RUN.sub(" ", base) if "  " in base else base


# A text takes the quick path (a view built by translation and a few regular expressions, the
# offset map only when asked for) when it is short, or piece by piece when it is long: a long
# text is cut into pieces of about PIECE characters, each cut between two printable ASCII
# characters other than a hyphen. No whitespace run, hyphen + line break or non-ASCII character
# spans such a cut, so the view of the text is the views of its pieces end to end, and a
# candidate match needs the offset map of its own piece only.
QUICK_LIMIT = 2000
PIECE = 4096
_SAFE_PAIR = lazy_compile(r"[!-,.-~]{2}")


class _LazyMap(OffsetMap):
    """The offset map of a text's view, built on first use: most texts have no candidate
    match, and then nothing asks where a view offset came from."""

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


class _PieceMap(OffsetMap):
    """The offset map of a long text's view, made of the maps of its pieces."""

    __slots__ = ("_maps", "_sources", "_views")

    def __init__(self, views: list[int], sources: list[int], maps: list[OffsetMap]) -> None:
        self._views = views  # where each piece's view starts in the whole view
        self._sources = sources  # where each piece starts in the text
        self._maps = maps

    def start(self, offset: int) -> int:
        i = max(bisect_right(self._views, offset) - 1, 0)
        return self._sources[i] + self._maps[i].start(offset - self._views[i])

    def end(self, offset: int) -> int:
        if offset <= 0:
            return self._sources[0] + self._maps[0].end(offset)
        i = bisect_right(self._views, offset - 1) - 1
        return self._sources[i] + self._maps[i].end(offset - self._views[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), max(self.end(end), self.start(start))


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the normalized view of ``text`` and a map from view offsets to ``text`` offsets."""
    if len(text) <= QUICK_LIMIT:
        return _quick(text)
    views: list[int] = []
    sources: list[int] = []
    maps: list[OffsetMap] = []
    parts: list[str] = []
    out = 0
    start = 0
    size = len(text)
    search = _SAFE_PAIR.search
    while start < size:
        cut = search(text, start + PIECE - 1) if size - start > PIECE + QUICK_LIMIT else None
        end = cut.start() + 1 if cut is not None else size
        view, offsets = _quick(text[start:end])
        views.append(out)
        sources.append(start)
        maps.append(offsets)
        parts.append(view)
        out += len(view)
        start = end
    if len(parts) == 1:
        return parts[0], maps[0]
    return "".join(parts), _PieceMap(views, sources, maps)


def with_view(text: str, view: str) -> tuple[str, OffsetMap]:
    """What :func:`normalize` returns for ``text`` when ``view`` is already known to be its
    normalized view (taken from the view of a longer text, see :mod:`respectful_lint.engine`):
    the offset map is built only when used, unless the view is the text character for
    character."""
    if (
        text.isascii()
        and len(view) == len(text)
        and view == text.encode().translate(_ASCII_TABLE).decode()
    ):
        return view, OffsetMap.identity(len(text))
    return view, _LazyMap(text)


def _quick(text: str) -> tuple[str, OffsetMap]:
    """The view of one short text and its offset map, built only when used where possible."""
    if text.isascii():
        view = _ascii_view(text)
        if view is None:  # single blanks only: the byte table is the whole view
            return text.encode().translate(_ASCII_TABLE).decode(), OffsetMap.identity(len(text))
        return view, _LazyMap(text)
    folded = _translated(text)
    if folded is None:
        return _normalize(text)
    view = _ascii_view(folded)
    if view is None:
        view = folded.encode().translate(_ASCII_TABLE).decode()
    return view, _LazyMap(text)


def _translated(text: str) -> str | None:
    """``text`` with each non-ASCII character replaced by its view, where that is all its view
    needs; None when a character is deleted or is a surrogate, when one becomes a space among
    other characters, or when a hyphen or dash, blanks and a line break stand between word
    characters (the general path handles those)."""
    if _JOIN_CANDIDATE.search(text):
        return None
    changed: dict[str, str] = {}
    for ch in set(_NON_ASCII.findall(text)):
        if "\ud800" <= ch <= "\udfff":
            return None
        folded = _fold(ch)
        if ch.isspace():
            if folded != " ":
                return None
        elif not folded or " " in folded:
            return None
        if folded != ch:
            changed[ch] = folded
    if len(changed) > 8:  # one pass over the text for all of them
        text = text.translate({ord(ch): folded for ch, folded in changed.items()})
    else:
        for ch, folded in changed.items():  # a few characters: a fast pass for each
            text = text.replace(ch, folded)
    if "-" in text and _ASCII_JOIN.search(text):  # a dash became a hyphen before a line break
        return None
    return text


# A hyphen or dash, blanks with a line break among them, between word characters: where the
# general path may rejoin a word (a superset of its cases). The expression starts at the
# hyphen, a character of a small set the engine skips to, and looks back for the word
# character: starting at a word character tried every letter of the text. The blanks are
# read once, those before the first line break and then all the rest, so a long run of line
# breaks not followed by a word costs its length, not its square.
_JOIN_CANDIDATE = lazy_compile(
    r"[-" + _DASHES + r"\u00ad](?<=\w[-" + _DASHES + r"\u00ad])[ \t]*+[\r\n][ \t\r\n]*+\w"
)


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
        if not _DELETE.isdisjoint(chars):
            runs = _BLANK_OR_DELETED_RUN
        elif any(c.isspace() for c in chars):
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
