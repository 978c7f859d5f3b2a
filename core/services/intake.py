"""The intake bench: match each scan of a parcel to a work order and decide at once (I1-I7).

Every scan is stored with its verdict in the same transaction that receives the unit, and the
transaction is committed before the verdict is returned: a verdict shown is a verdict kept.
Two stations receiving the same unit are settled by the database: the unit moves from
`awaiting_parcel` to `received` by a conditional UPDATE, which only one of them can win.
A station names each scan with its own id before the first attempt; a retry after a commit
whose acknowledgement was lost gets the verdict already stored instead of a second scan.
The scan path reads and writes plain rows (`intake_lookups`); closing and refusing a parcel,
rarer actions, use the ORM.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from core import audit, messages
from core.audit import Change
from core.errors import UserError
from core.intake_rules import Reason, Wording, requirements_for
from core.models import Attachment, ParcelIntake, Scan, Unit, UnitStatus, utcnow
from core.permissions import Role, require
from core.policies.schema import Policy
from core.rules.barcodes import ParsedScan, parse_scan
from core.services import intake_lookups as rows
from core.services.intake_lookups import CLOSED_ORDERS, IN_CENTER, OrderRow, UnitRow
from core.services.lifecycle import (
    derive_work_order_status,
    record_unit_change,
    refresh_work_order_status,
)
from core.services.policies import policy_from_text
from core.unit_of_work import UnitOfWork

__all__ = ["CLOSED_ORDERS", "CONDITIONS", "IN_CENTER", "ParcelSummary", "ScanOutcome",
           "close_parcel", "get_parcel", "parcel_scans", "refuse_parcel", "scan"]

CONDITIONS = ("intact", "damaged_box", "damaged_unit", "wet", "opened")
_ENDED = (UnitStatus.CANCELLED, UnitStatus.REFUSED, UnitStatus.SHIPPED, UnitStatus.CLOSED)
# The close-parcel dialog's words for each condition; a refusal lists the codes the command line
# takes, each followed in Chinese by what it means.
_CONDITION_WORDS = {
    "intact": ("完好", "完好"), "damaged_box": ("外箱破损", "外箱破損"),
    "damaged_unit": ("设备损坏", "設備損壞"), "wet": ("受潮", "受潮"),
    "opened": ("到货前已被拆开", "到貨前已被拆開"),
}

messages.add({
    "intake.conditions": {
        "en": ", ".join(CONDITIONS),
        "zh_CN": "、".join(f"{c}（{_CONDITION_WORDS[c][0]}）" for c in CONDITIONS),
        "zh_TW": "、".join(f"{c}（{_CONDITION_WORDS[c][1]}）" for c in CONDITIONS),
    },
    "intake.bad_scan_id": {
        "en": "A scan id must be 1 to 36 characters, not {scan_id!r}: let the station choose it "
              "(a uuid4).",
        "zh_CN": "扫描编号必须为 1 到 36 个字符，而不是 {scan_id!r}：请由工作站自动生成（uuid4）。",
        "zh_TW": "掃描編號必須為 1 到 36 個字元，而不是 {scan_id!r}：請由工作站自動產生（uuid4）。",
    },
    "intake.unknown_condition": {
        "en": "Unknown parcel condition {condition!r}; use one of {conditions}.",
        "zh_CN": "未知的包裹状况 {condition!r}；请使用以下之一：{conditions}。",
        "zh_TW": "未知的包裹狀況 {condition!r}；請使用以下之一：{conditions}。",
    },
    "intake.parcel_closed": {
        "en": "Parcel {parcel} is not open any more; scan a work order to start a new parcel.",
        "zh_CN": "包裹 {parcel} 已关闭；请扫描工单以开始新的包裹。",
        "zh_TW": "包裹 {parcel} 已關閉；請掃描工單以開始新的包裹。",
    },
    "intake.no_parcel": {
        "en": "Parcel {parcel} does not exist.",
        "zh_CN": "包裹 {parcel} 不存在。",
        "zh_TW": "包裹 {parcel} 不存在。",
    },
})


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
    #: The message as catalogue keys and parameters, for screens in other languages; empty for a
    #: verdict read back from a scan stored before its words were kept (its English only).
    wording: list[Wording] = field(default_factory=list)

    def text(self, language: str | None) -> str:
        """The message in `language` ("en", "zh_CN", "zh_TW")."""
        if not self.wording:
            return self.message
        return "".join(part.render(language) for part in self.wording)

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


class _Scan:
    """One scan being decided: its parcel, the work order in question and its units.

    A parcel that is not open yet is inserted only when the scan is stored, already on the work
    order it opens, so a scan costs one write fewer.
    """

    def __init__(self, uow: UnitOfWork, raw: str, parsed: ParsedScan,
                 parcel_id: int | None) -> None:
        self.uow = uow
        self.conn: Connection = uow.connection()
        self.raw, self.parsed = raw, parsed
        self.now = utcnow()
        found = rows.parcel(self.conn, parcel_id) if parcel_id else None
        self.parcel_id = parcel_id if found is not None and found[0] == "open" else None
        self.parcel_order = found[1] if self.parcel_id is not None and found else None
        self._units: dict[int, list[UnitRow]] = {}
        self.client_scan_id: str | None = None
        self.policies: dict[str, Policy] = {}  # read once per scan, by code

    def units(self, order: OrderRow, *, again: bool = False) -> list[UnitRow]:
        if again or order.id not in self._units:
            documents: dict[str, str] = {}
            self._units[order.id] = rows.units_of(self.conn, order.id, documents)
            for code, document in documents.items():
                # Read in this transaction like `policy_for`, which the scan path's plain
                # statements leave nothing pending for.
                self.policies.setdefault(code, policy_from_text(code, document))
        return self._units[order.id]

    def parcel(self, order: OrderRow | None = None) -> int:
        """The open parcel's id, opening one (on `order`) when there is none."""
        if self.parcel_id is None:
            self.parcel_id = rows.new_parcel(self.conn, self.uow.actor, self.now,
                                             order.id if order else None)
        elif order is not None and (self.parcel_order is None or self.parcel_order.id != order.id):
            rows.put_parcel_on_order(self.conn, self.parcel_id, order.id)
        if order is not None:
            self.parcel_order = order
        return self.parcel_id

    def reject(self, reason: Reason, scanned_serial: str | None, order: OrderRow | None,
               **details: str | Wording) -> ScanOutcome:
        return _outcome(self.raw, "rejected", [reason.value], order, scanned_serial,
                        Wording(f"reason.{reason.value}", details))

    def store(self, outcome: ScanOutcome, order: OrderRow | None, unit_id: int | None = None,
              expected: list[dict[str, Any]] | None = None) -> ScanOutcome:
        """Store the scan with its verdict and commit: only then is the verdict returned."""
        outcome.intake_id = self.parcel()
        if order is not None:
            outcome.customer = order.customer
            outcome.expected = expected if expected is not None else rows.checklist(
                self.units(order))
        actor = self.uow.actor
        outcome.scan_id = rows.store_scan(self.conn, {
            "intake_id": outcome.intake_id, "station": actor.station, "user_id": actor.user_id,
            "scanned_at": self.now, "raw": self.raw, "symbology": self.parsed.symbology or "",
            "parsed": self.parsed.as_dict(), "verdict": outcome.verdict,
            "reasons": outcome.reasons, "message": outcome.message,
            "work_order_id": order.id if order else None, "unit_id": unit_id,
            "client_scan_id": self.client_scan_id,
            "wording": [part.as_json() for part in outcome.wording] or None})
        self.uow.commit()
        return outcome


