"""Users of ``tenderflow serve``: name, role, Argon2 password hash (made by the caller), failed-login lockout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import utcnow
from store.pipeline_models import User


@dataclass(frozen=True, slots=True)
class UserInfo:
    name: str
    role: str
    password_hash: str
    crm_user_id: str | None
    failed_logins: int
    locked_until: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(user.name, user.role, user.password_hash, user.crm_user_id, user.failed_logins,
                    user.locked_until)


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, name: str) -> UserInfo | None:
        user = self._row(name)
        return _info(user) if user else None

    def _row(self, name: str) -> User | None:
        return self.session.scalar(select(User).where(User.name == name))

    def save(self, name: str, role: str, password_hash: str, crm_user_id: str | None = None) -> bool:
        """Create the user or replace its role and password; True when created."""
        user = self._row(name)
        created = user is None
        if user is None:
            user = User(name=name, created_at=utcnow(), failed_logins=0)
            self.session.add(user)
        user.role, user.password_hash, user.failed_logins, user.locked_until = role, password_hash, 0, None
        if crm_user_id is not None:
            user.crm_user_id = crm_user_id
        self.session.flush()
        return created

    def all(self) -> list[UserInfo]:
        return [_info(user) for user in self.session.scalars(select(User).order_by(User.name))]

    def failed(self, name: str, limit: int, lock_until: datetime) -> None:
        """Count a failed login; at ``limit`` failures in a row the account is locked until ``lock_until``."""
        user = self._row(name)
        if user is None:
            return
        user.failed_logins += 1
        if user.failed_logins >= limit:
            user.locked_until, user.failed_logins = lock_until, 0
        self.session.flush()

    def succeeded(self, name: str, password_hash: str | None = None) -> None:
        user = self._row(name)
        if user is None:
            return
        user.failed_logins, user.locked_until = 0, None
        if password_hash:  # a rehash with current parameters
            user.password_hash = password_hash
        self.session.flush()
