"""Parsing EIS documents in worker processes, so a bulk ingest uses every core.

Parsing, validating and encoding a notice costs several times what storing it does, and it is pure Python
under the GIL. A :class:`ParsePool` hands documents, in chunks, to worker processes that run
:func:`parse_for_store` (bytes -> validated, store-ready :class:`~store.prepared.PreparedNotice` objects)
while the calling process keeps crawling and writing. Results come back in submission order.

- ``workers=0`` parses in the calling process (tests, tiny inputs: no process start-up cost);
- fewer than ``min_documents`` documents in one call are parsed in the calling process too;
- at most ``workers * 8`` chunks (of 16 documents) are in flight: memory stays bounded whatever the archive size;
- a worker that dies (a crash in C code, the OOM killer) fails only the documents of its chunks, which are
  reported by name like any unreadable document; a new worker takes its place;
- local documents are given as where they lie (a loose file, :class:`~crawlers.parse_worker.FileRef`, or an
  archive's member, :class:`~crawlers.archives.MemberRef`): the workers read and unpack them
  (:mod:`crawlers.parse_worker`), and the pipes, widened to :data:`PIPE_BYTES`, carry only the answers;
- with ``known`` (a look-up of sha256s stored already), the workers unpack and hash a chunk first, the caller
  looks the hashes up (several chunks in one look-up), and the known documents are not parsed
  (:attr:`ParsedDocument.unchanged`).

Each worker has its own pipes, so a death is an end-of-file where it is read, never a hang (as a shared
``ProcessPoolExecutor`` queue can hang when a worker dies mid-message). Workers start from a ``forkserver``
(never a ``fork`` of the threaded crawler process).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import forkserver
from typing import Any

from crawlers.parse_worker import (
    Document,
    FileRef,
    ParsedDocument,
    hashes,
    load,
    parse_chunk,
    parse_for_store,
    parse_loaded,
    serve,
)

__all__ = ["Document", "FileRef", "Known", "ParsePool", "ParsedDocument", "default_workers", "parse_for_store"]

log = logging.getLogger(__name__)

Known = Callable[[Sequence[str]], dict[str, int]]
"""Of these sha256s, the documents stored already (sha256 -> notice versions from it): not parsed again."""

DEFAULT_CHUNK = 16
DEFAULT_MIN_DOCUMENTS = 64
IN_FLIGHT_PER_WORKER = 8
"""Chunks queued per worker: enough that workers never wait while the caller writes a batch."""
VERDICTS_PER_WORKER = 6
"""With ``known``: of the chunks in flight, at most this many per worker are handed over to be parsed; the
others are unpacked and hashed, waiting for the look-up. The caller looks up once its workers have no more
than :data:`LOW_PER_WORKER` chunks each to parse, every chunk hashed by then at once (a look-up costs ~0.5 ms
whatever its size: one per chunk of 16 would cost more than the hashing)."""
LOW_PER_WORKER = 2
PIPE_BYTES = 1 << 20
"""Kernel buffer of each pipe to and from a worker (Linux's default is 64 KB; 1 MB is the default ceiling for
an unprivileged process, ``/proc/sys/fs/pipe-max-size``). A chunk's answer (~50 KB of compressed document and
records per notice, 16 notices) is then written in one go: with 64 KB the worker's writer thread wrote it in
~12 pieces, each waiting for the GIL its parsing thread holds (up to 5 ms), while the crawler's event loop
waited in ``recv`` for the rest of the message."""
IN_PROCESS_LOOKUP = 16
"""Chunks looked up at once when parsing in this process (``workers=0``, small inputs)."""

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload([__name__])


class _Worker:
    """One worker process with its own pipes: its death is an EOF on ``results``, never a hang."""

    def __init__(self, context: Any) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        for connection in (self.tasks, self.results):
            _widen(connection)
        self.process = context.Process(target=serve, args=(task_reader, result_writer), daemon=True)
        self.process.start()
        task_reader.close()
        result_writer.close()
        self.alive = True
        self.early: dict[tuple[int, str], Any] = {}
        """Answers received while waiting for another one."""
        self.floor = 0
        """Answers to tags below it belong to an abandoned iteration: dropped."""

    def send(self, kind: str, tag: int, chunk: list[Document]) -> bool:
        """Hand a chunk over: its names, sha256s and file or archive references pickled, then the bytes of each
        document given as bytes, as they are, never pickled: a pickle would copy every document once more on each
        side."""
        try:
            self.tasks.send((kind, tag, [
                (name, sha256[0] if sha256 else None, None if isinstance(data, bytes) else data)
                for name, data, *sha256 in chunk
            ]))
            for _, data, *_ in chunk:
                if isinstance(data, bytes):
                    self.tasks.send_bytes(data)
        except (BrokenPipeError, OSError):
            self.alive = False
            return False
        return True

    def send_verdict(self, tag: int, drop: list[int]) -> bool:
        try:
            self.tasks.send(("verdict", tag, drop))
        except (BrokenPipeError, OSError):
            self.alive = False
            return False
        return True

    def receive(self, tag: int, kind: str) -> Any:
        """The answer of kind ``kind`` (``parsed``, ``hashes``) to the chunk sent with ``tag``; None if the
        worker died. Other answers received meanwhile are kept for later."""
        if (tag, kind) in self.early:
            return self.early.pop((tag, kind))
        try:
            while True:
                got, got_kind, answer = self.results.recv()
                if (got, got_kind) == (tag, kind):
                    return answer
                if got >= self.floor:
                    self.early[(got, got_kind)] = answer
        except (EOFError, OSError):
            self.alive = False
            return None

    def ready(self, tag: int, kind: str) -> Any:
        """:meth:`receive` if the answer is there already, else None (never waits)."""
        try:
            while (tag, kind) not in self.early and self.results.poll():
                got, got_kind, answer = self.results.recv()
                if got >= self.floor:
                    self.early[(got, got_kind)] = answer
        except (EOFError, OSError):
            return None
        return self.early.pop((tag, kind), None)

    def stop(self) -> None:
        for connection in (self.tasks, self.results):
            connection.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _widen(connection: Any) -> None:
    """Give a pipe a :data:`PIPE_BYTES` buffer where the system allows it (Linux); else it keeps its own."""
    with contextlib.suppress(AttributeError, OSError):  # not Linux, or above this system's pipe-max-size
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


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

    def parse(self, documents: Iterable[Document], known: Known | None = None) -> Iterator[ParsedDocument]:
        """Parse documents (any iterable, consumed lazily), yielding results in order. One caller at a time
        (threads must not share a pool); an iteration abandoned halfway leaves nothing behind. ``known``:
        documents it finds stored already come as :attr:`ParsedDocument.unchanged`, unparsed."""
        steps = self._steps(documents, known)
        answer: Any = None
        while (step := steps.send(answer)) is not None:
            if isinstance(step, _Ticket):
                answer = step.worker.receive(step.tag, step.stage) if step.worker else None
            else:
                answer = None
                yield from step

    async def parse_async(
        self, documents: Iterable[Document], known: Known | None = None
    ) -> AsyncIterator[ParsedDocument]:
        """As :meth:`parse`, waiting for the workers without blocking the running asyncio loop (Scrapy).
        Concurrent calls (one per archive being crawled) take turns on the workers."""
        loop = asyncio.get_running_loop()
        async with self._turn:  # callbacks of concurrent responses take turns; each uses every worker
            steps = self._steps(documents, known)
            answer: Any = None
            while (step := steps.send(answer)) is not None:
                if isinstance(step, _Ticket):
                    worker = step.worker
                    answer = self._ready(step)  # there already (the workers are ahead): no thread hand-off
                    if answer is None and worker is not None:
                        answer = await loop.run_in_executor(None, worker.receive, step.tag, step.stage)
                else:
                    answer = None
                    for parsed in step:
                        yield parsed

    def close(self) -> None:
        for worker in self._pool:
            worker.stop()
        self._pool = []

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- machinery ---------------------------------------------------------------------------------------

    def _steps(self, documents: Iterable[Document], known: Known | None) -> Generator[Any, Any, None]:
        """The work, as steps its driver (:meth:`parse`, :meth:`parse_async`) carries out: a :class:`_Ticket`
        asks for the answer its worker owes (sent back in), a list of results is to be yielded; None: done."""
        chunks, parallel = self._plan(documents)
        if not parallel:  # with ``known``: one look-up per IN_PROCESS_LOOKUP chunks, as for the workers
            flat = chain.from_iterable(chunks)
            size = self.chunk * (IN_PROCESS_LOOKUP if known else 1)
            for group in iter(lambda: list(islice(flat, size)), []):
                yield self._in_process(group, known)
            yield None
            return
        loading: deque[_Ticket] = deque()
        parsing: deque[_Ticket] = deque()
        for worker in self._pool:
            worker.floor, worker.early = self._tags + 1, {}
        self._top_up(chunks, loading, parsing, known)
        while loading or parsing:
            batch: list[tuple[_Ticket, list[str | None] | None]] = []
            low = len(parsing) <= self.workers * LOW_PER_WORKER  # a round for several chunks at once
            while low and loading and len(parsing) + len(batch) < self.workers * VERDICTS_PER_WORKER:
                ticket = loading[0]
                answer = self._ready(ticket) if batch else (yield ticket)
                if answer is None and batch:
                    break
                batch.append((loading.popleft(), answer))
            if batch:
                assert known is not None
                self._verdicts(batch, known, loading, parsing)
                continue
            ticket = parsing.popleft()
            if ticket.result is None:
                answer = yield ticket
                ticket.result = self._merge(ticket, answer) if answer is not None else self._failed(
                    ticket, loading, parsing
                )
            yield ticket.result
            self._top_up(chunks, loading, parsing, known)
        yield None

    def _in_process(self, chunk: list[Document], known: Known | None) -> list[ParsedDocument]:
        if known is None:
            return parse_chunk(chunk)
        loaded = load(chunk, hashed=True)
        digests = hashes(loaded)
        found = known([digest for digest in digests if digest])
        return [
            ParsedDocument(document.name, unchanged=found[digest]) if digest in found else parse_loaded(document)
            for document, digest in zip(loaded, digests, strict=True)
        ]

    def _verdicts(
        self, batch: list[tuple[_Ticket, list[str | None] | None]], known: Known, loading: deque[_Ticket],
        parsing: deque[_Ticket],
    ) -> None:
        """Look the hashes of several loaded chunks up at once; hand each over to be parsed but for the known."""
        digests = [digest for _, answer in batch for digest in answer or () if digest]
        found = known(digests) if digests else {}
        for ticket, answer in batch:
            parsing.append(ticket)
            if answer is None:  # its worker died
                ticket.result = self._failed(ticket, loading, parsing)
                continue
            ticket.drop = {index: found[digest] for index, digest in enumerate(answer) if digest in found}
            ticket.stage = "parsed"
            if ticket.worker is None or not ticket.worker.send_verdict(ticket.tag, sorted(ticket.drop)):
                ticket.result = self._failed(ticket, loading, parsing)

    def _ready(self, ticket: _Ticket) -> list[str | None] | None:
        return ticket.worker.ready(ticket.tag, ticket.stage) if ticket.worker and ticket.worker.alive else None

    @staticmethod
    def _merge(ticket: _Ticket, parsed: list[ParsedDocument]) -> list[ParsedDocument]:
        """The chunk's results in order: the parsed ones, and the known ones unparsed."""
        if not ticket.drop:
            return parsed
        rest = iter(parsed)
        return [
            ParsedDocument(name, unchanged=ticket.drop[index]) if index in ticket.drop else next(rest)
            for index, (name, *_) in enumerate(ticket.chunk)
        ]

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

    def _top_up(
        self, chunks: Iterator[list[Document]], loading: deque[_Ticket], parsing: deque[_Ticket], known: Known | None
    ) -> None:
        while len(loading) + len(parsing) < self.workers * IN_FLIGHT_PER_WORKER:
            chunk = next(chunks, None)
            if chunk is None:
                return
            self._tags += 1
            stage = "parsed" if known is None else "hashes"
            worker = self._dispatch("parse" if known is None else "load", self._tags, chunk)
            (parsing if known is None else loading).append(_Ticket(chunk, worker, self._tags, stage))

    def _dispatch(self, kind: str, tag: int, chunk: list[Document]) -> _Worker | None:
        """Hand a chunk to the next worker (round robin); None if no worker could take it."""
        if not self._pool:
            self._pool = [_Worker(_CONTEXT) for _ in range(self.workers)]
            log.info("разбор документов в %d процессах", self.workers)
        for _ in range(len(self._pool)):
            worker = self._pool[self._next % len(self._pool)]
            self._next += 1
            if worker.alive and worker.send(kind, tag, chunk):
                return worker
        return None

    def _failed(self, ticket: _Ticket, loading: deque[_Ticket], parsing: deque[_Ticket]) -> list[ParsedDocument]:
        """A chunk whose worker died (or none was alive): its documents, and those of every chunk in flight
        with that worker, are reported as failed, and the worker is replaced."""
        dead = ticket.worker
        if dead is not None:
            log.error("процесс разбора %s завершился аварийно (код %s)", dead.process.pid, dead.process.exitcode)
            for other in chain(loading, parsing):
                if other.worker is dead:
                    other.worker = None
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
    """Who parses it; None when it could not be handed over, or its worker died (reported as failed)."""
    tag: int
    stage: str
    """The answer awaited: ``hashes`` (loading), then ``parsed``."""
    drop: dict[int, int] = field(default_factory=dict)
    """Documents of the chunk stored already (index -> notice versions): not parsed."""
    result: list[ParsedDocument] | None = None
    """Ready to be yielded (the chunk failed)."""

