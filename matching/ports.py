"""Ports counted by kind: a count of ports of one kind ("Количество портов SFP+ 10 Гбит/с", "8 портов 1G" in a
line's name) proven by what the card lists ("Порты: 8 × 10/100/1000BASE-T (RJ-45), 2 × 10GBASE-X SFP+", "Сетевые
интерфейсы: 5 × RJ-45 10/100/1000BASE-T", "Интерфейсы 10GBASE-R (SFP+): 4 шт", a name's "8 × GE, 4 × 10G SFP+").

Each source (one spec, or the card's name) is read as a lower bound of the ports of each kind; the largest count
any one source gives decides, never a sum over sources (two specs may list the same ports). A count met is "yes";
one not met stays "unknown" (another spec may list more); only a card whose port list is a spec of its own («Порты»,
«Интерфейсы») and whose every source lists fewer ports of the kind fails it (:func:`fewer_listed`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies, kind_counted
from matching.normalise import implied, tokens
from matching.poeports import copper, powered_ports
from matching.portspeeds import speeds
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR

# A comma between digits is a decimal one («2 × 2,5GbE»), unless a new entry starts after it («1000,2 × SFP»).
_PART_SPLIT_RE = re.compile(r"\s*(?:;|,(?!\d)|(?<!\d),|,(?=\d+\s*[×xх*]))\s*|\s+\+\s+|\s+и\s+")
_LISTED_COMMA_RE = re.compile(r"\([^()]*,[^()]*\)")
_DIGIT_BY_DIGIT_RE = re.compile(r"\d[×xх]\d", re.IGNORECASE)
_LABELLED_RE = re.compile(r"^\s*(?P<label>[^\d:]+?)\s*:?\s+(?P<rest>\d{1,2}\s*[×xх*].*)$", re.IGNORECASE)
_COMBO_MARK = "combo_port"  # a kind token marking a listed entry of combo ports
_ENTRY_RE = re.compile(
    r"^\s*(?P<n>\d{1,2})\s*(?:[×xх*]\s*|порт(?:а|ов)?\s+|шт\.?\s+)(?P<kind>\S.*)$", re.IGNORECASE
)  # «8 × GE», «2 порта SFP», «24 шт. 10/100/1000BASE-T»


@dataclass(frozen=True)
class _Vocabulary:
    things: frozenset[str]
    kinds: frozenset[str]
    generic: frozenset[str]
    kind_words: dict[str, tuple[str, ...]]
    not_data: frozenset[str]
    power: frozenset[str]
    power_input: frozenset[str]
    axes: tuple[frozenset[str], ...]
    presence: frozenset[str]
    speed: frozenset[str]
    display: frozenset[str]
    usb: frozenset[str]
    generations: dict[str, tuple[str, ...]]
    fillers: frozenset[str]
    labels: frozenset[str]
    generation_order: tuple[str, ...]
    at_least: tuple[str, ...]
    display_fillers: frozenset[str]
    bare_display_lists: frozenset[str]
    accessory: frozenset[str]
    combo: frozenset[str]
    forms: frozenset[str]
    copper_speeds: frozenset[float]
    copper_words: re.Pattern[str]
    not_combo: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))
    return _Vocabulary(
        things=frozenset(data["things"]), kinds=frozenset(data["kinds"]), generic=frozenset(data["generic"]),
        kind_words={k: tuple(v) for k, v in data["kind_words"].items()},
        not_data=frozenset(data["not_data_ports"]), power=frozenset(data["power"]),
        power_input=frozenset(data["power_input"]),
        axes=tuple(frozenset(group) for group in data["list_axes"].values()),
        presence=frozenset(data["presence_words"]), speed=frozenset(data["speed_words"]),
        display=frozenset(data["display_kinds"]), usb=frozenset(data["usb_kinds"]),
        generations={k: tuple(f" {p} " for p in v) for k, v in data["usb_generations"].items()},
        fillers=frozenset(data["name_fillers"]), labels=frozenset(data["list_labels"]),
        generation_order=tuple(data["usb_generation_order"]), at_least=tuple(data["usb_at_least"]),
        display_fillers=frozenset(data["display_fillers"]),
        bare_display_lists=frozenset(data["bare_display_lists"]), accessory=frozenset(data["accessory_words"]),
        copper_speeds=frozenset(float(x) for x in data["copper_speed"]["speeds"]),
        copper_words=re.compile(data["copper_speed"]["words"], re.IGNORECASE),
        combo=frozenset(data["combo"]["words"]), forms=frozenset(data["forms"]),
        not_combo=re.compile(data["combo"]["negated"], re.IGNORECASE),
    )  # fmt: skip


def _usb_generation(words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The USB generation the words name, as its canonical token ("USB 3.2 Gen 1 (USB 3.1 Gen 1, USB 3.0)", "USB-A
    5 Гбит/с" → usb_gen1), and the words naming it; nothing when they name none or two ("USB 3.2 Gen 1/Gen 2")."""
    text = f" {' '.join(words)} "
    named = {g: p for g, phrases in _vocabulary().generations.items() for p in phrases if p in text}
    if len(set(named)) != 1:
        return frozenset(), frozenset()
    spelled = {w for g, phrases in _vocabulary().generations.items() for p in phrases if p in text for w in p.split()}
    return frozenset(named), frozenset(spelled)


