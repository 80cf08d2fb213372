"""JSON and YAML string files: interface strings, form schemas, CMS exports.

Every string value is a segment; keys are not linted, and neither are strings that look like
URLs, paths, identifiers or code, nor values under keys such as ``id``, ``url`` or ``icon``. A
string that holds HTML goes through the HTML reader. Positions are exact through escapes
(``\\u2019``, ``\\n``, ``\\"``), and each segment carries its key path (``form.fields[3].label``;
list indexes count from 0) as its location.

These readers are not used by directory walks: a JSON or YAML file is read only when named.

YAML scalars are mapped character by character to the source, through escapes, quotes and the
line folding of plain, folded and literal scalars. Should a scalar ever fail to align (it has
not been seen to), the rest of that scalar maps to the rest of its source as one piece, so a
finding there points at the right scalar but not at the exact characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import LintError
from ..lazyre import lazy_compile
from ..model import Document, Location, OffsetMap, Segment
from ..wordsets import word_set as _words
from .build import MAX_DIGITS, Refused, SegmentBuilder

if TYPE_CHECKING:
    import yaml

_KEY = lazy_compile(r"[A-Za-z_$][\w$-]*")


_SKIP_KEYS = _words(
    "id key slug url uri href src srcset path file filename icon class classname type "
    "format pattern regex style color colour lang locale language mime mimetype ref $ref "
    "$schema $id version name_id component template"
)
_URLISH = lazy_compile(r"^(?:[a-z][a-z0-9+.-]*:\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.I)
_IDENT = lazy_compile(r"[_/\\{}<>=;()\[\]|]|[a-z][A-Z]|\w\.\w|^[#./~$@%:]")
_CODE = lazy_compile(
    r"=>|[=!]==?|&&|\|\||;\s*$|\)\s*\{|\bfunction\s*\(|\breturn\b[^.]*;"
    r"|^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE)\b.*\b(?:FROM|INTO|SET|TABLE)\b"
)
_HTML = lazy_compile(r"^\s*<(?:[A-Za-z][\w-]*[\s/>]|!--)")
_JSON_ESCAPE = lazy_compile(
    r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))",
    re.S,
)
_JSON_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r"}
_JSON_SIMPLE["t"] = "\t"
_WS = lazy_compile(r"[ \t\n\r]*")
_SCALAR = lazy_compile(r"[^,\]}\s]+")
_LONG_INTEGER = lazy_compile(r"[0-9]+")

KeyPath = tuple[str | int, ...]


def key_path(path: KeyPath) -> str:
    """``form.fields[3].label``; keys that are not plain names are written ``["a key"]``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _KEY.fullmatch(part):
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out) or "(root)"


def prose_string(value: str, key: str | int | None) -> bool:
    """Whether a string value reads as words for people rather than a URL, path or code."""
    if isinstance(key, str) and key.lower() in _SKIP_KEYS:
        return False
    stripped = value.strip()
    if not stripped or not any(c.isalpha() for c in stripped):
        return False
    if " " not in stripped and "\n" not in stripped:  # one token: a word, or an identifier
        return not (_URLISH.match(stripped) or _IDENT.search(stripped))
    return not (_URLISH.match(stripped) or _CODE.search(stripped))


