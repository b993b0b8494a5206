"""Which of a notice's documents are worth downloading by default: the ones that state requirements on the
goods (description of the purchase object, ТЗ, specification, draft contract, and archives of the documentation).
Decided from the document's name and kind as the platform lists them; the rest is fetched on request."""

from __future__ import annotations

import re

_WANTED = re.compile(
    r"техническ\w*\s*задани|(?<![а-яё])тз(?![а-яё])|описани\w*\s+объект|спецификаци|"
    r"проект\w*\s+(?:государственного\s+|муниципального\s+)?(?:контракт|договор)|"
    r"требовани\w*\s+к\s+(?:товар|поставляем|оборудован|характеристик)|характеристик\w*\s+товар|"
    r"документаци\w*\s+(?:о|об|по)\s+(?:закупк|аукцион|конкурс|запрос)|закупочн\w*\s+документаци",
    re.I,
)
_UNWANTED = re.compile(
    r"обосновани\w*\s+(?:начальн|нмц|цен)|нмцк|нмцд|протокол|разъяснени|запрос\w*\s+(?:на\s+)?разъяснени|"
    r"требовани\w*\s+к\s+[^.]{0,40}?заявк|инструкци\w*\s+по\s+(?:подготовк|заполнени)\w*\s+заявк|"
    r"печатн\w*\s+форм|подпис|\.sig$|\.p7s$",
    re.I,
)


def worth_reading(name: str | None, kind: str | None = None) -> bool:
    """True for a document that likely holds the specification of the goods."""
    text = " ".join(part for part in (name, kind) if part).replace("_", " ")
    if not text or _UNWANTED.search(text):
        return False
    return bool(_WANTED.search(text))


def any_document(name: str | None, kind: str | None = None) -> bool:
    """The on-request filter: every listed document except signatures."""
    return not re.search(r"\.(?:sig|p7s)$", name or "", re.I)
