"""Build the digest's view model from the store.

Reads ``notices`` (the current record), ``notice_versions`` (what changed since the reader last saw it),
``notice_matches`` (score, relevance, why), ``matches`` (the best product per line), ``products``,
``crawl_runs`` (source health) and ``digest_views`` (what earlier digests showed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from digest import format as fmt
from digest.diff import diff_records
from digest.explained import notice_reasons, to_check
from digest.health import source_health
from digest.model import Digest, DocumentView, LineView, RequirementView, SecurityView, TenderCard
from digest.outcomes import outcome_views, without_decided
from digest.settings import DigestSettings
from matching.attachments import with_attachment_requirements
from matching.regime import regime_fit
from store.db import Session
from store.digest_reads import DigestReads, Row
from store.digest_views import DigestViewRepository
from store.schema import NoticeRecord
from store.schema import Product as SchemaProduct

log = logging.getLogger(__name__)

_CLOSED = ("cancelled", "closed")


@dataclass(frozen=True)
class Since:
    """What "new" is measured against: the last digest (``moment=None`` → use the store) or a date."""

    moment: datetime | None = None

    @classmethod
    def parse(cls, value: str | None) -> Since:
        """``"last"`` / ``None`` → since the last digest; ``"2026-11-20"`` or an ISO timestamp → since then."""
        if value is None or value.strip().lower() in ("", "last"):
            return cls()
        text = value.strip()
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=fmt.MOSCOW)
        return cls(moment)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _security(data: dict[str, Any] | None, nmck: Decimal | None) -> SecurityView:
    if not data:
        return SecurityView()
    percent, amount = fmt.to_decimal(data.get("percent")), fmt.to_decimal(data.get("amount"))
    if amount is None and percent is not None and nmck is not None:
        computed = (nmck * percent / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return SecurityView(percent=percent, amount=computed, computed=True)
    return SecurityView(percent=percent, amount=amount)


def _checks(explanation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The matcher's per-requirement verdicts (``matching.compliance.Verdict.to_dict``) by requirement name."""
    entries = explanation.get("requirements") if isinstance(explanation, dict) else None
    if not isinstance(entries, list):
        return {}
    return {entry["name"]: entry for entry in entries if isinstance(entry, dict) and entry.get("name")}


def _regime_note(regime: str | None, match: Row[Any], product: Row[Any] | None) -> str | None:
    """The matcher's national-regime note for the offered product (``matching.regime``)."""
    note = (match.explanation or {}).get("regime")
    if isinstance(note, str) and note:
        return note
    if product is None or regime is None:
        return None
    offered = SchemaProduct(
        sku=product.sku, name=product.name, price=str(product.price), country=product.country,
        registry_number=product.registry_number,
    )  # fmt: skip
    return regime_fit(regime, offered).note


def _line(item: dict[str, Any], match: Row[Any] | None, product: Row[Any] | None) -> LineView:
    characteristics = {ch["name"]: ch for ch in item.get("characteristics") or []}
    line = LineView(
        index=item["index"],
        name=item.get("name") or "",
        quantity=fmt.to_decimal(item.get("quantity")),
        unit=item.get("unit"),
        unit_price=fmt.to_decimal(item.get("unit_price")),
        line_sum=fmt.to_decimal(item.get("sum")),
        national_regime=item.get("national_regime"),
        okpd2=item.get("okpd2"),
        ktru=item.get("ktru"),
        requirements_total=len(characteristics),
    )
    if match is None:
        return line
    checks = _checks(match.explanation or {})

    def requirement(name: str) -> RequirementView:
        check = checks.get(name, {})
        characteristic = characteristics.get(name)
        text = check.get("required") or (fmt.format_requirement(characteristic) if characteristic else "")
        reason = check.get("reason")
        offered = check.get("offered")
        if offered and offered not in (reason or ""):
            reason = f"{reason}; у товара: {offered}" if reason else f"у товара: {offered}"
        return RequirementView(name, text, reason, (characteristic or {}).get("origin"))

    line.sku = match.sku
    line.match_score = match.score
    line.compliant = match.compliant
    line.failed = [requirement(name) for name in match.failed or []]
    line.unknown = [requirement(name) for name in match.unknown or []]
    decided = len(line.failed) + len(line.unknown)
    if checks:
        line.met = sum(1 for check in checks.values() if check.get("status") == "yes")
        line.requirements_total = max(len(checks), line.met + decided)
    else:
        line.met = max(line.requirements_total - decided, 0)
        line.requirements_total = max(line.requirements_total, line.met + decided)
    line.regime_warning = _regime_note(line.national_regime, match, product)
    if product is not None:
        line.product_name = product.name
        line.product_vendor = product.vendor
        line.product_price = product.price
        line.product_country = product.country
        line.product_registry = product.registry_number
    else:
        line.product_name = (match.explanation or {}).get("product_name") or f"товар {match.sku} (нет в каталоге)"
    return line


