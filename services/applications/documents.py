"""The documents the one window issues, each with the content the law requires of it.

受理回执 (applicant, materials received, acceptance number, promised date), 不予受理通知书 (reason,
what is missing, remedies), 补正材料告知书 (everything to correct, at once: 行政许可法 art. 32),
准予 / 不予行政许可决定书 (a denial with its reasons, legal basis and the right to reconsideration
and litigation: art. 38), and the certificate (holder, number, validity). Each names the
applicant or holder, carries its number and date and a seal area (``pdf.Layout``).

A document is issued once, inside the transaction of the step that issues it: its PDF is stored
(sealed: it names the applicant) and served as stored from then on. To add a kind: a
``DocumentKind`` member, a function building its ``pdf.Layout``, and an ``Issuing.issue`` call in
the step that issues it.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from types import TracebackType
from typing import cast

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import NotFoundError
from app.ids import local_today, to_local, utcnow
from app.storage import keep_sealed, read_opened, storage_of
from models.catalog import ServiceItem
from models.documents import DocumentKind, IssuedDocument
from models.onewindow import Approval, ECertificate
from models.organization import Department, Hall
from models.prereview import Application, ApplicationMaterial, ApplicationState
from models.users import User
from services import ledger
from services.applications import forms, pdf, representation
from services.catalog.guide import ApplicantAttribute, DataTemplate

__all__ = ["DocumentKind"]

DECIDED = (ApplicationState.APPROVED, ApplicationState.DENIED, ApplicationState.CERTIFICATE_MADE,
           ApplicationState.ISSUED)
ACCEPTED_OR_LATER = (ApplicationState.ACCEPTED, ApplicationState.APPROVING, ApplicationState.SUSPENDED,
                     *DECIDED)
_NUMBER_PREFIX = {DocumentKind.NON_ACCEPTANCE_NOTICE: "BSL", DocumentKind.CORRECTION_NOTICE: "BZ",
                  DocumentKind.DECISION_NOTICE: "XK"}


class DocumentNotAvailable(NotFoundError):
    code, message = "DOCUMENT_NOT_AVAILABLE", "该办件尚无此文书"


def verification_url(rt: Runtime, document_id: uuid.UUID, content_sha256: str) -> str:
    """What a document's QR code carries: its id and the hash of what it states, as the URL of
    its public verification (docs/documents.md)."""
    return f"{rt.settings.public_base_url}/api/v1/documents/{document_id}/verification?content={content_sha256}"


def _day(moment: datetime | date | None) -> str:
    if moment is None:
        return "—"
    shown = to_local(moment).date() if isinstance(moment, datetime) else moment
    return f"{shown:%Y年%m月%d日}"


def local_time(moment: datetime) -> str:
    """A moment as documents print it, in Beijing time to the second."""
    return f"{to_local(moment):%Y-%m-%d %H:%M:%S}"


def _numbered(lines: Sequence[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))


def remedies(rt: Runtime, *, what: str) -> str:
    """The notice of the right to administrative reconsideration (60 days, 行政复议法 art. 20) and
    to litigation (6 months, 行政诉讼法 art. 46), and where."""
    return (f"如不服本{what}，可以自收到本{what}之日起六十日内向{rt.settings.documents_reconsideration_body}"
            f"申请行政复议，也可以自收到本{what}之日起六个月内向{rt.settings.documents_litigation_court}"
            "提起行政诉讼。")


@dataclass(frozen=True)
class Parties:
    """Who and what a document of an application names."""

    applicant: str
    item: ServiceItem
    department: Department
    hall: Hall | None


async def applicant_name(rt: Runtime, application: Application) -> str:
    """The applicant as the documents name them: the person filed for, else the form's bound
    name field, else the resident's verified real name."""
    declared = representation.identity_of(rt, application.representation)
    if declared:
        return declared[ApplicantAttribute.NAME]
    await application.fetch_related("guide")
    field = DataTemplate.model_validate(application.guide.data_template).applicant_fields().get(
        ApplicantAttribute.NAME)
    typed = forms.open_form(wrapper=rt.wrapper, application=application).data.get(field) if field else None
    if typed:
        return str(typed)
    resident = await User.get(id=application.resident_id)
    return rt.cipher.decrypt(resident.real_name_enc) if resident.real_name_enc else resident.display_name


