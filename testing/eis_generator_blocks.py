"""The blocks of a generated EIS notice that every real 2025 export carries but the parsers mostly skip.

Measured on the nine 2025 ``epNotification*`` exports of ../shared/samples (MANIFEST.md section A): every
attachment is signed (4-9 ``cryptoSigns/signature`` blobs of ~7 KB of base64 each, ~48 KB a notice); a
notice carries 20-60 KB of financing, payment-stage, delivery-place, guarantee-procedure and participant-
requirement XML besides its purchase objects; files are indented with 4 spaces per level, which is 11-49 %
of their bytes. :mod:`testing.eis_generator` uses these blocks so generated documents have the real
size and shape, and the ingest benchmark parses what a real nightly crawl parses. All data is invented.
"""

from __future__ import annotations

import base64
import random
import uuid
from datetime import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from lxml import etree

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

ATTACHMENT_KINDS = (
    ("Описание объекта закупки.docx", "POD", "Описание объекта закупки"),
    ("Проект контракта.docx", "CP", "Проект контракта"),
    ("Обоснование НМЦК.xlsx", "MRJ", "Обоснование начальной (максимальной) цены контракта"),
    ("Требования к заявке.pdf", "CAR", "Требование к содержанию, составу заявки на участие в закупке"),
    ("Инструкция по заполнению заявки.docx", "IFA", "Инструкция по заполнению заявки"),
    ("Техническое задание.docx", "TZ", "Техническое задание"),
    ("Порядок оценки заявок.pdf", "EVAL", "Порядок рассмотрения и оценки заявок на участие в закупке"),
    ("Спецификация.xlsx", "SPEC", "Спецификация поставляемого товара"),
    ("Письмо о разъяснении.pdf", "OTH", "Иной документ"),
)

# Paragraphs of the securities' "procedure" texts (real ones run to 1-9 KB of such prose).
PROCEDURE_PARAGRAPHS = (
    "Обеспечение исполнения контракта предоставляется участником закупки, с которым заключается контракт, "
    "до заключения контракта путем предоставления независимой гарантии, соответствующей требованиям статьи 45 "
    "Закона № 44-ФЗ, или внесения денежных средств на указанный заказчиком счет.",
    "Способ обеспечения исполнения контракта, срок действия независимой гарантии определяются участником закупки "
    "самостоятельно. Срок действия независимой гарантии должен превышать предусмотренный контрактом срок исполнения "
    "обязательств, которые должны быть обеспечены такой независимой гарантией, не менее чем на один месяц.",
    "Независимая гарантия должна быть безотзывной, содержать условие об обязанности гаранта уплатить заказчику "
    "денежную сумму по независимой гарантии в случае ненадлежащего исполнения поставщиком обязательств, а также "
    "перечень документов, предоставляемых заказчиком гаранту одновременно с требованием об уплате.",
    "Информация о независимой гарантии подлежит включению в реестр независимых гарантий, размещенный в единой "
    "информационной системе. В случае предоставления независимой гарантии, не включенной в реестр, заказчик "
    "отказывает в ее принятии и уведомляет об этом поставщика в срок не позднее одного рабочего дня.",
    "Если участником закупки предложена цена контракта, которая на двадцать пять и более процентов ниже начальной "
    "(максимальной) цены контракта, контракт заключается после предоставления обеспечения исполнения контракта в "
    "размере, превышающем в полтора раза размер, указанный в извещении, или информации о добросовестности.",
    "Денежные средства, внесенные в качестве обеспечения, возвращаются поставщику в течение пятнадцати дней с даты "
    "исполнения им обязательств, предусмотренных контрактом, на основании его письменного требования с указанием "
    "реквизитов счета для возврата.",
    "Исполнение контракта может обеспечиваться предоставлением одной или нескольких независимых гарантий. "
    "Участник закупки вправе изменить способ обеспечения исполнения контракта и (или) предоставить заказчику "
    "взамен ранее предоставленного обеспечения новое обеспечение, уменьшенное на размер выполненных обязательств.",
)
REQUIREMENTS = (
    ("ET44", "Единые требования к участникам закупок в соответствии с ч. 1 ст. 31 Закона № 44-ФЗ"),
    ("DT44", "Требования к участникам закупок в соответствии с ч. 1.1 ст. 31 Закона № 44-ФЗ"),
    ("RNP44", "Требование об отсутствии информации об участнике закупки в реестре недобросовестных поставщиков"),
)
REQUIREMENT_CONTENT = (
    "Участник закупки должен соответствовать требованиям, установленным в соответствии с законодательством "
    "Российской Федерации к лицам, осуществляющим поставку товара, являющегося объектом закупки. Непроведение "
    "ликвидации участника закупки, отсутствие решения арбитражного суда о признании его банкротом, "
    "неприостановление его деятельности, отсутствие недоимки по налогам и сборам свыше двадцати пяти процентов "
    "балансовой стоимости активов, отсутствие судимости у руководителя и конфликта интересов с заказчиком."
)
CRITERIA = (
    ("CP", "Цена контракта, сумма цен единиц товара, работы, услуги", "60"),
    ("QO", "Характеристики объекта закупки", "20"),
    ("QU", "Квалификация участников закупки, в том числе наличие опыта работы", "20"),
)


