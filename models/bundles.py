"""Bundles (一件事) in the catalog, their versions, and the applications made for them."""

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity

BUNDLE_CODE_LENGTH = 64


class Bundle(Entity):
    """一件事 — several departments' items applied for once (企业开办, 存量房交易 …)."""

    code = fields.CharField(max_length=BUNDLE_CODE_LENGTH, unique=True)
    name = fields.CharField(max_length=128)
    current_version = fields.IntField(default=0)
    is_published = fields.BooleanField(default=True)

    class Meta:
        table = "bundles"


class BundleVersion(Entity):
    """一件事定义 — one immutable version of a bundle's definition; applications pin it.

    ``definition`` follows services/catalog/bundle_schema.py's BundleIn."""

    bundle_id: uuid.UUID
    bundle = fields.ForeignKeyField("models.Bundle", related_name="versions", on_delete=fields.CASCADE)
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    definition = fields.JSONField()
    created_by = fields.CharField(max_length=64)

    class Meta:
        table = "bundle_versions"
        unique_together = (("bundle", "version"),)


class BundleState(StrEnum):
    DRAFT = "draft"  # parties fill the shared form and confirm
    IN_PROGRESS = "in_progress"  # fanned out to the departments' steps
    COMPLETED = "completed"  # every step decided and approved
    STOPPED = "stopped"  # a step was refused: its dependants stopped
    WITHDRAWN = "withdrawn"


class BundleApplication(Entity):
    """一件事办件 — one application for a bundle: one shared form, one acceptance number, one pickup.

    Each step becomes an Application of its department (``Application.bundle_application``)."""

    bundle_id: uuid.UUID
    bundle = fields.ForeignKeyField("models.Bundle", related_name="applications", on_delete=fields.RESTRICT)
    bundle_version_id: uuid.UUID
    bundle_version = fields.ForeignKeyField("models.BundleVersion", related_name="applications",
                                            on_delete=fields.RESTRICT)
    resident_id: uuid.UUID  # who filed it (the first party, or the company's agent)
    resident = fields.ForeignKeyField("models.User", related_name="bundle_applications",
                                      on_delete=fields.RESTRICT)
    company_id = fields.UUIDField(null=True, db_index=True)
    on_behalf_of = fields.JSONField(null=True)
    hall_id: uuid.UUID
    hall = fields.ForeignKeyField("models.Hall", related_name="bundle_applications",
                                  on_delete=fields.RESTRICT)  # where the results are picked up
    state = fields.CharEnumField(BundleState, max_length=16, default=BundleState.DRAFT)
    # The shared form, sealed like an application's (services/applications/forms.py).
    form_sealed = fields.TextField(null=True)
    data_key = fields.CharField(max_length=255, null=True)
    form_version = fields.IntField(default=1)  # every edit bumps it; a stale edit is refused
    # [{role, name_masked, id_number_index, user_id, confirmed_version}]
    parties = fields.JSONField(default=list)
    # "|index|index|": the parties' ID-number blind indexes, so a party finds it with one filter.
    party_indexes = fields.CharField(max_length=300, default="", db_index=True)
    acceptance_number = fields.CharField(max_length=40, null=True, unique=True)
    submitted_at = fields.DatetimeField(null=True)
    stop_reason = fields.TextField(default="")
    issued_at = fields.DatetimeField(null=True)

    class Meta:
        table = "bundle_applications"


class BundleMaterial(Entity):
    """一件事材料 — a file uploaded once at the bundle application, for every step whose guide asks
    for a material of that name (services/bundles/materials.py); each step receives only its own."""

    bundle_application_id: uuid.UUID
    bundle_application = fields.ForeignKeyField("models.BundleApplication", related_name="materials",
                                                on_delete=fields.CASCADE)
    material_index = fields.IntField()  # position in the bundle's list of materials
    material_name = fields.CharField(max_length=128)
    storage_key = fields.CharField(max_length=128)
    data_key = fields.CharField(max_length=255, null=True)  # wrapped (app.envelope)
    sha256 = fields.CharField(max_length=64)
    size = fields.IntField()
    content_type = fields.CharField(max_length=64)
    original_filename = fields.CharField(max_length=255)
    uploaded_by = fields.CharField(max_length=64)
    # As an application's material: the earlier material whose identical file this one shares,
    # or the e-certificate presented instead of an upload (plain ids, as there).
    reused_from_id = fields.UUIDField(null=True)
    certificate_id = fields.UUIDField(null=True)

    class Meta:
        table = "bundle_materials"
        unique_together = (("bundle_application", "material_index"),)
