"""Local sources through the real ``tenderflow crawl eis-xml --path``: every shape users have (loose folder,
nested folders, zips, zips in folders, one zip, one XML, ``file://`` URL) stores every document, with the same
export whatever the shape, without going through the downloader; a re-crawl recognises unchanged documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.db import init_db, session_scope
from store.models import CrawlRun, NoticeVersion, RawDocument
from testing.eis_generator import generate_notices
from testing.eis_shapes import SHAPES, write_shape
from tests.crawlers.test_eis_xml_spider import crawl

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 70  # above the parse pool's minimum batch (64): loose files too go to the workers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, bytes]]]:
    root = tmp_path_factory.mktemp("shapes")
    documents = list(generate_notices(DOCUMENTS, seed=5))
    for shape in SHAPES:
        write_shape(documents, root, shape)
    return root, documents


def health(db_url: str) -> tuple[int, int, dict]:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        versions = session.scalar(select(func.count()).select_from(NoticeVersion))
        raws = session.scalar(select(func.count()).select_from(RawDocument))
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        return versions, raws, {"status": run.status, **run.stats}


def exported(db_url: str, out: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(out) + ".log",
         "export", "notices", "--out", str(out)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return sorted(out.read_text(encoding="utf-8").splitlines())


def crawl_log(db_url: str) -> str:
    return (Path(db_url.split("///")[-1]).parent / "crawl.log").read_text()


def test_every_shape_stores_every_document_with_the_same_export(corpus, tmp_path: Path) -> None:
    root, documents = corpus
    exports = {}
    for shape in SHAPES:
        folder = tmp_path / shape
        folder.mkdir()
        db_url = f"sqlite:///{folder / 'shape.db'}"
        workers = 2 if shape in ("folder", "zips-in-folders") else 0
        result = crawl(db_url, str(root / shape), workers=workers)
        assert result.returncode == 0, result.stderr
        versions, _, figures = health(db_url)
        assert versions == len(documents), (shape, figures)
        assert figures["documents"] == len(documents) and figures["parse_errors"] == 0
        assert figures["requests"] == 0, "a local source must not go through the downloader"
        assert figures["status"] == "complete"
        if workers:
            assert "разбор документов в 2 процессах" in crawl_log(db_url)
        exports[shape] = exported(db_url, folder / "notices.jsonl")
    reference = exports.pop("folder")
    assert len(reference) == len({name.split("_")[1] for name, _ in documents})
    for shape, lines in exports.items():
        assert lines == reference, f"{shape} exports differently from a loose folder"


def test_single_document_and_file_url(corpus, tmp_path: Path) -> None:
    root, documents = corpus
    db_url = f"sqlite:///{tmp_path / 'one.db'}"
    name = documents[0][0]
    assert crawl(db_url, str(root / "folder" / name)).returncode == 0
    assert health(db_url)[0] == 1
    assert crawl(db_url, (root / "nested").as_uri()).returncode == 0
    versions, _, figures = health(db_url)
    assert versions == len(documents) and figures["requests"] == 0
    assert (figures["unchanged_documents"], figures["unchanged"]) == (1, 1)


def test_recrawl_recognises_unchanged_documents_without_parsing_them(corpus, tmp_path: Path) -> None:
    root, documents = corpus
    db_url = f"sqlite:///{tmp_path / 'again.db'}"
    assert crawl(db_url, str(root / "zips"), workers=2).returncode == 0
    first_versions, first_raws, _ = health(db_url)
    log = Path(db_url.split("///")[-1]).parent / "crawl.log"
    log.unlink()

    again = crawl(db_url, str(root / "zips"), workers=2)
    assert again.returncode == 0, again.stderr
    versions, raws, figures = health(db_url)
    assert (versions, raws) == (first_versions, first_raws)
    assert figures["unchanged_documents"] == figures["documents"] == len(documents)
    assert figures["unchanged"] == len(documents) and figures["new"] == figures["updated"] == 0
    assert figures["items"] == len(documents), "recognised notices count as seen (the run is not 'partial')"
    assert figures["status"] == "complete"
    assert "разбор документов" not in log.read_text(), "nothing was parsed"

    # One document changes: only it is parsed and stored as a new version.
    changed = root / "changed"
    write_shape(documents[:-1], changed, "folder")
    name, data = documents[-1]
    (changed / "folder" / name).write_bytes(data.replace(b"</", b"\n</", 1))
    assert crawl(db_url, str(changed / "folder")).returncode == 0
    versions, raws, figures = health(db_url)
    assert figures["unchanged_documents"] == len(documents) - 1
    assert raws == first_raws + 1


def test_parsing_workers_warm_up_only_for_a_new_big_input(corpus, tmp_path: Path, monkeypatch) -> None:
    """The workers' server starts loading when the spider is made, for an input the workers will parse: big
    enough (64 documents, or archives) and not a re-crawl of documents stored already."""
    from scrapy.utils.test import get_crawler

    from crawlers.parse_pool import ParsePool
    from crawlers.spiders.eis_xml import EisXmlSpider

    root, _ = corpus
    warmed: list[str] = []
    monkeypatch.setattr(ParsePool, "warm_up", lambda pool: warmed.append("warm"))
    db_url = f"sqlite:///{tmp_path / 'warm.db'}"
    init_db(db_url).dispose()
    small = tmp_path / "small"
    small.mkdir()
    for file in sorted((root / "folder").iterdir())[:3]:
        (small / file.name).write_bytes(file.read_bytes())

    def spider_for(path: Path) -> EisXmlSpider:
        crawler = get_crawler(EisXmlSpider, {"TENDERFLOW_DB": db_url, "TENDERFLOW_PARSE_WORKERS": "2"})
        return EisXmlSpider.from_crawler(crawler, path=str(path))

    assert spider_for(root / "zips").files and warmed == ["warm"]
    assert spider_for(small).files and warmed == ["warm"]  # three documents: parsed in the crawler's process
    assert crawl(db_url, str(root / "zips")).returncode == 0
    spider_for(root / "zips")
    assert warmed == ["warm"], "a re-crawl of stored documents parses nothing: no workers needed"


def test_a_member_named_like_a_document_that_is_an_archive_is_read_as_one(tmp_path: Path) -> None:
    """The workers unpack a local archive's XML members; one that turns out to be an archive (as the crawler
    read such members before) comes back and is read as an archive, and a broken member is reported by name."""
    import io
    import zipfile

    documents = list(generate_notices(3, seed=12))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as handle:
        handle.writestr(*documents[0])
    folder = tmp_path / "day"
    folder.mkdir()
    with zipfile.ZipFile(folder / "day.zip", "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("packed.xml", inner.getvalue())
        handle.writestr(*documents[1])
        handle.writestr("broken.xml", b"<export>" + b"x" * 4000 + b"</export>")
    data = bytearray((folder / "day.zip").read_bytes())
    start = data.index(b"broken.xml") + len(b"broken.xml")
    for offset in range(5, 10):
        data[start + offset] ^= 0xFF
    (folder / "day.zip").write_bytes(bytes(data))
    db_url = f"sqlite:///{tmp_path / 'packed.db'}"
    crawl(db_url, str(folder))  # one document of three lost: the run is partial (exit code 3)
    versions, _, figures = health(db_url)
    assert versions == 2 and figures["documents"] == 3, figures
    assert "day.zip!broken.xml" in crawl_log(db_url)
