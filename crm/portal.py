"""The thin adapter over the official Bitrix24 SDK (b24pysdk): one incoming webhook, the portal's limits.

b24pysdk sends the requests, encodes batches and raises typed errors; it retries a 503 itself but has no
client-side rate limiter, so this adapter keeps the portal's leaky bucket (50 requests, then 2 a second) on its
side, waits out 429 ``OPERATION_TIME_LIMIT``, cuts batches at 50 commands and pages lists by 50. Every failure
the user can act on becomes :class:`CrmError` with one Russian line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from b24pysdk import BitrixWebhook
from b24pysdk.errors import (
    BitrixAPIError,
    BitrixAPIForbidden,
    BitrixAPIOperationTimeLimit,
    BitrixAPIServiceUnavailable,
    BitrixAPIUnauthorized,
    BitrixRequestError,
    BitrixResponseJSONDecodeError,
)

log = logging.getLogger(__name__)
MAX_BATCH = 50
PAGE = 50


class CrmError(Exception):
    """The CRM cannot be used now (down, overloaded, refusing the webhook); the message is for the user."""


class CrmRefused(CrmError):
    """The portal refuses the webhook (wrong URL or token, missing scope)."""


@dataclass
class Limits:
    bucket: int = 50
    """Requests the portal accepts at once..."""
    per_second: float = 2.0
    """...and how fast its bucket drains."""
    margin: int = 2
    """Slots kept free: the portal counts a request when it arrives, the client when it sends, so a slow answer
    followed by a quick one looks to the portal like less time drained than it looked here."""
    retries_503: int = 3
    retry_delay: float = 1.0
    time_limit_wait: float = 10.0
    """Seconds to wait after 429 OPERATION_TIME_LIMIT before trying the method again."""
    time_limit_retries: int = 2


class LeakyBucket:
    def __init__(self, size: int, per_second: float) -> None:
        self.size, self.per_second = size, per_second
        self.level, self.last = 0.0, time.monotonic()

    def take(self) -> float:
        """Wait until one more request fits; how long it waited."""
        now = time.monotonic()
        self.level = max(0.0, self.level - (now - self.last) * self.per_second)
        self.last = now
        wait = max(0.0, (self.level + 1 - self.size) / self.per_second)
        if wait:
            time.sleep(wait)
            self.level = max(0.0, self.level - wait * self.per_second)
            self.last = time.monotonic()
        self.level += 1
        return wait


def parse_webhook(url: str) -> tuple[str, str]:
    """``https://portal.bitrix24.ru/rest/1/abc/`` → (domain, "1/abc")."""
    parts = urlsplit(url.strip())
    path = [p for p in parts.path.split("/") if p]
    if parts.scheme != "https" or not parts.netloc or len(path) != 3 or path[0] != "rest" or not path[1].isdigit():
        raise CrmRefused("адрес вебхука Битрикс24 должен иметь вид https://ПОРТАЛ/rest/ID/КЛЮЧ/")
    return parts.netloc, f"{path[1]}/{path[2]}"


class Portal:
    def __init__(self, webhook_url: str, limits: Limits | None = None) -> None:
        domain, token = parse_webhook(webhook_url)
        self.domain = domain
        self.limits = limits or Limits()
        self.bucket = LeakyBucket(max(1, self.limits.bucket - self.limits.margin), self.limits.per_second)
        self.requests = 0
        try:
            self._token = BitrixWebhook(domain=domain, webhook_token=token)
        except ValueError as error:
            raise CrmRefused(f"адрес вебхука Битрикс24 неверен: {error}") from None

    def _send(self, send: Any, what: str) -> dict[str, Any]:
        for attempt in range(self.limits.time_limit_retries + 1):
            self.bucket.take()
            self.requests += 1
            try:
                return send(max_retries=self.limits.retries_503, initial_retry_delay=self.limits.retry_delay,
                            retry_delay_increment=self.limits.retry_delay)
            except BitrixAPIOperationTimeLimit:
                if attempt == self.limits.time_limit_retries:
                    raise CrmError(f"Битрикс24 ограничил время работы метода {what}; повторите позже") from None
                log.warning("%s: OPERATION_TIME_LIMIT, waiting %.1f s", what, self.limits.time_limit_wait)
                time.sleep(self.limits.time_limit_wait)
            except BitrixAPIError as error:
                raise _api_error(error, self.domain, what) from None
            except (BitrixRequestError, BitrixResponseJSONDecodeError, RuntimeError) as error:
                log.warning("%s failed: %r", what, error)
                raise CrmError(f"Битрикс24 ({self.domain}) недоступен или перегружен: {_short(error)}") from None
        raise AssertionError("unreachable")

    def call(self, method: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """One method; the whole response (``result``, ``total``, ``next``, ``time``)."""
        return self._send(lambda **kw: self._token.call_method(method, dict(params or {}), **kw), method)

    def batch(self, commands: Mapping[str, tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
        """Up to 50 commands in one request: key -> result. A failed command is a CrmError naming it."""
        results: dict[str, Any] = {}
        keys = list(commands)
        for start in range(0, len(keys), MAX_BATCH):
            chunk = {key: (commands[key][0], dict(commands[key][1])) for key in keys[start : start + MAX_BATCH]}
            answer = self._send(lambda chunk=chunk, **kw: self._token.call_batch(chunk, halt=False, **kw), "batch")
            body = answer.get("result") or {}
            errors = body.get("result_error") or {}
            if errors:
                key, error = next(iter(errors.items()))
                raise CrmError(f"Битрикс24 отклонил команду {commands[key][0]} ({key}): {_describe(error)}")
            results.update(body.get("result") or {})
        return results

    def list_all(self, method: str, params: Mapping[str, Any], key: str | None = None) -> Iterator[dict[str, Any]]:
        """Every row of a list method, page by page (50 a page, ``start`` = the previous answer's ``next``)."""
        start: int | None = 0
        while start is not None:
            answer = self.call(method, {**params, "start": start})
            result = answer.get("result")
            rows = result.get(key, []) if key and isinstance(result, dict) else result or []
            yield from rows
            start = answer.get("next")


def _short(error: BaseException) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__


def _describe(error: Any) -> str:
    if isinstance(error, dict):
        return f"{error.get('error')}: {error.get('error_description')}"
    return str(error)


def _api_error(error: BitrixAPIError, domain: str, what: str) -> CrmError:
    try:
        code = error.error
    except Exception:  # a payload the SDK cannot parse: name the class instead
        code = type(error).__name__
    if isinstance(error, BitrixAPIUnauthorized | BitrixAPIForbidden):
        return CrmRefused(f"Битрикс24 ({domain}) отклонил вебхук ({code}): проверьте его адрес и права crm, task")
    if isinstance(error, BitrixAPIServiceUnavailable):
        return CrmError(f"Битрикс24 ({domain}) перегружен (QUERY_LIMIT_EXCEEDED); синхронизация повторится позже")
    return CrmError(f"Битрикс24 ({domain}): метод {what} вернул ошибку {code}: {_short(error)}")
