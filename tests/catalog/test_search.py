"""Search: substrings, synonyms, pinyin and initials; relevance before popularity."""

import pytest
from tortoise.transactions import in_transaction

from app.fastpath.sql import bind_slots
from services.catalog.queries import search_query
from services.catalog.search import (
    expand_query,
    term_shape,
    term_values,
)
from tests import backends
from tests.builders import item_spec

SEARCH = "/api/v1/catalog/search"


async def names(client, q: str, **params) -> list[str]:
    response = await client.get(SEARCH, params={"q": q, **params})
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


async def test_any_substring_of_the_name_matches(client, synced):
    assert await names(client, "证换") == ["居民身份证换领"]
    assert await names(client, "迁移") == ["户口迁移"]


async def test_common_word_finds_the_official_name_ordered_by_popularity(client, synced):
    # 身份证 -> 居民身份证: both items match equally, the more popular comes first.
    assert await names(client, "身份证") == ["居民身份证换领", "居民身份证补领"]
    assert await names(client, "开公司") == ["企业设立登记"]
    # 社保 -> 社会保障 / 社会保险: a name starting with the rewrite ranks above one containing it.
    assert await names(client, "社保") == ["社会保障卡申领", "灵活就业社会保险登记"]


async def test_item_alias_matches(client, synced):
    assert await names(client, "换身份证") == ["居民身份证换领"]


@pytest.mark.parametrize(("query", "expected"), [
    ("sfz", ["居民身份证换领", "居民身份证补领"]),
    ("SFZ", ["居民身份证换领", "居民身份证补领"]),
    ("shenfenzheng", ["居民身份证换领", "居民身份证补领"]),
    ("shen fen", ["居民身份证换领", "居民身份证补领"]),
    ("jmsfzhl", ["居民身份证换领"]),
    ("hkqy", ["户口迁移"]),
])
async def test_pinyin_and_initials_match(client, synced, query, expected):
    assert await names(client, query) == expected


async def test_name_prefix_outranks_more_popular_substring_match(client, synced):
    # 社会保障卡申领 starts with 社会 (popularity 800); 灵活就业社会保险登记 only contains it (950).
    assert await names(client, "社会") == ["社会保障卡申领", "灵活就业社会保险登记"]


async def test_filters_apply_to_search(client, synced):
    departments = (await client.get("/api/v1/catalog/departments")).json()["items"]
    hdrs = next(d["id"] for d in departments if d["code"] == "HDRS")
    assert await names(client, "社会", department_id=hdrs, mode="fully_online") == ["灵活就业社会保险登记"]


async def test_life_event_hall_and_level_filters_apply_to_search(client, synced):
    events = (await client.get("/api/v1/catalog/life-events")).json()["items"]
    birth = next(e["id"] for e in events if e["code"] == "birth")
    halls = (await client.get("/api/v1/catalog/halls")).json()["items"]
    zhongguancun = next(h["id"] for h in halls if h["code"] == "HD-ZGC")
    assert await names(client, "sfz", life_event_id=birth) == ["居民身份证换领"]
    assert await names(client, "户口", hall_id=zhongguancun) == ["户口迁移"]
    assert await names(client, "身份证", hall_id=zhongguancun) == []
    assert await names(client, "登记", level="municipal") == ["企业设立登记"]
    assert await names(client, "登记", level="municipal", life_event_id=birth) == []


async def test_one_or_two_characters_match_inside_one_part_of_the_search_text_only(client, synced):
    # On PostgreSQL a term of one or two characters is looked up in the gram index, on SQLite
    # scanned: the same answer. "领换" spans 居民身份证换领 and its alias 换身份证: no name, alias
    # or pinyin holds it.
    assert await names(client, "领换") == []
    assert await names(client, "换领") == ["居民身份证换领"]
    assert await names(client, "hl") == ["居民身份证换领"]
    # One character ranks like any term: inside names by popularity; a name's start first.
    assert await names(client, "领") == ["居民身份证换领", "社会保障卡申领", "居民身份证补领"]
    assert await names(client, "社") == ["社会保障卡申领", "灵活就业社会保险登记"]


@pytest.mark.skipif(not backends.POSTGRES_URL, reason="the indexes are PostgreSQL's")
@pytest.mark.parametrize(("query", "index"), [("户", "idx_service_items_search_grams"),
                                              ("户口", "idx_service_items_search_grams"),
                                              ("户口迁移", "idx_service_items_search_trgm")])
async def test_every_search_term_is_answered_from_its_index(synced, query, index):
    # pg_trgm has no trigram for a term of one or two characters: a two-character search scanned
    # the table (15 ms of PostgreSQL CPU at 10,000 items) until the pair index of migration 10,
    # and a one-character search scanned the whole trigram index (18 ms) until the gram index of
    # migration 11 took over from it.
    terms = expand_query(query)
    sql, parameters = search_query(terms=term_shape(terms), filters=()).get_parameterized_sql()
    values = {**term_values(terms), "published": True, "limit": 20, "offset": 0}
    async with in_transaction() as connection:
        # The test catalog is small enough for a scan to be cheaper: ask for the index path.
        await connection.execute_script("SET LOCAL enable_seqscan = off")
        _, plan = await connection.execute_query("EXPLAIN " + sql, bind_slots(parameters, values))
    lines = [row["QUERY PLAN"] for row in plan]
    used = {name for line in lines for name in ("idx_service_items_search_grams",
                                                "idx_service_items_search_trgm") if name in line}
    assert used == {index}, lines
    assert not any("Seq Scan" in line for line in lines), lines


