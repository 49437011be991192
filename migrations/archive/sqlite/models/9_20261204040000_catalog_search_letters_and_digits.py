import json
import re
import unicodedata

from pypika_tortoise.queries import Table
from pypika_tortoise.terms import Parameter
from pypinyin import Style, lazy_pinyin
from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# A frozen copy of the search-text rule this migration introduced (services/catalog_search.py as
# released on 2026-12-04): a migration must always do what it did when released, so it imports
# nothing from the application. Never edit it; a later rule change needs its own migration.
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def _normalise(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text)).lower()


def _search_text(name: str, aliases: list[str]) -> str:
    full = _normalise("".join(lazy_pinyin(name, errors="default")))
    initials = _normalise("".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")))
    return "|".join([_normalise(name), *(_normalise(alias) for alias in aliases), full, initials])


async def _rewrite_search_texts(db: BaseDBAsyncClient) -> None:
    items = Table("service_items")
    _, rows = await db.execute_query(str(db.query_class.from_(items).select(
        items.id, items.name, items.aliases, items.search_text)))
    changed = []
    for row in rows:
        aliases = row["aliases"]
        # asyncpg hands JSONB over as text, aiosqlite the JSON column as text too.
        aliases = json.loads(aliases) if isinstance(aliases, (str, bytes)) else aliases
        text = _search_text(row["name"], aliases)
        if text != row["search_text"]:
            changed.append([text, row["id"]])
    if changed:
        await db.execute_many(str(db.query_class.update(items).set(items.search_text, Parameter(idx=1))
                                  .where(items.id == Parameter(idx=2))), changed)


# Written by hand: no model changed. Search now compares only letters and digits (punctuation,
# spaces and symbols dropped, full-width forms folded: _normalise above), so every stored
# search_text is recomputed with the new rule. Without this, a stored text kept its punctuation
# until its item was next written, and a query, which has none now, could miss it.
async def upgrade(db: BaseDBAsyncClient) -> str:
    await _rewrite_search_texts(db)
    return ""


# The previous release's search works on the new texts, except that its queries keep their
# punctuation: 户口迁移（市内） typed with its brackets finds nothing until the item is next written.
async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
