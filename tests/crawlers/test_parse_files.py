"""Loose local files read by the parsing workers themselves (their bytes never go through the pipes): the same
results as the bytes give, an unreadable file reported by name, and pipes wide enough for a chunk's answer."""

from __future__ import annotations

import fcntl
import io
import zipfile
from pathlib import Path

import pytest

from crawlers.parse_pool import PIPE_BYTES, FileRef, ParsedDocument, ParsePool
from crawlers.spiders.eis_xml import EisXmlSpider
from store.prepared import sha256_hex
from testing.eis_generator import generate_notices


def summary(parsed: ParsedDocument) -> tuple:
    return (
        parsed.name,
        parsed.family,
        parsed.error,
        parsed.unchanged,
        parsed.archive is not None,
        [
            (n.key, n.record_hash, n.raw.sha256 if n.raw else None, n.raw.content if n.raw else None)
            for n in parsed.notices
        ],
    )


def loose(tmp_path: Path, count: int = 40) -> list[tuple[str, bytes, Path]]:
    found = []
    for name, data in generate_notices(count, seed=21):
        path = tmp_path / name
        path.write_bytes(data)
        found.append((path.as_uri(), data, path))
    return found


def test_loose_files_read_by_the_workers_give_what_their_bytes_give(tmp_path: Path) -> None:
    files = loose(tmp_path)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as handle:
        handle.writestr("inner.xml", files[0][1])
    (tmp_path / "renamed.xml").write_bytes(packed.getvalue())  # became an archive after it was listed
    refs = [(uri, FileRef(str(path))) for uri, _, path in files]
    refs[5] = ("file:///gone.xml", FileRef(str(tmp_path / "gone.xml")))  # vanished after it was listed
    refs[9] = ("file:///renamed.xml", FileRef(str(tmp_path / "renamed.xml")))
    with ParsePool(0) as serial:
        from_bytes = [summary(p) for p in serial.parse([(uri, data) for uri, data, _ in files])]
        in_process = [summary(p) for p in serial.parse(refs)]
    with ParsePool(2, chunk=4, min_documents=8) as pool:
        by_workers = [summary(p) for p in pool.parse(iter(refs))]
        assert pool.started
    assert by_workers == in_process
    for index, (got, expected) in enumerate(zip(by_workers, from_bytes, strict=True)):
        if index == 5:
            assert got[0] == "file:///gone.xml" and got[2] and "не удалось прочитать файл" in got[2]
            assert "file:///gone.xml" in got[2] and not got[5]
        elif index == 9:
            assert got[4] and got[2] is None  # its bytes come back, for the caller to read as an archive
        else:
            assert got == expected


def test_loose_files_stored_already_are_read_and_hashed_but_not_parsed(tmp_path: Path) -> None:
    files = loose(tmp_path)
    known = {sha256_hex(files[i][1]): 1 for i in (0, 7, 33)}
    refs = [(uri, FileRef(str(path))) for uri, _, path in files]
    for pool in (ParsePool(0), ParsePool(2, chunk=4, min_documents=8)):
        with pool:
            parsed = list(pool.parse(refs, lambda digests: {d: known[d] for d in digests if d in known}))
        assert {p.name for p in parsed if p.unchanged} == {files[i][0] for i in (0, 7, 33)}
        assert sum(1 for p in parsed if p.notices) == len(files) - 3
        assert [p.name for p in parsed] == [uri for uri, _ in refs]


def test_a_new_local_input_hands_the_workers_where_loose_files_lie(tmp_path: Path) -> None:
    files = loose(tmp_path, 3)
    paths = [path for *_, path in files]
    spider = EisXmlSpider(path=str(tmp_path))
    spider.lazy = True  # new to the store: the workers read the files
    assert [document for document in spider.file_documents(paths)] == [
        (path.as_uri(), FileRef(str(path))) for path in paths
    ]
    spider.lazy = False  # a re-crawl: hashed here before anything is handed over
    assert [document for document in spider.file_documents(paths)] == [(uri, data) for uri, data, _ in files]


def test_worker_pipes_hold_a_chunk_of_answers_at_once() -> None:
    try:
        ceiling = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    except OSError:
        pytest.skip("not Linux")
    if ceiling < PIPE_BYTES:
        pytest.skip("this system caps pipes below PIPE_BYTES: they keep their default buffer")
    with ParsePool(2, chunk=4, min_documents=8) as pool:
        list(pool.parse([(f"a{i}.xml", b"<x/>") for i in range(8)]))
        assert pool.started
        for worker in pool._pool:
            for connection in (worker.tasks, worker.results):
                size = fcntl.fcntl(connection.fileno(), fcntl.F_GETPIPE_SZ)
                assert size >= PIPE_BYTES