def signature(rng: random.Random) -> str:
    """A CAdES signature blob the size of the 2025 exports' (5-9 KB of base64 in 76-character lines)."""
    blob = base64.b64encode(rng.randbytes(rng.randrange(4000, 7000))).decode("ascii")
    lines = "\n".join(blob[i : i + 76] for i in range(0, len(blob), 76))
    return f'<ns4:cryptoSigns><ns4:signature type="CAdES-BES">{lines}</ns4:signature></ns4:cryptoSigns>'


def attachments(rng: random.Random, number: str) -> str:
    """4-9 signed attachments, as on every 2025 notice."""
    parts = []
    for n, (file_name, code, kind) in enumerate(ATTACHMENT_KINDS[: rng.randrange(4, 10)]):
        uid = f"{number[-10:]}{n:02d}".rjust(32, "0")
        parts.append(
            f"<ns4:attachmentInfo><ns4:publishedContentId>{uid}</ns4:publishedContentId>"
            f"<ns4:fileName>{escape(file_name)}</ns4:fileName><ns4:fileSize>{rng.randrange(20_000, 3_000_000)}"
            f"</ns4:fileSize><ns4:docDescription>{escape(kind)}</ns4:docDescription>"
            f"<ns4:docDate>2025-11-{rng.randrange(1, 28):02d}T10:{rng.randrange(60):02d}:00+03:00</ns4:docDate>"
            f"<ns4:url>https://zakupki.gov.ru/44fz/filestore/public/1.0/download/priz/file.html?uid={uid}</ns4:url>"
            f"<ns4:docKindInfo><ns2:code>{code}</ns2:code><ns2:name>{escape(kind)}</ns2:name></ns4:docKindInfo>"
            f"{signature(rng)}</ns4:attachmentInfo>"
        )
    return "".join(parts)


def procedure_text(rng: random.Random) -> str:
    return escape(" ".join(rng.sample(PROCEDURE_PARAGRAPHS, k=rng.randrange(1, len(PROCEDURE_PARAGRAPHS) + 1))))


def account(rng: random.Random) -> str:
    return (
        f"<ns5:account><ns4:bik>0{rng.randrange(10**7, 10**8)}</ns4:bik>"
        f"<ns4:settlementAccount>0322{rng.randrange(10**15, 10**16)}</ns4:settlementAccount>"
        f"<ns4:personalAccount>{rng.randrange(10**15, 10**16)}</ns4:personalAccount>"
        "<ns4:creditOrgName>ОТДЕЛЕНИЕ БАНКА РОССИИ//УФК ПО СУБЪЕКТУ РОССИЙСКОЙ ФЕДЕРАЦИИ</ns4:creditOrgName>"
        f"<ns4:corrAccountNumber>4010281{rng.randrange(10**12, 10**13)}</ns4:corrAccountNumber></ns5:account>"
    )


def account_budget(rng: random.Random, inn: str, kpp: str, city: str) -> str:
    """Where a state institution's securities are paid (the budget administrator's details)."""
    return (
        f"<ns5:accountBudget><ns5:accountBudgetAdmin><ns5:anotherAdmin>false</ns5:anotherAdmin><ns5:INN>{inn}</ns5:INN>"
        f"<ns5:KPP>{kpp}</ns5:KPP><ns5:KBK>{rng.randrange(10**19, 10**20)}</ns5:KBK>"
        f"<ns5:OKTMOInfo><ns2:code>{rng.randrange(10**7, 10**8)}</ns2:code><ns2:name>Муниципальное образование "
        f"{escape(city)}</ns2:name></ns5:OKTMOInfo><ns5:bankAccount>4010281{rng.randrange(10**12, 10**13)}"
        f"</ns5:bankAccount><ns5:ksNumber>0310064{rng.randrange(10**12, 10**13)}</ns5:ksNumber>"
        f"<ns5:bik>0{rng.randrange(10**7, 10**8)}</ns5:bik><ns5:counterpartyName>УПРАВЛЕНИЕ ФЕДЕРАЛЬНОГО "
        f"КАЗНАЧЕЙСТВА ПО СУБЪЕКТУ РОССИЙСКОЙ ФЕДЕРАЦИИ</ns5:counterpartyName></ns5:accountBudgetAdmin>"
        "</ns5:accountBudget>"
    )


