"""Chinese search over item names: substrings, synonyms, pinyin and pinyin initials.

Every item carries a precomputed ``search_text`` (name, aliases, full pinyin and initials, each
reduced to its lower-cased letters and digits, joined by "|"); a query is reduced the same way, so
punctuation, spaces and full-width forms never decide a match. The database finds candidates with
``LIKE '%term%'`` on that column (a pg_trgm GIN index on PostgreSQL, a scan on SQLite; a term of one
or two characters, which has no trigram, is looked up on PostgreSQL in an index of each item's
characters and character pairs instead) and ranks them with ``relevance``, a CASE of LIKE and
position tests on the same column, so only one page leaves it and both backends return the same
order. The terms are parameters, so the SQL of a query shape is built once.
"""

from __future__ import annotations

import re
import unicodedata

from pypika_tortoise.terms import Case, Criterion, Function, LiteralValue, Term, ValueWrapper
from pypinyin import Style, lazy_pinyin
from tortoise.contrib.postgres.array_functions import postgres_array_contains

from app.fastpath.sql import slot

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
# Everything but letters and digits (CJK characters are letters): punctuation, symbols, spaces, "_".
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
MAX_QUERY_LENGTH = 32


def normalise(text: str) -> str:
    """Only the letters and digits of ``text``, lower-cased, full-width forms folded (NFKC).

    Residents type 户口迁移(市内), 户口迁移 市内 or ＳＦＺ for 户口迁移（市内） and sfz. It also keeps
    what LIKE or our separator would interpret (``%``, ``_``, ``|``, ``\\``) out of every term, and
    pg_trgm, which takes only letters and digits into trigrams, gets whole words: a term such as
    ``市）（`` had only the trigrams of ``市`` to look up and rechecked thousands of rows."""
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text)).lower()


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


def _position(dialect: str, column: Term, needle: Term) -> Term:
    """1-based position of ``needle`` in ``column``, 0 when absent."""
    return Function("strpos" if dialect == "postgres" else "instr", column, needle)


# The LIKE patterns (and the plain term, for positions) each term is tested with, by slot suffix.
_TERM_PATTERNS = {
    "whole": "{}" + SEPARATOR + "%",
    "start": "{}%",
    "term": "{}",
    "alias": "%{}%" + SEPARATOR + "%" + SEPARATOR + "%",
    "pinyin": "%" + SEPARATOR + "{}%",
    "anywhere": "%{}%",
}


def _conditions(dialect: str, column: Term, index: int) -> list[tuple[int, Criterion]]:
    """(score, test) for term ``index``, best first. Each test is only reached once every better
    one failed for this term, and relies on that: the query has no "|" (normalise() strips it,
    and the wildcards), so a pattern cannot cross from one part of search_text to another."""

    def pattern(kind: str) -> ValueWrapper:
        return slot(f"{kind}:{index}")

    in_text = _position(dialect, column, pattern("term"))
    name_end = _position(dialect, column, ValueWrapper(SEPARATOR, allow_parametrize=False))
    # The ignores: pypika types like()'s pattern as a str; it binds any term, here a slot.
    return [
        (100, column.like(pattern("whole"))),  # type: ignore[arg-type]  # the whole name
        (90, column.like(pattern("start"))),  # type: ignore[arg-type]  # the name's start
        (80, (in_text > 0) & (in_text < name_end)),  # first occurrence before the first "|": the name
        # Not in the name; followed by at least two "|" (pinyin, initials): inside an alias.
        (70, column.like(pattern("alias"))),  # type: ignore[arg-type]
        # Only in the pinyin or initials now; right after a "|": at the start of one of them.
        (60, column.like(pattern("pinyin"))),  # type: ignore[arg-type]
        (50, column.like(pattern("anywhere"))),  # type: ignore[arg-type]
    ]


def relevance(dialect: str, column: Term, term_count: int) -> Case:
    """An item's relevance to the expanded query (``term_count`` terms), computed by the database.

    Whole name 100, name start 90, inside the name 80, inside an alias 70, pinyin or initials
    start 60, inside them 50; +5 when the literal query (term 0), not a synonym rewrite, matched.
    The best over all terms counts, so the CASE lists every (score, terms) pair from the highest
    down and the first that holds wins."""
    query, *rewrites = [_conditions(dialect, column, index) for index in range(term_count)]
    case = Case()
    for level, (score, literal_test) in enumerate(query):
        case = case.when(literal_test, LiteralValue(score + 5))
        if rewrites:
            case = case.when(Criterion.any(r[level][1] for r in rewrites), LiteralValue(score))
    # Scores are our constants, written into the SQL so the CASE has a numeric type.
    return case.else_(LiteralValue(0))


def term_shape(terms: list[str]) -> tuple[bool, ...]:
    """For each term, whether it is a gram (one or two characters): pg_trgm has no trigram to look
    up for it and would scan its whole index, so on PostgreSQL such a term is found in the
    ``hdt_search_grams`` expression index (migration 11). Part of the query's shape."""
    return tuple(len(term) <= 2 for term in terms)


def matches(dialect: str, column: Term, shape: tuple[bool, ...]) -> Criterion:
    """Rows containing any of the terms (``shape`` from ``term_shape``), as the indexes ask it.
    A gram in ``hdt_search_grams`` means exactly ``LIKE '%gram%'``: the characters and pairs are
    taken within each "|"-separated part, and a term has no "|"; so SQLite's scan finds the same
    rows."""

    def contains(index: int, is_gram: bool) -> Criterion:
        if is_gram and dialect == "postgres":
            return postgres_array_contains(Function("hdt_search_grams", column), slot(f"gram:{index}"))
        return column.like(slot(f"anywhere:{index}"))  # type: ignore[arg-type]  # a slot, as above

    # The ignore: pypika types any() as EmptyCriterion, its result for no terms (a shape has one or more).
    return Criterion.any(contains(index, is_gram) for index, is_gram in enumerate(shape))  # type: ignore[return-value]


def term_values(terms: list[str]) -> dict[str, str | list[str]]:
    """The slot values ``relevance`` and ``matches`` take for these terms."""
    values: dict[str, str | list[str]] = {
        f"{kind}:{index}": pattern.format(term)
        for index, term in enumerate(terms) for kind, pattern in _TERM_PATTERNS.items()}
    values.update({f"gram:{index}": [term] for index, term in enumerate(terms)})
    return values

