"""Identity benchmark: mini-program login (code -> code2session at the emulator -> our tokens).

Usage: python -m bench.identity [--workers 1] [--duration 10] [--connections 64]
Each request spends a fresh single-use wx.login code minted beforehand at the WeChat emulator
on the same machine; 500 distinct test users log in again and again, as returning residents do.
"""

from __future__ import annotations

import argparse
import asyncio
import json

import httpx

from bench import harness, results, wrk

LOGIN_PATH = "/api/v1/auth/wechat/miniprogram"
USERS = 500


async def mint_codes(emulator_url: str, count: int) -> list[str]:
    async with httpx.AsyncClient(base_url=emulator_url, timeout=60,
                                 limits=httpx.Limits(max_connections=32)) as http:
        async def mint(n: int) -> str:
            response = await http.post("/_emulator/miniprogram/login-code", json={"user": f"bench-{n % USERS}"})
            response.raise_for_status()
            return response.json()["code"]

        codes: list[str] = []
        for start in range(0, count, 1000):
            codes += await asyncio.gather(*[mint(n) for n in range(start, min(start + 1000, count))])
        return codes


def login_script(codes: list[str]) -> str:
    """A wrk script that sends each code exactly once, in order."""
    return (f"codes = {json.dumps(codes).replace('[', '{').replace(']', '}')}\n"
            "i = 0\n"
            "request = function()\n"
            "  i = i + 1\n"
            "  local code = codes[((i - 1) % #codes) + 1]\n"
            f'  return wrk.format("POST", "{LOGIN_PATH}", {{["Content-Type"] = "application/json"}}, '
            "'{\"code\":\"' .. code .. '\"}')\n"
            "end\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--codes", type=int, default=40000, help="codes to mint (≥ logins sent)")
    args = parser.parse_args()

    with harness.hello_ceiling(workers=args.workers) as hello_url:
        ceiling = wrk.run(wrk.Load("hello-world ceiling (bare Sanic)", hello_url,
                                   connections=args.connections, duration_seconds=args.duration))
    with harness.service(workers=args.workers, emulators=True) as stack:
        codes = asyncio.run(mint_codes(stack.env["HDT_WECHAT_API_BASE_URL"], args.codes))
        warmup_codes, run_codes = codes[: len(codes) // 4], codes[len(codes) // 4:]
        login = wrk.run(wrk.Load(f"POST {LOGIN_PATH}", stack.base_url + LOGIN_PATH,
                                 connections=args.connections, duration_seconds=args.duration,
                                 lua=login_script(run_codes), warmup_lua=login_script(warmup_codes)))
    sent = "the warm-up spends its own codes; a non-2xx count would show a code used twice"
    body = (f"{args.workers} worker(s), PostgreSQL + Redis, WeChat emulator on the same machine, "
            f"{args.connections} connections, {args.duration} s after a 2 s warm-up ({sent}).\n\n"
            + results.table([ceiling, login], ceiling.requests_per_second)
            + f"\n\nMini-program login: {login.requests_per_second:,.0f} logins/s (target ≥ 500 with 1 worker).")
    results.write_section("Identity: mini-program login", "python -m bench.identity "
                          f"--workers {args.workers} --duration {args.duration} "
                          f"--connections {args.connections}", body)
    print(body)


if __name__ == "__main__":
    main()
