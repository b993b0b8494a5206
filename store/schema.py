"""Canonical records: the contract every layer speaks (ARCHITECTURE.md section 4.1).

A parser turns a source document into a :class:`NoticeRecord`; the store keeps it; matching, bids and the
digest read it. The JSON form (``record.to_json_dict()``) is exactly what ``tenderflow export notices
--format jsonl`` prints, one object per line.

Rules of the contract:
- money and quantities are decimal strings (``"10025050.52"``), never floats;
- timestamps are ISO 8601 strings with their UTC offset, kept as published (``"2025-10-27T09:00:00+03:00"``);
- unknown is ``None`` (JSON ``null``), never ``""`` or ``0``.

Fields may be added (the contract is extended, never broken); none may be renamed or removed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

import orjson
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

_DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
_CANONICAL_DECIMAL_RE = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?\Z")


def to_decimal_str(value: Any) -> str | None:
    """Normalise a number given as str/int/Decimal ("1 234,50", "1234.5") to a plain decimal string.

    Floats are refused: they have already lost precision by the time they reach us.
    """
    if value is None:
        return None
    if isinstance(value, str) and _CANONICAL_DECIMAL_RE.match(value):
        return value  # already canonical: the common case from parsers, and the hot path of validation
    if isinstance(value, float):
        raise ValueError("money and quantities must not be floats")
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    if isinstance(value, int | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        if text == "":
            return None
    else:
        raise ValueError(f"not a decimal: {value!r}")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    normalised = format(number, "f")
    if not _DECIMAL_RE.match(normalised):
        raise ValueError(f"not a decimal: {value!r}")
    return normalised


def _check_aware_iso(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"not an ISO 8601 timestamp: {value!r}") from exc
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp without UTC offset: {value!r}")
    return value


def _check_date_or_aware_iso(value: str | None) -> str | None:
    """A procedure date: a plain ISO date (``2025-10-22``) when published without a time, else a timestamp
    with its UTC offset."""
    if value is None:
        return None
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"not an ISO 8601 date: {value!r}") from exc
        return value
    return _check_aware_iso(value)


def _empty_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


DecimalStr = Annotated[str | None, BeforeValidator(to_decimal_str)]
AwareTimestamp = Annotated[str | None, BeforeValidator(_empty_to_none), AfterValidator(_check_aware_iso)]
DateOrTimestamp = Annotated[str | None, BeforeValidator(_empty_to_none), AfterValidator(_check_date_or_aware_iso)]
OptText = Annotated[str | None, BeforeValidator(_empty_to_none)]

NationalRegime = Literal["ban", "restriction", "advantage"]
CharacteristicKind = Literal["range", "values", "text"]
NoticeStatus = Literal["active", "amended", "cancelled", "closed"]
Law = Literal["44-FZ", "223-FZ", "615-PP", "commercial", "EU"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)

    def to_json_dict(self) -> dict[str, Any]:
        """The contract's JSON object: every field present, unknown as null."""
        return orjson.loads(self.to_json())

    def to_json(self) -> bytes:
        """The contract's JSON text (UTF-8). pydantic-core writes it directly, several times faster than
        ``model_dump(mode="json")`` builds the same object, so :meth:`to_json_dict` goes through it too."""
        return self.__pydantic_serializer__.to_json(self)


class Characteristic(_Record):
    """One requirement on a purchase line (a KTRU characteristic or a text-form one)."""

    name: str
    unit: OptText = None
    kind: CharacteristicKind
    min: DecimalStr = None
    min_inclusive: bool | None = None
    max: DecimalStr = None
    max_inclusive: bool | None = None
    values: list[str] = Field(default_factory=list)
    text: OptText = None
    fill_instruction: OptText = None
    # Extension of contract 4.1 (additive):
    origin: OptText = None
    """Where a requirement came from when not from the notice itself: «ТЗ.docx, таблица 1, строка 5»."""


class Classification(_Record):
    """A classification code of a line other than OKPD2/KTRU (CPV from TED, any OCDS scheme)."""

    scheme: str
    code: str
    description: OptText = None


class Item(_Record):
    """A purchase line (purchase object) of a notice."""

    index: int = Field(ge=1)
    lot: int | None = None
    name: str
    okpd2: OptText = None
    ktru: OptText = None
    quantity: DecimalStr = None
    unit: OptText = None
    unit_price: DecimalStr = None
    sum: DecimalStr = None
    national_regime: NationalRegime | None = None
    characteristics: list[Characteristic] = Field(default_factory=list)
    # Extension of contract 4.1 (additive):
    classifications: list[Classification] = Field(default_factory=list)
    """Codes in other schemes (``{"scheme": "CPV", "code": "32420000", ...}``); OKPD2 and KTRU stay in their fields."""


