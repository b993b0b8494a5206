"""Downloaded files for the ``ocds`` and ``ted`` spiders (``--path FILE|FOLDER|ARCHIVE``), read at disk speed.

A path is a local path or a ``file://`` URL: a folder gives every matching file below it in name order, a zip
archive its matching entries (unsafe entries refused by :mod:`crawlers.archives`). Nothing goes through the
downloader: no throttling, and a missing file is one clear error (:class:`FileNotFoundError` naming it) instead
of a request retried until it gives up.

Note for unification: ``crawlers/spiders/eis_xml.py`` has its own walker (``start_urls``) that feeds the
downloader; the two can become one once eis-xml reads local files directly too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from crawlers.archives import ArchiveError, is_zip, iter_zip


class LocalDocument(NamedTuple):
    """A document read from disk; ``data`` is ``None`` and ``error`` says why when it could not be read, and
    ``archive_lost`` marks a whole archive that could not be read (every document in it lost, however many)."""

    name: str
    data: bytes | None
    error: str | None = None
    archive_lost: bool = False


def is_local(path: str) -> bool:
    """A local path or a ``file://`` URL (not ``http(s)://``)."""
    return path.startswith("file://") or "://" not in path


def local_path(path: str) -> Path:
    """The filesystem path of ``path`` (``file://`` URLs decoded); raises when nothing is there."""
    if path.startswith("file://"):
        from urllib.request import url2pathname  # (imports http.client and email: only for a file:// URL)

        path = url2pathname(urlsplit(path).path)
    local = Path(path).expanduser()
    if not local.exists():
        raise FileNotFoundError(f"нет такого файла или папки: {local}")
    return local.resolve()


def local_files(path: str, suffixes: tuple[str, ...]) -> list[Path]:
    """The files a ``--path`` stands for: a folder's files with ``suffixes`` (and zip archives), or the file."""
    local = local_path(path)
    if local.is_file():
        return [local]
    wanted = (*suffixes, ".zip")
    return [file for file in sorted(local.rglob("*")) if file.is_file() and file.suffix.lower() in wanted]


def read_documents(path: str, suffixes: tuple[str, ...]) -> Iterator[LocalDocument]:
    """Every document below ``path``: plain files as they are, zip archives entry by entry."""
    for file in local_files(path, suffixes):
        try:
            data = file.read_bytes()
        except OSError as error:
            yield LocalDocument(str(file), None, f"{file}: не удалось прочитать файл ({error.strerror})")
            continue
        if not is_zip(data) and file.suffix.lower() != ".zip":  # a .zip that is none is a broken archive
            yield LocalDocument(str(file), data)
            continue
        try:
            for entry in iter_zip(data, str(file)):
                name = f"{file}!{entry.name}"
                if entry.error:
                    yield LocalDocument(name, None, entry.error)
                elif entry.name.lower().endswith(suffixes):
                    yield LocalDocument(name, entry.data)
        except ArchiveError as error:
            yield LocalDocument(str(file), None, str(error), archive_lost=True)
