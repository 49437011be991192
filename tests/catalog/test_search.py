"""Search: substrings, synonyms, pinyin and initials; relevance before popularity."""

import pytest

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


async def test_query_of_only_separators_is_refused(client, synced):
    response = await client.get(SEARCH, params={"q": "% |"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "SEARCH_QUERY_EMPTY"