async def parties(rt: Runtime, application: Application) -> Parties:
    return Parties(applicant=await applicant_name(rt, application),
                   item=await ServiceItem.get(id=application.item_id),
                   department=await Department.get(id=application.department_id),
                   hall=await Hall.get_or_none(id=application.hall_id) if application.hall_id else None)


async def materials_received(application: Application) -> list[str]:
    """Each material the window has: uploaded, presented from the wallet, or its original seen."""
    await application.fetch_related("guide")
    specs = representation.material_specs(application)
    uploaded = set(cast(list[int], await ApplicationMaterial.filter(application_id=application.id)
                                 .values_list("material_index", flat=True)))
    seen = set(application.checked_materials or [])
    received = []
    for index, spec in enumerate(specs):
        how = [label for label, present in (("电子件", index in uploaded), ("原件已核验", index in seen))
               if present]
        if how:
            received.append(f"{spec['name']}（{'，'.join(how)}）")
    return received


def acceptance_receipt(rt: Runtime, who: Parties, *, number: str, accepted_at: datetime, due: date,
                       materials: Sequence[str]) -> pdf.Layout:
    return pdf.Layout(
        title="受理回执", number=f"受理编号：{number}", issuer=who.department.name, issued_at=accepted_at,
        addressee=who.applicant,
        fields=[("申请人", who.applicant), ("办理事项", who.item.name), ("受理编号", number),
                ("受理机关", who.department.name), ("受理大厅", who.hall.name if who.hall else "—"),
                ("受理日期", _day(accepted_at)), ("承诺办结日期", _day(due))],
        paragraphs=[f"你（单位）提出的{who.item.name}申请，申请材料齐全、符合法定形式，本机关决定予以受理，"
                    f"将于{_day(due)}前作出决定（依法暂停计时的期间不计算在内）。",
                    f"收到的申请材料：\n{_numbered(materials) if materials else '（无）'}"])


def non_acceptance_notice(rt: Runtime, who: Parties, *, number: str, received_at: datetime | None,
                          issued_at: datetime, reason: str, missing: Sequence[str]) -> pdf.Layout:
    return pdf.Layout(
        title="不予受理通知书", number=number, issuer=who.department.name, issued_at=issued_at,
        addressee=who.applicant,
        fields=[("申请人", who.applicant), ("办理事项", who.item.name), ("收件日期", _day(received_at)),
                ("收件大厅", who.hall.name if who.hall else "—")],
        paragraphs=[f"你（单位）于{_day(received_at)}提出的{who.item.name}申请，经审查，本机关决定不予受理。",
                    f"理由：{reason}",
                    f"缺少的材料或不符合的条件：\n{_numbered(missing) if missing else '（见理由）'}",
                    remedies(rt, what="通知书")])


def correction_notice(rt: Runtime, who: Parties, *, number: str, issued_at: datetime,
                      corrections: Sequence[str]) -> pdf.Layout:
    return pdf.Layout(
        title="补正材料告知书", number=number, issuer=who.department.name, issued_at=issued_at,
        addressee=who.applicant,
        fields=[("申请人", who.applicant), ("办理事项", who.item.name)],
        paragraphs=[f"你（单位）提出的{who.item.name}申请，申请材料不齐全或者不符合法定形式。"
                    "现一次告知需要补正的全部内容，请补正后重新提交：",
                    _numbered(corrections)])


def decision_notice(rt: Runtime, who: Parties, *, number: str, acceptance_number: str, accepted_at: datetime,
                    decided_at: datetime, approved: bool, reason: str, legal_basis: str,
                    result_name: str | None) -> pdf.Layout:
    heading = (f"你（单位）于{_day(accepted_at)}提出的{who.item.name}申请（受理编号 {acceptance_number}），"
               "本机关依法进行了审查。")
    fields = [("申请人", who.applicant), ("办理事项", who.item.name), ("受理编号", acceptance_number),
              ("决定机关", who.department.name), ("决定日期", _day(decided_at))]
    if approved:
        granted = f"，颁发{result_name}" if result_name else ""
        basis = f"根据{legal_basis}，" if legal_basis else ""
        return pdf.Layout(title="准予行政许可决定书", number=number, issuer=who.department.name,
                          issued_at=decided_at, addressee=who.applicant, fields=fields,
                          paragraphs=[heading, f"经审查，你（单位）的申请符合法定条件、标准，{basis}本机关决定"
                                               f"准予行政许可{granted}。"])
    return pdf.Layout(title="不予行政许可决定书", number=number, issuer=who.department.name, issued_at=decided_at,
                      addressee=who.applicant, fields=fields,
                      paragraphs=[heading, "经审查，你（单位）的申请不符合法定条件、标准，本机关决定不予行政许可。",
                                  f"理由：{reason}", f"依据：{legal_basis}", remedies(rt, what="决定")])


