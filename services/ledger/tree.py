"""Which stored subtree hashes make up a range of leaves, and the ranges RFC 9162 proofs need.

Pure functions: the service fetches the named nodes in one query and folds them. Every range
the RFC recursions produce starts on a multiple of its largest power-of-two part, so it is a
handful of stored complete subtrees — O(log n) nodes, never a recomputation.
"""

from __future__ import annotations

from collections.abc import Mapping

from ledger_verifier.merkle import EMPTY_ROOT, hash_children

NodeKey = tuple[int, int]  # (level, node_index): the subtree of leaves [i * 2^level, (i + 1) * 2^level)
LeafRange = tuple[int, int]  # [start, end) of leaf indexes


def split_point(size: int) -> int:
    """The largest power of two smaller than ``size`` (size > 1), RFC 9162's ``k``."""
    return 1 << ((size - 1).bit_length() - 1)


def subtree_nodes(start: int, end: int) -> list[NodeKey]:
    """The stored complete subtrees, left to right, whose fold is MTH(D[start:end])."""
    keys = []
    while start < end:
        size = end - start
        width = size if size & (size - 1) == 0 else split_point(size)
        level = width.bit_length() - 1
        if start % width:
            raise ValueError(f"range [{start}, {end}) is not aligned to stored subtrees")
        keys.append((level, start >> level))
        start += width
    return keys


def range_hash(start: int, end: int, nodes: Mapping[NodeKey, bytes]) -> bytes:
    """MTH(D[start:end]) from the stored subtree hashes (right fold, as RFC 9162 defines MTH)."""
    keys = subtree_nodes(start, end)
    if not keys:
        return EMPTY_ROOT
    result = nodes[keys[-1]]
    for key in reversed(keys[:-1]):
        result = hash_children(nodes[key], result)
    return result


def inclusion_ranges(index: int, size: int) -> list[LeafRange]:
    """The ranges whose hashes form PATH(index, D[0:size]) (RFC 9162 2.1.3.1), leaf side first."""
    ranges: list[LeafRange] = []
    start, end = 0, size
    while end - start > 1:
        k = split_point(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
    ranges.reverse()
    return ranges


def consistency_ranges(first: int, second: int) -> list[LeafRange]:
    """The ranges whose hashes form PROOF(first, D[0:second]) (RFC 9162 2.1.4.1), 0 < first <= second."""
    ranges: list[LeafRange] = []
    start, end, m, complete = 0, second, first, True
    while m != end - start:
        k = split_point(end - start)
        if m <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start, m, complete = start + k, m - k, False
    if not complete:
        ranges.append((start, end))
    ranges.reverse()
    return ranges


def nodes_for(ranges: list[LeafRange]) -> set[NodeKey]:
    """Every stored node the given ranges need."""
    return {key for start, end in ranges for key in subtree_nodes(start, end)}
