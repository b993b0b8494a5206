"""View-model builders for renderer tests: realistic ICT tenders written by us, no store needed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from digest.model import (
    Change,
    Digest,
    DocumentView,
    LineView,
    RequirementView,
    SecurityView,
    SourceHealth,
    TenderCard,
)

MSK = timezone(timedelta(hours=3))
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=MSK)


def switch_line(index: int = 1, *, compliant: str = "yes", regime: str | None = "restriction") -> LineView:
    failed = []
    if compliant == "no":
        failed = [RequirementView("Бюджет PoE", "≥ 370 Вт", "у товара 185 Вт")]
    return LineView(
        index=index,
        name="Коммутатор доступа 24 порта 1 Гбит/с PoE+",
        quantity=Decimal("10"),
        unit="шт",
        unit_price=Decimal("98000.00"),
        line_sum=Decimal("980000.00"),
        national_regime=regime,
        okpd2="26.30.11.110",
        requirements_total=6,
        sku="ELT-MES2428P",
        product_name="Коммутатор Eltex MES2428P",
        product_vendor="Eltex",
        product_price=Decimal("86500.00"),
        product_country="Россия",
        product_registry="РЭ-1234/22",
        match_score=91,
        compliant=compliant,
        met=6 - len(failed),
        failed=failed,
    )


def make_card(
    number: str = "0373100000126000101",
    *,
    title: str = "Поставка коммутаторов для ЛВС",
    score: int = 88,
    region: str = "г. Москва",
    law: str = "44-FZ",
    deadline_in: timedelta | None = timedelta(days=2, hours=4),
    compliant: str = "yes",
    is_new: bool = False,
    changes: list[Change] | None = None,
    lines: list[LineView] | None = None,
    notice_id: int | None = None,
) -> TenderCard:
    return TenderCard(
        notice_id=notice_id if notice_id is not None else int(number[-6:]),
        source="eis44",
        number=number,
        title=title,
        url=f"https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber={number}",
        law=law,
        procedure="Электронный аукцион",
        version=1,
        customer_name="ГБУ «Городской центр информационных технологий»",
        customer_inn="7701234567",
        region=region,
        platform_name="РТС-тендер",
        platform_url="https://www.rts-tender.ru",
        nmck=Decimal("1234567.89"),
        currency="RUB",
        published_at=NOW - timedelta(days=5),
        deadline_at=None if deadline_in is None else NOW + deadline_in,
        auction_at=None if deadline_in is None else NOW + deadline_in + timedelta(days=2),
        application_security=SecurityView(percent=Decimal("1"), amount=Decimal("12345.68")),
        contract_security=SecurityView(percent=Decimal("10"), amount=Decimal("123456.79")),
        smp_only=True,
        score=score,
        relevant=score >= 50,
        reasons=["все позиции покрыты каталогом", "ОКПД2 совпадает"],
        lines=lines if lines is not None else [switch_line(compliant=compliant)],
        is_new=is_new,
        changes=changes or [],
    )


def make_digest(cards: list[TenderCard], health: list[SourceHealth] | None = None) -> Digest:
    return Digest(
        generated_at=NOW,
        cards=cards,
        health=health
        if health is not None
        else [
            SourceHealth(
                source="eis44",
                status="complete",
                started_at=NOW - timedelta(hours=6),
                finished_at=NOW - timedelta(hours=5),
                pages=1200,
                notices=950,
                new=120,
                updated=30,
                errors=3,
                error_rate=0.0025,
                last_success_at=NOW - timedelta(hours=5),
            )
        ],
        since=NOW - timedelta(days=1),
        since_label="22.11.2026 08:00 МСК",
        closing_days=3,
        digest_id="d-test",
    )


def sample_digest() -> Digest:
    """A small but varied digest: closing soon, new, amended, failing and hostile-free cards, two sources."""
    cards = [
        make_card(is_new=True),
        make_card(
            "0173200001426000555",
            title="Поставка серверного оборудования",
            score=64,
            region="Новосибирская область",
            deadline_in=timedelta(days=9),
            compliant="no",
            changes=[Change("Срок подачи", "25.11.2026 09:00 МСК", "02.12.2026 09:00 МСК")],
        ),
        make_card(
            "32615012345",
            title="Источники бесперебойного питания",
            score=42,
            law="223-FZ",
            region="Санкт-Петербург",
            deadline_in=timedelta(hours=20),
            is_new=True,
        ),
    ]
    health = [
        *make_digest([]).health,
        SourceHealth(
            source="ocds",
            status="failed",
            started_at=NOW - timedelta(hours=6),
            pages=3,
            notices=0,
            errors=3,
            error_rate=1.0,
            last_success_at=NOW - timedelta(days=3),
            close_reason="HTTP 503",
            warnings=["последний запуск завершился сбоем"],
        ),
    ]
    return make_digest(cards, health)


HOSTILE = (
    '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">'
    '" onmouseover="window.__pwned=3;alert(3)" x="'
)


def hostile_card() -> TenderCard:
    """A notice whose every free-text field tries to break out of HTML."""
    line = switch_line(compliant="no")
    line.name = f"Позиция {HOSTILE}"
    line.failed = [RequirementView(f"Характеристика {HOSTILE}", HOSTILE, HOSTILE)]
    card = make_card("0000000000000000666", title=f"Закупка {HOSTILE}", region=f"Регион {HOSTILE}", lines=[line])
    card.url = "javascript:window.__pwned=4"
    card.platform_url = "data:text/html,<script>window.__pwned=5</script>"
    card.customer_name = HOSTILE
    card.reasons = [HOSTILE]
    card.changes = [Change(HOSTILE, HOSTILE, HOSTILE)]
    card.documents = [DocumentView(HOSTILE, "javascript:window.__pwned=6", "unreadable", HOSTILE)]
    return card
