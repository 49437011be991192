"""/readyz turns 503 when the database or Redis is unreachable (real child processes)."""

import shutil

import httpx

from tests import backends
from tests.support.server import running_service, service_env


async def test_readyz_is_503_when_redis_is_down(database_url, tmp_path):
    env = service_env(DATABASE_URL=database_url, REDIS_URL="redis://127.0.0.1:1/0",
                      HDT_KEYS_DIR=str(tmp_path / "keys"))
    async with running_service(env) as base_url, httpx.AsyncClient() as http:
        response = await http.get(f"{base_url}/readyz")
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "NOT_READY"
    assert error["details"]["database"] == "ok"
    assert error["details"]["redis"].startswith("down")


async def test_readyz_is_503_when_the_database_is_down(tmp_path):
    if backends.POSTGRES_URL:
        database_url = await backends.create_postgres_database(backends.POSTGRES_URL)
    else:
        database_dir = tmp_path / "db"
        database_url = f"sqlite://{database_dir / 'service.sqlite3'}"
    env = service_env(DATABASE_URL=database_url, HDT_KEYS_DIR=str(tmp_path / "keys"),
                      **({"REDIS_URL": backends.REDIS_URL} if backends.REDIS_URL else {}))
    async with running_service(env) as base_url, httpx.AsyncClient() as http:
        if backends.POSTGRES_URL:
            assert (await http.get(f"{base_url}/readyz")).status_code == 200
            await backends.drop_postgres_database(backends.POSTGRES_URL, database_url)
        else:
            # An open SQLite file survives unlinking, so take it away before the first (lazy)
            # connection: the path can no longer be opened, as when a volume is lost.
            shutil.rmtree(database_dir)
            database_dir.write_text("not a directory")
        response = await http.get(f"{base_url}/readyz")
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "NOT_READY" and error["details"]["database"].startswith("down")
