"""Name alignment vocabulary: filler words, paraphrases of characteristic names, specs derived from features.

Data in ``matching/data/alignment.json`` (versioned). Both sides of an alignment (the notice's characteristic
name and the catalogue's spec name) are normalised through :func:`align`, so a paraphrase written by a
customer ("Число портов с питанием") meets the catalogue's wording ("Количество портов PoE").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.normalise import feature_tokens, implied, nouns_in_number, phrase_tokens, tokens
from matching.units import DATA_DIR


@dataclass(frozen=True)
class Derived:
    feature: str
    spec: str
    min: float
    unit: str


class _Vocabulary:
    def __init__(self) -> None:
        data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))
        self.version = int(data["version"])
        self.filler = phrase_tokens(data["filler"])
        self.phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for category, table in data["paraphrases"].items():
            found = {tokens(phrase): tokens(meant) for phrase, meant in table.items() if tokens(phrase)}
            key = category if category == "*" else tokens(category)[0]
            self.phrases[key] = sorted(found.items(), key=lambda kv: -len(kv[0]))
        self.derived = tuple(Derived(**d) for d in data["derived"])
        self.implicit = {k: tuple(v) for k, v in data["implicit_qualifiers"].items() if not k.startswith("_")}
        self.neutral = phrase_tokens(data["neutral_qualifiers"]["words"])
        self.weightless = self.neutral - {t for w in data["neutral_qualifiers"]["telling"] for t in tokens(w)}
        """Neutral qualifiers that do not tell which spec holds a value either."""
        self.components = phrase_tokens(data["component_nouns"]["words"])
        self.mode = phrase_tokens(data["mode_qualifiers"]["words"])
        self.scope = phrase_tokens(data["scope_qualifiers"]["words"])
        self.elsewhere = self.scope | self.components
        scope = data["scope_qualifiers"]
        self.limits = tuple(frozenset(tokens(w)) for w in scope["limits"])
        """Things whose value is a limit by nature, each as its name's tokens ("дальность", "месячный нагрузка")."""
        self.limit_words = phrase_tokens(scope["limit_words"])
        self.low_limit_words = phrase_tokens(scope["low_limit_words"])
        """Words of a spec name making its value another one than a name without them asks (scope, another part)."""
        self.measure = phrase_tokens(data["measure_words"]["words"])
        self.aspects = phrase_tokens(data["aspect_words"]["words"])
        self.body = phrase_tokens(data["body_nouns"]["words"])
        self.per_unit = phrase_tokens(data["per_unit_words"]["words"])
        self.total = phrase_tokens(data["total_words"]["words"])
        self.plural_total = phrase_tokens(data["total_words"]["plural_words"])
        self.count_words = phrase_tokens(data["total_words"]["count_words"])
        self.redundancy = phrase_tokens(data["total_words"]["redundancy_words"])
        self.redundancy_re = re.compile(data["total_words"]["redundancy_pattern"], re.IGNORECASE)
        self.types = frozenset(t for w in data["product_types"]["types"] for t in tokens(w)[:1] if len(tokens(w)) == 1)
        functions = data["own_functions"]["types"]
        names = data["dimension_names"]
        self.dimension_names = {k: tokens(v) for k, v in names.items() if not k.startswith("_")}
        """What a quantity of a dimension measures, in words ("frequency" → частота)."""
        self.unit_parts = {k: v for k, v in data["unit_parts"].items() if not k.startswith("_")}
        """The word naming the part of a thing a dimension measures ("apparent_power" → полная)."""
        self.sole_unit_parts = frozenset(data["sole_unit_parts"]["dimensions"])
        self.part_note_re = re.compile(data["part_notes"]["pattern"], re.IGNORECASE)
        """A closing note of a value in its parts' units naming no part ("(PF = 1,0)")."""
        measures = {k: v for k, v in data["unit_measures"].items() if not k.startswith("_")}
        self.unit_measures = {k: phrase_tokens(v) for k, v in measures.items()}
        """Words naming what a dimension measures, proven by a quantity's unit ("time" → время)."""
        """Dimensions whose unit names its part even alone ("6000 ВА" is the apparent power)."""
        self.exact_sizes = frozenset(data["exact_name_sizes"]["sizes"])
        """Bare sizes of a line's name that are the product's own size, not a lower bound (keys as above)."""
        self.functions = {tokens(k)[0]: phrase_tokens(v) for k, v in functions.items()}


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    return _Vocabulary()


@lru_cache(maxsize=100_000)
def align(name_tokens: tuple[str, ...], category: str = "*") -> tuple[str, ...]:
    """Tokens of a characteristic name as aligned: fillers dropped, paraphrases (every category's ``*`` ones, or
    one product type's) replaced by what they mean."""
    v = vocabulary()
    words = [t for t in name_tokens if t not in v.filler] or list(name_tokens)
    for table in ("*", category) if category != "*" else ("*",):
        for phrase, meant in v.phrases.get(table, ()):
            n = len(phrase)
            i = 0
            while i + n <= len(words):
                if tuple(words[i : i + n]) == phrase:
                    words[i : i + n] = list(meant)
                    i += len(meant)
                else:
                    i += 1
    if not feature_tokens(words):
        words += [q for w in words for q in v.implicit.get(w, ())]
    return without_own_function(tuple(dict.fromkeys(words)), v.functions.get(category, frozenset()))


