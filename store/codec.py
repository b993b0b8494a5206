"""Encoding of stored payloads: JSON (orjson, ~10x the standard library) and raw documents (zstd frames).

Raw documents are kept for re-parsing and are mostly EIS XML, a third of it base64 signature blobs (which
hardly compress). On generated 2025-shaped exports zstd level 1 shrinks them 2.9x at ~700 MB/s: level 3 gains
2 % in size for 40 % more time; LZ4 manages only 2.2x. At ingest every stored byte is written twice (WAL, then
checkpoint), so a small frame matters as much as a fast one.
``decompress`` reads all three, so documents stored by earlier versions stay readable.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from typing import Any

import lz4.frame
import orjson
import zstandard

_LZ4_MAGIC = b"\x04\x22\x4d\x18"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ZSTD_LEVEL = 1  # see the module docstring
_local = threading.local()  # zstd (de)compressors must not be shared between threads


def _zstd() -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
    pair = getattr(_local, "zstd", None)
    if pair is None:
        pair = _local.zstd = (zstandard.ZstdCompressor(level=_ZSTD_LEVEL), zstandard.ZstdDecompressor())
    return pair


def compress(data: bytes) -> bytes:
    return _zstd()[0].compress(data)


def zlib_frame(deflated: bytes, data: bytes) -> bytes:
    """``data`` as a zlib stream (:func:`decompress` reads it) around ``deflated``, its raw deflate stream as a
    zip archive holds it: a document unpacked from an archive is stored without being compressed again."""
    return b"\x78\x01" + deflated + zlib.adler32(data).to_bytes(4, "big")


def decompress(data: bytes) -> bytes:
    if data[:4] == _ZSTD_MAGIC:
        return _zstd()[1].decompress(data)  # frames carry their content size
    if data[:4] == _LZ4_MAGIC:
        return lz4.frame.decompress(data)
    return zlib.decompress(data)


class JsonText(str):
    """JSON already serialised (off the writer, e.g. in a parsing worker): the JSON columns store it as is."""

    __slots__ = ()


class PackedJson(bytes):
    """A zstd frame of JSON text (see :func:`pack_json`): how SQLite stores canonical records."""

    __slots__ = ()


def pack_json(value: Any) -> PackedJson:
    """Compress a JSON value (a dict, or JSON text already serialised, str or UTF-8 bytes)."""
    return PackedJson(json_frame(value))


def json_frame(value: Any) -> bytes:
    """:func:`pack_json` as plain bytes (for data pickled between processes: a bytes subclass pickles slowly)."""
    if isinstance(value, str):
        value = value.encode()
    return compress(value if isinstance(value, bytes) else orjson.dumps(value))


def json_dumps(value: Any) -> str:
    """The JSON columns' serialiser (UTF-8 text, non-ASCII kept as is); :class:`JsonText` passes through."""
    if type(value) is JsonText:
        return value
    return orjson.dumps(value).decode()


def json_loads(text: str | bytes) -> Any:
    return orjson.loads(text)


def unpack_json(stored: bytes | str) -> Any:
    """The value of JSON stored either packed (a frame :func:`decompress` reads) or as its text (str, or UTF-8
    bytes: a JSON text starts with ``{`` or ``[``, no frame does)."""
    if isinstance(stored, bytes) and stored[:1] not in (b"{", b"["):
        stored = decompress(stored)
    return orjson.loads(stored)


def sha256_hex(data: bytes) -> str:
    """A raw document's identity in the store (``raw_documents.sha256``)."""
    return hashlib.sha256(data).hexdigest()


class PositionalPickle:
    """For frozen slotted dataclasses sent between processes (prepared notices and outcomes, archive member
    references): pickled as the class and its field values in order, unpickled through ``__init__``. Python's
    own pickling of a frozen slotted dataclass calls ``dataclasses.fields()`` for every object, both ways: in
    an outcome crawl, ~3 objects per document through the parsing workers' pipes. Every field must be an
    ``__init__`` parameter, in declaration order (a dataclass's default)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple([getattr(self, name) for name in self.__slots__])  # type: ignore[attr-defined]
