"""Compliance: one requirement against one product card → yes / no / unknown, with the reason in Russian."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from matching import unreadname, values
from matching.alignment import derived_for
from matching.aspects import aspect_spec
from matching.cards import ProductCard, SpecCard, listed_bases, offered_tokens, said_of_it, said_together, states_unit
from matching.classmodes import without_own_mode
from matching.classpresence import class_stated
from matching.contradictions import contradiction, demands, denial
from matching.familyspec import family_spec
from matching.indirect import unit_only_reason
from matching.nameecho import echoed
from matching.namegrammar import own_spec
from matching.normalise import clean, tokens
from matching.offered import ROOM_NOUNS, room_on_card
from matching.options import option_only
from matching.ports import port_count_status
from matching.portspeeds import speed_named_by_counts, wired_speed
from matching.presencewords import said_in_other_words
from matching.qualifiers import unqualified
from matching.ranges import EPS, Reason, Status, check_range, gap, kind_counting_spec, offered, offered_class
from matching.readings import whole_reading
from matching.requirements import Requirement, name_tokens, phrases
from matching.resolutions import resolution, resolution_meets
from matching.shortnames import short_spec
from matching.sizeaxes import axis_spec
from matching.specmatch import GENERIC_NAME_WORDS, SURE_SPEC_SCORE, SpecVocabulary, best_spec, conflicts
from matching.statedcounts import stated_count
from matching.textcheck import check_text
from matching.units import make_quantity, parse_quantities, unit_info
from matching.unitthings import thing_of_unit
from matching.valuelabels import named_in_value, only_quantity_in_unit
from matching.values import alternatives, codes_differ, compare_classes, is_unlimited, list_members, same_code
from matching.wholevalues import meets_whole

_NONE_WITH_REMARK = re.compile(r"^(?:нет|отсутству\w*|не поддерживается)(?![\w-])")
_GENERIC = frozenset({"наличие", "поддержка", "количество", "функция", "возможность", "тип", "встроенный"})


@dataclass(frozen=True, slots=True)
class Verdict:
    requirement: Requirement
    status: Status
    reason_text: Reason
    """The reason, or a function making it: formatting is deferred until someone reads it."""
    spec: SpecCard | None = None
    gap: float = 0.0
    """How far a failed numeric requirement is missed, relative to the bound (0 when met or not numeric)."""
    alignment: float | None = None
    """The score (0..1) of the name alignment requirement → spec the verdict rests on (the evidence shown)."""

    @property
    def spec_name(self) -> str | None:
        return self.spec.spec.name if self.spec else None

    @property
    def offered(self) -> str | None:
        return offered(self.spec) if self.spec else None

    @property
    def reason(self) -> str:
        return self.reason_text() if callable(self.reason_text) else self.reason_text

    def to_dict(self) -> dict[str, str | float | None]:
        return {
            "alignment": None if self.alignment is None else round(self.alignment, 2),
            "name": self.requirement.name,
            "required": self.requirement.describe(),
            "status": self.status,
            "reason": self.reason,
            "spec": self.spec_name,
            "offered": self.offered,
        }


_DIGITS_RE = re.compile(r"\d+")
_ALTERNATIVES_RE = re.compile(r"(?<=[^\W\d])\s*/\s*(?=[^\W\d])")


def _value_matches(required: str, spec: SpecCard) -> bool:
    """The offered value is the required one (or one of ``A/B`` alternatives: "SATA/NVMe"; or the bracketed
    equivalent: "RJ-45 (8P8C)")."""
    for option in alternatives(required):
        # A one-letter part is a code's prefix ("U/UTP", "S/FTP"), not an alternative: "UTP" of F/UTP is not U/UTP.
        parts = [a for a in _ALTERNATIVES_RE.split(option) if len(a.strip()) > 1]
        if len(parts) > 1 and any(_one_value_matches(a, spec) for a in parts):
            return True
        if _one_value_matches(option, spec):
            return True
    return values.equivalent_met(required, spec.parts)  # "Astra Linux Special Edition 1.7 или эквивалент"


def _one_value_matches(required: str, spec: SpecCard) -> bool:
    want = clean(required)
    if not want:
        return False
    if resolution_meets(required, spec.spec.value) is False:
        return False  # two resolutions: the numbers decide, not the words they share
    if want in spec.parts or want == spec.value_clean:
        return True
    if is_unlimited(required) and is_unlimited(spec.spec.value):
        return True
    if any(same_code(required, part) for part in (spec.spec.value, *alternatives(spec.spec.value))):
        return True
    classes = compare_classes(required, spec.class_text)
    if classes is not None:  # rival classes of a family ("медь" against "CCA (алюминий, покрытый медью)") differ
        return classes
    want_tokens = set(tokens(required))
    if want_tokens and want_tokens <= spec.value_tokens:
        return True
    if want_tokens and spec.flag is True and want_tokens <= spec.tokens:
        return True  # "Wi-Fi" against "Wi-Fi: Да" (never against "Wi-Fi: нет")
    wanted_res, have_res = resolution(want), resolution(spec.value_clean)
    if wanted_res and have_res and wanted_res == have_res:
        return True
    if len(want) >= 4 and re.search(rf"(?<![\w]){re.escape(want)}(?![\w])", spec.value_clean):
        return True
    # A typo, never another number: "wlan7 wlan" (Wi-Fi 7) is 90 % like "wlan6 wlan" (802.11ax).
    return any(fuzz.ratio(want, part) >= 90 and _DIGITS_RE.findall(want) == _DIGITS_RE.findall(part)
               for part in spec.parts)  # fmt: skip


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= EPS * max(1.0, abs(a))


def _mismatch_status(req: Requirement, spec: SpecCard, confidence: float) -> Status:
    """A value that differs fails, on the one confidence threshold that also makes a match "yes", when the
    difference is proven: rival qualifiers (SFP+ against RJ-45, wired against wireless), different classes of
    one value family (IPS against VA), different resolutions or codes of one kind. Two words that merely do not
    match ("Фиксированные" against "встроенный") prove nothing: "unknown"."""
    if confidence < SURE_SPEC_SCORE:
        return "unknown"
    offered = spec.spec.value
    for value in req.values:
        options = alternatives(value)
        wanted = {t for v in options for t in tokens(v)}
        if conflicts(wanted, spec.value_tokens):
            return "no"
        if any(compare_classes(v, spec.class_text) is False for v in options):
            return "no"
        if resolution_meets(value, offered) is False:
            return "no"
        if any(codes_differ(v, offered, spec.parts) for v in options):
            return "no"
    return "unknown"


def _check_values(req: Requirement, spec: SpecCard, confidence: float) -> tuple[Status, Reason]:
    wanted = [q for v in req.values for q in parse_quantities(v)[:1]] if req.numeric_values else []
    if any(q.dimension not in (None, "count") for q in wanted) and not states_unit(spec):
        wanted = []  # "6а" (6 A, or category 6A with a Cyrillic а) against a bare "6": compared as written
    if wanted and spec.quantity is not None:
        have = spec.quantity.base if spec.quantity.dimension else spec.quantity.value
        bases = [make_quantity(q.value, q.unit if q.dimension else req.unit).base for q in wanted]
        listed = listed_bases(spec)
        if len(bases) > 1 and listed:
            # Several values asked ("2,4 ГГц; 5 ГГц"): "yes" when every one is offered ("2,4 и 5 ГГц"); one of
            # them ("2,4 ГГц") may be what is asked or not (one of the values, or all of them): the specialist decides.
            missing = [v for v, w in zip(req.values, bases, strict=True) if not any(_close(w, h) for h in listed)]
            if not missing:
                return "yes", lambda: f"{offered(spec)} включает все требуемые значения"
            every = confidence >= SURE_SPEC_SCORE and bool(set(req.name_tokens) & phrases().all_lemmas)
            status = "unknown" if len(missing) < len(bases) and not every else "no"
            return status, lambda: f"в «{offered(spec)}» нет: {', '.join(missing)}"
        if any(_close(w, have) for w in bases):
            return "yes", lambda: f"{offered(spec)} входит в допустимые значения"
        return "no", lambda: f"{offered(spec)} не входит в допустимые значения {req.describe()}"
    read = [meets_whole(v, spec.spec.value) for v in req.values]
    if any(read) or (read and all(r is False for r in read) and confidence >= SURE_SPEC_SCORE):
        return ("yes" if any(read) else "no"), lambda: f"{offered(spec)} против «{req.describe()}»"
    asked = req.values if len(req.values) != 1 else list_members(req.values[0])  # "HDMI, DisplayPort": both
    if set(req.name_tokens) & phrases().list_lemmas and len(spec.parts) > 1 and len(asked) > 1:
        missing = [v for v in asked if not _value_matches(v, spec)]
        if not missing:
            return "yes", lambda: f"{offered(spec)} включает все требуемые значения"
        shared = len(asked) == len(req.values) or len(missing) < len(asked)  # one value's list: some member shared
        status: Status = "no" if confidence >= SURE_SPEC_SCORE and shared else "unknown"
        return status, lambda: f"в «{offered(spec)}» нет: {', '.join(missing)}"
    hits = [v for v in req.values if _value_matches(v, spec)]
    if hits:
        return "yes", lambda: f"{offered(spec)} соответствует значению «{hits[0]}»"
    status = _mismatch_status(req, spec, confidence)
    if status == "unknown":
        return status, lambda: f"{offered(spec)} не совпадает дословно с требуемым ({req.describe()}): проверьте"
    return status, lambda: f"{offered_class(spec)} не совпадает с требуемым ({req.describe()})"


def _subject(req: Requirement) -> frozenset[str]:
    """The presence's name without generic words: the feature the card must say."""
    subject = req.lookup.get("subject")
    if subject is None:
        subject = req.lookup["subject"] = frozenset(req.name_tokens) - _GENERIC - GENERIC_NAME_WORDS
    return subject


