"""The labelled set as data: load and check one part (``dev`` … ``dev8``, ``test``) of ``benchmarks/labelled``.

A part is a folder with ``catalogue*.toml`` (the part's own products; several files are one catalogue, each
declaring its own types), ``codes*.toml`` (classification codes by line type) and ``notices_*.toml`` (notices,
lines, characteristics, labels). The file format is described in
``benchmarks/labelled/README.md``. Nothing here knows the matcher: labels were set by reading the catalogue.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "test")
VERDICTS = ("yes", "no", "unknown")
OTHER_TYPE = "other"
# Number prefixes keep the parts apart in one database: 19 digits like real 44-FZ purchase numbers.
NUMBER_PREFIX = {
    "dev": "0373300088826",
    "dev2": "0373300077726",
    "dev3": "0373300066626",
    "dev4": "0373300055526",
    "dev5": "0373300044426",
    "dev6": "0373300033326",
    "dev7": "0373300022226",
    "dev8": "0373300011126",
    "test": "0373300099926",
}

_BOUND = re.compile(r"(>=|<=|>|<|=)\s*(-?\d+(?:[.,]\d+)?)")
"""A bound: an operator and a number, with a decimal point or comma («< 1,5 кг»)."""


class CaseError(ValueError):
    """A case file breaks the format or its labels are incomplete (message names the file and notice)."""


@dataclass(frozen=True)
class Characteristic:
    name: str
    text_form: bool
    kind: str  # "range" | "concrete" | "values"
    unit: str | None = None
    bounds: tuple[tuple[str, str], ...] = ()  # (operator, number) for "range"; one ("=", n) for "concrete"
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Product:
    sku: str
    type: str
    fields: dict[str, str]
    specs: tuple[tuple[str, str, str], ...]  # (name, value, unit)


@dataclass
class Line:
    index: int
    name: str
    type: str
    qty: Decimal
    price: Decimal
    unit: str
    okpd2: str | None
    ktru: tuple[str, str] | None  # (code, position name)
    characteristics: list[Characteristic]
    in_name: list[str]
    labels: dict[str, str]  # every catalogue SKU -> verdict

    @property
    def acceptable(self) -> set[str]:
        return {sku for sku, verdict in self.labels.items() if verdict == "yes"}


@dataclass
class Notice:
    id: int
    number: str
    form: str  # "EF" | "ZK"
    title: str
    customer: str
    relevant: bool
    lines: list[Line]
    source: str
    note: str = ""


@dataclass
class Part:
    name: str
    types: dict[str, str]
    products: list[Product]
    notices: list[Notice] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        lines = [line for notice in self.notices for line in notice.lines]
        return {
            "notices": len(self.notices),
            "relevant": sum(notice.relevant for notice in self.notices),
            "lines": len(lines),
            "requirements": sum(len(line.characteristics) + len(line.in_name) for line in lines),
            "labelled_pairs": sum(len(line.labels) for line in lines),
            "yes_pairs": sum(len(line.acceptable) for line in lines),
            "products": len(self.products),
        }


def parse_characteristic(entry: list, where: str) -> Characteristic:
    """``[name, spec]``: spec ``">= 4 <= 8 шт"`` / ``"= 2 шт"`` numeric, a string one value, a list a set."""
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
        raise CaseError(f"{where}: characteristic must be [name, spec], got {entry!r}")
    raw_name, spec = entry
    text_form = raw_name.startswith("*")
    name = raw_name.lstrip("*").strip()
    if isinstance(spec, list):
        return Characteristic(name, text_form, "values", values=tuple(str(v) for v in spec))
    spec = str(spec).strip()
    if spec[:1] not in "<>=":
        return Characteristic(name, text_form, "values", values=(spec,))
    bounds = tuple((operator, number.replace(",", ".")) for operator, number in _BOUND.findall(spec))
    unit = _BOUND.sub("", spec).strip() or None
    if not bounds or (unit and unit[0] in "0123456789.,"):
        raise CaseError(f"{where}: «{name}»: cannot read {spec!r}")
    if bounds[0][0] == "=":
        if len(bounds) != 1:
            raise CaseError(f"{where}: «{name}»: a concrete value takes one number")
        return Characteristic(name, text_form, "concrete", unit, bounds)
    return Characteristic(name, text_form, "range", unit, bounds)


def _product(entry: dict, types: dict[str, str], where: str) -> Product:
    sku, kind = entry.get("sku"), entry.get("type")
    if not sku or kind not in types:
        raise CaseError(f"{where}: product {sku!r} needs a sku and a type from [types]")
    specs = []
    for spec in entry.get("specs", []):
        name, value, *unit = spec
        specs.append((str(name), _plain(value), str(unit[0]) if unit else ""))
    keep = {key: _plain(value) for key, value in entry.items() if key not in ("type", "specs")}
    keep["category"] = types[kind]
    return Product(sku, kind, keep, tuple(specs))


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def _line(index: int, entry: dict, part: Part, codes: dict, where: str) -> Line:
    kind = entry.get("type")
    if kind != OTHER_TYPE and kind not in part.types:
        raise CaseError(f"{where}: line {index} has unknown type {kind!r}")
    chars = [parse_characteristic(c, f"{where}, line {index}") for c in entry.get("chars", [])]
    labels = dict(entry.get("labels", {}))
    _check_labels(labels, kind, part, f"{where}, line {index}")
    for product in part.products:  # another type: a specialist would never offer it
        labels.setdefault(product.sku, "no")
    return Line(
        index=index,
        name=entry["name"],
        type=kind,
        qty=Decimal(str(entry["qty"])),
        price=Decimal(str(entry["price"])),
        unit=entry.get("unit", "шт"),
        okpd2=entry.get("okpd2") or codes.get("okpd2", {}).get(kind),
        ktru=tuple(entry.get("ktru") or codes.get("ktru", {}).get(kind) or ()) or None,
        characteristics=chars,
        in_name=list(entry.get("in_name", [])),
        labels=labels,
    )


def _check_labels(labels: dict[str, str], kind: str, part: Part, where: str) -> None:
    by_sku = {product.sku: product for product in part.products}
    for sku, verdict in labels.items():
        if sku not in by_sku:
            raise CaseError(f"{where}: label for unknown SKU {sku}")
        if verdict not in VERDICTS:
            raise CaseError(f"{where}: {sku}: verdict must be one of {VERDICTS}, got {verdict!r}")
        if by_sku[sku].type != kind and verdict != "no":
            raise CaseError(f"{where}: {sku} is of another type and can only be «no»")
    missing = [p.sku for p in part.products if p.type == kind and p.sku not in labels]
    if missing:
        raise CaseError(f"{where}: no label for products of the line's type: {', '.join(missing)}")


def _notice(entry: dict, part: Part, codes: dict, source: str) -> Notice:
    where = f"{source}, notice {entry.get('id')}"
    lines = [_line(i, line, part, codes, where) for i, line in enumerate(entry.get("line", []), start=1)]
    if not lines:
        raise CaseError(f"{where}: a notice needs at least one line")
    form = entry.get("form", "EF")
    if form not in ("EF", "ZK"):
        raise CaseError(f"{where}: form must be EF or ZK")
    return Notice(
        id=int(entry["id"]),
        number=f"{NUMBER_PREFIX[part.name]}{int(entry['id']):06d}",
        form=form,
        title=entry["title"],
        customer=entry["customer"],
        relevant=bool(entry["relevant"]),
        lines=lines,
        source=source,
        note=entry.get("note", ""),
    )


def load_part(name: str, root: Path = HERE) -> Part:
    """Read and check one part; raises :class:`CaseError` naming the file and notice on any problem."""
    if name not in PARTS:
        raise CaseError(f"unknown part {name!r}; parts: {', '.join(PARTS)}")
    folder = root / name
    codes: dict[str, dict] = {}
    for path in sorted(folder.glob("codes*.toml")):
        for table, by_type in tomllib.loads(path.read_text(encoding="utf-8")).items():
            codes.setdefault(table, {}).update(by_type)
    types: dict[str, str] = {}
    entries: list[tuple[dict, str]] = []
    for path in sorted(folder.glob("catalogue*.toml")):
        catalogue = tomllib.loads(path.read_text(encoding="utf-8"))
        if clash := set(types) & set(catalogue["types"]):
            raise CaseError(f"{name}/{path.name}: types declared in another catalogue file: {sorted(clash)}")
        types.update(catalogue["types"])
        entries += [(product, f"{name}/{path.name}") for product in catalogue["product"]]
    if not entries:
        raise CaseError(f"{name}: no catalogue*.toml")
    products = [_product(product, types, source) for product, source in entries]
    if len({p.sku for p in products}) != len(products):
        raise CaseError(f"{name}: duplicate SKU in its catalogue")
    part = Part(name, types, products)
    for path in sorted(folder.glob("notices_*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        part.notices += [_notice(n, part, codes, f"{name}/{path.name}") for n in data.get("notice", [])]
    numbers = [notice.number for notice in part.notices]
    if len(set(numbers)) != len(numbers):
        raise CaseError(f"{name}: duplicate notice id")
    return part
