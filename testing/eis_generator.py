"""Realistic EIS 44-FZ export documents (invented data) for the offline demo, benchmarks and tests.

The documents follow the real export structure (``export/epNotificationEF2020`` etc., scheme 15.3
namespaces and prefixes, see ../shared/samples/MANIFEST.md section A) with invented data: ICT purchase
lines (switches, servers, PCs, Wi-Fi, UPS, MFPs...) carrying KTRU characteristics (ranges with inclusive
and exclusive bounds, value sets, qualitative values, text-form requirements), securities, national-regime
flags, and the blocks every 2025 export carries (signed attachments, financing and payment stages, delivery
places, guarantee procedures, participant requirements), indented as EIS indents them
(:mod:`testing.eis_generator_blocks` says what was measured on the real exports).

API (deterministic for a given ``seed``):

    generate_notices(n, seed=0) -> Iterator[(filename, bytes)]
        n documents; a share of them are version-2 amendments of a notice generated just before.
    write_archives(directory, n, per_zip=100, seed=0, start=None, *, amendment_share=0.1) -> list[Path]
        the same documents packed into zip archives of ``per_zip`` members, like the EIS document
        service (``getDocsIP``) returns them.

Documents are published from ``start`` on (7 minutes apart, in the customer's UTC offset), with
application deadlines 7-20 days later; each holds 2-12 ICT lines (about 6) with about 24
characteristics and 4-9 signed attachments: 75-230 KB, about 130 KB (the nine real 2025 exports of the
samples: 65-577 KB, median 135 KB).

Command line: ``python -m testing.eis_generator OUT_DIR [N] [PER_ZIP]`` writes archives.
"""

from __future__ import annotations

import random
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bids.dates import is_working_day
from bids.ruleset import RuleSet, load_rules
from bids.words import genitive_plural
from testing import eis_generator_blocks as blocks

__all__ = ["generate_notices", "pack_archives", "write_archives"]

KINDS = (
    ("epNotificationEF2020", "EAP20", "Электронный аукцион", "ea20"),
    ("epNotificationEZK2020", "ZKP20", "Запрос котировок в электронной форме", "zk20"),
    ("epNotificationEOK2020", "OK20", "Открытый конкурс в электронной форме", "ok20"),
)
KIND_WEIGHTS = (0.7, 0.2, 0.1)
ETPS = (
    ("ETP_SBAST", "АО «Сбербанк-АСТ»", "http://www.sberbank-ast.ru"),
    ("ETP_EETP", "РОСЭЛТОРГ (АО«ЕЭТП»)", "http://roseltorg.ru"),
    ("ETP_RTS", "ООО «РТС-тендер»", "http://www.rts-tender.ru"),
    ("ETP_MMVB", "АО «ЭТС»", "http://www.etp-ets.ru"),
)
# (tax region code, UTC offset, city) of customers
REGIONS = (
    ("77", "+03:00", "г Москва"), ("78", "+03:00", "г Санкт-Петербург"), ("50", "+03:00", "г Красногорск"),
    ("66", "+05:00", "г Екатеринбург"), ("02", "+05:00", "г Уфа"), ("54", "+07:00", "г Новосибирск"),
    ("24", "+07:00", "г Красноярск"), ("25", "+10:00", "г Владивосток"), ("16", "+03:00", "г Казань"),
    ("23", "+03:00", "г Краснодар"),
)  # fmt: skip
CUSTOMER_TYPES = (
    "ГОСУДАРСТВЕННОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ", "МУНИЦИПАЛЬНОЕ КАЗЕННОЕ УЧРЕЖДЕНИЕ",
    "ГОСУДАРСТВЕННОЕ АВТОНОМНОЕ УЧРЕЖДЕНИЕ", "ФЕДЕРАЛЬНОЕ ГОСУДАРСТВЕННОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ",
)  # fmt: skip
CUSTOMER_NAMES = (
    '"ЦЕНТР ИНФОРМАЦИОННЫХ ТЕХНОЛОГИЙ"', '"ГОРОДСКАЯ КЛИНИЧЕСКАЯ БОЛЬНИЦА № 3"', '"ШКОЛА № 1512"',
    '"МНОГОФУНКЦИОНАЛЬНЫЙ ЦЕНТР"', '"УПРАВЛЕНИЕ ДОРОЖНОГО ХОЗЯЙСТВА"', '"АРХИВ"', '"ТЕАТР ДРАМЫ"',
)  # fmt: skip

