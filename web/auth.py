"""Users and logins: Argon2 hashes (pwdlib), a lockout after repeated failures, roles."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from store.pipeline import Session
from store.users import UserInfo, UserRepository

ROLES = ("specialist", "head")
MIN_PASSWORD_LENGTH = 12
"""ASVS 2.1.1: at least 12 characters."""

_HASHER = PasswordHash((Argon2Hasher(),))
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class LoginError(Exception):
    """The message shown on the login page."""


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"пароль короче {MIN_PASSWORD_LENGTH} символов")
    return _HASHER.hash(password)


@dataclass
class LoginPolicy:
    max_failures: int = 5
    """Failed logins in a row (per user) before the account is locked, and per client address per window."""
    lock_minutes: int = 15


class AddressThrottle:
    """Failed logins per client address in a sliding window (in memory: one `serve` process)."""

    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit, self.window = limit, window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, address: str) -> bool:
        failures = self._failures[address]
        cutoff = time.monotonic() - self.window
        while failures and failures[0] < cutoff:
            failures.popleft()
        return len(failures) >= self.limit * 4

    def failed(self, address: str) -> None:
        self._failures[address].append(time.monotonic())


def authenticate(session: Session, name: str, password: str, policy: LoginPolicy) -> UserInfo:
    """The user, or LoginError with one message for a wrong name and a wrong password alike."""
    users = UserRepository(session)
    user = users.get(name)
    now = datetime.now(UTC)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        raise LoginError("Слишком много неудачных попыток входа. Попробуйте позже.")
    if user is None:
        _HASHER.verify(password, _DUMMY_HASH)  # the same time for an unknown name
        raise LoginError("Неверное имя пользователя или пароль.")
    valid, new_hash = _HASHER.verify_and_update(password, user.password_hash)
    if not valid:
        users.failed(name, policy.max_failures, now + timedelta(minutes=policy.lock_minutes))
        raise LoginError("Неверное имя пользователя или пароль.")
    users.succeeded(name, new_hash)
    return user