def _check_presence(
    req: Requirement, spec: SpecCard | None, card: ProductCard, confidence: float
) -> tuple[Status, Reason]:
    if spec is not None and confidence >= SURE_SPEC_SCORE and offered_tokens(spec) is not None:  # not "опционально"
        counted = spec.quantity is not None and spec.quantity.dimension in (None, "count") and spec.flag is None
        if req.min is not None and req.present and counted and not spec.value_clean.startswith("нет"):
            # "24 порта PoE+" against "Количество портов PoE+: 8": the card counts them, the count decides.
            ok = spec.quantity.value >= req.min - EPS
            return ("yes" if ok else "no"), lambda: f"в карточке: {spec.spec.name} — {spec.spec.value}"
        flag = spec.flag
        one_number = spec.quantity is not None and len(spec.parts) == 1
        if flag is None and one_number and not spec.value_clean.startswith("нет"):
            # A count says "none" by its 0; a list is no count: "RAID: 0, 1, 5" lists the levels it has.
            flag = spec.quantity.value > 0
        if flag is None and spec.value_clean and not spec.value_clean.startswith("без"):
            if _NONE_WITH_REMARK.match(spec.value_clean) is not None:
                flag = False  # "нет (резервирование шлюза по VRRP)"
            elif not spec.value_clean.startswith("нет"):
                flag = compare_classes(req.name, spec.class_text) is not False  # a "ручной" duplex is no automatic one
        if flag is not None:
            ok = flag == req.present
            state = "есть" if flag else "нет"
            return ("yes" if ok else "no"), lambda: f"в карточке: {spec.spec.name} — {spec.spec.value} ({state})"
    subject = _subject(req)
    found = bool(subject) and subject <= card.evidence and said_together(subject, card)
    if req.present:
        said = found or said_in_other_words(req, subject, card)
        # «слот для SNMP-карты» is room for the card, not the card
        if said and (subject & ROOM_NOUNS or not subject & room_on_card(tuple(s.spec.value for s in card.specs))):
            return "yes", "указано в описании товара"
        return "unknown", "в карточке товара не указано"
    if found:
        return "no", "указано в карточке товара, а требуется отсутствие"
    return "unknown", "в карточке товара не указано, отсутствие не подтверждено"


