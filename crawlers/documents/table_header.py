"""Recognise the header of a specification table: which column holds the product, the characteristic, the value,
the unit, the fill-in instruction… (headers matched by stem, then fuzzily; one- or two-row headers)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from crawlers.documents.model import Table

Role = str
"""number, product, char_name, value, unit, instruction, quantity, code, price, group."""

# Header vocabulary: (role, stems). A header cell takes the first role whose stem it contains.
_HEADER_STEMS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    ("instruction", ("инструкц",)),
    ("unit", ("единиц", "ед. изм", "ед.изм", "ед изм", "ед.", "окей")),
    ("value_min", ("минимальн", "не менее", "нижн")),
    ("value_max", ("максимальн", "не более", "верхн")),
    ("value", ("значени", "требуем", "требован", "показатель значени")),
    ("char_name", ("наименование характеристик", "характеристик", "параметр", "показател", "свойств")),
    ("product", ("наименование товар", "наименование объекта", "наименование продукц")),
    ("code", ("окпд", "ктру", "код")),
    ("quantity", ("количеств", "кол-во", "кол.", "объем поставки")),
    ("price", ("цена", "стоимост", "сумма")),
    ("number", ("№", "п/п", "номер")),
    (
        "product",
        (
            "наименование товар",
            "наименование объекта",
            "наименование продукц",
            "наименование",
            "товар",
            "продукц",
            "оборудован",
            "объект закупки",
            "предмет",
        ),
    ),
)
_FUZZY_PHRASES: tuple[tuple[Role, str], ...] = (
    ("instruction", "инструкция по заполнению"),
    ("unit", "единица измерения"),
    ("value", "значение характеристики"),
    ("char_name", "наименование характеристики"),
    ("product", "наименование товара"),
    ("quantity", "количество"),
)
_GROUP_HEADERS = ("характеристики товара", "характеристики объекта", "описание объекта", "технические характеристики")


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").replace("\n", " ").split())

def header_role(text: str) -> Role | None:
    cell = _norm(text)
    if not cell:
        return None
    if any(cell.startswith(group) for group in _GROUP_HEADERS) and "наименование" not in cell:
        return "group"
    if len(cell) > 80:
        return None
    for role, stems in _HEADER_STEMS:
        if any(stem in cell for stem in stems):
            return role
    best = max(_FUZZY_PHRASES, key=lambda item: fuzz.partial_ratio(cell, item[1]))
    return best[0] if len(cell) >= 5 and fuzz.partial_ratio(cell, best[1]) >= 85 else None


@dataclass
class Header:
    roles: dict[Role, int]
    """Role -> column index."""
    rows: int
    """Rows the header takes (data starts after them)."""
    width: int

    def get(self, row: list[str], role: Role) -> str:
        column = self.roles.get(role)
        if column is None or column >= len(row):
            return ""
        return row[column].strip()


def _roles_of(row: list[str]) -> dict[Role, int]:
    roles: dict[Role, int] = {}
    for column, text in enumerate(row):
        role = header_role(text)
        if role and role not in roles and (column == 0 or text != row[column - 1]):
            roles[role] = column
    return roles


def _usable(roles: dict[Role, int]) -> bool:
    has_value = "value" in roles or "value_min" in roles or "value_max" in roles
    return has_value and ("char_name" in roles or "product" in roles)


def find_header(table: Table) -> Header | None:
    """The table's header (one or two rows among its first four), if it is a specification table."""
    for start in range(min(4, len(table.rows))):
        roles = _roles_of(table.rows[start])
        if _usable(roles) and "group" not in roles.values():
            return Header(roles, start + 1, len(table.rows[start]))
        if start + 1 < len(table.rows):
            # Two-row header: «Характеристики товара» merged over «Наименование | Значение | Единица».
            roles = {}
            for column, (upper, lower) in enumerate(zip(table.rows[start], table.rows[start + 1], strict=False)):
                upper_role, lower_role = header_role(upper), header_role(lower)
                if upper_role == "group" and lower_role == "product":
                    lower_role = "char_name"  # «Наименование» under «Характеристики товара»
                role = lower_role or (upper_role if upper_role != "group" else None)
                if role and role not in roles:
                    roles[role] = column
            if _usable(roles):
                return Header(roles, start + 2, len(table.rows[start + 1]))
    return None
