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
    except RecursionError:
        raise LexiconError(f"{file}:1:1: invalid YAML: nested too deeply") from None
    if node is None:
        return Located(None, {}, file, {})
    walk = _Walk(file, budget=_NODES_PER_CHARACTER * len(text) + 1000)
    try:
        data = walk.convert(node, ())
    except RecursionError:
        raise LexiconError(f"{file}:1:1: invalid YAML: nested too deeply") from None
    return Located(data, walk.marks, file, walk.keys)


# Aliases may repeat a value, but the values read stay linear in the size of the text.
_NODES_PER_CHARACTER = 20


class _Walk:
    """Turns composed YAML nodes into plain values, recording where each key path starts.

    An alias that refers to a value containing it, or aliases that multiply the values read
    beyond ``budget`` (a "billion laughs"), are errors rather than a hang."""

    def __init__(self, file: str, budget: int) -> None:
        self.file = file
        self.budget = budget
        self.marks: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.open: set[int] = set()  # the collections being converted, by id

    def fail(self, node: yaml.Node, message: str) -> LexiconError:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return LexiconError(f"{self.file}:{line}:{col}: {message}")

    def convert(self, node: yaml.Node, path: Path, *, record: bool = True) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self.fail(node, "invalid YAML: aliases repeat too many values")
        if record:
            self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if id(node) in self.open:
                raise self.fail(node, "invalid YAML: an alias refers to a value that holds it")
            self.open.add(id(node))
            try:
                return self.collection(node, path, record)
            finally:
                self.open.discard(id(node))
        try:
            return _constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.fail(node, f"invalid value: {exc}") from None

    def collection(self, node: yaml.Node, path: Path, record: bool) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return [
                self.convert(item, (*path, i), record=record) for i, item in enumerate(node.value)
            ]
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, (*path, "<key>"), record=False)
            if not isinstance(key, str):
                raise self.fail(key_node, f"keys must be strings, got {key!r}")
            if key in out:
                raise self.fail(key_node, f"duplicate key '{key}'")
            if record:
                where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                self.keys[(*path, key)] = where
            out[key] = self.convert(value_node, (*path, key), record=record)
        return out
