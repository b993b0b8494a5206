"""A fake Bitrix24 portal for the CRM sync tests: the REST methods the sync uses, over HTTPS, with the real
response shapes and limits.

- Incoming-webhook URLs ``https://HOST/rest/USER/TOKEN/METHOD.json``; a wrong user or token gets 401
  ``INVALID_CREDENTIALS``.
- Responses ``{"result", "time"}`` (+ ``total`` and ``next`` for lists, pages of 50 by ``start``); errors
  ``{"error", "error_description"}`` with the portal's HTTP statuses.
- ``batch`` of at most 50 commands (``cmd`` as query strings), answered with ``result`` / ``result_error`` /
  ``result_total`` / ``result_next`` / ``result_time``.
- The leaky bucket: ``bucket`` requests at once, draining ``drain`` a second; above it 503
  ``QUERY_LIMIT_EXCEEDED``. ``storm`` answers the next N requests with that 503 whatever the bucket says;
  ``time_limited`` answers a method with 429 ``OPERATION_TIME_LIMIT`` N times.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from testing.httpserver import LocalServer, Request, Response

PAGE = 50
MAX_BATCH = 50
DEAL_STAGES = ["NEW", "PREPARATION", "PREPAYMENT_INVOICE", "EXECUTING", "FINAL_INVOICE", "WON", "LOSE", "APOLOGY"]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (openssl), to trust through ``REQUESTS_CA_BUNDLE``."""
    cert, key = folder / "portal.crt", folder / "portal.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return cert, key


