"""RFC 9162 Merkle tree hashing and proof verification (sections 2.1.1, 2.1.3.2, 2.1.4.2)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()


def hash_leaf(data: bytes) -> bytes:
    """MTH of one entry: SHA-256(0x00 || data)."""
    return hashlib.sha256(b"\x00" + data).digest()


def hash_children(left: bytes, right: bytes) -> bytes:
    """An interior node: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(*, leaf_hash: bytes, leaf_index: int, tree_size: int,
                     path: Sequence[bytes], root_hash: bytes) -> bool:
    """True when ``path`` proves the leaf sits at ``leaf_index`` of the tree with ``root_hash``."""
    computed = root_from_inclusion(leaf_hash=leaf_hash, leaf_index=leaf_index,
                                   tree_size=tree_size, path=path)
    return computed is not None and computed == root_hash


def root_from_inclusion(*, leaf_hash: bytes, leaf_index: int, tree_size: int,
                        path: Sequence[bytes]) -> bytes | None:
    """The root an inclusion path leads to, or None when the path cannot fit the tree size."""
    if not 0 <= leaf_index < tree_size:
        return None
    fn, sn, result = leaf_index, tree_size - 1, leaf_hash
    for sibling in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            result = hash_children(sibling, result)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = hash_children(result, sibling)
        fn, sn = fn >> 1, sn >> 1
    return result if sn == 0 else None


def verify_consistency(*, first_size: int, first_root: bytes, second_size: int,
                       second_root: bytes, path: Sequence[bytes]) -> bool:
    """True when ``path`` proves the tree of ``second_size`` extends the one of ``first_size``."""
    if not 0 < first_size <= second_size:
        return False
    if first_size == second_size:
        return not path and first_root == second_root
    if not path:
        return False
    nodes = list(path)
    if first_size & (first_size - 1) == 0:
        nodes.insert(0, first_root)
    fn, sn = first_size - 1, second_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    first_hash = second_hash = nodes[0]
    for node in nodes[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            first_hash = hash_children(node, first_hash)
            second_hash = hash_children(node, second_hash)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            second_hash = hash_children(second_hash, node)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and first_hash == first_root and second_hash == second_root


class CompactRange:
    """The roots of the complete subtrees of a growing log: O(log n) memory, O(1) amortised appends.

    Appending leaves in order yields every complete subtree hash as it closes, which is how both
    the server (storing them) and the auditor (recomputing them) walk the log.
    """

    def __init__(self, peaks: Sequence[tuple[int, bytes]] = (), size: int = 0) -> None:
        self.peaks: list[tuple[int, bytes]] = list(peaks)  # (level, hash), left to right
        self.size = size

    def append(self, leaf_hash: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf; returns every node it completes as (level, index, hash), the leaf first."""
        index = self.size
        created = [(0, index, leaf_hash)]
        level, current = 0, leaf_hash
        while self.peaks and self.peaks[-1][0] == level:
            _, left = self.peaks.pop()
            current = hash_children(left, current)
            level += 1
            created.append((level, index >> level, current))
        self.peaks.append((level, current))
        self.size += 1
        return created

    def root(self) -> bytes:
        """The RFC 9162 root of the leaves appended so far."""
        if not self.peaks:
            return EMPTY_ROOT
        result = self.peaks[-1][1]
        for _, peak in reversed(self.peaks[:-1]):
            result = hash_children(peak, result)
        return result
