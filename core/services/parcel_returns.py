"""Parcels refused at intake going back to their sender (rule S3).

A refused parcel waits at the shipping table until a clerk sends it back with its refusal slip.
The return is written on the parcel itself (who, when, carrier, outbound waybill, address) by one
conditional UPDATE that only a parcel still waiting matches, so the database itself keeps a parcel
from being returned twice even when two clerks press at the same moment. Nothing about the refusal
is overwritten: the parcel keeps its inbound carrier, tracking number, reasons and notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select, update

from core import messages
from core.audit import Change, record
from core.errors import UserError
from core.models import Customer, ParcelIntake, WorkOrder, utcnow
from core.permissions import Role, require
from core.services.shipping import address_text
from core.unit_of_work import UnitOfWork

__all__ = ["ReturnRefused", "ReturnedParcel", "WaitingReturn", "count_waiting",
           "return_address", "return_to_sender", "returned", "waiting_ids", "waiting_returns"]

_TRACKING = re.compile(r"[\x21-\x7e]{4,64}")
_ADDRESS_MAX = 500

messages.add({
    "return.not_refused": {
        "en": "Parcel {parcel} was not refused at intake, so it does not go back to its sender.",
        "zh_CN": "包裹 {parcel} 在收货时未被拒收，因此不退回寄件人。",
        "zh_TW": "包裹 {parcel} 在收貨時未被拒收，因此不退回寄件人。",
    },
    "return.no_parcel": {
        "en": "There is no parcel {parcel}; refresh the list.",
        "zh_CN": "没有包裹 {parcel}；请刷新列表。",
        "zh_TW": "沒有包裹 {parcel}；請重新整理清單。",
    },
    "return.already": {
        "en": "Parcel {parcel} was already returned to its sender by {user} on {at} "
              "({carrier} {tracking}); nothing was changed.",
        "zh_CN": "包裹 {parcel} 已由 {user} 于 {at} 退回寄件人（{carrier} {tracking}）；未作任何更改。",
        "zh_TW": "包裹 {parcel} 已由 {user} 於 {at} 退回寄件人（{carrier} {tracking}）；未作任何變更。",
    },
    "return.raced": {
        "en": "Another clerk returned parcel {parcel} to its sender just now; nothing was "
              "changed here. Refresh the list.",
        "zh_CN": "另一位发货员刚刚已将包裹 {parcel} 退回寄件人；此处未作任何更改。请刷新列表。",
        "zh_TW": "另一位出貨員剛剛已將包裹 {parcel} 退回寄件人；此處未作任何變更。請重新整理清單。",
    },
    "return.bad_tracking": {
        "en": "{tracking!r} is not a tracking number: scan the carrier's waybill barcode "
              "(4-64 letters and digits, no spaces).",
        "zh_CN": "{tracking!r} 不是运单号：请扫描承运商运单上的条码（4-64 个字母或数字，不含空格）。",
        "zh_TW": "{tracking!r} 不是運單號：請掃描承運商運單上的條碼（4-64 個字母或數字，不含空格）。",
    },
    "return.no_carrier": {
        "en": "Choose the carrier that takes parcel {parcel} back.",
        "zh_CN": "请选择将包裹 {parcel} 退回的承运商。",
        "zh_TW": "請選擇將包裹 {parcel} 退回的承運商。",
    },
    "return.no_address": {
        "en": "Parcel {parcel} has no known return address (no work order matched, or its work "
              "order has none): type the address from the parcel's own label.",
        "zh_CN": "包裹 {parcel} 没有已知的回寄地址（未匹配工单，或工单缺少地址）：请按包裹上的面单填写地址。",
        "zh_TW": "包裹 {parcel} 沒有已知的回寄地址（未匹配工單，或工單缺少地址）：請依包裹上的面單填寫地址。",
    },
    "return.long_address": {
        "en": "The address is {length} characters long; at most {limit} fit. Shorten it.",
        "zh_CN": "地址长 {length} 个字符，最多 {limit} 个。请缩短。",
        "zh_TW": "地址長 {length} 個字元，最多 {limit} 個。請縮短。",
    },
})


class ReturnRefused(UserError):
    """A return that cannot be recorded (raised with `ReturnRefused.of(key, ...)`)."""


@dataclass(frozen=True)
class WaitingReturn:
    """A refused parcel still at the center, as the shipping table lists it."""

    intake_id: int
    opened_at: dt.datetime
    station: str
    work_order_number: str | None
    customer: str
    address: str  # the work order's return address on one line; empty when there is none
    reasons: tuple[str, ...]
    carrier: str
    tracking_number: str  # the inbound one


@dataclass(frozen=True)
class ReturnedParcel:
    """How a parcel went back: by whom, when, with which carrier and waybill, to which address."""

    intake_id: int
    carrier: str
    tracking_number: str
    address: str
    user: str
    at: dt.datetime


_WAITING = and_(ParcelIntake.verdict == "refused", ParcelIntake.returned_at.is_(None))


def waiting_ids(uow: UnitOfWork) -> list[int]:
    """The refused parcels not yet returned, the longest waiting first (read from the
    awaiting-return index, so the size of the parcel history does not matter)."""
    return list(uow.session.scalars(
        select(ParcelIntake.id).where(_WAITING).order_by(ParcelIntake.opened_at, ParcelIntake.id)))


def count_waiting(uow: UnitOfWork) -> int:
    """How many refused parcels have not gone back to their sender yet."""
    return uow.session.scalar(select(func.count()).select_from(ParcelIntake).where(_WAITING)) or 0


def waiting_returns(uow: UnitOfWork, ids: Sequence[int] | None = None) -> list[WaitingReturn]:
    """The parcels `ids` (by default every one waiting) as the list shows them, in that order."""
    ids = waiting_ids(uow) if ids is None else list(ids)
    if not ids:
        return []
    rows = uow.session.execute(
        select(ParcelIntake, WorkOrder, Customer.name)
        .outerjoin(WorkOrder, ParcelIntake.work_order_id == WorkOrder.id)
        .outerjoin(Customer, WorkOrder.customer_id == Customer.id)
        .where(ParcelIntake.id.in_(ids))).all()
    found = {p.id: WaitingReturn(
        p.id, p.opened_at, p.station, wo.number if wo else None, name or "",
        _usable_address(wo), tuple(p.reasons or ()), p.carrier,
        p.tracking_number) for p, wo, name in rows}
    return [found[i] for i in ids if i in found]


def _usable_address(wo: WorkOrder | None) -> str:
    # A work order refused for lacking a return address (I1) gives none: the clerk types it.
    return address_text(wo) if wo is not None and wo.has_return_address else ""


def return_address(uow: UnitOfWork, intake_id: int) -> str:
    """Where the parcel goes back: its work order's return address, or empty when it matched
    none or its work order has no complete one (the clerk then types the address from the
    parcel's own label)."""
    return _usable_address(_parcel(uow, intake_id).work_order)


def returned(uow: UnitOfWork, intake_id: int) -> ReturnedParcel | None:
    """How the parcel went back, or None while it waits."""
    row = uow.session.execute(
        select(ParcelIntake.returned_at, ParcelIntake.return_carrier,
               ParcelIntake.return_tracking, ParcelIntake.return_address, ParcelIntake.returned_by)
        .where(ParcelIntake.id == intake_id)).first()
    if row is None or row.returned_at is None:
        return None
    return ReturnedParcel(intake_id, row.return_carrier or "", row.return_tracking or "",
                          row.return_address or "", row.returned_by or "", row.returned_at)


def _parcel(uow: UnitOfWork, intake_id: int, *, lock: bool = False) -> ParcelIntake:
    query = select(ParcelIntake).where(ParcelIntake.id == intake_id)
    if lock and uow.session.get_bind().dialect.name != "sqlite":
        # The second clerk waits here until the first commits, then sees the return.
        query = query.with_for_update()
    parcel = uow.session.scalar(query)
    if parcel is None:
        raise ReturnRefused.of("return.no_parcel", parcel=intake_id)
    return parcel


def return_to_sender(uow: UnitOfWork, intake_id: int, carrier: str, tracking_number: str,
                     address: str = "") -> ReturnedParcel:
    """Record that a refused parcel left for its sender with `carrier` and `tracking_number`,
    audited, and commit.

    Args:
        address: Where it goes when it matched no work order (typed from the parcel's label);
            a matched parcel always goes to its work order's return address and this is ignored.

    Raises:
        NotAllowed: the user is not a shipping clerk (or supervisor).
        ReturnRefused: the parcel was not refused, is already returned (perhaps by another clerk
            a moment ago), or the carrier, waybill or address is missing or wrong; then nothing
            is stored.
    """
    require(uow.actor, Role.SHIPPING, action="return refused parcels to their sender")
    tracking = tracking_number.strip()
    if not carrier.strip():
        raise ReturnRefused.of("return.no_carrier", parcel=intake_id)
    if not _TRACKING.fullmatch(tracking):
        raise ReturnRefused.of("return.bad_tracking", tracking=tracking_number)
    parcel = _parcel(uow, intake_id, lock=True)
    if parcel.verdict != "refused":
        raise ReturnRefused.of("return.not_refused", parcel=intake_id)
    if (done := returned(uow, intake_id)) is not None:
        raise ReturnRefused.of("return.already", parcel=intake_id, user=done.user,
                            at=f"{done.at:%Y-%m-%d %H:%M} UTC", carrier=done.carrier,
                            tracking=done.tracking_number)
    to = return_address(uow, intake_id) or " ".join(address.split())
    if not to:
        raise ReturnRefused.of("return.no_address", parcel=intake_id)
    if len(to) > _ADDRESS_MAX:
        raise ReturnRefused.of("return.long_address", length=len(to), limit=_ADDRESS_MAX)
    actor, now = uow.actor, utcnow()
    # Only a parcel still waiting matches: of two clerks past the checks at once, one updates
    # a row and the other none, whatever the isolation level.
    stored = uow.session.execute(
        update(ParcelIntake).where(ParcelIntake.id == parcel.id, _WAITING)
        .values(returned_at=now, returned_by=actor.username, return_carrier=carrier.strip(),
                return_tracking=tracking, return_address=to)
        .execution_options(synchronize_session=False))
    if stored.rowcount != 1:
        uow.rollback()
        raise ReturnRefused.of("return.raced", parcel=intake_id)
    record(uow, Change("parcel.return_to_sender", "parcel_intake", str(parcel.id),
                       parcel.work_order_id, before={"returned": False},
                       after={"returned": True, "carrier": carrier.strip(),
                              "tracking_number": tracking, "address": to}))
    uow.commit()
    return ReturnedParcel(parcel.id, carrier.strip(), tracking, to, actor.username, now)
