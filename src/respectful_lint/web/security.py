"""The checks every request passes before it reaches the page: host, token, CSRF, headers.

- The ``Host`` header must name the address the server is bound to (or, for a loopback
  address, ``localhost`` and the other loopback literals): a page on another site whose
  domain is made to resolve to 127.0.0.1 (DNS rebinding) is refused.
- Every request needs the access token printed at startup, from the address (``?token=``) or
  from the cookie the first visit sets. Without it the answer is 403.
- Unsafe methods also need the CSRF token the page carries, in the ``X-CSRF-Token`` header,
  and an ``Origin`` header, when there is one, that names this server.
- Every response carries a Content-Security-Policy that allows only ``'self'``, and headers
  that keep it out of frames, caches and referrers.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "respectful_lint_token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostCheck:
    """Which ``Host`` headers name this server."""

    def __init__(self, host: str, port: int) -> None:
        self.port = port
        names = {host.lower()}
        if is_loopback(host):
            names.update(LOOPBACK_NAMES)
        self.names = frozenset(names)
        # Bound to every address: any IP literal (which no rebinding can produce) will do.
        self.any_ip = host in ("0.0.0.0", "::")
        if self.any_ip:
            self.names = self.names | {"localhost"}

    def allows(self, header: str) -> bool:
        name, port = _split_host(header.strip().lower())
        if port != self.port:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))


def _split_host(value: str) -> tuple[str, int | None]:
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port = value.partition(":")
    return name, int(port) if port.isdigit() else None


class Guard:
    """ASGI middleware that refuses requests failing the checks in this module's docstring."""

    def __init__(self, app: ASGIApp, *, token: str, csrf: str, hosts: HostCheck) -> None:
        self.app = app
        self.token = token
        self.csrf = csrf
        self.hosts = hosts
        # Cookies are shared by every port of a host: one name per server.
        self.cookie = f"{COOKIE}_{hosts.port}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        given = dict(query).get("token")
        if not self.hosts.allows(headers.get("host", "")):
            await _refuse(send, "This address is not the one the checker was started on.")
            return
        cookie = _cookie(headers.get("cookie", ""), self.cookie)
        if not (self._valid(given) or self._valid(cookie)):
            await _refuse(
                send,
                "This checker needs its access token: open the address it printed when it "
                "started, with the ?token= part.",
            )
            return
        if scope["method"] in UNSAFE and not self._same_site(headers):
            await _refuse(send, "This request did not come from the checker's own page.")
            return
        if given is not None and scope["method"] == "GET":
            await self._login(scope, send, query)
            return
        await self.app(scope, receive, _with_headers(send))

    def _valid(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self.token.encode())

    def _same_site(self, headers: dict[str, str]) -> bool:
        sent = headers.get("x-csrf-token", "")
        if not hmac.compare_digest(sent.encode(), self.csrf.encode()):
            return False
        origin = headers.get("origin")
        if origin is None:
            return True
        scheme, _, rest = origin.partition("://")
        return scheme == "http" and self.hosts.allows(rest)

    async def _login(self, scope: Scope, send: Send, query: list[tuple[str, str]]) -> None:
        """Keep the token in a cookie and drop it from the address."""
        rest = urlencode([(k, v) for k, v in query if k != "token"])
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await _with_headers(send)(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode("latin-1")),
                    (b"set-cookie", cookie.encode("latin-1")),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _cookie(header: str, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *HEADERS]
        await send(message)

    return wrapped


async def _refuse(send: Send, text: str) -> None:
    body = f"403 Forbidden: {text}\n".encode()
    await _with_headers(send)(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
