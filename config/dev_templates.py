"""The development push templates: message kind -> template ids, page and fields, the mapping
``python -m app run`` and the tests use (production sets HDT_PUSH_TEMPLATES; docs/push.md)."""

from __future__ import annotations


def _template(name: str, page: str, fields: dict[str, str]) -> dict[str, object]:
    """A development template mapping: same field keys for the OA and mini-program templates."""
    return {"oa_template_id": f"dev-oa-{name}", "mp_template_id": f"dev-mp-{name}",
            "page": page, "fields": fields}


def _sms(template_id: str, params: list[str]) -> dict[str, object]:
    """A message kind that may also go by SMS: its approved template and the template's parameters."""
    return {"channels": ["oa_template", "mp_subscribe", "sms"], "sms_template_id": template_id,
            "sms_params": params}


# Development template mappings (message kind -> template ids, page, field -> format over the
# event payload and the display fields push reads by id, push/display.py); the emulator accepts
# exactly these template ids and field keys.
DEV_PUSH_TEMPLATES: dict[str, dict[str, object]] = {
    "booking_confirmed": {**_template("booking-confirmed", "pages/appointments/detail?id={appointment_id}",
                                      {"thing1": "{item_name}", "time2": "{slot_time}", "thing3": "{hall_name}"}),
                          **_sms("2100001", ["{item_name}", "{slot_time}", "{hall_name}"])},
    "appointment_reminder": {**_template("appointment-reminder", "pages/appointments/detail?id={appointment_id}",
                                         {"thing1": "{item_name}", "time2": "{slot_time}", "thing3": "{hall_name}"}),
                             **_sms("2100002", ["{item_name}", "{slot_time}", "{hall_name}"])},
    "waitlist_offer": _template("waitlist-offer", "pages/waitlist/index?id={waitlist_entry_id}",
                                {"thing1": "{item_name}", "time2": "{slot_time}", "time3": "{hold_until_time}"}),
    "draw_result": _template("draw-result", "pages/draws/index?id={draw_entry_id}",
                             {"thing1": "{item_name}", "time2": "{slot_time}", "phrase3": "{outcome_text}"}),
    "checked_in": _template("checked-in", "pages/appointments/detail?id={appointment_id}",
                            {"thing1": "{item_name}", "character_string2": "{queue_number}",
                             "thing3": "{hall_name}"}),
    "ticket_called": _template("ticket-called", "pages/hall/ticket?id={ticket_id}",
                               {"character_string1": "{label}", "thing2": "请到{window_number}号窗口办理"}),
    "ticket_nearly_due": _template("ticket-nearly-due", "pages/hall/ticket?id={ticket_id}",
                                   {"character_string1": "{label}", "thing2": "前面还有{ahead}人，请留意叫号"}),
    "ticket_absent": _template("ticket-absent", "pages/hall/ticket?id={ticket_id}",
                               {"character_string1": "{label}", "thing2": "您已过号，请重新取号"}),
    "prereview_submitted": _template("prereview-submitted", "pages/applications/detail?id={application_id}",
                                     {"thing1": "{item_name}", "phrase2": "已提交"}),
    "prereview_correction_needed": _template("prereview-correction", "pages/applications/detail?id={application_id}",
                                             {"thing1": "{item_name}", "phrase2": "需补正", "thing3": "{reason}"}),
    # OA 订阅通知 (the account's subscribe notifications, one-time here): tried before the OA
    # template message when the follower accepted the template in the account's pop-up.
    "prereview_passed": {**_template("prereview-passed", "pages/applications/detail?id={application_id}",
                                     {"thing1": "{item_name}", "phrase2": "预审通过"}),
                         "oa_subscribe_template_id": "dev-oasub-prereview-passed"},
    "prereview_rejected": _template("prereview-rejected", "pages/applications/detail?id={application_id}",
                                    {"thing1": "{item_name}", "phrase2": "未通过", "thing3": "{reason}"}),
    "application_accepted": _template("application-accepted", "pages/applications/detail?id={application_id}",
                                      {"thing1": "{item_name}", "phrase2": "已受理",
                                       "character_string3": "{acceptance_number}"}),
    "application_not_accepted": _template("application-not-accepted",
                                          "pages/applications/detail?id={application_id}",
                                          {"thing1": "{item_name}", "phrase2": "不予受理", "thing3": "{reason}"}),
    # Long-term subscriptions (长期订阅): public-service notices WeChat lets a government
    # mini-program send until the resident withdraws consent.
    "application_decided": {**_template("application-decided", "pages/applications/detail?id={application_id}",
                                        {"thing1": "{item_name}", "phrase2": "{decision_text}"}),
                            "mp_subscription": "long_term"},
    "certificate_ready": {**_template("certificate-ready", "pages/applications/detail?id={application_id}",
                                      {"thing1": "{certificate_name}", "thing2": "{pickup_place}"}),
                          "mp_subscription": "long_term",
                          "oa_subscribe_template_id": "dev-oasub-certificate-ready",
                          "oa_subscription": "long_term"},
    "evaluation_invitation": _template("evaluation-invitation", "pages/evaluations/new?id={application_id}",
                                       {"thing1": "{item_name}", "thing2": "请对本次服务进行评价"}),
    "bundle_evaluation_invitation": _template(
        "bundle-evaluation-invitation", "pages/evaluations/new?event=bundle&subject_id={bundle_application_id}",
        {"thing1": "{bundle_name}", "thing2": "请对本次一件事服务进行评价"}),
    "evaluation_rectified": _template("evaluation-rectified", "pages/evaluations/detail?id={evaluation_id}",
                                      {"thing1": "{item_name}", "thing2": "您的差评已整改，回访后请再次评价"}),
    "application_suspended": _template("application-suspended", "pages/applications/detail?id={application_id}",
                                       {"thing1": "{item_name}", "phrase2": "暂停计时", "thing3": "{reason}"}),
    "application_resumed": _template("application-resumed", "pages/applications/detail?id={application_id}",
                                     {"thing1": "{item_name}", "phrase2": "恢复计时", "date3": "{due_date}"}),
    "application_overdue": _template("application-overdue", "pages/applications/detail?id={application_id}",
                                     {"thing1": "{item_name}", "date2": "{deadline}",
                                      "thing3": "已超过办理期限，正在加快办理"}),
    "notice": _template("notice", "pages/notices/detail?id={notice_id}",
                        {"thing1": "{title}", "thing2": "{content}"}),
}
