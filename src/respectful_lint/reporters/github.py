"""GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines::

    ::warning title=sex-work/prostitute,file=docs/a.md,line=3,col=21,endLine=3,endColumn=32::…

Values are escaped as GitHub's runner expects: ``%``, carriage return and line feed in the
message; those and ``:`` and ``,`` in properties. ``col`` and ``endColumn`` are given only
when the finding is on one line. A Word document has no lines, so its findings name the file
and say where in the document in the message. Suggestions become ``notice`` annotations.
"""

from __future__ import annotations

from typing import ClassVar

from ..model import Finding, Severity
from .concise import LineReporter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    props = [("title", f.rule), ("file", f.path)]
    docx = f.location is not None and f.location.paragraph is not None
    if not docx:
        props += [("line", str(f.line))]
        if f.end_line == f.line:
            props += [("col", str(f.column))]
        props += [("endLine", str(f.end_line))]
        if f.end_line == f.line:
            props += [("endColumn", str(f.end_column))]
    shown = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    message = f.message
    if docx and f.location is not None:
        where = f.location.place()
        message += f" (paragraph {f.line}" + (f", {where})" if where else ")")
    return f"::{COMMANDS[f.severity]} {shown}::{escape_data(message)}"


class GithubReporter(LineReporter):
    name: ClassVar[str] = "github"
    line = staticmethod(command)
