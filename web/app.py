"""The ASGI application: security headers, signed-cookie sessions, CSRF tokens, the login gate, the routes.

Layers, outermost first: CSRF (asgi-csrf: a signed token in a cookie that every form posts back), security
headers, the session (Starlette's signed cookie: HttpOnly, SameSite=Lax, expiry), the login gate (nothing but
the login page and static files without a session), then the routes.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asgi_csrf import asgi_csrf
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from digest.settings import DigestSettings
from pipeline.settings import PipelineSettings
from store.db import make_engine, session_scope
from store.users import UserRepository
from web import views
from web.auth import AddressThrottle, LoginPolicy

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
PUBLIC_PATHS = ("/login", "/static/")

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
     b"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cache-control", b"no-store"),
]


@dataclass
class ServeSettings:
    db_url: str
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(48))
    session_minutes: float = 480
    """Idle expiry: a session unused this long is gone (the cookie is re-signed on every request)."""
    absolute_hours: int = 12
    """A session older than this is gone however active it was."""
    https_only: bool = False
    """Mark cookies Secure: set it whenever a TLS reverse proxy is in front."""
    bid_dir: Path = Path("bids")
    company: Path | None = None
    login: LoginPolicy = field(default_factory=LoginPolicy)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, https_only: bool = False) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS + (
            [(b"strict-transport-security", b"max-age=31536000")] if https_only else []
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in self.headers if name not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LoginGate:
    """Everything but the login page and static files needs a live session of an existing user."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(PUBLIC_PATHS):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        user = self._user(request)
        if user is None:
            request.session.clear()
            if request.method in ("GET", "HEAD"):
                response: Any = RedirectResponse("/login", status_code=303)
            else:
                response = PlainTextResponse("Требуется вход.", status_code=401)
            await response(scope, receive, send)
            return
        scope["user"] = user
        await self.app(scope, receive, send)

    def _user(self, request: Request) -> Any:
        name, started = request.session.get("user"), request.session.get("started", 0)
        if not name or time.time() - started > self.settings.absolute_hours * 3600:
            return None
        with session_scope(make_engine(self.settings.db_url)) as session:
            return UserRepository(session).get(name)


def create_app(settings: ServeSettings) -> ASGIApp:
    state = views.State(settings=settings, engine=make_engine(settings.db_url),
                        throttle=AddressThrottle(settings.login.max_failures, settings.login.lock_minutes * 60))
    routes = [
        Route("/login", views.login_page, methods=["GET"]),
        Route("/login", views.login_submit, methods=["POST"]),
        Route("/logout", views.logout, methods=["POST"]),
        Route("/", views.tender_list, methods=["GET"]),
        Route("/board", views.board, methods=["GET"]),
        Route("/tender/{number}", views.tender_page, methods=["GET"]),
        Route("/tender/{number}/review", views.tender_review, methods=["POST"]),
        Route("/tender/{number}/bid", views.bid_build, methods=["POST"]),
        Route("/tender/{number}/bid.zip", views.bid_download, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders, https_only=settings.https_only),
        Middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie="tenderflow_session",
                   max_age=int(settings.session_minutes * 60), same_site="lax", https_only=settings.https_only),
        Middleware(LoginGate, settings=settings),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.tf = state
    return asgi_csrf(app, signing_secret=settings.secret_key, always_protect={"/login", "/logout"},
                     cookie_secure=settings.https_only, cookie_samesite="Strict")
