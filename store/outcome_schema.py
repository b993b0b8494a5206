"""Outcome records: what happened to a notice (ARCHITECTURE.md contract 4.5), and the parsed documents it is
derived from.

A parser turns a cancellation, protocol, contract or contract-execution document into one or more
:class:`OutcomeDocument` objects (a document about several lots or several contracts yields several); the store
keeps every distinct version of each, and derives one :class:`OutcomeRecord` per notice from all its documents
(``store.outcome_derive``), whatever order they arrived in.

Rules of the contract (as for notices): money is a decimal string, timestamps ISO 8601 with offset, unknown
is ``None``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from store.schema import AwareTimestamp, DecimalStr, Law, OptText, _Record

Family = Literal["protocol", "contract", "cancellation", "execution"]
"""What a document is about: the crawl reports counts by family (notices aside)."""
Result = Literal["cancelled", "cancel_revoked", "failed", "decided", "pending", "terminated", "evasion_revoked"]
"""What a document says on its own: a cancellation (or its revocation), a failed procedure, a decision
(winner / contract), an intermediate step (first-part review: ``pending``), a contract terminated, a decision
on evasion or deviation cancelled (``epProtocolEvDevCancel``)."""
OutcomeKind = Literal["cancelled", "failed", "awarded", "contracted"]


class Party(_Record):
    name: OptText = None
    inn: OptText = None


class Offer(_Record):
    """One application as a document shows it; several documents about one application are merged."""

    lot: int | None = None
    application: OptText = None
    """The application's journal / registry number within the procedure (how documents refer to it)."""
    name: OptText = None
    inn: OptText = None
    first_offer: DecimalStr = None
    offer: DecimalStr = None
    """The final offer."""
    currency: OptText = None
    admitted: bool | None = None
    place: int | None = None
    winner: bool | None = None
    """Declared the winner by the document (a place may be absent, e.g. a single admitted application)."""
    evaded: bool | None = Field(default=None, exclude_if=lambda value: value is None)
    """Declared to have evaded (or refused) signing the contract (44-FZ ``*ProtocolEvasion``): the contract then
    goes to the next participant by place. Left out of the JSON when unknown, so the documents stored before
    this field existed keep their hash."""


class ContractItem(_Record):
    name: OptText = None
    okpd2: OptText = None
    ktru: OptText = None
    quantity: DecimalStr = None
    unit: OptText = None
    unit_price: DecimalStr = None
    sum: DecimalStr = None


class Execution(_Record):
    """A stage or payment of a contract: ``due`` (planned date), ``amount``, ``paid_at`` (when actually paid)."""

    due: OptText = None
    amount: DecimalStr = None
    paid_at: OptText = None


class ContractInfo(_Record):
    reg_number: OptText = None
    price: DecimalStr = None
    currency: OptText = None
    signed_at: OptText = None
    supplier: Party | None = None
    items: list[ContractItem] = Field(default_factory=list)
    execution: list[Execution] = Field(default_factory=list)


class OutcomeDocument(_Record):
    """One parsed outcome document (or one lot / contract of it)."""

    family: Family
    doc_type: str
    """The document's root element (``fcsProtocolEF3``, ``epNotificationCancel``, ``purchaseProtocol``...)."""
    law: Law | None = None
    notice_number: OptText = None
    contract_reg_number: OptText = None
    """For contracts and their execution: the contract's registry number (execution documents carry only it)."""
    number: OptText = None
    """The document's own number (protocol number, contract registry number, cancellation number...)."""
    version: int | None = None
    published_at: AwareTimestamp = None
    decided_at: OptText = None
    """Date (or timestamp) of the decision the document records: protocol date, signing date, decision date."""
    result: Result | None = None
    reason: OptText = None
    """As published: why the procedure was cancelled / failed, why a contract was terminated."""
    revokes: OptText = None
    """A cancellation of a cancellation: the number of the cancellation it revokes, when published; a cancelled
    decision on evasion or deviation: the number of the protocol it cancels."""
    offers: list[Offer] = Field(default_factory=list)
    contract: ContractInfo | None = None
    execution: list[Execution] = Field(default_factory=list)
    """Execution documents: stages, acceptance and payments."""
    procedure_id: str | None = Field(default=None, exclude_if=lambda value: value is None)
    """eForms procedure identifier (BT-04 ``ContractFolderID``) of a TED contract award notice: the store moves
    its documents to the contract notice of the same procedure once that notice is known (``store.outcome_links``).
    Left out of the JSON when absent, so the documents stored before it existed keep their hash."""

    @property
    def key(self) -> str:
        """The identity of the document across its versions (versions are told apart by their content)."""
        ident = self.number or self.contract_reg_number or self.notice_number or ""
        return f"{self.doc_type}:{ident}"


class Participant(_Record):
    name: OptText = None
    inn: OptText = None
    offer: DecimalStr = None
    admitted: bool | None = None
    place: int | None = None


class Winner(_Record):
    name: OptText = None
    inn: OptText = None
    price: DecimalStr = None
    currency: OptText = None


class DocumentRef(_Record):
    kind: str
    number: OptText = None
    published_at: OptText = None


class OutcomeRecord(_Record):
    """Contract 4.5: one record per notice whose outcome is known."""

    notice_number: str
    law: Law | None = None
    outcome: OutcomeKind
    outcome_reason: OptText = None
    decided_at: OptText = None
    nmck: DecimalStr = None
    participants: list[Participant] = Field(default_factory=list)
    winner: Winner | None = None
    discount_percent: DecimalStr = None
    contract: ContractInfo | None = None
    documents: list[DocumentRef] = Field(default_factory=list)