def warranty(rng: random.Random, total: Decimal) -> str:
    """Warranty requirements and, for most equipment purchases, a warranty-obligations security."""
    part = rng.choice(("1.0", "3.0", "10.0"))
    amount = (total * Decimal(part) / 100).quantize(Decimal("0.01"))
    info = (
        "<ns5:warrantyInfo><ns5:warrantyServiceRequirement>Гарантийное обслуживание осуществляется поставщиком "
        "в месте нахождения товара</ns5:warrantyServiceRequirement><ns5:manufacturersWarrantyRequirement>Наличие "
        "гарантии производителя обязательно</ns5:manufacturersWarrantyRequirement><ns5:warrantyTerm>Не менее "
        f"{rng.choice((12, 24, 36))} месяцев с даты подписания документа о приемке</ns5:warrantyTerm>"
        "</ns5:warrantyInfo>"
    )
    if rng.random() < 0.4:
        return info
    return (
        f"{info}<ns5:provisionWarranty><ns5:amount>{amount}</ns5:amount><ns5:part>{part}</ns5:part>"
        f"<ns5:procedureInfo>{procedure_text(rng)}</ns5:procedureInfo>{account(rng)}</ns5:provisionWarranty>"
    )


def payment_plan(rng: random.Random, total: Decimal, end: str, offset: str, city: str) -> str:
    """Contract term, financing sources and 1-8 payment stages (the bulk of a real notice's conditions)."""
    stages = rng.randrange(1, 9)
    per_stage = (total / stages).quantize(Decimal("0.01"))
    stage_xml = "".join(
        f"<ns5:stageInfo><ns5:sid>{rng.randrange(10**7, 10**8)}</ns5:sid><ns5:externalSid>{rng.randrange(10**7, 10**8)}"
        f"</ns5:externalSid><ns5:termsInfo><ns5:relativeTermsInfo><ns5:start>{1 + 30 * n}</ns5:start>"
        f"<ns5:startDayType>calendar</ns5:startDayType><ns5:term>30</ns5:term><ns5:termDayType>calendar"
        f"</ns5:termDayType></ns5:relativeTermsInfo></ns5:termsInfo><ns5:budgetFinancingsInfo><ns5:budgetFinancingInfo>"
        f"<ns5:KBKInfo><ns5:KBK>{rng.randrange(10**19, 10**20)}</ns5:KBK></ns5:KBKInfo><ns5:paymentYearInfo>"
        f"<ns5:total>{per_stage}</ns5:total><ns5:currentYear>{per_stage}</ns5:currentYear><ns5:firstYear>0</ns5:firstYear>"
        f"</ns5:paymentYearInfo></ns5:budgetFinancingInfo></ns5:budgetFinancingsInfo><ns5:financeInfo>"
        f"<ns5:total>{per_stage}</ns5:total><ns5:currentYear>{per_stage}</ns5:currentYear><ns5:firstYear>0"
        f"</ns5:firstYear><ns5:secondYear>0</ns5:secondYear><ns5:subsecYears>0</ns5:subsecYears></ns5:financeInfo>"
        "</ns5:stageInfo>"
        for n in range(stages)
    )
    return (
        f"<ns5:contractExecutionPaymentPlan><ns5:contractExecutionTermsInfo><ns4:notRelativeTermsInfo>"
        f"<ns4:endDate>{end}{offset}</ns4:endDate></ns4:notRelativeTermsInfo></ns5:contractExecutionTermsInfo>"
        f"<ns5:financingSourcesInfo><ns5:budgetFinancingsInfo><ns5:budgetInfo><ns2:code>{rng.randrange(10**7, 10**8)}"
        f"</ns2:code><ns2:name>Бюджет субъекта Российской Федерации</ns2:name></ns5:budgetInfo><ns5:budgetLevelInfo>"
        f"<ns2:code>20</ns2:code><ns2:name>бюджет субъекта Российской Федерации</ns2:name></ns5:budgetLevelInfo>"
        f"<ns5:OKTMOInfo><ns2:code>{rng.randrange(10**7, 10**8)}</ns2:code><ns2:name>Муниципальное образование "
        f"{escape(city)}</ns2:name></ns5:OKTMOInfo></ns5:budgetFinancingsInfo><ns5:currentYear>2025</ns5:currentYear>"
        f"<ns5:financeInfo><ns5:total>{total}</ns5:total><ns5:currentYear>{total}</ns5:currentYear><ns5:firstYear>0"
        f"</ns5:firstYear><ns5:secondYear>0</ns5:secondYear><ns5:subsecYears>0</ns5:subsecYears></ns5:financeInfo>"
        f"</ns5:financingSourcesInfo><ns5:stagesInfo>{stage_xml}</ns5:stagesInfo></ns5:contractExecutionPaymentPlan>"
    )


