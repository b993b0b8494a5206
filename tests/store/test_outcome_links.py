"""TED contract award notices join the contract notice of their procedure (eForms BT-04 ``ContractFolderID``):
the award's outcome stands under the contract notice's number, with its NMCK and discount, whichever of the two
arrives first; the real eForms SDK samples are read in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.parsers.eforms import parse_eforms
from crawlers.parsers.eforms_outcomes import extract, procedure_id
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.outcomes import OutcomeRepository
from store.schema import NoticeRecord

SDK = "ted_eforms__OP-TED-eForms-SDK"
PROCEDURE = "022d0ef9-6338-42d9-afa4-a87709128061"  # the ContractFolderID of can_24_minimal.xml
AWARD, NOTICE = "612345-2019", "598765-2019"
CONTRACT_NOTICE = NoticeRecord(source="ted", number=NOTICE, law="EU", nmck="100000.00", currency="EUR", status="active")


def sample(samples_dir: Path, name: str) -> bytes:
    file = samples_dir / SDK / name
    if not file.is_file():
        pytest.skip(f"{name} absent")
    return file.read_bytes()


def records(url: str) -> dict[str, dict]:
    with session_scope(init_db(url)) as session:
        return {r.notice_number: r.to_json_dict() for r in OutcomeRepository(session).iter_records()}


def store_award(url: str, data: bytes) -> None:
    with session_scope(init_db(url)) as session:
        OutcomeRepository(session).store(extract(data, AWARD))


def link_notice(url: str) -> None:
    with session_scope(init_db(url)) as session:
        NoticeRepository(session).upsert(CONTRACT_NOTICE)
        OutcomeRepository(session).link_notices({PROCEDURE: NOTICE})


@pytest.mark.samples
def test_the_procedure_identifier_is_read_from_both_kinds_of_notice(samples_dir: Path) -> None:
    assert {d.procedure_id for d in extract(sample(samples_dir, "can_24_minimal.xml"), AWARD)} == {PROCEDURE}
    assert procedure_id(sample(samples_dir, "cn_24_minimal.xml")) == "4805c409-5939-4be9-8abd-837f7a5fee23"


@pytest.mark.samples
def test_an_award_notice_joins_its_contract_notice_in_either_order(
    samples_dir: Path, any_db_url: str, tmp_path: Path
) -> None:
    data = sample(samples_dir, "can_24_minimal.xml")
    store_award(any_db_url, data)
    assert list(records(any_db_url)) == [AWARD]  # no contract notice yet: the award stands alone
    link_notice(any_db_url)
    found = records(any_db_url)
    assert list(found) == [NOTICE]  # moved: the award's own outcome is gone
    record = found[NOTICE]
    assert (record["outcome"], record["nmck"], record["discount_percent"]) == ("contracted", "100000.00", "4.59")
    assert (record["winner"]["name"], record["winner"]["price"]) == ("Espaces Verts Lemire", "95414")
    assert [d["kind"] for d in record["documents"]] == ["ted:can", "ted:contract"]

    store_award(any_db_url, data)  # the same award again changes nothing
    assert records(any_db_url) == found
    other = f"sqlite:///{tmp_path / 'notice-first.db'}"
    link_notice(other)
    store_award(other, data)
    assert records(other) == found


@pytest.mark.samples
def test_the_ted_crawl_links_an_award_to_its_contract_notice(samples_dir: Path, tmp_path: Path) -> None:
    award = sample(samples_dir, "can_24_minimal.xml")
    contract_notice = sample(samples_dir, "cn_24_minimal.xml")
    folder = tmp_path / "ted"
    folder.mkdir()
    (folder / "1-award.xml").write_bytes(award)  # the award first, then the contract notice of its procedure
    same_procedure = contract_notice.replace(b"4805c409-5939-4be9-8abd-837f7a5fee23", PROCEDURE.encode())
    (folder / "2-notice.xml").write_bytes(same_procedure)
    db = f"sqlite:///{tmp_path / 't.db'}"
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(tmp_path / "c.log"),
               "crawl", "ted", "--path", str(folder)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode in (0, 3), result.stderr
    notice = parse_eforms(same_procedure)
    [(number, record)] = records(db).items()
    assert number == notice.number != "65667997-031a-4198-bd25-7225449ef479"  # not the award notice's own id
    assert (record["outcome"], record["nmck"], record["winner"]["price"]) == ("contracted", notice.nmck, "95414")


@pytest.mark.samples
def test_an_earlier_publication_of_the_procedure_found_later_takes_the_outcome_over(
    samples_dir: Path, db_url: str
) -> None:
    link_notice(db_url)
    store_award(db_url, sample(samples_dir, "can_24_minimal.xml"))
    assert list(records(db_url)) == [NOTICE]
    with session_scope(init_db(db_url)) as session:
        OutcomeRepository(session).link_notices({PROCEDURE: "598700-2019"})  # published before 598765-2019
    assert list(records(db_url)) == ["598700-2019"]