class Party(_Record):
    name: OptText = None
    inn: OptText = None
    region: OptText = None


class Platform(_Record):
    name: OptText = None
    url: OptText = None


class Security(_Record):
    """An application / contract / warranty security: amount and/or percent of the price."""

    amount: DecimalStr = None
    percent: DecimalStr = None


class Document(_Record):
    name: OptText = None
    url: OptText = None
    kind: OptText = None


class NoticeRecord(_Record):
    """The canonical notice (contract 4.1)."""

    source: str
    number: str = Field(min_length=1)
    version: int | None = None
    law: Law | None = None
    title: OptText = None
    url: OptText = None
    procedure: OptText = None
    procedure_code: OptText = None
    status: NoticeStatus = "active"
    platform: Platform | None = None
    customer: Party | None = None
    nmck: DecimalStr = None
    currency: OptText = None
    published_at: AwareTimestamp = None
    deadline_at: AwareTimestamp = None
    application_security: Security | None = None
    contract_security: Security | None = None
    warranty_security: Security | None = None
    advance_percent: DecimalStr = None
    smp_only: bool | None = None
    delivery_place: OptText = None
    documents: list[Document] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    # Extensions of contract 4.1 (additive):
    ikz: OptText = None
    """Identification code of the purchase (ИКЗ, 36 digits), required in a bank guarantee."""
    auction_at: DateOrTimestamp = None
    """The bidding (auction) date: only a real bidding step, never a review or summing-up date. A plain date
    (``2025-10-22``) when published without a time, else a timestamp with offset."""
    contract_end_at: OptText = None
    """End of contract execution as published (date or timestamp), for guarantee terms."""
    review_at: DateOrTimestamp = None
    """When applications (or their second parts) are examined: EOK ``secondPartsDate``, 223-FZ
    ``examinationDateTime`` / ``quotationExaminationTime``, legacy ``scoring/date``. Date or timestamp."""
    summary_at: DateOrTimestamp = None
    """When the results are summed up (``summarizingDate``, 223-FZ ``summingupDateTime``). Date or timestamp."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.number)


def validate_notice(data: dict[str, Any] | NoticeRecord) -> NoticeRecord:
    """Validate a notice at a boundary (pipeline, import): raises ``pydantic.ValidationError``."""
    if isinstance(data, NoticeRecord):
        return NoticeRecord.model_validate(data.model_dump())
    return NoticeRecord.model_validate(data)


class ProductSpec(_Record):
    """One characteristic of a catalogue product (sheet ``specs`` of contract 4.2)."""

    name: str = Field(min_length=1)
    value: str
    unit: OptText = None


class Product(_Record):
    """A catalogue product (sheet ``products`` of contract 4.2) with its specs."""

    sku: str = Field(min_length=1)
    name: str = Field(min_length=1)
    vendor: OptText = None
    model: OptText = None
    category: OptText = None
    okpd2: OptText = None
    ktru: OptText = None
    price: Annotated[str, BeforeValidator(to_decimal_str)]
    vat_rate: DecimalStr = None
    country: OptText = None
    registry_number: OptText = None
    warranty_months: int | None = None
    description: OptText = None
    specs: list[ProductSpec] = Field(default_factory=list)


Compliance = Literal["yes", "no", "unknown"]


class MatchRow(_Record):
    """One (notice item, candidate product) row of the matches export (contract 4.3)."""

    notice_number: str
    notice_score: int = Field(ge=0, le=100)
    notice_relevant: bool
    item_index: int = Field(ge=1)
    item_name: str
    rank: int = Field(ge=1)
    sku: str
    product_name: str
    score: int = Field(ge=0, le=100)
    compliant: Compliance
    failed: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    """Why not "yes", in Russian: «characteristic: reason» per failed or undecided requirement (additive column)."""
    notice_possible: bool = False
    """The notice is not relevant but would be were its best "unknown" candidates proven (additive column)."""

    def to_flat_dict(self) -> dict[str, Any]:
        """CSV/XLSX form: ``failed`` / ``unknown`` / ``reasons`` joined with ``;``."""
        data = self.model_dump(mode="json")
        data["failed"] = ";".join(self.failed)
        data["unknown"] = ";".join(self.unknown)
        data["reasons"] = ";".join(self.reasons)
        return data
