"""Application contents part by part, each line with its article (Art. 43 ч. 1, 48 ч. 2, 49 ч. 1, 50 ч. 1)."""

from bids.checklist import build_checklist
from bids.ruleset import load_rules
from store.schema import NoticeRecord

RULES = load_rules("2026-02-02")


def _items(notice: NoticeRecord) -> list[dict]:
    return build_checklist(notice, {}, [], RULES).items


def _letters(items: list[dict], part: str | None = None) -> str:
    return " ".join(x["article"] for x in items if part is None or x.get("part") == part)


def test_contest_qualification_is_in_the_second_part_and_national_regime_has_a_part(notice_of) -> None:
    items = _items(notice_of("contest_44"))
    first, second, third = (_letters(items, p) for p in ("Первая часть", "Вторая часть", "Третья часть"))
    assert "п. 1 «р»" in second and "п. 1 «р»" not in first
    assert "квалификац" not in " ".join(x["text"].lower() for x in items if x.get("part") == "Первая часть")
    for letter in ("«а»", "«б»", "«г»"):
        assert f"п. 2 {letter}" in first
    for letter in ("«м»", "«н»", "«о»", "«п»"):
        assert f"п. 1 {letter}" in second
    assert "п. 2 «в»" in second and "ч. 1 п. 5" in second
    assert "п. 3-4" in third
    assert all(x.get("part") for x in items)


def test_quotation_has_the_conformity_documents_and_the_price(notice_of) -> None:
    articles = _letters(_items(notice_of("quotation_44")))
    for ref in ("п. 2 «в»", "ч. 1 п. 5", "п. 1 «м»", "«о»", "п. 1 «п»", "п. 2 «а»", "ст. 50 ч. 1"):
        assert ref in articles


def test_auction_follows_article_49(notice_of) -> None:
    articles = _letters(_items(notice_of("auction_44")))
    assert "п. 2 «в»" in articles and "ч. 1 п. 5" in articles and "«г»" not in articles


def test_national_regime_line_only_when_a_measure_applies(notice_of) -> None:
    data = notice_of("auction_44").model_dump()
    for item in data["items"]:
        item["national_regime"] = None
    assert "ч. 1 п. 5" not in _letters(_items(NoticeRecord.model_validate(data)))


def test_223_notices_cite_223_fz_only(notice_of, products) -> None:
    for name in ("generic_223", "sme_223"):
        notice = notice_of(name)
        checklist = build_checklist(notice, products, [], RULES)
        cited = [x["article"] for x in checklist.items] + [d["article"] for ln in checklist.lines for d in ln.documents]
        assert cited and all("44-ФЗ" not in a for a in cited), name
        assert all("RULES.md" not in a for a in cited)
    generic = _letters(_items(notice_of("generic_223")))
    assert "ст. 3.4" not in generic
