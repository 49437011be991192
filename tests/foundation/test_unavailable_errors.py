"""Failures to reach the database or Redis answer 503 SERVICE_UNAVAILABLE with Retry-After;
errors the servers answered (bugs) stay a logged 500 (app/outages.py, docs/outages.md)."""

import pytest

OUTAGES = ["pg-connection-lost", "pg-shutting-down", "refused", "timeout", "redis-connection",
           "redis-timeout", "sqlite-locked", "closed-after-timeout", "closed-after-cancel"]
BUGS = ["integrity", "bad-sql", "redis-wrong-type", "interface-misuse", "missing-file"]


@pytest.mark.parametrize("kind", OUTAGES)
async def test_an_unreachable_server_is_503_with_retry_after(client, kind):
    response = await client.get(f"/_test/fail/{kind}")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    error = response.json()["error"]
    assert (error["code"], error["details"]) == ("SERVICE_UNAVAILABLE", {"retry_after_seconds": 5})
    assert error["message"] == "服务暂时不可用，请稍后重试"
    assert error["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize("kind", BUGS)
async def test_an_error_the_server_answered_stays_500(client, kind):
    response = await client.get(f"/_test/fail/{kind}")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "INTERNAL_ERROR"
    assert "retry-after" not in response.headers
