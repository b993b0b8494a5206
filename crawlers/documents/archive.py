"""Reading zip archives safely: path traversal, zip bombs (entry count, sizes, compression ratio), encrypted
entries, Russian (cp866) member names. Nothing is ever written to disk; members are returned as bytes.

The same checks guard the zip containers of DOCX/XLSX before python-docx or openpyxl open them.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, Limits

_CHUNK = 1024 * 1024


@dataclass
class Member:
    path: str
    data: bytes | None
    """None when the member was skipped; ``error`` says why."""
    error: DocumentError | None = None


def open_zip(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open a zip and check it as a whole: readable directory, entry count, declared total size."""
    try:
        # Without the UTF-8 flag, Windows archivers in a Russian locale write names in cp866.
        archive = zipfile.ZipFile(io.BytesIO(data), metadata_encoding="cp866")
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError("error", "broken-archive", f"архив {name} повреждён: {exc}") from exc
    files = [info for info in infos if not info.is_dir()]
    if len(files) > limits.max_archive_entries:
        raise DocumentError(
            "refused",
            "too-many-entries",
            f"архив {name} содержит {len(files)} файлов при пределе {limits.max_archive_entries}",
        )
    total = sum(info.file_size for info in files)
    if total > limits.max_total_bytes:
        raise DocumentError(
            "refused",
            "zip-bomb",
            f"архив {name} распаковывается в {total // (1024 * 1024)} МБ при пределе "
            f"{limits.max_total_bytes // (1024 * 1024)} МБ",
        )
    return archive


def safe_member_path(raw: str) -> str | None:
    """The member's path normalised to ``a/b/c``, or None when it escapes the archive root."""
    path = raw.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if not parts or any(part == ".." for part in parts):
        return None
    return "/".join(parts)


def _check_entry(archive_name: str, info: zipfile.ZipInfo, limits: Limits) -> None:
    label = f"{archive_name}/{info.filename}"
    if info.flag_bits & 0x1:
        raise DocumentError("unreadable", "encrypted", f"файл {label} в архиве защищён паролем")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise DocumentError("refused", "symlink", f"файл {label} в архиве является символической ссылкой")
    if info.file_size > limits.max_entry_bytes:
        raise DocumentError(
            "refused",
            "too-large",
            f"файл {label} распаковывается в {info.file_size // (1024 * 1024)} МБ при пределе "
            f"{limits.max_entry_bytes // (1024 * 1024)} МБ",
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
        raise DocumentError("refused", "zip-bomb", f"файл {label} сжат в {ratio:.0f} раз: похоже на zip-бомбу")


def read_member(archive_name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """Read one member, trusting none of its declared sizes: reading stops at the cap."""
    _check_entry(archive_name, info, limits)
    cap = min(limits.max_entry_bytes, max(info.file_size, 0))
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cap:
                    raise DocumentError(
                        "refused",
                        "zip-bomb",
                        f"файл {archive_name}/{info.filename} распаковывается больше заявленного размера",
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise DocumentError(
            "error", "broken-archive", f"файл {archive_name}/{info.filename} в архиве повреждён: {exc}"
        ) from exc
    return b"".join(chunks)


def iter_members(archive_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Iterator[Member]:
    """Every file of the archive, in order; unsafe or broken members come with their error, never dropped."""
    archive = open_zip(archive_name, data, limits)
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        path = safe_member_path(info.filename)
        if path is None:
            yield Member(
                info.filename,
                None,
                DocumentError(
                    "refused",
                    "path-traversal",
                    f"файл {info.filename!r} в архиве {archive_name} указывает за пределы архива",
                ),
            )
            continue
        try:
            content = read_member(archive_name, archive, info, limits)
        except DocumentError as error:
            yield Member(path, None, error)
            continue
        total += len(content)
        if total > limits.max_total_bytes:
            yield Member(
                path,
                None,
                DocumentError("refused", "zip-bomb", f"архив {archive_name} распаковывается больше предела"),
            )
            return
        yield Member(path, content)


def check_container(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check an OOXML container (DOCX/XLSX) for bombs before a library inflates it."""
    archive = open_zip(name, data, limits)
    for info in archive.infolist():
        if not info.is_dir():
            _check_entry(name, info, limits)
