"""Outcome documents in the EIS export formats (project-authored, written from the published schemas' element
names as seen in real exports): 44-FZ protocols (legacy ``fcsProtocol*`` and 2020 ``epProtocol*``), notice
cancellations and their revocation, contracts (2025 shape, foreign currency and foreign suppliers too),
contract execution (``contractProcedure``), and 223-FZ protocols and refusals.

Used by tests (exact values in, exact values expected out), the demo and ``benchmarks/outcomes.py``.
Every builder returns UTF-8 bytes of one document.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from xml.sax.saxutils import escape

_EXPORT = (
    '<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1" '
    'xmlns:ns3="http://zakupki.gov.ru/oos/common/1" xmlns:ns4="http://zakupki.gov.ru/oos/base/1" '
    'xmlns:ns9="http://zakupki.gov.ru/oos/EPtypes/1">'
)
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_223 = 'xmlns="http://zakupki.gov.ru/223fz/purchase/1" xmlns:ns2="http://zakupki.gov.ru/223fz/types/1"'


def _e(value: object) -> str:
    return escape(str(value))


def _ts(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _signature(seed: int, size: int = 1200) -> str:
    blob = random.Random(seed).randbytes(size)
    return f'<signature type="CAdES-BES">{base64.b64encode(blob).decode()}</signature>'


@dataclass
class Bidder:
    name: str
    inn: str | None
    price: str
    place: int | None = None
    first_price: str | None = None
    admitted: bool = True
    person: bool = False
    """An individual entrepreneur (name as last / first / middle names)."""
    foreign: bool = False
    application: str | None = None


def _participant(bidder: Bidder) -> str:
    if bidder.foreign:
        return (f"<appParticipantInfo><ns3:legalEntityForeignStateInfo><ns3:fullName>{_e(bidder.name)}"
                "</ns3:fullName><ns3:taxPayerCode>DE811115368</ns3:taxPayerCode>"
                "</ns3:legalEntityForeignStateInfo></appParticipantInfo>")
    if bidder.person:
        last, first, middle = [*bidder.name.split(), "", "", ""][:3]
        return (f"<appParticipantInfo><ns3:individualPersonRFInfo><ns3:nameInfo><ns3:lastName>{_e(last)}"
                f"</ns3:lastName><ns3:firstName>{_e(first)}</ns3:firstName><ns3:middleName>{_e(middle)}"
                f"</ns3:middleName></ns3:nameInfo><ns3:INN>{bidder.inn}</ns3:INN><ns3:isIP>true</ns3:isIP>"
                "</ns3:individualPersonRFInfo></appParticipantInfo>")
    return (f"<appParticipantInfo><ns3:legalEntityRFInfo><ns3:fullName>{_e(bidder.name)}</ns3:fullName>"
            f"<ns3:INN>{bidder.inn}</ns3:INN><ns3:KPP>{(bidder.inn or '0000')[:4]}01001</ns3:KPP>"
            "<ns3:legalForm><ns4:code>12300</ns4:code><ns4:singularName>Общества с ограниченной ответственностью"
            "</ns4:singularName></ns3:legalForm><ns3:contactInfo><ns3:orgPostAddress>119526, Г МОСКВА, ПР-КТ "
            "ВЕРНАДСКОГО, ДОМ 95, КОРПУС 3</ns3:orgPostAddress><ns3:orgFactAddress>119526, Российская Федерация, "
            "Г МОСКВА, ПР-КТ ВЕРНАДСКОГО, ДОМ 95, КОРПУС 3</ns3:orgFactAddress><ns3:contactPersonInfo>"
            "<ns3:lastName>Иванов</ns3:lastName><ns3:firstName>Иван</ns3:firstName></ns3:contactPersonInfo>"
            "<ns3:contactEMail>tender@example.ru</ns3:contactEMail><ns3:contactPhone>74957889999</ns3:contactPhone>"
            "</ns3:contactInfo>"
            "</ns3:legalEntityRFInfo></appParticipantInfo>")


_MEMBERS = [
    ("Председатель комиссии", "Орлова", "Наталья", "Викторовна"), ("Член комиссии", "Громов", "Илья", "Сергеевич"),
    ("Член комиссии", "Лебедева", "Ольга", "Андреевна"), ("Член комиссии", "Киселёв", "Павел", "Олегович"),
    ("Член комиссии", "Зайцева", "Марина", "Игоревна"), ("Секретарь комиссии", "Белов", "Артём", "Юрьевич"),
]


def _commission() -> str:
    """The commission block of a real protocol: members with roles (never read, but parsed: real bytes)."""
    members = "".join(
        f"<commissionMember><memberNumber>{10894676 + i}</memberNumber><lastName>{last}</lastName>"
        f"<firstName>{first}</firstName><middleName>{middle}</middleName><role><id>{27 + i}</id><name>{role}"
        "</name><rightVote>true</rightVote></role></commissionMember>"
        for i, (role, last, first, middle) in enumerate(_MEMBERS)
    )
    return (f"<commission><commissionName>Единая комиссия по осуществлению закупок</commissionName>"
            f"<commissionMembers>{members}</commissionMembers><spelledMembersCount>шесть</spelledMembersCount>"
            "<competent>true</competent></commission>")


def _admission(admitted: bool) -> str:
    result = str(admitted).lower()
    return "<admissionResults>" + "".join(
        f"<admissionResult><protocolCommissionMember><memberNumber>{10894676 + i}</memberNumber>"
        f"</protocolCommissionMember><admitted>{result}</admitted></admissionResult>" for i in range(len(_MEMBERS))
    ) + "</admissionResults>"


def fcs_protocol_ef3(number: str, bidders: Sequence[Bidder], published: datetime, *, seed: int = 0) -> bytes:
    """``fcsProtocolEF3``: the summing-up protocol of an e-auction (places by ``appRating``), with the commission,
    per-member admission results, contacts and a signed print form, as real ones have."""
    apps = "".join(
        f"<application><journalNumber>{b.application or i + 1}</journalNumber>{_participant(b)}"
        f"{_admission(b.admitted)}<admitted>{str(b.admitted).lower()}</admitted>"
        + (f"<appRating>{b.place}</appRating>" if b.place else "")
        + f"<winnerPrice>{b.price}</winnerPrice></application>"
        for i, b in enumerate(bidders)
    )
    return (f"{_DECL}{_EXPORT}<ns2:fcsProtocolEF3 schemeVersion=\"10.2\"><id>{seed + 1}</id>"
            f"<purchaseNumber>{number}</purchaseNumber><protocolNumber>{number}-3</protocolNumber>"
            f"<protocolDate>{_ts(published)}</protocolDate><signDate>{_ts(published)}</signDate>"
            f"<publishDate>{_ts(published)}</publishDate>{_commission()}<printForm>"
            f"<url>https://zakupki.gov.ru/pf/{seed}</url>{_signature(seed)}</printForm>"
            f"<attachments><attachment><fileName>Протокол подведения итогов {number}.pdf</fileName>"
            f"<docDescription>Протокол подведения итогов</docDescription><url>https://zakupki.gov.ru/a/{seed}</url>"
            f"<cryptoSigns>{_signature(seed + 5, 2400)}</cryptoSigns></attachment></attachments>"
            f"<protocolLot><applications>{apps}</applications></protocolLot>"
            "</ns2:fcsProtocolEF3></ns2:export>").encode()


def fcs_protocol_ef2(number: str, offers: Sequence[tuple[str, str, str]], published: datetime) -> bytes:
    """``fcsProtocolEF2``: the auction's offers per application: (journal number, first offer, last offer)."""
    apps = "".join(
        f"<application><journalNumber>{journal}</journalNumber><priceOffers><firstOffer><price>{first}</price>"
        f"</firstOffer><lastOffer><price>{last}</price></lastOffer></priceOffers></application>"
        for journal, first, last in offers
    )
    return (f"{_DECL}{_EXPORT}<ns2:fcsProtocolEF2 schemeVersion=\"10.2\"><purchaseNumber>{number}</purchaseNumber>"
            f"<protocolNumber>{number}-2</protocolNumber><protocolDate>{_ts(published)}</protocolDate>"
            f"<publishDate>{_ts(published)}</publishDate><protocolLot><applications>{apps}</applications>"
            "</protocolLot></ns2:fcsProtocolEF2></ns2:export>").encode()


