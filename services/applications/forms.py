"""An application's form data at rest: sealed with the application's data key (``app.envelope``),
with the salt of the ledger's commitment to it, which only the resident's receipt shows."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

import orjson

from app.envelope import KeyWrapper, new_data_key, seal, unseal
from models.prereview import Application


@dataclass(frozen=True)
class OpenedForm:
    """The form as the resident typed it, and the salt of its last ledger commitment."""

    data: dict[str, Any]
    commitment_salt: str | None


def _context(application_id: uuid.UUID) -> bytes:
    # Binds a sealed form to its row: a form copied into another application does not open.
    return f"application-form:{application_id}".encode()


def sealed_columns(*, wrapper: KeyWrapper, application_id: uuid.UUID, data_key: str | None,
                   form: dict[str, Any], commitment_salt: str | None = None) -> dict[str, Any]:
    """The column values that store a form, under the application's data key (made if it has none)."""
    if data_key is None:
        key, data_key = new_data_key(wrapper)
    else:
        key = wrapper.unwrap(data_key)
    payload = orjson.dumps({"form": form, "commitment_salt": commitment_salt})
    return {"form_sealed": seal(key, payload, context=_context(application_id)),
            "data_key": data_key, "form_data": {}}


def open_form(*, wrapper: KeyWrapper, application: Application) -> OpenedForm:
    """The application's form; rows written before encryption at rest still hold it in clear."""
    if application.form_sealed is None or application.data_key is None:
        return OpenedForm(application.form_data, None)
    key = wrapper.unwrap(application.data_key)
    opened = orjson.loads(unseal(key, application.form_sealed, context=_context(application.id)))
    return OpenedForm(opened["form"], opened["commitment_salt"])


def new_commitment_salt() -> str:
    """32 random bytes, hex: with them a guessed form cannot be tested against the ledger."""
    return secrets.token_hex(32)


def commitment(*, form: dict[str, Any], salt: str) -> str:
    """HMAC-SHA256 keyed by the salt over the canonical form (keys sorted, compact UTF-8 JSON)."""
    return hmac.new(bytes.fromhex(salt), orjson.dumps(form, option=orjson.OPT_SORT_KEYS),
                    hashlib.sha256).hexdigest()
