"""The ``serve`` command: its options, a missing extra, a busy port, the printed address."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint import web
from respectful_lint.cli import main

from .conftest import ROOT, start_server, stop_server


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


def test_open_starts_the_browser_on_the_address_with_its_token(tmp_path: Path) -> None:
    seen = tmp_path / "opened.txt"
    fake = tmp_path / "browser.sh"
    fake.write_text(f'#!/bin/sh\necho "$1" > {seen}\n', encoding="utf-8")
    fake.chmod(0o755)
    running = start_server("--open", env={"BROWSER": str(fake)})
    try:
        for _ in range(100):
            if seen.exists() and seen.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.1)
        assert seen.read_text(encoding="utf-8").strip() == running.url
    finally:
        stop_server(running)
