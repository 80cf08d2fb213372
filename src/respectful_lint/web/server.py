"""Starting the web checker: bind, print the address with its token, serve until stopped."""

from __future__ import annotations

import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable

from ..errors import UsageError
from .app import create_app
from .checks import Checker
from .security import HostCheck, is_loopback


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host`` and ``port`` (0: a free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: cannot resolve ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def address(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(
    checker: Checker,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    open_browser: bool = False,
    echo: Callable[[str], None] = print,
    warn: Callable[[str], None] = print,
) -> None:
    """Serve the checker until interrupted. Prints the address, with its one-time token."""
    import uvicorn

    sock = bind(host, port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(32)
    app = create_app(
        checker, token=token, csrf=secrets.token_urlsafe(32), hosts=HostCheck(host, port)
    )
    if not is_loopback(host):
        warn(
            f"warning: --host {host} is not a loopback address: drafts sent to the checker "
            "would cross the network, unencrypted; use it only on a network you trust"
        )
    url = address(host, port, token)
    echo("respectful-lint web checker: open this address in your browser (Ctrl+C stops it)")
    echo(f"    {url}")
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,  # an access log would carry the token and every address visited
        server_header=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    server.run(sockets=[sock])
