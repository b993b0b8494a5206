"""Parsing EIS documents in worker processes, so a bulk ingest uses every core.

Parsing, validating and encoding a notice costs several times what storing it does, and it is pure Python
under the GIL. A :class:`ParsePool` hands documents, in chunks, to worker processes that run
:func:`parse_for_store` (bytes -> validated, store-ready :class:`~store.prepared.PreparedNotice` objects)
while the calling process keeps crawling and writing. Results come back in submission order.

- ``workers=0`` parses in the calling process (tests, tiny inputs: no process start-up cost);
- fewer than ``min_documents`` documents in one call are parsed in the calling process too;
- at most ``workers * 8`` chunks (of 16 documents) are in flight: memory stays bounded whatever the archive size;
- a worker that dies (a crash in C code, the OOM killer) fails only the documents of its chunks, which are
  reported by name like any unreadable document; a new worker takes its place.

Each worker has its own pipes, so a death is an end-of-file where it is read, never a hang (as a shared
``ProcessPoolExecutor`` queue can hang when a worker dies mid-message). Workers start from a ``forkserver``
(never a ``fork`` of the threaded crawler process).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any

from pydantic import ValidationError

from crawlers.parsers import read_document
from crawlers.parsers.xmlsafe import ParseError, UnknownDocumentKind
from store.outcome_prepared import PreparedOutcome, prepare_outcome
from store.prepared import PreparedNotice, prepare, prepare_raw
from store.schema import NoticeRecord

log = logging.getLogger(__name__)

Document = tuple[str, bytes] | tuple[str, bytes, str]
"""(source name, bytes[, their sha256 if the caller has it already]): ``archive.zip!member.xml`` names the
member of an archive."""

DEFAULT_CHUNK = 16
DEFAULT_MIN_DOCUMENTS = 64
IN_FLIGHT_PER_WORKER = 8
"""Chunks queued per worker: enough that workers never wait while the caller writes a batch."""

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload([__name__])


@dataclass(slots=True)
class ParsedDocument:
    """What became of one document: its notices, or why it gave none."""

    name: str
    notices: list[PreparedNotice] = field(default_factory=list)
    """Validated and encoded, each with the document as its raw source."""
    invalid: list[dict[str, Any]] = field(default_factory=list)
    """Records that failed validation, as extracted: the validation pipeline reports and drops them."""
    skipped: str | None = None
    """A kind no parser reads: the reason, naming the root element."""
    error: str | None = None
    """Unreadable: the error, naming the source."""
    family: str | None = None
    """``notice``, ``protocol``, ``contract``, ``cancellation``, ``execution`` or ``unknown`` (None: unreadable)."""
    outcomes: list[PreparedOutcome] = field(default_factory=list)
    """Outcome documents (contract 4.5), encoded for the store."""


def parse_for_store(name: str, data: bytes, sha256: str | None = None) -> ParsedDocument:
    """Parse one document into store-ready notices; never raises for bad input. ``sha256``: the document's,
    when the caller has hashed it already (it is not hashed twice)."""
    parsed = ParsedDocument(name)
    try:
        found = read_document(data, name)
    except UnknownDocumentKind as error:
        parsed.family, parsed.skipped = "unknown", str(error)
        return parsed
    except ParseError as error:
        parsed.error = str(error)
        return parsed
    except Exception as error:  # a parser bug on hostile input must not take the archive down with it
        parsed.error = f"{name}: ошибка разбора ({type(error).__name__}: {error})"
        return parsed
    parsed.family, records = found.family, found.notices
    raw = prepare_raw(data, name, sha256) if records or found.outcomes else None
    parsed.outcomes = [prepare_outcome(document, raw) for document in found.outcomes]
    for record in records:
        try:
            notice = NoticeRecord.model_validate(record)
        except ValidationError:
            parsed.invalid.append(record)
            continue
        parsed.notices.append(prepare(notice, raw))
    return parsed


def _parse_chunk(chunk: list[Document]) -> list[ParsedDocument]:
    return [parse_for_store(*document) for document in chunk]


def _serve(tasks: Connection, results: Connection) -> None:
    """A worker: chunks in, parsed chunks out, in order. Threads move chunks on and off the pipes while this
    process parses, so neither side waits for the other: the crawler hands work over without blocking, and
    a worker keeps parsing while the crawler is busy writing instead of reading results."""
    inbox: queue.SimpleQueue[tuple[int, list[Document]] | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[tuple[int, list[ParsedDocument]] | None] = queue.SimpleQueue()

    def read() -> None:
        while True:
            try:
                tag, header = tasks.recv()
                inbox.put((tag, [(name, tasks.recv_bytes(), sha256) for name, sha256 in header]))
            except (EOFError, OSError):
                inbox.put(None)
                return

    def write() -> None:
        while (parsed := outbox.get()) is not None:
            try:
                results.send(parsed)
            except OSError:  # the crawler is gone
                return
        results.close()

    threading.Thread(target=read, daemon=True).start()
    writer = threading.Thread(target=write)
    writer.start()
    while (task := inbox.get()) is not None:
        tag, chunk = task
        outbox.put((tag, _parse_chunk(chunk)))
    outbox.put(None)
    writer.join()


class _Worker:
    """One worker process with its own pipes: its death is an EOF on ``results``, never a hang."""

    def __init__(self, context: Any) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(task_reader, result_writer), daemon=True)
        self.process.start()
        task_reader.close()
        result_writer.close()
        self.alive = True

    def send(self, tag: int, chunk: list[Document]) -> bool:
        """Hand a chunk over: its names (and sha256s) pickled, then each document's bytes as they are, never
        pickled: a pickle would copy every document once more on each side of the pipe."""
        try:
            self.tasks.send((tag, [(name, sha256[0] if sha256 else None) for name, _, *sha256 in chunk]))
            for document in chunk:
                self.tasks.send_bytes(document[1])
        except (BrokenPipeError, OSError):
            self.alive = False
            return False
        return True

    def receive(self, tag: int) -> list[ParsedDocument] | None:
        """The parsed chunk sent with ``tag``; None if the worker died. Results of chunks sent earlier and
        never collected (their caller stopped iterating) are dropped on the way."""
        try:
            while True:
                got, parsed = self.results.recv()
                if got == tag:
                    return parsed
        except (EOFError, OSError):
            self.alive = False
            return None

    def stop(self) -> None:
        for connection in (self.tasks, self.results):
            connection.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def default_workers() -> int:
    """One worker per available core (at most 8: beyond that the single writing process is the limit)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


