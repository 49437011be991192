"""Online pre-review: applications, their materials, state transitions and review comments."""

from enum import StrEnum

from tortoise import fields

from models.base import Entity


class ApplicationState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    NEEDS_CORRECTION = "needs_correction"
    PASSED = "passed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class MaterialStatus(StrEnum):
    UPLOADED = "uploaded"
    NEEDS_CORRECTION = "needs_correction"  # a reviewer commented on it; replace it before resubmitting


class Application(Entity):
    """办件 (网上预审) — a resident's application for an item, pinned to one guide version."""

    resident = fields.ForeignKeyField("models.User", related_name="applications",
                                      on_delete=fields.RESTRICT)
    item = fields.ForeignKeyField("models.ServiceItem", related_name="applications",
                                  on_delete=fields.RESTRICT)
    guide = fields.ForeignKeyField("models.GuideVersion", related_name="applications",
                                   on_delete=fields.RESTRICT)
    # Copied from the item so a department's queue is one indexed filter.
    department = fields.ForeignKeyField("models.Department", related_name="applications",
                                        on_delete=fields.RESTRICT)
    form_data = fields.JSONField(default=dict)
    state = fields.CharEnumField(ApplicationState, max_length=20, default=ApplicationState.DRAFT,
                                 db_index=True)
    version = fields.IntField(default=1)  # optimistic lock: every transition bumps it
    submitted_at = fields.DatetimeField(null=True)
    deadline = fields.DateField(null=True, db_index=True)  # pre-review due date (working days)
    claimed_by = fields.CharField(max_length=64, null=True)
    decision_reason = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "prereview_applications"


class ApplicationMaterial(Entity):
    """申请材料 — one uploaded (or reused) file for one required material of the guide."""

    application = fields.ForeignKeyField("models.Application", related_name="materials",
                                         on_delete=fields.CASCADE)
    material_index = fields.IntField()  # position in the pinned guide's materials list
    material_name = fields.CharField(max_length=128)
    storage_key = fields.CharField(max_length=128)
    sha256 = fields.CharField(max_length=64)
    size = fields.IntField()
    content_type = fields.CharField(max_length=64)
    original_filename = fields.CharField(max_length=255)
    status = fields.CharEnumField(MaterialStatus, max_length=20, default=MaterialStatus.UPLOADED)
    # The material of an earlier application this one shares its file with (plain id: aerich
    # refuses self-referencing foreign keys).
    reused_from_id = fields.UUIDField(null=True)

    class Meta:
        table = "prereview_materials"
        unique_together = (("application", "material_index"),)


class ApplicationTransition(Entity):
    """状态变更 — who moved an application from one state to another, when (created_at) and why."""

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

    application = fields.ForeignKeyField("models.Application", related_name="comments",
                                         on_delete=fields.CASCADE)
    reviewer_id = fields.CharField(max_length=64)
    material_index = fields.IntField(null=True)
    field_name = fields.CharField(max_length=48, null=True)
    message = fields.CharField(max_length=500)
    resolved = fields.BooleanField(default=False)  # set when the resident resubmits

    class Meta:
        table = "prereview_comments"
