"""Project-authored tender documents generated in the real formats (DOCX, XLSX, PDF, RTF, HTML, zip) for the
documents tests and benchmark. A specification is a list of products, each with (characteristic, value, unit)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Spec = list[tuple[str, list[tuple[str, str, str]]]]

HEADER = [
    "№ п/п",
    "Наименование товара",
    "Наименование характеристики",
    "Значение характеристики",
    "Единица измерения",
    "Инструкция по заполнению характеристик в заявке",
]
INSTRUCTION = "Участник указывает значение, соответствующее требованию"

SWITCH_SPEC: Spec = [
    (
        "Коммутатор управляемый 24 порта",
        [
            ("Количество портов 1 Гбит/с", "не менее 24", "шт"),
            ("Бюджет PoE", "≥ 370", "Вт"),
            ("Объем оперативной памяти", "от 8 до 16", "ГБ"),
            ("Поддержка протокола SNMP", "наличие", ""),
        ],
    ),
    (
        "Источник бесперебойного питания",
        [
            ("Выходная мощность", "не менее 1500", "ВА"),
            ("Форм-фактор", "стоечный или напольный", ""),
            ("Время работы от батарей при полной нагрузке", "не менее 5", "мин"),
        ],
    ),
]


def spec_rows(spec: Spec) -> list[list[str]]:
    rows = []
    for number, (product, characteristics) in enumerate(spec, start=1):
        for first, (name, value, unit) in enumerate(characteristics):
            rows.append([str(number) if first == 0 else "", product, name, value, unit, INSTRUCTION])
    return rows


def _merge_vertically(table, column: int, top: int, bottom: int) -> None:
    if bottom > top:
        table.cell(top, column).merge(table.cell(bottom, column))


def docx_bytes(
    spec: Spec, heading: str = "Техническое задание", intro: str | None = None, macro: bool = False
) -> bytes:
    document = docx.Document()
    document.add_heading(heading, level=1)
    document.add_paragraph(intro or "Поставка оборудования для локальной вычислительной сети.")
    document.add_paragraph("Требования к товару приведены в таблице.")
    rows = spec_rows(spec)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for column, title in enumerate(HEADER):
        table.cell(0, column).text = title
    start = 1
    for _product, characteristics in spec:
        end = start + len(characteristics) - 1
        for offset, row in enumerate(rows[start - 1 : end]):
            for column, text in enumerate(row):
                if column in (0, 1) and offset > 0:
                    continue
                table.cell(start + offset, column).text = text
        _merge_vertically(table, 0, start, end)
        _merge_vertically(table, 1, start, end)
        start = end + 1
    document.add_paragraph("Гарантийный срок не менее 12 месяцев.")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _add_macros(data) if macro else data


def _add_macros(data: bytes) -> bytes:
    """Turn a DOCX into a DOCM with a (fake, inert) VBA project part, as Word lays it out."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            target.writestr(info, content)
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name" * 10)
    return out.getvalue()


