"""Blocking: which catalogue products a purchase line is compared with at all.

A line's *head* (its first meaningful noun: ``коммутатор`` in "Коммутатор управляемый 24 порта") and the other
product-type nouns of its leading phrase pick the products whose own head is one of them (an inverted index of
lemmas); a line whose head the catalogue does not know falls back to products with the same OKPD2/KTRU code.
So the number of compared pairs grows with the candidates, never with notices × catalogue.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

import pymorphy3
from rapidfuzz import fuzz, process

from matching.cards import ProductCard, product_card
from matching.normalise import clean, tables, tokens
from matching.specmatch import SpecVocabulary
from matching.units import DATA_DIR
from store.schema import Product

_PREPOSITION_RE = re.compile(r"\s(?:для|к|в|на|с|от|под|по|при|из|без)\s")
_morph = pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def context_tables() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "misleading.json").read_text(encoding="utf-8"))
    return {key: frozenset(tokens(" ".join(v)) if key != "negative_terms" else _lemmas(v)) for key, v in data.items()
            if not key.startswith("_")}  # fmt: skip


def _lemmas(words: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out.update(tokens(w))
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _is_noun_like(token: str) -> bool:
    if token in tables().phrases.values() or not re.search("[а-я]", token):
        return not token[:1].isdigit() and len(token) > 1 and not re.fullmatch(r"[a-z_]+\d[\d.]*", token)
    tag = _morph.parse(token)[0].tag
    return "NOUN" in tag or "Abbr" in tag


def leading_tokens(name: str) -> tuple[str, ...]:
    """Tokens of the name before its first preposition (the part that says what the thing is)."""
    text = f" {clean(name)} "
    m = _PREPOSITION_RE.search(text)
    return tokens(text[: m.start()] if m else text)


def head_of(name: str) -> str | None:
    """The first meaningful noun of a name: ``Управляемый коммутатор 24 порта`` → ``коммутатор``."""
    ctx = context_tables()
    skip = ctx["generic_heads"] | ctx["non_heads"]
    for part in (leading_tokens(name), tokens(name)):
        for token in part:
            if token in skip:
                continue
            if _is_noun_like(token):
                return token
    return None


@lru_cache(maxsize=100_000)
def _code_keys(codes: tuple[str | None, ...]) -> tuple[tuple[int, str], ...]:
    return tuple(_keys(codes))


def code_keys(codes: Sequence[str | None]) -> tuple[tuple[int, str], ...]:
    """Prefixes of OKPD2/KTRU codes by specificity (memoised)."""
    return _code_keys(tuple(codes))


def _keys(codes: Sequence[str | None]) -> list[tuple[int, str]]:
    """Prefixes of OKPD2/KTRU codes by specificity: full KTRU, OKPD2 (12 chars), 8, 5, 2 chars."""
    keys: list[tuple[int, str]] = []
    for code in codes:
        if not code:
            continue
        code = code.strip()
        keys.append((5, code))
        for level, size in ((4, 12), (3, 8), (2, 5), (1, 2)):
            if len(code) >= size:
                keys.append((level, code[:size]))
    return keys


CODE_AGREEMENT = {5: 1.0, 4: 0.9, 3: 0.7, 2: 0.45, 1: 0.25}


def code_agreement(item_codes: Sequence[str | None], product_codes: Sequence[str | None]) -> float | None:
    """1.0 same KTRU … 0.25 same class, 0.0 different class, None when a side has no code."""
    return _code_agreement(tuple(item_codes), tuple(product_codes))


@lru_cache(maxsize=200_000)
def _code_agreement(item_codes: tuple, product_codes: tuple) -> float | None:
    a = dict(code_keys(item_codes))
    if not a or not any(product_codes):
        return None
    b = set(k for _, k in code_keys(product_codes))
    best = 0.0
    for level, key in code_keys(item_codes):
        if key in b:
            best = max(best, CODE_AGREEMENT[level])
    return best


class CatalogueIndex:
    """Prepared cards, the inverted index of product heads, code blocks and word weights of one catalogue."""

    def __init__(self, products: Sequence[Product]) -> None:
        self.cards: list[ProductCard] = [product_card(p) for p in sorted(products, key=lambda p: p.sku)]
        self.spec_vocab = SpecVocabulary(self.cards)
        self.card_by_sku = {card.product.sku: card for card in self.cards}
        self.by_head: dict[str, list[int]] = defaultdict(list)
        self.by_brand: dict[str, list[int]] = defaultdict(list)
        self.by_code: dict[str, list[int]] = defaultdict(list)
        df: Counter[str] = Counter()
        for i, card in enumerate(self.cards):
            heads = {head_of(card.product.name)} | set(leading_tokens(card.product.name)[:1])
            # Brand and model words name a product when a line names nothing else ("Лицензия Astra Linux").
            for extra in (card.product.vendor, card.product.model):
                for t in tokens(extra or "")[:1]:
                    if re.search("[a-zа-я]", t) and len(t) > 2:
                        self.by_brand[t].append(i)
            if card.product.category:
                heads.add(head_of(card.product.category))
            for head in heads - {None}:
                self.by_head[head].append(i)
            for level, key in code_keys(card.codes):
                if level >= 3:
                    self.by_code[key].append(i)
            df.update(set(card.tokens))
        self.head_vocab = sorted(self.by_head)
        n = max(len(self.cards), 1)
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.default_idf = math.log(1 + n)

    def weight(self, token: str) -> float:
        return self.idf.get(token, self.default_idf)

    @lru_cache(maxsize=20_000)  # noqa: B019 - the index lives as long as its cache should
    def resolve_head(self, head: str) -> str | None:
        """The catalogue's head for a line head, tolerating typos (``коммутотор`` → ``коммутатор``)."""
        if head in self.by_head:
            return head
        if len(head) < 6 or not re.search("[а-я]", head):
            return None
        found = process.extractOne(head, self.head_vocab, scorer=fuzz.ratio, score_cutoff=85)
        return found[0] if found else None

    def block_key(self, name: str, codes: Sequence[str | None]) -> tuple[str, ...]:
        """The blocking key of a purchase line: known product heads of its leading phrase, else its codes."""
        head = head_of(name)
        if head is not None:
            resolved = self.resolve_head(head)
            if resolved is None and head in self.by_brand:
                return (f"brand:{head}",)  # generic words came first: the brand is what the line names
            if resolved is None:
                # The head is not a product type we know, but the leading phrase may name one in other words
                # ("Персональная машина (ПЭВМ)"); words after a preposition never count ("Сумка для ноутбука").
                known = sorted({t for t in leading_tokens(name) if t in self.by_head})
                return tuple(known)
            lead = [self.resolve_head(t) for t in leading_tokens(name) if t in self.by_head and t != resolved]
            return tuple(sorted({resolved, *[t for t in lead if t]}))
        for level, key in sorted(code_keys(codes), reverse=True):
            if level >= 3 and key in self.by_code:
                return (f"code:{key}",)
        return ()

    def block(self, key: tuple[str, ...]) -> list[int]:
        ids: set[int] = set()
        for part in key:
            if part.startswith("code:"):
                ids.update(self.by_code.get(part[5:], ()))
            elif part.startswith("brand:"):
                ids.update(self.by_brand.get(part[6:], ()))
            else:
                ids.update(self.by_head.get(part, ()))
        return sorted(ids)
