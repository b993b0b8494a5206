"""``tenderflow match``: match the notices whose current version or the catalogue changed, store the results.

The pending notices stream through in batches of :data:`BATCH`, so memory is bounded by the batch, not by
the number of notices:

- the parent reads a batch's records still encoded (as the database holds them) and the requirements of
  their attached documents (ТЗ) in a few queries, and hands the batch over;
- a worker (``workers > 1``: processes, each with its own copy of the same index; else this process) decodes
  and validates each record once, merges the attachment requirements, matches, and serialises the
  explanations to JSON text itself, so the parent only runs the Core inserts;
- at most ``workers + 1`` batches are in flight and each result is released once saved.

A notice's result depends only on the notice and the catalogue, so any number of workers gives the results
of one. In worker processes the name stage's ``rapidfuzz`` runs single-threaded (the processes already use
every core; more threads than cores only add switching).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from matching.attachments import merge_attachment_requirements
from matching.collector import gc_paused
from matching.engine import COMPLETE_TOP, Matcher, NoticeResult
from store.attachments import AttachmentRepository
from store.catalogue import CatalogueRepository
from store.codec import JsonText, json_dumps, json_frame
from store.corrections import CorrectionData, CorrectionRepository
from store.db import session_scope
from store.matches import CandidateRow, EncodedRecord, MatchRepository, NoticeMatchData, decode_record
from store.schema import NoticeRecord, Product

log = logging.getLogger(__name__)
BATCH = 200
"""Notices per batch: a batch's results (explanations of 10 candidates for every line) are the bulk of the
memory of each process, so smaller batches bound it lower; the matcher's cost is per pair, not per batch."""


@dataclass
class MatchSummary:
    pending: int
    matched: int
    relevant: int
    failed: int
    seconds: float
    catalogue_hash: str
    possible: int = 0
    """Matched notices not relevant but that would be were their "unknown" candidates proven."""


@dataclass(slots=True)
class Pending:
    """A notice to match, as the parent hands it to a worker."""

    notice_id: int
    seq: int
    record: EncodedRecord
    requirements: list[dict[str, Any]]
    """The requirements of its attached documents (empty when none)."""
    attachments_hash: str


def _json(value: Any) -> JsonText:
    return JsonText(json_dumps(value))


def to_store(
    notice_id: int,
    seq: int,
    result: NoticeResult,
    attachments_hash: str = "",
    described: dict[int, tuple[dict, str | None]] | None = None,
) -> NoticeMatchData:
    """The stored form of a result, explanations serialised (where it is computed, not in the writer): the
    candidates' explanations as zstd frames, as both back ends store them (each compressed alone, ~2.4× fewer
    bytes to send to the parent and to write); ``described``: the verdicts' entries described already in this
    batch (``Candidate.described``)."""
    described = {} if described is None else described
    candidates: list[CandidateRow] = []
    for item in result.items:
        for rank, cand in enumerate(item.candidates[:COMPLETE_TOP], start=1):
            explanation = {"item_name": item.name, "product_name": cand.product_name, **cand.described(described)}
            packed_explanation = json_frame(explanation)
            candidates.append(
                (item.index, rank, cand.sku, cand.score, cand.compliant, cand.failed, cand.unknown, packed_explanation)
            )
    explanation = {
        **result.explanation,
        "items": {str(i.index): i.explanation for i in result.items},
        "attachments_hash": attachments_hash,
    }
    return NoticeMatchData(
        notice_id, seq, result.score, result.relevant, _json(explanation), candidates, possible=result.possible
    )


def match_batch(matcher: Matcher, batch: Sequence[Pending]) -> tuple[list[NoticeMatchData], int]:
    """Decode, validate (once), merge attachment requirements, match and serialise a batch; (results, how
    many stored records were not valid and were skipped). The garbage collector is paused for the whole batch
    (:func:`matching.collector.gc_paused`)."""
    with gc_paused():
        return _match_batch(matcher, batch)


def _match_batch(matcher: Matcher, batch: Sequence[Pending]) -> tuple[list[NoticeMatchData], int]:
    records: list[tuple[Pending, NoticeRecord]] = []
    failed = 0
    for pending in batch:
        try:
            record = NoticeRecord.model_validate(decode_record(pending.record))
        except ValueError as exc:
            failed += 1
            log.warning("notice %s: stored record is not valid, skipped: %s", pending.notice_id, exc)
            continue
        if pending.requirements:
            try:
                record = merge_attachment_requirements(record, pending.requirements).record
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("notice %s: attachment requirements not merged: %s", pending.notice_id, exc)
        records.append((pending, record))
    results = matcher.match_many([record for _, record in records])
    described: dict[int, tuple[dict, str | None]] = {}  # lives while ``results`` holds every verdict it describes
    out = [
        to_store(pending.notice_id, pending.seq, result, pending.attachments_hash, described)
        for (pending, _), result in zip(records, results, strict=True)
    ]
    return out, failed


