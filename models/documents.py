"""Documents issued to a resident (文书): notices, decisions and certificates, each kept as the
exact PDF bytes that were issued."""

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity


class DocumentKind(StrEnum):
    ACCEPTANCE_RECEIPT = "acceptance-receipt"  # 受理回执
    NON_ACCEPTANCE_NOTICE = "non-acceptance-notice"  # 不予受理通知书
    CORRECTION_NOTICE = "correction-notice"  # 补正材料告知书
    DECISION_NOTICE = "decision-notice"  # 准予 / 不予行政许可决定书
    PAYMENT_RECEIPT = "payment-receipt"  # 缴费凭证 (services/payments/receipt.py)
    CERTIFICATE = "certificate"  # 电子证照


class IssuedDocument(Entity):
    """One issued document: what it is, its number and date, and its stored file (sealed, since
    it names the applicant) with the SHA-256 of its bytes."""

    kind = fields.CharEnumField(DocumentKind, max_length=24)
    application_id: uuid.UUID | None
    application = fields.ForeignKeyField("models.Application", related_name="documents", null=True,
                                         on_delete=fields.RESTRICT)
    certificate_id = fields.UUIDField(null=True, db_index=True)  # the e-certificate it prints
    department_id = fields.UUIDField()  # the issuing authority
    number = fields.CharField(max_length=64, unique=True)
    title = fields.CharField(max_length=64)
    decision = fields.CharField(max_length=8, null=True)  # decision notices: approved / denied
    issued_at = fields.DatetimeField()
    storage_key = fields.CharField(max_length=128)
    data_key = fields.CharField(max_length=255, null=True)
    sha256 = fields.CharField(max_length=64)  # of the PDF bytes as issued
    content_sha256 = fields.CharField(max_length=64)  # of what it states (its QR code carries it)
    size = fields.IntField()

    class Meta:
        table = "issued_documents"
        indexes = (("application_id", "kind", "issued_at"),)
