"""Causes of "unknown" where the catalogue decides (issue 15, second pass): one test per cause, each written on
hand-made products and failing on the matcher before the fix."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

PRINTER = product(
    "PR-1", "Принтер офисный",
    [("Цветность", "цветная"), ("Разрешение печати", "1200x1200"), ("Объём ОЗУ", 512, "МБ"),
     ("Частоты радиомодуля", "2,4 и 5 ГГц"), ("Поддерживаемые уровни RAID", "0, 1, 5, 6")],
)  # fmt: skip
CARDS = [product_card(PRINTER)]
VOCAB = SpecVocabulary(CARDS)


def decide(ch: Characteristic) -> str:
    (req,) = from_characteristic(ch)
    return check(req, CARDS[0], VOCAB).status


def test_a_more_specific_wording_of_the_whole_spec_name_is_that_spec():
    # "Цветность отпечатков" says every word of "Цветность" and more: it is that spec to disprove a value; the
    # extra noun may name another thing, so it never proves one (matching.indirect).
    assert decide(Characteristic(name="Цветность отпечатков", kind="values", values=["цветная"])) == "unknown"
    assert decide(Characteristic(name="Цветность отпечатков", kind="values", values=["монохромная"])) == "no"


def test_a_number_beyond_the_spec_name_is_not_a_wording():
    # "Поддерживаемые уровни RAID 10": the 10 is a value the spec must hold, so the name alone proves nothing.
    (req,) = from_characteristic(Characteristic(name="Поддерживаемые уровни RAID 10", kind="values", values=["Да"]))
    assert req.kind == "presence"
    assert check(req, CARDS[0], VOCAB).status != "no"


def test_several_numbers_against_a_list_of_numbers():
    both = Characteristic(name="Частоты радиомодуля", kind="values", values=["2,4 ГГц", "5 ГГц"])
    assert decide(both) == "yes"
    neither = Characteristic(name="Частоты радиомодуля", kind="values", values=["6 ГГц", "60 ГГц"])
    assert decide(neither) == "no"
    part = Characteristic(name="Частоты радиомодуля", kind="values", values=["5 ГГц", "6 ГГц"])
    assert decide(part) == "unknown"


ACCESS_POINT = product(
    "AP-1", "Точка доступа настенная",
    [("Стандарт Wi-Fi", "802.11ac"), ("Монтаж", "на стену / на мачту"), ("Управление", "неуправляемая"),
     ("Твердотельный накопитель SSD", 64, "ГБ")],
)  # fmt: skip
UPS = product("UPS-1", "ИБП", [("Топология", "on-line (двойное преобразование)"), ("Технология печати", "лазерная")])
MORE = [product_card(ACCESS_POINT), product_card(UPS)]
MORE_VOCAB = SpecVocabulary(MORE)


def decide_on(card: int, ch: Characteristic) -> str:
    (req,) = from_characteristic(ch)
    return check(req, MORE[card], MORE_VOCAB).status


def test_value_classes_of_ups_topology_printing_and_ceiling_or_mast_mounting():
    # Paraphrased classes (indirect variants of the data) tell values apart, never prove them the same.
    assert decide_on(1, Characteristic(name="Топология", kind="values", values=["с двойным преобразованием"])) != "no"
    assert decide_on(1, Characteristic(name="Топология", kind="values", values=["online"])) == "yes"
    assert decide_on(1, Characteristic(name="Топология", kind="values", values=["интерактивная"])) == "no"
    assert decide_on(1, Characteristic(name="Технология печати", kind="values", values=["электрографическая"])) != "no"
    # "Тип установки" is the catalogue's "Монтаж"; a ceiling mount is not a wall or mast mount.
    assert decide_on(0, Characteristic(name="Тип установки", kind="values", values=["потолочная"])) == "no"
    assert decide_on(0, Characteristic(name="Тип установки", kind="values", values=["на мачту"])) == "yes"


def test_wireless_standard_in_words_ieee_prefix_and_no_typo_tolerance_in_numbers():
    # "Wi-Fi 6" and "802.11ac" normalise to strings 90 % alike: a typo is forgiven in words, never in numbers.
    ch = Characteristic(name="Стандарт беспроводной сети Wi-Fi", kind="values", values=["IEEE 802.11ac"])
    assert decide_on(0, ch) == "yes"
    assert decide_on(0, Characteristic(name="Стандарт беспроводной сети", kind="values", values=["Wi-Fi 6"])) == "no"


def test_soft_sign_typo_in_volume():
    assert decide_on(0, Characteristic(name="Обьём SSD", kind="range", min="64", unit="ГБ")) == "yes"
    assert decide_on(0, Characteristic(name="Обьём SSD", kind="range", min="128", unit="ГБ")) == "no"


def test_a_feature_written_as_a_value_class_is_decided_by_the_card():
    # The catalogue says which management class the product has: "управляемый" is disproved, not unknown.
    managed = Characteristic(name="Управляемый", kind="values", values=["Да"])
    unmanaged = Characteristic(name="Неуправляемый", kind="values", values=["Да"])
    assert decide_on(0, managed) == "no"
    assert decide_on(0, unmanaged) == "yes"
    assert decide_on(1, managed) == "unknown"  # the UPS card says nothing about management


def test_ingress_protection_compared_digit_by_digit_with_lookalike_letters():
    outdoor = product_card(product("CAM-1", "Камера уличная", [("Класс защиты корпуса", "IP66")]))
    indoor = product_card(product("CAM-2", "Камера внутренняя", [("Класс защиты корпуса", "IP40")]))
    vocab = SpecVocabulary([outdoor, indoor])
    # "ІР" below is written with Cyrillic letters, as notices often are.
    (at_least,) = from_characteristic(Characteristic(name="Класс защиты корпуса", kind="text", text="не ниже ІР55"))
    assert check(at_least, outdoor, vocab).status == "yes"
    assert check(at_least, indoor, vocab).status == "no"
    (exact,) = from_characteristic(Characteristic(name="Класс защиты корпуса", kind="text", text="IР40"))
    assert check(exact, indoor, vocab).status == "yes"
    assert check(exact, outdoor, vocab).status == "unknown"  # higher than the exact code asked: the specialist says


def test_a_counted_noun_keeps_its_completing_words_and_its_qualifying_speed():
    found = {r.name: r for r in name_requirements("Маршрутизатор 8 портов 10G, 2 блока питания")}
    assert set(found) == {"8 портов 10G (в наименовании)", "2 блока питания (в наименовании)"}
    assert found["2 блока питания (в наименовании)"].name_tokens == ("количество", "блок", "питание")
    # "10G" is the counted ports' speed, not a bare size to find on the card.
    assert all(r.dimension == "count" for r in found.values())


def test_a_value_counting_things_of_a_kind_answers_a_count_requirement():
    pdu = product_card(product("PDU-1", "Блок распределения питания", [("Выходы", "Schuko × 6"),
                                                                      ("Входы", "2 x IEC C14")]))  # fmt: skip
    vocab = SpecVocabulary([pdu])

    def on_pdu(name: str, least: str) -> str:
        (req,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="шт"))
        return check(req, pdu, vocab).status

    assert on_pdu("Количество выходов Schuko", "6") == "yes"
    assert on_pdu("Количество выходов Schuko", "8") == "no"
    assert on_pdu("Количество входов IEC C14", "2") == "yes"


def test_a_name_adding_two_nouns_to_the_spec_name_means_another_thing():
    pc = product_card(product("PC-9", "Компьютер", [("Память", 16, "ГБ"), ("Накопитель SSD", 512, "ГБ")]))
    vocab = SpecVocabulary([pc])
    (cache,) = from_characteristic(Characteristic(name="Объем кэш-памяти процессора", kind="range", min="8", unit="МБ"))
    # 16 ГБ of memory would "prove" 8 МБ of processor cache: the two extra nouns say it is not that spec.
    assert check(cache, pc, vocab).status == "unknown"
    (memory,) = from_characteristic(Characteristic(name="Общий объем памяти", kind="range", min="8", unit="ГБ"))
    assert check(memory, pc, vocab).status == "yes"


def test_a_qualifier_of_another_class_than_the_card_states_proves_nothing():
    mono = product_card(product("MFP-M", "МФУ", [("Скорость печати", 40, "стр/мин"), ("Цветность", "монохромная")]))
    vocab = SpecVocabulary([mono])
    (colour,) = from_characteristic(
        Characteristic(name="Скорость цветной печати", kind="range", min="20", unit="стр/мин")
    )
    assert check(colour, mono, vocab).status == "unknown"  # 40 стр/мин is the monochrome speed
    (black,) = from_characteristic(
        Characteristic(name="Скорость черно-белой печати", kind="range", min="20", unit="стр/мин")
    )
    assert check(black, mono, vocab).status == "yes"
