"""TOML configuration: parsing with one-line errors, and finding where a key is.

``tomllib`` reads the values; positions for error messages come from tomlkit, imported only
when an error needs one.
"""

from __future__ import annotations

from typing import Any

from ..lazyre import lazy_compile
from .model import ConfigError, KeyPath, Where

_TOML_AT = lazy_compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_AT.search(message)
        if m:
            line, col, message = int(m.group(1)), int(m.group(2)), message[: m.start()]
        else:  # "(at end of document)": point after the last character
            lines = text.split("\n")
            line, col = len(lines), len(lines[-1]) + 1
            message = message.replace(" (at end of document)", " at the end of the file")
        raise ConfigError(f"{name}:{line}:{col}: invalid TOML: {message}") from None
    except RecursionError:
        line, col = _toml_depth_at(text)
        raise ConfigError(f"{name}:{line}:{col}: refused: TOML nested too deeply") from None
    except ValueError as exc:  # an integer too long for Python to convert
        found = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        col = found.start() - text.rfind("\n", 0, found.start()) if found else 1
        key = _TOML_KEY.match(text.splitlines()[line - 1]) if found else None
        where = f" at {key.group(1)}" if key else ""
        reason = "integer with more than 4,300 digits" if "digits" in str(exc) else str(exc)
        raise ConfigError(f"{name}:{line}:{col}: refused: {reason}{where}") from None


_LONG_NUMBER = lazy_compile(r"[0-9][0-9_]{4300,}")
_TOML_KEY = lazy_compile(r"""^\s*([A-Za-z0-9_."' -]+?)\s*=""")


def _toml_depth_at(text: str) -> tuple[int, int]:
    """Line and column where brackets and braces first nest 100 deep (a rough scan)."""
    depth = 0
    line, start = 1, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line, start = line + 1, i + 1
        elif ch in "[{":
            depth += 1
            if depth >= 100:
                return line, i - start + 1
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return 1, 1


def toml_positions(text: str, prefix: tuple[str, ...]) -> Where:
    """Where a key (or a list item) is in TOML text, found by tomlkit, which keeps what
    ``tomllib`` drops.

    tomlkit is imported, and the text parsed again, only when an error needs a position. A key
    that cannot be found gives the position of the nearest key above it (or 1:1).
    """
    found: list[Any] = []

    def parsed() -> Any:
        if not found:
            found.append(_parse_positions(text))
        return found[0]

    def where(path: KeyPath, key: bool) -> tuple[int, int]:
        del key  # a key and its value share a line here
        located = parsed()
        if located is None:
            return (1, 1)
        doc, offsets = located
        best = None
        container: Any = doc
        for part in (*prefix, *path):
            if isinstance(part, int):  # a list item: where its value starts
                try:
                    container = container[part]
                except (IndexError, KeyError, TypeError):
                    break
                best = offsets.get(id(container), best)
                continue
            hit = _child(container, part)
            if hit is None:
                break
            key_object, container = hit
            offset = offsets.get(id(_last_part(key_object)))
            if offset is not None:
                best = offset
        return (1, 1) if best is None else _line_col(text, best)

    return where


def _parse_positions(text: str) -> tuple[Any, dict[int, int]] | None:
    try:
        from tomlkit.parser import Parser
    except ImportError:  # pragma: no cover - tomlkit is a dependency
        return None

    offsets: dict[int, int] = {}

    class _Locating(Parser):
        def _parse_simple_key(self) -> Any:
            start = self._idx
            key = super()._parse_simple_key()
            offsets[id(key)] = start
            return key

        def _parse_value(self) -> Any:
            start = self._idx
            value = super()._parse_value()
            offsets[id(value)] = start
            return value

    try:
        return _Locating(text).parse(), offsets
    except Exception:  # tomllib read it; any disagreement only costs the position
        return None


def _child(container: Any, name: str) -> tuple[Any, Any] | None:
    body = getattr(container, "body", None)
    if body is None:
        inner = getattr(container, "value", None)
        body = getattr(inner, "body", None)
    if body is None:
        return None
    hit = None
    for key, item in body:
        if key is not None and getattr(key, "key", None) == name:
            hit = (key, item)
    return hit


def _last_part(key: Any) -> Any:
    try:
        parts = list(key)
    except TypeError:
        return key
    return parts[-1] if parts else key


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
