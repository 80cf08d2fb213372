"""Expressions compiled on first use behave as compiled ones, and every one of them compiles."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest

import respectful_lint
from respectful_lint.lazyre import _Deferred, lazy_compile


def _package_modules() -> list[str]:
    names = [respectful_lint.__name__]
    prefix = respectful_lint.__name__ + "."
    for info in pkgutil.walk_packages(respectful_lint.__path__, prefix):
        names.append(info.name)
    return names


def test_every_deferred_expression_in_the_package_compiles_as_written() -> None:
    seen = 0
    for name in _package_modules():
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module of an extra that is not installed
            continue
        for attr, value in vars(module).items():
            if isinstance(value, _Deferred):
                expected = re.compile(value._source, value._flags)
                assert value.pattern == expected.pattern, f"{name}.{attr}"
                assert value.flags == expected.flags, f"{name}.{attr}"
                seen += 1
    assert seen > 100  # the package's modules hold well over a hundred of them


def test_a_deferred_expression_matches_as_the_compiled_one() -> None:
    lazy = lazy_compile(r"(?P<word>sex work(?:ers?)?)\b", re.IGNORECASE)
    eager = re.compile(r"(?P<word>sex work(?:ers?)?)\b", re.IGNORECASE)
    text = "Sex workers and sex work: SEX WORKER."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("X", text) == eager.sub("X", text)
    assert lazy.search(text, 5) is not None
    assert lazy.groupindex == eager.groupindex
    assert lazy.match("nothing") is None


def test_a_bad_expression_fails_when_first_used() -> None:
    lazy = lazy_compile(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("text")


def test_importing_the_engine_compiles_no_expression_of_its_own() -> None:
    probe = """
import re, sys
compiled = []
original = re.compile
def counting(source, flags=0):
    if sys._getframe(1).f_globals.get("__name__", "").startswith("respectful_lint"):
        compiled.append(source)
    return original(source, flags)
re.compile = counting
from respectful_lint import context, wording, normalize
print(len(compiled))
"""
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert int(out.strip()) == 0
