"""Agreement between a preferred wording and the words around the match it replaces.

Shared by suggestions and fixes: "a" or "an" before the wording, the number of the wording
against the verb that follows it, and where a fix may not be applied at all. Pure functions of
text; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from msgspec import Struct

from .lazyre import lazy_compile
from .model import ChunkedText
from .wordsets import word_set as _words

# "a" or "an" and the blanks after it, one line break among them ("an\nunsuccessful")
_ARTICLE = lazy_compile(
    r"(?<![\w'\u2019])(an?)([ \t\u00a0]+|[ \t\u00a0]*(?:\r\n|\r|\n)[ \t\u00a0]*)$",
    re.IGNORECASE,
)
_AN_LETTERS = frozenset("aefhilmnorsx")  # letters whose names start with a vowel sound
_A_BEFORE = ("uni", "use", "usu", "uti", "ure", "eu", "ewe", "one", "once")
_AN_BEFORE = ("hour", "honest", "honor", "honour", "heir")


def wants_an(wording: str) -> bool:
    """Whether "an" rather than "a" goes before ``wording`` (by the sound of its first word)."""
    first = wording.split()[0] if wording.split() else ""
    word = first.lower()
    if not word:
        return False
    shouted = len(wording.split()) > 1 and wording.isupper()  # "A SEX WORKER": words in capitals
    if len(first) > 1 and first.isupper() and not shouted:  # an acronym: "an HIV test"
        return word[0] in _AN_LETTERS
    if word.startswith(_A_BEFORE):
        return False
    return word.startswith(_AN_BEFORE) or word[0] in "aeiou"


def article_before(before: str) -> tuple[int, str] | None:
    """The "a" or "an" that ends ``before`` (followed by blanks, or a line break): its offset
    and spelling."""
    m = _ARTICLE.search(before)
    return (m.start(1), m.group(1)) if m else None


def article_fits(before: str, wording: str) -> bool:
    """Whether "a" or "an" at the end of ``before`` (if there is one) fits before ``wording``."""
    found = article_before(before)
    if found is None or not wording:
        return True
    return (found[1].lower() == "an") == wants_an(wording)


def respell_article(article: str, wording: str) -> str:
    """``article`` ("a", "An", "AN"...) changed to the one ``wording`` needs, in its case."""
    new = "an" if wants_an(wording) else "a"
    if article.isupper() and len(article) > 1:
        return new.upper()
    if article[:1].isupper():
        return new.capitalize()
    return new


# --- number -----------------------------------------------------------------------------------


_PLURAL_HEADS = _words(
    "people persons children women men folks youth survivors families individuals"
)
_SINGULAR_HEADS = _words("person child woman man individual family someone anyone")
_HEAD_ENDS = _words(
    "who whom whose that which with without in of on at for from living experiencing "
    "using selling trading engaged involved affected released returning formerly currently "
    "seeking who's"
)
_VERBS = {
    "is": "singular",
    "was": "singular",
    "has": "singular",
    "does": "singular",
    "are": "plural",
    "were": "plural",
    "have": "plural",
    "do": "plural",
}
_NEXT_WORD = lazy_compile(r"[ \t\u00a0]*([A-Za-z]+)\b")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "sis", "ness", "ics")


def number(phrase: str) -> str | None:
    """ "singular", "plural" or None (unknown) for a noun phrase, from its head noun.

    The head is the last word before a relative pronoun, preposition or participle that starts
    the phrase's modifier ("people *who* use drugs", "person *experiencing* homelessness").
    """
    words = re.findall(r"[A-Za-z'\u2019-]+", phrase)
    head = ""
    for word in words:
        if word.lower() in _HEAD_ENDS and head:
            break
        head = word
    head = head.removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019")
    if not head:
        return None
    shouted = len(phrase.split()) > 1 and phrase.isupper()  # "SEX WORKERS": words in capitals
    if len(head) > 1 and head.isupper() and not shouted:
        return None  # an acronym ("AIDS", "HIV"): its last letter is no plural -s
    if len(head) > 2 and head[:-1].isupper() and head[-1] == "s":
        return "plural"  # an acronym's plural: "STIs", "PLHIVs"
    head = head.lower()
    if head in _PLURAL_HEADS:
        return "plural"
    if head in _SINGULAR_HEADS:
        return "singular"
    if head.endswith("s") and not head.endswith(_NOT_PLURAL_ENDINGS):
        return "plural"
    if head.endswith(("ion", "ness", "ism", "ment", "ity", "work", "use", "ing")):
        return None  # mass nouns and gerunds: read as singular or not counted at all
    return "singular"


def verb_after(after: str) -> str | None:
    """The number a verb right after the match asks for ("is" -> singular), or None."""
    m = _NEXT_WORD.match(after)
    return _VERBS.get(m.group(1).lower()) if m else None


def verb_disagrees(matched: str, plural_match: bool, wording: str, after: str) -> bool:
    """Whether the verb after the match agrees with the match but not with the wording."""
    verb = verb_after(after)
    if verb is None:
        return False
    new = number(wording)
    if new is None:
        return False
    old = "plural" if plural_match else number(matched)
    return old != new and verb != new


# --- where a fix may stand --------------------------------------------------------------------


def proper_name_heading(kind: str, matched: str, before: str, after: str) -> bool:
    """A heading in which the match is part of a capitalized name ("Sex Workers Outreach
    Project"): renaming an organisation or a title is never a fix."""
    if kind != "heading" or not matched[:1].isupper():
        return False
    words_before = re.findall(r"[A-Za-z]+", before)
    # the heading's first word has its capital as any first word: "Free STD testing"
    prev = words_before[-1:] if len(words_before) > 1 else []
    nxt = re.findall(r"[A-Za-z]+", after)[:1]
    return any(w[:1].isupper() for w in (*prev, *nxt))


def _boundary(text: str, at: int) -> bool:
    return at <= 0 or at >= len(text) or not (text[at - 1].isalnum() and text[at].isalnum())


def common_ends(old: str, new: str, cuts: frozenset[int]) -> tuple[int, int]:
    """How many leading and trailing characters ``old`` and ``new`` share, cut where a word or a
    run ends, so the characters that stay keep their runs."""
    k = 0
    limit = min(len(old), len(new))
    while k < limit and old[k] == new[k]:
        k += 1
    while k > 0 and not ((_boundary(old, k) or k in cuts) and _boundary(new, k)):
        k -= 1
    j = 0
    while j < limit - k and old[-1 - j] == new[-1 - j]:
        j += 1
    while j > 0 and not (
        (_boundary(old, len(old) - j) or len(old) - j in cuts) and _boundary(new, len(new) - j)
    ):
        j -= 1
    return k, j


class Plan(Struct, frozen=True):
    """The edits of a fix, in source offsets, and why it is not safe (None when it is)."""

    edits: tuple[tuple[int, int, str], ...]
    unsafe_reason: str | None = None


SPLIT_MARKUP = "markup splits the phrase: check the formatting of the new wording"


def plan(
    source: str | ChunkedText,
    pieces: Sequence[tuple[int, int]],
    wording: str,
    around: tuple[str, str],
    locate: Callable[[int, int], tuple[int, int]],
    *,
    plural_match: bool = False,
) -> Plan | None:
    """The edits that put ``wording`` in place of a match read from source ``pieces``.

    ``pieces`` are the stretches of source the match's characters came from, in order; more
    than one means markup (emphasis, a tag) sits inside the match. The wording then goes in
    the first piece and the others are emptied, which is unsafe. ``around`` is the text as read
    just before and after the match, and ``locate`` maps a span of the text before it (offsets
    into ``around[0]``) to source offsets. An "a" or "an" before the match is changed to the
    one the wording needs; a verb after the match that agrees with it but would not agree with
    the wording makes the fix unsafe. None when the article cannot be changed in the source.
    """
    before, after = around
    edits: list[tuple[int, int, str]] = []
    reason: str | None = None
    found = article_before(before)
    if found is not None and number(wording) == "plural":
        reason = f'"{found[1]}" before it does not fit a plural wording'
    elif found is not None and not article_fits(before, wording):
        at, article = found
        s, e = locate(at, at + len(article))
        if source[s:e] != article:
            return None
        edits.append((s, e, respell_article(article, wording)))
    if len(pieces) > 1:
        split = _split_edits(source, pieces, wording)
        if _empties_markup(source, pieces, split):
            return None
        edits.extend(split)
        reason = reason or SPLIT_MARKUP
    else:
        start, end = pieces[0]
        edits.append((start, end, keep_line_break(str(source[start:end]), wording)))
    matched = source[pieces[0][0] : pieces[-1][1]]
    if verb_disagrees(matched, plural_match, wording, after):
        reason = reason or "the verb after it may need to change to agree with the new wording"
    return Plan(tuple(edits), reason)


_BREAK = lazy_compile(r"[ \t]*\r?\n[ \t>]*")


def keep_line_break(old: str, wording: str) -> str:
    """``wording`` with the line break (and the indentation or quote marks after it) that
    ``old`` holds between two of its words put in place of one of the wording's spaces: the
    one after as many words, or its last. A list item's or a block quote's continuation line
    stays one, and a hard break stays a break."""
    found = _BREAK.search(old)
    if found is None or " " not in wording:
        return wording
    words_before = len(old[: found.start()].split())
    spaces = [i for i, c in enumerate(wording) if c == " "]
    at = spaces[min(words_before, len(spaces)) - 1]
    return wording[:at] + found.group() + wording[at + 1 :]


_MARKUP = frozenset("*_~`<>[]")


def _empties_markup(
    source: str | ChunkedText, pieces: Sequence[tuple[int, int]], split: list[tuple[int, int, str]]
) -> bool:
    """Whether ``split`` empties a piece that markup stands on both sides of: "the *home*less"
    would become "people experiencing homelessness**", which shows the asterisks (or an
    empty ``<em></em>``). A piece emptied beside plain text leaves nothing behind ("The
    *hook*er": "The *sex worker*")."""
    emptied = {(s, e) for s, e, text in split if not text}
    for i, (s, e) in enumerate(pieces):
        if (s, e) not in emptied:
            continue
        before = source[pieces[i - 1][1] : s] if i else source[max(0, s - 1) : s]
        after = source[e : pieces[i + 1][0]] if i + 1 < len(pieces) else source[e : e + 1]
        if not _MARKUP.isdisjoint(before) and not _MARKUP.isdisjoint(after):
            return True
    return False


def _split_edits(
    source: str | ChunkedText, pieces: Sequence[tuple[int, int]], wording: str
) -> list[tuple[int, int, str]]:
    """Edits for a match split by markup: the characters that stay keep their places, and the
    new ones go in the piece where the change starts (the first piece of the match, or the
    one after the last character that stays)."""
    texts = [source[s:e] for s, e in pieces]
    old = "".join(texts)
    cuts: list[int] = [0]
    for t in texts:
        cuts.append(cuts[-1] + len(t))
    k, j = common_ends(old, wording, frozenset(cuts))
    a, b, middle = k, len(old) - j, wording[k : len(wording) - j]
    edits: list[tuple[int, int, str]] = []
    placed = False
    for (s, _), lo, hi in zip(pieces, cuts, cuts[1:], strict=False):
        cut_lo, cut_hi = max(a, lo), min(b, hi)
        here = not placed and (lo <= a < hi or (a == b == hi))
        if cut_hi > cut_lo or here:
            edits.append((s + cut_lo - lo, s + max(cut_hi, cut_lo) - lo, middle if here else ""))
            placed = placed or here
    return [e for e in edits if e[0] != e[1] or e[2]]
