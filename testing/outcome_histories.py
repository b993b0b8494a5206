"""Outcome histories for the analytics tests, benchmark and checks (issue 22): notices (contract 4.1) with the
protocol and contract documents that decide them (parsed form, :class:`store.outcome_schema.OutcomeDocument`),
with winning discounts drawn from a distribution the caller knows, and contracts with execution stages paid on
time, late or never.

:func:`store_cases` writes them through the real store path (notices upserted, outcome documents stored and
outcomes derived); :func:`fact_rows_corpus` yields fact rows directly for the 500,000-outcome benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from store.notices import Incoming, NoticeRepository
from store.outcome_schema import ContractInfo, Execution, Offer, OutcomeDocument, Party
from store.outcomes import OutcomeRepository
from store.pipeline import Session
from store.schema import NoticeRecord

CENT = Decimal("0.01")
REGIONS = ("г. Москва", "Московская обл.", "г. Санкт-Петербург", "Свердловская обл.", "Республика Татарстан")
GROUPS = ("26.20", "26.30", "26.40", "27.32", "62.01", "58.29")
PROCEDURES = ("EAP20", "EZK20", "OK20")


@dataclass
class Case:
    """One finished procedure: the notice and the documents that decide it."""

    notice: NoticeRecord
    documents: list[OutcomeDocument] = field(default_factory=list)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=UTC)


def notice(number: str, *, nmck: Decimal, okpd2: str = "26.30.11.110", procedure_code: str = "EAP20",
           region: str = "г. Москва", customer_inn: str = "7701234567", customer_name: str = "ГБУ «ЦИТ»",
           published: date = date(2026, 6, 1), title: str = "Поставка коммутаторов") -> NoticeRecord:
    return NoticeRecord.model_validate({
        "source": "eis44", "number": number, "version": 1, "law": "44-FZ", "title": title,
        "procedure": "Электронный аукцион", "procedure_code": procedure_code, "status": "closed",
        "customer": {"name": customer_name, "inn": customer_inn, "region": region},
        "nmck": str(nmck), "currency": "RUB", "published_at": _moment(published).isoformat(),
        "deadline_at": _moment(published + timedelta(days=10)).isoformat(),
        "items": [{"index": 1, "name": title, "okpd2": okpd2, "quantity": "1", "unit": "шт",
                   "unit_price": str(nmck), "sum": str(nmck)}],
    })


def protocol(number: str, decided: date, bidders: Sequence[tuple[str, str, Decimal]]) -> OutcomeDocument:
    """A summing-up protocol: bidders (name, INN, final offer) ranked by offer, the lowest wins."""
    ranked = sorted(bidders, key=lambda bidder: bidder[2])
    offers = [Offer(application=str(place), name=name, inn=inn, offer=str(price), admitted=True, place=place)
              for place, (name, inn, price) in enumerate(ranked, start=1)]
    return OutcomeDocument(
        family="protocol", doc_type="epProtocolEF2020Final", law="44-FZ", notice_number=number,
        number=f"P-{number}", published_at=_moment(decided).isoformat(), decided_at=decided.isoformat(),
        result="decided", offers=offers,
    )


def contract(number: str, signed: date, supplier: tuple[str, str], price: Decimal,
             stages: Sequence[tuple[date, Decimal, date | None]] = ()) -> OutcomeDocument:
    """A contract signed with ``supplier`` (name, INN), with execution stages (due, amount, paid or None)."""
    reg = f"3{number[-18:]:0>18}"
    execution = [Execution(due=due.isoformat(), amount=str(amount), paid_at=paid.isoformat() if paid else None)
                 for due, amount, paid in stages]
    return OutcomeDocument(
        family="contract", doc_type="contract", law="44-FZ", notice_number=number, contract_reg_number=reg,
        number=reg, published_at=_moment(signed).isoformat(), decided_at=signed.isoformat(), result="decided",
        contract=ContractInfo(reg_number=reg, price=str(price), currency="RUB", signed_at=signed.isoformat(),
                              supplier=Party(name=supplier[0], inn=supplier[1]), execution=execution),
    )


def discount_history(n: int, draw: Callable[[random.Random], float], *, seed: int = 0, prefix: str = "0373",
                     **notice_fields: Any) -> list[Case]:
    """``n`` awarded procedures alike in goods, procedure and region whose winning discounts (percent of the
    NMCK) are drawn by ``draw``; NMCK between 1 and 3 million (one band of ``analytics.price``)."""
    rng = random.Random(seed)
    cases = []
    for index in range(n):
        number = f"{prefix}{seed:04d}{index:08d}"
        nmck = Decimal(rng.randrange(1_000_000_00, 2_999_999_00)) / 100
        discount = Decimal(str(min(max(draw(rng), 0.0), 95.0)))
        price = (nmck * (100 - discount) / 100).quantize(CENT)
        second = min(nmck, (price * Decimal("1.03")).quantize(CENT))
        decided = date(2026, 1, 10) + timedelta(days=index % 300)
        record = notice(number, nmck=nmck, published=decided - timedelta(days=20), **notice_fields)
        bidders = [("ООО «Победа»", f"77{index % 97:08d}", price), ("ООО «Второе место»", "7800000002", second)]
        cases.append(Case(record, [protocol(number, decided, bidders)]))
    return cases


def store_cases(session: Session, cases: Sequence[Case]) -> None:
    """Through the real store: notices upserted, then their outcome documents stored (outcomes derived)."""
    NoticeRepository(session).upsert_many([Incoming(case.notice) for case in cases])
    documents = [document for case in cases for document in case.documents]
    for start in range(0, len(documents), 2000):
        OutcomeRepository(session).store(documents[start : start + 2000])


def fact_rows_corpus(n: int, *, seed: int = 0, company_inn: str = "7719402618",
                     today: date = date(2026, 12, 7)) -> Iterator[tuple[dict, list[dict], list[dict]]]:
    """``n`` decided purchases as fact rows (``store.analytics_models``), two years back from ``today``:
    six goods groups, three procedures, five regions, 2,000 customers, 300 suppliers (the company one of
    them), 2-4 participants each, a contract with two payment stages for every second one."""
    rng = random.Random(seed)
    for index in range(n):
        number = f"9{seed:03d}{index:09d}"
        nmck = Decimal(rng.randrange(100_000, 30_000_000))
        discount = Decimal(str(round(min(max(rng.gauss(12, 6), 0), 60), 2)))
        price = (nmck * (100 - discount) / 100).quantize(CENT)
        decided = today - timedelta(days=rng.randrange(730))
        published = decided - timedelta(days=20)
        group = rng.choice(GROUPS)
        customer = f"77{rng.randrange(2000):08d}"
        winner = company_inn if rng.random() < 0.02 else f"50{rng.randrange(300):08d}"
        contracted = index % 2 == 0
        purchase = {
            "notice_number": number, "law": "44-FZ", "title": f"Поставка оборудования №{index}",
            "customer_inn": customer, "customer_name": f"Заказчик {customer}", "region": rng.choice(REGIONS),
            "okpd2": f"{group}.11.110", "okpd2_group": group, "procedure_code": rng.choice(PROCEDURES),
            "procedure": "Электронный аукцион", "nmck": nmck, "currency": "RUB",
            "published_on": published, "published_month": published.isoformat()[:7],
            "relevant": rng.random() < 0.1, "outcome": "contracted" if contracted else "awarded",
            "outcome_reason": None, "decided_on": decided, "decided_month": decided.isoformat()[:7],
            "winner_inn": winner, "winner_name": f"Поставщик {winner}", "winning_price": price,
            "discount": discount, "participants": 2, "contract_price": price if contracted else None,
            "supplier_inn": winner if contracted else None,
        }
        participants = [
            {"notice_number": number, "inn": winner, "name": f"Поставщик {winner}", "offer": price, "place": 1,
             "admitted": True},
            {"notice_number": number, "inn": f"50{rng.randrange(300):08d}", "name": "Соперник",
             "offer": (price * Decimal("1.02")).quantize(CENT), "place": 2, "admitted": True},
        ]
        payments = []
        if contracted:
            half = (price / 2).quantize(CENT)
            for due, amount in ((decided + timedelta(days=30), half), (decided + timedelta(days=90), price - half)):
                paid = None if rng.random() < 0.2 else due + timedelta(days=rng.randrange(-5, 40))
                payments.append({
                    "notice_number": number, "contract_reg_number": f"R{number}", "supplier_inn": winner,
                    "customer_inn": customer, "customer_name": f"Заказчик {customer}", "due_on": due,
                    "amount": amount, "paid_on": paid if paid and paid <= today else None,
                })
        yield purchase, participants, payments