def certificate_layout(*, certificate: ECertificate, holder: str, item_name: str, issuer_name: str,
                       issued_at: datetime) -> pdf.Layout:
    return pdf.Layout(
        title=certificate.name, number=f"证照编号：{certificate.number}", issuer=issuer_name,
        issued_at=issued_at,
        fields=[("持证人", holder), ("证照编号", certificate.number), ("事项", item_name),
                ("发证机关", issuer_name), ("有效期自", _day(certificate.valid_from)),
                ("有效期至", _day(certificate.valid_until) if certificate.valid_until else "长期")])


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def store(rt: Runtime, body: bytes) -> tuple[str, str, str, int]:
    """Keep a rendered PDF sealed: its storage key, wrapped data key, SHA-256 and size."""
    storage = storage_of(rt)
    received = await storage.receive(_one_chunk(body), max_bytes=len(body), declared_type="application/pdf")
    key, data_key = await keep_sealed(storage, rt.wrapper, received)
    return key, data_key, received.sha256, received.size


def new_number(kind: DocumentKind, on: datetime, document_id: uuid.UUID) -> str:
    """A document number: kind, local date, and the start of its id (unique with the id)."""
    return f"{_NUMBER_PREFIX[kind]}{to_local(on):%Y%m%d}-{document_id.hex[:8].upper()}"


class Issuing:
    """Documents issued inside one transaction; their stored files are removed again when the
    transaction does not commit (``async with Issuing(rt) as issuing: … transition(…)``)."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.stored: list[str] = []

    async def __aenter__(self) -> Issuing:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        if kind is not None:
            for key in self.stored:
                await storage_of(self.rt).delete(key)

    async def issue(self, *, document_id: uuid.UUID, kind: DocumentKind, number: str, layout: pdf.Layout,
                    department_id: uuid.UUID, application_id: uuid.UUID | None,
                    certificate_id: uuid.UUID | None = None, decision: str | None = None) -> IssuedDocument:
        """Render, store, record and ledger one document (call inside the issuing step's
        transaction): its QR code carries its id and content hash, the ledger its bytes' hash."""
        content = pdf.content_sha256(layout)
        body = pdf.render(replace(layout, qr_payload=verification_url(self.rt, document_id, content)))
        key, data_key, sha256, size = await store(self.rt, body)
        self.stored.append(key)
        document = await IssuedDocument.create(
            id=document_id, kind=kind, application_id=application_id, certificate_id=certificate_id,
            department_id=department_id, number=number, title=layout.title, decision=decision,
            issued_at=layout.issued_at, storage_key=key, data_key=data_key, sha256=sha256, size=size,
            content_sha256=content)
        await ledger.append(record_type="document_issued", data={
            "document_id": str(document_id), "kind": kind.value, "number": number, "document_sha256": sha256,
            "content_sha256": content,
            **({"application_id": str(application_id)} if application_id else {})})
        return document


async def issue_receipt(rt: Runtime, issuing: Issuing, *, application: Application, number: str,
                        accepted_at: datetime, due: date, document_id: uuid.UUID | None = None) -> IssuedDocument:
    """受理回执, at acceptance."""
    kind = DocumentKind.ACCEPTANCE_RECEIPT
    layout = acceptance_receipt(rt, await parties(rt, application), number=number, accepted_at=accepted_at,
                                due=due, materials=await materials_received(application))
    return await issuing.issue(document_id=document_id or uuid.uuid4(), kind=kind, number=number, layout=layout,
                               department_id=application.department_id, application_id=application.id)


async def issue_non_acceptance(rt: Runtime, issuing: Issuing, *, application: Application, reason: str,
                               missing: Sequence[str], at: datetime) -> IssuedDocument:
    """不予受理通知书, when the window refuses to accept."""
    kind, document_id = DocumentKind.NON_ACCEPTANCE_NOTICE, uuid.uuid4()
    number = new_number(kind, at, document_id)
    layout = non_acceptance_notice(rt, await parties(rt, application), number=number,
                                   received_at=application.received_at, issued_at=at, reason=reason,
                                   missing=missing)
    return await issuing.issue(document_id=document_id, kind=kind, number=number, layout=layout,
                               department_id=application.department_id, application_id=application.id)


