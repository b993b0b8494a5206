"""Every protocol, contract and contract-execution sample in ../shared/samples through the outcome parsers,
against values read by hand from the XML (read in place; skipped when the samples are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parse_pool import parse_for_store
from crawlers.parsers import IGNORED_KINDS, read_document
from store.outcome_derive import derive
from store.outcome_schema import OutcomeDocument

pytestmark = pytest.mark.samples

P44 = "eis44_protocols_2020__Sterks-rXML"
C44 = "eis44_contracts_legacy__rummolprod999-ParserContracts44"


def read(samples_dir: Path, folder: str, prefix: str) -> tuple[str, list[OutcomeDocument]]:
    matches = sorted((samples_dir / folder).glob(f"{prefix}*.xml"))
    if not matches:
        pytest.skip(f"{folder}/{prefix} absent")
    found = read_document(matches[0].read_bytes(), str(matches[0]))
    return found.family, found.outcomes


def test_ef3_summing_up_names_the_winner_and_every_participant(samples_dir: Path) -> None:
    family, [doc] = read(samples_dir, P44, "fcsProtocolEF3_")
    assert family == "protocol" and doc.result == "decided"
    assert (doc.notice_number, doc.number, doc.decided_at) == (
        "0873500000820003425",
        "0873500000820003425-3-1",
        "2020-10-01",
    )
    assert doc.published_at == "2020-10-01T12:16:07.706+03:00"
    assert len(doc.offers) == 6
    by_place = {offer.place: offer for offer in doc.offers}
    assert (by_place[1].name, by_place[1].inn, by_place[1].offer) == (
        'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТАРГЕТ"',
        "9703009483",
        "1840283.61",
    )
    assert (by_place[2].inn, by_place[2].offer) == ("9729232422", "1960000.00")
    # an individual entrepreneur: name from last / first / middle names, never the contact person's
    assert (by_place[4].name, by_place[4].inn) == ("ЖУКОВ АЛЕКСАНДР АЛЕКСАНДРОВИЧ", "613303041597")
    assert all(offer.admitted for offer in doc.offers)
    outcome = derive(doc.notice_number, [doc])
    assert outcome is not None and outcome.record.outcome == "awarded"
    assert outcome.record.winner.inn == "9703009483" and outcome.record.winner.price == "1840283.61"


def test_ef2_auction_offers_first_and_last(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, P44, "fcsProtocolEF2_")
    assert doc.result == "pending" and doc.notice_number == "0373200557920000359"
    offers = {offer.application: offer for offer in doc.offers}
    assert len(offers) == 5
    assert (offers["1"].first_offer, offers["1"].offer) == ("6742083.65", "6742083.65")
    assert offers["6"].offer == "6695586.52"
    assert offers["3"].offer is None  # applied, made no offer
    assert derive(doc.notice_number, [doc]) is None  # the auction alone decides nothing


def test_ef1_first_parts_admitted_but_nothing_decided(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, P44, "fcsProtocolEF1_")
    assert doc.result == "pending" and len(doc.offers) == 9
    assert [offer.application for offer in doc.offers][:3] == ["1", "2", "3"]
    assert all(offer.admitted is True for offer in doc.offers)


def test_single_application_is_awarded_with_the_failure_reason_kept(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, P44, "fcsProtocolEFSingleApp_")
    [offer] = doc.offers
    assert (offer.name, offer.inn, offer.offer, offer.place) == (
        'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "РУБИТЕХ"',
        "7702404085",
        "265000000.00",
        1,
    )
    assert doc.result == "decided" and doc.reason.startswith("По окончании срока подачи заявок подана только одна")
    assert derive(doc.notice_number, [doc]).record.outcome == "awarded"


@pytest.mark.parametrize(
    ("prefix", "number", "reason"),
    [
        (
            "fcsProtocolEFInvalidation_",
            "0373100034920000012",
            "По окончании срока подачи заявок не подано ни одной заявки (ч. 16 ст. 66 44-ФЗ)",
        ),
        (
            "fcsProtocolEZK1_",
            "0332200014320000017",
            "По окончании срока подачи заявок не подано ни одной заявки (ч. 14 ст. 82.3 Закона № 44-ФЗ).",
        ),
    ],
)
def test_failed_procedures(samples_dir: Path, prefix: str, number: str, reason: str) -> None:
    _, [doc] = read(samples_dir, P44, prefix)
    assert (doc.notice_number, doc.result, doc.reason, doc.decided_at) == (number, "failed", reason, "2020-10-01")
    record = derive(number, [doc]).record
    assert (record.outcome, record.outcome_reason, record.winner) == ("failed", reason, None)


def test_ep_quotation_win_and_second_offer(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, P44, "fcsProtocolEZK2_")
    assert (doc.doc_type, doc.notice_number, doc.version) == ("epProtocolEZK2", "0373200554120000039", 1)
    places = {offer.place: offer for offer in doc.offers}
    assert (places[1].inn, places[1].offer, places[1].name) == (
        "7718927411",
        "99550",
        'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЛЕГИОН-СТРОЙ"',
    )
    assert (places[2].inn, places[2].offer, places[2].name) == (
        "771917383159",
        "99900",
        "Сельченков Сергей Александрович",
    )


def test_ep_tender_first_parts(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, P44, "fcsProtocolEOK1_")
    assert (doc.doc_type, doc.notice_number, doc.result, doc.version) == (
        "epProtocolEOK1",
        "2073400000720000002",
        "pending",
        2,
    )
    assert [offer.application for offer in doc.offers] == ["201", "199", "39", "233"]
    assert doc.decided_at == "2020-09-28"


def test_legacy_contract_with_budget_stages(samples_dir: Path) -> None:
    family, [doc] = read(samples_dir, C44, "contract_3312100001816000003")
    contract = doc.contract
    assert family == "contract" and doc.notice_number == "0126300030515000080"
    assert (contract.reg_number, contract.price, contract.currency, contract.signed_at) == (
        "3312100001816000003",
        "6987268.99",
        "RUB",
        "2016-01-22",
    )
    assert (contract.supplier.name, contract.supplier.inn) == (
        'Филиал ПАО "МРСК Центра" - "Белгородэнерго"',
        "6901067107",
    )
    [item] = contract.items
    assert (item.okpd2, item.quantity, item.unit, item.unit_price, item.sum) == (
        "35.12.10.110",
        "15189715.19",
        "УСЛ ЕД",
        "0.46",
        "6987268.99",
    )  # quantity published as 1.518971519E7
    assert [(stage.due, stage.amount) for stage in contract.execution] == [
        ("2016-12-31", "3493634.50"),
        ("2016-12-31", "3493634.49"),
    ]


def test_legacy_contract_with_21_products(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, C44, "contract_2366200608816001262")
    contract = doc.contract
    assert (doc.notice_number, contract.reg_number, contract.price, contract.signed_at) == (
        "0131200001016005027",
        "2366200608816001262",
        "1207680.35",
        "2016-11-21",
    )
    assert (contract.supplier.name, contract.supplier.inn) == (
        'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "Р-ЛАБ"',
        "6829057730",
    )
    assert len(contract.items) == 21
    first = contract.items[0]
    assert (first.okpd2, first.quantity, first.unit, first.unit_price, first.sum) == (
        "21.20.23.111",
        "7.0",
        "НАБОР",
        "1753.00",
        "12271.00",
    )
    assert first.name.startswith("Щелочная Фосфотаза")


def test_2025_contract_with_an_entrepreneur_supplier(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis44_export_2025__artemmail-gos", "notice_export_2025-11-17_contract_")
    contract = doc.contract
    assert (doc.notice_number, doc.version) == ("0858400000125000112", 0)
    assert (contract.reg_number, contract.price, contract.currency, contract.signed_at) == (
        "1770989550925003831",
        "667600.00",
        "RUB",
        "2025-10-07",
    )
    assert (contract.supplier.name, contract.supplier.inn) == ("КОРОЛЕВА ОЛЬГА ИВАНОВНА", "920160915807")
    assert len(contract.items) == 5
    assert (contract.items[0].quantity, contract.items[0].unit, contract.items[0].sum) == ("17.067", "М2", "220070.48")
    assert [(stage.due, stage.amount) for stage in contract.execution] == [("2025-12-03", "667600.00")]


def test_223_protocol_with_eight_lots(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis223__andreiSaw-zakupki", "31400935277")
    assert (doc.law, doc.notice_number, doc.number, doc.result) == (
        "223-FZ",
        "31400935277",
        "31400935277-03",
        "decided",
    )
    assert doc.published_at == "2014-04-22T15:45:26+04:00"  # Moscow time of 2014, as published without offset
    lot1 = [offer for offer in doc.offers if offer.lot == 1]
    winner = next(offer for offer in lot1 if offer.place == 1)
    # the winner of a request for proposals is not the cheapest: places come from winnerIndication
    assert (winner.inn, winner.offer) == ("5256051148", "62023920.67")
    assert {offer.lot for offer in doc.offers} == set(range(1, 9)) and len(doc.offers) == 11
    derived = derive("31400935277", [doc])
    assert derived.record.winner.inn == "5256051148" and derived.flags  # several lots: said, not hidden


def test_223_sme_quotation_single_admitted_anonymous_application(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis223__andreiSaw-zakupki", "34752044")
    [offer] = doc.offers
    assert (offer.name, offer.inn, offer.offer, offer.place, offer.admitted) == (None, None, "462000.00", 1, True)
    assert doc.reason == "К участию допущена только одна заявка"


def test_223_opening_protocol_decides_nothing(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis223__Khudim-ZakupkiParser", "purchaseProtocol_Krasnodarskii")
    [offer] = doc.offers
    assert (doc.result, offer.inn, offer.offer, offer.admitted) == ("pending", "7710713055", "1055628", None)


def test_223_auction_protocol_single_participant(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis223__Khudim-ZakupkiParser", "purchaseProtocolPAEP_")
    [offer] = doc.offers
    assert (doc.notice_number, offer.name, offer.inn, offer.offer, offer.place) == (
        "31704807799",
        'ООО "Тамбовские семена"',
        "6829105817",
        "362500",
        1,
    )


def test_223_contract_and_performance(samples_dir: Path) -> None:
    _, [doc] = read(samples_dir, "eis223__Homyakin-ZakupkiParser", "contract_Adygeya")
    contract = doc.contract
    assert (doc.notice_number, contract.reg_number, contract.price, contract.signed_at, contract.supplier) == (
        "31908645944",
        "50105018196190002040000",
        "1750000",
        "2019-12-16",
        None,
    )
    assert (contract.items[0].okpd2, contract.items[0].quantity) == ("19.20.3", "102339.18129")
    family, [performance] = read(samples_dir, "eis223__Homyakin-ZakupkiParser", "contractCompleting_test")
    assert family == "execution" and performance.contract_reg_number == "80105015580170000110000"
    assert [(p.amount, p.paid_at) for p in performance.execution] == [("264204.07", "2017-09-30")]


def test_monthly_contract_summary_is_a_known_kind_deliberately_ignored(samples_dir: Path) -> None:
    """``purchaseContractAccount``: a customer's monthly count and cost of contracts, about no purchase: read,
    recognised, and counted as ignored (not as an unknown kind, not as an error)."""
    files = sorted((samples_dir / "eis223__Khudim-ZakupkiParser").glob("purchaseContractAccount_*.xml"))
    if not files:
        pytest.skip("absent")
    found = read_document(files[0].read_bytes(), files[0].name)
    assert (found.family, found.kind, found.notices, found.outcomes) == ("ignored", "purchaseContractAccount", [], [])
    assert "purchaseContractAccount" in IGNORED_KINDS
    parsed = parse_for_store(files[0].name, files[0].read_bytes())
    assert (parsed.family, parsed.skipped, parsed.error, parsed.outcomes) == ("ignored", None, None, [])
