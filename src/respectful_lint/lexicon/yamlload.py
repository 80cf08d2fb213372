"""Safe YAML loading that remembers where every value came from."""

from __future__ import annotations

from typing import Any

import yaml
from msgspec import Struct

from ..errors import LexiconError
from ..yamlerror import yaml_problem

try:  # the C loader is much faster when libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_DIGITS = 4300  # Python refuses to turn more decimal digits into an integer
MAX_EXPANDED = 200_000  # values a file may hold once its aliases are expanded


class Located(Struct, frozen=True):
    """Loaded YAML data plus the 1-based (line, column) of every key path."""

    data: Any
    marks: dict[Path, tuple[int, int]]
    file: str
    keys: dict[Path, tuple[int, int]]

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value at ``path`` (or of its key), or of its nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def error(self, path: Path, message: str, *, key: bool = False) -> LexiconError:
        line, col = self.where(path, key=key)
        return LocatedError(self.file, line, col, path, message)


class LocatedError(LexiconError):
    """A lexicon error with its parts kept apart, for ``lexicon validate --format json``."""

    def __init__(self, file: str, line: int, col: int, path: Path, message: str) -> None:
        super().__init__(f"{file}:{line}:{col}: {message}")
        self.file, self.line, self.col, self.path, self.message = file, line, col, path, message

    @property
    def key(self) -> str:
        """The key the error is about (the nearest name in its path)."""
        for part in reversed(self.path):
            if isinstance(part, str):
                return part
        return ""


_constructor = yaml.constructor.SafeConstructor()


def load_yaml(text: str, file: str) -> Located:
    """Parse one YAML document with the safe loader, keeping positions.

    Raises :class:`LexiconError` naming ``file:line:col`` on syntax errors and duplicate keys.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as exc:
        raise LexiconError(f"{file}:{yaml_problem(exc, text)}") from None
    marks: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    if node is None:
        return Located(None, marks, file, keys)
    try:
        _check_expansion(node, file)
        data = _convert(node, (), marks, keys, file)
    except RecursionError:
        raise LexiconError(f"{file}:1:1: refused: YAML nested too deeply") from None
    return Located(data, marks, file, keys)


def _check_expansion(root: yaml.Node, file: str) -> None:
    """Refuse aliases (``*name``) that add more than ``MAX_EXPANDED`` values to the file's own
    in all, or that contain themselves: one alias of an alias can stand for billions of
    values. A file of many values and no alias is not refused (its size is bounded by what
    it holds)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    within: list[yaml.Node] = [root]  # the nodes being sized, outermost first
    extra = [0]  # values the aliases add to the file's own

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:  # a node met again: an alias stands for it
            extra[0] += known
            if extra[0] > MAX_EXPANDED:
                # (named where the alias stands: in the node being sized)
                mark = within[-1].start_mark
                line, col = mark.line + 1, mark.column + 1
                raise LexiconError(
                    f"{file}:{line}:{col}: refused: YAML aliases expand to more than "
                    f"{MAX_EXPANDED:,} values"
                )
            return known
        if id(node) in open_nodes:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            raise LexiconError(f"{file}:{line}:{col}: refused: a YAML alias that contains itself")
        open_nodes.add(id(node))
        within.append(node)
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        open_nodes.discard(id(node))
        within.pop()
        sizes[id(node)] = total
        return total

    size(root)


def _convert(
    node: yaml.Node,
    path: Path,
    marks: dict[Path, tuple[int, int]],
    keys: dict[Path, tuple[int, int]],
    file: str,
) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, (*path, "<key>"), {}, {}, file)
            if not isinstance(key, str):
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise LexiconError(f"{file}:{line}:{col}: keys must be strings, got {key!r}")
            if key in out:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise LexiconError(f"{file}:{line}:{col}: duplicate key '{key}'")
            keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _convert(value_node, (*path, key), marks, keys, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), marks, keys, file) for i, item in enumerate(node.value)]
    try:
        return _constructor.construct_object(node, deep=True)
    except (
        yaml.YAMLError,  # a tag no safe constructor takes: '<<' alone, '!!python/name:...'
        ValueError,  # 2024-13-45, an integer too long to convert, an empty '!!int'...
        OverflowError,
        IndexError,
        TypeError,
        AttributeError,
        KeyError,
    ) as exc:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if node.tag == "tag:yaml.org,2002:merge":
            reason = "YAML merge keys ('<<') are not read: write the keys out, or use an alias"
        elif node.tag.startswith("tag:yaml.org,2002:python/") or node.tag.startswith("!"):
            reason = f"the tag {node.tag.removeprefix('tag:yaml.org,2002:')!r} is not read"
        elif isinstance(exc, yaml.MarkedYAMLError):  # its text goes on with a second line
            reason = exc.problem or exc.context or "invalid YAML"
        elif "digits" in str(exc):
            reason = f"more than {MAX_DIGITS:,} digits"
        else:
            reason = str(exc)
        reason = (reason.splitlines() or [type(exc).__name__])[0]
        where = _path_text(path)
        raise LexiconError(
            f"{file}:{line}:{col}: invalid value{where}: {node.value[:40]!r}: {reason}"
        ) from None


def _path_text(path: Path) -> str:
    parts = [p for p in path if p != "<key>"]
    if not parts:
        return ""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
    return f" at {text}"