def fcs_invalidation(number: str, reason: str, published: datetime) -> bytes:
    """``fcsProtocolEFInvalidation``: the auction is declared failed."""
    return (f"{_DECL}{_EXPORT}<ns2:fcsProtocolEFInvalidation schemeVersion=\"10.2\"><purchaseNumber>{number}"
            f"</purchaseNumber><protocolNumber>{number}-0</protocolNumber><protocolDate>{_ts(published)}"
            f"</protocolDate><publishDate>{_ts(published)}</publishDate><protocolLot><abandonedReason>"
            f"<code>EA44PPNNR</code><name>{_e(reason)}</name><type>NR</type></abandonedReason></protocolLot>"
            "</ns2:fcsProtocolEFInvalidation></ns2:export>").encode()


def ep_protocol_final(number: str, bidders: Sequence[Bidder], published: datetime, *,
                      kind: str = "epProtocolEF2020Final", version: int = 1, abandoned: str | None = None) -> bytes:
    """A 2020 ``epProtocol*`` final protocol (``applicationsInfo``, ``WIN_OFFER`` / ``SECOND_OFFER``)."""
    result = {1: "WIN_OFFER", 2: "SECOND_OFFER"}
    apps = "".join(
        f"<ns9:applicationInfo><ns9:commonInfo><ns9:appNumber>{b.application or 1000 + i}</ns9:appNumber>"
        f"</ns9:commonInfo><ns9:finalPrice>{b.price}</ns9:finalPrice>{_participant(b)}<ns9:admittedInfo>"
        f"<ns9:appAdmittedInfo><ns9:admitted>{str(b.admitted).lower()}</ns9:admitted>"
        + (f"<ns9:resultType>{result[b.place]}</ns9:resultType>" if b.place in result else "")
        + "</ns9:appAdmittedInfo></ns9:admittedInfo></ns9:applicationInfo>"
        for i, b in enumerate(bidders)
    )
    reason = f"<ns9:abandonedReason><ns9:code>X</ns9:code><ns9:name>{_e(abandoned)}</ns9:name></ns9:abandonedReason>"
    return (f"{_DECL}{_EXPORT}<ns9:{kind} schemeVersion=\"15.3\"><ns9:versionNumber>{version}</ns9:versionNumber>"
            f"<ns9:commonInfo><ns9:purchaseNumber>{number}</ns9:purchaseNumber><ns9:docNumber>ПИ{version}"
            f"</ns9:docNumber><ns9:publishDTInEIS>{_ts(published)}</ns9:publishDTInEIS><ns9:signDT>"
            f"{published.date().isoformat()}+03:00</ns9:signDT><ns9:docNumberExternal>{number}-{version}"
            f"</ns9:docNumberExternal></ns9:commonInfo><ns9:protocolInfo>{reason if abandoned else ''}"
            f"<ns9:applicationsInfo>{apps}</ns9:applicationsInfo></ns9:protocolInfo></ns9:{kind}></ns2:export>"
            ).encode()


