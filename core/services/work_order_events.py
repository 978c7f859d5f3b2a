"""The dates that start the return and replacement clocks of a work order (rules R1-R3).

A repair technician or supervisor records when the customer asked for a return (and why), when
after-sales confirmed it, when the vendor confirmed a specification mismatch, and when an
advance replacement was approved and delivered. The deadlines (`warranty_decisions`) read these
dates, and each in-center unit's stored due date follows at once (`due_dates.refresh_due`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core import audit, center
from core.audit import Change
from core.errors import UserError
from core.models import WorkOrder
from core.permissions import Role, require
from core.services.due_dates import refresh_due
from core.services.policies import policy_for
from core.unit_of_work import UnitOfWork

EVENT_KINDS: tuple[str, ...] = ("return_requested", "return_confirmed",
                                "spec_mismatch_confirmed", "replacement_approved",
                                "replacement_delivered")
# An event that follows another cannot be dated before it (a confirmation answers a request).
_AFTER = {"return_confirmed": "return_requested", "replacement_delivered": "replacement_approved"}
_WORDS = {"return_requested": "the return request", "return_confirmed": "the return's confirmation",
          "spec_mismatch_confirmed": "the specification mismatch's confirmation",
          "replacement_approved": "the replacement's approval",
          "replacement_delivered": "the replacement's delivery"}


@dataclass(frozen=True)
class RecordedEvents:
    """The R1-R3 dates of one work order (None: not recorded) and the return's reason."""

    work_order: str
    dates: dict[str, dt.date | None]
    return_reason: str | None

    def __getitem__(self, kind: str) -> dt.date | None:
        return self.dates[kind]


def _column(kind: str) -> str:
    return f"{kind}_on"


def _get(uow: UnitOfWork, work_order_id: int, *, lock: bool = False) -> WorkOrder:
    query = select(WorkOrder).where(WorkOrder.id == work_order_id)
    if lock:
        # As lifecycle does: a unit received meanwhile at another station must not be missed
        # by the due dates written here (NO KEY UPDATE, so it does not block the scans' rows).
        query = query.with_for_update(key_share=True)
    wo = uow.session.scalars(query).first()
    if wo is None:
        raise UserError(f"There is no work order {work_order_id}.")
    return wo


def events_of(uow: UnitOfWork, work_order_id: int) -> RecordedEvents:
    """The dates recorded on the work order, by kind, with the return's reason."""
    wo = _get(uow, work_order_id)
    return RecordedEvents(wo.number, {k: getattr(wo, _column(k)) for k in EVENT_KINDS},
                          wo.return_reason)


def return_reasons(uow: UnitOfWork, work_order_id: int) -> tuple[str, ...]:
    """The reasons a return or replacement may be requested for, by the policies of the work
    order's units (R1, R2); empty when none of them takes returns."""
    wo = _get(uow, work_order_id)
    return _reasons(uow, wo)


def _reasons(uow: UnitOfWork, wo: WorkOrder) -> tuple[str, ...]:
    codes = sorted({u.product.policy_code for u in wo.units})
    found: set[str] = set()
    for code in codes:
        terms = policy_for(uow, code).returns
        if terms is not None:
            found |= terms.reasons
    return tuple(sorted(found))


def record_event(uow: UnitOfWork, work_order_id: int, kind: str, on: dt.date,
                 reason: str | None = None) -> None:
    """Record that `kind` happened on the center's local day `on`; audited, then commits.

    Args:
        reason: Required for "return_requested": one of the reasons the policy takes (R1, R2).

    Raises:
        UserError: An unknown kind, a day in the future or before the work order was
            submitted, a missing or unknown reason; nothing is stored then.
        NotAllowed: The actor is neither a repair technician nor a supervisor.
    """
    require(uow.actor, Role.REPAIR, Role.SUPERVISOR, action="record return and replacement dates")
    if kind not in EVENT_KINDS:
        raise UserError(f"Unknown event {kind!r}; record one of {', '.join(EVENT_KINDS)}.")
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise UserError(f"The day of {_WORDS[kind]} must be a date such as 2026-03-15.")
    wo = _get(uow, work_order_id, lock=True)
    tz = center.load(uow).timezone
    today = dt.datetime.now(tz).date()
    if on > today:
        raise UserError(f"{on} is in the future: record {_WORDS[kind]} on the day it happened "
                        f"(today is {today}).")
    submitted = wo.submitted_at.astimezone(tz).date() if wo.submitted_at else None
    if submitted is not None and on < submitted:
        raise UserError(f"{on} is before work order {wo.number} was submitted ({submitted}).")
    earlier = _AFTER.get(kind)
    before_day = getattr(wo, _column(earlier)) if earlier else None
    if before_day is not None and on < before_day:
        raise UserError(f"{on} is before {_WORDS[earlier]} ({before_day}) "  # type: ignore[index]
                        f"recorded on {wo.number}.")
    before: dict[str, object] = {kind: _iso(getattr(wo, _column(kind)))}
    after: dict[str, object] = {kind: on.isoformat()}
    if kind == "return_requested":
        allowed = _reasons(uow, wo)
        if not allowed:
            raise UserError(f"The policies of {wo.number} take no returns or replacements.")
        if not reason or not reason.strip():
            raise UserError(f"Say why the customer asks for the return: {', '.join(allowed)}.")
        if reason.strip() not in allowed:
            raise UserError(f"{reason.strip()!r} is not a reason the policy takes; use one of "
                            f"{', '.join(allowed)}.")
        before["reason"], after["reason"] = wo.return_reason, reason.strip()
        wo.return_reason = reason.strip()
    elif reason:
        raise UserError(f"Only a return request has a reason; {_WORDS[kind]} has none.")
    setattr(wo, _column(kind), on)
    audit.record(uow, Change("work_order.event", "work_order", wo.number, wo.id, before, after))
    uow.session.flush()
    refresh_due(uow, wo)
    uow.commit()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None

