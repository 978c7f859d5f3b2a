"""The unit's workflow (issue 5): which state may follow which, and what must happen first.

Pure: no database. Services call `check` before every change, so no screen or command can skip
a step; a refusal says what has to happen before the requested state can be reached.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.errors import IllegalTransition
from core.models import UnitStatus as S

# Every legal move of a unit. Refused and cancelled end a unit before it is worked on.
TRANSITIONS: Mapping[S, frozenset[S]] = {
    S.AWAITING_PARCEL: frozenset({S.RECEIVED, S.REFUSED, S.CANCELLED}),
    S.RECEIVED: frozenset({S.IN_DIAGNOSIS, S.REFUSED, S.CANCELLED}),
    S.IN_DIAGNOSIS: frozenset({S.IN_REPAIR, S.QUOTE_SENT, S.RETURN_UNREPAIRED, S.REPLACEMENT,
                               S.RETURN_REFUND}),
    S.QUOTE_SENT: frozenset({S.QUOTE_ACCEPTED, S.RETURN_UNREPAIRED}),
    S.QUOTE_ACCEPTED: frozenset({S.IN_REPAIR}),
    # A unit found irreparable during the repair goes back as it is (D1).
    S.IN_REPAIR: frozenset({S.TESTING, S.RETURN_UNREPAIRED}),
    # A failed test sends the unit back to the bench.
    S.TESTING: frozenset({S.READY_TO_SHIP, S.IN_REPAIR}),
    S.RETURN_UNREPAIRED: frozenset({S.READY_TO_SHIP}),
    S.REPLACEMENT: frozenset({S.READY_TO_SHIP}),
    # The refunded product stays with the center: nothing goes back to the customer.
    S.RETURN_REFUND: frozenset({S.CLOSED}),
    S.READY_TO_SHIP: frozenset({S.SHIPPED}),
    S.SHIPPED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.REFUSED: frozenset(),
    S.CANCELLED: frozenset(),
}


@dataclass(frozen=True)
class Facts:
    """What the guards look at, gathered by the service from the unit's rows.

    Attributes:
        decision: The effective warranty decision ("covered", "not_covered", "cannot_tell"),
            None before a diagnosis.
        repair_offered: False when the policy offers no repair out of warranty (W1).
        irreparable: The diagnosis found the unit cannot be repaired.
        quote_answer: The customer's answer to the latest sent quote ("accepted", "declined").
        replacement_recorded: A replacement serial was recorded (new unit for the old one).
    """

    decision: str | None = None
    repair_offered: bool = True
    irreparable: bool = False
    quote_answer: str | None = None
    replacement_recorded: bool = False


def words(state: S) -> str:
    """A state as the technician says it."""
    return state.value.replace("_", " ")


def _before(target: S) -> list[S]:
    return sorted((s for s, nexts in TRANSITIONS.items() if target in nexts), key=list(S).index)


def _guard(current: S, target: S, f: Facts) -> str | None:
    """Why the move is refused although the edge exists, or None."""
    if current == S.IN_DIAGNOSIS and target != S.RETURN_REFUND and f.decision is None:
        return "record the diagnosis first"
    if current == S.IN_DIAGNOSIS and target == S.IN_REPAIR:
        if f.irreparable:
            return "the unit was found irreparable: it goes back unrepaired (D1)"
        if f.decision != "covered":
            return ("the unit is not covered by warranty: send a quote and record the "
                    "customer's acceptance first (D1)")
    if target == S.QUOTE_SENT:
        if f.decision == "covered":
            return "the unit is covered by warranty: repair it without a quote"
        if f.decision == "cannot_tell":
            return ("the warranty cannot be decided yet: complete the missing dates or have a "
                    "supervisor override the decision")
        if not f.repair_offered:
            return ("the policy offers no repair out of warranty (W1): recommend a replacement "
                    "instead of a quote")
        if f.irreparable:
            return "the unit was found irreparable: it goes back unrepaired (D1)"
    if current == S.QUOTE_SENT and target == S.QUOTE_ACCEPTED and f.quote_answer != "accepted":
        return "record the customer's acceptance of the quote first"
    if current == S.QUOTE_SENT and target == S.RETURN_UNREPAIRED and f.quote_answer != "declined":
        return "record the customer's answer (declined) first"
    if current == S.IN_DIAGNOSIS and target == S.RETURN_UNREPAIRED and not (
            f.irreparable or f.decision == "not_covered"):
        return "only an irreparable unit, or one not covered, goes back unrepaired"
    if current == S.REPLACEMENT and target == S.READY_TO_SHIP and not f.replacement_recorded:
        return "record the replacement's serial (old and new) first"
    return None


def check(current: S, target: S, facts: Facts = Facts()) -> None:  # noqa: B008 (frozen default)
    """Allow the move from `current` to `target` or raise `IllegalTransition` saying what first."""
    if target in TRANSITIONS[current]:
        reason = _guard(current, target, facts)
        if reason is None:
            return
        raise IllegalTransition(f"The unit cannot go from {words(current)} to {words(target)}: "
                                f"{reason}.")
    if not TRANSITIONS[current]:
        raise IllegalTransition(f"The unit is {words(current)}; nothing follows that state.")
    before = _before(target)
    first = (" or ".join(words(s) for s in before)) if before else "never reached that way"
    raise IllegalTransition(f"The unit cannot go from {words(current)} to {words(target)}: "
                            f"it must be {first} first.")


def allowed(current: S, facts: Facts = Facts()) -> list[S]:  # noqa: B008
    """The states the unit may move to now, for menus and buttons."""
    return [t for t in sorted(TRANSITIONS[current], key=list(S).index)
            if _guard(current, t, facts) is None]
