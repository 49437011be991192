"""Anyone holding a paper or a PDF the one window issued can check it: the public verification
behind its QR code (what it states, no personal data) and a check of a presented file against the
one issued, byte for byte, and of whether it still stands (revoked, expired)."""

from __future__ import annotations

from html import escape
from typing import Literal

from pydantic import Field

from app.ids import to_local, utcnow
from app.shapes import Schema, parse_id
from models.catalog import ServiceItem
from models.documents import DocumentKind, IssuedDocument
from models.onewindow import CertificateStatus, ECertificate
from models.organization import Department
from models.prereview import Application, ApplicationState
from services.applications.documents import ACCEPTED_OR_LATER, DECIDED, DocumentNotAvailable


class Verification(Schema):
    """What anyone holding a document may check: no personal data, only what the paper states."""

    kind: Literal["acceptance-receipt", "decision-notice", "certificate"]
    valid: bool
    item_name: str
    department_name: str
    acceptance_number: str | None
    issued_on: str | None
    decision: Literal["approved", "denied"] | None
    status: str


async def verify(*, kind: str, document_id: str) -> Verification:
    """The public check behind an application document's QR code; unknown ones answer 404."""
    parsed = parse_id(document_id)
    application = await Application.get_or_none(id=parsed) if parsed else None
    wanted = ACCEPTED_OR_LATER if kind == DocumentKind.ACCEPTANCE_RECEIPT else DECIDED
    if application is None or kind not in set(DocumentKind) or application.state not in wanted:
        raise DocumentNotAvailable(details={"kind": kind})
    item = await ServiceItem.get(id=application.item_id)
    department = await Department.get(id=application.department_id)
    decision: Literal["approved", "denied"] | None = None
    if kind == DocumentKind.DECISION_NOTICE:
        decision = "denied" if application.state is ApplicationState.DENIED else "approved"
    issued = application.accepted_at if kind == DocumentKind.ACCEPTANCE_RECEIPT else application.decided_at
    # The ignore: kind is one of DocumentKind (checked above), which the shape lists as literals.
    return Verification(kind=kind, valid=True, item_name=item.name,  # type: ignore[arg-type]
                        department_name=department.name,
                        acceptance_number=application.acceptance_number,
                        issued_on=to_local(issued).date().isoformat() if issued else None,
                        decision=decision, status=application.state.value)


class DocumentCheck(Schema):
    """A document's verification: what it states of itself (number, authority, date, status; no
    personal data), and whether what was presented (the file, or its QR code) is what was issued."""

    document_id: str
    kind: DocumentKind
    title: str
    number: str
    issuer: str
    issued_on: str
    decision: Literal["approved", "denied"] | None
    status: Literal["valid", "revoked", "expired"]
    presented_sha256: str | None = Field(description="所核验文件的 SHA-256（上传或查询参数 sha256）")
    file_matches: bool | None = Field(description="文件与签发时逐字节一致；未提交文件时为 null")
    content_matches: bool | None = Field(description="二维码所载内容摘要与签发时一致；未提交时为 null")
    valid: bool = Field(description="文书有效（未撤销、未过期），且所提交的文件和二维码均一致")
    message: str


async def _status(document: IssuedDocument) -> Literal["valid", "revoked", "expired"]:
    """A certificate's own status; an approval stands while its certificate is not revoked."""
    certificate: ECertificate | None
    if document.kind is DocumentKind.CERTIFICATE:
        certificate = await ECertificate.get(id=document.certificate_id)
    elif document.decision == "approved":
        certificate = await ECertificate.filter(application_id=document.application_id).order_by(
            "-created_at").first()
    else:
        return "valid"
    if certificate is None:
        return "valid"
    if certificate.status is CertificateStatus.REVOKED:
        return "revoked"
    lapsed = certificate.valid_until is not None and certificate.valid_until < to_local(utcnow()).date()
    return "expired" if lapsed and document.kind is DocumentKind.CERTIFICATE else "valid"


def _decision(document: IssuedDocument) -> Literal["approved", "denied"] | None:
    return "approved" if document.decision == "approved" else "denied" if document.decision == "denied" else None


async def check(*, document_id: str, presented_sha256: str | None, content_sha256: str | None) -> DocumentCheck:
    """Confirm a presented document against the one issued: the file's SHA-256 (one edited byte
    changes it), the content hash its QR code carries, and whether it still stands."""
    parsed = parse_id(document_id)
    document = await IssuedDocument.get_or_none(id=parsed) if parsed else None
    if document is None:
        raise DocumentNotAvailable(details={"document_id": document_id})
    issuer = await Department.get(id=document.department_id)
    status = await _status(document)
    file_matches = None if presented_sha256 is None else presented_sha256 == document.sha256
    content_matches = None if content_sha256 is None else content_sha256 == document.content_sha256
    valid = status == "valid" and file_matches is not False and content_matches is not False
    if file_matches is False:
        message = "所核验的文件与签发的文书不一致：文件已被修改，或不是这份文书。"
    elif content_matches is False:
        message = "二维码所载内容与签发的文书不一致。"
    elif status != "valid":
        message = {"revoked": "该文书已被撤销。", "expired": "该证照已过有效期。"}[status]
    elif file_matches:
        message = "所核验的文件与签发的文书完全一致，文书有效。"
    else:
        message = "文书经签发且有效；上传文件可核对其是否被修改。"
    return DocumentCheck(
        document_id=str(document.id), kind=document.kind, title=document.title, number=document.number,
        issuer=issuer.name, issued_on=to_local(document.issued_at).date().isoformat(),
        decision=_decision(document), status=status, presented_sha256=presented_sha256,
        file_matches=file_matches, content_matches=content_matches, valid=valid, message=message)


_STATUS_LABEL = {"valid": "有效", "revoked": "已撤销", "expired": "已过期"}


def check_page(found: DocumentCheck) -> str:
    """The verification as a page a person reads after scanning the QR code."""
    rows = [("文书", found.title), ("文号", found.number), ("签发机关", found.issuer), ("签发日期", found.issued_on),
            ("状态", _STATUS_LABEL[found.status])]
    if found.presented_sha256:
        rows.append(("文件 SHA-256", found.presented_sha256))
    table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    verdict = "核验通过" if found.valid else "核验未通过"
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>文书核验</title></head>'
            f'<body><h1>{verdict}</h1><p>{escape(found.message)}</p><table>{table}</table>'
            f'<p>上传手中的 PDF 文件可核对其是否与签发的文书逐字节一致。</p></body></html>')
