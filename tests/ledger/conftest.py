"""Ledger test helpers: an independent RFC 9162 reference and the published key set."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import pytest

from ledger_verifier import load_jwks


class ReferenceTree:
    """RFC 9162 section 2.1 written out literally over a list of leaves (MTH, PATH, PROOF)."""

    def __init__(self, leaves: list[bytes]) -> None:
        self.leaves = leaves
        self.mth = lru_cache(maxsize=None)(self._mth)

    @staticmethod
    def _k(n: int) -> int:
        k = 1
        while k * 2 < n:
            k *= 2
        return k

    def _mth(self, lo: int, hi: int) -> bytes:
        n = hi - lo
        if n == 0:
            return hashlib.sha256(b"").digest()
        if n == 1:
            return hashlib.sha256(b"\x00" + self.leaves[lo]).digest()
        k = self._k(n)
        return hashlib.sha256(b"\x01" + self.mth(lo, lo + k) + self.mth(lo + k, hi)).digest()

    def path(self, m: int, lo: int, hi: int) -> list[bytes]:
        n = hi - lo
        if n == 1:
            return []
        k = self._k(n)
        if m < k:
            return self.path(m, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.path(m - k, lo + k, hi) + [self.mth(lo, lo + k)]

    def subproof(self, m: int, lo: int, hi: int, complete: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if complete else [self.mth(lo, hi)]
        k = self._k(n)
        if m <= k:
            return self.subproof(m, lo, lo + k, complete) + [self.mth(lo + k, hi)]
        return self.subproof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]


@pytest.fixture
async def ledger_keys(client):
    """The ledger's public keys as an outside verifier gets them: from the published JWKS."""
    response = await client.get("/api/v1/ledger/keys")
    assert response.status_code == 200
    return load_jwks(response.json())
