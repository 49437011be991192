"""The e-certificate wallet (电子证照): issue, list, present instead of an upload, revoke, verify."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, NotFoundError, ValidationFailed
from app.ids import local_today, utcnow
from app.shapes import parse_id
from app.storage import read_opened, storage_of
from app.tokens import Principal
from models.catalog import ServiceItem
from models.companies import Company
from models.documents import DocumentKind
from models.onewindow import CertificateStatus, ECertificate
from models.organization import Department
from models.prereview import Application, ApplicationMaterial
from models.users import User
from services import companies, ledger
from services.applications import authenticity, documents
from services.companies import reach


class RevocationReason(StrEnum):
    ISSUED_IN_ERROR = "issued_in_error"  # 错误发证
    SUPERSEDED = "superseded"  # 已换发
    OBTAINED_BY_FRAUD = "obtained_by_fraud"  # 以欺骗等不正当手段取得
    HOLDER_REQUEST = "holder_request"  # 持证人申请注销


class CertificateNotFound(NotFoundError):
    code, message = "CERTIFICATE_NOT_FOUND", "证照不存在"


class CertificateRevoked(Conflict):
    code, message = "CERTIFICATE_REVOKED", "该证照已被撤销，不能使用"


class CertificateExpired(Conflict):
    code, message = "CERTIFICATE_EXPIRED", "该证照已过有效期，不能使用"


class CertificateNotAccepted(ValidationFailed):
    code, message = "CERTIFICATE_NOT_ACCEPTED", "该材料不接受此类电子证照"


def is_current(certificate: ECertificate, *, on: date | None = None) -> bool:
    """Valid: not revoked and within its validity period."""
    day = on or local_today()
    return certificate.status is CertificateStatus.VALID and (
        certificate.valid_until is None or certificate.valid_until >= day)


def ensure_usable(certificate: ECertificate) -> None:
    """Refuse a revoked or expired certificate with the reason."""
    if certificate.status is CertificateStatus.REVOKED:
        raise CertificateRevoked(details={"certificate_id": str(certificate.id)})
    if not is_current(certificate):
        assert certificate.valid_until is not None  # valid and not current: past its date
        raise CertificateExpired(details={"certificate_id": str(certificate.id),
                                          "valid_until": certificate.valid_until.isoformat()})


async def issue(*, rt: Runtime, application: Application, result: dict[str, Any], issued_by: str) -> ECertificate:
    """Make the e-certificate of an approved application (call inside its transaction)."""
    item = await ServiceItem.get(id=application.item_id)
    issuer = await Department.get(id=application.department_id)
    valid_from = local_today()
    validity = result.get("validity_days")
    certificate = ECertificate(
        id=uuid.uuid4(), resident_id=application.resident_id, application_id=application.id,
        company_id=application.company_id, on_behalf_of=application.on_behalf_of,
        certificate_type=result["certificate_type"], name=result["name"],
        number=f"{issuer.code}-{application.acceptance_number}", issuer_id=issuer.id,
        valid_from=valid_from, valid_until=valid_from + timedelta(days=validity) if validity else None,
        storage_key="", sha256="", size=0)
    issued_at = utcnow()
    layout = documents.certificate_layout(
        certificate=certificate, holder=await documents.applicant_name(rt, application), item_name=item.name,
        issuer_name=issuer.name, issued_at=issued_at)
    # The certificate and its document share the stored file; make_certificate removes it if
    # the transaction fails.
    document = await documents.Issuing(rt).issue(
        document_id=uuid.uuid4(), kind=DocumentKind.CERTIFICATE, number=certificate.number, layout=layout,
        department_id=issuer.id, application_id=application.id, certificate_id=certificate.id)
    certificate.storage_key, certificate.data_key = document.storage_key, document.data_key
    certificate.sha256, certificate.size = document.sha256, document.size
    await certificate.save(force_create=True)
    await ledger.append(record_type="certificate_issued", data={
        "certificate_id": str(certificate.id), "application_id": str(application.id),
        "certificate_type": certificate.certificate_type, "document_sha256": certificate.sha256,
        "issued_by": issued_by})
    return certificate


async def discard_document(*, rt: Runtime, certificate: ECertificate) -> None:
    """Remove the stored document of a certificate whose transaction did not commit."""
    if certificate.storage_key:
        await storage_of(rt).delete(certificate.storage_key)


async def list_mine(*, resident_id: uuid.UUID) -> list[ECertificate]:
    """The resident's personal wallet, newest first (revoked and expired ones included, marked);
    a company's certificates are in the company's wallet, not the filer's."""
    return await ECertificate.filter(resident_id=resident_id, company_id__isnull=True).order_by("-created_at")


async def _visible(user: User) -> Q:
    """The certificates the user may see now: their personal ones, and those issued for a
    company's application they may see (services/companies/reach.py)."""
    return Q(resident_id=user.id, company_id__isnull=True) | Q(
        company_id__isnull=False,
        application_id__in=Subquery(Application.filter(await reach.visible_applications(user=user)).values("id")))


async def get_visible_or_raise(*, user: User, certificate_id: str) -> ECertificate:
    """A certificate the user may see; others' ids answer 404 like unknown ones."""
    parsed = parse_id(certificate_id)
    certificate = await ECertificate.filter(await _visible(user), id=parsed).first() if parsed else None
    if certificate is None:
        raise CertificateNotFound(details={"certificate_id": certificate_id})
    return certificate


