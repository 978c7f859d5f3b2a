"""Shipping units back (rules S1, S2): parcels, tracking numbers, and the moment they leave.

A work order's ready units are packed into shipments (one parcel each; large work orders go in
batches, "parcel n of m"), the carrier's tracking number is scanned onto each parcel, and `ship`
marks the parcel's units shipped. Every change that two clerks could make at once is a conditional
UPDATE whose row count is checked, so of two clerks shipping the same unit one wins and the other
is told, and nothing is ever half shipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from core import messages
from core.audit import Change, record
from core.errors import UserError
from core.models import (
    Diagnosis,
    Finding,
    ParcelIntake,
    Quote,
    RepairAction,
    Shipment,
    Unit,
    UnitStatus,
    WorkOrder,
    utcnow,
)
from core.permissions import Role, require
from core.policies.deadlines import freight_payer
from core.rules.barcodes import parse_scan
from core.services.lifecycle import record_unit_change, refresh_work_order_status
from core.services.policies import policy_for
from core.unit_of_work import UnitOfWork
from core.workflow import state_phrase

# A unit leaves from any of these: repaired and tested, sent back unrepaired, or a replacement.
READY_STATES: tuple[UnitStatus, ...] = (
    UnitStatus.READY_TO_SHIP, UnitStatus.RETURN_UNREPAIRED, UnitStatus.REPLACEMENT)
DEFAULT_CARRIERS: tuple[str, ...] = ("SF Express", "Deppon", "KYE")
# Quote states in which the customer agreed to pay; unpaid, they are collected on delivery (S1).
_CHARGED_QUOTE_STATES = ("accepted",)
_TRACKING = re.compile(r"[\x21-\x7e]{4,64}")
# What a scanned waybill of each carrier looks like; a station may set its own per carrier.
CARRIER_TRACKING: dict[str, str] = {"SF Express": r"SF\d{12,15}"}
PLAIN_TRACKING = r"[A-Za-z0-9]{8,30}"
_CENT = Decimal("0.01")

messages.add({
    "shipping.no_work_order": {
        "en": "There is no work order {work_order!r}.",
        "zh_CN": "没有工单 {work_order!r}。",
        "zh_TW": "沒有工單 {work_order!r}。",
    },
    "shipping.carrier_and_batch": {
        "en": "Choose a carrier and a batch size of 0 (no limit) or more.",
        "zh_CN": "请选择承运商，并将每批数量设为 0（不限）或以上。",
        "zh_TW": "請選擇貨運公司，並將每批數量設為 0（不限）或以上。",
    },
    "shipping.no_return_address": {
        "en": "Work order {number} has no complete return address; add it first.",
        "zh_CN": "工单 {number} 没有完整的回寄地址；请先补全。",
        "zh_TW": "工單 {number} 沒有完整的寄回地址；請先補齊。",
    },
    "shipping.select_units": {
        "en": "Select the units to pack.",
        "zh_CN": "请选择要打包的设备。",
        "zh_TW": "請選擇要包裝的設備。",
    },
    "shipping.carrier_not_allowed": {
        "en": "{carrier} is not a carrier this vendor allows for work order {number}; "
              "use one of: {carriers}.",
        "zh_CN": "该厂商不允许工单 {number} 使用 {carrier}；请使用以下承运商之一：{carriers}。",
        "zh_TW": "此廠商不允許工單 {number} 使用 {carrier}；請改用下列貨運公司之一：{carriers}。",
    },
    "shipping.unknown_units": {
        "en": "Unknown unit id(s): {ids}.",
        "zh_CN": "未知的设备 ID：{ids}。",
        "zh_TW": "未知的設備 ID：{ids}。",
    },
    "shipping.other_work_order": {
        "en": "Unit {serial} is not on work order {number}.",
        "zh_CN": "设备 {serial} 不在工单 {number} 上。",
        "zh_TW": "設備 {serial} 不在工單 {number} 上。",
    },
    "shipping.not_ready": {
        "en": "Unit {serial} is {state}, not ready to ship.",
        "zh_CN": "设备 {serial} 处于“{state}”状态，尚不能发货。",
        "zh_TW": "設備 {serial} 目前為「{state}」，尚不能出貨。",
    },
    "shipping.already_packed": {
        "en": "Unit {serial} is already packed in parcel {parcel}.",
        "zh_CN": "设备 {serial} 已装入包裹 {parcel}。",
        "zh_TW": "設備 {serial} 已裝入包裹 {parcel}。",
    },
    "shipping.pack_raced": {
        "en": "Another station packed or changed some of these units just now; nothing was "
              "packed. Refresh the list and try again.",
        "zh_CN": "另一工作站刚刚打包或更改了其中部分设备；此处未打包任何设备。请刷新列表后重试。",
        "zh_TW": "另一個工作站剛剛包裝或變更了其中部分設備；此處未包裝任何設備。請重新整理清單後再試一次。",
    },
    "shipping.no_parcel": {
        "en": "There is no parcel {parcel}.",
        "zh_CN": "没有包裹 {parcel}。",
        "zh_TW": "沒有包裹 {parcel}。",
    },
    "shipping.bad_pattern": {
        "en": "The tracking-number pattern for {carrier} ({pattern!r}) is not a valid pattern: "
              "{problem}. Correct it in the shipping settings.",
        "zh_CN": "{carrier} 的运单号格式（{pattern!r}）无效：{problem}。请在发货设置中更正。",
        "zh_TW": "{carrier} 的運單號格式（{pattern!r}）無效：{problem}。請在出貨設定中更正。",
    },
    "shipping.bad_tracking": {
        "en": "{tracking!r} is not a tracking number: scan the carrier's barcode "
              "(4-64 letters and digits, no spaces).",
        "zh_CN": "{tracking!r} 不是运单号：请扫描承运商的条码（4-64 个字母或数字，不含空格）。",
        "zh_TW": "{tracking!r} 不是運單號：請掃描貨運公司的條碼（4-64 個字母或數字，不含空白）。",
    },
    "shipping.tracking_after_leaving": {
        "en": "Parcel {parcel} has already left; its tracking number stays.",
        "zh_CN": "包裹 {parcel} 已发出；运单号不能再更改。",
        "zh_TW": "包裹 {parcel} 已寄出；運單號不能再變更。",
    },
    "shipping.tracking_taken": {
        "en": "Tracking number {tracking} is already on parcel {other}; "
              "each parcel needs its own waybill.",
        "zh_CN": "运单号 {tracking} 已用于包裹 {other}；每个包裹都需要单独的运单。",
        "zh_TW": "運單號 {tracking} 已用於包裹 {other}；每個包裹都需要自己的託運單。",
    },
    "shipping.label_after_leaving": {
        "en": "Parcel {parcel} has already left; its label is no longer needed.",
        "zh_CN": "包裹 {parcel} 已发出；不再需要打印标签。",
        "zh_TW": "包裹 {parcel} 已寄出；不再需要列印標籤。",
    },
    "shipping.already_shipped": {
        "en": "Parcel {parcel} was already shipped.",
        "zh_CN": "包裹 {parcel} 已经发出。",
        "zh_TW": "包裹 {parcel} 已經寄出。",
    },
    "shipping.no_tracking": {
        "en": "Parcel {parcel} has no tracking number yet; scan the waybill first.",
        "zh_CN": "包裹 {parcel} 还没有运单号；请先扫描运单。",
        "zh_TW": "包裹 {parcel} 還沒有運單號；請先掃描託運單。",
    },
    "shipping.empty_parcel": {
        "en": "Parcel {parcel} holds no units.",
        "zh_CN": "包裹 {parcel} 里没有设备。",
        "zh_TW": "包裹 {parcel} 裡沒有設備。",
    },
    "shipping.ship_raced": {
        "en": "Parcel {parcel} was shipped or changed at another station just now; nothing was "
              "shipped here. Refresh the list.",
        "zh_CN": "包裹 {parcel} 刚刚已在另一工作站发出或被更改；此处未发出任何设备。请刷新列表。",
        "zh_TW": "包裹 {parcel} 剛剛已在另一個工作站寄出或被變更；此處未寄出任何設備。請重新整理清單。",
    },
})


@dataclass(frozen=True)
class ReadyUnit:
    """One unit waiting to go back, and the parcel it is already packed in, if any."""

    unit_id: int
    serial: str
    model: str
    status: str
    shipment_id: int | None
    tracking_number: str


@dataclass(frozen=True)
class ReadyGroup:
    """The ready units of one work order, which all go to its one return address."""

    work_order_id: int
    work_order_number: str
    customer: str
    address: str
    has_return_address: bool
    units: tuple[ReadyUnit, ...]


@dataclass(frozen=True)
class ShipmentSummary:
    """A parcel as the shipping screen shows it."""

    shipment_id: int
    work_order_number: str
    carrier: str
    service: str
    tracking_number: str
    parcel_no: int
    parcel_count: int
    freight_payer: str
    cod_amount: Decimal
    currency: str
    serials: tuple[str, ...]
    shipped: bool
    label_printed: bool = False


def address_text(wo: WorkOrder) -> str:
    """The return address on one line, for grouping and display."""
    parts = [*(ln.strip() for ln in wo.address.splitlines()), wo.city, wo.province,
             wo.postal_code, wo.country]
    return ", ".join(p.strip() for p in parts if p and p.strip())


def ready_to_ship(uow: UnitOfWork, limit: int = 2000) -> list[ReadyGroup]:
    """Units waiting to go back, grouped by return address, then work order.

    Args:
        limit: At most this many units are listed (the oldest work orders first).
    """
    rows = uow.session.execute(
        select(Unit, WorkOrder)
        .join(WorkOrder, Unit.work_order_id == WorkOrder.id)
        .where(Unit.status.in_(READY_STATES))
        .options(selectinload(Unit.product), selectinload(WorkOrder.customer))
        .order_by(WorkOrder.id, Unit.id).limit(limit)).all()
    parcels = {u.shipment_id for u, _ in rows if u.shipment_id}
    tracking = dict(uow.session.execute(select(Shipment.id, Shipment.tracking_number)
                                        .where(Shipment.id.in_(parcels))).all()) if parcels else {}
    groups: dict[int, tuple[WorkOrder, list[ReadyUnit]]] = {}
    for unit, wo in rows:
        groups.setdefault(wo.id, (wo, []))[1].append(ReadyUnit(
            unit.id, unit.serial, unit.product.model, unit.status.value, unit.shipment_id,
            tracking.get(unit.shipment_id, "") if unit.shipment_id else ""))
    result = [ReadyGroup(wo.id, wo.number, wo.customer.name, address_text(wo),
                         wo.has_return_address, tuple(units)) for wo, units in groups.values()]
    # Parcels to one address leave together, so the same address sorts together.
    return sorted(result, key=lambda g: (g.address.casefold(), g.work_order_number))


@dataclass(frozen=True)
class FreightTerms:
    """Who pays the freight of one parcel and whether it is cash on delivery."""
    payer: str
    cash_on_delivery: bool
    carriers: tuple[str, ...]


def is_product_defect(uow: UnitOfWork, unit_id: int) -> bool:
    """Whether the unit's latest diagnosis found a defect of the product itself (S2)."""
    return uow.session.scalar(select(Diagnosis.cause).where(Diagnosis.unit_id == unit_id).order_by(
        Diagnosis.created_at.desc(), Diagnosis.id.desc()).limit(1)) == "product_defect"


