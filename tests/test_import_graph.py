"""The package's modules import each other without a cycle.

Every ``import`` and ``from ... import`` of a module of the package counts, at module level or
inside a function or method: a cycle hidden in a function is still a cycle. So does the
initializer of a subpackage, which Python runs before a module inside it is imported from
outside. Imports under
``if TYPE_CHECKING:`` are left out, as they never run. ``from package import name`` counts as
importing the submodule ``package.name`` when there is one, else the package itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import respectful_lint

PACKAGE = Path(respectful_lint.__file__).resolve().parent
NAME = "respectful_lint"


def _module_name(path: Path) -> str:
    parts = [NAME, *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names
                ]
            graph[name].update(t for t in targets if t in files and t != name)
    # Importing ``a.b.c`` from outside ``a.b`` runs ``a/b/__init__.py`` first: an edge to that
    # subpackage too. (The root package's initializer imports only leaf modules; its API
    # functions import the runner when called, after every module has loaded.)
    for name in files:
        for target in list(graph[name]):
            parent = target.rpartition(".")[0]
            while parent != NAME and not (name == parent or name.startswith(parent + ".")):
                graph[name].add(parent)
                parent = parent.rpartition(".")[0]
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = _graph()
    # lexicon/__init__ imports its validator inside a function, to keep cached runs fast
    assert f"{NAME}.lexicon.validate" in graph[f"{NAME}.lexicon"]


def test_no_import_cycle() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())
