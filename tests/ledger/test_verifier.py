"""The offline verifier: a package of its own, and a command that says VALID or INVALID."""

from __future__ import annotations

import json

from services import ledger
from tests.builders import append_ledger
from tests.builders.ledger import run_python


async def test_verifier_imports_without_the_server_stack():
    code, output = await run_python("-c", (
        "import sys, ledger_verifier, ledger_verifier.__main__\n"
        "server = {'sanic', 'sanic_ext', 'tortoise', 'pydantic', 'redis', 'httpx', 'app', 'services', 'models'}\n"
        "print(sorted(server & {name.split('.')[0] for name in sys.modules}))"))
    assert (code, output.strip()) == (0, "[]")


async def test_cli_verifies_an_inclusion_bundle_and_refuses_a_doctored_one(client, rt, tmp_path):
    entries = await append_ledger(6)
    await ledger.sign_head(rt=rt)
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    bundle = (await client.get(f"/api/v1/ledger/entries/{entries[4].id}/proof")).json()
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    doctored = json.loads(json.dumps(bundle))
    doctored["entry"]["leaf"] = doctored["entry"]["leaf"].replace("in_review", "passed")
    doctored["entry"].pop("leaf_hash")
    (tmp_path / "doctored.json").write_text(json.dumps(doctored))

    assert await run_python("-m", "ledger_verifier", "verify-inclusion", "--keys", str(tmp_path / "keys.json"),
                            str(tmp_path / "bundle.json")) == (0, "VALID\n")
    code, output = await run_python("-m", "ledger_verifier", "verify-inclusion", "--keys",
                                    str(tmp_path / "keys.json"), str(tmp_path / "doctored.json"))
    assert (code, output) == (1, "INVALID: inclusion proof does not lead to the head's root hash\n")


async def test_cli_checks_a_bundle_against_a_head_obtained_elsewhere(client, rt, tmp_path):
    entries = await append_ledger(2)
    await ledger.sign_head(rt=rt)
    (tmp_path / "witnessed.json").write_text((await client.get("/api/v1/ledger/heads/2")).text)
    await append_ledger(3)
    await ledger.sign_head(rt=rt)
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    for size in (2, 5):
        bundle = await client.get(f"/api/v1/ledger/entries/{entries[0].id}/proof", params={"tree_size": size})
        (tmp_path / f"bundle-{size}.json").write_text(bundle.text)
    args = ["-m", "ledger_verifier", "verify-inclusion", "--keys", str(tmp_path / "keys.json"),
            "--head", str(tmp_path / "witnessed.json")]

    assert await run_python(*args, str(tmp_path / "bundle-2.json")) == (0, "VALID\n")
    assert await run_python(*args, str(tmp_path / "bundle-5.json")) == (
        1, "INVALID: proof is for another tree size or leaf index\n")
    code, output = await run_python(*args, str(tmp_path / "missing.json"))
    assert code == 2 and output.startswith("error: FileNotFoundError")


async def test_cli_verifies_consistency_between_two_heads(client, rt, tmp_path):
    await append_ledger(3)
    await ledger.sign_head(rt=rt)
    await append_ledger(4)
    await ledger.sign_head(rt=rt)
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    (tmp_path / "old.json").write_text((await client.get("/api/v1/ledger/heads/3")).text)
    (tmp_path / "new.json").write_text((await client.get("/api/v1/ledger/heads/7")).text)
    proof = await client.get("/api/v1/ledger/consistency", params={"first": 3, "second": 7})
    (tmp_path / "proof.json").write_text(proof.text)
    args = ["-m", "ledger_verifier", "verify-consistency", "--keys", str(tmp_path / "keys.json"),
            "--proof", str(tmp_path / "proof.json")]

    assert await run_python(*args, "--old", str(tmp_path / "old.json"), "--new", str(tmp_path / "new.json")) \
        == (0, "VALID\n")
    code, output = await run_python(*args, "--old", str(tmp_path / "new.json"), "--new", str(tmp_path / "old.json"))
    assert (code, output) == (1, "INVALID: proof is for other tree sizes\n")


async def test_cli_downloads_and_audits_the_whole_log(client, app, rt, tmp_path):
    await append_ledger(5)
    await ledger.sign_head(rt=rt)
    await append_ledger(2)
    await ledger.sign_head(rt=rt)
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)

    code, output = await run_python("-m", "ledger_verifier", "download", "--base-url", app.ctx.base_url,
                                    "--out", str(tmp_path / "log.json"))
    assert (code, output) == (0, f"downloaded 7 entries and 2 signed heads to {tmp_path / 'log.json'}\n")
    assert await run_python("-m", "ledger_verifier", "audit", "--keys", str(tmp_path / "keys.json"),
                            str(tmp_path / "log.json")) == (0, "VALID\n")