def fcs_protocol_evasion(number: str, evader: Bidder, ground: str, explanation: str, published: datetime) -> bytes:
    """``fcsProtocolEvasion``: the protocol declaring a participant to have evaded signing the contract (the
    application by journal number and participant, the ground and the commission's explanation)."""
    return (f"{_DECL}{_EXPORT}<ns2:fcsProtocolEvasion schemeVersion=\"10.2\"><id>7</id><purchaseNumber>{number}"
            f"</purchaseNumber><protocolNumber>{number}-У</protocolNumber><foundationProtocolNumber>{number}-3"
            f"</foundationProtocolNumber><protocolDate>{_ts(published)}</protocolDate><signDate>{_ts(published)}"
            f"</signDate><publishDate>{_ts(published)}</publishDate><printForm><url>https://zakupki.gov.ru/pf/e"
            f"</url>{_signature(7)}</printForm><protocolLot><applications><application><journalNumber>"
            f"{evader.application or 1}</journalNumber>{_participant(evader)}<refusalFact><foundation><code>1"
            f"</code><name>{_e(ground)}</name></foundation><explanation>{_e(explanation)}</explanation>"
            "</refusalFact></application></applications></protocolLot></ns2:fcsProtocolEvasion></ns2:export>"
            ).encode()


def ep_protocol_extract(number: str, best_price: str | None, published: datetime, *,
                        abandoned: tuple[str, str] | None = None, kind: str = "epProtocolEZP1Extract") -> bytes:
    """An extract from a protocol (``epProtocolEZP1Extract``): no application, the best price, and the published
    reason when the procedure was declared failed, as ``(code, name)``."""
    reason = (f"<ns9:abandonedReason><ns4:code>{abandoned[0]}</ns4:code><ns4:name>{_e(abandoned[1])}</ns4:name>"
              "</ns9:abandonedReason>") if abandoned else ""
    price = f"<ns9:bestPrice>{best_price}</ns9:bestPrice>" if best_price else ""
    return (f"{_DECL}{_EXPORT}<ns2:{kind} schemeVersion=\"10.2\"><ns9:id>30311128</ns9:id><ns9:versionNumber>1"
            f"</ns9:versionNumber><ns9:foundationDocInfo><ns9:foundationDocNumber>№{number}</ns9:foundationDocNumber>"
            f"</ns9:foundationDocInfo><ns9:commonInfo><ns9:purchaseNumber>{number}</ns9:purchaseNumber>"
            f"<ns9:docNumber>ВПП1</ns9:docNumber><ns9:publishDTInEIS>{_ts(published)}</ns9:publishDTInEIS>"
            f"<ns9:docNumberExternal>{number}-5-10956691</ns9:docNumberExternal><ns9:publishDTInETP>"
            f"{_ts(published)}</ns9:publishDTInETP><ns9:procedureDT>{_ts(published)}</ns9:procedureDT><ns9:signDT>"
            f"{published.date().isoformat()}+03:00</ns9:signDT></ns9:commonInfo><ns9:protocolPublisherInfo>"
            "<ns9:publisherOrg><ns9:regNum>03732000297</ns9:regNum><ns9:INN>7726020722</ns9:INN></ns9:publisherOrg>"
            "<ns9:publisherRole>CU</ns9:publisherRole></ns9:protocolPublisherInfo><ns9:printFormInfo><ns3:url>"
            f"https://zakupki.gov.ru/pf/x</ns3:url>{_signature(3)}</ns9:printFormInfo><ns9:protocolInfo>{price}"
            f"{reason}</ns9:protocolInfo></ns2:{kind}></ns2:export>").encode()