def _outcome(raw: str, verdict: str, reasons: list[str], order: OrderRow | None,
             serial: str | None, *wording: Wording) -> ScanOutcome:
    return ScanOutcome(raw, verdict, reasons, order.number if order else None, serial,
                       "".join(part.render("en") for part in wording), wording=list(wording))


def scan(uow: UnitOfWork, raw: str, intake_id: int | None = None, *,
         client_scan_id: str | None = None) -> ScanOutcome:
    """Decide one scan of the parcel `intake_id` (None: no parcel open yet), store it, commit.

    Args:
        client_scan_id: The station's own id of this scan (a uuid4, at most 36 characters),
            the same on every attempt. When a scan with this id is stored already, its verdict
            is returned and nothing is received or stored again.
    """
    require(uow.actor, Role.INTAKE, action="receive parcels")
    if client_scan_id is not None and not 0 < len(client_scan_id) <= 36:
        raise UserError.of("intake.bad_scan_id", scan_id=client_scan_id)
    try:
        return _decide(uow, raw, intake_id, client_scan_id)
    except IntegrityError:
        # The scan row is the last write: when its id is taken, an earlier attempt (whose
        # acknowledgement was lost, or which is still finishing) stored it. Everything this
        # attempt wrote goes, and the first attempt's verdict is the one to show. Looking the
        # id up only here spares every first attempt a query.
        uow.rollback()
        stored = _stored_outcome(uow, client_scan_id) if client_scan_id else None
        if stored is None:
            raise
        return stored


