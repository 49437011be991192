"""`python -m app emulators` starts every emulator where the settings point."""

import asyncio
import os
import subprocess
import sys

import httpx

from tests.support.server import free_port


async def test_the_emulators_command_serves_every_emulator(tmp_path):
    # Every port chosen here: CI runs this test in two passes at once, so no default port is free.
    wechat_port, bjpass_port, sms_port, wechatpay_port = free_port(), free_port(), free_port(), free_port()
    env = {**os.environ, "HDT_ENV": "development", "HDT_KEYS_DIR": str(tmp_path / "keys"),
           "HDT_WECHAT_API_BASE_URL": f"http://127.0.0.1:{wechat_port}",
           "HDT_BJPASS_TOKEN_URL": f"http://127.0.0.1:{bjpass_port}/oauth2/token",
           "HDT_SMS_API_URL": f"http://127.0.0.1:{sms_port}",
           "HDT_WECHATPAY_API_BASE_URL": f"http://127.0.0.1:{wechatpay_port}"}
    child = subprocess.Popen([sys.executable, "-m", "app", "emulators"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        # The command prints one line once both servers listen (log lines may come first).
        lines = []
        while not any("emulator on" in line for line in lines):
            line = (await asyncio.to_thread(child.stdout.readline)).decode()
            assert line, "the emulators command ended early:\n" + "".join(lines)
            lines.append(line)
        assert all(f"127.0.0.1:{port}" in lines[-1] for port in (wechat_port, bjpass_port, sms_port, wechatpay_port))
        async with httpx.AsyncClient() as http:
            users = await http.get(f"http://127.0.0.1:{wechat_port}/_emulator/users")
            identities = await http.get(f"http://127.0.0.1:{bjpass_port}/_emulator/identities")
        assert {u["user"] for u in users.json()["users"]} == {"zhangsan", "lisi", "wangwu"}
        assert {i["key"] for i in identities.json()["identities"]} == {"zhangsan", "lisi", "wangwu"}
    finally:
        child.terminate()
        child.wait(timeout=10)