def freight_for(uow: UnitOfWork, unit: Unit) -> FreightTerms:
    """The freight terms of the unit's vendor policy; the center pays where a policy says nothing."""
    policy = policy_for(uow, unit.product.policy_code)
    if policy.freight is None:
        return FreightTerms("center", False, ())
    decision = freight_payer(policy, product_defect=is_product_defect(uow, unit.id))
    # "vendor" pays means the center sends prepaid and settles with the vendor: for the carrier the
    # sender pays, which is what the label must say.
    payer = "center" if decision.payer == "vendor" else decision.payer
    return FreightTerms(payer, decision.cash_on_delivery, tuple(decision.carriers))


def unpaid_charges(uow: UnitOfWork, unit: Unit) -> Decimal:
    """What the customer agreed to pay for this unit and has not paid: collected on delivery."""
    if unit.paid_at is not None:
        return Decimal("0")
    quote = uow.session.scalar(
        select(Quote).where(Quote.unit_id == unit.id, Quote.status.in_(_CHARGED_QUOTE_STATES))
        .options(selectinload(Quote.lines)).order_by(Quote.version.desc()).limit(1))
    if quote is None:
        return Decimal("0")
    total = Decimal("0")
    for line in quote.lines:
        net = Decimal(line.quantity) * Decimal(line.unit_price) * \
            (1 - Decimal(line.discount_percent or 0) / 100)
        total += net * (1 + Decimal(line.tax_percent or 0) / 100)
    return total.quantize(_CENT, rounding=ROUND_HALF_UP)


