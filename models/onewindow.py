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


class Evaluation(Entity):
    """好差评 — a resident's one rating (1-5) of a completed service; bad ones are followed up."""

    application_id: uuid.UUID
    application: fields.OneToOneRelation[Application]
    application = fields.OneToOneField("models.Application", related_name="evaluation",
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
    is_bad = fields.BooleanField(db_index=True)  # 差评: score of 2 or less, routed to the hall manager
    follow_up_note = fields.TextField(default="")
    followed_up_by = fields.CharField(max_length=64, null=True)
    followed_up_at = fields.DatetimeField(null=True)

    class Meta:
        table = "onewindow_evaluations"
