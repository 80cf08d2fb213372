"""One line per finding: ``path:line:col: severity rule-id message``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..report import RenderOptions

if TYPE_CHECKING:
    from ..model import Finding
    from ..report import Report


# Control characters as the terminal would never act on them: a C0 control as its picture
# ("\x1b" as "␛"), DEL as "␡", a C1 control as "�". A checked file (a pull request's) may
# hold escape sequences that would clear the screen, retitle the window, or write the
# clipboard; one character stands for one, so a marker under the line stays in place
_PRINTABLE = {
    **{code: 0x2400 + code for code in range(32) if code != 9},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}


def printable(text: str) -> str:
    """``text`` with its control characters (but tabs) shown, never sent to the terminal."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_PRINTABLE)


def line_label(f: Finding) -> str:
    """The line; in a Word document, the paragraph's number in reading order."""
    return str(f.line)


def place(f: Finding) -> str:
    """`` (in table 2, row 3, cell 1)`` after the message for a Word document, or nothing."""
    where = f.location.place() if f.location is not None else None
    return f" ({where})" if where else ""


def headline(f: Finding) -> str:
    return printable(
        f"{f.path}:{line_label(f)}:{f.column}: {f.severity.label} {f.rule} {f.message}{place(f)}"
    )


class LineReporter:
    """A format of one line per finding, which ``line`` writes."""

    @staticmethod
    def line(f: Finding) -> str:
        raise NotImplementedError

    def render(self, report: Report, options: RenderOptions) -> str:
        del options
        return "".join(self.line(f) + "\n" for f in report.findings)


class ConciseReporter(LineReporter):
    name: ClassVar[str] = "concise"
    line = staticmethod(headline)