def xlsx_bytes(spec: Spec, title: str = "Спецификация") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append([f"{title} на поставку товара"])
    sheet.append([])
    sheet.append(HEADER)
    for row in spec_rows(spec):
        number, product = row[0], row[1] if row[0] else ""
        value: object = row[3]
        if value.isdigit():
            value = int(value)
        sheet.append([int(number) if number else None, product or None, row[2], value, row[4], row[5]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
)


def cyrillic_font() -> Path | None:
    return next((path for path in FONT_PATHS if path.is_file()), None)


def pdf_bytes(spec: Spec, pages: int = 1, heading: str = "Техническое задание", **encrypt: str) -> bytes:
    """A PDF with a text layer: the specification as a ruled-less table drawn in columns, on each page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = cyrillic_font()
    if font is None:
        raise RuntimeError("no TrueType font with Cyrillic letters on this machine")
    if "TFSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TFSans", str(font)))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=landscape(A4))
    columns = (30, 60, 260, 520, 640)
    for page in range(pages):
        pdf.setFont("TFSans", 12)
        pdf.drawString(30, 560, f"{heading} (лист {page + 1})")
        pdf.setFont("TFSans", 8)
        y = 530
        header = ["№", "Наименование товара", "Наименование характеристики", "Значение характеристики", "Ед. изм."]
        for x, text in zip(columns, header, strict=True):
            pdf.drawString(x, y, text)
        for row in spec_rows(spec):
            y -= 16
            for x, text in zip(columns, row[:5], strict=True):
                pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    data = out.getvalue()
    if encrypt:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password=encrypt.get("user", ""), owner_password=encrypt.get("owner", "owner"))
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    return data


def _rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def rtf_bytes(spec: Spec, heading: str = "Спецификация") -> bytes:
    """An RTF as Word writes it: cp1251 code page, Unicode escapes, tables as \\trowd ... \\cell ... \\row."""
    parts = [r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fswiss\fcharset204 Arial;}}\f0\fs20 "]
    parts.append(r"\pard\b " + _rtf_escape(heading) + r"\b0\par ")
    widths = "".join(f"\\cellx{1500 * (i + 1)}" for i in range(len(HEADER)))
    for row in [HEADER, *spec_rows(spec)]:
        parts.append(r"\trowd" + widths + " ")
        parts.append("".join(r"\pard\intbl " + _rtf_escape(cell) + r"\cell " for cell in row))
        parts.append(r"\row ")
    parts.append(r"\pard " + _rtf_escape("Поставка в течение 30 дней.") + r"\par }")
    return "".join(parts).encode("ascii")


def html_bytes(spec: Spec, heading: str = "Описание объекта закупки") -> bytes:
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in spec_rows(spec))
    head = "".join(f"<th>{escape(title)}</th>" for title in HEADER)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>ТЗ</title><script>alert(1)</script></head>"
        f"<body><h1>{escape(heading)}</h1><p>Поставка товара.</p><table><tr>{head}</tr>{rows}</table></body></html>"
    ).encode()


def zip_bytes(files: dict[str, bytes], utf8_names: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if not utf8_names:
                # What Windows Explorer in a Russian locale writes: cp866 names without the UTF-8 flag.
                info.filename = name.encode("cp866").decode("cp437")
            archive.writestr(info, content)
    return out.getvalue()


def set_cell_shading(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"'
)


def _odf_package(mimetype: str, body: str) -> bytes:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}><office:body>{body}'
    content += "</office:body></office:document-content>"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)  # first and stored, as ODF says
        archive.writestr("content.xml", content.encode(), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest.encode(), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _odf_rows(spec: Spec) -> str:
    """Table rows as LibreOffice writes them: the product cell spans its characteristics' rows (covered cells
    below it) and an empty tail of repeated columns."""
    from html import escape

    def cell(text: str, extra: str = "") -> str:
        return f"<table:table-cell{extra}><text:p>{escape(text)}</text:p></table:table-cell>"

    rows = ["<table:table-row>" + "".join(cell(title) for title in HEADER) + "</table:table-row>"]
    for number, (product, characteristics) in enumerate(spec, start=1):
        span = f' table:number-rows-spanned="{len(characteristics)}"'
        for first, (name, value, unit) in enumerate(characteristics):
            if first == 0:
                head = cell(str(number), span) + cell(product, span)
            else:
                head = "<table:covered-table-cell/><table:covered-table-cell/>"
            tail = '<table:table-cell table:number-columns-repeated="1018"/>'
            rows.append(
                f"<table:table-row>{head}{cell(name)}{cell(value)}{cell(unit)}{cell(INSTRUCTION)}{tail}</table:table-row>"
            )
    rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>')
    return "".join(rows)


def odt_bytes(spec: Spec, heading: str = "Описание объекта закупки") -> bytes:
    from html import escape

    body = (
        f'<office:text><text:h text:outline-level="1">{escape(heading)}</text:h>'
        "<text:p>Поставка<text:s/>товара<text:tab/>в соответствии с таблицей.</text:p>"
        f'<table:table table:name="Таблица1">{_odf_rows(spec)}</table:table>'
        "<text:list><text:list-item><text:p>Гарантийный срок не менее 12 месяцев.</text:p></text:list-item></text:list>"
        "</office:text>"
    )
    return _odf_package("application/vnd.oasis.opendocument.text", body)


def ods_bytes(spec: Spec, title: str = "Спецификация") -> bytes:
    from html import escape

    table = f'<table:table table:name="{escape(title)}">{_odf_rows(spec)}</table:table>'
    body = f"<office:spreadsheet>{table}</office:spreadsheet>"
    return _odf_package("application/vnd.oasis.opendocument.spreadsheet", body)


def _numbered(paragraph, level: int, num_id: int = 5) -> None:
    """Word's automatic numbering on a paragraph: the number is drawn by Word, not part of the text."""
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numbering.append(ilvl)
    numbering.append(num)
    properties.append(numbering)


def docx_list_bytes(spec: Spec) -> bytes:
    """A ТЗ written as a multi-level auto-numbered list (products at level 0, «name: value» at level 1), the
    last product as a heading, followed by a payment section whose clauses are not product requirements."""
    document = docx.Document()
    document.add_paragraph("Общие сведения о закупке: поставка для нужд заказчика.")
    document.add_heading("Требования к товару", level=1)
    for number, (product, characteristics) in enumerate(spec):
        if number == len(spec) - 1 and len(spec) > 1:
            document.add_heading(product, level=2)
        else:
            _numbered(document.add_paragraph(product), 0)
        for name, value, unit in characteristics:
            _numbered(document.add_paragraph(f"{name}: {value} {unit}".strip()), 1)
    document.add_heading("Порядок оплаты", level=1)
    _numbered(document.add_paragraph("Оплата производится в срок не более 7 рабочих дней."), 0)
    _numbered(document.add_paragraph("Размер аванса: не более 30 %"), 0)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
