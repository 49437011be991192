"""Publishing signed heads to witnesses, and the sign-head and audit commands."""

from __future__ import annotations

import json

from models.ledger import LedgerEntry, LedgerNode, SignedTreeHead
from services import ledger
from services.ledger.anchoring import FileWitness, HttpWitness, publish_head
from tests.builders import append_ledger
from tests.builders.ledger import run_python


async def test_file_witness_keeps_each_head_once_in_order(rt, tmp_path):
    witness = FileWitness(tmp_path / "witness.jsonl")
    await append_ledger(2)
    first, _ = await ledger.sign_head(rt=rt)
    await publish_head(head=ledger.head_json(first), witnesses=[witness])
    await publish_head(head=ledger.head_json(first), witnesses=[witness])
    await append_ledger(1)
    second, _ = await ledger.sign_head(rt=rt)
    (result,) = await publish_head(head=ledger.head_json(second), witnesses=[witness])

    lines = witness.path.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [ledger.head_json(first), ledger.head_json(second)]
    assert (result.receipt, result.error) == (f"{witness.path}#2", None)


async def test_http_witness_receives_heads_and_one_failing_witness_does_not_stop_others(
        rt, tmp_path, witness_server):
    await append_ledger(3)
    head, _ = await ledger.sign_head(rt=rt)
    witnesses = [HttpWitness(witness_server.url, rt.http), FileWitness(tmp_path / "witness.jsonl")]

    witness_server.status = 503
    failed, written = await publish_head(head=ledger.head_json(head), witnesses=witnesses)
    assert (failed.witness, failed.receipt, failed.error) == ("http", None, f"{witness_server.url}: HTTP 503")
    assert written.error is None and (tmp_path / "witness.jsonl").exists()

    witness_server.status = 200
    accepted, _ = await publish_head(head=ledger.head_json(head), witnesses=witnesses)
    assert accepted.error is None and accepted.receipt.startswith("sha256:")
    assert witness_server.received == [ledger.head_json(head)] * 2


async def test_witnessed_heads_expose_a_rewritten_log_even_when_the_server_hides_its_own(
        client, app, rt, cli_env, tmp_path):
    await append_ledger(4)
    code, output = await run_python("-m", "app", "ledger-sign-head", env=cli_env)
    assert code == 0 and output.startswith("signed: tree_size=4 ") and "witness file:" in output
    (tmp_path / "keys.json").write_text((await client.get("/api/v1/ledger/keys")).text)
    witness_file = cli_env["HDT_LEDGER_WITNESS_FILE"]
    audit = ["-m", "ledger_verifier", "audit", "--keys", str(tmp_path / "keys.json"),
             "--heads", witness_file, str(tmp_path / "log.json")]

    download = ["-m", "ledger_verifier", "download", "--base-url", app.ctx.base_url,
                "--out", str(tmp_path / "log.json")]
    assert (await run_python(*download))[0] == 0
    assert await run_python(*audit) == (0, "VALID\n")

    entry = await LedgerEntry.get(seq=1)
    await LedgerEntry.filter(id=entry.id).update(leaf=entry.leaf.replace("in_review", "rejected"))
    await SignedTreeHead.all().delete()
    assert (await run_python(*download))[0] == 0
    assert await run_python(*audit) == (1, "INVALID: tree head of size 4 does not match the log's root\n")


async def test_audit_command_exits_nonzero_on_tampering(rt, cli_env):
    await append_ledger(5)
    await ledger.sign_head(rt=rt)
    code, output = await run_python("-m", "app", "ledger-audit", env=cli_env)
    assert (code, output.splitlines()[-1]) == (0, "tree_size=5 entries=5 nodes=8 heads=1: OK")

    node = await LedgerNode.get(level=1, node_index=1)
    await LedgerNode.filter(id=node.id).update(hash=bytes(32))
    code, output = await run_python("-m", "app", "ledger-audit", env=cli_env)
    assert code == 1
    assert output.splitlines()[-2:] == ["tree_size=5 entries=5 nodes=8 heads=1: FAILED with 1 problem(s)",
                                        "  node (1, 1) does not hash its children"]
