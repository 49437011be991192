"""Pre-review benchmark: applications with two 1 MiB materials, and worker memory under 10 MiB uploads.

Usage: python -m bench.prereview [--applications 100] [--concurrency 16] [--large-uploads 20]
A 2-worker service on PostgreSQL + Redis with local storage. Each application is driven over
HTTP as a resident would: create the draft, upload its two required materials (the request body
is the file, streamed), submit. Then ``--large-uploads`` uploads of HDT_UPLOAD_MAX_BYTES (10 MiB)
run at once while the RSS of both workers is sampled every 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator

import httpx

from bench import fixtures, harness, memory, results
from bench.memory import mib
from config import Settings

ITEM_CODE = "110108HDGA002"  # 居民身份证补领 in the demo catalog: exactly two required materials
ITEM_NAME = "居民身份证补领"
FORM = {"applicant_name": "张三", "id_number": "110108199003071238", "phone": "13800138000"}
PDF_HEAD, PDF_TAIL = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", b"\n%%EOF\n"
CHUNK = 64 * 1024


def pdf_bytes(size: int) -> bytes:
    """A file of exactly ``size`` bytes that the content sniffer takes for a PDF."""
    return PDF_HEAD + b"0" * (size - len(PDF_HEAD) - len(PDF_TAIL)) + PDF_TAIL


async def pdf_stream(size: int) -> AsyncIterator[bytes]:
    """The same file in 64 KiB chunks, so the client never holds it whole either."""
    yield PDF_HEAD
    padding = size - len(PDF_HEAD) - len(PDF_TAIL)
    block = b"0" * CHUNK
    while padding > 0:
        yield block[:min(CHUNK, padding)]
        padding -= CHUNK
    yield PDF_TAIL


async def item_id(base_url: str) -> str:
    """The id of the demo item, found the way a resident finds it: by search."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        page = (await http.get("/api/v1/catalog/search", params={"q": ITEM_NAME})).json()
    return next(item["id"] for item in page["items"] if item["code"] == ITEM_CODE)


async def create_draft(http: httpx.AsyncClient, token: str, item: str) -> str:
    response = await http.post("/api/v1/applications", json={"item_id": item, "form_data": FORM},
                               headers={"authorization": f"Bearer {token}"})
    response.raise_for_status()
    return response.json()["id"]


async def upload(http: httpx.AsyncClient, token: str, application: str, index: int,
                 content: bytes | AsyncIterator[bytes], size: int) -> httpx.Response:
    return await http.put(f"/api/v1/applications/{application}/materials/{index}",
                          params={"filename": f"material-{index}.pdf"}, content=content,
                          headers={"authorization": f"Bearer {token}", "content-type": "application/pdf",
                                   "content-length": str(size)})


async def submit_all(base_url: str, tokens: list[str], item: str, material: bytes,
                     concurrency: int) -> tuple[dict[str, list[float]], float, Counter]:
    """Every resident creates, uploads two materials and submits; returns (ms per step, seconds, outcomes)."""
    steps: dict[str, list[float]] = {"create draft": [], "upload 1 MiB": [], "submit": [], "whole application": []}
    outcomes: Counter = Counter()
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=120,
                                 limits=httpx.Limits(max_connections=concurrency)) as http:
        async def one(token: str) -> None:
            async with gate:
                began = time.perf_counter()
                application = await create_draft(http, token, item)
                steps["create draft"].append((time.perf_counter() - began) * 1000)
                for index in (0, 1):
                    sent = time.perf_counter()
                    (await upload(http, token, application, index, material, len(material))).raise_for_status()
                    steps["upload 1 MiB"].append((time.perf_counter() - sent) * 1000)
                sent = time.perf_counter()
                response = await http.post(f"/api/v1/applications/{application}/submit",
                                           headers={"authorization": f"Bearer {token}"})
                steps["submit"].append((time.perf_counter() - sent) * 1000)
                steps["whole application"].append((time.perf_counter() - began) * 1000)
                outcomes[response.json()["state"] if response.status_code == 200
                         else response.json()["error"]["code"]] += 1

        began = time.perf_counter()
        await asyncio.gather(*[one(token) for token in tokens])
        elapsed = time.perf_counter() - began
    return steps, elapsed, outcomes