def _at_least(generation: frozenset[str]) -> frozenset[str]:
    """The "at least" tokens a port's generation meets: a USB 3.2 Gen 2 port meets «не ниже USB 3.2 Gen 1»
    (usb_gen1_up) and «не ниже USB 2.0» (usb_2_up), never a plain «USB 3.2 Gen 1» (usb_gen1)."""
    order = _vocabulary().generation_order
    if len(generation) != 1 or not generation <= set(order):
        return frozenset()
    (g,) = generation
    return frozenset(f"{slower}_up" for slower in order[: order.index(g) + 1])


def _port_kind(words: frozenset[str], ordered: tuple[str, ...]) -> frozenset[str]:
    """The kind tokens of a listed port ("GE" → gigabit, rj45; "SFP+" → sfpplus, sfp: no speed unless written, a
    cage may run slower; "USB 3.2 Gen1 Type-A" → usb, typea, usb_gen1); empty when the words name no data port
    ("MGMT RJ-45", "консоль", "150 Вт")."""
    v = _vocabulary()
    if words & v.not_data:
        return frozenset()
    found = set(implied(words))
    for word in words:
        found.update(v.kind_words.get(word, ()))
    if words & v.power_input:  # "1 × RJ-45 (вход PoE)": powered by the port, gives no power
        found -= v.power
    if found & v.usb:  # "USB Type-C (DisplayPort Alt Mode)": a USB port, whose video is no display connector
        generation = _usb_generation(ordered)[0]
        return frozenset(found - v.display) | generation | _at_least(generation)
    return frozenset(found) if found & (v.kinds | v.display) else frozenset()


@lru_cache(maxsize=65_536)
def listed_ports(text: str) -> tuple[tuple[frozenset[str], int], ...]:
    """The ports a text lists by count and kind ("8 × 10/100/1000BASE-T (RJ-45), 2 × 10GBASE-X SFP+", "2 порта
    Gigabit Ethernet (RJ-45)"), as (kind tokens, count); parts that list no data port are left out."""
    found = []
    v = _vocabulary()
    said = f" {min(v.combo)} "  # a bracket listing by commas is dropped, but for its combo word: «(комбо, RJ-45/SFP)»
    marked = _LISTED_COMMA_RE.sub(lambda m: said if _combo(m.group()) else " ", text)
    for part in _PART_SPLIT_RE.split(marked):
        m = _ENTRY_RE.match(part) or _labelled_entry(part)
        if m is not None:
            entries = [(m.group("kind"), int(m.group("n")))]
        elif _DIGIT_BY_DIGIT_RE.search(part):
            continue  # "USB 3.2 Gen 2x2", "Wi-Fi 2×2": a name, not the kind first and its count
        else:  # the kind first: "HDMI 1.4 × 1"
            entries = [written] if (written := kind_counted(part)) is not None else []
        for words, n in entries:
            ordered = tuple(tokens(words))
            ordered += ("rj45",) if _copper_speed(words, ordered) else ()
            kind = _port_kind(frozenset(ordered), ordered) - v.combo
            if kind:
                found.append((kind | ({_COMBO_MARK} if _combo(part) else set()), n))
    return tuple(found)


