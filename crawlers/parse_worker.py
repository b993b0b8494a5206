"""What a parsing worker process does (``crawlers.parse_pool`` runs it): unpack, hash, parse, encode.

A document reaches a worker as its bytes, as a loose local file (:class:`FileRef`: the worker reads it), or as
where it lies in a local zip archive (:class:`~crawlers.archives.MemberRef`): then the worker unpacks it itself,
so the crawler process (one, serial) neither inflates nor hashes nor pipes the unpacked bytes, and the member's
deflate stream, as the archive holds it, becomes the stored raw document (a zlib frame around it: no second
compression). When the crawl checks
for documents stored already, a chunk is handled in two steps: ``load`` (unpack and hash, answer the hashes),
then, once the crawler has looked them up in the store, ``verdict`` (parse all but the known ones).
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, BinaryIO

from pydantic import ValidationError

from crawlers.archives import ArchiveError, MemberRef, is_zip, read_member
from crawlers.parsers import read_document
from crawlers.parsers.xmlsafe import ParseError, UnknownDocumentKind
from store.codec import PositionalPickle, zlib_frame
from store.outcome_prepared import PreparedOutcome, prepare_outcome
from store.prepared import PreparedNotice, PreparedRaw, prepare, prepare_raw, sha256_hex
from store.schema import NoticeRecord


@dataclass(frozen=True, slots=True)
class FileRef(PositionalPickle):
    """A loose local document, for the parsing worker to read itself: its bytes (~140 KB for a notice) then
    never go through the pipe between the crawler process and the worker, which cost a copy on each side and,
    with the pipe's 64 KB buffer, kept the crawler's event loop waiting on a worker busy parsing."""

    path: str


Document = tuple[str, bytes] | tuple[str, bytes, str] | tuple[str, MemberRef] | tuple[str, FileRef]
"""(source name, bytes[, their sha256 if the caller has it already]), or (source name, where it lies: a loose
local file or a member of a local archive): ``archive.zip!member.xml`` names the member of an archive."""


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
    unchanged: int | None = None
    """Stored already with its notices (same sha256): how many notice versions came from it; not parsed."""
    archive: bytes | None = None
    """An archive member that is an archive itself (named like a document): its bytes, for the caller to read."""


@dataclass(slots=True)
class Loaded:
    """A document in a worker, unpacked and (when asked) hashed, waiting to be parsed."""

    name: str
    data: bytes | None
    sha256: str | None = None
    deflated: bytes | None = None
    """The member's deflate stream as the archive holds it."""
    error: str | None = None
    archive: bool = False


def parse_for_store(
    name: str, data: bytes, sha256: str | None = None, raw: PreparedRaw | None = None
) -> ParsedDocument:
    """Parse one document into store-ready notices; never raises for bad input. ``sha256``: the document's,
    when the caller has hashed it already (it is not hashed twice); ``raw``: the document prepared for the
    store already."""
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
    if raw is None and (records or found.outcomes):
        raw = prepare_raw(data, name, sha256)
    parsed.outcomes = [prepare_outcome(document, raw) for document in found.outcomes]
    for record in records:
        try:
            notice = NoticeRecord.model_validate(record)
        except ValidationError:
            parsed.invalid.append(record)
            continue
        parsed.notices.append(prepare(notice, raw))
    return parsed