def find_work_order(uow: UnitOfWork, work_order: WorkOrder | str | int) -> WorkOrder:
    """A work order by row, id or number; a UserError when there is none."""
    if isinstance(work_order, WorkOrder):
        return work_order
    column = WorkOrder.id if isinstance(work_order, int) else WorkOrder.number
    if (wo := uow.session.scalar(select(WorkOrder).where(column == work_order))) is None:
        raise UserError.of("shipping.no_work_order", work_order=work_order)
    return wo


def create_shipments(uow: UnitOfWork, work_order: WorkOrder | str | int, unit_ids: Sequence[int],
                     carrier: str, service: str = "", batch_size: int = 0) -> list[ShipmentSummary]:
    """Pack ready units of one work order into parcels and commit them.

    Units whose freight terms differ (S2: a product defect or not) never share a parcel, because
    one label can name only one payer. Each parcel holds at most `batch_size` units (0: no limit).

    Raises:
        UserError: a unit is not ready, not on this work order, already packed, or the carrier is
            not one the vendor's policy allows; nothing is stored then.
    """
    require(uow.actor, Role.SHIPPING, action="pack units for shipping")
    carrier = carrier.strip()
    if not carrier or batch_size < 0:
        raise UserError.of("shipping.carrier_and_batch")
    wo = find_work_order(uow, work_order)
    if not wo.has_return_address:
        raise UserError.of("shipping.no_return_address", number=wo.number)
    if not (wanted := list(dict.fromkeys(unit_ids))):
        raise UserError.of("shipping.select_units")
    units = uow.session.scalars(select(Unit).where(Unit.id.in_(wanted))
                                .options(selectinload(Unit.product)).order_by(Unit.id)).all()
    _check_packable(wo, wanted, units)
    by_terms: dict[FreightTerms, list[Unit]] = {}
    for unit in units:
        by_terms.setdefault(freight_for(uow, unit), []).append(unit)
    for terms in by_terms:
        if terms.carriers and carrier not in terms.carriers:
            raise UserError.of("shipping.carrier_not_allowed", carrier=carrier, number=wo.number,
                               carriers=", ".join(terms.carriers))
    parcels = [(terms, chunk) for terms, group in by_terms.items()
               for chunk in (group[i:i + (batch_size or len(group))]
                             for i in range(0, len(group), batch_size or len(group)))]
    now = utcnow()
    created: list[ShipmentSummary] = []
    for n, (terms, chunk) in enumerate(parcels, start=1):
        cod = sum((unpaid_charges(uow, u) for u in chunk), Decimal("0")) \
            if terms.cash_on_delivery else Decimal("0")
        shipment = Shipment(work_order_id=wo.id, carrier=carrier, service=service.strip(),
                            batch_no=n, batch_count=len(parcels), cod_amount=cod,
                            freight_payer=terms.payer, created_at=now, user_id=uow.actor.user_id)
        uow.session.add(shipment)
        uow.session.flush()
        _claim(uow, shipment.id, [u.id for u in chunk])
        serials = tuple(u.serial for u in chunk)
        record(uow, Change("shipment.create", "shipment", str(shipment.id), wo.id, after={
            "carrier": carrier, "service": shipment.service, "parcel": f"{n}/{len(parcels)}",
            "freight_payer": terms.payer, "cod_amount": str(cod), "serials": list(serials)}))
        created.append(_summary(shipment, wo.number, serials))
    uow.commit()
    return created


