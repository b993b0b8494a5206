"""What a cable's line name states of the cable: its category («кат. 6», «Cat.6а», «категория не ниже 5е»), its
screening («экранированный») and its construction code («S/FTP»): each one a requirement of the name."""

from __future__ import annotations

import re
from collections.abc import Callable

from matching.requirements import Requirement, name_tokens

_CATEGORY_RE = re.compile(
    r"(?<![\w])(?:кат(?:егори[яи])?|cat)\.?\s*(?P<min>не\s+ниже\s+)?(?P<code>\d[a-zа-я]?)(?![\w])", re.IGNORECASE
)
_SHIELDED_RE = re.compile(r"(?<![\w])(?P<neg>не)?экранированн\w*", re.IGNORECASE)
_CONSTRUCTION_RE = re.compile(r"(?<![\w/])(?:U|F|S|SF)/(?:UTP|FTP|STP)(?![\w/])", re.IGNORECASE)

Make = Callable[..., Requirement]
"""The name grammar's maker of a name requirement: (label, name tokens, **fields)."""


def without_categories(name: str) -> str:
    """The name with its categories blanked: «кат. 6А» is never 6 amperes, «не ниже 5е» never at least 5."""
    return _CATEGORY_RE.sub(" ", name)


def cable_requirements(name: str, make: Make) -> list[Requirement]:
    found = []
    for m in _CATEGORY_RE.finditer(name):
        # "Патч-корд кат. 6" / "Cat.6а" (a Cyrillic а): the cable category, a graded code (matching.categories);
        # "категория не ниже 5е" a minimum of it.
        if m.group("min"):
            text = f"не ниже {m.group('code')}"
            found.append(make(m.group(0), name_tokens("категория"), kind="text", text=text))
        else:
            found.append(make(m.group(0), name_tokens("категория"), kind="values", values=(m.group("code"),)))
    for m in _SHIELDED_RE.finditer(name):
        # "Патч-корд экранированный": the screening a card states ("Экран: нет" is unshielded) decides it.
        word = "неэкранированный" if m.group("neg") else "экранированный"
        found.append(make(m.group(0), name_tokens("тип экранирования"), kind="values", values=(word,)))
    for m in _CONSTRUCTION_RE.finditer(name):
        # "Патч-корд S/FTP": the cable's construction code, one of a family of rivals (F/UTP, U/UTP, SF/UTP…).
        found.append(make(m.group(0), name_tokens("тип экранирования"), kind="values", values=(m.group(0),)))
    return found
