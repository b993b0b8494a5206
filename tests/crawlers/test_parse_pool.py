"""The parsing pool: worker processes give exactly what in-process parsing gives, in order, and survive bad
documents and dying workers."""

from __future__ import annotations

import asyncio
import os
import signal

from crawlers.parse_pool import ParsedDocument, ParsePool, parse_for_store
from store.codec import decompress
from testing.eis_generator import generate_notices

MALFORMED = b"<export><epNotificationEF2020><commonInfo>"
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><export>&e;</export>'
PROTOCOL = b'<export xmlns="http://zakupki.gov.ru/oos/export/1"><tenderPlan2020/></export>'


def documents(count: int, seed: int = 31) -> list[tuple[str, bytes]]:
    found = list(generate_notices(count, seed=seed))
    found[3] = ("a.zip!malformed.xml", MALFORMED)
    found[10] = ("a.zip!xxe.xml", XXE)
    found[17] = ("a.zip!protocol.xml", PROTOCOL)
    return found


def summary(parsed: ParsedDocument) -> tuple:
    return (parsed.name, [(n.key, n.version, n.record_hash) for n in parsed.notices], parsed.skipped, parsed.error)


def test_parse_for_store_reports_every_outcome_with_its_source() -> None:
    name, data = next(generate_notices(1, seed=4))
    good = parse_for_store(name, data)
    assert len(good.notices) == 1 and good.error is None and good.skipped is None
    raw = good.notices[0].raw
    assert raw is not None and decompress(raw.content) == data and raw.name == name
    assert "a.zip!bad.xml" in (parse_for_store("a.zip!bad.xml", MALFORMED).error or "")
    assert "a.zip!xxe.xml" in (parse_for_store("a.zip!xxe.xml", XXE).error or "")
    skipped = parse_for_store("a.zip!protocol.xml", PROTOCOL)
    assert skipped.notices == [] and "tenderPlan2020" in (skipped.skipped or "")


def test_workers_give_what_one_process_gives_in_the_same_order() -> None:
    docs = documents(70)
    with ParsePool(0) as serial:
        expected = [summary(parsed) for parsed in serial.parse(docs)]
    with ParsePool(2, chunk=4, min_documents=16) as pool:
        got = [summary(parsed) for parsed in pool.parse(iter(docs))]  # any iterable, read lazily
        assert pool.started  # the workers really ran
    assert got == expected
    assert sum(1 for _, _, _, error in got if error) == 2 and sum(1 for *_, s, _ in got if s) == 1


def test_small_inputs_stay_in_process() -> None:
    with ParsePool(2, min_documents=64) as pool:
        assert len(list(pool.parse(documents(20)))) == 20
        assert not pool.started


def test_parse_async_awaits_the_workers_on_the_running_loop() -> None:
    docs = documents(40)

    async def collect() -> list[tuple]:
        with ParsePool(2, chunk=4, min_documents=8) as pool:
            return [summary(parsed) async for parsed in pool.parse_async(docs)]

    with ParsePool(0) as serial:
        assert asyncio.run(collect()) == [summary(parsed) for parsed in serial.parse(docs)]


def test_a_killed_worker_fails_only_documents_in_flight_and_the_pool_recovers() -> None:
    docs = list(generate_notices(240, seed=8))
    with ParsePool(2, chunk=4, min_documents=8) as pool:
        results = pool.parse(docs)
        first = next(results)
        assert pool.started
        for worker in pool._pool:
            os.kill(worker.process.pid, signal.SIGKILL)
        rest = [first, *results]
    assert [parsed.name for parsed in rest] == [name for name, _ in docs]  # every document accounted for
    failed = [parsed for parsed in rest if parsed.error]
    assert failed and all("аварийно" in (parsed.error or "") and parsed.name in parsed.error for parsed in failed)
    assert all(len(parsed.notices) == 1 for parsed in rest[-40:])  # parsed by the replacement workers


def test_concurrent_archives_take_turns_and_each_gets_its_own_results() -> None:
    first, second = documents(48, seed=41), list(generate_notices(40, seed=42))

    async def collect(pool: ParsePool, docs: list[tuple[str, bytes]]) -> list[tuple]:
        found = []
        async for parsed in pool.parse_async(docs):
            found.append(summary(parsed))
            await asyncio.sleep(0)  # let the other archive's callback run in between, as Scrapy does
        return found

    async def both() -> tuple[list[tuple], list[tuple]]:
        with ParsePool(2, chunk=4, min_documents=8) as pool:
            a, b = await asyncio.gather(collect(pool, first), collect(pool, second))
            return a, b

    with ParsePool(0) as serial:
        expected = ([summary(p) for p in serial.parse(first)], [summary(p) for p in serial.parse(second)])
    assert asyncio.run(both()) == expected


def test_an_abandoned_iteration_leaves_nothing_behind_for_the_next() -> None:
    docs, later = documents(80), list(generate_notices(30, seed=43))
    with ParsePool(2, chunk=4, min_documents=8) as pool:
        for index, _ in enumerate(pool.parse(docs)):
            if index == 5:
                break  # chunks still in flight: their results must not leak into the next call
        got = [summary(parsed) for parsed in pool.parse(later)]
    with ParsePool(0) as serial:
        assert got == [summary(parsed) for parsed in serial.parse(later)]