OKEI = {
    "шт": ("796", "шт", "Штука"),
    "ГБ": ("2553", "Гбайт", "Гигабайт"),
    "ТБ": ("2554", "Тбайт", "Терабайт"),
    "Гбит": ("2555", "Гбит/с", "Гигабит в секунду"),
    "Мбит": ("2543", "Мбит/с", "Мегабит в секунду"),
    "ВА": ("9002", "В.А", "Вольт-ампер"),
    "дюйм": ("039", "дюйм", "Дюйм"),
    "ГГц": ("2931", "ГГц", "Гигагерц"),
    "стр": ("9999", "стр/мин", "Страница в минуту"),
}

FILL_FIXED = ("6", "Значение характеристики не может изменяться участником закупки")
FILL_CONCRETE = ("2", "Участник закупки указывает в заявке конкретное значение характеристики")


@dataclass(frozen=True)
class Spec:
    """A characteristic template: ``range`` (lo, hi options), ``set`` (numbers), ``quality`` or ``text``."""

    name: str
    kind: str
    unit: str | None = None
    options: tuple = ()


@dataclass(frozen=True)
class Product:
    name: str
    ktru: str | None
    okpd2: str
    okpd2_name: str
    price: tuple[int, int]
    specs: tuple[Spec, ...]


PRODUCTS = (
    Product("Коммутатор", "26.30.11.110-00000041", "26.30.11.110",
            "Средства связи, выполняющие функцию систем коммутации", (45000, 420000), (
        Spec("Количество портов 10/100/1000 Мбит/с", "range", "шт", ((8, None), (24, None), (48, None))),
        Spec("Количество портов SFP+", "range", "шт", ((2, None), (4, None))),
        Spec("Пропускная способность коммутационной матрицы", "range", "Гбит", ((52, 176), (128, None))),
        Spec("Поддержка протоколов маршрутизации", "quality", None, (("RIP", "OSPF"), ("Статическая",))),
        Spec("Поддержка PoE", "quality", None, (("Да",), ("Нет",))),
        Spec("Количество блоков питания", "set", "шт", (1, 2)),
        Spec("Тип коммутатора", "quality", None, (("Управляемый",), ("Управляемый L3",))),
        Spec("Время наработки на отказ", "text", None, ("не менее 200 000 часов", "не менее 150 000 часов")),
    )),
    Product("Маршрутизатор", "26.30.11.120-00000007", "26.30.11.120",
            "Средства связи, выполняющие функцию цифровых транспортных систем", (60000, 900000), (
        Spec("Количество портов WAN", "range", "шт", ((2, None), (4, None))),
        Spec("Производительность межсетевого экрана", "range", "Гбит", ((1, None), (10, None))),
        Spec("Поддержка VPN", "quality", None, (("IPsec", "L2TP"), ("IPsec",))),
    )),
    Product("Точка доступа", "26.30.11.120-00000015", "26.30.11.120",
            "Средства связи, выполняющие функцию цифровых транспортных систем", (9000, 60000), (
        Spec("Поддерживаемые стандарты беспроводной связи", "quality", None,
             (("IEEE 802.11ac", "IEEE 802.11ax"), ("IEEE 802.11n", "IEEE 802.11ac"))),
        Spec("Максимальная скорость передачи данных", "range", "Мбит", ((867, None), (1200, None), (2400, None))),
        Spec("Питание по PoE", "quality", None, (("Да",),)),
    )),
    Product("Сервер", "26.20.14.000-00000190", "26.20.14.000",
            "Машины вычислительные электронные цифровые, поставляемые в виде систем", (450000, 2900000), (
        Spec("Количество установленных процессоров", "set", "шт", (1, 2)),
        Spec("Объем оперативной памяти", "range", "ГБ", ((128, None), (256, None), (512, None))),
        Spec("Общее количество ядер процессоров", "range", "шт", ((16, None), (32, 64))),
        Spec("Тактовая частота процессора", "range", "ГГц", ((2.1, None), (2.4, None))),
        Spec("Количество блоков питания", "set", "шт", (2,)),
        Spec("Форм-фактор", "quality", None, (("Стоечный",),)),
        Spec("Высота в монтажных единицах", "range", "шт", ((None, 2),)),
    )),
    Product("Компьютер персональный настольный", "26.20.15.000-00000024", "26.20.15.000",
            "Машины вычислительные электронные цифровые прочие", (52000, 140000), (
        Spec("Объем оперативной памяти", "range", "ГБ", ((8, None), (16, None), (32, None))),
        Spec("Количество ядер процессора", "range", "шт", ((4, None), (6, 16), (8, None))),
        Spec("Тип накопителя", "quality", None, (("SSD",), ("SSD", "HDD"))),
        Spec("Объем накопителя", "range", "ГБ", ((256, None), (512, None), (1000, None))),
        Spec("Предустановленная операционная система", "quality", None, (("Да",), ("Нет",))),
    )),
    Product("Ноутбук", "26.20.11.110-00000138", "26.20.11.110",
            "Компьютеры портативные массой не более 10 кг", (65000, 190000), (
        Spec("Диагональ экрана", "range", "дюйм", ((14, 16), (15.6, None))),
        Spec("Объем оперативной памяти", "range", "ГБ", ((8, None), (16, None))),
        Spec("Тип матрицы", "quality", None, (("IPS",), ("IPS", "OLED"))),
        Spec("Вес", "text", None, ("не более 2 кг", "не более 1,8 кг")),
    )),
    Product("Монитор, подключаемый к компьютеру", "26.20.17.110-00000007", "26.20.17.110",
            "Мониторы, подключаемые к компьютеру", (12000, 45000), (
        Spec("Диагональ", "range", "дюйм", ((23.8, None), (27, None), (21.5, 24))),
        Spec("Тип матрицы", "quality", None, (("IPS",), ("VA", "IPS"))),
        Spec("Интерфейсы", "quality", None, (("HDMI", "DisplayPort"), ("HDMI",))),
    )),
    Product("Многофункциональное устройство (МФУ)", "26.20.18.000-00000068", "26.20.18.120",
            "Устройства периферийные с двумя или более функциями", (25000, 700000), (
        Spec("Максимальный формат печати", "quality", None, (("А4",), ("А3",))),
        Spec("Скорость черно-белой печати в формате А4", "range", "стр", ((30, None), (40, None))),
        Spec("Способ подключения", "quality", None, (("USB", "Ethernet (RJ-45)"),)),
        Spec("Цветность печати", "quality", None, (("Черно-белая",), ("Цветная",))),
    )),
    Product("Источник бесперебойного питания", None, "26.20.40.110",
            "Устройства и блоки питания вычислительных машин", (15000, 260000), (
        Spec("Выходная мощность", "range", "ВА", ((1000, None), (1500, None), (3000, None))),
        Spec("Форм-фактор", "quality", None, (("Rack 19\"", "Tower"), ("Tower",))),
        Spec("Время автономной работы при полной нагрузке", "text", None, ("не менее 5 минут",)),
    )),
    Product("Система хранения данных", "26.20.21.110-00000004", "26.20.21.110",
            "Устройства запоминающие внешние", (800000, 6500000), (
        Spec("Полезная емкость", "range", "ТБ", ((50, None), (100, None))),
        Spec("Количество контроллеров", "set", "шт", (2,)),
        Spec("Поддерживаемые протоколы доступа", "quality", None, (("iSCSI", "FC", "NFS"), ("iSCSI", "NFS"))),
    )),
)  # fmt: skip

