"""A sender that does nothing but send: the push bench's bound for any sender on our HTTP client.

Usage: python -m bench.bare_sender URL BODY_FILE --seconds 10 --in-flight 32 --prefix bare-0

Posts template sends to ``URL`` (``BODY_FILE``: ``{"openids": [...], "body": {...}}``; each send
is the body to the next openid with a ``client_msg_id`` of its own, as wrk's ceiling sends them)
through ``app.http.UpstreamHTTP``, the client every push send goes through, ``--in-flight`` at a
time for ``--seconds``, and prints the number sent as ``sent <n>``. No database, no Redis, no
records, no rendering: what the push bench's workers do per message beyond this is the rest of
their cost (bench/push.py runs two of these beside the emulator).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import orjson
import uvloop

from app.http import UpstreamHTTP


async def send_for(url: str, openids: list[str], body: dict, *, seconds: float, in_flight: int,
                   prefix: str) -> int:
    http = UpstreamHTTP()
    sent = 0
    deadline = time.monotonic() + seconds

    async def sender(lane: int) -> None:
        nonlocal sent
        n = 0
        while time.monotonic() < deadline:
            n += 1
            touser = openids[(lane + n * in_flight) % len(openids)]
            answer = await http.request("POST", url, json={"touser": touser, "client_msg_id": f"{prefix}-{lane}-{n}",
                                                           **body},
                                        timeout=10, service="wechat")
            if answer.is_success:
                sent += 1

    try:
        await asyncio.gather(*(sender(lane) for lane in range(in_flight)))
    finally:
        await http.close()
    return sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("body_file", type=Path)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--in-flight", type=int, default=32)
    parser.add_argument("--prefix", default="bare")
    args = parser.parse_args()
    spec = orjson.loads(args.body_file.read_bytes())
    # On uvloop, as the push workers run.
    sent = uvloop.run(send_for(args.url, spec["openids"], spec["body"], seconds=args.seconds,
                               in_flight=args.in_flight, prefix=args.prefix))
    print("sent", sent, flush=True)


if __name__ == "__main__":
    main()
