"""``tenderflow export notices|matches|outcomes|pipeline --format jsonl|csv|xlsx --out FILE`` (contracts 4.1, 4.3, 4.5,
4.6)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenderflow.console import fail, progress, result

if TYPE_CHECKING:
    from store.schema import NoticeRecord

NOTICE_COLUMNS = [
    "source", "number", "version", "law", "status", "title", "url", "procedure", "procedure_code",
    "platform_name", "platform_url", "customer_name", "customer_inn", "region", "nmck", "currency",
    "published_at", "deadline_at", "application_security_amount", "application_security_percent",
    "contract_security_amount", "contract_security_percent", "warranty_security_amount",
    "warranty_security_percent", "advance_percent", "smp_only", "delivery_place", "ikz", "items",
    "okpd2", "ktru", "national_regime", "documents",
]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="выгрузить извещения или результаты подбора")
    parser.add_argument("what", choices=["notices", "matches", "outcomes", "pipeline"])
    parser.add_argument("--format", choices=["jsonl", "csv", "xlsx"], default="jsonl")
    parser.add_argument("--out", required=True, help="файл для выгрузки")
    parser.add_argument("--top", type=int, default=3, help="кандидатов на строку (matches)")
    parser.set_defaults(handler=run)


def notice_row(record: NoticeRecord) -> dict[str, Any]:
    """One CSV/XLSX row per notice: the record flattened, lines summarised."""
    row: dict[str, Any] = {key: value for key, value in record.to_json_dict().items() if key in NOTICE_COLUMNS}
    platform, customer = record.platform, record.customer
    row.update(
        platform_name=platform.name if platform else None,
        platform_url=platform.url if platform else None,
        customer_name=customer.name if customer else None,
        customer_inn=customer.inn if customer else None,
        region=customer.region if customer else None,
        items=len(record.items),
        okpd2=";".join(sorted({item.okpd2 for item in record.items if item.okpd2})),
        ktru=";".join(sorted({item.ktru for item in record.items if item.ktru})),
        national_regime=";".join(sorted({item.national_regime for item in record.items if item.national_regime})),
        documents=len(record.documents),
    )
    for kind in ("application", "contract", "warranty"):
        security = getattr(record, f"{kind}_security")
        row[f"{kind}_security_amount"] = security.amount if security else None
        row[f"{kind}_security_percent"] = security.percent if security else None
    return row


def export_notices(session: Any, fmt: str, out: Path) -> int:
    from store.notices import NoticeRepository
    from store.tabular import write_csv, write_jsonl, write_xlsx  # openpyxl loads when writing XLSX only

    repository = NoticeRepository(session)
    records = progress(repository.iter_current(), repository.count(), "Выгрузка извещений")
    if fmt == "jsonl":
        return write_jsonl(out, (record.to_json_dict() for record in records))
    rows = (notice_row(record) for record in records)
    writer = write_csv if fmt == "csv" else write_xlsx
    return writer(out, NOTICE_COLUMNS, rows)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        fail(f"нет папки для выгрузки: {out.parent}")
    from store.db import database_url, init_db, session_scope

    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        if args.what == "notices":
            count = export_notices(session, args.format, out)
        elif args.what == "pipeline":
            from pipeline.export import export_pipeline
            from tenderflow.config import load_config

            count = export_pipeline(session, args.format, out, load_config(None).pipeline)
        elif args.what == "outcomes":
            from store.outcome_export import export_outcomes

            count = export_outcomes(session, args.format, out)
        else:
            from matching.export import export_matches

            count = export_matches(session, args.format, out, top=args.top)
    result(f"Выгружено записей: {count} → {out}", records=count, out=str(out))
    return 0
