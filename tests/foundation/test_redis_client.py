"""A Redis server that stops reading fails the command after the client's timeout, and the
connection is dropped (app.redis bounds writes itself; a real socket, no mocks); failures are
counted in /metrics."""

import asyncio
import re

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.redis import connect_redis
from tests.support.metrics import growth
from tests.support.server import free_port


async def test_a_write_to_a_redis_that_stops_reading_times_out(settings):
    done = asyncio.Event()

    async def stalled_redis(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # Answers the client's hand-shake and PING, then never reads again.
        while chunk := await reader.read(65536):
            if len(chunk) > 1024:
                break
            # One reply per command (RESP arrays start with "*"); the hand-shake is pipelined.
            commands = re.split(rb"\r\n(?=\*)", chunk.removesuffix(b"\r\n"))
            writer.write(b"".join(b"+PONG\r\n" if b"PING" in c else b"+OK\r\n" for c in commands))
            await writer.drain()
        await done.wait()
        writer.close()

    server = await asyncio.start_server(stalled_redis, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = connect_redis(settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{port}/0"}))
    try:
        assert await client.ping()  # the connection works until the server stops reading
        with pytest.raises(RedisTimeoutError, match="writing"):
            # Far more than the socket buffers hold, so the write has to wait for the reader.
            await asyncio.wait_for(client.set("big", "x" * 64_000_000), 60)
        assert client.connection_pool._in_use_connections == set()
    finally:
        done.set()
        await client.aclose()
        server.close()
        await server.wait_closed()


async def test_a_refused_connection_is_counted_in_the_metrics(settings, client):
    before = (await client.get("/metrics")).text
    redis_client = connect_redis(settings.model_copy(
        update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"}))
    try:
        with pytest.raises(RedisConnectionError):
            await redis_client.ping()
    finally:
        await redis_client.aclose()
    after = (await client.get("/metrics")).text
    assert growth(before, after, "hdt_redis_errors_total", kind="ConnectionError") >= 1