def check(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict:
    """Decide one requirement for one product: "yes" only when proven, "no" when disproved (or clearly
    contradicted by the card, :mod:`matching.contradictions`), else "unknown"."""
    if req.source == unreadname.SOURCE:  # a part of the name no rule read: the card's words prove it, or nothing
        if unreadname.proven(req, card):
            return Verdict(req, "yes", lambda: f"«{req.text}» есть в описании товара")
        return Verdict(req, "unknown", lambda: f"«{req.text}» из наименования не найдено в карточке: проверьте")
    # A certificate's class, a version, none of the examples, a part's count ((): none applies, no call)
    read = whole_reading(req, card) if req.lookup.get("readings", True) else None
    if read is not None:
        return Verdict(req, read[0], read[1], read[2])
    verdict = _check(req, card, vocab)
    if verdict.status != "unknown":
        return verdict
    named = named_in_value(req, card) or wired_speed(req, card)  # "PoE: …, бюджет 370 Вт"; "Ethernet 1 Гбит/с"
    if named is None and verdict.spec is None:  # "Размер диагонали" on "Матрица: 27\" IPS, 75 Гц, 4 мс"
        named = only_quantity_in_unit(req, card)
    if named is not None:
        return Verdict(req, named[0], named[1], named[2])
    listed = port_count_status(req, card)  # "Количество портов SFP+" on "Порты: 8 × 1000BASE-T, 2 × SFP+"
    if listed is not None and listed[0]:
        return Verdict(req, "yes", listed[1])
    if (stated := stated_count(req, card)) is not None:  # «Количество слотов SIM-карт» on «Модем: …, 2 слота SIM»
        return Verdict(req, "yes", stated[0], stated[1])
    named = speed_named_by_counts(req, card)  # "Скорость портов SFP+" on "Порты SFP+ 10 Гбит/с: 4 шт"
    if named is not None:
        return Verdict(req, "yes" if named[0] else "no", lambda: f"скорость указана в «{named[1].spec.name}»", named[1])
    if echoed(req, card):  # "Шкаф 19\" 12U" against a card named "Шкаф настенный 19\" 12U 600×450"
        return Verdict(req, "yes", lambda: f"{req.describe()} указано в наименовании товара")
    found = contradiction(req, card, verdict.spec, verdict.alignment or 0.0)
    if found is None:
        return verdict
    spec, reason = found
    return Verdict(req, "no", reason, spec, alignment=verdict.alignment if spec is verdict.spec else None)


def _check(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict:
    denied = denial(req, card) if card.denied else None
    if denied is not None:
        if demands(req):
            return Verdict(req, "no", f"в карточке: {denied.spec.name} — {denied.spec.value}", denied)
        if req.kind == "presence":
            return Verdict(req, "yes", f"в карточке: {denied.spec.name} — {denied.spec.value}", denied)
    spec, confidence = thing_of_unit(req, card, *best_spec(req, card, vocab))  # «Память: 4 ГБ DDR4» is no drive
    aspect = short = None
    own = own_spec(req, card) if confidence < SURE_SPEC_SCORE and req.source == "name" else None
    if own is not None:
        spec, confidence = own, SURE_SPEC_SCORE
    elif confidence < SURE_SPEC_SCORE:
        # "Количество розеток Schuko" on "Розетки: IEC C13 × 4"; "Тип экранирования: U/UTP" on "Экран: нет"
        counting = kind_counting_spec(req, card) or family_spec(req, card) or axis_spec(req, card)
        aspect = aspect_spec(req, card) if counting is None else None  # "Режим сканирования" on "Сканирование"
        short = short_spec(req, card) if counting is None and aspect is None else None  # «Клиенты: до 128»
        plain = without_own_mode(req, card) if counting is None and aspect is None and short is None else None
        if counting is not None or aspect is not None or short is not None:
            spec, confidence = counting or aspect or short, SURE_SPEC_SCORE
        elif plain is not None:
            spec, confidence = max((spec, confidence), best_spec(plain, card, vocab), key=lambda found: found[1])
    if spec is not None and req.kind in ("range", "values"):
        if confidence < SURE_SPEC_SCORE:
            return Verdict(req, "unknown", _unsure(spec, confidence), spec, alignment=confidence)
        # The outcome depends only on which spec (by signature) and its value: memoised on the requirement,
        # so repeated KTRU characteristics against products sharing values are decided once.
        key = ("verdict", card.signature, vocab, spec.spec.value, spec.spec.unit, spec.class_text)
        found = req.lookup.get(key)
        if found is None:
            found = req.lookup[key] = _decide_spec(req, spec, confidence)
        status, reason, gap = found
        if status == "yes" and (only := option_only(spec, lambda plain: _decide_spec(req, plain, confidence)[0])):
            status, reason = "unknown", only  # "RAID 6 — с опциональным контроллером"
        if status == "no" and (aspect or (short and req.kind == "values")):  # a value may be worded otherwise
            status, reason = "unknown", _unsure(spec, confidence)
        if own is not None and status == "yes" and req.kind == "values" and not _exactly(req, spec):
            status, reason = "unknown", _unsure(spec, confidence)  # "L3" against "L3 Lite": the specialist decides
        why = unqualified(req, spec, card) or unit_only_reason(req, spec, confidence, status)
        if why is not None:
            return Verdict(req, "unknown", why, spec, alignment=confidence)
        return Verdict(req, status, reason, spec, gap, confidence)
    if req.kind == "presence":
        status, reason = _check_presence(req, spec, card, confidence)
        why = unqualified(req, spec, card) if status == "yes" and spec is not None else None
        if why is not None and said_in_other_words(req, _subject(req), card):
            why = None  # every word, the qualifier too, said in one place: «Интерфейсы: USB 2.0, Ethernet» is network
        if why is not None:
            status, reason = "unknown", why
        if status == "unknown" and req.present:
            derived = _derived(req, card, vocab)
            if derived is not None:
                return derived
            stated = class_stated(req, card)  # "Возможность установки в стойку" on "Форм-фактор: стоечный 19\""
            if stated is not None:
                return Verdict(req, "yes", f"в карточке ({stated[0]})", stated[1])
    elif req.kind == "text":
        status, reason = check_text(req, spec if confidence >= SURE_SPEC_SCORE else None, card)
        if status == "no" and aspect is not None and spec is not None:
            status, reason = "unknown", _unsure(spec, confidence)
    elif req.kind == "values" and all(
        vt and vt <= card.evidence and said_of_it(vt, card, req.name_tokens) for vt in req.value_tokens
    ):
        status, reason = "yes", "требуемые значения есть в описании товара"
    else:
        status, reason = "unknown", "характеристика не найдена в карточке товара"
    return Verdict(req, status, reason, spec, alignment=confidence if spec is not None else None)


def _derived(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict | None:
    """A feature that implies a value ("порт 10 Gigabit Ethernet" → скорость ≥ 10 Гбит/с) decided on that value."""
    derived = req.lookup.get("derived")
    if derived is None:
        derived = req.lookup["derived"] = tuple(
            Requirement(name=d.spec, kind="range", min=make_quantity(d.min, d.unit).base,
                        dimension=make_quantity(d.min, d.unit).dimension, unit=d.unit, source="derived",
                        name_tokens=name_tokens(d.spec))
            for d in derived_for(req.name_tokens)
        )  # fmt: skip
    for implied_req in derived:
        verdict = check(implied_req, card, vocab)
        if verdict.status != "unknown":
            why = verdict.reason
            return Verdict(req, verdict.status, lambda why=why: f"{why} (следует из «{req.name}»)", verdict.spec)
    return None


def _exactly(req: Requirement, spec: SpecCard) -> bool:
    """The spec's whole value is one of the asked values, letter by letter ("L2+", not "L2+ (L3 Lite)")."""
    return any(clean(v) == spec.value_clean or same_code(v, spec.spec.value) for v in req.values)


def _unsure(spec: SpecCard, confidence: float) -> Reason:
    return lambda: (
        f"не уверены, что «{spec.spec.name}» ({offered(spec)}) — та же характеристика "
        f"(сходство названий {confidence:.2f}); проверьте вручную"
    )


def _decide_spec(req: Requirement, spec: SpecCard, confidence: float) -> tuple[Status, Reason, float]:
    if req.kind == "values":
        status, reason = _check_values(req, spec, confidence)
        return status, reason, 0.0
    status, reason = check_range(req, spec)
    if status == "no" and spec.quantity is not None:
        q = spec.quantity
        value = q.base if (q.dimension or not req.dimension) else make_quantity(q.value, req.unit).base
        return status, reason, min(gap(req, q.value if (q.dimension and not req.dimension) else value), 1.0)
    return status, reason, 0.0


def overall(verdicts: list[Verdict]) -> Status:
    """ "no" when one requirement fails, "yes" only when every one is proven (none at all proves nothing)."""
    if not verdicts:
        return "unknown"
    if any(v.status == "no" for v in verdicts):
        return "no"
    if all(v.status == "yes" for v in verdicts):
        return "yes"
    return "unknown"


__all__ = ["Verdict", "check", "overall", "unit_info"]
