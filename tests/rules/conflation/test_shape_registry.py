"""Every conflation shape is one module of the shape registry, with its words and its test."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from respectful_lint.rules.shapes import SHAPES

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_shape_is_one_documented_module_with_a_test(name: str) -> None:
    shape = SHAPES[name]
    module_name = name.replace("-", "_")
    module = importlib.import_module(f"respectful_lint.rules.shapes.{module_name}")
    assert module.SHAPE is shape
    assert module.__doc__ and module.__doc__.strip()
    assert shape.title and shape.summary
    assert set(shape.triggers) <= set(shape.roles)
    assert (HERE / f"test_{module_name}.py").is_file(), (
        f"add tests/rules/conflation/test_{module_name}.py"
    )
