"""Digest benchmark: N matched tenders (default 5,000) through the store, the renderer and Chromium.

Prints: store read (view model build), render time (target <= 5 s), file size, page load in Chromium, and the
time for a filter to update the page (target <= 200 ms), as the median of several filter changes measured
from the input event to the second animation frame after it (i.e. including style, layout and paint).

    .venv/bin/python benchmarks/digest.py [--tenders 5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.ics import render_ics
from digest.query import build_digest
from digest.render import render_digest
from store.db import init_db, session_scope
from store.models import CrawlRun, Match, Notice, NoticeMatch, Product
from store.notices import Incoming, NoticeRepository
from store.schema import NoticeRecord

OBJECTS = [
    ("Коммутатор доступа 24 порта 1 Гбит/с PoE+", "26.30.11.110", "Количество портов", "шт", 24),
    ("Маршрутизатор с поддержкой BGP", "26.30.11.120", "Пропускная способность", "Гбит/с", 10),
    ("Сервер стоечный 2U", "26.20.14.000", "Объем оперативной памяти", "ГБ", 256),
    ("Система хранения данных", "26.20.21.110", "Полезная емкость", "ТБ", 100),
    ('Ноутбук 15,6"', "26.20.11.110", "Объем оперативной памяти", "ГБ", 16),
    ("Персональный компьютер (АРМ)", "26.20.15.000", "Количество ядер процессора", "шт", 8),
    ('Монитор 27"', "26.20.17.110", "Диагональ", "дюйм", 27),
    ("Источник бесперебойного питания 3 кВА", "27.90.11.000", "Выходная мощность", "ВА", 3000),
    ("Точка доступа Wi-Fi 6", "26.30.11.190", "Скорость передачи", "Мбит/с", 2400),
    ("IP-телефон", "26.30.23.000", "Количество линий SIP", "шт", 4),
]
EXTRA = [
    "Гарантийный срок",
    "Поддержка PoE+",
    "Масса",
    "Потребляемая мощность",
    "Количество слотов",
    "Сертификат ФСТЭК",
]
REGIONS = [
    "г. Москва",
    "Московская область",
    "Санкт-Петербург",
    "Новосибирская область",
    "Республика Татарстан",
    "Свердловская область",
    "Краснодарский край",
    "Нижегородская область",
    "Ростовская область",
]
CUSTOMERS = [
    "ГБУ «ЦИТ»",
    "ФГБОУ ВО «Университет»",
    "ГКУ «Информационный город»",
    "АО «Региональные сети»",
    "МБОУ «Школа № 12»",
    "ГБУЗ «Городская больница № 3»",
]


def make_record(rng: random.Random, index: int, now: datetime) -> NoticeRecord:
    law = rng.choice(["44-FZ", "44-FZ", "44-FZ", "223-FZ"])
    number = f"03731000001260{index:05d}" if law == "44-FZ" else f"326{index:08d}"
    items = []
    total = Decimal(0)
    for line in range(1, rng.randint(1, 5) + 1):
        name, okpd2, char, unit, value = rng.choice(OBJECTS)
        quantity = rng.randint(1, 50)
        price = Decimal(rng.randint(5_000, 900_000))
        total += price * quantity
        characteristics = [{"name": char, "unit": unit, "kind": "range", "min": str(value), "min_inclusive": True}]
        for extra in rng.sample(EXTRA, rng.randint(2, 6)):
            characteristics.append({"name": extra, "kind": "values", "values": ["да"]})
        items.append(
            {
                "index": line,
                "name": name,
                "okpd2": okpd2,
                "quantity": str(quantity),
                "unit": "шт",
                "unit_price": str(price),
                "sum": str(price * quantity),
                "national_regime": rng.choice([None, "restriction", "restriction", "ban", "advantage"]),
                "characteristics": characteristics,
            }
        )
    deadline = now + timedelta(hours=rng.randint(2, 24 * 20))
    return NoticeRecord.model_validate(
        {
            "source": "eis44" if law == "44-FZ" else "eis223",
            "number": number,
            "version": 1,
            "law": law,
            "title": f"Поставка: {items[0]['name'].lower()} и сопутствующего оборудования",
            "url": f"https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber={number}",
            "procedure": "Электронный аукцион",
            "status": "active",
            "platform": {
                "name": rng.choice(["РТС-тендер", "Сбербанк-АСТ", "ЭТП ГПБ"]),
                "url": "https://www.rts-tender.ru",
            },
            "customer": {"name": rng.choice(CUSTOMERS), "inn": f"77{index:08d}", "region": rng.choice(REGIONS)},
            "nmck": str(total),
            "currency": "RUB",
            "published_at": (now - timedelta(days=rng.randint(1, 10))).isoformat(),
            "deadline_at": deadline.isoformat(),
            "auction_at": (deadline + timedelta(days=2)).isoformat(),
            "application_security": {"amount": None, "percent": "1"},
            "contract_security": {"amount": None, "percent": str(rng.choice([5, 10, 30]))},
            "smp_only": rng.random() < 0.4,
            "items": items,
        }
    )


def seed(url: str, tenders: int, now: datetime) -> float:
    rng = random.Random(42)
    started = time.perf_counter()
    engine = init_db(url)
    records = [make_record(rng, index, now) for index in range(tenders)]
    with session_scope(engine) as session:
        session.execute(
            insert(Product),
            [
                {
                    "sku": f"SKU-{i:04d}",
                    "name": f"{OBJECTS[i % len(OBJECTS)][0]} модель {i}",
                    "vendor": "Вендор",
                    "price": Decimal(rng.randint(4_000, 800_000)),
                    "country": rng.choice(["Россия", "Китай"]),
                    "registry_number": rng.choice([None, f"РЭ-{i}/24"]),
                    "record": {},
                    "content_hash": str(i),
                }
                for i in range(400)
            ],
        )
        repo = NoticeRepository(session)
        for start in range(0, tenders, 1000):
            repo.upsert_many([Incoming(record) for record in records[start : start + 1000]])
        rows = session.execute(select(Notice.source, Notice.number, Notice.id))
        notice_ids = {(source, number): notice_id for source, number, notice_id in rows}
        match_rows, notice_rows = [], []
        for record in records:
            notice_id = notice_ids[record.key]
            score = rng.randint(1, 100)
            notice_rows.append(
                {
                    "notice_id": notice_id,
                    "notice_seq": 1,
                    "score": score,
                    "relevant": score >= 50,
                    "explanation": {"reasons": ["покрытие позиций 80 %", "ОКПД2 совпадает"]},
                    "catalogue_hash": "bench",
                }
            )
            for item in record.items:
                names = [ch.name for ch in item.characteristics]
                failed = rng.sample(names, rng.choice([0, 0, 0, 1, 2]))
                unknown = [name for name in rng.sample(names, 1) if name not in failed and rng.random() < 0.3]
                match_rows.append(
                    {
                        "notice_id": notice_id,
                        "notice_seq": 1,
                        "item_index": item.index,
                        "rank": 1,
                        "sku": f"SKU-{rng.randint(0, 399):04d}",
                        "score": rng.randint(40, 100),
                        "compliant": "no" if failed else ("unknown" if unknown else "yes"),
                        "failed": failed,
                        "unknown": unknown,
                        "explanation": {},
                    }
                )
        session.execute(insert(NoticeMatch), notice_rows)
        for start in range(0, len(match_rows), 5000):
            session.execute(insert(Match), match_rows[start : start + 5000])
        for source in ("eis44", "eis223", "ocds"):
            for day in range(5, -1, -1):
                items = 40 if (source == "ocds" and day == 0) else 900
                session.add(
                    CrawlRun(
                        source=source,
                        started_at=now - timedelta(days=day, hours=5),
                        finished_at=now - timedelta(days=day, hours=4),
                        status="complete",
                        close_reason="finished",
                        stats={"requests": items + 20, "responses": items + 20, "items": items, "error_rate": 0.002},
                    )
                )
    return time.perf_counter() - started


FILTER_JS = """
async ([selector, action, value]) => {
  const element = document.querySelector(selector);
  const started = performance.now();
  if (action === 'fill') { element.value = value; element.dispatchEvent(new Event('input')); }
  else if (action === 'select') { element.value = value; element.dispatchEvent(new Event('change')); }
  else if (action === 'click') { element.click(); }
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [performance.now() - started, window.__digestFilterMs,
          document.getElementById('shown').textContent];
}
"""


def browser_figures(path: Path) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    from crawlers.browser import launch_options

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=120_000)
        load = time.perf_counter() - started
        steps = [
            ("#q", "fill", "коммутатор"),
            ("button.minb[data-min='70']", "click", ""),
            ("#q", "fill", ""),
            ("#region", "select", "г. Москва"),
            ("#law", "select", "223-FZ"),
            ("#days", "select", "3"),
            ("#ok", "click", ""),
            ("#reset", "click", ""),
            ("#q", "fill", "сервер"),
            ("#reset", "click", ""),
            ("button.minb[data-min='85']", "click", ""),
            ("#reset", "click", ""),
        ]
        frames, applies, visible = [], [], []
        for step in steps:
            frame_ms, apply_ms, shown = page.evaluate(FILTER_JS, list(step))
            frames.append(frame_ms)
            applies.append(apply_ms)
            visible.append(shown)
        idle = [page.evaluate(FILTER_JS, ["body", "none", ""])[0] for _ in range(5)]
        sort_ms = page.evaluate(FILTER_JS, ["#sort", "select", "deadline"])[0]
        browser.close()
    return {
        "load_s": load,
        "filter_frame_ms": frames,
        "filter_apply_ms": applies,
        "visible": visible,
        "sort_ms": sort_ms,
        "errors": errors,
        "idle_ms": statistics.median(idle),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenders", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the database and the page in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder}/bench.db"
    now = datetime.now(UTC)
    print(f"seeding {args.tenders} matched tenders into {url} ...", flush=True)
    print(f"  seed: {seed(url, args.tenders, now):.1f} s")

    engine = init_db(url)
    started = time.perf_counter()
    with session_scope(engine) as session:
        digest = build_digest(session, now=now)
    build = time.perf_counter() - started
    renders = []
    for _ in range(3):
        started = time.perf_counter()
        html = render_digest(digest)
        renders.append(time.perf_counter() - started)
    started = time.perf_counter()
    render_ics(digest)
    ics = time.perf_counter() - started
    out = folder / "digest.html"
    out.write_text(html, encoding="utf-8")
    size = out.stat().st_size
    print(
        f"tenders shown: {len(digest.cards)} (lines {sum(len(c.lines) for c in digest.cards)}), "
        f"closing soon {len(digest.closing_soon())}, source warnings {len(digest.health_warnings())}"
    )
    print(f"store read (view model of {len(digest.cards)} tenders): {build:.2f} s; calendar: {ics:.2f} s")
    print(f"render only: median {statistics.median(renders):.2f} s (target <= 5 s)")
    print(f"file size: {size / 1e6:.1f} MB ({size / max(len(digest.cards), 1) / 1024:.1f} KB per tender)")

    figures = browser_figures(out)
    print(f"Chromium load: {figures['load_s']:.2f} s; console errors: {len(figures['errors'])}")
    frames = figures["filter_frame_ms"]
    print(
        f"filter update (input -> 2nd frame): median {statistics.median(frames):.0f} ms, "
        f"max {max(frames):.0f} ms (target <= 200 ms)"
    )
    print(f"two idle frames (baseline of that measure on this machine now): {figures['idle_ms']:.0f} ms")
    print(f"filter logic only: median {statistics.median(figures['filter_apply_ms']):.0f} ms")
    print(f"re-sort by deadline: {figures['sort_ms']:.0f} ms")
    print(f"found per step: {figures['visible']}")
    print(f"files kept in {folder}" if args.keep else f"files in {folder} (temporary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