def _decide(uow: UnitOfWork, raw: str, intake_id: int | None,
            client_scan_id: str | None) -> ScanOutcome:
    parsed = parse_scan(raw)
    # Capped and made storable as UTF-8 (lone surrogates escaped).
    one = _Scan(uow, parsed.raw, parsed, intake_id)
    one.client_scan_id = client_scan_id
    if parsed.kind in ("unreadable", "garbled_layout"):
        reason = Reason.KEYBOARD_LAYOUT if parsed.kind == "garbled_layout" else Reason.UNREADABLE
        current = one.parcel_order
        return one.store(one.reject(reason, None, current, detail=parsed.error or ""), current)

    order, serial = _named(one.conn, parsed)
    if order is not None:
        return _work_order_scan(one, order)
    if serial is None:
        return one.store(one.reject(Reason.NO_WORK_ORDER, None, None, text=parsed.order_number),
                         None)
    return _serial_scan(one, serial)


def _named(conn: Connection, parsed: ParsedScan) -> tuple[OrderRow | None, str | None]:
    """The work order a readable scan names, else the serial it carries (None: neither)."""
    # A GS1 order number (AI 400), or plain text naming a work order, opens that work order.
    named = parsed.order_number or ("" if parsed.serial else parsed.text)
    order = rows.order_named(conn, named)
    if order is not None:
        return order, None
    if parsed.order_number and not parsed.serial:
        return None, None
    return None, parsed.serial or parsed.text


def _stored_outcome(uow: UnitOfWork, client_scan_id: str) -> ScanOutcome | None:
    """The verdict stored for the station's scan `client_scan_id`, as it was first returned."""
    conn = uow.connection()
    row = rows.scan_with_client_id(conn, client_scan_id)
    if row is None:
        return None
    serial = row.unit_serial
    if serial is None and row.verdict == "rejected":
        parsed = parse_scan(row.raw)
        if parsed.kind not in ("unreadable", "garbled_layout"):
            serial = _named(conn, parsed)[1]
    outcome = ScanOutcome(row.raw, row.verdict, list(row.reasons), None, serial, row.message,
                          intake_id=row.intake_id, scan_id=row.id)
    if row.wording:
        try:
            stored = [Wording.from_json(part) for part in row.wording]
            # Words the catalogue no longer knows would fail in every language: the English
            # stored is shown instead.
            for part in stored:
                part.render("en")
            outcome.wording = stored
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            pass
    if row.work_order_id is not None:
        order = rows.order_by_id(conn, row.work_order_id)
        units = rows.units_of(conn, order.id)
        outcome.work_order, outcome.customer = order.number, order.customer
        outcome.expected = rows.checklist(units)
        if not outcome.wording:
            # Stored before scans kept their words: rebuilt from the work order, and only when
            # they say exactly what was stored (the work order may have changed since).
            wording = _replayed_wording(outcome, order, units)
            if "".join(part.render("en") for part in wording) == row.message:
                outcome.wording = wording
    return outcome


