"""Archive members unpacked by the parsing workers, and documents stored already left unparsed: the same
results as unpacking and parsing in one process, broken members reported by name, in order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from crawlers.archives import iter_zip
from crawlers.parse_pool import ParsedDocument, ParsePool
from store.codec import decompress
from store.prepared import sha256_hex
from testing.eis_generator import generate_notices
from testing.outcome_documents import corpus


def summary(parsed: ParsedDocument) -> tuple:
    return (
        parsed.name, parsed.family, parsed.error, parsed.unchanged, parsed.archive is not None,
        [(n.key, n.record_hash, n.raw.sha256 if n.raw else None) for n in parsed.notices],
        [(o.key, o.record_hash, o.raw.sha256 if o.raw else None) for o in parsed.outcomes],
    )


def write_archive(path: Path, members: list[tuple[str, bytes]], corrupt: str | None = None) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as handle:
        for name, data in members:
            handle.writestr(name, data, zipfile.ZIP_STORED if name.startswith("stored") else zipfile.ZIP_DEFLATED)
    data = bytearray(buffer.getvalue())
    if corrupt:  # flip bytes of one member's compressed data
        start = data.index(corrupt.encode()) + len(corrupt)
        for offset in range(5, 10):
            data[start + offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def members(tmp_path: Path) -> tuple[list[tuple[str, bytes]], Path]:
    docs = [*generate_notices(30, seed=5), *corpus(30, seed=6)]
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as handle:
        handle.writestr("inner.xml", docs[0][1])
    docs[7] = ("stored.xml", docs[7][1])
    docs[20] = ("nested.xml", inner.getvalue())  # an archive named like a document
    return docs, write_archive(tmp_path / "day.zip", docs, corrupt=docs[12][0])


def located(path: Path) -> list[tuple]:
    found = []
    for entry in iter_zip(path, "day.zip", lazy=(".xml",)):
        assert entry.ref is not None and entry.data is None
        found.append((f"day.zip!{entry.name}", entry.ref))
    return found


def test_members_unpacked_by_the_workers_give_what_bytes_give(tmp_path: Path) -> None:
    docs, path = members(tmp_path)
    refs = located(path)
    with ParsePool(0) as serial:
        from_bytes = [summary(p) for p in serial.parse([(f"day.zip!{name}", data) for name, data in docs])]
        in_process = [summary(p) for p in serial.parse(refs)]
    with ParsePool(2, chunk=4, min_documents=8) as pool:
        parsed = list(pool.parse(iter(refs)))
        assert pool.started
    assert [summary(p) for p in parsed] == in_process
    broken = docs[12][0]
    for got, expected in zip(in_process, from_bytes, strict=True):
        if got[0].endswith(broken):
            assert got[2] and f"day.zip!{broken}" in got[2] and "распаковать" in got[2]
        elif got[0].endswith("nested.xml"):
            assert got[4] and got[2] is None  # its bytes come back, for the caller to read as an archive
        else:
            assert got == expected
    raws = {n.raw.sha256: n.raw for p in parsed for n in p.notices if n.raw}
    raws.update({o.raw.sha256: o.raw for p in parsed for o in p.outcomes if o.raw})
    originals = {sha256_hex(data): data for _, data in docs}
    assert len(raws) == len(docs) - 2
    for digest, raw in raws.items():  # stored as the archive compressed them, read back exactly
        assert decompress(raw.content) == originals[digest] and raw.size == len(originals[digest])


def test_known_documents_are_not_parsed_and_the_rest_are(tmp_path: Path) -> None:
    docs, path = members(tmp_path)
    refs = located(path)
    known = {sha256_hex(docs[i][1]): i % 3 for i in (0, 5, 6, 30, 59)}
    asked: list[str] = []

    def look_up(digests: list[str]) -> dict[str, int]:
        asked.extend(digests)
        return {digest: known[digest] for digest in digests if digest in known}

    for pool in (ParsePool(0), ParsePool(2, chunk=4, min_documents=8)):
        with pool:
            parsed = list(pool.parse(refs, look_up))
        unchanged = {p.name: p.unchanged for p in parsed if p.unchanged is not None}
        assert unchanged == {f"day.zip!{docs[i][0]}": known[sha256_hex(docs[i][1])] for i in (0, 5, 6, 30, 59)}
        assert all(not p.notices and not p.outcomes for p in parsed if p.unchanged is not None)
        assert sum(1 for p in parsed if p.notices or p.outcomes) == len(docs) - 2 - len(known)
        assert [p.name for p in parsed] == [name for name, _ in refs]
    assert len(asked) == 2 * (len(docs) - 2)  # the broken member and the archive are not looked up