def _check_packable(wo: WorkOrder, wanted: list[int], units: Sequence[Unit]) -> None:
    missing = [str(i) for i in set(wanted) - {u.id for u in units}]
    if missing:
        raise UserError.of("shipping.unknown_units", ids=", ".join(missing))
    for unit in units:
        if unit.work_order_id != wo.id:
            raise UserError.of("shipping.other_work_order", serial=unit.serial, number=wo.number)
        if unit.status not in READY_STATES:
            raise UserError.of("shipping.not_ready", serial=unit.serial,
                               state=state_phrase(unit.status))
        if unit.shipment_id is not None:
            raise UserError.of("shipping.already_packed", serial=unit.serial,
                               parcel=unit.shipment_id)


def _claim(uow: UnitOfWork, shipment_id: int, unit_ids: list[int]) -> None:
    # Conditional: another clerk may have packed one of these units since we read it.
    result = uow.session.execute(
        update(Unit).where(Unit.id.in_(unit_ids), Unit.shipment_id.is_(None),
                           Unit.status.in_(READY_STATES))
        .values(shipment_id=shipment_id).execution_options(synchronize_session=False))
    if result.rowcount != len(unit_ids):  # type: ignore[attr-defined]
        raise UserError.of("shipping.pack_raced")


def _summary(shipment: Shipment, number: str, serials: tuple[str, ...]) -> ShipmentSummary:
    return ShipmentSummary(shipment.id, number, shipment.carrier, shipment.service,
                           shipment.tracking_number, shipment.batch_no, shipment.batch_count,
                           shipment.freight_payer, shipment.cod_amount, shipment.currency, serials,
                           shipment.shipped_at is not None, shipment.label_printed_at is not None)


