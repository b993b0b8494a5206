"""Requirements written in a purchase line's name: "Коммутатор 48 портов PoE+ управляемый L3", "Сервер 2U, два
процессора", "Ноутбук 15,6–17,3\\"", "ИБП 10 кВА".

One grammar with the characteristics' (``matching.requirements.parse_free_text``: comparators, ranges with
dashes and inch marks), plus what names carry without a comparator: counts with nouns (digits or words) and
the port type they count, features (PoE/PoE+/PoE++, SFP/SFP+, L2/L3, managed/unmanaged), rack units, and bare sizes.
A name's requirement is a requirement like any other: undecided, it leaves the product "unknown".
"""

from __future__ import annotations

import dataclasses
import json
import re
from functools import lru_cache

from matching.alignment import align, categories, vocabulary
from matching.cablenames import cable_requirements, without_categories
from matching.cards import ProductCard, SpecCard
from matching.normalise import feature_tokens, fix_lookalikes, fold, lemma, phrase_tokens, tokens
from matching.rackwidth import rack_width
from matching.requirements import Requirement, from_characteristic, measure_of, name_tokens, parse_free_text
from matching.typegate import line_types
from matching.units import DATA_DIR, Quantity, make_quantity, parse_quantities, unit_info
from matching.unreadname import SOURCE as UNREAD
from matching.unreadname import stated_elsewhere, unread_requirements
from matching.values import classes_read_in_names, value_classes
from store.schema import Item

_WORD_NUMBERS = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
                 "восемь": 8, "десять": 10, "двенадцать": 12, "шестнадцать": 16,
                 # the cases a name writes after "с" / "на" / "из": "с двумя процессорами", "на четырех дисках"
                 "одним": 1, "одной": 1, "одного": 1, "двумя": 2, "двух": 2, "тремя": 3, "трех": 3, "трёх": 3,
                 "четырьмя": 4, "четырех": 4, "четырёх": 4, "пятью": 5, "пяти": 5, "шестью": 6, "шести": 6,
                 "восемью": 8, "восьми": 8, "десятью": 10, "десяти": 10}  # fmt: skip
_COUNT_RE = re.compile(
    r"(?<![\w.,/-])(?P<n>\d{1,4}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\s*(?:[xх×]\s*)?"
    r"(?P<noun>[а-яё]{3,})(?P<qual>(?:\s+(?:с\s+|со\s+)?(?:poe\+\+|poe\+|poe|sfp\+|sfp28|sfp|qsfp\+|qsfp28|rj-?45|"
    r"\d{1,3}(?:[.,]\d)?\s*g(?:bit|be|e)?(?![\w/])|\d{1,3}(?:[.,]\d)?\s*[гм]бит/с(?!\w)|usb(?:\s*3\.\d)?|hdmi))*)",
    re.IGNORECASE,
)
_RACK_RE = re.compile(r"(?<![\w.,])(?P<n>[1-9]\d?)\s*[UuЮ](?![\w])")
_STANDARD_RE = re.compile(r"(?<![\w-])\d+G?BASE-?[A-Z0-9]+(?![\w-])", re.IGNORECASE)
"""An Ethernet physical-layer standard ("1000BASE-T", "10GBASE-SR"): a transceiver or port of that standard only."""
_LEVEL_RE = re.compile(r"(?<![\w])L(?P<l>[23])(?P<plus>\+?)(?![\w])", re.IGNORECASE)
_MANAGED_RE = re.compile(r"(?<![\w])(?P<neg>не)?управляем\w*|(?<![\w])(?P<neg2>un)?managed(?![\w])", re.IGNORECASE)
_LEVELS = {"2": ("L2", "L2+", "L3"), "2+": ("L2+", "L3"), "3": ("L3",)}
POWER_FEATURES = frozenset({"poe", "poeplus", "poebt"})
"""Power over ports: a count of powered ports counts some of the other ports again."""
_POWER = POWER_FEATURES
_READ_FEATURES = _POWER | {"sfp", "sfpplus", "sfp28", "qsfpplus", "qsfp28"}
_WITH_RE = re.compile(r"(?<![\w-])(?:с|со)\s+(?P<p>[^\W\d_][\w+-]*(?:\s+[^\W\d_][\w+-]*)*)", re.IGNORECASE)
_CODE_END = r"(?![.,]?\d)(?=\s*(?:[,;)]|$)|\s+и\s)"
_CODE_NUMBER_RE = re.compile(r"\s+(\d+(?:[.,]\d+)?)" + _CODE_END)
_MORE_CODES_RE = re.compile(r"\s*(?:,|\s+и)\s+(?:(?P<w>[^\W\d_][\w+-]*)\s+)?(?P<n>\d+(?:[.,]\d+)?)" + _CODE_END)
_PHRASE_STOPS = frozenset({"для", "на", "в", "во", "под", "из", "от", "до", "по", "без", "к", "при", "с", "со"})