def notice_cancel(number: str, reason: str, published: datetime, *, legacy: bool = False,
                  revoke: bool = False) -> bytes:
    """``epNotificationCancel`` (2020) or ``fcsNotificationCancel``; ``revoke``: its ``*CancelFailure``."""
    if legacy:
        kind = "fcsNotificationCancelFailure" if revoke else "fcsNotificationCancel"
        return (f"{_DECL}{_EXPORT}<ns2:{kind} schemeVersion=\"9.3\"><id>1</id><purchaseNumber>{number}"
                f"</purchaseNumber><docNumber>И{number[-4:]}</docNumber><docPublishDate>{_ts(published)}"
                f"</docPublishDate><cancelReason><responsibleDecision><decisionDate>{published.date()}"
                f"</decisionDate></responsibleDecision></cancelReason><addInfo>{_e(reason)}</addInfo>"
                f"</ns2:{kind}></ns2:export>").encode()
    kind = "epNotificationCancelFailure" if revoke else "epNotificationCancel"
    return (f"{_DECL}{_EXPORT}<ns9:{kind} schemeVersion=\"15.3\"><ns9:versionNumber>1</ns9:versionNumber>"
            f"<ns9:commonInfo><ns9:purchaseNumber>{number}</ns9:purchaseNumber><ns9:docNumber>{kind[14:]}-"
            f"{number[-4:]}</ns9:docNumber><ns9:publishDTInEIS>{_ts(published)}</ns9:publishDTInEIS>"
            f"</ns9:commonInfo><ns9:cancelReasonInfo><ns9:responsibleDecisionInfo><ns9:decisionDT>"
            f"{published.date()}+03:00</ns9:decisionDT></ns9:responsibleDecisionInfo></ns9:cancelReasonInfo>"
            f"<ns9:addInfo>{_e(reason)}</ns9:addInfo></ns9:{kind}></ns2:export>").encode()