def _replayed_wording(outcome: ScanOutcome, order: OrderRow,
                      units: list[UnitRow]) -> list[Wording]:
    """The catalogue words of a stored verdict that opened a work order or received a unit,
    so that a replay reads in the station's language too (a rejection's details are not kept,
    and it is replayed in the English stored)."""
    waiting = sum(1 for u in units if u.status == UnitStatus.AWAITING_PARCEL)
    if outcome.verdict == "info":
        return [Wording("scan.work_order_opened", {
            "number": order.number, "customer": order.customer, "waiting": waiting,
            "total": len(units)})]
    unit = next((u for u in units if u.serial == outcome.serial), None)
    if outcome.verdict != "accepted" or unit is None:
        return []
    return [Wording("scan.received", {"serial": unit.serial, "model": unit.model,
                                      "number": order.number}),
            Wording("scan.units_left", {"left": waiting}) if waiting else Wording("scan.all_in")]


def _check_work_order(one: _Scan, order: OrderRow, serial: str | None) -> ScanOutcome | None:
    """The reason a parcel cannot be received against `order`, or None when it can."""
    if order.status in CLOSED_ORDERS:
        return one.reject(Reason.WORK_ORDER_CLOSED, serial, order, number=order.number,
                          status=Wording(f"scan.order_status.{order.status.value}"))
    units = one.units(order)
    if not units or not order.has_return_address:
        what = Wording("reason.incomplete." + ("no_units" if not units else "no_return_address"))
        return one.reject(Reason.WORK_ORDER_INCOMPLETE, serial, order, number=order.number,
                          what=what)
    needs = requirements_for(one.uow, {u.policy_code for u in units}, {u.category for u in units},
                             one.policies)
    if needs.order_number and not order.order_number.strip():
        return one.reject(Reason.MISSING_ORDER_NUMBER, serial, order, number=order.number)
    if needs.diagnosis_report and not order.diagnosis_report:
        return one.reject(Reason.MISSING_DIAGNOSIS_REPORT, serial, order, number=order.number)
    return None


def _work_order_scan(one: _Scan, order: OrderRow) -> ScanOutcome:
    current = one.parcel_order
    if (current is not None and current.id != order.id and one.parcel_id is not None
            and rows.anything_received_in(one.conn, one.parcel_id)):
        return one.store(one.reject(Reason.PARCEL_OPEN, None, current, number=current.number),
                         current)
    problem = _check_work_order(one, order, None)
    if problem is not None:
        return one.store(problem, order)
    one.parcel(order)
    units = one.units(order)
    waiting = sum(1 for u in units if u.status == UnitStatus.AWAITING_PARCEL)
    outcome = _outcome(one.raw, "info", [], order, None, Wording(
        "scan.work_order_opened", {"number": order.number, "customer": order.customer,
                                   "waiting": waiting, "total": len(units)}))
    return one.store(outcome, order)


