"""``tenderflow match``: match the notices whose current version or the catalogue changed, store the results.

Notices are matched in batches; with ``workers > 1`` the pending notices are split into that many contiguous
partitions matched by separate processes (each builds the same index from the same catalogue, and a notice's
result depends only on the notice and the catalogue, so the results are identical to a single process).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from matching.engine import COMPLETE_TOP, Matcher, NoticeResult
from store.catalogue import CatalogueRepository
from store.corrections import CorrectionData, CorrectionRepository
from store.db import session_scope
from store.matches import CandidateData, MatchRepository, NoticeMatchData
from store.schema import NoticeRecord, Product

log = logging.getLogger(__name__)
BATCH = 500


@dataclass
class MatchSummary:
    pending: int
    matched: int
    relevant: int
    failed: int
    seconds: float
    catalogue_hash: str


def to_store(notice_id: int, seq: int, result: NoticeResult, attachments_hash: str = "") -> NoticeMatchData:
    candidates = []
    for item in result.items:
        for rank, cand in enumerate(item.candidates[:COMPLETE_TOP], start=1):
            explanation = {"item_name": item.name, "product_name": cand.product_name, **cand.explanation}
            candidates.append(
                CandidateData(
                    item_index=item.index, rank=rank, sku=cand.sku, score=cand.score, compliant=cand.compliant,
                    failed=cand.failed, unknown=cand.unknown, explanation=explanation,
                )
            )  # fmt: skip
    explanation = {
        **result.explanation,
        "items": {str(i.index): i.explanation for i in result.items},
        "attachments_hash": attachments_hash,
    }
    return NoticeMatchData(notice_id, seq, result.score, result.relevant, explanation, candidates)


_worker_matcher: Matcher | None = None


def _init_worker(products: list[dict[str, Any]], corrections: list[CorrectionData] = ()) -> None:
    global _worker_matcher
    _worker_matcher = Matcher([Product.model_validate(p) for p in products], corrections)


Batch = list[tuple[int, int, dict[str, Any], str]]
"""(notice id, version seq, record dict with attachment requirements merged, attachments fingerprint)"""


def _match_partition(batch: Batch) -> tuple[list[NoticeMatchData], int]:
    assert _worker_matcher is not None
    return _match_batch(_worker_matcher, batch)


def _match_batch(matcher: Matcher, batch: Sequence[tuple[int, int, dict[str, Any], str]]):
    out: list[NoticeMatchData] = []
    records: list[tuple[int, int, NoticeRecord, str]] = []
    failed = 0
    for notice_id, seq, data, attachments in batch:
        try:
            records.append((notice_id, seq, NoticeRecord.model_validate(data), attachments))
        except ValueError as exc:
            failed += 1
            log.warning("notice %s: stored record is not valid, skipped: %s", notice_id, exc)
    results = matcher.match_many([r for _, _, r, _ in records])
    for (notice_id, seq, _, attachments), result in zip(records, results, strict=True):
        out.append(to_store(notice_id, seq, result, attachments))
    return out, failed


def _with_attachments(session, rows: list[tuple[int, int, dict[str, Any]]]) -> Batch:
    """Records with the requirements of their attached documents (ТЗ) merged into the lines."""
    from matching.attachments import merge_attachment_requirements
    from store.attachments import AttachmentRepository

    attachments = AttachmentRepository(session)
    hashes = attachments.requirements_hash([notice_id for notice_id, _, _ in rows])
    batch: Batch = []
    for notice_id, seq, data in rows:
        fingerprint = hashes.get(notice_id, "")
        if fingerprint:
            try:
                record = NoticeRecord.model_validate(data)
                merged = merge_attachment_requirements(record, attachments.requirements(notice_id))
                data = merged.record.to_json_dict()
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("notice %s: attachment requirements not merged: %s", notice_id, exc)
        batch.append((notice_id, seq, data, fingerprint))
    return batch


def _attachments_changed(session) -> list[int]:
    """Notices whose attachment requirements changed since they were matched."""
    from sqlalchemy import select

    from store.attachments import AttachmentRepository
    from store.models import Attachment, NoticeMatch

    ids = sorted(set(session.scalars(select(Attachment.notice_id).distinct())))
    if not ids:
        return []
    current = AttachmentRepository(session).requirements_hash(ids)
    stored = {
        notice_id: (explanation or {}).get("attachments_hash", "")
        for notice_id, explanation in session.execute(
            select(NoticeMatch.notice_id, NoticeMatch.explanation).where(NoticeMatch.notice_id.in_(ids))
        )
    }
    return [i for i in ids if i in stored and stored[i] != current.get(i, "")]


def run_matching(
    engine: Engine,
    workers: int = 1,
    force: bool = False,
    on_progress: Callable[[int], None] | None = None,
    wrap: Callable[[Iterable[Any], int], Iterable[Any]] | None = None,
) -> MatchSummary:
    """Match what is pending and store it. ``wrap(batches, total)`` may wrap the batch loop (a progress bar);
    ``on_progress(n)`` is told how many notices each stored batch held."""
    started = time.perf_counter()
    with session_scope(engine) as session:
        catalogue = CatalogueRepository(session)
        products = catalogue.products()
        corrections = CorrectionRepository(session).active()
        # Corrections are learned by every match: a change of them makes stored matches stale like the catalogue's.
        catalogue_hash = catalogue.catalogue_hash()[:48] + CorrectionRepository(session).fingerprint()
        pending = MatchRepository(session).pending(catalogue_hash, force=force)
        if not force:
            pending = sorted(set(pending) | set(_attachments_changed(session)))
    summary = MatchSummary(len(pending), 0, 0, 0, 0.0, catalogue_hash)
    if not pending or not products:
        summary.seconds = time.perf_counter() - started
        return summary
    batches = [pending[i : i + BATCH] for i in range(0, len(pending), BATCH)]

    def load(ids: list[int]) -> Batch:
        with session_scope(engine) as session:
            return _with_attachments(session, MatchRepository(session).records(ids))

    def save(results: list[NoticeMatchData], failed: int) -> None:
        with session_scope(engine) as session:
            MatchRepository(session).save(results, catalogue_hash)
        summary.matched += len(results)
        summary.relevant += sum(r.relevant for r in results)
        summary.failed += failed
        if on_progress:
            on_progress(len(results) + failed)

    def loop(items: list[Any]) -> Iterable[Any]:
        return wrap(items, len(items)) if wrap else items

    if workers <= 1:
        matcher = Matcher(products, corrections)
        for ids in loop(batches):
            save(*_match_batch(matcher, load(ids)))
    else:
        payload = [p.to_json_dict() for p in products]
        init = (payload, corrections)
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=init) as pool:
            futures = [pool.submit(_match_partition, load(ids)) for ids in batches]
            for future in loop(futures):
                save(*future.result())
    summary.seconds = time.perf_counter() - started
    return summary