def get_shipment(uow: UnitOfWork, shipment_id: int) -> Shipment:
    """The parcel with this id, or a UserError."""
    if (shipment := uow.session.get(Shipment, shipment_id)) is None:
        raise UserError.of("shipping.no_parcel", parcel=shipment_id)
    return shipment


def shipment_units(uow: UnitOfWork, shipment_id: int) -> list[Unit]:
    return list(uow.session.scalars(select(Unit).where(Unit.shipment_id == shipment_id)
                                    .order_by(Unit.id)))


def open_shipments(uow: UnitOfWork, work_order: WorkOrder | str | int) -> list[ShipmentSummary]:
    """The work order's parcels, shipped or not, in the order they were packed."""
    wo = find_work_order(uow, work_order)
    rows = uow.session.scalars(select(Shipment).where(Shipment.work_order_id == wo.id)
                               .order_by(Shipment.id)).all()
    return [_summary(s, wo.number, tuple(u.serial for u in shipment_units(uow, s.id)))
            for s in rows]


def latest_shipment(uow: UnitOfWork, work_order: WorkOrder | str | int) -> Shipment | None:
    wo = find_work_order(uow, work_order)
    return uow.session.scalar(select(Shipment).where(Shipment.work_order_id == wo.id)
                              .order_by(Shipment.id.desc()).limit(1))


