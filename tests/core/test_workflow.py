"""The unit workflow: every pair of states, legal and illegal, and the guards' messages."""

from __future__ import annotations

import itertools

import pytest

from core import workflow
from core.errors import IllegalTransition
from core.models import UnitStatus as S
from core.workflow import TRANSITIONS, Facts

# Facts under which every edge of the table is open, per edge.
OPEN = {
    (S.IN_DIAGNOSIS, S.IN_REPAIR): Facts(decision="covered"),
    (S.IN_DIAGNOSIS, S.QUOTE_SENT): Facts(decision="not_covered"),
    (S.IN_DIAGNOSIS, S.RETURN_UNREPAIRED): Facts(decision="not_covered"),
    (S.IN_DIAGNOSIS, S.REPLACEMENT): Facts(decision="not_covered", repair_offered=False),
    (S.QUOTE_SENT, S.QUOTE_ACCEPTED): Facts(decision="not_covered", quote_answer="accepted"),
    (S.QUOTE_SENT, S.RETURN_UNREPAIRED): Facts(decision="not_covered", quote_answer="declined"),
    (S.REPLACEMENT, S.READY_TO_SHIP): Facts(replacement_recorded=True),
}
PAIRS = list(itertools.product(S, S))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a.value}->{b.value}" for a, b in PAIRS])
def test_every_pair_of_states(old: S, new: S) -> None:
    facts = OPEN.get((old, new), Facts(decision="covered"))
    if new in TRANSITIONS[old]:
        workflow.check(old, new, facts)
    else:
        with pytest.raises(IllegalTransition, match="cannot go from|nothing follows"):
            workflow.check(old, new, facts)


def test_the_happy_paths_are_in_the_table() -> None:
    paths = [
        [S.AWAITING_PARCEL, S.RECEIVED, S.IN_DIAGNOSIS, S.IN_REPAIR, S.TESTING, S.READY_TO_SHIP,
         S.SHIPPED, S.CLOSED],
        [S.IN_DIAGNOSIS, S.QUOTE_SENT, S.QUOTE_ACCEPTED, S.IN_REPAIR],
        [S.IN_DIAGNOSIS, S.QUOTE_SENT, S.RETURN_UNREPAIRED, S.READY_TO_SHIP],
        [S.IN_DIAGNOSIS, S.REPLACEMENT, S.READY_TO_SHIP],
        [S.IN_DIAGNOSIS, S.RETURN_REFUND, S.CLOSED],
    ]
    for path in paths:
        for a, b in itertools.pairwise(path):
            assert b in TRANSITIONS[a], (a, b)


def test_skipping_a_step_says_what_must_happen_first() -> None:
    with pytest.raises(IllegalTransition, match="it must be in repair first") as exc:
        workflow.check(S.RECEIVED, S.TESTING)
    assert "received" in str(exc.value)
    with pytest.raises(IllegalTransition, match="it must be quote sent first"):
        workflow.check(S.IN_DIAGNOSIS, S.QUOTE_ACCEPTED, Facts(decision="not_covered"))
    with pytest.raises(IllegalTransition, match="nothing follows"):
        workflow.check(S.CLOSED, S.RECEIVED)


@pytest.mark.parametrize(("old", "new", "facts", "message"), [
    (S.IN_DIAGNOSIS, S.IN_REPAIR, Facts(), "record the diagnosis first"),
    (S.IN_DIAGNOSIS, S.IN_REPAIR, Facts(decision="not_covered"), "send a quote"),
    (S.IN_DIAGNOSIS, S.IN_REPAIR, Facts(decision="covered", irreparable=True), "irreparable"),
    (S.IN_DIAGNOSIS, S.QUOTE_SENT, Facts(decision="covered"), "without a quote"),
    (S.IN_DIAGNOSIS, S.QUOTE_SENT, Facts(decision="cannot_tell"), "missing dates"),
    (S.IN_DIAGNOSIS, S.QUOTE_SENT, Facts(decision="not_covered", repair_offered=False),
     "recommend a replacement"),
    (S.QUOTE_SENT, S.QUOTE_ACCEPTED, Facts(decision="not_covered"), "acceptance"),
    (S.QUOTE_SENT, S.RETURN_UNREPAIRED, Facts(decision="not_covered"), "declined"),
    (S.IN_DIAGNOSIS, S.RETURN_UNREPAIRED, Facts(decision="covered"), "irreparable"),
    (S.REPLACEMENT, S.READY_TO_SHIP, Facts(), "replacement's serial"),
])
def test_guards_refuse_with_the_reason(old: S, new: S, facts: Facts, message: str) -> None:
    with pytest.raises(IllegalTransition, match=message):
        workflow.check(old, new, facts)


def test_allowed_lists_only_open_moves() -> None:
    assert workflow.allowed(S.IN_DIAGNOSIS, Facts(decision="covered")) == [
        S.IN_REPAIR, S.REPLACEMENT, S.RETURN_REFUND]
    assert workflow.allowed(S.IN_DIAGNOSIS, Facts(decision="not_covered")) == [
        S.QUOTE_SENT, S.RETURN_UNREPAIRED, S.REPLACEMENT, S.RETURN_REFUND]
