"""One wording for YAML that does not parse, shared by lexicons, configurations and YAML drafts."""

from __future__ import annotations

import yaml


def yaml_problem(exc: BaseException, text: str) -> str:
    """``line:col: invalid YAML: ...`` for an error raised while composing ``text``."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return f"{line}:{col}: invalid YAML: {exc.problem or exc.context or 'invalid YAML'}"
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - text.rfind("\n", 0, exc.position)
        return f"{line}:{col}: invalid YAML: character U+{exc.character:04X} is not allowed in YAML"
    if isinstance(exc, RecursionError):
        return "1:1: refused: YAML nested too deeply"
    first = (str(exc).splitlines() or ["invalid YAML"])[0]
    return f"1:1: invalid YAML: {first}"
