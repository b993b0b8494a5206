"""The stages after crawling, as the nightly run and the demo call them: each returns (status, figures).

Each stage imports its domain when it runs (see ``tenderflow.commands``): the commands that import this module
should not pay for the matcher, the digest or the bids at start-up."""

from __future__ import annotations

from typing import Any

from store.db import make_engine, session_scope
from tenderflow.config import Config


def outcomes_stage(config: Config, db_url: str) -> tuple[str, dict[str, Any]]:
    """Outcomes move the pipeline: a cancelled tender becomes ``cancelled``, an award ``won`` or ``lost``."""
    from bids.company import load_company
    from pipeline.outcomes import apply_stored_outcomes

    inn = load_company(config.company).inn if config.company is not None else None
    with session_scope(make_engine(db_url)) as session:
        summary = apply_stored_outcomes(session, inn)
    return "complete", {"moved": summary.moved, "unchanged": summary.unchanged, "company_inn": bool(inn)}


def match_stage(config: Config, db_url: str) -> tuple[str, dict[str, Any]]:
    """Re-import the configured catalogue (a no-op when unchanged) and match new or changed notices."""
    from matching.catalogue import load_catalogue
    from matching.pipeline import run_matching
    from store.catalogue import CatalogueRepository

    engine = make_engine(db_url)
    if config.catalogue is not None:
        with session_scope(engine) as session:
            CatalogueRepository(session).import_products(load_catalogue(config.catalogue))
    summary = run_matching(engine, workers=config.match_workers)
    status = "complete" if summary.failed == 0 else "partial"
    return status, {"pending": summary.pending, "matched": summary.matched, "relevant": summary.relevant,
                    "possible": summary.possible, "failed": summary.failed, "seconds": round(summary.seconds, 1)}


def digest_stage(config: Config, db_url: str) -> tuple[str, dict[str, Any]]:
    """Write the digest (and calendar); mail it when recipients are configured. Mail failure fails the stage
    and nothing counts as shown, so tomorrow's digest still shows today's news."""
    from bids.sanity import check_texts
    from digest.mail import send_digest
    from digest.publish import publish_digest
    from digest.settings import DigestSettings

    def deliver(published: Any) -> None:
        if config.recipients:
            send_digest(published.digest, published.html, settings=config.smtp, recipients=config.recipients,
                        ics=published.ics)

    published = publish_digest(
        make_engine(db_url),
        config.digest_out,
        settings=DigestSettings(closing_days=config.digest_closing_days, min_score=config.digest_min_score,
                                notice_checks=check_texts),
        ics_path=config.digest_ics,
        deliver=deliver,
    )
    return "complete", {"out": str(published.out), "mailed_to": len(config.recipients)}
