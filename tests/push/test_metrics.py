"""A push delivery counts its status, its send time and its WeChat call in /metrics."""

from services.events import EventType
from tests.builders import emit_push_event, follow_oa, make_wechat_resident
from tests.builders.push import all_final
from tests.support.metrics import growth
from tests.support.waiting import eventually


async def test_a_push_delivery_counts_its_status_send_time_and_upstream_call(
        rt, client, wechat, push_worker):
    before = (await client.get("/metrics")).text
    user = await make_wechat_resident(rt, user_key="zhangsan")
    await follow_oa(wechat, "zhangsan")
    await emit_push_event(EventType.APPOINTMENT_CONFIRMED, user_id=str(user.id), item_name="居民身份证换领",
                          slot_time="2026-12-01 09:00", hall_name="海淀区政务服务中心",
                          appointment_id="apt-1")
    await eventually(all_final, "the message is sent")
    after = (await client.get("/metrics")).text

    def grew(name: str, **labels: str) -> float:
        return growth(before, after, name, **labels)

    assert grew("hdt_push_deliveries_total", status="sent", channel="oa_template") == 1
    assert grew("hdt_push_send_duration_seconds_count", channel="oa_template") == 1
    # The send, and the access token it needed unless an earlier test fetched it.
    assert grew("hdt_upstream_requests_total", service="wechat", outcome="ok") >= 1
    assert grew("hdt_upstream_request_duration_seconds_count", service="wechat") >= 1
