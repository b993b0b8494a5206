"""Project-authored documents in shapes the samples lack: an e-tender summing-up (``epProtocolEOK3``: the price
is the offer scored under the cost criterion, the winner is not the cheapest) and a 615-PP auction (offers
directly under the application)."""

from __future__ import annotations

from crawlers.parsers import read_document
from store.outcome_derive import derive

EXPORT = (
    '<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1" '
    'xmlns:ns3="http://zakupki.gov.ru/oos/common/1" xmlns:ns8="http://zakupki.gov.ru/oos/EPtypes/1">'
)


def tender_application(number: int, name: str, inn: str, offer: str, rating: int) -> str:
    return (
        f"<ns8:applicationInfo><ns8:commonInfo><ns8:appNumber>{number}</ns8:appNumber><ns8:admissionResultsInfo>"
        "<ns8:admissionResultInfo><ns8:admitted>true</ns8:admitted></ns8:admissionResultInfo>"
        "</ns8:admissionResultsInfo></ns8:commonInfo><ns8:appParticipantInfo><ns3:legalEntityRFInfo>"
        f"<ns3:fullName>{name}</ns3:fullName><ns3:INN>{inn}</ns3:INN></ns3:legalEntityRFInfo></ns8:appParticipantInfo>"
        f"<ns8:admittedInfo><ns8:appAdmittedInfo><ns8:score>70.5</ns8:score><ns8:appRating>{rating}</ns8:appRating>"
        "<ns8:conditionsScoringInfo><ns8:conditionScoringInfo><ns8:costCriterionInfo><ns8:code>CP</ns8:code>"
        f"<ns8:offer>{offer}</ns8:offer></ns8:costCriterionInfo></ns8:conditionScoringInfo><ns8:conditionScoringInfo>"
        "<ns8:qualitativeCriterionInfo><ns8:code>QO</ns8:code><ns8:indicatorsInfo><ns8:indicatorInfo>"
        "<ns8:offer>29</ns8:offer></ns8:indicatorInfo></ns8:indicatorsInfo></ns8:qualitativeCriterionInfo>"
        "</ns8:conditionScoringInfo></ns8:conditionsScoringInfo></ns8:appAdmittedInfo></ns8:admittedInfo>"
        "</ns8:applicationInfo>"
    )


def test_tender_summing_up_takes_the_cost_criterion_offer() -> None:
    data = (
        f"{EXPORT}<ns2:epProtocolEOK3><ns8:versionNumber>1</ns8:versionNumber><ns8:commonInfo>"
        "<ns8:purchaseNumber>0373200000126000501</ns8:purchaseNumber><ns8:docNumber>ППИ1</ns8:docNumber>"
        "<ns8:publishDTInEIS>2026-03-02T10:45:57+03:00</ns8:publishDTInEIS><ns8:signDT>2026-03-02+03:00</ns8:signDT>"
        "</ns8:commonInfo><ns8:protocolInfo><ns8:applicationsInfo>"
        + tender_application(1, "ООО «КАЧЕСТВО»", "7701234560", "7649776.38", 1)
        + tender_application(2, "ООО «ДЁШЕВО»", "7802345671", "4949600.00", 2)
        + "</ns8:applicationsInfo></ns8:protocolInfo></ns2:epProtocolEOK3></ns2:export>"
    ).encode()
    [document] = read_document(data, "eok3.xml").outcomes
    record = derive("0373200000126000501", [document]).record
    assert (record.outcome, record.winner.inn, record.winner.price) == ("awarded", "7701234560", "7649776.38")
    assert [(p.inn, p.offer, p.place, p.admitted) for p in record.participants] == [
        ("7701234560", "7649776.38", 1, True),
        ("7802345671", "4949600.00", 2, True),
    ]
    assert record.decided_at == "2026-03-02"


def test_615_auction_offer_under_the_application() -> None:
    data = (
        f"{EXPORT}<ns2:pprf615ProtocolEF2><ns8:commonInfo><ns8:purchaseNumber>027300000012601473</ns8:purchaseNumber>"
        "<ns8:publishDTInEIS>2026-03-02T10:45:57+03:00</ns8:publishDTInEIS></ns8:commonInfo><ns8:protocolInfo>"
        "<ns8:applications><ns8:application><ns8:journalNumber>1</ns8:journalNumber><ns8:appParticipantInfo>"
        "<ns3:legalEntityRFInfo><ns3:fullName>ООО «КРОВЛЯ»</ns3:fullName><ns3:INN>7723806652</ns3:INN>"
        "</ns3:legalEntityRFInfo></ns8:appParticipantInfo><ns8:lastOffer><ns8:price>16519417.98</ns8:price>"
        "</ns8:lastOffer><ns8:appRating>1</ns8:appRating></ns8:application></ns8:applications></ns8:protocolInfo>"
        "</ns2:pprf615ProtocolEF2></ns2:export>"
    ).encode()
    [document] = read_document(data, "615.xml").outcomes
    assert (document.law, document.result) == ("615-PP", "decided")
    assert (document.offers[0].inn, document.offers[0].offer, document.offers[0].place) == (
        "7723806652",
        "16519417.98",
        1,
    )
