"""Applying fixes: findings' edits put into the source, losslessly, then written atomically.

Only the characters a fix replaces change: the encoding, byte-order mark, line endings,
trailing white space, HTML entities and Markdown syntax elsewhere stay byte for byte. Edits
are applied from the end of the text to its start, each after checking that the source still
holds the words the finding matched. Where two fixes overlap, the one that starts first wins
and the other stays a finding (a later pass may fix it). A file is written to a temporary file
in its own folder, then renamed over the original with the original's mode, so a crash or a
full disk leaves the original as it was.

Word documents are edited by :mod:`respectful_lint.docxfix`; batches of edits chosen by hand
(as the web checker's) are checked, applied and composed by :mod:`respectful_lint.edits`.
"""

from __future__ import annotations

import codecs
import contextlib
import html
import json
import os
import stat
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from msgspec import Struct, field

from .agreement import article_before, article_fits, respell_article
from .edits import Edit
from .errors import LintError
from .model import Finding

MAX_PASSES = 10  # fixing and checking again until nothing changes, as ruff does

Lint = Callable[[bytes], list[Finding]]


def applicable(finding: Finding, unsafe: bool) -> bool:
    """Whether ``--fix`` (or ``--fix --unsafe-fixes`` when ``unsafe``) applies this finding."""
    fix = finding.fix
    return fix is not None and (fix.applicability == "safe" or unsafe)


def _extent(finding: Finding) -> tuple[int, int]:
    assert finding.fix is not None
    edits = finding.fix.edits
    return min(e[0] for e in edits), max(e[1] for e in edits)


def choose(findings: Iterable[Finding], unsafe: bool) -> tuple[list[Finding], list[Finding]]:
    """(fixes to apply, fixes that overlap one applied before them), in source order."""
    chosen: list[Finding] = []
    lost: list[Finding] = []
    end = -1
    candidates = sorted(
        (f for f in findings if applicable(f, unsafe)),
        key=lambda f: (*_extent(f), f.rule),
    )
    for f in candidates:
        lo, hi = _extent(f)
        if lo < end:
            lost.append(f)
            continue
        chosen.append(f)
        end = max(end, hi)
    return chosen, lost


# --- escaping for where the replacement stands -----------------------------------------------


def _html_escape(source: str, at: int, text: str) -> str | None:
    """``text`` escaped for an HTML source position: element text or a quoted attribute value."""
    tag = source.rfind("<", 0, at)
    if tag <= source.rfind(">", 0, at):
        return html.escape(text, quote=False)
    quote = ""
    for ch in source[tag:at]:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
    escaped = html.escape(text, quote=False)
    if not quote:  # an unquoted attribute value ends at white space and quotes
        return None if any(c in escaped for c in " \t\n\"'=<>`") else escaped
    return escaped.replace(quote, "&quot;" if quote == '"' else "&#x27;")


def _yaml_escape(source: str, at: int, text: str, scalars: _Scalars) -> str | None:
    """``text`` escaped for the YAML scalar that holds ``at``."""
    style = scalars.style(at)
    if style == "'":
        return text.replace("'", "''")
    if style == '"':
        return text.replace("\\", "\\\\").replace('"', '\\"')
    if style is None and (": " in text or " #" in text or text[:1] in "!&*[]{}|>%@`#,'\"?-"):
        return None
    return text


