"""Extract text and tables from any attachment: sniff the bytes, dispatch to the format's extractor, recurse
into zip archives. Never raises on bad input: every file (and every archive member) gives one
:class:`ExtractedDocument`, readable or with the reason it is not."""

from __future__ import annotations

import logging
import zipfile
import zlib
from collections.abc import Callable

from crawlers.documents.archive import iter_members
from crawlers.documents.markup import extract_html
from crawlers.documents.model import (
    DEFAULT_LIMITS,
    DocumentError,
    ExtractedDocument,
    Limits,
    failed,
)
from crawlers.documents.opendocument import extract_opendocument
from crawlers.documents.pdf import extract_pdf
from crawlers.documents.rtf import extract_rtf, lines_to_blocks
from crawlers.documents.sniff import IMAGE_KINDS, Sniffed, check_size, sniff
from crawlers.documents.spreadsheet import extract_xlsx
from crawlers.documents.word import extract_docx

log = logging.getLogger(__name__)

Extractor = Callable[[str, bytes, str, Limits], ExtractedDocument]


def _extract_text(name: str, data: bytes, media_type: str, limits: Limits) -> ExtractedDocument:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    result = ExtractedDocument(name=name, media_type=media_type, pages=1)
    result.blocks = lines_to_blocks(text[: limits.max_chars].splitlines(), separator="\t")
    return result


EXTRACTORS: dict[str, Extractor] = {
    "docx": extract_docx,
    "docm": extract_docx,
    "xlsx": extract_xlsx,
    "xlsm": extract_xlsx,
    "pdf": extract_pdf,
    "rtf": extract_rtf,
    "html": extract_html,
    "text": _extract_text,
    "odt": extract_opendocument,
    "ods": extract_opendocument,
}

_UNREADABLE: dict[str, tuple[str, str]] = {
    "doc": ("old-binary", "документ в старом двоичном формате Word (.doc) не читается; нужен DOCX или PDF"),
    "xls": ("old-binary", "таблица в старом двоичном формате Excel (.xls) не читается; нужен XLSX"),
    "ole2": ("old-binary", "файл в двоичном формате OLE2 (старый Office) не читается"),
    "ooxml-encrypted": ("encrypted", "документ Office защищён паролем"),
    "pptx": ("unsupported", "презентации не читаются"),
    "rar": ("unsupported", "архивы RAR не читаются"),
    "7z": ("unsupported", "архивы 7z не читаются"),
    "gzip": ("unsupported", "архивы gzip не читаются"),
    "empty": ("empty", "файл пуст"),
    "unknown": ("unknown-format", "формат файла не распознан"),
}


def _unreadable(name: str, kind: str, media_type: str) -> ExtractedDocument:
    if kind in IMAGE_KINDS:
        code, reason = "image", "изображение (скан): распознавание текста не выполняется"
    else:
        code, reason = _UNREADABLE[kind]
    return ExtractedDocument(
        name=name, media_type=media_type, status="unreadable", reason_code=code, reason=f"{name}: {reason}"
    )


def _extract_archive(name: str, data: bytes, limits: Limits, depth: int) -> list[ExtractedDocument]:
    if depth >= limits.max_depth:
        raise DocumentError("refused", "nesting", f"архив {name} вложен глубже {limits.max_depth} уровней")
    results: list[ExtractedDocument] = []
    for member in iter_members(name, data, limits):
        path = f"{name}/{member.path}"
        if member.error is not None:
            results.append(failed(path, "application/octet-stream", member.error))
        else:
            results.extend(extract(path, member.data or b"", limits, depth + 1))
    if not results:
        results.append(
            ExtractedDocument(
                name=name,
                media_type="application/zip",
                status="unreadable",
                reason_code="empty",
                reason=f"архив {name} пуст",
            )
        )
    return results


def extract(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, depth: int = 0) -> list[ExtractedDocument]:
    """All documents in ``data`` (one, or one per archive member), each readable or with its reason."""
    try:
        sniffed = sniff(data)
    except Exception:  # sniffing reads container directories; hostile bytes must not escape from here either
        log.exception("document %s could not be sniffed", name)
        sniffed = Sniffed("unknown", "application/octet-stream")
    try:
        check_size(name, len(data), limits)
        if sniffed.kind == "zip":
            return _extract_archive(name, data, limits, depth)
        extractor = EXTRACTORS.get(sniffed.kind)
        if extractor is None:
            return [_unreadable(name, sniffed.kind, sniffed.media_type)]
        return [extractor(name, data, sniffed.media_type, limits)]
    except DocumentError as error:
        log.warning("document %s skipped: %s", name, error)
        return [failed(name, sniffed.media_type, error)]
    except (zlib.error, zipfile.BadZipFile, NotImplementedError, EOFError) as error:  # damaged compressed parts
        log.warning("document %s skipped: damaged (%s)", name, error)
        reason = f"{name}: файл повреждён ({type(error).__name__}: {error})"
        return [ExtractedDocument(name, sniffed.media_type, "error", f"broken-{sniffed.kind}", reason)]
    except Exception as error:  # a library bug on hostile input must not stop the notice
        log.exception("document %s could not be extracted", name)
        return [
            ExtractedDocument(
                name=name,
                media_type=sniffed.media_type,
                status="error",
                reason_code="extractor-failure",
                reason=f"{name}: ошибка чтения ({type(error).__name__}: {error})",
            )
        ]