NS = (
    'xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/base/1" '
    'xmlns:ns4="http://zakupki.gov.ru/oos/common/1" xmlns:ns3="http://zakupki.gov.ru/oos/export/1" '
    'xmlns:ns5="http://zakupki.gov.ru/oos/EPtypes/1"'
)
_INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)


def _inn(rng: random.Random, region: str) -> str:
    body = region + "".join(str(rng.randrange(10)) for _ in range(7))
    check = sum(w * int(d) for w, d in zip(_INN_WEIGHTS, body, strict=True)) % 11 % 10
    return body + str(check)


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _okei(unit: str) -> str:
    code, national, name = OKEI[unit]
    return (
        f"<ns4:OKEI><ns2:code>{code}</ns2:code><ns2:nationalCode>{escape(national)}</ns2:nationalCode>"
        f"<ns2:name>{name}</ns2:name></ns4:OKEI>"
    )


def _fill(instruction: tuple[str, str]) -> str:
    return (
        f"<ns4:characteristicsFillingInstruction><ns2:code>{instruction[0]}</ns2:code>"
        f"<ns2:name>{instruction[1]}</ns2:name></ns4:characteristicsFillingInstruction>"
    )


def _characteristic(rng: random.Random, spec: Spec, sid: int) -> str:
    if spec.kind == "text":
        value = rng.choice(spec.options)
        return (
            f"<ns4:characteristicsUsingTextForm><ns4:sid>{sid}</ns4:sid><ns4:name>{escape(spec.name)}</ns4:name>"
            f"<ns4:type>1</ns4:type>{_fill(FILL_FIXED)}<ns4:values><ns4:value>"
            f"<ns4:qualityDescription>{escape(value)}</ns4:qualityDescription></ns4:value></ns4:values>"
            "</ns4:characteristicsUsingTextForm>"
        )
    if spec.kind == "quality":
        values = "".join(
            f"<ns4:value><ns4:sid>{sid + n}</ns4:sid><ns4:qualityDescription>{escape(v)}</ns4:qualityDescription>"
            "</ns4:value>"
            for n, v in enumerate(rng.choice(spec.options))
        )
        kind, fill, ctype = "3", FILL_FIXED, "1"
    elif spec.kind == "set":
        values = (
            f"<ns4:value>{_okei(spec.unit or 'шт')}<ns4:valueFormat>N</ns4:valueFormat><ns4:valueSet>"
            f"<ns4:concreteValue>{rng.choice(spec.options)}</ns4:concreteValue></ns4:valueSet></ns4:value>"
        )
        kind, fill, ctype = "2", FILL_FIXED, "2"
    else:
        low, high = rng.choice(spec.options)
        bounds = ""
        if low is not None:
            notation = "greaterOrEqual" if rng.random() < 0.85 else "greater"
            bounds += f"<ns4:minMathNotation>{notation}</ns4:minMathNotation><ns4:min>{low}</ns4:min>"
        if high is not None:
            notation = "lessOrEqual" if rng.random() < 0.6 else "less"
            bounds += f"<ns4:maxMathNotation>{notation}</ns4:maxMathNotation><ns4:max>{high}</ns4:max>"
        values = (
            f"<ns4:value>{_okei(spec.unit or 'шт')}<ns4:valueFormat>N</ns4:valueFormat><ns4:rangeSet>"
            f"<ns4:valueRange>{bounds}</ns4:valueRange></ns4:rangeSet></ns4:value>"
        )
        kind, fill, ctype = "2", FILL_CONCRETE, "2"
    return (
        f"<ns4:characteristicsUsingReferenceInfo><ns4:sid>{sid}</ns4:sid><ns4:code>{sid:08x}-1</ns4:code>"
        f"<ns4:name>{escape(spec.name)}</ns4:name><ns4:type>{ctype}</ns4:type><ns4:kind>{kind}</ns4:kind>"
        f"<ns4:values>{values}</ns4:values>{_fill(fill)}</ns4:characteristicsUsingReferenceInfo>"
    )


