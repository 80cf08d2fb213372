"""The ``serve`` command: its options, a missing extra, a busy port, the printed address."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from respectful_lint import web
from respectful_lint.cli import main

from .conftest import ROOT


def test_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--open", "--profile", "--lexicon"):
        assert option in result.output


def test_a_missing_web_extra_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "missing", lambda: ["starlette", "uvicorn"])
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "respectful-lint: error: the web checker needs the 'web' extra (missing: starlette, "
        "uvicorn); install it with: pip install 'respectful-lint[web]'"
    ]


def test_a_busy_port_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "respectful_lint", "serve", "--isolated", "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.startswith(f"respectful-lint: error: cannot listen on 127.0.0.1:{port}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_cli_does_not_import_the_web_stack() -> None:
    code = (
        "import sys, respectful_lint.cli; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