async def issue_correction(rt: Runtime, issuing: Issuing, *, application: Application,
                           corrections: Sequence[str], at: datetime) -> IssuedDocument:
    """补正材料告知书, listing every correction at once."""
    kind, document_id = DocumentKind.CORRECTION_NOTICE, uuid.uuid4()
    number = new_number(kind, at, document_id)
    layout = correction_notice(rt, await parties(rt, application), number=number, issued_at=at,
                               corrections=corrections)
    return await issuing.issue(document_id=document_id, kind=kind, number=number, layout=layout,
                               department_id=application.department_id, application_id=application.id)


async def issue_decision(rt: Runtime, issuing: Issuing, *, application: Application, approved: bool,
                         reason: str, legal_basis: str, decided_at: datetime,
                         document_id: uuid.UUID | None = None) -> IssuedDocument:
    """准予 / 不予行政许可决定书, when the last approval step decides."""
    kind = DocumentKind.DECISION_NOTICE
    document_id = document_id or uuid.uuid4()
    number = new_number(kind, decided_at, document_id)
    await application.fetch_related("guide")
    result = application.guide.result or {}
    layout = decision_notice(rt, await parties(rt, application), number=number,
                             acceptance_number=application.acceptance_number or "",
                             accepted_at=application.accepted_at or decided_at, decided_at=decided_at,
                             approved=approved, reason=reason, legal_basis=legal_basis,
                             result_name=result.get("name"))
    return await issuing.issue(document_id=document_id, kind=kind, number=number, layout=layout,
                               department_id=application.department_id, application_id=application.id,
                               decision="approved" if approved else "denied")


async def _backfill(rt: Runtime, application: Application, kind: DocumentKind) -> IssuedDocument | None:
    """Issue a receipt or decision notice of an application accepted or decided before documents
    were stored, from what the application recorded; the id is derived from the application, so
    two concurrent requests issue it once."""
    document_id = uuid.uuid5(application.id, kind.value)
    try:
        async with Issuing(rt) as issuing, in_transaction():
            if kind is DocumentKind.ACCEPTANCE_RECEIPT and application.state in ACCEPTED_OR_LATER:
                return await issue_receipt(rt, issuing, application=application,
                                           number=application.acceptance_number or "",
                                           accepted_at=application.accepted_at or utcnow(),
                                           due=application.due_date or local_today(),
                                           document_id=document_id)
            if kind is DocumentKind.DECISION_NOTICE and application.state in DECIDED:
                last = await Approval.filter(application_id=application.id).order_by("-step_index").first()
                await application.fetch_related("guide")
                return await issue_decision(rt, issuing, application=application,
                                            approved=application.state is not ApplicationState.DENIED,
                                            reason=last.comment if last else "",
                                            legal_basis=application.guide.legal_basis,
                                            decided_at=application.decided_at or utcnow(), document_id=document_id)
    except IntegrityError:
        return await IssuedDocument.get_or_none(id=document_id)
    return None


async def latest(*, rt: Runtime, application: Application, kind: DocumentKind) -> IssuedDocument:
    """The application's latest document of a kind (a correction notice may be issued again)."""
    found = await IssuedDocument.filter(application_id=application.id, kind=kind).order_by("-issued_at").first()
    found = found or await _backfill(rt, application, kind)
    if found is None:
        raise DocumentNotAvailable(details={"kind": kind.value, "state": application.state.value})
    return found


async def issued_on(*, application: Application) -> list[IssuedDocument]:
    """Every document issued on the application, oldest first."""
    return await IssuedDocument.filter(application_id=application.id).order_by("issued_at")


async def application_document(*, rt: Runtime, application: Application, kind: DocumentKind) -> bytes:
    """The PDF of the application's latest document of a kind, as issued."""
    return await document_bytes(rt=rt, document=await latest(rt=rt, application=application, kind=kind))


async def document_bytes(*, rt: Runtime, document: IssuedDocument) -> bytes:
    """The stored PDF, exactly as issued (a few tens of kilobytes)."""
    chunks = read_opened(storage_of(rt), rt.wrapper, document.storage_key, document.data_key)
    return b"".join([chunk async for chunk in chunks])
