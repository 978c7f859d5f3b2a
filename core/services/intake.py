"""The intake bench: match each scan of a parcel to a work order and decide at once (I1-I7).

Every scan is stored with its verdict in the same transaction that receives the unit, and the
transaction is committed before the verdict is returned: a verdict shown is a verdict kept.
Two stations receiving the same unit are settled by the database: the unit moves from
`awaiting_parcel` to `received` by a conditional UPDATE, which only one of them can win.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, update

from core import audit
from core.audit import Change
from core.errors import UserError
from core.intake_rules import REASON_TEXT, Reason, requirements_for
from core.models import (
    Attachment,
    ParcelIntake,
    Product,
    Scan,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
    utcnow,
)
from core.permissions import Role, require
from core.rules.barcodes import ParsedScan, parse_scan
from core.services.lifecycle import record_unit_change, refresh_work_order_status
from core.unit_of_work import UnitOfWork

CLOSED_ORDERS = (WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED, WorkOrderStatus.REFUSED)
# A unit in one of these states is physically in the center.
IN_CENTER = (UnitStatus.RECEIVED, UnitStatus.IN_DIAGNOSIS, UnitStatus.QUOTE_SENT,
             UnitStatus.QUOTE_ACCEPTED, UnitStatus.IN_REPAIR, UnitStatus.RETURN_UNREPAIRED,
             UnitStatus.REPLACEMENT, UnitStatus.RETURN_REFUND, UnitStatus.TESTING,
             UnitStatus.READY_TO_SHIP)
CONDITIONS = ("intact", "damaged_box", "damaged_unit", "wet", "opened")


@dataclass
class ScanOutcome:
    """What the bench shows for one scan, and what the `scan` command prints."""

    scan: str
    verdict: str  # accepted / rejected / info
    reasons: list[str]
    work_order: str | None
    serial: str | None
    message: str
    intake_id: int | None = None
    scan_id: int | None = None
    customer: str = ""
    expected: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"scan": self.scan, "verdict": self.verdict, "reasons": self.reasons,
                "work_order": self.work_order, "serial": self.serial, "message": self.message}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ParcelSummary:
    intake_id: int
    work_order: str | None
    verdict: str  # accepted / refused
    received: list[str]
    missing: list[str]
    reasons: list[str]
    condition: list[str]


def _store(uow: UnitOfWork, raw: str, parsed: ParsedScan, outcome: ScanOutcome,
           wo: WorkOrder | None, unit: Unit | None) -> ScanOutcome:
    scan = Scan(intake_id=outcome.intake_id, station=uow.actor.station, user_id=uow.actor.user_id,
                scanned_at=utcnow(), raw=raw, symbology=parsed.symbology or "",
                parsed=parsed.as_dict(), verdict=outcome.verdict, reasons=outcome.reasons,
                message=outcome.message, work_order_id=wo.id if wo else None,
                unit_id=unit.id if unit else None)
    uow.session.add(scan)
    if wo is not None:
        outcome.customer = wo.customer.name
        outcome.expected = checklist(wo)
    uow.session.flush()
    outcome.scan_id = scan.id
    uow.commit()
    return outcome


def checklist(wo: WorkOrder) -> list[dict[str, Any]]:
    return [{"serial": u.serial, "model": u.product.model, "status": u.status.value,
             "received": u.status != UnitStatus.AWAITING_PARCEL} for u in wo.units]


def _reject(reason: Reason, raw: str, scanned_serial: str | None, wo: WorkOrder | None,
            intake_id: int | None, **details: str) -> ScanOutcome:
    return ScanOutcome(raw, "rejected", [reason.value], wo.number if wo else None, scanned_serial,
                       REASON_TEXT[reason].format(**details), intake_id)


def _find_work_order(uow: UnitOfWork, text: str) -> WorkOrder | None:
    if not text:
        return None
    wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.number == text)).first()
    if wo is None:
        wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.order_number == text)
                                 .order_by(WorkOrder.id.desc()).limit(1)).first()
    return wo


def _open_units_with_serial(uow: UnitOfWork, serial: str) -> list[Unit]:
    return list(uow.session.scalars(
        select(Unit).join(WorkOrder).where(Unit.serial == serial,
                                           WorkOrder.status.not_in(CLOSED_ORDERS))))


def _check_work_order(uow: UnitOfWork, wo: WorkOrder, raw: str, serial: str | None,
                      intake_id: int | None) -> ScanOutcome | None:
    """The reason a parcel cannot be received against `wo`, or None when it can."""
    if wo.status in CLOSED_ORDERS:
        return _reject(Reason.WORK_ORDER_CLOSED, raw, serial, wo, intake_id,
                       number=wo.number, status=wo.status.value.replace("_", " "))
    if not wo.units or not wo.has_return_address:
        what = "no units" if not wo.units else "no return address"
        return _reject(Reason.WORK_ORDER_INCOMPLETE, raw, serial, wo, intake_id,
                       number=wo.number, what=what)
    needs = requirements_for(uow, {u.product.policy_code for u in wo.units},
                             {u.product.category for u in wo.units})
    if needs.order_number and not wo.order_number.strip():
        return _reject(Reason.MISSING_ORDER_NUMBER, raw, serial, wo, intake_id, number=wo.number)
    if needs.diagnosis_report and not wo.diagnosis_report:
        return _reject(Reason.MISSING_DIAGNOSIS_REPORT, raw, serial, wo, intake_id,
                       number=wo.number)
    return None


def _open_parcel(uow: UnitOfWork, intake_id: int | None, wo: WorkOrder) -> ParcelIntake:
    intake = uow.session.get(ParcelIntake, intake_id) if intake_id else None
    if intake is None or intake.verdict != "open":
        intake = ParcelIntake(station=uow.actor.station, user_id=uow.actor.user_id,
                              opened_at=utcnow(), verdict="open", reasons=[])
        uow.session.add(intake)
    intake.work_order_id = wo.id
    uow.session.flush()
    return intake


def scan(uow: UnitOfWork, raw: str, intake_id: int | None = None) -> ScanOutcome:
    """Decide one scan of the parcel `intake_id` (None: no parcel open yet), store it, commit."""
    require(uow.actor, Role.INTAKE, action="receive parcels")
    parsed = parse_scan(raw)
    raw = parsed.raw  # capped and made storable as UTF-8 (lone surrogates escaped)
    intake = uow.session.get(ParcelIntake, intake_id) if intake_id else None
    if intake is None or intake.verdict != "open":
        # Every scan belongs to a parcel, so one that matches nothing is recorded as refused.
        intake = ParcelIntake(station=uow.actor.station, user_id=uow.actor.user_id,
                              opened_at=utcnow(), verdict="open", reasons=[])
        uow.session.add(intake)
        uow.session.flush()
    current = intake.work_order if intake is not None else None
    iid = intake.id if intake is not None else None
    if parsed.kind in ("unreadable", "garbled_layout"):
        reason = Reason.KEYBOARD_LAYOUT if parsed.kind == "garbled_layout" else Reason.UNREADABLE
        outcome = _reject(reason, raw, None, current, iid, detail=parsed.error or "")
        return _store(uow, raw, parsed, outcome, current, None)

    # A GS1 order number (AI 400), or plain text naming a work order, opens that work order.
    wo_text = parsed.order_number or ("" if parsed.serial else parsed.text)
    wo = _find_work_order(uow, wo_text)
    if wo is not None:
        return _work_order_scan(uow, raw, parsed, wo, intake)
    if parsed.order_number and not parsed.serial:
        outcome = _reject(Reason.NO_WORK_ORDER, raw, None, None, iid, text=parsed.order_number)
        return _store(uow, raw, parsed, outcome, None, None)
    return _serial_scan(uow, raw, parsed, parsed.serial or parsed.text, intake)


def _work_order_scan(uow: UnitOfWork, raw: str, parsed: ParsedScan, wo: WorkOrder,
                     intake: ParcelIntake | None) -> ScanOutcome:
    iid = intake.id if intake is not None else None
    if intake is not None and intake.work_order_id not in (None, wo.id) and _received_in(uow, intake):
        current = intake.work_order
        outcome = _reject(Reason.PARCEL_OPEN, raw, None, current, iid,
                          number=current.number if current else "")
        return _store(uow, raw, parsed, outcome, current, None)
    problem = _check_work_order(uow, wo, raw, None, iid)
    if problem is not None:
        return _store(uow, raw, parsed, problem, wo, None)
    intake = _open_parcel(uow, iid, wo)
    waiting = sum(1 for u in wo.units if u.status == UnitStatus.AWAITING_PARCEL)
    outcome = ScanOutcome(raw, "info", [], wo.number, None,
                          f"Work order {wo.number} ({wo.customer.name}): scan the units, "
                          f"{waiting} of {len(wo.units)} still expected.", intake.id)
    return _store(uow, raw, parsed, outcome, wo, None)


def _received_in(uow: UnitOfWork, intake: ParcelIntake) -> bool:
    return uow.session.scalar(select(Unit.id).where(Unit.intake_id == intake.id).limit(1)) is not None


def _serial_scan(uow: UnitOfWork, raw: str, parsed: ParsedScan, serial: str,
                 intake: ParcelIntake | None) -> ScanOutcome:
    iid = intake.id if intake is not None else None
    wo = intake.work_order if intake is not None else None
    if wo is None:
        # No work order scanned yet: the serial alone may name exactly one open work order.
        candidates = _open_units_with_serial(uow, serial)
        orders = {u.work_order_id: u.work_order for u in candidates}
        if len(orders) != 1:
            reason = Reason.AMBIGUOUS_SERIAL if orders else Reason.NO_WORK_ORDER
            outcome = _reject(reason, raw, serial, None, iid, text=serial,
                              numbers=", ".join(sorted(o.number for o in orders.values())))
            return _store(uow, raw, parsed, outcome, None, None)
        wo = next(iter(orders.values()))
        problem = _check_work_order(uow, wo, raw, serial, iid)
        if problem is not None:
            return _store(uow, raw, parsed, problem, wo, None)
        intake = _open_parcel(uow, iid, wo)
        iid = intake.id

    unit = next((u for u in wo.units if u.serial == serial), None)
    if unit is None:
        elsewhere = [u.work_order.number for u in _open_units_with_serial(uow, serial)
                     if u.work_order_id != wo.id]
        outcome = _reject(Reason.NOT_ON_WORK_ORDER, raw, serial, wo, iid, serial=serial,
                          number=wo.number,
                          elsewhere=(f" It belongs to open work order {elsewhere[0]}."
                                     if elsewhere else ""))
        if elsewhere:
            outcome.reasons.append(f"belongs_to:{elsewhere[0]}")
        return _store(uow, raw, parsed, outcome, wo, None)
    if parsed.gtin:
        scanned = uow.session.scalars(select(Product).where(Product.gtin == parsed.gtin)).first()
        if scanned is not None and scanned.id != unit.product_id:
            outcome = _reject(Reason.WRONG_MODEL, raw, serial, wo, iid, serial=serial,
                              scanned=scanned.model, expected=unit.product.model)
            return _store(uow, raw, parsed, outcome, wo, unit)
    if unit.status in (UnitStatus.CANCELLED, UnitStatus.REFUSED, UnitStatus.SHIPPED,
                       UnitStatus.CLOSED):
        outcome = _reject(Reason.WORK_ORDER_CLOSED, raw, serial, wo, iid, number=wo.number,
                          status=f"unit {unit.status.value.replace('_', ' ')}")
        return _store(uow, raw, parsed, outcome, wo, unit)
    in_center = uow.session.scalars(select(Unit).join(WorkOrder).where(
        Unit.serial == serial, Unit.id != unit.id, Unit.status.in_(IN_CENTER))).first()
    if unit.status != UnitStatus.AWAITING_PARCEL or in_center is not None:
        where = wo.number if in_center is None else in_center.work_order.number
        outcome = _reject(Reason.ALREADY_RECEIVED, raw, serial, wo, iid, serial=serial, number=where)
        return _store(uow, raw, parsed, outcome, wo, unit)

    now = utcnow()
    won = uow.session.execute(
        update(Unit).where(Unit.id == unit.id, Unit.status == UnitStatus.AWAITING_PARCEL)
        .values(status=UnitStatus.RECEIVED, intake_id=iid, received_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if won != 1:  # another station received it between our read and our write
        outcome = _reject(Reason.ALREADY_RECEIVED, raw, serial, wo, iid, serial=serial,
                          number=wo.number)
        return _store(uow, raw, parsed, outcome, wo, unit)
    uow.session.refresh(unit)
    record_unit_change(uow, unit, UnitStatus.AWAITING_PARCEL, UnitStatus.RECEIVED,
                       f"received at intake (parcel {iid})")
    refresh_work_order_status(uow, wo)
    left = sum(1 for u in wo.units if u.status == UnitStatus.AWAITING_PARCEL)
    outcome = ScanOutcome(raw, "accepted", [], wo.number, serial,
                          f"{serial} ({unit.product.model}) received for {wo.number}."
                          + (f" {left} unit(s) still expected." if left else
                             " All units of the work order are in."), iid)
    return _store(uow, raw, parsed, outcome, wo, unit)


def close_parcel(uow: UnitOfWork, intake_id: int, *, condition: list[str] | None = None,
                 carrier: str = "", tracking_number: str = "", notes: str = "",
                 photos: list[tuple[str, bytes]] | None = None) -> ParcelSummary:
    """Close the parcel: its condition on arrival (I4), carrier, photos; what is still missing.

    A parcel in which nothing was received is recorded as refused with the reasons of its scans
    (I1, S3).
    """
    require(uow.actor, Role.INTAKE, action="close parcels")
    intake = uow.session.get(ParcelIntake, intake_id)
    if intake is None or intake.verdict != "open":
        raise _closed_error(intake_id)
    condition = [c for c in (condition or ["intact"]) if c]
    unknown = [c for c in condition if c not in CONDITIONS]
    if unknown:
        raise UserError(f"Unknown parcel condition {unknown[0]!r}; use one of "
                        f"{', '.join(CONDITIONS)}.")
    received = list(uow.session.scalars(select(Unit.serial).where(Unit.intake_id == intake.id)))
    wo = intake.work_order
    missing = [u.serial for u in wo.units if u.status == UnitStatus.AWAITING_PARCEL] if wo else []
    intake.condition = ",".join(condition)
    intake.carrier, intake.tracking_number, intake.notes = carrier, tracking_number, notes
    intake.closed_at = utcnow()
    reasons: list[str] = []
    if received:
        intake.verdict = "accepted"
    else:
        intake.verdict = "refused"
        scans = uow.session.scalars(select(Scan).where(Scan.intake_id == intake.id)).all()
        reasons = sorted({r for s in scans for r in s.reasons if ":" not in r}) or ["no_work_order"]
    intake.reasons = reasons
    for name, content in photos or []:
        uow.session.add(Attachment(intake_id=intake.id, filename=name, content=content,
                                   media_type=_media_type(name)))
    audit.record(uow, Change("parcel.close", "parcel_intake", str(intake.id),
                             wo.id if wo else None, None,
                             {"verdict": intake.verdict, "condition": condition,
                              "received": received, "missing": missing,
                              "tracking_number": tracking_number}))
    uow.commit()
    return ParcelSummary(intake.id, wo.number if wo else None, intake.verdict, received, missing,
                         reasons, condition)


def refuse_parcel(uow: UnitOfWork, intake_id: int | None, reasons: list[str],
                  notes: str = "") -> ParcelSummary:
    """Refuse the parcel and send it back (S3): units received in it are refused too."""
    require(uow.actor, Role.INTAKE, action="refuse parcels")
    intake = uow.session.get(ParcelIntake, intake_id) if intake_id else None
    if intake is None:
        intake = ParcelIntake(station=uow.actor.station, user_id=uow.actor.user_id,
                              opened_at=utcnow(), verdict="open", reasons=[])
        uow.session.add(intake)
        uow.session.flush()
    elif intake.verdict != "open":
        raise _closed_error(intake.id)
    units = list(uow.session.scalars(select(Unit).where(Unit.intake_id == intake.id)))
    for unit in units:
        old = unit.status
        unit.status = UnitStatus.REFUSED
        record_unit_change(uow, unit, old, UnitStatus.REFUSED, "parcel refused at intake")
    if intake.work_order is not None:
        refresh_work_order_status(uow, intake.work_order)
    intake.verdict = "refused"
    intake.reasons = reasons or ["refused_by_technician"]
    intake.notes = notes
    intake.closed_at = utcnow()
    wo = intake.work_order
    audit.record(uow, Change("parcel.refuse", "parcel_intake", str(intake.id),
                             wo.id if wo else None, None, {"reasons": intake.reasons,
                                                          "units": [u.serial for u in units]}))
    uow.commit()
    return ParcelSummary(intake.id, wo.number if wo else None, "refused",
                         [], [], intake.reasons, [])


def _closed_error(intake_id: int | None) -> Exception:
    return UserError(f"Parcel {intake_id} is not open any more; scan a work order to start a "
                     "new parcel.")


def _media_type(name: str) -> str:
    lower = name.lower()
    for ending, kind in ((".jpg", "image/jpeg"), (".jpeg", "image/jpeg"), (".png", "image/png"),
                         (".log", "text/plain"), (".txt", "text/plain")):
        if lower.endswith(ending):
            return kind
    return "application/octet-stream"


def get_parcel(uow: UnitOfWork, intake_id: int) -> ParcelIntake:
    parcel = uow.session.get(ParcelIntake, intake_id)
    if parcel is None:
        raise UserError(f"Parcel {intake_id} does not exist.")
    return parcel


def parcel_scans(uow: UnitOfWork, intake_id: int) -> list[Scan]:
    """Every scan of the parcel, in the order they were made."""
    return list(uow.session.scalars(
        select(Scan).where(Scan.intake_id == intake_id).order_by(Scan.id)))