_worker_matcher: Matcher | None = None
"""The matcher of the worker processes: built once by the parent and inherited by ``fork`` (no rebuild);
built by each worker when the parent runs threads (after a crawl in the same process), where ``fork`` is unsafe."""


def _forget_matcher() -> None:
    global _worker_matcher
    _worker_matcher = None


def _init_worker(products: list[dict[str, Any]], corrections: list[CorrectionData] = ()) -> None:
    global _worker_matcher
    _worker_matcher = Matcher([Product.model_validate(p) for p in products], corrections, name_workers=1)
    gc.freeze()  # see ``_frozen``: the worker keeps its index until it exits


def _pool(workers: int, products: list[Product], corrections: list[CorrectionData]) -> ProcessPoolExecutor:
    global _worker_matcher
    if threading.active_count() == 1:
        _worker_matcher = Matcher(products, corrections, name_workers=1)
        gc.freeze()  # before the fork, so the workers inherit the index frozen (see ``_frozen``)
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    payload = [p.to_json_dict() for p in products]
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
        initializer=_init_worker, initargs=(payload, corrections),
    )  # fmt: skip


def _match_in_worker(batch: list[Pending]) -> tuple[list[NoticeMatchData], int]:
    assert _worker_matcher is not None
    return match_batch(_worker_matcher, batch)


def load_batch(session: Any, notice_ids: Sequence[int]) -> list[Pending]:
    """A batch's records (encoded) with their attachment requirements, in a few queries."""
    attached = AttachmentRepository(session).requirements_many(notice_ids)
    batch = []
    for notice_id, seq, record in MatchRepository(session).encoded_records(notice_ids):
        fingerprint, requirements = attached.get(notice_id, ("", []))
        batch.append(Pending(notice_id, seq, record, requirements, fingerprint))
    return batch


def _attachments_changed(session: Any) -> list[int]:
    """Notices whose attachment requirements changed since they were matched."""
    attachments = AttachmentRepository(session)
    ids = attachments.notice_ids()
    if not ids:
        return []
    current = attachments.requirements_hash(ids)
    stored = MatchRepository(session).stored_attachment_hashes(ids)
    return [i for i in ids if i in stored and stored[i] != current.get(i, "")]


def run_matching(
    engine: Any,
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

    def load(ids: list[int]) -> list[Pending]:
        with session_scope(engine) as session:
            return load_batch(session, ids)

    def save(results: list[NoticeMatchData], failed: int) -> None:
        with gc_paused(), session_scope(engine) as session:  # the rows of a batch: many small objects, no cycles
            MatchRepository(session).save(results, catalogue_hash)
        summary.matched += len(results)
        summary.relevant += sum(r.relevant for r in results)
        summary.possible += sum(r.possible for r in results)
        summary.failed += failed
        if on_progress:
            on_progress(len(results) + failed)

    loop: Iterable[list[int]] = wrap(batches, len(batches)) if wrap else batches
    try:
        _match_all(loop, workers, products, corrections, load, save)
    finally:
        gc.unfreeze()
    summary.seconds = time.perf_counter() - started
    return summary


def _match_all(
    loop: Iterable[list[int]],
    workers: int,
    products: list[Product],
    corrections: list[CorrectionData],
    load: Callable[[list[int]], list[Pending]],
    save: Callable[[list[NoticeMatchData], int], None],
) -> None:
    """The batch loop, in this process or over a pool. The catalogue index (hundreds of thousands of objects,
    alive the whole run) is frozen out of the cyclic garbage collector (``gc.freeze``): otherwise every full
    collection, which each batch's decoding, results and unpickling set off, walks all of it again."""
    if workers <= 1:
        matcher = Matcher(products, corrections)
        gc.freeze()
        for ids in loop:
            save(*match_batch(matcher, load(ids)))
    else:
        with _pool(workers, products, corrections) as pool:
            in_flight: deque[Future[tuple[list[NoticeMatchData], int]]] = deque()
            for ids in loop:
                in_flight.append(pool.submit(_match_in_worker, load(ids)))
                if len(in_flight) > workers:  # workers busy and one batch queued: save the oldest first
                    save(*in_flight.popleft().result())
            while in_flight:
                save(*in_flight.popleft().result())
        _forget_matcher()