@dataclass
class Line:
    name: str
    okpd2: str
    quantity: str
    unit_price: str
    total: str
    ktru: str | None = None
    okei: tuple[str, str] = ("796", "ШТ")


@dataclass
class Contract:
    reg_number: str
    notice: str | None
    price: str
    signed: str
    supplier: Bidder
    lines: list[Line] = field(default_factory=list)
    stages: list[tuple[str, str]] = field(default_factory=list)
    """(end date, stage price)."""
    currency: str = "RUB"
    version: int = 0
    published: datetime = datetime(2026, 1, 15, 10, 0)


_CUSTOMER = (
    "<customer><regNum>08584000001</regNum><consRegistryNum>001D1014</consRegistryNum><fullName>ГОСУДАРСТВЕННОЕ "
    "БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ ГОРОДА МОСКВЫ «ЦЕНТР ИНФОРМАЦИОННЫХ ТЕХНОЛОГИЙ»</fullName><shortName>ГБУ «ЦИТ»</shortName>"
    "<inn>7701234567</inn><kpp>770101001</kpp><legalForm><code>75203</code><singularName>Государственные бюджетные "
    "учреждения субъектов Российской Федерации</singularName></legalForm><customerCode>37701234567770101001"
    "</customerCode><customerAccountsDetails><customerAccountDetails><accountType>01</accountType>"
    "<personalAccountNumber>03581D10140</personalAccountNumber><creditOrgName>УФК по г. Москве</creditOrgName>"
    "<bankAccountNumber>03211643000000013230</bankAccountNumber><bik>004525988</bik></customerAccountDetails>"
    "</customerAccountsDetails></customer><placer><responsibleOrg><regNum>08584000001</regNum><fullName>"
    "ГОСУДАРСТВЕННОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ ГОРОДА МОСКВЫ «ЦЕНТР ИНФОРМАЦИОННЫХ ТЕХНОЛОГИЙ»</fullName>"
    "</responsibleOrg><responsibleRole>CU</responsibleRole></placer>"
)


def _scan(seed: int, k: int) -> str:
    return (f"<CPEPAttachment><publishedContentId>{seed:016X}{k:016X}</publishedContentId><fileName>Контракт_{k}.pdf"
            f"</fileName><docDescription>Контракт (файл {k + 1})</docDescription><url>https://zakupki.gov.ru/s/{seed}/{k}"
            f"</url><cryptoSigns>{_signature(seed * 7 + k, 2400)}</cryptoSigns></CPEPAttachment>")


