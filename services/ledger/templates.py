"""数据模板 — the per-type data templates of ledger records: ids, codes and SHA-256 hashes only.

Every field is ASCII by construction (opaque ids, lowercase codes, hex hashes), so no name,
phone, ID number or free text can reach the public log; free text such as a reviewer's reason
is recorded as the SHA-256 of its UTF-8 bytes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from app.errors import ValidationFailed

Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
OpaqueId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
CatalogCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]


class Template(BaseModel):
    """A record template: unknown fields refused, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class MaterialHash(Template):
    material_id: OpaqueId
    sha256: Sha256Hex


class ApplicationSubmitted(Template):
    """申请提交 — an application was submitted: its item, form commitment and every material's hash.

    ``form_commitment`` is HMAC-SHA256 of the canonical form keyed by a random salt that only the
    resident's receipt carries, so nobody else can test a guessed form against the log. Entries
    written before it carry ``form_sha256``, the plain SHA-256 of the canonical form."""

    application_id: OpaqueId
    item_code: CatalogCode
    form_commitment: Sha256Hex | None = None
    form_sha256: Sha256Hex | None = None
    materials: list[MaterialHash] = Field(max_length=200)
    company_id: OpaqueId | None = None  # filed for a company (法人)
    authorisation_id: OpaqueId | None = None  # by an agent (经办人), under this authorisation

    @model_validator(mode="after")
    def _one_form_hash(self) -> ApplicationSubmitted:
        if (self.form_commitment is None) == (self.form_sha256 is None):
            raise ValueError("exactly one of form_commitment and form_sha256")
        return self


class ApplicationTransition(Template):
    """状态变更 — an application moved between states; who did it and the hash of why."""

    application_id: OpaqueId
    from_state: Code
    to_state: Code
    actor_id: OpaqueId
    actor_role: Code
    reason_sha256: Sha256Hex | None = None


class ApprovalDecision(Template):
    """审批决定 — the approving department's decision and the hash of the decision document."""

    application_id: OpaqueId
    decision: Literal["approved", "denied"]
    decided_by: OpaqueId
    department_id: OpaqueId
    decision_sha256: Sha256Hex


class CertificateIssued(Template):
    """证照签发 — an e-certificate was issued; the hash of its document."""

    certificate_id: OpaqueId
    application_id: OpaqueId
    certificate_type: Code
    document_sha256: Sha256Hex
    issued_by: OpaqueId


class DocumentIssued(Template):
    """文书签发 — a document (notice, decision, certificate) was issued: the hash of its PDF bytes
    and of what it states (its QR code carries the latter)."""

    document_id: OpaqueId
    kind: OpaqueId
    number: OpaqueId
    document_sha256: Sha256Hex
    content_sha256: Sha256Hex
    application_id: OpaqueId | None = None


class CertificateRevoked(Template):
    """证照撤销 — an e-certificate was revoked, with a reason code."""

    certificate_id: OpaqueId
    application_id: OpaqueId | None = None
    reason_code: Code
    revoked_by: OpaqueId


class CheckIn(Template):
    """现场签到 — a booking was checked in at a hall."""

    booking_id: OpaqueId
    hall_id: OpaqueId
    slot_id: OpaqueId
    checked_in_by: OpaqueId
    application_id: OpaqueId | None = None


class TicketCall(Template):
    """叫号 — a hall window called a ticket, called it again, or marked it absent."""

    ticket_id: OpaqueId
    hall_id: OpaqueId
    window_id: OpaqueId
    action: Literal["called", "recalled", "absent"]
    actor_id: OpaqueId


class TicketService(Template):
    """窗口办理 — service of a ticket started, ended (with the application received), was held,
    resumed or transferred."""

    ticket_id: OpaqueId
    hall_id: OpaqueId
    window_id: OpaqueId
    action: Literal["started", "ended", "held", "resumed", "transferred"]
    actor_id: OpaqueId
    application_id: OpaqueId | None = None


class CalendarNotice(Template):
    """节假日安排载入 — a year's holiday notice was loaded or replaced: the hash of its days."""

    year: int = Field(ge=2000, le=2100)
    content_sha256: Sha256Hex
    replaced_sha256: Sha256Hex | None = None
    loaded_by: OpaqueId


class StaffChanged(Template):
    """工作人员账号变更 — a staff account was created, disabled or re-enabled, re-roled, or had its
    password or TOTP reset: by whom, and the hash of its roles afterwards."""

    staff_id: OpaqueId
    action: Literal["created", "disabled", "enabled", "roles_changed", "password_reset", "totp_reset"]
    roles_sha256: Sha256Hex
    changed_by: OpaqueId


class CompanyRegistered(Template):
    """法人登记 — a legal-person login registered a company or changed its legal representative."""

    company_id: OpaqueId
    uscc: Annotated[str, StringConstraints(pattern=r"^[0-9A-HJ-NPQRTUWXY]{18}$")]
    representative_id: OpaqueId


