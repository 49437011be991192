"""Security headers on every response; no caching of tokens and personal data."""

from __future__ import annotations

from urllib.parse import unquote

from app.headers import attachment
from tests.builders import DEFAULT_PASSWORD, make_staff, resident_session

FRAMING_AND_SNIFFING = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
                        "x-frame-options": "DENY"}


def assert_hardened(response) -> None:
    for name, value in FRAMING_AND_SNIFFING.items():
        assert response.headers[name] == value, name
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


async def test_a_token_response_is_never_stored(client, rt):
    member = await make_staff(rt, roles=["clerk"])
    login = await client.post("/api/v1/auth/staff/login",
                              json={"username": member.username, "password": DEFAULT_PASSWORD})
    assert login.status_code == 200 and "access_token" in login.json()
    assert login.headers["cache-control"] == "no-store"
    assert_hardened(login)


async def test_personal_data_and_errors_are_not_stored(client, rt):
    resident = await resident_session(rt)
    me = await client.get("/api/v1/me", headers=resident.headers)
    assert me.status_code == 200 and me.headers["cache-control"] == "no-store"
    assert_hardened(me)
    refused = await client.get("/api/v1/me")
    assert refused.status_code == 401 and refused.headers["cache-control"] == "no-store"
    assert_hardened(refused)
    missing = await client.get("/api/v1/no-such-route")
    assert missing.status_code == 404
    assert_hardened(missing)


async def test_public_documents_keep_their_cache_policy(client):
    jwks = await client.get("/.well-known/jwks.json")
    assert jwks.headers["cache-control"] == "public, max-age=300"
    qr_keys = await client.get("/api/v1/qr/jwks.json")
    assert qr_keys.headers["cache-control"] == "public, max-age=300"
    departments = await client.get("/api/v1/catalog/departments")
    assert departments.status_code == 200 and departments.headers["cache-control"] == "no-cache"
    assert_hardened(jwks)
    assert_hardened(departments)


async def test_the_api_docs_still_load_and_cannot_be_framed(client):
    page = await client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert_hardened(page)
    spec = await client.get("/docs/openapi.json")
    assert spec.status_code == 200 and spec.json()["paths"]


def test_download_names_follow_rfc_6266():
    header = attachment('营业执照 "副本".pdf')
    disposition, fallback, extended = (part.strip() for part in header.split(";"))
    assert disposition == "attachment"
    assert fallback == 'filename="____ ____.pdf"'
    assert extended.startswith("filename*=UTF-8''")
    assert unquote(extended.removeprefix("filename*=UTF-8''")) == '营业执照 "副本".pdf'
