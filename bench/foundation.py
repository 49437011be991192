"""Foundation benchmark: GET /api/v1/me (JWT check + one lookup) against the hello-world ceiling.

Usage: python -m bench.foundation [--workers 1] [--duration 10] [--connections 64] [--rounds 3]

The ceiling and ``/me`` are measured in alternating rounds, both servers up throughout: this
host's speed drifts by a third within a minute, so a ceiling measured once and ``/me`` a minute
later compared whatever the host did in between. Each round pairs a ceiling run with the ``/me``
run right after it; the ratio reported is the median of the rounds' ratios, every round listed.
"""

from __future__ import annotations

import argparse

from bench import fixtures, harness, results, wrk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    def load(name: str, url: str, **extra) -> wrk.Load:
        return wrk.Load(name, url, connections=args.connections, duration_seconds=args.duration, **extra)

    with harness.hello_ceiling(workers=args.workers) as hello_url, \
            harness.service(workers=args.workers) as stack:
        token = fixtures.resident_tokens(stack.env)[0]
        health = wrk.run(load("GET /healthz", f"{stack.base_url}/healthz"))
        rounds = []
        for _ in range(args.rounds):
            ceiling = wrk.run(load("hello-world ceiling (bare Sanic)", hello_url))
            me = wrk.run(load("GET /api/v1/me", f"{stack.base_url}/api/v1/me",
                              headers={"Authorization": f"Bearer {token}"}))
            rounds.append((ceiling, me))
    ceiling, me = results.median_round(rounds, lambda r: r[1].requests_per_second / r[0].requests_per_second)
    listed = "; ".join(f"{c.requests_per_second:,.0f} vs {m.requests_per_second:,.0f}/s, "
                       f"{m.requests_per_second / c.requests_per_second:.0%}, p99 {m.p99_ms:.1f} ms"
                       for c, m in rounds)
    worst_p99 = max(m.p99_ms for _, m in rounds)
    verdict = (f"`GET /api/v1/me`: {me.requests_per_second / ceiling.requests_per_second:.0%} of the "
               f"ceiling, the median of {len(rounds)} rounds (target ≥ 30 %); p99 at most "
               f"{worst_p99:.1f} ms over all rounds (target < 25 ms).")
    body = (f"{args.workers} worker(s), PostgreSQL + Redis, {args.connections} connections, "
            f"{args.duration} s per run after a 2 s warm-up, wrk with 1 thread on the same machine. "
            f"The ceiling and `/me` alternate in {len(rounds)} rounds; the table shows the median "
            "round, `/healthz` was measured once before them.\n\n"
            + results.table([ceiling, health, me], ceiling.requests_per_second)
            + f"\n\nEvery round (ceiling vs `/me`): {listed}.\n\n" + verdict)
    results.write_section("Foundation: GET /api/v1/me", "python -m bench.foundation "
                          f"--workers {args.workers} --duration {args.duration} "
                          f"--connections {args.connections} --rounds {args.rounds}", body)
    print(body)


if __name__ == "__main__":
    main()