def contract(c: Contract, *, seed: int = 0) -> bytes:
    """A 44-FZ ``contract`` in the 2025 export shape."""
    if c.supplier.person:
        last, first, middle = [*c.supplier.name.split(), "", "", ""][:3]
        supplier = (f"<individualPersonRFIndEntr><EGRIPInfo><lastName>{_e(last)}</lastName><firstName>{_e(first)}"
                    f"</firstName><middleName>{_e(middle)}</middleName><INN>{c.supplier.inn}</INN></EGRIPInfo>"
                    "</individualPersonRFIndEntr>")
    elif c.supplier.foreign:
        supplier = (f"<legalEntityForeignState><EGRULInfo><fullName>{_e(c.supplier.name)}</fullName></EGRULInfo>"
                    "<taxPayerCode>DE811115368</taxPayerCode></legalEntityForeignState>")
    else:
        supplier = (f"<legalEntityRF><EGRULInfo><fullName>{_e(c.supplier.name)}</fullName><INN>{c.supplier.inn}"
                    "</INN></EGRULInfo></legalEntityRF>")
    products = "".join(
        f"<product><indexNum>{i + 1}</indexNum><OKPD2><code>{ln.okpd2}</code></OKPD2>"
        + (f"<KTRU><code>{ln.ktru}</code></KTRU>" if ln.ktru else "")
        + f"<name>{_e(ln.name)}</name><OKEI><code>{ln.okei[0]}</code></OKEI><price>{ln.unit_price}</price>"
        f"<quantity>{ln.quantity}</quantity><sum>{ln.total}</sum></product>"
        for i, ln in enumerate(c.lines)
    )
    units = "".join(f"<OKEI><code>{code}</code><nationalCode>{name}</nationalCode></OKEI>"
                    for code, name in {ln.okei for ln in c.lines})
    stages = "".join(
        f"<stages><endDate>{end}</endDate><stagePrice>{price}</stagePrice></stages>" for end, price in c.stages
    )
    foundation = (f"<foundation><fcsOrder><order><notificationNumber>{c.notice}</notificationNumber>"
                  "<lotNumber>1</lotNumber></order></fcsOrder></foundation>") if c.notice else ""
    return (f"{_DECL}{_EXPORT}<ns2:contract schemeVersion=\"15.3\"><id>{seed + 7}</id>"
            f"<publishDate>{_ts(c.published)}</publishDate><versionNumber>{c.version}</versionNumber>{foundation}"
            f"{_CUSTOMER}"
            f"<signDate>{c.signed}</signDate><regNum>{c.reg_number}</regNum><priceInfo><price>{c.price}</price>"
            f"<currency><code>{c.currency}</code></currency></priceInfo><executionPeriod>{stages}</executionPeriod>"
            f"<products>{products}</products><suppliersInfo><supplierInfo>{supplier}</supplierInfo></suppliersInfo>"
            f"<printForm><url>https://zakupki.gov.ru/c/{seed}</url>{_signature(seed + 1, 2400)}</printForm>"
            f"<scanDocuments>{''.join(_scan(seed, k) for k in range(3))}</scanDocuments>"
            f"<addInformationFromClassifiers>{units}</addInformationFromClassifiers></ns2:contract></ns2:export>"
            ).encode()


def contract_procedure(reg_number: str, payments: Sequence[tuple[str, str, str]], published: datetime, *,
                       termination: str | None = None, doc_id: int = 1) -> bytes:
    """``contractProcedure``: payments (stage end date, amount paid, payment date) and an optional termination."""
    executions = "".join(
        f"<executions><stage><endDate>{end}</endDate></stage><execution><docExecution><documentDate>{paid_at}"
        f"</documentDate><name>Платежное поручение</name></docExecution><paid>{amount}</paid></execution>"
        "</executions>"
        for end, amount, paid_at in payments
    )
    ended = (f"<termination><terminationDate>{published.date()}</terminationDate><reason><name>{_e(termination)}"
             "</name></reason></termination>") if termination else ""
    return (f"{_DECL}{_EXPORT}<ns2:contractProcedure schemeVersion=\"15.3\"><id>{doc_id}</id><regNum>{reg_number}"
            f"</regNum><publishDate>{_ts(published)}</publishDate><versionNumber>1</versionNumber>{executions}{ended}"
            "</ns2:contractProcedure></ns2:export>").encode()


def purchase_rejection_223(number: str, reason: str, published: datetime) -> bytes:
    """223-FZ ``purchaseRejection``: the customer refuses to hold the purchase."""
    return (f"{_DECL}<purchaseRejection {_223}><header><createDateTime>{_ts(published)}</createDateTime></header>"
            f"<body><item><purchaseRejectionData><registrationNumber>{number}-R</registrationNumber>"
            f"<purchaseInfo><purchaseNoticeNumber>{number}</purchaseNoticeNumber></purchaseInfo>"
            f"<publicationDateTime>{_ts(published.replace(tzinfo=None))}</publicationDateTime><version>1</version>"
            f"<reason>{_e(reason)}</reason></purchaseRejectionData></item></body></purchaseRejection>").encode()


# -- mixed corpora for the demo and the benchmark ------------------------------------------------------------

_SUPPLIERS = [
    ("ООО «СЕТЕВЫЕ РЕШЕНИЯ»", "7701234560"), ("АО «ТЕЛЕКОМ-ИНТЕГРАЦИЯ»", "7802345671"),
    ("ООО «ИНФОСИСТЕМЫ»", "5403456782"), ("ООО «ЦИФРОВАЯ ИНФРАСТРУКТУРА»", "6604567893"),
    ("ИП Соколов Андрей Петрович", "772012345678"), ("ООО «СЕРВЕРНЫЕ ТЕХНОЛОГИИ»", "1605678904"),
]  # fmt: skip