def tracking_pattern(carrier: str, patterns: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """The waybill pattern of a carrier: the one in `patterns` (the station's settings), the
    built-in one, or plain letters and digits (8-30).

    Raises:
        UserError: the configured pattern for the carrier is not a valid regular expression.
    """
    text = (patterns or {}).get(carrier) or CARRIER_TRACKING.get(carrier) or PLAIN_TRACKING
    try:
        return re.compile(text)
    except re.error as exc:
        raise UserError.of("shipping.bad_pattern", carrier=carrier, pattern=text,
                           problem=str(exc)) from exc


def looks_like_tracking(carrier: str, scanned: str,
                        patterns: Mapping[str, str] | None = None) -> bool:
    """Whether a scan is a waybill number of this carrier (SF Express: SF and 12-15 digits)."""
    return tracking_pattern(carrier, patterns).fullmatch(scanned.strip()) is not None


def work_order_for_scan(uow: UnitOfWork, scanned: str) -> str | None:
    """The number of the work order a scan names (its number, its order number, or GS1 AI 400)."""
    parsed = parse_scan(scanned)
    text = parsed.order_number or parsed.text
    if not text or parsed.kind in ("unreadable", "garbled_layout"):
        return None
    found = uow.session.scalar(select(WorkOrder.number).where(WorkOrder.number == text))
    return found or uow.session.scalar(select(WorkOrder.number).where(
        WorkOrder.order_number == text).order_by(WorkOrder.id.desc()).limit(1))


def latest_intake_id(uow: UnitOfWork, work_order: WorkOrder | str | int) -> int | None:
    """The last parcel intake that brought units of this work order (its slip goes back too)."""
    wo = find_work_order(uow, work_order)
    return uow.session.scalar(select(func.max(Unit.intake_id)).where(Unit.work_order_id == wo.id))


def assign_tracking(uow: UnitOfWork, shipment_id: int, tracking_number: str) -> ShipmentSummary:
    """Store the carrier's tracking number scanned from its waybill, and commit."""
    require(uow.actor, Role.SHIPPING, action="assign tracking numbers")
    tracking = tracking_number.strip()
    if not _TRACKING.fullmatch(tracking):
        raise UserError.of("shipping.bad_tracking", tracking=tracking_number)
    shipment = get_shipment(uow, shipment_id)
    if shipment.shipped_at is not None:
        raise UserError.of("shipping.tracking_after_leaving", parcel=shipment_id)
    if (other := uow.session.scalar(select(Shipment.id).where(
            Shipment.tracking_number == tracking, Shipment.id != shipment_id))) is not None:
        raise UserError.of("shipping.tracking_taken", tracking=tracking, other=other)
    before = {"tracking_number": shipment.tracking_number}
    after: dict[str, object] = {"tracking_number": tracking}
    if shipment.tracking_number != tracking and shipment.label_printed_at is not None:
        # The label already printed carries the old number (or none): it must be printed again.
        before["label_printed_at"] = shipment.label_printed_at.isoformat()
        after["label_printed_at"] = None
        shipment.label_printed_at, shipment.label_printed_by = None, None
    shipment.tracking_number = tracking
    record(uow, Change("shipment.tracking", "shipment", str(shipment.id), shipment.work_order_id,
                       before=before, after=after))
    wo = uow.session.get_one(WorkOrder, shipment.work_order_id)
    serials = tuple(u.serial for u in shipment_units(uow, shipment.id))
    uow.commit()
    return _summary(shipment, wo.number, serials)


def mark_label_printed(uow: UnitOfWork, shipment_id: int) -> ShipmentSummary:
    """Record that the parcel's label was accepted by a printer, and commit.

    Call it only once the printer took the job (Qt's painter ended, lp exited 0, the socket
    send completed): a failed print must leave the parcel unprinted.

    Raises:
        UserError: there is no such parcel or it has already left.
    """
    require(uow.actor, Role.SHIPPING, action="print shipping labels")
    shipment = get_shipment(uow, shipment_id)
    if shipment.shipped_at is not None:
        raise UserError.of("shipping.label_after_leaving", parcel=shipment_id)
    before = shipment.label_printed_at
    shipment.label_printed_at = utcnow()
    shipment.label_printed_by = uow.actor.user_id
    record(uow, Change("shipment.label_printed", "shipment", str(shipment.id),
                       shipment.work_order_id,
                       before={"label_printed_at": before.isoformat() if before else None},
                       after={"label_printed_at": shipment.label_printed_at.isoformat(),
                              "tracking_number": shipment.tracking_number}))
    wo = uow.session.get_one(WorkOrder, shipment.work_order_id)
    summary = _summary(shipment, wo.number,
                       tuple(u.serial for u in shipment_units(uow, shipment.id)))
    uow.commit()
    return summary


def ship(uow: UnitOfWork, shipment_id: int) -> ShipmentSummary:
    """Mark the parcel and its units shipped, in one transaction, and commit.

    Raises:
        UserError: the parcel has no tracking number, is empty, or another clerk shipped or
            changed one of its units first; then nothing at all is shipped.
    """
    require(uow.actor, Role.SHIPPING, action="ship parcels")
    shipment = get_shipment(uow, shipment_id)
    if shipment.shipped_at is not None:
        raise UserError.of("shipping.already_shipped", parcel=shipment_id)
    if not shipment.tracking_number:
        raise UserError.of("shipping.no_tracking", parcel=shipment_id)
    if not (units := shipment_units(uow, shipment_id)):
        raise UserError.of("shipping.empty_parcel", parcel=shipment_id)
    old = {u.id: u.status for u in units}
    now = utcnow()
    # The WHERE re-checks the state at write time: a clerk who read the units before another one
    # shipped them updates fewer rows than expected and is stopped here.
    done = uow.session.execute(
        update(Unit).where(Unit.id.in_(list(old)), Unit.shipment_id == shipment_id,
                           Unit.status.in_(READY_STATES))
        .values(status=UnitStatus.SHIPPED, shipped_at=now)
        .execution_options(synchronize_session=False)).rowcount  # type: ignore[attr-defined]
    parcel = uow.session.execute(
        update(Shipment).where(Shipment.id == shipment_id, Shipment.shipped_at.is_(None))
        .values(shipped_at=now).execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    if done != len(old) or parcel != 1:
        uow.rollback()
        raise UserError.of("shipping.ship_raced", parcel=shipment_id)
    for unit in units:
        uow.session.expire(unit)
        record_unit_change(uow, unit, old[unit.id], UnitStatus.SHIPPED,
                           reason=f"shipped with {shipment.carrier} {shipment.tracking_number}")
    uow.session.expire(shipment)
    wo = uow.session.get_one(WorkOrder, shipment.work_order_id)
    refresh_work_order_status(uow, wo)
    serials = tuple(u.serial for u in units)
    record(uow, Change("shipment.ship", "shipment", str(shipment_id), wo.id, after={
        "tracking_number": shipment.tracking_number, "serials": list(serials)}))
    summary = _summary(shipment, wo.number, serials)
    uow.commit()
    return summary


def provisional_shipment(uow: UnitOfWork, work_order: WorkOrder | str | int) -> tuple[Shipment, list[str]]:
    """A parcel for the label of a work order that has none yet (not stored): its ready units,
    or all its units, with the freight terms of the first of them; the tracking number is blank."""
    wo = find_work_order(uow, work_order)
    units = [u for u in wo.units if u.status in READY_STATES] or list(wo.units)
    terms = freight_for(uow, units[0]) if units else FreightTerms("center", False, ())
    cod = sum((unpaid_charges(uow, u) for u in units), Decimal("0")) \
        if terms.cash_on_delivery else Decimal("0")
    carrier = terms.carriers[0] if terms.carriers else DEFAULT_CARRIERS[0]
    shipment = Shipment(work_order_id=wo.id, carrier=carrier, service="", tracking_number="",
                        batch_no=1, batch_count=1, cod_amount=cod, currency="CNY",
                        freight_payer=terms.payer)
    return shipment, [u.serial for u in units]


@dataclass
class ReportRows:
    """Everything the repair report of one work order shows, keyed as reports.from_models wants."""

    findings: dict[int, list[Finding]]
    diagnoses: dict[int, Diagnosis]
    repairs: dict[int, list[RepairAction]]
    quotes: dict[int, Quote]
    intakes: dict[int, ParcelIntake]


def report_rows(uow: UnitOfWork, work_order: WorkOrder | str | int) -> ReportRows:
    """Findings, latest diagnoses, repair actions, charged quotes and intakes of a work order."""
    wo = find_work_order(uow, work_order)
    ids = [u.id for u in wo.units]
    rows, session = ReportRows({}, {}, {}, {}, {}), uow.session
    for finding in session.scalars(select(Finding).where(Finding.unit_id.in_(ids))
                                   .order_by(Finding.ended_at, Finding.id)):
        rows.findings.setdefault(finding.unit_id, []).append(finding)
    for diagnosis in session.scalars(select(Diagnosis).where(Diagnosis.unit_id.in_(ids))
                                     .order_by(Diagnosis.created_at, Diagnosis.id)):
        rows.diagnoses[diagnosis.unit_id] = diagnosis  # the latest wins
    for action in session.scalars(select(RepairAction).where(RepairAction.unit_id.in_(ids))
                                  .options(selectinload(RepairAction.part))
                                  .order_by(RepairAction.done_at, RepairAction.id)):
        rows.repairs.setdefault(action.unit_id, []).append(action)
    for quote in session.scalars(select(Quote).where(Quote.unit_id.in_(ids),
                                                     Quote.status.in_(("accepted", "paid")))
                                 .options(selectinload(Quote.lines)).order_by(Quote.version)):
        rows.quotes[quote.unit_id] = quote
    intake_ids = {u.intake_id for u in wo.units if u.intake_id is not None}
    rows.intakes = {i.id: i for i in session.scalars(
        select(ParcelIntake).where(ParcelIntake.id.in_(intake_ids)))} if intake_ids else {}
    return rows
