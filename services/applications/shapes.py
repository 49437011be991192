"""Response shapes of applications: pre-review, the one window, and the resident's progress
timeline (办件进度), built from the models (routes never see model objects)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field

from app.auth import Reader
from app.context import Runtime
from app.shapes import LocalDateTime, Schema
from models.access_log import PersonalRecordKind
from models.appointments import Appointment
from models.documents import DocumentKind, IssuedDocument
from models.onewindow import Approval, CertificateStatus, ECertificate, Evaluation, Opinion
from models.prereview import Application, ApplicationMaterial, ApplicationState, MaterialStatus, ReviewComment
from models.prereview import ApplicationState as S
from services.applications import certificates, evaluations, forms
from services.applications.desk import DeadlineFlag
from services.applications.prereview import EDITABLE, history, materials_of
from services.applications.representation import RepresentedOut, represented_out
from services.catalog.guide import form_data_problems
from services.companies.shapes import OnBehalfOf
from services.identity import access_log


class MaterialOut(Schema):
    id: str
    material_index: int
    material_name: str
    sha256: str
    size: int
    content_type: str
    original_filename: str
    status: MaterialStatus
    reused_from_id: str | None
    certificate_id: str | None

    @classmethod
    def of(cls, material: ApplicationMaterial) -> MaterialOut:
        return cls(id=str(material.id), material_index=material.material_index,
                   material_name=material.material_name, sha256=material.sha256, size=material.size,
                   content_type=material.content_type, original_filename=material.original_filename,
                   status=material.status,
                   reused_from_id=str(material.reused_from_id) if material.reused_from_id else None,
                   certificate_id=str(material.certificate_id) if material.certificate_id else None)


class CommentOut(Schema):
    id: str
    material_index: int | None
    field_name: str | None
    message: str
    resolved: bool
    created_at: LocalDateTime


StageKey = Literal["appointment", "prereview", "receive", "accept", "approve", "certificate", "issue"]
"""The steps of the progress timeline, in order."""


class TransitionOut(Schema):
    actor_role: str
    from_state: ApplicationState
    to_state: ApplicationState
    reason: str
    at: LocalDateTime


class ApplicationSummary(Schema):
    id: str
    item_id: str
    guide_id: str
    department_id: str
    state: ApplicationState
    version: int
    submitted_at: LocalDateTime | None
    deadline: date | None = Field(description="预审期限")
    deadline_provisional: bool = Field(
        description="期限跨入节假日通知尚未载入的年份，按临时日历计算，通知载入后重算")
    hall_id: str | None = Field(description="收件大厅")
    acceptance_number: str | None
    due_date: date | None = Field(description="承诺办结日期（已加上暂停计时的工作日）")
    due_date_provisional: bool = Field(description="同 deadline_provisional")
    on_behalf_of: OnBehalfOf | None = Field(description="以单位（法人）名义办理时的单位及办理人身份；本人办理为 null")
    created_at: LocalDateTime

    @classmethod
    def of(cls, application: Application) -> ApplicationSummary:
        return cls(id=str(application.id), item_id=str(application.item_id),
                   guide_id=str(application.guide_id), department_id=str(application.department_id),
                   state=application.state, version=application.version,
                   submitted_at=application.submitted_at, deadline=application.deadline,
                   deadline_provisional=application.deadline_provisional,
                   hall_id=str(application.hall_id) if application.hall_id else None,
                   acceptance_number=application.acceptance_number, due_date=application.due_date,
                   due_date_provisional=application.due_date_provisional,
                   on_behalf_of=OnBehalfOf(**application.on_behalf_of) if application.on_behalf_of else None,
                   created_at=application.created_at)


class FormProblemOut(Schema):
    field: str
    message: str


class ApplicationOut(ApplicationSummary):
    form_data: dict[str, Any]
    form_commitment_salt: str | None = Field(
        description="存证回执：存证记录中表单承诺（form_commitment）的盐值；凭此盐值与表单可证明所提交的表单，"
                    "他人无法用猜测的表单比对存证")
    represented: RepresentedOut | None = Field(description="代办时被代办人（脱敏）；本人申请为 null")
    form_errors: list[FormProblemOut] = Field(
        description="草稿或待补正时，表单数据与事项数据模板不符之处（每次保存都校验，仍可保存；"
                    "提交时仍有则 422 FORM_DATA_INVALID）；其他状态为空")
    decision_reason: str
    decided_at: LocalDateTime | None
    materials: list[MaterialOut]
    open_comments: list[CommentOut]


class HistoryOut(Schema):
    transitions: list[TransitionOut]
    comments: list[CommentOut]


def _comment(c: ReviewComment) -> CommentOut:
    return CommentOut(id=str(c.id), material_index=c.material_index, field_name=c.field_name,
                      message=c.message, resolved=c.resolved, created_at=c.created_at)


async def form_errors(application: Application, form_data: dict[str, Any]) -> list[FormProblemOut]:
    """What the form still lacks while the resident can edit it (validated again at submit)."""
    if application.state not in EDITABLE:
        return []  # submitted forms passed at submit; window forms when the clerk received them
    await application.fetch_related("guide")
    return [FormProblemOut(**problem) for problem in form_data_problems(
        template=application.guide.data_template, data=form_data)]


async def application_out(application: Application, *, rt: Runtime, reader: Reader) -> ApplicationOut:
    """An application with its (decrypted) form, materials, the review comments still to be
    addressed and, while editable, the form's problems; a staff reader's read is recorded first."""
    await access_log.record_read(reader=reader, application=application, kind=PersonalRecordKind.APPLICATION,
                                 record_id=str(application.id))
    _, comments = await history(application)
    form = forms.open_form(wrapper=rt.wrapper, application=application)
    return ApplicationOut(
        **dict(ApplicationSummary.of(application)), form_data=form.data,
        form_commitment_salt=form.commitment_salt,
        represented=represented_out(application),
        form_errors=await form_errors(application, form.data),
        decision_reason=application.decision_reason, decided_at=application.decided_at,
        materials=[MaterialOut.of(m) for m in await materials_of(application)],
        open_comments=[_comment(c) for c in comments if not c.resolved])


async def history_out(application: Application, *, reader: Reader) -> HistoryOut:
    """Every transition (who by role, from, to, why, when) and every comment; a staff reader's
    read is recorded first."""
    await access_log.record_read(reader=reader, application=application,
                                 kind=PersonalRecordKind.APPLICATION_HISTORY, record_id=str(application.id))
    transitions, comments = await history(application)
    return HistoryOut(
        transitions=[TransitionOut(actor_role=t.actor_role, from_state=S(t.from_state), to_state=S(t.to_state),
                                   reason=t.reason, at=t.created_at) for t in transitions],
        comments=[_comment(c) for c in comments])


PREREVIEW_STATES = (S.SUBMITTED, S.IN_REVIEW, S.NEEDS_CORRECTION)
APPROVAL_STATES = (S.ACCEPTED, S.APPROVING, S.SUSPENDED)
AFTER_DECISION = (S.APPROVED, S.CERTIFICATE_MADE, S.ISSUED)


class StageStatus(StrEnum):
    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"
    SKIPPED = "skipped"
    ENDED = "ended"  # the application stopped here (rejected, not accepted, denied, withdrawn)


class Stage(Schema):
    key: StageKey
    name: str
    status: StageStatus
    at: LocalDateTime | None = None
    expected_date: date | None = None
    note: str = ""


class ProgressOut(Schema):
    application_id: str
    state: S
    stages: list[Stage]
    next_step: Stage | None = Field(description="下一步及预计日期；办结后为空")


class ApprovalOut(Schema):
    step_index: int
    step_name: str
    reviewer_id: str
    opinion: Opinion
    comment: str
    at: LocalDateTime

    @classmethod
    def of(cls, approval: Approval) -> ApprovalOut:
        return cls(step_index=approval.step_index, step_name=approval.step_name,
                   reviewer_id=approval.reviewer_id, opinion=approval.opinion, comment=approval.comment,
                   at=approval.created_at)


class DeskApplication(ApplicationSummary):
    flag: DeadlineFlag | None = Field(None, description="承诺时限：red 已超期、yellow 即将到期、green 正常")
    suspended_on: date | None
    suspended_working_days: int
    approval_step: int
    delivery_method: str | None
    tracking_number: str | None

    @classmethod
    def of_flagged(cls, application: Application, flag: DeadlineFlag | None = None) -> DeskApplication:
        return cls(**dict(ApplicationSummary.of(application)), flag=flag,
                   suspended_on=application.suspended_on,
                   suspended_working_days=application.suspended_working_days,
                   approval_step=application.approval_step,
                   delivery_method=application.delivery_method.value if application.delivery_method else None,
                   tracking_number=application.tracking_number)


class DeskList(Schema):
    items: list[DeskApplication]


class CertificateOut(Schema):
    id: str
    certificate_type: str
    name: str
    number: str
    issuer_id: str
    application_id: str | None
    valid_from: date
    valid_until: date | None
    sha256: str
    status: CertificateStatus
    usable: bool = Field(description="未撤销且在有效期内，可作为材料使用")
    revoked_at: LocalDateTime | None
    on_behalf_of: OnBehalfOf | None = Field(
        None, description="为单位（法人）办件签发：证照属于该单位（单位证照夹），办理人身份为申请时；个人证照为 null")

    @classmethod
    def of(cls, certificate: ECertificate) -> CertificateOut:
        return cls(id=str(certificate.id), certificate_type=certificate.certificate_type,
                   name=certificate.name, number=certificate.number, issuer_id=str(certificate.issuer_id),
                   application_id=str(certificate.application_id) if certificate.application_id else None,
                   valid_from=certificate.valid_from, valid_until=certificate.valid_until,
                   sha256=certificate.sha256, status=certificate.status,
                   usable=certificates.is_current(certificate), revoked_at=certificate.revoked_at,
                   on_behalf_of=OnBehalfOf(**certificate.on_behalf_of) if certificate.on_behalf_of else None)


class CertificateList(Schema):
    items: list[CertificateOut]


class HeldMaterialOut(MaterialOut):
    application_id: str = Field(description="上传时所在的办件")
    uploaded_at: LocalDateTime

    @classmethod
    def held(cls, material: ApplicationMaterial) -> HeldMaterialOut:
        return cls(**dict(MaterialOut.of(material)), application_id=str(material.application_id),
                   uploaded_at=material.created_at)


class MyMaterialsOut(Schema):
    """我的材料: what can be offered instead of a new upload."""

    uploads: list[HeldMaterialOut] = Field(
        description="早先上传的材料（同一文件只列一次，新的在前）：指南标为 reusable 的材料可用 …/reuse 复用；"
                    "上传与之相同的文件（SHA-256 相同）时也直接复用，不再另存")
    certificates: list[CertificateOut] = Field(description="证照夹中可用的电子证照（…/certificate 出示）")


class EvaluationOut(Schema):
    id: str
    application_id: str
    item_id: str
    department_id: str
    hall_id: str | None
    score: int
    comment: str
    is_bad: bool
    follow_up_note: str
    followed_up_at: LocalDateTime | None
    created_at: LocalDateTime

    @classmethod
    def of(cls, evaluation: Evaluation) -> EvaluationOut:
        return cls(id=str(evaluation.id), application_id=str(evaluation.application_id),
                   item_id=str(evaluation.item_id), department_id=str(evaluation.department_id),
                   hall_id=str(evaluation.hall_id) if evaluation.hall_id else None, score=evaluation.score,
                   comment=evaluation.comment, is_bad=evaluation.is_bad,
                   follow_up_note=evaluation.follow_up_note, followed_up_at=evaluation.followed_up_at,
                   created_at=evaluation.created_at)


class EvaluationList(Schema):
    items: list[EvaluationOut]


def _stage(key: StageKey, name: str, *, done: bool, current: bool = False, ended: bool = False,
           skipped: bool = False, at: datetime | None = None, expected: date | None = None,
           note: str = "") -> Stage:
    status = (StageStatus.ENDED if ended else StageStatus.DONE if done else StageStatus.CURRENT
              if current else StageStatus.SKIPPED if skipped else StageStatus.PENDING)
    return Stage(key=key, name=name, status=status, at=at, expected_date=expected, note=note)


async def progress_out(application: Application) -> ProgressOut:
    """One timeline from appointment and pre-review to pickup, with the next step's expected date."""
    state = application.state
    visit = await Appointment.filter(application_id=application.id).order_by("-created_at").first()
    prereviewed = application.submitted_at is not None
    received = application.received_at is not None
    stages = [
        _stage("appointment", "网上预约", done=visit is not None and visit.checked_in_at is not None,
               current=visit is not None and visit.checked_in_at is None, skipped=visit is None,
               at=visit.checked_in_at if visit else None, expected=visit.day if visit else None,
               note=visit.status.value if visit else ""),
        _stage("prereview", "网上预审", done=prereviewed and state not in PREREVIEW_STATES
               and state is not S.REJECTED, current=state in PREREVIEW_STATES,
               ended=state is S.REJECTED, skipped=not prereviewed and received,
               at=application.decided_at if prereviewed and state not in PREREVIEW_STATES else application.submitted_at,
               expected=application.deadline),
        _stage("receive", "窗口收件", done=received, current=state is S.PASSED, at=application.received_at),
        _stage("accept", "受理", done=application.accepted_at is not None, current=state is S.RECEIVED,
               ended=state is S.NOT_ACCEPTED, at=application.accepted_at, note=application.acceptance_number or ""),
        _stage("approve", "审批", done=state in AFTER_DECISION, current=state in APPROVAL_STATES,
               ended=state is S.DENIED, at=application.decided_at if application.approval_step else None,
               expected=application.due_date, note="暂停计时" if state is S.SUSPENDED else ""),
        _stage("certificate", "制证", done=state in (S.CERTIFICATE_MADE, S.ISSUED), current=state is S.APPROVED,
               at=application.completed_at if state in (S.CERTIFICATE_MADE, S.ISSUED) else None,
               expected=application.due_date),
        _stage("issue", "出件/送达", done=state is S.ISSUED, current=state is S.CERTIFICATE_MADE,
               at=application.issued_at, note=application.tracking_number or ""),
    ]
    if state is S.WITHDRAWN:
        stages = [s if s.status is StageStatus.DONE else s.model_copy(update={"status": StageStatus.SKIPPED})
                  for s in stages]
    upcoming = next((s for s in stages if s.status is StageStatus.CURRENT), None)
    if upcoming is None and state is S.DRAFT:
        upcoming = stages[1].model_copy(update={"status": StageStatus.CURRENT, "note": "待提交"})
    return ProgressOut(application_id=str(application.id), state=state, stages=stages, next_step=upcoming)


class DeskDetail(Schema):
    application: ApplicationOut
    desk: DeskApplication
    approvals: list[ApprovalOut]


class StatsOut(Schema):
    group_by: evaluations.GroupBy
    items: list[evaluations.Stat]


class DownloadUrl(Schema):
    url: str
    expires_at: LocalDateTime


class QueueOut(Schema):
    items: list[ApplicationSummary]
    counts: dict[str, int]


class DeadlineList(Schema):
    items: list[ApplicationSummary]


class IssuedDocumentOut(Schema):
    """One document issued on an application; its PDF is served by kind (the latest of each)."""

    id: str
    kind: DocumentKind
    title: str
    number: str
    decision: str | None
    issued_at: LocalDateTime
    sha256: str = Field(description="签发的 PDF 文件的 SHA-256（已记入存证账本）")

    @classmethod
    def of(cls, document: IssuedDocument) -> IssuedDocumentOut:
        return cls(id=str(document.id), kind=document.kind, title=document.title, number=document.number,
                   decision=document.decision, issued_at=document.issued_at, sha256=document.sha256)


class IssuedDocumentList(Schema):
    items: list[IssuedDocumentOut]
