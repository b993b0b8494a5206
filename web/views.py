"""Route handlers of ``serve``: login, the live digest list with filters, a tender with its review actions, the
pipeline board, the bid package."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from bids.assembler import safe_name
from bids.company import CompanyError, load_company
from bids.inputs import BidInputError, assemble_from_store
from bids.ruleset import RuleError
from digest.overdue import overdue_block
from digest.query import build_digest
from pipeline.review import Actor, Change, NotAllowed, PipelineError, review
from store.db import session_scope
from store.pipeline import PipelineRepository
from web.auth import AddressThrottle, LoginError, authenticate
from web.listing import board_columns, filter_cards, tender_view
from web.render import render

log = logging.getLogger(__name__)


@dataclass
class State:
    settings: Any
    engine: Any
    throttle: AddressThrottle


def _state(request: Request) -> State:
    return request.app.state.tf


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def login_page(request: Request) -> Response:
    if request.session.get("user"):
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"error": None})


async def login_submit(request: Request) -> Response:
    state = _state(request)
    form = await request.form()
    name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    address = _client(request)
    user, error = None, "Слишком много неудачных попыток входа. Попробуйте позже."
    if not state.throttle.blocked(address):
        with session_scope(state.engine) as session:  # commits the failure count too
            try:
                user = authenticate(session, name, password, state.settings.login)
            except LoginError as refused:
                error = str(refused)
    if user is None:
        state.throttle.failed(address)
        log.warning("failed login for %r from %s", name[:60], address)
        return render(request, "login.html", {"error": error}, status_code=401)
    request.session.clear()
    request.session.update({"user": user.name, "started": time.time()})
    log.info("login %s from %s", user.name, address)
    return RedirectResponse("/", status_code=303)


async def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


async def tender_list(request: Request) -> Response:
    state = _state(request)
    now = datetime.now(UTC)
    with session_scope(state.engine) as session:
        digest = build_digest(session, now=now, settings=state.settings.digest)
        entries = PipelineRepository(session).entries_for(card.notice_id for card in digest.cards)
        rows = filter_cards(digest, entries, request.query_params, request.scope["user"].name)
        overdue = overdue_block(session, now, state.settings.pipeline.near_days,
                                state.settings.pipeline.guarantee_working_days)
    return render(request, "list.html", {"digest": digest, "rows": rows, "q": request.query_params,
                                         "overdue": overdue})


async def board(request: Request) -> Response:
    state = _state(request)
    now = datetime.now(UTC)
    with session_scope(state.engine) as session:
        columns = board_columns(PipelineRepository(session).entries(), state.settings.pipeline)
        overdue = overdue_block(session, now, state.settings.pipeline.near_days,
                                state.settings.pipeline.guarantee_working_days)
    return render(request, "board.html", {"columns": columns, "overdue": overdue})


async def tender_page(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    state = _state(request)
    number = request.path_params["number"]
    with session_scope(state.engine) as session:
        view = tender_view(session, number, state.settings, request.scope["user"])
    if view is None:
        return render(request, "message.html", {"message": "Закупка не найдена."}, status_code=404)
    view["error"] = error
    view["bid_ready"] = _bid_zip(state, number).is_file()
    return render(request, "tender.html", view, status_code=status_code)


async def tender_review(request: Request) -> Response:
    state = _state(request)
    number = request.path_params["number"]
    user = request.scope["user"]
    form = await request.form()
    action = form.get("action")
    if action == "take":
        change = Change(assignee=user.name)
    else:
        def value(name: str) -> str | None:
            return str(form[name]) if name in form else None

        change = Change(stage=value("stage") or None, assignee=value("assignee"),
                        loss_reason=value("loss_reason"), comment=value("comment"), our_price=value("our_price"))
    actor = Actor(user.name, "web", user.role)
    try:
        with session_scope(state.engine) as session:
            review(session, number, change, actor, state.settings.pipeline)
    except NotAllowed as error:
        return await tender_page(request, str(error), 403)
    except PipelineError as error:
        return await tender_page(request, str(error), 400)
    return RedirectResponse(f"/tender/{number}", status_code=303)


def _bid_zip(state: State, number: str) -> Path:
    return state.settings.bid_dir / (safe_name(number) + ".zip")


async def bid_build(request: Request) -> Response:
    state = _state(request)
    number = request.path_params["number"]
    try:
        company = load_company(state.settings.company) if state.settings.company else None
        with session_scope(state.engine) as session:
            tender = PipelineRepository(session).tender(number)
            entry = PipelineRepository(session).entry(tender.notice_id) if tender else None
            price = entry.our_price if entry else None
            assemble_from_store(session, number, state.settings.bid_dir, price=price, company=company)
    except (BidInputError, RuleError, CompanyError) as error:
        return await tender_page(request, f"Пакет заявки не собран: {error}", 400)
    return RedirectResponse(f"/tender/{number}", status_code=303)


async def bid_download(request: Request) -> Response:
    state = _state(request)
    number = request.path_params["number"]
    path = _bid_zip(state, number)
    if not path.is_file():
        return render(request, "message.html", {"message": "Пакет заявки ещё не собран."}, status_code=404)
    return FileResponse(path, media_type="application/zip", filename=path.name)
