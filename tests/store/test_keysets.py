"""Look-ups of many keys in one bound parameter (``store.keysets.Lookup``) on SQLite and PostgreSQL: exactly the
rows whose key is among the values, however many values, whatever their characters."""

from __future__ import annotations

from sqlalchemy import insert, select

from store.db import init_db, session_scope
from store.keysets import Lookup
from store.models import RawDocument, utcnow

_RAW = RawDocument.__table__
_BY_SHA = Lookup(lambda among: select(_RAW.c.sha256, _RAW.c.name).where(among(_RAW.c.sha256)))
_NAMED = Lookup(lambda among: select(_RAW.c.name).where(among(_RAW.c.sha256), _RAW.c.size > 1))


def test_lookup_returns_exactly_the_rows_among_the_values(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    keys = [f"{n:064x}" for n in range(1500)] + ["ключ с \"кавычками\", запятой и ] скобкой", "a'b"]
    with session_scope(engine) as session:
        session.execute(insert(_RAW), [
            {"sha256": key, "name": f"doc {n}", "size": n, "content": b"x", "created_at": utcnow()}
            for n, key in enumerate(keys)
        ])
    wanted = keys[::3] + keys[-2:] + ["absent", ""]  # 500 stored keys, more than one statement's usual IN list
    with session_scope(engine) as session:
        found = dict(_BY_SHA(session, wanted).all())
        assert found == {key: f"doc {keys.index(key)}" for key in keys[::3] + keys[-2:]}
        assert _BY_SHA(session, []).all() == []
        assert sorted(_NAMED(session, keys[:4]).scalars()) == ["doc 2", "doc 3"]  # other conditions still apply
