"""Every event type is emitted somewhere and either becomes a message or is listed as sent to
nobody: renaming or dropping one on either side fails here instead of silently stopping a push."""

import re
from pathlib import Path

import pytest

from config.settings import Settings
from push.events import EVENT_KINDS, SENT_TO_NOBODY
from services import events, outbox
from services.events import EventType

ROOT = Path(__file__).resolve().parents[2]
# Where events are written: the domain services, push itself, and the tools that write events.
EMITTERS = [ROOT / "services", ROOT / "push", ROOT / "bench"]
MAPS = {ROOT / "services" / "events.py", ROOT / "push" / "events.py"}


def referenced_event_types() -> set[EventType]:
    found: set[EventType] = set()
    for folder in EMITTERS:
        for path in folder.rglob("*.py"):
            if path not in MAPS:
                found |= {EventType[name] for name in re.findall(r"EventType\.([A-Z_]+)", path.read_text())}
    return found


def test_every_event_type_is_emitted():
    assert set(EventType) - referenced_event_types() == set()


def test_every_event_type_is_mapped_to_a_message_or_to_nobody_and_not_both():
    assert set(EVENT_KINDS) | set(SENT_TO_NOBODY) == set(EventType)
    assert set(EVENT_KINDS) & set(SENT_TO_NOBODY) == set()


def test_every_mapped_kind_has_a_development_template():
    templates = Settings(env="development").push_templates
    assert {kind for kind in EVENT_KINDS.values() if kind not in templates} == set()


def test_legacy_names_are_read_as_their_new_names():
    assert events.parse("prereview_passed") is EventType.PREREVIEW_PASSED
    assert events.parse("prereview.passed") is EventType.PREREVIEW_PASSED
    assert events.parse("no.such_event") is None
    assert not set(events.LEGACY_NAMES) & {t.value for t in EventType}


async def test_an_event_type_that_is_not_declared_is_refused(app):
    with pytest.raises(ValueError):
        await outbox.emit(event_type="appointment.confirmd", aggregate_id="a", payload={})  # type: ignore[arg-type]
