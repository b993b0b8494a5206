"""The company profile (``company.toml``): requisites, signatory, commercial terms and the dossier."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BankAccount(_Model):
    name: str
    bik: str
    account: str
    corr_account: str | None = None


class Signatory(_Model):
    name: str
    position: str
    basis: str = "Устава"


class Terms(_Model):
    """Default commercial terms of a proposal (a notice's own terms take precedence where it has them)."""

    delivery: str = "в соответствии с условиями контракта"
    payment: str = "в соответствии с условиями контракта"
    warranty_months: int | None = None
    validity_days: int = 30
    vat: str = "rate"
    """``rate``: VAT at the rule set's rate; ``none``: not a VAT payer (``vat_basis`` says why)."""
    vat_basis: str | None = None


class DossierDocument(_Model):
    key: str
    name: str
    issued: date | None = None
    valid_until: date | None = None
    note: str | None = None


class Company(_Model):
    name: str
    short_name: str | None = None
    inn: str = Field(pattern=r"^\d{10}(\d{2})?$")
    kpp: str | None = Field(default=None, pattern=r"^\d{9}$")
    ogrn: str | None = Field(default=None, pattern=r"^\d{13}(\d{2})?$")
    address: str
    phone: str | None = None
    email: str | None = None
    smp: bool = False
    bank: BankAccount
    signatory: Signatory
    terms: Terms = Field(default_factory=Terms)
    documents: list[DossierDocument] = Field(default_factory=list)
    proposal_template: Path | None = None
    """A DOCX template of the commercial proposal (docxtpl tags, see bids/templates/proposal.docx)."""

    def document(self, key: str) -> DossierDocument | None:
        return next((d for d in self.documents if d.key == key), None)


class CompanyError(ValueError):
    pass


def load_company(path: Path) -> Company:
    """Read and validate a company profile; errors name the file and the field."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CompanyError(f"профиль компании {path}: {exc}") from exc
    try:
        company = Company.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CompanyError(f"профиль компании {path}: поле {where}: {first['msg']}") from exc
    if company.proposal_template is not None:
        template = (Path(path).parent / company.proposal_template).resolve()
        if not template.is_file():
            raise CompanyError(f"профиль компании {path}: нет шаблона КП {template}")
        company.proposal_template = template
    return company
