from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the compiled-lexicon cache of every test run (and its subprocesses) private."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("RESPECTFUL_LINT_CACHE_DIR")
    os.environ["RESPECTFUL_LINT_CACHE_DIR"] = str(folder)
    yield
    if before is None:
        del os.environ["RESPECTFUL_LINT_CACHE_DIR"]
    else:
        os.environ["RESPECTFUL_LINT_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect the text format without colour, even when the suite itself runs on GitHub
    Actions (which would pick the github format) or with FORCE_COLOR set."""
    for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def data_dir() -> Path:
    return DATA
