"""The changes a person accepted on the page, which it sends back with every request.

The server keeps no draft between requests, so the page keeps the accepted changes and sends
them back; here they are checked, replayed and taken back. A change is an edit (see
:mod:`respectful_lint.edits`) with the words it replaced, so a change that no longer fits
the draft is refused instead of rewriting other words.
"""

from __future__ import annotations

import json

from ..edits import Edit, apply_edits, check_edits
from ..errors import UsageError

Change = tuple[int, int, str, str]
"""An accepted edit as the page sends it back: start, end, replacement and the words replaced."""

MAX_BATCHES = 2000
MAX_EDITS = 20_000
MAX_REPLACEMENT = 1000


def changes(text: str, batch: list[Edit]) -> list[Change]:
    """A batch of edits with the words each replaces, as the page keeps them."""
    return [(start, end, new, text[start:end]) for start, end, new in batch]


def replay(text: str, history: list[list[Change]]) -> tuple[str, list[list[Edit]]]:
    """The text after the accepted changes, and their edits. A change whose words are not
    where it says (a page that fell out of step) is refused."""
    batches: list[list[Edit]] = []
    for batch in history:
        plain = check_edits(len(text), [(s, e, new) for s, e, new, _ in batch])
        for start, end, _, old in batch:
            if text[start:end] != old:
                raise UsageError(
                    f"an accepted change no longer fits the draft (expected '{old}' at "
                    f"{start}); check the draft again"
                )
        text = apply_edits(text, plain)
        batches.append(plain)
    return text, batches


def without_change(history: list[list[Change]], index: int) -> list[list[Change]]:
    """The accepted changes without the one at ``index``, the later ones moved to where their
    words are once it is taken back. A later change to the words it put in is refused."""
    if not 0 <= index < len(history):
        raise UsageError(f"there is no accepted change {index + 1}")
    regions: list[list[int]] = []  # [start, end, growth] of the words the change put in
    shift = 0
    for start, end, new, _ in sorted(history[index]):
        regions.append([start + shift, start + shift + len(new), len(new) - (end - start)])
        shift += len(new) - (end - start)
    out = history[:index]
    for batch in history[index + 1 :]:
        moved: list[Change] = []
        for start, end, new, old in batch:
            if any(_touches(start, end, r[0], r[1]) for r in regions):
                raise UsageError("a later change rewrote the same words: undo that one first")
            back = sum(r[2] for r in regions if r[1] <= start)
            moved.append((start - back, end - back, new, old))
        for region in regions:
            # The edits placed before it, by the same test as above.
            growth = sum(len(n) - (e - s) for s, e, n, _ in batch if s < region[1])
            region[0] += growth
            region[1] += growth
        out.append(moved)
    return out


def _touches(start: int, end: int, lo: int, hi: int) -> bool:
    """Whether an edit of [start, end) changes any of the words in [lo, hi)."""
    if start == end:
        return lo < start < hi
    return (start < hi and lo < end and lo != hi) or (lo == hi and start < lo < end)


def parse_history(raw: str | None) -> list[list[Change]]:
    """The accepted batches of edits the page sends back, checked for shape and size."""
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # nested past the parser's stack: no list of edits
        raise UsageError("the list of accepted changes is not valid JSON") from None
    if not isinstance(value, list) or len(value) > MAX_BATCHES:
        raise UsageError("the list of accepted changes is not a list or too long")
    out: list[list[Change]] = []
    total = 0
    for batch in value:
        if not isinstance(batch, list):
            raise UsageError("an accepted change is not a list of edits")
        total += len(batch)
        if total > MAX_EDITS:
            raise UsageError("too many accepted changes")
        out.append([_edit(e) for e in batch])
    return out


def _edit(value: object) -> Change:
    if (
        isinstance(value, list)
        and len(value) == 4
        and all(type(v) is int for v in value[:2])
        and all(isinstance(v, str) and len(v) <= MAX_REPLACEMENT for v in value[2:])
    ):
        return (value[0], value[1], value[2], value[3])
    raise UsageError(
        "an edit is not [start, end, replacement, replaced words] with words of at most "
        f"{MAX_REPLACEMENT} characters"
    )
