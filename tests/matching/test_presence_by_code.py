"""A presence named by a code, said by a fresh card in its own words (issue 15, session 13; matching/presencecodes.py,
`requirements.json` `presence_words` `codes`): «Поддержка протокола VRRP» is the card's «L3 (OSPF, RIP, VRRP)», the
words of the code's kind (протокол, сеть, аутентификация, порт) going unsaid; a bracket of codes names the feature
(«Поддержка коррекции ошибок (ECC)»); «3 уровня» spells L3; Wi-Fi is a module. Each with a trap a naive rule gets
wrong: a code inside a longer code or another code (802.1Q for 802.1X, 802.11a/b/g/n for 802.11ac, PoE for PoE+,
L2+ for L3), a denied one (non-ECC, «Wi-Fi: нет»), a slot for a thing (no thing), an SFP cage (no module), a code
read into a Russian word («Гигабитный оптический модуль» is no RJ-45). A phrase of a name said as cards say it
(«без отключения нагрузки»: «горячая замена», presencewords.py `paraphrases`), never where the clause denies it.
Hand-made cards."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

L3 = product("SW-L3", "Коммутатор L3 48 × 1G", [
    ("Уровень коммутации", "L3 (OSPF, RIP, VRRP, статическая маршрутизация)"),
    ("Управление", "Web, CLI, SNMP v2c"), ("Порты", "48 × 1G, 2 порта SFP"),
])  # fmt: skip
L2 = product("SW-L2", "Коммутатор L2+ 24 × 1G", [("Уровень коммутации", "L2+ (статическая маршрутизация)"),
                                                 ("VLAN", "802.1Q, до 4094"), ("PoE", "802.3af на 24 портах"),
                                                 ("Функции", "STP, без VRRP")])  # fmt: skip
AP = product("AP-6", "Точка доступа Wi-Fi 6", [("Безопасность", "WPA2/WPA3, 802.1X"), ("Роуминг", "802.11k/v/r"),
                                               ("Стандарты", "IEEE 802.11a/b/g/n/ac/ax")])  # fmt: skip
AP4 = product("AP-4", "Точка доступа Wi-Fi 4", [("Стандарты", "802.11a/b/g/n"), ("Роуминг", "нет")])
LTE = product("RT-LTE", "Маршрутизатор с двумя SIM", [("Модем", "встроенный LTE Cat.6, 2 слота SIM")])
SFP = product("SFP-LX", "Модуль SFP 1000BASE-LX", [("Разъём", "LC duplex")], description="Гигабитный оптический модуль")
NETS = Shelf(L3, L2, AP, AP4, LTE, SFP)

SRV = product("SRV-1", "Сервер 2U", [("ОЗУ", "256 ГБ DDR5-4800 ECC RDIMM (8 × 32 ГБ), 32 слота")])
NON_ECC = product("SRV-2", "Сервер башенный", [("Память", "16 ГБ DDR4 non-ECC UDIMM (плата поддерживает ECC)")])
NO_ECC = product("SRV-3", "Микросервер", [("Память", "DDR4 без ECC, 4 слота, до 128 ГБ")])
MONITOR = product("MN-1", 'Монитор 27"', [("Интерфейсы", "HDMI 1.4, VGA"), ("Эргономика", "наклон, pivot")])
MONITOR_DP = product("MN-2", 'Монитор 24"', [("Интерфейсы", "HDMI, DisplayPort"), ("Подставка", "поворот")])
PC = product("PC-1", "Системный блок", [("Беспроводная связь", "Wi-Fi 6 + Bluetooth 5.2 (модуль M.2)")])
PC_NO = product("PC-2", "Системный блок", [("Wi-Fi", "нет"), ("Сеть", "RJ-45 1 Гбит/с")])
OFFICE = Shelf(SRV, NON_ECC, NO_ECC, MONITOR, MONITOR_DP, PC, PC_NO)

UPS = product("UPS-1", "ИБП 3000 ВА", [("Интерфейсы", "USB, RS-232, слот SNMP (карта в комплекте)")])
UPS_SLOT = product("UPS-2", "ИБП 3000 ВА", [("Интерфейсы", "USB, RS-232, слот для SNMP-карты")])
UPS_OPTION = product("UPS-3", "ИБП 3000 ВА", [("Интерфейсы", "USB, RS-232, слот SNMP (карта опционально)")])
POWER = Shelf(UPS, UPS_SLOT, UPS_OPTION, L3)


def has(name: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


def test_a_code_said_leaves_the_words_of_its_kind_unsaid():
    assert NETS.decide(has("Поддержка протокола VRRP"), L3) == "yes"
    assert NETS.decide(has("Поддержка аутентификации IEEE 802.1X"), AP) == "yes"
    assert NETS.decide(has("Поддержка сетей LTE"), LTE) == "yes"
    assert OFFICE.decide(has("Наличие разъема VGA (D-Sub)"), MONITOR) == "yes"  # D-Sub: VGA's other name


def test_a_denied_clause_or_another_code_proves_nothing():
    assert NETS.decide(has("Поддержка протокола VRRP"), L2) != "yes"  # «без VRRP»
    assert NETS.decide(has("Поддержка аутентификации IEEE 802.1X"), L2) != "yes"  # 802.1Q is no 802.1X
    assert tokens("802.1X") != tokens("802.1Q")
    assert NETS.decide(has("Поддержка стандарта 802.11ac"), AP4) != "yes"  # 802.11a/b/g/n
    assert NETS.decide(has("Поддержка стандарта PoE+"), L2) != "yes"  # PoE (802.3af) only
    assert OFFICE.decide(has("Наличие разъема VGA (D-Sub)"), MONITOR_DP) != "yes"


def test_a_russian_spelling_of_a_code_is_the_code():
    assert NETS.decide(has("Поддержка маршрутизации 3 уровня"), L3) == "yes"
    assert NETS.decide(has("Поддержка маршрутизации 3 уровня"), L2) != "yes"  # L2+ (статическая маршрутизация)


def test_a_bracket_of_codes_names_the_feature():
    assert NETS.decide(has("Поддержка бесшовного роуминга (IEEE 802.11k/v/r)"), AP) == "yes"
    assert NETS.decide(has("Поддержка бесшовного роуминга (IEEE 802.11k/v/r)"), AP4) != "yes"
    assert OFFICE.decide(has("Поддержка коррекции ошибок (ECC)"), SRV) == "yes"
    assert OFFICE.decide(has("Функция поворота экрана (Pivot)"), MONITOR) == "yes"
    assert OFFICE.decide(has("Функция поворота экрана (Pivot)"), MONITOR_DP) != "yes"


def test_non_ecc_memory_is_no_ecc_even_where_the_board_takes_it():
    assert OFFICE.decide(has("Поддержка коррекции ошибок оперативной памяти (ECC)"), NON_ECC) != "yes"
    assert OFFICE.decide(has("Поддержка коррекции ошибок оперативной памяти (ECC)"), NO_ECC) != "yes"


def test_a_radio_is_its_module_and_adapter_but_an_sfp_cage_is_no_module():
    assert OFFICE.decide(has("Наличие модуля беспроводной связи Wi-Fi"), PC) == "yes"
    assert OFFICE.decide(has("Наличие беспроводного адаптера Wi-Fi"), PC) == "yes"
    assert OFFICE.decide(has("Наличие модуля Wi-Fi"), PC_NO) != "yes"  # «Wi-Fi: нет»
    assert NETS.decide(has("Наличие модуля SFP"), L3) != "yes"  # «2 порта SFP» are cages


def test_a_code_read_into_a_russian_word_is_not_said():
    assert NETS.decide(has("Наличие сетевого интерфейса Ethernet (RJ-45)"), SFP) != "yes"  # «Гигабитный»


def test_an_adapter_is_the_card_where_the_code_is_said_but_a_slot_is_no_card():
    assert POWER.decide(has("Наличие SNMP-адаптера"), UPS) == "yes"
    assert POWER.decide(has("Наличие SNMP-адаптера"), UPS_SLOT) != "yes"  # a slot for a card, no card
    assert POWER.decide(has("Наличие SNMP-адаптера"), UPS_OPTION) != "yes"  # the card is optional
    assert POWER.decide(has("Наличие SNMP-адаптера"), L3) != "yes"  # SNMP management is no adapter
    assert POWER.decide(has("Наличие слота для SNMP-карты"), L3) != "yes"
    assert POWER.decide(has("Поддержка протокола SNMP"), UPS_SLOT) != "yes"  # the slot's SNMP needs the card


DELL = product("SRV-D", "Сервер 1U", [("Управление", "iDRAC9 Enterprise")])
HPE = product("SRV-H", "Сервер 2U", [("Управление", "HPE iLO 5 Standard")])
OPTIONAL_BMC = product(
    "SRV-O", "Сервер башенный", [("Удаленное управление", "IPMI 2.0 — опционально, модуль не входит в комплект")]
)
UPS_REMOTE = product("UPS-4", "ИБП 3000 ВА", [("Удаленное управление", "по SNMP, веб-интерфейс")])
SERVERS = Shelf(DELL, HPE, OPTIONAL_BMC, UPS_REMOTE)


def test_a_remote_management_module_is_a_bmc_by_its_vendors_name():
    assert SERVERS.decide(has("Наличие модуля удаленного управления"), DELL) == "yes"
    assert SERVERS.decide(has("Наличие модуля удаленного управления"), HPE) == "yes"
    assert SERVERS.decide(has("Наличие модуля удаленного управления"), OPTIONAL_BMC) != "yes"  # an option
    assert SERVERS.decide(has("Наличие модуля удаленного управления"), UPS_REMOTE) != "yes"  # remote, no module


HOT = product("UPS-5", "ИБП 3000 ВА", [("Батареи", "6 × 12 В 9 А·ч, горячая замена")])
NOT_HOT = product("UPS-6", "ИБП 1500 ВА", [("Батареи", "2 × 12 В 9 А·ч, горячая замена: нет")])
TOOLS = product("UPS-7", "ИБП 1500 ВА", [("Батареи", "2 × 12 В 9 А·ч, замена без инструментов")])
ELSEWHERE = product("UPS-8", "ИБП 3000 ВА", [("Блоки питания", "2, горячая замена"), ("Батареи", "6 × 12 В")])
BATTERIES = Shelf(HOT, NOT_HOT, TOOLS, ELSEWHERE)
HOT_SWAP = "Возможность замены батарей без отключения нагрузки"


def test_a_phrase_of_the_name_said_as_cards_say_it():
    assert BATTERIES.decide(has(HOT_SWAP), HOT) == "yes"
    assert BATTERIES.decide(has(HOT_SWAP), NOT_HOT) != "yes"  # «горячая замена: нет» in the same value
    assert BATTERIES.decide(has(HOT_SWAP), TOOLS) != "yes"
    assert BATTERIES.decide(has(HOT_SWAP), ELSEWHERE) != "yes"  # the power supplies' hot swap
    assert BATTERIES.decide(has("Возможность замены батарей с отключением нагрузки"), HOT) != "yes"
