"""``python -m app run`` (``make run``) on a fresh machine: the walk-through of docs/frontend.md
("After make run") books a slot, checks it in, takes the application through both approval
steps by two demo reviewers and verifies its ledger proof, with no command typed besides
``run``; Ctrl-C then stops everything, leaving no process and printing no traceback.

The calls below are the documented ones, in the documented order: keep them equal."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from app.ids import to_local, utcnow
from config import Settings
from tests import backends
from tests.support.server import REPO_ROOT, free_port, service_env

pytestmark = backends.embedded_pass_only

# Bounds that only turn a hang into a failure on a loaded machine; they time nothing.
START_BOUND_SECONDS = 300.0
SIGNED_BOUND_SECONDS = 120.0
STOP_BOUND_SECONDS = 60.0
ITEM_CODE = "110108HDGA001"  # 居民身份证换领: real name, three originals, 审查 and 决定 steps
WINDOW_FORM = {"applicant_name": "张三", "id_number": "110108199003071238", "phone": "13800138000"}


@dataclass
class DevRun:
    process: subprocess.Popen[bytes]
    output: Path
    api: str
    wechat: str
    bjpass: str


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name, or None when there is no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid``: children, grandchildren, ..."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def other_emulator_ports() -> dict[str, str]:
    """The SMS and WeChat Pay emulators on free ports too: their defaults (9003, 9004) may be taken
    by CI's live checks or another pass's servers (a CI run failed on 9003 in use)."""
    return {"HDT_SMS_API_URL": f"http://127.0.0.1:{free_port()}",
            "HDT_WECHATPAY_API_BASE_URL": f"http://127.0.0.1:{free_port()}"}


def run_env(settings: Settings, data_dir: Path, api: str, wechat: str, bjpass: str) -> dict[str, str]:
    """A fresh machine: the embedded default on a new data directory (or, in the PostgreSQL pass,
    the suite's PostgreSQL and Redis), with every server on a free port."""
    env = service_env(
        DATABASE_URL=(settings.database_url if backends.POSTGRES_URL
                      else f"sqlite://{data_dir / 'haidiantong.sqlite3'}"),
        HDT_KEYS_DIR=str(data_dir / "keys"), HDT_STORAGE_DIR=str(data_dir / "uploads"),
        HDT_PUBLIC_BASE_URL=api, HDT_WECHAT_API_BASE_URL=wechat, HDT_WECHAT_OPEN_BASE_URL=wechat,
        HDT_BJPASS_AUTHORIZE_URL=f"{bjpass}/oauth2/authorize",
        HDT_BJPASS_TOKEN_URL=f"{bjpass}/oauth2/token",
        HDT_BJPASS_USERINFO_URL=f"{bjpass}/oauth2/userinfo", **other_emulator_ports())
    if backends.POSTGRES_URL and settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    return env


@asynccontextmanager
async def dev_run(settings: Settings) -> AsyncIterator[DevRun]:
    """``python -m app run`` in a session of its own, as a terminal runs it; yields once the API
    answers. Whatever is still running afterwards is killed, so a failed test leaves nothing."""
    api_port = free_port()
    api, wechat, bjpass = (f"http://127.0.0.1:{port}" for port in (api_port, free_port(), free_port()))
    with tempfile.TemporaryDirectory() as data_dir:
        output = Path(data_dir) / "output.txt"
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "app", "run", "--port", str(api_port)], cwd=REPO_ROOT,
                env=run_env(settings, Path(data_dir), api, wechat, bjpass),
                stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + START_BOUND_SECONDS
            async with httpx.AsyncClient() as http:
                while True:
                    try:
                        if (await http.get(f"{api}/healthz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    assert process.poll() is None and time.monotonic() < deadline, \
                        f"run did not start: {output.read_text()[-3000:]}"
                    await asyncio.sleep(0.5)
            yield DevRun(process, output, api, wechat, bjpass)
        finally:
            left = descendants(process.pid)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            for pid in left:
                if running(pid):
                    os.kill(pid, signal.SIGKILL)


async def staff_headers(api: httpx.AsyncClient, username: str, password: str) -> dict[str, str]:
    response = await api.post("/api/v1/auth/staff/login",
                              json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"authorization": f"Bearer {response.json()['access_token']}"}


async def beijing_pass_login(api: httpx.AsyncClient, identity: str) -> dict[str, str]:
    """The browser login through the Beijing Pass emulator; ``api`` keeps the login cookie."""
    start = await api.get("/api/v1/auth/beijing-pass/authorize", params={"return_url": "/"})
    assert start.status_code == 302, start.text
    consent_page = httpx.URL(start.headers["location"])
    consented = await api.post(str(consent_page.copy_with(query=None)),
                               data={**dict(consent_page.params), "identity": identity})
    assert consented.status_code == 302, consented.text
    back = await api.get(consented.headers["location"])
    assert back.status_code == 302, back.text
    ticket = httpx.URL(back.headers["location"]).params["login_ticket"]
    tokens = await api.post("/api/v1/auth/login-tickets/exchange", json={"ticket": ticket})
    assert tokens.status_code == 200, tokens.text
    return {"authorization": f"Bearer {tokens.json()['access_token']}"}


async def test_make_run_walk_through_then_ctrl_c_stops_everything(settings: Settings) -> None:
    async with dev_run(settings) as run, httpx.AsyncClient(base_url=run.api, timeout=60) as api:
        # A resident logs in with Beijing Pass (real name, which this item requires).
        resident = await beijing_pass_login(api, "zhangsan")

        # Catalog: the item and the hall of the demo clerk.
        found = await api.get("/api/v1/catalog/search", params={"q": "身份证换领"})
        [item] = [i for i in found.json()["items"] if i["code"] == ITEM_CODE]
        halls = (await api.get("/api/v1/catalog/halls")).json()["items"]
        [hall] = [h for h in halls if h["code"] == "HD-CENTER"]

        # Availability from today: the first slot is the session `run` opened minutes ahead.
        today = to_local(utcnow()).date()
        slots = await api.get("/api/v1/appointments/availability", params={
            "hall_id": hall["id"], "item_id": item["id"], "day_from": today.isoformat(),
            "day_to": (today + timedelta(days=1)).isoformat()})
        assert slots.status_code == 200, slots.text
        slot = slots.json()["items"][0]

        booked = await api.post("/api/v1/appointments", headers={
            **resident, "idempotency-key": f"walk-{secrets.token_hex(6)}"},
            json={"item_id": item["id"], "slot_id": slot["id"]})
        assert booked.status_code == 201, booked.text
        appointment = booked.json()

        # The demo clerk scans the QR code at the hall and receives the visit at the window.
        clerk = await staff_headers(api, "clerk", "clerk-demo-pass")
        scanned = await api.post(f"/api/v1/halls/{hall['id']}/check-ins",
                                 json={"token": appointment["qr_token"]}, headers=clerk)
        assert scanned.status_code == 200, scanned.text
        assert scanned.json()["queue_number"] >= 1
        received = await api.post("/api/v1/desk/receptions", headers=clerk, json={
            "appointment_id": appointment["id"], "checked_materials": [0, 1, 2],
            "form_data": WINDOW_FORM})
        assert received.status_code == 201, received.text
        application_id = received.json()["application"]["id"]
        accepted = await api.post(f"/api/v1/desk/applications/{application_id}/accept",
                                  headers=clerk, json={})
        assert accepted.status_code == 200, accepted.text

        # 审查 and 决定, signed by the department's two demo reviewers.
        for reviewer, comment in (("reviewer-ga", "材料齐全"), ("reviewer-ga-2", "准予办理")):
            approved = await api.post(
                f"/api/v1/desk/applications/{application_id}/approvals",
                headers=await staff_headers(api, reviewer, "reviewer-demo-pass"),
                json={"opinion": "approve", "comment": comment})
            assert approved.status_code == 200, approved.text
        assert approved.json()["application"]["state"] == "approved"

        # The in-process signer signs the tree head: the application's record turns verified.
        deadline = time.monotonic() + SIGNED_BOUND_SECONDS
        while True:
            record = (await api.get(f"/api/v1/ledger/applications/{application_id}")).json()
            if record["verified"]:
                break
            assert time.monotonic() < deadline, f"the ledger head was never signed: {record}"
            await asyncio.sleep(1)
        [decision] = [e["entry"] for e in record["entries"]
                      if e["entry"]["record_type"] == "approval_decision"]

        # The decision's proof, checked offline by the verifier anyone can run.
        bundle = await api.get(f"/api/v1/ledger/entries/{decision['entry_id']}/proof")
        keys = await api.get("/api/v1/ledger/keys")
        with tempfile.TemporaryDirectory() as scratch:
            (Path(scratch) / "bundle.json").write_text(bundle.text)
            (Path(scratch) / "keys.json").write_text(keys.text)
            verified = subprocess.run(
                [sys.executable, "-m", "ledger_verifier", "verify-inclusion", "--keys",
                 f"{scratch}/keys.json", f"{scratch}/bundle.json"],
                cwd=REPO_ROOT, capture_output=True, text=True)
        assert verified.returncode == 0 and verified.stdout.startswith("VALID"), verified

        # Ctrl-C: the terminal signals the foreground process group.
        started = descendants(run.process.pid)
        assert len(started) >= 3, "the emulators, the API and its worker run below `run`"
        os.killpg(run.process.pid, signal.SIGINT)
        assert run.process.wait(timeout=STOP_BOUND_SECONDS) == 0
        output = run.output.read_text()
        assert "Traceback" not in output, output[-3000:]
        assert [pid for pid in started if running(pid)] == []
        with pytest.raises(ProcessLookupError):  # nothing left in run's process group either
            os.killpg(run.process.pid, 0)
        assert "海淀通 is running" in output and "reviewer-ga-2 / reviewer-demo-pass" in output


def ignore_sigint() -> None:
    """What a shell script does to the commands it starts in the background."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


async def test_the_emulators_alone_stop_on_ctrl_c_even_started_in_the_background() -> None:
    wechat, bjpass = free_port(), free_port()
    env = service_env(HDT_WECHAT_API_BASE_URL=f"http://127.0.0.1:{wechat}",
                      HDT_BJPASS_TOKEN_URL=f"http://127.0.0.1:{bjpass}/oauth2/token", **other_emulator_ports())
    process = subprocess.Popen([sys.executable, "-m", "app", "emulators"], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                               preexec_fn=ignore_sigint)
    try:
        assert process.stdout is not None
        assert "Beijing Pass emulator on" in process.stdout.readline().decode()
        async with httpx.AsyncClient() as http:
            assert (await http.get(f"http://127.0.0.1:{bjpass}/_emulator/identities")).status_code == 200
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=STOP_BOUND_SECONDS) == 0
        assert "Traceback" not in process.stdout.read().decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
