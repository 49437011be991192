"""The record of staff reads of residents' personal data (PIPL art. 51), kept append-only."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from app.ids import new_id


class PersonalRecordKind(StrEnum):
    """What a staff member opened."""

    APPLICATION = "application"  # an application with its form data and materials list
    APPLICATION_HISTORY = "application_history"  # its transitions and review comments
    MATERIAL = "material"  # an uploaded material (a download link was issued)
    DOCUMENT = "document"  # an acceptance receipt or a decision notice (PDF)


class PersonalDataRead(Model):
    """One staff read of a resident's personal data."""

    # Ids, not foreign keys: the record outlives changes to the rows it names. The database
    # refuses to update or delete a row (triggers, the append-only migration of each dialect).

    id = fields.UUIDField(primary_key=True, default=new_id)
    read_at = fields.DatetimeField(auto_now_add=True)
    resident_id = fields.UUIDField()
    staff_id = fields.UUIDField()
    role = fields.CharField(max_length=16, description="the role whose grant allowed the read")
    department_id = fields.CharField(max_length=64, null=True, description="the grant's department")
    hall_id = fields.CharField(max_length=64, null=True, description="the grant's hall")
    kind = fields.CharEnumField(PersonalRecordKind, max_length=24)
    application_id = fields.UUIDField()
    record_id = fields.CharField(max_length=64, description="the application, material or document")
    endpoint = fields.CharField(max_length=160, description="the purpose: method and route")

    class Meta:
        table = "personal_data_reads"
        indexes = (("resident_id", "id"), ("staff_id", "id"))

