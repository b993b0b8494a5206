"""Content sniffing: what a file really is, from its bytes (magic numbers, container parts), never its name.

Tender attachments are often misnamed (a DOCX uploaded as ``.doc``, a zip as ``.pdf``, a scan as ``.docx``
renamed by hand), so the extension only serves as a hint in messages.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, Limits


@dataclass(frozen=True)
class Sniffed:
    kind: str
    """docx, docm, xlsx, xlsm, pptx, odt, ods, zip, pdf, rtf, html, text, doc, xls, ole2, ooxml-encrypted,
    png, jpeg, tiff, gif, bmp, rar, 7z, gzip, empty, unknown."""
    media_type: str


_MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docm": "application/vnd.ms-word.document.macroEnabled.12",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "zip": "application/zip",
    "pdf": "application/pdf",
    "rtf": "application/rtf",
    "html": "text/html",
    "text": "text/plain",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ole2": "application/x-ole-storage",
    "ooxml-encrypted": "application/x-ole-storage",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "tiff": "image/tiff",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed",
    "gzip": "application/gzip",
    "empty": "application/octet-stream",
    "unknown": "application/octet-stream",
}

IMAGE_KINDS = frozenset({"png", "jpeg", "tiff", "gif", "bmp"})
OOXML_KINDS = frozenset({"docx", "docm", "xlsx", "xlsm", "pptx"})

_SIMPLE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_RE = re.compile(rb"<(!doctype\s+html|html|head|body|table|meta|p|div)[\s>/]", re.IGNORECASE)


def _kind(kind: str) -> Sniffed:
    return Sniffed(kind, _MEDIA[kind])


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole2(data: bytes) -> Sniffed:
    # Stream names are stored in UTF-16LE in the directory sectors; a byte search is enough to tell them apart.
    if _utf16("EncryptedPackage") in data:
        return _kind("ooxml-encrypted")
    if _utf16("WordDocument") in data:
        return _kind("doc")
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return _kind("xls")
    return _kind("ole2")


def _sniff_zip(data: bytes) -> Sniffed:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, UnicodeDecodeError):
        return _kind("zip")  # a broken zip is still a zip: extraction reports the damage
    name_set = set(names)
    if "mimetype" in name_set:
        try:
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
            mimetype = ""
        if mimetype == _MEDIA["odt"]:
            return _kind("odt")
        if mimetype == _MEDIA["ods"]:
            return _kind("ods")
    if "[Content_Types].xml" in name_set:
        macros = any(name.lower().endswith("vbaproject.bin") for name in names)
        if any(name.startswith("word/") for name in names):
            return _kind("docm" if macros else "docx")
        if any(name.startswith("xl/") for name in names):
            return _kind("xlsm" if macros else "xlsx")
        if any(name.startswith("ppt/") for name in names):
            return _kind("pptx")
    return _kind("zip")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp1251"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for char in text if char.isprintable() or char in "\r\n\t")
        return printable >= 0.95 * max(len(text), 1)
    return False


def sniff(data: bytes) -> Sniffed:
    """Identify ``data`` by content."""
    if not data:
        return _kind("empty")
    if data.startswith(_OLE2):
        return _sniff_ole2(data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    for magic, kind in _SIMPLE_MAGIC:
        if data.startswith(magic):
            return _kind(kind)
    if data[:4] == b"BM" and len(data) > 26:
        return _kind("bmp")
    # PDF readers accept up to 1 KB of junk before the header.
    if b"%PDF-" in data[:1024]:
        return _kind("pdf")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        return _kind("rtf")
    if _HTML_RE.search(head[:2048]) and head.startswith(b"<"):
        return _kind("html")
    if _looks_like_text(data[:4096]):
        return _kind("text")
    return _kind("unknown")


def check_size(name: str, size: int, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a file over the size cap before reading it."""
    if size > limits.max_file_bytes:
        raise DocumentError(
            "refused",
            "too-large",
            f"файл {name} слишком большой: {size // (1024 * 1024)} МБ при пределе "
            f"{limits.max_file_bytes // (1024 * 1024)} МБ",
        )
