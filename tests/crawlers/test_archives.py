"""Safe zip reading: every way an archive can be broken ends in a clear error, never an escaped exception."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from crawlers.archives import ArchiveError, ArchiveLimits, iter_zip, unsafe_name_reason


def archive(entries: dict[str, bytes]) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as handle:
        for name, data in entries.items():
            handle.writestr(name, data)
    return bytearray(buffer.getvalue())


def test_corrupted_deflate_stream_is_an_entry_error_and_the_rest_is_read() -> None:
    data = archive({"a.xml": b"<a>" + b"x" * 5000 + b"</a>", "b.xml": b"<b/>"})
    start = data.index(b"a.xml") + len("a.xml")  # first bytes of a.xml's compressed data
    for offset in range(5, 10):
        data[start + offset] ^= 0xFF
    entries = list(iter_zip(bytes(data), "day.zip"))
    assert [entry.name for entry in entries] == ["a.xml", "b.xml"]
    assert entries[0].data is None and entries[0].error and "day.zip!a.xml" in entries[0].error
    assert entries[1].data == b"<b/>"


def test_unsupported_zip_version_is_an_archive_error() -> None:
    data = archive({"a.xml": b"<a/>"})
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 71  # "version needed to extract" 7.1
    with pytest.raises(ArchiveError, match=r"day\.zip"):
        list(iter_zip(bytes(data), "day.zip"))


def test_traversal_and_bomb_entries_are_refused_with_codes() -> None:
    bomb = archive({"bomb.xml": b"0" * (30 * 1024 * 1024)})
    [entry] = list(iter_zip(bytes(bomb), "bomb.zip"))
    assert entry.code == "zip-bomb" and entry.data is None
    [entry] = list(iter_zip(bytes(archive({"../evil.xml": b"<x/>"})), "t.zip"))
    assert entry.code == "path-traversal"


def test_a_big_export_read_entry_by_entry_is_not_a_bomb(tmp_path) -> None:
    """Over ``max_total_bytes`` at an ordinary compression ratio: refused by default (attachments), read whole
    by a streaming reader that allows ``max_total_ratio`` times the archive's size; a path is read as bytes are."""
    rng = random.Random(3)
    members = {f"{n}.xml": bytes(rng.getrandbits(8) for _ in range(4000)) for n in range(10)}
    data = bytes(archive(members))
    small = ArchiveLimits(max_total_bytes=10_000)
    with pytest.raises(ArchiveError) as refused:
        list(iter_zip(data, "all.zip", small))
    assert refused.value.code == "zip-bomb"
    streaming = ArchiveLimits(max_total_bytes=10_000, max_total_ratio=50.0)
    path = tmp_path / "all.zip"
    path.write_bytes(data)
    for source in (data, path):
        entries = list(iter_zip(source, "all.zip", streaming))
        assert {entry.name: entry.data for entry in entries} == members


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("docs/contract_1.xml", None), ("a..b.xml", None), ("dir/x..y/z.xml", None),
        ("../x.xml", "path traversal (..)"), ("a/../../x.xml", "path traversal (..)"),
        ("a\\..\\x.xml", "path traversal (..)"), ("/etc/x.xml", "absolute path"),
        ("\\x.xml", "absolute path"), ("C:x.xml", "absolute path"), ("c:\\x.xml", "absolute path"),
    ],
)
def test_unsafe_member_names(name: str, reason: str | None) -> None:
    assert unsafe_name_reason(name) == reason
