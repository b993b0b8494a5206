"""Items spiders yield. Pipelines validate and store them; spiders never touch the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.outcome_prepared import PreparedOutcome
from store.prepared import PreparedNotice
from store.schema import NoticeRecord


@dataclass
class NoticeItem:
    """A canonical notice and the source document it came from. The notice is a :class:`NoticeRecord`,
    its JSON dict (validated by the pipeline), or a :class:`PreparedNotice`: validated and encoded by a
    parsing worker, with its source document inside."""

    record: NoticeRecord | PreparedNotice | dict[str, Any]
    raw: bytes | None = None
    raw_name: str | None = None
    source_url: str | None = None

    def __repr__(self) -> str:  # logs and errors name the notice, never dump the document
        record = self.record
        if isinstance(record, NoticeRecord | PreparedNotice):
            source, number, version = record.source, record.number, record.version
        else:
            source, number, version = record.get("source"), record.get("number"), record.get("version")
        return f"<NoticeItem {source} {number} v{version} from {self.raw_name or self.source_url}>"


@dataclass
class NoticeBatch:
    """Notices of several source documents in one item, validated and encoded by the parsing workers (a local
    EIS export: ``eis-xml``). Scrapy's per-item machinery (the engine's start loop, the pipelines' chain, the
    ``item_scraped`` signal and its receivers) cost the crawler process, which also stores every notice, about
    a tenth of a millisecond per item; in batches of 25 it is paid once per batch. The store pipeline counts a
    batch as its notices in ``item_scraped_count``, as one item per notice counted before."""

    notices: list[PreparedNotice]

    def __repr__(self) -> str:
        return f"<NoticeBatch of {len(self.notices)} notices>"


@dataclass
class OutcomeItem:
    """An outcome document (cancellation, protocol, contract, execution: contract 4.5), parsed and encoded."""

    document: PreparedOutcome
    raw_name: str | None = None

    def __repr__(self) -> str:
        return f"<OutcomeItem {self.document.key} ({self.document.notice_number}) from {self.raw_name}>"


@dataclass
class OutcomeBatch:
    """Outcome documents of several source documents in one item. An outcome document is small (~16 KB, where
    a notice is ~140 KB) and Scrapy's per-item machinery (the engine's start loop, the pipelines' chain, the
    ``item_scraped`` signal) cost a local crawl of 10,000 of them ~0.9 s of CPU in the crawler process, about
    what storing them costs; in batches it is a thirtieth of that. The store pipeline counts a batch as its
    documents in ``item_scraped_count``, as one item per document counted before."""

    documents: list[PreparedOutcome]

    def __repr__(self) -> str:
        return f"<OutcomeBatch of {len(self.documents)} outcome documents>"
