"""Personal data never reaches the logs in clear."""

import logging

from app.logging import mask_personal_data
from tests.builders import login_resident, make_resident


def test_id_numbers_phones_and_secrets_are_masked_anywhere_in_an_event():
    event = mask_personal_data(None, "info", {
        "event": "login for 110108199003071234 from 13800138000",
        "password": "hunter2",
        "id_number": "11010819900307123X",
        "context": {"phone": "13912345678", "items": ["call 13700001111"]},
    })
    assert event["event"] == "login for 1101**********1234 from 138****8000"
    assert event["password"] == "***"
    assert event["id_number"] == "1101**********123X"
    assert event["context"] == {"phone": "139****5678", "items": ["call 137****1111"]}


def test_ids_we_make_are_left_whole_though_their_digits_read_as_an_id_number():
    # A request id and a UUID whose digit runs match an ID number's and a phone's shapes.
    ours = {"request_id": "09cfe6bc492316681630677257ec02b5",
            "subject": "resident:01a24449-1380-4138-8000-13800138000f",
            "application_id": "0c1d2e3f-4a5b-4c6d-8e7f-138001380001"}
    assert mask_personal_data(None, "info", dict(ours)) == ours


def _support_lines(caplog) -> list[dict]:
    return [r.msg for r in caplog.records if isinstance(r.msg, dict) and r.msg.get("event") == "support_line"]


async def test_request_lines_name_the_client_and_the_subject_never_the_person(client, rt, caplog):
    user = await make_resident(rt, realname=True)
    resident = await login_resident(rt, user)
    with caplog.at_level(logging.WARNING):
        assert (await client.get("/_test/log-line", headers=resident.headers)).status_code == 200
    [line] = _support_lines(caplog)
    assert line["client"] == "127.0.0.1"
    assert line["subject"] == f"resident:{user.id}"
    assert "张三" not in str(line) and "110108199003071234" not in str(line)


async def test_the_client_address_comes_through_the_trusted_proxies(app, client, rt, caplog,
                                                                    monkeypatch):
    monkeypatch.setattr(app.config, "PROXIES_COUNT", 1)
    resident = await login_resident(rt, await make_resident(rt))
    with caplog.at_level(logging.WARNING):
        response = await client.get("/_test/log-line", headers={
            **resident.headers, "x-forwarded-for": "198.51.100.9, 203.0.113.7"})
    assert response.status_code == 200
    [line] = _support_lines(caplog)
    assert line["client"] == "203.0.113.7"
