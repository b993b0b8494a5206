"""The match stage streams: few batches in flight, each saved before more are read; explanations arrive
serialised and read back as they were matched; any number of workers gives the results of one."""

from __future__ import annotations

import pytest

import matching.pipeline as pipeline
from matching.catalogue import load_catalogue
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.matches import MatchRepository
from tests.matching.conftest import DEMO_CATALOGUE
from tests.matching.test_store_pipeline import SWITCHES, rows, upsert

NAMES = ["Ноутбук", "ИБП 3 кВА", "Монитор 27", "МФУ", "Коммутатор 24 порта", "Сервер", "Стол", "Кресло",
         "Принтер", "Маршрутизатор", "Точка доступа"]  # fmt: skip


def notices() -> list[dict]:
    return [
        {**SWITCHES, "number": f"01732000001250002{i:02d}", "items": [{**SWITCHES["items"][0], "name": name}]}
        for i, name in enumerate(NAMES)
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_stream_and_results_do_not_depend_on_workers(tmp_path, monkeypatch, workers: int) -> None:
    monkeypatch.setattr(pipeline, "BATCH", 2)
    events: list[str] = []
    load_batch, save = pipeline.load_batch, MatchRepository.save

    def counted_load(session, ids):
        events.append("load")
        return load_batch(session, ids)

    def counted_save(self, results, catalogue_hash):
        events.append("save")
        return save(self, results, catalogue_hash)

    monkeypatch.setattr(pipeline, "load_batch", counted_load)
    monkeypatch.setattr(MatchRepository, "save", counted_save)
    reference = init_db(f"sqlite:///{tmp_path / 'reference.db'}")
    engine = init_db(f"sqlite:///{tmp_path / 'streamed.db'}")
    for target in (reference, engine):
        with session_scope(target) as session:
            CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
        upsert(target, *notices())
    monkeypatch.setattr(pipeline, "BATCH", 100)
    run_matching(reference, workers=1)
    events.clear()
    monkeypatch.setattr(pipeline, "BATCH", 2)

    summary = run_matching(engine, workers=workers)
    assert summary.matched == len(NAMES)
    assert events.count("load") == events.count("save") == 6
    in_flight = peak = 0
    for event in events:
        in_flight += 1 if event == "load" else -1
        peak = max(peak, in_flight)
    assert peak <= workers + 1, events
    assert rows(engine) == rows(reference) and rows(engine)
    with session_scope(engine) as session:
        stored = MatchRepository(session).candidates(1)
        assert stored and all(isinstance(c.explanation, dict) and "requirements" in c.explanation for c in stored)
