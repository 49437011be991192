"""CORS for the configured front-end origins: preflights, answers, errors and outages (app/cors.py)."""

import httpx
import pytest

from tests.backends import embedded_pass_only
from tests.support.server import running_service, service_env

H5 = "https://h5.haidian.example"  # HDT_LOGIN_RETURN_ORIGINS in the test settings
STAFF_CONSOLE = "https://staff.haidian.example"  # HDT_CORS_ORIGINS
EXCHANGE = "/api/v1/auth/login-tickets/exchange"


def preflight(client: httpx.AsyncClient, path: str, *, origin: str, method: str,
              headers: str = "") -> httpx.Request:
    request_headers = {"origin": origin, "access-control-request-method": method}
    if headers:
        request_headers["access-control-request-headers"] = headers
    return client.options(path, headers=request_headers)


@pytest.mark.parametrize("origin", [H5, STAFF_CONSOLE])
async def test_a_preflight_from_a_front_end_origin_is_allowed(client, origin):
    response = await preflight(client, "/api/v1/appointments", origin=origin, method="POST",
                               headers="authorization,content-type,idempotency-key")
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == origin
    assert set(response.headers["access-control-allow-methods"].split(", ")) >= {"POST"}
    allowed = set(response.headers["access-control-allow-headers"].split(", "))
    assert {"authorization", "content-type", "idempotency-key"} <= allowed
    assert int(response.headers["access-control-max-age"]) > 0
    assert "access-control-allow-credentials" not in response.headers
    assert "Origin" in response.headers["vary"]


@pytest.mark.parametrize("path", ["/api/v1/appointments", "/api/v1/draw-entries",
                                  "/api/v1/appointments/00000000-0000-0000-0000-000000000001/reschedule"])
async def test_a_page_may_send_its_device_id_where_booking_asks_for_it(client, path):
    response = await preflight(client, path, origin=H5, method="POST",
                               headers="authorization,content-type,idempotency-key,x-device-id")
    assert response.status_code == 204
    assert "x-device-id" in response.headers["access-control-allow-headers"].split(", ")


async def test_the_allowed_methods_are_the_paths_own(client):
    response = await preflight(client, "/api/v1/me/identities/00000000-0000-0000-0000-000000000001",
                               origin=H5, method="DELETE")
    assert response.status_code == 204
    assert response.headers["access-control-allow-methods"] == "DELETE"


async def test_answers_errors_and_outages_carry_the_cors_headers(client):
    for path, status in ((EXCHANGE, 422), ("/api/v1/me", 401), ("/api/v1/no-such-thing", 404),
                         ("/_test/fail/refused", 503), ("/healthz", 200)):
        method = "POST" if path == EXCHANGE else "GET"
        response = await client.request(method, path, headers={"origin": H5}, json={} if method == "POST" else None)
        assert response.status_code == status, path
        assert response.headers["access-control-allow-origin"] == H5, path
        exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
        assert {"x-request-id", "retry-after"} <= exposed, path
        assert "access-control-allow-credentials" not in response.headers, path
        assert "Origin" in response.headers["vary"], path


async def test_an_unknown_origin_gets_no_cors_headers(client):
    for origin in ("https://evil.example", "null", "http://127.0.0.1:1", "https://h5.haidian.example.evil.example"):
        response = await client.get("/api/v1/me", headers={"origin": origin})
        assert response.status_code == 401
        assert not any(name.startswith("access-control-") for name in response.headers), origin
        assert "Origin" in response.headers["vary"]
        refused = await preflight(client, EXCHANGE, origin=origin, method="POST", headers="content-type")
        assert refused.status_code == 403, origin
        assert refused.json()["error"]["code"] == "CORS_PREFLIGHT_REFUSED"
        assert refused.json()["error"]["details"] == {"reason": "origin_not_allowed"}
        assert not any(name.startswith("access-control-") for name in refused.headers), origin


@pytest.mark.parametrize(("method", "headers", "reason"), [
    ("DELETE", "", "method_not_allowed"),          # the path takes POST only
    ("TRACE", "", "method_not_allowed"),
    ("POST", "content-type,x-debug", "header_not_allowed"),
    ("POST", "cookie", "header_not_allowed"),
])
async def test_a_preflight_for_a_disallowed_method_or_header_is_refused(client, method, headers, reason):
    refused = await preflight(client, EXCHANGE, origin=H5, method=method, headers=headers)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "CORS_PREFLIGHT_REFUSED"
    assert refused.json()["error"]["details"] == {"reason": reason}
    assert "access-control-allow-origin" not in refused.headers


async def test_an_options_request_that_is_no_preflight_stays_405(client):
    response = await client.options(EXCHANGE, headers={"origin": H5})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "METHOD_NOT_ALLOWED"


async def test_an_api_origin_is_no_login_return_origin(client):
    response = await client.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": STAFF_CONSOLE + "/"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "RETURN_URL_NOT_ALLOWED"


@embedded_pass_only
async def test_in_development_a_page_on_any_loopback_port_may_call_the_api_and_log_in(database_url, tmp_path):
    env = service_env(DATABASE_URL=database_url, HDT_KEYS_DIR=str(tmp_path / "keys"))  # HDT_ENV unset
    page = "http://localhost:5173"
    async with running_service(env) as base_url, httpx.AsyncClient(base_url=base_url) as http:
        allowed = await preflight(http, EXCHANGE, origin=page, method="POST", headers="content-type")
        login = await http.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": page + "/me"})
        foreign = await preflight(http, EXCHANGE, origin="http://192.0.2.1:5173", method="POST")
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == page
    assert login.status_code == 302
    assert foreign.status_code == 403