def _serial_scan(one: _Scan, serial: str) -> ScanOutcome:
    order = one.parcel_order
    if order is None:
        # No work order scanned yet: the serial alone may name exactly one open work order.
        orders = rows.open_orders_with_serial(one.conn, serial)
        if len(orders) != 1:
            reason = Reason.AMBIGUOUS_SERIAL if orders else Reason.NO_WORK_ORDER
            return one.store(one.reject(reason, serial, None, text=serial,
                                        numbers=", ".join(sorted(orders.values()))), None)
        order = rows.order_by_id(one.conn, next(iter(orders)))
        problem = _check_work_order(one, order, serial)
        if problem is not None:
            return one.store(problem, order)
        one.parcel(order)

    unit = next((u for u in one.units(order) if u.serial == serial), None)
    if unit is None:
        elsewhere = [number for order_id, number in
                     rows.open_orders_with_serial(one.conn, serial).items() if order_id != order.id]
        outcome = one.reject(Reason.NOT_ON_WORK_ORDER, serial, order, serial=serial,
                             number=order.number,
                             elsewhere=(Wording("reason.elsewhere", {"number": elsewhere[0]})
                                        if elsewhere else ""))
        if elsewhere:
            outcome.reasons.append(f"belongs_to:{elsewhere[0]}")
        return one.store(outcome, order)
    if one.parsed.gtin:
        scanned = rows.product_with_gtin(one.conn, one.parsed.gtin)
        if scanned is not None and scanned[0] != unit.product_id:
            return one.store(one.reject(Reason.WRONG_MODEL, serial, order, serial=serial,
                                        scanned=scanned[1], expected=unit.model), order, unit.id)
    if unit.status in _ENDED:
        return one.store(one.reject(Reason.WORK_ORDER_CLOSED, serial, order, number=order.number,
                                    status=Wording(f"scan.unit_status.{unit.status.value}")),
                         order, unit.id)
    elsewhere_number = rows.in_center_elsewhere(one.conn, serial, unit.id)
    if unit.status != UnitStatus.AWAITING_PARCEL or elsewhere_number is not None:
        return one.store(one.reject(Reason.ALREADY_RECEIVED, serial, order, serial=serial,
                                    number=elsewhere_number or order.number), order, unit.id)

    parcel_id = one.parcel(order)
    if not rows.receive(one.conn, unit.id, parcel_id, one.now):
        # Another station received it between our read and our write.
        return one.store(one.reject(Reason.ALREADY_RECEIVED, serial, order, serial=serial,
                                    number=order.number), order, unit.id)
    rows.record_receipt(one.conn, one.uow.actor, unit, order.id, parcel_id, one.now)
    statuses = _refresh_order(one, order)
    left = sum(1 for s in statuses.values() if s == UnitStatus.AWAITING_PARCEL)
    outcome = _outcome(one.raw, "accepted", [], order, serial,
                       Wording("scan.received", {"serial": serial, "model": unit.model,
                                                 "number": order.number}),
                       Wording("scan.units_left", {"left": left}) if left else
                       Wording("scan.all_in"))
    units = one.units(order)
    if {u.id for u in units} != set(statuses):  # a re-import added a unit meanwhile
        units = one.units(order, again=True)
    return one.store(outcome, order, unit.id, rows.checklist(units, statuses))


def _refresh_order(one: _Scan, order: OrderRow) -> dict[int, UnitStatus]:
    """The work order's state (and its units' due dates) after a receipt; its units' states.

    The same as `lifecycle.refresh_work_order_status`, in plain rows: the ORM's load of the
    work order and its units cost more than the rest of the scan.
    """
    # Imported here: due_dates reads this module's states.
    from core.services.due_dates import DueContext, locked_order, store_dues

    # The rows the due dates are computed from come with the lock and the units' states.
    old, current, stored = locked_order(one.uow, order.id)
    statuses = {unit.id: unit.status for unit in current.units}
    new = derive_work_order_status(list(statuses.values()), old)
    if new != old:
        rows.set_order_status(one.conn, one.uow.actor, order.id, old, new, one.now)
    context = DueContext.load(one.uow)
    context.policies = one.policies
    store_dues(one.uow, [current], stored, context)  # a receipt may start a deadline (S1, D3)
    return statuses


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
        raise UserError.of("intake.unknown_condition", condition=unknown[0],
                           conditions=messages.Phrase("intake.conditions"))
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
    return UserError.of("intake.parcel_closed", parcel=intake_id)


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
        raise UserError.of("intake.no_parcel", parcel=intake_id)
    return parcel


def parcel_scans(uow: UnitOfWork, intake_id: int) -> list[Scan]:
    """Every scan of the parcel, in the order they were made."""
    return list(uow.session.scalars(
        select(Scan).where(Scan.intake_id == intake_id).order_by(Scan.id)))