class _Scalars:
    """The styles of a YAML document's scalars by source offset, parsed when first asked."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts: list[int] | None = None
        self.styles: list[str | None] = []

    def style(self, at: int) -> str | None:
        """The style (None for plain, ``'``, ``"``, ``|`` or ``>``) of the scalar at ``at``."""
        if self.starts is None:
            self._parse()
        assert self.starts is not None
        i = bisect_right(self.starts, at) - 1
        return self.styles[i] if i >= 0 else None

    def _parse(self) -> None:
        import yaml

        try:
            root = yaml.compose(self.source, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            root = None
        found: list[tuple[int, str | None]] = []
        stack = [root] if root is not None else []
        seen: set[int] = set()  # an alias names a node seen before: visit each node once
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                found.append((node.start_mark.index, node.style))
            elif isinstance(node, yaml.MappingNode):
                stack.extend(n for pair in node.value for n in pair)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        found.sort(key=lambda x: x[0])
        self.starts = [s for s, _ in found]
        self.styles = [style for _, style in found]


def escaper(fmt: str, source: str) -> Callable[[int, int, str], str | None]:
    """A function giving the replacement for ``source[start:end]`` as it must be written
    there, or None when it cannot be written there (the finding then stays)."""
    if fmt == "html":
        return lambda start, end, text: _html_escape(source, start, text)
    if fmt == "json":
        # a string written with \u escapes gets its new characters escaped the same way
        return lambda start, end, text: json.dumps(text, ensure_ascii="\\u" in source[start:end])[
            1:-1
        ]
    if fmt == "yaml":
        scalars = _Scalars(source)
        return lambda start, end, text: _yaml_escape(source, start, text, scalars)
    if fmt == "markdown" and source.startswith("---"):
        from .readers.markdown import front_matter_end

        closing = front_matter_end(source)
        if closing:  # a fix in the front matter is written as its YAML needs
            matter = _Scalars(source[:closing])
            return lambda start, end, text: (
                _yaml_escape(source, start, text, matter) if start < closing else text
            )
    return lambda start, end, text: text


# --- text -------------------------------------------------------------------------------------


def _written(f: Finding, escape: Callable[[int, int, str], str | None]) -> list[Edit] | None:
    """A finding's fix edits, sorted, each replacement escaped for where it stands; None
    when one of them cannot be written there."""
    assert f.fix is not None
    out: list[Edit] = []
    for s, e, text in sorted(f.fix.edits):
        new = escape(s, e, text)
        if new is None:
            return None
        out.append((s, e, new))
    return out


def apply_text(
    source: str, findings: Sequence[Finding], fmt: str = "text"
) -> tuple[str, list[Finding], list[Finding]]:
    """``source`` with the fixes of ``findings`` (chosen, not overlapping) applied.

    Returns the new text, the findings fixed and those left as they were because the source
    no longer holds the words they matched or the wording cannot be written there.
    """
    escape = escaper(fmt, source)
    pieces: list[str] = []
    applied: list[Finding] = []
    left: list[Finding] = []
    pos = len(source)
    for f in reversed(findings):  # end to start: earlier offsets stay valid
        written = _written(f, escape) if source[f.start : f.end] == f.matched else None
        if written is None or written[-1][1] > pos:
            left.append(f)
            continue
        for s, e, new in reversed(written):
            pieces.append(source[e:pos])
            pieces.append(new)
            pos = s
        applied.append(f)
    pieces.append(source[:pos])
    applied.reverse()
    left.reverse()
    return "".join(reversed(pieces)), applied, left


# --- batches of edits: fixes and suggestions picked one by one ---------------------------------


def fix_edits(
    source: str, findings: Iterable[Finding], fmt: str = "text", *, unsafe: bool = False
) -> list[Edit]:
    """One batch with the edits ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) makes
    to ``source`` in one pass: overlapping fixes and those that cannot be written are left."""
    escape = escaper(fmt, source)
    out: list[Edit] = []
    for f in choose(findings, unsafe)[0]:
        written = _written(f, escape) if source[f.start : f.end] == f.matched else None
        out.extend(written or ())
    return out


def suggestion_edits(
    source: str, finding: Finding, index: int = 0, fmt: str = "text"
) -> list[Edit] | None:
    """The edits that put suggestion number ``index`` of ``finding`` in place of its words.

    The first suggestion is the finding's own fix, when it has one. Another one replaces the
    words it stands for (see :attr:`.Finding.places`: the match, or more), and an "a" or "an"
    just before them is changed to fit it. None when the wording cannot be written there: it
    is an idea that does not stand there as written, or the place is an unquoted HTML
    attribute value.
    """
    wording = finding.suggestions[index]
    if index == 0 and finding.fix is not None:
        edits = list(finding.fix.edits)
    else:
        start, end = finding.start, finding.end
        if finding.places:  # where the wording stands, if it stands in the text as written
            place = finding.places[index] if index < len(finding.places) else None
            if place is None:
                return None
            start, end = place
        edits = [(start, end, wording)]
        before = source[max(0, start - 8) : start]
        found = article_before(before)
        if found is not None and not article_fits(before, wording):
            at = start - len(before) + found[0]
            edits.insert(0, (at, at + len(found[1]), respell_article(found[1], wording)))
    escape = escaper(fmt, source)
    written = [(s, e, escape(s, e, text)) for s, e, text in sorted(edits)]
    if any(new is None for _, _, new in written):
        return None
    return [(s, e, new) for s, e, new in written if new is not None]


class Encoding(Struct, frozen=True):
    """How a text file's bytes were written: its codec and byte-order mark."""

    codec: str = "utf-8"
    bom: bytes = b""

    @classmethod
    def of(cls, data: bytes) -> Encoding:
        if data.startswith(codecs.BOM_UTF8):
            return cls("utf-8", codecs.BOM_UTF8)
        if data.startswith(codecs.BOM_UTF16_LE):
            return cls("utf-16-le", codecs.BOM_UTF16_LE)
        if data.startswith(codecs.BOM_UTF16_BE):
            return cls("utf-16-be", codecs.BOM_UTF16_BE)
        return cls()

    def decode(self, data: bytes) -> str:
        return data[len(self.bom) :].decode(self.codec)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


# --- one source, fixed until nothing changes --------------------------------------------------


class Fixed(Struct):
    """The outcome of fixing one file: its bytes before and after, and what is left."""

    name: str
    fmt: str
    before: bytes
    after: bytes
    fixed: int = 0
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after


def apply_once(
    data: bytes,
    findings: Sequence[Finding],
    fmt: str,
    *,
    track_changes: bool = False,
    path: str = "<stdin>",
) -> tuple[bytes, int]:
    """``data`` with ``findings`` (chosen, in order) fixed, and how many were fixed."""
    if fmt == "docx":
        from .docxfix import apply_docx

        return apply_docx(data, findings, track_changes=track_changes, path=path)
    encoding = Encoding.of(data)
    text, applied_findings, _ = apply_text(encoding.decode(data), findings, fmt)
    return encoding.encode(text), len(applied_findings)


def fix_source(
    name: str,
    fmt: str,
    data: bytes,
    findings: list[Finding],
    lint: Lint,
    *,
    unsafe: bool = False,
    track_changes: bool = False,
) -> Fixed:
    """Fix one file's ``data``, given its ``findings``, checking again after each pass."""
    result = Fixed(name, fmt, data, data, remaining=findings)
    for _ in range(MAX_PASSES):
        chosen, _lost = choose(result.remaining, unsafe)
        if not chosen:
            break
        new, count = apply_once(result.after, chosen, fmt, track_changes=track_changes, path=name)
        if count == 0 or new == result.after:
            break
        result.after = new
        result.fixed += count
        result.remaining = lint(new)
    return result


# --- writing ----------------------------------------------------------------------------------


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A file that is replaced keeps its mode; a new file gets the mode the umask gives. A
    read-only file is refused and left as it was.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise LintError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if os.path.exists(target) and not _writable(target):
        raise LintError(f"{path}: cannot write: the file is read-only; nothing was changed")
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", dir=folder)
    except OSError as exc:
        raise LintError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
        reason = exc.strerror or exc
        raise LintError(f"{path}: cannot write: {reason}; nothing was changed") from None


def _writable(path: str) -> bool:
    """Writable by its mode bits and by this user (root can write anything, so both count)."""
    mode = os.stat(path).st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)