class ComposedMap(OffsetMap):
    """Offsets through two maps: segment → string value (inner), value → file (outer)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, inner: OffsetMap, outer: OffsetMap) -> None:
        self._inner = inner
        self._outer = outer

    def start(self, offset: int) -> int:
        return self._outer.start(self._inner.start(offset))

    def end(self, offset: int) -> int:
        return self._outer.end(self._inner.end(offset))


def value_segments(
    value: str, builder: SegmentBuilder, key: str | int | None, location: Location
) -> Iterator[Segment]:
    """The segments of one string value whose map to the file ``builder`` holds."""
    from .html import html_segments

    if not prose_string(value, key):
        return
    outer = builder.segment()
    if outer is None:
        return
    if _HTML.match(value) and ">" in value:
        try:
            inner = html_segments(outer.text)
        except Refused as exc:
            raise exc.moved(outer.offsets.start(exc.offset), location.key) from None
        for seg in inner:
            yield Segment(
                seg.text, ComposedMap(seg.offsets, outer.offsets), seg.kind, False, location
            )
    else:
        yield Segment(outer.text, outer.offsets, "string", False, location)


# Objects and arrays (JSON), mappings and sequences (YAML) nested deeper are refused: each
# value's key path holds every level above it, so a deep file costs its depth for each value.
MAX_DEPTH = 100


class JsonReader:
    name: ClassVar[str] = "json"
    extensions: ClassVar[tuple[str, ...]] = (".json",)
    walked: ClassVar[bool] = False

    def read(self, text: str, path: str) -> Document:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise LintError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise LintError(f"{path}: refused: JSON nested too deeply") from None
        except ValueError as exc:  # an integer too long to convert: found again below
            if "digits" not in str(exc):
                raise
        try:
            segments = list(_json(text))
        except Refused as exc:
            raise exc.at(path, text) from None
        return Document(path=path, format=self.name, text=text, segments=segments)


def _json(text: str) -> Iterator[Segment]:
    """String values of a valid JSON text, with their key paths (an iterative walk)."""
    from json.decoder import scanstring  # type: ignore[attr-defined]

    frames: list[list[Any]] = []  # [is object, current key or index, expecting a key]
    n = len(text)
    i = _WS.match(text, 0).end()  # type: ignore[union-attr]
    while i < n:
        c = text[i]
        if c in "{[":
            if len(frames) >= MAX_DEPTH:
                where = key_path(tuple(f[1] for f in frames))
                raise Refused(i, f"nested more than {MAX_DEPTH} deep", where)
            frames.append([True, None, True] if c == "{" else [False, 0, False])
            i += 1
        elif c in "}]":
            frames.pop()
            i += 1
        elif c == ",":
            top = frames[-1]
            if top[0]:
                top[2] = True
            else:
                top[1] += 1
            i += 1
        elif c == ":":
            frames[-1][2] = False
            i += 1
        elif c == '"':
            value, end = scanstring(text, i + 1, True)
            if frames and frames[-1][0] and frames[-1][2]:
                frames[-1][1] = value
            else:
                path: KeyPath = tuple(f[1] for f in frames)
                builder = SegmentBuilder("string")
                _json_string(text, i + 1, end - 1, builder)
                location = Location(key=key_path(path))
                yield from value_segments(value, builder, path[-1] if path else None, location)
            i = end
        else:
            m = _SCALAR.match(text, i)
            if (
                m
                and m.end() - i > MAX_DIGITS
                and _LONG_INTEGER.fullmatch(m.group(), 1 if text[i] == "-" else 0)
                and len(m.group().lstrip("-")) > MAX_DIGITS
            ):
                path = tuple(f[1] for f in frames)
                reason = f"integer with more than {MAX_DIGITS:,} digits"
                raise Refused(i, reason, key_path(path) if path else None)
            i = m.end() if m else i + 1
        i = _WS.match(text, i).end()  # type: ignore[union-attr]


def _json_string(text: str, start: int, end: int, builder: SegmentBuilder) -> None:
    """Map the characters of a JSON string's source ``text[start:end]``, escape by escape."""
    raw = text[start:end]
    if "\\" not in raw:
        builder.add_prose(raw, start)
        return
    last = 0
    for m in _JSON_ESCAPE.finditer(raw):
        builder.add_prose(raw[last : m.start()], start + last)
        high, low, code, simple = m.groups()
        if high is not None:
            decoded = chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
        elif code is not None:
            decoded = chr(int(code, 16))
        else:
            decoded = _JSON_SIMPLE.get(simple, simple)
        builder.add(decoded, start + m.start(), start + m.end())
        last = m.end()
    builder.add_prose(raw[last:], start + last)


