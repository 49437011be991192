"""Self-audit of the ledger tables: recompute every leaf and node hash and check every signed head.

Streams the log page by page (bounded memory), so it can run periodically on a large log.
Any changed, missing or extra row in ledger_entries, ledger_nodes, ledger_head or
ledger_signed_heads is reported; nothing is repaired or silently accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import structlog

from app.context import Runtime
from ledger_verifier import LogAuditor, SignedHead, hash_children, hash_leaf
from models.ledger import LedgerEntry, LedgerNode, SignedTreeHead
from services import ledger

log = structlog.get_logger("services.ledger.audit")
PAGE = 2000
MAX_PROBLEMS = 200


@dataclass
class AuditReport:
    """What the audit looked at and every problem found."""

    tree_size: int = 0
    entries_checked: int = 0
    nodes_checked: int = 0
    heads_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _leaf_metadata_problem(entry: LedgerEntry) -> str | None:
    """The columns stored beside a leaf must say what the leaf says."""
    try:
        record = json.loads(entry.leaf)
        claimed = (record["type"], record["data"].get("application_id"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # the leaf itself is malformed; the verifier's check reports that
    if claimed != (entry.record_type, entry.application_id):
        return f"entry {entry.seq}: columns disagree with the leaf"
    return None


async def _check_level_zero(report: AuditReport, auditor: LogAuditor) -> set[int]:
    """Replay every entry through the verifier and compare leaf hashes with level-0 nodes."""
    bad: set[int] = set()
    for start in range(0, report.tree_size, PAGE):
        end = min(start + PAGE, report.tree_size)
        entries = {e.seq: e for e in await LedgerEntry.filter(seq__gte=start, seq__lt=end)}
        nodes = dict(await LedgerNode.filter(level=0, node_index__gte=start, node_index__lt=end)
                     .values_list("node_index", "hash"))
        for index in range(start, end):
            entry = entries.get(index)
            if entry is None:
                report.problems.append(f"entry {index} is missing")
                auditor.add({"index": None})
                continue
            auditor.add({"index": entry.seq, "entry_id": str(entry.id), "leaf": entry.leaf})
            problem = _leaf_metadata_problem(entry)
            if problem:
                report.problems.append(problem)
            stored = nodes.get(index)
            if stored is None or bytes(stored) != hash_leaf(entry.leaf.encode("utf-8")):
                bad.add(index)
                report.problems.append(f"node (0, {index}) is missing" if stored is None else
                                       f"node (0, {index}) does not match the hash of entry {index}")
        report.entries_checked += len(entries)
        report.nodes_checked += len(nodes)
    return bad


async def _check_level(report: AuditReport, level: int, bad_children: set[int]) -> set[int]:
    """Each node of ``level`` must hash its two stored children; returns the nodes that do not."""
    bad: set[int] = set()
    count = report.tree_size >> level
    for start in range(0, count, PAGE):
        end = min(start + PAGE, count)
        parents = dict(await LedgerNode.filter(level=level, node_index__gte=start, node_index__lt=end)
                       .values_list("node_index", "hash"))
        children = dict(await LedgerNode.filter(level=level - 1, node_index__gte=2 * start,
                                                node_index__lt=2 * end).values_list("node_index", "hash"))
        for index in range(start, end):
            stored = parents.get(index)
            left, right = children.get(2 * index), children.get(2 * index + 1)
            if stored is None:
                bad.add(index)
                report.problems.append(f"node ({level}, {index}) is missing")
            elif {2 * index, 2 * index + 1} & bad_children or left is None or right is None:
                bad.add(index)  # already reported below it; this one cannot be checked
            elif bytes(stored) != hash_children(bytes(left), bytes(right)):
                bad.add(index)
                report.problems.append(f"node ({level}, {index}) does not hash its children")
        report.nodes_checked += len(parents)
    return bad


async def _check_extra_rows(report: AuditReport, top_level: int) -> None:
    """Rows beyond the head's size were added outside an append (or the head row was changed)."""
    extra_entries = await LedgerEntry.filter(seq__gte=report.tree_size).count()
    if extra_entries:
        report.problems.append(f"{extra_entries} entries lie beyond the log size {report.tree_size}")
    for level in range(top_level + 1):
        extra = await LedgerNode.filter(level=level, node_index__gte=report.tree_size >> level).count()
        if extra:
            report.problems.append(f"{extra} nodes at level {level} lie beyond the log size")
    above = await LedgerNode.filter(level__gt=top_level).count()
    if above:
        report.problems.append(f"{above} nodes lie above the top level {top_level}")


async def audit(*, rt: Runtime) -> AuditReport:
    """Recompute the whole log from its entries and compare with every stored node and signed head."""
    report = AuditReport(tree_size=await ledger.tree_size())
    heads = [SignedHead.from_json(ledger.head_json(h))
             for h in await SignedTreeHead.all().order_by("tree_size")]
    auditor = LogAuditor(heads=heads, keys=rt.keyrings["ledger"].verification_keys)
    bad = await _check_level_zero(report, auditor)
    top_level = max(report.tree_size.bit_length() - 1, 0)
    for level in range(1, top_level + 1):
        bad = await _check_level(report, level, bad)
    await _check_extra_rows(report, top_level)
    report.problems.extend(auditor.finish())
    report.heads_checked = auditor.heads_checked
    del report.problems[MAX_PROBLEMS:]
    if report.ok:
        log.info("ledger_audit_passed", tree_size=report.tree_size, heads=report.heads_checked)
    else:
        log.error("ledger_audit_failed", tree_size=report.tree_size, problems=report.problems[:20])
    return report