def _document(name: str, url: str | None, attachment: Row[Any] | None) -> DocumentView:
    if attachment is None:
        return DocumentView(name=name, url=url)
    requirements = attachment.requirements if isinstance(attachment.requirements, list) else []
    return DocumentView(name, url, attachment.status, attachment.reason, len(requirements))


def _card(row: Row[Any], notice_checks: Callable[[dict[str, Any]], list[str]] | None = None) -> TenderCard:
    """A card from a ``_matched`` row (notice columns and its notice-level match)."""
    record = row.record
    nmck = fmt.to_decimal(record.get("nmck"))
    customer = record.get("customer") or {}
    platform = record.get("platform") or {}
    return TenderCard(
        notice_id=row.id,
        source=row.source,
        number=row.number,
        title=record.get("title"),
        url=record.get("url"),
        law=record.get("law"),
        procedure=record.get("procedure"),
        status=record.get("status") or "active",
        version=record.get("version"),
        seq=row.seq,
        customer_name=customer.get("name"),
        customer_inn=customer.get("inn"),
        region=customer.get("region"),
        platform_name=platform.get("name"),
        platform_url=platform.get("url"),
        nmck=nmck,
        currency=record.get("currency") or "RUB",
        published_at=fmt.parse_timestamp(record.get("published_at")),
        deadline_at=fmt.parse_timestamp(record.get("deadline_at")),
        **{key: fmt.parse_moment(record.get(key)) for key in ("auction_at", "review_at", "summary_at")},
        application_security=_security(record.get("application_security"), nmck),
        contract_security=_security(record.get("contract_security"), nmck),
        advance_percent=fmt.to_decimal(record.get("advance_percent")),
        smp_only=record.get("smp_only"),
        delivery_place=record.get("delivery_place"),
        score=row.score,
        relevant=row.relevant,
        possible=bool(row.possible),
        to_check=to_check(row.explanation, record),
        reasons=notice_reasons(row.explanation),
        match_stale=row.notice_seq != row.seq,
        checks=notice_checks(record) if notice_checks else [],
    )