def _purchase_object(rng: random.Random, product: Product, sid: int) -> tuple[str, Decimal]:
    quantity = rng.choice((1, 2, 3, 4, 5, 8, 10, 12, 15, 20, 25, 30, 50))
    price = Decimal(rng.randrange(product.price[0] * 100, product.price[1] * 100)) / 100
    total = price * quantity
    specs = [spec for spec in product.specs if rng.random() < 0.9] or list(product.specs[:1])
    if product.ktru:
        reference = [s for s in specs if s.kind != "text"]
        added = [s for s in specs if s.kind == "text"]
        chars = "".join(_characteristic(rng, s, sid * 100 + n) for n, s in enumerate(reference + added))
        codes = (
            f"<ns4:KTRU><ns2:code>{product.ktru}</ns2:code><ns2:name>{escape(product.name)}</ns2:name>"
            f"<ns2:versionNumber>{rng.randrange(3, 30)}</ns2:versionNumber>"
            f"<ns4:characteristics>{chars}</ns4:characteristics><ns4:OKPD2><ns4:OKPDCode>{product.okpd2}"
            f"</ns4:OKPDCode><ns4:OKPDName>{escape(product.okpd2_name)}</ns4:OKPDName></ns4:OKPD2></ns4:KTRU>"
        )
    else:
        chars = "".join(_characteristic(rng, s, sid * 100 + n) for n, s in enumerate(specs))
        codes = (
            f"<ns4:OKPD2><ns4:OKPDCode>{product.okpd2}</ns4:OKPDCode><ns4:OKPDName>{escape(product.okpd2_name)}"
            f"</ns4:OKPDName><ns4:characteristics>{chars}</ns4:characteristics></ns4:OKPD2>"
        )
    roll = rng.random()
    if roll < 0.25:
        flags = "<ns4:isProhibitionForeignPurchaseObjects>true</ns4:isProhibitionForeignPurchaseObjects>"
    elif roll < 0.8:
        flags = "<ns4:isRestrictForeignPurchaseObjects>true</ns4:isRestrictForeignPurchaseObjects>"
    elif roll < 0.9:
        flags = "<ns4:isPreferenseRFPurchaseObjects>true</ns4:isPreferenseRFPurchaseObjects>"
    else:
        flags = ""
    xml = (
        f"<ns4:purchaseObject><ns4:sid>{sid}</ns4:sid>{codes}<ns4:name>{escape(product.name)}</ns4:name>"
        f"{_okei('шт')}<ns4:price>{_money(price)}</ns4:price><ns4:quantity><ns4:value>{quantity}</ns4:value>"
        f"</ns4:quantity><ns4:sum>{_money(total)}</ns4:sum><ns4:type>PRODUCT</ns4:type>"
        f"<ns4:hierarchyType>ND</ns4:hierarchyType><ns4:restrictionsInfo>{flags}</ns4:restrictionsInfo>"
        "</ns4:purchaseObject>"
    )
    return xml, total.quantize(Decimal("0.01"))


