"""Events that once reached only staff reach the resident too: clock stopped, restarted, run out."""

from __future__ import annotations

from datetime import timedelta

from app.ids import to_local, utcnow
from models.prereview import Application
from services.applications import desk
from tests.builders import follow_oa, login_resident, make_wechat_resident
from tests.builders.onewindow import accepted, checked_in_visit, desk_post, make_window
from tests.builders.push import all_final
from tests.push.test_delivery import messages
from tests.support.waiting import eventually


async def test_the_resident_hears_of_a_suspension_its_resumption_and_an_overdue_application(
        rt, client, wechat, push_worker):
    user = await make_wechat_resident(rt, user_key="zhangsan", realname=True)
    await follow_oa(wechat, "zhangsan")
    await login_resident(rt, user)
    window = await make_window(rt)
    application = await accepted(client, window, (await checked_in_visit(window, user)).id)
    path = f"applications/{application['id']}"

    reason = "等待申请人补充股东决议"
    assert (await desk_post(client, window.examiner, f"{path}/suspend", {"reason": reason})).status_code == 200
    resumed = await desk_post(client, window.examiner, f"{path}/resume", {"reason": "材料已补齐"})
    assert resumed.status_code == 200, resumed.text
    due_date = resumed.json()["application"]["due_date"]
    # The promised day passes without a decision.
    await Application.filter(id=application["id"]).update(due_date=to_local(utcnow() - timedelta(days=2)).date())
    assert await desk.sweep_overdue() == 1

    await eventually(lambda: all_final(4), "accepted, suspended, resumed and overdue messages are sent")
    [suspended] = await messages(wechat, template_id="dev-oa-application-suspended")
    assert suspended["data"] == {"thing1": {"value": "企业设立登记"}, "phrase2": {"value": "暂停计时"},
                                 "thing3": {"value": reason}}
    [restarted] = await messages(wechat, template_id="dev-oa-application-resumed")
    assert restarted["data"]["date3"] == {"value": due_date}
    [overdue] = await messages(wechat, template_id="dev-oa-application-overdue")
    assert overdue["data"]["thing1"] == {"value": "企业设立登记"}
    assert overdue["miniprogram"]["pagepath"] == f"pages/applications/detail?id={application['id']}"
