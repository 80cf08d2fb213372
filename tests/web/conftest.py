"""A real checker server (``respectful-lint serve`` in a subprocess) and a real browser.

The browser is Debian's chromium, driven by Playwright. axe-core comes from the npm registry
into the untracked folder ``.axe/`` on first use (or from ``AXE_CORE_JS``).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("RESPECTFUL_LINT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Server:
    base: str
    token: str
    port: int
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"{self.base}/?token={self.token}"

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """A raw HTTP request (the Host header can be anything)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()


def start_server(*args: str, env: dict[str, str] | None = None) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "respectful_lint", "serve", "--isolated", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    assert process.stdout is not None
    for _ in range(5):
        line = process.stdout.readline()
        m = re.search(r"(http://[^/\s]+)/\?token=(\S+)", line)
        if m:
            port = int(m.group(1).rpartition(":")[2])
            return Server(m.group(1), m.group(2), port, process)
    process.kill()
    raise AssertionError(
        "the server printed no address: " + (process.stderr.read() if process.stderr else "")
    )


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = start_server()
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def requests_seen() -> list[str]:
    return []


@pytest.fixture
def page(browser: Any, server: Server, requests_seen: list[str]) -> Iterator[Any]:
    """A fresh browser page on the checker. Every request it makes is recorded and must go
    to the checker itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.on("request", lambda request: requests_seen.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(server.url)
    yield page
    context.close()
    own = (server.base + "/", "blob:" + server.base + "/")
    strays = [url for url in requests_seen if not url.startswith(own)]
    assert not strays, f"requests left the checker: {strays}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script: from AXE_CORE_JS, or installed from npm into .axe/."""
    given = os.environ.get("AXE_CORE_JS")
    path = Path(given) if given else ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("the accessibility test needs axe-core: install npm, or set AXE_CORE_JS")
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(ROOT / ".axe"),
                "axe-core@4",
            ],
            check=True,
            capture_output=True,
        )
    return path.read_text(encoding="utf-8")
