async def test_healthz_answers_with_request_id(client):
    response = await client.get("/healthz", headers={"x-request-id": "trace-123"})
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["x-request-id"] == "trace-123"


async def test_readyz_reports_database_and_redis(client):
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "redis": "ok"}
