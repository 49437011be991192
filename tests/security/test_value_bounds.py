"""A value no column can hold, in any path or query parameter of any route, is answered with a
4xx: the lookup finds nothing or the value is refused, never a 500 (Tortoise checks a lookup's
value against its column's bounds and raised; CI's fuzzing found two such routes one by one)."""

from __future__ import annotations

import re

import httpx
from sanic import Sanic

from tests.builders import login_resident, login_staff, make_resident, make_staff
from tests.security.test_access_table import concrete_path, declared_routes

TOO_LONG = "码" * 4 + "x" * 600  # longer than any column of ours (512 at most), and not all ASCII
_STRING_PARAM = re.compile(r"<([^:>]+)(?::str)?>")


def with_long_strings(path: str) -> str:
    """The route's request path with every free-text parameter too long; ids and numbers as usual."""
    return concrete_path(_STRING_PARAM.sub(TOO_LONG, path))


def string_query_parameters(spec: dict, method: str, path: str) -> list[str]:
    """The string query parameters the OpenAPI document lists for the operation."""
    openapi_path = "/" + re.sub(r"<([^:>]+)(?::[^>]+)?>", r"{\1}", path)
    operation = spec["paths"].get(openapi_path, {}).get(method.lower(), {})
    def is_string(schema: dict) -> bool:  # an optional one is anyOf string / null
        return schema.get("type") == "string" or any(is_string(s) for s in schema.get("anyOf", []))

    return [p["name"] for p in operation.get("parameters", []) if p["in"] == "query" and is_string(p["schema"])]


async def test_no_route_answers_a_value_too_long_for_any_column_with_a_5xx(app: Sanic, client: httpx.AsyncClient,
                                                                           rt):
    callers = {"global admin": await login_staff(rt, await make_staff(rt, roles=["admin"])),
               "resident": await login_resident(rt, await make_resident(rt, realname=True))}
    spec = (await client.get("/docs/openapi.json")).json()
    checked, query_values, failures = 0, 0, []
    for method, path, _ in declared_routes(app):
        if path.endswith("auth/logout"):
            continue  # it would end the session the other requests use
        query_names = string_query_parameters(spec, method, path)
        requests = [(with_long_strings(path), {})] + [(concrete_path(path), {name: TOO_LONG}) for name in query_names]
        query_values += len(query_names)
        for url, params in requests:
            for name, caller in callers.items():
                response = await client.request(method, url, params=params, headers=caller.headers,
                                                json={} if method in ("POST", "PUT", "PATCH") else None,
                                                follow_redirects=False)
                checked += 1
                if response.status_code >= 500:
                    failures.append(f"{name}: {method} {url[:80]} {params and list(params)}: {response.status_code}")
    assert checked > 200 and query_values > 50
    assert failures == []
