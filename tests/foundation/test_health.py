async def test_healthz_answers_with_request_id(client):
    response = await client.get("/healthz", headers={"x-request-id": "trace-123"})
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["x-request-id"] == "trace-123"


async def test_readyz_reports_database_and_redis(client):
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "redis": "ok"}


async def test_the_suite_runs_on_the_selected_backends(app, settings):
    """Guards against settings silently falling back to the embedded defaults."""
    from tortoise import connections

    from tests import backends

    dialect = connections.get("default").schema_generator.DIALECT
    assert dialect == ("postgres" if backends.POSTGRES_URL else "sqlite")
    assert settings.redis_url == backends.REDIS_URL
    assert type(app.ctx.runtime.redis).__module__.startswith(
        "redis" if backends.REDIS_URL else "fakeredis")