class YamlReader:
    name: ClassVar[str] = "yaml"
    extensions: ClassVar[tuple[str, ...]] = (".yaml", ".yml")
    walked: ClassVar[bool] = False

    def read(self, text: str, path: str) -> Document:
        import yaml

        from ..yamlerror import yaml_problem

        try:
            roots = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
        except (yaml.YAMLError, RecursionError) as exc:
            raise LintError(f"{path}:{yaml_problem(exc, text)}") from None
        segments: list[Segment] = []
        try:
            for root in roots:
                if root is not None:
                    segments.extend(_yaml(text, root))
        except Refused as exc:
            raise exc.at(path, text) from None
        return Document(path=path, format=self.name, text=text, segments=segments)


def _yaml(text: str, root: yaml.Node) -> Iterator[Segment]:
    import yaml

    seen: set[int] = set()
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:  # an alias: its anchor was read already
            continue
        seen.add(id(node))
        if len(path) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            reason = f"nested more than {MAX_DEPTH} deep"
            raise Refused(node.start_mark.index, reason, key_path(path))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, (*path, name)))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in reversed(list(enumerate(node.value))):
                stack.append((value, (*path, index)))
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            builder = SegmentBuilder("string")
            align_scalar(text, node, builder)
            location = Location(key=key_path(path))
            yield from value_segments(node.value, builder, path[-1] if path else None, location)


def _yaml_escape(text: str, pos: int) -> tuple[str, int] | None:
    """The character a double-quoted escape at ``text[pos]`` stands for, and its end."""
    from yaml.scanner import Scanner

    c = text[pos + 1 : pos + 2]
    if c in Scanner.ESCAPE_REPLACEMENTS:
        return Scanner.ESCAPE_REPLACEMENTS[c], pos + 2
    if c in Scanner.ESCAPE_CODES:
        size = Scanner.ESCAPE_CODES[c]
        digits = text[pos + 2 : pos + 2 + size]
        try:
            return chr(int(digits, 16)), pos + 2 + size
        except ValueError:
            return None
    return None


# a node property (an anchor "&name" or a tag "!tag") and the blanks after it
_PROPERTY = lazy_compile(r"[&!]\S*[ \t]*(?:\r?\n[ \t]*)?")


def align_scalar(text: str, node: yaml.ScalarNode, builder: SegmentBuilder) -> None:
    """Map each character of a scalar's value to where it is written."""
    value = node.value
    style = node.style
    p, end = node.start_mark.index, node.end_mark.index
    while p < end and (prop := _PROPERTY.match(text, p)) is not None:
        p = prop.end()  # an anchor or a tag before the value: "&x a hooker"
    if style in ('"', "'"):
        p += 1
        end -= 1
    elif style in ("|", ">"):
        nl = text.find("\n", p, end)
        p = end if nl == -1 else nl + 1
    if style is None and value == text[p:end]:
        builder.add_prose(value, p)
        return
    i = 0
    n = len(value)
    while i < n:
        if p >= end:
            return
        c = value[i]
        s = text[p]
        if style == '"' and s == "\\":
            nxt = text[p + 1 : p + 2]
            if nxt in ("\n", "\r"):  # an escaped line break: the lines join
                p += 2
                while p < end and text[p] in " \t\r\n":
                    p += 1
                continue
            escaped = _yaml_escape(text, p)
            if escaped is not None and value.startswith(escaped[0], i):
                builder.add(escaped[0], p, escaped[1])
                i += 1
                p = escaped[1]
                continue
        if style == "'" and s == "'" and c == "'" and text.startswith("''", p):
            builder.add("'", p, p + 2)
            i += 1
            p += 2
        elif s == c or (c == " " and s in "\r\n"):  # the same, or a line break folded
            builder.add(c, p, p + 1)
            i += 1
            p += 1
        elif s in " \t\r\n":  # indentation, or whitespace that folding removed
            p += 1
        else:  # lost alignment: the rest of the value maps to the rest of the scalar
            builder.add(value[i:], p, end)
            return
