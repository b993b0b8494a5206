"""Produce a digest end to end: read the store, write the HTML page (and calendar), remember what was shown.

Used by ``tenderflow digest`` and by the nightly run, so both behave the same.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from digest.ics import render_ics
from digest.model import Digest
from digest.overdue import overdue_block
from digest.query import Since, build_digest, remember
from digest.render import render_digest
from digest.settings import DigestSettings
from store.db import Engine, session_scope


@dataclass
class Published:
    digest: Digest
    html: str
    ics: bytes | None
    out: Path
    ics_path: Path | None


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a reader never opens half a digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def new_digest_id(now: datetime) -> str:
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def publish_digest(
    engine: Engine,
    out: Path,
    *,
    settings: DigestSettings | None = None,
    since: Since | None = None,
    min_score: int | None = None,
    ics_path: Path | None = None,
    now: datetime | None = None,
    record: bool = True,
    deliver: Callable[[Published], None] | None = None,
) -> Published:
    """Build, render and write the digest; with ``record`` the shown notices stop being "new" next time.

    ``deliver`` (e.g. sending the mail) runs before recording: if it fails, nothing counts as shown.
    """
    now = now or datetime.now(UTC)
    digest_id = new_digest_id(now)
    with session_scope(engine) as session:
        digest = build_digest(session, now=now, since=since, min_score=min_score, settings=settings)
        digest.digest_id = digest_id
        digest.overdue = overdue_block(session, now, digest.closing_days)
        html = render_digest(digest)
        ics = render_ics(digest) if ics_path is not None else None
        write_atomically(out, html.encode("utf-8"))
        if ics_path is not None and ics is not None:
            write_atomically(ics_path, ics)
        published = Published(digest, html, ics, out, ics_path)
        if deliver is not None:
            deliver(published)
        if record:
            remember(session, digest, digest_id)
    return published
