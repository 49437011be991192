"""Response shapes of the public register of decisions: what the law publishes, nothing personal."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.shapes import Schema

NATURAL_PERSON = "自然人"


class HolderOut(Schema):
    """The holder of an approval: a company by name and unified social credit code; a natural
    person only as 自然人 (行政许可法 art. 40 publishes decisions, not personal data)."""

    type: Literal["company", "natural_person"]
    name: str = Field(description="企业名称；自然人一律显示“自然人”")
    uscc: str | None = Field(description="统一社会信用代码；自然人为 null")


class ItemBrief(Schema):
    code: str
    name: str


class DepartmentBrief(Schema):
    id: str
    name: str


class RegisteredDecision(Schema):
    """One published approval (准予行政许可决定) and whether it still stands."""

    document_id: str = Field(description="决定书 id，可用于 /api/v1/documents/{document_id}/verification 核验")
    number: str = Field(description="决定书文号")
    decided_on: str = Field(description="决定日期（北京时间，YYYY-MM-DD）")
    item: ItemBrief
    department: DepartmentBrief
    holder: HolderOut
    status: Literal["valid", "revoked"] = Field(description="revoked：其证照已被撤销")
    revoked_on: str | None = Field(description="撤销日期（北京时间）；未撤销为 null")