def contract_223(reg_number: str, purchase: str | None, price: str, signed: str, supplier: Bidder,
                 published: datetime) -> bytes:
    """A 223-FZ contract record (``contract``, ``body/item/contractData``) as the daily files hold them; without
    ``purchase`` it is a purchase from a single supplier made without a notice (no ``purchaseNoticeInfo``)."""
    notice = (f"<ns2:purchaseNoticeInfo><ns2:purchaseNoticeNumber>{purchase}</ns2:purchaseNoticeNumber>"
              f"<ns2:publicationDateTime>{_ts(published.replace(tzinfo=None))}</ns2:publicationDateTime>"
              "</ns2:purchaseNoticeInfo><ns2:lotGuid>bc595999-8d78-4080-9386-732ea430c13b</ns2:lotGuid>"
              "<ns2:purchaseTypeInfo><ns2:code>4000</ns2:code><ns2:name>Запрос котировок</ns2:name>"
              "</ns2:purchaseTypeInfo>") if purchase else (
              "<ns2:purchaseTypeInfo><ns2:code>30000</ns2:code><ns2:name>Закупка у единственного поставщика "
              "(подрядчика, исполнителя)</ns2:name></ns2:purchaseTypeInfo>")
    return (f'{_DECL}<ns2:contract xmlns:ns2="http://zakupki.gov.ru/223fz/contract/1" '
            'xmlns="http://zakupki.gov.ru/223fz/types/1"><header><createDateTime>'
            f"{_ts(published.replace(tzinfo=None))}</createDateTime></header><ns2:body><ns2:item><ns2:contractData>"
            "<ns2:customer><mainInfo><fullName>АО «ГАЗПРОМ ГАЗОРАСПРЕДЕЛЕНИЕ МАЙКОП»</fullName><inn>0105018196</inn>"
            f"</mainInfo></ns2:customer><ns2:publicationDate>{_ts(published.replace(tzinfo=None))}"
            "</ns2:publicationDate><ns2:status>P</ns2:status><ns2:version>1</ns2:version><ns2:registrationNumber>"
            f"{reg_number[:-1]}1</ns2:registrationNumber><ns2:contractRegNumber>{reg_number}</ns2:contractRegNumber>"
            f"<ns2:contractDate>{signed}T00:00:00</ns2:contractDate>{notice}<ns2:supplierInfo><ns2:name>"
            f"{_e(supplier.name)}</ns2:name><ns2:inn>{supplier.inn}</ns2:inn><ns2:type>L</ns2:type></ns2:supplierInfo>"
            f"<ns2:price>{price}</ns2:price><ns2:currency><code>RUB</code></ns2:currency></ns2:contractData>"
            "</ns2:item></ns2:body></ns2:contract>").encode()


def purchase_contract_account_223(customer: str, inn: str, period: str, count: int, total: str) -> bytes:
    """223-FZ ``purchaseContractAccount``: a customer's monthly count and total cost of contracts of one type."""
    return (f'{_DECL}<ns2:purchaseContractAccount {_223}><header><guid>a16a590c-06c3-4c98-a732-5a0f7bca8391</guid>'
            "<createDateTime>2017-02-07T08:34:24</createDateTime></header><ns2:body><ns2:item>"
            "<guid>3dde2016-7f9a-492c-94b1-84cdb17ee06d</guid><ns2:purchaseContractAccountData>"
            f"<ns2:customer><mainInfo><fullName>{_e(customer)}</fullName><inn>{inn}</inn></mainInfo></ns2:customer>"
            f"<ns2:period>{period}</ns2:period><ns2:contractsNumber>{count}</ns2:contractsNumber>"
            f"<ns2:contractsOverallCost>{total}</ns2:contractsOverallCost><ns2:currency><code>RUB</code>"
            "</ns2:currency><ns2:publicationDateTime>2017-02-07T15:34:23</ns2:publicationDateTime>"
            "<ns2:typeCode>4</ns2:typeCode><ns2:status>P</ns2:status><ns2:version>1</ns2:version>"
            "</ns2:purchaseContractAccountData></ns2:item></ns2:body></ns2:purchaseContractAccount>").encode()


