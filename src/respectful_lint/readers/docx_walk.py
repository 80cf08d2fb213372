"""The walk of one WordprocessingML part: expat's events in, the part's paragraphs out, each
with its text pieces, its place (body, table cell, text box, header...) and the ends of the
comment ranges in it. Deleted and moved-from text, field codes and the fallback copies of text
boxes are skipped.
"""

from __future__ import annotations

from msgspec import Struct, field

_W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# What each WordprocessingML element inside a run adds to the paragraph's text.
_RUN_CHARS = {"tab": "\t", "br": " ", "cr": " ", "noBreakHyphen": "\u2011", "softHyphen": "\u00ad"}
_HEADING_STYLES = ("heading", "title", "subtitle")  # paragraph style ids read as headings
# Elements whose whole content is skipped.
_SKIP = frozenset({"delText", "instrText", "moveFrom", "del"})


class Refused(Exception):
    """The part holds what the reader refuses to read (a bomb, a DTD)."""


class TooManyElements(Refused):
    """The parts hold more XML elements than the budget the walk was given."""


class Paragraph(Struct):
    """One paragraph of a part: its text as the pieces the XML holds it in, and where it is."""

    part: str
    number: int
    pieces: list[str] = field(default_factory=list)
    heading: bool = False  # styled as a heading or a title
    place: tuple[int | None, int | None, int | None] = (None, None, None)  # table, row, cell
    # comment range ends: (start or end, comment id, index into pieces; -1 for the end)
    marks: list[tuple[str, str, int]] = field(default_factory=list)
    comment: str | None = None  # the id of the Word comment this paragraph belongs to
    # where the character formatting changes between two runs of text: offsets into the text
    breaks: list[int] = field(default_factory=list)
    length: int = 0  # characters of text so far
    shown: str | None = None  # the formatting of the run that gave the last text

    def add(self, text: str, formatting: str) -> None:
        """Text of a run with ``formatting`` (its properties, written as one string)."""
        if (
            self.shown is not None
            and formatting != self.shown
            and self.length
            and (not self.breaks or self.breaks[-1] != self.length)
        ):
            self.breaks.append(self.length)
        self.shown = formatting
        self.pieces.append(text)
        self.length += len(text)

    def text(self) -> str:
        out = "".join(self.pieces)
        if "\n" in out or "\r" in out:
            out = out.replace("\r", " ").replace("\n", " ")
        return out


# run properties that do not show: the proofing language, spelling marks, the complex-script
# variants of size, bold and italic, web-only hiding
_UNSEEN = frozenset({"lang", "noProof", "szCs", "bCs", "iCs", "webHidden", "specVanish"})
# properties of one run that are compared with the next run's (Word writes a few dozen at
# most); more are not read, so a hostile run costs no more per piece of its text
MAX_PROPERTIES = 64
# paragraphs open inside one another (a text box's paragraphs sit inside a paragraph): Word
# nests a few; a hostile part nests millions, each held until its end
MAX_NESTED = 100


