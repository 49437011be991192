"""Applications (办件) through pre-review and the one-window lifecycle; materials, transitions, comments."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.catalog import GuideVersion, ServiceItem
    from models.organization import Department, Hall
    from models.users import User


class ApplicationState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    NEEDS_CORRECTION = "needs_correction"
    PASSED = "passed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    # One window (一窗式), after pre-review or straight from a checked-in appointment.
    RECEIVED = "received"  # 收件: originals checked at the general window
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    ACCEPTED = "accepted"  # 受理: the promised time limit starts
    APPROVING = "approving"  # 审批: the department's approval steps are under way
    SUSPENDED = "suspended"  # 暂停计时: waiting for the resident; the clock stops
    APPROVED = "approved"  # 准予许可
    DENIED = "denied"  # 不予许可
    CERTIFICATE_MADE = "certificate_made"  # 制证: the result is ready for pickup or mailing
    ISSUED = "issued"  # 出件/送达


class DeliveryMethod(StrEnum):
    WINDOW = "window"  # 统一窗口出件
    MAIL = "mail"  # 邮寄送达


class MaterialStatus(StrEnum):
    UPLOADED = "uploaded"
    NEEDS_CORRECTION = "needs_correction"  # a reviewer commented on it; replace it before resubmitting


class Application(Entity):
    """办件 (网上预审) — a resident's application for an item, pinned to one guide version."""

    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="applications",
                                      on_delete=fields.RESTRICT)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="applications",
                                  on_delete=fields.RESTRICT)
    guide_id: uuid.UUID
    guide: fields.ForeignKeyRelation[GuideVersion]
    guide = fields.ForeignKeyField("models.GuideVersion", related_name="applications",
                                   on_delete=fields.RESTRICT)
    # Copied from the item so a department's queue is one indexed filter.
    department_id: uuid.UUID
    department: fields.ForeignKeyRelation[Department]
    department = fields.ForeignKeyField("models.Department", related_name="applications",
                                        on_delete=fields.RESTRICT)
    # Filled in only by releases before encryption at rest; read until re-sealed (rotate-data-key).
    form_data = fields.JSONField(default=dict)
    # The form (and its ledger commitment salt) sealed with the application's data key.
    form_sealed = fields.TextField(null=True)
    data_key = fields.CharField(max_length=255, null=True)  # wrapped (app.envelope)
    # 代办: the declared person filed for (services/applications/representation.py), else null.
    representation = fields.JSONField(null=True)
    # Filed for a company (法人): the company (a plain id: SQLite cannot add a foreign key column
    # to an existing table), and who filed as what (services/companies).
    company_id = fields.UUIDField(null=True, db_index=True)
    on_behalf_of = fields.JSONField(null=True)  # {company_id, uscc, name, acting_as}
    # One step of a bundle application (一件事): its key in the bundle, the data it produced at
    # its decision for the steps after it. Plain id for the same reason as company_id.
    bundle_application_id = fields.UUIDField(null=True, db_index=True)
    bundle_step = fields.CharField(max_length=32, null=True)
    bundle_outputs = fields.JSONField(null=True)
    state = fields.CharEnumField(ApplicationState, max_length=20, default=ApplicationState.DRAFT,
                                 db_index=True)
    version = fields.IntField(default=1)  # optimistic lock: every transition bumps it
    submitted_at = fields.DatetimeField(null=True)
    deadline = fields.DateField(null=True, db_index=True)  # pre-review due date (working days)
    # Counted on a year whose holiday notice was not loaded yet; recomputed when it is.
    deadline_provisional = fields.BooleanField(default=False)
    claimed_by = fields.CharField(max_length=64, null=True)
    decision_reason = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)
    idempotency_key = fields.CharField(max_length=64, null=True)  # a retried create finds its draft
    # The overdue event of the current deadline went out (cleared when a new one starts).
    overdue_notified_at = fields.DatetimeField(null=True)
    # One-window lifecycle (services/onewindow.py).
    hall_id: uuid.UUID | None
    hall: fields.ForeignKeyNullableRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="applications", null=True,
                                  on_delete=fields.RESTRICT)  # where it was received
    received_at = fields.DatetimeField(null=True)
    checked_materials = fields.JSONField(null=True)  # guide material indexes whose originals were seen
    acceptance_number = fields.CharField(max_length=40, null=True, unique=True)
    accepted_at = fields.DatetimeField(null=True)
    due_date = fields.DateField(null=True, db_index=True)  # promised limit, suspensions added
    due_date_provisional = fields.BooleanField(default=False)  # as deadline_provisional
    suspended_on = fields.DateField(null=True)
    suspended_working_days = fields.IntField(default=0)
    resume_state = fields.CharField(max_length=20, null=True)  # the state a suspension returns to
    approval_step = fields.IntField(default=0)  # approval steps completed
    completed_at = fields.DatetimeField(null=True)  # denied, or the certificate made
    delivery_method = fields.CharEnumField(DeliveryMethod, max_length=8, null=True)
    tracking_number = fields.CharField(max_length=40, null=True)
    issued_at = fields.DatetimeField(null=True)

    class Meta:
        table = "prereview_applications"
        unique_together = (("resident", "idempotency_key"),)


class ApplicationMaterial(Entity):
    """申请材料 — one uploaded (or reused) file for one required material of the guide."""

    application_id: uuid.UUID
    application: fields.ForeignKeyRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="materials",
                                         on_delete=fields.CASCADE)
    material_index = fields.IntField()  # position in the pinned guide's materials list
    material_name = fields.CharField(max_length=128)
    storage_key = fields.CharField(max_length=128)
    # The file's wrapped data key; null for a file stored in clear before encryption at rest.
    data_key = fields.CharField(max_length=255, null=True)
    sha256 = fields.CharField(max_length=64)  # of the uploaded bytes, not of the sealed file
    size = fields.IntField()
    content_type = fields.CharField(max_length=64)
    original_filename = fields.CharField(max_length=255)
    status = fields.CharEnumField(MaterialStatus, max_length=20, default=MaterialStatus.UPLOADED)
    # The material of an earlier application this one shares its file with (plain id: aerich
    # refuses self-referencing foreign keys).
    reused_from_id = fields.UUIDField(null=True)
    # The e-certificate presented instead of an upload (its document is the file).
    certificate_id = fields.UUIDField(null=True)

    class Meta:
        table = "prereview_materials"
        unique_together = (("application", "material_index"),)


class ApplicationTransition(Entity):
    """状态变更 — who moved an application from one state to another, when (created_at) and why."""

    application_id: uuid.UUID
    application: fields.ForeignKeyRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="transitions",
                                         on_delete=fields.CASCADE)
    actor_id = fields.CharField(max_length=64)
    actor_role = fields.CharField(max_length=16)  # "resident" or "reviewer"
    from_state = fields.CharField(max_length=20)
    to_state = fields.CharField(max_length=20)
    reason = fields.TextField(default="")

    class Meta:
        table = "prereview_transitions"


class ReviewComment(Entity):
    """审查意见 — a reviewer's remark on one material or one form field of an application."""

    application_id: uuid.UUID
    application: fields.ForeignKeyRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="comments",
                                         on_delete=fields.CASCADE)
    reviewer_id = fields.CharField(max_length=64)
    material_index = fields.IntField(null=True)
    field_name = fields.CharField(max_length=48, null=True)
    message = fields.CharField(max_length=500)
    resolved = fields.BooleanField(default=False)  # set when the resident resubmits

    class Meta:
        table = "prereview_comments"
