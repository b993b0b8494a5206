"""Matching benchmark: a 5,000-product catalogue and 10k / 20k / 40k generated notices.

The catalogue is generated from the demo catalogue's product types (every type gets an equal share of variants
with perturbed numbers, models and prices), so blocks have the size of a real multi-category catalogue. Notices
have 1–5 lines; a line names a product type the way customers do (inflected, with an abbreviation or a Latin
look-alike now and then), carries 3–8 characteristics taken from a catalogue product with perturbed bounds
(ranges with inclusive/exclusive bounds, value sets, yes/no), a quantity, price and national regime; one line
in ten is something we do not sell. Each size runs in its own process so peak memory is its own.

Prints per size: seconds per stage (index, blocking, names, compliance, relevance; wall time summed over
workers), matching wall time and CPU time, lines, name pairs compared (cdist), compliance pairs, pairs/s, the
full cross product and how many times fewer pairs were compared, peak memory; then the growth factor from 20k to
40k notices (2.0 = linear) in wall and CPU time — on a shared machine the CPU figure is the steadier one.
Run: ``python benchmarks/match.py [--sizes 10000 20000 40000] [--products 5000]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching.catalogue import load_catalogue  # noqa: E402
from matching.engine import Matcher, Stats  # noqa: E402
from matching.index import head_of  # noqa: E402
from store.schema import NoticeRecord, Product  # noqa: E402

OTHER_LINES = ["Стол письменный", "Бумага офисная А4", "Услуги по уборке помещений", "Кресло офисное",
               "Перчатки нитриловые", "Огнетушитель порошковый", "Краска фасадная"]  # fmt: skip
SPELLINGS = {"коммутатор": ["Коммутатор", "Коммутаторы управляемые", "Кoммутатор", "Коммутатор ЛВС"],
             "ибп": ["ИБП", "Источник бесперебойного питания", "Источники бесперебойного питания"],
             "мфу": ["МФУ", "Многофункциональное устройство", "МФУ лазерное"],
             "пк": ["Компьютер персональный", "Системный блок", "ПЭВМ", "АРМ"],
             "ноутбук": ["Ноутбук", "Ноутбуки", "Портативный компьютер"]}  # fmt: skip
_NUM = re.compile(r"\d+(?:[.,]\d+)?")


def _perturb_number(text: str, rnd: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        value = float(m.group(0).replace(",", "."))
        factor = rnd.choice([0.5, 0.75, 1, 1, 1.5, 2])
        new = value * factor
        return str(int(new)) if new == int(new) else f"{new:.1f}"

    return _NUM.sub(repl, text, count=1)


def generate_catalogue(size: int, seed: int = 7) -> list[Product]:
    rnd = random.Random(seed)
    demo = load_catalogue(ROOT / "demo" / "catalogue")
    by_head: dict[str, list[Product]] = defaultdict(list)
    for product in demo:
        by_head[head_of(product.name) or "?"].append(product)
    heads = sorted(by_head)
    products = []
    for n in range(size):
        template = rnd.choice(by_head[heads[n % len(heads)]])
        data = template.to_json_dict()
        data["sku"] = f"{template.sku}-V{n:05d}"
        data["model"] = f"{template.model or ''}-{n % 97}"
        data["name"] = f"{template.name} (вариант {n % 97})"
        data["price"] = str(round(float(template.price) * rnd.uniform(0.7, 1.4), 2))
        data["specs"] = [
            {**s, "value": _perturb_number(s["value"], rnd) if rnd.random() < 0.5 else s["value"]}
            for s in data["specs"]
        ]
        products.append(Product.model_validate(data))
    return products


def _characteristic(spec: dict, rnd: random.Random) -> dict:
    value = spec["value"]
    m = _NUM.fullmatch(value.strip())
    if m:
        number = float(value.replace(",", "."))
        bound = number * rnd.choice([0.5, 0.8, 1.0, 1.0, 1.2])
        bound_text = str(int(bound)) if bound == int(bound) else f"{bound:.1f}"
        if rnd.random() < 0.8:
            return {"name": spec["name"], "unit": spec.get("unit"), "kind": "range", "min": bound_text,
                    "min_inclusive": rnd.random() < 0.8}  # fmt: skip
        return {"name": spec["name"], "unit": spec.get("unit"), "kind": "range", "max": bound_text,
                "max_inclusive": True}  # fmt: skip
    if value in ("Да", "Нет") or rnd.random() < 0.7:
        return {"name": spec["name"], "kind": "values", "values": [value]}
    return {"name": spec["name"], "kind": "text", "text": f"не хуже {value}"}


def generate_notices(count: int, products: list[Product], seed: int = 11) -> list[NoticeRecord]:
    rnd = random.Random(seed)
    notices = []
    for n in range(count):
        items = []
        for index in range(1, rnd.randint(1, 5) + 1):
            quantity = rnd.randint(1, 40)
            if rnd.random() < 0.1:
                items.append({"index": index, "name": rnd.choice(OTHER_LINES), "quantity": str(quantity),
                              "unit_price": "1000", "sum": str(quantity * 1000)})  # fmt: skip
                continue
            product = rnd.choice(products)
            head = head_of(product.name) or ""
            name = rnd.choice(SPELLINGS.get(head, [product.name.split(",")[0].split("(")[0].strip()]))
            specs = [s.to_json_dict() for s in product.specs]
            chars = [_characteristic(s, rnd) for s in rnd.sample(specs, min(len(specs), rnd.randint(3, 8)))]
            price = round(float(product.price) * rnd.uniform(0.8, 1.3), 2)
            items.append(
                {"index": index, "name": name, "okpd2": product.okpd2 if rnd.random() < 0.7 else None,
                 "ktru": product.ktru if rnd.random() < 0.5 else None, "quantity": str(quantity),
                 "unit_price": str(price), "sum": str(round(price * quantity, 2)),
                 "national_regime": rnd.choice([None, None, "ban", "restriction"]), "characteristics": chars}
            )  # fmt: skip
        nmck = round(sum(float(i["sum"]) for i in items), 2)
        notices.append(NoticeRecord.model_validate(
            {"source": "bench", "number": f"B{n:07d}", "nmck": str(nmck), "items": items}))  # fmt: skip
    return notices


_matcher: Matcher | None = None


def _init(products: list[Product]) -> None:
    global _matcher
    _matcher = Matcher(products)


def _partition(notices: list[NoticeRecord]) -> tuple[int, dict]:
    assert _matcher is not None
    cpu = time.process_time()
    relevant = 0
    for start in range(0, len(notices), 2000):
        relevant += sum(r.relevant for r in _matcher.match_many(notices[start : start + 2000]))
    st = _matcher.stats
    return relevant, {"lines": st.lines, "name_pairs": st.name_pairs, "compliance_pairs": st.compliance_pairs,
                      "seconds": dict(st.seconds), "cpu": time.process_time() - cpu}  # fmt: skip


def run_size(size: int, products_count: int, workers: int = 1) -> dict:
    products = generate_catalogue(products_count)
    notices = generate_notices(size, products)
    started = time.perf_counter()
    _init(products)
    index_seconds = time.perf_counter() - started
    started = time.perf_counter()
    if workers <= 1:
        parts = [_partition(notices)]
    else:
        from concurrent.futures import ProcessPoolExecutor

        chunk = -(-len(notices) // workers)
        with ProcessPoolExecutor(workers, initializer=_init, initargs=(products,)) as pool:
            parts = list(pool.map(_partition, [notices[i : i + chunk] for i in range(0, len(notices), chunk)]))
    seconds = time.perf_counter() - started
    relevant = sum(p[0] for p in parts)
    cpu_seconds = sum(p[1]["cpu"] for p in parts)
    stats = Stats()
    for _, part in parts:
        stats.lines += part["lines"]
        stats.name_pairs += part["name_pairs"]
        stats.compliance_pairs += part["compliance_pairs"]
        for stage, value in part["seconds"].items():
            stats.seconds[stage] += value
    cross = stats.lines * len(products)
    return {
        "notices": size, "lines": stats.lines, "index_s": round(index_seconds, 2),
        "stages_s": {k: round(v, 2) for k, v in stats.seconds.items()}, "match_s": round(seconds, 2),
        "match_cpu_s": round(cpu_seconds, 2),
        "name_pairs": stats.name_pairs, "compliance_pairs": stats.compliance_pairs,
        "pairs_per_s": round((stats.name_pairs + stats.compliance_pairs) / seconds),
        "cross_product": cross, "fewer_pairs_x": round(cross / max(stats.name_pairs, 1), 1),
        "relevant": relevant, "workers": workers,
        "peak_mb": round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                             resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024, 1),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="matching benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=1, help="processes matching notice partitions")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, args.products, args.workers)))
        return 0
    results = {}
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--products", str(args.products), "--workers",
             str(args.workers)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results[size] = result
        print(json.dumps(result, ensure_ascii=False))
    if 20_000 in results and 40_000 in results:
        growth = results[40_000]["match_s"] / results[20_000]["match_s"]
        cpu_growth = results[40_000]["match_cpu_s"] / results[20_000]["match_cpu_s"]
        print(f"growth factor 20k -> 40k notices: wall {growth:.2f}, CPU {cpu_growth:.2f} (2.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
