"""Text-form requirements ("не менее 1200 x 1200 dpi", "Intel Core i5 не ниже 12-го поколения") against a card."""

from __future__ import annotations

import re

from matching.alignment import adds_only_body, other_scope
from matching.cards import ProductCard, SpecCard, said_of_it
from matching.normalise import tokens
from matching.qualifiers import unqualified
from matching.ranges import Reason, Status, offered
from matching.requirements import Requirement
from matching.resolutions import resolution_meets
from matching.specmatch import conflicts
from matching.values import ingress_at_least
from matching.wholevalues import meets_whole

_BOUND_RE = re.compile(r"не\s*(?:менее|более|ниже|выше|хуже)|[≥≤]|>=|<=", re.IGNORECASE)


def check_text(req: Requirement, spec: SpecCard | None, card: ProductCard) -> tuple[Status, Reason]:
    text = req.text or ""
    meets = resolution_meets(text, spec.spec.value) if spec is not None else None
    if meets is not None and spec is not None:
        why = unqualified(req, spec, card)
        if why is not None:
            return "unknown", why
        return ("yes" if meets else "no"), lambda: f"разрешение {spec.spec.value} против «{text}»"
    whole = meets_whole(text, spec.spec.value) if spec is not None else None
    if whole is not None and spec is not None:
        return ("yes" if whole else "no"), lambda: f"{offered(spec)} против «{text}»"
    if spec is not None and ingress_at_least(text, spec.spec.value) and adds_only_body(req.name_tokens, spec.tokens):
        return "yes", lambda: f"степень защиты {spec.spec.value} соответствует «{text}»"
    want = set(tokens(text))
    if spec is not None and want and want <= spec.value_tokens:
        return "yes", lambda: f"{offered(spec)} соответствует «{text}»"
    if spec is not None and conflicts(want, spec.value_tokens):  # «однофазное 220 В» on «Вход: трёхфазный 380 В»
        return "unknown", lambda: f"в карточке ({spec.spec.name}: {spec.spec.value}) указано иное, проверьте"
    found = _telling(want) and want <= card.evidence and said_of_it(frozenset(want), card, req.name_tokens)
    if found and _said_plainly(req, want, card):
        return "yes", lambda: f"«{text}» есть в описании товара"
    where = f" ({spec.spec.name}: {spec.spec.value})" if spec else ""
    return "unknown", lambda: f"текстовое требование, нужна ручная проверка{where}"


def _said_plainly(req: Requirement, want: set[str], card: ProductCard) -> bool:
    """A bound in a text requirement ("не менее 1200x1200 dpi") found as words on the card is met only where a spec
    without another scope or part says them ("Разрешение: 600x600 dpi", not "Максимальное разрешение
    (интерполированное)": the interpolated resolution is not the optical one)."""
    if not _BOUND_RE.search(req.text or ""):
        return True
    return any(
        want <= s.tokens | s.value_tokens and other_scope(req.name_tokens, s.tokens) is None for s in card.specs
    )


def _telling(words: set[str]) -> bool:
    """Words that can prove a text requirement anywhere on the card: not a lone short code or number."""
    return len(words) >= 2 or any(len(w) >= 4 and not w[:1].isdigit() for w in words)