def _copper_speed(text: str, ordered: tuple[str, ...]) -> bool:
    """An Ethernet port named by a speed only copper runs at («1 × 2,5GbE (PoE in)»: 2.5GBASE-T), with no cage
    named (not «2 × 10GbE», maybe SFP+)."""
    v = _vocabulary()
    fast = speeds(ordered)
    if not fast or not set(fast.values()) <= v.copper_speeds or set(ordered) & v.kinds - set(fast):
        return False
    return v.copper_words.search(text) is not None


def _combo(text: str) -> bool:
    """The text marks combo ports («4 × комбо 1000BASE-T/SFP»), not «(не комбо)»."""
    v = _vocabulary()
    return not v.combo.isdisjoint(tokens(text)) and v.not_combo.search(text) is None


def _of_kind(ports: tuple[tuple[frozenset[str], int], ...], kind: frozenset[str], least: float | None) -> int:
    """The ports of the kind one source lists: its combo entries or its others, never both summed (a combo cage
    shares its place with another listed port)."""
    fit = [(listed, count) for listed, count in ports if _fits(kind, listed, least)]
    combo = sum(count for listed, count in fit if _COMBO_MARK in listed)
    return max(combo, sum(count for listed, count in fit if _COMBO_MARK not in listed))


def _labelled_entry(part: str) -> re.Match[str] | None:
    """An entry after a label of the ports' group ("USB-хаб 2 × USB 3.2 Gen1 Type-A" in a monitor's «Интерфейсы»),
    when the label's words are all ``ports.json`` ``list_labels``."""
    m = _LABELLED_RE.match(part)
    if m is None or not set(tokens(m.group("label"))) <= _vocabulary().labels:
        return None
    return _ENTRY_RE.match(m.group("rest"))


def _spec_ports(spec: SpecCard) -> tuple[tuple[frozenset[str], int], ...]:
    """A spec's ports: the list in its value, or a count of the kind its name says ("Интерфейсы 10GBASE-R (SFP+):
    4 шт")."""
    listed = listed_ports(spec.spec.value)
    if listed:
        return listed
    q = spec.quantity
    counts = q is not None and q.dimension in (None, "count") and len(spec.parts) == 1
    if q is None or not counts or not (spec.tokens & _vocabulary().things or _named_by_kind(spec)):
        return ()
    kind = _port_kind(spec.tokens, tuple(tokens(spec.spec.name)))
    return ((kind, int(q.value)),) if kind and q.value == int(q.value) else ()


def _named_by_kind(spec: SpecCard) -> bool:
    """A count in pieces named by a USB or display connector alone («USB 3.2 Gen1 Type-A: 2 шт», «HDMI: 1 шт»);
    without «шт» the number may be the connector's version («HDMI: 2.0»)."""
    v = _vocabulary()
    if spec.quantity is None or spec.quantity.dimension != "count":
        return False
    ordered = tuple(tokens(spec.spec.name))
    words = frozenset(ordered) - _usb_generation(ordered)[1]
    if words & v.display and not words & v.usb:
        words -= v.display_fillers  # «Выход HDMI: 1 шт»
    return bool(words & (v.usb | v.display)) and words <= v.usb | v.display


def wanted_kind(req: Requirement) -> frozenset[str] | None:
    """The kind of ports a count requirement counts, when its name says nothing else (no "укомплектованных
    трансиверами"): "Количество портов SFP+ 10 Гбит/с" → {sfpplus, tengigabit}, "Количество портов с поддержкой
    PoE+" → {poeplus} (only a listed port naming PoE+ counts); None for any other requirement."""
    if req.kind != "range" or req.dimension not in (None, "count") or req.min is None:
        return None
    v = _vocabulary()
    usb = "usb" in req.name_tokens
    generation, spelled = _usb_generation(tokens(req.name)) if usb else (frozenset(), frozenset())
    words = frozenset(req.name_tokens) - spelled - v.fillers
    if words & v.display and not words & v.usb:
        words -= v.display_fillers  # «Количество входных видео разъемов HDMI»: the HDMI connectors
    spelt = words & set(v.kind_words)  # "10GBASE-X SFP+": a 10G cage
    rates = frozenset(speeds(words)) - set(v.kind_words)  # «со скоростью не менее 2,5 Гбит/с»: rate2500000000
    if (
        not words & v.things
        or words - v.things - v.kinds - v.generic - v.power - v.speed - v.display - v.usb - spelt - rates
    ):
        return None
    if spelt and not frozenset(tokens(req.name)) & v.kinds:
        return None  # «портов 10GBASE-X» alone: a copper 10GBASE-T port is no such port, an implied RJ-45 no proof
    kind = words & (v.kinds | v.power | v.display | v.usb | rates) | {k for w in spelt for k in v.kind_words[w]}
    if kind & v.usb and kind & (v.kinds | v.power | v.display):
        return None  # "портов USB/HDMI": two kinds in one count
    if generation and any(phrase in req.name.lower() for phrase in v.at_least):
        generation = frozenset(f"{g}_up" for g in generation)  # "не ниже USB 3.2 Gen 1": faster ones count too
    return kind | generation or None


