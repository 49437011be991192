"""Legal persons (法人) that residents act for, and the agents their representatives authorise."""

import uuid

from tortoise import fields

from models.base import Entity


class Company(Entity):
    """法人 — a company known by its unified social credit code; its legal representative is the
    resident whose Beijing Pass legal-person login vouched for it last."""

    uscc = fields.CharField(max_length=18, unique=True)  # 统一社会信用代码 (GB 32100-2015)
    name = fields.CharField(max_length=128)
    legal_representative_id: uuid.UUID
    legal_representative = fields.ForeignKeyField("models.User", related_name="companies_represented",
                                                  on_delete=fields.RESTRICT)

    class Meta:
        table = "companies"


class AgentAuthorisation(Entity):
    """经办人授权 — the legal representative lets one person act for the company: for the listed
    catalog codes (items or bundles), until a date, unless revoked first.

    The agent is named by ID number (blind index), so the grant may precede their first login."""

    company_id: uuid.UUID
    company = fields.ForeignKeyField("models.Company", related_name="agents", on_delete=fields.CASCADE)
    agent_id_number_index = fields.CharField(max_length=64, db_index=True)
    agent_name_enc = fields.TextField()
    agent_name_masked = fields.CharField(max_length=64)
    agent_id_number_masked = fields.CharField(max_length=32)
    scope = fields.JSONField(default=list)  # catalog codes of items and bundles
    valid_until = fields.DatetimeField()
    granted_by = fields.CharField(max_length=64)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "company_agent_authorisations"
