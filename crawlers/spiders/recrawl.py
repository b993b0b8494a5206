"""An unchanged re-crawl of a local EIS export, recognised before Scrapy loads (``tenderflow crawl eis-xml``).

A nightly re-crawl of an export that did not change finds every document stored already (by sha256, with its
notices) and parses and writes nothing: what it costs is loading Scrapy and Twisted and unpacking and hashing
the input on the crawl's one thread. ``tenderflow crawl`` therefore starts hashing the input here before it loads
anything else, in threads (zlib and hashlib release the GIL: the threads use every core, beside the imports of
the main thread), and when every document is stored with its notices it records and reports the run as the
spider would have (the same figures in ``crawl_runs``, status, close reason and summary) without starting Scrapy.

Anything else and it steps aside, having written nothing: one new or changed document, an unreadable file or
archive, a refused entry, an archive inside an archive. The crawl then runs as before and reports it all. The
first document of the input is looked up first, with one thread hashing meanwhile: a new input stops there
(costing what that thread hashed while the store's modules loaded, on a core the crawl did not use yet); then
the last file's first documents, so an export with a new day's archive at its end stops early too.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawlers.archives import ArchiveError, MemberRef, is_zip, iter_zip, read_member
from crawlers.spiders.local_input import EXPORT_LIMITS, SPIDER, WORKERS_SETTING, local_files
from store.codec import sha256_hex

if TYPE_CHECKING:
    from crawlers.health import CrawlResult

log = logging.getLogger(__name__)

CHUNK = 64
"""Documents hashed per task (a loose file or an archive's member each)."""
LOOKUP = 500
"""Hashes looked up in the store at once."""
AHEAD = 6
"""Chunks hashed, one at a time, before the first document is known to be stored (~260 documents, ~0.1 s of
CPU): what a new input costs beyond its first document."""


class Unrecognised(Exception):
    """The input is not plain documents this module can vouch for: the crawl decides and reports."""


class InputHashes:
    """The sha256 of every XML document of local files (loose or zip members), computed in threads from the
    moment it is made: one thread and at most :data:`AHEAD` chunks until :meth:`widen` (the input is likely a
    re-crawl), then ``threads``. :meth:`chunks` gives them chunk by chunk: the first document of the first file,
    the first of the last file, then the others."""

    def __init__(self, files: Sequence[Path], threads: int | None = None) -> None:
        self.threads = max(1, threads or os.cpu_count() or 1)
        self._gate = threading.Semaphore(1)
        self._stopped = threading.Event()
        self._widened = threading.Event()
        self._queue: list[Future[list[str]] | None] = []  # None: listing ended
        self._ready = threading.Condition()
        self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="tenderflow-hash")
        self._lister = threading.Thread(target=self._list, args=(list(files),), name="tenderflow-list", daemon=True)
        self._lister.start()

    def widen(self) -> None:
        """Hash with every thread from now on."""
        self._widened.set()
        for _ in range(self.threads - 1):
            self._gate.release()

    def stop(self) -> None:
        """Stop hashing (what runs ends at its next document) and let the threads go."""
        self._stopped.set()
        self._widened.set()
        for _ in range(self.threads):
            self._gate.release()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def chunks(self) -> Iterator[list[str]]:
        """The hashes, chunk by chunk, in the order they were asked for; raises :class:`Unrecognised`."""
        position = 0
        while True:
            with self._ready:
                self._ready.wait_for(lambda at=position: len(self._queue) > at)
                future = self._queue[position]
            if future is None:
                return
            try:
                yield future.result()
            except CancelledError as error:
                raise Unrecognised("stopped") from error
            position += 1

    def _submit(self, task: Callable[..., list[str]], *args: Any) -> None:
        with self._ready:
            ahead = len(self._queue) < AHEAD
        try:
            future = self._pool.submit(self._gated, ahead, task, *args) if not self._stopped.is_set() else None
        except RuntimeError:  # the pool was shut down by stop() meanwhile
            future = None
        with self._ready:
            if future is None:
                failed: Future[list[str]] = Future()
                failed.set_exception(Unrecognised("stopped"))
                future = failed
            self._queue.append(future)
            self._ready.notify_all()

    def _end(self, error: Exception | None = None) -> None:
        if error is not None:
            failed: Future[list[str]] = Future()
            failed.set_exception(error)
        with self._ready:
            if error is not None:
                self._queue.append(failed)
            self._queue.append(None)
            self._ready.notify_all()

    def _gated(self, ahead: bool, task: Callable[..., list[str]], *args: Any) -> list[str]:
        if not ahead:
            self._widened.wait()
        with self._gate:
            if self._stopped.is_set():
                raise Unrecognised("stopped")
            try:
                return task(*args)
            except Unrecognised:
                raise
            except Exception as error:  # unreadable, vanished, broken: the spider reads it again and reports it
                raise Unrecognised(f"{type(error).__name__}: {error}") from error

    def _list(self, files: list[Path]) -> None:
        """List the documents (an archive's members from its directory, nothing unpacked) and hand them out:
        the first document of the first and of the last file alone, then the others in chunks."""
        heads = files[:1] + files[1:][-1:]
        loose: list[Path] = []
        try:
            for file in heads:
                self._list_file(file, limit=1)
            for file in files:
                skip = 1 if file in heads else 0  # its first document is hashed already
                if self._stopped.is_set():
                    raise Unrecognised("stopped")
                if file.suffix.lower() == ".zip":
                    self._list_file(file, skip=skip)
                elif not skip:
                    loose.append(file)
                    if len(loose) == CHUNK:
                        self._submit(_hash_loose, loose)
                        loose = []
            if loose:
                self._submit(_hash_loose, loose)
        except Exception as error:  # whatever it is, the spider reads the input again and reports it
            self._end(Unrecognised(f"{type(error).__name__}: {error}"))
            return
        self._end()

    def _list_file(self, file: Path, skip: int = 0, limit: int | None = None) -> None:
        """Hand out the documents of ``file`` but its first ``skip``, at most ``limit`` of them."""
        if file.suffix.lower() != ".zip":
            if not skip:
                self._submit(_hash_loose, [file])
            return
        refs: list[MemberRef] = []
        seen = 0
        for entry in iter_zip(file, file.as_uri(), EXPORT_LIMITS, lazy=(".xml",)):
            if self._stopped.is_set():
                raise Unrecognised("stopped")
            if entry.error or (entry.data is not None and is_zip(entry.data)):
                raise Unrecognised(entry.error or f"{file}!{entry.name}: архив в архиве")
            if entry.ref is None and not (entry.data is not None and entry.name.lower().endswith(".xml")):
                continue  # not a document (the spider skips it too)
            seen += 1
            if seen <= skip:
                continue
            if entry.ref is not None:
                refs.append(entry.ref)
            elif entry.data is not None:  # stored in a way only zipfile reads (rare): hashed here
                self._submit(_known_digest, sha256_hex(entry.data))
            if len(refs) == CHUNK:
                self._submit(_hash_members, file, refs)
                refs = []
            if limit is not None and seen - skip >= limit:
                break
        if refs:
            self._submit(_hash_members, file, refs)


