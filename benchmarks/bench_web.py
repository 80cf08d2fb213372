#!/usr/bin/env python3
"""Benchmark the web checker: upload-to-highlights time and the server's memory over time.

    python benchmarks/bench_web.py [--pages 200] [--checks 100] [--runs 5]

Builds a Word document of about 500 words a page with python-docx (the test extra), about
one sentence in eight carrying a flagged term; starts ``respectful-lint serve`` in a
subprocess; and in Debian's chromium (Playwright, as in the browser tests) uploads it and
times the interval from pressing "Check the draft" to the findings being highlighted on the
page (the median of ``--runs``). Then it sends ``--checks`` checks of the same document over
HTTP and reads the server's resident memory (VmRSS) after the first, after every tenth and
after the last. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import http.client
import io
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PLAIN = [
    "The drop-in centre opens at nine on weekdays and at noon on Saturdays.",
    "Volunteers restock the kits of sterile supplies every Tuesday evening.",
    "Our nurses offer vaccinations, wound care and referrals without an appointment.",
    "Every visitor can ask for a private room to talk with a caseworker.",
    "The legal clinic explains tenancy rights and helps people fill in forms.",
    "We publish our yearly figures so that funders can see where the money goes.",
    "Peer workers lead the Thursday group and decide its topics together.",
]
FLAGGED = [
    "Last winter the team met several prostitutes who needed a safe place to sleep.",
    "A local paper described our visitors as drug addicts, which we asked it to correct.",
    "Two people asked where to get an AIDS test near the station.",
    "The shelter supports illegal immigrants who cannot use other services.",
    "Staff also work with ex-offenders looking for housing and work.",
]


def build_docx(pages: int, out: Path) -> int:
    import docx

    document = docx.Document()
    document.add_heading("Annual service report", level=1)
    words = 0
    n = 0
    while words < pages * 500:
        sentences = []
        for _ in range(5):
            n += 1
            pool = FLAGGED if n % 8 == 0 else PLAIN
            sentences.append(pool[n % len(pool)])
        text = " ".join(sentences)
        para = document.add_paragraph()
        half = len(text) // 2
        para.add_run(text[:half])
        para.add_run(text[half:]).italic = True
        words += len(text.split())
    document.save(str(out))
    return words


def start_server() -> tuple[subprocess.Popen[str], int, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "respectful_lint", "serve", "--isolated"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for _ in range(5):
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", process.stdout.readline())
        if m:
            return process, int(m.group(1)), m.group(2)
    raise SystemExit("the server printed no address")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def browser_times(port: int, token: str, path: Path, runs: int) -> tuple[list[float], int]:
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    found = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"http://127.0.0.1:{port}/?token={token}")
        for _ in range(runs + 1):  # the first run warms the server up and is left out
            page.reload()
            page.get_by_label("Or upload a file").set_input_files(str(path))
            start = time.perf_counter()
            page.get_by_role("button", name="Check the draft").click()
            page.locator("#draft .hl").first.wait_for()
            page.locator("#finding-list li").last.wait_for()
            times.append(time.perf_counter() - start)
            found = page.locator("#draft .hl").count()
        browser.close()
    return times[1:], found


def http_check(port: int, token: str, data: bytes) -> None:
    """One check over HTTP, as the page sends it."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    host = {"Host": f"127.0.0.1:{port}"}
    conn.request("GET", f"/?token={token}", headers=host)
    login = conn.getresponse()
    login.read()
    cookie = (login.getheader("set-cookie") or "").split(";")[0]
    conn.request("GET", "/", headers={**host, "Cookie": cookie})
    page = conn.getresponse().read()
    m = re.search(rb'csrf-token" content="([^"]+)"', page)
    assert m
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    body.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.docx"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
    )
    body.write(data)
    body.write(f"\r\n--{boundary}--\r\n".encode())
    headers = {
        **host,
        "Cookie": cookie,
        "X-CSRF-Token": m.group(1).decode(),
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }
    conn.request("POST", "/api/check", body=body.getvalue(), headers=headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 200, response.status
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--checks", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.docx"
        words = build_docx(args.pages, path)
        data = path.read_bytes()
        process, port, token = start_server()
        try:
            times, found = browser_times(port, token, path, args.runs)
            memory: list[tuple[int, float]] = []
            for n in range(1, args.checks + 1):
                http_check(port, token, data)
                if n == 1 or n % 10 == 0:
                    memory.append((n, rss_mb(process.pid)))
        finally:
            process.terminate()
            process.wait(timeout=10)
    print(f"| {args.pages}-page .docx ({words:,} words, {len(data) / 1024:.0f} KB, ", end="")
    print(f"{found} highlights): upload to highlighted findings, median of {args.runs} ", end="")
    print(f"| {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}) |")
    print(
        "| server memory (VmRSS) after N checks | "
        + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in memory)
        + " |"
    )


if __name__ == "__main__":
    main()
