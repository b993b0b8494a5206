"""Find the technical specification (ТЗ) in extracted documents.

Three forms, as customers write them:
- **tables** whose columns are like «Наименование товара / Наименование характеристики / Значение / Единица
  измерения / Инструкция» (header matched fuzzily, two-row headers, a row of column numbers, product names merged
  or left blank over the rows of their characteristics, a table continued on the next page without its header);
- **numbered lists** under a ТЗ heading: «1.1. Количество портов: не менее 24 шт.»;
- **free-text requirements** under a ТЗ heading: «Коммутатор должен иметь не менее 24 портов» (kept as text for the
  matcher's free-text parser).

The result is a list of :class:`SpecBlock` (one per product found) with :class:`SpecEntry` rows carrying their
:class:`Origin`. :func:`to_characteristic` maps an entry to the canonical ``Characteristic``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from crawlers.documents.cells import cell_characteristic
from crawlers.documents.model import ExtractedDocument, Origin, Paragraph, Table
from crawlers.documents.table_header import Header, find_header
from store.schema import Characteristic

SPEC_HEADINGS = re.compile(
    r"техническ\w*\s+задани|описани\w*\s+объект\w*\s+закупк|спецификаци|"
    r"требовани\w*\s+к\s+(?:товар|поставляем|оборудован|техническ|характеристик|качеств)|"
    r"технические\s+(?:характеристики|требования)|функциональн\w*.{0,40}характеристик",
    re.I,
)
CODE_RE = re.compile(r"\b\d{2}\.\d{2}\.\d{2}\.\d{3}(?:-\d{8})?\b")
_LIST_ITEM = re.compile(r"^\s*(?:(\d+(?:\.\d+)*)[.)]?|[-–—•·*])\s+(.+)$")
_NAME_VALUE = re.compile(r"^(.{3,120}?)\s*(?::|\s[-–—]\s)\s*(.+)$")
_REQUIREMENT_WORDS = re.compile(
    r"не\s+(?:менее|более|ниже|выше|хуже)|от\s+\d|до\s+\d|[≥≤<>]|наличие|долж\w+|поддерж\w+|не\s+допуска", re.I
)
_COLUMN_NUMBERS = re.compile(r"^\d{1,2}$")
# Free text under a ТЗ heading that is about the contract, not the goods (delivery, payment, acceptance...):
# not a requirement a product can meet, so not turned into one.
_OTHER_SECTIONS = re.compile(
    r"порядок|услови|ответственност|реквизит|обязательств|спор|форс|мажор|заключительн|общие\s+положени", re.I
)
_NOT_ABOUT_GOODS = re.compile(
    r"поставк|доставк|отгрузк|разгрузк|оплат|аванс|приемк|приёмк|заказчик|поставщик|исполнител|подрядчик|"
    r"контракт|договор|штраф|пен[иья]|неустойк|календарн\w*\s+дн|рабоч\w+\s+дн|адрес|место\s+|участник|заявк",
    re.I,
)


@dataclass
class SpecEntry:
    """One requirement as written: a characteristic name (None for free text), its value and unit."""

    name: str | None
    value: str
    unit: str | None
    origin: Origin
    instruction: str | None = None


@dataclass
class SpecBlock:
    """The requirements the document states for one product (purchase line)."""

    product: str | None
    origin: Origin
    source: str
    """table, list or text."""
    position: int | None = None
    codes: list[str] = field(default_factory=list)
    quantity: str | None = None
    entries: list[SpecEntry] = field(default_factory=list)


def _is_column_numbers(row: list[str]) -> bool:
    cells = [cell for cell in row if cell.strip()]
    return len(cells) >= 2 and all(_COLUMN_NUMBERS.match(cell.strip()) for cell in cells)


def _position(text: str) -> int | None:
    match = re.match(r"^\s*(\d{1,4})\.?\s*$", text)
    return int(match.group(1)) if match else None


def _context_product(paragraphs: list[Paragraph]) -> str | None:
    """A product named just before a characteristics-only table («Коммутатор тип 1», «Товар: Сервер»)."""
    for paragraph in reversed(paragraphs[-3:]):
        text = paragraph.text.strip()
        if SPEC_HEADINGS.search(text) or len(text) > 150 or _REQUIREMENT_WORDS.search(text):
            continue
        text = re.sub(r"^(?:\d+(?:\.\d+)*[.)]?\s*|товар\s*[:№]?\s*\d*[.:]?\s*)", "", text, flags=re.I)
        text = text.strip(" :.")
        if 3 <= len(text) <= 150:
            return text
    return None


def _bounds_text(low: str, high: str) -> str:
    """«Минимальное значение | Максимальное значение» columns as the words a value cell would use."""
    parts = [f"не менее {low}" if low else "", f"не более {high}" if high else ""]
    return "; ".join(part for part in parts if part)


def _numbers_every_row(table: Table, header: Header) -> bool:
    """True when «№» numbers every characteristic row (1, 2, 3...) rather than the products."""
    if "number" not in header.roles or "product" not in header.roles:
        return False
    numbers, products = [], set()
    for row in table.rows[header.rows :]:
        if any(cell.strip() for cell in row) and not _is_column_numbers(row):
            numbers.append(_position(header.get(row, "number")))
            products.add(header.get(row, "product"))
    products.discard("")
    if not numbers:  # a header with no rows below it
        return False
    steady = all(n is not None for n in numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    return steady and len(numbers) > max(len(products), 1)


def _table_blocks(document: ExtractedDocument, table: Table, header: Header, context: str | None) -> list[SpecBlock]:
    blocks: list[SpecBlock] = []
    current: SpecBlock | None = None
    has_product = "product" in header.roles
    has_name = "char_name" in header.roles
    numbers_are_rows = _numbers_every_row(table, header)
    for position in range(header.rows, len(table.rows)):
        row = table.rows[position]
        if not any(cell.strip() for cell in row) or _is_column_numbers(row):
            continue
        origin = document.origin(table, position)
        distinct = {cell.strip() for cell in row if cell.strip()}
        product = header.get(row, "product") if has_product else ""
        name = header.get(row, "char_name") if has_name else ""
        value = header.get(row, "value") or _bounds_text(header.get(row, "value_min"), header.get(row, "value_max"))
        filled = [cell.strip() for cell in row if cell.strip()]
        alone = next(iter(distinct)) if len(distinct) == 1 else ""
        if re.search(r"[^\W\d_]", alone) and (not value or len(filled) == len(row) > 2):
            # One text across the row (merged, or alone with no value): a product heading inside the table.
            product, name, value = alone, "", ""
        number = None if numbers_are_rows else _position(header.get(row, "number"))
        if product and (current is None or product != current.product or (number and number != current.position)):
            current = SpecBlock(product=product, origin=origin, source="table", position=number)
            blocks.append(current)
        elif current is None:
            current = SpecBlock(product=context, origin=origin, source="table", position=number)
            blocks.append(current)
        code_text = f"{header.get(row, 'code')} {product}"
        for code in CODE_RE.findall(code_text):
            if code not in current.codes:
                current.codes.append(code)
        if header.get(row, "quantity") and current.quantity is None:
            current.quantity = header.get(row, "quantity")
        if not value:
            continue
        if not has_name:  # «Наименование товара | Требования»: the value is free text about the product
            current.entries.append(SpecEntry(None, value, header.get(row, "unit") or None, origin))
            continue
        previous = current.entries[-1] if current.entries else None
        if previous is not None and (not name or name == previous.name) and previous.origin.table == table.index:
            previous.value = f"{previous.value}; {value}"  # a characteristic continued over several rows
            continue
        if not name:
            continue
        current.entries.append(
            SpecEntry(name, value, header.get(row, "unit") or None, origin, header.get(row, "instruction") or None)
        )
    return [block for block in blocks if block.entries]


def _list_entry(text: str, origin: Origin) -> SpecEntry | None:
    """«Name: value» (or «Name — value») as a characteristic, a sentence stating a requirement as free text."""
    match = _LIST_ITEM.match(text)
    body = match.group(2) if match else text
    pair = _NAME_VALUE.match(body)
    if pair and len(pair.group(1)) <= 80 and len(pair.group(2)) <= 300 and len(pair.group(1).split()) <= 10:
        return SpecEntry(pair.group(1).strip(), pair.group(2).strip(" ;."), None, origin)
    if _REQUIREMENT_WORDS.search(body):
        return SpecEntry(None, body.strip(" ;"), None, origin)
    return None


def _is_product_heading(paragraph: Paragraph) -> bool:
    """«1. Коммутатор уровня доступа» (typed number), a top-level auto-numbered item or a heading naming a
    product inside the ТЗ section."""
    text = paragraph.text.strip()
    match = _LIST_ITEM.match(text)
    if paragraph.heading:
        body = match.group(2) if match else text
    elif paragraph.list_level is not None:
        if paragraph.list_level > 0 or (match and match.group(1) and "." in match.group(1)):
            return False
        body = match.group(2) if match else text
    else:
        if not match or not match.group(1) or "." in match.group(1):
            return False
        body = match.group(2)
    return (
        len(body) <= 120
        and not _REQUIREMENT_WORDS.search(body)
        and ":" not in body.rstrip(":")
        and not _NOT_ABOUT_GOODS.search(body)
    )


def find_specification(document: ExtractedDocument, whole_document: bool | None = None) -> list[SpecBlock]:
    """The specification blocks of one document. Lists and free text count only under a ТЗ heading, or
    everywhere when the file itself is the ТЗ (``whole_document``, by default decided from its name)."""
    if not document.readable:
        return []
    if whole_document is None:
        whole_document = bool(SPEC_HEADINGS.search(document.name.rsplit("/", 1)[-1].replace("_", " ")))
    blocks: list[SpecBlock] = []
    paragraphs: list[Paragraph] = []
    in_spec = whole_document
    last_header: Header | None = None
    text_block: SpecBlock | None = None
    for block in document.blocks:
        if isinstance(block, Table):
            header = find_header(block)
            if header is None and last_header is not None and block.rows and len(block.rows[0]) == last_header.width:
                header = Header(last_header.roles, 0, last_header.width)  # continued on the next page
            if header is not None:
                found = _table_blocks(document, block, header, _context_product(paragraphs))
                if found and header.rows == 0 and blocks and found[0].product == blocks[-1].product:
                    blocks[-1].entries.extend(found.pop(0).entries)
                blocks.extend(found)
                last_header = header
                text_block = None
            continue
        paragraphs.append(block)
        text = block.text.strip()
        if SPEC_HEADINGS.search(text) and len(text) < 200:
            in_spec, text_block = True, None
            continue
        if block.heading and (_NOT_ABOUT_GOODS.search(text) or _OTHER_SECTIONS.search(text)):
            in_spec, text_block = whole_document, None  # payment, delivery, liability... end the ТЗ section
            continue
        if not in_spec:
            continue
        origin = Origin(document.name, page=block.page, paragraph=len(paragraphs))
        if _is_product_heading(block):
            match = _LIST_ITEM.match(text)
            product = match.group(2).strip(" :.") if match else text
            text_block = SpecBlock(product=product, origin=origin, source="list", position=None)
            codes = CODE_RE.findall(text)
            text_block.codes.extend(codes)
            blocks.append(text_block)
            continue
        entry = _list_entry(text, origin)
        if entry is None or _NOT_ABOUT_GOODS.search(entry.name or entry.value):
            continue
        if text_block is None:
            text_block = SpecBlock(product=None, origin=origin, source="list" if entry.name else "text")
            blocks.append(text_block)
        text_block.entries.append(entry)
    return [block for block in blocks if block.entries]


def find_in_documents(documents: Iterable[ExtractedDocument]) -> list[SpecBlock]:
    return [block for document in documents for block in find_specification(document)]


def to_characteristic(entry: SpecEntry) -> Characteristic:
    """The table-cell mapping; a free-text entry (no name) becomes a ``text`` characteristic named by its text."""
    if entry.name is None:
        return Characteristic(name=entry.value[:200], kind="text", text=entry.value, unit=entry.unit)
    return cell_characteristic(entry.name, entry.value, entry.unit, entry.instruction)


def requirements_json(blocks: Iterable[SpecBlock]) -> list[dict[str, object]]:
    """The stored form (``Attachment.requirements``): one object per requirement, as written (name, value, unit,
    origin) with its table-cell ``characteristic`` and the ``block`` (product, position, codes) it belongs to.
    ``matching/attachments.py`` regroups them by block to map them to the notice's lines."""
    entries: list[dict[str, object]] = []
    for block in blocks:
        header = {
            "product": block.product,
            "position": block.position,
            "codes": list(block.codes),
            "quantity": block.quantity,
            "source": block.source,
            "origin": block.origin.to_dict(),
        }
        for entry in block.entries:
            entries.append(
                {
                    "name": entry.name,
                    "value": entry.value,
                    "unit": entry.unit,
                    "instruction": entry.instruction,
                    "origin": entry.origin.to_dict(),
                    "origin_label": entry.origin.label(),
                    "characteristic": to_characteristic(entry).to_json_dict(),
                    "block": header,
                }
            )
    return entries