def accepted_type(material: dict[str, Any]) -> str | None:
    """The certificate type a guide material takes instead of an upload; None when it takes none."""
    return material.get("certificate_type") if material.get("from_e_certificate") else None


async def presentable(*, user: User, certificate_id: str, company_id: uuid.UUID | None,
                      accepts: str | None) -> ECertificate:
    """A certificate the user may present for a material that takes ``accepts``, in something
    filed personally or for ``company_id``: their own, or that company's (never another
    company's, however visible: 404), of that type (CERTIFICATE_NOT_ACCEPTED), and usable now."""
    certificate = await get_visible_or_raise(user=user, certificate_id=certificate_id)
    if certificate.company_id not in (None, company_id):
        raise CertificateNotFound(details={"certificate_id": certificate_id})
    if accepts is None or accepts != certificate.certificate_type:
        raise CertificateNotAccepted(details={"accepts": accepts, "certificate_type": certificate.certificate_type})
    ensure_usable(certificate)
    return certificate


def as_material(certificate: ECertificate) -> dict[str, Any]:
    """The file columns of a material answered by a certificate: its document is the file."""
    return {"storage_key": certificate.storage_key, "data_key": certificate.data_key, "sha256": certificate.sha256,
            "size": certificate.size, "content_type": "application/pdf",
            "original_filename": f"{certificate.name}.pdf", "reused_from_id": None, "certificate_id": certificate.id}


async def company_wallet(*, user: User, company_id: str) -> tuple[Company, list[ECertificate]]:
    """A company's wallet as the user may see it, newest first: all of it for its representative,
    for an agent with an active authorisation the certificates of applications within its scope;
    anyone else is refused (404 for a stranger, the authorisation's 403 for a former agent)."""
    company = await companies.related_or_raise(user=user, company_id=company_id)
    if company.legal_representative_id != user.id:
        await companies.live_grants(user=user, company=company)
    rows = await ECertificate.filter(await _visible(user), company_id=company.id).order_by("-created_at")
    return company, rows


async def ensure_presented_still_valid(*, application: Application) -> None:
    """Every certificate presented as a material is still valid (checked at submit, receive and accept)."""
    ids = await ApplicationMaterial.filter(application_id=application.id, certificate_id__not_isnull=True
                                           ).values_list("certificate_id", flat=True)
    await ensure_all_usable(certificate_ids=list(ids))


async def ensure_all_usable(*, certificate_ids: list[Any]) -> None:
    """Refuse when any of these presented certificates has been revoked or has expired since."""
    for certificate in await ECertificate.filter(id__in=certificate_ids):
        ensure_usable(certificate)


async def revoke(*, principal: Principal, certificate_id: str, reason_code: RevocationReason,
                 reason: str) -> ECertificate:
    """Revoke a certificate of the reviewer's department; it is refused from now on."""
    parsed = parse_id(certificate_id)
    certificate = await ECertificate.get_or_none(id=parsed) if parsed else None
    if certificate is None:
        raise CertificateNotFound(details={"certificate_id": certificate_id})
    require_scope(principal, "reviewer", department_id=str(certificate.issuer_id))
    if certificate.status is CertificateStatus.REVOKED:
        raise CertificateRevoked("该证照已撤销", details={"certificate_id": certificate_id})
    async with in_transaction():
        revoked = await ECertificate.filter(id=certificate.id, status=CertificateStatus.VALID).update(
            status=CertificateStatus.REVOKED, revoked_at=utcnow(), revoked_by=str(principal.subject_id),
            revoke_reason=reason, updated_at=utcnow())
        if not revoked:
            raise CertificateRevoked("该证照已撤销", details={"certificate_id": certificate_id})
        await ledger.append(record_type="certificate_revoked", data={
            "certificate_id": str(certificate.id),
            **({"application_id": str(certificate.application_id)} if certificate.application_id else {}),
            "reason_code": reason_code.value, "revoked_by": str(principal.subject_id)})
    await certificate.refresh_from_db()
    return certificate


async def verify(*, certificate_id: str) -> authenticity.Verification:
    """The public check behind a certificate's QR code."""
    parsed = parse_id(certificate_id)
    certificate = await ECertificate.get_or_none(id=parsed) if parsed else None
    if certificate is None:
        raise documents.DocumentNotAvailable(details={"kind": "certificate"})
    issuer = await Department.get(id=certificate.issuer_id)
    status = certificate.status.value if is_current(certificate) or certificate.status is \
        CertificateStatus.REVOKED else "expired"
    return authenticity.Verification(kind="certificate", valid=is_current(certificate), item_name=certificate.name,
                                  department_name=issuer.name, acceptance_number=None,
                                  issued_on=certificate.valid_from.isoformat(), decision=None, status=status)


async def document_bytes(*, rt: Runtime, certificate: ECertificate) -> bytes:
    """The stored certificate document (a few kilobytes)."""
    chunks = read_opened(storage_of(rt), rt.wrapper, certificate.storage_key, certificate.data_key)
    return b"".join([chunk async for chunk in chunks])
