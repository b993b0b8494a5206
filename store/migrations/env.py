"""Alembic environment: runs on the connection ``store.db.init_db`` hands over (or on the configured URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import store.analytics_models
import store.pipeline_models  # noqa: F401
from store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as own_connection:
        _run(own_connection)