QUOTATION_NMCK_MAX = Decimal("10000000")
APPLICATION_SECURITY_OPTIONAL_MAX = Decimal("1000000")
CONTEST_MIN_DAYS = 15
AUCTION_SHORT_NMCK_MAX = Decimal("300000000")


def _lawful_deadline(published: datetime, days: int, kind: str, nmck: Decimal) -> datetime:
    """The deadline ``days`` after publication (15 at least for a contest and for an auction above 300 mln,
    Art. 42 ч. 3), moved to a working day (Art. 42 ч. 1 п. 21); the auction's bidding date is the deadline's day."""
    long_notice = kind == "epNotificationEOK2020" or nmck > AUCTION_SHORT_NMCK_MAX
    deadline = published + timedelta(days=max(days, CONTEST_MIN_DAYS) if long_notice else days)
    while not is_working_day(deadline.date(), _rules()):
        deadline += timedelta(days=1)
    return deadline


@lru_cache(maxsize=1)
def _rules() -> RuleSet:
    return load_rules("2026-01-01")


def _document(rng: random.Random, serial: int, number: str, version: int, base_time: datetime) -> tuple[bytes, str]:
    kind, code, procedure, url_kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
    etp = rng.choice(ETPS)
    region, offset, city = rng.choice(REGIONS)
    inn = _inn(rng, region)
    kpp = f"{region}{rng.randrange(1, 99):02d}01001"
    customer_code = f"{rng.choice('123')}{inn}{kpp}"
    customer = f"{rng.choice(CUSTOMER_TYPES)} {rng.choice(CUSTOMER_NAMES)}"
    published = base_time + timedelta(minutes=serial * 7 + version * 600)
    days = rng.randrange(7, 21)
    products = rng.sample(PRODUCTS, k=rng.randrange(2, 7))
    objects, total = [], Decimal(0)
    for n, product in enumerate(products * rng.choice((1, 2))):
        xml, line_total = _purchase_object(rng, product, serial * 50 + n)
        objects.append(xml)
        total += line_total
    application = Decimal(rng.choice(("0.5", "1.0"))) if kind != "epNotificationEZK2020" else None
    block_rng = rng
    if kind == "epNotificationEZK2020" and total > APPLICATION_SECURITY_OPTIONAL_MAX:
        # Art. 44 ч. 1: security is required above 1 mln; above 10 mln (Art. 24 ч. 10 п. 1) an auction instead.
        if total > QUOTATION_NMCK_MAX:
            kind, code, procedure, url_kind = KINDS[0]
        application = Decimal("1.0")
        block_rng = random.Random(serial)  # its security block draws apart: the corpus stream stays as it was
    deadline = _lawful_deadline(published, days, kind, total)
    contract = Decimal(rng.choice(("5.0", "10.0", "30.0")))
    budget = blocks.account_budget(rng, inn, kpp, city) if "КАЗЕННОЕ" in customer else ""
    app_xml = ""
    if application is not None:
        amount = _money(total * application / 100)
        app_xml = (
            f"<ns5:applicationGuarantee><ns5:amount>{amount}</ns5:amount>{blocks.account(block_rng)}{budget}"
            f"<ns5:procedureInfo>{blocks.procedure_text(block_rng)}</ns5:procedureInfo><ns5:part>{application}</ns5:part>"
            "</ns5:applicationGuarantee>"
        )
    contract_amount = f"<ns5:amount>{_money(total * contract / 100)}</ns5:amount>" if rng.random() < 0.5 else ""
    ikz = f"{published:%y}{customer_code}{rng.randrange(1, 9999):04d}001{rng.choice(('2620', '2630', '0000'))}244"
    smp = (
        "<ns5:preferensesInfo><ns5:preferenseInfo><ns5:preferenseRequirementInfo><ns2:shortName>PVS33044</ns2:shortName>"
        "<ns2:name>Преимущество в соответствии с ч. 3 ст. 30 Закона № 44-ФЗ</ns2:name></ns5:preferenseRequirementInfo>"
        "</ns5:preferenseInfo></ns5:preferensesInfo>"
        if rng.random() < 0.4
        else ""
    )
    modification = (
        "<ns5:modificationInfo><ns5:info>Изменение характеристик объекта закупки</ns5:info></ns5:modificationInfo>"
        if version > 1
        else ""
    )
    bidding = f"<ns5:biddingDate>{deadline:%Y-%m-%d}{offset}</ns5:biddingDate>" if code == "EAP20" else ""
    criteria = blocks.criteria() if kind == "epNotificationEOK2020" else ""
    contract_end = f"{deadline + timedelta(days=60):%Y-%m-%d}"
    xml = (
        f'<ns3:export {NS}>'
        f'<ns3:{kind} schemeVersion="15.3"><ns5:id>{40000000 + serial * 3 + version}</ns5:id>'
        f"<ns5:externalId>{rng.getrandbits(64):016x}</ns5:externalId>"
        f"<ns5:versionNumber>{version}</ns5:versionNumber><ns5:commonInfo>"
        f"<ns5:purchaseNumber>{number}</ns5:purchaseNumber><ns5:docNumber>№{number}</ns5:docNumber>"
        f"<ns5:plannedPublishDate>{published:%Y-%m-%d}{offset}</ns5:plannedPublishDate>"
        f"<ns5:publishDTInEIS>{published:%Y-%m-%dT%H:%M:%S}.{serial % 1000:03d}{offset}</ns5:publishDTInEIS>"
        f"<ns5:href>https://zakupki.gov.ru/epz/order/notice/{url_kind}/view/common-info.html?regNumber={number}</ns5:href>"
        f"<ns5:placingWay><ns2:code>{code}</ns2:code><ns2:name>{procedure}</ns2:name></ns5:placingWay>"
        f"<ns5:ETP><ns2:code>{etp[0]}</ns2:code><ns2:name>{escape(etp[1])}</ns2:name><ns2:url>{etp[2]}</ns2:url></ns5:ETP>"
        f"<ns5:contractConclusionOnSt83Ch2>false</ns5:contractConclusionOnSt83Ch2>"
        f"<ns5:purchaseObjectInfo>Поставка {escape(genitive_plural(products[0].name))} и сопутствующего оборудования"
        f"</ns5:purchaseObjectInfo></ns5:commonInfo>"
        f"<ns5:purchaseResponsibleInfo><ns5:responsibleOrgInfo><ns5:regNum>{rng.randrange(10**10, 10**11)}</ns5:regNum>"
        f"<ns5:fullName>{escape(customer)}</ns5:fullName>"
        f"<ns5:postAddress>{escape(city)}, ул. Центральная, д. {rng.randrange(1, 200)}</ns5:postAddress>"
        f"<ns5:INN>{inn}</ns5:INN><ns5:KPP>{kpp}</ns5:KPP></ns5:responsibleOrgInfo>"
        f"<ns5:responsibleRole>CU</ns5:responsibleRole><ns5:responsibleInfo><ns5:contactPersonInfo>"
        f"<ns4:lastName>Иванова</ns4:lastName><ns4:firstName>Анна</ns4:firstName><ns4:middleName>Сергеевна"
        f"</ns4:middleName></ns5:contactPersonInfo><ns5:contactEMail>zakupki{serial}@example.ru</ns5:contactEMail>"
        f"<ns5:contactPhone>7-495-{rng.randrange(1000000, 9999999)}</ns5:contactPhone></ns5:responsibleInfo>"
        f"</ns5:purchaseResponsibleInfo>"
        f"<ns5:printFormInfo><ns4:url>https://zakupki.gov.ru/44fz/printForm/view/{serial}</ns4:url></ns5:printFormInfo>"
        f"<ns5:attachmentsInfo>{blocks.attachments(rng, number)}</ns5:attachmentsInfo>"
        f"<ns5:notificationInfo><ns5:procedureInfo><ns5:collectingInfo>"
        f"<ns5:startDT>{published:%Y-%m-%dT%H:%M:%S}{offset}</ns5:startDT>"
        f"<ns5:endDT>{deadline:%Y-%m-%d}T09:00:00{offset}</ns5:endDT></ns5:collectingInfo>{bidding}"
        f"<ns5:summarizingDate>{deadline + timedelta(days=2):%Y-%m-%d}{offset}</ns5:summarizingDate>"
        f"</ns5:procedureInfo><ns5:contractConditionsInfo><ns5:maxPriceInfo><ns5:maxPrice>{_money(total)}</ns5:maxPrice>"
        f"<ns5:currency><ns2:code>RUB</ns2:code><ns2:name>РОССИЙСКИЙ РУБЛЬ</ns2:name></ns5:currency></ns5:maxPriceInfo>"
        f"</ns5:contractConditionsInfo><ns5:customerRequirementsInfo><ns5:customerRequirementInfo>"
        f"<ns5:customer><ns2:regNum>{rng.randrange(10**10, 10**11)}</ns2:regNum>"
        f"<ns2:fullName>{escape(customer)}</ns2:fullName></ns5:customer>{app_xml}"
        f"<ns5:contractGuarantee>{contract_amount}{blocks.account(rng)}<ns5:procedureInfo>{blocks.procedure_text(rng)}"
        f"</ns5:procedureInfo><ns5:part>{contract}</ns5:part></ns5:contractGuarantee>"
        f"<ns5:contractConditionsInfo><ns5:maxPriceInfo><ns5:maxPrice>{_money(total)}</ns5:maxPrice></ns5:maxPriceInfo>"
        f"<ns5:mustPublicDiscussion>false</ns5:mustPublicDiscussion>"
        f"{blocks.ikz_info(rng, ikz, customer_code, published)}"
        f"{blocks.payment_plan(rng, total, contract_end, offset, city)}"
        f"{blocks.delivery_places(rng, city)}<ns5:isOneSideRejectionSt95>true</ns5:isOneSideRejectionSt95>"
        f"</ns5:contractConditionsInfo>{blocks.warranty(rng, total)}</ns5:customerRequirementInfo>"
        f"</ns5:customerRequirementsInfo><ns5:purchaseObjectsInfo><ns5:notDrugPurchaseObjectsInfo>{''.join(objects)}"
        f"<ns4:totalSum>{_money(total)}</ns4:totalSum><ns4:quantityUndefined>false</ns4:quantityUndefined>"
        f"</ns5:notDrugPurchaseObjectsInfo></ns5:purchaseObjectsInfo>{smp}{blocks.requirements()}{criteria}"
        f"</ns5:notificationInfo>{modification}</ns3:{kind}></ns3:export>"
    )
    return blocks.indented(xml), kind


