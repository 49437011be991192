"""A large synthetic catalog in the sync format, built from the demo catalog (for benchmarks)."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import orjson

DEMO_CATALOG = Path(__file__).resolve().parent / "data" / "demo_catalog.json"
_VARIANTS = ("新办", "变更", "延续", "注销", "补证", "换证", "备案", "年度报告", "跨区迁入", "委托代办")


def load_demo() -> dict[str, Any]:
    """The demo catalog shipped in the repository."""
    catalog: dict[str, Any] = orjson.loads(DEMO_CATALOG.read_bytes())
    return catalog


def generate(*, items: int, seed: int = 2026) -> dict[str, Any]:
    """``items`` items: the demo ones first, then numbered variants of them."""
    demo = load_demo()
    base = demo["items"]
    rng = random.Random(seed)
    generated = []
    for index in range(items):
        template = base[index % len(base)]
        round_ = index // len(base)
        if round_ == 0:
            generated.append(template)
            continue
        item = copy.deepcopy(template)
        variant = _VARIANTS[round_ % len(_VARIANTS)]
        item["code"] = f"{template['code']}-{round_:04d}"
        item["name"] = f"{template['name']}（{variant}·{round_}）"
        item["popularity"] = rng.randint(0, 500)
        item["aliases"] = []
        generated.append(item)
    return {**demo, "source": f"合成目录（{items} 个事项，基于演示目录）", "items": generated}


def write(*, items: int, out: Path) -> None:
    """Write a generated catalog as JSON."""
    out.write_bytes(orjson.dumps(generate(items=items)))
