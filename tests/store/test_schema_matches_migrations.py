"""The tables the migrations build are the tables the models declare, on SQLite and PostgreSQL: a column added to
a model without its migration (or the reverse) fails here, not in a user's database."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import store.analytics_models
import store.outcome_links
import store.pipeline_models  # noqa: F401  (each registers its tables on Base.metadata)
from store.db import init_db
from store.models import Base, RecordJSON


def _declared_difference(diff: Any) -> bool:
    """``RecordJSON`` keeps the JSON column type of migration 0001 on SQLite and stores a zstd blob in it (SQLite's
    type affinity never converts blobs): a difference of declared type only, which the model's docstring owns."""
    return isinstance(diff, list) and diff[0][0] == "modify_type" and isinstance(diff[0][-1], RecordJSON)


def test_migrations_build_exactly_the_declared_tables(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    assert {"notices", "outcomes", "procedure_notices", "pipeline_entries"} <= set(Base.metadata.tables)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [diff for diff in compare_metadata(context, Base.metadata) if not _declared_difference(diff)]
    assert differences == []
