"""The Merkle log agrees with RFC 9162 (published vectors and the RFC's own definitions)."""

from __future__ import annotations

from ledger_verifier import (
    CompactRange,
    hash_leaf,
    verify_consistency,
    verify_inclusion,
)
from models.ledger import LedgerNode
from services import ledger
from services.ledger.tree import consistency_ranges, inclusion_ranges, range_hash
from tests.builders import append_ledger
from tests.builders.ledger import ReferenceTree

# The RFC 6962 reference tree used by Certificate Transparency implementations: 8 leaves and
# the published Merkle Tree Hash of every prefix.
RFC6962_LEAVES = [bytes.fromhex(h) for h in
                  ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                   "606162636465666768696a6b6c6d6e6f"]]
RFC6962_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_incremental_roots_match_the_rfc6962_vectors():
    tree = CompactRange()
    roots = [tree.root().hex()]
    for leaf in RFC6962_LEAVES:
        tree.append(hash_leaf(leaf))
        roots.append(tree.root().hex())
    assert roots == RFC6962_ROOTS


async def test_stored_tree_and_proofs_agree_with_the_rfc_for_every_size_up_to_300():
    entries = await append_ledger(300)
    reference = ReferenceTree([entry.leaf.encode("utf-8") for entry in entries])
    nodes = {(level, index): bytes(digest) for level, index, digest
             in await LedgerNode.all().values_list("level", "node_index", "hash")}
    assert len(nodes) == sum(300 >> level for level in range(9))  # every complete subtree, once

    for n in range(1, 301):
        root = range_hash(0, n, nodes)
        assert root == reference.mth(0, n)
        for m in range(n):
            path = [range_hash(lo, hi, nodes) for lo, hi in inclusion_ranges(m, n)]
            assert path == reference.path(m, 0, n)
            assert verify_inclusion(leaf_hash=hash_leaf(reference.leaves[m]), leaf_index=m, tree_size=n,
                                    path=path, root_hash=root)
        for m in range(1, n + 1):
            path = [range_hash(lo, hi, nodes) for lo, hi in consistency_ranges(m, n)]
            assert path == reference.subproof(m, 0, n, True)
            assert verify_consistency(first_size=m, first_root=reference.mth(0, m), second_size=n,
                                      second_root=root, path=path)
    assert (await ledger.log_state()).root_hash == reference.mth(0, 300)


def test_verifier_rejects_proofs_that_do_not_fit():
    leaves = [f"leaf-{i}".encode() for i in range(11)]
    reference = ReferenceTree(leaves)
    root, path = reference.mth(0, 11), reference.path(4, 0, 11)
    leaf = hash_leaf(leaves[4])
    assert verify_inclusion(leaf_hash=leaf, leaf_index=4, tree_size=11, path=path, root_hash=root)
    assert not verify_inclusion(leaf_hash=leaf, leaf_index=5, tree_size=11, path=path, root_hash=root)
    assert not verify_inclusion(leaf_hash=leaf, leaf_index=4, tree_size=17, path=path, root_hash=root)
    assert not verify_inclusion(leaf_hash=leaf, leaf_index=4, tree_size=11, path=path[:-1], root_hash=root)
    assert not verify_inclusion(leaf_hash=leaf, leaf_index=11, tree_size=11, path=path, root_hash=root)
    tampered = [path[0][:-1] + bytes([path[0][-1] ^ 1]), *path[1:]]
    assert not verify_inclusion(leaf_hash=leaf, leaf_index=4, tree_size=11, path=tampered, root_hash=root)

    proof = reference.subproof(6, 0, 11, True)
    assert verify_consistency(first_size=6, first_root=reference.mth(0, 6), second_size=11,
                              second_root=root, path=proof)
    assert not verify_consistency(first_size=6, first_root=reference.mth(0, 5), second_size=11,
                                  second_root=root, path=proof)
    assert not verify_consistency(first_size=6, first_root=reference.mth(0, 6), second_size=11,
                                  second_root=root, path=proof[:-1])
    assert not verify_consistency(first_size=0, first_root=reference.mth(0, 0), second_size=11,
                                  second_root=root, path=[])
    assert not verify_consistency(first_size=11, first_root=reference.mth(0, 10), second_size=11,
                                  second_root=root, path=[])
