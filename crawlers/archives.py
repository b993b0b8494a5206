"""Reading zip archives from untrusted sources: no path traversal, no zip bombs, clear errors.

Used by the EIS XML spider (document-service and FTP-era archives) and by attachment extraction.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from store.codec import PositionalPickle


class ArchiveError(Exception):
    """An archive that cannot be read safely; the message names it, ``code`` says why."""

    def __init__(self, message: str, code: str = "broken-archive") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 20_000
    max_entry_bytes: int = 200 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_ratio: float = 200.0
    """Uncompressed/compressed size above which (for entries over 1 MiB) an entry is treated as a bomb."""
    max_total_ratio: float | None = None
    """When set, the archive may also unpack to this many times its own size (``max_total_bytes`` still
    allowed): for readers that stream the entries one at a time, a big export is not a bomb."""


DEFAULT_LIMITS = ArchiveLimits()


@dataclass(frozen=True, slots=True)
class MemberRef(PositionalPickle):
    """Where a stored or deflated member of a local archive lies, for :func:`read_member` to unpack it in
    another process (a parsing worker) instead of the one listing the archive. Small to pickle."""

    archive: str
    """The archive's filesystem path."""
    offset: int
    """Of the member's local header."""
    compressed: int
    size: int
    crc: int
    deflated: bool


@dataclass(frozen=True)
class ArchiveEntry:
    name: str
    data: bytes | None
    error: str | None = None
    """Set (and ``data`` None) when this entry was refused; the other entries are still read."""
    code: str | None = None
    """Why it was refused: ``path-traversal``, ``zip-bomb``, ``size-mismatch``, ``encrypted``, ``broken-entry``."""
    ref: MemberRef | None = None
    """Listed lazily (``iter_zip(..., lazy=...)``): where to read the entry (``data`` None), all checks that need
    no unpacking passed; :func:`read_member` unpacks it and makes the rest."""


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def unsafe_name_reason(name: str) -> str | None:
    if ".." not in name and "\\" not in name and name[:1] != "/" and name[1:2] != ":":
        return None  # the common case, without building a path (once per member of every archive listed)
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    if ".." in path.parts:
        return "path traversal (..)"
    return None


def iter_zip(
    data: bytes | Path, source: str, limits: ArchiveLimits = DEFAULT_LIMITS, lazy: tuple[str, ...] = ()
) -> Iterator[ArchiveEntry]:
    """Yield the archive's file entries; refused entries come with an ``error`` naming the reason.
    ``data``: the archive's bytes, or the path of a local archive (read entry by entry, never whole).
    ``lazy``: name suffixes (lower case) of the entries of a local archive to locate, not unpack (``ref``).

    Raises :class:`ArchiveError` when the archive itself is unreadable (truncated, not a zip, too many entries).
    """
    try:
        archive = zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data))
        size = data.stat().st_size if isinstance(data, Path) else len(data)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise ArchiveError(f"{source}: повреждённый или усечённый zip-архив ({exc})") from exc
    max_total = limits.max_total_bytes
    if limits.max_total_ratio is not None:
        max_total = max(max_total, int(limits.max_total_ratio * size))
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > limits.max_entries:
            raise ArchiveError(f"{source}: слишком много файлов в архиве ({len(infos)})", "too-many-entries")
        total = 0
        for info in infos:
            where = f"{source}!{info.filename}"
            reason = unsafe_name_reason(info.filename)
            if reason:
                yield ArchiveEntry(
                    info.filename, None, f"{where}: недопустимое имя файла в архиве: {reason}", "path-traversal"
                )
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.max_entry_bytes or (info.file_size > 1 << 20 and ratio > limits.max_ratio):
                yield ArchiveEntry(
                    info.filename, None,
                    f"{where}: подозрение на zip-бомбу ({info.file_size} байт, сжатие ×{ratio:.0f})",
                    "zip-bomb",
                )
                continue
            total += info.file_size
            if total > max_total:
                raise ArchiveError(f"{source}: архив распаковывается в слишком большой объём", "zip-bomb")
            if (
                lazy and isinstance(data, Path) and info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                and not info.flag_bits & 1 and info.filename.lower().endswith(lazy)
            ):
                ref = MemberRef(str(data), info.header_offset, info.compress_size, info.file_size, info.CRC,
                                info.compress_type == zipfile.ZIP_DEFLATED)
                yield ArchiveEntry(info.filename, None, ref=ref)
                continue
            try:
                with archive.open(info) as handle:
                    # Read at most one byte past the declared size: a lying header cannot inflate us further.
                    content = handle.read(info.file_size + 1)
            except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
                yield ArchiveEntry(info.filename, None, f"{where}: файл в архиве защищён паролем ({exc})", "encrypted")
                continue
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
                yield ArchiveEntry(info.filename, None, f"{where}: не удалось распаковать ({exc})", "broken-entry")
                continue
            if len(content) > info.file_size:
                yield ArchiveEntry(
                    info.filename, None, f"{where}: размер не совпадает с заголовком архива", "size-mismatch"
                )
                continue
            yield ArchiveEntry(info.filename, content)


_LOCAL_HEADER = struct.Struct("<4s22xHH")


def read_member(ref: MemberRef, handle: BinaryIO) -> tuple[bytes, bytes | None]:
    """The member's bytes and, when deflated, its compressed (raw deflate) stream as stored in the archive;
    ``handle``: the archive, open. Raises :class:`ArchiveError` (``broken-entry``, ``size-mismatch``) as
    :func:`iter_zip` refuses such an entry: a bad header, a broken stream, a size or CRC that does not match."""
    handle.seek(ref.offset)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise ArchiveError("не удалось распаковать (bad local header)", "broken-entry")
    handle.seek(name_length + extra_length, io.SEEK_CUR)
    stream = handle.read(ref.compressed)
    if len(stream) != ref.compressed:
        raise ArchiveError("не удалось распаковать (truncated entry)", "broken-entry")
    if ref.deflated:
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            content = inflate.decompress(stream, ref.size + 1)  # a lying header cannot inflate us further
        except zlib.error as exc:
            raise ArchiveError(f"не удалось распаковать ({exc})", "broken-entry") from exc
    else:
        content = stream
    if len(content) > ref.size:
        raise ArchiveError("размер не совпадает с заголовком архива", "size-mismatch")
    if len(content) < ref.size or zlib.crc32(content) != ref.crc:
        raise ArchiveError(f"не удалось распаковать (Bad CRC-32 for file {ref.offset})", "broken-entry")
    return content, stream if ref.deflated else None
