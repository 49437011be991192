"""Foundation benchmark: GET /api/v1/me (JWT check + one lookup) against the hello-world ceiling.

Usage: python -m bench.foundation [--workers 1] [--duration 10] [--connections 64]
"""

from __future__ import annotations

import argparse

from bench import fixtures, harness, results, wrk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()

    with harness.hello_ceiling(workers=args.workers) as hello_url:
        ceiling = wrk.run(wrk.Load("hello-world ceiling (bare Sanic)", hello_url,
                                   connections=args.connections, duration_seconds=args.duration))
    with harness.service(workers=args.workers) as stack:
        token = fixtures.resident_tokens(stack.env)[0]
        measured = [
            wrk.run(wrk.Load("GET /healthz", f"{stack.base_url}/healthz", connections=args.connections,
                             duration_seconds=args.duration)),
            wrk.run(wrk.Load("GET /api/v1/me", f"{stack.base_url}/api/v1/me",
                             headers={"Authorization": f"Bearer {token}"},
                             connections=args.connections, duration_seconds=args.duration)),
        ]
    me = measured[-1]
    verdict = (f"`GET /api/v1/me`: {me.requests_per_second / ceiling.requests_per_second:.0%} of the "
               f"ceiling (target ≥ 30 %), p99 {me.p99_ms:.1f} ms (target < 25 ms).")
    body = (f"{args.workers} worker(s), PostgreSQL + Redis, {args.connections} connections, "
            f"{args.duration} s per endpoint after a 2 s warm-up, wrk with 1 thread on the same machine.\n\n"
            + results.table([ceiling, *measured], ceiling.requests_per_second) + "\n\n" + verdict)
    results.write_section("Foundation: GET /api/v1/me", "python -m bench.foundation "
                          f"--workers {args.workers} --duration {args.duration} "
                          f"--connections {args.connections}", body)
    print(body)


if __name__ == "__main__":
    main()