def parse_php_query(query: str) -> dict[str, Any]:
    """``a[b][c]=1&d[]=2`` → ``{"a": {"b": {"c": "1"}}, "d": {"0": "2"}}`` (how PHP reads a batch command)."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        head, _, rest = key.partition("[")
        parts = [head] + ([p.rstrip("]") for p in ("[" + rest).split("[")[1:]] if rest else [])
        node = result
        for index, part in enumerate(parts):
            part = part or str(len(node))
            if index == len(parts) - 1:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return result


def _now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class ApiError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


@dataclass
class FakeBitrix24:
    user: str = "1"
    token: str = "s3cr3tw3bh00k"
    bucket: int = 50
    drain: float = 2.0
    storm: int = 0
    time_limited: dict[str, int] = field(default_factory=dict)
    items: dict[int, dict[int, dict[str, Any]]] = field(default_factory=lambda: {2: {}, 4: {}})
    requisites: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    log: list[tuple[float, str, int]] = field(default_factory=list)
    """(time, method, commands in it) for every request answered; rejected ones have method '!ERROR'."""
    rejected: list[str] = field(default_factory=list)
    _level: float = 0.0
    _last: float = field(default_factory=time.monotonic)
    _next_id: int = 100

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: LocalServer | None = None
        self.methods: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "crm.item.add": self._item_add, "crm.item.update": self._item_update, "crm.item.get": self._item_get,
            "crm.item.list": self._item_list, "crm.category.list": self._category_list,
            "crm.status.list": self._status_list, "crm.requisite.list": self._requisite_list,
            "crm.requisite.add": self._requisite_add, "tasks.task.add": self._task_add,
            "crm.timeline.comment.add": self._comment_add,
        }

    # -- server ------------------------------------------------------------------------------------------

    def start(self, folder: Path) -> FakeBitrix24:
        import ssl

        cert, key = self_signed_certificate(folder)
        self.ca_bundle = cert
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self._server = LocalServer(self._handle)
        self._server._httpd.socket = context.wrap_socket(self._server._httpd.socket, server_side=True)
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.stop()

    @property
    def host(self) -> str:
        assert self._server is not None
        host, port = self._server._httpd.server_address[:2]
        return f"{host}:{port}"

    def webhook(self, token: str | None = None) -> str:
        return f"https://{self.host}/rest/{self.user}/{token or self.token}/"

    # -- request handling --------------------------------------------------------------------------------

    def _handle(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        with self._lock:
            try:
                if len(parts) != 4 or parts[0] != "rest" or not parts[3].endswith(".json"):
                    raise ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
                if (parts[1], parts[2]) != (self.user, self.token):
                    raise ApiError(401, "INVALID_CREDENTIALS", "Invalid request credentials")
                method = parts[3].removesuffix(".json")
                self._admit(method)
                params = json.loads(request.body or b"{}")
                if method == "batch":
                    body = self._batch(params)
                    self.log.append((time.monotonic(), method, len(params.get("cmd") or {})))
                else:
                    body = self._call(method, params)
                    self.log.append((time.monotonic(), method, 1))
            except ApiError as error:
                self.rejected.append(error.error)
                payload = {"error": error.error, "error_description": error.description}
                return Response(error.status, json.dumps(payload).encode(), {"Content-Type": "application/json"})
        body["time"] = self._time()
        return Response(200, json.dumps(body, ensure_ascii=False).encode(), {"Content-Type": "application/json"})

    def _admit(self, method: str) -> None:
        now = time.monotonic()
        self._level = max(0.0, self._level - (now - self._last) * self.drain)
        self._last = now
        if self.storm > 0:
            self.storm -= 1
            raise ApiError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests")
        if self._level + 1 > self.bucket:
            raise ApiError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests")
        self._level += 1
        if self.time_limited.get(method, 0) > 0:
            self.time_limited[method] -= 1
            raise ApiError(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.")

    def _time(self) -> dict[str, Any]:
        moment = time.time()
        return {"start": moment, "finish": moment + 0.01, "duration": 0.01, "processing": 0.005,
                "date_start": _now(), "date_finish": _now(), "operating_reset_at": int(moment) + 600,
                "operating": 0.005}

    def _call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        handler = self.methods.get(method)
        if handler is None:
            raise ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
        return handler(params)

    def _batch(self, params: dict[str, Any]) -> dict[str, Any]:
        commands = params.get("cmd") or {}
        if len(commands) > MAX_BATCH:
            raise ApiError(400, "ERROR_BATCH_LENGTH_EXCEEDED", f"Max batch length exceeded ({MAX_BATCH})")
        out: dict[str, dict[str, Any]] = {k: {} for k in ("result", "result_error", "result_total", "result_next",
                                                           "result_time")}
        for key, command in commands.items():
            method, _, query = command.partition("?")
            try:
                answer = self._call(method, parse_php_query(query))
            except ApiError as error:
                out["result_error"][key] = {"error": error.error, "error_description": error.description}
                if params.get("halt") in (True, 1, "1", "true"):
                    break
                continue
            out["result"][key] = answer["result"]
            out["result_time"][key] = self._time()
            for name in ("total", "next"):
                if name in answer:
                    out[f"result_{name}"][key] = answer[name]
        return {"result": {k: (v or []) for k, v in out.items()}}

    # -- methods -----------------------------------------------------------------------------------------

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _entity(self, params: dict[str, Any]) -> dict[int, dict[str, Any]]:
        try:
            return self.items[int(params.get("entityTypeId", 0))]
        except (KeyError, ValueError):
            raise ApiError(400, "NOT_FOUND", "Smart process not found") from None

    def _item_add(self, params: dict[str, Any]) -> dict[str, Any]:
        items = self._entity(params)
        fields = dict(params.get("fields") or {})
        if not fields.get("title"):
            raise ApiError(400, "CRM_FIELD_ERROR_REQUIRED", "Field title is required")
        item_id = self._new_id()
        stamp = _now()
        item = {"id": item_id, "categoryId": 0, "stageId": "NEW", "assignedById": 1, **fields,
                "createdTime": stamp, "updatedTime": stamp}
        item["id"] = item_id
        items[item_id] = item
        return {"result": {"item": item}}

    def _item_update(self, params: dict[str, Any]) -> dict[str, Any]:
        items = self._entity(params)
        item = items.get(int(params.get("id", 0)))
        if item is None:
            raise ApiError(400, "NOT_FOUND", "Element not found")
        item.update(params.get("fields") or {})
        item["updatedTime"] = _now()
        return {"result": {"item": item}}

    def _item_get(self, params: dict[str, Any]) -> dict[str, Any]:
        item = self._entity(params).get(int(params.get("id", 0)))
        if item is None:
            raise ApiError(400, "NOT_FOUND", "Element not found")
        return {"result": {"item": item}}

    @staticmethod
    def _page(rows: list[Any], params: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
        start = int(params.get("start") or 0)
        extra: dict[str, Any] = {"total": len(rows)}
        if start + PAGE < len(rows):
            extra["next"] = start + PAGE
        return rows[start : start + PAGE], extra

    def _item_list(self, params: dict[str, Any]) -> dict[str, Any]:
        rows = list(self._entity(params).values())
        for key, value in (params.get("filter") or {}).items():
            if key in (">updatedTime", ">=updatedTime"):
                moment = datetime.fromisoformat(str(value))
                strict = key == ">updatedTime"
                rows = [r for r in rows if (datetime.fromisoformat(r["updatedTime"]) > moment
                                            or (not strict and datetime.fromisoformat(r["updatedTime"]) == moment))]
            elif key in ("@id", "id", "=id"):
                wanted = {int(v) for v in (value.values() if isinstance(value, dict) else
                                           value if isinstance(value, list) else [value])}
                rows = [r for r in rows if r["id"] in wanted]
            else:
                rows = [r for r in rows if str(r.get(key.lstrip("="))) == str(value)]
        order = params.get("order") or {"id": "ASC"}
        for name, direction in reversed(list(order.items())):
            rows.sort(key=lambda r, n=name: str(r.get(n)) if n != "id" else r["id"],
                      reverse=str(direction).upper() == "DESC")
        page, extra = self._page(rows, params)
        return {"result": {"items": page}, **extra}

    def _category_list(self, params: dict[str, Any]) -> dict[str, Any]:
        self._entity(params)
        category = {"id": 0, "name": "Общее", "sort": 100, "entityTypeId": int(params["entityTypeId"]),
                    "isDefault": "Y"}
        return {"result": {"categories": [category]}, "total": 1}

    def _status_list(self, params: dict[str, Any]) -> dict[str, Any]:
        entity = (params.get("filter") or {}).get("ENTITY_ID", "DEAL_STAGE")
        if entity != "DEAL_STAGE":
            return {"result": [], "total": 0}
        rows = [{"ID": str(i + 1), "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": code, "NAME": code.title(),
                 "SORT": str((i + 1) * 10), "CATEGORY_ID": "0",
                 "SEMANTICS": "S" if code == "WON" else "F" if code in ("LOSE", "APOLOGY") else None}
                for i, code in enumerate(DEAL_STAGES)]
        page, extra = self._page(rows, params)
        return {"result": page, **extra}

    def _requisite_list(self, params: dict[str, Any]) -> dict[str, Any]:
        wanted = params.get("filter") or {}
        rows = [r for r in self.requisites if all(str(r.get(k)) == str(v) for k, v in wanted.items())]
        page, extra = self._page(rows, params)
        return {"result": page, **extra}

    def _requisite_add(self, params: dict[str, Any]) -> dict[str, Any]:
        fields = params.get("fields") or {}
        if not fields.get("ENTITY_ID") or not fields.get("PRESET_ID"):
            raise ApiError(400, "ERROR_CORE", "Required fields ENTITY_ID, PRESET_ID")
        requisite = {"ID": str(self._new_id()), **{k: str(v) for k, v in fields.items()}}
        self.requisites.append(requisite)
        return {"result": int(requisite["ID"])}

    def _task_add(self, params: dict[str, Any]) -> dict[str, Any]:
        fields = params.get("fields") or {}
        if not fields.get("TITLE") or not fields.get("RESPONSIBLE_ID"):
            raise ApiError(400, "ERROR_CORE", "Не указан ответственный или название")
        task = {"id": str(self._new_id()), "title": fields["TITLE"], "deadline": fields.get("DEADLINE"),
                "responsibleId": str(fields["RESPONSIBLE_ID"]), "ufCrmTask": fields.get("UF_CRM_TASK")}
        self.tasks.append(task)
        return {"result": {"task": task}}

    def _comment_add(self, params: dict[str, Any]) -> dict[str, Any]:
        fields = params.get("fields") or {}
        if fields.get("ENTITY_TYPE") != "deal" or int(fields.get("ENTITY_ID", 0)) not in self.items[2]:
            raise ApiError(400, "NOT_FOUND", "Entity not found")
        comment = {"id": self._new_id(), **fields}
        self.comments.append(comment)
        return {"result": comment["id"]}

    # -- what a person does on the portal ----------------------------------------------------------------

    def edit_deal(self, deal_id: int, **fields: Any) -> None:
        with self._lock:
            self.items[2][deal_id].update(fields)
            self.items[2][deal_id]["updatedTime"] = _now()

    def deals(self) -> list[dict[str, Any]]:
        return list(self.items[2].values())

    def companies(self) -> list[dict[str, Any]]:
        return list(self.items[4].values())
