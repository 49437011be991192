"""What the mini-program needs before ``wx.requestSubscribeMessage``: the template id of each
message kind, and how many one-time grants the resident still holds per template."""

from __future__ import annotations

from tests.builders import login_resident, login_staff, make_staff, make_wechat_resident


async def test_each_message_kind_names_its_subscribe_template_and_the_events_that_send_it(client, settings):
    response = await client.get("/api/v1/push/subscribe-templates")
    assert response.status_code == 200
    templates = {t["kind"]: t for t in response.json()["templates"]}
    assert set(templates) == set(settings.push_templates)
    assert templates["booking_confirmed"] == {"kind": "booking_confirmed",
                                              "template_id": "dev-mp-booking-confirmed",
                                              "oa_template_id": None,
                                              "event_types": ["appointment.confirmed"]}
    # The account's 订阅通知 template, for the OA's H5 pages (wx-open-subscribe).
    assert templates["prereview_passed"]["oa_template_id"] == "dev-oasub-prereview-passed"
    assert templates["notice"]["event_types"] == ["push.notice"]


async def test_my_subscriptions_count_accepted_grants_per_template_from_zero(client, rt):
    resident = await login_resident(rt, await make_wechat_resident(rt, user_key="lisi"))
    before = await client.get("/api/v1/me/subscriptions", headers=resident.headers)
    assert before.status_code == 200
    assert {g["remaining"] for g in before.json()["grants"]} == {0}

    for result in ("accept", "accept", "reject"):
        await client.post("/api/v1/me/subscriptions", headers=resident.headers,
                          json={"results": {"dev-mp-booking-confirmed": result,
                                            "dev-mp-checked-in": "reject"}})
    grants = {g["template_id"]: g for g in
              (await client.get("/api/v1/me/subscriptions", headers=resident.headers)).json()["grants"]}
    assert grants["dev-mp-booking-confirmed"] == {"template_id": "dev-mp-booking-confirmed",
                                                  "remaining": 2, "kinds": ["booking_confirmed"]}
    assert grants["dev-mp-checked-in"]["remaining"] == 0
    assert len(grants) == len(before.json()["grants"])


async def test_my_subscriptions_are_a_residents_own(client, rt):
    anonymous = await client.get("/api/v1/me/subscriptions")
    assert anonymous.status_code == 401
    admin = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    staff = await client.get("/api/v1/me/subscriptions", headers=admin.headers)
    assert staff.status_code == 403