def _hash_loose(files: list[Path]) -> list[str]:
    digests = []
    for file in files:
        with open(file, "rb", buffering=0) as handle:
            data = handle.readall()
        if is_zip(data[:4]):
            raise Unrecognised(f"{file}: архив под именем документа")
        digests.append(sha256_hex(data))
    return digests


def _hash_members(archive: Path, refs: list[MemberRef]) -> list[str]:
    with open(archive, "rb") as handle:
        try:
            return [sha256_hex(read_member(ref, handle)[0]) for ref in refs]
        except ArchiveError as error:
            raise Unrecognised(str(error)) from error


def _known_digest(digest: str) -> list[str]:
    return [digest]


def start(source: str, arguments: dict[str, str], settings: dict[str, str]) -> InputHashes | None:
    """Start hashing the input of ``tenderflow crawl SOURCE`` if it may be an unchanged re-crawl: ``eis-xml``
    over a local path with no other spider argument, no ``-s`` setting but the parsing workers' (each may change
    what the spider does) and no shared crawl (``TENDERFLOW_REDIS_URL``)."""
    path = arguments.get("path")
    if source != SPIDER or not path or set(arguments) != {"path"} or set(settings) - {WORKERS_SETTING}:
        return None
    if os.environ.get("TENDERFLOW_REDIS_URL"):
        return None
    try:
        files = local_files(path)
    except FileNotFoundError:
        return None
    return InputHashes(files) if files else None


def recognise(hashes: InputHashes, known: Callable[[list[str]], dict[str, int]]) -> dict[str, int] | None:
    """Scrapy's stats of the crawl that would find every document of the input stored already with its notices
    (``known``: of these hashes, those stored -> their notice versions); None, with the hashing stopped, as
    soon as one is not, or the input is not plain documents."""
    documents = notices = 0
    pending: list[str] = []

    def stored(digests: list[str]) -> bool:
        nonlocal documents, notices
        found = known(digests)
        if not all(digest in found for digest in digests):
            return False
        documents += len(digests)
        notices += sum(found[digest] for digest in digests)
        return True

    try:
        for position, chunk in enumerate(hashes.chunks()):
            pending.extend(chunk)
            if position > 1 and len(pending) < LOOKUP:
                continue
            if not stored(pending):
                return None
            pending = []
            if position == 0:
                hashes.widen()
        if (pending and not stored(pending)) or not documents:
            return None
    except Unrecognised:
        return None
    finally:
        hashes.stop()
    return {
        "tenderflow/documents": documents,
        "tenderflow/documents_unchanged": documents,
        "tenderflow/notices_unchanged": notices,
        "tenderflow/notices_recognised": notices,
    }


def crawl(hashes: InputHashes, db_url: str) -> CrawlResult | None:
    """The run of ``tenderflow crawl eis-xml`` over an input whose every document is stored with its notices,
    recorded in ``crawl_runs`` and judged as the ``CrawlHealth`` extension does; None (nothing written) when
    the input is anything else, or the store cannot tell (a database still to migrate)."""
    from store.db import init_db, make_engine, read_scope, session_scope

    engine = make_engine(db_url)

    def known(digests: list[str]) -> dict[str, int]:
        from store.stored_documents import known_documents

        try:
            with read_scope(engine) as session:
                return known_documents(session, digests)
        except Exception:  # no schema yet: a new database, migrated by the crawl
            return {}

    stats = recognise(hashes, known)
    if stats is None:
        return None
    from crawlers.health import close_run
    from store.crawl_runs import CrawlRunRepository

    init_db(db_url)  # at the newest schema already (its documents are stored): one query
    log.info("%s: every document of the input is stored already (%d): recognised before starting Scrapy",
             SPIDER, stats["tenderflow/documents"])
    with session_scope(engine) as session:
        run_id = CrawlRunRepository(session).start(SPIDER)
        return close_run(session, run_id, SPIDER, "finished", stats)