class PartWalker:
    """Collects paragraphs from the expat events of one part."""

    def __init__(self, kind: str, budget: list[int]) -> None:
        self.kind = kind
        self.budget = budget
        self.out: list[Paragraph] = []  # in reading order, not yet handed on
        self.done = 0  # how many of them are complete: handed on by take()
        self.open: list[Paragraph] = []
        self.number = 0
        self.text = 0  # depth inside w:t
        self.run = 0  # depth inside w:r
        self.skip = 0  # depth inside skipped content
        self.table = 0
        self.textbox = 0
        self.names: dict[str, tuple[bool, str]] = {}
        self.tables = 0  # tables met so far in the body
        self.cells: list[list[int]] = []  # [table, row, cell] of each open table
        self.pending: list[tuple[str, str, int]] = []  # comment range starts between paragraphs
        self.comment: str | None = None  # the comment being read, in the comments part
        self.props = 0  # depth inside a run's w:rPr
        self.change = 0  # depth inside its w:rPrChange (the old properties of a tracked change)
        self.formatting: list[str] = []  # the current run's properties, as read
        self.signature: str | None = None  # the same joined, once it is asked for

    def _name(self, raw: str) -> tuple[bool, str]:
        """(is WordprocessingML, local name), or (False, "mc:…") for markup compatibility."""
        cached = self.names.get(raw)
        if cached is None:
            ns, _, local = raw.rpartition(" ")
            if ns in _W:
                cached = (True, local)
            elif ns == _MC:
                cached = (False, "mc:" + local)
            else:
                cached = (False, local)
            self.names[raw] = cached
        return cached

    def take(self) -> list[Paragraph]:
        """The paragraphs that are complete, in reading order, and forget them."""
        if not self.done:
            return []
        taken = self.out[: self.done]
        del self.out[: self.done]
        self.done = 0
        return taken

    def start(self, raw: str, attrs: dict[str, str]) -> None:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise TooManyElements("more XML elements than the limit")
        word, local = self._name(raw)
        if self.skip:
            if (word and local in _SKIP) or local == "mc:Fallback":
                self.skip += 1
            return
        if not word:
            if local == "mc:Fallback":
                self.skip = 1
            return
        if local == "t":
            self.text += 1
        elif local == "r":
            self.run += 1
            self.formatting, self.signature = [], None
        elif local == "rPr" and self.run:
            self.props += 1
        elif local == "rPrChange" and self.props:
            self.change += 1
        elif (
            self.props
            and not self.change
            and local not in _UNSEEN
            and len(self.formatting) < MAX_PROPERTIES
        ):
            # a property of the run that shows (bold, a size, a style): its name and values,
            # but a font's script hint
            values = [v for k, v in attrs.items() if not k.endswith(" hint")]
            if values or local != "rFonts":  # a font given by its script hint alone shows none
                self.formatting.append(local + "".join(sorted(f" {v}" for v in values)))
            self.signature = None
        elif local == "p":
            self.number += 1
            if self.kind == "body":
                part = "text box" if self.textbox else "table" if self.table else "body"
            else:
                part = self.kind
            para = Paragraph(part, self.number, comment=self.comment)
            if self.cells and self.kind == "body":
                para.place = (self.cells[-1][0], self.cells[-1][1], self.cells[-1][2])
            para.marks, self.pending = self.pending, []
            if len(self.open) >= MAX_NESTED:
                raise Refused(f"paragraphs nested more than {MAX_NESTED} deep")
            self.open.append(para)
            self.out.append(para)
        elif local in _SKIP:
            self.skip = 1
        elif local == "tbl":
            self.table += 1
            self.tables += 1
            self.cells.append([self.tables, 0, 0])
        elif local in ("tr", "tc") and self.cells:
            row = self.cells[-1]
            if local == "tr":
                row[1], row[2] = row[1] + 1, 0
            else:
                row[2] += 1
        elif local in ("commentRangeStart", "commentRangeEnd"):
            self._mark("start" if local == "commentRangeStart" else "end", attrs)
        elif local == "comment" and self.kind == "comment":
            self.comment = _attr(attrs, "id")
        elif local == "txbxContent":
            self.textbox += 1
        elif local == "pStyle" and self.open and not self.run:
            style = next((v for k, v in attrs.items() if k.endswith(" val")), "")
            self.open[-1].heading = style.lower().startswith(_HEADING_STYLES)
        elif self.run and self.open and local in _RUN_CHARS:
            self.open[-1].add(_RUN_CHARS[local], self._signature())
        elif local in ("footnote", "endnote") and any(
            k.endswith(" type") and v in ("separator", "continuationSeparator")
            for k, v in attrs.items()
        ):
            self.skip = 1

    def end(self, raw: str) -> None:
        word, local = self._name(raw)
        if self.skip:
            if (
                (word and local in _SKIP)
                or local == "mc:Fallback"
                or (self.skip == 1 and word and local in ("footnote", "endnote"))
            ):
                self.skip -= 1
            return
        if not word:
            return
        if local == "t":
            self.text -= 1
        elif local == "rPrChange" and self.change:
            self.change -= 1
        elif local == "rPr" and self.props:
            self.props -= 1
        elif local == "r":
            self.run -= 1
        elif local == "p":
            if self.open:
                self.open.pop()
                if not self.open:  # a paragraph and those nested in it are complete
                    self.done = len(self.out)
        elif local == "tbl":
            self.table -= 1
            if self.cells:
                self.cells.pop()
        elif local == "txbxContent":
            self.textbox -= 1
        elif local == "comment":
            self.comment = None

    def _signature(self) -> str:
        """The current run's properties as one string, joined once per run (a run may hold
        many pieces of text)."""
        if self.signature is None:
            self.signature = "|".join(self.formatting)
        return self.signature

    def _mark(self, kind: str, attrs: dict[str, str]) -> None:
        """Note where a comment's range starts or ends: in the open paragraph, at the start
        of the next one, or (an end between paragraphs) at the end of the last one."""
        ident = _attr(attrs, "id")
        if ident is None:
            return
        if self.open:
            para = self.open[-1]
            para.marks.append((kind, ident, len(para.pieces)))
        elif kind == "start":
            self.pending.append((kind, ident, 0))
        elif self.out:
            self.out[-1].marks.append((kind, ident, -1))

    def chars(self, data: str) -> None:
        if self.text and not self.skip and self.open:
            self.open[-1].add(data, self._signature())


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """A WordprocessingML attribute's value, whatever its namespace."""
    for key, value in attrs.items():
        if key.rpartition(" ")[2] == name:
            return value
    return None