def asked_present(req: Requirement) -> frozenset[str] | None:
    """The kind of port a presence asks by port words alone ("Наличие порта SFP" → {sfp}), else None."""
    if req.kind != "presence" or not req.present:
        return None
    v = _vocabulary()
    words = frozenset(req.name_tokens) - v.presence
    if not words & v.things or words - v.things - v.kinds - v.generic - v.power:
        return None
    return words & (v.kinds | v.power) or None


def counted(req: Requirement, card: ProductCard, kind: frozenset[str] | None = None) -> tuple[int, str] | None:
    """The most ports of the asked kind one source of the card lists, with that source (a spec, or the name)."""
    kind = kind or wanted_kind(req)
    if kind is None:
        return None
    least = _least_speed(req, kind)
    sources = [(s.spec.name, _spec_ports(s)) for s in card.specs if not denies(s)]
    sources.append(("наименование", listed_ports(card.product.name)))
    best: tuple[int, str] | None = None
    for where, ports in sources:
        n = _of_kind(ports, kind, least)
        if n and (best is None or n > best[0]):
            best = (n, where)
    powered = _powered(kind, least, card, [ports for _, ports in sources])
    return powered if powered is not None and (best is None or powered[0] > best[0]) else best


def _least_speed(req: Requirement, kind: frozenset[str]) -> float | None:
    """The speed a count bounds from below («портов RJ-45 со скоростью не менее 1 Гбит/с»: a 2,5GbE port counts),
    when its name says «скорость» and one speed; None: the speed, if any, is the ports' kind as named."""
    asked = speeds(kind)
    if not _vocabulary().speed & set(req.name_tokens) or len(asked) != 1:
        return None
    return next(iter(asked.values()))


def _fits(kind: frozenset[str], listed: frozenset[str], least: float | None) -> bool:
    """A listed port is of the asked kind: every kind token named, or, for a speed bound, every other token named
    and its fastest speed meeting the bound."""
    if least is None:
        return kind <= listed
    fast = speeds(listed)
    return kind - set(speeds(kind)) <= listed and bool(fast) and max(fast.values()) >= least


def _powered(
    kind: frozenset[str], least: float | None, card: ProductCard, lists: list[tuple[tuple[frozenset[str], int], ...]]
) -> tuple[int, str] | None:
    """Ports giving the asked power counted by a power spec («PoE: 802.3af/at на 24 портах»): copper ports, of the
    asked kind besides when every copper port of one port list is («24 × 10/100/1000BASE-T (RJ-45), 4 × SFP+» for
    «портов 10/100/1000 Мбит/с с поддержкой PoE»), never more than that list's copper ports."""
    power = kind & _vocabulary().power
    found = powered_ports(card, power) if power else None
    if found is None:
        return None
    n, spec = found
    rest = kind - power
    cables = [[(k, c) for k, c in ports if copper() <= k] for ports in lists]
    if any(cables) and not any(sum(c for _, c in p) >= n for p in cables):
        return None  # «на 48 портах» of a card listing 24 copper ports: one of them is wrong
    if not rest <= copper():
        fit = [sum(c for _, c in p) for p in cables if p and all(_fits(rest, k, least) for k, _ in p)]
        if not any(total >= n for total in fit):
            return None
    return n, spec.spec.name


def port_count_status(req: Requirement, card: ProductCard) -> tuple[bool, str] | None:
    """Whether the card's listed ports meet a count of ports of one kind, and the reason; None when the card lists
    none of that kind (or the requirement is no such count)."""
    found = counted(req, card) or _bare_display(req, card)
    if found is None:
        return None
    n, where = found
    if in_range(req, float(n)):
        return True, f"в карточке ({where}): {n} шт. портов требуемого вида, требуется {req.describe()}"
    return False, f"в карточке ({where}) указано {n} шт. портов требуемого вида, требуется {req.describe()}; проверьте"