def load(chunk: list[Document], hashed: bool) -> list[Loaded]:
    """The chunk's documents in memory: archive members unpacked (each archive opened once per chunk)."""
    handles: dict[str, BinaryIO] = {}
    loaded: list[Loaded] = []
    try:
        for name, payload, *known in chunk:
            if isinstance(payload, FileRef):
                try:
                    with open(payload.path, "rb", buffering=0) as handle:
                        data = handle.readall()
                except OSError as error:
                    loaded.append(Loaded(name, None, error=f"{name}: не удалось прочитать файл ({error})"))
                    continue
                if is_zip(data):  # became an archive since it was listed: read as one, as a member would be
                    loaded.append(Loaded(name, data, archive=True))
                    continue
                payload = data
            if not isinstance(payload, MemberRef):
                digest = known[0] if known else sha256_hex(payload) if hashed else None
                loaded.append(Loaded(name, payload, digest))
                continue
            try:
                if payload.archive not in handles:
                    handles[payload.archive] = open(payload.archive, "rb")  # noqa: SIM115 (closed below)
                data, deflated = read_member(payload, handles[payload.archive])
            except ArchiveError as error:
                loaded.append(Loaded(name, None, error=f"{name}: {error}"))
                continue
            except OSError as error:
                loaded.append(Loaded(name, None, error=f"{name}: не удалось распаковать ({error})"))
                continue
            if is_zip(data):
                loaded.append(Loaded(name, data, archive=True))
                continue
            loaded.append(Loaded(name, data, sha256_hex(data) if hashed else None, deflated))
    finally:
        for handle in handles.values():
            handle.close()
    return loaded


def parse_loaded(document: Loaded) -> ParsedDocument:
    if document.error is not None or document.data is None:
        return ParsedDocument(document.name, error=document.error)
    if document.archive:
        return ParsedDocument(document.name, archive=document.data)
    raw = None
    if document.deflated is not None:
        digest = document.sha256 or sha256_hex(document.data)
        raw = PreparedRaw(digest, document.name, len(document.data), zlib_frame(document.deflated, document.data))
    return parse_for_store(document.name, document.data, document.sha256, raw)


def parse_chunk(chunk: list[Document]) -> list[ParsedDocument]:
    return [parse_loaded(document) for document in load(chunk, hashed=False)]


def hashes(loaded: list[Loaded]) -> list[str | None]:
    """The sha256 of each loaded document to look up in the store (None: nothing to look up)."""
    return [None if document.error or document.archive else document.sha256 for document in loaded]


def serve(tasks: Connection, results: Connection) -> None:
    """A worker: chunks in, answers out, in order. Threads move chunks on and off the pipes while this process
    parses, so neither side waits for the other: the crawler hands work over without blocking, and a worker
    keeps parsing while the crawler is busy writing instead of reading results.

    Tasks: ``("parse", tag, header)``, ``("load", tag, header)`` (each followed by the bytes of the documents
    given as bytes) and ``("verdict", tag, indexes not to parse)``; answers ``(tag, "parsed", documents)`` and
    ``(tag, "hashes", sha256s)``."""
    inbox: queue.SimpleQueue[tuple[str, int, Any] | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[tuple[int, str, Any] | None] = queue.SimpleQueue()

    def read() -> None:
        while True:
            try:
                kind, tag, header = tasks.recv()
                if kind != "verdict":
                    header = [(name, ref or tasks.recv_bytes(), *([sha] if sha else [])) for name, sha, ref in header]
                inbox.put((kind, tag, header))
            except (EOFError, OSError):
                inbox.put(None)
                return

    def write() -> None:
        while (answer := outbox.get()) is not None:
            try:
                results.send(answer)
            except OSError:  # the crawler is gone
                return
        results.close()

    threading.Thread(target=read, daemon=True).start()
    writer = threading.Thread(target=write)
    writer.start()
    held: dict[int, list[Loaded]] = {}
    backlog: list[tuple[str, int, Any] | None] = []
    while True:
        # Loads first (unpacking and hashing is quick): the crawler looks their hashes up while this parses.
        if not backlog:
            backlog.append(inbox.get())
        while not inbox.empty():
            backlog.append(inbox.get())
        task = next((task for task in backlog if task is not None and task[0] == "load"), backlog[0])
        if task is None:  # the crawler is gone (tasks queue in order: nothing is left before the end)
            break
        backlog.remove(task)
        kind, tag, payload = task
        if kind == "parse":
            outbox.put((tag, "parsed", parse_chunk(payload)))
        elif kind == "load":
            held[tag] = load(payload, hashed=True)
            outbox.put((tag, "hashes", hashes(held[tag])))
        else:
            drop = set(payload)
            kept = [parse_loaded(doc) for index, doc in enumerate(held.pop(tag, [])) if index not in drop]
            outbox.put((tag, "parsed", kept))
    outbox.put(None)
    writer.join()
