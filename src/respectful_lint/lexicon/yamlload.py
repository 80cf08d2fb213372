"""Safe YAML loading that remembers where every value came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import LexiconError

try:  # the C loader is much faster when libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Located:
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
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise LexiconError(f"{file}:{line}:{col}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{file}:1:1: invalid YAML: {exc}") from None
    marks: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    if node is None:
        return Located(None, marks, file, keys)
    return Located(_convert(node, (), marks, keys, file), marks, file, keys)


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
    except yaml.YAMLError as exc:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        raise LexiconError(f"{file}:{line}:{col}: invalid value: {exc}") from None
