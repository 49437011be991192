"""Anchoring: publishing signed tree heads to witnesses outside our database.

A witness keeps the heads we showed it; once a head is there, rewriting the log (even with
consistently recomputed nodes) contradicts it. A consortium chain adapter (FISCO BCOS,
Hyperledger Fabric; see docs/ledger-anchoring.md) is one more ``Witness``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import structlog

from app.context import Runtime
from app.http import UpstreamError, UpstreamHTTP
from ledger_verifier import canonical_json

log = structlog.get_logger("services.ledger.anchoring")
WITNESS_TIMEOUT_SECONDS = 10.0


class AnchoringFailed(RuntimeError):
    """A witness did not accept a head; the next run publishes it again."""


class Witness(Protocol):
    """Somewhere a signed tree head is published; returns a receipt (what the witness said)."""

    name: str

    async def publish(self, head: dict[str, Any]) -> str: ...


@dataclass
class FileWitness:
    """Appends heads as JSON lines to a file (e.g. on WORM or off-site synced storage)."""

    path: Path
    name: str = "file"

    def _append(self, line: bytes, tree_size: int) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+b") as handle:
            handle.seek(0)
            lines = handle.read().splitlines()
            if lines and json.loads(lines[-1])["tree_size"] >= tree_size:
                return f"{self.path}#{len(lines)}"  # already published, publishing again is a no-op
            handle.write(line + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
            return f"{self.path}#{len(lines) + 1}"

    async def publish(self, head: dict[str, Any]) -> str:
        """Append the head unless the file already holds it or a newer one."""
        return await asyncio.to_thread(self._append, canonical_json(head), head["tree_size"])


@dataclass
class HttpWitness:
    """POSTs each head as JSON to a witness service; any 2xx answer is the receipt."""

    url: str
    http: UpstreamHTTP
    name: str = "http"

    async def publish(self, head: dict[str, Any]) -> str:
        """Send the head; raise AnchoringFailed unless the witness accepts it."""
        try:
            response = await self.http.request("POST", self.url, content=canonical_json(head),
                                               headers={"content-type": "application/json"},
                                               timeout=WITNESS_TIMEOUT_SECONDS,
                                               service="ledger_witness")
        except UpstreamError as exc:
            raise AnchoringFailed(f"{self.url}: {type(exc).__name__}") from exc
        if not response.is_success:
            raise AnchoringFailed(f"{self.url}: HTTP {response.status}")
        return "sha256:" + hashlib.sha256(response.content).hexdigest()


def configured_witnesses(rt: Runtime) -> list[Witness]:
    """The witnesses named in the settings (none by default)."""
    witnesses: list[Witness] = []
    if rt.settings.ledger_witness_file:
        witnesses.append(FileWitness(rt.settings.ledger_witness_file))
    if rt.settings.ledger_witness_url:
        witnesses.append(HttpWitness(rt.settings.ledger_witness_url, rt.http))
    return witnesses


@dataclass(frozen=True)
class AnchorResult:
    witness: str
    receipt: str | None
    error: str | None


async def publish_head(*, head: dict[str, Any], witnesses: list[Witness]) -> list[AnchorResult]:
    """Publish one head to every witness; one failing witness does not stop the others."""
    results = []
    for witness in witnesses:
        try:
            receipt = await witness.publish(head)
            results.append(AnchorResult(witness.name, receipt, None))
        except (AnchoringFailed, OSError) as exc:
            log.warning("ledger_anchor_failed", witness=witness.name, tree_size=head["tree_size"],
                        error=str(exc))
            results.append(AnchorResult(witness.name, None, str(exc)))
    return results
