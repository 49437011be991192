"""Every kind of bad request gets the one error shape with a stable code."""

import logging
import uuid

from tests.builders import login_resident, make_resident, resident_session


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert error["request_id"] == response.headers["x-request-id"]
    return error


async def test_malformed_json(client):
    response = await client.post("/api/v1/auth/staff/login", content=b'{"username": ',
                                 headers={"content-type": "application/json"})
    assert_error(response, 400, "MALFORMED_JSON")


async def test_empty_body(client):
    assert_error(await client.post("/api/v1/auth/staff/login"), 400, "MALFORMED_JSON")


async def test_schema_violation_names_the_field(client):
    response = await client.post("/api/v1/auth/staff/login", json={"username": "a", "totp_code": "12"})
    error = assert_error(response, 422, "VALIDATION_FAILED")
    fields = {f["field"] for f in error["details"]["fields"]}
    assert fields == {"password", "totp_code"}


async def test_unknown_fields_are_refused(client):
    response = await client.post("/api/v1/auth/staff/login",
                                 json={"username": "a", "password": "b", "is_admin": True})
    error = assert_error(response, 422, "VALIDATION_FAILED")
    assert error["details"]["fields"][0]["field"] == "is_admin"


async def test_text_holding_a_nul_character_is_refused_naming_the_field(client):
    # PostgreSQL text cannot hold U+0000: it is refused up front instead of failing as a 500.
    response = await client.post("/api/v1/auth/staff/login", json={"username": "a\x00", "password": "b"})
    error = assert_error(response, 422, "VALIDATION_FAILED")
    assert error["details"]["fields"] == [
        {"field": "username", "type": "string_nul", "message": "不能包含空字符（U+0000）"}]
    response = await client.get("/api/v1/catalog/search", params={"q": "sfz\x00"})
    assert assert_error(response, 422, "VALIDATION_FAILED")["details"]["fields"][0]["field"] == "q"


async def test_an_escaped_backslash_before_u0000_is_ordinary_text(client):
    response = await client.post("/api/v1/auth/staff/login",
                                 json={"username": "\\u0000", "password": "b"})
    assert_error(response, 401, "LOGIN_FAILED")


async def test_unknown_route(client):
    assert_error(await client.get("/api/v1/no-such-thing"), 404, "ROUTE_NOT_FOUND")


async def test_a_material_number_no_column_can_hold_matches_no_route(client, rt):
    """Path numbers within a record are nine digits at most (app.openapi.INDEX_PATH_TYPE): a longer
    one is not a route (404), where it reached the 32-bit lookup and failed it (500)."""
    resident = await resident_session(rt)
    path = f"/api/v1/applications/{uuid.uuid4()}/materials/{{}}/download-url"
    too_long = await client.get(path.format(6154413726579905536), headers=resident.headers)
    in_range = await client.get(path.format(999_999_999), headers=resident.headers)
    assert_error(too_long, 404, "ROUTE_NOT_FOUND")
    assert_error(in_range, 404, "APPLICATION_NOT_FOUND")


async def test_wrong_method(client):
    assert_error(await client.delete("/healthz"), 405, "METHOD_NOT_ALLOWED")


async def test_body_too_large_never_reaches_the_handler(client, settings):
    oversized = b'{"username": "' + b"a" * settings.max_request_bytes + b'"}'
    assert_error(await client.post("/api/v1/auth/staff/login", content=oversized), 413,
                 "PAYLOAD_TOO_LARGE")


async def test_unauthenticated(client):
    assert_error(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED")
    assert_error(await client.get("/api/v1/me", headers={"authorization": "Basic abc"}), 401,
                 "UNAUTHENTICATED")


async def test_forbidden_when_a_resident_calls_a_staff_endpoint(client, rt):
    resident = await login_resident(rt, await make_resident(rt))
    assert_error(await client.get("/api/v1/staff/me", headers=resident.headers), 403, "FORBIDDEN")


async def test_unexpected_exception_is_logged_and_not_leaked(client, caplog):
    with caplog.at_level(logging.ERROR):
        response = await client.get("/_test/boom")
    error = assert_error(response, 500, "INTERNAL_ERROR")
    assert "hunter2" not in response.text and "secret.py" not in response.text
    logged = [r for r in caplog.records if r.exc_info and "hunter2" in str(r.exc_info[1])]
    assert logged, "the traceback must be logged for operators"
    assert error["request_id"]
    # The operator finds the log line by the id the caller was given.
    assert [r.msg["request_id"] for r in logged] == [error["request_id"]]
