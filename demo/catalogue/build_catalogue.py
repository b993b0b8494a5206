# ruff: noqa: E501  (data tables: one product per line reads better than wrapped tuples)
"""Writes the demo catalogue (contract 4.2) as ``products.csv`` + ``specs.csv`` next to this script.

The CSVs are the shipped data; this script only keeps the families and their close variants (24 vs 48 ports,
PoE vs not, 8 vs 16 GB) consistent. Products, prices and registry entries are illustrative, written by the
project in the formats Russian ICT sellers use. Run: ``python demo/catalogue/build_catalogue.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
PRODUCTS: list[dict[str, object]] = []
SPECS: list[tuple[str, str, str, str]] = []
RU = "Россия"

SWITCH = ("Коммутаторы", "26.30.11.110", "26.30.11.110-00000041")
ROUTER = ("Маршрутизаторы", "26.30.11.110", "26.30.11.110-00000025")
WIFI = ("Точки доступа Wi-Fi", "26.30.11.190", None)
SERVER = ("Серверы", "26.20.14.000", "26.20.14.000-00000191")
STORAGE = ("Системы хранения данных", "26.20.40.110", None)
PC = ("Персональные компьютеры", "26.20.15.000", "26.20.15.000-00000030")
AIO = ("Моноблоки", "26.20.15.000", "26.20.15.000-00000038")
LAPTOP = ("Ноутбуки", "26.20.11.110", "26.20.11.110-00000138")
MONITOR = ("Мониторы", "26.20.17.110", "26.20.17.110-00000007")
MFP = ("МФУ", "26.20.18.000", "26.20.18.000-00000068")
PRINTER = ("Принтеры", "26.20.16.120", "26.20.16.120-00000013")
UPS = ("ИБП", "27.90.40.190", None)
PHONE = ("IP-телефоны", "26.30.23.000", None)
VKS = ("Видеоконференцсвязь", "26.40.33.190", None)
CABLE = ("СКС и кабельная продукция", "27.32.13.190", None)
PASSIVE = ("СКС и кабельная продукция", "27.33.13.130", None)
RACK = ("Телекоммуникационные шкафы", "27.12.31.000", None)
SOFT_OS = ("Программное обеспечение", "58.29.11.000", "58.29.11.000-00000003")
SOFT_APP = ("Программное обеспечение", "58.29.21.000", None)
SOFT_SEC = ("Программное обеспечение", "58.29.31.000", None)
SERVICE = ("ИТ-услуги", "62.02.30.000", None)
WORKS = ("ИТ-услуги", "43.21.10.290", None)
MOUSE = ("Периферия", "26.20.16.170", "26.20.16.170-00000003")
KEYB = ("Периферия", "26.20.16.110", "26.20.16.110-00000003")
FLASH = ("Периферия", "26.20.21.120", None)
PROJ = ("Проекторы", "26.20.17.120", "26.20.17.120-00000001")
CAMERA = ("Видеонаблюдение", "26.40.33.110", None)
SFP = ("Трансиверы", "26.30.11.190", None)

EXTRA_SPECS: dict[str, list[tuple]] = {
    "VNT-SRV-25": [("Количество интерфейсов 10GbE", 2, "шт"), ("Поддержка H.239/BFCP (демонстрация контента)", "Да")],
    "YL-UVC40": [("Частота кадров", 30, "кадр/с"), ("Цифровое увеличение", 8, "крат"), ("Автокадрирование", "Да")],
    "TC-HEADSET-U1": [
        ("Частотный диапазон наушников", "20-20000 Гц"),
        ("Регулировка громкости на кабеле", "Да"),
        ("Длина кабеля", 2, "м"),
    ],
    "PRT-OPT-8SM": [("Диаметр кабеля", 6.5, "мм"), ("Допустимое растягивающее усилие", 1.5, "кН")],
    "SNR-PP-6-24": [("Исполнение", '19" стоечное')],
    "SNR-PP-6-48": [("Исполнение", '19" стоечное')],
    "KAS-KESB-STD-2Y": [("Поддерживаемые ОС", "Windows, Linux (в т.ч. Astra Linux), macOS")],
    "TC-SERVER-50": [
        ("Протоколы", "SIP, H.323, WebRTC"),
        ("Поддерживаемые ОС сервера", "Astra Linux, РЕД ОС, Windows Server"),
    ],
    "KAS-KSC-EXP": [
        ("Сертификат ФСТЭК", "Да"),
        ("Поддерживаемые ОС", "Windows, Linux"),
        ("Управление мобильными устройствами", "Да"),
    ],
    "SRV-SKS-PORT": [
        ("Единица измерения", "порт"),
        ("Тестирование кабельным анализатором", "Да"),
        ("Исполнительная документация", "Да"),
    ],
    "SRV-LAN-SETUP": [
        ("Срок выполнения", 10, "дн"),
        ("Исполнительная документация", "Да"),
        ("Гарантия на работы", 12, "мес"),
        ("Выезд инженера на объект", "Да"),
    ],
    "SRV-SUPPORT-12M": [("Канал обращений", "телефон, e-mail, портал"), ("Выезд инженера", "Да")],
    "SRV-SUPPORT-24x7": [
        ("Канал обращений", "телефон, e-mail, портал"),
        ("Замена неисправных компонентов", "Да"),
        ("Выезд инженера", "Да"),
    ],
    "SRV-VKS-INSTALL": [
        ("Срок выполнения", 5, "дн"),
        ("Обучение персонала", "Да"),
        ("Гарантия на работы", 12, "мес"),
        ("Исполнительная документация", "Да"),
        ("Единица измерения", "переговорная комната"),
    ],
    "GRV-MOUSE-USB": [("Длина кабеля", 1.5, "м")],
    "GRV-KB-USB": [("Длина кабеля", 1.5, "м"), ("Защита от воды", "Нет")],
    "SNR-SFP-LX-20": [("Поддержка DDM", "Да")],
    "SNR-SFPP-LR-20": [("Поддержка DDM", "Да")],
    "SSD-NTR-960": [
        ("Скорость чтения", 540, "МБ/с"),
        ("Скорость записи", 500, "МБ/с"),
        ("Ресурс записи (DWPD)", 1, ""),
    ],
    "SSD-NTR-1920": [
        ("Скорость чтения", 550, "МБ/с"),
        ("Скорость записи", 520, "МБ/с"),
        ("Ресурс записи (DWPD)", 1, ""),
    ],
    "HDD-8TB-SAS": [
        ("Скорость вращения шпинделя", 7200, "об/мин"),
        ("Объем кэш-памяти", 256, "МБ"),
        ("Наработка на отказ", 2500000, "ч"),
    ],
}

_reg_counter = [4100]


def reg_re(year: int = 23) -> str:
    """Entry of the unified register of Russian radio-electronic products (format РЭ-NNNN/YY)."""
    _reg_counter[0] += 37
    return f"РЭ-{_reg_counter[0]}/{year}"


def add(sku, name, vendor, model, cat, price, specs, country=RU, reg=None, warranty=36, vat="20", desc=None):
    category, okpd2, ktru = cat
    if country == RU and reg is None:
        reg = reg_re()
    PRODUCTS.append(
        {
            "sku": sku, "name": name, "vendor": vendor, "model": model, "category": category, "okpd2": okpd2,
            "ktru": ktru or "", "price": price, "vat_rate": vat, "country": country, "registry_number": reg or "",
            "warranty_months": warranty, "description": desc or "",
        }
    )  # fmt: skip
    for spec in [*specs, *EXTRA_SPECS.get(sku, [])]:
        spec_name, value = spec[0], spec[1]
        unit = spec[2] if len(spec) > 2 else ""
        SPECS.append((sku, spec_name, str(value), unit))


def switches() -> None:
    rows = [
        # sku, vendor, model, ports, sfp, sfp_kind, poe, budget, level, price, country
        ("ELX-MES2308", "Eltex", "MES2308", 8, 2, "SFP 1G", False, 0, "L2+", 23900, RU),
        ("ELX-MES2308P", "Eltex", "MES2308P", 8, 2, "SFP 1G", True, 120, "L2+", 34900, RU),
        ("ELX-MES2324", "Eltex", "MES2324", 24, 4, "SFP+ 10G", False, 0, "L2+", 67500, RU),
        ("ELX-MES2324P", "Eltex", "MES2324P AC", 24, 4, "SFP+ 10G", True, 410, "L2+", 98700, RU),
        ("ELX-MES2348B", "Eltex", "MES2348B", 48, 4, "SFP+ 10G", False, 0, "L2+", 112400, RU),
        ("ELX-MES2348P", "Eltex", "MES2348P", 48, 4, "SFP+ 10G", True, 740, "L2+", 168900, RU),
        ("ELX-MES3710P", "Eltex", "MES3710P", 8, 2, "SFP 1G", True, 240, "L2+", 41200, RU),
        ("ELX-MES3324", "Eltex", "MES3324", 24, 4, "SFP+ 10G", False, 0, "L3", 121800, RU),
        ("ELX-MES3348", "Eltex", "MES3348", 48, 4, "SFP+ 10G", False, 0, "L3", 189300, RU),
        ("QT-QSW-2850-28T", "Qtech", "QSW-2850-28T-AC", 24, 4, "SFP 1G", False, 0, "L2", 38900, RU),
        ("QT-QSW-3750-28T-POE", "Qtech", "QSW-3750-28T-POE-AC", 24, 4, "SFP+ 10G", True, 370, "L3", 139500, RU),
        ("QT-QSW-3750-52T", "Qtech", "QSW-3750-52T-AC", 48, 4, "SFP+ 10G", False, 0, "L3", 176000, RU),
        ("SNR-S2985G-24T", "SNR", "SNR-S2985G-24T", 24, 4, "SFP 1G", False, 0, "L2+", 31500, RU),
        ("SNR-S2985G-24TC-POE", "SNR", "SNR-S2985G-24TC-POE", 24, 4, "SFP 1G", True, 370, "L2+", 58900, RU),
        ("SNR-S2985G-48T", "SNR", "SNR-S2985G-48T", 48, 4, "SFP 1G", False, 0, "L2+", 56700, RU),
        ("B4C-CS2-48T", "B4COM", "B4T-S2148", 48, 6, "SFP+ 10G", False, 0, "L3", 214000, RU),
        ("HW-S5735-L24T4X", "Huawei", "S5735-L24T4X-A1", 24, 4, "SFP+ 10G", False, 0, "L3", 97800, "Китай"),
        ("HW-S5735-L48P4X", "Huawei", "S5735-L48P4X-A1", 48, 4, "SFP+ 10G", True, 740, "L3", 215000, "Китай"),
    ]
    for sku, vendor, model, ports, sfp, sfp_kind, poe, budget, level, price, country in rows:
        kind = "PoE+" if poe else ""
        name = f"Коммутатор {vendor} {model}, {ports}x1G RJ-45{' ' + kind if kind else ''}, {sfp}x{sfp_kind}, {level}"
        specs = [
            ("Количество портов 10/100/1000 Base-T", ports, "шт"),
            (f"Количество портов {sfp_kind.split()[0]}", sfp, "шт"),
            ("Скорость портов uplink", sfp_kind.split()[1].replace("G", " Гбит/с")),
            ("Уровень коммутации", level),
            ("Поддержка PoE/PoE+ (802.3af/at)", "Да" if poe else "Нет"),
            ("Бюджет PoE", budget, "Вт"),
            ("Коммутационная способность", ports * 2 + sfp * (20 if "10G" in sfp_kind else 2), "Гбит/с"),
            ("Буфер пакетов", 1.5 if ports < 24 else 4, "МБ"),
            ("Поддержка VLAN (802.1Q), Voice VLAN", "Да"),
            ("IGMP Snooping", "Да"),
            ("Протоколы управления", "CLI, Web, SNMP v1/v2c/v3, Telnet, SSH"),
            ("Исполнение", '19" стоечное 1U' if ports >= 24 else "настольное/настенное"),
            ("Блок питания", "встроенный, AC 220 В"),
            ("Количество блоков питания", 1, "шт"),
            ("Тип коммутатора", "управляемый"),
        ]
        if level == "L3":
            specs.append(("Статическая и динамическая маршрутизация (RIP, OSPF)", "Да"))
        add(sku, name, vendor, model, SWITCH, price, specs, country=country)


def routers() -> None:
    rows = [
        ("ELX-ESR-20", "Eltex", "ESR-20", 4, 2, 1.2, 100, 38900, RU),
        ("ELX-ESR-30", "Eltex", "ESR-30", 4, 2, 2.0, 250, 64900, RU),
        ("ELX-ESR-200", "Eltex", "ESR-200", 8, 4, 4.0, 500, 147000, RU),
        ("ELX-ESR-1000", "Eltex", "ESR-1000", 24, 8, 10.0, 1000, 419000, RU),
        ("QT-QSR-1920", "Qtech", "QSR-1920-24", 8, 2, 2.0, 300, 99000, RU),
        ("HW-AR6120", "Huawei", "AR6120", 8, 2, 1.5, 200, 76500, "Китай"),
    ]
    for sku, vendor, model, lan, wan, fw, vpn, price, country in rows:
        add(
            sku, f"Маршрутизатор {vendor} {model} (сервисный маршрутизатор, VPN, межсетевой экран)", vendor,
            model, ROUTER, price,
            [
                ("Количество портов 10/100/1000 Base-T", lan, "шт"),
                ("Количество портов SFP", wan, "шт"),
                ("Производительность межсетевого экрана", fw, "Гбит/с"),
                ("Количество VPN-туннелей IPsec", vpn, "шт"),
                ("Поддержка протоколов маршрутизации", "Static, RIP, OSPF, BGP, IS-IS"),
                ("NAT", "Да"),
                ("Поддержка IPsec, L2TP, GRE", "Да"),
                ("Протоколы управления", "CLI, SNMP, SSH, NETCONF"),
                ("Исполнение", "19\" стоечное 1U" if lan > 4 else "настольное"),
                ("Блок питания", "встроенный, AC 220 В"),
            ],
            country=country,
        )  # fmt: skip


def wifi() -> None:
    rows = [
        ("ELX-WEP-1L", "Eltex", "WEP-1L", "Wi-Fi 4 (802.11n)", 300, 1, "внутренняя", 6900, RU),
        ("ELX-WEP-2AC", "Eltex", "WEP-2ac", "Wi-Fi 5 (802.11ac Wave 2)", 1167, 2, "внутренняя", 16800, RU),
        ("ELX-WEP-30L", "Eltex", "WEP-30L", "Wi-Fi 6 (802.11ax)", 2976, 2, "внутренняя", 24900, RU),
        ("ELX-WEP-3AX", "Eltex", "WEP-3ax", "Wi-Fi 6 (802.11ax)", 3000, 2, "внутренняя", 31500, RU),
        ("ELX-WOP-2AC", "Eltex", "WOP-2ac", "Wi-Fi 5 (802.11ac Wave 2)", 1167, 2, "наружная IP65", 33900, RU),
        ("ELX-WOP-30L", "Eltex", "WOP-30L", "Wi-Fi 6 (802.11ax)", 2976, 2, "наружная IP65", 39900, RU),
        ("QT-QWO-AX3000", "Qtech", "QWO-AX3000-IN", "Wi-Fi 6 (802.11ax)", 2976, 2, "внутренняя", 27400, RU),
        ("HW-AE5761-11", "Huawei", "AirEngine 5761-11", "Wi-Fi 6 (802.11ax)", 1775, 2, "внутренняя", 42000, "Китай"),
    ]
    for sku, vendor, model, std, speed, radios, place, price, country in rows:
        add(
            sku, f"Точка доступа Wi-Fi {vendor} {model}, {std.split(' (')[0]}, {place.split()[0]}", vendor, model,
            WIFI, price,
            [
                ("Стандарт Wi-Fi", std),
                ("Суммарная скорость беспроводного соединения", speed, "Мбит/с"),
                ("Количество радиомодулей", radios, "шт"),
                ("Диапазоны частот", "2,4 ГГц и 5 ГГц" if radios > 1 else "2,4 ГГц"),
                ("MU-MIMO", "Да" if "ac" in std or "ax" in std else "Нет"),
                ("Питание PoE (802.3af/at)", "Да"),
                ("Количество портов 10/100/1000 Base-T", 1, "шт"),
                ("Исполнение", place),
                ("Централизованное управление контроллером", "Да"),
                ("Максимальное количество клиентов", 256 if radios > 1 else 64, "шт"),
            ],
            country=country,
        )  # fmt: skip


def servers() -> None:
    rows = [
        ("YDR-VEGMAN-S220", "Yadro", "Vegman S220 G2", "2U", 2, "Intel Xeon Gold 6338", 32, 256, 8, 12, 1600, 1450000),
        ("YDR-VEGMAN-R120", "Yadro", "Vegman R120 G2", "1U", 2, "Intel Xeon Silver 4314", 16, 128, 4, 10, 1200, 890000),
        ("AQ-T50-D224CF", "Aquarius", "T50 D224CF", "2U", 2, "Intel Xeon Silver 4310", 12, 64, 4, 8, 1300, 640000),
        ("AQ-T40-S108", "Aquarius", "T40 S108", "1U", 1, "Intel Xeon E-2336", 6, 32, 2, 4, 550, 298000),
        ("DEPO-STORM-3470", "Depo", "Storm 3470N2", "2U", 2, "Intel Xeon Gold 5318Y", 24, 256, 8, 12, 1600, 1290000),
        ("IRU-RS1210P", "iRU", "Rock S1210P", "1U", 2, "Intel Xeon Silver 4310", 12, 128, 4, 10, 800, 720000),
        ("KRW-KR24", "Kraftway", "Express KR24", "2U", 2, "Intel Xeon Silver 4316", 20, 128, 4, 12, 1200, 910000),
        ("RKR-RP6224", "Rikor", "RP6224", "2U", 2, "Intel Xeon Gold 6330", 28, 512, 8, 24, 1600, 1680000),
        ("GRV-S2122I", "Гравитон", "С2122И", "2U", 2, "Intel Xeon Silver 4314", 16, 256, 4, 12, 1300, 980000),
        ("BB-SIRIUS-4224", "Bitblaze", "Sirius 4224", "2U", 2, "Intel Xeon Gold 6326", 16, 256, 8, 24, 1600, 1190000),
    ]
    for sku, vendor, model, size, cpus, cpu, cores, ram, ssd, bays, psu, price in rows:
        add(
            sku, f"Сервер {vendor} {model} {size}, {cpus}x{cpu}, {ram} ГБ ОЗУ", vendor, model, SERVER, price,
            [
                ("Форм-фактор", f"стоечный {size}"),
                ("Количество установленных процессоров", cpus, "шт"),
                ("Модель процессора", cpu),
                ("Количество ядер процессора", cores, "шт"),
                ("Объем оперативной памяти", ram, "ГБ"),
                ("Тип оперативной памяти", "DDR4 ECC RDIMM"),
                ("Количество отсеков для дисков", bays, "шт"),
                ("Суммарный объем SSD", ssd * 0.96, "ТБ"),
                ("Сетевые интерфейсы", "2 x 10GbE SFP+, 2 x 1GbE RJ-45"),
                ("Мощность блока питания", psu, "Вт"),
                ("Количество блоков питания", 2, "шт"),
                ("Резервирование блоков питания", "Да, 1+1 с горячей заменой"),
                ("Модуль удаленного управления (BMC)", "Да"),
            ],
        )  # fmt: skip


def storage() -> None:
    rows = [
        ("YDR-TATLIN-UNI-S", "Yadro", "TATLIN.UNIFIED SE", 24, 184, "FC 32G, iSCSI 25G", 4900000),
        ("YDR-TATLIN-FLEX", "Yadro", "TATLIN.FLEX", 12, 96, "iSCSI 25G, NFS", 2700000),
        ("AQ-STOR-2412", "Aquarius", "Storage T50 S2412", 12, 48, "iSCSI 10G", 1150000),
        ("DEPO-STOR-3224", "Depo", "Storage 3224N", 24, 96, "FC 16G, iSCSI 10G", 2100000),
        ("GRV-SHD-224", "Гравитон", "СХД Д224", 24, 120, "FC 32G, iSCSI 25G", 3300000),
    ]
    for sku, vendor, model, bays, tb, ifaces, price in rows:
        add(
            sku, f"Система хранения данных {vendor} {model}, {bays} отсеков, {tb} ТБ", vendor, model, STORAGE, price,
            [
                ("Количество отсеков для дисков", bays, "шт"),
                ("Полезная емкость", tb, "ТБ"),
                ("Количество контроллеров", 2, "шт"),
                ("Интерфейсы подключения хостов", ifaces),
                ("Поддерживаемые уровни RAID", "0, 1, 5, 6, 10"),
                ("Протоколы доступа", "блочный и файловый (iSCSI, NFS, SMB)" if "NFS" in ifaces else "блочный (FC, iSCSI)"),
                ("Кэш-память контроллера", 256, "ГБ"),
                ("Форм-фактор", "стоечный 2U"),
                ("Количество блоков питания", 2, "шт"),
            ],
        )  # fmt: skip


def pcs() -> None:
    rows = [
        ("AQ-PRO-P30-K43-8", "Aquarius", "Pro P30 K43", "Intel Core i3-12100", 4, 8, 3.3, 8, 256, 48900),
        ("AQ-PRO-P30-K43-16", "Aquarius", "Pro P30 K43", "Intel Core i5-12400", 6, 12, 2.5, 16, 512, 67900),
        ("IRU-310H5SE-8", "iRU", "Office 310H5SE", "Intel Core i3-10105", 4, 8, 3.7, 8, 256, 43900),
        ("IRU-310H5SE-16", "iRU", "Office 310H5SE", "Intel Core i5-10400", 6, 12, 2.9, 16, 512, 61200),
        ("KRW-CREDO-KC57", "Kraftway", "Credo KC57", "Intel Core i5-12400", 6, 12, 2.5, 16, 512, 72500),
        ("DEPO-NEOS-DF226", "Depo", "Neos DF226", "Intel Core i7-12700", 12, 20, 2.1, 32, 1000, 109000),
        ("GRV-D41I", "Гравитон", "Д41И", "Intel Core i5-12400", 6, 12, 2.5, 8, 256, 57800),
        ("GRV-D61I", "Гравитон", "Д61И", "Intel Core i7-12700", 12, 20, 2.1, 16, 512, 92500),
        ("FP-FLEX-D5", "Fplus", "Flex D5", "AMD Ryzen 5 5600G", 6, 12, 3.9, 16, 512, 63900),
        ("GRV-D31E", "Гравитон", "Д31Э (Байкал-М)", "Байкал BE-M1000", 8, 8, 1.5, 16, 512, 118000),
    ]
    for sku, vendor, model, cpu, cores, threads, ghz, ram, ssd, price in rows:
        add(
            sku, f"Компьютер персональный настольный {vendor} {model} ({cpu}, {ram} ГБ, SSD {ssd} ГБ)", vendor,
            model, PC, price,
            [
                ("Модель процессора", cpu),
                ("Количество ядер процессора", cores, "шт"),
                ("Количество потоков процессора", threads, "шт"),
                ("Частота процессора базовая", ghz, "ГГц"),
                ("Объем оперативной памяти", ram, "ГБ"),
                ("Тип оперативной памяти", "DDR4" if "Байкал" not in cpu else "DDR4 ECC"),
                ("Тактовая частота оперативной памяти", 3200, "МГц"),
                ("Объем накопителя SSD", ssd, "ГБ"),
                ("Интерфейс накопителя SSD", "NVMe (PCIe)"),
                ("Видеовыходы", "HDMI, DisplayPort, VGA"),
                ("Сетевой порт Gigabit Ethernet RJ-45", "Да"),
                ("Количество портов USB", 8, "шт"),
                ("Форм-фактор корпуса", "Mini Tower"),
                ("Предустановленная операционная система", "Astra Linux Special Edition"),
            ],
        )  # fmt: skip


def aios() -> None:
    rows = [
        ("GRV-M50I-24", "Гравитон", "М50И", 23.8, "Intel Core i5-12400", 6, 12, 2.5, 8, 256, 79900),
        ("GRV-M50I-27", "Гравитон", "М50И-27", 27, "Intel Core i5-12400", 6, 12, 2.5, 16, 512, 98900),
        ("AQ-MNB-T584", "Aquarius", "Mnb Pro T584", 23.8, "Intel Core i5-1135G7", 4, 8, 2.4, 16, 512, 84500),
        ("IRU-23IM", "iRU", "23IM", 23.8, "Intel Core i3-1115G4", 2, 4, 3.0, 8, 256, 62900),
        ("IRU-27IM", "iRU", "27IM", 27, "Intel Core i7-12700", 12, 20, 2.1, 16, 1000, 119000),
    ]
    for sku, vendor, model, diag, cpu, cores, threads, ghz, ram, ssd, price in rows:
        add(
            sku, f"Моноблок {vendor} {model} {diag}\" ({cpu}, {ram} ГБ, SSD {ssd} ГБ)", vendor, model, AIO, price,
            [
                ("Диагональ экрана", diag, "дюйм"),
                ("Разрешение экрана", "1920x1080" if diag < 27 else "2560x1440"),
                ("Модель процессора", cpu),
                ("Количество ядер процессора", cores, "шт"),
                ("Количество потоков процессора", threads, "шт"),
                ("Частота процессора базовая", ghz, "ГГц"),
                ("Объем оперативной памяти", ram, "ГБ"),
                ("Тип оперативной памяти", "DDR4"),
                ("Объем накопителя SSD", ssd, "ГБ"),
                ("Веб-камера", 2, "Мпикс"),
                ("Встроенный микрофон", "Да"),
                ("Беспроводные интерфейсы", "Wi-Fi 6, Bluetooth 5.2"),
                ("Видеовыходы", "HDMI, DisplayPort"),
                ("Вход HDMI", "Да" if diag >= 27 else "Нет"),
                ("Сетевой порт Gigabit Ethernet RJ-45", "Да"),
            ],
        )  # fmt: skip


def laptops() -> None:
    rows = [
        # sku, vendor, model, diag, cpu, cores, threads, ghz, ram, ramtype, ssd, battery_wh, hours, weight, price, country
        ("AQ-NS685U-8", "Aquarius", "Cmp NS685U R11", 15.6, "Intel Core i5-1135G7", 4, 8, 2.4, 8, "DDR4", 256, 45, 7, 1.8, 62900, RU),
        ("AQ-NS685U-16", "Aquarius", "Cmp NS685U R11", 15.6, "Intel Core i5-1135G7", 4, 8, 2.4, 16, "DDR4", 512, 45, 7, 1.8, 74900, RU),
        ("IRU-CALIBR-15ALC", "iRU", "Калибр 15ALC", 15.6, "AMD Ryzen 5 5500U", 6, 12, 2.1, 16, "DDR4", 512, 46, 8, 1.75, 69900, RU),
        ("IRU-CALIBR-17TLG", "iRU", "Калибр 17TLG", 17.3, "Intel Core i5-1155G7", 4, 8, 2.5, 16, "DDR4", 512, 46, 7, 2.5, 81500, RU),
        ("GRV-N15I-K2", "Гравитон", "Н15И-К2", 15.6, "Intel Core i5-1235U", 10, 12, 1.3, 16, "DDR4", 512, 58, 8, 1.7, 88900, RU),
        ("GRV-N17I-K2", "Гравитон", "Н17И-К2", 17.3, "Intel Core i7-1255U", 10, 12, 1.7, 16, "DDR4", 1000, 58, 7, 2.4, 112000, RU),
        ("GRV-N16I-T", "Гравитон", "Н16И-Т", 16, "Intel Core i7-13700H", 14, 20, 2.4, 32, "DDR5", 1000, 80, 9, 2.2, 148000, RU),
        ("FP-FLAPTOP-I15", "Fplus", "Flaptop i 15", 15.6, "Intel Core i5-1235U", 10, 12, 1.3, 8, "DDR4", 256, 45, 6, 1.7, 64900, RU),
        ("FP-FLAPTOP-R16", "Fplus", "Flaptop R 16", 16, "AMD Ryzen 7 7735HS", 8, 16, 3.2, 16, "DDR5", 512, 70, 8, 1.9, 96900, RU),
        ("KRW-NOTE-K14", "Kraftway", "Note K14", 14, "Intel Core i5-1235U", 10, 12, 1.3, 16, "DDR4", 512, 50, 8, 1.4, 84900, RU),
        ("HP-PROBOOK-450G10", "HP", "ProBook 450 G10", 15.6, "Intel Core i5-1335U", 10, 12, 1.3, 16, "DDR4", 512, 51, 9, 1.8, 99900, "Китай"),
        ("HW-MATEBOOK-D16", "Huawei", "MateBook D 16", 16, "Intel Core i5-12450H", 8, 12, 2.0, 16, "DDR4", 512, 56, 8, 1.7, 79900, "Китай"),
    ]  # fmt: skip
    for sku, vendor, model, diag, cpu, cores, threads, ghz, ram, rtype, ssd, wh, hours, kg, price, country in rows:
        res = "2560x1600" if diag == 16 and ram >= 32 else "1920x1080"
        add(
            sku, f"Ноутбук {vendor} {model} {diag}\" ({cpu}, {ram} ГБ, SSD {ssd} ГБ)", vendor, model, LAPTOP, price,
            [
                ("Диагональ экрана", diag, "дюйм"),
                ("Разрешение экрана", res),
                ("Тип матрицы", "IPS"),
                ("Модель процессора", cpu),
                ("Количество ядер процессора", cores, "шт"),
                ("Количество потоков процессора", threads, "шт"),
                ("Частота процессора базовая", ghz, "ГГц"),
                ("Объем оперативной памяти", ram, "ГБ"),
                ("Тип оперативной памяти", rtype),
                ("Объем накопителя SSD", ssd, "ГБ"),
                ("Емкость аккумулятора", wh, "Вт·ч"),
                ("Время автономной работы", hours, "ч"),
                ("Вес", kg, "кг"),
                ("Беспроводные интерфейсы", "Wi-Fi 6, Bluetooth 5.2"),
                ("Интерфейсы", "HDMI, USB Type-C, USB 3.2 Type-A, Ethernet RJ-45"),
                ("Веб-камера", 1 if price < 70000 else 2, "Мпикс"),
                ("Сканер отпечатка пальца", "Да" if price > 80000 else "Нет"),
            ],
            country=country,
        )  # fmt: skip


def monitors() -> None:
    rows = [
        ("IRU-MON-2401", "iRU", "2401", 23.8, "1920x1080", "IPS", 75, 250, 5, False, 11900, RU),
        ("IRU-MON-2705", "iRU", "2705", 27, "1920x1080", "IPS", 75, 300, 5, True, 16900, RU),
        ("GRV-MON-M24", "Гравитон", "М24IPS", 23.8, "1920x1080", "IPS", 75, 250, 5, True, 13900, RU),
        ("GRV-MON-M27Q", "Гравитон", "М27QIPS", 27, "2560x1440", "IPS", 75, 350, 4, True, 24900, RU),
        ("FP-MON-FM27", "Fplus", "FM-27F", 27, "1920x1080", "IPS", 100, 300, 5, True, 17900, RU),
        ("AQ-MON-A22", "Aquarius", "A22 VA", 21.5, "1920x1080", "VA", 60, 250, 6, False, 9900, RU),
        ("HP-E24-G5", "HP", "E24 G5", 23.8, "1920x1080", "IPS", 75, 250, 5, False, 21900, "Китай"),
        ("HW-MATEVIEW-SE", "Huawei", "MateView SE 23.8", 23.8, "1920x1080", "IPS", 75, 250, 5, False, 14900, "Китай"),
    ]
    for sku, vendor, model, diag, res, matrix, hz, cd, ms, speakers, price, country in rows:
        add(
            sku, f"Монитор {vendor} {model} {diag}\" {matrix}", vendor, model, MONITOR, price,
            [
                ("Диагональ экрана", diag, "дюйм"),
                ("Разрешение экрана", res),
                ("Тип матрицы", matrix),
                ("Частота обновления", hz, "Гц"),
                ("Яркость", cd, "кд/м2"),
                ("Контрастность", "1000:1" if matrix == "IPS" else "3000:1"),
                ("Время отклика", ms, "мс"),
                ("Углы обзора (по горизонтали/вертикали)", "178/178"),
                ("Интерфейсы", "HDMI, DisplayPort, USB Type-C" if price > 15000 else "HDMI, VGA"),
                ("Количество портов HDMI", 2 if price > 15000 else 1, "шт"),
                ("Встроенные динамики", "Да" if speakers else "Нет"),
                ("Крепление VESA", "100x100"),
                ("Потребляемая мощность", 22 if diag < 25 else 30, "Вт"),
            ],
            country=country,
        )  # fmt: skip


def mfps() -> None:
    rows = [
        # sku, vendor, model, kind, fmt, color, ppm, duplex, adf, net, wifi, month, price, country
        ("PNT-M7310DW", "Pantum", "M7310DW", "МФУ", "A4", False, 33, True, True, True, True, 60000, 32900, "Китай"),
        ("PNT-BM5100ADW", "Pantum", "BM5100ADW", "МФУ", "A4", False, 40, True, True, True, True, 100000, 45900, "Китай"),
        ("PNT-CM7000FDN", "Pantum", "CM7000FDN", "МФУ", "A4", True, 30, True, True, True, False, 60000, 69900, "Китай"),
        ("KAT-M240", "Катюша", "M240", "МФУ", "A4", False, 40, True, True, True, False, 150000, 58900, RU),
        ("KAT-M348", "Катюша", "M348", "МФУ", "A3", False, 48, True, True, True, False, 200000, 289000, RU),
        ("KAT-CM230", "Катюша", "CM230", "МФУ", "A4", True, 30, True, True, True, False, 80000, 119000, RU),
        ("KAT-CM335", "Катюша", "CM335", "МФУ", "A3", True, 35, True, True, True, False, 150000, 436000, RU),
        ("KAT-P130", "Катюша", "P130", "Принтер", "A4", False, 30, True, False, True, False, 50000, 26900, RU),
        ("KAT-P247", "Катюша", "P247", "Принтер", "A4", False, 47, True, False, True, False, 150000, 47900, RU),
        ("PNT-P3300DW", "Pantum", "P3300DW", "Принтер", "A4", False, 33, True, False, True, True, 60000, 17900, "Китай"),
        ("HP-M443NDA", "HP", "LaserJet MFP M443nda", "МФУ", "A3", False, 25, True, True, True, False, 50000, 159000, "Китай"),
    ]  # fmt: skip
    for sku, vendor, model, kind, fmt, color, ppm, duplex, adf, _net, wl, month, price, country in rows:
        word = "Многофункциональное устройство (МФУ)" if kind == "МФУ" else "Принтер"
        tech = "лазерное" if kind == "МФУ" else "лазерный"
        name = f"{word} {vendor} {model}, {tech}, {'цветная' if color else 'монохромная'} печать, {fmt}"
        specs = [
            ("Технология печати", "лазерная (электрографическая)"),
            ("Цветность печати", "цветная" if color else "черно-белая"),
            ("Максимальный формат", fmt),
            ("Скорость черно-белой печати (A4)", ppm, "стр/мин"),
            ("Автоматическая двусторонняя печать", "Да" if duplex else "Нет"),
            ("Разрешение печати", 1200, "dpi"),
            ("Интерфейсы", "USB 2.0, Ethernet RJ-45" + (", Wi-Fi" if wl else "")),
            ("Рекомендуемый месячный объем печати", month, "стр"),
            ("Плотность бумаги", 220 if fmt == "A3" else 163, "г/м2"),
            ("Время выхода первого отпечатка", 6.5, "с"),
        ]
        if color:
            specs.append(("Скорость цветной печати (A4)", ppm, "стр/мин"))
        if kind == "МФУ":
            specs += [
                ("Функции", "печать, копирование, сканирование" + (", факс" if "F" in model else "")),
                ("Автоподатчик оригиналов (АПД)", "Да, двусторонний" if adf else "Нет"),
                ("Двустороннее сканирование", "Да" if adf else "Нет"),
                ("Сканирование в сетевую папку, на e-mail, на USB", "Да"),
            ]
        add(sku, name, vendor, model, MFP if kind == "МФУ" else PRINTER, price, specs, country=country)


def upss() -> None:
    rows = [
        ("IPN-SW2-1000", "Ippon", "Smart Winner II 1000", 1000, 900, "линейно-интерактивный", "стоечный/башенный", 8, 27900),
        ("IPN-SW2-1500", "Ippon", "Smart Winner II 1500", 1500, 1350, "линейно-интерактивный", "стоечный/башенный", 8, 35900),
        ("IPN-SW2-3000", "Ippon", "Smart Winner II 3000", 3000, 2700, "линейно-интерактивный", "стоечный/башенный", 8, 68900),
        ("IPN-INNOVA-G2-3000", "Ippon", "Innova G2 3000", 3000, 2700, "on-line (двойное преобразование)", "башенный", 8, 79900),
        ("IPN-INNOVA-RT-6K", "Ippon", "Innova RT II 6000", 6000, 6000, "on-line (двойное преобразование)", "стоечный/башенный", 4, 164000),
        ("IPN-INNOVA-RT33-10K", "Ippon", "Innova RT 33 10K", 10000, 10000, "on-line (двойное преобразование)", "стоечный 3U", 0, 389000),
        ("IMP-JS-1000", "Импульс", "Юниор Смарт 1000", 1000, 600, "линейно-интерактивный", "башенный", 4, 16900),
        ("IMP-YADRO-3K", "Импульс", "Ядро 3000", 3000, 2700, "on-line (двойное преобразование)", "башенный", 6, 84900),
        ("IMP-YADRO-6K", "Импульс", "Ядро 6000", 6000, 5400, "on-line (двойное преобразование)", "башенный", 6, 139000),
        ("IMP-STAYER-10K", "Импульс", "Стайер 10 (3/1)", 10000, 9000, "on-line (двойное преобразование)", "напольный", 0, 348000),
    ]  # fmt: skip
    for sku, vendor, model, va, w, topo, form, outlets, price in rows:
        add(
            sku, f"Источник бесперебойного питания {vendor} {model}, {va / 1000:g} кВА, {topo.split(' (')[0]}",
            vendor, model, UPS, price,
            [
                ("Полная выходная мощность", va, "ВА"),
                ("Активная выходная мощность", w, "Вт"),
                ("Топология", topo),
                ("Форма выходного напряжения", "чистая синусоида"),
                ("Входное напряжение", "1 фаза 220 В" if "3/1" not in model and "33" not in model else "3 фазы 380 В"),
                ("Количество выходных розеток", outlets, "шт"),
                ("Время работы от батарей при полной нагрузке", 5 if va < 6000 else 7, "мин"),
                ("Возможность подключения внешних батарей", "Да" if va >= 3000 else "Нет"),
                ("Интерфейсы управления", "USB, RS-232, слот SNMP"),
                ("Исполнение", form),
            ],
        )  # fmt: skip


def phones() -> None:
    rows = [
        ("ELX-VP-12P", "Eltex", "VP-12P", 2, False, False, 5400, RU),
        ("ELX-VP-15P", "Eltex", "VP-15P", 4, True, False, 8900, RU),
        ("ELX-VP-16P", "Eltex", "VP-16P", 6, True, True, 12900, RU),
        ("ELX-VP-17P", "Eltex", "VP-17P", 16, True, True, 19900, RU),
        ("YL-SIP-T31P", "Yealink", "SIP-T31P", 2, True, False, 6200, "Китай"),
        ("YL-SIP-T54W", "Yealink", "SIP-T54W", 16, True, True, 21900, "Китай"),
    ]
    for sku, vendor, model, lines, poe, color, price, country in rows:
        add(
            sku, f"IP-телефон {vendor} {model}, {lines} SIP-аккаунтов{', PoE' if poe else ''}", vendor, model, PHONE,
            price,
            [
                ("Количество SIP-аккаунтов", lines, "шт"),
                ("Протоколы", "SIP v2, RTP, SRTP, TLS"),
                ("Количество портов 10/100/1000 Base-T", 2, "шт"),
                ("Поддержка PoE (802.3af)", "Да" if poe else "Нет"),
                ("Цветной дисплей", "Да" if color else "Нет"),
                ("Поддержка HD-голоса (G.722)", "Да"),
                ("Громкая связь", "Да"),
                ("Поддержка гарнитуры (разъем RJ-9)", "Да"),
            ],
            country=country,
        )  # fmt: skip


def vks() -> None:
    add(
        "TC-ROOM-PRO", "Терминал видеоконференцсвязи TrueConf Room Pro (комплект ВКС для переговорной)", "TrueConf",
        "Room Pro", VKS, 389000,
        [
            ("Разрешение видео", "3840x2160"),
            ("Оптическое увеличение камеры", 12, "крат"),
            ("Количество участников в конференции", 49, "шт"),
            ("Протоколы", "SIP, H.323, TrueConf"),
            ("Микрофонный массив", "Да"),
            ("Количество выходов HDMI", 2, "шт"),
            ("Поддержка двух мониторов", "Да"),
        ],
        reg="ПО №1265",
    )  # fmt: skip
    add(
        "VNT-ET-1000", "Терминал ВКС Vinteo ET-1000 для видеоконференцсвязи, Full HD", "Vinteo", "ET-1000", VKS,
        245000,
        [
            ("Разрешение видео", "1920x1080"),
            ("Оптическое увеличение камеры", 10, "крат"),
            ("Протоколы", "SIP, H.323"),
            ("Количество выходов HDMI", 2, "шт"),
            ("Микрофонный массив", "Да"),
            ("Поддержка двух мониторов", "Да"),
        ],
    )  # fmt: skip
    add(
        "VNT-SRV-25", "Сервер видеоконференцсвязи Vinteo (программно-аппаратный комплекс), лицензия на 25 портов",
        "Vinteo", "Server 25", VKS, 1190000,
        [
            ("Количество портов (одновременных подключений)", 25, "шт"),
            ("Разрешение видео", "1920x1080"),
            ("Протоколы", "SIP, H.323, WebRTC"),
            ("Запись конференций", "Да"),
            ("Форм-фактор", "стоечный 1U"),
        ],
    )  # fmt: skip
    add(
        "YL-UVC40", "Камера для видеоконференцсвязи Yealink UVC40, 4K, USB", "Yealink", "UVC40", VKS, 89000,
        [
            ("Разрешение видео", "3840x2160"),
            ("Угол обзора камеры", 120, "°"),
            ("Подключение", "USB 3.0"),
            ("Микрофонный массив", "Да"),
        ],
        country="Китай",
    )  # fmt: skip
    add(
        "TC-HEADSET-U1", "Гарнитура TrueConf U1 для ВКС, USB, стерео", "TrueConf", "U1", VKS, 4900,
        [("Подключение", "USB Type-A"), ("Тип", "стерео, накладная"), ("Шумоподавление микрофона", "Да")],
        country="Китай",
    )  # fmt: skip


def cabling() -> None:
    for cat, shield, price in (
        ("5e", "U/UTP", 8900),
        ("5e", "F/UTP", 11900),
        ("6", "U/UTP", 13900),
        ("6A", "F/FTP", 24900),
    ):
        sku = f"PRT-CABLE-{cat}-{shield.replace('/', '')}"
        add(
            sku, f"Кабель витая пара {shield} категории {cat}, 4 пары, 24 AWG, LSZH, бухта 305 м", "Паритет",
            f"{shield} cat.{cat}", CABLE, price,
            [
                ("Категория", cat),
                ("Тип экранирования", shield),
                ("Количество пар", 4, "шт"),
                ("Материал проводника", "медь"),
                ("Диаметр проводника", 0.51 if cat == "5e" else 0.57, "мм"),
                ("Оболочка", "LSZH (нг(А)-HF)"),
                ("Длина в бухте", 305, "м"),
                ("Полоса пропускания", 100 if cat == "5e" else (250 if cat == "6" else 500), "МГц"),
            ],
            warranty=12,
        )  # fmt: skip
    add(
        "PRT-OPT-8SM", "Кабель оптический волоконно-оптический 8 волокон, одномодовый G.652D, внутренний/внешний",
        "Паритет", "ОКЛ-8", CABLE, 64,
        [("Количество волокон", 8, "шт"), ("Тип волокна", "одномодовое G.652D"), ("Оболочка", "LSZH"),
         ("Применение", "внутренняя и внешняя прокладка")],
        warranty=12,
    )  # fmt: skip
    for length in (1, 2, 3, 5):
        add(
            f"SNR-PC-6-{length}M", f"Патч-корд SNR U/UTP категории 6, RJ-45, {length} м", "SNR",
            f"SNR-PC6-{length}M", PASSIVE, 120 + 60 * length,
            [("Категория", "6"), ("Тип экранирования", "U/UTP"), ("Длина", length, "м"), ("Разъемы", "RJ-45 / RJ-45"),
             ("Оболочка", "LSZH"), ("Материал проводника", "медь, многожильный")],
            warranty=12,
        )  # fmt: skip
    for ports, price in ((24, 4900), (48, 8900)):
        add(
            f"SNR-PP-6-{ports}", f"Патч-панель SNR 19\" {ports} порта RJ-45 категории 6, {1 if ports == 24 else 2}U",
            "SNR", f"SNR-PP6-{ports}", PASSIVE, price,
            [("Количество портов", ports, "шт"), ("Категория", "6"), ("Высота", 1 if ports == 24 else 2, "U"),
             ("Тип разъемов", "RJ-45 (8P8C)"), ("Тип заделки", "IDC Krone/110")],
            warranty=24,
        )  # fmt: skip
    for units, depth, price in ((12, 600, 18900), (24, 800, 38900), (42, 1000, 62900)):
        kind = "настенный" if units == 12 else "напольный"
        add(
            f"CMO-SHTK-{units}U", f"Шкаф телекоммуникационный {kind} ЦМО 19\" {units}U, глубина {depth} мм", "ЦМО",
            f"ШТК-М-{units}.6.{depth // 100}", RACK, price,
            [("Высота в юнитах", units, "U"), ("Глубина", depth, "мм"), ("Ширина", 600, "мм"),
             ("Исполнение", kind), ("Дверь", "стеклянная"), ("Максимальная нагрузка", 800 if units > 12 else 60, "кг")],
            warranty=24,
        )  # fmt: skip


def software() -> None:
    add(
        "ASTRA-SE-1Y", "Операционная система Astra Linux Special Edition 1.8 (Смоленск), лицензия для рабочей станции",
        "Группа Астра", "Astra Linux SE", SOFT_OS, 22900,
        [("Тип ПО", "операционная система"), ("Вид лицензии", "простая (неисключительная)"),
         ("Срок действия лицензии", "бессрочная"), ("Уровень защищенности", "максимальный (Смоленск)"),
         ("Сертификат ФСТЭК", "Да"), ("Способ предоставления", "копия электронного экземпляра"),
         ("Количество пользователей", 1, "шт")],
        reg="ПО №369", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "ASTRA-SE-SRV", "Операционная система Astra Linux Special Edition для сервера, лицензия", "Группа Астра",
        "Astra Linux SE Server", SOFT_OS, 89900,
        [("Тип ПО", "операционная система"), ("Вид лицензии", "простая (неисключительная)"),
         ("Срок действия лицензии", "бессрочная"), ("Сертификат ФСТЭК", "Да"),
         ("Способ предоставления", "копия электронного экземпляра"), ("Назначение", "сервер")],
        reg="ПО №369", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "REDOS-WS", "Операционная система РЕД ОС 8 (конфигурация Рабочая станция), лицензия", "РЕД СОФТ",
        "РЕД ОС 8", SOFT_OS, 9800,
        [("Тип ПО", "операционная система"), ("Вид лицензии", "простая (неисключительная)"),
         ("Срок действия лицензии", "бессрочная"), ("Сертификат ФСТЭК", "Да"),
         ("Способ предоставления", "копия электронного экземпляра"), ("Количество пользователей", 1, "шт")],
        reg="ПО №3751", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "MYOFFICE-STD", "Офисный пакет МойОфис Стандартный, бессрочная лицензия на 1 рабочее место", "Новые облачные технологии",
        "МойОфис Стандартный 3", SOFT_APP, 11900,
        [("Тип ПО", "офисный пакет"), ("Состав", "текстовый редактор, табличный редактор, редактор презентаций"),
         ("Вид лицензии", "простая (неисключительная)"), ("Срок действия лицензии", "бессрочная"),
         ("Количество пользователей", 1, "шт"), ("Поддерживаемые ОС", "Astra Linux, РЕД ОС, ALT Linux, Windows")],
        reg="ПО №283", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "KAS-KESB-STD-1Y", "Антивирус Kaspersky Endpoint Security для бизнеса Стандартный, лицензия на 1 узел, 1 год",
        "Лаборатория Касперского", "KESB Стандартный", SOFT_SEC, 3450,
        [("Тип ПО", "средство антивирусной защиты"), ("Срок действия лицензии", 12, "мес"),
         ("Количество защищаемых узлов", 1, "шт"), ("Сертификат ФСТЭК", "Да"),
         ("Поддерживаемые ОС", "Windows, Linux (в т.ч. Astra Linux), macOS"),
         ("Вид лицензии", "простая (неисключительная)")],
        reg="ПО №205", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "KAS-KESB-STD-2Y", "Антивирус Kaspersky Endpoint Security для бизнеса Стандартный, лицензия на 1 узел, 2 года",
        "Лаборатория Касперского", "KESB Стандартный", SOFT_SEC, 5900,
        [("Тип ПО", "средство антивирусной защиты"), ("Срок действия лицензии", 24, "мес"),
         ("Количество защищаемых узлов", 1, "шт"), ("Сертификат ФСТЭК", "Да"),
         ("Вид лицензии", "простая (неисключительная)")],
        reg="ПО №205", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "TC-SERVER-50", "Программное обеспечение TrueConf Server для видеоконференцсвязи, лицензия на 50 подключений",
        "TrueConf", "TrueConf Server", SOFT_APP, 385000,
        [("Тип ПО", "сервер видеоконференцсвязи"), ("Количество одновременных подключений", 50, "шт"),
         ("Вид лицензии", "простая (неисключительная)"), ("Срок действия лицензии", "бессрочная")],
        reg="ПО №1265", warranty=12, vat="0",
    )  # fmt: skip
    add(
        "KAS-KSC-EXP", "Kaspersky Security Center Expert, модуль централизованного управления, лицензия на 1 узел",
        "Лаборатория Касперского", "KSC Expert", SOFT_SEC, 1950,
        [("Тип ПО", "централизованное управление защитой"), ("Срок действия лицензии", 12, "мес"),
         ("Вид лицензии", "простая (неисключительная)")],
        reg="ПО №205", warranty=12, vat="0",
    )  # fmt: skip


def services() -> None:
    add(
        "SRV-SKS-PORT", "Монтаж структурированной кабельной системы (СКС), работы за 1 порт с тестированием",
        "Собственные работы", "Монтаж СКС", WORKS, 3900,
        [("Вид работ", "прокладка кабеля, расшивка патч-панелей и розеток, тестирование"),
         ("Категория СКС", "5e/6"), ("Гарантия на СКС", 25, "год")],
        reg="", warranty=12,
    )  # fmt: skip
    add(
        "SRV-LAN-SETUP", "Пусконаладочные работы: настройка активного сетевого оборудования ЛВС (коммутаторы, маршрутизаторы)",
        "Собственные работы", "ПНР ЛВС", SERVICE, 12500,
        [("Состав работ", "настройка VLAN, маршрутизации, QoS, резервирования, документация"),
         ("Единица", "одно устройство")],
        reg="", warranty=12,
    )  # fmt: skip
    add(
        "SRV-SUPPORT-12M", "Техническая поддержка и сопровождение ИТ-инфраструктуры, 12 месяцев, 8x5",
        "Собственные услуги", "ТП 8x5", SERVICE, 540000,
        [("Срок оказания услуг", 12, "мес"), ("Режим поддержки", "8x5"), ("Время реакции", 4, "ч"),
         ("Количество обслуживаемых рабочих мест", 100, "шт")],
        reg="", warranty=0,
    )  # fmt: skip
    add(
        "SRV-SUPPORT-24x7", "Техническая поддержка серверного оборудования и СХД, 12 месяцев, 24x7",
        "Собственные услуги", "ТП 24x7", SERVICE, 980000,
        [("Срок оказания услуг", 12, "мес"), ("Режим поддержки", "24x7"), ("Время реакции", 2, "ч")],
        reg="", warranty=0,
    )  # fmt: skip
    add(
        "SRV-VKS-INSTALL", "Монтаж и настройка оборудования видеоконференцсвязи в переговорной", "Собственные работы",
        "Монтаж ВКС", SERVICE, 65000, [("Состав работ", "монтаж, подключение, настройка, обучение")], reg="",
        warranty=12,
    )  # fmt: skip


def peripherals() -> None:
    add("GRV-MOUSE-WL", "Мышь компьютерная беспроводная Гравитон МБ-1, оптическая, 2400 dpi", "Гравитон", "МБ-1", MOUSE,
        1290, [("Тип подключения", "беспроводной"), ("Интерфейс подключения", "Bluetooth, радиоканал 2,4 ГГц (USB)"),
               ("Тип сенсора", "оптический"), ("Разрешение сенсора", 2400, "dpi"), ("Боковые кнопки", "Да"),
               ("Тихий клик", "Да"), ("Питание", "батарейки AA")], warranty=12)  # fmt: skip
    add("GRV-MOUSE-USB", "Мышь компьютерная проводная Гравитон М-1, USB, 1200 dpi", "Гравитон", "М-1", MOUSE, 490,
        [("Тип подключения", "проводной"), ("Интерфейс подключения", "USB"), ("Тип сенсора", "оптический"),
         ("Разрешение сенсора", 1200, "dpi"), ("Боковые кнопки", "Нет")], warranty=12)  # fmt: skip
    add("GRV-KB-WL", "Клавиатура беспроводная Гравитон КБ-1, полноразмерная, влагозащищенная", "Гравитон", "КБ-1",
        KEYB, 1990, [("Тип подключения", "беспроводная"), ("Интерфейс подключения", "Bluetooth, радиоканал 2,4 ГГц (USB)"),
                     ("Раскладка", "QWERTY/ЙЦУКЕН"), ("Тип", "полноразмерная"), ("Защита от воды", "Да"),
                     ("Цифровой блок", "Да"), ("Подсветка клавиш", "Нет")], warranty=12)  # fmt: skip
    add("GRV-KB-USB", "Клавиатура проводная Гравитон К-1, USB, полноразмерная", "Гравитон", "К-1", KEYB, 790,
        [("Тип подключения", "проводная"), ("Интерфейс подключения", "USB"), ("Раскладка", "QWERTY/ЙЦУКЕН"),
         ("Тип", "полноразмерная"), ("Русификация", "промышленная")], warranty=12)  # fmt: skip
    for gb, iface, speed_r, speed_w, conn, price in (
        (16, "USB 2.0", 25, 10, "USB Type-A", 590),
        (64, "USB 3.2 Gen 1", 150, 60, "USB Type-A", 1190),
        (256, "USB 3.2 Gen 2", 1050, 950, "USB Type-C", 6900),
    ):
        add(f"NTR-FLASH-{gb}", f"USB-накопитель (флеш-драйв) Netac {gb} ГБ, {iface}, {conn}", "Netac", f"US{gb}", FLASH,
            price, [("Объем накопителя", gb, "ГБ"), ("Интерфейс подключения", iface), ("Разъем подключения", conn),
                    ("Скорость чтения", speed_r, "МБ/с"), ("Скорость записи", speed_w, "МБ/с"),
                    ("Материал корпуса", "пластик" if gb < 256 else "металл"),
                    ("Аппаратная защита данных (шифрование)", "Да" if gb == 256 else "Нет")],
            country="Китай", warranty=12)  # fmt: skip


def projectors_cameras() -> None:
    add("VS-PROJ-DLP-WUXGA", "Проектор мультимедийный ViewSonic LS610WH, DLP, WUXGA 1920x1200, 4000 лм", "ViewSonic",
        "LS610WH", PROJ, 89000, [("Технология проецирования", "DLP"), ("Разрешение", "1920x1200 (WUXGA)"),
                                 ("Световой поток", 4000, "лм"), ("Контрастность", "3000000:1"),
                                 ("Источник света", "лазерный"), ("Срок службы источника света", 20000, "ч"),
                                 ("Интерфейсы", "HDMI, VGA, RJ-45, RS-232, USB, вход/выход 3,5 мм"),
                                 ("Встроенные динамики", "Да"), ("Вес", 2.8, "кг")], country="Китай")  # fmt: skip
    for sku, model, mp, ir, price, country, vendor in (
        ("HIK-DS-2CD2043", "DS-2CD2043G2-I", 4, 40, 8900, "Китай", "Hikvision"),
        ("HIK-DS-2CD2083", "DS-2CD2083G2-I", 8, 40, 15900, "Китай", "Hikvision"),
        ("ELX-IPC-4MP", "IPC-B4M", 4, 30, 11900, RU, "Eltex"),
    ):
        add(sku, f"IP-камера видеонаблюдения {vendor} {model}, {mp} Мп, цилиндрическая, ИК-подсветка {ir} м", vendor,
            model, CAMERA, price, [("Разрешение матрицы", mp, "Мпикс"), ("Дальность ИК-подсветки", ir, "м"),
                                   ("Питание PoE (802.3af)", "Да"), ("Степень защиты", "IP67"),
                                   ("Сжатие видео", "H.265+, H.264"), ("Фокусное расстояние объектива", 2.8, "мм")], country=country)  # fmt: skip
    for speed, sku, price in (("1G", "SNR-SFP-LX-20", 990), ("10G", "SNR-SFPP-LR-20", 2900)):
        add(sku, f"Трансивер (модуль) SNR SFP{'+' if speed == '10G' else ''} {speed} одномодовый, 1310 нм, 20 км, LC",
            "SNR", sku, SFP, price, [("Скорость передачи", speed.replace("G", " Гбит/с")), ("Тип волокна", "одномодовое"),
                                     ("Длина волны", 1310, "нм"), ("Дальность передачи", 20, "км"), ("Разъем", "LC Duplex")],
            warranty=24)  # fmt: skip


def storage_drives() -> None:
    for sku, name, size, iface, price in (
        ("SSD-NTR-960", 'Твердотельный накопитель (SSD) серверный 960 ГБ, SATA III, 2.5"', 960, "SATA III", 14900),
        ("SSD-NTR-1920", 'Твердотельный накопитель (SSD) серверный 1,92 ТБ, SATA III, 2.5"', 1920, "SATA III", 25900),
        ("HDD-8TB-SAS", 'Жесткий диск (HDD) серверный 8 ТБ, SAS 12 Гбит/с, 7200 об/мин, 3.5"', 8000, "SAS 12G", 31900),
    ):
        add(sku, name, "Netac" if "SSD" in sku else "Seagate", sku, ("Накопители", "26.20.21.110", None), price,
            [("Объем накопителя", size, "ГБ"), ("Интерфейс", iface), ("Форм-фактор", "2.5\"" if "SSD" in sku else "3.5\"")],
            country="Китай", warranty=36)  # fmt: skip


def write() -> None:
    for family in (switches, routers, wifi, servers, storage, pcs, aios, laptops, monitors, mfps, upss, phones, vks,
                   cabling, software, services, peripherals, projectors_cameras, storage_drives):  # fmt: skip
        family()
    columns = list(PRODUCTS[0])
    with (HERE / "products.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(PRODUCTS)
    with (HERE / "specs.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["sku", "name", "value", "unit"])
        writer.writerows(SPECS)
    print(f"{len(PRODUCTS)} products, {len(SPECS)} specs")


if __name__ == "__main__":
    write()
