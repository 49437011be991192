"""The one window's records: approval opinions, e-certificates and service evaluations."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.catalog import ServiceItem
    from models.organization import Department, Hall
    from models.prereview import Application
    from models.users import User


class Opinion(StrEnum):
    APPROVE = "approve"
    DENY = "deny"


class Approval(Entity):
    """审批意见 — one reviewer's opinion on one approval step of an application."""

    application_id: uuid.UUID
    application: fields.ForeignKeyRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="approvals",
                                         on_delete=fields.CASCADE)
    step_index = fields.IntField()
    step_name = fields.CharField(max_length=32)
    reviewer_id = fields.CharField(max_length=64)
    opinion = fields.CharEnumField(Opinion, max_length=8)
    comment = fields.TextField(default="")

    class Meta:
        table = "onewindow_approvals"
        unique_together = (("application", "step_index"),)


class CertificateStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"


class ECertificate(Entity):
    """电子证照 — a result issued as an e-certificate, kept in the resident's (or the company's) wallet."""

    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="certificates", on_delete=fields.RESTRICT)
    application_id: uuid.UUID | None
    application: fields.ForeignKeyNullableRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="certificates", null=True,
                                         on_delete=fields.SET_NULL)
    # Issued for a company's application: the company holds it (its wallet), not the filer (a
    # plain id, as Application.company_id); the application's on_behalf_of, for every view.
    company_id = fields.UUIDField(null=True, db_index=True)
    on_behalf_of = fields.JSONField(null=True)
    certificate_type = fields.CharField(max_length=40, db_index=True)
    name = fields.CharField(max_length=64)
    number = fields.CharField(max_length=64, unique=True)
    issuer_id: uuid.UUID
    issuer: fields.ForeignKeyRelation[Department]
    issuer = fields.ForeignKeyField("models.Department", related_name="certificates",
                                    on_delete=fields.RESTRICT)
    valid_from = fields.DateField()
    valid_until = fields.DateField(null=True)  # None: valid without a time limit
    storage_key = fields.CharField(max_length=128)  # the certificate document (PDF)
    # The document's wrapped data key; null for one stored in clear before encryption at rest.
    data_key = fields.CharField(max_length=255, null=True)
    sha256 = fields.CharField(max_length=64)
    size = fields.IntField()
    status = fields.CharEnumField(CertificateStatus, max_length=8, default=CertificateStatus.VALID)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by = fields.CharField(max_length=64, null=True)
    revoke_reason = fields.CharField(max_length=500, default="")

    class Meta:
        table = "onewindow_certificates"


class ServiceEvent(StrEnum):
    """What a rating (好差评) is of: each event once, by the resident it belongs to."""

    DECISION = "decision"  # 办理决定: an application decided (approved, denied or not accepted)
    PICKUP = "pickup"  # 领取: the result collected at the window
    APPOINTMENT = "appointment"  # 窗口服务: a booked visit served at a hall
    BUNDLE = "bundle"  # 一件事: a bundle as a whole (its steps are not rated one by one)


class Channel(StrEnum):
    """评价渠道 — where the service was given (国办发〔2019〕51号: 线上线下全覆盖)."""

    HALL = "hall"  # 窗口 (服务大厅)
    ONLINE = "online"  # 网上 (网站、小程序的网上办事)
    MOBILE = "mobile"  # 移动端 (掌上办)
    KIOSK = "kiosk"  # 自助终端


class Evaluation(Entity):
    """好差评 — a resident's rating (1-5, the five named levels) of one service event; a bad one is
    routed to the department for rectification (整改), called back (回访) and may be rated again."""

    # The application the event concerns; none for a visit rated without one.
    application_id: uuid.UUID | None
    application: fields.ForeignKeyNullableRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="evaluations", null=True,
                                         on_delete=fields.CASCADE)
    event = fields.CharEnumField(ServiceEvent, max_length=16, default=ServiceEvent.DECISION)
    subject_id = fields.UUIDField()  # the application, appointment or bundle application rated
    channel = fields.CharEnumField(Channel, max_length=8, default=Channel.HALL)
    round = fields.SmallIntField(default=1)  # 1: the rating; 2: the re-rating after the call back
    rerating_of_id: uuid.UUID | None
    rerating_of: fields.OneToOneNullableRelation[Evaluation]
    rerating_of = fields.OneToOneField("models.Evaluation", related_name="rerating", null=True,
                                       on_delete=fields.CASCADE)
    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="evaluations", on_delete=fields.CASCADE)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="evaluations",
                                  on_delete=fields.RESTRICT)
    department_id: uuid.UUID
    department: fields.ForeignKeyRelation[Department]
    department = fields.ForeignKeyField("models.Department", related_name="evaluations",
                                        on_delete=fields.RESTRICT)
    hall_id: uuid.UUID | None
    hall: fields.ForeignKeyNullableRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="evaluations", null=True,
                                  on_delete=fields.RESTRICT)
    score = fields.SmallIntField()
    comment = fields.CharField(max_length=500, default="")
    is_bad = fields.BooleanField(db_index=True)  # 差评: score of 2 or less, routed for rectification
    follow_up_note = fields.TextField(default="")
    followed_up_by = fields.CharField(max_length=64, null=True)
    followed_up_at = fields.DatetimeField(null=True)
    # 整改: a bad first rating is due rectified within 15 working days of the rating.
    rectify_by = fields.DateField(null=True, db_index=True)
    rectification_note = fields.TextField(default="")
    rectified_by = fields.CharField(max_length=64, null=True)
    rectified_at = fields.DatetimeField(null=True)
    # 回访: after the rectification the resident is called back; the result is recorded.
    callback_note = fields.TextField(default="")
    callback_satisfied = fields.BooleanField(null=True)
    called_back_by = fields.CharField(max_length=64, null=True)
    called_back_at = fields.DatetimeField(null=True)

    class Meta:
        table = "onewindow_evaluations"
        unique_together = (("event", "subject_id", "round"),)
