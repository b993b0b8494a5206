"""Store-side builders: canonical notices, catalogue products, match rows and crawl runs written by us."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from store.models import CrawlRun, Match, NoticeMatch, Product
from store.notices import NoticeRepository
from store.schema import NoticeRecord


def notice_record(number: str, **overrides: Any) -> NoticeRecord:
    data: dict[str, Any] = {
        "source": "eis44",
        "number": number,
        "version": 1,
        "law": "44-FZ",
        "title": "Поставка коммутаторов для ЛВС",
        "url": f"https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber={number}",
        "procedure": "Электронный аукцион",
        "procedure_code": "EAP20",
        "status": "active",
        "platform": {"name": "РТС-тендер", "url": "https://www.rts-tender.ru"},
        "customer": {"name": "ГБУ «ЦИТ»", "inn": "7701234567", "region": "г. Москва"},
        "nmck": "1000000.00",
        "currency": "RUB",
        "published_at": "2026-11-18T10:00:00+03:00",
        "deadline_at": "2026-11-25T09:00:00+03:00",
        "auction_at": "2026-11-27T10:00:00+03:00",
        "application_security": {"amount": None, "percent": "1"},
        "contract_security": {"amount": "100000.00", "percent": "10"},
        "smp_only": True,
        "items": [
            {
                "index": 1,
                "name": "Коммутатор доступа 24 порта",
                "okpd2": "26.30.11.110",
                "quantity": "10",
                "unit": "шт",
                "unit_price": "98000.00",
                "sum": "980000.00",
                "national_regime": "restriction",
                "characteristics": [
                    {
                        "name": "Количество портов 1 Гбит/с",
                        "unit": "шт",
                        "kind": "range",
                        "min": "24",
                        "min_inclusive": True,
                    },
                    {"name": "Бюджет PoE", "unit": "Вт", "kind": "range", "min": "370", "min_inclusive": True},
                    {"name": "Поддержка L3", "kind": "values", "values": ["да"]},
                ],
            }
        ],
    }
    data.update(overrides)
    return NoticeRecord.model_validate(data)


def add_notice(session: Session, record: NoticeRecord) -> int:
    repo = NoticeRepository(session)
    repo.upsert(record)
    session.flush()
    return repo.find_by_number(record.number).id


def add_product(session: Session, sku: str, price: str, *, registry: str | None = "РЭ-1/22") -> None:
    session.add(
        Product(
            sku=sku,
            name=f"Коммутатор {sku}",
            vendor="Eltex",
            model=sku,
            category="switch",
            okpd2="26.30.11.110",
            ktru=None,
            price=price,
            country="Россия",
            registry_number=registry,
            record={"sku": sku, "name": f"Коммутатор {sku}", "price": price, "specs": []},
            content_hash=sku,
        )
    )


def add_match(
    session: Session,
    notice_id: int,
    seq: int,
    sku: str,
    *,
    score: int = 85,
    compliant: str = "no",
    failed: list[str] | None = None,
    unknown: list[str] | None = None,
    reasons: list[str] | None = None,
) -> None:
    session.add(
        NoticeMatch(
            notice_id=notice_id,
            notice_seq=seq,
            score=score,
            relevant=score >= 50,
            explanation={"reasons": reasons or ["позиции покрыты каталогом"]},
            catalogue_hash="c1",
        )
    )
    session.add(
        Match(
            notice_id=notice_id,
            notice_seq=seq,
            item_index=1,
            rank=1,
            sku=sku,
            score=score,
            compliant=compliant,
            failed=failed if failed is not None else ["Бюджет PoE"],
            unknown=unknown or [],
            explanation={},
        )
    )


def add_run(
    session: Session,
    source: str,
    started: datetime,
    status: str,
    items: int,
    *,
    error_rate: float = 0.0,
    reason: str = "finished",
) -> None:
    session.add(
        CrawlRun(
            source=source,
            started_at=started,
            finished_at=started,
            status=status,
            close_reason=reason,
            stats={
                "requests": items + 5,
                "responses": items + 5,
                "items": items,
                "new": items // 2,
                "updated": 1,
                "failed_requests": 0,
                "parse_errors": 1,
                "error_rate": error_rate,
            },
        )
    )
