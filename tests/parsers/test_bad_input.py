"""Hostile and broken input: every case raises ParseError naming the source, nothing is read or expanded."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import ParseError, UnknownDocumentKind, parse_document
from crawlers.parsers.xmlsafe import parse_xml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "eis"
SOURCE = "archive.zip!/notice_0151300000125000101.xml"


def expect_error(data: bytes, fragment: str = "") -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_document(data, SOURCE)
    assert caught.value.source == SOURCE and str(caught.value).startswith(SOURCE)
    assert fragment in caught.value.message
    return caught.value


def test_malformed_xml() -> None:
    expect_error(b"<export><epNotificationEF2020><id>1</epNotificationEF2020>", "повреждённый XML")


def test_truncated_document() -> None:
    data = (FIXTURES / "ef2020_ict.xml").read_bytes()
    expect_error(data[: len(data) // 2], "повреждённый XML")


def test_empty_document() -> None:
    expect_error(b"   \n", "пустой документ")


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE export [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<export><epNotificationEF2020><commonInfo><purchaseNumber>&xxe;</purchaseNumber>"
        "</commonInfo></epNotificationEF2020></export>"
    ).encode()
    error = expect_error(data, "сущност")
    assert "TOP-SECRET" not in str(error)


def test_external_entity_not_resolved_even_by_the_raw_parser(tmp_path: Path) -> None:
    """Defence in depth: the parser itself leaves the reference unexpanded."""
    from lxml import etree

    from crawlers.parsers import xmlsafe

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    data = f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>'.encode()
    root = etree.fromstring(data, xmlsafe._parser())
    assert b"TOP-SECRET" not in etree.tostring(root)


def test_billion_laughs_is_refused() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    data = f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(levels)}]><lolz>&lol9;</lolz>'.encode()
    expect_error(data, "entity")


def test_wrong_encoding_declared() -> None:
    """windows-1251 bytes declared as UTF-8 are a clear error, not mojibake."""
    text = (
        (FIXTURES / "purchase_notice_ep_cp1251.xml")
        .read_bytes()
        .replace(b'encoding="windows-1251"', b'encoding="UTF-8"')
    )
    expect_error(text, "повреждённый XML")


def test_unknown_encoding_name() -> None:
    expect_error(b'<?xml version="1.0" encoding="x-no-such-charset"?><a/>')


def test_windows_1251_declared_parses() -> None:
    data = '<?xml version="1.0" encoding="windows-1251"?><a>Коммутатор</a>'.encode("cp1251")
    assert parse_xml(data, SOURCE).text == "Коммутатор"


def test_unknown_document_kind_names_source_and_kind() -> None:
    data = b'<export xmlns="http://zakupki.gov.ru/oos/export/1"><fcsProtocolEF3><id>1</id></fcsProtocolEF3></export>'
    with pytest.raises(UnknownDocumentKind) as caught:
        parse_document(data, SOURCE)
    assert caught.value.kind == "fcsProtocolEF3"
    assert SOURCE in str(caught.value) and "fcsProtocolEF3" in str(caught.value)


def test_cancellation_is_not_taken_for_a_notice() -> None:
    data = (
        b"<export><epNotificationCancel><commonInfo><purchaseNumber>1</purchaseNumber></commonInfo>"
        b"</epNotificationCancel></export>"
    )
    with pytest.raises(UnknownDocumentKind):
        parse_document(data, SOURCE)


def test_notice_without_number() -> None:
    expect_error(b"<export><epNotificationEF2020><commonInfo/></epNotificationEF2020></export>", "purchaseNumber")


def test_223_notice_without_items() -> None:
    expect_error(b"<purchaseNotice><header/><body/></purchaseNotice>", "нет извещения (body/item")


def test_not_bytes() -> None:
    with pytest.raises(ParseError):
        parse_xml("<a/>", SOURCE)  # type: ignore[arg-type]


def test_record_failing_the_contract_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever slips through extraction is caught by the contract's validation, naming the source."""
    from crawlers import parsers

    def broken(node, source_name):  # type: ignore[no-untyped-def]
        return [{"source": "eis44", "number": "1", "nmck": "12,5 млн"}]

    monkeypatch.setattr(parsers, "_PARSERS", (("epNotification", broken),))
    error = expect_error(b"<export><epNotificationEF2020/></export>", "извещение не прошло проверку: nmck")
    assert error.source == SOURCE


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY x "FROM-THE-DTD">', encoding="utf-8")
    data = f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "{dtd.as_uri()}"><r>&x;</r>'.encode()
    error = expect_error(data, "внешним DTD")
    assert "FROM-THE-DTD" not in str(error)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.stem)
def test_damaged_documents_only_ever_raise_parse_error(path: Path) -> None:
    """Truncations and flipped bytes anywhere in a real-format document: records or ParseError, no crash."""
    import random

    data = path.read_bytes()
    rng = random.Random(path.name)
    damaged = [data[:cut] for cut in sorted(rng.sample(range(1, len(data)), 25))]
    for _ in range(25):
        position = rng.randrange(len(data))
        damaged.append(data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :])
    for sample in damaged:
        try:
            records = parse_document(sample, path.name)
        except ParseError as error:
            assert error.source == path.name
        else:
            assert all(record.number for record in records)