async def test_no_match_is_an_empty_page(client, synced):
    assert await names(client, "火星移民") == []


async def test_results_page_by_cursor(client, synced):
    first = (await client.get(SEARCH, params={"q": "sfz", "limit": 1})).json()
    second = (await client.get(SEARCH, params={"q": "sfz", "limit": 1,
                                               "cursor": first["next_cursor"]})).json()
    assert [i["name"] for i in first["items"] + second["items"]] == ["居民身份证换领", "居民身份证补领"]
    assert second["next_cursor"] is None


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 33}, {"q": "sfz", "limit": "0"},
                                    {"q": "sfz", "mode": "by_pigeon"}, {"q": "sfz", "colour": "red"}])
async def test_bad_queries_are_refused(client, synced, params):
    response = await client.get(SEARCH, params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "VALIDATION_FAILED"


@pytest.mark.parametrize("query", ["% |", "（）·", "_ \\"])
async def test_query_without_letters_or_digits_is_refused(client, synced, query):
    response = await client.get(SEARCH, params={"q": query})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "SEARCH_QUERY_EMPTY"


class TestPunctuation:
    """Only letters and digits are compared: brackets, middle dots, spaces and full-width forms,
    in a name or in a query, never decide whether it matches."""

    ITEMS = [item_spec("GA010", "户口迁移（市内）", popularity=20),
             item_spec("GA011", "出生登记（户口申报）", popularity=10, aliases=["报出生·上户口"])]

    @pytest.fixture
    def catalog_items(self) -> list[dict]:
        return [dict(item) for item in self.ITEMS]

    @pytest.mark.parametrize("query", ["户口迁移（市内）", "户口迁移(市内)", "户口迁移 市内", "户口迁移市内",
                                       "移（市", "ＨＫＱＹ", "hkqy-sn", "Hu Kou Qian Yi"])
    async def test_any_spelling_of_the_name_finds_it(self, client, synced, query):
        assert await names(client, query) == ["户口迁移（市内）"]

    async def test_brackets_and_dots_are_skipped_inside_names_and_aliases(self, client, synced):
        assert await names(client, "登记户口") == ["出生登记（户口申报）"]
        assert await names(client, "出生上户口") == ["出生登记（户口申报）"]


class TestRanking:
    """Every relevance level, popularity and code ties, the synonym bonus and paging, on a catalog
    where popularity runs against relevance (so the order can only come from the ranking)."""

    ITEMS = [
        item_spec("QZ001", "签注", popularity=1),
        item_spec("QZ002", "签注申请", popularity=3),
        item_spec("QZ003", "签注补办", popularity=3),
        item_spec("QZ004", "办理签注", popularity=40),
        item_spec("QZ005", "出入境证件办理", popularity=50, aliases=["签注办理", "qianzhu办理"]),
        item_spec("QZ006", "QianZhu自助服务", popularity=5),
        item_spec("JZ001", "机动车驾驶证", popularity=10),
        item_spec("JZ002", "驾照考试报名", popularity=100),
        item_spec("JZ003", "机动车驾驶证换证", popularity=900),
        item_spec("JZ004", "补办驾照", popularity=950),
    ]

    @pytest.fixture
    def catalog_items(self) -> list[dict]:
        return [dict(item) for item in self.ITEMS]

    async def test_name_beats_alias_then_equal_scores_go_by_popularity_then_code(self, client, synced):
        # exact name, name start (tied at popularity 3: by code), inside the name, inside an alias.
        assert await names(client, "签注") == ["签注", "签注申请", "签注补办", "办理签注", "出入境证件办理"]

    async def test_alias_beats_pinyin_start_beats_pinyin_inside(self, client, synced):
        assert await names(client, "qianzhu") == ["QianZhu自助服务", "出入境证件办理", "签注申请",
                                                  "签注补办", "签注", "办理签注"]
        assert await names(client, "qz") == ["签注申请", "签注补办", "签注", "办理签注"]

    async def test_literal_query_outranks_its_synonym_at_the_same_level_only(self, client, synced):
        # 驾照 -> 机动车驾驶证: exact rewrite 100 > literal name start 95 > rewrite name start 90
        # > literal inside the name 85, whatever the popularity.
        assert await names(client, "驾照") == ["机动车驾驶证", "驾照考试报名", "机动车驾驶证换证", "补办驾照"]

    async def test_pages_follow_the_ranking(self, client, synced):
        everything = await names(client, "qianzhu")
        paged, cursor = [], None
        while True:
            params = {"q": "qianzhu", "limit": 2} | ({"cursor": cursor} if cursor else {})
            page = (await client.get(SEARCH, params=params)).json()
            paged += [item["name"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert paged == everything
        assert len(everything) == 6
