"""Catalogue loading (contract 4.2): CSV folder, two paths, XLSX; errors name file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.catalogue import CatalogueError, load_catalogue

PRODUCTS = "sku,name,vendor,category,okpd2,price,country,registry_number,warranty_months\n"
SPECS = "sku,name,value,unit\n"


def write(folder: Path, products: str, specs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "products.csv").write_text(PRODUCTS + products, encoding="utf-8")
    (folder / "specs.csv").write_text(SPECS + specs, encoding="utf-8")
    return folder


def error_of(paths) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(paths)
    return caught.value


def test_demo_catalogue_loads_with_specs(demo_products):
    assert len(demo_products) >= 150
    assert all(6 <= len(p.specs) <= 17 for p in demo_products)
    assert len({p.sku for p in demo_products}) == len(demo_products)
    assert {p.category for p in demo_products} >= {"Коммутаторы", "Ноутбуки", "ИБП", "МФУ", "Серверы"}


def test_folder_and_two_paths(tmp_path):
    folder = write(tmp_path / "c", "A-1,Коммутатор,Eltex,Коммутаторы,26.30.11.110,\"1 234,50\",Россия,РЭ-1/24,36\n",
                   "A-1,Количество портов,24,шт\nA-1,PoE,Да,\n")  # fmt: skip
    (product,) = load_catalogue(folder)
    assert product.price == "1234.50" and product.warranty_months == 36
    assert [(s.name, s.value, s.unit) for s in product.specs] == [
        ("Количество портов", "24", "шт"),
        ("PoE", "Да", None),
    ]
    assert load_catalogue([folder / "specs.csv", folder / "products.csv"]) == [product]


def test_vat_rate_may_carry_its_percent_sign(tmp_path):
    products = "sku,name,price,vat_rate\nA-1,Коммутатор,100,22%\nA-2,Роутер,100,22 %\nA-3,Кабель,100,20\n"
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "products.csv").write_text(products, encoding="utf-8")
    (folder / "specs.csv").write_text(SPECS, encoding="utf-8")
    assert [p.vat_rate for p in load_catalogue(folder)] == ["22", "22", "20"]
    (folder / "products.csv").write_text("sku,name,price,vat_rate\nA-1,Коммутатор,100,22%%\n", encoding="utf-8")
    assert "столбец «vat_rate»: не число: «22%%»" in str(error_of(folder))


def test_semicolon_csv_with_bom(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "products.csv").write_text("\ufeffsku;name;price\nB-1;МФУ;100\n", encoding="utf-8")
    (folder / "specs.csv").write_text("sku;name;value;unit\nB-1;Формат;A4;\n", encoding="utf-8")
    assert load_catalogue(folder)[0].specs[0].value == "A4"


@pytest.mark.parametrize(
    ("products", "specs", "expected"),
    [
        ("A-1,Коммутатор,,,,,,,\n", "", "products.csv: строка 2, столбец «price»"),
        ("A-1,Коммутатор,,,,дорого,,,\n", "", "products.csv: строка 2, столбец «price»: не число"),
        ("A-1,Коммутатор,,,,1,,,\nA-1,Роутер,,,,2,,,\n", "", "products.csv: строка 3, столбец «sku»"),
        ("A-1,Коммутатор,,,,1,,,много\n", "", "столбец «warranty_months»"),
        ("A-1,Коммутатор,,,,1,,,\n", "Z-9,Порты,24,\n", "specs.csv: строка 2, столбец «sku»: артикул «Z-9»"),
        ("A-1,Коммутатор,,,,1,,,\n", "A-1,Порты,,\n", "specs.csv: строка 2, столбец «value»"),
    ],
)
def test_errors_name_file_row_and_column(tmp_path, products, specs, expected):
    err = error_of(write(tmp_path / "bad", products, specs))
    assert expected in str(err)
    assert all(e.row >= 1 for e in err.errors)


def test_missing_required_column_and_file(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "products.csv").write_text("sku,name\nA,Б\n", encoding="utf-8")
    (folder / "specs.csv").write_text(SPECS, encoding="utf-8")
    assert "строка 1, столбец «price»: нет обязательного столбца" in str(error_of(folder))
    (folder / "specs.csv").unlink()
    assert "файл не найден" in str(error_of(folder))


def test_xlsx_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "products"
    sheet.append(["sku", "name", "price", "country"])
    sheet.append(["X-1", "Ноутбук", 74900.5, "Россия"])
    sheet.append(["X-2", "Монитор", None, "Россия"])
    specs = book.create_sheet("specs")
    specs.append(["sku", "name", "value", "unit"])
    specs.append(["X-1", "Объем оперативной памяти", 16, "ГБ"])
    path = tmp_path / "catalogue.xlsx"
    book.save(path)
    err = error_of(path)
    assert "catalogue.xlsx, лист products: строка 3, столбец «price»" in str(err)
    specs_only = tmp_path / "only.xlsx"
    del book["products"]
    book.save(specs_only)
    assert "нет листа «products»" in str(error_of(specs_only))
