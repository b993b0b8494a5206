"""Links between a TED contract award notice and the contract notice of its procedure (eForms BT-04
``ContractFolderID``): both kinds of notice of a procedure are recorded here by procedure identifier.

A contract award notice is a TED publication of its own, so its outcome documents first stand under its own
number. Once the contract notice of the same procedure is known (before or after), they are moved to the
contract notice's number: the outcome is that notice's, whatever order the two arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import PrimaryKeyConstraint, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from store.models import Base
from store.notices import _insert


class ProcedureNotice(Base):
    """One notice of an eForms procedure: ``role`` ``notice`` (the contract notice) or ``award`` (a contract
    award notice whose outcome documents belong to the contract notice)."""

    __tablename__ = "procedure_notices"
    __table_args__ = (PrimaryKeyConstraint("procedure_id", "role", "number", name="pk_procedure_notices"),)

    procedure_id: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(120))


_TABLE = ProcedureNotice.__table__


def record(session: Session, rows: Iterable[tuple[str, str, str]]) -> None:
    """Record (procedure id, role, number) rows; known ones are kept as they are."""
    values = [{"procedure_id": p, "role": role, "number": n} for p, role, n in sorted(set(rows))]
    if values:
        session.execute(_insert(session, _TABLE).on_conflict_do_nothing(), values)


def numbers(session: Session, procedures: Iterable[str], role: str) -> dict[str, list[str]]:
    """Procedure id -> the numbers recorded in ``role`` (``notice`` or ``award``), in number order."""
    found: dict[str, list[str]] = {}
    wanted = sorted(set(procedures))
    for start in range(0, len(wanted), 400):
        query = select(_TABLE.c.procedure_id, _TABLE.c.number).where(
            _TABLE.c.procedure_id.in_(wanted[start : start + 400]), _TABLE.c.role == role
        )
        for procedure, number in session.execute(query):
            found.setdefault(procedure, []).append(number)
    return {procedure: sorted(found_numbers, key=_publication_order) for procedure, found_numbers in found.items()}


def _publication_order(number: str) -> tuple[int, int, str]:
    """TED publication numbers (``702145-2026``) in publication order: by year, then number."""
    serial, _, year = number.rpartition("-")
    if serial.isdigit() and year.isdigit():
        return int(year), int(serial), number
    return 10**6, 0, number


__all__ = ["ProcedureNotice", "numbers", "record"]
