"""Personal data at rest over time: re-wrapping every data key with the current ``HDT_DATA_KEY``
(``python -m app rotate-data-key``), and sealing what releases before encryption stored in clear."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.storage import keep_sealed, storage_of
from models.base import Entity
from models.onewindow import ECertificate
from models.prereview import Application, ApplicationMaterial
from services.applications import forms


@dataclass(frozen=True)
class Rotation:
    """What one run changed: data keys re-wrapped, clear forms and clear files sealed."""

    rewrapped: int
    forms_sealed: int
    files_sealed: int


async def _rewrap(rt: Runtime, model: type[Entity]) -> int:
    current = f"{rt.wrapper.key_id}."
    rows = await model.filter(data_key__isnull=False).exclude(
        data_key__startswith=current).values_list("id", "data_key")
    count = 0
    for row_id, wrapped in rows:
        # Matched on the old value: a row re-wrapped meanwhile (another run) is left alone.
        count += await model.filter(id=row_id, data_key=wrapped).update(
            data_key=rt.wrapper.wrap(rt.wrapper.unwrap(wrapped)))
    return count


async def _seal_clear_forms(rt: Runtime) -> int:
    count = 0
    for application in await Application.filter(form_sealed__isnull=True):
        # Matched on the version read: a form saved meanwhile is already sealed by its writer.
        count += await Application.filter(id=application.id, version=application.version,
                                          form_sealed__isnull=True).update(
            **forms.sealed_columns(wrapper=rt.wrapper, application_id=application.id, data_key=None,
                                   form=application.form_data))
    return count


async def _seal_clear_files(rt: Runtime) -> int:
    """Store each clear file again, encrypted under a new storage key, then drop the clear copy.

    Rows move to the sealed copy in one transaction, and the clear one is deleted only after, so
    a download running meanwhile reads one copy or the other, never a half-written file."""
    storage = storage_of(rt)
    materials = await ApplicationMaterial.filter(data_key__isnull=True).values_list("storage_key", flat=True)
    documents = await ECertificate.filter(data_key__isnull=True).exclude(storage_key="").values_list(
        "storage_key", flat=True)
    clear = {str(key) for key in (*materials, *documents)}
    bound = max(rt.settings.upload_max_bytes, rt.settings.application_max_bytes)
    for old_key in sorted(clear):
        received = await storage.receive(storage.read(old_key), max_bytes=bound, declared_type=None)
        new_key, data_key = await keep_sealed(storage, rt.wrapper, received)
        async with in_transaction():
            for model in (ApplicationMaterial, ECertificate):
                await model.filter(storage_key=old_key, data_key__isnull=True).update(
                    storage_key=new_key, data_key=data_key)
        await storage.delete(old_key)
    return len(clear)


async def rotate_data_keys(*, rt: Runtime) -> Rotation:
    """Re-wrap every data key with the current wrapping key (forms and files are not rewritten),
    and seal forms and files stored in clear before encryption at rest."""
    rewrapped = sum([await _rewrap(rt, model) for model in (Application, ApplicationMaterial, ECertificate)])
    return Rotation(rewrapped=rewrapped, forms_sealed=await _seal_clear_forms(rt),
                    files_sealed=await _seal_clear_files(rt))
