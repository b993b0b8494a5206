"""DOCX (and macro-enabled DOCM) text and tables with python-docx, in document order.

Macros are never executed: python-docx only reads XML. A DOCM is opened by relabelling its main part as a
plain document in memory; the VBA project is left as an inert blob and a warning is recorded.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from crawlers.documents.archive import check_container
from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, ExtractedDocument, Limits, Paragraph, Table

_MACRO_MAIN = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_PLAIN_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_NOTE = "документ содержит макросы (vbaProject.bin): они не выполнялись, прочитан только текст"

_P = qn("w:p")
_TBL = qn("w:tbl")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_TR = qn("w:tr")
_TC = qn("w:tc")


def _relabel_macro_document(data: bytes) -> bytes:
    """Copy the package with the macro-enabled content type replaced, so python-docx reads its text."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_MACRO_MAIN, _PLAIN_MAIN)
            target.writestr(info, content)
    return out.getvalue()


_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")


def _paragraph_text(p, parent) -> str:
    """The paragraph's text as displayed: runs at any depth (hyperlinks, tracked insertions, content controls,
    text boxes), deleted text and field codes left out (``w:delText`` / ``w:instrText`` are other tags)."""
    parts = []
    for element in p.iter(_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN):
        tag = element.tag
        if tag == _T:
            parts.append(element.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts).strip()


def _is_heading(p, parent) -> bool:
    paragraph = DocxParagraph(p, parent)
    try:
        style = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        style = ""
    return style.lower().startswith(("heading", "заголовок", "title"))


_NUM_PR = qn("w:numPr")
_ILVL = qn("w:ilvl")
_VAL = qn("w:val")


def _list_level(p, parent) -> int | None:
    """The list level of an auto-numbered paragraph (direct numbering or through its style), else None."""
    properties = p.pPr
    numbering = properties.find(_NUM_PR) if properties is not None else None
    if numbering is None:
        try:
            style = DocxParagraph(p, parent).style
            style_properties = style.element.pPr if style is not None else None
        except (KeyError, ValueError, AttributeError):
            style_properties = None
        numbering = style_properties.find(_NUM_PR) if style_properties is not None else None
    if numbering is None:
        return None
    level = numbering.find(_ILVL)
    try:
        return int(level.get(_VAL)) if level is not None else 0
    except (TypeError, ValueError):
        return 0


def _cell_text(tc, parent) -> str:
    lines = []
    for child in tc.iterchildren():
        if child.tag == _P:
            text = _paragraph_text(child, parent)
            if text:
                lines.append(text)
        elif child.tag == _TBL:  # a nested table: its rows as text lines
            lines.extend(" | ".join(row) for row in _table_rows(child, parent))
    return "\n".join(lines)


def _table_rows(tbl, parent) -> list[list[str]]:
    """Rows on the layout grid: a horizontally merged cell repeats in each column it spans, a vertically
    merged one repeats the text of its first cell."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_TR):
        row: list[str] = []
        grid_before = tr.grid_before if hasattr(tr, "grid_before") else 0
        row.extend([""] * grid_before)
        for tc in tr.iterchildren(_TC):
            span = max(tc.grid_span, 1)
            column = len(row)
            if tc.vMerge == "continue" and rows:
                above = rows[-1]
                text = above[column] if column < len(above) else ""
            else:
                text = _cell_text(tc, parent)
            row.extend([text] * span)
        rows.append(row)
    return rows


def _iter_body(element):
    for child in element.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:  # content controls wrap ordinary paragraphs and tables
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _iter_body(content)


def extract_docx(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    check_container(name, data, limits)
    warnings: list[str] = []
    if b"vbaProject" in data or media_type.startswith("application/vnd.ms-word"):
        warnings.append(_MACRO_NOTE)
        data = _relabel_macro_document(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of errors on damaged packages
        raise DocumentError("error", "broken-docx", f"документ {name} повреждён: {exc}") from exc
    body = document.element.body
    parent = document._body
    result = ExtractedDocument(name=name, media_type=media_type, pages=1, warnings=warnings)
    chars = 0
    tables = 0
    for element in _iter_body(body):
        if element.tag == _P:
            text = _paragraph_text(element, parent)
            if text:
                result.blocks.append(
                    Paragraph(text, heading=_is_heading(element, parent), list_level=_list_level(element, parent))
                )
                chars += len(text)
        else:
            tables += 1
            rows = _table_rows(element, parent)
            result.blocks.append(Table(index=tables, rows=rows))
            chars += sum(len(cell) for row in rows for cell in row)
        if chars > limits.max_chars:
            result.warnings.append(f"текст обрезан на {limits.max_chars} символах")
            break
    return result
