"""Extraction speed per format on generated tender specifications: pages/s, rows/s and MB/s.

    .venv/bin/python benchmarks/documents.py [--products 60] [--repeat 3]

The machine is shared (2 cores, several agents): figures vary by +-30 %; compare within one run.
Each format holds the same specification (``--products`` products x 12 characteristics). PDF pages are real
pages; for flowing formats (DOCX, ODT, RTF, HTML) and spreadsheets (XLSX, ODS) a page is counted as 3,000
characters of extracted text, about one A4 page of a specification table. "extract" is bytes -> text and
tables; "spec" adds finding the specification and mapping every row to a Characteristic. Medians of
``--repeat`` runs, one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawlers.documents.extract import extract
from crawlers.documents.specification import find_specification, to_characteristic
from tests.documents.builders import (
    docx_bytes,
    html_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    xlsx_bytes,
    zip_bytes,
)

CHARS_PER_PAGE = 3000
ROWS_PER_PDF_PAGE = 30


def make_spec(products: int) -> list:
    spec = []
    for number in range(1, products + 1):
        spec.append(
            (
                f"Коммутатор управляемый тип {number}",
                [
                    ("Количество портов 1 Гбит/с", f"не менее {8 + number % 40}", "шт"),
                    ("Количество портов SFP+", "не менее 4", "шт"),
                    ("Бюджет PoE", "≥ 370", "Вт"),
                    ("Объем оперативной памяти", "от 8 до 16", "ГБ"),
                    ("Коммутационная способность", "не менее 128", "Гбит/с"),
                    ("Поддержка протокола SNMP", "наличие", ""),
                    ("Поддержка VLAN", "не менее 4094", "шт"),
                    ("Форм-фактор", "стоечный или настольный", ""),
                    ("Блок питания", "встроенный", ""),
                    ("Уровень шума", "не более 45", "дБ"),
                    ("Рабочая температура", "от 0 до 45", "°C"),
                    ("Гарантийный срок", "не менее 36", "мес"),
                ],
            )
        )
    return spec


def pdf_pages(spec: list) -> bytes:
    """The specification split over pages of ``ROWS_PER_PDF_PAGE`` rows (products per page)."""
    per_page = max(1, ROWS_PER_PDF_PAGE // 12)
    chunks = [spec[i : i + per_page] for i in range(0, len(spec), per_page)]
    # One PDF with a page per chunk: build per chunk and merge with pypdf.
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for chunk in chunks:
        for page in PdfReader(io.BytesIO(pdf_bytes(chunk))).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def measure(name: str, data: bytes, repeat: int) -> dict[str, float]:
    extract_times, spec_times = [], []
    documents = []
    for _ in range(repeat):
        start = time.perf_counter()
        documents = extract(name, data)
        extract_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        rows = 0
        for document in documents:
            for block in find_specification(document):
                for entry in block.entries:
                    to_characteristic(entry)
                    rows += 1
        spec_times.append(time.perf_counter() - start)
    assert all(d.status == "ok" for d in documents), [(d.name, d.reason) for d in documents]
    pages = sum(
        d.pages if d.media_type == "application/pdf" else max(1, round(len(d.text()) / CHARS_PER_PAGE))
        for d in documents
    )
    extract_s = statistics.median(extract_times)
    total_s = extract_s + statistics.median(spec_times)
    return {
        "bytes": len(data),
        "pages": pages,
        "rows": rows,
        "extract_s": extract_s,
        "total_s": total_s,
        "pages_s": pages / extract_s,
        "pages_s_spec": pages / total_s,
        "rows_s": rows / total_s,
        "mb_s": len(data) / extract_s / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    spec = make_spec(args.products)
    samples = {
        "ТЗ.docx": docx_bytes(spec),
        "Спецификация.xlsx": xlsx_bytes(spec),
        "ТЗ.pdf": pdf_pages(spec),
        "ТЗ.rtf": rtf_bytes(spec),
        "ТЗ.html": html_bytes(spec),
        "ТЗ.odt": odt_bytes(spec),
        "Спецификация.ods": ods_bytes(spec),
    }
    samples["Документация.zip"] = zip_bytes({name: data for name, data in samples.items()})
    print(f"{args.products} products x 12 characteristics; median of {args.repeat} runs")
    print(
        f"{'format':<18}{'size KB':>9}{'pages':>7}{'rows':>7}{'extract s':>11}{'pages/s':>10}"
        f"{'+spec p/s':>11}{'rows/s':>9}{'MB/s':>7}"
    )
    for name, data in samples.items():
        r = measure(name, data, args.repeat)
        print(
            f"{name:<18}{r['bytes'] / 1024:>9.0f}{r['pages']:>7}{r['rows']:>7}{r['extract_s']:>11.3f}"
            f"{r['pages_s']:>10.1f}{r['pages_s_spec']:>11.1f}{r['rows_s']:>9.0f}{r['mb_s']:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
