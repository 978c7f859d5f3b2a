"""The service record of a work order (rule I2): who, what, where it stands, everything so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core import center
from core.models import AuditEntry, Diagnosis, Scan, StatusChange, WorkOrder
from core.services.repair import explanation_in
from core.services.work_orders import get_work_order
from core.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class UnitLine:
    serial: str
    model: str
    product: str
    status: str
    received_at: str
    shipped_at: str
    decision: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    who: str
    station: str
    what: str


@dataclass
class ServiceRecord:
    number: str
    order_number: str
    status: str
    service_type: str
    priority: str
    submitted_at: str
    customer: str
    company: str
    phone: str
    email: str
    address_lines: list[str]
    fault_description: str
    units: list[UnitLine] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timezone: str = ""

    def as_text(self) -> str:
        out = [
            f"Work order {self.number}   status: {self.status}   service: {self.service_type}"
            + (f"   priority: {self.priority}" if self.priority else ""),
            f"Order number: {self.order_number or '-'}   submitted: {self.submitted_at or '-'}",
            f"Customer: {self.customer}" + (f" ({self.company})" if self.company else ""),
            f"Phone: {self.phone or '-'}   email: {self.email or '-'}",
            "Return address: " + ", ".join(line for line in self.address_lines if line),
            f"Fault: {self.fault_description or '-'}",
            "",
            f"Units ({len(self.units)}):",
        ]
        for u in self.units:
            out.append(f"  {u.serial:<22} {u.model:<16} {u.status:<18} "
                       f"received {u.received_at or '-':<16} shipped {u.shipped_at or '-'}")
            if u.decision:
                out.append(f"    warranty: {u.decision}. {u.explanation}")
        out += ["", f"History ({self.timezone}):"]
        tz = ZoneInfo(self.timezone) if self.timezone else dt.UTC
        for e in self.events:
            out.append(f"  {center.local_time(e.at, tz)}  {e.who or '-'}@{e.station or '-'}  {e.what}")
        if not self.events:
            out.append("  nothing yet")
        return "\n".join(out)


def load(uow: UnitOfWork, number: str) -> ServiceRecord:
    """The service record of a work order, by work-order or original order number."""
    settings = center.load(uow)
    tz = settings.timezone
    wo = get_work_order(uow, number)
    return build(uow, wo, tz)


def build(uow: UnitOfWork, wo: WorkOrder, tz: ZoneInfo) -> ServiceRecord:
    record = ServiceRecord(
        number=wo.number, order_number=wo.order_number, status=wo.status.value,
        service_type=wo.service_type.value, priority=wo.priority.value if wo.priority else "",
        submitted_at=center.local_time(wo.submitted_at, tz), customer=wo.customer.name,
        company=wo.customer.company, phone=wo.customer.phone, email=wo.customer.email,
        address_lines=[wo.address, " ".join(x for x in (wo.postal_code, wo.city, wo.province) if x),
                       wo.country],
        fault_description=wo.fault_description, timezone=str(tz))
    latest: dict[int, Diagnosis] = {}
    for diagnosis in uow.session.scalars(select(Diagnosis).where(
            Diagnosis.unit_id.in_([u.id for u in wo.units])).order_by(Diagnosis.id)):
        latest[diagnosis.unit_id] = diagnosis
    for unit in wo.units:
        found = latest.get(unit.id)
        decision = explanation = ""
        if found is not None:
            decision = found.effective_decision.replace("_", " ")
            if found.override_decision:
                decision += f" (overridden: {found.override_reason})"
            explanation = explanation_in(found.explanation, "en")
        record.units.append(UnitLine(unit.serial, unit.product.model, unit.product.name,
                                     unit.status.value, center.local_time(unit.received_at, tz),
                                     center.local_time(unit.shipped_at, tz), decision,
                                     explanation))
    events: list[Event] = []
    for scan in uow.session.scalars(select(Scan).where(Scan.work_order_id == wo.id)):
        reasons = ", ".join(scan.reasons)
        events.append(Event(scan.scanned_at, "", scan.station,
                            f"scan {scan.raw!r}: {scan.verdict}" + (f" ({reasons})" if reasons else "")))
    for change in uow.session.scalars(select(StatusChange).where(StatusChange.work_order_id == wo.id)):
        events.append(Event(change.at, "", change.station,
                            f"{change.from_status} -> {change.to_status}"
                            + (f": {change.reason}" if change.reason else "")))
    for entry in uow.session.scalars(select(AuditEntry).where(AuditEntry.work_order_id == wo.id)):
        events.append(Event(entry.at, entry.username, entry.station, describe_audit(entry)))
    record.events = sorted(events, key=lambda e: e.at)
    return record


def describe_audit(entry: AuditEntry) -> str:
    """An audit entry in plain words."""
    after = entry.after or {}
    before = entry.before or {}
    match entry.action:
        case "work_order.import":
            return f"work order imported with {len(after.get('units', []))} unit(s)"
        case "work_order.reimport":
            parts = [f"{k}: {before.get(k, '-')} -> {v}" for k, v in after.items()]
            return "work order updated by import: " + "; ".join(parts)
        case _:
            details = ", ".join(f"{k}={v}" for k, v in after.items())
            return f"{entry.action.replace('.', ' ').replace('_', ' ')}" + (f": {details}" if details else "")
