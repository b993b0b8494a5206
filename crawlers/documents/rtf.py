"""RTF text with striprtf: table cells come out separated by ``|`` and rows end a line, so consecutive lines
with cell separators become a table."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, ExtractedDocument, Limits, Paragraph, Table

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def _codec(data: bytes) -> str:
    match = _CODEPAGE.search(data[:4096])
    if match:
        codec = f"cp{int(match.group(1))}"
        try:
            "".encode(codec)
        except LookupError:
            return "cp1251"
        return codec
    return "cp1251"


def lines_to_blocks(lines: list[str], separator: str = "|") -> list[Paragraph | Table]:
    """Paragraphs, with runs of lines holding ``separator`` turned into tables."""
    blocks: list[Paragraph | Table] = []
    run: list[list[str]] = []

    def flush() -> None:
        nonlocal run
        if run:
            blocks.append(Table(index=sum(isinstance(b, Table) for b in blocks) + 1, rows=run))
        run = []

    for line in lines:
        if separator in line:
            cells = [cell.strip() for cell in line.split(separator)]
            if cells and not cells[-1]:
                cells.pop()  # the row's last cell marker leaves an empty tail
            run.append(cells)
            continue
        flush()
        text = " ".join(line.split())
        if text:
            blocks.append(Paragraph(text))
    flush()
    return blocks


def extract_rtf(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    codec = _codec(data)
    try:
        text = rtf_to_text(data.decode(codec, errors="replace"), encoding=codec, errors="replace")
    except (ValueError, IndexError, LookupError, RecursionError) as exc:
        raise DocumentError("error", "broken-rtf", f"RTF {name} повреждён: {exc}") from exc
    result = ExtractedDocument(name=name, media_type=media_type, pages=1)
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        result.warnings.append(f"текст обрезан на {limits.max_chars} символах")
    result.blocks = lines_to_blocks(text.splitlines())
    return result