def _bare_display(req: Requirement, card: ProductCard) -> tuple[int, str] | None:
    """A display connector a spec's list names without a count («Порты: 2 × USB-A, HDMI 1.4b, RJ-45»): one each
    time it is named, the most in one spec. Only for a count met: a list leaving them uncounted proves no fewer.
    Only a list of the product's connectors (`ports.json` `bare_display_lists`), never an accessory's part."""
    kind = wanted_kind(req)
    v = _vocabulary()
    if kind is None or not kind <= v.display:
        return None
    best: tuple[int, str] | None = None
    for spec in card.specs:
        named = frozenset(tokens(spec.spec.name))
        if not named or (not named <= v.bare_display_lists and not _named_by_kind(spec)):
            continue  # «Видеокарта: … (поддержка HDMI 2.0)» or «Комплект поставки» lists no connector of the product
        parts = [tokens(part) for part in _PART_SPLIT_RE.split(_LISTED_COMMA_RE.sub(" ", spec.spec.value))]
        n = sum(1 for part in parts if v.accessory.isdisjoint(part) and kind <= _port_kind(frozenset(part), part))
        if n and not denies(spec) and (best is None or n > best[0]):
            best = (n, spec.spec.name)
    return best


def _whole_list(name: str, v: _Vocabulary) -> bool:
    """A spec named by port words alone, as written («Порты», «Сетевые интерфейсы»; not «Порты SFP+»)."""
    words = set(tokens(name))
    return bool(words & v.things) and words <= v.things | v.generic


def _speaks_of(kind: frozenset[str], ports: tuple[tuple[frozenset[str], int], ...], v: _Vocabulary) -> bool:
    """The list names every axis of the asked kind it could be silent on: «8 × RJ-45» decides no count of PoE
    ports (another spec may say which ports give power), nor of 1 Гбит/с ports; a closed list only decides the
    kinds it names."""
    named = frozenset().union(*(listed for listed, _ in ports))
    if speeds(kind) and not speeds(named):
        return False  # «Порты: 1 × RJ-45» says no speed: it decides no count of 2,5 Гбит/с ports
    return all(named & axis for axis in v.axes if kind & axis)


def _network_ports(text: str, v: _Vocabulary) -> tuple[tuple[frozenset[str], int], ...]:
    """The listed ports of a text but its USB and display ones: a laptop's «Порты: 2 × USB-A, 1 × HDMI, RJ-45»
    lists no network port by count, so it is no closed list of them."""
    return tuple(p for p in listed_ports(text) if not p[0] & (v.usb | v.display))


def fewer_listed(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's port list («Порты: 8 × 10/100/1000BASE-T PoE, 2 × 1000BASE-X SFP») when it is a spec named only
    by port words and every source of the card lists fewer ports of the asked kind than the count asks («4 SFP»),
    or, for a presence («Наличие порта SFP»), none of the kind, which no other spec nor the name names either: a
    closed list. None otherwise (no such list, or a source meeting the count)."""
    present = asked_present(req)
    kind = present or wanted_kind(req)
    if kind is None or (present is None and req.min is None):
        return None
    v = _vocabulary()
    if v.speed & set(req.name_tokens) or kind & (v.display | v.usb):
        return None  # a speed bound (faster ports meet it), a display's or USB connectors (lists leave them uncounted)
    lists = [s for s in card.specs if _whole_list(s.spec.name, v) and _network_ports(s.spec.value, v)]
    if len(lists) != 1 or not _speaks_of(kind, _network_ports(lists[0].spec.value, v), v):
        return None
    listed = [k for k, _ in _network_ports(lists[0].spec.value, v)]
    if any(_COMBO_MARK in k or (kind & v.forms and not k & v.forms) for k in listed):
        return None  # combo cages (which ports work together?), or a port of no named form («2 × 10GbE»)
    if present is not None:  # "Наличие порта SFP": no port of the kind listed, nor the kind named anywhere else
        named = [s for s in card.specs if s is not lists[0] and kind <= implied(s.tokens | s.value_tokens)]
        if named or kind <= implied(frozenset(tokens(card.product.name))) or counted(req, card, kind):
            return None
        return lists[0]
    found = counted(req, card)
    return lists[0] if found is None or not in_range(req, float(found[0])) else None