def bidders_for(rng: random.Random, nmck: Decimal, count: int) -> list[Bidder]:
    picked = rng.sample(_SUPPLIERS, k=count)
    prices = sorted(nmck * Decimal(rng.randrange(70, 99)) / 100 for _ in picked)
    return [
        Bidder(name, inn, str(price.quantize(Decimal("0.01"))), place=i + 1, person=name.startswith("ИП "),
               application=str(100 + i))
        for i, ((name, inn), price) in enumerate(zip(picked, prices, strict=True))
    ]


def corpus(
    n: int, seed: int = 0, start: datetime = datetime(2025, 11, 10, 9, 0), shared: bool = False
) -> Iterator[tuple[str, bytes]]:
    """``n`` protocol and contract documents (half each) of 2025-like size, as ``(file name, bytes)``, each about
    its own notice; ``shared``: each contract is about the notice of the protocol before it (and its winner)."""
    rng = random.Random(seed)
    bidders: list[Bidder] = []
    for i in range(n):
        number = f"03732000001250{(i // 2 if shared else i):05d}"
        nmck = Decimal(rng.randrange(100_000, 20_000_000))
        moment = start + timedelta(minutes=i)
        if not shared or i % 2 == 0:
            bidders = bidders_for(rng, nmck, rng.randrange(2, 6))
        if i % 2 == 0:
            yield f"fcsProtocolEF3_{number}_{i}.xml", fcs_protocol_ef3(number, bidders, moment, seed=i)
        else:
            winner = bidders[0]
            lines = [Line(f"Коммутатор доступа, модель {k}", "26.30.11.110", str(rng.randrange(1, 20)), "10000.00",
                          "10000.00", ktru="26.30.11.110-00000050") for k in range(rng.randrange(2, 9))]
            doc = Contract(f"2770123456725{i:06d}", number, winner.price, moment.date().isoformat(), winner, lines,
                           [(moment.date().isoformat(), winner.price)], published=moment)
            yield f"contract_{doc.reg_number}_{i}.xml", contract(doc, seed=i)


def demo_outcomes(notices: Sequence[tuple[str, Decimal]], moment: datetime) -> list[tuple[str, bytes]]:
    """What happened to four demo notices ((number, NMCK) each): cancelled, failed, awarded with a discount,
    contracted with two stages of which the first is paid."""
    (cancelled, _), (failed, _), (awarded, awarded_nmck), (contracted, contracted_nmck) = notices[:4]
    rng = random.Random(4)
    first = bidders_for(rng, awarded_nmck, 3)
    second = bidders_for(rng, contracted_nmck, 2)
    winner = second[0]
    half = (Decimal(winner.price) / 2).quantize(Decimal("0.01"))
    stages = [((moment + timedelta(days=30)).date().isoformat(), str(half)),
              ((moment + timedelta(days=90)).date().isoformat(), str(Decimal(winner.price) - half))]
    deal = Contract(f"1770123456726{contracted[-6:]}", contracted, winner.price, moment.date().isoformat(), winner,
                    [Line("Коммутатор доступа 24 порта PoE+", "26.30.11.110", "10", str(Decimal(winner.price) / 10),
                          winner.price, ktru="26.30.11.110-00000050")], stages, published=moment)
    paid_on = (moment + timedelta(days=1)).date().isoformat()
    return [
        (f"epNotificationCancel_{cancelled}_1.xml",
         notice_cancel(cancelled, "Изменение потребности заказчика в закупаемом оборудовании", moment)),
        (f"fcsProtocolEFInvalidation_{failed}_1.xml",
         fcs_invalidation(failed, "По окончании срока подачи заявок не подано ни одной заявки (ч. 16 ст. 66 44-ФЗ)",
                          moment)),
        (f"fcsProtocolEF3_{awarded}_1.xml", fcs_protocol_ef3(awarded, first, moment, seed=1)),
        (f"fcsProtocolEF3_{contracted}_1.xml", fcs_protocol_ef3(contracted, second, moment, seed=2)),
        (f"contract_{deal.reg_number}_1.xml", contract(deal, seed=3)),
        (f"contractProcedure_{deal.reg_number}_1.xml",
         contract_procedure(deal.reg_number, [(stages[0][0], stages[0][1], paid_on)], moment)),
    ]
