"""Catalog benchmark on a 10,000-item synthetic catalog (PostgreSQL + Redis).

Usage: python -m bench.catalog [--workers 1] [--duration 10] [--items 10000] [--rounds 3]
Item detail is measured cached (the normal state of a hot item); search is measured twice: a
rotation of common queries (cached after their first use) and distinct requests that each miss
every cache tier and go to PostgreSQL's indexes: substrings of 2-6 characters of item names,
distinct in the letters and digits the search compares (a query left with one or two is looked
up in the gram index, a longer one in the trigram index), each with page sizes 16-25, so no
request of the run repeats a cache key (the names have only ~12,300 distinct such queries,
fewer than a run sends). The cache misses are measured in ``--rounds``
runs, each on requests of its own, and the round with the median p99 is reported (every round
listed): this host's speed drifts by a fifth within minutes, and one run is one sample of it.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from urllib.parse import quote

import httpx

from bench import harness, results, wrk
from services.catalog.search import normalise

COMMON_QUERIES = ["身份证", "sfz", "社保", "户口迁移", "企业设立", "不动产", "hkqy", "营业执照", "医保",
                  "出生", "退休", "公积金", "驾驶证", "sbk", "居住证", "婚姻登记"]


def rotation_script(paths: list[str]) -> str:
    listed = ", ".join(json.dumps(p) for p in paths)
    return (f"paths = {{{listed}}}\ni = 0\nrequest = function()\n  i = i + 1\n"
            "  return wrk.format(\"GET\", paths[((i - 1) % #paths) + 1])\nend\n")


def search_path(query: str) -> str:
    return "/api/v1/catalog/search?q=" + quote(query)


PAGE_SIZES = range(16, 26)


def distinct_queries(catalog_file: Path, count: int) -> list[str]:
    """Substrings of 2-6 characters of item names (at most ``count``), distinct as the search sees
    them: two that differ only in punctuation are one query, and one with no letter or digit is no
    query at all (the search compares letters and digits only)."""
    names = [item["name"] for item in json.loads(catalog_file.read_text())["items"]]
    rng = random.Random(7)
    queries: dict[str, str] = {}  # by the search's normal form
    for _ in range(count * 50):
        if len(queries) >= count:
            break
        name = rng.choice(names)
        length = rng.randint(2, min(6, len(name)))
        start = rng.randint(0, len(name) - length)
        query = name[start:start + length]
        if searched := normalise(query):
            queries.setdefault(searched, query)
    return list(queries.values())


def distinct_search_paths(catalog_file: Path) -> list[str]:
    """Search requests that each miss the caches: every name substring at every page size,
    shuffled so that a run sees the query mix, not one query at ten sizes in a row."""
    paths = [f"{search_path(q)}&limit={size}" for q in distinct_queries(catalog_file, 30000)
             for size in PAGE_SIZES]
    random.Random(11).shuffle(paths)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with harness.hello_ceiling(workers=args.workers) as hello_url:
        ceiling = wrk.run(wrk.Load("hello-world ceiling (bare Sanic)", hello_url, connections=64,
                                   duration_seconds=args.duration))
    catalog_file = harness.OUT_DIR / f"catalog-{args.items}.json"
    with harness.service(workers=args.workers) as stack:
        harness.run_cli(stack.env, "generate-catalog", "--items", str(args.items), str(catalog_file))
        harness.run_cli(stack.env, "sync-catalog", str(catalog_file))
        listing = httpx.get(f"{stack.base_url}/api/v1/catalog/items?limit=5", timeout=30).json()
        item_id = listing["items"][0]["id"]
        misses = distinct_search_paths(catalog_file)
        per_round = len(misses) // args.rounds
        # Each round: a quarter of its own requests for the warm-up, the rest for the run.
        warmup_size = per_round // 4
        slices = [misses[k * per_round:(k + 1) * per_round] for k in range(args.rounds)]
        detail = wrk.run(wrk.Load("GET /api/v1/catalog/items/{id} (cached)",
                                  f"{stack.base_url}/api/v1/catalog/items/{item_id}", connections=64,
                                  duration_seconds=args.duration))
        common = wrk.run(wrk.Load("GET /api/v1/catalog/search (common queries)", stack.base_url,
                                  connections=32, duration_seconds=args.duration,
                                  lua=rotation_script([search_path(q) for q in COMMON_QUERIES])))
        miss_rounds = [wrk.run(wrk.Load("GET /api/v1/catalog/search (distinct queries, cache misses)",
                                        stack.base_url, connections=32, duration_seconds=args.duration,
                                        lua=rotation_script(part[warmup_size:]),
                                        warmup_lua=rotation_script(part[:warmup_size])))
                       for part in slices]
    miss = results.median_round(miss_rounds, lambda r: r.p99_ms)
    measured_size = per_round - warmup_size
    most_sent = max(r.requests_per_second for r in miss_rounds) * args.duration
    distinct = (f"Cache misses: {args.rounds} rounds, each with {measured_size:,} distinct requests of its "
                "own for the run (name substrings of 2-6 characters × page sizes "
                f"{PAGE_SIZES.start}-{PAGE_SIZES.stop - 1}) "
                f"and {warmup_size:,} others for its warm-up; at most {most_sent:,.0f} were sent in a "
                "round, so " + ("none repeated." if most_sent <= measured_size
                                else "some repeated and hit the cache."))
    listed = "; ".join(f"{r.requests_per_second:,.0f}/s, p99 {r.p99_ms:.1f} ms" for r in miss_rounds)
    verdict = (f"Item detail (cached): {detail.requests_per_second / ceiling.requests_per_second:.0%} of the "
               f"ceiling (target ≥ 50 %). Search p99 at 32 connections: {common.p99_ms:.1f} ms "
               f"common, {miss.p99_ms:.1f} ms on cache misses, the median of {args.rounds} rounds "
               f"(target < 30 ms). Every cache-miss round: {listed}.")
    body = (f"{args.items:,} synthetic items synced into PostgreSQL, {args.workers} worker(s), Redis; "
            f"wrk with 1 thread on the same machine, {args.duration} s per row after a 2 s warm-up. "
            f"{distinct}\n\n"
            + results.table([ceiling, detail, common, miss], ceiling.requests_per_second) + "\n\n" + verdict)
    results.write_section("Catalog: item detail and search", "python -m bench.catalog "
                          f"--workers {args.workers} --duration {args.duration} --items {args.items} "
                          f"--rounds {args.rounds}", body)
    print(body)


if __name__ == "__main__":
    main()