class CompanyAuthorisation(Template):
    """经办人授权 — a legal representative granted or revoked an agent's authorisation: its scope
    (catalog codes) and end (Unix seconds); the agent is named by the authorisation id only."""

    company_id: OpaqueId
    authorisation_id: OpaqueId
    action: Literal["granted", "revoked"]
    scope: list[CatalogCode] = Field(max_length=200)
    valid_until: int = Field(ge=0)
    by: OpaqueId


class BundleHandover(Template):
    """数据共享 — a bundle step received fields: from the shared form (no ``from_application_id``)
    or from an earlier step's decision. The field names, never their values."""

    bundle_application_id: OpaqueId
    application_id: OpaqueId  # the receiving step
    department_id: OpaqueId
    from_application_id: OpaqueId | None = None
    fields: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]] = Field(
        min_length=1, max_length=100)


class PaymentPaid(Template):
    """缴费 — an application's fee was paid through WeChat Pay: the order, the amount in fen and
    WeChat Pay's transaction id (no payer, no openid)."""

    order_id: OpaqueId
    application_id: OpaqueId
    amount_fen: int = Field(ge=0)
    transaction_id: OpaqueId


class PaymentRefunded(Template):
    """退款 — a refund of an order succeeded at WeChat Pay: our refund id, its amount, the payment's
    transaction id and WeChat Pay's refund id."""

    order_id: OpaqueId
    application_id: OpaqueId
    refund_id: OpaqueId
    amount_fen: int = Field(ge=0)
    transaction_id: OpaqueId
    wechatpay_refund_id: OpaqueId | None = None


class PaymentReconciled(Template):
    """对账 — one day's WeChat Pay trade bill was compared with our payments and refunds: the hash
    of the bill as downloaded and the counts (the mismatches themselves stay with staff)."""

    bill_date: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    bill_sha256: Sha256Hex
    bill_rows: int = Field(ge=0)
    matched: int = Field(ge=0)
    mismatches: int = Field(ge=0)


class EvaluationStep(Template):
    """差评整改 — a step of a bad rating's handling: routed to the department (with its due date),
    rectified, called back, rated again. Who acted and the hash of the note; never the comment."""

    evaluation_id: OpaqueId
    department_id: OpaqueId
    event: Literal["decision", "pickup", "appointment", "bundle"]
    action: Literal["routed", "rectified", "called_back", "re_rated"]
    actor_id: OpaqueId
    rectify_by: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | None = None
    note_sha256: Sha256Hex | None = None
    application_id: OpaqueId | None = None
    bundle_application_id: OpaqueId | None = None  # a bundle's rating (event ``bundle``)


class AppointmentDraw(Template):
    """抽签 — the draw of a slot's seats among its entrants: the seed, every entrant's hash (SHA-256
    of the entry id, which only its resident holds), those a booking rule refused, and the winners
    in draw order; ``python -m ledger_verifier verify-draw`` recomputes the winners from this alone."""

    slot_id: OpaqueId
    algorithm: Literal["sha256-rank-v1"]
    seed: Sha256Hex
    seats: int = Field(ge=0, le=10_000)
    entrants: list[Sha256Hex] = Field(max_length=50_000)
    refused: list[Sha256Hex] = Field(max_length=50_000)
    winners: list[Sha256Hex] = Field(max_length=10_000)


TEMPLATES: dict[str, type[Template]] = {
    "application_submitted": ApplicationSubmitted,
    "application_transition": ApplicationTransition,
    "approval_decision": ApprovalDecision,
    "certificate_issued": CertificateIssued,
    "certificate_revoked": CertificateRevoked,
    "document_issued": DocumentIssued,
    "checkin": CheckIn,
    "ticket_call": TicketCall,
    "ticket_service": TicketService,
    "calendar_notice": CalendarNotice,
    "staff_changed": StaffChanged,
    "company_registered": CompanyRegistered,
    "company_authorisation": CompanyAuthorisation,
    "bundle_handover": BundleHandover,
    "payment_paid": PaymentPaid,
    "payment_refunded": PaymentRefunded,
    "payment_reconciled": PaymentReconciled,
    "evaluation_step": EvaluationStep,
    "appointment_draw": AppointmentDraw,
}


def validate_record(record_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """The record data checked against its template, as plain JSON values (absent optionals omitted)."""
    template = TEMPLATES.get(record_type)
    if template is None:
        raise ValidationFailed(f"未知的存证记录类型 {record_type}", code="LEDGER_RECORD_TYPE_UNKNOWN",
                               details={"record_type": record_type, "known": sorted(TEMPLATES)})
    try:
        return template.model_validate(data).model_dump(mode="json", exclude_none=True)
    except ValidationError as exc:
        fields = [{"field": ".".join(str(p) for p in err["loc"]), "type": err["type"]}
                  for err in exc.errors(include_url=False, include_context=False, include_input=False)]
        raise ValidationFailed("存证记录不符合数据模板", code="LEDGER_DATA_INVALID",
                               details={"record_type": record_type, "fields": fields}) from exc
