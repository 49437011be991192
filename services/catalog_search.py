"""Chinese search over item names: substrings, synonyms, pinyin and pinyin initials.

Every item carries a precomputed ``search_text`` (lower-cased name, aliases, full pinyin and
initials joined by "|"). The database narrows candidates with ``LIKE '%term%'`` on that column
(a pg_trgm GIN index on PostgreSQL, a scan on SQLite); ranking happens here in Python, so both
backends return the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

# Common words residents type -> the official wording in item names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "身份证": ("居民身份证",),
    "户口": ("户籍",),
    "社保": ("社会保险", "社会保障"),
    "医保": ("医疗保险", "医疗保障"),
    "公积金": ("住房公积金",),
    "营业执照": ("企业设立登记", "个体工商户"),
    "开公司": ("企业设立登记",),
    "房产证": ("不动产权", "不动产登记"),
    "过户": ("转移登记",),
    "准生证": ("生育登记",),
    "失业金": ("失业保险金",),
    "驾照": ("机动车驾驶证",),
    "护照": ("普通护照",),
    "港澳通行证": ("往来港澳通行证",),
    "低保": ("最低生活保障",),
    "结婚证": ("结婚登记",),
    "退休": ("退休", "养老金"),
}
SEPARATOR = "|"
_NOISE = re.compile(r"[\s|%_\\]+")
MAX_QUERY_LENGTH = 32


def normalise(text: str) -> str:
    """Lower-case, without spaces and the characters LIKE or our separator would interpret."""
    return _NOISE.sub("", text).lower()


def pinyin_of(text: str) -> tuple[str, str]:
    """Full pinyin and initials of ``text``, lower-case; other characters kept as they are."""
    syllables = lazy_pinyin(text, errors="default")
    initials = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return normalise("".join(syllables)), normalise("".join(initials))


def build_search_text(name: str, aliases: list[str]) -> str:
    """The column value search matches against."""
    full, initials = pinyin_of(name)
    parts = [normalise(name), *(normalise(a) for a in aliases), full, initials]
    return SEPARATOR.join(parts)


def expand_query(query: str) -> list[str]:
    """The query and its synonym rewrites (身份证换领 -> 居民身份证换领), normalised."""
    term = normalise(query)
    terms = [term]
    for word, official in SYNONYMS.items():
        if word in term:
            terms += [term.replace(word, replacement) for replacement in official]
    return list(dict.fromkeys(t for t in terms if t))


@dataclass(frozen=True)
class Candidate:
    item_id: str
    name: str
    search_text: str
    popularity: int
    code: str


def relevance(candidate: Candidate, terms: list[str]) -> int:
    """Score one item: name match beats alias match beats pinyin beats initials."""
    name, *aliases, full, initials = candidate.search_text.split(SEPARATOR)
    best = 0
    for rank, term in enumerate(terms):
        # The literal query outranks its synonym rewrites.
        bonus = 5 if rank == 0 else 0
        if name == term:
            score = 100
        elif name.startswith(term):
            score = 90
        elif term in name:
            score = 80
        elif any(term in alias for alias in aliases):
            score = 70
        elif full.startswith(term) or initials.startswith(term):
            score = 60
        elif term in full or term in initials:
            score = 50
        else:
            continue
        best = max(best, score + bonus)
    return best


def rank(candidates: list[Candidate], terms: list[str]) -> list[Candidate]:
    """Relevance first, then popularity, then code for a stable order."""
    scored = [(relevance(c, terms), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s > 0]
    scored.sort(key=lambda sc: (-sc[0], -sc[1].popularity, sc[1].code))
    return [c for _, c in scored]
