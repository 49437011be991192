"""Scene QR codes: created at WeChat, scanned to follow, tag, answer and count."""

from datetime import timedelta

from wechatpy import parse_message

from app.ids import utcnow
from models.oa import OASceneCode
from tests.builders import make_hall
from tests.builders.oa import oa_editor
from tests.push.test_oa_callback import event_xml, post_plain

SCENES = "/api/v1/admin/oa/scenes"


async def test_a_new_follower_scanning_a_hall_code_is_tagged_answered_counted_and_reached(
        client, rt, wechat, settings):
    await make_hall(code="H01", name="海淀区政务服务中心")
    admin = await oa_editor(rt)
    await client.put("/api/v1/admin/oa/replies", headers=admin.headers, json={
        "trigger": "scan", "key": "hall:H01", "content": {"type": "text", "text": "欢迎来到区政务服务中心"}})
    created = await client.post(SCENES, headers=admin.headers,
                                json={"kind": "hall", "hall_code": "H01", "expire_seconds": 86400})
    assert created.status_code == 201, created.text
    code = created.json()
    assert (code["scene"], code["tag"], code["permanent"]) == ("hall:H01", "hall:H01", False)
    png = await client.get(f"{SCENES}/{code['id']}/qr.png", headers=admin.headers)
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    shown = await wechat.get("/cgi-bin/showqrcode", params={"ticket": code["ticket"]})
    assert shown.status_code == 200

    scanned = (await wechat.post("/_emulator/oa/scan", json={"user": "lisi",
                                                            "ticket": code["ticket"]})).json()
    assert (scanned["event"], scanned["callback_status"]) == ("subscribe", 200)
    openid = scanned["openid"]
    at_wechat = (await wechat.get("/_emulator/oa/admin")).json()
    tag_id = {name: tag_id for tag_id, name in at_wechat["tags"].items()}["hall:H01"]
    assert at_wechat["follower_tags"][openid] == [int(tag_id)]

    # Scanning again as a follower is a SCAN event, answered with the scene's reply.
    again = parse_message((await post_plain(client, settings, event_xml(
        openid, Event="SCAN", EventKey="hall:H01", Ticket=code["ticket"]))).text)
    assert again.content == "欢迎来到区政务服务中心"

    stats = (await client.get(f"{SCENES}/{code['id']}/stats", headers=admin.headers)).json()
    assert (stats["scans"], stats["new_followers"], len(stats["days"])) == (2, 1, 1)

    # The hall's notices reach the tagged followers, who never followed the hall in the app (a
    # second scanner: WeChat's mass send by openid list needs at least two).
    other = (await wechat.post("/_emulator/oa/scan", json={"user": "wangwu",
                                                          "ticket": code["ticket"]})).json()["openid"]
    notice = await client.post("/api/v1/admin/broadcasts", headers=admin.headers, json={
        "title": "闭馆通知", "content": "本周六暂停服务", "audience": "hall:H01"})
    assert notice.status_code == 201, notice.text
    [sent] = (await wechat.get("/_emulator/oa/mass-sends")).json()["mass_sends"]
    assert sent["recipients"] == sorted([openid, other])


async def test_a_tag_scoped_reply_answers_only_followers_with_the_tag(client, rt, wechat, settings):
    await make_hall(code="H02")
    admin = await oa_editor(rt)
    for tag, text in ((None, "通用回答"), ("hall:H02", "本厅回答")):
        await client.put("/api/v1/admin/oa/replies", headers=admin.headers, json={
            "trigger": "keyword_exact", "key": "地址", "tag": tag, "content": {"type": "text", "text": text}})
    code = (await client.post(SCENES, headers=admin.headers,
                              json={"kind": "window", "hall_code": "H02", "window": "3"})).json()
    assert (code["scene"], code["permanent"]) == ("window:H02-3", True)
    tagged = (await wechat.post("/_emulator/oa/scan", json={"user": "lisi",
                                                           "ticket": code["ticket"]})).json()["openid"]
    untagged = (await wechat.post("/_emulator/oa/follow", json={"user": "wangwu"})).json()["openid"]

    async def answer(openid: str) -> str:
        return parse_message((await post_plain(client, settings, event_xml(
            openid, msg_type="text", Content="地址"))).text).content

    assert (await answer(tagged), await answer(untagged)) == ("本厅回答", "通用回答")


async def test_an_expired_code_is_refused(client, rt, wechat):
    await make_hall(code="H03")
    admin = await oa_editor(rt)
    code = (await client.post(SCENES, headers=admin.headers,
                              json={"kind": "hall", "hall_code": "H03", "expire_seconds": 60})).json()
    await wechat.post("/_emulator/clock", json={"advance_seconds": 61})
    scan = await wechat.post("/_emulator/oa/scan", json={"user": "lisi", "ticket": code["ticket"]})
    image = await wechat.get("/cgi-bin/showqrcode", params={"ticket": code["ticket"]})
    # The service's own clock: the code's expiry passes.
    await OASceneCode.filter(id=code["id"]).update(expires_at=utcnow() - timedelta(seconds=1))
    png = await client.get(f"{SCENES}/{code['id']}/qr.png", headers=admin.headers)

    assert scan.status_code == 410 and image.status_code == 404
    assert png.status_code == 410 and png.json()["error"]["code"] == "OA_SCENE_EXPIRED"
    # An expired code's scene can be issued again.
    renewed = await client.post(SCENES, headers=admin.headers,
                                json={"kind": "hall", "hall_code": "H03", "expire_seconds": 60})
    assert renewed.status_code == 201


async def test_hall_managers_manage_their_own_halls_codes_only(client, rt):
    await make_hall(code="H04")
    await make_hall(code="H05")
    manager = await oa_editor(rt, "hall_manager@H04")
    own = await client.post(SCENES, headers=manager.headers, json={"kind": "hall", "hall_code": "H04"})
    other = await client.post(SCENES, headers=manager.headers, json={"kind": "hall", "hall_code": "H05"})
    campaign = await client.post(SCENES, headers=manager.headers,
                                 json={"kind": "campaign", "campaign": "spring"})
    twice = await client.post(SCENES, headers=manager.headers, json={"kind": "hall", "hall_code": "H04"})
    unknown = await client.post(SCENES, headers=manager.headers, json={"kind": "hall", "hall_code": "H99"})
    clerk = await oa_editor(rt, "clerk@H04")
    stats_as_clerk = await client.get(f"{SCENES}/{own.json()['id']}/stats", headers=clerk.headers)

    assert own.status_code == 201
    assert (other.status_code, campaign.status_code, stats_as_clerk.status_code) == (403, 403, 403)
    assert (twice.status_code, twice.json()["error"]["code"]) == (409, "OA_SCENE_EXISTS")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (422, "OA_SCENE_HALL_UNKNOWN")
