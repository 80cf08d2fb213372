"""One sentence of a segment, as conflation shapes read it: group hits computed on demand."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lazyre import lazy_compile
from ..model import Conflation
from ..normalize import PARAGRAPH
from ..sentences import sentence_bounds
from . import grammar as g

if TYPE_CHECKING:
    from ..context import Context
    from .conflation import ConflationIndex


class Sentence:
    """One sentence of a segment's normalized view, with group hits computed on demand."""

    __slots__ = ("_cache", "ctx", "end", "index", "norm", "start")

    def __init__(self, index: ConflationIndex, ctx: Context, start: int, end: int) -> None:
        self.index = index
        self.ctx = ctx
        self.norm = ctx.norm
        self.start = start
        self.end = end
        self._cache: dict[object, list[tuple[int, int]]] = {}

    def hits(
        self, group: str, lo: int | None = None, hi: int | None = None
    ) -> list[tuple[int, int]]:
        """Spans of the terms of ``group`` in the sentence (or in ``[lo, hi)``)."""
        lo = self.start if lo is None else lo
        hi = self.end if hi is None else hi
        key = (group, lo, hi)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self.index.spans(group, self.norm, lo, hi)
        return cached

    def matches_at(self, group: str, pos: int) -> int:
        """End of the longest term of ``group`` starting at ``pos``, or -1."""
        best = -1
        for s, e in self.hits(group):
            if s == pos and e > best:
                best = e
        return best

    def words(self, spec: Conflation, role: str) -> frozenset[str]:
        """The terms of the group filling ``role``, as a set of words and phrases (for the
        vocabulary a shape compares single words against)."""
        return self.index.words(spec.group(role))

    def concepts(self, spec: Conflation) -> list[tuple[int, int, str]]:
        """Sex-work and trafficking terms, in order: (start, end, "sw" or "tr").

        A trafficking term wins over a sex-work term it overlaps ("forced prostitution"), and
        one about goods ("drug trafficking") or sectors ("anti-trafficking") is left out.
        """
        sw_id = spec.group("sw") if spec.has("sw") else None
        tr_id, goods_id = spec.group("tr"), spec.group("goods")
        key = ("concepts", sw_id, tr_id, goods_id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached  # type: ignore[return-value]
        goods = self.index.matcher(goods_id)
        tr = []
        for s, e in self.hits(tr_id):
            before = self.norm[max(self.start, s - 12) : s]
            if re.search(r"(?:anti|counter)[ -]$", before):
                continue
            prev = g.prev_words(self, s, 1)
            if prev and goods.fullmatch(prev[0]):
                continue
            tr.append((s, e, "tr"))
        sw = [
            (s, e, "sw")
            for s, e in (self.hits(sw_id) if sw_id else ())
            if not any(s < te and ts < e for ts, te, _ in tr)
        ]
        out = sorted(tr + sw)
        self._cache[key] = out  # type: ignore[assignment]
        return out

    def text(self, start: int, end: int) -> str:
        return self.norm[start:end]


def sentence_in(ctx: Context, offset: int) -> tuple[int, int]:
    """Sentence bounds, also cut where a plain-text list item starts on a new line."""
    norm = ctx.norm
    start, end = sentence_bounds(norm, offset)
    if not _MARKER_IN_VIEW.search(norm, max(0, start - 1), end + 1):
        return start, end  # no list item can start inside: the offset map is not needed
    src_start, src_end = ctx.source_span(start, end)
    if "\n" not in ctx.text[src_start:src_end]:
        return start, end
    for m in _LIST_ITEM.finditer(ctx.text, src_start, src_end):
        cut = _view_offset(ctx, m.end() - 1, start, end)
        if cut <= offset:
            start = max(start, cut)
        else:
            end = min(end, cut)
            break
    while start < end and norm[start] in " " + PARAGRAPH:
        start += 1
    return start, end


_LIST_ITEM = lazy_compile(r"\n[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])(?=[ \t])")
# What a list item's marker and the blank after it become in the view (the blank may join a
# paragraph break; the line break before a number may be gone, rejoined after a hyphen).
_MARKER_IN_VIEW = lazy_compile(r"(?:[-*+\u2022]|\d[.)])[ " + PARAGRAPH + "]")


def _view_offset(ctx: Context, source: int, lo: int, hi: int) -> int:
    """The first view offset in ``[lo, hi]`` whose source offset is at least ``source``."""
    while lo < hi:
        mid = (lo + hi) // 2
        if ctx.map.start(mid) < source:
            lo = mid + 1
        else:
            hi = mid
    return lo
