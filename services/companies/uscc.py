"""统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check
character over the first 17 (weights 3^i mod 31)."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{18}$"


def check_character(body: str) -> str:
    """The check character of the first 17 characters."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_problem(value: str) -> str | None:
    """Why ``value`` is not a unified social credit code, or None when it is one."""
    if len(value) != 18 or any(c not in ALPHABET for c in value):
        return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）"
    if check_character(value[:17]) != value[17]:
        return "统一社会信用代码校验位不正确"
    return None
