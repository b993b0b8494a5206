"""HTML text and tables with BeautifulSoup (lxml parser), in document order; scripts and styles dropped;
``colspan``/``rowspan`` expanded so merged cells repeat their text on the grid."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from crawlers.documents.model import DEFAULT_LIMITS, ExtractedDocument, Limits, Paragraph, Table

_BLOCKS = frozenset({"p", "li", "dt", "dd", "pre", "blockquote", "caption", "address"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object"})
_MAX_SPAN = 50


def _span(cell: Tag, attribute: str) -> int:
    try:
        return min(max(int(str(cell.get(attribute, "1")).strip() or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1


def table_rows(table: Tag) -> list[list[str]]:
    rows: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, column) -> text carried down by a rowspan
    for row_index, tr in enumerate(tr for tr in table.find_all("tr") if tr.find_parent("table") is table):
        row: list[str] = []
        column = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (row_index, column) in pending:
                row.append(pending.pop((row_index, column)))
                column += 1
            text = " ".join(cell.get_text(" ", strip=True).split())
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(colspan):
                row.append(text)
                for below in range(1, rowspan):
                    pending[(row_index + below, column + offset)] = text
            column += colspan
        while (row_index, column) in pending:
            row.append(pending.pop((row_index, column)))
            column += 1
        rows.append(row)
    return rows


def _walk(node: Tag, result: ExtractedDocument, texts: list[str]) -> None:
    def flush() -> None:
        text = " ".join(" ".join(texts).split())
        if text:
            result.blocks.append(Paragraph(text))
        texts.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, CDATA or doctype
                texts.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name == "table":
            flush()
            result.blocks.append(Table(index=len(result.tables) + 1, rows=table_rows(child)))
        elif child.name in _HEADINGS or (child.name in _BLOCKS and child.find("table") is None):
            flush()
            text = " ".join(child.get_text(" ", strip=True).split())
            if text:
                level = len(child.find_parents(["ol", "ul"])) - 1 if child.name == "li" else None
                result.blocks.append(Paragraph(text, heading=child.name in _HEADINGS, list_level=level))
        elif child.name == "br":
            flush()
        else:
            inline = child.name in {"span", "b", "i", "u", "strong", "em", "a", "font", "sup", "sub"}
            if not inline:
                flush()
            _walk(child, result, texts)
            if not inline:
                flush()


def extract_html(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    soup = BeautifulSoup(data[: limits.max_chars * 2], "lxml")
    result = ExtractedDocument(name=name, media_type=media_type, pages=1)
    texts: list[str] = []
    _walk(soup.body or soup, result, texts)
    text = " ".join(" ".join(texts).split())
    if text:
        result.blocks.append(Paragraph(text))
    return result
