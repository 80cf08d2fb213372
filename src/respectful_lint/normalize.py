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
    (b + 32 if 65 <= b <= 90 else 32 if b in (9, 10, 11, 12, 13) else b) for b in range(256)
)

PARAGRAPH = "\u2029"  # stands for a paragraph break in the view
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u2032\uff07"
_DELETE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Characters that need more than the byte table: a hyphen + line break between word characters,
# whitespace runs (or any non-ASCII whitespace), and any other non-ASCII character.
_SPECIAL = re.compile(
    r"(?<=\w)[-" + _DASHES + r"\u00ad][ \t]*(?:\r\n|\r|\n)[ \t]*(?=\w)"
    r"|\s{2,}|[^\S\t\n\r\x0b\x0c ]"
    r"|[^\x00-\x7f]"
)


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


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the normalized view of ``text`` and a map from view offsets to ``text`` offsets."""
    base = (
        text.encode("utf-8", "surrogatepass")
        .translate(_ASCII_TABLE)
        .decode("utf-8", "surrogatepass")
    )
    derived: list[int] = [0]
    source: list[int] = [0]
    exact: list[bool] = [True]
    pieces: list[str] = []
    out = 0  # length of the view so far
    last = 0  # source offset up to which ``base`` has been copied

    def chunk(src: int, is_exact: bool) -> None:
        if derived and derived[-1] == out:
            # The previous chunk is empty (a deletion, or the initial chunk): replace it.
            derived.pop()
            source.pop()
            exact.pop()
        if derived and is_exact and exact[-1] and src - source[-1] == out - derived[-1]:
            return  # continues the previous character-for-character chunk
        derived.append(out)
        source.append(src)
        exact.append(is_exact)

    for m in _SPECIAL.finditer(text):
        start, end = m.start(), m.end()
        if start > last:
            chunk(last, True)
            pieces.append(base[last:start])
            out += start - last
        raw = m.group()
        if len(raw) == 1 and not raw.isspace():
            rep = _fold(raw)
        elif raw.isspace():
            # A whitespace run collapses to one space; a blank line (a paragraph break) becomes
            # a paragraph separator, which no phrase can match across.
            rep = PARAGRAPH if raw.count("\n") >= 2 or raw.count("\r") >= 2 else " "
        else:
            rep = ""  # hyphen + line break between word characters: rejoin the word
        if len(rep) == end - start:
            chunk(start, True)
        else:
            chunk(start, False)
        pieces.append(rep)
        out += len(rep)
        last = end
    if last < len(text):
        chunk(last, True)
        pieces.append(base[last:])
        out += len(text) - last
    if not pieces:
        return base, OffsetMap.identity(len(text))
    view = "".join(pieces)
    return view, OffsetMap(derived, source, exact, out, len(text))


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a guard phrase as the word-window tokenizer sees them (``*`` kept)."""
    return tuple(normalize(phrase.replace("-", " "))[0].split())
