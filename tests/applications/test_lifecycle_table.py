"""The lifecycle table is the one source of the allowed moves: the docs show it as rendered, and
every action in it is one that a service performs."""

import re
from pathlib import Path

from services.applications import lifecycle
from services.applications.lifecycle import Action

ROOT = Path(__file__).resolve().parents[2]


def test_the_docs_show_the_table_as_rendered():
    for name, states in lifecycle.DOCS.items():
        document = (ROOT / name).read_text()
        assert document == lifecycle.with_table(document, states), f"{name} is stale: run `make docs`"


def test_every_action_has_one_rule_and_is_performed_by_a_service():
    assert sorted(rule.action for rule in lifecycle.RULES) == sorted(Action)
    used = {Action[name] for path in (ROOT / "services").rglob("*.py") if path.name != "lifecycle.py"
            for name in re.findall(r"Action\.([A-Z_]+)", path.read_text())}
    assert used == set(Action)


def test_every_state_is_reachable_and_only_final_states_have_no_way_out():
    reached = {target for rule in lifecycle.RULES for target in rule.targets}
    leaving = {source for rule in lifecycle.RULES for source in rule.sources}
    states = set(lifecycle.S)
    assert states - reached == {lifecycle.S.DRAFT}
    assert states - leaving == {lifecycle.S.REJECTED, lifecycle.S.WITHDRAWN, lifecycle.S.NOT_ACCEPTED,
                                lifecycle.S.DENIED, lifecycle.S.ISSUED}