@lru_cache(maxsize=1)
def _countable() -> frozenset[str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["countable"]["nouns"]
    return frozenset(lemma(word.split()[0]) for word in data)


@lru_cache(maxsize=1)
def _room_for() -> dict[str, str]:
    return json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["countable"]["room_for"]


_ROOM_RE = re.compile(r"(?<![\w-])на\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _completions() -> dict[str, tuple[str, ...]]:
    """Countable nouns named by a phrase ("блок питания"): the first word's lemma → the tokens completing it."""
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["countable"]["nouns"]
    return {lemma(word.split()[0]): tokens(word.split(maxsplit=1)[1]) for word in data if " " in word}


def _completed(noun: str, after: str) -> tuple[tuple[str, ...], str]:
    """The words completing a counted noun right after it ("2 блока питания": "питания"), as tokens and text."""
    rest = _completions().get(lemma(noun))
    if not rest:
        return (), ""
    words = after.split()[: len(rest)]
    return (rest, " " + " ".join(words).rstrip(".,;:")) if tokens(" ".join(words)) == rest else ((), "")


def _label(text: str) -> str:
    return f"{text} (в наименовании)"


def _req(label: str, name_tokens: tuple[str, ...], **kwargs) -> Requirement:
    return Requirement(name=_label(label), name_tokens=name_tokens, source="name", **kwargs)


def _size_kind(unit: str | None, dimension: str | None) -> str:
    """The key of a size in ``alignment.json`` (``dimension_names``, ``exact_name_sizes``): "inch" for inch marks
    (a length that is a screen's diagonal), else the unit's dimension."""
    return "inch" if unit and unit.strip() in ('"', "дюйм", "дюйма", "дюймов", "″", "”") else dimension or ""


def _measured(unit: str | None, dimension: str | None) -> tuple[str, ...]:
    return vocabulary().dimension_names.get(_size_kind(unit, dimension), ())


_PORT_COUNT_RE = re.compile(
    r"(?<![\w.,/-])(?P<n>\d{1,2})\s*(?:(?:[xх×]\s*)?(?P<kind>q?sfp(?:\+|28)?)"
    r"|[xх×]\s*(?P<speed>(?:\d+(?:[.,]5)?\s*g|g)(?:b?e)?(?:\s+q?sfp(?:\+|28)?)?))(?![\w+])",
    re.I,
)
"""Ports counted by their type ("2 SFP", "2×SFP+") or, after a times sign, their speed ("4×1G", "4×10G SFP+")."""


def _port_counts(name: str) -> list[Requirement]:
    """Ports counted by their type or speed alone: "4 SFP", "2×SFP+", "4×1G" (at least that many): a switch with 2
    SFP ports passed "…, 4 SFP, …" on the SFP presence alone."""
    found = []
    for m in _PORT_COUNT_RE.finditer(name):
        q = make_quantity(float(m.group("n")), "шт")
        words = align(("количество", "порт", *tokens(m.group("kind") or m.group("speed"))))
        found.append(_req(m.group(0), words, kind="range", min=q.base, dimension=q.dimension, unit="шт"))
    return found


def _counts(name: str) -> list[Requirement]:
    found = _port_counts(name)
    for m in _COUNT_RE.finditer(name):
        number = m.group("n").lower()
        count = int(number) if number.isdigit() else _WORD_NUMBERS[number]
        noun = m.group("noun").lower()
        info = unit_info(noun) or unit_info(lemma(noun))  # "с двумя портами": the instrumental of "порт"
        if (info and info[0] != "count") or noun.startswith(("шт", "ед", "тыс", "мес", "год", "лет", "дн")):
            continue
        if not info and lemma(noun) not in _countable():
            continue
        # A port type names which ports are counted ("4 порта SFP+"); power over them is a feature of its own
        # ("48 портов PoE+" is 48 ports and PoE+, see ``_features``).
        kinds = tuple(t for t in tokens(m.group("qual")) if t not in _POWER)
        completion, completing = _completed(noun, name[m.end("noun") :]) if not m.group("qual") else ((), "")
        label = f"{m.group('n')} {m.group('noun')}{completing}"
        label += f"{' ' + ' '.join(m.group('qual').split()) if kinds else ''}"
        room = _room_for().get(lemma(noun)) if _ROOM_RE.search(name[: m.start()]) else None
        words = align(fold(("количество", room or lemma(noun), *completion, *kinds)))  # "на 4 диска": 4 bays
        q = make_quantity(float(count), "шт")
        found.append(_req(label, words, kind="range", min=q.base, dimension=q.dimension, unit="шт"))
    return found


def _features(name: str, counted: set[str]) -> list[Requirement]:
    found = []
    for m in _RACK_RE.finditer(name):
        q = make_quantity(float(m.group("n")), "U")
        found.append(_req(f"{m.group('n')}U", tokens("высота в стойке"), kind="range", min=q.base, max=q.base,
                          dimension=q.dimension, unit="U"))  # fmt: skip
    for m in _LEVEL_RE.finditer(name):
        level = m.group("l") + m.group("plus")
        found.append(_req(f"L{level}", tokens("уровень коммутации"), kind="values", values=_LEVELS[level]))
    for m in _STANDARD_RE.finditer(fix_lookalikes(name)):  # "1000BASE-LХ" with a Cyrillic Х
        # "Модуль SFP 1000BASE-T": the card's «Стандарт» must be that one (1000BASE-LX is another module).
        found.append(_req(m.group(0), name_tokens("стандарт"), kind="values", values=(m.group(0),)))
    found.extend(cable_requirements(name, _req))
    found.extend(_with_features(name))
    found.extend(_named_values(name))
    found.extend(_named_classes(name))
    for m in _MANAGED_RE.finditer(name):
        word = "неуправляемый" if (m.group("neg") or m.group("neg2")) else "управляемый"
        found.append(_req(m.group(0), (word,), kind="presence"))
    powered = _powered_counts(fix_lookalikes(name))
    for token in sorted(feature_tokens(tokens(name)) - counted):  # a set: sorted, so reasons keep one order
        if token in _READ_FEATURES:
            # "24 порта 1G PoE+": a card counting its PoE+ ports must count 24 of them (min on a presence).
            found.append(_req(token_label(token), (token,), kind="presence", min=powered.get(token)))
    return found


def _with_features(name: str) -> list[Requirement]:
    """What a line's name says the product comes with ("Ноутбук с сенсорным экраном", "Веб-камера с микрофоном и
    автофокусом"): each feature is a presence requirement the card must state (a spec "Автофокус: да", or its
    words); unstated, the line stays "unknown" (a touch screen was "yes" on every laptop). Features the grammar
    reads otherwise (PoE, SFP, counts) and services (`alignment.json` `name_services`) are left out."""
    found = []
    for m in _WITH_RE.finditer(name):
        words = m.group("p").split()
        stop = next((i for i, w in enumerate(words) if w.lower() in _PHRASE_STOPS), len(words))
        number = _CODE_NUMBER_RE.match(name, m.end()) if stop == len(words) and words[-1].isascii() else None
        text = " ".join(words[:stop]) + (f" {number.group(1)}" if number else "")
        for phrase in text.split(" и ") + (_more_codes(name, words[-1], number.end()) if number else []):
            if phrase.split()[0].lower() in _WORD_NUMBERS or _named_values(phrase):
                continue  # "с двумя процессорами", "с ОС Astra Linux": a count, a value, read on their own
            wanted = name_tokens(phrase)
            if not wanted or set(wanted) & (_READ_FEATURES | _name_services()):
                continue
            # A code with its number ("с RAID 5") is said by one spec or the product's name, as a text requirement.
            kind = "text" if any(c.isdigit() for c in phrase) else "presence"
            found.append(_req(f"с {phrase}", wanted, kind=kind, text=phrase if kind == "text" else None))
    return found


def _named_classes(name: str) -> list[Requirement]:
    """A class of a value family the name states, for the line types that family is read in
    (`value_classes.json` `read_in_names`): "ИБП линейно-интерактивный" asks that topology of the card's
    «Топология» (a double-conversion UPS was "yes")."""
    found = []
    types = line_types(name)
    for family, (spec, kinds) in classes_read_in_names().items():
        if types & kinds:
            for named in sorted(value_classes(name).get(family, ())):
                found.append(_req(named, name_tokens(spec), kind="values", values=(named,)))
    return found


def _more_codes(name: str, code: str, at: int) -> list[str]:
    """The further numbers of a code a name lists after its first ("с RAID 5 и RAID 6", "с RAID 1, 5 и 6"): each
    one a code of its own ("RAID 6"), not lost after the first."""
    found = []
    while (m := _MORE_CODES_RE.match(name, at)) and (m.group("w") or code).lower() == code.lower():
        found.append(f"{code} {m.group('n')}")
        at = m.end()
    return found


_LATIN_VALUE_RE = re.compile(
    r"(?P<noun>(?:[а-яё]+\s+){1,2})(?P<value>[a-z][\w.+-]*(?:\s+(?!и\s)[a-z0-9][\w.+-]*)*)", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _valued_nouns() -> frozenset[str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["name_valued"]["words"]
    return phrase_tokens(data)


def _named_values(name: str) -> list[Requirement]:
    """A value a name writes in Latin letters after the noun it is a value of ("Ноутбук, ОС Astra Linux", "с
    процессором Intel Core i5"): the spec that noun names must have that value (issue 15: an OS named in a line's
    name was not read)."""
    found = []
    for m in _LATIN_VALUE_RE.finditer(name):
        named = tokens(m.group("noun"))
        if not named or named[-1] not in _valued_nouns():
            continue
        noun = m.group("noun").split()[-1]
        value = m.group("value")
        found.append(_req(f"{noun} {value}", (named[-1],), kind="values", values=(value,)))
    return found


@lru_cache(maxsize=1)
def _name_services() -> frozenset[str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["name_services"]["words"]
    return phrase_tokens(data)


def own_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The spec an exact value of the line's name ("L3", "L2+", "1U") names in the grammar's own words ("уровень
    коммутации", "высота в стойке"), not a customer's: the card's one spec whose whole name is among those words
    ("Уровень", "Высота"; not "Уровень шума"). A lower bound or a size is not exact and keeps its own score."""
    exact = req.kind == "values" or (req.kind == "range" and req.min is not None and req.min == req.max)
    if req.source != "name" or not exact:
        return None
    words = set(req.name_tokens)
    named = [s for s in card.specs if s.tokens and s.tokens <= words]
    return named[0] if len(named) == 1 else None


def _powered_counts(name: str) -> dict[str, float]:
    """Power features of a name that qualify a count ("24 порта PoE+" → {"poeplus": 24})."""
    found: dict[str, float] = {}
    for m in _COUNT_RE.finditer(name):
        number = m.group("n").lower()
        count = float(number) if number.isdigit() else float(_WORD_NUMBERS[number])
        for t in tokens(m.group("qual")):
            if t in _POWER:
                found[t] = max(found.get(t, 0.0), count)
    return found


def token_label(token: str) -> str:
    labels = {"poe": "PoE", "poeplus": "PoE+", "poebt": "PoE++", "sfpplus": "SFP+", "qsfpplus": "QSFP+"}
    return labels.get(token, token.upper())


def name_requirements(name: str) -> list[Requirement]:
    """Every requirement the line's name states (the head noun itself is the type gate's business)."""
    head = tokens(name)[:1]
    found: list[Requirement] = []
    stated = parse_free_text(without_categories(name), source="name")
    for req in stated:
        if req.kind not in ("range", "presence"):
            continue
        rest = tuple(t for t in req.name_tokens if t not in head)
        if req.kind == "range" and not rest:
            rest = _measured(req.unit, req.dimension)
        if rest and rest != req.name_tokens:
            req = dataclasses.replace(req, name=_label(req.describe()), name_tokens=rest, lookup={})
        found.append(req)
    counts = _counts(fix_lookalikes(name))  # "4 SFР, 24 порта РоЕ+" (Cyrillic Р, Е): Latin kinds counted
    found.extend(counts)
    found.extend(_features(name, set()))
    ranged = {r.dimension for r in stated if r.kind == "range"}
    # A size of another dimension than a stated range measures is a requirement of its own: "16 ГБ ОЗУ" after
    # "15,6–17,3\"" was dropped (an 8 ГБ laptop was "yes"). A size of data names what follows it, with or without a
    # range ("Ноутбук 14\", 16 ГБ ОЗУ"): the memory, not "a capacity" that the SSD would answer as well.
    bare = [r for r in _bare_quantities(name, named=True) if r.dimension not in ranged]
    found.extend(r for r in bare if not _qualifies_count(r, counts))
    return found + unread_requirements(name, found, _countable())


def _qualifies_count(req: Requirement, counts: list[Requirement]) -> bool:
    """A port speed written in a count ("48 портов 1G"): the count requirement carries it as the kind of the
    ports it counts (its name has the speed's token, so only a spec naming that speed meets it)."""
    if req.dimension != "rate" or req.unit is None or req.min is None:
        return False
    written = re.escape(f"{req.min / make_quantity(1.0, req.unit).base:g}").replace(r"\.", "[.,]")
    pattern = re.compile(rf"(?<![\d.,]){written}\s*{re.escape(req.unit)}(?!\w)")
    return any(pattern.search(c.name) and feature_tokens(c.name_tokens) for c in counts)


def _bare_quantities(name: str, named: bool = False) -> list[Requirement]:
    """``ИБП 10 кВА`` → at least 10 кВА, ``Кабель 305 м`` → length at least 305 м; ``named``: a size of data
    measures the word after it ("16 ГБ ОЗУ" the memory, "512 ГБ SSD" the drive)."""
    found = []
    for q in parse_quantities(without_categories(name)):  # "кат. 6А" is a category, never 6 amperes
        if q.dimension is None or q.dimension in ("count", "percent", "rack_units"):
            continue
        what = _named_after(name, q) if named and q.dimension == "bytes" else None
        label = f"{q.value:g} {q.unit}{' ' + what[1] if what else ''}"
        width = rack_width(name, q, _size_kind(q.unit, q.dimension) == "inch", _label(label))
        if width is not None:  # "Блок розеток 19\"": the rack's width, no length of the cord
            found.append(width)
            continue
        # "Интерактивная панель 65\"", "Аккумулятор 12 В 7 А·ч": the product's own size, not a lower bound (a 75"
        # panel was "yes" for a 65" line).
        exact = _size_kind(q.unit, q.dimension) in vocabulary().exact_sizes
        lo, hi, hi_inclusive = q.base, q.base if exact else None, True
        if exact and _size_kind(q.unit, q.dimension) == "inch" and q.value.is_integer() and q.value > 0:
            # A whole inch size is a class: «Планшет 10"» is a 10,1" one, «Монитор 24"» a 23,8" one (round to it).
            lo, hi, hi_inclusive = q.base * (q.value - 0.5) / q.value, q.base * (q.value + 0.5) / q.value, False
        found.append(
            Requirement(name=_label(label), kind="range", min=lo, min_inclusive=True,
                        max=hi, max_inclusive=hi_inclusive,
                        dimension=q.dimension, unit=q.unit, source="name-bare",
                        name_tokens=what[0] if what else _measured(q.unit, q.dimension))
        )  # fmt: skip
    return found


_SIZE_WORD_RE = re.compile(r"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>[^\W\d]+)\.?\s+(?P<w>[^\W\d][\w+-]*)")


def _named_after(name: str, q: Quantity) -> tuple[tuple[str, ...], str] | None:
    """What a size of data measures when a word follows it: "16 ГБ ОЗУ" (the memory), as (name tokens, the
    word); None without one (then the size measures the dimension's usual thing)."""
    for m in _SIZE_WORD_RE.finditer(name):
        if float(m.group("n").replace(",", ".")) != q.value or m.group("u") != q.unit:
            continue
        words = name_tokens(f"объем {m.group('w')}")
        return (words, m.group("w")) if len(words) > 1 else None
    return None


def item_requirements(item: Item) -> list[Requirement]:
    """All requirements of a purchase line: its characteristics (and attached ТЗ rows) plus its name's; names
    aligned with the paraphrases of the line's product type too ("Число портов с питанием" of a switch)."""
    reqs = [r for ch in item.characteristics for r in from_characteristic(ch)]
    typed = sorted(line_types(item.name) & categories())
    if typed:
        reqs = [_in_category(r, typed[0]) for r in reqs]
    named = _name_requirements(item.name)
    return reqs + [r for r in named if r.source != UNREAD or not stated_elsewhere(r, reqs)]


def _in_category(req: Requirement, category: str) -> Requirement:
    """The requirement with its name aligned in the category's words (kept on the requirement, so its spec
    lookups stay memoised across lines)."""
    key = ("category", category)
    variant = req.lookup.get(key)
    if variant is None:
        aligned = name_tokens(measure_of(req.name, req.unit), category)
        variant = req if aligned == req.name_tokens else dataclasses.replace(req, name_tokens=aligned, lookup={})
        req.lookup[key] = variant
    return variant


@lru_cache(maxsize=50_000)
def _name_requirements_cached(name: str) -> tuple[Requirement, ...]:
    return tuple(name_requirements(name))


def _name_requirements(name: str) -> list[Requirement]:
    return list(_name_requirements_cached(name))
