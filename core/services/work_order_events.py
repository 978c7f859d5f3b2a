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

from core import audit, center, messages
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
# How a refusal names each event, in every language.
_WORDS = {
    "return_requested": ("the return request", "退货申请", "退貨申請"),
    "return_confirmed": ("the return's confirmation", "退货确认", "退貨確認"),
    "spec_mismatch_confirmed": ("the specification mismatch's confirmation", "规格不符确认",
                                "規格不符確認"),
    "replacement_approved": ("the replacement's approval", "换货批准", "換貨核准"),
    "replacement_delivered": ("the replacement's delivery", "换货交付", "換貨交付"),
}
messages.add({f"wo_event.word.{kind}": {"en": en, "zh_CN": cn, "zh_TW": tw}
              for kind, (en, cn, tw) in _WORDS.items()})
messages.add({
    "wo_event.no_work_order": {
        "en": "There is no work order {work_order}.",
        "zh_CN": "没有工单 {work_order}。",
        "zh_TW": "沒有工單 {work_order}。",
    },
    "wo_event.unknown_kind": {
        "en": "Unknown event {kind!r}; record one of {kinds}.",
        "zh_CN": "未知事件 {kind!r}；请记录以下之一：{kinds}。",
        "zh_TW": "未知事件 {kind!r}；請記錄以下之一：{kinds}。",
    },
    "wo_event.not_a_date": {
        "en": "The day of {event} must be a date such as 2026-03-15.",
        "zh_CN": "{event}的日期必须是日期，例如 2026-03-15。",
        "zh_TW": "{event}的日期必須是日期，例如 2026-03-15。",
    },
    "wo_event.future": {
        "en": "{on} is in the future: record {event} on the day it happened (today is {today}).",
        "zh_CN": "{on} 是未来的日期：请按实际发生的日期记录{event}（今天是 {today}）。",
        "zh_TW": "{on} 是未來的日期：請依實際發生的日期記錄{event}（今天是 {today}）。",
    },
    "wo_event.before_submitted": {
        "en": "{on} is before work order {number} was submitted ({submitted}).",
        "zh_CN": "{on} 早于工单 {number} 的提交日期（{submitted}）。",
        "zh_TW": "{on} 早於工單 {number} 的提交日期（{submitted}）。",
    },
    "wo_event.before_earlier": {
        "en": "{on} is before {earlier} ({before_day}) recorded on {number}.",
        "zh_CN": "{on} 早于工单 {number} 上记录的{earlier}（{before_day}）。",
        "zh_TW": "{on} 早於工單 {number} 上記錄的{earlier}（{before_day}）。",
    },
    "wo_event.no_returns": {
        "en": "The policies of {number} take no returns or replacements.",
        "zh_CN": "{number} 适用的政策不接受退货或换货。",
        "zh_TW": "{number} 適用的政策不接受退貨或換貨。",
    },
    "wo_event.reason_missing": {
        "en": "Say why the customer asks for the return: {reasons}.",
        "zh_CN": "请说明客户申请退货的原因：{reasons}。",
        "zh_TW": "請說明客戶申請退貨的原因：{reasons}。",
    },
    "wo_event.reason_unknown": {
        "en": "{reason!r} is not a reason the policy takes; use one of {reasons}.",
        "zh_CN": "{reason!r} 不是政策接受的原因；请使用以下之一：{reasons}。",
        "zh_TW": "{reason!r} 不是政策接受的原因；請使用以下之一：{reasons}。",
    },
    "wo_event.reason_not_taken": {
        "en": "Only a return request has a reason; {event} has none.",
        "zh_CN": "只有退货申请需要填写原因；{event}不需要。",
        "zh_TW": "只有退貨申請需要填寫原因；{event}不需要。",
    },
})


def _word(kind: str) -> messages.Phrase:
    return messages.Phrase(f"wo_event.word.{kind}")


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
        raise UserError.of("wo_event.no_work_order", work_order=work_order_id)
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
        raise UserError.of("wo_event.unknown_kind", kind=kind, kinds=", ".join(EVENT_KINDS))
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise UserError.of("wo_event.not_a_date", event=_word(kind))
    wo = _get(uow, work_order_id, lock=True)
    tz = center.load(uow).timezone
    today = dt.datetime.now(tz).date()
    if on > today:
        raise UserError.of("wo_event.future", on=on.isoformat(), event=_word(kind),
                           today=today.isoformat())
    submitted = wo.submitted_at.astimezone(tz).date() if wo.submitted_at else None
    if submitted is not None and on < submitted:
        raise UserError.of("wo_event.before_submitted", on=on.isoformat(), number=wo.number,
                           submitted=submitted.isoformat())
    earlier = _AFTER.get(kind)
    before_day = getattr(wo, _column(earlier)) if earlier else None
    if before_day is not None and on < before_day:
        raise UserError.of("wo_event.before_earlier", on=on.isoformat(),
                           earlier=_word(str(earlier)),
                           before_day=before_day.isoformat(), number=wo.number)
    before: dict[str, object] = {kind: _iso(getattr(wo, _column(kind)))}
    after: dict[str, object] = {kind: on.isoformat()}
    if kind == "return_requested":
        allowed = _reasons(uow, wo)
        if not allowed:
            raise UserError.of("wo_event.no_returns", number=wo.number)
        if not reason or not reason.strip():
            raise UserError.of("wo_event.reason_missing", reasons=", ".join(allowed))
        if reason.strip() not in allowed:
            raise UserError.of("wo_event.reason_unknown", reason=reason.strip(),
                               reasons=", ".join(allowed))
        before["reason"], after["reason"] = wo.return_reason, reason.strip()
        wo.return_reason = reason.strip()
    elif reason:
        raise UserError.of("wo_event.reason_not_taken", event=_word(kind))
    setattr(wo, _column(kind), on)
    audit.record(uow, Change("work_order.event", "work_order", wo.number, wo.id, before, after))
    uow.session.flush()
    refresh_due(uow, wo)
    uow.commit()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None