def generate_notices(
    n: int,
    seed: int = 0,
    *,
    amendment_share: float = 0.1,
    start: datetime = datetime(2025, 11, 10, 8, 0),
) -> Iterator[tuple[str, bytes]]:
    """Yield ``n`` EIS export documents as ``(file name, UTF-8 bytes)``, deterministic for ``seed``.

    About ``amendment_share`` of them are version 2 of the notice yielded just before (same number,
    ``versionNumber`` 2, ``modificationInfo``), so an ingest sees new versions as well as new notices.
    File names follow the EIS document service: ``<kind>_<number>_<version>_<hash>.xml``.
    """
    rng = random.Random(seed)
    produced = 0
    serial = 0
    while produced < n:
        serial += 1
        number = f"0{rng.randrange(1, 4)}{rng.randrange(10**8, 10**9)}25{serial % 10**6:06d}"  # regNum + year + seq
        versions = 2 if rng.random() < amendment_share and produced + 1 < n else 1
        for version in range(1, versions + 1):
            data, kind = _document(rng, serial, number, version, start)
            digest = f"{rng.getrandbits(128):032X}"
            yield f"{kind}_{number}_{version}_{digest}.xml", data
            produced += 1


def write_archives(
    directory: str | Path,
    n: int,
    per_zip: int = 100,
    seed: int = 0,
    start: datetime | None = None,
    *,
    amendment_share: float = 0.1,
) -> list[Path]:
    """Write ``n`` generated documents into zip archives of ``per_zip`` members; return their paths.

    ``start`` moves the publication dates (the demo wants deadlines around today); ``start`` and
    ``amendment_share`` as in :func:`generate_notices`.
    """
    options: dict[str, Any] = {"amendment_share": amendment_share}
    if start is not None:
        options["start"] = start
    return pack_archives(directory, generate_notices(n, seed, **options), per_zip, prefix=f"PRIZ_epNotification_{seed}")


def pack_archives(
    directory: str | Path, documents: Iterable[tuple[str, bytes]], per_zip: int, prefix: str = "PRIZ_epNotification"
) -> list[Path]:
    """Pack ``(file name, bytes)`` documents into zip archives ``<prefix>_00001.zip``... of ``per_zip`` members."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    archive: zipfile.ZipFile | None = None
    for position, (name, data) in enumerate(documents):
        if position % per_zip == 0:
            if archive is not None:
                archive.close()
            path = directory / f"{prefix}_{position // per_zip + 1:05d}.zip"
            archive = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
            paths.append(path)
        assert archive is not None
        archive.writestr(name, data)
    if archive is not None:
        archive.close()
    return paths

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "eis-archives"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    written = write_archives(out, count, size)
    print(f"{count} documents in {len(written)} archives under {out}")