def delivery_places(rng: random.Random, city: str) -> str:
    """1-3 delivery addresses from the address register (GAR)."""
    places = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        places.append(
            f"<ns5:byGARInfo><ns4:sid>{rng.randrange(10**7, 10**8)}</ns4:sid><ns4:externalSid>"
            f"{rng.randrange(10**8, 10**9)}</ns4:externalSid><ns4:countryInfo><ns2:countryCode>643</ns2:countryCode>"
            f"<ns2:countryFullName>Российская Федерация</ns2:countryFullName></ns4:countryInfo><ns4:GARInfo>"
            f"<ns4:GARGuid>{uuid.UUID(int=rng.getrandbits(128))}</ns4:GARGuid><ns4:GARAddress>{escape(city)}"
            f"</ns4:GARAddress></ns4:GARInfo><ns4:deliveryPlace>{escape(city)}, ул. Центральная, д. "
            f"{rng.randrange(1, 200)}</ns4:deliveryPlace></ns5:byGARInfo>"
        )
    return f"<ns5:deliveryPlacesInfo>{''.join(places)}</ns5:deliveryPlacesInfo>"


def ikz_info(rng: random.Random, ikz: str, customer_code: str, published: datetime) -> str:
    return (
        f"<ns5:IKZInfo><ns5:purchaseCode>{ikz}</ns5:purchaseCode><ns5:publishYear>{published:%Y}</ns5:publishYear>"
        f"<ns5:OKPD2Info><ns5:undefined>0000</ns5:undefined></ns5:OKPD2Info><ns5:KVRInfo><ns5:KVR><ns2:code>244"
        f"</ns2:code><ns2:name>Прочая закупка товаров, работ и услуг</ns2:name></ns5:KVR></ns5:KVRInfo>"
        f"<ns5:customerCode>{customer_code}</ns5:customerCode><ns5:purchaseNumber>{ikz[23:27]}</ns5:purchaseNumber>"
        f"<ns5:purchaseOrderNumber>{ikz[27:30]}</ns5:purchaseOrderNumber></ns5:IKZInfo>"
        f"<ns5:tenderPlan2020Info><ns5:plan2020Number>{published:%Y}{rng.randrange(10**11, 10**12)}001"
        f"</ns5:plan2020Number><ns5:position2020Number>{published:%Y}{rng.randrange(10**17, 10**18)}"
        "</ns5:position2020Number></ns5:tenderPlan2020Info>"
    )


def requirements() -> str:
    """Participant requirements (art. 31): the same three on most notices."""
    blocks = "".join(
        f"<ns5:requirementInfo><ns5:preferenseRequirementInfo><ns2:shortName>{code}</ns2:shortName><ns2:name>{name}"
        f"</ns2:name></ns5:preferenseRequirementInfo><ns5:content>{REQUIREMENT_CONTENT}</ns5:content>"
        "</ns5:requirementInfo>"
        for code, name in REQUIREMENTS
    )
    return f"<ns5:requirementsInfo>{blocks}</ns5:requirementsInfo>"


def criteria() -> str:
    """Evaluation criteria of an open tender (``epNotificationEOK2020``)."""
    blocks = "".join(
        f"<ns5:criterionInfo><ns5:code>{code}</ns5:code><ns5:name>{name}</ns5:name><ns5:valueInfo><ns5:value>"
        f"{value}</ns5:value></ns5:valueInfo><ns5:addInfo>Оценка заявок по критерию «{name}» осуществляется в "
        "соответствии с Положением об оценке заявок, утвержденным постановлением Правительства Российской "
        "Федерации от 31.12.2021 № 2604, с применением показателей, указанных в порядке оценки заявок."
        "</ns5:addInfo></ns5:criterionInfo>"
        for code, name, value in CRITERIA
    )
    return f"<ns5:criteriaInfo>{blocks}</ns5:criteriaInfo>"


def indented(xml: str) -> bytes:
    """The document as EIS exports it: UTF-8, the XML declaration, 4 spaces per nesting level."""
    root = etree.fromstring(xml.encode("utf-8"))
    etree.indent(root, space="    ")
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