class DigestQuery:
    """Reads one digest's worth of data from a session."""

    def __init__(self, session: Session, settings: DigestSettings | None = None) -> None:
        self.session = session
        self.settings = settings or DigestSettings()
        self.views = DigestViewRepository(session)
        self.reads = DigestReads(session)

    def build(self, now: datetime | None = None, since: Since | None = None, min_score: int | None = None) -> Digest:
        now = now or datetime.now(UTC)
        since = since or Since()
        min_score = self.settings.min_score if min_score is None else min_score
        if since.moment is None:
            last = self.views.last_digest()
            cutoff = last[1] if last else None
            shown = self.views.shown_seqs()
            label = fmt.format_datetime(cutoff.astimezone(fmt.MOSCOW)) if cutoff else "первый дайджест"
        else:
            cutoff = since.moment
            shown = None
            label = fmt.format_datetime(cutoff)

        rows = without_decided(self.session, self._matched(now, min_score, shown))  # decided: no longer open
        cards = [_card(row, self.settings.notice_checks) for row in rows]
        by_id = {card.notice_id: card for card in cards}
        notices = {row.id: row for row in rows}
        self._fill_lines(cards, notices)
        self._fill_documents(cards, notices)
        if shown is not None:
            self._mark_against_views(by_id, shown)
        else:
            self._mark_against_date(by_id, notices, cutoff)
        return Digest(
            generated_at=now.astimezone(fmt.MOSCOW),
            cards=cards,
            health=source_health(self.session, now, self.settings),
            since=cutoff,
            since_label=label,
            min_score=min_score,
            closing_days=self.settings.closing_days,
            outcomes=outcome_views(self.session, cutoff or now - timedelta(days=1), min_score),
        )

    def _matched(self, now: datetime, min_score: int, shown: dict[int, int] | None) -> list[Row[Any]]:
        """Matched notices still open for applications; a closed or cancelled one only if the reader saw it."""
        seen = shown or {}
        result = []
        for row in self.reads.matched(now, min_score):
            deadline = fmt.parse_timestamp(row.record.get("deadline_at"))
            if deadline is not None and deadline <= now:
                continue
            if row.status in _CLOSED and row.id not in seen:
                continue
            result.append(row)
        return result

    def _fill_lines(self, cards: list[TenderCard], notices: dict[int, Row[Any]]) -> None:
        best = self.reads.best_matches((notice_id, row.notice_seq) for notice_id, row in notices.items())
        products = self.reads.products(sorted({match.sku for match in best.values()}))
        merged = self._with_attachments(notices)
        for card in cards:
            record = merged.get(card.notice_id) or notices[card.notice_id].record
            for item in record.get("items") or []:
                match = best.get((card.notice_id, item["index"]))
                card.lines.append(_line(item, match, products.get(match.sku) if match else None))

    def _with_attachments(self, notices: dict[int, Row[Any]]) -> dict[int, dict[str, Any]]:
        """Records of the notices that have readable attachments, merged with the requirements found in them
        (as the matcher saw them), so a line's requirements name the file they come from."""
        with_files = self.reads.with_readable_attachments(notices)
        merged: dict[int, dict[str, Any]] = {}
        for notice_id in with_files:
            record = NoticeRecord.model_validate(notices[notice_id].record)
            try:
                merged[notice_id] = with_attachment_requirements(self.session, notice_id, record).record.to_json_dict()
            except (KeyError, TypeError, ValueError) as error:  # a malformed stored entry never breaks the digest
                log.warning("notice %s: attachment requirements unreadable (%s); shown without them", notice_id, error)
        return merged

    def _fill_documents(self, cards: list[TenderCard], notices: dict[int, Row[Any]]) -> None:
        """The notice's documents, with what the attachment reader made of each downloaded one."""
        read = self.reads.attachments(card.notice_id for card in cards)
        for card in cards:
            listed = notices[card.notice_id].record.get("documents") or []
            seen = set()
            for document in listed:
                url = document.get("url")
                attachment = read.get((card.notice_id, url)) if url else None
                card.documents.append(_document(document.get("name") or url or "документ", url, attachment))
                seen.add(url)
            for (notice_id, url), attachment in read.items():
                if notice_id == card.notice_id and url not in seen:
                    card.documents.append(_document(attachment.name or url, url, attachment))

    def _mark_against_views(self, cards: dict[int, TenderCard], shown: dict[int, int]) -> None:
        """New = never shown; amended = shown at an older version than the current one."""
        older = {}
        for notice_id, card in cards.items():
            if notice_id not in shown:
                card.is_new = True
            elif shown[notice_id] < card.seq:
                older[notice_id] = shown[notice_id]
        self._apply_diffs(cards, older)

    def _mark_against_date(self, cards: dict[int, TenderCard], notices: dict[int, Row[Any]], cutoff: datetime) -> None:
        """New = first seen after the date; amended = a version arrived after it for a notice known before."""
        older: dict[int, int] = {}
        candidates = []
        for notice_id, card in cards.items():
            notice = notices[notice_id]
            if _aware(notice.first_seen_at) >= cutoff:
                card.is_new = True
            elif notice.seq > 1:
                candidates.append(notice_id)
        for notice_id, seq, created_at in self.reads.version_times(candidates):
            if _aware(created_at) < cutoff:
                older[notice_id] = seq
        self._apply_diffs(cards, {nid: seq for nid, seq in older.items() if seq < cards[nid].seq})

    def _apply_diffs(self, cards: dict[int, TenderCard], older: dict[int, int]) -> None:
        if not older:
            return
        versions = self.reads.versions([*older.items(), *((nid, cards[nid].seq) for nid in older)])
        for notice_id, seq in older.items():
            before, after = versions.get((notice_id, seq)), versions.get((notice_id, cards[notice_id].seq))
            if before is not None and after is not None:
                cards[notice_id].changes = diff_records(before, after)


def build_digest(
    session: Session,
    *,
    now: datetime | None = None,
    since: Since | None = None,
    min_score: int | None = None,
    settings: DigestSettings | None = None,
) -> Digest:
    return DigestQuery(session, settings).build(now=now, since=since, min_score=min_score)


def remember(session: Session, digest: Digest, digest_id: str) -> int:
    """Record what this digest showed, so the next one's "new" is new to the reader."""
    digest.digest_id = digest_id
    return DigestViewRepository(session).record(
        digest_id, ((card.notice_id, card.seq) for card in digest.cards), digest.generated_at
    )
