"""Ledger benchmark at 1,000,000 entries: appends/s, inclusion and consistency proof time and size.

Usage: python -m bench.ledger [--entries 1000000] [--batch 10000] [--appends 2000] [--tasks 50]
The log is filled through ``services.ledger.append_batch`` (one transaction per batch, the same
leaves and nodes as one-by-one appends); the fill's root is checked against a tree computed here
from the returned leaves. At full size, appends are measured through ``services.ledger.append``
(the call other domains make), each in its own transaction, from ``--tasks`` concurrent tasks;
proofs are fetched over HTTP from a running 1-worker service and checked with the offline verifier.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time

import httpx
from tortoise.transactions import in_transaction

from app.cli.runtime import cli_runtime
from bench import fixtures, harness, results
from config import Settings
from ledger_verifier import CompactRange, SignedHead, check_inclusion, hash_leaf, load_jwks, verify_consistency
from services import ledger

PROOFS = 200


def transition(n: int) -> dict:
    return {"application_id": f"app-{n}", "from_state": "submitted", "to_state": "in_review",
            "actor_id": "staff-bench", "actor_role": "reviewer"}


async def fill(settings: Settings, count: int, batch: int, sample: set[int]) -> tuple[float, dict[int, str]]:
    """Append ``count`` records in batches; returns (seconds, entry id of each sampled index)."""
    ids: dict[int, str] = {}
    tree = CompactRange()
    async with cli_runtime(settings):
        began = time.perf_counter()
        for start in range(0, count, batch):
            entries = await ledger.append_batch(records=[("application_transition", transition(n))
                                                         for n in range(start, min(start + batch, count))])
            for entry in entries:
                tree.append(hash_leaf(entry.leaf.encode("utf-8")))
                if entry.seq in sample:
                    ids[entry.seq] = str(entry.id)
        elapsed = time.perf_counter() - began
        if await ledger.root_at(count) != tree.root():
            raise SystemExit("the stored root differs from the root of the appended leaves")
    return elapsed, ids


async def append_many(settings: Settings, count: int, tasks: int) -> float:
    """Append ``count`` records through ``ledger.append`` from ``tasks`` concurrent tasks; returns seconds."""
    async with cli_runtime(settings):
        async def worker(share: int) -> None:
            for n in range(share):
                async with in_transaction():
                    await ledger.append(record_type="application_transition", data=transition(n))

        began = time.perf_counter()
        await asyncio.gather(*[worker(count // tasks) for _ in range(tasks)])
        return time.perf_counter() - began


def timed_get(http: httpx.Client, path: str, **params: int) -> tuple[float, dict]:
    began = time.perf_counter()
    response = http.get(path, params=params)
    elapsed = (time.perf_counter() - began) * 1000
    response.raise_for_status()
    return elapsed, response.json()


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share * 100) - 1]


def proof_row(name: str, timings: list[float], sizes: list[int]) -> str:
    return (f"| {name} | {len(timings)} | {statistics.median(timings):.1f} | {percentile(timings, 0.99):.1f} | "
            f"{min(sizes)}–{max(sizes)} ({max(sizes) * 32} bytes at most) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--tasks", type=int, default=50)
    args = parser.parse_args()

    rng = random.Random(3)
    sample = set(rng.sample(range(args.entries), PROOFS))
    with harness.service(workers=1) as stack:
        settings = fixtures.settings_of(stack.env)
        load_before = harness.load_average()
        fill_seconds, ids = asyncio.run(fill(settings, args.entries, args.batch, sample))
        harness.run_cli(stack.env, "ledger-sign-head")
        append_seconds = asyncio.run(append_many(settings, args.appends, args.tasks))
        harness.run_cli(stack.env, "ledger-sign-head")
        load_after = harness.load_average()
        inclusion_ms: list[float] = []
        inclusion_sizes: list[int] = []
        consistency_ms: list[float] = []
        consistency_sizes: list[int] = []
        with httpx.Client(base_url=stack.base_url, timeout=30) as http:
            keys = load_jwks(http.get("/api/v1/ledger/keys").json())
            for index in sorted(sample):
                elapsed, bundle = timed_get(http, f"/api/v1/ledger/entries/{ids[index]}/proof")
                check_inclusion(bundle, keys)
                inclusion_ms.append(elapsed)
                inclusion_sizes.append(len(bundle["proof"]["hashes"]))
            first, second = (SignedHead.from_json(h) for h in http.get("/api/v1/ledger/heads").json()["items"])
            for first_size in [first.tree_size] + rng.sample(range(1, second.tree_size), PROOFS - 1):
                elapsed, proof = timed_get(http, "/api/v1/ledger/consistency", first=first_size,
                                           second=second.tree_size)
                consistency_ms.append(elapsed)
                consistency_sizes.append(len(proof["hashes"]))
                if first_size == first.tree_size and not verify_consistency(
                        first_size=first.tree_size, first_root=first.root_hash, second_size=second.tree_size,
                        second_root=second.root_hash, path=[bytes.fromhex(h) for h in proof["hashes"]]):
                    raise SystemExit("the consistency proof between the two signed heads does not verify")
    appended = args.appends // args.tasks * args.tasks
    size = second.tree_size
    body = (f"PostgreSQL, 1-worker service. Load average {load_before} before the run, {load_after} after "
            "it (other engineers share the 2 cores).\n\n"
            f"**Fill**: {args.entries:,} entries through `services.ledger.append_batch`, {args.batch:,} per "
            f"transaction, in {fill_seconds:.0f} s ({args.entries / fill_seconds:,.0f} entries/s); the stored "
            "root equals the root of the returned leaves computed here.\n\n"
            "| log size | path | tasks | appends | appends/s |\n|---|---|---|---|---|\n"
            f"| 0 → {args.entries:,} | `append_batch`, {args.batch:,} per transaction | 1 | {args.entries:,} | "
            f"{args.entries / fill_seconds:,.0f} |\n"
            f"| {args.entries:,} → {size:,} | `append`, one transaction per append | {args.tasks} | {appended:,} | "
            f"{appended / append_seconds:,.0f} |\n\n"
            f"**Proofs** over HTTP at {size:,} entries (sequential requests, one client), every inclusion "
            "proof checked with `ledger_verifier.check_inclusion` against the published keys and the "
            f"consistency proof between the heads at {first.tree_size:,} and {size:,} with `verify_consistency`:\n\n"
            "| proof | requests | p50 ms | p99 ms | hashes |\n|---|---|---|---|---|\n"
            + proof_row(f"inclusion (entries sampled across the log, head {size:,})", inclusion_ms,
                        inclusion_sizes) + "\n"
            + proof_row(f"consistency (random first size → {size:,})", consistency_ms, consistency_sizes)
            + f"\n\nProof size is O(log n): ⌈log2 n⌉ = {(size - 1).bit_length()}; an inclusion proof has at most "
            "⌈log2 n⌉ hashes of 32 bytes, a consistency proof at most ⌈log2 n⌉ + 1.")
    results.write_section("Ledger: appends and proofs", f"python -m bench.ledger --entries {args.entries} "
                          f"--batch {args.batch} --appends {args.appends} --tasks {args.tasks}", body)
    print(body)


if __name__ == "__main__":
    main()