async def large_uploads(base_url: str, tokens: list[str], item: str, size: int,
                        workers: list[int]) -> tuple[memory.RssSampler, float, Counter]:
    """One ``size``-byte upload per resident, all at once, sampling the workers' RSS."""
    async with httpx.AsyncClient(base_url=base_url, timeout=300,
                                 limits=httpx.Limits(max_connections=len(tokens))) as http:
        drafts = [await create_draft(http, token, item) for token in tokens]
        await asyncio.sleep(1)  # let the workers settle after the drafts before the baseline
        with memory.RssSampler(workers) as sampler:
            began = time.perf_counter()
            responses = await asyncio.gather(*[upload(http, token, draft, 0, pdf_stream(size), size)
                                               for token, draft in zip(tokens, drafts, strict=True)])
            elapsed = time.perf_counter() - began
        sampler.settle()
    return sampler, elapsed, Counter(r.status_code for r in responses)


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--large-uploads", type=int, default=20)
    args = parser.parse_args()

    upload_dir = harness.OUT_DIR / "uploads"
    large_size = Settings().upload_max_bytes
    material = pdf_bytes(2**20)
    try:
        with harness.service(workers=2, extra_env={"HDT_STORAGE_DIR": str(upload_dir)}) as stack:
            item = asyncio.run(item_id(stack.base_url))
            tokens = fixtures.resident_tokens(stack.env, args.applications + args.large_uploads, realname=True)
            load_before = harness.load_average()
            steps, elapsed, outcomes = asyncio.run(submit_all(stack.base_url, tokens[:args.applications], item,
                                                              material, args.concurrency))
            workers = memory.sanic_workers(stack.server_pid)
            sampler, large_elapsed, large_codes = asyncio.run(large_uploads(
                stack.base_url, tokens[args.applications:], item, large_size, workers))
            load_after = harness.load_average()
    finally:
        shutil.rmtree(upload_dir, ignore_errors=True)

    rows = ["| step | count | p50 ms | p99 ms |", "|---|---|---|---|"]
    rows += [f"| {name} | {len(ms)} | {percentile(ms, 0.5):.1f} | {percentile(ms, 0.99):.1f} |"
             for name, ms in steps.items()]
    megabytes = args.applications * 2 * len(material) / 2**20
    peaks = sorted(sampler.peaks.values(), key=lambda p: p.peak - p.before, reverse=True)
    held = sum(p.peak - p.before for p in peaks)
    memory_rows = ["| worker | RSS before | peak RSS | RSS after | peak − before |", "|---|---|---|---|---|"]
    memory_rows += [f"| pid {p.pid} | {mib(p.before)} | {mib(p.peak)} | {mib(p.after)} | {mib(p.peak - p.before)} |"
                    for p in peaks]
    total = args.large_uploads * large_size
    body = (f"2 workers, PostgreSQL + Redis, local storage; httpx clients on the same machine. Load average "
            f"{load_before} before the run, {load_after} after it.\n\n"
            f"**Submitting an application with two 1 MiB materials** ({ITEM_CODE} {ITEM_NAME}: create the "
            f"draft, PUT each material as the request body, submit), {args.applications} residents, "
            f"{args.concurrency} at a time:\n\n" + "\n".join(rows)
            + f"\n\n{args.applications / elapsed:,.1f} applications/s ({megabytes / elapsed:,.1f} MiB/s of "
            f"materials) over {elapsed:.1f} s; outcomes {dict(outcomes)}.\n\n"
            f"**{args.large_uploads} uploads of {large_size:,} bytes at once** ({mib(total)} in all, "
            f"{large_elapsed:.1f} s, statuses {dict(large_codes)}), worker RSS sampled every 10 ms:\n\n"
            + "\n".join(memory_rows)
            + f"\n\nBoth workers together grew by {mib(held)} at the peak while {mib(total)} went through them: "
            f"{mib(held / args.large_uploads)} per upload, {held / total:.1%} of the bytes uploaded. "
            "The upload is written to a temporary file chunk by chunk while it is hashed; no file is held "
            "whole in memory.\n\n"
            "The materials are sent as the raw request body (PUT); `multipart/form-data` uploads, as "
            "`wx.uploadFile` sends them, stream through the same staging path (docs/prereview.md).")
    results.write_section("Pre-review: applications and upload memory",
                          f"python -m bench.prereview --applications {args.applications} "
                          f"--concurrency {args.concurrency} --large-uploads {args.large_uploads}", body)
    print(body)


if __name__ == "__main__":
    main()
