"""Zip archives among attachments, read through the project's safe reader (:mod:`crawlers.archives`: path
traversal, zip bombs, lying headers) and adapted to documents: member errors become :class:`DocumentError`,
Russian member names written by Windows archivers (cp866 without the UTF-8 flag) are repaired, and OOXML
containers (DOCX/XLSX) are checked before a library inflates them."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from crawlers.archives import ArchiveError, ArchiveLimits, iter_zip, unsafe_name_reason
from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, Limits


@dataclass
class Member:
    path: str
    data: bytes | None
    """None when the member was skipped; ``error`` says why."""
    error: DocumentError | None = None


def archive_limits(limits: Limits) -> ArchiveLimits:
    return ArchiveLimits(
        max_entries=limits.max_archive_entries,
        max_entry_bytes=limits.max_entry_bytes,
        max_total_bytes=limits.max_total_bytes,
        max_ratio=float(limits.max_ratio),
    )


def repair_name(name: str) -> str:
    """A name zipfile decoded as cp437 although the archiver wrote cp866 (Russian Windows), decoded again.

    Names flagged UTF-8 that hold Cyrillic are not encodable in cp437 and stay as they are."""
    if name.isascii():
        return name
    try:
        return name.encode("cp437").decode("cp866")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


_STATUS_OF_CODE = {
    "path-traversal": "refused",
    "zip-bomb": "refused",
    "size-mismatch": "refused",
    "too-many-entries": "refused",
    "encrypted": "unreadable",
}


def _error(code: str | None, message: str) -> DocumentError:
    code = code or "broken-archive"
    return DocumentError(_STATUS_OF_CODE.get(code, "error"), code, message)  # type: ignore[arg-type]


def iter_members(archive_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Iterator[Member]:
    """Every file of the archive, in order; unsafe or broken members come with their error, never dropped.

    Raises :class:`DocumentError` when the archive as a whole is unreadable or over the limits."""
    try:
        for entry in iter_zip(data, archive_name, archive_limits(limits)):
            path = repair_name(entry.name).replace("\\", "/")
            if entry.error is not None:
                yield Member(path, None, _error(entry.code, entry.error))
            else:
                yield Member(path, entry.data)
    except ArchiveError as exc:
        raise _error(exc.code, str(exc)) from exc
    except (NotImplementedError, EOFError, RuntimeError, zlib.error) as exc:  # e.g. "zip file version 7.1"
        raise DocumentError("error", "broken-archive", f"{archive_name}: повреждённый zip-архив ({exc})") from exc


def check_container(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check an OOXML container (DOCX/XLSX) against the archive limits before a library inflates it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise DocumentError("error", "broken-archive", f"{name}: повреждённый zip-контейнер ({exc})") from exc
    if len(infos) > limits.max_archive_entries:
        raise DocumentError("refused", "too-many-entries", f"{name}: слишком много частей ({len(infos)})")
    total = 0
    for info in infos:
        reason = unsafe_name_reason(info.filename)
        if reason:
            raise DocumentError("refused", "path-traversal", f"{name}: недопустимое имя части: {reason}")
        ratio = info.file_size / max(info.compress_size, 1)
        total += info.file_size
        if (
            info.file_size > limits.max_entry_bytes
            or total > limits.max_total_bytes
            or (info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio)
        ):
            raise DocumentError(
                "refused", "zip-bomb", f"{name}: подозрение на zip-бомбу ({info.filename}, сжатие ×{ratio:.0f})"
            )