class ParsePool:
    def __init__(
        self, workers: int | None = None, chunk: int = DEFAULT_CHUNK, min_documents: int = DEFAULT_MIN_DOCUMENTS
    ) -> None:
        self.workers = default_workers() if workers is None else max(0, workers)
        self.chunk = max(1, chunk)
        self.min_documents = min_documents
        self._pool: list[_Worker] = []
        self._next = 0
        self._tags = 0
        self._turn = asyncio.Lock()

    def warm_up(self) -> None:
        """Start the server workers fork from now, without waiting for it: it imports the parsers (~0.5 s of
        CPU) while the caller gets ready, instead of when the first big input arrives. No worker starts."""
        if self.workers:
            forkserver.ensure_running()

    @property
    def started(self) -> bool:
        """Whether worker processes have been started (inputs below ``min_documents`` never start them)."""
        return bool(self._pool)

    # -- the two ways in ---------------------------------------------------------------------------------

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        """Parse documents (any iterable, consumed lazily), yielding results in order. One caller at a time
        (threads must not share a pool); an iteration abandoned halfway leaves nothing behind."""
        chunks, parallel = self._plan(documents)
        if not parallel:
            yield from (parsed for chunk in chunks for parsed in _parse_chunk(chunk))
            return
        pending: deque[_Ticket] = deque()
        self._top_up(chunks, pending)
        while pending:
            ticket = pending.popleft()
            yield from self._collect(ticket, ticket.worker.receive(ticket.tag) if ticket.worker else None, pending)
            self._top_up(chunks, pending)

    async def parse_async(self, documents: Iterable[Document]) -> AsyncIterator[ParsedDocument]:
        """As :meth:`parse`, waiting for the workers without blocking the running asyncio loop (Scrapy).
        Concurrent calls (one per archive being crawled) take turns on the workers."""
        chunks, parallel = self._plan(documents)
        if not parallel:
            for chunk in chunks:
                for parsed in _parse_chunk(chunk):
                    yield parsed
            return
        loop = asyncio.get_running_loop()
        async with self._turn:  # callbacks of concurrent responses take turns; each uses every worker
            pending: deque[_Ticket] = deque()
            self._top_up(chunks, pending)
            while pending:
                ticket = pending.popleft()
                worker = ticket.worker
                received = await loop.run_in_executor(None, worker.receive, ticket.tag) if worker else None
                for parsed in self._collect(ticket, received, pending):
                    yield parsed
                self._top_up(chunks, pending)

    def close(self) -> None:
        for worker in self._pool:
            worker.stop()
        self._pool = []

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- machinery ---------------------------------------------------------------------------------------

    def _plan(self, documents: Iterable[Document]) -> tuple[Iterator[list[Document]], bool]:
        """The input in chunks, and whether it is big enough to be worth the workers (read ahead to tell)."""
        iterator = iter(documents)
        chunks = iter(lambda: list(islice(iterator, self.chunk)), [])
        if self.workers == 0:
            return chunks, False
        head: list[list[Document]] = []
        count = 0
        for chunk in chunks:
            head.append(chunk)
            count += len(chunk)
            if count >= self.min_documents:
                return chain(head, chunks), True
        return iter(head), False

    def _top_up(self, chunks: Iterator[list[Document]], pending: deque[_Ticket]) -> None:
        while len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
            chunk = next(chunks, None)
            if chunk is None:
                return
            self._tags += 1
            pending.append(_Ticket(chunk, self._dispatch(self._tags, chunk), self._tags))

    def _dispatch(self, tag: int, chunk: list[Document]) -> _Worker | None:
        """Hand a chunk to the next worker (round robin); None if no worker could take it."""
        if not self._pool:
            self._pool = [_Worker(_CONTEXT) for _ in range(self.workers)]
            log.info("разбор документов в %d процессах", self.workers)
        for _ in range(len(self._pool)):
            worker = self._pool[self._next % len(self._pool)]
            self._next += 1
            if worker.alive and worker.send(tag, chunk):
                return worker
        return None

    def _collect(
        self, ticket: _Ticket, received: list[ParsedDocument] | None, pending: deque[_Ticket]
    ) -> list[ParsedDocument]:
        if received is not None:
            return received
        # The worker died (or none was alive): its documents in flight are reported, and it is replaced.
        dead = ticket.worker
        if dead is not None:
            log.error("процесс разбора %s завершился аварийно (код %s)", dead.process.pid, dead.process.exitcode)
            for index, other in enumerate(pending):
                if other.worker is dead:
                    pending[index] = _Ticket(other.chunk, None, other.tag)
            self._replace(dead)
        return [
            ParsedDocument(name, error=f"{name}: процесс разбора аварийно завершился; документ пропущен")
            for name, *_ in ticket.chunk
        ]

    def _replace(self, dead: _Worker) -> None:
        dead.stop()
        self._pool[self._pool.index(dead)] = _Worker(_CONTEXT)


@dataclass(slots=True)
class _Ticket:
    chunk: list[Document]
    worker: _Worker | None
    """Who parses it; None when it could not be handed over (reported as failed)."""
    tag: int
