"""A presence a distributor's card states in another spec's words (matching/presencewords.py, data in
requirements.json `presence_words` and synonyms.json), and optional accessories that never prove one
(matching/cards.py `offered_tokens`). Each with a trap that must stay undecided. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product


def has(name: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


AP = product("AP-1", "Точка доступа уличная", [
    ("Интерфейсы и питание", "1 × 10/100/1000BASE-T (RJ-45) с PoE-in 802.3at, 1 × SFP"),
    ("Питание", "PoE 802.3at; адаптер 12 В DC"), ("Управление", "Web, SNMP, контроллер SoftWLC"),
])  # fmt: skip
AP_BARE = product("AP-2", "Точка доступа", [("Порты", "1 × RJ-45"), ("PoE", "нет"), ("Управление", "Web, SNMP")])
UPS = product("UPS-1", "ИБП 10 кВА", [
    ("Интерфейсы", "USB, RS-232, слот SNMP, EPO"), ("Дисплей", "LCD"),
    ("Конструктив", "2U; поддержка внешних батарейных модулей"),
])  # fmt: skip
UPS_OPTIONS = product("UPS-2", "ИБП 3 кВА", [
    ("Внешние батарейные модули", "опционально"), ("Интерфейсы", "USB, RS-232; SNMP-карта приобретается отдельно"),
    ("SNMP-карта", "опционально"),
])  # fmt: skip
SERVER = product("SR-1", "Сервер 2U", [("Удаленное управление", "BMC (IPMI 2.0, Redfish, выделенный порт RJ-45)")])
SERVER_BARE = product("SR-2", "Сервер 2U", [("Удаленное управление", "нет")])
MFP = product("MFP-1", "МФУ A4", [("АПД", "50 листов"), ("Интерфейсы", "USB 2.0, Ethernet 10/100/1000")])
MFP_BARE = product("MFP-2", "МФУ A4", [("Подача бумаги", "лоток 250 листов"), ("Интерфейсы", "USB 2.0")])
NAS = product("NAS-1", "Сетевое хранилище QNAP TS-464, 4 отсека", [("Отсеки", "4")])
SHELF = Shelf(AP, AP_BARE, UPS, UPS_OPTIONS, SERVER, SERVER_BARE, MFP, MFP_BARE, NAS)


def test_power_by_poe_technology_is_the_cards_poe_power():
    assert SHELF.decide(has("Поддержка электропитания по технологии PoE"), AP) == "yes"
    assert SHELF.decide(has("Поддержка электропитания по технологии PoE"), AP_BARE) == "no"  # «PoE: нет»


def test_an_sfp_is_a_port_but_no_module():
    assert SHELF.decide(has("Наличие порта SFP"), AP) == "yes"
    assert SHELF.decide(has("Наличие модуля SFP"), AP) == "unknown"  # a cage says nothing of a module in it


def test_management_from_a_controller_is_centralised():
    asked = has("Поддержка централизованного управления с контроллера")
    assert SHELF.decide(asked, AP) == "yes"
    assert SHELF.decide(asked, AP_BARE) == "unknown"


def test_a_slot_takes_a_card_but_proves_no_card():
    assert SHELF.decide(has("Наличие слота для SNMP-карты"), UPS) == "yes"
    assert SHELF.decide(has("Наличие SNMP-карты"), UPS) == "unknown"


def test_lcd_is_a_liquid_crystal_display_and_adf_the_scanners_feeder():
    assert SHELF.decide(has("Наличие ЖК-дисплея"), UPS) == "yes"
    assert SHELF.decide(has("Наличие ЖК-дисплея"), UPS_OPTIONS) == "unknown"
    assert SHELF.decide(has("Наличие устройства автоподачи сканера"), MFP) == "yes"
    assert SHELF.decide(has("Наличие устройства автоподачи сканера"), MFP_BARE) == "unknown"


def test_connecting_external_batteries_is_their_support_and_an_option_proves_nothing():
    asked = has("Возможность подключения внешних батарейных модулей")
    assert SHELF.decide(asked, UPS) == "yes"
    assert SHELF.decide(asked, UPS_OPTIONS) == "unknown"  # «опционально»


def test_an_accessory_bought_apart_or_optional_is_no_presence():
    assert SHELF.decide(has("Наличие SNMP-карты"), UPS_OPTIONS) == "unknown"
    assert SHELF.decide(has("Наличие слота для SNMP-карты"), UPS_OPTIONS) == "unknown"


def test_a_bmc_is_a_module():
    assert SHELF.decide(has("Наличие модуля удаленного управления (BMC)"), SERVER) == "yes"
    assert SHELF.decide(has("Наличие модуля удаленного управления (BMC)"), SERVER_BARE) != "yes"


def test_ethernet_is_a_network_interface():
    line = "Принтер лазерный монохромный формата А4 с сетевым интерфейсом"
    assert SHELF.decide_name(MFP, line, "с сетевым интерфейсом") == "yes"
    assert SHELF.decide_name(MFP_BARE, line, "с сетевым интерфейсом") == "unknown"


def test_nas_is_a_network_storage():
    assert SHELF.decide_name(NAS, "Сетевое хранилище (NAS) на 4 диска", "NAS") == "yes"
    assert SHELF.decide_name(SERVER, "Сетевое хранилище (NAS) на 4 диска", "NAS") == "unknown"


SWITCH = product("SW-1", "Коммутатор управляемый L3", [("Управление", "CLI, Web, SNMP, SSH"), ("Порты", "24 × RJ-45")])
SWITCH_CLI = product("SW-2", "Коммутатор управляемый", [("Управление", "CLI, SNMP"), ("Веб-камера", "есть")])
PRINTER = product("MFP-3", "МФУ лазерное", [("Интерфейсы", "USB 2.0, Ethernet 10/100/1000, Wi-Fi 802.11b/g/n")])
PRINTER_WIRED = product("MFP-4", "МФУ лазерное", [("Интерфейсы", "USB 2.0, Ethernet"), ("Wi-Fi", "нет")])
PDU = product("PDU-1", "Блок распределения питания", [("Мониторинг", "ток, мощность; доступ по сети (SNMP, Web)")])
PDU_LOCAL = product("PDU-2", "Блок распределения питания", [("Мониторинг", "ток, напряжение на дисплее")])
RADIO = product("AP-3", "Точка доступа", [("Радиомодули", "2,4 ГГц 2×2 и 5 ГГц 2×2, работают одновременно")])
RADIO_EITHER = product("AP-4", "Точка доступа", [("Радиомодули", "2,4 ГГц и 5 ГГц (переключаемые)")])
WORDS = Shelf(SWITCH, SWITCH_CLI, PRINTER, PRINTER_WIRED, PDU, PDU_LOCAL, RADIO, RADIO_EITHER)


def test_a_web_management_is_a_web_interface_of_the_product_itself():
    assert WORDS.decide(has("Наличие веб-интерфейса управления"), SWITCH) == "yes"
    assert WORDS.decide(has("Наличие веб-интерфейса управления коммутатором"), SWITCH) == "yes"
    # «Веб-камера: есть» and the switch's own name say no web management
    assert WORDS.decide(has("Наличие веб-интерфейса управления"), SWITCH_CLI) == "unknown"
    assert WORDS.decide(has("Наличие веб-интерфейса управления коммутатором"), SWITCH_CLI) == "unknown"


def test_wi_fi_is_a_wireless_interface():
    assert WORDS.decide(has("Наличие беспроводного интерфейса Wi-Fi"), PRINTER) == "yes"
    assert WORDS.decide(has("Наличие беспроводного интерфейса Bluetooth"), PRINTER) == "unknown"
    assert WORDS.decide(has("Наличие беспроводного интерфейса Wi-Fi"), PRINTER_WIRED) != "yes"


def test_monitoring_over_the_network_is_remote():
    assert WORDS.decide(has("Наличие удаленного мониторинга по сети"), PDU) == "yes"
    assert WORDS.decide(has("Наличие удаленного мониторинга по сети"), PDU_LOCAL) == "unknown"
    assert WORDS.decide(has("Наличие удаленного мониторинга"), PDU_LOCAL) == "unknown"  # remote is not said


def test_frequencies_name_their_bands():
    asked = has("Одновременная работа в диапазонах 2,4 ГГц и 5 ГГц")
    assert WORDS.decide(asked, RADIO) == "yes"
    assert WORDS.decide(asked, RADIO_EITHER) == "unknown"  # both bands, but not at once
    # Never proven by the other bands; the radios listed by band are the card's closed band list (test_listed_bands).
    assert WORDS.decide(has("Поддержка диапазона 6 ГГц"), RADIO) == "no"