def implicit_only(written: tuple[str, ...], aligned: frozenset[str]) -> frozenset[str]:
    """The implicit qualifiers alignment added to a name that does not write them ("Порты" → rj45): they tell which
    spec a bare name means, never that the card states the feature (a «Порты: 2 × SFP» card has no RJ-45 port)."""
    v = vocabulary()
    added = implied(frozenset(q for w in written for q in v.implicit.get(w, ())))
    return (added & aligned) - implied(frozenset(written))


def without_own_function(words: tuple[str, ...], function: frozenset[str]) -> tuple[str, ...]:
    """The name without the words of its product type's only function ("Разрешение видео" of a web camera is
    its "Разрешение"), unless nothing else is left."""
    rest = tuple(w for w in words if w not in function)
    return rest or words


def own_function(type_tokens: frozenset[str] | set[str]) -> frozenset[str]:
    """The words of the only function of the one product type named (empty for none, or when several types are
    named: a category "Принтеры и МФУ" does not say the product only prints)."""
    v = vocabulary()
    named = set(type_tokens) & (v.types | set(v.functions))
    return v.functions.get(next(iter(named)), frozenset()) if len(named) == 1 else frozenset()


def categories() -> frozenset[str]:
    """Product types with a paraphrase table or an own function of their own."""
    v = vocabulary()
    return (frozenset(v.phrases) - {"*"}) | frozenset(v.functions)


def missing_qualifiers(required: tuple[str, ...] | frozenset[str], offered: frozenset[str]) -> frozenset[str]:
    """Qualifiers the requirement names that the spec name lacks ("портов с PoE+" against "Количество портов")."""
    return feature_tokens(required) - implied(offered)


def mode_qualifier(word: str) -> bool:
    """A qualifier naming a mode of work ("двусторонний"): only a spec naming it proves a value in that mode."""
    return word in vocabulary().mode


def neutral_qualifier(word: str) -> bool:
    """A qualifier that never changes which value is meant (filler, "выходной", "номинальный")."""
    v = vocabulary()
    return word in v.filler or word in v.neutral


@lru_cache(maxsize=10_000)
def in_total(name: str) -> bool:
    """The written name bounds several things together: a total word ("Суммарная мощность блоков питания"), or
    «общий» of things written in the plural ("Общий объем установленных накопителей", "Общее количество ядер
    установленных процессоров"); «общий» of one thing ("Общая мощность блока питания") is that thing's own value."""
    v = vocabulary()
    words = tokens(name)
    if not v.total.isdisjoint(words):
        return True
    return not v.plural_total.isdisjoint(words) and owners_in_plural(name)


def owners_in_plural(name: str) -> bool:
    """The things a measure is taken of are written in the plural: a noun after the measure ("объем", "мощность"),
    and after a count's things ("количество ядер"), in the plural ("… установленных процессоров", "… блоков
    питания"); not "Количество ядер процессора" nor "Объем оперативной памяти"."""
    v = vocabulary()
    nouns = [n for n in nouns_in_number(name) if n[0] not in v.total and n[0] not in v.plural_total]
    skip = 2 if nouns and nouns[0][0] in v.count_words else 1
    return any(plural for _, plural in nouns[skip:])


def redundant(value: str) -> bool:
    """The value says its things back each other up ("2 × 1600 Вт, горячая замена (1+1)", "резервирование N+1"):
    their total is no quantity the product gives."""
    v = vocabulary()
    return v.redundancy_re.search(value) is not None or not v.redundancy.isdisjoint(tokens(value))


def limit_by_nature(offered: frozenset[str]) -> bool:
    """The spec's name is a thing whose value is a limit by nature and nothing else ("Месячная нагрузка", not
    "Рекомендуемая месячная нагрузка"): a name asking its maximum is that spec."""
    return any(limit == offered for limit in vocabulary().limits)


def per_unit(name_tokens: tuple[str, ...]) -> bool:
    """The name bounds each of several things ("Мощность каждого блока питания"), not their total."""
    return not vocabulary().per_unit.isdisjoint(name_tokens)


def other_scope(required: tuple[str, ...], offered: frozenset[str]) -> str | None:
    """A scope the spec's name adds that the requirement's does not ask ("Максимальный объем оперативной памяти"
    for "Объем оперативной памяти"): another value of the same thing; or another part it names ("Разрешение
    веб-камеры" for "Разрешение экрана"): the value of another thing."""
    v = vocabulary()
    added = (offered & v.elsewhere) - set(required)
    if any(limit <= offered for limit in v.limits):
        added -= v.limit_words  # "Максимальная дальность" is the reach itself
    return next(iter(sorted(added)), None)


@lru_cache(maxsize=100_000)
def named_thing(name_tokens: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """The thing a name names once measure and connector words are dropped ("Количество портов HDMI" → {hdmi},
    "Объем оперативной памяти" → {озу}); empty when nothing else is left."""
    return implied(frozenset(name_tokens) - vocabulary().measure)


def adds_only_body(required: tuple[str, ...], offered: frozenset[str]) -> bool:
    """The two names differ only by the product's own body ("Степень защиты корпуса" for "Степень защиты"),
    never by another part on either side ("… блока питания", "… адаптера")."""
    return set(required) ^ offered <= vocabulary().body


def component_noun(word: str) -> bool:
    """A noun naming another part of the product ("видеокарта", "ядро", "сканирование")."""
    return word in vocabulary().components


def derived_for(name_tokens: tuple[str, ...]) -> tuple[Derived, ...]:
    """Numeric specs a feature in the name implies ("порт 10 Gigabit Ethernet" → скорость ≥ 10 Гбит/с)."""
    have = set(name_tokens)
    return tuple(d for d in vocabulary().derived if d.feature in have)
